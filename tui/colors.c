#include "tui/colors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *name;
	const char *def;   /* "[attrs] fg [on bg]" */
	attr_t mono;       /* without colours */
} roles[R_COUNT] = {
	[R_NORMAL] = {"normal", "default", A_NORMAL},
	[R_TITLE] = {"title", "bold cyan", A_BOLD},
	[R_HEADER] = {"header", "bold", A_BOLD},
	[R_BORDER] = {"border", "default", A_NORMAL},
	[R_FOCUS] = {"focus", "bold cyan", A_BOLD},
	[R_SELECTION] = {"selection", "black on cyan", A_REVERSE},
	[R_MUTED] = {"muted", "dim", A_DIM},
	[R_DUE] = {"due", "yellow", A_BOLD},
	[R_OVERDUE] = {"overdue", "bold red", A_BOLD | A_UNDERLINE},
	[R_DONE] = {"done", "green", A_NORMAL},
	[R_ERROR] = {"error", "bold red", A_BOLD},
};

static attr_t attrs[R_COUNT];
static int enabled;

static int color_number(const char *name)
{
	static const char *const names[] = {"black", "red",     "green", "yellow",
	                                    "blue",  "magenta", "cyan",  "white"};
	if (strcasecmp(name, "default") == 0)
		return -1;
	for (int i = 0; i < 8; i++)
		if (strcasecmp(name, names[i]) == 0)
			return i;
	return -2;
}

/* "bold yellow on blue" -> attributes and a colour pair; -1 when bad. */
static int parse_spec(const char *spec, short pair, attr_t *out, char *bad, size_t n)
{
	char copy[160], *save = NULL;
	int fg = -1, bg = -1, seen_on = 0, seen_fg = 0;
	attr_t a = A_NORMAL;
	snprintf(copy, sizeof copy, "%s", spec);
	for (char *t = strtok_r(copy, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
		int c;
		if (strcasecmp(t, "bold") == 0)
			a |= A_BOLD;
		else if (strcasecmp(t, "dim") == 0)
			a |= A_DIM;
		else if (strcasecmp(t, "underline") == 0)
			a |= A_UNDERLINE;
		else if (strcasecmp(t, "reverse") == 0)
			a |= A_REVERSE;
		else if (strcasecmp(t, "on") == 0)
			seen_on = 1;
		else if ((c = color_number(t)) >= -1) {
			if (seen_on)
				bg = c;
			else if (!seen_fg) {
				fg = c;
				seen_fg = 1;
			} else {
				snprintf(bad, n, "two colours without 'on' between them");
				return -1;
			}
		} else {
			snprintf(bad, n, "'%s' is not a colour (default, black, red, green, yellow, blue,"
			         " magenta, cyan, white) or bold/dim/underline/reverse", t);
			return -1;
		}
	}
	if (enabled && (fg != -1 || bg != -1)) {
		init_pair(pair, (short)fg, (short)bg);
		a |= COLOR_PAIR(pair);
	}
	*out = a;
	return 0;
}

void colors_init(const struct config *cfg, void (*report)(const char *msg))
{
	const char *no_color = getenv("NO_COLOR");
	char bad[200], msg[600];
	enabled = has_colors() && !(no_color && *no_color);
	if (enabled) {
		start_color();
		use_default_colors();
	}
	for (int r = 0; r < R_COUNT; r++) {
		attrs[r] = roles[r].mono;
		if (enabled)
			parse_spec(roles[r].def, (short)(r + 1), &attrs[r], bad, sizeof bad);
	}
	for (int e = 0; cfg && e < cfg->nentries; e++) {
		const struct config_entry *ent = &cfg->entries[e];
		int r;
		if (strcasecmp(ent->section, "colors") != 0)
			continue;
		for (r = 0; r < R_COUNT && strcasecmp(roles[r].name, ent->key) != 0; r++)
			;
		if (r == R_COUNT) {
			snprintf(msg, sizeof msg,
			         "%s:%d: %s: no such colour role (normal, title, header, border, focus,"
			         " selection, muted, due, overdue, done, error)",
			         cfg->path, ent->line, ent->key);
			report(msg);
			continue;
		}
		if (!enabled)
			continue; /* checked above; nothing to paint with */
		if (parse_spec(ent->value, (short)(r + 1), &attrs[r], bad, sizeof bad) != 0) {
			snprintf(msg, sizeof msg, "%s:%d: %s: %s; default kept", cfg->path, ent->line,
			         ent->key, bad);
			report(msg);
			parse_spec(roles[r].def, (short)(r + 1), &attrs[r], bad, sizeof bad);
		}
	}
}

attr_t color_attr(enum role r) { return attrs[r]; }
