# Search, export, import, backup and check from the command line.
. "$(dirname "$0")/lib.sh"

r add person "Dr. Jane Okafor" --org "St. Mary's" --notes "Met at the résidence interest group"
r add person "Dr. Tom Reyes" --expectations "Interview practice, twice a month"
r add goal "Land a hospitalist job" --person jane
r add milestone 1 "Interview rehearsal"
r add meeting --with jane --at "2026-11-20 10:00" --agenda "CV review" --notes "Interview interview: the STAR shape"
r add action 1 "Send the CV to the hiring manager" --due +3d
r add thanks --to jane --meeting 1 "Thank you for the interview tips; 谢谢!"
r checkin --mood 4 --did "Two interview answers rewritten" --goal 1
r add person "Dr. Trashed" --notes "interview in the trash"
r delete person 3

# --- search
r search interview
expect_rc 0 "rapport search"
expect_out "person    #2 Dr. Tom Reyes" "finds a person by their expectations"
expect_out "checkin   #1 2026-11-25" "finds a check-in"
expect_out "[Interview] [interview]: the STAR shape" "marks the words found"
case "$OUT" in *Trashed*) not_ok "the trash is not searched" ;; *) ok "the trash is not searched" ;; esac
r search interview --kind meeting --json
expect_eq "$(jqo 'map(.kind + "#" + (.id|tostring)) | join(",")')" "meeting#1" "--kind narrows it"
r search 'interv*' --json
expect_eq "$(jqo 'length')" "5" "a prefix (Tom, the milestone, the meeting, the note, the check-in)"
r search '"interest group"' --json
expect_eq "$(jqo '.[0].kind')" "person" "a phrase"
r search residence --json
expect_eq "$(jqo 'length')" "1" "accents do not matter"
r search '!!!' '((' 'AND'
expect_rc 0 "punctuation and operators are no error"
r search 'NEAR(' --json
expect_rc 0 "nor is FTS syntax typed by a person"

# --- export and import: exact, idempotent, merged
r export --format json -o "$T_DIR/one.json"
expect_rc 0 "export --format json -o FILE"
expect_eq "$(stat -c %a "$T_DIR/one.json")" "600" "the export is private (0600)"
expect_eq "$(jq -r '.people | length' "$T_DIR/one.json")" "3" "the trash is exported too"
expect_eq "$(jq -r '.meetings[0].person_uuid == .people[0].uuid' "$T_DIR/one.json")" "true" "references travel by uuid"
expect_eq "$(jq -r '.checkins[0].goal_uuid == .goals[0].uuid' "$T_DIR/one.json")" "true" "a check-in's goal too"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/one.json"
expect_rc 0 "import into an empty database"
expect_out "imported $T_DIR/one.json: 9 added, 0 updated, 0 already up to date" "says what it did"
raw --db "$T_DIR/two.db" --config "$CONFIG" export --format json -o "$T_DIR/two.json"
expect_eq "$(jq -r '.people | length' "$T_DIR/two.json")" "3" "the second export holds them all too"
if cmp -s "$T_DIR/one.json" "$T_DIR/two.json"; then ok "export, import, export: the same document"
else not_ok "export, import, export: the same document" "$(diff "$T_DIR/one.json" "$T_DIR/two.json" | head -5)"; fi
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/one.json"
expect_out "0 added, 0 updated, 9 already up to date" "importing twice changes nothing"
r import "$T_DIR/one.json"
expect_out "0 added, 0 updated, 9 already up to date" "an export read back into its own database: every row found by its uuid"
raw --db "$T_DIR/two.db" --config "$CONFIG" search tips --json
expect_eq "$(jqo '.[0].kind')" "thanks" "imported rows are searchable"

# newer wins, older does not
jq '.people[1].name = "Dr. Thomas Reyes" | .people[1].updated_at += 100' "$T_DIR/one.json" >"$T_DIR/newer.json"
jq '.people[0].name = "Old Name" | .people[0].updated_at -= 100' "$T_DIR/one.json" >"$T_DIR/older.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/newer.json"
expect_out "0 added, 1 updated, 8 already up to date" "a newer row replaces ours"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/older.json"
expect_out "0 added, 0 updated, 9 already up to date" "an older one does not"
raw --db "$T_DIR/two.db" --config "$CONFIG" list people --json
expect_eq "$(jqo 'map(.name) | join("|")')" "Dr. Jane Okafor|Dr. Thomas Reyes" "the names are right"

