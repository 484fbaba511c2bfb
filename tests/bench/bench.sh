#!/bin/sh
# The benchmark: how fast rapport is at 1k, 100k and 1M meetings, against
# the tmux+shell floor and against calcurse on the same number of
# appointments.  It prints numbers; it never fails on a slow machine.
#   tests/bench/bench.sh [RESULTS_FILE]     (BENCH_SIZES="1000 100000" to choose)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
R="$top/rapport"
sizes=${BENCH_SIZES:-"1000 100000 1000000"}
runs=${BENCH_RUNS:-5}
out=${1:-}
W=$(mktemp -d "${TMPDIR:-/tmp}/rapport-bench.XXXXXX")
echo "rapport-bench-$$-0" >"$W/sock"
# the tmux server of the last start (the name is in a file: starts happen
# in subshells)
tm() { tmux -u -L "$(cat "$W/sock")" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$W"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC RAPPORT_NOW='2026-11-25 09:00' TERM=screen
now_ms() { date +%s%3N; }

# wait_screen TEXT...: poll the pane (every 2 ms) until it shows every TEXT;
# prints nothing, returns 1 after 60 s (by the clock: polling slows down
# when the program under test holds a core)
wait_screen() {
	until=$(($(now_ms) + 60000))
	while [ "$(now_ms)" -lt "$until" ]; do
		s=$(tm capture-pane -p -t b 2>/dev/null)
		all=1
		for want in "$@"; do case "$s" in *"$want"*) ;; *) all=0 ;; esac; done
		[ $all = 1 ] && return 0
		sleep 0.002
	done
	return 1
}

# start_ms CMD TEXT...: milliseconds from starting CMD in a new 120x40
# terminal until the screen shows every TEXT
start_ms() {
	cmd=$1
	shift
	# a new server each time: one starting on the socket of one that is
	# still shutting down fails
	tm kill-server 2>/dev/null
	echo "rapport-bench-$$-$(date +%s%N)" >"$W/sock"
	t0=$(now_ms)
	tm new-session -d -s b -x 120 -y 40 "exec $cmd"
	wait_screen "$@" || { echo "timeout"; return; }
	echo $(($(now_ms) - t0))
}

# wait_quiet FILE: until FILE stops growing (300 ms without a new line)
# key1 LOG KEY: send one key and wait (up to 10 s) until the screen has
# drawn it (a line more in the RAPPORT_TIMING log)
key1() {
	before=$(wc -l <"$1" 2>/dev/null || echo 0)
	tm send-keys -t b "$2"
	i=0
	while [ "$(wc -l <"$1" 2>/dev/null || echo 0)" -le "$before" ] && [ $i -lt 2000 ]; do
		sleep 0.005
		i=$((i + 1))
	done
}

