#!/bin/sh
# export and import end to end: for each kind of entry, export -> import
# into an empty journal -> export gives the same bytes, with notes that
# hold commas, quotes, line breaks, formula starts, non-ASCII and emoji;
# importing again adds nothing; bad files change nothing; -o writes 0600.
. tests/lib.sh
A=$T/a.db; B=$T/b.db

NL='
'
expect 0 "$RUNLOG" --db "$A" run 10.5km 52:30 --date 2026-11-01 --rpe 5 --hr 150 --climb 120 --before 70.4 --after 69.9 --note "=SUM(A1), \"quoted\"${NL}second line"
expect 0 "$RUNLOG" --db "$A" run 5.001km 25:00 --date 2026-11-01 --type tempo --note "-minus, ünïcödé 🏃"
expect 0 "$RUNLOG" --db "$A" run 21.1km 1:45:00 --date 2026-11-03 --type long --note "@mention"
expect 0 "$RUNLOG" --db "$A" sleep 7.5 --date 2026-11-01 --quality 4 --note "+plus, 'quote'"
expect 0 "$RUNLOG" --db "$A" sleep 6:10 --date 2026-11-02
expect 0 "$RUNLOG" --db "$A" drink 500ml --date 2026-11-01 --electrolytes
expect 0 "$RUNLOG" --db "$A" drink 1.5l --date 2026-11-01
expect 0 "$RUNLOG" --db "$A" drink 330ml --date 2026-11-02
expect 0 "$RUNLOG" --db "$A" fatigue 6 --date 2026-11-02 --soreness 3 --mood 4 --stress 2 --rhr 50 --ill --note "'=already quoted${NL}line 2"
expect 0 "$RUNLOG" --db "$A" fatigue 8 --date 2026-11-03 --pain --swelling --numbness --no-weight --hrv 300 --mass 71.25
expect 0 "$RUNLOG" --db "$A" fatigue --date 2026-11-04 --hrv 1 --mass 300
expect 0 "$RUNLOG" --db "$A" edit r1 --start 2026-11-01T06:05:04Z
expect 0 "$RUNLOG" --db "$A" rest --date 2026-11-04 --note "	tab first, then 😴"

for w in runs sleep hydration fatigue rest; do
	expect 0 "$RUNLOG" --db "$A" export --what "$w" -o "$T/$w-1.csv"
	perm=$(stat -c %a "$T/$w-1.csv"); same "$perm" 600 "$w export mode $perm, not 600"
	expect 0 "$RUNLOG" --db "$B" import "$T/$w-1.csv"
	out_has "Added"
	expect 0 "$RUNLOG" --db "$B" export --what "$w"
	cp "$T/out" "$T/$w-2.csv"
	if cmp -s "$T/$w-1.csv" "$T/$w-2.csv"; then ok; else fail "$w: round trip differs"; diff "$T/$w-1.csv" "$T/$w-2.csv" >&2; fi
	before=$(rows "$B")
	expect 0 "$RUNLOG" --db "$B" import "$T/$w-1.csv"
	out_has "Added 0"
	same "$(rows "$B")" "$before" "$w: importing again changed the journal"
done

# export --all writes the same files, and its round trip is byte-identical
# too: every kind's file imported into an empty journal and exported again.
C=$T/c.db
expect 0 "$RUNLOG" --db "$A" export --all -o "$T/all-1"
out_has "Wrote 3 runs, 2 sleep entries, 3 drinks, 3 check-ins, 1 rest day, 0 planned runs and 4 days to $T/all-1/, one file each."
for w in runs sleep hydration fatigue rest; do
	if cmp -s "$T/$w-1.csv" "$T/all-1/$w.csv"; then ok; else fail "$w: --all differs from --what"; fi
	expect 0 "$RUNLOG" --db "$C" import "$T/all-1/$w.csv"
done
expect 0 "$RUNLOG" --db "$C" export --all -o "$T/all-2"
for w in runs sleep hydration fatigue rest days; do
	if cmp -s "$T/all-1/$w.csv" "$T/all-2/$w.csv"; then ok; else fail "$w: --all round trip differs"; diff "$T/all-1/$w.csv" "$T/all-2/$w.csv" >&2; fi
done

# Files written by the first version of runlog (their columns frozen in
# tests/fixtures/runlog-v1) still import, and export to the same bytes.
V=$T/v1.db
for w in runs sleep hydration fatigue rest; do
	expect 0 "$RUNLOG" --db "$V" import "tests/fixtures/runlog-v1/$w.csv"
	out_has "Added"
