/*
 * Unit tests of the analysis rules: every rule just below and just above
 * its threshold, the warm-up waits, gaps in the data, and the EWMA and
 * monotony numbers against values worked out by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <limits.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "analysis.h"

#define ND   400
#define BASE 20000          /* an arbitrary day: 2024-10-04 */

struct fx {
	struct an_day     days[ND];
	struct an_run     runs[ND][4];
	struct an_series  s;
	struct an_params  p;
	struct an_metrics m[ND];
	struct an_flag    f[AN_FLAGS_MAX];
	int               nf;
};

static struct fx fx;

/* A series of n empty days starting at BASE; the journal starts there. */
static void
fx_init(int n)
{
	int i;

	memset(&fx, 0, sizeof(fx));
	for (i = 0; i < n; i++) {
		fx.days[i].day = BASE + i;
		fx.days[i].runs = fx.runs[i];
		fx.days[i].sleep_min = -1;
		fx.days[i].fluid_ml = -1;
	}
	fx.s.days = fx.days;
	fx.s.ndays = (size_t)n;
	fx.s.journal_start = BASE;
	an_params_defaults(&fx.p);
}

static struct an_run *
fx_run(int i, int64_t dist_m, int64_t dur_s, int rpe)
{
	struct an_run *r = &fx.runs[i][fx.days[i].nruns++];

	r->distance_m = dist_m;
	r->duration_s = dur_s;
	r->rpe = rpe;
	return r;
}

static struct an_checkin *
fx_ck(int i, int fatigue)
{
	fx.days[i].has_checkin = 1;
	memset(&fx.days[i].ck, 0, sizeof(fx.days[i].ck));
	fx.days[i].ck.fatigue = fatigue;
	return &fx.days[i].ck;
}

/* Computes every day and the flags of day i. */
static void
fx_eval(int i)
{
	an_metrics_all(&fx.s, &fx.p, fx.m);
	fx.nf = an_flags(&fx.m[i], &fx.p, fx.f);
}

/* The flag with id among the last evaluation, or NULL. */
static const struct an_flag *
fx_flag(enum an_flag_id id)
{
	int k;

	for (k = 0; k < fx.nf; k++)
		if (fx.f[k].id == id)
			return &fx.f[k];
	return NULL;
}

static void
assert_flag(enum an_flag_id id, enum an_severity sev)
{
	const struct an_flag *f = fx_flag(id);

	if (f == NULL)
		fail_msg("expected %s", an_flag_name(id));
	assert_int_equal(f->severity, sev);
}

static void
assert_no_flag(enum an_flag_id id)
{
	if (fx_flag(id) != NULL)
		fail_msg("unexpected %s", an_flag_name(id));
}

/* Spreads total_m over days from..from+6, one run a day, RPE 4. */
static void
fx_week(int from, int64_t total_m)
{
	int k;

	for (k = 0; k < 7; k++) {
		int64_t d = total_m / 7 + (k < total_m % 7 ? 1 : 0);
		fx_run(from + k, d, d * 36 / 100, 4);   /* 6:00 /km */
	}
}

static void
test_defaults(void **state)
{
	struct an_params p;
	char err[160];

	(void)state;
	an_params_defaults(&p);
	assert_int_equal(p.jump_days, 7);
	assert_true(p.jump_warn_pct == 10 && p.jump_alert_pct == 30);
	assert_true(p.jump_floor_km == 10);
	assert_true(p.spike_pct == 110 && p.spike_days == 30);
	assert_true(p.acwr_acute_days == 7 && p.acwr_chronic_days == 28);
	assert_true(p.acwr_warn == 1.3 && p.acwr_alert == 1.5);
	assert_true(p.monotony_max == 2.0);
	assert_true(p.fatigue_level == 7 && p.fatigue_warn_days == 3 &&
	    p.fatigue_alert_days == 7);
	assert_true(p.rhr_rise_bpm == 5 && p.rhr_days == 2 &&
	    p.rhr_baseline_days == 14);
	assert_true(p.sleep_mean_h == 7 && p.short_sleep_h == 6 &&
	    p.short_sleep_nights == 3);
	assert_true(p.dehydration_pct == 2 && p.fluid_target_ml == 2000 &&
	    p.low_fluid_days == 3);
	assert_int_equal(an_params_check(&p, err, sizeof(err)), 0);
}

static void
test_params_set(void **state)
{
	struct an_params p;
	char err[160];

	(void)state;
	an_params_defaults(&p);
	assert_int_equal(an_params_set(&p, "jump_warn_pct", "15", err,
	    sizeof(err)), 0);
	assert_true(p.jump_warn_pct == 15);
	assert_int_equal(an_params_set(&p, "fatigue_level", " 8 ", err,
	    sizeof(err)), 0);
	assert_int_equal(p.fatigue_level, 8);
	assert_int_equal(an_params_set(&p, "acwr_warn", "1.25", err,
	    sizeof(err)), 0);
	assert_true(p.acwr_warn == 1.25);

	assert_int_equal(an_params_set(&p, "jump_warn", "15", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "unknown key"));
	assert_int_equal(an_params_set(&p, "fatigue_level", "7.5", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "whole number"));
	assert_int_equal(an_params_set(&p, "fatigue_level", "11", err,
	    sizeof(err)), -1);
	assert_int_equal(an_params_set(&p, "acwr_warn", "abc", err,
	    sizeof(err)), -1);
	assert_int_equal(an_params_set(&p, "acwr_warn", "", err,
	    sizeof(err)), -1);
	assert_int_equal(an_params_set(&p, "acwr_warn", "nan", err,
	    sizeof(err)), -1);
	assert_int_equal(p.fatigue_level, 8);
	assert_int_equal(an_params_set(&p, "acwr_hold_days", "0", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "acwr_hold_days"));
	assert_non_null(strstr(err, "28"));
	assert_int_equal(an_params_set(&p, "acwr_hold_days", "29", err,
	    sizeof(err)), -1);
	assert_int_equal(p.acwr_hold_days, 2);
	assert_int_equal(an_params_set(&p, "acwr_hold_days", "28", err,
	    sizeof(err)), 0);
	assert_int_equal(p.acwr_hold_days, 28);

	an_params_defaults(&p);
	p.acwr_alert = 1.2;
	assert_int_equal(an_params_check(&p, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "acwr_alert"));

	/* no more days with a run than the chronic window has days */
	an_params_defaults(&p);
	p.acwr_min_run_days = 28;
	assert_int_equal(an_params_check(&p, err, sizeof(err)), 0);
	p.acwr_min_run_days = 29;
	assert_int_equal(an_params_check(&p, err, sizeof(err)), -1);
	assert_string_equal(err, "acwr_min_run_days (29) is more than "
	    "acwr_chronic_days (28)");
}

static void
test_load(void **state)
{
	struct an_params p;
	struct an_run r = { 10000, 3000, 5, 0, 0 };

	(void)state;
	an_params_defaults(&p);
	/* sRPE: RPE 5 x 50 minutes = 250 AU */
	assert_true(fabs(an_run_load(&r, &p) - 250) < 1e-9);
	/* no RPE: 10 km x 24 AU/km = 240 AU */
	r.rpe = 0;
	assert_true(fabs(an_run_load(&r, &p) - 240) < 1e-9);
}

/*
 * n days from day from at total_m a week, one run a day: day k runs
 * total/7 plus one metre on the first total%7 days of each week, so every
 * 7 days in a row hold exactly total_m.
 */
static void
fx_rate(int from, int n, int64_t total_m)
{
	int k;

	for (k = 0; k < n; k++) {
		int64_t d = total_m / 7 + (k % 7 < total_m % 7 ? 1 : 0);
		fx_run(from + k, d, d * 36 / 100, 4);
	}
}

/* The days of a week a plan puts its runs on, Monday first, in %. */
static const int plan_share[7] = { 0, 20, 0, 25, 0, 15, 40 };

/* Week w (Monday = day 7w) of a plan: total_m over plan_share. */
static void
fx_plan_week(int w, int64_t total_m)
{
	int k;

	for (k = 0; k < 7; k++)
		if (plan_share[k] > 0) {
			int64_t d = total_m * plan_share[k] / 100;
			fx_run(7 * w + k, d, d * 33 / 100, 4);
		}
}

/* The days in from..to (inclusive) on which rule id holds, as a count. */
static int
fx_days_flagged(enum an_flag_id id, int from, int to, int *first)
{
	int i, n = 0;

	an_metrics_all(&fx.s, &fx.p, fx.m);
	for (i = from; i <= to; i++) {
		fx.nf = an_flags(&fx.m[i], &fx.p, fx.f);
		if (fx_flag(id) != NULL && n++ == 0 && first != NULL)
			*first = i;
	}
	return n;
}

/*
 * A week at 20 km, then 9 days at a new rate: on day 15 the last three
 * 7-day windows all hold the new rate; the recent level is 20 km. Just at
 * and just over each limit.
 */
static void
test_mileage_jump(void **state)
{
	static const struct { int64_t km; int sev; } c[] = {
		{ 22000, -1 }, { 22001, AN_WARNING }, { 26000, AN_WARNING },
		{ 26001, AN_ALERT },
	};
	struct an_progress pr;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(c) / sizeof(c[0]); k++) {
		fx_init(16);
		fx_rate(0, 7, 20000);
		fx_rate(7, 9, c[k].km);
		fx_eval(15);
		assert_int_equal(fx.m[15].jump_held_m, c[k].km);
		assert_int_equal(fx.m[15].jump_level_m, 20000);
		assert_int_equal(an_progress(&fx.m[15], &fx.p, &pr),
		    c[k].sev < 0 ? 0 : c[k].sev == AN_ALERT ? 2 : 1);
		if (c[k].sev < 0) {
			assert_no_flag(AN_MILEAGE_JUMP);
			continue;
		}
		/* Switched off: no mark for the screens either. */
		fx.p.rules_off = 1u << AN_MILEAGE_JUMP;
		assert_int_equal(an_progress(&fx.m[15], &fx.p, &pr), 0);
		fx.p.rules_off = 0;
		assert_int_equal(an_progress(&fx.m[15], &fx.p, &pr),
		    c[k].sev == AN_ALERT ? 2 : 1);
		assert_flag(AN_MILEAGE_JUMP, (enum an_severity)c[k].sev);
		assert_int_equal(fx_flag(AN_MILEAGE_JUMP)->first_day, BASE + 9);
		assert_int_equal(fx_flag(AN_MILEAGE_JUMP)->last_day, BASE + 15);
		assert_true(fabs(fx_flag(AN_MILEAGE_JUMP)->value - pr.pct) < 1e-9);
	}
	assert_true(fabs(pr.pct - 30.005) < 1e-9);
	assert_int_equal(pr.held_m, 26001);
	assert_int_equal(pr.level_m, 20000);
}

/* jump_hold_days: the rise must hold over that many windows in a row. */
static void
test_mileage_jump_hold(void **state)
{
	(void)state;
	fx_init(16);
	fx_rate(0, 7, 20000);
	fx_rate(7, 9, 28000);
	/* day 13: held 25714 (the window ending on day 11), +28.6% */
	fx_eval(13);
	assert_flag(AN_MILEAGE_JUMP, AN_WARNING);
	fx_eval(14);
	assert_flag(AN_MILEAGE_JUMP, AN_ALERT);
	/* day 12: no window of the level lies inside the journal yet */
	fx_eval(12);
	assert_no_flag(AN_MILEAGE_JUMP);
	assert_int_equal(fx.m[12].jump_ready, 0);
	/* held over 1 window, the plain 7-day sum: alert a day earlier */
	fx.p.jump_hold_days = 1;
	fx_eval(13);
	assert_flag(AN_MILEAGE_JUMP, AN_ALERT);
	fx.p.jump_hold_days = 7;
	fx_eval(14);
	assert_flag(AN_MILEAGE_JUMP, AN_WARNING);
}

static void
test_mileage_jump_floor_and_warmup(void **state)
{
	(void)state;
	/* recent level just under the 10 km floor: no flag at +100% */
	fx_init(16);
	fx_rate(0, 7, 9999);
	fx_rate(7, 9, 20000);
	fx_eval(15);
	assert_no_flag(AN_MILEAGE_JUMP);
	assert_int_equal(fx.m[15].jump_ready, 1);

	/* at the floor it counts */
	fx_init(16);
	fx_rate(0, 7, 10000);
	fx_rate(7, 9, 11001);
	fx_eval(15);
	assert_flag(AN_MILEAGE_JUMP, AN_WARNING);

	/* no 7 days before the last 7 lie inside the journal: no level */
	fx_init(16);
	fx_rate(0, 7, 20000);
	fx_rate(7, 9, 30000);
	fx.s.journal_start = BASE + 3;
	fx_eval(15);
	assert_int_equal(fx.m[15].jump_level_m, -1);
	assert_no_flag(AN_MILEAGE_JUMP);
	assert_int_equal(fx.m[15].jump_ready, 0);
	/* one window of the level inside it is enough */
	fx.s.journal_start = BASE + 2;
	fx_eval(15);
	assert_int_equal(fx.m[15].jump_ready, 1);
	assert_flag(AN_MILEAGE_JUMP, AN_ALERT);

	/* the windows roll: a rest week after the jump clears it */
	fx_init(21);
	fx_rate(0, 7, 20000);
	fx_rate(7, 7, 30000);
	fx_eval(20);
	assert_no_flag(AN_MILEAGE_JUMP);
	assert_int_equal(fx.m[20].dist_win_m, 0);
	assert_int_equal(fx.m[20].dist_prev_m, 30000);
	assert_int_equal(fx.m[20].jump_held_m, 0);
}

