#!/bin/sh
# The full matrix of hostile journals (make check-hard): every column of
# every entry table of a demo journal, one at a time, set to each value of
# its class (out of range, wrong type, not a real day, NULL, huge), with
# CHECK constraints and NOT NULL bypassed; journals that differ in their
# schema (extra or missing trigger, view, table, index, column, an edited
# CHECK), other applications' databases, newer and older versions, in WAL
# and DELETE mode; crafted undo logs; and byte-flipped and truncated files.
# Every command runs on each (tests/hostile-lib.sh): no crash, no change
# to a refused file and nothing created beside it, bad rows named by table
# and id. Prints the number of journals and runs and the time taken.
# tests/hostile-journal.test.sh is the fast sample of it in make check.
. tests/trust/lib.sh
. tests/hostile-lib.sh
hx_demo || finish
D=$T/demo.db
start=$(date +%s)
LONG="replace(hex(zeroblob(2500)), '0', 'a')"
CTRL="char(27) || '[2J' || char(7) || 'x'"

# hx_must_report TABLE COLUMN NOTNULL VALUE: 0 when VALUE is invalid for
# the column whatever its range, so show and export must name the row.
hx_must_report() {
	case $2 in
	id) return 1 ;;
	day|type) return 0 ;;
	note) [ "$4" = "$LONG" ] && return 0; return 1 ;;
	# Stamps and origins: any value read must not crash anything, but
	# what counts as bad there is not the rows' content.
	source|external_id|created_at|updated_at) return 1 ;;
	# A UTC start: any whole second from 1900 to 2099 is one, 0 is none.
	start_utc) case $4 in NULL|-1|0|999999999) return 1 ;; esac; return 0 ;;
	esac
	case $4 in
	NULL) [ "$3" = 1 ] ;;
	0) return 1 ;;
	*) return 0 ;;
	esac
}

# Values by kind of column.
int_values() {
	printf '%s\n' NULL "'abc'" "x'00ff'" 9223372036854775807 \
	    -9223372036854775808 1e308 -1 0 1.5 999999999
}
day_values() {
	printf '%s\n' "'2026-02-30'" "'0000-00-00'" "'9999-99-99'" "'1899-12-31'" \
	    "''" "'2026-1-5'" "'2026-11-01 07:00'" "' 2026-11-01'" NULL 20261101 \
	    "x'00ff'" "'2026-13-01'" "'2101-01-01'"
}
text_values() {
	printf '%s\n' NULL "'bogus'" "$LONG" "x'ff00'" "$CTRL" 12345 "''"
}
id_values() { printf '%s\n' -1 0 9223372036854775807; }

# One journal per table, column and value: row 5 of the table spoiled.
# values_part NAME TABLE...: those tables' journals, in a scratch
# directory of their own, so that two parts run at once (CI has two
# cores); the counts go to $P/counts-NAME.
values_part() {
	part=$1; shift
	T=$P/part-$part
	mkdir -p "$T"
	hx_journals=0; hx_runs=0; fails=0
	for table in "$@"; do
		letter=$(hx_letter $table)
		sqlite3 -batch "$D" "SELECT name, \"notnull\", lower(type) FROM pragma_table_info('$table')" |
		    tr '|' ' ' >"$T/cols.$table"
		while read -r col notnull type; do
			case $col in
			id) id_values ;;
			day) day_values ;;
			*) case $type in int*) int_values ;; *) text_values ;; esac ;;
			esac >"$T/values"
			i=0
			while IFS= read -r v; do
				i=$((i + 1))
				f=$T/$table.$col.$i.db
				cp "$D" "$f"
				hx_set "$f" $table 5 $col "$v"
				bad=
				if [ "$col" != id ] && hx_must_report $table $col "$notnull" "$v"; then
					bad="$table ${letter}5"
				fi
				hx_journal "$f" bad "$bad" $table
				rm -f "$f"
			done <"$T/values"
		done <"$T/cols.$table"
	done
	echo "$hx_journals $hx_runs $fails" >"$P/counts-$part"
}
P=$T
values_part a run drink rest plan &
values_part b sleep checkin &
wait
for part in a b; do
	if [ -f "$P/counts-$part" ]; then
		read -r j r f <"$P/counts-$part"
		hx_journals=$((hx_journals + j)); hx_runs=$((hx_runs + r)); fails=$((fails + f))
	else
		fail "part $part of the value matrix did not finish"
	fi
done
echo "values: $hx_journals journals, $hx_runs runs, $(( $(date +%s) - start )) s"

