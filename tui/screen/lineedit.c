#include "tui/screen/lineedit.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/keys.h"
#include "tui/text.h"

int lineedit_init(struct lineedit *e, const char *text, size_t max)
{
	memset(e, 0, sizeof *e);
	e->max = max;
	return lineedit_set(e, text ? text : "");
}

void lineedit_free(struct lineedit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

static int reserve(struct lineedit *e, size_t need)
{
	char *p;
	size_t cap = e->cap ? e->cap : 64;
	if (need + 1 <= e->cap)
		return 0;
	while (cap < need + 1)
		cap *= 2;
	p = realloc(e->buf, cap);
	if (!p)
		return -1;
	e->buf = p;
	e->cap = cap;
	return 0;
}

int lineedit_set(struct lineedit *e, const char *text)
{
	size_t len = strlen(text);
	if (len > e->max)
		len = e->max;
	if (reserve(e, len) != 0)
		return -1;
	memcpy(e->buf, text, len);
	e->buf[len] = '\0';
	e->len = e->pos = len;
	return 0;
}

static int is_cont(unsigned char c) { return (c & 0xc0) == 0x80; }

static size_t prev_char(const struct lineedit *e, size_t pos)
{
	if (pos == 0)
		return 0;
	do
		pos--;
	while (pos > 0 && is_cont((unsigned char)e->buf[pos]));
	return pos;
}

static size_t next_char(const struct lineedit *e, size_t pos)
{
	if (pos >= e->len)
		return e->len;
	do
		pos++;
	while (pos < e->len && is_cont((unsigned char)e->buf[pos]));
	return pos;
}

static void cut(struct lineedit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->pos = from;
}

static int insert(struct lineedit *e, int key)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	size_t n;
	if (key < ' ' || key == 127 || (key & KEY_FLAG))
		return 0;
	memset(&st, 0, sizeof st);
	n = wcrtomb(mb, (wchar_t)key, &st);
	if (n == (size_t)-1)
		return 1; /* not representable: swallowed */
	if (e->len + n > e->max || reserve(e, e->len + n) != 0) {
		if (!e->full) /* once, not once per character of a long paste */
			beep();
		e->full = 1;
		return 1;
	}
	e->full = 0;
	memmove(e->buf + e->pos + n, e->buf + e->pos, e->len - e->pos + 1);
	memcpy(e->buf + e->pos, mb, n);
	e->len += n;
	e->pos += n;
	return 1;
}

int lineedit_key(struct lineedit *e, int key)
{
	size_t p;
	switch (key) {
	case KEY_FLAG | KEY_LEFT: e->pos = prev_char(e, e->pos); return 1;
	case KEY_FLAG | KEY_RIGHT: e->pos = next_char(e, e->pos); return 1;
	case KEY_FLAG | KEY_HOME:
	case 1: /* C-a */ e->pos = 0; return 1;
	case KEY_FLAG | KEY_END:
	case 5: /* C-e */ e->pos = e->len; return 1;
	case KEY_FLAG | KEY_BACKSPACE:
	case 127:
	case 8:
		if (e->pos > 0)
			cut(e, prev_char(e, e->pos), e->pos);
		return 1;
	case KEY_FLAG | KEY_DC:
	case 4: /* C-d */
		if (e->pos < e->len)
			cut(e, e->pos, next_char(e, e->pos));
		return 1;
	case 11: /* C-k */
		e->buf[e->pos] = '\0';
		e->len = e->pos;
		return 1;
	case 21: /* C-u */ cut(e, 0, e->pos); return 1;
	case 23: /* C-w: the word before the cursor, and the spaces after it */
		p = e->pos;
		while (p > 0 && e->buf[p - 1] == ' ')
			p--;
		while (p > 0 && e->buf[p - 1] != ' ')
			p--;
		cut(e, p, e->pos);
		return 1;
	default: return insert(e, key);
	}
}

/* Display width of the bytes [from, to) of the buffer. */
static int range_width(const struct lineedit *e, size_t from, size_t to)
{
	char one[8];
	int w = 0;
	while (from < to) {
		size_t next = next_char(e, from), len = next - from;
		if (len >= sizeof one)
			len = sizeof one - 1;
		memcpy(one, e->buf + from, len);
		one[len] = '\0';
		w += text_width(one);
		from = next;
	}
	return w;
}

void lineedit_view(const struct lineedit *e, int width, char *out, size_t n, int *cursor_col)
{
	size_t start = 0;
	int col = range_width(e, 0, e->pos);
	/* scroll so that the cursor stays inside the field */
	while (col > width - 1 && start < e->pos) {
		size_t next = next_char(e, start);
		col -= range_width(e, start, next);
		start = next;
	}
	/* a line break shows as ↵ (one cell, as the space it was laid out as) */
	size_t len = strlen(e->buf + start), o = 0;
	char *shown = malloc(3 * len + 1);
	if (!shown) {
		text_fit(e->buf + start, width, out, n);
	} else {
		for (const char *c = e->buf + start; *c; c++)
			if (*c == '\n') {
				memcpy(shown + o, "\xe2\x86\xb5", 3);
				o += 3;
			} else {
				shown[o++] = *c;
			}
		shown[o] = '\0';
		text_fit(shown, width, out, n);
		free(shown);
	}
	*cursor_col = col;
}
