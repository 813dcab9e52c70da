#!/bin/sh
# runlog backup: a consistent copy while another process writes, a copy
# while a write transaction is held open, mode 0600 whatever the umask,
# refusals that leave the journal alone (a damaged journal, another
# program's database), a path printed safely, no temporary file left by
# signals or a full disk.
. tests/trust/lib.sh
J=$T/j.db
$RUNLOG --db "$J" run 10km 50:00 >/dev/null || fail "seed run"

# A writer logging drinks while backups are taken one after another.
(
	i=0
	while [ $i -lt 150 ]; do
		$RUNLOG --db "$J" drink 250ml --date 2026-06-0$((i % 9 + 1)) \
		    >/dev/null || echo "writer failed at $i" >&2
		i=$((i + 1))
	done
	touch "$T/writer.done"
) 2>"$T/writer.err" &
wpid=$!
n=0; prev=0
while :; do
	done_before=0; [ -e "$T/writer.done" ] && done_before=1
	n=$((n + 1))
	if ! $RUNLOG --db "$J" backup "$T/b.db" >"$T/b.out" 2>"$T/b.err"; then
		fail "backup $n while writing: $(cat "$T/b.err")"
		break
	fi
	[ "$(integrity "$T/b.db")" = ok ] || fail "backup $n: integrity"
	c=$(q "$T/b.db" 'SELECT count(*) FROM drink')
	[ "$c" -ge "$prev" ] || fail "backup $n has $c drinks, an earlier one had $prev"
	prev=$c
	[ $done_before -eq 1 ] && break
done
wait $wpid
[ -s "$T/writer.err" ] && fail "writer: $(cat "$T/writer.err")"
[ $n -ge 3 ] || fail "only $n backups were taken during the writes"
[ "$prev" -eq 150 ] || fail "the last backup, after the writer ended, has $prev of 150 drinks"
[ "$(sqlite3 -readonly "$T/b.db" .dump)" = "$(sqlite3 -readonly "$J" .dump)" ] ||
    fail "the last copy differs from the journal"
[ ! -e "$T/b.db-wal" ] || fail "the copy needs a WAL file beside it"
ls -a "$T" | grep -q 'runlog-backup' && fail "a temporary file was left behind"

# A write transaction held open for 2 s: the copy has only committed rows.
{ echo "BEGIN IMMEDIATE; INSERT INTO drink (day, volume_ml) VALUES ('2026-06-10', 999);"
  sleep 2; echo "COMMIT;"; } | sqlite3 "$J" &
hpid=$!
sleep 0.5
$RUNLOG --db "$J" backup "$T/held.db" >/dev/null 2>"$T/h.err" ||
    fail "backup during an open write transaction: $(cat "$T/h.err")"
wait $hpid
[ "$(q "$T/held.db" 'SELECT count(*) FROM drink WHERE volume_ml = 999')" = 0 ] ||
    fail "the copy holds an uncommitted row"
[ "$(q "$J" 'SELECT count(*) FROM drink WHERE volume_ml = 999')" = 1 ] ||
    fail "the held transaction did not commit"

# Mode 0600 whatever the umask; an existing copy is replaced whole.
( umask 000; $RUNLOG --db "$J" backup "$T/open.db" >/dev/null ) || fail "backup under umask 000"
[ "$(mode "$T/open.db")" = 600 ] || fail "copy mode $(mode "$T/open.db"), want 600"
echo junk > "$T/old.db"; chmod 644 "$T/old.db"
$RUNLOG --db "$J" backup "$T/old.db" >/dev/null || fail "backup over an old file"
[ "$(mode "$T/old.db")" = 600 ] || fail "replaced copy mode $(mode "$T/old.db")"
[ "$(integrity "$T/old.db")" = ok ] || fail "replaced copy is not a database"

# Refusals: the journal itself under several names, its WAL, a directory.
before=$(sha256sum < "$J")
mkdir "$T/sub"
ln -s "$J" "$T/link.db"
for d in "$J" "$T/sub/../j.db" "$T/link.db" "$J-wal" "$J-shm" "$T/sub"; do
	$RUNLOG --db "$J" backup "$d" >/dev/null 2>"$T/r.err"; rc=$?
	[ $rc -eq 1 ] || fail "backup to $d: exit $rc, want 1"
	[ -s "$T/r.err" ] || fail "backup to $d: no message"
done
[ "$(sha256sum < "$J")" = "$before" ] || fail "a refused backup changed the journal"
[ -L "$T/link.db" ] || fail "the symlink to the journal was replaced"

