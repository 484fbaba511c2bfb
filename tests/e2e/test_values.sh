#!/bin/sh
# Values from files and the command line: instants out of range, control
# characters on a terminal, cuts inside a character, the daylight-saving
# gap and overlap, repeated options, a pipe that is no export.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

r add person "Ada Lovelace"
r add meeting --with Ada --at "2026-11-20 10:00" --agenda "CV"
r export --format json -o "$T_DIR/good.json"

# --- instants out of range: refused where they enter, naming record and field
# (sed, not jq: jq would turn 2^63-1 into a float)
jq '.meetings[0].uuid = "11111111-1111-4111-8111-111111111111"' "$T_DIR/good.json" |
	sed 's/"start_at": *[0-9]*/"start_at":9223372036854775807/' >"$T_DIR/huge.json"
r import "$T_DIR/huge.json"
expect_rc 1 "an import with start_at 2^63-1 is refused"
expect_err "meetings[0].start_at" "naming the record and the field"
expect_err "between 1900-01-01 and 9999-12-30 UTC" "and the range"
jq '.meetings[0].start_at = 1795165200000 | .meetings[0].uuid = "11111111-1111-4111-8111-111111111112"' "$T_DIR/good.json" >"$T_DIR/ms.json"
r import "$T_DIR/ms.json"
expect_rc 1 "a timestamp in milliseconds is refused"
expect_err "milliseconds?" "and the message guesses why"
jq '.people[0].created_at = -9999999999999 | .people[0].uuid = "11111111-1111-4111-8111-111111111113"' "$T_DIR/good.json" >"$T_DIR/old.json"
r import "$T_DIR/old.json"
expect_rc 1 "a created_at before 1900 is refused"
expect_err "people[0].created_at" "naming it"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:far@t\r\nDTSTART:18000101T100000Z\r\nSUMMARY:Meeting with Old Timer\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$T_DIR/far.ics"
r import "$T_DIR/far.ics"
expect_rc 1 "an .ics event in the year 1800 is refused"
expect_err "far.ics" "naming the file"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:old-day@t\r\nDTSTART;VALUE=DATE:18991231\r\nSUMMARY:Meeting with Old Timer\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$T_DIR/oldday.ics"
r import "$T_DIR/oldday.ics"
expect_rc 1 "an all-day .ics event in 1899 is refused (not taken as 1970)"
expect_err "starts in the year 1899" "saying the year"
r add meeting --with Ada --at "+9000y"
expect_rc 1 "--at nine thousand years on is refused"
TZ=America/Los_Angeles r add meeting --with Ada --at "9999-12-31 23:59"
expect_rc 1 "the last minute of 9999 in Los Angeles (10000 in UTC) is refused"
expect_err "9999-12-31 23:59 is outside the times rapport keeps (1900-01-01 to 9999-12-30 UTC)" "saying the typed time and the range"
r add meeting --with Ada --at "9000-06-01 10:00" --status planned
expect_rc 0 "a meeting in the year 9000 is kept"
r export --format ics -o "$T_DIR/far-future.ics"
expect_rc 1 "but the .ics export says libical cannot write it"
expect_err "after the year 3000" "saying why"
[ -e "$T_DIR/far-future.ics" ] && not_ok "and writes no broken calendar" || ok "and writes no broken calendar"
r delete meeting "$(sql "SELECT id FROM meeting WHERE start_at > 32535215999")"
r list meetings
expect_rc 0 "the list still reads"
r export --format md
expect_rc 0 "and the report"
r export --format ics --all
expect_out "DTSTART:20261120T090000Z" "and the calendar, whole"
# a file written before these checks (the value put in by hand) shows and
# exports without a crash
sqlite3 "$DB" "UPDATE meeting SET start_at = 9223372036854775807 WHERE id = 1"
for cmd in "list meetings" "show meeting 1" "export --format md" "export --format ics" "export --format csv --kind meeting" "today"; do
	r $cmd
	case "$RC" in 0|1) ok "a stored 2^63-1: '$cmd' does not crash" ;; *) not_ok "a stored 2^63-1: '$cmd' does not crash" "exit $RC" "$ERR" ;; esac
