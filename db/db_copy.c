/* db_copy.c - copies of the open database (backups, a private copy to
 * check on) and which paths are its own files (see db.h). */
#include "db/db.h"

#include <errno.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db_int.h"

/* The canonical spelling of path: its folder resolved (links, dots), then
 * its last name; -1 when the folder cannot be resolved. */
static int canonical(const char *path, char *out, size_t n)
{
	char dir[4096], real[PATH_MAX];
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	db_folder_of(path, dir, sizeof dir);
	if (!realpath(dir, real))
		return -1;
	snprintf(out, n, "%s/%s", real, base);
	return 0;
}

/* Is path the file `base` names, or its -wal, -shm or journal? */
static int is_file_of(const char *base, const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	struct stat ps, ds;
	char mine[4200], canon[4200], theirs[4200];
	int exists = stat(path, &ps) == 0, named = canonical(path, canon, sizeof canon) == 0;
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(mine, sizeof mine, "%s%s", base, suffix[i]);
		if (exists && stat(mine, &ds) == 0 && ds.st_dev == ps.st_dev && ds.st_ino == ps.st_ino)
			return 1;
		if (named && canonical(mine, theirs, sizeof theirs) == 0 && strcmp(canon, theirs) == 0)
			return 1;
	}
	return 0;
}

int db_is_own_file(const struct db *db, const char *path)
{
	char real[PATH_MAX];
	/* a --db that is a link: SQLite keeps the -wal and -shm beside the
	 * file it leads to, so both names count */
	return is_file_of(db->path, path) ||
	       (realpath(db->path, real) && is_file_of(real, path));
}

/* Copy into tmp (a new private file), through SQLite's online backup;
 * messages name `shown` (the file the user asked for). */
static int backup_into(struct db *db, const char *tmp, const char *shown, struct rp_err *err)
{
	sqlite3 *out = NULL;
	sqlite3_backup *bk;
	int rc = sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		db_fail_sqlite(out, rc, "cannot open the backup", shown, err);
		sqlite3_close(out);
		return rp_code(err, RP_EIO);
	}
	if (!(bk = sqlite3_backup_init(out, "main", db->h, "main"))) {
		db_fail_sqlite(out, sqlite3_errcode(out), "cannot back up", shown, err);
		sqlite3_close(out);
		return rp_code(err, RP_EIO);
	}
	rc = db_full_disk_rc(out, sqlite3_backup_step(bk, -1));
	sqlite3_backup_finish(bk);
	if (rc == SQLITE_DONE)
		rc = db_full_disk_rc(out, sqlite3_exec(out, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL));
	if (sqlite3_close(out) != SQLITE_OK && rc == SQLITE_OK)
		rc = SQLITE_IOERR;
	if (rc != SQLITE_DONE && rc != SQLITE_OK)
		return db_fail_sqlite(NULL, rc, "backup failed", shown, err);
	return RP_OK;
}

/* A temporary copy gone, with what SQLite may have left beside it when
 * the copy failed (a full disk): its journal, or its -wal and -shm (a copy
 * of a WAL database is one until its journal mode is set back). */
static void remove_copy(const char *tmp)
{
	static const char *const beside[] = {"-journal", "-wal", "-shm"};
	char path[4300];
	unlink(tmp);
	for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
		snprintf(path, sizeof path, "%s%s", tmp, beside[i]);
		unlink(path);
	}
}

