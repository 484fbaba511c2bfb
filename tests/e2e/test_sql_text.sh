#!/bin/sh
# test_sql_text.sh - no SQL text is built from user data: every printf
# template in the sources that holds SQL is listed in tests/sql-allowlist.txt
# with what is pasted into it (names from code, numbers); values are bound.
# SQLite's own printf family is not used at all.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
command -v python3 >/dev/null 2>&1 || { echo "not ok 1 - python3 is not installed"; exit 1; }

python3 "$top/tests/sql_templates.py" "$top" >"$T_DIR/found"
sort -u "$T_DIR/found" >"$T_DIR/found.sorted"
grep -v '^#' "$top/tests/sql-allowlist.txt" | cut -f1,2 | sort -u >"$T_DIR/allowed"
expect_eq "$(wc -l <"$T_DIR/found.sorted" | tr -d ' ')" "$(wc -l <"$T_DIR/allowed" | tr -d ' ')" \
	"as many SQL templates in the sources as in the allow-list"
unlisted=$(comm -23 "$T_DIR/found.sorted" "$T_DIR/allowed")
expect_eq "$unlisted" "" "every SQL template built with printf is in the allow-list"
stale=$(comm -13 "$T_DIR/found.sorted" "$T_DIR/allowed")
expect_eq "$stale" "" "every entry of the allow-list is still in the sources"
missing_why=$(grep -v '^#' "$top/tests/sql-allowlist.txt" | awk -F '\t' 'NF < 3 || $3 == ""')
expect_eq "$missing_why" "" "every entry says what is pasted in"
quoted=$(grep -n "'%s'" "$T_DIR/found.sorted")
expect_eq "$quoted" "" "no template pastes text between quotes ('%s')"
mp=$(grep -n -E 'sqlite3_(v?mprintf|v?snprintf|str_appendf)' "$top"/core/*.c "$top"/db/*.c "$top"/tui/*.c "$top"/tui/*/*.c)
expect_eq "$mp" "" "SQLite's printf family is not used"
# the scanner works: it finds a template made up here
printf 'static void f(char *s) { snprintf(s, 9, "SELECT * FROM t WHERE name = %%s", "x"); }\n' >"$T_DIR/probe.c"
mkdir -p "$T_DIR/tree/core" && cp "$T_DIR/probe.c" "$T_DIR/tree/core/probe.c"
n=$(python3 "$top/tests/sql_templates.py" "$T_DIR/tree" | wc -l | tr -d ' ')
expect_eq "$n" "1" "the scan sees a template written on purpose"
echo "1..$T_N"
