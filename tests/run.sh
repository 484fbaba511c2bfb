#!/bin/sh
# Run every test of one build and end with "N passed, N failed".
#   tests/run.sh BUILD_DIR PROGRAM [valgrind]
# Unit tests are cmocka programs (BUILD_DIR/tests/test_*), end-to-end tests
# are shell scripts (tests/e2e/test_*.sh) driving PROGRAM; all speak TAP.
# A program that dies without reporting, or a sanitizer report, is a failure.
# With "valgrind", every run of a unit test and of PROGRAM is under valgrind
# (memcheck), and an error or a definite leak it reports is a failure.
set -u
build=$1
prog=$2
mode=${3:-}
top=$(cd "$(dirname "$0")/.." && pwd)
logs=$(mktemp -d "${TMPDIR:-/tmp}/rapport-tests.XXXXXX")
trap 'rm -rf "$logs"' EXIT
vg=""
if [ "$mode" = valgrind ]; then
	command -v valgrind >/dev/null 2>&1 || { echo "valgrind is not installed"; echo "0 passed, 1 failed"; exit 1; }
	vg="valgrind -q --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --log-file=$logs/valgrind.%p"
	# PROGRAM under valgrind, for the end-to-end scripts
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$vg" "$prog" >"$logs/rapport"
	chmod 0755 "$logs/rapport"
	# tests that run it as another user (nobody) need to run it and log
	chmod 1777 "$logs"
	prog="$logs/rapport"
	# slower under valgrind: the screen tests wait longer
	export RAPPORT_TEST_SLOW=1
fi

# Sanitizer builds: reports go to files, so no test output can hide them.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:log_path=$logs/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan"
export CMOCKA_MESSAGE_OUTPUT=TAP
export RAPPORT="$prog"
export LC_ALL=C.UTF-8
unset RAPPORT_NOW XDG_CONFIG_HOME XDG_DATA_HOME

passed=0
failed=0
skipped=0

# start NAME COMMAND...: run one test file in the background, its output
# and status kept under $logs; at most $jobs at a time (TEST_JOBS, default
# the number of cores): the end-to-end files each use their own folder and
# terminal, so they can run side by side
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
running=0
names=""
start() {
	name=$1
	shift
	key=$(echo "$name" | tr '/' '_')
	names="$names $name"
	("$@" >"$logs/$key.out" 2>&1; echo $? >"$logs/$key.rc") &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait_one
	fi
}
# wait_one: until one of the running tests ends (polling their .rc files)
wait_one() {
	while :; do
		done_now=$(ls "$logs"/*.rc 2>/dev/null | wc -l)
		[ $((started_total - done_now)) -lt "$jobs" ] && break
		sleep 0.2
	done
	running=$((started_total - done_now))
}
started_total=0

# report NAME: count and show the results of one finished test file
report() {
	name=$1
	key=$(echo "$name" | tr '/' '_')
	out="$logs/$key.out"
	rc=$(cat "$logs/$key.rc")
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	ran=$((p + f))
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
	# the plan (1..N) must match what ran: a file that stops early, even
	# with status 0, has lost tests
	plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$out" | tail -n 1)
	if [ -z "$plan" ]; then
		echo "$name: no plan line (1..N): it did not run to its end"
		f=$((f + 1))
	elif [ "$plan" -ne "$ran" ]; then
		echo "$name: its plan says $plan tests, $ran ran"
		f=$((f + 1))
	fi
	# a skipped case is not a pass: it fails unless TEST_ALLOW_SKIP=1 says
	# this machine cannot run it (each is listed with its reason)
	s=$(grep -c '^ok .* # SKIP' "$out")
	if [ "$s" -gt 0 ]; then
		grep '^ok .* # SKIP' "$out" | sed "s|^|$name: |"
		p=$((p - s))
		skipped=$((skipped + s))
		[ "${TEST_ALLOW_SKIP:-}" = 1 ] || f=$((f + s))
	fi
	echo "$name: $p passed, $f failed"
	passed=$((passed + p))
	failed=$((failed + f))
}

for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	started_total=$((started_total + 1))
	start "unit/$(basename "$t")" $vg "$t"
done
for t in "$top"/tests/e2e/test_*.sh; do
	started_total=$((started_total + 1))
	start "e2e/$(basename "$t" .sh)" sh "$t"
done
wait
for name in $names; do
	report "$name"
done

if ls "$logs"/asan* "$logs"/ubsan* >/dev/null 2>&1; then
	echo "sanitizer reports:"
	cat "$logs"/asan* "$logs"/ubsan* 2>/dev/null | head -60
	failed=$((failed + 1))
fi
# valgrind writes a log per process; -q leaves it empty unless it found something
if [ -n "$vg" ]; then
	found=$(find "$logs" -name 'valgrind.*' -size +0 | head -n 20)
	if [ -n "$found" ]; then
		echo "valgrind reports:"
		for f in $found; do sed 's/^/    /' "$f" | head -40; done
		failed=$((failed + 1))
	else
		echo "valgrind: no error and no definite leak in $(find "$logs" -name 'valgrind.*' | wc -l) processes"
	fi
fi
[ "$skipped" -gt 0 ] && echo "$skipped skipped ($([ "${TEST_ALLOW_SKIP:-}" = 1 ] && echo 'allowed by TEST_ALLOW_SKIP=1' || echo 'counted as failures; TEST_ALLOW_SKIP=1 on a machine that cannot run them'))"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
