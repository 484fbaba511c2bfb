/* Each person's last contact, kept on a row by triggers (core/contact_cache.c),
 * against the full computation from the meetings after every kind of change,
 * and who is due read through it against every person's own due state. */
#include "testutil.h"

#include "db/db.h"

#include "core/contact_cache.h"
#include "core/demo.h"
#include "core/health.h"
#include "core/person.h"
#include "core/store.h"
#include "core/summary.h"
#include "core/today.h"
#include "tui/today_text.h"

static struct db *db;
static struct config cfg;
static int serial;
static uint64_t seed = 7;

static int setup(void **state)
{
	struct rp_err err;
	char name[64];
	(void)state;
	test_set_now("2026-11-25 09:00");
	config_defaults(&cfg);
	snprintf(name, sizeof name, "contact-%d.db", serial++);
	return store_open(test_path(name), 0, &db, &err) == RP_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	store_close(db);
	test_set_now("2026-11-25 09:00");
	return 0;
}

static unsigned pick(unsigned n)
{
	seed = seed * 6364136223846793005u + 1442695040888963407u;
	return (unsigned)(seed >> 33) % n;
}

static void assert_in_step(const char *after)
{
	long wrong = -1;
	int triggers_ok = 0;
	struct rp_err err;
	if (contact_cache_check(db, &wrong, &triggers_ok, &err) != RP_OK)
		fail_msg("check: %s", err.msg);
	if (wrong != 0 || !triggers_ok)
		fail_msg("after %s: %ld people out of step (triggers %s)", after, wrong,
		         triggers_ok ? "ok" : "not ours");
}

/* Who health_due_list finds (through the rows' index) is exactly who is
 * due by each person's own state, at the clock now. */
static void assert_list_is_everyone_due(int people)
{
	struct due *list, d;
	int n, expect = 0;
	assert_int_equal(health_due_list(db, &cfg, &list, &n, NULL), RP_OK);
	for (int64_t id = 1; id <= people; id++) {
		int found = 0;
		if (health_due(db, &cfg, id, &d, NULL) != RP_OK)
			continue; /* purged */
		for (int i = 0; i < n; i++)
			found += list[i].person_id == id;
		int due = d.state == DUE_SOON || d.state == DUE_OVERDUE || d.state == DUE_RESCHEDULE;
		if (found != due)
			fail_msg("person #%lld: %s, listed %d times", (long long)id,
			         health_due_word(d.state), found);
		expect += due;
	}
	free(list);
	assert_int_equal(n, expect);
}

static int person_live(int64_t id)
{
	struct rec r;
	int live = rec_get(db, K_PERSON, id, &r, NULL) == RP_OK;
	if (live) {
		live = !r.deleted_at;
		rec_free(&r);
	}
	return live;
}

static void set_field(enum kind_id k, int64_t id, const char *field, const char *text)
{
	struct rec r;
	struct rp_err err;
	if (rec_get(db, k, id, &r, &err) != RP_OK)
		return; /* purged since */
	if (r.deleted_at) { /* the trash is read-only */
		rec_free(&r);
		return;
	}
	if (rec_set(db, &r, kind_field_index(r.kind, field), text, &err) != RP_OK ||
	    rec_update(db, &r, &err) != RP_OK)
		fail_msg("%s = %s: %s", field, text, err.msg);
	rec_free(&r);
}

static const char *const statuses[] = {"planned", "done", "missed", "cancelled"};

static void random_time(char *at, size_t n)
{
	char day[DATE_LEN];
	date_add_days("2026-11-25", (long)pick(200) - 150, day);
	snprintf(at, n, "%s %02u:%02u", day, 7 + pick(14), pick(2) * 30);
}

