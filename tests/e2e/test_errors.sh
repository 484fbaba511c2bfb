# Bad input gets a clear message, the right exit status, and loses nothing.
. "$(dirname "$0")/lib.sh"

r add person "Jane Okafor"
r add person "Janet Li"

# --- usage errors: exit 2, a hint, "rapport: " first
r list people --frob
expect_rc 2 "unknown option of a command"
expect_err "rapport: unknown option --frob" "names the option"
expect_err "Try 'rapport list --help'" "and points at help"
raw --frob
expect_rc 2 "unknown global option"
expect_err "rapport: unknown option '--frob'" "names it"
r dance
expect_rc 2 "unknown command"
expect_err "unknown command 'dance'" "names the command"
r add person
expect_rc 2 "add person without a name"
expect_err "add person needs name" "says what is missing"
r add goal --person jane
expect_rc 2 "add goal without a title"
expect_err "add goal needs title" "says what is missing"
r add person "Bo" --shoe-size 44
expect_rc 2 "a field a person does not have"
expect_err "a person has no field --shoe-size" "says which"
r show person abc
expect_rc 2 "an id that is not a number"
expect_err "'abc' is not an id (a number such as 3)" "says what an id is"
r list people --person
expect_rc 2 "an option without its value"
expect_err "--person needs a value" "names the option"
r done person 1
expect_rc 2 "only some things can be done"
expect_err "only a goal, milestone, meeting, action or thanks can be done" "and says which"
"$RAPPORT" --db "$DB" --config "$CONFIG" list people >/dev/null 2>&1 </dev/null
raw --db "$DB" --config "$CONFIG"
expect_rc 1 "no command and no terminal"
expect_err "needs a terminal" "says the screen needs a terminal"

# --- runtime errors: exit 1, nothing stored
r add meeting --with Okafor --at "2026-02-30 10:00"
expect_rc 1 "an impossible date"
expect_err "rapport: When: cannot read the date '2026-02-30 10:00'" "quotes the date and the field"
r add meeting --with Okafor --at "whenever"
expect_err "try: today, tomorrow 14:00" "and shows forms that work"
r checkin --mood 9 --did "should not be kept"
expect_rc 1 "mood 9"
expect_err "Mood: 9 is out of range (1 to 5)" "says the range"
expect_eq "$(sql 'SELECT count(*) FROM checkin')" "0" "a refused check-in stores nothing"
r add person ""
expect_rc 1 "an empty name"
expect_err "Name: may not be empty" "says so"
r add person "   "
expect_rc 1 "a blank name"
expect_err "Name: may not be empty" "is an empty one"
r add meeting --with "Dr. Nobody" --at today
expect_rc 1 "an unknown person"
expect_err "no person matches 'Dr. Nobody'" "names who was not found"
r add meeting --with Jan --at today
expect_rc 1 "an ambiguous person"
expect_err "'Jan' matches 2 people: Jane Okafor (#1), Janet Li (#2)" "lists the candidates"
expect_eq "$(sql 'SELECT count(*) FROM meeting')" "0" "no meeting was stored by the failures"
r add person "Eve" --email "not-an-address"
expect_rc 1 "a malformed e-mail"
expect_err "Email: 'not-an-address' does not look like an e-mail address" "quotes it"
expect_eq "$(sql 'SELECT group_concat(name) FROM person')" "Jane Okafor,Janet Li" "no person was stored by the refusals"
r show person 99
expect_rc 1 "a missing row"
expect_err "no person #99" "says which"
RAPPORT_NOW="half past nine" r list people
expect_rc 1 "a clock override that does not parse"
expect_err "RAPPORT_NOW" "names the variable"

# --- help and version
raw --help
expect_rc 0 "--help"
expect_out "Usage: rapport" "prints usage on stdout"
expect_out "add meeting --with P --at WHEN" "with every subcommand"
raw add --help
expect_out "add thanks --to P" "a command's own help"
raw --version
expect_out "rapport 0." "--version"

