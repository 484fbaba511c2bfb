/* db.c - see db.h: statements, transactions, closing, bulk-load indexes.
 * Opening a file is in db_open.c, copies and checks in db_copy.c. */
#include "db/db.h"

#include <stdarg.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_int.h"

static enum rp_code code_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT: return RP_ECONSTRAINT;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT: return RP_ENOTRAPPORT;
	case SQLITE_READONLY: return RP_EREADONLY;
	case SQLITE_FULL: return RP_EFULL;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return RP_EBUSY;
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM: return RP_EIO;
	default: return RP_EDB;
	}
}

int db_full_disk_rc(sqlite3 *h, int rc)
{
	int sys = h ? sqlite3_system_errno(h) : 0;
	return (rc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EFBIG) ? SQLITE_FULL : rc;
}

/* Turn the connection's last error into err, naming what we were doing. */
int db_fail_sqlite(sqlite3 *h, int rc, const char *what, const char *path, struct rp_err *err)
{
	const char *msg = h ? sqlite3_errmsg(h) : sqlite3_errstr(rc);
	enum rp_code code = code_of(db_full_disk_rc(h, rc));
	if (code == RP_EFULL)
		return rp_fail(err, code, "%s: %s: disk full, nothing was saved", path, what);
	if (code == RP_EBUSY)
		return rp_fail(err, code, "%s: %s: the database is locked by another program", path,
		               what);
	if (code == RP_EREADONLY)
		return rp_fail(err, code, "%s: %s: the file is read-only, nothing was saved", path, what);
	return rp_fail(err, code, "%s: %s: %s", path, what, msg);
}

int db_fail(struct db *db, int rc, const char *what, struct rp_err *err)
{
	return db_fail_sqlite(db->h, rc, what, db->path, err);
}

int db_exec(struct db *db, const char *sql, struct rp_err *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		enum rp_code code = code_of(rc);
		if (code == RP_EFULL || code == RP_EBUSY || code == RP_EREADONLY)
			db_fail(db, rc, "cannot save", err); /* said as every write says them */
		else
			rp_fail(err, code, "%s: %s", db->path, msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return (int)code;
	}
	return RP_OK;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (int i = 0; i < STMT_CACHE; i++) {
		sqlite3_finalize(db->cache[i].st);
		free(db->cache[i].sql);
	}
	/* keep the planner's statistics current (SQLite's advice; bounded work,
	 * and nothing when they are) so that it keeps choosing the indexes; only
	 * after a change: a command that only read leaves the file as it was */
	if (!db->readonly && db->depth == 0 && db->wrote)
		sqlite3_exec(db->h, "PRAGMA analysis_limit=400; PRAGMA optimize;", NULL, NULL, NULL);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

const char *db_path(const struct db *db) { return db->path; }
int db_is_readonly(const struct db *db) { return db->readonly; }
const char *db_readonly_why(const struct db *db) { return db->readonly_why; }
const char *db_migration_backup(const struct db *db) { return db->backup; }

int db_schema_version(struct db *db)
{
	struct db_stmt *st;
	int v = -1;
	if (db_prepare(db, "PRAGMA user_version", &st, NULL) != RP_OK)
		return -1;
	if (db_step(st, NULL) == DB_ROW)
		v = (int)db_col_int(st, 0);
	db_release(st);
	return v;
}

int db_prepare(struct db *db, const char *sql, struct db_stmt **out, struct rp_err *err)
{
	struct db_stmt *slot = NULL;
	sqlite3_stmt *st;
	int rc;

	for (int i = 0; i < STMT_CACHE; i++) {
		struct db_stmt *c = &db->cache[i];
		if (c->st && !c->in_use && strcmp(c->sql, sql) == 0) {
			c->in_use = 1;
			*out = c;
			return RP_OK;
		}
		if (!slot && !c->st)
			slot = &db->cache[i];
	}
	if (!slot) { /* cache full: evict the first idle statement */
		for (int i = 0; i < STMT_CACHE && !slot; i++)
			if (!db->cache[i].in_use)
				slot = &db->cache[i];
		if (!slot)
			return rp_fail(err, RP_EDB, "%s: too many statements in use", db->path);
		sqlite3_finalize(slot->st);
		free(slot->sql);
		slot->st = NULL;
		slot->sql = NULL;
	}
	if (db->hook)
		db->hook(sql, db->hook_ctx);
	rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "cannot prepare a query", err);
	slot->sql = strdup(sql);
	if (!slot->sql) {
		sqlite3_finalize(st);
		return rp_fail(err, RP_EIO, "out of memory");
	}
	slot->db = db;
	slot->st = st;
	slot->in_use = 1;
	*out = slot;
	return RP_OK;
}

