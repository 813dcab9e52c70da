#!/bin/sh
# Undo never runs what the journal holds: spoilt undo data of every kind
# makes `runlog undo` refuse, and leaves the journal, every other file and
# the directory exactly as they were; a first-version journal's SQL undo
# history is dropped on upgrade. Delete is all or nothing, one undo step.
. tests/lib.sh
J=$T/j.db
V=$T/victim.db
sqlite3 "$V" "CREATE TABLE t (x); INSERT INTO t VALUES ('keep me')"
vsum=$(sha256sum < "$V")
attack="ATTACH '$V' AS v; DELETE FROM v.t; ATTACH '$T/made.db' AS p; CREATE TABLE p.t(x)"

"$RUNLOG" --db "$J" run 10km 50:00 --rpe 6 --note "it's windy" >/dev/null
"$RUNLOG" --db "$J" sleep 7h30 --quality 4 >/dev/null
"$RUNLOG" --db "$J" drink 500ml --electrolytes >/dev/null
"$RUNLOG" --db "$J" rest --date 2026-11-24 >/dev/null
all=$(rows "$J")

# Delete: a missing id anywhere in the list deletes nothing.
expect 1 "$RUNLOG" --db "$J" delete r1 d1 r99999
err_has "no run r99999 in the journal; nothing was deleted"
same "$(rows "$J")" "$all" "a failed delete changed the journal"
expect 0 "$RUNLOG" --db "$J" delete r1 s1 d1
out_has "One 'runlog undo' brings all 3 back."
same "$(count "$J" run)$(count "$J" sleep)$(count "$J" drink)" 000 "three deleted"
cp "$J" "$T/clean.db"   # runlog left no WAL: the file is the journal

# sp SQL: the clean journal, spoilt by SQL on the newest group's changes.
sp() {
	cp "$T/clean.db" "$J"
	sqlite3 "$J" "PRAGMA ignore_check_constraints = ON; $1" || fail "set-up: $1"
}
newest="(SELECT max(id) FROM undo_group)"
oldest="seq = (SELECT min(seq) FROM undo_log WHERE grp = $newest)"
n=0
while IFS= read -r spoil; do
	sp "$spoil"
	before=$(sqlite3 "$J" .dump | sha256sum)
	files=$(ls -A "$T")
	expect 1 "$RUNLOG" --db "$J" undo
	# Refused by the check of the undo data, by the journal's own
	# constraints, or earlier, by the check of the whole file
	# (quick_check tests the schema's CHECKs too).
	if grep -q 'undo data for group [0-9]* does not .*nothing was undone' "$T/err" ||
	    grep -q 'damaged.*left untouched' "$T/err"; then ok; else
		fail "spoilt undo data, message: $(cat "$T/err")"; fi
	same "$(sqlite3 "$J" .dump | sha256sum)" "$before" "undo changed a spoilt journal: $spoil"
	same "$(sha256sum < "$V")" "$vsum" "undo changed another database: $spoil"
	same "$(ls -A "$T")" "$files" "undo created or removed a file: $spoil"
	[ -s "$T/out" ] && fail "a refused undo printed $(cat "$T/out")"
	n=$((n + 1))
done <<EOS
UPDATE undo_log SET old = '$(echo "$attack" | sed "s/'/''/g")' WHERE $oldest
UPDATE undo_log SET tbl = '$(echo "$attack" | sed "s/'/''/g")' WHERE $oldest
UPDATE undo_log SET op = '$(echo "$attack" | sed "s/'/''/g")' WHERE $oldest
UPDATE undo_log SET old = '{"id": 1, "day": "2026-11-25"' WHERE $oldest
UPDATE undo_log SET old = '{}' WHERE $oldest
UPDATE undo_log SET old = 'null' WHERE $oldest
UPDATE undo_log SET old = zeroblob(100) WHERE $oldest
UPDATE undo_log SET tbl = 'shoe' WHERE $oldest
UPDATE undo_log SET tbl = 'run WHERE 1; --' WHERE $oldest
UPDATE undo_log SET tbl = 'sqlite_schema' WHERE $oldest
UPDATE undo_log SET op = 'truncate' WHERE $oldest
UPDATE undo_log SET row_id = 1.5 WHERE $oldest
UPDATE undo_log SET row_id = 0 WHERE $oldest
UPDATE undo_log SET old = json_remove(old, '$.duration_s') WHERE $oldest
UPDATE undo_log SET old = json_set(old, '$.id', 'i' || hex(2)) WHERE $oldest
UPDATE undo_log SET old = json_set(old, '$.note', 't' || hex(printf('%.1000000c', 'x'))) WHERE $oldest
UPDATE undo_log SET row_id = 9223372036854775807 WHERE $oldest
UPDATE undo_log SET new = old WHERE $oldest
UPDATE undo_log SET old = json_set(old, '$.distance_m', 'r' || hex('1e999')) WHERE $oldest
UPDATE undo_log SET old = json_set(old, '$.note', 'b' || hex('x'), '$.day', 'n') WHERE $oldest
INSERT INTO undo_log (grp, tbl, op, row_id, old) SELECT $newest, 'drink', 'delete', 5, '{"id": 5}'
EOS

# The same data unspoilt puts back all three, every field.
cp "$T/clean.db" "$J"
expect 0 "$RUNLOG" --db "$J" undo
out_has "Undone: delete 3 entries: r1, s1, d1."
same "$(rows "$J")" "$all" "undo restored every field of every kind"
expect 0 "$RUNLOG" --db "$J" undo
out_has "Undone: rest day"

# A label stored in the journal reaches the terminal as plain text.
sqlite3 "$J" "UPDATE undo_group SET label = 'x' || char(27) || ']0;owned' || char(7) || char(27) || '[31m' WHERE id = (SELECT max(id) FROM undo_group WHERE redo = 0)"
expect 0 "$RUNLOG" --db "$J" undo
LC_ALL=C grep -q "$(printf '\033')" "$T/out" && fail "an escape sequence in a label reached the terminal"
out_has "Undone: x."

# A first-version journal whose undo history is SQL: the upgrade drops it,
# undo runs nothing, and no file appears but the copy the upgrade makes.
O=$T/old.db
sqlite3 "$O" < schema/001-journal.sql
sqlite3 "$O" "PRAGMA user_version = 1; INSERT INTO drink (day, volume_ml) VALUES ('2026-11-25', 300);
    INSERT INTO undo_group (id, label) VALUES (1, 'crafted');
    INSERT INTO undo_log (grp, sql) VALUES (1, '$(echo "$attack" | sed "s/'/''/g")')"
chmod 600 "$O"
files=$(ls -A "$T")
expect 0 "$RUNLOG" --db "$O" undo
out_has "Nothing to undo."
same "$(sha256sum < "$V")" "$vsum" "an upgraded journal's undo changed another database"
[ ! -e "$T/made.db" ] || fail "an upgraded journal's undo created a file"
same "$(ls -A "$T" | grep -v '^old\.db\.v1\.bak$')" "$files" "undo of an upgraded journal created a file"
same "$(count "$O" drink)" 1 "the upgrade kept the entries"
echo "undo.test.sh: $n kinds of spoilt undo data refused"
done_tests
