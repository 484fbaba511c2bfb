# A mentee's first week, through the command line: two mentors, a goal with
# milestones, meetings with action items, a thank-you note, three check-ins,
# edits, a delete and a restore; checked through --json and through sqlite3.
. "$(dirname "$0")/lib.sh"

r add person "Dr. Jane Okafor" --role mentor --org "St. Mary's Hospital" --cadence 30 \
	--email jane.okafor@example.org --met-via "professional organization" \
	--expectations "Monthly call: job market, CV" --tag job --tag "cv, job" --json
expect_rc 0 "add the first mentor"
JANE=$(jqo .id)
expect_id "$JANE" "its id (jane)"
expect_eq "$(jqo .tags)" "job,cv" "tags given twice are merged without repeats"
expect_eq "$(jqo .stage)" "active" "a new person is active"

r add person "Dr. Tom Reyes" --specialty "Hospital medicine" --title "Attending" --json
expect_rc 0 "add the second mentor"
TOM=$(jqo .id)
expect_id "$TOM" "its id (tom)"
expect_eq "$(jqo .role)" "mentor" "the role defaults to mentor"

r add goal "Land a hospitalist job" --category "job search" --target 2027-03-01 --person okafor --json
expect_rc 0 "add a goal linked by part of a name"
GOAL=$(jqo .id)
expect_id "$GOAL" "its id (goal)"
expect_eq "$(jqo .person_id)" "$JANE" "the goal points at Jane"

r add milestone "$GOAL" "Polish CV" --due +7d --json
expect_eq "$(jqo .due_date)" "2026-12-02" "+7d is a week after the fixed today"
MS1=$(jqo .id)
expect_id "$MS1" "its id (ms1)"
r add milestone "$GOAL" "Mock interview" --due "dec 15"
expect_rc 0 "a second milestone"

r add meeting --with Jane --at "yesterday 14:00" --where Zoom --agenda "CV review" \
	--notes "Rewrite the summary; lead with the ICU rotation" --json
expect_rc 0 "log yesterday's meeting"
M1=$(jqo .id)
expect_id "$M1" "its id (m1)"
expect_eq "$(jqo .status)" "done" "a meeting in the past is done"
expect_eq "$(jqo .start_at)" "$(date -d '2026-11-24 14:00 CET' +%s)" "its time is local time, stored as UTC seconds"

r add meeting --with Tom --at "mon 9:30" --duration 45 --agenda "Interview practice" --json
M2=$(jqo .id)
expect_id "$M2" "its id (m2)"
expect_eq "$(jqo .status)" "planned" "a meeting ahead is planned"
expect_eq "$(jqo .duration_min)" "45" "the duration is kept"

r add action "$M1" "Send CV to Dr. Reyes" --due +3d
expect_rc 0 "my action item"
r add action "$M1" "Introduce me to the hiring manager" --owner them --json
ACT2=$(jqo .id)
expect_id "$ACT2" "its id (act2)"
expect_eq "$(jqo .owner)" "them" "their action item"

r add thanks --to Jane --meeting "$M1" --for "CV review" --status sent \
	"Thank you for the careful read of my CV, it made a difference."
expect_rc 0 "a thank-you note"
expect_out "added thanks #1" "the note is confirmed"

for day in 23 24 25; do
	RAPPORT_NOW="2026-11-$day 21:00" r checkin --mood 4 --did "day $day: applications" --next "call Tom"
	expect_rc 0 "check-in on 2026-11-$day"
done
r checkin --mood 5 --json
expect_eq "$(jqo .did)" "day 25: applications" "a second check-in the same day edits it"
expect_eq "$(jqo .mood)" "5" "and changes only what was given"

RAPPORT_NOW='2026-11-26 08:00' r edit person "$JANE" --stage paused --notes "On leave until January"
expect_rc 0 "edit a person"
RAPPORT_NOW='2026-11-26 08:00' r edit goal "$GOAL" --progress 50
r done milestone "$MS1"
expect_out "done: milestone #$MS1" "a milestone is done"
r done action "$ACT2"
expect_rc 0 "an action is done"
expect_eq "$(sql "SELECT done FROM action_item WHERE id = $ACT2")" "1" "and the file says so"

r delete person "$TOM"
expect_out "restore person $TOM" "deleting says how to undo"
r list meetings --json
expect_eq "$(jqo 'length')" "1" "Tom's meeting went to the trash with him"
r list people --trash --json
expect_eq "$(jqo '.[0].name')" "Dr. Tom Reyes" "Tom is in the trash"
r restore person "$TOM"
expect_rc 0 "restore him"
r list meetings --json
expect_eq "$(jqo 'map(.id) | sort | join(",")')" "$M1,$M2" "his meeting came back too"

# --- what the JSON says
r show goal "$GOAL" --json
expect_eq "$(jqo '.progress')" "50" "goal progress edited"
expect_eq "$(jqo '[.milestones[] | select(.done)] | length')" "1" "one milestone done"
r show meeting "$M1" --json
expect_eq "$(jqo '[.action_items[].text] | join("|")')" \
	"Send CV to Dr. Reyes|Introduce me to the hiring manager" "the meeting's action items, in order"
r list people --json
expect_eq "$(jqo 'map(.name) | join("|")')" "Dr. Jane Okafor|Dr. Tom Reyes" "people sorted by name"
expect_eq "$(jqo '.[0].stage')" "paused" "Jane is paused"
r list checkins --json
expect_eq "$(jqo 'map(.day) | join(",")')" "2026-11-25,2026-11-24,2026-11-23" "three check-ins, newest first"
r list meetings --person tom --json
expect_eq "$(jqo 'map(.id) | join(",")')" "$M2" "meetings filtered by person"

# --- what the file says, read by sqlite3 itself
expect_eq "$(sql 'SELECT count(*) FROM person WHERE deleted_at IS NULL')" "2" "sqlite3: two people"
expect_eq "$(sql 'SELECT count(DISTINCT uuid) FROM person') $(sql 'SELECT count(*) FROM person')" "2 2" "sqlite3: uuids are unique"
expect_eq "$(sql "SELECT stage || '|' || notes FROM person WHERE id=$JANE")" "paused|On leave until January" "sqlite3: the edit is stored"
expect_eq "$(sql "SELECT updated_at - created_at FROM person WHERE id=$JANE")" "82800" "sqlite3: updated_at moved with the clock (23 h)"
expect_eq "$(sql 'SELECT count(*) FROM checkin')" "3" "sqlite3: one check-in row per day"
expect_eq "$(sql 'SELECT count(*) FROM meeting WHERE deleted_at IS NOT NULL')" "0" "sqlite3: nothing left in the trash"
expect_eq "$(sql "SELECT status || ' ' || sent_date FROM gratitude")" "sent 2026-11-25" "sqlite3: a sent note gets today's date"
expect_eq "$(sql 'PRAGMA integrity_check')" "ok" "sqlite3: the file is sound"
expect_eq "$(sql 'PRAGMA foreign_key_check' | wc -l)" "0" "sqlite3: every reference holds"
expect_eq "$(stat -c %a "$DB")" "600" "the database is private (0600)"

# --- text output
r list meetings
expect_out "Mon 30 Nov 2026 09:30  Dr. Tom Reyes" "the meeting list shows when and with whom"
r show person "$JANE"
expect_out "Last met              Tue 24 Nov 2026 14:00" "a person shows when we last met"
echo "1..$T_N"
