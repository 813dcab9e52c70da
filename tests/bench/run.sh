#!/bin/bash
# make bench: the lifetime benchmark. Every time is a ratio against a
# reference run in the same script on the same files (sqlite3 doing the
# same work, or the same action on a one-year journal), the two sides run
# in turn and compared by their medians, so that a busy shared machine
# moves both alike. Growth is counted in instructions (callgrind), which do
# not depend on the load at all.
#
#   bash tests/bench/run.sh BUILD-DIR
set -u
B=${1:-build-bench}
R=$(pwd)/$B/runlog
GEN=$(pwd)/$B/bench/gen
ANA=$(pwd)/$B/bench/analysis
TIMEIT=$(pwd)/$B/bench/timeit
W=$(mktemp -d /tmp/runlog-bench-XXXXXX)
trap 'tmux -L runlog-bench kill-server 2>/dev/null; rm -rf "$W"' EXIT
export RUNLOG_TODAY=2026-11-25 TZ=UTC HOME="$W" XDG_CONFIG_HOME="$W/config"
unset RUNLOG_DB NO_COLOR
RUNS=${BENCH_RUNS:-11}
met=0; total=0



# median FILE: the median of the numbers in FILE, one a line.
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# pair A-ARGV... -- B-ARGV...: runs the two commands in turn $RUNS times
# each (tests/bench/timeit.c: no shell between the timer and the
# command); sets TA and TB to their median wall times and CPU to the
# ratio of their median processor times, shown for information.
pair() {
	local t
	t=$("$TIMEIT" "$RUNS" "$@") || { TA=0; TB=1; CPU="?"; return; }
	set -- $t
	TA=$1; TB=$2; CPU=$(ratio "$3" "$4")
}

# report NAME VALUE TARGET OK(0|1)
report() {
	total=$((total + 1))
	if [ "$4" = 1 ]; then met=$((met + 1)); s=ok; else s=MISSED; fi
	echo "$1: $2 (target $3) $s"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }' && echo 1 || echo 0; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }' && echo 1 || echo 0; }

echo "generating journals (fixed seed)..."
"$GEN" "$W/life.db" 50 2026-11-25 || exit 1
"$GEN" "$W/year.db" 1 2026-11-25 || exit 1
RUNCOLS=$(sqlite3 "$W/life.db" "SELECT group_concat(name, ', ') FROM pragma_table_info('run')")

# 1. Export of every run against sqlite3 -csv selecting the same columns.
exp_r() { "$R" --db "$W/life.db" export --what runs -o "$W/runs.csv"; }
pair "$R" --db "$W/life.db" export --what runs -o "$W/runs.csv" -- \
    sqlite3 -csv -header "$W/life.db" "SELECT $RUNCOLS FROM run ORDER BY day, id"
x=$(ratio "$TA" "$TB")
report "export-runs/sqlite3 (cpu $CPU)" "$x" "<= 1.5" "$(le "$x" 1.5)"

# 2. Import of that export into a new journal against sqlite3 .import of
# the same file into a run table made from the journal's own schema (its
# columns, checks and indexes), in one transaction: the CSV is imported
# as it is, then converted into the run table by one INSERT ... SELECT.
exp_r
sqlite3 "$W/life.db" "SELECT sql || ';' FROM sqlite_schema WHERE tbl_name = 'run' AND type IN ('table', 'index') AND sql IS NOT NULL" > "$W/runtable.sql"
cat > "$W/ref-import.sql" <<EOF
BEGIN;
.read $W/runtable.sql
.import --csv $W/runs.csv csv_in
INSERT INTO run (day, start_utc, distance_m, duration_s, rpe, type, avg_hr,
    climb_m, mass_before_g, mass_after_g, note, source, external_id,
    created_at, updated_at)
SELECT date, CAST(NULLIF(start_time_utc, '') AS INTEGER),
    CAST(round(distance_km * 1000) AS INTEGER), CAST(duration_s AS INTEGER),
    CAST(NULLIF(rpe_1_10, '') AS INTEGER), type,
    CAST(NULLIF(avg_hr_bpm, '') AS INTEGER), CAST(NULLIF(climb_m, '') AS INTEGER),
    CAST(round(NULLIF(mass_before_kg, '') * 1000) AS INTEGER),
    CAST(round(NULLIF(mass_after_kg, '') * 1000) AS INTEGER),
    NULLIF(note, ''), source, NULLIF(external_id, ''), created_at, updated_at