wait_quiet() {
	last=-1 same=0 i=0
	while [ $same -lt 30 ] && [ $i -lt 6000 ]; do
		cur=$(wc -l <"$1" 2>/dev/null || echo 0)
		if [ "$cur" = "$last" ]; then same=$((same + 1)); else same=0; last=$cur; fi
		sleep 0.01
		i=$((i + 1))
	done
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "-" }'; }
p99() { sort -n | awk '{ a[NR] = $1 } END { if (NR) { i = int(NR * 0.99 + 0.999); if (i > NR) i = NR; print a[i] } else print "-" }'; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
timed() { t0=$(now_ms); "$@" >/dev/null 2>&1; echo $(($(now_ms) - t0)); }

printf '%s\n' "| meetings | make db (ms) | floor (ms) | first screen (ms) | with counts (ms) | Today (ms) | RSS (MB) | key median (ms) | key p99 (ms) | timeline+G (ms) | today (ms) | search (ms) | ics (ms) | calcurse (ms) | rapport/calcurse |" >"$W/table"
printf '%s\n' "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|" >>"$W/table"

for n in $sizes; do
	db="$W/b$n.db"
	echo "== $n meetings" >&2
	stage() { echo "   $(date +%T) $1" >&2; }
	t=$(timed "$R" --db "$db" demo --meetings "$n" --seed 1)
	# the kernel writes the new file out for a while after: let it finish,
	# or the figures below measure that writeback as much as rapport
	sync
	printf '[ui]\nstart = today\n' >"$W/today.ini"
	: >"$W/none.ini"

	stage "demo database made"
	floor=$(for i in $(seq "$runs"); do start_ms "sh -c 'printf READY; sleep 30'" READY; done | median)
	first=$(for i in $(seq "$runs"); do start_ms "$R --db $db --config $W/none.ini" "Gratitude ─" "q quit" "Timeline"; done | median)
	# the top line's counts come right after the first screen
	counts=$(for i in $(seq "$runs"); do start_ms "$R --db $db --config $W/none.ini" "Gratitude ─" "q quit" "open action"; done | median)
	rss=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$(tm display -p -t b '#{pane_pid}')/status" 2>/dev/null)
	today=$(for i in $(seq "$runs"); do start_ms "$R --db $db --config $W/today.ini" "Today, Wed" "Streak:"; done | median)

	# keys: a scripted walk, timed inside (RAPPORT_TIMING) per key
	stage "start-up measured"
	rm -f "$W/keys.log"
	start_ms "env RAPPORT_TIMING=$W/keys.log $R --db $db --config $W/none.ini" "q quit" >/dev/null
	# one key at a time, each drawn before the next is sent: the screen
	# draws once for keys that arrive together, so a burst would time
	# its first key only
	key1 "$W/keys.log" 3
	k=0
	while [ $k -lt 1000 ]; do
		key1 "$W/keys.log" j
		k=$((k + 1))
	done
	for k in 1 2 3 4 5 6 7 8 9 10; do key1 "$W/keys.log" NPage; done
	for k in G g Tab Tab Tab Tab 1 g; do key1 "$W/keys.log" "$k"; done
	# the timeline of the person with 1% of the meetings, to its end
	t0=$(now_ms)
	key1 "$W/keys.log" Enter
	key1 "$W/keys.log" G
	timeline=$(($(now_ms) - t0))
	tm send-keys -t b Escape /
	tm send-keys -t b -l interview
	wait_quiet "$W/keys.log"
	tm send-keys -t b Escape q
	sleep 0.2
	kmed=$(awk '{ printf "%.2f\n", $1 / 1000 }' "$W/keys.log" | median)
	kp99=$(awk '{ printf "%.2f\n", $1 / 1000 }' "$W/keys.log" | p99)
	nkeys=$(wc -l <"$W/keys.log")

	stage "keys measured"
	# the commands, timed around the process alone (5 runs, median)
	tod=$(python3 "$top/tests/bench/runtime.py" 5 "$R" --db "$db" --config "$W/none.ini" today)
	srch=$(python3 "$top/tests/bench/runtime.py" 5 "$R" --db "$db" --config "$W/none.ini" search interview)
	ics=$(python3 "$top/tests/bench/runtime.py" 3 "$R" --db "$db" --config "$W/none.ini" export --format ics -o "$W/x.ics")
	vers=$(python3 "$top/tests/bench/runtime.py" 5 "$R" --version)

	stage "commands measured"
	# calcurse on as many appointments, made from the same meetings
	mkdir -p "$W/cal$n"
	sqlite3 "$db" "SELECT strftime('%m/%d/%Y @ %H:%M', start_at, 'unixepoch') || ' -> ' ||
		strftime('%m/%d/%Y @ %H:%M', start_at + 60 * duration_min, 'unixepoch') || ' |' ||
		replace(agenda, char(10), ' ') FROM meeting" >"$W/cal$n/apts"
	: >"$W/cal$n/todo"
	# (a killed calcurse leaves its lock behind: clear it before each start)
	# (after a timeout, no second try: it would only time out again)
	cal=$(for i in $(seq 3); do
		rm -f "$W/cal$n/.calcurse.pid"
		c=$(start_ms "calcurse -D $W/cal$n -C $W/cal$n" "Appointments")
		echo "$c"
		[ "$c" = timeout ] && break
	done | median)
	stage "calcurse measured"
	ratio=$(awk -v a="$first" -v b="$cal" 'BEGIN { if (b + 0 > 0) printf "%.2f", a / b; else print "-" }')

	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$t" "$floor" "$first" "$counts" \
		"$today" "${rss:--}" "$kmed" "$kp99" "$timeline" "$tod" "$srch" "$ics" "$cal" "$ratio" >>"$W/table"
	echo "   ($nkeys keys timed inside the program)" >&2
	echo "$nkeys keys timed at $n meetings; \`rapport --version\` (starting the process and its libraries) takes $vers ms" >>"$W/notes"
	[ "$n" -le 100000 ] && {
		# import rate of the JSON export against a plain insert loop
		"$R" --db "$db" export --format json -o "$W/e.json" 2>/dev/null
		rows=$(jq '[.people, .goals, .milestones, .meetings, .actions, .thanks, .checkins | length] | add' "$W/e.json")
		imp=$(python3 "$top/tests/bench/runtime.py" --rss 1 "$R" --db "$W/imp$n.db" import "$W/e.json")
		ti=${imp%% *} irss=${imp#* }
		ti=${ti%.*}
		# the same rows copied by SQLite alone into tables without indexes:
		# the physical limit; then with a full-text index over the meetings'
		# text filled after them; then into an empty rapport file, its
		# indexes and search index kept by its own triggers (what any
		# import into this schema has to write)
		plain="ATTACH '$db' AS src; BEGIN;"
		into=$plain
		for t in person goal milestone meeting action_item gratitude checkin; do
			plain="$plain CREATE TABLE $t AS SELECT * FROM src.$t;"
			into="$into INSERT INTO main.$t SELECT * FROM src.$t;"
		done
		tp=$(timed sqlite3 "$W/plain$n.db" "PRAGMA journal_mode=WAL; $plain COMMIT;")
		tf=$(timed sqlite3 "$W/plainfts$n.db" "PRAGMA journal_mode=WAL; $plain
			CREATE VIRTUAL TABLE f USING fts5(body);
			INSERT INTO f SELECT coalesce(agenda, '') || ' ' || coalesce(notes, '') FROM meeting; COMMIT;")
		"$R" --db "$W/plainschema$n.db" list people >/dev/null 2>&1
		ts=$(timed sqlite3 "$W/plainschema$n.db" "$into COMMIT;")
		rate() { awk -v r="$rows" -v t="$1" 'BEGIN { printf "%d", r * 1000 / (t ? t : 1) }'; }
		echo "import at $n meetings: $rows rows in $ti ms ($(rate "$ti") rows/s, peak RSS $irss MB for a $(($(stat -c %s "$W/e.json") / 1048576)) MB file); SQLite's own copy of the same rows: into bare tables $tp ms ($(rate "$tp") rows/s), + a full-text index of the meetings $tf ms ($(rate "$tf") rows/s), into an empty rapport file (its indexes and search index) $ts ms ($(rate "$ts") rows/s)" >>"$W/notes"
		rm -f "$W"/plain* "$W"/imp* "$W/e.json"
	}
	rm -f "$db" "$db"-wal "$db"-shm
done

{
	cat <<'EOF'
# Benchmark results

Made with `make bench` (tests/bench/bench.sh), RAPPORT_NOW fixed at
2026-11-25 09:00, 5 runs per start-up figure and per command (medians).
The databases come from `rapport demo --meetings N --seed 1`: about 1 person
per 500 meetings, an action item for every third meeting, a thank-you note
for every fourth, notes of a few hundred bytes to a few KB, ten years of
history; person #1 has about 1% of the meetings (10,000 at 1M).

Columns: `make db` is the time `rapport demo` took; `first screen` and
`Today` are from starting the program in tmux until the screen is complete
(the tmux+shell floor is measured the same way); `with counts` is until the
top line's counts (who is due, thanks owed, open actions), which are made
right after the first screen; `RSS` is the peak by then; keys are timed
inside the program (RAPPORT_TIMING), from reading the key to the screen
update; `timeline+G` is Enter on person #1 and G to the end of their
10,000-meeting timeline; `today`, `search` (a common word) and `ics`
(planned meetings) are the commands' wall times around the process alone
(tests/bench/runtime.py); `calcurse` is its start-up on the same
appointments ("timeout": no screen within the bench's wait of 60 s).

EOF
	echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), $(date -u +%Y-%m-%d)"
	echo
	cat "$W/table"
	echo
	[ -f "$W/notes" ] && sed 's/^/- /' "$W/notes"
	echo "- floor: tmux starting \`printf\`, measured the same way; first screen: until the"
	echo "  panes, the timeline and the hint line are all drawn; keys: 1,000 j, 10 PgDn, G, g,"
	echo "  pane switches, timed inside from reading the key to the screen update."
	# the hand-written reading of the figures, kept from the last results
	[ -n "$out" ] && [ -f "$out" ] && sed -n '/^## Against the targets/,$p' "$out" | sed '1s/^/\n/'
} >"$W/report"
cat "$W/report"
[ -n "$out" ] && cp "$W/report" "$out"
exit 0
