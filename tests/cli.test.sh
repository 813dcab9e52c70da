#!/bin/sh
# The logging commands as a runner types them: each kind logged, read back
# with show, replaced, deleted and undone; then a table of bad input, each
# refused with a message naming the field, the right exit status, and the
# journal unchanged.
. tests/lib.sh
DB=$T/j.db

expect 0 "$RUNLOG" --db "$DB" run 10km 52:30 --rpe 5
out_has "Logged run r1 on 2026-11-25: 10.00 km in 52:30 (5:15 /km), easy, RPE 5."
expect 0 "$RUNLOG" show --db "$DB"
out_has "r1     run      10.00 km  52:30  5:15 /km  easy  RPE 5"
perm=$(stat -c %a "$DB"); same "$perm" 600 "journal mode is $perm, not 600"

expect 0 "$RUNLOG" run 6.2mi 50:00 --date yesterday --type long --hr 150 --climb 120 --before 70.4 --after 69.2 --note "hills, \"windy\"" --db "$DB"
out_has "on 2026-11-24: 9.98 km in 50:00"
expect 0 "$RUNLOG" --db "$DB" sleep 7.5 --quality 4
out_has "Logged sleep s1"
expect 0 "$RUNLOG" --db "$DB" sleep 7:15
out_has "Changed s1: sleep 7h30 -> 7h15."
expect 0 "$RUNLOG" --db "$DB" drink 500ml --electrolytes
expect 0 "$RUNLOG" --db "$DB" drink 1.5l
expect 0 "$RUNLOG" --db "$DB" fatigue 6 --soreness 3 --mood 4 --stress 2 --rhr 52 --note "legs heavy"
out_has "Logged check-in f1 for 2026-11-25: fatigue 6/10."
expect 0 "$RUNLOG" --db "$DB" fatigue 8 --pain --swelling
out_has "Changed f1: fatigue 6 -> 8, sharp pain no -> yes, swelling no -> yes."
out_has "stop running"
expect 0 "$RUNLOG" --db "$DB" rest --date 2026-11-23
expect 0 "$RUNLOG" --db "$DB" show --from 2026-11-23
out_has "2026-11-23 Mon"
out_has "x1     rest day"
out_has "r2     run      9.98 km  50:00  5:01 /km  long  HR 150  +120 m  70.4->69.2 kg  \"hills, \"windy\"\""
out_has "s1     sleep    7h15  quality 4/5"
out_has "d1     drink    0.50 l  electrolytes"
out_has "d2     drink    1.50 l"
out_has "f1     check-in fatigue 8/10  soreness 3/10  mood 4/5  stress 2/5  resting HR 52  sharp pain  swelling  \"legs heavy\""
same "$(count "$DB" run)" 2 "two runs"
same "$(count "$DB" drink)" 2 "two drinks"
same "$(count "$DB" sleep)" 1 "one sleep"

# Delete and undo bring back exactly what was there.
before=$(rows "$DB")
expect 0 "$RUNLOG" --db "$DB" delete r2 d1
out_has "Deleted run r2"
same "$(count "$DB" run)" 1 "run deleted"
expect 0 "$RUNLOG" --db "$DB" undo
out_has "Undone: delete 2 entries: r2, d1."
same "$(rows "$DB")" "$before" "undo restored every field"
expect 1 "$RUNLOG" --db "$DB" delete r99
err_has "no run r99"
expect 1 "$RUNLOG" --db "$DB" delete 12
err_has "expected an id"

# Environment and defaults: $RUNLOG_DB, then the XDG path.
RUNLOG_DB=$T/env.db expect 0 "$RUNLOG" drink 250ml
same "$(count "$T/env.db" drink)" 1 "RUNLOG_DB used"
expect 0 "$RUNLOG" drink 250ml
same "$(count "$HOME/.local/share/runlog/journal.db" drink)" 1 "XDG default used"
perm=$(stat -c %a "$HOME/.local/share/runlog"); same "$perm" 700 "journal directory mode $perm"