FROM csv_in;
DROP TABLE csv_in;
COMMIT;
EOF
mkdir -p "$W/imp"
pair "$R" --db "$W/imp/a%N.db" import "$W/runs.csv" -- \
    sqlite3 "$W/imp/b%N.db" ".read $W/ref-import.sql"
n=$(sqlite3 "$W/imp/a0.db" "SELECT count(*) FROM run")
m=$(sqlite3 "$W/imp/b0.db" "SELECT count(*) FROM run")
x=$(ratio "$TA" "$TB")
ok=$(le "$x" 1.5); [ "$n" = "$m" ] || ok=0
report "import-runs/sqlite3 ($n runs, sqlite3 $m; cpu $CPU)" "$x" "<= 1.5" "$ok"

# 3. Importing the same file again into the journal that has its runs:
# nothing is added, every run (none with an external id) is found among
# those the journal holds; against the first import into a new journal.
rm -rf "$W/imp"; mkdir -p "$W/imp"
"$R" --db "$W/imp/again.db" import "$W/runs.csv" >/dev/null 2>&1
pair "$R" --db "$W/imp/again.db" import "$W/runs.csv" -- \
    "$R" --db "$W/imp/a%N.db" import "$W/runs.csv"
out=$("$R" --db "$W/imp/again.db" import "$W/runs.csv" 2>&1)
n=$(sqlite3 "$W/imp/again.db" "SELECT count(*) FROM run")
x=$(ratio "$TA" "$TB")
ok=$(le "$x" 1.5)
case $out in *"Added 0 runs"*) ;; *) ok=0 ;; esac
report "re-import/import ($n runs kept; cpu $CPU)" "$x" "<= 1.5" "$ok"
rm -rf "$W/imp"

# 4. runlog check, the whole process, against sqlite3 answering a count;
# and the import libraries stay off its start-up (runlog-read has them).
RUNS=$((RUNS * 3)) pair "$R" --db "$W/life.db" check -- \
    sqlite3 "$W/life.db" "SELECT count(*) FROM run"
x=$(ratio "$TA" "$TB")
report "check/sqlite3-count (cpu $CPU)" "$x" "<= 1.3" "$(le "$x" 1.3)"
libs=$( { ldd "$R"; LD_DEBUG=libs "$R" --db "$W/life.db" check 2>&1 >/dev/null; } |
    grep -oE 'lib(archive|expat|yajl)[^ ]*' | sort -u | tr '\n' ' ')
loaded=$(LD_DEBUG=statistics "$R" --db "$W/life.db" check 2>&1 >/dev/null |
    awk '/total startup time in dynamic loader/ { print $(NF-1) }' | head -1)
report "check start-up: import libraries linked (loader ${loaded:-?} cycles)" \
    "${libs:-none}" "none" "$([ -z "$libs" ] && echo 1 || echo 0)"

# 5. Growth: instructions on 50 years against 1 year.
instr() {
	valgrind --tool=callgrind --callgrind-out-file="$W/cg.out" "$@" \
	    >/dev/null 2>"$W/cg.err"
	awk '/^summary:/ { print $2 }' "$W/cg.out"
}
growth() {   # NAME ARGS...: a command or screen, 50y against 1y
	local name=$1 a b x
	shift
	a=$(instr "$R" --db "$W/life.db" "$@")
	b=$(instr "$R" --db "$W/year.db" "$@")
	x=$(ratio "$a" "$b")
	report "growth $name 50y/1y" "$x" "<= 1.2" "$(le "$x" 1.2)"
}
# built SCREEN-OR-COMMAND: 1 when this runlog has it.
built() {
	case $1 in
	screen\ *) "$R" screen "${1#screen }" --size 80x24 --db "$W/year.db" >/dev/null 2>&1 ;;
	*) "$R" --help 2>&1 | grep -qE "^ +$1( |$)" ;;
	esac && echo 1 || echo 0
}
growth check check
for screen in day week trends; do
	growth "$screen screen" screen "$screen"
done
# totals, records and the Shoes screen are left out: each reads the whole
# history by what it shows (every month, every run, every shoe's runs).
for c in fitness calendar; do
	growth "$c" "$c"
