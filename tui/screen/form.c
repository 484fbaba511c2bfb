/* form.c - see form.h.  A form is a list of line editors, one per field of
 * the kind; saving hands each changed text to core's rec_set, which parses
 * and validates exactly as the command line does. */
#include "tui/screen/form.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <wctype.h>

#include "core/describe.h"
#include "core/checkin.h"
#include "core/utf8.h"
#include "core/clock.h"
#include "core/person.h"
#include "core/when.h"
#include "tui/colors.h"
#include "tui/screen/editor.h"
#include "tui/keys.h"
#include "tui/text.h"

#define LABEL_W 16

static int is_choice(const struct field *fd) { return fd->type == F_CHOICE || fd->type == F_BOOL; }

static const struct field *fdef(const struct form *f, int i)
{
	return &kind_get(f->kind)->fields[f->f[i].field];
}

/* A message for the screen's message line, through the host. */
static void say(const struct form *f, int error, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	f->host.say(f->host.ctx, error, msg);
}

/* The text a field shows when a form opens on an existing row. */
static void field_text(const struct rec *r, int field, char *buf, size_t n)
{
	const struct field *fd = &r->kind->fields[field];
	buf[0] = '\0';
	if (rec_is_null(r, field))
		return;
	switch (fd->type) {
	case F_INSTANT: {
		struct tm tm;
		if (local_tm(rec_int(r, field), &tm) != 0)
			snprintf(buf, n, "%lld", (long long)rec_int(r, field));
		else
			strftime(buf, n, "%Y-%m-%d %H:%M", &tm);
		break;
	}
	case F_REF: /* "#id", as everywhere: exact even when two share a name */
		snprintf(buf, n, "#%lld", (long long)rec_int(r, field));
		break;
	case F_INT: snprintf(buf, n, "%lld", (long long)rec_int(r, field)); break;
	case F_BOOL: snprintf(buf, n, "%s", rec_int(r, field) ? "yes" : "no"); break;
	default: utf8_copy(buf, n, rec_str(r, field)); break;
	}
}

/* The line beside a time or a date: what it was read as (a meeting's time
 * also says what it makes of the meeting); 1 when it cannot be read. */
static int when_preview(const struct form *f, const struct field *fd, const char *text, char *pv,
                        size_t n)
{
	const struct kind *k = kind_get(f->kind);
	struct rp_err err;
	struct when w;
	char buf[DATE_LEN], today[DATE_LEN];
	int64_t v;
	if (fd->type == F_DATE) {
		date_today(clock_now(), today);
		if (date_parse(text, clock_now(), kind_when_dir(fd), buf, &err) != RP_OK)
			return 1;
		if ((fd->flags & FF_PAST) && strcmp(buf, today) > 0) {
			snprintf(pv, n, "still to come: a day up to today");
			return 1;
		}
		fmt_date(buf, pv, n);
		return 0;
	}
	if (instant_parse(text, clock_now(), kind_when_dir(fd), &v, &err) != RP_OK) {
		if (when_parse(text, clock_now(), kind_when_dir(fd), &w, NULL) == RP_OK) /* a day and time, not here */
			utf8_copy(pv, n, strstr(err.msg, "does not exist") ? strstr(err.msg, "does not exist")
			                                                    : err.msg);
		return 1;
	}
	fmt_instant(v, pv, n);
	if (k->auto_from && strcmp(k->auto_from, fd->col) == 0 && strlen(pv) < n)
		snprintf(pv + strlen(pv), n - strlen(pv), ", %s",
		         v <= (int64_t)clock_now() ? "past: logged as done" : "to come: planned");
	return 0;
}

/* The line beside a reference: the person, goal or meeting it names; 1
 * when it names none (or one in the trash). */
