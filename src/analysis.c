/*
 * analysis: the parameters and the metrics pass of the flag rules.
 *
 * The pass (an_pass_next) visits days oldest first and runs one update
 * step per group of metrics (an_steps[]); each step keeps either a scalar
 * (the EWMA loads, the last day of illness, the raw streaks) or a window
 * sum that gains the newest day and loses the day that falls out of the
 * window. Days before the first element of the series are empty: no runs,
 * no entries. The rules (analysis-rules.c) then decide the flags of one day
 * from that day's metrics alone. The exact rule texts are in the FLAGS
 * section of man/runlog.1; keep the two in step.
 */
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"

void
an_params_defaults(struct an_params *p)
{
	memset(p, 0, sizeof(*p));
	p->jump_days = 7;
	p->jump_warn_pct = 10.0;
	p->jump_alert_pct = 30.0;
	p->jump_floor_km = 10.0;
	p->jump_level_weeks = 4;
	p->jump_hold_days = 3;
	p->spike_days = 30;
	p->spike_pct = 110.0;
	p->spike_min_days = 14;
	p->acwr_acute_days = 7;
	p->acwr_chronic_days = 28;
	p->acwr_min_days = 28;
	p->acwr_min_chronic = 5.0;
	p->acwr_min_run_days = 8;
	p->acwr_warn = 1.3;
	p->acwr_alert = 1.5;
	p->acwr_hold_days = 2;
	p->load_per_km = 24.0;
	p->monotony_days = 7;
	p->monotony_max = 2.0;
	p->monotony_base_days = 28;
	p->monotony_load_pct = 110.0;
	p->fatigue_level = 7;
	p->fatigue_warn_days = 3;
	p->fatigue_alert_days = 7;
	p->soreness_level = 6;
	p->soreness_days = 3;
	p->mood_level = 2;
	p->mood_days = 3;
	p->signs_days = 7;
	p->illness_days = 14;
	p->perf_recent_days = 14;
	p->perf_base_days = 28;
	p->perf_min_runs = 2;
	p->perf_decline_pct = 5.0;
	p->rhr_baseline_days = 14;
	p->rhr_min_readings = 4;
	p->rhr_rise_bpm = 5.0;
	p->rhr_days = 2;
	p->rhr_shift_days = 14;
	p->hrv_days = 7;
	p->hrv_min_readings = 3;
	p->hrv_base_days = 60;
	p->hrv_base_min_readings = 20;
	p->hrv_sd_factor = 0.5;
	p->hrv_hold_days = 3;
	p->sleep_days = 7;
	p->sleep_mean_h = 7.0;
	p->sleep_min_nights = 4;
	p->short_sleep_h = 6.0;
	p->short_sleep_nights = 3;
	p->dehydration_pct = 2.0;
	p->fluid_target_ml = 2000;
	p->low_fluid_days = 3;
}

#define P_INT(k, lo, hi, h) { #k, offsetof(struct an_params, k), 1, lo, hi, h }
#define P_DBL(k, lo, hi, h) { #k, offsetof(struct an_params, k), 0, lo, hi, h }

