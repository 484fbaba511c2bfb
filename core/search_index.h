/* search_index.h - the search index, made from the kind table.  Every
 * field marked FF_SEARCH (core/kind.c) is indexed; triggers written from
 * that table keep the index in step with every row, so a new kind with
 * searched fields is searched with no other change.
 *
 * The index is two tables (schema step 8): search_key(id, kind, row_id)
 * gives each row of each kind a number of its own (kind is the row's table
 * name), and fts (FTS5) holds the words under that number.  Any number of
 * kinds fit, and a row's entry is found through the key's unique index,
 * never by a scan. */
#ifndef RAPPORT_SEARCH_INDEX_H
#define RAPPORT_SEARCH_INDEX_H

#include <stddef.h>

#include "db/err.h"

struct db;

/* After opening: when the triggers in the file are not the ones the kind
 * table makes (a schema upgrade, a kind whose searched fields changed),
 * make them and index every row again, in one transaction.  Nothing is
 * done on a read-only file. */
int search_index_ensure(struct db *db, struct rp_err *err);
/* Are the file's triggers the kind table's?  1 yes, 0 no, -1 on error. */
int search_index_current(struct db *db, struct rp_err *err);

/* For filling a database in bulk, inside the caller's transaction: stop
 * keeping the index row by row, then index everything at once and keep it
 * in step again. */
int search_index_pause(struct db *db, struct rp_err *err);
int search_index_resume(struct db *db, struct rp_err *err);

/* The statement that makes trigger i (0, 1, 2, ... until it returns 0):
 * its name goes to name.  For the tests. */
int search_index_trigger(int i, char *name, size_t name_n, char *sql, size_t n);

#endif
