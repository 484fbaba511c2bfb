#!/bin/sh
# The config cannot make rapport use another database than the one it
# names, create folders from an unexpanded path, or take away the way out;
# a failed daily backup is said on the screen.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

W="$T_DIR/work"
mkdir -p "$W"
cd "$W" || exit 1
# c CONFIG_TEXT ARGS...: rapport with that config and no --db
c() {
	printf '%s\n' "$1" >"$T_DIR/c.ini"
	shift
	"$RAPPORT" --config "$T_DIR/c.ini" "$@" >"$T_DIR/.out" 2>"$T_DIR/.err" </dev/null
	RC=$? OUT=$(cat "$T_DIR/.out") ERR=$(cat "$T_DIR/.err")
}

# --- paths no shell has read
c "$(printf '[general]\ndatabase = $HOME/x.db')" add person Ada
expect_rc 1 "database = \$HOME/x.db: refused"
expect_err "c.ini:2: database" "with file and line"
expect_err "not expanded" "saying variables are not expanded"
[ -e "$W/\$HOME" ] && not_ok "no folder named \$HOME is made" || ok "no folder named \$HOME is made"
[ -e "$XDG_DATA_HOME/rapport/rapport.db" ] && not_ok "and the default database is not used instead" || ok "and the default database is not used instead"
c "$(printf '[general]\ndatabase = ~root/x.db')" add person Ada
expect_rc 1 "database = ~root/x.db: refused"
expect_err "only ~/ (your own home) is expanded" "saying what is expanded"
[ -e "$W/~root" ] && not_ok "no folder named ~root is made" || ok "no folder named ~root is made"
c "$(printf '[general]\ndatabase = ~/mine/x.db')" add person Ada
expect_rc 0 "database = ~/mine/x.db is expanded"
[ -f "$HOME/mine/x.db" ] && ok "into the home folder" || not_ok "into the home folder"
c "$(printf '[general]\ndatabase = $HOME/x.db')" --db "$T_DIR/given.db" add person Ada
expect_rc 0 "--db given: the config's database does not matter"

# --- a line too long for iniparser
long=$(head -c 1100 /dev/zero | tr '\0' 'x')
c "$(printf '[ui]\n; %s\n[general]\ndatabase = %s/right.db\n[health]\ndue_soon_days = 5' "$long" "$T_DIR")" add person Ada
expect_rc 0 "a long comment line: the rest of the file is read"
expect_err "c.ini:2: line too long" "and the line is named"
[ -f "$T_DIR/right.db" ] && ok "the configured database is the one used" || not_ok "the configured database is the one used"
[ -e "$XDG_DATA_HOME/rapport/rapport.db" ] && not_ok "not the default one" || ok "not the default one"
c "$(printf '[general]\ndatabase = %s/%s.db' "$T_DIR" "$long")" list people
expect_rc 1 "the database line itself too long: nothing is opened"
expect_err "none is opened in its place" "saying why"
case "$ERR" in *"defaults used"*) not_ok "without also saying defaults are used" "$ERR" ;; *) ok "without also saying defaults are used" ;; esac
[ -e "$XDG_DATA_HOME/rapport/rapport.db" ] && not_ok "the default database is not made" || ok "the default database is not made"
c "$(printf '[general]\nthis line is not ini\ndatabase = %s/after-the-bad-line.db\n' "$T_DIR")" list people
expect_rc 0 "a line that is not INI: the rest is read"
expect_err "c.ini:2:" "and the line is named"
[ -f "$T_DIR/after-the-bad-line.db" ] && ok "the database named after the bad line is the one used" ||
	not_ok "the database named after the bad line is the one used"

# a link at the config's usual place that leads nowhere (a disk not
# mounted) is a config that cannot be read, not no config
mkdir -p "$T_DIR/xdg/rapport"
ln -s "$T_DIR/unmounted/config.ini" "$T_DIR/xdg/rapport/config.ini"
XDG_CONFIG_HOME="$T_DIR/xdg" XDG_DATA_HOME="$T_DIR/xdgdata" "$RAPPORT" add person Ada >"$T_DIR/.out" 2>"$T_DIR/.err" </dev/null
RC=$? ERR=$(cat "$T_DIR/.err")
expect_rc 1 "a dangling link as the config: nothing is written"
expect_err "config.ini: a link to nothing" "saying what it is"
[ -e "$T_DIR/xdgdata/rapport/rapport.db" ] && not_ok "and the default database is not made" || ok "and the default database is not made"

