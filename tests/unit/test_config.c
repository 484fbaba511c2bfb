/* The settings file: defaults, values, and every kind of bad file reported
 * with its place while the defaults carry on. */
#include "testutil.h"

#include "core/config.h"

static void load(const char *text, struct config *cfg, struct config_report *rep)
{
	const char *path = test_path("config.ini");
	struct rp_err err;
	test_write_file(path, text);
	assert_int_equal(config_load(path, 1, cfg, rep, &err), RP_OK);
}

static void has_problem(const struct config_report *rep, const char *words)
{
	for (int i = 0; i < rep->n && i < CONFIG_MAX_PROBLEMS; i++)
		if (strstr(rep->problem[i], words))
			return;
	fail_msg("no problem mentions '%s' (%d reported%s%s)", words, rep->n,
	         rep->n ? ", first: " : "", rep->n ? rep->problem[0] : "");
}

static void test_missing_default_file_is_fine(void **state)
{
	struct config cfg;
	struct config_report rep;
	struct rp_err err;
	(void)state;
	assert_int_equal(config_load(test_path("none.ini"), 0, &cfg, &rep, &err), RP_OK);
	assert_int_equal(rep.n, 0);
	assert_int_equal(cfg.default_duration, 30);
	assert_int_equal(cfg.due_soon_days, 3);
	assert_int_equal(cfg.thanks_after_days, 2);
	assert_int_equal(cfg.adherence_days, 90);
	assert_string_equal(cfg.database, "");
}

static void test_missing_given_file_is_an_error(void **state)
{
	struct config cfg;
	struct config_report rep;
	struct rp_err err;
	(void)state;
	assert_int_equal(config_load(test_path("none.ini"), 1, &cfg, &rep, &err), RP_ENOTFOUND);
	assert_non_null(strstr(err.msg, "none.ini"));
}

static void test_values_are_read(void **state)
{
	struct config cfg;
	struct config_report rep;
	(void)state;
	setenv("HOME", "/home/resident", 1);
	load("; comment\n[general]\ndatabase = ~/notes/mentors.db\n\n"
	     "[meetings]\ndefault_duration = 45\n[HEALTH]\nDue_Soon_Days=5\nthanks_after_days = 0\n",
	     &cfg, &rep);
	assert_int_equal(rep.n, 0);
	assert_string_equal(cfg.database, "/home/resident/notes/mentors.db");
	assert_int_equal(cfg.default_duration, 45);
	assert_int_equal(cfg.due_soon_days, 5);
	assert_int_equal(cfg.thanks_after_days, 0);
}

static void test_bad_value_is_placed_and_defaulted(void **state)
{
	struct config cfg;
	struct config_report rep;
	(void)state;
	load("[meetings]\n\ndefault_duration = forty\n[health]\ndue_soon_days = 999\n"
	     "adherence_days = 30\n",
	     &cfg, &rep);
	assert_int_equal(rep.n, 2);
	has_problem(&rep, "config.ini:3: default_duration: 'forty' is not a whole number");
	has_problem(&rep, "config.ini:5: due_soon_days: 999 is out of range (0 to 60)");
	assert_int_equal(cfg.default_duration, 30);
	assert_int_equal(cfg.due_soon_days, 3);
	assert_int_equal(cfg.adherence_days, 30); /* the good line still counts */
	/* a number with more after it is no number: "45 minutes", "1O" */
	load("[meetings]\ndefault_duration = 45 minutes\n[health]\ndue_soon_days = 1O\n", &cfg, &rep);
	assert_int_equal(rep.n, 2);
	has_problem(&rep, "config.ini:2: default_duration: '45 minutes' is not a whole number");
	has_problem(&rep, "config.ini:4: due_soon_days: '1O' is not a whole number");
	assert_int_equal(cfg.default_duration, 30);
	assert_int_equal(cfg.due_soon_days, 3);
}

/* [health] thank_roles names roles of the person kind; [ui] checkin is on
 * or off. */
static void test_thank_roles_and_checkin(void **state)
{
	struct config cfg;
	struct config_report rep;
	(void)state;
	load("[health]\nthank_roles = mentee\n[ui]\ncheckin = off\n", &cfg, &rep);
	assert_int_equal(rep.n, 0);
	assert_int_equal(cfg.thank_roles, config_role_bits("mentee"));
	assert_true(cfg.checkin_off);
	load("[health]\nthank_roles = Mentor, peer\n[ui]\ncheckin = on\n", &cfg, &rep);
	assert_int_equal(rep.n, 0);
	assert_int_equal(cfg.thank_roles, config_role_bits("mentor") | config_role_bits("peer"));
	assert_false(cfg.checkin_off);
	config_defaults(&cfg); /* by default: those who help */
	assert_int_equal(cfg.thank_roles, config_role_bits("mentor") | config_role_bits("peer"));
	assert_false(cfg.checkin_off);
	assert_int_equal(config_role_bits("boss"), 0);
	load("[health]\nthank_roles = mentor, boss\n[ui]\ncheckin = sometimes\n", &cfg, &rep);
	assert_int_equal(rep.n, 2);
	assert_non_null(strstr(rep.problem[0], "'boss' is not a role (mentor, mentee or peer; or none)"));
	assert_non_null(strstr(rep.problem[0], ":2:"));
	assert_non_null(strstr(rep.problem[1], "'sometimes' is not true or false"));
	load("[health]\nthank_roles = none\n", &cfg, &rep);
	assert_int_equal(rep.n, 0);
	assert_int_equal(cfg.thank_roles, 0);
	load("[health]\nthank_roles =\n", &cfg, &rep);
	assert_int_equal(rep.n, 1); /* empty is no answer: the default stays */
	assert_int_equal(cfg.thank_roles, config_role_bits("mentor") | config_role_bits("peer"));
	load("[health]\nthank_roles = mentor, boss\n", &cfg, &rep);
	/* a bad value keeps the default */
	assert_int_equal(cfg.thank_roles, config_role_bits("mentor") | config_role_bits("peer"));
}