static int ref_preview(const struct form *f, const struct field *fd, const char *text, char *pv,
                       size_t n)
{
	struct rp_err err;
	struct rec r;
	char *end;
	int64_t v;
	long long id;
	int failed;
	if (fd->ref == K_PERSON) {
		if (person_resolve(f->host.db, text, &v, &err) == RP_OK) {
			person_name(f->host.db, v, pv, n);
			return 0;
		}
		snprintf(pv, n, "%s",
		         err.code == RP_EAMBIG ? "which one? (more of the name)" : "nobody by that name");
		return 1;
	}
	id = strtoll(text + (*text == '#'), &end, 10); /* a goal or a meeting, by number */
	if (*end || id <= 0 || rec_get(f->host.db, fd->ref, id, &r, NULL) != RP_OK) {
		snprintf(pv, n, "no %s by that number", kind_get(fd->ref)->name);
		return 1;
	}
	if ((failed = r.deleted_at != 0))
		snprintf(pv, n, "#%lld is in the trash", id);
	else
		describe_rec(f->host.db, &r, pv, n);
	rec_free(&r);
	return failed;
}

/* What a date, a person or a goal's progress field was understood as, for
 * the line beside it. */
static void update_preview(struct form *f, int i)
{
	const struct field *fd = fdef(f, i);
	const char *text = f->f[i].ed.buf;
	char *pv = f->f[i].preview;
	size_t n = sizeof f->f[i].preview;
	int failed = 0;
	pv[0] = '\0';
	f->f[i].preview_failed = 0;
	if (fd->type == F_INT && kind_field_index(kind_get(f->kind), "progress_manual") >= 0 &&
	    strcmp(fd->col, "progress") == 0) { /* a goal's: by hand, or from its milestones */
		if (!*text)
			snprintf(pv, n, "follows the milestones");
		else if (strcmp(text, f->f[i].orig ? f->f[i].orig : "") != 0)
			snprintf(pv, n, "by hand (empty: from milestones)");
		return;
	}
	if (!*text)
		return;
	if (fd->type == F_INSTANT || fd->type == F_DATE)
		failed = when_preview(f, fd, text, pv, n);
	else if (fd->type == F_REF)
		failed = ref_preview(f, fd, text, pv, n);
	if (failed && !pv[0])
		snprintf(pv, n, "%s", fd->type == F_DATE || fd->type == F_INSTANT
		                              ? "? try: 5 jan, fri, +3d, 2026-12-01"
		                              : "?");
	f->f[i].preview_failed = failed;
}

/* A number of one digit (a mood, 1 to 5): a key in its range sets it and
 * goes on to the next field, Backspace clears it, any other key is refused
 * at once rather than on save. */
static enum form_result one_key(struct form *f, const struct field *fd, int key)
{
	struct form_field *ff = &f->f[f->focus];
	if (key >= '0' + fd->min && key <= '0' + fd->max) {
		char digit[2] = {(char)key, '\0'};
		lineedit_set(&ff->ed, digit);
		ff->bad = 0;
		f->focus = (f->focus + 1) % f->n;
	} else if (key == (KEY_FLAG | KEY_BACKSPACE) || key == 127 || key == 8 ||
	           key == (KEY_FLAG | KEY_DC)) {
		lineedit_set(&ff->ed, "");
	} else if (!(key & KEY_FLAG) || key == (KEY_FLAG | KEY_LEFT) || key == (KEY_FLAG | KEY_RIGHT)) {
		say(f, 1, "%s: one key from %ld to %ld (Backspace clears it)", fd->label, fd->min, fd->max);
	}
	return FORM_OPEN;
}

/* Right and Left in a goal field: the next or previous open goal. */
static void step_goal(struct form *f, int dir)
{
	struct rp_err err;
	int64_t id;
	char text[24];
	const char *typed = f->f[f->focus].ed.buf;
	if (checkin_goal_step(f->host.db, strtoll(typed + (*typed == '#'), NULL, 10), dir, &id, &err)) {
		say(f, 1, "%s", err.msg);
		return;
	}
	if (!id) {
		say(f, 1, "no open goal to pick: a adds one in the Goals pane");
		return;
	}
	snprintf(text, sizeof text, "#%lld", (long long)id);
	lineedit_set(&f->f[f->focus].ed, text);
	f->f[f->focus].bad = 0;
	update_preview(f, f->focus);
}

/* How many bytes a field's editor takes: a text's own limit; for a number
 * (whose max is a value, not a length), a choice or a date, enough. */
static size_t text_room(const struct field *fd)
{
	int text = fd->type == F_TEXT || fd->type == F_LONGTEXT || fd->type == F_TAGS;
	return (size_t)(text && fd->max > 0 ? fd->max : 64);
}

