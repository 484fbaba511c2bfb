#!/bin/sh
# test_faults.sh - the file system says no: a missing folder, a read-only
# file or folder, a file locked by another program, a full disk, a umask
# that would share everything.  A clear message each time, nothing lost,
# the file whole.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

sum() { cat "$@" 2>/dev/null | cksum; }

r add person "Ada Lovelace" --notes "private notes"

# --- a --db in a folder that is not there
raw --db "$T_DIR/no/such/folder/r.db" --config "$CONFIG" list people
expect_rc 1 "a --db in a missing folder: status 1"
expect_err "$T_DIR/no/such/folder: no such folder" "names the folder"
[ -e "$T_DIR/no" ] && not_ok "and creates nothing" || ok "and creates nothing"

# --- read-only: the file, then its folder.  root may write anything, so
# as root the program runs as nobody on files of nobody's.
as_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$HOME" "$@"; }
fi
RO="$T_DIR/ro"
mkdir -p "$RO"
cp "$DB" "$RO/r.db"
chmod 0755 "$T_DIR"
[ "$(id -u)" = 0 ] && chown -R 65534:65534 "$RO"
chmod 0400 "$RO/r.db"
before=$(sum "$RO/r.db")
as_user "$RAPPORT" --db "$RO/r.db" --config /dev/null list people >"$T_DIR/.out" 2>"$T_DIR/.err"
RC=$? OUT=$(cat "$T_DIR/.out") ERR=$(cat "$T_DIR/.err")
expect_rc 0 "a read-only file can be read"
expect_out "Ada Lovelace" "and lists what it holds"
as_user "$RAPPORT" --db "$RO/r.db" --config /dev/null add person "Bo" >"$T_DIR/.out" 2>"$T_DIR/.err"
RC=$? ERR=$(cat "$T_DIR/.err")
expect_rc 1 "a change to a read-only file: status 1"
expect_err "cannot change it: the file is not writable; nothing was changed" "says why"
expect_eq "$(sum "$RO/r.db")" "$before" "the file is untouched"
# the screen opens it read-only, and says so
tm kill-server 2>/dev/null
TM_N=$((TM_N + 1))
TM_SOCK="rapport-test-$$-$TM_N"
tm new-session -d -s t -x 120 -y 30 "$(ui_wrapped "env TERM=screen LC_ALL=C.UTF-8 TZ='$TZ' RAPPORT_NOW='$RAPPORT_NOW' HOME='$HOME' $(if [ "$(id -u)" = 0 ]; then echo 'setpriv --reuid=65534 --regid=65534 --clear-groups'; fi) '$RAPPORT' --db '$RO/r.db' --config /dev/null" t)"
wait_for "[read-only: the file is not writable]" "the screen opens it with a read-only banner"
wait_for "Ada Lovelace" "and shows what it holds"
keys a
wait_for "Read-only: nothing can be changed (the file is not writable)" "a (add) says it is read-only, and why"
keys q
wait_exit "and quits"
expect_eq "$(sum "$RO/r.db")" "$before" "the file is still untouched"

chmod 0600 "$RO/r.db"
chmod 0500 "$RO"
as_user "$RAPPORT" --db "$RO/r.db" --config /dev/null add person "Bo" >"$T_DIR/.out" 2>"$T_DIR/.err"
RC=$? ERR=$(cat "$T_DIR/.err")
expect_rc 1 "a change in a read-only folder: status 1"
expect_err "its folder is not writable" "says the folder is the trouble"
as_user "$RAPPORT" --db "$RO/r.db" --config /dev/null list people >"$T_DIR/.out" 2>"$T_DIR/.err"
RC=$? OUT=$(cat "$T_DIR/.out")
expect_rc 0 "and it can still be read"
expect_out "Ada Lovelace" "with what it holds"
chmod 0700 "$RO"

# --- locked by another program (an exclusive transaction held open)
python3 - "$DB" "$T_DIR/locked" "$T_DIR/unlock" <<'EOF' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]):
    time.sleep(0.05)
c.execute("ROLLBACK")
EOF
locker=$!
i=0
while [ ! -e "$T_DIR/locked" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
r add person "Cy Locked"
expect_rc 1 "a change while another program holds the lock: status 1 (after waiting)"
expect_err "locked by another program" "says so"
r list people
expect_rc 0 "reading still works meanwhile"
expect_out "Ada" "and lists the people"
touch "$T_DIR/unlock"
wait "$locker"
r add person "Cy Locked"
expect_rc 0 "once it lets go, the change goes through"

# --- a full disk: a small file system of its own if the test may mount
# one, otherwise the database may not grow (PRAGMA max_page_count)
FULL="$T_DIR/full"
mkdir -p "$FULL"
if mount -t tmpfs -o size=600k tmpfs "$FULL" 2>/dev/null; then
	trap 'umount "$FULL" 2>/dev/null; tm kill-server 2>/dev/null; rm -rf "$T_DIR"' EXIT
	mounted=1
	FDB="$FULL/r.db"
	envs=""
else
	mounted=0
	FDB="$T_DIR/full.db"
fi
"$RAPPORT" --db "$FDB" --config "$CONFIG" add person "Ada Full" >/dev/null 2>&1
if [ $mounted = 1 ]; then
	# a reader keeps the file open, so its -wal and -shm stay as they are
	# while the disk fills (the disk fills under a program at work)
	python3 - "$FDB" "$T_DIR/holding" "$T_DIR/let-go" <<'EOF' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1])
