/*
 * series: the day series loaded from a real (in-memory) journal: entries
 * folded per day, missing values kept missing, and the look-back bounded.
 */
#include "testutil.h"

#include <math.h>

#include "date.h"
#include "series.h"
#include "store.h"
#include "util.h"

static struct store *st;

static int
setup(void **state)
{
	(void)state;
	assert_int_equal(store_open_memory(&st), 0);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	store_close(st);
	return 0;
}

static void
add_run(int day, int64_t m, int64_t s, int rpe)
{
	struct run r;

	memset(&r, 0, sizeof r);
	r.day = day;
	r.distance_m = m;
	r.duration_s = s;
	r.rpe = rpe;
	r.climb_m = -1;
	assert_int_equal(store_add_run(st, &r), 0);
}

static void
add_drink(int day, int64_t ml)
{
	struct drink d;

	memset(&d, 0, sizeof d);
	d.day = day;
	d.volume_ml = ml;
	assert_int_equal(store_add_drink(st, &d), 0);
}

static void
test_empty_journal(void **state)
{
	struct series se;
	struct an_params p;
	int d = date_from_ymd(2026, 11, 25);

	(void)state;
	an_params_defaults(&p);
	assert_int_equal(series_load(st, d, d, &p, &se), 0);
	assert_true(se.empty);
	assert_int_equal(se.s.ndays, 1);
	assert_non_null(series_metrics(&se, d));
	assert_null(series_metrics(&se, d + 1));
	assert_int_equal(series_metrics(&se, d)->fluid_ml, -1);
	series_free(&se);
	assert_int_equal(series_load(st, d, d - 1, &p, &se), -1);
}

static void
test_folding_and_lookback(void **state)
{
	struct series se;
	struct an_params p;
	struct checkin c;
	struct sleep s;
	const struct an_day *dd;
	int d = date_from_ymd(2026, 11, 25), first = d - 2000;

	(void)state;
	an_params_defaults(&p);
	add_run(first, 5000, 1800, 0);          /* five years back */
	add_run(d - 1, 10000, 3000, 5);
	add_run(d - 1, 3000, 1200, 2);
	add_run(d, 8000, 2400, 0);
	add_drink(d - 1, 500);
	add_drink(d - 1, 750);
	memset(&s, 0, sizeof s);
	s.day = d;
	s.minutes = 0;                          /* a logged zero stays zero */
	assert_int_equal(store_put_sleep(st, &s, NULL), 0);
	memset(&c, 0, sizeof c);
	c.day = d;
	c.fatigue = 8;
	c.rhr = 55;
	c.swelling = 1;
	assert_int_equal(store_put_checkin(st, &c, NULL), 0);

	assert_int_equal(series_load(st, d - 6, d, &p, &se), 0);
	/* a year before the first day shown, not the whole history */
	assert_int_equal(se.days[0].day, d - 6 - SERIES_LOOKBACK_DAYS);
	assert_int_equal(se.s.ndays, SERIES_LOOKBACK_DAYS + 7);
	assert_int_equal(se.s.journal_start, first);

	dd = series_day(&se, d - 1);
	assert_int_equal(dd->nruns, 2);
	assert_int_equal(dd->runs[0].distance_m + dd->runs[1].distance_m, 13000);
	assert_int_equal(dd->fluid_ml, 1250);
	assert_int_equal(dd->sleep_min, -1);
	assert_false(dd->has_checkin);
	/* 5 x 50 + 2 x 20 = 290 AU */
	assert_true(fabs(series_metrics(&se, d - 1)->load - 290) < 1e-9);

	dd = series_day(&se, d);
	assert_int_equal(dd->fluid_ml, -1);
	assert_int_equal(dd->sleep_min, 0);
	assert_true(dd->has_checkin);
	assert_int_equal(dd->ck.rhr_bpm, 55);
	/* 8 km without RPE: 8 x 24 = 192 AU */
	assert_true(fabs(series_metrics(&se, d)->load - 192) < 1e-9);
	assert_int_equal(series_metrics(&se, d)->dist_win_m, 21000);
	{
		struct an_flag f[AN_FLAGS_MAX];
		int n = series_flags(&se, &p, d, f);

		/* years of nothing, then 482 AU in two days: a ratio spike */
		assert_int_equal(n, 2);
		assert_int_equal(f[0].id, AN_ACWR);
		assert_int_equal(f[0].severity, AN_ALERT);
		assert_int_equal(f[1].id, AN_INJURY_SIGNS);
	}
	series_free(&se);

	/* a journal younger than a year is read from its first day */
	assert_int_equal(series_load(st, first + 10, first + 20, &p, &se), 0);
	assert_int_equal(se.days[0].day, first);
	assert_int_equal(series_day(&se, first)->nruns, 1);
	series_free(&se);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty_journal, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_folding_and_lookback, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
