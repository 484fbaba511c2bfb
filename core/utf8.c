#include "core/utf8.h"

#include <stdio.h>
#include <string.h>

int utf8_valid(const char *s, size_t *bad_at)
{
	const unsigned char *p = (const unsigned char *)s, *start = p;
	while (*p) {
		unsigned c = *p;
		int extra;
		unsigned cp, min;
		if (c < 0x80) {
			p++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			extra = 1, cp = c & 0x1f, min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			extra = 2, cp = c & 0x0f, min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			extra = 3, cp = c & 0x07, min = 0x10000;
		} else {
			goto bad;
		}
		for (int i = 1; i <= extra; i++) {
			if ((p[i] & 0xc0) != 0x80)
				goto bad;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto bad;
		p += extra + 1;
	}
	return 1;
bad:
	if (bad_at)
		*bad_at = (size_t)(p - start);
	return 0;
}

void utf8_trim_cut(char *s)
{
	size_t len = strlen(s), start = len;
	int need;
	/* back to the lead byte of the last character */
	while (start > 0 && ((unsigned char)s[start - 1] & 0xc0) == 0x80 && len - start < 3)
		start--;
	if (start == 0)
		return;
	unsigned char lead = (unsigned char)s[start - 1];
	if (lead < 0x80)
		return;
	need = (lead & 0xe0) == 0xc0 ? 2 : (lead & 0xf0) == 0xe0 ? 3 : (lead & 0xf8) == 0xf0 ? 4 : 1;
	if (len - (start - 1) < (size_t)need)
		s[start - 1] = '\0';
}

size_t utf8_copy(char *dst, size_t n, const char *src)
{
	if (n == 0)
		return 0;
	snprintf(dst, n, "%s", src ? src : "");
	if (strlen(src ? src : "") >= n)
		utf8_trim_cut(dst);
	return strlen(dst);
}
