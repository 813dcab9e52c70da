#!/bin/sh
# The analysis from the command line: a journal typed in with runlog run
# and fatigue where the 7-day distance held 25% over the week before (and
# reached 35% on the last day) and fatigue has been 8 for four mornings is
# flagged by runlog check (exit 3, both ids); a steady journal is not
# (exit 0). Then week, trends, the [flags]
# section of the config file, and the demo.
. tests/lib.sh
DB=$T/flagged.db
r() { expect 0 "$RUNLOG" --db "$DB" "$@"; }

# 2026-11-12..18: 20 km. 2026-11-19..25: 27 km (+35%).
r run 5km 30:00 --date 2026-11-12 --rpe 4
r run 5km 30:00 --date 2026-11-14 --rpe 4
r run 5km 30:00 --date 2026-11-16 --rpe 4
r run 5km 30:00 --date 2026-11-18 --rpe 4
r run 7km 42:00 --date 2026-11-19 --rpe 4
r run 6km 36:00 --date 2026-11-21 --rpe 5
r run 7km 42:00 --date 2026-11-23 --rpe 5
r run 7km 42:00 --date 2026-11-25 --rpe 5
r fatigue 4 --date 2026-11-21
r fatigue 8 --date 2026-11-22
r fatigue 8 --date 2026-11-23
r fatigue 8 --date 2026-11-24
r fatigue 8

expect 3 "$RUNLOG" --db "$DB" check
out_has "warning  mileage-jump        25.0 km in the last 7 days against a recent level of 20.0 km: +25%, over the +10% limit"
out_has "warning  persistent-fatigue  fatigue 7/10 or more on 4 check-in days in a row (limit 3)"
expect 3 "$RUNLOG" --db "$DB" check --verbose
out_has "2026-11-19 to 2026-11-25; measured +25%, threshold > +10%"
out_has "2026-11-22 to 2026-11-25; measured 4 days, threshold >= 3 days"
out_has "Sleep more, eat carbohydrate and protein,"
# The day before, the streak is three days long; the windows of the recent
# level then start before the journal's first day, so there is no mileage
# comparison yet.
expect 3 "$RUNLOG" --db "$DB" check --date 2026-11-24
out_has "warning  persistent-fatigue  fatigue 7/10 or more on 3 check-in days"
if grep -q mileage-jump "$T/out"; then fail "jump before 14 days"; else ok; fi
# Two days of fatigue are not a streak.
expect 0 "$RUNLOG" --db "$DB" check --date 2026-11-23
out_has "No flags on 2026-11-23."
# Before 14 days of journal there is nothing to compare with.
expect 0 "$RUNLOG" --db "$DB" check --date 2026-11-13
out_has "No flags on 2026-11-13."

expect 0 "$RUNLOG" --db "$DB" week
out_has "Week of Mon 2026-11-23 to Sun 2026-11-29"
out_has "Wed 11-25     7.00 km    42:00   210      -        -    8/10  mileage-jump persistent-fatigue"
out_has "Total        14.00 km  1:24:00   420  2 runs"
out_has "Change                    -39%  -29%   (this week so far)"
# the rise over the recent level, marked as check marks mileage-jump
out_has "Distance   25.00 km in the last 7 days, +25% on the recent level of 20.00 km ! over +10% (as of today)"
out_has "Flags this week:"
out_has "  warning  mileage-jump        25.0 km in the last 7 days"
out_has "held on Tue Wed"
expect 0 "$RUNLOG" --db "$DB" week 2026-11-16
out_has "Week before   10.00 km  1:00:00   240  2 runs"
out_has "No flags this week."
expect 0 "$RUNLOG" --db "$DB" trends --weeks 3
out_has "2026-11-09    10.0    2     5.0    240     -       -     -      -"
out_has "2026-11-23    14.0    2     7.0    420     -     8.0     -      -  mileage-jump,persistent-fatigue"
out_has "mileage-jump,persistent-fatigue"
expect 2 "$RUNLOG" --db "$DB" check --when today
err_has "usage: runlog check [--date D] [--verbose]"
expect 1 "$RUNLOG" --db "$DB" trends --weeks 0
err_has "weeks '0': must be a whole number from 1 to 10436"

