/*
 * series: the bridge from the journal to the analysis. It reads each kind
 * of entry once for the whole range (five bounded queries on the day
 * indexes), folds them into one struct an_day per calendar day, and runs
 * the analysis pass over the result.
 */
#include <stdlib.h>
#include <string.h>

#include "series.h"
#include "util.h"

int
series_load(struct store *st, int from, int to,
    const struct an_params *params, struct series *se)
{
	struct run *runs = NULL;
	struct sleep *sleeps = NULL;
	struct drink *drinks = NULL;
	struct checkin *cks = NULL;
	struct rest *rests = NULL;
	size_t nruns = 0, nsleeps = 0, ndrinks = 0, ncks = 0, nrests = 0, i, n;
	int first, last, start, rc = -1;

	memset(se, 0, sizeof *se);
	if (from > to) {
		err_set("the range ends before it starts");
		return -1;
	}
	se->from = from;
	se->to = to;
	switch (store_span(st, &first, &last)) {
	case 0:
		break;
	case 1:
		se->empty = 1;
		first = from;
		break;
	default:
		return -1;
	}
	/* The look-back, clipped to the journal's first day. */
	start = from - SERIES_LOOKBACK_DAYS;
	if (start < first)
		start = first < from ? first : from;
	n = (size_t)(to - start + 1);

	if (store_runs(st, start, to, &runs, &nruns) != 0 ||
	    store_sleeps(st, start, to, &sleeps, &nsleeps) != 0 ||
	    store_drinks(st, start, to, &drinks, &ndrinks) != 0 ||
	    store_checkins(st, start, to, &cks, &ncks) != 0 ||
	    store_rests(st, start, to, &rests, &nrests) != 0)
		goto out;

	se->days = xcalloc(n, sizeof *se->days);
	se->runs = xcalloc(nruns ? nruns : 1, sizeof *se->runs);
	se->m = xcalloc(n, sizeof *se->m);
	for (i = 0; i < n; i++) {
		se->days[i].day = start + (int)i;
		se->days[i].sleep_min = -1;
		se->days[i].fluid_ml = -1;
	}
	for (i = 0; i < nruns; i++) {
		struct an_day *d = &se->days[runs[i].day - start];
		struct an_run *r = &se->runs[i];

		r->distance_m = runs[i].distance_m;
		r->duration_s = runs[i].duration_s;
		r->rpe = runs[i].rpe;
		r->mass_before_g = runs[i].mass_before_g;
		r->mass_after_g = runs[i].mass_after_g;
		/* store_runs() orders by day: a day's runs are adjacent */
		if (d->nruns == 0)
			d->runs = r;
		d->nruns++;
	}
	for (i = 0; i < nsleeps; i++)
		se->days[sleeps[i].day - start].sleep_min = sleeps[i].minutes;
	for (i = 0; i < ndrinks; i++) {
		struct an_day *d = &se->days[drinks[i].day - start];

		if (d->fluid_ml < 0)
			d->fluid_ml = 0;
		d->fluid_ml += drinks[i].volume_ml;
	}
	for (i = 0; i < ncks; i++) {
		struct an_day *d = &se->days[cks[i].day - start];
		struct an_checkin *c = &d->ck;

		d->has_checkin = 1;
		c->fatigue = cks[i].fatigue;
		c->soreness = cks[i].soreness;
		c->mood = cks[i].mood;
		c->stress = cks[i].stress;
		c->rhr_bpm = cks[i].rhr;
		c->ill = cks[i].ill;
		c->pain = cks[i].pain;
		c->swelling = cks[i].swelling;
		c->numbness = cks[i].numbness;
		c->no_weight = cks[i].no_weight;
	}
	for (i = 0; i < nrests; i++)
		se->days[rests[i].day - start].rest = 1;

	se->s.days = se->days;
	se->s.ndays = n;
	se->s.journal_start = first;
	an_metrics_all(&se->s, params, se->m);
	rc = 0;
out:
	run_list_free(runs, nruns);
	sleep_list_free(sleeps, nsleeps);
	drink_list_free(drinks, ndrinks);
	checkin_list_free(cks, ncks);
	rest_list_free(rests, nrests);
	if (rc != 0)
		series_free(se);
	return rc;
}

void
series_free(struct series *se)
{
	free(se->days);
	free(se->runs);
	free(se->m);
	memset(se, 0, sizeof *se);
}

static long
index_of(const struct series *se, int day)
{
	long i;

	if (se->s.ndays == 0)
		return -1;
	i = (long)day - se->days[0].day;
	return i >= 0 && (size_t)i < se->s.ndays ? i : -1;
}

const struct an_metrics *
series_metrics(const struct series *se, int day)
{
	long i = index_of(se, day);

	return i < 0 ? NULL : &se->m[i];
}

const struct an_day *
series_day(const struct series *se, int day)
{
	long i = index_of(se, day);

	return i < 0 ? NULL : &se->days[i];
}

int
series_flags(const struct series *se, const struct an_params *params,
    int day, struct an_flag *out)
{
	const struct an_metrics *m = series_metrics(se, day);

	return m == NULL ? 0 : an_flags(m, params, out);
}
