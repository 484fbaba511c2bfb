/* Full-text search: every kind is found, ranking is sane, snippets mark
 * the words, and nothing a person types can break the query. */
#include "testutil.h"

#include "core/search.h"
#include "core/store.h"

static struct db *db;

#define add(...) test_add(db, __VA_ARGS__)

static int setup(void **state)
{
	struct rp_err err;
	(void)state;
	test_make_dir();
	test_set_now("2026-11-25 09:00");
	if (store_open(test_path("search.db"), 0, &db, &err) != RP_OK)
		return -1;
	add(K_PERSON, "name=Dr. Jane Okafor", "org=St. Mary's Hospital",
	    "notes=Met at the résidence interest group", NULL);
	add(K_PERSON, "name=Dr. Tom Reyes", "expectations=Interview practice, twice a month", NULL);
	add(K_GOAL, "title=Land a hospitalist job", "description=Interview at three hospitals", NULL);
	add(K_MILESTONE, "goal=1", "title=Interview rehearsal", NULL);
	add(K_MEETING, "with=1", "at=2026-11-20 10:00", "agenda=CV review",
	    "notes=Interview interview interview: the STAR shape", NULL);
	add(K_ACTION, "meeting=1", "text=Send the CV to the hiring manager", NULL);
	add(K_GRATITUDE, "to=1", "body=Thank you for the interview tips", NULL);
	add(K_CHECKIN, "mood=4", "did=Two interview answers rewritten", NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(db);
	test_remove_dir();
	return 0;
}

static int find(const char *q, enum kind_id kind, struct hit **hits, int *total)
{
	int n;
	struct rp_err err;
	if (search_run(db, q, kind, 50, hits, &n, total, &err) != RP_OK)
		fail_msg("search '%s': %s", q, err.msg);
	return n;
}

static int has(const struct hit *h, int n, enum kind_id kind, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (h[i].kind == kind && h[i].id == id)
			return 1;
	return 0;
}

static void test_every_kind_is_found(void **state)
{
	struct hit *h;
	int total, n = find("interview", K_COUNT, &h, &total);
	(void)state;
	assert_int_equal(n, 6); /* all but Jane and the action item */
	assert_int_equal(total, 6);
	for (enum kind_id k = K_GOAL; k < K_COUNT; k++)
		if (k != K_ACTION)
			assert_true(has(h, n, k, 1));
	assert_true(has(h, n, K_PERSON, 2));
	assert_false(has(h, n, K_ACTION, 1));
	/* grouped by kind, in the kinds' order */
	for (int i = 1; i < n; i++)
		assert_true(h[i - 1].kind <= h[i].kind);
	free(h);
}

static void test_ranking_prefers_the_denser_match(void **state)
{
	struct hit *h;
	int total, n;
	(void)state;
	/* a newer meeting that says it once in a long text ranks below the
	 * older one that says it three times (so not by date, either way) */
	add(K_MEETING, "with=1", "at=2026-11-22 10:00", "agenda=A long talk",
	    "notes=About the rota, the exams, the move, the family, a book, and once the interview",
	    NULL);
	n = find("interview", K_MEETING, &h, &total);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].id, 1);
	assert_int_equal(h[1].id, 2);
	free(h);
	/* within goals, the short title beats the long text, the newer beating
	 * the older this time */
	add(K_GOAL, "title=Interview", NULL);
	n = find("interview", K_GOAL, &h, &total);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].id, 2);
	free(h);
}

static void test_snippets_mark_the_words(void **state)
{
	struct hit *h;
	int total, n = find("hiring", K_COUNT, &h, &total);
	(void)state;
	assert_int_equal(n, 1);
	assert_non_null(strstr(h[0].snippet, "\x01hiring\x02"));
	free(h);
}

static void test_prefixes_phrases_accents(void **state)
{
	struct hit *h;
	int total;
	(void)state;
	assert_int_equal(find("interv*", K_CHECKIN, &h, &total), 1);
	free(h);
	assert_int_equal(find("hosp*", K_COUNT, &h, &total), 2); /* hospital, hospitalist */
	free(h);
	assert_int_equal(find("\"interest group\"", K_COUNT, &h, &total), 1);
	free(h);
	assert_int_equal(find("\"group interest\"", K_COUNT, &h, &total), 0);
	free(h);
	assert_int_equal(find("residence", K_COUNT, &h, &total), 1); /* résidence */
	free(h);
	assert_int_equal(find("okafor review", K_COUNT, &h, &total), 0); /* all words must match */
	free(h);
}

static void test_nothing_typed_can_break_the_query(void **state)
{
	static const char *const nasty[] = {"AND", "OR NOT", "\"", "\"unclosed phrase", "(((",
	                                    "a:b", "col:interview", "*", "^interview", "NEAR(x y)",
	                                    "-interview", "interview\"\"", "{kind}: x", NULL};
	struct hit *h;
	int total;
	(void)state;
	for (int i = 0; nasty[i]; i++) {
		struct rp_err err;
		int n;
		if (search_run(db, nasty[i], K_COUNT, 10, &h, &n, &total, &err) != RP_OK)
			fail_msg("'%s' gave an error: %s", nasty[i], err.msg);
		free(h);
	}
	int plain = find("interview", K_COUNT, &h, &total);
	free(h);
	assert_int_equal(find("-interview", K_COUNT, &h, &total), plain); /* just the word */
	free(h);
}

static void test_only_punctuation_is_no_search(void **state)
{
	char q[64];
	struct hit *h;
	int total;
	(void)state;
	assert_int_equal(search_build_query("!!! ... --", q, sizeof q), 0);
	assert_int_equal(find("?!", K_COUNT, &h, &total), 0);
	assert_int_equal(total, 0);
	free(h);
	assert_int_equal(search_build_query("say \"hi there\" interv*", q, sizeof q), 3);
	assert_string_equal(q, "\"say\" \"hi there\" \"interv\"*");
}

static void test_trash_and_edits_follow(void **state)
{
	struct hit *h;
	struct rec r;
	int total;
	(void)state;
	assert_int_equal(rec_trash(db, K_ACTION, 1, NULL), RP_OK);
	assert_int_equal(find("hiring", K_COUNT, &h, &total), 0);
	free(h);
	assert_int_equal(rec_restore(db, K_ACTION, 1, NULL), RP_OK);
	assert_int_equal(find("hiring", K_COUNT, &h, &total), 1);
	free(h);
	assert_int_equal(rec_get(db, K_PERSON, 1, &r, NULL), RP_OK);
	rec_set(db, &r, kind_field_index(r.kind, "notes"), "Now a mentor in cardiology", NULL);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	rec_free(&r);
	assert_int_equal(find("résidence", K_COUNT, &h, &total), 0);
	free(h);
	assert_int_equal(find("cardiology", K_PERSON, &h, &total), 1);
	free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_is_found),
		cmocka_unit_test(test_ranking_prefers_the_denser_match),
		cmocka_unit_test(test_snippets_mark_the_words),
		cmocka_unit_test(test_prefixes_phrases_accents),
		cmocka_unit_test(test_nothing_typed_can_break_the_query),
		cmocka_unit_test(test_only_punctuation_is_no_search),
		cmocka_unit_test(test_trash_and_edits_follow),
	};
	return cmocka_run_group_tests_name("search", tests, setup, teardown);
}