/*
 * Three weeks up, one down: 40, 43, 46, 34, 43, 46, 49, 37, 46, 49, 52,
 * 40 km, long run on Sunday. The week after a cutback returns to a level
 * run weeks before: no flag on any day. Beside it, a real ramp of +35%
 * over the recent level (40 km weeks, then 54 km) is a warning within the
 * first 54 km week and an alert from the third day the 7-day distance
 * holds 54 km.
 */
static void
test_mileage_jump_plan(void **state)
{
	static const int64_t plan[] = { 40, 43, 46, 34, 43, 46, 49, 37, 46, 49,
	    52, 40 };
	size_t w;
	int first = -1;

	(void)state;
	fx_init(7 * 12);
	for (w = 0; w < 12; w++)
		fx_plan_week((int)w, plan[w] * 1000);
	assert_int_equal(fx_days_flagged(AN_MILEAGE_JUMP, 0, 83, NULL), 0);
	/* the previous 7 days alone would have flagged the cutback weeks */
	fx.p.jump_level_weeks = 1;
	fx.p.jump_hold_days = 1;
	assert_true(fx_days_flagged(AN_MILEAGE_JUMP, 0, 83, NULL) > 0);

	fx_init(7 * 8);
	for (w = 0; w < 5; w++)
		fx_plan_week((int)w, 40000);
	for (w = 5; w < 8; w++)
		fx_plan_week((int)w, 54000);
	assert_int_equal(fx_days_flagged(AN_MILEAGE_JUMP, 0, 34, NULL), 0);
	assert_true(fx_days_flagged(AN_MILEAGE_JUMP, 35, 55, &first) > 0);
	/* Sun 41 ends the first 54 km week; Tue 43 is the third day held */
	fx_eval(43);
	assert_flag(AN_MILEAGE_JUMP, AN_ALERT);
	assert_true(fabs(fx_flag(AN_MILEAGE_JUMP)->value - 35) < 1e-9);
	/* before, a window still misses the new week's long run: +21% */
	fx_eval(42);
	assert_flag(AN_MILEAGE_JUMP, AN_WARNING);
	assert_int_equal(fx.m[42].jump_held_m, 48400);
	/* a warning from Sat 40, when three windows in a row hold > 44 km */
	assert_int_equal(first, 40);
}

/*
 * 40 km weeks with a 3-day cold (25 km that week), and a taper (50, 50,
 * 50, 35, 20 km, then 40 and 45 km after the race): back to a level run
 * in the last four weeks, no flag on any day.
 */
static void
test_mileage_jump_cold_and_taper(void **state)
{
	static const int64_t cold[] = { 40, 40, 40, 40, 25, 40, 40, 40 };
	static const int64_t taper[] = { 45, 48, 50, 50, 50, 35, 20, 40, 45 };
	size_t w;

	(void)state;
	fx_init(7 * 8);
	for (w = 0; w < 8; w++)
		fx_plan_week((int)w, cold[w] * 1000);
	assert_int_equal(fx_days_flagged(AN_MILEAGE_JUMP, 0, 55, NULL), 0);
	fx.p.jump_level_weeks = 1;
	assert_true(fx_days_flagged(AN_MILEAGE_JUMP, 0, 55, NULL) > 0);

	fx_init(7 * 9);
	for (w = 0; w < 9; w++)
		fx_plan_week((int)w, taper[w] * 1000);
	assert_int_equal(fx_days_flagged(AN_MILEAGE_JUMP, 0, 62, NULL), 0);
	fx.p.jump_level_weeks = 1;
	assert_true(fx_days_flagged(AN_MILEAGE_JUMP, 0, 62, NULL) > 0);
}

/*
 * A steady 42 km week (Tue 8, Thu 8, Sat 8, Sun 18 km) with one run moved
 * by one or two days, earlier or later, across the week boundary too:
 * the weekly distance is unchanged and nothing is raised.
 */
static void
test_mileage_jump_moved_run(void **state)
{
	static const int64_t wk[7] = { 0, 8000, 0, 8000, 0, 8000, 18000 };
	static const struct { int from, to; } mv[] = {
		{ 48, 47 }, { 48, 46 }, { 48, 49 }, { 48, 50 }, { 43, 41 },
	};
	size_t k;
	int i, hold;

	(void)state;
	for (k = 0; k < sizeof(mv) / sizeof(mv[0]); k++) {
		for (hold = 3; hold >= 1; hold -= 2) {
			fx_init(7 * 10);
			for (i = 0; i < 70; i++) {
				int64_t d = wk[i % 7];

				if (i == mv[k].from)
					continue;
				if (i == mv[k].to)
					d += wk[mv[k].from % 7];
				if (d > 0)
					fx_run(i, d, d * 33 / 100, 4);
			}
			fx.p.jump_hold_days = hold;
			if (hold == 3)
				assert_int_equal(fx_days_flagged(
				    AN_MILEAGE_JUMP, 0, 69, NULL), 0);
			else if (mv[k].to < mv[k].from)
				/* the plain 7-day sum sees two long runs */
				assert_true(fx_days_flagged(AN_MILEAGE_JUMP, 0,
				    69, NULL) > 0);
		}
	}
}

/* jump_level_weeks: how many weeks back a level still counts. */
static void
test_mileage_jump_level_weeks(void **state)
{
	(void)state;
	/* 40 km held to day 9, 30 km to day 28, then 40 km again */
	fx_init(38);
	fx_rate(0, 10, 40000);
	fx_rate(10, 19, 30000);
	fx_rate(29, 9, 40000);
	fx_eval(37);
	assert_int_equal(fx.m[37].jump_held_m, 40000);
	assert_int_equal(fx.m[37].jump_level_m, 40000);
	assert_no_flag(AN_MILEAGE_JUMP);
	fx.p.jump_level_weeks = 3;
	fx_eval(37);
	assert_int_equal(fx.m[37].jump_level_m, 30000);
	assert_flag(AN_MILEAGE_JUMP, AN_ALERT);
}

static void
test_long_run_spike(void **state)
{
	(void)state;
	/* longest of days 0..29 is 10 km; day 30 runs exactly 11 km */
	fx_init(31);
	fx_run(5, 10000, 3600, 4);
	fx_run(12, 8000, 2900, 4);
	fx_run(30, 11000, 4000, 4);
	fx_eval(30);
	assert_no_flag(AN_LONG_RUN_SPIKE);
	assert_int_equal(fx.m[30].longest_prev_m, 10000);

	fx.runs[30][0].distance_m = 11001;       /* just over 110% */
	fx_eval(30);
	assert_flag(AN_LONG_RUN_SPIKE, AN_WARNING);
	assert_int_equal(fx_flag(AN_LONG_RUN_SPIKE)->first_day, BASE);

	/* a journal younger than the 30 days: the days it has count */
	fx.s.journal_start = BASE + 1;
	fx_eval(30);
	assert_flag(AN_LONG_RUN_SPIKE, AN_WARNING);

	/* a longer run 31 days back no longer counts */
	fx_init(32);
	fx_run(0, 20000, 7200, 4);
	fx_run(5, 10000, 3600, 4);
	fx_run(31, 11001, 4000, 4);
	fx_eval(31);
	assert_flag(AN_LONG_RUN_SPIKE, AN_WARNING);

	/* nothing to compare with after a month off: no flag */
	fx_init(32);
	fx_run(31, 11001, 4000, 4);
	fx_eval(31);
	assert_no_flag(AN_LONG_RUN_SPIKE);
}

/*
 * EWMA by hand, lambda_a = 2/(7+1) = 0.25, lambda_c = 2/(28+1) = 2/29,
 * raw EWMAs from 0, each divided by the weight of the t journal days,
 * 1 - (1 - lambda)^t. Loads: day 0 RPE 5 x 20 min = 100 AU, day 1 none,
 * day 2 RPE 5 x 40 min = 200 AU.
 *   raw acute:     25, 18.75, 0.25 x 200 + 0.75 x 18.75 = 64.0625
 *   weight:        0.25, 0.4375, 0.578125 (= 37/64)
 *   acute:         100, 42.857143 (300/7), 110.810811 (4100/37)
 *   raw chronic:   200/29, x 27/29, 400/29 + 27/29 x that = 482200/24389
 *   weight:        2/29, 0.133175, 1 - (27/29)^3 = 4706/24389
 *   chronic:       100, 48.214286 (675/14), 482200/4706 = 102.464938
 *   ratio on day 2 = (4100/37) / (482200/4706) = 1.081451
 */
static void
test_acwr_by_hand(void **state)
{
	(void)state;
	fx_init(3);
	fx.p.acwr_min_days = 1;
	fx.p.acwr_min_run_days = 1;
	fx_run(0, 4000, 20 * 60, 5);
	fx_run(2, 8000, 40 * 60, 5);
	fx_eval(2);
	assert_true(fabs(fx.m[0].acute - 100) < 1e-9);
	assert_true(fabs(fx.m[0].chronic - 100) < 1e-9);
	assert_true(fabs(fx.m[0].acwr - 1) < 1e-9);
	assert_true(fabs(fx.m[1].acute - 300.0 / 7) < 1e-9);
	assert_true(fabs(fx.m[1].chronic - 675.0 / 14) < 1e-9);
	assert_true(fabs(fx.m[2].acute - 4100.0 / 37) < 1e-9);
	assert_true(fabs(fx.m[2].chronic - 482200.0 / 4706) < 1e-9);
	assert_true(fabs(fx.m[2].acwr - 1.081451) < 1e-6);
	assert_no_flag(AN_ACWR);

	/*
	 * The same three days after 30 journal days without a run: the load
	 * history starts at the first run, so the numbers are the same.
	 */
	fx_init(33);
	fx.p.acwr_min_days = 1;
	fx.p.acwr_min_run_days = 1;
	fx_run(30, 4000, 20 * 60, 5);
	fx_run(32, 8000, 40 * 60, 5);
	fx_eval(32);
	assert_true(fx.m[29].acwr < 0 && fx.m[29].chronic == 0);
	assert_true(fabs(fx.m[32].acute - 4100.0 / 37) < 1e-9);
	assert_true(fabs(fx.m[32].chronic - 482200.0 / 4706) < 1e-9);
	assert_int_equal(fx.m[32].acwr_run_days, 2);
	assert_no_flag(AN_ACWR);
}

/*
 * 100 AU every day from the journal's first day: both normalised EWMAs
 * are exactly 100, the ratio 1; day 26 (the 27th day) has no ratio yet.
 */
static void
test_acwr_warmup(void **state)
{
	int i;

	(void)state;
	fx_init(28);
	for (i = 0; i < 28; i++)
		fx_run(i, 5000, 20 * 60, 5);
	fx_eval(27);
	assert_true(fx.m[26].acwr < 0);
	assert_true(fabs(fx.m[27].acute - 100) < 1e-9);
	assert_true(fabs(fx.m[27].chronic - 100) < 1e-9);
	assert_true(fabs(fx.m[27].acwr - 1) < 1e-9);
	assert_no_flag(AN_ACWR);
}

/* Solves the load of day 40 that puts the ratio at r, after steady 100s. */
static double
acwr_load_for(double r)
{
	double la = 0.25, lc = 2.0 / 29.0;
	double wa40 = 1 - pow(1 - la, 40), wc40 = 1 - pow(1 - lc, 40);
	double wa41 = 1 - pow(1 - la, 41), wc41 = 1 - pow(1 - lc, 41);
	double a = fx.m[39].acute * wa40, c = fx.m[39].chronic * wc40;

	/* ((la L + (1-la) a) / wa41) / ((lc L + (1-lc) c) / wc41) = r */
	return (r * wa41 * (1 - lc) * c - (1 - la) * a * wc41) /
	    (la * wc41 - r * wa41 * lc);
}

static void
acwr_with_load(double load)
{
	fx.runs[40][0].duration_s = (int64_t)llround(load * 60.0 / 10.0);
	fx_eval(40);
}

static void
test_acwr_thresholds(void **state)
{
	int i;
	double l13, l15;

	(void)state;
	fx_init(41);
	for (i = 0; i < 40; i++)
		fx_run(i, 5000, 20 * 60, 5);    /* 100 AU */
	fx_run(40, 5000, 60, 10);
	fx_eval(40);
	l13 = acwr_load_for(1.3);
	l15 = acwr_load_for(1.5);
	fx.p.acwr_hold_days = 1;        /* the bands alone, on one day */
	acwr_with_load(l13 * 0.99);
	assert_true(fx.m[40].acwr < 1.3);
	assert_no_flag(AN_ACWR);
	acwr_with_load(l13 * 1.01);
	assert_true(fx.m[40].acwr > 1.3);
	assert_flag(AN_ACWR, AN_WARNING);
	acwr_with_load(l15 * 0.99);
	assert_flag(AN_ACWR, AN_WARNING);
	acwr_with_load(l15 * 1.01);
	assert_flag(AN_ACWR, AN_ALERT);
}

/*
 * acwr_hold_days: steady 100s, then a heavy day 40 just over 1.3. One
 * day over is nothing, on that day or the next (back to 100); a second
 * heavy day, with the ratio over 1.3 again, is a warning on that day.
 * Over 1.5 on one day and over 1.3 on the next is only a warning.
 */
