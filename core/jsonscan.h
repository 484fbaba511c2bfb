/* jsonscan.h - a big JSON document read a part at a time.  The members of
 * its top-level object and the elements of an array are found by their
 * bytes alone (strings skipped whole, brackets counted); each part is then
 * parsed by jansson on its own.  An import so holds one record in memory,
 * not a tree of the whole file (a 100 MB export made a 450 MB tree).
 * Every byte is still checked: the skeleton here, each part by jansson. */
#ifndef RAPPORT_JSONSCAN_H
#define RAPPORT_JSONSCAN_H

#include <jansson.h>
#include <stddef.h>

#include "db/err.h"

struct jscan {
	const char *path;
	char *buf; /* the whole file: mapped (read only), or read if it cannot be */
	size_t len;
	size_t released; /* mapped pages before this were handed back */
	int mapped;
};

/* bytes [start, end) of one value in the file */
struct jscan_span {
	size_t start, end;
};

/* A walk through an object's members or an array's elements. */
struct jscan_iter {
	size_t pos;
	int started;
};

int jscan_open(struct jscan *s, const char *path, struct rp_err *err);
void jscan_close(struct jscan *s);

/* The top-level object's next member: its name (a JSON string the caller
 * decrefs) and its value's bytes.  1 for a member, 0 after the last one
 * (nothing but white space may follow), -1 with err placed at
 * file:line:column.  Start with a zeroed iterator. */
int jscan_member(const struct jscan *s, struct jscan_iter *it, json_t **key,
                 struct jscan_span *val, struct rp_err *err);

/* An array's next element, the same way; start with jscan_iter_of(array). */
struct jscan_iter jscan_iter_of(struct jscan_span array);
int jscan_element(const struct jscan *s, struct jscan_iter *it, struct jscan_span *el,
                  struct rp_err *err);

/* One part parsed (any JSON value, duplicate keys refused); NULL with err
 * placed at file:line:column. */
json_t *jscan_load(const struct jscan *s, struct jscan_span sp, struct rp_err *err);

/* Done with the bytes before `upto`: mapped pages behind it are handed back
 * (they stay in the page cache), so a long walk does not grow in memory. */
void jscan_release(struct jscan *s, size_t upto);

#endif