static struct form *form_alloc(const struct form_host *host, enum kind_id kind)
{
	const struct kind *k = kind_get(kind);
	struct form *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->host = *host;
	f->kind = kind;
	rec_init(&f->start, kind);
	for (int i = 0; i < k->nfields; i++) {
		if (strcmp(k->fields[i].col, "repeat_rule") == 0 || (k->fields[i].flags & FF_HIDDEN))
			continue; /* repeating meetings are not built yet; hidden: the program's */
		f->f[f->n].field = i;
		f->f[f->n].orig = strdup("");
		lineedit_init(&f->f[f->n].ed, "", text_room(&k->fields[i]));
		f->n++;
	}
	return f;
}

static int slot_of(const struct form *f, const char *name)
{
	int field = kind_field_index(kind_get(f->kind), name);
	for (int i = 0; i < f->n; i++)
		if (f->f[i].field == field)
			return i;
	return -1;
}

/* Fields filled in advance are the form's starting point, not changes. */
static void set_start(struct form *f, int i, const char *text)
{
	lineedit_set(&f->f[i].ed, text);
	free(f->f[i].orig);
	f->f[i].orig = strdup(text);
	update_preview(f, i);
}

/* The thread of the ritual: the next step the check-in before set. */
static void checkin_note(struct form *f, const struct rec *start)
{
	char day[DATE_LEN], next[240], last_day[DATE_LEN], shown[40];
	const char *given = start ? rec_text(start, "day") : "";
	if (*given)
		snprintf(day, sizeof day, "%s", given);
	else
		date_today(clock_now(), day);
	if (checkin_last_next_step(f->host.db, day, next, sizeof next, last_day, NULL) != RP_OK ||
	    !next[0])
		return;
	next[strcspn(next, "\n")] = '\0';
	if (date_diff(last_day, day) == 1)
		snprintf(shown, sizeof shown, "yesterday");
	else
		fmt_date(last_day, shown, sizeof shown);
	snprintf(f->note, sizeof f->note, "Next step from %s: %s", shown, next);
}

struct form *form_new(const struct form_host *host, enum kind_id kind, const struct rec *start)
{
	struct form *f = form_alloc(host, kind);
	const struct kind *k = kind_get(kind);
	char buf[4096];
	int dur = kind_field_index(k, "duration_min");
	if (!f)
		return NULL;
	if (kind == K_CHECKIN) {
		snprintf(f->title, sizeof f->title, "Check-in (mood: one key, 1 to 5)");
		checkin_note(f, start);
	}
	else
		snprintf(f->title, sizeof f->title, "New %s",
		         k->noun ? k->noun : k->name);
	if ((start && rec_copy_fields(&f->start, start, NULL) != RP_OK) ||
	    (kind == K_MEETING && dur >= 0 && rec_is_null(&f->start, dur) &&
	     rec_set_int(&f->start, dur, f->host.cfg->default_duration, NULL) != RP_OK)) {
		form_free(f);
		return NULL;
	}
	for (int i = 0; i < f->n; i++) {
		if (!rec_is_null(&f->start, f->f[i].field)) {
			field_text(&f->start, f->f[i].field, buf, sizeof buf);
			set_start(f, i, buf);
		} else if (fdef(f, i)->def) { /* as the field's values are written ("no", not 0) */
			struct rec shown;
			rec_init(&shown, kind);
			if (rec_set(f->host.db, &shown, f->f[i].field, fdef(f, i)->def, NULL) == RP_OK)
				field_text(&shown, f->f[i].field, buf, sizeof buf);
			else
				snprintf(buf, sizeof buf, "%s", fdef(f, i)->def);
			set_start(f, i, buf);
			rec_free(&shown);
		}
	}
	/* start on the first field that is still empty */
	for (f->focus = 0; f->focus < f->n - 1 && f->f[f->focus].ed.len; f->focus++)
		;
	return f;
}

