/* cli_io.c - `rapport export` and `rapport import`. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <strings.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/csvio.h"
#include "core/interchange.h"
#include "core/outfile.h"
#include "core/person.h"
#include "core/report.h"
#include "core/store.h"
#include "tui/cli/args.h"
#include "tui/cli/cli.h"

/* --format csv without --kind: one file per kind, in a folder, all or
 * none: every file is written under its temporary name first, and only
 * when all are whole are they put in place. */
static int export_csv_folder(struct cli *c, const char *dir)
{
	struct rp_err err;
	struct outfile out[K_COUNT];
	char path[4200];
	int opened = 0, rc = RP_OK;
	if (store_is_own_file(c->db, dir)) {
		cli_error("%s: is the database itself: nothing was written; choose a folder", dir);
		return EXIT_FAIL;
	}
	int made_dir = mkdir(dir, 0700) == 0;
	if (!made_dir && errno != EEXIST) {
		cli_error("%s: cannot make the folder: %s", dir, strerror(errno));
		return EXIT_FAIL;
	}
	int failed = -1; /* the file whose writing failed: its close says why */
	for (int k = 0; k < K_COUNT && rc == RP_OK; k++) {
		const struct kind *kind = kind_get((enum kind_id)k);
		snprintf(path, sizeof path, "%s/%s.csv", dir, kind->plural);
		if ((rc = outfile_open(&out[k], c->db, path, &err)) == RP_OK) {
			opened++;
			if ((rc = csv_export(c->db, kind->id, out[k].f, &err)) != RP_OK)
				failed = k;
		}
	}
	/* every file flushed and synced before any is put in place */
	for (int k = 0; k < opened && rc == RP_OK; k++)
		rc = outfile_flush(&out[k], &err);
	for (int k = 0; k < opened; k++)
		if (outfile_close(&out[k], rc == RP_OK, rc == RP_OK || k == failed ? &err : NULL) !=
		        RP_OK &&
		    rc == RP_OK)
			rc = rp_code(&err, RP_EIO);
	if (rc != RP_OK) {
		cli_error("%s%s", err.msg,
		          opened > 1 ? " (none of the folder's files was changed)" : "");
		if (made_dir) /* none or nothing: a folder made for it goes too */
			rmdir(dir);
		return EXIT_FAIL;
	}
	fprintf(stderr, "rapport: exported one CSV file per kind to %s/\n", dir);
	return EXIT_OK;
}

