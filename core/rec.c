/* rec.c - see rec.h.  SQL here is assembled only from the column and table
 * names of kind.c (constants of the program); every value is a bound
 * parameter. */
#include "core/rec.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/clock.h"
#include "core/person.h"
#include "core/utf8.h"
#include "core/uuid.h"
#include "core/when.h"
#include "db/db.h"

#define SQL_MAX 2048


void rec_init(struct rec *r, enum kind_id kind)
{
	memset(r, 0, sizeof *r);
	r->kind = kind_get(kind);
	for (int i = 0; i < KIND_MAX_FIELDS; i++)
		r->v[i].null = 1;
}

void rec_free(struct rec *r)
{
	for (int i = 0; i < KIND_MAX_FIELDS; i++) {
		free(r->v[i].s);
		r->v[i].s = NULL;
	}
}

static void put_null(struct val *v)
{
	free(v->s);
	v->s = NULL;
	v->i = 0;
	v->null = 1;
	v->dirty = 1;
}

static void put_text(struct val *v, char *owned)
{
	free(v->s);
	v->s = owned;
	v->null = 0;
	v->dirty = 1;
}

static void put_int(struct val *v, int64_t i)
{
	free(v->s);
	v->s = NULL;
	v->i = i;
	v->null = 0;
	v->dirty = 1;
}

int rec_is_null(const struct rec *r, int field) { return r->v[field].null; }
int64_t rec_int(const struct rec *r, int field) { return r->v[field].null ? 0 : r->v[field].i; }
const char *rec_str(const struct rec *r, int field)
{
	return r->v[field].null ? NULL : r->v[field].s;
}

static int set_text_value(struct rec *r, int field, const char *s, struct rp_err *err);

int rec_fill_auto(struct rec *r, struct rp_err *err)
{
	const struct kind *k = r->kind;
	int f = k->auto_col ? kind_field_index(k, k->auto_col) : -1;
	if (f < 0 || !r->v[f].null)
		return RP_OK;
	return set_text_value(r, f,
	                      rec_int(r, kind_field_index(k, k->auto_from)) <= clock_now()
	                          ? k->auto_past
	                          : k->auto_future,
	                      err);
}

int rec_done_early(const struct rec *r, char *when, size_t n)
{
	const struct kind *k = r->kind;
	int at = k->auto_from ? kind_field_index(k, k->auto_from) : -1;
	if (at < 0 || !k->done_col || rec_is_done(r) || rec_is_null(r, at) ||
	    rec_int(r, at) <= (int64_t)clock_now())
		return 0;
	fmt_instant(rec_int(r, at), when, n);
	return 1;
}

int rec_is_done(const struct rec *r)
{
	const struct kind *k = r->kind;
	int f = k->done_col ? kind_field_index(k, k->done_col) : -1;
	if (f < 0 || rec_is_null(r, f))
		return 0;
	if (kind_type_is_text(k->fields[f].type))
		return strcmp(rec_str(r, f), k->done_yes) == 0;
	return rec_int(r, f) != 0;
}

int rec_set_done(struct db *db, struct rec *r, int done, struct rp_err *err)
{
	const struct kind *k = r->kind;
	char list[160];
	if (!kind_can_be_done(k)) {
		kind_list_text(kind_can_be_done, 0, " or ", list, sizeof list);
		return rp_fail(err, RP_EINVAL, "only a %s can be done", list);
	}
	return rec_set(db, r, kind_field_index(k, k->done_col), done ? k->done_yes : k->done_no, err);
}

const char *rec_text(const struct rec *r, const char *col)
{
	int f = kind_field_index(r->kind, col);
	const char *s = f >= 0 ? rec_str(r, f) : NULL;
	return s ? s : "";
}

/* A copy of text with outer white space removed. */
static char *trimmed(const char *text)
{
	size_t len;
	char *out;
	while (isspace((unsigned char)*text))
		text++;
	len = strlen(text);
	while (len && isspace((unsigned char)text[len - 1]))
		len--;
	out = malloc(len + 1);
	if (out) {
		memcpy(out, text, len);
		out[len] = '\0';
	}
	return out;
}

