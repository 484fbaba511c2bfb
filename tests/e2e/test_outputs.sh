#!/bin/sh
# Every file rapport writes (exports, reports, CSV folders, backups) is
# written whole or not at all, 0600, never through a link and never onto
# the database or its -wal, -shm or journal.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

D="$T_DIR/out"
mkdir -p "$D"
r add person "Ada Lovelace" --notes "private notes"
r add meeting --with Ada --at "2026-11-20 10:00" --agenda "CV review"
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
sum() { sha256sum "$1" 2>/dev/null | cut -c1-64; }
mode() { stat -c %a "$1"; }
before=$(sum "$DB")

# --- onto the database: refused, whatever the name or link says
for target in "$DB" "$DB-wal" "$DB-shm" "$DB-journal"; do
	r export --format md -o "$target"
	expect_rc 1 "export onto $(basename "$target") is refused"
	expect_err "the database" "and says it is the database's file"
done
expect_eq "$(sum "$DB")" "$before" "the database is byte for byte as it was"
[ -e "$DB-journal" ] && not_ok "no journal was made beside it" || ok "no journal was made beside it"
ln -s "$DB" "$D/link.json"
r export --format json --output "$D/link.json"
expect_rc 1 "export through a link to the database is refused"
expect_eq "$(sum "$DB")" "$before" "the database is untouched"
(cd "$(dirname "$DB")" && "$RAPPORT" --db "$DB" --config "$CONFIG" export --format md -o "./$(basename "$DB")" >/dev/null 2>&1)
expect_eq "$?" "1" "the same file by another spelling of its path is refused"
r backup "$DB"
expect_rc 1 "a backup onto the database is refused"
r backup "$DB-wal"
expect_rc 1 "a backup onto its -wal is refused"
[ -e "$DB-wal" ] && not_ok "no -wal was made by it" || ok "no -wal was made by it"
mkdir -p "$D/csvdb"
ln -s "$DB" "$D/csvdb/people.csv"
r export --format csv -o "$D/csvdb"
expect_rc 1 "a CSV folder whose people.csv links to the database is refused"
expect_eq "$(sum "$DB")" "$before" "the database is untouched"
# a --db that is a link: the -wal and -shm are beside the file it leads to
mkdir -p "$D/real"
cp "$DB" "$D/real/db.sqlite"
ln -s "$D/real/db.sqlite" "$D/link.db"
"$RAPPORT" --db "$D/link.db" --config "$CONFIG" export --format json -o "$D/real/db.sqlite-shm" >/dev/null 2>&1
expect_eq "$?" "1" "through a --db link: its target's -shm is refused as an output"
[ -e "$D/real/db.sqlite-shm" ] && not_ok "and nothing is written there" || ok "and nothing is written there"
r check
expect_out "is sound" "check: sound"

# --- an existing file: replaced whole, 0600, a new inode
printf 'old export\n' >"$D/a.md"
chmod 0644 "$D/a.md"
ino=$(stat -c %i "$D/a.md")
r export --format md -o "$D/a.md"
expect_rc 0 "export over an existing file"
expect_eq "$(mode "$D/a.md")" "600" "it is 0600 after, whatever it was"
[ "$(stat -c %i "$D/a.md")" != "$ino" ] && ok "it is a new file (renamed into place)" || not_ok "it is a new file (renamed into place)"
grep -q "Ada Lovelace" "$D/a.md" && ok "with the report in it" || not_ok "with the report in it"
left=$(ls -A "$D" | grep -c '^\.' )
expect_eq "$left" "0" "no temporary file is left beside it"

