/* rec_query.c - reading rows back: fetch one, list a keyset page, walk a
 * whole listing (the trash is rec_trash.c).  As in rec.c, SQL is built only
 * from kind.c's names; every value is bound. */
#include "core/rec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "db/db.h"

#define META_COLS 5 /* id, uuid, created_at, updated_at, deleted_at */
#define SQL_MAX 2048

static size_t select_list(const struct kind *k, char *sql, size_t n)
{
	size_t used = (size_t)snprintf(sql, n, "SELECT id, uuid, created_at, updated_at, deleted_at");
	for (int i = 0; i < k->nfields; i++)
		used += (size_t)snprintf(sql + used, n - used, ", %s", k->fields[i].col);
	used += (size_t)snprintf(sql + used, n - used, " FROM %s", k->table);
	return used;
}

static int read_row(struct db_stmt *st, struct rec *r, enum kind_id kind, struct rp_err *err)
{
	const struct kind *k = kind_get(kind);
	rec_init(r, kind);
	r->id = db_col_int(st, 0);
	snprintf(r->uuid, sizeof r->uuid, "%s", db_col_text(st, 1) ? db_col_text(st, 1) : "");
	r->created_at = db_col_int(st, 2);
	r->updated_at = db_col_int(st, 3);
	r->deleted_at = db_col_is_null(st, 4) ? 0 : db_col_int(st, 4);
	for (int i = 0; i < k->nfields; i++) {
		struct val *v = &r->v[i];
		int col = META_COLS + i;
		v->null = db_col_is_null(st, col);
		if (v->null)
			continue;
		if (kind_type_is_text(k->fields[i].type)) {
			v->s = strdup(db_col_text(st, col));
			if (!v->s) {
				rec_free(r);
				return rp_fail(err, RP_EIO, "out of memory");
			}
		} else {
			v->i = db_col_int(st, col);
		}
	}
	return RP_OK;
}

int rec_get(struct db *db, enum kind_id kind, int64_t id, struct rec *r, struct rp_err *err)
{
	const struct kind *k = kind_get(kind);
	char sql[SQL_MAX];
	size_t used = select_list(k, sql, sizeof sql);
	struct db_stmt *st;
	int rc;

	rec_init(r, kind); /* an empty row of its kind, whatever happens below */
	snprintf(sql + used, sizeof sql - used, " WHERE id = ?1");
	if (db_prepare(db, sql, &st, err))
		return rp_code(err, RP_EDB);
	db_bind_int(st, 1, id);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		rc = read_row(st, r, kind, err) == RP_OK ? RP_OK : rp_code(err, RP_EIO);
	else if (rc == DB_DONE)
		rc = rp_fail(err, RP_ENOTFOUND, "no %s #%lld", k->name, (long long)id);
	else
		rc = rp_code(err, RP_EDB);
	db_release(st);
	return rc;
}

/* The page query: rows in or out of the trash, of one parent when a filter
 * is given, after the key when one is, in list order (or backward). */
static void list_sql(const struct kind *k, const struct rec_query *q, int ff, char *sql, size_t n)
{
	const struct field *of = k->order_field >= 0 ? &k->fields[k->order_field] : NULL;
	/* walking backward is walking the other order */
	int desc = k->order_desc != (q->backward != 0);
	const char *dir = desc ? "DESC" : "ASC";
	const char *cmp = desc ? (q->inclusive ? "<=" : "<") : (q->inclusive ? ">=" : ">");
	char order[96];
	size_t used = select_list(k, sql, n);
	if (of)
		snprintf(order, sizeof order, "%s%s", of->col,
		         of->type == F_TEXT ? " COLLATE NOCASE" : "");
	used += (size_t)snprintf(sql + used, n - used, " WHERE deleted_at IS %s",
	                         q->trash ? "NOT NULL" : "NULL");
	if (ff >= 0)
		used += (size_t)snprintf(sql + used, n - used, " AND %s = ?1",
		                         k->fields[ff].col);
	if (q->after && of)
		used += (size_t)snprintf(sql + used, n - used, " AND (%s, id) %s (?2, ?3)",
		                         order, cmp);
	else if (q->after)
		used += (size_t)snprintf(sql + used, n - used, " AND id %s ?3", cmp);
	if (of)
		snprintf(sql + used, n - used, " ORDER BY %s %s, id %s LIMIT ?4", order, dir,
		         dir);
	else
		snprintf(sql + used, n - used, " ORDER BY id %s LIMIT ?4", dir);
}

