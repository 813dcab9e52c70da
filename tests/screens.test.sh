#!/bin/sh
# Every screen of the journal on the demo, as a runner first sees them: at
# the smallest size the screens are laid out for (40x12), the usual
# terminal (80x24) and a large one (140x45), compared with
# tests/golden/demo-SCREEN-SIZE.txt (UPDATE_GOLDEN=1 rewrites them).
# The demo is made the same way every time, so any change here is a
# change in what a runner sees: read the diff before accepting it.
. tests/lib.sh
D=$T/demo.db
expect 0 "$RUNLOG" --db "$D" demo
for screen in day week trends flags history plan calendar shoes; do
	for size in 40x12 80x24 140x45; do
		expect 0 "$RUNLOG" --db "$D" screen $screen --size $size
		g=tests/golden/demo-$screen-$size.txt
		if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$T/out" "$g"; fi
		if cmp -s "$T/out" "$g"; then
			ok
		else
			fail "$screen screen at $size differs from $g"
			diff "$g" "$T/out" | sed 's/^/  /' >&2
		fi
		# nothing past the right edge, no stray escape
		w=${size%x*}
		python3 -c 'import sys; w = int(sys.argv[1]); sys.exit(any(len(l.rstrip("\n")) > w for l in open(sys.argv[2], encoding="utf-8")))' "$w" "$T/out" ||
		    fail "$screen at $size: a line wider than $w"
		LC_ALL=C grep -q "$(printf '\033')" "$T/out" && fail "$screen at $size: an escape sequence"
	done
done
done_tests