/* Windows stop at 365 days: the series loader looks back one year. */
const struct an_param_info an_param_table[] = {
	P_INT(jump_days, 1, 183, "mileage-jump: days in each window"),
	P_DBL(jump_warn_pct, 0, 1000, "mileage-jump: warning above this rise, %"),
	P_DBL(jump_alert_pct, 0, 1000, "mileage-jump: alert above this rise, %"),
	P_DBL(jump_floor_km, 0, 3500, "mileage-jump: no flag when the recent level is under this, km"),
	P_INT(jump_level_weeks, 1, 8, "mileage-jump: windows before the last one that set the recent level"),
	P_INT(jump_hold_days, 1, 7, "mileage-jump: days a window's distance must hold to count"),
	P_INT(spike_days, 1, 365, "long-run-spike: days searched for the longest run"),
	P_DBL(spike_pct, 100, 1000, "long-run-spike: a run above this % of that longest run"),
	P_INT(spike_min_days, 1, 365, "long-run-spike: days from the first run before any spike"),
	P_INT(acwr_acute_days, 1, 365, "acwr: N of the acute EWMA"),
	P_INT(acwr_chronic_days, 1, 365, "acwr: N of the chronic EWMA"),
	P_INT(acwr_min_days, 1, 365, "acwr: days from the first run before any ratio"),
	P_INT(acwr_min_run_days, 1, 365, "acwr: days with a run needed in the chronic window"),
	P_DBL(acwr_min_chronic, 0.001, 10000, "acwr: no ratio below this chronic load, AU/day"),
	P_DBL(acwr_warn, 0.5, 10, "acwr: warning above this ratio"),
	P_DBL(acwr_alert, 0.5, 10, "acwr: alert above this ratio"),
	P_INT(acwr_hold_days, 1, 28, "acwr: consecutive days the ratio must stay above a band"),
	P_DBL(load_per_km, 1, 1000, "load of a run without RPE, AU per km"),
	P_INT(monotony_days, 2, 365, "monotony: days in the window"),
	P_DBL(monotony_max, 0.1, 10, "monotony: warning above this"),
	P_INT(monotony_base_days, 7, 365, "monotony: days before the window that give the usual load"),
	P_DBL(monotony_load_pct, 0, 1000, "monotony: only when the window's load is above this % of the usual"),
	P_INT(fatigue_level, 1, 10, "persistent-fatigue: a check-in at or above this level counts"),
	P_INT(fatigue_warn_days, 1, 365, "persistent-fatigue: warning at this many days"),
	P_INT(fatigue_alert_days, 1, 365, "persistent-fatigue: alert at this many days"),
	P_INT(soreness_level, 1, 10, "overtraining-signs: soreness at or above this counts"),
	P_INT(soreness_days, 1, 365, "overtraining-signs: on at least this many check-ins"),
	P_INT(mood_level, 1, 5, "overtraining-signs: mood at or below this counts"),
	P_INT(mood_days, 1, 365, "overtraining-signs: on at least this many check-ins"),
	P_INT(signs_days, 1, 365, "overtraining-signs: days searched for soreness and mood"),
	P_INT(illness_days, 1, 365, "persistent-fatigue and overtraining-signs: fatigue within this many days of an illness is put down to it"),
	P_INT(perf_recent_days, 1, 183, "overtraining-signs: recent days of runs for pace"),
	P_INT(perf_base_days, 1, 183, "overtraining-signs: earlier days compared with them"),
	P_INT(perf_min_runs, 1, 100, "overtraining-signs: runs with RPE needed in each"),
	P_DBL(perf_decline_pct, 0, 100, "overtraining-signs: pace slower by more than this, %"),
	P_INT(rhr_baseline_days, 1, 365, "resting-hr: days of the baseline"),
	P_INT(rhr_min_readings, 1, 365, "resting-hr: readings needed for a baseline"),
	P_DBL(rhr_rise_bpm, 0, 100, "resting-hr: rise over the baseline, bpm"),
	P_INT(rhr_days, 1, 365, "resting-hr: raised readings in a row"),
	P_INT(rhr_shift_days, 1, 365, "resting-hr: days a raise lasts before it is the new baseline"),
	P_INT(hrv_days, 1, 91, "hrv-low: days of the rolling mean of ln rMSSD"),
	P_INT(hrv_min_readings, 1, 91, "hrv-low: readings needed for the rolling mean"),
	P_INT(hrv_base_days, 2, 273, "hrv-low: days before the rolling mean's window that give the baseline"),
	P_INT(hrv_base_min_readings, 2, 273, "hrv-low: readings needed for a baseline"),
	P_DBL(hrv_sd_factor, 0, 5, "hrv-low: warning when the rolling mean is this many baseline SDs below the baseline mean"),
	P_INT(hrv_hold_days, 1, 28, "hrv-low: consecutive days the rolling mean must stay under that threshold"),
	P_INT(sleep_days, 1, 365, "sleep-debt: days of the mean"),
	P_DBL(sleep_mean_h, 0, 24, "sleep-debt: warning when the mean is below this, hours"),
	P_INT(sleep_min_nights, 1, 365, "sleep-debt: nights logged needed for a mean"),
	P_DBL(short_sleep_h, 0, 24, "sleep-debt: a night below this is short, hours"),
	P_INT(short_sleep_nights, 1, 365, "sleep-debt: short nights in a row"),
	P_DBL(dehydration_pct, 0, 50, "dehydration: body-mass loss over a run above this, %"),
	P_INT(low_fluid_days, 1, 365, "low-fluid: days in a row under the fluid target"),
};
const size_t an_param_count = sizeof(an_param_table) / sizeof(an_param_table[0]);

int
an_params_set(struct an_params *p, const char *key, const char *value,
    char *err, size_t errsz)
{
	const struct an_param_info *pi = NULL;
	char *end;
	double v;
	size_t i;

	for (i = 0; i < an_param_count; i++)
		if (strcmp(an_param_table[i].key, key) == 0)
			pi = &an_param_table[i];
	if (pi == NULL) {
		snprintf(err, errsz, "unknown key \"%s\" in [flags]", key);
		return -1;
	}
	while (*value == ' ' || *value == '\t')
		value++;
	v = strtod(value, &end);
	while (*end == ' ' || *end == '\t')
		end++;
	if (*value == '\0' || *end != '\0' || !isfinite(v) ||
	    (pi->is_int && v != floor(v)) || v < pi->min || v > pi->max) {
		if (pi->is_int)
			snprintf(err, errsz, "bad value \"%s\" for %s: must be a "
			    "whole number from %g to %g", value, key, pi->min,
			    pi->max);
		else
			snprintf(err, errsz, "bad value \"%s\" for %s: must be a "
			    "number from %g to %g", value, key, pi->min, pi->max);
		return -1;
	}
	if (pi->is_int)
		*(int *)(void *)((char *)p + pi->offset) = (int)v;
	else
		*(double *)(void *)((char *)p + pi->offset) = v;
	return 0;
}

