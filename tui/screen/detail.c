/* detail.c - see detail.h.  Lines are wrapped when they are made; a new
 * width (a resize) makes them again. */
#include "tui/screen/detail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/describe.h"
#include "core/clock.h"
#include "core/health.h"
#include "core/person.h"
#include "core/when.h"
#include "tui/colors.h"
#include "tui/keys.h"
#include "tui/text.h"

#define MEETINGS_PAGE 20
#define SIDE_ROWS 10 /* goals and notes listed in a person's header */
#define GOAL_CHECKINS 10 /* check-ins listed under a goal */

void detail_init(struct detail *d, const struct config *cfg)
{
	memset(d, 0, sizeof *d);
	d->cfg = cfg;
}

static void clear_lines(struct detail *d)
{
	for (int i = 0; i < d->n; i++)
		free(d->lines[i].text);
	d->n = 0;
}

void detail_free(struct detail *d)
{
	const struct config *cfg = d->cfg;
	clear_lines(d);
	free(d->lines);
	rec_key_free(&d->after);
	rec_key_free(&d->gap_end);
	memset(d, 0, sizeof *d);
	d->cfg = cfg;
}

static void add_line(struct detail *d, const char *text, int role, enum kind_id kind, int64_t id)
{
	if (d->n == d->cap) {
		int cap = d->cap ? d->cap * 2 : 64;
		struct dline *p = realloc(d->lines, (size_t)cap * sizeof *p);
		if (!p)
			return;
		d->lines = p;
		d->cap = cap;
	}
	d->lines[d->n].text = strdup(text);
	d->lines[d->n].role = role;
	d->lines[d->n].kind = kind;
	d->lines[d->n].id = id;
	d->lines[d->n].part = 0;
	/* a plain line under an item, before the next blank line or heading,
	 * is part of it: highlighted, it still names that item */
	if (!id && *text && role != R_HEADER && role != R_TITLE && d->n > 0 &&
	    d->lines[d->n - 1].id && d->lines[d->n - 1].role != R_TITLE) {
		d->lines[d->n].kind = d->lines[d->n - 1].kind;
		d->lines[d->n].id = d->lines[d->n - 1].id;
		d->lines[d->n].part = 1;
	}
	if (d->lines[d->n].text)
		d->n++;
}

void detail_reset(struct detail *d, enum kind_id kind, int64_t id, int width)
{
	clear_lines(d);
	rec_key_free(&d->after);
	memset(&d->after, 0, sizeof d->after);
	d->more_meetings = 0;
	d->kind = kind;
	d->id = id;
	d->width = width;
}

void detail_add(struct detail *d, const char *text, int role, enum kind_id kind, int64_t id)
{
	add_line(d, text, role, kind, id);
}

/* How many bytes of s (len bytes, no newline) fit in width cells when cut
 * at a space; a single word too long for the line is taken whole (drawing
 * cuts it). */
static size_t fit_words(const char *s, size_t len, int width)
{
	char buf[2048];
	size_t best = 0, i = 0;
	while (i < len) {
		size_t next = i;
		while (next < len && s[next] == ' ')
			next++;
		while (next < len && s[next] != ' ')
			next++;
		snprintf(buf, sizeof buf, "%.*s", (int)next, s);
		if (text_width(buf) > width)
			return best ? best : next;
		best = i = next;
	}
	return len;
}

/* Text wrapped at spaces to the width and indented; line breaks in the text
 * are kept.  The first line stands for the item (kind, id), if any. */
/* text in lines of the view's width, from column indent; every line but
 * the first starts hang columns further in, under the text after a label
 * ("Agenda: ", "[ ] "), paragraphs too. */
static void add_wrapped(struct detail *d, const char *text, int indent, int hang, int role,
                        enum kind_id kind, int64_t id)
{
	const char *p = text;
	char line[2300];
	int first = 1;
	if (hang > d->width / 2)
		hang = 0; /* a narrow view: room for the text first */
	for (;;) {
		size_t para = strcspn(p, "\n"), start = 0;
		do {
			int in = indent + (first ? 0 : hang);
			int width = d->width - in - 1 > 10 ? d->width - in - 1 : 10;
			size_t n = fit_words(p + start, para - start, width);
			snprintf(line, sizeof line, "%*s%.*s", in, "", (int)n, p + start);
			add_line(d, line, role, first ? kind : K_NONE, first ? id : 0);
			first = 0;
			start += n;
			while (start < para && p[start] == ' ')
				start++;
		} while (start < para);
		p += para;
		if (*p != '\n')
			break;
		p++;
	}
}

