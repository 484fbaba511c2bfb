/* describe.h - a row named in one line, the same on every face: "#3 Dr.
 * Jane Okafor", "#12 Thu 03 Dec 2026 09:00, Dr. Tom Reyes", "#4 Land a job". */
#ifndef RAPPORT_DESCRIBE_H
#define RAPPORT_DESCRIBE_H

#include <stddef.h>
#include <stdint.h>

#include "core/rec.h"

struct db;

void describe_rec(struct db *db, const struct rec *r, char *buf, size_t n);
/* By kind and id; "#id " when the row cannot be read. */
void describe_id(struct db *db, enum kind_id kind, int64_t id, char *buf, size_t n);

#endif