int
an_params_check(const struct an_params *p, char *err, size_t errsz)
{
	if (p->jump_alert_pct < p->jump_warn_pct) {
		snprintf(err, errsz, "jump_alert_pct (%g) is below jump_warn_pct "
		    "(%g)", p->jump_alert_pct, p->jump_warn_pct);
		return -1;
	}
	if (p->acwr_alert < p->acwr_warn) {
		snprintf(err, errsz, "acwr_alert (%g) is below acwr_warn (%g)",
		    p->acwr_alert, p->acwr_warn);
		return -1;
	}
	if (p->acwr_min_run_days > p->acwr_chronic_days) {
		snprintf(err, errsz, "acwr_min_run_days (%d) is more than "
		    "acwr_chronic_days (%d)", p->acwr_min_run_days,
		    p->acwr_chronic_days);
		return -1;
	}
	if (p->fatigue_alert_days < p->fatigue_warn_days) {
		snprintf(err, errsz, "fatigue_alert_days (%d) is below "
		    "fatigue_warn_days (%d)", p->fatigue_alert_days,
		    p->fatigue_warn_days);
		return -1;
	}
	if (p->rhr_min_readings > p->rhr_baseline_days) {
		snprintf(err, errsz, "rhr_min_readings (%d) is more than "
		    "rhr_baseline_days (%d)", p->rhr_min_readings,
		    p->rhr_baseline_days);
		return -1;
	}
	if (p->hrv_min_readings > p->hrv_days) {
		snprintf(err, errsz, "hrv_min_readings (%d) is more than "
		    "hrv_days (%d)", p->hrv_min_readings, p->hrv_days);
		return -1;
	}
	if (p->hrv_base_min_readings > p->hrv_base_days) {
		snprintf(err, errsz, "hrv_base_min_readings (%d) is more than "
		    "hrv_base_days (%d)", p->hrv_base_min_readings,
		    p->hrv_base_days);
		return -1;
	}
	if (p->sleep_min_nights > p->sleep_days) {
		snprintf(err, errsz, "sleep_min_nights (%d) is more than "
		    "sleep_days (%d)", p->sleep_min_nights, p->sleep_days);
		return -1;
	}
	return 0;
}

double
an_run_load(const struct an_run *r, const struct an_params *p)
{
	if (r->rpe > 0)
		return r->rpe * (r->duration_s / 60.0);
	return r->distance_m / 1000.0 * p->load_per_km;
}

/* The day at index i of the series, or NULL before its start. */
static const struct an_day *
day_at(const struct an_series *s, long i)
{
	if (i < 0 || (size_t)i >= s->ndays)
		return NULL;
	return &s->days[i];
}

static int64_t
day_distance(const struct an_day *d)
{
	int64_t sum = 0;
	int k;

	if (d == NULL)
		return 0;
	for (k = 0; k < d->nruns; k++)
		sum += d->runs[k].distance_m;
	return sum;
}

static double
day_load(const struct an_day *d, const struct an_params *p)
{
	double sum = 0;
	int k;

	if (d == NULL)
		return 0;
	for (k = 0; k < d->nruns; k++)
		sum += an_run_load(&d->runs[k], p);
	return sum;
}

static int64_t
day_longest(const struct an_day *d)
{
	int64_t best = 0;
	int k;

	if (d == NULL)
		return 0;
	for (k = 0; k < d->nruns; k++)
		if (d->runs[k].distance_m > best)
			best = d->runs[k].distance_m;
	return best;
}

/* The check-in of a day, or NULL. */
static const struct an_checkin *
day_ck(const struct an_day *d)
{
	return d != NULL && d->has_checkin ? &d->ck : NULL;
}

/* Runs with an RPE: distance, duration, RPE sum and count. */
static void
day_perf(const struct an_day *d, int64_t *dist, int64_t *dur, int64_t *rpe,
    int64_t *n, int sign)
{
	int k;

	if (d == NULL)
		return;
	for (k = 0; k < d->nruns; k++) {
		if (d->runs[k].rpe <= 0)
			continue;
		*dist += sign * d->runs[k].distance_m;
		*dur += sign * d->runs[k].duration_s;
		*rpe += sign * d->runs[k].rpe;
		*n += sign;
	}
}

enum { ST_ABSENT, ST_YES, ST_NO };

/* Feeds day's state into a raw streak (the consecutive-days rule). */
static void
streak_feed(struct an_streak *st, int day, int state)
{
	if (state == ST_NO) {
		st->len = 0;
	} else if (state == ST_YES) {
		if (st->len > 0 && st->last >= day - 2) {
			st->len++;
		} else {
			st->len = 1;
			st->first = day;
		}
		st->last = day;
	}
}

/* The streak as it holds on day: its last counted day is day or day - 1. */
static struct an_streak
streak_holding(const struct an_streak *st, int day)
{
	struct an_streak none = { 0, 0, 0 };

	if (st->len > 0 && st->last >= day - 1)
		return *st;
	return none;
}

void
an_pass_init(struct an_pass *ps, const struct an_series *s,
    const struct an_params *p)
{
	memset(ps, 0, sizeof(*ps));
	ps->s = s;
	ps->p = p;
	ps->la = 2.0 / (p->acwr_acute_days + 1);
	ps->lc = 2.0 / (p->acwr_chronic_days + 1);
	ps->last_ill = INT_MIN;
	ps->rhr_from = INT_MIN;
	ps->rhr_shift_day = INT_MIN;
}

/* The day being added by the pass, as every update step sees it. */
struct an_at {
	const struct an_series   *s;
	const struct an_params   *p;
	const struct an_day      *d;
	const struct an_checkin  *ck;     /* the day's check-in, or NULL */
	long                      i;      /* its index in the series */
	int                       day;
	int                       start;  /* journal_start */
};

