/* pane.c - see pane.h.  The window is defined by its top row's list key:
 * reloading fetches `height` rows from it (inclusive), moving past an edge
 * shifts the key by a row or a page, both as indexed keyset queries. */
#include "tui/screen/pane.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/health.h"
#include "core/search.h"
#include "core/when.h"
#include "tui/colors.h"
#include "tui/keys.h"
#include "tui/text.h"

void pane_init(struct pane *p, enum kind_id kind, const char *title, const char *empty,
               const struct config *cfg)
{
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->title = title;
	p->empty = empty;
	p->cfg = cfg;
	p->height = 1;
	p->filter_field = -1;
}

void pane_free(struct pane *p)
{
	free(p->filter_text);
	free(p->match_ids);
	p->filter_text = NULL;
	p->match_ids = NULL;
	p->nmatch = 0;
	free(p->facts);
	p->facts = NULL;
	rec_page_free(&p->page);
	rec_key_free(&p->top);
	p->has_top = 0;
}

void pane_set_height(struct pane *p, int height)
{
	p->height = height < 1 ? 1 : height;
}

const struct rec *pane_selected(const struct pane *p)
{
	return p->page.n ? &p->page.rows[p->cursor] : NULL;
}

static void set_top(struct pane *p, const struct rec *r)
{
	rec_key_free(&p->top);
	p->has_top = r != NULL;
	if (r)
		rec_key_of(r, &p->top);
}

/* Up to n rows just before row r (or before the end, r NULL), list order. */
static int rows_before(struct db *db, const struct pane *p, const struct rec *r, int n,
                       struct rec_page *out, struct rp_err *err)
{
	struct rec_key key;
	struct rec_query q = {
		.filter_field = p->filter_field, .filter_id = p->filter_id, .limit = n, .backward = 1};
	int rc;
	if (r) {
		rec_key_of(r, &key);
		q.after = &key;
	}
	rc = rec_list(db, p->kind, &q, out, err);
	if (r)
		rec_key_free(&key);
	return rc;
}

/* What the rows show beside their fields, read once for the page. */
static int load_facts(struct db *db, struct pane *p, struct rp_err *err)
{
	free(p->facts);
	p->facts = calloc((size_t)(p->page.n > 0 ? p->page.n : 1), sizeof *p->facts);
	if (!p->facts)
		return rp_fail(err, RP_EIO, "out of memory");
	return listfacts_load(db, p->cfg, p->page.rows, p->page.n, p->facts, err);
}

/* The window of a text filter: rows by id from the match list. */
static int load_matches(struct db *db, struct pane *p, struct rp_err *err)
{
	int64_t selected = pane_selected(p) ? pane_selected(p)->id : 0;
	int n;
	if (p->match_top > p->nmatch - p->height)
		p->match_top = p->nmatch - p->height > 0 ? p->nmatch - p->height : 0;
	n = p->nmatch - p->match_top < p->height ? p->nmatch - p->match_top : p->height;
	rec_page_free(&p->page);
	p->page.rows = calloc((size_t)(n > 0 ? n : 1), sizeof *p->page.rows);
	if (!p->page.rows)
		return rp_fail(err, RP_EIO, "out of memory");
	for (int i = 0; i < n; i++) {
		if (rec_get(db, p->kind, p->match_ids[p->match_top + i], &p->page.rows[p->page.n], err) !=
		    RP_OK)
			continue; /* gone since the search: skip it */
		if (p->page.rows[p->page.n].deleted_at) {
			rec_free(&p->page.rows[p->page.n]);
			continue;
		}
		p->page.n++;
	}
	p->page.more = p->match_top + n < p->nmatch;
	if (p->cursor >= p->page.n)
		p->cursor = p->page.n ? p->page.n - 1 : 0;
	for (int i = 0; i < p->page.n; i++)
		if (p->page.rows[i].id == selected)
			p->cursor = i;
	return load_facts(db, p, err);
}

