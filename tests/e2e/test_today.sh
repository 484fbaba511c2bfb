# The Today view: `rapport today` and `rapport due` on a prepared database,
# line by line, and the Today screen and the check-in flow by keys.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

# --- a prepared history (the clock is Wed 25 Nov 2026 09:00 unless set)
RAPPORT_NOW='2026-09-01 09:00' r add person "Dr. Jane Okafor" --cadence 30
RAPPORT_NOW='2026-09-01 09:00' r add person "Dr. Tom Reyes" --cadence 14
RAPPORT_NOW='2026-09-01 09:00' r add person "Dr. Ama Mensah" --cadence 30
RAPPORT_NOW='2026-09-01 09:00' r add person "Dr. Paul Paused" --cadence 7 --stage paused
r add meeting --with jane --at "2026-10-20 10:00" --agenda "Job market"       # 1: due 19 Nov
r add meeting --with tom --at "2026-11-20 10:00" --agenda "Interview practice" # 2: thanks owed
r add meeting --with ama --at "2026-10-27 10:00"                              # 3: due 26 Nov
r add meeting --with tom --at "2026-11-27 15:00" --agenda "Mock interview"     # 4: planned
r add action 1 "Send CV" --due 2026-11-22
r add action 2 "Intro to the hiring manager" --owner them
r add action 2 "Already done" --due 2026-11-21
r done action 3
r add goal "Land a job" --target 2026-11-20
r add goal "Mock interview ready" --target 2026-12-01 --progress 50
r add goal "Far away" --target 2027-06-01
for d in 20 21 22 24; do r checkin --day 2026-11-$d --mood 4; done
r checkin --day 2026-11-23 --mood 1
r checkin --day 2026-11-24 --next "Ask Jane about the opening"
# a mentee: no thanks owed for a meeting with her; her last meeting missed
RAPPORT_NOW='2026-09-01 09:00' r add person "Dr. Ravi Nair" --role mentee --cadence 30
r add meeting --with nair --at "2026-11-10 10:00"                             # 5: done, a mentee's
r add meeting --with nair --at "2026-11-23 10:00" --status missed             # 6: to reschedule
r add meeting --with ama --at "2026-11-23 15:00" --status planned             # 7: did it happen?

r today
expect_rc 0 "rapport today"
cat >"$T_DIR/want" <<'TXT'
Today, Wed 25 Nov 2026
Not checked in yet today
  Next step from yesterday: Ask Jane about the opening
Streak: 5 days in a row (longest 5)

Meetings that have passed: did they happen?
  Mon 23 Nov 15:00  Dr. Ama Mensah  happened?

Meetings, today and the next 7 days
  Fri 27 Nov 15:00  Dr. Tom Reyes  planned  Mock interview

Due for contact
  Dr. Jane Okafor  overdue by 6 days (due Thu 19 Nov)
  Dr. Ravi Nair  to reschedule: the meeting of Mon 23 Nov 2026 did not take place
  Dr. Ama Mensah  due in 1 day (Thu 26 Nov)

Thanks owed
  Dr. Tom Reyes  for the meeting of Fri 20 Nov
  Dr. Ama Mensah  for the meeting of Tue 27 Oct

Open actions: 1 mine, 1 theirs, 1 overdue
  [ ] me    Send CV, overdue since Sun 22 Nov  (Dr. Jane Okafor)
  [ ] them  Intro to the hiring manager  (Dr. Tom Reyes)

Goals near or past their target
  Land a job  0%  late by 5 days (target Fri 20 Nov)
  Mock interview ready  50%  target Tue 01 Dec (in 6 days)
TXT
printf '%s\n' "$OUT" >"$T_DIR/got"
# the whole text, line for line: a missing blank line is a difference too
if cmp -s "$T_DIR/want" "$T_DIR/got"; then ok "rapport today: every line, blank ones included ($(wc -l <"$T_DIR/want") lines)"
else not_ok "rapport today: every line, blank ones included" "(- wanted, + printed)" "$(diff "$T_DIR/want" "$T_DIR/got")"; fi

