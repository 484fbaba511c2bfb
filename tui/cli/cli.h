/* cli.h - the scriptable command line: one function per subcommand. */
#ifndef RAPPORT_CLI_H
#define RAPPORT_CLI_H

#include "core/config.h"

struct db;

enum cli_exit { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

struct cli {
	struct db *db;
	const struct config *cfg;
	int json;     /* --json: records as JSON on stdout */
	int db_given; /* --db was on the command line */
};

struct cli_cmd {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv); /* argv[0] is the name */
	int writes;                                     /* refused under --read-only */
	const char *usage;
	int no_db; /* runs without opening the database */
};

const struct cli_cmd *cli_find(const char *name);
/* cli_today.c */
int cli_today(struct cli *c, int argc, char **argv);
int cli_due(struct cli *c, int argc, char **argv);
/* cli_io.c */
int cli_export(struct cli *c, int argc, char **argv);
int cli_import(struct cli *c, int argc, char **argv);
/* cli_search.c */
int cli_demo(struct cli *c, int argc, char **argv);
int cli_search(struct cli *c, int argc, char **argv);
/* The usage lines of every subcommand, for --help. */
void cli_print_usage(void);

/* Messages: "rapport: ..." on stderr; usage errors add a hint. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