static void
test_acwr_hold(void **state)
{
	int i;
	double l13, l15;

	(void)state;
	fx_init(42);
	for (i = 0; i < 42; i++)
		fx_run(i, 5000, 10 * 60, 10);   /* 100 AU */
	fx_eval(40);
	l13 = acwr_load_for(1.3);
	l15 = acwr_load_for(1.5);
	assert_int_equal(fx.p.acwr_hold_days, 2);

	acwr_with_load(l13 * 1.01);
	assert_true(fx.m[40].acwr > 1.3 && fx.m[41].acwr <= 1.3);
	assert_int_equal(fx_days_flagged(AN_ACWR, 0, 41, NULL), 0);

	fx.runs[41][0].duration_s = fx.runs[40][0].duration_s;
	fx_eval(41);
	assert_true(fx.m[40].acwr > 1.3 && fx.m[41].acwr > 1.3);
	assert_int_equal(fx.m[41].acwr_warn_run, 2);
	assert_flag(AN_ACWR, AN_WARNING);
	assert_int_equal(fx_days_flagged(AN_ACWR, 0, 40, NULL), 0);

	/* day 40 over 1.5, day 41 over 1.3 only: a warning, not an alert */
	acwr_with_load(l15 * 1.01);
	fx.runs[41][0].duration_s = 10 * 60;
	fx_eval(41);
	assert_true(fx.m[40].acwr > 1.5);
	assert_true(fx.m[41].acwr > 1.3 && fx.m[41].acwr <= 1.5);
	assert_flag(AN_ACWR, AN_WARNING);

	/* with a hold of 3 two days over are not enough */
	fx.p.acwr_hold_days = 3;
	assert_int_equal(fx_days_flagged(AN_ACWR, 0, 41, NULL), 0);
	fx.p.acwr_hold_days = 1;
	assert_int_equal(fx_days_flagged(AN_ACWR, 0, 41, NULL), 2);
}

/* Daily runs of a periodised week: a long run of 45 % of the week's
 * distance on its seventh day, the rest evenly on the six before. */
static void
fx_daily_week(int w, int km)
{
	int64_t week = (int64_t)km * 1000, lr = week * 45 / 100;
	int k;

	for (k = 0; k < 6; k++)
		fx_run(7 * w + k, (week - lr) / 6, (week - lr) / 6 * 360 / 1000,
		    0);
	fx_run(7 * w + 6, lr, lr * 360 / 1000, 0);
}

/*
 * A healthy 16-week plan: three weeks up and one down between 40 and
 * 52 km, a long run every Sunday, and a taper of 50, 40, 30 and 20 km.
 * Each long run lifts the 7-day load for a day; read on one day the
 * ratio crosses 1.3 on some Sundays, but never two days in a row, so no
 * day is flagged.
 */
static void
test_acwr_plan(void **state)
{
	static const int km[16] = { 40, 44, 48, 40, 44, 48, 52, 44,
	    46, 50, 52, 44, 50, 40, 30, 20 };
	int i;

	(void)state;
	fx_init(112);
	for (i = 0; i < 16; i++)
		fx_daily_week(i, km[i]);
	assert_int_equal(fx_days_flagged(AN_ACWR, 0, 111, NULL), 0);
	fx.p.acwr_hold_days = 1;
	assert_int_equal(fx_days_flagged(AN_ACWR, 0, 111, NULL), 4);
	for (i = 0; i < 112; i++)
		if (fx.m[i].acwr > 1.3)
			assert_int_equal(i % 7, 6);     /* only on Sundays */
}

static void
test_acwr_chronic_zero(void **state)
{
	int i;

	(void)state;
	/* 40 days without a run: chronic 0, no ratio, no division */
	fx_init(41);
	fx_eval(40);
	assert_true(fx.m[40].chronic == 0);
	assert_true(fx.m[40].acwr < 0);
	assert_no_flag(AN_ACWR);

	/* 4.9 AU a day (RPE 1 x 294 s) is under the 5 AU floor; 5.1 is not */
	fx_init(41);
	for (i = 0; i < 41; i++)
		fx_run(i, 1000, 294, 1);
	fx_eval(40);
	assert_true(fabs(fx.m[40].chronic - 4.9) < 1e-9);
	assert_true(fx.m[40].acwr < 0);
	for (i = 0; i < 41; i++)
		fx.runs[i][0].duration_s = 306;
	fx_eval(40);
	assert_true(fabs(fx.m[40].acwr - 1) < 1e-9);
}

/* Week w of an 8-week base: 200, 0, 200, 0, 200, 0, 300 AU. */
static void
fx_base_week(int w)
{
	static const int min[7] = { 40, 0, 40, 0, 40, 0, 60 };
	int k;

	for (k = 0; k < 7; k++)
		if (min[k] > 0)
			fx_run(7 * w + k, min[k] * 200, min[k] * 60, 5);
}

/*
 * A month of sleep logs, then a gentle 3 km jog every day (72 AU, no
 * RPE): the load history starts at the first jog, so the ratio stays at
 * 1 and nothing is raised. Beside it, an 8-week base, two weeks off and
 * straight back to full volume. The ratio rises and falls with the days
 * off in between: over 1.3 on the fifth day back alone, then over 1.5 on
 * the seventh and the eighth, an alert, and over 1.3 on the days after.
 */
static void
test_acwr_base(void **state)
{
	int i, first = -1;

	(void)state;
	fx_init(100);
	for (i = 0; i < 100; i++) {
		fx.days[i].sleep_min = 450;
		if (i >= 30)
			fx_run(i, 3000, 1200, 0);
	}
	assert_int_equal(fx_days_flagged(AN_ACWR, 0, 99, NULL), 0);
	assert_true(fabs(fx.m[99].acwr - 1) < 1e-9);

	fx_init(91);
	for (i = 0; i < 8; i++)
		fx_base_week(i);
	for (i = 10; i < 13; i++)
		fx_base_week(i);
	assert_int_equal(fx_days_flagged(AN_ACWR, 0, 69, NULL), 0);
	assert_true(fx_days_flagged(AN_ACWR, 70, 90, &first) > 0);
	assert_int_equal(first, 77);
	assert_true(fx.m[74].acwr > 1.3 && fx.m[75].acwr <= 1.3);
	fx_eval(77);
	assert_flag(AN_ACWR, AN_ALERT);
	fx_eval(78);
	assert_flag(AN_ACWR, AN_WARNING);
	fx_eval(79);
	assert_flag(AN_ACWR, AN_WARNING);
	/* acwr_min_run_days: 8 days with a run in days 50..77 */
	assert_int_equal(fx.m[77].acwr_run_days, 8);
	fx.p.acwr_min_run_days = 9;
	fx_eval(77);
	assert_true(fx.m[77].acwr < 0);
	assert_no_flag(AN_ACWR);
}

/* acwr_min_days counts from the first run, not from the journal's start. */
static void
test_acwr_min_days(void **state)
{
	int i;

	(void)state;
	fx_init(60);
	for (i = 10; i < 60; i++)
		fx_run(i, 5000, 20 * 60, 5);
	fx_eval(37);
	assert_true(fx.m[36].acwr < 0);         /* 27 days since the first */
	assert_true(fabs(fx.m[37].acwr - 1) < 1e-9);
	fx.p.acwr_min_days = 29;
	fx_eval(37);
	assert_true(fx.m[37].acwr < 0);
	assert_true(fabs(fx.m[38].acwr - 1) < 1e-9);
}

/*
 * Monotony by hand: loads 100, 100, 100, 100, 100, 100, 0 (RPE 5 x 20
 * min, the last day a rest day). Mean = 600/7 = 85.714286; population
 * SD = sqrt(60000/7 - (600/7)^2) = sqrt(60000)/7 = 34.992711;
 * monotony = 600 / sqrt(60000) = sqrt(6) = 2.449490.
 */
/*
 * Days 0..27 of a monotony fixture: 100 AU on Monday, Wednesday and
 * Friday, a usual 300 AU a week; the window under test is days 28..34.
 */
static void
mono_base(void)
{
	int i;

	fx_init(35);
	for (i = 0; i < 28; i++)
		if (i % 7 == 0 || i % 7 == 2 || i % 7 == 4)
			fx_run(i, 4000, 20 * 60, 5);
}

static void
test_monotony_by_hand(void **state)
{
	char buf[256];
	int i;

	(void)state;
	mono_base();
	for (i = 28; i < 34; i++)
		fx_run(i, 4000, 20 * 60, 5);
	fx.days[34].rest = 1;
	fx_eval(34);
	assert_true(fabs(fx.m[34].mono_mean - 85.714286) < 1e-6);
	assert_true(fabs(fx.m[34].mono_sd - 34.992711) < 1e-6);
	assert_true(fabs(fx.m[34].monotony - sqrt(6.0)) < 1e-9);
	assert_true(fabs(fx.m[34].mono_usual - 300) < 1e-9);
	assert_flag(AN_MONOTONY, AN_WARNING);
	an_flag_reason(fx_flag(AN_MONOTONY), UNIT_KM, UNIT_L, buf, sizeof(buf));
	assert_string_equal(buf, "training monotony 2.45 over 7 days (daily "
	    "load 86 +/- 35 AU), over 2.00, in 600 AU against a usual 300");

	/* the same week alone: a value, but no usual load to judge it by */
	fx_init(7);
	for (i = 0; i < 6; i++)
		fx_run(i, 4000, 20 * 60, 5);
	fx_eval(6);
	assert_true(fabs(fx.m[6].monotony - sqrt(6.0)) < 1e-9);
	assert_true(fx.m[5].monotony < 0);      /* only 6 journal days */
	assert_true(fx.m[6].mono_usual < 0);
	assert_no_flag(AN_MONOTONY);
}

/*
 * Loads 100 x 5, b, 0: monotony is 2 at b = 35.94 AU (solved
 * numerically); b = 35 gives 1.989, b = 37 gives 2.012.
 */
static void
test_monotony_threshold(void **state)
{
	int i;

	(void)state;
	mono_base();
	for (i = 28; i < 33; i++)
		fx_run(i, 4000, 20 * 60, 5);
	fx_run(33, 3000, 35 * 60, 1);
	fx_eval(34);
	assert_true(fx.m[34].monotony < 2.0 && fx.m[34].monotony > 1.98);
	assert_no_flag(AN_MONOTONY);
	fx.runs[33][0].duration_s = 37 * 60;
	fx_eval(34);
	assert_true(fx.m[34].monotony > 2.0 && fx.m[34].monotony < 2.02);
	assert_flag(AN_MONOTONY, AN_WARNING);

	/* identical loads every day: SD floored at a tenth of the mean */
	mono_base();
	for (i = 28; i < 35; i++)
		fx_run(i, 4000, 20 * 60, 5);
	fx_eval(34);
	assert_true(fabs(fx.m[34].monotony - 10.0) < 1e-9);
	assert_flag(AN_MONOTONY, AN_WARNING);

	/* no load at all: no value */
	fx_init(7);
	fx_eval(6);
	assert_true(fx.m[6].monotony < 0);
}

/*
 * The same easy 5 km every day for ten weeks (120 AU, no RPE): monotony
 * 10 every day, but the week's load is the runner's usual, so nothing is
 * raised. Beside it, after five such weeks, the same hard 8 km (RPE 7, 48
 * min, 336 AU) every day from day 35: raised from day 38, the first day
 * with four hard days of seven (monotony 2.28; three give 1.99).
 */
static void
test_monotony_load(void **state)
{
	int i, first = -1;

	(void)state;
	fx_init(70);
	for (i = 0; i < 70; i++)
		fx_run(i, 5000, 1800, 0);
	assert_int_equal(fx_days_flagged(AN_MONOTONY, 0, 69, NULL), 0);
	assert_true(fabs(fx.m[69].monotony - 10) < 1e-9);
	assert_true(fabs(fx.m[69].mono_usual - 840) < 1e-9);
	/* monotony_load_pct: 840 AU is above 99% of 840, not above 100% */
	fx.p.monotony_load_pct = 100;
	assert_int_equal(fx_days_flagged(AN_MONOTONY, 0, 69, NULL), 0);
	fx.p.monotony_load_pct = 99;
	assert_int_equal(fx_days_flagged(AN_MONOTONY, 0, 69, &first), 36);
	/* monotony_base_days: the usual load starts after the first run */
	assert_int_equal(first, 34);
	assert_true(fx.m[33].mono_usual < 0);
	fx.p.monotony_base_days = 7;
	assert_int_equal(fx_days_flagged(AN_MONOTONY, 0, 69, &first), 57);
	assert_int_equal(first, 13);

	fx_init(49);
	for (i = 0; i < 49; i++)
		fx_run(i, i < 35 ? 5000 : 8000, i < 35 ? 1800 : 2880,
		    i < 35 ? 0 : 7);
	assert_int_equal(fx_days_flagged(AN_MONOTONY, 0, 37, NULL), 0);
	assert_true(fx_days_flagged(AN_MONOTONY, 38, 48, &first) > 0);
	assert_int_equal(first, 38);
	fx_eval(38);
	assert_true(fabs(fx_flag(AN_MONOTONY)->value - 1704.0 / 748.245) <
	    1e-3);
}

