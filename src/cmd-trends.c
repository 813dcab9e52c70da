/*
 * cmd-trends: runlog trends, one row per week (the configured first day)
 * for the last N weeks, oldest first, the current week last and partial:
 * distance, runs, longest run, load, the ACWR on the week's last day so
 * far, mean fatigue, sleep and fluid of the days logged, and the ids of
 * every flag that held on a day of the week.
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
	{ "weeks", 'n', OPT_VALUE, NULL }, { NULL, 0, 0, NULL },
};
const struct cmd_entry cmd_trends_entry = {
	.name = "trends",
	.opts = trends_opts,
	.usage = "[--weeks N]",
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

int
cmd_trends(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct config *cfg = &ctx->cfg;
	struct optres o;
	struct store *st;
	struct series se;
	struct an_flag f[AN_FLAGS_MAX];
	int64_t weeks = TRENDS_DEFAULT_WEEKS;
	int today, first, w, rc;
	const char *du = units_distance_name(cfg->dist_unit);

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
	if ((st = cli_store(ctx)) == NULL)
		return 1;
	if (series_load(st, first, today, &cfg->an, &se) != 0)
		return cli_fail(NULL);

	outf("%-10s %7s %4s %7s %6s %5s %7s %5s %6s  %s\n", "Week of",
	    du, "Runs", "Longest", "Load", "ACWR", "Fatigue", "Sleep",
	    cfg->vol_unit == UNIT_FLOZ ? "oz/day" : "l/day", "Flags");
	for (w = 0; w < weeks; w++) {
		int ws = first + 7 * w, d, k, runs = 0, nfat = 0, nsl = 0;
		int nfl = 0, seen[AN_FLAG_COUNT], nseen = 0;
		int64_t dist = 0, longest = 0, sleep = 0, fluid = 0;
		double load = 0, fat = 0, acwr = -1;
		char a[32], b[32], c[16] = "-", e[16] = "-", g[16] = "-";
		char h[16] = "-", ds[11];

		memset(seen, 0, sizeof seen);
		for (d = ws; d < ws + 7 && d <= today; d++) {
			const struct an_metrics *m = series_metrics(&se, d);
			int n, i;

			dist += m->distance_m;
			runs += m->nruns;
			load += m->load;
			if (m->longest_m > longest)
				longest = m->longest_m;
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
		if (acwr >= 0)
			snprintf(c, sizeof c, "%.2f", acwr);
		if (nfat)
			snprintf(e, sizeof e, "%.1f", fat / nfat);
		if (nsl)
			units_format_hours(sleep / nsl, g);
		if (nfl)
			snprintf(h, sizeof h, "%.2f", cfg->vol_unit == UNIT_FLOZ ?
			    fluid / nfl / ML_PER_FLOZ : fluid / nfl / 1000.0);
		outf("%-10s %7s %4d %7s %6.0f %5s %7s %5s %6s",
		    date_format(ws, ds), dist_num(dist, cfg->dist_unit, a), runs,
		    dist_num(longest, cfg->dist_unit, b), load, c, e, g, h);
		for (k = 0; k < AN_FLAG_COUNT; k++)
			if (seen[k])
				outf("%s%s", nseen++ ? "," : "  ", an_flag_name(k));
		out_puts(stdout, "\n");
	}
	series_free(&se);
	return 0;
}
