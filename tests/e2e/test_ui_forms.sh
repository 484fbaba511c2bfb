# Forms and changes on the full screen: a validation error keeps what was
# typed, Esc asks before discarding, edit/delete/done are undone by u, and
# C-e writes a field in $EDITOR.
. "$(dirname "$0")/ui_given.sh"
given_two_mentors_and_history

start_on_known_database

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
wait_for "Delete person #2 Dr. Tom Reyes, and with it 1 meeting? (y/n)" \
	"d on a person with a meeting asks first, saying what goes with her"
keys n
wait_for "Nothing changed" "n keeps her"
expect_eq "$(sql 'SELECT deleted_at IS NULL FROM person WHERE id = 2')" "1" "still in the file"
keys d
wait_for "(y/n)" "d asks again"
keys y
wait_for "Moved person #2 to the trash" "y deletes"
expect_eq "$(sql "SELECT count(*) FROM meeting WHERE person_id = 2 AND deleted_at IS NOT NULL")" "1" \
	"her meeting went with her"
wait_gone "Dr. Tom Reyes" "the person leaves the list"
expect_eq "$(sql 'SELECT deleted_at IS NOT NULL FROM person WHERE id = 2')" "1" "to the trash, in the file"
keys u
wait_for "Undone: person #2 is back" "u brings it back"
wait_for "Dr. Tom Reyes" "and it is listed again"
expect_eq "$(sql 'SELECT deleted_at IS NULL FROM person WHERE id = 2')" "1" "out of the trash, in the file"
# --- the trash screen: D shows it; r brings back, P deletes one for good
keys d
wait_for "(y/n)" "d on her again"
keys y
wait_for "Moved person #2 to the trash" "deleted again"
keys D
wait_for "The trash: what was deleted" "D shows the trash"
wait_for "#2 Dr. Tom Reyes  deleted" "with the person in it"
wait_gone "Tom Reyes, planned" "her meeting is not listed apart: it comes back with her"
keys j
wait_for "[person #2 Dr. Tom Reyes]" "j highlights her; the hint says so"
keys r
wait_for "Restored person #2" "r brings her back"
wait_for "The trash is empty." "and the trash is empty"
expect_eq "$(sql 'SELECT count(*) FROM meeting WHERE person_id = 2 AND deleted_at IS NULL')" "1" \
	"her meeting is back too"
keys Escape
wait_for "Dr. Tom Reyes" "Esc: back to the lists, with her"
keys g
wait_selected "Dr. Tom Reyes" "she is selected"
keys d
wait_for "Delete person #2 Dr. Tom Reyes" "d on her once more"
keys y
keys D
wait_for "#2 Dr. Tom Reyes  deleted" "in the trash"
keys j P
wait_for "Delete person #2 Dr. Tom Reyes for good (no undo)? (y/n)" "P asks before deleting for good"
keys n
wait_for "Nothing changed" "n keeps her in the trash"
keys P
wait_for "for good (no undo)? (y/n)" "P asks again"
keys y
wait_for "Deleted person #2 for good" "y deletes her for good"
expect_eq "$(sql 'SELECT count(*) FROM person WHERE id = 2')" "0" "she is gone from the file"
expect_eq "$(sql 'SELECT count(*) FROM meeting WHERE person_id = 2')" "0" "and her meeting with her"
keys Escape
# a person with nothing else goes without a question, and C-x empties the trash
keys a
type_text "Tess Trash"
keys Enter
wait_line "│ Tess Trash .*mentor/" "a person with nothing else"
keys d
wait_for "Moved person #" "d without a question: nothing goes with her"
keys D
wait_for "Tess Trash  deleted" "she is in the trash"
keys C-x
wait_for "Delete everything in the trash for good? (y/n)" "C-x asks before emptying the trash"
keys y
wait_for "the trash is empty" "y empties it"
expect_eq "$(sql 'SELECT count(*) FROM person WHERE deleted_at IS NOT NULL')" "0" "in the file too"
keys Escape
# the person is back as she was for the rest of the scenario
r add person "Dr. Tom Reyes" && r add meeting --with Reyes --at "2026-11-26 09:00"
expect_eq "$RC" "0" "Dr. Tom Reyes again, with a meeting${ERR:+: $ERR}"
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
keys 2 e
wait_for "Edit goal #1" "edit the goal again"
wait_for "Written in the editor↵with a second line" "the form shows the line break as ↵"
keys Escape
wait_gone "Edit goal #1" "Esc closes the unchanged form"
keys q
wait_exit "quit"
# an editor that appends a line: the file ended with a newline, so the new
# line is a line of its own
cat >"$T_DIR/append.sh" <<'SH'
#!/bin/sh
printf 'appended\n' >>"$1"
SH
chmod +x "$T_DIR/append.sh"
ui_start 120 40 "EDITOR=$T_DIR/append.sh" "VISUAL="
wait_for "Land a hospitalist job" "started with an editor that appends"
keys 2 e
wait_for "Edit goal #1" "edit the goal"
keys Tab C-e
wait_for "line↵appended" "the appended line follows a line break"
keys Enter
wait_for "Saved goal #1" "saved"
r show goal 1 --json
expect_eq "$(jqo .description)" "Written in the editor
with a second line
appended" "an editor's appended line is a line of its own"
keys q
wait_exit "quit"
echo "1..$T_N"
