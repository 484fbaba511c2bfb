/* kind.h - what rapport keeps, described once: every kind of row, its fields,
 * their types and rules.  The command line, JSON, validation and (later) the
 * forms all read these tables instead of repeating them. */
#ifndef RAPPORT_KIND_H
#define RAPPORT_KIND_H

#include <stddef.h>

#include "core/when.h"

enum kind_id { K_PERSON, K_GOAL, K_MILESTONE, K_MEETING, K_ACTION, K_GRATITUDE, K_CHECKIN, K_COUNT };
/* No kind: a line of a view that names no row, a search of every kind. */
#define K_NONE K_COUNT

enum field_type {
	F_TEXT,     /* one line, trimmed */
	F_LONGTEXT, /* free text, newlines allowed */
	F_INT,      /* whole number within [min, max] */
	F_CHOICE,   /* one of choices[] */
	F_DATE,     /* calendar day 'YYYY-MM-DD' */
	F_INSTANT,  /* unix seconds */
	F_REF,      /* id of a row of kind `ref` */
	F_BOOL,     /* 0 or 1 */
	F_TAGS,     /* comma-separated words */
};

enum field_flags {
	FF_REQUIRED = 1, /* may not be empty */
	FF_PARENT = 2,   /* the row belongs to this reference (filters, trash cascade) */
	FF_EMAIL = 4,    /* must look like an e-mail address */
	FF_HIDDEN = 8,   /* kept by the program, not shown in forms */
	FF_SEARCH = 16,  /* its words are in the search index (core/search_index.c) */
	FF_PAST = 32,    /* a day that has come: "5 jan" is the last one, a later day refused */
	FF_NEAREST = 64, /* logged after or planned before: "5 jan" is the nearer one */
	FF_PERCENT = 128, /* a whole number shown as "50%" (and "50%" typed is 50) */
};

struct field {
	const char *col;   /* column name, also the JSON key */
	const char *opt;   /* command-line option (without --) */
	const char *label; /* for people */
	enum field_type type;
	unsigned flags;
	const char *const *choices; /* F_CHOICE: NULL-terminated */
	long min, max;              /* F_INT: range; text: max bytes */
	enum kind_id ref;           /* F_REF */
	const char *def;            /* value given on insert when none is, or NULL */
};

/* What a column of `rapport list` shows after the id: a field of the row
 * (formatted by its type), or a fact read for the page beside the rows
 * (core/listfacts.c), or a meeting's state (health_meeting_word). */
enum list_show { LS_FIELD, LS_LAST_MET, LS_PROGRESS, LS_WRITTEN, LS_STATE };
struct list_column {
	const char *head;
	int width; /* 0: the rest of the line (the last column) */
	enum list_show show;
	const char *field; /* LS_FIELD: by column name */
	const char *unit;  /* after a number ("d": days), or NULL */
};
#define LIST_MAX_COLS 6

struct kind {
	enum kind_id id;
	const char *name;   /* singular, as typed on the command line */
	const char *plural;
	const char *alias;  /* one more accepted name, or NULL */
	const char *noun, *nouns; /* in sentences ("thank-you note"); NULL: name, plural */
	const char *table;
	int title_field;    /* the field that names a row */
	const struct field *fields;
	int nfields;
	/* List order: order_field (or -1 for the id), then id, same direction. */
	int order_field;
	int order_desc;
	/* What done means: done_col holds done_yes, and done_no when it is
	 * undone (NULL done_col: the kind is never done). */
	const char *done_col, *done_yes, *done_no;
	/* Left empty, auto_col is filled from the instant in auto_from:
	 * auto_past once it has come, auto_future before (a meeting logged in
	 * the past happened, one to come is planned). */
	const char *auto_col, *auto_from, *auto_past, *auto_future;
	/* Shown inside its parent's view (a milestone in its goal's), with
	 * this heading and, in JSON, this key. */
	int shown_in_parent;
	const char *children_heading, *children_key;
	/* `rapport add KIND A B`: the fields A and B fill, by option name (NULL:
	 * none; a meeting takes only options). */
	const char *positional[2];
	/* The columns `rapport list` prints after the id. */
	const struct list_column *list;
	int nlist;
};

#define KIND_MAX_FIELDS 16

const struct kind *kind_get(enum kind_id id);
/* Fields of these types hold text (the rest hold numbers). */
int kind_type_is_text(enum field_type t);
/* By singular, plural or alias name; NULL when unknown. */
const struct kind *kind_by_name(const char *name);
/* By table name (the search index keeps rows by it); NULL when unknown. */
const struct kind *kind_by_table(const char *table);
/* By option name or column name; returns the index or -1. */
int kind_field_index(const struct kind *k, const char *name);
/* The index of the FF_PARENT field, or -1. */
int kind_parent_field(const struct kind *k);
/* The kind of the FF_PARENT field's row (a milestone's goal), or NULL. */
const struct kind *kind_parent(const struct kind *k);
/* The kind a view of a row adds to: the first whose parent it is (a goal:
 * milestones; a meeting: action items; a person: meetings), or NULL. */
const struct kind *kind_first_child(const struct kind *parent);
/* Every kind, each after the kinds it refers to (a meeting after people):
 * the order an import writes in; backwards, the order a purge deletes in. */
void kind_order(enum kind_id out[K_COUNT]);
/* Is field the one the kind fills in by itself when left empty? */
int kind_is_auto(const struct kind *k, int field);
/* Can a row of this kind be done (x on the screen, rapport done)? */
int kind_can_be_done(const struct kind *k);
/* The kinds `which` picks, by name (or plural), joined by ", " and last:
 * "goal, milestone, meeting or action". */
void kind_list_text(int (*which)(const struct kind *), int plural, const char *last,
                    char *buf, size_t n);
/* The index of the first field referring to kind `ref`, or -1. */
int kind_ref_field(const struct kind *k, enum kind_id ref);
/* May the command-line option be given more than once (each --tag adds a
 * tag)?  Every other option is given once. */
int kind_option_repeats(const char *opt);
/* How a day without its year (or a weekday) is read in a date or time
 * field: ahead unless the field says otherwise (when.h). */
enum when_dir kind_when_dir(const struct field *f);
/* "mentor, mentee or peer" */
void kind_choices_text(const struct field *f, char *buf, unsigned long n);

#endif
