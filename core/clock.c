#include "core/clock.h"

#include "core/hooks.h"
#include "core/when.h"

static int frozen;
static time_t frozen_at;

int clock_init(struct rp_err *err)
{
	const char *env = hooks_now();
	struct when w;

	frozen = 0;
	if (!env)
		return RP_OK;
	/* Parse relative to the real time: only absolute forms make sense here. */
	if (when_parse(env, time(NULL), WHEN_NEAREST, &w, err) != RP_OK ||
	    when_to_instant(&w, &frozen_at, err) != RP_OK)
		return rp_fail(err, RP_EINVAL, "RAPPORT_NOW: cannot read '%s' (use 'YYYY-MM-DD HH:MM')",
		               env);
	frozen = 1;
	return RP_OK;
}

time_t clock_now(void)
{
	return frozen ? frozen_at : time(NULL);
}
