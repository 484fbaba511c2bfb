#!/bin/sh
# test_terminal.sh - a hostile terminal: hundreds of resizes in a second, a
# 1x1 window, a 100 KB paste into a form field, bytes that are not UTF-8.
# No crash, and nothing garbled that stays garbled after a redraw.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

r add person "Ada Lovelace" --org "Analytical Engines"
r add person "Zoë 李 🙂"
r add goal "Land a hospitalist job" --person Ada
r add meeting --with Ada --at "2026-11-20 10:00" --agenda "CV review"

# what a fresh start shows at 120x40: the reference for "not garbled"
ui_start 120 40
wait_for "Timeline" "a fresh start at 120x40"
wait_for "open action" "with its counts"
fresh=$(screen_text)
keys q
wait_exit "quits"

# --- a resize storm: 300 sizes in one go, from 1x1 to 250x80
ui_start 120 40
wait_for "Timeline" "started again"
cmds=$(awk 'BEGIN { srand(7); for (i = 0; i < 300; i++) printf "resize-window -t t -x %d -y %d ; ", 1 + int(rand() * 250), 1 + int(rand() * 80) }')
last=$(echo "$cmds" | awk -F';' '{ n = split($(NF - 1), w, " "); print w[5] "x" w[7] }')
t0=$(date +%s%N)
# shellcheck disable=SC2086 # one tmux call, many commands
eval "tm $(echo "$cmds" | sed 's/;/\\;/g')"
rc=$?
t1=$(date +%s%N)
expect_eq "$rc:$(tm display-message -p -t t '#{window_width}x#{window_height}')" "0:$last" \
	"300 resizes in $(((t1 - t0) / 1000000)) ms: tmux took them all, the window is the last size ($last)"
resize 120 40
wait_for "Timeline" "after the storm, back at 120x40: the screen is drawn"
ui_alive "and the program is still running"
scribble "STRAY-OUTPUT-1"
wait_for "STRAY-OUTPUT-1" "(text written onto the terminal behind its back)"
keys C-l
wait_gone "STRAY-OUTPUT-1" "Ctrl-L redraws the whole screen, mending it"
wait_for "open action" "with its counts"
wait_screen "$fresh" "the screen is exactly what a fresh start shows"

# --- 1x1, and back
resize 1 1
resize 2 2
ui_alive "a 1x1 and a 2x2 terminal: still running"
resize 60 10
wait_for "Terminal too small" "60x10 says it is too small"
resize 120 40
wait_for "Timeline" "back to 120x40"
wait_screen "$fresh" "and the screen is as fresh again"

# --- a 100 KB paste into a form field
keys a
wait_for "New person" "a new person"
head -c 100000 /dev/zero | tr '\0' 'p' >"$T_DIR/paste"
tm load-buffer -b big "$T_DIR/paste"
tm paste-buffer -b big -t t
# the name field holds what it can (its limit), the rest is refused with a
# beep; the screen keeps up
i=0
while [ $i -lt 400 ] && ! screen_text | grep -q 'pppppppppppppppppppp'; do i=$((i + 1)); sleep 0.05; done
ui_alive "a 100 KB paste: still running"
keys Enter
wait_gone "New person" "Enter saves what the field could hold"
r list people --json
len=$(jqo 'map(select(.name | startswith("ppp"))) | .[0].name | length')
case "$len" in
[1-9]*) ok "the name is stored ($len characters, the field's limit)" ;;
*) not_ok "the name is stored" "got: $len" ;;
esac
scribble "STRAY-OUTPUT-2"
keys C-l
wait_gone "STRAY-OUTPUT-2" "the screen after the paste: Ctrl-L redraws it"
wait_for "Timeline" "whole"

# --- bytes that are not UTF-8, typed into a field
keys a
wait_for "New person" "a new person again"
type_text "Ab"
tm send-keys -t t -H c3 28 ff fe 80 e2 82
type_text "cd"
keys Enter
wait_gone "New person" "saved"
r list people --json
name=$(jqo 'map(select(.name | startswith("Ab"))) | .[0].name')
case "$name" in
Ab*cd) ok "what was typed around them is kept ($name)" ;;
*) not_ok "what was typed around them is kept" "got: $name" ;;
esac
if printf '%s' "$name" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; then ok "and the stored name is valid UTF-8"
else not_ok "and the stored name is valid UTF-8"; fi
scribble "STRAY-OUTPUT-3"
keys C-l
wait_gone "STRAY-OUTPUT-3" "redrawn"
wait_for "Timeline" "whole"
ui_alive "still running"
keys q
wait_exit "q quits"
expect_eq "$EXIT_STATUS" "0" "with status 0"

# --- at 80x24 the top line has a tab bar below it; a full-screen view keeps
# its first line when the top is drawn again (C-l, a count that changes)
ui_start 80 24
wait_for "1 Mentors" "80x24: the tab bar"
keys Enter
wait_for "Meetings, newest first" "Enter: the selected person's timeline"
wait_gone "1 Mentors" "no tab bar over the view"
ui_settled
first=$(screen_text | sed -n 2p)
case "$first" in *"  ("*) ok "its first line names the person" ;; *) not_ok "its first line names the person" "$first" ;; esac
keys C-l
ui_settled
expect_eq "$(screen_text | sed -n 2p)" "$first" "C-l: the view's first line is as it was"
keys q
wait_for "1 Mentors" "q: back to the lists, with the tab bar"
keys 2 Enter
wait_for "Land a hospitalist job" "a goal's view"
keys x
wait_for "goal #1: done" "x marks it done (the counts change)"
case "$(screen_text | sed -n 2p)" in
*"Land a hospitalist job"*) ok "and the view's first line is still the goal" ;;
*) not_ok "and the view's first line is still the goal" "line 2: $(screen_text | sed -n 2p)" ;;
esac
keys q q
wait_exit "quits"
echo "1..$T_N"
