/* entry: ranges and validation shared by every way an entry comes in. */
#include <ctype.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "entry.h"
#include "units.h"
#include "util.h"

const struct field_range RANGE_DISTANCE = { "distance", 0, 500000, 1, "more than 0 and at most 500 km" };
const struct field_range RANGE_DURATION = { "duration", 0, 172800, 1, "more than 0 and at most 48 hours" };
const struct field_range RANGE_RPE      = { "rpe", 1, 10, 0, "a whole number from 1 to 10" };
const struct field_range RANGE_HR       = { "heart rate", 25, 250, 0, "from 25 to 250 bpm" };
const struct field_range RANGE_CLIMB    = { "climb", 0, 20000, 0, "from 0 to 20000 m" };
const struct field_range RANGE_MASS     = { "body mass", 20000, 300000, 0, "from 20 to 300 kg" };
const struct field_range RANGE_SLEEP    = { "sleep", 0, 1440, 0, "from 0 to 24 hours" };
const struct field_range RANGE_QUALITY  = { "quality", 1, 5, 0, "a whole number from 1 to 5" };
const struct field_range RANGE_VOLUME   = { "volume", 0, 20000, 1, "more than 0 and at most 20 l" };
const struct field_range RANGE_FATIGUE  = { "fatigue", 1, 10, 0, "a whole number from 1 to 10" };
const struct field_range RANGE_SORENESS = { "soreness", 1, 10, 0, "a whole number from 1 to 10" };
const struct field_range RANGE_MOOD     = { "mood", 1, 5, 0, "a whole number from 1 to 5" };
const struct field_range RANGE_STRESS   = { "stress", 1, 5, 0, "a whole number from 1 to 5" };
const struct field_range RANGE_HRV      = { "HRV", 1, 300, 0, "from 1 to 300 ms" };
/* 1900-01-01T00:00:00Z to 2099-12-31T23:59:59Z, the days a journal holds */
const struct field_range RANGE_START_UTC = { "start time", -2208988800LL,
    4102444799LL, 0, "a time from 1900-01-01 to 2099-12-31, UTC" };

int
range_check(const struct field_range *r, int64_t v, const char *shown)
{
	int low = r->min_open ? v <= r->min : v < r->min;

	if (!low && v <= r->max)
		return 0;
	if (shown != NULL)
		err_set("%s %.40s: must be %s", r->name, shown, r->allowed);
	else
		err_set("%s %" PRId64 ": must be %s", r->name, v, r->allowed);
	return -1;
}

static const char *const run_types[RUN_TYPE_COUNT] = {
	"easy", "long", "tempo", "interval", "race", "recovery", "other",
};

const char *
run_type_name(enum run_type t)
{
	return (unsigned)t < RUN_TYPE_COUNT ? run_types[t] : "other";
}

int
run_type_parse(const char *s, enum run_type *t)
{
	int i;

	for (i = 0; i < RUN_TYPE_COUNT; i++) {
		if (strcmp(s, run_types[i]) == 0) {
			*t = (enum run_type)i;
			return 0;
		}
	}
	err_set("type '%.40s': must be one of easy, long, tempo, interval, "
	    "race, recovery, other", s);
	return -1;
}

int
note_validate(const char *note)
{
	if (note != NULL && strlen(note) > NOTE_MAX) {
		err_set("note: %zu bytes, at most %d allowed", strlen(note),
		    NOTE_MAX);
		return -1;
	}
	if (note != NULL && !text_utf8_valid(note)) {
		err_set("note: not valid UTF-8 text");
		return -1;
	}
	return 0;
}

/* An optional field: 0 means not given. */
static int
opt_check(const struct field_range *r, int64_t v)
{
	return v == 0 ? 0 : range_check(r, v, NULL);
}

