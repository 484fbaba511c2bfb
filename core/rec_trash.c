/* rec_trash.c - the trash: move a row with what belongs to it (children
 * first), bring the same set back, count what would go with it, purge.  A
 * move either way is a new version of each row (updated_at moves on), so it
 * travels to other databases and undo can see it.  SQL is built only from
 * kind.c's names; every value is bound. */
#include "core/rec.h"

#include <stdio.h>

#include "core/clock.h"
#include "db/db.h"

#define SQL_MAX 2048

/* Set deleted_at to `stamp` (or NULL when restoring rows that carry it) on
 * a row and on everything that belongs to it, children first. */
static int cascade(struct db *db, const struct kind *k, int64_t id, int64_t stamp, int restore,
                   struct rp_err *err)
{
	char sql[256];
	struct db_stmt *st;
	int rc;

	for (int c = 0; c < K_COUNT; c++) {
		const struct kind *child = kind_get((enum kind_id)c);
		int pf = kind_parent_field(child);
		int64_t ids[256];
		int n;
		if (pf < 0 || child->fields[pf].ref != k->id)
			continue;
		/* The children in batches, so each can take its own children along. */
		snprintf(sql, sizeof sql,
		         restore ? "SELECT id FROM %s WHERE %s = ?1 AND deleted_at = ?2 AND id > ?3"
		                   " ORDER BY id LIMIT 256"
		                 : "SELECT id FROM %s WHERE %s = ?1 AND deleted_at IS NULL AND id > ?3"
		                   " ORDER BY id LIMIT 256",
		         child->table, child->fields[pf].col);
		int64_t after = 0;
		do {
			if (db_prepare(db, sql, &st, err))
				return rp_code(err, RP_EDB);
			db_bind_int(st, 1, id);
			if (restore)
				db_bind_int(st, 2, stamp);
			db_bind_int(st, 3, after);
			n = 0;
			while ((rc = db_step(st, err)) == DB_ROW)
				ids[n++] = db_col_int(st, 0);
			db_release(st);
			if (rc == DB_FAIL)
				return rp_code(err, RP_EDB);
			for (int i = 0; i < n; i++)
				if (cascade(db, child, ids[i], stamp, restore, err) != RP_OK)
					return rp_code(err, RP_EDB);
			if (n)
				after = ids[n - 1];
		} while (n == 256);
	}
	/* a move to or from the trash is a new version of the row, like an
	 * edit: it travels through an import into another database, and an
	 * undo on the screen sees that it happened */
	snprintf(sql, sizeof sql,
	         restore ? "UPDATE %s SET deleted_at = NULL, updated_at = max(?3, updated_at + 1)"
	                   " WHERE id = ?1 AND deleted_at = ?2"
	                 : "UPDATE %s SET deleted_at = ?2, updated_at = max(?3, updated_at + 1)"
	                   " WHERE id = ?1 AND deleted_at IS NULL",
	         k->table);
	if (db_prepare(db, sql, &st, err))
		return rp_code(err, RP_EDB);
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, stamp);
	db_bind_int(st, 3, clock_now());
	rc = db_step(st, err);
	db_release(st);
	return rc == DB_FAIL ? rp_code(err, RP_EDB) : RP_OK;
}

int rec_count_children(struct db *db, enum kind_id kind, int64_t id, long *count,
                       struct rp_err *err)
{
	char sql[200];
	*count = 0;
	for (int c = 0; c < K_COUNT; c++) {
		const struct kind *child = kind_get((enum kind_id)c);
		int pf = kind_parent_field(child);
		int64_t n;
		if (pf < 0 || child->fields[pf].ref != kind)
			continue;
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE %s = ?1 AND deleted_at IS NULL",
		         child->table, child->fields[pf].col);
		if (db_one_int(db, sql, &n, err, 1, id) == DB_FAIL)
			return rp_code(err, RP_EDB);
		*count += (long)n;
	}
	return RP_OK;
}

/* Add to counts[] the live rows under the rows of kind k that ids_sql
 * selects (?1 bound to the top row's id), level by level. */
static int count_under(struct db *db, const struct kind *k, const char *ids_sql, int64_t id,
                       long counts[K_COUNT], struct rp_err *err)
{
	for (int c = 0; c < K_COUNT; c++) {
		const struct kind *child = kind_get((enum kind_id)c);
		int pf = kind_parent_field(child);
		char below[SQL_MAX], sql[SQL_MAX + 64];
		int64_t n;
		if (pf < 0 || child->fields[pf].ref != k->id)
			continue;
		snprintf(below, sizeof below, "SELECT id FROM %s WHERE %s IN (%s) AND deleted_at IS NULL",
		         child->table, child->fields[pf].col, ids_sql);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM (%s)", below);
		if (db_one_int(db, sql, &n, err, 1, id) == DB_FAIL)
			return rp_code(err, RP_EDB);
		counts[c] += (long)n;
		if (n && count_under(db, child, below, id, counts, err) != RP_OK)
			return rp_code(err, RP_EDB);
	}
	return RP_OK;
}

/* "12 meetings, 4 actions and 3 thanks" from counts per kind ("": none). */
static void counts_words(const long counts[K_COUNT], char *buf, size_t n)
{
	size_t used = 0;
	int last = -1;
	buf[0] = '\0';
	for (int c = 0; c < K_COUNT; c++)
		if (counts[c])
			last = c;
	/* "12 meetings, 4 actions and 3 thanks" */
	for (int c = 0, i = 0; c < K_COUNT; c++) {
		const struct kind *ck = kind_get((enum kind_id)c);
		if (!counts[c])
			continue;
		used += (size_t)snprintf(buf + used, used < n ? n - used : 0, "%s%ld %s",
		                         i == 0 ? "" : c == last ? " and " : ", ", counts[c],
		                         counts[c] == 1 ? (ck->noun ? ck->noun : ck->name)
		                                        : (ck->nouns ? ck->nouns : ck->plural));
		i++;
	}
}

