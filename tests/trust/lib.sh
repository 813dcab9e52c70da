# Shared by the trust tests: a scratch directory removed on exit, failure
# reporting, and small helpers around the sqlite3 shell.
# RUNLOG is the binary under test (set by tests/run-tests.sh).
: "${RUNLOG:=build/runlog}"
case $RUNLOG in /*) ;; *) RUNLOG=$(pwd)/$RUNLOG ;; esac
export RUNLOG
export RUNLOG_TODAY=2026-06-15
unset RUNLOG_DB XDG_DATA_HOME XDG_CONFIG_HOME
T=$(mktemp -d "${TMPDIR:-/tmp}/runlog-trust.XXXXXX")
export HOME="$T/home"
mkdir -p "$HOME"
trap 'rm -rf "$T"' EXIT
fails=0
name=${0##*/}

fail() { echo "FAIL [$name]: $*" >&2; fails=$((fails + 1)); }
ok() { [ -n "${VERBOSE:-}" ] && echo "ok: $*"; return 0; }
# check DESCRIPTION COMMAND...: the command must succeed.
check() { d=$1; shift; if "$@"; then ok "$d"; else fail "$d"; fi; }
finish() {
	if [ "$fails" -ne 0 ]; then echo "$name: $fails failure(s)" >&2; exit 1; fi
	echo "$name: ok${1:+ ($1)}"
	exit 0
}
# q DB SQL: one value from the journal, read-only.
q() { sqlite3 -readonly "$1" "$2"; }
# dump DB: the content of every table, as a checksum.
dumpsum() { sqlite3 -readonly "$1" .dump | sha256sum | cut -d' ' -f1; }
integrity() { sqlite3 -readonly "$1" 'PRAGMA integrity_check'; }
# mode FILE: the permission bits in octal.
mode() { stat -c %a "$1"; }