int cli_export(struct cli *c, int argc, char **argv)
{
	static const char *const flags[] = {"all", "private", NULL};
	static char output[] = "--output";
	struct args a;
	struct rp_err err;
	const char *format = NULL, *path = NULL, *kind_name = NULL, *who = NULL;
	const struct kind *kind = NULL;
	int64_t person = 0;
	char why[128];
	struct outfile out;
	int rc;

	for (int i = 1; i < argc; i++) /* -o, as in most tools, for --output */
		if (strcmp(argv[i], "-o") == 0)
			argv[i] = output;
	if (args_parse(argc - 1, argv + 1, flags, &a, why, sizeof why))
		return cli_usage_error("export ", "%s", why);
	for (int i = 0; i < a.nopt; i++) {
		const char *name = a.opt[i].name;
		if (a.opt[i].missing)
			return cli_usage_error("export ", "--%s needs a value", name);
		if (!a.opt[i].value && (strcmp(name, "all") == 0 || strcmp(name, "private") == 0))
			continue;
		if (strcmp(name, "format") == 0)
			format = a.opt[i].value;
		else if (strcmp(name, "output") == 0)
			path = a.opt[i].value;
		else if (strcmp(name, "kind") == 0)
			kind_name = a.opt[i].value;
		else if (strcmp(name, "person") == 0)
			who = a.opt[i].value;
		else
			return cli_usage_error("export ", "unknown option --%s", name);
	}
	if (a.npos)
		return cli_usage_error("export ", "unexpected argument '%s'", a.pos[0]);
	if (!format || (strcmp(format, "json") != 0 && strcmp(format, "ics") != 0 &&
	                strcmp(format, "csv") != 0 && strcmp(format, "md") != 0))
		return cli_usage_error("export ", "--format json, ics, csv or md");
	if (kind_name && !(kind = kind_by_name(kind_name)))
		return cli_usage_error("export ", "unknown kind '%s'", kind_name);
	if (strcmp(format, "csv") == 0 && !kind)
		return export_csv_folder(c, path ? path : ".");
	if (who && person_resolve(c->db, who, &person, &err) != RP_OK) {
		cli_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (outfile_open(&out, c->db, path, &err) != RP_OK) {
		cli_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (strcmp(format, "json") == 0)
		rc = export_json(c->db, out.f, &err);
	else if (strcmp(format, "ics") == 0)
		rc = calendar_export(c->db, out.f, person, args_flag(&a, "all"), &err);
	else if (strcmp(format, "csv") == 0 && kind) /* without a kind: a folder, above */
		rc = csv_export(c->db, kind->id, out.f, &err);
	else
		rc = report_md(c->db, c->cfg, person, args_flag(&a, "private") ? REPORT_PRIVATE : 0,
		               out.f, &err);
	if (outfile_close(&out, rc == RP_OK, &err) != RP_OK) {
		cli_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (path && strcmp(path, "-") != 0)
		fprintf(stderr, "rapport: exported to %s\n", path);
	return EXIT_OK;
}

/* What a file holds, by its name or its first bytes (only a plain file's:
 * a pipe's first bytes, once read, would be gone for the importer). */
static const char *sniff(const char *path)
{
	char head[64] = "";
	size_t len = strlen(path);
	struct stat st;
	FILE *f = stat(path, &st) == 0 && S_ISREG(st.st_mode) ? fopen(path, "rb") : NULL;
	if (f) {
		size_t n = fread(head, 1, sizeof head - 1, f);
		head[n] = '\0';
		fclose(f);
	}
	if (memcmp(head, "SQLite format 3", 16) == 0)
		return "sqlite";
	if ((len > 4 && strcasecmp(path + len - 4, ".ics") == 0) || strstr(head, "BEGIN:VCALENDAR"))
		return "ics";
	if (len > 4 && strcasecmp(path + len - 4, ".csv") == 0)
		return "csv";
	return "json";
}

static char *read_text(const char *path, struct rp_err *err)
{
	FILE *f = fopen(path, "rb");
	char *text;
	long len;
	if (!f) {
		rp_fail(err, RP_ENOTFOUND, "%s: cannot read it: %s", path, strerror(errno));
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || len > (64L << 20) || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		rp_fail(err, RP_EINVAL, "%s: too large (at most 64 MB)", path);
		return NULL;
	}
	text = malloc((size_t)len + 1);
	if (!text || fread(text, 1, (size_t)len, f) != (size_t)len) {
		free(text);
		fclose(f);
		rp_fail(err, RP_EIO, "%s: cannot read it", path);
		return NULL;
	}
	fclose(f);
	text[len] = '\0';
	if (strlen(text) != (size_t)len) {
		free(text);
		rp_fail(err, RP_EINVAL, "%s: holds a NUL byte: not a text file", path);
		return NULL;
	}
	return text;
}

int cli_import(struct cli *c, int argc, char **argv)
{
	struct import_report rep;
	struct rp_err err;
	const char *kind;
	char unknown[512] = "";
	int rc;
	if (argc != 2 || argv[1][0] == '-')
		return cli_usage_error("import ", "import takes one file: a rapport JSON export, an"
		                                  " iCalendar file (.ics) or a CSV of people (.csv)");
	kind = sniff(argv[1]);
	if (strcmp(kind, "sqlite") == 0) {
		cli_error("%s: is an SQLite database (a rapport database or a backup?), not an export:"
		          " open it with rapport --db '%s', or take what it holds with"
		          " rapport --db '%s' export --format json | rapport import /dev/stdin",
		          argv[1], argv[1], argv[1]);
		return EXIT_FAIL;
	}
	if (strcmp(kind, "json") == 0) {
		rc = import_json(c->db, argv[1], &rep, &err);
	} else if (strcmp(kind, "ics") == 0) {
		rc = calendar_import(c->db, argv[1], &rep, &err);
	} else {
		char *text = read_text(argv[1], &err);
		rc = text ? csv_import_people(c->db, argv[1], text, &rep, unknown, sizeof unknown, &err)
		          : RP_EINVAL;
		free(text);
	}
	if (rc != RP_OK) {
		cli_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (*unknown)
		cli_error("%s: columns not known, left out: %s", argv[1], unknown);
	printf("imported %s: %ld added, %ld updated, %ld already up to date", argv[1], rep.added,
	       rep.updated, rep.unchanged);
	if (rep.unknown_fields)
		printf(" (%ld unknown fields ignored)", rep.unknown_fields);
	putchar('\n');
	fflush(stdout); /* the summary, then what it chose */
	for (int i = 0; i < rep.notes; i++)
		cli_error("%s", rep.note[i]);
	if (rep.notes_more)
		cli_error("%s: and %d more like that", argv[1], rep.notes_more);
	return EXIT_OK;
}