static void
test_fatigue_streaks(void **state)
{
	const struct an_flag *f;
	int i;

	(void)state;
	/* two days at 8 is not enough; three is */
	fx_init(5);
	fx_ck(0, 3);
	fx_ck(1, 8);
	fx_ck(2, 8);
	fx_eval(2);
	assert_no_flag(AN_PERSISTENT_FATIGUE);
	fx_ck(3, 7);
	fx_eval(3);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_WARNING);
	f = fx_flag(AN_PERSISTENT_FATIGUE);
	assert_int_equal(f->first_day, BASE + 1);
	assert_int_equal(f->last_day, BASE + 3);
	assert_true(f->value == 3);

	/* level 6 does not count */
	fx_init(5);
	fx_ck(0, 6);
	fx_ck(1, 7);
	fx_ck(2, 7);
	fx_eval(2);
	assert_no_flag(AN_PERSISTENT_FATIGUE);

	/* one unlogged day neither breaks nor counts */
	fx_init(5);
	fx_ck(0, 8);
	fx_ck(2, 8);
	fx_eval(2);
	assert_no_flag(AN_PERSISTENT_FATIGUE);
	assert_int_equal(fx.m[2].fatigue_hi.len, 2);
	fx_ck(3, 8);
	fx_eval(3);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_WARNING);
	assert_true(fx_flag(AN_PERSISTENT_FATIGUE)->value == 3);
	assert_int_equal(fx_flag(AN_PERSISTENT_FATIGUE)->first_day, BASE);

	/* two unlogged days break it */
	fx_init(6);
	fx_ck(0, 8);
	fx_ck(3, 8);
	fx_ck(4, 8);
	fx_eval(4);
	assert_no_flag(AN_PERSISTENT_FATIGUE);

	/* a good day breaks it */
	fx_init(6);
	fx_ck(0, 8);
	fx_ck(1, 8);
	fx_ck(2, 3);
	fx_ck(3, 8);
	fx_ck(4, 8);
	fx_eval(4);
	assert_no_flag(AN_PERSISTENT_FATIGUE);

	/* still holds the morning after, before the check-in; not two after */
	fx_init(6);
	fx_ck(0, 8);
	fx_ck(1, 8);
	fx_ck(2, 8);
	fx_eval(3);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_WARNING);
	fx_eval(4);
	assert_no_flag(AN_PERSISTENT_FATIGUE);

	/* six days: warning; seven: alert that sends to a professional */
	fx_init(8);
	for (i = 0; i < 6; i++)
		fx_ck(i, 9);
	fx_eval(5);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_WARNING);
	fx_ck(6, 9);
	fx_eval(6);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_ALERT);
	assert_non_null(strstr(an_flag_advice(fx_flag(AN_PERSISTENT_FATIGUE)),
	    "professional"));
	/* a day without a check-in has no fatigue, not zero */
	assert_int_equal(fx.m[7].fatigue, 0);
	fx_eval(7);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_ALERT);
}

/* A fatigue streak of 3 at level 8 on days 40..42, evaluated on day 42. */
#define E 42
static void
ot_base(void)
{
	fx_init(E + 1);
	fx_ck(E - 2, 8);
	fx_ck(E - 1, 8);
	fx_ck(E, 8);
}

/*
 * A check-in without a fatigue rating (a watch's resting HR or HRV, a body
 * mass) is no fatigue reading: it neither breaks nor counts in a streak,
 * so the overtraining cluster does not lose its fatigue either, and it
 * does not answer for injury signs.
 */
static void
test_checkin_without_rating(void **state)
{
	(void)state;
	/* 8, a day with only HRV, 8, 8: a streak of three, not broken */
	fx_init(5);
	fx_ck(0, 8);
	fx_ck(1, 0)->rhr_bpm = 48;
	fx_ck(2, 8);
	fx_ck(3, 8);
	fx_eval(3);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_WARNING);
	assert_true(fx_flag(AN_PERSISTENT_FATIGUE)->value == 3);
	assert_int_equal(fx_flag(AN_PERSISTENT_FATIGUE)->first_day, BASE);
	assert_int_equal(fx.m[1].fatigue_hi.len, 1);

	/* rating-less days alone make no streak at all */
	fx_init(5);
	fx_ck(0, 0);
	fx_ck(1, 0);
	fx_ck(2, 0);
	fx_eval(2);
	assert_no_flag(AN_PERSISTENT_FATIGUE);
	assert_int_equal(fx.m[2].fatigue_hi.len, 0);

	/* two rating-less days in a row break it, as two unlogged days do */
	fx_init(6);
	fx_ck(0, 8);
	fx_ck(1, 0);
	fx_ck(2, 0);
	fx_ck(3, 8);
	fx_ck(4, 8);
	fx_eval(4);
	assert_no_flag(AN_PERSISTENT_FATIGUE);

	/* the overtraining cluster keeps its fatigue over such a day */
	ot_base();
	fx_ck(E - 1, 0)->rhr_bpm = 49;
	fx_ck(E - 3, 8)->mood = 2;
	fx.days[E - 2].ck.mood = fx.days[E].ck.mood = 2;
	fx_eval(E);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_WARNING);
	assert_flag(AN_OVERTRAINING, AN_ALERT);

	/* yesterday's sharp pain still holds on a day of watch values only */
	fx_init(3);
	fx_ck(0, 4)->pain = 1;
	fx_ck(1, 0)->rhr_bpm = 50;
	fx_eval(1);
	assert_flag(AN_INJURY_SIGNS, AN_ALERT);
	/* a rated check-in without pain answers for the day */
	fx_ck(1, 3);
	fx_eval(1);
	assert_no_flag(AN_INJURY_SIGNS);
}

static void
test_overtraining(void **state)
{
	(void)state;
	/* fatigue alone is not the cluster */
	ot_base();
	fx_eval(E);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_WARNING);
	assert_no_flag(AN_OVERTRAINING);

	/* mood 3 is fine, mood 2 on three check-ins of days 36..42 is a sign */
	ot_base();
	fx.days[E - 2].ck.mood = fx.days[E - 1].ck.mood = 3;
	fx.days[E].ck.mood = 3;
	fx_eval(E);
	assert_no_flag(AN_OVERTRAINING);
	fx_ck(E - 6, 5)->mood = 2;
	fx.days[E - 2].ck.mood = 2;
	fx.days[E].ck.mood = 1;
	fx_eval(E);
	assert_flag(AN_OVERTRAINING, AN_ALERT);
	assert_true(fx_flag(AN_OVERTRAINING)->bits == AN_OT_MOOD);
	assert_non_null(strstr(an_flag_advice(fx_flag(AN_OVERTRAINING)),
	    "professional"));
	/* day 35 is outside the 7-day window */
	fx.days[E - 6].has_checkin = 0;
	fx_ck(E - 7, 5)->mood = 2;
	fx_eval(E);
	assert_no_flag(AN_OVERTRAINING);

	/* soreness 5 is not enough, 6 on three check-ins is */
	ot_base();
	fx.days[E - 2].ck.soreness = fx.days[E - 1].ck.soreness = 5;
	fx.days[E].ck.soreness = 5;
	fx_eval(E);
	assert_no_flag(AN_OVERTRAINING);
	fx.days[E - 2].ck.soreness = fx.days[E - 1].ck.soreness = 6;
	fx.days[E].ck.soreness = 6;
	fx_eval(E);
	assert_flag(AN_OVERTRAINING, AN_ALERT);
	assert_true(fx_flag(AN_OVERTRAINING)->bits == AN_OT_SORENESS);

	/* illness alone is not a sign: it is what the fatigue is put down to */
	ot_base();
	fx_ck(E - 13, 4)->ill = 1;
	fx_eval(E);
	assert_no_flag(AN_OVERTRAINING);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_WARNING);
}

/*
 * A 3-day cold: marked ill, fatigue 7 and a pulse 6 bpm up on days 40..42
 * after a steady fortnight. Reported as persistent-fatigue during an
 * illness, with rest-and-return advice; no overtraining-signs alert. The
 * same mornings without the illness are the overtraining cluster.
 */
static void
test_illness_fatigue(void **state)
{
	char buf[256];
	const char *adv;
	int i;

	(void)state;
	fx_init(E + 1);
	for (i = E - 16; i <= E; i++)
		fx_ck(i, 3)->rhr_bpm = 50;
	for (i = E - 2; i <= E; i++) {
		fx.days[i].ck.fatigue = 7;
		fx.days[i].ck.rhr_bpm = 56;
		fx.days[i].ck.ill = 1;
	}
	fx_eval(E);
	assert_flag(AN_RESTING_HR, AN_WARNING);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_WARNING);
	assert_no_flag(AN_OVERTRAINING);
	assert_int_equal(fx_flag(AN_PERSISTENT_FATIGUE)->bits, AN_OT_ILLNESS);
	an_flag_reason(fx_flag(AN_PERSISTENT_FATIGUE), UNIT_KM, UNIT_L, buf,
	    sizeof(buf));
	assert_string_equal(buf, "fatigue 7/10 or more on 3 check-in days in "
	    "a row (limit 3), with an illness logged");
	adv = an_flag_advice(fx_flag(AN_PERSISTENT_FATIGUE));
	assert_non_null(strstr(adv, "fever"));
	assert_non_null(strstr(adv, "come back"));
	assert_null(strstr(adv, "professional"));

	/* without the illness: the overtraining cluster, on the same day */
	for (i = E - 2; i <= E; i++)
		fx.days[i].ck.ill = 0;
	fx_eval(E);
	assert_flag(AN_OVERTRAINING, AN_ALERT);
	assert_int_equal(fx_flag(AN_OVERTRAINING)->bits, AN_OT_RHR);
	assert_int_equal(fx_flag(AN_PERSISTENT_FATIGUE)->bits, 0);
	assert_null(strstr(an_flag_advice(fx_flag(AN_PERSISTENT_FATIGUE)),
	    "fever"));
	/* resting-hr switched off: its readings give no sign either */
	fx.p.rules_off = 1u << AN_RESTING_HR;
	fx_eval(E);
	assert_no_flag(AN_OVERTRAINING);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_WARNING);
	fx.p.rules_off = 0;

	/* illness_days: marked ill 13 days back still explains it, 14 not */
	fx_ck(E - 13, 3)->ill = 1;
	fx_eval(E);
	assert_no_flag(AN_OVERTRAINING);
	assert_int_equal(fx_flag(AN_PERSISTENT_FATIGUE)->bits, AN_OT_ILLNESS);
	fx.days[E - 13].ck.ill = 0;
	fx_ck(E - 14, 3)->ill = 1;
	fx_eval(E);
	assert_flag(AN_OVERTRAINING, AN_ALERT);
	fx.p.illness_days = 15;
	fx_eval(E);
	assert_no_flag(AN_OVERTRAINING);
}

/*
 * Performance decline on day 42: recent runs are those of days 29..42,
 * compared with days 1..28. Base: two 10 km runs in 50:00 at RPE 5, 300
 * s/km. Recent: two at RPE 5 in 52:30, 315 s/km, +5% exactly (not more),
 * then one of them in 52:32, 315.1 s/km on average (just slower).
 */
static void
test_performance_decline(void **state)
{
	(void)state;
	ot_base();
	fx_run(2, 10000, 3000, 5);
	fx_run(28, 10000, 3000, 5);
	fx_run(29, 10000, 3150, 5);
	fx_run(35, 10000, 3150, 5);
	fx_eval(E);
	assert_int_equal(fx.m[E].runs_base, 2);
	assert_int_equal(fx.m[E].runs_recent, 2);
	assert_true(fabs(fx.m[E].pace_base - 300) < 1e-9);
	assert_true(fabs(fx.m[E].pace_recent - 315) < 1e-9);
	assert_no_flag(AN_OVERTRAINING);
	fx.runs[35][0].duration_s = 3152;
	fx_eval(E);
	assert_flag(AN_OVERTRAINING, AN_ALERT);
	assert_true(fx_flag(AN_OVERTRAINING)->bits == AN_OT_PERF);

	/* slower at a lower RPE is not a decline */
	fx.runs[29][0].rpe = fx.runs[35][0].rpe = 4;
	fx_eval(E);
	assert_no_flag(AN_OVERTRAINING);

	/* runs without an RPE are left out; one base run is too few */
	fx.runs[29][0].rpe = fx.runs[35][0].rpe = 5;
	fx.runs[2][0].rpe = 0;
	fx_eval(E);
	assert_int_equal(fx.m[E].runs_base, 1);
	assert_no_flag(AN_OVERTRAINING);

	/*
	 * No wait for the base window to lie inside the journal: the runs
	 * it holds are what counts. A journal from day 2 still has both.
	 */
	fx.runs[2][0].rpe = 5;
	fx_eval(E);
	assert_flag(AN_OVERTRAINING, AN_ALERT);
	fx.s.journal_start = BASE + 2;
	fx_eval(E);
	assert_flag(AN_OVERTRAINING, AN_ALERT);
}

/*
 * The first month: 3 weeks of ordinary runs from day 10 (the journal
 * begins with sleep logs), then persistent fatigue with slower pace at
 * the same effort. Raised on day 38, before journal day 42; the same
 * runs at an unchanged pace raise nothing.
 */
static void
test_performance_decline_early(void **state)
{
	int i;

	(void)state;
	fx_init(39);
	for (i = 10; i < 24; i += 2)
		fx_run(i, 8000, 2400, 5);          /* 5:00 /km */
	for (i = 26; i < 39; i += 3)
		fx_run(i, 8000, 2400, 5);
	for (i = 36; i < 39; i++)
		fx_ck(i, 8);
	fx_eval(38);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_WARNING);
	assert_no_flag(AN_OVERTRAINING);
	for (i = 26; i < 39; i += 3)
		fx.runs[i][0].duration_s = 2640;   /* 5:30 /km */
	fx_eval(38);
	assert_flag(AN_OVERTRAINING, AN_ALERT);
	assert_int_equal(fx_flag(AN_OVERTRAINING)->bits, AN_OT_PERF);
}

/*
 * Doubling the long run in the first month: 5 km every other day from
 * day 0, then 10 km on day 16 is a long-run-spike; a long run that grows
 * by 10% at a time is not. spike_min_days: day 16 is 16 days after the
 * first run.
 */