int
run_validate(const struct run *r)
{
	if (range_check(&RANGE_DISTANCE, r->distance_m, NULL) ||
	    range_check(&RANGE_DURATION, r->duration_s, NULL) ||
	    opt_check(&RANGE_RPE, r->rpe) || opt_check(&RANGE_HR, r->avg_hr) ||
	    (r->climb_m != -1 && range_check(&RANGE_CLIMB, r->climb_m, NULL)) ||
	    opt_check(&RANGE_MASS, r->mass_before_g) ||
	    opt_check(&RANGE_MASS, r->mass_after_g) ||
	    opt_check(&RANGE_START_UTC, r->start_utc) || note_validate(r->note))
		return -1;
	if ((unsigned)r->type >= RUN_TYPE_COUNT) {
		err_set("type: unknown run type");
		return -1;
	}
	if ((r->mass_before_g == 0) != (r->mass_after_g == 0)) {
		err_set("body mass: give both the mass before and after the run");
		return -1;
	}
	return 0;
}

/*
 * Men's world records (World Athletics), the fastest a distance has been
 * run: metres and hundredths of a second. Below the first the 800 m pace
 * holds, beyond the last the marathon pace; between two the pace is
 * interpolated by distance.
 */
static const struct { int64_t m, cs; } world_records[] = {
	{ 800, 10091 },        /* 1:40.91 */
	{ 1609, 22313 },       /* the mile, 3:43.13 (1609.344 m) */
	{ 5000, 75536 },       /* 12:35.36 */
	{ 10000, 157100 },     /* 26:11.00 */
	{ 21098, 345000 },     /* half marathon, 57:30 (21097.5 m) */
	{ 42195, 723500 },     /* marathon, 2:00:35 */
};
#define NRECORDS (sizeof world_records / sizeof world_records[0])

double
run_record_pace(int64_t metres)
{
	size_t i;

	if (metres <= world_records[0].m)
		return world_records[0].cs / 100.0 * 1000.0 / 800.0;
	for (i = 1; i < NRECORDS; i++) {
		int64_t m0 = world_records[i - 1].m, m1 = world_records[i].m;
		double p0 = world_records[i - 1].cs / 100.0 * 1000.0 / (double)m0;
		double p1 = world_records[i].cs / 100.0 * 1000.0 / (double)m1;

		if (metres <= m1)
			return p0 + (p1 - p0) * (double)(metres - m0) /
			    (double)(m1 - m0);
	}
	return world_records[NRECORDS - 1].cs / 100.0 * 1000.0 /
	    (double)world_records[NRECORDS - 1].m;
}

/* A duration read as a pace is offered only up to a brisk walk's pace. */
#define PACE_MEANT_MAX 900.0     /* s/km, 15:00 /km */

/* The pace of r in s/km faster than any human at its distance: -1 or 0. */
static int
pace_check(const struct run *r, enum dist_unit du)
{
	double rec = run_record_pace(r->distance_m);
	double fastest = rec * (double)r->distance_m / 1000.0;
	char d[32], t[32], p[32], rp[32], guess[48], total[32], ft[32];
	double per_unit;
	int64_t meant;

	/* a thousandth of a second spares the records from rounding */
	if ((double)r->duration_s >= fastest - 0.001)
		return 0;
	units_format_distance(r->distance_m, du, d);
	units_format_duration(r->duration_s, t);
	units_format_pace(r->distance_m, r->duration_s, du, p);
	units_format_pace(1000000, (int64_t)(rec * 1000.0 + 0.5), du, rp);
	units_format_duration((int64_t)(fastest + 0.999), ft);
	/* the duration typed was perhaps a pace per unit */
	per_unit = du == UNIT_MI ? (double)r->distance_m / 1609.344 :
	    (double)r->distance_m / 1000.0;
	meant = (int64_t)((double)r->duration_s * per_unit + 0.5);
	if (meant > r->duration_s && meant <= RANGE_DURATION.max &&
	    (double)meant >= fastest &&
	    (double)meant <= PACE_MEANT_MAX * (double)r->distance_m / 1000.0) {
		snprintf(guess, sizeof guess, "%s /%s", t,
		    units_distance_name(du));
		err_set("%s in %s is %s, faster than any human; did you mean a "
		    "pace of %s (%s)? A run can be no faster than the world "
		    "record for its distance: %s here (%s).", d, t, p, guess,
		    units_format_duration(meant, total), ft, rp);
	} else {
		err_set("%s in %s is %s, faster than any human; check the "
		    "distance and the duration. A run can be no faster than "
		    "the world record for its distance: %s here (%s).", d, t,
		    p, ft, rp);
	}
	return -1;
}