static void test_syntax_error_is_placed(void **state)
{
	struct config cfg;
	struct config_report rep;
	(void)state;
	load("[meetings]\ndefault_duration = 45\nthis line is nonsense\n[health]\ndue_soon_days = 9\n",
	     &cfg, &rep);
	has_problem(&rep, "config.ini:3: cannot read this line: this line is nonsense");
	/* one bad line no longer loses the rest of the file: after it too */
	has_problem(&rep, "the rest of the file was read");
	assert_int_equal(cfg.default_duration, 45);
	assert_int_equal(cfg.due_soon_days, 9);
	assert_int_equal(cfg.database_unread, 0);
}

/* A config that names a database which cannot be read (a bad line, a
 * line iniparser cannot take, a $VAR) says so, so that no other database
 * is opened in its place. */
static void test_unreadable_database_is_flagged(void **state)
{
	struct config cfg;
	struct config_report rep;
	char text[1400];
	(void)state;
	load("[general]\ndatabase = $HOME/x.db\n", &cfg, &rep);
	has_problem(&rep, "config.ini:2: database: '$HOME/x.db': variables");
	assert_int_equal(cfg.database_unread, 1);
	assert_string_equal(cfg.database, "");
	load("[general]\ndatabase = ~root/x.db\n", &cfg, &rep);
	has_problem(&rep, "only ~/ (your own home) is expanded");
	assert_int_equal(cfg.database_unread, 1);
	snprintf(text, sizeof text, "[general]\ndatabase = /tmp/%01100d.db\n[meetings]\n"
	         "default_duration = 50\n", 0);
	load(text, &cfg, &rep);
	has_problem(&rep, "config.ini:2: line too long");
	assert_int_equal(cfg.database_unread, 1);
	assert_int_equal(cfg.default_duration, 50);
	/* a section line that cannot be read: the keys under it are not known */
	load("[general\ndatabase = /tmp/x.db\n[health]\ndue_soon_days = 4\n", &cfg, &rep);
	assert_int_equal(cfg.database_unread, 1);
	assert_int_equal(cfg.due_soon_days, 4);
	snprintf(text, sizeof text, "; %01100d\n[general]\ndatabase = /tmp/right.db\n", 0);
	load(text, &cfg, &rep);
	has_problem(&rep, "config.ini:1: line too long");
	assert_int_equal(cfg.database_unread, 0);
	assert_string_equal(cfg.database, "/tmp/right.db");
}

static void test_bare_section_with_colon_does_not_crash(void **state)
{
	struct config cfg;
	struct config_report rep;
	(void)state;
	/* iniparser_getint would crash on this (CVE-2023-33461) */
	load("[ui:width]\n[meetings]\ndefault_duration = 20\n", &cfg, &rep);
	has_problem(&rep, "unknown section [ui:width]");
	assert_int_equal(cfg.default_duration, 20);
	load("[meetings:default_duration]\n", &cfg, &rep);
	assert_int_equal(cfg.default_duration, 30);
	assert_true(rep.n >= 1);
}

static void test_unknown_key_is_placed(void **state)
{
	struct config cfg;
	struct config_report rep;
	(void)state;
	load("[health]\n\ndue_son_days = 4\n[colours]\nx = 1\n", &cfg, &rep);
	has_problem(&rep, "config.ini:3: unknown key 'due_son_days' in [health]");
	has_problem(&rep, "unknown section [colours]");
}

static void test_odd_files(void **state)
{
	struct config cfg;
	struct config_report rep;
	struct rp_err err;
	char line[1500];
	(void)state;
	assert_int_equal(config_load(test_dir, 1, &cfg, &rep, &err), RP_OK); /* a folder */
	has_problem(&rep, "not a regular file");

	memset(line, 'a', sizeof line);
	memcpy(line, "[meetings]\nx=", 13);
	line[sizeof line - 2] = '\n';
	line[sizeof line - 1] = '\0';
	load(line, &cfg, &rep);
	has_problem(&rep, "too long");
	assert_int_equal(cfg.default_duration, 30);

	load("\x7f\x45\x4c\x46\x02\x01\x01\x00binary\xff\xfe\n", &cfg, &rep);
	assert_true(rep.n >= 1);
	assert_int_equal(cfg.default_duration, 30);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_default_file_is_fine),
		cmocka_unit_test(test_missing_given_file_is_an_error),
		cmocka_unit_test(test_values_are_read),
		cmocka_unit_test(test_bad_value_is_placed_and_defaulted),
		cmocka_unit_test(test_syntax_error_is_placed),
		cmocka_unit_test(test_thank_roles_and_checkin),
		cmocka_unit_test(test_unreadable_database_is_flagged),
		cmocka_unit_test(test_bare_section_with_colon_does_not_crash),
		cmocka_unit_test(test_unknown_key_is_placed),
		cmocka_unit_test(test_odd_files),
	};
	return cmocka_run_group_tests_name("config", tests, test_group_setup, test_group_teardown);
}