# a delete and a restore travel too: each is a newer version of its row
r add person "Moves Between"
mover=$(sql "SELECT uuid FROM person WHERE name = 'Moves Between'")
r export --format json -o "$T_DIR/mover.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/mover.json"
expect_eq "$(sqlite3 "$T_DIR/two.db" "SELECT deleted_at IS NULL FROM person WHERE uuid = '$mover'")" "1" "a new person arrives live"
r delete person "$(sql "SELECT id FROM person WHERE uuid = '$mover'")"
r export --format json -o "$T_DIR/mover.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/mover.json"
expect_out "0 added, 1 updated" "a delete here is an update there"
expect_eq "$(sqlite3 "$T_DIR/two.db" "SELECT deleted_at IS NOT NULL FROM person WHERE uuid = '$mover'")" "1" "and the person is in the trash there too"
r restore person "$(sql "SELECT id FROM person WHERE uuid = '$mover'")"
r export --format json -o "$T_DIR/mover.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/mover.json"
expect_eq "$(sqlite3 "$T_DIR/two.db" "SELECT deleted_at IS NULL FROM person WHERE uuid = '$mover'")" "1" "a restore here brings it back there"
r delete person "$(sql "SELECT id FROM person WHERE uuid = '$mover'")"

# a bad record imports nothing, and says where
sum_before=$(raw --db "$T_DIR/two.db" --config "$CONFIG" export --format json; printf '%s' "$OUT" | jq -c 'del(.exported_at)' | sha256sum)
jq '.goals[0].uuid = "11111111-2222-4333-8444-555555555555" | .people[1].email = "not an address" | .people[1].updated_at += 500' "$T_DIR/one.json" >"$T_DIR/bad.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/bad.json"
expect_rc 1 "an import with a bad record fails"
expect_err "bad.json: people[1]: Email: 'not an address' does not look like an e-mail address; nothing was imported" "and says which record and field"
sum_after=$(raw --db "$T_DIR/two.db" --config "$CONFIG" export --format json; printf '%s' "$OUT" | jq -c 'del(.exported_at)' | sha256sum)
[ "$sum_before" != "$(printf '' | sha256sum)" ] && ok "(the export to compare is not empty)" || not_ok "(the export to compare is not empty)"
expect_eq "$sum_after" "$sum_before" "the database is unchanged (export hash)"