struct form *form_edit(const struct form_host *host, const struct rec *r)
{
	struct form *f = form_alloc(host, r->kind->id);
	char buf[4096];
	if (!f)
		return NULL;
	f->id = r->id;
	f->read_at = r->updated_at;
	if (r->kind->id == K_CHECKIN) {
		snprintf(f->title, sizeof f->title, "Check-in, updating today's");
		checkin_note(f, r);
	} else
		snprintf(f->title, sizeof f->title, "Edit %s #%lld",
		         r->kind->noun ? r->kind->noun : r->kind->name, (long long)r->id);
	for (int i = 0; i < f->n; i++) {
		const char *text;
		char *big = NULL;
		if (rec_str(r, f->f[i].field) && strlen(rec_str(r, f->f[i].field)) >= sizeof buf)
			text = big = strdup(rec_str(r, f->f[i].field));
		else {
			field_text(r, f->f[i].field, buf, sizeof buf);
			text = buf;
		}
		set_start(f, i, text ? text : "");
		free(big);
	}
	if (f->kind == K_CHECKIN) /* the day is known: start at the mood */
		f->focus = slot_of(f, "mood");
	return f;
}

void form_free(struct form *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->n; i++) {
		lineedit_free(&f->f[i].ed);
		free(f->f[i].orig);
	}
	rec_free(&f->start);
	free(f);
}

static int changed(const struct form *f)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->f[i].ed.buf, f->f[i].orig) != 0)
			return 1;
	return 0;
}

static void cycle_choice(struct form *f, int dir, int letter)
{
	const struct field *fd = fdef(f, f->focus);
	static const char *const yesno[] = {"no", "yes", NULL};
	const char *const *ch = fd->type == F_BOOL ? yesno : fd->choices;
	int n = 0, cur = -1;
	while (ch[n])
		n++;
	for (int i = 0; i < n; i++)
		if (strcmp(ch[i], f->f[f->focus].ed.buf) == 0)
			cur = i;
	if (letter) { /* the next choice starting with it */
		for (int step = 1; step <= n; step++) {
			int i = ((cur < 0 ? -1 : cur) + step + n) % n;
			if ((int)towlower((wint_t)letter) == ch[i][0]) {
				lineedit_set(&f->f[f->focus].ed, ch[i]);
				return;
			}
		}
		say(f, 1, "%s: no choice starts with that letter", fd->label);
		return;
	}
	cur = cur < 0 ? (dir > 0 ? 0 : n - 1) : (cur + dir + n) % n;
	lineedit_set(&f->f[f->focus].ed, ch[cur]);
}

static void run_editor(struct form *f)
{
	struct form_field *ff = &f->f[f->focus];
	const struct field *fd = fdef(f, f->focus);
	char why[300], *text = NULL;
	if (is_choice(fd) || fd->type == F_REF) {
		say(f, 1, "%s is not a text field", fd->label);
		return;
	}
	def_prog_mode();
	endwin();
	if (editor_run(ff->ed.buf, &text, why, sizeof why) != 0) {
		reset_prog_mode();
		say(f, 1, "%s", why);
	} else {
		reset_prog_mode();
		if (fd->type != F_LONGTEXT) /* one line: breaks become spaces */
			for (char *p = text; *p; p++)
				if (*p == '\n' || *p == '\r')
					*p = ' ';
		lineedit_set(&ff->ed, text);
		say(f, 0, "%s: text from the editor", fd->label);
	}
	free(text);
	clearok(curscr, TRUE);
	f->redraw_all = 1;
}

