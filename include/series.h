/*
 * series: loads the day series the analysis needs from the journal. A
 * range of days to show is loaded together with a bounded look-back
 * (SERIES_LOOKBACK_DAYS before it, or less when the journal starts later),
 * so showing one day reads about a year of rows, never the whole history.
 */
#ifndef RUNLOG_SERIES_H
#define RUNLOG_SERIES_H

#include <stddef.h>

#include "analysis.h"
#include "store.h"

/*
 * A year: every window of the rules fits in it, and the chronic EWMA
 * (lambda 2/29) gives the days before it a weight of (27/29)^365, under
 * 1e-11, so a ratio computed from a loaded series equals the one from the
 * journal's first day to display precision.
 */
#define SERIES_LOOKBACK_DAYS 365

struct series {
	struct an_series   s;        /* what analysis.h reads */
	struct an_day     *days;     /* s.ndays days, oldest first */
	struct an_run     *runs;     /* every run, in day order */
	struct an_metrics *m;        /* metrics of every day of s */
	int                from, to; /* the days asked for */
	int                empty;    /* the journal has no entries at all */
};

/*
 * Loads days from..to (inclusive, from <= to) with the look-back and
 * computes every day's metrics with params. 0, or -1 with err_set().
 */
int  series_load(struct store *st, int from, int to,
    const struct an_params *params, struct series *out);
/*
 * The same from entries already read: days start..to (start <= from <=
 * to), the journal's first day first. An entry dated outside start..to
 * is left out. For series_load() and for tests.
 */
int  series_from_entries(const struct entries *e, int start, int from,
    int to, int first, const struct an_params *params, struct series *out);
/*
 * Days from..to from their runs alone, without a look-back: only the
 * day's own run values of the metrics (distance, duration, runs, longest,
 * load) are right; every window, ratio and wellness value is not. For
 * distance calendars, totals and the fitness chart, which need nothing
 * else, so that their cost follows the days shown, not the other kinds.
 * 0, or -1 with err_set().
 */
int  series_load_runs(struct store *st, int from, int to,
    const struct an_params *params, struct series *out);
void series_free(struct series *se);
/* The metrics and day of a calendar day inside the series, or NULL. */
const struct an_metrics *series_metrics(const struct series *se, int day);
const struct an_day *series_day(const struct series *se, int day);
/* The flags holding on day (which must be inside the series); count. */
int  series_flags(const struct series *se, const struct an_params *params,
    int day, struct an_flag *out);

#endif
