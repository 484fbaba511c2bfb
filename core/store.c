#include "core/store.h"

#include "core/paths.h"
#include "db/db.h"
#include "db/schema.h"

int store_open(const char *path, int readonly, struct db **out, struct rp_err *err)
{
	if (!readonly && paths_make_parent(path, err) != RP_OK)
		return err ? (int)err->code : RP_EIO;
	return db_open(path, readonly ? DB_READONLY : 0, schema_steps, schema_nsteps, out, err);
}

void store_close(struct db *db) { db_close(db); }
const char *store_path(const struct db *db) { return db_path(db); }
int store_schema_version(struct db *db) { return db_schema_version(db); }
const char *store_upgrade_backup(const struct db *db) { return db_migration_backup(db); }
