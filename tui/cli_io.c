/* cli_io.c - `rapport export` and `rapport import`. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/interchange.h"
#include "tui/args.h"
#include "tui/cli.h"

/* The output: stdout, or FILE created 0600 (exports hold private notes). */
static FILE *open_out(const char *path)
{
	int fd;
	FILE *f;
	if (!path || strcmp(path, "-") == 0)
		return stdout;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return NULL;
	if (!(f = fdopen(fd, "w")))
		close(fd);
	return f;
}

int cli_export(struct cli *c, int argc, char **argv)
{
	struct args a;
	struct rp_err err;
	const char *format = NULL, *path = NULL;
	char why[128];
	FILE *out;
	int rc;

	static char output[] = "--output";
	for (int i = 1; i < argc; i++) /* -o, as in most tools, for --output */
		if (strcmp(argv[i], "-o") == 0)
			argv[i] = output;
	if (args_parse(argc - 1, argv + 1, NULL, &a, why, sizeof why))
		return cli_usage_error("export ", "%s", why);
	for (int i = 0; i < a.nopt; i++) {
		const char *name = a.opt[i].name;
		if (a.opt[i].missing)
			return cli_usage_error("export ", "--%s needs a value", name);
		if (strcmp(name, "format") == 0)
			format = a.opt[i].value;
		else if (strcmp(name, "o") == 0 || strcmp(name, "output") == 0)
			path = a.opt[i].value;
		else
			return cli_usage_error("export ", "unknown option --%s", name);
	}
	if (a.npos)
		return cli_usage_error("export ", "unexpected argument '%s'", a.pos[0]);
	if (!format || strcmp(format, "json") != 0)
		return cli_usage_error("export ", "--format json is the format there is so far");
	if (!(out = open_out(path))) {
		cli_error("%s: cannot write: %s", path, strerror(errno));
		return EXIT_FAIL;
	}
	rc = export_json(c->db, out, &err);
	if (out != stdout && fclose(out) != 0 && rc == RP_OK)
		rc = rp_fail(&err, RP_EIO, "%s: cannot write: %s", path, strerror(errno));
	if (rc != RP_OK) {
		cli_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (path && out != stdout)
		fprintf(stderr, "rapport: exported to %s\n", path);
	return EXIT_OK;
}

int cli_import(struct cli *c, int argc, char **argv)
{
	struct import_report rep;
	struct rp_err err;
	if (argc != 2 || argv[1][0] == '-')
		return cli_usage_error("import ", "import takes one file: an export made with"
		                                  " rapport export --format json");
	if (import_json(c->db, argv[1], &rep, &err) != RP_OK) {
		cli_error("%s", err.msg);
		return EXIT_FAIL;
	}
	printf("imported %s: %ld added, %ld updated, %ld already up to date", argv[1], rep.added,
	       rep.updated, rep.unchanged);
	if (rep.unknown_fields)
		printf(" (%ld unknown fields ignored)", rep.unknown_fields);
	putchar('\n');
	return EXIT_OK;
}
