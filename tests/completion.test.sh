#!/bin/sh
# Shell completion: the scripts that 'runlog completion bash|zsh' writes
# from the command table, exercised in an interactive bash (the function
# called as bash calls it, COMPREPLY read back) and, when zsh is there, in
# an interactive zsh driven through a pseudo-terminal with compinit, Tab
# pressed at the end of each line. What they must offer comes from what
# the program itself says: the commands of --help, the options of each
# command's usage line, the run types and choices of its messages, and
# the ids of show --all. So a command or option added to the table and
# missing from the scripts fails here.
. tests/lib.sh
src=$(pwd)
J="$T/j.db"
mkdir -p "$T/bin" "$T/fpath" "$T/files"
ln -s "$RUNLOG" "$T/bin/runlog"
"$RUNLOG" --db "$J" demo >/dev/null || fail "demo journal"
mkdir "$T/my dir"
cp "$J" "$T/my dir/j.db"
: > "$T/files/runs.csv"
: > "$T/files/rest.txt"

expect 0 "$RUNLOG" completion bash
cp "$T/out" "$T/runlog.bash"
if bash -n "$T/runlog.bash"; then ok; else fail "the bash script does not parse"; fi
expect 0 "$RUNLOG" completion zsh
cp "$T/out" "$T/fpath/_runlog"
expect 2 "$RUNLOG" completion fish
err_has "unknown shell 'fish'"
expect 2 "$RUNLOG" completion
err_has "missing SHELL"

# ids: newest first, only read, a missing journal is an error and stays missing.
expect 0 "$RUNLOG" --db "$J" completion ids
grep -v '^p' "$T/out" | head -1 | grep -q "^[a-z][0-9]*	2026-11-25 " && ok || fail "ids: newest first, tab, day: $(head -1 "$T/out")"
cut -f1 "$T/out" | sort > "$T/ids"
"$RUNLOG" --db "$J" show --all | awk '$1 ~ /^[a-z][0-9]+$/ { print $1 }' | sort > "$T/shown"
same "$(cat "$T/ids")" "$(cat "$T/shown")" "ids lists what show --all shows"
[ "$(wc -l < "$T/ids")" -gt 100 ] && ok || fail "ids: the demo journal has more than 100 entries"
expect 0 "$RUNLOG" --db "$J" completion ids r7
same "$(cut -f1 "$T/out" | sort | tr '\n' ' ')" "$(grep '^r7' "$T/ids" | tr '\n' ' ')" \
    "ids r7 lists exactly the ids that begin with r7"
expect 2 "$RUNLOG" completion bash r7
err_has "unexpected argument 'r7'"
expect 1 "$RUNLOG" --db "$T/none.db" completion ids
err_has "no journal at $T/none.db"
[ ! -e "$T/none.db" ] && ok || fail "completion ids created a journal"

# What the program says it takes.
commands=$("$RUNLOG" --help | awk '/^commands:/ { on = 1; next } on && NF == 0 { exit } on { print $1 }' | LC_ALL=C sort | tr '\n' ' ')
types=$("$RUNLOG" --db "$T/x.db" run 5km 30:00 --type bogus 2>&1 | sed -n 's/.*must be one of //p' | tr -d ',' | tr ' ' '\n' | LC_ALL=C sort | tr '\n' ' ')
whats=$("$RUNLOG" --db "$J" export --what bogus 2>&1 | sed -n 's/.*must be one of //p' | tr -d ',' | tr ' ' '\n' | LC_ALL=C sort | tr '\n' ' ')
[ -n "$types" ] && [ -n "$whats" ] && [ "$(echo $commands | wc -w)" -ge 16 ] && ok ||
    fail "could not read the commands, run types or --what choices"
idsof() { grep "^$1" "$T/ids" | LC_ALL=C sort | tr '\n' ' '; }

# The lines to complete, each completed at its end (a trailing space
# starts a new word). Options of every command from its usage line.
cat > "$T/lines" <<LINES
runlog 
runlog ba
runlog -
runlog run 10km 50:00 --ty
runlog run 10km 50:00 --type 
runlog run --type=te
runlog run --date y
runlog run --note hello 
runlog export --what 
runlog export -o ru
runlog import -n r
runlog --db $J delete r1
runlog delete --db $J r10 s1
runlog delete s1 --db=$J r2
runlog --db $T/none.db delete r
runlog screen 
runlog week 
runlog show --from today 
runlog completion 
runlog show --from today -
runlog export -o x.csv -
runlog check -v --db=$J -
runlog --db '$T/my dir/j.db' delete r7
runlog --db $(echo "$T/my dir" | sed 's/ /\\ /')/j.db delete r7
LINES
for c in $commands; do echo "runlog $c -" >> "$T/lines"; done

# want LINE WORDS: what both shells offered for LINE, sorted and each once.
want() {
	for sh in $shells; do
		got=$(grep -F -x -- "[$1] => $2" "$T/got.$sh")
		if [ -n "$got" ]; then ok; else
			fail "$sh: [$1] should offer: $2"
			grep -F -- "[$1] =>" "$T/got.$sh" | sed 's/^/  got: /' | cut -c1-300 >&2
		fi
	done
}
# has LINE WORD...: each WORD is offered for LINE by both shells.
has() {
	line=$1; shift
	for sh in $shells; do
		got=" $(grep -F -- "[$line] =>" "$T/got.$sh" | sed 's/^.* => //') "
		for w in "$@"; do
			case $got in *" $w "*) ok ;; *) fail "$sh: [$line] does not offer $w" ;; esac
		done
	done
}

