#!/bin/sh
# Planned runs: runlog plan adds one for a day from today to 365 days
# ahead (+N and weekday names look ahead), refuses any other day and any
# value out of range with nothing written, and lists them; every other
# command still refuses a future day. Plans go through show, edit,
# delete, undo, redo, export and import like every entry, never count as
# training, and are done when a run is logged on their day.
. tests/lib.sh
J=$T/j.db
plans() { sqlite3 "$1" "SELECT id, day, distance_m, duration_s, rpe, type, note FROM plan ORDER BY id" 2>/dev/null; }

# --- adding, and the days a plan may have (today is Wed 2026-11-25) ------
expect 0 "$RUNLOG" --db "$J" plan 12km 1:05:00 --date sun --type long --rpe 6 --note "with Ana"
out_has "Planned p1 for Sun 2026-11-29: 12.00 km  1:05:00  5:25 /km  long  RPE 6"
expect 0 "$RUNLOG" --db "$J" plan 8 -d +3
out_has "Planned p2 for Sat 2026-11-28: 8.00 km  easy"
expect 0 "$RUNLOG" --db "$J" plan 5 -d wed
out_has "p3 for Wed 2026-12-02"
expect 0 "$RUNLOG" --db "$J" plan 6
out_has "p4 for Wed 2026-11-25"
expect 0 "$RUNLOG" --db "$J" plan 6 -d tomorrow
out_has "p5 for Thu 2026-11-26"
expect 0 "$RUNLOG" --db "$J" plan 10 -d +365 -t easy
out_has "p6 for Thu 2027-11-25"
expect 0 "$RUNLOG" --db "$J" plan 7 -d 2026-12-24
out_has "p7 for Thu 2026-12-24"
same "$(count "$J" plan) $(count "$J" run)" "7 0" "plans are not runs"
same "$(sqlite3 "$J" "SELECT distance_m, duration_s, rpe, type, note FROM plan WHERE id = 1")" \
    "12000|3900|6|long|with Ana" "the plan's fields as stored"
same "$(sqlite3 "$J" "SELECT count(*) FROM plan WHERE id > 1 AND duration_s IS NULL AND rpe IS NULL")" 6 \
    "a plan without duration or RPE stores none"

before=$(plans "$J")
expect 1 "$RUNLOG" --db "$J" plan 10 --date +366
err_has "date +366: is too far ahead; a plan is for a day from today to 365 days ahead (2026-11-25 to 2027-11-25)"
expect 1 "$RUNLOG" --db "$J" plan 10 --date 2027-11-26
err_has "is too far ahead"
expect 1 "$RUNLOG" --db "$J" plan 10 --date 2026-11-24
err_has "date 2026-11-24: is in the past; a plan is for a day from today to 365 days ahead"
expect 1 "$RUNLOG" --db "$J" plan 10 --date yesterday
err_has "date yesterday: is in the past"
expect 1 "$RUNLOG" --db "$J" plan 10 --date -2
err_has "date '-2': expected YYYY-MM-DD, 'today', 'tomorrow', +N (days ahead) or a weekday name (the next such day)"
expect 1 "$RUNLOG" --db "$J" plan 0 --date +2
err_has "distance 0: must be more than 0 and at most 500 km"
expect 1 "$RUNLOG" --db "$J" plan 501km
err_has "distance 501km: must be more than 0 and at most 500 km"
expect 1 "$RUNLOG" --db "$J" plan 10 0:00
err_has "duration"
expect 1 "$RUNLOG" --db "$J" plan 10 --rpe 11
err_has "rpe 11: must be a whole number from 1 to 10"
expect 1 "$RUNLOG" --db "$J" plan 10 --type jog
err_has "type 'jog': must be one of easy, long, tempo"
expect 1 "$RUNLOG" --db "$J" plan 10km 10:00
err_has "faster than any human"
expect 2 "$RUNLOG" --db "$J" plan --date +2
err_has "missing DISTANCE"
same "$(plans "$J")" "$before" "a refused plan wrote something"
[ -e "$T/none.db" ] && fail "a refused plan made a journal"
expect 1 "$RUNLOG" --db "$T/none.db" plan 10 --date +400
[ -e "$T/none.db" ] && fail "a refused plan made a journal" || ok

# Nothing else takes a future day.
expect 1 "$RUNLOG" --db "$J" run 10 50:00 --date 2026-11-26
err_has "date 2026-11-26: is in the future; entries are for today or earlier"
for c in "sleep 7" "drink 500ml" "fatigue 3" "rest"; do
	# shellcheck disable=SC2086
	expect 1 "$RUNLOG" --db "$J" $c --date 2026-11-26
	err_has "is in the future"
