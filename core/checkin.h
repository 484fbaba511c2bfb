/* checkin.h - the daily check-in: one per day. */
#ifndef RAPPORT_CHECKIN_H
#define RAPPORT_CHECKIN_H

#include "core/rec.h"

/* Fetch the live check-in of day (YYYY-MM-DD) into r; RP_ENOTFOUND when the
 * day has none (r is then a fresh, empty check-in for that day). */
int checkin_of_day(struct db *db, const char *day, struct rec *r, struct rp_err *err);
/* A day as the check-in's day field reads it (the last such day; one
 * still to come is refused), into out as YYYY-MM-DD. */
int checkin_day_parse(const char *text, char out[DATE_LEN], struct rp_err *err);
/* The next step of the last check-in before day (the thread the ritual
 * follows): into next (and its day), or "" when it has none. */
int checkin_last_next_step(struct db *db, const char *day, char *next, size_t n,
                           char next_day[DATE_LEN], struct rp_err *err);
/* Insert r or, when it already has an id, update it. */
int checkin_save(struct db *db, struct rec *r, struct rp_err *err);

/* For the check-in's goal field: the open or active goal after (dir > 0)
 * or before `from` by number, going round; *id is 0 when there is none. */
int checkin_goal_step(struct db *db, int64_t from, int dir, int64_t *id, struct rp_err *err);

#endif