static void field_line(struct detail *d, const struct rec *r, int f)
{
	char value[160], line[512];
	const struct field *fd = &r->kind->fields[f];
	if (rec_is_null(r, f))
		return;
	if (fd->type == F_TEXT || fd->type == F_LONGTEXT || fd->type == F_TAGS) {
		snprintf(line, sizeof line, "%-14s %s", fd->label, rec_str(r, f));
		add_wrapped(d, line, 0, 15, R_NORMAL, K_NONE, 0);
		return;
	}
	rec_format(r, f, value, sizeof value);
	snprintf(line, sizeof line, "%-14s %s", fd->label, value);
	add_line(d, line, R_NORMAL, K_NONE, 0);
}

/* Children listed under an item: milestones of a goal, actions of a meeting. */
static int add_children(struct db *db, struct detail *d, enum kind_id kind, int64_t parent,
                        int indent, struct rp_err *err)
{
	struct rec_query q = {.filter_field = kind_parent_field(kind_get(kind)), .filter_id = parent,
	                      .limit = 200};
	struct rec_walk w;
	int rc;
	char line[600], due[40];
	rec_walk_start(&w, kind, &q);
	while ((rc = rec_walk_next(db, &w, err)) > 0)
		for (int i = 0; i < w.page.n; i++) {
			const struct rec *c = &w.page.rows[i];
			int done = (int)rec_int(c, kind_field_index(c->kind, "done"));
			due[0] = '\0';
			if (*rec_text(c, "due_date")) {
				fmt_date(rec_text(c, "due_date"), line, sizeof line);
				snprintf(due, sizeof due, "  (due %s)", line);
			}
			snprintf(line, sizeof line, "%s %s%s%s%s", done ? "[x]" : "[ ]",
			         kind == K_ACTION ? (strcmp(rec_text(c, "owner"), "me") == 0 ? "me: " : "they: ")
			                          : "",
			         rec_str(c, c->kind->title_field), due, "");
			add_wrapped(d, line, indent, 4, done ? R_MUTED : R_NORMAL, kind, c->id);
		}
	rec_walk_end(&w);
	return rc < 0 ? (int)err->code : RP_OK;
}

/* The latest check-ins that name a goal: its log of small steps. */
static int add_goal_checkins(struct db *db, struct detail *d, int64_t goal, struct rp_err *err)
{
	const struct kind *k = kind_get(K_CHECKIN);
	struct rec_query q = {.filter_field = kind_ref_field(k, K_GOAL), .filter_id = goal,
	                      .limit = GOAL_CHECKINS};
	struct rec_page page;
	char day[40], line[600];
	if (rec_list(db, K_CHECKIN, &q, &page, err) != RP_OK)
		return err->code;
	if (page.n) {
		add_line(d, "", R_NORMAL, K_NONE, 0);
		add_line(d, page.more ? "Latest check-ins about it" : "Check-ins about it", R_HEADER,
		         K_NONE, 0);
	}
	for (int i = 0; i < page.n; i++) {
		const struct rec *c = &page.rows[i];
		fmt_date(rec_text(c, "day"), day, sizeof day);
		snprintf(line, sizeof line, "%s  %s%s%s", day, *rec_text(c, "did") ? rec_text(c, "did") : "",
		         *rec_text(c, "did") && *rec_text(c, "next_step") ? "; next: " : "", rec_text(c, "next_step"));
		line[strcspn(line, "\n")] = '\0';
		add_wrapped(d, line, 2, (int)strlen(day) + 2, R_NORMAL, K_CHECKIN, c->id);
	}
	rec_page_free(&page);
	return RP_OK;
}