# Schemas that differ from the migrations: refused whole, in WAL mode (as
# runlog leaves a journal) and in DELETE mode (as backup writes a copy).
latest=$(sqlite3 "$D" 'PRAGMA user_version')
schema_case() {
	what=$1; shift
	for mode in wal delete; do
		f=$T/schema-$what-$mode.db
		cp "$D" "$f"
		[ $mode = delete ] && hx_sql "$f" "PRAGMA journal_mode=DELETE;"
		for s in "$@"; do hx_sql "$f" "$s"; done
		hx_journal "$f" refused
	done
}
schema_case trigger "CREATE TRIGGER hx_t AFTER INSERT ON drink BEGIN DELETE FROM run; END;"
schema_case trigger-temp-name "CREATE TRIGGER hx_t2 BEFORE DELETE ON run BEGIN SELECT 1; END;"
schema_case view "CREATE VIEW hx_v AS SELECT * FROM run;"
schema_case table "CREATE TABLE hx_extra (x);"
schema_case index "CREATE INDEX hx_i ON sleep (minutes);"
schema_case column "ALTER TABLE run ADD COLUMN hx TEXT;"
schema_case drop-index "DROP INDEX run_day;"
schema_case drop-trigger "DROP TRIGGER $(sqlite3 "$D" "SELECT name FROM sqlite_master WHERE type = 'trigger' LIMIT 1");"
schema_case drop-table "DROP TABLE rest;"
schema_case check "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = replace(sql, '500000', '900000000') WHERE name = 'run';"
schema_case newer "PRAGMA user_version = $((latest + 1));"
schema_case far-newer "PRAGMA user_version = 2147483647;"
schema_case negative "PRAGMA user_version = -1;"

# Other applications' databases.
foreign() {
	f=$T/foreign-$1.db; shift
	sqlite3 -batch "$f" "$@" || fail "sqlite3 $f"
	hx_journal "$f" refused
}
foreign empty-v1 "PRAGMA user_version = 1;"
foreign table-v1 "CREATE TABLE t (x); INSERT INTO t VALUES ('theirs'); PRAGMA user_version = 1;"
foreign run-v1 "CREATE TABLE run (id INTEGER PRIMARY KEY, day TEXT, x BLOB); INSERT INTO run VALUES (1, '2026-11-01', x'00'); PRAGMA user_version = 1;"
foreign wal-v1 "PRAGMA journal_mode=WAL; CREATE TABLE t (x); PRAGMA user_version = 1;"
foreign latest "CREATE TABLE t (x); PRAGMA user_version = $latest;"
printf 'date,distance\n2026-11-01,10\n' >"$T/notdb-csv.db"; hx_journal "$T/notdb-csv.db" refused
head -c 4096 /dev/urandom >"$T/notdb-random.db"; hx_journal "$T/notdb-random.db" refused
printf 'SQLite format 3\000' >"$T/notdb-header.db"; hx_journal "$T/notdb-header.db" any
: >"$T/empty.db"; hx_journal "$T/empty.db" any
for n in 100 4096 50000; do
	head -c $n "$D" >"$T/truncated-$n.db"; hx_journal "$T/truncated-$n.db" any
done

# The first version's schema: read as it is, written after a migration.
sqlite3 "$T/v1.db" <schema/001-journal.sql || fail "schema/001-journal.sql"
hx_sql "$T/v1.db" "PRAGMA user_version = 1;
	INSERT INTO run (day, distance_m, duration_s) VALUES ('2026-10-01', 10000, 3000);
	INSERT INTO sleep (day, minutes) VALUES ('2026-10-01', 420);
	INSERT INTO drink (day, volume_ml) VALUES ('2026-10-01', 500);
	INSERT INTO checkin (day, fatigue) VALUES ('2026-10-01', 4);
	INSERT INTO rest (day) VALUES ('2026-10-02');"
hx_journal "$T/v1.db" bad ""
cp "$T/v1.db" "$T/v1-bad.db"
hx_sql "$T/v1-bad.db" "UPDATE sleep SET day = '2026-02-30'; UPDATE run SET distance_m = 'far';"
hx_journal "$T/v1-bad.db" bad "sleep s1, run r1"