# --- paths that would follow the current folder, or a shell
mkdir -p "$W/d1" "$W/d2"
cd "$W/d1" || exit 1
c "$(printf '[general]\ndatabase = mydata/r.db')" add person Ada
cd "$W" || exit 1
expect_rc 1 "database = mydata/r.db (relative): refused"
expect_err "c.ini:2: database: 'mydata/r.db': a relative path would follow the current folder" "with file and line, saying why"
[ -e "$W/d1/mydata" ] && not_ok "no folder mydata is made where it ran" || ok "no folder mydata is made where it ran"
c "$(printf '[general]\ndatabase = %s/`id`/x.db' "$T_DIR")" add person Ada
expect_rc 1 "database = \`id\`/x.db: refused"
expect_err "not run" "saying commands are not run"
[ -e "$T_DIR/\`id\`" ] && not_ok "no folder named \`id\` is made" || ok "no folder named \`id\` is made"
c "$(printf '[general]\ndatabase = %s/one.db\n[ui]\n[general]\ndatabase = %s/two.db' "$T_DIR" "$T_DIR")" add person Ada
expect_rc 1 "database given twice: refused"
expect_err "c.ini:5: database: given again (first on line 2)" "naming both lines"
[ -e "$T_DIR/one.db" ] || [ -e "$T_DIR/two.db" ] && not_ok "and neither database is opened" || ok "and neither database is opened"
c "$(printf '[health]\ndue_soon_days = 5\ndue_soon_days = 9')" --db "$T_DIR/given.db" add person Ada
expect_rc 0 "another key given twice: the program runs"
expect_err "c.ini:3: due_soon_days: given again (first on line 2); the last is used" "saying which one is used"
c "$(printf '[keys]\nadd = b\nadd = v\n[colors]\ntitle = red\ntitle = blue')" --db "$T_DIR/given.db" keys
expect_err "c.ini:3: add: given again (first on line 2); the last is used" "a key of [keys] given twice: said too"
expect_err "c.ini:6: title: given again (first on line 5); the last is used" "and one of [colors]"
c "$(printf '[health]\nsnooze_days = 3\nsnooze_days = bogus')" --db "$T_DIR/given.db" list people
expect_err "c.ini:3: snooze_days: 'bogus' is not a whole number" "a bad value given last is named by its own line"
c "$(printf '[health]\nsnooze_days = 3\nsnooze_days : 9')" --db "$T_DIR/given.db" list people
case "$ERR" in *"given again"*) not_ok "a line left out is not counted as given again" "$ERR" ;; *) ok "a line left out is not counted as given again" ;; esac

# --- a config that cannot be read at all names no database but --db's
mkfifo "$T_DIR/fifo.ini"
"$RAPPORT" --config "$T_DIR/fifo.ini" add person Ada >"$T_DIR/.out" 2>"$T_DIR/.err" </dev/null
RC=$? ERR=$(cat "$T_DIR/.err")
expect_rc 1 "a config that is a FIFO: nothing is written"
expect_err "fifo.ini: not a regular file" "saying what it is"
expect_err "none is opened in its place" "and that no database is opened in its place"
[ -e "$XDG_DATA_HOME/rapport/rapport.db" ] && not_ok "the default database is not made" || ok "the default database is not made"
"$RAPPORT" --config "$T_DIR/fifo.ini" --db "$T_DIR/given.db" list people >"$T_DIR/.out" 2>"$T_DIR/.err" </dev/null
RC=$?
expect_rc 0 "with --db: the given database is used"
if [ "$(id -u)" = 0 ]; then
	printf '[general]\ndatabase = %s/nb/real.db\n' "$T_DIR" >"$T_DIR/secret.ini"
	chmod 0000 "$T_DIR/secret.ini"
	mkdir -p "$T_DIR/nb" "$T_DIR/nbhome"
	chown 65534 "$T_DIR/nb" "$T_DIR/nbhome"
	chmod 0755 "$T_DIR"
	setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$T_DIR/nbhome" XDG_DATA_HOME="$T_DIR/nbhome/data" \
		"$RAPPORT" --config "$T_DIR/secret.ini" add person Ada >"$T_DIR/.out" 2>"$T_DIR/.err" </dev/null
	RC=$? ERR=$(cat "$T_DIR/.err")
	expect_rc 1 "a config its user cannot read: nothing is written"
	expect_err "none is opened in its place" "and no database is opened in its place"
	[ -e "$T_DIR/nbhome/data/rapport/rapport.db" ] && not_ok "the default database is not made" || ok "the default database is not made"
