#!/bin/sh
# runlog import of folders and archives through runlog-read: the libraries
# stay out of runlog, bad files are refused by name while the others go in,
# archives are limited, and a reader that crashes or hangs touches nothing.
. "$(dirname "$0")/lib.sh"
FX=$(pwd)/tests/fixtures
J=$T/j.db
R() { $RUNLOG --db "$J" "$@"; }

# runlog does not load the archive or XML libraries; runlog-read does.
if readelf -d "$RUNLOG" | grep -qE 'libexpat|libarchive|libyajl'; then
	fail "runlog links a reader's library"; else ok; fi
readelf -d "$(dirname "$RUNLOG")/runlog-read" | grep -q libarchive && ok ||
    fail "runlog-read lacks libarchive"

# A folder as a watch shows it, a zip of it, and .fit.gz members.
mkdir -p "$T/watch/GARMIN/Activity" "$T/z"
cp "$FX/fit/developer-types-sample.fit" "$FX/fit/activity-small-fenix2-run.fit" \
    "$FX/fit/activity-unexpected-eof.fit" "$FX/fit/README.md" "$T/watch/GARMIN/Activity/"
python3 - "$FX" "$T/z" <<'PY'
import gzip, io, sys, zipfile
fx, out = sys.argv[1], sys.argv[2]
fit = open(fx + "/fit/developer-types-sample.fit", "rb").read()
tcx = open(fx + "/tcx/garmin-running-lap.tcx", "rb").read()
with zipfile.ZipFile(out + "/export_1.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("activities/1.fit.gz", gzip.compress(fit))
    z.writestr("activities/2.tcx.gz", gzip.compress(tcx))
    z.writestr("profile.txt", "not an activity file\n")
# a bomb: one member of 2 MiB of zeros (the test sets a 1 MiB limit)
with zipfile.ZipFile(out + "/bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("big.fit", b"\0" * (2 << 20))
# nesting: a zip in a zip in a zip in a zip
inner = gzip.compress(fit)
for i in range(4):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr("n%d.zip" % i if i else "run.fit.gz", inner)
    inner = b.getvalue()
open(out + "/deep.zip", "wb").write(inner)
PY

before=$(rows "$J")
expect 1 R import "$T/watch"
out_has "a FIT file (2 files): added 2 runs"
out_has "Passed over 1 file"
err_has "activity-unexpected-eof.fit: byte 768"
same "$(count "$J" run)" 2 "a damaged file kept the others out"

# The same runs again, from a zip: nothing added; the TCX member is new.
expect 0 R import "$T/z/export_1.zip"
out_has "a FIT file (1 file): added 0 runs, 1 already in the journal"
out_has "a TCX activity file (1 file): added 1 run"
same "$(count "$J" run)" 3 "the zip's new run"
expect 0 R import "$T/z/export_1.zip" "$T/watch/GARMIN/Activity/developer-types-sample.fit"
same "$(count "$J" run)" 3 "importing again added runs"

# The fixture folder: per format, what went in and what was skipped and
# why; each damaged file named with its byte.
expect 1 $RUNLOG --db "$T/none.db" import --dry-run "$FX/fit"
out_has "a FIT file (8 files): would add 3 runs, skipped 2 accidental recordings, skipped 5 of other sports (cycling 2, swimming 1, transition 2), 2 not an activity."
err_has "activity-settings-corruptheader.fit: byte 779:"
err_has "activity-unexpected-eof.fit: byte 768:"
[ -e "$T/none.db" ] && fail "a dry run made a journal" || ok

# A dry run writes nothing; one undo step takes back a whole import.
before=$(rows "$J")
expect 0 R import "$T/z/export_1.zip" --dry-run
same "$(rows "$J")" "$before" "a dry run wrote"
expect 1 $RUNLOG --db "$T/u.db" import "$T/watch" "$T/z/export_1.zip"
same "$(count "$T/u.db" run)" 3 "the runs of a folder and a zip"
expect 0 $RUNLOG --db "$T/u.db" undo
same "$(count "$T/u.db" run)" 0 "one undo did not take back the whole import"

# A .tar.gz holding a folder, and a file compressed with xz.
mkdir -p "$T/tg/a"
cp "$FX/tcx/garmin-running-lap.tcx" "$FX/fit/developer-types-sample.fit" "$T/tg/a/"
tar czf "$T/tg/x.tar.gz" -C "$T/tg" a
xz -c "$FX/tcx/garmin-running-lap.tcx" >"$T/tg/lap.tcx.xz"
expect 0 $RUNLOG --db "$T/t.db" import "$T/tg/x.tar.gz" "$T/tg/lap.tcx.xz"
out_has "a TCX activity file (2 files): added 1 run, 1 already in the journal"
out_has "a FIT file (1 file): added 1 run"

# Limits: a member over the limit, archives nested too deep.
RUNLOG_READ_MEMBER_MAX=1048576 expect 1 R import "$T/z/bomb.zip"
err_has "big.fit: decompresses to more than 1 MiB"
expect 1 R import "$T/z/deep.zip"
err_has "nested more than 3 deep"
same "$(rows "$J")" "$before" "a refused archive wrote"

# A reader that crashes, hangs, lies or is missing: the file is refused by
# name, the journal untouched.
cat >"$T/crash" <<'SH'
#!/bin/sh
echo "runlog-read 1"; kill -SEGV $$
SH
cat >"$T/hang" <<'SH'
#!/bin/sh
echo "runlog-read 1"; printf 'F\t0\t\n'; exec sleep 30
SH
cat >"$T/liar" <<'SH'
#!/bin/sh
printf 'runlog-read 1\nF\t0\t\nT\tfit\nE\tr\t0\tday=0\tdistance_m=5000\tduration_s=x\nK\n'
SH
cat >"$T/babbler" <<'SH'
#!/bin/sh
printf 'runlog-read 1\nF\t0\t\nZ\tsomething\n'; head -c 300000 /dev/zero | tr '\0' x
SH
cat >"$T/titler" <<'SH'
#!/bin/sh
printf 'runlog-read 1\nF\t0\t\nT\tfit\nC\ttitle\t0\tyour bank statement\nK\n'
SH
chmod +x "$T/crash" "$T/hang" "$T/liar" "$T/babbler" "$T/titler"
F=$FX/fit/activity-small-fenix2-run.fit
RUNLOG_READ=$T/crash expect 1 R import "$F"
err_has "activity-small-fenix2-run.fit: the file reader crashed (signal 11)"
RUNLOG_READ=$T/hang RUNLOG_READ_TIMEOUT=1 expect 1 R import "$F"
err_has "took more than 1 s"
RUNLOG_READ=$T/liar expect 1 R import "$F"
err_has "duration"
RUNLOG_READ=$T/babbler expect 1 R import "$F"
err_has "a line runlog does not understand"
RUNLOG_READ=$T/titler expect 1 R import "$F"
err_has "a malformed count"
RUNLOG_READ=$T/none expect 1 R import "$F"
err_has "the file reader $T/none is missing"
same "$(rows "$J")" "$before" "a failed reader wrote"

# Strava's bulk export: a row of activities.csv and the FIT file it names
# are one run, kept with the file's measured values and the row's name.
mkdir -p "$T/sx"
printf 'id,date,name,type,description,elapsed_time,distance,commute,gear,filename\n300000001,2017-01-17 10:00:00,Tuesday tempo,Run,,3440,6760.2,false,,activities/300000001.fit.gz\n300000002,2017-01-18 10:00:00,Easy,Run,,1800,5000,false,,\n' >"$T/sx/activities.csv"
python3 - "$FX" "$T/sx" <<'PY'
import gzip, sys, zipfile
fx, out = sys.argv[1], sys.argv[2]
fit = open(fx + "/fit/developer-types-sample.fit", "rb").read()
with zipfile.ZipFile(out + "/export_1.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.write(out + "/activities.csv", "activities.csv")
    z.writestr("activities/300000001.fit.gz", gzip.compress(fit))
PY
J2=$T/s.db
expect 0 $RUNLOG --db "$J2" import "$T/sx/export_1.zip"
out_has "merged 1 with the same run from another source"
out_has "line 2, the strava run of 2017-01-17, is the fit run"
same "$(sqlite3 "$J2" "SELECT day, distance_m, duration_s, source, note FROM run ORDER BY day")" \
"2017-01-17|6754|3424|fit|Tuesday tempo
2017-01-18|5000|1800|strava|Easy" "a row and its file were not one run"
# Again, and the CSV alone: nothing added (the journal's run from the file
# is matched by day, distance and duration).
expect 0 $RUNLOG --db "$J2" import "$T/sx/export_1.zip"
expect 0 $RUNLOG --db "$J2" import "$T/sx/activities.csv"
out_has "is one the journal holds from another source"
same "$(count "$J2" run)" 2 "importing the export again added runs"

# A Garmin export with a recording of no distance and half a second: counted
# and skipped, not fatal, without --skip-bad.
{ cat "$FX/garmin-km.csv"; echo 'Running,2026-04-20 07:00:00,false,Oops,0.00,0,00:00:00.5,--,--,--,--,--,--,--,--,--,--,--,--,--,--,--,00:00:00.5,00:00:00.5,--,--'; } >"$T/g.csv"
expect 0 $RUNLOG --db "$T/g.db" import "$T/g.csv"
out_has "Skipped 1 accidental recording"
same "$(count "$T/g.db" run)" 3 "the Garmin export's runs"

# CSV is read in runlog itself, without the reader.
RUNLOG_READ=$T/none expect 0 R import "$FX/strava-2025.csv"
done_tests
