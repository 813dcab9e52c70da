/*
 * cmd-export: runlog export. The CSV goes to stdout, or with -o to a
 * temporary file beside FILE (mode 0600: it is health data) that is
 * renamed over FILE once it is complete, so FILE is never half-written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv.h"
#include "date.h"
#include "util.h"

enum { EO_WHAT, EO_FROM, EO_TO, EO_OUT };
static const struct opt export_opts[] = {
	{ "what", 0, OPT_CHOICE, "days|runs|sleep|hydration|fatigue|rest" },
	{ "from", 0, OPT_DATE, NULL }, { "to", 0, OPT_DATE, NULL },
	{ "output", 'o', OPT_FILE, NULL }, { NULL, 0, 0, NULL },
};
const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.opts = export_opts,
	.usage = "[--what days|runs|sleep|hydration|fatigue|rest] [--from D] "
	    "[--to D] [-o FILE]",
	.summary = "write the journal as CSV (stdout, or FILE)",
	.exec = cmd_export,
};

int
cmd_export(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct store *st;
	enum csv_what what = CSV_DAYS;
	int from = DATE_MIN, to = DATE_MAX, rc;
	const char *out, *w;
	size_t rows = 0;

	if ((rc = cli_parse(ctx, argc, argv, export_opts, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage("export", "unexpected argument '%.40s'", o.pos[0]);
	if (OPTVAL(&o, EO_WHAT) != NULL &&
	    csv_what_parse(OPTVAL(&o, EO_WHAT), &what) != 0)
		return cli_usage("export", "%s", err_get());
	if (OPTVAL(&o, EO_FROM) != NULL && date_parse(OPTVAL(&o, EO_FROM), &from))
		return cli_usage("export", "--from: %s", err_get());
	if (OPTVAL(&o, EO_TO) != NULL && date_parse(OPTVAL(&o, EO_TO), &to))
		return cli_usage("export", "--to: %s", err_get());
	if (from > to)
		return cli_usage("export", "--from is after --to");
	out = OPTVAL(&o, EO_OUT);
	if (out != NULL && (*out == '\0' || strcmp(out, "-") == 0))
		out = NULL;
	/* -o journal.db would rename the CSV over the journal itself. */
	if (out != NULL && cli_not_journal(ctx, "export", out) != 0)
		return 1;
	if ((st = cli_store(ctx)) == NULL)
		return 1;
	if (out == NULL)
		rc = csv_export(st, &ctx->cfg, what, from, to, stdout, &rows);
	else
		rc = csv_export_file(st, &ctx->cfg, what, from, to, out, &rows);
	/* Rows left out of the file are named, whatever became of it. */
	while ((w = store_warning(st)) != NULL)
		fprintf(stderr, "runlog: warning: %s\n", w);
	if (rc != 0)
		return cli_fail("export");
	if (out != NULL)
		printf("Wrote %zu %s to %s.\n", rows, csv_what_noun(what, rows),
		    out);
	return 0;
}
