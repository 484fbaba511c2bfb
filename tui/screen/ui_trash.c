/* ui_trash.c - the trash screen: what was deleted, by kind (people first), to
 * bring back (r) or to delete for good (P one, C-x all, each asked). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/describe.h"
#include "core/when.h"
#include "tui/colors.h"
#include "tui/screen/ui.h"

#define TRASH_ROWS 200 /* per kind: a trash is emptied long before that */

/* Is r's parent in the trash too (it went there with it)? */
static int went_with_parent(struct db *db, const struct rec *r)
{
	int pf = kind_parent_field(r->kind);
	struct rec parent;
	int in_trash;
	if (pf < 0 || rec_is_null(r, pf) ||
	    rec_get(db, r->kind->fields[pf].ref, rec_int(r, pf), &parent, NULL) != RP_OK)
		return 0;
	in_trash = parent.deleted_at != 0;
	rec_free(&parent);
	return in_trash;
}

static int add_kind(struct ui *ui, enum kind_id kind, struct rp_err *err)
{
	const struct kind *k = kind_get(kind);
	struct rec_query q = {.filter_field = -1, .trash = 1, .limit = TRASH_ROWS};
	struct rec_page page;
	char what[300], when[40], line[400];
	int shown = 0;
	if (rec_list(ui->db, kind, &q, &page, err) != RP_OK)
		return -1;
	for (int i = 0; i < page.n; i++) {
		const struct rec *r = &page.rows[i];
		if (went_with_parent(ui->db, r)) /* it comes back with its parent */
			continue;
		if (shown++ == 0) {
			detail_add(&ui->detail, "", R_NORMAL, K_NONE, 0);
			char head[64];
			snprintf(head, sizeof head, "%s", k->nouns ? k->nouns : k->plural);
			head[0] = (char)toupper((unsigned char)head[0]); /* "People", "Thank-you notes" */
			detail_add(&ui->detail, head, R_HEADER, K_NONE, 0);
		}
		describe_id(ui->db, kind, r->id, what, sizeof what);
		fmt_instant(r->deleted_at, when, sizeof when);
		snprintf(line, sizeof line, "  %s  deleted %s", what, when);
		detail_add(&ui->detail, line, R_NORMAL, kind, r->id);
	}
	rec_page_free(&page);
	return shown;
}

void ui_trash_build(struct ui *ui)
{
	struct rp_err err;
	int again = ui->screen == SCREEN_TRASH, top = ui->detail.top, cursor = ui->detail.cursor;
	int any = 0, rc;
	enum kind_id order[K_COUNT];
	detail_reset(&ui->detail, K_NONE, -1, ui->cols - 1);
	detail_add(&ui->detail, "The trash: what was deleted (r brings it back, P deletes it for good,"
	                        " C-x empties the trash)",
	           R_TITLE, K_NONE, 0);
	kind_order(order);
	for (int i = 0; i < K_COUNT; i++) {
		if ((rc = add_kind(ui, order[i], &err)) < 0) {
			ui_error(ui, &err);
			break;
		}
		any += rc > 0;
	}
	if (!any)
		detail_add(&ui->detail, "  The trash is empty.", R_MUTED, K_NONE, 0);
	ui->screen = SCREEN_TRASH;
	ui->detail.top = again && top < ui->detail.n ? top : 0;
	ui->detail.cursor = again && cursor < ui->detail.n ? cursor : 0;
	ui->dirty = D_ALL;
}

static void purge_confirmed(struct ui *ui, enum kind_id kind, int64_t id)
{
	struct rp_err err;
	if (rec_purge_one(ui->db, kind, id, &err) != RP_OK) {
		ui_error(ui, &err);
		return;
	}
	ui_reload(ui);
	ui_message(ui, 0, "Deleted %s #%lld for good", kind_get(kind)->name, (long long)id);
}

static void empty_confirmed(struct ui *ui, enum kind_id kind, int64_t id)
{
	struct rp_err err;
	long n;
	(void)kind;
	(void)id;
	if (rec_purge(ui->db, &n, &err) != RP_OK) {
		ui_error(ui, &err);
		return;
	}
	ui_reload(ui);
	ui_message(ui, 0, "Deleted %ld row%s for good: the trash is empty", n, n == 1 ? "" : "s");
}

void ui_trash_act(struct ui *ui, int what)
{
	enum kind_id kind;
	int64_t id;
	char desc[300];
	struct rp_err err;
	if (ui->screen != SCREEN_TRASH) {
		ui_message(ui, 1, "That key works in the trash (D shows it)");
		return;
	}
	if (what == TRASH_EMPTY) {
		ui_ask(ui, empty_confirmed, K_NONE, 0, "Delete everything in the trash for good?");
		return;
	}
	if (!detail_item(&ui->detail, &kind, &id)) {
		ui_message(ui, 1, "Nothing is highlighted: j and k go from item to item");
		return;
	}
	describe_id(ui->db, kind, id, desc, sizeof desc);
	if (what == TRASH_PURGE) {
		ui_ask(ui, purge_confirmed, kind, id, "Delete %s %s for good (no undo)?", kind_get(kind)->name,
		       desc);
		return;
	}
	if (rec_restore(ui->db, kind, id, &err) != RP_OK) {
		ui_error(ui, &err);
		return;
	}
	ui_reload(ui);
	ui_message(ui, 0, "Restored %s %s", kind_get(kind)->name, desc);
}
