#!/bin/sh
# Garmin's export JSON files and the wellness CSVs end to end: runlog
# import of each fixture into a new journal, show lists the runs, nights,
# drinks and check-ins on their days, importing again adds nothing, and a
# broken file is refused naming the file and the place with nothing
# written. Check-in values without a fatigue rating (resting HR, HRV,
# body mass alone) are kept without one (tests/wellness.test.sh).
. tests/lib.sh
J=$T/j.db
G=tests/fixtures/garmin-json; W=tests/fixtures/wellness

expect 0 "$RUNLOG" --db "$J" import "$G/summarizedActivities.json"
out_has "Garmin's activity summaries, 4 records."
out_has "Added 2 runs."
out_has "Skipped 1 record of other sports (cycling 1)."
out_has "Skipped 1 accidental recording"
expect 0 "$RUNLOG" --db "$J" import "$G/sleepData.json"
out_has "Garmin's sleep data, 3 nights."
out_has "Added 2 sleep entries."
expect 0 "$RUNLOG" --db "$J" import "$G/HydrationLogFile_2024-05-01_2024-08-09.json"
out_has "Added 3 drinks."
expect 0 "$RUNLOG" --db "$J" show --from 2024-05-01 --to 2024-05-03
out_has "2024-05-01"
out_has "10.12 km  50:12"
out_has "HR 152  +87 m  [garmin]"
out_has "5.21 km  31:01"
out_has "7h08  quality 4/5"
out_has "7h30"
out_has "0.75 l"
same "$(count "$J" drink)" 3 "three drinks kept"
before=$(rows "$J")
for f in summarizedActivities.json sleepData.json HydrationLogFile_2024-05-01_2024-08-09.json; do
	expect 0 "$RUNLOG" --db "$J" import "$G/$f"
	out_has "Added 0"
	out_has "already in the journal"
done
same "$(rows "$J")" "$before" "importing again changed the journal"

# The run's day is where it was run: 02:15 UTC on May 3 was May 2 evening.
expect 0 env TZ=Asia/Tokyo "$RUNLOG" --db "$T/tokyo.db" import "$G/summarizedActivities.json"
expect 0 "$RUNLOG" --db "$T/tokyo.db" show --from 2024-05-02 --to 2024-05-02
out_has "5.21 km"

# intervals.icu: the rated days land (sleep and check-in), the day with
# only a weight and a night is a check-in without a rating.
expect 0 "$RUNLOG" --db "$T/w.db" import --skip-bad "$W/wellness.csv"
out_has "an intervals.icu wellness export, 3 days."
same "$(count "$T/w.db" sleep)" 3 "three nights from wellness.csv"
same "$(sqlite3 "$T/w.db" "SELECT day, fatigue, soreness, mood, stress, rhr FROM checkin WHERE fatigue IS NOT NULL AND fatigue > 0 ORDER BY day")" \
    "2024-05-02|7|4|4|1|47
2024-05-03|4|2|5|2|50" "the rated check-ins on runlog's scales"
before=$(rows "$T/w.db")
expect 0 "$RUNLOG" --db "$T/w.db" import --skip-bad "$W/wellness.csv"
same "$(rows "$T/w.db")" "$before" "importing wellness.csv again changed the journal"

# Garmin Connect's sleep report.
expect 0 "$RUNLOG" --db "$T/g.db" import --skip-bad "$W/garmin-sleep.csv"
out_has "a Garmin Connect sleep report, 4 nights."
expect 0 "$RUNLOG" --db "$T/g.db" show --from 2025-11-04 --to 2025-11-07
out_has "7h55  quality 4/5"
out_has "6h40  quality 3/5"
out_has "8h02  quality 5/5"
same "$(count "$T/g.db" sleep)" 3 "three nights from the sleep report"

# A bad value names the line, the column and the value; nothing lands.
printf 'id,restingHR,hrv,fatigue,sleepSecs\n2024-05-02,47,62,3,25000\n2024-05-03,48,60,6,25000\n' > "$T/bad.csv"
expect 1 "$RUNLOG" --db "$T/b.db" import "$T/bad.csv"
err_has "line 3, column fatigue: '6': intervals.icu rates from 1 to 4"
err_has "nothing was imported"
# A new journal whose first import fails stays empty: no schema either.
same "$(stat -c %s "$T/b.db")" 0 "a refused wellness file wrote something"

# Cut in the middle: refused, named, nothing written.
before=$(rows "$J")
head -c 1500 "$G/summarizedActivities.json" > "$T/cut.json"
expect 1 "$RUNLOG" --db "$J" import "$T/cut.json"
err_has "cut.json: line 1 (byte 1500): not well-formed JSON"
err_has "nothing was imported"
same "$(rows "$J")" "$before" "a refused file changed the journal"

# --format is checked against the content.
expect 1 "$RUNLOG" --db "$J" import --format intervals "$G/sleepData.json"
err_has "not that of a intervals file"
expect 0 "$RUNLOG" --db "$T/f.db" import --format garmin-json "$G/sleepData.json"
out_has "Added 2 sleep entries."

# A run beyond a human in a file runlog-read reads: skipped and listed
# in runlog's report, the rest imported.
sed 's/"distance":1012345.0/"distance":9012345.0/g' \
    "$G/summarizedActivities.json" > "$T/fast.json"
expect 0 "$RUNLOG" --db "$T/fast.db" import "$T/fast.json"
out_has "Added 1 run."
out_has "Skipped 1 activity beyond what a runner can do"
out_has "line 1, 2024-05-01: 90.12 km in 50:12 is 0:33 /km, faster than any human"
same "$(count "$T/fast.db" run)" 1 "the implausible run was skipped"
# In a batch of many files the summary counts it and lists it under its
# file.
mkdir -p "$T/many"
cp "$T/fast.json" "$G/sleepData.json" "$T/many/"
expect 0 "$RUNLOG" --db "$T/many.db" import "$T/many"
out_has "Garmin's activity summaries (1 file): added 1 run"
out_has "skipped 1 beyond what a runner can do."
out_has "fast.json: beyond what a runner can do"
out_has "line 1, 2024-05-01: 90.12 km in 50:12 is 0:33 /km"
same "$(count "$T/many.db" run)" 1 "the implausible run was skipped in a batch"
done_tests
