#!/bin/sh
# The journal UI end to end: the real binary in a detached tmux session at
# 80x24 on a temporary journal. A run, a sleep, a check-in and two glasses
# of water are logged with keystrokes and seen on the Day and Week screens;
# a bad value is refused; the terminal is resized to 40x12 and back; '?'
# opens; q quits. Then the journal must hold exactly what was typed.
# Every wait polls the screen until the text appears, with a timeout.
# Then every catchable signal that ends a process by default (USR1, USR2,
# ALRM, PIPE, XCPU, XFSZ, VTALRM, PROF) is sent to the UI: it exits with
# 128 + the signal, having left the alternate screen, shown the cursor and
# given back the terminal modes (stty -a as before).
. tests/lib.sh
if ! command -v tmux >/dev/null 2>&1; then
	echo "ui.test.sh: tmux is needed (make test-deps installs it)" >&2
	exit 1
fi
SOCK=runlog-ui-$$
TM="tmux -L $SOCK -f /dev/null"
trap '$TM kill-server 2>/dev/null; rm -rf "$T"' EXIT
DB=$T/j.db

# wait_for TEXT: polls the pane for up to 10 s.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		$TM capture-pane -p -t ui >"$T/screen" 2>/dev/null
		if grep -qF -- "$1" "$T/screen"; then ok; return 0; fi
		i=$((i + 1)); sleep 0.1
	done
	fail "the screen never showed '$1'"
	sed 's/^/  screen: /' "$T/screen" >&2
	return 1
}
# gone TEXT: polls until the text is no longer on the pane.
gone() {
	i=0
	while [ $i -lt 100 ]; do
		$TM capture-pane -p -t ui >"$T/screen" 2>/dev/null
		if ! grep -qF -- "$1" "$T/screen"; then ok; return 0; fi
		i=$((i + 1)); sleep 0.1
	done
	fail "'$1' stayed on the screen"
	return 1
}
# exited: waits for the binary's exit status in $T/status.
exited() {
	i=0
	while [ $i -lt 100 ]; do
		[ -s "$T/status" ] && return 0
		i=$((i + 1)); sleep 0.1
	done
	fail "runlog did not exit"
	return 1
}
keys() { $TM send-keys -t ui "$@"; }
text() { $TM send-keys -t ui -l -- "$1"; }

start() {
	rm -f "$T/status"
	$TM new-session -d -s ui -x 80 -y 24 \
	    "env LANG=C.UTF-8 TERM=xterm-256color $RUNLOG --db '$DB'; echo \$? >'$T/status'"
}

start
wait_for "[1 Day]"
wait_for "Wednesday 2026-11-25  today"
wait_for "none yet (r adds one)"

# A run: distance, duration, type (t = tempo), RPE.
keys r
wait_for "New run on Wed 2026-11-25"
text "10km"; keys Tab; text "52:30"; keys Tab; text "t"; keys Tab; text "6"
wait_for "< tempo >"
keys Enter
wait_for "Saved run 10.00 km on 2026-11-25"
wait_for "10.00 km  52:30  5:15 /km  RPE 6  tempo"

# A bad value is shown with its range and never saved.
keys r
wait_for "New run on"
text "600km"
wait_for "more than 0 and at most 500 km"
keys Tab; text "45:00"; keys Enter
wait_for "Not saved: Distance is wrong"
keys Escape
wait_for "Cancelled; nothing saved"

# Sleep, the check-in, two glasses of water.
keys s
wait_for "New sleep on"
text "7:45"; keys Tab; text "4"; keys Enter
wait_for "7h45  quality 4/5"
keys f
wait_for "New check-in on"
text "6"; keys Tab; text "5"; keys Enter
wait_for "fatigue 6/10  sore 5/10"
keys w
wait_for "0.25 l of 2.00 l"
keys w
wait_for "0.50 l of 2.00 l  25%  2 drinks"

# Export from the Day screen to a typed path.
keys E
wait_for "Export the whole journal as CSV"
keys Tab C-u; text "$T/days.csv"; keys Enter
wait_for "Wrote 1 day to $T/days.csv"
same "$(wc -l <"$T/days.csv" | tr -d ' ')" 2 "the export is not a header and one day"
same "$(stat -c %a "$T/days.csv")" 600 "the export is not mode 600"

# "all" writes the files of runlog export --all into a directory.
keys E
wait_for "Export the whole journal as CSV"
text "a"; keys Tab
wait_for "a new directory, one file for each kind in it"
keys C-u; text "$T/every"; keys Enter
wait_for "Wrote 7 files to $T/every/: 1 run"
for f in runs sleep hydration fatigue rest days; do
	[ -s "$T/every/$f.csv" ] && ok || fail "the UI's export wrote no $f.csv"
