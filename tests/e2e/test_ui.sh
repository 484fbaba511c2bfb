# The full-screen UI in a real terminal (tmux): first start, adding by keys,
# quit and reopen, edit/delete/undo, validation, the timeline, help, resize,
# wide characters, NO_COLOR, $EDITOR, read-only and a dumb terminal.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

# --- first start: an empty database says what to do
ui_start 120 40
wait_for "No mentors yet: press a to add one." "an empty database shows what to do"
wait_for "a add" "the hint line shows the keys"
wait_for "0 open actions" "the top line has today's counts"
wait_for "Wed 25 Nov 2026" "and the (fixed) date"

# --- a mentor, typed with accents, CJK and an emoji
keys a
wait_for "New person" "a opens a form for the focused pane"
type_text "Dr. Zoë 李 🙂"
keys Tab Tab Tab Tab Tab
type_text "Hôpital Saint-Louis"
keys Enter
wait_for "Saved person #1: Dr. Zoë 李 🙂" "Enter saves the form"
keys a
wait_for "New person" "a second person"
type_text "Dr. Tom Reyes"
keys Enter
wait_for "Saved person #2" "saved"
# aligned: the role column starts at the same display column in both rows
zoe=$(screen_text | grep "Zoë" | head -n 1)
tom=$(screen_text | grep "Tom Reyes" | head -n 1)
expect_eq "$(printf '%s' "${zoe%%mentor/*}" | wc -L)" "$(printf '%s' "${tom%%mentor/*}" | wc -L)" \
	"wide characters keep the columns aligned"
expect_eq "$(printf '%s' "$zoe" | wc -L)" "120" "and the row keeps the pane's width"

# --- a goal, a meeting and a thank-you note, all by keys
keys 2 a
wait_for "New goal" "2 then a: a goal"
type_text "Land a hospitalist job"
keys Enter
wait_for "Saved goal #1" "goal saved"
keys 1 j m
wait_for "New meeting" "m on a person schedules a meeting"
wait_for "-> Dr. Zoë 李 🙂" "with that person filled in"
type_text "yesterday 14:00"
wait_for "-> Tue 24 Nov 2026 14:00" "the date field says what it understood"
keys Tab Tab Tab
type_text "CV review"
keys Enter
wait_for "Saved meeting #1: CV review" "meeting saved"
keys t
wait_for "New thank-you note" "t on a person writes a thank-you note"
keys Enter
wait_for "Note: may not be empty" "a required field left empty is named"
# the cursor is now in that field
type_text "Thank you for the CV review"
keys Enter
wait_for "Saved thanks #1" "note saved"
# t on a meeting starts from its person and the meeting; a field emptied
# there is saved empty, not filled again from what the form opened with
keys 3
wait_focus Meetings "3: the meetings"
keys t
wait_for "New thank-you note" "t on a meeting writes a note"
wait_for "For meeting: #1 " "for that meeting, as #1"
keys BTab C-u Tab Tab
type_text "Thanks again"
keys Enter
wait_for "Saved thanks #2" "the note is saved"

# --- quit, and everything is in the file
keys q
wait_exit "q quits"
expect_eq "$EXIT_STATUS" "0" "with status 0"
r show thanks 2 --json
expect_eq "$(jqo '.meeting_id')" "null" "the meeting emptied in the form is empty in the file"
expect_eq "$(jqo '.person_id')" "1" "the person it started with is kept"
r list people --json
expect_eq "$(jqo 'map(.name) | join("|")')" "Dr. Tom Reyes|Dr. Zoë 李 🙂" "both people are stored"
expect_eq "$(jqo '.[1].organization')" "Hôpital Saint-Louis" "with the organization typed"
r list meetings --json
expect_eq "$(jqo '.[0].agenda + " " + .[0].status + " " + (.[0].person_id|tostring)')" "CV review done 1" \
	"the meeting: agenda, done (it was yesterday), with Zoë"
r list thanks --json
expect_eq "$(jqo '.[] | select(.id == 1) | .body')" "Thank you for the CV review" "the thank-you note"
r list goals --json
expect_eq "$(jqo '.[0].title')" "Land a hospitalist job" "the goal"

# more history for the timeline, from the command line
r add meeting --with Zo --at "2026-10-01 10:00" --agenda "First contact" --notes "Met at the ACP chapter evening"
r add meeting --with Zo --at "2026-11-01 10:00" --agenda "Job market"
r add action 3 "Send my CV to two hospitals" --due 2026-11-05

# --- reopen: all there
ui_start 120 40
wait_for "Land a hospitalist job" "reopened: the goal is there"
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
keys G x
wait_for "[x] Send ten applications" "x on it marks it done"
r show goal 1 --json
expect_eq "$(jqo '.milestones[0].done')" "true" "and the file says so"
keys Escape

# --- a validation error keeps the form and what was typed
keys 3 a
wait_for "New meeting" "a in Meetings"
type_text "Nobody"
wait_for "nobody by that name" "beside the field, as typed: nobody by that name"
keys C-u
type_text "Dr."
wait_for "which one? (more of the name)" "a name two people share asks which one"
wait_gone "nobody by that name" "instead"
keys C-u
type_text "Nobody"
keys Tab
type_text "tomorrow 9"
keys Enter
wait_for "no person matches 'Nobody'" "a bad person is explained"
wait_for "New meeting" "the form stays open"
# the cursor went to the field at fault
keys C-u
type_text "Reyes"
keys Enter
wait_for "When: cannot read the date 'tomorrow 9'" "then the bad date is explained"
wait_for "When*! tomorrow 9" "what was typed is still there, in its field, marked (!)"
type_text "am"
keys Enter
wait_for "Saved meeting #4" "corrected, it saves"

# --- Esc on a changed form asks first
keys a
wait_for "New meeting" "another form"
type_text "x"
keys Escape
wait_for "Discard your changes?" "Esc with changes asks"
keys y
wait_gone "New meeting" "y discards"

# --- edit, delete, undo
keys 1 g e
wait_for "Edit person #2" "e edits the selected person"
keys C-u
type_text "Dr. Thomas Reyes"
keys Enter
wait_gone "Edit person #2" "the edit is saved"
wait_line "│ Dr\. Thomas.* mentor/" "and shows in the list"
r show person 2 --json
expect_eq "$(jqo '.name')" "Dr. Thomas Reyes" "and is in the file"
keys u
wait_for "Undone: person #2 is as it was" "u undoes the edit"
wait_gone "Thomas" "the old name is back"
expect_eq "$(sql 'SELECT name FROM person WHERE id = 2')" "Dr. Tom Reyes" "in the file too"
keys d
wait_for "Moved person #2 to the trash" "d deletes without asking"
wait_gone "Dr. Tom Reyes" "the person leaves the list"
expect_eq "$(sql 'SELECT deleted_at IS NOT NULL FROM person WHERE id = 2')" "1" "to the trash, in the file"
keys u
wait_for "Undone: person #2 is back" "u brings it back"
wait_for "Dr. Tom Reyes" "and it is listed again"
expect_eq "$(sql 'SELECT deleted_at IS NULL FROM person WHERE id = 2')" "1" "out of the trash, in the file"
# undo of an add: the new row goes to the trash
keys a
wait_for "New person" "a adds a person"
type_text "Una Added"
keys Enter
wait_gone "New person" "saved"
wait_line "│ Una Added .*mentor/" "listed"
keys u
wait_for "went to the trash" "u undoes the add"
wait_gone "Una Added" "the new person leaves the list"
expect_eq "$(sql "SELECT deleted_at IS NOT NULL FROM person WHERE name = 'Una Added'")" "1" "and is in the trash in the file"
# undo of x: done and back
expect_eq "$(sql 'SELECT status FROM goal WHERE id = 1')" "open" "the goal is open"
keys 2 g x
wait_for "goal #1: done" "x marks the goal done"
expect_eq "$(sql 'SELECT status FROM goal WHERE id = 1')" "done" "in the file"
keys u
wait_for "Undone: goal #1 is as it was" "u undoes the done"
expect_eq "$(sql 'SELECT status FROM goal WHERE id = 1')" "open" "the goal is open again in the file"
keys 1

# --- $EDITOR for long text, run without a shell, with its own arguments
cat >"$T_DIR/editor.sh" <<'SH'
#!/bin/sh
for f; do :; done
[ "$1" = "--wait" ] || exit 3
# where and how private the file it was given is, for the test below
printf '%s\n%s %s\n' "$f" "$(stat -c %a "$f")" "$(stat -c %a "$(dirname "$f")")" >"$(dirname "$0")/editor.seen"
printf 'Written in the editor\nwith a second line\n' >"$f"
SH
chmod +x "$T_DIR/editor.sh"
keys q
wait_exit "quit before the editor test"
ui_start 120 40 "EDITOR=$T_DIR/editor.sh --wait" "VISUAL="
wait_for "Land a hospitalist job" "started with EDITOR set"
keys 2 e
wait_for "Edit goal #1" "edit the goal"
keys Tab C-e
wait_for "Written in the editor" "C-e fills the field from \$EDITOR"
expect_eq "$(sed -n 2p "$T_DIR/editor.seen")" "600 700" "the editor's file is 0600 in a 0700 folder of its own"
edited=$(sed -n 1p "$T_DIR/editor.seen")
if [ -n "$edited" ] && [ ! -e "$edited" ] && [ ! -e "$(dirname "$edited")" ]; then
	ok "and both are removed afterwards"
else
	not_ok "and both are removed afterwards" "$edited"
fi
keys Enter
wait_for "Saved goal #1" "saved"
r show goal 1 --json
expect_eq "$(jqo .description)" "Written in the editor
with a second line" "the text from the editor is stored, line break and all"

# --- search: results as you type, Enter goes there, n to the next
keys /
wait_for "Search:" "/ opens the search"
type_text "hospit"
wait_for "Nothing matches" "a word not in the notes: nothing"
type_text "al*"
wait_for "2 matches, best first" "a prefix finds the goal and the action as it is typed"
keys C-u
type_text "cv"
wait_for "Meetings" "results are grouped by kind"
wait_for "#1 Tue 24 Nov 2026 14:00, Dr. Zoë 李 🙂" "a meeting, named by when and with whom"
keys Enter
wait_for "Result 1 of" "Enter goes to the result"
wait_focus Meetings "in its pane, which has the focus"
keys n
wait_for "Result 2 of" "n goes to the next one"
keys Escape
# a kind no pane lists goes to its parent's pane: a milestone to the goals
keys /
wait_for "Search:" "/ again"
keys C-u
type_text "ten"
wait_for "Send ten applications" "a milestone is found"
keys Enter
wait_focus Goals "Enter on a milestone goes to its goal's pane"
keys Escape

# --- f: one person's meetings; E: a report to a file
keys 3 f
wait_for "Meetings of a person (a part of a name), or /words:" "f asks for a person"
type_text "Reyes"
keys Enter
wait_for "Meetings with Dr. Tom Reyes (f: all)" "the pane shows only that person's meetings"
wait_gone "Tue 24 Nov 14:00 Dr. Zoë" "the others are hidden"
keys f
wait_for "Tue 24 Nov 14:00 Dr. Zoë" "f again shows all"
keys f
type_text "/market"
keys Enter
wait_for "Meetings matching \"market\": 1 (f: all)" "f /words filters by text"
keys f 1 f
type_text "saint"
keys Enter
wait_for "Mentors matching \"saint\": 1" "in Mentors, f filters by text"
if screen_text | grep -q "Reyes *mentor/"; then not_ok "the others are hidden"; else ok "the others are hidden"; fi
keys f
wait_for "Mentors ─" "f again shows all"
if screen_text | grep -q "Reyes *mentor/"; then ok "Tom is listed again"; else not_ok "Tom is listed again"; fi
keys 1 g j E
wait_for "Report on Dr. Zoë 李 🙂 to: rapport-dr-zoë-李-🙂.md" "E on a person offers a report file"
keys C-u
type_text "$T_DIR/zoe.md"
keys Enter
wait_for "Wrote $T_DIR/zoe.md" "and writes it"
if grep -q "^# Dr. Zoë 李 🙂" "$T_DIR/zoe.md" && grep -q "Agenda:\*\* CV review" "$T_DIR/zoe.md"; then
	ok "the report holds the person and their meetings"
else
	not_ok "the report holds the person and their meetings" "$(head -20 "$T_DIR/zoe.md")"
fi

# --- help
keys ?
wait_for "this help" "? shows the help"
wait_for "undo the last add, edit, delete or done" "with every action's help"
keys Escape
wait_gone "this help" "Esc closes it"

# --- resize: too small, then back
resize 50 12
wait_for "Terminal too small" "below 60x15: a clear message"
resize 120 40
wait_gone "Terminal too small" "grown again: the screen returns"
wait_for "Land a hospitalist job" "with its content"
resize 80 24
wait_for "1 Mentors   2 Goals" "80x24: one pane with tabs"
resize 120 40
wait_for "Gratitude ─" "120x40: the grid again"
keys q
wait_exit "quit"

# --- colours: on by default, none with NO_COLOR (selection still visible)
ui_start 120 40
wait_for "Land a hospitalist job" "started in colour"
if tm capture-pane -p -e -t t | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m"; then ok "colours are used"
else not_ok "colours are used"; fi
keys q
wait_exit "quit"
ui_start 120 40 "NO_COLOR=1"
wait_for "Land a hospitalist job" "started with NO_COLOR=1"
esc=$(printf '\033')
if tm capture-pane -p -e -t t | grep -q "$esc\[[0-9;]*\(3[0-7]\|4[0-7]\|38;\|48;\)[0-9;]*m"; then not_ok "NO_COLOR: no colour at all"
else ok "NO_COLOR: no colour at all"; fi
if tm capture-pane -p -e -t t | grep -q "$esc\[[0-9;]*7m"; then ok "NO_COLOR: the selection is in reverse video"
else not_ok "NO_COLOR: the selection is in reverse video"; fi
keys q
wait_exit "quit"

# --- read-only
ui_start 120 40 -- --read-only
wait_for "[read-only]" "--read-only says so on the top line"
keys a
wait_for "Read-only: nothing can be changed" "and refuses to add"
keys q
wait_exit "quit"

# --- keys remapped in the config; mistakes there are reported with their line
cat >"$CONFIG" <<'INI'
[keys]
add = A
quit = Q
bogus = x
[colors]
title = purple
INI
ui_start 120 40
wait_for "config.ini:4: bogus: no such action" "an unknown action in [keys] is reported with its line"
keys A
wait_for "New person" "add remapped to A"
keys Escape
wait_gone "New person" "closed"
keys q
wait_for "q is not a key here: ? shows every key" "q no longer quits, and the screen says so, naming it"
keys F12
wait_for "F12 is not a key here" "a key no action has is named as the help writes it"
keys ?
wait_for "Q              quit" "the help shows the new key"
keys Escape Q
wait_exit "Q quits"
if tm capture-pane -p -J -S -200 -t t | grep -q "config.ini:6: title: 'purple' is not a colour"; then
	ok "a bad colour is reported with its line"
else
	not_ok "a bad colour is reported with its line" "$(tm capture-pane -p -J -S -200 -t t)"
fi
: >"$CONFIG"

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

# --- a terminal that cannot do it
ui_start 80 24 "TERM=dumb"
wait_exit "TERM=dumb ends at once" 1
expect_eq "$EXIT_STATUS" "1" "with status 1"
if tm capture-pane -p -J -S -100 -t t | grep -q "TERM is 'dumb'"; then ok "and says why"
else not_ok "and says why" "$(tm capture-pane -p -J -S -100 -t t)"; fi
echo "1..$T_N"
