/* jsonscan.c - see jsonscan.h. */
#include "core/jsonscan.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/paths.h"

#define RELEASE_STEP (16u << 20) /* hand mapped pages back 16 MB at a time */

/* Map fd's whole file (a regular one). */
static int map_file(struct jscan *s, int fd, size_t len)
{
	void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED)
		return -1;
	madvise(map, len, MADV_SEQUENTIAL);
	s->buf = map;
	s->len = len;
	s->mapped = 1;
	return 0;
}

/* What the bytes so far say about a JSON export: it must open with '{'
 * and hold no NUL; refused as soon as they say otherwise. */
static int check_start(struct jscan *s, const char *chunk, size_t n, size_t at, int *opened,
                       struct rp_err *err)
{
	const char *nul = memchr(chunk, '\0', n);
	if (nul)
		return rp_fail(err, RP_EINVAL,
		               "%s: holds a NUL byte (byte %zu): not a rapport JSON export; nothing was"
		               " imported",
		               s->path, at + (size_t)(nul - chunk) + 1);
	for (size_t i = 0; i < n && !*opened; i++) {
		char c = chunk[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c != '{')
			return rp_fail(err, RP_EINVAL,
			               "%s: '{' was expected at byte %zu: not a rapport JSON export;"
			               " nothing was imported",
			               s->path, at + i + 1);
		*opened = 1;
	}
	return RP_OK;
}

/* A pipe: copied as it comes into a private temporary file (removed at
 * once), which is then mapped like any file, so memory stays small
 * whatever the size; what cannot be an export is refused in its first
 * bytes, before the rest is read. */
