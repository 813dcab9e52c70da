/*
 * cli: the command table, the option parser every command shares, and the
 * context (journal path, config) resolved once per process.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cli.h"
#include "date.h"
#include "units.h"
#include "util.h"

/* Every command, in the order runlog --help lists them. */
const struct cmd_entry *const cli_commands[] = {
	&cmd_run_entry, &cmd_sleep_entry, &cmd_drink_entry, &cmd_fatigue_entry,
	&cmd_rest_entry, &cmd_edit_entry, &cmd_show_entry, &cmd_delete_entry,
	&cmd_undo_entry, &cmd_redo_entry, &cmd_check_entry, &cmd_ack_entry,
	&cmd_week_entry, &cmd_trends_entry,
	&cmd_fitness_entry,
	&cmd_totals_entry,
	&cmd_calendar_entry,
	&cmd_records_entry,
	&cmd_next_entry,
	&cmd_plan_entry,
	&cmd_shoe_entry,
	&cmd_demo_entry,
	&cmd_export_entry, &cmd_import_entry, &cmd_backup_entry,
	&cmd_screen_entry, &cmd_completion_entry, NULL,
};

const struct cmd_entry *
cli_command(const char *name)
{
	size_t i;

	for (i = 0; cli_commands[i] != NULL; i++)
		if (strcmp(cli_commands[i]->name, name) == 0)
			return cli_commands[i];
	return NULL;
}

const char *
cli_usage_line(const char *cmd)
{
	const struct cmd_entry *c = cli_command(cmd);

	return c != NULL ? c->usage : "";
}

void
cli_help(FILE *f)
{
	size_t i;

	out_puts(f,
	    "usage: runlog [--db PATH] [--config PATH]      open the journal\n"
	    "       runlog COMMAND [ARGS] [--db PATH] [--config PATH]\n"
	    "       runlog --help | --version\n\n"
	    "commands:\n");
	for (i = 0; cli_commands[i] != NULL; i++)
		out_printf(f, "  %-8s %s\n", cli_commands[i]->name,
		    cli_commands[i]->summary);
	out_puts(f, "\nrunlog COMMAND --help shows a command's arguments.\n"
	    "DISTANCE: 10km, 10 km, 10,5k, 6.2mi, 800m (a bare number: your unit)\n"
	    "DURATION: 52:30, 1:02:03, 45m, 90s, 1h05m    VOLUME: 500ml, 1.5l, 16oz\n"
	    "D: YYYY-MM-DD, today, yesterday, -N (days ago), mon..sun (the last)\n"
	    "journal: --db, else $RUNLOG_DB, else $XDG_DATA_HOME/runlog/journal.db\n"
	    "config: --config, else $XDG_CONFIG_HOME/runlog/config; its [flags]\n"
	    "  section sets the thresholds of check (see FLAGS in runlog(1))\n"
	    "exit status: 0 ok, 1 refused or failed, 2 usage, 3 check found flags\n"
	    "See runlog(1) for the whole manual.\n");
}

/*
 * Messages echo what the user typed or what a file held; control
 * characters and broken UTF-8 in them are shown as '?', never sent to the
 * terminal.
 */
int
cli_fail(const char *what)
{
	char *msg = text_printable(err_get());

	if (what != NULL)
		out_printf(stderr, "runlog: %s: %s\n", what, msg);
	else
		out_printf(stderr, "runlog: %s\n", msg);
	free(msg);
	return 1;
}

int
cli_usage(const char *cmd, const char *fmt, ...)
{
	char buf[512], *msg;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	msg = text_printable(buf);
	out_printf(stderr, "runlog: %s\nusage: runlog %s %s\n", msg, cmd,
	    cli_usage_line(cmd));
	free(msg);
	return EXIT_USAGE;
}

int
cli_date_opt(const char *s, int *day)
{
	if (s == NULL) {
		*day = date_today();
		return 0;
	}
	if (date_parse_rel(s, 0, day) != 0)
		return cli_fail(NULL);
	if (*day > date_today()) {
		char *shown = text_printable(s);
		out_printf(stderr, "runlog: date %s: is in the future; entries "
		    "are for today or earlier\n", shown);
		free(shown);
		return 1;
	}
	return 0;
}