# lacks LINE WORD...: no WORD is offered for LINE.
lacks() {
	line=$1; shift
	for sh in $shells; do
		got=" $(grep -F -- "[$line] =>" "$T/got.$sh" | sed 's/^.* => //') "
		for w in "$@"; do
			case $got in *" $w "*) fail "$sh: [$line] offers $w" ;; *) ok ;; esac
		done
	done
}

# bash: interactive, the script sourced; each line split as bash splits
# it ('=' is a word of its own) and the function called on its last word.
cat > "$T/bash-run" <<'BASH'
source "$1"
complete -p runlog || echo "[registered] => no"
# Words as bash splits them: at blanks outside quotes and not after a
# backslash, quotes and backslashes kept; '=' after an option a word.
split() {
	local s=$1 w= q= c i
	COMP_WORDS=()
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		if [[ -n $q ]]; then
			w+=$c; [[ $c == "$q" ]] && q=
		elif [[ $c == \\ ]]; then
			w+=$c${s:i+1:1}; i=$((i + 1))
		elif [[ $c == [\'\"] ]]; then
			w+=$c; q=$c
		elif [[ $c == " " ]]; then
			[[ -n $w ]] && COMP_WORDS+=("$w"); w=
		elif [[ $c == = && $w == --* ]]; then
			COMP_WORDS+=("$w" "="); w=
		else
			w+=$c
		fi
	done
	COMP_WORDS+=("$w")
}
while IFS= read -r line; do
	split "$line"
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE=$line COMP_POINT=${#line}
	COMPREPLY=()
	_runlog runlog "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
	printf '[%s] => %s\n' "$line" "$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//')"
done < "$2"
BASH
shells=bash
(cd "$T/files" && PATH="$T/bin:$PATH" bash --norc --noprofile -i "$T/bash-run" "$T/runlog.bash" "$T/lines" \
    > "$T/got.bash" 2> "$T/bash.err" < /dev/null)
grep -q "^complete -F _runlog runlog" "$T/got.bash" && ok || { fail "bash: runlog has no completion"; cat "$T/bash.err" >&2; }

if command -v zsh >/dev/null 2>&1 && zsh -fc 'zmodload zsh/zpty' 2>/dev/null; then
	shells="bash zsh"
	(cd "$T/files" && zsh -f "$src/tests/completion-zpty.zsh" "$T/fpath" "$T/bin" \
	    "$T/lines" > "$T/got.zsh" 2> "$T/zsh.err")
	case $? in
	0)  ok ;;
	77) echo "completion.test.sh: zsh has no pseudo-terminal here, bash only" >&2
	    shells=bash ;;
	*)  fail "zsh: the session failed"; cat "$T/zsh.err" >&2 ;;
	esac
else
	echo "completion.test.sh: no zsh with zpty here, bash only" >&2
fi

want "runlog " "$(echo $commands)"
want "runlog ba" "backup"
has "runlog -" --db --config --help --version
want "runlog run 10km 50:00 --ty" "--type"
want "runlog run 10km 50:00 --type " "$(echo $types)"
want "runlog run --type=te" "tempo"
want "runlog run --date y" "yesterday"
lacks "runlog run --note hello " runs.csv hello
want "runlog export --what " "$(echo $whats)"
want "runlog export -o ru" "runs.csv"
want "runlog import -n r" "rest.txt runs.csv"
want "runlog --db $J delete r1" "$(echo $(idsof r1))"
want "runlog delete --db $J r10 s1" "$(echo $(idsof s1))"
want "runlog delete s1 --db=$J r2" "$(echo $(idsof r2))"
want "runlog --db $T/none.db delete r" ""
want "runlog screen " "calendar day flags history plan shoes trends week"
has "runlog week " today yesterday
has "runlog show --from today " --to --all
want "runlog completion " "bash ids zsh"
# An option is given once: what is on the line is not offered again.
# A journal path with a space, quoted or escaped.
want "runlog --db '$T/my dir/j.db' delete r7" "$(echo $(idsof r7))"
want "runlog --db $(echo "$T/my dir" | sed 's/ /\\ /')/j.db delete r7" "$(echo $(idsof r7))"
lacks "runlog show --from today -" --from
has "runlog show --from today -" --to --all
lacks "runlog export -o x.csv -" -o --output
has "runlog export -o x.csv -" --what --from --to
lacks "runlog check -v --db=$J -" -v --verbose --db
has "runlog check -v --db=$J -" --date --config
[ ! -e "$T/none.db" ] && ok || fail "completing an id created a journal"
# Every option each command's usage line names, long and short.
for c in $commands; do
	opts=$("$RUNLOG" "$c" --help | grep -o -- ' \[*-[-a-z]*' | tr -d ' [' | sort -u)
	has "runlog $c -" --db --config --help $opts
	# and the two shells offer the same options, short ones included.
	case $shells in *zsh*)
		same "$(grep -F -- "[runlog $c -] =>" "$T/got.bash")" \
		    "$(grep -F -- "[runlog $c -] =>" "$T/got.zsh")" \
		    "bash and zsh offer different options for $c" ;;
	esac
done
done_tests
