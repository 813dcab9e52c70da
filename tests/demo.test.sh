#!/bin/sh
# The demo shows each rule once, on a risk planted for it, among weeks
# that raise nothing; a 16-week periodised plan (three weeks up, one down,
# a taper) with healthy sleep, fluid and check-ins raises nothing at all.
# Every day is judged by runlog check; the counts are printed.
. tests/lib.sh

# flags DB FIRST LAST: "day rule severity" for every flag held on a day
flags() {
	d=$2
	: >"$T/flags"
	while :; do
		"$RUNLOG" --db "$1" check --date "$d" >"$T/check" 2>&1
		sed -n "s/^\(note\|warning\|alert\)  *\([a-z-]*\) .*/$d \2 \1/p" \
		    "$T/check" >>"$T/flags"
		[ "$d" = "$3" ] && break
		d=$(date -u -d "$d + 1 day" +%F)
	done
}
# days and episodes of each rule (an episode ends after 3 days without it)
summary() {
	while read -r d rule sev; do
		echo "$rule $(( $(date -u -d "$d" +%s) / 86400 )) $sev"
	done <"$T/flags" | sort -k1,1 -k2,2n | awk '
	{ if ($1 != r || $2 - last > 4) ep[$1]++; days[$1]++; r = $1; last = $2 }
	END { for (k in days) printf "%-20s %3d days %2d episode(s)\n", k, days[k], ep[k] }' |
	    sort
}

# --- the demo ------------------------------------------------------------
D="$T/demo.db"
expect 0 "$RUNLOG" --db "$D" demo
flags "$D" 2026-08-10 2026-11-25
echo "demo, 2026-08-10 to 2026-11-25, days flagged by rule:"
summary | tee "$T/sum" | sed 's/^/  /'
for id in mileage-jump long-run-spike acwr monotony persistent-fatigue \
    overtraining-signs resting-hr hrv-low sleep-debt dehydration low-fluid \
    injury-signs; do
	n=$(sed -n "s/^$id  *[0-9]* days  *\([0-9]*\) episode.*/\1/p" "$T/sum")
	same "${n:-0}" 1 "demo: $id is raised in ${n:-0} episodes, not one"
done
# The planted risks: the monotonous week (its window reaches into the
# next), the jump with the longest run yet, the tired week with its HRV
# dip and its recovery, the hot long run, the injury scare. Nothing else
# is raised: not the cutbacks and the returns after them, not the race,
# not the long run moved to Sunday, not the cold, not the mornings without
# a reading; HRV varies with the training of the day before all along.
while read -r d rule sev; do
	case "$d" in
	2026-09-1[4-9]|2026-09-2[0-7]) w=monotone ;;
	2026-10-0[5-9]|2026-10-1[0-9]|2026-10-2[0-5]) w=jump-tired ;;
	2026-11-0[2-8]) w=hot ;;
	2026-11-1[6-9]|2026-11-2[0-2]) w=injury ;;
	*) w=healthy ;;
	esac
	same "$w" "${w%healthy}" "demo: $rule ($sev) on $d, a healthy week"
	case "$w:$rule" in
	monotone:monotony|jump-tired:*|hot:dehydration|injury:injury-signs) ok ;;
	healthy:*) ;;
	*) fail "demo: $rule on $d, in the $w week planted for another rule" ;;
	esac
done <"$T/flags"

# HRV on most mornings, on the scales most mornings, one race: the 10 km
# at the end of the first build, which records shows with its estimates.
mornings=$(sqlite3 "$D" "SELECT count(*) FROM checkin WHERE hrv_ms IS NOT NULL")
weighed=$(sqlite3 "$D" "SELECT count(*) FROM checkin WHERE mass_g BETWEEN 66000 AND 70000")
same "$mornings" 108 "demo: HRV on $mornings of 108 mornings"
if [ "$weighed" -ge 70 ] && [ "$weighed" -lt 108 ]; then ok; else
	fail "demo: body mass on $weighed mornings"; fi
