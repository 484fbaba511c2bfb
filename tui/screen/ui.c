/* ui.c - the full-screen interface: the terminal, the layout, drawing and
 * the main loop (the actions are in ui_act.c).  Windows are redrawn from
 * dirty flags (wnoutrefresh each), with one doupdate before each key is read. */
#include "tui/screen/ui.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/hooks.h"
#include "core/when.h"
#include "core/store.h"
#include "core/summary.h"
#include "tui/colors.h"
#include "core/describe.h"
#include "core/person.h"
#include "tui/keys.h"
#include "tui/text.h"


/* The panes of the main screen, in the order of their keys 1 to 4. */
static const struct pane_def {
	enum kind_id kind;
	const char *title, *empty;
} pane_defs[NPANES] = {
	/* the people's title follows their roles (person_group_title) */
	{K_PERSON, "People", "No one yet: press a to add a person."},
	{K_GOAL, "Goals", "No goals yet: a adds one (a first job, a CV...)."},
	{K_MEETING, "Meetings", "No meetings yet: m on a person, or a here."},
	{K_GRATITUDE, "Gratitude", "No thank-you notes yet: t on a person or a meeting."},
};

/* The pane that lists a kind (the first when none does). */
static int pane_of(enum kind_id kind)
{
	for (int i = 0; i < NPANES; i++)
		if (pane_defs[i].kind == kind)
			return i;
	return 0;
}

void ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
	ui->dirty |= D_BOTTOM;
}

struct pane *ui_focused(struct ui *ui) { return &ui->panes[ui->focus]; }

void ui_error(struct ui *ui, const struct rp_err *err)
{
	ui_message(ui, 1, "%s", err->msg);
}

/* --- layout */

static void free_windows(struct ui *ui)
{
	WINDOW **all[] = {&ui->top, &ui->bottom, &ui->detail_win, &ui->full, &ui->pane_win[0],
	                  &ui->pane_win[1], &ui->pane_win[2], &ui->pane_win[3]};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (*all[i]) {
			delwin(*all[i]);
			*all[i] = NULL;
		}
}

