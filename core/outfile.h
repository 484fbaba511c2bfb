/* outfile.h - every file rapport writes for the user (exports, reports,
 * CSV folders): written under a temporary name beside the target, synced,
 * then renamed over it, so a failure or a kill leaves the last good file;
 * created 0600; a link at the target is replaced, never written through;
 * the open database and its -wal, -shm and journal are refused, and so is
 * any SQLite file at the target (another database, a backup).  A stream
 * (stdout, "-", a pipe, a device such as /dev/null) is written as it goes. */
#ifndef RAPPORT_OUTFILE_H
#define RAPPORT_OUTFILE_H

#include <stdio.h>

#include "db/err.h"

struct db;

struct outfile {
	FILE *f;        /* write here */
	int stream;     /* not a file of ours: written in place */
	char path[4096];
	char tmp[4200]; /* the temporary name, while writing a file */
};

/* Begin writing path (NULL or "-": stdout).  db is the open database (its
 * files are refused); may be NULL. */
int outfile_open(struct outfile *o, const struct db *db, const char *path, struct rp_err *err);
/* Would outfile_open refuse path (the database, a folder, another
 * database)?  RP_OK when it may be written. */
int outfile_check(const struct db *db, const char *path, struct rp_err *err);
/* Flush and sync the temporary file, not yet in place (for outputs of
 * several files that go in place together); failing, it is thrown away. */
int outfile_flush(struct outfile *o, struct rp_err *err);
/* End it: when ok, flush, sync and put the file in place (the error, if
 * that fails, names the file and says the old one is kept); when not ok
 * (the writer failed), throw the temporary file away.  Returns RP_OK only
 * when the file is in place. */
int outfile_close(struct outfile *o, int ok, struct rp_err *err);

#endif