static int spool_pipe(struct jscan *s, int fd, struct rp_err *err)
{
	char chunk[1 << 16], tmp[4200];
	const char *dir = getenv("TMPDIR");
	size_t total = 0;
	int opened = 0, out, rc = RP_OK;
	ssize_t n;
	if ((out = paths_temp_file("import", tmp, sizeof tmp)) < 0)
		return rp_fail(err, RP_EIO, "%s: cannot read it: no room for it in %s: %s", s->path,
		               dir && *dir == '/' ? dir : "/tmp", strerror(errno));
	unlink(tmp);
	while (rc == RP_OK && (n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			rc = rp_fail(err, RP_EIO, "%s: cannot read it: %s", s->path, strerror(errno));
		else if ((rc = check_start(s, chunk, (size_t)n, total, &opened, err)) == RP_OK &&
		         write(out, chunk, (size_t)n) != n)
			rc = rp_fail(err, RP_EIO, "%s: cannot read it: no room to hold it: %s", s->path,
			             strerror(errno));
		total += n > 0 ? (size_t)n : 0;
	}
	if (rc == RP_OK && total > 0 && map_file(s, out, total) != 0)
		rc = rp_fail(err, RP_EIO, "%s: cannot read it: %s", s->path, strerror(errno));
	close(out);
	return rc;
}

int jscan_open(struct jscan *s, const char *path, struct rp_err *err)
{
	struct stat st;
	int fd, rc = RP_OK;
	memset(s, 0, sizeof *s);
	s->path = path;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return rp_fail(err, errno == ENOENT ? RP_ENOTFOUND : RP_EIO, "%s: cannot read it: %s",
		               path, strerror(errno));
	if (fstat(fd, &st) != 0) {
		rc = rp_fail(err, RP_EIO, "%s: cannot read it: %s", path, strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		rc = rp_fail(err, RP_EINVAL, "%s: is a folder, not a file", path);
	} else if (S_ISREG(st.st_mode) && st.st_size > 0) {
		if (map_file(s, fd, (size_t)st.st_size) != 0)
			rc = rp_fail(err, RP_EIO, "%s: cannot read it: %s", path, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		rc = spool_pipe(s, fd, err);
	}
	close(fd);
	return rc;
}

void jscan_close(struct jscan *s)
{
	if (s->mapped)
		munmap(s->buf, s->len);
	else
		free(s->buf);
	s->buf = NULL;
}

void jscan_release(struct jscan *s, size_t upto)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	if (!s->mapped || upto < s->released + RELEASE_STEP)
		return;
	upto -= upto % page;
	madvise(s->buf + s->released, upto - s->released, MADV_DONTNEED);
	s->released = upto;
}

/* err, placed at the line and column of byte `off` (columns count
 * characters, as jansson's do). */
static int fail_at(const struct jscan *s, size_t off, const char *what, struct rp_err *err)
{
	const char *p, *end, *nl;
	long line = 1, col = 1;
	if (!s->buf) /* an empty file or pipe: nothing was mapped */
		return rp_fail(err, RP_EINVAL, "%s:1:1: %s; nothing was imported", s->path, what);
	p = s->buf;
	end = s->buf + (off < s->len ? off : s->len);
	while ((nl = memchr(p, '\n', (size_t)(end - p)))) {
		line++;
		p = nl + 1;
	}
	for (; p < end; p++)
		col += ((unsigned char)*p & 0xC0) != 0x80;
	return rp_fail(err, RP_EINVAL, "%s:%ld:%ld: %s; nothing was imported", s->path, line, col,
	               what);
}

static size_t skip_space(const struct jscan *s, size_t p)
{
	while (p < s->len &&
	       (s->buf[p] == ' ' || s->buf[p] == '\t' || s->buf[p] == '\n' || s->buf[p] == '\r'))
		p++;
	return p;
}

/* p at a string's opening quote: just past its closing one. */
static int string_end(const struct jscan *s, size_t p, size_t *end, struct rp_err *err)
{
	for (p++; p < s->len; p++) {
		if (s->buf[p] == '\\') {
			p++;
		} else if (s->buf[p] == '"') {
			*end = p + 1;
			return RP_OK;
		}
	}
	return fail_at(s, s->len, "the file ends inside a string", err);
}

/* Where the value at p ends, by its bytes alone: strings skipped whole,
 * brackets counted, a bare word (number, true, ...) up to the next
 * delimiter.  What is inside is for jansson to check. */
static int value_end(const struct jscan *s, size_t p, size_t *end, struct rp_err *err)
{
	size_t depth = 0, start = p;
	do {
		char c;
		if (p >= s->len)
			return fail_at(s, s->len, "the file ends in the middle of a value", err);
		c = s->buf[p];
		if (c == '"') {
			if (string_end(s, p, &p, err) != RP_OK)
				return RP_EINVAL;
		} else if (c == '{' || c == '[') {
			depth++;
			p++;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return fail_at(s, p, "a value was expected", err);
			depth--;
			p++;
		} else if (depth == 0) {
			while (p < s->len && s->buf[p] && !strchr(",:{}[]\" \t\r\n", s->buf[p]))
				p++;
			if (p == start)
				return fail_at(s, p, "a value was expected", err);
		} else {
			p++;
		}
	} while (depth > 0);
	*end = p;
	return RP_OK;
}

/* The separator before the next part: `open` before the first, a comma
 * between, `close` after the last.  1 when a part follows, at it->pos. */
static int next_part(const struct jscan *s, struct jscan_iter *it, char open, char close,
                     struct rp_err *err)
{
	size_t p = skip_space(s, it->pos);
	char want[64];
	if (!it->started) {
		if (p >= s->len || s->buf[p] != open) {
			snprintf(want, sizeof want, "'%c' was expected", open);
			fail_at(s, p, want, err);
			return -1;
		}
		it->started = 1;
		p = skip_space(s, p + 1);
		if (p < s->len && s->buf[p] == close) {
			it->pos = p + 1;
			return 0;
		}
	} else if (p < s->len && s->buf[p] == close) {
		it->pos = p + 1;
		return 0;
	} else if (p < s->len && s->buf[p] == ',') {
		p = skip_space(s, p + 1);
	} else {
		snprintf(want, sizeof want, "',' or '%c' was expected", close);
		fail_at(s, p, p >= s->len ? "the file ends too soon" : want, err);
		return -1;
	}
	it->pos = p;
	return 1;
}

int jscan_member(const struct jscan *s, struct jscan_iter *it, json_t **key,
                 struct jscan_span *val, struct rp_err *err)
{
	struct jscan_span name;
	size_t p;
	int rc = next_part(s, it, '{', '}', err);
	*key = NULL;
	if (rc == 0) { /* the end of the document: only white space after it */
		p = skip_space(s, it->pos);
		if (p < s->len) {
			fail_at(s, p, "more after the end of the document", err);
			return -1;
		}
		return 0;
	}
	if (rc < 0)
		return -1;
	name.start = it->pos;
	if (name.start >= s->len || s->buf[name.start] != '"') {
		fail_at(s, name.start, "a member name in quotes was expected", err);
		return -1;
	}
	if (value_end(s, name.start, &name.end, err) != RP_OK || !(*key = jscan_load(s, name, err)))
		return -1;
	p = skip_space(s, name.end);
	if (p >= s->len || s->buf[p] != ':') {
		json_decref(*key);
		*key = NULL;
		fail_at(s, p, "':' was expected", err);
		return -1;
	}
	val->start = skip_space(s, p + 1);
	if (value_end(s, val->start, &val->end, err) != RP_OK) {
		json_decref(*key);
		*key = NULL;
		return -1;
	}
	it->pos = val->end;
	return 1;
}

struct jscan_iter jscan_iter_of(struct jscan_span array)
{
	struct jscan_iter it = {array.start, 0};
	return it;
}

int jscan_element(const struct jscan *s, struct jscan_iter *it, struct jscan_span *el,
                  struct rp_err *err)
{
	int rc = next_part(s, it, '[', ']', err);
	if (rc <= 0)
		return rc;
	el->start = it->pos;
	if (value_end(s, el->start, &el->end, err) != RP_OK)
		return -1;
	it->pos = el->end;
	return 1;
}

json_t *jscan_load(const struct jscan *s, struct jscan_span sp, struct rp_err *err)
{
	json_error_t jerr;
	json_t *v = json_loadb(s->buf + sp.start, sp.end - sp.start,
	                       JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
	if (!v)
		fail_at(s, sp.start + (size_t)(jerr.position > 0 ? jerr.position : 0), jerr.text, err);
	return v;
}
