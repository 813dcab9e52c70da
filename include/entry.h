/*
 * entry: the four kinds of journal entry (run, sleep, drink, check-in) plus
 * rest days, their fields in stored units, and the allowed ranges that the
 * command line, the forms, the importers and the schema all agree on.
 */
#ifndef RUNLOG_ENTRY_H
#define RUNLOG_ENTRY_H

#include <stdint.h>

#define NOTE_MAX 4000          /* bytes of a note */

enum run_type {
	RUN_EASY, RUN_LONG, RUN_TEMPO, RUN_INTERVAL, RUN_RACE, RUN_RECOVERY,
	RUN_OTHER, RUN_TYPE_COUNT
};

struct run {
	int64_t id;
	int     day;             /* days since 1970-01-01 */
	int64_t distance_m;      /* 0 < d <= 500000 */
	int64_t duration_s;      /* 0 < t <= 172800 */
	int     rpe;             /* 1-10, 0 = not given */
	enum run_type type;
	int     avg_hr;          /* 25-250 bpm, 0 = not given */
	int64_t climb_m;         /* 0-20000, -1 = not given */
	int64_t mass_before_g;   /* 20000-300000, 0 = not given */
	int64_t mass_after_g;    /* 20000-300000, 0 = not given */
	char   *note;            /* NULL = none */
	char   *source;          /* "runlog", "strava", "garmin" */
	char   *external_id;     /* NULL for entries typed here */
	char   *created_at;      /* "YYYY-MM-DD HH:MM:SS" UTC, set by store */
	char   *updated_at;
};

struct sleep {
	int64_t id;
	int     day;             /* the morning the night ended */
	int64_t minutes;         /* 0-1440 */
	int     quality;         /* 1-5, 0 = not given */
	char   *note;
	char   *created_at;
	char   *updated_at;
};

struct drink {
	int64_t id;
	int     day;
	int64_t volume_ml;       /* 0 < v <= 20000 */
	int     electrolytes;    /* 0/1 */
	char   *created_at;
	char   *updated_at;
};

struct checkin {
	int64_t id;
	int     day;
	int     fatigue;         /* 1-10, required */
	int     soreness;        /* 1-10, 0 = not given */
	int     mood;            /* 1-5, 0 = not given */
	int     stress;          /* 1-5, 0 = not given */
	int     rhr;             /* 25-250 bpm, 0 = not given */
	int     ill, pain, swelling, numbness, no_weight;   /* 0/1 */
	char   *note;
	char   *created_at;
	char   *updated_at;
};

struct rest {
	int64_t id;
	int     day;
	char   *note;
	char   *created_at;
	char   *updated_at;
};

/* The range of one numeric field, in stored units. */
struct field_range {
	const char *name;        /* as the user knows it: "distance" */
	int64_t     min, max;    /* inclusive, stored units */
	int         min_open;    /* 1: the minimum itself is refused (> min) */
	const char *allowed;     /* human text: "more than 0 and at most 500 km" */
};

extern const struct field_range RANGE_DISTANCE, RANGE_DURATION, RANGE_RPE,
    RANGE_HR, RANGE_CLIMB, RANGE_MASS, RANGE_SLEEP, RANGE_QUALITY,
    RANGE_VOLUME, RANGE_FATIGUE, RANGE_SORENESS, RANGE_MOOD, RANGE_STRESS;

/*
 * 0 when v is inside r; else -1 with err_set() naming the field, the value
 * as the user typed it (shown) and the allowed range.
 */
int range_check(const struct field_range *r, int64_t v, const char *shown);

const char *run_type_name(enum run_type t);
/* -1 with err_set() when s is no type. */
int run_type_parse(const char *s, enum run_type *t);

/* Check every field; 0 or -1 with err_set(). */
int run_validate(const struct run *r);
int sleep_validate(const struct sleep *s);
int drink_validate(const struct drink *d);
int checkin_validate(const struct checkin *c);
int note_validate(const char *note);

void run_free(struct run *r);
void sleep_free(struct sleep *s);
void checkin_free(struct checkin *c);
void rest_free(struct rest *r);
void drink_free(struct drink *d);

#endif
