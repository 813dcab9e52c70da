/*
 * series: the bridge from the journal to the analysis. It reads every kind
 * of entry once for the whole range (store_load(), bounded queries on the
 * day indexes), folds them into one struct an_day per calendar day, and
 * runs the analysis pass over the result.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "series.h"
#include "util.h"

/* The index of day in the n days from start, or -1 when outside. */
static long
slot_of(int day, int start, size_t n)
{
	long i = (long)day - start;

	return i >= 0 && (size_t)i < n ? i : -1;
}

/*
 * Folds the entries into days (s.ndays days from start). Whatever the
 * store returns, nothing is written outside the day array: an entry
 * whose day falls outside is left out. Planned runs (e->plans) are never
 * folded in: a plan is not training done.
 */
static void
series_fold(struct series *se, const struct entries *e, int start)
{
	size_t n = se->s.ndays, i, nr = 0;
	long k;

	for (i = 0; i < n; i++) {
		se->days[i].day = start + (int)i;
		se->days[i].sleep_min = -1;
		se->days[i].fluid_ml = -1;
	}
	for (i = 0; i < e->nruns; i++) {
		struct an_day *d;
		struct an_run *r;

		if ((k = slot_of(e->runs[i].day, start, n)) < 0)
			continue;
		d = &se->days[k];
		r = &se->runs[nr++];
		r->distance_m = e->runs[i].distance_m;
		r->duration_s = e->runs[i].duration_s;
		r->rpe = e->runs[i].rpe;
		r->mass_before_g = e->runs[i].mass_before_g;
		r->mass_after_g = e->runs[i].mass_after_g;
		/* store_load() orders by day: a day's runs are adjacent */
		if (d->nruns == 0)
			d->runs = r;
		d->nruns++;
	}
	for (i = 0; i < e->nsleeps; i++)
		if ((k = slot_of(e->sleeps[i].day, start, n)) >= 0)
			se->days[k].sleep_min = e->sleeps[i].minutes;
	for (i = 0; i < e->ndrinks; i++) {
		if ((k = slot_of(e->drinks[i].day, start, n)) < 0)
			continue;
		if (se->days[k].fluid_ml < 0)
			se->days[k].fluid_ml = 0;
		se->days[k].fluid_ml += e->drinks[i].volume_ml;
	}
	for (i = 0; i < e->ncheckins; i++) {
		const struct checkin *c = &e->checkins[i];
		struct an_checkin *a;

		if ((k = slot_of(c->day, start, n)) < 0)
			continue;
		se->days[k].has_checkin = 1;
		a = &se->days[k].ck;
		a->fatigue = c->fatigue;
		a->soreness = c->soreness;
		a->mood = c->mood;
		a->stress = c->stress;
		a->rhr_bpm = c->rhr;
		a->hrv_ms = c->hrv_ms;
		a->ill = c->ill;
		a->pain = c->pain;
		a->swelling = c->swelling;
		a->numbness = c->numbness;
		a->no_weight = c->no_weight;
	}
	for (i = 0; i < e->nrests; i++)
		if ((k = slot_of(e->rests[i].day, start, n)) >= 0)
			se->days[k].rest = 1;
}

int
series_from_entries(const struct entries *e, int start, int from, int to,
    int first, const struct an_params *params, struct series *se)
{
	size_t n;

	memset(se, 0, sizeof *se);
	if (from > to || start > from) {
		err_set("the range ends before it starts");
		return -1;
	}
	n = (size_t)(to - start + 1);
	se->from = from;
	se->to = to;
	se->days = xcalloc(n, sizeof *se->days);
	se->runs = xcalloc(e->nruns ? e->nruns : 1, sizeof *se->runs);
	se->m = xcalloc(n, sizeof *se->m);
	se->s.days = se->days;
	se->s.ndays = n;
	se->s.journal_start = first;
	series_fold(se, e, start);
	an_metrics_all(&se->s, params, se->m);
	return 0;
}

/*
 * The journal's first day into *first (from when it is empty, with
 * *empty set): one query, not the span's two. 0, or -1 with the error.
 */
static int
series_first(struct store *st, int from, int to, int *first, int *empty)
{
	if (from > to) {
		err_set("the range ends before it starts");
		return -1;
	}
	*empty = 0;
	switch (store_day_after(st, DATE_MIN - 1, first)) {
	case 0:
		return 0;
	case 1:
		*empty = 1;
		*first = from;
		return 0;
	default:
		return -1;
	}
}

int
series_load(struct store *st, int from, int to,
    const struct an_params *params, struct series *se)
{
	struct entries e;
	int first, start, empty, rc;

	memset(se, 0, sizeof *se);
	if (series_first(st, from, to, &first, &empty) != 0)
		return -1;
	/* The look-back, clipped to the journal's first day. */
	start = from - SERIES_LOOKBACK_DAYS;
	if (start < first)
		start = first < from ? first : from;
	if (store_load_values(st, start, to, &e) != 0)
		return -1;
	rc = series_from_entries(&e, start, from, to, first, params, se);
	se->empty = empty;
	entries_free(&e);
	return rc;
}

int
series_load_runs(struct store *st, int from, int to,
    const struct an_params *params, struct series *se)
{
	struct entries e;
	int first, empty, rc;

	memset(se, 0, sizeof *se);
	memset(&e, 0, sizeof e);
	if (series_first(st, from, to, &first, &empty) != 0)
		return -1;
	if (store_runs_values(st, from, to, &e.runs, &e.nruns) != 0)
		return -1;
	rc = series_from_entries(&e, from, from, to, first, params, se);
	entries_free(&e);
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
