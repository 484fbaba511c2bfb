#!/bin/sh
# Opening a database: paths that are not files, two rapports making one
# file at once, reading that leaves the file as it was, a read-only check
# that tells the truth, and reading on a full disk.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

sum() { sha256sum "$1" | cut -c1-64; }

# --- a database path that is not a regular file: one clear message, at once
mkfifo "$T_DIR/fifo"
timeout 10 "$RAPPORT" --db "$T_DIR/fifo" --config "$CONFIG" list people >"$T_DIR/.out" 2>"$T_DIR/.err" </dev/null
RC=$? ERR=$(cat "$T_DIR/.err") OUT=
expect_rc 1 "--db on a FIFO fails at once (no hang)"
expect_err "is a named pipe (FIFO), not a database file" "and says what it is"
timeout 10 "$RAPPORT" --db "$T_DIR/fifo" --config "$CONFIG" check >"$T_DIR/.out" 2>"$T_DIR/.err" </dev/null
RC=$? ERR=$(cat "$T_DIR/.err") OUT=$(cat "$T_DIR/.out")
expect_rc 1 "check on a FIFO fails at once too"
expect_err "named pipe" "and says what it is"
mkdir "$T_DIR/folder"
raw --db "$T_DIR/folder" --config "$CONFIG" list people
expect_rc 1 "--db on a folder fails"
expect_err "is a folder, not a database file" "and says so"
for ro in "" --read-only; do
	raw --db /dev/null --config "$CONFIG" $ro list people
	expect_rc 1 "--db /dev/null $ro fails"
	expect_err "is a device, not a database file" "and says it is a device"
	case "$ERR" in *upgrade*|*"I/O error"*) not_ok "no vague message ($ro)" "$ERR" ;; *) ok "no vague message ($ro)" ;; esac
done

# check makes nothing: a mistyped path is not "sound"
raw --db "$T_DIR/typo.db" --config "$CONFIG" check
expect_rc 1 "check on a path with no file fails"
expect_err "no such database; nothing to check" "and says so"
[ -e "$T_DIR/typo.db" ] && not_ok "and makes no file" || ok "and makes no file"
raw --db "" --config "$CONFIG" list people
expect_rc 2 "--db '' is wrong usage"
expect_err "--db needs a path" "and says so"
# an empty file made by someone else becomes a database as private as ours
: >"$T_DIR/touched.db"
chmod 0644 "$T_DIR/touched.db"
raw --db "$T_DIR/touched.db" --config "$CONFIG" add person Ada
expect_rc 0 "an empty file is taken as a new database"
expect_eq "$(stat -c %a "$T_DIR/touched.db")" "600" "and made 0600"
# a refused file: check says what SQLite finds, once, without sending you to check
printf 'not a database at all, just text that is long enough to fill a header page........................\n' >"$T_DIR/text.db"
raw --db "$T_DIR/text.db" --config "$CONFIG" check
expect_rc 1 "check on a text file fails"
case "$OUT" in *"text.db: $T_DIR/text.db"*|*"text.db: text.db"*) not_ok "the file is named once" "$OUT" ;; *) ok "the file is named once" ;; esac
case "$ERR" in *"rapport --db '$T_DIR/text.db' check"*) not_ok "no advice to run check while checking" "$ERR" ;; *) ok "no advice to run check while checking" ;; esac

# a database with two names (hard links) is refused: two logs would lose changes
cp "$T_DIR/touched.db" "$T_DIR/hl1.db"
ln "$T_DIR/hl1.db" "$T_DIR/hl2.db"
h1=$(sum "$T_DIR/hl1.db")
raw --db "$T_DIR/hl2.db" --config "$CONFIG" add person "Via Name Two"
expect_rc 1 "a database with two names is refused"
expect_err "has 2 names (hard links)" "saying why"
expect_eq "$(sum "$T_DIR/hl1.db")" "$h1" "and it is untouched"
# importing a database file says what it is and what to do
raw --db "$T_DIR/touched.db" --config "$CONFIG" import "$T_DIR/hl1.db"
expect_rc 1 "importing a database file fails"
expect_err "is an SQLite database (a rapport database or a backup?), not an export" "and says what it is"

