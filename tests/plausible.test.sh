#!/bin/sh
# Plausibility: runs beyond a human, ambiguous units, bare numbers in the
# runner's unit, body mass lost in one run; on the command line, in edit
# and in imports. Refused values exit non-zero, name what is wrong and
# write nothing.
. tests/lib.sh

D="$T/j.db"
expect 0 "$RUNLOG" --db "$D" run 8km 45:00 -d 2026-11-20
before=$(rows "$D")

# A pace typed as a duration: refused, with what was likely meant.
expect 1 "$RUNLOG" --db "$D" run 10km 5:15
err_has "10.00 km in 5:15 is 0:32 /km, faster than any human; did you mean a pace of 5:15 /km (52:30)?"
err_has "no faster than the world record for its distance: 26:11 here (2:37 /km)"
same "$(rows "$D")" "$before" "an implausible run was written"

# The records themselves, at and one second beyond.
for ok_run in "10km 26:11" "800m 1:41" "5km 12:36" "42.195km 2:00:35" \
    "400m 0:51" "21.0975km 57:30"; do
	expect 0 "$RUNLOG" --db "$T/rec.db" run $ok_run
done
for bad_run in "10km 26:10" "800m 1:40" "5km 12:35" "42.195km 2:00:34" \
    "400m 0:50" "21.0975km 57:29" "100km 4:00:00"; do
	expect 1 "$RUNLOG" --db "$T/rec.db" run $bad_run
	err_has "faster than any human"
done
same "$(count "$T/rec.db" run)" 6 "the record runs are not all kept"
# Between two records the pace is interpolated: 3000 m lies between the
# mile (2:18.7 /km) and 5000 m (2:31.1 /km): 2:23.8 /km, 7:11.3 for 3 km.
expect 0 "$RUNLOG" --db "$T/rec.db" run 3000m 7:12
expect 1 "$RUNLOG" --db "$T/rec.db" run 3000m 7:11
err_has "7:12 here"
# No suggestion when the duration cannot be a pace.
expect 1 "$RUNLOG" --db "$D" run 45km 30:00
err_has "check the distance and the duration"
# In miles the suggestion is a pace per mile.
printf 'units = mi\n' >"$T/mi.ini"
expect 1 "$RUNLOG" --config "$T/mi.ini" --db "$D" run 6 8:00
err_has "6.00 mi in 8:00 is 1:20 /mi, faster than any human; did you mean a pace of 8:00 /mi (48:00)?"
same "$(rows "$D")" "$before" "an implausible run in miles was written"

# M could be metres or miles: refused, naming the accepted units.
expect 1 "$RUNLOG" --db "$D" run 10M 52:30
err_has "distance '10M': M could mean metres or miles"
err_has "accepted units: km, k, mi, m"
expect 1 "$RUNLOG" --db "$D" run "10 M" 52:30
err_has "M could mean metres or miles"
same "$(rows "$D")" "$before" "a run in M was written"
expect 0 "$RUNLOG" --db "$D" run 10mi 1:30:00 -d 2026-11-21
out_has "16.09 km"

# A bare number is in the runner's unit whatever its size.
D2="$T/d.db"
expect 0 "$RUNLOG" --db "$D2" drink 20
out_has "20.00 l"
expect 0 "$RUNLOG" --db "$D2" drink 0.5
out_has "0.50 l"
expect 1 "$RUNLOG" --db "$D2" drink 21
err_has "volume '21': a bare number is in litres, and a drink is at most 20 l; for millilitres write 21ml"
expect 1 "$RUNLOG" --db "$D2" drink 500
err_has "write 500ml"
same "$(count "$D2" drink)" 2 "a refused drink was written"
expect 0 "$RUNLOG" --db "$D2" drink 500ml
out_has "0.50 l"

# Body mass: 5% of 70 kg is 3.5 kg; 66.5 kg is kept, 66.4 kg refused.
before=$(rows "$D")
expect 1 "$RUNLOG" --db "$D" run 10km 52:30 --before 70 --after 60
err_has "body mass 70.0 kg before and 60.0 kg after is a loss of 14.3% in one run; more than 5%"
err_has "give --force"
expect 1 "$RUNLOG" --db "$D" run 10km 52:30 --before 70 --after 66.4
err_has "loss of 5.1%"
same "$(rows "$D")" "$before" "a run losing over 5% was written"
expect 0 "$RUNLOG" --db "$D" run 10km 52:30 --before 70 --after 66.5 -d 2026-11-22
expect 0 "$RUNLOG" --db "$D" run 10km 52:30 --before 70 --after 60 --force -d 2026-11-23
same "$(sqlite3 "$D" "SELECT mass_after_g FROM run WHERE day = '2026-11-23'")" 60000 \
    "--force did not keep the masses"
# A gain is no loss.
expect 0 "$RUNLOG" --db "$D" run 5km 30:00 --before 60 --after 64 -d 2026-11-24

# edit judges what it changes the same way, and writes nothing refused.
id=$(sqlite3 "$D" "SELECT id FROM run WHERE day = '2026-11-20'")
before=$(rows "$D")
expect 1 "$RUNLOG" --db "$D" edit "r$id" --duration 5:15
err_has "faster than any human"
expect 1 "$RUNLOG" --db "$D" edit "r$id" --distance 10M
err_has "M could mean metres or miles"
expect 1 "$RUNLOG" --db "$D" edit "r$id" --before 70 --after 60
err_has "loss of 14.3%"
same "$(rows "$D")" "$before" "edit wrote an implausible run"
expect 0 "$RUNLOG" --db "$D" edit "r$id" --duration 44:00

# Imports skip an implausible activity, list it and import the rest.
cat >"$T/rides.csv" <<'EOF'
date,distance_km,duration_s,rpe_1_10,type,avg_hr_bpm,climb_m,mass_before_kg,mass_after_kg,note,source,external_id,created_at,updated_at
2026-11-10,10.000,3150,,easy,,,,,,runlog,,,
2026-11-11,45.000,1800,,easy,,,,,,runlog,,,
2026-11-12,12.000,3900,,easy,,,70,60,,runlog,,,
2026-11-13,10.000,1571,,race,,,,,,runlog,,,
EOF
expect 0 "$RUNLOG" --db "$T/imp.db" import "$T/rides.csv"
out_has "Added 2 runs."
out_has "Skipped 2 activities beyond what a runner can do"
out_has "line 3, 2026-11-11: 45.00 km in 30:00 is 0:40 /km, faster than any human"
out_has "line 4, 2026-11-12: body mass 70.0 kg before and 60.0 kg after is a loss of 14.3%"
same "$(sqlite3 "$T/imp.db" "SELECT group_concat(day) FROM run")" \
    "2026-11-10,2026-11-13" "the import kept the wrong runs"
# The dry run says the same and writes nothing.
expect 0 "$RUNLOG" --db "$T/imp2.db" import --dry-run "$T/rides.csv"
out_has "Skipped 2 activities"

done_tests
