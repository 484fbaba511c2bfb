# The settings file and where data lives: a broken config never stops the
# program; the default paths follow XDG and are private.
. "$(dirname "$0")/lib.sh"

raw --db "$DB" --config "$T_DIR/missing.ini" list people
expect_rc 1 "--config naming a missing file"
expect_err "missing.ini: cannot read the config" "names the file"

printf '[meetings]\nthis line is nonsense\n' >"$CONFIG"
r add person "Still Works"
expect_rc 0 "a config with a syntax error: the program still runs"
expect_err "config.ini:2: cannot read this line: this line is nonsense" "the error has file and line"
expect_err "defaults used" "and says defaults are used"

printf '[ui:width]\n[meetings]\ndefault_duration = 50\n' >"$CONFIG"
r add meeting --with Still --at tomorrow --json
expect_rc 0 "a config with [ui:width] does not crash"
expect_err "unknown section [ui:width]" "the odd section is reported"
expect_eq "$(jqo .duration_min)" "50" "the good key after it still counts"

printf '[meetings]\ndefault_duration = ninety\n' >"$CONFIG"
r add meeting --with Still --at tomorrow --json
expect_err "config.ini:2: default_duration: 'ninety' is not a whole number; using the default" "a bad value: file, line, key, problem"
expect_eq "$(jqo .duration_min)" "30" "and the default is used"

: >"$CONFIG"
r list people
expect_no_err "an empty config is quiet"

# default locations: XDG data and config folders
mkdir -p "$XDG_CONFIG_HOME/rapport"
printf '[meetings]\ndefault_duration = 20\n' >"$XDG_CONFIG_HOME/rapport/config.ini"
raw add person "Default Place"
expect_rc 0 "no --db: the default database"
expect_eq "$(stat -c %a "$XDG_DATA_HOME/rapport/rapport.db")" "600" "created 0600"
expect_eq "$(stat -c %a "$XDG_DATA_HOME/rapport")" "700" "in a 0700 folder"
raw add meeting --with Default --at tomorrow --json
expect_eq "$(jqo .duration_min)" "20" "the default config file is read"

printf '[general]\ndatabase = ~/journal/mentors.db\n' >"$CONFIG"
r list people
raw --config "$CONFIG" add person "Configured Place"
expect_rc 0 "[general] database is used"
if [ -f "$HOME/journal/mentors.db" ]; then ok "with ~ expanded"; else not_ok "with ~ expanded"; fi
# --- every key of config.ini.example given a bad value in turn: a message
# naming file, line and key, the default used, the program runs
top=$(cd "$(dirname "$0")/../.." && pwd)
keys=$(sed -n 's/^\([a-z_]*\) = .*/\1/p' "$top/config.ini.example")
n=0
for key in $keys; do
	section=$(awk -v k="$key" '/^\[/ { s = $0 } $1 == k { print s; exit }' "$top/config.ini.example")
	printf '%s\n%s = %%bogus%%\n' "$section" "$key" >"$CONFIG"
	r list people
	expect_rc 0 "$section $key = %bogus%: the program runs"
	expect_err "config.ini:2: $key: '%bogus%'" "$section $key: the message names file, line, key and value"
	expect_err "using the default" "$section $key: and says the default is used"
	n=$((n + 1))
done
[ "$n" -ge 9 ] && ok "all $n keys of config.ini.example were tried" || not_ok "all keys were tried" "only $n"
# all of them bad at once: the screen still opens (checked by the UI tests'
# config section for [keys] and [colors]); the command line uses defaults
for key in $keys; do
	section=$(awk -v k="$key" '/^\[/ { s = $0 } $1 == k { print s; exit }' "$top/config.ini.example")
	printf '%s\n%s = -1\n' "$section" "$key"
done >"$CONFIG"
r add meeting --with Still --at tomorrow --json
expect_rc 0 "every key bad at once: the program runs"
expect_eq "$(jqo .duration_min)" "30" "with the defaults"

# --- a config that is a folder, binary, huge, or cannot be read
r --config "$T_DIR" list people
raw --db "$DB" --config "$T_DIR" list people
expect_rc 0 "a folder as the config: the program runs"
expect_err "not a regular file; defaults used" "and says what is wrong"
head -c 20000 /dev/urandom >"$T_DIR/binary.ini"
raw --db "$DB" --config "$T_DIR/binary.ini" list people
expect_rc 0 "a binary config: the program runs"
expect_err "binary.ini:" "the message names the file and a line"
case "$(printf '%s' "$ERR" | wc -l)" in [0-9] | 1[0-9]) ok "and stays short ($(printf '%s' "$ERR" | wc -l) lines)" ;;
*) not_ok "and stays short" "$(printf '%s' "$ERR" | wc -l) lines" ;; esac
python3 -c "print('[meetings]'); print('; ' + 'x' * 2000000); print('default_duration = 45')" >"$T_DIR/long-line.ini"
raw --db "$DB" --config "$T_DIR/long-line.ini" list people
expect_rc 0 "a 2 MB line: the program runs"
expect_err "long-line.ini:2: line too long" "and names the line"
python3 -c "
print('[meetings]')
for i in range(200000): print('; a comment, line %d' % i)
print('default_duration = 45')" >"$T_DIR/many-lines.ini"
raw --db "$DB" --config "$T_DIR/many-lines.ini" add meeting --with Still --at tomorrow --json
expect_rc 0 "200,000 lines of comments: the program runs"
expect_eq "$(jqo .duration_min)" "45" "and reads the key at the end"
if [ "$(id -u)" = 0 ]; then
	cp "$T_DIR/many-lines.ini" "$T_DIR/secret.ini"
	chmod 0000 "$T_DIR/secret.ini"
	chmod 0755 "$T_DIR"
	cp "$DB" "$T_DIR/nobody.db"
	chown 65534 "$T_DIR/nobody.db"
	setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$T_DIR" \
		"$RAPPORT" --db "$T_DIR/nobody.db" --config "$T_DIR/secret.ini" list people >"$T_DIR/.out" 2>"$T_DIR/.err"
	RC=$? ERR=$(cat "$T_DIR/.err")
else
	printf '[meetings]\n' >"$T_DIR/secret.ini"
	chmod 0000 "$T_DIR/secret.ini"
	raw --db "$DB" --config "$T_DIR/secret.ini" list people
fi
expect_err "secret.ini: cannot read the config" "a config that cannot be read: named, with why"
echo "1..$T_N"