/* One change of any kind that moves a person's last contact. */
static void random_change(int people, int64_t *meetings)
{
	char at[40], with[40];
	int64_t m = 1 + pick((unsigned)*meetings + 1), p = 1 + pick((unsigned)people);
	struct rp_err err;
	switch (pick(9)) {
	case 0: /* a new meeting */
	case 1:
		random_time(at, sizeof at);
		if (person_live(p)) {
			char a[60], s[40];
			snprintf(with, sizeof with, "with=%lld", (long long)p);
			snprintf(a, sizeof a, "at=%s", at);
			snprintf(s, sizeof s, "status=%s", statuses[pick(4)]);
			*meetings = test_add(db, K_MEETING, with, a, s, NULL);
		}
		break;
	case 2:
		set_field(K_MEETING, m, "status", statuses[pick(4)]);
		break;
	case 3:
		random_time(at, sizeof at);
		set_field(K_MEETING, m, "start_at", at);
		break;
	case 4:
		if (!person_live(p))
			break;
		snprintf(with, sizeof with, "%lld", (long long)p);
		set_field(K_MEETING, m, "person_id", with);
		break;
	case 5: /* the trash and back */
		if (pick(2))
			rec_trash(db, K_MEETING, m, &err);
		else
			rec_restore(db, K_MEETING, m, &err);
		break;
	case 6:
		if (pick(3) == 0)
			rec_trash(db, K_PERSON, p, &err); /* her meetings go with her */
		else
			rec_restore(db, K_PERSON, p, &err);
		break;
	case 7:
		if (pick(4) == 0)
			rec_purge_one(db, K_MEETING, m, &err);
		else
			set_field(K_PERSON, p, "cadence_days", pick(3) ? (pick(2) ? "14" : "30") : "");
		break;
	default:
		if (pick(20) == 0)
			rec_purge_one(db, K_PERSON, p, &err);
		else if (pick(4) == 0) { /* another writer (sqlite3) deletes a live one */
			char sql[80];
			snprintf(sql, sizeof sql, "DELETE FROM meeting WHERE id = %lld", (long long)m);
			assert_int_equal(db_exec(db, sql, &err), RP_OK);
		}
		break;
	}
}

static void test_contact_rows_follow_every_change(void **state)
{
	(void)state;
	enum { PEOPLE = 8 };
	int64_t meetings = 0;
	char name[40];
	for (int i = 0; i < PEOPLE; i++) {
		snprintf(name, sizeof name, "name=Person %d", i);
		test_set_now(i % 2 ? "2026-06-01 09:00" : "2026-11-20 09:00");
		test_add(db, K_PERSON, name, "cadence=21", NULL);
	}
	test_set_now("2026-11-25 09:00");
	assert_in_step("adding people");
	char what[40];
	for (int step = 0; step < 400; step++) {
		random_change(PEOPLE, &meetings);
		snprintf(what, sizeof what, "change %d", step);
		assert_in_step(what);
	}
	/* the list through the index, at the hours where the margin matters */
	const char *clocks[] = {"2026-11-25 00:01", "2026-11-25 23:59", "2026-12-24 12:00",
	                        "2027-03-28 01:30", "2027-10-31 23:30"};
	for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
		test_set_now(clocks[i]);
		assert_list_is_everyone_due(PEOPLE);
	}
}

/* Due soon at the very edge: due in due_soon_days (3) days, by a meeting
 * held later in the day than the clock, one minute after midnight; and
 * due in two days with a meeting planned only after that (not covered);
 * and late, with the meeting planned for next week put in the trash. */
