#!/bin/sh
# Privacy: the journal is 0600 in a 0700 directory whatever the umask, an
# existing journal that others can read draws a warning, no shell or other
# program is ever started, and nothing is written outside the journal's
# directory (strace watches every file the commands create or open for
# writing).
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
finish "$n commands traced"
