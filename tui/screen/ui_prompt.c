/* ui_prompt.c - one-line questions on the bottom line: filter a pane by a
 * person (f), export to a file (E). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/interchange.h"
#include "core/outfile.h"
#include "core/paths.h"
#include "core/person.h"
#include "core/report.h"
#include "core/when.h"
#include "tui/colors.h"
#include "tui/keys.h"
#include "tui/text.h"
#include "tui/screen/ui.h"

void ui_prompt_free(struct ui *ui)
{
	lineedit_free(&ui->prompt.ed);
	memset(&ui->prompt, 0, sizeof ui->prompt);
}

/* "Dr. Jane Okafor" -> "rapport-dr-jane-okafor.md" */
static void file_for(const char *name, char *out, size_t n)
{
	size_t o = (size_t)snprintf(out, n, "rapport-");
	int dash = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && o + 5 < n; p++) {
		if (isalnum(*p) || *p >= 0x80) {
			out[o++] = (char)tolower(*p);
			dash = 0;
		} else if (!dash && o > 8) {
			out[o++] = '-';
			dash = 1;
		}
	}
	while (o > 8 && out[o - 1] == '-')
		o--;
	snprintf(out + o, n - o, ".md");
}

void ui_prompt_open(struct ui *ui, int purpose)
{
	struct pane *p = &ui->panes[ui->focus];
	const struct rec *sel = p->page.n ? &p->page.rows[p->cursor] : NULL;
	char start[300] = "";
	lineedit_free(&ui->prompt.ed);
	ui->prompt.purpose = purpose;
	if (purpose == PROMPT_FILTER) {
		struct rp_err err;
		if (p->filter_id || p->filter_text) { /* f again: everything */
			p->filter_id = 0;
			p->filter_field = -1;
			if (pane_filter_text(ui->db, p, NULL, &err) != RP_OK)
				ui_error(ui, &err);
			ui_reload(ui);
			ui_message(ui, 0, "%s: all of them again", p->title);
			return;
		}
		snprintf(ui->prompt.label, sizeof ui->prompt.label,
		         p->kind == K_PERSON ? "%s whose text has: "
		                             : "%s of a person (a part of a name), or /words: ",
		         p->title);
	} else {
		char day[DATE_LEN];
		if (p->kind == K_PERSON && sel) {
			file_for(rec_str(sel, 0), start, sizeof start);
			snprintf(ui->prompt.label, sizeof ui->prompt.label, "Report on %s to: ",
			         rec_str(sel, 0));
		} else {
			date_today(clock_now(), day);
			snprintf(start, sizeof start, "rapport-export-%s.json", day);
			snprintf(ui->prompt.label, sizeof ui->prompt.label, "Everything (JSON) to: ");
		}
	}
	lineedit_init(&ui->prompt.ed, start, 1024);
	ui->prompt.active = 1;
	ui->dirty |= D_BOTTOM;
}

static void do_filter(struct ui *ui)
{
	struct pane *p = &ui->panes[ui->focus];
	const char *typed = ui->prompt.ed.buf;
	struct rp_err err;
	int64_t id;
	int rc = RP_ENOTFOUND;
	if (!*typed)
		return;
	/* a person, unless it is /words, or nobody has that name */
	if (p->kind != K_PERSON && *typed != '/')
		rc = person_resolve(ui->db, typed, &id, &err);
	if (rc == RP_EAMBIG) {
		ui_error(ui, &err);
		return;
	}
	if (rc != RP_OK) {
		if (pane_filter_text(ui->db, p, *typed == '/' ? typed + 1 : typed, &err) != RP_OK)
			ui_error(ui, &err);
		else
			ui_message(ui, 0, "%s: %d matching; f shows all again", p->title, p->nmatch);
		ui->dirty = D_ALL;
		return;
	}
	p->filter_field = kind_ref_field(kind_get(p->kind), K_PERSON);
	p->filter_id = id;
	person_name(ui->db, id, p->filter_name, sizeof p->filter_name);
	p->has_top = 0;
	rec_key_free(&p->top);
	ui_reload(ui);
	ui_message(ui, 0, "%s with %s; f shows all again", p->title, p->filter_name);
}

/* Write the export to ui->prompt.path (asked about already if it was there). */
static void write_export(struct ui *ui, enum kind_id kind, int64_t id)
{
	struct rp_err err;
	struct outfile out;
	int rc;
	if (outfile_open(&out, ui->db, ui->prompt.path, &err) != RP_OK || out.f == stdout) {
		ui_error(ui, &err);
		return;
	}
	if (kind == K_PERSON && id)
		rc = report_md(ui->db, ui->cfg, id, 0, out.f, &err);
	else
		rc = export_json(ui->db, out.f, &err);
	if (outfile_close(&out, rc == RP_OK, &err) != RP_OK)
		ui_error(ui, &err);
	else
		ui_message(ui, 0, "Wrote %s", ui->prompt.path);
}

static void do_export(struct ui *ui)
{
	struct pane *p = &ui->panes[ui->focus];
	const struct rec *sel = p->page.n ? &p->page.rows[p->cursor] : NULL;
	const char *typed = ui->prompt.ed.buf;
	char path[4096], cwd[4096];
	struct rp_err err;
	struct stat st;
	enum kind_id kind = p->kind == K_PERSON && sel ? K_PERSON : K_NONE;
	int64_t id = kind == K_PERSON ? sel->id : 0;
	if (!*typed || strcmp(typed, "-") == 0) { /* stdout is the screen here */
		ui_message(ui, 1, "No file name: nothing written");
		return;
	}
	if (paths_expand(typed, path, sizeof path, &err) != RP_OK) { /* ~/ as in the config */
		ui_error(ui, &err);
		return;
	}
	/* the whole path, said after: a name alone is in the folder rapport
	 * was started in, which the screen does not show */
	if (path[0] != '/' && getcwd(cwd, sizeof cwd))
		snprintf(ui->prompt.path, sizeof ui->prompt.path, "%s/%s", cwd, path);
	else
		snprintf(ui->prompt.path, sizeof ui->prompt.path, "%s", path);
	if (outfile_check(ui->db, ui->prompt.path, &err) != RP_OK) { /* refused before asked */
		ui_error(ui, &err);
		return;
	}
	if (stat(ui->prompt.path, &st) == 0 && S_ISREG(st.st_mode)) {
		ui_ask(ui, write_export, kind, id, "%s is there already: write over it?", ui->prompt.path);
		return;
	}
	write_export(ui, kind, id);
}

void ui_prompt_key(struct ui *ui, int key)
{
	ui->dirty |= D_BOTTOM;
	if (key == 27) {
		ui->prompt.active = 0;
		return;
	}
	if (key == '\n' || key == '\r' || key == (KEY_FLAG | KEY_ENTER)) {
		ui->prompt.active = 0;
		if (ui->prompt.purpose == PROMPT_FILTER)
			do_filter(ui);
		else
			do_export(ui);
		return;
	}
	lineedit_key(&ui->prompt.ed, key);
}

void ui_prompt_draw(struct ui *ui)
{
	char out[1024];
	int col, lw = text_width(ui->prompt.label);
	werase(ui->bottom);
	wattrset(ui->bottom, color_attr(R_HEADER));
	mvwaddstr(ui->bottom, 0, 1, ui->prompt.label);
	wattrset(ui->bottom, A_NORMAL);
	lineedit_view(&ui->prompt.ed, ui->cols - lw - 3, out, sizeof out, &col);
	mvwaddstr(ui->bottom, 0, 1 + lw, out);
	wmove(ui->bottom, 0, 1 + lw + col);
	wnoutrefresh(ui->bottom);
}
