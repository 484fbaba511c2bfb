/* interchange.c - see interchange.h.  JSON through jansson only. */
#include "core/interchange.h"
#include "core/when.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bulk.h"
#include "core/clock.h"
#include "core/jsonscan.h"
#include "core/rec.h"
#include "core/rec_json.h"
#include "db/db.h"


void import_note(struct import_report *rep, const char *fmt, ...)
{
	va_list ap;
	if (rep->notes >= IMPORT_NOTES) {
		rep->notes_more++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(rep->note[rep->notes++], sizeof rep->note[0], fmt, ap);
	va_end(ap);
}
#define NKINDS K_COUNT

/* The k-th kind, parents first (kind_order), so that references resolve. */
static enum kind_id order_at(size_t k)
{
	static enum kind_id order[K_COUNT];
	static int known;
	if (!known) {
		kind_order(order);
		known = 1;
	}
	return order[k];
}
#define BULK_ROWS 1000 /* below this the triggers are cheaper */

/* "person_id" -> "person_uuid" */
static void uuid_key(const char *col, char *buf, size_t n)
{
	size_t len = strlen(col);
	if (len > 3 && strcmp(col + len - 3, "_id") == 0)
		len -= 3;
	snprintf(buf, n, "%.*s_uuid", (int)len, col);
}

static int uuid_of(struct db *db, enum kind_id kind, int64_t id, char *buf, size_t n)
{
	char sql[96];
	struct db_stmt *st;
	int rc;
	snprintf(sql, sizeof sql, "SELECT uuid FROM %s WHERE id = ?1", kind_get(kind)->table);
	buf[0] = '\0';
	if (db_prepare(db, sql, &st, NULL))
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = db_step(st, NULL)) == DB_ROW)
		snprintf(buf, n, "%s", db_col_text(st, 0));
	db_release(st);
	return rc == DB_ROW ? 0 : -1;
}

static int write_json(FILE *out, const char *s)
{
	return fputs(s, out) == EOF ? -1 : 0;
}

int export_json(struct db *db, FILE *out, struct rp_err *err)
{
	json_t *head = json_pack("{s:s, s:i, s:i, s:I}", "format", EXPORT_FORMAT, "version",
	                         EXPORT_VERSION, "schema", db_schema_version(db), "exported_at",
	                         (json_int_t)clock_now());
	char *text = json_dumps(head, JSON_COMPACT);
	int ok = text != NULL;
	json_decref(head);
	/* the head's members, then one array per kind, streamed row by row */
	if (ok) {
		text[strlen(text) - 1] = '\0'; /* drop the closing brace */
		ok = write_json(out, text) == 0;
	}
	free(text);
	for (size_t k = 0; ok && k < NKINDS; k++) {
		const struct kind *kind = kind_get(order_at(k));
		json_t *name = json_string(kind->plural);
		char sql[96], *key = json_dumps(name, JSON_ENCODE_ANY);
		struct db_stmt *st;
		int64_t after = 0, first = 1;
		fprintf(out, ",\n%s:[", key ? key : "\"?\"");
		free(key);
		json_decref(name);
		snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE id > ?1 ORDER BY id LIMIT 500",
		         kind->table);
		for (;;) {
			int64_t ids[500];
			int n = 0, rc;
			if (db_prepare(db, sql, &st, err))
				return rp_code(err, RP_EDB);
			db_bind_int(st, 1, after);
			while ((rc = db_step(st, err)) == DB_ROW)
				ids[n++] = db_col_int(st, 0);
			db_release(st);
			if (rc == DB_FAIL)
				return rp_code(err, RP_EDB);
			for (int i = 0; i < n; i++) {
				struct rec r;
				json_t *j;
				if (rec_get(db, order_at(k), ids[i], &r, err) != RP_OK)
					return rp_code(err, RP_EDB);
				j = rec_to_json(&r);
				for (int f = 0; f < r.kind->nfields; f++) {
					char ukey[64], uuid[40];
					const struct field *fd = &r.kind->fields[f];
					if (fd->type != F_REF)
						continue;
					uuid_key(fd->col, ukey, sizeof ukey);
					if (!rec_is_null(&r, f) && uuid_of(db, fd->ref, rec_int(&r, f), uuid,
					                                   sizeof uuid) == 0)
						json_object_set_new(j, ukey, json_string(uuid));
					else
						json_object_set_new(j, ukey, json_null());
				}
				rec_free(&r);
				fputs(first ? "\n" : ",\n", out);
				first = 0;
				if (!j || json_dumpf(j, out, JSON_COMPACT) != 0)
					ok = 0;
				json_decref(j);
			}
			if (n < 500)
				break;
			after = ids[n - 1];
		}
		fputs("]", out);
	}
	fputs("}\n", out);
	if (!ok || ferror(out))
		return rp_fail(err, RP_EIO, "cannot write the export");
	return RP_OK;
}

