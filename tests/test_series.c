/*
 * series: the day series loaded from a real (in-memory) journal: entries
 * folded per day, missing values kept missing, and the look-back bounded.
 */
#include "testutil.h"

#include <math.h>

#include "date.h"
#include "series.h"
#include <sqlite3.h>

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
	c.hrv_ms = 61;
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
	assert_int_equal(dd->ck.hrv_ms, 61);
	assert_int_equal(series_metrics(&se, d)->hrv_ms, 61);
	assert_int_equal(series_metrics(&se, d)->hrv_n7, 1);
	assert_int_equal(series_metrics(&se, d - 1)->hrv_ms, 0);
	/* 8 km without RPE: 8 x 24 = 192 AU */
	assert_true(fabs(series_metrics(&se, d)->load - 192) < 1e-9);
	assert_int_equal(series_metrics(&se, d)->dist_win_m, 21000);
	{
		struct an_flag f[AN_FLAGS_MAX];
		int n = series_flags(&se, &p, d, f);

		/* years of nothing, then two days of runs: no base, no ratio */
		assert_int_equal(n, 1);
		assert_true(series_metrics(&se, d)->acwr < 0);
		assert_int_equal(f[0].id, AN_INJURY_SIGNS);
	}
	series_free(&se);

	/* a journal younger than a year is read from its first day */
	assert_int_equal(series_load(st, first + 10, first + 20, &p, &se), 0);
	assert_int_equal(se.days[0].day, first);
	assert_int_equal(series_day(&se, first)->nruns, 1);
	series_free(&se);
}

/*
 * A journal edited by hand: a sleep on 2026-02-30 and a run on
 * 2026-02-31 (read as day 0 by the first version, which then indexed
 * before the day array). Both are left out and named; the rest loads.
 */
static void
test_bad_stored_day(void **state)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/j.db", dir), *msg;
	struct store *fst;
	struct series se;
	struct an_params p;
	sqlite3 *db;
	const char *w;
	int d = date_from_ymd(2026, 3, 1), named = 0;

	(void)state;
	an_params_defaults(&p);
	assert_int_equal(store_open(path, &fst), 0);
	store_close(fst);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	/* By hand, past the CHECK constraints of the schema. */
	assert_int_equal(sqlite3_exec(db,
	    "PRAGMA ignore_check_constraints = ON;"
	    "INSERT INTO run (id, day, distance_m, duration_s) VALUES "
	    "(1, '2026-02-27', 5000, 1800), (2, '2026-02-31', 9000, 3000);"
	    "INSERT INTO sleep (id, day, minutes) VALUES (5, '2026-02-30', 420),"
	    "(6, '2026-03-01', 400)", NULL, NULL, &msg), SQLITE_OK);
	sqlite3_close(db);
	/* Read as the commands that only read do: a writer would first
	 * refuse the file, whose rows break its CHECK constraints. */
	assert_int_equal(store_open_read(path, &fst), 0);

	assert_int_equal(series_load(fst, d - 6, d, &p, &se), 0);
	assert_int_equal(se.days[0].day, d - 6);
	assert_int_equal(se.s.journal_start, date_from_ymd(2026, 2, 27));
	assert_int_equal(series_day(&se, date_from_ymd(2026, 2, 27))->nruns, 1);
	assert_int_equal(series_day(&se, date_from_ymd(2026, 2, 28))->nruns, 0);
	assert_int_equal(series_day(&se, date_from_ymd(2026, 2, 28))->sleep_min,
	    -1);
	assert_int_equal(series_day(&se, d)->sleep_min, 400);
	series_free(&se);
	while ((w = store_warning(fst)) != NULL)
		named += strncmp(w, "sleep s5: date '2026-02-30'", 27) == 0 ||
		    strncmp(w, "run r2: date '2026-02-31'", 25) == 0;
	assert_int_equal(named, 2);
	store_close(fst);
	test_rmdir(dir);
	free(path);
	free(dir);
}

/* Entries dated outside the days asked for are left out, never indexed;
 * a planned run inside them is no run. */
static void
test_entries_outside_days(void **state)
{
	struct run runs[3];
	struct sleep sleeps[2];
	struct drink drinks[1];
	struct checkin cks[1];
	struct rest rests[1];
	struct plan plans[1];
	struct entries e;
	struct series se;
	struct an_params p;
	int d = date_from_ymd(2026, 3, 10);
	size_t i;

	(void)state;
	an_params_defaults(&p);
	memset(runs, 0, sizeof runs);
	memset(sleeps, 0, sizeof sleeps);
	memset(drinks, 0, sizeof drinks);
	memset(cks, 0, sizeof cks);
	memset(rests, 0, sizeof rests);
	memset(plans, 0, sizeof plans);
	runs[0].day = d - 400;          /* before the array */
	runs[1].day = d;
	runs[2].day = d + 1;            /* after it */
	for (i = 0; i < 3; i++) {
		runs[i].distance_m = 5000;
		runs[i].duration_s = 1500;
		runs[i].climb_m = -1;
	}
	sleeps[0].day = DATE_MIN - 100000;
	sleeps[0].minutes = 300;
	sleeps[1].day = d - 1;
	sleeps[1].minutes = 420;
	drinks[0].day = -2000000000;
	drinks[0].volume_ml = 500;
	cks[0].day = 2000000000;
	cks[0].fatigue = 9;
	rests[0].day = d + 30;
	plans[0].day = d - 3;
	plans[0].distance_m = 30000;
	e = (struct entries){ runs, 3, sleeps, 2, drinks, 1, cks, 1, rests, 1,
	    plans, 1 };

	assert_int_equal(series_from_entries(&e, d - 7, d - 2, d, d - 7, &p, &se),
	    0);
	assert_int_equal(se.s.ndays, 8);
	for (i = 0; i < se.s.ndays; i++) {
		const struct an_day *dd = &se.days[i];

		assert_int_equal(dd->day, d - 7 + (int)i);
		assert_int_equal(dd->nruns, dd->day == d ? 1 : 0);
		assert_int_equal(dd->sleep_min, dd->day == d - 1 ? 420 : -1);
		assert_int_equal(dd->fluid_ml, -1);
		assert_false(dd->has_checkin);
		assert_false(dd->rest);
	}
	series_free(&se);
	assert_int_equal(series_from_entries(&e, d, d - 1, d, d, &p, &se), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty_journal, setup,
		    teardown),
		cmocka_unit_test(test_bad_stored_day),
		cmocka_unit_test(test_entries_outside_days),
		cmocka_unit_test_setup_teardown(test_folding_and_lookback, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