/* The day that falls k days back from the day being added, or NULL. */
static const struct an_day *
back(const struct an_at *a, long k)
{
	return day_at(a->s, a->i - k);
}

/*
 * The day itself: distance, longest run, duration, load, logged values;
 * and the first run of the series, where the load history starts.
 */
static void
upd_day(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	int k;

	if (a->d->nruns > 0 && !ps->ran) {
		ps->ran = 1;
		ps->first_run = a->day;
	}
	m->distance_m = day_distance(a->d);
	m->longest_m = day_longest(a->d);
	m->nruns = a->d->nruns;
	for (k = 0; k < a->d->nruns; k++)
		m->duration_s += a->d->runs[k].duration_s;
	m->load = day_load(a->d, a->p);
	m->fatigue = a->ck ? a->ck->fatigue : 0;
	m->sleep_min = a->d->sleep_min;
	m->fluid_ml = a->d->fluid_ml;
}

/* Distance of the W days to index e; -1 when they reach before the journal. */
static int64_t
window_distance(const struct an_at *a, long e, int W)
{
	int64_t sum = 0;
	long k;

	if (e < 0 || (size_t)e >= a->s->ndays ||
	    a->s->days[e].day - W + 1 < a->start)
		return -1;
	for (k = 0; k < W; k++)
		sum += day_distance(day_at(a->s, e - k));
	return sum;
}

/*
 * The distance held over the W-day windows ending at e, e-1 .. e-H+1 (H =
 * jump_hold_days): the smallest of them, so a run moved by up to H-1 days,
 * which puts two weeks' long runs in one window for at most H-1 days,
 * does not count as a rise. Windows that reach before the journal are
 * left out; -1 when none is left.
 */
static int64_t
held_distance(const struct an_at *a, long e)
{
	int64_t best = -1, v;
	int j;

	for (j = 0; j < a->p->jump_hold_days; j++) {
		v = window_distance(a, e - j, a->p->jump_days);
		if (v >= 0 && (best < 0 || v < best))
			best = v;
	}
	return best;
}

/*
 * mileage-jump: the distance held in the last W days against the recent
 * level, the most held in any of the jump_level_weeks windows of W days
 * before them (ending at d-W, d-2W ...). A return to a distance run in
 * those weeks is not a rise.
 */
static void
upd_jump(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	int W = a->p->jump_days, k;
	int64_t v;

	ps->dist_win += m->distance_m - day_distance(back(a, W));
	ps->dist_prev += day_distance(back(a, W)) -
	    day_distance(back(a, 2 * W));
	m->dist_win_m = ps->dist_win;
	m->dist_prev_m = ps->dist_prev;
	m->jump_held_m = held_distance(a, a->i);
	m->jump_level_m = -1;
	for (k = 1; k <= a->p->jump_level_weeks; k++) {
		v = held_distance(a, a->i - (long)k * W);
		if (v > m->jump_level_m)
			m->jump_level_m = v;
	}
	m->jump_ready = m->jump_held_m >= 0 && m->jump_level_m >= 0;
}

/*
 * long-run-spike: longest single run on d-spike_days..d-1, judged once the
 * first run is spike_min_days before d: until then nothing is known of
 * the runner's long runs.
 */
static void
upd_spike(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	long k;

	for (k = 1; k <= a->p->spike_days; k++) {
		int64_t l = day_longest(back(a, k));
		if (l > m->longest_prev_m)
			m->longest_prev_m = l;
	}
	m->spike_ready = ps->ran &&
	    a->day - ps->first_run >= a->p->spike_min_days;
}

/*
 * acwr: EWMA_d = lambda x load_d + (1 - lambda) x EWMA_d-1, from 0 before
 * the series, then divided by the weight the t days since the first run
 * carry, 1 - (1 - lambda)^t: the days before the first run in the series
 * are unknown, not days of zero load, like the days before the journal.
 * (A steady runner's ratio is 1 from the first run; after a few months
 * the divisor is 1.) The ratio needs a real base: acwr_min_days days
 * since the first run, acwr_min_run_days days with a run and a chronic
 * load of acwr_min_chronic in the chronic window. The days in a row to d
 * above each band are counted for acwr_hold_days.
 */
static void
upd_acwr(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	const struct an_params *p = a->p;
	const struct an_day *o = back(a, p->acwr_chronic_days);
	int t;

	ps->run_days += (m->nruns > 0) - (o != NULL && o->nruns > 0);
	m->acwr_run_days = ps->run_days;
	ps->acute = ps->la * m->load + (1 - ps->la) * ps->acute;
	ps->chronic = ps->lc * m->load + (1 - ps->lc) * ps->chronic;
	m->acwr = -1;
	if (ps->ran) {
		t = a->day - ps->first_run + 1;
		m->acute = ps->acute / (1 - pow(1 - ps->la, t));
		m->chronic = ps->chronic / (1 - pow(1 - ps->lc, t));
		if (t >= p->acwr_min_days &&
		    m->chronic >= p->acwr_min_chronic &&
		    ps->run_days >= p->acwr_min_run_days)
			m->acwr = m->acute / m->chronic;
	}
	ps->acwr_warn_run = m->acwr > p->acwr_warn ? ps->acwr_warn_run + 1 : 0;
	ps->acwr_alert_run = m->acwr > p->acwr_alert ?
	    ps->acwr_alert_run + 1 : 0;
	m->acwr_warn_run = ps->acwr_warn_run;
	m->acwr_alert_run = ps->acwr_alert_run;
}

