#!/bin/sh
# Crash safety: writes killed with SIGKILL at random moments. Phases: CLI
# logging, deletes, undo, batches of 5000 rows through the store's batch
# path, and runlog import of 5000-row Strava files. After each
# phase: PRAGMA integrity_check is ok, every write that exited 0 is in the
# journal, every interrupted batch is all or nothing, and nothing is left
# mid-change. KILLTEST_KILLS sets the number of kills (default 240).
. tests/trust/lib.sh
build=$(dirname "$RUNLOG")
KILLER=$build/tests/trust_killer
BATCH=$build/tests/trust_batch
[ -x "$KILLER" ] && [ -x "$BATCH" ] || { echo "FAIL: $KILLER or $BATCH not built" >&2; exit 1; }
kills=${KILLTEST_KILLS:-240}
J=$T/j.db
seed=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
total_killed=0; total_runs=0

# usec CMD...: how long one run takes, in microseconds (median of 7).
usec() {
	for _ in 1 2 3 4 5 6 7; do
		a=$(date +%s%N); "$@" >/dev/null 2>&1; b=$(date +%s%N)
		echo $(((b - a) / 1000))
	done | sort -n | sed -n 4p
}

# kill_phase NAME KILLS MAX DELAY_US BASE CMD...: runs killer and adds up
# its counts; NAME.ok lists the numbers whose write exited 0.
kill_phase() {
	ph=$1 k=$2 n=$3 d=$4 b=$5; shift 5
	"$KILLER" -k "$k" -n "$n" -d "$d" -p 80 -b "$b" -s "$seed" -o "$T/$ph.ok" -- "$@" \
	    >"$T/$ph.stat" 2>"$T/$ph.err" ||
	    fail "$ph: a write failed without being killed: $(head -3 "$T/$ph.err")"
	touch "$T/$ph.ok"
	# shellcheck disable=SC2046
	set -- $(cat "$T/$ph.stat")
	echo "  $ph: $*, delays up to $d us"
	total_runs=$((total_runs + $2)); total_killed=$((total_killed + $4))
	[ "$6" -gt 0 ] || [ "$2" -lt 20 ] ||
	    fail "$ph: no write ever finished: the delays are too short to test anything"
}

consistent() {
	[ "$(integrity "$J")" = ok ] || fail "after $1: integrity_check: $(integrity "$J" | head -3)"
	[ -z "$(sqlite3 -readonly "$J" 'PRAGMA foreign_key_check')" ] || fail "after $1: foreign keys"
	[ "$(q "$J" 'SELECT grp FROM undo_state')" = 0 ] || fail "after $1: an undo group was left open"
	$RUNLOG --db "$J" show --all >/dev/null 2>"$T/show.err" ||
	    fail "after $1: the journal does not open: $(cat "$T/show.err")"
}

echo "killtest: seed $seed"
$RUNLOG --db "$J" drink 250ml >/dev/null || fail "creating the journal"
t_run=$(usec "$RUNLOG" --db "$T/cal.db" run 5km 25:00)

# 1. Logging runs, each with a note that names its number.
kill_phase log $((kills * 2 / 5)) $((kills * 4)) $((t_run * 2)) 0 \
    "$RUNLOG" --db "$J" run 5km 25:00 --date 2026-06-01 --note "kt-%d"
consistent "killed logging"
while read -r i; do
	c=$(q "$J" "SELECT count(*) FROM run WHERE note = 'kt-$i'")
	[ "$c" = 1 ] || fail "run kt-$i reported success but is in the journal $c times"
done <"$T/log.ok"

# 2. Deleting those runs by id; ids are 1..N since nothing else added runs
# and a rolled-back insert takes no id.
nruns=$(q "$J" 'SELECT max(id) FROM run')
[ "$(q "$J" 'SELECT count(*) FROM run')" = "$nruns" ] || fail "run ids are not 1..$nruns"
kill_phase delete $((kills / 5)) "$nruns" $((t_run * 2)) 1 \
    "$RUNLOG" --db "$J" delete "r%d"
consistent "killed deletes"
while read -r i; do
	[ "$(q "$J" "SELECT count(*) FROM run WHERE id = $i")" = 0 ] ||
	    fail "delete r$i reported success but the run is still there"
done <"$T/delete.ok"

# 3. Undo, killed: each undo that finished put back exactly one deletion
# (or removed one earlier run); the journal stays consistent.
before=$(q "$J" 'SELECT count(*) FROM run')
kill_phase undo $((kills / 10)) $((kills * 2)) $((t_run * 2)) 0 \
    "$RUNLOG" --db "$J" undo
consistent "killed undo"
after=$(q "$J" 'SELECT count(*) FROM run')
nundo=$(wc -l <"$T/undo.ok")
[ "$after" -ge "$before" ] || fail "undo of deletes lost runs: $before -> $after"
[ "$after" -le $((before + nundo + kills)) ] || fail "undo put back more runs than it could"

