/*
 * cmd-backup: runlog backup FILE, a consistent copy of the journal. The
 * copy itself is the store's (store_backup()): this checks the arguments
 * and reports, with the user's path made safe to print.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "util.h"

static const struct cmd_arg backup_args[] = {
	{ "FILE", OPT_FILE, NULL, 0 }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_backup_entry = {
	.name = "backup",
	.args = backup_args,
	.usage = "FILE",
	.summary = "write a consistent copy of the journal to FILE",
	.exec = cmd_backup,
};

static const struct opt backup_opts[] = { { NULL, 0, 0, NULL } };

int
cmd_backup(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct store *st;
	struct stat sb;
	char *shown, *from;
	int64_t n;
	int rc;

	if ((rc = cli_parse(ctx, argc, argv, backup_opts, &o)) != 0)
		return rc;
	if (o.npos != 1)
		return cli_usage("backup", o.npos == 0 ? "missing FILE" :
		    "unexpected argument '%.40s'", o.npos ? o.pos[1] : "");
	if (*o.pos[0] == '\0')
		return cli_usage("backup", "FILE is empty");
	/* Never create an empty journal just to back it up. */
	if (stat(ctx->db_path, &sb) != 0) {
		shown = text_printable(ctx->db_path);
		out_printf(stderr, "runlog: backup: no journal at %s: %s\n", shown,
		    strerror(errno));
		free(shown);
		return 1;
	}
	if (cli_not_journal(ctx, "backup", o.pos[0]) != 0)
		return 1;
	/* store_backup() checks the whole journal itself. */
	if ((st = cli_store(ctx)) == NULL)
		return 1;
	shown = text_printable(o.pos[0]);
	if (store_backup(st, o.pos[0], &n) != 0) {
		/* The message names the user's directory too. */
		char *why = text_printable(err_get());
		out_printf(stderr, "runlog: backup %s: %s\n", shown, why);
		free(why);
		free(shown);
		return 1;
	}
	from = text_printable(store_path(st));
	outf("Backed up %" PRId64 " %s from %s to %s.\n", n,
	    n == 1 ? "entry" : "entries", from, shown);
	free(from);
	free(shown);
	return 0;
}
