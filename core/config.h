/* config.h - the settings file (INI, read with iniparser).  Every key is one
 * row of a table in config.c: {section, key, parser, default}.  A bad line or
 * value is reported with its place and the default is used: a broken config
 * never stops the program. */
#ifndef RAPPORT_CONFIG_H
#define RAPPORT_CONFIG_H

#include "db/err.h"

#define CONFIG_PATH_MAX 4096
#define CONFIG_MAX_PROBLEMS 16

/* A key of an open section ([keys], [colors]): the face that owns the names
 * checks them and reports with file and line. */
struct config_entry {
	char section[16];
	char key[64];
	char value[160];
	int line;
};
#define CONFIG_MAX_ENTRIES 96

struct config {
	char path[CONFIG_PATH_MAX];     /* the file read, for messages ("" if none) */
	char database[CONFIG_PATH_MAX]; /* [general] database; "" = the default file */
	int default_duration;           /* [meetings] default_duration, minutes */
	int due_soon_days;              /* [health] due_soon_days */
	int thanks_after_days;          /* [health] thanks_after_days */
	int thanks_window_days;         /* [health] thanks_window_days */
	int adherence_days;             /* [health] adherence_days */
	int snooze_days;                /* [health] snooze_days */
	unsigned thank_roles;           /* [health] thank_roles: bit i for the person kind's role i */
	int checkin_off;                /* [ui] checkin = off: no check-in on Today */
	int start_today;                /* [ui] start = today (else main) */
	int backup_daily;               /* [backup] daily */
	int backup_keep;                /* [backup] keep */
	/* the file sets a database that could not be read (a bad value, or a
	 * line that could not be parsed): no other may be opened in its place */
	int database_unread;
	int nentries;
	struct config_entry entries[CONFIG_MAX_ENTRIES];
};

/* What was wrong with the file, one "path:line: problem" per entry. */
struct config_report {
	int n;       /* problems found (may exceed what is kept) */
	char problem[CONFIG_MAX_PROBLEMS][640];
};

void config_defaults(struct config *cfg);
/* The bit of a person's role in thank_roles (0 for no such role). */
unsigned config_role_bits(const char *role);
/* Read path into cfg (defaults first).  A missing file is fine unless
 * must_exist; every other trouble goes into rep and returns RP_OK. */
int config_load(const char *path, int must_exist, struct config *cfg, struct config_report *rep,
                struct rp_err *err);

#endif
