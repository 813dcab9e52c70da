#!/bin/sh
# Shoes: runlog shoe add/list/retire/default, runlog run --shoe and the
# default shoe, a refused shoe writing nothing, the limit note said once,
# the CSV round trip with shoes, undo, and the Shoes screen.
. "$(dirname "$0")/lib.sh"

J=$T/j.db
R() { "$RUNLOG" --db "$J" "$@"; }
shoes() { sqlite3 "$J" "SELECT name || '|' || coalesce(limit_m, '') || '|' || retired || '|' || is_default FROM shoe ORDER BY id"; }

# --- add and list ----------------------------------------------------------
expect 0 R shoe
out_has "No shoes yet"
[ ! -e "$J" ] && ok || fail "listing no shoes created the journal"

# A refused limit or name writes nothing, not even the journal.
expect 1 R shoe add Pegasus --limit 0.5km
err_has "--limit '0.5km': a distance of at least 1 km and at most 10000 km"
expect 1 R shoe add Pegasus --limit fast
err_has "--limit 'fast'"
expect 1 R shoe add ""
err_has "shoe name: give a name of 1 to 40"
expect 1 R shoe add "$(printf 'bad\033[31mname')"
err_has "control characters are not allowed"
expect 1 R shoe add " Pegasus"
err_has "no space at the start or the end"
expect 1 R shoe add "$(printf '%041d' 0)"
err_has "must be 1 to 40 bytes"
[ ! -e "$J" ] && ok || fail "a refused shoe created the journal"
expect 2 R shoe add
err_has "which shoe?"
expect 2 R shoe polish Pegasus
err_has "give list, add, retire or default"
expect 2 R shoe add a b
err_has "one shoe at a time"
expect 2 R shoe retire Pegasus --limit 700km
err_has "--limit and --default go with add"

expect 0 R shoe add "Pegasus 40" --limit 30km --default
out_has "Added shoe Pegasus 40, limit 30.00 km."
out_has "Runs logged without --shoe now wear Pegasus 40."
expect 0 R shoe add Vaporfly --limit 700km
out_has "Added shoe Vaporfly, limit 700.00 km."
# Names are unique whatever their case.
before=$(shoes)
expect 1 R shoe add "PEGASUS 40"
err_has "shoe 'PEGASUS 40': the journal has a shoe of that name already"
same "$(shoes)" "$before" "a refused duplicate shoe changed the shoes"
same "$before" "Pegasus 40|30000|0|1
Vaporfly|700000|0|0" "the shoes as stored: $before"

# --- runs and the default shoe -----------------------------------------------
expect 0 R run 10km 50:00 --date 2026-11-20
out_has "Shoe: Pegasus 40."
same "$(sqlite3 "$J" 'SELECT shoe_id FROM run WHERE id = 1')" 1 "the default shoe was not applied"
expect 0 R run 8km 40:00 --date 2026-11-21 --shoe vaporfly
out_has "Shoe: Vaporfly."
same "$(sqlite3 "$J" 'SELECT shoe_id FROM run WHERE id = 2')" 2 "--shoe (any case) did not pick the shoe"

# An unknown shoe is refused, naming it and the shoes there are; nothing
# is written.
before=$(rows "$J")
expect 1 R run 5km 25:00 --shoe Clifton
err_has "--shoe 'Clifton': no such shoe; the journal has the shoes Pegasus 40 and Vaporfly"
same "$(rows "$J")" "$before" "a run with an unknown shoe was written"
same "$(count "$J" run)" 2 "a refused run was added"
# ... also into a journal that does not exist yet, which stays absent.
expect 1 "$RUNLOG" --db "$T/new.db" run 5km 25:00 --shoe Clifton
err_has "the journal has no shoes yet"
[ ! -e "$T/new.db" ] && ok || fail "a refused run created a journal"

# --- the limit note: once, when the limit is crossed ----------------------------
expect 0 R run 15km 1:15:00 --date 2026-11-22
out_has "Shoe: Pegasus 40."
if grep -q "Note:" "$T/out"; then fail "a note before the limit was passed"; else ok; fi
expect 0 R run 6km 30:00 --date 2026-11-23
out_has "Note: Pegasus 40 has now run 31.00 km, past its limit of 30.00 km; time for new shoes."
same "$(grep -c 'Note:' "$T/out")" 1 "the note is not one line"
expect 0 R run 6km 30:00 --date 2026-11-24
if grep -q "Note:" "$T/out"; then fail "the limit note was repeated"; else ok; fi
# ... the list keeps saying it.
expect 0 R shoe list
out_has "Pegasus 40"
out_has "37.00 km"
out_has "past 30.00 km by 7.00 km"
out_has "worn: time for new shoes"
out_has "(default)"
out_has "1% of 700.00 km"
grep "^Pegasus 40 " "$T/out" | grep -q "2026-11-20  2026-11-24" && ok || fail "first and last use of the shoe"
# show names the shoe.
expect 0 R show -f 2026-11-21 --to 2026-11-21
out_has "shoe Vaporfly"