# --- a link at the output path is replaced; its target is not written
printf 'victim\n' >"$D/victim.txt"
ln -s "$D/victim.txt" "$D/b.json"
r export --format json -o "$D/b.json"
expect_rc 0 "export onto a link"
expect_eq "$(cat "$D/victim.txt")" "victim" "the link's target is untouched"
[ -f "$D/b.json" ] && [ ! -L "$D/b.json" ] && ok "the link is replaced by the file" || not_ok "the link is replaced by the file"
mkdir -p "$D/csv"
ln -s "$D/victim.txt" "$D/csv/meetings.csv"
r export --format csv -o "$D/csv"
expect_rc 0 "a CSV folder export with a link in it"
expect_eq "$(cat "$D/victim.txt")" "victim" "the link's target is untouched"
[ ! -L "$D/csv/meetings.csv" ] && grep -q "CV review" "$D/csv/meetings.csv" && ok "the link is replaced by the file" || not_ok "the link is replaced by the file"
expect_eq "$(mode "$D/csv/people.csv")" "600" "CSV files are 0600"
# a CSV folder is written whole or not at all
mkdir -p "$D/csvall"
printf 'old people\n' >"$D/csvall/people.csv"
ln -s "$DB" "$D/csvall/thanks.csv"
r export --format csv -o "$D/csvall"
expect_rc 1 "a CSV folder with one bad file is refused"
expect_eq "$(cat "$D/csvall/people.csv")" "old people" "and none of its files was changed"
expect_eq "$(ls -A "$D/csvall" | wc -l | tr -d ' ')" "2" "nor any added, nor a temporary one left"
expect_err "none of the folder's files was changed" "and it says so"
# an export never takes the place of a database or a backup
cp "$DB" "$D/other.db"
other=$(sum "$D/other.db")
r export --format json -o "$D/other.db"
expect_rc 1 "an export onto another rapport database is refused"
expect_err "is an SQLite database" "saying what it is"
expect_eq "$(sum "$D/other.db")" "$other" "and it is untouched"
# nor the log of another database, where a crash's last changes live
"$RAPPORT" --db "$D/crashed.db" --config "$CONFIG" add person "Hal Crashed" >/dev/null 2>&1
python3 - "$D/crashed.db" <<'EOF2'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE person SET notes = 'committed before the crash'")
c.commit()
os._exit(0)  # no checkpoint: the change is only in the -wal
EOF2
wal=$(sum "$D/crashed.db-wal")
r export --format json -o "$D/crashed.db-wal"
expect_rc 1 "an export onto another database's -wal is refused"
expect_err "the log or index of an SQLite database" "saying what it is"
expect_eq "$(sum "$D/crashed.db-wal")" "$wal" "the log is untouched"
expect_eq "$(sqlite3 "$D/crashed.db" 'SELECT notes FROM person')" "committed before the crash" "and the change in it is still there"
r export --format md -o "$D/crashed.db-shm"
expect_rc 1 "and its -shm too"
# a named pipe nobody reads: said at once, not waited on
mkfifo "$D/nobody-reads"
timeout 10 "$RAPPORT" --db "$DB" --config "$CONFIG" export --format md -o "$D/nobody-reads" >/dev/null 2>"$T_DIR/.err"
RC=$? ERR=$(cat "$T_DIR/.err")
expect_rc 1 "an export to a named pipe nobody reads fails at once"
expect_err "no program is reading" "saying so"
r export --format md -o "$D"
expect_rc 1 "an output that is a folder is refused"
expect_err "folder" "and says so"

# --- streams stay streams
r export --format md -o /dev/null
expect_rc 0 "export to /dev/null"
[ -c /dev/null ] && ok "/dev/null is still a device" || not_ok "/dev/null is still a device"
OUT=$("$RAPPORT" --db "$DB" --config "$CONFIG" export --format json -o /dev/stdout | jq -r '.people[0].name')
expect_eq "$OUT" "Ada Lovelace" "export to /dev/stdout writes the stream"

# --- killed half-way or a full disk: the last good file stays
long=$(head -c 100000 /dev/zero | tr '\0' 'x')
r add person "Bea Long" --notes "$long"
r add person "Cy Long" --notes "$long"
printf 'last good export\n' >"$D/good.json"
FULL="$T_DIR/full"
mkdir -p "$FULL"
if mount -t tmpfs -o size=64k tmpfs "$FULL" 2>/dev/null; then
	trap 'umount "$FULL" 2>/dev/null; tm kill-server 2>/dev/null; rm -rf "$T_DIR"' EXIT
	printf 'last good export\n' >"$FULL/good.json"
	dd if=/dev/zero of="$FULL/ballast" bs=4k 2>/dev/null
	r export --format json -o "$FULL/good.json"
	expect_rc 1 "export onto a full disk fails"
	expect_err "good.json" "naming the file"
	expect_eq "$(cat "$FULL/good.json")" "last good export" "the last good file is intact"
	expect_eq "$(ls -A "$FULL" | grep -c '^\.')" "0" "no temporary file is left"
	r backup "$FULL/b.bak"
	expect_rc 1 "a backup onto a full disk fails"
	[ -e "$FULL/b.bak" ] && not_ok "and leaves no half backup" || ok "and leaves no half backup"
	expect_eq "$(ls -A "$FULL" | grep '^\.')" "" "nor any temporary file (its journal either)"
	umount "$FULL"
	# the disk fills at every point of a backup in turn: before it, while
	# its pages are copied, while its log is folded in
	mount -t tmpfs -o size=1400k tmpfs "$FULL"
	made=0 failed=0 left="" vague=""
	# (every 4 blocks; under valgrind, where a start takes a second, every 8)
	step=4
	[ -n "${RAPPORT_TEST_SLOW:-}" ] && step=8
	for blocks in $(seq 100 "$step" 240); do
		rm -f "$FULL/b.bak" "$FULL/ballast"
		dd if=/dev/zero of="$FULL/ballast" bs=4k count="$blocks" 2>/dev/null
		if "$RAPPORT" --db "$DB" --config "$CONFIG" backup "$FULL/b.bak" >/dev/null 2>"$T_DIR/.err"; then
			made=$((made + 1))
		else
			failed=$((failed + 1))
			grep -q "disk full" "$T_DIR/.err" || vague="$vague$(cat "$T_DIR/.err") "
		fi
		left="$left$(ls -A "$FULL" | grep '^\.')"
	done
	[ "$made" -gt 0 ] && [ "$failed" -gt 0 ] && ok "backups onto ever fuller disks: some made, some refused" ||
		not_ok "backups onto ever fuller disks: some made, some refused" "made $made, failed $failed"
	expect_eq "$left" "" "and no failed one leaves a file (its -wal, -shm or journal either)"
	expect_eq "$vague" "" "and each refused one says the disk is full"
	umount "$FULL"
