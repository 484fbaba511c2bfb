#include "tui/text.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/termsafe.h"

void text_init_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

/* Next character of s: its byte length and display width (invalid bytes and
 * control characters count as one cell: they are shown as '?'). */
static size_t next_char(const char *s, int *width, int *printable)
{
	mbstate_t st;
	wchar_t wc;
	size_t len;
	memset(&st, 0, sizeof st);
	len = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
		*width = 1;
		*printable = 0;
		return 1;
	}
	*width = wcwidth(wc);
	/* printable to the C library is not enough: the one rule decides (a
	 * bidi override has a width of 0 and would reorder the line) */
	*printable = *width >= 0 && term_safe_is_plain(s, len);
	if (*width < 0)
		*width = 1;
	return len;
}

/* What a character ncurses cannot print is shown as (the one rule of
 * core/termsafe.h): *shown and its cells; the bytes of s it covers. */
static size_t escaped(const char *s, char shown[TERM_SAFE_MAX], size_t *shown_len, int *cells)
{
	size_t len = term_safe_step(s, strlen(s), 1, shown, shown_len);
	/* escapes are ASCII; U+FFFD is one cell, and so is a character the C
	 * library has no width for (one unassigned yet) that passes as itself */
	int plain = *shown_len == len && memcmp(shown, s, len) == 0;
	*cells = plain || strcmp(shown, "\xef\xbf\xbd") == 0 ? 1 : (int)*shown_len;
	return len;
}

/* Line breaks and tabs are laid out as spaces in a cell; a CR is not one
 * (shown as ^M, by the one rule). */
static int is_space_control(char c) { return c == '\n' || c == '\t'; }

int text_width(const char *s)
{
	int total = 0, w, printable;
	while (*s) {
		size_t len = next_char(s, &w, &printable);
		if (!printable && !is_space_control(*s)) {
			char shown[TERM_SAFE_MAX];
			size_t shown_len;
			len = escaped(s, shown, &shown_len, &w);
		}
		s += len;
		total += w;
	}
	return total;
}

int text_fit(const char *s, int width, char *out, size_t n)
{
	static const char ellipsis[] = "\xe2\x80\xa6"; /* … */
	int used = 0, w, printable;
	size_t o = 0;
	int whole = text_width(s) <= width;

	if (n == 0)
		return 0;
	while (*s) {
		size_t len = next_char(s, &w, &printable);
		/* leave a cell for the ellipsis when the text will not fit */
		if (used + w > width - (whole ? 0 : 1))
			break;
		if (o + len + sizeof ellipsis >= n)
			break;
		if (!printable && is_space_control(*s)) {
			out[o++] = ' ';
		} else if (!printable) {
			char shown[TERM_SAFE_MAX];
			size_t shown_len;
			len = escaped(s, shown, &shown_len, &w);
			if (used + w > width - (whole ? 0 : 1) || o + shown_len + sizeof ellipsis >= n)
				break;
			memcpy(out + o, shown, shown_len);
			o += shown_len;
		} else {
			memcpy(out + o, s, len);
			o += len;
		}
		used += w;
		s += len;
	}
	if (*s && width > 0 && o + sizeof ellipsis < n) {
		memcpy(out + o, ellipsis, sizeof ellipsis - 1);
		o += sizeof ellipsis - 1;
		used++;
	}
	out[o] = '\0';
	return used;
}

void text_pad(const char *s, int width, char *out, size_t n)
{
	int used = text_fit(s, width, out, n);
	size_t o = strlen(out);
	while (used < width && o + 1 < n) {
		out[o++] = ' ';
		used++;
	}
	out[o] = '\0';
}
