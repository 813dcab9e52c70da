/*
 * cmd-week: runlog week, the weekly review as text. One row per day of
 * the week holding DATE (the configured first day), totals and averages,
 * the change of time and load against the week before, the rise of the
 * distance over the recent level (as check judges it), and the week's
 * flags. Days after today are listed empty and are not analysed.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "series.h"
#include "ui-data.h"
#include "units.h"
#include "util.h"

/* Sums of a run of days. */
struct sums {
	int64_t dist_m, dur_s, sleep_min, fluid_ml;
	double  load, fatigue;
	int     runs, days, nights, fluid_days, checkins;
};

static void
sums_add(struct sums *s, const struct an_metrics *m)
{
	if (m == NULL)
		return;   /* outside the journal: nothing to add */
	s->dist_m += m->distance_m;
	s->dur_s += m->duration_s;
	s->load += m->load;
	s->runs += m->nruns;
	s->days++;
	if (m->sleep_min >= 0) {
		s->sleep_min += m->sleep_min;
		s->nights++;
	}
	if (m->fluid_ml >= 0) {
		s->fluid_ml += m->fluid_ml;
		s->fluid_days++;
	}
	if (m->fatigue > 0) {
		s->fatigue += m->fatigue;
		s->checkins++;
	}
}

/* "+36%", or "-" when there is nothing to compare with. */
static char *
change(double now, double before, char *out)
{
	if (before <= 0)
		snprintf(out, 16, "-");
	else
		snprintf(out, 16, "%+.0f%%", (now - before) * 100.0 / before);
	return out;
}