static int check_text(const struct field *f, const char *s, struct rp_err *err)
{
	size_t bad;
	if ((long)strlen(s) > f->max)
		return rp_fail(err, RP_EINVAL, "%s: too long (%zu bytes, at most %ld)", f->label,
		               strlen(s), f->max);
	if (!utf8_valid(s, &bad))
		return rp_fail(err, RP_EINVAL, "%s: not valid UTF-8 text (byte %zu)", f->label, bad + 1);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		int allowed = *p == '\t' || (f->type == F_LONGTEXT && (*p == '\n' || *p == '\r'));
		if ((*p < 0x20 && !allowed) || *p == 0x7f)
			return rp_fail(err, RP_EINVAL, "%s: contains a control character%s", f->label,
			               *p == '\n' ? " (a line break; this field is one line)" : "");
	}
	if ((f->flags & FF_EMAIL) && *s) {
		const char *at = strchr(s, '@');
		if (!at || at == s || !at[1] || strchr(at + 1, '@') || strpbrk(s, " \t,;<>"))
			return rp_fail(err, RP_EINVAL, "%s: '%s' does not look like an e-mail address",
			               f->label, s);
	}
	return RP_OK;
}

static int parse_int(const struct field *f, const char *s, int64_t *out, struct rp_err *err)
{
	char *end;
	long long v;
	errno = 0;
	v = strtoll(s, &end, 10);
	if ((f->flags & FF_PERCENT) && end != s && strcmp(end, "%") == 0)
		end++; /* "50%" as shown */
	if (errno || end == s || *end)
		return rp_fail(err, RP_EINVAL, "%s: '%s' is not a whole number", f->label, s);
	if (v < f->min || v > f->max)
		return rp_fail(err, RP_EINVAL, "%s: %lld is out of range (%ld to %ld)", f->label, v,
		               f->min, f->max);
	*out = v;
	return RP_OK;
}

/* Exact match, or a unique prefix ("men" is not unique: mentor, mentee). */
static int parse_choice(const struct field *f, const char *s, const char **out, struct rp_err *err)
{
	const char *hit = NULL;
	char all[160];
	int hits = 0;
	size_t n = strlen(s);
	for (int i = 0; f->choices[i]; i++) {
		if (strcasecmp(s, f->choices[i]) == 0) {
			*out = f->choices[i];
			return RP_OK;
		}
		if (n && strncasecmp(s, f->choices[i], n) == 0) {
			hit = f->choices[i];
			hits++;
		}
	}
	if (hits == 1) {
		*out = hit;
		return RP_OK;
	}
	kind_choices_text(f, all, sizeof all);
	return rp_fail(err, RP_EINVAL, "%s: '%s' is not one of %s", f->label, s, all);
}

static int parse_bool(const struct field *f, const char *s, int64_t *out, struct rp_err *err)
{
	static const char *const yes[] = {"1", "yes", "y", "true", "done", "on", NULL};
	static const char *const no[] = {"0", "no", "n", "false", "open", "off", NULL};
	for (int i = 0; yes[i]; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return (int)(*out = 1, RP_OK);
	for (int i = 0; no[i]; i++)
		if (strcasecmp(s, no[i]) == 0)
			return (int)(*out = 0, RP_OK);
	return rp_fail(err, RP_EINVAL, "%s: '%s' is not yes or no", f->label, s);
}

/* "a, b,,c " -> "a,b,c"; tags are kept in the order given, without repeats. */
static char *normalize_tags(const char *s)
{
	size_t cap = strlen(s) + 1, used = 0;
	char *copy = strdup(s), *out = calloc(1, cap), *save = NULL;
	if (!copy || !out) {
		free(copy);
		free(out);
		return NULL;
	}
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		char *tag = trimmed(t);
		size_t len = tag ? strlen(tag) : 0;
		int seen = 0;
		if (len) {
			for (const char *p = out; *p;) {
				const char *comma = strchr(p, ',');
				size_t plen = comma ? (size_t)(comma - p) : strlen(p);
				if (plen == len && strncasecmp(p, tag, len) == 0)
					seen = 1;
				p += plen + (comma != NULL);
			}
			if (!seen) /* the tags and commas kept are never longer than s */
				used += (size_t)snprintf(out + used, cap - used, "%s%s", used ? "," : "", tag);
		}
		free(tag);
	}
	free(copy);
	return out;
}

