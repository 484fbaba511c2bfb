/* db_open.c - opening a database (see db.h).  The delicate part: a file is
 * first looked at through a read-only connection, so nothing is written to
 * a file that turns out not to be ours; a new file may be made by two
 * rapports at once; a full disk still reads. */
#include "db/db.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "db/db_int.h"

/* path as an SQLite URI with the query q. */
static void file_uri(const char *path, const char *q, char *uri, size_t n)
{
	size_t u = (size_t)snprintf(uri, n, "file:");
	for (const char *p = path; *p && u + 4 < n; p++)
		u += (size_t)(strchr("%?#", *p) ? snprintf(uri + u, n - u, "%%%02X", (unsigned char)*p)
		                                : snprintf(uri + u, n - u, "%c", *p));
	snprintf(uri + u, n > u ? n - u : 0, "?%s", q);
}

static const char *not_writable(const char *path);

/* Open to read.  A WAL database needs its -shm beside it; where that cannot
 * be made (a read-only folder, a full disk) and no writer has left a -wal,
 * the file is read as it stands (immutable), which SQLite allows. */
static int open_immutable(const char *path, sqlite3 **h)
{
	char uri[8300];
	file_uri(path, "mode=ro&immutable=1", uri, sizeof uri);
	return sqlite3_open_v2(uri, h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

static int has_sidecar(const char *path, const char *suffix)
{
	char side[4200];
	snprintf(side, sizeof side, "%s%s", path, suffix);
	return access(side, F_OK) == 0;
}

/* Can the connection read?  A -shm that cannot be sized (a full disk) shows
 * as an I/O error at the first read, not at the open. */
static int can_read(sqlite3 *h)
{
	return sqlite3_exec(h, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
}

/* Room for a -shm (32 KB) and a first change in the -wal?  A disk too full
 * for them cannot even be read through SQLite's shared index, and a try
 * leaves the two files behind; such a file is read as it stands. */
#define ROOM_TO_OPEN (256L * 1024)
#define DISK_FULL_WHY "disk full: nothing can be saved until there is room"
static int disk_full_at(const char *path)
{
	char dir[4096];
	struct statvfs vs;
	db_folder_of(path, dir, sizeof dir);
	return statvfs(dir, &vs) == 0 && (unsigned long long)vs.f_bavail * vs.f_frsize <
	                                     (unsigned long long)ROOM_TO_OPEN;
}

static int io_trouble(int rc)
{
	return (rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_FULL;
}

#define DAMAGED_WHY "%s: the database file is damaged (%s)"
static int damaged(int rc)
{
	return (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT;
}

static int open_to_read(const char *path, sqlite3 **h)
{
	int rc, wal = has_sidecar(path, "-wal");
	if (!wal && !has_sidecar(path, "-shm") && (not_writable(path) || disk_full_at(path)))
		return open_immutable(path, h);
	rc = sqlite3_open_v2(path, h, SQLITE_OPEN_READONLY, NULL);
	/* no -wal before: nothing is in one, so the file alone is the truth (the
	 * empty -wal and -shm the failed try made are gone with its close) */
	if (rc == SQLITE_OK && !wal && io_trouble(can_read(*h))) {
		sqlite3_close(*h);
		*h = NULL;
		return open_immutable(path, h);
	}
	return rc;
}

/* The first 100 bytes of an SQLite file say whose it is; a text file or a
 * file of another format is refused here, before SQLite opens it at all. */
static int read_header(const char *path, unsigned char hdr[100], int *empty, struct rp_err *err)
{
	FILE *f = fopen(path, "rb");
	size_t n;
	*empty = 0;
	memset(hdr, 0, 100);
	if (!f)
		return rp_fail(err, RP_EIO, "%s: cannot read: %s", path, strerror(errno));
	n = fread(hdr, 1, 100, f);
	fclose(f);
	if (n == 0) {
		*empty = 1;
		return RP_OK;
	}
	if (n < 100 || memcmp(hdr, "SQLite format 3", 16) != 0)
		return rp_fail(err, RP_ENOTRAPPORT, "%s: not a rapport database (not an SQLite file)",
		               path);
	return RP_OK;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int db_file_is_ours(const char *path)
{
	unsigned char hdr[100];
	int empty;
	struct stat sb;
	if (lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    read_header(path, hdr, &empty, NULL) != RP_OK || empty)
		return 0;
	return be32(hdr + 68) == DB_APPLICATION_ID; /* PRAGMA application_id */
}

/* Remove the -wal and -shm files a failed look created beside path. */
static void remove_sidecars(const char *path, const int existed[2])
{
	static const char *const suffix[2] = {"-wal", "-shm"};
	char side[4200];
	for (int i = 0; i < 2; i++) {
		snprintf(side, sizeof side, "%s%s", path, suffix[i]);
		if (!existed[i])
			unlink(side);
	}
}

#define NEWER_WHY                                                                              \
	"%s: written by a newer rapport (schema %d; this program knows up to %d); it was not"    \
	" touched"

/* Look at an existing file: is it ours, undamaged, and of which schema
 * version?  Only a read-only connection is used, and only once the header
 * looks like ours.  *is_new is set for a file with nothing in it yet.  The
 * header on disk is not the whole truth: a rapport that has just made the
 * file keeps its schema in the -wal, so the verdict is what SQLite reads. */
static int inspect(const char *path, int latest, int *version, int *is_new, struct rp_err *err)
{
	unsigned char hdr[100];
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int rc, empty, existed[2], objects = 0;
	uint32_t app_id;

	*version = 0;
	*is_new = 0;
	if (read_header(path, hdr, &empty, err) != RP_OK)
		return rp_code(err, RP_ENOTRAPPORT);
	app_id = empty ? 0 : be32(hdr + 68);
	if (app_id != 0 && app_id != DB_APPLICATION_ID)
		return rp_fail(err, RP_ENOTRAPPORT,
		               "%s: not a rapport database (an SQLite file of another program)", path);

	existed[0] = has_sidecar(path, "-wal");
	existed[1] = has_sidecar(path, "-shm");
	rc = open_to_read(path, &h);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(h, BUSY_TIMEOUT_MS);
		/* reading the schema catches most damage without a slow full check */
		rc = sqlite3_prepare_v2(h,
		                        "SELECT (SELECT user_version FROM pragma_user_version),"
		                        " (SELECT application_id FROM pragma_application_id),"
		                        " (SELECT count(*) FROM sqlite_master)",
		                        -1, &st, NULL);
		if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			*version = sqlite3_column_int(st, 0);
			app_id = (uint32_t)sqlite3_column_int64(st, 1);
			objects = sqlite3_column_int(st, 2);
			rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK) {
		int ext = h ? sqlite3_extended_errcode(h) : rc;
		if (damaged(ext))
			rp_fail(err, RP_ENOTRAPPORT, DAMAGED_WHY, path,
			        h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
		else
			db_fail_sqlite(h, ext, "cannot read", path, err);
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	if (rc == SQLITE_OK && app_id != DB_APPLICATION_ID && (app_id != 0 || objects != 0)) {
		rc = SQLITE_NOTADB;
		rp_fail(err, RP_ENOTRAPPORT,
		        "%s: not a rapport database (an SQLite file of another program)", path);
	}
	if (rc != SQLITE_OK) {
		remove_sidecars(path, existed);
		return rp_code(err, RP_ENOTRAPPORT);
	}
	if (*version > latest) {
		remove_sidecars(path, existed);
		return rp_fail(err, RP_ENEWER, NEWER_WHY, path, *version, latest);
	}
	*is_new = app_id == 0 && objects == 0;
	return RP_OK;
}

/* A new empty file, 0600; RP_EEXIST when one is there already. */
static int create_empty(const char *path, struct rp_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return rp_fail(err,
		               errno == ENOENT ? RP_ENOTFOUND : errno == EEXIST ? RP_EEXIST : RP_EIO,
		               "%s: cannot create: %s", path, strerror(errno));
	/* 0600 whatever the umask: these are private notes. */
	if (fchmod(fd, 0600) != 0 || close(fd) != 0)
		return rp_fail(err, RP_EIO, "%s: cannot create: %s", path, strerror(errno));
	return RP_OK;
}

static int migrate(struct db *db, int version, const struct db_migration *steps, int nsteps,
                   struct rp_err *err)
{
	char pragma[96];
	int latest = nsteps ? steps[nsteps - 1].version : 0;

	if (version >= latest)
		return RP_OK;
	if (db->readonly)
		return rp_fail(err, RP_EREADONLY,
		               "%s: needs an upgrade to schema %d; open it once without --read-only",
		               db->path, latest);
	if (version > 0) {
		char tag[32];
		snprintf(tag, sizeof tag, "v%d-", version);
		if (db_backup_dated(db, tag, db->backup, sizeof db->backup, err) != RP_OK)
			return rp_code(err, RP_EIO);
	}
	if (db_begin(db, err) != RP_OK)
		return rp_code(err, RP_EDB);
	/* another rapport may have made or upgraded the file since it was
	 * looked at: the version that counts is the one inside the lock */
	version = db_schema_version(db);
	if (version < 0 || version > latest) {
		db_rollback(db);
		return version < 0 ? rp_fail(err, RP_EDB, "%s: cannot read the schema version", db->path)
		                   : rp_fail(err, RP_ENEWER, NEWER_WHY, db->path, version, latest);
	}
	if (version == latest)
		return db_commit(db, err);
	for (int i = 0; i < nsteps; i++) {
		if (steps[i].version <= version)
			continue;
		if (db_exec(db, steps[i].sql, err) != RP_OK) {
			char what[64];
			db_rollback(db);
			snprintf(what, sizeof what, "schema upgrade to %d failed, file unchanged",
			         steps[i].version);
			return rp_prefix(err, err ? err->code : RP_EDB, what, NULL);
		}
	}
	snprintf(pragma, sizeof pragma, "PRAGMA application_id=%d; PRAGMA user_version=%d;",
	         DB_APPLICATION_ID, latest);
	if (db_exec(db, pragma, err) != RP_OK) {
		db_rollback(db);
		return rp_code(err, RP_EDB);
	}
	return db_commit(db, err);
}

/* Why the file at path cannot be written, or NULL when it can: the file's
 * permissions, or its folder's (where the WAL and its index go). */
static const char *not_writable(const char *path)
{
	char dir[4096];
	if (access(path, W_OK) != 0)
		return "the file is not writable";
	db_folder_of(path, dir, sizeof dir);
	if (access(dir, W_OK) != 0)
		return "its folder is not writable";
	return NULL;
}

int db_check_file(const char *path, char *report, size_t n)
{
	char uri[8300];
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int problems = 0, rc;
	size_t used = 0;
	struct rp_err why;
	report[0] = '\0';
	if (db_check_path_kind(path, &why) != RP_OK) {
		snprintf(report, n, "%s\n", why.msg);
		return 1;
	}
	/* immutable: nothing at all is written, not even a -shm beside it */
	file_uri(path, "mode=ro&immutable=1", uri, sizeof uri);
	rc = sqlite3_open_v2(uri, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		rc = SQLITE_OK;
		if (line && strcmp(line, "ok") != 0) {
			problems++;
			used += (size_t)snprintf(report + used, used < n ? n - used : 0, "%s\n", line);
		}
	}
	if (rc != SQLITE_DONE && rc != SQLITE_OK) {
		problems++;
		snprintf(report + used, used < n ? n - used : 0, "%s\n",
		         h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	return problems;
}

int db_check_path_kind(const char *path, struct rp_err *err)
{
	struct stat sb;
	const char *what = NULL;
	if (stat(path, &sb) != 0)
		return RP_OK; /* nothing there yet (or a dangling link): the open says */
	if (S_ISREG(sb.st_mode))
		return RP_OK;
	if (S_ISDIR(sb.st_mode))
		what = "a folder";
	else if (S_ISFIFO(sb.st_mode))
		what = "a named pipe (FIFO)";
	else if (S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode))
		what = "a device";
	else
		what = "a socket or other special file";
	return rp_fail(err, RP_EIO, "%s: is %s, not a database file; nothing was opened", path, what);
}

/* SQLite finds a database's -wal by the name it was opened under: a file
 * with two names (hard links) gets two logs, and what is saved under one
 * name is lost under the other.  Such a file is refused. */
static int one_name_only(const char *path, struct rp_err *err)
{
	struct stat sb;
	if (stat(path, &sb) == 0 && sb.st_nlink > 1)
		return rp_fail(err, RP_EIO,
		               "%s: has %lu names (hard links); SQLite keeps its log by name, so changes"
		               " saved under one name would be lost under another: keep one name and make"
		               " the others copies; nothing was opened",
		               path, (unsigned long)sb.st_nlink);
	return RP_OK;
}

/* A file whose header is ours with no -wal beside it needs no look of its
 * own (a second connection, and a second reading of the schema): the file
 * alone is the truth, its header holds the schema version (PRAGMA
 * user_version, byte 60), and damage past the header shows at the first
 * read of the connection db_open makes.  1: enough; 0: look (inspect);
 * -1: refused, said in err. */
static int header_is_enough(const char *path, int latest, int *version, struct rp_err *err)
{
	unsigned char hdr[100];
	int empty;
	if (has_sidecar(path, "-wal") || read_header(path, hdr, &empty, NULL) != RP_OK || empty ||
	    be32(hdr + 68) != DB_APPLICATION_ID)
		return 0;
	*version = (int)be32(hdr + 60);
	if (*version > latest) {
		rp_fail(err, RP_ENEWER, NEWER_WHY, path, *version, latest);
		return -1;
	}
	return 1;
}

/* Make the file if it is not there (another rapport may be making it at
 * the same moment: then it is looked at like any existing file). */
static int look_or_create(const char *path, int latest, int *readonly, const char **why,
                          int *version, int *is_new, struct rp_err *err)
{
	int rc;
	if (access(path, F_OK) != 0) {
		if (*readonly)
			return rp_fail(err, RP_ENOTFOUND,
			               "%s: no such database (read-only mode creates none)", path);
		rc = create_empty(path, err);
		if (rc == RP_OK) {
			*is_new = 1;
			return RP_OK;
		}
		if (rc != RP_EEXIST)
			return rc;
	}
	if (one_name_only(path, err) != RP_OK)
		return rp_code(err, RP_ENOTRAPPORT);
	if ((rc = header_is_enough(path, latest, version, err)) < 0)
		return rp_code(err, RP_ENEWER);
	if (rc == 0 && inspect(path, latest, version, is_new, err) != RP_OK)
		return rp_code(err, RP_ENOTRAPPORT);
	if (*is_new && !*readonly && access(path, W_OK) == 0)
		chmod(path, 0600); /* an empty file made elsewhere becomes as private as ours */
	/* what cannot be written is opened to be read, and says why */
	if (!*readonly && (*why = not_writable(path)) != NULL)
		*readonly = 1;
	if (!*readonly && !*is_new && *version == latest && !has_sidecar(path, "-wal") &&
	    !has_sidecar(path, "-shm") && disk_full_at(path)) {
		*why = DISK_FULL_WHY;
		*readonly = 1;
	}
	if (*readonly && *is_new)
		return rp_fail(err, RP_EREADONLY, "%s: holds no rapport data yet%s%s", path,
		               *why ? ", and cannot be made into a database: " : "; open it once"
		                                                                 " without --read-only",
		               *why ? *why : "");
	return RP_OK;
}

/* Writing was asked, but the disk is too full to even make the -shm: read
 * the file as it stands, and say why nothing can be saved. */
static int reopen_full_disk(struct db *db, int version, int latest)
{
	sqlite3_close(db->h); /* the last one out removes the -wal and -shm it made */
	db->h = NULL;
	if (version < latest || has_sidecar(db->path, "-wal"))
		return SQLITE_IOERR;
	db->readonly = 1;
	db->readonly_why = DISK_FULL_WHY;
	return open_immutable(db->path, &db->h);
}

/* Write-ahead logging, once per file.  Switching needs a moment alone with
 * the file: a second rapport making the same new file may hold it, and
 * the busy handler is not asked for this, so it is tried again here. */
static int use_wal(struct db *db, struct rp_err *err)
{
	int rc = SQLITE_BUSY;
	for (int tries = 0; tries < BUSY_TIMEOUT_MS / 20 && (rc & 0xff) == SQLITE_BUSY; tries++) {
		sqlite3_stmt *st = NULL;
		rc = sqlite3_prepare_v2(db->h, "PRAGMA journal_mode=WAL", -1, &st, NULL);
		if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
			rc = SQLITE_OK;
		sqlite3_finalize(st);
		if ((rc & 0xff) == SQLITE_BUSY)
			sqlite3_sleep(20);
	}
	return rc == SQLITE_OK ? RP_OK : db_fail(db, rc, "cannot open", err);
}

static int configure(struct db *db, int is_new, const struct db_migration *steps, int nsteps,
                     struct rp_err *err)
{
	if (db_exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;", err) != RP_OK ||
	    (!db->readonly && use_wal(db, err) != RP_OK))
		return rp_code(err, RP_EDB);
	return migrate(db, is_new ? 0 : db_schema_version(db), steps, nsteps, err);
}

int db_open(const char *path, int flags, const struct db_migration *steps, int nsteps,
            struct db **out, struct rp_err *err)
{
	struct db *db;
	int version = 0, is_new = 0, rc;
	int latest = nsteps ? steps[nsteps - 1].version : 0;
	int readonly = (flags & DB_READONLY) != 0;
	const char *why = NULL;

	*out = NULL;
	if (db_check_path_kind(path, err) != RP_OK)
		return rp_code(err, RP_EIO);
	if ((rc = look_or_create(path, latest, &readonly, &why, &version, &is_new, err)) != RP_OK)
		return rc;

	db = calloc(1, sizeof *db);
	if (!db || !(db->path = strdup(path))) {
		free(db);
		return rp_fail(err, RP_EIO, "out of memory");
	}
	db->readonly = readonly;
	db->readonly_why = why;
	rc = readonly ? open_to_read(path, &db->h)
	              : sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK && !is_new) {
		int first = can_read(db->h);
		if (!readonly && io_trouble(first))
			rc = reopen_full_disk(db, version, latest);
		else if (damaged(first)) { /* a file looked at by its header alone */
			rp_fail(err, RP_ENOTRAPPORT, DAMAGED_WHY, path, sqlite3_errmsg(db->h));
			db_close(db);
			return RP_ENOTRAPPORT;
		}
	}
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "cannot open", err);
		db_close(db);
		return rp_code(err, RP_EIO);
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, BUSY_TIMEOUT_MS);
	if (configure(db, is_new, steps, nsteps, err) != RP_OK) {
		db_close(db);
		return rp_code(err, RP_EDB);
	}
	*out = db;
	return RP_OK;
}
