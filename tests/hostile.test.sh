#!/bin/sh
# Hostile input through every command and option: each hostile value in
# each slot must be refused with exit 1 (a message naming the field) or 2
# (a usage message), never print a control character back to the
# terminal, never claim to have logged anything, and leave the journal
# byte-for-byte the same (a checksum of its dump). Notes take any text:
# SQL in a note is stored verbatim and harmless, control characters are
# stored sanitized (tabs and line breaks as spaces, the rest removed),
# text that is not UTF-8 or longer than 4000 bytes is refused.
# (A single argument cannot exceed 128 KiB on Linux, so the long strings
# here are 120 000 bytes; the 1 MB case is the config file below.)
. tests/trust/lib.sh
J=$T/j.db
$RUNLOG --db "$J" run 10km 50:00 --date 2026-06-01 --note seed >/dev/null || fail "seed"
$RUNLOG --db "$J" sleep 7.5 --date 2026-06-01 >/dev/null || fail "seed sleep"
$RUNLOG --db "$J" fatigue 4 --date 2026-06-01 >/dev/null || fail "seed check-in"
$RUNLOG --db "$J" drink 500ml --date 2026-06-01 >/dev/null || fail "seed drink"
base=$(dumpsum "$J")
ESC=$(printf '\033')
CTRL=$(printf '\033[2J\033[31mred\007')
BAD_UTF8=$(printf 'caf\351 \377\376')
LONG_DIGITS=$(head -c 120000 /dev/zero | tr '\0' 9)
LONG_TEXT=$(head -c 120000 /dev/zero | tr '\0' a)
SQL="'; DROP TABLE run; --"
n=0

# The hostile values, one per line of a file (a value may not contain a
# newline here; line breaks are tested in notes below).
{
	echo ""; echo "-1"; echo "NaN"; echo "nan"; echo "inf"; echo "-inf"
	echo "99999999999999999999"; echo "1e308"; echo "0x1A"; echo "5 5"
	echo "$BAD_UTF8"; echo "$CTRL"; echo "$SQL"; echo "$LONG_DIGITS"
	echo "$LONG_TEXT"; echo "%s%n%x"; echo "../../etc/passwd"
} >"$T/values"

# try FIELD_RE ARG...: runs runlog with @ in any argument replaced by the
# value $v and checks the refusal.
try() {
	field=$1; shift
	# "-1" is a date (yesterday): dates are tried with the other values.
	[ "$field" = date ] && [ "$v" = "-1" ] && return
	first=1
	for a in "$@"; do
		if [ $first = 1 ]; then set --; first=0; fi
		case $a in
		*@*) set -- "$@" "$(printf '%s' "$a" | sed 's/@.*//')$v$(printf '%s' "$a" | sed 's/.*@//')" ;;
		*) set -- "$@" "$a" ;;
		esac
	done
	n=$((n + 1))
	$RUNLOG --db "$J" "$@" >"$T/out" 2>"$T/err"; rc=$?
	label="$(printf '%.40s' "$1 $2 $3" | tr -c '[:print:]' '?') [$(printf '%.30s' "$v" | tr -c '[:print:]' '?')]"
	case $rc in
	1) grep -qiE "$field" "$T/err" || fail "$label: exit 1 but the message does not name $field: $(head -c 200 "$T/err")" ;;
	2) grep -q "usage: runlog" "$T/err" || fail "$label: exit 2 without a usage line" ;;
	*) fail "$label: exit $rc, want 1 or 2" ;;
	esac
	[ -s "$T/err" ] || fail "$label: no message"
	# A message stays short, unless it names a path the user typed.
	[ -n "${pathslot:-}" ] || [ "$(wc -c <"$T/err")" -lt 2000 ] || fail "$label: a message of $(wc -c <"$T/err") bytes"
	if LC_ALL=C grep -q "[$(printf '\001-\010\013-\037\177')]" "$T/err"; then
		fail "$label: the message echoes control characters"
	fi
	grep -qE "Logged|Replaced|Marked|Deleted|Undid|Backed" "$T/out" && fail "$label: claims success: $(head -c 200 "$T/out")"
	[ "$(dumpsum "$J")" = "$base" ] || { fail "$label: the journal changed"; base=$(dumpsum "$J"); }
}

