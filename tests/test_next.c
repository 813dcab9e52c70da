/*
 * next: the safe week ahead agrees with the rules. Each answer is built
 * into a real week of runs after the journal, followed by the days the
 * rules' holds need run as the usual week, and run through the real pass
 * and rules (an_metrics_all, an_flags): at the answer nothing of
 * mileage-jump, long-run-spike or acwr is raised, 10% over it something
 * is. Also: the usual pattern, the rest-day variant, projected flags on
 * planned days, a week whose last days carry the distance, the answer
 * without a limiting rule on a new journal, and a 50-year journal.
 */
#include "testutil.h"

#include <time.h>

#include "date.h"
#include "next.h"

#define MAXD 18400

/* A journal of at most one run a day: runs[i] is day i's. */
struct jr {
	struct an_day days[MAXD];
	struct an_run runs[MAXD];
	size_t        n;
	int           start;
};

static struct jr J, V;       /* the journal, and journal + a week */

static void
jr_init(struct jr *j, int start, size_t n)
{
	size_t i;

	memset(j, 0, sizeof *j);
	j->start = start;
	j->n = n;
	for (i = 0; i < n; i++) {
		j->days[i].day = start + (int)i;
		j->days[i].sleep_min = -1;
		j->days[i].fluid_ml = -1;
		j->days[i].runs = &j->runs[i];
	}
}

/* A run of m metres at 6:00 a km, no RPE: loaded by distance. */
static void
jr_set(struct jr *j, size_t i, int64_t m)
{
	j->runs[i].distance_m = m;
	j->runs[i].duration_s = m * 36 / 100;
	j->runs[i].rpe = 0;
	j->days[i].nruns = m > 0;
}

static struct an_series
jr_series(const struct jr *j)
{
	struct an_series s = { j->days, j->n, j->start };
	return s;
}

/* The usual week: Tue 8, Thu 10, Sat 16 and Sun 6 km, 40 km in all. */
static int64_t
usual_m(int day)
{
	static const int64_t km[7] = { 0, 8, 0, 10, 0, 16, 6 };
	return km[date_weekday(day)] * 1000;
}

/* weeks of the usual week, ending on today; returns today. */
static int
steady(struct jr *j, int weeks)
{
	int start = date_from_ymd(2026, 1, 5);     /* a Monday */
	size_t i;

	jr_init(j, start, (size_t)weeks * 7);
	for (i = 0; i < j->n; i++)
		jr_set(j, i, usual_m(start + (int)i));
	return start + (int)j->n - 1;
}

/* weeks of the usual week, then extra days more; returns today. */
static int
steady_to(struct jr *j, int weeks, int extra)
{
	int start = date_from_ymd(2026, 1, 5);
	size_t i;

	jr_init(j, start, (size_t)(weeks * 7 + extra));
	for (i = 0; i < j->n; i++)
		jr_set(j, i, usual_m(start + (int)i));
	return start + (int)j->n - 1;
}

static struct an_params P;
static int first_raised;     /* day of the last raised_ahead()'s first flag */

/*
 * The journal J followed by the week ahead, day k at day_m[k] x scale,
 * then the trailing days of next_trail_days() at the usual week (carrying
 * on as usual): the bits (1 << id) of the projected rules raised as a
 * warning or an alert on a day ahead; the first such day in first_raised
 * (0 when none).
 */