int
run_plausible(const struct run *r, enum dist_unit du, int force)
{
	int64_t loss;
	char b[32], a[32];

	if (r->distance_m <= 0 || r->duration_s <= 0)
		return 0;               /* the ranges speak for these */
	if (pace_check(r, du) != 0)
		return -1;
	if (force || r->mass_before_g <= 0 || r->mass_after_g <= 0)
		return 0;
	loss = r->mass_before_g - r->mass_after_g;
	/* in products, so that exactly 5% is still allowed */
	if (loss * 100 <= r->mass_before_g * RUN_MASS_LOSS_MAX_PCT)
		return 0;
	err_set("body mass %s kg before and %s kg after is a loss of %.1f%% "
	    "in one run; more than %d%% would be severe dehydration, and is "
	    "more likely a typing mistake", units_format_mass(r->mass_before_g,
	    b), units_format_mass(r->mass_after_g, a), (double)loss * 100.0 /
	    (double)r->mass_before_g, RUN_MASS_LOSS_MAX_PCT);
	return -1;
}

int
sleep_validate(const struct sleep *s)
{
	if (range_check(&RANGE_SLEEP, s->minutes, NULL) ||
	    opt_check(&RANGE_QUALITY, s->quality) || note_validate(s->note))
		return -1;
	return 0;
}

int
drink_validate(const struct drink *d)
{
	if (range_check(&RANGE_VOLUME, d->volume_ml, NULL))
		return -1;
	return 0;
}

int
checkin_empty(const struct checkin *c)
{
	return c->fatigue == 0 && c->soreness == 0 && c->mood == 0 &&
	    c->stress == 0 && c->rhr == 0 && c->hrv_ms == 0 && c->mass_g == 0;
}

int
checkin_validate(const struct checkin *c)
{
	if (opt_check(&RANGE_FATIGUE, c->fatigue) ||
	    opt_check(&RANGE_SORENESS, c->soreness) ||
	    opt_check(&RANGE_MOOD, c->mood) || opt_check(&RANGE_STRESS, c->stress) ||
	    opt_check(&RANGE_HR, c->rhr) || opt_check(&RANGE_HRV, c->hrv_ms) ||
	    opt_check(&RANGE_MASS, c->mass_g) || note_validate(c->note))
		return -1;
	if (checkin_empty(c)) {
		err_set("check-in: give at least one of fatigue, soreness, mood, "
		    "stress, resting HR, HRV or body mass");
		return -1;
	}
	return 0;
}

int
plan_validate(const struct plan *p)
{
	if (range_check(&RANGE_DISTANCE, p->distance_m, NULL) ||
	    opt_check(&RANGE_DURATION, p->duration_s) ||
	    opt_check(&RANGE_RPE, p->rpe) || note_validate(p->note))
		return -1;
	if ((unsigned)p->type >= RUN_TYPE_COUNT) {
		err_set("type: unknown run type");
		return -1;
	}
	return 0;
}

int
plan_done(const struct plan *p, const struct run *runs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (runs[i].day == p->day)
			return 1;
	return 0;
}

char *
entry_utc_format(int64_t t, char *out)
{
	int64_t day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t sec = t - day * 86400;
	int y, m, d;

	date_to_ymd((int)day, &y, &m, &d);
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
	    (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60));
	return out;
}

