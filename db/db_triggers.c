/* db_triggers.c - sets of triggers the program writes (db.h). */
#include <stdio.h>
#include <string.h>

#include "db/db.h"

#define NAME_MAX_LEN 96
#define SQL_MAX_LEN 2048

/* Make each trigger of the set (make), or drop each by name. */
static int each_trigger(struct db *db, const struct db_trigger_set *set, int make,
                        struct rp_err *err)
{
	char name[NAME_MAX_LEN], sql[SQL_MAX_LEN], drop[NAME_MAX_LEN + 32];
	int rc;
	for (int i = 0; (rc = set->gen(i, name, sizeof name, sql, sizeof sql)) != 0; i++) {
		if (rc < 0)
			return rp_fail(err, RP_EDB, "%s: the trigger is too long", name);
		snprintf(drop, sizeof drop, "DROP TRIGGER IF EXISTS %s", name);
		if (db_exec(db, make ? sql : drop, err) != RP_OK)
			return rp_code(err, RP_EDB);
	}
	return RP_OK;
}

/* Every trigger the file has under the set's names, also those gen no
 * longer makes. */
static int drop_all(struct db *db, const struct db_trigger_set *set, struct rp_err *err)
{
	char drop[160];
	struct db_stmt *st;
	int rc;
	do { /* one at a time: a drop changes what the query reads */
		if (db_prepare(db,
		               "SELECT name FROM sqlite_master WHERE type = 'trigger'"
		               " AND name LIKE ?1 ESCAPE '\\' LIMIT 1",
		               &st, err) != RP_OK)
			return rp_code(err, RP_EDB);
		db_bind_text(st, 1, set->like);
		rc = db_step(st, err);
		if (rc == DB_ROW)
			snprintf(drop, sizeof drop, "DROP TRIGGER \"%.128s\"", db_col_text(st, 0));
		db_release(st);
		if (rc == DB_FAIL || (rc == DB_ROW && db_exec(db, drop, err) != RP_OK))
			return rp_code(err, RP_EDB);
	} while (rc == DB_ROW);
	return RP_OK;
}

/* Is the trigger `have` (its statement `text`) one gen makes, word for word? */
static int made_by_gen(const struct db_trigger_set *set, const char *have, const char *text)
{
	char name[NAME_MAX_LEN], sql[SQL_MAX_LEN];
	for (int j = 0; set->gen(j, name, sizeof name, sql, sizeof sql) > 0; j++)
		if (have && strcmp(name, have) == 0)
			return text && strcmp(sql, text) == 0;
	return 0;
}

int db_triggers_current(struct db *db, const struct db_trigger_set *set, struct rp_err *err)
{
	char name[NAME_MAX_LEN], sql[SQL_MAX_LEN];
	struct db_stmt *st;
	int rc, i = 0, same = 1, made = 0;
	/* the file's triggers, by name, against the generated ones */
	if (db_prepare(db,
	               "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
	               " AND name LIKE ?1 ESCAPE '\\' ORDER BY name",
	               &st, err) != RP_OK)
		return -1;
	db_bind_text(st, 1, set->like);
	while (same && (rc = db_step(st, err)) == DB_ROW) {
		same = made_by_gen(set, db_col_text(st, 0), db_col_text(st, 1));
		i++;
	}
	db_release(st);
	if (same && rc == DB_FAIL)
		return -1;
	/* and none is missing */
	while (set->gen(made, name, sizeof name, sql, sizeof sql) > 0)
		made++;
	return same && i == made;
}

int db_triggers_pause(struct db *db, const struct db_trigger_set *set, struct rp_err *err)
{
	return each_trigger(db, set, 0, err);
}

int db_triggers_resume(struct db *db, const struct db_trigger_set *set, struct rp_err *err)
{
	if (set->fill(db, err) != RP_OK || each_trigger(db, set, 1, err) != RP_OK)
		return rp_code(err, RP_EDB);
	return RP_OK;
}

int db_triggers_ensure(struct db *db, const struct db_trigger_set *set, struct rp_err *err)
{
	int rc = db_triggers_current(db, set, err);
	if (rc != 0 || db_is_readonly(db))
		return rc < 0 ? rp_code(err, RP_EDB) : RP_OK;
	if (db_begin(db, err) != RP_OK)
		return rp_code(err, RP_EDB);
	/* another rapport may have made them since: ask again inside the lock */
	rc = db_triggers_current(db, set, err);
	if (rc == 0)
		rc = drop_all(db, set, err) == RP_OK && db_triggers_resume(db, set, err) == RP_OK ? 1 : -1;
	if (rc < 0) {
		db_rollback(db);
		char what[96];
		snprintf(what, sizeof what, "cannot make %s", set->what);
		return rp_prefix(err, err ? err->code : RP_EDB, what, NULL);
	}
	return db_commit(db, err);
}
