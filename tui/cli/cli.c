/* cli.c - the subcommands that change things: add, edit, done, delete,
 * restore, purge, checkin; and list/show, which print through cli_print.c. */
#include "tui/cli/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/person.h"
#include "core/checkin.h"
#include "core/utf8.h"
#include "core/clock.h"
#include "core/rec.h"
#include "core/rec_json.h"
#include "core/store.h"
#include "core/when.h"
#include "tui/cli/args.h"
#include "tui/text.h"
#include "tui/cli/cli_print.h"
#include "tui/keys.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("rapport: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fputs("rapport: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'rapport %s--help'.\n", cmd ? cmd : "");
	return EXIT_USAGE;
}

static int fail(const struct rp_err *err)
{
	cli_error("%s", err->msg);
	return EXIT_FAIL;
}

static const char *const no_flags[] = {"json", NULL};

static int any_kind(const struct kind *k) { return k != NULL; }

static const struct kind *kind_arg(const char *cmd, const char *name)
{
	const struct kind *k = name ? kind_by_name(name) : NULL;
	char all[200];
	if (!k) {
		kind_list_text(any_kind, 0, " or ", all, sizeof all);
		if (name)
			cli_usage_error(cmd, "unknown kind '%s' (%s)", name, all);
		else
			cli_usage_error(cmd, "which kind? (%s)", all);
	}
	return k;
}

static int parse_id(const char *cmd, const char *text, int64_t *id)
{
	char *end;
	long long v;
	if (!text)
		return cli_usage_error(cmd, "an id is needed");
	if (*text == '#')
		text++;
	v = strtoll(text, &end, 10);
	if (end == text || *end || v <= 0)
		return cli_usage_error(cmd, "'%s' is not an id (a number such as 3)", text);
	*id = v;
	return EXIT_OK;
}

/* Apply --FIELD VALUE options to r; --tag may repeat and adds up. */
static int apply_options(struct cli *c, const char *cmd, const struct args *a, struct rec *r)
{
	struct rp_err err;
	char tags[2048] = "";
	int tag_field = -1;

	for (int i = 0; i < a->nopt; i++) {
		const char *name = a->opt[i].name;
		int f;
		if (!a->opt[i].value && !a->opt[i].missing)
			continue; /* flags were checked by the caller */
		f = kind_field_index(r->kind, name);
		if (f < 0)
			return cli_usage_error(cmd, "a %s has no field --%s", r->kind->name, name);
		if (a->opt[i].missing)
			return cli_usage_error(cmd, "--%s needs a value", name);
		if (r->kind->fields[f].type == F_TAGS) {
			size_t used = strlen(tags);
			tag_field = f;
			snprintf(tags + used, sizeof tags - used, "%s%s", used ? "," : "", a->opt[i].value);
			continue;
		}
		if (rec_set(c->db, r, f, a->opt[i].value, &err) != RP_OK)
			return fail(&err);
	}
	if (tag_field >= 0 && rec_set(c->db, r, tag_field, tags, &err) != RP_OK)
		return fail(&err);
	return EXIT_OK;
}

static int check_flags(const char *cmd, const struct args *a, const char *const *allowed)
{
	for (int i = 0; i < a->nopt; i++) {
		int ok = 0;
		if (a->opt[i].value || a->opt[i].missing)
			continue;
		for (const char *const *f = allowed; *f; f++)
			ok |= strcmp(*f, a->opt[i].name) == 0;
		if (!ok)
			return cli_usage_error(cmd, "unknown option --%s", a->opt[i].name);
	}
	return EXIT_OK;
}

/* For commands whose only option is --json: refuse any other. */
static int only_flags(const char *cmd, const struct args *a, const char *const *flags)
{
	for (int i = 0; i < a->nopt; i++) {
		int known = 0;
		for (int f = 0; flags[f]; f++)
			known |= strcmp(a->opt[i].name, flags[f]) == 0;
		if (a->opt[i].value || a->opt[i].missing || !known)
			return cli_usage_error(cmd, "unknown option --%s", a->opt[i].name);
	}
	return EXIT_OK;
}

enum option_rule { FLAGS, ONLY_FLAGS };
#define ONLY_JSON ONLY_FLAGS /* with no_flags: --json alone */

/* A subcommand's arguments: `flags` take no value; with ONLY_FLAGS, they
 * are the only options, else the options are fields or flags
 * (check_flags).  Sets c->json from --json. */
