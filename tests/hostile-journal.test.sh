#!/bin/sh
# A journal is untrusted input. From a demo journal, values runlog would
# never write are stored behind its back with the sqlite3 shell (CHECK
# constraints off, NOT NULL through writable_schema): one spoiled journal
# per class of bad value, each with a bad row in every table. Then every
# command runs on each (tests/hostile-lib.sh has the assertions: no crash,
# a refused file unchanged with nothing created beside it, bad rows named
# by table and id). Journals that must be refused whole come next: an
# extra trigger or view, another application's database, a newer version,
# damaged bytes. Then the reproductions of holes found in the first
# version: stored undo SQL that attached a file, a bad date that crashed
# the analysis, a backup switched to WAL, a half-done delete, in-memory
# journals, FIFOs and directories, /dev/full, escape sequences in a path.
# The whole matrix of values is tests/trust/hostile-matrix.test.sh.
. tests/trust/lib.sh
. tests/hostile-lib.sh
hx_demo || finish
D=$T/demo.db
start=$(date +%s)

spoil() { cp "$D" "$T/$1.db"; }

# Out of range: each number one step past its limit.
spoil range
hx_set "$T/range.db" run 5 distance_m 0
hx_set "$T/range.db" sleep 5 minutes 1441
hx_set "$T/range.db" drink 5 volume_ml 20001
hx_set "$T/range.db" checkin 5 fatigue 11
hx_journal "$T/range.db" bad "run r5, sleep s5, drink d5, checkin f5"

# Wrong type: text in integer columns, a run type that does not exist.
spoil text
hx_set "$T/text.db" run 5 rpe "'high'"
hx_set "$T/text.db" run 6 type "'sprint'"
hx_set "$T/text.db" sleep 5 quality "'good'"
hx_set "$T/text.db" drink 5 electrolytes "'yes'"
hx_set "$T/text.db" checkin 5 soreness "'7'||'x'"
hx_journal "$T/text.db" bad "run r5, run r6, sleep s5, drink d5, checkin f5"

# Wrong type: blobs, in numbers and in days.
spoil blob
hx_set "$T/blob.db" run 5 duration_s "x'00ff'"
hx_set "$T/blob.db" sleep 5 minutes "x'01'"
hx_set "$T/blob.db" drink 5 volume_ml "x''"
hx_set "$T/blob.db" checkin 5 rhr "x'ff'"
hx_set "$T/blob.db" rest 5 day "x'00ff'"
hx_journal "$T/blob.db" bad "run r5, sleep s5, drink d5, checkin f5, rest x5"

# Days that are not real days, or outside the supported years.
spoil date
hx_set "$T/date.db" run 5 day "'0000-00-00'"
hx_set "$T/date.db" sleep 5 day "'2026-02-30'"
hx_set "$T/date.db" drink 5 day "'9999-99-99'"
hx_set "$T/date.db" checkin 5 day "'1899-12-31'"
hx_set "$T/date.db" rest 5 day "''"
hx_journal "$T/date.db" bad "run r5, sleep s5, drink d5, checkin f5, rest x5"

# NULL where a value is required.
spoil null
hx_set "$T/null.db" run 5 distance_m NULL
hx_set "$T/null.db" sleep 5 minutes NULL
hx_set "$T/null.db" drink 5 volume_ml NULL
# (fatigue may be empty now: a check-in of watch readings has no rating)
hx_set "$T/null.db" checkin 5 ill NULL
hx_set "$T/null.db" rest 5 day NULL
hx_journal "$T/null.db" bad "run r5, sleep s5, drink d5, checkin f5, rest x5"

# Huge: the largest integers and doubles.
spoil huge
hx_set "$T/huge.db" run 5 distance_m 9223372036854775807
hx_set "$T/huge.db" run 6 climb_m -9223372036854775808
hx_set "$T/huge.db" sleep 5 minutes 1e308
hx_set "$T/huge.db" drink 5 volume_ml -9223372036854775808
hx_set "$T/huge.db" checkin 5 rhr 1e308
hx_journal "$T/huge.db" bad "run r5, run r6, sleep s5, drink d5, checkin f5"

