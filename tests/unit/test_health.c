/* Relationship health rules at their edges.  The clock is frozen at
 * Wed 25 Nov 2026 09:00 (Berlin); each test gets a fresh database. */
#include "testutil.h"

#include "db/db.h"

#include "core/health.h"
#include "core/listfacts.h"
#include "core/person.h"
#include "core/summary.h"
#include "core/store.h"

static struct db *db;
static struct config cfg;
static int serial;

static int setup(void **state)
{
	struct rp_err err;
	char name[64];
	(void)state;
	test_set_now("2026-11-25 09:00");
	config_defaults(&cfg); /* due soon: 3 days; thanks after 2 days, within 30 */
	snprintf(name, sizeof name, "health-%d.db", serial++);
	return store_open(test_path(name), 0, &db, &err) == RP_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	store_close(db);
	test_set_now("2026-11-25 09:00");
	return 0;
}


#define add(...) test_add(db, __VA_ARGS__)

/* A person added on `since` (local time) with a cadence. */
static int64_t person_since(const char *name, const char *since, const char *cadence)
{
	char n[80], c[40];
	int64_t id;
	snprintf(n, sizeof n, "name=%s", name);
	snprintf(c, sizeof c, "cadence=%s", cadence);
	test_set_now(since);
	id = add(K_PERSON, n, c, NULL);
	test_set_now("2026-11-25 09:00");
	return id;
}

static void meet(int64_t person, const char *at, const char *status)
{
	char w[40], a[80], s[40];
	snprintf(w, sizeof w, "with=%lld", (long long)person);
	snprintf(a, sizeof a, "at=%s", at);
	snprintf(s, sizeof s, "status=%s", status);
	add(K_MEETING, w, a, s, NULL);
}

static struct due due_of(int64_t person)
{
	struct due d;
	struct rp_err err;
	if (health_due(db, &cfg, person, &d, &err) != RP_OK)
		fail_msg("%s", err.msg);
	return d;
}

static void test_due_exactly_today(void **state)
{
	int64_t p = person_since("Due Today", "2026-01-01 09:00", "30");
	(void)state;
	meet(p, "2026-10-26 15:00", "done"); /* + 30 days = 25 Nov */
	struct due d = due_of(p);
	assert_int_equal(d.state, DUE_SOON);
	assert_int_equal(d.days, 0);
	assert_string_equal(d.due_day, "2026-11-25");
}

/* Met in the calendar's last month: the next contact falls past 9999, so
 * no contact is due (not "due today" from a date that failed, nor on a
 * last day of the calendar it is not due on). */
static void test_due_past_the_calendar_is_not_due(void **state)
{
	int64_t p = person_since("Edge Case", "2026-01-01 09:00", "90");
	(void)state;
	meet(p, "9999-12-01 10:00", "done");
	struct due d = due_of(p);
	assert_int_equal(d.state, DUE_NONE); /* no day in the calendar to be due on */
	assert_string_equal(d.due_day, "");
}

/* Near the end too: at 9999-12-28 the next contact (in 10000) is not
 * "due soon" on 9999-12-31, the calendar's last day. */
static void test_due_past_the_calendar_from_its_last_days(void **state)
{
	int64_t p = person_since("Max Edge", "2026-01-01 09:00", "90");
	(void)state;
	meet(p, "9999-12-01 09:00", "done");
	test_set_now("9999-12-28 09:00");
	struct due d = due_of(p);
	test_set_now("2026-11-25 09:00");
	assert_int_not_equal(d.state, DUE_SOON);
	assert_int_not_equal(d.state, DUE_OVERDUE);
}

static void test_due_soon_overdue_and_ok_edges(void **state)
{
	int64_t soon = person_since("Soon", "2026-01-01 09:00", "30");
	int64_t late = person_since("Late", "2026-01-01 09:00", "30");
	int64_t fine = person_since("Fine", "2026-01-01 09:00", "30");
	(void)state;
	meet(soon, "2026-10-29 10:00", "done"); /* due 28 Nov: in 3 days, the edge */
	meet(late, "2026-10-20 10:00", "done"); /* due 19 Nov: 6 days late */
	meet(fine, "2026-10-30 10:00", "done"); /* due 29 Nov: 4 days: not yet */
	assert_int_equal(due_of(soon).state, DUE_SOON);
	assert_int_equal(due_of(soon).days, 3);
	assert_int_equal(due_of(late).state, DUE_OVERDUE);
	assert_int_equal(due_of(late).days, 6);
	assert_int_equal(due_of(fine).state, DUE_OK);
	/* only the latest done meeting counts, not a planned or missed one */
	meet(late, "2026-11-10 10:00", "missed");
	assert_int_equal(due_of(late).state, DUE_OVERDUE);
	struct due *list;
	int n;
	assert_int_equal(health_due_list(db, &cfg, &list, &n, NULL), RP_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].person_id, late); /* most overdue first */
	assert_int_equal(list[1].person_id, soon);
	free(list);
}

/* The list of who is due: the overdue first, the most overdue first, then
 * the due soon, the soonest first (not by name, id or the time added). */
static void test_due_list_most_overdue_first(void **state)
{
	int64_t soon3 = person_since("Soon Three", "2026-01-01 09:00", "30");
	int64_t late2 = person_since("Late Two", "2026-01-01 09:00", "30");
	int64_t soon1 = person_since("Soon One", "2026-01-01 09:00", "30");
	int64_t late10 = person_since("Late Ten", "2026-01-01 09:00", "30");
	struct due *list;
	int n;
	(void)state;
	meet(soon3, "2026-10-29 10:00", "done"); /* due 28 Nov */
	meet(late2, "2026-10-24 10:00", "done"); /* due 23 Nov */
	meet(soon1, "2026-10-27 10:00", "done"); /* due 26 Nov */
	meet(late10, "2026-10-16 10:00", "done"); /* due 15 Nov */
	assert_int_equal(health_due_list(db, &cfg, &list, &n, NULL), RP_OK);
	assert_int_equal(n, 4);
	assert_int_equal(list[0].person_id, late10);
	assert_int_equal(list[1].person_id, late2);
	assert_int_equal(list[2].person_id, soon1);
	assert_int_equal(list[3].person_id, soon3);
	free(list);
}

