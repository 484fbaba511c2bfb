/* testutil.h - shared by the cmocka unit tests: a private temporary folder,
 * a fixed clock and time zone, and a fresh database. */
#ifndef RAPPORT_TESTUTIL_H
#define RAPPORT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the four above first */
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/rec.h"

static char test_dir[256];

static inline void test_make_dir(void)
{
	snprintf(test_dir, sizeof test_dir, "%s/rapport-unit.XXXXXX",
	         getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(test_dir))
		abort();
}

static inline void test_remove_dir(void)
{
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", test_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", test_dir);
}

/* For cmocka groups that only need the folder. */
static inline int test_group_setup(void **state)
{
	(void)state;
	test_make_dir();
	return 0;
}

static inline int test_group_teardown(void **state)
{
	(void)state;
	test_remove_dir();
	return 0;
}

static inline const char *test_path(const char *leaf)
{
	static char paths[8][512];
	static int next;
	char *p = paths[next++ % 8];
	snprintf(p, 512, "%s/%s", test_dir, leaf);
	return p;
}

/* Freeze the clock at a local time in Berlin (so the UTC offset matters). */
static inline void test_set_now(const char *local)
{
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	setenv("RAPPORT_NOW", local, 1);
	if (clock_init(NULL) != 0)
		abort();
}

static inline void test_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f)
		abort();
	fputs(text, f);
	fclose(f);
}

/* The whole file, malloc'd (size in *len), or NULL. */
static inline char *test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		*len = (size_t)n;
	}
	return buf;
}

/* The first column of the first row of sql, read straight from the file
 * (not through rapport), or -1. */
static inline int test_sql_int(const char *path, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return v;
}

/* Run sql on the file straight, as another program would. */
static inline void test_sql_run(const char *path, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

/* Insert a row from "field=value" pairs (NULL-terminated), as a user would
 * type them; fails the test on any refusal.  Returns the id. */
static inline int64_t test_add(struct db *db, enum kind_id k, ...)
{
	struct rec r;
	struct rp_err err;
	va_list ap;
	const char *pair;
	int64_t id;
	rec_init(&r, k);
	va_start(ap, k);
	while ((pair = va_arg(ap, const char *))) {
		char name[64];
		const char *eq = strchr(pair, '=');
		int f;
		snprintf(name, sizeof name, "%.*s", (int)(eq - pair), pair);
		f = kind_field_index(r.kind, name);
		if (f < 0)
			fail_msg("no field %s", name);
		if (rec_set(db, &r, f, eq + 1, &err) != RP_OK)
			fail_msg("%s: %s", pair, err.msg);
	}
	va_end(ap);
	if (rec_insert(db, &r, &err) != RP_OK)
		fail_msg("insert: %s", err.msg);
	id = r.id;
	rec_free(&r);
	return id;
}

#endif
