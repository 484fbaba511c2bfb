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

#endif
