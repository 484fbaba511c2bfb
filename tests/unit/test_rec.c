/* The domain core: validation, rules, CRUD, paging, trash, people lookup. */
#include "testutil.h"

#include "core/checkin.h"
#include "core/listfacts.h"
#include "core/person.h"
#include "core/rec.h"
#include "core/store.h"
#include "core/when.h"
#include "db/db.h"

static struct db *db;

static int setup(void **state)
{
	struct rp_err err;
	(void)state;
	test_make_dir();
	test_set_now("2026-11-25 09:00");
	if (store_open(test_path("sub/dir/core.db"), STORE_MAKE_FOLDER, &db, &err) != RP_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(db);
	test_remove_dir();
	return 0;
}

static int fld(enum kind_id k, const char *name)
{
	int i = kind_field_index(kind_get(k), name);
	if (i < 0)
		fail_msg("no field %s", name);
	return i;
}

#define add(...) test_add(db, __VA_ARGS__)

/* rec_set must refuse text, with a message containing words. */
static void refused(enum kind_id k, const char *field, const char *text, const char *words)
{
	struct rec r;
	struct rp_err err = {0};
	rec_init(&r, k);
	assert_int_not_equal(rec_set(db, &r, fld(k, field), text, &err), RP_OK);
	if (!strstr(err.msg, words))
		fail_msg("'%s' for %s: message '%s' lacks '%s'", text, field, err.msg, words);
	assert_true(rec_is_null(&r, fld(k, field)));
	rec_free(&r);
}

static struct rec get(enum kind_id k, int64_t id)
{
	struct rec r;
	struct rp_err err;
	if (rec_get(db, k, id, &r, &err) != RP_OK)
		fail_msg("get: %s", err.msg);
	return r;
}

static void test_person_defaults_and_identity(void **state)
{
	int64_t id = add(K_PERSON, "name=  Dr. Jane Okafor  ", NULL);
	struct rec r = get(K_PERSON, id);
	(void)state;
	assert_string_equal(rec_str(&r, fld(K_PERSON, "name")), "Dr. Jane Okafor"); /* trimmed */
	assert_string_equal(rec_str(&r, fld(K_PERSON, "role")), "mentor");
	assert_string_equal(rec_str(&r, fld(K_PERSON, "stage")), "active");
	assert_int_equal(strlen(r.uuid), 36);
	assert_int_equal(r.uuid[14], '4'); /* version 4 */
	assert_non_null(strchr("89ab", r.uuid[19]));
	assert_int_equal(r.created_at, clock_now());
	assert_int_equal(r.deleted_at, 0);
	rec_free(&r);
	/* a second person gets another uuid */
	struct rec other = get(K_PERSON, add(K_PERSON, "name=Other", NULL));
	assert_string_not_equal(other.uuid, r.uuid);
	rec_free(&other);
}

static void test_validation_messages(void **state)
{
	(void)state;
	refused(K_PERSON, "name", "   ", "may not be empty");
	refused(K_PERSON, "role", "men", "not one of mentor, mentee or peer"); /* ambiguous prefix */
	refused(K_PERSON, "role", "boss", "not one of");
	refused(K_PERSON, "cadence", "0", "out of range");
	refused(K_PERSON, "cadence", "weekly", "not a whole number");
	refused(K_PERSON, "email", "jane at example.org", "e-mail");
	refused(K_PERSON, "email", "a@b@c", "e-mail");
	refused(K_PERSON, "name", "line one\nline two", "line break");
	refused(K_PERSON, "name", "bad \xff byte", "UTF-8");
	refused(K_PERSON, "name", "overlong \xc0\xaf slash", "UTF-8");
	refused(K_CHECKIN, "mood", "9", "out of range (1 to 5)");
	refused(K_GOAL, "progress", "101", "out of range");
	refused(K_GOAL, "target", "next year", "cannot read the date");
	refused(K_GOAL, "target", "tomorrow 14:00", "without a time");
	refused(K_MEETING, "with", "nobody at all", "no person matches");
	refused(K_MILESTONE, "goal", "999", "no goal #999");
	refused(K_MILESTONE, "goal", "abc", "not a goal id");
	char big[300];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	refused(K_PERSON, "name", big, "too long");
}

static void test_choices_and_text_kinds(void **state)
{
	struct rec r;
	(void)state;
	rec_init(&r, K_PERSON);
	assert_int_equal(rec_set(db, &r, fld(K_PERSON, "role"), "MENTEE", NULL), RP_OK);
	assert_string_equal(rec_str(&r, fld(K_PERSON, "role")), "mentee");
	assert_int_equal(rec_set(db, &r, fld(K_PERSON, "role"), "pe", NULL), RP_OK);
	assert_string_equal(rec_str(&r, fld(K_PERSON, "role")), "peer");
	assert_int_equal(rec_set(db, &r, fld(K_PERSON, "notes"), "two\nlines\tand a tab", NULL),
	                 RP_OK);
	assert_int_equal(rec_set(db, &r, fld(K_PERSON, "name"), "Zoë 李 🙂", NULL), RP_OK);
	assert_int_equal(rec_set(db, &r, fld(K_PERSON, "tag"), " job, CV,,Job , interview ", NULL),
	                 RP_OK);
	assert_string_equal(rec_str(&r, fld(K_PERSON, "tag")), "job,CV,interview");
	/* an empty value clears an optional field */
	assert_int_equal(rec_set(db, &r, fld(K_PERSON, "notes"), "", NULL), RP_OK);
	assert_true(rec_is_null(&r, fld(K_PERSON, "notes")));
	rec_free(&r);
}

static void test_meeting_status_follows_time(void **state)
{
	int64_t p = add(K_PERSON, "name=Meeting Partner", NULL);
	char pid[32];
	(void)state;
	snprintf(pid, sizeof pid, "with=%lld", (long long)p);
	struct rec past = get(K_MEETING, add(K_MEETING, pid, "at=yesterday 14:00", NULL));
	struct rec future = get(K_MEETING, add(K_MEETING, pid, "at=tomorrow 10:00", NULL));
	struct rec given = get(K_MEETING, add(K_MEETING, pid, "at=tomorrow", "status=cancel", NULL));
	assert_string_equal(rec_str(&past, fld(K_MEETING, "status")), "done");
	assert_string_equal(rec_str(&future, fld(K_MEETING, "status")), "planned");
	assert_string_equal(rec_str(&given, fld(K_MEETING, "status")), "cancelled");
	assert_int_equal(rec_int(&past, fld(K_MEETING, "duration")), 30);
	assert_int_equal(person_last_met(db, p), rec_int(&past, fld(K_MEETING, "at")));
	rec_free(&past);
	rec_free(&future);
	rec_free(&given);
}

static void test_rules_goal_done_and_thanks_sent(void **state)
{
	int64_t g = add(K_GOAL, "title=Land a hospitalist job", "progress=40", NULL);
	struct rec r = get(K_GOAL, g);
	struct rp_err err;
	(void)state;
	assert_int_equal(rec_set(db, &r, fld(K_GOAL, "status"), "done", NULL), RP_OK);
	assert_int_equal(rec_update(db, &r, &err), RP_OK);
	rec_free(&r);
	r = get(K_GOAL, g);
	assert_int_equal(rec_int(&r, fld(K_GOAL, "progress")), 100);
	rec_free(&r);

	int64_t p = add(K_PERSON, "name=Grateful For", NULL);
	char to[32];
	snprintf(to, sizeof to, "to=%lld", (long long)p);
	r = get(K_GRATITUDE, add(K_GRATITUDE, to, "body=Thank you!", "status=sent", NULL));
	assert_string_equal(rec_str(&r, fld(K_GRATITUDE, "sent")), "2026-11-25");
	rec_free(&r);
	r = get(K_GRATITUDE, add(K_GRATITUDE, to, "body=Draft", NULL));
	assert_string_equal(rec_str(&r, fld(K_GRATITUDE, "status")), "draft");
	assert_true(rec_is_null(&r, fld(K_GRATITUDE, "sent")));
	rec_free(&r);
}

static void test_update_only_changes_what_changed(void **state)
{
	int64_t id = add(K_PERSON, "name=Updatable", "org=Old Hospital", "cadence=30", NULL);
	struct rec r = get(K_PERSON, id), again;
	struct rp_err err;
	(void)state;
	test_set_now("2026-11-26 10:00");
	assert_int_equal(rec_set(db, &r, fld(K_PERSON, "org"), "New Clinic", NULL), RP_OK);
	assert_int_equal(rec_update(db, &r, &err), RP_OK);
	again = get(K_PERSON, id);
	assert_string_equal(rec_str(&again, fld(K_PERSON, "org")), "New Clinic");
	assert_int_equal(rec_int(&again, fld(K_PERSON, "cadence")), 30);
	assert_int_equal(again.updated_at, clock_now());
	assert_true(again.created_at < again.updated_at);
	/* a required field cannot be emptied by update either */
	assert_int_not_equal(rec_set(db, &again, fld(K_PERSON, "name"), "", &err), RP_OK);
	rec_free(&r);
	rec_free(&again);
	test_set_now("2026-11-25 09:00");
}

/* Two instances read the same row; the one that writes second is refused
 * by the version in the UPDATE itself (no read-then-check in C could see a
 * write that lands between them), and the first one's change stays. */
static void test_update_over_a_stale_version_is_refused(void **state)
{
	int64_t id = add(K_PERSON, "name=Read Twice", "org=First", NULL);
	struct db *other;
	struct rec mine = get(K_PERSON, id), theirs, now;
	struct rp_err err;
	(void)state;
	assert_int_equal(store_open(test_path("sub/dir/core.db"), 0, &other, &err), RP_OK);
	assert_int_equal(rec_get(other, K_PERSON, id, &theirs, &err), RP_OK);
	assert_int_equal(theirs.updated_at, mine.updated_at);
	test_set_now("2026-11-25 09:05");
	assert_int_equal(rec_set(other, &theirs, fld(K_PERSON, "org"), "Theirs", NULL), RP_OK);
	assert_int_equal(rec_update(other, &theirs, &err), RP_OK);
	assert_int_equal(rec_set(db, &mine, fld(K_PERSON, "org"), "Mine", NULL), RP_OK);
	assert_int_equal(rec_update(db, &mine, &err), RP_ECONFLICT);
	assert_non_null(strstr(err.msg, "changed elsewhere"));
	now = get(K_PERSON, id);
	assert_string_equal(rec_str(&now, fld(K_PERSON, "org")), "Theirs");
	rec_free(&now);
	/* a row trashed by the other instance is not written over either */
	rec_free(&mine);
	mine = get(K_PERSON, id);
	assert_int_equal(rec_trash(other, K_PERSON, id, &err), RP_OK);
	assert_int_equal(rec_set(db, &mine, fld(K_PERSON, "org"), "Into the trash", NULL), RP_OK);
	assert_int_equal(rec_update(db, &mine, &err), RP_ENOTFOUND);
	assert_int_equal(rec_restore(other, K_PERSON, id, &err), RP_OK);
	now = get(K_PERSON, id);
	assert_string_equal(rec_str(&now, fld(K_PERSON, "org")), "Theirs");
	rec_free(&now);
	rec_free(&mine);
	rec_free(&theirs);
	store_close(other);
	test_set_now("2026-11-25 09:00");
}

static void test_checkin_one_per_day(void **state)
{
	struct rec r;
	struct rp_err err;
	(void)state;
	assert_int_equal(checkin_of_day(db, "2026-11-20", &r, &err), RP_ENOTFOUND);
	assert_int_equal(rec_set(db, &r, fld(K_CHECKIN, "mood"), "4", NULL), RP_OK);
	assert_int_equal(checkin_save(db, &r, &err), RP_OK);
	int64_t first = r.id;
	rec_free(&r);
	/* reopening the day edits it */
	assert_int_equal(checkin_of_day(db, "2026-11-20", &r, &err), RP_OK);
	assert_int_equal(r.id, first);
	assert_int_equal(rec_set(db, &r, fld(K_CHECKIN, "did"), "wrote to Dr. Reyes", NULL), RP_OK);
	assert_int_equal(checkin_save(db, &r, &err), RP_OK);
	rec_free(&r);
	/* a second row for the same day is refused, in words */
	rec_init(&r, K_CHECKIN);
	rec_set(db, &r, fld(K_CHECKIN, "day"), "2026-11-20", NULL);
	assert_int_equal(rec_insert(db, &r, &err), RP_ECONSTRAINT);
	assert_non_null(strstr(err.msg, "already a check-in for 2026-11-20"));
	rec_free(&r);
	/* no day given: today */
	r = get(K_CHECKIN, add(K_CHECKIN, "mood=3", NULL));
	assert_string_equal(rec_str(&r, fld(K_CHECKIN, "day")), "2026-11-25");
	rec_free(&r);
}

/* The check-in's goal field steps through open and active goals only, by
 * number, round from the end; a goal's check-ins come newest first. */
static void test_checkin_goal_step(void **state)
{
	struct db *gdb;
	struct rp_err err;
	struct rec r;
	int64_t id, walk[6];
	(void)state;
	assert_int_equal(store_open(test_path("goals.db"), 0, &gdb, &err), RP_OK);
	assert_int_equal(checkin_goal_step(gdb, 0, 1, &id, &err), RP_OK);
	assert_int_equal(id, 0); /* no goal at all */
	test_add(gdb, K_GOAL, "title=Land a job", NULL);                   /* 1 open */
	test_add(gdb, K_GOAL, "title=Old plan", "status=dropped", NULL);   /* 2 */
	test_add(gdb, K_GOAL, "title=Publish", "status=active", NULL);     /* 3 */
	test_add(gdb, K_GOAL, "title=Passed", "status=done", NULL);        /* 4 */
	test_add(gdb, K_GOAL, "title=Binned", NULL);                       /* 5, trashed below */
	test_add(gdb, K_GOAL, "title=Boards", NULL);                       /* 6 */
	assert_int_equal(rec_trash(gdb, K_GOAL, 5, &err), RP_OK);
	id = 0;
	for (int i = 0; i < 4; i++) { /* Right from an empty field */
		assert_int_equal(checkin_goal_step(gdb, id, 1, &id, &err), RP_OK);
		walk[i] = id;
	}
	assert_int_equal(walk[0], 1);
	assert_int_equal(walk[1], 3);
	assert_int_equal(walk[2], 6);
	assert_int_equal(walk[3], 1); /* round again */
	assert_int_equal(checkin_goal_step(gdb, 0, -1, &id, &err), RP_OK);
	assert_int_equal(id, 6); /* Left from an empty field: the last */
	assert_int_equal(checkin_goal_step(gdb, 6, -1, &id, &err), RP_OK);
	assert_int_equal(id, 3);
	assert_int_equal(checkin_goal_step(gdb, 1, -1, &id, &err), RP_OK);
	assert_int_equal(id, 6);
	/* a check-in names a goal; a missing one is refused in words */
	test_add(gdb, K_CHECKIN, "day=2026-11-20", "goal=3", NULL);
	test_add(gdb, K_CHECKIN, "day=2026-11-21", "goal=1", NULL);
	test_add(gdb, K_CHECKIN, "day=2026-11-22", "goal=3", NULL);
	rec_init(&r, K_CHECKIN);
	assert_int_not_equal(rec_set(gdb, &r, fld(K_CHECKIN, "goal"), "99", &err), RP_OK);
	assert_non_null(strstr(err.msg, "no goal #99"));
	rec_free(&r);
	struct rec_query q = {.filter_field = fld(K_CHECKIN, "goal"), .filter_id = 3, .limit = 10};
	struct rec_page page;
	assert_int_equal(rec_list(gdb, K_CHECKIN, &q, &page, &err), RP_OK);
	assert_int_equal(page.n, 2);
	assert_string_equal(rec_str(&page.rows[0], fld(K_CHECKIN, "day")), "2026-11-22");
	assert_string_equal(rec_str(&page.rows[1], fld(K_CHECKIN, "day")), "2026-11-20");
	rec_page_free(&page);
	store_close(gdb);
}

static int count(enum kind_id k, int filter_field, int64_t filter_id, int trash)
{
	struct rec_query q = {.filter_field = filter_field, .filter_id = filter_id, .trash = trash, .limit = 1000};
	struct rec_page page;
	int n;
	assert_int_equal(rec_list(db, k, &q, &page, NULL), RP_OK);
	n = page.n;
	rec_page_free(&page);
	return n;
}

/* Deleting says what stays behind (a person's goals), the trash's list
 * says when we last met among what went with her, and a percentage reads
 * and is read as one. */
static void test_trash_says_what_stays_and_when_we_met(void **state)
{
	(void)state;
	int64_t p = add(K_PERSON, "name=Goal Keeper", NULL);
	char with[32], person[32], buf[200];
	struct rp_err err;
	snprintf(with, sizeof with, "with=%lld", (long long)p);
	snprintf(person, sizeof person, "person=%lld", (long long)p);
	add(K_MEETING, with, "at=2026-11-02 10:00", "status=done", NULL);
	int64_t g = add(K_GOAL, "title=First job", person, NULL);
	add(K_GOAL, "title=Boards", person, NULL);
	assert_int_equal(rec_trash_goes_with(db, K_PERSON, p, buf, sizeof buf, &err), RP_OK);
	assert_string_equal(buf, "1 meeting");
	assert_int_equal(rec_trash_leaves(db, K_PERSON, p, buf, sizeof buf, &err), RP_OK);
	assert_string_equal(buf, "2 goals");
	assert_int_equal(rec_trash_leaves(db, K_GOAL, g, buf, sizeof buf, &err), RP_OK);
	assert_string_equal(buf, ""); /* no check-in names it */

	assert_int_equal(rec_trash(db, K_PERSON, p, &err), RP_OK);
	struct rec r = get(K_PERSON, p);
	struct row_facts facts;
	struct config cfg;
	config_defaults(&cfg);
	assert_int_equal(listfacts_load(db, &cfg, &r, 1, &facts, &err), RP_OK);
	char day[DATE_LEN];
	date_of_instant(facts.due.last_met, day);
	assert_string_equal(day, "2026-11-02"); /* not "never" */
	rec_free(&r);

	struct rec goal = get(K_GOAL, g);
	int f = fld(K_GOAL, "progress");
	assert_int_equal(rec_set(db, &goal, f, "40%", &err), RP_OK);
	assert_int_equal(rec_int(&goal, f), 40);
	rec_format(&goal, f, buf, sizeof buf);
	assert_string_equal(buf, "40%");
	assert_int_not_equal(rec_set(db, &goal, f, "40%%", &err), RP_OK);
	rec_free(&goal);
	struct rec pr; /* a number that is not a percentage takes no "%" */
	rec_init(&pr, K_PERSON);
	assert_int_not_equal(rec_set(db, &pr, fld(K_PERSON, "cadence"), "30%", &err), RP_OK);
	assert_int_equal(rec_set(db, &pr, fld(K_PERSON, "cadence"), "30", &err), RP_OK);
	rec_free(&pr);
}

static void test_trash_takes_and_restores_what_belongs(void **state)
{
	int64_t p = add(K_PERSON, "name=Trashable Mentor", NULL);
	char with[32], to[32], mid[32];
	struct rp_err err;
	int pf = kind_parent_field(kind_get(K_MEETING));
	(void)state;
	snprintf(with, sizeof with, "with=%lld", (long long)p);
	snprintf(to, sizeof to, "to=%lld", (long long)p);
	int64_t m1 = add(K_MEETING, with, "at=yesterday", NULL);
	int64_t m2 = add(K_MEETING, with, "at=2026-11-01", NULL);
	snprintf(mid, sizeof mid, "meeting=%lld", (long long)m1);
	int64_t a1 = add(K_ACTION, mid, "text=Send CV", NULL);
	add(K_GRATITUDE, to, "body=Thanks", NULL);

	/* m2 goes to the trash on its own, earlier */
	test_set_now("2026-11-25 09:05");
	assert_int_equal(rec_trash(db, K_MEETING, m2, &err), RP_OK);
	test_set_now("2026-11-25 09:10");
	assert_int_equal(rec_trash(db, K_PERSON, p, &err), RP_OK);
	assert_int_equal(count(K_MEETING, pf, p, 0), 0);
	assert_int_equal(count(K_MEETING, pf, p, 1), 2);
	struct rec a = get(K_ACTION, a1);
	assert_true(a.deleted_at != 0); /* grandchild went too */
	rec_free(&a);
	assert_int_equal(rec_trash(db, K_PERSON, p, &err), RP_ENOTFOUND); /* already */
	/* a child cannot come back before its parent */
	assert_int_equal(rec_restore(db, K_MEETING, m1, &err), RP_EINVAL);
	assert_non_null(strstr(err.msg, "restore that first"));
	/* trashed people cannot be referred to */
	struct rec r;
	rec_init(&r, K_MEETING);
	assert_int_not_equal(rec_set(db, &r, fld(K_MEETING, "with"), "Trashable", &err), RP_OK);
	rec_free(&r);

	assert_int_equal(rec_restore(db, K_PERSON, p, &err), RP_OK);
	assert_int_equal(count(K_MEETING, pf, p, 0), 1); /* m1 back; m2 was trashed apart */
	a = get(K_ACTION, a1);
	assert_int_equal(a.deleted_at, 0);
	rec_free(&a);
	assert_int_equal(count(K_GRATITUDE, kind_parent_field(kind_get(K_GRATITUDE)), p, 0), 1);
	assert_int_equal(rec_restore(db, K_PERSON, p, &err), RP_EINVAL); /* not in the trash */

	long purged;
	assert_int_equal(rec_purge(db, &purged, &err), RP_OK);
	assert_true(purged >= 1);
	assert_int_equal(rec_get(db, K_MEETING, m2, &r, &err), RP_ENOTFOUND);
	test_set_now("2026-11-25 09:00");
}

static void test_people_lookup(void **state)
{
	int64_t jane = add(K_PERSON, "name=Jane Lookup", NULL);
	int64_t jan = add(K_PERSON, "name=Jan", NULL);
	int64_t pct = add(K_PERSON, "name=100% Sure", NULL);
	int64_t id = 0;
	struct rp_err err;
	char buf[64];
	(void)state;
	assert_int_equal(person_resolve(db, "lookup", &id, &err), RP_OK);
	assert_int_equal(id, jane);
	assert_int_equal(person_resolve(db, "JAN", &id, &err), RP_OK); /* exact beats partial */
	assert_int_equal(id, jan);
	assert_int_equal(person_resolve(db, "Ja", &id, &err), RP_EAMBIG);
	assert_non_null(strstr(err.msg, "Jane Lookup"));
	assert_non_null(strstr(err.msg, "Jan ("));
	assert_int_equal(person_resolve(db, "0% S", &id, &err), RP_OK); /* % is literal */
	assert_int_equal(id, pct);
	assert_int_equal(person_resolve(db, "_", &id, &err), RP_ENOTFOUND);
	snprintf(buf, sizeof buf, "%lld", (long long)jan);
	assert_int_equal(person_resolve(db, buf, &id, &err), RP_OK);
	assert_int_equal(id, jan);
	assert_int_equal(person_resolve(db, "99999", &id, &err), RP_ENOTFOUND);
	person_name(db, jane, buf, sizeof buf);
	assert_string_equal(buf, "Jane Lookup");
	/* two people of exactly that name: which one is asked, not guessed */
	add(K_PERSON, "name=jan", NULL);
	assert_int_equal(person_resolve(db, "Jan", &id, &err), RP_EAMBIG);
	assert_non_null(strstr(err.msg, "Jan ("));
	assert_non_null(strstr(err.msg, "jan ("));
}

static void test_paging_walks_every_row_once_in_order(void **state)
{
	static const char *const names[] = {"delta", "Alpha", "charlie", "Bravo", "echo",
	                                    "alpha", "Foxtrot", "golf", "Hotel", "india"};
	struct rec_query q = {.filter_field = -1, .filter_id = 0, .trash = 0, .limit = 3};
	struct rec_walk w;
	char prev[64] = "";
	int seen = 0, pages = 0;
	struct db *saved = db;
	struct rp_err err;
	(void)state;
	/* a database of its own, so the count is exact */
	assert_int_equal(store_open(test_path("paging.db"), 0, &db, &err), RP_OK);
	for (size_t i = 0; i < 10; i++) {
		char pair[64];
		snprintf(pair, sizeof pair, "name=%s", names[i]);
		add(K_PERSON, pair, NULL);
	}
	rec_walk_start(&w, K_PERSON, &q);
	while (rec_walk_next(db, &w, &err) > 0) {
		pages++;
		assert_true(w.page.n <= 3);
		for (int i = 0; i < w.page.n; i++, seen++) {
			const char *name = rec_str(&w.page.rows[i], 0);
			assert_true(strcasecmp(prev, name) <= 0); /* case-insensitive order */
			snprintf(prev, sizeof prev, "%s", name);
		}
	}
	rec_walk_end(&w);
	assert_int_equal(seen, 10);
	assert_int_equal(pages, 4);
	assert_string_equal(prev, "india");

	/* the screen's moves: the last rows, rows before a row, from a row on */
	struct rec_page page;
	struct rec_key key;
	struct rec_query back = {.filter_field = -1, .limit = 3, .backward = 1};
	assert_int_equal(rec_list(db, K_PERSON, &back, &page, NULL), RP_OK);
	assert_int_equal(page.n, 3);
	assert_string_equal(rec_str(&page.rows[0], 0), "golf");
	assert_string_equal(rec_str(&page.rows[2], 0), "india");
	assert_true(page.more);
	rec_page_free(&page);
	struct rec_query fwd = {.filter_field = -1, .limit = 6};
	assert_int_equal(rec_list(db, K_PERSON, &fwd, &page, NULL), RP_OK);
	assert_string_equal(rec_str(&page.rows[0], 0), "Alpha"); /* equal names: by id */
	assert_string_equal(rec_str(&page.rows[1], 0), "alpha");
	assert_string_equal(rec_str(&page.rows[5], 0), "echo");
	rec_key_of(&page.rows[5], &key);
	rec_page_free(&page);
	back.after = &key;
	back.limit = 2;
	assert_int_equal(rec_list(db, K_PERSON, &back, &page, NULL), RP_OK);
	assert_int_equal(page.n, 2);
	assert_string_equal(rec_str(&page.rows[0], 0), "charlie");
	assert_string_equal(rec_str(&page.rows[1], 0), "delta");
	rec_page_free(&page);
	fwd.after = &key;
	fwd.inclusive = 1;
	fwd.limit = 2;
	assert_int_equal(rec_list(db, K_PERSON, &fwd, &page, NULL), RP_OK);
	assert_string_equal(rec_str(&page.rows[0], 0), "echo");
	assert_string_equal(rec_str(&page.rows[1], 0), "Foxtrot");
	rec_page_free(&page);
	rec_key_free(&key);
	store_close(db);
	db = saved;
}

static void test_meetings_page_newest_first(void **state)
{
	int64_t p = add(K_PERSON, "name=Often Met", NULL);
	char with[32];
	struct rec_query q = {.filter_field = kind_parent_field(kind_get(K_MEETING)), .filter_id = p, .trash = 0, .limit = 2};
	struct rec_walk w;
	int64_t last = INT64_MAX, oldest, last_id = 0;
	int n = 0;
	(void)state;
	snprintf(with, sizeof with, "with=%lld", (long long)p);
	add(K_MEETING, with, "at=2026-10-01 09:00", NULL);
	add(K_MEETING, with, "at=2026-10-01 09:00", NULL); /* same time: the id decides */
	add(K_MEETING, with, "at=2026-11-01 09:00", NULL);
	oldest = add(K_MEETING, with, "at=2026-09-01 09:00", NULL);
	add(K_MEETING, with, "at=2026-12-01 09:00", NULL);
	rec_walk_start(&w, K_MEETING, &q);
	while (rec_walk_next(db, &w, NULL) > 0) {
		for (int i = 0; i < w.page.n; i++, n++) {
			int64_t t = rec_int(&w.page.rows[i], fld(K_MEETING, "at"));
			assert_true(t <= last);
			last = t;
			last_id = w.page.rows[i].id;
		}
	}
	rec_walk_end(&w);
	assert_int_equal(n, 5);
	assert_int_equal(last_id, oldest); /* the oldest comes last */
}


/* Every kind comes after the kinds it refers to (an import writes in this
 * order, so references resolve), each once. */
static void test_kind_order_puts_what_a_kind_refers_to_first(void **state)
{
	enum kind_id order[K_COUNT];
	int pos[K_COUNT];
	(void)state;
	for (int i = 0; i < K_COUNT; i++)
		pos[i] = -1;
	kind_order(order);
	for (int i = 0; i < K_COUNT; i++) {
		assert_int_equal(pos[order[i]], -1);
		pos[order[i]] = i;
	}
	for (int k = 0; k < K_COUNT; k++) {
		const struct kind *kd = kind_get((enum kind_id)k);
		for (int f = 0; f < kd->nfields; f++)
			if (kd->fields[f].type == F_REF && kd->fields[f].ref != kd->id)
				assert_true(pos[kd->fields[f].ref] < pos[k]);
	}
}

/* Every kind has list columns, each naming a field of its kind (or a fact),
 * the last one taking the rest of the line: a new kind's `rapport list`
 * cannot print nothing or a column of a field it does not have. */
static void test_kind_list_columns_name_real_fields(void **state)
{
	(void)state;
	for (int k = 0; k < K_COUNT; k++) {
		const struct kind *kd = kind_get((enum kind_id)k);
		assert_true(kd->nlist > 0 && kd->nlist <= LIST_MAX_COLS);
		for (int c = 0; c < kd->nlist; c++) {
			const struct list_column *col = &kd->list[c];
			assert_non_null(col->head);
			if (col->show == LS_FIELD)
				assert_true(kind_field_index(kd, col->field) >= 0);
			assert_true((col->width == 0) == (c == kd->nlist - 1));
		}
	}
}

/* Purge counts every row it takes from the trash: children are deleted
 * before their parents (a parent first would take them by cascade, which
 * SQLite does not count). */
static void test_purge_counts_every_row_of_the_trash(void **state)
{
	int64_t p = add(K_PERSON, "name=Purged Mentor", NULL), in_trash = 0;
	char with[32], mid[32];
	long purged;
	struct rp_err err;
	(void)state;
	snprintf(with, sizeof with, "with=%lld", (long long)p);
	snprintf(mid, sizeof mid, "meeting=%lld", (long long)add(K_MEETING, with, "at=yesterday", NULL));
	add(K_ACTION, mid, "text=Ask for a letter", NULL);
	assert_int_equal(rec_trash(db, K_PERSON, p, &err), RP_OK);
	for (int k = 0; k < K_COUNT; k++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE deleted_at IS NOT NULL",
		         kind_get((enum kind_id)k)->table);
		int64_t n = 0;
		assert_int_equal(db_one_int(db, sql, &n, NULL, 0), DB_ROW);
		in_trash += n;
	}
	assert_true(in_trash >= 3); /* the person, the meeting, its action */
	assert_int_equal(rec_purge(db, &purged, &err), RP_OK);
	assert_int_equal(purged, in_trash);
}