static enum form_result save(struct form *f, struct rec *saved, struct rec *before_out)
{
	struct rec r, before;
	struct rp_err err;
	int rc;
	if (f->id) {
		if (rec_get(f->host.db, f->kind, f->id, &r, &err) != RP_OK) {
			say(f, 1, "%s", err.msg);
			return FORM_OPEN;
		}
		/* written elsewhere since the form opened: say so once; a second
		 * save writes the fields changed here over it */
		if (r.updated_at != f->read_at && !f->overwrite) {
			f->overwrite = 1;
			say(f, 1,
			           "Not saved: changed elsewhere (another rapport?) since you opened it. "
			           "Enter saves yours over it, Esc keeps theirs");
			rec_free(&r);
			return FORM_OPEN;
		}
	} else if (rec_init(&r, f->kind), rec_copy_fields(&r, &f->start, &err) != RP_OK) {
		say(f, 1, "%s", err.msg);
		rec_free(&r);
		return FORM_OPEN;
	}
	rec_init(&before, f->kind);
	rec_copy_fields(&before, &r, NULL);
	for (int i = 0; i < f->n; i++)
		f->f[i].bad = 0;
	for (int i = 0; i < f->n; i++)
		if ((fdef(f, i)->flags & FF_REQUIRED) && !fdef(f, i)->def && !f->f[i].ed.len &&
		    !kind_is_auto(kind_get(f->kind), f->f[i].field)) {
			f->f[i].bad = 1;
			f->focus = i;
			say(f, 1, "%s: may not be empty", fdef(f, i)->label);
			rec_free(&r);
			rec_free(&before);
			return FORM_OPEN;
		}
	for (int i = 0; i < f->n; i++) {
		const char *text = f->f[i].ed.buf;
		/* only what was typed is read: a field as it opened keeps its
		 * value (an edit's stored one; a new row's start, an id as an id,
		 * or its default) */
		if (strcmp(text, f->f[i].orig) == 0 ||
		    (!f->id && !*text && rec_is_null(&f->start, f->f[i].field))) /* the default */
			continue;
		if (rec_set(f->host.db, &r, f->f[i].field, text, &err) != RP_OK) {
			f->f[i].bad = 1;
			f->focus = i;
			say(f, 1, "%s", err.msg);
			rec_free(&r);
			rec_free(&before);
			return FORM_OPEN;
		}
	}
	rc = f->id ? rec_update(f->host.db, &r, &err) : rec_insert(f->host.db, &r, &err);
	if (rc != RP_OK) {
		/* nothing typed is lost: the form stays as it is */
		say(f, 1, "not saved: %s", err.msg);
		rec_free(&r);
		rec_free(&before);
		return FORM_OPEN;
	}
	*saved = r;
	*before_out = before;
	return FORM_SAVED;
}

enum form_result form_key(struct form *f, int key, struct rec *saved, struct rec *before)
{
	const struct field *fd = fdef(f, f->focus);
	enum action a = keys_action(key, KC_FORM);

	if (f->confirm_discard) {
		f->confirm_discard = 0;
		if (key == 'y' || key == 'Y')
			return FORM_CLOSED;
		say(f, 0, "back to the form");
		return FORM_OPEN;
	}
	switch (a) {
	case A_FORM_NEXT: f->focus = (f->focus + 1) % f->n; return FORM_OPEN;
	case A_FORM_PREV: f->focus = (f->focus + f->n - 1) % f->n; return FORM_OPEN;
	case A_FORM_SAVE: return save(f, saved, before);
	case A_FORM_CANCEL:
		if (!changed(f))
			return FORM_CLOSED;
		f->confirm_discard = 1;
		say(f, 1, "Discard your changes? y discards, any other key returns to the form");
		return FORM_OPEN;
	case A_FORM_EDITOR: run_editor(f); return FORM_OPEN;
	default: break;
	}
	if (fd->type == F_INT && fd->min >= 0 && fd->max <= 9) /* a mood: one key */
		return one_key(f, fd, key);
	if (is_choice(fd)) {
		if (a == A_CHOICE_NEXT || a == A_CHOICE_PREV || key == ' ')
			cycle_choice(f, a == A_CHOICE_PREV ? -1 : 1, 0);
		else if (!(key & KEY_FLAG) && iswalpha((wint_t)key))
			cycle_choice(f, 1, key);
		else if (key == (KEY_FLAG | KEY_BACKSPACE) && !(fd->flags & FF_REQUIRED))
			lineedit_set(&f->f[f->focus].ed, "");
		f->f[f->focus].bad = 0;
		return FORM_OPEN;
	}
	if (fd->type == F_REF && fd->ref == K_GOAL && (a == A_CHOICE_NEXT || a == A_CHOICE_PREV)) {
		step_goal(f, a == A_CHOICE_PREV ? -1 : 1);
		return FORM_OPEN;
	}
	if (lineedit_key(&f->f[f->focus].ed, key)) {
		f->f[f->focus].bad = 0;
		update_preview(f, f->focus);
	}
	return FORM_OPEN;
}

/* Field i on row r of the form's window w columns wide: its label (red
 * and ! when at fault), its editor, and what it was read as beside it.
 * Returns the cursor's column when it has the focus, else -1. */