static int ref_exists(struct db *db, enum kind_id kind, int64_t id, struct rp_err *err)
{
	const struct kind *k = kind_get(kind);
	char sql[128];
	struct db_stmt *st;
	int rc, live = 0;
	snprintf(sql, sizeof sql, "SELECT deleted_at IS NULL FROM %s WHERE id = ?1", k->table);
	if (db_prepare(db, sql, &st, err))
		return rp_code(err, RP_EDB);
	db_bind_int(st, 1, id);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		live = (int)db_col_int(st, 0);
	db_release(st);
	if (rc == DB_FAIL)
		return rp_code(err, RP_EDB);
	if (rc == DB_DONE)
		return rp_fail(err, RP_ENOTFOUND, "no %s #%lld", k->name, (long long)id);
	if (!live)
		return rp_fail(err, RP_ENOTFOUND, "%s #%lld is in the trash", k->name, (long long)id);
	return RP_OK;
}

static int parse_ref(struct db *db, const struct field *f, const char *s, int64_t *out,
                     struct rp_err *err)
{
	char *end;
	long long v;
	if (f->ref == K_PERSON)
		return person_resolve(db, s, out, err);
	if (*s == '#')
		s++;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v <= 0)
		return rp_fail(err, RP_EINVAL, "%s: '%s' is not a %s id", f->label, s,
		               kind_get(f->ref)->name);
	if (ref_exists(db, f->ref, v, err) != RP_OK)
		return rp_code(err, RP_ENOTFOUND);
	*out = v;
	return RP_OK;
}

/* Text, long text or tags, checked; s is the value's (or freed). Tags are
 * normalized, and none left is empty. */
static int set_text(const struct field *f, struct val *v, char *s, struct rp_err *err)
{
	int rc = check_text(f, s, err);
	char *tags;
	if (rc != RP_OK || f->type != F_TAGS) {
		if (rc == RP_OK)
			put_text(v, s);
		else
			free(s);
		return rc;
	}
	tags = normalize_tags(s);
	free(s);
	if (!tags)
		return rp_fail(err, RP_EIO, "out of memory");
	if (*tags)
		put_text(v, tags);
	else {
		free(tags);
		put_null(v);
	}
	return RP_OK;
}

/* A copy of text as the value. */
static int put_copy(struct val *v, const char *text, struct rp_err *err)
{
	char *copy = strdup(text);
	if (!copy)
		return rp_fail(err, RP_EIO, "out of memory");
	put_text(v, copy);
	return RP_OK;
}

/* A day of a field that looks back (FF_PAST) may not be one still to come. */
static int not_to_come(const struct field *f, const char *ymd, struct rp_err *err)
{
	char today[DATE_LEN];
	date_today(clock_now(), today);
	if (!(f->flags & FF_PAST) || strcmp(ymd, today) <= 0)
		return 0;
	rp_fail(err, RP_EINVAL, "%s is still to come (today is %s)", ymd, today);
	return 1;
}

