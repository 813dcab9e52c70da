/*
 * cmd-demo: runlog demo fills an empty journal with 16 weeks ending today,
 * so a newcomer can try every screen and see every kind of flag. The data
 * is made up but plausible, and the same for the same today: training of
 * three weeks up and one down, a 10 km race at the end of the first build,
 * a long run moved, a cold, morning HRV and body mass, and a risk planted
 * for each rule (a monotonous week, a jump with the longest run yet, a
 * week of lasting fatigue with its HRV dip and its recovery, a hot long
 * run, an injury scare). Each rule is raised once, on its risk, and the
 * other weeks raise nothing (tests/demo.test.sh counts it). All of it is
 * written in one batch: one transaction, one undo.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "util.h"

const struct cmd_entry cmd_demo_entry = {
	.name = "demo",
	.usage = "",
	.summary = "fill an empty journal with 16 demo weeks",
	.exec = cmd_demo,
};

#define DEMO_WEEKS 16

enum week_kind { W_ORDINARY, W_MONOTONE, W_JUMP, W_TIRED, W_RECOVER,
	W_INJURY, W_HOT, W_COLD, W_RACE };

struct week_plan {
	enum week_kind kind;
	double         scale;     /* of the ordinary weekday distances */
	int            long_km;   /* the week's long run, or its race */
	int            long_dow;  /* its day: 5 Saturday, 6 Sunday (moved) */
};

/*
 * Three weeks up and one down, with a risk planted now and then among
 * them: each rule is raised once, on its risk, and the weeks around raise
 * nothing. The weeks that return to a distance run lately (after a
 * cutback, the cold or the recovery) are no jump; the long run moved to
 * Sunday in week 7 and back to Saturday is none either. The first build
 * ends with a 10 km race in place of the long run.
 */
static const struct week_plan plan[DEMO_WEEKS] = {
	{ W_ORDINARY, 1.00, 12, 5 }, { W_ORDINARY, 1.04, 13, 5 },
	{ W_RACE, 1.08, 10, 5 },     { W_ORDINARY, 0.80, 10, 5 },
	{ W_ORDINARY, 1.06, 14, 5 }, { W_MONOTONE, 1.00, 0, 5 },
	{ W_ORDINARY, 1.08, 15, 6 }, { W_ORDINARY, 0.85, 11, 5 },
	{ W_JUMP, 1.50, 21, 5 },     { W_TIRED, 1.10, 16, 5 },
	{ W_RECOVER, 0.75, 10, 5 },  { W_ORDINARY, 1.00, 14, 5 },
	{ W_HOT, 1.00, 14, 5 },      { W_COLD, 0.85, 12, 5 },
	{ W_INJURY, 1.00, 14, 5 },   { W_ORDINARY, 0.90, 12, 5 },
};

/* The ordinary week, Monday first: km, pace s/km, RPE, type; 0 km = off. */
static const struct {
	double km;
	int    pace_s, rpe;
	enum run_type type;
} weekday[7] = {
	{ 0, 0, 0, RUN_EASY },          /* Monday: rest day */
	{ 7, 360, 4, RUN_EASY },
	{ 8, 305, 7, RUN_TEMPO },
	{ 6, 370, 3, RUN_EASY },
	{ 0, 0, 0, RUN_EASY },          /* Friday: off */
	{ 0, 380, 5, RUN_LONG },        /* Saturday: the week's long run */
	{ 5, 390, 2, RUN_RECOVERY },
};

struct demo {
	struct store *st;
	uint32_t      seed;
	uint32_t      body_seed;  /* HRV and body mass: their own draws */
	int           runs, sleeps, drinks, checkins, rests;
	int           rpe, long_run;  /* the day's hardest run, so far */
};

/* A small fixed generator, so the demo is the same on every machine. */
static int
rnd_from(uint32_t *seed, int n)
{
	*seed = *seed * 1103515245u + 12345u;
	return (int)((*seed >> 16) % (unsigned)n);
}

