#include "core/report.h"

#include <string.h>

#include "core/clock.h"
#include "core/health.h"
#include "core/rec.h"
#include "core/when.h"

/* Free text as a Markdown paragraph, each line indented by `indent`. */
static void para(FILE *out, const char *label, const char *text, int indent)
{
	if (!*text)
		return;
	fprintf(out, "%*s%s%s", indent, "", label, *label ? " " : "");
	for (const char *p = text; *p; p++) {
		fputc(*p, out);
		if (*p == '\n' && p[1])
			fprintf(out, "%*s", indent + 2, "");
	}
	fputc('\n', out);
}

static int children(struct db *db, enum kind_id kind, int field, int64_t parent, FILE *out,
                    int indent, struct rp_err *err)
{
	struct rec_query q = {.filter_field = field, .filter_id = parent, .limit = 500};
	struct rec_walk w;
	int rc;
	rec_walk_start(&w, kind, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0)
		for (int i = 0; i < w.page.n; i++) {
			const struct rec *c = &w.page.rows[i];
			char due[40] = "";
			if (*rec_text(c, "due_date"))
				fmt_date(rec_text(c, "due_date"), due, sizeof due);
			fprintf(out, "%*s- [%c] %s%s%s%s%s\n", indent, "",
			        rec_int(c, kind_field_index(c->kind, "done")) ? 'x' : ' ',
			        kind == K_ACTION ? (strcmp(rec_text(c, "owner"), "me") == 0 ? "me: " : "they: ")
			                         : "",
			        rec_str(c, c->kind->title_field), *due ? " (due " : "", due, *due ? ")" : "");
		}
	rec_walk_end(&w);
	return rc < 0 ? rp_code(err, RP_EDB) : RP_OK;
}

static int one(struct db *db, const struct rec *p, FILE *out, struct rp_err *err)
{
	static const char *const who[] = {"title", "specialty", "organization", "email", "phone",
	                                  "met_via", "channel", "tags"};
	struct rec_query q = {.limit = 200};
	struct rec_walk w;
	char when[48];
	int rc;

	fprintf(out, "# %s\n\n", rec_text(p, "name"));
	fprintf(out, "- **Role:** %s, %s\n", rec_text(p, "role"), rec_text(p, "stage"));
	for (size_t i = 0; i < sizeof who / sizeof who[0]; i++)
		if (*rec_text(p, who[i]))
			fprintf(out, "- **%s:** %s\n", p->kind->fields[kind_field_index(p->kind, who[i])].label,
			        rec_text(p, who[i]));
	fputs("\n## Agreement\n\n", out);
	if (!rec_is_null(p, kind_field_index(p->kind, "cadence_days")))
		fprintf(out, "- Meet every %lld days\n",
		        (long long)rec_int(p, kind_field_index(p->kind, "cadence_days")));
	para(out, "-", rec_text(p, "expectations"), 0);
	para(out, "- Notes:", rec_text(p, "notes"), 0);

	fputs("\n## Meetings\n", out);
	q.filter_field = kind_ref_field(kind_get(K_MEETING), K_PERSON);
	q.filter_id = p->id;
	rec_walk_start(&w, K_MEETING, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0)
		for (int i = 0; i < w.page.n; i++) {
			const struct rec *m = &w.page.rows[i];
			fmt_instant(rec_int(m, kind_field_index(m->kind, "start_at")), when, sizeof when);
			fprintf(out, "\n### %s (%s)\n\n", when, rec_text(m, "status"));
			para(out, "- **Where:**", rec_text(m, "location"), 0);
			para(out, "- **Agenda:**", rec_text(m, "agenda"), 0);
			para(out, "- **Notes:**", rec_text(m, "notes"), 0);
			if (children(db, K_ACTION, kind_parent_field(kind_get(K_ACTION)), m->id, out, 0,
			             err) != RP_OK) {
				rec_walk_end(&w);
				return rp_code(err, RP_EDB);
			}
		}
	rec_walk_end(&w);
	if (rc < 0)
		return rp_code(err, RP_EDB);

	fputs("\n## Goals\n\n", out);
	q.filter_field = kind_ref_field(kind_get(K_GOAL), K_PERSON);
	rec_walk_start(&w, K_GOAL, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0)
		for (int i = 0; i < w.page.n; i++) {
			fprintf(out, "- %s (%s, %d%%)\n", rec_text(&w.page.rows[i], "title"),
			        rec_text(&w.page.rows[i], "status"), health_goal_progress(&w.page.rows[i]));
			children(db, K_MILESTONE, kind_parent_field(kind_get(K_MILESTONE)),
			         w.page.rows[i].id, out, 2, err);
		}
	rec_walk_end(&w);
	if (rc < 0) /* a failed read is an error, not a shorter report */
		return rp_code(err, RP_EDB);

	fputs("\n## Thank-you notes\n\n", out);
	q.filter_field = kind_ref_field(kind_get(K_GRATITUDE), K_PERSON);
	rec_walk_start(&w, K_GRATITUDE, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0)
		for (int i = 0; i < w.page.n; i++) {
			const struct rec *g = &w.page.rows[i];
			char day[32];
			date_of_instant(g->created_at, day);
			fprintf(out, "- %s, %s%s%s:\n", day, rec_text(g, "status"),
			        *rec_text(g, "helped_with") ? ", for " : "", rec_text(g, "helped_with"));
			para(out, ">", rec_text(g, "body"), 2);
		}
	rec_walk_end(&w);
	fputc('\n', out);
	return rc < 0 ? rp_code(err, RP_EDB) : RP_OK;
}

int report_md(struct db *db, int64_t person, FILE *out, struct rp_err *err)
{
	struct rec_query q = {.filter_field = -1, .limit = 200};
	struct rec_walk w;
	int rc;
	if (person) {
		struct rec p;
		if (rec_get(db, K_PERSON, person, &p, err) != RP_OK)
			return rp_code(err, RP_ENOTFOUND);
		rc = one(db, &p, out, err);
		rec_free(&p);
		return rc;
	}
	rec_walk_start(&w, K_PERSON, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0)
		for (int i = 0; i < w.page.n; i++)
			if (one(db, &w.page.rows[i], out, err) != RP_OK) {
				rec_walk_end(&w);
				return rp_code(err, RP_EDB);
			}
	rec_walk_end(&w);
	return rc < 0 ? rp_code(err, RP_EDB) : RP_OK;
}
