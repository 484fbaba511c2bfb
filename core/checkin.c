#include "core/checkin.h"

#include "db/db.h"

int checkin_of_day(struct db *db, const char *day, struct rec *r, struct rp_err *err)
{
	struct db_stmt *st;
	int rc;
	int64_t id = 0;

	if (db_prepare(db, "SELECT id FROM checkin WHERE day = ?1 AND deleted_at IS NULL", &st, err))
		return err ? (int)err->code : RP_EDB;
	db_bind_text(st, 1, day);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		id = db_col_int(st, 0);
	db_release(st);
	if (rc == DB_FAIL)
		return err ? (int)err->code : RP_EDB;
	if (id)
		return rec_get(db, K_CHECKIN, id, r, err);
	rec_init(r, K_CHECKIN);
	if (rec_set(db, r, kind_field_index(r->kind, "day"), day, err) != RP_OK)
		return err ? (int)err->code : RP_EINVAL;
	return rp_fail(err, RP_ENOTFOUND, "no check-in for %s", day);
}

int checkin_save(struct db *db, struct rec *r, struct rp_err *err)
{
	return r->id ? rec_update(db, r, err) : rec_insert(db, r, err);
}
