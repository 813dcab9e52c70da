/*
 * analysis: times the full analysis of a journal with its day series in
 * memory. The series of every day from the journal's first to END is
 * loaded once; then each pass, timed on its own, computes every day's
 * metrics (an_metrics_all), the flags of every day and the episodes of
 * every rule (an_episodes_list), and the fitness chart of every day
 * (fit_chart). Prints the median pass in milliseconds, and the flags and
 * episodes it found so that a pass that does nothing shows.
 *
 *   analysis PATH END-DAY [PASSES]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "analysis.h"
#include "date.h"
#include "fitness.h"
#include "series.h"
#include "store.h"
#include "util.h"

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	struct an_params p;
	struct series se;
	struct store *st;
	struct an_episode *ep;
	struct an_flag f[AN_FLAGS_MAX];
	struct fit_day *fd;
	double *load, *ms;
	size_t n, i, cap, nep = 0;
	long nflags = 0;
	int end, first, last, passes, k;

	if (argc < 3 || date_parse(argv[2], &end) != 0) {
		fprintf(stderr, "usage: analysis PATH YYYY-MM-DD [PASSES]\n");
		return 2;
	}
	passes = argc > 3 ? atoi(argv[3]) : 9;
	if (passes < 1)
		passes = 1;
	an_params_defaults(&p);
	if (store_open_read(argv[1], &st) != 0 ||
	    store_span(st, &first, &last) != 0 ||
	    series_load(st, first, end, &p, &se) != 0) {
		fprintf(stderr, "analysis: %s\n", err_get());
		return 1;
	}
	n = se.s.ndays;
	cap = an_episodes_max(n);
	ep = xcalloc(cap, sizeof *ep);
	load = xcalloc(n, sizeof *load);
	fd = xcalloc(n, sizeof *fd);
	ms = xcalloc((size_t)passes, sizeof *ms);
	for (k = 0; k < passes; k++) {
		double t0 = now_ms();

		an_metrics_all(&se.s, &p, se.m);
		nflags = 0;
		for (i = 0; i < n; i++) {
			nflags += an_flags(&se.m[i], &p, f);
			load[i] = se.m[i].load;
		}
		nep = an_episodes_list(se.m, n, &p, first, ep, cap);
		fit_chart(load, n, fd);
		ms[k] = now_ms() - t0;
	}
	qsort(ms, (size_t)passes, sizeof *ms, cmp_double);
	printf("%.2f ms (median of %d passes over %zu days: %ld flags, %zu "
	    "episodes, fitness %.1f)\n", ms[passes / 2], passes, n, nflags,
	    nep, fd[n - 1].ctl);
	free(ms);
	free(fd);
	free(load);
	free(ep);
	series_free(&se);
	store_close(st);
	return 0;
}
