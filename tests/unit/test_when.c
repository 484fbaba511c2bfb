/* Dates as people type them.  The clock is frozen at Wed 25 Nov 2026 09:00
 * in Berlin; expected instants were worked out by hand from UTC+1 (winter)
 * and UTC+2 (summer). */
#include "testutil.h"

#include "core/when.h"

static const time_t NOW_BERLIN = 1795593600; /* 2026-11-25 08:00 UTC */

static int setup(void **state)
{
	(void)state;
	test_set_now("2026-11-25 09:00");
	return 0;
}

static void expect_date(const char *text, const char *want)
{
	char out[DATE_LEN];
	struct rp_err err;
	int rc = date_parse(text, clock_now(), WHEN_AHEAD, out, &err);
	if (rc != RP_OK)
		fail_msg("'%s' was refused: %s", text, err.msg);
	assert_string_equal(out, want);
}

/* The same, read in a direction, with the clock at now. */
static void expect_dir(const char *now, enum when_dir dir, const char *text, const char *want)
{
	char out[DATE_LEN];
	struct rp_err err;
	test_set_now(now);
	if (date_parse(text, clock_now(), dir, out, &err) != RP_OK)
		fail_msg("'%s' on %s was refused: %s", text, now, err.msg);
	if (strcmp(out, want) != 0)
		fail_msg("'%s' on %s (dir %d): %s, not %s", text, now, (int)dir, out, want);
	test_set_now("2026-11-25 09:00");
}

static void expect_instant(const char *text, int64_t want)
{
	int64_t got = 0;
	struct rp_err err;
	if (instant_parse(text, clock_now(), WHEN_AHEAD, &got, &err) != RP_OK)
		fail_msg("'%s' was refused: %s", text, err.msg);
	assert_int_equal(got, want);
}

static void expect_bad(const char *text)
{
	struct when w;
	struct rp_err err = {0};
	assert_int_equal(when_parse(text, clock_now(), WHEN_AHEAD, &w, &err), RP_EINVAL);
	assert_true(strlen(err.msg) > 0);
}

static void test_clock_is_frozen(void **state)
{
	(void)state;
	assert_int_equal(clock_now(), NOW_BERLIN);
}

static void test_words(void **state)
{
	(void)state;
	expect_date("today", "2026-11-25");
	expect_date("TODAY", "2026-11-25");
	expect_date("tomorrow", "2026-11-26");
	expect_date("yesterday", "2026-11-24");
}

static void test_weekdays_today_included(void **state)
{
	(void)state;
	expect_date("wed", "2026-11-25"); /* today is a Wednesday */
	expect_date("thu", "2026-11-26");
	expect_date("monday", "2026-11-30");
	expect_date("tue", "2026-12-01");
	expect_date("Sun", "2026-11-29");
}

static void test_offsets(void **state)
{
	(void)state;
	expect_date("+3d", "2026-11-28");
	expect_date("-25d", "2026-10-31");
	expect_date("+2w", "2026-12-09");
	expect_date("+1m", "2026-12-25");
	expect_date("+2m", "2027-01-25");
	expect_date("+1y", "2027-11-25");
	expect_date("+0d", "2026-11-25");
}

static void test_month_end_clamps(void **state)
{
	(void)state;
	test_set_now("2027-01-31 12:00");
	expect_date("+1m", "2027-02-28");
	test_set_now("2028-01-31 12:00");
	expect_date("+1m", "2028-02-29"); /* leap year */
	test_set_now("2026-11-25 09:00");
}

static void test_absolute_dates(void **state)
{
	(void)state;
	expect_date("2026-12-01", "2026-12-01");
	expect_date("1 dec", "2026-12-01");
	expect_date("dec 1", "2026-12-01");
	expect_date("1 December 2027", "2027-12-01");
	expect_date("feb 29 2028", "2028-02-29");
}

/* A day and month without a year: the next one for what looks ahead, the
 * last one for what looks back, the nearer one for a meeting. */
