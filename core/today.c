#include "core/today.h"

#include <stdlib.h>
#include <string.h>

#include "core/checkin.h"
#include "core/clock.h"
#include "db/db.h"

/* Rows of `kind` whose ids a query returns (ids bound by the caller, its
 * LIMIT TODAY_COUNT_MAX): the first TODAY_ROWS of them, and how many more
 * there are in *more (counted from the ids alone). */
static int load_ids(struct db *db, struct db_stmt *st, enum kind_id kind, struct rec_page *page,
                    int *more, struct rp_err *err)
{
	int64_t ids[TODAY_ROWS];
	int n = 0, rc;
	*more = 0;
	while ((rc = db_step(st, err)) == DB_ROW)
		if (n < TODAY_ROWS)
			ids[n++] = db_col_int(st, 0);
		else
			(*more)++;
	db_release(st);
	if (rc == DB_FAIL)
		return rp_code(err, RP_EDB);
	page->rows = calloc((size_t)(n ? n : 1), sizeof *page->rows);
	if (!page->rows)
		return rp_fail(err, RP_EIO, "out of memory");
	for (int i = 0; i < n; i++) {
		if (rec_get(db, kind, ids[i], &page->rows[i], err) != RP_OK)
			return rp_code(err, RP_EDB);
		page->n++;
	}
	return RP_OK;
}

/* The week's meetings, and the planned ones of the days before that were
 * never answered (did they happen?). */
static int load_meetings(struct db *db, struct today *t, struct rp_err *err)
{
	struct db_stmt *st;
	char until[DATE_LEN];
	int rc;
	date_add_days(t->day, TODAY_MEETING_DAYS + 1, until);
	if (db_prepare(db,
	               "SELECT id FROM meeting WHERE deleted_at IS NULL AND start_at >= ?1"
	               " AND start_at < ?2 AND status IN ('planned', 'done')"
	               " ORDER BY start_at, id LIMIT ?3",
	               &st, err))
		return rp_code(err, RP_EDB);
	db_bind_int(st, 1, date_start(t->day));
	db_bind_int(st, 2, date_start(until));
	db_bind_int(st, 3, TODAY_COUNT_MAX);
	if ((rc = load_ids(db, st, K_MEETING, &t->meetings, &t->meetings_more, err)) != RP_OK)
		return rc;

	date_add_days(t->day, -HEALTH_ASK_DAYS, until);
	if (db_prepare(db,
	               "SELECT id FROM meeting WHERE status = 'planned' AND deleted_at IS NULL"
	               " AND start_at >= ?1 AND start_at < ?2 ORDER BY start_at, id LIMIT ?3",
	               &st, err))
		return rp_code(err, RP_EDB);
	db_bind_int(st, 1, date_start(until));
	db_bind_int(st, 2, date_start(t->day));
	db_bind_int(st, 3, TODAY_COUNT_MAX);
	if ((rc = load_ids(db, st, K_MEETING, &t->unanswered, &t->unanswered_more, err)) != RP_OK)
		return rc;

	return RP_OK;
}

static int today_read(struct db *db, const struct config *cfg, struct today *t,
                      struct rp_err *err)
{
	struct db_stmt *st;
	char until[DATE_LEN];
	int rc;

	memset(t, 0, sizeof *t);
	rec_init(&t->checkin, K_CHECKIN);
	date_today(clock_now(), t->day);

	if ((rc = load_meetings(db, t, err)) != RP_OK)
		return rc;

	if (health_due_list(db, cfg, &t->due, &t->ndue, err) != RP_OK ||
	    health_thanks_owed(db, cfg, TODAY_ROWS, &t->owed, &t->nowed, &t->nowed_all, err) != RP_OK ||
	    health_promises(db, TODAY_ROWS, &t->actions, err) != RP_OK ||
	    health_streak(db, &t->streak, err) != RP_OK)
		return rp_code(err, RP_EDB);
	/* a section shows its first rows and says how many more there are */
	t->ndue_shown = t->ndue < TODAY_ROWS ? t->ndue : TODAY_ROWS;

	date_add_days(t->day, TODAY_GOAL_DAYS, until);
	if (db_prepare(db,
	               "SELECT id FROM goal WHERE deleted_at IS NULL AND status IN ('open', 'active')"
	               " AND target_date <= ?1 ORDER BY target_date, id LIMIT ?2",
	               &st, err))
		return rp_code(err, RP_EDB);
	db_bind_text(st, 1, until);
	db_bind_int(st, 2, TODAY_COUNT_MAX);
	if ((rc = load_ids(db, st, K_GOAL, &t->goals, &t->goals_more, err)) != RP_OK)
		return rc;
	t->goal_progress = calloc((size_t)(t->goals.n ? t->goals.n : 1), sizeof *t->goal_progress);
	if (!t->goal_progress)
		return rp_fail(err, RP_EIO, "out of memory");
	for (int i = 0; i < t->goals.n; i++)
		t->goal_progress[i] = health_goal_progress(&t->goals.rows[i]);

	rec_free(&t->checkin);
	rc = checkin_of_day(db, t->day, &t->checkin, err);
	if (rc != RP_OK && rc != RP_ENOTFOUND)
		return rc;
	t->has_checkin = rc == RP_OK;
	t->checkin_off = cfg->checkin_off;
	return checkin_last_next_step(db, t->day, t->last_next, sizeof t->last_next,
	                              t->last_next_day, err);
}

void today_free(struct today *t)
{
	rec_page_free(&t->meetings);
	rec_page_free(&t->unanswered);
	rec_page_free(&t->goals);
	health_promises_free(&t->actions);
	rec_free(&t->checkin);
	free(t->due);
	free(t->owed);
	free(t->goal_progress);
	memset(t, 0, sizeof *t);
}

int today_load(struct db *db, const struct config *cfg, struct today *t, struct rp_err *err)
{
	int rc;
	if (db_read_begin(db, err) != RP_OK)
		return rp_code(err, RP_EDB);
	rc = today_read(db, cfg, t, err);
	db_read_end(db);
	return rc;
}
