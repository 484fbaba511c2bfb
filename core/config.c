/* config.c - see config.h.  iniparser 4.1 traps, avoided on purpose:
 * iniparser_getint crashes on a bare section such as [ui:width]
 * (CVE-2023-33461), so values are read as strings and parsed here; one syntax
 * error makes iniparser_load return NULL, and the only way to learn where is
 * its global error callback. */
#include "core/config.h"

#include "core/kind.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/paths.h"

struct key {
	const char *section, *name;
	int (*parse)(const char *value, void *dest, long min, long max, char *why, size_t n);
	size_t offset;
	long min, max;
};

static int parse_number(const char *value, void *dest, long min, long max, char *why, size_t n)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(value, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (errno || end == value || *end) {
		snprintf(why, n, "'%s' is not a whole number", value);
		return -1;
	}
	if (v < min || v > max) {
		snprintf(why, n, "%ld is out of range (%ld to %ld)", v, min, max);
		return -1;
	}
	*(int *)dest = (int)v;
	return 0;
}

/* [ui] start: the screen to open on */
static int parse_start(const char *value, void *dest, long min, long max, char *why, size_t n)
{
	(void)min;
	(void)max;
	if (strcasecmp(value, "today") == 0 || strcasecmp(value, "main") == 0) {
		*(int *)dest = strcasecmp(value, "today") == 0;
		return 0;
	}
	snprintf(why, n, "'%s' is not main or today", value);
	return -1;
}

static int parse_bool(const char *value, void *dest, long min, long max, char *why, size_t n)
{
	(void)min;
	(void)max;
	if (strcasecmp(value, "true") == 0 || strcasecmp(value, "yes") == 0 ||
	    strcasecmp(value, "on") == 0 || strcmp(value, "1") == 0)
		*(int *)dest = 1;
	else if (strcasecmp(value, "false") == 0 || strcasecmp(value, "no") == 0 ||
	         strcasecmp(value, "off") == 0 || strcmp(value, "0") == 0)
		*(int *)dest = 0;
	else {
		snprintf(why, n, "'%s' is not true or false (on or off)", value);
		return -1;
	}
	return 0;
}

/* [ui] checkin = on|off, kept as "off" so that the default (0) is on */
static int parse_off(const char *value, void *dest, long min, long max, char *why, size_t n)
{
	int on;
	if (parse_bool(value, &on, min, max, why, n) != 0)
		return -1;
	*(int *)dest = !on;
	return 0;
}

/* [health] thank_roles = mentor, peer: roles of the person kind */
static int parse_roles(const char *value, void *dest, long min, long max, char *why, size_t n)
{
	const struct field *role = &kind_get(K_PERSON)->fields[kind_field_index(kind_get(K_PERSON), "role")];
	char buf[256], *save = NULL, choices[120];
	unsigned bits = 0;
	(void)min;
	(void)max;
	snprintf(buf, sizeof buf, "%s", value);
	if (strcasecmp(value, "none") == 0) { /* thanks are owed to nobody */
		*(unsigned *)dest = 0;
		return 0;
	}
	for (char *w = strtok_r(buf, ", \t", &save); w; w = strtok_r(NULL, ", \t", &save)) {
		int i = 0;
		while (role->choices[i] && strcasecmp(role->choices[i], w) != 0)
			i++;
		if (!role->choices[i]) {
			kind_choices_text(role, choices, sizeof choices);
			snprintf(why, n, "'%s' is not a role (%s; or none)", w, choices);
			return -1;
		}
		bits |= 1u << i;
	}
	if (!bits) {
		snprintf(why, n, "no role given (mentor, mentee or peer, or none)");
		return -1;
	}
	*(unsigned *)dest = bits;
	return 0;
}

