# The test runner itself (tests/run.sh): a file that stops before its end
# (plan and count disagree, or no plan), a skipped case, a crash without a
# failed test: each is a failure, never a quiet pass.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)

# a tree of its own: the real runner beside made-up test files
mkdir -p "$T_DIR/tree/tests/e2e" "$T_DIR/tree/build/tests"
cp "$top/tests/run.sh" "$T_DIR/tree/tests/run.sh"
e2e="$T_DIR/tree/tests/e2e"
printf 'echo "ok 1 - fine"\necho "ok 2 - fine too"\necho "1..2"\n' >"$e2e/test_good.sh"
printf 'echo "ok 1 - one of three"\necho "1..3"\n' >"$e2e/test_short.sh"
printf 'echo "ok 1 - and then it stopped"\nexit 0\n' >"$e2e/test_noplan.sh"
printf 'echo "ok 1 - a real one"\necho "ok 2 - full disk # SKIP no mount here"\necho "1..2"\n' >"$e2e/test_skip.sh"
printf 'echo "ok 1 - before the crash"\necho "1..1"\nexit 139\n' >"$e2e/test_crashed.sh"

run_runner() {
	(cd "$T_DIR/tree" && env "$@" sh tests/run.sh build /bin/true) >"$T_DIR/.out" 2>&1
	RC=$?
	OUT=$(cat "$T_DIR/.out")
	ERR=""
}
run_runner TEST_JOBS=2
expect_rc 1 "the runner fails the run"
expect_out "e2e/test_good: 2 passed, 0 failed" "a whole file passes"
expect_out "e2e/test_short: its plan says 3 tests, 1 ran" "a file that ran fewer tests than its plan fails"
expect_out "e2e/test_noplan: no plan line (1..N): it did not run to its end" "a file without a plan fails"
expect_out "e2e/test_skip: ok 2 - full disk # SKIP no mount here" "a skipped case is listed with its reason"
expect_out "e2e/test_skip: 1 passed, 1 failed" "and counted as a failure, not a pass"
expect_out "e2e/test_crashed: exited with status 139 without a failed test" "a crash after its plan fails"
expect_out "6 passed, 4 failed" "the sum says so (the skipped case is not among the passes)"
run_runner TEST_JOBS=2 TEST_ALLOW_SKIP=1
expect_out "e2e/test_skip: 1 passed, 0 failed" "TEST_ALLOW_SKIP=1: a skip is neither pass nor failure"
expect_out "1 skipped (allowed by TEST_ALLOW_SKIP=1)" "and the total says how many were skipped"
rm "$e2e/test_short.sh" "$e2e/test_noplan.sh" "$e2e/test_skip.sh" "$e2e/test_crashed.sh"
run_runner TEST_JOBS=2
expect_rc 0 "with only the whole file left, the run passes"
expect_out "2 passed, 0 failed" "and counts its two tests"
echo "1..$T_N"