/*
 * monotony: mean / population SD of the daily loads of the window; and
 * the runner's usual load for as many days, from the monotony_base_days
 * before the window (known once they follow the first run).
 */
static void
upd_monotony(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	const struct an_params *p = a->p;
	int W = p->monotony_days, B = p->monotony_base_days;
	double sum = 0, var = 0, mean, base = 0;
	long k;

	for (k = 0; k < W; k++)
		sum += day_load(back(a, k), p);
	mean = sum / W;
	for (k = 0; k < W; k++) {
		double x = day_load(back(a, k), p) - mean;
		var += x * x;
	}
	m->load_win = sum;
	m->mono_mean = mean;
	m->mono_sd = sqrt(var / W);
	m->monotony = -1;
	if (a->day - W + 1 >= a->start && mean > 0)
		/* the SD is floored at a tenth of the mean: at most 10 */
		m->monotony = mean / fmax(m->mono_sd, mean / 10);
	m->mono_usual = -1;
	if (!ps->ran || a->day - W - B + 1 < ps->first_run ||
	    a->day - W - B + 1 < a->start)
		return;
	for (k = W; k < W + B; k++)
		base += day_load(back(a, k), p);
	m->mono_usual = base / B * W;
}

/* persistent-fatigue: check-ins at or above fatigue_level in a row. A
 * check-in without a rating (wellness values only) is no reading. */
static void
upd_fatigue(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	int state = a->ck == NULL || a->ck->fatigue <= 0 ? ST_ABSENT :
	    a->ck->fatigue >= a->p->fatigue_level ? ST_YES : ST_NO;

	streak_feed(&ps->fat, a->day, state);
	m->fatigue_hi = streak_holding(&ps->fat, a->day);
}

/* Overtraining companions: soreness and mood in the window, illness. */
static void
upd_signs(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	const struct an_params *p = a->p;
	const struct an_day *o = back(a, p->signs_days);

	if (a->ck && a->ck->soreness >= p->soreness_level)
		ps->sore_n++;
	if (a->ck && a->ck->mood > 0 && a->ck->mood <= p->mood_level)
		ps->mood_n++;
	if (day_ck(o) && o->ck.soreness >= p->soreness_level)
		ps->sore_n--;
	if (day_ck(o) && o->ck.mood > 0 && o->ck.mood <= p->mood_level)
		ps->mood_n--;
	m->soreness_n = ps->sore_n;
	m->mood_n = ps->mood_n;
	if (a->ck && a->ck->ill)
		ps->last_ill = a->day;
	m->last_ill = ps->last_ill;
}

/* Overtraining companion: slower pace at the same effort. */
static void
upd_perf(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	const struct an_params *p = a->p;
	int W = p->perf_recent_days;
	const struct an_day *o = back(a, W);

	day_perf(a->d, &ps->rp_dist, &ps->rp_dur, &ps->rp_rpe, &ps->rp_n, 1);
	day_perf(o, &ps->rp_dist, &ps->rp_dur, &ps->rp_rpe, &ps->rp_n, -1);
	day_perf(o, &ps->bp_dist, &ps->bp_dur, &ps->bp_rpe, &ps->bp_n, 1);
	day_perf(back(a, W + p->perf_base_days), &ps->bp_dist, &ps->bp_dur,
	    &ps->bp_rpe, &ps->bp_n, -1);
	m->runs_recent = (int)ps->rp_n;
	m->runs_base = (int)ps->bp_n;
	m->pace_recent = m->pace_base = m->rpe_recent = m->rpe_base = -1;
	if (ps->rp_n > 0) {
		m->pace_recent = ps->rp_dur / (ps->rp_dist / 1000.0);
		m->rpe_recent = (double)ps->rp_rpe / ps->rp_n;
	}
	if (ps->bp_n > 0) {
		m->pace_base = ps->bp_dur / (ps->bp_dist / 1000.0);
		m->rpe_base = (double)ps->bp_rpe / ps->bp_n;
	}
	/*
	 * Slower at the same or a higher mean RPE, with perf_min_runs runs in
	 * each window (days before the journal have none); compared in
	 * integers where possible: rpe_r / n_r >= rpe_b / n_b and dur_r / dist_r >
	 * dur_b / dist_b x (1 + pct / 100).
	 */
	m->perf_decline = ps->rp_n >= p->perf_min_runs &&
	    ps->bp_n >= p->perf_min_runs &&
	    ps->rp_rpe * ps->bp_n >= ps->bp_rpe * ps->rp_n &&
	    (double)ps->rp_dur * ps->bp_dist * 100.0 >
	    (double)ps->bp_dur * ps->rp_dist * (100.0 + p->perf_decline_pct);
}

/*
 * resting-hr: the baseline is the mean of the readings of d-B..d-1, from
 * the start of the last shift on. While a run of raised readings lasts,
 * each is compared with the baseline from before the run, so they do not
 * raise their own bar; once the run has lasted rhr_shift_days (a new
 * watch, a change of fitness), it is a shift: the run ends and its
 * readings become the baseline.
 */
