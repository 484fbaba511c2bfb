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
/* Is path the database's file, its -wal, -shm or journal (through links,
 * or by name when it does not exist yet)? */
int store_is_own_file(const struct db *db, const char *path);
const char *store_path(const struct db *db);
/* The backup written before a schema upgrade during this open, or "". */
const char *store_upgrade_backup(const struct db *db);

/* One command as one write transaction (BEGIN IMMEDIATE): what it reads,
 * checks and writes cannot interleave with another writer, which waits
 * its turn (up to the busy timeout) instead of failing with a conflict.
 * store_command_end commits when ok, else rolls back. */
int store_command_begin(struct db *db, struct rp_err *err);
int store_command_end(struct db *db, int ok, struct rp_err *err);

/* Many small reads as one read transaction (drawing a screen's worth of
 * names, say): one lock and one look at the file instead of one per
 * statement, and every read sees the same moment.  They nest. */
int store_read_begin(struct db *db, struct rp_err *err);
void store_read_end(struct db *db);

/* A consistent copy (SQLite's online backup) to dest, or, when dest is
 * NULL or "", to "<database>.YYYYmmdd-HHMMSS.bak" beside it (-2, -3, ...
 * when that is taken); the path written goes to out.  Whole or not at all,
 * 0600, never over an existing file nor onto the database's own files. */
int store_backup(struct db *db, const char *dest, char *out, size_t n, struct rp_err *err);
/* Once a day: a copy named "<database>.daily-YYYY-MM-DD.bak" unless today's
 * exists, and only the newest `keep` of them are kept.  *made is set when
 * a copy was written. */
int store_daily_backup(struct db *db, int keep, int *made, struct rp_err *err);
/* PRAGMA integrity_check and foreign_key_check: "ok", or what is wrong. */
int store_check(struct db *db, char *report, size_t n, int *problems, struct rp_err *err);

#endif