# The thresholds come from the config file's [flags] section.
CFG=$T/flags.ini
# Held over one window, the last day's 27 km counts: +35%, an alert at the
# default limit, a warning under a 40% one.
printf '[flags]\njump_hold_days = 1\n' > "$CFG"
expect 3 "$RUNLOG" --db "$DB" --config "$CFG" check
out_has "alert    mileage-jump        27.0 km in the last 7 days against a recent level of 20.0 km: +35%, over the +30% limit"
printf '[flags]\njump_hold_days = 1\njump_alert_pct = 40\nfatigue_warn_days = 5\n' > "$CFG"
expect 3 "$RUNLOG" --db "$DB" --config "$CFG" check
out_has "warning  mileage-jump        27.0 km in the last 7 days against a recent level of 20.0 km: +35%, over the +10% limit"
if grep -q persistent-fatigue "$T/out"; then fail "config ignored"; else ok; fi
printf '[flags]\njump_warn_pct = 30\njump_alert_pct = 40\n' > "$CFG"
expect 3 "$RUNLOG" --db "$DB" --config "$CFG" check
if grep -q mileage-jump "$T/out"; then fail "+25% over a 30% limit"; else ok; fi
printf '[flags]\njump_alert_pct = 40\nfatigue_days = 5\n' > "$CFG"
expect 1 "$RUNLOG" --db "$DB" --config "$CFG" check
err_has "flags.ini:3: unknown key \"fatigue_days\" in [flags]"
printf '[flags]\nacwr_warn = 1,3\n' > "$CFG"
expect 1 "$RUNLOG" --db "$DB" --config "$CFG" check
err_has "flags.ini:2: bad value \"1,3\" for acwr_warn"

# A steady journal: 20 km a week for six weeks, fatigue 4: no flags.
DB=$T/steady.db
for wk in 0 1 2 3 4 5; do
	for dow in 0 2 4 6; do
		day=$(date -u -d "2026-10-15 + $((wk * 7 + dow)) days" +%F)
		r run 5km 30:00 --date "$day" --rpe 4
		r fatigue 4 --date "$day" --rhr 50
		r sleep 7.5 --date "$day"
	done
done
expect 0 "$RUNLOG" --db "$DB" check
out_has "No flags on 2026-11-25."
expect 0 "$RUNLOG" --db "$DB" trends --weeks 4
if grep -qE 'mileage-jump|acwr|monotony|fatigue' "$T/out"; then fail "steady journal flagged"; sed 's/^/  out: /' "$T/out" >&2; else ok; fi

# Three weeks up, one down (40, 43, 46, 34, 43, 46, 49, 37 km; long run
# on Sunday): the week after a cutback returns to a distance run two weeks
# before, so no mileage-jump on any day; 60 km weeks after it are one.
DB=$T/plan.db
plan_week() {	# plan_week MONDAY KM: 20% Tue, 25% Thu, 15% Sat, 40% Sun
	for part in 1:20 3:25 5:15 6:40; do
		set -- "$1" "$2" "${part%%:*}" "${part#*:}"
		km=$(awk "BEGIN { printf \"%.2f\", $2 * $4 / 100 }")
		dur=$(awk "BEGIN { s = int($2 * $4 / 100 * 330); printf \"%d:%02d:%02d\", s / 3600, s % 3600 / 60, s % 60 }")
		r run "${km}km" "$dur" --date "$(date -u -d "$1 + $3 days" +%F)"
	done
}
wk=0
for km in 40 43 46 34 43 46 49 37; do
	plan_week "$(date -u -d "2026-09-14 + $((wk * 7)) days" +%F)" "$km"
	wk=$((wk + 1))
done
expect 0 "$RUNLOG" --db "$DB" trends --weeks 12
out_has "2026-10-12    43.0    4    17.2"
if grep -q mileage-jump "$T/out"; then fail "3-up-1-down plan flagged"; sed 's/^/  out: /' "$T/out" >&2; else ok; fi
# Then 60 km weeks: held from Tuesday 2026-11-17 over a recent level of
# 46.6 km (the 7 days to Tuesday 2026-11-03).
plan_week 2026-11-09 60
plan_week 2026-11-16 60
expect 3 "$RUNLOG" --db "$DB" check --date 2026-11-17
out_has "warning  mileage-jump        60.0 km in the last 7 days against a recent level of 46.6 km: +29%, over the +10% limit"

