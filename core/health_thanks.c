/* health_thanks.c - which thank-you notes are owed (health.h): the done
 * meetings of the window with someone who helps, less those a sent note
 * settles, read from two small indexes rather than each person's notes. */
#include "core/health.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/health_int.h"
#include "core/person.h"
#include "db/db.h"

#define DAY 86400

static int fail_db(struct rp_err *err) { return rp_code(err, RP_EDB); }

/* The notes that can settle a recent meeting, held in memory: the live
 * ones written since the window opened (by person and time), and the live
 * ones attached to a meeting of the window (by meeting). */
struct note_fact {
	int64_t key; /* person or meeting */
	int64_t created_at, id;
	int sent;
};

struct note_facts {
	struct note_fact *v;
	int n, cap;
};

static int note_push(struct note_facts *f, int64_t key, int64_t created_at, int64_t id, int sent)
{
	struct note_fact *p = health_room_for_one(f->v, f->n, &f->cap, sizeof *p);
	if (!p)
		return -1;
	f->v = p;
	f->v[f->n++] = (struct note_fact){key, created_at, id, sent};
	return 0;
}

static int note_order(const void *a, const void *b)
{
	const struct note_fact *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->created_at > y->created_at ? -1 : x->created_at < y->created_at; /* newest first */
}

/* Load into f the notes of a query with columns key, created_at, id, status. */
static int note_load(struct db *db, const char *sql, int64_t a, int64_t b, struct note_facts *f,
                     struct rp_err *err)
{
	struct db_stmt *st;
	int rc;
	if (db_prepare(db, sql, &st, err))
		return -1;
	db_bind_int(st, 1, a);
	db_bind_int(st, 2, b);
	while ((rc = db_step(st, err)) == DB_ROW) {
		const char *status = db_col_text(st, 3);
		if (note_push(f, db_col_int(st, 0), db_col_int(st, 1), db_col_int(st, 2),
		              status && strcmp(status, "sent") == 0)) {
			rc = DB_FAIL;
			rp_fail(err, RP_EIO, "out of memory");
			break;
		}
	}
	db_release(st);
	if (rc == DB_FAIL)
		return -1;
	if (f->n)
		qsort(f->v, (size_t)f->n, sizeof *f->v, note_order);
	return 0;
}

/* The newest note with this key, sent or not, written at `since` or later:
 * its id, or 0. */