static void test_due_list_finds_the_edge_of_due_soon(void **state)
{
	(void)state;
	test_set_now("2026-10-01 09:00");
	int64_t p = test_add(db, K_PERSON, "name=Edge", "cadence=7", NULL);
	char with[40];
	snprintf(with, sizeof with, "with=%lld", (long long)p);
	test_add(db, K_MEETING, with, "at=2026-11-21 23:30", "status=done", NULL);
	int64_t q = test_add(db, K_PERSON, "name=Planned Late", "cadence=7", NULL);
	snprintf(with, sizeof with, "with=%lld", (long long)q);
	test_add(db, K_MEETING, with, "at=2026-11-20 10:00", "status=done", NULL);
	test_add(db, K_MEETING, with, "at=2026-12-10 10:00", "status=planned", NULL);
	int64_t r = test_add(db, K_PERSON, "name=Trashed Plan", "cadence=7", NULL);
	snprintf(with, sizeof with, "with=%lld", (long long)r);
	test_add(db, K_MEETING, with, "at=2026-11-01 10:00", "status=done", NULL);
	int64_t plan = test_add(db, K_MEETING, with, "at=2026-12-02 10:00", "status=planned", NULL);
	assert_int_equal(rec_trash(db, K_MEETING, plan, NULL), RP_OK);
	test_set_now("2026-11-25 00:01");
	struct due d;
	assert_int_equal(health_due(db, &cfg, p, &d, NULL), RP_OK);
	assert_int_equal(d.state, DUE_SOON);
	assert_int_equal(d.days, 3);
	assert_int_equal(health_due(db, &cfg, q, &d, NULL), RP_OK);
	assert_int_equal(d.state, DUE_SOON);
	assert_int_equal(d.days, 2);
	assert_int_equal(health_due(db, &cfg, r, &d, NULL), RP_OK);
	assert_int_equal(d.state, DUE_OVERDUE);
	assert_list_is_everyone_due(3);
}

struct lines {
	int more_due, more_owed, more_meetings, more_goals, section, goals_named, due_today;
};

static void keep_line(const char *line, int role, enum kind_id kind, int64_t id, void *ctx)
{
	struct lines *l = ctx;
	(void)role, (void)kind, (void)id;
	if (strcmp(line, "Due for contact") == 0)
		l->section = 1;
	else if (strcmp(line, "Thanks owed") == 0)
		l->section = 2;
	else if (strncmp(line, "Meetings, today", 15) == 0)
		l->section = 3;
	else if (strncmp(line, "Goals near", 10) == 0)
		l->section = 4;
	else if (line[0] && line[0] != ' ')
		l->section = 0;
	if (strncmp(line, "  and ", 6) == 0 && l->section == 1)
		l->more_due = atoi(line + 6);
	if (strncmp(line, "  and ", 6) == 0 && l->section == 2)
		l->more_owed = atoi(line + 6);
	if (strncmp(line, "  and ", 6) == 0 && l->section == 3)
		l->more_meetings = atoi(line + 6);
	if (strncmp(line, "  and ", 6) == 0 && l->section == 4)
		l->more_goals = atoi(line + 6);
	if (l->section == 4 && strstr(line, "late by") && strstr(line, "(Mentor 0)"))
		l->goals_named++;
	if (strstr(line, "Send the CV") && strstr(line, "due today"))
		l->due_today++;
}

/* Today shows a section's first TODAY_ROWS and says how many more; the
 * top line and `rapport due` count them all. */