done
expect 0 "$RUNLOG" --db "$V" export --all -o "$T/v1-out"
# The columns added since (a run's start time and shoe, a check-in's HRV
# and body mass) come back empty; without them the bytes are the same.
sed -e 's/^date,start_time_utc,/date,/' -e 's/^\([0-9-]\{10\}\),,/\1,/' \
    -e 's/,updated_at,shoe\r$/,updated_at\r/' -e 's/^\([0-9-]\{10\},.*\),\r$/\1\r/' \
    "$T/v1-out/runs.csv" > "$T/v1-out/runs.v1"
sed -e 's/,resting_hr_bpm,hrv_ms,body_mass_kg,/,resting_hr_bpm,/' -e 's/^\(\([^,]*,\)\{6\}\),,/\1/' "$T/v1-out/fatigue.csv" > "$T/v1-out/fatigue.v1"
if grep -q '^date,start_time_utc,distance_km' "$T/v1-out/runs.csv"; then ok; else fail "runs: no start_time_utc column"; fi
for w in runs sleep hydration fatigue rest; do
	o="$T/v1-out/$w.csv"
	[ -e "$T/v1-out/$w.v1" ] && o="$T/v1-out/$w.v1"
	if cmp -s "tests/fixtures/runlog-v1/$w.csv" "$o"; then ok; else fail "$w: a first-version file does not come back the same"; diff "tests/fixtures/runlog-v1/$w.csv" "$o" >&2; fi
done

# The new fields in their files: a start time in UTC, HRV in ms, body
# mass in kg; a check-in without a rating has an empty fatigue cell.
if grep -q '^2026-11-01,2026-11-01T06:05:04Z,10.500,3150,' "$T/all-1/runs.csv"; then ok; else fail "runs: start time not exported"; fi
if grep -q '^2026-11-03,8,,,,,300,71.250,no,yes,yes,yes,yes,' "$T/all-1/fatigue.csv"; then ok; else fail "fatigue: HRV and body mass not exported"; fi
if grep -q '^2026-11-04,,,,,,1,300.000,no,' "$T/all-1/fatigue.csv"; then ok; else fail "fatigue: a check-in without a rating"; fi
# A bad start time or HRV in a file is refused, naming the column.
printf 'date,start_time_utc,distance_km,duration_s,rpe_1_10,type,avg_hr_bpm,climb_m,mass_before_kg,mass_after_kg,note,source,external_id,created_at,updated_at\r\n2026-11-01,2026-11-01 06:05,5.000,1500,,easy,,,,,,runlog,,,\r\n' > "$T/bad-start.csv"
expect 1 "$RUNLOG" --db "$C" import "$T/bad-start.csv"
err_has "column start_time_utc"
printf 'date,fatigue_1_10,soreness_1_10,mood_1_5,stress_1_5,resting_hr_bpm,hrv_ms,body_mass_kg,ill,sharp_pain,swelling,numbness,cannot_bear_weight,note,created_at,updated_at\r\n2026-10-01,5,,,,,301,,no,no,no,no,no,,,\r\n' > "$T/bad-hrv.csv"
before=$(rows "$C")
expect 1 "$RUNLOG" --db "$C" import "$T/bad-hrv.csv"
err_has "column hrv_ms: '301'"
err_has "from 1 to 300 ms"
same "$(rows "$C")" "$before" "a refused HRV changed the journal"

# Every field of every kind is in its file: each descriptor column that
# holds data has a CSV column (ids aside, which are the journal's own).
for t in run sleep drink checkin rest; do
	case $t in run) w=runs ;; drink) w=hydration ;; checkin) w=fatigue ;; *) w=$t ;; esac
	ncol=$(sqlite3 "$A" "SELECT count(*) FROM pragma_table_info('$t') WHERE name <> 'id'")
	nhead=$(head -n 1 "$T/all-1/$w.csv" | tr -d '\r' | tr ',' '\n' | wc -l)
	same "$nhead" "$ncol" "$w.csv has $nhead columns, the $t table $ncol"
done