# No journal: an error, and no empty journal created.
$RUNLOG --db "$T/none.db" backup "$T/x.db" >/dev/null 2>&1 && fail "backup of a missing journal succeeded"
[ ! -e "$T/none.db" ] || fail "backup created an empty journal"
[ ! -e "$T/x.db" ] || fail "backup of nothing wrote a copy"
$RUNLOG --db "$J" backup >/dev/null 2>&1; [ $? -eq 2 ] || fail "backup without FILE: want exit 2"

# Restoring is copying the file back while runlog is closed, as the manual
# says, even over a journal whose writer crashed and left a WAL behind.
R=$T/r.db
$RUNLOG --db "$R" drink 1l >/dev/null || fail "restore: seed"
sqlite3 "$R" 'PRAGMA journal_mode = WAL' >/dev/null
{ echo "PRAGMA wal_autocheckpoint = 0; INSERT INTO drink (day, volume_ml) VALUES ('2026-06-02', 777);"
  sleep 5; } | sqlite3 "$R" >/dev/null &
cpid=$!
i=0; while [ $i -lt 50 ] && [ "$(q "$R" 'SELECT count(*) FROM drink WHERE volume_ml = 777')" != 1 ]; do
	sleep 0.1; i=$((i + 1)); done
kill -KILL $cpid 2>/dev/null; wait $cpid 2>/dev/null
[ -s "$R-wal" ] || fail "restore: the crash left no WAL (test set-up)"
cp "$T/b.db" "$R"
rm -f "$R-wal" "$R-shm"
[ "$(integrity "$R")" = ok ] || fail "restore: the restored journal is damaged"
[ "$(sqlite3 -readonly "$R" .dump)" = "$(sqlite3 -readonly "$T/b.db" .dump)" ] || fail "restore: the restored journal differs from the backup"
$RUNLOG --db "$R" show --all >/dev/null || fail "restore: the restored journal does not open"
# The user's path is printed with its escape sequences made harmless.
esc=$(printf '\033]0;owned\007\033[31m')
$RUNLOG --db "$J" backup "$T/e${esc}.db" >"$T/e.out" 2>"$T/e.err" || fail "backup to a name with escapes: $(cat "$T/e.err")"
[ -e "$T/e${esc}.db" ] || fail "the copy with escapes in its name is missing"
LC_ALL=C grep -q "$(printf '\033')" "$T/e.out" "$T/e.err" && fail "an escape sequence reached the terminal"
grep -q 'Backed up .* to .*e?.*\.db\.$' "$T/e.out" || fail "backup did not name the copy: $(cat "$T/e.out")"
$RUNLOG --db "$J" backup "$T/no${esc}dir/x.db" >"$T/e.out" 2>"$T/e.err" && fail "backup into a missing directory succeeded"
grep -q 'cannot write in' "$T/e.err" || fail "backup into a missing directory: message $(cat "$T/e.err")"
LC_ALL=C grep -q "$(printf '\033')" "$T/e.out" "$T/e.err" && fail "an escape sequence in a directory reached the terminal"

# A damaged journal is refused before anything is copied.
D=$T/damaged.db
$RUNLOG --db "$D" drink 250ml >/dev/null || fail "damaged: seed"
sqlite3 "$D" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
    INSERT INTO run (day, distance_m, duration_s, note) SELECT '2026-01-01', 5000, 1500, printf('%.3000c', 'x') FROM n"
dd if=/dev/zero of="$D" bs=4096 seek=150 count=1 conv=notrunc 2>/dev/null
[ "$(integrity "$D" 2>/dev/null)" != ok ] || fail "damaged: the set-up did not damage the journal"
$RUNLOG --db "$D" backup "$T/dcopy.db" >"$T/d.out" 2>"$T/d.err"; rc=$?
[ $rc -eq 1 ] || fail "backup of a damaged journal: exit $rc, want 1"
grep -q 'damaged' "$T/d.err" || fail "backup of a damaged journal: message $(cat "$T/d.err")"
[ ! -e "$T/dcopy.db" ] || fail "a damaged journal was copied"
[ -s "$T/d.out" ] && fail "backup of a damaged journal printed $(cat "$T/d.out")"

