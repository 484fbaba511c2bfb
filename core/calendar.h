/* calendar.h - meetings as iCalendar (RFC 5545) through libical, which
 * folds, escapes and parses: out to a calendar, in from one. */
#ifndef RAPPORT_CALENDAR_H
#define RAPPORT_CALENDAR_H

#include <stdint.h>
#include <stdio.h>

#include "core/interchange.h"

struct db;

/* Planned meetings (all meetings with `all`), of one person when person is
 * not 0, as VEVENTs in UTC with CRLF line ends. */
int calendar_export(struct db *db, FILE *out, int64_t person, int all, struct rp_err *err);
/* VEVENTs become meetings: with the person named by the first ATTENDEE's
 * CN or by "Meeting with NAME" in SUMMARY (made when nobody has the name),
 * done when past, planned when ahead.  The event's UID decides its uuid,
 * so importing twice changes nothing.  All or nothing. */
int calendar_import(struct db *db, const char *path, struct import_report *rep,
                    struct rp_err *err);
/* The same, from text in memory (for the fuzzer); name is for messages. */
int calendar_import_text(struct db *db, const char *text, const char *name,
                         struct import_report *rep, struct rp_err *err);

#endif
