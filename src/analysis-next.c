/*
 * analysis-next: the safe week ahead (include/next.h). The journal to
 * today is copied into a day array with the 7 days ahead after it, then
 * the trailing days the rules' holds need, run as planned or as the
 * usual pattern; the pass runs once over the journal and its state is
 * saved; each candidate week writes its runs into the days ahead and runs
 * the pass from a copy of that state over those days alone, so judging a
 * candidate costs the same on a journal of 50 years as on one of 50 days.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "next.h"

/* The rules the answers project, in the order their flags are looked at. */
static const enum an_flag_id projected[] = {
	AN_MILEAGE_JUMP, AN_LONG_RUN_SPIKE, AN_ACWR,
};
#define NPROJ (sizeof projected / sizeof projected[0])

int
next_rule_projected(enum an_flag_id id)
{
	size_t r;

	for (r = 0; r < NPROJ; r++)
		if (projected[r] == id)
			return 1;
	return 0;
}

int
next_trail_days(const struct an_params *p)
{
	int t = 0;

	/* mileage-jump: a window counts once held on jump_hold_days days */
	if (p->jump_hold_days - 1 > t)
		t = p->jump_hold_days - 1;
	/* acwr: a ratio over its band counts on acwr_hold_days in a row */
	if (p->acwr_hold_days - 1 > t)
		t = p->acwr_hold_days - 1;
	/* long-run-spike is raised on the day of the run: no hold */
	return t < NEXT_TRAIL_MAX ? t : NEXT_TRAIL_MAX;
}

/* Everything a candidate week is judged with. */
struct nctx {
	const struct an_params *p;
	struct an_series s;            /* journal to today + the week ahead */
	struct an_day   *days;
	size_t           ahead;        /* index of today + 1 */
	int              span;         /* days judged: NEXT_DAYS + trail */
	struct an_pass   saved;        /* state after today */
	struct an_run   *runs;         /* per day: its plan, then one more;
	                                  then one per trailing day */
	int              nplan[NEXT_DAYS];     /* planned runs with distance */
	int              first[NEXT_DAYS];     /* index of the day's runs */
	double           au_per_km;    /* of a pattern run; 0: load_per_km */
	int             *base_plan;    /* [span][NPROJ]: severity with the
	                                  plan alone; -1 none */
	int             *base_long;    /* the same without the planned run
	                                  a long-run search changes */
	const int       *base;         /* the one candidates are judged by */
};

/*
 * 1 when a projected flag of severity v (-1: none) of rule r on day k of
 * the span passes against base: no flag, or one that base (what is
 * raised whatever else is run) has for that rule on that day at the same
 * or a higher severity. Another day, a higher severity or another rule
 * is not excused.
 */
static int
given_ok(const int *base, int k, size_t r, int v)
{
	return v < 0 || v <= base[k * (int)NPROJ + (int)r];
}

/* A run of the pattern of m metres (> 0) into *r. */
static void
pattern_run(struct an_run *r, int64_t m, double au_per_km)
{
	memset(r, 0, sizeof *r);
	r->distance_m = m;
	if (au_per_km > 0) {
		/* load = RPE x minutes = km x the runner's AU per km */
		r->rpe = NEXT_RPE;
		r->duration_s = (int64_t)(m / 1000.0 * au_per_km * 60.0 /
		    NEXT_RPE + 0.5);
		if (r->duration_s < 1)
			r->duration_s = 1;
	} else {
		r->duration_s = m * 36 / 100;   /* 6:00 per km */
	}
}

/* Writes the week's extra runs (hyp[k] metres on day k) into the days. */
static void
week_set(struct nctx *c, const int64_t hyp[NEXT_DAYS])
{
	int k;

	for (k = 0; k < NEXT_DAYS; k++) {
		struct an_day *d = &c->days[c->ahead + (size_t)k];

		d->nruns = c->nplan[k];
		if (hyp[k] <= 0)
			continue;
		pattern_run(&c->runs[c->first[k] + c->nplan[k]], hyp[k],
		    c->au_per_km);
		d->nruns++;
	}
}

