/* cli_demo.c - `rapport --db PATH demo [--people N] [--meetings N]
 * [--seed N]`: a new database filled with a plausible mentee's history. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/demo.h"
#include "core/store.h"
#include "tui/cli/args.h"
#include "tui/cli/cli.h"

int cli_demo(struct cli *c, int argc, char **argv)
{
	struct args a;
	struct rp_err err;
	struct demo_size size = {0, 0, 0};
	struct demo_counts made;
	char why[128];
	if (!c->db_given)
		return cli_usage_error("demo ", "give the new database file: rapport --db PATH demo");
	if (args_parse(argc - 1, argv + 1, NULL, &a, why, sizeof why))
		return cli_usage_error("demo ", "%s", why);
	if (a.npos)
		return cli_usage_error("demo ", "unexpected argument '%s'", a.pos[0]);
	for (int i = 0; i < a.nopt; i++) {
		char *end;
		long long v = a.opt[i].value ? strtoll(a.opt[i].value, &end, 10) : -1;
		if (!a.opt[i].value || *end || v < 0 || v > 100000000)
			return cli_usage_error("demo ", "--%s needs a number", a.opt[i].name);
		if (strcmp(a.opt[i].name, "people") == 0)
			size.people = (long)v;
		else if (strcmp(a.opt[i].name, "meetings") == 0)
			size.meetings = (long)v;
		else if (strcmp(a.opt[i].name, "seed") == 0)
			size.seed = (uint64_t)v;
		else
			return cli_usage_error("demo ", "unknown option --%s", a.opt[i].name);
	}
	if (demo_fill(c->db, &size, &made, &err) != RP_OK) {
		cli_error("%s", err.msg);
		return EXIT_FAIL;
	}
	printf("%s: %ld people, %ld goals, %ld milestones, %ld meetings, %ld action items,"
	       " %ld thank-you notes, %ld check-ins\n",
	       store_path(c->db), made.people, made.goals, made.milestones, made.meetings, made.actions,
	       made.thanks, made.checkins);
	return EXIT_OK;
}
