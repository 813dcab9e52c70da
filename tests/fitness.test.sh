#!/bin/sh
# Fitness, totals, the calendar and records from the command line, on a
# journal small enough to work out by hand: three days of load 100 (5 km
# in 20:00 at RPE 5) on 2026-11-20..22, then rest. By hand (factors
# 1 - e^(-1/42) = 0.023528 and 1 - e^(-1/7) = 0.133122): fitness 2.35,
# 4.65, 6.89 and fatigue 13.31, 24.85, 34.86 after each day; form, the day
# before's balance, 0, -10.96, -20.20. Resting on, form is back over 0
# fifteen days after 2026-11-22, on 2026-12-07.
. tests/lib.sh
DB=$T/fit.db
r() { expect 0 "$RUNLOG" --db "$DB" "$@"; }

# A journal that does not exist is an error and is not created.
for c in fitness totals calendar records; do
	expect 1 "$RUNLOG" --db "$T/none.db" $c
	err_has "none.db"
	if [ -e "$T/none.db" ]; then fail "$c created a journal"; else ok; fi
done

# A journal with nothing in it: each answers, with nothing made up.
E=$T/empty.db
"$RUNLOG" --db "$E" drink 1l >/dev/null && "$RUNLOG" --db "$E" delete d1 >/dev/null || fail "empty journal"
expect 0 "$RUNLOG" --db "$E" fitness
out_has "No load before 2026-11-25"
expect 0 "$RUNLOG" --db "$E" totals
out_has "No entries yet."
expect 0 env LC_ALL=C "$RUNLOG" --db "$E" calendar
out_has "0.00 km on 0 days"
if grep -q '^Mon .*[.:+*#]' "$T/out"; then fail "empty calendar shaded"; else ok; fi
expect 0 "$RUNLOG" --db "$E" records
out_has "No race at these distances"

r run 5km 20:00 --rpe 5 --date 2026-11-20
r run 5km 20:00 --rpe 5 --date 2026-11-21
r run 5km 20:00 --rpe 5 --date 2026-11-22

r fitness --weeks 2 --date 2026-11-22
out_has "from 0 on 2026-11-20"
out_has "2026-11-09          -        -        -       -"
out_has "2026-11-16        300      6.9     34.9   -20.2"
out_has "Thu 2026-11-19      -        -        -       -"
out_has "Fri 2026-11-20    100      2.4     13.3    +0.0"
out_has "Sat 2026-11-21    100      4.7     24.9   -11.0"
out_has "Sun 2026-11-22    100      6.9     34.9   -20.2"
out_has "Fresh (form 0 or more) after 15 days of rest, on Mon 2026-12-07."
# Today (2026-11-25), after three days of rest: the same day, 12 days on.
r fitness -w 1
out_has "Mon 2026-11-23      0      6.7     30.2   -28.0"
out_has "Wed 2026-11-25      0      6.4     22.7   -19.6"
out_has "after 12 days of rest, on Mon 2026-12-07."
# The day form turns: still under 0 on 2026-12-06, 0 or more on 12-07.
r fitness -d 2026-12-06
out_has "after 1 day of rest, on Mon 2026-12-07."
r fitness -d 2026-12-07
out_has "on 2026-12-07: fresh already."
# Before the journal: nothing to chart.
r fitness -d 2026-11-19
out_has "No load before 2026-11-19"
expect 1 "$RUNLOG" --db "$DB" fitness --weeks 0
err_has "weeks '0': must be a whole number from 1 to"
expect 1 "$RUNLOG" --db "$DB" fitness -w lots
err_has "weeks 'lots'"
expect 2 "$RUNLOG" --db "$DB" fitness 12
# A run three years earlier: the chart starts 730 days before the first
# week shown, and that run's weight (e^(-1100/42)) leaves every figure as
# it was; with enough weeks to reach it, the chart starts on that day.
L=$T/long.db
for d in 2023-06-01 2026-11-20 2026-11-21 2026-11-22; do
	"$RUNLOG" --db "$L" run 5km 20:00 --rpe 5 --date $d >/dev/null || fail "run $d"