/*
 * Runs the week ahead as written, and the trailing days after it. When
 * sev is not NULL, stores the severity of each projected rule per day
 * (sev[k * NPROJ + r], -1 none) and, when flags is not NULL, every flag
 * of every day of the week. Returns 1 when no projected rule is raised
 * above c->base (or sev is being filled), else 0 with the first such flag
 * in *bad and its day in *bad_day.
 */
static int
week_run(struct nctx *c, int *sev, struct next_day *flags,
    struct an_flag *bad, int *bad_day)
{
	struct an_pass ps = c->saved;
	struct an_metrics m;
	struct an_flag f;
	size_t r;
	int k;

	for (k = 0; k < c->span && an_pass_next(&ps, &m); k++) {
		if (flags != NULL && k < NEXT_DAYS)
			flags[k].nflags = an_flags(&m, c->p, flags[k].flags);
		for (r = 0; r < NPROJ; r++) {
			const struct an_rule *ru = &an_rules[projected[r]];
			int v = -1;

			memset(&f, 0, sizeof f);
			f.id = ru->id;
			if (!(c->p->rules_off & (1u << ru->id)) &&
			    ru->decide(&m, c->p, &f) &&
			    f.severity >= AN_WARNING)
				v = (int)f.severity;
			if (sev != NULL) {
				sev[k * (int)NPROJ + (int)r] = v;
			} else if (!given_ok(c->base, k, r, v)) {
				*bad = f;
				*bad_day = m.day;
				return 0;
			}
		}
	}
	return 1;
}

static int
week_ok(struct nctx *c, const int64_t hyp[NEXT_DAYS], struct an_flag *bad,
    int *bad_day)
{
	week_set(c, hyp);
	return week_run(c, NULL, NULL, bad, bad_day);
}

void
next_pattern(const struct an_series *s, const struct an_params *p,
    int today, struct next_pattern *pat)
{
	int64_t total = 0, longsum = 0;
	double load = 0;
	int j, d, wd, longweeks = 0, from;

	memset(pat, 0, sizeof *pat);
	for (j = 0; j < NEXT_PATTERN_WEEKS; j++)
		if (today - 7 * j - 6 >= s->journal_start)
			pat->weeks = j + 1;
	from = pat->weeks > 0 ? today - 7 * pat->weeks + 1 : s->journal_start;
	for (j = 0; j < (pat->weeks > 0 ? pat->weeks : 1); j++) {
		int64_t longest = 0;
		int end = today - 7 * j, start = end - 6;

		if (start < from)
			start = from;
		for (d = start; d <= end; d++) {
			long i = (long)d - (s->ndays ? s->days[0].day : d);
			const struct an_day *day;
			int k;

			if (s->ndays == 0 || i < 0 || (size_t)i >= s->ndays)
				continue;
			day = &s->days[i];
			wd = date_weekday(d);
			for (k = 0; k < day->nruns; k++) {
				pat->dist_m[wd] += day->runs[k].distance_m;
				total += day->runs[k].distance_m;
				load += an_run_load(&day->runs[k], p);
				if (day->runs[k].distance_m > longest)
					longest = day->runs[k].distance_m;
			}
		}
		if (longest > 0) {
			longsum += longest;
			longweeks++;
		}
	}
	for (wd = 0; wd < 7 && total > 0; wd++)
		pat->share[wd] = (double)pat->dist_m[wd] / (double)total;
	pat->usual_week_m = pat->weeks > 0 ? total / pat->weeks : total;
	pat->usual_long_m = longweeks > 0 ? longsum / longweeks : 0;
	pat->au_per_km = total > 0 ? load / (total / 1000.0) : 0;
}

/*
 * The weight of each day ahead in a candidate week: its weekday's share
 * of the pattern; 0 on a day whose plan gives the distance. Without any
 * share on the free days, each free day weighs the same. Returns the
 * number of free days (days without a planned distance).
 */
