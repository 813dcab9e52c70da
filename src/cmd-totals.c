/*
 * cmd-totals: runlog totals, distance, time, runs and load per month or
 * per year, oldest first, then the whole range. The sums are of the
 * analysis module's day metrics, so the load is the one the rules read.
 * Months (or years) without a run inside the range are listed with zeros.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "series.h"
#include "units.h"
#include "util.h"

enum { TO_BY, TO_FROM, TO_TO };
static const struct opt totals_opts[] = {
	{ "by", 0, OPT_CHOICE, "month|year" },
	{ "from", 'f', OPT_DATE, NULL }, { "to", 0, OPT_DATE, NULL },
	{ NULL, 0, 0, NULL },
};
const struct cmd_entry cmd_totals_entry = {
	.name = "totals",
	.opts = totals_opts,
	.usage = "[--by month|year] [-f D] [--to D]",
	.summary = "distance, time, runs and load per month or year",
	.exec = cmd_totals,
};

struct total {
	int64_t dist_m, dur_s;
	double  load;
	int     runs;
};

static void
print_total(const struct config *cfg, const char *label,
    const struct total *t)
{
	char a[32], b[32];

	outf("%-8s %10s %11s %5d %8.0f\n", label,
	    units_format_distance_num(t->dist_m, cfg->dist_unit, a),
	    units_format_duration(t->dur_s, b), t->runs, t->load);
}

/* The period of day: YYYYMM by month, YYYY by year, and its label. */
static int
period_of(int day, int by_year, char *label, size_t n)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (by_year) {
		snprintf(label, n, "%04d", y);
		return y;
	}
	snprintf(label, n, "%04d-%02d", y, m);
	return y * 100 + m;
}

/* Sums days from..to of se, one row per period. */
static void
print_periods(const struct config *cfg, const struct series *se, int from,
    int to, int by_year)
{
	struct total t, all;
	char label[16], cur[16];
	int d, key = -1, k;

	memset(&t, 0, sizeof t);
	memset(&all, 0, sizeof all);
	outf("%-8s %10s %11s %5s %8s\n", by_year ? "Year" : "Month",
	    units_distance_name(cfg->dist_unit), "Time", "Runs", "Load");
	for (d = from; d <= to; d++) {
		const struct an_metrics *m = series_metrics(se, d);

		k = period_of(d, by_year, label, sizeof label);
		if (k != key) {
			if (key >= 0)
				print_total(cfg, cur, &t);
			memset(&t, 0, sizeof t);
			key = k;
			memcpy(cur, label, sizeof cur);
		}
		if (m == NULL)
			continue;
		t.dist_m += m->distance_m;
		t.dur_s += m->duration_s;
		t.load += m->load;
		t.runs += m->nruns;
		all.dist_m += m->distance_m;
		all.dur_s += m->duration_s;
		all.load += m->load;
		all.runs += m->nruns;
	}
	print_total(cfg, cur, &t);
	print_total(cfg, "Total", &all);
}

int
cmd_totals(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct config *cfg = &ctx->cfg;
	const char *by;
	struct optres o;
	struct store *st;
	struct series se;
	int from, to, first, last, rc, by_year = 0;
	char ds[11];

	if ((rc = cli_parse(ctx, argc, argv, totals_opts, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage("totals", "unexpected argument '%.40s'",
		    o.pos[0]);
	if ((by = OPTVAL(&o, TO_BY)) != NULL) {
		if (strcmp(by, "year") == 0)
			by_year = 1;
		else if (strcmp(by, "month") != 0)
			return cli_usage("totals", "--by '%.40s': must be month "
			    "or year", by);
	}
	if (OPTVAL(&o, TO_FROM) != NULL &&
	    date_parse_rel(OPTVAL(&o, TO_FROM), 0, &from))
		return cli_usage("totals", "--from: %s", err_get());
	if (OPTVAL(&o, TO_TO) != NULL &&
	    date_parse_rel(OPTVAL(&o, TO_TO), 0, &to))
		return cli_usage("totals", "--to: %s", err_get());
	if ((st = cli_store_existing(ctx, 0)) == NULL)
		return 1;
	if ((rc = store_span(st, &first, &last)) < 0)
		return cli_fail(NULL);
	if (rc == 1) {
		outf("No entries yet.\n");
		return 0;
	}
	if (OPTVAL(&o, TO_FROM) == NULL)
		from = first;
	if (OPTVAL(&o, TO_TO) == NULL)
		to = date_today() > last ? date_today() : last;
	if (from > to)
		return cli_usage("totals", "--from %s is after --to",
		    date_format(from, ds));
	if (series_load(st, from, to, &cfg->an, &se) != 0)
		return cli_fail(NULL);
	print_periods(cfg, &se, from, to, by_year);
	series_free(&se);
	return 0;
}
