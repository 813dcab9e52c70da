#!/bin/sh
# runlog backup: a consistent copy while another process writes, a copy
# while a write transaction is held open, mode 0600 whatever the umask, and
# refusals that leave the journal alone.
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
finish "$n copies taken during 150 concurrent writes"