int
cli_report_date(const char *s, int *day)
{
	if (s == NULL) {
		*day = date_today();
		return 0;
	}
	if (date_parse_rel(s, 0, day) != 0)
		return cli_fail(NULL);
	return 0;
}

/* Paths and config, once the command line has been read. */
static int
resolve(struct cli_ctx *ctx)
{
	const char *e, *home = getenv("HOME");

	if (ctx->db_path == NULL) {
		if ((e = getenv("RUNLOG_DB")) != NULL && *e != '\0')
			ctx->db_path = xstrdup(e);
		else if ((e = getenv("XDG_DATA_HOME")) != NULL && *e == '/')
			ctx->db_path = xasprintf("%s/runlog/journal.db", e);
		else if (home != NULL && *home != '\0')
			ctx->db_path = xasprintf("%s/.local/share/runlog/journal.db",
			    home);
		else {
			out_puts(stderr, "runlog: no journal: set HOME, RUNLOG_DB "
			    "or use --db PATH\n");
			return 1;
		}
	}
	if (ctx->config_path == NULL) {
		if ((e = getenv("XDG_CONFIG_HOME")) != NULL && *e == '/')
			ctx->config_path = xasprintf("%s/runlog/config", e);
		else if (home != NULL && *home != '\0')
			ctx->config_path = xasprintf("%s/.config/runlog/config", home);
	}
	config_defaults(&ctx->cfg);
	if (ctx->config_path != NULL &&
	    config_load(ctx->config_path, ctx->config_given, &ctx->cfg) != 0)
		return cli_fail(NULL);
	return 0;
}

static int
set_path(char **slot, const char *cmd, const char *name, const char *v)
{
	if (v == NULL || *v == '\0')
		return cli_usage(cmd, "--%s needs a path", name);
	free(*slot);
	*slot = xstrdup(v);
	return 0;
}

/* The words that may follow a number as its own argument: "10 km". */
static const char *const unit_words[] = {
	"km", "k", "mi", "mile", "miles", "m", "ml", "l", "cl", "oz", "floz",
	"kg", NULL,
};

static int
is_unit_word(const char *a)
{
	size_t i;

	for (i = 0; unit_words[i] != NULL; i++)
		if (strcasecmp(a, unit_words[i]) == 0)
			return 1;
	return 0;
}

/*
 * "10" "km" typed as two words: the unit joins the number before it, in
 * a buffer of res, and *last then points at the joined text. 1 when a
 * was taken, 0 when it is an argument of its own.
 */
static int
join_unit(struct optres *res, const char **last, const char *a)
{
	size_t n;

	if (last == NULL || *last == NULL || !is_unit_word(a) ||
	    res->njoined == JOIN_MAX)
		return 0;
	n = strlen(*last);
	if (n == 0 || n > 30 || !isdigit((unsigned char)(*last)[n - 1]))
		return 0;
	snprintf(res->joined[res->njoined], sizeof res->joined[0], "%s %s",
	    *last, a);
	*last = res->joined[res->njoined++];
	return 1;
}

/* --db and --config, wherever they are given; i moves past a value. */
static int
path_opt(struct cli_ctx *ctx, const char *cmd, const char *name,
    const char *val, int argc, char **argv, int *i)
{
	if (val == NULL) {
		if (*i + 1 >= argc)
			return cli_usage(cmd, "--%s needs a path", name);
		val = argv[++*i];
	}
	if (name[0] == 'd') {
		ctx->db_given = 1;
		return set_path(&ctx->db_path, cmd, name, val);
	}
	ctx->config_given = 1;
	return set_path(&ctx->config_path, cmd, name, val);
}

/* Option k's value into res: the next word, "=value", or yes/no. */
static int
opt_value(const char *cmd, const struct opt *o, const char *val, int argc,
    char **argv, int *i, const char **out)
{
	if (o->arg != OPT_FLAG) {
		if (val == NULL) {
			if (*i + 1 >= argc)
				return cli_usage(cmd, "--%s needs a value", o->name);
			val = argv[++*i];
		}
	} else if (val == NULL) {
		val = "";
	} else if (strcmp(val, "yes") != 0 && strcmp(val, "no") != 0) {
		return cli_usage(cmd, "--%s takes no value but =yes or =no",
		    o->name);
	}
	if (*out != NULL)
		return cli_usage(cmd, "--%s given twice", o->name);
	*out = val;
	return 0;
}

