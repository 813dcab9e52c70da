#!/bin/sh
# GPX and TCX files end to end: runlog import of the real fixtures into a
# new journal, show lists the runs on their local days, importing again
# adds nothing, other sports and accidental recordings are reported, and
# a broken file is refused naming the file, line and column with nothing
# written.
. tests/lib.sh
J=$T/j.db
G=tests/fixtures/gpx; X=tests/fixtures/tcx

expect 0 "$RUNLOG" --db "$J" import "$G/cerknicko-jezero.gpx"
out_has "a GPX track, 1 row."
out_has "Added 1 run."
expect 0 "$RUNLOG" --db "$J" import "$X/garmin-running-lap.tcx"
out_has "a TCX activity file, 1 row."
out_has "Added 1 run."
expect 0 "$RUNLOG" --db "$J" show --from 2010-01-01 --to 2013-01-31
out_has "2010-08-05"
out_has "4.58 km  43:28"
out_has "[gpx]"
out_has "2012-12-26"
out_has "1.61 km  10:08"
out_has "HR 139"
out_has "[tcx]"
before=$(rows "$J")
for f in "$G/cerknicko-jezero.gpx" "$X/garmin-running-lap.tcx"; do
	expect 0 "$RUNLOG" --db "$J" import "$f"
	out_has "Added 0 runs, 1 already in the journal."
done
same "$(rows "$J")" "$before" "importing again changed the journal"

# The day is the local one: 21:29 UTC is the next morning in Tokyo.
expect 0 env TZ=Asia/Tokyo "$RUNLOG" --db "$T/tokyo.db" import "$X/garmin-running-lap.tcx"
expect 0 "$RUNLOG" --db "$T/tokyo.db" show --from 2012-12-27 --to 2012-12-27
out_has "1.61 km"

expect 0 "$RUNLOG" --db "$J" import "$G/garmin-tpx-road-biking.gpx"
out_has "Skipped 1 row of other sports (road_biking 1)."
sed 's/road_biking/running/' "$G/garmin-tpx-road-biking.gpx" > "$T/blip.gpx"
expect 0 "$RUNLOG" --db "$J" import "$T/blip.gpx"
out_has "Skipped 1 accidental recording (no distance, under 100 m or under a minute)."
same "$(rows "$J")" "$before" "a skipped activity changed the journal"

# Cut in the middle: refused, named, nothing written.
head -c 20000 "$G/cerknicko-jezero.gpx" > "$T/cut.gpx"
expect 1 "$RUNLOG" --db "$J" import "$T/cut.gpx"
err_has "cut.gpx: line 700, column"
err_has "not well-formed XML"
err_has "nothing was imported"
same "$(rows "$J")" "$before" "a refused file changed the journal"

# Strava's white space before the declaration, and --format.
{ printf '\n  '; cat "$G/cerknicko-jezero.gpx"; } > "$T/strava.gpx"
expect 0 "$RUNLOG" --db "$T/s.db" import --format gpx "$T/strava.gpx"
out_has "Added 1 run."
expect 1 "$RUNLOG" --db "$T/s.db" import --format tcx "$T/strava.gpx"
err_has "not that of a tcx file"
done_tests