int rec_trash_goes_with(struct db *db, enum kind_id kind, int64_t id, char *buf, size_t n,
                        struct rp_err *err)
{
	long counts[K_COUNT] = {0};
	int rc = count_under(db, kind_get(kind), "SELECT ?1", id, counts, err);
	buf[0] = '\0';
	if (rc == RP_OK)
		counts_words(counts, buf, n);
	return rc;
}

int rec_trash_leaves(struct db *db, enum kind_id kind, int64_t id, char *buf, size_t n,
                     struct rp_err *err)
{
	long counts[K_COUNT] = {0};
	char sql[200];
	buf[0] = '\0';
	for (int c = 0; c < K_COUNT; c++) {
		const struct kind *other = kind_get((enum kind_id)c);
		for (int f = 0; f < other->nfields; f++) {
			const struct field *fd = &other->fields[f];
			int64_t live;
			if (fd->type != F_REF || fd->ref != kind || (fd->flags & FF_PARENT))
				continue;
			snprintf(sql, sizeof sql,
			         "SELECT count(*) FROM %s WHERE %s = ?1 AND deleted_at IS NULL",
			         other->table, fd->col);
			if (db_one_int(db, sql, &live, err, 1, id) == DB_FAIL)
				return rp_code(err, RP_EDB);
			counts[c] += (long)live;
		}
	}
	counts_words(counts, buf, n);
	return RP_OK;
}

int rec_trash(struct db *db, enum kind_id kind, int64_t id, struct rp_err *err)
{
	struct rec r = {0};
	int rc;
	if (rec_get(db, kind, id, &r, err) != RP_OK)
		return rp_code(err, RP_ENOTFOUND);
	rc = r.deleted_at ? rp_fail(err, RP_ENOTFOUND, "%s #%lld is already in the trash",
	                            r.kind->name, (long long)id)
	                  : RP_OK;
	rec_free(&r);
	if (rc != RP_OK)
		return rc;
	if (db_begin(db, err) != RP_OK)
		return rp_code(err, RP_EDB);
	if (cascade(db, kind_get(kind), id, clock_now(), 0, err) != RP_OK) {
		db_rollback(db);
		return rp_code(err, RP_EDB);
	}
	return db_commit(db, err);
}

int rec_restore(struct db *db, enum kind_id kind, int64_t id, struct rp_err *err)
{
	struct rec r = {0};
	int pf = kind_parent_field(kind_get(kind)), rc = RP_OK;
	int64_t stamp;

	if (rec_get(db, kind, id, &r, err) != RP_OK)
		return rp_code(err, RP_ENOTFOUND);
	stamp = r.deleted_at;
	if (!stamp)
		rc = rp_fail(err, RP_EINVAL, "%s #%lld is not in the trash", r.kind->name,
		             (long long)id);
	else if (pf >= 0) {
		const struct field *f = &r.kind->fields[pf];
		struct rec parent;
		if (rec_get(db, f->ref, rec_int(&r, pf), &parent, err) == RP_OK) {
			if (parent.deleted_at)
				rc = rp_fail(err, RP_EINVAL, "its %s #%lld is in the trash: restore that first",
				             kind_get(f->ref)->name, (long long)parent.id);
			rec_free(&parent);
		} else {
			rc = rp_code(err, RP_ENOTFOUND);
		}
	}
	if (rc == RP_OK && db_begin(db, err) == RP_OK) {
		if (cascade(db, r.kind, id, stamp, 1, err) != RP_OK) {
			db_rollback(db);
			rc = rec_write_error(&r, err);
		} else {
			rc = db_commit(db, err);
		}
	} else if (rc == RP_OK) {
		rc = rp_code(err, RP_EDB);
	}
	rec_free(&r);
	return rc;
}

int rec_purge(struct db *db, long *count, struct rp_err *err)
{
	/* Children before parents (kind_order backwards), so each table's own
	 * count is exact. */
	enum kind_id order[K_COUNT];
	char sql[128];
	kind_order(order);
	*count = 0;
	if (db_begin(db, err) != RP_OK)
		return rp_code(err, RP_EDB);
	for (int i = K_COUNT - 1; i >= 0; i--) {
		snprintf(sql, sizeof sql, "DELETE FROM %s WHERE deleted_at IS NOT NULL",
		         kind_get(order[i])->table);
		if (db_exec(db, sql, err) != RP_OK) {
			db_rollback(db);
			return rp_code(err, RP_EDB);
		}
		*count += db_changes(db);
	}
	return db_commit(db, err);
}


int rec_purge_one(struct db *db, enum kind_id kind, int64_t id, struct rp_err *err)
{
	const struct kind *k = kind_get(kind);
	struct rec r = {0};
	char sql[128];
	int rc;
	if (rec_get(db, kind, id, &r, err) != RP_OK)
		return rp_code(err, RP_ENOTFOUND);
	rc = r.deleted_at ? RP_OK
	                  : rp_fail(err, RP_EINVAL, "%s #%lld is not in the trash; delete it first",
	                            k->name, (long long)id);
	rec_free(&r);
	if (rc != RP_OK)
		return rc;
	/* what went to the trash with it goes too: its children refer to it
	 * ON DELETE CASCADE (and a goal's person is set to none) */
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?1 AND deleted_at IS NOT NULL", k->table);
	int64_t none;
	if (db_one_int(db, sql, &none, err, 1, id) == DB_FAIL)
		return rp_code(err, RP_EDB);
	return RP_OK;
}
