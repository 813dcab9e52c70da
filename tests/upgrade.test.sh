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
set -- schema/*.sql
cp "$J" "$T/newerwal.db"; sqlite3 "$T/newerwal.db" "PRAGMA journal_mode = WAL; PRAGMA user_version = $(($# + 1))" >/dev/null
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

for cmd in "drink 1l" "show"; do
	# shellcheck disable=SC2086
	$RUNLOG --db "$T/dangling.db" $cmd >/dev/null 2>"$T/err"
	grep -q "dangling.db: a symbolic link to $T/nowhere.db, which does not exist" "$T/err" ||
	    fail "a dangling link is not named as such ($cmd): $(cat "$T/err")"
done
[ ! -e "$T/nowhere.db" ] || fail "the symlink target was created"
# A link to a journal is followed: read and written through, its -wal
# beside the real file.
ln -s "$J" "$T/link.db"
$RUNLOG --db "$T/link.db" show --all >"$T/out" 2>"$T/err" || fail "a link to the journal: $(cat "$T/err")"
grep -q "5.00 km" "$T/out" || fail "show through a link lacks the runs"
$RUNLOG --db "$T/link.db" drink 1l --date 2026-05-02 >/dev/null 2>"$T/err" || fail "a write through a link: $(cat "$T/err")"
[ "$(q "$J" 'SELECT count(*) FROM drink')" = 1 ] || fail "the write through a link missed the journal"
[ -L "$T/link.db" ] || fail "the link was replaced"
$RUNLOG --db "$J" delete d1 >/dev/null 2>&1 || fail "delete d1"

# SQLite's special names are no journal: refused, nothing kept in memory
# and called done, no file created.
( cd "$T" && for name in ':memory:' 'file:u.db?mode=memory' 'file:u.db'; do
	$RUNLOG --db "$name" run 5km 25:00 >"$T/out" 2>"$T/err" && echo "FAIL --db '$name' was accepted: $(cat "$T/out")"
	grep -q "is not a journal file name" "$T/err" || echo "FAIL --db '$name': $(cat "$T/err")"
	$RUNLOG --db "$name" show >/dev/null 2>&1 && echo "FAIL show --db '$name' was accepted"
done; ls ) >"$T/special"
grep '^FAIL' "$T/special" | while read -r l; do echo "$l" >&2; done
grep -q '^FAIL' "$T/special" && fail "special names (see above)"
grep -q '^file:\|^u.db' "$T/special" && fail "a special name left a file: $(cat "$T/special")"

# A named pipe at the journal path is refused at once, never opened.
mkfifo "$T/pipe.db"
for cmd in "drink 1l" "show"; do
	# shellcheck disable=SC2086
	timeout 10 $RUNLOG --db "$T/pipe.db" $cmd >/dev/null 2>"$T/err"; rc=$?
	[ $rc -eq 1 ] || fail "a pipe as the journal ($cmd): exit $rc (124 is a hang)"
	grep -q "pipe.db: a named pipe, not a journal" "$T/err" || fail "a pipe as the journal ($cmd): $(cat "$T/err")"
done

# Crafted objects: a trigger that writes elsewhere, a view, a trigger that
# would run stored SQL; each is named and nothing anywhere is touched.
sqlite3 "$T/victim.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
vsum=$(sha256sum <"$T/victim.db")
cp "$J" "$T/trig.db"
sqlite3 "$T/trig.db" "CREATE TRIGGER evil AFTER INSERT ON drink BEGIN DELETE FROM run; END;"
refused "$T/trig.db" "extra trigger 'evil'"
cp "$J" "$T/view.db"
sqlite3 "$T/view.db" "CREATE VIEW everything AS SELECT * FROM run;"
refused "$T/view.db" "extra view 'everything'"
cp "$J" "$T/trig2.db"
sqlite3 "$T/trig2.db" "CREATE TRIGGER more AFTER INSERT ON run BEGIN INSERT INTO undo_log (grp, sql) VALUES (new.id, 'ATTACH ''$T/victim.db'' AS v; DELETE FROM v.t'); END;"
refused "$T/trig2.db" "extra trigger 'more'"
cp "$J" "$T/changed.db"
sqlite3 "$T/changed.db" "ALTER TABLE sleep ADD COLUMN secret TEXT;"
refused "$T/changed.db" "table sleep differs from runlog's version"
[ "$(sha256sum <"$T/victim.db")" = "$vsum" ] || fail "another database was changed"

# Another program's database at user_version 1, in WAL mode or not: not a
# runlog journal, byte-identical, no backup printed as done.
sqlite3 "$T/app1.db" "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x'); PRAGMA user_version = 1;"
refused "$T/app1.db" "not a runlog journal"
grep -q "Backed up" "$T/out" && fail "a backup of another program's database was reported"
cp "$T/app1.db" "$T/app1wal.db"; sqlite3 "$T/app1wal.db" "PRAGMA journal_mode = WAL" >/dev/null
refused "$T/app1wal.db" "not a runlog journal"

# A backup (a rollback-mode copy) read by show stays as it was, not
# switched to WAL.
$RUNLOG --db "$J" backup "$T/bk.db" >/dev/null 2>&1 || fail "backup"
cp "$T/bk.db" "$T/bk.orig"
$RUNLOG --db "$T/bk.db" show --all >/dev/null 2>"$T/err" || fail "show of a backup: $(cat "$T/err")"
cmp -s "$T/bk.db" "$T/bk.orig" || fail "show changed a backup (bytes 19, 20: journal mode)"
[ ! -e "$T/bk.db-wal" ] || fail "show of a backup left a -wal"

# An empty file is a new journal; the current journal opens and is unchanged by reading.
( umask 077; : > "$T/empty.db" )
$RUNLOG --db "$T/empty.db" drink 1l >/dev/null || fail "an empty file did not become a journal"
[ "$(q "$T/empty.db" 'PRAGMA user_version')" -ge 1 ] || fail "the new journal has no version"
s1=$(dumpsum "$J")
$RUNLOG --db "$J" show --all >/dev/null || fail "the current journal did not open"
[ "$(dumpsum "$J")" = "$s1" ] || fail "reading the journal changed it"
# A first-version journal, made as the first runlog made it: schema/001
# only, with the sqlite3 shell (so it is in rollback mode, as a backup is).
first_version() {
	rm -f "$1" "$1".v1.bak "$1"-wal "$1"-shm
	sqlite3 "$1" <schema/001-journal.sql || fail "applying schema/001"
	sqlite3 "$1" "PRAGMA user_version = 1;
	    INSERT INTO run (id, day, distance_m, duration_s, note) VALUES (7, '2026-06-01', 8000, 2400, 'first');
	    INSERT INTO drink (id, day, volume_ml) VALUES (3, '2026-06-01', 500);
	    INSERT INTO sleep (id, day, minutes) VALUES (4, '2026-06-02', 420);"
	chmod 600 "$1"
}
set -- schema/*.sql; latest=$#
O=$T/older.db
first_version "$O"
cp "$O" "$T/older.orig"

# Read commands read it as it is: not migrated, not copied, not written.
for cmd in "show --all" "check --date 2026-06-02" "week 2026-06-02" "trends" \
    "export" "screen day --date 2026-06-01"; do
	# shellcheck disable=SC2086
	$RUNLOG --db "$O" $cmd >"$T/out" 2>"$T/err" || fail "$cmd on a version 1 journal: $(cat "$T/err")"
	cmp -s "$O" "$T/older.orig" || fail "$cmd changed the version 1 journal"
done
$RUNLOG --db "$O" show --all >"$T/out" 2>&1
grep -q "r7 .*8.00 km" "$T/out" || fail "show of a version 1 journal lacks its run: $(cat "$T/out")"
[ ! -e "$O.v1.bak" ] || fail "a read command copied the journal for an upgrade"
for x in -wal -shm -journal; do [ ! -e "$O$x" ] || fail "a read left $x beside a version 1 journal"; done
[ "$(q "$O" 'PRAGMA user_version')" = 1 ] || fail "a read migrated the journal"

# A write upgrades it: the copy first (named, identical, 0600), then every
# migration in one transaction; ids, values and undo still work.
olddump=$(sqlite3 -readonly "$O" .dump)
$RUNLOG --db "$O" drink 1l --date 2026-06-03 >"$T/out" 2>"$T/err" || fail "the version 1 journal was not upgraded: $(cat "$T/err")"
grep -q "version 1 to $latest.*$O.v1.bak" "$T/err" || fail "the upgrade message does not name the copy: $(cat "$T/err")"
[ "$(sqlite3 -readonly "$O.v1.bak" .dump)" = "$olddump" ] || fail "the copy differs from the old journal"
[ "$(mode "$O.v1.bak")" = 600 ] || fail "the copy has mode $(mode "$O.v1.bak")"
[ "$(q "$O" 'PRAGMA user_version')" = "$latest" ] || fail "not migrated to version $latest"
[ "$(q "$O" 'SELECT id || note FROM run WHERE distance_m = 8000')" = 7first ] || fail "the run lost its id or note in the upgrade"
[ "$(q "$O" 'SELECT id FROM drink WHERE volume_ml = 500')" = 3 ] || fail "the drink lost its id"
[ "$(integrity "$O")" = ok ] || fail "integrity after the upgrade"
# three undo triggers on each entry table, on ack (version 4), on plan
# (version 6) and on shoe (version 7)
[ "$(q "$O" "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")" = 24 ] || fail "the undo triggers were not all recreated"
$RUNLOG --db "$O" delete r7 >/dev/null 2>&1 || fail "delete after the upgrade"
$RUNLOG --db "$O" undo >/dev/null 2>&1 || fail "undo after the upgrade"
[ "$(q "$O" 'SELECT id || note FROM run')" = 7first ] || fail "undo did not bring the run back with its id"
# The new checks hold: a value the program refuses cannot be stored.
sqlite3 "$O" "INSERT INTO sleep (day, minutes) VALUES ('2026-02-30', 420)" 2>/dev/null &&
    fail "version $latest stores 2026-02-30"
sqlite3 "$O" "INSERT INTO run (day, distance_m, duration_s) VALUES ('2026-06-05', 5000.5, 60)" 2>/dev/null &&
    fail "version $latest stores a fractional distance"

for x in -wal -shm; do [ ! -e "$O$x" ] && fail "$x left beside the upgraded journal"; done

# Rows the new checks refuse: the upgrade names table and id and leaves
# the file byte-identical, with no copy and no WAL switch.
bad_upgrade() {
	sql=$1; want=$2
	first_version "$O"
	sqlite3 "$O" "$sql" || fail "spoiling: $sql"
	cp "$O" "$T/older.orig"
	$RUNLOG --db "$O" drink 1l >"$T/out" 2>"$T/err" && fail "upgraded despite: $sql"
	grep -q "$want" "$T/err" || fail "the refusal of '$sql' does not name '$want': $(cat "$T/err")"
	grep -q "left untouched" "$T/err" || fail "the refusal of '$sql' does not say the file was left alone"
	cmp -s "$O" "$T/older.orig" || fail "a refused upgrade changed the file ($sql)"
	[ ! -e "$O.v1.bak" ] || fail "a refused upgrade wrote a copy ($sql)"
	for x in -wal -shm -journal; do [ ! -e "$O$x" ] || fail "a refused upgrade left $x"; done
}
bad_upgrade "INSERT INTO sleep (id, day, minutes) VALUES (9, '2026-02-30', 420)" "sleep s9.*day"
bad_upgrade "INSERT INTO run (id, day, distance_m, duration_s) VALUES (12, '2026-06-05', 5000.5, 60)" "run r12.*distance_m"
bad_upgrade "UPDATE drink SET volume_ml = 500.5 WHERE id = 3" "drink d3.*volume_ml"
bad_upgrade "INSERT INTO checkin (id, day, fatigue, note) VALUES (5, '2026-06-05', 4, 'a' || char(27) || '[2J')" "checkin f5.*note"
bad_upgrade "INSERT INTO rest (id, day) VALUES (2, '1899-12-31')" "rest x2.*day"
finish "version 1 read as it is, upgraded to $latest, 5 spoiled upgrades refused"