int
entry_utc_parse(const char *s, int64_t *t)
{
	int y, m, d, hh, mm, ss, n = 0;
	size_t len = strlen(s);

	if (len < 19 || len > 20 || (len == 20 && s[19] != 'Z') ||
	    sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &m, &d, &hh, &mm, &ss,
	    &n) != 6 || n != 19 || s[4] != '-' || s[7] != '-' ||
	    !date_valid_ymd(y, m, d) || hh > 23 || mm > 59 || ss > 59 ||
	    hh < 0 || mm < 0 || ss < 0 || !isdigit((unsigned char)s[17])) {
		err_set("start time '%.40s': expected a UTC time from 1900-01-01 "
		    "to 2099-12-31, as YYYY-MM-DDTHH:MM:SSZ", s);
		return -1;
	}
	*t = (int64_t)date_from_ymd(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;
	return range_check(&RANGE_START_UTC, *t, s);
}

void
run_free(struct run *r)
{
	entry_free_fields(&entry_descs[ENTRY_RUN], r);
}

void
sleep_free(struct sleep *s)
{
	entry_free_fields(&entry_descs[ENTRY_SLEEP], s);
}

void
drink_free(struct drink *d)
{
	entry_free_fields(&entry_descs[ENTRY_DRINK], d);
}

void
checkin_free(struct checkin *c)
{
	entry_free_fields(&entry_descs[ENTRY_CHECKIN], c);
}

void
rest_free(struct rest *r)
{
	entry_free_fields(&entry_descs[ENTRY_REST], r);
}

void
plan_free(struct plan *p)
{
	entry_free_fields(&entry_descs[ENTRY_PLAN], p);
}

/* --- descriptors ------------------------------------------------------ */

#define F(st, m) offsetof(struct st, m)
#define STAMPS(st) \
	{ "created_at", "created_at", "created", FT_TEXT, FU_NONE, NULL, 0, \
	    FIELD_STAMP, F(st, created_at) }, \
	{ "updated_at", "updated_at", "updated", FT_TEXT, FU_NONE, NULL, 0, \
	    FIELD_STAMP, F(st, updated_at) }

static const struct entry_field run_fields[] = {
	{ "id", NULL, "id", FT_ID, FU_NONE, NULL, 0, FIELD_REQUIRED, F(run, id) },
	{ "day", "date", "date", FT_DAY, FU_NONE, NULL, 0, FIELD_REQUIRED,
	    F(run, day) },
	{ "start_utc", "start_time_utc", "start time", FT_INT64, FU_UTC,
	    &RANGE_START_UTC, 0, FIELD_OPTIONAL | FIELD_LATER, F(run, start_utc) },
	{ "distance_m", "distance_km", "distance", FT_INT64, FU_DISTANCE,
	    &RANGE_DISTANCE, 0, FIELD_REQUIRED, F(run, distance_m) },
	{ "duration_s", "duration_s", "duration", FT_INT64, FU_DURATION,
	    &RANGE_DURATION, 0, FIELD_REQUIRED, F(run, duration_s) },
	{ "rpe", "rpe_1_10", "rpe", FT_INT, FU_NONE, &RANGE_RPE, 0,
	    FIELD_OPTIONAL, F(run, rpe) },
	{ "type", "type", "type", FT_RUN_TYPE, FU_NONE, NULL, 0,
	    FIELD_REQUIRED, F(run, type) },
	{ "avg_hr", "avg_hr_bpm", "heart rate", FT_INT, FU_BPM, &RANGE_HR, 0,
	    FIELD_OPTIONAL, F(run, avg_hr) },
	{ "climb_m", "climb_m", "climb", FT_INT64, FU_METRES, &RANGE_CLIMB, -1,
	    FIELD_OPTIONAL, F(run, climb_m) },
	{ "mass_before_g", "mass_before_kg", "mass before", FT_INT64, FU_MASS,
	    &RANGE_MASS, 0, FIELD_OPTIONAL, F(run, mass_before_g) },
	{ "mass_after_g", "mass_after_kg", "mass after", FT_INT64, FU_MASS,
	    &RANGE_MASS, 0, FIELD_OPTIONAL, F(run, mass_after_g) },
	{ "note", "note", "note", FT_TEXT, FU_NONE, NULL, 0, FIELD_OPTIONAL,
	    F(run, note) },
	{ "source", "source", "source", FT_TEXT, FU_NONE, NULL, 0,
	    FIELD_ORIGIN, F(run, source) },
	{ "external_id", "external_id", "external id", FT_TEXT, FU_NONE, NULL,
	    0, FIELD_ORIGIN | FIELD_OPTIONAL, F(run, external_id) },
	STAMPS(run),
	{ "shoe_id", "shoe", "shoe", FT_TEXT, FU_NONE, NULL, 0,
	    FIELD_OPTIONAL | FIELD_LATER | FIELD_SHOE, F(run, shoe) },
};

