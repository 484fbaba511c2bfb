#!/bin/sh
# The whole suite, as CI runs it: the plain build, the sanitizer build
# (AddressSanitizer + UndefinedBehaviorSanitizer) and valgrind, each with
# every test; static analysis; the fuzzers briefly; a sample of the
# mutants.  Ends with one line adding it all up.
set -u
cd "$(dirname "$0")/.." || exit 1
jobs=$(nproc 2>/dev/null || echo 2)
total_p=0
total_f=0
status=0
for variant in plain sanitize valgrind; do
	echo "== $variant build"
	target=test
	if [ "$variant" = sanitize ]; then set -- SANITIZE=1; else set --; fi
	[ "$variant" = valgrind ] && target=valgrind
	log=$(mktemp)
	if ! make --no-print-directory -j"$jobs" "$@" all unit >"$log" 2>&1; then
		cat "$log"
		echo "$variant build failed"
		total_f=$((total_f + 1))
		status=1
		rm -f "$log"
		continue
	fi
	make --no-print-directory "$@" $target 2>&1 | tee "$log"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	p=${line%% passed*}
	f=${line#*passed, }
	f=${f%% failed*}
	total_p=$((total_p + ${p:-0}))
	total_f=$((total_f + ${f:-1}))
	[ -n "$line" ] || status=1
	rm -f "$log"
done
echo "== static analysis (cppcheck, clang-tidy)"
if make --no-print-directory lint; then
	total_p=$((total_p + 1))
else
	total_f=$((total_f + 1))
fi
# the fuzzers, briefly: they build, and the seeds and a few seconds find nothing
echo "== fuzzers (${FUZZ_SECONDS:-3} s each; make fuzz for the full run)"
if make --no-print-directory fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-3}"; then
	total_p=$((total_p + 1))
else
	total_f=$((total_f + 1))
fi
# the mutants marked "sample": a few rules broken on purpose must be caught
# (make mutants runs all of them)
echo "== mutants (the sample; make mutants for all)"
if python3 tests/mutants.py --sample --jobs "$jobs"; then
	total_p=$((total_p + 1))
else
	total_f=$((total_f + 1))
fi
[ "$total_f" -eq 0 ] || status=1
echo "total: $total_p passed, $total_f failed"
exit $status
