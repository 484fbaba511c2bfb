# tmux.sh - drive the full-screen UI in a real terminal (tmux) for tests.
# Sourced after lib.sh.  Nothing sleeps blindly: every step waits for a
# screen state (polling the pane), with a time limit.
command -v tmux >/dev/null 2>&1 || { echo "not ok 1 - tmux is not installed"; exit 1; }

TM_N=0
TM_SOCK="rapport-test-$$-0"
TM_T=t # the session the helpers below look at and type into
# how many 50 ms polls a wait lasts: 10 s, or 60 s when the program runs
# slowly (under valgrind)
TM_POLLS=200
[ -n "${RAPPORT_TEST_SLOW:-}" ] && TM_POLLS=1200
printf 'set -g history-limit 200\nset -g default-terminal screen\n' >"$T_DIR/tmux.conf"
trap 'tmux -L "$TM_SOCK" kill-server 2>/dev/null; rm -rf "$T_DIR"' EXIT

tm() { tmux -u -L "$TM_SOCK" -f "$T_DIR/tmux.conf" "$@"; }

# ui_start COLS ROWS [ENV=VALUE...] [-- EXTRA ARGS]: rapport on the test files
ui_start() {
	w=$1 h=$2
	shift 2
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs '$1'"
		shift
	done
	[ "${1:-}" = "--" ] && shift
	# a fresh server each time: a new one on the socket of one that is
	# still shutting down would fail
	tm kill-server 2>/dev/null
	TM_N=$((TM_N + 1))
	TM_SOCK="rapport-test-$$-$TM_N"
	TM_T=t
	ui_session t "$w" "$h" "$envs" "$@"
}

# ui_second COLS ROWS: a second rapport on the same files, in session u of
# the same server (TM_T=u looks at it, TM_T=t back at the first)
ui_second() {
	ui_session u "$1" "$2" ""
}

ui_session() {
	tm_s=$1 w=$2 h=$3 envs=$4
	shift 4
	tm new-session -d -s "$tm_s" -x "$w" -y "$h" \
		"$(ui_wrapped "env TERM=screen LC_ALL=C.UTF-8 TZ='$TZ' RAPPORT_NOW='$RAPPORT_NOW' HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME' ASAN_OPTIONS='${ASAN_OPTIONS:-}' UBSAN_OPTIONS='${UBSAN_OPTIONS:-}' $envs '$RAPPORT' --db '$DB' --config '$CONFIG' $*" "$tm_s")"
}

# ui_wrapped COMMAND SESSION: the shell line a session runs: COMMAND, then
# its exit status into a file of its own (how the tests know it ended: not
# from the screen, where a crashed program's last frame stays), and the
# shell stays so the pane can still be read
ui_exit_file() { echo "$T_DIR/.exit-$TM_SOCK-$1"; }
ui_wrapped() {
	rm -f "$(ui_exit_file "$2")"
	echo "$1; echo \$? >'$(ui_exit_file "$2")'; exec sleep 600"
}

# ui_alive DESC: the program in the session is still running
ui_alive() {
	if [ -e "$(ui_exit_file "$TM_T")" ]; then
		not_ok "$1" "it ended with status $(cat "$(ui_exit_file "$TM_T")"); the screen:"
		screen_text | tail -n 5 | sed 's/^/#     /'
	else
		ok "$1"
	fi
}

screen_text() { tm capture-pane -p -J -t "$TM_T"; }

# wait_for TEXT DESC: the screen shows TEXT within 10 s (TM_POLLS)
wait_for() {
	i=0
	while [ $i -lt $TM_POLLS ]; do
		case "$(screen_text)" in *"$1"*) ok "$2"; return 0 ;; esac
		i=$((i + 1))
		sleep 0.05
	done
	not_ok "$2" "the screen never showed: $1" "it shows:"
	screen_text | sed 's/^/#     /'
	return 1
}

# wait_screen TEXT DESC: the whole screen is exactly TEXT within 10 s (a
# redraw may still be under way when a part of it shows); else the lines
# that differ
wait_screen() {
	i=0
	while [ $i -lt $TM_POLLS ]; do
		[ "$(screen_text)" = "$1" ] && { ok "$2"; return 0; }
		i=$((i + 1))
		sleep 0.05
	done
	not_ok "$2" "the screen differs (- wanted, + shown):"
	printf '%s\n' "$1" >"$T_DIR/.wanted"
	screen_text | diff "$T_DIR/.wanted" - | sed 's/^/#     /'
	return 1
}

# wait_gone TEXT DESC: the screen stops showing TEXT within 10 s
wait_gone() {
	i=0
	while [ $i -lt $TM_POLLS ]; do
		case "$(screen_text)" in *"$1"*) ;; *) ok "$2"; return 0 ;; esac
		i=$((i + 1))
		sleep 0.05
	done
	not_ok "$2" "the screen still shows: $1"
	return 1
}