/* Each date field reads a day without its year the way it looks: a
 * meeting's time the nearer one, a target or a due day the next, a
 * check-in's day and a sent day the last; those two refuse a day to come. */
static void test_fields_read_days_without_a_year_their_way(void **state)
{
	char with[32], goal[32];
	(void)state;
	test_set_now("2026-12-07 12:00");
	snprintf(with, sizeof with, "with=%lld", (long long)add(K_PERSON, "name=Year Less", NULL));
	struct rec m = get(K_MEETING, add(K_MEETING, with, "at=5 jan 10:00", NULL));
	char day[DATE_LEN];
	date_of_instant(rec_int(&m, fld(K_MEETING, "at")), day);
	assert_string_equal(day, "2027-01-05");
	assert_string_equal(rec_str(&m, fld(K_MEETING, "status")), "planned");
	rec_free(&m);
	struct rec logged = get(K_MEETING, add(K_MEETING, with, "at=5 dec 10:00", NULL));
	date_of_instant(rec_int(&logged, fld(K_MEETING, "at")), day);
	assert_string_equal(day, "2026-12-05"); /* two days ago, not next year */
	assert_string_equal(rec_str(&logged, fld(K_MEETING, "status")), "done");
	rec_free(&logged);
	int64_t g = add(K_GOAL, "title=Year-less target", "target=15 jan", NULL);
	struct rec gr = get(K_GOAL, g);
	assert_string_equal(rec_str(&gr, fld(K_GOAL, "target")), "2027-01-15");
	rec_free(&gr);
	snprintf(goal, sizeof goal, "goal=%lld", (long long)g);
	struct rec ms = get(K_MILESTONE, add(K_MILESTONE, goal, "title=Due", "due=10 jan", NULL));
	assert_string_equal(rec_str(&ms, fld(K_MILESTONE, "due")), "2027-01-10");
	rec_free(&ms);
	struct rec p = get(K_PERSON, add(K_PERSON, "name=Snoozer", "snooze=fri", NULL));
	assert_string_equal(rec_str(&p, fld(K_PERSON, "snooze")), "2026-12-11");
	rec_free(&p);
	struct rec c = get(K_CHECKIN, add(K_CHECKIN, "day=8 dec", NULL));
	assert_string_equal(rec_str(&c, fld(K_CHECKIN, "day")), "2025-12-08");
	rec_free(&c);
	struct rec t = get(K_GRATITUDE, add(K_GRATITUDE, "to=Snoozer", "body=Thanks", "sent=fri", NULL));
	assert_string_equal(rec_str(&t, fld(K_GRATITUDE, "sent")), "2026-12-04");
	rec_free(&t);
	refused(K_CHECKIN, "day", "tomorrow", "still to come");
	refused(K_CHECKIN, "day", "2026-12-08", "still to come");
	refused(K_GRATITUDE, "sent", "+1d", "still to come");
	struct rec today;
	rec_init(&today, K_CHECKIN);
	assert_int_equal(rec_set(db, &today, fld(K_CHECKIN, "day"), "today", NULL), RP_OK);
	rec_free(&today);
	test_set_now("2026-11-25 09:00");
}

