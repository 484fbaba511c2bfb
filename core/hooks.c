/* hooks.c - see hooks.h. */
#include "core/hooks.h"

#include <stdlib.h>

/* the value of name, or NULL when unset or empty */
static const char *given(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

const char *hooks_now(void) { return given("RAPPORT_NOW"); }

long hooks_max_pages(void)
{
	const char *v = given("RAPPORT_MAX_PAGES");
	long n = v ? strtol(v, NULL, 10) : 0;
	return n > 0 ? n : 0;
}

const char *hooks_timing_file(void) { return given("RAPPORT_TIMING"); }
