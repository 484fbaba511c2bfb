# Calendars, CSV and Markdown, checked by parsers we did not write
# (Python's icalendar and csv modules).
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
$PY -c 'import icalendar, csv' 2>/dev/null || { echo "not ok 1 - python3-icalendar is missing"; exit 1; }

cjk=$(printf '李%.0s' $(seq 1 200))
r add person "Dr. Jane Okafor; \"JO\", MD\\PhD" --org "St. Mary's, West" --notes "line one
line two"
r add meeting --with 1 --at "2026-12-01 09:00" --duration 45 --where "Room 3; floor 2, east" \
	--agenda "Semi;colons, commas, back\\slashes
and a new line, then $cjk"
r add meeting --with 1 --at "2026-11-20 10:00" --agenda "Past, done"
r add meeting --with 1 --at "2026-12-03 09:00" --agenda "Called off" --status cancelled

# --- iCalendar
r export --format ics -o "$T_DIR/planned.ics"
expect_rc 0 "export --format ics"
r export --format ics --all -o "$T_DIR/all.ics"
cat >"$T_DIR/check_ics.py" <<'PYEOF'
import sys, icalendar
raw = open(sys.argv[1], 'rb').read()
lines = raw.split(b'\r\n')
assert raw.endswith(b'\r\n'), 'CRLF at the end'
assert b'\n' not in raw.replace(b'\r\n', b''), 'bare newlines'
for l in lines:
    assert len(l) <= 75, 'a line longer than 75 octets: %d' % len(l)
    l.decode('utf-8')  # every physical line is whole UTF-8: no split character
cal = icalendar.Calendar.from_ical(raw)
assert str(cal['VERSION']) == '2.0' and 'rapport' in str(cal['PRODID'])
events = [c for c in cal.walk('VEVENT')]
for e in events:
    for key in ('UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY'):
        assert key in e, key + ' missing'
    assert e.decoded('DTSTART').tzinfo is not None, 'DTSTART in UTC'
