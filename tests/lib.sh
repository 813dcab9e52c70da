# Shared helpers for the shell tests (sourced). $RUNLOG is the binary.
set -u
: "${RUNLOG:=build/runlog}"
case $RUNLOG in /*) ;; *) RUNLOG=$(pwd)/$RUNLOG ;; esac
T=$(mktemp -d /tmp/runlog-sh-XXXXXX)
trap 'rm -rf "$T"' EXIT
export RUNLOG_TODAY=2026-11-25 TZ=UTC XDG_CONFIG_HOME="$T/config" HOME="$T/home"
unset RUNLOG_DB XDG_DATA_HOME NO_COLOR
fails=0; checks=0

ok()   { checks=$((checks + 1)); }
fail() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL: $*" >&2; }

# expect STATUS CMD...: runs CMD, output in $T/out and $T/err.
expect() {
	want=$1; shift
	"$@" >"$T/out" 2>"$T/err"; got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		fail "exit $got, wanted $want: $*"; sed 's/^/  err: /' "$T/err" >&2
	fi
}
# out_has TEXT / err_has TEXT
out_has() { if grep -qF -- "$1" "$T/out"; then ok; else fail "stdout lacks '$1'"; sed 's/^/  out: /' "$T/out" >&2; fi; }
err_has() { if grep -qF -- "$1" "$T/err"; then ok; else fail "stderr lacks '$1'"; sed 's/^/  err: /' "$T/err" >&2; fi; }
# rows DB: every row of every entry table, for comparing before and after.
rows() { sqlite3 "$1" "SELECT 'r',* FROM run; SELECT 's',* FROM sleep; SELECT 'd',* FROM drink; SELECT 'f',* FROM checkin; SELECT 'x',* FROM rest;" 2>/dev/null; }
count() { sqlite3 "$1" "SELECT count(*) FROM $2"; }
same() { if [ "$1" = "$2" ]; then ok; else fail "$3"; fi; }
done_tests() {
	echo "$(basename "$0"): $((checks - fails)) passed, $fails failed"
	[ "$fails" -eq 0 ]
}
