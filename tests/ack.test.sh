#!/bin/sh
# Acknowledgements from the command line: runlog ack hides a flag's
# episode from check, its exit status and the Flags screen until the
# episode ends or escalates; it survives days logged later for earlier
# days; undo and ack --remove take it back; bad requests write nothing.
. tests/lib.sh
DB=$T/ack.db
r() { expect 0 "$RUNLOG" --db "$DB" "$@"; }

# Fatigue 8 from 2026-11-16: a warning from the 18th (3 days), an alert
# from the 22nd (7 days).
for n in 0 1 2 3 4 5 6 7 8 9; do
	r fatigue 8 --date "$(date -u -d "2026-11-16 + $n days" +%F)"
done
expect 3 "$RUNLOG" --db "$DB" check --date 2026-11-19
out_has "warning  persistent-fatigue  fatigue 7/10 or more on 4 check-in days in a row (limit 3) (since 2026-11-18)"

# Bad requests: nothing is written.
before=$(sqlite3 "$DB" "SELECT count(*) FROM undo_group")
expect 2 "$RUNLOG" --db "$DB" ack
err_has "which rule?"
expect 2 "$RUNLOG" --db "$DB" ack fatigue
err_has "unknown rule \"fatigue\": the rules are mileage-jump, long-run-spike"
expect 1 "$RUNLOG" --db "$DB" ack acwr --date 2026-11-19
err_has "acwr does not hold on 2026-11-19: nothing to acknowledge"
expect 1 "$RUNLOG" --db "$DB" ack persistent-fatigue --date 2026-11-10
err_has "persistent-fatigue does not hold on 2026-11-10"
expect 2 "$RUNLOG" --db "$DB" ack --list persistent-fatigue
same "$(count "$DB" ack)" 0 "a refused ack wrote a row"
same "$(sqlite3 "$DB" "SELECT count(*) FROM undo_group")" "$before" \
    "a refused ack left an undo group"

# Acknowledged on the 19th: hidden on the 19th, 20th and 21st.
r ack persistent-fatigue --date 2026-11-19
out_has "Acknowledged persistent-fatigue since 2026-11-18 (warning): hidden until it ends or becomes more severe."
r ack persistent-fatigue --date 2026-11-19
out_has "persistent-fatigue since 2026-11-18 is already acknowledged."
same "$(count "$DB" ack)" 1 "acknowledging twice wrote twice"
expect 0 "$RUNLOG" --db "$DB" check --date 2026-11-20
out_has "Nothing new: 1 acknowledged flag not shown (runlog check --verbose shows it)."
expect 0 "$RUNLOG" --db "$DB" check --date 2026-11-21 --verbose
out_has "persistent-fatigue  fatigue 7/10 or more on 6 check-in days in a row (limit 3) (since 2026-11-18, acknowledged)"
expect 0 "$RUNLOG" --db "$DB" check --date 2026-11-21 --json
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
f, = d["flags"]
assert f["id"] == "persistent-fatigue" and f["acknowledged"] is True, f
assert f["status"] == "ongoing" and f["first_day"] == "2026-11-18", f
' "$T/out" && ok || fail "check --json of an acknowledged flag"
# Escalation to an alert on the 22nd shows it again, and it is new.
expect 3 "$RUNLOG" --db "$DB" check --date 2026-11-22
out_has "alert    persistent-fatigue  fatigue 7/10 or more on 7 check-in days in a row (limit 7) (new: now alert, since 2026-11-18)"
expect 3 "$RUNLOG" --db "$DB" check --date 2026-11-22 --new
expect 3 "$RUNLOG" --db "$DB" check --date 2026-11-23
expect 0 "$RUNLOG" --db "$DB" check --date 2026-11-23 --new