static unsigned
raised_ahead(const int64_t day_m[NEXT_DAYS], double scale)
{
	static struct an_metrics m[MAXD];
	struct an_series s;
	struct an_flag f[AN_FLAGS_MAX];
	unsigned bits = 0;
	size_t i, trail = (size_t)next_trail_days(&P);
	int k, n, q;

	jr_init(&V, J.start, J.n + NEXT_DAYS + trail);
	for (i = 0; i < J.n; i++)
		jr_set(&V, i, J.runs[i].distance_m);
	for (k = 0; k < NEXT_DAYS; k++)
		jr_set(&V, J.n + (size_t)k, (int64_t)(day_m[k] * scale + 0.5));
	for (i = J.n + NEXT_DAYS; i < V.n; i++)
		jr_set(&V, i, usual_m(V.days[i].day));
	s = jr_series(&V);
	an_metrics_all(&s, &P, m);
	first_raised = 0;
	for (i = J.n; i < V.n; i++) {
		n = an_flags(&m[i], &P, f);
		for (q = 0; q < n; q++)
			if (next_rule_projected(f[q].id) &&
			    f[q].severity >= AN_WARNING) {
				bits |= 1u << f[q].id;
				if (first_raised == 0)
					first_raised = m[i].day;
			}
	}
	return bits;
}

static int
compute(int today, const struct an_planned *plan, size_t np,
    struct next_result *r)
{
	struct an_series s = jr_series(&J);

	return next_compute(&s, &P, today, plan, np, r);
}

static int
setup(void **state)
{
	(void)state;
	an_params_defaults(&P);
	return 0;
}

/* The usual pattern: shares per weekday, the mean week and long run. */
static void
test_pattern(void **state)
{
	struct next_pattern pat;
	struct an_series s;
	int today;

	(void)state;
	today = steady(&J, 12);
	s = jr_series(&J);
	next_pattern(&s, &P, today, &pat);
	assert_int_equal(pat.weeks, NEXT_PATTERN_WEEKS);
	assert_int_equal(pat.usual_week_m, 40000);
	assert_int_equal(pat.usual_long_m, 16000);
	assert_float_equal(pat.share[5], 0.4, 1e-12);      /* Saturday */
	assert_float_equal(pat.share[0], 0, 1e-12);
	assert_float_equal(pat.au_per_km, P.load_per_km, 1e-9);
	/* A journal of 10 days: one whole week. */
	jr_init(&J, date_from_ymd(2026, 3, 2), 10);
	jr_set(&J, 9, 5000);
	jr_set(&J, 1, 7000);
	s = jr_series(&J);
	next_pattern(&s, &P, J.start + 9, &pat);
	assert_int_equal(pat.weeks, 1);
	assert_int_equal(pat.usual_week_m, 5000);
}

/*
 * A steady runner: the largest week, spread over the pattern, raises
 * nothing; 10% more raises a flag of the three; the day-by-day week the
 * answer reports is the one judged.
 */
static void
test_week_answer_agrees(void **state)
{
	struct next_result r;
	int64_t sum = 0;
	int today, k;

	(void)state;
	today = steady(&J, 12);
	assert_int_equal(compute(today, NULL, 0, &r), 0);
	assert_int_equal(r.usual.week.status, NEXT_LIMITED);
	for (k = 0; k < NEXT_DAYS; k++)
		sum += r.usual.day_m[k];
	assert_int_equal(sum, r.usual.week.value_m);
	/* a rise of about 10% over 40 km */
	assert_true(r.usual.week.value_m > 40000);
	assert_true(r.usual.week.value_m < 48000);
	assert_int_equal(r.usual.week.value_m % NEXT_STEP_M, 0);
	assert_int_equal(raised_ahead(r.usual.day_m, 1.0), 0);
	assert_int_not_equal(raised_ahead(r.usual.day_m, 1.1), 0);
	/* the rule named is raised 100 m over */
	assert_true(next_rule_projected(r.usual.week.flag.id));
	assert_true(r.usual.week.limit_day > today);
	assert_true(r.usual.week.limit_day <=
	    today + NEXT_DAYS + next_trail_days(&P));
	/* at most +10% over the level of 40 km, however the week ends */
	assert_true(r.usual.week.value_m <= 44000);
	/* the pattern's days: nothing on Monday, most on Saturday */
	for (k = 0; k < NEXT_DAYS; k++)
		if (usual_m(today + 1 + k) == 0)
			assert_int_equal(r.usual.day_m[k], 0);
		else
			assert_true(r.usual.day_m[k] > 0);
	assert_int_equal(date_weekday(today + 1 + r.usual.long_index), 5);
	assert_int_equal(r.why & NEXT_WHY_JUMP_FLOOR, 0);
	assert_int_equal(r.already, 0);
}

