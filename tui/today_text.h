/* today_text.h - the Today sections as lines of text, each standing for the
 * item it names: printed by `rapport today`, drawn by the Today screen. */
#ifndef RAPPORT_TODAY_TEXT_H
#define RAPPORT_TODAY_TEXT_H

#include "core/today.h"

/* role: enum role of colors.h (R_HEADER for headings, R_OVERDUE...). */
typedef void today_emit(const char *line, int role, enum kind_id kind, int64_t id, void *ctx);

/* width: of the screen's lines, where a line that does not fit has its free
 * text cut (an action's words, an agenda, a goal's title) and keeps its
 * facts (dates, the person, the state); 0: no limit (the command line). */
void today_text(struct db *db, const struct today *t, int width, today_emit *emit, void *ctx);

#endif
