/* hooks.h - the environment variables for tests and benchmarks, read here
 * and nowhere else (the README's "For tests and benchmarks" lists them):
 *   RAPPORT_NOW='YYYY-MM-DD HH:MM'  the clock, frozen (local time)
 *   RAPPORT_MAX_PAGES=N             the database may not grow past N pages
 *                                   (a full disk where none can be mounted)
 *   RAPPORT_TIMING=FILE             the screen appends, for each key, the
 *                                   microseconds from reading it to the
 *                                   screen showing it */
#ifndef RAPPORT_HOOKS_H
#define RAPPORT_HOOKS_H

/* The frozen clock's text, or NULL. */
const char *hooks_now(void);
/* The page limit, or 0 for none. */
long hooks_max_pages(void);
/* The timing file, or NULL. */
const char *hooks_timing_file(void);

#endif
