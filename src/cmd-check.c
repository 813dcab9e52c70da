/*
 * cmd-check: runlog check, the flags that hold on one day, for a shell
 * prompt or a cron job. Each flag is shown with its episode: new (its
 * first day, or the day it escalated) or ongoing since its first day.
 * Exit 3 when a flag that is not acknowledged holds; with --new, only when
 * such a flag is new. --json prints every flag holding on the day.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "series.h"
#include "store-ack.h"
#include "util.h"

void
cli_print_flag(const struct cli_ctx *ctx, const struct an_flag *f,
    int verbose, const char *indent)
{
	cli_print_flag_in(ctx, f, NULL, verbose, indent);
}

/* " (new)", " (since 2026-11-19)" ...: the flag in its episode. */
static void
episode_text(const struct cli_flag *cf, char *out, size_t n)
{
	char d[11];

	date_format(cf->e.first_day, d);
	switch (cf->status) {
	case AN_EP_NEW:
		snprintf(out, n, " (new%s)", cf->acked ? ", acknowledged" : "");
		break;
	case AN_EP_ESCALATED:
		snprintf(out, n, " (new: now %s, since %s%s)",
		    an_severity_name(cf->f.severity), d,
		    cf->acked ? ", acknowledged" : "");
		break;
	default:
		snprintf(out, n, " (since %s%s)", d,
		    cf->acked ? ", acknowledged" : "");
		break;
	}
}

void
cli_print_flag_in(const struct cli_ctx *ctx, const struct an_flag *f,
    const struct cli_flag *cf, int verbose, const char *indent)
{
	char reason[320], v[48], t[48], a[11], b[11], ep[80] = "";
	const char *adv;

	if (cf != NULL)
		episode_text(cf, ep, sizeof ep);
	outf("%s%-8s %-19s %s%s\n", indent, an_severity_name(f->severity),
	    an_flag_name(f->id), an_flag_reason(f, ctx->cfg.dist_unit,
	    ctx->cfg.vol_unit, reason, sizeof reason), ep);
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

/* The days of the acknowledgements of rule id among acks[0..n). */
static size_t
ack_days(const struct store_ack *acks, size_t n, enum an_flag_id id,
    int *days)
{
	size_t k, nd = 0;

	for (k = 0; k < n; k++)
		if (strcmp(acks[k].rule, an_flag_name(id)) == 0)
			days[nd++] = acks[k].day;
	return nd;
}

int
cli_day_flags(struct cli_ctx *ctx, struct store *st, int day,
    struct cli_flag *out, struct cli_flag rules[AN_FLAG_COUNT])
{
	const struct an_params *p = &ctx->cfg.an;
	struct an_episode e[AN_FLAG_COUNT];
	struct an_flag f[AN_FLAGS_MAX];
	const struct an_metrics *m;
	struct store_ack *acks;
	struct series se;
	size_t nacks;
	int *days, n, i;

	if (series_load(st, day, day, p, &se) != 0)
		return -1;
	if (store_acks(st, &acks, &nacks) != 0) {
		series_free(&se);
		return -1;
	}
	m = series_metrics(&se, day);
	an_episodes_at(se.m, (size_t)(m - se.m) + 1, p, e);
	n = an_flags(m, p, f);
	days = xcalloc(nacks + 1, sizeof *days);
	for (i = 0; i < n; i++) {
		size_t nd = ack_days(acks, nacks, f[i].id, days);

		out[i].f = f[i];
		out[i].e = e[f[i].id];
		out[i].status = an_episode_status(&e[f[i].id], day);
		out[i].acked = an_episode_acked(&e[f[i].id], day, days, nd);
	}
	for (i = 0; rules != NULL && i < AN_FLAG_COUNT; i++) {
		size_t nd = ack_days(acks, nacks, (enum an_flag_id)i, days);

		memset(&rules[i], 0, sizeof rules[i]);
		rules[i].e = e[i];
		rules[i].f.id = (enum an_flag_id)i;
		rules[i].status = an_episode_status(&e[i], day);
		rules[i].acked = an_episode_acked(&e[i], day, days, nd);
	}
	for (i = 0; rules != NULL && i < n; i++)
		rules[f[i].id].f = f[i];
	free(days);
	free(acks);
	series_free(&se);
	return n;
}

/* A JSON string: quotes, backslashes and control characters escaped. */
static void
json_str(struct buf *b, const char *s)
{
	buf_adds(b, "\"");
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\u%04x", c);
		else
			buf_addc(b, (char)c);
	}
	buf_adds(b, "\"");
}

static void
json_num(struct buf *b, double v)
{
	if (isfinite(v))
		buf_printf(b, "%.10g", v);
	else
		buf_adds(b, "null");
}

static const char *const status_names[] = {
	[AN_EP_NONE] = "none", [AN_EP_NEW] = "new",
	[AN_EP_ESCALATED] = "escalated", [AN_EP_ONGOING] = "ongoing",
};

