#!/bin/sh
# test_crash.sh - the program killed (SIGKILL) at random moments while it
# writes: every edit it reported done is there, no edit is there by half,
# the file passes PRAGMA integrity_check and `rapport check`.
# CRASH_RUNS runs (20 in the suite; `make crash` runs 400).
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "not ok 1 - python3 is not installed"; exit 1; }

runs=${CRASH_RUNS:-20}
steps=12 # edits tried per run, most runs die long before
r add person "Someone already there"

# the edits: each an import of one person with two meetings and three action
# items (one transaction), or a delete of such a person, which moves them
# with their meetings and action items to the trash (one transaction)
python3 - "$T_DIR" "$runs" "$steps" <<'EOF'
import json, sys, uuid
d, runs, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for s in range(runs * steps):
    p = str(uuid.uuid4()); m = [str(uuid.uuid4()) for _ in range(2)]
    t = 1790000000 + s * 60
    doc = {"format": "rapport", "version": 1,
           "people": [{"uuid": p, "name": "Crash %05d" % s, "role": "mentor", "stage": "active",
                       "notes": "x" * 2000, "created_at": t, "updated_at": t}],
           "meetings": [{"uuid": m[i], "person_uuid": p, "start_at": t + i, "duration_min": 30,
                         "status": "done", "agenda": "step %d meeting %d" % (s, i), "notes": "y" * 3000,
                         "created_at": t, "updated_at": t} for i in range(2)],
           "actions": [{"uuid": str(uuid.uuid4()), "meeting_uuid": m[i % 2], "text": "step %d action %d" % (s, i),
                        "owner": "me", "done": False, "created_at": t, "updated_at": t} for i in range(3)]}
    with open("%s/step%d.json" % (d, s), "w") as f:
        json.dump(doc, f)
EOF

