#!/bin/sh
# The journal UI under stress, in a detached tmux session:
#  - the CLI writes while the UI is open and writing too: nothing locked or
#    lost, and the UI shows the new entries by itself within seconds;
#  - a form survives a resize to 10x5 and back with what was typed;
#  - SIGINT, SIGTERM, SIGHUP and SIGQUIT on every screen and with a form
#    open: exit 128+signal, the tty modes exactly as before (stty -g), the
#    shell prompt back and echoing, every confirmed entry kept, the
#    unconfirmed form not saved;
#  - hostile values typed into a form are refused and never saved;
#  - a whole session under valgrind: 0 errors, 0 bytes definitely lost.
. tests/trust/lib.sh
command -v tmux >/dev/null || { echo "FAIL: tmux is needed" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "FAIL: valgrind is needed" >&2; exit 1; }
# Each start gets its own tmux server (socket): reusing one right after
# kill-server races with its shutdown.
SOCK=runlog-trust-$$
nsrv=0
TM="tmux -L $SOCK-0 -f /dev/null"
cleanup() {
	k=0
	while [ $k -le $nsrv ]; do tmux -L "$SOCK-$k" kill-server 2>/dev/null; k=$((k + 1)); done
	rm -rf "$T"
}
trap cleanup EXIT
DB=$T/j.db
TODAY=2026-06-15

# wait_for TEXT [SECONDS]: polls the pane (default 10 s).
wait_for() {
	i=0; lim=$(( ${2:-10} * 10 ))
	while [ $i -lt $lim ]; do
		$TM capture-pane -p -t ui >"$T/screen" 2>/dev/null
		grep -qF -- "$1" "$T/screen" && return 0
		i=$((i + 1)); sleep 0.1
	done
	fail "the screen never showed '$1'"
	sed 's/^/  screen: /' "$T/screen" >&2
	return 1
}
waitfile() {
	i=0; lim=$(( ${2:-10} * 10 ))
	while [ $i -lt $lim ]; do [ -s "$1" ] && return 0; i=$((i + 1)); sleep 0.1; done
	fail "$1 never appeared"; return 1
}
keys() { $TM send-keys -t ui "$@"; }
text() { $TM send-keys -t ui -l -- "$1"; }

# start [WRAPPER...]: runlog in a fresh session. The pane records the tty
# modes before and after, runlog's pid and exit status, then becomes a
# shell with a known prompt.
start() {
	$TM kill-server 2>/dev/null
	nsrv=$((nsrv + 1)); TM="tmux -L $SOCK-$nsrv -f /dev/null"
	rm -f "$T/status" "$T/pid" "$T/stty.before" "$T/stty.after"
	$TM new-session -d -s ui -x 80 -y 24 "stty -g >'$T/stty.before';
	    env LANG=C.UTF-8 TERM=xterm-256color RUNLOG_TODAY=$TODAY \
	    sh -c 'echo \$\$ >\"$T/pid\"; exec $* \"$RUNLOG\" --db \"$DB\"';
	    echo \$? >'$T/status'; stty -g >'$T/stty.after';
	    PS1='PROMPT\$ ' exec sh"
	waitfile "$T/pid"
}
# restored WHAT STATUS: runlog exited with STATUS, the tty is as before,
# and the shell prompt is back and echoes what is typed.
restored() {
	waitfile "$T/status" 20 || return 1
	[ "$(cat "$T/status")" = "$2" ] || fail "$1: exit $(cat "$T/status"), want $2"
	waitfile "$T/stty.after"
	cmp -s "$T/stty.before" "$T/stty.after" || fail "$1: the tty modes changed: $(cat "$T/stty.before") -> $(cat "$T/stty.after")"
	wait_for 'PROMPT$' || { fail "$1: no shell prompt after exit"; return 1; }
	text "echo alive-\$((6*7))"; keys Enter
	wait_for "echo alive-" && wait_for "alive-42"
}

# 1. The UI and the CLI write at once.
start
wait_for "[1 Day]"
wait_for "Monday $TODAY  today"
(
	i=1
	while [ $i -le 30 ]; do
		RUNLOG_TODAY=$TODAY $RUNLOG --db "$DB" drink 100ml >/dev/null 2>>"$T/cli.err" ||
		    echo "drink $i failed" >>"$T/cli.err"
		i=$((i + 1))
	done
	RUNLOG_TODAY=$TODAY $RUNLOG --db "$DB" run 12.34km 1:00:00 >/dev/null 2>>"$T/cli.err" ||
	    echo "run failed" >>"$T/cli.err"
) &
cli=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do keys w; sleep 0.05; done
wait $cli
[ -s "$T/cli.err" ] && fail "the CLI failed beside the UI: $(sort "$T/cli.err" | uniq -c | head -3)"
# No key pressed: the UI notices the other writer and reads again.
wait_for "12.34 km  1:00:00" 5
wait_for "5.50 l of 2.00 l"
[ "$(q "$DB" 'SELECT count(*) FROM drink')" = 40 ] || fail "$(q "$DB" 'SELECT count(*) FROM drink') drinks, want 30 from the CLI and 10 from the UI"
grep -qi "locked\|busy" "$T/screen" && fail "the UI showed the journal locked"
keys q
restored "quit" 0