static void test_day_without_year_looks_ahead_or_back(void **state)
{
	(void)state;
	expect_dir("2026-12-07 12:00", WHEN_AHEAD, "5 jan", "2027-01-05");
	expect_dir("2026-12-07 12:00", WHEN_AHEAD, "15 jan", "2027-01-15");
	expect_dir("2026-12-07 12:00", WHEN_AHEAD, "7 dec", "2026-12-07"); /* today is ahead */
	expect_dir("2026-12-07 12:00", WHEN_AHEAD, "6 dec", "2027-12-06");
	expect_dir("2026-12-07 12:00", WHEN_BACK, "5 jan", "2026-01-05");
	expect_dir("2026-12-07 12:00", WHEN_BACK, "7 dec", "2026-12-07");
	expect_dir("2026-12-07 12:00", WHEN_BACK, "8 dec", "2025-12-08");
	expect_dir("2026-12-07 12:00", WHEN_NEAREST, "5 jan", "2027-01-05");
	expect_dir("2026-12-07 12:00", WHEN_NEAREST, "5 dec", "2026-12-05");
	expect_dir("2026-12-07 12:00", WHEN_NEAREST, "1 jun", "2027-06-01"); /* 176 days on, 189 back */
	expect_dir("2026-12-07 12:00", WHEN_NEAREST, "1 jul", "2026-07-01"); /* 159 back, 206 on */
	/* a year given is kept whatever the direction */
	expect_dir("2026-12-07 12:00", WHEN_AHEAD, "5 jan 2026", "2026-01-05");
	expect_dir("2026-12-07 12:00", WHEN_BACK, "8 dec 2026", "2026-12-08");
}

static void test_year_rollover(void **state)
{
	(void)state;
	/* on the last day of the year and the first of the next */
	expect_dir("2026-12-31 23:00", WHEN_AHEAD, "1 jan", "2027-01-01");
	expect_dir("2026-12-31 23:00", WHEN_AHEAD, "31 dec", "2026-12-31");
	expect_dir("2026-12-31 23:00", WHEN_BACK, "1 jan", "2026-01-01");
	expect_dir("2026-12-31 23:00", WHEN_NEAREST, "1 jan", "2027-01-01");
	expect_dir("2027-01-01 00:30", WHEN_BACK, "31 dec", "2026-12-31");
	expect_dir("2027-01-01 00:30", WHEN_AHEAD, "31 dec", "2027-12-31");
	expect_dir("2027-01-01 00:30", WHEN_NEAREST, "31 dec", "2026-12-31");
	expect_dir("2027-01-01 00:30", WHEN_AHEAD, "jan 1", "2027-01-01");
}

static void test_leap_day_without_year(void **state)
{
	(void)state;
	/* the next or last year that has one: 2028 ahead, 2024 back */
	expect_dir("2026-12-07 12:00", WHEN_AHEAD, "29 feb", "2028-02-29");
	expect_dir("2026-12-07 12:00", WHEN_BACK, "29 feb", "2024-02-29");
	expect_dir("2026-12-07 12:00", WHEN_NEAREST, "29 feb", "2028-02-29"); /* 449 on, 1012 back */
	expect_dir("2028-02-29 10:00", WHEN_BACK, "29 feb", "2028-02-29");
	expect_dir("2028-03-01 10:00", WHEN_AHEAD, "29 feb", "2032-02-29");
	/* 2100 is not a leap year: the next after 2096 is 2104 */
	expect_dir("2096-03-01 10:00", WHEN_AHEAD, "29 feb", "2104-02-29");
	expect_bad("31 apr");
	expect_bad("30 feb");
}

static void test_weekdays_look_ahead_or_back(void **state)
{
	(void)state;
	/* 2026-11-25 is a Wednesday */
	expect_dir("2026-11-25 09:00", WHEN_AHEAD, "fri", "2026-11-27");
	expect_dir("2026-11-25 09:00", WHEN_BACK, "fri", "2026-11-20");
	expect_dir("2026-11-25 09:00", WHEN_BACK, "wed", "2026-11-25");
	expect_dir("2026-11-25 09:00", WHEN_NEAREST, "mon", "2026-11-30"); /* a meeting: the next */
	expect_dir("2026-11-25 09:00", WHEN_BACK, "next fri", "2026-11-27"); /* said: next */
	expect_dir("2026-11-25 09:00", WHEN_AHEAD, "last fri", "2026-11-20");
	expect_dir("2026-11-25 09:00", WHEN_AHEAD, "next wed", "2026-12-02"); /* not today */
	expect_dir("2026-11-25 09:00", WHEN_AHEAD, "last wednesday", "2026-11-18");
	/* across the year's end */
	expect_dir("2026-12-31 09:00", WHEN_AHEAD, "mon", "2027-01-04");
	expect_dir("2027-01-01 09:00", WHEN_BACK, "wed", "2026-12-30");
}

