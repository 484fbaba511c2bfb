/* cli_print.h - records as text or JSON on stdout. */
#ifndef RAPPORT_CLI_PRINT_H
#define RAPPORT_CLI_PRINT_H

#include <jansson.h>
#include <stdio.h>

#include "core/rec.h"

struct db;

/* One record as "key: value" lines, with what belongs to it (milestones of
 * a goal, action items of a meeting, recent meetings of a person). */
int print_show(struct db *db, const struct rec *r, int json, struct rp_err *err);
/* A whole listing, fetched and printed a page at a time. */
int print_list(struct db *db, enum kind_id kind, int filter_field, int64_t filter_id, int trash,
               int json, struct rp_err *err);
/* A row named for people: "#3 Dr. Jane Okafor", "#12 Thu 03 Dec 2026 09:00,
 * Dr. Tom Reyes", "#4 Land a job". */
void print_describe(struct db *db, enum kind_id kind, int64_t id, char *buf, size_t n);
/* The same for a row already fetched. */
void print_describe_rec(struct db *db, const struct rec *r, char *buf, size_t n);
/* json_dumpf + newline; returns 0 on success. */
int print_json(json_t *j);

#endif
