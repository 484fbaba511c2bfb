/* The one rule for what reaches a terminal (core/termsafe.c), and cuts
 * that fall between characters (core/utf8.c). */
#include "testutil.h"

#include "core/termsafe.h"
#include "core/utf8.h"
#include "tui/text.h"

/* s (len bytes) through term_safe_step, as one whole string. */
static void shown(const char *s, size_t len, char *out, size_t n)
{
	size_t o = 0, i = 0;
	while (i < len) {
		char one[TERM_SAFE_MAX];
		size_t olen, used = term_safe_step(s + i, len - i, 1, one, &olen);
		assert_true(used > 0);
		assert_true(o + olen < n);
		memcpy(out + o, one, olen);
		o += olen;
		i += used;
	}
	out[o] = '\0';
}

static void expect_shown(const char *s, const char *want)
{
	char out[256];
	shown(s, strlen(s), out, sizeof out);
	assert_string_equal(out, want);
}

static void test_plain_text_passes(void **state)
{
	(void)state;
	expect_shown("Dr. Jane Okafor", "Dr. Jane Okafor");
	expect_shown("Zoë 医生 🩺", "Zoë 医生 🩺");
	expect_shown("two\nlines\tand a tab", "two\nlines\tand a tab");
}

static void test_controls_are_escaped(void **state)
{
	(void)state;
	expect_shown("EVIL\xc2\x9b" "2Jtest", "EVIL\\x9b2Jtest"); /* CSI */
	expect_shown("\xc2\x80 \xc2\x9f", "\\x80 \\x9f");         /* both ends of C1 */
	expect_shown("\xc2\xa0", "\xc2\xa0");                     /* U+00A0 is no control */
	expect_shown("a\x1b]0;owned\x07", "a^[]0;owned^G");
	expect_shown("a\x7f", "a^?");
	expect_shown("line one\rsafe", "line one^Msafe");       /* a lone CR */
	expect_shown("windows\r\nline", "windows\nline");       /* CR LF: the LF */
	expect_shown("end\r", "end^M");
	expect_shown("bad \xff byte", "bad \xef\xbf\xbd byte");   /* not UTF-8 */
	expect_shown("cut \xe5\x8c", "cut \xef\xbf\xbd\xef\xbf\xbd");
	expect_shown("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd"); /* an overlong '/' */
	expect_shown("abc\xe2\x80\xaegpj.exe", "abc\\u202egpj.exe"); /* right-to-left override */
	expect_shown("\xe2\x81\xa6x\xe2\x81\xa9", "\\u2066x\\u2069");     /* isolates */
	expect_shown("a\xe2\x80\xa8" "b", "a\\u2028b");                    /* line separator */
	expect_shown("\xe2\x80\xa7\xe2\x80\xaf", "\xe2\x80\xa7\xe2\x80\xaf"); /* neighbours pass */
}

/* A stream: a character split between two writes waits for its rest. */
static void test_stream_waits_for_the_rest(void **state)
{
	char one[TERM_SAFE_MAX];
	size_t olen;
	(void)state;
	assert_int_equal(term_safe_step("\xc2", 1, 0, one, &olen), 0);
	assert_int_equal(term_safe_step("\xe5\x8c", 2, 0, one, &olen), 0);
	assert_int_equal(term_safe_step("\r", 1, 0, one, &olen), 0);
	assert_int_equal(term_safe_step("\xc2\x9b", 2, 0, one, &olen), 2);
	assert_string_equal(one, "\\x9b");
	assert_int_equal(term_safe_step("\r", 1, 1, one, &olen), 1);
	assert_string_equal(one, "^M");
	assert_true(term_safe_is_plain("\xe5\x8c\xbb", 3));
	assert_false(term_safe_is_plain("\xc2\x9b", 2));
}