static const struct entry_field sleep_fields[] = {
	{ "id", NULL, "id", FT_ID, FU_NONE, NULL, 0, FIELD_REQUIRED,
	    F(sleep, id) },
	{ "day", "date", "date", FT_DAY, FU_NONE, NULL, 0, FIELD_REQUIRED,
	    F(sleep, day) },
	{ "minutes", "sleep_min", "sleep", FT_INT64, FU_MINUTES, &RANGE_SLEEP,
	    0, FIELD_REQUIRED, F(sleep, minutes) },
	{ "quality", "quality_1_5", "quality", FT_INT, FU_NONE, &RANGE_QUALITY,
	    0, FIELD_OPTIONAL, F(sleep, quality) },
	{ "note", "note", "note", FT_TEXT, FU_NONE, NULL, 0, FIELD_OPTIONAL,
	    F(sleep, note) },
	STAMPS(sleep),
};

static const struct entry_field drink_fields[] = {
	{ "id", NULL, "id", FT_ID, FU_NONE, NULL, 0, FIELD_REQUIRED,
	    F(drink, id) },
	{ "day", "date", "date", FT_DAY, FU_NONE, NULL, 0, FIELD_REQUIRED,
	    F(drink, day) },
	{ "volume_ml", "volume_ml", "volume", FT_INT64, FU_VOLUME,
	    &RANGE_VOLUME, 0, FIELD_REQUIRED, F(drink, volume_ml) },
	{ "electrolytes", "electrolytes", "electrolytes", FT_BOOL, FU_NONE,
	    NULL, 0, FIELD_REQUIRED, F(drink, electrolytes) },
	STAMPS(drink),
};