static void
test_long_run_spike_early(void **state)
{
	static const int64_t grow[] = { 5000, 5500, 6050, 6655, 7320, 8052 };
	int i;

	(void)state;
	fx_init(20);
	for (i = 0; i < 16; i += 2)
		fx_run(i, 5000, 1800, 4);
	fx_run(16, 10000, 3900, 5);
	assert_int_equal(fx_days_flagged(AN_LONG_RUN_SPIKE, 0, 15, NULL), 0);
	fx_eval(16);
	assert_flag(AN_LONG_RUN_SPIKE, AN_WARNING);
	assert_true(fx_flag(AN_LONG_RUN_SPIKE)->value == 200);
	fx.p.spike_min_days = 16;
	fx_eval(16);
	assert_flag(AN_LONG_RUN_SPIKE, AN_WARNING);
	fx.p.spike_min_days = 17;
	fx_eval(16);
	assert_no_flag(AN_LONG_RUN_SPIKE);

	/* before spike_min_days nothing is known: day 2 at +60% */
	fx_init(3);
	fx_run(0, 5000, 1800, 4);
	fx_run(2, 8000, 2900, 4);
	fx_eval(2);
	assert_no_flag(AN_LONG_RUN_SPIKE);

	fx_init(36);
	for (i = 0; i < 36; i++)
		if (i % 7 == 6)
			fx_run(i, grow[i / 7], grow[i / 7] * 36 / 100, 4);
		else if (i % 7 == 2)
			fx_run(i, 5000, 1800, 4);
	assert_int_equal(fx_days_flagged(AN_LONG_RUN_SPIKE, 0, 35, NULL), 0);
}

/* Four baseline readings of 50 on days 1..4, then two raised readings. */
static void
test_resting_hr(void **state)
{
	int i;

	(void)state;
	fx_init(10);
	for (i = 1; i <= 4; i++)
		fx_ck(i, 3)->rhr_bpm = 50;
	fx_ck(5, 3)->rhr_bpm = 55;
	fx_ck(6, 3)->rhr_bpm = 54;             /* not +5 */
	fx_eval(6);
	assert_no_flag(AN_RESTING_HR);
	fx.days[6].ck.rhr_bpm = 55;            /* +5 against 50, not 51 */
	fx_eval(6);
	assert_flag(AN_RESTING_HR, AN_WARNING);
	assert_true(fx_flag(AN_RESTING_HR)->value == 5);
	assert_int_equal(fx_flag(AN_RESTING_HR)->first_day, BASE + 5);

	/* a gap day between the raised readings */
	fx.days[6].has_checkin = 0;
	fx_ck(7, 3)->rhr_bpm = 56;
	fx_eval(7);
	assert_flag(AN_RESTING_HR, AN_WARNING);

	/* three readings are too few for a baseline */
	fx_init(10);
	for (i = 2; i <= 4; i++)
		fx_ck(i, 3)->rhr_bpm = 50;
	fx_ck(5, 3)->rhr_bpm = 60;
	fx_ck(6, 3)->rhr_bpm = 60;
	fx_eval(6);
	assert_no_flag(AN_RESTING_HR);

	/* a check-in without a reading is a gap, not a low pulse */
	fx_init(12);
	for (i = 1; i <= 4; i++)
		fx_ck(i, 3)->rhr_bpm = 50;
	fx_ck(5, 3)->rhr_bpm = 57;
	fx_ck(6, 3);
	fx_ck(7, 3)->rhr_bpm = 57;
	fx_eval(7);
	assert_flag(AN_RESTING_HR, AN_WARNING);
	/* with persistent fatigue it is an overtraining companion */
	fx.days[5].ck.fatigue = fx.days[6].ck.fatigue = 8;
	fx.days[7].ck.fatigue = 8;
	fx_eval(7);
	assert_flag(AN_OVERTRAINING, AN_ALERT);
	assert_true(fx_flag(AN_OVERTRAINING)->bits == AN_OT_RHR);
}

/* Days in from..to on which rule id holds at severity sev. */
static int
fx_days_at(enum an_flag_id id, enum an_severity sev, int from, int to)
{
	int i, n = 0;

	an_metrics_all(&fx.s, &fx.p, fx.m);
	for (i = from; i <= to; i++) {
		fx.nf = an_flags(&fx.m[i], &fx.p, fx.f);
		n += fx_flag(id) != NULL && fx_flag(id)->severity == sev;
	}
	return n;
}

/*
 * A new watch reads 6 bpm higher from day 20 on (50, then 56 every day to
 * day 65): warnings while the raise is young, then on its 14th day (day
 * 33) a note that 56 bpm is the new baseline, and nothing after the note's
 * week. A real raise over the new baseline (61 on days 50 and 51) is still
 * a warning on the second day.
 */
static void
test_resting_hr_shift(void **state)
{
	char buf[256];
	int i;

	(void)state;
	fx_init(66);
	for (i = 0; i < 66; i++)
		fx_ck(i, 3)->rhr_bpm = i < 20 ? 50 : 56;
	assert_int_equal(fx_days_at(AN_RESTING_HR, AN_WARNING, 0, 65), 12);
	assert_int_equal(fx_days_at(AN_RESTING_HR, AN_WARNING, 21, 32), 12);
	fx_eval(33);
	assert_flag(AN_RESTING_HR, AN_NOTE);
	assert_int_equal(fx_flag(AN_RESTING_HR)->first_day, BASE + 20);
	assert_int_equal(fx_flag(AN_RESTING_HR)->last_day, BASE + 33);
	assert_true(fx_flag(AN_RESTING_HR)->value == 6);
	an_flag_reason(fx_flag(AN_RESTING_HR), UNIT_KM, UNIT_L, buf,
	    sizeof(buf));
	assert_string_equal(buf, "resting HR stayed 6.0 bpm over the baseline "
	    "of 50 bpm for 14 days: 56 bpm is now the baseline");
	assert_non_null(strstr(an_flag_advice(fx_flag(AN_RESTING_HR)),
	    "new\nwatch"));
	assert_int_equal(fx_days_at(AN_RESTING_HR, AN_NOTE, 33, 39), 7);
	assert_int_equal(fx_days_flagged(AN_RESTING_HR, 40, 65, NULL), 0);
	assert_true(fabs(fx.m[45].rhr_baseline - 56) < 1e-9);

	fx.days[50].ck.rhr_bpm = fx.days[51].ck.rhr_bpm = 61;
	fx_eval(51);
	assert_flag(AN_RESTING_HR, AN_WARNING);
	assert_true(fx_flag(AN_RESTING_HR)->value == 5);
	fx_eval(50);
	assert_no_flag(AN_RESTING_HR);

	/* rhr_shift_days at 15 and 13 moves the shift by a day */
	fx.days[50].ck.rhr_bpm = fx.days[51].ck.rhr_bpm = 56;
	fx.p.rhr_shift_days = 15;
	fx_eval(33);
	assert_flag(AN_RESTING_HR, AN_WARNING);
	fx_eval(34);
	assert_flag(AN_RESTING_HR, AN_NOTE);
	fx.p.rhr_shift_days = 13;
	fx_eval(32);
	assert_flag(AN_RESTING_HR, AN_NOTE);
	/* a baseline that never moves warns on 45 of the 46 days */
	fx.p.rhr_shift_days = 365;
	assert_int_equal(fx_days_at(AN_RESTING_HR, AN_WARNING, 20, 65), 45);
}

static void
test_sleep_debt(void **state)
{
	int i;

	(void)state;
	fx_init(7);
	for (i = 0; i < 7; i++)
		fx.days[i].sleep_min = 420;
	fx_eval(6);
	assert_no_flag(AN_SLEEP_DEBT);
	fx.days[3].sleep_min = 419;             /* mean 419.86 min < 7 h */
	fx_eval(6);
	assert_flag(AN_SLEEP_DEBT, AN_WARNING);
	assert_int_equal(fx_flag(AN_SLEEP_DEBT)->quantity, AN_Q_HOURS);

	/* three nights logged are too few for a mean, four are enough */
	fx_init(7);
	fx.days[0].sleep_min = fx.days[2].sleep_min = 380;
	fx.days[4].sleep_min = 380;
	fx_eval(6);
	assert_no_flag(AN_SLEEP_DEBT);
	assert_true(fx.m[6].sleep_mean_min < 0);
	fx.days[6].sleep_min = 380;
	fx_eval(6);
	assert_flag(AN_SLEEP_DEBT, AN_WARNING);

	/* three short nights in a row, with one unlogged night between */
	fx_init(7);
	fx.days[2].sleep_min = 359;
	fx.days[4].sleep_min = 359;
	fx.days[5].sleep_min = 360;             /* exactly 6 h: not short */
	fx_eval(5);
	assert_no_flag(AN_SLEEP_DEBT);
	fx.days[5].sleep_min = 359;
	fx_eval(5);
	assert_flag(AN_SLEEP_DEBT, AN_WARNING);
	assert_int_equal(fx_flag(AN_SLEEP_DEBT)->quantity, AN_Q_NIGHTS);
	assert_int_equal(fx_flag(AN_SLEEP_DEBT)->first_day, BASE + 2);
}

static void
test_dehydration(void **state)
{
	struct an_run *r;

	(void)state;
	fx_init(2);
	r = fx_run(1, 10000, 3000, 5);
	r->mass_before_g = 70000;
	r->mass_after_g = 68600;                /* 2.0% exactly */
	fx_eval(1);
	assert_no_flag(AN_DEHYDRATION);
	r->mass_after_g = 68599;
	fx_eval(1);
	assert_flag(AN_DEHYDRATION, AN_WARNING);
	/* only one mass: nothing known */
	r->mass_before_g = 0;
	fx_eval(1);
	assert_no_flag(AN_DEHYDRATION);
	assert_int_equal(fx.m[1].mass_known, 0);
}

static void
test_low_fluid(void **state)
{
	int i;

	(void)state;
	fx_init(5);
	fx.days[0].fluid_ml = 1999;
	fx.days[1].fluid_ml = 1999;
	fx.days[2].fluid_ml = 2000;             /* on target */
	fx_eval(2);
	assert_no_flag(AN_LOW_FLUID);
	fx.days[2].fluid_ml = 1999;
	fx_eval(2);
	assert_flag(AN_LOW_FLUID, AN_NOTE);
	/* days without drinks logged are not zero fluid */
	fx_init(5);
	fx_eval(4);
	for (i = 0; i < 5; i++)
		assert_int_equal(fx.m[i].fluid_ml, -1);
	assert_no_flag(AN_LOW_FLUID);
}

static void
test_injury_signs(void **state)
{
	(void)state;
	fx_init(4);
	fx_ck(1, 3);
	fx_eval(1);
	assert_no_flag(AN_INJURY_SIGNS);
	fx.days[1].ck.swelling = 1;
	fx.days[1].ck.no_weight = 1;
	fx_eval(1);
	assert_flag(AN_INJURY_SIGNS, AN_ALERT);
	assert_true(fx_flag(AN_INJURY_SIGNS)->value == 2);
	assert_non_null(strstr(an_flag_advice(fx_flag(AN_INJURY_SIGNS)),
	    "Stop running"));
	/* still shown the next morning until a new check-in */
	fx_eval(2);
	assert_flag(AN_INJURY_SIGNS, AN_ALERT);
	fx_ck(2, 3);
	fx_eval(2);
	assert_no_flag(AN_INJURY_SIGNS);
	/* alerts sort first */
	fx.days[2].ck.pain = 1;
	fx.days[2].fluid_ml = fx.days[1].fluid_ml = fx.days[0].fluid_ml = 500;
	fx_eval(2);
	assert_int_equal(fx.nf, 2);
	assert_int_equal(fx.f[0].id, AN_INJURY_SIGNS);
	assert_int_equal(fx.f[1].id, AN_LOW_FLUID);
}

static void
test_texts(void **state)
{
	char buf[256];
	int k;

	(void)state;
	fx_init(16);
	fx_rate(0, 7, 20000);
	fx_rate(7, 9, 27000);
	fx_eval(15);
	assert_int_equal(fx.nf >= 1, 1);
	an_flag_reason(fx_flag(AN_MILEAGE_JUMP), UNIT_KM, UNIT_L, buf,
	    sizeof(buf));
	assert_string_equal(buf, "27.0 km in the last 7 days against a recent "
	    "level of 20.0 km: +35%, over the +30% limit");
	/* just past a limit never prints as the limit itself */
	fx_init(16);
	fx_rate(0, 7, 20000);
	fx_rate(7, 9, 26001);
	fx_eval(15);
	an_flag_reason(fx_flag(AN_MILEAGE_JUMP), UNIT_KM, UNIT_L, buf,
	    sizeof(buf));
	assert_non_null(strstr(buf, ": +30.005%, over the +30% limit"));
	assert_string_equal(an_flag_value(fx_flag(AN_MILEAGE_JUMP), buf,
	    sizeof(buf)), "+30.005%");
	fx_init(16);
	fx_rate(0, 7, 20000);
	fx_rate(7, 9, 27000);
	fx_eval(15);
	an_flag_reason(fx_flag(AN_MILEAGE_JUMP), UNIT_MI, UNIT_L, buf,
	    sizeof(buf));
	assert_non_null(strstr(buf, "16.8 mi in the last 7 days"));
	assert_string_equal(an_flag_value(fx_flag(AN_MILEAGE_JUMP), buf,
	    sizeof(buf)), "+35%");
	assert_string_equal(an_flag_threshold(fx_flag(AN_MILEAGE_JUMP), buf,
	    sizeof(buf)), "> +30%");
	for (k = 0; k < AN_FLAG_COUNT; k++) {
		struct an_flag f;
		const char *a, *line;

		memset(&f, 0, sizeof(f));
		f.id = (enum an_flag_id)k;
		assert_true(strlen(an_flag_name(f.id)) > 2);
		a = an_flag_advice(&f);
		assert_true(strlen(a) > 40);
		/* terminal-sized: lines of at most 72 columns, at most 5 */
		for (line = a; line != NULL; ) {
			const char *nl = strchr(line, '\n');
			size_t len = nl ? (size_t)(nl - line) : strlen(line);
			assert_true(len <= 72);
			line = nl ? nl + 1 : NULL;
		}
		an_flag_reason(&f, UNIT_KM, UNIT_L, buf, sizeof(buf));
		assert_true(strlen(buf) > 5);
	}
	assert_string_equal(an_severity_name(AN_ALERT), "alert");
	assert_string_equal(an_flag_name(AN_OVERTRAINING),
	    "overtraining-signs");
}

