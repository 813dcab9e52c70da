/*
 * analysis: the flag rules of SPEC section 4 over a day series.
 *
 * The pass (an_pass_next) visits days oldest first and keeps, for every
 * rule, either a scalar (the EWMA loads, the last day of illness, the raw
 * streaks) or a window sum that gains the newest day and loses the day
 * that falls out of the window. Days before the first element of the
 * series are empty: no runs, no entries. an_flags() then decides the flags
 * of one day from that day's metrics alone. The exact rule texts are in the
 * FLAGS section of man/runlog.1; keep the two in step.
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
	p->spike_days = 30;
	p->spike_pct = 110.0;
	p->acwr_acute_days = 7;
	p->acwr_chronic_days = 28;
	p->acwr_min_days = 28;
	p->acwr_min_chronic = 5.0;
	p->acwr_warn = 1.3;
	p->acwr_alert = 1.5;
	p->load_per_km = 24.0;
	p->monotony_days = 7;
	p->monotony_max = 2.0;
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
	P_DBL(jump_floor_km, 0, 3500, "mileage-jump: no flag when the previous window is under this, km"),
	P_INT(spike_days, 1, 365, "long-run-spike: days searched for the longest run"),
	P_DBL(spike_pct, 100, 1000, "long-run-spike: a run above this % of that longest run"),
	P_INT(acwr_acute_days, 1, 365, "acwr: N of the acute EWMA"),
	P_INT(acwr_chronic_days, 1, 365, "acwr: N of the chronic EWMA"),
	P_INT(acwr_min_days, 1, 365, "acwr: journal days before any ratio"),
	P_DBL(acwr_min_chronic, 0.001, 10000, "acwr: no ratio below this chronic load, AU/day"),
	P_DBL(acwr_warn, 0.5, 10, "acwr: warning above this ratio"),
	P_DBL(acwr_alert, 0.5, 10, "acwr: alert above this ratio"),
	P_DBL(load_per_km, 1, 1000, "load of a run without RPE, AU per km"),
	P_INT(monotony_days, 2, 365, "monotony: days in the window"),
	P_DBL(monotony_max, 0.1, 10, "monotony: warning above this"),
	P_INT(fatigue_level, 1, 10, "persistent-fatigue: a check-in at or above this level counts"),
	P_INT(fatigue_warn_days, 1, 365, "persistent-fatigue: warning at this many days"),
	P_INT(fatigue_alert_days, 1, 365, "persistent-fatigue: alert at this many days"),
	P_INT(soreness_level, 1, 10, "overtraining-signs: soreness at or above this counts"),
	P_INT(soreness_days, 1, 365, "overtraining-signs: on at least this many check-ins"),
	P_INT(mood_level, 1, 5, "overtraining-signs: mood at or below this counts"),
	P_INT(mood_days, 1, 365, "overtraining-signs: on at least this many check-ins"),
	P_INT(signs_days, 1, 365, "overtraining-signs: days searched for soreness and mood"),
	P_INT(illness_days, 1, 365, "overtraining-signs: illness in this many last days"),
	P_INT(perf_recent_days, 1, 183, "overtraining-signs: recent days of runs for pace"),
	P_INT(perf_base_days, 1, 183, "overtraining-signs: earlier days compared with them"),
	P_INT(perf_min_runs, 1, 100, "overtraining-signs: runs with RPE needed in each"),
	P_DBL(perf_decline_pct, 0, 100, "overtraining-signs: pace slower by more than this, %"),
	P_INT(rhr_baseline_days, 1, 365, "resting-hr: days of the baseline"),
	P_INT(rhr_min_readings, 1, 365, "resting-hr: readings needed for a baseline"),
	P_DBL(rhr_rise_bpm, 0, 100, "resting-hr: rise over the baseline, bpm"),
	P_INT(rhr_days, 1, 365, "resting-hr: raised readings in a row"),
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
}

int
an_pass_next(struct an_pass *ps, struct an_metrics *m)
{
	const struct an_series *s = ps->s;
	const struct an_params *p = ps->p;
	const struct an_day *d, *o;
	const struct an_checkin *ck;
	long i = (long)ps->i, k;
	int day, J = s->journal_start, state, W, t;
	double sum, var, mean;

	if (ps->i >= s->ndays)
		return 0;
	d = &s->days[ps->i];
	day = d->day;
	ck = day_ck(d);
	memset(m, 0, sizeof(*m));
	m->day = day;

	/* The day itself. */
	m->distance_m = day_distance(d);
	m->longest_m = day_longest(d);
	m->nruns = d->nruns;
	for (k = 0; k < d->nruns; k++)
		m->duration_s += d->runs[k].duration_s;
	m->load = day_load(d, p);
	m->fatigue = ck ? ck->fatigue : 0;
	m->sleep_min = d->sleep_min;
	m->fluid_ml = d->fluid_ml;

	/* mileage-jump: windows d-W+1..d and d-2W+1..d-W. */
	W = p->jump_days;
	ps->dist_win += m->distance_m - day_distance(day_at(s, i - W));
	ps->dist_prev += day_distance(day_at(s, i - W)) -
	    day_distance(day_at(s, i - 2 * W));
	m->dist_win_m = ps->dist_win;
	m->dist_prev_m = ps->dist_prev;
	m->jump_ready = day - 2 * W + 1 >= J;

	/* long-run-spike: longest single run on d-spike_days..d-1. */
	for (k = 1; k <= p->spike_days; k++) {
		int64_t l = day_longest(day_at(s, i - k));
		if (l > m->longest_prev_m)
			m->longest_prev_m = l;
	}
	m->spike_ready = day - p->spike_days >= J;

	/*
	 * acwr: EWMA_d = lambda x load_d + (1 - lambda) x EWMA_d-1, from 0
	 * before the series, then divided by the weight the t journal days
	 * carry, 1 - (1 - lambda)^t: the days before the journal are unknown,
	 * not days of zero load. (A steady runner's ratio is 1 from the first
	 * day; after a few months the divisor is 1.)
	 */
	ps->acute = ps->la * m->load + (1 - ps->la) * ps->acute;
	ps->chronic = ps->lc * m->load + (1 - ps->lc) * ps->chronic;
	t = day - J + 1;
	if (t >= 1) {
		m->acute = ps->acute / (1 - pow(1 - ps->la, t));
		m->chronic = ps->chronic / (1 - pow(1 - ps->lc, t));
	}
	m->acwr = -1;
	if (t >= p->acwr_min_days && m->chronic >= p->acwr_min_chronic)
		m->acwr = m->acute / m->chronic;

	/* monotony: mean / population SD of the daily loads of the window. */
	W = p->monotony_days;
	sum = 0;
	for (k = 0; k < W; k++)
		sum += day_load(day_at(s, i - k), p);
	mean = sum / W;
	var = 0;
	for (k = 0; k < W; k++) {
		double x = day_load(day_at(s, i - k), p) - mean;
		var += x * x;
	}
	m->load_win = sum;
	m->mono_mean = mean;
	m->mono_sd = sqrt(var / W);
	m->monotony = -1;
	if (day - W + 1 >= J && mean > 0)
		/* the SD is floored at a tenth of the mean: at most 10 */
		m->monotony = mean / fmax(m->mono_sd, mean / 10);

	/* persistent-fatigue */
	state = ck == NULL ? ST_ABSENT :
	    ck->fatigue >= p->fatigue_level ? ST_YES : ST_NO;
	streak_feed(&ps->fat, day, state);
	m->fatigue_hi = streak_holding(&ps->fat, day);

	/* overtraining companions: soreness, mood, illness, performance. */
	W = p->signs_days;
	o = day_at(s, i - W);
	if (ck && ck->soreness >= p->soreness_level)
		ps->sore_n++;
	if (ck && ck->mood > 0 && ck->mood <= p->mood_level)
		ps->mood_n++;
	if (day_ck(o) && o->ck.soreness >= p->soreness_level)
		ps->sore_n--;
	if (day_ck(o) && o->ck.mood > 0 && o->ck.mood <= p->mood_level)
		ps->mood_n--;
	m->soreness_n = ps->sore_n;
	m->mood_n = ps->mood_n;
	if (ck && ck->ill)
		ps->last_ill = day;
	m->last_ill = ps->last_ill;

	W = p->perf_recent_days;
	day_perf(d, &ps->rp_dist, &ps->rp_dur, &ps->rp_rpe, &ps->rp_n, 1);
	o = day_at(s, i - W);
	day_perf(o, &ps->rp_dist, &ps->rp_dur, &ps->rp_rpe, &ps->rp_n, -1);
	day_perf(o, &ps->bp_dist, &ps->bp_dur, &ps->bp_rpe, &ps->bp_n, 1);
	day_perf(day_at(s, i - W - p->perf_base_days), &ps->bp_dist,
	    &ps->bp_dur, &ps->bp_rpe, &ps->bp_n, -1);
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
	 * Slower at the same or a higher mean RPE; compared in integers where
	 * possible: rpe_r / n_r >= rpe_b / n_b and dur_r / dist_r >
	 * dur_b / dist_b x (1 + pct / 100).
	 */
	m->perf_decline = day - W - p->perf_base_days + 1 >= J &&
	    ps->rp_n >= p->perf_min_runs && ps->bp_n >= p->perf_min_runs &&
	    ps->rp_rpe * ps->bp_n >= ps->bp_rpe * ps->rp_n &&
	    (double)ps->rp_dur * ps->bp_dist * 100.0 >
	    (double)ps->bp_dur * ps->rp_dist * (100.0 + p->perf_decline_pct);

	/*
	 * resting-hr: the baseline is the mean of the readings of d-B..d-1;
	 * while a run of raised readings lasts, each is compared with the
	 * baseline from before the run, so they do not raise their own bar.
	 */
	m->rhr_bpm = ck ? ck->rhr_bpm : 0;
	m->rhr_baseline = -1;
	if (ps->rhr_n >= p->rhr_min_readings && ps->rhr_n > 0)
		m->rhr_baseline = (double)ps->rhr_sum / ps->rhr_n;
	if (m->rhr_bpm > 0) {
		int alive = ps->rhr.len > 0 && ps->rhr.last >= day - 2;
		double base = alive ? ps->rhr_streak_base : m->rhr_baseline;

		if (base < 0) {
			state = ST_ABSENT;
		} else if (m->rhr_bpm >= base + p->rhr_rise_bpm) {
			state = ST_YES;
			ps->rhr_streak_base = base;
			ps->rhr_last_bpm = m->rhr_bpm;
			ps->rhr_last_baseline = base;
		} else {
			state = ST_NO;
		}
	} else {
		state = ST_ABSENT;
	}
	streak_feed(&ps->rhr, day, state);
	m->rhr_hi = streak_holding(&ps->rhr, day);
	m->rhr_last_bpm = ps->rhr_last_bpm;
	m->rhr_last_baseline = ps->rhr_last_baseline;
	if (m->rhr_bpm > 0) {
		ps->rhr_sum += m->rhr_bpm;
		ps->rhr_n++;
	}
	o = day_at(s, i - p->rhr_baseline_days);
	/* after today, the window is d-B+1..d: drop day d-B */
	if (day_ck(o) && o->ck.rhr_bpm > 0) {
		ps->rhr_sum -= o->ck.rhr_bpm;
		ps->rhr_n--;
	}

	/* sleep-debt: mean of the nights logged in d-W+1..d; short nights. */
	W = p->sleep_days;
	if (d->sleep_min >= 0) {
		ps->sleep_sum += d->sleep_min;
		ps->sleep_n++;
	}
	o = day_at(s, i - W);
	if (o != NULL && o->sleep_min >= 0) {
		ps->sleep_sum -= o->sleep_min;
		ps->sleep_n--;
	}
	m->sleep_nights = ps->sleep_n;
	m->sleep_mean_min = -1;
	if (ps->sleep_n >= p->sleep_min_nights && ps->sleep_n > 0)
		m->sleep_mean_min = (double)ps->sleep_sum / ps->sleep_n;
	state = d->sleep_min < 0 ? ST_ABSENT :
	    d->sleep_min < p->short_sleep_h * 60 ? ST_YES : ST_NO;
	streak_feed(&ps->slp, day, state);
	m->sleep_short = streak_holding(&ps->slp, day);

	/* dehydration: the largest mass loss of the day's runs. */
	for (k = 0; k < d->nruns; k++) {
		const struct an_run *r = &d->runs[k];
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

	/* low-fluid */
	state = d->fluid_ml < 0 ? ST_ABSENT :
	    d->fluid_ml < p->fluid_target_ml ? ST_YES : ST_NO;
	streak_feed(&ps->flu, day, state);
	m->fluid_low = streak_holding(&ps->flu, day);

	/* injury-signs: today's check-in, or yesterday's until today's. */
	o = ck ? d : day_at(s, i - 1);
	if (day_ck(o)) {
		const struct an_checkin *c = &o->ck;
		m->injury_signs = (c->pain ? AN_SIGN_PAIN : 0) |
		    (c->swelling ? AN_SIGN_SWELLING : 0) |
		    (c->numbness ? AN_SIGN_NUMBNESS : 0) |
		    (c->no_weight ? AN_SIGN_NO_WEIGHT : 0);
		m->injury_day = o->day;
	}

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

static int
bitcount(int v)
{
	int n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

static struct an_flag *
flag_add(struct an_flag *out, int *n, enum an_flag_id id,
    enum an_severity sev, int first, int last)
{
	struct an_flag *f = &out[(*n)++];

	memset(f, 0, sizeof(*f));
	f->id = id;
	f->severity = sev;
	f->first_day = first;
	f->last_day = last;
	return f;
}

int
an_flags(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *out)
{
	struct an_flag *f, tmp;
	int n = 0, d = m->day, bits, i, j;

	/* mileage-jump */
	if (m->jump_ready && m->dist_prev_m > 0 &&
	    m->dist_prev_m >= p->jump_floor_km * 1000.0) {
		double win = (double)m->dist_win_m, prev = (double)m->dist_prev_m;
		double lim = -1;
		enum an_severity sev = AN_WARNING;

		if (win * 100.0 > prev * (100.0 + p->jump_alert_pct)) {
			lim = p->jump_alert_pct;
			sev = AN_ALERT;
		} else if (win * 100.0 > prev * (100.0 + p->jump_warn_pct)) {
			lim = p->jump_warn_pct;
		}
		if (lim >= 0) {
			f = flag_add(out, &n, AN_MILEAGE_JUMP, sev,
			    d - 2 * p->jump_days + 1, d);
			f->quantity = AN_Q_PERCENT;
			f->value = (win - prev) * 100.0 / prev;
			f->threshold = lim;
			f->a = win;
			f->b = prev;
		}
	}

	/* long-run-spike */
	if (m->spike_ready && m->longest_prev_m > 0 && m->longest_m > 0 &&
	    (double)m->longest_m * 100.0 >
	    (double)m->longest_prev_m * p->spike_pct) {
		f = flag_add(out, &n, AN_LONG_RUN_SPIKE, AN_WARNING,
		    d - p->spike_days, d);
		f->quantity = AN_Q_PERCENT;
		f->value = (double)m->longest_m * 100.0 / m->longest_prev_m;
		f->threshold = p->spike_pct;
		f->a = (double)m->longest_m;
		f->b = (double)m->longest_prev_m;
	}

	/* acwr */
	if (m->acwr >= 0 && m->acwr > p->acwr_warn) {
		int alert = m->acwr > p->acwr_alert;
		f = flag_add(out, &n, AN_ACWR, alert ? AN_ALERT : AN_WARNING,
		    d - p->acwr_chronic_days + 1, d);
		f->quantity = AN_Q_RATIO;
		f->value = m->acwr;
		f->threshold = alert ? p->acwr_alert : p->acwr_warn;
		f->a = m->acute;
		f->b = m->chronic;
	}

	/* monotony */
	if (m->monotony >= 0 && m->monotony > p->monotony_max) {
		f = flag_add(out, &n, AN_MONOTONY, AN_WARNING,
		    d - p->monotony_days + 1, d);
		f->quantity = AN_Q_RATIO;
		f->value = m->monotony;
		f->threshold = p->monotony_max;
		f->a = m->mono_mean;
		f->b = m->mono_sd;
	}

	/* persistent-fatigue */
	if (m->fatigue_hi.len >= p->fatigue_warn_days) {
		int alert = m->fatigue_hi.len >= p->fatigue_alert_days;
		f = flag_add(out, &n, AN_PERSISTENT_FATIGUE,
		    alert ? AN_ALERT : AN_WARNING, m->fatigue_hi.first,
		    m->fatigue_hi.last);
		f->quantity = AN_Q_DAYS;
		f->value = m->fatigue_hi.len;
		f->threshold = alert ? p->fatigue_alert_days :
		    p->fatigue_warn_days;
		f->a = p->fatigue_level;
	}

	/* overtraining-signs: persistent fatigue plus a companion sign. */
	bits = 0;
	if (m->perf_decline)
		bits |= AN_OT_PERF;
	if (m->soreness_n >= p->soreness_days)
		bits |= AN_OT_SORENESS;
	if (m->mood_n >= p->mood_days)
		bits |= AN_OT_MOOD;
	if (m->last_ill != INT_MIN && m->last_ill >= d - p->illness_days + 1)
		bits |= AN_OT_ILLNESS;
	if (m->rhr_hi.len >= p->rhr_days)
		bits |= AN_OT_RHR;
	if (m->fatigue_hi.len >= p->fatigue_warn_days && bits != 0) {
		int first = m->fatigue_hi.first;
		if ((bits & AN_OT_ILLNESS) && m->last_ill < first)
			first = m->last_ill;
		f = flag_add(out, &n, AN_OVERTRAINING, AN_ALERT, first, d);
		f->quantity = AN_Q_SIGNS;
		f->value = bitcount(bits);
		f->threshold = 1;
		f->a = m->fatigue_hi.len;
		f->bits = bits;
	}

	/* resting-hr */
	if (m->rhr_hi.len >= p->rhr_days) {
		f = flag_add(out, &n, AN_RESTING_HR, AN_WARNING,
		    m->rhr_hi.first, m->rhr_hi.last);
		f->quantity = AN_Q_BPM;
		f->value = m->rhr_last_bpm - m->rhr_last_baseline;
		f->threshold = p->rhr_rise_bpm;
		f->a = m->rhr_last_bpm;
		f->b = m->rhr_hi.len;
	}

	/* sleep-debt: a low mean, else short nights in a row. */
	if (m->sleep_mean_min >= 0 &&
	    m->sleep_mean_min < p->sleep_mean_h * 60.0) {
		f = flag_add(out, &n, AN_SLEEP_DEBT, AN_WARNING,
		    d - p->sleep_days + 1, d);
		f->quantity = AN_Q_HOURS;
		f->value = m->sleep_mean_min / 60.0;
		f->threshold = p->sleep_mean_h;
		f->a = m->sleep_nights;
		f->b = m->sleep_short.len >= p->short_sleep_nights ?
		    m->sleep_short.len : 0;
	} else if (m->sleep_short.len >= p->short_sleep_nights) {
		f = flag_add(out, &n, AN_SLEEP_DEBT, AN_WARNING,
		    m->sleep_short.first, m->sleep_short.last);
		f->quantity = AN_Q_NIGHTS;
		f->value = m->sleep_short.len;
		f->threshold = p->short_sleep_nights;
		f->a = p->short_sleep_h;
	}

	/* dehydration */
	if (m->mass_known && m->mass_loss_pct > p->dehydration_pct) {
		f = flag_add(out, &n, AN_DEHYDRATION, AN_WARNING, d, d);
		f->quantity = AN_Q_PERCENT;
		f->value = m->mass_loss_pct;
		f->threshold = p->dehydration_pct;
		f->a = (double)m->mass_before_g;
		f->b = (double)m->mass_after_g;
	}

	/* low-fluid */
	if (m->fluid_low.len >= p->low_fluid_days) {
		f = flag_add(out, &n, AN_LOW_FLUID, AN_NOTE,
		    m->fluid_low.first, m->fluid_low.last);
		f->quantity = AN_Q_DAYS;
		f->value = m->fluid_low.len;
		f->threshold = p->low_fluid_days;
		f->a = (double)p->fluid_target_ml;
	}

	/* injury-signs */
	if (m->injury_signs != 0) {
		f = flag_add(out, &n, AN_INJURY_SIGNS, AN_ALERT, m->injury_day,
		    m->injury_day);
		f->quantity = AN_Q_SIGNS;
		f->value = bitcount(m->injury_signs);
		f->threshold = 1;
		f->bits = m->injury_signs;
	}

	/* Alerts first, stable within a severity. */
	for (i = 1; i < n; i++) {
		tmp = out[i];
		for (j = i; j > 0 && out[j - 1].severity < tmp.severity; j--)
			out[j] = out[j - 1];
		out[j] = tmp;
	}
	return n;
}

int
an_flags_on(const struct an_series *s, const struct an_params *p, size_t i,
    struct an_flag *out, struct an_metrics *m_out)
{
	struct an_pass ps;
	struct an_metrics m;

	if (i >= s->ndays)
		return 0;
	an_pass_init(&ps, s, p);
	while (ps.i <= i)
		an_pass_next(&ps, &m);
	if (m_out != NULL)
		*m_out = m;
	return an_flags(&m, p, out);
}

static const char *const flag_names[AN_FLAG_COUNT] = {
	[AN_MILEAGE_JUMP] = "mileage-jump",
	[AN_LONG_RUN_SPIKE] = "long-run-spike",
	[AN_ACWR] = "acwr",
	[AN_MONOTONY] = "monotony",
	[AN_PERSISTENT_FATIGUE] = "persistent-fatigue",
	[AN_OVERTRAINING] = "overtraining-signs",
	[AN_RESTING_HR] = "resting-hr",
	[AN_SLEEP_DEBT] = "sleep-debt",
	[AN_DEHYDRATION] = "dehydration",
	[AN_LOW_FLUID] = "low-fluid",
	[AN_INJURY_SIGNS] = "injury-signs",
};

const char *
an_flag_name(enum an_flag_id id)
{
	return (unsigned)id < AN_FLAG_COUNT ? flag_names[id] : "?";
}

const char *
an_severity_name(enum an_severity sev)
{
	switch (sev) {
	case AN_NOTE:
		return "note";
	case AN_WARNING:
		return "warning";
	case AN_ALERT:
		return "alert";
	}
	return "?";
}

/* "12.3 km" or "7.6 mi". */
static char *
fmt_dist(double m, enum dist_unit du, char *out, size_t n)
{
	if (du == UNIT_MI)
		snprintf(out, n, "%.1f mi", m / METRES_PER_MILE);
	else
		snprintf(out, n, "%.1f km", m / 1000.0);
	return out;
}

static char *
fmt_vol(double ml, enum vol_unit vu, char *out, size_t n)
{
	if (vu == UNIT_FLOZ)
		snprintf(out, n, "%.0f oz", ml / ML_PER_FLOZ);
	else
		snprintf(out, n, "%.1f l", ml / 1000.0);
	return out;
}

/* Joins the names of the set bits of a sign mask: "pain, swelling". */
static void
sign_list(int bits, char *out, size_t n)
{
	static const struct { int bit; const char *name; } names[] = {
		{ AN_SIGN_PAIN, "sharp pain" },
		{ AN_SIGN_SWELLING, "swelling" },
		{ AN_SIGN_NUMBNESS, "numbness" },
		{ AN_SIGN_NO_WEIGHT, "cannot bear weight" },
		{ AN_OT_PERF, "slower pace at the same effort" },
		{ AN_OT_SORENESS, "lasting soreness" },
		{ AN_OT_MOOD, "low mood" },
		{ AN_OT_ILLNESS, "recent illness" },
		{ AN_OT_RHR, "raised resting HR" },
	};
	size_t k, len = 0;

	out[0] = '\0';
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (!(bits & names[k].bit))
			continue;
		len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s",
		    len ? ", " : "", names[k].name);
		if (len >= n)
			return;
	}
}