static int parse_command(struct cli *c, const char *cmd, int argc, char **argv,
                         const char *const *flags, enum option_rule rule, struct args *a)
{
	char why[128];
	if (args_parse(argc - 1, argv + 1, flags, a, why, sizeof why))
		return cli_usage_error(cmd, "%s", why);
	if (rule == ONLY_FLAGS ? only_flags(cmd, a, flags) : check_flags(cmd, a, flags))
		return EXIT_USAGE;
	c->json |= args_flag(a, "json");
	return EXIT_OK;
}

static int report_saved(struct cli *c, const struct rec *r, const char *verb)
{
	const char *title = rec_str(r, r->kind->title_field);
	char when[64] = "";
	if (c->json) {
		json_t *j = rec_to_json(r);
		int rc = print_json(j);
		json_decref(j);
		return rc ? EXIT_FAIL : EXIT_OK;
	}
	/* untitled (a meeting without an agenda): named by what orders its
	 * kind (the meeting's time) */
	if (!title && r->kind->order_field >= 0)
		rec_format(r, r->kind->order_field, when, sizeof when);
	printf("%s %s #%lld", verb, r->kind->name, (long long)r->id);
	if (title || *when) {
		char first[1024], fitted[1024];
		utf8_copy(first, sizeof first, title ? title : when);
		first[strcspn(first, "\n")] = '\0';
		text_fit(first, 70, fitted, sizeof fitted); /* whole characters, "…" when cut */
		printf(": %s", fitted);
	}
	/* a row whose time decides its state (a meeting): the time read, with
	 * its year, and the state it made */
	if (r->kind->auto_from && title) {
		int at = kind_field_index(r->kind, r->kind->auto_from);
		int st = kind_field_index(r->kind, r->kind->auto_col);
		rec_format(r, at, when, sizeof when);
		printf(" (%s, %s)", when, rec_str(r, st) ? rec_str(r, st) : "");
	} else if (r->kind->auto_from) {
		int st = kind_field_index(r->kind, r->kind->auto_col);
		printf(" (%s)", rec_str(r, st) ? rec_str(r, st) : "");
	}
	putchar('\n');
	return EXIT_OK;
}

static int cmd_add(struct cli *c, int argc, char **argv)
{
	struct args a;
	struct rec r = {0};
	struct rp_err err;
	const struct kind *k;
	int rc, npos = 0;

	if ((rc = parse_command(c, "add ", argc, argv, no_flags, FLAGS, &a)) != EXIT_OK)
		return rc;
	if (!(k = kind_arg("add ", a.npos ? a.pos[0] : NULL)))
		return EXIT_USAGE;
	while (npos < 2 && k->positional[npos])
		npos++;
	if (a.npos - 1 > npos)
		return cli_usage_error("add ", "too many arguments for add %s: '%s'", k->name,
		                       a.pos[1 + npos]);
	if (a.npos - 1 < npos)
		return cli_usage_error("add ", "add %s needs %s%s%s", k->name,
		                       k->positional[a.npos - 1],
		                       npos == 2 && a.npos == 1 ? " and " : "",
		                       npos == 2 && a.npos == 1 ? k->positional[1] : "");
	rec_init(&r, k->id);
	if (k->id == K_PERSON) /* among mentees, a mentee; --role says otherwise */
		person_start(c->db, &r);
	if (k->id == K_MEETING) {
		char duration[16];
		snprintf(duration, sizeof duration, "%d", c->cfg->default_duration);
		rec_set(c->db, &r, kind_field_index(k, "duration"), duration, NULL);
	}
	for (int i = 0; i < npos; i++)
		if (rec_set(c->db, &r, kind_field_index(k, k->positional[i]), a.pos[1 + i],
		            &err) != RP_OK) {
			rec_free(&r);
			return fail(&err);
		}
	rc = apply_options(c, "add ", &a, &r);
	if (rc == EXIT_OK) {
		if (rec_insert(c->db, &r, &err) != RP_OK)
			rc = fail(&err);
		else
			rc = report_saved(c, &r, "added");
	}
	rec_free(&r);
	return rc;
}

/* Parse "KIND ID" and fetch the row. */
static int load_target(struct cli *c, const char *cmd, const struct args *a, struct rec *r)
{
	const struct kind *k;
	int64_t id = 0;
	struct rp_err err;
	rec_init(r, K_PERSON); /* something to free, whatever happens below */
	if (!(k = kind_arg(cmd, a->npos ? a->pos[0] : NULL)))
		return EXIT_USAGE;
	if (parse_id(cmd, a->npos > 1 ? a->pos[1] : NULL, &id) != EXIT_OK)
		return EXIT_USAGE;
	if (a->npos > 2) {
		cli_usage_error(cmd, "too many arguments: '%s'", a->pos[2]);
		return EXIT_USAGE;
	}
	if (rec_get(c->db, k->id, id, r, &err) != RP_OK)
		return fail(&err);
	return EXIT_OK;
}

