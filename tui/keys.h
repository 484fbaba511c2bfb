/* keys.h - every action of the full-screen UI, in one table: {action, name,
 * default keys, help}.  The hint line, the help screen and the config's
 * [keys] section all read it; the main loop is a switch over actions. */
#ifndef RAPPORT_KEYS_H
#define RAPPORT_KEYS_H

#include "core/config.h"

enum action {
	A_NONE = 0,
	/* lists (the main screen) */
	A_QUIT, A_HELP, A_NEXT_PANE, A_PREV_PANE, A_PANE_PEOPLE, A_PANE_GOALS, A_PANE_MEETINGS,
	A_PANE_THANKS, A_DOWN, A_UP, A_FIRST, A_LAST, A_PAGE_DOWN, A_PAGE_UP, A_OPEN, A_ADD, A_EDIT,
	A_DELETE, A_UNDO, A_TOGGLE_DONE, A_MISSED, A_MEETING, A_THANKS, A_REFRESH, A_TODAY, A_CHECKIN,
	A_SNOOZE, A_SEARCH, A_NEXT_HIT, A_PREV_HIT, A_FILTER, A_EXPORT, A_TRASH, A_RESTORE, A_PURGE,
	A_EMPTY_TRASH,
	/* a full-screen view (timeline, help) */
	A_BACK,
	/* forms */
	A_FORM_NEXT, A_FORM_PREV, A_FORM_SAVE, A_FORM_CANCEL, A_FORM_EDITOR, A_CHOICE_NEXT,
	A_CHOICE_PREV,
	A_COUNT
};

/* Where an action applies: a key may mean different things in each. */
enum key_context { KC_MAIN = 1, KC_VIEW = 2, KC_FORM = 4 };

/* A key as keys_read reports it: a character, or KEY_FLAG | a KEY_* code. */
#define KEY_FLAG 0x40000000

struct key_def {
	enum action action;
	const char *name;     /* for [keys] and the help screen */
	const char *keys;     /* default keys, space-separated key names */
	unsigned contexts;
	int edits;            /* changes data: off under --read-only */
	int hint;             /* shown on the hint line */
	const char *help;
};

/* Build the bindings from the defaults and cfg's [keys] entries; problems
 * are reported through report(path:line: ...). */
void keys_init(const struct config *cfg, void (*report)(const char *msg));
enum action keys_action(int key, unsigned context);
/* Wait for the next key: a character, KEY_FLAG | a KEY_* code, or -1 (no
 * key: a byte that was not UTF-8, dropped).  The terminal's bytes are
 * decoded here so that a bad sequence is dropped whole and what follows it
 * still comes through. */
int keys_read(void);
/* Whether a key is waiting (typed ahead, or the rest of a paste). */
int keys_pending(void);
const struct key_def *keys_def(enum action a);
/* The keys of an action as people read them ("j Down"), or "" if none. */
void keys_names(enum action a, char *buf, unsigned long n);
/* A key as the help writes it (q, C-x, F5, Enter) */
void keys_label(int key, char *buf, unsigned long n);
/* "a add  e edit ..." for a context, cut to width by the caller. */
void keys_hint_line(unsigned context, int readonly, char *buf, unsigned long n);
/* The help text, a line at a time: section headings and one line per
 * action ("  j Down         down          move down"), for the help screen
 * and `rapport keys`. */
void keys_help(void (*emit)(const char *line, int heading, void *ctx), void *ctx);

#endif
