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
#include "util.h"

#define EXIT_USAGE   2
#define EXIT_FLAGGED 3

struct cli_ctx {
	const char    *prog;          /* "runlog" */
	char          *db_path;       /* resolved path of the journal */
	char          *config_path;   /* resolved path of the config file */
	int            config_given;  /* --config or none: a missing file is an error */
	int            db_given;      /* --db was on the command line */
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

/*
 * For the commands that only read or change what is there (show, edit,
 * undo, export ...): a journal that does not exist is an error naming its
 * path, never created. verify as cli_store_verified().
 */
struct store *cli_store_existing(struct cli_ctx *ctx, int verify);

/*
 * A change's label as stored ("add run 10.00 km on ...", "add drink of
 * 500 ml ..."), with its distances and volumes in the user's units; the
 * result is printable and allocated.
 */
char *cli_label_units(const struct config *cfg, const char *label);

/*
 * Entry fields typed on the command line (cmd-edit.c): the logging
 * commands, the re-log of a day's entry and edit share them.
 *
 * cli_field_parse() reads text into field f of e the way logging does:
 * distances, durations, volumes and masses with their units, dates as
 * typed (cli_date_opt), numbers in the field's range, a run type, a note;
 * a yes/no field takes "" or "yes" (set) and "no" (clear); an empty note
 * clears the note. Prints the reason and returns 1 on error.
 */
int cli_field_parse(const struct cli_ctx *ctx, enum entry_kind k,
    const char *column, const char *text, void *e);
/* An entry of kind k with every optional field "not given". */
void cli_entry_init(enum entry_kind k, void *e);
/*
 * Appends to out each field that differs between old and new:
 * "distance 10.00 -> 10.50 km, rpe 5 -> 6", in the user's units. The
 * number of fields listed.
 */
int cli_entry_changes(const struct config *cfg, enum entry_kind k,
    const void *old, const void *new, struct buf *out);

/*
 * What an option or a positional argument takes. Completion scripts and
 * the manual's check read these, so each says what kind of word it wants.
 */
enum opt_arg {
	OPT_FLAG = 0,   /* no argument */
	OPT_VALUE,      /* a number or free text */
	OPT_DATE,       /* a day: YYYY-MM-DD, today, yesterday */
	OPT_FILE,       /* a path */
	OPT_ID,         /* an entry id: r12, s3 ... */
	OPT_RUN_TYPE,   /* easy, long, tempo ... (run_type_parse) */
	OPT_CHOICE,     /* one word of choices */
};

/* One option of a command. Global --db and --config are always accepted. */
struct opt {
	const char *name;       /* long name without "--" */
	char        short_name; /* 0 for none */
	int         arg;        /* enum opt_arg; OPT_FLAG takes no argument */
	const char *choices;    /* OPT_CHOICE: "days|runs|sleep" */
};

/* A positional argument of a command, in the order they are given. */
struct cmd_arg {
	const char *name;       /* as in the usage line: "DISTANCE" */
	int         arg;        /* enum opt_arg */
	const char *choices;    /* OPT_CHOICE: "day|week|..." */
	int         flags;      /* CMD_ARG_OPTIONAL, CMD_ARG_MANY */
};
#define CMD_ARG_OPTIONAL 1
#define CMD_ARG_MANY     2

/*
 * One command: each src/cmd-*.c defines the entries of its commands beside
 * their option tables, and cli.c collects them. --help, the usage lines,
 * the manual's check and completion all come from these.
 */
struct cmd_entry {
	const char           *name;
	const struct opt     *opts;    /* ends with { NULL }; NULL for none */
	const struct cmd_arg *args;    /* ends with { NULL }; NULL for none */
	const char           *usage;   /* after "runlog NAME " */
	const char           *summary; /* one line for runlog --help */
	int                 (*exec)(struct cli_ctx *, int, char **);
};

/* Every command, in the order runlog --help lists them; NULL at the end. */
extern const struct cmd_entry *const cli_commands[];
const struct cmd_entry *cli_command(const char *name);
/* The command within two typing mistakes of name ("runs": "run"), or NULL. */
const char *cli_nearest_command(const char *name);

#define OPT_MAX 32
#define POS_MAX 8

#define JOIN_MAX 8

struct optres {
	const char *val[OPT_MAX];   /* argument; a flag: "", "yes" or "no" */
	const char *pos[POS_MAX];   /* positional arguments */
	int         npos;
	char        joined[JOIN_MAX][48];   /* "10 km" typed as two words */
	int         njoined;
};

/*
 * Parses argv (argv[0] is the command name) against opts, in any order,
 * "--name value", "--name=value", "-o value" and "--" all work. A flag
 * takes "=yes" or "=no" ("--ill=no" clears it on an edit). A unit typed
 * as its own word after a number joins it: "10" "km" is read as "10 km".
 * On a usage error prints it with the command's usage line and returns
 * EXIT_USAGE.
 */
int cli_parse(struct cli_ctx *ctx, int argc, char **argv,
    const struct opt *opts, struct optres *res);
/* The value of option i, or NULL when it was not given. */
#define OPTVAL(res, i) ((res)->val[(i)])
/* 1 when flag i was given and not as "=no". */
int cli_flag(const struct optres *res, int i);

/*
 * " --db PATH --config PATH" as given on the command line (each only when
 * given), quoted for a shell, for the commands a message suggests; ""
 * when neither was. Allocated.
 */
char *cli_global_opts(const struct cli_ctx *ctx);

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
/*
 * A plan's day into *day (today when NULL): as typed for a plan
 * (date_parse_rel() looking ahead), from today to PLAN_AHEAD_DAYS ahead;
 * prints why and returns 1 otherwise.
 */
int cli_plan_date(const char *s, int *day);
/* The same for a report, where any day of the calendar may be asked for. */
int cli_report_date(const char *s, int *day);

/* The commands (cmd_NAME_entry.exec is cmd_NAME). */
int cmd_run(struct cli_ctx *, int, char **);
int cmd_sleep(struct cli_ctx *, int, char **);
int cmd_drink(struct cli_ctx *, int, char **);
int cmd_fatigue(struct cli_ctx *, int, char **);
int cmd_rest(struct cli_ctx *, int, char **);
int cmd_edit(struct cli_ctx *, int, char **);
int cmd_redo(struct cli_ctx *, int, char **);
int cmd_show(struct cli_ctx *, int, char **);
int cmd_delete(struct cli_ctx *, int, char **);
int cmd_undo(struct cli_ctx *, int, char **);
int cmd_check(struct cli_ctx *, int, char **);
int cmd_ack(struct cli_ctx *, int, char **);
int cmd_week(struct cli_ctx *, int, char **);
int cmd_trends(struct cli_ctx *, int, char **);
int cmd_fitness(struct cli_ctx *, int, char **);
int cmd_totals(struct cli_ctx *, int, char **);
int cmd_shoe(struct cli_ctx *, int, char **);
int cmd_calendar(struct cli_ctx *, int, char **);
int cmd_records(struct cli_ctx *, int, char **);
int cmd_next(struct cli_ctx *, int, char **);
int cmd_demo(struct cli_ctx *, int, char **);
int cmd_export(struct cli_ctx *, int, char **);
int cmd_import(struct cli_ctx *, int, char **);
int cmd_backup(struct cli_ctx *, int, char **);
int cmd_screen(struct cli_ctx *, int, char **);
int cmd_completion(struct cli_ctx *, int, char **);
int cmd_plan(struct cli_ctx *, int, char **);
extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_sleep_entry;
extern const struct cmd_entry cmd_drink_entry;
extern const struct cmd_entry cmd_fatigue_entry;
extern const struct cmd_entry cmd_rest_entry;
extern const struct cmd_entry cmd_edit_entry;
extern const struct cmd_entry cmd_redo_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_delete_entry;
extern const struct cmd_entry cmd_undo_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_ack_entry;
extern const struct cmd_entry cmd_week_entry;
extern const struct cmd_entry cmd_trends_entry;
extern const struct cmd_entry cmd_fitness_entry;
extern const struct cmd_entry cmd_totals_entry;
extern const struct cmd_entry cmd_calendar_entry;
extern const struct cmd_entry cmd_records_entry;
extern const struct cmd_entry cmd_next_entry;
extern const struct cmd_entry cmd_shoe_entry;
extern const struct cmd_entry cmd_demo_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_screen_entry;
extern const struct cmd_entry cmd_completion_entry;
extern const struct cmd_entry cmd_plan_entry;

/*
 * Prints one flag: "severity id reason"; verbose adds the days covered,
 * the measured value against its threshold, and the advice.
 */
void cli_print_flag(const struct cli_ctx *ctx, const struct an_flag *f,
    int verbose, const char *indent);

/* A flag holding on a day, in its episode (cmd-check.c). */
struct cli_flag {
	struct an_flag     f;
	struct an_episode  e;        /* its episode, as it stands on the day */
	enum an_ep_status  status;   /* new, escalated or ongoing */
	int                acked;    /* hidden by an acknowledgement */
};
/* cli_print_flag() with the episode: "(new)" or "(since YYYY-MM-DD)". */
void cli_print_flag_in(const struct cli_ctx *ctx, const struct an_flag *f,
    const struct cli_flag *cf, int verbose, const char *indent);
/*
 * The flags holding on day (at most AN_FLAGS_MAX, alerts first) with
 * their episodes and acknowledgements; when rules is not NULL, every
 * rule's episode as it stands on day into rules[id] (f is set when it
 * holds). Count, or -1 with err_set().
 */
int cli_day_flags(struct cli_ctx *ctx, struct store *st, int day,
    struct cli_flag *out, struct cli_flag rules[AN_FLAG_COUNT]);

/*
 * Runs the command named argv[0], then prints the journal's queued
 * warnings; -1 when there is no such command.
 */
int cli_dispatch(struct cli_ctx *ctx, int argc, char **argv);
/* Prints each warning the store queued as "runlog: warning: ..." */
void cli_warnings(struct cli_ctx *ctx);
/*
 * Flushes and closes stdout; when anything written to it was lost prints
 * "runlog: cannot write output: <reason>" and returns 1, else rc. Every
 * command ends with it.
 */
int cli_output_done(int rc);
/* The usage line of a command, for messages and --help. */
const char *cli_usage_line(const char *cmd);
void cli_help(FILE *f);

/*
 * The shoe of a run being logged (cmd-shoe.c): the one named, checked
 * against the journal's shoes and spelt as the journal spells it, or the
 * default shoe when none is named. Prints the error (naming the shoes
 * there are) and returns 1 for a shoe that is none of them; a journal
 * that does not exist yet is not created for that.
 */
int  cli_run_shoe(struct cli_ctx *ctx, struct run *r);
/* After r was logged: a one-line note when r took its shoe past its limit. */
void cli_run_shoe_note(const struct cli_ctx *ctx, struct store *st,
    const struct run *r);

#endif