static const struct opt week_opts[] = { { NULL, 0, 0, NULL } };
static const struct cmd_arg week_args[] = {
	{ "DATE", OPT_DATE, NULL, CMD_ARG_OPTIONAL }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_week_entry = {
	.name = "week",
	.opts = week_opts,
	.args = week_args,
	.usage = "[DATE]",
	.summary = "the weekly review as text",
	.exec = cmd_week,
};

/* The flags of the week: the worst of each, and the days it held. */
struct week_flags {
	struct an_flag worst[AN_FLAG_COUNT];
	int            held[AN_FLAG_COUNT][7];
	int            have[AN_FLAG_COUNT];
	int            any;
};

/* One row per day of the week from ws; adds each day to cur and wf. */
static void
print_days(const struct config *cfg, struct series *se, int ws,
    struct sums *cur, struct week_flags *wf)
{
	struct an_flag f[AN_FLAGS_MAX];
	char a[32], b[32], c[32], e[32], fat[8];
	int d, i, n, y, mo, da;

	for (d = ws; d <= ws + 6; d++) {
		const struct an_metrics *m = series_metrics(se, d);
		const struct an_day *dd = series_day(se, d);

		date_to_ymd(d, &y, &mo, &da);
		outf("%s %02d-%02d  ", date_weekday_name(d), mo, da);
		if (m == NULL) {
			out_puts(stdout, "\n");
			continue;
		}
		sums_add(cur, m);
		if (m->nruns > 0)
			outf("%10s %8s %5.0f", units_format_distance(m->distance_m,
			    cfg->dist_unit, a), units_format_duration(m->duration_s,
			    b), m->load);
		else
			outf("%10s %8s %5s", dd->rest ? "rest" : "-", "-", "0");
		snprintf(fat, sizeof fat, "%d/10", m->fatigue);
		outf(" %6s %8s %7s",
		    m->sleep_min >= 0 ? units_format_hours(m->sleep_min, c) : "-",
		    m->fluid_ml >= 0 ? units_format_volume(m->fluid_ml,
		    cfg->vol_unit, e) : "-", m->fatigue > 0 ? fat : "-");
		n = an_flags(m, &cfg->an, f);
		for (i = 0; i < n; i++) {
			enum an_flag_id id = f[i].id;

			outf("%s%s", i ? " " : "  ", an_flag_name(id));
			wf->held[id][d - ws] = 1;
			/* the most severe, then the latest, of the week */
			if (!wf->have[id] || f[i].severity >= wf->worst[id].severity)
				wf->worst[id] = f[i];
			wf->have[id] = 1;
			wf->any = 1;
		}
		out_puts(stdout, "\n");
	}
}

/*
 * The week's totals, its averages per day, the week before, the change of
 * time and load, and the progression of the distance on the day judged
 * (pr, from an_progress(): the rise that check's mileage-jump judges).
 */
static void
print_totals(const struct config *cfg, const struct sums *cur,
    const struct sums *prev, int so_far, const struct an_progress *pr)
{
	char a[32], b[32], c[32], e[32], p[200];

	outf("\n%-10s %10s %8s %5.0f  %d run%s\n", "Total",
	    units_format_distance(cur->dist_m, cfg->dist_unit, a),
	    units_format_duration(cur->dur_s, b), cur->load, cur->runs,
	    cur->runs == 1 ? "" : "s");
	if (cur->days > 0) {
		char fat[16] = "-";

		if (cur->checkins)
			snprintf(fat, sizeof fat, "%.1f/10",
			    cur->fatigue / cur->checkins);
		outf("%-10s %10s %8s %5.0f %6s %8s %7s\n", "Per day",
		    units_format_distance(cur->dist_m / cur->days,
		    cfg->dist_unit, a), units_format_duration(cur->dur_s /
		    cur->days, b), cur->load / cur->days,
		    cur->nights ? units_format_hours(cur->sleep_min /
		    cur->nights, c) : "-",
		    cur->fluid_days ? units_format_volume(cur->fluid_ml /
		    cur->fluid_days, cfg->vol_unit, e) : "-", fat);
	}
	outf("%-10s %10s %8s %5.0f  %d run%s\n", "Week before",
	    units_format_distance(prev->dist_m, cfg->dist_unit, a),
	    units_format_duration(prev->dur_s, b), prev->load, prev->runs,
	    prev->runs == 1 ? "" : "s");
	outf("%-10s %10s %8s %5s%s\n", "Change", "",
	    change((double)cur->dur_s, (double)prev->dur_s, b),
	    change(cur->load, prev->load, c),
	    so_far ? "   (this week so far)" : "");
	if (ui_progress_text(cfg, pr, UI_PROG_FULL, p, sizeof p) >= 0 && *p)
		outf("%-10s %s%s\n", "Distance", p, so_far ? " (as of today)" : "");
}

/* Each flag of the week once, at its most severe, with the days it held. */
static void
print_week_flags(const struct cli_ctx *ctx, const struct week_flags *wf,
    int ws)
{
	int sev, k, d;

	if (!wf->any) {
		outf("\nNo flags this week.\n");
		return;
	}
	outf("\nFlags this week:\n");
	for (sev = AN_ALERT; sev >= AN_NOTE; sev--) {
		for (k = 0; k < AN_FLAG_COUNT; k++) {
			if (!wf->have[k] || (int)wf->worst[k].severity != sev)
				continue;
			cli_print_flag(ctx, &wf->worst[k], 0, "  ");
			outf("  %-8s %-19s held on", "", "");
			for (d = 0; d < 7; d++)
				if (wf->held[k][d])
					outf(" %s", date_weekday_name(ws + d));
			out_puts(stdout, "\n");
		}
	}
}

int
cmd_week(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct config *cfg = &ctx->cfg;
	struct optres o;
	struct store *st;
	struct series se;
	struct sums cur, prev;
	struct week_flags wf;
	struct an_progress pr;
	char ds[11], ds2[11];
	int day, today, ws, we, last, d, rc;

	if ((rc = cli_parse(ctx, argc, argv, week_opts, &o)) != 0)
		return rc;
	if (o.npos > 1)
		return cli_usage("week", "unexpected argument '%.40s'", o.pos[1]);
	if (cli_report_date(o.npos ? o.pos[0] : NULL, &day) != 0)
		return 1;
	today = date_today();
	ws = date_week_start(day, cfg->week_start);
	we = ws + 6;
	last = we < today ? we : today;
	if (last < ws - 7)
		last = ws - 7;   /* a week still to come: blank rows */
	if ((st = cli_store_existing(ctx, 0)) == NULL)
		return 1;
	if (series_load(st, ws - 7, last, &cfg->an, &se) != 0)
		return cli_fail(NULL);

	memset(&cur, 0, sizeof cur);
	memset(&prev, 0, sizeof prev);
	memset(&wf, 0, sizeof wf);
	for (d = ws - 7; d < ws; d++)
		sums_add(&prev, series_metrics(&se, d));

	outf("Week of %s %s to %s %s\n\n", date_weekday_name(ws),
	    date_format(ws, ds), date_weekday_name(we), date_format(we, ds2));
	outf("%-10s %10s %8s %5s %6s %8s %7s  %s\n", "Day", "Distance",
	    "Time", "Load", "Sleep", "Fluid", "Fatigue", "Flags");
	print_days(cfg, &se, ws, &cur, &wf);
	memset(&pr, 0, sizeof pr);
	if (last >= ws && series_metrics(&se, last) != NULL)
		an_progress(series_metrics(&se, last), &cfg->an, &pr);
	print_totals(cfg, &cur, &prev, last < we, &pr);
	print_week_flags(ctx, &wf, ws);
	series_free(&se);
	return 0;
}
