/*
 * cmd-trends: runlog trends, one row per week (the configured first day)
 * for the last N weeks, oldest first, the current week last and partial:
 * distance, runs, longest run, load, the ACWR on the week's last day so
 * far, mean fatigue, sleep and fluid of the days logged, and the ids of
 * every flag that held on a day of the week. Weeks that ended before the
 * journal's first entry are no weeks of zero: they show "-" and stay out
 * of the mean printed last.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "series.h"
#include "units.h"
#include "util.h"

#define TRENDS_DEFAULT_WEEKS 12
#define TRENDS_MAX_WEEKS     ((DATE_MAX - DATE_MIN) / 7 + 1)

enum { TO_WEEKS };
static const struct opt trends_opts[] = {
	{ "weeks", 'w', OPT_VALUE, NULL }, { NULL, 0, 0, NULL },
};
const struct cmd_entry cmd_trends_entry = {
	.name = "trends",
	.opts = trends_opts,
	.usage = "[-w N]",
	.summary = "one row per week, newest last",
	.exec = cmd_trends,
};

static char *
dist_num(int64_t m, enum dist_unit du, char *out)
{
	snprintf(out, 32, "%.1f", du == UNIT_MI ? m / METRES_PER_MILE :
	    m / 1000.0);
	return out;
}

/* One week's sums, from its first day ws up to today. */
struct week_sum {
	int64_t dist, longest;
	double  load;
	int     runs;
};

/* Prints week ws's row and returns its sums. */
static struct week_sum
trends_week(const struct config *cfg, const struct series *se, int ws,
    int today, int before)
{
	struct week_sum w = { 0, 0, 0, 0 };
	struct an_flag f[AN_FLAGS_MAX];
	int d, k, nfat = 0, nsl = 0, nfl = 0, seen[AN_FLAG_COUNT], nseen = 0;
	int64_t sleep = 0, fluid = 0;
	double fat = 0, acwr = -1;
	char a[32] = "-", b[32] = "-", c[16] = "-", e[16] = "-", g[16] = "-";
	char h[16] = "-", r[16] = "-", l[16] = "-", ds[11];

	memset(seen, 0, sizeof seen);
	for (d = ws; d < ws + 7 && d <= today; d++) {
		const struct an_metrics *m = series_metrics(se, d);
		int n, i;

		w.dist += m->distance_m;
		w.runs += m->nruns;
		w.load += m->load;
		if (m->longest_m > w.longest)
			w.longest = m->longest_m;
		if (m->fatigue > 0) {
			fat += m->fatigue;
			nfat++;
		}
		if (m->sleep_min >= 0) {
			sleep += m->sleep_min;
			nsl++;
		}
		if (m->fluid_ml >= 0) {
			fluid += m->fluid_ml;
			nfl++;
		}
		acwr = m->acwr;
		n = an_flags(m, &cfg->an, f);
		for (i = 0; i < n; i++)
			seen[f[i].id] = 1;
	}
	if (!before) {
		dist_num(w.dist, cfg->dist_unit, a);
		dist_num(w.longest, cfg->dist_unit, b);
		snprintf(r, sizeof r, "%d", w.runs);
		snprintf(l, sizeof l, "%.0f", w.load);
	}
	if (acwr >= 0)
		snprintf(c, sizeof c, "%.2f", acwr);
	if (nfat)
		snprintf(e, sizeof e, "%.1f", fat / nfat);
	if (nsl)
		units_format_hours(sleep / nsl, g);
	if (nfl)
		snprintf(h, sizeof h, "%.2f", cfg->vol_unit == UNIT_FLOZ ?
		    fluid / nfl / ML_PER_FLOZ : fluid / nfl / 1000.0);
	outf("%-10s %7s %4s %7s %6s %5s %7s %5s %6s", date_format(ws, ds), a, r,
	    b, l, c, e, g, h);
	for (k = 0; k < AN_FLAG_COUNT; k++)
		if (seen[k])
			outf("%s%s", nseen++ ? "," : "  ", an_flag_name(k));
	out_puts(stdout, "\n");
	return w;
}

int
cmd_trends(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct config *cfg = &ctx->cfg;
	struct optres o;
	struct store *st;
	struct series se;
	struct week_sum sum = { 0, 0, 0, 0 }, one;
	int64_t weeks = TRENDS_DEFAULT_WEEKS;
	int today, first, w, rc, begun, last, nmean = 0;
	char a[32], b[32];

	if ((rc = cli_parse(ctx, argc, argv, trends_opts, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage("trends", "unexpected argument '%.40s'",
		    o.pos[0]);
	if (OPTVAL(&o, TO_WEEKS) != NULL &&
	    (units_parse_int(OPTVAL(&o, TO_WEEKS), &weeks) != 0 ||
	    weeks < 1 || weeks > TRENDS_MAX_WEEKS)) {
		err_set("weeks '%.40s': must be a whole number from 1 to %d",
		    OPTVAL(&o, TO_WEEKS), (int)TRENDS_MAX_WEEKS);
		return cli_fail(NULL);
	}
	today = date_today();
	first = date_week_start(today, cfg->week_start) - 7 * ((int)weeks - 1);
	if ((st = cli_store_existing(ctx, 0)) == NULL)
		return 1;
	/* The day the journal began; an empty one has not begun. */
	if ((rc = store_span(st, &begun, &last)) < 0)
		return cli_fail(NULL);
	if (rc == 1)
		begun = DATE_MAX + 1;
	if (series_load(st, first, today, &cfg->an, &se) != 0)
		return cli_fail(NULL);

	/* The header is written once the config has set the units. */
	outf("%-10s %7s %4s %7s %6s %5s %7s %5s %6s  %s\n", "Week of",
	    units_distance_name(cfg->dist_unit), "Runs", "Longest", "Load",
	    "ACWR", "Fatigue", "Sleep",
	    cfg->vol_unit == UNIT_FLOZ ? "oz/day" : "l/day", "Flags");
	for (w = 0; w < weeks; w++) {
		int ws = first + 7 * w, before = ws + 6 < begun;

		one = trends_week(cfg, &se, ws, today, before);
		/* The mean is of whole weeks since the journal began. */
		if (!before && ws + 6 <= today) {
			sum.dist += one.dist;
			sum.runs += one.runs;
			sum.load += one.load;
			sum.longest += one.longest;
			nmean++;
		}
	}
	if (nmean > 0)
		outf("%-10s %7s %4.1f %7s %6.0f  (of %d whole week%s since the "
		    "journal began)\n", "Mean", dist_num(sum.dist / nmean,
		    cfg->dist_unit, a), (double)sum.runs / nmean,
		    dist_num(sum.longest / nmean, cfg->dist_unit, b),
		    sum.load / nmean, nmean, nmean == 1 ? "" : "s");
	series_free(&se);
	return 0;
}
