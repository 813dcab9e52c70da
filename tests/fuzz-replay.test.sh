#!/bin/sh
# Replays the fuzz seed corpus and every input a fuzzer once failed on
# (tests/fuzz/regress/NAME/) through each target, built without libFuzzer
# by make check (so with the sanitizers under make check-asan).
set -u
build=$(dirname "${RUNLOG:-build/runlog}")
n=0; failed=0
for src in tests/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c); name=${name#fuzz_}
	bin=$build/tests/replay_$name
	if [ ! -x "$bin" ]; then
		echo "FAIL: $bin was not built" >&2; failed=$((failed + 1)); continue
	fi
	set -- tests/fuzz/corpus/"$name"/* tests/fuzz/regress/"$name"/*
	files=""
	for f in "$@"; do [ -f "$f" ] && files="$files $f"; done
	if [ -z "$files" ]; then
		echo "FAIL: no inputs for $name" >&2; failed=$((failed + 1)); continue
	fi
	# shellcheck disable=SC2086
	if ! "$bin" $files >/dev/null; then
		echo "FAIL: replay_$name" >&2; failed=$((failed + 1))
	fi
	n=$((n + $(echo $files | wc -w)))
done
[ $failed -eq 0 ] || exit 1
echo "fuzz-replay.test.sh: ok ($n inputs)"