# Crafted undo logs in a first-version journal: stored SQL never runs.
sqlite3 "$T/victim.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
victim=$(sha256sum <"$T/victim.db")
n=0
while IFS= read -r payload; do
	n=$((n + 1))
	f=$T/undo-sql-$n.db
	cp "$T/v1.db" "$f"
	hx_sql "$f" "INSERT INTO undo_group (id, label) VALUES (7, 'run');
		INSERT INTO undo_log (grp, sql) VALUES (7, '$(printf '%s' "$payload" | sed "s/'/''/g")');"
	hx_journal "$f" any
	for made in "$T/made.db" "$T/vacuumed.db"; do
		[ ! -e "$made" ] || { fail "undo SQL '$payload' ran: $made exists"; rm -f "$made"; }
	done
	[ "$(sha256sum <"$T/victim.db")" = "$victim" ] || fail "undo SQL '$payload' changed another database"
done <<EOF
ATTACH '$T/victim.db' AS v; DELETE FROM v.t
ATTACH '$T/made.db' AS p; CREATE TABLE p.t (x)
VACUUM INTO '$T/vacuumed.db'
DROP TABLE run
PRAGMA writable_schema = ON; DELETE FROM sqlite_master
SELECT load_extension('$T/none.so')
CREATE TRIGGER hx AFTER INSERT ON run BEGIN DELETE FROM sleep; END
UPDATE undo_state SET grp = 'x'
DELETE FROM run WHERE id=1; ATTACH '$T/made.db' AS q
not sql at all
EOF

# Undo data that does not parse, in a current journal.
for what in garbage null huge text; do
	case $what in
	garbage) v="x'ff00fe2729273b'" ;; null) v=NULL ;;
	huge) v=9223372036854775807 ;; text) v="'DELETE FROM run'" ;;
	esac
	f=$T/undo-data-$what.db
	cp "$D" "$f"
	"$RUNLOG" --db "$f" run 3km 20:00 --date 2026-11-24 >/dev/null || fail "run on the demo journal"
	"$RUNLOG" --db "$f" delete r2 >/dev/null || fail "delete on the demo journal"
	for t in $(sqlite3 "$f" "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'undo%'"); do
		for c in $(sqlite3 "$f" "SELECT name FROM pragma_table_info('$t') WHERE pk = 0 AND name NOT IN ('grp', 'at', 'label', 'bulk')"); do
			if [ "$v" = NULL ] && [ "$(sqlite3 "$f" "SELECT \"notnull\" FROM pragma_table_info('$t') WHERE name = '$c'")" = 1 ]; then
				for id in $(sqlite3 "$f" "SELECT rowid FROM $t"); do hx_null "$f" "$t" "$c" "$id"; done
			else
				hx_sql "$f" "UPDATE $t SET $c = $v;"
			fi
		done
	done
	before=$(dumpsum "$f")
	hx_exec "undo of $what undo data" --db "$f" undo
	[ $rc -eq 1 ] || fail "undo of $what undo data: exit $rc, want 1: $(head -c 200 "$T/err")"
	[ "$(dumpsum "$f")" = "$before" ] || fail "undo of $what undo data changed the journal"
	hx_journal "$f" any
done

# Byte-flipped journals: one to three bytes each, at offsets spread over
# the header, the schema page and the data, in WAL and DELETE mode.
"$RUNLOG" --db "$D" backup "$T/demo-delete.db" >/dev/null || fail "backup of the demo"
size=$(wc -c <"$D")
awk -v n=${FLIPS:-60} -v size="$size" 'BEGIN {
	srand(20261127)
	for (i = 0; i < n; i++) {
		k = 1 + int(rand() * 3); line = ""
		for (j = 0; j < k; j++) {
			r = rand()
			if (r < 0.2) off = int(rand() * 100)
			else if (r < 0.5) off = 100 + int(rand() * 3996)
			else off = int(rand() * size)
			line = line " " off ":" int(rand() * 256)
		}
		print line
	}
}' >"$T/flips"
# flips_part PARITY: the odd or even lines of $T/flips (DELETE mode for
# the even ones), in a scratch directory of their own.
flips_part() {
	T=$P/flips-$1
	mkdir -p "$T"
	hx_journals=0; hx_runs=0; fails=0
	n=0
	while read -r flips; do
		n=$((n + 1))
		[ $((n % 2)) -eq "$1" ] || continue
		src=$D; [ "$1" -eq 0 ] && src=$P/demo-delete.db
		f=$T/flip-$n.db
		cp "$src" "$f"
		for fl in $flips; do hx_flip "$f" "${fl%%:*}" "${fl#*:}"; done
		hx_journal "$f" any
		rm -f "$f"
	done <"$P/flips"
	echo "$hx_journals $hx_runs $fails" >"$P/counts-flips-$1"
}
flips_part 0 &
flips_part 1 &
wait
for part in 0 1; do
	if [ -f "$P/counts-flips-$part" ]; then
		read -r j r f <"$P/counts-flips-$part"
		hx_journals=$((hx_journals + j)); hx_runs=$((hx_runs + r)); fails=$((fails + f))
	else
		fail "part $part of the byte flips did not finish"
	fi
done

figures="$hx_journals journals, $hx_runs runs, $(( $(date +%s) - start )) s"
echo "hostile-matrix.test.sh: $figures"
finish "$figures"
