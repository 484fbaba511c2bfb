/* db.h - the storage engine wrapper: open and check a file, run migrations,
 * prepared statements with bound parameters, nested transactions, backup.
 * The only module that talks to SQLite; callers never see its types. */
#ifndef RAPPORT_DB_H
#define RAPPORT_DB_H

#include <stddef.h>
#include <stdint.h>

#include "db/err.h"

#define DB_APPLICATION_ID 0x52505254 /* "RPRT" */

struct db;
struct db_stmt;

enum db_open_flags { DB_READONLY = 1 };
enum db_step_result { DB_FAIL = -1, DB_DONE = 0, DB_ROW = 1 };

/* One forward step of the schema: after it runs, user_version == version. */
struct db_migration {
	int version;
	const char *sql;
};

/* Open (or create, mode 0600) a rapport database and bring its schema up to
 * the last of `steps`.  A file that is not ours, damaged, or from a newer
 * version is refused without writing a byte to it.  Before migrating an
 * existing file, a backup copy is written next to it. */
int db_open(const char *path, int flags, const struct db_migration *steps, int nsteps,
            struct db **out, struct rp_err *err);
void db_close(struct db *db);
const char *db_path(const struct db *db);
int db_is_readonly(const struct db *db);
/* Opened read-only because the file or its folder cannot be written: why
 * (NULL when read-only was asked for, or not read-only). */
const char *db_readonly_why(const struct db *db);
/* PRAGMA integrity_check on a file that was refused, touching nothing: the
 * number of problems, listed in report. */
int db_check_file(const char *path, char *report, size_t n);
int db_schema_version(struct db *db);
/* The file may not grow past pages pages (the tests' full disk). */
void db_limit_pages(struct db *db, long pages);
/* Path of the backup made before the last migration, or "" if none. */
const char *db_migration_backup(const struct db *db);

/* Run SQL without parameters (schema text, pragmas). */
int db_exec(struct db *db, const char *sql, struct rp_err *err);

/* Statements come from a small cache keyed by their SQL text; give them back
 * with db_release (which resets them) when done. */
int db_prepare(struct db *db, const char *sql, struct db_stmt **out, struct rp_err *err);
void db_release(struct db_stmt *st);
/* Call hook with the SQL of every statement prepared from now on (for the
 * test that checks query plans); NULL stops it. */
void db_set_prepare_hook(struct db *db, void (*hook)(const char *sql, void *ctx), void *ctx);
void db_bind_int(struct db_stmt *st, int idx, int64_t v);
void db_bind_text(struct db_stmt *st, int idx, const char *s); /* NULL binds NULL */
void db_bind_null(struct db_stmt *st, int idx);
/* n ids as one value, for "x IN (SELECT value FROM json_each(?N))": a page's
 * rows asked about in one query.  0 when out of memory (nothing bound). */
int db_bind_ids(struct db_stmt *st, int idx, const int64_t *ids, int n);
int db_step(struct db_stmt *st, struct rp_err *err); /* DB_ROW, DB_DONE or DB_FAIL */
int db_col_is_null(struct db_stmt *st, int col);
int64_t db_col_int(struct db_stmt *st, int col);
const char *db_col_text(struct db_stmt *st, int col); /* NULL for NULL */

/* Small queries: the first column of the first row of sql, with ?1, ?2 ...
 * bound to the n int64_t values that follow.  DB_ROW with *out set,
 * DB_DONE when there is no row (*out = 0), or DB_FAIL. */
int db_one_int(struct db *db, const char *sql, int64_t *out, struct rp_err *err, int n, ...);

int64_t db_last_insert_id(struct db *db);
int db_changes(struct db *db);

/* Nested transactions: the outermost is BEGIN IMMEDIATE, inner ones are
 * savepoints.  Every begin is matched by exactly one commit or rollback. */
int db_begin(struct db *db, struct rp_err *err);
int db_commit(struct db *db, struct rp_err *err);
/* Many reads as one: one snapshot and one lock rather than one per
 * statement (no-op inside a transaction). */