# --- twenty rapports started at once on a file that does not exist yet
# (eight under valgrind, where each start takes a second)
starts=20
[ -n "${RAPPORT_TEST_SLOW:-}" ] && starts=8
NEW="$T_DIR/new.db"
i=0
while [ $i -lt $starts ]; do
	("$RAPPORT" --db "$NEW" --config "$CONFIG" list people >/dev/null 2>"$T_DIR/start.$i"; echo $? >"$T_DIR/rc.$i") &
	i=$((i + 1))
done
wait
bad=0
i=0
while [ $i -lt $starts ]; do
	[ "$(cat "$T_DIR/rc.$i")" = 0 ] || { bad=$((bad + 1)); sed "s/^/# start $i: /" "$T_DIR/start.$i"; }
	i=$((i + 1))
done
expect_eq "$bad" "0" "$starts rapports started at once on a new file: none fails"
"$RAPPORT" --db "$T_DIR/alone.db" --config "$CONFIG" list people >/dev/null 2>&1
# the schema is rapport's objects; SQLite's planner statistics (sqlite_stat1,
# made by PRAGMA optimize at a close that wrote, or not when busy) are not
schema_q="SELECT user_version, count(*) FROM pragma_user_version, sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
alone=$(sqlite3 "$T_DIR/alone.db" "$schema_q")
case "$alone" in 0\|* | *\|0 | "") not_ok "(a file made alone has a schema)" "$alone" ;; *) ok "(a file made alone has a schema: $alone)" ;; esac
expect_eq "$(sqlite3 "$NEW" "$schema_q")" "$alone" \
	"and the file has the whole schema, as one made alone"

# the screen holds a file it has just made while commands run on it
DB="$T_DIR/held.db"
ui_start 100 30
wait_for "No one yet: press a to add a person." "the screen makes and opens a new file"
r today
expect_out "Streak:" "'today' beside it works"
r check
expect_out "is sound" "'check' beside it works"
r due
expect_rc 0 "'due' beside it works (nobody is due)"
r add person Ada
expect_out "added person #1: Ada" "'add person' beside it works"
r list people
expect_out "Ada" "'list people' beside it works"
ui_alive "and the screen is still running"
keys q
wait_exit "the screen quits"
expect_eq "$(sqlite3 "$DB" 'SELECT name FROM person')" "Ada" "what was added beside it is there"

# --- a command that only reads leaves the file byte for byte as it was
DB="$T_DIR/read.db"
r add person "Ada Lovelace" --cadence 14
r add person "Grace Hopper"
r add meeting --with Ada --at "2026-11-01 10:00"
r add goal "Land a job"
r checkin --mood 4 --did "read" --next "write"
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
before=$(sum "$DB")
printf '{"format":"rapport","version":1,"people":[{"name":""}]}' >"$T_DIR/bad.json"
for cmd in "list people" "list meetings" "show person 1" "today" "due" "search Ada" "check" "export --format json -o $T_DIR/x.json" "import $T_DIR/bad.json"; do
	r $cmd
	expect_eq "$(sum "$DB")" "$before" "'$cmd' leaves the file as it was"
done

# --- a damaged page: check gives SQLite's report and the backup beside it
cp "$DB" "$T_DIR/pages.db"
"$RAPPORT" --db "$T_DIR/pages.db" --config "$CONFIG" backup >/dev/null 2>&1
python3 - "$T_DIR/pages.db" <<'EOF2'
import sys
f = open(sys.argv[1], 'r+b'); f.seek(4096 * 3); f.write(b'\xff' * 4096 * 3); f.close()
EOF2
raw --db "$T_DIR/pages.db" --config "$CONFIG" check
expect_rc 1 "check on a file with damaged pages fails"
expect_out "btreeInitPage" "with SQLite's report of the pages"
expect_err "the latest backup of it is" "and names the backup beside it"

