#include "core/utf8.h"

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