static int parse_path(const char *value, void *dest, long min, long max, char *why, size_t n)
{
	struct rp_err err;
	(void)min;
	(void)max;
	((char *)dest)[0] = '\0';
	if (!*value) {
		snprintf(why, n, "empty path");
		return -1;
	}
	/* no shell reads this file: a $VAR or ~user would be taken literally
	 * and become a folder of that name */
	if (strchr(value, '$')) {
		snprintf(why, n, "'%s': variables ($...) are not expanded here; write the path out, or"
		         " begin it with ~/", value);
		return -1;
	}
	if (strchr(value, '`')) {
		snprintf(why, n, "'%s': commands (`...`) are not run here; write the path out", value);
		return -1;
	}
	if (value[0] == '~' && value[1] != '/' && value[1] != '\0') {
		snprintf(why, n, "'%s': only ~/ (your own home) is expanded", value);
		return -1;
	}
	if (value[0] != '/' && value[0] != '~') {
		snprintf(why, n, "'%s': a relative path would follow the current folder; begin it with"
		         " / or ~/", value);
		return -1;
	}
	if (paths_expand(value, (char *)dest, CONFIG_PATH_MAX, &err) != RP_OK) {
		snprintf(why, n, "%s", err.msg);
		((char *)dest)[0] = '\0';
		return -1;
	}
	return 0;
}

#define AT(field) offsetof(struct config, field)
static const struct key keys[] = {
	{"general", "database", parse_path, AT(database), 0, 0},
	{"meetings", "default_duration", parse_number, AT(default_duration), 1, 1440},
	{"health", "due_soon_days", parse_number, AT(due_soon_days), 0, 60},
	{"health", "thanks_after_days", parse_number, AT(thanks_after_days), 0, 365},
	{"health", "thanks_window_days", parse_number, AT(thanks_window_days), 1, 3650},
	{"health", "adherence_days", parse_number, AT(adherence_days), 7, 3650},
	{"health", "snooze_days", parse_number, AT(snooze_days), 1, 365},
	{"health", "thank_roles", parse_roles, AT(thank_roles), 0, 0},
	{"ui", "start", parse_start, AT(start_today), 0, 1},
	{"ui", "checkin", parse_off, AT(checkin_off), 0, 1},
	{"backup", "daily", parse_bool, AT(backup_daily), 0, 1},
	{"backup", "keep", parse_number, AT(backup_keep), 1, 365},
};
#define NKEYS (sizeof keys / sizeof keys[0])

unsigned config_role_bits(const char *role)
{
	const struct field *f = &kind_get(K_PERSON)->fields[kind_field_index(kind_get(K_PERSON), "role")];
	for (int i = 0; f->choices[i]; i++)
		if (strcmp(f->choices[i], role) == 0)
			return 1u << i;
	return 0;
}

void config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->default_duration = 30;
	cfg->due_soon_days = 3;
	cfg->thanks_after_days = 2;
	cfg->thanks_window_days = 30;
	cfg->adherence_days = 90;
	cfg->snooze_days = 7;
	cfg->thank_roles = config_role_bits("mentor") | config_role_bits("peer");
	cfg->backup_keep = 7;
}