/*
 * Decimals to show v with, from base up to 4, so that a value just past
 * its threshold never prints the same as the threshold ("+30%" > 30%).
 */
static int
prec(double v, double thr, int base)
{
	char a[64], b[64];
	int d;

	for (d = base; d < 4; d++) {
		snprintf(a, sizeof(a), "%.*f", d, v);
		snprintf(b, sizeof(b), "%.*f", d, thr);
		if (strcmp(a, b) != 0)
			break;
	}
	return d;
}

char *
an_flag_reason(const struct an_flag *f, enum dist_unit du, enum vol_unit vu,
    char *out, size_t n)
{
	char x[32], y[32], list[160];
	int days = f->last_day - f->first_day + 1;

	switch (f->id) {
	case AN_MILEAGE_JUMP:
		snprintf(out, n, "%s in the last %d days against %s in the %d "
		    "before: %+.*f%%, over the +%g%% limit",
		    fmt_dist(f->a, du, x, sizeof(x)), days / 2,
		    fmt_dist(f->b, du, y, sizeof(y)), days / 2,
		    prec(f->value, f->threshold, 0), f->value, f->threshold);
		break;
	case AN_LONG_RUN_SPIKE:
		snprintf(out, n, "a %s run is %.*f%% of the longest run of the "
		    "previous %d days (%s), over the %g%% limit",
		    fmt_dist(f->a, du, x, sizeof(x)),
		    prec(f->value, f->threshold, 0), f->value, days - 1,
		    fmt_dist(f->b, du, y, sizeof(y)), f->threshold);
		break;
	case AN_ACWR:
		snprintf(out, n, "acute:chronic load ratio %.*f (acute %.0f, "
		    "chronic %.0f AU a day), over %.2f",
		    prec(f->value, f->threshold, 2), f->value, f->a, f->b,
		    f->threshold);
		break;
	case AN_MONOTONY:
		snprintf(out, n, "training monotony %.*f over %d days (daily "
		    "load %.0f +/- %.0f AU), over %.2f",
		    prec(f->value, f->threshold, 2), f->value, days, f->a,
		    f->b, f->threshold);
		break;
	case AN_PERSISTENT_FATIGUE:
		snprintf(out, n, "fatigue %.0f/10 or more on %.0f check-in days "
		    "in a row (limit %.0f)", f->a, f->value, f->threshold);
		break;
	case AN_OVERTRAINING:
		sign_list(f->bits, list, sizeof(list));
		snprintf(out, n, "fatigue high for %.0f check-in days, with %s",
		    f->a, list);
		break;
	case AN_RESTING_HR:
		snprintf(out, n, "resting HR %.0f bpm, %.1f over the baseline, "
		    "on %.0f readings in a row (limit +%g bpm)", f->a, f->value,
		    f->b, f->threshold);
		break;
	case AN_SLEEP_DEBT:
		if (f->quantity == AN_Q_HOURS && f->b > 0)
			snprintf(out, n, "mean sleep %.*f h over %.0f nights "
			    "logged in %d days (under %g h); %.0f short nights "
			    "in a row", prec(f->value, f->threshold, 1),
			    f->value, f->a, days, f->threshold, f->b);
		else if (f->quantity == AN_Q_HOURS)
			snprintf(out, n, "mean sleep %.*f h over %.0f nights "
			    "logged in %d days (under %g h)",
			    prec(f->value, f->threshold, 1), f->value, f->a, days,
			    f->threshold);
		else
			snprintf(out, n, "%.0f nights in a row under %g h of "
			    "sleep (limit %.0f)", f->value, f->a, f->threshold);
		break;
	case AN_DEHYDRATION:
		snprintf(out, n, "%.1f kg lost over a run: %.*f%% of body mass, "
		    "over %g%%", (f->a - f->b) / 1000.0,
		    prec(f->value, f->threshold, 1), f->value, f->threshold);
		break;
	case AN_LOW_FLUID:
		snprintf(out, n, "drinks logged stayed under the %s target on "
		    "%.0f days in a row (limit %.0f)",
		    fmt_vol(f->a, vu, x, sizeof(x)), f->value, f->threshold);
		break;
	case AN_INJURY_SIGNS:
		sign_list(f->bits, list, sizeof(list));
		snprintf(out, n, "check-in reports %s", list);
		break;
	default:
		snprintf(out, n, "?");
		break;
	}
	return out;
}