static void test_today_shows_fifty_a_section_and_how_many_more(void **state)
{
	(void)state;
	char name[40], with[40];
	test_set_now("2026-10-01 09:00");
	for (int i = 0; i < TODAY_ROWS + 3; i++) {
		snprintf(name, sizeof name, "name=Mentor %d", i);
		int64_t p = test_add(db, K_PERSON, name, "cadence=7", NULL);
		snprintf(with, sizeof with, "with=%lld", (long long)p);
		if (i < TODAY_ROWS + 2) /* thanks owed for this one */
			test_add(db, K_MEETING, with, "at=2026-11-20 10:00", "status=done", NULL);
	}
	for (int i = 0; i < TODAY_ROWS + 4; i++) { /* meetings this week, with people of no cadence */
		snprintf(name, sizeof name, "name=Planner %d", i);
		snprintf(with, sizeof with, "with=%lld", (long long)test_add(db, K_PERSON, name, NULL));
		test_add(db, K_MEETING, with, "at=2026-12-03 10:00", "status=planned", NULL);
	}
	for (int i = 0; i < TODAY_ROWS + 5; i++) /* late goals, with whose they are */
		test_add(db, K_GOAL, "title=First job", "target=2026-11-01", "person=1", NULL);
	test_add(db, K_ACTION, "meeting=1", "text=Send the CV", "due=2026-11-30", NULL);
	test_set_now("2026-11-30 09:00");
	struct today t;
	struct rp_err err;
	assert_int_equal(today_load(db, &cfg, &t, &err), RP_OK);
	assert_int_equal(t.ndue, TODAY_ROWS + 3);
	assert_int_equal(t.ndue_shown, TODAY_ROWS);
	assert_int_equal(t.nowed_all, TODAY_ROWS + 2);
	assert_int_equal(t.nowed, TODAY_ROWS);
	assert_true(t.owed[TODAY_ROWS - 1].name[0]); /* the ones shown have their names */
	struct lines l = {0};
	today_text(db, &t, 0, keep_line, &l);
	assert_int_equal(l.more_due, 3);
	assert_int_equal(l.more_owed, 2);
	assert_int_equal(l.more_meetings, 4);
	assert_int_equal(l.more_goals, 5);
	assert_int_equal(l.goals_named, TODAY_ROWS); /* each says whose it is */
	assert_int_equal(l.due_today, 1); /* an action due today says so */
	assert_int_equal(t.meetings.n, TODAY_ROWS);
	today_free(&t);
	struct summary sum;
	assert_int_equal(summary_counts(db, &cfg, &sum, &err), RP_OK);
	assert_int_equal(sum.due, TODAY_ROWS + 3);
	assert_int_equal(sum.thanks_owed, TODAY_ROWS + 2);
}

/* The demo fills in bulk, with the triggers paused: the rows are made at
 * the end, and a file whose rows went wrong says so in `check`. */
static void test_bulk_fill_and_check_report(void **state)
{
	(void)state;
	struct demo_size size = {40, 2000, 3};
	struct demo_counts made;
	struct rp_err err;
	char report[512];
	int problems;
	assert_int_equal(demo_fill(db, &size, &made, &err), RP_OK);
	assert_in_step("the demo");
	assert_list_is_everyone_due(40);
	assert_int_equal(store_check(db, report, sizeof report, &problems, &err), RP_OK);
	assert_int_equal(problems, 0);
	/* a script that writes around the triggers */
	assert_int_equal(db_exec(db, "UPDATE person_contact SET last_met = 1 WHERE person_id = 3",
	                         &err),
	                 RP_OK);
	assert_int_equal(store_check(db, report, sizeof report, &problems, &err), RP_OK);
	assert_int_equal(problems, 1);
	assert_non_null(strstr(report, "the last contact of 1 person is out of step"));
	assert_int_equal(person_last_met(db, 3), 1); /* every face reads the row */
}

/* A file of step 9 gets its rows when it is opened. */
static void test_upgrade_fills_the_rows(void **state)
{
	(void)state;
	int64_t p = test_add(db, K_PERSON, "name=Before", "cadence=30", NULL);
	char with[40];
	snprintf(with, sizeof with, "with=%lld", (long long)p);
	test_add(db, K_MEETING, with, "at=2026-11-10 10:00", "status=done", NULL);
	assert_int_equal(db_exec(db,
	                         "DROP TRIGGER contact_meeting_ins; DROP TRIGGER contact_person_ins;"
	                         " DROP TABLE person_contact; DROP INDEX meeting_planned_person;"
	                         " PRAGMA user_version = 9",
	                         NULL),
	                 RP_OK);
	store_close(db);
	struct rp_err err;
	char name[64];
	snprintf(name, sizeof name, "contact-%d.db", serial - 1);
	assert_int_equal(store_open(test_path(name), 0, &db, &err), RP_OK);
	assert_in_step("opening");
	char day[DATE_LEN];
	date_of_instant(person_last_met(db, p), day);
	assert_string_equal(day, "2026-11-10");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_contact_rows_follow_every_change),
		T(test_due_list_finds_the_edge_of_due_soon),
		T(test_today_shows_fifty_a_section_and_how_many_more),
		T(test_bulk_fill_and_check_report),
		T(test_upgrade_fills_the_rows),
	};
	return cmocka_run_group_tests_name("contact", tests, test_group_setup, test_group_teardown);
}
