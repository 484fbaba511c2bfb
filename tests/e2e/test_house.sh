# House rules checked on the tree: the layers, the example config, install.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1

hits=$(grep -lE '#include *[<"]sqlite3\.h' tui/*.[ch] tui/*/*.[ch] core/*.[ch] 2>/dev/null)
expect_eq "$hits" "" "no <sqlite3.h> outside db/"
hits=$(grep -lE '#include *[<"](n?curses|ncursesw/)' core/*.[ch] db/*.[ch] 2>/dev/null)
expect_eq "$hits" "" "no curses header in core/ or db/"
hits=$(grep -lE '#include *"(\.\./)?db/' tui/*.[ch] tui/*/*.[ch] 2>/dev/null)
expect_eq "$hits" "" "tui/ never includes a db/ header"
hits=$(grep -lE '\b(exit|abort) *\(' core/*.c db/*.c 2>/dev/null)
expect_eq "$hits" "" "core/ and db/ never exit"

# the Makefile: make help names every target; a library pkg-config cannot
# find is said before anything is compiled
if command -v make >/dev/null 2>&1; then
	targets=$(sed -n 's/^\.PHONY: *//p' Makefile | tr ' ' '\n' | grep -v '^$' | sort)
	shown=$(make --no-print-directory help)
	missing=""
	for t in $targets; do
		printf '%s\n' "$shown" | grep -qw -- "$t" || missing="$missing $t"
	done
	expect_eq "$missing" "" "make help names every target ($(echo $targets | wc -w) of them)"
	out=$(make --no-print-directory PKGS="ncursesw nosuchlib-rapport" pkg-check 2>&1)
	rc=$?
	[ "$rc" -ne 0 ] && ok "a library pkg-config cannot find stops the build" || not_ok "a library pkg-config cannot find stops the build" "$out"
	case "$out" in *"pkg-config finds no: nosuchlib-rapport"*) ok "and is named" ;; *) not_ok "and is named" "$out" ;; esac
else
	skip "make help names every target" "no make"
fi

# the example config is accepted as it stands, without a word
raw --db "$DB" --config "$top/config.ini.example" list people
expect_rc 0 "config.ini.example is a valid config"
expect_no_err "and raises no problem"
# every key the program knows is documented in the example
for key in database default_duration due_soon_days thanks_after_days thanks_window_days adherence_days snooze_days start daily keep; do
	if grep -q "^;*$key *=" config.ini.example; then ok "config.ini.example documents $key"
	else not_ok "config.ini.example documents $key"; fi
done

# the README's key table is what the program says
sed -n '/^<!-- keys:/,/^<!-- \/keys -->/p' README.md | sed '1,2d;$d' | sed '$d' >"$T_DIR/readme-keys"
raw keys --config "$CONFIG"
printf '%s\n' "$OUT" >"$T_DIR/program-keys"
if [ -s "$T_DIR/readme-keys" ] && cmp -s "$T_DIR/readme-keys" "$T_DIR/program-keys"; then
	ok "the README's key table matches 'rapport keys'"
else
	not_ok "the README's key table matches 'rapport keys'" "$(diff "$T_DIR/readme-keys" "$T_DIR/program-keys" | head -20)"
fi
expect_eq "$(grep '^  ' "$T_DIR/program-keys" | cut -c18-29 | sort -u | wc -l)" "$(grep -c '^	{A_' tui/keys.c)" \
	"every action of the key table is listed"

# make install puts the binary, the man page and the example config in place
if make --no-print-directory -s install DESTDIR="$T_DIR/stage" PREFIX=/usr >"$T_DIR/install.log" 2>&1; then
	ok "make install DESTDIR=... PREFIX=/usr"
else
	not_ok "make install DESTDIR=... PREFIX=/usr" "$(cat "$T_DIR/install.log")"
fi
for f in usr/bin/rapport usr/share/man/man1/rapport.1 usr/share/doc/rapport/config.ini.example; do
	if [ -f "$T_DIR/stage/$f" ]; then ok "installed /$f"; else not_ok "installed /$f"; fi
done
"$T_DIR/stage/usr/bin/rapport" --version >"$T_DIR/v" 2>&1
expect_eq "$(cut -c1-8 "$T_DIR/v")" "rapport " "the installed binary runs"
# man-db is one of the test packages (tests/install-deps.sh): no man, no pass
MANWIDTH=80 man -l "$T_DIR/stage/usr/share/man/man1/rapport.1" >"$T_DIR/man.txt" 2>"$T_DIR/man.err"
if grep -q "add meeting" "$T_DIR/man.txt" && [ ! -s "$T_DIR/man.err" ]; then ok "the man page renders cleanly"
else not_ok "the man page renders cleanly" "$(cat "$T_DIR/man.err")"; fi
echo "1..$T_N"
