/* today.h - everything the Today view shows, gathered in one place for both
 * faces (the Today screen and `rapport today`). */
#ifndef RAPPORT_TODAY_H
#define RAPPORT_TODAY_H

#include "core/health.h"

#define TODAY_MEETING_DAYS 7 /* today and the next seven days */
#define TODAY_GOAL_DAYS 14   /* goals whose target is this close, or past */
#define TODAY_ROWS 50        /* at most this many rows per section */
#define TODAY_COUNT_MAX 100000 /* and the rest counted up to this */

struct today {
	char day[DATE_LEN];
	struct rec_page meetings; /* planned or done, from today 00:00 on, by time */
	struct rec_page unanswered; /* planned, of the HEALTH_ASK_DAYS before today: did they happen? */
	int meetings_more, unanswered_more, goals_more; /* past the TODAY_ROWS shown */
	struct due *due;          /* due soon or overdue, most overdue first */
	int ndue, ndue_shown;     /* all of them (rapport due), and the first TODAY_ROWS */
	struct owed *owed;        /* the first TODAY_ROWS, newest first */
	int nowed, nowed_all;     /* those, and how many are owed */
	struct promises actions;  /* open action items, overdue first */
	struct rec_page goals;    /* open or active, target near or past, by target */
	int *goal_progress;       /* per goal, from health_goal_progress */
	struct rec checkin;       /* today's, when has_checkin */
	int has_checkin;
	struct streak streak;
	int checkin_off;             /* [ui] checkin = off: no check-in lines */
	char last_next[300];         /* the last check-in's next step before today, or "" */
	char last_next_day[DATE_LEN];
};

int today_load(struct db *db, const struct config *cfg, struct today *t, struct rp_err *err);
void today_free(struct today *t);

#endif