int pane_filter_text(struct db *db, struct pane *p, const char *text, struct rp_err *err)
{
	struct hit *hits;
	int n, total;
	free(p->filter_text);
	free(p->match_ids);
	p->filter_text = NULL;
	p->match_ids = NULL;
	p->nmatch = p->match_top = p->cursor = 0;
	if (!text)
		return pane_load(db, p, err);
	if (search_run(db, text, p->kind, PANE_MATCH_MAX, &hits, &n, &total, err) != RP_OK)
		return rp_code(err, RP_EDB);
	p->filter_text = strdup(text);
	p->match_ids = calloc((size_t)(n ? n : 1), sizeof *p->match_ids);
	if (!p->filter_text || !p->match_ids) {
		free(hits);
		return rp_fail(err, RP_EIO, "out of memory");
	}
	for (int i = 0; i < n; i++)
		p->match_ids[i] = hits[i].id;
	p->nmatch = n;
	free(hits);
	return load_matches(db, p, err);
}

/* The window from its top row's list key. */
static int load_keyset(struct db *db, struct pane *p, struct rp_err *err)
{
	int64_t selected = pane_selected(p) ? pane_selected(p)->id : 0;
	int old_cursor = p->cursor;
	struct rec_query q = {.filter_field = p->filter_field,
	                      .filter_id = p->filter_id,
	                      .limit = p->height,
	                      .inclusive = 1};
	struct rec_page page;

	q.after = p->has_top ? &p->top : NULL;
	if (rec_list(db, p->kind, &q, &page, err) != RP_OK)
		return rp_code(err, RP_EDB);
	/* rows went away at the end: pull the window back to stay full */
	if (page.n < p->height && p->has_top) {
		struct rec_page before;
		int want = p->height - page.n;
		if (rows_before(db, p, page.n ? &page.rows[0] : NULL, want, &before, err) == RP_OK &&
		    before.n > 0) {
			set_top(p, &before.rows[0]);
			rec_page_free(&before);
			rec_page_free(&page);
			q.after = &p->top;
			if (rec_list(db, p->kind, &q, &page, err) != RP_OK)
				return rp_code(err, RP_EDB);
		} else {
			rec_page_free(&before);
		}
	}
	rec_page_free(&p->page);
	p->page = page;
	p->cursor = old_cursor < page.n ? old_cursor : (page.n ? page.n - 1 : 0);
	for (int i = 0; i < page.n; i++)
		if (page.rows[i].id == selected)
			p->cursor = i;
	if (page.n == 0)
		set_top(p, NULL);
	return load_facts(db, p, err);
}

int pane_load(struct db *db, struct pane *p, struct rp_err *err)
{
	return p->filter_text ? load_matches(db, p, err) : load_keyset(db, p, err);
}

/* Moves within a text filter's match list. */
static int move_matches(struct db *db, struct pane *p, int action, struct rp_err *err)
{
	int abs = p->match_top + p->cursor;
	switch (action) {
	case A_DOWN: abs++; break;
	case A_UP: abs--; break;
	case A_PAGE_DOWN: abs += p->height; break;
	case A_PAGE_UP: abs -= p->height; break;
	case A_FIRST: abs = 0; break;
	case A_LAST: abs = p->nmatch - 1; break;
	default: return RP_OK;
	}
	if (abs >= p->nmatch)
		abs = p->nmatch - 1;
	if (abs < 0)
		abs = 0;
	if (abs < p->match_top)
		p->match_top = abs;
	if (abs >= p->match_top + p->height)
		p->match_top = abs - p->height + 1;
	p->cursor = abs - p->match_top;
	rec_page_free(&p->page); /* the selected row is by position here */
	return load_matches(db, p, err);
}

