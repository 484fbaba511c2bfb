/* The storage wrapper: opening, refusing files that are not ours without
 * touching them, migrations with a backup, transactions, statements. */
#include "testutil.h"

#include "db/db.h"
#include "db/schema.h"

static struct db *open_ok(const char *path)
{
	struct db *db = NULL;
	struct rp_err err;
	if (db_open(path, 0, schema_steps, schema_nsteps, &db, &err) != RP_OK)
		fail_msg("open %s: %s", path, err.msg);
	return db;
}

/* Open must fail with `code`, and leave the file byte-for-byte as it was. */
static void expect_refused(const char *path, enum rp_code code, const char *words)
{
	size_t len_before, len_after;
	char *before = test_read_file(path, &len_before), *after;
	struct db *db = NULL;
	struct rp_err err = {0};
	assert_non_null(before);
	assert_int_equal(db_open(path, 0, schema_steps, schema_nsteps, &db, &err), code);
	assert_null(db);
	assert_non_null(strstr(err.msg, path));
	if (!strstr(err.msg, words))
		fail_msg("message '%s' lacks '%s'", err.msg, words);
	after = test_read_file(path, &len_after);
	assert_non_null(after);
	assert_int_equal(len_before, len_after);
	assert_memory_equal(before, after, len_before);
	free(before);
	free(after);
	/* and no journal or WAL was left beside it */
	char side[600];
	snprintf(side, sizeof side, "%s-wal", path);
	assert_int_not_equal(access(side, F_OK), 0);
	snprintf(side, sizeof side, "%s-journal", path);
	assert_int_not_equal(access(side, F_OK), 0);
}

static void test_new_file_is_stamped_private_and_wal(void **state)
{
	const char *path = test_path("new.db");
	struct stat sb;
	mode_t old = umask(0);
	struct db *db;
	(void)state;
	db = open_ok(path);
	umask(old);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(db_schema_version(db), schema_steps[schema_nsteps - 1].version);
	db_close(db);
	assert_int_equal(test_sql_int(path, "PRAGMA application_id"), DB_APPLICATION_ID);
	assert_int_equal(test_sql_int(path, "PRAGMA user_version"), schema_steps[schema_nsteps - 1].version);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_master WHERE name='person'"), 1);
	/* WAL is a property of the file: it persists after close */
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	sqlite3_close(h);
}

static void test_pragmas_on_the_connection(void **state)
{
	struct db *db = open_ok(test_path("pragmas.db"));
	struct db_stmt *st;
	(void)state;
	assert_int_equal(db_prepare(db, "PRAGMA foreign_keys", &st, NULL), RP_OK);
	assert_int_equal(db_step(st, NULL), DB_ROW);
	assert_int_equal(db_col_int(st, 0), 1);
	db_release(st);
	assert_int_equal(db_prepare(db, "PRAGMA synchronous", &st, NULL), RP_OK);
	assert_int_equal(db_step(st, NULL), DB_ROW);
	assert_int_equal(db_col_int(st, 0), 2); /* FULL */
	db_release(st);
	assert_int_equal(db_prepare(db, "PRAGMA busy_timeout", &st, NULL), RP_OK);
	assert_int_equal(db_step(st, NULL), DB_ROW);
	assert_true(db_col_int(st, 0) >= 1000);
	db_release(st);
	db_close(db);
}

static void test_reopen_keeps_data(void **state)
{
	const char *path = test_path("reopen.db");
	struct db *db = open_ok(path);
	(void)state;
	assert_int_equal(db_exec(db,
	                         "INSERT INTO person(uuid, name, created_at, updated_at)"
	                         " VALUES('u1', 'Ada', 1, 1)",
	                         NULL),
	                 RP_OK);
	db_close(db);
	db = open_ok(path);
	assert_string_equal(db_migration_backup(db), ""); /* nothing to upgrade */
	db_close(db);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM person"), 1);
}

static void test_text_file_is_refused_untouched(void **state)
{
	const char *path = test_path("notes.txt");
	(void)state;
	test_write_file(path, "Dear diary,\nthis is not a database.\n");
	expect_refused(path, RP_ENOTRAPPORT, "not a rapport database");
}

static void test_other_programs_database_is_refused_untouched(void **state)
{
	const char *path = test_path("other.db");
	(void)state;
	test_sql_run(path, "CREATE TABLE songs(title TEXT); INSERT INTO songs VALUES('x');");
	expect_refused(path, RP_ENOTRAPPORT, "another program");
}

static void test_damaged_file_is_refused_untouched(void **state)
{
	const char *path = test_path("scribbled.db"); /* "damaged" must come from the message */
	struct db *db = open_ok(path);
	FILE *f;
	char junk[1000];
	(void)state;
	db_close(db);
	/* keep the 100-byte header, scribble over the schema page */
	memset(junk, 0xA5, sizeof junk);
	f = fopen(path, "r+b");
	assert_non_null(f);
	fseek(f, 100, SEEK_SET);
	fwrite(junk, 1, sizeof junk, f);
	fclose(f);
	expect_refused(path, RP_ENOTRAPPORT, "damaged");
}