r today --json
expect_eq "$(jqo '[.due[] | .name + ":" + .state + ":" + (.days|tostring)] | join(",")')" \
	"Dr. Jane Okafor:overdue:6,Dr. Ravi Nair:to reschedule:15,Dr. Ama Mensah:due soon:1" "today --json: who is due"
expect_eq "$(jqo '.streak.current, .streak.today_done' | tr '\n' ' ')" "5 false " "today --json: the streak"
expect_eq "$(jqo '.actions.items | map(.text) | join("|")')" "Send CV|Intro to the hiring manager" \
	"today --json: open actions, overdue first"
expect_eq "$(jqo '.thanks_owed | map(.meeting_id) | join(",")')" "2,3" "today --json: thanks owed (not to a mentee)"
expect_eq "$(jqo '.unanswered | map(.id) | join(",")')" "7" "today --json: the meeting that has passed unanswered"
expect_eq "$(jqo '.last_next_step.day + " " + .last_next_step.text')" "2026-11-24 Ask Jane about the opening" \
	"today --json: the last next step"

r due
expect_rc 3 "rapport due: exit 3 when someone is due"
expect_eq "$(printf '%s\n' "$OUT" | cut -f1,2 | tr '\t' ':' | tr '\n' ',')" \
	"Dr. Jane Okafor:overdue,Dr. Ravi Nair:to reschedule,Dr. Ama Mensah:due soon," "rapport due lists them, most overdue first"
raw --db "$T_DIR/empty.db" --config "$CONFIG" due
expect_rc 0 "rapport due: exit 0 when nobody is"
expect_eq "$OUT" "" "and prints nothing"

# --- the Today screen
ui_start 120 40
wait_for "3 due · 2 thanks owed · 2 open actions" "the top line counts what is due and owed"
keys T
wait_for "Due for contact" "T opens the Today screen"
wait_for "Dr. Jane Okafor  overdue by 6 days" "with the overdue person"
wait_for "Check-ins, the last 12 weeks" "and the check-in heatmap"
wait_for "Tue · · · · · · · · · · · ▆" "the heatmap shows a mood by the height of its cell"
# the screen shows exactly the sections of `rapport today`, in order
screen_text | sed -n '2,$p' | sed 's/^ //; s/ *$//' | head -n "$(wc -l <"$T_DIR/want")" >"$T_DIR/screen"
if cmp -s "$T_DIR/want" "$T_DIR/screen"; then ok "the Today screen shows the same lines as rapport today ($(wc -l <"$T_DIR/want") lines)"
else not_ok "the Today screen shows the same lines as rapport today" "(- rapport today, + the screen)" "$(diff "$T_DIR/want" "$T_DIR/screen")"; fi
# j and k go from item to item: from the top, one j is the first meeting,
# the next j the first person due (headings and blank lines are passed)
keys g j
wait_selected "Mon 23 Nov 15:00  Dr. Ama Mensah  happened?" "one j from the top: the meeting that has passed"
wait_for "[meeting #7" "the hint line names the highlighted meeting"
keys j
wait_selected "Fri 27 Nov 15:00  Dr. Tom Reyes  planned" "the next j: the week's first meeting, past the heading"
keys j
wait_selected "Dr. Jane Okafor  overdue by 6 days" "and the next: the first person due"
keys k k
wait_selected "Mon 23 Nov 15:00  Dr. Ama Mensah" "k goes back"
# X: it did not take place
keys X
wait_for "meeting #7: missed" "X marks the meeting that has passed missed"
wait_gone "Meetings that have passed" "and nothing is left to answer"
expect_eq "$(sql 'SELECT status FROM meeting WHERE id = 7')" "missed" "in the file too"
# m on a due person schedules a meeting, and they stop being due
cursor_to "Dr. Jane Okafor  overdue by 6 days"
keys m
wait_for "New meeting" "m on a due person opens a meeting form"
wait_for "-> Dr. Jane Okafor" "for that person"
type_text "tomorrow 11:00"
keys Enter
wait_for "Saved meeting" "the meeting is saved"
wait_gone "Dr. Jane Okafor  overdue" "Jane is no longer due"
wait_for "Thu 26 Nov 11:00  Dr. Jane Okafor  planned" "and her meeting is in the week's list"
r due
expect_eq "$(printf '%s\n' "$OUT" | cut -f1 | tr '\n' ,)" "Dr. Ravi Nair,Dr. Ama Mensah," "the command line agrees"
# x on an open action marks it done
cursor_to "[ ] me    Send CV"
keys x
wait_for "action #1: done" "x on an action marks it done"
wait_gone "Send CV, overdue" "and it leaves the open actions"
# t on a thanks owed writes the note for that meeting
cursor_to "Dr. Tom Reyes  for the meeting of Fri 20 Nov"
keys t
wait_for "New thank-you note" "t on a thanks owed opens a note"
wait_for "-> Dr. Tom Reyes" "to that person"
keys Tab
type_text "Thank you for the interview practice"
keys Tab Right
keys Enter
wait_for "Saved thanks" "the note is saved"
wait_gone "Dr. Tom Reyes  for the meeting" "the thanks is no longer owed"
# z snoozes Ama; u takes it back
cursor_to "Dr. Ama Mensah  due in 1 day"
keys z
wait_for "is put off until Wed 02 Dec 2026" "z snoozes a due person"
wait_gone "Dr. Ama Mensah  due in 1 day" "she leaves the list"
keys u
wait_for "Dr. Ama Mensah  due in 1 day" "u brings her back"
# Enter jumps to the item in its pane
cursor_to "Land a job  0%"
keys Enter
wait_focus Goals "Enter on a goal goes to the Goals pane"
keys T
wait_for "Due for contact" "back to Today"
keys q
wait_for "─ People ─" "q goes back from Today"
keys q
wait_exit "quit"

