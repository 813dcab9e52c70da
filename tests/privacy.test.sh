#!/bin/sh
# Privacy: the journal is 0600 in a 0700 directory whatever the umask, an
# existing journal that others can read draws a warning, no shell or other
# program is ever started, and nothing is written outside the journal's
# directory (strace watches every file the commands create or open for
# writing). Reads write nothing at all: they work in a read-only directory,
# on a read-only mount and on a full disk, and another user's read leaves
# no file that would stop the owner's writes (these drop root's privileges
# with setpriv and use mount namespaces with unshare, as root writes
# anywhere).
. tests/trust/lib.sh

# Created under umask 000: --db in new nested directories, $XDG_DATA_HOME,
# and the default under $HOME.
( umask 000; $RUNLOG --db "$T/a/b/j.db" drink 1l ) >/dev/null 2>"$T/err" || fail "--db under umask 000: $(cat "$T/err")"
[ "$(mode "$T/a")" = 700 ] || fail "created directory $T/a has mode $(mode "$T/a")"
[ "$(mode "$T/a/b")" = 700 ] || fail "created directory $T/a/b has mode $(mode "$T/a/b")"
[ "$(mode "$T/a/b/j.db")" = 600 ] || fail "journal mode $(mode "$T/a/b/j.db"), want 600"
[ -s "$T/err" ] && fail "a new private journal drew a message: $(cat "$T/err")"
( umask 000; XDG_DATA_HOME=$T/xdg $RUNLOG drink 1l ) >/dev/null || fail "XDG_DATA_HOME under umask 000"
[ "$(mode "$T/xdg/runlog")" = 700 ] || fail "XDG runlog directory mode $(mode "$T/xdg/runlog")"
[ "$(mode "$T/xdg/runlog/journal.db")" = 600 ] || fail "XDG journal mode"
( umask 000; $RUNLOG drink 1l ) >/dev/null || fail "default journal under umask 000"
D=$HOME/.local/share/runlog
[ "$(mode "$D")" = 700 ] || fail "default directory mode $(mode "$D")"
[ "$(mode "$D/journal.db")" = 600 ] || fail "default journal mode $(mode "$D/journal.db")"

# The WAL and shared-memory files, while a writer holds them, are private too.
{ echo "BEGIN IMMEDIATE; INSERT INTO drink (day, volume_ml) VALUES ('2026-06-01', 300);"
  sleep 1; echo "COMMIT;"; } | ( umask 000; sqlite3 "$T/a/b/j.db" ) &
sleep 0.3
( umask 000; $RUNLOG --db "$T/a/b/j.db" show --all ) >/dev/null || fail "show beside a writer"
for x in -wal -shm; do
	[ -e "$T/a/b/j.db$x" ] && { [ "$(mode "$T/a/b/j.db$x")" = 600 ] || fail "j.db$x mode $(mode "$T/a/b/j.db$x")"; }
done
wait

# An existing journal that others can read: a warning naming the mode and the
# fix, and the command still works. A private one: no warning.
for m in 644 640 604 660; do
	chmod $m "$T/a/b/j.db"
	$RUNLOG --db "$T/a/b/j.db" drink 1l >/dev/null 2>"$T/err" || fail "mode $m: the command failed"
	grep -q "warning: .*other users (mode $m).*chmod 600" "$T/err" || fail "mode $m: no warning (got '$(cat "$T/err")')"
done
chmod 600 "$T/a/b/j.db"
$RUNLOG --db "$T/a/b/j.db" drink 1l >/dev/null 2>"$T/err" || fail "mode 600: the command failed"
[ -s "$T/err" ] && fail "mode 600 drew a message: $(cat "$T/err")"

