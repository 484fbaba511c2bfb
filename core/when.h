/* when.h - dates and times as people type them, and as they are shown.
 *
 * Accepted (case does not matter):
 *   today  tomorrow  yesterday  now
 *   mon .. sun, monday .. sunday   that day of this week (see below)
 *   next mon, last fri             strictly after, or before, today
 *   +3d  -2d  +2w  +1m  +1y        days, weeks, months, years from today
 *   2026-12-01   1 dec   dec 1   1 dec 2026   dec 1 2026
 * each optionally followed by a time: 14:00  9:30  9am  2:30pm  (or joined
 * to an ISO date with T: 2026-12-01T09:00), or a time alone: today at it.
 *
 * A day without its year, or a weekday, is read in a direction (enum
 * when_dir): the next such day, today included, for what looks ahead (a
 * target, a due day, a snooze), the last such day, today included, for what
 * looks back (a check-in's day, the day a note was sent), and for a
 * meeting, which is logged after or planned before, the nearest such day
 * (a weekday: the next one).
 *
 * Calendar dates are 'YYYY-MM-DD' text; instants are unix seconds (UTC)
 * shown in local time. */
#ifndef RAPPORT_WHEN_H
#define RAPPORT_WHEN_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "db/err.h"

#define DATE_LEN 11 /* "YYYY-MM-DD" + NUL */

struct when {
	int year, month, day;
	int has_time;
	int hour, minute;
};

/* The time a meeting gets when only its day is given. */
#define WHEN_DEFAULT_HOUR 9

enum when_dir { WHEN_AHEAD, WHEN_BACK, WHEN_NEAREST };

int when_parse(const char *text, time_t now, enum when_dir dir, struct when *out,
               struct rp_err *err);
/* The instant of a local time.  A time the clocks skip (the spring
 * daylight-saving gap) is refused, saying so; a time that happens twice
 * (the autumn overlap) is taken at its first occurrence. */
int when_to_instant(const struct when *w, time_t *out, struct rp_err *err);
/* The same, but a time the clocks skip is taken as the moment it would be
 * had they not (02:30 becomes 03:30 when they jump an hour), and *moved
 * is set: for files from elsewhere, where the time is the writer's. */
int when_to_instant_or_moved(const struct when *w, time_t *out, int *moved, struct rp_err *err);

/* Instants rapport keeps: 1900-01-01 00:00 UTC to 9999-12-30 23:59:59 UTC
 * (a day short of the end, so that a meeting's end is still in 9999 for
 * every calendar format).  Anything else (a millisecond timestamp, 2^63-1)
 * is refused where it enters, with instant_check. */
#define INSTANT_MIN (-2208988800LL)
#define INSTANT_MAX (253402300799LL - 86400)
int instant_check(int64_t t, const char *what, struct rp_err *err);
/* localtime_r that checks: 0 with tm set, or -1 for an instant out of the
 * range above or one the C library cannot convert. */
int local_tm(int64_t t, struct tm *tm);

/* A calendar date field: a time in the text is refused. */
int date_parse(const char *text, time_t now, enum when_dir dir, char out[DATE_LEN],
               struct rp_err *err);
/* An instant field: a day without a time means WHEN_DEFAULT_HOUR:00. */
int instant_parse(const char *text, time_t now, enum when_dir dir, int64_t *out,
                  struct rp_err *err);

int date_is_valid(const char *ymd);
void date_today(time_t now, char out[DATE_LEN]);
/* Days from date a to date b (b - a); both must be valid. */
long date_diff(const char *a, const char *b);
/* ymd + days into out: 0, or -1 when that is past the calendar's ends
 * (out is then 1900-01-01 or 9999-12-31) or ymd is not a date (out ""). */
int date_add_days(const char *ymd, long days, char out[DATE_LEN]);

/* The local calendar day of an instant. */
void date_of_instant(int64_t t, char out[DATE_LEN]);
/* The instant a local day starts (00:00). */
int64_t date_start(const char *ymd);

/* "Thu 26 Nov 2026 14:00" */
void fmt_instant(int64_t t, char *buf, size_t n);
/* "Thu 26 Nov 2026" */
void fmt_date(const char *ymd, char *buf, size_t n);

#endif
