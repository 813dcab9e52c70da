# Shared by the hostile-journal tests (sourced after tests/trust/lib.sh):
# spoiling a demo journal behind runlog's back with the sqlite3 shell, and
# running every command on a spoiled file with the same assertions:
#   - no crash: exit status below 124 (124 is a hang under timeout, 128 and
#     up a signal) and no sanitizer report on stderr;
#   - a command that fails leaves the journal byte-for-byte the same and
#     creates no file beside it (-wal, -shm, -journal, a copy, a temporary);
#   - a read command never changes the journal and leaves nothing beside it;
#   - a refused journal is refused by every command, with a message;
#   - a journal with bad rows is still read; show --all names each bad
#     row as "<table> <letter><id>:", export --what KIND those of its table.
# Counters: hx_runs (commands run), hx_journals (journals tried).

export RUNLOG_TODAY=2026-11-25 TZ=UTC
hx_runs=0; hx_journals=0
HX_SAN='runtime error|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|MemorySanitizer'

# The entry tables and the letter of their ids.
hx_letter() {
	case $1 in run) echo r ;; sleep) echo s ;; drink) echo d ;;
	checkin) echo f ;; rest) echo x ;; plan) echo p ;; *) echo "?" ;; esac
}

# hx_demo: $T/demo.db, the demo journal (16 weeks up to 2026-11-25), once.
hx_demo() {
	[ -f "$T/demo.db" ] && return 0
	"$RUNLOG" --db "$T/demo.db" demo >/dev/null 2>"$T/demo.err" ||
	    { fail "runlog demo: $(cat "$T/demo.err")"; return 1; }
	[ ! -e "$T/demo.db-wal" ] || fail "the demo journal was not closed cleanly"
}

# hx_sql DB SQL: runs SQL in the sqlite3 shell with CHECK constraints off.
hx_sql() {
	printf 'PRAGMA ignore_check_constraints=1;\n%s\n' "$2" |
	    sqlite3 -batch "$1" >/dev/null 2>"$T/sql.err" ||
	    fail "sqlite3 $1: $2: $(cat "$T/sql.err")"
}

# hx_null DB TABLE COLUMN ROWID: sets a NOT NULL column to NULL. NOT NULL
# cannot be switched off, so the table's CREATE text is edited through
# writable_schema, the row updated by a second connection, and the text
# put back by a third: the schema reads as before, the row holds a NULL.
hx_null() {
	sqlite3 -batch "$1" "CREATE TABLE hx_saved AS SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '$2';
	    PRAGMA writable_schema=ON;
	    UPDATE sqlite_master SET sql = replace(sql, 'NOT NULL', '') WHERE type = 'table' AND name = '$2';" 2>"$T/sql.err" ||
	    fail "sqlite3 writable_schema: $(cat "$T/sql.err")"
	hx_sql "$1" "UPDATE $2 SET $3 = NULL WHERE rowid = $4;"
	sqlite3 -batch "$1" "PRAGMA writable_schema=ON;
	    UPDATE sqlite_master SET sql = (SELECT sql FROM hx_saved) WHERE type = 'table' AND name = '$2';" 2>"$T/sql.err" ||
	    fail "sqlite3 writable_schema: $(cat "$T/sql.err")"
	sqlite3 -batch "$1" "DROP TABLE hx_saved;" 2>"$T/sql.err" || fail "sqlite3: $(cat "$T/sql.err")"
	[ "$(sqlite3 -batch "$1" "SELECT count(*) FROM $2 WHERE rowid = $4 AND typeof($3) = 'null'")" = 1 ] ||
	    fail "could not store NULL in $2.$3"
}

# hx_set DB TABLE ID COLUMN VALUE: one stored value, VALUE an SQL literal
# (NULL goes through hx_null when the column is NOT NULL).
hx_set() {
	if [ "$5" = NULL ] && [ "$(sqlite3 -batch "$1" "SELECT \"notnull\" FROM pragma_table_info('$2') WHERE name = '$4'")" = 1 ]; then
		hx_null "$1" "$2" "$4" "$3"
	else
		hx_sql "$1" "UPDATE $2 SET $4 = $5 WHERE id = $3;"
	fi
}

# hx_rows DB: a checksum of every row of the entry tables.
hx_rows() {
	sqlite3 -readonly "$1" "SELECT * FROM run; SELECT * FROM sleep; SELECT * FROM drink;
	    SELECT * FROM checkin; SELECT * FROM rest;" | sha256sum | cut -c1-16
}

