/*
 * fitness: the chart of fitness, fatigue and form, the days until fresh,
 * the records and Riegel's estimates, against values worked out by hand
 * (the factors 1 - e^(-1/42) = 0.0235283133 and 1 - e^(-1/7) =
 * 0.1331221002), the bands and cells of the calendar, and the totals.
 */
#include "testutil.h"

#include <math.h>

#include "fitness.h"

#define EPS 1e-9

static void
test_factors(void **state)
{
	(void)state;
	assert_float_equal(fit_factor(42), 0.023528313347756735, EPS);
	assert_float_equal(fit_factor(7), 0.1331221002498184, EPS);
}

/*
 * Three days of load 100, then rest. Day 0: CTL = 100 x 0.0235283 =
 * 2.35283, ATL = 100 x 0.1331221 = 13.31221, form 0 (nothing before).
 * Day 1: CTL = 2.35283 + (100 - 2.35283) x 0.0235283 = 4.65030, ATL =
 * 13.31221 + (100 - 13.31221) x 0.1331221 = 24.85227, form = 2.35283 -
 * 13.31221 = -10.95938 (the day before's balance). Day 3 (rest): CTL =
 * 6.89372 x (1 - 0.0235283) = 6.73152, form = 6.89372 - 34.85609.
 */
static void
test_chart_by_hand(void **state)
{
	const double load[] = { 100, 100, 100, 0, 0 };
	struct fit_day d[5];

	(void)state;
	fit_chart(load, 5, d);
	assert_float_equal(d[0].ctl, 2.3528313347756735, EPS);
	assert_float_equal(d[0].atl, 13.312210024981841, EPS);
	assert_float_equal(d[0].tsb, 0, EPS);
	assert_float_equal(d[1].ctl, 4.650304516652325, EPS);
	assert_float_equal(d[1].atl, 24.852270692471414, EPS);
	assert_float_equal(d[1].tsb, -10.959378690206167, EPS);
	assert_float_equal(d[2].ctl, 6.893722029597714, EPS);
	assert_float_equal(d[2].atl, 34.85609424689445, EPS);
	assert_float_equal(d[2].tsb, -20.201966175819088, EPS);
	assert_float_equal(d[3].ctl, 6.731524377553005, EPS);
	assert_float_equal(d[3].atl, 30.215977774242248, EPS);
	assert_float_equal(d[3].tsb, -27.962372217296735, EPS);
	/* form rises once fatigue falls faster than fitness */
	assert_float_equal(d[4].tsb, -23.484453396689243, EPS);
	assert_true(d[4].tsb > d[3].tsb);
}

/*
 * After those three days (CTL 6.89372, ATL 34.85609), rest: the balance
 * after k days is 6.89372 x 0.9764717^k - 34.85609 x 0.8668779^k, still
 * negative after 13 days (-0.383) and positive after 14 (+0.222), so form
 * is back to >= 0 on the 15th day.
 */
static void
test_days_to_fresh_boundary(void **state)
{
	double c = 6.893722029597714, a = 34.85609424689445;

	(void)state;
	assert_int_equal(fit_days_to_fresh(c, a, 60), 15);
	assert_int_equal(fit_days_to_fresh(c, a, 15), 15);
	assert_int_equal(fit_days_to_fresh(c, a, 14), -1);
	/* balanced or ahead: fresh the next day */
	assert_int_equal(fit_days_to_fresh(0, 0, 60), 1);
	assert_int_equal(fit_days_to_fresh(30, 30, 60), 1);
	assert_int_equal(fit_days_to_fresh(30, 29.9, 60), 1);
	/* just behind: one day of rest turns it */
	assert_int_equal(fit_days_to_fresh(30, 30.1, 60), 2);
	/* no fitness at all behind a fatigue never turns within the cap */
	assert_int_equal(fit_days_to_fresh(0, 50, 60), -1);
}

/* The chart's last day feeds the count the command prints. */
static void
test_chart_then_fresh(void **state)
{
	const double load[] = { 100, 100, 100 };
	struct fit_day d[3];

	(void)state;
	fit_chart(load, 3, d);
	assert_int_equal(fit_days_to_fresh(d[2].ctl, d[2].atl, 60), 15);
}

