#!/bin/sh
# A week of daily use from the shell: editing an entry by id, logging a
# day's sleep or check-in again field by field, redo, typed dates, units
# typed with a space or a decimal comma, short options, read commands that
# never create a journal, the nearest command, the demo's hints, trends in
# miles and without the weeks before the journal, and export --all.
# RUNLOG_TODAY is 2026-11-25, a Wednesday.
. tests/lib.sh
DB=$T/j.db
R() { expect "$@"; }

# --- edit: every kind, the fields given only, what changed -----------------
R 0 "$RUNLOG" --db "$DB" run 10km 52:30 --rpe 5 --note "easy loop"
R 0 "$RUNLOG" --db "$DB" edit r1 --distance 10.5 --rpe 6
out_has "Changed r1: distance 10.00 -> 10.50 km, rpe 5 -> 6."
R 0 "$RUNLOG" --db "$DB" show
out_has "r1     run      10.50 km  52:30  5:00 /km  easy  RPE 6  \"easy loop\""
R 0 "$RUNLOG" --db "$DB" edit r1 -d yesterday -t long -n "" --hr 150
out_has "Changed r1: date 2026-11-25 -> 2026-11-24, type easy -> long, heart rate none -> 150 bpm, note \"easy loop\" -> none."
R 0 "$RUNLOG" --db "$DB" edit r1 --hr 150
out_has "No change to r1"
R 0 "$RUNLOG" --db "$DB" drink 500ml
R 0 "$RUNLOG" --db "$DB" edit d1 -e --volume "750 ml"
out_has "Changed d1: volume 0.50 -> 0.75 l, electrolytes no -> yes."
R 0 "$RUNLOG" --db "$DB" edit d1 --electrolytes=no
out_has "Changed d1: electrolytes yes -> no."
R 0 "$RUNLOG" --db "$DB" sleep 7.5 -q 4
R 0 "$RUNLOG" --db "$DB" edit s1 --hours 8 -d -2
out_has "Changed s1: date 2026-11-25 -> 2026-11-23, sleep 7h30 -> 8h00."
R 0 "$RUNLOG" --db "$DB" rest -d mon -n "legs"
R 0 "$RUNLOG" --db "$DB" edit x1 -n "travel"
out_has "Changed x1: note \"legs\" -> \"travel\"."
R 0 "$RUNLOG" --db "$DB" fatigue 4 -d 2026-11-20
R 0 "$RUNLOG" --db "$DB" edit f1 --fatigue 5 --ill
out_has "Changed f1: fatigue 4 -> 5, ill no -> yes."
# One edit is one undo step, and redo does it again.
R 0 "$RUNLOG" --db "$DB" undo
out_has "Undone: edit check-in f1 on 2026-11-20."
R 0 "$RUNLOG" --db "$DB" show -f 2026-11-20 --to 2026-11-20
out_has "f1     check-in fatigue 4/10"
R 0 "$RUNLOG" --db "$DB" redo
out_has "Redone: edit check-in f1 on 2026-11-20."
R 0 "$RUNLOG" --db "$DB" show -f 2026-11-20 --to 2026-11-20
out_has "f1     check-in fatigue 5/10  ill"
R 0 "$RUNLOG" --db "$DB" redo
out_has "Nothing to redo."

# Redo goes as far as undo went, newest undo first; a new change drops it.
U=$T/u.db
R 0 "$RUNLOG" --db "$U" drink 100ml
R 0 "$RUNLOG" --db "$U" drink 200ml
R 0 "$RUNLOG" --db "$U" drink 300ml
full=$(rows "$U")
for i in 1 2 3; do R 0 "$RUNLOG" --db "$U" undo; done
out_has "Undone: add drink of 100 ml on 2026-11-25."
R 0 "$RUNLOG" --db "$U" undo
out_has "Nothing to undo."
R 0 "$RUNLOG" --db "$U" redo
out_has "Redone: add drink of 100 ml on 2026-11-25."
R 0 "$RUNLOG" --db "$U" redo
out_has "Redone: add drink of 200 ml on 2026-11-25."
R 0 "$RUNLOG" --db "$U" redo
same "$(rows "$U")" "$full" "undo then redo gave back every field"
R 0 "$RUNLOG" --db "$U" undo
R 0 "$RUNLOG" --db "$U" drink 400ml
R 0 "$RUNLOG" --db "$U" redo
out_has "Nothing to redo."
expect 2 "$RUNLOG" --db "$U" redo now
err_has "unexpected argument 'now'"