done
r show meeting 1
expect_out "no such time" "and says the time is not one"
sqlite3 "$DB" "UPDATE meeting SET start_at = 1795165200 WHERE id = 1"

# --- the daylight-saving gap and overlap (TZ=Europe/Berlin)
r add meeting --with Ada --at "2026-03-29 02:30"
expect_rc 1 "a time in the spring gap is refused"
expect_err "does not exist here" "saying it does not exist"
expect_err "03:30" "and what it would be"
r add meeting --with Ada --at "2026-10-25 02:30" --json
expect_rc 0 "a time in the autumn overlap is taken"
expect_eq "$(jqo .start_at)" "1792888200" "at its first occurrence (00:30 UTC, summer time)"
r add meeting --with Ada --at "2026-03-29 03:30" --json
expect_eq "$(jqo .start_at)" "1774747800" "the hour after the gap is itself"

# an .ics import by the same rule, floating or in a time zone it defines
ics_at() { # FILE UID DTSTART-LINE: one event with Ada, an hour long
	cat >"$1" <<ICS
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//rapport tests//EN
BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:$2
DTSTAMP:20261101T000000Z
$3
DURATION:PT1H
SUMMARY:Talk
ATTENDEE;CN=Ada Lovelace:mailto:ada@example.org
END:VEVENT
END:VCALENDAR
ICS
}
start_of() { sql "SELECT start_at FROM meeting WHERE uuid = (SELECT uuid FROM meeting ORDER BY id DESC LIMIT 1)"; }
ics_at "$T_DIR/gap.ics" gap-floating@test "DTSTART:20260329T023000"
r import "$T_DIR/gap.ics"
expect_rc 0 "an .ics event at 02:30 in the spring gap (floating) is imported"
expect_eq "$(start_of)" "1774747800" "at 03:30, the same moment (01:30 UTC)"
expect_err "02:30 does not exist" "and the import says so"
ics_at "$T_DIR/gapz.ics" gap-zoned@test "DTSTART;TZID=Europe/Berlin:20260329T024500"
r import "$T_DIR/gapz.ics"
expect_eq "$(start_of)" "1774748700" "in the spring gap of its own TZID: at 03:45 (01:45 UTC)"
expect_err "02:45 does not exist in Europe/Berlin (the clocks skip it)" "and the import says so, naming the zone as people do"
sed '/BEGIN:VTIMEZONE/,/END:VTIMEZONE/d; s/gap-zoned@test/gap-builtin@test/' "$T_DIR/gapz.ics" >"$T_DIR/gapb.ics"
r import "$T_DIR/gapb.ics"
expect_eq "$(start_of)" "1774748700" "a TZID without its VTIMEZONE (libical's own zone): at 03:45 too"
expect_err "02:45 does not exist in Europe/Berlin (the clocks skip it)" "and named as people name it"
ics_at "$T_DIR/over.ics" overlap-floating@test "DTSTART:20261025T023000"
r import "$T_DIR/over.ics"
expect_eq "$(start_of)" "1792888200" "floating, in the autumn overlap: the first 02:30 (00:30 UTC)"
ics_at "$T_DIR/overz.ics" overlap-zoned@test "DTSTART;TZID=Europe/Berlin:20261025T023000"
r import "$T_DIR/overz.ics"
expect_eq "$(start_of)" "1792888200" "in the overlap of its own TZID: the first 02:30 too"
ics_at "$T_DIR/plain.ics" plain-zoned@test "DTSTART;TZID=Europe/Berlin:20261025T033000"
r import "$T_DIR/plain.ics"
expect_eq "$(start_of)" "1792895400" "an hour after the overlap is itself (02:30 UTC)"
case "$ERR" in *"does not exist"*) not_ok "and nothing is said of it" "$ERR" ;; *) ok "and nothing is said of it" ;; esac

