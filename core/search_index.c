/* search_index.c - the search index's triggers and filling, written from
 * the kind table (see search_index.h). */
#include "core/search_index.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/kind.h"
#include "db/db.h"

static int searched_kind_has(const struct kind *kind)
{
	for (int f = 0; f < kind->nfields; f++)
		if (kind->fields[f].flags & FF_SEARCH)
			return 1;
	return 0;
}

/* the kinds with searched fields, in the kind table's order */
static const struct kind *searched_kind(int slot)
{
	for (int k = 0; k < K_COUNT; k++) {
		const struct kind *kind = kind_get((enum kind_id)k);
		for (int f = 0; f < kind->nfields; f++)
			if (kind->fields[f].flags & FF_SEARCH) {
				if (slot-- == 0)
					return kind;
				break;
			}
	}
	return NULL;
}

struct text {
	char *buf;
	size_t n, used;
};

static void put(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int w;
	va_start(ap, fmt);
	w = vsnprintf(t->buf + t->used, t->used < t->n ? t->n - t->used : 0, fmt, ap);
	va_end(ap);
	if (w > 0)
		t->used += (size_t)w;
}

/* The field by which a row of k names its person: its own reference to a
 * person (a meeting's, a note's), or through its parent (an action's
 * meeting); NULL when it has none.  *via is the parent kind, or NULL. */
static const struct field *person_path(const struct kind *k, const struct kind **via)
{
	int f = kind_ref_field(k, K_PERSON), pf = kind_parent_field(k);
	*via = NULL;
	if (k->id == K_PERSON)
		return NULL;
	if (f >= 0)
		return &k->fields[f];
	if (pf >= 0 && kind_ref_field(kind_get(k->fields[pf].ref), K_PERSON) >= 0) {
		*via = kind_get(k->fields[pf].ref);
		return &k->fields[pf];
	}
	return NULL;
}

/* coalesce(new.a, '') || ' ' || coalesce(new.b, ''): a row's words, and
 * the name of its person (a meeting is found by who it was with) */
static void put_body(struct text *t, const struct kind *k)
{
	const struct kind *via;
	const struct field *to_person = person_path(k, &via);
	int first = 1;
	for (int f = 0; f < k->nfields; f++)
		if (k->fields[f].flags & FF_SEARCH) {
			put(t, "%scoalesce(new.%s, '')", first ? "" : " || ' ' || ", k->fields[f].col);
			first = 0;
		}
	if (to_person && !via)
		put(t, " || ' ' || coalesce((SELECT name FROM person WHERE id = new.%s), '')",
		    to_person->col);
	else if (to_person)
		put(t, " || ' ' || coalesce((SELECT p.name FROM %s AS v JOIN person AS p"
		       " ON p.id = v.%s WHERE v.id = new.%s), '')",
		    via->table, via->fields[kind_ref_field(via, K_PERSON)].col, to_person->col);
}

/* A renamed person's rows are indexed again under the new name: each is
 * written over with itself, which runs its own index trigger. */
static int rename_trigger(char *name, size_t name_n, char *sql, size_t n)
{
	struct text t = {sql, n, 0};
	snprintf(name, name_n, "person_search_names");
	put(&t, "CREATE TRIGGER %s AFTER UPDATE OF name ON person BEGIN ", name);
	for (int c = 0; c < K_COUNT; c++) {
		const struct kind *k = kind_get((enum kind_id)c), *via;
		const struct field *to_person = person_path(k, &via);
		if (!to_person || !searched_kind_has(k))
			continue;
		if (!via)
			put(&t, "UPDATE %s SET %s = %s WHERE %s = new.id; ", k->table, to_person->col,
			    to_person->col, to_person->col);
		else
			put(&t, "UPDATE %s SET %s = %s WHERE %s IN (SELECT id FROM %s WHERE %s = new.id); ",
			    k->table, to_person->col, to_person->col, to_person->col, via->table,
			    via->fields[kind_ref_field(via, K_PERSON)].col);
	}
	put(&t, "END");
	return t.used < n ? 1 : -1;
}

