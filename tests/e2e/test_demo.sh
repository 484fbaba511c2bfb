#!/bin/sh
# test_demo.sh - `rapport demo`: the small friendly database and the big
# reproducible ones the benchmark uses.
. "$(dirname "$0")/lib.sh"

raw --db "$T_DIR/friendly.db" --config "$CONFIG" demo
expect_rc 0 "rapport demo makes the small demo"
expect_out "6 people" "and says what it made"
q() { sqlite3 "$1" "$2"; }
for t in person goal milestone meeting action_item gratitude checkin; do
	n=$(q "$T_DIR/friendly.db" "SELECT count(*) FROM $t")
	[ "$n" -gt 0 ] && ok "it has $t rows ($n)" || not_ok "it has $t rows"
done
now=$(date -d "$RAPPORT_NOW" +%s)
expect_eq "$(q "$T_DIR/friendly.db" "SELECT count(*) FROM meeting WHERE status = 'planned' AND start_at <= $now")" "0" \
	"its planned meetings are all still to come"
expect_eq "$(q "$T_DIR/friendly.db" "SELECT count(*) FROM meeting WHERE status = 'planned'")" "4" "four of them"
expect_eq "$(q "$T_DIR/friendly.db" "SELECT count(*) FROM meeting WHERE time(start_at, 'unixepoch') < '08:00' OR time(start_at, 'unixepoch') > '18:00'")" "0" \
	"every meeting is in working hours"
raw --db "$T_DIR/friendly.db" --config "$CONFIG" search CV --json
expect_rc 0 "its search index answers"
expect_eq "$(jqo "[.[] | select(.snippet | test(\"cv\"; \"i\"))] | length > 0")" "true" "and finds the CV it holds"
raw --db "$T_DIR/friendly.db" --config "$CONFIG" check
expect_rc 0 "and rapport check finds nothing wrong"
expect_out "is sound" "and says it is sound"

raw --db "$T_DIR/friendly.db" --config "$CONFIG" demo
expect_rc 1 "a demo into a database that has data is refused"
expect_err "not empty" "and says why"

# the same seed, the same database; another seed, another one
for name in a b; do
	raw --db "$T_DIR/$name.db" --config "$CONFIG" demo --meetings 3000 --seed 5
	raw --db "$T_DIR/$name.db" --config "$CONFIG" export --format json -o "$T_DIR/$name.json"
	sed 's/"exported_at":[0-9]*,//' "$T_DIR/$name.json" >"$T_DIR/$name.cmp"
done
raw --db "$T_DIR/c.db" --config "$CONFIG" demo --meetings 3000 --seed 6
raw --db "$T_DIR/c.db" --config "$CONFIG" export --format json -o "$T_DIR/c.json"
sed 's/"exported_at":[0-9]*,//' "$T_DIR/c.json" >"$T_DIR/c.cmp"
expect_eq "$(q "$T_DIR/a.db" "SELECT count(*) FROM meeting")" "3000" "--meetings 3000 makes 3000 meetings"
# the comparisons below mean something only if each export holds them all
for name in a b c; do
	expect_eq "$(jq '.meetings | length' "$T_DIR/$name.json")" "3000" "seed export $name holds the 3000 meetings"
done
if cmp -s "$T_DIR/a.cmp" "$T_DIR/b.cmp"; then ok "the same seed makes the same data"; else not_ok "the same seed makes the same data"; fi
if cmp -s "$T_DIR/a.cmp" "$T_DIR/c.cmp"; then not_ok "another seed makes other data"; else ok "another seed makes other data"; fi
expect_eq "$(q "$T_DIR/a.db" "SELECT count(*) FROM meeting WHERE status = 'planned' AND start_at <= $now")" "0" \
	"the big demo's planned meetings are to come too"
echo "1..$T_N"
