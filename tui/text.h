/* text.h - fitting UTF-8 text into terminal columns: width counts display
 * cells (a CJK character or an emoji takes two, an accent none). */
#ifndef RAPPORT_TEXT_H
#define RAPPORT_TEXT_H

#include <stddef.h>

/* Make sure the C library reads UTF-8 (falls back to C.UTF-8). */
void text_init_locale(void);
int text_width(const char *s);
/* Copy s into out, cut to at most `width` cells (ending in "…" when cut),
 * line breaks and tabs turned into spaces; returns the cells used. */
int text_fit(const char *s, int width, char *out, size_t n);
/* Print s cut to width, padded with spaces to exactly width cells. */
void text_pad(const char *s, int width, char *out, size_t n);

#endif
