# The full-screen UI from an empty database: the first screen says what to
# do; people (accents, CJK, an emoji), a goal, a meeting and thank-you notes
# added by keys are in the file after q.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
# --- first start: an empty database says what to do
ui_start 120 40
wait_for "No one yet: press a to add a person." "an empty database shows what to do"
wait_for "─ People ─" "a file with nobody yet calls its first pane People"
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
wait_for "─ Mentors ─" "with a mentor in it, the first pane is Mentors"
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
echo "1..$T_N"
