/*
 * cmd-export: runlog export. The CSV goes to stdout, or with -o to a
 * temporary file beside FILE (mode 0600: it is health data) that is
 * renamed over FILE once it is complete, so FILE is never half-written.
 * With --all, every kind's file and the days report go into a directory,
 * each written the same way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv.h"
#include "date.h"
#include "util.h"

enum { EO_WHAT, EO_FROM, EO_TO, EO_OUT, EO_ALL };
static const struct opt export_opts[] = {
	{ "what", 0, OPT_CHOICE, "days|runs|sleep|hydration|fatigue|rest|plans" },
	{ "from", 'f', OPT_DATE, NULL }, { "to", 0, OPT_DATE, NULL },
	{ "output", 'o', OPT_FILE, NULL }, { "all", 'a', OPT_FLAG, NULL },
	{ NULL, 0, 0, NULL },
};
const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.opts = export_opts,
	.usage = "[--what days|runs|sleep|hydration|fatigue|rest|plans] [-f D] "
	    "[--to D] [-o FILE] [-a]",
	.summary = "write the journal as CSV (stdout, FILE, or with -a a DIR)",
	.exec = cmd_export,
};

/* Every kind's file and the days report into dir, one line said. */
static int
export_all(struct cli_ctx *ctx, struct store *st, const char *dir, int from,
    int to)
{
	size_t rows[CSV_WHAT_COUNT];
	char *said, *shown;
	const char *w;
	int rc;

	rc = csv_export_all(st, &ctx->cfg, dir, from, to, rows);
	while ((w = store_warning(st)) != NULL)
		out_printf(stderr, "runlog: warning: %s\n", w);
	if (rc != 0)
		return cli_fail("export");
	said = csv_export_all_said(rows);
	shown = text_printable(dir);
	outf("Wrote %s to %s/, one file each.\n", said, shown);
	free(shown);
	free(said);
	return 0;
}

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
	if (OPTVAL(&o, EO_FROM) != NULL &&
	    date_parse_rel(OPTVAL(&o, EO_FROM), 0, &from))
		return cli_usage("export", "--from: %s", err_get());
	if (OPTVAL(&o, EO_TO) != NULL && date_parse_rel(OPTVAL(&o, EO_TO), 0, &to))
		return cli_usage("export", "--to: %s", err_get());
	if (from > to)
		return cli_usage("export", "--from is after --to");
	out = OPTVAL(&o, EO_OUT);
	if (cli_flag(&o, EO_ALL)) {
		if (OPTVAL(&o, EO_WHAT) != NULL)
			return cli_usage("export", "--all writes every kind; "
			    "give --what or --all, not both");
		if (out == NULL || *out == '\0' || strcmp(out, "-") == 0)
			return cli_usage("export", "--all needs -o DIR, the "
			    "directory to write the files in");
		if ((st = cli_store_existing(ctx, 0)) == NULL)
			return 1;
		return export_all(ctx, st, out, from, to);
	}
	if (out != NULL && (*out == '\0' || strcmp(out, "-") == 0))
		out = NULL;
	/* -o journal.db would rename the CSV over the journal itself. */
	if (out != NULL && cli_not_journal(ctx, "export", out) != 0)
		return 1;
	if ((st = cli_store_existing(ctx, 0)) == NULL)
		return 1;
	if (out == NULL)
		rc = csv_export(st, &ctx->cfg, what, from, to, stdout, &rows);
	else
		rc = csv_export_file(st, &ctx->cfg, what, from, to, out, &rows);
	/* Rows left out of the file are named, whatever became of it. */
	while ((w = store_warning(st)) != NULL)
		out_printf(stderr, "runlog: warning: %s\n", w);
	if (rc != 0)
		return cli_fail("export");
	if (out != NULL)
		outf("Wrote %zu %s to %s.\n", rows, csv_what_noun(what, rows),
		    out);
	return 0;
}