# --- the check-in, by keys, on two days
ui_start 120 40
keys c
wait_for "Check-in (mood: one key, 1 to 5)" "c opens today's check-in"
wait_for "Next step from yesterday: Ask Jane about the opening" "the form shows yesterday's next step"
keys 7
wait_for "Mood: one key from 1 to 5 (Backspace clears it)" "7 in the mood is refused at once"
keys x
wait_for "Mood: one key from 1 to 5" "and so is a letter"
keys 4
type_text "Sent two applications"
keys Tab
type_text "Call Dr. Reyes"
keys Enter
wait_for "Saved checkin" "Enter saves it"
keys T
wait_for "Checked in: mood 4, next: Call Dr. Reyes" "Today shows the check-in"
wait_for "Streak: 6 days in a row (longest 6)" "and the streak"
keys c
wait_for "Check-in, updating today's" "reopening edits today's check-in"
keys 5 Enter
wait_for "Checked in: mood 5" "the mood changed"
keys q q
wait_exit "quit"
r list checkins --json
expect_eq "$(jqo '[.[] | select(.day == "2026-11-25")] | length')" "1" "still one check-in for the day"
expect_eq "$(jqo '.[0].did')" "Sent two applications" "what I did is stored"

RAPPORT_NOW='2026-11-26 08:30'
ui_start 120 40
keys c
wait_for "Check-in (mood: one key, 1 to 5)" "the next day: a new check-in"
keys 3
type_text "Mock interview"
keys Tab Tab
wait_for "Right/Left: an open goal, or its number" "the goal field says how to pick one"
type_text "9"
wait_for "no goal by that number" "a number that is no goal says so beside it"
case "$(screen_text)" in
*"-> no goal"*) not_ok "and is not shown as understood (no arrow)" "$(screen_text)" ;;
*) ok "and is not shown as understood (no arrow)" ;;
esac
keys BSpace
wait_gone "no goal by that number" "gone with the number"
keys Right
wait_for "-> #1 Land a job" "Right picks the first open goal, named beside it"
keys Right
wait_for "-> #2 Mock interview ready" "Right again: the next"
keys Enter
wait_for "Saved checkin" "saved"
keys T
wait_for "Streak: 7 days in a row (longest 7)" "the streak grows to 7"
wait_for "Checked in: mood 3 (goal #2 Mock interview ready)" "Today names the goal of the check-in"
keys q 2 g j Enter
wait_for "Check-ins about it" "the goal lists the check-ins about it"
wait_for "Thu 26 Nov 2026  Mock interview" "with the day and what was done"
keys q q
wait_exit "quit"
r show goal 2
expect_out "Check-ins about it:
  #7 26 Nov 2026  Mock interview" "show goal lists them too"
