/*
 * cmd-completion: runlog completion bash|zsh|ids. The bash and zsh scripts
 * are written from the command table (cli_commands[]): every command, its
 * long and short options, and what each option and positional argument
 * takes (a day, a file, an entry id, a run type, one of some choices), so
 * a new command or option needs no change here. The scripts are a fixed
 * part, kept below as text, and a data part generated from the table.
 * "ids" lists the journal's entry ids, newest first, for the scripts (those
 * that begin with PREFIX, when given); it reads only, and never creates a
 * journal.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "date.h"
#include "entry-text.h"
#include "util.h"

static const struct cmd_arg completion_args[] = {
	{ "SHELL", OPT_CHOICE, "bash|zsh|ids", 0 },
	{ "PREFIX", OPT_VALUE, NULL, CMD_ARG_OPTIONAL }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_completion_entry = {
	.name = "completion",
	.args = completion_args,
	.usage = "bash|zsh|ids [PREFIX]",
	.summary = "print the bash or zsh completion script",
	.exec = cmd_completion,
};

/* Words for a day besides YYYY-MM-DD, each offered when the parser reads it. */
static const char *const day_words[] = {
	"today", "yesterday", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", NULL,
};

/* Prints the day words, separated by spaces. */
static void
print_days(void)
{
	const char *sep = "";
	int i, d;

	for (i = 0; day_words[i] != NULL; i++)
		if (date_parse(day_words[i], &d) == 0 ||
		    date_parse_rel(day_words[i], 0, &d) == 0) {
			outf("%s%s", sep, day_words[i]);
			sep = " ";
		}
}

static void
print_run_types(void)
{
	int t;

	for (t = 0; t < RUN_TYPE_COUNT; t++)
		outf("%s%s", t > 0 ? " " : "", run_type_name((enum run_type)t));
}

/* text with '|' as spaces: "days|runs" -> "days runs". */
static void
print_choices(const char *choices)
{
	for (; choices != NULL && *choices != '\0'; choices++)
		outf("%c", *choices == '|' ? ' ' : *choices);
}

/* The bash script's name of a kind of value: date, file, id, choice:a|b ... */
static void
bash_kind(int arg, const char *choices)
{
	static const char *const names[] = {
		[OPT_VALUE] = "value", [OPT_DATE] = "date", [OPT_FILE] = "file",
		[OPT_ID] = "id", [OPT_RUN_TYPE] = "type", [OPT_CHOICE] = "choice",
	};

	outf("%s", arg > 0 && arg <= OPT_CHOICE ? names[arg] : "value");
	if (arg == OPT_CHOICE)
		outf(":%s", choices != NULL ? choices : "");
}

/*
 * One command's data: _runlog_o, its options (--name,-n=kind, or the
 * names alone for a flag); _runlog_a, its positional arguments.
 */
static void
bash_spec(const struct cmd_entry *c)
{
	const struct opt *o;
	const struct cmd_arg *a;
	const char *sep = "";

	outf("    %s)\n        _runlog_o='", c->name);
	for (o = c->opts; o != NULL && o->name != NULL; o++) {
		outf("%s--%s", sep, o->name);
		if (o->short_name != 0)
			outf(",-%c", o->short_name);
		if (o->arg != OPT_FLAG) {
			outf("=");
			bash_kind(o->arg, o->choices);
		}
		sep = " ";
	}
	outf("'\n        _runlog_a='");
	sep = "";
	for (a = c->args; a != NULL && a->name != NULL; a++) {
		outf("%s", sep);
		bash_kind(a->arg, a->choices);
		if (a->flags & CMD_ARG_MANY)
			outf("...");
		sep = " ";
	}
	outf("' ;;\n");
}