static int
week_weights(const struct next_result *res, const struct nctx *c,
    double w[NEXT_DAYS])
{
	double sum = 0;
	int k, nfree = 0;

	for (k = 0; k < NEXT_DAYS; k++) {
		w[k] = 0;
		if (c->nplan[k] > 0)
			continue;
		nfree++;
		w[k] = res->pat.share[date_weekday(res->today + 1 + k)];
		if (res->days[k].nplanned > 0 && w[k] < 1.0 / 7)
			w[k] = 1.0 / 7;       /* a plan with no distance */
		sum += w[k];
	}
	for (k = 0; k < NEXT_DAYS && sum <= 0; k++)
		if (c->nplan[k] == 0)
			w[k] = 1;
	return nfree;
}

/* week_total metres (the plan included) spread over w: hyp[]. */
static void
week_fill(int64_t planned, int64_t week_total, const double w[NEXT_DAYS],
    int64_t hyp[NEXT_DAYS])
{
	int64_t left = week_total - planned, given = 0;
	double sum = 0;
	int k, big = -1;

	for (k = 0; k < NEXT_DAYS; k++) {
		sum += w[k];
		if (w[k] > 0 && (big < 0 || w[k] > w[big]))
			big = k;
	}
	for (k = 0; k < NEXT_DAYS; k++) {
		hyp[k] = left > 0 && sum > 0 ?
		    (int64_t)(left * (w[k] / sum)) : 0;
		given += hyp[k];
	}
	if (big >= 0 && left > given)
		hyp[big] += left - given;     /* what rounding left over */
}

/*
 * A candidate: the week at x metres, or the long run at x metres on a
 * free day, or the planned run runs[plan_run] made x metres long.
 */
struct cand {
	int64_t        planned;
	const double  *w;
	const int64_t *base;       /* the week the long run is tried in */
	int            long_index; /* -1: x is the week's distance */
	int            plan_run;   /* >= 0: x replaces that planned run */
	struct an_run  orig;       /* that run as planned */
};

static void
cand_build(const struct cand *cd, int64_t x, int64_t hyp[NEXT_DAYS])
{
	if (cd->long_index < 0) {
		week_fill(cd->planned, x, cd->w, hyp);
	} else {
		memcpy(hyp, cd->base, NEXT_DAYS * sizeof *hyp);
		if (cd->plan_run < 0)
			hyp[cd->long_index] = x;
	}
}

/* The planned run of cd made x metres long, at its planned pace and RPE. */
static void
cand_plan_run(struct nctx *c, const struct cand *cd, int64_t x)
{
	struct an_run *r = &c->runs[cd->plan_run];

	*r = cd->orig;
	r->distance_m = x;
	r->duration_s = cd->orig.distance_m > 0 ? (int64_t)((double)
	    cd->orig.duration_s * (double)x / (double)cd->orig.distance_m +
	    0.5) : 0;
	if (x > 0 && r->duration_s < 1)
		r->duration_s = 1;
}

static int
cand_ok(struct nctx *c, const struct cand *cd, int64_t x,
    struct next_answer *a)
{
	int64_t hyp[NEXT_DAYS];

	cand_build(cd, x, hyp);
	if (cd->plan_run >= 0)
		cand_plan_run(c, cd, x);
	return week_ok(c, hyp, &a->flag, &a->limit_day);
}

/*
 * The largest x from lo (the least the candidate can be) up to cap, in
 * steps of NEXT_STEP_M, that raises nothing new: a bisection between the
 * last x known to pass and the first known to fail.
 */
static void
search(struct nctx *c, const struct cand *cd, int64_t lo, int64_t cap,
    struct next_answer *a)
{
	int64_t ok = 0, bad = (cap - lo + NEXT_STEP_M - 1) / NEXT_STEP_M, mid;
	struct next_answer tmp;

	memset(a, 0, sizeof *a);
	if (!cand_ok(c, cd, lo, a)) {
		a->status = NEXT_LIMITED;   /* lo itself adds a flag */
		a->value_m = lo;
		return;
	}
	if (cand_ok(c, cd, cap, &tmp)) {
		a->status = NEXT_NO_LIMIT;
		return;
	}
	*a = tmp;
	while (bad - ok > 1) {
		mid = ok + (bad - ok) / 2;
		tmp = *a;
		if (cand_ok(c, cd, lo + mid * NEXT_STEP_M, &tmp))
			ok = mid;
		else {
			bad = mid;
			*a = tmp;
		}
	}
	a->status = NEXT_LIMITED;
	a->value_m = lo + ok * NEXT_STEP_M;
}