/* The longest run: at it no long-run-spike, 10% over it one. */
static void
test_run_answer_agrees(void **state)
{
	struct next_result r;
	int64_t wk[NEXT_DAYS];
	int today, li;

	(void)state;
	today = steady(&J, 12);
	assert_int_equal(compute(today, NULL, 0, &r), 0);
	assert_int_equal(r.usual.run.status, NEXT_LIMITED);
	assert_int_equal(r.usual.run.flag.id, AN_LONG_RUN_SPIKE);
	/* 110% of the 16 km long run, to 100 m */
	assert_int_equal(r.usual.run.value_m, 17600);
	li = r.usual.long_index;
	assert_int_equal(r.usual.run_day_m[li], r.usual.run.value_m);
	assert_int_equal(raised_ahead(r.usual.run_day_m, 1.0), 0);
	memcpy(wk, r.usual.run_day_m, sizeof wk);
	wk[li] = r.usual.run.value_m * 11 / 10;
	assert_true(raised_ahead(wk, 1.0) & (1u << AN_LONG_RUN_SPIKE));
	/* 100 m over is already one */
	wk[li] = r.usual.run.value_m + NEXT_STEP_M;
	assert_true(raised_ahead(wk, 1.0) & (1u << AN_LONG_RUN_SPIKE));
}

/*
 * One more rest day: the running day of least share (Sunday, 6 km) is
 * rested, the others carry the week; its answers agree with the rules.
 */
static void
test_rest_variant(void **state)
{
	struct next_result r;
	int today;

	(void)state;
	today = steady(&J, 12);
	assert_int_equal(compute(today, NULL, 0, &r), 0);
	assert_true(r.rest.rest_index >= 0);
	assert_int_equal(date_weekday(today + 1 + r.rest.rest_index), 6);
	assert_int_equal(r.rest.day_m[r.rest.rest_index], 0);
	assert_int_equal(r.usual.rest_index, -1);
	assert_int_equal(raised_ahead(r.rest.day_m, 1.0), 0);
	assert_int_not_equal(raised_ahead(r.rest.day_m, 1.1), 0);
	assert_int_equal(raised_ahead(r.rest.run_day_m, 1.0), 0);
	/* the long run grows with the week on fewer days: the week is less */
	assert_true(r.rest.week.value_m <= r.usual.week.value_m);
}

/*
 * Planned runs keep their day and distance, and each planned day shows
 * the flags it would raise: a 25 km long run raises long-run-spike on
 * its own day, an easy 5 km nothing.
 */
static void
test_projected_flags(void **state)
{
	struct next_result r;
	struct an_planned plan[2];
	int today, k, f, spike;

	(void)state;
	today = steady(&J, 12);
	memset(plan, 0, sizeof plan);
	plan[0].day = today + 1;
	plan[0].distance_m = 5000;
	plan[1].day = today + 3;
	plan[1].distance_m = 25000;
	plan[1].rpe = 0;
	assert_int_equal(compute(today, plan, 2, &r), 0);
	assert_int_equal(r.planned_m, 30000);
	assert_int_equal(r.days[0].planned_m, 5000);
	assert_int_equal(r.days[0].nflags, 0);
	assert_int_equal(r.days[2].planned_m, 25000);
	for (k = 0, spike = 0; k < NEXT_DAYS; k++) {
		for (f = 0; f < r.days[k].nflags; f++)
			if (r.days[k].flags[f].id == AN_LONG_RUN_SPIKE)
				spike |= 1 << k;
		if (r.days[k].nplanned == 0)
			assert_int_equal(r.days[k].nflags, 0);
	}
	assert_int_equal(spike, 1 << 2);
	/* the spike comes from the plan: the answers take it as given */
	assert_true(r.already & (1u << AN_LONG_RUN_SPIKE));
	assert_true(r.usual.week.value_m >= r.planned_m);
	assert_int_equal(r.usual.day_m[0], 0);
	assert_int_equal(r.usual.day_m[2], 0);
	/* a plan outside the week ahead is left out */
	plan[1].day = today + 8;
	assert_int_equal(compute(today, plan, 2, &r), 0);
	assert_int_equal(r.planned_m, 5000);
}