int rec_set(struct db *db, struct rec *r, int field, const char *text, struct rp_err *err)
{
	const struct field *f = &r->kind->fields[field];
	struct val *v = &r->v[field];
	char *s = trimmed(text ? text : "");
	int64_t i = 0;
	const char *choice = NULL;
	char date[DATE_LEN];
	int rc = RP_OK;

	if (!s)
		return rp_fail(err, RP_EIO, "out of memory");
	if (!*s) {
		free(s);
		if (f->flags & FF_REQUIRED)
			return rp_fail(err, RP_EINVAL, "%s: may not be empty", f->label);
		put_null(v);
		return RP_OK;
	}
	switch (f->type) {
	case F_TEXT:
	case F_LONGTEXT:
	case F_TAGS:
		return set_text(f, v, s, err);
	case F_INT:
		if ((rc = parse_int(f, s, &i, err)) == RP_OK)
			put_int(v, i);
		break;
	case F_BOOL:
		if ((rc = parse_bool(f, s, &i, err)) == RP_OK)
			put_int(v, i);
		break;
	case F_CHOICE:
		if ((rc = parse_choice(f, s, &choice, err)) == RP_OK && choice)
			rc = put_copy(v, choice, err);
		break;
	case F_DATE:
		if ((rc = date_parse(s, clock_now(), kind_when_dir(f), date, err)) == RP_OK)
			rc = not_to_come(f, date, err) ? RP_EINVAL : put_copy(v, date, err);
		if (rc != RP_OK)
			rp_prefix(err, RP_EINVAL, f->label, NULL);
		break;
	case F_INSTANT:
		if ((rc = instant_parse(s, clock_now(), kind_when_dir(f), &i, err)) == RP_OK)
			put_int(v, i);
		else
			rp_prefix(err, RP_EINVAL, f->label, NULL);
		break;
	case F_REF:
		if ((rc = parse_ref(db, f, s, &i, err)) == RP_OK)
			put_int(v, i);
		break;
	}
	free(s);
	return rc;
}

int rec_set_changed(struct db *db, struct rec *r, int field, const char *text, int *changed,
                    struct rp_err *err)
{
	struct val before = r->v[field], *after = &r->v[field];
	int rc;
	before.s = before.s ? strdup(before.s) : NULL;
	rc = rec_set(db, r, field, text, err);
	if (rc == RP_OK && !before.null && !after->null &&
	    (before.s ? after->s && strcmp(before.s, after->s) == 0 : before.i == after->i))
		after->dirty = before.dirty; /* the value it had: no change */
	free(before.s);
	*changed = after->dirty;
	return rc;
}

int rec_set_int(struct rec *r, int field, int64_t value, struct rp_err *err)
{
	const struct field *f = &r->kind->fields[field];
	if ((f->type == F_INT || f->type == F_BOOL) && (value < f->min || value > f->max))
		return rp_fail(err, RP_EINVAL, "%s: %lld is out of range (%ld to %ld)", f->label,
		               (long long)value, f->min, f->max);
	if (f->type == F_INSTANT && instant_check(value, f->label, err) != RP_OK)
		return RP_EINVAL;
	put_int(&r->v[field], value);
	return RP_OK;
}

int rec_copy_fields(struct rec *dst, const struct rec *src, struct rp_err *err)
{
	for (int i = 0; i < src->kind->nfields; i++) {
		const struct val *v = &src->v[i];
		if (v->null) {
			put_null(&dst->v[i]);
		} else if (v->s) {
			char *copy = strdup(v->s);
			if (!copy)
				return rp_fail(err, RP_EIO, "out of memory");
			put_text(&dst->v[i], copy);
		} else {
			put_int(&dst->v[i], v->i);
		}
	}
	return RP_OK;
}

static int set_text_value(struct rec *r, int field, const char *s, struct rp_err *err)
{
	char *copy = strdup(s);
	if (!copy)
		return rp_fail(err, RP_EIO, "out of memory");
	put_text(&r->v[field], copy);
	return RP_OK;
}

void rec_format(const struct rec *r, int field, char *buf, size_t n)
{
	const struct field *f = &r->kind->fields[field];
	const struct val *v = &r->v[field];
	if (v->null) {
		buf[0] = '\0';
		return;
	}
	switch (f->type) {
	case F_INSTANT: fmt_instant(v->i, buf, n); break;
	case F_DATE: fmt_date(v->s, buf, n); break;
	case F_BOOL: snprintf(buf, n, "%s", v->i ? "yes" : "no"); break;
	case F_REF: snprintf(buf, n, "#%lld", (long long)v->i); break;
	case F_INT:
		snprintf(buf, n, "%lld%s", (long long)v->i, (f->flags & FF_PERCENT) ? "%" : "");
		break;
	default: utf8_copy(buf, n, v->s); break;
	}
}

