/* keys.c - see keys.h. */
#include "tui/keys.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

static const struct key_def table[] = {
	{A_QUIT, "quit", "q", KC_MAIN, 0, 1, "quit (everything is already saved)"},
	{A_HELP, "help", "? F1", KC_MAIN | KC_VIEW, 0, 1, "this help"},
	{A_NEXT_PANE, "next-pane", "Tab", KC_MAIN, 0, 0, "next pane"},
	{A_PREV_PANE, "prev-pane", "S-Tab", KC_MAIN, 0, 0, "previous pane"},
	{A_PANE_PEOPLE, "people", "1", KC_MAIN, 0, 0, "go to the people (Mentors, Mentees or People)"},
	{A_PANE_GOALS, "goals", "2", KC_MAIN, 0, 0, "go to Goals"},
	{A_PANE_MEETINGS, "meetings", "3", KC_MAIN, 0, 0, "go to Meetings"},
	{A_PANE_THANKS, "thanks", "4", KC_MAIN, 0, 0, "go to Gratitude"},
	{A_DOWN, "down", "j Down", KC_MAIN | KC_VIEW, 0, 0, "move down"},
	{A_UP, "up", "k Up", KC_MAIN | KC_VIEW, 0, 0, "move up"},
	{A_FIRST, "first", "g Home", KC_MAIN | KC_VIEW, 0, 0, "go to the first"},
	{A_LAST, "last", "G End", KC_MAIN | KC_VIEW, 0, 0, "go to the last"},
	{A_PAGE_DOWN, "page-down", "PgDn C-f", KC_MAIN | KC_VIEW, 0, 0, "one page down"},
	{A_PAGE_UP, "page-up", "PgUp C-b", KC_MAIN | KC_VIEW, 0, 0, "one page up"},
	{A_OPEN, "open", "Enter", KC_MAIN | KC_VIEW, 0, 1,
	 "open the item full screen (a person: the timeline); in a view: go to it in its pane"},
	{A_TODAY, "today", "T", KC_MAIN | KC_VIEW, 0, 1,
	 "the Today screen: who is due, thanks owed, open actions, the check-in"},
	{A_CHECKIN, "checkin", "c", KC_MAIN | KC_VIEW, 1, 1,
	 "today's check-in: mood (one key, 1-5), what I did, next step, a goal"},
	{A_ADD, "add", "a", KC_MAIN | KC_VIEW, 1, 1,
	 "add a row to the focused pane; in a goal's view a milestone, in a meeting's an action item"},
	{A_EDIT, "edit", "e", KC_MAIN | KC_VIEW, 1, 1, "edit the selected item"},
	{A_DELETE, "delete", "d", KC_MAIN | KC_VIEW, 1, 1, "delete (to the trash; u brings it back)"},
	{A_UNDO, "undo", "u", KC_MAIN | KC_VIEW, 1, 1, "undo the last add, edit, delete or done"},
	{A_TOGGLE_DONE, "done", "x", KC_MAIN | KC_VIEW, 1, 1,
	 "mark done or not done (goal, milestone, meeting, action item; a thank-you note: sent)"},
	{A_MISSED, "missed", "X", KC_MAIN | KC_VIEW, 1, 0,
	 "on a meeting: it did not take place (missed; the person is to reschedule)"},
	{A_MEETING, "meet", "m", KC_MAIN | KC_VIEW, 1, 1, "on a person: log or schedule a meeting"},
	{A_THANKS, "thank", "t", KC_MAIN | KC_VIEW, 1, 1, "on a person or meeting: write a thank-you note"},
	{A_SEARCH, "search", "/", KC_MAIN | KC_VIEW, 0, 1,
	 "search everything, results as you type (Enter goes to one, Esc closes)"},
	{A_NEXT_HIT, "next-hit", "n", KC_MAIN, 0, 0, "go to the next search result"},
	{A_PREV_HIT, "prev-hit", "N", KC_MAIN, 0, 0, "go to the previous search result"},
	{A_FILTER, "filter", "f", KC_MAIN, 0, 0,
	 "show only the goals, meetings or notes of one person (f again: all)"},
	{A_EXPORT, "export", "E", KC_MAIN, 0, 0,
	 "write the selected person's report (Markdown), or everything (JSON), to a file"},
	{A_SNOOZE, "snooze", "z", KC_MAIN | KC_VIEW, 1, 0,
	 "on a person due for contact: put it off ([health] snooze_days)"},
	{A_TRASH, "trash", "D", KC_MAIN | KC_VIEW, 0, 0,
	 "the trash: what was deleted, to bring back or to delete for good"},
	{A_RESTORE, "restore", "r", KC_VIEW, 1, 0, "in the trash: bring the highlighted back"},
	{A_PURGE, "purge", "P", KC_VIEW, 1, 0, "in the trash: delete the highlighted for good (asks)"},
	{A_EMPTY_TRASH, "empty-trash", "C-x", KC_VIEW, 1, 0,
	 "in the trash: delete everything in it for good (asks)"},
	{A_REFRESH, "refresh", "C-l", KC_MAIN | KC_VIEW, 0, 0, "reload and redraw"},
	{A_BACK, "back", "Esc q", KC_VIEW, 0, 1, "back to the lists"},
	{A_FORM_NEXT, "next-field", "Tab Down", KC_FORM, 0, 1, "next field"},
	{A_FORM_PREV, "prev-field", "S-Tab Up", KC_FORM, 0, 0, "previous field"},
	{A_FORM_SAVE, "save", "Enter", KC_FORM, 0, 1, "save the form"},
	{A_FORM_CANCEL, "cancel", "Esc", KC_FORM, 0, 1, "close the form (asks if something changed)"},
	{A_FORM_EDITOR, "editor", "C-e", KC_FORM, 0, 1, "edit a long text in $VISUAL or $EDITOR"},
	{A_CHOICE_NEXT, "choice-next", "Right", KC_FORM, 0, 0, "next choice (or type its first letter)"},
	{A_CHOICE_PREV, "choice-prev", "Left", KC_FORM, 0, 0, "previous choice"},
};
#define NDEFS (int)(sizeof table / sizeof table[0])