# Refusals: exit status, the field and its range named, nothing written.
before=$(rows "$DB")
bad() {
	status=$1; msg=$2; shift 2
	expect "$status" "$RUNLOG" --db "$DB" "$@"
	err_has "$msg"
}
bad 1 "no run r99 in the journal" edit r99 --rpe 3
bad 1 "no sleep s7 in the journal" edit s7 --hours 7
bad 1 "expected an id" edit 12 --rpe 3
bad 2 "missing ID" edit
bad 2 "nothing to change" edit r1
bad 2 "--rpe does not apply to s1, a sleep" edit s1 --rpe 3
bad 2 "--hours does not apply to r1, a run" edit r1 --hours 3
bad 1 "rpe 11: must be a whole number from 1 to 10" edit r1 --rpe 11
bad 1 "distance 0km: must be more than 0 and at most 500 km" edit r1 --distance 0km
bad 1 "quality 6: must be a whole number from 1 to 5" edit s1 -q 6
bad 1 "volume 21l: must be more than 0 and at most 20 l" edit d1 --volume 21l
bad 1 "fatigue 11: must be a whole number from 1 to 10" edit f1 --fatigue 11
bad 1 "date 2026-11-26: is in the future" edit r1 -d 2026-11-26
bad 1 "type 'jog'" edit r1 -t jog
bad 1 "mass" edit r1 --before 70
bad 2 "--ill takes no value but =yes or =no" edit f1 --ill=maybe
same "$(rows "$DB")" "$before" "a refused edit changed the journal"
# Hostile values refused by edit as by logging, the journal untouched.
before=$(rows "$DB")
for v in "" "NaN" "inf" "1e308" "0x1A" "99999999999999999999" "5 5" "'; DROP TABLE run; --" "%s%n"; do
	for o in "r1 --rpe" "r1 --distance" "r1 --duration" "r1 --hr" "r1 --climb" "r1 --type" "r1 --date" "s1 --hours" "s1 --quality" "d1 --volume" "d1 --electrolytes=" "f1 --fatigue" "f1 --mood" "f1 --ill="; do
		set -- $o
		case $2 in *=) set -- "$1" "$2$v" ;; *) set -- "$1" "$2" "$v" ;; esac
		"$RUNLOG" --db "$DB" edit "$@" >"$T/out" 2>"$T/err"; rc=$?
		case $rc in 1|2) ok ;; *) fail "edit $* [$v]: exit $rc, want 1 or 2" ;; esac
		[ -s "$T/err" ] && ok || fail "edit $* [$v]: no message"
	done
done
same "$(rows "$DB")" "$before" "a hostile edit changed the journal"

# A sleep cannot be moved onto a day that has one.
R 0 "$RUNLOG" --db "$DB" sleep 6 -d 2026-11-25
before=$(rows "$DB")
bad 1 "date 2026-11-25: that day already has a sleep (s2)" edit s1 -d 2026-11-25
same "$(rows "$DB")" "$before" "a refused move changed the journal"