# hostile files
head -c 700 "$T_DIR/one.json" >"$T_DIR/truncated.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/truncated.json"
expect_rc 1 "a truncated file"
case "$ERR" in *truncated.json:[0-9]*:[0-9]*:*) ok "is placed by line and column" ;; *) not_ok "is placed by line and column" "$ERR" ;; esac
jq '.people[0].cadence_days = "monthly"' "$T_DIR/one.json" >"$T_DIR/types.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/types.json"
expect_err "people[0].cadence_days: must be a whole number" "a wrong type"
jq '.meetings[0].start_at = "2026-11-20 10:00" | .meetings[0].updated_at += 1' "$T_DIR/one.json" >"$T_DIR/time-text.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/time-text.json"
expect_rc 1 "a time as text, not seconds, is refused"
expect_err "meetings[0].start_at: must be a whole number" "and placed"
jq '.people[0].hobby = "golf" | .people[0].updated_at += 1' "$T_DIR/one.json" >"$T_DIR/unknown.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/unknown.json"
expect_out "(1 unknown fields ignored)" "unknown fields are counted, not fatal"
head -c 300000 /dev/zero | tr '\0' x >"$T_DIR/big.txt"
jq --rawfile big "$T_DIR/big.txt" '.people[0].notes = $big | .people[0].updated_at += 9' "$T_DIR/one.json" >"$T_DIR/huge.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/huge.json"
expect_err "Notes: too long" "a huge field is refused"
printf '{"format":"rapport","people":[{"uuid":"\377\376"}]}' >"$T_DIR/utf8.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/utf8.json"
expect_rc 1 "invalid UTF-8"
expect_err "unable to decode byte 0xff" "is refused as such, naming the byte"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; }' >"$T_DIR/bomb.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/bomb.json"
expect_rc 1 "a nesting bomb is refused, not a crash"
# and one inside a record, where the reader is at work
{ printf '{"format":"rapport","people":[{"uuid":"11111111-2222-4333-8444-555555555555","notes":'; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; }'; } >"$T_DIR/bomb2.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/bomb2.json"
expect_rc 1 "a nesting bomb inside a record is refused"
expect_err "bomb2.json:1:" "placed"
# the file is read a record at a time: a mistake deep in it is still
# placed by line and column, and refuses the whole file
line=$(grep -n '"Dr. Tom Reyes"' "$T_DIR/one.json" | cut -d: -f1)
sed "${line}s/\"name\":/\"name\" /" "$T_DIR/one.json" >"$T_DIR/syntax.json"
# jansson places a mistake just past the token it tripped on: the name's value
col=$(sed -n "${line}p" "$T_DIR/syntax.json" | awk '{ print index($0, "\"Dr. Tom Reyes\"") + 15 }')
raw --db "$T_DIR/fresh.db" --config "$CONFIG" import "$T_DIR/syntax.json"
expect_err "syntax.json:$line:$col: ':' expected near '\"Dr. Tom Reyes\"'" "a syntax error inside a record: its line and column ($line:$col)"
raw --db "$T_DIR/fresh.db" --config "$CONFIG" list people --json
expect_eq "$(jqo 'length')" "0" "the record before it (Jane, line $((line - 1))) is not imported either"
{ cat "$T_DIR/one.json"; echo '{}'; } >"$T_DIR/trailing.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/trailing.json"
expect_err "more after the end of the document" "more after the document"
printf '{"format":"rapport","people":[],"people":[]}' >"$T_DIR/twice.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/twice.json"
expect_err '"people" appears twice' "a list given twice"
# an export from an older rapport lacks the fields added since: their
# defaults are taken (progress by hand: no; a check-in's goal: none)
jq 'del(.goals[].progress_manual, .checkins[].goal_uuid, .checkins[].goal_id)' "$T_DIR/one.json" >"$T_DIR/older-version.json"
raw --db "$T_DIR/older.db" --config "$CONFIG" import "$T_DIR/older-version.json"
expect_out "9 added" "an export without the newer fields imports"
raw --db "$T_DIR/older.db" --config "$CONFIG" show goal 1 --json
expect_eq "$(jqo '.progress_manual')" "false" "with their defaults"
# from a pipe, not only a file
OUT=$(cat "$T_DIR/one.json" | "$RAPPORT" --db "$T_DIR/pipe.db" --config "$CONFIG" import /dev/stdin 2>&1)
expect_out "9 added" "import from a pipe (/dev/stdin)"
printf '{"songs": []}' >"$T_DIR/foreign.json"
raw --db "$T_DIR/two.db" --config "$CONFIG" import "$T_DIR/foreign.json"
expect_err "not a rapport export" "someone else's JSON"

# --- backup and check
r backup "$T_DIR/copy.db"
expect_out "backed up to $T_DIR/copy.db" "rapport backup FILE"
expect_eq "$(stat -c %a "$T_DIR/copy.db")" "600" "the copy is private"
raw --db "$T_DIR/copy.db" --config "$CONFIG" list people --json
expect_eq "$(jqo 'length')" "2" "the copy opens, with the data"
r backup
expect_out "backed up to $DB." "without a name: beside the database, dated"
r check
expect_rc 0 "rapport check"
expect_out "OK:" "says OK"
sqlite3 "$DB" "PRAGMA foreign_keys=OFF; UPDATE meeting SET person_id = 99 WHERE id = 1;"
r check
expect_rc 1 "a broken reference is found"
expect_out "meeting row 1 refers to a missing person" "and named"
echo "1..$T_N"