static const char *
quantity_unit(enum an_quantity q)
{
	switch (q) {
	case AN_Q_PERCENT:
		return "%";
	case AN_Q_RATIO:
		return "";
	case AN_Q_DAYS:
		return " days";
	case AN_Q_NIGHTS:
		return " nights";
	case AN_Q_HOURS:
		return " h";
	case AN_Q_BPM:
		return " bpm";
	case AN_Q_SIGNS:
		return " signs";
	}
	return "";
}

char *
an_flag_value(const struct an_flag *f, char *out, size_t n)
{
	if (f->quantity == AN_Q_RATIO)
		snprintf(out, n, "%.*f", prec(f->value, f->threshold, 2),
		    f->value);
	else if (f->quantity == AN_Q_PERCENT && f->id == AN_MILEAGE_JUMP)
		snprintf(out, n, "%+.*f%%", prec(f->value, f->threshold, 0),
		    f->value);
	else if (f->quantity == AN_Q_PERCENT || f->quantity == AN_Q_HOURS ||
	    f->quantity == AN_Q_BPM)
		snprintf(out, n, "%.*f%s", prec(f->value, f->threshold, 1),
		    f->value, quantity_unit(f->quantity));
	else
		snprintf(out, n, "%.0f%s", f->value, quantity_unit(f->quantity));
	return out;
}

