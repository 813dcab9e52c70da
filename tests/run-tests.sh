#!/bin/sh
# Runs every test binary given, then every tests/*.test.sh script, and ends
# with one line "N passed, N failed" counting test programs.
set -u
build=$1; shift
passed=0; failed=0; failures=""
for t in "$@"; do
	if "$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures="$failures $t"; fi
done
for t in tests/*.test.sh; do
	[ -e "$t" ] || continue
	echo "== $t"
	if RUNLOG="$build/runlog" sh "$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures="$failures $t"; fi
done
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
