/* report.c - see report.h.  Every text a person typed goes through md_text,
 * so that a CommonMark reader shows it as typed: no emphasis, link, raw
 * HTML or heading can come out of a name or an agenda. */
#include "core/report.h"

#include <ctype.h>
#include <string.h>

#include "core/clock.h"
#include "core/health.h"
#include "core/rec.h"
#include "core/when.h"

/* Text as CommonMark literal text: each ASCII punctuation character that
 * can start markup is escaped with a backslash (CommonMark lets any be), a
 * digit run at a line's start keeps its "1." from being a list, and a line
 * break inside is a hard break, the next line indented by `indent`. */
static void md_text(FILE *out, const char *text, int indent)
{
	static const char markup[] = "\\`*_{}[]<>()#+-!|~&=";
	int line_start = 1;
	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			if (p[1])
				fprintf(out, "\\\n%*s", indent, "");
			line_start = 1;
			continue;
		}
		if (*p == '\r')
			continue;
		if (line_start && isdigit((unsigned char)*p)) { /* "1." or "1)" at a line's start */
			const char *q = p;
			while (isdigit((unsigned char)*q))
				q++;
			if (*q == '.' || *q == ')') {
				fprintf(out, "%.*s\\%c", (int)(q - p), p, *q);
				p = q;
				line_start = 0;
				continue;
			}
		}
		if (line_start && (*p == ' ' || *p == '\t')) { /* leading blanks: no code block */
			fputs("&#32;", out);
			continue;
		}
		line_start = 0;
		if (strchr(markup, *p))
			fputc('\\', out);
		fputc(*p, out);
	}
}

/* "- **Label:** text" (label NULL: "- text"), nothing when text is empty */
static void item(FILE *out, const char *label, const char *text, int indent)
{
	if (!text || !*text)
		return;
	fprintf(out, "%*s- ", indent, "");
	if (label)
		fprintf(out, "**%s:** ", label);
	md_text(out, text, indent + 2);
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
			fprintf(out, "%*s- [%c] %s", indent, "",
			        rec_int(c, kind_field_index(c->kind, "done")) ? 'x' : ' ',
			        kind == K_ACTION ? (strcmp(rec_text(c, "owner"), "me") == 0 ? "me: " : "they: ")
			                         : "");
			md_text(out, rec_str(c, c->kind->title_field), indent + 6);
			fprintf(out, "%s%s%s\n", *due ? " (due " : "", due, *due ? ")" : "");
		}
	rec_walk_end(&w);
	return rc < 0 ? rp_code(err, RP_EDB) : RP_OK;
}

/* What is next with the person: the contact the cadence asks for, the
 * agreement kept so far, the next planned meeting. */
static int next_part(struct db *db, const struct config *cfg, const struct rec *p, FILE *out,
                     struct rp_err *err)
{
	struct due due;
	struct adherence adh;
	char day[40], line[300];
	if (health_due(db, cfg, p->id, &due, err) != RP_OK ||
	    health_adherence(db, cfg, p->id, &adh, err) != RP_OK)
		return rp_code(err, RP_EDB);
	int64_t planned_id, planned_at;
	if (health_next_planned(db, p->id, &planned_id, &planned_at, err) != RP_OK)
		return rp_code(err, RP_EDB);
	fputs("\n## What is next\n\n", out);
	if (planned_id) {
		char planned[64];
		fmt_instant(planned_at, planned, sizeof planned);
		fprintf(out, "- **Next meeting:** %s\n", planned);
	}
	if (due.state == DUE_NONE) {
		fputs("- No meeting rhythm agreed\n", out);
		return RP_OK;
	}
	fmt_date(due.due_day, day, sizeof day);
	if (due.state == DUE_COVERED) {
		/* the next meeting, above, is in time */
	} else if (due.state == DUE_OVERDUE) {
		fprintf(out, "- **Next contact:** overdue since %s\n", day);
	} else if (due.state == DUE_RESCHEDULE) {
		fprintf(out, "- **Next contact:** to reschedule (%s)\n", health_missed_text(&due, line, sizeof line));
	} else {
		fprintf(out, "- **Next contact:** by %s\n", day);
	}
	health_adherence_text(&adh, cfg, line, sizeof line);
	fprintf(out, "- **Agreement:** every %lld days; %s\n",
	        (long long)rec_int(p, kind_field_index(p->kind, "cadence_days")), line);
	return RP_OK;
}

static int meetings_part(struct db *db, const struct rec *p, FILE *out, struct rp_err *err)
{
	struct rec_query q = {.limit = 200, .filter_field = kind_ref_field(kind_get(K_MEETING), K_PERSON),
	                      .filter_id = p->id};
	struct rec_walk w;
	char when[48];
	int rc, n = 0;
	rec_walk_start(&w, K_MEETING, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0)
		for (int i = 0; i < w.page.n; i++) {
			const struct rec *m = &w.page.rows[i];
			if (n++ == 0)
				fputs("\n## Meetings\n", out);
			fmt_instant(rec_int(m, kind_field_index(m->kind, "start_at")), when, sizeof when);
			fprintf(out, "\n### %s (%s)\n\n", when, health_meeting_word(m));
			item(out, "Where", rec_text(m, "location"), 0);
			item(out, "Agenda", rec_text(m, "agenda"), 0);
			item(out, "Notes", rec_text(m, "notes"), 0);
			if (children(db, K_ACTION, kind_parent_field(kind_get(K_ACTION)), m->id, out, 0,
			             err) != RP_OK) {
				rec_walk_end(&w);
				return rp_code(err, RP_EDB);
			}
		}
	rec_walk_end(&w);
	return rc < 0 ? rp_code(err, RP_EDB) : RP_OK;
}