# the end by the same rule as the start: a floating DTEND or DURATION is
# local time too, and a zoned end in the overlap is the first one as well
ics_end() { # FILE UID LINES...: one event with Ada, the lines given
	f=$1 uid=$2
	shift 2
	{
		printf 'BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//rapport tests//EN\n'
		sed -n '/BEGIN:VTIMEZONE/,/END:VTIMEZONE/p' "$T_DIR/gap.ics"
		printf 'BEGIN:VEVENT\nUID:%s\nDTSTAMP:20261101T000000Z\n' "$uid"
		for l in "$@"; do printf '%s\n' "$l"; done
		printf 'SUMMARY:Talk\nATTENDEE;CN=Ada Lovelace:mailto:ada@example.org\nEND:VEVENT\nEND:VCALENDAR\n'
	} >"$f"
}
minutes_of() { sql "SELECT duration_min FROM meeting WHERE uuid = (SELECT uuid FROM meeting ORDER BY id DESC LIMIT 1)"; }
ics_end "$T_DIR/e1.ics" end-floating@test "DTSTART:20260601T100000" "DTEND:20260601T113000"
r import "$T_DIR/e1.ics"
expect_eq "$(minutes_of)" "90" "a floating DTEND: the meeting lasts to it (90 minutes)"
ics_end "$T_DIR/e2.ics" dur-floating@test "DTSTART:20260602T100000" "DURATION:PT45M"
r import "$T_DIR/e2.ics"
expect_eq "$(minutes_of)" "45" "a floating start with a DURATION: that long"
ics_end "$T_DIR/e3.ics" end-overlap@test "DTSTART;TZID=Europe/Berlin:20261025T020000" "DTEND;TZID=Europe/Berlin:20261025T023000"
r import "$T_DIR/e3.ics"
expect_eq "$(minutes_of)" "30" "02:00 to 02:30 in the autumn overlap: 30 minutes, not 90"
ics_end "$T_DIR/e4.ics" noend-overlap@test "DTSTART;TZID=Europe/Berlin:20261025T023000"
r import "$T_DIR/e4.ics"
expect_eq "$(minutes_of)" "30" "no end, in the overlap: the usual 30 minutes, not 60"

# an all-day event is the day where the user is, not the day at Greenwich
ics_end "$T_DIR/allday.ics" allday@test "DTSTART;VALUE=DATE:20260601" "DTEND;VALUE=DATE:20260602"
TZ=America/New_York r import "$T_DIR/allday.ics"
expect_eq "$(start_of)" "1780286400" "an all-day event in New York starts at its midnight (04:00 UTC), not the evening before"
expect_eq "$(minutes_of)" "1440" "and lasts the day"

# the form's preview says the same
ui_start 120 35
wait_for "Ada Lovelace" "the screen opens"
keys m
wait_for "New meeting" "m: a meeting with Ada"
type_text "2026-03-29 02:30"
wait_for "does not exist here" "the preview says a time in the gap does not exist"
keys C-u
type_text "2026-10-25 02:30"
wait_for "-> Sun 25 Oct 2026 02:30" "a time in the overlap previews as itself"
keys Escape
wait_for "Discard" "Esc asks before dropping what was typed"
keys y
wait_gone "New meeting" "the form closes"
keys q
wait_exit "quits"

# --- a repeated single-valued option is a usage error
r checkin --day 2026-01-01 --day 2026-01-02 --mood 3
expect_rc 2 "checkin --day twice: usage error"
expect_err "--day is given twice" "saying which option"
expect_eq "$(sql 'SELECT count(*) FROM checkin')" "0" "and no check-in is made"
r add person "Bo" --role mentor --role peer
expect_rc 2 "add person --role twice: usage error"
r edit person 1 --notes a --notes b
expect_rc 2 "edit --notes twice: usage error"
r export --format json -o "$T_DIR/a.json" --output "$T_DIR/b.json"
expect_rc 2 "export -o and --output: usage error"
raw --db "$DB" --db "$T_DIR/other.db" --config "$CONFIG" list people
expect_rc 2 "--db twice: usage error"
r add person "Cy Tagged" --tag cv --tag interview
expect_rc 0 "--tag may repeat"
expect_eq "$(sql "SELECT tags FROM person WHERE name = 'Cy Tagged'")" "cv,interview" "each adds a tag"