/* Rules that tie fields together, applied before every write. */
static int apply_rules(struct rec *r, struct rp_err *err)
{
	const struct kind *k = r->kind;
	int status = kind_field_index(k, "status");
	char today[DATE_LEN];
	date_today(clock_now(), today);

	if (k->auto_col && r->v[kind_field_index(k, k->auto_col)].null)
		return rec_fill_auto(r, err);
	switch (k->id) {
	case K_GOAL: {
		int progress = kind_field_index(k, "progress"), manual = kind_field_index(k, "progress_manual");
		/* progress typed by hand stays; emptied, the milestones give it
		 * again (the schema's triggers count them) */
		if (r->v[progress].dirty && r->v[progress].null) {
			put_int(&r->v[progress], 0);
			put_int(&r->v[manual], 0);
		} else if (r->id && r->v[progress].dirty && !r->v[manual].dirty) {
			put_int(&r->v[manual], 1);
		}
		/* done is 100%, whatever was typed beside it */
		if (r->v[status].dirty && !r->v[status].null && r->v[status].s &&
		    strcmp(r->v[status].s, "done") == 0)
			put_int(&r->v[progress], 100);
		break;
	}
	case K_PERSON: {
		int cadence = kind_field_index(k, "cadence_days"), since = kind_field_index(k, "cadence_since");
		/* a cadence changed on a known person is agreed today */
		if (r->id && r->v[cadence].dirty && !r->v[since].dirty)
			return set_text_value(r, since, today, err);
		break;
	}
	case K_GRATITUDE: {
		int sent = kind_field_index(k, "sent_date");
		if (!r->v[status].null && strcmp(r->v[status].s, "sent") == 0 && r->v[sent].null)
			return set_text_value(r, sent, today, err);
		/* back to a draft (x again, undo of x): not sent on any day */
		if (r->v[status].dirty && !r->v[status].null && strcmp(r->v[status].s, "draft") == 0 &&
		    !r->v[sent].dirty && !r->v[sent].null)
			put_null(&r->v[sent]);
		break;
	}
	case K_CHECKIN: {
		int day = kind_field_index(k, "day");
		if (r->v[day].null)
			return set_text_value(r, day, today, err);
		break;
	}
	default:
		break;
	}
	return RP_OK;
}

static void bind_val(struct db_stmt *st, int idx, const struct field *f, const struct val *v)
{
	if (v->null)
		db_bind_null(st, idx);
	else if (kind_type_is_text(f->type))
		db_bind_text(st, idx, v->s);
	else
		db_bind_int(st, idx, v->i);
}

int rec_write_error(const struct rec *r, struct rp_err *err)
{
	if (err && err->code == RP_ECONSTRAINT && r->kind->id == K_CHECKIN) {
		const char *day = rec_text(r, "day");
		return rp_fail(err, RP_ECONSTRAINT, "there is already a check-in for %s",
		               *day ? day : "that day");
	}
	return rp_code(err, RP_EDB);
}

/* "INSERT INTO t(<meta>, <fields>) VALUES(<marks>, ?N...)": the fields'
 * parameters are numbered from first_field. */
static void insert_sql(const struct kind *k, const char *meta, const char *marks, int first_field,
                       char *sql, size_t n)
{
	char values[SQL_MAX];
	size_t used = (size_t)snprintf(sql, n, "INSERT INTO %s(%s", k->table, meta);
	size_t vused = (size_t)snprintf(values, sizeof values, "%s", marks);
	for (int i = 0; i < k->nfields; i++) {
		used += (size_t)snprintf(sql + used, n - used, ", %s", k->fields[i].col);
		vused += (size_t)snprintf(values + vused, sizeof values - vused, ", ?%d", i + first_field);
	}
	snprintf(sql + used, n - used, ") VALUES(%s)", values);
}