# Journals refused whole: an extra trigger, an extra view, another
# application's database at version 1, a journal from a newer runlog, a
# file that is not a database.
spoil trigger
hx_sql "$T/trigger.db" "CREATE TRIGGER hx_wipe AFTER INSERT ON drink BEGIN DELETE FROM run; END;"
hx_journal "$T/trigger.db" refused
spoil view
hx_sql "$T/view.db" "CREATE VIEW hx_view AS SELECT * FROM run;"
hx_journal "$T/view.db" refused
sqlite3 "$T/foreign.db" "CREATE TABLE t (x); INSERT INTO t VALUES ('theirs'); PRAGMA user_version = 1;"
hx_journal "$T/foreign.db" refused
spoil newer
newer=$(( $(sqlite3 "$D" 'PRAGMA user_version') + 1 ))
hx_sql "$T/newer.db" "PRAGMA user_version = $newer;"
hx_journal "$T/newer.db" refused
printf 'date,distance\n2026-11-01,10\n' >"$T/notdb.db"
hx_journal "$T/notdb.db" refused

# Damaged bytes: in the header's page count and in two tables' pages.
# Anything but a crash, and a failure changes nothing.
for off in 28 4200 9000; do
	cp "$D" "$T/flip$off.db"; hx_flip "$T/flip$off.db" $off 255
	hx_journal "$T/flip$off.db" any
done

# show and export never print a bad day as another day.
$RUNLOG --db "$T/date.db" show --all >"$T/out" 2>/dev/null
grep -q 1970-01-01 "$T/out" && fail "show prints a bad day as 1970-01-01"
for what in days runs sleep hydration fatigue rest; do
	$RUNLOG --db "$T/date.db" export --what $what >"$T/out" 2>/dev/null
	grep -q 1970-01-01 "$T/out" && fail "export --what $what prints a bad day as 1970-01-01"
done
$RUNLOG --db "$T/date.db" show --all >/dev/null 2>"$T/err"
grep -qF "sleep s5: " "$T/err" && ! grep -q "2026-02-30" "$T/err" &&
    fail "the message about sleep s5 does not quote the bad day: $(cat "$T/err")"

# check reads a few weeks, yet names the rows whose day no range reaches.
$RUNLOG --db "$T/date.db" check --date 2026-10-19 >/dev/null 2>"$T/err"
for one in "run r5" "drink d5" "checkin f5" "rest x5"; do
	grep -qF "$one: " "$T/err" || fail "check does not name $one: $(cat "$T/err")"
done

# 1. Undo SQL stored in a first-version journal never runs: no database
# attached, emptied or created.
sqlite3 "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
other=$(sha256sum <"$T/other.db")
sqlite3 "$T/v1.db" <schema/001-journal.sql || fail "schema/001-journal.sql"
hx_sql "$T/v1.db" "PRAGMA user_version = 1;
	INSERT INTO run (day, distance_m, duration_s) VALUES ('2026-11-01', 10000, 3000);
	INSERT INTO undo_group (id, label) VALUES (1, 'run 10.00 km on 2026-11-01');
	INSERT INTO undo_log (grp, sql) VALUES (1, 'ATTACH ''$T/other.db'' AS v; DELETE FROM v.t; ATTACH ''$T/new.db'' AS p; CREATE TABLE p.t (x)');
	INSERT INTO undo_log (grp, sql) VALUES (1, 'DELETE FROM run WHERE id=1');"
cp "$T/v1.db" "$T/v1-saved.db"
hx_exec "undo of stored SQL" --db "$T/v1.db" undo
# The upgrade drops the first version's SQL history: nothing to undo, the
# run stays, and the old file is kept beside it.
[ $rc -eq 0 ] || fail "undo on a first-version journal: exit $rc (stderr: $(cat "$T/err"))"
grep -q "Nothing to undo" "$T/out" || fail "undo on a first-version journal: $(cat "$T/out")"
[ "$(q "$T/v1.db" 'SELECT count(*) FROM run')" = 1 ] || fail "undo on a first-version journal removed the run"
[ "$(dumpsum "$T/v1.db.v1.bak")" = "$(dumpsum "$T/v1-saved.db")" ] || fail "the upgrade did not keep a copy of the first-version journal"
[ ! -e "$T/new.db" ] || fail "undo ran stored SQL: $T/new.db was created"
[ "$(sha256sum <"$T/other.db")" = "$other" ] || fail "undo ran stored SQL: another database changed"
[ "$(q "$T/other.db" 'SELECT count(*) FROM t')" = 1 ] || fail "undo emptied another database"
rm -f "$T/new.db"
hx_journal "$T/v1-saved.db" any
[ ! -e "$T/new.db" ] || fail "a command ran stored undo SQL: $T/new.db was created"

