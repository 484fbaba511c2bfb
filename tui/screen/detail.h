/* detail.h - what is known about one item, as lines to scroll: for a person
 * their timeline (meetings newest first with agenda, notes and action items,
 * goals, thank-you notes), loaded a page at a time as it is scrolled. */
#ifndef RAPPORT_DETAIL_H
#define RAPPORT_DETAIL_H

#include <curses.h>

#include "core/config.h"
#include "core/rec.h"

struct dline {
	char *text;
	int role;          /* enum role of colors.h */
	enum kind_id kind; /* the item this line stands for, if any */
	int64_t id;        /* 0: not an item */
	int part;          /* a line of the item above (its agenda, a wrapped line):
	                      the keys act on that item, j and k pass it */
};

struct detail {
	const struct config *cfg; /* for the health of a person */
	enum kind_id kind;
	int64_t id;   /* 0: nothing shown */
	int width;    /* lines were wrapped for it */
	struct dline *lines;
	int n, cap;
	int top, cursor;
	/* a person's meetings come a page at a time, from the newest down or,
	 * after G, from the oldest up (`gap`: meetings not loaded yet between
	 * the header and the lines at meetings_at) */
	int meetings_at;
	int more_meetings;
	struct rec_key after;
	int gap;
	struct rec_key gap_end; /* the newest meeting loaded below the gap */
};

void detail_init(struct detail *d, const struct config *cfg);
/* Start over with no lines (for views built elsewhere, such as Today). */
void detail_reset(struct detail *d, enum kind_id kind, int64_t id, int width);
void detail_add(struct detail *d, const char *text, int role, enum kind_id kind, int64_t id);
void detail_free(struct detail *d);
/* Show r (NULL: nothing), wrapped to width. */
int detail_show(struct db *db, struct detail *d, const struct rec *r, int width, struct rp_err *err);
/* Make sure lines up to `upto` are loaded, when there are that many. */
int detail_need(struct db *db, struct detail *d, int upto, struct rp_err *err);
int detail_move(struct db *db, struct detail *d, int action, int height, struct rp_err *err);
/* Draw from row y0 of w down. */
void detail_draw(const struct detail *d, WINDOW *w, int y0, int with_cursor);
/* The item of the cursor's line, if any. */
int detail_item(const struct detail *d, enum kind_id *kind, int64_t *id);

#endif