# --- check gives the same verdict read-only as read-write
r check
expect_rc 0 "check: sound"
r --read-only check
expect_rc 0 "check --read-only on the same file: sound too"
expect_out "is sound" "and says so"
# another writer holding the lock a moment: check waits for it, no false alarm
python3 - "$DB" "$T_DIR/locked" <<'EOF2' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(1.5)
c.execute("ROLLBACK")
EOF2
locker=$!
i=0
while [ ! -e "$T_DIR/locked" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
r check
expect_rc 0 "check while another program holds the write lock: sound, no false alarm"
wait "$locker"
# as a user who may not write the file or its folder
if id nobody >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
	RO="$T_DIR/ro"
	mkdir -p "$RO"
	cp "$DB" "$RO/r.db"
	chmod 0755 "$RO" "$T_DIR"
	chmod 0644 "$RO/r.db"
	OUT=$(su nobody -s /bin/sh -c "HOME=/tmp '$RAPPORT' --db '$RO/r.db' --config /dev/null check" 2>&1)
	case "$OUT" in *"is sound"*) ok "check by a user who cannot write it: sound" ;; *) not_ok "check by a user who cannot write it: sound" "$OUT" ;; esac
else
	skip "check by a user who cannot write the file" "not root: no other user to run as"
fi
# a damaged search index is still found read-only
cp "$DB" "$T_DIR/damaged.db"
sqlite3 "$T_DIR/damaged.db" "INSERT INTO fts_data(id, block) VALUES(137438953473, x'00ff00ff')" 2>/dev/null ||
	sqlite3 "$T_DIR/damaged.db" "UPDATE fts_data SET block = x'00ff00ff00ff' WHERE id = (SELECT max(id) FROM fts_data)"
raw --db "$T_DIR/damaged.db" --config "$CONFIG" check
rw=$RC
raw --db "$T_DIR/damaged.db" --config "$CONFIG" --read-only check
expect_eq "$RC" "$rw" "a damaged search index: the same verdict read-only ($rw)"
[ "$rw" = 1 ] && ok "and it is found" || not_ok "and it is found" "$OUT"

# --- a full disk: reading works, writing says the disk is full
FULL="$T_DIR/full"
mkdir -p "$FULL"
if mount -t tmpfs -o size=1m tmpfs "$FULL" 2>/dev/null; then
	trap 'umount "$FULL" 2>/dev/null; tm kill-server 2>/dev/null; rm -rf "$T_DIR"' EXIT
	cp "$DB" "$FULL/r.db"
	DB="$FULL/r.db"
	dd if=/dev/zero of="$FULL/ballast" bs=4k 2>/dev/null
	r list people
	expect_rc 0 "a full disk: list reads"
	expect_out "Ada Lovelace" "and shows the people"
	r --read-only list people
	expect_rc 0 "a full disk: --read-only list reads"
	r today
	expect_rc 0 "a full disk: today reads"
	r check
	expect_rc 0 "a full disk: check reads"
	r export --format json -o "$T_DIR/full-export.json"
	expect_rc 0 "a full disk: export to another disk"
	expect_eq "$(jq -r '.people | length' "$T_DIR/full-export.json")" "2" "with everything in it"
	r backup "$T_DIR/full.bak"
	expect_rc 0 "a full disk: backup to another disk"
	r add person "Zoe Full"
	expect_rc 1 "a full disk: a change fails"
	expect_err "disk full" "and says the disk is full"
	ui_start 100 30
	wait_for "Ada Lovelace" "a full disk: the screen opens and reads"
	wait_for "read-only: disk full" "and says the disk is full"
	keys q
	wait_exit "quits"
	umount "$FULL"
else
	skip "a full disk at open: the screen opens read-only and says why" "no tmpfs mount here (needs root)"
fi
# --- a new database is 0600 whatever the umask, even one that would leave
# it unwritable (0277)
(umask 0277; "$RAPPORT" --db "$T_DIR/umask.db" --config "$CONFIG" add person "Una Mask" >/dev/null 2>&1)
expect_eq "$(stat -c %a "$T_DIR/umask.db")" "600" "a new database under umask 0277 is 0600"
expect_eq "$(sqlite3 "$T_DIR/umask.db" 'SELECT name FROM person')" "Una Mask" "and holds what was added"
echo "1..$T_N"
