#!/bin/sh
# Journals runlog cannot write (make check-hard). CI runs as root, and root
# writes anywhere, so the test runs in its own mount namespace (unshare -m)
# on small tmpfs mounts, and the reads and writes run as other users
# (setpriv): nobody reads, daemon owns.
#   - a journal in a read-only directory, a read-only file, and a journal
#     on a read-only mount: every read command works, leaves nothing
#     behind, and a write fails with a message and changes nothing;
#   - a read by another user leaves no file (a 0400 -shm) that breaks the
#     owner's next write;
#   - a full disk: reads of a cleanly closed journal work and leave
#     nothing, a backup fails and leaves no temporary file, a write fails
#     and changes nothing.
# Skipped, saying so, only where mount namespaces are not permitted.
if [ -z "${HX_IN_NS:-}" ]; then
	if [ "$(id -u)" -ne 0 ] || ! unshare -m true 2>/dev/null; then
		echo "readonly.test.sh: skipped: unshare -m is not permitted here (needs root or CAP_SYS_ADMIN)"
		exit 0
	fi
	HX_IN_NS=1 exec unshare -m sh "$0" "$@"
fi
. tests/trust/lib.sh
. tests/hostile-lib.sh
chmod 755 "$T"
mkdir -p "$T/bin" && cp "$RUNLOG" "$T/bin/runlog" && chmod 755 "$T/bin/runlog"
RUNLOG=$T/bin/runlog
chmod 755 "$HOME"
hx_demo || finish
D=$T/demo.db
chmod 644 "$D"
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
as_daemon() { setpriv --reuid=daemon --regid=daemon --clear-groups "$@"; }
as_nobody true || { fail "setpriv to nobody failed"; finish; }

READS="show --all|export|check --date 2026-10-19|week 2026-10-11|trends --weeks 16|screen day --date 2026-10-19|screen history --date 2026-10-19"
WRITES="run 5km 30:00|sleep 7|drink 500ml|fatigue 4|rest --date 2026-11-22|undo|delete r1"

# try_all WHO DIR LABEL: every read must succeed, every write fail; the
# journal DIR/j.db and its directory stay as they were.
try_all() {
	who=$1; dir=$2; label=$3
	state=$(hx_state "$dir")
	IFS='|'; set -- $READS; unset IFS
	for c in "$@"; do
		# shellcheck disable=SC2086
		$who timeout 10 "$RUNLOG" --db "$dir/j.db" $c >"$T/out" 2>"$T/err"; rc=$?
		hx_runs=$((hx_runs + 1))
		[ $rc -eq 0 ] || [ $rc -eq 3 ] || fail "$label: $c: exit $rc: $(head -c 300 "$T/err")"
		[ -s "$T/out" ] || fail "$label: $c printed nothing"
		[ "$(hx_state "$dir")" = "$state" ] || fail "$label: $c changed the directory:$(printf '\n%s\n--\n' "$state")$(hx_state "$dir")"
	done
	IFS='|'; set -- $WRITES; unset IFS
	for c in "$@"; do
		# shellcheck disable=SC2086
		$who timeout 10 "$RUNLOG" --db "$dir/j.db" $c >"$T/out" 2>"$T/err"; rc=$?
		hx_runs=$((hx_runs + 1))
		[ $rc -eq 1 ] || fail "$label: $c: exit $rc, want 1 ($(head -c 300 "$T/out" "$T/err"))"
		[ -s "$T/err" ] || fail "$label: $c failed without a message"
		grep -qiE "read-?only|permission|cannot|not writable|denied" "$T/err" ||
		    fail "$label: $c: the message does not say why: $(head -c 300 "$T/err")"
		[ "$(hx_state "$dir")" = "$state" ] ||
		    fail "$label: $c changed the directory: $(ls -lA "$dir" | tr '\n' ' ')"
	done
}

