#include "tui/today_text.h"

#include <stdio.h>
#include <string.h>

#include "core/describe.h"
#include "core/person.h"
#include "core/store.h"
#include "core/utf8.h"
#include "tui/colors.h"
#include "tui/text.h"

/* "Thu 26 Nov" from an ISO day */
static void short_day(const char *ymd, char *buf, size_t n)
{
	char full[32];
	fmt_date(ymd, full, sizeof full);
	snprintf(buf, n, "%.10s", full);
}

static void first_line(const char *s, char *buf, size_t n)
{
	utf8_copy(buf, n, s);
	buf[strcspn(buf, "\n")] = '\0';
}

/* head + free + tail into line; when that is wider than width (0: no
 * limit), the free text is cut (…) so that the facts around it stay. */
static int today_width; /* of the current today_text call */

static void fit_line(char *line, size_t n, const char *head, const char *free_text,
                     const char *tail)
{
	char cut[1024];
	int fixed = text_width(head) + text_width(tail), room = today_width - 1 - fixed;
	if (today_width > 0 && fixed + text_width(free_text) > today_width - 1 && room >= 4) {
		text_fit(free_text, room, cut, sizeof cut);
		free_text = cut;
	}
	snprintf(line, n, "%s%s%s", head, free_text, tail);
}

static void section(today_emit *emit, void *ctx, const char *title, int empty)
{
	emit("", R_NORMAL, K_NONE, 0, ctx);
	emit(title, R_HEADER, K_NONE, 0, ctx);
	if (empty)
		emit("  (none)", R_MUTED, K_NONE, 0, ctx);
}

/* After a section's first rows: how many it leaves out. */
static void more_line(today_emit *emit, void *ctx, int more)
{
	char line[64];
	if (more <= 0)
		return;
	snprintf(line, sizeof line, "  and %d more", more);
	emit(line, R_MUTED, K_NONE, 0, ctx);
}

/* Today: the date, the check-in and the streak. */
static void today_text_checkin(struct db *db, const struct today *t, today_emit *emit, void *ctx)
{
	char line[1024], a[64], b[256], c[300];
	fmt_date(t->day, a, sizeof a);
	snprintf(line, sizeof line, "Today, %s", a);
	emit(line, R_TITLE, K_NONE, 0, ctx);
	if (t->checkin_off)
		return;
	if (t->has_checkin) {
		const struct rec *ci = &t->checkin;
		int mood = kind_field_index(ci->kind, "mood"), goal = kind_field_index(ci->kind, "goal_id");
		first_line(rec_text(ci, "next_step"), b, sizeof b);
		snprintf(a, sizeof a, "%lld", (long long)rec_int(ci, mood));
		snprintf(line, sizeof line, "Checked in: mood %s%s%s", rec_is_null(ci, mood) ? "-" : a,
		         *b ? ", next: " : "", b);
		if (!rec_is_null(ci, goal)) { /* what the day moved forward */
			size_t used = strlen(line);
			describe_id(db, K_GOAL, rec_int(ci, goal), c, sizeof c);
			snprintf(line + used, sizeof line - used, " (goal %s)", c);
		}
		emit(line, R_DONE, K_CHECKIN, ci->id, ctx);
	} else {
		emit("Not checked in yet today", R_DUE, K_CHECKIN, 0, ctx);
		if (t->last_next[0]) { /* the thread of the ritual */
			first_line(t->last_next, b, sizeof b);
			if (date_diff(t->last_next_day, t->day) == 1)
				snprintf(a, sizeof a, "yesterday");
			else
				short_day(t->last_next_day, a, sizeof a);
			snprintf(line, sizeof line, "  Next step from %s: %s", a, b);
			emit(line, R_NORMAL, K_CHECKIN, 0, ctx);
		}
	}
	snprintf(line, sizeof line, "Streak: %d day%s in a row (longest %d)", t->streak.current,
	         t->streak.current == 1 ? "" : "s", t->streak.longest);
	emit(line, R_NORMAL, K_NONE, 0, ctx);
}

