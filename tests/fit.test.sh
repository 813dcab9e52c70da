#!/bin/sh
# FIT files end to end: a watch's run goes into a new journal and shows
# with its day, distance and time; importing it again adds nothing; a
# damaged file is refused naming the file and the byte and changes
# nothing; a dry run writes nothing; files without a run say why.
. tests/lib.sh
J=$T/j.db
F=tests/fixtures/fit

expect 0 "$RUNLOG" --db "$J" import --dry-run "$F/activity-small-fenix2-run.fit"
out_has "Dry run, nothing was written"
out_has "a FIT file, 1 session."
out_has "Would add 1 run."
if [ -e "$J" ]; then fail "a dry run created the journal"; else ok; fi

expect 0 "$RUNLOG" --db "$J" import "$F/activity-small-fenix2-run.fit"
out_has "Added 1 run."
same "$(count "$J" run)" 1 "one run after the import"
stored=$(sqlite3 "$J" "SELECT day, distance_m, duration_s, climb_m, source,
    external_id FROM run")
same "$stored" "2015-08-15|9008|2832|64|fit|fit:3882015183:808587161" \
    "the run's stored values: $stored"
expect 0 "$RUNLOG" --db "$J" show --from 2015-08-15 --to 2015-08-15
out_has "2015-08-15"
out_has "9.01 km"
out_has "47:12"
out_has "[fit]"

before=$(rows "$J")
expect 0 "$RUNLOG" --db "$J" import "$F/activity-small-fenix2-run.fit"
out_has "Added 0 runs, 1 already in the journal."
same "$(rows "$J")" "$before" "importing the file again changed the journal"

# The run leg of a triathlon; the other legs are counted by sport.
expect 0 "$RUNLOG" --db "$J" import "$F/sample_mulitple_header.fit"
out_has "a FIT file, 5 sessions."
out_has "Added 1 run."
out_has "Skipped 4 sessions of other sports (swimming 1, transition 2, cycling 1)."

# Short recordings and files without an activity: reported, exit 0.
expect 0 "$RUNLOG" --db "$J" import "$F/garmin-fenix-5-run.fit"
out_has "Skipped 1 accidental recording"
expect 0 "$RUNLOG" --db "$J" import "$F/Settings.fit"
out_has "Nothing to import: a settings file, not an activity."
expect 0 "$RUNLOG" --db "$J" import "$F/garmin-edge-500-activity.fit"
out_has "cycling 1"

# Damage: refused, naming the file and the byte; nothing changes.
before=$(rows "$J")
expect 1 "$RUNLOG" --db "$J" import "$F/activity-unexpected-eof.fit"
err_has "activity-unexpected-eof.fit: byte 768: the file ends early"
err_has "nothing was imported"
expect 1 "$RUNLOG" --db "$J" import "$F/activity-settings-corruptheader.fit"
err_has "activity-settings-corruptheader.fit: byte 779"
head -c 5000 "$F/activity-small-fenix2-run.fit" > "$T/cut.fit"
expect 1 "$RUNLOG" --db "$J" import "$T/cut.fit"
err_has "cut.fit: byte 5000: the file ends early"
same "$(rows "$J")" "$before" "a refused file changed the journal"

# --format fit is a name for the format; a CSV is not one.
expect 0 "$RUNLOG" --db "$J" import --format fit "$F/activity-small-fenix2-run.fit"
expect 1 "$RUNLOG" --db "$J" import --format fit tests/fixtures/strava-2025.csv
err_has "not that of a fit file"

# One undo takes the import back.
expect 0 "$RUNLOG" --db "$J" undo
same "$(count "$J" run)" 1 "undo took back the triathlon's run"

done_tests