int rec_insert(struct db *db, struct rec *r, struct rp_err *err)
{
	const struct kind *k = r->kind;
	char sql[SQL_MAX];
	struct db_stmt *st;
	int64_t now = clock_now();
	int rc;

	if (k->id == K_GOAL && r->v[kind_field_index(k, "progress_manual")].null)
		put_int(&r->v[kind_field_index(k, "progress_manual")],
		        !r->v[kind_field_index(k, "progress")].null);
	for (int i = 0; i < k->nfields; i++)
		if (r->v[i].null && k->fields[i].def)
			set_text_value(r, i, k->fields[i].def, NULL);
	/* defaults above arrive as text: turn number defaults into numbers */
	for (int i = 0; i < k->nfields; i++)
		if (!r->v[i].null && r->v[i].s && !kind_type_is_text(k->fields[i].type)) {
			int64_t n = strtoll(r->v[i].s, NULL, 10);
			put_int(&r->v[i], n);
		}
	if (apply_rules(r, err) != RP_OK)
		return rp_code(err, RP_EIO);
	for (int i = 0; i < k->nfields; i++)
		if ((k->fields[i].flags & FF_REQUIRED) && r->v[i].null)
			return rp_fail(err, RP_EINVAL, "%s: required for a new %s", k->fields[i].label,
			               k->name);
	if (uuid_new(r->uuid) != 0)
		return rp_fail(err, RP_EIO, "cannot make an id: no random numbers");

	insert_sql(k, "uuid, created_at, updated_at", "?1, ?2, ?2", 3, sql, sizeof sql);

	if (db_prepare(db, sql, &st, err))
		return rp_code(err, RP_EDB);
	db_bind_text(st, 1, r->uuid);
	db_bind_int(st, 2, now);
	for (int i = 0; i < k->nfields; i++)
		bind_val(st, i + 3, &k->fields[i], &r->v[i]);
	rc = db_step(st, err);
	db_release(st);
	if (rc == DB_FAIL)
		return rec_write_error(r, err);
	r->id = db_last_insert_id(db);
	r->created_at = r->updated_at = now;
	r->deleted_at = 0;
	for (int i = 0; i < k->nfields; i++)
		r->v[i].dirty = 0;
	return RP_OK;
}

/* Why an update changed nothing: the row is gone, or it is newer than the
 * version that was read. */
static int changed_elsewhere(struct db *db, const struct rec *r, struct rp_err *err)
{
	struct rec now;
	struct rp_err e2;
	int rc = rec_get(db, r->kind->id, r->id, &now, &e2);
	if (rc == RP_OK) {
		int gone = now.deleted_at != 0;
		rec_free(&now);
		if (!gone)
			return rp_fail(err, RP_ECONFLICT,
			               "%s #%lld was changed elsewhere (another rapport?) since it was read",
			               r->kind->name, (long long)r->id);
	} else if (rc != RP_ENOTFOUND) {
		return rp_fail(err, rc, "%s", e2.msg);
	}
	return rp_fail(err, RP_ENOTFOUND, "%s #%lld no longer exists (deleted elsewhere?)",
	               r->kind->name, (long long)r->id);
}