/* The people pane's title follows the roles of the live people. */
static void test_people_are_called_by_their_roles(void **state)
{
	struct db *d;
	struct rp_err err;
	(void)state;
	assert_int_equal(store_open(test_path("roles.db"), 0, &d, &err), RP_OK);
	assert_string_equal(person_group_title(d), "People"); /* nobody yet */
	int64_t a = test_add(d, K_PERSON, "name=Mentee One", "role=mentee", NULL);
	test_add(d, K_PERSON, "name=Mentee Two", "role=mentee", NULL);
	assert_string_equal(person_group_title(d), "Mentees");
	struct rec fresh; /* a new person among mentees starts as one, on every face */
	rec_init(&fresh, K_PERSON);
	person_start(d, &fresh);
	assert_string_equal(rec_text(&fresh, "role"), "mentee");
	rec_free(&fresh);
	int64_t m = test_add(d, K_PERSON, "name=A Mentor", "role=mentor", NULL);
	assert_string_equal(person_group_title(d), "People");
	assert_int_equal(rec_trash(d, K_PERSON, m, NULL), RP_OK);
	assert_string_equal(person_group_title(d), "Mentees"); /* the trash does not count */
	assert_int_equal(rec_trash(d, K_PERSON, a, NULL), RP_OK);
	test_add(d, K_PERSON, "name=Peer", "role=peer", NULL);
	assert_string_equal(person_group_title(d), "People");
	store_close(d);
	assert_int_equal(store_open(test_path("mentors.db"), 0, &d, &err), RP_OK);
	test_add(d, K_PERSON, "name=Dr. One", NULL);
	test_add(d, K_PERSON, "name=Dr. Two", NULL);
	assert_string_equal(person_group_title(d), "Mentors");
	store_close(d);
}