done
expect 0 "$RUNLOG" --db "$L" fitness --weeks 2 --date 2026-11-22
out_has "from 0 on 2024-11-09"
out_has "2026-11-16        300      6.9     34.9   -20.2"
out_has "Sun 2026-11-22    100      6.9     34.9   -20.2"
expect 0 "$RUNLOG" --db "$L" fitness --weeks 200 --date 2026-11-22
out_has "from 0 on 2023-06-01"
out_has "Sun 2026-11-22    100      6.9     34.9   -20.2"
expect 1 "$RUNLOG" --db "$DB" fitness -d 2026-13-01

# Records: races only unless --all; a run at most 3% over the distance,
# its time as it is. 10.31 km is over 10.3: left out though faster.
r records
out_has "No race at these distances"
r run 10.3km 45:00 --type race --date 2026-11-15
r run 10.31km 40:00 --type race --date 2026-11-16
r run 5km 21:00 --type race --date 2026-11-17
r records
out_has "5 km         21:00   5.00 km    4:12 /km 2026-11-17 r6 "
out_has "10 km        45:00  10.30 km    4:22 /km 2026-11-15 r4 "
# The 10.3 km is the better race (2700 / 10300^1.06 = 0.15050 against
# 1260 / 5000^1.06 = 0.15117): 2700 x (5000 / 10300)^1.06 = 1255 s.
out_has "20:55"
out_has "Half             -"
out_has "1:36:14"
out_has "3:20:37"
out_has "from the best of these: 10.30 km in 45:00 on 2026-11-15."
# Every run: the 5 km at 20:00 of 2026-11-20 is the record.
r records --all
out_has "5 km         20:00   5.00 km    4:00 /km 2026-11-20 r1 "
expect 2 "$RUNLOG" --db "$DB" records 5km

# Totals: by month and year, inside a range.
r totals
out_has "2026-11       40.61     2:46:00     6      915"
out_has "Total         40.61     2:46:00     6      915"
r totals --by year -f 2026-11-16 --to 2026-11-21
out_has "2026          25.31     1:41:00     4      567"
r totals --from 2026-09-20 --to 2026-10-05
out_has "2026-09        0.00        0:00     0        0"
out_has "2026-10        0.00        0:00     0        0"
expect 2 "$RUNLOG" --db "$DB" totals --by week
err_has "--by 'week': must be month or year"
expect 2 "$RUNLOG" --db "$DB" totals -f 2026-11-20 --to 2026-11-01

# The calendar: ASCII without a UTF-8 locale, shades with one; a day's
# band from its distance; before the journal and after today blank.
expect 0 env LC_ALL=C "$RUNLOG" --db "$DB" calendar
out_has "    Jan Feb Mar  Apr May  Jun Jul Aug  Sep Oct Nov  Dec"
out_has "Sun                                              *+"
out_has "Wed                                               .."
out_has ". none  : under 5  + 5-10  * 10-20  # 20 km or more"
out_has "40.61 km on 6 days"
if awk 'length > 80 { exit 1 }' "$T/out"; then ok; else fail "calendar wider than 80"; fi
expect 0 env LC_ALL=C.UTF-8 "$RUNLOG" --db "$DB" calendar 2026
out_has "Sun                                              ▓▒"
out_has "· none  ░ under 5  ▒ 5-10  ▓ 10-20  █ 20 km or more"
r calendar 2025
out_has "0.00 km on 0 days"
expect 2 "$RUNLOG" --db "$DB" calendar 1899
err_has "year '1899': must be a whole number from 1900 to 2099"
expect 2 "$RUNLOG" --db "$DB" calendar 2026 2027

# Miles: every distance in the user's unit.
printf 'units = mi\n' > "$T/mi.conf"
expect 0 "$RUNLOG" --db "$DB" --config "$T/mi.conf" totals
out_has "Month            mi"
out_has "25.23"
expect 0 "$RUNLOG" --db "$DB" --config "$T/mi.conf" records
out_has "6.40 mi"
out_has "/mi"
expect 0 env LC_ALL=C "$RUNLOG" --db "$DB" --config "$T/mi.conf" calendar
out_has ". none  : under 3  + 3-6  * 6-12  # 12 mi or more"

# Nothing was written by the reports.
before=$(rows "$DB")
for c in fitness totals calendar records; do "$RUNLOG" --db "$DB" $c >/dev/null; done
same "$before" "$(rows "$DB")" "a report changed the journal"

done_tests