else
	# no mount allowed: a file size limit kills the export half-way
	(ulimit -f 64; "$RAPPORT" --db "$DB" --config "$CONFIG" export --format json -o "$D/good.json") >/dev/null 2>&1
	expect_eq "$(cat "$D/good.json")" "last good export" "killed half-way: the last good file is intact"
	skip "an export or backup onto a full disk fails, names the file, leaves the last good one and no temporary file" "no tmpfs mount here (needs root)"
fi
# killed while it writes: SIGXFSZ at a file size limit ends it mid-file
(ulimit -f 64; exec "$RAPPORT" --db "$DB" --config "$CONFIG" export --format json -o "$D/good.json") >/dev/null 2>&1
[ $? -ne 0 ] && ok "an export stopped half-way fails" || not_ok "an export stopped half-way fails"
expect_eq "$(cat "$D/good.json")" "last good export" "and the last good file is intact"
expect_eq "$(ls -A "$D" | grep '^\.good')" "" "and no temporary file is left (the limit is an error, not a kill)"
(ulimit -f 64; exec "$RAPPORT" --db "$DB" --config "$CONFIG" backup "$D/limited.bak") >/dev/null 2>"$T_DIR/.err"
[ $? -eq 1 ] && ok "a backup over a file size limit fails with status 1" || not_ok "a backup over a file size limit fails with status 1"
expect_eq "$(ls -A "$D" | grep -c 'rapport-backup\|limited')" "0" "and leaves nothing"
(ulimit -f 64; exec "$RAPPORT" --db "$DB" --config "$CONFIG" export --format csv -o "$D/newcsv") >/dev/null 2>&1
[ $? -eq 1 ] && ok "a CSV folder export stopped half-way fails" || not_ok "a CSV folder export stopped half-way fails"
[ -e "$D/newcsv" ] && not_ok "and the folder it made for it is gone too" "$(ls -A "$D/newcsv")" || ok "and the folder it made for it is gone too"

# --- an export is on the disk before it takes the old one's name: its data
# synced, then renamed (seen in the system calls it makes)
strace -f -qq -e trace=fsync,fdatasync,rename,renameat,renameat2 -o "$T_DIR/strace.log" \
	"$RAPPORT" --db "$DB" --config "$CONFIG" export --format json -o "$D/synced.json" >/dev/null 2>&1
order=$(grep -oE '^[0-9]+ +(fsync|fdatasync|rename[a-z0-9]*)\(' "$T_DIR/strace.log" | sed 's/^[0-9]* *//; s/($//' | tr '\n' ' ')
case "$order" in
*fsync*rename*) ok "the export is synced before the rename ($order)" ;;
*) not_ok "the export is synced before the rename" "system calls: $order" ;;
esac

# --- backups never collide and never overwrite
r backup
expect_rc 0 "a backup"
first=$OUT
r backup
expect_rc 0 "a second backup in the same second"
[ "$OUT" != "$first" ] && ok "under another name" || not_ok "under another name" "$first" "$OUT"
n=$(ls "$T_DIR" | grep -c '^rapport\.db\..*\.bak$')
expect_eq "$n" "2" "both are there"
# a name taken in the second the backup is made (every name of the next
# seconds is taken here, so this holds however slow the machine): the next
# free one, -2, and the files that were there are left as they were
now=$(date +%s) i=0
while [ $i -lt 60 ]; do
	printf 'taken\n' >"$DB.$(date -d "@$((now + i))" +%Y%m%d-%H%M%S).bak"
	i=$((i + 1))
