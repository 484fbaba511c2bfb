# The full screen in its terminal: help, resizing (too small and back, the
# 80x24 tabs), colours and NO_COLOR, --read-only, keys remapped in the config
# (and its mistakes reported with their line), and a terminal that cannot.
. "$(dirname "$0")/ui_given.sh"
given_two_mentors_and_history

start_on_known_database

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

# --- a terminal that cannot do it
ui_start 80 24 "TERM=dumb"
wait_exit "TERM=dumb ends at once" 1
expect_eq "$EXIT_STATUS" "1" "with status 1"
if tm capture-pane -p -J -S -100 -t t | grep -q "TERM is 'dumb'"; then ok "and says why"
else not_ok "and says why" "$(tm capture-pane -p -J -S -100 -t t)"; fi
echo "1..$T_N"
