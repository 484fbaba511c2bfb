/* cli_print.c - see cli_print.h.  Lists stream: a page is fetched, printed
 * and freed before the next, so no listing ever holds a whole table. */
#include "tui/cli/cli_print.h"

#include "core/describe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "core/health.h"
#include "core/listfacts.h"
#include "core/person.h"
#include "core/rec_json.h"
#include "core/when.h"
#include "tui/text.h"

#define PAGE 200
#define SHOW_CHECKINS 10 /* the latest check-ins shown under a goal */
#define CELL 1024
#define ID_WIDTH 4

int print_json(json_t *j)
{
	if (!j || json_dumpf(j, stdout, JSON_COMPACT) != 0)
		return -1;
	putchar('\n');
	return 0;
}

/* Width of the terminal, or 0 when output goes elsewhere (no cutting). */
static int out_width(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (env && atoi(env) > 0)
		return atoi(env);
	return 0;
}

static void short_date_ymd(const char *ymd, char *buf, size_t n)
{
	char full[32];
	if (!ymd) {
		buf[0] = '\0';
		return;
	}
	fmt_date(ymd, full, sizeof full); /* "Thu 26 Nov 2026" -> "26 Nov 2026" */
	snprintf(buf, n, "%s", strlen(full) > 4 ? full + 4 : full);
}