/* The longest planned run of the week: its index in c->runs and its day
 * in *day, or -1 when no plan has a distance. */
static int
plan_longest(const struct nctx *c, int *day)
{
	int k, r, best = -1;

	for (k = 0; k < NEXT_DAYS; k++)
		for (r = 0; r < c->nplan[k]; r++) {
			int i = c->first[k] + r;

			if (best < 0 ||
			    c->runs[i].distance_m > c->runs[best].distance_m) {
				best = i;
				*day = k;
			}
		}
	return best;
}

/* Both answers of one variant, with the days weighted by w. */
static void
variant(struct nctx *c, const struct next_result *res, const double *w,
    int nfree, struct next_week *v)
{
	struct cand cd;
	int64_t base_m, hyp[NEXT_DAYS], bigplan = 0, bigfree = 0;
	int k, pday = -1, pi;

	memset(&cd, 0, sizeof cd);
	cd.planned = res->planned_m;
	cd.w = w;
	cd.long_index = cd.plan_run = -1;
	if ((pi = plan_longest(c, &pday)) >= 0)
		bigplan = c->runs[pi].distance_m;
	v->long_index = -1;
	v->long_plan_m = 0;
	for (k = 0; k < NEXT_DAYS; k++)
		if (w[k] > 0 && (v->long_index < 0 || w[k] > w[v->long_index]))
			v->long_index = k;
	if (nfree == 0) {
		/* the plan fills the week: its longest run is the long run */
		v->long_index = pday;
		v->long_plan_m = bigplan;
		v->week.status = v->run.status = NEXT_FIXED;
		v->week.value_m = res->planned_m;
		v->run.value_m = bigplan;
		v->base_m = res->planned_m;
		week_fill(res->planned_m, res->planned_m, w, v->day_m);
		memcpy(v->run_day_m, v->day_m, sizeof v->day_m);
		return;
	}
	c->base = c->base_plan;
	search(c, &cd, res->planned_m, NEXT_CAP_WEEK_M, &v->week);
	if (v->week.status == NEXT_NO_LIMIT)
		v->week.value_m = res->pat.usual_week_m > res->planned_m ?
		    res->pat.usual_week_m : res->planned_m;
	week_fill(res->planned_m, v->week.value_m, w, v->day_m);
	/* The long run: the rest of the week at the usual level, or at the
	 * largest week when that is less. */
	base_m = res->pat.usual_week_m;
	if (v->week.status == NEXT_LIMITED && v->week.value_m < base_m)
		base_m = v->week.value_m;
	if (base_m < res->planned_m)
		base_m = res->planned_m;
	v->base_m = base_m;
	week_fill(res->planned_m, base_m, w, hyp);
	for (k = 0; k < NEXT_DAYS; k++)
		if (hyp[k] > bigfree)
			bigfree = hyp[k];
	cd.base = hyp;
	cd.long_index = v->long_index;
	if (pi >= 0 && bigplan >= bigfree) {
		/* The plan holds the long run: how far could it go, the rest
		 * of the plan as it is, against what that rest raises? */
		v->long_index = cd.long_index = pday;
		v->long_plan_m = bigplan;
		cd.plan_run = pi;
		cd.orig = c->runs[pi];
		c->base = c->base_long;
	}
	search(c, &cd, 0, NEXT_CAP_RUN_M, &v->run);
	if (v->run.status == NEXT_NO_LIMIT)
		v->run.value_m = res->pat.usual_long_m > bigplan ?
		    res->pat.usual_long_m : bigplan;
	cand_build(&cd, v->run.value_m, v->run_day_m);
	if (cd.plan_run >= 0)
		c->runs[pi] = cd.orig;
	c->base = c->base_plan;
}

