/* termsafe.h - the one rule for what text may reach a terminal.  Names and
 * notes come from anywhere (typed, JSON, .ics, CSV); printed raw, a control
 * character in them could move the cursor, rewrite a line or send the
 * terminal commands.  Every face that prints to a terminal (the screen,
 * stdout and stderr when they are one) shows text through this:
 *   - printable UTF-8, newline and tab pass;
 *   - CR before LF is dropped (Windows line ends), a lone CR shows as ^M;
 *   - other C0 controls and DEL show as ^@ .. ^_ and ^?;
 *   - C1 controls (U+0080-U+009F, such as CSI) show as \x80 .. \x9f;
 *   - bidirectional overrides, isolates and marks (U+202A-U+202E,
 *     U+2066-U+2069, U+200E, U+200F, U+061C) and the line and paragraph
 *     separators (U+2028, U+2029) show as \u202e and the like: they would
 *     reorder or break what is shown;
 *   - bytes that are not UTF-8 show as U+FFFD.
 * Files written for other programs (exports) keep the text as it is. */
#ifndef RAPPORT_TERMSAFE_H
#define RAPPORT_TERMSAFE_H

#include <stddef.h>

#define TERM_SAFE_MAX 8 /* the longest thing one character becomes */

/* One character of s (n bytes available): what to show goes to out
 * (*outlen bytes, NUL-terminated), the bytes of s it used are returned.
 * When more may follow (a stream) and s ends inside a character or on a
 * CR, 0 is returned: call again with more bytes, or with final set. */
size_t term_safe_step(const char *s, size_t n, int final, char out[TERM_SAFE_MAX],
                      size_t *outlen);
/* Is this character shown as itself? */
int term_safe_is_plain(const char *s, size_t n);

#endif