static void test_instants_in_local_time(void **state)
{
	(void)state;
	/* 2026-12-01 09:00 CET = 08:00 UTC */
	expect_instant("2026-12-01 09:00", 1796112000);
	expect_instant("2026-12-01T09:00", 1796112000);
	expect_instant("2026-12-01", 1796112000); /* a day alone: 09:00 */
	/* tomorrow 14:00 CET = 2026-11-26 13:00 UTC */
	expect_instant("tomorrow 14:00", 1795698000);
	expect_instant("tomorrow 2pm", 1795698000);
	expect_instant("tomorrow 2:00PM", 1795698000);
	/* mon 9:30 = 2026-11-30 08:30 UTC */
	expect_instant("mon 9:30", 1796027400);
	/* a time alone is today */
	expect_instant("14:00", 1795611600); /* 13:00 UTC */
	expect_instant("now", NOW_BERLIN);
	/* summer time: 2026-07-01 09:00 CEST = 07:00 UTC */
	expect_instant("2026-07-01 09:00", 1782889200);
}

static void test_twelve_oclock(void **state)
{
	struct when w;
	(void)state;
	assert_int_equal(when_parse("today 12am", clock_now(), WHEN_AHEAD, &w, NULL), RP_OK);
	assert_int_equal(w.hour, 0);
	assert_int_equal(when_parse("today 12pm", clock_now(), WHEN_AHEAD, &w, NULL), RP_OK);
	assert_int_equal(w.hour, 12);
	assert_int_equal(when_parse("today 12:30am", clock_now(), WHEN_AHEAD, &w, NULL), RP_OK);
	assert_int_equal(w.hour, 0);
	assert_int_equal(w.minute, 30);
}

static void test_refused(void **state)
{
	(void)state;
	expect_bad("");
	expect_bad("   ");
	expect_bad("soon");
	expect_bad("2026-02-29"); /* not a leap year */
	expect_bad("2026-13-01");
	expect_bad("2026-12-00");
	expect_bad("2026-1-1");
	expect_bad("tomorrow 25:00");
	expect_bad("tomorrow 14:60");
	expect_bad("tomorrow 14:00 extra");
	expect_bad("tomorrow 14:00 15:00");
	expect_bad("+3x");
	expect_bad("+d");
	expect_bad("9");        /* a bare number is not a time */
	expect_bad("13pm");
	expect_bad("0am");
	expect_bad("31 feb");
	expect_bad("mo");       /* too short to be a weekday */
	expect_bad("1899-12-31");
	expect_bad("a very long text that goes on and on and on well past the buffer size");
}

static void test_date_field_refuses_a_time(void **state)
{
	char out[DATE_LEN];
	struct rp_err err;
	(void)state;
	assert_int_equal(date_parse("tomorrow 14:00", clock_now(), WHEN_AHEAD, out, &err), RP_EINVAL);
	assert_non_null(strstr(err.msg, "without a time"));
}

static void test_formatting(void **state)
{
	char buf[64];
	(void)state;
	fmt_instant(1796112000, buf, sizeof buf);
	assert_string_equal(buf, "Tue 01 Dec 2026 09:00");
	fmt_date("2026-11-26", buf, sizeof buf);
	assert_string_equal(buf, "Thu 26 Nov 2026");
	fmt_date("2000-02-29", buf, sizeof buf);
	assert_string_equal(buf, "Tue 29 Feb 2000");
}

static void test_day_arithmetic(void **state)
{
	char out[DATE_LEN];
	(void)state;
	assert_int_equal(date_diff("2026-11-25", "2026-12-25"), 30);
	assert_int_equal(date_diff("2026-12-31", "2027-01-01"), 1);
	assert_int_equal(date_diff("2028-03-01", "2028-02-28"), -2);
	date_add_days("2026-12-31", 1, out);
	assert_string_equal(out, "2027-01-01");
	date_add_days("2024-03-01", -1, out);
	assert_string_equal(out, "2024-02-29");
	/* past the calendar's ends (1900..9999): the end, and said */
	assert_int_equal(date_add_days("9999-12-01", 90, out), -1);
	assert_string_equal(out, "9999-12-31");
	assert_int_equal(date_add_days("1900-01-05", -10, out), -1);
	assert_string_equal(out, "1900-01-01");
	assert_int_equal(date_add_days("9999-12-01", 30, out), 0);
	assert_string_equal(out, "9999-12-31");
	/* the first instant kept, west of UTC, falls on 1899-12-31 there: the
	 * day is the calendar's first, one a date can be reckoned from */
	setenv("TZ", "America/New_York", 1);
	tzset();
	date_of_instant(INSTANT_MIN, out);
	assert_string_equal(out, "1900-01-01");
	assert_true(date_is_valid(out));
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	assert_true(date_is_valid("2024-02-29"));
	assert_false(date_is_valid("2023-02-29"));
	assert_false(date_is_valid("2023-02-2"));
	assert_false(date_is_valid("2023-02-01T10:00"));
	/* the years a stored date may have: 1900 to 9999 */
	assert_false(date_is_valid("1899-12-31"));
	assert_true(date_is_valid("1900-01-01"));
	assert_true(date_is_valid("9999-12-31"));
	assert_false(date_is_valid("0000-01-01"));
}

