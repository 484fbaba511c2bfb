/* args.h - a subcommand's arguments: positionals and --name value options
 * (also --name=value); "--" ends the options. */
#ifndef RAPPORT_ARGS_H
#define RAPPORT_ARGS_H

#include <stddef.h>

#define ARGS_MAX 64

struct args {
	const char *pos[ARGS_MAX];
	int npos;
	struct {
		const char *name;  /* without the dashes */
		const char *value; /* NULL for a flag, or when missing */
		int missing;       /* a value was due but the arguments ended */
	} opt[ARGS_MAX];
	int nopt;
};

/* flags: the option names that take no value, NULL-terminated.  An option
 * given twice is refused (-1, why says it) unless it may repeat (--tag). */
int args_parse(int argc, char **argv, const char *const *flags, struct args *a, char *why,
               size_t n);
int args_flag(const struct args *a, const char *name);
/* The last value given for name, or NULL. */
const char *args_get(const struct args *a, const char *name);

#endif
