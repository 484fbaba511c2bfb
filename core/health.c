/* health.c - see health.h.  Each rule is a few indexed queries per person
 * or per recent meeting; nothing walks the whole history. */
#include "core/health.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/person.h"
#include "db/db.h"

#define DAY 86400

static int fail_db(struct rp_err *err) { return rp_code(err, RP_EDB); }

const char *health_due_word(enum due_state s)
{
	static const char *const words[] = {"-", "ok", "planned", "snoozed", "due soon", "overdue"};
	return words[s];
}

/* The first planned meeting with the person from today on: id and start. */
static int next_planned(struct db *db, int64_t person, int64_t from, int64_t *id, int64_t *start,
                        struct rp_err *err)
{
	struct db_stmt *st;
	int rc;
	*id = *start = 0;
	if (db_prepare(db,
	               "SELECT id, start_at FROM meeting WHERE person_id = ?1 AND status = 'planned'"
	               " AND deleted_at IS NULL AND start_at >= ?2 ORDER BY start_at LIMIT 1",
	               &st, err))
		return fail_db(err);
	db_bind_int(st, 1, person);
	db_bind_int(st, 2, from);
	rc = db_step(st, err);
	if (rc == DB_ROW) {
		*id = db_col_int(st, 0);
		*start = db_col_int(st, 1);
	}
	db_release(st);
	return rc == DB_FAIL ? fail_db(err) : RP_OK;
}

int health_due(struct db *db, const struct config *cfg, int64_t person_id, struct due *out,
               struct rp_err *err)
{
	struct rec p;
	const struct kind *k = kind_get(K_PERSON);
	char today[DATE_LEN], start_day[DATE_LEN];
	const char *stage, *snooze;
	int64_t planned_start;
	long cadence, to_go;

	memset(out, 0, sizeof *out);
	out->person_id = person_id;
	out->state = DUE_NONE;
	if (rec_get(db, K_PERSON, person_id, &p, err) != RP_OK)
		return fail_db(err);
	snprintf(out->name, sizeof out->name, "%s", rec_str(&p, 0));
	stage = rec_str(&p, kind_field_index(k, "stage"));
	snooze = rec_str(&p, kind_field_index(k, "snoozed_until"));
	cadence = (long)rec_int(&p, kind_field_index(k, "cadence_days"));
	if (p.deleted_at || rec_is_null(&p, kind_field_index(k, "cadence_days")) ||
	    strcmp(stage, "paused") == 0 || strcmp(stage, "alumni") == 0) {
		rec_free(&p);
		return RP_OK;
	}
	date_today(clock_now(), today);
	out->last_met = person_last_met(db, person_id);
	/* no meeting yet: the relationship started when the person was added */
	date_of_instant(out->last_met ? out->last_met : p.created_at, start_day);
	date_add_days(start_day, cadence, out->due_day);
	to_go = date_diff(today, out->due_day);
	if (snooze)
		snprintf(out->snoozed_until, sizeof out->snoozed_until, "%s", snooze);
	rec_free(&p);

	if (to_go > cfg->due_soon_days) {
		out->state = DUE_OK;
		out->days = to_go;
		return RP_OK;
	}
	if (next_planned(db, person_id, date_start(today), &out->planned_id, &planned_start, err))
		return fail_db(err);
	if (out->planned_id) {
		char planned_day[DATE_LEN];
		date_of_instant(planned_start, planned_day);
		/* on time, or (already late) at least arranged */
		if (to_go < 0 || date_diff(planned_day, out->due_day) >= 0) {
			out->state = DUE_COVERED;
			out->days = to_go;
			return RP_OK;
		}
	}
	out->planned_id = 0;
	if (out->snoozed_until[0] && date_diff(today, out->snoozed_until) >= 0) {
		out->state = DUE_SNOOZED;
		out->days = to_go;
		return RP_OK;
	}
	out->state = to_go < 0 ? DUE_OVERDUE : DUE_SOON;
	out->days = to_go < 0 ? -to_go : to_go;
	return RP_OK;
}

static int due_order(const void *a, const void *b)
{
	const struct due *x = a, *y = b;
	/* overdue first, the most overdue first; then the soonest due */
	long kx = x->state == DUE_OVERDUE ? -x->days : x->days;
	long ky = y->state == DUE_OVERDUE ? -y->days : y->days;
	if (kx != ky)
		return kx < ky ? -1 : 1;
	return x->person_id < y->person_id ? -1 : x->person_id > y->person_id;
}