done
for c in next "screen plan" "screen calendar"; do
	if [ "$(built "$c")" = 1 ]; then
		# shellcheck disable=SC2086
		growth "$c" $c
	else
		report "growth $c 50y/1y" "not built" "<= 1.2" 0
	fi
done

# 6. The full analysis of 50 years with the series in memory: every day's
# metrics, every rule's flags and episodes, the fitness chart.
out=$("$ANA" "$W/life.db" 2026-11-25 9)
ms=${out%% ms*}
echo "  analysis: $out"
report "full analysis 50y in memory" "${ms} ms" "<= 30 ms" "$(le "$ms" 30)"

# 7. The whole trends process over every week of 50 years against sqlite3
# summing distance, runs and load per week, with the week's mean fatigue,
# sleep and fluid, over the same tables.
cat > "$W/weekly.sql" <<'EOF'
SELECT w, sum(dist), sum(nruns), sum(load), avg(fat), avg(sl), avg(fl) FROM (
  SELECT CAST((julianday(day) - 2443109.5) / 7 AS INTEGER) w, distance_m dist,
      1 nruns, duration_s / 60.0 * rpe load, NULL fat, NULL sl, NULL fl FROM run
  UNION ALL SELECT CAST((julianday(day) - 2443109.5) / 7 AS INTEGER), 0, 0, 0,
      fatigue, NULL, NULL FROM checkin
  UNION ALL SELECT CAST((julianday(day) - 2443109.5) / 7 AS INTEGER), 0, 0, 0,
      NULL, minutes, NULL FROM sleep
  UNION ALL SELECT w, 0, 0, 0, NULL, NULL, fl FROM (SELECT CAST((julianday(day)
      - 2443109.5) / 7 AS INTEGER) w, sum(volume_ml) fl FROM drink GROUP BY day)
) GROUP BY w ORDER BY w;
EOF
pair "$R" --db "$W/life.db" trends --weeks 2609 -- \
    sqlite3 "$W/life.db" ".read $W/weekly.sql"
x=$(ratio "$TA" "$TB")
report "trends --weeks 2609/sqlite3 weekly sums (cpu $CPU)" "$x" "<= 2" "$(le "$x" 2)"
s=$(awk -v a="$TA" 'BEGIN { printf "%.3f", a / 1e6 }')
report "full analysis 50y (trends --weeks 2609)" "${s} s" "< 0.5 s" "$(lt "$s" 0.5)"

# 8. The journal UI from exec to its first full frame, in a terminal
# (tmux), against sqlite3 opening the journal and counting runs in the same
# terminal the same way: the pane's shell notes the time and execs the
# program; the time ends when capture-pane first shows the frame's key bar
# (the UI) or the count (sqlite3).
tm() { tmux -L runlog-bench "$@"; }
frame() {   # MARKER SCRIPT: microseconds from exec to MARKER on screen
	local i=0 t1
	tm kill-server 2>/dev/null
	rm -f "$W/t0"
	tm new-session -d -x 80 -y 24 "bash $2" 2>/dev/null
	while [ $i -lt 2000 ]; do
		if tm capture-pane -p 2>/dev/null | grep -qF -- "$1"; then
			t1=${EPOCHREALTIME/[.,]/}
			[ -s "$W/t0" ] && { echo $((t1 - $(cat "$W/t0"))); return; }
		fi
		i=$((i + 1))
	done
	echo 999999999
}
cat > "$W/ui1.sh" <<EOF
echo \${EPOCHREALTIME/[.,]/} > $W/t0
exec $R --db $W/life.db
EOF
cat > "$W/sq1.sh" <<EOF
echo \${EPOCHREALTIME/[.,]/} > $W/t0
sqlite3 $W/life.db "SELECT count(*) FROM run"
exec sleep 9
EOF
ui1() { frame "[1 Day]" "$W/ui1.sh"; }
sq1() { frame "12060" "$W/sq1.sh"; }
: > "$W/fa"; : > "$W/fb"; i=0
while [ $i -lt "$RUNS" ]; do
	ui1 >> "$W/fa"; sq1 >> "$W/fb"; i=$((i + 1))