# Undo data that does not parse, in a current journal: refused, unchanged.
cp "$D" "$T/undo.db"
$RUNLOG --db "$T/undo.db" drink 300ml --date 2026-11-24 >/dev/null || fail "drink on the demo journal"
sqlite3 "$T/undo.db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'undo%'" >"$T/undotables"
spoiled=0
while read -r t; do
	# Every column but the key, of the newest row: garbage bytes.
	for c in $(sqlite3 "$T/undo.db" "SELECT name FROM pragma_table_info('$t') WHERE pk = 0 AND name NOT IN ('grp', 'at', 'label', 'bulk')"); do
		hx_sql "$T/undo.db" "UPDATE $t SET $c = x'ff00fe2729273b' WHERE rowid = (SELECT max(rowid) FROM $t);"
		spoiled=$((spoiled + 1))
	done
done <"$T/undotables"
[ $spoiled -gt 0 ] || fail "found no undo data to spoil"
before=$(dumpsum "$T/undo.db")
hx_exec "undo of garbage" --db "$T/undo.db" undo
[ $rc -eq 1 ] || fail "undo of garbage undo data: exit $rc, want 1 (stderr: $(cat "$T/err"))"
[ "$(dumpsum "$T/undo.db")" = "$before" ] || fail "undo of garbage undo data changed the journal"

# 2. A sleep row on 2026-02-30 (integrity_check still ok) crashed check,
# week, trends and screen day.
cp "$D" "$T/feb30.db"
hx_sql "$T/feb30.db" "INSERT INTO sleep (day, minutes) VALUES ('2026-02-30', 420);"
[ "$(integrity "$T/feb30.db")" = ok ] || fail "the 2026-02-30 row is not a valid row for SQLite"
id=$(q "$T/feb30.db" "SELECT id FROM sleep WHERE day = '2026-02-30'")
hx_journal "$T/feb30.db" bad "sleep s$id"
for c in "check --date 2026-03-02" "week 2026-03-02" "trends --weeks 52" "screen day --date 2026-03-01"; do
	# shellcheck disable=SC2086
	hx_exec "2026-02-30: $c" --db "$T/feb30.db" $c
	[ $rc -eq 0 ] || [ $rc -eq 3 ] || fail "2026-02-30: $c: exit $rc: $(head -c 200 "$T/err")"
done

# 3. A backup (DELETE mode) is never switched to WAL by a read, nor
# changed when damaged and refused; another application's database is
# neither switched to WAL nor backed up.
$RUNLOG --db "$D" backup "$T/bk.db" >/dev/null 2>"$T/err" || fail "backup of the demo: $(cat "$T/err")"
[ "$(od -An -tu1 -j18 -N2 "$T/bk.db" | tr -s ' ')" = " 1 1" ] || fail "the backup is not in DELETE mode"
sum=$(sha256sum <"$T/bk.db")
for c in "show" "check" "week 2026-10-11" "trends" "screen day" "export"; do
	# shellcheck disable=SC2086
	hx_exec "backup: $c" --db "$T/bk.db" $c
	[ "$(sha256sum <"$T/bk.db")" = "$sum" ] || { fail "$c changed a healthy DELETE-mode backup"; break; }
done
[ -z "$(ls "$T" | grep 'bk.db-')" ] || fail "reading the backup left $(ls "$T" | grep 'bk.db-')"
for off in 100 5000; do
	cp "$T/bk.db" "$T/bkd.db"; hx_flip "$T/bkd.db" $off 7; hx_flip "$T/bkd.db" $((off + 1)) 0
	hx_journal "$T/bkd.db" any
done
$RUNLOG --db "$T/foreign.db" backup "$T/fb.db" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "backup of another application's database: exit $rc, want 1"
grep -q 'Backed up' "$T/out" && fail "backup of another application's database: $(cat "$T/out")"
[ "$(od -An -tu1 -j18 -N2 "$T/foreign.db" | tr -s ' ')" = " 1 1" ] || fail "another application's database was switched to WAL"

# 4. delete is all or nothing, and one undo step.
cp "$D" "$T/del.db"
before=$(dumpsum "$T/del.db")
hx_exec "delete r1 r99999" --db "$T/del.db" delete r1 r99999
[ $rc -eq 1 ] || fail "delete r1 r99999: exit $rc, want 1"
grep -q r99999 "$T/err" || fail "delete r1 r99999: the message does not name r99999: $(cat "$T/err")"
[ "$(dumpsum "$T/del.db")" = "$before" ] || fail "delete r1 r99999 deleted something"
entries=$(hx_rows "$T/del.db")
hx_exec "delete r1 s2 d3" --db "$T/del.db" delete r1 s2 d3
[ $rc -eq 0 ] || fail "delete r1 s2 d3: exit $rc: $(cat "$T/err")"
[ "$(q "$T/del.db" "SELECT (SELECT count(*) FROM run WHERE id = 1) + (SELECT count(*) FROM sleep WHERE id = 2) + (SELECT count(*) FROM drink WHERE id = 3)")" = 0 ] ||
    fail "delete r1 s2 d3 left some of them"