done
expect 1 "$RUNLOG" --db "$J" run 10 50:00 --date +1
err_has "date '+1': expected YYYY-MM-DD, 'today', 'yesterday'"
expect 0 "$RUNLOG" --db "$J" run 10 50:00 --date 2026-11-20
expect 1 "$RUNLOG" --db "$J" edit r1 --date 2026-11-26
err_has "is in the future"
printf 'date,start_time_utc,distance_km,duration_s,rpe_1_10,type,avg_hr_bpm,climb_m,mass_before_kg,mass_after_kg,note,source,external_id,created_at,updated_at\n2026-11-30,,10.000,3000,,easy,,,,,,runlog,,,\n' > "$T/future-run.csv"
expect 1 "$RUNLOG" --db "$J" import "$T/future-run.csv"
err_has "the future"
same "$(count "$J" run)" 1 "a future run was imported"

# --- units: a bare distance is in the configured unit ---------------------
mkdir -p "$T/config/runlog"
printf 'units = mi\n' > "$T/config/runlog/config"
expect 0 "$RUNLOG" --db "$T/mi.db" plan 5 --date +1
out_has "5.00 mi"
same "$(sqlite3 "$T/mi.db" 'SELECT distance_m FROM plan')" 8047 "5 mi stored in metres"
expect 1 "$RUNLOG" --db "$T/mi.db" plan 311 --date +1
err_has "distance 311: must be more than 0 and at most"
rm "$T/config/runlog/config"

# --- the list, show ------------------------------------------------------
expect 0 "$RUNLOG" --db "$J" plan
out_has "Planned from today, 2026-11-25:"
out_has "  p4     Wed 2026-11-25  6.00 km  easy"
out_has "  p1     Sun 2026-11-29  12.00 km  1:05:00  5:25 /km  long  RPE 6  \"with Ana\""
out_has "  p6     Thu 2027-11-25  10.00 km  easy"
expect 2 "$RUNLOG" --db "$J" plan --type long
expect 0 "$RUNLOG" --db "$J" show --from 2026-11-20 --to 2026-12-31
out_has "  p1     plan     12.00 km  1:05:00  5:25 /km  long  RPE 6  \"with Ana\""
out_has "  r1     run      10.00 km"
expect 0 "$RUNLOG" --db "$J" show
out_has "  p4     plan     6.00 km  easy"
if grep -q "p1 " "$T/out"; then fail "show lists a plan after --to"; else ok; fi

# --- edit, delete, undo, redo ---------------------------------------------
expect 0 "$RUNLOG" --db "$J" edit p1 --distance 14 --rpe 7 --duration 1:10:00
out_has "Changed p1: distance 12.00 -> 14.00 km, duration 1:05:00 -> 1:10:00, rpe 6 -> 7."
expect 0 "$RUNLOG" --db "$J" edit p1 --date +10
out_has "date 2026-11-29 -> 2026-12-05"
before=$(plans "$J")
expect 1 "$RUNLOG" --db "$J" edit p1 --date 2026-11-24
err_has "is in the past; a plan is for a day from today to 365 days ahead"
expect 1 "$RUNLOG" --db "$J" edit p1 --date +366
err_has "is too far ahead"
expect 2 "$RUNLOG" --db "$J" edit p1 --hr 150
err_has "--hr does not apply to p1, a plan"
expect 1 "$RUNLOG" --db "$J" edit p1 --distance 0
err_has "distance 0: must be more than 0"
same "$(plans "$J")" "$before" "a refused edit changed the plan"
expect 0 "$RUNLOG" --db "$J" delete p2
out_has "Deleted plan p2 (2026-11-28, 8.00 km  easy)."
same "$(count "$J" plan)" 6 "delete removed the plan"
expect 0 "$RUNLOG" --db "$J" undo
out_has "Undone: delete plan p2."
same "$(plans "$J")" "$before" "undo brought the plan back as it was"
expect 0 "$RUNLOG" --db "$J" redo
same "$(count "$J" plan)" 6 "redo deleted it again"
expect 0 "$RUNLOG" --db "$J" undo
expect 0 "$RUNLOG" --db "$J" undo
out_has "Undone: edit plan p1"
same "$(sqlite3 "$J" 'SELECT day FROM plan WHERE id = 1')" 2026-11-29 "undo of the edit"
expect 0 "$RUNLOG" --db "$J" redo
same "$(plans "$J")" "$before" "redo of the edit"

# --- export and import ------------------------------------------------------
expect 0 "$RUNLOG" --db "$J" export --what plans -o "$T/plans-1.csv"
out_has "Wrote 7 planned runs"
same "$(head -1 "$T/plans-1.csv" | tr -d '\r')" "date,distance_km,duration_s,rpe_1_10,type,plan_note,created_at,updated_at" "the plans file's header"
expect 0 "$RUNLOG" --db "$T/b.db" import "$T/plans-1.csv"
out_has "Added 7 planned runs."
expect 0 "$RUNLOG" --db "$T/b.db" export --what plans
if cmp -s "$T/out" "$T/plans-1.csv"; then ok; else fail "plans: round trip differs"; diff "$T/plans-1.csv" "$T/out" >&2; fi
expect 0 "$RUNLOG" --db "$T/b.db" import "$T/plans-1.csv"
out_has "Added 0 planned runs, 7 already in the journal."
same "$(count "$T/b.db" plan) $(count "$T/b.db" run)" "7 0" "importing plans again"
# A plan whose day has passed imports as it is: it is history.
expect 0 "$RUNLOG" --db "$J" export --what plans -o "$T/later.csv"
RUNLOG_TODAY=2027-01-10 expect 0 "$RUNLOG" --db "$T/c.db" import "$T/later.csv"
same "$(count "$T/c.db" plan)" 7 "past plans import"
expect 0 "$RUNLOG" --db "$J" export --all -o "$T/all"
out_has "7 planned runs"
same "$(cat "$T/all/plans.csv")" "$(cat "$T/plans-1.csv")" "export --all writes plans.csv"
expect 0 "$RUNLOG" --db "$T/d.db" import "$T/all/runs.csv" "$T/all/plans.csv"
same "$(count "$T/d.db" plan) $(count "$T/d.db" run)" "7 1" "a directory import brings plans and runs"