static int
rnd(struct demo *dm, int n)
{
	return rnd_from(&dm->seed, n);
}

/* Notes the day's runs for the next morning's HRV. */
static void
ran(struct demo *dm, int rpe, int64_t distance_m)
{
	if (rpe > dm->rpe)
		dm->rpe = rpe;
	if (distance_m >= 14000)
		dm->long_run = 1;
}

/*
 * The morning's rMSSD in ms, about 68: lower after a hard or long run,
 * higher after a day off, so every ordinary week has the same shape and
 * the same mean. It sinks after the jump's long runs and through the
 * tired week (hrv-low, one more overtraining sign there) and comes back
 * as the recovery week goes on. rpe and long_run describe yesterday.
 */
static int
morning_hrv(struct demo *dm, enum week_kind kind, int dow, int rpe,
    int long_run)
{
	static const double recover[7] = {
		0.86, 0.92, 0.97, 1.00, 1.03, 1.04, 1.04
	};
	double f = rpe == 0 ? 1.04 : long_run || rpe >= 6 ? 0.94 : 1.01;

	if (kind == W_JUMP && dow == 6)
		f *= 0.86;
	else if (kind == W_TIRED)
		f *= 0.80;
	else if (kind == W_RECOVER)
		f *= recover[dow];
	f *= 1 + (rnd_from(&dm->body_seed, 31) - 15) / 1000.0;
	return (int)(68 * f + 0.5);
}

static int
add_run(struct demo *dm, int day, double km, int pace_s, int rpe,
    enum run_type type, const char *note)
{
	struct run r;

	memset(&r, 0, sizeof r);
	r.day = day;
	r.distance_m = (int64_t)(km * 1000 + 0.5) / 10 * 10;
	r.duration_s = r.distance_m * (pace_s + rnd(dm, 9) - 4) / 1000;
	r.rpe = rpe;
	r.type = type;
	r.climb_m = 20 + rnd(dm, 80);
	r.note = (char *)note;
	dm->runs++;
	ran(dm, rpe, r.distance_m);
	return store_add_run(dm->st, &r);
}

static int
add_run_mass(struct demo *dm, int day, double km, int pace_s, int rpe,
    int64_t before_g, int64_t after_g, const char *note)
{
	struct run r;

	memset(&r, 0, sizeof r);
	r.day = day;
	r.distance_m = (int64_t)(km * 1000);
	r.duration_s = r.distance_m * pace_s / 1000;
	r.rpe = rpe;
	r.type = RUN_LONG;
	r.climb_m = 140;
	r.mass_before_g = before_g;
	r.mass_after_g = after_g;
	r.note = (char *)note;
	dm->runs++;
	ran(dm, rpe, r.distance_m);
	return store_add_run(dm->st, &r);
}

static int
add_sleep(struct demo *dm, int day, int64_t minutes)
{
	struct sleep s;

	memset(&s, 0, sizeof s);
	s.day = day;
	s.minutes = minutes;
	s.quality = minutes >= 450 ? 4 : minutes >= 400 ? 3 : 2;
	dm->sleeps++;
	return store_put_sleep(dm->st, &s, NULL);
}

/* The day's fluid as a few drinks. */
static int
add_fluid(struct demo *dm, int day, int64_t total_ml, int electrolytes)
{
	int64_t parts[3];
	struct drink d;
	int k;

	parts[0] = total_ml * 35 / 100 / 50 * 50;
	parts[1] = total_ml * 30 / 100 / 50 * 50;
	parts[2] = total_ml - parts[0] - parts[1];
	for (k = 0; k < 3; k++) {
		memset(&d, 0, sizeof d);
		d.day = day;
		d.volume_ml = parts[k];
		d.electrolytes = electrolytes && k == 2;
		dm->drinks++;
		if (store_add_drink(dm->st, &d) != 0)
			return -1;
	}
	return 0;
}