# No shell, no other program: neither in the source nor at run time. The
# one exception is import's own file reader, runlog-read, started by path
# (execv, no shell) in src/import-child.c only.
if grep -nE '\b(system|popen|execl|execlp|execle|execv|execvp|execvpe|posix_spawnp?|fork|vfork)[[:space:]]*\(' src/*.c |
    grep -vE '^src/import-child\.c:[0-9]+:.*\b(fork|execv)\(' >"$T/grep"; then
	fail "the source starts programs: $(cat "$T/grep")"
fi

# Every file the commands open for writing, create, rename or remove, and
# every program they start, under strace; with TMPDIR and SQLITE_TMPDIR set
# so that a temporary file anywhere would show.
command -v strace >/dev/null || fail "strace is needed (tests/deps.sh installs it)"
mkdir -p "$T/data" "$T/tmp" "$T/out"
J=$T/data/j.db
export TMPDIR=$T/tmp SQLITE_TMPDIR=$T/tmp
n=0
for args in "run 10km 50:00 --note private-note-text --rpe 6" \
    "sleep 7.5 --note slept-badly" "fatigue 6 --pain --note knee-hurts" \
    "drink 500ml" "rest --date 2026-06-01" "show --all" "delete r1" "undo" \
    "backup $T/out/copy.db"; do
	# shellcheck disable=SC2086
	# (LeakSanitizer cannot run under ptrace: off here under make check-asan.)
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
	    strace -f -qq -o "$T/trace" -e trace=%file,%process $RUNLOG --db "$J" $args >/dev/null 2>"$T/err" ||
	    fail "$args under strace: $(cat "$T/err")"
	# Any program, a shell included, starts with an execve.
	grep -E 'execve' "$T/trace" | grep -v "^[0-9]* *execve(\"$RUNLOG\"" >"$T/exec"
	[ -s "$T/exec" ] && fail "$args started a program: $(head -3 "$T/exec")"
	# Writes: opens with O_WRONLY/O_RDWR/O_CREAT, mkdir, rename, unlink, chmod.
	# Calls that failed (= -1, such as mkdir of an existing directory) wrote nothing.
	grep -E 'O_WRONLY|O_RDWR|O_CREAT|mkdir|rename|unlink|chmod|[^d]link\(|symlink|truncate' "$T/trace" |
	    grep -v '= -1 ' | grep -oE '"[^"]*"' | tr -d '"' | sort -u >"$T/paths"
	while read -r p; do
		case $p in
		"$T/data/"*|"$T/out/"*|/dev/null|/dev/tty) ;;
		*) fail "$args wrote outside the journal's directory: $p" ;;
		esac
	done <"$T/paths"
	n=$((n + 1))
done
[ -z "$(ls -A "$T/tmp")" ] || fail "files were left in TMPDIR: $(ls -A "$T/tmp")"
grep -rl "private-note-text\|knee-hurts" "$T/tmp" "$HOME" 2>/dev/null | grep -v "journal.db" && fail "a note leaked outside the journal"

# --- reads that can write nothing -------------------------------------
# as UID CMD...: CMD run as that user and group, without root's powers.
as() { u=$1; shift; setpriv --reuid="$u" --regid="$u" --clear-groups "$@"; }
nsdone=0
if ! command -v setpriv >/dev/null || ! command -v unshare >/dev/null ||
    ! unshare -m true 2>/dev/null || ! as 4242 true 2>/dev/null; then
	echo "privacy.test.sh: note: setpriv or unshare -m is not available here: the read-only directory, read-only mount, other-user and full-disk cases are skipped"
else
	chmod 755 "$T"
	sum() { cat "$1" "$1-wal" 2>/dev/null | sha256sum | cut -d' ' -f1; }

	# A read-only directory: the user's own journal, closed cleanly, in a
	# directory the user cannot write. Reads work and create nothing; a
	# write fails with a message and changes nothing.
	R=$T/rodir; mkdir "$R"
	$RUNLOG --db "$R/j.db" run 5km 25:00 --date 2026-06-01 >/dev/null || fail "rodir seed"
	chown 4242:4242 "$R/j.db"; chmod 555 "$R"
	s0=$(sum "$R/j.db")
	for cmd in "show --all" "check --date 2026-06-01" "week 2026-06-01" "trends" "export" "screen day --date 2026-06-01"; do
		# shellcheck disable=SC2086
		as 4242 "$RUNLOG" --db "$R/j.db" $cmd >"$T/rout" 2>"$T/rerr" || fail "read-only directory: $cmd: $(cat "$T/rerr")"
	done
	as 4242 "$RUNLOG" --db "$R/j.db" show --all | grep -q "5.00 km" || fail "read-only directory: show lacks the run"
	as 4242 "$RUNLOG" --db "$R/j.db" drink 1l >/dev/null 2>"$T/rerr" && fail "read-only directory: a write succeeded"
	grep -q "$R/j.db: cannot write to the journal.*only read it still work" "$T/rerr" || fail "read-only directory: the write's message: $(cat "$T/rerr")"
	[ "$(sum "$R/j.db")" = "$s0" ] || fail "read-only directory: the journal changed"
	for x in "$R"/* "$R"/.[!.]*; do
		case $x in "$R/j.db"|"$R/*"|"$R/.[!.]*") ;; *) fail "read-only directory: a file beside the journal: $x" ;; esac
	done
	chmod 755 "$R"

	# A read-only mount (a bind mount in a private mount namespace): root
	# itself cannot write there.
	M=$T/romount; mkdir "$M"
	$RUNLOG --db "$M/j.db" run 6km 30:00 --date 2026-06-01 >/dev/null || fail "romount seed"
	s0=$(sum "$M/j.db")
	unshare -m sh -c '
		mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 9
		"$2" --db "$1/j.db" show --all >"$3/rout" 2>"$3/rerr" || echo "show failed: $(cat "$3/rerr")"
		grep -q "6.00 km" "$3/rout" || echo "show lacks the run"
		"$2" --db "$1/j.db" drink 1l >/dev/null 2>"$3/rerr" && echo "a write succeeded"
		grep -q "$1/j.db: cannot write to the journal.*Read-only file system" "$3/rerr" || echo "the write message: $(cat "$3/rerr")"
		true' sh "$M" "$RUNLOG" "$T" >"$T/ns" 2>&1; rc=$?
	if [ $rc -eq 9 ]; then
		echo "privacy.test.sh: note: bind mounts are refused here: the read-only mount case is skipped"
	else
		[ -s "$T/ns" ] && fail "read-only mount: $(cat "$T/ns")"
		[ "$(sum "$M/j.db")" = "$s0" ] || fail "read-only mount: the journal changed"
		nsdone=$((nsdone + 1))
	fi

	# Another user reads a journal the owner shares (mode 644) in a
	# directory both may write (as /tmp is): the read leaves no -wal or
	# -shm of that user behind, and the owner's next write works.
	S=$T/shared; mkdir "$S"; chmod 1777 "$S"
	as 4242 "$RUNLOG" --db "$S/j.db" run 7km 35:00 --date 2026-06-01 >/dev/null 2>&1 || fail "shared seed"
	chmod 644 "$S/j.db"
	as 4343 "$RUNLOG" --db "$S/j.db" show --all >"$T/rout" 2>"$T/rerr" || fail "another user's read: $(cat "$T/rerr")"
	grep -q "7.00 km" "$T/rout" || fail "another user's read lacks the run"
	for x in -wal -shm; do [ ! -e "$S/j.db$x" ] || fail "another user's read left j.db$x (owner $(stat -c %u "$S/j.db$x"))"; done
	as 4242 "$RUNLOG" --db "$S/j.db" drink 1l >/dev/null 2>"$T/rerr" || fail "the owner's write after another user's read: $(cat "$T/rerr")"
	# ... also while the owner is writing (its -wal and -shm exist).
	{ echo "BEGIN IMMEDIATE; INSERT INTO drink (day, volume_ml) VALUES ('2026-06-01', 300); COMMIT; BEGIN; SELECT count(*) FROM run;"
	  sleep 1; echo "COMMIT;"; } | as 4242 sqlite3 "$S/j.db" >/dev/null &
	sleep 0.3
	as 4343 "$RUNLOG" --db "$S/j.db" show --all >"$T/rout" 2>"$T/rerr" || fail "another user's read beside a writer: $(cat "$T/rerr")"
	grep -q "0.30 l" "$T/rout" || fail "another user's read beside a writer missed the committed drink"
	wait
	for x in -wal -shm; do
		[ -e "$S/j.db$x" ] && [ "$(stat -c %u "$S/j.db$x")" != 4242 ] && fail "j.db$x belongs to another user"
	done
	as 4242 "$RUNLOG" --db "$S/j.db" drink 1l >/dev/null 2>"$T/rerr" || fail "the owner's write after the shared read: $(cat "$T/rerr")"
	nsdone=$((nsdone + 1))

	# A full disk (a small tmpfs of its own): reads of the cleanly closed
	# journal work; a write fails saying so, and the journal stays whole.
	F=$T/full; mkdir "$F"
	unshare -m sh -c '
		mount -t tmpfs -o size=600k tmpfs "$1" || exit 9
		"$2" --db "$1/j.db" run 8km 40:00 --date 2026-06-01 >/dev/null || echo "seed failed"
		dd if=/dev/zero of="$1/fill" bs=4096 >/dev/null 2>&1
		"$2" --db "$1/j.db" show --all >"$3/rout" 2>"$3/rerr" || echo "show on a full disk failed: $(cat "$3/rerr")"
		grep -q "8.00 km" "$3/rout" || echo "show on a full disk lacks the run"
		"$2" --db "$1/j.db" check --date 2026-06-01 >/dev/null 2>"$3/rerr"; [ $? -le 3 ] || echo "check on a full disk failed: $(cat "$3/rerr")"
		"$2" --db "$1/j.db" drink 1l >/dev/null 2>"$3/rerr" && echo "a write on a full disk succeeded"
		grep -q "disk is full" "$3/rerr" || echo "the write on a full disk does not say so: $(cat "$3/rerr")"
		rm -f "$1/fill"
		[ "$(sqlite3 -readonly "$1/j.db" "PRAGMA integrity_check")" = ok ] || echo "the journal is damaged after the full disk"
		[ "$(sqlite3 -readonly "$1/j.db" "SELECT count(*) FROM run") $(sqlite3 -readonly "$1/j.db" "SELECT count(*) FROM drink")" = "1 0" ] ||
		    echo "the journal changed on the full disk"
		"$2" --db "$1/j.db" drink 1l >/dev/null 2>"$3/rerr" || echo "a write after space came back failed: $(cat "$3/rerr")"
		true' sh "$F" "$RUNLOG" "$T" >"$T/ns" 2>&1; rc=$?
	if [ $rc -eq 9 ]; then
		echo "privacy.test.sh: note: tmpfs mounts are refused here: the full-disk case is skipped"
	else
		[ -s "$T/ns" ] && fail "full disk: $(cat "$T/ns")"
		nsdone=$((nsdone + 1))
	fi
fi
finish "$n commands traced, $nsdone read-only and full-disk cases"