static void
upd_rhr(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	const struct an_params *p = a->p;
	const struct an_day *o;
	int state = ST_ABSENT, n = 0, k;
	int64_t sum = 0;

	m->rhr_bpm = a->ck ? a->ck->rhr_bpm : 0;
	for (k = 1; k <= p->rhr_baseline_days; k++) {
		o = back(a, k);
		if (o == NULL || o->day < ps->rhr_from)
			break;
		if (day_ck(o) && o->ck.rhr_bpm > 0) {
			sum += o->ck.rhr_bpm;
			n++;
		}
	}
	m->rhr_baseline = -1;
	if (n >= p->rhr_min_readings && n > 0)
		m->rhr_baseline = (double)sum / n;
	if (m->rhr_bpm > 0) {
		int alive = ps->rhr.len > 0 && ps->rhr.last >= a->day - 2;
		double base = alive ? ps->rhr_streak_base : m->rhr_baseline;

		if (base < 0) {
			state = ST_ABSENT;
		} else if (m->rhr_bpm >= base + p->rhr_rise_bpm) {
			state = ST_YES;
			if (!alive)
				ps->rhr_raised_sum = ps->rhr_raised_n = 0;
			ps->rhr_raised_sum += m->rhr_bpm;
			ps->rhr_raised_n++;
			ps->rhr_streak_base = base;
			ps->rhr_last_bpm = m->rhr_bpm;
			ps->rhr_last_baseline = base;
		} else {
			state = ST_NO;
		}
	}
	streak_feed(&ps->rhr, a->day, state);
	if (state == ST_YES &&
	    ps->rhr.last - ps->rhr.first + 1 >= p->rhr_shift_days) {
		ps->rhr_shift_day = a->day;
		ps->rhr_shift_first = ps->rhr_from = ps->rhr.first;
		ps->rhr_shift_old = ps->rhr_streak_base;
		ps->rhr_shift_new = (double)ps->rhr_raised_sum /
		    ps->rhr_raised_n;
		ps->rhr.len = 0;
	}
	m->rhr_hi = streak_holding(&ps->rhr, a->day);
	m->rhr_last_bpm = ps->rhr_last_bpm;
	m->rhr_last_baseline = ps->rhr_last_baseline;
	m->rhr_shift_day = ps->rhr_shift_day;
	m->rhr_shift_first = ps->rhr_shift_first;
	m->rhr_shift_old = ps->rhr_shift_old;
	m->rhr_shift_new = ps->rhr_shift_new;
}

/*
 * hrv-low sums ln rMSSD in fixed point: units of 1e-12. The sums gain and
 * lose whole numbers, so they are exact: a window's mean and SD depend on
 * its readings alone, never on how far back the pass began or on the
 * rounding of the years before (a reading of 300 ms is 5.7e12 units, its
 * square 3.3e13; 273 days of them stay far inside int64_t).
 */
#define HRV_FX 1e12

/* The HRV reading of a day, or 0. */
static int
day_hrv(const struct an_day *d)
{
	const struct an_checkin *c = day_ck(d);

	return c != NULL && c->hrv_ms > 0 ? c->hrv_ms : 0;
}

/* Adds (sign 1) or removes (sign -1) a day's reading to or from sums. */
static void
hrv_feed(const struct an_day *d, int sign, int64_t *sum, int64_t *sq,
    int *n)
{
	int v = day_hrv(d);
	double l;

	if (v == 0)
		return;
	l = log((double)v);
	*sum += sign * llround(l * HRV_FX);
	if (sq != NULL)
		*sq += sign * llround(l * l * HRV_FX);
	*n += sign;
}

/*
 * hrv-low (Plews 2013, 2014): the mean of ln rMSSD over the readings of
 * the W days to d (W = hrv_days), and the baseline, mean and sample SD of
 * the readings of the B days before that window (B = hrv_base_days): the
 * window is left out, so a dip does not pull down its own bar. Both are
 * sliding sums: a day enters the window, the day W back moves from the
 * window into the baseline, the day W + B back leaves the baseline.
 */
static void
upd_hrv(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	const struct an_params *p = a->p;
	const struct an_day *o = back(a, p->hrv_days);
	double n, s, q, var;
	int run;

	hrv_feed(a->d, 1, &ps->hrv_sum7, NULL, &ps->hrv_n7);
	hrv_feed(o, -1, &ps->hrv_sum7, NULL, &ps->hrv_n7);
	hrv_feed(o, 1, &ps->hrv_base_sum, &ps->hrv_base_sq, &ps->hrv_base_n);
	hrv_feed(back(a, p->hrv_days + p->hrv_base_days), -1,
	    &ps->hrv_base_sum, &ps->hrv_base_sq, &ps->hrv_base_n);
	m->hrv_ms = day_hrv(a->d);
	m->hrv_n7 = ps->hrv_n7;
	m->hrv_base_n = ps->hrv_base_n;
	m->hrv_mean7 = m->hrv_base_mean = m->hrv_base_sd = -1;
	run = ps->hrv_low_run;
	m->hrv_low_run = ps->hrv_low_run = 0;
	if (ps->hrv_n7 >= p->hrv_min_readings && ps->hrv_n7 > 0)
		m->hrv_mean7 = ps->hrv_sum7 / HRV_FX / ps->hrv_n7;
	if (ps->hrv_base_n < p->hrv_base_min_readings || ps->hrv_base_n < 2)
		return;
	n = ps->hrv_base_n;
	s = ps->hrv_base_sum / HRV_FX;
	q = ps->hrv_base_sq / HRV_FX;
	/* sample SD: the baseline is a sample of the runner's variation */
	var = (q - s * s / n) / (n - 1);
	m->hrv_base_mean = s / n;
	m->hrv_base_sd = var > 0 ? sqrt(var) : 0;
	/*
	 * The weekly mean of a steady runner dips under the band on about
	 * one day in ten by chance alone; a dip that lasts is what matters.
	 */
	if (m->hrv_mean7 >= 0 && m->hrv_mean7 <
	    m->hrv_base_mean - p->hrv_sd_factor * m->hrv_base_sd)
		m->hrv_low_run = ps->hrv_low_run = run + 1;
}

