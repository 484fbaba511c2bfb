/* colors.h - named colour roles from the config's [colors] section.  With
 * NO_COLOR set, or a terminal without colours, every role falls back to a
 * plain attribute (bold, reverse, dim), so the screen stays usable. */
#ifndef RAPPORT_COLORS_H
#define RAPPORT_COLORS_H

#include <curses.h>

#include "core/config.h"

enum role {
	R_NORMAL, R_TITLE, R_HEADER, R_BORDER, R_FOCUS, R_SELECTION, R_MUTED, R_DUE, R_OVERDUE,
	R_DONE, R_ERROR, R_COUNT
};

/* After initscr.  Problems go to report("path:line: ..."). */
void colors_init(const struct config *cfg, void (*report)(const char *msg));
attr_t color_attr(enum role r);

#endif
