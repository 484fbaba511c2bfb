#include "core/summary.h"

#include <string.h>

#include <stdlib.h>

#include "core/health.h"
#include "db/db.h"

static int counts_read(struct db *db, const struct config *cfg, struct summary *s,
                       struct rp_err *err)
{
	int64_t open = 0;
	struct due *due;
	struct owed *owed;
	int rc, n;
	memset(s, 0, sizeof *s);
	if (health_due_list(db, cfg, &due, &n, err) != RP_OK)
		return rp_code(err, RP_EDB);
	free(due);
	s->due = n;
	int kept, owed_total;
	if (health_thanks_owed(db, cfg, 0, &owed, &kept, &owed_total, err) != RP_OK)
		return rp_code(err, RP_EDB);
	free(owed);
	s->thanks_owed = owed_total;
	/* answered from the partial index action_open */
	rc = db_one_int(db, "SELECT count(*) FROM action_item WHERE done = 0 AND deleted_at IS NULL",
	                &open, err, 0);
	s->open_actions = (long)open;
	return rc == DB_FAIL ? (rp_code(err, RP_EDB)) : RP_OK;
}

int summary_counts(struct db *db, const struct config *cfg, struct summary *s, struct rp_err *err)
{
	int rc;
	if (db_read_begin(db, err) != RP_OK)
		return rp_code(err, RP_EDB);
	rc = counts_read(db, cfg, s, err);
	db_read_end(db);
	return rc;
}