print(len(events))
for e in events:
    print(e.decoded('DTSTART').strftime('%Y-%m-%dT%H:%MZ'), int((e.decoded('DTEND') - e.decoded('DTSTART')).total_seconds() // 60))
    print(str(e['SUMMARY']))
    print(str(e.get('LOCATION', '')))
    print(str(e.get('DESCRIPTION', '')).replace('\n', '\\n'))
PYEOF
out=$($PY "$T_DIR/check_ics.py" "$T_DIR/planned.ics" 2>&1)
expect_eq "$(printf '%s\n' "$out" | head -n 1)" "1" "only the planned meeting by default (a parser we did not write reads it)"
expect_eq "$(printf '%s\n' "$out" | sed -n 2p)" "2026-12-01T08:00Z 45" "DTSTART in UTC (09:00 in Berlin), DTEND from the duration"
expect_eq "$(printf '%s\n' "$out" | sed -n 3p)" "Meeting with Dr. Jane Okafor; \"JO\", MD\\PhD" "SUMMARY escaped and read back whole"
expect_eq "$(printf '%s\n' "$out" | sed -n 4p)" "Room 3; floor 2, east" "LOCATION with ; and ,"
expect_eq "$(printf '%s\n' "$out" | sed -n 5p)" "Semi;colons, commas, back\\slashes\\nand a new line, then $cjk" \
	"DESCRIPTION: escapes, a line break and 200 CJK characters survive folding"
expect_eq "$(grep -c 'BEGIN:VEVENT' "$T_DIR/all.ics")" "3" "--all exports every meeting"
expect_eq "$($PY "$T_DIR/check_ics.py" "$T_DIR/all.ics" | head -n 1)" "3" "and it parses"

# import: into another database, twice
raw --db "$T_DIR/cal.db" --config "$CONFIG" import "$T_DIR/all.ics"
expect_rc 0 "import an .ics"
expect_out "4 added" "three meetings and the person they are with"
raw --db "$T_DIR/cal.db" --config "$CONFIG" import "$T_DIR/all.ics"
expect_out "0 added, 0 updated, 3 already up to date" "importing it twice changes nothing"
# rapport's own UIDs ("<uuid>@rapport") name the very rows they came from:
# the imported meetings keep their uuids, and the file read back into the
# database it came from finds every meeting there already
expect_eq "$(sqlite3 "$T_DIR/cal.db" 'SELECT uuid FROM meeting ORDER BY uuid' | tr '\n' ' ')" \
	"$(sql 'SELECT uuid FROM meeting ORDER BY uuid' | tr '\n' ' ')" "imported meetings keep the uuids of the UIDs rapport wrote"
before=$(sql 'SELECT count(*) FROM meeting')
r import "$T_DIR/all.ics"
expect_out "0 added, 0 updated, 3 already up to date" "an .ics export read back into its own database: nothing added"
expect_eq "$(sql 'SELECT count(*) FROM meeting')" "$before" "and no meeting twice"
raw --db "$T_DIR/cal.db" --config "$CONFIG" list meetings --json
expect_eq "$(jqo 'map(.status) | join(",")')" "cancelled,planned,done" "status from the calendar and the clock"
expect_eq "$(jqo '.[1].agenda | length')" "$(printf '%s' "Semi;colons, commas, back\\slashes
and a new line, then $cjk" | wc -m)" "the long agenda came back whole"
cat >"$T_DIR/other.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Someone else//EN
BEGIN:VEVENT
UID:abc-123@example.org
DTSTAMP:20261101T000000Z
DTSTART:20261210T140000Z
DTEND:20261210T150000Z
SUMMARY:Coffee
ATTENDEE;CN=Dr. Ama Mensah:mailto:ama@example.org
END:VEVENT
END:VCALENDAR
ICS
raw --db "$T_DIR/cal.db" --config "$CONFIG" import "$T_DIR/other.ics"
expect_out "2 added" "someone else's calendar: the attendee becomes a person"
raw --db "$T_DIR/cal.db" --config "$CONFIG" list meetings --person ama --json
expect_eq "$(jqo '.[0].duration_min, .[0].status' | tr '\n' ' ')" "60 planned " "with the meeting's length"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:noend-1@example.org\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261211T090000Z\r\nSUMMARY:No end given\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$T_DIR/noend.ics"
raw --db "$T_DIR/noend.db" --config "$CONFIG" import "$T_DIR/noend.ics"
expect_rc 0 "an event with a start and no end imports"
expect_eq "$(sqlite3 "$T_DIR/noend.db" 'SELECT duration_min FROM meeting')" "30" "and lasts 30 minutes"
head -c 300 "$T_DIR/all.ics" >"$T_DIR/truncated.ics"
raw --db "$T_DIR/cal.db" --config "$CONFIG" import "$T_DIR/truncated.ics"
expect_rc 1 "a truncated calendar is refused"
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:No start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$T_DIR/nostart.ics"
raw --db "$T_DIR/cal.db" --config "$CONFIG" import "$T_DIR/nostart.ics"
expect_rc 1 "an event without a start is refused"
expect_err "nostart.ics: event 1: an event without a start" "and placed"
awk 'BEGIN { print "BEGIN:VCALENDAR\r"; for (i = 0; i < 10000; i++) { printf "BEGIN:VEVENT\r\nUID:e%d@x\r\nDTSTART:20260101T100000Z\r\nSUMMARY:Meeting with Bulk\r\nEND:VEVENT\r\n", i }; print "END:VCALENDAR\r" }' >"$T_DIR/big.ics"
raw --db "$T_DIR/big.db" --config "$CONFIG" import "$T_DIR/big.ics"
expect_out "10001 added" "an .ics with 10,000 events"

# --- CSV
r export --format csv --kind people -o "$T_DIR/people.csv"
expect_rc 0 "export --format csv --kind people"
cat >"$T_DIR/check_csv.py" <<'PYEOF'
import sys, csv
raw = open(sys.argv[1], 'rb').read()
assert raw.count(b'\r\n') >= 2, 'CRLF rows'
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
r = rows[0]
print(len(rows)); print(r['name']); print(r['organization']); print(r['notes'].replace('\n', '|'))
PYEOF
out=$($PY "$T_DIR/check_csv.py" "$T_DIR/people.csv")
expect_eq "$out" "1
Dr. Jane Okafor; \"JO\", MD\\PhD
St. Mary's, West
line one|line two" "Python's csv reads it back: quotes doubled, commas quoted, line breaks kept"
r export --format csv --kind meetings
expect_out "id,uuid,person_id,start_at" "the meetings' header"
r export --format csv -o "$T_DIR/csv"
expect_rc 0 "export --format csv -o DIR: every kind"
expect_eq "$(ls "$T_DIR/csv" | tr '\n' ' ')" "actions.csv checkins.csv goals.csv meetings.csv milestones.csv people.csv thanks.csv " "one file per kind"
bad_files=""
for f in "$T_DIR"/csv/*.csv; do
	rows=$(sqlite3 "$DB" "SELECT count(*) FROM $(case "$(basename "$f" .csv)" in people) echo person ;; goals) echo goal ;;
		milestones) echo milestone ;; meetings) echo meeting ;; actions) echo action_item ;; thanks) echo gratitude ;;
		checkins) echo checkin ;; esac)")
	got=$($PY -c 'import csv, sys; print(len(list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))))' "$f" 2>&1)
	[ "$got" = "$rows" ] || bad_files="$bad_files $(basename "$f"):$got/$rows"
done
expect_eq "$bad_files" "" "each file read back by Python's csv, one row per row of its table"
printf 'Name,Organization,E-mail,Cadence,Shoe size\r\nDr. Lee Park,"Mercy, North",lee@example.org,21,44\r\n"Dr. Jane Okafor; ""JO"", MD\\PhD",St. Mary'"'"'s West,,,\r\n' >"$T_DIR/in.csv"
r import "$T_DIR/in.csv"
expect_rc 0 "import a CSV of people"
expect_out "1 added, 1 updated" "a new person, and one known by name updated"
expect_err "columns not known, left out: E-mail, Shoe size" "unknown columns are reported"
r import "$T_DIR/in.csv"
expect_out "0 added, 0 updated, 2 already up to date" "importing it twice changes nothing"
r list people --json
expect_eq "$(jqo 'map(.organization) | join("|")')" "St. Mary's West|Mercy, North" "the values arrived"
# a spreadsheet's "CSV UTF-8" starts with a byte order mark; a name known in
# another case is the same person
printf '\357\273\277name,organization\r\ndr. lee park,Mercy South\r\n' >"$T_DIR/bom.csv"
r import "$T_DIR/bom.csv"
expect_rc 0 "a CSV that starts with a byte order mark imports"
expect_out "0 added, 1 updated" "its first column is the name, and dr. lee park is Dr. Lee Park"
expect_eq "$(sql "SELECT count(*) || ' ' || organization FROM person WHERE lower(name) = 'dr. lee park'")" "1 Mercy South" "one Lee Park, with the new organization"
printf 'name,cadence\r\nDr. Bad Cadence,weekly\r\n' >"$T_DIR/bad.csv"
r import "$T_DIR/bad.csv"
expect_rc 1 "a bad value in a CSV"
expect_err "bad.csv:2: Cadence (days): 'weekly' is not a whole number; nothing was imported" "is placed by line"

# --- Markdown
r add action 1 "Send the CV" --due 2026-12-05
r export --format md --person okafor
expect_out "# Dr. Jane Okafor; \"JO\", MD\\\\PhD" "the report starts with who (a backslash escaped)"
expect_out "### Tue 01 Dec 2026 09:00 (planned)" "lists the meetings"
expect_out "- [ ] me: Send the CV (due Sat 05 Dec 2026)" "with their action items"
r add action 1 "Introduce me to the head of department" --owner them
r add goal "Land a residency" --person okafor
goal=$(sql "SELECT id FROM goal WHERE title = 'Land a residency'")
r add milestone "$goal" "Polish the personal statement"
r export --format md --person okafor
expect_out "- [ ] they: Introduce me to the head of department" "an action item of theirs says they"
expect_out "Land a residency" "the report lists the person's goals"
expect_out "  - [ ] Polish the personal statement" "each with its milestones"
expect_out "A report of Wed 25 Nov 2026." "the report is dated"
expect_out "## What is next" "and says what is next"
# what was typed, shown as typed by a CommonMark reader (cmark): no
# emphasis, link, raw HTML or heading comes out of a name or an agenda
r add person 'Dr. *Star* <Kim>' --org '[x](http://evil.example)' --cadence 21 \
	--notes 'Private: thinks I am late' --expectations 'Meet monthly
about \ backslashes'
r add meeting --with Star --at "2026-11-20 10:00" --agenda '# heading
1. not a list
_under_ `code` &amp; | pipe'
r export --format md --person Star
printf '%s\n' "$OUT" >"$T_DIR/star.md"
cmark "$T_DIR/star.md" >"$T_DIR/star.html"
expect_eq "$(grep -c '<em>\|<a \|<code>\|<kim>\|<h1>#\|<ol' "$T_DIR/star.html")" "0" \
	"cmark makes no emphasis, link, code, raw HTML, heading or list of what was typed"
expect_eq "$(grep -o '<h1>[^<]*</h1>' "$T_DIR/star.html")" "<h1>Dr. *Star* &lt;Kim&gt;</h1>" "the name is shown as typed"
grep -q '\[x\](http://evil.example)' "$T_DIR/star.html" && ok "the organization stays text" || not_ok "the organization stays text" "$(grep -i evil "$T_DIR/star.html")"
grep -q 'about \\ backslashes' "$T_DIR/star.html" && ok "a backslash stays" || not_ok "a backslash stays" "$(grep backslashes "$T_DIR/star.html")"
grep -q '# heading<br />' "$T_DIR/star.html" && ok "a line break in an agenda stays a line break" || not_ok "a line break in an agenda stays a line break" "$(grep -A2 heading "$T_DIR/star.html")"
grep -q '_under_ `code` &amp;amp; | pipe' "$T_DIR/star.html" && ok "underscores, backticks and an entity stay text" || not_ok "underscores, backticks and an entity stay text" "$(grep under "$T_DIR/star.html")"
case "$OUT" in *"thinks I am late"*) not_ok "one's notes on the person are left out" ;; *) ok "one's notes on the person are left out" ;; esac
case "$OUT" in *"## Goals"*) not_ok "no Goals heading without goals" ;; *) ok "no Goals heading without goals" ;; esac
r export --format md --person Star --private
expect_out "thinks I am late" "--private puts them in"
echo "1..$T_N"
