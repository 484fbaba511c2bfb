/* contact_cache.h - each person's last contact, kept on an indexed row
 * (person_contact, schema step 10) so that who is due is found without
 * visiting every person: the start of the last meeting held, of the last
 * one missed or cancelled and of the last one planned, and due_at, the
 * last meeting held (or the day the person was added) plus the cadence.  Triggers written here keep the
 * row in the transaction of every change that moves it (a meeting added,
 * moved, marked, trashed, restored or purged; a cadence changed); the due
 * rules themselves stay in health.c, which reads the row. */
#ifndef RAPPORT_CONTACT_CACHE_H
#define RAPPORT_CONTACT_CACHE_H

#include <stddef.h>

#include "db/err.h"

struct db;

/* After opening: make the triggers and fill the rows when the file's are
 * not this program's (the upgrade to step 10).  Nothing on a read-only file. */
int contact_cache_ensure(struct db *db, struct rp_err *err);
/* Filling in bulk, inside the caller's transaction: stop keeping the rows
 * one change at a time, then compute them all at once and keep them again. */
int contact_cache_pause(struct db *db, struct rp_err *err);
int contact_cache_resume(struct db *db, struct rp_err *err);
/* The rows against the full computation from the meetings: *wrong is how
 * many people's row is missing or says something else (0: in step), and
 * whether the triggers are this program's (*triggers_ok). */
int contact_cache_check(struct db *db, long *wrong, int *triggers_ok, struct rp_err *err);

/* The statement that makes trigger i (0, 1, ... until it returns 0). */
int contact_cache_trigger(int i, char *name, size_t name_n, char *sql, size_t n);

#endif
