/* outfile.c - see outfile.h. */
#include "core/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/store.h"
#include "db/db.h"

static int refuse_own(const struct db *db, const char *path, struct rp_err *err)
{
	if (db && store_is_own_file(db, path))
		return rp_fail(err, RP_EINVAL,
		               "%s: is the database itself (or its -wal, -shm or journal): nothing was"
		               " written; choose another file",
		               path);
	return RP_OK;
}

/* What the file at path begins with: an SQLite database, its write-ahead
 * log (magic 0x377f0682 or 0x377f0683), or neither (0). */
static int sqlite_kind(const char *path)
{
	unsigned char head[16] = {0};
	FILE *f = fopen(path, "rb");
	size_t n = f ? fread(head, 1, sizeof head, f) : 0;
	if (f)
		fclose(f);
	if (n == sizeof head && memcmp(head, "SQLite format 3", 16) == 0)
		return 1;
	if (n >= 4 && head[0] == 0x37 && head[1] == 0x7f && head[2] == 0x06 && (head[3] & 0xfe) == 0x82)
		return 2;
	return 0;
}

/* Is path the -wal, -shm or journal of an SQLite file beside it? */
static int beside_a_database(const char *path)
{
	static const char *const suffix[] = {"-wal", "-shm", "-journal"};
	size_t len = strlen(path);
	char base[4096];
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		size_t sl = strlen(suffix[i]);
		if (len > sl && len - sl < sizeof base && strcmp(path + len - sl, suffix[i]) == 0) {
			snprintf(base, sizeof base, "%.*s", (int)(len - sl), path);
			if (sqlite_kind(base) == 1)
				return 1;
		}
	}
	return 0;
}

/* An export never takes the place of a database: any SQLite file (another
 * rapport database, a backup), a write-ahead log, or the -wal, -shm or
 * journal of a database beside it (a crash's last changes live there) is
 * refused, not replaced. */
static int refuse_database(const char *path, struct rp_err *err)
{
	int kind = sqlite_kind(path);
	if (kind || beside_a_database(path))
		return rp_fail(err, RP_EINVAL,
		               "%s: is %s: an export never replaces one; nothing was written, choose"
		               " another file",
		               path, kind == 1 ? "an SQLite database (a rapport database or a backup?)"
		                               : "the log or index of an SQLite database");
	return RP_OK;
}

/* Where a stream is written in place: an existing non-regular file. */
static int open_stream(struct outfile *o, struct rp_err *err)
{
	struct stat sb;
	/* non-blocking, so a named pipe nobody reads is said, not waited on */
	int fd = open(o->path, O_WRONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 && errno == ENXIO)
		return rp_fail(err, RP_EIO, "%s: a named pipe that no program is reading; nothing was"
		               " written", o->path);
	if (fd >= 0)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
		close(fd); /* a file put there since it was looked at: never written in place */
		return rp_fail(err, RP_EIO, "%s: changed while it was opened; nothing was written",
		               o->path);
	}
	if (fd >= 0 && isatty(fd)) { /* a terminal: through stdout, made safe for it there */
		struct stat out;
		close(fd);
		if (fstat(STDOUT_FILENO, &out) != 0 || !S_ISCHR(out.st_mode) || out.st_rdev != sb.st_rdev)
			return rp_fail(err, RP_EINVAL, "%s: is another terminal than this one; nothing was"
			               " written (use -o - here)", o->path);
		o->f = stdout;
		o->stream = 1;
		return RP_OK;
	}
	if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
		if (fd >= 0)
			close(fd);
		return rp_fail(err, RP_EIO, "%s: cannot write: %s", o->path, strerror(errno));
	}
	o->stream = 1;
	return RP_OK;
}

int outfile_check(const struct db *db, const char *path, struct rp_err *err)
{
	struct stat sb;
	if (refuse_own(db, path, err) != RP_OK)
		return RP_EINVAL;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return rp_fail(err, RP_EINVAL, "%s: is a folder; give a file name", path);
	if ((stat(path, &sb) != 0 || S_ISREG(sb.st_mode)) && refuse_database(path, err) != RP_OK)
		return RP_EINVAL;
	return RP_OK;
}

