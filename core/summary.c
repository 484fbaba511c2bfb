#include "core/summary.h"

#include <string.h>

#include "db/db.h"

int summary_counts(struct db *db, struct summary *s, struct rp_err *err)
{
	struct db_stmt *st;
	int rc;
	memset(s, 0, sizeof *s);
	/* answered from the partial index action_open */
	if (db_prepare(db, "SELECT count(*) FROM action_item WHERE done = 0 AND deleted_at IS NULL",
	               &st, err))
		return err ? (int)err->code : RP_EDB;
	rc = db_step(st, err);
	if (rc == DB_ROW)
		s->open_actions = (long)db_col_int(st, 0);
	db_release(st);
	return rc == DB_FAIL ? (err ? (int)err->code : RP_EDB) : RP_OK;
}