# --- edit: a run's shoe changed, refused, removed -------------------------------
expect 0 R edit r2 --shoe "pegasus 40"
out_has 'Changed r2: shoe "Vaporfly" -> "pegasus 40".'
same "$(sqlite3 "$J" 'SELECT shoe_id FROM run WHERE id = 2')" 1 "edit did not change the run's shoe"
before=$(rows "$J")
expect 1 R edit r2 --shoe Clifton
err_has "shoe 'Clifton': no such shoe; the journal has the shoes Pegasus 40 and Vaporfly"
same "$(rows "$J")" "$before" "an edit to an unknown shoe changed the journal"
expect 0 R edit r2 --shoe ""
same "$(sqlite3 "$J" 'SELECT coalesce(shoe_id, 0) FROM run WHERE id = 2')" 0 "an empty --shoe did not remove the shoe"
expect 2 R edit s1 --shoe Vaporfly
expect 0 R undo
expect 0 R undo
same "$(sqlite3 "$J" 'SELECT shoe_id FROM run WHERE id = 2')" 2 "undo of the edits did not give the shoe back"

# --- miles ---------------------------------------------------------------------
mkdir -p "$T/config/runlog"
printf 'units = mi\n' > "$T/config/runlog/config"
expect 0 R shoe add Miler --limit 100mi
out_has "limit 100.00 mi"
expect 0 R shoe
out_has "past 18.64 mi by 4.35 mi"
rm "$T/config/runlog/config"
same "$(sqlite3 "$J" "SELECT limit_m FROM shoe WHERE name = 'Miler'")" 160934 "100 mi is not stored in metres"

# --- retire and default ----------------------------------------------------------
expect 0 R shoe retire "pegasus 40"
out_has "Retired Pegasus 40."
expect 0 R shoe retire "Pegasus 40"
out_has "was retired already"
expect 1 R shoe retire Clifton
err_has "shoe 'Clifton': no such shoe"
expect 0 R shoe
tail -1 "$T/out" | grep -q "^Pegasus 40 .*(retired)" && ok || fail "a retired shoe is not listed last"
if grep -q "(default)" "$T/out"; then fail "a retired shoe stayed the default"; else ok; fi
expect 1 R shoe default "Pegasus 40"
err_has "is retired; a retired shoe cannot be the default"
# No default: a run wears no shoe.
expect 0 R run 5km 25:00 --date 2026-11-24
if grep -q "Shoe:" "$T/out"; then fail "a run got a shoe without a default"; else ok; fi
same "$(sqlite3 "$J" 'SELECT coalesce(shoe_id, 0) FROM run WHERE id = 6')" 0 "a run without a default shoe names one"
expect 0 R shoe default vaporfly
out_has "Vaporfly is now the default shoe"
expect 0 R shoe default Vaporfly
out_has "Vaporfly is the default shoe already."
expect 0 R shoe add Spare --default
same "$(sqlite3 "$J" 'SELECT group_concat(name) FROM shoe WHERE is_default = 1')" Spare "more than one default shoe"

# --- undo ------------------------------------------------------------------------
expect 0 R undo
out_has "Undone: add shoe Spare."
same "$(sqlite3 "$J" 'SELECT group_concat(name) FROM shoe WHERE is_default = 1')" Vaporfly "undo did not give the default back"
same "$(count "$J" shoe)" 3 "undo left the added shoe"
expect 0 R redo
same "$(count "$J" shoe)" 4 "redo did not add the shoe again"
expect 0 R undo
expect 0 R run 7km 35:00 --date 2026-11-24
out_has "Shoe: Vaporfly."
expect 0 R undo
same "$(count "$J" run)" 6 "undo left the run with its shoe"
same "$(sqlite3 "$J" "SELECT count(*) FROM shoe WHERE name = 'Vaporfly'")" 1 "undoing the run took its shoe"
expect 0 R redo
same "$(sqlite3 "$J" 'SELECT shoe_id FROM run WHERE id = 7')" 2 "redo lost the run's shoe"
expect 0 R undo
# A shoe's retirement comes back with undo (nothing else since).
expect 0 R shoe retire Vaporfly
expect 0 R undo
same "$(sqlite3 "$J" "SELECT retired || is_default FROM shoe WHERE name = 'Vaporfly'")" 01 "undo of a retirement"