static int64_t note_find(const struct note_facts *f, int64_t key, int64_t since, int sent)
{
	int lo = 0, hi = f->n;
	while (lo < hi) { /* the first entry with this key */
		int mid = (lo + hi) / 2;
		if (f->v[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (int i = lo; i < f->n && f->v[i].key == key && f->v[i].created_at >= since; i++)
		if (f->v[i].sent == sent)
			return f->v[i].id;
	return 0;
}

static int owed_by_person(const void *a, const void *b)
{
	const struct owed *x = *(const struct owed *const *)a, *y = *(const struct owed *const *)b;
	return x->person_id < y->person_id ? -1 : x->person_id > y->person_id;
}

/* Names for the owed rows, looked up once per person rather than per row. */
static void owed_names(struct db *db, struct owed *o, int n)
{
	/* an array of pointers, sorted in place of the rows */
	struct owed **by = malloc((size_t)(n ? n : 1) * sizeof *by); // NOLINT(bugprone-sizeof-expression)
	if (!by) {
		for (int i = 0; i < n; i++)
			person_name(db, o[i].person_id, o[i].name, sizeof o[i].name);
		return;
	}
	for (int i = 0; i < n; i++)
		by[i] = &o[i];
	qsort(by, (size_t)n, sizeof *by, owed_by_person); // NOLINT(bugprone-sizeof-expression)
	for (int i = 0; i < n; i++) {
		if (i > 0 && by[i]->person_id == by[i - 1]->person_id)
			memcpy(by[i]->name, by[i - 1]->name, sizeof by[i]->name);
		else
			person_name(db, by[i]->person_id, by[i]->name, sizeof by[i]->name);
	}
	free(by);
}

struct window_meeting {
	int64_t id, person_id, start_at;
};

static int id_order(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* The people thanks are owed to, those who help (by default mentors and
 * peers; not a person in the trash), sorted: read once from the index of
 * roles, rather than looking up the person of every meeting. */
static int helper_ids(struct db *db, const struct config *cfg, int64_t **out, int *n,
                      struct rp_err *err)
{
	const struct kind *k = kind_get(K_PERSON);
	const char *const *roles = k->fields[kind_field_index(k, "role")].choices;
	struct db_stmt *st;
	int cap = 0, rc = DB_DONE;
	*out = NULL;
	*n = 0;
	for (int i = 0; roles[i] && rc != DB_FAIL; i++) {
		if (!(cfg->thank_roles & (1u << i)))
			continue;
		if (db_prepare(db, "SELECT id FROM person WHERE role = ?1 AND deleted_at IS NULL", &st,
		               err)) {
			free(*out);
			*out = NULL;
			*n = 0;
			return fail_db(err);
		}
		db_bind_text(st, 1, roles[i]);
		while ((rc = db_step(st, err)) == DB_ROW) {
			int64_t *p = health_room_for_one(*out, *n, &cap, sizeof *p);
			if (!p) {
				rc = DB_FAIL;
				rp_fail(err, RP_EIO, "out of memory");
				break;
			}
			*out = p;
			(*out)[(*n)++] = db_col_int(st, 0);
		}
		db_release(st);
	}
	if (rc == DB_FAIL) {
		free(*out);
		*out = NULL;
		*n = 0;
		return fail_db(err);
	}
	if (*n)
		qsort(*out, (size_t)*n, sizeof **out, id_order);
	return RP_OK;
}

/* The done meetings with a helper between opened and cutoff, newest first,
 * from the index meeting_done_time; *low and *high are the least and
 * greatest ids. */
static int window_meetings(struct db *db, const int64_t *helpers, int nhelpers, int64_t opened,
                           int64_t cutoff, struct window_meeting **out, int *nm, int64_t *low,
                           int64_t *high, struct rp_err *err)
{
	struct db_stmt *st;
	struct window_meeting *m = NULL;
	int mcap = 0, rc;
	*nm = 0;
	*out = NULL;
	if (nhelpers == 0) /* thank_roles = (nobody) */
		return RP_OK;
	if (db_prepare(db,
	               "SELECT id, person_id, start_at FROM meeting WHERE status = 'done'"
	               " AND deleted_at IS NULL AND start_at >= ?1 AND start_at <= ?2"
	               " ORDER BY start_at DESC, id DESC",
	               &st, err))
		return fail_db(err);
	db_bind_int(st, 1, opened);
	db_bind_int(st, 2, cutoff);
	while ((rc = db_step(st, err)) == DB_ROW) {
		int64_t person = db_col_int(st, 1);
		struct window_meeting *p;
		if (!bsearch(&person, helpers, (size_t)nhelpers, sizeof *helpers, id_order))
			continue;
		if (!(p = health_room_for_one(m, *nm, &mcap, sizeof *p))) {
			rc = DB_FAIL;
			rp_fail(err, RP_EIO, "out of memory");
			break;
		}
		m = p;
		m[*nm] = (struct window_meeting){db_col_int(st, 0), person, db_col_int(st, 2)};
		*low = *nm == 0 || m[*nm].id < *low ? m[*nm].id : *low;
		*high = m[*nm].id > *high ? m[*nm].id : *high;
		(*nm)++;
	}
	db_release(st);
	*out = m;
	return rc == DB_FAIL ? fail_db(err) : RP_OK;
}

/* The meetings no sent note settles (by its meeting, or to its person
 * since it began), each with the draft that could, if one is written: all
 * counted, the first `keep` kept. */
static int owed_of(const struct window_meeting *m, int nm, const struct note_facts *by_person,
                   const struct note_facts *by_meeting, int keep, struct owed **out, int *n,
                   int *total, struct rp_err *err)
{
	int cap = 0;
	for (int i = 0; i < nm; i++) {
		struct owed o = {.meeting_id = m[i].id, .person_id = m[i].person_id,
		                 .start_at = m[i].start_at};
		struct owed *p;
		if (note_find(by_meeting, o.meeting_id, INT64_MIN, 1) ||
		    note_find(by_person, o.person_id, o.start_at, 1))
			continue;
		if ((*total)++ >= keep)
			continue;
		o.draft_id = note_find(by_meeting, o.meeting_id, INT64_MIN, 0);
		if (!o.draft_id)
			o.draft_id = note_find(by_person, o.person_id, o.start_at, 0);
		if (!(p = health_room_for_one(*out, *n, &cap, sizeof *p)))
			return rp_fail(err, RP_EIO, "out of memory");
		*out = p;
		(*out)[(*n)++] = o;
	}
	return RP_OK;
}

int health_thanks_owed(struct db *db, const struct config *cfg, int keep, struct owed **out,
                       int *n, int *total, struct rp_err *err)
{
	char today[DATE_LEN], first[DATE_LEN];
	struct window_meeting *m = NULL;
	struct note_facts by_person = {0}, by_meeting = {0};
	int64_t *helpers = NULL;
	int nm = 0, nhelpers = 0, rc;
	int64_t low = 0, high = 0, opened;
	int64_t cutoff = clock_now() - (int64_t)cfg->thanks_after_days * DAY;
	*out = NULL;
	*n = *total = 0;
	date_today(clock_now(), today);
	date_add_days(today, -cfg->thanks_window_days, first);
	opened = date_start(first);
	rc = helper_ids(db, cfg, &helpers, &nhelpers, err);
	if (rc == RP_OK)
		rc = window_meetings(db, helpers, nhelpers, opened, cutoff, &m, &nm, &low, &high, err);
	free(helpers);
	/* the notes that could settle them, two range reads of small indexes */
	if (rc == RP_OK && nm > 0 &&
	    (note_load(db,
	               "SELECT person_id, created_at, id, status FROM gratitude"
	               " WHERE deleted_at IS NULL AND created_at BETWEEN ?1 AND ?2",
	               opened, INT64_MAX, &by_person, err) ||
	     note_load(db,
	               "SELECT meeting_id, created_at, id, status FROM gratitude"
	               " WHERE deleted_at IS NULL AND meeting_id BETWEEN ?1 AND ?2",
	               low, high, &by_meeting, err)))
		rc = fail_db(err);
	if (rc == RP_OK && nm > 0)
		rc = owed_of(m, nm, &by_person, &by_meeting, keep, out, n, total, err);
	free(m);
	free(by_person.v);
	free(by_meeting.v);
	if (rc != RP_OK) {
		free(*out);
		*out = NULL;
		*n = *total = 0;
		return rc;
	}
	owed_names(db, *out, *n);
	return RP_OK;
}

