/* Every query a keystroke makes is indexed: the screen's queries are run
 * on a demo database, each SQL text is collected as it is prepared, and
 * EXPLAIN QUERY PLAN must show no full scan of a table or of one of its
 * indexes.  (A walk in index order that stops at a LIMIT is allowed: it
 * reads only what it returns.) */
#include "testutil.h"

#include "core/checkin.h"
#include "core/demo.h"
#include "core/health.h"
#include "core/listfacts.h"
#include "core/person.h"
#include "core/search.h"
#include "core/store.h"
#include "core/summary.h"
#include "core/today.h"
#include "db/db.h"

#define MAX_SQL 256
static char *seen[MAX_SQL];
static int nseen;
static struct db *db;

static void collect(const char *sql, void *ctx)
{
	(void)ctx;
	for (int i = 0; i < nseen; i++)
		if (strcmp(seen[i], sql) == 0)
			return;
	if (nseen < MAX_SQL)
		seen[nseen++] = strdup(sql);
}

static int setup(void **state)
{
	struct rp_err err;
	struct demo_size size = {60, 3000, 7};
	struct demo_counts made;
	(void)state;
	test_make_dir();
	test_set_now("2026-11-25 09:00");
	if (store_open(test_path("plans.db"), 0, &db, &err) != RP_OK ||
	    demo_fill(db, &size, &made, &err) != RP_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	db_exec(db, "ANALYZE", NULL); /* plans as a real, used database gets them */
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	for (int i = 0; i < nseen; i++)
		free(seen[i]);
	store_close(db);
	test_remove_dir();
	return 0;
}

/* What the screen does, key by key: every pane's moves, the detail of a
 * person, the Today screen, search, the top line. */
static void keystroke_paths(void)
{
	struct config cfg;
	struct rp_err err;
	config_defaults(&cfg);
	for (enum kind_id k = K_PERSON; k < K_COUNT; k++) {
		struct rec_page page;
		struct rec_key key;
		struct rec_query q = {.filter_field = -1, .limit = 20};
		int pf = kind_ref_field(kind_get(k), K_PERSON);
		assert_int_equal(rec_list(db, k, &q, &page, &err), RP_OK);
		if (page.n) { /* what the page's rows show beside their fields */
			struct row_facts facts[20];
			assert_int_equal(listfacts_load(db, &cfg, page.rows, page.n, facts, &err), RP_OK);
		}
		if (page.n) {
			rec_key_of(&page.rows[page.n - 1], &key);
			q.after = &key;
			rec_page_free(&page);
			rec_list(db, k, &q, &page, &err); /* page down */
			rec_page_free(&page);
			q.inclusive = 1;
			rec_list(db, k, &q, &page, &err); /* reload from the top row */
			rec_page_free(&page);
			q.inclusive = 0;
			q.backward = 1;
			rec_list(db, k, &q, &page, &err); /* up, page up */
			rec_page_free(&page);
			q.after = NULL;
			rec_list(db, k, &q, &page, &err); /* G: the end */
			rec_key_free(&key);
		}
		rec_page_free(&page);
		if (pf >= 0) { /* a person's rows: the timeline, f; G and up from there */
			struct rec_query byp = {.filter_field = pf, .filter_id = 1, .limit = 20};
			rec_list(db, k, &byp, &page, &err);
			rec_page_free(&page);
			byp.backward = 1;
			rec_list(db, k, &byp, &page, &err);
			if (page.n) {
				rec_key_of(&page.rows[0], &key);
				rec_page_free(&page);
				byp.after = &key;
				rec_list(db, k, &byp, &page, &err);
				rec_key_free(&key);
			}
			rec_page_free(&page);
		}
	}
	struct rec r;
	assert_int_equal(rec_get(db, K_PERSON, 1, &r, &err), RP_OK);
	rec_free(&r);
	person_last_met(db, 1);
	char name[100];
	person_name(db, 1, name, sizeof name);
	int64_t id;
	person_resolve(db, "Dr.", &id, &err);
	/* u after an add: what hangs on the row now */
	for (int k = 0; k < K_COUNT; k++) {
		long children;
		rec_count_children(db, (enum kind_id)k, 1, &children, &err);
	}
	struct due d;
	health_due(db, &cfg, 1, &d, &err);
	struct adherence a;
	health_adherence(db, &cfg, 1, &a, &err);
	int months[12];
	health_meetings_by_month(db, 1, months, &err);
	struct summary s;
	assert_int_equal(summary_counts(db, &cfg, &s, &err), RP_OK);
	struct today t;
	assert_int_equal(today_load(db, &cfg, &t, &err), RP_OK);
	today_free(&t);
	int moods[84];
	health_moods(db, 84, moods, &err);
	struct hit *hits;
	int n, total;
	search_run(db, "interview", K_COUNT, 50, &hits, &n, &total, &err);
	free(hits);
	search_run(db, "cv", K_MEETING, 50, &hits, &n, &total, &err);
	free(hits);
	/* x on a milestone: its goal's progress follows (a trigger's update) */
	assert_int_equal(rec_get(db, K_MILESTONE, 1, &r, &err), RP_OK);
	rec_set(db, &r, kind_field_index(r.kind, "done"), "yes", &err);
	assert_int_equal(rec_update(db, &r, &err), RP_OK);
	rec_free(&r);
	checkin_of_day(db, "2026-11-25", &r, &err);
	rec_free(&r);
	int64_t goal; /* the check-in's goal field, and a goal's check-ins */
	checkin_goal_step(db, 1, 1, &goal, &err);
	checkin_goal_step(db, 1, -1, &goal, &err);
	struct rec_query byg = {.filter_field = kind_ref_field(kind_get(K_CHECKIN), K_GOAL),
	                        .filter_id = 1, .limit = 10};
	struct rec_page page;
	assert_int_equal(rec_list(db, K_CHECKIN, &byg, &page, &err), RP_OK);
	assert_true(page.n > 0); /* the demo names goals in check-ins */
	rec_page_free(&page);
}

/* The tables that grow with the years.  Not person: the list of who is due
 * visits every person with an agreed cadence by design, and people are
 * counted in hundreds, not in millions. */
static const char *const tables[] = {"goal", "milestone", "meeting", "action_item", "gratitude",
                                     "checkin", "fts", "search_key"};

static void test_no_full_scan_on_a_keystroke(void **state)
{
	int checked = 0, bad = 0;
	(void)state;
	db_set_prepare_hook(db, collect, NULL);
	keystroke_paths();
	db_set_prepare_hook(db, NULL, NULL);
	assert_true(nseen > 20);
	for (int i = 0; i < nseen; i++) {
		char sql[2300];
		struct db_stmt *st;
		/* a walk in index (or id) order that stops at a LIMIT reads only
		 * what it returns; any other SCAN reads the whole table or index */
		int walk = strstr(seen[i], "ORDER BY") && strstr(seen[i], "LIMIT");
		if (strncmp(seen[i], "SELECT", 6) != 0)
			continue;
		snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s", seen[i]);
		/* a walk stops early only if the index gives the order: a sort
		 * (temp B-tree) means every row was read first */
		assert_int_equal(db_prepare(db, sql, &st, NULL), RP_OK);
		while (walk && db_step(st, NULL) == DB_ROW)
			if (strstr(db_col_text(st, 3), "USE TEMP B-TREE FOR ORDER BY"))
				walk = 0;
		db_release(st);
		assert_int_equal(db_prepare(db, sql, &st, NULL), RP_OK);
		while (db_step(st, NULL) == DB_ROW) {
			const char *detail = db_col_text(st, 3);
			for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
				char scan[64];
				size_t len = (size_t)snprintf(scan, sizeof scan, "SCAN %s", tables[t]);
				if (strncmp(detail, scan, len) == 0 && (detail[len] == '\0' || detail[len] == ' ') &&
				    !walk && !strstr(detail, ":M") && /* fts: a MATCH is its index */
				    !strstr(detail, "INDEX action_open")) { /* holds open items only */
					fprintf(stderr, "full scan: %s\n  in: %s\n", detail, seen[i]);
					bad++;
				}
			}
		}
		db_release(st);
		checked++;
	}
	fprintf(stderr, "# %d queries checked\n", checked);
	assert_true(checked > 20);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_full_scan_on_a_keystroke),
	};
	return cmocka_run_group_tests_name("plans", tests, setup, teardown);
}