static void layout(struct ui *ui)
{
	struct rp_err err;
	int top_h;
	free_windows(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->too_small = ui->cols < MIN_COLS || ui->rows < MIN_ROWS;
	ui->dirty = D_ALL;
	clearok(curscr, TRUE);
	/* stdscr lies under every window and getch() refreshes it: keep it
	 * blank and untouched, or it paints over them */
	werase(stdscr);
	wnoutrefresh(stdscr);
	if (ui->too_small)
		return;
	ui->wide = ui->cols >= 100 && ui->rows >= 30;
	top_h = ui->wide ? 1 : 2; /* narrow: a tab bar under the top line */
	ui->top = newwin(top_h, ui->cols, 0, 0);
	ui->bottom = newwin(1, ui->cols, ui->rows - 1, 0);
	ui->full = newwin(ui->rows - 2, ui->cols, 1, 0);
	if (ui->wide) {
		int grid = (ui->rows - 2) * 3 / 5, h1 = (grid + 1) / 2, h2 = grid - h1;
		int w1 = ui->cols / 2, w2 = ui->cols - w1;
		ui->pane_win[0] = newwin(h1, w1, 1, 0);
		ui->pane_win[1] = newwin(h1, w2, 1, w1);
		ui->pane_win[2] = newwin(h2, w1, 1 + h1, 0);
		ui->pane_win[3] = newwin(h2, w2, 1 + h1, w1);
		ui->detail_win = newwin(ui->rows - 2 - grid, ui->cols, 1 + grid, 0);
		for (int i = 0; i < NPANES; i++)
			pane_set_height(&ui->panes[i], (i < 2 ? h1 : h2) - 2);
	} else {
		int avail = ui->rows - top_h - 1;
		int ph = ui->rows >= 24 ? avail / 2 : avail;
		for (int i = 0; i < NPANES; i++) {
			ui->pane_win[i] = newwin(ph, ui->cols, top_h, 0);
			pane_set_height(&ui->panes[i], ph - 2);
		}
		if (avail - ph >= 4)
			ui->detail_win = newwin(avail - ph, ui->cols, top_h + ph, 0);
	}
	if (ui->screen == SCREEN_MAIN)
		wresize(ui->full, ui->rows - 2, ui->cols);
	for (int i = 0; i < NPANES; i++)
		if (pane_load(ui->db, &ui->panes[i], &err) != RP_OK)
			ui_error(ui, &err);
	ui->detail.id = 0; /* rebuilt for the new width */
}

/* --- drawing */

/* The top line's counts take a few queries per person: made after the
 * screen is up, and again only after a change. */
static void count_up(struct ui *ui)
{
	struct summary s;
	struct rp_err err;
	if (summary_counts(ui->db, ui->cfg, &s, &err) != RP_OK)
		memset(&s, 0, sizeof s);
	ui->counts[0] = s.due;
	ui->counts[1] = s.thanks_owed;
	ui->counts[2] = s.open_actions;
	ui->counts_stale = 0;
	ui->counted = 1;
}

static void draw_top(struct ui *ui)
{
	char ro[96];
	char date[32], line[512], out[1024];
	struct tm tm;
	local_tm(clock_now(), &tm);
	strftime(date, sizeof date, "%a %d %b %Y", &tm);
	werase(ui->top);
	wattrset(ui->top, color_attr(R_TITLE));
	mvwaddstr(ui->top, 0, 1, "rapport");
	wattrset(ui->top, A_NORMAL);
	if (ui->readonly && store_readonly_why(ui->db))
		snprintf(ro, sizeof ro, "   [read-only: %s]", store_readonly_why(ui->db));
	else
		snprintf(ro, sizeof ro, "%s", ui->readonly ? "   [read-only]" : "");
	if (!ui->counted) /* the first screen comes before the counts */
		snprintf(line, sizeof line, "  %s   counting\xe2\x80\xa6%s", date, ro);
	else
		snprintf(line, sizeof line,
		         "  %s   %ld due \xc2\xb7 %ld thanks owed \xc2\xb7 %ld open action%s%s", date,
		         ui->counts[0], ui->counts[1], ui->counts[2], ui->counts[2] == 1 ? "" : "s", ro);
	text_fit(line, ui->cols - 9, out, sizeof out);
	waddstr(ui->top, out);
	if (!ui->wide) { /* the tab bar */
		int x = 1;
		for (int i = 0; i < NPANES; i++) {
			snprintf(line, sizeof line, " %d %s ", i + 1, ui->panes[i].title);
			if (x + text_width(line) >= ui->cols)
				break;
			wattrset(ui->top, i == ui->focus ? color_attr(R_SELECTION) : color_attr(R_MUTED));
			mvwaddstr(ui->top, 1, x, line);
			x += text_width(line) + 1;
		}
		wattrset(ui->top, A_NORMAL);
	}
	wnoutrefresh(ui->top);
}

static void draw_bottom(struct ui *ui)
{
	char line[1024], out[1024];
	unsigned ctx = ui->form ? KC_FORM : ui->screen == SCREEN_MAIN ? KC_MAIN : KC_VIEW;
	werase(ui->bottom);
	if (ui->msg[0]) {
		wattrset(ui->bottom, color_attr(ui->msg_error ? R_ERROR : R_HEADER));
		text_fit(ui->msg, ui->cols - 2, out, sizeof out);
	} else {
		enum kind_id kind;
		int64_t id;
		size_t used = 0;
		line[0] = '\0';
		/* in a view or on Today, what the keys act on: the highlighted item */
		if (!ui->form &&
		    (ui->screen == SCREEN_VIEW || ui->screen == SCREEN_TODAY || ui->screen == SCREEN_TRASH) &&
		    detail_item(&ui->detail, &kind, &id)) {
			char what[300], cut[120];
			describe_id(ui->db, kind, id, what, sizeof what);
			text_fit(what, 36, cut, sizeof cut);
			used = (size_t)snprintf(line, sizeof line, "[%s %s]  ",
			                        kind_get(kind)->noun ? kind_get(kind)->noun : kind_get(kind)->name, cut);
		}
		keys_hint_line(ctx, ui->readonly, line + used, sizeof line - used);
		wattrset(ui->bottom, color_attr(R_MUTED));
		text_fit(line, ui->cols - 1, out, sizeof out);
	}
	mvwaddstr(ui->bottom, 0, ui->msg[0] ? 1 : 0, out);
	wattrset(ui->bottom, A_NORMAL);
	wnoutrefresh(ui->bottom);
}

struct help_draw {
	struct ui *ui;
	int row, y;
};

static void help_line(const char *line, int heading, void *ctx)
{
	struct help_draw *h = ctx;
	char out[1024];
	if (h->row++ < h->ui->help_top || h->y >= h->ui->rows - 2)
		return;
	wattrset(h->ui->full, heading ? color_attr(R_HEADER) : A_NORMAL);
	text_fit(line, h->ui->cols - 2, out, sizeof out);
	mvwaddstr(h->ui->full, h->y++, heading ? 1 : 0, out);
	wattrset(h->ui->full, A_NORMAL);
}

static void count_line(const char *line, int heading, void *ctx)
{
	(void)line;
	(void)heading;
	(*(int *)ctx)++;
}

static void draw_help(struct ui *ui)
{
	struct help_draw h = {ui, 0, 0};
	int total = 0, shown = ui->rows - 2;
	keys_help(count_line, &total);
	/* j and G stop where the last line is at the bottom, not past it */
	if (ui->help_top > total - shown)
		ui->help_top = total - shown > 0 ? total - shown : 0;
	werase(ui->full);
	keys_help(help_line, &h);
	wnoutrefresh(ui->full);
}

static void draw(struct ui *ui)
{
	struct rp_err err;
	if (ui->too_small) {
		char line[128];
		erase();
		snprintf(line, sizeof line, "Terminal too small: %dx%d", ui->cols, ui->rows);
		mvaddstr(ui->rows / 2 - 1 > 0 ? ui->rows / 2 - 1 : 0, 1, line);
		snprintf(line, sizeof line, "rapport needs %dx%d; q quits", MIN_COLS, MIN_ROWS);
		mvaddstr(ui->rows / 2 > 0 ? ui->rows / 2 : 0, 1, line);
		wnoutrefresh(stdscr);
		ui->dirty = 0;
		return;
	}
	if (ui->dirty & D_TOP) {
		draw_top(ui);
		/* a narrow top has the tab bar on the line a full-screen view
		 * starts on: the view goes over it again */
		if (ui->screen != SCREEN_MAIN)
			ui->dirty |= D_DETAIL;
	}
	if (ui->screen == SCREEN_SEARCH) {
		/* drawn last, below */
	} else if (ui->screen == SCREEN_HELP) {
		if (ui->dirty & (D_DETAIL | D_ALL))
			draw_help(ui);
	} else if (ui->screen == SCREEN_VIEW || ui->screen == SCREEN_TODAY ||
	           ui->screen == SCREEN_TRASH) {
		if (ui->dirty & D_DETAIL) {
			detail_need(ui->db, &ui->detail, ui->detail.top + ui->rows, &err);
			werase(ui->full);
			detail_draw(&ui->detail, ui->full, 0, 1);
			wnoutrefresh(ui->full);
		}
	} else {
		for (int i = 0; i < NPANES; i++)
			if ((ui->dirty & D_PANE(i)) && (ui->wide || i == ui->focus))
				pane_draw(&ui->panes[i], ui->pane_win[i], i == ui->focus, 1);
		if ((ui->dirty & D_DETAIL) && ui->detail_win) {
			const struct rec *sel = pane_selected(ui_focused(ui));
			int w = getmaxx(ui->detail_win);
			if (!sel || sel->id != ui->detail.id || sel->kind->id != ui->detail.kind ||
			    ui->detail.width != w - 1)
				if (detail_show(ui->db, &ui->detail, sel, w - 1, &err) != RP_OK)
					ui_error(ui, &err);
			detail_need(ui->db, &ui->detail, getmaxy(ui->detail_win), &err);
			werase(ui->detail_win);
			/* a rule with a title between the panes and the detail */
			wattrset(ui->detail_win, color_attr(R_BORDER));
			mvwhline(ui->detail_win, 0, 0, ACS_HLINE, w);
			wattrset(ui->detail_win, color_attr(R_HEADER));
			mvwaddstr(ui->detail_win, 0, 2,
			          !sel ? " Nothing selected "
			          : sel->kind->id == K_PERSON ? " Timeline (Enter: full screen) "
			                                      : " Details (Enter: full screen) ");
			wattrset(ui->detail_win, A_NORMAL);
			detail_draw(&ui->detail, ui->detail_win, 1, 0);
			wnoutrefresh(ui->detail_win);
		}
	}
	if (ui->form) {
		curs_set(1);
		draw_bottom(ui);
		form_draw(ui->form, ui->rows, ui->cols);
	} else if (ui->screen == SCREEN_SEARCH) {
		draw_bottom(ui);
		ui_search_draw(ui); /* last, so that the cursor stays in the query */
		curs_set(1);
	} else if (ui->prompt.active) {
		ui_prompt_draw(ui);
		curs_set(1);
	} else {
		curs_set(0);
		if (ui->dirty & D_BOTTOM)
			draw_bottom(ui);
	}
	ui->dirty = 0;
}

/* --- changes */

/* The full-screen view shows its item again, as it is now, where it was. */
static void refresh_view(struct ui *ui)
{
	struct rec r;
	struct rp_err err;
	int top = ui->detail.top, cursor = ui->detail.cursor;
	int found = rec_get(ui->db, ui->detail.kind, ui->detail.id, &r, &err) == RP_OK;
	if (!found || r.deleted_at) {
		if (found)
			rec_free(&r);
		ui->screen = SCREEN_MAIN; /* it is gone: back to the lists */
		ui->detail.id = 0;
		return;
	}
	if (detail_show(ui->db, &ui->detail, &r, ui->cols - 1, &err) != RP_OK)
		ui_error(ui, &err);
	detail_need(ui->db, &ui->detail, cursor + ui->rows, &err);
	ui->detail.top = top < ui->detail.n ? top : 0;
	ui->detail.cursor = cursor < ui->detail.n ? cursor : ui->detail.n - 1;
	rec_free(&r);
}

void ui_reload(struct ui *ui)
{
	struct rp_err err;
	ui->counts_stale = 1;
	ui->panes[pane_of(K_PERSON)].title = person_group_title(ui->db);
	for (int i = 0; i < NPANES; i++)
		if (pane_load(ui->db, &ui->panes[i], &err) != RP_OK)
			ui_error(ui, &err);
	if (ui->screen == SCREEN_TODAY)
		ui_today_build(ui);
	else if (ui->screen == SCREEN_TRASH)
		ui_trash_build(ui);
	else if (ui->screen == SCREEN_VIEW && ui->detail.id)
		refresh_view(ui);
	else
		ui->detail.id = 0;
	ui->dirty = D_ALL;
}

void ui_changed(struct ui *ui, const struct rec *r)
{
	struct rp_err err;
	ui_reload(ui);
	for (int i = 0; r && i < NPANES; i++)
		if (pane_defs[i].kind == r->kind->id && !r->deleted_at)
			if (pane_show(ui->db, &ui->panes[i], r, &err) != RP_OK)
				ui_error(ui, &err);
}

void ui_open_form(struct ui *ui, struct form *f)
{
	if (!f) {
		ui_message(ui, 1, "out of memory");
		return;
	}
	ui->form = f;
	ui->dirty = D_ALL;
}

static void say_on_screen(void *ctx, int error, const char *msg)
{
	ui_message(ctx, error, "%s", msg);
}

static struct form_host form_host_of(struct ui *ui)
{
	return (struct form_host){.db = ui->db, .cfg = ui->cfg, .say = say_on_screen, .ctx = ui};
}

void ui_new_form(struct ui *ui, enum kind_id kind, const struct rec *start)
{
	struct form_host host = form_host_of(ui);
	ui_open_form(ui, form_new(&host, kind, start));
}

void ui_edit_form(struct ui *ui, const struct rec *r)
{
	struct form_host host = form_host_of(ui);
	ui_open_form(ui, form_edit(&host, r));
}

void ui_new_form_with(struct ui *ui, enum kind_id kind, enum kind_id ref1, int64_t id1,
                      enum kind_id ref2, int64_t id2)
{
	struct rec start;
	const struct kind *k = kind_get(kind);
	rec_init(&start, kind);
	if (ref1 != K_NONE && kind_ref_field(k, ref1) >= 0)
		rec_set_int(&start, kind_ref_field(k, ref1), id1, NULL);
	if (ref2 != K_NONE && kind_ref_field(k, ref2) >= 0)
		rec_set_int(&start, kind_ref_field(k, ref2), id2, NULL);
	ui_new_form(ui, kind, &start);
	rec_free(&start);
}

void ui_goto(struct ui *ui, enum kind_id kind, int64_t id)
{
	struct rec r;
	struct rp_err err;
	if (kind_get(kind)->shown_in_parent) { /* in their meeting's or goal's view */
		if (rec_get(ui->db, kind, id, &r, &err) != RP_OK) {
			ui_error(ui, &err);
			return;
		}
		id = rec_int(&r, kind_parent_field(r.kind));
		kind = kind_parent(r.kind)->id;
		rec_free(&r);
	}
	if (kind == K_CHECKIN) {
		ui_message(ui, 0, "Check-ins are on the Today screen (T) and in rapport list checkins");
		return;
	}
	if (rec_get(ui->db, kind, id, &r, &err) != RP_OK) {
		ui_error(ui, &err);
		return;
	}
	ui->screen = SCREEN_MAIN;
	ui->focus = pane_of(kind);
	if (pane_show(ui->db, &ui->panes[ui->focus], &r, &err) != RP_OK)
		ui_error(ui, &err);
	rec_free(&r);
	ui->detail.id = 0;
	ui->dirty = D_ALL;
}

/* --- the terminal */

/* Problems with [keys] and [colors]: shown on the message line, and printed
 * when the screen is given back (stderr is hidden while it is ours). */
#define MAX_PROBLEMS 16
static char problems[MAX_PROBLEMS][600];
static int nproblems;

static void keep_problem(const char *msg)
{
	if (nproblems < MAX_PROBLEMS)
		snprintf(problems[nproblems++], sizeof problems[0], "%s", msg);
}

/* The keys, then the terminal for curses: refused with a message when it
 * cannot be one (TERM unset or dumb, unknown, no cursor motion); NULL then. */
static SCREEN *start_terminal(const struct config *cfg)
{
	SCREEN *scr;
	const char *term = getenv("TERM");
	char *cup;

	if (!term || !*term || strcmp(term, "dumb") == 0) {
		fprintf(stderr, "rapport: TERM is %s: the full-screen interface needs a real terminal"
		                " (the commands work anywhere: rapport --help)\n",
		        term && *term ? "'dumb'" : "not set");
		return NULL;
	}
	keys_init(cfg, keep_problem);
	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr, "rapport: unknown terminal type '%s' (try TERM=xterm-256color)\n", term);
		return NULL;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(scr);
		fprintf(stderr, "rapport: the terminal '%s' cannot move the cursor\n", term);
		return NULL;
	}
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	/* getch() refreshes stdscr: refresh it once now, so that it never
	 * paints its blank self over the windows */
	refresh();
	colors_init(cfg, keep_problem);

	return scr;
}