hx_exec "undo the delete" --db "$T/del.db" undo
[ "$(hx_rows "$T/del.db")" = "$entries" ] || fail "one undo did not bring back the three deleted entries"

# 5. In-memory journals are refused; no file appears.
mkdir "$T/mem"
for db in ':memory:' 'file:u.db?mode=memory' 'file:u.db' 'file::memory:?cache=shared'; do
	(cd "$T/mem" && timeout 10 "$RUNLOG" --db "$db" run 5km 30:00 >"$T/out" 2>"$T/err"); rc=$?
	[ $rc -eq 1 ] || [ $rc -eq 2 ] || fail "--db '$db': exit $rc, want 1 or 2 ($(cat "$T/out"))"
	[ -z "$(ls -A "$T/mem")" ] || { fail "--db '$db' created $(ls -A "$T/mem")"; rm -rf "$T/mem"/* "$T/mem"/.[!.]*; }
done

# 6. A FIFO as the journal or the config does not hang; a directory as
# the config is refused.
HX_TIMEOUT=5
mkfifo "$T/fifo.db" "$T/fifo.conf"
hx_exec "FIFO journal" --db "$T/fifo.db" show
[ $rc -eq 1 ] || fail "a FIFO as the journal: exit $rc, want 1"
hx_exec "FIFO journal write" --db "$T/fifo.db" drink 1l
[ $rc -eq 1 ] || fail "a FIFO as the journal (write): exit $rc, want 1"
hx_exec "FIFO config" --db "$D" --config "$T/fifo.conf" show
[ $rc -eq 1 ] || fail "a FIFO as the config: exit $rc, want 1"
mkdir -p "$HOME/.config/runlog"
mkfifo "$HOME/.config/runlog/config"
hx_exec "FIFO default config" --db "$D" show
[ $rc -eq 1 ] || fail "a FIFO as the default config: exit $rc, want 1"
rm "$HOME/.config/runlog/config"
mkdir "$T/conf.d"
hx_exec "directory config" --db "$D" --config "$T/conf.d" show
[ $rc -eq 1 ] || fail "a directory as the config: exit $rc, want 1"
grep -q "conf.d" "$T/err" || fail "a directory as the config: the message does not name it"
mkdir "$HOME/.config/runlog/config"
hx_exec "directory default config" --db "$D" show
[ $rc -eq 1 ] || fail "a directory as the default config: exit $rc, want 1"
rmdir "$HOME/.config/runlog/config"
mkdir "$T/jdir.db"
hx_exec "directory journal" --db "$T/jdir.db" drink 1l
[ $rc -eq 1 ] || fail "a directory as the journal: exit $rc, want 1"
HX_TIMEOUT=10

# 10. Output that cannot be written is a failure.
if [ -w /dev/full ]; then
	for c in "show --all" "week 2026-10-11" "trends" "check --date 2026-10-19" \
	    "screen day" "export" "--help"; do
		# shellcheck disable=SC2086
		timeout 10 "$RUNLOG" --db "$D" $c >/dev/full 2>"$T/err"; rc=$?
		[ $rc -ne 0 ] && [ $rc -lt 124 ] || fail "$c > /dev/full: exit $rc, want a failure"
		[ -s "$T/err" ] || fail "$c > /dev/full: no message"
	done
else
	echo "skipped: /dev/full is not writable here"
fi

# 13. A backup path with escape sequences is printed sanitised.
bpath="$T/$(printf 'b\033[2J\033]0;x\007.db')"
$RUNLOG --db "$D" backup "$bpath" >"$T/out" 2>"$T/err" || fail "backup to a path with escapes: $(cat "$T/err")"
LC_ALL=C grep -q "[$(printf '\001-\010\013-\037\177')]" "$T/out" "$T/err" &&
    fail "backup prints control characters from its path"

figures="$hx_journals journals, $hx_runs runs, $(( $(date +%s) - start )) s"
echo "hostile-journal.test.sh: $figures"
finish "$figures"