# wait_exit DESC [STATUS]: the program ends within 10 s, with STATUS (0
# unless given: a crash on the way out is a failure); sets EXIT_STATUS
wait_exit() {
	i=0
	while [ $i -lt $TM_POLLS ]; do
		EXIT_STATUS=$(cat "$(ui_exit_file "$TM_T")" 2>/dev/null)
		if [ -n "$EXIT_STATUS" ]; then
			if [ "$EXIT_STATUS" = "${2:-0}" ]; then
				ok "$1"
			else
				not_ok "$1" "it ended with status $EXIT_STATUS, not ${2:-0}; the screen:"
				screen_text | tail -n 8 | sed 's/^/#     /'
			fi
			return 0
		fi
		i=$((i + 1))
		sleep 0.05
	done
	not_ok "$1" "still running"
	return 1
}

# What the screen says by colour, not by text: the row in the selection
# colour, the pane whose border is drawn in the focus colour (as the
# default theme draws them: black on cyan, bold cyan)
selected_row() {
	tm capture-pane -p -e -t "$TM_T" | grep "$(printf '\033')\\[46m" | head -n 1 |
		sed "s/$(printf '\033')\\[[0-9;]*m//g"
}
focused_pane() {
	tm capture-pane -p -e -t "$TM_T" | perl -ne 'while (/\e\[1m\e\[36m\S*? (\S+) /g) { print "$1\n" }' | head -n 1
}

# wait_selected TEXT DESC: the selected row shows TEXT within 10 s
wait_selected() {
	i=0
	while [ $i -lt $TM_POLLS ]; do
		case "$(selected_row)" in *"$1"*) ok "$2"; return 0 ;; esac
		i=$((i + 1))
		sleep 0.05
	done
	not_ok "$2" "the selected row is not '$1' but: $(selected_row)"
	return 1
}

# wait_focus PANE DESC: the pane named PANE (Mentors, Goals...) has the focus
wait_focus() {
	i=0
	while [ $i -lt $TM_POLLS ]; do
		[ "$(focused_pane)" = "$1" ] && { ok "$2"; return 0; }
		i=$((i + 1))
		sleep 0.05
	done
	not_ok "$2" "the focus is on '$(focused_pane)', not $1"
	return 1
}

# wait_line REGEX DESC: a line of the screen matches REGEX (grep -E): for
# a row of a list, not the same words in a message
wait_line() {
	i=0
	while [ $i -lt $TM_POLLS ]; do
		screen_text | grep -qE -- "$1" && { ok "$2"; return 0; }
		i=$((i + 1))
		sleep 0.05
	done
	not_ok "$2" "no line of the screen matches: $1" "it shows:"
	screen_text | sed 's/^/#     /'
	return 1
}

# scribble TEXT: write TEXT straight onto the terminal, behind the program's
# back (what a stray message from another program does), for a redraw to mend
scribble() {
	printf '%s' "$1" >"$(tm display-message -p -t "$TM_T" '#{pane_tty}')"
}

keys() { tm send-keys -t "$TM_T" "$@"; }

# ui_settled: every key sent so far has been read and drawn.  A key no
# action has is sent and the message naming it awaited (F11 and F12 in turn,
# so that the message of the one before is never taken for this one's: the
# key between cleared it).  Status 1 if it never shows.
TM_SETTLE_KEY=F12
ui_settled() {
	if [ "$TM_SETTLE_KEY" = F12 ]; then TM_SETTLE_KEY=F11; else TM_SETTLE_KEY=F12; fi
	keys "$TM_SETTLE_KEY"
	i=0
	while [ $i -lt $TM_POLLS ]; do
		case "$(screen_text)" in *"$TM_SETTLE_KEY is not a key here"*) return 0 ;; esac
		i=$((i + 1))
		sleep 0.05
	done
	return 1
}

# cursor_to TEXT: move the selection to the row showing TEXT (g, then j
# until the selected row shows it, each key seen taken before the row is
# read); status 1 if no row does
cursor_to() {
	case "$(selected_row)" in *"$1"*) return 0 ;; esac
	keys g
	ui_settled || return 1
	steps=0
	while [ $steps -lt 80 ]; do
		case "$(selected_row)" in *"$1"*) return 0 ;; esac
		before=$(selected_row)
		keys j
		ui_settled || return 1
		[ "$(selected_row)" = "$before" ] && return 1
		steps=$((steps + 1))
	done
	return 1
}

# select_row TEXT DESC: cursor_to TEXT, as a test
select_row() {
	if cursor_to "$1"; then ok "$2"; else not_ok "$2" "no row shows '$1'; the selected one: $(selected_row)"; fi
}

type_text() { tm send-keys -t "$TM_T" -l "$1"; }
resize() { tm resize-window -t "$TM_T" -x "$1" -y "$2"; }