# --- control characters never reach a terminal raw
csi=$(printf '\302\233')
r add person "EVIL${csi}2Jtest" --cadence 1 --notes "$(printf 'line one\rsafe text')"
expect_rc 0 "a name with a C1 control and notes with a CR are taken (stored as given)"
r add person "Esc Notes" --notes "$(printf 'a\033]0;owned\007')"
expect_rc 1 "C0 controls such as ESC are refused where they enter"
id=$(sql "SELECT id FROM person WHERE name LIKE 'EVIL%'")
# on a terminal (script gives the command one)
script -qec "'$RAPPORT' --db '$DB' --config '$CONFIG' show person $id" /dev/null >"$T_DIR/tty.out" 2>&1
if grep -q "$(printf '\302\233')" "$T_DIR/tty.out"; then not_ok "show on a terminal: no C1 control (CSI)"; else ok "show on a terminal: no C1 control (CSI)"; fi
if grep -q "$(printf '\033]')" "$T_DIR/tty.out"; then not_ok "no ESC ] (title) sequence"; else ok "no ESC ] (title) sequence"; fi
if grep -q 'EVIL\\x9b2Jtest' "$T_DIR/tty.out"; then ok "the CSI is shown escaped"; else not_ok "the CSI is shown escaped" "$(cat -v "$T_DIR/tty.out")"; fi
if grep -q 'line one^Msafe text' "$T_DIR/tty.out"; then ok "a lone CR is shown as ^M"; else not_ok "a lone CR is shown as ^M" "$(cat -v "$T_DIR/tty.out")"; fi
for cmd in "today" "search EVIL" "list people" "export --format md"; do
	script -qec "'$RAPPORT' --db '$DB' --config '$CONFIG' $cmd" /dev/null >"$T_DIR/tty.out" 2>&1
	# the name is in each output (today: due tomorrow), shown escaped
	if grep -q "$(printf '\302\233')" "$T_DIR/tty.out" || grep -q "$(printf '\033]0')" "$T_DIR/tty.out" ||
		! grep -q 'EVIL\\x9b2Jtest' "$T_DIR/tty.out"; then
		not_ok "'$cmd' on a terminal: the name, and no control sequence from it" "$(cat -v "$T_DIR/tty.out" | head -8)"
	else
		ok "'$cmd' on a terminal: the name, and no control sequence from it"
	fi
done
script -qec "'$RAPPORT' --db '$DB' --config '$CONFIG' export --format md -o /dev/stdout" /dev/null >"$T_DIR/tty.out" 2>&1
if grep -q "$(printf '\302\233')" "$T_DIR/tty.out"; then not_ok "export -o /dev/stdout on a terminal: no control sequence"; else ok "export -o /dev/stdout on a terminal: no control sequence"; fi
grep -q 'EVIL\\x9b2Jtest' "$T_DIR/tty.out" && ok "and the name is there, escaped" || not_ok "and the name is there, escaped" "$(cat -v "$T_DIR/tty.out" | head -5)"
script -qec "'$RAPPORT' --db '$DB' --config '$CONFIG' show person 'x${csi}y'" /dev/null >"$T_DIR/tty.out" 2>&1
if grep -q "$(printf '\302\233')" "$T_DIR/tty.out"; then not_ok "an argument echoed in a message is escaped too"; else ok "an argument echoed in a message is escaped too"; fi
# to a pipe or a file the text is kept as it is (the export is lossless)
r show person "$id"
case "$OUT" in *"$csi"*) ok "to a pipe, the text is as stored" ;; *) not_ok "to a pipe, the text is as stored" ;; esac
r export --format json -o "$T_DIR/raw.json"
expect_eq "$(jq -r '.people[] | select(.name | startswith("EVIL")) | .name' "$T_DIR/raw.json")" "EVIL${csi}2Jtest" "and the JSON export keeps it exactly"

# on the screen too: the pane, the timeline and the form draw a bidi
# override escaped (the C library calls it printable, of width 0)
rlo=$(printf '\342\200\256')
r add person "Bidi${rlo}Name" --notes "Bidi${rlo}Notes"
ui_start 120 35
wait_for 'Bidi\u202eName' "the screen shows a bidi override escaped in the list"
keys /
type_text "bidi"
keys Enter
wait_for 'Bidi\u202eNotes' "and in the search results"
keys Escape
wait_gone "Search:" "the search closes"
select_row 'Bidi\u202eName' "the person selected"
wait_for 'Notes' "the timeline shows the notes"
keys e
wait_for "Edit person" "the edit form opens"
wait_for 'Bidi\u202eName' "and shows the name escaped"
case "$(tm capture-pane -p -e -t "$TM_T")" in *"$rlo"*) not_ok "no raw override reaches the terminal" ;; *) ok "no raw override reaches the terminal" ;; esac
keys Escape
wait_gone "Edit person" "the form closes"
keys q
wait_exit "quits"