static int add_meeting_lines(struct db *db, struct detail *d, const struct rec_page *page,
                             struct rp_err *err)
{
	char when[40], line[600];
	for (int i = 0; i < page->n; i++) {
		const struct rec *m = &page->rows[i];
		fmt_instant(rec_int(m, kind_field_index(m->kind, "start_at")), when, sizeof when);
		snprintf(line, sizeof line, "%s  %s%s%s", when, health_meeting_word(m),
		         *rec_text(m, "location") ? "  @ " : "", rec_text(m, "location"));
		add_line(d, "", R_NORMAL, K_NONE, 0);
		add_line(d, line, R_HEADER, K_MEETING, m->id);
		if (*rec_text(m, "agenda")) {
			snprintf(line, sizeof line, "Agenda: %s", rec_text(m, "agenda"));
			add_wrapped(d, line, 2, 8, R_NORMAL, K_NONE, 0);
		}
		if (*rec_text(m, "notes")) {
			snprintf(line, sizeof line, "Notes: %s", rec_text(m, "notes"));
			add_wrapped(d, line, 2, 7, R_NORMAL, K_NONE, 0);
		}
		if (add_children(db, d, K_ACTION, m->id, 2, err) != RP_OK)
			return err->code;
	}
	return RP_OK;
}

static int add_meetings_page(struct db *db, struct detail *d, struct rp_err *err)
{
	struct rec_query q = {.filter_field = kind_parent_field(kind_get(K_MEETING)),
	                      .filter_id = d->id, .limit = MEETINGS_PAGE};
	struct rec_page page;
	if (d->after.id)
		q.after = &d->after;
	if (rec_list(db, K_MEETING, &q, &page, err) != RP_OK)
		return err->code;
	if (add_meeting_lines(db, d, &page, err) != RP_OK) {
		rec_page_free(&page);
		return err->code;
	}
	d->more_meetings = page.more;
	rec_key_free(&d->after);
	d->after = page.next;
	page.next.text = NULL;
	if (page.n == 0 && !d->after.id && d->n > 0)
		add_line(d, "No meetings yet: m logs or schedules one.", R_MUTED, K_NONE, 0);
	rec_page_free(&page);
	return RP_OK;
}

/* G on a long timeline: forget the meetings loaded from the top and load the
 * oldest page instead, so the end costs one page whatever the history.  The
 * newer meetings between the header and that page (the gap) come a page at a
 * time as the cursor moves up to them. */
static int jump_to_oldest(struct db *db, struct detail *d, struct rp_err *err)
{
	struct rec_query q = {.filter_field = kind_parent_field(kind_get(K_MEETING)),
	                      .filter_id = d->id, .limit = MEETINGS_PAGE, .backward = 1};
	struct rec_page page;
	if (rec_list(db, K_MEETING, &q, &page, err) != RP_OK)
		return err->code;
	for (int i = d->meetings_at; i < d->n; i++)
		free(d->lines[i].text);
	d->n = d->meetings_at;
	if (add_meeting_lines(db, d, &page, err) != RP_OK) {
		rec_page_free(&page);
		return err->code;
	}
	d->more_meetings = 0;
	d->gap = page.more;
	rec_key_free(&d->after);
	memset(&d->after, 0, sizeof d->after);
	rec_key_free(&d->gap_end);
	memset(&d->gap_end, 0, sizeof d->gap_end);
	if (page.n)
		rec_key_of(&page.rows[0], &d->gap_end);
	rec_page_free(&page);
	return RP_OK;
}

/* Fill the gap from below by one page: newer meetings go just above the
 * oldest loaded ones.  Returns the number of lines added. */
static int fill_gap(struct db *db, struct detail *d, struct rp_err *err)
{
	struct rec_query q = {.filter_field = kind_parent_field(kind_get(K_MEETING)),
	                      .filter_id = d->id, .limit = MEETINGS_PAGE, .backward = 1,
	                      .after = &d->gap_end};
	struct rec_page page;
	int before = d->n, added;
	if (rec_list(db, K_MEETING, &q, &page, err) != RP_OK)
		return -1;
	if (add_meeting_lines(db, d, &page, err) != RP_OK) {
		for (int i = before; i < d->n; i++)
			free(d->lines[i].text);
		d->n = before;
		rec_page_free(&page);
		return -1;
	}
	added = d->n - before;
	/* rotate the new lines from the end to the top of the meetings */
	if (added > 0) {
		struct dline *tmp = malloc((size_t)added * sizeof *tmp);
		if (tmp) {
			memcpy(tmp, d->lines + before, (size_t)added * sizeof *tmp);
			memmove(d->lines + d->meetings_at + added, d->lines + d->meetings_at,
			        (size_t)(before - d->meetings_at) * sizeof *tmp);
			memcpy(d->lines + d->meetings_at, tmp, (size_t)added * sizeof *tmp);
			free(tmp);
		} else { /* no memory: drop them, the gap stays */
			for (int i = before; i < d->n; i++)
				free(d->lines[i].text);
			d->n = before;
			added = 0;
		}
	}
	d->gap = page.more && added > 0;
	rec_key_free(&d->gap_end);
	if (page.n)
		rec_key_of(&page.rows[0], &d->gap_end);
	rec_page_free(&page);
	return added;
}