/* A plan with an RPE is loaded by it, one without by distance. */
static void
test_plan_fills_week(void **state)
{
	struct next_result r;
	struct an_planned plan[NEXT_DAYS];
	int today, k;

	(void)state;
	today = steady(&J, 12);
	memset(plan, 0, sizeof plan);
	for (k = 0; k < NEXT_DAYS; k++) {
		plan[k].day = today + 1 + k;
		plan[k].distance_m = 4000;
		plan[k].duration_s = 1500;
		plan[k].rpe = 3;
	}
	assert_int_equal(compute(today, plan, NEXT_DAYS, &r), 0);
	assert_int_equal(r.usual.week.status, NEXT_FIXED);
	assert_int_equal(r.usual.week.value_m, 28000);
	assert_int_equal(r.usual.run.value_m, 4000);
	assert_int_equal(r.rest.rest_index, -1);
}

/*
 * The usual week planned run by run: loaded by distance without an RPE
 * it raises nothing; at RPE 10 and 6:00 a km (60 AU a km against the 24
 * of a run loaded by distance) the load ratio climbs over its band.
 */
static int
plan_acwr(int rpe)
{
	struct next_result r;
	struct an_planned plan[NEXT_DAYS];
	int today = steady(&J, 12), k, f, np = 0, bits = 0;

	memset(plan, 0, sizeof plan);
	for (k = 1; k <= NEXT_DAYS; k++) {
		if (usual_m(today + k) == 0)
			continue;
		plan[np].day = today + k;
		plan[np].distance_m = usual_m(today + k);
		plan[np].duration_s = plan[np].distance_m * 36 / 100;
		plan[np].rpe = rpe;
		np++;
	}
	assert_int_equal(compute(today, plan, (size_t)np, &r), 0);
	for (k = 0; k < NEXT_DAYS; k++)
		for (f = 0; f < r.days[k].nflags; f++)
			bits |= 1 << r.days[k].flags[f].id;
	return bits;
}

static void
test_plan_load(void **state)
{
	(void)state;
	assert_int_equal(plan_acwr(0), 0);
	assert_true(plan_acwr(10) & (1 << AN_ACWR));
}

