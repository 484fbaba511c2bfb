#!/bin/sh
# Run every test of one build and end with "N passed, N failed".
#   tests/run.sh BUILD_DIR PROGRAM
# Unit tests are cmocka programs (BUILD_DIR/tests/test_*), end-to-end tests
# are shell scripts (tests/e2e/test_*.sh) driving PROGRAM; all speak TAP.
# A program that dies without reporting, or a sanitizer report, is a failure.
set -u
build=$1
prog=$2
top=$(cd "$(dirname "$0")/.." && pwd)
logs=$(mktemp -d "${TMPDIR:-/tmp}/rapport-tests.XXXXXX")
trap 'rm -rf "$logs"' EXIT

# Sanitizer builds: reports go to files, so no test output can hide them.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:log_path=$logs/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan"
export CMOCKA_MESSAGE_OUTPUT=TAP
export RAPPORT="$prog"
export LC_ALL=C.UTF-8
unset RAPPORT_NOW XDG_CONFIG_HOME XDG_DATA_HOME

passed=0
failed=0

run_one() { # name, command...
	name=$1
	shift
	out="$logs/$(basename "$name").out"
	"$@" >"$out" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	grep -E '^(not ok |#)' "$out" | grep -v '^# not ok - ' | sed "s|^|$name: |" | head -40
	if [ "$f" -eq 0 ] && [ "$rc" -ne 0 ]; then
		echo "$name: exited with status $rc without a failed test:"
		tail -n 15 "$out" | sed 's/^/    /'
		f=1
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		echo "$name: ran no test"
		f=1
	fi
	echo "$name: $p passed, $f failed"
	passed=$((passed + p))
	failed=$((failed + f))
}

for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	run_one "unit/$(basename "$t")" "$t"
done
for t in "$top"/tests/e2e/test_*.sh; do
	run_one "e2e/$(basename "$t" .sh)" sh "$t"
done

if ls "$logs"/asan* "$logs"/ubsan* >/dev/null 2>&1; then
	echo "sanitizer reports:"
	cat "$logs"/asan* "$logs"/ubsan* 2>/dev/null | head -60
	failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