# Bad input: status, a message naming the field, and nothing written.
before=$(rows "$DB")
bad() {
	status=$1; field=$2; shift 2
	expect "$status" "$RUNLOG" --db "$DB" "$@"
	err_has "$field"
}
bad 1 "distance 0km: must be more than 0 and at most 500 km" run 0km 50:00
bad 1 "distance 501km: must be more than 0 and at most 500 km" run 501km 50:00
bad 1 "distance '-5km'" run -5km 50:00
bad 1 "distance 'ten'" run ten 50:00
bad 1 "duration '50'" run 10km 50
bad 1 "duration 49:00:00: must be more than 0 and at most 48 hours" run 10km 49:00:00
bad 1 "duration '5:75'" run 10km 5:75
bad 1 "rpe 11: must be a whole number from 1 to 10" run 10km 50:00 --rpe 11
bad 1 "rpe 0" run 10km 50:00 --rpe 0
bad 1 "rpe 'five'" run 10km 50:00 --rpe five
bad 1 "type 'jog'" run 10km 50:00 --type jog
bad 1 "heart rate 300: must be from 25 to 250 bpm" run 10km 50:00 --hr 300
bad 1 "climb -5" run 10km 50:00 --climb -5
bad 1 "body mass 10: must be from 20 to 300 kg" run 10km 50:00 --before 10 --after 70
bad 2 "--before and --after go together" run 10km 50:00 --before 70
bad 1 "date '2026-13-01'" run 10km 50:00 --date 2026-13-01
bad 1 "date 2026-11-26: is in the future" run 10km 50:00 --date 2026-11-26
bad 1 "date 'tomorrow'" run 10km 50:00 --date tomorrow
bad 2 "missing DURATION" run 10km
bad 2 "missing DISTANCE and DURATION" run
bad 2 "unexpected argument 'extra'" run 10km 50:00 extra
bad 2 "unknown option '--pace'" run 10km 50:00 --pace 5
bad 2 "--rpe needs a value" run 10km 50:00 --rpe
bad 2 "--rpe given twice" run 10km 50:00 --rpe 4 --rpe 5
bad 1 "sleep 25: must be from 0 to 24 hours" sleep 25
bad 1 "hours 'lots'" sleep lots
bad 1 "quality 6: must be a whole number from 1 to 5" sleep 7 --quality 6
bad 1 "volume 0ml: must be more than 0 and at most 20 l" drink 0ml
bad 1 "volume 21l" drink 21l
bad 1 "volume '1 cup'" drink "1 cup"
bad 2 "--electrolytes takes no value but =yes or =no" drink 1l --electrolytes=maybe
bad 1 "fatigue 0: must be a whole number from 1 to 10" fatigue 0
bad 1 "fatigue 11" fatigue 11
bad 1 "fatigue '7.5'" fatigue 7.5
bad 1 "soreness 12" fatigue 5 --soreness 12
bad 1 "mood 0" fatigue 5 --mood 0
bad 1 "stress 9" fatigue 5 --stress 9
bad 1 "heart rate 20" fatigue 5 --rhr 20
bad 2 "missing LEVEL" fatigue
bad 2 "unexpected argument" rest today
bad 2 "unknown command 'swim'" swim 1km
bad 1 "note: 4001 bytes" run 5km 30:00 --note "$(head -c 4001 /dev/zero | tr '\0' x)"
same "$(rows "$DB")" "$before" "a refused value changed the journal"

# A refused value never creates a journal.
expect 1 "$RUNLOG" --db "$T/none.db" run 0km 10:00
if [ -e "$T/none.db" ]; then fail "refused value created a journal"; else ok; fi

# Files that are not journals are refused and left alone.
echo "not a journal" > "$T/text.db"
expect 1 "$RUNLOG" --db "$T/text.db" drink 1l
err_has "not a runlog journal"
same "$(cat "$T/text.db")" "not a journal" "a foreign file was changed"

