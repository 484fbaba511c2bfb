/* db_int.h - what db.c, db_open.c and db_copy.c share: the connection
 * and its statement cache, and the one way SQLite errors become messages.
 * Private to db/: nothing outside includes it. */
#ifndef RAPPORT_DB_INT_H
#define RAPPORT_DB_INT_H

#include <sqlite3.h>

#include "db/db.h"

#define STMT_CACHE 48
#define BUSY_TIMEOUT_MS 5000

struct db_stmt {
	struct db *db;
	sqlite3_stmt *st;
	char *sql;
	int in_use;
};

struct db {
	sqlite3 *h;
	char *path;
	int readonly;
	const char *readonly_why; /* opened read-only though writing was asked */
	int depth; /* transaction nesting */
	int wrote; /* a change was committed through this connection */
	char backup[4096];
	struct db_stmt cache[STMT_CACHE];
	void (*hook)(const char *sql, void *ctx);
	void *hook_ctx;
};

/* rc, or SQLITE_FULL when it is an I/O error the system gave as a full
 * disk or a file size limit (ENOSPC, EFBIG). */
int db_full_disk_rc(sqlite3 *h, int rc);
/* Turn a failed SQLite call into err, naming what we were doing. */
int db_fail_sqlite(sqlite3 *h, int rc, const char *what, const char *path, struct rp_err *err);
int db_fail(struct db *db, int rc, const char *what, struct rp_err *err);

#endif
