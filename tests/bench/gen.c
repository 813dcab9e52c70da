/*
 * gen: writes a deterministic lifetime journal for the benchmark: YEARS
 * years of days ending on a given day, about 5 runs a week of varied type
 * and length, a sleep entry and a check-in on most days, 3 to 5 drinks a
 * day, with holidays and injury breaks. The same seed gives the same file.
 *
 *   gen PATH YEARS END-DAY
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "util.h"
#include "../../src/store-int.h"   /* the handle, to drop undo rows */

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;

static unsigned
rnd(unsigned n)
{
	/* xorshift64*: small, fast, and the same on every machine. */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (unsigned)((rng * 2685821657736338717ULL) >> 33) % n;
}

int
main(int argc, char **argv)
{
	struct store *st;
	int years, end, start, day, off_until = 0;
	long nruns = 0, ndrinks = 0, nsleep = 0, ncheck = 0;

	if (argc != 4 || (years = atoi(argv[2])) <= 0 ||
	    date_parse(argv[3], &end) != 0) {
		fprintf(stderr, "usage: gen PATH YEARS YYYY-MM-DD\n");
		return 2;
	}
	if (store_open(argv[1], &st) != 0 || store_begin(st, "generate") != 0) {
		fprintf(stderr, "gen: %s\n", err_get());
		return 1;
	}
	start = end - years * 365 - years / 4 + 1;
	for (day = start; day <= end; day++) {
		int wd = date_weekday(day), running;

		/* A two-week holiday most summers, an injury every few years. */
		if (day >= off_until && rnd(365) == 0)
			off_until = day + 14;
		if (day >= off_until && rnd(1200) == 0)
			off_until = day + 28 + (int)rnd(28);
		running = day >= off_until && wd != 0 && wd != 4;
		if (running) {
			struct run r;
			memset(&r, 0, sizeof r);
			r.day = day;
			r.climb_m = -1;
			if (wd == 6) {
				r.type = RUN_LONG;
				r.distance_m = 16000 + rnd(14000);
			} else if (wd == 2) {
				r.type = rnd(2) ? RUN_TEMPO : RUN_INTERVAL;
				r.distance_m = 8000 + rnd(4000);
			} else {
				r.type = RUN_EASY;
				r.distance_m = 6000 + rnd(6000);
			}
			/* 4:30 to 6:00 per km. */
			r.duration_s = r.distance_m * (270 + rnd(90)) / 1000;
			r.rpe = r.type == RUN_EASY ? 3 + (int)rnd(2) : 6 + (int)rnd(3);
			if (rnd(4) == 0)
				r.avg_hr = 130 + (int)rnd(40);
			if (rnd(10) == 0)
				r.note = "felt good, steady";
			if (store_add_run(st, &r) != 0)
				goto fail;
			nruns++;
		}
		if (rnd(10) != 0) {
			struct sleep s;
			memset(&s, 0, sizeof s);
			s.day = day;
			s.minutes = 360 + rnd(150);
			s.quality = 1 + (int)rnd(5);
			if (store_put_sleep(st, &s, NULL) != 0)
				goto fail;
			nsleep++;
		}
		if (rnd(8) != 0) {
			struct checkin c;
			memset(&c, 0, sizeof c);
			c.day = day;
			c.fatigue = 2 + (int)rnd(5);
			c.soreness = 1 + (int)rnd(5);
			c.mood = 3 + (int)rnd(3);
			c.stress = 1 + (int)rnd(4);
			c.rhr = 46 + (int)rnd(10);
			if (store_put_checkin(st, &c, NULL) != 0)
				goto fail;
			ncheck++;
		}
		for (unsigned i = 0, n = 3 + rnd(3); i < n; i++) {
			struct drink d;
			memset(&d, 0, sizeof d);
			d.day = day;
			d.volume_ml = 250 + 50 * rnd(6);
			d.electrolytes = rnd(6) == 0;
			if (store_add_drink(st, &d) != 0)
				goto fail;
			ndrinks++;
		}
	}
	if (store_commit(st) != 0)
		goto fail;
	/* A generated history is not a change to undo. */
	sqlite3_exec(store_db(st), "DELETE FROM undo_log; DELETE FROM undo_group; "
	    "VACUUM", NULL, NULL, NULL);
	store_close(st);
	printf("%d days: %ld runs, %ld sleeps, %ld check-ins, %ld drinks\n",
	    end - start + 1, nruns, nsleep, ncheck, ndrinks);
	return 0;
fail:
	fprintf(stderr, "gen: %s\n", err_get());
	store_close(st);
	return 1;
}
