/* report.h - a relationship as a readable Markdown report: who, what was
 * agreed, every meeting with its notes and actions, goals, thank-you notes.
 * What a mentee sends a mentor, or a mentor keeps. */
#ifndef RAPPORT_REPORT_H
#define RAPPORT_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "core/config.h"
#include "db/err.h"

struct db;

#define REPORT_PRIVATE 1 /* with one's own notes on the person (left out unless asked) */

/* One person (person != 0) or everyone, in name order: dated, with what is
 * next, every typed text escaped so that a CommonMark reader shows it as
 * it was typed. */
int report_md(struct db *db, const struct config *cfg, int64_t person, unsigned flags, FILE *out,
              struct rp_err *err);

#endif
