#!/bin/sh
# make bench: the lifetime benchmark. Every figure is a ratio against a
# reference run in the same script on the same files (sqlite3 doing the
# same work, or the same action on a one-year journal), so that a busy
# shared machine moves both sides alike.
#
#   tests/bench/run.sh BUILD-DIR
set -u
B=${1:-build-bench}
R=$(pwd)/$B/runlog
GEN=$(pwd)/$B/bench/gen
W=$(mktemp -d /tmp/runlog-bench-XXXXXX)
trap 'tmux -L runlog-bench kill-server 2>/dev/null; rm -rf "$W"' EXIT
export RUNLOG_TODAY=2026-11-25 TZ=UTC HOME="$W" XDG_CONFIG_HOME="$W/config"
unset RUNLOG_DB NO_COLOR
RUNS=${BENCH_RUNS:-7}
met=0; total=0

now_ns() { date +%s%N; }

# median_ns CMD...: the median wall time of $RUNS runs, in nanoseconds.
median_ns() {
	i=0; : > "$W/times"
	while [ $i -lt "$RUNS" ]; do
		t0=$(now_ns); "$@" >/dev/null 2>&1; t1=$(now_ns)
		echo $((t1 - t0)) >> "$W/times"; i=$((i + 1))
	done
	sort -n "$W/times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# report NAME VALUE TARGET OK(0|1)
report() {
	total=$((total + 1))
	if [ "$4" = 1 ]; then met=$((met + 1)); s=ok; else s=MISSED; fi
	echo "$1: $2 (target $3) $s"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }' && echo 1 || echo 0; }

echo "generating journals (fixed seed)..."
"$GEN" "$W/life.db" 50 2026-11-25 || exit 1
"$GEN" "$W/year.db" 1 2026-11-25 || exit 1
RUNCOLS=$(sqlite3 "$W/life.db" "SELECT group_concat(name, ', ') FROM pragma_table_info('run')")

# 1. Export of every run against sqlite3 -csv selecting the same columns.
a=$(median_ns "$R" --db "$W/life.db" export --what runs -o "$W/runs.csv")
b=$(median_ns sqlite3 -csv -header "$W/life.db" "SELECT $RUNCOLS FROM run ORDER BY day, id")
x=$(ratio "$a" "$b")
report "export-runs/sqlite3" "$x" "<= 1.5" "$(le "$x" 1.5)"

# 2. Import of that export into an empty journal against sqlite3 .import.
imp() { rm -f "$W/imp.db"*; "$R" --db "$W/imp.db" import "$W/runs.csv"; }
ref() { rm -f "$W/ref.db"*; sqlite3 "$W/ref.db" ".import --csv $W/runs.csv run"; }
"$R" --db "$W/life.db" export --what runs -o "$W/runs.csv"
a=$(median_ns imp)
b=$(median_ns ref)
n=$(sqlite3 "$W/imp.db" "SELECT count(*) FROM run")
x=$(ratio "$a" "$b")
report "import-runs/sqlite3 ($n runs)" "$x" "<= 3" "$(le "$x" 3)"

# 3. runlog check, the whole process, against sqlite3 answering a count.
a=$(median_ns "$R" --db "$W/life.db" check)
b=$(median_ns sqlite3 "$W/life.db" "SELECT count(*) FROM run")
x=$(ratio "$a" "$b")
report "check/sqlite3-count" "$x" "<= 3" "$(le "$x" 3)"

# 4. Growth: instructions on 50 years against 1 year (callgrind counts
# instructions, which do not depend on the machine's load).
instr() {
	valgrind --tool=callgrind --callgrind-out-file="$W/cg.out" "$@" \
	    >/dev/null 2>"$W/cg.err"
	awk '/^summary:/ { print $2 }' "$W/cg.out"
}
a=$(instr "$R" --db "$W/life.db" check)
b=$(instr "$R" --db "$W/year.db" check)
x=$(ratio "$a" "$b")
report "growth check 50y/1y" "$x" "<= 1.2" "$(le "$x" 1.2)"
for screen in day week trends; do
	a=$(instr "$R" --db "$W/life.db" screen "$screen")
	b=$(instr "$R" --db "$W/year.db" screen "$screen")
	x=$(ratio "$a" "$b")
	report "growth $screen screen 50y/1y" "$x" "<= 1.2" "$(le "$x" 1.2)"
done

# 5. Full analysis of every day of 50 years.
a=$(median_ns "$R" --db "$W/life.db" trends --weeks 2609)
x=$(awk -v a="$a" 'BEGIN { printf "%.3f", a / 1e9 }')
report "full analysis 50y (trends --weeks 2609)" "${x} s" "< 0.5 s" "$(awk -v a="$x" 'BEGIN { print (a < 0.5) ? 1 : 0 }')"

# 6. Peak memory of the journal UI on 50 years, visiting every screen.
tmux -L runlog-bench kill-server 2>/dev/null
tmux -L runlog-bench new-session -d -x 80 -y 24 "$R --db $W/life.db"
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		tmux -L runlog-bench capture-pane -p 2>/dev/null | grep -qF -- "$1" && return 0
		i=$((i + 1)); sleep 0.1
	done
	return 1
}
pid=$(tmux -L runlog-bench list-panes -F '#{pane_pid}')
wait_for "[1 Day]" || echo "bench: the journal did not open" >&2
for k in 2 3 4 5 1; do
	tmux -L runlog-bench send-keys "$k"
	wait_for "[$k " || echo "bench: screen $k did not appear" >&2
done
kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
tmux -L runlog-bench send-keys q
kb=${kb:-999999}
mb=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
report "UI peak memory 50y" "${mb} MB" "< 32 MB" "$(awk -v a="$mb" 'BEGIN { print (a < 32) ? 1 : 0 }')"

# 7. FIT: runlog import --dry-run of the fixture files gpsbabel accepts, in
# one process, against one gpsbabel process per file converting it to GPX;
# then a folder of 1,000 generated FIT files (tests/bench/fitgen.py) imported
# into a new journal against gpsbabel over each of them.
if command -v gpsbabel >/dev/null; then
	FX=$(pwd)/tests/fixtures/fit
	mkdir -p "$W/fitset"
	for f in "$FX"/*.fit; do
		gpsbabel -i garmin_fit -f "$f" -o gpx -F /dev/null >/dev/null 2>&1 &&
		    cp "$f" "$W/fitset/"
	done
	n=$(ls "$W/fitset" | wc -l)
	babel_each() { for f in "$1"/*.fit; do gpsbabel -i garmin_fit -f "$f" -o gpx -F /dev/null; done; }
	a=$(median_ns "$R" --db "$W/fit.db" import --dry-run "$W/fitset")
	b=$(median_ns babel_each "$W/fitset")
	x=$(ratio "$a" "$b")
	report "FIT fixtures/gpsbabel ($n files)" "$x" "<= 0.25" "$(le "$x" 0.25)"
	python3 tests/bench/fitgen.py "$W/fit1k" 1000 || exit 1
	imp1k() { rm -f "$W/fit1k.db"*; "$R" --db "$W/fit1k.db" import "$W/fit1k"; }
	a=$(median_ns imp1k)
	b=$(RUNS=3 median_ns babel_each "$W/fit1k")
	x=$(ratio "$a" "$b")
	report "FIT 1000 files/gpsbabel" "$x" "<= 0.25" "$(le "$x" 0.25)"
else
	report "FIT fixtures/gpsbabel" "no gpsbabel" "<= 0.25" 0
	report "FIT 1000 files/gpsbabel" "no gpsbabel" "<= 0.25" 0
fi

echo "bench: $met of $total targets met"
