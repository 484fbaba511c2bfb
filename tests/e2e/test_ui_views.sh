# The full-screen views: a person's timeline (newest first, with notes and
# action items), a goal's view where a milestone is added and ticked off,
# and a long timeline paged from both ends.
. "$(dirname "$0")/ui_given.sh"
given_two_mentors_and_history

ui_start 120 40
wait_for "Land a hospitalist job" "the goal is there"
wait_for "draft Thank you for the CV" "and the note"

# --- the timeline of a person with several meetings
keys 1 j Enter
wait_gone "─ Goals ─" "Enter on a person opens a full-screen view"
wait_for "Meetings, newest first" "the timeline"
wait_for "[ ] me: Send my CV to two hospitals" "with action items under their meeting"
# each meeting's own row (its time), not the header's "Last met" date
row_of() { screen_text | grep -n -F "$1" | head -n 1 | cut -d: -f1; }
first=$(row_of "Tue 24 Nov 2026 14:00") second=$(row_of "Sun 01 Nov 2026 10:00") third=$(row_of "Thu 01 Oct 2026 10:00")
if [ -n "$first" ] && [ -n "$second" ] && [ -n "$third" ] && [ "$first" -lt "$second" ] && [ "$second" -lt "$third" ]; then
	ok "meetings newest first"
else not_ok "meetings newest first" "rows: 24 Nov at ${first:-?}, 1 Nov at ${second:-?}, 1 Oct at ${third:-?}"; fi
wait_for "Notes: Met at the ACP chapter evening" "notes are shown"
keys G
wait_selected "Notes: Met at the ACP chapter evening" "G goes to the end of the timeline: the oldest meeting's last line is selected"
keys Escape
wait_for "─ Mentors ─" "Esc goes back to the lists"

# --- a goal's view: add a milestone there and tick it off
keys 2 g Enter
wait_gone "─ Mentors ─" "Enter on a goal opens a full-screen view"
wait_for "Milestones" "of the goal with its milestones"
keys a
wait_for "New milestone" "a in a goal's view adds a milestone"
# a reference is written #id in every form, as for people
# a default is shown as the field's values are written: Done is "no", not 0
screen_text | grep "Done" >"$T_DIR/done-line"
if grep -q "Done: *no" "$T_DIR/done-line"; then ok "its Done starts as no"; else not_ok "its Done starts as no" "$(cat "$T_DIR/done-line")"; fi
screen_text | grep "Goal" >"$T_DIR/goal-line"; if grep -q "Goal.*#1 *->" "$T_DIR/goal-line"; then ok "its goal is filled in as #1"; else not_ok "its goal is filled in as #1" "$(cat "$T_DIR/goal-line")"; fi
type_text "Send ten applications"
keys Tab
type_text "+7d"
wait_for "-> Wed 02 Dec 2026" "its due date is read as typed"
keys Enter
wait_for "[ ] Send ten applications" "the milestone shows in the view"
# j goes from item to item: from the goal's title to its first milestone,
# past the description, the fields and the heading
keys g
wait_selected "Land a hospitalist job" "g: the goal's title is highlighted"
wait_for "[goal #1 Land a hospitalist job]" "and the hint line says x and e act on the goal"
keys j
wait_selected "[ ] Send ten applications" "one j: the first milestone, past the fields and the heading"
wait_for "[milestone #1 Send ten applications" "the hint line names the milestone"
keys x
wait_for "[x] Send ten applications" "x on it marks it done"
r show goal 1 --json
expect_eq "$(jqo '.milestones[0].done')" "true" "and the file says so"
expect_eq "$(jqo '.status')" "open" "the goal itself is untouched"
expect_eq "$(jqo '.progress')" "100" "and its progress follows its one milestone"
keys k
wait_selected "Land a hospitalist job" "k goes back to the goal's title"
keys Escape
keys q
wait_exit "quit"

# --- a long timeline: G loads the oldest page, moving up fills in the rest
SAVED_DB=$DB
DB="$T_DIR/long.db"
r add person "Ada Long" --cadence 30
i=1
while [ $i -le 50 ]; do
	r add meeting --with Ada --at "$(date -u -d "2025-01-01 +$i days" +%F) 09:00" \
		--agenda "$(printf 'Visit %02d' "$i")"
	i=$((i + 1))
done
ui_start 100 30
wait_for "Ada Long" "a person with 50 meetings"
keys 1 Enter
wait_for "Visit 50" "the timeline opens on the newest"
keys G
wait_for "Visit 01" "G shows the oldest meeting"
# page up to the header, noting every meeting seen and that each screen
# lists them newest first
seen="" order_ok=1 prev="" n=0
while [ $n -lt 40 ]; do
	scr=$(screen_text)
	nums=$(printf '%s\n' "$scr" | sed -n 's/.*Agenda: Visit \([0-9][0-9]\).*/\1/p' | tr '\n' ' ')
	[ "$(printf '%s\n' $nums | sort -r | tr '\n' ' ')" = "$nums" ] || order_ok=0
	seen="$seen $nums"
	case "$scr" in *"Meetings, newest first"*) break ;; esac
	prev=$scr
	keys PPage
	j=0
	while [ $j -lt 200 ] && [ "$(screen_text)" = "$prev" ]; do j=$((j + 1)); sleep 0.05; done
	n=$((n + 1))
done
expect_eq "$(printf '%s\n' $seen | sort -u | tr '\n' ' ')" \
	"$(seq -f '%02g' 1 50 | tr '\n' ' ')" "paging up from the end reaches every meeting"
expect_eq "$order_ok" "1" "each screen newest first, with no page out of place"
keys G
wait_gone "Meetings, newest first" "G again: at the end, the header is out of sight"
keys g
wait_for "Meetings, newest first" "g goes back to the top"
wait_for "Visit 50" "and the newest"
keys Escape q
wait_exit "quits"
DB=$SAVED_DB
echo "1..$T_N"