/* A new journal: no rule can limit; the answer says why. */
static void
test_no_limit_new_journal(void **state)
{
	struct next_result r;
	struct an_series s = { NULL, 0, 0 };
	int today = date_from_ymd(2026, 11, 25);

	(void)state;
	s.journal_start = today;
	assert_int_equal(next_compute(&s, &P, today, NULL, 0, &r), 0);
	assert_int_equal(r.usual.week.status, NEXT_NO_LIMIT);
	assert_int_equal(r.usual.run.status, NEXT_NO_LIMIT);
	assert_int_equal(r.usual.week.value_m, 0);
	assert_int_equal(r.why & NEXT_WHY_JUMP_FLOOR, NEXT_WHY_JUMP_FLOOR);
	assert_int_equal(r.why & NEXT_WHY_SPIKE_NEW, NEXT_WHY_SPIKE_NEW);
	assert_int_equal(r.why & NEXT_WHY_ACWR_BASE, NEXT_WHY_ACWR_BASE);
	assert_int_equal(r.pat.weeks, 0);

	/* A first week of 9 km: under the floor, no ratio yet, and the
	 * first run not yet 14 days back on any day ahead: nothing limits.
	 * The usual level is the suggestion. */
	jr_init(&J, today - 6, 7);
	jr_set(&J, 0, 3000);
	jr_set(&J, 3, 3000);
	jr_set(&J, 6, 3000);
	assert_int_equal(compute(today, NULL, 0, &r), 0);
	assert_int_equal(r.usual.week.status, NEXT_NO_LIMIT);
	assert_int_equal(r.usual.run.status, NEXT_NO_LIMIT);
	assert_int_equal(r.pat.usual_week_m, 9000);
	assert_int_equal(r.usual.week.value_m, 9000);
	assert_int_equal(r.usual.run.value_m, 3000);
	/* A week on, the first run is 14 days back within the week ahead:
	 * long-run-spike limits the long run, and with it the week. */
	jr_init(&J, today - 13, 14);
	jr_set(&J, 0, 3000);
	jr_set(&J, 3, 3000);
	jr_set(&J, 7, 3000);
	jr_set(&J, 10, 3000);
	assert_int_equal(compute(today, NULL, 0, &r), 0);
	assert_int_equal(r.usual.run.status, NEXT_LIMITED);
	assert_int_equal(r.usual.run.flag.id, AN_LONG_RUN_SPIKE);
	assert_int_equal(r.usual.run.value_m, 3300);
	/* switched off: said so */
	P.rules_off = 1u << AN_ACWR;
	assert_int_equal(compute(today, NULL, 0, &r), 0);
	assert_int_equal(r.why & NEXT_WHY_ACWR_OFF, NEXT_WHY_ACWR_OFF);
	an_params_defaults(&P);
}

/*
 * The same from each day of the week, with long-run-spike switched off
 * so that mileage-jump limits: whichever weekday today is, the week at
 * the answer, and the week with one more rest day, judged with the days
 * after it run as usual, raise nothing; 10% more raises something.
 * Judged over its 7 days alone, the week from a Sunday let 48.8 km pass
 * (+22%) and the week from a Saturday 46.6 km: their long runs come on
 * their last days, and the rise is held only on the days after them.
 */
static void
test_week_any_weekday(void **state)
{
	struct next_result r;
	int extra, today;

	(void)state;
	P.rules_off = 1u << AN_LONG_RUN_SPIKE;
	for (extra = 0; extra < 7; extra++) {
		today = steady_to(&J, 12, extra);
		assert_int_equal(compute(today, NULL, 0, &r), 0);
		assert_int_equal(r.usual.week.status, NEXT_LIMITED);
		assert_int_equal(r.usual.week.flag.id, AN_MILEAGE_JUMP);
		assert_true(r.usual.week.value_m > 44000);
		assert_true(r.usual.week.value_m < 46000);
		assert_int_equal(raised_ahead(r.usual.day_m, 1.0), 0);
		assert_int_not_equal(raised_ahead(r.usual.day_m, 1.1), 0);
		assert_int_equal(raised_ahead(r.usual.run_day_m, 1.0), 0);
		assert_int_equal(raised_ahead(r.rest.day_m, 1.0), 0);
		assert_int_not_equal(raised_ahead(r.rest.day_m, 1.1), 0);
		/* raised on the Monday after the week */
		if (date_weekday(today) == 6)
			assert_int_equal(r.usual.week.limit_day,
			    today + NEXT_DAYS + 1);
		if (date_weekday(today) == 5)
			assert_int_equal(r.usual.week.limit_day,
			    today + NEXT_DAYS + 2);
	}
	an_params_defaults(&P);
}

/*
 * The rules hold a condition past the day it starts: a window's distance
 * counts for mileage-jump once held on jump_hold_days days, a load ratio
 * for acwr once over its band acwr_hold_days in a row. The week ahead is
 * judged with as many days after it as the longest of those holds needs.
 */
