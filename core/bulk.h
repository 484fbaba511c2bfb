/* bulk.h - loading many rows at once (the demo, a big import), inside a
 * transaction: the search index, each person's last contact and the big
 * tables' indexes are made once after the rows rather than kept up row by
 * row. */
#ifndef RAPPORT_BULK_H
#define RAPPORT_BULK_H

#include "db/db.h"

struct bulk {
	struct db_indexes idx[3];
};
int bulk_begin(struct db *db, struct bulk *b, struct rp_err *err);
/* Makes them (ok) or just forgets them (not ok: the rollback that follows
 * brings them back). */
int bulk_end(struct db *db, struct bulk *b, int ok, struct rp_err *err);

#endif