/* One flag as a JSON object (the shape is in the manual, check --json). */
static void
json_flag(const struct cli_ctx *ctx, struct buf *b, const struct cli_flag *cf)
{
	char reason[320], v[48], t[48], d[11];

	buf_adds(b, "{\"id\": ");
	json_str(b, an_flag_name(cf->f.id));
	buf_adds(b, ", \"severity\": ");
	json_str(b, an_severity_name(cf->f.severity));
	buf_printf(b, ", \"first_day\": \"%s\"", date_format(cf->e.first_day, d));
	buf_printf(b, ", \"last_day\": \"%s\"", date_format(cf->e.last_day, d));
	buf_printf(b, ", \"status\": \"%s\", \"new\": %s",
	    status_names[cf->status], cf->status == AN_EP_NEW ||
	    cf->status == AN_EP_ESCALATED ? "true" : "false");
	buf_printf(b, ", \"acknowledged\": %s", cf->acked ? "true" : "false");
	buf_adds(b, ", \"value\": ");
	json_num(b, cf->f.value);
	buf_adds(b, ", \"threshold\": ");
	json_num(b, cf->f.threshold);
	buf_adds(b, ", \"value_text\": ");
	json_str(b, an_flag_value(&cf->f, v, sizeof v));
	buf_adds(b, ", \"threshold_text\": ");
	json_str(b, an_flag_threshold(&cf->f, t, sizeof t));
	buf_printf(b, ", \"window_first_day\": \"%s\"",
	    date_format(cf->f.first_day, d));
	buf_printf(b, ", \"window_last_day\": \"%s\"",
	    date_format(cf->f.last_day, d));
	buf_adds(b, ", \"reason\": ");
	json_str(b, an_flag_reason(&cf->f, ctx->cfg.dist_unit,
	    ctx->cfg.vol_unit, reason, sizeof reason));
	buf_adds(b, ", \"advice\": ");
	json_str(b, an_flag_advice(&cf->f));
	buf_adds(b, "}");
}

static void
print_json(const struct cli_ctx *ctx, int day, const struct cli_flag *cf,
    int n)
{
	struct buf b;
	char d[11];
	int i;

	buf_init(&b);
	buf_printf(&b, "{\"date\": \"%s\", \"flags\": [", date_format(day, d));
	for (i = 0; i < n; i++) {
		buf_adds(&b, i ? ",\n  " : "\n  ");
		json_flag(ctx, &b, &cf[i]);
	}
	buf_adds(&b, n ? "\n]}\n" : "]}\n");
	out_puts(stdout, b.data);
	buf_free(&b);
}

static void
print_text(const struct cli_ctx *ctx, int day, const struct cli_flag *cf,
    int n, int verbose)
{
	char ds[11];
	int i, shown = 0, hidden = 0;

	for (i = 0; i < n; i++) {
		if (cf[i].acked && !verbose) {
			hidden++;
			continue;
		}
		if (shown++ > 0 && verbose)
			out_puts(stdout, "\n");
		cli_print_flag_in(ctx, &cf[i].f, &cf[i], verbose, "");
	}
	if (n == 0)
		outf("No flags on %s.\n", date_format(day, ds));
	else if (hidden > 0)
		outf("%s%d acknowledged flag%s not shown (runlog check "
		    "--verbose shows %s).\n", shown ? "" : "Nothing new: ",
		    hidden, hidden == 1 ? "" : "s", hidden == 1 ? "it" : "them");
}

enum { CO_DATE, CO_VERBOSE, CO_NEW, CO_JSON };
static const struct opt check_opts[] = {
	{ "date", 'd', OPT_DATE, NULL }, { "verbose", 'v', OPT_FLAG, NULL },
	{ "new", 0, OPT_FLAG, NULL }, { "json", 0, OPT_FLAG, NULL },
	{ NULL, 0, 0, NULL },
};
const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.opts = check_opts,
	.usage = "[--date D] [--verbose] [--new] [--json]",
	.summary = "the warning flags of a day (exit 3 when any)",
	.exec = cmd_check,
};

int
cmd_check(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct store *st;
	struct cli_flag cf[AN_FLAGS_MAX];
	int day, n, i, rc, raise = 0;

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
	    (n = cli_day_flags(ctx, st, day, cf, NULL)) < 0)
		return cli_fail(NULL);
	if (cli_flag(&o, CO_JSON))
		print_json(ctx, day, cf, n);
	else
		print_text(ctx, day, cf, n, cli_flag(&o, CO_VERBOSE));
	for (i = 0; i < n; i++)
		if (!cf[i].acked && (!cli_flag(&o, CO_NEW) ||
		    cf[i].status == AN_EP_NEW || cf[i].status == AN_EP_ESCALATED))
			raise = 1;
	return raise ? EXIT_FLAGGED : 0;
}
