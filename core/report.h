/* report.h - a relationship as a readable Markdown report: who, what was
 * agreed, every meeting with its notes and actions, goals, thank-you notes.
 * What a mentee sends a mentor, or a mentor keeps. */
#ifndef RAPPORT_REPORT_H
#define RAPPORT_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "db/err.h"

struct db;

/* One person (person != 0) or everyone, in name order. */
int report_md(struct db *db, int64_t person, FILE *out, struct rp_err *err);

#endif