/*
 * The look-back: twenty years of heavy, varied load, charted whole and
 * charted from FIT_LOOKBACK_DAYS before the last 84 days; every one of
 * those days agrees within 1e-5 AU/day (the bound is e^(-730/42) times
 * the largest fitness, about 3e-8 x 400), far under the 0.1 printed. A
 * chart started 100 days back does not agree: the bound is not vacuous.
 */
static void
test_chart_lookback(void **state)
{
	enum { N = 7305, SHOWN = 84 };
	static double load[N];
	static struct fit_day whole[N], part[N];
	size_t from = N - SHOWN - FIT_LOOKBACK_DAYS, i;
	unsigned x = 12345;
	double worst = 0;

	(void)state;
	for (i = 0; i < N; i++) {
		x = x * 1103515245u + 12345u;
		load[i] = (x >> 16) % 3 == 0 ? 0 : (double)((x >> 8) % 400);
	}
	fit_chart(load, N, whole);
	fit_chart(load + from, N - from, part);
	for (i = N - SHOWN; i < N; i++) {
		double e = fabs(whole[i].ctl - part[i - from].ctl);

		e = fmax(e, fabs(whole[i].atl - part[i - from].atl));
		e = fmax(e, fabs(whole[i].tsb - part[i - from].tsb));
		worst = fmax(worst, e);
	}
	assert_true(worst < 1e-5);
	fit_chart(load + N - SHOWN - 100, SHOWN + 100, part);
	assert_true(fabs(whole[N - 1].ctl - part[SHOWN + 99].ctl) > 0.1);
}

static void
test_records(void **state)
{
	const struct fit_effort e[] = {
		{ 4999, 1000 },    /* short of 5 km: never a 5 km record */
		{ 5000, 1300 },
		{ 5150, 1250 },    /* 3% over: still a 5 km, taken as is */
		{ 5151, 1100 },    /* over 3%: left out */
		{ 10000, 2500 },
		{ 10300, 2500 },   /* a tie: the earlier stands */
		{ 21097, 5000 },   /* a metre short of the half */
	};

	(void)state;
	assert_int_equal(fit_record(e, 7, 5000), 2);
	assert_int_equal(fit_record(e, 7, 10000), 4);
	assert_int_equal(fit_record(e, 7, 21098), -1);
	assert_int_equal(fit_record(e, 7, 42195), -1);
	assert_int_equal(fit_record(e, 0, 5000), -1);
}

/*
 * 20:00 over 5 km: 1200 x 2^1.06 = 2501.918 s over 10 km, 1200 x
 * 4.2195^1.06 = 5520.239 s over the half, 1200 x 8.439^1.06 = 11509.321 s
 * over the marathon. A 10 km in 2500 s beats it, narrowly (2500 / 10000^1.06
 * = 0.143860 against 0.143970).
 */
static void
test_riegel(void **state)
{
	const struct fit_effort e[] = { { 5000, 1200 }, { 10000, 2500 },
		{ 10000, 2510 } };

	(void)state;
	assert_float_equal(fit_riegel(1200, 5000, 10000), 2501.9178260186914,
	    1e-6);
	assert_float_equal(fit_riegel(1200, 5000, 21097.5), 5520.239199907903,
	    1e-6);
	assert_float_equal(fit_riegel(1200, 5000, 42195), 11509.32071511395,
	    1e-6);
	assert_float_equal(fit_riegel(1200, 5000, 5000), 1200, EPS);
	assert_int_equal(fit_best_effort(e, 3), 1);
	assert_int_equal(fit_best_effort(e + 2, 1), 0);
	assert_int_equal(fit_best_effort(e, 0), -1);
}

static void
test_bands(void **state)
{
	const int64_t edges[] = { 5000, 10000, 20000 };

	(void)state;
	assert_int_equal(fit_band(0, edges, 3), 0);
	assert_int_equal(fit_band(1, edges, 3), 1);
	assert_int_equal(fit_band(4999, edges, 3), 1);
	assert_int_equal(fit_band(5000, edges, 3), 2);
	assert_int_equal(fit_band(19999, edges, 3), 3);
	assert_int_equal(fit_band(20000, edges, 3), 4);
	assert_int_equal(fit_band(500000, edges, 3), 4);
}

/*
 * A leap year starting on a Sunday, weeks from Monday: 1 January is the
 * seventh cell of the first column, and 31 December (day 365) falls in
 * the 54th column, (365 + 6) / 7 = 53 full columns before it. Days before
 * from and after to are blank and count for nothing.
 */