/* --- import */

static int bad(struct rp_err *err, const char *where, const char *what)
{
	return rp_fail(err, RP_EINVAL, "%s: %s; nothing was imported", where, what);
}

/* bad(), with the message core just left in err as the `what`. */
static int bad_again(struct rp_err *err, const char *where)
{
	return rp_prefix(err, RP_EINVAL, where, "; nothing was imported");
}

static int local_id(struct db *db, enum kind_id kind, const char *uuid, int64_t *id,
                    int64_t *updated)
{
	char sql[128];
	struct db_stmt *st;
	int rc;
	*id = 0;
	snprintf(sql, sizeof sql, "SELECT id, updated_at FROM %s WHERE uuid = ?1",
	         kind_get(kind)->table);
	if (db_prepare(db, sql, &st, NULL))
		return -1;
	db_bind_text(st, 1, uuid);
	if ((rc = db_step(st, NULL)) == DB_ROW) {
		*id = db_col_int(st, 0);
		if (updated)
			*updated = db_col_int(st, 1);
	}
	db_release(st);
	return rc == DB_FAIL ? -1 : 0;
}

static int uuid_ok(const char *s)
{
	if (strlen(s) != 36)
		return 0;
	for (int i = 0; i < 36; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? s[i] != '-' : !strchr("0123456789abcdefABCDEF", s[i]))
			return 0;
	}
	return 1;
}

/* One field of a record from its JSON value, with core's own rules. */
static int take_field(struct db *db, struct rec *r, int f, json_t *obj, const char *where,
                      struct rp_err *err)
{
	const struct field *fd = &r->kind->fields[f];
	json_t *v = json_object_get(obj, fd->col);
	char text[64], pos[200];
	snprintf(pos, sizeof pos, "%s.%s", where, fd->col);
	if (fd->type == F_REF) {
		char ukey[64];
		json_t *u;
		int64_t id;
		uuid_key(fd->col, ukey, sizeof ukey);
		u = json_object_get(obj, ukey);
		if (!u || json_is_null(u)) {
			if (fd->flags & FF_REQUIRED)
				return bad(err, pos, "a reference is required");
			rec_set(db, r, f, "", NULL);
			return RP_OK;
		}
		if (!json_is_string(u) || local_id(db, fd->ref, json_string_value(u), &id, NULL) != 0 ||
		    !id)
			return bad(err, pos, "refers to a row that is neither here nor earlier in the file");
		return rec_set_int(r, f, id, err) == RP_OK ? RP_OK : bad_again(err, pos);
	}
	if (!v || json_is_null(v)) { /* an older export, or a hand-made file */
		if (fd->def)
			return rec_set(db, r, f, fd->def, err) == RP_OK ? RP_OK : bad_again(err, pos);
		if (fd->flags & FF_REQUIRED)
			return bad(err, pos, "is required");
		rec_set(db, r, f, "", NULL);
		return RP_OK;
	}
	if (fd->type == F_INSTANT) {
		if (!json_is_integer(v))
			return bad(err, pos, "must be a whole number (unix seconds)");
		return rec_set_int(r, f, json_integer_value(v), err) == RP_OK ? RP_OK
		                                                              : bad_again(err, pos);
	}
	if (fd->type == F_BOOL) {
		if (!json_is_boolean(v) && !json_is_integer(v))
			return bad(err, pos, "must be true or false");
		if (rec_set_int(r, f, json_is_true(v) || (json_is_integer(v) && json_integer_value(v)),
		                err) != RP_OK)
			return bad_again(err, pos);
		return RP_OK;
	}
	if (fd->type == F_INT) {
		if (!json_is_integer(v))
			return bad(err, pos, "must be a whole number");
		snprintf(text, sizeof text, "%lld", (long long)json_integer_value(v));
		return rec_set(db, r, f, text, err) == RP_OK ? RP_OK : bad_again(err, where);
	}
	if (!json_is_string(v))
		return bad(err, pos, "must be text");
	/* text, choices, dates, tags: the same checks as typing them */
	return rec_set(db, r, f, json_string_value(v), err) == RP_OK ? RP_OK : bad_again(err, where);
}

