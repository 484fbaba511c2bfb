/* schema.h - rapport's schema, as a list of forward migrations. */
#ifndef RAPPORT_SCHEMA_H
#define RAPPORT_SCHEMA_H

#include "db/db.h"

extern const struct db_migration schema_steps[];
extern const int schema_nsteps;

/* For filling a database in bulk: stop keeping the search index row by row,
 * then index everything at once and keep it in step again.  Both run inside
 * the caller's transaction. */
int schema_fts_pause(struct db *db, struct rp_err *err);
int schema_fts_resume(struct db *db, struct rp_err *err);

/* Loading many rows at once (the demo, a big import), inside a transaction:
 * the search index and the big tables' indexes are made once after the rows
 * rather than kept up row by row.  schema_bulk_end makes them (ok) or just
 * forgets them (not ok: the rollback that follows brings them back). */
struct schema_bulk {
	struct db_indexes idx[3];
};
int schema_bulk_begin(struct db *db, struct schema_bulk *b, struct rp_err *err);
int schema_bulk_end(struct db *db, struct schema_bulk *b, int ok, struct rp_err *err);

#endif