static void
test_trail_days(void **state)
{
	(void)state;
	assert_int_equal(next_trail_days(&P), 2);
	P.acwr_hold_days = 5;
	assert_int_equal(next_trail_days(&P), 4);
	P.acwr_hold_days = 1;
	P.jump_hold_days = 1;
	assert_int_equal(next_trail_days(&P), 0);
	an_params_defaults(&P);
}

/*
 * A week ahead whose last day carries the distance: today a Tuesday, the
 * usual Thursday, Saturday and Sunday planned, and Tuesday, the last day
 * of the week, the only free running day. A big Tuesday makes the 7 days
 * ending on it a rise that is held only on the Thursday after the week,
 * once the windows ending on the two days before it have the same runs:
 * judged over the week alone, the answer was a week of 49.6 km (+24% of
 * the recent 40 km), limited by long-run-spike.
 */
static void
test_late_week(void **state)
{
	struct next_result r;
	struct an_planned plan[3];
	int64_t wk[NEXT_DAYS];
	size_t i, n;
	int today, k;

	(void)state;
	steady(&J, 12);
	n = J.n;
	jr_init(&J, J.start, n + 2);           /* to Tuesday */
	for (i = 0; i < J.n; i++)
		jr_set(&J, i, usual_m(J.start + (int)i));
	today = J.start + (int)J.n - 1;
	assert_int_equal(date_weekday(today), 1);
	memset(plan, 0, sizeof plan);
	plan[0].day = today + 2;               /* Thursday */
	plan[0].distance_m = 10000;
	plan[1].day = today + 4;               /* Saturday */
	plan[1].distance_m = 16000;
	plan[2].day = today + 5;               /* Sunday */
	plan[2].distance_m = 6000;
	assert_int_equal(compute(today, plan, 3, &r), 0);
	/* the planned 16 km is the week's long run, not the free Tuesday */
	assert_int_equal(r.usual.long_index, 3);
	assert_int_equal(r.usual.long_plan_m, 16000);
	assert_int_equal(r.usual.run.status, NEXT_LIMITED);
	assert_true(r.usual.run.value_m >= 16000);
	assert_int_equal(r.usual.week.status, NEXT_LIMITED);
	assert_int_equal(r.usual.week.flag.id, AN_MILEAGE_JUMP);
	/* +10% of 40 km, to the 100 m */
	assert_int_equal(r.usual.week.value_m, 44000);
	/* raised after the week, on the Thursday, by the held window */
	assert_int_equal(r.usual.week.limit_day, today + NEXT_DAYS + 2);
	/* the week at the answer, the plan in it, raises nothing */
	for (k = 0; k < NEXT_DAYS; k++)
		wk[k] = r.usual.day_m[k] + r.days[k].planned_m;
	assert_int_equal(wk[NEXT_DAYS - 1], 12000);
	assert_int_equal(raised_ahead(wk, 1.0), 0);
	/* the old answer raises mileage-jump after the week */
	wk[NEXT_DAYS - 1] = 17600;
	assert_true(raised_ahead(wk, 1.0) & (1u << AN_MILEAGE_JUMP));
	assert_true(first_raised > today + NEXT_DAYS);
	/* and so does the week 10% over the answer */
	wk[NEXT_DAYS - 1] = 12000 + 4400;
	assert_true(raised_ahead(wk, 1.0) & (1u << AN_MILEAGE_JUMP));
	/* the rest-day variant has no other free running day to rest */
	assert_int_equal(r.rest.rest_index, -1);
}

/* A week already run too far: the flags it leaves are taken as given. */
static void
test_already_raised(void **state)
{
	struct next_result r;
	int today;

	(void)state;
	today = steady(&J, 12);
	/* the last week doubled */
	jr_set(&J, J.n - 2, 32000);
	jr_set(&J, J.n - 4, 20000);
	jr_set(&J, J.n - 6, 16000);
	assert_int_equal(compute(today, NULL, 0, &r), 0);
	assert_true(r.already & (1u << AN_MILEAGE_JUMP));
	assert_int_equal(raised_ahead(r.usual.day_m, 1.0) & ~r.already, 0);
}

