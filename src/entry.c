/* entry: ranges and validation shared by every way an entry comes in. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
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
	    opt_check(&RANGE_MASS, r->mass_after_g) || note_validate(r->note))
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
checkin_validate(const struct checkin *c)
{
	if (range_check(&RANGE_FATIGUE, c->fatigue, NULL) ||
	    opt_check(&RANGE_SORENESS, c->soreness) ||
	    opt_check(&RANGE_MOOD, c->mood) || opt_check(&RANGE_STRESS, c->stress) ||
	    opt_check(&RANGE_HR, c->rhr) || note_validate(c->note))
		return -1;
	return 0;
}

void
run_free(struct run *r)
{
	free(r->note);
	free(r->source);
	free(r->external_id);
	free(r->created_at);
	free(r->updated_at);
	r->note = r->source = r->external_id = r->created_at = r->updated_at = NULL;
}

void
sleep_free(struct sleep *s)
{
	free(s->note);
	free(s->created_at);
	free(s->updated_at);
	s->note = s->created_at = s->updated_at = NULL;
}

void
drink_free(struct drink *d)
{
	free(d->created_at);
	free(d->updated_at);
	d->created_at = d->updated_at = NULL;
}

void
checkin_free(struct checkin *c)
{
	free(c->note);
	free(c->created_at);
	free(c->updated_at);
	c->note = c->created_at = c->updated_at = NULL;
}

void
rest_free(struct rest *r)
{
	free(r->note);
	free(r->created_at);
	free(r->updated_at);
	r->note = r->created_at = r->updated_at = NULL;
}