# A read-only directory (owned by daemon, 0555), the journal 0444: read
# by its owner and by another user.
mkdir "$T/rodir"; cp "$D" "$T/rodir/j.db"
chown -R daemon:daemon "$T/rodir"; chmod 444 "$T/rodir/j.db"; chmod 555 "$T/rodir"
try_all as_daemon "$T/rodir" "read-only directory, owner"
try_all as_nobody "$T/rodir" "read-only directory, other user"

# A writable directory, the journal read-only to its user (0444).
mkdir "$T/rofile"; cp "$D" "$T/rofile/j.db"
chown -R daemon:daemon "$T/rofile"; chmod 444 "$T/rofile/j.db"
try_all as_daemon "$T/rofile" "read-only file"

# A read-only mount: even root cannot write there.
mkdir "$T/romnt"
if mount -t tmpfs -o size=2m,mode=0755 tmpfs "$T/romnt"; then
	cp "$D" "$T/romnt/j.db"; chmod 644 "$T/romnt/j.db"
	cp "$T/romnt/j.db" "$T/romnt/delete.db"
	sqlite3 "$T/romnt/delete.db" 'PRAGMA journal_mode=DELETE' >/dev/null
	mount -o remount,ro,bind "$T/romnt" || fail "remount read-only"
	try_all "" "$T/romnt" "read-only mount, root"
	try_all as_nobody "$T/romnt" "read-only mount, other user"
	for c in "show --all" "check --date 2026-10-19" "screen day --date 2026-10-19"; do
		# shellcheck disable=SC2086
		as_nobody "$RUNLOG" --db "$T/romnt/delete.db" $c >/dev/null 2>"$T/err"; rc=$?
		[ $rc -eq 0 ] || [ $rc -eq 3 ] ||
		    fail "read-only mount: $c of a DELETE-mode journal: exit $rc: $(cat "$T/err")"
	done
	umount "$T/romnt"
else
	fail "could not mount a tmpfs in the namespace"
fi

# A read by another user leaves nothing that breaks the owner's writes:
# the owner (daemon) keeps a 0644 journal in a directory anyone writes to.
mkdir "$T/shared"; chmod 1777 "$T/shared"
cp "$D" "$T/shared/j.db"; chown daemon:daemon "$T/shared/j.db"; chmod 644 "$T/shared/j.db"
for c in "show --all" "check --date 2026-10-19" "screen day --date 2026-10-19"; do
	# shellcheck disable=SC2086
	as_nobody timeout 10 "$RUNLOG" --db "$T/shared/j.db" $c >/dev/null 2>"$T/err"; rc=$?
	[ $rc -eq 0 ] || [ $rc -eq 3 ] || fail "another user's $c: exit $rc: $(cat "$T/err")"
	hx_runs=$((hx_runs + 1))
done
left=$(ls -A "$T/shared" | grep -v '^j\.db$')
[ -z "$left" ] || fail "a read by another user left $(cd "$T/shared" && ls -l $left | tr '\n' ' ')"
as_daemon "$RUNLOG" --db "$T/shared/j.db" drink 250ml --date 2026-11-25 >/dev/null 2>"$T/err" ||
    fail "the owner cannot write after another user's read: $(cat "$T/err")"
# The same while the owner holds the journal open (its -shm exists).
{ echo "BEGIN; SELECT count(*) FROM run;"; sleep 2; echo "COMMIT;"; } |
    as_daemon sqlite3 "$T/shared/j.db" >/dev/null &
hold=$!
sleep 0.5
as_nobody timeout 10 "$RUNLOG" --db "$T/shared/j.db" show --all >/dev/null 2>"$T/err" ||
    fail "another user's read while the owner has the journal open: $(cat "$T/err")"
wait $hold
as_daemon "$RUNLOG" --db "$T/shared/j.db" drink 250ml --date 2026-11-25 >/dev/null 2>"$T/err" ||
    fail "the owner cannot write after another user's read of an open journal: $(cat "$T/err")"