static int goals_part(struct db *db, const struct rec *p, FILE *out, struct rp_err *err)
{
	struct rec_query q = {.limit = 200, .filter_field = kind_ref_field(kind_get(K_GOAL), K_PERSON),
	                      .filter_id = p->id};
	struct rec_walk w;
	int rc, n = 0;
	rec_walk_start(&w, K_GOAL, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0)
		for (int i = 0; i < w.page.n; i++) {
			const struct rec *g = &w.page.rows[i];
			if (n++ == 0)
				fputs("\n## Goals\n\n", out);
			fputs("- ", out);
			md_text(out, rec_text(g, "title"), 2);
			fprintf(out, " (%s, %d%%)\n", rec_text(g, "status"), health_goal_progress(g));
			if (children(db, K_MILESTONE, kind_parent_field(kind_get(K_MILESTONE)), g->id, out, 2,
			             err) != RP_OK) {
				rec_walk_end(&w);
				return rp_code(err, RP_EDB);
			}
		}
	rec_walk_end(&w);
	return rc < 0 ? rp_code(err, RP_EDB) : RP_OK;
}

static int thanks_part(struct db *db, const struct rec *p, FILE *out, struct rp_err *err)
{
	struct rec_query q = {.limit = 200, .filter_field = kind_ref_field(kind_get(K_GRATITUDE), K_PERSON),
	                      .filter_id = p->id};
	struct rec_walk w;
	int rc, n = 0;
	rec_walk_start(&w, K_GRATITUDE, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0)
		for (int i = 0; i < w.page.n; i++) {
			const struct rec *g = &w.page.rows[i];
			char day[DATE_LEN], shown[40];
			if (n++ == 0)
				fputs("\n## Thank-you notes\n\n", out);
			date_of_instant(g->created_at, day);
			fmt_date(day, shown, sizeof shown);
			fprintf(out, "- %s, %s%s", shown, rec_text(g, "status"),
			        *rec_text(g, "helped_with") ? ", for " : "");
			md_text(out, rec_text(g, "helped_with"), 2);
			fputs(":\n\n  > ", out);
			md_text(out, rec_text(g, "body"), 4);
			fputc('\n', out);
		}
	rec_walk_end(&w);
	return rc < 0 ? rp_code(err, RP_EDB) : RP_OK;
}

static int one(struct db *db, const struct config *cfg, const struct rec *p, unsigned flags,
               FILE *out, struct rp_err *err)
{
	static const char *const who[] = {"title", "specialty", "organization", "email", "phone",
	                                  "met_via", "channel", "tags"};
	char today[DATE_LEN], shown[40];
	fputs("# ", out);
	md_text(out, rec_text(p, "name"), 2);
	date_today(clock_now(), today);
	fmt_date(today, shown, sizeof shown);
	fprintf(out, "\n\nA report of %s.\n\n", shown);
	fprintf(out, "- **Role:** %s, %s\n", rec_text(p, "role"), rec_text(p, "stage"));
	for (size_t i = 0; i < sizeof who / sizeof who[0]; i++)
		item(out, p->kind->fields[kind_field_index(p->kind, who[i])].label, rec_text(p, who[i]), 0);
	if (next_part(db, cfg, p, out, err) != RP_OK)
		return rp_code(err, RP_EDB);
	if (*rec_text(p, "expectations")) {
		fputs("\n## What we agreed\n\n", out);
		item(out, NULL, rec_text(p, "expectations"), 0);
	}
	/* one's own notes on the person stay home unless asked for */
	if ((flags & REPORT_PRIVATE) && *rec_text(p, "notes")) {
		fputs("\n## My notes (private)\n\n", out);
		item(out, NULL, rec_text(p, "notes"), 0);
	}
	if (meetings_part(db, p, out, err) != RP_OK || goals_part(db, p, out, err) != RP_OK ||
	    thanks_part(db, p, out, err) != RP_OK)
		return rp_code(err, RP_EDB);
	fputc('\n', out);
	return RP_OK;
}

int report_md(struct db *db, const struct config *cfg, int64_t person, unsigned flags, FILE *out,
              struct rp_err *err)
{
	struct rec_query q = {.filter_field = -1, .limit = 200};
	struct rec_walk w;
	int rc;
	if (person) {
		struct rec p;
		if (rec_get(db, K_PERSON, person, &p, err) != RP_OK)
			return rp_code(err, RP_ENOTFOUND);
		rc = one(db, cfg, &p, flags, out, err);
		rec_free(&p);
		return rc;
	}
	rec_walk_start(&w, K_PERSON, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0)
		for (int i = 0; i < w.page.n; i++)
			if (one(db, cfg, &w.page.rows[i], flags, out, err) != RP_OK) {
				rec_walk_end(&w);
				return rp_code(err, RP_EDB);
			}
	rec_walk_end(&w);
	return rc < 0 ? rp_code(err, RP_EDB) : RP_OK;
}
