#!/bin/sh
# Opening files that are not a current runlog journal: a newer journal, an
# SQLite database runlog did not create, a non-SQLite file, a truncated and
# a damaged journal are all refused with a clear message and left
# byte-identical (no WAL switch, nothing written); an empty file and a
# current journal open.
. tests/trust/lib.sh
J=$T/j.db
i=1
while [ $i -le 40 ]; do
	$RUNLOG --db "$J" run 5km 25:00 --date 2026-05-$(printf %02d $((i % 28 + 1))) \
	    --note "run number $i with a note long enough to fill pages" >/dev/null ||
	    fail "seed $i"
	i=$((i + 1))
done
[ "$(integrity "$J")" = ok ] || fail "seed journal integrity"

# refused FILE PATTERN [READS]: a write must fail with exit 1, a message
# matching PATTERN, the file byte-identical and no WAL or SHM left beside
# it. With READS=may-read, show may succeed (reads do not check the whole
# file; damage it does not meet is not seen), but changes nothing either.
refused() {
	f=$1; pat=$2
	cp "$f" "$T/orig"
	for cmd in "drink 1l" "show --all" "backup $T/copy.db"; do
		# shellcheck disable=SC2086
		$RUNLOG --db "$f" $cmd >"$T/out" 2>"$T/err"; rc=$?
		if [ "${3:-}" = may-read ] && [ "$cmd" = "show --all" ] && [ $rc -eq 0 ]; then
			cmp -s "$f" "$T/orig" || fail "${f##*/} ($cmd): the file changed"
			continue
		fi
		[ $rc -eq 1 ] || fail "${f##*/} ($cmd): exit $rc, want 1"
		grep -q "$pat" "$T/err" || fail "${f##*/} ($cmd): message '$(cat "$T/err")' lacks '$pat'"
		grep -q "left untouched" "$T/err" || fail "${f##*/} ($cmd): message does not say the file was left alone"
		cmp -s "$f" "$T/orig" || fail "${f##*/} ($cmd): the file changed"
	done
	[ ! -e "$T/copy.db" ] || fail "${f##*/}: a backup was written"
	for x in -wal -shm -journal; do
		[ ! -e "$f$x" ] || fail "${f##*/}: $x file left beside it"
	done
	rm -f "$T/copy.db"
}

# A journal from a newer runlog.
cp "$J" "$T/newer.db"; sqlite3 "$T/newer.db" 'PRAGMA user_version = 99'
refused "$T/newer.db" "newer runlog"
grep -q "version 99" "$T/err" || fail "the newer-version message does not name the version"

# A newer journal still in WAL mode (as runlog leaves it).
cp "$J" "$T/newerwal.db"; sqlite3 "$T/newerwal.db" 'PRAGMA journal_mode = WAL; PRAGMA user_version = 7' >/dev/null
refused "$T/newerwal.db" "newer runlog"

# Someone else's SQLite database, user_version 0.
sqlite3 "$T/other.db" "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');"
refused "$T/other.db" "not a runlog journal"
# ... even one with a table called run.
sqlite3 "$T/other2.db" "CREATE TABLE run (km REAL);"
refused "$T/other2.db" "not a runlog journal"

# Not SQLite at all, and a short file.
printf 'name,km\nmonday,10\n' > "$T/notes.csv"
refused "$T/notes.csv" "not a runlog journal"
printf 'SQLite' > "$T/short.db"
refused "$T/short.db" "not a runlog journal"

# Truncated journals: at a page boundary, inside a page, just the header.
for size in 8192 30000 100; do
	head -c $size "$J" > "$T/trunc$size.db"
	refused "$T/trunc$size.db" "$T/trunc$size.db"
done

# Damaged pages in the middle, with the header intact.
cp "$J" "$T/damaged.db"
pages=$(( $(stat -c %s "$J") / 4096 ))
[ "$pages" -ge 4 ] || fail "seed journal too small ($pages pages) to damage"
dd if=/dev/urandom of="$T/damaged.db" bs=4096 seek=$((pages / 2)) count=1 conv=notrunc 2>/dev/null
refused "$T/damaged.db" "damaged\|cannot read" may-read

# A directory and a dangling symlink are refused too.
mkdir "$T/dir.db"
$RUNLOG --db "$T/dir.db" drink 1l >/dev/null 2>&1 && fail "a directory was opened as a journal"
ln -s "$T/nowhere.db" "$T/dangling.db"
$RUNLOG --db "$T/dangling.db" drink 1l >/dev/null 2>&1 && fail "a journal was created through a dangling symlink"
[ ! -e "$T/nowhere.db" ] || fail "the symlink target was created"

# An empty file is a new journal; the current journal opens and is unchanged by reading.
( umask 077; : > "$T/empty.db" )
$RUNLOG --db "$T/empty.db" drink 1l >/dev/null || fail "an empty file did not become a journal"
[ "$(q "$T/empty.db" 'PRAGMA user_version')" -ge 1 ] || fail "the new journal has no version"
s1=$(dumpsum "$J")
$RUNLOG --db "$J" show --all >/dev/null || fail "the current journal did not open"
[ "$(dumpsum "$J")" = "$s1" ] || fail "reading the journal changed it"
# An older journal: built from all migrations but the last with the
# sqlite3 shell, given entries, then opened by this runlog. It must name
# the copy it writes first (PATH.vN.bak, identical to the old file's
# content), migrate, and keep every entry. Runs once there are two schema
# versions; with one there is no older journal to make.
set -- schema/*.sql
nschema=$#
if [ "$nschema" -ge 2 ]; then
	old=$((nschema - 1))
	O=$T/older.db
	i=0
	for f in "$@"; do
		i=$((i + 1)); [ $i -le $old ] || break
		sqlite3 "$O" <"$f" || fail "applying $f"
	done
	sqlite3 "$O" "PRAGMA user_version = $old;
	    INSERT INTO run (day, distance_m, duration_s) VALUES ('2026-06-01', 8000, 2400);
	    INSERT INTO drink (day, volume_ml) VALUES ('2026-06-01', 500);"
	chmod 600 "$O"
	olddump=$(sqlite3 -readonly "$O" .dump)
	$RUNLOG --db "$O" show --all >"$T/out" 2>"$T/err" || fail "the older journal did not open: $(cat "$T/err")"
	grep -q "$O.v$old.bak" "$T/err" || fail "the upgrade message does not name the copy: $(cat "$T/err")"
	[ -f "$O.v$old.bak" ] || fail "no copy $O.v$old.bak"
	[ "$(sqlite3 -readonly "$O.v$old.bak" .dump)" = "$olddump" ] || fail "the copy differs from the old journal"
	[ "$(mode "$O.v$old.bak")" = 600 ] || fail "the copy has mode $(mode "$O.v$old.bak")"
	[ "$(q "$O" 'PRAGMA user_version')" = "$nschema" ] || fail "not migrated to version $nschema"
	[ "$(q "$O" 'SELECT count(*) FROM run WHERE distance_m = 8000')" = 1 ] || fail "the run was lost in the upgrade"
	[ "$(integrity "$O")" = ok ] || fail "integrity after the upgrade"
	finish "upgraded version $old to $nschema"
fi
echo "upgrade.test.sh: note: one schema version so far; test_store upgrades through a made-up second migration until schema/002 exists"
finish