/* 50 years of daily entries analysed in well under half a second. */
static void
test_lifetime_speed(void **state)
{
	static struct an_day days[18300];
	static struct an_run runs[18300];
	static struct an_metrics m[18300];
	struct an_series s;
	struct an_params p;
	struct an_flag f[AN_FLAGS_MAX];
	clock_t t0;
	double secs;
	size_t i;
	long flagged = 0;

	(void)state;
	for (i = 0; i < 18300; i++) {
		memset(&days[i], 0, sizeof(days[i]));
		days[i].day = BASE + (int)i;
		days[i].sleep_min = 400 + (int)(i % 90);
		days[i].fluid_ml = 1500 + (int64_t)(i % 7) * 200;
		days[i].has_checkin = 1;
		days[i].ck.fatigue = 1 + (int)(i % 9);
		days[i].ck.rhr_bpm = 48 + (int)(i % 11);
		days[i].ck.hrv_ms = i % 5 == 4 ? 0 : 40 + (int)(i % 37);
		if (i % 7 != 3) {
			runs[i].distance_m = 5000 + (int64_t)(i % 13) * 1000;
			runs[i].duration_s = runs[i].distance_m * 33 / 100;
			runs[i].rpe = (int)(i % 10);
			days[i].runs = &runs[i];
			days[i].nruns = 1;
		}
	}
	s.days = days;
	s.ndays = 18300;
	s.journal_start = BASE;
	an_params_defaults(&p);
	t0 = clock();
	an_metrics_all(&s, &p, m);
	for (i = 0; i < s.ndays; i++)
		flagged += an_flags(&m[i], &p, f);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	print_message("18300 days: %.3f s, %ld flags\n", secs, flagged);
	assert_true(flagged > 0);
	assert_true(secs < 0.5);
}

/* an_flags_on() agrees with the full pass. */
static void
test_flags_on(void **state)
{
	struct an_flag f[AN_FLAGS_MAX];
	struct an_metrics m;
	int n;

	(void)state;
	fx_init(20);
	fx_week(0, 20000);
	fx_week(7, 27000);
	fx_ck(12, 8);
	fx_ck(13, 8);
	fx_ck(14, 8);
	n = an_flags_on(&fx.s, &fx.p, 14, f, &m);
	fx_eval(14);
	assert_int_equal(n, fx.nf);
	assert_memory_equal(f, fx.f, sizeof(f[0]) * (size_t)n);
	assert_int_equal(m.day, BASE + 14);
	assert_int_equal(an_flags_on(&fx.s, &fx.p, 20, f, NULL), 0);
}

/* Every rule has its entry, complete, at its own index, with a unique name. */
static void
test_rule_table(void **state)
{
	unsigned used = 0;
	int i, j;

	(void)state;
	for (i = 0; i < AN_FLAG_COUNT; i++) {
		const struct an_rule *r = an_rule((enum an_flag_id)i);

		assert_ptr_equal(r, &an_rules[i]);
		assert_int_equal(r->id, i);
		assert_non_null(r->name);
		assert_non_null(r->decide);
		assert_non_null(r->reason);
		assert_non_null(r->advice);
		assert_non_null(r->keys);
		assert_true(r->cmp != NULL || r->cmp_of != NULL);
		assert_true(r->metrics != 0);
		assert_true(r->metrics < AN_NEEDS(AN_M_COUNT));
		assert_string_equal(an_flag_name((enum an_flag_id)i), r->name);
		for (j = 0; j < i; j++)
			assert_string_not_equal(an_rules[j].name, r->name);
		used |= r->metrics;
	}
	assert_null(an_rule(AN_FLAG_COUNT));
	assert_string_equal(an_flag_name(AN_FLAG_COUNT), "?");
	/* every update step of the pass feeds at least one rule */
	assert_int_equal(used, AN_NEEDS(AN_M_COUNT) - 1);
}

/* Metrics of one day on which four rules hold: 1 alert, 2 warnings, 1 note. */
static void
four_flags(struct an_metrics *m)
{
	memset(m, 0, sizeof(*m));
	m->day = BASE + 100;
	m->acwr = m->monotony = m->sleep_mean_min = -1;
	m->hrv_mean7 = m->hrv_base_mean = m->hrv_base_sd = -1;
	m->last_ill = INT_MIN;
	m->fatigue_hi.len = 3;
	m->fatigue_hi.first = BASE + 98;
	m->fatigue_hi.last = BASE + 100;
	m->mass_known = 1;
	m->mass_loss_pct = 3;
	m->mass_before_g = 70000;
	m->mass_after_g = 67900;
	m->fluid_low.len = 3;
	m->injury_signs = AN_SIGN_PAIN;
	m->injury_day = BASE + 100;
}

/* The output array is never written past the capacity it is given. */
static void
test_flags_bounded(void **state)
{
	struct an_flag out[AN_FLAGS_MAX + 1], none;
	struct an_params p;
	struct an_metrics m;
	int cap;

	(void)state;
	an_params_defaults(&p);
	four_flags(&m);
	memset(&none, 0xa5, sizeof(none));
	for (cap = 0; cap <= 5; cap++) {
		int k, n;

		for (k = 0; k <= AN_FLAGS_MAX; k++)
			out[k] = none;
		n = an_flags_n(&m, &p, out, cap);
		assert_int_equal(n, cap < 4 ? cap : 4);
		for (k = n; k <= AN_FLAGS_MAX; k++)
			assert_memory_equal(&out[k], &none, sizeof(none));
		/* the most severe are kept, in rule order within a severity */
		if (n >= 1)
			assert_int_equal(out[0].id, AN_INJURY_SIGNS);
		if (n >= 2)
			assert_int_equal(out[1].id, AN_PERSISTENT_FATIGUE);
		if (n >= 3)
			assert_int_equal(out[2].id, AN_DEHYDRATION);
		if (n >= 4)
			assert_int_equal(out[3].id, AN_LOW_FLUID);
	}
	assert_int_equal(an_flags(&m, &p, out), 4);
	assert_int_equal(out[0].severity, AN_ALERT);
	assert_int_equal(out[3].severity, AN_NOTE);
}

/* The episode of rule id on day index i of the fx series, fed from day 0. */
static struct an_episode
fx_episode(enum an_flag_id id, int i)
{
	struct an_episode e[AN_FLAG_COUNT];

	an_episodes_at(fx.m, (size_t)i + 1, &fx.p, e);
	return e[id];
}

/* Days of [0, n) on which rule id is new or escalated; the first in *first. */
static int
fx_new_days(enum an_flag_id id, int n, int *first)
{
	int i, count = 0;

	an_metrics_all(&fx.s, &fx.p, fx.m);
	*first = -1;
	for (i = 0; i < n; i++) {
		struct an_episode e = fx_episode(id, i);
		enum an_ep_status st = an_episode_status(&e, BASE + i);

		if (st == AN_EP_NEW || st == AN_EP_ESCALATED) {
			if (*first < 0)
				*first = i;
			count++;
		}
	}
	return count;
}

/* Episodes of rule id over the whole fx series, and the days it held. */
static int
fx_episode_count(enum an_flag_id id, int *held)
{
	struct an_episode v[an_episodes_max(ND)];
	size_t n, k;
	int count = 0, i;

	an_metrics_all(&fx.s, &fx.p, fx.m);
	n = an_episodes_list(fx.m, fx.s.ndays, &fx.p, BASE, v, ND);
	assert_true(n <= ND);
	for (k = 0; k < n; k++)
		count += v[k].id == id;
	*held = 0;
	for (i = 0; i < (int)fx.s.ndays; i++) {
		fx.nf = an_flags(&fx.m[i], &fx.p, fx.f);
		*held += fx_flag(id) != NULL;
	}
	return count;
}

/* The 3-day gap: two days without a flag continue it, three end it. */
static void
test_episode_gap(void **state)
{
	struct an_flag w = { .id = AN_SLEEP_DEBT, .severity = AN_WARNING };
	struct an_episode e;

	(void)state;
	memset(&e, 0, sizeof(e));
	assert_int_equal(an_episode_feed(&e, 100, &w), AN_EP_NEW);
	assert_int_equal(an_episode_feed(&e, 101, NULL), AN_EP_NONE);
	assert_int_equal(an_episode_status(&e, 101), AN_EP_NONE);
	assert_false(an_episode_over(&e, 102));
	/* back after 2 days without: the same episode */
	assert_int_equal(an_episode_feed(&e, 103, &w), AN_EP_ONGOING);
	assert_int_equal(e.first_day, 100);
	assert_int_equal(e.last_day, 103);
	/* 104, 105, 106 without: over on 106, not before */
	assert_false(an_episode_over(&e, 105));
	assert_true(an_episode_over(&e, 106));
	assert_int_equal(an_episode_feed(&e, 107, &w), AN_EP_NEW);
	assert_int_equal(e.first_day, 107);
	/* a 4-day gap starts a new one too */
	assert_int_equal(an_episode_feed(&e, 112, &w), AN_EP_NEW);
	assert_int_equal(e.first_day, 112);
	/* a day of its condition within the gap keeps it going */
	an_episode_persist(&e, 114);
	assert_false(an_episode_over(&e, 116));
	assert_int_equal(an_episode_feed(&e, 116, &w), AN_EP_ONGOING);
	assert_int_equal(e.first_day, 112);
	/* but not once it is over: 117, 118 and 119 without */
	an_episode_persist(&e, 120);
	assert_int_equal(e.cond_day, 116);
	assert_int_equal(an_episode_feed(&e, 120, &w), AN_EP_NEW);
}

/* A rise in severity is new; going back down and up again is not. */
static void
test_episode_escalation(void **state)
{
	struct an_flag w = { .id = AN_ACWR, .severity = AN_WARNING };
	struct an_flag a = { .id = AN_ACWR, .severity = AN_ALERT };
	struct an_episode e;

	(void)state;
	memset(&e, 0, sizeof(e));
	assert_int_equal(an_episode_feed(&e, 200, &w), AN_EP_NEW);
	assert_int_equal(an_episode_feed(&e, 201, &w), AN_EP_ONGOING);
	assert_int_equal(an_episode_feed(&e, 202, &a), AN_EP_ESCALATED);
	assert_int_equal(e.level_day, 202);
	assert_int_equal(e.severity, AN_ALERT);
	assert_int_equal(an_episode_feed(&e, 203, &a), AN_EP_ONGOING);
	assert_int_equal(an_episode_feed(&e, 204, &w), AN_EP_ONGOING);
	assert_int_equal(an_episode_feed(&e, 205, &a), AN_EP_ONGOING);
	assert_int_equal(e.first_day, 200);
	assert_int_equal(e.level_day, 202);
	/* an episode that starts as an alert is simply new */
	memset(&e, 0, sizeof(e));
	assert_int_equal(an_episode_feed(&e, 300, &a), AN_EP_NEW);
}

/* An acknowledgement hides an episode until it ends or escalates. */
static void
test_episode_ack(void **state)
{
	struct an_flag w = { .id = AN_ACWR, .severity = AN_WARNING };
	struct an_flag a = { .id = AN_ACWR, .severity = AN_ALERT };
	struct an_episode e;
	int acks[2] = { 301, 303 }, before = 299;

	(void)state;
	memset(&e, 0, sizeof(e));
	an_episode_feed(&e, 300, &w);
	assert_false(an_episode_acked(&e, 300, acks, 1));  /* not yet made */
	an_episode_feed(&e, 301, &w);
	assert_true(an_episode_acked(&e, 301, acks, 1));
	assert_false(an_episode_acked(&e, 301, &before, 1));
	an_episode_feed(&e, 302, &w);
	assert_true(an_episode_acked(&e, 302, acks, 1));
	an_episode_feed(&e, 303, &a);                 /* escalates */
	assert_false(an_episode_acked(&e, 303, acks, 1));
	assert_true(an_episode_acked(&e, 303, acks, 2));
	/* over after three days without; a later episode is shown again */
	assert_true(an_episode_acked(&e, 305, acks, 2));
	assert_false(an_episode_acked(&e, 306, acks, 2));
	an_episode_feed(&e, 307, &w);
	assert_false(an_episode_acked(&e, 307, acks, 2));
}

/* A 6h45 sleeper: one episode, new once; a planted short spell still new. */
static void
test_episode_sleeper(void **state)
{
	int i, first, held;

	(void)state;
	fx_init(30);
	for (i = 0; i < 30; i++)
		fx.days[i].sleep_min = 405;
	assert_int_equal(fx_episode_count(AN_SLEEP_DEBT, &held), 1);
	assert_true(held >= 27);
	assert_int_equal(fx_new_days(AN_SLEEP_DEBT, 30, &first), 1);
	assert_int_equal(first, 3);          /* the 4th night gives a mean */
	/* 3 weeks of 7h30 then three nights of 5 h: new on the second, when
	 * the mean of the week falls under 7 h, and only once */
	fx_init(40);
	for (i = 0; i < 40; i++)
		fx.days[i].sleep_min = i >= 21 && i < 24 ? 300 : 450;
	assert_int_equal(fx_new_days(AN_SLEEP_DEBT, 40, &first), 1);
	assert_int_equal(first, 22);
}

