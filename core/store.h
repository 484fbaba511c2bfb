/* store.h - opening the user's database: the door from the faces (tui/) to
 * storage.  Everything else in core/ takes the struct db * this returns. */
#ifndef RAPPORT_STORE_H
#define RAPPORT_STORE_H

#include <stddef.h>

#include "db/err.h"

struct db;

/* Open or create (with its folder) the database at path. */
enum {
	STORE_READONLY = 1,    /* open to read only */
	STORE_MAKE_FOLDER = 2, /* create the file's folder (the default place) */
};
/* A file in a folder that is missing is refused unless STORE_MAKE_FOLDER:
 * a mistyped --db makes no new folders. */
int store_open(const char *path, int flags, struct db **out, struct rp_err *err);
/* The newest backup beside the file at path (manual, daily or made before
 * an upgrade): 1 with its path in out, 0 if there is none. */
int store_latest_backup(const char *path, char *out, size_t n);
/* SQLite's integrity check of a file that was refused, read-only: the
 * number of problems, listed in report. */
int store_check_file(const char *path, char *report, size_t n);
/* Why the database was opened read-only without being asked, or NULL. */
const char *store_readonly_why(const struct db *db);
void store_close(struct db *db);
const char *store_path(const struct db *db);
int store_schema_version(struct db *db);
/* The backup written before a schema upgrade during this open, or "". */
const char *store_upgrade_backup(const struct db *db);

/* A consistent copy (SQLite's online backup) to dest, or, when dest is
 * NULL or "", to "<database>.YYYYmmdd-HHMMSS.bak" beside it; the path
 * written goes to out. */
int store_backup(struct db *db, const char *dest, char *out, size_t n, struct rp_err *err);
/* Once a day: a copy named "<database>.daily-YYYY-MM-DD.bak" unless today's
 * exists, and only the newest `keep` of them are kept.  *made is set when
 * a copy was written. */
int store_daily_backup(struct db *db, int keep, int *made, struct rp_err *err);
/* PRAGMA integrity_check and foreign_key_check: "ok", or what is wrong. */
int store_check(struct db *db, char *report, size_t n, int *problems, struct rp_err *err);

#endif
