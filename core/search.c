#include "core/search.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"

/* Does the text hold anything a tokenizer keeps (a letter or digit, or any
 * non-ASCII character)? */
static int has_word(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

/* Append "text"(*) to out, quotes inside doubled. */
static int put_term(char *out, size_t n, size_t *used, const char *s, size_t len, int prefix)
{
	if (*used + 2 * len + 5 >= n)
		return -1;
	if (*used)
		out[(*used)++] = ' ';
	out[(*used)++] = '"';
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			out[(*used)++] = '"';
		out[(*used)++] = s[i];
	}
	out[(*used)++] = '"';
	if (prefix)
		out[(*used)++] = '*';
	out[*used] = '\0';
	return 0;
}

int search_build_query(const char *typed, char *out, size_t n)
{
	return search_build_query_as(typed, out, n, 1);
}

int search_build_query_as(const char *typed, char *out, size_t n, int last_prefix)
{
	const char *p = typed;
	size_t used = 0;
	int terms = 0;
	out[0] = '\0';
	while (*p) {
		const char *start;
		size_t len;
		int prefix = 0;
		if (isspace((unsigned char)*p)) {
			p++;
			continue;
		}
		if (*p == '"') { /* a phrase, to the next quote or the end */
			start = ++p;
			while (*p && *p != '"')
				p++;
			len = (size_t)(p - start);
			if (*p == '"')
				p++;
		} else {
			start = p;
			while (*p && !isspace((unsigned char)*p) && *p != '"')
				p++;
			len = (size_t)(p - start);
			prefix = !*p && last_prefix; /* the last word, maybe still being typed */
		}
		while (*p == '*') { /* interv* */
			prefix = 1;
			p++;
		}
		while (len && start[len - 1] == '*') {
			prefix = 1;
			len--;
		}
		if (!has_word(start, len))
			continue;
		if (put_term(out, n, &used, start, len, prefix) != 0)
			break; /* too long: search for what fits */
		terms++;
	}
	return terms;
}

/* Runs of white space (empty fields leave some) become one space. */
static void squeeze(const char *s, char *out, size_t n)
{
	size_t o = 0;
	int space = 1;
	for (; *s && o + 1 < n; s++) {
		if (isspace((unsigned char)*s)) {
			if (!space)
				out[o++] = ' ';
			space = 1;
		} else {
			out[o++] = *s;
			space = 0;
		}
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
}

/* A hit: its kind (the table's name), its row and a snippet.  CROSS JOIN
 * keeps the index's match as the outer loop, the key found by its number. */
#define HITS                                                                             \
	"SELECT search_key.kind, search_key.row_id, snippet(fts, 0, char(1), char(2), '…', 10)"          \
	" FROM fts CROSS JOIN search_key ON search_key.id = fts.rowid"                      \
	" WHERE fts MATCH ?1 AND (?2 IS NULL OR search_key.kind = ?2)"

/* The kind to filter by, as the index names it (NULL: every kind). */
static void bind_kind(struct db_stmt *st, enum kind_id kind)
{
	const struct kind *k = kind_get(kind);
	db_bind_text(st, 2, k ? k->table : NULL);
}

/* How many rows match, counted up to SEARCH_RANK_MAX + 1. */
static int count_matches(struct db *db, const char *query, enum kind_id kind, int *total,
                         struct rp_err *err)
{
	struct db_stmt *st;
	int rc;
	*total = 0;
	if (db_prepare(db,
	               "SELECT count(*) FROM (SELECT 1 FROM fts CROSS JOIN search_key"
	               " ON search_key.id = fts.rowid WHERE fts MATCH ?1 AND (?2 IS NULL OR search_key.kind = ?2)"
	               " LIMIT ?3)",
	               &st, err))
		return rp_code(err, RP_EDB);
	db_bind_text(st, 1, query);
	bind_kind(st, kind);
	db_bind_int(st, 3, SEARCH_RANK_MAX + 1);
	rc = db_step(st, err);
	if (rc == DB_ROW)
		*total = (int)db_col_int(st, 0);
	db_release(st);
	if (rc == DB_FAIL) /* cannot come from the words typed: they are quoted */
		return rp_fail(err, RP_EINVAL, "cannot search for that: %s", err ? err->msg : "");
	return RP_OK;
}

int search_run(struct db *db, const char *typed, enum kind_id kind, int limit, struct hit **hits,
               int *n, int *total, struct rp_err *err)
{
	char query[2048], exact[2048];
	struct db_stmt *st;
	int rc = DB_DONE, cap = limit > 0 ? limit : 1;
	*hits = NULL;
	*n = *total = 0;
	if (search_build_query(typed, query, sizeof query) == 0)
		return RP_OK;
	/* The last word may still be being typed: a prefix.  But FTS5 reads a
	 * prefix whole (every term's list merged, hundreds of thousands of rows
	 * for a common word), where a word as typed is read only as far as the
	 * page: when the words as typed already fill the page, their matches
	 * are the page. */
	search_build_query_as(typed, exact, sizeof exact, 0);
	int as_typed = 0;
	if (strcmp(exact, query) != 0) {
		if (count_matches(db, exact, kind, total, err) != RP_OK)
			return rp_code(err, RP_EINVAL);
		as_typed = *total >= cap;
	}
	if (as_typed)
		memcpy(query, exact, sizeof query);
	else if (count_matches(db, query, kind, total, err) != RP_OK)
		return rp_code(err, RP_EINVAL);
	if (*total == 0)
		return RP_OK;
	/* bm25 over a few hundred rows is instant; over most of the table it is
	 * not, and then the newest rows are as good a first page */
	if (db_prepare(db,
	               *total <= SEARCH_RANK_MAX
	                   ? HITS " ORDER BY rank LIMIT ?3"
	                   : HITS " ORDER BY fts.rowid DESC LIMIT ?3",
	               &st, err))
		return rp_code(err, RP_EDB);
	db_bind_text(st, 1, query);
	bind_kind(st, kind);
	db_bind_int(st, 3, limit);
	*hits = calloc((size_t)cap, sizeof **hits);
	if (!*hits) {
		db_release(st);
		return rp_fail(err, RP_EIO, "out of memory");
	}
	while (*n < cap && (rc = db_step(st, err)) == DB_ROW) {
		const struct kind *k = kind_by_table(db_col_text(st, 0) ? db_col_text(st, 0) : "");
		struct hit *h;
		if (!k) /* a kind this program does not know: not one to show */
			continue;
		h = &(*hits)[(*n)++];
		h->kind = k->id;
		h->id = db_col_int(st, 1);
		squeeze(db_col_text(st, 2) ? db_col_text(st, 2) : "", h->snippet, sizeof h->snippet);
	}
	db_release(st);
	if (rc == DB_FAIL) {
		free(*hits);
		*hits = NULL;
		*n = 0;
		return rp_code(err, RP_EDB);
	}
	/* grouped by kind, best first within each: a stable insertion sort */
	for (int i = 1; i < *n; i++) {
		struct hit h = (*hits)[i];
		int j = i;
		while (j > 0 && (*hits)[j - 1].kind > h.kind) {
			(*hits)[j] = (*hits)[j - 1];
			j--;
		}
		(*hits)[j] = h;
	}
	return RP_OK;
}
