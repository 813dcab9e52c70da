/*
 * cli: the plain commands (runlog run, sleep, show, ...). One function per
 * command, in src/cmd-*.c, sharing the option parser and the context here.
 * Commands print results on stdout and errors on stderr, and return the
 * process exit status: 0 success, 1 failure, 2 usage, 3 (check) flagged.
 */
#ifndef RUNLOG_CLI_H
#define RUNLOG_CLI_H

#include <stdio.h>

#include "analysis.h"
#include "config.h"
#include "store.h"

#define EXIT_USAGE   2
#define EXIT_FLAGGED 3

struct cli_ctx {
	const char    *prog;          /* "runlog" */
	char          *db_path;       /* resolved path of the journal */
	char          *config_path;   /* resolved path of the config file */
	int            config_given;  /* --config or none: a missing file is an error */
	struct config  cfg;
	struct store  *st;            /* opened by cli_store() */
	int            verified;      /* st is open for writing */
};

/*
 * Opens the journal read-only, once: for the commands that only read
 * (never migrated, nothing written). Prints the error and returns NULL on
 * failure, and prints the store's warnings.
 */
struct store *cli_store(struct cli_ctx *ctx);
/*
 * Opens it for writing: for the commands that write and the UI. The whole
 * file is checked first and an older journal is upgraded (copy kept).
 */
struct store *cli_store_verified(struct cli_ctx *ctx);

/* One option of a command. Global --db and --config are always accepted. */
struct opt {
	const char *name;       /* long name without "--" */
	char        short_name; /* 0 for none */
	int         has_arg;
};

#define OPT_MAX 32
#define POS_MAX 8

struct optres {
	const char *val[OPT_MAX];   /* argument, or "" for a flag that was given */
	char       *pos[POS_MAX];   /* positional arguments */
	int         npos;
};

/*
 * Parses argv (argv[0] is the command name) against opts, in any order,
 * "--name value", "--name=value", "-o value" and "--" all work. On a usage
 * error prints it with the command's usage line and returns EXIT_USAGE.
 */
int cli_parse(struct cli_ctx *ctx, int argc, char **argv,
    const struct opt *opts, struct optres *res);
/* The value of option i, or NULL when it was not given. */
#define OPTVAL(res, i) ((res)->val[(i)])

/* Prints "runlog: <err_get()>" on stderr and returns 1. */
int cli_fail(const char *what);
/* Prints the usage error and the command's usage line; returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/*
 * 0 when dest may be written; else prints why and returns 1: dest is the
 * journal (under any name: a symlink, "dir/../journal.db") or its -wal,
 * -shm or -journal file, or exists and is not a regular file. what names
 * the command ("backup", "export") in the message.
 */
int cli_not_journal(const struct cli_ctx *ctx, const char *what,
    const char *dest);
/* --date D (or today when NULL) into *day; prints and returns 1 on error. */
int cli_date_opt(const char *s, int *day);
/* The same for a report, where any day of the calendar may be asked for. */
int cli_report_date(const char *s, int *day);

/* The commands. */
int cmd_run(struct cli_ctx *, int, char **);
int cmd_sleep(struct cli_ctx *, int, char **);
int cmd_drink(struct cli_ctx *, int, char **);
int cmd_fatigue(struct cli_ctx *, int, char **);
int cmd_rest(struct cli_ctx *, int, char **);
int cmd_show(struct cli_ctx *, int, char **);
int cmd_delete(struct cli_ctx *, int, char **);
int cmd_undo(struct cli_ctx *, int, char **);
int cmd_check(struct cli_ctx *, int, char **);
int cmd_week(struct cli_ctx *, int, char **);
int cmd_trends(struct cli_ctx *, int, char **);
int cmd_demo(struct cli_ctx *, int, char **);
int cmd_export(struct cli_ctx *, int, char **);
int cmd_import(struct cli_ctx *, int, char **);
int cmd_backup(struct cli_ctx *, int, char **);
int cmd_screen(struct cli_ctx *, int, char **);

/*
 * Prints one flag: "severity id reason"; verbose adds the days covered,
 * the measured value against its threshold, and the advice.
 */
void cli_print_flag(const struct cli_ctx *ctx, const struct an_flag *f,
    int verbose, const char *indent);

/* Runs the command named argv[0]; -1 when there is no such command. */
int cli_dispatch(struct cli_ctx *ctx, int argc, char **argv);
/* The usage line of a command, for messages and --help. */
const char *cli_usage_line(const char *cmd);
void cli_help(FILE *f);

#endif