done
"$RUNLOG" --db "$DB" export --all -o "$T/cli" >/dev/null
for f in runs sleep hydration fatigue rest days; do
	cmp -s "$T/every/$f.csv" "$T/cli/$f.csv" && ok ||
	    fail "the UI's $f.csv differs from runlog export --all's"
done

# The week shows the same day.
keys 2
wait_for "Week Mon 2026-11-23 to Sun 2026-11-29"
wait_for ">Wed 25    10.00    52:30   315   7h45   0.50    6"
wait_for " Total     10.00    52:30   315"

# Smaller and back: redrawn at once, still usable.
$TM resize-window -t ui -x 40 -y 12
wait_for "Week of 11-23  10.00 km"
wait_for ">Wed 25    10.00   7h45    6"
keys 1
wait_for "Fluid     ██▌······· 0.50 l"
$TM resize-window -t ui -x 80 -y 24
wait_for "Fluid     █████··············· 0.50 l of 2.00 l"
keys 2
wait_for "Week Mon 2026-11-23"

# The keys of the screen, from its key table.
keys "?"
wait_for "Keys: Week"
wait_for "open the selected day"
keys x
gone "Keys: Week"

# q goes back to Day, then quits.
keys q
wait_for "[1 Day]"
keys q
exited
same "$(cat "$T/status" 2>/dev/null)" 0 "runlog exited $(cat "$T/status" 2>/dev/null), not 0"

# Exactly what was typed, nothing else.
same "$(sqlite3 "$DB" "SELECT day, distance_m, duration_s, rpe, type FROM run WHERE day = '2026-11-25'")" \
    "2026-11-25|10000|3150|6|tempo" "the run is not what was typed"
same "$(sqlite3 "$DB" "SELECT day, minutes, quality FROM sleep")" \
    "2026-11-25|465|4" "the sleep is not what was typed"
same "$(sqlite3 "$DB" "SELECT day, fatigue, soreness, mood, rhr, pain FROM checkin")" \
    "2026-11-25|6|5|||0" "the check-in is not what was typed"
same "$(sqlite3 "$DB" "SELECT day, volume_ml, electrolytes FROM drink ORDER BY id" | tr '\n' ' ')" \
    "2026-11-25|250|0 2026-11-25|250|0 " "the drinks are not two glasses"
same "$(count "$DB" rest)" 0 "a rest day appeared"
expect 0 "$RUNLOG" show --db "$DB"
out_has "run      10.00 km  52:30  5:15 /km  tempo  RPE 6"

# Yesterday, as a runner logs it the morning after: [ then the same keys
# (24 in all). The form's date is offered filled in; q is typed, not a
# cancel; a duration without its unit names the forms it takes.
start
wait_for "[1 Day]"
keys "["
wait_for "Tuesday 2026-11-24  yesterday"
keys r
wait_for "New run on Tue 2026-11-24"
wait_for "[2026-11-24"
text "8km"; keys Tab; text "40"
wait_for "expected 52:30, 1:05:00 or 45m"
text ":00"; keys Tab Tab Tab Tab Tab Tab Tab; text "quiet roads"
wait_for "[quiet roads"
keys Left Left Left Left Left Left C-w
wait_for "[ roads"
keys Enter
wait_for "Saved run 8.00 km on 2026-11-24"
keys s; text "7"; keys Enter
wait_for "Sleep     7h00"
keys f; text "3"; keys Enter
wait_for "fatigue 3/10"
keys w w
wait_for "0.50 l of 2.00 l  25%  2 drinks"
# Go to a day by typing it; Ctrl-R redoes what u undid.
keys g; text "-5"; keys Enter
wait_for "Friday 2026-11-20"
keys t
wait_for "Wednesday 2026-11-25  today"
keys u
wait_for "Undone:"
keys C-r
wait_for "Redone:"
keys q
exited
same "$(sqlite3 "$DB" "SELECT day, distance_m, duration_s, note FROM run WHERE day = '2026-11-24'")" \
    "2026-11-24|8000|2400| roads" "yesterday's run is not what was typed"
same "$(sqlite3 "$DB" "SELECT count(*), sum(volume_ml) FROM drink WHERE day = '2026-11-24'")" \
    "2|500" "yesterday's glasses are not two"

# A terminal that cannot show the screens: a clear message, status 1.
rm -f "$T/status"
TM="tmux -L $SOCK-dumb -f /dev/null"
$TM new-session -d -s ui -x 80 -y 24 \
    "env LANG=C.UTF-8 TERM=dumb $RUNLOG --db '$DB' 2>&1; echo \$? >'$T/status'; exec cat"
exited
wait_for "cannot move the cursor"
wait_for "'runlog show'"
same "$(cat "$T/status")" 1 "TERM=dumb exited $(cat "$T/status"), not 1"
$TM kill-server 2>/dev/null
rm -f "$T/status"
TM="tmux -L $SOCK-small -f /dev/null"
$TM new-session -d -s ui -x 30 -y 10 \
    "env LANG=C.UTF-8 TERM=xterm-256color $RUNLOG --db '$DB' 2>&1; echo \$? >'$T/status'; exec cat"