/* sleep-debt: mean of the nights logged in d-W+1..d; short nights. */
static void
upd_sleep(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	const struct an_params *p = a->p;
	const struct an_day *o = back(a, p->sleep_days);
	int state;

	if (a->d->sleep_min >= 0) {
		ps->sleep_sum += a->d->sleep_min;
		ps->sleep_n++;
	}
	if (o != NULL && o->sleep_min >= 0) {
		ps->sleep_sum -= o->sleep_min;
		ps->sleep_n--;
	}
	m->sleep_nights = ps->sleep_n;
	m->sleep_mean_min = -1;
	if (ps->sleep_n >= p->sleep_min_nights && ps->sleep_n > 0)
		m->sleep_mean_min = (double)ps->sleep_sum / ps->sleep_n;
	state = a->d->sleep_min < 0 ? ST_ABSENT :
	    a->d->sleep_min < p->short_sleep_h * 60 ? ST_YES : ST_NO;
	streak_feed(&ps->slp, a->day, state);
	m->sleep_short = streak_holding(&ps->slp, a->day);
}

/* dehydration: the largest mass loss of the day's runs. */
static void
upd_mass(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	int k;

	(void)ps;
	for (k = 0; k < a->d->nruns; k++) {
		const struct an_run *r = &a->d->runs[k];
		double loss;

		if (r->mass_before_g <= 0 || r->mass_after_g <= 0)
			continue;
		loss = (double)(r->mass_before_g - r->mass_after_g) * 100.0 /
		    r->mass_before_g;
		if (!m->mass_known || loss > m->mass_loss_pct) {
			m->mass_known = 1;
			m->mass_loss_pct = loss;
			m->mass_before_g = r->mass_before_g;
			m->mass_after_g = r->mass_after_g;
		}
	}
}

/* low-fluid: days in a row under the target. */
static void
upd_fluid(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	int state = a->d->fluid_ml < 0 ? ST_ABSENT :
	    a->d->fluid_ml < a->p->fluid_target_ml ? ST_YES : ST_NO;

	streak_feed(&ps->flu, a->day, state);
	m->fluid_low = streak_holding(&ps->flu, a->day);
}

/* 1 when c answers the morning's questions: a rating or a sign, not only
 * the values a watch measures (resting HR, HRV, body mass). */
static int
ck_answered(const struct an_checkin *c)
{
	return c->fatigue > 0 || c->soreness > 0 || c->mood > 0 ||
	    c->stress > 0 || c->ill || c->pain || c->swelling || c->numbness ||
	    c->no_weight;
}

/* injury-signs: today's answered check-in, or yesterday's until today's. */
static void
upd_injury(struct an_pass *ps, const struct an_at *a, struct an_metrics *m)
{
	const struct an_day *o = a->ck && ck_answered(a->ck) ? a->d :
	    back(a, 1);
	const struct an_checkin *c = day_ck(o);

	(void)ps;
	if (c == NULL)
		return;
	m->injury_signs = (c->pain ? AN_SIGN_PAIN : 0) |
	    (c->swelling ? AN_SIGN_SWELLING : 0) |
	    (c->numbness ? AN_SIGN_NUMBNESS : 0) |
	    (c->no_weight ? AN_SIGN_NO_WEIGHT : 0);
	m->injury_day = o->day;
}

/*
 * The update steps, indexed by AN_M_*: each keeps its own running state in
 * struct an_pass and fills its part of struct an_metrics. They run in this
 * order; the later ones may read what upd_day filled in.
 */
static void (*const an_steps[AN_M_COUNT])(struct an_pass *,
    const struct an_at *, struct an_metrics *) = {
	[AN_M_DAY] = upd_day,
	[AN_M_JUMP] = upd_jump,
	[AN_M_SPIKE] = upd_spike,
	[AN_M_ACWR] = upd_acwr,
	[AN_M_MONOTONY] = upd_monotony,
	[AN_M_FATIGUE] = upd_fatigue,
	[AN_M_SIGNS] = upd_signs,
	[AN_M_PERF] = upd_perf,
	[AN_M_RHR] = upd_rhr,
	[AN_M_HRV] = upd_hrv,
	[AN_M_SLEEP] = upd_sleep,
	[AN_M_MASS] = upd_mass,
	[AN_M_FLUID] = upd_fluid,
	[AN_M_INJURY] = upd_injury,
};

