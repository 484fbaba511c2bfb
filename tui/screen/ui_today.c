/* ui_today.c - the Today screen, the daily check-in and snoozing a person:
 * the parts of the UI that tend relationships day by day. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/checkin.h"
#include "core/when.h"
#include "core/clock.h"
#include "core/today.h"
#include "tui/colors.h"
#include "tui/today_text.h"
#include "tui/screen/ui.h"

static void today_line(const char *line, int role, enum kind_id kind, int64_t id, void *ctx)
{
	detail_add(ctx, line, role, kind, id);
}

/* Check-ins of the last 12 weeks, a column a week (Monday on top), a cell
 * a day: its height is the mood, so it reads without colours too. */
static void add_heatmap(struct ui *ui, struct rp_err *err)
{
	static const char *const cells[] = {"\xc2\xb7", "\xe2\x96\x81", "\xe2\x96\x82",
	                                    "\xe2\x96\x84", "\xe2\x96\x86", "\xe2\x96\x88"};
	static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
	int moods[84], n;
	struct tm tm;
	char line[256];
	local_tm(clock_now(), &tm);
	n = 77 + (tm.tm_wday + 6) % 7 + 1; /* eleven whole weeks and this one so far */
	if (health_moods(ui->db, n, moods, err) != RP_OK)
		return;
	detail_add(&ui->detail, "", R_NORMAL, K_NONE, 0);
	detail_add(&ui->detail, "Check-ins, the last 12 weeks (taller: a better mood)", R_HEADER,
	           K_NONE, 0);
	for (int r = 0; r < 7; r++) {
		size_t used = (size_t)snprintf(line, sizeof line, "  %s ", days[r]);
		for (int w = 0; w < 12; w++) {
			int i = w * 7 + r;
			used += (size_t)snprintf(line + used, sizeof line - used, "%s ",
			                         i < n ? cells[moods[i]] : " ");
		}
		detail_add(&ui->detail, line, R_NORMAL, K_NONE, 0);
	}
}

/* (Re)build the Today screen, keeping the cursor where it was. */
void ui_today_build(struct ui *ui)
{
	struct today t;
	struct rp_err err;
	int top = ui->detail.top, cursor = ui->detail.cursor;
	int again = ui->screen == SCREEN_TODAY && ui->detail.kind == K_NONE;
	detail_reset(&ui->detail, K_NONE, -1, ui->cols - 1);
	if (today_load(ui->db, ui->cfg, &t, &err) != RP_OK) {
		ui_error(ui, &err);
	} else {
		today_text(ui->db, &t, ui->detail.width, today_line, &ui->detail);
		if (!ui->cfg->checkin_off)
			add_heatmap(ui, &err);
	}
	today_free(&t);
	ui->screen = SCREEN_TODAY;
	ui->detail.top = again && top < ui->detail.n ? top : 0;
	ui->detail.cursor = again && cursor < ui->detail.n ? cursor : 0;
	ui->dirty = D_ALL;
}

void ui_checkin(struct ui *ui)
{
	struct rec r;
	struct rp_err err;
	char today[DATE_LEN];
	int rc;
	date_today(clock_now(), today);
	rc = checkin_of_day(ui->db, today, &r, &err);
	if (rc == RP_OK) {
		ui_edit_form(ui, &r); /* one a day: reopening edits it */
		rec_free(&r);
		return;
	}
	if (rc != RP_ENOTFOUND) {
		ui_error(ui, &err);
		return;
	}
	rec_free(&r);
	rec_init(&r, K_CHECKIN);
	if (rec_set(ui->db, &r, kind_field_index(r.kind, "day"), today, &err) != RP_OK) {
		ui_error(ui, &err);
	} else {
		ui_new_form(ui, K_CHECKIN, &r);
	}
	rec_free(&r);
}

void ui_snooze(struct ui *ui)
{
	enum kind_id kind;
	int64_t id;
	struct rec r, before;
	struct rp_err err;
	char days[16];
	if (!ui_target(ui, &kind, &id) || kind != K_PERSON) {
		ui_message(ui, 1, "z puts off a person who is due for contact");
		return;
	}
	if (rec_get(ui->db, K_PERSON, id, &r, &err) != RP_OK) {
		ui_error(ui, &err);
		return;
	}
	rec_init(&before, K_PERSON);
	rec_copy_fields(&before, &r, NULL);
	snprintf(days, sizeof days, "+%dd", ui->cfg->snooze_days);
	if (rec_set(ui->db, &r, kind_field_index(r.kind, "snoozed_until"), days, &err) != RP_OK ||
	    rec_update(ui->db, &r, &err) != RP_OK) {
		ui_error(ui, &err);
		rec_free(&before);
	} else {
		char until[32];
		fmt_date(rec_str(&r, kind_field_index(r.kind, "snoozed_until")), until, sizeof until);
		ui_set_undo(ui, UNDO_EDIT, K_PERSON, id, &before);
		ui_message(ui, 0, "%s is put off until %s (u undoes)", rec_str(&r, 0), until);
		ui_reload(ui);
	}
	rec_free(&r);
}

