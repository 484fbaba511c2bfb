# ui_given.sh - the known databases the scenarios of the full-screen UI
# start from, built with the command line.  Sourced by tests/e2e/test_ui_*.sh
# (it sources lib.sh and tmux.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

# given_two_mentors_and_history: what a first evening by keys leaves (two
# mentors, a goal, yesterday's meeting, two thank-you notes), and two older
# meetings with an action item for the timeline.
#   person 1 Dr. Zoë 李 🙂 (Hôpital Saint-Louis), person 2 Dr. Tom Reyes
#   goal 1 Land a hospitalist job
#   meeting 1 yesterday 14:00 CV review (Zoë), 2 1 Oct First contact
#   (with notes), 3 1 Nov Job market with action 1
#   thanks 1 and 2 to Zoë
given_two_mentors_and_history() {
	r add person "Dr. Zoë 李 🙂" --org "Hôpital Saint-Louis" &&
	r add person "Dr. Tom Reyes" &&
	r add goal "Land a hospitalist job" &&
	r add meeting --with Zo --at "2026-11-24 14:00" --agenda "CV review" &&
	r add thanks --to Zo "Thank you for the CV review" &&
	r add thanks --to Zo "Thanks again" &&
	r add meeting --with Zo --at "2026-10-01 10:00" --agenda "First contact" --notes "Met at the ACP chapter evening" &&
	r add meeting --with Zo --at "2026-11-01 10:00" --agenda "Job market" &&
	r add action 3 "Send my CV to two hospitals" --due 2026-11-05
	expect_eq "$RC" "0" "the known database is built${ERR:+: $ERR}"
}

# start_on_known_database: the screen at 120x40 on what a given_ made
start_on_known_database() {
	ui_start 120 40
	wait_for "Land a hospitalist job" "started on the known database"
}
