/* checkin.h - the daily check-in: one per day. */
#ifndef RAPPORT_CHECKIN_H
#define RAPPORT_CHECKIN_H

#include "core/rec.h"

/* Fetch the live check-in of day (YYYY-MM-DD) into r; RP_ENOTFOUND when the
 * day has none (r is then a fresh, empty check-in for that day). */
int checkin_of_day(struct db *db, const char *day, struct rec *r, struct rp_err *err);
/* Insert r or, when it already has an id, update it. */
int checkin_save(struct db *db, struct rec *r, struct rp_err *err);

#endif