/* Keys until quit: keys already waiting (a paste, typing ahead) are taken
 * first and the screen drawn once after them. */
static void key_loop(struct ui *ui)
{
	/* RAPPORT_TIMING=FILE: how long keys took, from reading the first
	 * since the last draw to the screen showing them, in microseconds (for
	 * the benchmark; the path users get, keys typed ahead included) */
	const char *timing_path = hooks_timing_file();
	FILE *timing = timing_path ? fopen(timing_path, "a") : NULL;
	struct timespec key_at = {0, 0};
	while (!ui->quit) {
		int key;
		/* keys already waiting (a paste, typing ahead) are taken first and
		 * the screen drawn once after them */
		if (!keys_pending()) {
			draw(ui);
			doupdate();
			if (ui->counts_stale) {
				count_up(ui);
				ui->dirty |= D_TOP;
				draw(ui);
				doupdate();
			}
			if (timing && key_at.tv_sec) {
				struct timespec done;
				clock_gettime(CLOCK_MONOTONIC, &done);
				fprintf(timing, "%ld\n",
				        (long)((done.tv_sec - key_at.tv_sec) * 1000000L +
				               (done.tv_nsec - key_at.tv_nsec) / 1000));
				fflush(timing);
				key_at.tv_sec = 0;
			}
		}
		key = keys_read();
		if (timing && !key_at.tv_sec)
			clock_gettime(CLOCK_MONOTONIC, &key_at);
		if (key < 0)
			continue;
		if (key == (KEY_FLAG | KEY_RESIZE)) {
			layout(ui);
			continue;
		}
		ui_handle_key(ui, key);
	}

	if (timing)
		fclose(timing);
}