# --- cuts fall between characters, and every format refuses too long alike
cjk=$(python3 -c 'print("医" * 300)')
r add meeting --with Ada --at "2026-11-21 10:00" --agenda "$cjk"
expect_rc 0 "a long CJK agenda is added"
printf '%s' "$OUT" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && ok "its echo is valid UTF-8" || not_ok "its echo is valid UTF-8" "$OUT"
case "$OUT" in *"医… (Sat 21 Nov 2026 10:00, done)") ok "and ends in … where it is cut, then the time and state" ;; *) not_ok "and ends in … where it is cut" "$OUT" ;; esac
r add person "$(python3 -c 'print("王" * 66)')"
expect_out "$(python3 -c 'print("王" * 34)')…" "a long CJK name is echoed in 70 columns, whole characters, with …"
r list meetings
printf '%s' "$OUT" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && ok "the list is valid UTF-8" || not_ok "the list is valid UTF-8"
long=$(python3 -c 'print("Dr. " + "é" * 120)')
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:long@t\r\nDTSTART:20261101T100000Z\r\nSUMMARY:Meeting with %s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' "$long" >"$T_DIR/long.ics"
r import "$T_DIR/long.ics"
expect_rc 1 "an .ics with a name over 200 bytes is refused, as in CSV and JSON"
expect_err "long.ics" "naming the file"
expect_err "event" "and the event"
expect_err "too long" "and saying too long, not a cut"
printf 'name,email\n"%s",\n' "$long" >"$T_DIR/long.csv"
r import "$T_DIR/long.csv"
expect_rc 1 "the same name from a CSV is refused"
expect_err "too long" "the same way"

# --- a pipe that is no export is refused in its first bytes
start=$(date +%s)
head -c 1000000000 /dev/zero | "$RAPPORT" --db "$DB" --config "$CONFIG" import /dev/stdin >"$T_DIR/.out" 2>"$T_DIR/.err"
RC=$? ERR=$(cat "$T_DIR/.err") OUT=
took=$(( $(date +%s) - start ))
expect_rc 1 "1 GB of zeros from a pipe is refused"
expect_err "NUL byte (byte 1)" "at its first byte"
[ "$took" -le 5 ] && ok "at once (${took} s)" || not_ok "at once" "${took} s"
printf 'hello' | "$RAPPORT" --db "$DB" --config "$CONFIG" import /dev/stdin >/dev/null 2>"$T_DIR/.err"
RC=$? ERR=$(cat "$T_DIR/.err")
expect_rc 1 "text that is no JSON from a pipe is refused"
expect_err "'{' was expected at byte 1" "saying where"
r export --format json
printf '%s' "$OUT" | "$RAPPORT" --db "$T_DIR/copy.db" --config "$CONFIG" import /dev/stdin >/dev/null 2>&1
expect_eq "$?" "0" "a real export from a pipe imports"
expect_eq "$(sqlite3 "$T_DIR/copy.db" 'SELECT count(*) FROM person')" "$(sql 'SELECT count(*) FROM person')" "whole"

# --- a count in a narrow column is never cut: 764 days late reads so, not
# "late 76…", and past 999 days in whole years
DB="$T_DIR/late.db"
r add person "Long Gone" --cadence 1
r add meeting --with "Long Gone" --at "2024-01-01 10:00" --status done
expect_rc 0 "a meeting nearly three years ago"
r add person "Two Years" --cadence 14
r add meeting --with "Two Years" --at "2024-10-08 14:30" --status done
ui_start 120 35
wait_for "Long Gone" "the screen opens"
wait_for "late 764d" "the Mentors pane says how late, whole"
wait_for "late 2y" "past 999 days (1058), in whole years"
keys q
wait_exit "quits"
echo "1..$T_N"