# A full disk: a 1 MiB tmpfs holding the journal (j.db as runlog leaves
# it, k.db in DELETE mode as backup writes it), filled up.
"$RUNLOG" --db "$D" backup "$T/bk-delete.db" >/dev/null || fail "backup of the demo"
mkdir "$T/full"
if mount -t tmpfs -o size=1m,mode=0777 tmpfs "$T/full"; then
	mkdir "$T/full/d"; chown nobody:nogroup "$T/full/d"
	cp "$D" "$T/full/d/j.db"; cp "$T/bk-delete.db" "$T/full/d/k.db"
	chown nobody:nogroup "$T/full/d/j.db" "$T/full/d/k.db"
	chmod 600 "$T/full/d/j.db" "$T/full/d/k.db"
	as_nobody dd if=/dev/zero of="$T/full/filler" bs=4096 2>/dev/null
	[ "$(df -P "$T/full" | awk 'NR == 2 { print $4 }')" -eq 0 ] || fail "the tmpfs is not full"
	for j in j k; do
		dir=$T/full/d
		state=$(hx_state "$dir")
		IFS='|'; set -- $READS; unset IFS
		for c in "$@"; do
			# shellcheck disable=SC2086
			as_nobody timeout 10 "$RUNLOG" --db "$dir/$j.db" $c >"$T/out" 2>"$T/err"; rc=$?
			hx_runs=$((hx_runs + 1))
			[ $rc -eq 0 ] || [ $rc -eq 3 ] || fail "full disk, $j.db: $c: exit $rc: $(head -c 300 "$T/err")"
			[ "$(hx_state "$dir")" = "$state" ] || fail "full disk, $j.db: $c left a file: $(ls -A "$dir" | tr '\n' ' ')"
		done
		as_nobody timeout 10 "$RUNLOG" --db "$dir/$j.db" backup "$dir/b.db" >"$T/out" 2>"$T/err"; rc=$?
		hx_runs=$((hx_runs + 1))
		[ $rc -eq 1 ] || fail "full disk, $j.db: backup: exit $rc, want 1"
		[ "$(hx_state "$dir")" = "$state" ] ||
		    fail "full disk, $j.db: backup left $(ls -A "$dir" | tr '\n' ' ')"
		# A write must fail and change nothing. SQLite's own -wal (empty)
		# and -shm may stay beside a WAL journal when there was no room
		# to finish; nothing else may appear.
		main=$(sha256sum "$dir/j.db" "$dir/k.db")
		IFS='|'; set -- $WRITES; unset IFS
		for c in "$@"; do
			# shellcheck disable=SC2086
			as_nobody timeout 10 "$RUNLOG" --db "$dir/$j.db" $c >"$T/out" 2>"$T/err"; rc=$?
			hx_runs=$((hx_runs + 1))
			[ $rc -lt 124 ] || fail "full disk, $j.db: $c: exit $rc"
			[ $rc -eq 0 ] && fail "full disk, $j.db: $c succeeded on a full disk"
			[ -s "$T/err" ] || fail "full disk, $j.db: $c failed without a message"
			[ "$(sha256sum "$dir/j.db" "$dir/k.db")" = "$main" ] ||
			    fail "full disk, $j.db: $c, failing, changed the journal"
			extra=$(ls -A "$dir" | grep -vxE '[jk]\.db|[jk]\.db-shm|[jk]\.db-wal')
			[ -z "$extra" ] || fail "full disk, $j.db: $c left $(echo $extra)"
			[ ! -s "$dir/$j.db-wal" ] || fail "full disk, $j.db: $c left a non-empty $j.db-wal"
		done
		rm -f "$dir/b.db" "$dir"/j.db-* "$dir"/k.db-* "$dir"/.*runlog* 2>/dev/null
	done
	umount "$T/full"
else
	fail "could not mount a tmpfs in the namespace"
fi
finish "$hx_runs runs"