int pane_move(struct db *db, struct pane *p, int action, struct rp_err *err)
{
	struct rec_page more;
	int n = p->page.n, rc = RP_OK;

	if (p->filter_text)
		return move_matches(db, p, action, err);
	switch (action) {
	case A_DOWN:
		if (p->cursor < n - 1) {
			p->cursor++;
		} else if (n && p->page.more) {
			set_top(p, n > 1 ? &p->page.rows[1] : &p->page.rows[0]);
			p->cursor = n; /* clamped to the new last row by the load */
			rc = pane_load(db, p, err);
			p->cursor = p->page.n - 1;
		}
		return rc;
	case A_UP:
		if (p->cursor > 0) {
			p->cursor--;
			return RP_OK;
		}
		if (!n || rows_before(db, p, &p->page.rows[0], 1, &more, err) != RP_OK)
			return n ? (rp_code(err, RP_EDB)) : RP_OK;
		if (more.n) {
			set_top(p, &more.rows[0]);
			rec_page_free(&more);
			p->cursor = 0;
			rc = pane_load(db, p, err);
			p->cursor = 0;
		} else {
			rec_page_free(&more);
		}
		return rc;
	case A_PAGE_DOWN:
		if (n && p->page.more) {
			int keep = p->cursor;
			set_top(p, &p->page.rows[n - 1]);
			rc = pane_load(db, p, err);
			p->cursor = keep < p->page.n ? keep : p->page.n - 1;
		} else if (n) {
			p->cursor = n - 1;
		}
		return rc;
	case A_PAGE_UP:
		if (!n)
			return RP_OK;
		if (rows_before(db, p, &p->page.rows[0], p->height - 1 > 0 ? p->height - 1 : 1, &more,
		                err) != RP_OK)
			return rp_code(err, RP_EDB);
		if (more.n) {
			int keep = p->cursor;
			set_top(p, &more.rows[0]);
			rc = pane_load(db, p, err);
			p->cursor = keep < p->page.n ? keep : 0;
		} else {
			p->cursor = 0;
		}
		rec_page_free(&more);
		return rc;
	case A_FIRST:
		set_top(p, NULL);
		rc = pane_load(db, p, err);
		p->cursor = 0;
		return rc;
	case A_LAST:
		if (rows_before(db, p, NULL, p->height, &more, err) != RP_OK)
			return rp_code(err, RP_EDB);
		set_top(p, more.n ? &more.rows[0] : NULL);
		rec_page_free(&more);
		rc = pane_load(db, p, err);
		p->cursor = p->page.n ? p->page.n - 1 : 0;
		return rc;
	default:
		return RP_OK;
	}
}

int pane_show(struct db *db, struct pane *p, const struct rec *r, struct rp_err *err)
{
	struct rec_page before;
	if (p->filter_text) { /* within the matches, where it is */
		for (int i = 0; i < p->nmatch; i++)
			if (p->match_ids[i] == r->id) {
				p->match_top = i;
				p->cursor = 0;
			}
		return load_matches(db, p, err);
	}
	/* put r about a third of the way down, with rows before it when any */
	if (rows_before(db, p, r, p->height / 3, &before, err) != RP_OK)
		return rp_code(err, RP_EDB);
	set_top(p, before.n ? &before.rows[0] : r);
	rec_page_free(&before);
	p->cursor = 0;
	if (pane_load(db, p, err) != RP_OK)
		return rp_code(err, RP_EDB);
	for (int i = 0; i < p->page.n; i++)
		if (p->page.rows[i].id == r->id)
			p->cursor = i;
	return RP_OK;
}

/* --- drawing */

static int fi(const struct rec *r, const char *col) { return kind_field_index(r->kind, col); }
static void day_month(int64_t t, char *buf, size_t n)
{
	char full[40];
	fmt_instant(t, full, sizeof full); /* "Thu 26 Nov 2026 14:00" -> "26 Nov" */
	snprintf(buf, n, "%.6s", full + 4);
}

/* Cells of a row, and the width each takes; the widest column stretches. */
#define MIN_FLEX 18 /* a name narrower than this loses the row's share columns */
struct cell {
	char text[256];
	int width; /* 0: takes what is left */
	enum role role;
};

/* The cells of a person: name, role/stage, organization, and when we met
 * or whether contact is due. */