# --- CSV: export, import into an empty journal, export again -------------------------
expect 0 R export --what runs -o "$T/runs.csv"
head -1 "$T/runs.csv" | grep -q ',shoe' && ok || fail "no shoe column in the runs file"
grep -q ',Vaporfly' "$T/runs.csv" && ok || fail "the export lacks the shoe's name"
K=$T/k.db
expect 0 "$RUNLOG" --db "$K" import "$T/runs.csv"
out_has "Added 6 runs"
same "$(sqlite3 "$K" "SELECT group_concat(name || ':' || coalesce(limit_m, '') || ':' || is_default, ' ') FROM (SELECT * FROM shoe ORDER BY id)")" "Pegasus 40::0 Vaporfly::0" "an import adds the shoes its runs name, without a limit"
expect 0 "$RUNLOG" --db "$K" export --what runs -o "$T/runs2.csv"
cmp -s "$T/runs.csv" "$T/runs2.csv" && ok || { fail "the runs file does not come back the same"; diff "$T/runs.csv" "$T/runs2.csv" >&2; }
# An import into a journal that has the shoe (in another case) uses it.
expect 0 R shoe add Clifton
{ head -1 "$T/runs.csv"; printf '2026-11-10,,5.000,1500,,easy,,,,,,runlog,,2026-11-10 07:00:00,2026-11-10 07:00:00,CLIFTON\r\n'; } > "$T/one.csv"
expect 0 R import "$T/one.csv"
same "$(sqlite3 "$J" "SELECT s.name FROM run r JOIN shoe s ON s.id = r.shoe_id WHERE r.day = '2026-11-10'")" Clifton "an import did not find the shoe by name"
same "$(sqlite3 "$J" "SELECT count(*) FROM shoe WHERE name LIKE 'clifton'")" 1 "an import added a shoe the journal has"
# Undoing an import takes back the shoes it added.
expect 0 "$RUNLOG" --db "$K" undo
same "$(count "$K" shoe)" 0 "undoing the import left its shoes"
same "$(count "$K" run)" 0 "undoing the import left its runs"
expect 0 "$RUNLOG" --db "$K" redo
same "$(count "$K" shoe)" 2 "redoing the import lost its shoes"

# --- the Shoes screen ------------------------------------------------------------
expect 0 R shoe add Worn --limit 1km
expect 0 R run 2km 10:00 --date 2026-11-24 --shoe worn
out_has "Note: Worn has now run 2.00 km, past its limit of 1.00 km"
expect 0 R screen shoes
out_has "[8 Shoe]"
out_has "Vaporfly: 1 run, 2026-11-21 to 2026-11-21; the default shoe"
out_has "Limit 700.00 km: 692.00 km left."
grep "^ Worn .* 200% !$" "$T/out" >/dev/null && ok || fail "a shoe past its limit is not marked on the screen"
grep "^ Pegasus 40 .*retired$" "$T/out" >/dev/null && ok || fail "a retired shoe is not marked on the screen"
grep "^>Vaporfly .* 1% \*$" "$T/out" >/dev/null && ok || fail "the default shoe is not marked on the screen"
expect 0 R screen shoes --size 40x12
out_has "[8 Shoe]"
expect 0 "$RUNLOG" --db "$T/new2.db" rest
expect 0 "$RUNLOG" --db "$T/new2.db" screen shoes
out_has "No shoes yet"

# A hand-edited shoe row whose yes/no columns runlog never writes (a second
# default) is named and left out, not taken as the default.
H=$T/hand.db
expect 0 "$RUNLOG" --db "$H" shoe add One --default
expect 0 "$RUNLOG" --db "$H" shoe add Two
sqlite3 "$H" "PRAGMA ignore_check_constraints = 1; UPDATE shoe SET is_default = 7 WHERE name = 'Two'"
expect 0 "$RUNLOG" --db "$H" shoe
err_has "shoe 2: retired and default are not 0 or 1"
if grep -q '^Two ' "$T/out"; then fail "a shoe row with is_default = 7 was listed"; else ok; fi
expect 0 "$RUNLOG" --db "$H" run 5km 25:00
same "$(sqlite3 "$H" 'SELECT shoe_id FROM run')" 1 "the hand-edited row was taken as the default"

done_tests