# Acknowledged again today; undo takes it back, as one change.
r ack persistent-fatigue
out_has "Acknowledged persistent-fatigue since 2026-11-18 (alert)"
expect 0 "$RUNLOG" --db "$DB" check
expect 0 "$RUNLOG" --db "$DB" ack --list
out_has "persistent-fatigue  2026-11-19  (made "
out_has "persistent-fatigue  2026-11-25  (made "
r undo
out_has "ack persistent-fatigue"
expect 3 "$RUNLOG" --db "$DB" check
same "$(count "$DB" ack)" 1 "undo left the acknowledgement"
r ack persistent-fatigue

# Days logged later for earlier days move the episode's first day back
# (from the 18th to the 16th, the third day of fatigue 8);
# the acknowledgement still lies inside it and keeps it hidden.
r fatigue 8 --date 2026-11-14
r fatigue 8 --date 2026-11-15
expect 0 "$RUNLOG" --db "$DB" check --verbose
out_has "(since 2026-11-16, acknowledged)"
# The Flags screen hides it too and says so.
expect 0 "$RUNLOG" --db "$DB" screen flags --size 80x24
out_has "Flags, last 12 weeks: 0 (1 acknowledged hidden)"
out_has "Nothing unacknowledged in this period."

# --remove withdraws the acknowledgements of the episode.
r ack persistent-fatigue --remove
out_has "Withdrew 2 acknowledgements of persistent-fatigue since 2026-11-16, to 2026-11-25."
expect 3 "$RUNLOG" --db "$DB" check
r ack persistent-fatigue --remove
out_has "was not acknowledged"

# An episode that ended (3 days at the target) and a later one: the
# acknowledgement of the first does not hide the second.
DB=$T/fluid.db
for n in 1 2 3 4 5; do r drink 1l --date "2026-11-0$n"; done
r ack low-fluid --date 2026-11-04
expect 0 "$RUNLOG" --db "$DB" check --date 2026-11-05
for n in 6 7 8; do r drink 2.5l --date "2026-11-0$n"; done
for n in 09 10 11; do r drink 1l --date "2026-11-$n"; done
expect 3 "$RUNLOG" --db "$DB" check --date 2026-11-11 --new
out_has "note     low-fluid           drinks logged stayed under the 2.0 l target on 3 days in a row (limit 3) (new)"
# Two days at the target only: the same episode, still hidden.
DB=$T/fluid2.db
for n in 1 2 3 4 5; do r drink 1l --date "2026-11-0$n"; done
r ack low-fluid --date 2026-11-04
for n in 6 7; do r drink 2.5l --date "2026-11-0$n"; done
for n in 08 09 10; do r drink 1l --date "2026-11-$n"; done
expect 0 "$RUNLOG" --db "$DB" check --date 2026-11-10
expect 0 "$RUNLOG" --db "$DB" check --date 2026-11-10 --verbose
out_has "(since 2026-11-03, acknowledged)"

# Reading never writes: check leaves the file as it was.
sum=$(cksum < "$DB")
expect 0 "$RUNLOG" --db "$DB" check --date 2026-11-10
expect 0 "$RUNLOG" --db "$DB" ack --list
same "$(cksum < "$DB")" "$sum" "a read changed the journal"

# Acknowledgements edited by hand are untrusted: left out and named.
sqlite3 "$DB" "PRAGMA ignore_check_constraints = 1;
    INSERT INTO ack (rule, day) VALUES ('x'' OR 1', '2026-11-05');
    INSERT INTO ack (rule, day) VALUES ('low-fluid', '2026-02-30');"
expect 0 "$RUNLOG" --db "$DB" ack --list
"$RUNLOG" --db "$DB" ack --list 2>"$T/err" >/dev/null
grep -q "ack [0-9]*: the rule is not a rule's name" "$T/err" && ok || fail "a bad rule name in the journal was not named"
grep -q "ack [0-9]*: the day is not a real date" "$T/err" && ok || fail "a bad ack day in the journal was not named"
out_has "low-fluid"

done_tests
