/* pane.h - a list pane (Mentors, Goals, Meetings, Gratitude): it holds only
 * the rows on screen, fetched as a keyset page from its top row, so a
 * million rows scroll as fast as ten. */
#ifndef RAPPORT_PANE_H
#define RAPPORT_PANE_H

#include <curses.h>

#include "core/config.h"
#include "core/listfacts.h"
#include "core/rec.h"

struct pane {
	enum kind_id kind;
	const char *title;
	const char *empty;        /* what the pane says with no rows */
	const struct config *cfg; /* the rules the rows' facts follow */
	struct rec_page page;     /* the visible rows, in list order */
	struct row_facts *facts;  /* facts[i] for page.rows[i], read with the page */
	struct rec_key top;   /* list position of the first visible row */
	int has_top;          /* 0: the list starts at its beginning */
	int cursor;           /* index into page.rows */
	int height;           /* rows the window shows */
	int filter_field;     /* show only rows whose reference field filter_field */
	int64_t filter_id;    /* is filter_id (0: no filter) */
	char filter_name[120];
	/* a text filter: the matching rows (at most PANE_MATCH_MAX) by id, of
	 * which the window shows match_top onwards */
	char *filter_text;
	int64_t *match_ids;
	int nmatch, match_top;
};

#define PANE_MATCH_MAX 500

/* Show only rows whose text matches (search syntax); NULL: all again. */
int pane_filter_text(struct db *db, struct pane *p, const char *text, struct rp_err *err);

void pane_init(struct pane *p, enum kind_id kind, const char *title, const char *empty,
               const struct config *cfg);
void pane_free(struct pane *p);
void pane_set_height(struct pane *p, int height);
/* Fetch the window again from its top, keeping the selected row if it is
 * still there. */
int pane_load(struct db *db, struct pane *p, struct rp_err *err);
/* j/k, g/G, PgUp/PgDn as actions from keys.h. */
int pane_move(struct db *db, struct pane *p, int action, struct rp_err *err);
/* Bring row r into view and select it. */
int pane_show(struct db *db, struct pane *p, const struct rec *r, struct rp_err *err);
const struct rec *pane_selected(const struct pane *p);
/* Drawing reads only what the last load read: it never queries. */
void pane_draw(const struct pane *p, WINDOW *w, int focused, int show_box);

#endif
