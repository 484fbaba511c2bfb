/* cli_print.h - records as text or JSON on stdout. */
#ifndef RAPPORT_CLI_PRINT_H
#define RAPPORT_CLI_PRINT_H

#include <jansson.h>
#include <stdio.h>

#include "core/rec.h"

struct config;
struct db;

/* One record as "key: value" lines, with what belongs to it (milestones of
 * a goal, action items of a meeting, recent meetings of a person). */
int print_show(struct db *db, const struct rec *r, int json, struct rp_err *err);
/* A whole listing, fetched and printed a page at a time. */
int print_list(struct db *db, const struct config *cfg, enum kind_id kind, int filter_field,
               int64_t filter_id, int trash, int json, struct rp_err *err);
/* json_dumpf + newline; returns 0 on success. */
int print_json(json_t *j);

#endif