# kill_tree PID: SIGKILL PID and every process under it (a rapport it
# started, a sqlite3 in a command substitution), then wait until each has
# ended: a killed process holds its locks on the file until it has exited,
# and under the sanitizers that takes a while after kill() returns
cat >"$T_DIR/kill_tree.py" <<'EOF'
import os, signal, sys, time
def stat(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            s = f.read()
    except OSError:
        return None
    return s[s.rindex(")") + 2:].split()  # state, ppid, ...
root = int(sys.argv[1])
# freeze the tree first, a scan at a time, until a scan finds no one new:
# a frozen process starts nothing, and a killed one's children would be
# handed to init, out of reach of the scan
tree, grew = set(), {root}
while grew:
    for pid in grew:
        try:
            os.kill(pid, signal.SIGSTOP)
        except OSError:
            pass
    tree |= grew
    grew = set()
    for name in os.listdir("/proc"):
        if name.isdigit() and int(name) not in tree:
            st = stat(int(name))
            if st and int(st[1]) in tree:
                grew.add(int(name))
for pid in tree:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    alive = [p for p in tree if (stat(p) or ["Z"])[0] != "Z"]
    if not alive:
        sys.exit(0)
    time.sleep(0.002)
sys.exit("still running after SIGKILL: %s" % alive)
EOF
kill_tree() {
	python3 "$T_DIR/kill_tree.py" "$1"
}

# edit WHAT ARGS...: one rapport, its pid in cur.pid for the killer; notes
# WHAT in done.log when it says it is done
edit() {
	what=$1
	shift
	"$RAPPORT" --db "$DB" --config "$CONFIG" "$@" >/dev/null 2>&1 &
	echo $! >"$T_DIR/cur.pid"
	wait $! && echo "$what" >>"$T_DIR/done.log"
}

# run_edits FIRST RUN: the edits of one run, in order; every fourth run
# (not the last) starts with a delete of the newest person an earlier run
# imported, so deletes, not only imports, are there to be killed and to
# finish, and the last run leaves a person for the search at the end
run_edits() {
	s=$1
	last=$((s + steps))
	if [ $(($2 % 4)) = 3 ] && [ "$2" -lt $((runs - 1)) ]; then
		row=$(sqlite3 "$DB" "SELECT id, substr(name, 7) FROM person WHERE name LIKE 'Crash %' AND deleted_at IS NULL ORDER BY id DESC LIMIT 1" 2>/dev/null)
		[ -n "$row" ] && edit "delete $(echo "${row#*|}" | sed 's/^0*//; s/^$/0/')" delete person "${row%%|*}"
	fi
	while [ "$s" -lt "$last" ]; do
		edit "import $s" import "$T_DIR/step$s.json"
		if [ $((s % 3)) = 2 ]; then
			id=$(sqlite3 "$DB" "SELECT id FROM person WHERE name = printf('Crash %05d', $((s - 1)))" 2>/dev/null)
			[ -n "$id" ] && edit "delete $((s - 1))" delete person "$id"
		fi
		s=$((s + 1))
	done
}

: >"$T_DIR/done.log"
kills=0 bad=0 run=0
seed=${CRASH_SEED:-$$}
while [ $run -lt $runs ]; do
	done_before=$(wc -l <"$T_DIR/done.log")
	run_edits $((run * steps)) "$run" &
	loop=$!
	# an odd run lets its first edit finish before the moment is chosen: so
	# some edits of each kind are reported done however slow the build is
	if [ $((run % 2)) = 1 ]; then
		w=0
		while [ $w -lt 1200 ] && [ "$(wc -l <"$T_DIR/done.log")" -eq "$done_before" ]; do
			sleep 0.05
			w=$((w + 1))
		done
	fi
	# a random moment 0 to 250 ms into the run (a blind wait is the point);
	# if no rapport is at work just then, a few ms later, up to 20 times
	delay=$(awk -v s="$seed" -v r="$run" 'BEGIN { srand(s + r); printf "%.3f", rand() * 0.25 }')
	sleep "$delay"
	try=0
	while [ $try -lt 20 ]; do
		kill -STOP "$loop" 2>/dev/null # freeze the loop: it starts nothing new
		pid=$(cat "$T_DIR/cur.pid" 2>/dev/null)
		# a rapport of ours still at work: not one that ended (a zombie
		# until the frozen loop reaps it), and not another process that got
		# the number of one already reaped (its command line names our file)
		if [ -n "$pid" ] && state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null) &&
			[ "$state" != Z ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "--db $DB " &&
			kill -KILL "$pid" 2>/dev/null; then
			kills=$((kills + 1))
			break
		fi
		kill -CONT "$loop" 2>/dev/null
		sleep 0.005
		try=$((try + 1))
	done
	kill_tree "$loop"
	wait "$loop" 2>/dev/null
	rm -f "$T_DIR/cur.pid"
	run=$((run + 1))
	# after each crash: the file is whole and opens
	ic=$(sqlite3 "$DB" "PRAGMA integrity_check" 2>&1)
	if [ "$ic" != "ok" ]; then
		bad=$((bad + 1))
		not_ok "run $run: integrity_check" "$ic"
		break
	fi
done
expect_eq "$run" "$runs" "$runs runs, $kills killed a rapport in the middle of its work (seed $seed)"
expect_eq "$bad" "0" "integrity_check is ok after every kill"
[ "$kills" -gt $((runs / 2)) ] && ok "most kills hit a running edit" ||
	not_ok "most kills hit a running edit" "only $kills of $runs"

r check
expect_rc 0 "rapport check passes after the crashes"
expect_out "is sound" "and calls the file sound"

# every import reported done is there, whole
missing=0
for s in $(sed -n 's/^import //p' "$T_DIR/done.log"); do
	n=$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM person WHERE name = printf('Crash %05d', $s)) || ' ' ||
		(SELECT count(*) FROM meeting WHERE agenda LIKE 'step $s meeting %') || ' ' ||
		(SELECT count(*) FROM action_item WHERE text LIKE 'step $s action %')")
	[ "$n" = "1 2 3" ] || { missing=$((missing + 1)); echo "# import $s: $n"; }
done
imports=$(grep -c '^import' "$T_DIR/done.log")
[ "$imports" -gt 0 ] && ok "imports finished between the kills ($imports)" || not_ok "imports finished between the kills" "none did"
expect_eq "$missing" "0" "every import reported done is there with its 2 meetings and 3 actions ($imports of them)"

# no import is there by half, done or not
half=$(sqlite3 "$DB" "SELECT count(*) FROM person p WHERE p.name LIKE 'Crash %' AND (
	(SELECT count(*) FROM meeting WHERE person_id = p.id) != 2 OR
	(SELECT count(*) FROM action_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.person_id = p.id) != 3)")
expect_eq "$half" "0" "no person is there without all their meetings and actions"

# every delete reported done is done, and no delete is done by half
notdone=0
for s in $(sed -n 's/^delete //p' "$T_DIR/done.log"); do
	d=$(sqlite3 "$DB" "SELECT count(*) FROM person WHERE name = printf('Crash %05d', $s) AND deleted_at IS NOT NULL")
	[ "$d" = 1 ] || notdone=$((notdone + 1))
done
deletes=$(grep -c '^delete' "$T_DIR/done.log")
[ "$deletes" -gt 0 ] && ok "deletes finished between the kills ($deletes)" || not_ok "deletes finished between the kills" "none did"
expect_eq "$notdone" "0" "every delete reported done is in the trash ($deletes of them)"
split=$(sqlite3 "$DB" "SELECT count(*) FROM meeting m JOIN person p ON p.id = m.person_id
	WHERE (m.deleted_at IS NULL) != (p.deleted_at IS NULL)") 
split_a=$(sqlite3 "$DB" "SELECT count(*) FROM action_item a JOIN meeting m ON m.id = a.meeting_id
	WHERE (a.deleted_at IS NULL) != (m.deleted_at IS NULL)")
expect_eq "$split $split_a" "0 0" "no person is in the trash without their meetings and actions, or the other way"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM person WHERE name = 'Someone already there' AND deleted_at IS NULL")" "1" \
	"what was there before is untouched"
last=$(sqlite3 "$DB" "SELECT name FROM person WHERE name LIKE 'Crash %' AND deleted_at IS NULL ORDER BY id DESC LIMIT 1")
r search "$last" --json
expect_rc 0 "the search index still answers"
expect_eq "$(jqo 'map(select(.kind == "person")) | length')" "1" "and finds the last person imported (${last:-none})"
echo "1..$T_N"