/* Due state, adherence, and a strip of the last 12 months of meetings. */
static int person_health(struct db *db, struct detail *d, int64_t person, struct rp_err *err)
{
	static const char *const bars[] = {"\xc2\xb7", "\xe2\x96\x82", "\xe2\x96\x84",
	                                   "\xe2\x96\x86", "\xe2\x96\x88"}; /* · ▂ ▄ ▆ █ */
	static const char initials[] = "JFMAMJJASOND";
	struct due due;
	struct adherence adh;
	int counts[12], month;
	char line[600], day[120], today[DATE_LEN];
	size_t used;
	if (health_due(db, d->cfg, person, &due, err) != RP_OK ||
	    health_adherence(db, d->cfg, person, &adh, err) != RP_OK ||
	    health_meetings_by_month(db, person, counts, err) != RP_OK)
		return err->code;
	if (due.state != DUE_NONE) {
		fmt_date(due.due_day, day, sizeof day);
		if (due.state == DUE_OVERDUE)
			snprintf(line, sizeof line, "%-14s overdue by %ld day%s (due %s)", "Next contact",
			         due.days, due.days == 1 ? "" : "s", day);
		else if (due.state == DUE_RESCHEDULE)
			snprintf(line, sizeof line, "%-14s to reschedule: %s", "Next contact",
			         health_missed_text(&due, day, sizeof day));
		else if (due.state == DUE_COVERED) { /* the meeting's day, then the due one */
			char planned[64];
			fmt_instant(due.planned_at, planned, sizeof planned);
			snprintf(line, sizeof line, "%-14s planned: %s (due %s)", "Next contact", planned,
			         day);
		} else if (due.state == DUE_SOON && due.days == 0)
			snprintf(line, sizeof line, "%-14s due today (%s)", "Next contact", day);
		else
			snprintf(line, sizeof line, "%-14s %s (%s)%s%s", "Next contact",
			         health_due_word(due.state), day,
			         due.state == DUE_SNOOZED ? ", snoozed until " : "",
			         due.state == DUE_SNOOZED ? due.snoozed_until : "");
		add_line(d, line,
		         due.state == DUE_OVERDUE                                    ? R_OVERDUE
		         : due.state == DUE_SOON || due.state == DUE_RESCHEDULE ? R_DUE
		                                                                 : R_NORMAL,
		         K_NONE, 0);
		health_adherence_text(&adh, d->cfg, day, sizeof day);
		snprintf(line, sizeof line, "%-14s %s", "Agreement", day);
		add_line(d, line, R_NORMAL, K_NONE, 0);
	}
	/* the months, oldest first, under their initials */
	date_today(clock_now(), today);
	month = atoi(today + 5) - 1; /* 0-11, this month */
	used = (size_t)snprintf(line, sizeof line, "%-14s ", "12 months");
	for (int i = 0; i < 12; i++)
		used += (size_t)snprintf(line + used, sizeof line - used, "%c ",
		                         initials[(month + 1 + i) % 12]);
	add_line(d, line, R_MUTED, K_NONE, 0);
	used = (size_t)snprintf(line, sizeof line, "%-14s ", "meetings");
	for (int i = 0; i < 12; i++)
		used += (size_t)snprintf(line + used, sizeof line - used, "%s ",
		                         bars[counts[i] > 4 ? 4 : counts[i]]);
	add_line(d, line, R_NORMAL, K_NONE, 0);
	return RP_OK;
}

