#include "core/store.h"

#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/contact_cache.h"
#include "core/hooks.h"
#include "core/paths.h"
#include "core/search_index.h"
#include "core/when.h"
#include "db/db.h"
#include "db/schema.h"

int store_open(const char *path, int flags, struct db **out, struct rp_err *err)
{
	char dir[4096];
	struct stat sb;
	db_folder_of(path, dir, sizeof dir);
	if ((flags & STORE_MAKE_FOLDER) && !(flags & STORE_READONLY)) {
		if (paths_make_parent(path, err) != RP_OK)
			return rp_code(err, RP_EIO);
	} else {
		if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
			return rp_fail(err, RP_ENOTFOUND,
			               "%s: no such folder (rapport creates the database file, not"
			               " the folder for it: check the path, or make the folder first)",
			               dir);
	}
	if (db_open(path, (flags & STORE_READONLY) ? DB_READONLY : 0, schema_steps, schema_nsteps,
	            out, err) != RP_OK)
		return rp_code(err, RP_EDB);
	/* the search triggers come from the kind table, and those of each
	 * person's last contact from core: made after the steps */
	if (search_index_ensure(*out, err) != RP_OK || contact_cache_ensure(*out, err) != RP_OK) {
		db_close(*out);
		*out = NULL;
		return rp_code(err, RP_EDB);
	}
	if (hooks_max_pages())
		db_limit_pages(*out, hooks_max_pages());
	return RP_OK;
}

const char *store_readonly_why(const struct db *db) { return db_readonly_why(db); }
int store_check_file(const char *path, char *report, size_t n)
{
	return db_check_file(path, report, n);
}

void store_close(struct db *db) { db_close(db); }
int store_command_begin(struct db *db, struct rp_err *err) { return db_begin(db, err); }
int store_read_begin(struct db *db, struct rp_err *err) { return db_read_begin(db, err); }
void store_read_end(struct db *db) { db_read_end(db); }

int store_command_end(struct db *db, int ok, struct rp_err *err)
{
	if (ok)
		return db_commit(db, err);
	db_rollback(db);
	return RP_OK;
}

int store_is_own_file(const struct db *db, const char *path) { return db_is_own_file(db, path); }
const char *store_path(const struct db *db) { return db_path(db); }
const char *store_upgrade_backup(const struct db *db) { return db_migration_backup(db); }

int store_backup(struct db *db, const char *dest, char *out, size_t n, struct rp_err *err)
{
	if (dest && *dest) {
		snprintf(out, n, "%s", dest);
		return db_backup(db, out, err);
	}
	return db_backup_dated(db, "", out, n, err);
}

static int by_name_desc(const void *a, const void *b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

int store_daily_backup(struct db *db, int keep, int *made, struct rp_err *err)
{
	char today[DATE_LEN], path[4200], dir[4096], prefix[512];
	const char *base, *slash;
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	int count = 0, cap = 0;

	*made = 0;
	date_today(clock_now(), today);
	snprintf(path, sizeof path, "%s.daily-%s.bak", db_path(db), today);
	struct stat sb;
	if (lstat(path, &sb) == 0 && !db_file_is_ours(path)) /* not a copy made by us */
		return rp_fail(err, RP_EEXIST,
		               "%s: is in the way of today's backup (it is not a rapport backup);"
		               " move it away",
		               path);
	if (access(path, F_OK) != 0) {
		int rc = db_backup(db, path, err);
		if (rc != RP_OK && rc != RP_EEXIST) /* EEXIST: another rapport made it just now */
			return rc;
		*made = rc == RP_OK;
	}
	/* keep the newest `keep` of the copies made by us: a name of a real day
	 * up to today, a rapport file (anything else there is not ours to
	 * delete); the names sort by their day */
	slash = strrchr(db_path(db), '/');
	base = slash ? slash + 1 : db_path(db);
	db_folder_of(db_path(db), dir, sizeof dir);
	snprintf(prefix, sizeof prefix, "%s.daily-", base);
	if (!(d = opendir(dir)))
		return RP_OK;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name), plen = strlen(prefix);
		char day[DATE_LEN], full[4400];
		if (strncmp(e->d_name, prefix, plen) != 0 || len != plen + 10 + 4 ||
		    strcmp(e->d_name + len - 4, ".bak") != 0)
			continue;
		snprintf(day, sizeof day, "%.10s", e->d_name + plen);
		snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
		if (!date_is_valid(day) || strcmp(day, today) > 0 || !db_file_is_ours(full))
			continue;
		if (count == cap) {
			char **p = realloc(names, (size_t)(cap = cap ? cap * 2 : 16) * sizeof *names);
			if (!p)
				break;
			names = p;
		}
		names[count++] = strdup(e->d_name);
	}
	closedir(d);
	if (count)
		qsort(names, (size_t)count, sizeof *names, by_name_desc);
	for (int i = 0; i < count; i++) {
		if (i >= keep && names[i]) {
			snprintf(path, sizeof path, "%s/%s", dir, names[i]);
			unlink(path);
		}
		free(names[i]);
	}
	free(names);
	return RP_OK;
}