/*
 * The trailing days after the week, days[from..n): the planned runs of
 * such a day as planned; a day without a planned distance runs its
 * weekday's mean distance in the pattern (res->pat), as one run of the
 * pattern. The runs go from c->runs[nr] on.
 */
static void
trail_set(struct nctx *c, const struct next_pattern *pat,
    const struct an_planned *plan, size_t np, size_t from, size_t n,
    size_t nr)
{
	int weeks = pat->weeks > 0 ? pat->weeks : 1;
	size_t i, j;

	for (i = from; i < n; i++) {
		int64_t m = pat->dist_m[date_weekday(c->days[i].day)] / weeks;
		struct an_day *d = &c->days[i];

		d->runs = &c->runs[nr];
		for (j = 0; j < np; j++) {
			if (plan[j].day != d->day || plan[j].distance_m <= 0)
				continue;
			c->runs[nr].distance_m = plan[j].distance_m;
			c->runs[nr].duration_s = plan[j].duration_s > 0 ?
			    plan[j].duration_s : plan[j].distance_m * 36 / 100;
			c->runs[nr++].rpe = plan[j].rpe;
			d->nruns++;
		}
		if (d->nruns > 0 || m <= 0)
			continue;
		pattern_run(&c->runs[nr++], m, c->au_per_km);
		d->nruns = 1;
	}
}

/*
 * Copies the journal to today and makes room for the week ahead and its
 * runs, then the trailing days: the plan's runs are written once, each
 * day's in a row, and so are the trailing days' runs. 0, or -1.
 */
static int
ctx_open(struct nctx *c, const struct an_series *s, const struct an_params *p,
    int today, const struct an_planned *plan, size_t np,
    struct next_result *res)
{
	int start = s->ndays > 0 ? s->days[0].day : today, k;
	size_t n, i, nr = 0;

	memset(c, 0, sizeof *c);
	if (start > today)
		return -1;
	c->p = p;
	c->au_per_km = res->pat.au_per_km;
	c->span = NEXT_DAYS + next_trail_days(p);
	c->ahead = (size_t)(today - start + 1);
	n = c->ahead + (size_t)c->span;
	c->days = calloc(n, sizeof *c->days);
	c->runs = calloc(np + (size_t)c->span, sizeof *c->runs);
	c->base_plan = calloc((size_t)c->span * NPROJ, sizeof *c->base_plan);
	c->base_long = calloc((size_t)c->span * NPROJ, sizeof *c->base_long);
	if (c->days == NULL || c->runs == NULL || c->base_plan == NULL ||
	    c->base_long == NULL)
		return -1;
	c->base = c->base_plan;
	for (i = 0; i < n; i++) {
		c->days[i].day = start + (int)i;
		c->days[i].sleep_min = -1;
		c->days[i].fluid_ml = -1;
		if (i < c->ahead && i < s->ndays)
			c->days[i] = s->days[i];
	}
	for (k = 0; k < NEXT_DAYS; k++) {
		int day = today + 1 + k;

		c->first[k] = (int)nr;
		res->days[k].day = day;
		for (i = 0; i < np; i++) {
			if (plan[i].day != day)
				continue;
			res->days[k].nplanned++;
			if (plan[i].distance_m <= 0)
				continue;
			c->runs[nr].distance_m = plan[i].distance_m;
			c->runs[nr].duration_s = plan[i].duration_s > 0 ?
			    plan[i].duration_s : plan[i].distance_m * 36 / 100;
			c->runs[nr].rpe = plan[i].rpe;
			res->days[k].planned_m += plan[i].distance_m;
			res->planned_m += plan[i].distance_m;
			nr++;
			c->nplan[k]++;
		}
		c->days[c->ahead + (size_t)k].runs = &c->runs[c->first[k]];
		nr++;                          /* the day's pattern run */
	}
	trail_set(c, &res->pat, plan, np, c->ahead + NEXT_DAYS, n, nr);
	c->s.days = c->days;
	c->s.ndays = n;
	c->s.journal_start = s->ndays > 0 ? s->journal_start : today;
	return 0;
}