static void
test_calendar(void **state)
{
	static int64_t dist[366];
	struct fit_cal c;
	int col, row;

	(void)state;
	memset(dist, 0, sizeof dist);
	dist[0] = 3000;         /* before from: blank */
	dist[10] = 4999;        /* band 1 */
	dist[11] = 5000;        /* band 2 */
	dist[12] = 25000;       /* band 4 */
	dist[300] = 12000;      /* after to: blank */
	fit_calendar(&c, 1006, 366, 1000, dist, 1006 + 5, 1006 + 299, 0);
	assert_int_equal(c.weeks, 54);
	assert_int_equal(c.band[0], FIT_CAL_BLANK);
	assert_int_equal(c.band[4], FIT_CAL_BLANK);
	assert_int_equal(c.band[5], 0);
	assert_int_equal(c.band[10], 1);
	assert_int_equal(c.band[11], 2);
	assert_int_equal(c.band[12], 4);
	assert_int_equal(c.band[299], 0);
	assert_int_equal(c.band[300], FIT_CAL_BLANK);
	assert_int_equal(c.total_m, 4999 + 5000 + 25000);
	assert_int_equal(c.days_run, 3);
	assert_int_equal(fit_cal_cell(&c, 1006, &col, &row), 0);
	assert_int_equal(col, 0);
	assert_int_equal(row, 6);
	assert_int_equal(fit_cal_cell(&c, 1006 + 365, &col, &row), 0);
	assert_int_equal(col, 53);
	assert_int_equal(row, 0);
	assert_int_equal(fit_cal_cell(&c, 1005, &col, &row), -1);
	assert_int_equal(fit_cal_cell(&c, 1006 + 366, &col, &row), -1);

	/* Miles: 3 mi is 4828 m, so 4900 m is in the second band. */
	dist[10] = 4900;
	fit_calendar(&c, 1006, 365, 1006, dist, 0, 5000, 1);
	assert_int_equal(c.weeks, 53);
	assert_int_equal(c.band[10], 2);
	assert_int_equal(fit_cal_nominal(1)[2], 12);
	assert_int_equal(fit_cal_edges(0)[0], 5000);

	assert_string_equal(fit_cal_glyph(0, 0), ".");
	assert_string_equal(fit_cal_glyph(4, 0), "#");
	assert_string_equal(fit_cal_glyph(4, 1), "\u2588");
	assert_string_equal(fit_cal_glyph(FIT_CAL_BLANK, 1), " ");
	assert_string_equal(fit_cal_glyph(FIT_CAL_BANDS, 0), " ");
}

/* Totals add the day metrics the rules read; a day outside adds nothing. */
static void
test_totals(void **state)
{
	struct an_metrics m[2];
	struct fit_total a, b;
	double pct = 0;

	(void)state;
	memset(m, 0, sizeof m);
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	m[0].distance_m = 10000;
	m[0].duration_s = 3000;
	m[0].load = 250;
	m[0].nruns = 2;
	m[1].load = 0;          /* a day without a run */
	fit_total_add(&a, &m[0]);
	fit_total_add(&a, &m[1]);
	fit_total_add(&a, NULL);
	assert_int_equal(a.distance_m, 10000);
	assert_int_equal(a.duration_s, 3000);
	assert_float_equal(a.load, 250, EPS);
	assert_int_equal(a.runs, 2);
	assert_int_equal(a.days_run, 1);

	/* No distance before: no change can be given, pct untouched. */
	assert_int_equal(fit_change_pct(&a, &b, &pct), -1);
	assert_float_equal(pct, 0, EPS);
	b.distance_m = 8000;
	assert_int_equal(fit_change_pct(&a, &b, &pct), 0);
	assert_float_equal(pct, 25, EPS);
	assert_int_equal(fit_change_pct(&b, &a, &pct), 0);
	assert_float_equal(pct, -20, EPS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_factors),
		cmocka_unit_test(test_chart_by_hand),
		cmocka_unit_test(test_days_to_fresh_boundary),
		cmocka_unit_test(test_chart_then_fresh),
		cmocka_unit_test(test_chart_lookback),
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_riegel),
		cmocka_unit_test(test_bands),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_totals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