/* A meeting's line: when (without the year), with whom, its state, agenda. */
static void meeting_line(struct db *db, const struct rec *m, today_emit *emit, void *ctx)
{
	char line[1024], a[64], b[256], c[300];
	fmt_instant(rec_int(m, kind_field_index(m->kind, "start_at")), a, sizeof a);
	person_name(db, rec_int(m, kind_field_index(m->kind, "person_id")), b, sizeof b);
	first_line(rec_text(m, "agenda"), c, sizeof c);
	/* "Thu 26 Nov 2026 09:00" without the year */
	char head[400];
	snprintf(head, sizeof head, "  %.10s %s  %s  %s%s", a, a + 16, b, health_meeting_word(m),
	         *c ? "  " : "");
	fit_line(line, sizeof line, head, c, "");
	emit(line, health_meeting_unanswered(m) ? R_DUE : R_NORMAL, K_MEETING, m->id, ctx);
}

/* Today: planned meetings of the days before, which nobody marked done or
 * missed; the meetings of today and the next 7 days. */
static void today_text_meetings(struct db *db, const struct today *t, today_emit *emit, void *ctx)
{
	if (t->unanswered.n) {
		section(emit, ctx, "Meetings that have passed: did they happen?", 0);
		for (int i = 0; i < t->unanswered.n; i++)
			meeting_line(db, &t->unanswered.rows[i], emit, ctx);
		more_line(emit, ctx, t->unanswered_more);
	}
	section(emit, ctx, "Meetings, today and the next 7 days", t->meetings.n == 0);
	for (int i = 0; i < t->meetings.n; i++)
		meeting_line(db, &t->meetings.rows[i], emit, ctx);
	more_line(emit, ctx, t->meetings_more);
}

/* Today: the people due for contact. */
static void today_text_due(const struct today *t, today_emit *emit, void *ctx)
{
	char line[1024], a[64];
	section(emit, ctx, "Due for contact", t->ndue == 0);
	for (int i = 0; i < t->ndue_shown; i++) {
		const struct due *d = &t->due[i];
		short_day(d->due_day, a, sizeof a);
		if (d->state == DUE_OVERDUE)
			snprintf(line, sizeof line, "  %s  overdue by %ld day%s (due %s)", d->name, d->days,
			         d->days == 1 ? "" : "s", a);
		else if (d->state == DUE_RESCHEDULE)
			snprintf(line, sizeof line, "  %s  to reschedule: %s", d->name,
			         health_missed_text(d, a, sizeof a));
		else if (d->days == 0)
			snprintf(line, sizeof line, "  %s  due today", d->name);
		else
			snprintf(line, sizeof line, "  %s  due in %ld day%s (%s)", d->name, d->days,
			         d->days == 1 ? "" : "s", a);
		emit(line, d->state == DUE_OVERDUE ? R_OVERDUE : R_DUE, K_PERSON, d->person_id, ctx);
	}
	more_line(emit, ctx, t->ndue - t->ndue_shown);
}

/* Today: the thanks owed. */
static void today_text_owed(const struct today *t, today_emit *emit, void *ctx)
{
	char line[1024], a[64];
	section(emit, ctx, "Thanks owed", t->nowed == 0);
	for (int i = 0; i < t->nowed; i++) {
		const struct owed *o = &t->owed[i];
		fmt_instant(o->start_at, a, sizeof a);
		snprintf(line, sizeof line, "  %s  for the meeting of %.10s%s", o->name, a,
		         o->draft_id ? " (a draft is written, not sent)" : "");
		/* the draft when one is written (x sends it, e edits it), else
		 * the meeting (t writes the note for it) */
		emit(line, R_DUE, o->draft_id ? K_GRATITUDE : K_MEETING,
		     o->draft_id ? o->draft_id : o->meeting_id, ctx);
	}
	more_line(emit, ctx, t->nowed_all - t->nowed);
}

