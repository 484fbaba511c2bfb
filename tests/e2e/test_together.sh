#!/bin/sh
# test_together.sh - two full-screen rapports and the command line on one
# file: each sees the other's changes on Ctrl-L or when a pane gets the
# focus, and an edit of a row changed elsewhere since it was shown is
# caught, not written over it silently.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

r add person "Ada Two" --org "Charité"
r add person "Cy Three"

ui_start 120 40
wait_for "Ada Two" "first rapport (A) is up"
ui_second 120 40
TM_T=u
wait_for "Ada Two" "second rapport (B) is up on the same file"

# --- A adds a person; B sees it after Ctrl-L
TM_T=t
keys a
wait_for "New person" "A: a opens the form"
type_text "Bo New"
keys Enter
wait_gone "New person" "A: saved"
TM_T=u
keys C-l
wait_for "Bo New" "B: Ctrl-L shows the person A added"

# --- the command line adds a goal; B sees it when the Goals pane gets the focus
r add goal "Goal from the command line"
expect_rc 0 "the command line writes while both are open"
keys 2
wait_for "Goal from the command line" "B: focusing Goals shows the new goal"
keys 1

# --- A edits Ada; the command line changes her meanwhile; A's save stops
TM_T=t
keys 1 g e
wait_for "Edit person #1" "A: e edits Ada"
r edit person 1 --org "Changed on the command line"
expect_rc 0 "the command line edits her meanwhile"
type_text " (A)"
keys Enter
wait_for "changed elsewhere" "A: the save is stopped and says why"
wait_for "Edit person #1" "A: the form stays open with what was typed"
r show person 1 --json
expect_eq "$(jqo '.name + " / " + .organization')" "Ada Two / Changed on the command line" \
	"nothing of A's was written over the other change"
keys Enter
wait_gone "Edit person #1" "A: Enter again saves"
r show person 1 --json
expect_eq "$(jqo '.name + " / " + .organization')" "Ada Two (A) / Changed on the command line" \
	"A's field is saved and the other change kept (only what A changed is written)"

# --- the same between two screens: B edits Cy, A changes Cy first
TM_T=u
keys C-l
wait_for "Bo New" "B: the list is reloaded"
select_row "Cy Three" "B: Cy is selected"
keys e
wait_for "Edit person #2" "B: e edits Cy"
TM_T=t
keys C-l
select_row "Cy Three" "A: Cy is selected"
keys e
wait_for "Edit person #2" "A: e edits Cy"
type_text " Senior"
keys Enter
wait_gone "Edit person #2" "A: saved first"
TM_T=u
type_text " Junior"
keys Enter
wait_for "changed elsewhere" "B: the later save is stopped"
r show person 2 --json
expect_eq "$(jqo '.name')" "Cy Three Senior" "A's version is what the file holds"
keys Escape
wait_for "Discard your changes" "B: Esc asks before dropping what was typed"
keys y
wait_gone "Edit person #2" "B: the form is closed"
wait_for "Cy Three Senior" "B: keeping theirs shows what the file holds at once, without Ctrl-L"

# --- both quit cleanly, the file is whole
keys q
wait_exit "B quits"
expect_eq "$EXIT_STATUS" "0" "B: status 0"
TM_T=t
keys q
wait_exit "A quits"
expect_eq "$EXIT_STATUS" "0" "A: status 0"
expect_eq "$(sqlite3 "$DB" 'PRAGMA integrity_check')" "ok" "the file passes integrity_check"
echo "1..$T_N"