static const struct entry_field checkin_fields[] = {
	{ "id", NULL, "id", FT_ID, FU_NONE, NULL, 0, FIELD_REQUIRED,
	    F(checkin, id) },
	{ "day", "date", "date", FT_DAY, FU_NONE, NULL, 0, FIELD_REQUIRED,
	    F(checkin, day) },
	{ "fatigue", "fatigue_1_10", "fatigue", FT_INT, FU_NONE,
	    &RANGE_FATIGUE, 0, FIELD_OPTIONAL, F(checkin, fatigue) },
	{ "soreness", "soreness_1_10", "soreness", FT_INT, FU_NONE,
	    &RANGE_SORENESS, 0, FIELD_OPTIONAL, F(checkin, soreness) },
	{ "mood", "mood_1_5", "mood", FT_INT, FU_NONE, &RANGE_MOOD, 0,
	    FIELD_OPTIONAL, F(checkin, mood) },
	{ "stress", "stress_1_5", "stress", FT_INT, FU_NONE, &RANGE_STRESS, 0,
	    FIELD_OPTIONAL, F(checkin, stress) },
	{ "rhr", "resting_hr_bpm", "resting HR", FT_INT, FU_BPM, &RANGE_HR, 0,
	    FIELD_OPTIONAL, F(checkin, rhr) },
	{ "hrv_ms", "hrv_ms", "HRV", FT_INT, FU_MS, &RANGE_HRV, 0,
	    FIELD_OPTIONAL | FIELD_LATER, F(checkin, hrv_ms) },
	{ "mass_g", "body_mass_kg", "body mass", FT_INT64, FU_MASS, &RANGE_MASS,
	    0, FIELD_OPTIONAL | FIELD_LATER, F(checkin, mass_g) },
	{ "ill", "ill", "ill", FT_BOOL, FU_NONE, NULL, 0, FIELD_REQUIRED,
	    F(checkin, ill) },
	{ "pain", "sharp_pain", "sharp pain", FT_BOOL, FU_NONE, NULL, 0,
	    FIELD_REQUIRED, F(checkin, pain) },
	{ "swelling", "swelling", "swelling", FT_BOOL, FU_NONE, NULL, 0,
	    FIELD_REQUIRED, F(checkin, swelling) },
	{ "numbness", "numbness", "numbness", FT_BOOL, FU_NONE, NULL, 0,
	    FIELD_REQUIRED, F(checkin, numbness) },
	{ "no_weight", "cannot_bear_weight", "cannot bear weight", FT_BOOL,
	    FU_NONE, NULL, 0, FIELD_REQUIRED, F(checkin, no_weight) },
	{ "note", "note", "note", FT_TEXT, FU_NONE, NULL, 0, FIELD_OPTIONAL,
	    F(checkin, note) },
	STAMPS(checkin),
};

static const struct entry_field rest_fields[] = {
	{ "id", NULL, "id", FT_ID, FU_NONE, NULL, 0, FIELD_REQUIRED,
	    F(rest, id) },
	{ "day", "date", "date", FT_DAY, FU_NONE, NULL, 0, FIELD_REQUIRED,
	    F(rest, day) },
	{ "note", "rest_note", "note", FT_TEXT, FU_NONE, NULL, 0,
	    FIELD_OPTIONAL, F(rest, note) },
	STAMPS(rest),
};

/* A plan's fields are a run's, and its file is told from a run's by its
 * note column. */
static const struct entry_field plan_fields[] = {
	{ "id", NULL, "id", FT_ID, FU_NONE, NULL, 0, FIELD_REQUIRED,
	    F(plan, id) },
	{ "day", "date", "date", FT_DAY, FU_NONE, NULL, 0, FIELD_REQUIRED,
	    F(plan, day) },
	{ "distance_m", "distance_km", "distance", FT_INT64, FU_DISTANCE,
	    &RANGE_DISTANCE, 0, FIELD_REQUIRED, F(plan, distance_m) },
	{ "duration_s", "duration_s", "duration", FT_INT64, FU_DURATION,
	    &RANGE_DURATION, 0, FIELD_OPTIONAL, F(plan, duration_s) },
	{ "rpe", "rpe_1_10", "rpe", FT_INT, FU_NONE, &RANGE_RPE, 0,
	    FIELD_OPTIONAL, F(plan, rpe) },
	{ "type", "type", "type", FT_RUN_TYPE, FU_NONE, NULL, 0,
	    FIELD_REQUIRED, F(plan, type) },
	{ "note", "plan_note", "note", FT_TEXT, FU_NONE, NULL, 0,
	    FIELD_OPTIONAL, F(plan, note) },
	STAMPS(plan),
};

#define NF(a) (sizeof (a) / sizeof (a)[0])

