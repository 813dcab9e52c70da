#!/bin/sh
# make check-hard: the slow trust tests (tests/trust/*.test.sh: random
# SIGKILLs, concurrent writers, the UI under valgrind and tmux), then the
# fuzzers for FUZZ_SECONDS each. Ends with "N passed, N failed".
set -u
build=$1
passed=0; failed=0; failures=""
for t in tests/trust/*.test.sh; do
	[ -e "$t" ] || continue
	echo "== $t"
	start=$(date +%s)
	if RUNLOG="$build/runlog" sh "$t"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1)); failures="$failures $t"
	fi
	echo "   ($(( $(date +%s) - start )) s)"
done
echo "== fuzz (FUZZ_SECONDS=${FUZZ_SECONDS:-60} per target)"
if sh tests/fuzz/run.sh build-fuzz; then
	passed=$((passed + 1))
else
	failed=$((failed + 1)); failures="$failures fuzz"
fi
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