static int
add_checkin(struct demo *dm, struct checkin *c)
{
	dm->checkins++;
	return store_put_checkin(dm->st, c, NULL);
}

/* The morning of a day of the demo: sleep and the check-in. */
static int
demo_morning(struct demo *dm, int day, const struct week_plan *wp, int dow)
{
	struct checkin c;
	int tired = wp->kind == W_TIRED, rc = 0;
	int64_t sleep_min;

	sleep_min = tired ? 330 + rnd(dm, 40) :
	    wp->kind == W_RECOVER ? 480 + rnd(dm, 30) : 420 + rnd(dm, 75);
	if (tired || rnd(dm, 13) != 0)
		rc |= add_sleep(dm, day, sleep_min);

	memset(&c, 0, sizeof c);
	c.day = day;
	c.fatigue = 3 + rnd(dm, 3);
	c.soreness = 2 + rnd(dm, 3);
	c.mood = 3 + rnd(dm, 3);
	c.stress = 2 + rnd(dm, 2);
	c.rhr = 49 + rnd(dm, 3);
	c.hrv_ms = morning_hrv(dm, wp->kind, dow, dm->rpe, dm->long_run);
	/* on the scales most mornings; a little light after the hot run */
	if (rnd_from(&dm->body_seed, 5) != 0)
		c.mass_g = (wp->kind == W_HOT && dow == 6 ? 67700 : 68500) +
		    100 * (rnd_from(&dm->body_seed, 7) - 3);
	if (tired) {
		c.fatigue = 7 + rnd(dm, 3);
		c.soreness = 6 + rnd(dm, 2);
		c.mood = 2 - (dow == 5);
		c.stress = 4;
		c.rhr = 56 + rnd(dm, 3);
		if (dow == 1)
			c.note = "legs heavy on the stairs, could not get warm";
	} else if (wp->kind == W_RECOVER) {
		c.fatigue = dow == 0 ? 7 : dow < 3 ? 6 - dow / 2 : 3 + rnd(dm, 2);
		c.rhr = dow < 2 ? 54 : 50 + rnd(dm, 2);
	} else if (wp->kind == W_COLD && dow < 3) {
		/* a cold: above the neck, a few easy days off */
		c.fatigue = 6;
		c.ill = 1;
		c.rhr = 51 + rnd(dm, 2);
		if (dow == 0)
			c.note = "sore throat and a runny nose, taking it easy";
	} else if (wp->kind == W_INJURY && dow == 3) {
		c.fatigue = 5;
		c.soreness = 7;
		c.pain = 1;
		c.swelling = 1;
		c.note = "sharp pain on the inside of the left shin, a little "
		    "swollen";
	}
	/*
	 * A check-in now and then forgotten, never in the tired week but its
	 * Thursday; the watch's HRV and the scales' body mass are logged all
	 * the same, as a check-in without answers.
	 */
	if (tired ? dow != 3 : rnd(dm, 11) != 0) {
		rc |= add_checkin(dm, &c);
	} else {
		struct checkin watch;

		memset(&watch, 0, sizeof watch);
		watch.day = day;
		watch.hrv_ms = c.hrv_ms;
		watch.mass_g = c.mass_g;
		rc |= add_checkin(dm, &watch);
	}
	return rc;
}