int rec_update(struct db *db, struct rec *r, struct rp_err *err)
{
	const struct kind *k = r->kind;
	char sql[SQL_MAX];
	size_t used;
	struct db_stmt *st;
	int64_t now = clock_now();
	int rc, any = 0;

	if (r->deleted_at)
		return rp_fail(err, RP_ENOTFOUND, "%s #%lld is in the trash; restore it first", k->name,
		               (long long)r->id);
	if (apply_rules(r, err) != RP_OK)
		return rp_code(err, RP_EIO);
	for (int i = 0; i < k->nfields; i++)
		if (r->v[i].dirty && (k->fields[i].flags & FF_REQUIRED) && r->v[i].null)
			return rp_fail(err, RP_EINVAL, "%s: may not be empty", k->fields[i].label);

	/* later than the version it replaces even within one second (or with
	 * the clock set back): updated_at tells versions apart */
	used = (size_t)snprintf(sql, sizeof sql, "UPDATE %s SET updated_at = max(?1, updated_at + 1)",
	                        k->table);
	for (int i = 0; i < k->nfields; i++)
		if (r->v[i].dirty) {
			used += (size_t)snprintf(sql + used, sizeof sql - used, ", %s = ?%d",
			                         k->fields[i].col, i + 3);
			any = 1;
		}
	if (!any)
		return RP_OK;
	/* over the version that was read only: another instance may have
	 * written the row since (r->updated_at 0: whatever is there) */
	snprintf(sql + used, sizeof sql - used,
	         r->updated_at
	                 ? " WHERE id = ?2 AND deleted_at IS NULL AND updated_at = ?%d RETURNING updated_at"
	                 : " WHERE id = ?2 AND deleted_at IS NULL RETURNING updated_at",
	         k->nfields + 3);
	if (db_prepare(db, sql, &st, err))
		return rp_code(err, RP_EDB);
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, r->id);
	if (r->updated_at)
		db_bind_int(st, k->nfields + 3, r->updated_at);
	for (int i = 0; i < k->nfields; i++)
		if (r->v[i].dirty)
			bind_val(st, i + 3, &k->fields[i], &r->v[i]);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		r->updated_at = db_col_int(st, 0);
	db_release(st);
	if (rc == DB_FAIL)
		return rec_write_error(r, err);
	if (rc == DB_DONE) /* no row had that id and version */
		return changed_elsewhere(db, r, err);
	for (int i = 0; i < k->nfields; i++)
		r->v[i].dirty = 0;
	return RP_OK;
}

int rec_write_raw(struct db *db, struct rec *r, int64_t existing, struct rp_err *err)
{
	const struct kind *k = r->kind;
	char sql[SQL_MAX];
	size_t used;
	struct db_stmt *st;
	int rc, id_free = 1;

	if (!existing && r->id > 0) { /* keep the id when nobody has it */
		int64_t taken;
		snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE id = ?1", k->table);
		rc = db_one_int(db, sql, &taken, err, 1, r->id);
		if (rc == DB_FAIL)
			return rp_code(err, RP_EDB);
		id_free = rc == DB_DONE;
	}
	if (existing) {
		used = (size_t)snprintf(sql, sizeof sql,
		                        "UPDATE %s SET uuid = ?2, created_at = ?3, updated_at = ?4,"
		                        " deleted_at = ?5",
		                        k->table);
		for (int i = 0; i < k->nfields; i++)
			used += (size_t)snprintf(sql + used, sizeof sql - used, ", %s = ?%d",
			                         k->fields[i].col, i + 6);
		snprintf(sql + used, sizeof sql - used, " WHERE id = ?1");
	} else {
		insert_sql(k, "id, uuid, created_at, updated_at, deleted_at", "?1, ?2, ?3, ?4, ?5", 6, sql,
		           sizeof sql);
	}
	if (db_prepare(db, sql, &st, err))
		return rp_code(err, RP_EDB);
	if (existing)
		db_bind_int(st, 1, existing);
	else if (id_free && r->id > 0)
		db_bind_int(st, 1, r->id);
	else
		db_bind_null(st, 1);
	db_bind_text(st, 2, r->uuid);
	db_bind_int(st, 3, r->created_at);
	db_bind_int(st, 4, r->updated_at);
	if (r->deleted_at)
		db_bind_int(st, 5, r->deleted_at);
	else
		db_bind_null(st, 5);
	for (int i = 0; i < k->nfields; i++)
		bind_val(st, i + 6, &k->fields[i], &r->v[i]);
	rc = db_step(st, err);
	db_release(st);
	if (rc == DB_FAIL)
		return rec_write_error(r, err);
	r->id = existing ? existing : db_last_insert_id(db);
	return RP_OK;
}