# The files as a spreadsheet sees them: CRLF, neutralised formulas.
if grep -q "\"'=SUM(A1), \"\"quoted\"\"" "$T/runs-1.csv"; then ok; else fail "formula not neutralised"; fi
if grep -q "\"'-minus, ünïcödé 🏃\"" "$T/runs-1.csv"; then ok; else fail "leading - not neutralised"; fi
lines=$(wc -l < "$T/hydration-1.csv"); crs=$(tr -cd '\r' < "$T/hydration-1.csv" | wc -c)
same "$lines" "$crs" "hydration lines do not all end in CRLF"
expect 0 "$RUNLOG" --db "$A" export --what runs
head -n 1 "$T/out" > "$T/h"
if grep -q "^date,start_time_utc,distance_km,duration_s,rpe_1_10,type,avg_hr_bpm,climb_m,mass_before_kg,mass_after_kg,note,source,external_id,created_at,updated_at" "$T/h"; then ok; else fail "runs header"; fi
out_has "2026-11-01,2026-11-01T06:05:04Z,10.500,3150,5,easy,150,120,70.400,69.900,"
out_has "2026-11-01,,5.001,1500,,tempo,"

# days: one row per calendar day from the first entry to the last.
expect 0 "$RUNLOG" --db "$A" export
same "$(wc -l < "$T/out")" 5 "days: header + 4 days"
head -n 1 "$T/out" > "$T/h"
if grep -q "^date,weekday,runs,distance_km,duration_s,load_au,climb_m,sleep_min,sleep_quality_1_5,fluid_ml,drinks,fatigue_1_10,soreness_1_10,mood_1_5,stress_1_5,resting_hr_bpm,ill,sharp_pain,swelling,numbness,cannot_bear_weight,rest_day,acwr,monotony,flags" "$T/h"; then ok; else fail "days header"; fi
# Load: RPE 5 x 52.5 min, plus 5.001 km x 24 AU without RPE = 382.5.
out_has "2026-11-01,Sun,2,15.501,4650,382.5,120,450,4,2000,2,,,,,,,,,,,no,,,"
# The check-in of 2026-11-04 holds only a watch's values: no fatigue
# rating (an empty cell, not 0), and no answer about injury, so the flag
# of the day before still holds (injury signs carry over one day).
out_has "2026-11-03,Tue,1,21.100,6300,506.4,,,,,0,8,,,,,no,yes,yes,yes,yes,no,,,injury-signs"
out_has "2026-11-04,Wed,0,0.000,0,0.0,,,,,0,,,,,,no,no,no,no,no,yes,,,injury-signs"
expect 0 "$RUNLOG" --db "$A" export --what runs --from 2026-11-02 --to 2026-11-03
same "$(wc -l < "$T/out")" 2 "runs --from/--to: header + 1"

# Strava and Garmin through the command.
expect 0 "$RUNLOG" --db "$B" import tests/fixtures/strava-2025.csv
out_has "a Strava export, 6 rows."
out_has "Added 3 runs."
out_has "Skipped 3 rows of other sports (Ride 1, Swim 1, Walk 1)."
expect 0 "$RUNLOG" --db "$B" import --dry-run tests/fixtures/garmin-mi.csv
out_has "Dry run, nothing was written."
out_has "Would add 2 runs."
out_has "Distances read in mi: stride lengths are in feet."
expect 0 "$RUNLOG" --db "$B" import --units km tests/fixtures/garmin-nostride.csv
out_has "Distances read in km: as --units says."
# The import is one undo group.
n=$(count "$B" run)
expect 0 "$RUNLOG" --db "$B" import tests/fixtures/garmin-km.csv
same "$(count "$B" run)" $((n + 3)) "garmin added 3"
expect 0 "$RUNLOG" --db "$B" undo
same "$(count "$B" run)" "$n" "undo removed the whole import"

# Localised exports: told from the header, named in the report.
n=$(count "$B" run)
for f in strava-de strava-fr garmin-da garmin-de; do
	expect 0 "$RUNLOG" --db "$B" import "tests/fixtures/$f.csv"
	out_has "Added"
	expect 0 "$RUNLOG" --db "$B" import "tests/fixtures/$f.csv"
	out_has "Added 0 runs"
done
same "$(count "$B" run)" $((n + 11)) "localised files added 11"
expect 0 "$RUNLOG" --db "$B" import --dry-run tests/fixtures/strava-de.csv
out_has "a Strava export in German, 5 rows"
out_has "Schwimmen 1, Radfahrt 1"
before=$(rows "$B")
expect 1 "$RUNLOG" --db "$B" import tests/fixtures/bad-garmin-de.csv
err_has "line 3, column Distanz: '10,2x': expected a number"
same "$(rows "$B")" "$before" "a bad localised file changed the journal"