static void short_date_instant(int64_t t, char *buf, size_t n)
{
	struct tm tm;
	char ymd[32];
	local_tm(t, &tm);
	snprintf(ymd, sizeof ymd, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	short_date_ymd(ymd, buf, n);
}

static int field(const struct rec *r, const char *col)
{
	return kind_field_index(r->kind, col);
}

static const char *or_empty(const char *s) { return s ? s : ""; }

/* One field, as a list shows it: by its type. */
static void field_cell(const struct rec *r, const struct row_facts *facts,
                       const struct list_column *col, char *cell)
{
	int f = kind_field_index(r->kind, col->field);
	const struct field *fd = f >= 0 ? &r->kind->fields[f] : NULL;
	cell[0] = '\0';
	if (!fd || (fd->type != F_BOOL && rec_is_null(r, f)))
		return;
	switch (fd->type) {
	case F_BOOL:
		snprintf(cell, CELL, "%s", rec_int(r, f) ? "[x]" : "[ ]");
		break;
	case F_INT:
		snprintf(cell, CELL, "%lld%s", (long long)rec_int(r, f), or_empty(col->unit));
		break;
	case F_DATE:
		short_date_ymd(rec_str(r, f), cell, CELL);
		break;
	case F_INSTANT:
		fmt_instant(rec_int(r, f), cell, CELL);
		break;
	case F_REF:
		if (fd->ref == K_PERSON)
			snprintf(cell, CELL, "%s", facts->who);
		else
			snprintf(cell, CELL, "#%lld", (long long)rec_int(r, f));
		break;
	default:
		snprintf(cell, CELL, "%s", or_empty(rec_str(r, f)));
		break;
	}
}

/* The cells of one row (cell[0] the id), by the kind's list columns. */
static void row_cells(const struct rec *r, const struct row_facts *facts, char cell[][CELL])
{
	const struct kind *k = r->kind;
	snprintf(cell[0], CELL, "%lld", (long long)r->id);
	for (int c = 0; c < k->nlist; c++) {
		const struct list_column *col = &k->list[c];
		char *cell_c = cell[c + 1];
		switch (col->show) {
		case LS_LAST_MET:
			if (facts->due.last_met)
				short_date_instant(facts->due.last_met, cell_c, CELL);
			else
				snprintf(cell_c, CELL, "never");
			break;
		case LS_PROGRESS:
			snprintf(cell_c, CELL, "%d%%", facts->progress);
			break;
		case LS_WRITTEN:
			short_date_instant(r->created_at, cell_c, CELL);
			break;
		case LS_STATE:
			snprintf(cell_c, CELL, "%s", health_meeting_word(r));
			break;
		case LS_FIELD:
			field_cell(r, facts, col, cell_c);
			break;
		}
	}
}

#define MIN_TEXT 10 /* a free-text column is not cut below this */
#define MIN_NAME 12 /* nor a person's name */
#define LAST_FACT 20 /* what a last column that is a fact (a person) keeps */
#define MIN_LAST 6   /* a last column narrower than this is left out */

/* How much a column may give up when the line is too wide for the
 * terminal: free text first, then names; dates, states and numbers keep
 * their width (0: none). */
static int column_give(const struct kind *k, int c, int pass)
{
	const struct list_column *col = &k->list[c];
	int f = col->show == LS_FIELD ? kind_field_index(k, col->field) : -1;
	enum field_type t = f >= 0 ? k->fields[f].type : F_INT;
	if (pass == 0 && (t == F_TEXT || t == F_LONGTEXT) && f != kind_field_index(k, "name"))
		return col->width - MIN_TEXT;
	if (pass == 1 && (t == F_REF || f == kind_field_index(k, "name")))
		return col->width - MIN_NAME;
	return 0;
}

/* The widths of the columns (w[0] the id's, then each list column's; the
 * last one takes what is left) for a terminal `width` wide (0: no limit). */
static void column_widths(const struct kind *k, int width, int *w)
{
	int used = ID_WIDTH + 2, last = k->nlist - 1, need = 0;
	w[0] = ID_WIDTH;
	for (int c = 0; c < k->nlist; c++) { /* used: up to where the last column starts */
		w[c + 1] = k->list[c].width;
		used += c < last ? w[c + 1] + 2 : 0;
	}
	if (!width)
		return;
	/* a last column that is a fact (a person) keeps room for a name */
	if (last >= 0 && k->list[last].show == LS_FIELD) {
		int f = kind_field_index(k, k->list[last].field);
		need = f >= 0 && k->fields[f].type == F_REF ? LAST_FACT : 0;
	}
	/* a free-text last column that gets nothing needs no gap before it */
	int room = width + (need ? 0 : 2);
	for (int pass = 0; pass < 2; pass++)
		for (int c = 0; c < last && used + need > room; c++) {
			int give = column_give(k, c, pass), over = used + need - room;
			if (give > 0) {
				give = give < over ? give : over;
				w[c + 1] -= give;
				used -= give;
			}
		}
}

/* One line: the id right-aligned, then each column padded to its width
 * (the last one cut to what is left of the terminal); on a narrow terminal
 * the free text gives way first, then names, never dates or states. */
static void print_row(const struct kind *k, char cell[][CELL], int width)
{
	char line[CELL * 8], out[CELL * 2];
	int w[LIST_MAX_COLS + 1];
	size_t len = 0;
	int used = 0;
	line[0] = '\0';
	column_widths(k, width, w);
	for (int i = 0; i <= k->nlist; i++) {
		if (w[i] == 0) { /* the last column takes what is left, or all */
			int rest = width ? width - used : 100000;
			/* a sliver would say nothing but "…" */
			text_fit(cell[i], rest >= MIN_LAST ? rest : 0, out, sizeof out);
		} else if (i == 0) { /* ids right-aligned */
			snprintf(out, sizeof out, "%*s  ", w[i], cell[i]);
		} else {
			text_pad(cell[i], w[i], out, sizeof out - 2);
			memcpy(out + strlen(out), "  ", 3);
		}
		len += (size_t)snprintf(line + len, sizeof line - len, "%s", out);
		if (len >= sizeof line)
			len = sizeof line - 1;
		used += w[i] + 2;
	}
	while (len && line[len - 1] == ' ')
		line[--len] = '\0';
	puts(line);
}

/* One page of rows as text lines, with the facts read for the page. */
static int print_page(struct db *db, const struct config *cfg, const struct rec_page *page,
                      char cell[][CELL], int width, struct rp_err *err)
{
	struct row_facts *facts = calloc((size_t)(page->n ? page->n : 1), sizeof *facts);
	int rc;
	if (!facts)
		return rp_fail(err, RP_EIO, "out of memory");
	rc = listfacts_load(db, cfg, page->rows, page->n, facts, err);
	for (int i = 0; rc == RP_OK && i < page->n; i++) {
		row_cells(&page->rows[i], &facts[i], cell);
		print_row(page->rows[i].kind, cell, width);
	}
	free(facts);
	return rc;
}

static void print_json_page(const struct rec_page *page, int total)
{
	for (int i = 0; i < page->n; i++, total++) {
		json_t *j = rec_to_json(&page->rows[i]);
		fputs(total ? ",\n" : "\n", stdout);
		json_dumpf(j, stdout, JSON_COMPACT);
		json_decref(j);
	}
}

int print_list(struct db *db, const struct config *cfg, enum kind_id kind, int filter_field,
               int64_t filter_id, int trash, int json, struct rp_err *err)
{
	const struct kind *k = kind_get(kind);
	struct rec_query q = {
		.filter_field = filter_field, .filter_id = filter_id, .trash = trash, .limit = PAGE};
	struct rec_walk w;
	char(*cell)[CELL] = calloc(LIST_MAX_COLS + 1, CELL);
	int width = out_width(), total = 0, rc;

	if (!cell)
		return rp_fail(err, RP_EIO, "out of memory");
	if (json)
		fputs("[", stdout);
	rec_walk_start(&w, kind, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0) {
		if (!json && total == 0) {
			snprintf(cell[0], CELL, "ID");
			for (int c = 0; c < k->nlist; c++)
				snprintf(cell[c + 1], CELL, "%s", k->list[c].head);
			print_row(k, cell, width);
		}
		if (json)
			print_json_page(&w.page, total);
		else if (print_page(db, cfg, &w.page, cell, width, err) != RP_OK) {
			rc = -1;
			break;
		}
		total += w.page.n;
	}
	rec_walk_end(&w);
	free(cell);
	if (json)
		fputs(total ? "\n]\n" : "]\n", stdout);
	else if (total == 0 && rc == 0)
		printf(trash ? "the trash holds no %s\n" : "no %s yet\n", k->plural);
	return rc < 0 ? (int)err->code : RP_OK;
}

static void print_field_line(const char *label, const char *value)
{
	const char *p = value;
	printf("  %-22s", label);
	/* long text: continuation lines under the first */
	while (*p) {
		size_t len = strcspn(p, "\n");
		printf("%*s%.*s\n", p == value ? 0 : 24, "", (int)len, p);
		p += len;
		if (*p == '\n')
			p++;
	}
	if (!*value)
		putchar('\n');
}

/* Children (milestones, action items) for show: text lines or a JSON array. */
static int show_children(struct db *db, const struct rec *r, json_t *into, struct rp_err *err)
{
	enum kind_id child = kind_first_child(r->kind)->id;
	struct rec_query q = {
		.filter_field = kind_parent_field(kind_get(child)), .filter_id = r->id, .limit = PAGE};
	struct rec_walk w;
	json_t *arr = into ? json_array() : NULL;
	int total = 0, rc;

	rec_walk_start(&w, child, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0) {
		for (int i = 0; i < w.page.n; i++, total++) {
			const struct rec *c = &w.page.rows[i];
			const char *due_ymd = rec_str(c, field(c, "due_date"));
			char due[32] = "";
			if (arr) {
				json_array_append_new(arr, rec_to_json(c));
				continue;
			}
			if (total == 0)
				printf("%s:\n", kind_get(child)->children_heading);
			if (due_ymd)
				short_date_ymd(due_ymd, due, sizeof due);
			printf("  %s #%lld %s%s%s%s%s\n", rec_int(c, field(c, "done")) ? "[x]" : "[ ]",
			       (long long)c->id, child == K_ACTION ? rec_str(c, field(c, "owner")) : "",
			       child == K_ACTION ? ": " : "", rec_str(c, c->kind->title_field),
			       due_ymd ? ", due " : "", due);
		}
	}
	rec_walk_end(&w);
	if (rc < 0) {
		json_decref(arr);
		return err->code;
	}
	if (arr)
		json_object_set_new(into, kind_get(child)->children_key, arr);
	return RP_OK;
}

/* The latest check-ins that name a goal, for show: lines or a JSON array. */
static int show_goal_checkins(struct db *db, const struct rec *goal, json_t *into,
                              struct rp_err *err)
{
	const struct kind *k = kind_get(K_CHECKIN);
	struct rec_query q = {.filter_field = kind_ref_field(k, K_GOAL), .filter_id = goal->id,
	                      .limit = SHOW_CHECKINS};
	struct rec_page page;
	json_t *arr = into ? json_array() : NULL;
	if (rec_list(db, K_CHECKIN, &q, &page, err) != RP_OK) {
		json_decref(arr);
		return err->code;
	}
	for (int i = 0; i < page.n; i++) {
		const struct rec *c = &page.rows[i];
		char day[32];
		if (arr) {
			json_array_append_new(arr, rec_to_json(c));
			continue;
		}
		if (i == 0)
			printf("%s:\n", page.more ? "Latest check-ins about it" : "Check-ins about it");
		short_date_ymd(rec_str(c, field(c, "day")), day, sizeof day);
		printf("  #%lld %s  %.*s\n", (long long)c->id, day,
		       (int)strcspn(or_empty(rec_str(c, field(c, "did"))), "\n"),
		       or_empty(rec_str(c, field(c, "did"))));
	}
	if (page.more && !arr)
		printf("  (all of them: rapport list checkins --goal %lld)\n", (long long)goal->id);
	rec_page_free(&page);
	if (arr)
		json_object_set_new(into, "checkins", arr);
	return RP_OK;
}

static void show_person_meetings(struct db *db, const struct rec *r)
{
	struct rec_query q = {
		.filter_field = kind_parent_field(kind_get(K_MEETING)), .filter_id = r->id, .limit = 5};
	struct rec_page page;
	int64_t last = person_last_met(db, r->id);
	char buf[64];
	if (last) {
		fmt_instant(last, buf, sizeof buf);
		print_field_line("Last met", buf);
	}
	if (rec_list(db, K_MEETING, &q, &page, NULL) != RP_OK)
		return;
	if (page.n)
		printf("Meetings (newest first%s):\n", page.more ? ", latest 5" : "");
	for (int i = 0; i < page.n; i++) {
		const struct rec *m = &page.rows[i];
		char agenda[80];
		fmt_instant(rec_int(m, field(m, "start_at")), buf, sizeof buf);
		text_fit(or_empty(rec_str(m, field(m, "agenda"))), 40, agenda, sizeof agenda);
		printf("  #%lld %s  %-9s %s\n", (long long)m->id, buf, health_meeting_word(m), agenda);
	}
	rec_page_free(&page);
}

int print_show(struct db *db, const struct rec *r, int json, struct rp_err *err)
{
	const struct kind *k = r->kind;
	char buf[320];

	if (json) {
		json_t *j = rec_to_json(r);
		int rc = RP_OK;
		if (k->id == K_GOAL || k->id == K_MEETING)
			rc = show_children(db, r, j, err);
		if (rc == RP_OK && k->id == K_GOAL)
			rc = show_goal_checkins(db, r, j, err);
		if (rc == RP_OK && print_json(j) != 0)
			rc = rp_fail(err, RP_EIO, "cannot write the output");
		json_decref(j);
		return rc;
	}
	printf("%s #%lld%s\n", k->name, (long long)r->id, r->deleted_at ? "  (in the trash)" : "");
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		if (rec_is_null(r, i))
			continue;
		if (f->type == F_REF)
			describe_id(db, f->ref, rec_int(r, i), buf, sizeof buf);
		else
			rec_format(r, i, buf, sizeof buf);
		if (f->type == F_LONGTEXT || f->type == F_TEXT)
			print_field_line(f->label, rec_str(r, i));
		else
			print_field_line(f->label, buf);
	}
	fmt_instant(r->created_at, buf, sizeof buf);
	print_field_line("Created", buf);
	if (r->updated_at != r->created_at) {
		fmt_instant(r->updated_at, buf, sizeof buf);
		print_field_line("Updated", buf);
	}
	if (r->deleted_at) {
		fmt_instant(r->deleted_at, buf, sizeof buf);
		print_field_line("Trashed", buf);
	}
	if (k->id == K_GOAL && show_children(db, r, NULL, err) != RP_OK)
		return err->code;
	if (k->id == K_GOAL)
		return show_goal_checkins(db, r, NULL, err);
	if (k->id == K_MEETING)
		return show_children(db, r, NULL, err);
	if (k->id == K_PERSON)
		show_person_meetings(db, r);
	return RP_OK;
}