static void report(struct config_report *rep, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void report(struct config_report *rep, const char *fmt, ...)
{
	va_list ap;
	if (rep->n < CONFIG_MAX_PROBLEMS) {
		va_start(ap, fmt);
		vsnprintf(rep->problem[rep->n], sizeof rep->problem[0], fmt, ap);
		va_end(ap);
	}
	rep->n++;
}

/* iniparser reports syntax errors only through a global callback with no
 * user pointer; config_load is not re-entrant because of it (one thread). */
static struct config_report *ini_report;
static const char *ini_path;
/* the lines iniparser could not read, to read the file again without them */
#define MAX_BAD_LINES 32
static int bad_lines[MAX_BAD_LINES], nbad_lines;

/* iniparser's error callback: its format, its arguments */
static int ini_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int ini_error(const char *fmt, ...)
{
	char msg[600], *open, *text;
	int line = 0;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (!ini_report)
		return 0;
	/* "iniparser: syntax error in FILE (LINE):\n-> TEXT\n" */
	open = strrchr(msg, '(');
	if (open)
		line = atoi(open + 1);
	if (line > 0 && nbad_lines < MAX_BAD_LINES)
		bad_lines[nbad_lines++] = line;
	text = strstr(msg, "-> ");
	if (text) {
		text[strcspn(text, "\n")] = '\0';
		report(ini_report, "%s:%d: cannot read this line: %s", ini_path, line, text + 3);
	} else if (strstr(msg, "too long")) {
		report(ini_report, "%s:%d: line too long (at most 1023 bytes)", ini_path, line);
	} else {
		msg[strcspn(msg, "\n")] = '\0';
		report(ini_report, "%s:%d: %s", ini_path, line, msg);
	}
	return 0;
}

/* The line where [section] key is set, for messages; 0 if not found. */
static int is_bad_line(int line)
{
	for (int i = 0; i < nbad_lines; i++)
		if (bad_lines[i] == line)
			return 1;
	return 0;
}

/* The line of the nth (1, 2, ...) setting of key in section, or 0; a line
 * left out as unreadable is not one. */
static int line_nth(const char *path, const char *section, const char *key, int nth)
{
	FILE *f = fopen(path, "r");
	char buf[1100], current[256] = "";
	int line = 0, found = 0;
	if (!f)
		return 0;
	while (!found && fgets(buf, sizeof buf, f)) {
		char *p = buf, *end;
		line++;
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '[') {
			end = strchr(p, ']');
			if (end) {
				*end = '\0';
				snprintf(current, sizeof current, "%s", p + 1);
			}
			continue;
		}
		end = p + strcspn(p, "=:");
		if (!*end)
			continue;
		while (end > p && isspace((unsigned char)end[-1]))
			end--;
		if ((size_t)(end - p) == strlen(key) && strncasecmp(p, key, strlen(key)) == 0 &&
		    strcasecmp(current, section) == 0 && !is_bad_line(line))
			found = --nth == 0;
	}
	fclose(f);
	return found ? line : 0;
}

static int line_of(const char *path, const char *section, const char *key)
{
	return line_nth(path, section, key, 1);
}

/* The line of the last setting: the one iniparser keeps. */
static int line_last(const char *path, const char *section, const char *key)
{
	int last = 0, line;
	for (int nth = 1; (line = line_nth(path, section, key, nth)) != 0; nth++)
		last = line;
	return last;
}

static const struct key *find_key(const char *section, const char *name)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcasecmp(keys[i].section, section) == 0 && strcasecmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

/* Sections whose keys are names the faces define (actions, colour roles). */
static const char *const open_sections[] = {"keys", "colors"};

static int open_section(const char *section)
{
	for (size_t i = 0; i < sizeof open_sections / sizeof open_sections[0]; i++)
		if (strcasecmp(open_sections[i], section) == 0)
			return 1;
	return 0;
}

static int known_section(const char *section)
{
	if (open_section(section))
		return 1;
	for (size_t i = 0; i < NKEYS; i++)
		if (strcasecmp(keys[i].section, section) == 0)
			return 1;
	return 0;
}

/* Report sections and keys the program does not know (typos, mostly).  The
 * dictionary is walked directly: iniparser_getnsec() skips sections whose
 * name holds a ':' such as [ui:width], which are exactly the odd ones. */