/* The fixed part of the bash script: what reads the words and completes. */
static const char bash_code[] =
"# A path as typed, without its quotes or backslashes and with ~/ as\n"
"# $HOME, for the journal and config the line names. Never evaluated:\n"
"# nothing typed on the line runs.\n"
"_runlog_path() {\n"
"    local p=$1\n"
"    case $p in\n"
"    \\'*\\' | \\\"*\\\") p=${p:1:${#p}-2} ;;\n"
"    *) p=${p//\\\\/} ;;\n"
"    esac\n"
"    [[ $p == \"~/\"* ]] && p=$HOME/${p:2}\n"
"    printf '%s\\n' \"$p\"\n"
"}\n"
"\n"
"# The kind of value option $1 takes into _runlog_k; empty for a flag.\n"
"_runlog_kind() {\n"
"    local o\n"
"    _runlog_k=\n"
"    for o in $_runlog_o --db=file --config=file; do\n"
"        if [[ $o == *=* && \",${o%%=*},\" == *\",$1,\"* ]]; then\n"
"            _runlog_k=${o#*=}\n"
"            return 0\n"
"        fi\n"
"    done\n"
"}\n"
"\n"
"# Completes $2 as a value of kind $1.\n"
"_runlog_value() {\n"
"    local kind=$1 cur=$2 IFS=$' \\t\\n'\n"
"    case $kind in\n"
"    date) COMPREPLY=($(compgen -W \"$_runlog_days\" -- \"$cur\")) ;;\n"
"    type) COMPREPLY=($(compgen -W \"$_runlog_run_types\" -- \"$cur\")) ;;\n"
"    choice:*)\n"
"        kind=${kind#choice:}\n"
"        COMPREPLY=($(compgen -W \"${kind//|/ }\" -- \"$cur\")) ;;\n"
"    file)\n"
"        compopt -o filenames 2>/dev/null\n"
"        IFS=$'\\n'\n"
"        COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
"    id)\n"
"        mapfile -t COMPREPLY < <(\"$_runlog_prog\" \"${_runlog_jopts[@]}\" \\\n"
"            completion ids \"$cur\" 2>/dev/null | cut -f1) ;;\n"
"    esac\n"
"    return 0\n"
"}\n"
"\n"
"_runlog() {\n"
"    local -a words=() _runlog_jopts=() args=()\n"
"    local _runlog_prog _runlog_o= _runlog_a= _runlog_k cur w i n cmd=\n"
"    local pending= only=0 nargs=0 join=0 kind opts IFS=$' \\t\\n'\n"
"    COMPREPLY=()\n"
"    # \"--date=mon\" reaches here as \"--date\" \"=\" \"mon\": join them again.\n"
"    for ((i = 0; i <= COMP_CWORD; i++)); do\n"
"        w=${COMP_WORDS[i]}\n"
"        if ((join)); then\n"
"            words[${#words[@]}-1]+=$w\n"
"            join=0\n"
"        elif [[ $w == = && ${#words[@]} -gt 1 && ${words[${#words[@]}-1]} == --* ]]; then\n"
"            words[${#words[@]}-1]+==\n"
"            join=1\n"
"        else\n"
"            words+=(\"$w\")\n"
"        fi\n"
"    done\n"
"    n=$((${#words[@]} - 1))\n"
"    cur=${words[n]}\n"
"    _runlog_prog=$(_runlog_path \"${words[0]}\")\n"
"    for ((i = 1; i < n; i++)); do\n"
"        case ${words[i]} in\n"
"        --db | --config)\n"
"            if ((i + 1 < n)); then\n"
"                _runlog_jopts+=(\"${words[i]}\" \"$(_runlog_path \"${words[i+1]}\")\")\n"
"            fi ;;\n"
"        --db=* | --config=*)\n"
"            _runlog_jopts+=(\"${words[i]%%=*}\" \"$(_runlog_path \"${words[i]#*=}\")\") ;;\n"
"        esac\n"
"    done\n"
"    # The command, the positional arguments before the cursor, and whether\n"
"    # the cursor is on the value of an option.\n"
"    for ((i = 1; i < n; i++)); do\n"
"        w=${words[i]}\n"
"        if [[ -n $pending ]]; then\n"
"            pending=\n"
"        elif [[ -z $cmd ]]; then\n"
"            case $w in\n"
"            --db | --config) pending=file ;;\n"
"            -*) ;;\n"
"            *) cmd=$w; _runlog_spec \"$cmd\" || return 0 ;;\n"
"            esac\n"
"        elif ((!only)) && [[ $w == -- ]]; then\n"
"            only=1\n"
"        elif ((!only)) && [[ $w == -?* && $w != -[0-9]* ]]; then\n"
"            if [[ $w != *=* ]]; then\n"
"                _runlog_kind \"$w\"\n"
"                pending=$_runlog_k\n"
"            fi\n"
"        else\n"
"            nargs=$((nargs + 1))\n"
"        fi\n"
"    done\n"
"    if [[ -n $pending ]]; then\n"
"        _runlog_value \"$pending\" \"$cur\"\n"
"        return 0\n"
"    fi\n"
"    if [[ -z $cmd ]]; then\n"
"        if [[ $cur == -* ]]; then\n"
"            COMPREPLY=($(compgen -W \"--db --config --help -h --version\" -- \"$cur\"))\n"
"        else\n"
"            COMPREPLY=($(compgen -W \"$_runlog_commands\" -- \"$cur\"))\n"
"        fi\n"
"        return 0\n"
"    fi\n"
"    if ((!only)) && [[ $cur == --*=* ]]; then\n"
"        _runlog_kind \"${cur%%=*}\"\n"
"        [[ -n $_runlog_k ]] || return 0\n"
"        _runlog_value \"$_runlog_k\" \"${cur#*=}\"\n"
"        if [[ $COMP_WORDBREAKS != *=* ]]; then\n"
"            COMPREPLY=(\"${COMPREPLY[@]/#/${cur%%=*}=}\")\n"
"        fi\n"
"        return 0\n"
"    fi\n"
"    args=($_runlog_a)\n"
"    kind=\n"
"    if ((nargs < ${#args[@]})); then\n"
"        kind=${args[nargs]}\n"
"    elif ((${#args[@]} > 0)) && [[ ${args[${#args[@]}-1]} == *... ]]; then\n"
"        kind=${args[${#args[@]}-1]}\n"
"    fi\n"
"    kind=${kind%...}\n"
"    # Options where no argument is due or the word begins with '-', but\n"
"    # not those already given: each may be given once.\n"
"    if ((!only)) && [[ $cur == -* && $cur != -[0-9]* || -z $kind && -z $cur ]]; then\n"
"        opts=\n"
"        for w in $_runlog_o --db=file --config=file --help,-h; do\n"
"            w=${w%%=*}\n"
"            for ((i = 1; i < n; i++)); do\n"
"                [[ \",$w,\" == *\",${words[i]%%=*},\"* ]] && continue 2\n"
"            done\n"
"            opts+=\" ${w//,/ }\"\n"
"        done\n"
"        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
"        return 0\n"
"    fi\n"
"    [[ -n $kind ]] && _runlog_value \"$kind\" \"$cur\"\n"
"    return 0\n"
"}\n"
"\n"
"complete -F _runlog runlog\n";