/* Today: the open action items. */
static void today_text_actions(struct db *db, const struct today *t, today_emit *emit, void *ctx)
{
	char line[1024], a[64], b[256], c[300];
	snprintf(line, sizeof line, "Open actions: %ld mine, %ld theirs, %ld overdue", t->actions.mine,
	         t->actions.theirs, t->actions.overdue);
	section(emit, ctx, line, t->actions.page.n == 0);
	for (int i = 0; i < t->actions.page.n; i++) {
		const struct rec *act = &t->actions.page.rows[i];
		const char *due = rec_text(act, "due_date");
		int late = *due && date_diff(t->day, due) < 0;
		struct rec m;
		b[0] = '\0';
		if (rec_get(db, K_MEETING, rec_int(act, kind_field_index(act->kind, "meeting_id")), &m,
		            NULL) == RP_OK) {
			person_name(db, rec_int(&m, kind_field_index(m.kind, "person_id")), b, sizeof b);
			rec_free(&m);
		}
		if (*due)
			short_day(due, a, sizeof a);
		if (*due && date_diff(t->day, due) == 0)
			snprintf(c, sizeof c, "due today");
		else
			snprintf(c, sizeof c, "%s%s", !*due ? "" : late ? "overdue since " : "due ",
			         *due ? a : "");
		char head[32], tail[600];
		snprintf(head, sizeof head, "  [ ] %-4s  ", rec_text(act, "owner"));
		snprintf(tail, sizeof tail, "%s%s  (%s)", *c ? ", " : "", c, b);
		fit_line(line, sizeof line, head, rec_text(act, "text"), tail);
		emit(line, late ? R_OVERDUE : R_NORMAL, K_ACTION, act->id, ctx);
	}
}

/* Today: the goals near or past their target, with whose they are. */
static void today_text_goals(struct db *db, const struct today *t, today_emit *emit, void *ctx)
{
	char line[1024], a[64], b[256], who[256];
	section(emit, ctx, "Goals near or past their target", t->goals.n == 0);
	for (int i = 0; i < t->goals.n; i++) {
		const struct rec *g = &t->goals.rows[i];
		const char *target = rec_text(g, "target_date");
		long left = date_diff(t->day, target);
		short_day(target, a, sizeof a);
		if (left < 0)
			snprintf(b, sizeof b, "late by %ld day%s (target %s)", -left, left == -1 ? "" : "s", a);
		else
			snprintf(b, sizeof b, "target %s (in %ld day%s)", a, left, left == 1 ? "" : "s");
		char tail[600];
		int pf = kind_field_index(g->kind, "person_id");
		who[0] = '\0';
		if (!rec_is_null(g, pf))
			person_name(db, rec_int(g, pf), who, sizeof who);
		snprintf(tail, sizeof tail, "  %d%%  %s%s%s%s", t->goal_progress[i], b, who[0] ? "  (" : "",
		         who, who[0] ? ")" : "");
		fit_line(line, sizeof line, "  ", rec_text(g, "title"), tail);
		emit(line, left < 0 ? R_OVERDUE : R_NORMAL, K_GOAL, g->id, ctx);
	}
	more_line(emit, ctx, t->goals_more);
}

/* Every section in order, each line through emit. */
void today_text(struct db *db, const struct today *t, int width, today_emit *emit, void *ctx)
{
	int in_one = store_read_begin(db, NULL) == RP_OK; /* the names: one lock, not one each */
	today_width = width;
	today_text_checkin(db, t, emit, ctx);
	today_text_meetings(db, t, emit, ctx);
	today_text_due(t, emit, ctx);
	today_text_owed(t, emit, ctx);
	today_text_actions(db, t, emit, ctx);
	today_text_goals(db, t, emit, ctx);
	if (in_one)
		store_read_end(db);
}