int health_due_list(struct db *db, const struct config *cfg, struct due **out, int *n,
                    struct rp_err *err)
{
	struct db_stmt *st;
	int64_t *ids = NULL;
	int count = 0, cap = 0, rc;
	*out = NULL;
	*n = 0;
	if (db_prepare(db,
	               "SELECT id FROM person WHERE cadence_days IS NOT NULL AND deleted_at IS NULL"
	               " AND stage NOT IN ('paused', 'alumni') ORDER BY id",
	               &st, err))
		return fail_db(err);
	while ((rc = db_step(st, err)) == DB_ROW) {
		if (count == cap) {
			int64_t *p = realloc(ids, (size_t)(cap = cap ? cap * 2 : 32) * sizeof *ids);
			if (!p) {
				rc = DB_FAIL;
				rp_fail(err, RP_EIO, "out of memory");
				break;
			}
			ids = p;
		}
		ids[count++] = db_col_int(st, 0);
	}
	db_release(st);
	if (rc == DB_FAIL) {
		free(ids);
		return fail_db(err);
	}
	*out = calloc((size_t)(count ? count : 1), sizeof **out);
	if (!*out) {
		free(ids);
		return rp_fail(err, RP_EIO, "out of memory");
	}
	for (int i = 0; i < count; i++) {
		struct due d;
		if (health_due(db, cfg, ids[i], &d, err) != RP_OK) {
			free(ids);
			free(*out);
			*out = NULL;
			return fail_db(err);
		}
		if (d.state == DUE_SOON || d.state == DUE_OVERDUE)
			(*out)[(*n)++] = d;
	}
	free(ids);
	qsort(*out, (size_t)*n, sizeof **out, due_order);
	return RP_OK;
}

/* The id of a live note with this status for the meeting, or to the person
 * written since `since`; 0 if none. */
static int64_t note_for(struct db *db, int64_t meeting, int64_t person, int64_t since,
                        const char *status, struct rp_err *err)
{
	struct db_stmt *st;
	int64_t id = 0;
	if (db_prepare(db,
	               "SELECT id FROM gratitude WHERE deleted_at IS NULL AND status = ?4"
	               " AND (meeting_id = ?1 OR (person_id = ?2 AND created_at >= ?3)) LIMIT 1",
	               &st, err))
		return -1;
	db_bind_int(st, 1, meeting);
	db_bind_int(st, 2, person);
	db_bind_int(st, 3, since);
	db_bind_text(st, 4, status);
	if (db_step(st, err) == DB_ROW)
		id = db_col_int(st, 0);
	db_release(st);
	return id;
}

int health_thanks_owed(struct db *db, const struct config *cfg, struct owed **out, int *n,
                       struct rp_err *err)
{
	struct db_stmt *st;
	char today[DATE_LEN], first[DATE_LEN];
	int cap = 0, rc;
	int64_t cutoff = clock_now() - (int64_t)cfg->thanks_after_days * DAY;
	*out = NULL;
	*n = 0;
	date_today(clock_now(), today);
	date_add_days(today, -cfg->thanks_window_days, first);
	if (db_prepare(db,
	               "SELECT id, person_id, start_at FROM meeting WHERE status = 'done'"
	               " AND deleted_at IS NULL AND start_at >= ?1 AND start_at <= ?2"
	               " ORDER BY start_at DESC, id DESC",
	               &st, err))
		return fail_db(err);
	db_bind_int(st, 1, date_start(first));
	db_bind_int(st, 2, cutoff);
	while ((rc = db_step(st, err)) == DB_ROW) {
		struct owed o = {0};
		int64_t sent;
		o.meeting_id = db_col_int(st, 0);
		o.person_id = db_col_int(st, 1);
		o.start_at = db_col_int(st, 2);
		sent = note_for(db, o.meeting_id, o.person_id, o.start_at, "sent", err);
		if (sent < 0) {
			rc = DB_FAIL;
			break;
		}
		if (sent)
			continue;
		o.draft_id = note_for(db, o.meeting_id, o.person_id, o.start_at, "draft", err);
		person_name(db, o.person_id, o.name, sizeof o.name);
		if (*n == cap) {
			struct owed *p = realloc(*out, (size_t)(cap = cap ? cap * 2 : 16) * sizeof *p);
			if (!p) {
				rc = DB_FAIL;
				rp_fail(err, RP_EIO, "out of memory");
				break;
			}
			*out = p;
		}
		(*out)[(*n)++] = o;
	}
	db_release(st);
	if (rc == DB_FAIL) {
		free(*out);
		*out = NULL;
		*n = 0;
		return fail_db(err);
	}
	return RP_OK;
}