static int person_cells(const struct rec *r, const struct row_facts *facts, struct cell *c)
{
	int n = 0;
	const struct due due = facts->due;
	snprintf(c[n].text, sizeof c[n].text, "%s", rec_text(r, "name"));
	n++;
	snprintf(c[n].text, sizeof c[n].text, "%s/%s", rec_text(r, "role"), rec_text(r, "stage"));
	c[n].width = 16;
	c[n++].role = R_MUTED;
	snprintf(c[n].text, sizeof c[n].text, "%s", rec_text(r, "organization"));
	c[n].width = -25; /* a share: a quarter of the row */
	c[n++].role = R_MUTED;
	/* the last column says when we met, unless contact is due */
	if (due.state == DUE_OVERDUE)
		/* whole in 9 cells: days up to 999, then whole years */
		snprintf(c[n].text, sizeof c[n].text, due.days < 1000 ? "late %ldd" : "late %ldy",
		         due.days < 1000 ? due.days : due.days / 365);
	else if (due.state == DUE_SOON)
		snprintf(c[n].text, sizeof c[n].text, due.days ? "due %ldd" : "due now", due.days);
	else if (due.state == DUE_RESCHEDULE)
		snprintf(c[n].text, sizeof c[n].text, "rebook"); /* to reschedule, in 9 cells */
	else if (due.last_met)
		day_month(due.last_met, c[n].text, sizeof c[n].text);
	else
		snprintf(c[n].text, sizeof c[n].text, "never");
	c[n].width = 9; /* "late 764d": a count is never cut */
	c[n++].role = due.state == DUE_OVERDUE                                    ? R_OVERDUE
	              : due.state == DUE_SOON || due.state == DUE_RESCHEDULE ? R_DUE
	                                                                      : R_MUTED;
	return n;
}

/* The cells of a goal: title, progress (or done/dropped), target (red
 * when late). */
static int goal_cells(const struct rec *r, const struct row_facts *facts, struct cell *c)
{
	const char *status = rec_text(r, "status");
	char today[DATE_LEN], buf[64];
	int n = 0;
	int pct = facts->progress;
	date_today(clock_now(), today);
	snprintf(c[n++].text, sizeof c[0].text, "%s", rec_text(r, "title"));
	if (strcmp(status, "done") == 0 || strcmp(status, "dropped") == 0)
		snprintf(c[n].text, sizeof c[n].text, "%s", status);
	else
		snprintf(c[n].text, sizeof c[n].text, "%d%%", pct);
	c[n].width = 7;
	c[n++].role = strcmp(status, "done") == 0 ? R_DONE : R_NORMAL;
	if (rec_str(r, fi(r, "target_date"))) {
		fmt_date(rec_text(r, "target_date"), buf, sizeof buf);
		snprintf(c[n].text, sizeof c[n].text, "%.6s", buf + 4);
	}
	c[n].width = 6;
	c[n++].role = health_goal_late(r, today) ? R_OVERDUE : R_MUTED;
	return n;
}

/* The cells of a meeting: when, with whom, status. */
static int meeting_cells(const struct rec *r, const struct row_facts *facts, struct cell *c)
{
	const char *status = rec_text(r, "status");
	char buf[64];
	int n = 0;
	fmt_instant(rec_int(r, fi(r, "start_at")), buf, sizeof buf);
	/* "Thu 26 Nov 14:00" */
	snprintf(c[n].text, sizeof c[n].text, "%.10s%s", buf, buf + 15);
	c[n++].width = 16;
	snprintf(c[n].text, sizeof c[n].text, "%s", facts->who);
	n++;
	snprintf(c[n].text, sizeof c[n].text, "%s", health_meeting_word(r));
	c[n].width = 9;
	c[n++].role = health_meeting_unanswered(r)      ? R_OVERDUE
	              : strcmp(status, "planned") == 0 ? R_DUE
	              : strcmp(status, "done") == 0    ? R_MUTED
	                                               : R_OVERDUE;
	return n;
}

/* The cells of a thank-you note: written, to whom, status, the note. */
static int thanks_cells(const struct rec *r, const struct row_facts *facts, struct cell *c)
{
	int n = 0;
	day_month(r->created_at, c[n].text, sizeof c[n].text);
	c[n].width = 6;
	c[n++].role = R_MUTED;
	snprintf(c[n].text, sizeof c[n].text, "%s", facts->who);
	c[n++].width = -30;
	snprintf(c[n].text, sizeof c[n].text, "%s", rec_text(r, "status"));
	c[n].width = 5;
	c[n++].role = strcmp(rec_text(r, "status"), "sent") == 0 ? R_DONE : R_DUE;
	snprintf(c[n++].text, sizeof c[0].text, "%s", rec_text(r, "body"));
	return n;
}