/* 5 x 250 ml a day for 89 days: one low-fluid episode, new once. */
static void
test_episode_glasses(void **state)
{
	int i, first, held;

	(void)state;
	fx_init(89);
	for (i = 0; i < 89; i++)
		fx.days[i].fluid_ml = 5 * 250;
	assert_int_equal(fx_episode_count(AN_LOW_FLUID, &held), 1);
	assert_true(held >= 87);
	assert_int_equal(fx_new_days(AN_LOW_FLUID, 89, &first), 1);
	assert_int_equal(first, 2);
	/* the same with days not logged, two in a row now and then */
	for (i = 5; i < 89; i += 9) {
		fx.days[i].fluid_ml = -1;
		fx.days[i + 1].fluid_ml = -1;
	}
	assert_int_equal(fx_episode_count(AN_LOW_FLUID, &held), 1);
	assert_int_equal(fx_new_days(AN_LOW_FLUID, 89, &first), 1);
}

/*
 * Drinks hovering at the target (three days under, one over): one
 * episode. After 30 days at the target, 3 days under raise a new one on
 * the third; back to the target for 4 days, then under again: another.
 */
static void
test_episode_hovering(void **state)
{
	int i, first, held;

	(void)state;
	fx_init(60);
	for (i = 0; i < 60; i++)
		fx.days[i].fluid_ml = i % 4 == 3 ? 2100 : 1900;
	assert_int_equal(fx_episode_count(AN_LOW_FLUID, &held), 1);
	assert_int_equal(fx_new_days(AN_LOW_FLUID, 60, &first), 1);
	fx_init(60);
	for (i = 0; i < 60; i++)
		fx.days[i].fluid_ml = (i >= 30 && i < 33) || i >= 37 ? 1500 :
		    2500;
	assert_int_equal(fx_new_days(AN_LOW_FLUID, 60, &first), 2);
	assert_int_equal(first, 32);
	assert_int_equal(fx_episode_count(AN_LOW_FLUID, &held), 2);
	/* a gap of 3 days at the target only: still one episode */
	for (i = 33; i < 36; i++)
		fx.days[i].fluid_ml = 2500;
	fx.days[36].fluid_ml = 1500;
	assert_int_equal(fx_episode_count(AN_LOW_FLUID, &held), 2);
	fx.days[33].fluid_ml = 1500;          /* two days at the target */
	assert_int_equal(fx_episode_count(AN_LOW_FLUID, &held), 1);
}

/* Fatigue that lasts: new at the warning, new again as it turns alert. */
static void
test_episode_fatigue_escalates(void **state)
{
	int i, first;
	struct an_episode e;

	(void)state;
	fx_init(20);
	for (i = 5; i < 15; i++)
		fx_ck(i, 8);
	assert_int_equal(fx_new_days(AN_PERSISTENT_FATIGUE, 20, &first), 2);
	assert_int_equal(first, 7);
	e = fx_episode(AN_PERSISTENT_FATIGUE, 11);
	assert_int_equal(an_episode_status(&e, BASE + 11), AN_EP_ESCALATED);
	assert_int_equal(e.first_day, BASE + 7);
	assert_int_equal(e.level_day, BASE + 11);
}

/* An acknowledgement on a day inside survives days logged before it. */
static void
test_episode_backfill(void **state)
{
	int i, ack = BASE + 25;
	struct an_episode e;

	(void)state;
	fx_init(40);
	for (i = 20; i < 40; i++)
		fx.days[i].fluid_ml = 1000;
	an_metrics_all(&fx.s, &fx.p, fx.m);
	e = fx_episode(AN_LOW_FLUID, 39);
	assert_int_equal(e.first_day, BASE + 22);
	assert_true(an_episode_acked(&e, BASE + 39, &ack, 1));
	for (i = 10; i < 20; i++)          /* earlier days logged later */
		fx.days[i].fluid_ml = 1200;
	an_metrics_all(&fx.s, &fx.p, fx.m);
	e = fx_episode(AN_LOW_FLUID, 39);
	assert_int_equal(e.first_day, BASE + 12);
	assert_true(an_episode_acked(&e, BASE + 39, &ack, 1));
	assert_int_equal(an_episode_status(&e, BASE + 39), AN_EP_ONGOING);
}

/* A rule switched off raises nothing; its name is checked. */
static void
test_rules_off(void **state)
{
	char err[400];
	unsigned off = 0;
	int i;

	(void)state;
	assert_int_equal(an_rules_off_parse("monotony, low-fluid", &off, err,
	    sizeof(err)), 0);
	assert_int_equal(off, (1u << AN_MONOTONY) | (1u << AN_LOW_FLUID));
	assert_int_equal(an_rules_off_parse(" ,sleep-debt,", &off, err,
	    sizeof(err)), 0);
	assert_true(off & (1u << AN_SLEEP_DEBT));
	assert_int_equal(an_rules_off_parse("monotony, low-fluids", &off, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "unknown rule \"low-fluids\""));
	assert_non_null(strstr(err, "injury-signs"));
	assert_int_equal(an_flag_find("acwr"), AN_ACWR);
	assert_int_equal(an_flag_find("ACWR"), -1);
	fx_init(10);
	for (i = 0; i < 10; i++)
		fx.days[i].fluid_ml = 500;
	fx_eval(9);
	assert_flag(AN_LOW_FLUID, AN_NOTE);
	fx.p.rules_off = 1u << AN_LOW_FLUID;
	fx_eval(9);
	assert_no_flag(AN_LOW_FLUID);
}

/*
 * hrv-low. D is the day judged: its window is D-6..D, its baseline
 * D-66..D-7. fx_hrv() logs a morning rMSSD on a check-in without a rating.
 */
#define D 80

static void
fx_hrv(int i, int ms)
{
	fx_ck(i, 0)->hrv_ms = ms;
}

/* n days; the baseline: 10 mornings at 60 ms and 10 at 70 on D-26..D-7. */
static void
hrv_base_n(int n)
{
	int i;

	fx_init(n);
	/* these tests are about the threshold: a day under it is enough */
	fx.p.hrv_hold_days = 1;
	for (i = 0; i < 20; i++)
		fx_hrv(D - 26 + i, i % 2 ? 70 : 60);
}

static void
hrv_base(void)
{
	hrv_base_n(D + 1);
}

/*
 * By hand: ln 60 and ln 70 ten times each have the mean ln sqrt(4200) and
 * the sample SD h x sqrt(20/19), h = ln(70/60) / 2; the threshold is the
 * mean less half of it, 62.29 ms. Three mornings at 62 ms are under it, at
 * 63 ms not.
 */
static void
test_hrv_by_hand(void **state)
{
	double h = log(70.0 / 60.0) / 2, sd = h * sqrt(20.0 / 19.0);
	double thr = exp(log(sqrt(4200.0)) - 0.5 * sd);
	char buf[256];

	(void)state;
	hrv_base();
	fx_hrv(D - 4, 62);
	fx_hrv(D - 2, 62);
	fx_hrv(D, 62);
	fx_eval(D);
	assert_int_equal(fx.m[D].hrv_ms, 62);
	assert_int_equal(fx.m[D].hrv_n7, 3);
	assert_int_equal(fx.m[D].hrv_base_n, 20);
	assert_true(fabs(fx.m[D].hrv_mean7 - log(62.0)) < 1e-9);
	assert_true(fabs(fx.m[D].hrv_base_mean - log(sqrt(4200.0))) < 1e-9);
	/* the sample SD, not the population SD (h itself) */
	assert_true(fabs(fx.m[D].hrv_base_sd - sd) < 1e-9);
	assert_flag(AN_HRV_LOW, AN_WARNING);
	assert_int_equal(fx_flag(AN_HRV_LOW)->quantity, AN_Q_MS);
	assert_true(fabs(fx_flag(AN_HRV_LOW)->value - 62) < 1e-6);
	assert_true(fabs(fx_flag(AN_HRV_LOW)->threshold - thr) < 1e-6);
	assert_int_equal(fx_flag(AN_HRV_LOW)->first_day, BASE + D - 6);
	assert_int_equal(fx_flag(AN_HRV_LOW)->last_day, BASE + D);
	an_flag_reason(fx_flag(AN_HRV_LOW), UNIT_KM, UNIT_L, buf, sizeof(buf));
	assert_string_equal(buf, "7-day HRV 62.0 ms (3 readings), under 62.3 "
	    "ms, the low edge of a baseline of 64.8 ms (20 readings)");
	assert_string_equal(an_flag_value(fx_flag(AN_HRV_LOW), buf,
	    sizeof(buf)), "62.0 ms");
	assert_string_equal(an_flag_threshold(fx_flag(AN_HRV_LOW), buf,
	    sizeof(buf)), "< 62.3 ms");
	assert_non_null(strstr(an_flag_advice(fx_flag(AN_HRV_LOW)), "easy"));

	fx_hrv(D - 4, 63);
	fx_hrv(D - 2, 63);
	fx_hrv(D, 63);
	fx_eval(D);
	assert_no_flag(AN_HRV_LOW);
	assert_true(fx.m[D].hrv_mean7 > 0);
}

/*
 * Just under and just over the threshold: with three mornings at 62 ms,
 * the flag holds while the SD factor k is under k* = (mean - ln 62) / SD.
 */
static void
test_hrv_threshold(void **state)
{
	double k;

	(void)state;
	hrv_base();
	fx_hrv(D - 4, 62);
	fx_hrv(D - 2, 62);
	fx_hrv(D, 62);
	fx_eval(D);
	k = (fx.m[D].hrv_base_mean - fx.m[D].hrv_mean7) / fx.m[D].hrv_base_sd;
	assert_true(k > 0.5 && k < 0.6);
	fx.p.hrv_sd_factor = k - 1e-9;
	fx_eval(D);
	assert_flag(AN_HRV_LOW, AN_WARNING);
	fx.p.hrv_sd_factor = k + 1e-9;
	fx_eval(D);
	assert_no_flag(AN_HRV_LOW);
	/* factor 0: any week under the baseline mean (64.8 ms) */
	fx.p.hrv_sd_factor = 0;
	fx_hrv(D - 4, 64);
	fx_hrv(D - 2, 64);
	fx_hrv(D, 64);
	fx_eval(D);
	assert_flag(AN_HRV_LOW, AN_WARNING);
	fx_hrv(D, 67);
	fx_eval(D);
	assert_no_flag(AN_HRV_LOW);
}

/* 3 readings in the week are enough, 2 are not; the oldest is D-6. */
static void
test_hrv_min_readings(void **state)
{
	(void)state;
	hrv_base();
	fx_hrv(D - 6, 50);
	fx_hrv(D, 50);
	fx_eval(D);
	assert_int_equal(fx.m[D].hrv_n7, 2);
	assert_true(fx.m[D].hrv_mean7 < 0);
	assert_no_flag(AN_HRV_LOW);
	fx_hrv(D - 3, 50);
	fx_eval(D);
	assert_int_equal(fx.m[D].hrv_n7, 3);
	assert_flag(AN_HRV_LOW, AN_WARNING);
	/* the next day, D-6 has left the window: 2 readings again */
	hrv_base_n(D + 2);
	fx_hrv(D - 6, 50);
	fx_hrv(D - 3, 50);
	fx_hrv(D, 50);
	fx_eval(D + 1);
	assert_int_equal(fx.m[D + 1].hrv_n7, 2);
	assert_no_flag(AN_HRV_LOW);
	/* the setting: 2 readings are enough with hrv_min_readings = 2 */
	fx.p.hrv_min_readings = 2;
	fx_eval(D + 1);
	assert_flag(AN_HRV_LOW, AN_WARNING);
}

/*
 * A baseline needs 20 readings in D-66..D-7: 19 are not enough, and
 * readings inside the window never join it, however many there are.
 */
static void
test_hrv_baseline(void **state)
{
	double mean, sd;
	int i;

	(void)state;
	hrv_base();
	fx.days[D - 7].has_checkin = 0;       /* 19 readings */
	for (i = D - 6; i <= D; i++)
		fx_hrv(i, 50);
	fx_eval(D);
	assert_int_equal(fx.m[D].hrv_base_n, 19);
	assert_true(fx.m[D].hrv_base_mean < 0);
	assert_int_equal(fx.m[D].hrv_n7, 7);
	assert_no_flag(AN_HRV_LOW);
	/* the 20th reading on the baseline's first day, D-66 */
	fx_hrv(D - 66, 60);
	fx_eval(D);
	assert_int_equal(fx.m[D].hrv_base_n, 20);
	assert_flag(AN_HRV_LOW, AN_WARNING);
	/* D-67 is before the baseline */
	fx.days[D - 66].has_checkin = 0;
	fx_hrv(D - 67, 60);
	fx_eval(D);
	assert_int_equal(fx.m[D].hrv_base_n, 19);
	assert_no_flag(AN_HRV_LOW);

	/* the week's readings do not move the baseline */
	hrv_base();
	fx_eval(D);
	mean = fx.m[D].hrv_base_mean;
	sd = fx.m[D].hrv_base_sd;
	assert_int_equal(fx.m[D].hrv_n7, 0);
	for (i = D - 6; i <= D; i++)
		fx_hrv(i, 30);
	fx_eval(D);
	assert_true(fx.m[D].hrv_base_mean == mean);
	assert_true(fx.m[D].hrv_base_sd == sd);
	assert_int_equal(fx.m[D].hrv_base_n, 20);
	assert_true(fabs(fx.m[D].hrv_mean7 - log(30.0)) < 1e-9);
	/* hrv_base_min_readings: 19 are enough when it is 19 */
	fx.days[D - 7].has_checkin = 0;
	fx.p.hrv_base_min_readings = 19;
	fx_eval(D);
	assert_int_equal(fx.m[D].hrv_base_n, 19);
	assert_flag(AN_HRV_LOW, AN_WARNING);
}

