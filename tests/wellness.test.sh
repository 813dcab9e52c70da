#!/bin/sh
# Wellness values end to end: HRV and body mass logged with runlog fatigue
# (the rating optional when another value is given), refused out of range
# with nothing written, shown, edited and undone; a run's UTC start time
# edited and undone; Garmin's JSON files and intervals.icu's wellness.csv
# bring their resting HR, HRV and body mass days in, several files of one
# day make one check-in, and an imported value never overwrites one in the
# journal: each conflict is listed.
. tests/lib.sh
J=$T/j.db
G=tests/fixtures/garmin-json; W=tests/fixtures/wellness
UDS=$G/UDSFile_2024-05-01_2024-08-09.json
HRV=$G/2024-05-01_2024-08-09_90000001_healthStatusData.json
BIO=$G/2024-05-01_2024-08-09_90000001_userBioMetrics.json
ck() { sqlite3 "$1" "SELECT day, quote(fatigue), quote(rhr), quote(hrv_ms), quote(mass_g) FROM checkin ORDER BY day"; }

# Refused values name the field and the range, and create no journal.
expect 1 "$RUNLOG" --db "$J" fatigue --hrv 301 --date 2026-05-01
err_has "HRV 301: must be from 1 to 300 ms"
expect 1 "$RUNLOG" --db "$J" fatigue --hrv 0 --date 2026-05-01
err_has "HRV 0: must be from 1 to 300 ms"
expect 1 "$RUNLOG" --db "$J" fatigue 5 --mass 19.999 --date 2026-05-01
err_has "body mass 19.999: must be from 20 to 300 kg"
expect 1 "$RUNLOG" --db "$J" fatigue --mass 300.001 --date 2026-05-01
err_has "must be from 20 to 300 kg"
expect 2 "$RUNLOG" --db "$J" fatigue --date 2026-05-01
err_has "missing LEVEL or another value"
# flags alone only change a day's check-in; there is none here
expect 1 "$RUNLOG" --db "$J" fatigue --ill --date 2026-05-01
err_has "no journal at"
if [ -e "$J" ]; then fail "a refused check-in created the journal"; else ok; fi

# A day of wellness values only: no rating invented.
expect 0 "$RUNLOG" --db "$J" fatigue --hrv 62 --mass 71.4 --date 2026-05-01
out_has "Logged check-in f1 for 2026-05-01 without a fatigue rating: HRV 62 ms, body mass 71.4 kg."
same "$(ck "$J")" "2026-05-01|NULL|NULL|62|71400" "a check-in without a rating"
expect 0 "$RUNLOG" --db "$J" show --from 2026-05-01 --to 2026-05-01
out_has "check-in  HRV 62 ms  body mass 71.4 kg"
# The rating added later; HRV and mass kept.
expect 0 "$RUNLOG" --db "$J" fatigue 6 --date 2026-05-01
out_has "Changed f1: fatigue none -> 6."
same "$(ck "$J")" "2026-05-01|6|NULL|62|71400" "the rating added"
expect 0 "$RUNLOG" --db "$J" fatigue 4 --rhr 50 --hrv 300 --mass 300 --date 2026-05-02
out_has "Logged check-in f2 for 2026-05-02: fatigue 4/10."

# edit and undo of each new field.
before=$(rows "$J")
expect 0 "$RUNLOG" --db "$J" edit f1 --hrv 55 --mass 70.05
out_has "Changed f1: HRV 62 -> 55 ms, body mass 71.4 -> 70.1 kg."
same "$(ck "$J" | head -n 1)" "2026-05-01|6|NULL|55|70050" "edit of HRV and mass"
expect 1 "$RUNLOG" --db "$J" edit f1 --hrv 400
err_has "HRV 400: must be from 1 to 300 ms"
expect 0 "$RUNLOG" --db "$J" undo
same "$(rows "$J")" "$before" "undo of an edit of HRV and mass"
expect 0 "$RUNLOG" --db "$J" run 10km 50:00 --date 2026-05-01
before=$(rows "$J")
expect 0 "$RUNLOG" --db "$J" edit r1 --start 2026-05-01T05:30:00Z
out_has "start time none -> 2026-05-01T05:30:00Z"
same "$(sqlite3 "$J" "SELECT start_utc FROM run")" 1777613400 "the start time in seconds"
expect 0 "$RUNLOG" --db "$J" show --from 2026-05-01 --to 2026-05-01
out_has "started 2026-05-01T05:30 UTC"
expect 1 "$RUNLOG" --db "$J" edit r1 --start 2026-05-01T25:00:00Z
err_has "start time '2026-05-01T25:00:00Z': expected a UTC time from 1900-01-01 to 2099-12-31"
expect 1 "$RUNLOG" --db "$J" edit r1 --start 2100-01-01T00:00:00Z
err_has "start time '2100-01-01T00:00:00Z': expected a UTC time from 1900-01-01 to 2099-12-31"
expect 0 "$RUNLOG" --db "$J" undo
same "$(rows "$J")" "$before" "undo of an edit of the start time"

# Garmin's JSON files: resting HR, HRV and body mass days, one check-in a
# day however many files give its values. A typed resting HR is kept and
# the file's other value listed.
G1=$T/g.db
expect 0 "$RUNLOG" --db "$G1" fatigue 5 --rhr 50 --date 2024-05-02
expect 0 "$RUNLOG" --db "$G1" import "$UDS"
out_has "Kept 1 value of the journal that the file gives otherwise:"
out_has "  2024-05-02: resting HR 47 in the file, 50 in the journal: kept 50"
expect 0 "$RUNLOG" --db "$G1" import "$HRV"
out_has "Filled in 2 check-ins in the journal with values they lacked."
expect 0 "$RUNLOG" --db "$G1" import "$BIO"
same "$(ck "$G1")" "2024-05-02|5|50|62|71450
2024-05-03|NULL|50|57|NULL
2024-05-04|NULL|NULL|NULL|71080" "Garmin's wellness days merged, the typed values kept"
before=$(rows "$G1")
for f in "$UDS" "$HRV" "$BIO"; do
	expect 0 "$RUNLOG" --db "$G1" import "$f"
	out_has "Added 0 check-ins"
done
same "$(rows "$G1")" "$before" "importing the wellness files again changed the journal"
# The whole import is one undo step.
expect 0 "$RUNLOG" --db "$T/u.db" fatigue 3 --date 2024-05-03
before=$(rows "$T/u.db")
expect 0 "$RUNLOG" --db "$T/u.db" import "$HRV"
same "$(sqlite3 "$T/u.db" "SELECT hrv_ms FROM checkin WHERE day = '2024-05-03'")" 57 "HRV filled in"
expect 0 "$RUNLOG" --db "$T/u.db" undo
same "$(rows "$T/u.db")" "$before" "undo of an import that filled a check-in"

# intervals.icu's wellness.csv: HRV and weight land with the ratings; a
# day with only a weight is a check-in without a rating.
expect 0 "$RUNLOG" --db "$T/w.db" import "$W/wellness.csv"
same "$(ck "$T/w.db")" "2024-05-02|7|47|62|71450
2024-05-03|4|50|58|NULL
2024-05-04|NULL|NULL|NULL|71080" "wellness.csv check-ins"
expect 0 "$RUNLOG" --db "$T/w.db" export --what fatigue
out_has "2024-05-04,,,,,,,71.080,no,no,no,no,no,"

done_tests
