/* today_text.h - the Today sections as lines of text, each standing for the
 * item it names: printed by `rapport today`, drawn by the Today screen. */
#ifndef RAPPORT_TODAY_TEXT_H
#define RAPPORT_TODAY_TEXT_H

#include "core/today.h"

/* role: enum role of colors.h (R_HEADER for headings, R_OVERDUE...). */
typedef void today_emit(const char *line, int role, enum kind_id kind, int64_t id, void *ctx);

void today_text(struct db *db, const struct today *t, today_emit *emit, void *ctx);

#endif