static void
print_bash(void)
{
	size_t i;

	outf("# bash completion for runlog, written by 'runlog completion bash'\n"
	    "# from its command table. Load it with\n"
	    "#   source <(runlog completion bash)\n"
	    "# or install it as bash-completion/completions/runlog.\n\n"
	    "_runlog_commands='");
	for (i = 0; cli_commands[i] != NULL; i++)
		outf("%s%s", i > 0 ? " " : "", cli_commands[i]->name);
	outf("'\n_runlog_run_types='");
	print_run_types();
	outf("'\n_runlog_days='");
	print_days();
	outf("'\n\n"
	    "# A command's options (--name,-n=kind, or the names alone for a flag)\n"
	    "# and its positional arguments (kind, kind... when repeated); 1 for\n"
	    "# a command it does not know.\n"
	    "_runlog_spec() {\n    case $1 in\n");
	for (i = 0; cli_commands[i] != NULL; i++)
		bash_spec(cli_commands[i]);
	outf("    *) return 1 ;;\n    esac\n}\n\n%s", bash_code);
}

/*
 * The zsh action for a value: a list of words, a function, or " " (a
 * message and nothing to complete).
 */
static void
zsh_action(int arg, const char *choices)
{
	switch (arg) {
	case OPT_DATE:     outf("_runlog_days"); break;
	case OPT_FILE:     outf("_files"); break;
	case OPT_ID:       outf("_runlog_ids"); break;
	case OPT_RUN_TYPE: outf("("); print_run_types(); outf(")"); break;
	case OPT_CHOICE:   outf("("); print_choices(choices); outf(")"); break;
	default:           outf(" "); break;
	}
}

/* name in lower case, for the message above a value. */
static void
print_lower(const char *name)
{
	for (; *name != '\0'; name++)
		outf("%c", *name >= 'A' && *name <= 'Z' ? *name - 'A' + 'a' :
		    *name);
}

static void
zsh_option(const struct opt *o)
{
	int val = o->arg != OPT_FLAG;

	if (o->short_name != 0)
		outf("        '(-%c --%s)'{-%c%s,--%s%s}%s", o->short_name, o->name,
		    o->short_name, val ? "+" : "", o->name, val ? "=" : "",
		    val ? "'" : "");
	else
		outf("        '(--%s)--%s%s", o->name, o->name, val ? "=" : "");
	if (val) {
		outf(":%s:", o->name);
		zsh_action(o->arg, o->choices);
	}
	outf("%s \\\n", val || o->short_name == 0 ? "'" : "");
}

