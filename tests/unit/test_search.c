/* Full-text search: every kind is found, ranking is sane, snippets mark
 * the words, and nothing a person types can break the query. */
#include "testutil.h"

#include "core/search.h"
#include "core/search_index.h"
#include "core/store.h"
#include "db/db.h"
#include "db/schema.h"

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
	assert_int_equal(find("reyes review", K_COUNT, &h, &total), 0); /* all words must match */
	free(h);
}

/* The last word's prefix is read only when the words as typed do not fill
 * the page: FTS5 reads a prefix whole, which at a million rows is the slow
 * part of a search; a page of exact matches needs no completions. */
static void test_a_full_page_of_the_word_needs_no_prefix(void **state)
{
	(void)state;
	struct hit *h;
	struct rp_err err;
	int n, total, word;
	int64_t g = add(K_GOAL, "title=Meet the interviewer", NULL);
	/* the rows with the word itself (quoted: as typed) */
	assert_int_equal(search_run(db, "\"interview\"", K_COUNT, 50, &h, &n, &word, &err), RP_OK);
	free(h);
	assert_true(word >= 3 && word < 49);
	assert_int_equal(search_run(db, "interview", K_COUNT, 3, &h, &n, &total, &err), RP_OK);
	assert_int_equal(n, 3);
	assert_int_equal(total, word); /* they fill a page of 3: the word alone */
	assert_false(has(h, n, K_GOAL, g));
	free(h);
	assert_int_equal(search_run(db, "interview", K_COUNT, 50, &h, &n, &total, &err), RP_OK);
	assert_int_equal(total, word + 1); /* they do not fill 50: the completions too */
	assert_true(has(h, n, K_GOAL, g));
	free(h);
	assert_int_equal(search_run(db, "interviewe", K_COUNT, 3, &h, &n, &total, &err), RP_OK);
	assert_int_equal(total, 1); /* no such word: its completions */
	assert_true(has(h, n, K_GOAL, g));
	free(h);
}

/* The last word is a prefix while it is typed (unless quoted or followed
 * by a space); a meeting, a note or an action is found by its person's
 * name, also after the person is renamed. */