while IFS= read -r v; do
	try distance run @ 50:00
	try duration run 10km @
	try date run 10km 50:00 --date @
	try date run 10km 50:00 --date=@
	try rpe run 10km 50:00 --rpe @
	try type run 10km 50:00 --type @
	try "heart rate" run 10km 50:00 --hr @
	try climb run 10km 50:00 --climb @
	try "mass" run 10km 50:00 --before @ --after 70
	try "mass" run 10km 50:00 --before 70 --after @
	try "sleep|hours" sleep @
	try date sleep 7 --date @
	try quality sleep 7 --quality @
	try volume drink @
	try date drink 1l --date @
	try fatigue fatigue @
	try date fatigue 5 --date @
	try soreness fatigue 5 --soreness @
	try mood fatigue 5 --mood @
	try stress fatigue 5 --stress @
	try "heart rate" fatigue 5 --rhr @
	try date rest --date @
	try date show --from @
	try date show --to @
	try "entry|id" delete @
	try "entry|id" delete r1 @
	try date check --date @
	try date week @
	try weeks trends --weeks @
	try usage demo @
	try "what" export --what @
	try "date" export --from @
	try "date" export --to @
	try "format" import --format @ "$T/values"
	try "units" import --units @ "$T/values"
	pathslot=1 try "import" import @
done <"$T/values"

# Options that take no value, unknown options and stray arguments.
v=x
try "usage" drink 1l --electrolytes=@
try "usage" fatigue 5 --ill=@
try "usage" run 10km 50:00 --bogus @
try "usage" undo @
try "usage" rest @
try "usage" run 10km 50:00 extra@
try "usage" run 10km 50:00 --rpe 5 --rpe 6@

# Notes: SQL is text, control characters are sanitized, bad UTF-8 and
# over-long notes are refused.
for cmd in "run 10km 50:00 --date 2026-06-02" "sleep 7 --date 2026-06-02" \
    "fatigue 5 --date 2026-06-02" "rest --date 2026-06-03"; do
	v=$BAD_UTF8;  try note $cmd --note @
	v=$LONG_TEXT; try note $cmd --note @
	v=$(head -c 4001 /dev/zero | tr '\0' b); try note $cmd --note @