static void test_newer_schema_is_refused_untouched(void **state)
{
	const char *path = test_path("newer.db");
	struct db *db = open_ok(path);
	(void)state;
	db_close(db);
	test_sql_run(path, "PRAGMA user_version=99;"); /* still in WAL mode */
	expect_refused(path, RP_ENEWER, "newer rapport");
}

static void test_empty_file_becomes_a_database(void **state)
{
	const char *path = test_path("empty.db");
	struct db *db;
	(void)state;
	test_write_file(path, "");
	db = open_ok(path);
	assert_int_equal(db_schema_version(db), schema_steps[schema_nsteps - 1].version);
	db_close(db);
}

static void test_folder_is_refused(void **state)
{
	struct db *db;
	struct rp_err err;
	(void)state;
	assert_int_not_equal(db_open(test_dir, 0, schema_steps, schema_nsteps, &db, &err), RP_OK);
	assert_non_null(strstr(err.msg, "folder"));
}

static void test_read_only_creates_nothing_and_writes_nothing(void **state)
{
	const char *path = test_path("ro.db");
	struct db *db = NULL;
	struct rp_err err;
	(void)state;
	assert_int_equal(db_open(path, DB_READONLY, schema_steps, schema_nsteps, &db, &err),
	                 RP_ENOTFOUND);
	assert_int_not_equal(access(path, F_OK), 0);
	db_close(open_ok(path));
	assert_int_equal(db_open(path, DB_READONLY, schema_steps, schema_nsteps, &db, &err), RP_OK);
	assert_int_equal(db_exec(db,
	                         "INSERT INTO person(uuid, name, created_at, updated_at)"
	                         " VALUES('u', 'X', 1, 1)",
	                         &err),
	                 RP_EREADONLY);
	db_close(db);
}

/* A made-up schema history, to exercise the migration runner itself. */
static const struct db_migration hist[] = {
	{1, "CREATE TABLE t(a INTEGER);"},
	{2, "ALTER TABLE t ADD COLUMN b TEXT; CREATE TABLE u(x);"},
	{3, "CREATE TABLE v(y); INSERT INTO nowhere VALUES(1);"}, /* fails half-way */
};

