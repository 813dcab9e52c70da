/*
 * cmd-check: runlog check, the flags that hold on one day, for a shell
 * prompt or a cron job (exit 3 when anything is flagged).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "series.h"
#include "util.h"

void
cli_print_flag(const struct cli_ctx *ctx, const struct an_flag *f,
    int verbose, const char *indent)
{
	char reason[320], v[48], t[48], a[11], b[11];
	const char *adv;

	outf("%s%-8s %-19s %s\n", indent, an_severity_name(f->severity),
	    an_flag_name(f->id), an_flag_reason(f, ctx->cfg.dist_unit,
	    ctx->cfg.vol_unit, reason, sizeof reason));
	if (!verbose)
		return;
	date_format(f->first_day, a);
	date_format(f->last_day, b);
	outf("%s         %s%s%s; measured %s, threshold %s\n", indent, a,
	    f->first_day == f->last_day ? "" : " to ",
	    f->first_day == f->last_day ? "" : b,
	    an_flag_value(f, v, sizeof v), an_flag_threshold(f, t, sizeof t));
	for (adv = an_flag_advice(f); *adv != '\0'; ) {
		size_t len = strcspn(adv, "\n");

		outf("%s         %.*s\n", indent, (int)len, adv);
		adv += len;
		if (*adv == '\n')
			adv++;
	}
}

enum { CO_DATE, CO_VERBOSE };
static const struct opt check_opts[] = {
	{ "date", 'd', OPT_DATE, NULL }, { "verbose", 'v', OPT_FLAG, NULL },
	{ NULL, 0, 0, NULL },
};
const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.opts = check_opts,
	.usage = "[--date D] [--verbose]",
	.summary = "the warning flags of a day (exit 3 when any)",
	.exec = cmd_check,
};

int
cmd_check(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct store *st;
	struct series se;
	struct an_flag f[AN_FLAGS_MAX];
	char ds[11];
	int day, n, i, rc;

	if ((rc = cli_parse(ctx, argc, argv, check_opts, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage("check", "unexpected argument '%.40s'",
		    o.pos[0]);
	if (cli_report_date(OPTVAL(&o, CO_DATE), &day) != 0)
		return 1;
	if ((st = cli_store_existing(ctx, 0)) == NULL)
		return 1;
	if (store_check_days(st) != 0 ||
	    series_load(st, day, day, &ctx->cfg.an, &se) != 0)
		return cli_fail(NULL);
	n = series_flags(&se, &ctx->cfg.an, day, f);
	for (i = 0; i < n; i++) {
		if (i > 0 && cli_flag(&o, CO_VERBOSE))
			out_puts(stdout, "\n");
		cli_print_flag(ctx, &f[i], cli_flag(&o, CO_VERBOSE), "");
	}
	if (n == 0)
		outf("No flags on %s.\n", date_format(day, ds));
	series_free(&se);
	return n > 0 ? EXIT_FLAGGED : 0;
}