# 4. Batches of 5000 runs through store_begin/store_commit, as an import
# writes them: each batch is all there or not there at all.
t_batch=$(usec "$BATCH" "$T/cal.db" cal 5000)
kill_phase batch $((kills * 3 / 10)) $((kills * 3)) $((t_batch * 3)) 0 \
    "$BATCH" "$J" "b%d" 5000
consistent "killed batches"
q "$J" "SELECT substr(external_id, 1, instr(external_id, '-') - 1), count(*)
    FROM run WHERE source = 'killtest' GROUP BY 1" >"$T/batches"
while IFS='|' read -r tag c; do
	[ "$c" = 5000 ] || fail "batch $tag is half-done: $c of 5000 rows"
done <"$T/batches"
while read -r i; do
	grep -q "^b$i|5000\$" "$T/batches" || fail "batch b$i reported success but is not whole"
done <"$T/batch.ok"
nb=$(wc -l <"$T/batches")

# 5. More logging until the kills add up to the target (timing varies).
if [ "$total_killed" -lt "$kills" ]; then
	kill_phase more $((kills - total_killed)) $((kills * 4)) $((t_run * 2)) 100000 \
	    "$RUNLOG" --db "$J" run 5km 25:00 --date 2026-06-02 --note "kt-%d"
	consistent "more killed logging"
	while read -r i; do
		c=$(q "$J" "SELECT count(*) FROM run WHERE note = 'kt-$i'")
		[ "$c" = 1 ] || fail "run kt-$i reported success but is in the journal $c times"
	done <"$T/more.ok"
fi

# 6. runlog import of a Strava file of 5000 runs, a new file each time
# (activity ids I*100000+n): every import is all there or not at all.
# Skipped while runlog has no import command.
strava() {
	awk -v base="$1" 'BEGIN {
		print "id,date,name,type,description,elapsed_time,distance,commute,gear,filename"
		for (i = 0; i < 5000; i++)
			printf "%d,%s,Run %d,Run,,1800,5000.0,false,,\n", base * 100000 + i,
			    strftime("%Y-%m-%d %H:%M:%S", 1500000000 + i * 30000, 1), i
	}' >"$T/imp-$1.csv"
}
nimp=0
if $RUNLOG import --help >/dev/null 2>&1; then
	# Timed on a copy of the journal as it is now: its size matters.
	strava 1
	cp "$J" "$T/cal-imp.db"
	a=$(date +%s%N); "$RUNLOG" --db "$T/cal-imp.db" import "$T/imp-1.csv" >/dev/null; b=$(date +%s%N)
	t_imp=$(((b - a) / 1000))
	rm -f "$T/imp-1.csv" "$T/cal-imp.db"
	i=10; ikilled=0
	: >"$T/import.ok"
	while [ $ikilled -lt $((kills / 5)) ] && [ $i -lt $((10 + kills)) ]; do
		strava $i
		"$KILLER" -k 1 -n 1 -d $((t_imp * 3)) -p 80 -b $i -s $((seed + i)) -o "$T/import.ok" -- \
		    "$RUNLOG" --db "$J" import "$T/imp-%d.csv" >"$T/import.stat" 2>"$T/import.err" ||
		    fail "import $i failed without being killed: $(head -3 "$T/import.err")"
		# shellcheck disable=SC2046
		set -- $(cat "$T/import.stat")
		ikilled=$((ikilled + $4)); total_killed=$((total_killed + $4)); total_runs=$((total_runs + 1))
		c=$(q "$J" "SELECT count(*) FROM run WHERE source = 'strava' AND
		    CAST(external_id AS INTEGER) / 100000 = $i")
		[ "$c" = 0 ] || [ "$c" = 5000 ] || fail "import $i is half-done: $c of 5000 runs"
		rm -f "$T/imp-$i.csv"
		i=$((i + 1)); nimp=$((nimp + 1))
	done
	consistent "killed imports"
	while read -r i; do
		c=$(q "$J" "SELECT count(*) FROM run WHERE source = 'strava' AND
		    CAST(external_id AS INTEGER) / 100000 = $i")
		[ "$c" = 5000 ] || fail "import $i reported success but $c of 5000 runs are there"
	done <"$T/import.ok"
	echo "  import: runs $nimp killed $ikilled ok $(wc -l <"$T/import.ok"), delays up to $((t_imp * 3)) us"
	[ "$(wc -l <"$T/import.ok")" -gt 0 ] || fail "import: no import ever finished"
fi

[ "$total_killed" -ge 200 ] || fail "only $total_killed processes were killed (want >= 200)"
finish "$total_killed kills in $total_runs runs, $nb whole batches of 5000, $nimp imports"