c.execute("SELECT count(*) FROM person").fetchall()
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]):
    time.sleep(0.05)
EOF
	holder=$!
	i=0
	while [ ! -e "$T_DIR/holding" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	# ballast: fill what is left
	dd if=/dev/zero of="$FULL/ballast" bs=4k 2>/dev/null
	export RAPPORT_MAX_PAGES=
else
	pages=$(sqlite3 "$FDB" "PRAGMA page_count")
	export RAPPORT_MAX_PAGES=$((pages + 2))
fi
big=$(head -c 60000 /dev/zero | tr '\0' 'n')
i=0 rc=0
while [ $i -lt 20 ]; do
	"$RAPPORT" --db "$FDB" --config "$CONFIG" add person "Filler $i" --notes "$big" >/dev/null 2>"$T_DIR/.err"
	rc=$?
	[ $rc != 0 ] && break
	i=$((i + 1))
done
ERR=$(cat "$T_DIR/.err")
expect_eq "$rc" "1" "a full disk: the change fails with status 1"
expect_err "disk full, nothing was saved" "and says the disk is full"
expect_eq "$(sqlite3 "$FDB" 'PRAGMA integrity_check')" "ok" "the file stays whole"
expect_eq "$(sqlite3 "$FDB" "SELECT count(*) FROM person WHERE name = 'Filler $i'")" "0" "the failed change is not there"
# the screen: the form keeps what was typed, and saves once there is room
SAVED_DB=$DB
DB=$FDB
ui_start 120 30 "RAPPORT_MAX_PAGES=${RAPPORT_MAX_PAGES:-}"
wait_for "Ada Full" "the screen opens the full database"
keys a
wait_for "New person" "a new person"
type_text "Zoë Typed-On-A-Full-Disk"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
type_text "$(head -c 3000 /dev/zero | tr '\0' 'z')"
keys Enter
wait_for "not saved:" "the save fails and says so"
wait_for "disk full" "and why"
wait_for "Zoë Typed-On-A-Full-Disk" "the form keeps what was typed"
if [ $mounted = 1 ]; then
	rm -f "$FULL/ballast"
	keys Enter
	wait_gone "New person" "with room again, Enter saves it"
	r list people --json
	expect_eq "$(jqo 'map(select(.name | startswith("Zoë"))) | .[0].name')" "Zoë Typed-On-A-Full-Disk" "all of it"
else
	keys Escape y
	skip "with room again, Enter saves what the full disk refused" "no tmpfs mount here (needs root)"
fi
keys q
wait_exit "quits"
expect_eq "$(sqlite3 "$FDB" 'PRAGMA integrity_check')" "ok" "the file is whole after the screen too"
DB=$SAVED_DB
unset RAPPORT_MAX_PAGES
if [ $mounted = 1 ]; then
	touch "$T_DIR/let-go"
	wait "$holder"
	umount "$FULL"
fi

# --- private files whatever the umask
(
	umask 000
	D="$T_DIR/open"
	mkdir -p "$D"
	"$RAPPORT" --db "$D/r.db" --config "$CONFIG" add person "Umask Zero" >/dev/null 2>&1
	"$RAPPORT" --db "$D/r.db" --config "$CONFIG" backup "$D/copy.bak" >/dev/null 2>&1
	"$RAPPORT" --db "$D/r.db" --config "$CONFIG" export --format json -o "$D/out.json" >/dev/null 2>&1
	"$RAPPORT" --db "$D/r.db" --config "$CONFIG" export --format ics -o "$D/out.ics" >/dev/null 2>&1
	"$RAPPORT" --db "$D/r.db" --config "$CONFIG" export --format csv -o "$D/csv" >/dev/null 2>&1
	# a writer that stays open long enough to look at its -wal and -shm
	python3 -c "
import sqlite3, os, sys
c = sqlite3.connect('$D/r.db', isolation_level=None)
c.execute('BEGIN IMMEDIATE'); c.execute(\"UPDATE person SET notes = 'x'\")
print(' '.join(oct(os.stat('$D/r.db' + s).st_mode & 0o777)[2:] for s in ('-wal', '-shm')))
c.execute('ROLLBACK')" >"$D/modes"
	XDG_DATA_HOME="$T_DIR/xdg-umask" "$RAPPORT" --config "$CONFIG" add person "Default Place" >/dev/null 2>&1
)
D="$T_DIR/open"
for f in r.db copy.bak out.json out.ics csv/people.csv; do
	expect_eq "$(stat -c %a "$D/$f" 2>/dev/null)" "600" "umask 000: $f is made 0600"
done
expect_eq "$(stat -c %a "$D/csv" 2>/dev/null)" "700" "umask 000: the folder of csv files is made 0700"
expect_eq "$(cat "$D/modes")" "600 600" "umask 000: the -wal and -shm are 0600 too"
expect_eq "$(stat -c %a "$T_DIR/xdg-umask/rapport" 2>/dev/null)" "700" "umask 000: the default folder is made 0700"
echo "1..$T_N"