/* 1 when r takes flag id of severity sev on day as given. */
static int
has_given(const struct next_result *r, enum an_flag_id id, int day,
    enum an_severity sev)
{
	int i;

	for (i = 0; i < r->ngiven; i++)
		if (r->given[i].id == id && r->given[i].day == day &&
		    r->given[i].severity == sev)
			return 1;
	return 0;
}

/*
 * A planned 20 km long run raises long-run-spike on its own day: that
 * flag is taken as given there alone, and the week is still limited by
 * mileage-jump or acwr near the answer without the plan (44 km). The
 * longest run is the planned run's: 17.6 km, 110% of the 16 km before.
 */
static void
test_given_own_flag_only(void **state)
{
	struct next_result r, free_r;
	struct an_planned plan[1];
	int today, sat, k;

	(void)state;
	today = steady(&J, 12);
	assert_int_equal(compute(today, NULL, 0, &free_r), 0);
	memset(plan, 0, sizeof plan);
	for (sat = today + 1; date_weekday(sat) != 5; sat++)
		;
	plan[0].day = sat;
	plan[0].distance_m = 20000;
	assert_int_equal(compute(today, plan, 1, &r), 0);
	assert_int_equal(r.ngiven, 1);
	assert_true(has_given(&r, AN_LONG_RUN_SPIKE, sat, AN_WARNING));
	assert_int_equal(r.usual.week.status, NEXT_LIMITED);
	assert_true(r.usual.week.flag.id == AN_MILEAGE_JUMP ||
	    r.usual.week.flag.id == AN_ACWR);
	assert_true(r.usual.week.value_m > 40000);
	assert_true(r.usual.week.value_m <= free_r.usual.week.value_m + 2000);
	/* the answer's week raises nothing but the given spike */
	for (k = 0; k < NEXT_DAYS; k++)
		free_r.usual.day_m[k] = r.usual.day_m[k] + (today + 1 + k ==
		    sat ? 20000 : 0);
	assert_int_equal(raised_ahead(free_r.usual.day_m, 1.0),
	    1u << AN_LONG_RUN_SPIKE);
	/* the longest run is the planned one's day, and less than planned */
	assert_int_equal(r.usual.long_index, sat - today - 1);
	assert_int_equal(r.usual.long_plan_m, 20000);
	assert_int_equal(r.usual.run.status, NEXT_LIMITED);
	assert_int_equal(r.usual.run.flag.id, AN_LONG_RUN_SPIKE);
	assert_int_equal(r.usual.run.value_m, 17600);
	/* a planned 17 km raises nothing: nothing is given, and its day
	 * still holds the long run */
	plan[0].distance_m = 17000;
	assert_int_equal(compute(today, plan, 1, &r), 0);
	assert_int_equal(r.ngiven, 0);
	assert_int_equal(r.usual.long_plan_m, 17000);
}

/*
 * A plan that raises mileage-jump as a warning on its last days, with
 * one free day before them: the free day may add only until a warning
 * turns into an alert on a day where the plan alone has the warning.
 */
static void
test_given_severity(void **state)
{
	struct next_result r;
	struct an_planned plan[NEXT_DAYS];
	static const int64_t km[NEXT_DAYS] = { 0, 8, 11, 8, 4, 12, 6 };
	int today, k, np = 0, day;

	(void)state;
	today = steady(&J, 12);              /* a Sunday; level 40 km */
	P.rules_off |= 1u << AN_ACWR;
	P.rules_off |= 1u << AN_LONG_RUN_SPIKE;
	memset(plan, 0, sizeof plan);
	for (k = 1; k < NEXT_DAYS; k++) {
		plan[np].day = today + 1 + k;
		plan[np++].distance_m = km[k] * 1000;
	}
	assert_int_equal(compute(today, plan, (size_t)np, &r), 0);
	/* the plan alone: +22.5% held from the Friday, a warning */
	assert_true(has_given(&r, AN_MILEAGE_JUMP, today + 5, AN_WARNING));
	assert_int_equal(r.usual.week.status, NEXT_LIMITED);
	assert_int_equal(r.usual.week.flag.id, AN_MILEAGE_JUMP);
	assert_int_equal(r.usual.week.flag.severity, AN_ALERT);
	day = r.usual.week.limit_day;
	assert_true(has_given(&r, AN_MILEAGE_JUMP, day, AN_WARNING));
	/* 49 km planned + 3 km: the held 52 km is +30%, 100 m more is over */
	assert_int_equal(r.usual.week.value_m, 52000);
	assert_int_equal(r.usual.day_m[0], 3000);
}

