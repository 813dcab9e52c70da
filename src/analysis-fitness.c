/*
 * analysis-fitness: the pure part of fitness, records and the calendar
 * (include/fitness.h). Every formula is written once here; the commands
 * only load the days and print.
 */
#include <math.h>

#include "fitness.h"

double
fit_factor(int tau_days)
{
	return 1.0 - exp(-1.0 / tau_days);
}

void
fit_chart(const double *load, size_t n, struct fit_day *out)
{
	double kc = fit_factor(FIT_CTL_DAYS), ka = fit_factor(FIT_ATL_DAYS);
	double ctl = 0, atl = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		out[i].tsb = ctl - atl;
		ctl += (load[i] - ctl) * kc;
		atl += (load[i] - atl) * ka;
		out[i].ctl = ctl;
		out[i].atl = atl;
	}
}

int
fit_days_to_fresh(double ctl, double atl, int max)
{
	double kc = fit_factor(FIT_CTL_DAYS), ka = fit_factor(FIT_ATL_DAYS);
	int k;

	/* form on the k-th day of rest is the balance after k - 1 of them */
	for (k = 1; k <= max; k++) {
		if (ctl - atl >= 0)
			return k;
		ctl -= ctl * kc;
		atl -= atl * ka;
	}
	return -1;
}

long
fit_record(const struct fit_effort *e, size_t n, int64_t target_m)
{
	double over = target_m * (1.0 + FIT_RECORD_OVER);
	long best = -1;
	size_t i;

	for (i = 0; i < n; i++) {
		if (e[i].distance_m < target_m || e[i].distance_m > over)
			continue;
		if (best < 0 || e[i].duration_s < e[best].duration_s)
			best = (long)i;
	}
	return best;
}

double
fit_riegel(double t1_s, double d1_m, double d2_m)
{
	return t1_s * pow(d2_m / d1_m, FIT_RIEGEL_EXP);
}

long
fit_best_effort(const struct fit_effort *e, size_t n)
{
	long best = -1;
	double bv = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		double v = e[i].duration_s /
		    pow((double)e[i].distance_m, FIT_RIEGEL_EXP);

		if (best < 0 || v < bv) {
			best = (long)i;
			bv = v;
		}
	}
	return best;
}

int
fit_band(int64_t metres, const int64_t *edges, int nedges)
{
	int b = 1, i;

	if (metres <= 0)
		return 0;
	for (i = 0; i < nedges; i++)
		if (metres >= edges[i])
			b = i + 2;
	return b;
}
