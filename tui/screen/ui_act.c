/* ui_act.c - what each key does on the main screen and in the full-screen
 * views: one small handler per action, undo, and the dispatch. */
#include "tui/screen/ui.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/describe.h"
#include "core/person.h"
#include "core/store.h"
#include "tui/keys.h"
#include "tui/text.h"

static void form_done(struct ui *ui, struct rec *saved)
{
	char what[120];
	const char *title = rec_str(saved, saved->kind->title_field);
	snprintf(what, sizeof what, "%s", title ? title : "");
	what[strcspn(what, "\n")] = '\0';
	ui_message(ui, 0, "Saved %s #%lld%s%s", saved->kind->name, (long long)saved->id,
	           *what ? ": " : "", what);
	form_free(ui->form);
	ui->form = NULL;
	ui_changed(ui, saved);
	rec_free(saved);
}

void ui_set_undo(struct ui *ui, int op, enum kind_id kind, int64_t id, struct rec *before)
{
	rec_free(&ui->undo.before);
	rec_free(&ui->undo.after);
	ui->undo.op = op;
	ui->undo.kind = kind;
	ui->undo.id = id;
	ui->undo.asked = 0;
	if (before)
		ui->undo.before = *before; /* taken over */
	else
		rec_init(&ui->undo.before, kind);
	/* the version this change left: a later undo checks nobody has changed
	 * the row since, as a form's save does */
	ui->undo.has_after = rec_get(ui->db, kind, id, &ui->undo.after, NULL) == RP_OK;
	if (!ui->undo.has_after)
		rec_init(&ui->undo.after, kind);
}

static void back_to_main(struct ui *ui);

static void trash(struct ui *ui, enum kind_id kind, int64_t id)
{
	struct rp_err err;
	int was_view_item = ui->screen == SCREEN_VIEW && kind == ui->detail.kind && id == ui->detail.id;
	if (rec_trash(ui->db, kind, id, &err) != RP_OK) {
		ui_error(ui, &err);
		return;
	}
	ui_set_undo(ui, UNDO_DELETE, kind, id, NULL);
	if (was_view_item)
		back_to_main(ui);
	ui_reload(ui);
	if (ui->screen == SCREEN_VIEW)
		ui->dirty |= D_DETAIL;
	ui_message(ui, 0, "Moved %s #%lld to the trash; u brings it back", kind_get(kind)->name,
	           (long long)id);
}