static void test_cadence_with_no_meetings_counts_from_the_start(void **state)
{
	int64_t p = person_since("New Mentor", "2026-11-01 12:00", "14");
	int64_t q = person_since("Newer", "2026-11-20 12:00", "14");
	(void)state;
	assert_int_equal(due_of(p).state, DUE_OVERDUE); /* 1 Nov + 14 = 15 Nov */
	assert_int_equal(due_of(p).days, 10);
	assert_int_equal(due_of(q).state, DUE_OK); /* 4 Dec */
	assert_int_equal(due_of(q).last_met, 0);
}

static void test_paused_alumni_and_no_cadence_are_never_due(void **state)
{
	int64_t p = person_since("Paused", "2025-01-01 09:00", "7");
	int64_t a = person_since("Alumna", "2025-01-01 09:00", "7");
	int64_t n;
	struct rec r;
	(void)state;
	test_set_now("2025-01-01 09:00");
	n = add(K_PERSON, "name=No Cadence", NULL);
	test_set_now("2026-11-25 09:00");
	assert_int_equal(rec_get(db, K_PERSON, p, &r, NULL), RP_OK);
	rec_set(db, &r, kind_field_index(r.kind, "stage"), "paused", NULL);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	rec_free(&r);
	assert_int_equal(rec_get(db, K_PERSON, a, &r, NULL), RP_OK);
	rec_set(db, &r, kind_field_index(r.kind, "stage"), "alumni", NULL);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	rec_free(&r);
	assert_int_equal(due_of(p).state, DUE_NONE);
	assert_int_equal(due_of(a).state, DUE_NONE);
	assert_int_equal(due_of(n).state, DUE_NONE);
}

static void test_a_planned_meeting_covers(void **state)
{
	int64_t before = person_since("Planned Before", "2026-01-01 09:00", "30");
	int64_t after = person_since("Planned After", "2026-01-01 09:00", "30");
	int64_t late = person_since("Late But Planned", "2026-01-01 09:00", "30");
	(void)state;
	meet(before, "2026-10-28 10:00", "done"); /* due 27 Nov */
	meet(before, "2026-11-27 10:00", "planned"); /* on the due day */
	meet(after, "2026-10-28 10:00", "done");
	meet(after, "2026-12-05 10:00", "planned"); /* after the due day: still due */
	meet(late, "2026-10-01 10:00", "done");
	meet(late, "2026-11-30 10:00", "planned"); /* late, but arranged */
	assert_int_equal(due_of(before).state, DUE_COVERED);
	assert_int_equal(due_of(after).state, DUE_SOON);
	assert_int_equal(due_of(late).state, DUE_COVERED);
	assert_true(due_of(late).planned_id > 0);
}

/* The contact row's last planned meeting decides whether the index of
 * planned meetings is asked at all: one planned at the first second of
 * today is asked about, and covers; the list says the same. */
static void test_a_meeting_planned_at_midnight_today_covers(void **state)
{
	int64_t p = person_since("Planned Midnight", "2026-01-01 09:00", "30");
	int64_t q = person_since("Planned Yesterday", "2026-01-01 09:00", "30");
	struct due *list;
	int n;
	struct rp_err err;
	(void)state;
	meet(p, "2026-10-28 10:00", "done"); /* due 27 Nov */
	meet(p, "2026-11-25 00:00", "planned");
	meet(q, "2026-10-28 10:00", "done");
	meet(q, "2026-11-24 23:59", "planned"); /* before today: does not cover */
	assert_int_equal(due_of(p).state, DUE_COVERED);
	assert_int_equal(due_of(q).state, DUE_SOON);
	assert_int_equal(health_due_list(db, &cfg, &list, &n, &err), RP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].person_id, q);
	free(list);
}

static void test_snooze(void **state)
{
	int64_t p = person_since("Snoozed", "2026-01-01 09:00", "30");
	struct rec r;
	(void)state;
	meet(p, "2026-10-01 10:00", "done");
	assert_int_equal(rec_get(db, K_PERSON, p, &r, NULL), RP_OK);
	assert_int_equal(rec_set(db, &r, kind_field_index(r.kind, "snooze"), "+2d", NULL), RP_OK);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	rec_free(&r);
	assert_int_equal(due_of(p).state, DUE_SNOOZED);
	test_set_now("2026-11-27 09:00"); /* the last snoozed day */
	assert_int_equal(due_of(p).state, DUE_SNOOZED);
	test_set_now("2026-11-28 09:00");
	assert_int_equal(due_of(p).state, DUE_OVERDUE);
}