# --- logging a day's entry again changes only the fields given ----------
D2=$T/d2.db
R 0 "$RUNLOG" --db "$D2" fatigue 6 --soreness 3 --mood 4 --stress 2 --rhr 52 --note "legs heavy"
R 0 "$RUNLOG" --db "$D2" fatigue 3 --ill
out_has "Changed f1: fatigue 6 -> 3, ill no -> yes."
R 0 "$RUNLOG" --db "$D2" show
out_has "f1     check-in fatigue 3/10  soreness 3/10  mood 4/5  stress 2/5  resting HR 52  ill  \"legs heavy\""
R 0 "$RUNLOG" --db "$D2" fatigue --ill=no -m 5
out_has "Changed f1: mood 4 -> 5, ill yes -> no."
R 0 "$RUNLOG" --db "$D2" fatigue 3 --ill=yes
out_has "Changed f1: ill no -> yes."
R 0 "$RUNLOG" --db "$D2" fatigue 3
out_has "No change to f1"
R 0 "$RUNLOG" --db "$D2" fatigue 2 --replace
out_has "Replaced the check-in f1 for 2026-11-25: fatigue 2/10."
R 0 "$RUNLOG" --db "$D2" show
out_has "f1     check-in fatigue 2/10"
if grep -q "soreness" "$T/out"; then fail "--replace kept the soreness"; else ok; fi
R 0 "$RUNLOG" --db "$D2" sleep 7.5 -q 4 -n "woke once"
R 0 "$RUNLOG" --db "$D2" sleep -q 3
out_has "Changed s1: quality 4 -> 3."
R 0 "$RUNLOG" --db "$D2" show
out_has "s1     sleep    7h30  quality 3/5  \"woke once\""
before=$(rows "$D2")
expect 2 "$RUNLOG" --db "$D2" sleep -q 3 -d yesterday
err_has "missing HOURS (the day has no sleep to change)"
expect 2 "$RUNLOG" --db "$D2" sleep
err_has "missing HOURS"
expect 2 "$RUNLOG" --db "$D2" fatigue --replace --ill
err_has "missing LEVEL"
expect 1 "$RUNLOG" --db "$D2" fatigue --mood 9
err_has "mood 9: must be a whole number from 1 to 5"
same "$(rows "$D2")" "$before" "a refused re-log changed the journal"
# A re-log is one undo step that brings the old fields back.
before=$(rows "$D2")
R 0 "$RUNLOG" --db "$D2" fatigue 9 --pain
out_has "Signs of injury"
R 0 "$RUNLOG" --db "$D2" undo
same "$(rows "$D2")" "$before" "undo of a re-log restored every field"
# Without its positional, a re-log never creates the journal.
expect 1 "$RUNLOG" --db "$T/nolog.db" fatigue --ill
err_has "no journal at $T/nolog.db"
if [ -e "$T/nolog.db" ]; then fail "a re-log created a journal"; else ok; fi

# --- typed dates ----------------------------------------------------------
D3=$T/d3.db
R 0 "$RUNLOG" --db "$D3" drink 1l -d -3
out_has "on 2026-11-22"
R 0 "$RUNLOG" --db "$D3" drink 1l --date friday
out_has "on 2026-11-20"
R 0 "$RUNLOG" --db "$D3" drink 1l --date wed
out_has "on 2026-11-25"
R 0 "$RUNLOG" --db "$D3" drink 1l --date=yesterday
out_has "on 2026-11-24"
R 0 "$RUNLOG" --db "$D3" show -f -5 --to -1
out_has "2026-11-20 Fri"
out_has "2026-11-24 Tue"
if grep -q "2026-11-25" "$T/out"; then fail "show --to -1 listed today"; else ok; fi
R 0 "$RUNLOG" --db "$D3" week -7
out_has "2026-11-16"
R 0 "$RUNLOG" --db "$D3" check -d mon
expect 1 "$RUNLOG" --db "$D3" drink 1l -d +1
err_has "date"
expect 1 "$RUNLOG" --db "$D3" drink 1l -d someday
err_has "date 'someday'"