static int take_meta(json_t *obj, const char *key, int64_t *out, int nullable, const char *where,
                     struct rp_err *err)
{
	json_t *v = json_object_get(obj, key);
	char pos[200];
	snprintf(pos, sizeof pos, "%s.%s", where, key);
	if (nullable && (!v || json_is_null(v))) {
		*out = 0;
		return RP_OK;
	}
	if (!v || !json_is_integer(v) || json_integer_value(v) < 0)
		return bad(err, pos, "must be a whole number (unix seconds)");
	if (instant_check(json_integer_value(v), key, NULL) != RP_OK)
		return bad(err, pos, "is not a time between the years 1900 and 9999 (unix seconds)");
	*out = json_integer_value(v);
	return RP_OK;
}

static int import_record(struct db *db, enum kind_id kind, json_t *obj, const char *where,
                         struct import_report *rep, struct rp_err *err)
{
	struct rec r;
	json_t *uuid = json_object_get(obj, "uuid"), *id = json_object_get(obj, "id");
	int64_t existing = 0, their_updated = 0;
	const char *key;
	json_t *val;
	char pos[200];
	int rc = RP_OK;

	if (!json_is_object(obj))
		return bad(err, where, "must be an object");
	snprintf(pos, sizeof pos, "%s.uuid", where);
	if (!json_is_string(uuid) || !uuid_ok(json_string_value(uuid)))
		return bad(err, pos, "must be a uuid");
	rec_init(&r, kind);
	snprintf(r.uuid, sizeof r.uuid, "%s", json_string_value(uuid));
	r.id = json_is_integer(id) && json_integer_value(id) > 0 ? json_integer_value(id) : 0;
	if (take_meta(obj, "created_at", &r.created_at, 0, where, err) != RP_OK ||
	    take_meta(obj, "updated_at", &r.updated_at, 0, where, err) != RP_OK ||
	    take_meta(obj, "deleted_at", &r.deleted_at, 1, where, err) != RP_OK) {
		rec_free(&r);
		return RP_EINVAL;
	}
	for (int f = 0; f < r.kind->nfields && rc == RP_OK; f++)
		rc = take_field(db, &r, f, obj, where, err);
	json_object_foreach(obj, key, val) {
		(void)val;
		if (kind_field_index(r.kind, key) < 0 && strcmp(key, "id") != 0 &&
		    strcmp(key, "uuid") != 0 && strcmp(key, "created_at") != 0 &&
		    strcmp(key, "updated_at") != 0 && strcmp(key, "deleted_at") != 0 &&
		    !strstr(key, "_uuid"))
			rep->unknown_fields++;
	}
	if (rc == RP_OK && local_id(db, kind, r.uuid, &existing, &their_updated) != 0)
		rc = rp_fail(err, RP_EDB, "%s: cannot look it up", where);
	if (rc == RP_OK) {
		if (existing && their_updated >= r.updated_at) {
			rep->unchanged++; /* ours is as new or newer */
		} else if ((rc = rec_write_raw(db, &r, existing, err)) == RP_OK) {
			if (existing)
				rep->updated++;
			else
				rep->added++;
		} else {
			rc = bad_again(err, where);
		}
	}
	rec_free(&r);
	return rc;
}

/* Worth the bulk path: more rows coming than the file holds already (filling
 * the search index again costs about as much as what is there). */
static int bulk_import(struct db *db, size_t coming)
{
	int64_t have = 0;
	if (coming < BULK_ROWS)
		return 0;
	/* the largest ids stand for the sizes of the tables (no count(*) scan) */
	for (size_t k = 0; k < NKINDS; k++) {
		char sql[100];
		int64_t top;
		snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM %s", kind_get(order_at(k))->table);
		if (db_one_int(db, sql, &top, NULL, 0) == DB_FAIL)
			return 0;
		have += top;
	}
	return (int64_t)coming > have;
}

/* The file's top level, before anything is written: it is a rapport export,
 * where each kind's list is and how many rows it holds.  Other members are
 * parsed (a syntax error anywhere refuses the file) and left. */