char *
an_flag_threshold(const struct an_flag *f, char *out, size_t n)
{
	const char *cmp;

	switch (f->id) {
	case AN_SLEEP_DEBT:
		cmp = f->quantity == AN_Q_HOURS ? "< " : ">= ";
		break;
	case AN_PERSISTENT_FATIGUE: case AN_OVERTRAINING: case AN_RESTING_HR:
	case AN_LOW_FLUID: case AN_INJURY_SIGNS:
		cmp = ">= ";
		break;
	default:
		cmp = "> ";
		break;
	}
	if (f->quantity == AN_Q_RATIO)
		snprintf(out, n, "%s%.2f", cmp, f->threshold);
	else if (f->id == AN_MILEAGE_JUMP || f->id == AN_RESTING_HR)
		snprintf(out, n, "%s+%g%s", cmp, f->threshold,
		    quantity_unit(f->quantity));
	else
		snprintf(out, n, "%s%g%s", cmp, f->threshold,
		    quantity_unit(f->quantity));
	return out;
}

const char *
an_flag_advice(const struct an_flag *f)
{
	switch (f->id) {
	case AN_MILEAGE_JUMP:
		if (f->severity == AN_ALERT)
			return "Weekly distance grew by about a third or more, the "
			    "kind of jump\nlinked with overuse injuries: bone and "
			    "tendon remodel over weeks,\nnot days. Drop back toward "
			    "last week's distance, add an easy or\nrest day, then "
			    "build again in small steps.";
		return "Weekly distance grew faster than tissues usually adapt: "
		    "muscle\nrecovers in days but tendon and bone need weeks. Hold "
		    "this volume\nfor a week or two before adding more, and keep "
		    "easy runs easy.";
	case AN_LONG_RUN_SPIKE:
		return "This run went well beyond anything in the last month. A "
		    "long effort\nempties glycogen and adds thousands of extra "
		    "landings. Refuel with\ncarbohydrate and protein, keep the "
		    "next days easy, and lengthen\nthe long run a little at a "
		    "time.";
	case AN_ACWR:
		if (f->severity == AN_ALERT)
			return "Recent load is far above what the past month "
			    "prepared you for:\nfatigue builds faster than "
			    "fitness. Plan several lighter days now.\nThe ratio is "
			    "a rough guide, but this gap is large.";
		return "Recent load is running ahead of the past month's base, "
		    "so fatigue\nis outpacing fitness. Make the next sessions "
		    "shorter or easier.\nThe ratio is a rough guide, not a "
		    "verdict.";
	case AN_MONOTONY:
		return "Every day carried a similar load, leaving no easy day "
		    "for muscle\nrepair and glycogen to catch up. Alternate: a "
		    "truly easy day or a\nrest day between the harder ones.";
	case AN_PERSISTENT_FATIGUE:
		if (f->severity == AN_ALERT)
			return "Fatigue has stayed high for a week or more: that "
			    "is beyond normal\ntiredness. Stop hard training and "
			    "see a doctor or sports-medicine\nprofessional; "
			    "overtraining, anaemia or a thyroid problem can\nall "
			    "feel like this.";
		return "Fatigue has stayed high for several mornings, so "
		    "recovery is not\nkeeping pace: glycogen, damaged muscle "
		    "fibres and the nervous\nsystem all need time. Sleep more, "
		    "eat carbohydrate and protein,\nand swap hard runs for rest "
		    "or a gentle walk.";
	case AN_OVERTRAINING:
		return "Lasting fatigue together with other warning signs is "
		    "how\noverreaching turns into overtraining: hormones, "
		    "immunity and mood\nstop bouncing back. Stop hard training "
		    "and see a doctor or\nsports-medicine professional before "
		    "building up again.";
	case AN_RESTING_HR:
		return "A morning pulse above your usual often means the body is "
		    "still\nunder strain: unfinished recovery, short sleep, too "
		    "little fluid or\nan infection starting. Make today easy or "
		    "a rest day.";
	case AN_SLEEP_DEBT:
		return "Sleep is when much of the repair happens: muscle is "
		    "rebuilt and\nthe nervous system resets. Short nights add up "
		    "as fatigue and\ninjury risk. Aim for 7 to 9 hours; go to bed "
		    "earlier rather than\ntraining more.";
	case AN_DEHYDRATION:
		return "That much sweat loss shrinks blood volume, so the heart "
		    "works harder\nand cooling suffers; lost sodium and potassium "
		    "can bring cramps.\nOver the next hours drink about one and a "
		    "half times the mass lost,\nwith electrolytes, and carry "
		    "fluid on long or hot runs.";
	case AN_LOW_FLUID:
		return "Logged drinks keep falling short of your target. Too "
		    "little fluid\nlowers blood volume and makes every run feel "
		    "harder. Keep water\nwithin reach, drink with meals and "
		    "after runs. (Only what you log\ncounts here.)";
	case AN_INJURY_SIGNS:
		return "Sharp pain, swelling, numbness or not being able to bear "
		    "weight are\nnot ordinary soreness: they can mean a tear, a "
		    "stress fracture or a\nnerve problem. Stop running and see a "
		    "doctor or physiotherapist\nbefore you run again.";
	default:
		return "";
	}
}