/* A person's header: who, the agreement, goals and thank-you notes. */
static int person_header(struct db *db, struct detail *d, const struct rec *r, struct rp_err *err)
{
	char line[600];
	int64_t last = person_last_met(db, r->id);
	static const char *const in_title[] = {"name", "role", "stage"};
	snprintf(line, sizeof line, "%s  (%s, %s)", rec_text(r, in_title[0]), rec_text(r, in_title[1]),
	         rec_text(r, in_title[2]));
	add_line(d, line, R_TITLE, K_PERSON, r->id);
	for (int f = 0; f < r->kind->nfields; f++) {
		int said = 0; /* in the title line already */
		for (size_t t = 0; t < sizeof in_title / sizeof in_title[0]; t++)
			said |= strcmp(r->kind->fields[f].col, in_title[t]) == 0;
		if (!said)
			field_line(d, r, f);
	}
	if (last) {
		char when[40];
		fmt_instant(last, when, sizeof when);
		snprintf(line, sizeof line, "%-14s %s", "Last met", when);
		add_line(d, line, R_NORMAL, K_NONE, 0);
	}
	if (d->cfg && person_health(db, d, r->id, err) != RP_OK)
		return err->code;
	for (int s = 0; s < 2; s++) {
		enum kind_id kind = s == 0 ? K_GOAL : K_GRATITUDE;
		struct rec_query q = {.filter_field = kind_ref_field(kind_get(kind), K_PERSON),
		                      .filter_id = r->id, .limit = SIDE_ROWS};
		struct rec_page page;
		if (rec_list(db, kind, &q, &page, err) != RP_OK)
			return err->code;
		if (page.n) {
			add_line(d, "", R_NORMAL, K_NONE, 0);
			snprintf(line, sizeof line, "%s%s", s == 0 ? "Goals" : "Thank-you notes",
			         page.more ? " (the latest)" : "");
			add_line(d, line, R_HEADER, K_NONE, 0);
		}
		for (int i = 0; i < page.n; i++) {
			const struct rec *g = &page.rows[i];
			if (kind == K_GOAL) {
				snprintf(line, sizeof line, "%s  %s, %d%%", rec_text(g, "title"), rec_text(g, "status"),
				         health_goal_progress(g));
			}
			else
				snprintf(line, sizeof line, "%s  %s", rec_text(g, "status"), rec_text(g, "body"));
			add_wrapped(d, line, 2, 2, R_NORMAL, kind, g->id);
		}
		rec_page_free(&page);
	}
	add_line(d, "", R_NORMAL, K_NONE, 0);
	add_line(d, "Meetings, newest first", R_HEADER, K_NONE, 0);
	d->meetings_at = d->n;
	d->more_meetings = 1;
	return add_meetings_page(db, d, err);
}

int detail_show(struct db *db, struct detail *d, const struct rec *r, int width, struct rp_err *err)
{
	char line[600];
	clear_lines(d);
	rec_key_free(&d->after);
	rec_key_free(&d->gap_end);
	memset(&d->after, 0, sizeof d->after);
	memset(&d->gap_end, 0, sizeof d->gap_end);
	d->more_meetings = d->gap = d->meetings_at = 0;
	d->width = width;
	if (!r) {
		d->id = 0;
		d->top = d->cursor = 0;
		return RP_OK;
	}
	if (d->id != r->id || d->kind != r->kind->id)
		d->top = d->cursor = 0;
	d->kind = r->kind->id;
	d->id = r->id;
	if (r->kind->id == K_PERSON)
		return person_header(db, d, r, err);

	snprintf(line, sizeof line, "%s", rec_str(r, r->kind->title_field) ? rec_str(r, r->kind->title_field) : "");
	if (r->kind->id == K_MEETING) {
		char who[200];
		fmt_instant(rec_int(r, kind_field_index(r->kind, "start_at")), line, sizeof line);
		person_name(db, rec_int(r, kind_field_index(r->kind, "person_id")), who, sizeof who);
		size_t used = strlen(line);
		snprintf(line + used, sizeof line - used, "  with %s", who);
	} else if (r->kind->id == K_GRATITUDE) {
		char who[200];
		person_name(db, rec_int(r, kind_field_index(r->kind, "person_id")), who, sizeof who);
		snprintf(line, sizeof line, "Thank-you note to %s", who);
	}
	add_wrapped(d, line, 0, 0, R_TITLE, r->kind->id, r->id);
	for (int f = 0; f < r->kind->nfields; f++) {
		const struct field *fd = &r->kind->fields[f];
		if (f == r->kind->title_field && r->kind->id != K_GRATITUDE && r->kind->id != K_MEETING)
			continue;
		if (fd->type == F_REF && !rec_is_null(r, f)) {
			char what[300];
			describe_id(db, fd->ref, rec_int(r, f), what, sizeof what);
			snprintf(line, sizeof line, "%-14s %s", fd->label, what);
			add_line(d, line, R_NORMAL, fd->ref, rec_int(r, f));
			continue;
		}
		field_line(d, r, f);
	}
	if (r->kind->id == K_GOAL || r->kind->id == K_MEETING) {
		add_line(d, "", R_NORMAL, K_NONE, 0);
		add_line(d, r->kind->id == K_GOAL ? "Milestones" : "Action items", R_HEADER, K_NONE, 0);
		if (add_children(db, d, r->kind->id == K_GOAL ? K_MILESTONE : K_ACTION, r->id, 2, err))
			return err->code;
	}
	return r->kind->id == K_GOAL ? add_goal_checkins(db, d, r->id, err) : RP_OK;
}

