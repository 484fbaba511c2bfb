/* csvio.c - see csvio.h. */
#include "core/csvio.h"
#include "core/when.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/rec.h"
#include "db/db.h"

#define MAX_COLS 32

static void put_field(FILE *out, const char *s, int first)
{
	if (!first)
		fputc(',', out);
	if (s[0] && (strpbrk(s, ",\"\r\n") || s[0] == ' ' || s[strlen(s) - 1] == ' ')) {
		fputc('"', out);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', out);
			fputc(*s, out);
		}
		fputc('"', out);
	} else {
		fputs(s, out);
	}
}

static void local_time(int64_t t, char *buf, size_t n)
{
	struct tm tm;
	if (local_tm(t, &tm) != 0)
		snprintf(buf, n, "%lld", (long long)t);
	else
		strftime(buf, n, "%Y-%m-%d %H:%M", &tm);
}

int csv_export(struct db *db, enum kind_id kind, FILE *out, struct rp_err *err)
{
	const struct kind *k = kind_get(kind);
	struct rec_query q = {.filter_field = -1, .limit = 500};
	struct rec_walk w;
	char buf[64];
	int rc;

	put_field(out, "id", 1);
	put_field(out, "uuid", 0);
	for (int f = 0; f < k->nfields; f++)
		put_field(out, k->fields[f].col, 0);
	put_field(out, "created_at", 0);
	put_field(out, "updated_at", 0);
	fputs("\r\n", out);
	rec_walk_start(&w, kind, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0)
		for (int i = 0; i < w.page.n; i++) {
			const struct rec *r = &w.page.rows[i];
			snprintf(buf, sizeof buf, "%lld", (long long)r->id);
			put_field(out, buf, 1);
			put_field(out, r->uuid, 0);
			for (int f = 0; f < k->nfields; f++) {
				const struct field *fd = &k->fields[f];
				if (rec_is_null(r, f))
					buf[0] = '\0';
				else if (fd->type == F_INSTANT)
					local_time(rec_int(r, f), buf, sizeof buf);
				else if (!kind_type_is_text(fd->type))
					snprintf(buf, sizeof buf, "%lld", (long long)rec_int(r, f));
				put_field(out, kind_type_is_text(fd->type) && !rec_is_null(r, f) ? rec_str(r, f)
				                                                                   : buf,
				          0);
			}
			local_time(r->created_at, buf, sizeof buf);
			put_field(out, buf, 0);
			local_time(r->updated_at, buf, sizeof buf);
			put_field(out, buf, 0);
			fputs("\r\n", out);
		}
	rec_walk_end(&w);
	if (rc < 0)
		return rp_code(err, RP_EDB);
	return ferror(out) ? rp_fail(err, RP_EIO, "cannot write the CSV") : RP_OK;
}

/* One record of RFC 4180 from *p: fields into cells (pointers into a copy
 * owned by the caller's buffer), *line counts lines.  Returns the number of
 * fields, 0 at the end, -1 on an unclosed quote. */
static int read_record(char **p, char **cells, int max, int *line)
{
	char *s = *p, *o;
	int n = 0;
	if (!*s)
		return 0;
	for (;;) {
		char *start = o = s;
		if (*s == '"') {
			s++;
			for (;;) {
				if (!*s)
					return -1;
				if (*s == '"' && s[1] == '"') {
					*o++ = '"';
					s += 2;
				} else if (*s == '"') {
					s++;
					break;
				} else {
					if (*s == '\n')
						(*line)++;
					*o++ = *s++;
				}
			}
			while (*s && *s != ',' && *s != '\r' && *s != '\n')
				s++; /* text after a closing quote is dropped */
		} else {
			while (*s && *s != ',' && *s != '\r' && *s != '\n')
				*o++ = *s++;
		}
		if (n < max)
			cells[n++] = start;
		if (*s == ',') {
			*o = '\0';
			s++;
			continue;
		}
		if (*s == '\r')
			*o = '\0', s++;
		if (*s == '\n')
			*o = '\0', s++, (*line)++;
		*o = '\0';
		break;
	}
	*p = s;
	return n;
}

/* The header row: each column's field (map[c], -1 for none), the unknown
 * ones listed in unknown; the index of the name column, or -1. */