static void check_unknown(const dictionary *d, const char *path, struct config *cfg,
                          struct config_report *rep)
{
	for (ssize_t i = 0; i < d->size; i++) {
		const char *key = d->key[i], *colon;
		char section[256];
		if (!key)
			continue;
		if (!d->val[i]) { /* a section */
			if (!known_section(key))
				report(rep, "%s: unknown section [%s], ignored", path, key);
			continue;
		}
		colon = strrchr(key, ':');
		if (!colon)
			continue;
		snprintf(section, sizeof section, "%.*s", (int)(colon - key), key);
		if (open_section(section)) {
			struct config_entry *e;
			if (cfg->nentries == CONFIG_MAX_ENTRIES) {
				report(rep, "%s: more than %d entries in [keys] and [colors]; the rest ignored",
				       path, CONFIG_MAX_ENTRIES);
				continue;
			}
			e = &cfg->entries[cfg->nentries++];
			snprintf(e->section, sizeof e->section, "%.15s", section);
			snprintf(e->key, sizeof e->key, "%.63s", colon + 1);
			snprintf(e->value, sizeof e->value, "%.159s", d->val[i]);
			e->line = line_last(path, section, colon + 1);
			if (e->line != line_of(path, section, colon + 1))
				report(rep, "%s:%d: %s: given again (first on line %d); the last is used", path,
				       e->line, colon + 1, line_of(path, section, colon + 1));
		} else if (known_section(section) && !find_key(section, colon + 1))
			report(rep, "%s:%d: unknown key '%s' in [%s], ignored", path,
			       line_of(path, section, colon + 1), colon + 1, section);
	}
}

/* Is this line the one that says [general] database?  (For a line that
 * could not be read: the database it names is then unknown.) */
static int names_database(const char *line)
{
	while (isspace((unsigned char)*line))
		line++;
	if (strncasecmp(line, "database", 8) != 0)
		return 0;
	line += 8;
	while (isspace((unsigned char)*line))
		line++;
	return *line == '=' || *line == ':';
}

/* Does any line of the file set a database?  (For a file that could not
 * be read at all.) */
static int file_names_database(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int found = 0;
	while (f && !found && getline(&line, &cap, f) >= 0)
		found = names_database(line);
	free(line);
	if (f)
		fclose(f);
	return found;
}


/* A private copy of path with the bad lines blanked (so that line numbers
 * stay), for iniparser, which reads a whole file or nothing. */
static int copy_without_bad_lines(const char *path, char *copy, size_t n, struct config *cfg)
{
	FILE *in = fopen(path, "r"), *out;
	char *line = NULL;
	size_t cap = 0;
	int fd, no = 0;
	if (!in || (fd = paths_temp_file("config", copy, n)) < 0) {
		if (in)
			fclose(in);
		return -1;
	}
	if (!(out = fdopen(fd, "w"))) {
		close(fd);
		unlink(copy);
		fclose(in);
		return -1;
	}
	int lost_section = 0; /* after a section line that could not be read */
	while (getline(&line, &cap, in) >= 0) {
		const char *p = line;
		no++;
		while (isspace((unsigned char)*p))
			p++;
		if (is_bad_line(no) || strlen(line) > 1022) {
			cfg->database_unread |= names_database(line);
			lost_section |= *p == '[';
			fputc('\n', out);
			continue;
		}
		if (*p == '[')
			lost_section = 0;
		/* a key under a lost section would land in the one before it */
		cfg->database_unread |= lost_section && names_database(line);
		fputs(line, out);
	}
	free(line);
	fclose(in);
	if (fclose(out) != 0) {
		unlink(copy);
		return -1;
	}
	return 0;
}

/* iniparser_load, and when a line stops it, again without that line (and
 * any found since), so one bad line does not lose the rest of the file. */
static dictionary *load_without_bad_lines(const char *path, struct config *cfg,
                                          struct config_report *rep)
{
	dictionary *d = iniparser_load(path);
	for (int tries = 0; !d && nbad_lines > 0 && tries < 8; tries++) {
		char copy[4200];
		int before = nbad_lines;
		if (copy_without_bad_lines(path, copy, sizeof copy, cfg) != 0)
			break;
		ini_path = path; /* messages name the user's file, not the copy */
		d = iniparser_load(copy);
		unlink(copy);
		if (!d && nbad_lines == before)
			break;
	}
	if (d && nbad_lines > 0)
		report(rep, "%s: the rest of the file was read; the line%s above %s left out", path,
		       nbad_lines == 1 ? "" : "s", nbad_lines == 1 ? "is" : "are");
	if (!d)
		cfg->database_unread |= file_names_database(path);
	return d;
}