/* A row's cells by its kind; returns how many. */
static int row_cells(const struct rec *r, const struct row_facts *facts, struct cell *c)
{
	memset(c, 0, 5 * sizeof *c);
	switch (r->kind->id) {
	case K_PERSON:
		return person_cells(r, facts, c);
	case K_GOAL:
		return goal_cells(r, facts, c);
	case K_MEETING:
		return meeting_cells(r, facts, c);
	case K_GRATITUDE:
		return thanks_cells(r, facts, c);
	default:
		snprintf(c[0].text, sizeof c[0].text, "%s",
		         rec_text(r, r->kind->fields[r->kind->title_field].col));
		return 1;
	}
}

void pane_draw(const struct pane *p, WINDOW *w, int focused, int show_box)
{
	int h, wd, y0 = show_box ? 1 : 0, x0 = show_box ? 1 : 0;
	char out[1024];
	getmaxyx(w, h, wd);
	werase(w);
	if (show_box) {
		wattrset(w, color_attr(focused ? R_FOCUS : R_BORDER));
		box(w, 0, 0);
		if (p->filter_text)
			snprintf(out, sizeof out, " %s matching \"%s\": %d%s (f: all) ", p->title,
			         p->filter_text, p->nmatch, p->nmatch == PANE_MATCH_MAX ? "+" : "");
		else if (p->filter_id)
			snprintf(out, sizeof out, " %s with %s (f: all) ", p->title, p->filter_name);
		else
			snprintf(out, sizeof out, " %s ", p->title);
		mvwaddstr(w, 0, 2, out);
		if (p->page.more) /* the list goes on below the window */
			mvwaddstr(w, h - 1, wd - 10, " more \xe2\x86\x93 ");
		wattrset(w, A_NORMAL);
	}
	int inner = wd - 2 * x0;
	if (p->page.n == 0) {
		wattrset(w, color_attr(R_MUTED));
		text_fit(p->empty ? p->empty : "Nothing here yet.", inner - 1, out, sizeof out);
		mvwaddstr(w, y0, x0 + 1, out);
		wattrset(w, A_NORMAL);
		wnoutrefresh(w);
		return;
	}
	for (int i = 0; i < p->page.n && i < h - 2 * y0; i++) {
		struct cell c[5];
		static const struct row_facts unknown; /* the facts could not be read */
		int n = row_cells(&p->page.rows[i], p->facts ? &p->facts[i] : &unknown, c);
		int fixed = 0, x = x0 + 1, flex = 0;
		int selected = i == p->cursor;
		attr_t sel = selected ? color_attr(focused ? R_SELECTION : R_HEADER) : 0;
		int avail = inner - 2;
		/* fixed widths first, then shares, then the rest to the flexible
		 * ones; a share (the organization) gives way when the flexible
		 * column (the name) would be narrower than MIN_FLEX */
		int shares = 0, fixed_only = 0;
		for (int k = 0; k < n; k++) {
			if (c[k].width < 0)
				shares += avail * -c[k].width / 100 + 1;
			else if (c[k].width > 0)
				fixed_only += c[k].width + 1;
		}
		int keep_shares = avail - fixed_only - shares >= MIN_FLEX;
		for (int k = 0; k < n; k++) {
			if (c[k].width < 0 && !keep_shares) {
				c[k].width = -1; /* left out below */
				continue;
			}
			if (c[k].width < 0)
				c[k].width = avail * -c[k].width / 100;
			if (c[k].width > 0)
				fixed += c[k].width + 1;
			else
				flex++;
		}
		for (int k = 0; k < n; k++)
			if (c[k].width == 0)
				c[k].width = flex ? (avail - fixed - (flex - 1)) / flex : 0;
		if (selected) {
			wattrset(w, sel);
			mvwhline(w, y0 + i, x0, ' ', inner);
		}
		for (int k = 0; k < n && x < x0 + inner; k++) {
			int cw = c[k].width;
			if (cw < 0)
				continue;
			if (x + cw > x0 + inner - 1)
				cw = x0 + inner - 1 - x;
			if (cw <= 0)
				break;
			text_pad(c[k].text, cw, out, sizeof out);
			wattrset(w, selected ? sel : color_attr(c[k].role));
			mvwaddstr(w, y0 + i, x, out);
			x += cw + 1;
		}
		wattrset(w, A_NORMAL);
	}
	wnoutrefresh(w);
}