# the tired week's mornings are well under the others (geometric means)
dip=$(sqlite3 -separator ' ' "$D" "SELECT day, hrv_ms FROM checkin" | awk '
	$1 >= "2026-10-12" && $1 <= "2026-10-18" { t += log($2); nt++ }
	$1 < "2026-10-05" { u += log($2); nu++ }
	END { printf "%d", 100 * exp(t / nt - u / nu) + 0.5 }')
if [ "$dip" -ge 75 ] && [ "$dip" -le 85 ]; then ok; else
	fail "demo: the tired week's HRV is $dip% of the usual"; fi
same "$(sqlite3 "$D" "SELECT day || ' ' || distance_m FROM run WHERE type = 'race'")" \
    "2026-08-29 10060" "demo: not one 10 km race on 2026-08-29"
expect 0 "$RUNLOG" --db "$D" records
out_has "10 km        44:35  10.06 km    4:26 /km 2026-08-29"
out_has "Estimates (Riegel"
expect 3 "$RUNLOG" --db "$D" check --date 2026-10-14
out_has "warning  hrv-low             7-day HRV 59.4 ms (7 readings), under 67.3 ms"
out_has "raised resting HR, low HRV"
# its episode on the Flags screen; acknowledged, check hides it until it ends
expect 0 "$RUNLOG" --db "$D" screen flags --date 2026-10-16 --size 80x24
out_has "2026-10-13..10-23 !  warning hrv-low"
expect 0 "$RUNLOG" --db "$D" ack hrv-low --date 2026-10-14
out_has "Acknowledged hrv-low since 2026-10-13 (warning)"
expect 3 "$RUNLOG" --db "$D" check --date 2026-10-16
if grep -q hrv-low "$T/out"; then fail "demo: acknowledged hrv-low shown"; else ok; fi
out_has "1 acknowledged flag not shown"
expect 3 "$RUNLOG" --db "$D" check --date 2026-10-16 --verbose
out_has "hrv-low"
# the same journal every time
expect 0 "$RUNLOG" --db "$T/again.db" demo
for q in "SELECT day, distance_m, duration_s, rpe, type, note FROM run" \
    "SELECT day, fatigue, rhr, hrv_ms, mass_g, ill FROM checkin"; do
	same "$(sqlite3 "$T/again.db" "$q")" "$(sqlite3 "$D" "$q")" \
	    "demo: a second demo differs: $q"
done

# --- a 16-week periodised plan -------------------------------------------
P="$T/plan.db"
export RUNLOG_TODAY=2026-11-22
# weekly distance: three weeks up and one down, then a two-week taper
set -- 40 43 46 35 44 47 50 38 48 51 54 42 52 55 42 30
day=2026-08-03
w=0
for km in "$@"; do
	for dow in 0 1 2 3 4 5 6; do
		# a healthy morning: sleep, a check-in, the day's fluid
		"$RUNLOG" --db "$P" sleep "7.$((4 + (w + dow) % 5))" -d "$day" >/dev/null
		"$RUNLOG" --db "$P" fatigue "$((3 + (w + dow) % 2))" --rhr \
		    "$((50 + dow % 3))" -d "$day" >/dev/null
		"$RUNLOG" --db "$P" drink 2.4 -d "$day" >/dev/null
		case $dow in
		1) share=20 pace=6:00 rpe=3 type=easy ;;
		2) share=22 pace=5:05 rpe=6 type=tempo ;;
		3) share=15 pace=6:10 rpe=3 type=easy ;;
		5) share=30 pace=6:20 rpe=5 type=long ;;
		6) share=13 pace=6:30 rpe=2 type=recovery ;;
		*) share=0 ;;
		esac
		if [ "$share" -gt 0 ]; then
			m=$((km * share * 10))
			s=$(( m * (${pace%:*} * 60 + ${pace#*:}) / 1000 ))
			"$RUNLOG" --db "$P" run "${m}m" "$((s / 60)):$(printf %02d $((s % 60)))" \
			    -r "$rpe" -t "$type" -d "$day" >/dev/null ||
			    fail "plan: the run of $day was refused"
		fi
		day=$(date -u -d "$day + 1 day" +%F)
	done
	w=$((w + 1))
done
same "$(count "$P" run)" 80 "plan: not every run was logged"
flags "$P" 2026-08-03 2026-11-22
echo "16-week plan, 2026-08-03 to 2026-11-22 ($*), days flagged:"
if [ -s "$T/flags" ]; then
	summary | sed 's/^/  /'
	fail "the periodised plan raised $(wc -l <"$T/flags") flags"
	sed 's/^/  /' "$T/flags" >&2
else
	echo "  none"
	ok
fi

done_tests