# Another program's database is refused, not reported as "-1 entries".
latest=$(q "$J" 'PRAGMA user_version')
for v in 1 "$latest"; do
	F=$T/foreign$v.db; rm -f "$F"
	sqlite3 "$F" "CREATE TABLE t (x); INSERT INTO t VALUES ('theirs'); PRAGMA user_version = $v"
	fsum=$(dumpsum "$F")
	$RUNLOG --db "$F" backup "$T/fcopy.db" >"$T/f.out" 2>"$T/f.err"; rc=$?
	[ $rc -eq 1 ] || fail "backup of a foreign database (version $v): exit $rc, want 1"
	[ -s "$T/f.err" ] || fail "backup of a foreign database (version $v): no message"
	[ -s "$T/f.out" ] && fail "backup of a foreign database (version $v) printed $(cat "$T/f.out")"
	[ ! -e "$T/fcopy.db" ] || fail "a foreign database (version $v) was copied"
	[ "$(dumpsum "$F")" = "$fsum" ] || fail "backup changed a foreign database (version $v)"
done

# A large journal, backed up and interrupted by SIGTERM or SIGINT at
# moments spread over the whole copy, several signals each time: no
# temporary file may be left, and the copy is either absent or whole.
L=$T/large.db
$RUNLOG --db "$L" drink 250ml >/dev/null || fail "large: seed"
sqlite3 "$L" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
    INSERT INTO run (day, distance_m, duration_s, note) SELECT '2026-01-01', 5000, 1500, printf('%.3500c', 'x') FROM n"
mkdir "$T/sig"
a=$(date +%s%N); $RUNLOG --db "$L" backup "$T/sig/full.db" >/dev/null || fail "large: backup"; b=$(date +%s%N)
span_us=$(((b - a) / 1000))
rm -f "$T/sig/full.db"
echo "  a backup of $(($(stat -c %s "$L") / 1048576)) MB takes $((span_us / 1000)) ms"
# Background jobs of a script ignore SIGINT unless told otherwise; an
# env too old for that leaves SIGTERM alone to test.
intr=""; env --default-signal=INT true 2>/dev/null && intr="--default-signal=INT"
tries=24; killed=0; i=0
while [ $i -lt $tries ]; do
	sig=TERM; [ $((i % 2)) -eq 1 ] && [ -n "$intr" ] && sig=INT
	env $intr "$RUNLOG" --db "$L" backup "$T/sig/c.db" >/dev/null 2>&1 &
	p=$!
	us=$((span_us * 9 * i / (10 * tries) + 1000))
	sleep "$(printf '%d.%06d' $((us / 1000000)) $((us % 1000000)))"
	kill -s $sig $p 2>/dev/null; kill -s $sig $p 2>/dev/null; kill -s $sig $p 2>/dev/null
	{ wait $p; } 2>/dev/null; rc=$?
	[ $rc -gt 128 ] && killed=$((killed + 1))
	if [ -e "$T/sig/c.db" ]; then
		[ "$(integrity "$T/sig/c.db")" = ok ] || fail "signal $sig after $us us: a broken copy is in place"
		rm -f "$T/sig/c.db"
	fi
	i=$((i + 1))
done
left=$(ls -A "$T/sig" | wc -l)
[ "$left" -eq 0 ] || fail "signals during backup left $left file(s): $(ls -A "$T/sig" | tr '\n' ' ')"
# A busy machine stretches the sleeps more than the backups, so a quarter
# interrupted is enough to show the test tested.
[ $killed -ge $((tries / 4)) ] || fail "only $killed of $tries backups were interrupted (the test did not test)"

# A full disk: the temporary copy is removed and the message says why.
# (A small filesystem of its own, in a private mount namespace.)
mkdir "$T/small"
if unshare -m true 2>/dev/null; then
	unshare -m sh -c 'mount -t tmpfs -o size=1m tmpfs "$1" || exit
	    "$2" --db "$3" backup "$1/b.db" >"$4/full.out" 2>"$4/full.err"
	    echo $? >"$4/full.rc"; ls -A "$1" >"$4/full.ls"' sh "$T/small" "$RUNLOG" "$L" "$T"
	[ "$(cat "$T/full.rc")" = 1 ] || fail "backup to a full disk: exit $(cat "$T/full.rc"), want 1"
	grep -q 'disk is full' "$T/full.err" || fail "backup to a full disk: message $(cat "$T/full.err")"
	[ -s "$T/full.ls" ] && fail "a full disk kept $(cat "$T/full.ls")"
	fullnote=", full disk tried"
else
	echo "backup.test.sh: no mount namespace here; the full-disk case is skipped" >&2
	fullnote=""
fi
finish "$n copies taken during 150 concurrent writes; $killed of $tries backups interrupted, 0 files left$fullnote"
