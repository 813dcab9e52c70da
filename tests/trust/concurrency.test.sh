#!/bin/sh
# Concurrency: two (then four) CLI processes logging at the same time into
# one journal, starting from no journal at all so that creating and
# migrating race too. Every entry must land once, with no "database is
# locked" and no other error. A reader (show, backup) running meanwhile
# must never fail either.
. tests/trust/lib.sh
J=$T/j.db
N=${CONC_N:-200}

# writer TAG: logs N runs with notes TAG-1 .. TAG-N, then N drinks.
writer() {
	i=1
	while [ $i -le "$N" ]; do
		$RUNLOG --db "$J" run 5km 25:00 --date 2026-06-0$((i % 9 + 1)) \
		    --note "$1-$i" >/dev/null 2>>"$T/$1.err" || echo "run $1-$i failed" >>"$T/$1.err"
		i=$((i + 1))
	done
}
# The writers create the journal, so the reader first waits for it: until
# the first run is committed, "no journal" is the right answer to a read,
# and any other message is still a failure.
reader() {
	while [ ! -e "$T/stop" ]; do
		$RUNLOG --db "$J" show --all >/dev/null 2>"$T/first.err" && break
		grep -qv "no journal at" "$T/first.err" && cat "$T/first.err" >>"$T/reader.err"
		sleep 0.05
	done
	while [ ! -e "$T/stop" ]; do
		$RUNLOG --db "$J" show --all >/dev/null 2>>"$T/reader.err" || echo "show failed" >>"$T/reader.err"
		$RUNLOG --db "$J" backup "$T/copy.db" >/dev/null 2>>"$T/reader.err" || echo "backup failed" >>"$T/reader.err"
		r=$((r + 1))
	done
}

writer A & a=$!
writer B & b=$!
reader & rd=$!
wait $a $b
touch "$T/stop"; wait $rd
for w in A B reader; do
	[ -s "$T/$w.err" ] && fail "$w: $(sort "$T/$w.err" | uniq -c | head -5)"
done
grep -l "locked\|busy" "$T"/*.err 2>/dev/null && fail "a process saw the journal locked"
for w in A B; do
	c=$(q "$J" "SELECT count(*) FROM run WHERE note LIKE '$w-%'")
	[ "$c" = "$N" ] || fail "writer $w: $c of $N runs in the journal"
	d=$(q "$J" "SELECT count(DISTINCT note) FROM run WHERE note LIKE '$w-%'")
	[ "$d" = "$N" ] || fail "writer $w: $d distinct notes of $N"
done
total=$(q "$J" 'SELECT count(*) FROM run')
[ "$total" = $((2 * N)) ] || fail "$total runs in all, want $((2 * N))"
[ "$(integrity "$J")" = ok ] || fail "integrity after concurrent writes"

# Four writers at once, with a journal that already exists.
rm -f "$T"/*.err
M=$((N / 4))
for w in C D E F; do N=$M writer $w & done
wait
for w in C D E F; do
	[ -s "$T/$w.err" ] && fail "$w: $(head -3 "$T/$w.err")"
	c=$(q "$J" "SELECT count(*) FROM run WHERE note LIKE '$w-%'")
	[ "$c" = "$M" ] || fail "writer $w: $c of $M runs"
done
[ "$(integrity "$J")" = ok ] || fail "integrity after four writers"
finish "2 x $N runs at once, then 4 x $M: $(q "$J" 'SELECT count(*) FROM run') runs, none lost"
