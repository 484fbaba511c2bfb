/* interchange.h - the whole database as one JSON document (the lossless
 * backup format), and reading it back with a merge by uuid. */
#ifndef RAPPORT_INTERCHANGE_H
#define RAPPORT_INTERCHANGE_H

#include <stdio.h>

#include "db/err.h"

struct db;

#define EXPORT_FORMAT "rapport"
#define EXPORT_VERSION 1

/* Every row of every kind, trash included, in id order; references also
 * by uuid ("person_uuid" beside "person_id"), so that another database can
 * take them in.  Written a row at a time. */
int export_json(struct db *db, FILE *out, struct rp_err *err);

#define IMPORT_NOTES 8
struct import_report {
	long added, updated, unchanged, unknown_fields;
	/* what the import chose for the user that they should know (a time
	 * moved out of a daylight-saving gap); notes_more: those not kept */
	char note[IMPORT_NOTES][300];
	int notes, notes_more;
};

/* Keep a note of the import (printf-style). */
void import_note(struct import_report *rep, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Read an export: rows are matched by uuid; a row that is new is added, one
 * that is newer (updated_at) replaces ours, others are left.  All or
 * nothing: the first bad record stops it, nothing is changed, and the
 * message says where (file:line:column, or kind[index].field).  The file is
 * read a record at a time (jsonscan.h), from a pipe too. */
int import_json(struct db *db, const char *path, struct import_report *rep, struct rp_err *err);

#endif
