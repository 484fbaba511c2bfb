/* store.h - opening the user's database: the door from the faces (tui/) to
 * storage.  Everything else in core/ takes the struct db * this returns. */
#ifndef RAPPORT_STORE_H
#define RAPPORT_STORE_H

#include "db/err.h"

struct db;

/* Open or create (with its folder) the database at path. */
int store_open(const char *path, int readonly, struct db **out, struct rp_err *err);
void store_close(struct db *db);
const char *store_path(const struct db *db);
int store_schema_version(struct db *db);
/* The backup written before a schema upgrade during this open, or "". */
const char *store_upgrade_backup(const struct db *db);

#endif