/* Leap years by the Gregorian rule: every fourth year, but not a century
 * unless it divides by 400.  So 2100 has no 29 February and 2000 had one. */
static void test_leap_years_by_the_gregorian_rule(void **state)
{
	char out[DATE_LEN];
	(void)state;
	assert_true(date_is_valid("2000-02-29"));
	assert_true(date_is_valid("2400-02-29"));
	assert_true(date_is_valid("2028-02-29"));
	assert_false(date_is_valid("1900-02-29"));
	assert_false(date_is_valid("2100-02-29"));
	assert_false(date_is_valid("2200-02-29"));
	assert_false(date_is_valid("2027-02-29"));
	expect_bad("2100-02-29");
	expect_bad("29 feb 2100");
	expect_date("29 feb 2400", "2400-02-29");
	date_add_days("2100-02-28", 1, out);
	assert_string_equal(out, "2100-03-01");
	date_add_days("2000-02-28", 1, out);
	assert_string_equal(out, "2000-02-29");
	/* 400 years hold 97 leap days: 146097 days in all */
	assert_int_equal(date_diff("2000-01-01", "2400-01-01"), 146097);
	assert_int_equal(date_diff("2100-01-01", "2101-01-01"), 365);
	assert_int_equal(date_diff("2096-01-01", "2097-01-01"), 366);
}

/* Every month has its own last day: 30 days hath September, April, June
 * and November; the 31st of those is refused, and walking a day at a time
 * through a year lands on every real date once. */
static void test_the_last_day_of_each_month(void **state)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	char day[DATE_LEN], next[DATE_LEN], want[DATE_LEN];
	(void)state;
	for (int m = 1; m <= 12; m++) {
		snprintf(day, sizeof day, "2027-%02d-%02d", m, len[m - 1]);
		assert_true(date_is_valid(day));
		snprintf(day, sizeof day, "2027-%02d-%02d", m, len[m - 1] + 1);
		assert_false(date_is_valid(day));
		expect_bad(day);
	}
	expect_bad("31 apr 2027");
	expect_bad("2027-06-31");
	expect_bad("2027-11-31");
	snprintf(day, sizeof day, "2027-01-01");
	for (int m = 1; m <= 12; m++)
		for (int d = 1; d <= len[m - 1]; d++) {
			snprintf(want, sizeof want, "2027-%02d-%02d", m, d);
			assert_string_equal(day, want);
			date_add_days(day, 1, next);
			memcpy(day, next, sizeof day);
		}
	assert_string_equal(day, "2028-01-01");
}

static void test_bad_rapport_now(void **state)
{
	struct rp_err err;
	(void)state;
	setenv("RAPPORT_NOW", "someday", 1);
	assert_int_equal(clock_init(&err), RP_EINVAL);
	assert_non_null(strstr(err.msg, "RAPPORT_NOW"));
	test_set_now("2026-11-25 09:00");
}

/* The spring gap is refused, saying so (mktime would move it on by an
 * hour, silently); the autumn overlap is taken at its first occurrence. */