done
tm kill-server 2>/dev/null
x=$(ratio "$(median "$W/fa")" "$(median "$W/fb")")
report "UI first frame/sqlite3 count in tmux" "$x" "<= 1.5" "$(le "$x" 1.5)"

# 9. Peak memory of the journal UI on 50 years, visiting every screen.
tm new-session -d -x 80 -y 24 "$R --db $W/life.db" 2>/dev/null
wait_for() {
	local i=0
	while [ $i -lt 100 ]; do
		tm capture-pane -p 2>/dev/null | grep -qF -- "$1" && return 0
		i=$((i + 1)); sleep 0.1
	done
	return 1
}
pid=$(tm list-panes -F '#{pane_pid}')
wait_for "[1 Day]" || echo "bench: the journal did not open" >&2
for k in 2 3 4 5 1; do
	tm send-keys "$k"
	wait_for "[$k " || echo "bench: screen $k did not appear" >&2
done
kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
tm send-keys q
tm kill-server 2>/dev/null
kb=${kb:-999999}
mb=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
report "UI peak memory 50y" "${mb} MB" "< 32 MB" "$(lt "$mb" 32)"

# 10. FIT: runlog import --dry-run of the fixture files gpsbabel accepts,
# in one process, against one gpsbabel process per file converting it to
# GPX; then a folder of 1,000 generated FIT files (tests/bench/fitgen.py)
# imported into a new journal against gpsbabel over each of them (one
# pass: a sum of 1,000 processes).
if command -v gpsbabel >/dev/null; then
	FX=$(pwd)/tests/fixtures/fit
	mkdir -p "$W/fitset"
	for f in "$FX"/*.fit; do
		gpsbabel -i garmin_fit -f "$f" -o gpx -F /dev/null >/dev/null 2>&1 &&
		    cp "$f" "$W/fitset/"
	done
	n=$(ls "$W/fitset" | wc -l)
	babel_each() { for f in "$1"/*.fit; do gpsbabel -i garmin_fit -f "$f" -o gpx -F /dev/null; done; }
	fx_r() { "$R" --db "$W/fit.db" import --dry-run "$W/fitset"; }
	: > "$W/ta"; : > "$W/tb"; i=0
	while [ $i -lt "$RUNS" ]; do
		t0=${EPOCHREALTIME/[.,]/}; fx_r >/dev/null 2>&1; t1=${EPOCHREALTIME/[.,]/}
		babel_each "$W/fitset" >/dev/null 2>&1; t2=${EPOCHREALTIME/[.,]/}
		echo $((t1 - t0)) >> "$W/ta"; echo $((t2 - t1)) >> "$W/tb"
		i=$((i + 1))
	done
	ok=1; fx_r >/dev/null 2>&1 || ok=0
	x=$(ratio "$(median "$W/ta")" "$(median "$W/tb")")
	[ "$ok" = 1 ] && ok=$(le "$x" 0.25)
	report "FIT fixtures/gpsbabel ($n files)" "$x" "<= 0.25" "$ok"
	python3 tests/bench/fitgen.py "$W/fit1k" 1000 || exit 1
	imp1k() { rm -f "$W/fit1k.db"*; "$R" --db "$W/fit1k.db" import "$W/fit1k"; }
	: > "$W/ta"; i=0
	while [ $i -lt 3 ]; do
		t0=${EPOCHREALTIME/[.,]/}; imp1k >/dev/null 2>&1; t1=${EPOCHREALTIME/[.,]/}
		echo $((t1 - t0)) >> "$W/ta"; i=$((i + 1))
	done
	n=$(sqlite3 "$W/fit1k.db" "SELECT count(*) FROM run" 2>/dev/null)
	t0=${EPOCHREALTIME/[.,]/}; babel_each "$W/fit1k" >/dev/null 2>&1; t1=${EPOCHREALTIME/[.,]/}
	x=$(ratio "$(median "$W/ta")" $((t1 - t0)))
	ok=$(le "$x" 0.25); [ "$n" = 1000 ] || ok=0
	report "FIT 1000 files/gpsbabel (${n:-0} runs)" "$x" "<= 0.25" "$ok"
else
	report "FIT fixtures/gpsbabel" "no gpsbabel" "<= 0.25" 0
	report "FIT 1000 files/gpsbabel" "no gpsbabel" "<= 0.25" 0
fi

echo "bench: $met of $total targets met"