const struct entry_desc entry_descs[ENTRY_KIND_COUNT] = {
	{ ENTRY_RUN, 'r', "run", "run", sizeof (struct run), run_fields,
	    NF(run_fields), 0 },
	{ ENTRY_SLEEP, 's', "sleep", "sleep", sizeof (struct sleep),
	    sleep_fields, NF(sleep_fields), 1 },
	{ ENTRY_DRINK, 'd', "drink", "drink", sizeof (struct drink),
	    drink_fields, NF(drink_fields), 0 },
	{ ENTRY_CHECKIN, 'f', "check-in", "checkin", sizeof (struct checkin),
	    checkin_fields, NF(checkin_fields), 1 },
	{ ENTRY_REST, 'x', "rest day", "rest", sizeof (struct rest),
	    rest_fields, NF(rest_fields), 1 },
	{ ENTRY_PLAN, 'p', "plan", "plan", sizeof (struct plan),
	    plan_fields, NF(plan_fields), 0 },
};

const struct entry_desc *
entry_desc(enum entry_kind k)
{
	return (unsigned)k < ENTRY_KIND_COUNT ? &entry_descs[k] : NULL;
}

char
entry_kind_letter(enum entry_kind k)
{
	return entry_descs[k].letter;
}

const char *
entry_kind_name(enum entry_kind k)
{
	return entry_descs[k].name;
}

int
entry_ref_parse(const char *s, enum entry_kind *k, int64_t *id)
{
	int i;

	for (i = 0; i < ENTRY_KIND_COUNT; i++) {
		if (s[0] == entry_descs[i].letter &&
		    units_parse_int(s + 1, id) == 0 && *id > 0) {
			*k = (enum entry_kind)i;
			return 0;
		}
	}
	err_set("entry '%.40s': expected an id as 'runlog show' prints it "
	    "(r12 run, s3 sleep, d7 drink, f5 check-in, x2 rest day, p4 plan)", s);
	return -1;
}

const struct entry_field *
entry_field_find(const struct entry_desc *d, const char *column)
{
	size_t i;

	for (i = 0; i < d->nfields; i++)
		if (strcmp(d->fields[i].column, column) == 0)
			return &d->fields[i];
	return NULL;
}

int64_t
entry_get(const void *e, const struct entry_field *f)
{
	const char *p = (const char *)e + f->off;

	switch (f->type) {
	case FT_ID:
	case FT_INT64:
		return *(const int64_t *)(const void *)p;
	case FT_RUN_TYPE:
		return (int64_t)*(const enum run_type *)(const void *)p;
	case FT_DAY:
	case FT_INT:
	case FT_BOOL:
		return *(const int *)(const void *)p;
	case FT_TEXT:
		break;
	}
	return 0;
}

void
entry_set(void *e, const struct entry_field *f, int64_t v)
{
	char *p = (char *)e + f->off;

	switch (f->type) {
	case FT_ID:
	case FT_INT64:
		*(int64_t *)(void *)p = v;
		break;
	case FT_RUN_TYPE:
		*(enum run_type *)(void *)p = (enum run_type)v;
		break;
	case FT_DAY:
	case FT_INT:
	case FT_BOOL:
		*(int *)(void *)p = (int)v;
		break;
	case FT_TEXT:
		break;
	}
}

char **
entry_text(void *e, const struct entry_field *f)
{
	return (char **)(void *)((char *)e + f->off);
}

const char *
entry_text_get(const void *e, const struct entry_field *f)
{
	return *(char *const *)(const void *)((const char *)e + f->off);
}

void
entry_free_fields(const struct entry_desc *d, void *e)
{
	size_t i;

	for (i = 0; i < d->nfields; i++) {
		if (d->fields[i].type == FT_TEXT) {
			char **t = entry_text(e, &d->fields[i]);
			free(*t);
			*t = NULL;
		}
	}
}

void
entry_list_free(enum entry_kind k, void *v, size_t n)
{
	const struct entry_desc *d = entry_desc(k);
	size_t i;

	if (d == NULL || v == NULL)
		return;
	for (i = 0; i < n; i++)
		entry_free_fields(d, (char *)v + i * d->size);
	free(v);
}