done
for table_cmd in "run:run 10km 50:00 --date 2026-06-04" "sleep:sleep 7 --date 2026-06-04" \
    "checkin:fatigue 5 --date 2026-06-04" "rest:rest --date 2026-06-04"; do
	table=${table_cmd%%:*}; cmd=${table_cmd#*:}
	# shellcheck disable=SC2086
	$RUNLOG --db "$J" $cmd --note "$SQL" >/dev/null 2>"$T/err" || fail "$table: a note with SQL in it was refused: $(cat "$T/err")"
	[ "$(q "$J" "SELECT note FROM $table WHERE day = '2026-06-04'")" = "$SQL" ] || fail "$table: the SQL note was not stored verbatim"
	# shellcheck disable=SC2086
	$RUNLOG --db "$J" $cmd --note "$(printf 'line one\nline\ttwo\r\033[31mred\033[0m\177 caf\303\251 \302\233x')" >/dev/null 2>"$T/err" ||
	    fail "$table: a note with control characters was refused: $(cat "$T/err")"
	got=$(q "$J" "SELECT note FROM $table WHERE day = '2026-06-04' ORDER BY id DESC LIMIT 1")
	[ "$got" = "$(printf 'line one line two red café ')" ] || fail "$table: note stored as '$(printf '%s' "$got" | od -c | head -3)'"
	v=4000; note4000=$(head -c 4000 /dev/zero | tr '\0' c)
	# shellcheck disable=SC2086
	$RUNLOG --db "$J" $cmd --note "$note4000" >/dev/null || fail "$table: a 4000-byte note was refused"
done
[ "$(q "$J" "SELECT count(*) FROM sqlite_master WHERE name = 'run'")" = 1 ] || fail "the run table is gone"
$RUNLOG --db "$J" show --all >"$T/show" 2>&1 || fail "show after hostile notes"
LC_ALL=C grep -q "[$(printf '\001-\010\013-\037\177')]" "$T/show" && fail "show prints control characters"

# Hostile CSV files, the way 1 MB strings really arrive: each import is
# refused naming the line, and the journal is unchanged.
MB=$(head -c 1048576 /dev/zero | tr '\0' x)
RH="date,distance_km,duration_s,rpe_1_10,type,avg_hr_bpm,climb_m,mass_before_kg,mass_after_kg,note,source,external_id,created_at,updated_at"
SH="id,date,name,type,description,elapsed_time,distance,commute,gear,filename"
mkcsv() { f=$T/h-$1.csv; shift; printf '%s\r\n' "$@" >"$f"; }
mkcsv mbnote "$RH" "2026-06-05,10.000,3000,,easy,,,,,$MB,runlog,,,"
mkcsv mbfield "$RH" "$MB"
mkcsv mbline "$MB"
mkcsv openquote "$RH" "2026-06-05,10.000,3000,,easy,,,,,\"$MB"
mkcsv cols "$RH" "$(printf '1,%.0s' $(seq 1 2000))"
mkcsv overflow "$RH" "2026-06-05,99999999999999999999,3000,,easy,,,,,,runlog,,,"
mkcsv nan "$RH" "2026-06-05,NaN,3000,,easy,,,,,,runlog,,,"
mkcsv inf "$RH" "2026-06-05,inf,3000,,easy,,,,,,runlog,,,"
mkcsv negative "$RH" "2026-06-05,-5.000,3000,,easy,,,,,,runlog,,,"
mkcsv olddate "$RH" "1899-12-31,5.000,3000,,easy,,,,,,runlog,,,"
mkcsv future "$RH" "2099-12-31,5.000,3000,,easy,,,,,,runlog,,,"
mkcsv badutf8 "$RH" "2026-06-05,5.000,3000,,easy,,,,,$BAD_UTF8,runlog,,,"
mkcsv sqltype "$RH" "2026-06-05,5.000,3000,,$SQL,,,,,,runlog,,,"
mkcsv stravadist "$SH" "1,2026-06-05 08:00:00,Run,Run,,1800,1e999,false,,"
mkcsv stravatime "$SH" "1,2026-06-05 08:00:00,Run,Run,,-1800,5000.0,false,,"
printf '%s\r\n2026-06-05,5.000,3000\0,,easy,,,,,,runlog,,,\r\n' "$RH" >"$T/h-nul.csv"
head -c 1048576 /dev/urandom >"$T/h-random.csv"
base=$(dumpsum "$J")
for f in "$T"/h-*.csv; do
	c=${f##*/h-}
	$RUNLOG --db "$J" import "$f" >"$T/out" 2>"$T/err"; rc=$?
	n=$((n + 1))
	[ $rc -eq 1 ] || fail "import $c: exit $rc, want 1"
	grep -q "line [0-9]" "$T/err" || fail "import $c: the message names no line: $(head -c 200 "$T/err")"
	[ "$(wc -c <"$T/err")" -lt 2000 ] || fail "import $c: a message of $(wc -c <"$T/err") bytes"
	LC_ALL=C grep -q "[$(printf '\001-\010\013-\037\177')]" "$T/err" && fail "import $c: the message echoes control characters"
	[ "$(dumpsum "$J")" = "$base" ] || { fail "import $c: the journal changed"; base=$(dumpsum "$J"); }
done

# Text that is valid but hostile imports as text: SQL verbatim, control
# characters removed, nothing else touched.
mkcsv sqlnote "$SH" "9001,2026-06-06 08:00:00,$SQL,Run,\"$(printf 'desc \033[2Jcleared')\",1800,5000.0,false,,"
$RUNLOG --db "$J" import "$T/h-sqlnote.csv" >/dev/null 2>"$T/err" || fail "a Strava row with SQL in its name was refused: $(cat "$T/err")"
[ "$(q "$J" "SELECT count(*) FROM run WHERE external_id = '9001'")" = 1 ] || fail "the SQL-named Strava run is missing"
q "$J" "SELECT note FROM run WHERE external_id = '9001'" | grep -q "$(printf '\033')" && fail "an imported note kept an escape character"
mkcsv stravaid "$SH" "$SQL,2026-06-06 09:00:00,Run,Run,,1800,5000.0,false,,"
$RUNLOG --db "$J" import "$T/h-stravaid.csv" >/dev/null 2>&1
[ "$(q "$J" "SELECT count(*) FROM sqlite_master WHERE name = 'run'")" = 1 ] || fail "the run table is gone"
[ "$(integrity "$J")" = ok ] || fail "integrity after hostile imports"

# export -o never writes over the journal.
base=$(sha256sum <"$J")
ln -s "$J" "$T/jlink.db"
for o in "$J" "$J-wal" "$T/jlink.db" "$T/./j.db"; do
	$RUNLOG --db "$J" export -o "$o" >/dev/null 2>"$T/err"; rc=$?
	n=$((n + 1))
	[ $rc -eq 1 ] || fail "export -o $o: exit $rc, want 1"
done
[ "$(sha256sum <"$J")" = "$base" ] || fail "export -o changed the journal"
[ -L "$T/jlink.db" ] || fail "export -o replaced the symlink to the journal"

# Hostile paths and config files: refused with a message, nothing created.
base=$(dumpsum "$J")
printf 'units = %s\n' "$LONG_TEXT" > "$T/long.conf"
head -c 1048576 /dev/urandom > "$T/random.conf"
{ printf 'units = km\n'; head -c 1048576 /dev/zero | tr '\0' x; } > "$T/mb.conf"
printf 'units = km\0\nunits = mi\n' > "$T/nul.conf"
printf '[flags]\nunknown = 1\n' > "$T/unk.conf"
printf 'fluid_target = NaN\n' > "$T/nan.conf"
printf 'fluid_target = 99999999999999999999l\n' > "$T/big.conf"
printf 'week_start = %s\n' "$CTRL" > "$T/ctrl.conf"
for c in long random mb nul unk nan big ctrl; do
	$RUNLOG --db "$J" --config "$T/$c.conf" drink 1l >"$T/out" 2>"$T/err"; rc=$?
	[ $rc -eq 1 ] || fail "config $c: exit $rc, want 1"
	grep -q "$T/$c.conf" "$T/err" || fail "config $c: the message does not name the file"
	LC_ALL=C grep -q "[$(printf '\001-\010\013-\037\177')]" "$T/err" && fail "config $c: the message echoes control characters"
done
$RUNLOG --db "$J" --config "$T/none.conf" drink 1l >/dev/null 2>&1 && fail "a missing --config file was accepted"
$RUNLOG --db "" drink 1l >/dev/null 2>&1; [ $? -eq 2 ] || fail "--db '' is not a usage error"
$RUNLOG --db "$T/no/such/$LONG_TEXT" drink 1l >/dev/null 2>"$T/err"; [ $? -eq 1 ] || fail "an over-long --db path did not fail with 1"
$RUNLOG --db "$T/$BAD_UTF8.db" drink 1l >/dev/null 2>"$T/err" || fail "a journal name that is not UTF-8 failed: $(cat "$T/err")"
[ "$(dumpsum "$J")" = "$base" ] || fail "the journal changed"
finish "$n hostile invocations"