# Episodes. A 6h45 sleeper (2026-10-20 on): sleep-debt from the fourth
# night, one episode, new once; check exits 3 every day, check --new only
# on that first day.
DB=$T/sleeper.db
for n in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
	r sleep 6.75 --date "$(date -u -d "2026-10-20 + $n days" +%F)"
done
expect 3 "$RUNLOG" --db "$DB" check --date 2026-10-23
out_has "warning  sleep-debt          mean sleep 6.8 h over 4 nights logged in 7 days (under 7 h) (new)"
expect 3 "$RUNLOG" --db "$DB" check --date 2026-10-23 --new
expect 0 "$RUNLOG" --db "$DB" check --date 2026-10-22 --new
newdays=0
for n in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
	day=$(date -u -d "2026-10-20 + $n days" +%F)
	"$RUNLOG" --db "$DB" check --new --date "$day" >/dev/null 2>&1
	[ $? -eq 3 ] && newdays=$((newdays + 1))
done
same "$newdays" 1 "a 6h45 sleeper is new on $newdays days, not once"
expect 3 "$RUNLOG" --db "$DB" check --date 2026-11-04
out_has "warning  sleep-debt          mean sleep 6.8 h over 7 nights logged in 7 days (under 7 h) (since 2026-10-23)"
expect 0 "$RUNLOG" --db "$DB" check --date 2026-11-04 --new
# A week of 8 h nights ends it; three 5 h nights start a new episode.
for n in 0 1 2 3 4 5 6; do
	r sleep 8 --date "$(date -u -d "2026-11-05 + $n days" +%F)"
done
for n in 7 8 9 10 11; do
	r sleep 5 --date "$(date -u -d "2026-11-05 + $n days" +%F)"
done
expect 0 "$RUNLOG" --db "$DB" check --date 2026-11-13
expect 3 "$RUNLOG" --db "$DB" check --date 2026-11-14 --new
out_has "warning  sleep-debt          mean sleep 6.7 h over 7 nights logged in 7 days (under 7 h); 3 short nights in a row (new)"

# --json: every flag of the day, a stable shape that parses.
DB=$T/flagged.db
expect 3 "$RUNLOG" --db "$DB" check --json
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["date"] == "2026-11-25", d
ids = [f["id"] for f in d["flags"]]
assert ids == ["mileage-jump", "persistent-fatigue"], ids
keys = ["id", "severity", "first_day", "last_day", "status", "new",
    "acknowledged", "value", "threshold", "value_text", "threshold_text",
    "window_first_day", "window_last_day", "reason", "advice"]
for f in d["flags"]:
    assert list(f.keys()) == keys, list(f.keys())
    assert f["acknowledged"] is False
    assert "\n" in f["advice"]
j = d["flags"][0]
assert j["severity"] == "warning" and j["status"] == "new", j
assert j["new"] is True
assert j["first_day"] == "2026-11-25" and j["last_day"] == "2026-11-25", j
assert j["window_first_day"] == "2026-11-19", j
assert abs(j["value"] - 25) < 1e-6 and j["threshold"] == 10, j
assert j["value_text"] == "+25%" and j["threshold_text"] == "> +10%", j
f = d["flags"][1]
assert f["first_day"] == "2026-11-24" and f["status"] == "ongoing", f
assert f["new"] is False
' "$T/out" && ok || fail "check --json shape"
"$RUNLOG" --db "$T/empty.db" drink 1l >/dev/null && "$RUNLOG" --db "$T/empty.db" delete d1 >/dev/null || fail "empty journal"
expect 0 "$RUNLOG" --db "$T/empty.db" check --json
same "$(cat "$T/out")" '{"date": "2026-11-25", "flags": []}' "empty --json"
expect 3 "$RUNLOG" --db "$DB" check --json --date 2026-11-24 --new
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [f["id"] for f in d["flags"]] == ["persistent-fatigue"], d
assert [f["status"] for f in d["flags"]] == ["new"], d
assert d["flags"][0]["new"] is True
' "$T/out" && ok || fail "check --json --new"