# --- units with a space, as one word or two, and a decimal comma ---------
D4=$T/d4.db
R 0 "$RUNLOG" --db "$D4" run 10 km 52:30
out_has "10.00 km in 52:30"
R 0 "$RUNLOG" --db "$D4" run "10 km" 52:30
out_has "10.00 km in 52:30"
R 0 "$RUNLOG" --db "$D4" run 10,5km 52:30 --before 70,5 kg --after 70 kg
out_has "10.50 km in 52:30"
R 0 "$RUNLOG" --db "$D4" drink 500 ml
out_has "0.50 l"
R 0 "$RUNLOG" --db "$D4" drink 1.5 l
out_has "1.50 l"
R 0 "$RUNLOG" --db "$D4" drink "1,5 l"
out_has "1.50 l"
before=$(rows "$D4")
expect 1 "$RUNLOG" --db "$D4" run 1,500km 52:30
err_has "distance '1,500km': a comma before three digits could be a decimal comma or a thousands separator"
expect 2 "$RUNLOG" --db "$D4" drink 500 cups
err_has "unexpected argument 'cups'"
expect 1 "$RUNLOG" --db "$D4" run 10 km 52:30 km
err_has "duration '52:30 km'"
same "$(rows "$D4")" "$before" "refused units changed the journal"

# --- read commands never create a journal --------------------------------
for c in show "edit r1 --rpe 3" "delete r1" undo redo check week trends export "export --all -o $T/nodir" "screen day"; do
	# shellcheck disable=SC2086
	expect 1 "$RUNLOG" --db "$T/typo.db" $c
	err_has "no journal at $T/typo.db"
	if [ -e "$T/typo.db" ]; then fail "$c created a journal"; rm -f "$T/typo.db"; else ok; fi
done
if [ -e "$T/nodir" ]; then fail "export --all made its directory for a missing journal"; else ok; fi

# --- the nearest command ---------------------------------------------------
expect 2 "$RUNLOG" --db "$DB" runs 10km
err_has "unknown command 'runs'; did you mean 'run'?"
expect 2 "$RUNLOG" --db "$DB" trend
err_has "did you mean 'trends'?"
expect 2 "$RUNLOG" --db "$DB" exprot
err_has "did you mean 'export'?"
expect 2 "$RUNLOG" --db "$DB" swim
if grep -q "did you mean" "$T/err"; then fail "swim got a suggestion"; else ok; fi

# --- the demo's hints name the journal and config given -------------------
printf 'units = km\n' > "$T/my conf"
R 0 "$RUNLOG" demo --db "$T/demo.db" --config "$T/my conf"
out_has "runlog trends --weeks 16 --db $T/demo.db --config '$T/my conf'"
out_has "Undo it all with: runlog undo --db $T/demo.db --config '$T/my conf'"
R 0 "$RUNLOG" trends --weeks 16 --db "$T/demo.db" --config "$T/my conf"
RUNLOG_DB=$T/demo2.db expect 0 "$RUNLOG" demo
out_has "Try:  runlog trends --weeks 16
"
if grep -q -- "--db" "$T/out"; then fail "hints name a --db that was not given"; else ok; fi

# --- miles: trends header, undo, redo and delete messages ----------------
mkdir -p "$T/config/runlog"
printf 'units = mi\nfluid_units = oz\n' > "$T/config/runlog/config"
M=$T/mi.db
R 0 "$RUNLOG" --db "$M" run 10km 50:00
R 0 "$RUNLOG" --db "$M" drink 500ml
R 0 "$RUNLOG" --db "$M" trends -w 1
out_has "Week of         mi Runs"
out_has "2026-11-23     6.2    1     6.2"
R 0 "$RUNLOG" --db "$M" undo
out_has "Undone: add drink of 16.9 oz on 2026-11-25."
R 0 "$RUNLOG" --db "$M" undo
out_has "Undone: add run 6.21 mi on 2026-11-25."
if grep -q " km\| ml" "$T/out"; then fail "undo spoke km or ml"; else ok; fi
R 0 "$RUNLOG" --db "$M" redo
out_has "Redone: add run 6.21 mi on 2026-11-25."
R 0 "$RUNLOG" --db "$M" delete r1
out_has "Deleted run r1 (2026-11-25, 6.21 mi"
rm "$T/config/runlog/config"