exited
wait_for "smaller than the 40x12"
same "$(cat "$T/status")" 1 "a 30x10 terminal exited $(cat "$T/status"), not 1"
$TM kill-server 2>/dev/null
TM="tmux -L $SOCK-main -f /dev/null"

# A damaged journal: the first frame is drawn from what a read checks,
# but the whole file is checked before the first key, so the UI ends with
# the message a writing command gives, status 1, and the file is as it
# was (a key sent meanwhile writes nothing).
D=$T/damaged.db
$RUNLOG --db "$D" drink 250ml >/dev/null || fail "damaged: seed"
sqlite3 "$D" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
    INSERT INTO run (day, distance_m, duration_s, note) SELECT '2026-01-01', 5000, 1500, printf('%.3000c', 'x') FROM n"
dd if=/dev/zero of="$D" bs=4096 seek=150 count=1 conv=notrunc 2>/dev/null
[ "$(sqlite3 "$D" 'PRAGMA quick_check' 2>/dev/null | head -1)" != ok ] ||
    fail "damaged: the set-up did not damage the journal"
sum_before=$(cksum <"$D")
rm -f "$T/status"
TM="tmux -L $SOCK-damaged -f /dev/null"
$TM new-session -d -s ui -x 80 -y 24 \
    "env LANG=C.UTF-8 TERM=xterm-256color $RUNLOG --db '$D' 2>&1; echo \$? >'$T/status'; exec cat"
$TM send-keys -t ui w 2>/dev/null
exited
wait_for "the journal is damaged"
same "$(cat "$T/status")" 1 "a damaged journal exited $(cat "$T/status"), not 1"
same "$(cksum <"$D")" "$sum_before" "the UI changed a damaged journal"
[ ! -e "$D-wal" ] || [ ! -s "$D-wal" ] || fail "the UI wrote a WAL beside a damaged journal"
$TM kill-server 2>/dev/null
TM="tmux -L $SOCK-main -f /dev/null"

# Ctrl-C leaves cleanly too, with the interrupt's status.
start
wait_for "[1 Day]"
keys C-c
exited
same "$(cat "$T/status" 2>/dev/null)" 130 "Ctrl-C exited $(cat "$T/status" 2>/dev/null), not 130"

# Signals that end a process by default: the terminal comes back whole.
# The pane records the modes before and after and stays open (cat) so
# tmux can say whether the alternate screen is still on.
waitfile() {
	i=0
	while [ $i -lt 100 ]; do
		[ -s "$1" ] && return 0
		i=$((i + 1)); sleep 0.1
	done
	fail "$1 never appeared"
	return 1
}
pane() { $TM display -p -t ui "$1"; }
# Each start gets its own tmux server: reusing one right after
# kill-server races with its shutdown.
nsig=0
for sig in USR1:10 USR2:12 ALRM:14 PIPE:13 XCPU:24 XFSZ:25 VTALRM:26 PROF:27; do
	name=${sig%:*}; num=${sig#*:}
	$TM kill-server 2>/dev/null
	TM="tmux -L $SOCK-$name -f /dev/null"
	rm -f "$T/status" "$T/pid" "$T/stty.before" "$T/stty.after"
	$TM new-session -d -s ui -x 80 -y 24 "stty -a >'$T/stty.before';
	    env LANG=C.UTF-8 TERM=xterm-256color sh -c 'echo \$\$ >\"$T/pid\"; exec \"$RUNLOG\" --db \"$DB\"';
	    echo \$? >'$T/status'; stty -a >'$T/stty.after'; exec cat"
	waitfile "$T/pid" || continue
	wait_for "[1 Day]"
	# Meaningful only when the UI really took the terminal.
	same "$(pane '#{alternate_on}')" 1 "SIG$name: the UI was not on the alternate screen"
	kill -"$name" "$(cat "$T/pid")"
	waitfile "$T/stty.after" || continue
	same "$(cat "$T/status")" $((128 + num)) "SIG$name: exit $(cat "$T/status"), want $((128 + num))"
	same "$(pane '#{alternate_on}')" 0 "SIG$name: the alternate screen is still on"
	same "$(pane '#{cursor_flag}')" 1 "SIG$name: the cursor is still hidden"
	if cmp -s "$T/stty.before" "$T/stty.after"; then ok; else
		fail "SIG$name: the terminal modes changed"
		diff "$T/stty.before" "$T/stty.after" | sed 's/^/  stty: /' >&2
	fi
	for mode in icanon echo icrnl opost isig; do
		if grep -qE "(^| )-$mode( |\$)" "$T/stty.after"; then
			fail "SIG$name: stty -a shows -$mode"
		else
			ok
		fi
	done
	nsig=$((nsig + 1))
done
same "$nsig" 8 "only $nsig of 8 signals were tried"

done_tests
