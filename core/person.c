#include "core/person.h"
#include "core/rec.h"
#include "core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db/db.h"

#define MAX_CANDIDATES 8

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int resolve_id(struct db *db, const char *text, int64_t *id, struct rp_err *err)
{
	struct db_stmt *st;
	int rc;
	long long v = strtoll(text, NULL, 10);
	if (db_prepare(db, "SELECT deleted_at IS NOT NULL FROM person WHERE id = ?1", &st, err))
		return rp_code(err, RP_EDB);
	db_bind_int(st, 1, v);
	rc = db_step(st, err);
	if (rc == DB_ROW && db_col_int(st, 0) == 0) {
		*id = v;
		db_release(st);
		return RP_OK;
	}
	db_release(st);
	if (rc == DB_FAIL)
		return rp_code(err, RP_EDB);
	if (rc == DB_ROW)
		return rp_fail(err, RP_ENOTFOUND, "person #%lld is in the trash (rapport restore person %lld)",
		               v, v);
	return rp_fail(err, RP_ENOTFOUND, "no person #%lld", v);
}

int person_resolve(struct db *db, const char *text, int64_t *id, struct rp_err *err)
{
	struct db_stmt *st;
	char pattern[512], list[400];
	size_t j = 0;
	int n = 0, exact = 0, rc;
	int64_t ids[MAX_CANDIDATES + 1], exact_id = 0;

	while (*text == ' ')
		text++;
	if (!*text)
		return rp_fail(err, RP_EINVAL, "no person given");
	if (*text == '#' && all_digits(text + 1))
		text++;
	if (all_digits(text))
		return resolve_id(db, text, id, err);
	if (strlen(text) > 200)
		return rp_fail(err, RP_EINVAL, "person name too long");
	/* LIKE with the user's text as a literal: escape its wildcards. */
	pattern[j++] = '%';
	for (const char *p = text; *p && j < sizeof pattern - 3; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			pattern[j++] = '\\';
		pattern[j++] = *p;
	}
	pattern[j++] = '%';
	pattern[j] = '\0';

	if (db_prepare(db,
	               "SELECT id, name FROM person WHERE deleted_at IS NULL"
	               " AND name LIKE ?1 ESCAPE '\\' ORDER BY name COLLATE NOCASE, id LIMIT ?2",
	               &st, err))
		return rp_code(err, RP_EDB);
	db_bind_text(st, 1, pattern);
	db_bind_int(st, 2, MAX_CANDIDATES + 1);
	list[0] = '\0';
	while ((rc = db_step(st, err)) == DB_ROW) {
		const char *name = db_col_text(st, 1);
		ids[n] = db_col_int(st, 0);
		if (strcasecmp(name, text) == 0) {
			exact++;
			exact_id = ids[n];
		}
		if (n < MAX_CANDIDATES) {
			size_t used = strlen(list);
			snprintf(list + used, sizeof list - used, "%s%s (#%lld)", n ? ", " : "", name,
			         (long long)ids[n]);
		}
		n++;
	}
	db_release(st);
	if (rc == DB_FAIL)
		return rp_code(err, RP_EDB);
	if (n == 0)
		return rp_fail(err, RP_ENOTFOUND, "no person matches '%s'", text);
	if (exact == 1 || n == 1) {
		*id = exact == 1 ? exact_id : ids[0];
		return RP_OK;
	}
	return rp_fail(err, RP_EAMBIG, "'%s' matches %s%d people: %s%s; give more of the name or the id",
	               text, n > MAX_CANDIDATES ? "more than " : "", n > MAX_CANDIDATES ? MAX_CANDIDATES : n,
	               list, n > MAX_CANDIDATES ? ", ..." : "");
}

