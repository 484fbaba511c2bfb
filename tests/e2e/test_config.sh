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
echo "1..$T_N"
