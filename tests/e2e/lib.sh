# lib.sh - helpers for the end-to-end tests of the command line.  Sourced by
# tests/e2e/test_*.sh; prints TAP ("ok N - ...", "not ok N - ...").
# Every test runs in a private folder with a fixed clock and time zone, its
# own HOME and XDG folders: no test touches real data or today's date.
set -u
: "${RAPPORT:?RAPPORT must name the program under test}"

T_N=0
T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rapport-e2e.XXXXXX")
trap 'rm -rf "$T_DIR"' EXIT
export HOME="$T_DIR/home" XDG_CONFIG_HOME="$T_DIR/xdg-config" XDG_DATA_HOME="$T_DIR/xdg-data"
export TZ=Europe/Berlin RAPPORT_NOW='2026-11-25 09:00'
unset NO_COLOR VISUAL EDITOR
mkdir -p "$HOME"
DB="$T_DIR/rapport.db"
CONFIG="$T_DIR/config.ini"
: >"$CONFIG"

# r ARGS...: run rapport on the test database; sets RC, OUT, ERR.
r() {
	"$RAPPORT" --db "$DB" --config "$CONFIG" "$@" >"$T_DIR/.out" 2>"$T_DIR/.err" </dev/null
	RC=$?
	OUT=$(cat "$T_DIR/.out")
	ERR=$(cat "$T_DIR/.err")
}

# raw ARGS...: run rapport with exactly these arguments.
raw() {
	"$RAPPORT" "$@" >"$T_DIR/.out" 2>"$T_DIR/.err" </dev/null
	RC=$?
	OUT=$(cat "$T_DIR/.out")
	ERR=$(cat "$T_DIR/.err")
}

ok() {
	T_N=$((T_N + 1))
	echo "ok $T_N - $1"
}

# skip DESC REASON: a case this machine cannot run; tests/run.sh counts it
# as a failure unless TEST_ALLOW_SKIP=1 (never a pass)
skip() {
	T_N=$((T_N + 1))
	echo "ok $T_N - $1 # SKIP $2"
}

not_ok() {
	T_N=$((T_N + 1))
	echo "not ok $T_N - $1"
	shift
	for line in "$@"; do printf '#   %s\n' "$line"; done
}

# expect_eq ACTUAL WANTED DESC
expect_eq() {
	if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3" "wanted: $2" "got:    $1"; fi
}

# expect_id VALUE DESC: VALUE is a row id (a whole number from 1): what
# later comparisons with it mean nothing without
expect_id() {
	case "$1" in '' | 0* | *[!0-9]*) not_ok "$2" "not an id: '$1'" "stderr: $ERR" ;; *) ok "$2" ;; esac
}

# expect_rc N DESC: the last run exited with N
expect_rc() {
	if [ "$RC" -eq "$1" ]; then ok "$2"; else not_ok "$2" "exit $RC, wanted $1" "stdout: $OUT" "stderr: $ERR"; fi
}

# expect_out TEXT DESC / expect_err TEXT DESC: the last run printed TEXT
expect_out() {
	case "$OUT" in *"$1"*) ok "$2" ;; *) not_ok "$2" "stdout lacks: $1" "stdout: $OUT" "stderr: $ERR" ;; esac
}
expect_err() {
	case "$ERR" in *"$1"*) ok "$2" ;; *) not_ok "$2" "stderr lacks: $1" "stderr: $ERR" ;; esac
}
expect_no_err() {
	if [ -z "$ERR" ]; then ok "$1"; else not_ok "$1" "stderr: $ERR"; fi
}

# sql QUERY: one answer from the database file, through sqlite3 itself
sql() {
	sqlite3 -batch -noheader "$DB" "$1"
}

# jqo FILTER: apply jq to the last stdout
jqo() {
	printf '%s' "$OUT" | jq -r "$1"
}