#define MAX_BINDINGS 160
static struct binding {
	int key;
	enum action action;
} bindings[MAX_BINDINGS];
static int nbindings;

static const struct {
	const char *name;
	int key;
} named[] = {
	{"Tab", '\t'},
	{"S-Tab", KEY_FLAG | KEY_BTAB},
	{"Enter", '\n'},
	{"Esc", 27},
	{"Space", ' '},
	{"Up", KEY_FLAG | KEY_UP},
	{"Down", KEY_FLAG | KEY_DOWN},
	{"Left", KEY_FLAG | KEY_LEFT},
	{"Right", KEY_FLAG | KEY_RIGHT},
	{"Home", KEY_FLAG | KEY_HOME},
	{"End", KEY_FLAG | KEY_END},
	{"PgUp", KEY_FLAG | KEY_PPAGE},
	{"PgDn", KEY_FLAG | KEY_NPAGE},
	{"Backspace", KEY_FLAG | KEY_BACKSPACE},
	{"Del", KEY_FLAG | KEY_DC},
	{"Ins", KEY_FLAG | KEY_IC},
};

/* C-c, C-z (signals), C-s, C-q (flow control): the terminal keeps them,
 * they never reach the program. */
static int terminal_keeps(int c) { return c == 'c' || c == 'z' || c == 's' || c == 'q'; }

/* "a", "?", "é", "Tab", "C-l", "F1": the key code, or -1 (also for a key
 * the terminal keeps).  C-m is Enter, C-i Tab, C-j Enter. */