static void test_last_word_and_the_person_s_name(void **state)
{
	char q[64];
	struct hit *h;
	struct rec r;
	int total;
	(void)state;
	assert_int_equal(search_build_query("observ", q, sizeof q), 1);
	assert_string_equal(q, "\"observ\"*");
	assert_int_equal(search_build_query("cv interv", q, sizeof q), 2);
	assert_string_equal(q, "\"cv\" \"interv\"*");
	assert_int_equal(search_build_query("interv ", q, sizeof q), 1); /* a space: a whole word */
	assert_string_equal(q, "\"interv\"");
	assert_int_equal(search_build_query("\"interv\"", q, sizeof q), 1); /* quoted: as typed */
	assert_string_equal(q, "\"interv\"");
	assert_int_equal(find("rehears", K_MILESTONE, &h, &total), 1);
	free(h);
	assert_int_equal(find("okafor star", K_MEETING, &h, &total), 1);
	free(h);
	assert_int_equal(find("okafor hiring", K_ACTION, &h, &total), 1); /* through its meeting */
	free(h);
	assert_int_equal(find("okafor tips", K_GRATITUDE, &h, &total), 1);
	free(h);
	assert_int_equal(find("reyes star", K_MEETING, &h, &total), 0); /* not with Tom */
	free(h);
	assert_int_equal(rec_get(db, K_PERSON, 1, &r, NULL), RP_OK);
	rec_set(db, &r, kind_field_index(r.kind, "name"), "Dr. Jane Adeyemi", NULL);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	assert_int_equal(find("adeyemi star", K_MEETING, &h, &total), 1);
	free(h);
	assert_int_equal(find("adeyemi hiring", K_ACTION, &h, &total), 1);
	free(h);
	assert_int_equal(find("okafor star ", K_MEETING, &h, &total), 0);
	free(h);
	rec_set(db, &r, kind_field_index(r.kind, "name"), "Dr. Jane Okafor", NULL);
	assert_int_equal(rec_update(db, &r, NULL), RP_OK);
	rec_free(&r);
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

/* A row of kind k that passes validation, with word in field `with` (or
 * in no field when with < 0): required fields get a plain value by type,
 * references the first row of their kind (setup made one of each). */
static int64_t add_with_word(struct db *d, enum kind_id k, int with, const char *word)
{
	static int day = 0;
	const struct kind *kind = kind_get(k);
	struct rec r;
	struct rp_err err;
	int64_t id;
	rec_init(&r, k);
	for (int f = 0; f < kind->nfields; f++) {
		const struct field *fd = &kind->fields[f];
		char text[32];
		const char *v = NULL;
		if (f == with)
			v = word;
		else if (!(fd->flags & FF_REQUIRED) || fd->def)
			continue;
		else if (fd->type == F_REF)
			v = "1";
		else if (fd->type == F_INSTANT)
			v = "2026-11-20 10:00";
		else if (fd->type == F_DATE) { /* a check-in's day is its own */
			snprintf(text, sizeof text, "2020-%02d-%02d", 1 + day / 28, 1 + day % 28);
			day++;
			v = text;
		} else if (fd->type == F_CHOICE)
			v = fd->choices[0];
		else
			v = "plain";
		if (rec_set(d, &r, f, v, &err) != RP_OK)
			fail_msg("%s.%s = %s: %s", kind->name, fd->col, v, err.msg);
	}
	if (rec_insert(d, &r, &err) != RP_OK)
		fail_msg("%s: %s", kind->name, err.msg);
	id = r.id;
	rec_free(&r);
	return id;
}

/* A field that holds free words a person types (not a choice, a date, an
 * e-mail address or a number). */
static int holds_words(const struct field *f)
{
	return (f->type == F_TEXT || f->type == F_LONGTEXT || f->type == F_TAGS) &&
	       !(f->flags & (FF_EMAIL | FF_HIDDEN));
}

/* Read from the kind table: a word in a field marked FF_SEARCH is found,
 * as a row of its kind and no other, and a word in any other field of
 * words is not.  A new kind is covered with no change here. */
static void test_each_searched_field_of_each_kind_is_found(void **state)
{
	int searched = 0, unsearched = 0, flagged = 0;
	(void)state;
	for (int k = 0; k < K_COUNT; k++)
		for (int f = 0; f < kind_get((enum kind_id)k)->nfields; f++)
			flagged += (kind_get((enum kind_id)k)->fields[f].flags & FF_SEARCH) != 0;
	for (int k = 0; k < K_COUNT; k++) {
		const struct kind *kind = kind_get((enum kind_id)k);
		for (int f = 0; f < kind->nfields; f++) {
			char word[32];
			struct hit *h;
			int total, n;
			int64_t id;
			if (!holds_words(&kind->fields[f]))
				continue;
			snprintf(word, sizeof word, "zq%dx%d", k, f);
			id = add_with_word(db, (enum kind_id)k, f, word);
			n = find(word, K_COUNT, &h, &total);
			if (!(kind->fields[f].flags & FF_SEARCH)) {
				if (n != 0)
					fail_msg("%s.%s is not searched but was found", kind->name,
					         kind->fields[f].col);
				free(h);
				unsearched++;
				continue;
			}
			if (n != 1 || h[0].kind != (enum kind_id)k || h[0].id != id)
				fail_msg("%s.%s: %d hits, wanted %s #%lld", kind->name, kind->fields[f].col, n,
				         kind->name, (long long)id);
			free(h);
			/* the kind filter keeps it, another kind's drops it */
			assert_int_equal(find(word, (enum kind_id)k, &h, &total), 1);
			free(h);
			assert_int_equal(find(word, k == K_PERSON ? K_GOAL : K_PERSON, &h, &total), 0);
			free(h);
			searched++;
		}
	}
	assert_true(flagged >= 20);            /* kind.c marks 20 today */
	assert_int_equal(searched, flagged); /* each one holds words, and was tried */
	assert_true(unsearched > 0);         /* phone, channel, ... */
}

/* The triggers in the file are the kind table's; one lost (or a kind's
 * fields changed) is seen by check and made again at the next open, with
 * what was written meanwhile indexed. */
static void test_triggers_come_from_the_kind_table(void **state)
{
	const char *path = test_path("triggers.db");
	char report[512];
	struct db *d;
	struct rp_err err;
	struct hit *h;
	int problems, n, total;
	(void)state;
	assert_int_equal(store_open(path, 0, &d, &err), RP_OK);
	assert_int_equal(search_index_current(d, &err), 1);
	add_with_word(d, K_PERSON, 0, "Before");
	store_close(d);
	test_sql_run(path, "DROP TRIGGER person_search_ins;"
	                   " INSERT INTO person(uuid, name, created_at, updated_at)"
	                   " VALUES('u-1', 'Unindexed Lee', 1, 1);");
	assert_int_equal(store_open(path, STORE_READONLY, &d, &err), RP_OK);
	assert_int_equal(search_index_current(d, &err), 0);
	assert_int_equal(store_check(d, report, sizeof report, &problems, &err), RP_OK);
	assert_int_equal(problems, 1);
	assert_non_null(strstr(report, "triggers"));
	store_close(d);
	assert_int_equal(store_open(path, 0, &d, &err), RP_OK);
	assert_int_equal(search_index_current(d, &err), 1);
	assert_int_equal(search_run(d, "unindexed", K_COUNT, 10, &h, &n, &total, &err), RP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].kind, K_PERSON);
	free(h);
	assert_int_equal(search_run(d, "before", K_PERSON, 10, &h, &n, &total, &err), RP_OK);
	assert_int_equal(n, 1);
	free(h);
	store_close(d);
}