int
an_pass_next(struct an_pass *ps, struct an_metrics *m)
{
	struct an_at a;
	size_t k;

	if (ps->i >= ps->s->ndays)
		return 0;
	a.s = ps->s;
	a.p = ps->p;
	a.d = &ps->s->days[ps->i];
	a.ck = day_ck(a.d);
	a.i = (long)ps->i;
	a.day = a.d->day;
	a.start = ps->s->journal_start;
	memset(m, 0, sizeof(*m));
	m->day = a.day;
	for (k = 0; k < AN_M_COUNT; k++)
		an_steps[k](ps, &a, m);
	ps->i++;
	return 1;
}

void
an_metrics_all(const struct an_series *s, const struct an_params *p,
    struct an_metrics *m)
{
	struct an_pass ps;
	size_t i = 0;

	an_pass_init(&ps, s, p);
	while (an_pass_next(&ps, &m[i]))
		i++;
}

enum an_ep_status
an_episode_status(const struct an_episode *e, int day)
{
	if (!e->open || e->last_day != day)
		return AN_EP_NONE;
	if (e->first_day == day)
		return AN_EP_NEW;
	if (e->level_day == day)
		return AN_EP_ESCALATED;
	return AN_EP_ONGOING;
}

int
an_episode_over(const struct an_episode *e, int day)
{
	return e->open && day - e->cond_day >= AN_EPISODE_GAP_DAYS;
}

void
an_episode_persist(struct an_episode *e, int day)
{
	/* fewer than AN_EPISODE_GAP_DAYS days without it before day */
	if (e->open && day > e->cond_day &&
	    day - e->cond_day <= AN_EPISODE_GAP_DAYS)
		e->cond_day = day;
}

enum an_ep_status
an_episode_feed(struct an_episode *e, int day, const struct an_flag *f)
{
	if (f == NULL)
		return AN_EP_NONE;
	if (!e->open || day - e->cond_day > AN_EPISODE_GAP_DAYS) {
		/* AN_EPISODE_GAP_DAYS days or more without it before day */
		e->open = 1;
		e->id = f->id;
		e->first_day = e->level_day = day;
		e->severity = f->severity;
	} else if (f->severity > e->severity) {
		e->severity = f->severity;
		e->level_day = day;
	}
	e->last_day = e->cond_day = day;
	e->flag = *f;
	return an_episode_status(e, day);
}

int
an_episode_acked(const struct an_episode *e, int day, const int *acks,
    size_t n)
{
	size_t k;

	if (!e->open || an_episode_over(e, day))
		return 0;
	for (k = 0; k < n; k++)
		if (acks[k] >= e->level_day && acks[k] <= day)
			return 1;
	return 0;
}

/* The open episodes whose rule's condition persists on the day of m. */
static void
episodes_persist(const struct an_metrics *m, const struct an_params *p,
    struct an_episode e[AN_FLAG_COUNT])
{
	int k;

	for (k = 0; k < AN_FLAG_COUNT; k++)
		if (e[k].open && e[k].last_day != m->day &&
		    an_rules[k].persists != NULL && an_rules[k].persists(m, p))
			an_episode_persist(&e[k], m->day);
}

/* Feeds the flags of the day of m into e[], one per rule. */
static void
episodes_feed_day(const struct an_metrics *m, const struct an_params *p,
    struct an_episode e[AN_FLAG_COUNT])
{
	struct an_flag f[AN_FLAGS_MAX];
	int nf = an_flags(m, p, f), k;

	for (k = 0; k < nf; k++)
		an_episode_feed(&e[f[k].id], m->day, &f[k]);
	episodes_persist(m, p, e);
}

void
an_episodes_at(const struct an_metrics *m, size_t n,
    const struct an_params *p, struct an_episode e[AN_FLAG_COUNT])
{
	size_t i;
	int k;

	memset(e, 0, AN_FLAG_COUNT * sizeof(*e));
	for (k = 0; k < AN_FLAG_COUNT; k++)
		e[k].id = (enum an_flag_id)k;
	for (i = 0; i < n; i++)
		episodes_feed_day(&m[i], p, e);
}

/* By last day, then by rule. */
static int
episode_cmp(const void *a, const void *b)
{
	const struct an_episode *x = a, *y = b;

	if (x->last_day != y->last_day)
		return x->last_day < y->last_day ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

size_t
an_episodes_list(const struct an_metrics *m, size_t n,
    const struct an_params *p, int from, struct an_episode *out, size_t cap)
{
	struct an_episode e[AN_FLAG_COUNT], before;
	size_t i, total = 0;
	int k;

	an_episodes_at(m, 0, p, e);
	for (i = 0; i < n; i++) {
		struct an_flag f[AN_FLAGS_MAX];
		int nf = an_flags(&m[i], p, f);

		for (k = 0; k < nf; k++) {
			before = e[f[k].id];
			an_episode_feed(&e[f[k].id], m[i].day, &f[k]);
			/* a new episode: the one before it is complete */
			if (before.open && e[f[k].id].first_day != before.first_day &&
			    before.last_day >= from) {
				if (total < cap)
					out[total] = before;
				total++;
			}
		}
		episodes_persist(&m[i], p, e);
	}
	/* the last episode of each rule, still open or over */
	for (k = 0; k < AN_FLAG_COUNT; k++) {
		if (!e[k].open || e[k].last_day < from)
			continue;
		if (total < cap)
			out[total] = e[k];
		total++;
	}
	qsort(out, total < cap ? total : cap, sizeof(*out), episode_cmp);
	return total;
}