# A rule switched off in the config raises nothing; an unknown name is
# refused with the file and the line.
printf '[flags]\noff = persistent-fatigue, monotony\n' > "$CFG"
expect 3 "$RUNLOG" --db "$DB" --config "$CFG" check
if grep -q persistent-fatigue "$T/out"; then fail "rule switched off raised"; else ok; fi
printf '[flags]\noff = persistent-fatigue\noff = mileage-jump\n' > "$CFG"
expect 0 "$RUNLOG" --db "$DB" --config "$CFG" check
out_has "No flags on 2026-11-25."
printf '[flags]\nacwr_warn = 1.4\noff = monotony, low-fluids\n' > "$CFG"
expect 1 "$RUNLOG" --db "$DB" --config "$CFG" check
err_has "flags.ini:3: off: unknown rule \"low-fluids\": the rules are mileage-jump,"

# The demo: refuses a journal with entries, fills an empty one, and its
# flagged days are flagged.
expect 1 "$RUNLOG" --db "$DB" demo
err_has "the demo only fills an empty journal"
DB=$T/demo.db
expect 0 "$RUNLOG" --db "$DB" demo
out_has "Filled $DB with a demo journal from 2026-08-10 to 2026-11-25"
expect 0 "$RUNLOG" --db "$DB" trends --weeks 16
for id in mileage-jump long-run-spike acwr monotony persistent-fatigue \
    overtraining-signs resting-hr hrv-low sleep-debt dehydration low-fluid \
    injury-signs; do
	out_has "$id"
done
expect 3 "$RUNLOG" --db "$DB" check --date 2026-10-19 --verbose
out_has "alert    persistent-fatigue"
out_has "alert    overtraining-signs"
out_has "see a doctor or sports-medicine"
expect 3 "$RUNLOG" --db "$DB" check --date 2026-11-19
out_has "alert    injury-signs        check-in reports sharp pain, swelling"
expect 0 "$RUNLOG" --db "$DB" undo
out_has "Undone: demo journal."
same "$(count "$DB" run)" 0 "undo removed the demo"

# The manual names every [flags] key, and every flag id.
for key in $(sed -n 's/^\tP_\(INT\|DBL\)(\([a-z_]*\),.*/\2/p' src/analysis.c); do
	if grep -q "^\.It Cm $key Ta" man/runlog.1; then ok; else fail "manual lacks key $key"; fi
	if grep -q "^\.Pq Cm $key\( [.,;:]\)\{0,1\}\$" man/runlog.1; then ok; else fail "FLAGS lacks key $key"; fi
done
for id in mileage-jump long-run-spike acwr monotony persistent-fatigue \
    overtraining-signs resting-hr hrv-low sleep-debt dehydration low-fluid \
    injury-signs; do
	if grep -q "^\.It Cm $id\$" man/runlog.1; then ok; else fail "manual lacks $id"; fi
done

# Reports of days outside the journal: an empty journal, a week before the
# first entry and a week still to come answer with empty rows, not a crash.
# (A journal with nothing in it: reports refuse one that does not exist.)
"$RUNLOG" --db "$T/empty.db" drink 1l >/dev/null && "$RUNLOG" --db "$T/empty.db" delete d1 >/dev/null || fail "empty journal"
expect 0 "$RUNLOG" --db "$T/empty.db" week
out_has "No flags this week."
expect 0 "$RUNLOG" --db "$T/empty.db" trends
expect 0 "$RUNLOG" --db "$T/empty.db" check
expect 0 "$RUNLOG" --db "$DB" week 1990-01-01
out_has "Week of Mon 1990-01-01"
expect 0 "$RUNLOG" --db "$DB" week 2026-12-17
out_has "Week of Mon 2026-12-14"
expect 0 "$RUNLOG" --db "$DB" check --date 2027-01-01

done_tests