/* A file of schema 7 (the index numbered id * 8 + kind) is upgraded: a
 * backup of it first, then every row of every kind found as before. */
static void test_the_old_index_is_migrated(void **state)
{
	const char *path = test_path("v7.db");
	struct db *d;
	struct rp_err err;
	/* the kinds a version 7 file holds (person to checkin); kinds added
	 * since have no table there */
	enum { AT_V7 = 7 };
	int64_t ids[AT_V7];
	char backup[600];
	(void)state;
	assert_int_equal(schema_steps[6].version, 7);
	assert_int_equal(db_open(path, 0, schema_steps, 7, &d, &err), RP_OK);
	/* written as a version 7 rapport wrote them: by SQL, since today's
	 * kinds have columns a version 7 table lacks; each row holds its word
	 * in a field the index takes */
	static const char *const rows[AT_V7] = {
		"INSERT INTO person(uuid, name, created_at, updated_at) VALUES('u0', 'zqold0', 1, 1)",
		"INSERT INTO goal(uuid, title, created_at, updated_at) VALUES('u1', 'zqold1', 1, 1)",
		"INSERT INTO milestone(uuid, goal_id, title, created_at, updated_at)"
		" VALUES('u2', 1, 'zqold2', 1, 1)",
		"INSERT INTO meeting(uuid, person_id, start_at, location, created_at, updated_at)"
		" VALUES('u3', 1, 1795593600, 'zqold3', 1, 1)",
		"INSERT INTO action_item(uuid, meeting_id, text, created_at, updated_at)"
		" VALUES('u4', 1, 'zqold4', 1, 1)",
		"INSERT INTO gratitude(uuid, person_id, body, created_at, updated_at)"
		" VALUES('u5', 1, 'zqold5', 1, 1)",
		"INSERT INTO checkin(uuid, day, did, created_at, updated_at)"
		" VALUES('u6', '2020-01-01', 'zqold6', 1, 1)",
	};
	for (int k = 0; k < AT_V7; k++) {
		assert_int_equal(db_exec(d, rows[k], &err), RP_OK);
		ids[k] = 1;
	}
	db_close(d);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM fts WHERE rowid % 8 = 6"), 1);

	assert_int_equal(store_open(path, 0, &d, &err), RP_OK);
	snprintf(backup, sizeof backup, "%s", store_upgrade_backup(d));
	assert_non_null(strstr(backup, "v7.db.v7-"));
	for (int k = 0; k < AT_V7; k++) {
		char word[32];
		struct hit *h;
		int n, total;
		snprintf(word, sizeof word, "zqold%d", k);
		/* by kind: a person's name is in their meetings' words too */
		assert_int_equal(search_run(d, word, (enum kind_id)k, 10, &h, &n, &total, &err), RP_OK);
		assert_int_equal(n, 1);
		assert_int_equal(h[0].kind, (enum kind_id)k);
		assert_int_equal(h[0].id, ids[k]);
		free(h);
	}
	store_close(d);
	assert_int_equal(test_sql_int(path, "PRAGMA user_version"), schema_steps[schema_nsteps - 1].version);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_master WHERE name GLOB '*_fts_*'"), 0);
	assert_int_equal(test_sql_int(backup, "PRAGMA user_version"), 7);
	assert_int_equal(test_sql_int(backup, "SELECT count(*) FROM fts"), AT_V7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_is_found),
		cmocka_unit_test(test_ranking_prefers_the_denser_match),
		cmocka_unit_test(test_snippets_mark_the_words),
		cmocka_unit_test(test_prefixes_phrases_accents),
		cmocka_unit_test(test_last_word_and_the_person_s_name),
		cmocka_unit_test(test_a_full_page_of_the_word_needs_no_prefix),
		cmocka_unit_test(test_nothing_typed_can_break_the_query),
		cmocka_unit_test(test_only_punctuation_is_no_search),
		cmocka_unit_test(test_trash_and_edits_follow),
		cmocka_unit_test(test_each_searched_field_of_each_kind_is_found),
		cmocka_unit_test(test_triggers_come_from_the_kind_table),
		cmocka_unit_test(test_the_old_index_is_migrated),
	};
	return cmocka_run_group_tests_name("search", tests, setup, teardown);
}
