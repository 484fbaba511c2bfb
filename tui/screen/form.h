/* form.h - add and edit forms, made from the kind tables of core/kind.h. */
#ifndef RAPPORT_FORM_H
#define RAPPORT_FORM_H

#include <curses.h>

#include "core/config.h"
#include "core/rec.h"
#include "tui/screen/lineedit.h"

struct db;

/* What a form needs from the program around it: the database, the rules,
 * and somewhere to say things (the screen's message line).  The form knows
 * nothing else of the application. */
struct form_host {
	struct db *db;
	const struct config *cfg;
	void (*say)(void *ctx, int error, const char *msg);
	void *ctx;
};

struct form_field {
	int field;            /* index into the kind's fields */
	struct lineedit ed;   /* what is typed */
	char *orig;           /* what it held when the form opened */
	char preview[160];    /* what a date, person or goal was understood as */
	int preview_failed;   /* the preview says why it could not be read */
	int bad;              /* refused at the last save */
};

struct form {
	struct form_host host;
	enum kind_id kind;
	int64_t id; /* 0: a new row */
	char title[80];
	char note[300]; /* a line above the fields (a check-in: the last next step), or "" */
	int n;
	struct form_field f[KIND_MAX_FIELDS];
	int focus, top;
	int confirm_discard; /* Esc with changes: asking */
	int64_t read_at;     /* updated_at of the row when the form opened */
	int overwrite;       /* told that it changed elsewhere; save anyway */
	char error[512];
	struct rec start; /* a new row's values as the form opened */
	int redraw_all;   /* the editor had the terminal: the host redraws it all */
};

/* A new row, starting from the values of start (or NULL): typed values, so
 * an id given is the id saved, never text read back. */
struct form *form_new(const struct form_host *host, enum kind_id kind, const struct rec *start);
struct form *form_edit(const struct form_host *host, const struct rec *r);
void form_free(struct form *f);

enum form_result { FORM_OPEN, FORM_SAVED, FORM_CLOSED };
/* On FORM_SAVED, saved gets the saved row and before its values before
 * (empty for a new row), both the caller's to free. */
enum form_result form_key(struct form *f, int key, struct rec *saved, struct rec *before);
/* Over the whole screen, centred; leaves the cursor in the focused field. */
void form_draw(struct form *f, int screen_rows, int screen_cols);

#endif