else
	skip "a config its user cannot read: nothing is written" "needs root to run as another user"
fi

# --- the way out cannot be taken away
cd "$T_DIR" || exit 1
r add person "Ada Lovelace"
printf '[keys]\nquit =\ncancel =\n' >"$CONFIG"
ui_start 100 30
wait_for "quit would be left without a key; q kept for it" "quit = (nothing): said on the screen"
keys a
wait_for "New person" "a form"
keys Escape
wait_gone "New person" "Esc still closes a form (cancel kept)"
keys q
wait_exit "q still quits"
r keys
expect_err "quit would be left without a key; q kept for it" "rapport keys reports the same"
expect_out "  q              quit" "and lists q for quit"
printf '[keys]\ncancel = Enter\n' >"$CONFIG"
ui_start 100 30
wait_for "Enter also means save; save wins" "cancel = Enter: said on the screen"
keys a
wait_for "New person" "a form"
type_text "Bea Saved"
keys Enter
wait_gone "New person" "Enter still saves"
wait_for "Bea Saved" "and the person is there"
keys a
wait_for "New person" "another form"
keys Escape
wait_gone "New person" "and Esc, cancel's own key, came back to it"
keys q
wait_exit "quits"
# a key is known by what the terminal sends: C-m is Enter; C-s, C-q, C-z
# and C-c the terminal keeps, and never reach rapport
printf '[keys]\ncancel = C-m\n' >"$CONFIG"
r keys
expect_err "cancel: Enter also means save; save wins" "cancel = C-m is Enter: save keeps it"
expect_err "cancel would be left without a key; Esc kept for it" "and cancel keeps Esc"
for k in C-s C-q C-z C-c; do
	printf '[keys]\nquit = %s\n' "$k" >"$CONFIG"
	r keys
	expect_err "quit: '$k' never reaches rapport (the terminal keeps it); default kept" "quit = $k: refused, saying why"
	expect_out "  q              quit" "and q stays quit's"
done
# a key an earlier line took from its action belongs to no one in between
printf '[keys]\nback = x\nquit = x\n' >"$CONFIG"
r keys
expect_err "back: x also means done; back wins" "back = x takes x from done"
case "$ERR" in *"also means quit"*) not_ok "and quit = x is no conflict with a key nobody has now" "$ERR" ;; *) ok "and quit = x is no conflict with a key nobody has now" ;; esac
expect_out "  x              quit" "x quits on the lists"
printf '[keys]\nhelp = q\n' >"$CONFIG"
ui_start 100 30
wait_for "Ada Lovelace" "help = q: the screen opens"
wait_for "help: q also means quit; quit wins (it is quit's only key)" "and says q stays quit's"
keys q
wait_exit "q quits"
# a key nobody has: the screen names it and the help's key as bound
printf '[keys]\nhelp = H F1\n' >"$CONFIG"
ui_start 100 30
wait_for "Ada Lovelace" "help = H F1: the screen opens"
keys F12
wait_for "F12 is not a key here: H shows every key" "a key of nobody's names the help's key as bound"
keys q
wait_exit "q quits"
printf '[keys]\nhelp =\n' >"$CONFIG"
ui_start 100 30
wait_for "Ada Lovelace" "help with no key: the screen opens"
keys Z
wait_for "Z is not a key here (no key shows the keys: see [keys])" "with no help key, the message says where the keys are set"
keys q
wait_exit "q quits"
# a key taken by another action belongs to the taker alone: t now adds (no
# thank-you form), q now logs a meeting (quit keeps Q)
printf '[keys]\nadd = t\nquit = q Q\nmeet = q\n' >"$CONFIG"
ui_start 100 30
wait_for "add: t also means thank; add wins" "add = t: said on the screen"
keys t
wait_for "New person" "t opens the add form of the focused pane"
keys Escape
wait_gone "New person" "Esc closes it"
keys q
wait_for "New meeting" "q opens a meeting with the selected person"
ui_alive "and does not quit"
keys Escape
wait_gone "New meeting" "Esc closes it"
keys Q
wait_exit "Q quits"
r keys
expect_out "  t              add" "rapport keys lists t for add"
expect_out "  (none)         thank" "and none for thank, which lost it"
expect_out "  Q              quit" "and Q alone for quit"
case "$OUT" in *"  t              thank"* | *"q Q            quit"*) not_ok "no key is listed for the action that lost it" "$OUT" ;;
*) ok "no key is listed for the action that lost it" ;; esac
: >"$CONFIG"