/* Each person's last contact on its row against the full computation. */
static int check_contact(struct db *db, char *report, size_t n, size_t *used, int *problems,
                         struct rp_err *err)
{
	long wrong;
	int triggers_ok;
	if (contact_cache_check(db, &wrong, &triggers_ok, err) != RP_OK)
		return rp_code(err, RP_EDB);
	if (wrong) {
		(*problems)++;
		*used += (size_t)snprintf(report + *used, *used < n ? n - *used : 0,
		                          "the last contact of %ld %s is out of step with the meetings\n",
		                          wrong, wrong == 1 ? "person" : "people");
	}
	if (!triggers_ok) {
		(*problems)++;
		*used += (size_t)snprintf(report + *used, *used < n ? n - *used : 0,
		                          "the triggers that keep each person's last contact are not this"
		                          " program's (open the file once without --read-only to make"
		                          " them again)\n");
	}
	return RP_OK;
}

int store_check(struct db *db, char *report, size_t n, int *problems, struct rp_err *err)
{
	struct db_stmt *st;
	size_t used = 0;
	int rc, bad;
	*problems = 0;
	report[0] = '\0';
	if (db_prepare(db, "PRAGMA integrity_check", &st, err))
		return rp_code(err, RP_EDB);
	while ((rc = db_step(st, err)) == DB_ROW) {
		const char *line = db_col_text(st, 0);
		if (line && strcmp(line, "ok") != 0) {
			(*problems)++;
			used += (size_t)snprintf(report + used, used < n ? n - used : 0, "%s\n", line);
		}
	}
	db_release(st);
	if (rc == DB_FAIL)
		return rp_code(err, RP_EDB);
	if (db_prepare(db, "PRAGMA foreign_key_check", &st, err))
		return rp_code(err, RP_EDB);
	while ((rc = db_step(st, err)) == DB_ROW) {
		(*problems)++;
		used += (size_t)snprintf(report + used, used < n ? n - used : 0,
		                         "%s row %lld refers to a missing %s\n", db_col_text(st, 0),
		                         (long long)db_col_int(st, 1), db_col_text(st, 2));
	}
	db_release(st);
	if (rc == DB_FAIL)
		return rp_code(err, RP_EDB);
	if (db_check_statement(db, "INSERT INTO fts(fts, rank) VALUES('integrity-check', 1)", &bad,
	                       err) != RP_OK)
		return rp_code(err, RP_EIO);
	if (bad) {
		(*problems)++;
		used += (size_t)snprintf(report + used, used < n ? n - used : 0,
		                         "the search index is out of step\n");
	}
	if (check_contact(db, report, n, &used, problems, err) != RP_OK ||
	    (bad = search_index_current(db, err)) < 0)
		return rp_code(err, RP_EDB);
	if (!bad) {
		(*problems)++;
		snprintf(report + used, used < n ? n - used : 0,
		         "the search index's triggers are not this program's (open the file once"
		         " without --read-only to make them again)\n");
	}
	if (!*problems)
		snprintf(report, n, "ok");
	return RP_OK;
}

int store_latest_backup(const char *path, char *out, size_t n)
{
	char dir[4096], prefix[512];
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	time_t newest = 0;
	DIR *d;
	struct dirent *e;
	out[0] = '\0';
	db_folder_of(path, dir, sizeof dir);
	snprintf(prefix, sizeof prefix, "%s.", base);
	if (!(d = opendir(dir)))
		return 0;
	while ((e = readdir(d))) {
		char full[4600];
		struct stat sb;
		size_t len = strlen(e->d_name);
		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 || len < 4 ||
		    strcmp(e->d_name + len - 4, ".bak") != 0)
			continue;
		snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
		if (stat(full, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_mtime >= newest) {
			newest = sb.st_mtime;
			snprintf(out, n, "%s", full);
		}
	}
	closedir(d);
	return out[0] != '\0';
}
