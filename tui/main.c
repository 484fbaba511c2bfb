/* main.c - rapport's entry: global options, config, the database, then a
 * subcommand (or, on a terminal with none, the full-screen UI). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/config.h"
#include "core/paths.h"
#include "core/store.h"
#include "tui/cli/cli.h"
#include "tui/cli/termout.h"
#include "tui/text.h"
#include "tui/screen/ui.h"

#define RAPPORT_VERSION "0.1.0"

static void print_help(void)
{
	printf("rapport %s - a mentorship tracker for the terminal\n\n"
	       "Usage: rapport [--db PATH] [--config PATH] [--read-only] [COMMAND [ARGS]] [--json]\n\n"
	       "With no command on a terminal, opens the full-screen interface.\n\n"
	       "Commands:\n",
	       RAPPORT_VERSION);
	cli_print_usage();
	printf("\nA person P is an id or a part of a name. Dates read naturally: today,\n"
	       "tomorrow 14:00, mon 9:30, +3d, 2026-12-01 09:00 (a day alone means 09:00).\n\n"
	       "Options:\n"
	       "  --db PATH       the database (default $XDG_DATA_HOME/rapport/rapport.db)\n"
	       "  --config PATH   the settings (default $XDG_CONFIG_HOME/rapport/config.ini)\n"
	       "  --read-only     change nothing\n"
	       "  --json          print records as JSON\n"
	       "  -h, --help      this help (after a command: that command's)\n"
	       "  -V, --version   the version\n\n"
	       "Exit status: 0 done, 1 failed, 2 wrong usage.\n");
}

struct globals {
	const char *db, *config;
	int readonly, json, help, version;
};

static int set_once(const char **slot, const char *value, const char *name)
{
	if (!*value) {
		cli_usage_error(NULL, "%.9s needs a path, not an empty one", name);
		return -1;
	}
	if (*slot) {
		cli_usage_error(NULL, "%.9s is given twice; give it once", name);
		return -1;
	}
	*slot = value;
	return 0;
}

/* Take the global options out of argv (they may stand anywhere before
 * "--"); what is left is the command and its arguments. */
static int take_globals(int *argc, char **argv, struct globals *g)
{
	int out = 1, i;
	for (i = 1; i < *argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0)
			break;
		if (strcmp(a, "--db") == 0 || strcmp(a, "--config") == 0) {
			if (i + 1 >= *argc) {
				cli_usage_error(NULL, "%s needs a path", a);
				return -1;
			}
			if (set_once(a[2] == 'd' ? &g->db : &g->config, argv[++i], a) != 0)
				return -1;
		} else if (strncmp(a, "--db=", 5) == 0) {
			if (set_once(&g->db, a + 5, "--db") != 0)
				return -1;
		} else if (strncmp(a, "--config=", 9) == 0) {
			if (set_once(&g->config, a + 9, "--config") != 0)
				return -1;
		} else if (strcmp(a, "--read-only") == 0) {
			g->readonly = 1;
		} else if (strcmp(a, "--json") == 0) {
			g->json = 1;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			g->help = 1;
		} else if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			g->version = 1;
		} else if (a[0] == '-' && out == 1) {
			cli_usage_error(NULL, "unknown option '%s'", a);
			return -1;
		} else {
			argv[out++] = argv[i];
		}
	}
	for (; i < *argc; i++)
		argv[out++] = argv[i];
	argv[out] = NULL;
	*argc = out;
	return 0;
}

/* The first config problem, for the UI's message line. */
static char first_problem[640];

static int load_config(const struct globals *g, struct config *cfg)
{
	struct config_report rep;
	struct rp_err err;
	char path[CONFIG_PATH_MAX];

	if (g->config) {
		snprintf(path, sizeof path, "%s", g->config);
	} else if (paths_default_config(path, sizeof path, &err) != RP_OK) {
		config_defaults(cfg);
		return 0; /* no HOME: no config to read, defaults are fine */
	}
	if (config_load(path, g->config != NULL, cfg, &rep, &err) != RP_OK) {
		cli_error("%s", err.msg);
		return -1;
	}
	for (int i = 0; i < rep.n && i < CONFIG_MAX_PROBLEMS; i++)
		cli_error("%s", rep.problem[i]);
	if (rep.n)
		snprintf(first_problem, sizeof first_problem, "%s", rep.problem[0]);
	if (rep.n && !cfg->database_unread)
		cli_error("%s: %d problem%s; defaults used for %s", path, rep.n, rep.n == 1 ? "" : "s",
		          rep.n == 1 ? "it" : "them");
	return 0;
}

/* After a refused file: what to do next.  Nothing was written to it. */
static void open_hint(const char *path, enum rp_code code, int checking)
{
	char backup[4600];
	if (code != RP_ENOTRAPPORT && code != RP_ENEWER)
		return;
	if (code == RP_ENEWER)
		cli_error("open it with the newer rapport that wrote it");
	else if (!checking)
		cli_error("to see what is wrong with it: rapport --db '%s' check", path);
	if (store_latest_backup(path, backup, sizeof backup))
		cli_error("the latest backup of it is %s (open it with: rapport --db '%s')", backup,
		          backup);
}

/* `rapport check` on a file that cannot be opened: SQLite's own check of
 * it, read-only. */
static int check_refused(const char *path, const struct rp_err *why)
{
	char report[4096];
	int problems = store_check_file(path, report, sizeof report);
	printf("%s\n", why->msg); /* the message names the file */
	if (problems)
		printf("SQLite's integrity check:\n%s", report);
	else
		printf("SQLite's integrity check finds the file itself whole\n");
	open_hint(path, why->code, 1);
	return EXIT_FAIL;
}