done
r backup
expect_rc 0 "a backup whose name is taken this second"
case "$OUT" in *-[2-9].bak | *-[1-9][0-9].bak) ok "takes the next free name (-N)" ;; *) not_ok "takes the next free name (-N)" "$OUT" ;; esac
taken=$(i=0; while [ $i -lt 60 ]; do cat "$DB.$(date -d "@$((now + i))" +%Y%m%d-%H%M%S).bak"; i=$((i + 1)); done | sort | uniq -c | tr -s ' ')
expect_eq "$taken" " 60 taken" "and the files of those names are untouched"
rm -f "${OUT#backed up to }"
i=0
while [ $i -lt 60 ]; do
	rm -f "$DB.$(date -d "@$((now + i))" +%Y%m%d-%H%M%S).bak"
	i=$((i + 1))
done
printf 'not to be lost\n' >"$D/keep.bak"
r backup "$D/keep.bak"
expect_rc 1 "a backup onto an existing file is refused"
expect_err "exists already; a backup never overwrites a file" "saying it exists"
expect_eq "$(cat "$D/keep.bak")" "not to be lost" "and the file is untouched"
r backup "$D"
expect_rc 1 "a backup onto a folder is refused"
expect_err "is a folder" "saying it is a folder"
r backup "$D/new.bak"
expect_eq "$(mode "$D/new.bak")" "600" "a backup is 0600"
expect_eq "$(sqlite3 "$D/new.bak" 'SELECT count(*) FROM person')" "3" "and whole"

# two daily backups starting at once: both start, one copy is made
printf '[backup]\ndaily = true\n' >"$T_DIR/daily.ini"
for i in 1 2 3 4 5; do
	("$RAPPORT" --db "$DB" --config "$T_DIR/daily.ini" list people >/dev/null 2>"$T_DIR/daily.$i"; echo $? >"$T_DIR/daily.rc.$i") &
done
wait
bad=0
for i in 1 2 3 4 5; do [ "$(cat "$T_DIR/daily.rc.$i")" = 0 ] && [ ! -s "$T_DIR/daily.$i" ] || bad=$((bad + 1)); done
expect_eq "$bad" "0" "five starts at once with daily backups: none fails or complains"
expect_eq "$(ls "$T_DIR" | grep -c '^rapport\.db\.daily-.*\.bak$')" "1" "and one daily copy is made"

# --- the screen's E prompt: the same rules (started in a folder of the
# test's own: a name alone is written where rapport was started)
cd "$T_DIR" || exit 1
ui_start 120 30
wait_for "Ada Lovelace" "the screen opens"
keys E
wait_for "to:" "the export prompt"
keys C-u
type_text "$DB"
keys Enter
wait_for "the database" "export onto the database from the screen is refused"
keys E
wait_for "to:" "the export prompt again"
keys C-u
type_text "~/report.md"
keys Enter
wait_for "Wrote $HOME/report.md" "~/ in the prompt is the home folder"
[ -f "$HOME/report.md" ] && ok "the report is there" || not_ok "the report is there"
expect_eq "$(stat -c %a "$HOME/report.md")" "600" "the screen's export is private (0600), whatever the umask ($(umask))"
printf 'kept\n' >"$HOME/report.md"
keys E
wait_for "to:" "the export prompt, a third time"
keys C-u
type_text "~/report.md"
keys Enter
wait_for "$HOME/report.md is there already: write over it? (y/n)" "a file that is there: asked before it is written over"
keys n
wait_for "Nothing changed" "n keeps it"
expect_eq "$(cat "$HOME/report.md")" "kept" "the file is as it was"
keys E
keys C-u
type_text "~/report.md"
keys Enter
wait_for "write over it? (y/n)" "asked again"
keys y
wait_for "Wrote $HOME/report.md" "y writes over it"
grep -q "^# Ada Lovelace" "$HOME/report.md" && ok "with the report" || not_ok "with the report" "$(head -3 "$HOME/report.md")"
keys E
keys C-u
type_text "relative-report.md"
keys Enter
wait_for "Wrote $T_DIR/relative-report.md" "a name alone: the folder rapport was started in, the whole path said"
[ -f "$T_DIR/relative-report.md" ] && ok "and the file is there" || not_ok "and the file is there"
keys q
wait_exit "quits"
expect_eq "$(sqlite3 "$DB" 'SELECT count(*) FROM person')" "3" "the database still holds its people"
expect_eq "$(sqlite3 "$DB" 'PRAGMA integrity_check')" "ok" "and is whole"
echo "1..$T_N"