static int draw_field(const struct form *f, WINDOW *win, int i, int r, int w)
{
	char out[2048];
	int focused = i == f->focus, vw = w - LABEL_W - 5, col;
	const struct field *fd = fdef(f, i);
	const struct form_field *ff = &f->f[i];
	char label[64], view[2048];
	snprintf(label, sizeof label, "%s%s", fd->label, (fd->flags & FF_REQUIRED) && !fd->def ? "*" : "");
	text_fit(label, LABEL_W - 1, out, sizeof out);
	wattrset(win, ff->bad ? color_attr(R_ERROR) : focused ? color_attr(R_HEADER) : color_attr(R_MUTED));
	mvwprintw(win, 2 + r, 2 + LABEL_W - 1 - text_width(out), "%s", out);
	mvwaddstr(win, 2 + r, 2 + LABEL_W - 1, ff->bad ? "!" : ":");
	wattrset(win, A_NORMAL);
	if (ff->preview[0] && vw > 30)
		vw = vw / 2; /* the other half says what it was read as */
	if (is_choice(fd)) {
		snprintf(view, sizeof view, "%s %s %s", focused ? "<" : " ",
		         ff->ed.len ? ff->ed.buf : "auto", focused ? ">" : " ");
		text_fit(view, vw, out, sizeof out);
		col = 0;
	} else {
		lineedit_view(&ff->ed, vw, out, sizeof out, &col);
	}
	if (focused)
		wattrset(win, A_UNDERLINE);
	mvwhline(win, 2 + r, 2 + LABEL_W + 1, ' ', vw);
	if (focused && !ff->ed.len && fd->type == F_REF && fd->ref == K_GOAL) {
		/* a placeholder: how to pick one without knowing its number */
		text_fit("Right/Left: an open goal, or its number", vw, out, sizeof out);
		wattrset(win, color_attr(R_MUTED) | A_UNDERLINE);
	}
	mvwaddstr(win, 2 + r, 2 + LABEL_W + 1, out);
	wattrset(win, A_NORMAL);
	if (ff->preview[0]) {
		char pv[200];
		snprintf(pv, sizeof pv, "%s %s", ff->preview_failed ? "" : "->", ff->preview);
		wattrset(win, color_attr(ff->preview_failed ? R_ERROR : R_DONE));
		text_fit(pv, w - LABEL_W - 6 - vw, out, sizeof out);
		mvwaddstr(win, 2 + r, 2 + LABEL_W + 2 + vw, out);
		wattrset(win, A_NORMAL);
	}
	return focused ? 2 + LABEL_W + 1 + (is_choice(fd) ? 2 : col) : -1;
}

void form_draw(struct form *f, int screen_rows, int screen_cols)
{
	int ph, pw, h, w, y0, x0, rows, cy = -1, cx = 0;
	char out[2048], title[128];
	WINDOW *win;
	ph = screen_rows;
	pw = screen_cols;
	w = pw - 4 > 96 ? 96 : pw - 4;
	h = f->n + 4 > ph - 2 ? ph - 2 : f->n + 4;
	rows = h - 4; /* field rows that fit; more scroll */
	if (w < 30 || rows < 1)
		return;
	y0 = (ph - h) / 2;
	x0 = (pw - w) / 2;
	win = newwin(h, w, y0, x0);
	if (!win)
		return;
	if (f->focus < f->top)
		f->top = f->focus;
	if (f->focus >= f->top + rows)
		f->top = f->focus - rows + 1;
	werase(win);
	wattrset(win, color_attr(R_FOCUS));
	box(win, 0, 0);
	snprintf(title, sizeof title, " %s ", f->title);
	mvwaddstr(win, 0, 2, title);
	wattrset(win, color_attr(R_MUTED));
	text_fit(f->top > 0 ? "more above" : f->note, w - 4, out, sizeof out);
	mvwaddstr(win, 1, f->top > 0 ? w - 2 - text_width(out) : 2, out);
	for (int r = 0; r < rows && f->top + r < f->n; r++) {
		int x = draw_field(f, win, f->top + r, r, w);
		if (x >= 0) {
			cy = 2 + r;
			cx = x;
		}
	}
	wattrset(win, color_attr(R_MUTED));
	text_fit(f->top + rows < f->n ? "more below (Tab)" : "", w - 4, out, sizeof out);
	mvwaddstr(win, h - 2, w - 2 - text_width(out), out);
	wattrset(win, A_NORMAL);
	if (cy >= 0)
		wmove(win, cy, cx);
	wnoutrefresh(win);
	delwin(win);
}
