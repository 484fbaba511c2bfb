/* The JSON scanner the import reads with: parts are found by their bytes
 * (strings with escapes, brackets inside strings, nesting), every mistake is
 * placed by line and column, and nothing but the document may follow it. */
#include "testutil.h"

#include "core/jsonscan.h"

/* The top-level members of `text`, as "key=value-bytes;" for each, or
 * "ERR:<message>" at the first error. */
static void walk(const char *text, char *out, size_t n)
{
	struct jscan s;
	struct jscan_iter it = {0, 0};
	struct jscan_span val;
	struct rp_err err;
	json_t *key;
	int rc;
	test_write_file(test_path("doc.json"), text);
	assert_int_equal(jscan_open(&s, test_path("doc.json"), &err), RP_OK);
	out[0] = '\0';
	while ((rc = jscan_member(&s, &it, &key, &val, &err)) == 1) {
		size_t len = strlen(out);
		snprintf(out + len, n - len, "%s=%.*s;", json_string_value(key),
		         (int)(val.end - val.start), s.buf + val.start);
		json_decref(key);
	}
	if (rc < 0) /* the message without the folder of the file */
		snprintf(out, n, "ERR:%s", strstr(err.msg, "doc.json"));
	jscan_close(&s);
}

static void test_members_are_found_by_their_bytes(void **state)
{
	char out[512];
	(void)state;
	walk("{\"a\": 1, \"b\" :\"x]}\\\"\\\\\" ,\n \"c\":[{\"d\":\"[\"},[]], \"e\":true}\n", out,
	     sizeof out);
	assert_string_equal(out, "a=1;b=\"x]}\\\"\\\\\";c=[{\"d\":\"[\"},[]];e=true;");
	walk("{}", out, sizeof out);
	assert_string_equal(out, "");
	walk(" \n{ \"\\u00e9t\\u00e9\" : -1.5e3 } \n\n", out, sizeof out);
	assert_string_equal(out, "été=-1.5e3;");
}

static void test_mistakes_are_placed(void **state)
{
	char out[512];
	(void)state;
	walk("{\"a\": 1\n  \"b\": 2}", out, sizeof out);
	assert_string_equal(out, "ERR:doc.json:2:3: ',' or '}' was expected; nothing was imported");
	walk("{\"a\": 1} x", out, sizeof out);
	assert_string_equal(out, "ERR:doc.json:1:10: more after the end of the document; nothing was "
	                         "imported");
	walk("{\"a\": \"never closed}", out, sizeof out);
	assert_string_equal(out, "ERR:doc.json:1:21: the file ends inside a string; nothing was "
	                         "imported");
	walk("{\"a\": [[1, 2]", out, sizeof out);
	assert_string_equal(out, "ERR:doc.json:1:14: the file ends in the middle of a value; nothing "
	                         "was imported");
	walk("{\"été\": }", out, sizeof out);
	assert_string_equal(out, "ERR:doc.json:1:9: a value was expected; nothing was imported");
	walk("[1]", out, sizeof out);
	assert_string_equal(out, "ERR:doc.json:1:1: '{' was expected; nothing was imported");
	walk("", out, sizeof out);
	assert_string_equal(out, "ERR:doc.json:1:1: '{' was expected; nothing was imported");
	walk("{\"a\" 1}", out, sizeof out);
	assert_string_equal(out, "ERR:doc.json:1:6: ':' was expected; nothing was imported");
	walk("{7: 1}", out, sizeof out);
	assert_string_equal(out, "ERR:doc.json:1:2: a member name in quotes was expected; nothing "
	                         "was imported");
}

static void test_elements_and_their_parse(void **state)
{
	struct jscan s;
	struct jscan_iter top = {0, 0}, it;
	struct jscan_span val, el;
	struct rp_err err;
	json_t *key, *v;
	int n = 0;
	(void)state;
	test_write_file(test_path("list.json"),
	                "{\"list\": [\n{\"x\": 1},\n {\"x\": \"a,b\"} ,\n{\"x\": 3, \"x\": 4}]}");
	assert_int_equal(jscan_open(&s, test_path("list.json"), &err), RP_OK);
	assert_int_equal(jscan_member(&s, &top, &key, &val, &err), 1);
	json_decref(key);
	it = jscan_iter_of(val);
	while (jscan_element(&s, &it, &el, &err) == 1) {
		n++;
		v = jscan_load(&s, el, &err);
		if (n == 2)
			assert_string_equal(json_string_value(json_object_get(v, "x")), "a,b");
		if (n == 3) { /* jansson's own check, placed in the whole file */
			assert_null(v);
			assert_non_null(strstr(err.msg, "list.json:4:"));
			assert_non_null(strstr(err.msg, "duplicate object key"));
		}
		json_decref(v);
	}
	assert_int_equal(n, 3);
	assert_int_equal(jscan_member(&s, &top, &key, &val, &err), 0);
	jscan_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_members_are_found_by_their_bytes),
		cmocka_unit_test(test_mistakes_are_placed),
		cmocka_unit_test(test_elements_and_their_parse),
	};
	return cmocka_run_group_tests_name("jsonscan", tests, test_group_setup, test_group_teardown);
}