int ui_run(struct db *db, const struct config *cfg, int readonly, const char *first_problem)
{
	struct ui ui;
	SCREEN *scr;

	if (!(scr = start_terminal(cfg)))
		return 1;
	memset(&ui, 0, sizeof ui);
	ui.db = db;
	ui.cfg = cfg;
	ui.readonly = readonly;
	ui.counts_stale = 1;
	detail_init(&ui.detail, cfg);
	rec_init(&ui.undo.before, K_PERSON);
	rec_init(&ui.undo.after, K_PERSON);
	for (int i = 0; i < NPANES; i++)
		pane_init(&ui.panes[i], pane_defs[i].kind, pane_defs[i].title, pane_defs[i].empty, cfg);
	ui.panes[pane_of(K_PERSON)].title = person_group_title(db);
	layout(&ui);
	if (cfg->start_today)
		ui_today_build(&ui);
	if (first_problem)
		ui_message(&ui, 1, "%s", first_problem);
	else if (nproblems)
		ui_message(&ui, 1, "%s%s", problems[0], nproblems > 1 ? " (more when you quit)" : "");

	key_loop(&ui);
	form_free(ui.form);
	ui_search_free(&ui);
	ui_prompt_free(&ui);
	detail_free(&ui.detail);
	rec_free(&ui.undo.before);
	rec_free(&ui.undo.after);
	for (int i = 0; i < NPANES; i++)
		pane_free(&ui.panes[i]);
	free_windows(&ui);
	endwin();
	delscreen(scr);
	for (int i = 0; i < nproblems; i++)
		fprintf(stderr, "rapport: %s\n", problems[i]);
	return 0;
}