static int map_header(const struct kind *k, char **cells, int ncols, int *map, char *unknown,
                      size_t n)
{
	size_t used = 0;
	int name_col = -1;
	for (int c = 0; c < ncols; c++) {
		char col[64];
		snprintf(col, sizeof col, "%s", cells[c]);
		for (char *s = col; *s; s++)
			if (*s == ' ')
				*s = '_';
		map[c] = kind_field_index(k, col);
		if (map[c] < 0 && strcasecmp(col, "organisation") == 0)
			map[c] = kind_field_index(k, "org");
		if (map[c] < 0) {
			for (int f = 0; f < k->nfields; f++)
				if (strcasecmp(col, k->fields[f].col) == 0 || strcasecmp(col, k->fields[f].opt) == 0)
					map[c] = f;
		}
		if (map[c] < 0)
			used += (size_t)snprintf(unknown + used, used < n ? n - used : 0, "%s%s",
			                         used ? ", " : "", cells[c]);
		if (map[c] == 0)
			name_col = c;
	}
	return name_col;
}

/* One row: the person of that name (or a new one) takes its cells; a
 * value it had already is no change. */
static int import_row(struct db *db, const char *name, int start, char **cells, int got,
                      int ncols, const int *map, int name_col, struct import_report *rep,
                      struct rp_err *err)
{
	struct rec r;
	struct db_stmt *st;
	int64_t existing = 0;
	int rc = RP_OK, changed = 0;
	if (db_prepare(db, "SELECT id FROM person WHERE deleted_at IS NULL AND name = ?1"
	                   " COLLATE NOCASE ORDER BY id LIMIT 1", &st, err))
		return rp_code(err, RP_EDB);
	db_bind_text(st, 1, cells[name_col]);
	if (db_step(st, NULL) == DB_ROW)
		existing = db_col_int(st, 0);
	db_release(st);
	if (existing)
		rc = rec_get(db, K_PERSON, existing, &r, err);
	else
		rec_init(&r, K_PERSON);
	for (int c = 0; c < got && c < ncols && rc == RP_OK; c++) {
		int this_changed = 0;
		if (map[c] < 0 || !*cells[c])
			continue;
		if (rec_set_changed(db, &r, map[c], cells[c], &this_changed, err) != RP_OK) {
			char where[300];
			snprintf(where, sizeof where, "%s:%d", name, start);
			rc = rp_prefix(err, RP_EINVAL, where, "; nothing was imported");
		}
		changed |= this_changed;
	}
	if (rc == RP_OK) {
		if (!existing)
			rc = rec_insert(db, &r, err), rep->added++;
		else if (changed)
			rc = rec_update(db, &r, err), rep->updated++;
		else
			rep->unchanged++;
	}
	rec_free(&r);
	return rc;
}

int csv_import_people(struct db *db, const char *name, const char *text,
                      struct import_report *rep, char *unknown, size_t n, struct rp_err *err)
{
	char *copy = strdup(text), *p = copy, *cells[MAX_COLS];
	int map[MAX_COLS], ncols, line = 1, rc = RP_OK, name_col;

	memset(rep, 0, sizeof *rep);
	unknown[0] = '\0';
	if (!copy)
		return rp_fail(err, RP_EIO, "out of memory");
	if (!strncmp(p, "\xef\xbb\xbf", 3))
		p += 3; /* a spreadsheet's byte order mark */
	ncols = read_record(&p, cells, MAX_COLS, &line);
	if (ncols <= 0) {
		free(copy);
		return rp_fail(err, RP_EINVAL, "%s: no header row", name);
	}
	name_col = map_header(kind_get(K_PERSON), cells, ncols, map, unknown, n);
	if (name_col < 0) {
		free(copy);
		return rp_fail(err, RP_EINVAL, "%s:1: no \"name\" column", name);
	}
	if (db_begin(db, err) != RP_OK) {
		free(copy);
		return rp_code(err, RP_EDB);
	}
	for (;;) {
		int start = line, got = read_record(&p, cells, MAX_COLS, &line);
		if (got == 0)
			break;
		if (got < 0) {
			rc = rp_fail(err, RP_EINVAL, "%s:%d: a quote is never closed", name, start);
			break;
		}
		if (got == 1 && !*cells[0])
			continue; /* a blank line */
		if (name_col >= got || !*cells[name_col]) {
			rc = rp_fail(err, RP_EINVAL, "%s:%d: name: empty", name, start);
			break;
		}
		if ((rc = import_row(db, name, start, cells, got, ncols, map, name_col, rep, err)) != RP_OK)
			break;
	}
	free(copy);
	if (rc != RP_OK) {
		db_rollback(db);
		memset(rep, 0, sizeof *rep);
		return rc;
	}
	return db_commit(db, err);
}
