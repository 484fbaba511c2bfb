#include "tui/cli/args.h"

#include <stdio.h>
#include <string.h>

#include "core/kind.h"

static int is_flag(const char *const *flags, const char *name, size_t len)
{
	for (; flags && *flags; flags++)
		if (strlen(*flags) == len && strncmp(*flags, name, len) == 0)
			return 1;
	return 0;
}

/* A single-valued option given twice is a mistake to say, not a last one
 * that silently wins (or, as --day did, a second record). */
static int once_each(const struct args *a, char *why, size_t n)
{
	for (int i = 0; i < a->nopt; i++)
		for (int j = i + 1; j < a->nopt; j++)
			if (strcmp(a->opt[i].name, a->opt[j].name) == 0 &&
			    !kind_option_repeats(a->opt[i].name)) {
				snprintf(why, n, "--%s is given twice; give it once", a->opt[i].name);
				return -1;
			}
	return 0;
}

int args_parse(int argc, char **argv, const char *const *flags, struct args *a, char *why,
               size_t n)
{
	int options_done = 0;
	memset(a, 0, sizeof *a);
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (options_done || arg[0] != '-' || arg[1] != '-' || arg[2] == '\0') {
			if (strcmp(arg, "--") == 0 && !options_done) {
				options_done = 1;
				continue;
			}
			if (a->npos == ARGS_MAX) {
				snprintf(why, n, "too many arguments");
				return -1;
			}
			a->pos[a->npos++] = arg;
			continue;
		}
		if (a->nopt == ARGS_MAX) {
			snprintf(why, n, "too many options");
			return -1;
		}
		const char *name = arg + 2, *eq = strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name);
		a->opt[a->nopt].name = name;
		if (is_flag(flags, name, len)) {
			if (eq) {
				snprintf(why, n, "--%.*s takes no value", (int)len, name);
				return -1;
			}
			a->opt[a->nopt++].value = NULL;
		} else if (eq) {
			/* keep "name" and "value" apart without copying: argv is ours */
			argv[i][2 + len] = '\0';
			a->opt[a->nopt++].value = eq + 1;
		} else if (i + 1 < argc) {
			a->opt[a->nopt++].value = argv[++i];
		} else {
			/* the command knows whether it is a known option lacking its
			 * value or an unknown one: let it say which */
			a->opt[a->nopt].value = NULL;
			a->opt[a->nopt++].missing = 1;
		}
	}
	return once_each(a, why, n);
}

int args_flag(const struct args *a, const char *name)
{
	for (int i = 0; i < a->nopt; i++)
		if (!a->opt[i].value && !a->opt[i].missing && strcmp(a->opt[i].name, name) == 0)
			return 1;
	return 0;
}

const char *args_get(const struct args *a, const char *name)
{
	const char *v = NULL;
	for (int i = 0; i < a->nopt; i++)
		if (a->opt[i].value && strcmp(a->opt[i].name, name) == 0)
			v = a->opt[i].value;
	return v;
}