# Bad files and bad options: status, message, nothing written.
before=$(rows "$B")
expect 1 "$RUNLOG" --db "$B" import tests/fixtures/bad-type-runs.csv
err_has "line 3, column distance_km: 'ten': expected a number"
err_has "nothing was imported"
expect 1 "$RUNLOG" --db "$B" import tests/fixtures/bad-truncated.csv
err_has "line 2: 6 fields where the header has 10"
expect 1 "$RUNLOG" --db "$B" import tests/fixtures/bad-empty.csv
expect 1 "$RUNLOG" --db "$B" import "$T/no-such-file.csv"
expect 0 "$RUNLOG" --db "$A" export -o "$T/days.csv"
expect 1 "$RUNLOG" --db "$B" import "$T/days.csv"
err_has "days report"
expect 2 "$RUNLOG" --db "$B" import --format excel tests/fixtures/strava-2025.csv
expect 2 "$RUNLOG" --db "$B" import --units yards tests/fixtures/garmin-km.csv
expect 2 "$RUNLOG" --db "$B" import
expect 2 "$RUNLOG" --db "$B" export --what everything
expect 2 "$RUNLOG" --db "$B" export --from 2026-02-30
same "$(rows "$B")" "$before" "a refused import changed the journal"
# A dry run on a journal that does not exist creates nothing.
expect 0 "$RUNLOG" --db "$T/none.db" import --dry-run tests/fixtures/strava-2025.csv
if [ -e "$T/none.db" ]; then fail "dry run created a journal"; else ok; fi
# --skip-bad imports the good rows and lists the bad.
expect 0 "$RUNLOG" --db "$T/c.db" import --skip-bad tests/fixtures/bad-type-runs.csv
out_has "Added 2 runs."
err_has "refused 1 bad row"
err_has "line 3, column distance_km"

# A Strava activity at midnight UTC on 1900-01-01 is still 1899 in New
# York: refused naming line and value, nothing written.
printf 'Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n1,"Jan 1, 1900, 12:00:00 AM",a,Run,3000,10.0\n' > "$T/s1900.csv"
before=$(rows "$B")
TZ=America/New_York expect 1 "$RUNLOG" --db "$B" import "$T/s1900.csv"
err_has "line 2, column Activity Date: 'Jan 1, 1900, 12:00:00 AM': that is 1899-12-31 in this time zone"
same "$(rows "$B")" "$before" "a refused 1899 activity changed the journal"
same "$(sqlite3 "$B" "SELECT count(*) FROM run WHERE day < '1900-01-01'")" 0 "a day before 1900 was stored"

# The same activity id twice in one file: a repeat naming both lines, not
# "already in the journal".
printf 'Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n90,"Oct 6, 2022, 11:19:20 AM",a,Run,3000,10.0\n90,"Oct 6, 2022, 11:19:20 AM",a,Run,3000,10.0\n' > "$T/dup.csv"
expect 0 "$RUNLOG" --db "$T/d.db" import "$T/dup.csv"
out_has "Added 1 run."
out_has "Skipped 1 row repeating an activity id of the same file (line 3 repeats line 2)."
if grep -q "already in the journal" "$T/out"; then fail "a repeat reported as already in the journal"; else ok; fi

# Re-importing runs without an external id is linear: 30,000 runs (at
# paces a runner can run) of runlog's own file again take well under the
# seconds the quadratic lookup took (about 20 s), and add nothing.
awk 'BEGIN { print "date,distance_km,duration_s,rpe_1_10,type,avg_hr_bpm,climb_m,mass_before_kg,mass_after_kg,note,source,external_id,created_at,updated_at";
	for (i = 0; i < 30000; i++) { d = int(i / 3); t = 86400 * (d + 3653);
		printf "%s,%d.%03d,%d,,easy,,,,,,runlog,,%s 07:%02d:00,%s 07:00:00\n", strftime("%Y-%m-%d", t, 1), 5 + i % 10, i % 1000, 3000 + i % 900, strftime("%Y-%m-%d", t, 1), i % 3, strftime("%Y-%m-%d", t, 1) } }' > "$T/many.csv"
expect 0 "$RUNLOG" --db "$T/m.db" import "$T/many.csv"
out_has "Added 30000 runs."
start=$(date +%s)
expect 0 "$RUNLOG" --db "$T/m.db" import "$T/many.csv"
took=$(( $(date +%s) - start ))
out_has "Added 0 runs, 30000 already in the journal."
if [ "$took" -le 8 ]; then ok; else fail "re-importing 30000 runs took $took s"; fi

done_tests