/* Up to limit rows from st into page (one more says there are more). */
static int read_page(struct db_stmt *st, enum kind_id kind, int limit, struct rec_page *page,
                     struct rp_err *err)
{
	int rc;
	page->rows = calloc((size_t)limit, sizeof *page->rows);
	if (!page->rows)
		return rp_fail(err, RP_EIO, "out of memory");
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (page->n == limit) {
			page->more = 1;
			break;
		}
		if (read_row(st, &page->rows[page->n], kind, err) != RP_OK) {
			rc = DB_FAIL;
			break;
		}
		page->n++;
	}
	if (rc == DB_FAIL) {
		rec_page_free(page);
		return rp_code(err, RP_EDB);
	}
	return RP_OK;
}

/* A page read backward back into list order, and the key after its last
 * row. */
static void finish_page(const struct kind *k, const struct rec_query *q, struct rec_page *page)
{
	const struct field *of = k->order_field >= 0 ? &k->fields[k->order_field] : NULL;
	if (q->backward)
		for (int i = 0, j = page->n - 1; i < j; i++, j--) {
			struct rec t = page->rows[i];
			page->rows[i] = page->rows[j];
			page->rows[j] = t;
		}
	if (page->n) {
		const struct rec *last = &page->rows[page->n - 1];
		page->next.id = last->id;
		if (of && kind_type_is_text(of->type)) {
			const char *text = rec_str(last, k->order_field);
			page->next.text = strdup(text ? text : "");
		} else if (of)
			page->next.num = rec_int(last, k->order_field);
	}
}

int rec_list(struct db *db, enum kind_id kind, const struct rec_query *q, struct rec_page *page,
             struct rp_err *err)
{
	const struct kind *k = kind_get(kind);
	const struct field *of = k->order_field >= 0 ? &k->fields[k->order_field] : NULL;
	int ff = q->filter_id && q->filter_field >= 0 && q->filter_field < k->nfields &&
	                 k->fields[q->filter_field].type == F_REF
	             ? q->filter_field
	             : -1;
	int limit = q->limit < 1 ? 1 : q->limit > 1000 ? 1000 : q->limit;
	char sql[SQL_MAX];
	struct db_stmt *st;
	int rc;

	memset(page, 0, sizeof *page);
	list_sql(k, q, ff, sql, sizeof sql);
	if (db_prepare(db, sql, &st, err))
		return rp_code(err, RP_EDB);
	if (ff >= 0)
		db_bind_int(st, 1, q->filter_id);
	if (q->after) {
		if (of && kind_type_is_text(of->type))
			db_bind_text(st, 2, q->after->text ? q->after->text : "");
		else
			db_bind_int(st, 2, q->after->num);
		db_bind_int(st, 3, q->after->id);
	}
	db_bind_int(st, 4, limit + 1);
	rc = read_page(st, kind, limit, page, err);
	db_release(st);
	if (rc == RP_OK)
		finish_page(k, q, page);
	return rc;
}

void rec_key_of(const struct rec *r, struct rec_key *key)
{
	const struct kind *k = r->kind;
	memset(key, 0, sizeof *key);
	key->id = r->id;
	if (k->order_field < 0)
		return;
	if (kind_type_is_text(k->fields[k->order_field].type))
		key->text = strdup(rec_str(r, k->order_field) ? rec_str(r, k->order_field) : "");
	else
		key->num = rec_int(r, k->order_field);
}

void rec_key_free(struct rec_key *key)
{
	free(key->text);
	key->text = NULL;
}

void rec_page_free(struct rec_page *page)
{
	for (int i = 0; i < page->n; i++)
		rec_free(&page->rows[i]);
	free(page->rows);
	free(page->next.text);
	memset(page, 0, sizeof *page);
}

void rec_walk_start(struct rec_walk *w, enum kind_id kind, const struct rec_query *q)
{
	memset(w, 0, sizeof *w);
	w->kind = kind;
	w->q = *q;
	w->q.after = NULL;
}

int rec_walk_next(struct db *db, struct rec_walk *w, struct rp_err *err)
{
	if (w->started) {
		int more = w->page.more;
		free(w->after.text);
		w->after = w->page.next; /* the key moves from the page to the walk */
		w->page.next.text = NULL;
		rec_page_free(&w->page);
		w->q.after = &w->after;
		if (!more)
			w->done = 1;
	}
	if (w->done)
		return 0;
	w->started = 1;
	if (rec_list(db, w->kind, &w->q, &w->page, err) != RP_OK) {
		w->done = 1;
		return -1;
	}
	if (w->page.n == 0) {
		w->done = 1;
		return 0;
	}
	return 1;
}

void rec_walk_end(struct rec_walk *w)
{
	rec_page_free(&w->page);
	free(w->after.text);
	w->after.text = NULL;
}
