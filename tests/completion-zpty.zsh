# Completes lines in an interactive zsh, as a user pressing Tab would, and
# prints what was offered: "[LINE] => word word ..." (sorted, each once).
# usage: zsh -f tests/completion-zpty.zsh FPATH_DIR BIN_DIR LINES_FILE
# The inner zsh loads _runlog from FPATH_DIR with compinit and finds
# runlog in BIN_DIR; compadd is wrapped to record every match offered.
zmodload zsh/zpty || exit 77
fp=$1 bindir=$2 lines=$3
out=$(mktemp /tmp/runlog-zpty-XXXXXX) || exit 1
trap 'rm -f $out $out.dump' EXIT
sync() {
	zpty -w z "print -r -- '<<done>>' >> $out"
	local i junk
	for i in {1..200}; do
		# Drain what the shell echoes to its terminal: a full pty buffer
		# would block it in the middle of a line.
		while zpty -rt z junk 2>/dev/null; do :; done
		grep -q '<<done>>' $out 2>/dev/null && return 0
		sleep 0.05
	done
	print -r -- "zsh did not answer" >&2
	return 1
}
# No pseudo-terminal to be had (a build chroot): 77, the test skips zsh.
zpty z env PATH=$bindir:$PATH HOME=$HOME TERM=dumb zsh -f -i || exit 77
zpty -w z "PS1= PROMPT= RPROMPT=; fpath=($fp \$fpath); autoload -Uz compinit; compinit -u -d $out.dump"
zpty -w z "compadd() { local -a __h; builtin compadd -A __h \"\$@\"; (( \$#__h )) && print -rl -- \$__h >> $out; builtin compadd \"\$@\"; }"
zpty -w z "bindkey '^I' complete-word; zstyle ':completion:*' menu no; LISTMAX=100000"
sync || exit 1
for line in "${(@f)$(<$lines)}"; do
	: > $out
	zpty -w -n z "$line"$'\t\C-u'
	sync || exit 1
	print -r -- "[$line] => ${(j: :)${(@fu)$(grep -v '<<done>>' $out | LC_ALL=C sort -u)}}"
done
zpty -d z
