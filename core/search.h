/* search.h - full-text search over every free-text field (FTS5). */
#ifndef RAPPORT_SEARCH_H
#define RAPPORT_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "core/kind.h"
#include "db/err.h"

struct db;

/* Matched words in snippets are wrapped in these. */
#define SEARCH_MARK_ON '\x01'
#define SEARCH_MARK_OFF '\x02'

struct hit {
	enum kind_id kind;
	int64_t id;
	char snippet[400];
};

/* Turn what a person typed into a safe FTS5 query: words and "quoted
 * phrases" must all match, a trailing * makes a prefix (interv*); operators
 * and punctuation are taken as text.  Returns the number of terms (0: there
 * is nothing to search for, which is not an error). */
int search_build_query(const char *typed, char *out, size_t n);
/* The same, with the last word unquoted and without a space after it taken
 * as a prefix (last_prefix) or as the whole word. */
int search_build_query_as(const char *typed, char *out, size_t n, int last_prefix);

/* The best `limit` hits (of `kind`, or of every kind when kind is K_COUNT).
 * When more than SEARCH_RANK_MAX rows match, ranking them all would be slow:
 * the newest come first instead.  *total gets the number of matches, counted
 * up to SEARCH_RANK_MAX + 1.  The last word is a prefix (it may still be
 * being typed) unless the words as typed already fill the `limit`. */
#define SEARCH_RANK_MAX 1000
int search_run(struct db *db, const char *typed, enum kind_id kind, int limit, struct hit **hits,
               int *n, int *total, struct rp_err *err);

#endif