void db_set_prepare_hook(struct db *db, void (*hook)(const char *sql, void *ctx), void *ctx)
{
	db->hook = hook;
	db->hook_ctx = ctx;
}

void db_release(struct db_stmt *st)
{
	if (!st)
		return;
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
	st->in_use = 0;
}

void db_bind_int(struct db_stmt *st, int idx, int64_t v) { sqlite3_bind_int64(st->st, idx, v); }
void db_bind_null(struct db_stmt *st, int idx) { sqlite3_bind_null(st->st, idx); }

void db_bind_text(struct db_stmt *st, int idx, const char *s)
{
	if (s)
		sqlite3_bind_text(st->st, idx, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st->st, idx);
}

int db_bind_ids(struct db_stmt *st, int idx, const int64_t *ids, int n)
{
	/* "[1,2,3]": 21 characters at most per id with its comma */
	size_t cap = 3 + (size_t)(n > 0 ? n : 0) * 21, used = 1;
	char *json = malloc(cap);
	if (!json)
		return 0;
	json[0] = '[';
	for (int i = 0; i < n; i++)
		used += (size_t)snprintf(json + used, cap - used, "%s%lld", i ? "," : "", (long long)ids[i]);
	snprintf(json + used, cap - used, "]");
	sqlite3_bind_text(st->st, idx, json, -1, SQLITE_TRANSIENT);
	free(json);
	return 1;
}

int db_step(struct db_stmt *st, struct rp_err *err)
{
	int rc = sqlite3_step(st->st);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE) {
		if (st->db->depth == 0 && !sqlite3_stmt_readonly(st->st))
			st->db->wrote = 1; /* a change outside a transaction is committed */
		return DB_DONE;
	}
	db_fail(st->db, sqlite3_extended_errcode(st->db->h), "query failed", err);
	return DB_FAIL;
}

int db_col_is_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}
int64_t db_col_int(struct db_stmt *st, int col) { return sqlite3_column_int64(st->st, col); }
const char *db_col_text(struct db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st->st, col);
}

void db_limit_pages(struct db *db, long pages)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA max_page_count=%ld", pages);
	db_exec(db, sql, NULL);
}

int db_one_int(struct db *db, const char *sql, int64_t *out, struct rp_err *err, int n, ...)
{
	struct db_stmt *st;
	va_list ap;
	int rc;
	*out = 0;
	if (db_prepare(db, sql, &st, err) != RP_OK)
		return DB_FAIL;
	va_start(ap, n);
	for (int i = 1; i <= n; i++)
		db_bind_int(st, i, va_arg(ap, int64_t));
	va_end(ap);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		*out = db_col_int(st, 0);
	db_release(st);
	return rc;
}

void db_folder_of(const char *path, char *dir, size_t n)
{
	const char *slash = strrchr(path, '/');
	size_t len;
	if (!slash) {
		snprintf(dir, n, ".");
		return;
	}
	len = (size_t)(slash - path);
	while (len > 0 && path[len - 1] == '/') /* "a//b": the folder is "a" */
		len--;
	if (len == 0)
		snprintf(dir, n, "/");
	else
		snprintf(dir, n, "%.*s", (int)len, path);
}