int db_read_begin(struct db *db, struct rp_err *err);
void db_read_end(struct db *db);
void db_rollback(struct db *db);

/* Consistent copy of the open database to dest (0600): written beside it
 * under a temporary name and linked into place, so a failed or killed backup
 * leaves nothing, and an existing dest is never overwritten (RP_EEXIST). */
int db_backup(struct db *db, const char *dest, struct rp_err *err);
/* The same to the first of "stem.bak", "stem-2.bak", ... that does not
 * exist (two backups in one second both succeed); the name goes to out. */
int db_backup_new(struct db *db, const char *stem, char *out, size_t n, struct rp_err *err);
/* The same beside the database, stem "<database>.<tag>YYYYmmdd-HHMMSS" (the
 * real time: backups of a frozen clock would clash). */
int db_backup_dated(struct db *db, const char *tag, char *out, size_t n, struct rp_err *err);
/* Is path a regular file that is a rapport database (or a backup of one):
 * SQLite's header with rapport's application_id?  Read, never opened. */
int db_file_is_ours(const char *path);
/* The folder a file's path names, into dir: "." for a bare name, "/" for
 * a file at the root; the one rule for every caller (opening, checking
 * room, backups, syncing a rename). */
void db_folder_of(const char *path, char *dir, size_t n);
/* Is path (followed through links, or by its resolved name when it does not
 * exist yet) the database file, its -wal, -shm or journal? */
int db_is_own_file(const struct db *db, const char *path);
/* A database path must name a regular file (or nothing yet): a folder, a
 * FIFO (which would block the open), a device or a socket is refused with
 * one message, before anything opens it. */
int db_check_path_kind(const char *path, struct rp_err *err);

/* Run sql, a statement that checks something but needs a write
 * transaction (FTS5's 'integrity-check'), leaving the file as it was: in a
 * transaction rolled back after, or, when the file is open read-only, on a
 * private copy in $TMPDIR.  *failed is set when the statement fails; an
 * error is returned only when it could not be run at all. */
int db_check_statement(struct db *db, const char *sql, int *failed, struct rp_err *err);

/* Bulk loading: drop a table's secondary indexes (not the unique ones: they
 * are rules) and make them again after, in one sort each rather than one
 * insert at a time.  Inside a transaction, a rollback brings them back. */
#define DB_MAX_INDEXES 16
struct db_indexes {
	char *sql[DB_MAX_INDEXES];
	int n;
};
int db_indexes_drop(struct db *db, const char *table, struct db_indexes *saved,
                    struct rp_err *err);
/* Makes them again and frees saved (also on error). */
int db_indexes_create(struct db *db, struct db_indexes *saved, struct rp_err *err);
void db_indexes_free(struct db_indexes *saved);

/* Derived state kept by triggers that the program writes (the search
 * index, each person's last contact): a set is the triggers whose names
 * match `like` (a LIKE pattern, ESCAPE '\'), made by gen(i, ...) for i =
 * 0, 1, ... until it returns 0 (-1: the statement did not fit), and fill,
 * which computes the state from scratch. */
struct db_trigger_set {
	const char *what; /* for messages: "the search index" */
	const char *like;
	int (*gen)(int i, char *name, size_t name_n, char *sql, size_t n);
	int (*fill)(struct db *db, struct rp_err *err);
};
/* Are the file's triggers of the set exactly gen's?  1 yes, 0 no, -1 on error. */
int db_triggers_current(struct db *db, const struct db_trigger_set *set, struct rp_err *err);
/* Inside the caller's transaction: drop gen's triggers (pause), or fill and
 * make them (resume). */
int db_triggers_pause(struct db *db, const struct db_trigger_set *set, struct rp_err *err);
int db_triggers_resume(struct db *db, const struct db_trigger_set *set, struct rp_err *err);
/* After opening: when the file's triggers are not gen's (a schema upgrade,
 * a new rule), drop them, fill and make them, in one transaction.  Nothing
 * is done on a read-only file. */
int db_triggers_ensure(struct db *db, const struct db_trigger_set *set, struct rp_err *err);

#endif
