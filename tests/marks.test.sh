#!/bin/sh
# One computation behind every mark of a rise in distance: for every day
# of the demo, the Day screen's mark, the Week screen's row and title and
# runlog week agree with check's mileage-jump flag on that day.
. tests/lib.sh

D="$T/demo.db"
expect 0 "$RUNLOG" --db "$D" demo
first=$(sqlite3 "$D" "SELECT min(day) FROM run")
today=$RUNLOG_TODAY
# check's mileage-jump on day $1: none, warning or alert
check_jump() {
	"$RUNLOG" --db "$D" check --date "$1" >"$T/check" 2>&1
	sev=$(sed -n 's/^\(warning\|alert\)  *mileage-jump .*/\1/p' "$T/check")
	echo "${sev:-none}"
}
mark_of() {
	case "$1" in
	*'!! over'*|*'(!! over'*) echo alert ;;
	*'! over'*|*'(! over'*) echo warning ;;
	*) echo none ;;
	esac
}
"$RUNLOG" --db "$D" trends --weeks 16 >"$T/trends"
d=$first
days=0 jumps=0 inweek=no
while :; do
	want=$(check_jump "$d")
	[ "$want" = none ] || { jumps=$((jumps + 1)); inweek=yes; }
	# the Day screen: the line of the recent level
	"$RUNLOG" --db "$D" screen day --date "$d" --size 120x30 >"$T/day"
	got=$(mark_of "$(grep 'on the recent level' "$T/day")")
	same "$got" "$want" "$d: the Day screen marks $got, check says $want"
	# the Week screen: the day's row names the flag when check holds it
	"$RUNLOG" --db "$D" screen week --date "$d" --size 200x30 >"$T/week"
	wd=$(date -u -d "$d" +'%a %d')
	row=$(grep "^[ >]$wd " "$T/week")
	case "$row" in *mileage-jump*) got=yes ;; *) got=no ;; esac
	[ "$want" = none ] && w=no || w=yes
	same "$got" "$w" "$d: the Week screen's row says $got, check says $want"
	# the week's own mark is judged on its last day, or today
	if [ "$(date -u -d "$d" +%u)" = 7 ] || [ "$d" = "$today" ]; then
		got=$(mark_of "$(sed -n 2p "$T/week")")
		same "$got" "$want" "$d: the Week screen's title marks $got, check says $want"
		"$RUNLOG" --db "$D" week "$d" >"$T/rep"
		got=$(mark_of "$(grep '^Distance ' "$T/rep")")
		same "$got" "$want" "$d: runlog week marks $got, check says $want"
		ws=$(date -u -d "$d - $(( $(date -u -d "$d" +%u) - 1 )) days" +%F)
		case "$(grep "^$ws " "$T/trends")" in
		*mileage-jump*) got=yes ;; *) got=no ;;
		esac
		same "$got" "$inweek" "week of $ws: trends says $got, check $inweek"
		inweek=no
	fi
	days=$((days + 1))
	[ "$d" = "$today" ] && break
	d=$(date -u -d "$d + 1 day" +%F)
done
# The comparison covered the whole demo, and flagged days among them.
if [ "$days" -ge 100 ]; then ok; else fail "only $days days compared"; fi
if [ "$jumps" -ge 1 ]; then ok; else fail "no mileage-jump in the demo to compare"; fi
done_tests