static int read_top(struct jscan *s, struct jscan_span lists[NKINDS], size_t *coming,
                    struct rp_err *err)
{
	struct jscan_iter top = {0, 0};
	struct jscan_span val;
	json_t *key;
	int more, format_seen = 0, is_rapport = 0;
	*coming = 0;
	while ((more = jscan_member(s, &top, &key, &val, err)) == 1) {
		const char *name = json_is_string(key) ? json_string_value(key) : "";
		size_t k = 0;
		int rc = RP_OK;
		while (k < NKINDS && strcmp(name, kind_get(order_at(k))->plural) != 0)
			k++;
		if ((k < NKINDS && lists[k].end) || (strcmp(name, "format") == 0 && format_seen))
			rc = rp_fail(err, RP_EINVAL, "%s: \"%s\" appears twice; nothing was imported",
			             s->path, name);
		else if (k < NKINDS && s->buf[val.start] != '[')
			rc = rp_fail(err, RP_EINVAL, "%s: %s must be a list; nothing was imported", s->path,
			             name);
		if (rc == RP_OK && k < NKINDS) {
			struct jscan_iter it = jscan_iter_of(val);
			struct jscan_span el;
			while ((more = jscan_element(s, &it, &el, err)) == 1)
				++*coming;
			rc = more < 0 ? RP_EINVAL : RP_OK;
			lists[k] = val;
		} else if (rc == RP_OK) {
			json_t *v = jscan_load(s, val, err);
			if (!v)
				rc = RP_EINVAL;
			if (strcmp(name, "format") == 0) {
				format_seen = 1;
				is_rapport = json_is_string(v) && strcmp(json_string_value(v), EXPORT_FORMAT) == 0;
			}
			json_decref(v);
		}
		json_decref(key);
		if (rc != RP_OK)
			return rc;
	}
	if (more < 0)
		return RP_EINVAL;
	if (!is_rapport)
		return rp_fail(err, RP_EINVAL, "%s: not a rapport export (no \"format\": \"rapport\")",
		               s->path);
	return RP_OK;
}

/* The rows of one kind, one record parsed at a time. */
static int import_list(struct db *db, struct jscan *s, enum kind_id kind, struct jscan_span list,
                       struct import_report *rep, struct rp_err *err)
{
	struct jscan_iter it = jscan_iter_of(list);
	struct jscan_span el;
	int rc = RP_OK, more;
	for (size_t i = 0; rc == RP_OK && (more = jscan_element(s, &it, &el, err)) != 0; i++) {
		char where[300];
		json_t *obj;
		if (more < 0 || !(obj = jscan_load(s, el, err)))
			return RP_EINVAL;
		snprintf(where, sizeof where, "%s: %s[%zu]", s->path, kind_get(kind)->plural, i);
		rc = import_record(db, kind, obj, where, rep, err);
		json_decref(obj);
		jscan_release(s, el.end);
	}
	return rc;
}

int import_json(struct db *db, const char *path, struct import_report *rep, struct rp_err *err)
{
	struct bulk saved;
	struct jscan s;
	struct jscan_span lists[NKINDS];
	size_t coming;
	int rc, bulk;

	memset(rep, 0, sizeof *rep);
	memset(&saved, 0, sizeof saved);
	memset(lists, 0, sizeof lists);
	if (jscan_open(&s, path, err) != RP_OK)
		return rp_code(err, RP_EIO);
	if ((rc = read_top(&s, lists, &coming, err)) != RP_OK || (rc = db_begin(db, err)) != RP_OK) {
		jscan_close(&s);
		return rp_code(err, rc);
	}
	bulk = bulk_import(db, coming);
	/* room for the pages an import touches (its uuid lookups go all over
	 * the index) rather than spilling to the WAL mid-transaction; for a big
	 * import the search index is filled once after the rows rather than row
	 * by row (the triggers come back at the end, or with the rollback) */
	if (db_exec(db, "PRAGMA cache_size = -65536", err) != RP_OK ||
	    (bulk && bulk_begin(db, &saved, err) != RP_OK))
		rc = rp_code(err, RP_EDB);
	for (size_t k = 0; k < NKINDS && rc == RP_OK; k++)
		if (lists[k].end)
			rc = import_list(db, &s, order_at(k), lists[k], rep, err);
	jscan_close(&s);
	if (bulk && bulk_end(db, &saved, rc == RP_OK, err) != RP_OK)
		rc = rp_code(err, RP_EDB);
	if (rc != RP_OK)
		db_rollback(db);
	else
		rc = db_commit(db, err);
	db_exec(db, "PRAGMA cache_size = -2000", NULL); /* SQLite's default */
	return rc;
}
