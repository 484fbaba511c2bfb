/* clock.h - the one source of "now".  RAPPORT_NOW (local time, e.g.
 * '2026-11-25 09:00') freezes it, so tests never depend on today's date. */
#ifndef RAPPORT_CLOCK_H
#define RAPPORT_CLOCK_H

#include <time.h>

#include "db/err.h"

/* Read RAPPORT_NOW once; a value that does not parse is an error. */
int clock_init(struct rp_err *err);
time_t clock_now(void);

#endif
