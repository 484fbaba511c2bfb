/* health.h - the state of each relationship, by rules (DESIGN.md,
 * "Relationship health"): who is due for contact, which thank-you is owed,
 * which promises are open, the check-in streak, agreement adherence and goal
 * progress.  Everything is computed from the data and the clock, except a
 * snooze and a goal's progress (kept on its row by the schema). */
#ifndef RAPPORT_HEALTH_H
#define RAPPORT_HEALTH_H

#include <stddef.h>
#include <stdint.h>

#include "core/config.h"
#include "core/rec.h"
#include "core/when.h"

struct db;

enum due_state {
	DUE_NONE,    /* no cadence agreed, paused, alumni or in the trash */
	DUE_OK,      /* the next contact is further than due_soon_days away */
	DUE_COVERED, /* a planned meeting takes care of it */
	DUE_SNOOZED, /* put off until snoozed_until */
	DUE_RESCHEDULE, /* the last meeting was missed or cancelled, and none is planned */
	DUE_SOON,    /* due within due_soon_days (or today) */
	DUE_OVERDUE, /* past the due day */
};

struct due {
	int64_t person_id;
	char name[200];
	enum due_state state;
	char due_day[DATE_LEN]; /* last done meeting (or the start) + cadence */
	long days;              /* DUE_SOON: days left; DUE_OVERDUE: days late */
	int64_t last_met;       /* start of the last done meeting, 0 if none */
	int64_t missed_at;      /* DUE_RESCHEDULE: the missed or cancelled meeting's start */
	int64_t planned_id;     /* DUE_COVERED: the planned meeting */
	int64_t planned_at;     /* DUE_COVERED: its start */
	char snoozed_until[DATE_LEN];
};

/* The due state of one person. */
int health_due(struct db *db, const struct config *cfg, int64_t person_id, struct due *out,
               struct rp_err *err);
/* The due state of n people (a page of a list) in one query: out[i] for
 * ids[i]; last_met is set whatever the state (a person not found: all 0). */
int health_due_each(struct db *db, const struct config *cfg, const int64_t *ids, int n,
                    struct due *out, struct rp_err *err);
/* People due soon, overdue or to reschedule, most overdue first.  *out is
 * malloc'd. */
int health_due_list(struct db *db, const struct config *cfg, struct due **out, int *n,
                    struct rp_err *err);
const char *health_due_word(enum due_state s);
/* The first planned meeting with the person from today on (*id 0: none). */
int health_next_planned(struct db *db, int64_t person, int64_t *id, int64_t *start,
                        struct rp_err *err);
/* DUE_RESCHEDULE's reason: "the meeting of Mon 23 Nov 2026 did not take place" */
const char *health_missed_text(const struct due *d, char *buf, size_t n);

struct owed {
	int64_t meeting_id, person_id;
	char name[200];
	int64_t start_at;
	int64_t draft_id; /* a draft note exists (written, not sent); 0: none */
};

/* Done meetings older than thanks_after_days (and no older than
 * thanks_window_days) with no thank-you sent for them or to that person
 * since, newest first: the first `keep` of them in *out (malloc'd, with
 * names; *n of them) and how many there are in *total (a count keeps none). */
int health_thanks_owed(struct db *db, const struct config *cfg, int keep, struct owed **out,
                       int *n, int *total, struct rp_err *err);

/* Open action items, overdue first then by due day (undated last); up to
 * limit of them in page, and the total counts. */
struct promises {
	struct rec_page page;
	long mine, theirs, overdue;
};
int health_promises(struct db *db, int limit, struct promises *out, struct rp_err *err);
void health_promises_free(struct promises *p);

struct streak {
	int current;    /* days in a row up to today (or yesterday, if today is not done yet) */
	int longest;
	int today_done;
};
int health_streak(struct db *db, struct streak *out, struct rp_err *err);

/* Meetings held against what the cadence implies, counted from the start
 * of the agreement (the first done meeting, or the day the person was
 * added, or the day the cadence was agreed, whichever is latest) over at
 * most the last adherence_days: percent = 100 * held / expected, at most
 * 100.  Before one cadence has passed it is too early to tell. */
struct adherence {
	int held, expected, percent;
	int too_early;  /* less than one cadence since the start: no judgement */
	int from_start; /* counted from the start, not over the whole look-back */
	int64_t since;  /* the start of the agreement */
};
int health_adherence(struct db *db, const struct config *cfg, int64_t person_id,
                     struct adherence *out, struct rp_err *err);
/* "2 of 3 meetings in the last 90 days (66%)", "too early to tell (since ...)" */
void health_adherence_text(const struct adherence *a, const struct config *cfg, char *buf,
                           size_t n);

/* A goal's progress, the same on every face: the number on its row, which
 * follows its milestones unless set by hand (the schema's triggers keep
 * it, db/schema.c step 9) and is 100 once the goal is done. */
int health_goal_progress(const struct rec *goal);
/* A planned meeting whose end has passed: did it happen?  (x: done, or
 * missed).  Its word on every face is then "happened?". */
int health_meeting_unanswered(const struct rec *meeting);
/* A meeting's status as the faces show it: "happened?" or its status. */
const char *health_meeting_word(const struct rec *meeting);
#define HEALTH_ASK_DAYS 14 /* Today asks about planned meetings this many days back */
/* Past its target day and neither done nor dropped. */
int health_goal_late(const struct rec *goal, const char *today);

/* Moods of the last `days` days ending today (0: no check-in), oldest first. */
int health_moods(struct db *db, int days, int *moods, struct rp_err *err);
/* Done meetings with a person per month, the last 12 months, oldest first. */
int health_meetings_by_month(struct db *db, int64_t person_id, int counts[12], struct rp_err *err);

#endif