# --- trends leaves out the weeks before the journal ----------------------
# A 40 km-a-week runner with 20 weeks of journal: the 52-week mean is 40.
TR=$T/tr.db
d=0
while [ $d -lt 20 ]; do
	day=$(date -u -d "2026-11-23 - $((7 * (d + 1))) days" +%F)
	echo "$day"
	d=$((d + 1))
done > "$T/days"
while read -r day; do
	"$RUNLOG" --db "$TR" run 20km 1:40:00 --date "$day" >/dev/null || fail "seed $day"
	day2=$(date -u -d "$day + 3 days" +%F)
	"$RUNLOG" --db "$TR" run 20km 1:40:00 --date "$day2" >/dev/null || fail "seed $day2"
done < "$T/days"
R 0 "$RUNLOG" --db "$TR" trends -w 52
out_has "Mean          40.0  2.0    20.0"
out_has "(of 20 whole weeks since the journal began)"
first=$(tail -n 1 "$T/days")
before=$(date -u -d "$first - 7 days" +%F)
grep -q "^$before       -    -       -      -" "$T/out" && ok || fail "the week before the journal is not blank"
grep -q "^$first    40.0    2    20.0" "$T/out" && ok || fail "the first week is not 40 km"
# 52 weeks: 20 of running, the current one, and 31 before the journal.
same "$(grep -c "^20[0-9-]*       -    -       -      -" "$T/out")" 31 "weeks before the journal not blank"

# --- export --all ----------------------------------------------------------
R 0 "$RUNLOG" --db "$D2" export --all -o "$T/out-all"
out_has "Wrote 0 runs, 1 sleep entry, 0 drinks, 1 check-in, 0 rest days, 0 planned runs and 1 day to $T/out-all/, one file each."
perm=$(stat -c %a "$T/out-all"); same "$perm" 700 "export directory mode $perm"
for f in runs sleep hydration fatigue rest days; do
	[ -f "$T/out-all/$f.csv" ] && ok || fail "export --all lacks $f.csv"
	"$RUNLOG" --db "$D2" export --what "$f" > "$T/one.csv"
	cmp -s "$T/one.csv" "$T/out-all/$f.csv" && ok || fail "$f.csv differs from export --what $f"
	perm=$(stat -c %a "$T/out-all/$f.csv"); same "$perm" 600 "$f.csv mode $perm"
done
# Again into the same directory: the files are replaced.
R 0 "$RUNLOG" --db "$D2" export -a -o "$T/out-all" -f 2026-11-01
n=$(find "$T/out-all" -name '.*' | wc -l); same "$n" 0 "temporary files left behind"
: > "$T/afile"
expect 1 "$RUNLOG" --db "$D2" export --all -o "$T/afile"
err_has "exists and is not a directory"
expect 2 "$RUNLOG" --db "$D2" export --all
err_has "--all needs -o DIR"
expect 2 "$RUNLOG" --db "$D2" export --all --what runs -o "$T/out-all"
err_has "give --what or --all, not both"
expect 1 "$RUNLOG" --db "$D2" export --all -o "$T/no/such/dir"
err_has "cannot make the directory"

# --- short options are the long ones --------------------------------------
D5=$T/d5.db
R 0 "$RUNLOG" --db "$D5" run 5km 25:00 -d -1 -r 4 -t tempo -n "short"
out_has "on 2026-11-24: 5.00 km in 25:00 (5:00 /km), tempo, RPE 4."
R 0 "$RUNLOG" --db "$D5" show -a
out_has "\"short\""
R 0 "$RUNLOG" --db "$D5" check -v -d yesterday
done_tests