int health_promises(struct db *db, int limit, struct promises *out, struct rp_err *err)
{
	struct db_stmt *st;
	char today[DATE_LEN];
	int64_t ids[200];
	int n = 0, rc;
	memset(out, 0, sizeof *out);
	date_today(clock_now(), today);
	/* the partial index action_open holds exactly the open items */
	if (db_prepare(db,
	               "SELECT count(*), total(owner = 'me'), total(due_date < ?1) FROM action_item"
	               " WHERE done = 0 AND deleted_at IS NULL",
	               &st, err))
		return fail_db(err);
	db_bind_text(st, 1, today);
	if ((rc = db_step(st, err)) == DB_ROW) {
		long all = (long)db_col_int(st, 0);
		out->mine = (long)db_col_int(st, 1);
		out->theirs = all - out->mine;
		out->overdue = (long)db_col_int(st, 2);
	}
	db_release(st);
	if (rc == DB_FAIL)
		return fail_db(err);
	if (limit > 200)
		limit = 200;
	if (db_prepare(db,
	               "SELECT id FROM action_item WHERE done = 0 AND deleted_at IS NULL"
	               " ORDER BY due_date IS NULL, due_date, id LIMIT ?1",
	               &st, err))
		return fail_db(err);
	db_bind_int(st, 1, limit);
	while ((rc = db_step(st, err)) == DB_ROW)
		ids[n++] = db_col_int(st, 0);
	db_release(st);
	if (rc == DB_FAIL)
		return fail_db(err);
	out->page.rows = calloc((size_t)(n ? n : 1), sizeof *out->page.rows);
	if (!out->page.rows)
		return rp_fail(err, RP_EIO, "out of memory");
	for (int i = 0; i < n; i++) {
		if (rec_get(db, K_ACTION, ids[i], &out->page.rows[i], err) != RP_OK) {
			health_promises_free(out);
			return fail_db(err);
		}
		out->page.n++;
	}
	return RP_OK;
}

void health_promises_free(struct promises *p)
{
	rec_page_free(&p->page);
}

int health_streak(struct db *db, struct streak *out, struct rp_err *err)
{
	struct db_stmt *st;
	char today[DATE_LEN], expect[DATE_LEN], prev[DATE_LEN] = "";
	int rc, run = 0, in_current = 1;
	memset(out, 0, sizeof *out);
	date_today(clock_now(), today);
	if (db_prepare(db,
	               "SELECT day FROM checkin WHERE deleted_at IS NULL AND day <= ?1 ORDER BY day DESC",
	               &st, err))
		return fail_db(err);
	db_bind_text(st, 1, today);
	while ((rc = db_step(st, err)) == DB_ROW) {
		const char *day = db_col_text(st, 0);
		if (!prev[0]) {
			/* today not checked in yet does not end yesterday's streak */
			out->today_done = strcmp(day, today) == 0;
			date_add_days(today, out->today_done ? 0 : -1, expect);
		}
		run = prev[0] && date_diff(day, prev) == 1 ? run + 1 : 1;
		if (run > out->longest)
			out->longest = run;
		if (in_current && strcmp(day, expect) == 0) {
			out->current++;
			date_add_days(expect, -1, expect);
		} else {
			in_current = 0;
		}
		snprintf(prev, sizeof prev, "%s", day);
	}
	db_release(st);
	return rc == DB_FAIL ? fail_db(err) : RP_OK;
}

int health_adherence(struct db *db, const struct config *cfg, int64_t person_id,
                     struct adherence *out, struct rp_err *err)
{
	struct db_stmt *st;
	struct rec p;
	long cadence;
	int rc;
	memset(out, 0, sizeof *out);
	if (rec_get(db, K_PERSON, person_id, &p, err) != RP_OK)
		return fail_db(err);
	cadence = (long)rec_int(&p, kind_field_index(p.kind, "cadence_days"));
	rec_free(&p);
	if (cadence <= 0)
		return RP_OK;
	out->expected = (int)(cfg->adherence_days / cadence);
	if (out->expected < 1)
		out->expected = 1;
	if (db_prepare(db,
	               "SELECT count(*) FROM meeting WHERE person_id = ?1 AND status = 'done'"
	               " AND deleted_at IS NULL AND start_at > ?2 AND start_at <= ?3",
	               &st, err))
		return fail_db(err);
	db_bind_int(st, 1, person_id);
	db_bind_int(st, 2, clock_now() - (int64_t)cfg->adherence_days * DAY);
	db_bind_int(st, 3, clock_now());
	if ((rc = db_step(st, err)) == DB_ROW)
		out->held = (int)db_col_int(st, 0);
	db_release(st);
	out->percent = 100 * out->held / out->expected;
	return rc == DB_FAIL ? fail_db(err) : RP_OK;
}