static int owed_count(struct owed **list)
{
	int n, total;
	struct rp_err err;
	if (health_thanks_owed(db, &cfg, 1000, list, &n, &total, &err) != RP_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(n, total); /* fewer than it keeps: all of them */
	return n;
}

static void test_thanks_owed(void **state)
{
	int64_t p = person_since("Thanked", "2026-01-01 09:00", "30");
	int64_t q = person_since("Not Thanked", "2026-01-01 09:00", "30");
	struct owed *list;
	char to[40], meeting[40];
	(void)state;
	meet(p, "2026-11-10 10:00", "done"); /* m1 */
	meet(p, "2026-11-18 10:00", "done"); /* m2 */
	meet(q, "2026-11-20 10:00", "done"); /* m3: owed */
	meet(q, "2026-11-24 10:00", "done"); /* m4: too recent (1 day) */
	meet(q, "2026-10-01 10:00", "done"); /* m5: outside the 30-day window */
	meet(q, "2026-11-15 10:00", "cancelled");
	assert_int_equal(owed_count(&list), 3);
	free(list);
	/* a note sent for m2, written after m1: covers both */
	snprintf(to, sizeof to, "to=%lld", (long long)p);
	add(K_GRATITUDE, to, "meeting=2", "body=Thank you!", "status=sent", NULL);
	assert_int_equal(owed_count(&list), 1);
	assert_int_equal(list[0].meeting_id, 3);
	assert_int_equal(list[0].draft_id, 0);
	free(list);
	/* a draft for m3 is told apart: still owed, but written */
	snprintf(to, sizeof to, "to=%lld", (long long)q);
	snprintf(meeting, sizeof meeting, "meeting=3");
	int64_t draft = add(K_GRATITUDE, to, meeting, "body=Draft of thanks", NULL);
	assert_int_equal(owed_count(&list), 1);
	assert_int_equal(list[0].draft_id, draft);
	free(list);
}

/* Thanks are owed to those who help: mentors and peers by default, the
 * roles of [health] thank_roles when it is set; never to one's mentees. */
static void test_thanks_are_owed_to_the_roles_that_help(void **state)
{
	struct owed *list;
	(void)state;
	int64_t mentee = add(K_PERSON, "name=Junior Mentee", "role=mentee", NULL);
	int64_t peer = add(K_PERSON, "name=Peer Friend", "role=peer", NULL);
	int64_t mentor = add(K_PERSON, "name=Senior Mentor", "role=mentor", NULL);
	meet(mentee, "2026-11-20 10:00", "done");
	meet(peer, "2026-11-20 11:00", "done");
	meet(mentor, "2026-11-20 12:00", "done");
	assert_int_equal(owed_count(&list), 2);
	for (int i = 0; i < 2; i++)
		assert_int_not_equal(list[i].person_id, mentee);
	free(list);
	/* a mentor whose people are all mentees thanks them, if he says so */
	unsigned kept = cfg.thank_roles;
	cfg.thank_roles = config_role_bits("mentee");
	assert_int_equal(owed_count(&list), 1);
	assert_int_equal(list[0].person_id, mentee);
	free(list);
	cfg.thank_roles = 0; /* thank_roles = (nobody) */
	assert_int_equal(owed_count(&list), 0);
	free(list);
	cfg.thank_roles = kept;
	/* the top line counts the same */
	struct summary sm;
	assert_int_equal(summary_counts(db, &cfg, &sm, NULL), RP_OK);
	assert_int_equal(sm.thanks_owed, 2);
}

static void test_thanks_for_another_meeting_before_does_not_cover(void **state)
{
	int64_t p = person_since("Two Meetings", "2026-01-01 09:00", "30");
	struct owed *list;
	char to[40];
	(void)state;
	meet(p, "2026-11-01 10:00", "done"); /* m1 */
	snprintf(to, sizeof to, "to=%lld", (long long)p);
	test_set_now("2026-11-02 09:00");
	add(K_GRATITUDE, to, "meeting=1", "body=Thanks for the first", "status=sent", NULL);
	test_set_now("2026-11-25 09:00");
	meet(p, "2026-11-20 10:00", "done"); /* m2: the old note does not cover it */
	assert_int_equal(owed_count(&list), 1);
	assert_int_equal(list[0].meeting_id, 2);
	free(list);
}

/* The window of [health] thanks_window_days (30 by default) counts whole
 * days back from today: on 25 Nov a meeting on 26 Oct is inside it, one on
 * 25 Oct is not.  A window one day shorter loses the 26 Oct meeting. */
static void test_thanks_window_ends_thirty_days_back(void **state)
{
	int64_t p = person_since("Window Edge", "2026-01-01 09:00", "30");
	struct owed *list;
	(void)state;
	assert_int_equal(cfg.thanks_window_days, 30);
	meet(p, "2026-10-26 00:30", "done"); /* m1: the first day of the window */
	meet(p, "2026-10-25 23:30", "done"); /* m2: the day before it */
	assert_int_equal(owed_count(&list), 1);
	assert_int_equal(list[0].meeting_id, 1);
	free(list);
	cfg.thanks_window_days = 31; /* a longer window takes the 25th in too */
	assert_int_equal(owed_count(&list), 2);
	free(list);
}

/* [health] thanks_after_days (2 by default) leaves a meeting alone until
 * that long after it: at 09:00 on the 25th, one at 08:59 on the 23rd is
 * owed, one at 09:01 is not yet. */
static void test_thanks_owed_only_after_two_days(void **state)
{
	int64_t p = person_since("After Edge", "2026-01-01 09:00", "30");
	struct owed *list;
	(void)state;
	assert_int_equal(cfg.thanks_after_days, 2);
	meet(p, "2026-11-23 08:59", "done"); /* m1: 2 days and a minute ago */
	meet(p, "2026-11-23 09:01", "done"); /* m2: a minute short of 2 days */
	assert_int_equal(owed_count(&list), 1);
	assert_int_equal(list[0].meeting_id, 1);
	free(list);
	cfg.thanks_after_days = 0; /* 0: owed as soon as it is done */
	assert_int_equal(owed_count(&list), 2);
	free(list);
	cfg.thanks_after_days = 3;
	assert_int_equal(owed_count(&list), 0);
}

/* A trashed note does not settle a meeting; a trashed meeting is owed no
 * note. */
static void test_thanks_ignores_the_trash(void **state)
{
	int64_t p = person_since("Trashed", "2026-01-01 09:00", "30");
	struct owed *list;
	char to[40];
	int64_t note;
	(void)state;
	meet(p, "2026-11-20 10:00", "done"); /* m1 */
	snprintf(to, sizeof to, "to=%lld", (long long)p);
	note = add(K_GRATITUDE, to, "meeting=1", "body=Thanks", "status=sent", NULL);
	assert_int_equal(owed_count(&list), 0);
	assert_int_equal(rec_trash(db, K_GRATITUDE, note, NULL), RP_OK);
	assert_int_equal(owed_count(&list), 1);
	free(list);
	assert_int_equal(rec_trash(db, K_MEETING, 1, NULL), RP_OK);
	assert_int_equal(owed_count(&list), 0);
}

static void test_promises_overdue_first(void **state)
{
	int64_t p = person_since("Promiser", "2026-01-01 09:00", "30");
	struct promises pr;
	(void)state;
	meet(p, "2026-11-20 10:00", "done");
	add(K_ACTION, "meeting=1", "text=No date", NULL);
	add(K_ACTION, "meeting=1", "text=Later", "due=2026-12-10", NULL);
	add(K_ACTION, "meeting=1", "text=Overdue", "due=2026-11-22", "owner=them", NULL);
	add(K_ACTION, "meeting=1", "text=Done already", "due=2026-11-01", "done=yes", NULL);
	assert_int_equal(health_promises(db, 10, &pr, NULL), RP_OK);
	assert_int_equal(pr.page.n, 3);
	assert_string_equal(rec_str(&pr.page.rows[0], 1), "Overdue");
	assert_string_equal(rec_str(&pr.page.rows[1], 1), "Later");
	assert_string_equal(rec_str(&pr.page.rows[2], 1), "No date");
	assert_int_equal(pr.mine, 2);
	assert_int_equal(pr.theirs, 1);
	assert_int_equal(pr.overdue, 1);
	health_promises_free(&pr);
}

static void checkin_on(const char *day)
{
	char d[40];
	snprintf(d, sizeof d, "day=%s", day);
	add(K_CHECKIN, d, "mood=4", NULL);
}

static void test_streak_across_a_missing_day(void **state)
{
	struct streak s;
	(void)state;
	checkin_on("2026-11-15");
	checkin_on("2026-11-16");
	checkin_on("2026-11-17");
	checkin_on("2026-11-18"); /* a run of 4 ... */
	checkin_on("2026-11-20"); /* ... the 19th is missing */
	checkin_on("2026-11-21");
	checkin_on("2026-11-22");
	checkin_on("2026-11-23");
	checkin_on("2026-11-24"); /* yesterday */
	assert_int_equal(health_streak(db, &s, NULL), RP_OK);
	assert_int_equal(s.today_done, 0);
	assert_int_equal(s.current, 5); /* today not done yet: yesterday's streak holds */
	assert_int_equal(s.longest, 5);
	checkin_on("2026-11-25");
	assert_int_equal(health_streak(db, &s, NULL), RP_OK);
	assert_int_equal(s.today_done, 1);
	assert_int_equal(s.current, 6);
	test_set_now("2026-11-27 09:00"); /* the 26th missed: the streak is broken */
	assert_int_equal(health_streak(db, &s, NULL), RP_OK);
	assert_int_equal(s.current, 0);
	assert_int_equal(s.longest, 6);
}

/* A check-in in the trash is not a day checked in: trashing yesterday's
 * breaks the streak there, and restoring it mends it. */
static void test_streak_skips_a_trashed_checkin(void **state)
{
	struct streak s;
	int64_t yesterday;
	(void)state;
	checkin_on("2026-11-23");
	yesterday = add(K_CHECKIN, "day=2026-11-24", "mood=4", NULL);
	checkin_on("2026-11-25");
	assert_int_equal(health_streak(db, &s, NULL), RP_OK);
	assert_int_equal(s.current, 3);
	assert_int_equal(rec_trash(db, K_CHECKIN, yesterday, NULL), RP_OK);
	assert_int_equal(health_streak(db, &s, NULL), RP_OK);
	assert_int_equal(s.current, 1);
	assert_int_equal(s.longest, 1);
	assert_int_equal(rec_restore(db, K_CHECKIN, yesterday, NULL), RP_OK);
	assert_int_equal(health_streak(db, &s, NULL), RP_OK);
	assert_int_equal(s.current, 3);
	/* trashing today's leaves today not done, yesterday's run intact */
	assert_int_equal(rec_trash(db, K_CHECKIN, 3, NULL), RP_OK);
	assert_int_equal(health_streak(db, &s, NULL), RP_OK);
	assert_int_equal(s.today_done, 0);
	assert_int_equal(s.current, 2);
}

static void test_adherence(void **state)
{
	int64_t p = person_since("Adherent", "2026-01-01 09:00", "30");
	int64_t z = person_since("Zero Meetings", "2026-01-01 09:00", "30");
	struct adherence a;
	(void)state;
	assert_int_equal(health_adherence(db, &cfg, z, &a, NULL), RP_OK);
	assert_int_equal(a.expected, 3); /* 90 days / 30 */
	assert_int_equal(a.held, 0);
	assert_int_equal(a.percent, 0);
	meet(p, "2026-10-01 10:00", "done");
	meet(p, "2026-11-01 10:00", "done");
	meet(p, "2026-08-01 10:00", "done"); /* outside the 90 days */
	meet(p, "2026-11-30 10:00", "planned");
	assert_int_equal(health_adherence(db, &cfg, p, &a, NULL), RP_OK);
	assert_int_equal(a.held, 2);
	assert_int_equal(a.percent, 66);
}

/* A goal's progress as every face reads it: from its row, read afresh. */
static int progress_of(int64_t goal)
{
	struct rec r;
	int pct;
	if (rec_get(db, K_GOAL, goal, &r, NULL) != RP_OK)
		fail_msg("no goal #%lld", (long long)goal);
	pct = health_goal_progress(&r);
	/* the field show, JSON and the form print says the same */
	assert_int_equal(rec_int(&r, kind_field_index(r.kind, "progress")), pct);
	rec_free(&r);
	return pct;
}

/* A missed or cancelled meeting is no contact, and asks for another: the
 * person is to reschedule until one is planned or held. */
static void test_a_missed_meeting_asks_to_reschedule(void **state)
{
	(void)state;
	int64_t p = person_since("Missed Intro", "2026-11-20 09:00", "30");
	meet(p, "2026-11-23 10:00", "missed");
	struct due d = due_of(p);
	assert_int_equal(d.state, DUE_RESCHEDULE); /* not "ok": due 20 Dec otherwise */
	assert_int_equal(d.last_met, 0);           /* it was no contact */
	char why[80];
	assert_string_equal(health_missed_text(&d, why, sizeof why),
	                    "the meeting of Mon 23 Nov 2026 did not take place");
	struct due *list;
	int n, found = 0;
	assert_int_equal(health_due_list(db, &cfg, &list, &n, NULL), RP_OK);
	for (int i = 0; i < n; i++)
		found += list[i].person_id == p && list[i].state == DUE_RESCHEDULE;
	free(list);
	assert_int_equal(found, 1); /* Today lists them */
	/* planned again, but after the day contact is due (20 Dec): still to
	 * reschedule; planned in time: covered, and the view says when */
	meet(p, "2027-01-05 10:00", "planned");
	assert_int_equal(due_of(p).state, DUE_RESCHEDULE);
	meet(p, "2026-12-01 10:00", "planned");
	d = due_of(p);
	assert_int_equal(d.state, DUE_COVERED);
	char planned[DATE_LEN];
	date_of_instant(d.planned_at, planned);
	assert_string_equal(planned, "2026-12-01");
	/* cancelled too, with a meeting held before it */
	int64_t q = person_since("Cancelled", "2026-10-01 09:00", "30");
	meet(q, "2026-11-10 10:00", "done");
	meet(q, "2026-11-24 10:00", "cancelled");
	assert_int_equal(due_of(q).state, DUE_RESCHEDULE);
	/* held after the cancelled one: back to the cadence */
	meet(q, "2026-11-24 16:00", "done");
	assert_int_equal(due_of(q).state, DUE_OK);
	/* a missed meeting before the last one held asks nothing */
	int64_t r = person_since("Old Miss", "2026-10-01 09:00", "30");
	meet(r, "2026-11-01 10:00", "missed");
	meet(r, "2026-11-20 10:00", "done");
	assert_int_equal(due_of(r).state, DUE_OK);
	/* snoozed: put off like any due */
	int64_t s = add(K_PERSON, "name=Snoozed Miss", "cadence=30", "snooze=2026-12-01", NULL);
	meet(s, "2026-11-24 10:00", "missed");
	assert_int_equal(due_of(s).state, DUE_SNOOZED);
	/* overdue stays overdue */
	int64_t o = person_since("Late Miss", "2026-09-01 09:00", "30");
	meet(o, "2026-11-24 10:00", "missed");
	assert_int_equal(due_of(o).state, DUE_OVERDUE);
}

/* A planned meeting asks "happened?" once its end has passed: not while
 * it runs, nor once it is marked. */
static void test_a_planned_meeting_past_its_end_asks(void **state)
{
	struct rec r;
	char w[40];
	(void)state;
	int64_t p = add(K_PERSON, "name=Asked Person", NULL);
	snprintf(w, sizeof w, "with=%lld", (long long)p);
	/* now is 09:00: one from 08:40 for 30 minutes runs till 09:10 */
	assert_int_equal(rec_get(db, K_MEETING, add(K_MEETING, w, "at=2026-11-25 08:40", "status=planned",
	                                            "duration=30", NULL), &r, NULL), RP_OK);
	assert_false(health_meeting_unanswered(&r));
	assert_string_equal(health_meeting_word(&r), "planned");
	rec_free(&r);
	/* from 08:30 for 30 minutes: ended at 09:00 */
	assert_int_equal(rec_get(db, K_MEETING, add(K_MEETING, w, "at=2026-11-25 08:30", "status=planned",
	                                            "duration=30", NULL), &r, NULL), RP_OK);
	assert_true(health_meeting_unanswered(&r));
	assert_string_equal(health_meeting_word(&r), "happened?");
	rec_free(&r);
	assert_int_equal(rec_get(db, K_MEETING, add(K_MEETING, w, "at=2026-11-20 08:30", "status=missed",
	                                            NULL), &r, NULL), RP_OK);
	assert_false(health_meeting_unanswered(&r));
	assert_string_equal(health_meeting_word(&r), "missed");
	rec_free(&r);
}

static struct adherence adherence_of(int64_t person)
{
	struct adherence a;
	struct rp_err err;
	if (health_adherence(db, &cfg, person, &a, &err) != RP_OK)
		fail_msg("%s", err.msg);
	return a;
}

/* Adherence counts from the start of the agreement, and says nothing
 * before one cadence has passed (now: Wed 25 Nov 2026 09:00). */
static void test_adherence_from_the_start_of_the_agreement(void **state)
{
	char text[120];
	(void)state;
	/* added today: too early, not "0 of 3" */
	int64_t fresh = person_since("Added Today", "2026-11-25 08:00", "21");
	struct adherence a = adherence_of(fresh);
	assert_true(a.too_early);
	health_adherence_text(&a, &cfg, text, sizeof text);
	assert_string_equal(text, "too early to tell (since Wed 25 Nov 2026)");
	/* two meetings in two weeks on a 21-day cadence: not "2 of 4 (50%)" */
	int64_t two = person_since("Two Weeks In", "2026-11-01 09:00", "21");
	meet(two, "2026-11-11 10:00", "done");
	meet(two, "2026-11-18 10:00", "done");
	a = adherence_of(two);
	assert_true(a.too_early);
	health_adherence_text(&a, &cfg, text, sizeof text);
	assert_string_equal(text, "too early to tell (2 meetings since Wed 11 Nov 2026)");
	/* the first meeting on the day itself starts it: still too early */
	int64_t day0 = person_since("Met This Morning", "2026-10-01 09:00", "7");
	meet(day0, "2026-11-25 08:00", "done");
	assert_true(adherence_of(day0).too_early);
	/* one cadence to the minute after the first meeting: judged, 1 expected */
	int64_t one = person_since("One Cadence", "2026-10-01 09:00", "21");
	meet(one, "2026-11-04 09:00", "done"); /* 21 days before now */
	a = adherence_of(one);
	assert_false(a.too_early);
	assert_true(a.from_start);
	assert_int_equal(a.expected, 2); /* the first, and one a cadence later */
	assert_int_equal(a.held, 1);     /* the first meeting counts */
	assert_int_equal(a.percent, 50);
	meet(one, "2026-11-20 09:00", "done");
	a = adherence_of(one);
	assert_int_equal(a.held, 2);
	assert_int_equal(a.percent, 100);
	health_adherence_text(&a, &cfg, text, sizeof text);
	assert_string_equal(text, "2 of 2 meetings since Wed 04 Nov 2026 (100%)");
	/* a missed meeting is not one held */
	meet(one, "2026-11-24 09:00", "missed");
	assert_int_equal(adherence_of(one).held, 2);
	/* a cadence agreed today on an old relationship starts it today */
	int64_t old = person_since("Old Friend", "2025-01-01 09:00", "30");
	meet(old, "2025-02-01 10:00", "done");
	meet(old, "2026-10-20 10:00", "done");
	assert_false(adherence_of(old).too_early);
	struct rec r;
	assert_int_equal(rec_get(db, K_PERSON, old, &r, NULL), RP_OK);
	assert_int_equal(rec_set(db, &r, kind_field_index(r.kind, "cadence"), "14", NULL), RP_OK);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	rec_free(&r);
	a = adherence_of(old);
	assert_true(a.too_early);
	/* older than the look-back: over the whole 90 days, as before */
	int64_t long_ago = person_since("Long Ago", "2025-01-01 09:00", "30");
	meet(long_ago, "2025-03-01 10:00", "done");
	meet(long_ago, "2026-11-01 10:00", "done");
	a = adherence_of(long_ago);
	assert_false(a.from_start);
	assert_int_equal(a.expected, 3);
	assert_int_equal(a.held, 1);
	health_adherence_text(&a, &cfg, text, sizeof text);
	assert_string_equal(text, "1 of 3 meetings in the last 90 days (33%)");
}

static void test_goal_progress_and_late(void **state)
{
	int64_t g = add(K_GOAL, "title=Land a job", "target=2026-11-20", NULL);
	int64_t h = add(K_GOAL, "title=By hand", "progress=40", NULL);
	struct rec r;
	char today[DATE_LEN];
	(void)state;
	add(K_MILESTONE, "goal=1", "title=CV", "done=yes", NULL);
	add(K_MILESTONE, "goal=1", "title=Applications", NULL);
	add(K_MILESTONE, "goal=1", "title=Interviews", NULL);
	add(K_MILESTONE, "goal=1", "title=Offer", NULL);
	date_today(clock_now(), today);
	assert_int_equal(rec_get(db, K_GOAL, g, &r, NULL), RP_OK);
	assert_int_equal(progress_of(g), 25); /* one milestone of four */
	assert_true(health_goal_late(&r, today));
	rec_free(&r);
	add(K_MILESTONE, "goal=2", "title=Ignored", "done=yes", NULL);
	assert_int_equal(rec_get(db, K_GOAL, h, &r, NULL), RP_OK);
	assert_int_equal(progress_of(h), 40); /* set by hand: milestones do not override */
	assert_false(health_goal_late(&r, today)); /* no target */
	/* done is 100 and never late */
	rec_set(db, &r, kind_field_index(r.kind, "status"), "done", NULL);
	rec_set(db, &r, kind_field_index(r.kind, "target"), "2026-01-01", NULL);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	assert_int_equal(progress_of(h), 100);
	assert_false(health_goal_late(&r, today));
	rec_free(&r);
}

/* Done is 100%, even when it follows milestones not all ticked. */
static void test_a_done_goal_is_complete_whatever_its_milestones(void **state)
{
	int64_t g = add(K_GOAL, "title=Done early", NULL);
	struct rec r;
	(void)state;
	add(K_MILESTONE, "goal=1", "title=Ticked", "done=yes", NULL);
	add(K_MILESTONE, "goal=1", "title=Not needed after all", NULL);
	assert_int_equal(rec_get(db, K_GOAL, g, &r, NULL), RP_OK);
	assert_int_equal(progress_of(g), 50);
	rec_set(db, &r, kind_field_index(r.kind, "status"), "done", NULL);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	assert_int_equal(progress_of(g), 100);
	rec_free(&r);
	/* reopened, it follows its milestones again (the row said 100) */
	assert_int_equal(rec_get(db, K_GOAL, g, &r, NULL), RP_OK);
	rec_set(db, &r, kind_field_index(r.kind, "status"), "open", NULL);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	assert_int_equal(progress_of(g), 50);
	rec_free(&r);
}

/* A milestone in the trash is no part of its goal's progress. */
static void test_goal_progress_ignores_the_trash(void **state)
{
	int64_t g = add(K_GOAL, "title=Trash and progress", NULL);
	int64_t gone;
	(void)state;
	add(K_MILESTONE, "goal=1", "title=Done", "done=yes", NULL);
	gone = add(K_MILESTONE, "goal=1", "title=Dropped", NULL);
	assert_int_equal(progress_of(g), 50);
	assert_int_equal(rec_trash(db, K_MILESTONE, gone, NULL), RP_OK);
	assert_int_equal(progress_of(g), 100);
	assert_int_equal(rec_restore(db, K_MILESTONE, gone, NULL), RP_OK);
	assert_int_equal(progress_of(g), 50);
}

/* Late means the target day has passed: not on the day itself, and never
 * for a goal that is done or dropped. */
static void test_goal_late_edges(void **state)
{
	int64_t today_g = add(K_GOAL, "title=Due today", "target=2026-11-25", NULL);
	int64_t past = add(K_GOAL, "title=Due yesterday", "target=2026-11-24", NULL);
	int64_t dropped = add(K_GOAL, "title=Dropped", "target=2026-11-01", "status=dropped", NULL);
	struct rec r;
	char today[DATE_LEN];
	(void)state;
	date_today(clock_now(), today);
	assert_int_equal(rec_get(db, K_GOAL, today_g, &r, NULL), RP_OK);
	assert_false(health_goal_late(&r, today));
	rec_free(&r);
	assert_int_equal(rec_get(db, K_GOAL, past, &r, NULL), RP_OK);
	assert_true(health_goal_late(&r, today));
	rec_free(&r);
	assert_int_equal(rec_get(db, K_GOAL, dropped, &r, NULL), RP_OK);
	assert_false(health_goal_late(&r, today));
	rec_free(&r);
}

/* The top line's counts leave out what is in the trash, as Today does. */
static void test_top_line_counts_leave_out_the_trash(void **state)
{
	int64_t p = person_since("Counted", "2026-01-01 09:00", "30");
	int64_t gone;
	struct summary s;
	(void)state;
	meet(p, "2026-11-20 10:00", "done");
	add(K_ACTION, "meeting=1", "text=Kept", NULL);
	gone = add(K_ACTION, "meeting=1", "text=Trashed", NULL);
	add(K_ACTION, "meeting=1", "text=Done", "done=yes", NULL);
	assert_int_equal(summary_counts(db, &cfg, &s, NULL), RP_OK);
	assert_int_equal(s.open_actions, 2);
	assert_int_equal(s.thanks_owed, 1);
	assert_int_equal(rec_trash(db, K_ACTION, gone, NULL), RP_OK);
	assert_int_equal(summary_counts(db, &cfg, &s, NULL), RP_OK);
	assert_int_equal(s.open_actions, 1);
}

static void test_moods_and_months(void **state)
{
	int moods[84], months[12];
	int64_t p = person_since("Monthly", "2025-01-01 09:00", "30");
	(void)state;
	checkin_on("2026-11-25");
	checkin_on("2026-09-03");
	add(K_CHECKIN, "day=2026-11-01", NULL); /* no mood given */
	assert_int_equal(health_moods(db, 84, moods, NULL), RP_OK);
	assert_int_equal(moods[83], 4);          /* today, last */
	assert_int_equal(moods[83 - 24], 3);     /* 1 Nov: a check-in without a mood */
	assert_int_equal(moods[0], 4);           /* 3 Sep: 83 days ago, first */
	assert_int_equal(moods[1], 0);
	meet(p, "2026-11-02 10:00", "done");
	meet(p, "2026-11-20 10:00", "done");
	meet(p, "2025-12-15 10:00", "done"); /* the first month of the strip */
	meet(p, "2025-11-30 10:00", "done"); /* too old */
	assert_int_equal(health_meetings_by_month(db, p, months, NULL), RP_OK);
	assert_int_equal(months[11], 2);
	assert_int_equal(months[0], 1);
	assert_int_equal(months[5], 0);
}


/* A list's page reads its facts at once (listfacts): each row's are the
 * ones the one-row rules give, and what the rows show is right. */
static void test_a_page_reads_each_rows_facts_by_the_one_row_rules(void **state)
{
	int64_t late = person_since("Late Lee", "2026-01-01 09:00", "30");
	int64_t soon = person_since("Soon Sue", "2026-01-01 09:00", "30");
	int64_t free_ = person_since("No Cadence", "2026-01-01 09:00", "");
	struct rec_query q = {.filter_field = -1, .limit = 20};
	struct rec_page page;
	struct row_facts f[20];
	struct rp_err err;
	(void)state;
	person_since("Never Met", "2026-11-20 09:00", "30");
	meet(late, "2026-10-01 10:00", "done"); /* due 31 Oct: 25 days late */
	meet(soon, "2026-10-27 10:00", "done"); /* due 26 Nov: in 1 day */
	meet(free_, "2026-09-03 10:00", "done");
	assert_int_equal(rec_list(db, K_PERSON, &q, &page, &err), RP_OK);
	assert_int_equal(page.n, 4);
	assert_int_equal(listfacts_load(db, &cfg, page.rows, page.n, f, &err), RP_OK);
	for (int i = 0; i < page.n; i++) {
		struct due one = due_of(page.rows[i].id);
		assert_int_equal(f[i].due.person_id, page.rows[i].id);
		assert_int_equal(f[i].due.state, one.state);
		assert_int_equal(f[i].due.days, one.days);
		assert_int_equal(f[i].due.last_met, one.last_met);
		assert_int_equal(f[i].due.last_met, person_last_met(db, page.rows[i].id));
		if (page.rows[i].id == late) {
			assert_int_equal(f[i].due.state, DUE_OVERDUE);
			assert_int_equal(f[i].due.days, 25);
		} else if (page.rows[i].id == soon) {
			assert_int_equal(f[i].due.state, DUE_SOON);
			assert_int_equal(f[i].due.days, 1);
		} else if (page.rows[i].id == free_) {
			/* no cadence: never due, but the list still says when we met */
			assert_int_equal(f[i].due.state, DUE_NONE);
			assert_true(f[i].due.last_met > 0);
		} else {
			assert_int_equal(f[i].due.last_met, 0);
		}
	}
	rec_page_free(&page);

	/* meetings: the name of the person each is with */
	assert_int_equal(rec_list(db, K_MEETING, &q, &page, &err), RP_OK);
	assert_int_equal(page.n, 3);
	assert_int_equal(listfacts_load(db, &cfg, page.rows, page.n, f, &err), RP_OK);
	for (int i = 0; i < page.n; i++) {
		char name[120];
		person_name(db, rec_int(&page.rows[i], kind_field_index(page.rows[i].kind, "person_id")),
		            name, sizeof name);
		assert_true(name[0]);
		assert_string_equal(f[i].who, name);
	}
	rec_page_free(&page);

	/* goals: from milestones (one trashed), by hand, done, none */
	add(K_GOAL, "title=Milestones", NULL);
	add(K_GOAL, "title=By hand", "progress=40", NULL);
	add(K_GOAL, "title=Done", "status=done", NULL);
	add(K_GOAL, "title=Nothing yet", NULL);
	add(K_MILESTONE, "goal=1", "title=CV", "done=yes", NULL);
	add(K_MILESTONE, "goal=1", "title=Letters", NULL);
	add(K_MILESTONE, "goal=1", "title=Interview", NULL);
	assert_int_equal(rec_trash(db, K_MILESTONE, add(K_MILESTONE, "goal=1", "title=Gone", NULL), NULL),
	                 RP_OK);
	add(K_MILESTONE, "goal=2", "title=Ignored", "done=yes", NULL);
	add(K_MILESTONE, "goal=3", "title=Not all ticked", NULL);
	assert_int_equal(rec_list(db, K_GOAL, &q, &page, &err), RP_OK);
	assert_int_equal(page.n, 4);
	assert_int_equal(listfacts_load(db, &cfg, page.rows, page.n, f, &err), RP_OK);
	for (int i = 0; i < page.n; i++) {
		static const int want[] = {33, 40, 100, 0}; /* by goal id */
		assert_int_equal(f[i].progress, health_goal_progress(&page.rows[i]));
		assert_int_equal(f[i].progress, want[page.rows[i].id - 1]);
	}
	rec_page_free(&page);
}

/* Set a goal's progress as a form or the command line does. */
static void set_progress(int64_t goal, const char *text)
{
	struct rec r;
	struct rp_err err;
	assert_int_equal(rec_get(db, K_GOAL, goal, &r, NULL), RP_OK);
	if (rec_set(db, &r, kind_field_index(r.kind, "progress"), text, &err) != RP_OK ||
	    rec_update(db, &r, &err) != RP_OK)
		fail_msg("progress '%s': %s", text, err.msg);
	rec_free(&r);
}

static void tick(int64_t milestone, const char *done)
{
	struct rec r;
	assert_int_equal(rec_get(db, K_MILESTONE, milestone, &r, NULL), RP_OK);
	assert_int_equal(rec_set(db, &r, kind_field_index(r.kind, "done"), done, NULL), RP_OK);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	rec_free(&r);
}

/* Progress follows the milestones until a number is set by hand, and
 * emptied it follows them again; the number on the row (what show, JSON,
 * the form and the views print) is the one the lists and Today print. */
static void test_goal_progress_follows_milestones_until_set_by_hand(void **state)
{
	/* as a form saves a new goal: its progress as it opened ("0") */
	int64_t g = add(K_GOAL, "title=Residency place", NULL);
	int64_t m1, m2;
	char goal[32];
	(void)state;
	snprintf(goal, sizeof goal, "goal=%lld", (long long)g);
	m1 = add(K_MILESTONE, goal, "title=CV", NULL);
	m2 = add(K_MILESTONE, goal, "title=Letters", NULL);
	add(K_MILESTONE, goal, "title=Interview", NULL);
	add(K_MILESTONE, goal, "title=Offer", NULL);
	assert_int_equal(progress_of(g), 0);
	tick(m1, "yes");
	assert_int_equal(progress_of(g), 25); /* ticking one moves it */
	tick(m2, "yes");
	assert_int_equal(progress_of(g), 50);
	tick(m2, "no");
	assert_int_equal(progress_of(g), 25);
	set_progress(g, "70"); /* by hand: the milestones no longer move it */
	tick(m2, "yes");
	assert_int_equal(progress_of(g), 70);
	set_progress(g, ""); /* emptied: from the milestones again */
	assert_int_equal(progress_of(g), 50);
	/* a milestone moved to another goal moves both */
	int64_t other = add(K_GOAL, "title=Other", NULL);
	struct rec r;
	char oid[32];
	snprintf(oid, sizeof oid, "%lld", (long long)other);
	assert_int_equal(rec_get(db, K_MILESTONE, m2, &r, NULL), RP_OK);
	assert_int_equal(rec_set(db, &r, kind_field_index(r.kind, "goal"), oid, NULL), RP_OK);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	rec_free(&r);
	assert_int_equal(progress_of(g), 33);
	assert_int_equal(progress_of(other), 100);
	/* purged for good, a milestone leaves the count */
	long purged;
	assert_int_equal(rec_trash(db, K_MILESTONE, m1, NULL), RP_OK);
	assert_int_equal(rec_purge(db, &purged, NULL), RP_OK);
	assert_int_equal(progress_of(g), 0);
	/* the row agrees with the milestones for every goal that follows them */
	int64_t wrong = -1;
	assert_int_equal(db_one_int(db,
	                            "SELECT count(*) FROM goal WHERE progress_manual = 0 AND"
	                            " deleted_at IS NULL AND progress != CASE WHEN status = 'done'"
	                            " THEN 100 ELSE coalesce((SELECT 100 * sum(done) / count(*) FROM"
	                            " milestone WHERE goal_id = goal.id AND deleted_at IS NULL), 0) END",
	                            &wrong, NULL, 0),
	                 DB_ROW);
	assert_int_equal(wrong, 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_due_exactly_today),
		T(test_goal_progress_follows_milestones_until_set_by_hand),
		T(test_due_past_the_calendar_is_not_due),
		T(test_due_past_the_calendar_from_its_last_days),
		T(test_due_soon_overdue_and_ok_edges),
		T(test_due_list_most_overdue_first),
		T(test_cadence_with_no_meetings_counts_from_the_start),
		T(test_paused_alumni_and_no_cadence_are_never_due),
		T(test_a_planned_meeting_covers),
		T(test_a_meeting_planned_at_midnight_today_covers),
		T(test_snooze),
		T(test_thanks_owed),
		T(test_thanks_for_another_meeting_before_does_not_cover),
		T(test_thanks_window_ends_thirty_days_back),
		T(test_thanks_owed_only_after_two_days),
		T(test_thanks_ignores_the_trash),
		T(test_streak_skips_a_trashed_checkin),
		T(test_promises_overdue_first),
		T(test_streak_across_a_missing_day),
		T(test_adherence),
		T(test_a_planned_meeting_past_its_end_asks),
		T(test_thanks_are_owed_to_the_roles_that_help),
		T(test_a_missed_meeting_asks_to_reschedule),
		T(test_adherence_from_the_start_of_the_agreement),
		T(test_goal_progress_and_late),
		T(test_a_done_goal_is_complete_whatever_its_milestones),
		T(test_goal_progress_ignores_the_trash),
		T(test_goal_late_edges),
		T(test_top_line_counts_leave_out_the_trash),
		T(test_moods_and_months),
		T(test_a_page_reads_each_rows_facts_by_the_one_row_rules),
	};
	return cmocka_run_group_tests_name("health", tests, test_group_setup, test_group_teardown);
}
