#!/bin/sh
# Runs every libFuzzer target built in DIR for FUZZ_SECONDS each (default
# 60), FUZZ_JOBS at a time (default 2), starting from the committed seed
# corpus. Fails on any crash, sanitizer report, leak or hang (-timeout),
# and names the input to keep as a regression test under
# tests/fuzz/regress/NAME/. Prints the executions per target.
#   sh tests/fuzz/run.sh build-fuzz                 # 60 s each
#   FUZZ_SECONDS=10 sh tests/fuzz/run.sh build-fuzz # a quick local run
set -u
dir=${1:-build-fuzz}
secs=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-2}
out=$dir/fuzz-out
mkdir -p "$out"

# The longest input worth trying, per target: short tokens vs whole files.
max_len() {
	case $1 in
	fuzz_journal) echo 65536 ;;
	fuzz_config) echo 4096 ;;
	fuzz_csv_values) echo 256 ;;
	fuzz_csv*|fuzz_import*|fuzz_fit|fuzz_garmin_json|fuzz_wellness) echo 65536 ;;
	*) echo 128 ;;
	esac
}

run_one() {
	t=$1; name=${t#fuzz_}
	work=$out/corpus-$name
	mkdir -p "$work" "$out/crash-$name"
	seeds=tests/fuzz/corpus/$name
	[ -d "$seeds" ] || seeds=
	# shellcheck disable=SC2086
	"$dir/fuzz/$t" -max_total_time="$secs" -max_len="$(max_len "$t")" \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$out/crash-$name/" "$work" $seeds \
	    >"$out/$t.log" 2>&1
	echo $? >"$out/$t.rc"
}

# The programs only: the compiler leaves its dependency files (.d) beside them.
targets=$(cd "$dir/fuzz" 2>/dev/null && ls fuzz_* 2>/dev/null | grep -v '\.d$')
[ -n "$targets" ] || { echo "no fuzz targets in $dir/fuzz" >&2; exit 1; }
running=0
for t in $targets; do
	run_one "$t" &
	running=$((running + 1))
	if [ $running -ge "$jobs" ]; then wait; running=0; fi
done
wait

failed=0
for t in $targets; do
	rc=$(cat "$out/$t.rc")
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log" | tail -1)
	if [ "$rc" -eq 0 ]; then
		printf '%-20s ok    %10s executions in %s s\n' "$t" "${execs:-?}" "$secs"
	else
		failed=$((failed + 1))
		printf '%-20s FAIL  (exit %s) after %s executions; log %s\n' "$t" \
		    "$rc" "${execs:-?}" "$out/$t.log"
		grep -E 'ERROR|runtime error|property failed|Test unit written' \
		    "$out/$t.log" | head -5 | sed 's/^/    /'
		echo "    keep the input: cp $out/crash-${t#fuzz_}/* tests/fuzz/regress/${t#fuzz_}/"
	fi
done
[ $failed -eq 0 ]