/* One day of the demo: w is the week (0 = oldest), dow 0 = Monday. */
static int
demo_day(struct demo *dm, int day, int w, int dow)
{
	const struct week_plan *wp = &plan[w];
	struct rest x;
	double km;
	int tired = wp->kind == W_TIRED, rc, pace, slot;
	int64_t fluid_ml;

	rc = demo_morning(dm, day, wp, dow);
	dm->rpe = dm->long_run = 0;     /* yesterday's runs: the HRV is read */

	/* The runs: Sunday's short run moves to Saturday with the long run. */
	slot = wp->long_dow == 6 && dow == 5 ? 6 : dow;
	if (wp->kind == W_MONOTONE && dow > 0) {
		rc |= add_run(dm, day, 7.0, 360, 5, RUN_EASY, dow == 6 ?
		    "same loop every day this week" : NULL);
	} else if (wp->kind == W_INJURY && (dow == 4 || dow == 5)) {
		memset(&x, 0, sizeof x);
		x.day = day;
		x.note = dow == 4 ? "shin: resting it" : NULL;
		dm->rests++;
		rc |= store_put_rest(dm->st, &x, NULL);
	} else if (wp->kind == W_COLD && dow == 1) {
		;                        /* the cold: a day off, then easier */
	} else if (dow == wp->long_dow && wp->kind == W_RACE) {
		rc |= add_run(dm, day, wp->long_km + 0.06, 266, 9, RUN_RACE,
		    "10 km race in town, even splits");
	} else if (dow == wp->long_dow && wp->kind == W_HOT) {
		rc |= add_run_mass(dm, day, wp->long_km, 385, 5, 68400, 66700,
		    "hot and humid, ran out of water at 9 km");
	} else if (dow == wp->long_dow) {
		pace = weekday[5].pace_s + (tired ? 25 : 0);
		rc |= add_run(dm, day, wp->long_km, pace, weekday[5].rpe,
		    RUN_LONG, wp->kind == W_JUMP ? "longest run yet, the last "
		    "5 km were hard" : dow == 6 ? "long run on Sunday this "
		    "week" : NULL);
	} else if (wp->kind == W_JUMP && dow == 6) {
		/* the jump's Sunday: long again the day after the long run */
		rc |= add_run(dm, day, 14.0, 370, 6, RUN_LONG,
		    "legs heavy from yesterday");
	} else if (weekday[slot].km > 0) {
		km = weekday[slot].km * wp->scale;
		pace = weekday[slot].pace_s + (tired ? 22 : 0) +
		    (wp->kind == W_RECOVER ? 15 : 0);
		rc |= add_run(dm, day, km, pace, wp->kind == W_RECOVER ? 2 :
		    weekday[slot].rpe, wp->kind == W_RECOVER ? RUN_RECOVERY :
		    weekday[slot].type, NULL);
	} else if (dow == 0 && wp->kind != W_TIRED) {
		memset(&x, 0, sizeof x);
		x.day = day;
		dm->rests++;
		rc |= store_put_rest(dm->st, &x, NULL);
	}

	/* The drinks: short in the tired week. */
	fluid_ml = tired ? 1300 + 100 * rnd(dm, 5) : 2000 + 100 * rnd(dm, 9);
	if (rnd(dm, 17) != 0 || tired)
		rc |= add_fluid(dm, day, fluid_ml, dow == 5);
	return rc != 0 ? -1 : 0;
}

/* Today and the days after it: the usual week planned ahead, a long run
 * with its expected effort, the rest days left free. Today's plan, when
 * there is one, is done by today's run. */
#define DEMO_PLAN_DAYS 9

static int
demo_plans(struct demo *dm, int today, int *n)
{
	static const struct { int km, rpe; enum run_type type; } wk[7] = {
		{ 0, 0, RUN_EASY }, { 7, 0, RUN_EASY }, { 8, 7, RUN_TEMPO },
		{ 6, 0, RUN_EASY }, { 0, 0, RUN_EASY }, { 14, 5, RUN_LONG },
		{ 5, 0, RUN_RECOVERY },
	};
	struct plan p;
	int day, dow, rc = 0;

	for (day = today; day <= today + DEMO_PLAN_DAYS && rc == 0; day++) {
		dow = date_weekday(day);
		if (wk[dow].km == 0)
			continue;
		memset(&p, 0, sizeof p);
		p.day = day;
		p.distance_m = wk[dow].km * 1000;
		p.rpe = wk[dow].rpe;
		p.type = wk[dow].type;
		rc = store_add_plan(dm->st, &p);
		(*n)++;
	}
	return rc;
}

