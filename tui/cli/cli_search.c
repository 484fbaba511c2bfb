/* cli_search.c - `rapport search QUERY [--kind K] [--json]`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/describe.h"
#include "core/search.h"
#include "core/store.h"
#include "tui/cli/args.h"
#include "tui/cli/cli.h"
#include "tui/cli/cli_print.h"

/* The snippet with its marks as [brackets]. */
static void bracketed(const char *s, char *out, size_t n)
{
	size_t o = 0;
	for (; *s && o + 2 < n; s++)
		out[o++] = *s == SEARCH_MARK_ON ? '[' : *s == SEARCH_MARK_OFF ? ']' : *s == '\n' ? ' ' : *s;
	out[o] = '\0';
}

int cli_search(struct cli *c, int argc, char **argv)
{
	static const char *const flags[] = {"json", NULL};
	struct args a;
	struct rp_err err;
	struct hit *hits;
	const struct kind *k = NULL;
	char why[128], what[300], snippet[500];
	int n, total;

	if (args_parse(argc - 1, argv + 1, flags, &a, why, sizeof why))
		return cli_usage_error("search ", "%s", why);
	for (int i = 0; i < a.nopt; i++) {
		if (strcmp(a.opt[i].name, "json") == 0 && !a.opt[i].value && !a.opt[i].missing)
			continue;
		if (strcmp(a.opt[i].name, "kind") != 0)
			return cli_usage_error("search ", "unknown option --%s", a.opt[i].name);
		if (a.opt[i].missing)
			return cli_usage_error("search ", "--kind needs a value");
		if (!(k = kind_by_name(a.opt[i].value)))
			return cli_usage_error("search ", "unknown kind '%s'", a.opt[i].value);
	}
	if (a.npos == 0)
		return cli_usage_error("search ", "what should I look for?");
	/* several words on the command line are one query */
	char query[1024] = "";
	for (int i = 0; i < a.npos; i++) {
		size_t used = strlen(query);
		snprintf(query + used, sizeof query - used, "%s%s", i ? " " : "", a.pos[i]);
	}
	c->json |= args_flag(&a, "json");
	if (search_run(c->db, query, k ? k->id : K_NONE, 100, &hits, &n, &total, &err) != RP_OK) {
		cli_error("%s", err.msg);
		return EXIT_FAIL;
	}
	if (c->json) {
		json_t *arr = json_array();
		for (int i = 0; i < n; i++) {
			bracketed(hits[i].snippet, snippet, sizeof snippet);
			json_array_append_new(arr, json_pack("{s:s, s:I, s:s}", "kind",
			                                     kind_get(hits[i].kind)->name, "id",
			                                     (json_int_t)hits[i].id, "snippet", snippet));
		}
		print_json(arr);
		json_decref(arr);
	} else {
		for (int i = 0; i < n; i++) {
			describe_id(c->db, hits[i].kind, hits[i].id, what, sizeof what);
			bracketed(hits[i].snippet, snippet, sizeof snippet);
			printf("%-9s %s\n          %s\n", kind_get(hits[i].kind)->name, what, snippet);
		}
		if (n == 0)
			printf("nothing matches\n");
		else if (total > SEARCH_RANK_MAX)
			printf("(more than %d matches: the newest %d are shown)\n", SEARCH_RANK_MAX, n);
		else if (total > n)
			printf("(%d matches: the best %d are shown)\n", total, n);
	}
	free(hits);
	return EXIT_OK;
}
