/* cli_today.c - `rapport today` and `rapport due`, for a shell start-up file
 * or a cron mail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rec_json.h"
#include "core/today.h"
#include "tui/cli/args.h"
#include "tui/cli/cli.h"
#include "tui/cli/cli_print.h"
#include "tui/today_text.h"

static void print_line(const char *line, int role, enum kind_id kind, int64_t id, void *ctx)
{
	(void)role;
	(void)kind;
	(void)id;
	(void)ctx;
	puts(line);
}

static json_t *page_json(const struct rec_page *p)
{
	json_t *a = json_array();
	for (int i = 0; i < p->n; i++)
		json_array_append_new(a, rec_to_json(&p->rows[i]));
	return a;
}

static json_t *due_json(const struct due *d)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:I, s:o, s:o}", "person_id",
	                 (json_int_t)d->person_id, "name", d->name, "state",
	                 health_due_word(d->state), "due_day", d->due_day, "days",
	                 (json_int_t)d->days, "last_met",
	                 d->last_met ? json_integer(d->last_met) : json_null(), "missed_at",
	                 d->missed_at ? json_integer(d->missed_at) : json_null());
}

static json_t *today_json(const struct today *t)
{
	json_t *o = json_object(), *due = json_array(), *owed = json_array(), *goals;
	for (int i = 0; i < t->ndue_shown; i++)
		json_array_append_new(due, due_json(&t->due[i]));
	for (int i = 0; i < t->nowed; i++)
		json_array_append_new(
			owed, json_pack("{s:I, s:I, s:s, s:I, s:o}", "meeting_id",
		                    (json_int_t)t->owed[i].meeting_id, "person_id",
		                    (json_int_t)t->owed[i].person_id, "name", t->owed[i].name, "start_at",
		                    (json_int_t)t->owed[i].start_at, "draft_id",
		                    t->owed[i].draft_id ? json_integer(t->owed[i].draft_id) : json_null()));
	goals = page_json(&t->goals);
	for (int i = 0; i < t->goals.n; i++) /* what the rules make of it */
		json_object_set_new(json_array_get(goals, (size_t)i), "progress_now",
		                    json_integer(t->goal_progress[i]));
	json_object_set_new(o, "day", json_string(t->day));
	json_object_set_new(o, "checkin", t->has_checkin ? rec_to_json(&t->checkin) : json_null());
	json_object_set_new(o, "checkin_shown", json_boolean(!t->checkin_off));
	json_object_set_new(o, "streak",
	                    json_pack("{s:i, s:i, s:b}", "current", t->streak.current, "longest",
	                              t->streak.longest, "today_done", t->streak.today_done));
	json_object_set_new(o, "meetings", page_json(&t->meetings));
	for (int i = 0; i < t->meetings.n; i++) /* the word every face shows */
		json_object_set_new(json_array_get(json_object_get(o, "meetings"), (size_t)i),
		                    "state_now",
		                    json_string(health_meeting_word(&t->meetings.rows[i])));
	json_object_set_new(o, "unanswered", page_json(&t->unanswered));
	json_object_set_new(o, "unanswered_more", json_integer(t->unanswered_more));
	json_object_set_new(o, "meetings_more", json_integer(t->meetings_more));
	json_object_set_new(o, "last_next_step",
	                    t->last_next[0] ? json_pack("{s:s, s:s}", "day", t->last_next_day,
	                                                "text", t->last_next)
	                                    : json_null());
	json_object_set_new(o, "due", due);
	json_object_set_new(o, "due_more", json_integer(t->ndue - t->ndue_shown));
	json_object_set_new(o, "thanks_owed", owed);
	json_object_set_new(o, "thanks_owed_more", json_integer(t->nowed_all - t->nowed));
	json_object_set_new(o, "actions",
	                    json_pack("{s:I, s:I, s:I, s:o}", "mine", (json_int_t)t->actions.mine,
	                              "theirs", (json_int_t)t->actions.theirs, "overdue",
	                              (json_int_t)t->actions.overdue, "items",
	                              page_json(&t->actions.page)));
	json_object_set_new(o, "goals", goals);
	json_object_set_new(o, "goals_more", json_integer(t->goals_more));
	return o;
}

static int load(struct cli *c, const char *cmd, int argc, char **argv, struct today *t)
{
	static const char *const flags[] = {"json", NULL};
	struct args a;
	struct rp_err err;
	char why[128];
	if (args_parse(argc - 1, argv + 1, flags, &a, why, sizeof why))
		return cli_usage_error(cmd, "%s", why);
	for (int i = 0; i < a.nopt; i++)
		if (strcmp(a.opt[i].name, "json") != 0 || a.opt[i].value || a.opt[i].missing)
			return cli_usage_error(cmd, "unknown option --%s", a.opt[i].name);
	if (a.npos)
		return cli_usage_error(cmd, "unexpected argument '%s'", a.pos[0]);
	c->json |= args_flag(&a, "json");
	if (today_load(c->db, c->cfg, t, &err) != RP_OK) {
		today_free(t);
		cli_error("%s", err.msg);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int cli_today(struct cli *c, int argc, char **argv)
{
	struct today t = {0};
	int rc = load(c, "today ", argc, argv, &t);
	if (rc != EXIT_OK)
		return rc;
	if (c->json) {
		json_t *j = today_json(&t);
		rc = print_json(j) ? EXIT_FAIL : EXIT_OK;
		json_decref(j);
	} else {
		today_text(c->db, &t, 0, print_line, NULL);
	}
	today_free(&t);
	return rc;
}

int cli_due(struct cli *c, int argc, char **argv)
{
	struct today t = {0};
	int rc = load(c, "due ", argc, argv, &t);
	if (rc != EXIT_OK)
		return rc;
	if (c->json) {
		json_t *a = json_array();
		for (int i = 0; i < t.ndue; i++)
			json_array_append_new(a, due_json(&t.due[i]));
		rc = print_json(a) ? EXIT_FAIL : EXIT_OK;
		json_decref(a);
	} else {
		for (int i = 0; i < t.ndue; i++)
			printf("%s\t%s\t%ld\t%s\n", t.due[i].name, health_due_word(t.due[i].state),
			       t.due[i].days, t.due[i].due_day);
	}
	/* 3: someone is due, so that a script can act on it */
	if (rc == EXIT_OK && t.ndue > 0)
		rc = 3;
	today_free(&t);
	return rc;
}