int outfile_open(struct outfile *o, const struct db *db, const char *path, struct rp_err *err)
{
	struct stat sb;
	const char *slash;
	int fd;
	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		o->stream = 1;
		return RP_OK;
	}
	if (snprintf(o->path, sizeof o->path, "%s", path) >= (int)sizeof o->path)
		return rp_fail(err, RP_EINVAL, "%.60s...: path too long", path);
	if (outfile_check(db, path, err) != RP_OK)
		return RP_EINVAL;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return open_stream(o, err);
	slash = strrchr(path, '/');
	snprintf(o->tmp, sizeof o->tmp, "%.*s.%s.XXXXXX", slash ? (int)(slash - path + 1) : 0, path,
	         slash ? slash + 1 : path);
	if ((fd = mkstemp(o->tmp)) < 0)
		return rp_fail(err, RP_EIO, "%s: cannot write: %s", path, strerror(errno));
	/* 0600 whatever the umask: exports hold private notes */
	if (fchmod(fd, 0600) != 0 || !(o->f = fdopen(fd, "w"))) {
		int e = errno;
		close(fd);
		unlink(o->tmp);
		return rp_fail(err, RP_EIO, "%s: cannot write: %s", path, strerror(e));
	}
	return RP_OK;
}

/* The folder of path, synced so that the rename is on disk too. */
static void sync_folder(const char *path)
{
	char dir[4096];
	int fd;
	db_folder_of(path, dir, sizeof dir);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
}

static int close_stream(struct outfile *o, int ok, struct rp_err *err)
{
	int bad = o->f == stdout ? fflush(stdout) != 0 : fclose(o->f) != 0;
	o->f = NULL;
	if (bad && ok)
		return rp_fail(err, errno == ENOSPC ? RP_EFULL : RP_EIO, "%s: cannot write: %s",
		               *o->path ? o->path : "standard output", strerror(errno));
	return ok ? RP_OK : rp_code(err, RP_EIO);
}

static int write_failed(struct outfile *o, int e, struct rp_err *err)
{
	unlink(o->tmp);
	o->tmp[0] = '\0';
	return rp_fail(err, e == ENOSPC ? RP_EFULL : RP_EIO,
	               "%s: cannot write: %s; nothing was written there (a file it had is kept as"
	               " it was)",
	               o->path, e == ENOSPC ? "the disk is full" : strerror(e));
}

int outfile_flush(struct outfile *o, struct rp_err *err)
{
	int e = 0;
	if (o->stream || !o->f)
		return RP_OK;
	/* a write that failed on the file itself is said with the file's name */
	if (ferror(o->f))
		e = errno ? errno : EIO;
	else if (fflush(o->f) != 0 || fsync(fileno(o->f)) != 0)
		e = errno;
	if (fclose(o->f) != 0 && !e)
		e = errno;
	o->f = NULL;
	return e ? write_failed(o, e, err) : RP_OK;
}

int outfile_close(struct outfile *o, int ok, struct rp_err *err)
{
	if (o->stream)
		return o->f ? close_stream(o, ok, err) : rp_code(err, RP_EIO);
	if (!ok) { /* the writer failed: its own error stands, unless the file did */
		int e = o->f && ferror(o->f) ? (errno ? errno : EIO) : 0;
		if (o->f)
			fclose(o->f);
		o->f = NULL;
		if (e && *o->tmp)
			return write_failed(o, e, err);
		if (*o->tmp)
			unlink(o->tmp);
		return rp_code(err, RP_EIO);
	}
	if (!*o->tmp || outfile_flush(o, err) != RP_OK)
		return rp_code(err, RP_EIO);
	if (rename(o->tmp, o->path) != 0)
		return write_failed(o, errno, err);
	o->tmp[0] = '\0';
	sync_folder(o->path);
	return RP_OK;
}
