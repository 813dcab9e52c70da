/*
 * cmd-records: runlog records, the best time over 5 km, 10 km, the half
 * and the full marathon, each taken from one whole run (a race, or any run
 * with --all) whose distance is the record's distance up to 3% over it.
 * The run's own time stands as it is, never scaled to the record's
 * distance. Then Riegel's estimate of each distance from the best of
 * those runs. The choices and the formulas are fitness.h's.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "date.h"
#include "fitness.h"
#include "units.h"
#include "util.h"

enum { RO_ALL };
static const struct opt records_opts[] = {
	{ "all", 'a', OPT_FLAG, NULL }, { NULL, 0, 0, NULL },
};
const struct cmd_entry cmd_records_entry = {
	.name = "records",
	.opts = records_opts,
	.usage = "[-a]",
	.summary = "best 5 km, 10 km, half and marathon, with estimates",
	.exec = cmd_records,
};

static const struct {
	const char *name;
	int64_t     metres;
} records[] = {
	{ "5 km", 5000 }, { "10 km", 10000 }, { "Half", 21098 },
	{ "Marathon", 42195 },
};
#define NRECORDS (sizeof records / sizeof records[0])
/* The half is 21097.5 m; the stored metres are whole: 21098 is the least. */
static const double record_exact_m[NRECORDS] = { 5000, 10000, 21097.5,
	42195 };

/* The runs looked at, with their efforts in the same order. */
struct pool {
	const struct run **run;
	struct fit_effort *eff;
	size_t             n;
};

static void
pool_fill(const struct entries *e, int all, struct pool *p)
{
	size_t i;

	p->run = xcalloc(e->nruns + 1, sizeof *p->run);
	p->eff = xcalloc(e->nruns + 1, sizeof *p->eff);
	p->n = 0;
	for (i = 0; i < e->nruns; i++) {
		if (!all && e->runs[i].type != RUN_RACE)
			continue;
		p->run[p->n] = &e->runs[i];
		p->eff[p->n].distance_m = e->runs[i].distance_m;
		p->eff[p->n].duration_s = e->runs[i].duration_s;
		p->n++;
	}
}

/* Prints the table; the reference run of the estimates, or NULL. */
static const struct run *
print_records(const struct config *cfg, const struct pool *p)
{
	struct fit_effort best[NRECORDS];
	const struct run *bestrun[NRECORDS], *ref = NULL;
	size_t k, nb = 0;
	long i;
	char t[32], d[32], pace[32], ds[11], est[32], id[24];

	for (k = 0; k < NRECORDS; k++) {
		i = fit_record(p->eff, p->n, records[k].metres);
		bestrun[k] = i < 0 ? NULL : p->run[i];
		if (i >= 0)
			best[nb++] = p->eff[i];
	}
	if ((i = fit_best_effort(best, nb)) >= 0)
		for (k = 0; k < NRECORDS; k++)
			if (bestrun[k] != NULL && i-- == 0)
				ref = bestrun[k];
	outf("%-9s %8s %9s %11s %-10s %-6s %9s\n", "Record", "Time",
	    "Distance", "Pace", "Date", "Id", "Estimate");
	for (k = 0; k < NRECORDS; k++) {
		const struct run *r = bestrun[k];

		snprintf(est, sizeof est, "-");
		if (ref != NULL)
			units_format_duration((int64_t)(fit_riegel(
			    (double)ref->duration_s, (double)ref->distance_m,
			    record_exact_m[k]) + 0.5), est);
		if (r == NULL) {
			outf("%-9s %8s %9s %11s %-10s %-6s %9s\n",
			    records[k].name, "-", "", "", "", "", est);
			continue;
		}
		snprintf(id, sizeof id, "r%" PRId64, r->id);
		outf("%-9s %8s %9s %11s %-10s %-6s %9s\n", records[k].name,
		    units_format_duration(r->duration_s, t),
		    units_format_distance(r->distance_m, cfg->dist_unit, d),
		    units_format_pace(r->distance_m, r->duration_s,
		    cfg->dist_unit, pace), date_format(r->day, ds), id, est);
	}
	return ref;
}

int
cmd_records(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct config *cfg = &ctx->cfg;
	const struct run *ref;
	struct optres o;
	struct store *st;
	struct entries e;
	struct pool p;
	int first, last, rc, all;
	char ds[11], d[32], t[32];

	if ((rc = cli_parse(ctx, argc, argv, records_opts, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage("records", "unexpected argument '%.40s'",
		    o.pos[0]);
	all = cli_flag(&o, RO_ALL);
	if ((st = cli_store_existing(ctx, 0)) == NULL)
		return 1;
	if ((rc = store_span(st, &first, &last)) < 0)
		return cli_fail(NULL);
	if (rc == 1)
		first = last = date_today();
	if (store_load(st, first, last, &e) != 0)
		return cli_fail(NULL);
	pool_fill(&e, all, &p);
	outf("Fastest whole %s at each distance (up to 3%% longer, its own "
	    "time):\n\n", all ? "run" : "race");
	ref = print_records(cfg, &p);
	if (ref != NULL)
		outf("\nEstimates (Riegel, T2 = T1 x (D2/D1)^1.06) from the "
		    "best of these: %s in %s on %s.\n",
		    units_format_distance(ref->distance_m, cfg->dist_unit, d),
		    units_format_duration(ref->duration_s, t),
		    date_format(ref->day, ds));
	else if (!all)
		outf("\nNo race at these distances: runlog records --all "
		    "looks at every run.\n");
	free(p.run);
	free(p.eff);
	entries_free(&e);
	return 0;
}