/* the key's number for the row `side`.id (side: new or old) */
static void put_key(struct text *t, const char *kind, const char *side)
{
	put(t, "(SELECT id FROM search_key WHERE kind = %s AND row_id = %s.id)", kind, side);
}

/* The kind as the index names it, as an SQL literal: 'person' (a quote in
 * it doubled, though the kind table has none). */
static void kind_literal(const struct kind *k, char *out, size_t n)
{
	struct text t = {out, n, 0};
	put(&t, "'");
	for (const char *c = k->table; *c; c++)
		put(&t, *c == '\'' ? "''" : "%c", *c);
	put(&t, "'");
}

static const char *const ops[] = {"ins", "upd", "del"};

static int searched_count(void)
{
	int n = 0;
	while (searched_kind(n))
		n++;
	return n;
}

int search_index_trigger(int i, char *name, size_t name_n, char *sql, size_t n)
{
	const struct kind *k = searched_kind(i / 3);
	struct text t = {sql, n, 0};
	char kind[80];
	int op = i % 3;
	if (i < 0)
		return 0;
	if (!k) /* after the kinds' own: the one that follows a person's name */
		return i == 3 * searched_count() ? rename_trigger(name, name_n, sql, n) : 0;
	kind_literal(k, kind, sizeof kind);
	snprintf(name, name_n, "%s_search_%s", k->table, ops[op]);
	put(&t, "CREATE TRIGGER %s AFTER %s ON %s BEGIN ", name,
	    op == 0 ? "INSERT" : op == 1 ? "UPDATE" : "DELETE", k->table);
	if (op == 0) /* every row has a key; a live one has words */
		put(&t, "INSERT INTO search_key(kind, row_id) VALUES(%s, new.id); ", kind);
	else {
		put(&t, "DELETE FROM fts WHERE rowid = ");
		put_key(&t, kind, "old");
		put(&t, "; ");
	}
	if (op == 2)
		put(&t, "DELETE FROM search_key WHERE kind = %s AND row_id = old.id; ", kind);
	else {
		put(&t, "INSERT INTO fts(rowid, body) SELECT ");
		put_key(&t, kind, "new");
		put(&t, ", ");
		put_body(&t, k);
		put(&t, " WHERE new.deleted_at IS NULL; ");
	}
	put(&t, "END");
	return t.used < n ? 1 : -1;
}

/* Every row gets its key, every live row its words. */
static int fill(struct db *db, struct rp_err *err)
{
	char sql[2048];
	const struct kind *k;
	if (db_exec(db, "DELETE FROM fts; DELETE FROM search_key;", err) != RP_OK)
		return rp_code(err, RP_EDB);
	for (int slot = 0; (k = searched_kind(slot)); slot++) {
		struct text t = {sql, sizeof sql, 0};
		char kind[80];
		kind_literal(k, kind, sizeof kind);
		put(&t, "INSERT INTO search_key(kind, row_id) SELECT %s, id FROM %s ORDER BY id; ", kind,
		    k->table);
		put(&t, "INSERT INTO fts(rowid, body) SELECT key.id, ");
		put_body(&t, k);
		put(&t, " FROM %s AS new JOIN search_key AS key ON key.kind = %s AND key.row_id = new.id"
		        " WHERE new.deleted_at IS NULL", k->table, kind);
		if (t.used >= sizeof sql)
			return rp_fail(err, RP_EDB, "%s: the index's statement is too long", k->table);
		if (db_exec(db, sql, err) != RP_OK)
			return rp_code(err, RP_EDB);
	}
	return RP_OK;
}

static const struct db_trigger_set search_set = {
	"the search index", "%\\_search\\_%", search_index_trigger, fill};

int search_index_pause(struct db *db, struct rp_err *err)
{
	return db_triggers_pause(db, &search_set, err);
}

int search_index_resume(struct db *db, struct rp_err *err)
{
	return db_triggers_resume(db, &search_set, err);
}

int search_index_current(struct db *db, struct rp_err *err)
{
	return db_triggers_current(db, &search_set, err);
}

int search_index_ensure(struct db *db, struct rp_err *err)
{
	return db_triggers_ensure(db, &search_set, err);
}
