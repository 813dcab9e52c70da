#!/bin/sh
# Ctrl-C and SIGTERM during the commands that write a file of their own:
# export -o and backup, each interrupted TRIES times (20 by default) at
# delays spread over its run on a journal of 200 000 runs. After each:
# no temporary file left, hidden or not, beside the output or the journal,
# and the output is either absent or whole (the full export, a backup
# whose integrity check passes). Prints the number of interrupts that hit
# the command while it ran.
. tests/trust/lib.sh
. tests/hostile-lib.sh
tries=${TRIES:-20}
J=$T/j.db
"$RUNLOG" --db "$J" drink 250ml --date 2026-11-01 >/dev/null || fail "seed"
sqlite3 "$J" "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 200000)
    INSERT INTO run (day, distance_m, duration_s, rpe, note)
    SELECT date('1980-01-01', '+' || (i / 8) || ' days'), 5000 + i % 20000, 1800 + i % 3000, 1 + i % 10,
        'run ' || i || ' ' || hex(randomblob(40)) FROM c;" || fail "filling the journal"
"$RUNLOG" --db "$J" export >"$T/full.csv" 2>"$T/err" || fail "export: $(cat "$T/err")"
full=$(wc -l <"$T/full.csv")
# A signal delivered to a background job of a shell script is ignored
# unless reset: env --default-signal gives runlog the default handlers.
if env --default-signal=INT true 2>/dev/null; then DEF="env --default-signal=INT,TERM"
else DEF=""; echo "note: env --default-signal is missing; SIGINT may be ignored by background jobs"
fi

# usec CMD...: how long one run takes, in microseconds.
usec() { a=$(date +%s%N); "$@" >/dev/null 2>&1; b=$(date +%s%N); echo $(((b - a) / 1000)); }
hit=0; runs=0; leftover=0
for what in export backup; do
	rm -rf "$T/out"; mkdir "$T/out"
	case $what in
	export) out=$T/out/e.csv; set -- export -o "$out" ;;
	backup) out=$T/out/b.db; set -- backup "$out" ;;
	esac
	span=$(usec "$RUNLOG" --db "$J" "$@")
	rm -f "$out"
	i=0
	while [ $i -lt "$tries" ]; do
		i=$((i + 1))
		sig=INT; [ $((i % 2)) -eq 0 ] && sig=TERM
		# Delays from 0 to 1.2 times the command's run time.
		d=$((span * i * 6 / 5 / tries))
		$DEF "$RUNLOG" --db "$J" "$@" >/dev/null 2>"$T/err" &
		pid=$!
		sleep "$(printf '%d.%06d' $((d / 1000000)) $((d % 1000000)))"
		kill -$sig $pid 2>/dev/null
		wait $pid; rc=$?
		runs=$((runs + 1))
		[ $rc -gt 128 ] && hit=$((hit + 1))
		left=$(ls -A "$T/out" | grep -vxF "${out##*/}")
		left2=$(ls -A "$T" | grep -vxE 'j\.db|j\.db-wal|j\.db-shm|out|full\.csv|err|home')
		if [ -n "$left$left2" ]; then
			n=$(echo $left $left2 | wc -w); leftover=$((leftover + n))
			fail "$what, SIG$sig after $d us (exit $rc): left $n file(s): $(echo $left $left2 | cut -c1-200)"
			(cd "$T/out" && rm -f $left); (cd "$T" && rm -f $left2)
		fi
		if [ -e "$out" ]; then
			case $what in
			export) [ "$(wc -l <"$out")" -eq "$full" ] ||
			    fail "export, SIG$sig after $d us (exit $rc): a partial file $out" ;;
			backup) [ "$(integrity "$out")" = ok ] ||
			    fail "backup, SIG$sig after $d us (exit $rc): a damaged copy" ;;
			esac
			rm -f "$out" "$out"-*
		fi
	done
done
[ $hit -gt 0 ] || fail "no interrupt reached a running command: the timings test nothing"
[ $leftover -eq 0 ] || fail "$leftover temporary files left in $runs interrupts"
finish "$runs interrupts, $hit while the command ran"