/* Which file: --db, the config's, or the default; refused when the config
 * names one it could not read.  0, or an exit status. */
static int choose_database(const struct globals *g, const struct config *cfg,
                           const struct cli_cmd *cmd, char *dbpath, size_t n)
{
	struct rp_err err;
	int rc;
	if (!g->db && cfg->database_unread) {
		cli_error("%s: which database it names cannot be made out (above), so none is opened"
		          " in its place; fix the file, or give --db PATH",
		          cfg->path);
		return EXIT_FAIL;
	}
	if (g->db)
		rc = paths_expand(g->db, dbpath, n, &err);
	else if (cfg->database[0])
		rc = paths_expand(cfg->database, dbpath, n, &err);
	else
		rc = paths_default_db(dbpath, n, &err);
	if (rc != RP_OK) {
		cli_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (cmd && strcmp(cmd->name, "check") == 0 && access(dbpath, F_OK) != 0) {
		/* a check makes nothing: a mistyped path is not "sound" */
		cli_error("%s: no such database; nothing to check", dbpath);
		return EXIT_FAIL;
	}
	return 0;
}

/* Open it (with the daily backup); 0, or an exit status. */
static int open_database(struct globals *g, const struct config *cfg, const struct cli_cmd *cmd,
                         const char *dbpath, struct cli *c)
{
	struct rp_err err;
	int asked_readonly = g->readonly;
	/* the folder of a --db typed now must exist; the configured or default one is made */
	int flags = (g->readonly ? STORE_READONLY : 0) | (g->db ? 0 : STORE_MAKE_FOLDER);
	if (store_open(dbpath, flags, &c->db, &err) != RP_OK) {
		if (cmd && strcmp(cmd->name, "check") == 0 &&
		    (err.code == RP_ENOTRAPPORT || err.code == RP_ENEWER))
			return check_refused(dbpath, &err);
		cli_error("%s", err.msg);
		open_hint(dbpath, err.code, 0);
		return EXIT_FAIL;
	}
	if (store_readonly_why(c->db)) {
		if (cmd && cmd->writes) {
			cli_error("%s: cannot change it: %s; nothing was changed", dbpath,
			          store_readonly_why(c->db));
			store_close(c->db);
			return EXIT_FAIL;
		}
		g->readonly = 1;
	}
	if (*store_upgrade_backup(c->db))
		cli_error("upgraded the database; the old one is kept as %s", store_upgrade_backup(c->db));
	if (cfg->backup_daily && store_readonly_why(c->db) && !asked_readonly) {
		/* not asked for: said, or a user would count on a copy never made */
		cli_error("the daily backup was not made: the database opened read-only (%s)",
		          store_readonly_why(c->db));
		snprintf(first_problem, sizeof first_problem,
		         "The daily backup was not made: the database opened read-only (%s)",
		         store_readonly_why(c->db));
	} else if (cfg->backup_daily && !g->readonly) {
		int made;
		if (store_daily_backup(c->db, cfg->backup_keep, &made, &err) != RP_OK) {
			cli_error("the daily backup failed: %s", err.msg);
			/* the screen would wipe stderr: its message line says it instead */
			snprintf(first_problem, sizeof first_problem, "The daily backup failed: %s",
			         err.msg);
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct globals g = {0};
	struct config cfg;
	struct rp_err err;
	struct cli c = {0};
	const struct cli_cmd *cmd = NULL;
	char dbpath[CONFIG_PATH_MAX];
	int rc;

	text_init_locale();
	/* a file size limit (ulimit -f) is then an error each writer handles,
	 * removing its temporary file, rather than a kill that leaves it */
	signal(SIGXFSZ, SIG_IGN);
	termout_install();
	if (take_globals(&argc, argv, &g) != 0)
		return EXIT_USAGE;
	if (argc > 1 && !(cmd = cli_find(argv[1])))
		return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
	if (g.version || g.help) {
		if (g.version)
			printf("rapport %s\n", RAPPORT_VERSION);
		else if (cmd)
			printf("Usage: rapport %s\n", cmd->usage);
		else
			print_help();
		return EXIT_OK;
	}
	if (!cmd && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
		cli_error("the full-screen interface needs a terminal (stdin and stdout);"
		          " for scripts, give a command: rapport --help");
		return EXIT_FAIL;
	}
	if (cmd && cmd->writes && g.readonly)
		return cli_usage_error(NULL, "'%s' changes the database, but --read-only was given",
		                       cmd->name);
	if (clock_init(&err) != RP_OK) {
		cli_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (load_config(&g, &cfg) != 0)
		return EXIT_FAIL;

	c.cfg = &cfg;
	c.json = g.json;
	c.db_given = g.db != NULL;
	if (cmd && cmd->no_db)
		return cmd->run(&c, argc - 1, argv + 1);
	if ((rc = choose_database(&g, &cfg, cmd, dbpath, sizeof dbpath)) != 0 ||
	    (rc = open_database(&g, &cfg, cmd, dbpath, &c)) != 0)
		return rc;
	if (cmd)
		rc = cmd->run(&c, argc - 1, argv + 1);
	else {
		termout_remove(); /* the screen's controls are ncurses' own */
		rc = ui_run(c.db, &cfg, g.readonly, first_problem[0] ? first_problem : NULL);
	}
	store_close(c.db);
	if (fflush(stdout) != 0 && rc == EXIT_OK) {
		cli_error("cannot write the output");
		rc = EXIT_FAIL;
	}
	return rc;
}