# 2. A form across a resize to 10x5 and back keeps what was typed.
start
wait_for "[1 Day]"
keys r
wait_for "New run on"
text "21.1km"; keys Tab; text "1:45:"
$TM resize-window -t ui -x 10 -y 5
i=0; while [ $i -lt 50 ] && [ "$($TM display -p -t ui '#{window_width}')" != 10 ]; do sleep 0.1; i=$((i + 1)); done
sleep 0.5
$TM capture-pane -p -t ui >/dev/null || fail "the pane is gone after the resize"
$TM resize-window -t ui -x 80 -y 24
wait_for "21.1km"
wait_for "1:45:"
text "00"; keys Enter
wait_for "Saved run 21.10 km"
[ "$(q "$DB" "SELECT count(*) FROM run WHERE distance_m = 21100 AND duration_s = 6300")" = 1 ] ||
    fail "the run typed across the resize was not saved as typed"
# Storms of resizes, with the form open again.
keys r; wait_for "New run on"; text "3km"
for s in 10x5 40x12 12x6 100x40 10x5 80x24 39x11 80x24; do
	$TM resize-window -t ui -x "${s%x*}" -y "${s#*x}"; sleep 0.05
done
wait_for "3km"
keys Escape
wait_for "nothing saved"
keys q
restored "quit after resizes" 0
[ "$(q "$DB" 'SELECT count(*) FROM run WHERE distance_m = 3000')" = 0 ] || fail "the cancelled run was saved"

# 3. Signals on every screen, and with a form open.
n=0
for sig in INT TERM HUP QUIT; do
	case $sig in INT) num=2 ;; TERM) num=15 ;; HUP) num=1 ;; QUIT) num=3 ;; esac
	for scr in 1 2 3 4 5 form; do
		before=$(dumpsum "$DB")
		start
		wait_for "[1 Day]"
		case $scr in
		form) keys r; wait_for "New run on"; text "7km"; keys Tab; text "35:00"; wait_for "35:00" ;;
		*) keys "$scr"; wait_for "[$scr " ;;
		esac
		kill -"$sig" "$(cat "$T/pid")"
		restored "SIG$sig on screen $scr" $((128 + num))
		[ "$(dumpsum "$DB")" = "$before" ] || fail "SIG$sig on screen $scr changed the journal"
		n=$((n + 1))
	done
done
[ "$(integrity "$DB")" = ok ] || fail "integrity after the signals"
[ "$(q "$DB" 'SELECT count(*) FROM run WHERE distance_m = 21100')" = 1 ] || fail "a confirmed run was lost"

# 4. Hostile values in a form: refused, never saved.
before=$(dumpsum "$DB")
start
wait_for "[1 Day]"
LONG=$(head -c 300 /dev/zero | tr '\0' 9)
for v in "NaN" "inf" "-5km" "99999999999999999999" "1e3km" "0x10" "'; DROP TABLE run; --" "$LONG" "%s%n"; do
	keys r; wait_for "New run on"
	text "$v"; keys Tab; text "30:00"; keys Enter
	wait_for "Not saved"
	keys Escape; wait_for "nothing saved"
done
keys f; wait_for "New check-in on"
text "11"; keys Enter; wait_for "Not saved"; keys Escape; wait_for "nothing saved"
keys q
restored "hostile form values" 0
[ "$(dumpsum "$DB")" = "$before" ] || fail "a hostile form value changed the journal"

# 5. A session under valgrind.
start valgrind --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
    --errors-for-leak-kinds=definite --log-file="$T/vg.log"
wait_for "[1 Day]" 90
keys r; wait_for "New run on" 30
text "10km"; keys Tab; text "50:00"; keys Enter
wait_for "Saved run 10.00 km" 30
keys s; wait_for "New sleep on" 30; text "7.5"; keys Enter; wait_for "7h30" 30
keys w; wait_for "0.25 l" 30
for k in 2 3 4 5; do keys "$k"; wait_for "[$k " 30; done
keys "?"; wait_for "Keys:" 30; keys x
$TM resize-window -t ui -x 40 -y 12; sleep 1; $TM resize-window -t ui -x 80 -y 24
keys 5; keys d; sleep 1; keys n
keys q; wait_for "[1 Day]" 30; keys q
restored "valgrind session" 0
grep -q "ERROR SUMMARY: 0 errors" "$T/vg.log" || fail "valgrind: $(grep 'ERROR SUMMARY' "$T/vg.log")"
if grep -q "definitely lost:" "$T/vg.log"; then
	grep -q "definitely lost: 0 bytes" "$T/vg.log" || fail "valgrind: $(grep 'definitely lost' "$T/vg.log")"
fi
grep -q "HEAP SUMMARY" "$T/vg.log" || fail "valgrind wrote no heap summary"
vgsum=$(grep -E "ERROR SUMMARY|definitely lost|All heap blocks" "$T/vg.log" | sed 's/^==[0-9]*== *//' | tr '\n' ' ')
finish "$n signal exits restored; valgrind: $vgsum"
