/* csvio.h - CSV (RFC 4180: quoted fields, doubled quotes, CRLF, UTF-8) out
 * of any kind, and a list of people in. */
#ifndef RAPPORT_CSVIO_H
#define RAPPORT_CSVIO_H

#include <stdio.h>

#include "core/interchange.h"
#include "core/kind.h"

struct db;

/* Rows of a kind outside the trash: id, uuid, every field, created_at,
 * updated_at; times as "YYYY-MM-DD HH:MM" local time. */
int csv_export(struct db *db, enum kind_id kind, FILE *out, struct rp_err *err);

/* People from a CSV with a header row; columns are matched by name (name,
 * org, email...), unknown ones listed in `unknown`.  A person whose name is
 * already here is updated, so importing twice changes nothing.  All or
 * nothing; errors say file:line: column: problem. */
int csv_import_people(struct db *db, const char *name, const char *text,
                      struct import_report *rep, char *unknown, size_t n, struct rp_err *err);

#endif
