/* rec.h - one row of any kind, and everything done to rows: validate what the
 * user typed, insert, update, fetch, list a page, trash and restore.  Every
 * change is its own transaction, committed before the call returns. */
#ifndef RAPPORT_REC_H
#define RAPPORT_REC_H

#include <stddef.h>
#include <stdint.h>

#include "core/kind.h"
#include "db/err.h"

struct db;

/* A field's value; only rec*.c read or write one. */
struct val {
	int null;
	int64_t i; /* F_INT, F_INSTANT, F_REF, F_BOOL */
	char *s;   /* text, choice, date, tags (owned) */
	int dirty; /* changed since fetched: written by rec_update */
};

struct rec {
	const struct kind *kind;
	int64_t id; /* 0 until inserted */
	char uuid[40];
	int64_t created_at, updated_at, deleted_at; /* deleted_at 0: not in the trash */
	struct val v[KIND_MAX_FIELDS];
};

void rec_init(struct rec *r, enum kind_id kind);
void rec_free(struct rec *r);

/* Set a field from what a person typed, with the field's rules: "" clears it,
 * choices take a unique prefix, dates are read naturally, a person is an id
 * or a part of a name.  On error the record is unchanged. */
int rec_set(struct db *db, struct rec *r, int field, const char *text, struct rp_err *err);
/* rec_set, where a value equal to the one the field holds is no change (a
 * row imported as it is writes nothing); *changed: the field is to be
 * written. */
int rec_set_changed(struct db *db, struct rec *r, int field, const char *text, int *changed,
                    struct rp_err *err);
/* Set a number-like field directly (no parsing; range still checked). */
int rec_set_int(struct rec *r, int field, int64_t v, struct rp_err *err);

/* Give dst (same kind) every field value of src, as changes to write. */
int rec_copy_fields(struct rec *dst, const struct rec *src, struct rp_err *err);

int rec_is_null(const struct rec *r, int field);
const char *rec_str(const struct rec *r, int field); /* NULL when null or not text */
/* The kind's auto_col, when empty, from its rule (kind.h): a meeting's
 * status done once its time has come, planned before.  Every write applies
 * it; an import that writes rows as they are calls it itself. */
int rec_fill_auto(struct rec *r, struct rp_err *err);
/* Is the row done, by its kind's rule (kind.h done_col)? */
/* Would marking r done be early: a row whose time says planned (a
 * meeting) that is still to come?  Then `when` gets that time. */
int rec_done_early(const struct rec *r, char *when, size_t n);
int rec_is_done(const struct rec *r);
/* Mark it done or not done (not written: rec_update does that); a kind
 * that cannot be done is refused, naming those that can. */
int rec_set_done(struct db *db, struct rec *r, int done, struct rp_err *err);
/* The text of the field named col (column or option name): "" when it is
 * null, not text, or no field of the kind. */
const char *rec_text(const struct rec *r, const char *col);
int64_t rec_int(const struct rec *r, int field);
/* A field for people: dates and times in words, references as #id. */
void rec_format(const struct rec *r, int field, char *buf, size_t n);

int rec_insert(struct db *db, struct rec *r, struct rp_err *err);
int rec_update(struct db *db, struct rec *r, struct rp_err *err);
/* Fetch by id, trashed rows included (see deleted_at). */
int rec_get(struct db *db, enum kind_id kind, int64_t id, struct rec *r, struct rp_err *err);
/* Move to the trash with everything that belongs to it; restore brings the
 * same set back. */
/* What a move to the trash takes along with the row, in words ("12
 * meetings, 4 actions and 3 thanks"; "" when nothing). */
int rec_trash_goes_with(struct db *db, enum kind_id kind, int64_t id, char *buf, size_t n,
                        struct rp_err *err);
/* What refers to the row without belonging to it, and stays ("2 goals":
 * a person's goals, a goal's check-ins; "" when nothing): in the trash it
 * still names the row, once purged it names none. */
int rec_trash_leaves(struct db *db, enum kind_id kind, int64_t id, char *buf, size_t n,
                     struct rp_err *err);
int rec_trash(struct db *db, enum kind_id kind, int64_t id, struct rp_err *err);
int rec_restore(struct db *db, enum kind_id kind, int64_t id, struct rp_err *err);
/* How many rows, not in the trash, belong to it (and would go to the
 * trash with it). */
int rec_count_children(struct db *db, enum kind_id kind, int64_t id, long *count,
                       struct rp_err *err);
/* Delete one row of the trash for good, with what went there with it. */
int rec_purge_one(struct db *db, enum kind_id kind, int64_t id, struct rp_err *err);
/* Delete everything in the trash for good; *count gets the number of rows. */
int rec_purge(struct db *db, long *count, struct rp_err *err);

/* Keyset paging: a page starts after `after` (NULL: from the top). */
struct rec_key {
	int64_t num;
	char *text;
	int64_t id;
};

struct rec_query {
	int filter_field;            /* only rows whose reference field filter_field */
	int64_t filter_id;           /* is filter_id; filter_id 0: all rows */
	int trash;                   /* list the trash instead */
	int limit;                   /* rows per page, 1..1000 */
	const struct rec_key *after; /* NULL: first page */
	int backward;                /* the rows before `after` (NULL: the last rows) */
	int inclusive;               /* start at `after` itself rather than past it */
};

struct rec_page {
	struct rec *rows;
	int n;
	int more;            /* another page follows */
	struct rec_key next; /* pass as `after` for it */
};

/* Rows come in list order even when fetched backward; `more` says whether
 * further rows lie in the direction of travel. */
int rec_list(struct db *db, enum kind_id kind, const struct rec_query *q, struct rec_page *page,
             struct rp_err *err);
/* The list position of r, for `after` (key->text is malloc'd). */
void rec_key_of(const struct rec *r, struct rec_key *key);
void rec_key_free(struct rec_key *key);
void rec_page_free(struct rec_page *page);

/* Walk a whole listing page by page, holding one page at a time:
 *   struct rec_walk w;
 *   rec_walk_start(&w, K_MEETING, &q);
 *   while (rec_walk_next(db, &w, &err) > 0)
 *           use w.page.rows[0 .. w.page.n - 1];
 *   rec_walk_end(&w);
 * rec_walk_next returns 1 with a page, 0 at the end, -1 on error. */
struct rec_walk {
	enum kind_id kind;
	struct rec_query q;
	struct rec_key after;
	struct rec_page page;
	int started, done;
};

void rec_walk_start(struct rec_walk *w, enum kind_id kind, const struct rec_query *q);
int rec_walk_next(struct db *db, struct rec_walk *w, struct rp_err *err);
void rec_walk_end(struct rec_walk *w);

/* Write every column of r as it is (uuid and times included), for import:
 * over the row `existing` (an id), or as a new row taking r->id when that id
 * is free.  r->id gets the row's id. */
int rec_write_raw(struct db *db, struct rec *r, int64_t existing, struct rp_err *err);

/* For rec.c and rec_query.c: a refused write (a constraint) in the user's
 * words; returns the error code. */
int rec_write_error(const struct rec *r, struct rp_err *err);

#endif