static int parse_key(const char *name)
{
	wchar_t wc;
	mbstate_t st;
	size_t len;
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcasecmp(name, named[i].name) == 0)
			return named[i].key;
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3]) {
		int c = name[2] | 0x20;
		if (terminal_keeps(c))
			return -1;
		if (c == 'm') /* what Enter sends: the same key */
			return '\n';
		if (c >= 'a' && c <= 'z')
			return c & 0x1f;
		return -1;
	}
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		int n = atoi(name + 1);
		return n >= 1 && n <= 12 ? KEY_FLAG | KEY_F(n) : -1;
	}
	memset(&st, 0, sizeof st);
	len = mbrtowc(&wc, name, strlen(name), &st);
	if (len == 0 || len > 4 || name[len] != '\0' || wc <= ' ')
		return -1;
	return (int)wc;
}

void keys_label(int key, char *buf, unsigned long n)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].key == key) {
			snprintf(buf, n, "%s", named[i].name);
			return;
		}
	if (key > 0 && key < 32) {
		snprintf(buf, n, "C-%c", key | 0x60);
	} else if (key & KEY_FLAG) {
		int code = key & ~KEY_FLAG;
		if (code >= KEY_F(1) && code <= KEY_F(12))
			snprintf(buf, n, "F%d", code - KEY_F0);
		else
			snprintf(buf, n, "key%d", code);
	} else {
		mbstate_t st;
		char mb[8];
		size_t len;
		memset(&st, 0, sizeof st);
		len = wcrtomb(mb, (wchar_t)key, &st);
		snprintf(buf, n, "%.*s", len == (size_t)-1 ? 1 : (int)len, len == (size_t)-1 ? "?" : mb);
	}
}

static void bind(int key, enum action a)
{
	if (nbindings < MAX_BINDINGS) {
		bindings[nbindings].key = key;
		bindings[nbindings].action = a;
		nbindings++;
	}
}

/* Bind each key named in `keys`; returns the first name that is not a key. */
static const char *bind_all(const char *keys, enum action a, char *bad, size_t n)
{
	char copy[160], *save = NULL;
	snprintf(copy, sizeof copy, "%s", keys);
	for (char *t = strtok_r(copy, " ,", &save); t; t = strtok_r(NULL, " ,", &save)) {
		int key = parse_key(t);
		if (key < 0) {
			snprintf(bad, n, "%s", t);
			return bad;
		}
		bind(key, a);
	}
	return NULL;
}

static void unbind(enum action a)
{
	int out = 0;
	for (int i = 0; i < nbindings; i++)
		if (bindings[i].action != a)
			bindings[out++] = bindings[i];
	nbindings = out;
}

/* The keys the config cannot leave without one: the ways out, and a
 * form's save (before cancel: taking its keys back may leave cancel
 * with none, which then gets its own back). */
static const enum action way_out[] = {A_QUIT, A_BACK, A_FORM_SAVE, A_FORM_CANCEL};

static int is_way_out(enum action a)
{
	for (size_t w = 0; w < sizeof way_out / sizeof way_out[0]; w++)
		if (way_out[w] == a)
			return 1;
	return 0;
}

static int keys_of(enum action a)
{
	int n = 0;
	for (int i = 0; i < nbindings; i++)
		n += bindings[i].action == a;
	return n;
}

/* The config may move quit, back and a form's save and cancel to other
 * keys, but not leave one of them with none (no way out but Ctrl-C, a
 * form that cannot be saved): then its default keys come back to it,
 * taken from whatever had them. */
