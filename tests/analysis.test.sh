#!/bin/sh
# The analysis from the command line: a journal typed in with runlog run
# and fatigue where the last week rose 35% over the one before and fatigue
# has been 8 for four mornings is flagged by runlog check (exit 3, both
# ids); a steady journal is not (exit 0). Then week, trends, the [flags]
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
out_has "alert    mileage-jump        27.0 km in the last 7 days against 20.0 km in the 7 before: +35%, over the +30% limit"
out_has "warning  persistent-fatigue  fatigue 7/10 or more on 4 check-in days in a row (limit 3)"
expect 3 "$RUNLOG" --db "$DB" check --verbose
out_has "2026-11-12 to 2026-11-25; measured +35%, threshold > +30%"
out_has "2026-11-22 to 2026-11-25; measured 4 days, threshold >= 3 days"
out_has "Sleep more, eat carbohydrate and protein,"
# The day before, the streak is three days long; the windows then start
# before the journal's first day, so there is no mileage comparison yet.
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
out_has "Change           -39%     -39%  -29%   (this week so far)"
out_has "Flags this week:"
out_has "  alert    mileage-jump        27.0 km in the last 7 days"
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
printf '[flags]\njump_alert_pct = 40\nfatigue_warn_days = 5\n' > "$CFG"
expect 3 "$RUNLOG" --db "$DB" --config "$CFG" check
out_has "warning  mileage-jump"
if grep -q persistent-fatigue "$T/out"; then fail "config ignored"; else ok; fi
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

# The demo: refuses a journal with entries, fills an empty one, and its
# flagged days are flagged.
expect 1 "$RUNLOG" --db "$DB" demo
err_has "the demo only fills an empty journal"
DB=$T/demo.db
expect 0 "$RUNLOG" --db "$DB" demo
out_has "Filled $DB with a demo journal from 2026-08-10 to 2026-11-25"
expect 0 "$RUNLOG" --db "$DB" trends --weeks 16
for id in mileage-jump long-run-spike acwr monotony persistent-fatigue \
    overtraining-signs resting-hr sleep-debt dehydration low-fluid injury-signs; do
	out_has "$id"
done
expect 3 "$RUNLOG" --db "$DB" check --date 2026-10-19 --verbose
out_has "alert    persistent-fatigue"
out_has "alert    overtraining-signs"
out_has "see a doctor or sports-medicine"
expect 3 "$RUNLOG" --db "$DB" check --date 2026-10-29
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
    overtraining-signs resting-hr sleep-debt dehydration low-fluid injury-signs; do
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