# Config: units, and errors that name the line.
mkdir -p "$T/config/runlog"
printf '# mine\nunits = mi\nfluid_units = oz\n' > "$T/config/runlog/config"
expect 0 "$RUNLOG" --db "$T/mi.db" run 3 24:00
out_has "3.00 mi in 24:00 (8:00 /mi)"
printf 'units = mi\nspeed = fast\n' > "$T/c2"
expect 1 "$RUNLOG" --db "$T/mi.db" --config "$T/c2" show
err_has "c2:2: unknown setting 'speed'"
printf 'units = furlongs\n' > "$T/c3"
expect 1 "$RUNLOG" --db "$T/mi.db" drink 1l --config "$T/c3"
err_has "c3:1: units = furlongs: must be km or mi"
expect 1 "$RUNLOG" --db "$T/mi.db" --config "$T/missing" show
err_has "missing"

# A config that is not a regular file is refused at once, naming what it is:
# a FIFO must not block the open, a directory is not an empty config.
mkfifo "$T/fifo.conf"
expect 1 timeout 10 "$RUNLOG" --db "$T/mi.db" --config "$T/fifo.conf" show
err_has "fifo.conf: is a FIFO; the config must be a regular file"
mkdir "$T/dir.conf"
expect 1 "$RUNLOG" --db "$T/mi.db" --config "$T/dir.conf" show
err_has "dir.conf: is a directory"
mkdir -p "$T/xdg/runlog/config"
XDG_CONFIG_HOME=$T/xdg expect 1 "$RUNLOG" --db "$T/mi.db" show
err_has "runlog/config: is a directory"
expect 1 "$RUNLOG" --db "$T/mi.db" --config /dev/null show
err_has "is a character device"

# Thresholds are decimal numbers: strtod's other forms are refused with the
# file, line, key and allowed range; leading zeros are read as decimal.
for v in 0x10 1e3 inf nan -inf 12abc 1.2.3 . ""; do
	printf '[flags]\n# thresholds\njump_warn_pct = %s\n' "$v" > "$T/num.conf"
	expect 1 "$RUNLOG" --db "$T/mi.db" --config "$T/num.conf" check
	err_has "num.conf:3: bad value \"$v\" for jump_warn_pct: must be a decimal number from 0 to 1000"
done
printf '[flags]\njump_warn_pct = 030\njump_alert_pct = 60.5\n' > "$T/num.conf"
expect 0 "$RUNLOG" --db "$T/mi.db" --config "$T/num.conf" check
printf '[flags]\nfatigue_warn_days = 0x3\n' > "$T/num.conf"
expect 1 "$RUNLOG" --db "$T/mi.db" --config "$T/num.conf" check
err_has "num.conf:2: bad value \"0x3\" for fatigue_warn_days: must be a whole number from"

expect 0 "$RUNLOG" --version
out_has "runlog "
expect 0 "$RUNLOG" --help
out_has "usage: runlog"
expect 0 "$RUNLOG" run --help
out_has "usage: runlog run DISTANCE DURATION"
expect 2 "$RUNLOG" --bogus

# Output that cannot be written is a failure, never exit 0.
"$RUNLOG" --db "$T/full.db" demo >/dev/null || fail "demo for the full-disk checks"
for c in show week trends check "screen day" "screen history" --help --version "run --help" "export"; do
	# shellcheck disable=SC2086
	"$RUNLOG" --db "$T/full.db" $c >/dev/full 2>"$T/err"; rc=$?
	if [ "$rc" -eq 1 ]; then ok; else fail "$c >/dev/full: exit $rc, want 1"; fi
	err_has "cannot write output: No space left on device"
done
"$RUNLOG" --db "$T/full.db" drink 1l >/dev/full 2>"$T/err"; rc=$?
same "$rc" 1 "drink >/dev/full: exit $rc, want 1"
err_has "cannot write output"
done_tests
