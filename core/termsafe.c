/* termsafe.c - see termsafe.h. */
#include "core/termsafe.h"

#include <stdio.h>
#include <string.h>

/* Length of the well-formed UTF-8 sequence at s: 0 when it is not one, -1
 * when the n bytes end before it does. */
static int sequence_length(const unsigned char *s, size_t n)
{
	unsigned c = s[0], cp;
	int extra;
	if (c < 0x80)
		return 1;
	if ((c & 0xe0) == 0xc0)
		extra = 1, cp = c & 0x1f;
	else if ((c & 0xf0) == 0xe0)
		extra = 2, cp = c & 0x0f;
	else if ((c & 0xf8) == 0xf0)
		extra = 3, cp = c & 0x07;
	else
		return 0;
	for (int i = 1; i <= extra; i++) {
		if ((size_t)i >= n)
			return -1;
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	static const unsigned min[] = {0, 0x80, 0x800, 0x10000};
	if (cp < min[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return extra + 1;
}

static size_t put(char out[TERM_SAFE_MAX], size_t *outlen, const char *text, size_t len)
{
	memcpy(out, text, len);
	out[len] = '\0';
	*outlen = len;
	return len;
}

size_t term_safe_step(const char *s, size_t n, int final, char out[TERM_SAFE_MAX],
                      size_t *outlen)
{
	const unsigned char *u = (const unsigned char *)s;
	int len;
	*outlen = 0;
	out[0] = '\0';
	if (n == 0)
		return 0;
	if (u[0] == '\r') {
		if (n == 1 && !final)
			return 0; /* a LF may follow */
		if (n > 1 && u[1] == '\n')
			return 1; /* CR LF: the LF alone */
		put(out, outlen, "^M", 2);
		return 1;
	}
	if (u[0] == '\n' || u[0] == '\t' || (u[0] >= 0x20 && u[0] < 0x7f)) {
		put(out, outlen, s, 1);
		return 1;
	}
	if (u[0] < 0x20 || u[0] == 0x7f) {
		char caret[3] = {'^', (char)(u[0] == 0x7f ? '?' : u[0] + 0x40), '\0'};
		put(out, outlen, caret, 2);
		return 1;
	}
	len = sequence_length(u, n);
	if (len < 0 && !final)
		return 0;
	if (len <= 0) {
		put(out, outlen, "\xef\xbf\xbd", 3); /* U+FFFD for a byte that is not UTF-8 */
		return 1;
	}
	/* bidirectional overrides, embeddings, isolates and marks (U+202A-
	 * U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) reorder what is
	 * around them on screen; the line and paragraph separators (U+2028,
	 * U+2029) break lines in some terminals */
	if (len == 2 && u[0] == 0xd8 && u[1] == 0x9c) {
		put(out, outlen, "\\u061c", 6);
		return 2;
	}
	if (len == 3 && u[0] == 0xe2 &&
	    ((u[1] == 0x80 && ((u[2] >= 0xa8 && u[2] <= 0xae) || u[2] == 0x8e || u[2] == 0x8f)) ||
	     (u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9))) {
		char esc[TERM_SAFE_MAX];
		unsigned cp = 0x2000u | ((u[1] & 0x3fu) << 6) | (u[2] & 0x3fu);
		snprintf(esc, sizeof esc, "\\u%04x", cp);
		put(out, outlen, esc, 6);
		return 3;
	}
	if (len == 2 && u[0] == 0xc2 && u[1] < 0xa0) { /* C1: U+0080 .. U+009F */
		char esc[TERM_SAFE_MAX];
		snprintf(esc, sizeof esc, "\\x%02x", u[1]);
		put(out, outlen, esc, 4);
		return 2;
	}
	put(out, outlen, s, (size_t)len);
	return (size_t)len;
}

int term_safe_is_plain(const char *s, size_t n)
{
	char out[TERM_SAFE_MAX];
	size_t outlen, used = term_safe_step(s, n, 1, out, &outlen);
	return used == outlen && memcmp(out, s, used) == 0;
}
