/*
 * analysis-fitness: the pure part of fitness, records and the calendar
 * (include/fitness.h). Every formula is written once here; the commands
 * only load the days and print.
 */
#include <math.h>
#include <string.h>

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

/* The bands' rising edges: 5, 10, 20 km or 3, 6, 12 mi, in metres. */
static const int64_t edges_km[FIT_CAL_EDGES] = { 5000, 10000, 20000 };
static const int64_t edges_mi[FIT_CAL_EDGES] = { 4828, 9656, 19312 };
static const int nominal_km[FIT_CAL_EDGES] = { 5, 10, 20 };
static const int nominal_mi[FIT_CAL_EDGES] = { 3, 6, 12 };

const int64_t *
fit_cal_edges(int miles)
{
	return miles ? edges_mi : edges_km;
}

const int *
fit_cal_nominal(int miles)
{
	return miles ? nominal_mi : nominal_km;
}

const char *
fit_cal_glyph(int band, int utf8)
{
	static const char *const shade_utf8[FIT_CAL_BANDS] = {
		"\u00b7", "\u2591", "\u2592", "\u2593", "\u2588",
	};
	static const char *const shade_ascii[FIT_CAL_BANDS] = {
		".", ":", "+", "*", "#",
	};

	if (band < 0 || band >= FIT_CAL_BANDS)
		return " ";
	return utf8 ? shade_utf8[band] : shade_ascii[band];
}

void
fit_calendar(struct fit_cal *c, int jan1, int ndays, int first,
    const int64_t *dist_m, int from, int to, int miles)
{
	const int64_t *e = fit_cal_edges(miles);
	int i;

	memset(c, 0, sizeof *c);
	if (ndays < 0)
		ndays = 0;
	if (ndays > 366)
		ndays = 366;
	c->jan1 = jan1;
	c->ndays = ndays;
	c->first = first;
	c->weeks = ndays > 0 ? (jan1 + ndays - 1 - first) / 7 + 1 : 0;
	for (i = 0; i < ndays; i++) {
		int d = jan1 + i;

		if (d < from || d > to) {
			c->band[i] = FIT_CAL_BLANK;
			continue;
		}
		c->band[i] = (signed char)fit_band(dist_m[i], e, FIT_CAL_EDGES);
		if (dist_m[i] > 0) {
			c->total_m += dist_m[i];
			c->days_run++;
		}
	}
}

int
fit_cal_cell(const struct fit_cal *c, int d, int *col, int *row)
{
	if (d < c->jan1 || d >= c->jan1 + c->ndays)
		return -1;
	*col = (d - c->first) / 7;
	*row = (d - c->first) % 7;
	return 0;
}

void
fit_total_add(struct fit_total *t, const struct an_metrics *m)
{
	if (m == NULL)
		return;
	t->distance_m += m->distance_m;
	t->duration_s += m->duration_s;
	t->load += m->load;
	t->runs += m->nruns;
	t->days_run += m->distance_m > 0;
}

int
fit_change_pct(const struct fit_total *now, const struct fit_total *before,
    double *pct)
{
	if (before->distance_m <= 0)
		return -1;
	*pct = 100.0 * (double)(now->distance_m - before->distance_m) /
	    (double)before->distance_m;
	return 0;
}
