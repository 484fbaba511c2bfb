/* ui_search.c - the search screen: results as you type, grouped by kind,
 * the matching words highlighted; Enter goes to a result, n and N step
 * through them afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/describe.h"
#include "tui/colors.h"
#include "tui/keys.h"
#include "tui/text.h"
#include "tui/screen/ui.h"

#define MAX_RESULTS 100

static void run(struct ui *ui)
{
	struct rp_err err;
	struct search_state *s = &ui->search;
	free(s->hits);
	s->hits = NULL;
	s->n = s->total = s->cursor = 0;
	if (search_run(ui->db, s->ed.buf, K_NONE, MAX_RESULTS, &s->hits, &s->n, &s->total, &err) !=
	    RP_OK)
		ui_error(ui, &err);
}

void ui_search_open(struct ui *ui)
{
	if (!ui->search.ed.buf)
		lineedit_init(&ui->search.ed, "", 512);
	ui->screen = SCREEN_SEARCH;
	if (ui->search.ed.len)
		run(ui); /* the data may have changed since */
	ui->dirty = D_ALL;
}

void ui_search_free(struct ui *ui)
{
	lineedit_free(&ui->search.ed);
	free(ui->search.hits);
	memset(&ui->search, 0, sizeof ui->search);
}

void ui_search_key(struct ui *ui, int key)
{
	struct search_state *s = &ui->search;
	ui->dirty |= D_DETAIL | D_BOTTOM;
	switch (key) {
	case 27: /* Esc */
		ui->screen = SCREEN_MAIN;
		ui->dirty = D_ALL;
		return;
	case '\n':
	case '\r':
	case KEY_FLAG | KEY_ENTER:
		if (s->n) {
			s->current = s->cursor;
			ui_goto(ui, s->hits[s->cursor].kind, s->hits[s->cursor].id);
			ui_message(ui, 0, "Result %d of %d; n and N go to the others", s->cursor + 1, s->n);
		}
		return;
	case KEY_FLAG | KEY_DOWN:
	case 14: /* C-n */
		if (s->cursor < s->n - 1)
			s->cursor++;
		return;
	case KEY_FLAG | KEY_UP:
	case 16: /* C-p */
		if (s->cursor > 0)
			s->cursor--;
		return;
	default:
		if (lineedit_key(&s->ed, key))
			run(ui);
	}
}

void ui_search_step(struct ui *ui, int dir)
{
	struct search_state *s = &ui->search;
	if (!s->n) {
		ui_message(ui, 0, "No search results: / searches");
		return;
	}
	s->current = (s->current + dir + s->n) % s->n;
	s->cursor = s->current;
	ui_goto(ui, s->hits[s->current].kind, s->hits[s->current].id);
	ui_message(ui, 0, "Result %d of %d", s->current + 1, s->n);
}

/* The snippet with its matched words in bold, cut to width. */
static void draw_snippet(WINDOW *w, int y, int x, int width, const char *s, attr_t base)
{
	char seg[512], out[1024];
	int used = 0;
	attr_t a = base;
	while (*s && used < width) {
		size_t len = strcspn(s, "\x01\x02");
		snprintf(seg, sizeof seg, "%.*s", (int)len, s);
		wattrset(w, a);
		used += text_fit(seg, width - used, out, sizeof out);
		mvwaddstr(w, y, x, out);
		getyx(w, y, x);
		s += len;
		if (*s == SEARCH_MARK_ON)
			a = base | A_BOLD | A_UNDERLINE;
		else if (*s == SEARCH_MARK_OFF)
			a = base;
		if (*s)
			s++;
	}
	wattrset(w, A_NORMAL);
}

void ui_search_draw(struct ui *ui)
{
	struct search_state *s = &ui->search;
	WINDOW *w = ui->full;
	int h = getmaxy(w), y = 2, col, first;
	char out[1024], what[300], status[160];
	werase(w);
	wattrset(w, color_attr(R_HEADER));
	mvwaddstr(w, 0, 1, "Search:");
	wattrset(w, A_NORMAL);
	lineedit_view(&s->ed, ui->cols - 11, out, sizeof out, &col);
	mvwaddstr(w, 0, 9, out);
	if (!s->ed.len)
		snprintf(status, sizeof status,
		         "Type words (all must match), \"a phrase\", or interv* for a prefix");
	else if (s->n == 0)
		snprintf(status, sizeof status, "Nothing matches");
	else if (s->total > SEARCH_RANK_MAX)
		snprintf(status, sizeof status, "More than %d matches: the newest %d", SEARCH_RANK_MAX,
		         s->n);
	else
		snprintf(status, sizeof status, "%d match%s%s", s->total, s->total == 1 ? "" : "es",
		         s->total > s->n ? ", the best shown" : ", best first");
	wattrset(w, color_attr(R_MUTED));
	mvwaddstr(w, 1, 1, status);
	wattrset(w, A_NORMAL);
	/* keep the selected result on screen: two rows each, plus headings */
	first = s->cursor - (h - 4) / 3 > 0 ? s->cursor - (h - 4) / 3 : 0;
	for (int i = first; i < s->n && y < h - 1; i++) {
		const struct hit *hit = &s->hits[i];
		attr_t sel = i == s->cursor ? color_attr(R_SELECTION) : A_NORMAL;
		if (i == first || hit->kind != s->hits[i - 1].kind) {
			wattrset(w, color_attr(R_HEADER));
			snprintf(what, sizeof what, "%s", kind_get(hit->kind)->plural);
			what[0] = (char)(what[0] - 'a' + 'A');
			mvwaddstr(w, y++, 1, what);
			wattrset(w, A_NORMAL);
			if (y >= h - 1)
				break;
		}
		describe_id(ui->db, hit->kind, hit->id, what, sizeof what);
		wattrset(w, sel);
		if (i == s->cursor)
			mvwhline(w, y, 0, ' ', ui->cols);
		text_fit(what, ui->cols - 4, out, sizeof out);
		mvwaddstr(w, y++, 3, out);
		draw_snippet(w, y++, 5, ui->cols - 6, hit->snippet, i == s->cursor ? 0 : color_attr(R_MUTED));
	}
	wmove(w, 0, 9 + col);
	wnoutrefresh(w);
}