/* One command's function: _arguments with its options and arguments. */
static void
zsh_command(const struct cmd_entry *c)
{
	const struct opt *o;
	const struct cmd_arg *a;
	int pos = 1;

	outf("_runlog_cmd_%s() {\n    _arguments -S : \\\n"
	    "        '--db=:journal:_files' '--config=:config file:_files' \\\n"
	    "        '(- *)'{-h,--help} \\\n", c->name);
	for (o = c->opts; o != NULL && o->name != NULL; o++)
		zsh_option(o);
	for (a = c->args; a != NULL && a->name != NULL; a++, pos++) {
		if (a->flags & CMD_ARG_MANY)
			outf("        '*:");
		else if (a->flags & CMD_ARG_OPTIONAL)
			outf("        '%d::", pos);
		else
			outf("        '%d:", pos);
		print_lower(a->name);
		outf(":");
		zsh_action(a->arg, a->choices);
		outf("' \\\n");
	}
	outf("        && return 0\n    return 1\n}\n\n");
}

/* s in a single-quoted zsh word for _describe: ' and : escaped. */
static void
zsh_describe_word(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			outf("'\\''");
		else if (*s == ':')
			outf("\\:");
		else
			outf("%c", *s);
	}
}

static const char zsh_code[] =
"# The journal and config the line names, for the entry ids.\n"
"_runlog_journal() {\n"
"    local i w p\n"
"    _runlog_jopts=()\n"
"    for ((i = 2; i < CURRENT; i++)); do\n"
"        w=$words[i]\n"
"        case $w in\n"
"        --db | --config) p=$words[i+1] ;;\n"
"        --db=* | --config=*) p=${w#*=}; w=${w%%=*} ;;\n"
"        *) continue ;;\n"
"        esac\n"
"        p=${(Q)p}\n"
"        [[ $p == '~/'* ]] && p=$HOME/${p#??}\n"
"        _runlog_jopts+=($w $p)\n"
"    done\n"
"}\n"
"\n"
"_runlog_ids() {\n"
"    local -a lines ids\n"
"    lines=(${(f)\"$($_runlog_prog $_runlog_jopts completion ids $PREFIX 2>/dev/null)\"})\n"
"    ids=(${lines/$'\\t'/:})\n"
"    _describe -t ids 'entry id' ids\n"
"}\n"
"\n"
"_runlog() {\n"
"    local curcontext=$curcontext state line ret=1 _runlog_prog\n"
"    local -a _runlog_jopts\n"
"    typeset -A opt_args\n"
"    _runlog_prog=${(Q)words[1]}\n"
"    [[ $_runlog_prog == '~/'* ]] && _runlog_prog=$HOME/${_runlog_prog#??}\n"
"    _runlog_journal\n"
"    _arguments -C : \\\n"
"        '--db=:journal:_files' '--config=:config file:_files' \\\n"
"        '(- *)'{-h,--help} '(- *)--version' \\\n"
"        '(-)1:command:_runlog_commands' \\\n"
"        '(-)*::argument:->args' && ret=0\n"
"    if [[ $state == args ]]; then\n"
"        curcontext=${curcontext%:*:*}:runlog-$words[1]:\n"
"        if (( $+functions[_runlog_cmd_$words[1]] )); then\n"
"            _runlog_cmd_$words[1] && ret=0\n"
"        fi\n"
"    fi\n"
"    return ret\n"
"}\n"
"\n"
"if [[ $funcstack[1] == _runlog ]]; then\n"
"    _runlog \"$@\"\n"
"else\n"
"    compdef _runlog runlog\n"
"fi\n";

static void
print_zsh(void)
{
	size_t i;

	outf("#compdef runlog\n"
	    "# zsh completion for runlog, written by 'runlog completion zsh'\n"
	    "# from its command table. Install it as _runlog in a directory of\n"
	    "# $fpath, or load it with  source <(runlog completion zsh)\n"
	    "# after compinit.\n\n"
	    "_runlog_days() {\n    local expl\n"
	    "    _wanted days expl 'day (YYYY-MM-DD)' compadd -- ");
	print_days();
	outf("\n}\n\n_runlog_commands() {\n    local -a cmds\n    cmds=(\n");
	for (i = 0; cli_commands[i] != NULL; i++) {
		outf("        '");
		zsh_describe_word(cli_commands[i]->name);
		outf(":");
		zsh_describe_word(cli_commands[i]->summary);
		outf("'\n");
	}
	outf("    )\n    _describe -t commands 'runlog command' cmds\n}\n\n");
	for (i = 0; cli_commands[i] != NULL; i++)
		zsh_command(cli_commands[i]);
	outf("%s", zsh_code);
}

