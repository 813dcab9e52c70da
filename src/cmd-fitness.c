/*
 * cmd-fitness: runlog fitness, the performance management chart as text.
 * Fitness (CTL), fatigue (ATL) and form (TSB) are computed from zero,
 * FIT_LOOKBACK_DAYS before the first week shown (or on the journal's first
 * day when that is later), from the daily loads of the runs alone, by
 * fit_chart(); one row per week for the last N weeks (the values on
 * the week's last day), then one row per day for the last seven days, then
 * the days of rest until form is back to zero or more.
 */
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"
#include "cli.h"
#include "date.h"
#include "fitness.h"
#include "store.h"
#include "units.h"
#include "util.h"

#define FITNESS_DEFAULT_WEEKS 12
#define FITNESS_MAX_WEEKS     ((DATE_MAX - DATE_MIN) / 7 + 1)
#define FITNESS_DAYS          7

enum { FO_WEEKS, FO_DATE };
static const struct opt fitness_opts[] = {
	{ "weeks", 'w', OPT_VALUE, NULL }, { "date", 'd', OPT_DATE, NULL },
	{ NULL, 0, 0, NULL },
};
const struct cmd_entry cmd_fitness_entry = {
	.name = "fitness",
	.opts = fitness_opts,
	.usage = "[-w N] [-d D]",
	.summary = "fitness, fatigue and form, and days until fresh",
	.exec = cmd_fitness,
};

/* The journal's days first..last, charted. */
struct chart {
	int             first, last;
	double         *load;      /* AU, one per day */
	struct fit_day *d;
};

static const struct fit_day *
chart_day(const struct chart *c, int day)
{
	return day < c->first || day > c->last ? NULL : &c->d[day - c->first];
}

/*
 * Loads first..last and charts it: each day's load is the sum of its
 * runs' an_run_load(), as the analysis adds it up, read from the runs
 * alone. 0, or -1 with err_set().
 */
static int
chart_load(struct store *st, const struct config *cfg, int first, int last,
    struct chart *c)
{
	struct run *v;
	size_t i, nv, n = (size_t)(last - first + 1);

	if (store_runs_values(st, first, last, &v, &nv) != 0)
		return -1;
	c->first = first;
	c->last = last;
	c->load = xcalloc(n, sizeof *c->load);
	c->d = xcalloc(n, sizeof *c->d);
	for (i = 0; i < nv; i++) {
		struct an_run r = { 0 };

		if (v[i].day < first || v[i].day > last)
			continue;
		r.distance_m = v[i].distance_m;
		r.duration_s = v[i].duration_s;
		r.rpe = v[i].rpe;
		c->load[v[i].day - first] += an_run_load(&r, &cfg->an);
	}
	run_list_free(v, nv);
	fit_chart(c->load, n, c->d);
	return 0;
}

static void
print_row(const char *label, double load, const struct fit_day *f)
{
	if (f == NULL)
		outf("%-14s %6s %8s %8s %7s\n", label, "-", "-", "-", "-");
	else
		outf("%-14s %6.0f %8.1f %8.1f %+7.1f\n", label, load, f->ctl,
		    f->atl, f->tsb);
}

static void
print_weeks(const struct config *cfg, const struct chart *c, int day,
    int weeks)
{
	int ws0 = date_week_start(day, cfg->week_start) - 7 * (weeks - 1);
	int w, d;
	char ds[11];

	outf("%-14s %6s %8s %8s %7s\n", "Week of", "Load", "Fitness",
	    "Fatigue", "Form");
	for (w = 0; w < weeks; w++) {
		int ws = ws0 + 7 * w, end = ws + 6 < day ? ws + 6 : day;
		double load = 0;

		for (d = ws; d <= end; d++)
			if (d >= c->first && d <= c->last)
				load += c->load[d - c->first];
		print_row(date_format(ws, ds), load, chart_day(c, end));
	}
}

static void
print_days(const struct chart *c, int day)
{
	int d;
	char ds[11], label[16];

	outf("\n%-14s %6s %8s %8s %7s\n", "Day", "Load", "Fitness",
	    "Fatigue", "Form");
	for (d = day - FITNESS_DAYS + 1; d <= day; d++) {
		snprintf(label, sizeof label, "%s %s", date_weekday_name(d),
		    date_format(d, ds));
		print_row(label, d >= c->first ? c->load[d - c->first] : 0,
		    chart_day(c, d));
	}
}

/* The days of rest after day until form is zero or more. */
static void
print_fresh(const struct chart *c, int day)
{
	const struct fit_day *f = chart_day(c, day);
	char ds[11];
	int k;

	if (f->tsb >= 0) {
		outf("\nForm is %+.1f on %s: fresh already.\n", f->tsb,
		    date_format(day, ds));
		return;
	}
	k = fit_days_to_fresh(f->ctl, f->atl, FIT_FRESH_MAX);
	if (k < 0)
		outf("\nForm stays under 0 for more than %d days of rest after "
		    "%s.\n", FIT_FRESH_MAX, date_format(day, ds));
	else
		outf("\nFresh (form 0 or more) after %d day%s of rest, on %s "
		    "%s.\n", k, k == 1 ? "" : "s", date_weekday_name(day + k),
		    date_format(day + k, ds));
}

int
cmd_fitness(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct config *cfg = &ctx->cfg;
	struct optres o;
	struct store *st;
	struct chart c;
	int64_t weeks = FITNESS_DEFAULT_WEEKS;
	int day, first, last, start, rc;
	char ds[11];

	if ((rc = cli_parse(ctx, argc, argv, fitness_opts, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage("fitness", "unexpected argument '%.40s'",
		    o.pos[0]);
	if (OPTVAL(&o, FO_WEEKS) != NULL &&
	    (units_parse_int(OPTVAL(&o, FO_WEEKS), &weeks) != 0 ||
	    weeks < 1 || weeks > FITNESS_MAX_WEEKS)) {
		err_set("weeks '%.40s': must be a whole number from 1 to %d",
		    OPTVAL(&o, FO_WEEKS), (int)FITNESS_MAX_WEEKS);
		return cli_fail(NULL);
	}
	if (cli_report_date(OPTVAL(&o, FO_DATE), &day) != 0)
		return 1;
	if ((st = cli_store_existing(ctx, 0)) == NULL)
		return 1;
	if ((rc = store_span(st, &first, &last)) < 0)
		return cli_fail(NULL);
	if (rc == 1 || day < first) {
		outf("No load before %s: the chart starts on the journal's "
		    "first day.\n", date_format(day, ds));
		return 0;
	}
	/* Fitness forgets: a bounded look-back before the weeks shown. */
	start = date_week_start(day, cfg->week_start) - 7 * ((int)weeks - 1) -
	    FIT_LOOKBACK_DAYS;
	if (start < first)
		start = first;
	if (chart_load(st, cfg, start, day, &c) != 0)
		return cli_fail(NULL);
	outf("Fitness (CTL, 42-day), fatigue (ATL, 7-day) and form (TSB, "
	    "yesterday's\nfitness - fatigue), in load units per day, from 0 on "
	    "%s.\n\n", date_format(start, ds));
	print_weeks(cfg, &c, day, (int)weeks);
	print_days(&c, day);
	print_fresh(&c, day);
	free(c.load);
	free(c.d);
	return 0;
}