static void test_cuts_between_characters(void **state)
{
	char buf[8];
	(void)state;
	/* "医" is 3 bytes: 7 bytes of room hold two of them, not 2 and a third */
	assert_int_equal(utf8_copy(buf, sizeof buf, "医医医"), 6);
	assert_string_equal(buf, "医医");
	assert_int_equal(utf8_copy(buf, 4, "aé"), 3);
	assert_string_equal(buf, "aé");
	assert_int_equal(utf8_copy(buf, 3, "aé"), 1);
	assert_string_equal(buf, "a");
	assert_int_equal(utf8_copy(buf, 5, "🩺x"), 4); /* a 4-byte emoji fits exactly */
	assert_int_equal(utf8_copy(buf, 4, "🩺x"), 0);
	assert_string_equal(buf, "");
	assert_int_equal(utf8_copy(buf, sizeof buf, "short"), 5);
	char whole[] = "abc\xe5\x8c";
	utf8_trim_cut(whole);
	assert_string_equal(whole, "abc");
	char fine[] = "abc\xe5\x8c\xbb";
	utf8_trim_cut(fine);
	assert_string_equal(fine, "abc\xe5\x8c\xbb");
}

/* The bidi marks (U+200E, U+200F, U+061C) reorder text as the overrides
 * do: escaped by the rule too. */
static void test_bidi_marks_are_escaped(void **state)
{
	static const char *const cases[][2] = {
		{"P\xe2\x80\x8eX", "P\\u200eX"},
		{"P\xe2\x80\x8fX", "P\\u200fX"},
		{"P\xd8\x9cX", "P\\u061cX"},
		{"P\xe2\x80\x8dX", "P\xe2\x80\x8dX"}, /* a zero-width joiner is no mark: it stays */
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[64];
		shown(cases[i][0], strlen(cases[i][0]), out, sizeof out);
		assert_string_equal(out, cases[i][1]);
	}
}

/* The screen lays text out by the same rule as the command line: what
 * the rule escapes is drawn escaped, and counted in the cells it takes. */
static void test_the_screen_escapes_what_the_rule_escapes(void **state)
{
	static const char *const cases[] = {
		"P\xe2\x80\xaeX",      /* U+202E right-to-left override */
		"P\xe2\x80\xaaX",      /* U+202A */
		"P\xe2\x81\xa6X",      /* U+2066 left-to-right isolate */
		"P\xe2\x81\xa9X",      /* U+2069 */
		"P\xe2\x80\xa8X",      /* U+2028 line separator */
		"P\xe2\x80\x8fX",      /* U+200F right-to-left mark */
		"P\xd8\x9cX",          /* U+061C Arabic letter mark */
		"P\xc2\x9b" "31mX",     /* C1 CSI */
		"P\x1b[31mX",          /* ESC */
		"P\rX",                /* a lone CR */
		"P\x7fX",              /* DEL */
	};
	(void)state;
	text_init_locale(); /* as the program starts: UTF-8 */
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char fit[128], rule[128];
		const char *s = cases[i];
		shown(s, strlen(s), rule, sizeof rule);
		int used = text_fit(s, 60, fit, sizeof fit);
		if (strcmp(fit, rule) != 0)
			fail_msg("case %zu: the screen draws '%s', the rule says '%s'", i, fit, rule);
		assert_int_equal(used, text_width(s));
		assert_int_equal(used, (int)strlen(rule)); /* escapes are ASCII, a cell each */
	}
	/* and plain text of every width is drawn as itself */
	char fit[64];
	assert_int_equal(text_fit("Dr. Noor \xe7\x8e\x8b \xc3\xa9", 60, fit, sizeof fit), 13);
	assert_string_equal(fit, "Dr. Noor \xe7\x8e\x8b \xc3\xa9");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_passes),
		cmocka_unit_test(test_controls_are_escaped),
		cmocka_unit_test(test_stream_waits_for_the_rest),
		cmocka_unit_test(test_cuts_between_characters),
		cmocka_unit_test(test_the_screen_escapes_what_the_rule_escapes),
		cmocka_unit_test(test_bidi_marks_are_escaped),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