static void test_migration_backs_up_and_is_all_or_nothing(void **state)
{
	const char *path = test_path("migrate.db");
	struct db *db;
	struct rp_err err;
	struct stat sb;
	(void)state;
	assert_int_equal(db_open(path, 0, hist, 1, &db, &err), RP_OK);
	assert_int_equal(db_exec(db, "INSERT INTO t VALUES(42)", NULL), RP_OK);
	db_close(db);

	/* 1 -> 2: a backup of version 1 appears, holding the old data */
	assert_int_equal(db_open(path, 0, hist, 2, &db, &err), RP_OK);
	assert_int_equal(db_schema_version(db), 2);
	char backup[600];
	snprintf(backup, sizeof backup, "%s", db_migration_backup(db));
	assert_non_null(strstr(backup, "migrate.db.v1-"));
	db_close(db);
	assert_int_equal(stat(backup, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(test_sql_int(backup, "PRAGMA user_version"), 1);
	assert_int_equal(test_sql_int(backup, "SELECT a FROM t"), 42);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_master WHERE name='u'"), 1);

	/* 2 -> 3 fails: nothing of step 3 stays, the version stays 2 */
	assert_int_equal(db_open(path, 0, hist, 3, &db, &err), RP_EDB);
	assert_null(db);
	assert_non_null(strstr(err.msg, "upgrade to 3 failed"));
	assert_int_equal(test_sql_int(path, "PRAGMA user_version"), 2);
	assert_int_equal(test_sql_int(path, "SELECT count(*) FROM sqlite_master WHERE name='v'"), 0);
	assert_int_equal(test_sql_int(path, "SELECT a FROM t"), 42);
}

static void test_read_only_cannot_upgrade(void **state)
{
	const char *path = test_path("old.db");
	struct db *db;
	struct rp_err err;
	(void)state;
	assert_int_equal(db_open(path, 0, hist, 1, &db, &err), RP_OK);
	db_close(db);
	assert_int_equal(db_open(path, DB_READONLY, hist, 2, &db, &err), RP_EREADONLY);
	assert_non_null(strstr(err.msg, "without --read-only"));
	assert_int_equal(test_sql_int(path, "PRAGMA user_version"), 1);
}

static int count_rows(struct db *db)
{
	struct db_stmt *st;
	int n;
	assert_int_equal(db_prepare(db, "SELECT count(*) FROM t", &st, NULL), RP_OK);
	assert_int_equal(db_step(st, NULL), DB_ROW);
	n = (int)db_col_int(st, 0);
	db_release(st);
	return n;
}

static void test_nested_transactions(void **state)
{
	struct db *db;
	struct rp_err err;
	(void)state;
	assert_int_equal(db_open(test_path("tx.db"), 0, hist, 1, &db, &err), RP_OK);
	assert_int_equal(db_begin(db, NULL), RP_OK);
	db_exec(db, "INSERT INTO t VALUES(1)", NULL);
	assert_int_equal(db_begin(db, NULL), RP_OK);
	db_exec(db, "INSERT INTO t VALUES(2)", NULL);
	db_rollback(db); /* inner only */
	assert_int_equal(db_begin(db, NULL), RP_OK);
	db_exec(db, "INSERT INTO t VALUES(3)", NULL);
	assert_int_equal(db_commit(db, NULL), RP_OK);
	assert_int_equal(db_commit(db, NULL), RP_OK);
	assert_int_equal(count_rows(db), 2);
	assert_int_equal(db_begin(db, NULL), RP_OK);
	db_exec(db, "INSERT INTO t VALUES(4)", NULL);
	db_rollback(db);
	assert_int_equal(count_rows(db), 2);
	assert_int_not_equal(db_commit(db, &err), RP_OK); /* nothing open */
	db_close(db);
}

static void test_statements_bind_and_cache(void **state)
{
	struct db *db;
	struct db_stmt *a, *b;
	struct rp_err err;
	const char *sql = "SELECT ?1 || 'x', ?2 + 1, ?3 IS NULL";
	(void)state;
	assert_int_equal(db_open(test_path("st.db"), 0, hist, 1, &db, &err), RP_OK);
	assert_int_equal(db_prepare(db, sql, &a, NULL), RP_OK);
	/* the same SQL while the first is in use gets its own statement */
	assert_int_equal(db_prepare(db, sql, &b, NULL), RP_OK);
	assert_ptr_not_equal(a, b);
	db_bind_text(a, 1, "it's; DROP TABLE t; --"); /* a value, never SQL */
	db_bind_int(a, 2, 41);
	db_bind_text(a, 3, NULL);
	assert_int_equal(db_step(a, NULL), DB_ROW);
	assert_string_equal(db_col_text(a, 0), "it's; DROP TABLE t; --x");
	assert_int_equal(db_col_int(a, 1), 42);
	assert_int_equal(db_col_int(a, 2), 1);
	db_release(a);
	db_release(b);
	/* released: the next prepare reuses the first idle one, with its
	 * bindings cleared */
	assert_int_equal(db_prepare(db, sql, &b, NULL), RP_OK);
	assert_ptr_equal(b, a);
	assert_int_equal(db_step(b, NULL), DB_ROW);
	assert_true(db_col_is_null(b, 0));
	db_release(b);
	assert_int_equal(count_rows(db), 0);
	/* a bad statement names what failed */
	assert_int_equal(db_prepare(db, "SELECT nope FROM t", &a, &err), RP_EDB);
	assert_non_null(strstr(err.msg, "no such column"));
	db_close(db);
}

static void test_backup_copy(void **state)
{
	const char *path = test_path("b.db"), *copy = test_path("b-copy.db");
	struct db *db = open_ok(path);
	struct rp_err err;
	struct stat sb;
	(void)state;
	db_exec(db, "INSERT INTO person(uuid, name, created_at, updated_at) VALUES('u', 'Bo', 1, 1)",
	        NULL);
	assert_int_equal(db_backup(db, copy, &err), RP_OK);
	assert_int_not_equal(db_backup(db, copy, &err), RP_OK); /* never overwrites */
	db_close(db);
	assert_int_equal(stat(copy, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(test_sql_int(copy, "SELECT count(*) FROM person WHERE name='Bo'"), 1);
}

/* The folder of a file's path, one rule for every caller. */
static void test_folder_of_a_path(void **state)
{
	static const char *const cases[][2] = {
		{"rapport.db", "."},   {"./rapport.db", "."}, {"/x.db", "/"},   {"//x.db", "/"},
		{"/a/b.db", "/a"},     {"a/b/c.db", "a/b"},   {"a/", "a"},      {"/", "/"},
	};
	char dir[64];
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		db_folder_of(cases[i][0], dir, sizeof dir);
		if (strcmp(dir, cases[i][1]) != 0)
			fail_msg("'%s': folder '%s', wanted '%s'", cases[i][0], dir, cases[i][1]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_file_is_stamped_private_and_wal),
		cmocka_unit_test(test_pragmas_on_the_connection),
		cmocka_unit_test(test_reopen_keeps_data),
		cmocka_unit_test(test_text_file_is_refused_untouched),
		cmocka_unit_test(test_other_programs_database_is_refused_untouched),
		cmocka_unit_test(test_damaged_file_is_refused_untouched),
		cmocka_unit_test(test_newer_schema_is_refused_untouched),
		cmocka_unit_test(test_empty_file_becomes_a_database),
		cmocka_unit_test(test_folder_is_refused),
		cmocka_unit_test(test_read_only_creates_nothing_and_writes_nothing),
		cmocka_unit_test(test_migration_backs_up_and_is_all_or_nothing),
		cmocka_unit_test(test_folder_of_a_path),
		cmocka_unit_test(test_read_only_cannot_upgrade),
		cmocka_unit_test(test_nested_transactions),
		cmocka_unit_test(test_statements_bind_and_cache),
		cmocka_unit_test(test_backup_copy),
	};
	return cmocka_run_group_tests_name("db", tests, test_group_setup, test_group_teardown);
}
