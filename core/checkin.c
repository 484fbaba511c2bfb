#include "core/checkin.h"

#include <stdint.h>
#include <stdio.h>

#include "db/db.h"

int checkin_of_day(struct db *db, const char *day, struct rec *r, struct rp_err *err)
{
	struct db_stmt *st;
	int rc;
	int64_t id = 0;

	if (db_prepare(db, "SELECT id FROM checkin WHERE day = ?1 AND deleted_at IS NULL", &st, err))
		return rp_code(err, RP_EDB);
	db_bind_text(st, 1, day);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		id = db_col_int(st, 0);
	db_release(st);
	if (rc == DB_FAIL)
		return rp_code(err, RP_EDB);
	if (id)
		return rec_get(db, K_CHECKIN, id, r, err);
	rec_init(r, K_CHECKIN);
	if (rec_set(db, r, kind_field_index(r->kind, "day"), day, err) != RP_OK)
		return rp_code(err, RP_EINVAL);
	return rp_fail(err, RP_ENOTFOUND, "no check-in for %s", day);
}

int checkin_day_parse(const char *text, char out[DATE_LEN], struct rp_err *err)
{
	struct rec r;
	int rc;
	rec_init(&r, K_CHECKIN);
	if ((rc = rec_set(NULL, &r, kind_field_index(r.kind, "day"), text, err)) == RP_OK)
		snprintf(out, DATE_LEN, "%s", rec_text(&r, "day"));
	rec_free(&r);
	return rc;
}

int checkin_last_next_step(struct db *db, const char *day, char *next, size_t n,
                           char next_day[DATE_LEN], struct rp_err *err)
{
	struct db_stmt *st;
	int rc;
	next[0] = next_day[0] = '\0';
	/* the days before, newest first: the first few are enough to find it */
	if (db_prepare(db,
	               "SELECT day, next_step FROM checkin WHERE day < ?1 AND deleted_at IS NULL"
	               " ORDER BY day DESC LIMIT 1",
	               &st, err))
		return rp_code(err, RP_EDB);
	db_bind_text(st, 1, day);
	if ((rc = db_step(st, err)) == DB_ROW && db_col_text(st, 1)) {
		snprintf(next, n, "%s", db_col_text(st, 1));
		snprintf(next_day, DATE_LEN, "%s", db_col_text(st, 0));
	}
	db_release(st);
	return rc == DB_FAIL ? rp_code(err, RP_EDB) : RP_OK;
}

int checkin_save(struct db *db, struct rec *r, struct rp_err *err)
{
	return r->id ? rec_update(db, r, err) : rec_insert(db, r, err);
}

int checkin_goal_step(struct db *db, int64_t from, int dir, int64_t *id, struct rp_err *err)
{
	static const char *const sql[2] = {
		"SELECT id FROM goal WHERE id > ?1 AND deleted_at IS NULL"
		" AND status IN ('open', 'active') ORDER BY id LIMIT 1",
		"SELECT id FROM goal WHERE id < ?1 AND deleted_at IS NULL"
		" AND status IN ('open', 'active') ORDER BY id DESC LIMIT 1"};
	*id = 0;
	for (int round = 0; round < 2 && !*id; round++) { /* past the end: from the other end */
		struct db_stmt *st;
		int rc;
		if (db_prepare(db, sql[dir < 0], &st, err))
			return rp_code(err, RP_EDB);
		db_bind_int(st, 1, round ? (dir < 0 ? INT64_MAX : 0) : from);
		if ((rc = db_step(st, err)) == DB_ROW)
			*id = db_col_int(st, 0);
		db_release(st);
		if (rc == DB_FAIL)
			return rp_code(err, RP_EDB);
	}
	return RP_OK;
}