/* A key set twice: iniparser keeps the last; a database named twice is
 * one nobody can tell was meant, and none is opened. */
static int given_twice(const char *path, const struct key *k, struct config *cfg,
                       struct config_report *rep)
{
	int last = line_last(path, k->section, k->name);
	int db_key = k->offset == offsetof(struct config, database);
	if (!line_nth(path, k->section, k->name, 2))
		return 0;
	report(rep, "%s:%d: %s: given again (first on line %d); %s", path, last, k->name,
	       line_of(path, k->section, k->name),
	       db_key ? "which database is meant? none is opened" : "the last is used");
	cfg->database_unread |= db_key;
	return db_key;
}

int config_load(const char *path, int must_exist, struct config *cfg, struct config_report *rep,
                struct rp_err *err)
{
	struct stat sb;
	dictionary *d;

	config_defaults(cfg);
	memset(rep, 0, sizeof *rep);
	snprintf(cfg->path, sizeof cfg->path, "%s", path);
	if (stat(path, &sb) != 0) {
		/* a link that leads nowhere (a disk not mounted) is a config that
		 * cannot be read, and may name a database: not "no config" */
		if (errno == ENOENT && !must_exist && lstat(path, &sb) == 0) {
			report(rep, "%s: a link to nothing (its target is missing); defaults used", path);
			cfg->database_unread = 1;
			return RP_OK;
		}
		if (errno == ENOENT && !must_exist)
			return RP_OK;
		return rp_fail(err, RP_ENOTFOUND, "%s: cannot read the config: %s", path,
		               strerror(errno));
	}
	if (S_ISCHR(sb.st_mode) && strcmp(path, "/dev/null") == 0)
		return RP_OK; /* the usual way to say "no config" */
	/* a file that cannot be read may name a database: none is opened in
	 * its place (the other settings take their defaults) */
	if (!S_ISREG(sb.st_mode)) {
		report(rep, "%s: not a regular file; defaults used", path);
		cfg->database_unread = 1;
		return RP_OK;
	}
	if (access(path, R_OK) != 0) { /* before iniparser, which would say less */
		report(rep, "%s: cannot read the config: %s; defaults used", path, strerror(errno));
		cfg->database_unread = 1;
		return RP_OK;
	}

	ini_report = rep;
	ini_path = path;
	nbad_lines = 0;
	iniparser_set_error_callback(ini_error);
	d = load_without_bad_lines(path, cfg, rep);
	iniparser_set_error_callback(NULL);
	ini_report = NULL;
	if (!d) {
		report(rep, "%s: cannot read the file; defaults used", path);
		return RP_OK;
	}
	check_unknown(d, path, cfg, rep);
	for (size_t i = 0; i < NKEYS; i++) {
		char full[128], why[300];
		const char *value;
		snprintf(full, sizeof full, "%s:%s", keys[i].section, keys[i].name);
		/* NULL both when missing and when the "key" is a bare section. */
		value = iniparser_getstring(d, full, NULL);
		if (!value)
			continue;
		if (given_twice(path, &keys[i], cfg, rep))
			continue;
		if (keys[i].parse(value, (char *)cfg + keys[i].offset, keys[i].min, keys[i].max, why,
		                  sizeof why) != 0) {
			int db_key = keys[i].offset == offsetof(struct config, database);
			report(rep, "%s:%d: %s: %s; %s", path, line_last(path, keys[i].section, keys[i].name),
			       keys[i].name, why,
			       db_key ? "no other database is opened in its place" : "using the default");
			cfg->database_unread |= db_key;
		}
	}
	iniparser_freedict(d);
	return RP_OK;
}
