/* termout.c - see termout.h.  A stdio cookie stream in front of the file
 * descriptor; a character split between two writes is held until the rest
 * of it comes. */
#define _GNU_SOURCE /* NOLINT(bugprone-reserved-identifier): fopencookie is a GNU call */
#include "tui/cli/termout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/termsafe.h"
#include "tui/fdio.h"

struct termout {
	int fd;
	char held[TERM_SAFE_MAX];
	size_t nheld;
};

/* Make text safe into a local buffer and write it; what may go on in the
 * next write is kept in t->held. */
static int filter(struct termout *t, const char *s, size_t n, int final)
{
	char out[4096], one[TERM_SAFE_MAX];
	size_t o = 0, i = 0, len;
	while (i < n) {
		size_t used = term_safe_step(s + i, n - i, final, one, &len);
		if (used == 0) { /* the start of a character whose rest comes later */
			memcpy(t->held, s + i, n - i);
			t->nheld = n - i;
			break;
		}
		if (o + len > sizeof out) {
			if (fd_write_all(t->fd, out, o) != 0)
				return -1;
			o = 0;
		}
		memcpy(out + o, one, len);
		o += len;
		i += used;
	}
	return fd_write_all(t->fd, out, o);
}

static ssize_t termout_write(void *cookie, const char *buf, size_t size)
{
	struct termout *t = cookie;
	size_t done = 0;
	/* first the held bytes, completed by the start of this write */
	while (t->nheld && done < size) {
		char joined[TERM_SAFE_MAX];
		size_t n = t->nheld;
		memcpy(joined, t->held, n);
		while (n < sizeof joined - 1 && done < size)
			joined[n++] = buf[done++];
		t->nheld = 0;
		if (filter(t, joined, n, 0) != 0)
			return -1;
		if (t->nheld && n < sizeof joined - 1)
			return (ssize_t)size; /* still not whole: wait for more */
	}
	if (filter(t, buf + done, size - done, 0) != 0)
		return -1;
	return (ssize_t)size;
}

static int termout_close(void *cookie)
{
	struct termout *t = cookie;
	int rc = t->nheld ? filter(t, t->held, t->nheld, 1) : 0;
	free(t);
	return rc;
}

static FILE *wrap(FILE *f, int fd)
{
	static const cookie_io_functions_t io = {.write = termout_write, .close = termout_close};
	struct termout *t;
	FILE *out;
	if (!isatty(fd) || !(t = calloc(1, sizeof *t)))
		return f;
	t->fd = fd;
	fflush(f);
	if (!(out = fopencookie(t, "w", io))) {
		free(t);
		return f;
	}
	setvbuf(out, NULL, fd == STDERR_FILENO ? _IONBF : _IOLBF, 0);
	return out;
}

static FILE *plain_out, *plain_err; /* the streams before the filter */

void termout_remove(void)
{
	/* closing a filter writes out what it still held (a last lone CR) */
	if (plain_out && stdout != plain_out) {
		fclose(stdout);
		stdout = plain_out;
	}
	if (plain_err && stderr != plain_err) {
		fclose(stderr);
		stderr = plain_err;
	}
}

void termout_install(void)
{
	if (plain_out)
		return;
	plain_out = stdout;
	plain_err = stderr;
	stdout = wrap(stdout, STDOUT_FILENO);
	stderr = wrap(stderr, STDERR_FILENO);
	atexit(termout_remove); /* exit() flushes a cookie stream but never closes it */
}
