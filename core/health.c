/* health.c - see health.h.  Each rule is a few indexed queries per person
 * or per recent meeting; nothing walks the whole history. */
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

void *health_room_for_one(void *v, int n, int *cap, size_t size)
{
	int more = *cap ? *cap * 2 : 32;
	void *p;
	if (n < *cap)
		return v;
	if (!(p = realloc(v, (size_t)more * size)))
		return NULL;
	*cap = more;
	return p;
}

const char *health_due_word(enum due_state s)
{
	static const char *const words[] = {"-",        "ok",       "planned", "snoozed",
	                                    "to reschedule", "due soon", "overdue"};
	return words[s];
}

const char *health_missed_text(const struct due *d, char *buf, size_t n)
{
	char day[DATE_LEN], shown[40];
	date_of_instant(d->missed_at, day);
	fmt_date(day, shown, sizeof shown);
	snprintf(buf, n, "the meeting of %s did not take place", shown);
	return buf;
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

int health_next_planned(struct db *db, int64_t person, int64_t *id, int64_t *start,
                        struct rp_err *err)
{
	char today[DATE_LEN];
	date_today(clock_now(), today);
	return next_planned(db, person, date_start(today), id, start, err);
}

/* What the due rules need of a person, with the start of their last done
 * meeting and of their last missed or cancelled one, kept on the person's
 * contact row (core/contact_cache.c). */
#define DUE_FACTS                                                                              \
	"SELECT id, name, stage, snoozed_until, cadence_days, created_at, deleted_at,"            \
	" last_met, last_off, last_planned FROM person"                                          \
	" LEFT JOIN person_contact ON person_id = person.id "

/* A person not due yet whose last meeting was missed or cancelled: to
 * reschedule, unless a meeting is planned or they are snoozed. */
static int to_reschedule(struct due *out, const char *today, long to_go, int64_t planned_start)
{
	char planned_day[DATE_LEN];
	out->days = to_go;
	if (out->planned_id)
		date_of_instant(planned_start, planned_day);
	/* planned in time covers it; one after the due day does not */
	if (out->planned_id && date_diff(planned_day, out->due_day) >= 0)
		out->state = DUE_COVERED;
	else if (out->snoozed_until[0] && date_diff(today, out->snoozed_until) >= 0)
		out->state = DUE_SNOOZED;
	else
		out->state = DUE_RESCHEDULE;
	if (out->state != DUE_RESCHEDULE)
		out->missed_at = 0;
	else
		out->planned_id = 0;
	if (out->state == DUE_COVERED)
		out->planned_at = planned_start;
	return RP_OK;
}

/* The due state from the facts of the current row of st (DUE_FACTS). */
static int due_of_row(struct db *db, const struct config *cfg, struct db_stmt *st,
                      struct due *out, struct rp_err *err)
{
	char today[DATE_LEN], start_day[DATE_LEN];
	const char *stage = db_col_text(st, 2), *snooze = db_col_text(st, 3);
	int64_t planned_start;
	long cadence = (long)db_col_int(st, 4), to_go;

	memset(out, 0, sizeof *out);
	out->person_id = db_col_int(st, 0);
	out->state = DUE_NONE;
	out->last_met = db_col_int(st, 7);
	snprintf(out->name, sizeof out->name, "%s", db_col_text(st, 1) ? db_col_text(st, 1) : "");
	if (db_col_is_null(st, 4) || !db_col_is_null(st, 6) ||
	    (stage && (strcmp(stage, "paused") == 0 || strcmp(stage, "alumni") == 0)))
		return RP_OK;
	date_today(clock_now(), today);
	/* no meeting yet: the relationship started when the person was added */
	date_of_instant(out->last_met ? out->last_met : db_col_int(st, 5), start_day);
	if (date_add_days(start_day, cadence, out->due_day) != 0) {
		out->due_day[0] = '\0'; /* after 9999: no contact is due in the calendar */
		return RP_OK;
	}
	to_go = date_diff(today, out->due_day);
	if (snooze)
		snprintf(out->snoozed_until, sizeof out->snoozed_until, "%s", snooze);

	/* a missed or cancelled meeting after the last one held asks for another */
	if (!db_col_is_null(st, 8) && db_col_int(st, 8) > out->last_met)
		out->missed_at = db_col_int(st, 8);
	if (to_go > cfg->due_soon_days && !out->missed_at) {
		out->state = DUE_OK;
		out->days = to_go;
		return RP_OK;
	}
	/* from the index of planned meetings by person, only for who may be due
	 * and has one planned from today on (the last planned one is on the
	 * contact row) */
	planned_start = 0;
	if (!db_col_is_null(st, 9) && db_col_int(st, 9) >= date_start(today) &&
	    next_planned(db, out->person_id, date_start(today), &out->planned_id, &planned_start,
	                 err))
		return fail_db(err);
	if (to_go > cfg->due_soon_days) /* not due yet: only the missed meeting asks */
		return to_reschedule(out, today, to_go, planned_start);
	if (out->planned_id) {
		char planned_day[DATE_LEN];
		date_of_instant(planned_start, planned_day);
		/* on time, or (already late) at least arranged */
		if (to_go < 0 || date_diff(planned_day, out->due_day) >= 0) {
			out->state = DUE_COVERED;
			out->days = to_go;
			out->planned_at = planned_start;
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

int health_due(struct db *db, const struct config *cfg, int64_t person_id, struct due *out,
               struct rp_err *err)
{
	struct db_stmt *st;
	int rc;
	memset(out, 0, sizeof *out);
	out->person_id = person_id;
	if (db_prepare(db, DUE_FACTS "WHERE id = ?1", &st, err))
		return fail_db(err);
	db_bind_int(st, 1, person_id);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		rc = due_of_row(db, cfg, st, out, err);
	else if (rc == DB_DONE)
		rc = rp_fail(err, RP_ENOTFOUND, "person #%lld: no such person", (long long)person_id);
	else
		rc = fail_db(err);
	db_release(st);
	return rc;
}

int health_due_each(struct db *db, const struct config *cfg, const int64_t *ids, int n,
                    struct due *out, struct rp_err *err)
{
	struct db_stmt *st;
	int rc;
	for (int i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof out[i]);
		out[i].person_id = ids[i];
	}
	if (db_prepare(db, DUE_FACTS "WHERE id IN (SELECT value FROM json_each(?1))", &st, err))
		return fail_db(err);
	if (!db_bind_ids(st, 1, ids, n)) {
		db_release(st);
		return rp_fail(err, RP_EIO, "out of memory");
	}
	while ((rc = db_step(st, err)) == DB_ROW) {
		struct due d;
		if (due_of_row(db, cfg, st, &d, err) != RP_OK) {
			rc = DB_FAIL;
			break;
		}
		for (int i = 0; i < n; i++)
			if (ids[i] == d.person_id)
				out[i] = d;
	}
	db_release(st);
	return rc == DB_FAIL ? fail_db(err) : RP_OK;
}

static int due_order(const void *a, const void *b)
{
	const struct due *x = a, *y = b;
	/* overdue first, the most overdue first; then the soonest due (a
	 * meeting to reschedule is as due as today) */
	long kx = x->state == DUE_OVERDUE ? -x->days : x->state == DUE_RESCHEDULE ? 0 : x->days;
	long ky = y->state == DUE_OVERDUE ? -y->days : y->state == DUE_RESCHEDULE ? 0 : y->days;
	if (kx != ky)
		return kx < ky ? -1 : 1;
	return x->person_id < y->person_id ? -1 : x->person_id > y->person_id;
}

/* Not late for certain (by ?2) with a meeting planned from today (?3) on,
 * read on the contact row before the person's */
#define NOT_COVERED "NOT (due_at < ?2 AND coalesce(last_planned, 0) >= ?3)"

int health_due_list(struct db *db, const struct config *cfg, struct due **out, int *n,
                    struct rp_err *err)
{
	struct db_stmt *st;
	char today[DATE_LEN];
	int cap = 0, rc;
	*out = NULL;
	*n = 0;
	/* only the people the contact rows say may be due: their due time
	 * (last held plus the cadence) within the due-soon days and three more
	 * (the hours of the day and the time zone; the rules below decide), or
	 * a missed meeting after the last one held, each from its index; less
	 * those late for certain (by two days) with a meeting planned from
	 * today on, whom the rules call covered (NOT_COVERED) */
	if (db_prepare(db,
	               DUE_FACTS "WHERE id IN (SELECT person_id FROM person_contact WHERE due_at < ?1"
	                         " AND " NOT_COVERED " UNION SELECT person_id FROM person_contact"
	                         " WHERE last_off > coalesce(last_met, 0) AND " NOT_COVERED ")"
	                         " AND cadence_days IS NOT NULL AND deleted_at IS NULL"
	                         " AND stage NOT IN ('paused', 'alumni') ORDER BY id",
	               &st, err))
		return fail_db(err);
	date_today(clock_now(), today);
	db_bind_int(st, 1, clock_now() + (cfg->due_soon_days + 3) * (int64_t)86400);
	db_bind_int(st, 2, date_start(today) - 2 * (int64_t)86400);
	db_bind_int(st, 3, date_start(today));
	while ((rc = db_step(st, err)) == DB_ROW) {
		struct due d;
		if (due_of_row(db, cfg, st, &d, err) != RP_OK) {
			rc = DB_FAIL;
			break;
		}
		if (d.state != DUE_SOON && d.state != DUE_OVERDUE && d.state != DUE_RESCHEDULE)
			continue;
		struct due *p = health_room_for_one(*out, *n, &cap, sizeof *p);
		if (!p) {
			rc = DB_FAIL;
			rp_fail(err, RP_EIO, "out of memory");
			break;
		}
		*out = p;
		(*out)[(*n)++] = d;
	}
	db_release(st);
	if (rc == DB_FAIL) {
		free(*out);
		*out = NULL;
		*n = 0;
		return fail_db(err);
	}
	if (*n)
		qsort(*out, (size_t)*n, sizeof **out, due_order);
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

/* When the person's agreement began: their first done meeting (or, with
 * none, the day they were added), or the day the cadence was agreed if
 * that is later; and the cadence, 0 when none. */
static int agreement_start(struct db *db, int64_t person_id, long *cadence, int64_t *start,
                           int *at_meeting, struct rp_err *err)
{
	struct db_stmt *st;
	int rc;
	*cadence = 0;
	*start = 0;
	*at_meeting = 0;
	if (db_prepare(db,
	               "SELECT cadence_days, created_at, cadence_since, (SELECT min(start_at) FROM"
	               " meeting WHERE person_id = ?1 AND status = 'done' AND deleted_at IS NULL)"
	               " FROM person WHERE id = ?1",
	               &st, err))
		return fail_db(err);
	db_bind_int(st, 1, person_id);
	if ((rc = db_step(st, err)) == DB_ROW) {
		*cadence = db_col_is_null(st, 0) ? 0 : (long)db_col_int(st, 0);
		*start = db_col_is_null(st, 3) ? db_col_int(st, 1) : db_col_int(st, 3);
		*at_meeting = !db_col_is_null(st, 3);
		if (db_col_text(st, 2) && date_start(db_col_text(st, 2)) > *start) {
			*start = date_start(db_col_text(st, 2));
			*at_meeting = 0;
		}
	}
	db_release(st);
	if (rc == DB_DONE)
		return rp_fail(err, RP_ENOTFOUND, "person #%lld: no such person", (long long)person_id);
	return rc == DB_FAIL ? fail_db(err) : RP_OK;
}

int health_adherence(struct db *db, const struct config *cfg, int64_t person_id,
                     struct adherence *out, struct rp_err *err)
{
	int64_t held = 0, now = (int64_t)clock_now(), from, start;
	long cadence;
	int rc, at_meeting;
	memset(out, 0, sizeof *out);
	if (agreement_start(db, person_id, &cadence, &start, &at_meeting, err) != RP_OK)
		return err->code;
	if (cadence <= 0)
		return RP_OK;
	out->since = start;
	from = now - (int64_t)cfg->adherence_days * DAY;
	if (start >= from) { /* younger than the look-back: from its start */
		from = start;
		out->from_start = 1;
		out->too_early = now - start < (int64_t)cadence * DAY;
		/* one at the start when it began with a meeting, one a cadence since */
		out->expected = at_meeting + (int)((now - start) / ((int64_t)cadence * DAY));
	} else {
		from++; /* (from, now]: the look-back, as many days as it says */
		out->expected = (int)(cfg->adherence_days / cadence);
		if (out->expected < 1)
			out->expected = 1;
	}
	rc = db_one_int(db,
	                "SELECT count(*) FROM meeting WHERE person_id = ?1 AND status = 'done'"
	                " AND deleted_at IS NULL AND start_at >= ?2 AND start_at <= ?3",
	                &held, err, 3, person_id, from, now);
	out->held = (int)held;
	out->percent = out->expected ? 100 * out->held / out->expected : 0;
	if (out->percent > 100)
		out->percent = 100;
	return rc == DB_FAIL ? fail_db(err) : RP_OK;
}

void health_adherence_text(const struct adherence *a, const struct config *cfg, char *buf,
                           size_t n)
{
	char since[40], day[DATE_LEN];
	date_of_instant(a->since, day);
	fmt_date(day, since, sizeof since);
	if (a->too_early && a->held)
		snprintf(buf, n, "too early to tell (%d meeting%s since %s)", a->held,
		         a->held == 1 ? "" : "s", since);
	else if (a->too_early)
		snprintf(buf, n, "too early to tell (since %s)", since);
	else if (a->from_start)
		snprintf(buf, n, "%d of %d meetings since %s (%d%%)", a->held, a->expected, since,
		         a->percent);
	else
		snprintf(buf, n, "%d of %d meetings in the last %d days (%d%%)", a->held, a->expected,
		         cfg->adherence_days, a->percent);
}

int health_goal_progress(const struct rec *goal)
{
	return (int)rec_int(goal, kind_field_index(goal->kind, "progress"));
}

int health_meeting_unanswered(const struct rec *m)
{
	const struct kind *k = m->kind;
	int64_t start = rec_int(m, kind_field_index(k, "start_at"));
	int64_t minutes = rec_int(m, kind_field_index(k, "duration_min"));
	return k->id == K_MEETING && strcmp(rec_str(m, kind_field_index(k, "status")), "planned") == 0 &&
	       start + minutes * 60 <= (int64_t)clock_now();
}

const char *health_meeting_word(const struct rec *m)
{
	return health_meeting_unanswered(m) ? "happened?"
	                                    : rec_str(m, kind_field_index(m->kind, "status"));
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
