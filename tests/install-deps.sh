#!/bin/sh
# Install the Debian packages rapport needs that are missing:
#   tests/install-deps.sh build   to build and run it
#   tests/install-deps.sh test    to build it and run every test
#   tests/install-deps.sh fuzz    to build and run the fuzzers (clang)
# Quiet when all are there; needs root (or sudo) only when something is not.
build="make gcc pkg-config libncurses-dev libsqlite3-dev libiniparser-dev libjansson-dev libical-dev"
test="$build libcmocka-dev tmux sqlite3 jq python3 python3-icalendar cmark clang cppcheck clang-tidy valgrind man-db strace"
fuzz="$build clang"
bench="$test calcurse"
case "${1:-}" in
build) set -- $build ;;
test) set -- $test ;;
fuzz) set -- $fuzz ;;
bench) set -- $bench ;;
*) echo "usage: $0 build|test|fuzz|bench" >&2; exit 2 ;;
esac
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "rapport: please install:$missing (Debian names)" >&2
	exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
	command -v sudo >/dev/null 2>&1 || { echo "rapport: as root, run: apt-get install$missing" >&2; exit 1; }
	SUDO=sudo
fi
echo "rapport: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086 # one word per package
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
