# Finding things on the full screen: search as you type (grouped by kind,
# Enter goes there, n to the next, a milestone to its goal's pane), f to
# filter a pane by person or words, E to write a person's report.
. "$(dirname "$0")/ui_given.sh"
given_two_mentors_and_history
r add milestone 1 "Send ten applications" --due +7d
r add meeting --with Reyes --at "tomorrow 9am"
expect_eq "$RC" "0" "a milestone and a meeting with Tom${ERR:+: $ERR}"

start_on_known_database

# --- search: results as you type, Enter goes there, n to the next
keys /
wait_for "Search:" "/ opens the search"
type_text "hospit"
wait_for "2 matches, best first" "the last word is a prefix while it is typed: the goal and the action"
type_text "alx"
wait_for "Nothing matches" "a word in no row: nothing"
keys C-u
type_text "reyes"
wait_for "Meetings" "a person's name finds their meetings"
keys C-u
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

keys q
wait_exit "quit"
echo "1..$T_N"