static void test_daylight_saving(void **state)
{
	struct rp_err err = {0};
	int64_t t;
	(void)state;
	assert_int_equal(instant_parse("2026-03-29 02:30", clock_now(), WHEN_AHEAD, &t, &err), RP_EINVAL);
	assert_non_null(strstr(err.msg, "does not exist here"));
	assert_non_null(strstr(err.msg, "03:30"));
	assert_int_equal(instant_parse("2026-03-29 02:00", clock_now(), WHEN_AHEAD, &t, &err), RP_EINVAL);
	expect_instant("2026-03-29 01:59", 1774745940); /* 00:59 UTC, the last winter minute */
	expect_instant("2026-03-29 03:00", 1774746000); /* 01:00 UTC: the first summer one */
	expect_instant("2026-10-25 02:30", 1792888200); /* 00:30 UTC, not 01:30 */
	expect_instant("2026-10-25 01:59", 1792886340); /* before the overlap: summer time */
	expect_instant("2026-10-25 03:00", 1792893600); /* after it: winter time, 02:00 UTC */
	setenv("TZ", "America/New_York", 1);
	tzset();
	assert_int_equal(instant_parse("2026-03-08 02:30", clock_now(), WHEN_AHEAD, &t, &err), RP_EINVAL);
	expect_instant("2026-11-01 01:30", 1793511000); /* EDT, 05:30 UTC, of the two */
	/* a two-hour shift (Troll, Antarctica: +02 in summer, +00 in winter) */
	setenv("TZ", "Antarctica/Troll", 1);
	tzset();
	expect_instant("2024-10-27 01:30", 1729985400); /* 23:30 UTC the day before, not 01:30 */
	expect_instant("2024-10-27 01:30", 1729985400); /* and again, whatever mktime did last */
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
}

/* Instants are kept within the years 1900-9999; beyond, refused where
 * they enter and shown without a crash where an old file holds them. */
static void test_instant_range(void **state)
{
	struct rp_err err = {0};
	char buf[80];
	struct tm tm;
	(void)state;
	assert_int_equal(instant_check(INSTANT_MIN, "When", &err), RP_OK);
	assert_int_equal(instant_check(INSTANT_MAX, "When", &err), RP_OK);
	assert_int_equal(instant_check(INSTANT_MIN - 1, "When", &err), RP_EINVAL);
	assert_int_equal(instant_check(INSTANT_MAX + 1, "When", &err), RP_EINVAL);
	assert_non_null(strstr(err.msg, "When: "));
	assert_int_equal(instant_check(1795593600000LL, "When", &err), RP_EINVAL);
	assert_non_null(strstr(err.msg, "milliseconds?"));
	assert_int_equal(instant_check(INT64_MAX, "When", &err), RP_EINVAL);
	assert_null(strstr(err.msg, "milliseconds?"));
	assert_int_equal(local_tm(INT64_MAX, &tm), -1);
	assert_int_equal(local_tm(INSTANT_MIN - 1, &tm), -1);
	assert_int_equal(local_tm(INSTANT_MAX, &tm), 0);
	fmt_instant(INT64_MAX, buf, sizeof buf);
	assert_non_null(strstr(buf, "no such time"));
	fmt_instant(INSTANT_MIN, buf, sizeof buf); /* 1900-01-01 00:00 UTC */
	assert_string_equal(buf, "Mon 01 Jan 1900 01:00"); /* Berlin has kept CET since 1893 */
	int64_t t;
	assert_int_equal(instant_parse("+8000y", clock_now(), WHEN_AHEAD, &t, &err), RP_EINVAL);
	/* the range holds for what is typed too, in UTC */
	assert_int_equal(instant_parse("9999-12-31 09:00", clock_now(), WHEN_AHEAD, &t, &err), RP_EINVAL);
	expect_instant("9999-12-30 09:00", 253402128000LL + 8 * 3600); /* 08:00 UTC */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clock_is_frozen),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_weekdays_today_included),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_month_end_clamps),
		cmocka_unit_test(test_absolute_dates),
		cmocka_unit_test(test_day_without_year_looks_ahead_or_back),
		cmocka_unit_test(test_year_rollover),
		cmocka_unit_test(test_leap_day_without_year),
		cmocka_unit_test(test_weekdays_look_ahead_or_back),
		cmocka_unit_test(test_instants_in_local_time),
		cmocka_unit_test(test_twelve_oclock),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_date_field_refuses_a_time),
		cmocka_unit_test(test_formatting),
		cmocka_unit_test(test_day_arithmetic),
		cmocka_unit_test(test_leap_years_by_the_gregorian_rule),
		cmocka_unit_test(test_the_last_day_of_each_month),
		cmocka_unit_test(test_bad_rapport_now),
		cmocka_unit_test(test_daylight_saving),
		cmocka_unit_test(test_instant_range),
	};
	return cmocka_run_group_tests_name("when", tests, setup, NULL);
}