r checkin --day 2026-11-26 --goal 9
expect_rc 1 "a goal that is not there is refused"
expect_err "no goal #9" "in words"
r checkin --day 2026-11-26 --goal ""
r checkin --day 2026-11-26 --json
expect_eq "$(jqo '.goal_id')" "null" "--goal '' takes the goal away"
RAPPORT_NOW='2026-11-25 09:00'

# --- the meetings Today lists: planned and done, from today to the seventh
# day ahead; and `checkin --day` alone shows, never makes, a check-in
W="$T_DIR/window.db"
w() { "$RAPPORT" --db "$W" --config "$CONFIG" "$@" >"$T_DIR/.out" 2>"$T_DIR/.err"; RC=$?; OUT=$(cat "$T_DIR/.out"); ERR=$(cat "$T_DIR/.err"); }
w add person "Win Dow"
w add meeting --with Win --at "2026-12-02 18:00" --agenda "Seventh day"
w add meeting --with Win --at "2026-12-03 08:00" --agenda "Eighth day"
w add meeting --with Win --at "2026-11-27 10:00" --agenda "Called off" --status cancelled
w add meeting --with Win --at "2026-11-26 10:00" --agenda "Not held" --status missed
w add meeting --with Win --at "2026-11-25 08:00" --agenda "This morning"
w add meeting --with Win --at "2026-11-24 16:00" --agenda "Yesterday"
w today --json
expect_eq "$(jqo '.meetings | map(.agenda) | join("|")')" "This morning|Seventh day" \
	"Today: today's and the seventh day's meetings, not the eighth, yesterday's, or cancelled or missed ones"
w checkin --day 2026-11-20
expect_out "no check-in for 2026-11-20 yet" "checkin --day alone on a day without one says so"
expect_eq "$(sqlite3 "$W" 'SELECT count(*) FROM checkin')" "0" "and makes none"

# --- [ui] start = today
printf '[ui]\nstart = today\n' >"$CONFIG"
ui_start 120 40
wait_for "Due for contact" "[ui] start = today opens on Today"
keys q q
wait_exit "quit"

# --- at 80x24 a line too long for the screen loses its free text, never
# its facts: the overdue date and the person stay
: >"$CONFIG"
DB="$T_DIR/narrow.db"
r add person "Dr. Jane Okafor" &&
	r add meeting --with jane --at "2026-11-20 10:00" &&
	r add action 1 "Ask Dr. Reyes about the observation unit opening (not advertised), and the rota" --due 2026-11-23
expect_eq "$RC" "0" "a long action item${ERR:+: $ERR}"
r today
expect_out "  [ ] me    Ask Dr. Reyes about the observation unit opening (not advertised), and the rota, overdue since Mon 23 Nov  (Dr. Jane Okafor)" \
	"rapport today prints the whole line"
ui_start 80 24
wait_for "1 open action" "the screen at 80x24"
keys T
wait_for "Open actions" "Today at 80x24"
wait_line "\[ \] me    Ask Dr\. Reyes about.*…, overdue since Mon 23 Nov  \(Dr\. Jane Okafor\)" \
	"the action's words are cut, the overdue date and the person are kept"
keys q q
wait_exit "quit"
echo "1..$T_N"