static void keep_a_way_out(const struct config *cfg, const int *took_line,
                           void (*report)(const char *msg))
{
	char msg[512], copy[160], *save = NULL;
	for (size_t w = 0; w < sizeof way_out / sizeof way_out[0]; w++) {
		const struct key_def *def = keys_def(way_out[w]);
		if (keys_of(def->action))
			continue;
		snprintf(copy, sizeof copy, "%s", def->keys);
		for (char *t = strtok_r(copy, " ,", &save); t; t = strtok_r(NULL, " ,", &save)) {
			int key = parse_key(t);
			for (int i = 0; i < nbindings; i++)
				if (bindings[i].key == key && (keys_def(bindings[i].action)->contexts & def->contexts))
					bindings[i].action = A_NONE;
			bind(key, def->action);
		}
		snprintf(msg, sizeof msg, "%s:%d: %s would be left without a key; %s kept for it",
		         cfg->path, took_line[def->action], def->name, def->keys);
		if (report)
			report(msg);
	}
}

void keys_init(const struct config *cfg, void (*report)(const char *msg))
{
	char msg[512], bad[64];
	int took_line[A_COUNT] = {0}; /* the [keys] line that last took keys from an action */
	nbindings = 0;
	for (int i = 0; i < NDEFS; i++)
		bind_all(table[i].keys, table[i].action, bad, sizeof bad);
	for (int e = 0; cfg && e < cfg->nentries; e++) {
		const struct config_entry *ent = &cfg->entries[e];
		const struct key_def *def = NULL;
		if (strcasecmp(ent->section, "keys") != 0)
			continue;
		for (int i = 0; i < NDEFS; i++)
			if (strcasecmp(table[i].name, ent->key) == 0)
				def = &table[i];
		if (!def) {
			snprintf(msg, sizeof msg, "%s:%d: %s: no such action (see the help screen, ?)",
			         cfg->path, ent->line, ent->key);
			if (report)
				report(msg);
			continue;
		}
		unbind(def->action);
		took_line[def->action] = ent->line;
		if (bind_all(ent->value, def->action, bad, sizeof bad)) {
			int kept = (bad[0] == 'C' || bad[0] == 'c') && bad[1] == '-' && bad[2] && !bad[3] &&
			           terminal_keeps(bad[2] | 0x20);
			snprintf(msg, sizeof msg, "%s:%d: %s: '%s' %s; default kept", cfg->path, ent->line,
			         ent->key, bad,
			         kept ? "never reaches rapport (the terminal keeps it)" : "is not a key name");
			if (report)
				report(msg);
			unbind(def->action);
			bind_all(def->keys, def->action, bad, sizeof bad);
			continue;
		}
		/* a key taken from another action in the same place is a mistake */
		for (int i = 0; i < nbindings; i++) {
			const struct key_def *other = keys_def(bindings[i].action);
			/* A_NONE: a key an earlier line took away, nobody's now */
			if (bindings[i].action == A_NONE || bindings[i].action == def->action ||
			    !(other->contexts & def->contexts))
				continue;
			for (int j = 0; j < nbindings; j++)
				if (bindings[j].action == def->action && bindings[j].key == bindings[i].key) {
					char kn[32];
					/* the last key of a way out stays where it is */
					int keep = is_way_out(other->action) && keys_of(other->action) == 1;
					keys_label(bindings[i].key, kn, sizeof kn);
					snprintf(msg, sizeof msg, "%s:%d: %s: %s also means %s; %s wins", cfg->path,
					         ent->line, ent->key, kn, other->name, keep ? other->name : def->name);
					if (keep)
						snprintf(msg + strlen(msg), sizeof msg - strlen(msg),
						         " (it is %s's only key)", other->name);
					if (report)
						report(msg);
					took_line[keep ? def->action : bindings[i].action] = ent->line;
					bindings[keep ? j : i].action = A_NONE;
				}
		}
	}
	if (cfg)
		keep_a_way_out(cfg, took_line, report);
}

enum action keys_action(int key, unsigned context)
{
	if (key == '\r' || key == (KEY_FLAG | KEY_ENTER))
		key = '\n';
	if (key == 127 || key == 8)
		key = KEY_FLAG | KEY_BACKSPACE;
	for (int i = 0; i < nbindings; i++)
		if (bindings[i].key == key && bindings[i].action != A_NONE &&
		    (keys_def(bindings[i].action)->contexts & context))
			return bindings[i].action;
	return A_NONE;
}