/* A change that reads a row, checks it and writes it back, as one write
 * transaction (BEGIN IMMEDIATE): scripts editing at once wait their turn
 * instead of failing with "changed elsewhere", and the row is reported
 * only once it is committed.  change() fills r and sets *verb to report it
 * (NULL: nothing to report). */
typedef int (*change_fn)(struct cli *c, struct args *a, struct rec *r, const char **verb);

static int one_change(struct cli *c, struct args *a, change_fn change)
{
	struct rec r = {0};
	struct rp_err err;
	const char *verb = NULL;
	int rc;
	if (store_command_begin(c->db, &err) != RP_OK)
		return fail(&err);
	rc = change(c, a, &r, &verb);
	if (store_command_end(c->db, rc == EXIT_OK, &err) != RP_OK)
		rc = fail(&err);
	else if (rc == EXIT_OK && verb)
		rc = report_saved(c, &r, verb);
	rec_free(&r);
	return rc;
}

static int edit_row(struct cli *c, struct args *a, struct rec *r, const char **verb)
{
	struct rp_err err;
	int rc;
	if ((rc = load_target(c, "edit ", a, r)) != EXIT_OK)
		return rc;
	if (a->nopt == args_flag(a, "json"))
		return cli_usage_error("edit ", "nothing to change: give --FIELD VALUE");
	if (r->deleted_at) {
		cli_error("%s #%s is in the trash; restore it first", a->pos[0], a->pos[1]);
		return EXIT_FAIL;
	}
	if ((rc = apply_options(c, "edit ", a, r)) != EXIT_OK)
		return rc;
	if (rec_update(c->db, r, &err) != RP_OK)
		return fail(&err);
	*verb = "updated";
	return EXIT_OK;
}

static int cmd_edit(struct cli *c, int argc, char **argv)
{
	struct args a;
	int rc;
	if ((rc = parse_command(c, "edit ", argc, argv, no_flags, FLAGS, &a)) != EXIT_OK)
		return rc;
	return one_change(c, &a, edit_row);
}

static int mark_done(struct cli *c, struct args *a, struct rec *r, const char **verb)
{
	struct rp_err err;
	char when[64];
	int rc;
	if ((rc = load_target(c, "done ", a, r)) != EXIT_OK)
		return rc;
	if (!kind_can_be_done(r->kind)) {
		rec_set_done(c->db, r, 1, &err);
		return cli_usage_error("done ", "%s", err.msg);
	}
	if (rec_done_early(r, when, sizeof when) && !args_flag(a, "yes"))
		return cli_usage_error("done ", "%s #%lld is still to come (%s): --yes marks it done"
		                       " all the same", r->kind->name, (long long)r->id, when);
	if (rec_set_done(c->db, r, 1, &err) != RP_OK || rec_update(c->db, r, &err) != RP_OK)
		return fail(&err);
	*verb = rec_is_done(r) && r->kind->done_yes && strcmp(r->kind->done_yes, "sent") == 0
	                ? "sent:" : "done:";
	return EXIT_OK;
}

static int cmd_done(struct cli *c, int argc, char **argv)
{
	static const char *const flags[] = {"json", "yes", NULL};
	struct args a;
	int rc;
	if ((rc = parse_command(c, "done ", argc, argv, flags, ONLY_FLAGS, &a)) != EXIT_OK)
		return rc;
	return one_change(c, &a, mark_done);
}

