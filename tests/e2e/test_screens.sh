#!/bin/sh
# test_screens.sh - golden screens: the main screen, Today and a person's
# timeline, at 120x40 and at 80x24, on the seeded demo database with the
# clock fixed, each compared whole with its capture in tests/golden/ (text,
# not colours).  A screen that differs fails with the lines that differ.
#
# After an intended change to what a screen shows, write the captures again
# and read the diff before committing it:
#     make golden            (GOLDEN_UPDATE=1 sh tests/e2e/test_screens.sh)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
GOLDEN="$(cd "$(dirname "$0")/../golden" && pwd)"

r demo --people 12 --meetings 60 --seed 7
expect_rc 0 "the demo database (seed 7) is made"

# settled: the screen as it stays (for writing a capture: two reads a
# moment apart agree)
settled() {
	prev="" i=0
	while [ $i -lt $TM_POLLS ]; do
		now=$(screen_text)
		[ -n "$prev" ] && [ "$now" = "$prev" ] && { printf '%s\n' "$now"; return 0; }
		prev=$now
		i=$((i + 1))
		sleep 0.3
	done
	return 1
}

# golden NAME COLS ROWS READY [KEYS...]: start on the demo, press KEYS, wait
# for READY, and compare the screen with tests/golden/NAME.txt
golden() {
	name=$1 w=$2 h=$3 ready=$4
	shift 4
	ui_start "$w" "$h"
	wait_for "Gratitude" "$name: the screen opens" || return
	[ $# -gt 0 ] && keys "$@"
	wait_for "$ready" "$name: shows '$ready'" || return
	if [ -n "${GOLDEN_UPDATE:-}" ]; then
		settled >"$GOLDEN/$name.txt" && ok "$name: written to tests/golden/$name.txt" ||
			not_ok "$name: the screen never settled"
	elif [ -f "$GOLDEN/$name.txt" ]; then
		wait_screen "$(cat "$GOLDEN/$name.txt")" "$name: the whole screen is as captured"
	else
		not_ok "$name: no capture tests/golden/$name.txt (make golden writes it)"
	fi
	keys q q
	wait_exit "$name: quits"
}

for size in "120 40" "80 24"; do
	set -- $size
	w=$1 h=$2
	golden "main-${w}x${h}" "$w" "$h" "Meetings"
	golden "today-${w}x${h}" "$w" "$h" "Due for contact" T
	golden "timeline-${w}x${h}" "$w" "$h" "Next contact" Enter
done
# `rapport list` of every kind, as text cut to 100 columns
lists() {
	for k in people goals milestones meetings actions thanks checkins; do
		echo "== rapport list $k"
		COLUMNS=100 "$RAPPORT" --db "$DB" --config "$CONFIG" list "$k" </dev/null 2>&1
	done
}
if [ -n "${GOLDEN_UPDATE:-}" ]; then
	lists >"$GOLDEN/lists.txt" && ok "lists: written to tests/golden/lists.txt"
else
	lists >"$T_DIR/lists.txt"
	if cmp -s "$GOLDEN/lists.txt" "$T_DIR/lists.txt"; then
		ok "lists: every kind's list is as captured"
	else
		not_ok "lists: every kind's list is as captured" "$(diff "$GOLDEN/lists.txt" "$T_DIR/lists.txt" | head -20)"
	fi
fi
# at 60 columns a list still fits and keeps its facts: the free text gives
# way (then names), never the dates, the states or the person
for k in people goals meetings actions thanks; do
	COLUMNS=60 LC_ALL=C.UTF-8 "$RAPPORT" --db "$DB" --config "$CONFIG" list "$k" </dev/null >"$T_DIR/narrow.txt" 2>&1
	widest=$(LC_ALL=C.UTF-8 wc -L <"$T_DIR/narrow.txt")
	[ "$widest" -le 60 ] && ok "list $k at 60 columns: no line wider ($widest)" ||
		not_ok "list $k at 60 columns: no line wider" "$(cat "$T_DIR/narrow.txt" | head -5)"
done
COLUMNS=60 "$RAPPORT" --db "$DB" --config "$CONFIG" list goals </dev/null >"$T_DIR/narrow.txt" 2>&1
sed -n 2p "$T_DIR/narrow.txt" | grep -q "20[0-9][0-9]  *Dr\\. " && ok "list goals at 60 columns: the target day and the person stay" ||
	not_ok "list goals at 60 columns: the target day and the person stay" "$(head -3 "$T_DIR/narrow.txt")"
COLUMNS=60 "$RAPPORT" --db "$DB" --config "$CONFIG" list meetings </dev/null >"$T_DIR/narrow.txt" 2>&1
sed -n 2p "$T_DIR/narrow.txt" | grep -Eq "20[0-9][0-9] [0-9:]+  Dr\\. .*  (planned|done|happened\\?|missed|cancelled)" &&
	ok "list meetings at 60 columns: when, with whom and the state stay" ||
	not_ok "list meetings at 60 columns: when, with whom and the state stay" "$(head -3 "$T_DIR/narrow.txt")"
echo "1..$T_N"