/*
 * Two pairs of shoes: racing flats for the quick runs and races, and the
 * default trainers for the rest, their limit set so that the demo ends
 * with them close to it (some 93%), for the Shoes screen to show.
 */
static int
demo_shoes(struct demo *dm, int first, int today)
{
	struct run *v;
	size_t n, i;
	int64_t trainer_m = 0, limit;
	int rc = 0;

	if (store_runs(dm->st, first, today, &v, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		int quick = v[i].type == RUN_TEMPO || v[i].type == RUN_INTERVAL ||
		    v[i].type == RUN_RACE;

		v[i].shoe = xstrdup(quick ? "Racing flats" : "Trainers");
		if (!quick)
			trainer_m += v[i].distance_m;
	}
	limit = (trainer_m * 100 / 93 + 25000) / 50000 * 50000;
	if (limit < SHOE_LIMIT_MIN)
		limit = SHOE_LIMIT_MIN;
	if (store_shoe_add(dm->st, "Racing flats", 400000, 0, first) != 0 ||
	    store_shoe_add(dm->st, "Trainers", limit, 1, first) != 0)
		rc = -1;
	for (i = 0; i < n && rc == 0; i++)
		rc = store_update_run(dm->st, &v[i]);
	entry_list_free(ENTRY_RUN, v, n);
	return rc;
}

int
cmd_demo(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct demo dm;
	char a[11], b[11], c[11], e[11], *g;
	int today, first, day, rc, plans = 0;
	int64_t n;

	if ((rc = cli_parse(ctx, argc, argv, NULL, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage("demo", "unexpected argument '%.40s'", o.pos[0]);
	memset(&dm, 0, sizeof dm);
	dm.seed = 20261125u;
	dm.body_seed = 68u;
	if ((dm.st = cli_store_verified(ctx)) == NULL)
		return 1;
	if ((n = store_count(dm.st, ENTRY_KIND_COUNT)) < 0)
		return cli_fail(NULL);
	if (n > 0) {
		out_printf(stderr, "runlog: the journal %s already holds %" PRId64
		    " entries; the demo only fills an empty journal (give "
		    "another one with --db PATH)\n", ctx->db_path, n);
		return 1;
	}
	today = date_today();
	first = date_week_start(today, 0) - 7 * (DEMO_WEEKS - 1);
	if (store_begin(dm.st, "demo journal") != 0)
		return cli_fail(NULL);
	for (day = first; day <= today; day++) {
		if (demo_day(&dm, day, (day - first) / 7, date_weekday(day)) != 0) {
			store_rollback(dm.st);
			return cli_fail("demo");
		}
	}
	if (demo_plans(&dm, today, &plans) != 0 ||
	    demo_shoes(&dm, first, today) != 0) {
		store_rollback(dm.st);
		return cli_fail("demo");
	}
	if (store_commit(dm.st) != 0)
		return cli_fail(NULL);
	outf("Filled %s with a demo journal from %s to %s: %d runs, %d "
	    "nights of sleep, %d drinks, %d check-ins, %d rest days.\n",
	    ctx->db_path, date_format(first, a), date_format(today, b), dm.runs,
	    dm.sleeps, dm.drinks, dm.checkins, dm.rests);
	outf("And %d runs planned for today and the next %d days (runlog "
	    "plan).\n", plans, DEMO_PLAN_DAYS);
	/* The hints name the journal and config this demo was given. */
	g = cli_global_opts(ctx);
	outf("Try:  runlog trends --weeks 16%s\n"
	    "      runlog week %s%s        (a sudden jump in distance)\n"
	    "      runlog check --date %s --verbose%s   (a week of fatigue)\n"
	    "      runlog check --date %s --verbose%s   (injury signs)\n"
	    "      runlog records%s   (a 10 km race)\n"
	    "Undo it all with: runlog undo%s\n", g,
	    date_format(first + 8 * 7 + 6, c), g, date_format(first + 10 * 7, e),
	    g, date_format(first + 14 * 7 + 3, a), g, g, g);
	free(g);
	return 0;
}