# --- read-only
r --read-only add person "Should Not"
expect_rc 2 "--read-only refuses a change"
expect_err "'add' changes the database, but --read-only was given" "and says why"
expect_eq "$(sql "SELECT count(*) FROM person WHERE name = 'Should Not'")" "0" "and nothing is added"
raw --db "$T_DIR/absent.db" --config "$CONFIG" --read-only list people
expect_rc 1 "--read-only does not create a database"
expect_err "absent.db: no such database (read-only mode creates none)" "and says so"
if [ -e "$T_DIR/absent.db" ]; then not_ok "no file appeared"; else ok "no file appeared"; fi
r --read-only list people --json
expect_eq "$(jqo 'length')" "2" "--read-only still reads"

# --- files that are not ours: refused, exit 1, byte-for-byte unchanged
# refused FILE WORDS WHAT: opening FILE fails naming WORDS and leaves it as it was
refused() {
	cp "$1" "$1.orig"
	raw --db "$1" --config "$CONFIG" list people
	expect_rc 1 "$3 as --db"
	expect_err "$2" "$3: says \"$2\""
	if cmp -s "$1" "$1.orig"; then ok "$3: the file is unchanged"; else not_ok "$3: the file is unchanged"; fi
}

printf 'Dear diary,\nthis is not a database.\n' >"$T_DIR/diary.txt"
refused "$T_DIR/diary.txt" "not a rapport database" "a text file"

sqlite3 "$T_DIR/music.db" "CREATE TABLE songs(title TEXT); INSERT INTO songs VALUES('Blue');"
refused "$T_DIR/music.db" "an SQLite file of another program" "another program's SQLite file"

cp "$DB" "$T_DIR/damaged.db"
sqlite3 "$T_DIR/damaged.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
# scribble over the schema page, after the 100-byte header
dd if=/dev/urandom of="$T_DIR/damaged.db" bs=1 seek=100 count=2000 conv=notrunc 2>/dev/null
r backup "$T_DIR/damaged.db.20261124-100000.bak"
refused "$T_DIR/damaged.db" "damaged" "a damaged database"
expect_err "to see what is wrong with it: rapport --db '$T_DIR/damaged.db' check" "and suggests rapport check"
expect_err "the latest backup of it is $T_DIR/damaged.db.20261124-100000.bak" "and names the latest backup"
cp "$T_DIR/damaged.db" "$T_DIR/damaged.db.orig"
raw --db "$T_DIR/damaged.db" --config "$CONFIG" check
expect_rc 1 "rapport check on the damaged file: status 1"
expect_out "SQLite's integrity check" "it reports what SQLite's check finds"
if cmp -s "$T_DIR/damaged.db" "$T_DIR/damaged.db.orig" && [ ! -e "$T_DIR/damaged.db-wal" ] &&
	[ ! -e "$T_DIR/damaged.db-shm" ]; then ok "and writes nothing, not even a -wal or -shm"
else not_ok "and writes nothing, not even a -wal or -shm"; fi
raw --db "$T_DIR/damaged.db.20261124-100000.bak" --config "$CONFIG" list people
expect_out "Jane Okafor" "the backup it names opens"

cp "$DB" "$T_DIR/future.db"
sqlite3 "$T_DIR/future.db" "PRAGMA user_version=99;"
refused "$T_DIR/future.db" "written by a newer rapport (schema 99" "a database from a newer version"
expect_err "open it with the newer rapport that wrote it" "and says what to do"

raw --db "$T_DIR" --config "$CONFIG" list people
expect_rc 1 "a folder as --db"
expect_err "is a folder, not a database file; nothing was opened" "and says what it is"
# show and done take --json and nothing else: a field given to them is a
# mistake (the user meant edit), not something to ignore
r show person 1 --name "Jane Okafor-Li"
expect_rc 2 "show with a field's option is a usage error"
expect_err "unknown option --name" "naming the option"
r done goal 1 --title "Something else"
expect_rc 2 "done with a field's option is a usage error"
expect_err "unknown option --title" "naming the option"
echo "1..$T_N"
