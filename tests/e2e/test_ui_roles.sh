# The screen follows the person: a mentor whose people are all mentees sees
# a Mentees pane, owes them no thanks unless [health] thank_roles says so,
# and someone who does not want the check-in can leave it out ([ui]).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

r add person "Dr. Ana Junior" --role mentee --cadence 14 &&
	r add person "Dr. Ben Resident" --role mentee --cadence 30 &&
	r add meeting --with Ana --at "2026-11-20 10:00" --agenda "Mock interview" &&
	r add meeting --with Ben --at "2026-11-23 10:00" --status missed
expect_eq "$RC" "0" "two mentees, a meeting each${ERR:+: $ERR}"
r add person "Dr. Cy Intern" --json
expect_eq "$(jqo '.role')" "mentee" "add person among mentees, no --role: a mentee, as in the form"
r delete person 3

ui_start 120 40
wait_for "─ Mentees ─" "a file of mentees: the first pane is Mentees"
wait_for "0 thanks owed" "and no thanks are owed to one's mentees"
keys T
wait_for "Due for contact" "Today"
wait_line "Dr\. Ben Resident  to reschedule: the meeting of Mon 23 Nov 2026 did not take place" \
	"a missed meeting asks to reschedule"
wait_for "Not checked in yet today" "the check-in is on Today by default"
keys q
wait_for "─ Mentees ─" "q: back to the lists"
keys q
wait_exit "quit"

# the mentor who thanks his mentees too, and wants no check-in
printf '[health]\nthank_roles = mentor, mentee, peer\n[ui]\ncheckin = off\n' >"$CONFIG"
ui_start 120 40
wait_for "1 thanks owed" "thank_roles = ... mentee: a thank-you is owed to a mentee"
keys T
wait_for "Due for contact" "Today"
wait_gone "Not checked in yet" "checkin = off: no check-in on Today"
wait_gone "Streak:" "nor the streak"
keys q
wait_for "─ Mentees ─" "q: back to the lists"
keys q
wait_exit "quit"

r today
expect_out "Dr. Ana Junior  for the meeting of Fri 20 Nov" "rapport today owes the same thanks"
case "$OUT" in *"Not checked in"*) not_ok "rapport today leaves the check-in out too" "$OUT" ;;
*) ok "rapport today leaves the check-in out too" ;; esac
r today --json
expect_eq "$(jqo '.checkin_shown')" "false" "today --json says the check-in is not shown"
expect_eq "$(jqo '[.due[] | .name + ":" + .state] | join(",")')" "Dr. Ben Resident:to reschedule" \
	"today --json: to reschedule"

# (mentees and a mentor together: People, in test_people_are_called_by_their_roles)
echo "1..$T_N"