static int trash_or_restore(struct cli *c, int argc, char **argv, int restore)
{
	const char *cmd = restore ? "restore " : "delete ";
	char with[300], stays[300] = "";
	struct args a;
	struct rec r = {0};
	struct rp_err err;
	int rc;

	if ((rc = parse_command(c, cmd, argc, argv, no_flags, ONLY_JSON, &a)) != EXIT_OK)
		return rc;
	if ((rc = load_target(c, cmd, &a, &r)) != EXIT_OK)
		return rc;
	/* what goes with it, said before it goes (it is not counted after) */
	if (!restore && (rec_trash_goes_with(c->db, r.kind->id, r.id, with, sizeof with, &err) != RP_OK ||
	                 rec_trash_leaves(c->db, r.kind->id, r.id, stays, sizeof stays, &err) != RP_OK)) {
		rec_free(&r);
		return fail(&err);
	}
	if ((restore ? rec_restore : rec_trash)(c->db, r.kind->id, r.id, &err) != RP_OK) {
		rec_free(&r);
		return fail(&err);
	}
	if (c->json) {
		struct rec now;
		rc = EXIT_FAIL;
		if (rec_get(c->db, r.kind->id, r.id, &now, &err) == RP_OK) {
			json_t *j = rec_to_json(&now);
			rc = print_json(j) ? EXIT_FAIL : EXIT_OK;
			json_decref(j);
			rec_free(&now);
		}
	} else if (restore) {
		rc = report_saved(c, &r, "restored");
	} else {
		rc = report_saved(c, &r, "moved to the trash:");
		if (with[0])
			printf("with it: %s\n", with);
		if (stays[0])
			printf("staying: %s (naming no one once the trash is emptied)\n", stays);
		printf("(undo with: rapport restore %s %lld)\n", r.kind->name, (long long)r.id);
	}
	rec_free(&r);
	return rc;
}

static int cmd_delete(struct cli *c, int argc, char **argv) { return trash_or_restore(c, argc, argv, 0); }
static int cmd_restore(struct cli *c, int argc, char **argv) { return trash_or_restore(c, argc, argv, 1); }

static int cmd_purge(struct cli *c, int argc, char **argv)
{
	struct rp_err err;
	long n;
	(void)argv;
	if (argc > 1)
		return cli_usage_error("purge ", "purge takes no arguments");
	if (rec_purge(c->db, &n, &err) != RP_OK)
		return fail(&err);
	printf("deleted %ld row%s from the trash for good\n", n, n == 1 ? "" : "s");
	return EXIT_OK;
}

/* The day's check-in, shown (no change given) or made or changed. */
static int checkin_day(struct cli *c, struct args *a, struct rec *r, const char **verb)
{
	struct rp_err err;
	char day[DATE_LEN];
	const char *day_text = args_get(a, "day");
	int rc, found, changes;
	if (day_text) {
		if (checkin_day_parse(day_text, day, &err) != RP_OK)
			return fail(&err);
	} else {
		date_today(clock_now(), day);
	}
	rc = checkin_of_day(c->db, day, r, &err);
	if (rc != RP_OK && rc != RP_ENOTFOUND)
		return fail(&err);
	found = rc == RP_OK;
	changes = a->nopt - args_flag(a, "json") - (day_text != NULL);
	if (changes == 0) { /* just show the day's check-in */
		if (found)
			return print_show(c->db, r, c->json, &err) ? fail(&err) : EXIT_OK;
		if (c->json)
			puts("null");
		else
			printf("no check-in for %s yet: rapport checkin --mood 1-5 --did TEXT --next TEXT\n",
			       day);
		return EXIT_OK;
	}
	for (int i = 0; i < a->nopt; i++) {
		const char *name = a->opt[i].name;
		int f;
		if ((!a->opt[i].value && !a->opt[i].missing) || strcmp(name, "day") == 0)
			continue;
		f = kind_field_index(r->kind, name);
		if (f < 0 || strcmp(r->kind->fields[f].col, "day") == 0)
			return cli_usage_error("checkin ",
			                       "unknown option --%s (--mood, --did, --next, --goal, --day)", name);
		if (a->opt[i].missing)
			return cli_usage_error("checkin ", "--%s needs a value", name);
		if (rec_set(c->db, r, f, a->opt[i].value, &err) != RP_OK)
			return fail(&err);
	}
	if (checkin_save(c->db, r, &err) != RP_OK)
		return fail(&err);
	*verb = found ? "updated" : "added";
	return EXIT_OK;
}

static int cmd_checkin(struct cli *c, int argc, char **argv)
{
	struct args a;
	int rc;
	if ((rc = parse_command(c, "checkin ", argc, argv, no_flags, FLAGS, &a)) != EXIT_OK)
		return rc;
	if (a.npos)
		return cli_usage_error("checkin ", "unexpected argument '%s'", a.pos[0]);
	for (int i = 0; i < a.nopt; i++)
		if (a.opt[i].missing && strcmp(a.opt[i].name, "day") == 0)
			return cli_usage_error("checkin ", "--day needs a value");
	return one_change(c, &a, checkin_day);
}

