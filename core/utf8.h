/* utf8.h - checks on text before it is stored. */
#ifndef RAPPORT_UTF8_H
#define RAPPORT_UTF8_H

#include <stddef.h>

/* Well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF)?
 * On failure *bad_at gets the byte offset of the first bad byte. */
int utf8_valid(const char *s, size_t *bad_at);

/* snprintf(dst, n, "%s", src), but a cut falls between characters, never
 * inside one.  Returns the bytes copied. */
size_t utf8_copy(char *dst, size_t n, const char *src);
/* Drop an incomplete character from the end of s (after a cut). */
void utf8_trim_cut(char *s);

#endif