int
cli_parse(struct cli_ctx *ctx, int argc, char **argv,
    const struct opt *opts, struct optres *res)
{
	const char *cmd = argv[0], **last = NULL;
	int i, only_pos = 0, rc;

	memset(res, 0, sizeof *res);
	for (i = 1; i < argc; i++) {
		char *a = argv[i], *eq, name[64];
		const char *val = NULL;
		int k, found = -1;

		if (only_pos || a[0] != '-' || a[1] == '\0' ||
		    (a[1] >= '0' && a[1] <= '9')) {
			if (!only_pos && join_unit(res, last, a))
				continue;
			if (res->npos == POS_MAX)
				return cli_usage(cmd, "too many arguments");
			res->pos[res->npos] = a;
			last = &res->pos[res->npos++];
			continue;
		}
		last = NULL;
		if (strcmp(a, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (a[1] == '-') {
			snprintf(name, sizeof name, "%s", a + 2);
			if ((eq = strchr(name, '=')) != NULL) {
				*eq = '\0';
				val = strchr(a, '=') + 1;
			}
		} else {
			name[0] = '\0';
			if (a[2] != '\0')
				val = a + 2;  /* -oFILE */
		}
		if (strcmp(name, "db") == 0 || strcmp(name, "config") == 0) {
			if ((rc = path_opt(ctx, cmd, name, val, argc, argv, &i)) != 0)
				return rc;
			continue;
		}
		for (k = 0; opts != NULL && opts[k].name != NULL; k++) {
			if (name[0] != '\0' ? strcmp(opts[k].name, name) == 0 :
			    opts[k].short_name == a[1]) {
				found = k;
				break;
			}
		}
		if (found < 0) {
			if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
				outf("usage: runlog %s %s\n", cmd,
				    cli_usage_line(cmd));
				exit(cli_output_done(0));
			}
			return cli_usage(cmd, "unknown option '%.40s'", a);
		}
		if ((rc = opt_value(cmd, &opts[found], val, argc, argv, &i,
		    &res->val[found])) != 0)
			return rc;
		if (opts[found].arg != OPT_FLAG)
			last = &res->val[found];
	}
	return resolve(ctx);
}

int
cli_flag(const struct optres *res, int i)
{
	return res->val[i] != NULL && strcmp(res->val[i], "no") != 0;
}

/* Prints what the store queued while opening: a shared journal, an upgrade. */
static void
print_store_warnings(struct store *st)
{
	const char *w;

	while ((w = store_warning(st)) != NULL) {
		char *shown = text_printable(w);
		out_printf(stderr, "runlog: %s\n", shown);
		free(shown);
	}
}

/*
 * For the commands that write and the UI: opened for writing, after the
 * whole file was checked; an older journal is upgraded (copy kept).
 */
struct store *
cli_store_verified(struct cli_ctx *ctx)
{
	if (ctx->st != NULL && !ctx->verified) {
		store_close(ctx->st);   /* read-only so far: reopen to write */
		ctx->st = NULL;
	}
	if (ctx->st == NULL) {
		if (store_open(ctx->db_path, &ctx->st) != 0) {
			cli_fail(NULL);
			return NULL;
		}
		ctx->verified = 1;
		print_store_warnings(ctx->st);
	}
	return ctx->st;
}

/* For the commands that only read: read-only, never migrated. */
struct store *
cli_store(struct cli_ctx *ctx)
{
	if (ctx->st == NULL) {
		if (store_open_read(ctx->db_path, &ctx->st) != 0) {
			cli_fail(NULL);
			return NULL;
		}
		print_store_warnings(ctx->st);
	}
	return ctx->st;
}

struct store *
cli_store_existing(struct cli_ctx *ctx, int verify)
{
	struct stat sb;

	if (ctx->st == NULL && strcmp(ctx->db_path, ":memory:") != 0 &&
	    lstat(ctx->db_path, &sb) != 0 && errno == ENOENT) {
		char *shown = text_printable(ctx->db_path);
		out_printf(stderr, "runlog: no journal at %s: nothing has been "
		    "logged there (is --db or $RUNLOG_DB right?)\n", shown);
		free(shown);
		return NULL;
	}
	return verify ? cli_store_verified(ctx) : cli_store(ctx);
}

/* Edits between a and b (Levenshtein), for names of a few letters. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, row[33], prev, tmp;

	if (la > 32 || lb > 32)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (tmp + 1 < row[j])
				row[j] = tmp + 1;
			prev = tmp;
		}
	}
	return row[lb];
}

/* The command nearest to name, within two edits, or NULL. */
const char *
cli_nearest_command(const char *name)
{
	const char *best = NULL;
	size_t i, d, bestd = 3;

	for (i = 0; cli_commands[i] != NULL; i++) {
		d = edit_distance(name, cli_commands[i]->name);
		if (d < bestd) {
			bestd = d;
			best = cli_commands[i]->name;
		}
	}
	return best;
}

int
cli_dispatch(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry *c = cli_command(argv[0]);
	int rc;

	if (c == NULL) {
		const char *near = cli_nearest_command(argv[0]);
		char *a = text_printable(argv[0]);
		if (near != NULL)
			out_printf(stderr, "runlog: unknown command '%.40s'; did "
			    "you mean '%s'? 'runlog --help' lists them\n", a, near);
		else
			out_printf(stderr, "runlog: unknown command '%.40s'; "
			    "'runlog --help' lists them\n", a);
		free(a);
		return EXIT_USAGE;
	}
	rc = c->exec(ctx, argc, argv);
	cli_warnings(ctx);
	return rc;
}

void
cli_warnings(struct cli_ctx *ctx)
{
	const char *w;

	if (ctx->st == NULL)
		return;
	while ((w = store_warning(ctx->st)) != NULL)
		out_printf(stderr, "runlog: warning: %s\n", w);
}

/*
 * A report that did not reach its reader is a failure: a full disk or a
 * closed pipe must not exit 0. Closing stdout here also catches an error
 * that only the close reports.
 */
int
cli_output_done(int rc)
{
	int failed = ferror(stdout), e = errno;

	if (fflush(stdout) != 0) {
		failed = 1;
		e = errno;
	}
	if (fclose(stdout) != 0 && !failed) {
		failed = 1;
		e = errno;
	}
	if (!failed)
		return rc;
	out_printf(stderr, "runlog: cannot write output: %s\n",
	    strerror(e != 0 ? e : EIO));
	return 1;
}

/* --- files that must not be the journal ------------------------------ */

int
cli_not_journal(const struct cli_ctx *ctx, const char *what, const char *dest)
{
	struct stat sb;

	if (store_path_is_journal(ctx->db_path, dest)) {
		char *shown = text_printable(dest);
		out_printf(stderr, "runlog: %s %s: that is the journal itself; "
		    "give another file name\n", what, shown);
		free(shown);
		return 1;
	}
	if (stat(dest, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		char *shown = text_printable(dest);
		out_printf(stderr, "runlog: %s %s: exists and is not a regular "
		    "file\n", what, shown);
		free(shown);
		return 1;
	}
	return 0;
}

/* --- labels in the user's units ------------------------------------- */

char *
cli_label_units(const struct config *cfg, const char *label)
{
	char *conv = units_in_text(label, cfg->dist_unit, cfg->vol_unit);
	char *out = text_printable(conv);

	free(conv);
	return out;
}

/* --- suggested commands ----------------------------------------------- */

/* word as one shell word: as it is when plain, else in single quotes. */
static void
shell_word(struct buf *b, const char *word)
{
	char *w = text_printable(word);
	const char *p;

	if (*w != '\0' && strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
	    "qrstuvwxyz0123456789_./-+,:@%=") == strlen(w)) {
		buf_adds(b, w);
	} else {
		buf_addc(b, '\'');
		for (p = w; *p != '\0'; p++) {
			if (*p == '\'')
				buf_adds(b, "'\\''");
			else
				buf_addc(b, *p);
		}
		buf_addc(b, '\'');
	}
	free(w);
}

char *
cli_global_opts(const struct cli_ctx *ctx)
{
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "");
	if (ctx->db_given && ctx->db_path != NULL) {
		buf_adds(&b, " --db ");
		shell_word(&b, ctx->db_path);
	}
	if (ctx->config_given && ctx->config_path != NULL) {
		buf_adds(&b, " --config ");
		shell_word(&b, ctx->config_path);
	}
	return b.data;
}