# --- plans are never training ------------------------------------------------
D=$T/demo.db
expect 0 "$RUNLOG" --db "$D" demo
out_has "And 7 runs planned for today and the next 9 days (runlog plan)."
same "$(count "$D" plan)" 7 "the demo's plans"
expect 0 "$RUNLOG" --db "$D" plan
out_has "  p1     Wed 2026-11-25  8.00 km  tempo  RPE 7  [done]"
out_has "  p7     Thu 2026-12-03  6.00 km  easy"
expect 0 "$RUNLOG" --db "$D" plan 42.2km 3:30:00 --date today --type race
expect 0 "$RUNLOG" --db "$D" plan 35km --date +2
reports() {
	for c in "check --verbose" "check --date 2026-11-20" "week" "trends --weeks 16" \
	    "fitness" "totals" "calendar 2026" "records --all" "export --what days" \
	    "export --what runs"; do
		echo "== $c"
		# shellcheck disable=SC2086
		"$RUNLOG" --db "$D" $c 2>&1
	done
}
with=$(reports)
# delete takes a few ids at a time
for ids in "$(sqlite3 "$D" "SELECT 'p' || id FROM plan WHERE id <= 5" | tr '\n' ' ')" \
    "$(sqlite3 "$D" "SELECT 'p' || id FROM plan WHERE id > 5" | tr '\n' ' ')"; do
	# shellcheck disable=SC2086
	expect 0 "$RUNLOG" --db "$D" delete $ids
done
same "$(count "$D" plan)" 0 "the plans deleted"
without=$(reports)
if [ "$with" = "$without" ]; then ok; else
	fail "plans changed what the reports count"
	printf '%s\n' "$with" > "$T/with"; printf '%s\n' "$without" > "$T/without"
	diff "$T/with" "$T/without" >&2
fi
case $with in *"planned"*|*" p1"*) fail "a report names a plan" ;; *) ok ;; esac

# --- a run on a plan's day closes it -------------------------------------------
P=$T/p.db
expect 0 "$RUNLOG" --db "$P" plan 6 --date today
expect 0 "$RUNLOG" --db "$P" plan 8 --date tomorrow
expect 0 "$RUNLOG" --db "$P" plan 10 --date +2
expect 0 "$RUNLOG" --db "$P" plan
if grep -q "done" "$T/out"; then fail "a plan is done before any run"; else ok; fi
expect 0 "$RUNLOG" --db "$P" run 5.5 33:00
expect 0 "$RUNLOG" --db "$P" plan
out_has "  p1     Wed 2026-11-25  6.00 km  easy  [done]"
# Two days later: the first plan done, the second not, the third today.
RUNLOG_TODAY=2026-11-27 expect 0 "$RUNLOG" --db "$P" plan
out_has "The past 7 days:"
out_has "  p1     Wed 2026-11-25  6.00 km  easy  [done]"
out_has "  p2     Thu 2026-11-26  8.00 km  easy  [not done]"
out_has "Planned from today, 2026-11-27:"
out_has "  p3     Fri 2026-11-27  10.00 km  easy"
# Done is worked out, not stored: deleting the run reopens the plan.
expect 0 "$RUNLOG" --db "$P" delete r1
RUNLOG_TODAY=2026-11-27 expect 0 "$RUNLOG" --db "$P" plan
out_has "  p1     Wed 2026-11-25  6.00 km  easy  [not done]"
same "$(sqlite3 "$P" "SELECT count(*) FROM pragma_table_info('plan') WHERE name LIKE '%done%'")" 0 \
    "the plan table stores no done state"
# An old plan may still be changed, but not moved into the past.
RUNLOG_TODAY=2026-11-27 expect 0 "$RUNLOG" --db "$P" edit p2 --note "skipped: rain"
out_has "Changed p2: note none -> \"skipped: rain\"."
RUNLOG_TODAY=2026-11-27 expect 1 "$RUNLOG" --db "$P" edit p2 --date 2026-11-26
err_has "is in the past"
RUNLOG_TODAY=2026-12-10 expect 0 "$RUNLOG" --db "$P" plan
out_has "No runs planned from today, 2026-12-10"

done_tests