/* --person P, --goal ID or --meeting ID: which reference field to filter on. */
static int list_filter(struct cli *c, const struct kind *k, const struct args *a, int *field,
                       int64_t *id)
{
	static const struct {
		const char *opt;
		enum kind_id ref;
	} filters[] = {{"person", K_PERSON}, {"goal", K_GOAL}, {"meeting", K_MEETING}};
	struct rp_err err;
	*field = -1;
	*id = 0;
	for (int i = 0; i < a->nopt; i++) {
		size_t f;
		struct rec tmp;
		if (!a->opt[i].value && !a->opt[i].missing)
			continue;
		for (f = 0; f < 3 && strcmp(filters[f].opt, a->opt[i].name) != 0; f++)
			;
		if (f == 3)
			return cli_usage_error("list ", "unknown option --%s", a->opt[i].name);
		if (a->opt[i].missing)
			return cli_usage_error("list ", "--%s needs a value", a->opt[i].name);
		*field = kind_ref_field(k, filters[f].ref);
		if (*field < 0 || k->id == filters[f].ref)
			return cli_usage_error("list ", "%s cannot be listed by %s", k->plural,
			                       filters[f].opt);
		/* rec_set does the resolving (ids, parts of names) and its checks */
		rec_init(&tmp, k->id);
		if (rec_set(c->db, &tmp, *field, a->opt[i].value, &err) != RP_OK) {
			rec_free(&tmp);
			return fail(&err);
		}
		*id = rec_int(&tmp, *field);
		rec_free(&tmp);
	}
	return EXIT_OK;
}

static int cmd_list(struct cli *c, int argc, char **argv)
{
	static const char *const flags[] = {"json", "trash", NULL};
	struct args a;
	struct rp_err err;
	const struct kind *k;
	int field, rc;
	int64_t id;

	if ((rc = parse_command(c, "list ", argc, argv, flags, FLAGS, &a)) != EXIT_OK)
		return rc;
	if (!(k = kind_arg("list ", a.npos ? a.pos[0] : NULL)))
		return EXIT_USAGE;
	if (a.npos > 1)
		return cli_usage_error("list ", "unexpected argument '%s'", a.pos[1]);
	if ((rc = list_filter(c, k, &a, &field, &id)) != EXIT_OK)
		return rc;
	if (print_list(c->db, c->cfg, k->id, field, id, args_flag(&a, "trash"), c->json, &err) != RP_OK)
		return fail(&err);
	return EXIT_OK;
}

static int cmd_show(struct cli *c, int argc, char **argv)
{
	struct args a;
	struct rec r = {0};
	struct rp_err err;
	int rc;

	if ((rc = parse_command(c, "show ", argc, argv, no_flags, ONLY_JSON, &a)) != EXIT_OK)
		return rc;
	if ((rc = load_target(c, "show ", &a, &r)) != EXIT_OK)
		return rc;
	rc = print_show(c->db, &r, c->json, &err) != RP_OK ? fail(&err) : EXIT_OK;
	rec_free(&r);
	return rc;
}

static int cmd_backup(struct cli *c, int argc, char **argv)
{
	struct rp_err err;
	char path[4200];
	if (argc > 2 || (argc == 2 && argv[1][0] == '-'))
		return cli_usage_error("backup ", "backup takes at most a file name");
	if (store_backup(c->db, argc == 2 ? argv[1] : NULL, path, sizeof path, &err) != RP_OK)
		return fail(&err);
	printf("backed up to %s\n", path); /* stdout: the name is the command's answer */
	return EXIT_OK;
}

static int cmd_check(struct cli *c, int argc, char **argv)
{
	struct rp_err err;
	char report[4096], latest[4600];
	int problems;
	(void)argv;
	if (argc > 1)
		return cli_usage_error("check ", "check takes no arguments");
	if (store_check(c->db, report, sizeof report, &problems, &err) != RP_OK) {
		if (err.code != RP_ENOTRAPPORT)
			return fail(&err);
		/* damage the checks themselves trip over: SQLite's own report of it */
		problems = store_check_file(store_path(c->db), report, sizeof report);
		if (!problems)
			return fail(&err);
	}
	if (!problems) {
		printf("OK: %s is sound (integrity, references, search index)\n", store_path(c->db));
		return EXIT_OK;
	}
	fputs(report, stdout);
	cli_error("%s: %d problem%s found; the way back is a backup made before the damage",
	          store_path(c->db), problems, problems == 1 ? "" : "s");
	if (store_latest_backup(store_path(c->db), latest, sizeof latest))
		cli_error("the latest backup of it is %s (open it with: rapport --db '%s')", latest,
		          latest);
	return EXIT_FAIL;
}