const struct key_def *keys_def(enum action a)
{
	for (int i = 0; i < NDEFS; i++)
		if (table[i].action == a)
			return &table[i];
	return &table[0];
}

void keys_names(enum action a, char *buf, unsigned long n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < nbindings && used < n; i++) {
		char kn[32];
		if (bindings[i].action != a)
			continue;
		keys_label(bindings[i].key, kn, sizeof kn);
		used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? " " : "", kn);
	}
}

void keys_hint_line(unsigned context, int readonly, char *buf, unsigned long n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < NDEFS && used < n; i++) {
		char names[64], *space;
		if (!table[i].hint || !(table[i].contexts & context) || (readonly && table[i].edits))
			continue;
		keys_names(table[i].action, names, sizeof names);
		if (!names[0])
			continue;
		space = strchr(names, ' '); /* the first key is enough here */
		if (space)
			*space = '\0';
		used += (size_t)snprintf(buf + used, n - used, "%s%s %s", used ? "  " : " ", names,
		                         table[i].name);
	}
}

void keys_help(void (*emit)(const char *line, int heading, void *ctx), void *ctx)
{
	static const struct {
		unsigned context;
		const char *title;
	} sections[] = {
		{KC_MAIN, "The lists"},
		{KC_VIEW, "A full-screen view (timeline, details, help), besides the moves above"},
		{KC_FORM, "A form (text fields also take Left Right Home End Backspace Del C-a C-e C-k C-u C-w)"},
	};
	char names[64], line[512];
	for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
		emit(sections[s].title, 1, ctx);
		for (int i = 0; i < NDEFS; i++) {
			unsigned c = table[i].contexts;
			/* in views, list only what differs from the lists */
			if (!(c & sections[s].context) || (sections[s].context == KC_VIEW &&
			                                   table[i].action >= A_DOWN && table[i].action <= A_PAGE_UP))
				continue;
			keys_names(table[i].action, names, sizeof names);
			snprintf(line, sizeof line, "  %-14s %-12s %s", names[0] ? names : "(none)",
			         table[i].name, table[i].help);
			emit(line, 0, ctx);
		}
	}
}

/* The next byte of a sequence already begun: it comes at once from a
 * terminal, so wait only briefly. */
static int next_byte(void)
{
	int c;
	timeout(100);
	c = getch();
	timeout(-1);
	return c;
}

int keys_read(void)
{
	int c = getch(), need;
	unsigned long cp;
	if (c == ERR)
		return -1;
	if (c >= KEY_MIN)
		return KEY_FLAG | c;
	if (c < 0x80)
		return c;
	if ((c & 0xE0) == 0xC0) {
		need = 1;
		cp = (unsigned long)(c & 0x1F);
	} else if ((c & 0xF0) == 0xE0) {
		need = 2;
		cp = (unsigned long)(c & 0x0F);
	} else if ((c & 0xF8) == 0xF0) {
		need = 3;
		cp = (unsigned long)(c & 0x07);
	} else {
		return -1; /* a continuation byte alone, or 0xF8-0xFF */
	}
	for (int i = 0; i < need; i++) {
		int b = next_byte();
		if (b == ERR)
			return -1;
		if (b >= KEY_MIN || (b & 0xC0) != 0x80) {
			ungetch(b & ~KEY_FLAG); /* not part of it: it is the next key */
			return -1;
		}
		cp = cp << 6 | (unsigned long)(b & 0x3F);
	}
	/* overlong forms, surrogates and what lies past Unicode are not text */
	if ((need == 1 && cp < 0x80) || (need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return -1;
	return (int)cp;
}

int keys_pending(void)
{
	int c;
	nodelay(stdscr, TRUE);
	c = getch();
	nodelay(stdscr, FALSE);
	if (c == ERR)
		return 0;
	ungetch(c);
	return 1;
}