/* One entry of a journal listing: where it is in e, and its day and id. */
struct id_item {
	int     day;
	int     kind;
	size_t  index;
	int64_t id;
};

/* Newest day first; within a day by kind, newest id first. */
static int
id_item_cmp(const void *pa, const void *pb)
{
	const struct id_item *a = pa, *b = pb;

	if (a->day != b->day)
		return a->day > b->day ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->id > b->id ? -1 : a->id < b->id;
}

/* Every entry of e, newest first; *n gets the count. */
static struct id_item *
id_items(const struct entries *e, size_t *n)
{
	struct id_item *v;
	size_t total = 0, cnt, i;
	int k;

	for (k = 0; k < ENTRY_KIND_COUNT; k++) {
		entries_list(e, (enum entry_kind)k, &cnt);
		total += cnt;
	}
	v = xmalloc((total > 0 ? total : 1) * sizeof *v);
	*n = 0;
	for (k = 0; k < ENTRY_KIND_COUNT; k++) {
		const struct entry_desc *d = entry_desc((enum entry_kind)k);
		const char *p = entries_list(e, (enum entry_kind)k, &cnt);

		for (i = 0; i < cnt; i++, p += d->size) {
			v[*n].day = (int)entry_get(p, entry_field_find(d, "day"));
			v[*n].id = entry_get(p, entry_field_find(d, "id"));
			v[*n].kind = k;
			v[*n].index = i;
			(*n)++;
		}
	}
	qsort(v, *n, sizeof *v, id_item_cmp);
	return v;
}

/*
 * "r12<TAB>2026-11-25 <the entry's line>" for every entry whose id begins
 * with prefix, newest first. A journal that does not exist is an error,
 * and is not created.
 */
static int
print_ids(struct cli_ctx *ctx, const char *prefix)
{
	struct stat sb;
	struct store *st;
	struct entries e;
	struct id_item *v;
	struct buf line;
	size_t n, i, cnt, plen = strlen(prefix);
	char ds[11], id[32];

	if (stat(ctx->db_path, &sb) != 0) {
		char *shown = text_printable(ctx->db_path);
		out_printf(stderr, "runlog: no journal at %s: %s\n", shown,
		    strerror(errno));
		free(shown);
		return 1;
	}
	if ((st = cli_store(ctx)) == NULL)
		return 1;
	if (store_load(st, DATE_MIN, DATE_MAX, &e) != 0)
		return cli_fail(NULL);
	v = id_items(&e, &n);
	buf_init(&line);
	for (i = 0; i < n; i++) {
		enum entry_kind k = (enum entry_kind)v[i].kind;
		const char *p = entries_list(&e, k, &cnt);

		snprintf(id, sizeof id, "%c%" PRId64, entry_kind_letter(k),
		    v[i].id);
		if (strncmp(id, prefix, plen) != 0)
			continue;
		buf_clear(&line);
		entry_text_line(k, p + v[i].index * entry_desc(k)->size,
		    ctx->cfg.dist_unit, ctx->cfg.vol_unit, &line);
		outf("%s\t%s %s\n", id, date_format(v[i].day, ds), line.data);
	}
	buf_free(&line);
	free(v);
	entries_free(&e);
	return 0;
}

int
cmd_completion(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	int rc;

	if ((rc = cli_parse(ctx, argc, argv, NULL, &o)) != 0)
		return rc;
	if (o.npos == 0)
		return cli_usage("completion", "missing SHELL");
	if (strcmp(o.pos[0], "ids") == 0 && o.npos <= 2)
		return print_ids(ctx, o.npos == 2 ? o.pos[1] : "");
	if (o.npos > 1)
		return cli_usage("completion", "unexpected argument '%.40s'",
		    o.pos[1]);
	if (strcmp(o.pos[0], "bash") == 0)
		print_bash();
	else if (strcmp(o.pos[0], "zsh") == 0)
		print_zsh();
	else
		return cli_usage("completion", "unknown shell '%.40s': bash, "
		    "zsh or ids", o.pos[0]);
	return 0;
}