/* x on a thank-you note sends it today (and again makes it a draft, not
 * sent on any day); a meeting still to come is early to mark done. */
static void test_done_for_notes_and_early_meetings(void **state)
{
	char with[32], when[64];
	struct rec r;
	(void)state;
	snprintf(with, sizeof with, "with=%lld", (long long)add(K_PERSON, "name=Done Rules", NULL));
	int64_t note = add(K_GRATITUDE, "to=Done Rules", "body=Thank you", NULL);
	r = get(K_GRATITUDE, note);
	assert_false(rec_is_done(&r));
	assert_int_equal(rec_set_done(db, &r, 1, NULL), RP_OK);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	rec_free(&r);
	r = get(K_GRATITUDE, note);
	assert_string_equal(rec_str(&r, fld(K_GRATITUDE, "status")), "sent");
	assert_string_equal(rec_str(&r, fld(K_GRATITUDE, "sent")), "2026-11-25");
	assert_true(rec_is_done(&r));
	assert_int_equal(rec_set_done(db, &r, 0, NULL), RP_OK);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	rec_free(&r);
	r = get(K_GRATITUDE, note);
	assert_string_equal(rec_str(&r, fld(K_GRATITUDE, "status")), "draft");
	assert_true(rec_is_null(&r, fld(K_GRATITUDE, "sent")));
	rec_free(&r);
	/* a meeting to come: early; one that has begun, or is done: not */
	r = get(K_MEETING, add(K_MEETING, with, "at=2026-11-25 09:01", NULL));
	assert_true(rec_done_early(&r, when, sizeof when));
	assert_string_equal(when, "Wed 25 Nov 2026 09:01");
	rec_free(&r);
	r = get(K_MEETING, add(K_MEETING, with, "at=2026-11-25 09:00", "status=planned", NULL));
	assert_false(rec_done_early(&r, when, sizeof when));
	rec_free(&r);
	r = get(K_MEETING, add(K_MEETING, with, "at=tomorrow", "status=done", NULL));
	assert_false(rec_done_early(&r, when, sizeof when)); /* already done */
	rec_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_person_defaults_and_identity),
		cmocka_unit_test(test_validation_messages),
		cmocka_unit_test(test_choices_and_text_kinds),
		cmocka_unit_test(test_meeting_status_follows_time),
		cmocka_unit_test(test_rules_goal_done_and_thanks_sent),
		cmocka_unit_test(test_update_only_changes_what_changed),
		cmocka_unit_test(test_checkin_one_per_day),
		cmocka_unit_test(test_checkin_goal_step),
		cmocka_unit_test(test_trash_takes_and_restores_what_belongs),
		cmocka_unit_test(test_people_lookup),
		cmocka_unit_test(test_update_over_a_stale_version_is_refused),
		cmocka_unit_test(test_paging_walks_every_row_once_in_order),
		cmocka_unit_test(test_meetings_page_newest_first),
		cmocka_unit_test(test_kind_order_puts_what_a_kind_refers_to_first),
		cmocka_unit_test(test_kind_list_columns_name_real_fields),
		cmocka_unit_test(test_fields_read_days_without_a_year_their_way),
		cmocka_unit_test(test_people_are_called_by_their_roles),
		cmocka_unit_test(test_done_for_notes_and_early_meetings),
		cmocka_unit_test(test_trash_says_what_stays_and_when_we_met),
		/* last: it empties the trash the tests before filled */
		cmocka_unit_test(test_purge_counts_every_row_of_the_trash),
	};
	return cmocka_run_group_tests_name("core", tests, setup, teardown);
}