/*
 * A plan on a day after the week is run as planned there, not as the
 * usual pattern: a 30 km run the day after the week raises
 * long-run-spike on that day.
 */
static void
test_trailing_plan(void **state)
{
	struct next_result r;
	struct an_planned plan[1];
	int today;

	(void)state;
	today = steady(&J, 12);
	memset(plan, 0, sizeof plan);
	plan[0].day = today + NEXT_DAYS + 1;
	plan[0].distance_m = 30000;
	assert_int_equal(compute(today, plan, 1, &r), 0);
	assert_int_equal(r.planned_m, 0);
	assert_true(has_given(&r, AN_LONG_RUN_SPIKE, today + NEXT_DAYS + 1,
	    AN_WARNING));
	/* beyond the days the rules need it is left out */
	plan[0].day = today + NEXT_DAYS + next_trail_days(&P) + 1;
	assert_int_equal(compute(today, plan, 1, &r), 0);
	assert_int_equal(r.ngiven, 0);
}

/* Bad input: a series that starts after today. */
static void
test_bad_input(void **state)
{
	struct next_result r;

	(void)state;
	steady(&J, 2);
	assert_int_equal(compute(J.start - 1, NULL, 0, &r), -1);
}

/*
 * A 50-year journal: the same answers as from its last year alone (the
 * look-back the command reads), computed in well under a second.
 */
static void
test_fifty_years(void **state)
{
	struct next_result a, b;
	struct an_series s;
	clock_t t0;
	int today;

	(void)state;
	today = steady(&J, 2600);
	t0 = clock();
	assert_int_equal(compute(today, NULL, 0, &a), 0);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 1.0);
	s.days = &J.days[J.n - 366];
	s.ndays = 366;
	s.journal_start = J.start;
	assert_int_equal(next_compute(&s, &P, today, NULL, 0, &b), 0);
	assert_int_equal(a.usual.week.value_m, b.usual.week.value_m);
	assert_int_equal(a.usual.run.value_m, b.usual.run.value_m);
	assert_int_equal(a.rest.week.value_m, b.rest.week.value_m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_pattern, setup),
		cmocka_unit_test_setup(test_week_answer_agrees, setup),
		cmocka_unit_test_setup(test_run_answer_agrees, setup),
		cmocka_unit_test_setup(test_rest_variant, setup),
		cmocka_unit_test_setup(test_projected_flags, setup),
		cmocka_unit_test_setup(test_plan_fills_week, setup),
		cmocka_unit_test_setup(test_plan_load, setup),
		cmocka_unit_test_setup(test_no_limit_new_journal, setup),
		cmocka_unit_test_setup(test_week_any_weekday, setup),
		cmocka_unit_test_setup(test_trail_days, setup),
		cmocka_unit_test_setup(test_late_week, setup),
		cmocka_unit_test_setup(test_already_raised, setup),
		cmocka_unit_test_setup(test_given_own_flag_only, setup),
		cmocka_unit_test_setup(test_given_severity, setup),
		cmocka_unit_test_setup(test_trailing_plan, setup),
		cmocka_unit_test_setup(test_bad_input, setup),
		cmocka_unit_test_setup(test_fifty_years, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