# hx_flip DB OFFSET BYTE: overwrites one byte (BYTE in decimal).
hx_flip() {
	# shellcheck disable=SC2059
	printf "\\$(printf %o "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# hx_state DIR: every name in DIR and every file's checksum, to compare.
hx_state() {
	ls -A "$1"
	sha256sum "$1"/* "$1"/.[!.]* 2>/dev/null
}

# hx_exec LABEL ARGS...: runlog ARGS under a timeout (HX_TIMEOUT, 10 s);
# exit status in rc, output in $T/out and $T/err. Fails on a crash, a hang
# or a sanitizer report.
hx_exec() {
	hx_label=$1; shift
	hx_runs=$((hx_runs + 1))
	timeout "${HX_TIMEOUT:-10}" "$RUNLOG" "$@" >"$T/out" 2>"$T/err" </dev/null; rc=$?
	if [ $rc -eq 124 ]; then fail "$hx_label: hung, killed after ${HX_TIMEOUT:-10} s"
	elif [ $rc -ge 124 ]; then fail "$hx_label: exit $rc (killed by a signal or not run)"
	fi
	if grep -qE "$HX_SAN" "$T/err"; then
		fail "$hx_label: sanitizer report: $(grep -m1 -E "$HX_SAN" "$T/err")"
	fi
}

# The commands, one per line: "r" read, "w" write, then the arguments.
# OUT is replaced by a path in the output directory.
hx_commands() {
	cat <<'EOF'
r show --all
r export
r export --what runs -o OUT/e.csv
r export --what sleep
r export --what hydration
r export --what fatigue
r export --what rest
r export --what plans
r check --date 2026-10-19 --verbose
r week 2026-10-11
r trends --weeks 16
r screen day --date 2026-10-19 --size 100x40
r screen week --date 2026-10-19 --size 100x40
r screen trends --date 2026-10-19 --size 100x40
r screen flags --date 2026-10-19 --size 100x40
r screen history --date 2026-10-19 --size 100x40
r screen plan --size 100x40
r screen calendar --date 2026-10-19 --size 100x40
r screen shoes --size 100x40
r next --json
r plan
r shoe
r fitness
r totals
r calendar
r records
r backup OUT/b.db
w run 5km 30:00 --date 2026-11-20
w sleep 7 --date 2026-11-20
w drink 500ml --date 2026-11-20
w fatigue 4 --date 2026-11-20
w rest --date 2026-11-21
w plan 10km --date 2026-11-28
w undo
w delete r1
EOF
}

# hx_journal FILE KIND [BADROWS [TABLE]]: runs every command on a copy of
# FILE, copied again only after a command changed it. With TABLE, of the
# exports by kind only TABLE's runs (only runs' for the kinds but "bad").
# KIND: "bad" (bad rows: reads must work and name each of BADROWS, a list
# like "sleep s5, run r5"), "refused" (every command must fail), "any"
# (damaged: anything but a crash; a failure changes nothing).
hx_journal() {
	hx_src=$1; hx_kind=$2; hx_bad=${3:-}; hx_table=${4:-}
	# A refused or damaged file: one export by kind is enough.
	[ "$hx_kind" = bad ] || [ -n "$hx_table" ] || hx_table=run
	hx_journals=$((hx_journals + 1))
	hx_name=${hx_src##*/}
	[ -f "$T/cmds" ] || hx_commands >"$T/cmds"
	hx_fresh=1
	while read -r hx_rw hx_args; do
		case "$hx_table:$hx_args" in
		:*|run:*runs*|sleep:*sleep*|drink:*hydration*|checkin:*fatigue*|rest:*rest*|plan:*plans*) ;;
		*:export\ --what*) continue ;;
		esac
		if [ $hx_fresh = 1 ]; then
			rm -rf "$T/w"; mkdir "$T/w"
			cp "$hx_src" "$T/w/j.db"
			before=$(hx_state "$T/w")
			hx_fresh=0
		fi
		hx_out=0
		case $hx_args in *OUT*)
			rm -rf "$T/o"; mkdir "$T/o"; hx_out=1
			hx_args="${hx_args%%OUT*}$T/o${hx_args#*OUT}" ;;
		esac
		# shellcheck disable=SC2086
		set -- $hx_args
		hx_exec "$hx_name: $*" --db "$T/w/j.db" "$@"
		after=$(hx_state "$T/w")
		if [ $rc -ne 0 ] && ! { [ $rc -eq 3 ] && [ "$1" = check ]; }; then
			[ "$before" = "$after" ] ||
			    fail "$hx_name: $*: exit $rc, and the journal or its directory changed:$(printf '\n%s\n--\n%s' "$before" "$after")"
			[ -s "$T/err" ] || fail "$hx_name: $*: exit $rc without a message"
			[ $hx_out = 0 ] || [ -z "$(ls -A "$T/o")" ] || fail "$hx_name: $*: exit $rc, yet left $(ls -A "$T/o")"
		elif [ "$hx_rw" = r ] && [ "$before" != "$after" ]; then
			fail "$hx_name: $*: a read changed the journal or left a file:$(printf '\n%s\n--\n%s' "$before" "$after")"
		fi
		[ "$before" = "$after" ] || hx_fresh=1
		case $hx_kind in
		refused)
			[ $rc -ne 0 ] || fail "$hx_name: $*: exit 0 on a journal that must be refused"
			grep -q 'Backed up -' "$T/out" && fail "$hx_name: $*: $(cat "$T/out")" ;;
		bad)
			if [ "$hx_rw" = r ] && [ "$1" != backup ] && [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
				fail "$hx_name: $*: exit $rc on a journal with bad rows: $(head -c 300 "$T/err")"
			fi
			# show --all names every bad row; export --what KIND
			# those of its table.
			case "$1 $2 $3" in
			"show --all "*) hx_want=. ;;
			"export --what runs") hx_want="^run " ;;
			"export --what sleep") hx_want="^sleep " ;;
			"export --what hydration") hx_want="^drink " ;;
			"export --what fatigue") hx_want="^checkin " ;;
			"export --what rest") hx_want="^rest " ;;
			"export --what plans") hx_want="^plan " ;;
			*) hx_want= ;;
			esac
			hx_rest=$hx_bad
			while [ -n "$hx_want" ] && [ -n "$hx_rest" ]; do
				hx_one=${hx_rest%%,*}; hx_one=${hx_one# }
				case $hx_rest in *,*) hx_rest=${hx_rest#*,} ;; *) hx_rest= ;; esac
				echo "$hx_one" | grep -q "$hx_want" || continue
				grep -qF "$hx_one:" "$T/err" ||
				    fail "$hx_name: $*: no message names '$hx_one:' (stderr: $(head -c 300 "$T/err" | tr '\n' '|'))"
			done ;;
		esac
	done <"$T/cmds"
}