void person_name(struct db *db, int64_t id, char *buf, size_t n)
{
	struct db_stmt *st;
	buf[0] = '\0';
	if (db_prepare(db, "SELECT name FROM person WHERE id = ?1", &st, NULL))
		return;
	db_bind_int(st, 1, id);
	if (db_step(st, NULL) == DB_ROW)
		utf8_copy(buf, n, db_col_text(st, 0));
	db_release(st);
}

int64_t person_last_met(struct db *db, int64_t id)
{
	struct db_stmt *st;
	int64_t t = 0;
	if (db_prepare(db,
	               /* kept on the person's contact row (core/contact_cache.c) */
	               "SELECT last_met FROM person_contact WHERE person_id = ?1",
	               &st, NULL))
		return 0;
	db_bind_int(st, 1, id);
	if (db_step(st, NULL) == DB_ROW)
		t = db_col_int(st, 0);
	db_release(st);
	return t;
}

int64_t person_last_met_trashed(struct db *db, int64_t id, int64_t trashed_at)
{
	struct db_stmt *st;
	int64_t t = 0;
	if (db_prepare(db,
	               /* walks meeting_person backwards and stops at the first hit */
	               "SELECT start_at FROM meeting WHERE person_id = ?1 AND status = 'done'"
	               " AND (deleted_at IS NULL OR deleted_at = ?2) ORDER BY start_at DESC LIMIT 1",
	               &st, NULL))
		return 0;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, trashed_at);
	if (db_step(st, NULL) == DB_ROW)
		t = db_col_int(st, 0);
	db_release(st);
	return t;
}

int person_names_each(struct db *db, const int64_t *ids, int n, char *names, size_t size,
                      struct rp_err *err)
{
	struct db_stmt *st;
	int rc;
	for (int i = 0; i < n; i++)
		names[(size_t)i * size] = '\0';
	if (db_prepare(db, "SELECT id, name FROM person WHERE id IN (SELECT value FROM json_each(?1))",
	               &st, err))
		return rp_code(err, RP_EDB);
	if (!db_bind_ids(st, 1, ids, n)) {
		db_release(st);
		return rp_fail(err, RP_EIO, "out of memory");
	}
	while ((rc = db_step(st, err)) == DB_ROW)
		for (int i = 0; i < n; i++)
			if (ids[i] == db_col_int(st, 0))
				utf8_copy(names + (size_t)i * size, size, db_col_text(st, 1));
	db_release(st);
	return rc == DB_FAIL ? rp_code(err, RP_EDB) : RP_OK;
}

static const char *const group_titles[][2] = {
	{"mentor", "Mentors"}, {"mentee", "Mentees"}, {"peer", "Peers"}};

const char *person_group_role(struct db *db)
{
	const char *title = person_group_title(db);
	for (size_t i = 0; i < sizeof group_titles / sizeof group_titles[0]; i++)
		if (strcmp(title, group_titles[i][1]) == 0)
			return group_titles[i][0];
	return NULL;
}

void person_start(struct db *db, struct rec *r)
{
	const char *role = person_group_role(db);
	if (role)
		rec_set(db, r, kind_field_index(r->kind, "role"), role, NULL);
}

const char *person_group_title(struct db *db)
{
	const char *const(*titles)[2] = group_titles;
	struct db_stmt *st;
	const char *title = "People";
	/* the first and last role in the index: one probe each */
	if (db_prepare(db,
	               "SELECT (SELECT min(role) FROM person WHERE deleted_at IS NULL),"
	               " (SELECT max(role) FROM person WHERE deleted_at IS NULL)",
	               &st, NULL))
		return title;
	if (db_step(st, NULL) == DB_ROW && db_col_text(st, 0) && db_col_text(st, 1) &&
	    strcmp(db_col_text(st, 0), db_col_text(st, 1)) == 0)
		for (size_t i = 0; i < sizeof group_titles / sizeof group_titles[0]; i++)
			if (strcmp(db_col_text(st, 0), titles[i][0]) == 0)
				title = titles[i][1];
	db_release(st);
	return title;
}