# --- a failed daily backup is said on the screen, until a key
FULL="$T_DIR/full"
mkdir -p "$FULL"
if mount -t tmpfs -o size=1200k tmpfs "$FULL" 2>/dev/null; then
	trap 'umount "$FULL" 2>/dev/null; tm kill-server 2>/dev/null; rm -rf "$T_DIR"' EXIT
	DB="$FULL/r.db"
	notes=$(head -c 100000 /dev/zero | tr '\0' 'n')
	for n in 1 2 3 4 5; do r add person "Filler $n" --notes "$notes"; done
	size=$(stat -c %s "$DB")
	# leave more than it takes to open, less than a copy
	avail=$(df -B1 --output=avail "$FULL" | tail -n 1)
	dd if=/dev/zero of="$FULL/ballast" bs=1024 count=$(( (avail - 400000) / 1024 )) 2>/dev/null
	printf '[backup]\ndaily = true\n' >"$CONFIG"
	ui_start 100 30
	wait_for "The daily backup failed" "a failed daily backup shows on the screen"
	keys j
	wait_gone "The daily backup failed" "until a key is pressed"
	keys q
	wait_exit "quits"
	[ "$size" -gt 400000 ] && ok "(the copy, $size bytes, could not fit)" || not_ok "the database is larger than the room left" "$size"
	umount "$FULL"
else
	skip "a failed daily backup shows on the screen" "no tmpfs mount here (needs root)"
fi
# something in the way of today's copy (a folder of its name) is said too
DB="$T_DIR/daily.db"
: >"$CONFIG"
r add person "Dee Daily"
mkdir "$DB.daily-2026-11-25.bak"
printf '[backup]\ndaily = true\n' >"$CONFIG"
r list people
expect_rc 0 "a folder where today's daily copy goes: the command still runs"
expect_err "daily-2026-11-25.bak: is in the way of today's backup" "and says what is in the way"
[ -d "$DB.daily-2026-11-25.bak" ] && ok "and leaves it as it is" || not_ok "and leaves it as it is"
rmdir "$DB.daily-2026-11-25.bak"
echo "not a backup" >"$DB.daily-2026-11-25.bak"
r list people
expect_err "is in the way of today's backup (it is not a rapport backup)" "a file of today's name that is no backup is said too"
expect_eq "$(cat "$DB.daily-2026-11-25.bak")" "not a backup" "and left as it is"
rm -f "$DB.daily-2026-11-25.bak"
# a database that opens read-only (a file its user cannot write): the
# daily copy is not made, and that is said
if [ "$(id -u)" = 0 ]; then
	mkdir -p "$T_DIR/ro"
	cp "$DB" "$T_DIR/ro/r.db"
	printf '[backup]\ndaily = true\n' >"$T_DIR/ro/daily.ini"
	chown -R 65534 "$T_DIR/ro"
	chmod 0444 "$T_DIR/ro/r.db"
	setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$T_DIR/ro" \
		"$RAPPORT" --db "$T_DIR/ro/r.db" --config "$T_DIR/ro/daily.ini" list people >"$T_DIR/.out" 2>"$T_DIR/.err" </dev/null
	RC=$? ERR=$(cat "$T_DIR/.err")
	expect_rc 0 "a database its user cannot write, with daily backups: the list reads"
	expect_err "the daily backup was not made: the database opened read-only" "and says no daily copy was made"
else
	skip "a database its user cannot write, with daily backups: the list reads" "needs root to run as another user"
fi
# the copies kept are ours: a copy of a later day (a clock set wrong),
# a file of another name, one that is no backup are neither counted nor
# deleted
printf '[backup]\ndaily = true\nkeep = 2\n' >"$CONFIG"
for day in 20 21 22; do RAPPORT_NOW="2026-11-$day 09:00" r list people; done
cp "$DB.daily-2026-11-21.bak" "$DB.daily-2026-12-24.bak" # a real copy, of a later day
echo junk >"$DB.daily-zzz.bak"
echo junk >"$DB.daily-2026-11-01.bak"
r list people
expect_rc 0 "rotation with files that are not ours beside it"
expect_eq "$(cd "$T_DIR" && ls daily.db.daily-* | tr '\n' ' ')" \
	"daily.db.daily-2026-11-01.bak daily.db.daily-2026-11-22.bak daily.db.daily-2026-11-25.bak daily.db.daily-2026-12-24.bak daily.db.daily-zzz.bak " \
	"the newest two copies are kept, today's among them, and nothing that is not one is deleted"
: >"$CONFIG"
echo "1..$T_N"