static void
ctx_close(struct nctx *c)
{
	free(c->days);
	free(c->runs);
	free(c->base_plan);
	free(c->base_long);
}

/* Why an answer would have no limit, from the first day ahead. */
static unsigned
why_free(struct nctx *c)
{
	struct an_pass ps = c->saved;
	struct an_metrics m;
	const struct an_params *p = c->p;
	unsigned why = 0;

	if (!an_pass_next(&ps, &m))
		return 0;
	if (p->rules_off & (1u << AN_MILEAGE_JUMP))
		why |= NEXT_WHY_JUMP_OFF;
	else if (!m.jump_ready ||
	    m.jump_level_m < (int64_t)(p->jump_floor_km * 1000))
		why |= NEXT_WHY_JUMP_FLOOR;
	if (p->rules_off & (1u << AN_LONG_RUN_SPIKE))
		why |= NEXT_WHY_SPIKE_OFF;
	else if (!m.spike_ready || m.longest_prev_m <= 0)
		why |= NEXT_WHY_SPIKE_NEW;
	if (p->rules_off & (1u << AN_ACWR))
		why |= NEXT_WHY_ACWR_OFF;
	else if (m.acwr < 0)
		why |= NEXT_WHY_ACWR_BASE;
	return why;
}

/* The flags of c->base_plan into out->given and out->already. */
static void
given_list(const struct nctx *c, struct next_result *out)
{
	size_t r;
	int k;

	for (k = 0; k < c->span; k++)
		for (r = 0; r < NPROJ; r++) {
			int v = c->base_plan[k * (int)NPROJ + (int)r];
			struct next_given *g;

			if (v < 0 || out->ngiven >= NEXT_GIVEN_MAX)
				continue;
			g = &out->given[out->ngiven++];
			g->day = out->today + 1 + k;
			g->id = projected[r];
			g->severity = (enum an_severity)v;
			out->already |= 1u << projected[r];
		}
}

int
next_compute(const struct an_series *s, const struct an_params *p,
    int today, const struct an_planned *plan, size_t np,
    struct next_result *out)
{
	struct nctx c;
	struct an_metrics m;
	int64_t zero[NEXT_DAYS] = { 0 };
	double w[NEXT_DAYS], wr[NEXT_DAYS];
	int nfree, k, small = -1, npos = 0, pi, pday = -1;

	memset(out, 0, sizeof *out);
	out->today = today;
	next_pattern(s, p, today, &out->pat);
	if (ctx_open(&c, s, p, today, plan, np, out) != 0) {
		ctx_close(&c);
		return -1;
	}
	an_pass_init(&c.saved, &c.s, p);
	while (c.saved.i < c.ahead && an_pass_next(&c.saved, &m))
		;
	/* The plan alone: its flags, and what holds whatever is run. */
	week_set(&c, zero);
	week_run(&c, c.base_plan, out->days, NULL, NULL);
	given_list(&c, out);
	/* ... and without its longest run, for that run's own answer */
	if ((pi = plan_longest(&c, &pday)) >= 0) {
		struct an_run keep = c.runs[pi];

		c.runs[pi].distance_m = c.runs[pi].duration_s = 0;
		week_run(&c, c.base_long, NULL, NULL, NULL);
		c.runs[pi] = keep;
	}
	for (k = 0; k < NEXT_DAYS; k++)
		if (out->days[k].nplanned == 0)
			out->days[k].nflags = 0;
	out->why = why_free(&c);
	nfree = week_weights(out, &c, w);
	variant(&c, out, w, nfree, &out->usual);
	out->usual.rest_index = -1;
	/* One more rest day: the free running day of least share. */
	memcpy(wr, w, sizeof wr);
	for (k = 0; k < NEXT_DAYS; k++) {
		if (wr[k] <= 0)
			continue;
		npos++;
		if (small < 0 || wr[k] < wr[small])
			small = k;
	}
	if (npos >= 2) {
		wr[small] = 0;
		variant(&c, out, wr, nfree, &out->rest);
		out->rest.rest_index = small;
	} else {
		out->rest = out->usual;
	}
	ctx_close(&c);
	return 0;
}