int64_t db_last_insert_id(struct db *db) { return sqlite3_last_insert_rowid(db->h); }
int db_changes(struct db *db) { return sqlite3_changes(db->h); }

int db_begin(struct db *db, struct rp_err *err)
{
	char sql[48];
	if (db->depth == 0)
		snprintf(sql, sizeof sql, "BEGIN IMMEDIATE");
	else
		snprintf(sql, sizeof sql, "SAVEPOINT sp%d", db->depth);
	if (db_exec(db, sql, err) != RP_OK)
		return rp_code(err, RP_EDB);
	db->depth++;
	return RP_OK;
}

int db_read_begin(struct db *db, struct rp_err *err)
{
	if (db->depth == 0 && db_exec(db, "BEGIN", err) != RP_OK)
		return rp_code(err, RP_EDB);
	db->depth++;
	return RP_OK;
}

void db_read_end(struct db *db)
{
	if (db->depth <= 0)
		return;
	if (db->depth == 1)
		db_exec(db, "COMMIT", NULL); /* nothing was written: it ends the read */
	db->depth--;
}

int db_commit(struct db *db, struct rp_err *err)
{
	char sql[48];
	if (db->depth <= 0)
		return rp_fail(err, RP_EDB, "%s: commit without a transaction", db->path);
	if (db->depth == 1)
		snprintf(sql, sizeof sql, "COMMIT");
	else
		snprintf(sql, sizeof sql, "RELEASE sp%d", db->depth - 1);
	if (db_exec(db, sql, err) != RP_OK) {
		db_rollback(db); /* a failed COMMIT leaves nothing half-done */
		return rp_code(err, RP_EDB);
	}
	if (db->depth == 1)
		db->wrote = 1;
	db->depth--;
	return RP_OK;
}

void db_rollback(struct db *db)
{
	char sql[64];
	if (db->depth <= 0)
		return;
	if (db->depth == 1)
		snprintf(sql, sizeof sql, "ROLLBACK");
	else
		snprintf(sql, sizeof sql, "ROLLBACK TO sp%d; RELEASE sp%d", db->depth - 1,
		         db->depth - 1);
	sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	db->depth--;
}

int db_indexes_drop(struct db *db, const char *table, struct db_indexes *saved, struct rp_err *err)
{
	sqlite3_stmt *st;
	char names[DB_MAX_INDEXES][128];
	int rc;
	memset(saved, 0, sizeof *saved);
	rc = sqlite3_prepare_v2(db->h,
	                        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1"
	                        " AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
	                        -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "indexes", err);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW && saved->n < DB_MAX_INDEXES) {
		snprintf(names[saved->n], sizeof names[0], "%s", (const char *)sqlite3_column_text(st, 0));
		if (!(saved->sql[saved->n] = strdup((const char *)sqlite3_column_text(st, 1))))
			break;
		saved->n++;
	}
	sqlite3_finalize(st);
	/* dropped once the walk of the schema is over */
	for (int i = 0; i < saved->n; i++) {
		char drop[200];
		snprintf(drop, sizeof drop, "DROP INDEX \"%s\"", names[i]);
		if ((rc = sqlite3_exec(db->h, drop, NULL, NULL, NULL)) != SQLITE_OK) {
			db_indexes_free(saved);
			return db_fail(db, rc, "indexes", err);
		}
	}
	return RP_OK;
}

int db_indexes_create(struct db *db, struct db_indexes *saved, struct rp_err *err)
{
	int rc = RP_OK;
	for (int i = 0; i < saved->n; i++) {
		if (rc == RP_OK)
			rc = db_exec(db, saved->sql[i], err);
		free(saved->sql[i]);
	}
	saved->n = 0;
	return rc;
}

void db_indexes_free(struct db_indexes *saved)
{
	for (int i = 0; i < saved->n; i++)
		free(saved->sql[i]);
	saved->n = 0;
}