/* A tiny fixed generator for the noise test. */
static uint32_t
hrv_rnd(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 8) & 0xffffff;
}

/*
 * Ordinary day-to-day noise: 67 mornings of 65 ms times (1 + u), u
 * uniform in -10%..+10%, judged on the last day, for 2000 runners. The
 * rule has no way to tell such a week from a real dip, so it fires at the
 * rate its threshold implies: the week's mean of ln rMSSD less the
 * baseline's has an SD of s x sqrt(1/7 + 1/60) (s, the daily SD, about
 * 0.058), and falling 0.5 s below has the probability Phi(-0.5 /
 * sqrt(1/7 + 1/60)) = Phi(-1.25), about 10.5% of days. The hold of 3
 * days in a row halves that (about 4-5% of days, measured here), since a
 * chance dip of the weekly mean rarely lasts. A real dip, the week 10%
 * lower, is still caught almost always.
 */
static void
test_hrv_noise(void **state)
{
	uint32_t seed = 7;
	int r, i, noise = 0, dip = 0, days = 0, runs = 2000;
	double rate;

	(void)state;
	for (r = 0; r < runs; r++) {
		fx_init(67);
		for (i = 0; i < 67; i++) {
			double u = hrv_rnd(&seed) / (double)0xffffff * 0.2 - 0.1;
			fx_hrv(i, (int)lround(65 * (1 + u)));
		}
		fx_eval(66);
		noise += fx_flag(AN_HRV_LOW) != NULL;
		/* every day with a baseline (20 readings from day 26 on) */
		assert_int_equal(fx_days_flagged(AN_HRV_LOW, 0, 25, NULL), 0);
		days += fx_days_flagged(AN_HRV_LOW, 26, 66, NULL);
		for (i = 60; i < 67; i++)
			fx.days[i].ck.hrv_ms = (int)lround(
			    fx.days[i].ck.hrv_ms * 0.9);
		fx_eval(66);
		dip += fx_flag(AN_HRV_LOW) != NULL;
	}
	rate = days * 100.0 / (runs * 41);
	print_message("hrv-low on noise: %d of %d last days (%.1f%%), %.1f%% "
	    "of days 26-66; on a 10%% dip: %d\n", noise, runs,
	    noise * 100.0 / runs, rate, dip);
	assert_true(noise >= runs * 2 / 100 && noise <= runs * 7 / 100);
	assert_true(rate >= 2.5 && rate <= 7);
	assert_true(dip >= runs * 95 / 100);
}

/*
 * The hold: the weekly mean under the threshold on hrv_hold_days days in a
 * row (3 by default), not on one or two.
 */
static void
test_hrv_hold(void **state)
{
	(void)state;
	hrv_base_n(D + 3);
	fx.p.hrv_hold_days = 3;
	fx_hrv(D - 2, 62);
	fx_hrv(D - 1, 62);
	fx_hrv(D, 62);
	fx_eval(D + 1);
	assert_int_equal(fx.m[D + 1].hrv_low_run, 2);
	assert_no_flag(AN_HRV_LOW);
	fx_eval(D + 2);
	assert_int_equal(fx.m[D + 2].hrv_low_run, 3);
	assert_flag(AN_HRV_LOW, AN_WARNING);
	/* a morning back up lifts the mean over the band: the run ends */
	fx_hrv(D + 2, 200);
	fx_eval(D + 2);
	assert_int_equal(fx.m[D + 2].hrv_low_run, 0);
	assert_no_flag(AN_HRV_LOW);
}

/*
 * The overtraining cluster counts a low HRV as a sign with persistent
 * fatigue; an illness still explains it away.
 */
static void
test_hrv_overtraining(void **state)
{
	(void)state;
	hrv_base();
	fx_hrv(D - 2, 50);
	fx_hrv(D - 1, 50);
	fx_hrv(D, 50);
	fx_eval(D);
	assert_flag(AN_HRV_LOW, AN_WARNING);
	assert_no_flag(AN_OVERTRAINING);      /* no fatigue: no cluster */
	fx.days[D - 2].ck.fatigue = fx.days[D - 1].ck.fatigue = 8;
	fx.days[D].ck.fatigue = 8;
	fx_eval(D);
	assert_flag(AN_PERSISTENT_FATIGUE, AN_WARNING);
	assert_flag(AN_OVERTRAINING, AN_ALERT);
	assert_int_equal(fx_flag(AN_OVERTRAINING)->bits, AN_OT_HRV);
	assert_true(fx_flag(AN_OVERTRAINING)->value == 1);
	/* hrv-low switched off: its readings are not trusted, no sign */
	fx.p.rules_off = 1u << AN_HRV_LOW;
	fx_eval(D);
	assert_no_flag(AN_OVERTRAINING);
	fx.p.rules_off = 0;
	/* two signs: low HRV and low mood */
	fx.days[D - 2].ck.mood = fx.days[D - 1].ck.mood = 2;
	fx.days[D].ck.mood = 2;
	fx_eval(D);
	assert_int_equal(fx_flag(AN_OVERTRAINING)->bits,
	    AN_OT_HRV | AN_OT_MOOD);
	assert_true(fx_flag(AN_OVERTRAINING)->value == 2);
	fx.days[D - 2].ck.mood = fx.days[D - 1].ck.mood = 0;
	fx.days[D].ck.mood = 0;
	/* a day marked ill: the illness, not a sign, explains the fatigue */
	fx.days[D - 1].ck.ill = 1;
	fx_eval(D);
	assert_no_flag(AN_OVERTRAINING);
	assert_flag(AN_HRV_LOW, AN_WARNING);
	assert_int_equal(fx_flag(AN_PERSISTENT_FATIGUE)->bits, AN_OT_ILLNESS);
	/* without the HRV sign the fatigue alone is no cluster */
	fx.days[D - 1].ck.ill = 0;
	fx.days[D - 2].ck.hrv_ms = fx.days[D - 1].ck.hrv_ms = 65;
	fx.days[D].ck.hrv_ms = 65;
	fx_eval(D);
	assert_no_flag(AN_HRV_LOW);
	assert_no_flag(AN_OVERTRAINING);
}

/*
 * One dip is one episode: a week at 50 ms, then mornings at 63 ms, over
 * the threshold (about 61 ms) but under the baseline mean (about 64 ms),
 * then a second week at 50 ms: the mean never got back to the baseline.
 * The same with 75 ms between the dips is two episodes.
 */
static void
test_hrv_episode(void **state)
{
	int i, first, held, plateau;

	(void)state;
	for (plateau = 63; plateau <= 75; plateau += 12) {
		fx_init(D + 30);
		fx.p.hrv_hold_days = 1;   /* the episodes, not the hold */
		for (i = D - 66; i < D - 6; i++)
			fx_hrv(i, i % 2 ? 70 : 60);
		for (i = D - 6; i < D + 30; i++)
			fx_hrv(i, i < D - 2 ? 63 : plateau);
		for (i = D - 2; i <= D; i++)
			fx_hrv(i, 50);
		for (i = D + 14; i <= D + 20; i++)
			fx_hrv(i, 50);
		assert_int_equal(fx_days_flagged(AN_HRV_LOW, 0, D - 3, NULL), 0);
		assert_int_equal(fx_days_flagged(AN_HRV_LOW, D + 7, D + 13,
		    NULL), 0);
		assert_int_equal(fx_days_flagged(AN_HRV_LOW, D + 17, D + 20,
		    NULL), 4);
		assert_int_equal(fx_episode_count(AN_HRV_LOW, &held),
		    plateau == 63 ? 1 : 2);
		assert_int_equal(fx_new_days(AN_HRV_LOW, D + 30, &first),
		    plateau == 63 ? 1 : 2);
		assert_int_equal(first, D - 2);
	}
}

/* The settings of hrv-low: ranges and coherence. */
static void
test_hrv_params(void **state)
{
	struct an_params p;
	char err[160];

	(void)state;
	an_params_defaults(&p);
	assert_true(p.hrv_days == 7 && p.hrv_min_readings == 3 &&
	    p.hrv_base_days == 60 && p.hrv_base_min_readings == 20 &&
	    p.hrv_sd_factor == 0.5);
	assert_int_equal(an_params_set(&p, "hrv_sd_factor", "0.75", err,
	    sizeof(err)), 0);
	assert_true(p.hrv_sd_factor == 0.75);
	assert_int_equal(an_params_set(&p, "hrv_sd_factor", "-0.5", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "hrv_sd_factor"));
	assert_int_equal(an_params_set(&p, "hrv_base_min_readings", "1", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "from 2 to 273"));
	assert_int_equal(an_params_check(&p, err, sizeof(err)), 0);
	p.hrv_min_readings = 8;
	assert_int_equal(an_params_check(&p, err, sizeof(err)), -1);
	assert_string_equal(err, "hrv_min_readings (8) is more than hrv_days "
	    "(7)");
	p.hrv_min_readings = 3;
	p.hrv_base_min_readings = 61;
	assert_int_equal(an_params_check(&p, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "hrv_base_min_readings (61)"));
}

/*
 * The sums are exact, so the numbers of a day depend on its readings
 * alone: the same day judged from a series that starts later (as a
 * bounded look-back loads it) gives the very same doubles.
 */
static void
test_hrv_exact(void **state)
{
	struct an_series s;
	struct an_metrics late[ND];
	int i, off = 150;

	(void)state;
	fx_init(ND);
	for (i = 0; i < ND; i++)
		fx_hrv(i, 40 + (i * 37) % 61);
	an_metrics_all(&fx.s, &fx.p, fx.m);
	s = fx.s;
	s.days = fx.days + off;
	s.ndays = ND - off;
	an_metrics_all(&s, &fx.p, late);
	for (i = off + 67; i < ND; i++) {
		assert_true(late[i - off].hrv_mean7 == fx.m[i].hrv_mean7);
		assert_true(late[i - off].hrv_base_mean == fx.m[i].hrv_base_mean);
		assert_true(late[i - off].hrv_base_sd == fx.m[i].hrv_base_sd);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_params_set),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_mileage_jump),
		cmocka_unit_test(test_mileage_jump_floor_and_warmup),
		cmocka_unit_test(test_mileage_jump_hold),
		cmocka_unit_test(test_mileage_jump_plan),
		cmocka_unit_test(test_mileage_jump_moved_run),
		cmocka_unit_test(test_mileage_jump_cold_and_taper),
		cmocka_unit_test(test_mileage_jump_level_weeks),
		cmocka_unit_test(test_long_run_spike),
		cmocka_unit_test(test_long_run_spike_early),
		cmocka_unit_test(test_acwr_by_hand),
		cmocka_unit_test(test_acwr_warmup),
		cmocka_unit_test(test_acwr_thresholds),
		cmocka_unit_test(test_acwr_hold),
		cmocka_unit_test(test_acwr_plan),
		cmocka_unit_test(test_acwr_chronic_zero),
		cmocka_unit_test(test_acwr_base),
		cmocka_unit_test(test_acwr_min_days),
		cmocka_unit_test(test_monotony_by_hand),
		cmocka_unit_test(test_monotony_threshold),
		cmocka_unit_test(test_monotony_load),
		cmocka_unit_test(test_fatigue_streaks),
		cmocka_unit_test(test_checkin_without_rating),
		cmocka_unit_test(test_overtraining),
		cmocka_unit_test(test_illness_fatigue),
		cmocka_unit_test(test_performance_decline),
		cmocka_unit_test(test_performance_decline_early),
		cmocka_unit_test(test_resting_hr),
		cmocka_unit_test(test_resting_hr_shift),
		cmocka_unit_test(test_hrv_by_hand),
		cmocka_unit_test(test_hrv_threshold),
		cmocka_unit_test(test_hrv_min_readings),
		cmocka_unit_test(test_hrv_baseline),
		cmocka_unit_test(test_hrv_noise),
		cmocka_unit_test(test_hrv_hold),
		cmocka_unit_test(test_hrv_overtraining),
		cmocka_unit_test(test_hrv_episode),
		cmocka_unit_test(test_hrv_params),
		cmocka_unit_test(test_hrv_exact),
		cmocka_unit_test(test_sleep_debt),
		cmocka_unit_test(test_dehydration),
		cmocka_unit_test(test_low_fluid),
		cmocka_unit_test(test_injury_signs),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_flags_on),
		cmocka_unit_test(test_lifetime_speed),
		cmocka_unit_test(test_rule_table),
		cmocka_unit_test(test_flags_bounded),
		cmocka_unit_test(test_episode_gap),
		cmocka_unit_test(test_episode_escalation),
		cmocka_unit_test(test_episode_ack),
		cmocka_unit_test(test_episode_sleeper),
		cmocka_unit_test(test_episode_glasses),
		cmocka_unit_test(test_episode_hovering),
		cmocka_unit_test(test_episode_fatigue_escalates),
		cmocka_unit_test(test_episode_backfill),
		cmocka_unit_test(test_rules_off),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