void ui_ask(struct ui *ui, void (*yes)(struct ui *, enum kind_id, int64_t), enum kind_id kind,
            int64_t id, const char *fmt, ...)
{
	char q[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(q, sizeof q, fmt, ap);
	va_end(ap);
	ui->ask = (struct ask){1, yes, kind, id};
	ui_message(ui, 0, "%s (y/n)", q);
	if (text_width(ui->msg) > ui->cols - 2) /* the keys first, where a narrow screen keeps them */
		ui_message(ui, 0, "(y/n) %s", q);
}

static int ask_answers(struct ui *ui, int key)
{
	struct ask a = ui->ask;
	if (!a.active)
		return 0;
	ui->ask.active = 0;
	if (key == 'y' || key == 'Y')
		a.yes(ui, a.kind, a.id);
	else
		ui_message(ui, 0, "Nothing changed");
	return 1;
}

/* The labels of the fields in which a and b (one row, two versions)
 * differ, and whether it went to or came back from the trash. */
static void what_changed(const struct rec *a, const struct rec *b, char *out, size_t n)
{
	size_t o = 0;
	out[0] = '\0';
	for (int i = 0; i < a->kind->nfields; i++) {
		const struct val *x = &a->v[i], *y = &b->v[i];
		int same = x->null == y->null && x->i == y->i &&
		           (!x->s || !y->s ? x->s == y->s : strcmp(x->s, y->s) == 0);
		if (!same && o + 2 < n)
			o += (size_t)snprintf(out + o, n - o, "%s%s", o ? ", " : "", a->kind->fields[i].label);
	}
	if ((a->deleted_at != 0) != (b->deleted_at != 0) && o + 2 < n)
		snprintf(out + o, n - o, "%s%s", o ? ", " : "", b->deleted_at ? "trashed" : "restored");
}

/* Undo would write over a change made elsewhere since (another rapport,
 * a script): say what changed and ask for u again. */
static int undo_would_overwrite(struct ui *ui)
{
	struct rec cur;
	char changed[300];
	if (!ui->undo.has_after || ui->undo.asked ||
	    rec_get(ui->db, ui->undo.kind, ui->undo.id, &cur, NULL) != RP_OK)
		return 0;
	if (cur.updated_at == ui->undo.after.updated_at &&
	    cur.deleted_at == ui->undo.after.deleted_at) {
		long children = 0;
		rec_free(&cur);
		/* a new row that others have since hung rows on (a meeting with a
		 * person added here): trashing it would take theirs along */
		if (ui->undo.op != UNDO_ADD ||
		    rec_count_children(ui->db, ui->undo.kind, ui->undo.id, &children, NULL) != RP_OK ||
		    children == 0)
			return 0;
		ui->undo.asked = 1;
		ui_message(ui, 1,
		           "%s #%lld has %ld row%s added to it since: u again moves %s to the trash too,"
		           " another key keeps them",
		           kind_get(ui->undo.kind)->name, (long long)ui->undo.id, children,
		           children == 1 ? "" : "s", children == 1 ? "it" : "them");
		return 1;
	}
	what_changed(&ui->undo.after, &cur, changed, sizeof changed);
	rec_free(&cur);
	ui->undo.asked = 1;
	ui_message(ui, 1,
	           "%s #%lld changed elsewhere since (%s): u again undoes anyway, another key"
	           " keeps it",
	           kind_get(ui->undo.kind)->name, (long long)ui->undo.id,
	           *changed ? changed : "its version");
	return 1;
}

static void undo(struct ui *ui)
{
	struct rp_err err;
	struct rec cur;
	const char *name = kind_get(ui->undo.kind)->name;
	int rc = RP_OK;
	if (ui->undo.op != UNDO_NONE && undo_would_overwrite(ui))
		return;
	switch (ui->undo.op) {
	case UNDO_NONE: ui_message(ui, 0, "Nothing to undo"); return;
	case UNDO_ADD: rc = rec_trash(ui->db, ui->undo.kind, ui->undo.id, &err); break;
	case UNDO_DELETE: rc = rec_restore(ui->db, ui->undo.kind, ui->undo.id, &err); break;
	case UNDO_EDIT:
		if ((rc = rec_get(ui->db, ui->undo.kind, ui->undo.id, &cur, &err)) == RP_OK) {
			if ((rc = rec_copy_fields(&cur, &ui->undo.before, &err)) == RP_OK)
				rc = rec_update(ui->db, &cur, &err);
			rec_free(&cur);
		}
		break;
	}
	if (rc != RP_OK) {
		ui_error(ui, &err);
		return;
	}
	ui_message(ui, 0, "Undone: %s #%lld %s", name, (long long)ui->undo.id,
	           ui->undo.op == UNDO_ADD      ? "went to the trash"
	           : ui->undo.op == UNDO_DELETE ? "is back"
	                                        : "is as it was");
	if (ui->undo.op == UNDO_DELETE && rec_get(ui->db, ui->undo.kind, ui->undo.id, &cur, &err) == RP_OK) {
		ui_changed(ui, &cur);
		rec_free(&cur);
	} else {
		ui_reload(ui);
	}
	ui_set_undo(ui, UNDO_NONE, ui->undo.kind, 0, NULL);
}

static int ask_done_early; /* answered yes: mark it done now */

static void toggle_done(struct ui *ui, enum kind_id kind, int64_t id);

static void toggle_done_asked(struct ui *ui, enum kind_id kind, int64_t id)
{
	ask_done_early = 1;
	toggle_done(ui, kind, id);
	ask_done_early = 0;
}

static void toggle_done(struct ui *ui, enum kind_id kind, int64_t id)
{
	struct rec r, before;
	struct rp_err err;
	char list[160], when[64];
	int done;
	if (!kind_can_be_done(kind_get(kind))) {
		kind_list_text(kind_can_be_done, 1, " and ", list, sizeof list);
		ui_message(ui, 1, "x marks %s done", list);
		return;
	}
	if (rec_get(ui->db, kind, id, &r, &err) != RP_OK) {
		ui_error(ui, &err);
		return;
	}
	done = !rec_is_done(&r);
	if (done && !ask_done_early && rec_done_early(&r, when, sizeof when)) {
		ui_ask(ui, toggle_done_asked, kind, id, "%s #%lld is still to come (%s): mark it done?",
		       r.kind->name, (long long)id, when);
		rec_free(&r);
		return;
	}
	/* a meeting that was held is rarely meant to be planned again: ask */
	if (!done && !ask_done_early && r.kind->auto_from) {
		ui_ask(ui, toggle_done_asked, kind, id, "%s #%lld was held: mark it %s again?", r.kind->name,
		       (long long)id, r.kind->done_no);
		rec_free(&r);
		return;
	}
	rec_init(&before, kind);
	rec_copy_fields(&before, &r, NULL);
	if (rec_set_done(ui->db, &r, done, &err) != RP_OK || rec_update(ui->db, &r, &err) != RP_OK) {
		ui_error(ui, &err);
		rec_free(&before);
	} else {
		const struct field *f = &r.kind->fields[kind_field_index(r.kind, r.kind->done_col)];
		ui_set_undo(ui, UNDO_EDIT, kind, id, &before);
		/* undone, a status says which ("open", "planned"); a flag, "not done" */
		ui_message(ui, 0, "%s #%lld: %s", r.kind->name, (long long)id,
		           f->type == F_BOOL ? (done ? "done" : "not done")
		                             : done ? r.kind->done_yes : r.kind->done_no);
		ui_reload(ui);
	}
	rec_free(&r);
}

/* X: a meeting that did not take place is missed (x would say done). */
static void mark_missed(struct ui *ui, enum kind_id kind, int64_t id)
{
	struct rec r, before;
	struct rp_err err;
	if (kind != K_MEETING) {
		ui_message(ui, 1, "X marks a meeting missed: it did not take place");
		return;
	}
	if (rec_get(ui->db, kind, id, &r, &err) != RP_OK) {
		ui_error(ui, &err);
		return;
	}
	rec_init(&before, kind);
	rec_copy_fields(&before, &r, NULL);
	if (rec_set(ui->db, &r, kind_field_index(r.kind, "status"), "missed", &err) != RP_OK ||
	    rec_update(ui->db, &r, &err) != RP_OK) {
		ui_error(ui, &err);
		rec_free(&before);
	} else {
		ui_set_undo(ui, UNDO_EDIT, kind, id, &before);
		ui_message(ui, 0, "meeting #%lld: missed (u undoes)", (long long)id);
		ui_reload(ui);
	}
	rec_free(&r);
}

/* The item an action applies to: the selected row, or in a full-screen view
 * the item of the cursor's line (the viewed item when the line has none). */
int ui_target(struct ui *ui, enum kind_id *kind, int64_t *id)
{
	const struct rec *sel;
	if (ui->screen == SCREEN_TODAY || ui->screen == SCREEN_TRASH)
		return detail_item(&ui->detail, kind, id);
	if (ui->screen == SCREEN_VIEW) { /* the highlighted item, never another */
		if (detail_item(&ui->detail, kind, id))
			return 1;
		ui_message(ui, 1, "This line is no item to act on: j and k go from item to item");
		return 0;
	}
	sel = pane_selected(ui_focused(ui));
	if (!sel)
		return 0;
	*kind = sel->kind->id;
	*id = sel->id;
	return 1;
}

static void act_add(struct ui *ui)
{
	if (ui->screen == SCREEN_VIEW) {
		const struct kind *child =
		    ui->detail.kind == K_NONE ? NULL : kind_first_child(kind_get(ui->detail.kind));
		if (child)
			ui_new_form_with(ui, child->id, ui->detail.kind, ui->detail.id, K_NONE, 0);
		else
			ui_message(ui, 1, "Nothing to add here; Esc goes back to the lists");
		return;
	}
	if (ui_focused(ui)->kind == K_PERSON) { /* a file of mentees gets a mentee */
		struct rec start;
		rec_init(&start, K_PERSON);
		person_start(ui->db, &start);
		ui_new_form(ui, K_PERSON, &start);
		rec_free(&start);
		return;
	}
	ui_new_form(ui, ui_focused(ui)->kind, NULL);
}

static void act_meet_or_thank(struct ui *ui, enum action a)
{
	enum kind_id kind;
	int64_t id, person;
	struct rec r;
	struct rp_err err;
	if (!ui_target(ui, &kind, &id) ||
	    (kind != K_PERSON && (a == A_MEETING || (kind != K_MEETING && kind != K_GRATITUDE)))) {
		ui_message(ui, 1, a == A_MEETING ? "m works on a person" : "t works on a person or a meeting");
		return;
	}
	if (kind == K_PERSON) {
		ui_new_form_with(ui, a == A_MEETING ? K_MEETING : K_GRATITUDE, K_PERSON, id, K_NONE, 0);
		return;
	}
	if (kind == K_GRATITUDE && a == A_THANKS) { /* a draft: go on writing it */
		if (rec_get(ui->db, K_GRATITUDE, id, &r, &err) != RP_OK) {
			ui_error(ui, &err);
			return;
		}
		ui_edit_form(ui, &r);
		rec_free(&r);
		return;
	}
	if (rec_get(ui->db, K_MEETING, id, &r, &err) != RP_OK) {
		ui_error(ui, &err);
		return;
	}
	person = rec_int(&r, kind_ref_field(r.kind, K_PERSON));
	rec_free(&r);
	ui_new_form_with(ui, K_GRATITUDE, K_PERSON, person, K_MEETING, id);
}

static void act_edit(struct ui *ui)
{
	enum kind_id kind;
	int64_t id;
	struct rec r;
	struct rp_err err;
	if (!ui_target(ui, &kind, &id)) {
		ui_message(ui, 1, "Nothing selected to edit");
		return;
	}
	if (rec_get(ui->db, kind, id, &r, &err) != RP_OK) {
		ui_error(ui, &err);
		return;
	}
	ui_edit_form(ui, &r);
	rec_free(&r);
}

static void open_view(struct ui *ui)
{
	const struct rec *sel = pane_selected(ui_focused(ui));
	struct rp_err err;
	if (!sel) {
		ui_message(ui, 1, "Nothing selected");
		return;
	}
	ui->screen = SCREEN_VIEW;
	ui->detail.id = 0;
	if (detail_show(ui->db, &ui->detail, sel, ui->cols - 1, &err) != RP_OK)
		ui_error(ui, &err);
	ui->dirty = D_ALL;
}

/* Enter on an item of a view: show it in its pane (an action item or a
 * milestone: the meeting or goal it belongs to). */
static void jump_to_item(struct ui *ui)
{
	enum kind_id kind;
	int64_t id;
	if (!detail_item(&ui->detail, &kind, &id)) {
		if (ui->screen == SCREEN_TODAY && ui->detail.cursor < ui->detail.n &&
		    ui->detail.lines[ui->detail.cursor].kind == K_CHECKIN)
			ui_checkin(ui);
		return;
	}
	if (kind == K_CHECKIN) {
		ui_checkin(ui);
		return;
	}
	ui_goto(ui, kind, id);
}

static void back_to_main(struct ui *ui)
{
	ui->screen = SCREEN_MAIN;
	ui->detail.id = 0;
	ui->dirty = D_ALL;
}

/* Each screen mode answers a key first, in the order of answer_order
 * below (as tig lets a view answer before its generic driver): a handler
 * returns 1 when the key was its, 0 to pass it on.  The key table
 * (keys.c) stays the one source of keys, hints and help. */

static unsigned key_context(const struct ui *ui)
{
	return ui->screen == SCREEN_MAIN ? KC_MAIN : KC_VIEW;
}

/* An open form takes every key. */
static int form_answers(struct ui *ui, int key)
{
	struct rec saved, before;
	enum form_result res;
	if (!ui->form)
		return 0;
	res = form_key(ui->form, key, &saved, &before);
	if (ui->form->redraw_all) {
		ui->form->redraw_all = 0;
		ui->dirty = D_ALL;
	}
	if (res == FORM_SAVED) {
		ui_set_undo(ui, ui->form->id ? UNDO_EDIT : UNDO_ADD, saved.kind->id, saved.id, &before);
		form_done(ui, &saved);
	}
	else if (res == FORM_CLOSED) {
		/* theirs kept after a conflict: show what is in the file now */
		int conflicted = ui->form->overwrite;
		form_free(ui->form);
		ui->form = NULL;
		if (conflicted)
			ui_reload(ui);
		ui->dirty = D_ALL;
	}
	return 1;
}

/* A terminal too small to draw in: only q. */
static int too_small_answers(struct ui *ui, int key)
{
	if (!ui->too_small)
		return 0;
	if (key == 'q')
		ui->quit = 1;
	return 1;
}

static int search_answers(struct ui *ui, int key)
{
	if (ui->screen != SCREEN_SEARCH)
		return 0;
	ui_search_key(ui, key);
	return 1;
}

static int prompt_answers(struct ui *ui, int key)
{
	if (!ui->prompt.active)
		return 0;
	ui_prompt_key(ui, key);
	return 1;
}

/* Past the modes that read text: any key but u forgets an undo's question
 * (it keeps the other change), and a change on a read-only file is
 * refused, saying why. */
static int read_only_answers(struct ui *ui, int key)
{
	enum action a = keys_action(key, key_context(ui));
	if (a != A_UNDO)
		ui->undo.asked = 0;
	if (!ui->readonly || a == A_NONE || !keys_def(a)->edits)
		return 0;
	ui_message(ui, 1, "Read-only: nothing can be changed (%s)",
	           store_readonly_why(ui->db) ? store_readonly_why(ui->db) : "started with --read-only");
	return 1;
}

/* The help screen: scrolls, and goes back. */
static int help_answers(struct ui *ui, int key)
{
	enum action a = keys_action(key, key_context(ui));
	if (ui->screen != SCREEN_HELP)
		return 0;
	if (a == A_BACK || a == A_HELP)
		back_to_main(ui);
	else if (a == A_DOWN || a == A_PAGE_DOWN)
		ui->help_top += a == A_DOWN ? 1 : ui->rows / 2;
	else if ((a == A_UP || a == A_PAGE_UP) && ui->help_top > 0)
		ui->help_top -= a == A_UP ? 1 : (ui->help_top < ui->rows / 2 ? ui->help_top : ui->rows / 2);
	else if (a == A_FIRST)
		ui->help_top = 0;
	else if (a == A_LAST)
		ui->help_top = 1 << 20; /* drawing stops it at the last line */
	ui->dirty = D_ALL;
	return 1;
}

/* Tab, Shift-Tab and 1-4: another pane, as it is in the file now (another
 * rapport may have written to it), keeping its place. */
static int focus_answers(struct ui *ui, int key)
{
	int old_focus = ui->focus;
	struct rp_err err;
	switch (keys_action(key, key_context(ui))) {
	case A_NEXT_PANE: ui->focus = (ui->focus + 1) % NPANES; break;
	case A_PREV_PANE: ui->focus = (ui->focus + NPANES - 1) % NPANES; break;
	case A_PANE_PEOPLE: ui->focus = 0; break;
	case A_PANE_GOALS: ui->focus = 1; break;
	case A_PANE_MEETINGS: ui->focus = 2; break;
	case A_PANE_THANKS: ui->focus = 3; break;
	default: return 0;
	}
	if (ui->focus != old_focus) {
		if (pane_load(ui->db, ui_focused(ui), &err) != RP_OK)
			ui_error(ui, &err);
		ui->detail.id = 0;
	}
	ui->dirty |= D_PANE(old_focus) | D_PANE(ui->focus) | D_DETAIL | D_BOTTOM | D_TOP;
	return 1;
}

/* The cursor: in the focused pane, or in the view. */
static int cursor_answers(struct ui *ui, int key)
{
	enum action a = keys_action(key, key_context(ui));
	struct rp_err err;
	if (a != A_DOWN && a != A_UP && a != A_FIRST && a != A_LAST && a != A_PAGE_DOWN &&
	    a != A_PAGE_UP)
		return 0;
	if (ui->screen != SCREEN_MAIN) {
		if (detail_move(ui->db, &ui->detail, a, ui->rows - 2, &err) != RP_OK)
			ui_error(ui, &err);
		ui->dirty |= D_DETAIL | D_BOTTOM; /* the hint names the highlighted item */
	} else {
		if (pane_move(ui->db, ui_focused(ui), a, &err) != RP_OK)
			ui_error(ui, &err);
		ui->dirty |= D_PANE(ui->focus) | D_DETAIL;
	}
	return 1;
}

/* d: to the trash, asking first when other rows go with it */
static void delete_target(struct ui *ui)
{
	enum kind_id kind;
	int64_t id;
	char with[300], stays[300], what[300];
	struct rp_err err;
	if (!ui_target(ui, &kind, &id))
		return;
	if (rec_trash_goes_with(ui->db, kind, id, with, sizeof with, &err) != RP_OK ||
	    rec_trash_leaves(ui->db, kind, id, stays, sizeof stays, &err) != RP_OK) {
		ui_error(ui, &err);
		return;
	}
	if (!with[0] && !stays[0]) {
		trash(ui, kind, id);
		return;
	}
	describe_id(ui->db, kind, id, what, sizeof what);
	ui_ask(ui, trash, kind, id, "Delete %s %s%s%s?%s%s%s", kind_get(kind)->name, what,
	       with[0] ? ", and with it " : "", with, stays[0] ? " (staying: " : "", stays,
	       stays[0] ? ", naming no one once the trash is emptied)" : "");
}

/* A key no action has here: name it (a terminal may send F12 for what the
 * user thinks is another key) and the key that shows them all, as bound. */
static void say_not_a_key(struct ui *ui, int key)
{
	char name[32], help[64], *space;
	keys_label(key, name, sizeof name);
	keys_names(A_HELP, help, sizeof help);
	space = strchr(help, ' ');
	if (space)
		*space = '\0';
	if (help[0])
		ui_message(ui, 0, "%s is not a key here: %s shows every key", name, help);
	else
		ui_message(ui, 0, "%s is not a key here (no key shows the keys: see [keys])", name);
}

/* The lists and views: every other action of the key table. */
static int action_answers(struct ui *ui, int key)
{
	enum action a = keys_action(key, key_context(ui));
	enum kind_id kind;
	int64_t id;
	switch (a) {
	case A_QUIT: ui->quit = 1; break;
	case A_BACK: back_to_main(ui); break;
	case A_HELP:
		ui->screen = SCREEN_HELP;
		ui->help_top = 0;
		ui->dirty = D_ALL;
		break;
	case A_OPEN:
		if (ui->screen == SCREEN_MAIN)
			open_view(ui);
		else
			jump_to_item(ui);
		break;
	case A_TODAY: ui_today_build(ui); break;
	case A_CHECKIN: ui_checkin(ui); break;
	case A_SNOOZE: ui_snooze(ui); break;
	case A_SEARCH: ui_search_open(ui); break;
	case A_FILTER: ui_prompt_open(ui, PROMPT_FILTER); break;
	case A_EXPORT: ui_prompt_open(ui, PROMPT_EXPORT); break;
	case A_NEXT_HIT: ui_search_step(ui, 1); break;
	case A_PREV_HIT: ui_search_step(ui, -1); break;
	case A_ADD: act_add(ui); break;
	case A_EDIT: act_edit(ui); break;
	case A_DELETE: delete_target(ui); break;
	case A_UNDO: undo(ui); break;
	case A_TOGGLE_DONE:
		if (ui_target(ui, &kind, &id))
			toggle_done(ui, kind, id);
		break;
	case A_TRASH: ui_trash_build(ui); break;
	case A_RESTORE: ui_trash_act(ui, TRASH_RESTORE); break;
	case A_PURGE: ui_trash_act(ui, TRASH_PURGE); break;
	case A_EMPTY_TRASH: ui_trash_act(ui, TRASH_EMPTY); break;
	case A_MISSED:
		if (ui_target(ui, &kind, &id))
			mark_missed(ui, kind, id);
		break;
	case A_MEETING:
	case A_THANKS: act_meet_or_thank(ui, a); break;
	case A_REFRESH:
		clearok(curscr, TRUE);
		ui_reload(ui);
		break;
	default:
		if (key != (KEY_FLAG | KEY_RESIZE))
			say_not_a_key(ui, key);
	}
	return 1;
}

/* Who answers a key first: the modes that take every key, then the guard,
 * then the screens, the cursor and the actions. */
static int (*const answer_order[])(struct ui *, int) = {
	form_answers,  ask_answers, too_small_answers, search_answers, prompt_answers, read_only_answers,
	help_answers,  focus_answers,     cursor_answers, action_answers,
};

void ui_handle_key(struct ui *ui, int key)
{
	if (ui->msg[0]) {
		ui->msg[0] = '\0';
		ui->dirty |= D_BOTTOM;
	}
	for (size_t i = 0; i < sizeof answer_order / sizeof answer_order[0]; i++)
		if (answer_order[i](ui, key))
			return;
}
