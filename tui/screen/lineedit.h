/* lineedit.h - one line of UTF-8 text being edited: the state, apart from
 * any drawing.  Keys: Left/Right, Home/End (C-a/C-e), Backspace, Delete,
 * C-k (cut to the end), C-u (cut to the start), C-w (cut a word). */
#ifndef RAPPORT_LINEEDIT_H
#define RAPPORT_LINEEDIT_H

#include <stddef.h>

struct lineedit {
	char *buf;  /* NUL-terminated UTF-8 */
	size_t len, cap, pos; /* pos: byte offset of the cursor */
	size_t max; /* bytes allowed */
	int full;   /* refused a character since the last change: beeped once */
};

int lineedit_init(struct lineedit *e, const char *text, size_t max);
void lineedit_free(struct lineedit *e);
int lineedit_set(struct lineedit *e, const char *text);
/* Handle a key (a character, or KEY_FLAG|code from keys.h); returns 1 when
 * the key was an editing key, 0 when it is someone else's. */
int lineedit_key(struct lineedit *e, int key);
/* The visible part for a field `width` cells wide, and the cursor's column. */
void lineedit_view(const struct lineedit *e, int width, char *out, size_t n, int *cursor_col);

#endif