int health_goal_progress(struct db *db, const struct rec *goal, int *percent, struct rp_err *err)
{
	const struct kind *k = goal->kind;
	struct db_stmt *st;
	int rc;
	*percent = (int)rec_int(goal, kind_field_index(k, "progress"));
	if (strcmp(rec_str(goal, kind_field_index(k, "status")), "done") == 0) {
		*percent = 100;
		return RP_OK;
	}
	if (rec_int(goal, kind_field_index(k, "progress_manual")))
		return RP_OK;
	if (db_prepare(db,
	               "SELECT count(*), total(done) FROM milestone WHERE goal_id = ?1"
	               " AND deleted_at IS NULL",
	               &st, err))
		return fail_db(err);
	db_bind_int(st, 1, goal->id);
	if ((rc = db_step(st, err)) == DB_ROW && db_col_int(st, 0) > 0)
		*percent = (int)(100 * db_col_int(st, 1) / db_col_int(st, 0));
	db_release(st);
	return rc == DB_FAIL ? fail_db(err) : RP_OK;
}

int health_goal_late(const struct rec *goal, const char *today)
{
	const char *target = rec_str(goal, kind_field_index(goal->kind, "target_date"));
	const char *status = rec_str(goal, kind_field_index(goal->kind, "status"));
	return target && strcmp(status, "done") != 0 && strcmp(status, "dropped") != 0 &&
	       date_diff(today, target) < 0;
}

int health_moods(struct db *db, int days, int *moods, struct rp_err *err)
{
	struct db_stmt *st;
	char today[DATE_LEN], first[DATE_LEN];
	int rc;
	memset(moods, 0, (size_t)days * sizeof *moods);
	date_today(clock_now(), today);
	date_add_days(today, -(days - 1), first);
	if (db_prepare(db,
	               "SELECT day, mood FROM checkin WHERE deleted_at IS NULL AND day >= ?1"
	               " AND day <= ?2",
	               &st, err))
		return fail_db(err);
	db_bind_text(st, 1, first);
	db_bind_text(st, 2, today);
	while ((rc = db_step(st, err)) == DB_ROW) {
		long i = date_diff(first, db_col_text(st, 0));
		if (i >= 0 && i < days) /* a check-in without a mood counts as middling */
			moods[i] = db_col_is_null(st, 1) ? 3 : (int)db_col_int(st, 1);
	}
	db_release(st);
	return rc == DB_FAIL ? fail_db(err) : RP_OK;
}

int health_meetings_by_month(struct db *db, int64_t person_id, int counts[12], struct rp_err *err)
{
	struct db_stmt *st;
	char today[DATE_LEN], first[DATE_LEN];
	int rc, y, m;
	memset(counts, 0, 12 * sizeof *counts);
	date_today(clock_now(), today);
	y = atoi(today);
	m = atoi(today + 5) - 11; /* the first of the month, eleven months back */
	if (m < 1) {
		m += 12;
		y--;
	}
	snprintf(first, sizeof first, "%04d-%02d-01", y, m);
	if (db_prepare(db,
	               "SELECT start_at FROM meeting WHERE person_id = ?1 AND status = 'done'"
	               " AND deleted_at IS NULL AND start_at >= ?2 AND start_at <= ?3",
	               &st, err))
		return fail_db(err);
	db_bind_int(st, 1, person_id);
	db_bind_int(st, 2, date_start(first));
	db_bind_int(st, 3, clock_now());
	while ((rc = db_step(st, err)) == DB_ROW) {
		char day[DATE_LEN];
		int i;
		date_of_instant(db_col_int(st, 0), day);
		i = (atoi(day) - y) * 12 + atoi(day + 5) - m;
		if (i >= 0 && i < 12)
			counts[i]++;
	}
	db_release(st);
	return rc == DB_FAIL ? fail_db(err) : RP_OK;
}