static void print_help_line(const char *line, int heading, void *ctx)
{
	(void)ctx;
	printf(heading ? "%s:\n" : "%s\n", line);
}

static void report_key_problem(const char *msg) { cli_error("%s", msg); }

static int cmd_keys(struct cli *c, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return cli_usage_error("keys ", "keys takes no arguments");
	keys_init(c->cfg, report_key_problem);
	keys_help(print_help_line, NULL);
	return EXIT_OK;
}

static const struct cli_cmd commands[] = {
	{"add", cmd_add, 1,
	 "add person NAME [--role mentor|mentee|peer] [--stage S] [--title T] [--specialty S]\n"
	 "           [--org O] [--email E] [--phone P] [--met-via M] [--cadence DAYS]\n"
	 "           [--channel C] [--expectations TEXT] [--notes TEXT] [--tag T]...\n"
	 "  add goal TITLE [--category C] [--target DATE] [--person P] [--progress 0-100]\n"
	 "           [--description TEXT] [--status open|active|done|dropped]\n"
	 "  add milestone GOAL_ID TITLE [--due DATE]\n"
	 "  add meeting --with P --at WHEN [--duration MIN] [--where TEXT] [--agenda TEXT]\n"
	 "           [--notes TEXT] [--status planned|done|cancelled|missed]\n"
	 "  add action MEETING_ID TEXT [--owner me|them] [--due DATE]\n"
	 "  add thanks --to P [--meeting ID] [--for TEXT] [--status draft|sent] BODY", 0},
	{"checkin", cmd_checkin, 1,
	 "checkin [--mood 1-5] [--did TEXT] [--next TEXT] [--goal ID] [--day DATE]\n"
	 "           today's check-in (or DATE's), created or updated; alone, shows it", 0},
	{"list", cmd_list, 0,
	 "list people|goals|milestones|meetings|actions|thanks|checkins\n"
	 "           [--person P] [--goal ID] [--meeting ID] [--trash]", 0},
	{"show", cmd_show, 0, "show KIND ID", 0},
	{"edit", cmd_edit, 1, "edit KIND ID --FIELD VALUE...   (an empty VALUE clears a field)", 0},
	{"done", cmd_done, 1,
	 "done goal|milestone|meeting|action|thanks ID [--yes]\n"
	 "                    (a thank-you note: sent today; a meeting still to come needs --yes)", 0},
	{"delete", cmd_delete, 1, "delete KIND ID      move to the trash (with what belongs to it)", 0},
	{"restore", cmd_restore, 1, "restore KIND ID     bring back from the trash", 0},
	{"purge", cmd_purge, 1, "purge               empty the trash for good", 0},
	{"today", cli_today, 0,
	 "today               what is due today: meetings, people to contact, thanks owed,\n"
	 "                      open actions, goals near their target, the check-in", 0},
	{"due", cli_due, 0,
	 "due                 people due for contact (tab-separated); exit status 3 when\n"
	 "                      someone is, 0 when nobody is", 0},
	{"search", cli_search, 0,
	 "search WORDS [--kind K]  words and \"phrases\" all found, interv* a prefix", 0},
	{"export", cli_export, 0,
	 "export --format json [-o FILE]   everything, trash included: the lossless backup\n"
	 "  export --format ics [--person P] [--all] [-o FILE]   planned meetings (--all: every one)\n"
	 "  export --format csv [--kind K] [-o FILE]   one kind to FILE, or each kind to\n"
	 "           a file in the folder -o names (people.csv, goals.csv...)\n"
	 "  export --format md [--person P] [--private] [-o FILE]   a relationship report\n"
	 "                    (--private: with one's own notes on the person)", 0},
	{"import", cli_import, 1,
	 "import FILE         a JSON export (merged by uuid, newer wins), an .ics calendar,\n"
	 "                      or a .csv of people; all or nothing", 0},
	{"backup", cmd_backup, 0,
	 "backup [FILE]       a consistent copy (default: beside the database, dated)", 0},
	{"check", cmd_check, 0, "check               integrity and reference checks; exit 1 on trouble", 0},
	{"demo", cli_demo, 1,
	 "demo [--people N] [--meetings N] [--seed S]   fill a new --db with made-up data\n"
	 "                      (no sizes: a small demo to try rapport on)", 0},
	{"keys", cmd_keys, 0, "keys                the keys of the full-screen interface", 1},
};

const struct cli_cmd *cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

void cli_print_usage(void)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %s\n", commands[i].usage);
}
