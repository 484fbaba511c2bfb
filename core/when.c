/* when.c - see when.h.  Date arithmetic is done on day numbers (days since
 * 1970-01-01 in the proleptic Gregorian calendar), never through mktime, so
 * daylight-saving changes cannot shift a calendar date. */
#include "core/when.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const wday_short[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const wday_long[] = {"sunday",   "monday", "tuesday", "wednesday",
                                        "thursday", "friday", "saturday"};
static const char *const month_short[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static int is_leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(long y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

/* Day number of a civil date (era-based, valid for any year we accept). */
static long day_number(long y, int m, int d)
{
	long era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp, yy;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

static int weekday_of(long daynum) /* 0 = Sunday */
{
	return (int)((daynum % 7 + 11) % 7);
}

static void set_day(struct when *w, long daynum)
{
	civil_from_days(daynum, &w->year, &w->month, &w->day);
}

int local_tm(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;
	if (t < INSTANT_MIN || t > INSTANT_MAX || !localtime_r(&tt, tm)) {
		memset(tm, 0, sizeof *tm);
		tm->tm_year = 70;
		tm->tm_mday = 1;
		return -1;
	}
	return 0;
}

int instant_check(int64_t t, const char *what, struct rp_err *err)
{
	if (t < INSTANT_MIN || t > INSTANT_MAX)
		return rp_fail(err, RP_EINVAL,
		               "%s: %lld is not a time between 1900-01-01 and 9999-12-30 UTC (unix"
		               " seconds%s)",
		               what, (long long)t,
		               t > INSTANT_MAX && t / 1000 <= INSTANT_MAX ? "; milliseconds?" : "");
	return RP_OK;
}

static long today_number(time_t now)
{
	struct tm tm;
	local_tm((int64_t)now, &tm);
	return day_number(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday);
}

static int month_index(const char *tok)
{
	static const char *const full[] = {"january", "february", "march",     "april",
	                                   "may",     "june",     "july",      "august",
	                                   "september", "october", "november", "december"};
	size_t n = strlen(tok);
	if (n < 3)
		return -1;
	for (int i = 0; i < 12; i++)
		if (strncasecmp(tok, full[i], n) == 0 && n <= strlen(full[i]))
			return i + 1;
	return -1;
}

static int weekday_index(const char *tok)
{
	size_t n = strlen(tok);
	if (n < 3)
		return -1;
	for (int i = 0; i < 7; i++)
		if (strncasecmp(tok, wday_long[i], n) == 0 && n <= strlen(wday_long[i]))
			return i;
	return -1;
}

/* Digits only, 1..maxlen of them; returns the value or -1. */
static long number(const char *s, size_t maxlen)
{
	size_t n = strlen(s);
	long v = 0;
	if (n == 0 || n > maxlen)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* 14:00  9:30  9am  2:30pm  12pm */
static int parse_time(const char *tok, int *hour, int *minute)
{
	char buf[16], *colon, *suffix;
	size_t n = strlen(tok);
	long h, m = 0;
	int pm = -1;

	if (n == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, tok, n + 1);
	if (n > 2 && (strcasecmp(buf + n - 2, "am") == 0 || strcasecmp(buf + n - 2, "pm") == 0)) {
		pm = tolower((unsigned char)buf[n - 2]) == 'p';
		buf[n - 2] = '\0';
	}
	suffix = NULL;
	colon = strchr(buf, ':');
	if (colon) {
		*colon = '\0';
		suffix = colon + 1;
		if (strlen(suffix) != 2 || (m = number(suffix, 2)) < 0 || m > 59)
			return -1;
	} else if (pm < 0) {
		return -1; /* a bare number is not a time */
	}
	if ((h = number(buf, 2)) < 0)
		return -1;
	if (pm >= 0) {
		if (h < 1 || h > 12)
			return -1;
		h = h % 12 + (pm ? 12 : 0);
	} else if (h > 23) {
		return -1;
	}
	*hour = (int)h;
	*minute = (int)m;
	return 0;
}

static int valid_ymd(long y, long m, long d)
{
	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, (int)m);
}

/* YYYY-MM-DD, with an optional THH:MM glued on. */
static int parse_iso(const char *tok, struct when *w)
{
	char buf[32];
	long y, m, d;
	char *t;

	if (strlen(tok) >= sizeof buf)
		return -1;
	memcpy(buf, tok, strlen(tok) + 1);
	t = strpbrk(buf, "Tt");
	if (t)
		*t++ = '\0';
	if (strlen(buf) != 10 || buf[4] != '-' || buf[7] != '-')
		return -1;
	buf[4] = buf[7] = '\0';
	y = number(buf, 4);
	m = number(buf + 5, 2);
	d = number(buf + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !valid_ymd(y, m, d))
		return -1;
	w->year = (int)y;
	w->month = (int)m;
	w->day = (int)d;
	if (t) {
		if (parse_time(t, &w->hour, &w->minute) != 0)
			return -1;
		w->has_time = 1;
	}
	return 0;
}

static int add_months(struct when *w, long months)
{
	long total = w->year * 12L + (w->month - 1) + months;
	long y = total / 12;
	int m = (int)(total % 12) + 1;
	if (y < 1900 || y > 9999)
		return -1;
	w->year = (int)y;
	w->month = m;
	if (w->day > days_in_month(y, m))
		w->day = days_in_month(y, m); /* 31 Jan + 1m = 28/29 Feb */
	return 0;
}

/* +3d -2w +1m +1y */
static int parse_offset(const char *tok, long today, struct when *w)
{
	char unit;
	size_t n = strlen(tok);
	long amount;
	char digits[8];

	if (n < 3 || (tok[0] != '+' && tok[0] != '-') || n - 2 >= sizeof digits)
		return -1;
	unit = (char)tolower((unsigned char)tok[n - 1]);
	memcpy(digits, tok + 1, n - 2);
	digits[n - 2] = '\0';
	if ((amount = number(digits, 5)) < 0)
		return -1;
	if (tok[0] == '-')
		amount = -amount;
	set_day(w, today);
	switch (unit) {
	case 'd': set_day(w, today + amount); return 0;
	case 'w': set_day(w, today + 7 * amount); return 0;
	case 'm': return add_months(w, amount);
	case 'y': return add_months(w, 12 * amount);
	default: return -1;
	}
}

#define MAX_TOKENS 5

/* The day of weekday wd in direction dir from today (today itself when it
 * is that day, unless strict: "next mon", "last fri"). */
static long weekday_day(long today, int wd, enum when_dir dir, int strict)
{
	int ahead = (wd - weekday_of(today) + 7) % 7, back = (weekday_of(today) - wd + 7) % 7;
	if (strict && ahead == 0)
		ahead = back = 7;
	return dir == WHEN_BACK ? today - back : today + ahead;
}

/* The year of the first day `month`/`day` on or after today (step 1) or
 * the last on or before it (step -1), or 0 past the calendar's ends; a
 * leap day looks up to eight years on. */
static int occurrence(long today, int month, int day, int step)
{
	int y, m, d;
	civil_from_days(today, &y, &m, &d);
	for (int tries = 0; tries < 9 && y >= 1900 && y <= 9999; tries++, y += step)
		if (valid_ymd(y, month, day) &&
		    (step > 0 ? day_number(y, month, day) >= today : day_number(y, month, day) <= today))
			return y;
	return 0;
}

/* The year of a day and month given without one, as dir says: the next,
 * the last, or the nearer of the two; 0 when there is none. */
static int year_for(long today, int month, int day, enum when_dir dir)
{
	int after = occurrence(today, month, day, 1), before = occurrence(today, month, day, -1);
	if (dir == WHEN_AHEAD || !before)
		return dir == WHEN_BACK ? 0 : after;
	if (dir == WHEN_BACK || !after)
		return dir == WHEN_AHEAD ? 0 : before;
	return today - day_number(before, month, day) <= day_number(after, month, day) - today
	               ? before : after;
}

/* The date part of tok[0..ntok) into w: the tokens it took (1 to 3), 0
 * for a time alone (today at it, w complete), -1 when it is no date. */
static int date_part(char **tok, int ntok, time_t now, enum when_dir dir, int strict,
                     struct when *w)
{
	long today = today_number(now), v;
	int used = 0, month, wd;
	if (strcasecmp(tok[0], "today") == 0) {
		set_day(w, today);
		used = 1;
	} else if (strcasecmp(tok[0], "tomorrow") == 0) {
		set_day(w, today + 1);
		used = 1;
	} else if (strcasecmp(tok[0], "yesterday") == 0) {
		set_day(w, today - 1);
		used = 1;
	} else if (strcasecmp(tok[0], "now") == 0) {
		struct tm tm;
		local_tm((int64_t)now, &tm);
		set_day(w, today);
		w->has_time = 1;
		w->hour = tm.tm_hour;
		w->minute = tm.tm_min;
		used = 1;
	} else if ((wd = weekday_index(tok[0])) >= 0) {
		set_day(w, weekday_day(today, wd, dir, strict));
		used = 1;
	} else if (tok[0][0] == '+' || tok[0][0] == '-') {
		if (parse_offset(tok[0], today, w) != 0)
			return -1;
		used = 1;
	} else if (parse_iso(tok[0], w) == 0) {
		used = 1;
	} else if (ntok >= 2 &&
	           (((v = number(tok[0], 2)) > 0 && (month = month_index(tok[1])) > 0) ||
	            ((month = month_index(tok[0])) > 0 && (v = number(tok[1], 2)) > 0))) {
		w->day = (int)v; /* 1 dec [2026], or dec 1 [2026] */
		w->month = month;
		used = 2;
	} else if (parse_time(tok[0], &w->hour, &w->minute) == 0 && ntok == 1) {
		set_day(w, today); /* a time alone: today */
		w->has_time = 1;
		return 0;
	} else {
		return -1;
	}
	if (used == 2) { /* a day and month: the year given, or the one dir says */
		if (ntok > 2 && (v = number(tok[2], 4)) >= 1900) {
			w->year = (int)v;
			used = 3;
		} else if ((w->year = year_for(today, w->month, w->day, dir)) == 0) {
			return -1; /* 31 apr: no year has it */
		}
		if (!valid_ymd(w->year, w->month, w->day))
			return -1;
	}
	return used;
}

int when_parse(const char *text, time_t now, enum when_dir dir, struct when *out,
               struct rp_err *err)
{
	char buf[64], *tok[MAX_TOKENS], *save = NULL, *p;
	int ntok = 0, used, strict = 0;
	struct when w = {0};

	if (!text || strlen(text) >= sizeof buf)
		return rp_fail(err, RP_EINVAL, "not a date: '%.40s'", text ? text : "");
	memcpy(buf, text, strlen(text) + 1);
	for (p = strtok_r(buf, " \t", &save); p; p = strtok_r(NULL, " \t", &save)) {
		if (ntok == MAX_TOKENS)
			goto bad;
		tok[ntok++] = p;
	}
	if (ntok == 0)
		return rp_fail(err, RP_EINVAL, "no date given");
	/* "next mon", "last fri": the weekday strictly after or before today */
	if (ntok >= 2 && (strcasecmp(tok[0], "next") == 0 || strcasecmp(tok[0], "last") == 0) &&
	    weekday_index(tok[1]) >= 0) {
		dir = strcasecmp(tok[0], "next") == 0 ? WHEN_AHEAD : WHEN_BACK;
		strict = 1;
		memmove(tok, tok + 1, (size_t)--ntok * sizeof *tok);
	}

	/* The date part: one token, or two or three for "1 dec [2026]". */
	if ((used = date_part(tok, ntok, now, dir, strict, &w)) < 0)
		goto bad;
	if (used == 0) { /* a time alone: today */
		*out = w;
		return RP_OK;
	}
	if (used < ntok) {
		if (w.has_time || used + 1 != ntok || parse_time(tok[used], &w.hour, &w.minute) != 0)
			goto bad;
		w.has_time = 1;
	}
	if (w.year < 1900 || w.year > 9999)
		goto bad;
	*out = w;
	return RP_OK;
bad:
	return rp_fail(err, RP_EINVAL,
	               "cannot read the date '%s' (try: today, tomorrow 14:00, mon 9:30, +3d,"
	               " 2026-12-01 09:00)",
	               text);
}

static int same_local(int64_t t, const struct tm *want)
{
	struct tm tm;
	return local_tm(t, &tm) == 0 && tm.tm_year == want->tm_year && tm.tm_mon == want->tm_mon &&
	       tm.tm_mday == want->tm_mday && tm.tm_hour == want->tm_hour &&
	       tm.tm_min == want->tm_min;
}

static int out_of_range(const struct when *w, int hour, int minute, struct rp_err *err)
{
	return rp_fail(err, RP_EINVAL,
	               "%04d-%02d-%02d %02d:%02d is outside the times rapport keeps (1900-01-01 to"
	               " 9999-12-30 UTC)",
	               w->year, w->month, w->day, hour, minute);
}

static int to_instant(const struct when *w, time_t *out, int *moved, struct rp_err *err)
{
	struct tm tm = {0}, want;
	int64_t t;
	tm.tm_year = w->year - 1900;
	tm.tm_mon = w->month - 1;
	tm.tm_mday = w->day;
	tm.tm_hour = w->has_time ? w->hour : WHEN_DEFAULT_HOUR;
	tm.tm_min = w->has_time ? w->minute : 0;
	tm.tm_isdst = -1;
	want = tm;
	t = (int64_t)mktime(&tm);
	if (t == -1 && !same_local(-1, &want))
		return rp_fail(err, RP_EINVAL, "%04d-%02d-%02d %02d:%02d: not a time this system can"
		               " reckon with", w->year, w->month, w->day, want.tm_hour, want.tm_min);
	if (instant_check(t, "time", NULL) != RP_OK)
		return out_of_range(w, want.tm_hour, want.tm_min, err);
	/* mktime moves a time in the spring gap on by the gap: say so instead
	 * (or, asked to, take that and say it was moved) */
	if (!same_local(t, &want) && moved)
		*moved = 1;
	else if (!same_local(t, &want))
		return rp_fail(err, RP_EINVAL,
		               "%04d-%02d-%02d %02d:%02d does not exist here: the clocks skip it"
		               " (daylight saving time begins); %02d:%02d is the same moment",
		               w->year, w->month, w->day, want.tm_hour, want.tm_min, tm.tm_hour,
		               tm.tm_min);
	/* in the autumn overlap the same wall time comes twice: the first,
	 * whichever mktime gave (shifts are 30 minutes to 2 hours) */
	for (int64_t back = 7200; back >= 1800; back -= 1800)
		if (same_local(t - back, &want)) {
			t -= back;
			break;
		}
	if (instant_check(t, "time", NULL) != RP_OK)
		return out_of_range(w, want.tm_hour, want.tm_min, err);
	*out = (time_t)t;
	return RP_OK;
}

int when_to_instant(const struct when *w, time_t *out, struct rp_err *err)
{
	return to_instant(w, out, NULL, err);
}

int when_to_instant_or_moved(const struct when *w, time_t *out, int *moved, struct rp_err *err)
{
	*moved = 0;
	return to_instant(w, out, moved, err);
}

int date_parse(const char *text, time_t now, enum when_dir dir, char out[DATE_LEN],
               struct rp_err *err)
{
	struct when w = {0};
	if (when_parse(text, now, dir, &w, err) != RP_OK)
		return RP_EINVAL;
	if (w.has_time && strcasecmp(text, "now") != 0)
		return rp_fail(err, RP_EINVAL, "'%s': a day is wanted here, without a time", text);
	snprintf(out, DATE_LEN, "%04d-%02d-%02d", w.year, w.month, w.day);
	return RP_OK;
}

int instant_parse(const char *text, time_t now, enum when_dir dir, int64_t *out,
                  struct rp_err *err)
{
	struct when w = {0};
	time_t t;
	if (when_parse(text, now, dir, &w, err) != RP_OK || when_to_instant(&w, &t, err) != RP_OK)
		return RP_EINVAL;
	*out = (int64_t)t;
	return RP_OK;
}

int date_is_valid(const char *ymd)
{
	struct when w = {0};
	return ymd && strlen(ymd) == 10 && parse_iso(ymd, &w) == 0 && !w.has_time;
}

void date_today(time_t now, char out[DATE_LEN])
{
	struct when w = {0};
	set_day(&w, today_number(now));
	snprintf(out, DATE_LEN, "%04d-%02d-%02d", w.year, w.month, w.day);
}

long date_diff(const char *a, const char *b)
{
	struct when wa = {0}, wb = {0};
	if (parse_iso(a, &wa) != 0 || parse_iso(b, &wb) != 0)
		return 0;
	return day_number(wb.year, wb.month, wb.day) - day_number(wa.year, wa.month, wa.day);
}

int date_add_days(const char *ymd, long days, char out[DATE_LEN])
{
	struct when w = {0};
	long first = day_number(1900, 1, 1), last = day_number(9999, 12, 31), n;
	int rc = 0;
	if (parse_iso(ymd, &w) != 0) {
		out[0] = '\0';
		return -1;
	}
	n = day_number(w.year, w.month, w.day) + days;
	if (n < first || n > last) { /* the calendar's end, not a year of five digits */
		n = n < first ? first : last;
		rc = -1;
	}
	set_day(&w, n);
	snprintf(out, DATE_LEN, "%04d-%02d-%02d", w.year, w.month, w.day);
	return rc;
}

void fmt_instant(int64_t t, char *buf, size_t n)
{
	struct tm tm;
	if (local_tm(t, &tm) != 0) {
		snprintf(buf, n, "(no such time: %lld)", (long long)t);
		return;
	}
	snprintf(buf, n, "%s %02d %s %04d %02d:%02d", wday_short[tm.tm_wday], tm.tm_mday,
	         month_short[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

void fmt_date(const char *ymd, char *buf, size_t n)
{
	struct when w = {0};
	if (!ymd || parse_iso(ymd, &w) != 0) {
		snprintf(buf, n, "%s", ymd ? ymd : "");
		return;
	}
	snprintf(buf, n, "%s %02d %s %04d", wday_short[weekday_of(day_number(w.year, w.month, w.day))],
	         w.day, month_short[w.month - 1], w.year);
}

void date_of_instant(int64_t t, char out[DATE_LEN])
{
	struct tm tm;
	local_tm(t, &tm); /* out of range: 1970-01-01, never a crash */
	/* the first and last instants kept fall on 1899-12-31 and 10000-01-01
	 * in some zones: the day is then the calendar's end, a date still */
	if (tm.tm_year + 1900 < 1900)
		snprintf(out, DATE_LEN, "1900-01-01");
	else if (tm.tm_year + 1900 > 9999)
		snprintf(out, DATE_LEN, "9999-12-31");
	else
		snprintf(out, DATE_LEN, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int64_t date_start(const char *ymd)
{
	struct when w = {0};
	time_t t = 0;
	if (parse_iso(ymd, &w) != 0)
		return 0;
	w.has_time = 1;
	w.hour = w.minute = 0;
	if (when_to_instant(&w, &t, NULL) != RP_OK)
		return 0;
	return (int64_t)t;
}