int detail_need(struct db *db, struct detail *d, int upto, struct rp_err *err)
{
	while (d->n <= upto && d->more_meetings && d->kind == K_PERSON)
		if (add_meetings_page(db, d, err) != RP_OK)
			return err->code;
	return RP_OK;
}

/* The next line after (dir 1) or before (dir -1) the cursor that stands
 * for an item, loading meetings as needed; or the next line at all when
 * no item is that way (the text can still be read to its end). */
static int next_item(struct db *db, struct detail *d, int dir, struct rp_err *err)
{
	int first_loaded = d->gap ? d->meetings_at : 0;
	for (int i = d->cursor + dir;; i += dir) {
		if (dir > 0 && detail_need(db, d, i, err) != RP_OK)
			return -1;
		if (i < 0 || i >= d->n || (dir < 0 && d->gap && i < first_loaded))
			return d->cursor + dir;
		if (d->lines[i].id && !d->lines[i].part)
			return i;
	}
}

int detail_move(struct db *db, struct detail *d, int action, int height, struct rp_err *err)
{
	int target = d->cursor;
	switch (action) {
	case A_DOWN:
	case A_UP: /* from item to item: headings and blank lines are passed */
		if ((target = next_item(db, d, action == A_DOWN ? 1 : -1, err)) < 0)
			return err->code;
		break;
	case A_PAGE_DOWN: target += height - 1; break;
	case A_PAGE_UP: target -= height - 1; break;
	case A_FIRST:
		if (d->gap) { /* back to the newest meetings rather than filling the gap */
			for (int i = d->meetings_at; i < d->n; i++)
				free(d->lines[i].text);
			d->n = d->meetings_at;
			d->gap = 0;
			d->more_meetings = 1;
			if (add_meetings_page(db, d, err) != RP_OK)
				return err->code;
		}
		target = 0;
		break;
	case A_LAST:
		if (d->more_meetings && d->kind == K_PERSON && jump_to_oldest(db, d, err) != RP_OK)
			return err->code;
		target = d->n - 1;
		break;
	default: return RP_OK;
	}
	/* moving up towards the gap: load the meetings above a page at a time */
	while (d->gap && target < d->meetings_at + height) {
		int added = fill_gap(db, d, err);
		if (added < 0)
			return err->code;
		target += added;
		d->cursor += added;
		d->top += added;
	}
	if (detail_need(db, d, target + height, err) != RP_OK)
		return err->code;
	if (target >= d->n)
		target = d->n - 1;
	if (target < 0)
		target = 0;
	d->cursor = target;
	if (d->cursor < d->top)
		d->top = d->cursor;
	if (d->cursor >= d->top + height)
		d->top = d->cursor - height + 1;
	return RP_OK;
}

void detail_draw(const struct detail *d, WINDOW *w, int y0, int with_cursor)
{
	int h, wd;
	char out[2048];
	getmaxyx(w, h, wd);
	h -= y0;
	for (int y = 0; y < h && d->top + y < d->n; y++) {
		const struct dline *l = &d->lines[d->top + y];
		int cur = with_cursor && d->top + y == d->cursor;
		attr_t a = cur ? color_attr(R_SELECTION) : color_attr((enum role)l->role);
		wattrset(w, a);
		if (cur)
			mvwhline(w, y0 + y, 0, ' ', wd);
		text_fit(l->text, wd - 1, out, sizeof out);
		mvwaddstr(w, y0 + y, 1, out);
	}
	wattrset(w, A_NORMAL);
	wnoutrefresh(w);
}

int detail_item(const struct detail *d, enum kind_id *kind, int64_t *id)
{
	if (d->cursor >= d->n || !d->lines[d->cursor].id)
		return 0;
	*kind = d->lines[d->cursor].kind;
	*id = d->lines[d->cursor].id;
	return 1;
}