int db_backup(struct db *db, const char *dest, struct rp_err *err)
{
	char tmp[4200];
	const char *slash = strrchr(dest, '/');
	int fd, rc;

	if (db_is_own_file(db, dest))
		return rp_fail(err, RP_EINVAL,
		               "%s: is the database itself (or its -wal, -shm or journal); a backup"
		               " goes to another file",
		               dest);
	struct stat sb;
	if (stat(dest, &sb) == 0 && S_ISDIR(sb.st_mode))
		return rp_fail(err, RP_EINVAL, "%s: is a folder; give the backup a file name", dest);
	if (access(dest, F_OK) == 0)
		return rp_fail(err, RP_EEXIST, "%s: exists already; a backup never overwrites a file",
		               dest);
	/* beside dest under a temporary name, then linked into place: a failed
	 * or killed backup leaves no half copy under dest's name */
	snprintf(tmp, sizeof tmp, "%.*s.rapport-backup.XXXXXX", slash ? (int)(slash - dest + 1) : 0,
	         dest);
	if ((fd = mkstemp(tmp)) < 0)
		return rp_fail(err, RP_EIO, "%s: cannot create: %s", dest, strerror(errno));
	if (fchmod(fd, 0600) != 0 || close(fd) != 0) {
		int e = errno;
		unlink(tmp);
		return rp_fail(err, RP_EIO, "%s: cannot create: %s", dest, strerror(e));
	}
	rc = backup_into(db, tmp, dest, err);
	if (rc == RP_OK && link(tmp, dest) != 0) {
		int e = errno;
		rc = rp_fail(err, e == EEXIST ? RP_EEXIST : RP_EIO, "%s: cannot create: %s", dest,
		             e == EEXIST ? "exists already; a backup never overwrites a file"
		                         : strerror(e));
	}
	remove_copy(tmp);
	return rc;
}

int db_backup_new(struct db *db, const char *stem, char *out, size_t n, struct rp_err *err)
{
	int rc = RP_EEXIST;
	for (int i = 1; i <= 99 && rc == RP_EEXIST; i++) {
		if (i == 1)
			snprintf(out, n, "%s.bak", stem);
		else
			snprintf(out, n, "%s-%d.bak", stem, i);
		rc = db_backup(db, out, err);
	}
	return rc;
}

int db_backup_dated(struct db *db, const char *tag, char *out, size_t n, struct rp_err *err)
{
	char stamp[32], stem[4200];
	time_t t = time(NULL);
	struct tm tm;
	if (!localtime_r(&t, &tm) || !strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm))
		snprintf(stamp, sizeof stamp, "%lld", (long long)t);
	snprintf(stem, sizeof stem, "%s.%s%s", db->path, tag, stamp);
	return db_backup_new(db, stem, out, n, err);
}

/* The statement in a write transaction that is rolled back.  Only damage
 * counts as the check failing; a lock held elsewhere (waited for up to the
 * busy timeout), a full disk or an I/O error is an error of its own. */
static int run_to_check(sqlite3 *h, const char *sql, int *failed)
{
	int rc = sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) {
		*failed = 1;
		return SQLITE_OK;
	}
	return rc;
}

int db_check_statement(struct db *db, const char *sql, int *failed, struct rp_err *err)
{
	char tmp[4200];
	const char *dir = getenv("TMPDIR");
	sqlite3 *copy = NULL;
	int fd, rc;
	*failed = 0;
	if (!db->readonly) {
		rc = run_to_check(db->h, sql, failed);
		if (rc == SQLITE_OK)
			return RP_OK;
		if ((rc & 0xff) != SQLITE_BUSY) /* a lock held elsewhere: the copy below */
			return db_fail(db, rc, "cannot check", err);
	}
	snprintf(tmp, sizeof tmp, "%s/rapport-check.XXXXXX", dir && *dir == '/' ? dir : "/tmp");
	if ((fd = mkstemp(tmp)) < 0)
		return rp_fail(err, RP_EIO, "%s: cannot make a private copy to check: %s", tmp,
		               strerror(errno));
	close(fd);
	rc = backup_into(db, tmp, tmp, err);
	if (rc == RP_OK && sqlite3_open_v2(tmp, &copy, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
		int ran = run_to_check(copy, sql, failed);
		if (ran != SQLITE_OK)
			rc = db_fail_sqlite(copy, ran, "cannot check the private copy", tmp, err);
	} else if (rc == RP_OK)
		rc = rp_fail(err, RP_EIO, "%s: cannot open the private copy", tmp);
	sqlite3_close(copy);
	remove_copy(tmp);
	if (rc != RP_OK)
		return rp_prefix(err, (enum rp_code)rc, "opened read-only, the check needs a private copy",
		                 NULL);
	return RP_OK;
}
