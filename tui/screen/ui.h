/* ui.h - the full-screen interface: its state, shared by the modules that
 * draw and handle one part of it (pane.c, detail.c, form.c, ui.c). */
#ifndef RAPPORT_UI_H
#define RAPPORT_UI_H

#include <curses.h>

#include "core/config.h"
#include "core/rec.h"
#include "core/search.h"
#include "tui/screen/detail.h"
#include "tui/screen/form.h"
#include "tui/screen/pane.h"

#define NPANES 4
#define MIN_COLS 60
#define MIN_ROWS 15

/* What needs drawing before the next key: flags for ui->dirty. */
enum dirty { D_TOP = 1, D_DETAIL = 4, D_BOTTOM = 8, D_ALL = 0xff };
#define D_PANE(i) (16u << (i))

enum ui_screen { SCREEN_MAIN, SCREEN_VIEW, SCREEN_HELP, SCREEN_TODAY, SCREEN_SEARCH, SCREEN_TRASH };

/* The last change, so that u can take it back. */
struct undo {
	enum { UNDO_NONE, UNDO_ADD, UNDO_EDIT, UNDO_DELETE } op;
	enum kind_id kind;
	int64_t id;
	struct rec before; /* UNDO_EDIT: the values before */
	struct rec after;  /* the row as the change left it: what undo expects */
	int has_after;
	int asked; /* the row changed elsewhere, and u was asked to be pressed again */
};

/* The search screen: the query as it is typed, and its results. */
struct search_state {
	struct lineedit ed;
	struct hit *hits;
	int n, total;
	int cursor;  /* the selected result */
	int current; /* the result n and N went to last */
};

/* A question on the bottom line (a person to filter by, a file name). */
struct prompt {
	int active;
	enum { PROMPT_FILTER, PROMPT_EXPORT } purpose;
	char label[120];
	struct lineedit ed;
	char path[4096]; /* PROMPT_EXPORT: the whole path, while asked to overwrite */
};

struct ui;
/* A yes-or-no question on the bottom line: y does it, any other key not. */
struct ask {
	int active;
	void (*yes)(struct ui *ui, enum kind_id kind, int64_t id);
	enum kind_id kind;
	int64_t id;
};

struct ui {
	struct db *db;
	const struct config *cfg;
	int readonly;
	int rows, cols;
	int wide;      /* the four panes in a grid, else one with tabs */
	int too_small;
	int focus;     /* 0..3 */
	struct pane panes[NPANES];
	WINDOW *top, *bottom, *detail_win, *full, *pane_win[NPANES];
	enum ui_screen screen;
	struct detail detail; /* of the selected item, or the full-screen view */
	struct form *form;    /* open form, or NULL */
	int help_top;
	unsigned dirty;
	char msg[512];
	int msg_error;
	struct undo undo;
	struct search_state search;
	struct prompt prompt;
	struct ask ask;
	/* the top line's counts: computed again only when data changed */
	long counts[3]; /* due, thanks owed, open actions */
	int counts_stale, counted;
	int quit;
};

/* Run the UI until the user quits; returns an exit status.  `problems` are
 * config messages to show at the start. */
int ui_run(struct db *db, const struct config *cfg, int readonly, const char *first_problem);

/* Say something on the bottom line until the next key. */
void ui_message(struct ui *ui, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Reload every pane (after a change) and keep what is selected. */
void ui_reload(struct ui *ui);
/* After a change: reload, select r in its pane (when it has one). */
void ui_changed(struct ui *ui, const struct rec *r);
/* Show an item in its pane (action items and milestones: their parent). */
void ui_goto(struct ui *ui, enum kind_id kind, int64_t id);
void ui_error(struct ui *ui, const struct rp_err *err);
void ui_open_form(struct ui *ui, struct form *f);
/* A form to edit row r. */
void ui_edit_form(struct ui *ui, const struct rec *r);
/* A form for a new row, starting from start's values (or NULL). */
void ui_new_form(struct ui *ui, enum kind_id kind, const struct rec *start);
/* The same, its references to ref1 and ref2 (K_NONE: none) set to ids. */
void ui_new_form_with(struct ui *ui, enum kind_id kind, enum kind_id ref1, int64_t id1,
                      enum kind_id ref2, int64_t id2);
/* The item an action applies to (selected row, or the view's line). */
int ui_target(struct ui *ui, enum kind_id *kind, int64_t *id);
/* Remember a change for u; `before` (UNDO_EDIT) is taken over. */
void ui_set_undo(struct ui *ui, int op, enum kind_id kind, int64_t id, struct rec *before);
struct pane *ui_focused(struct ui *ui);

/* Ask question (printf) on the bottom line; y calls yes(ui, kind, id). */
void ui_ask(struct ui *ui, void (*yes)(struct ui *, enum kind_id, int64_t), enum kind_id kind,
            int64_t id, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* ui_act.c: what a key does */
void ui_handle_key(struct ui *ui, int key);

/* ui_search.c */
void ui_search_open(struct ui *ui);
void ui_search_key(struct ui *ui, int key);
void ui_search_draw(struct ui *ui);
void ui_search_step(struct ui *ui, int dir);
void ui_search_free(struct ui *ui);

/* ui_prompt.c */
void ui_prompt_open(struct ui *ui, int purpose);
void ui_prompt_key(struct ui *ui, int key);
void ui_prompt_draw(struct ui *ui);
void ui_prompt_free(struct ui *ui);

/* ui_today.c */
void ui_today_build(struct ui *ui);

/* ui_trash.c: the trash screen (D), and r, P, C-x on it */
enum { TRASH_RESTORE, TRASH_PURGE, TRASH_EMPTY };
void ui_trash_build(struct ui *ui);
void ui_trash_act(struct ui *ui, int what);
void ui_checkin(struct ui *ui);
void ui_snooze(struct ui *ui);

#endif
