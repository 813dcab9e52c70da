/*
 * entry: the four kinds of journal entry (run, sleep, drink, check-in) plus
 * rest days and planned runs, their fields in stored units, and the allowed ranges that the
 * command line, the forms, the importers and the schema all agree on.
 */
#ifndef RUNLOG_ENTRY_H
#define RUNLOG_ENTRY_H

#include <stddef.h>
#include <stdint.h>

#include "units.h"

#define NOTE_MAX 4000          /* bytes of a note */

enum entry_kind {
	ENTRY_RUN, ENTRY_SLEEP, ENTRY_DRINK, ENTRY_CHECKIN, ENTRY_REST,
	ENTRY_PLAN, ENTRY_KIND_COUNT
};

enum run_type {
	RUN_EASY, RUN_LONG, RUN_TEMPO, RUN_INTERVAL, RUN_RACE, RUN_RECOVERY,
	RUN_OTHER, RUN_TYPE_COUNT
};

struct run {
	int64_t id;
	int     day;             /* days since 1970-01-01 */
	int64_t start_utc;       /* start, seconds since 1970 UTC; 0 = unknown
	                          * (device files give it; it tells the same
	                          * run from two sources apart) */
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
	char   *shoe;            /* the shoe's name, NULL = none; the journal
	                          * keeps the shoe's id (store-shoe.c) */
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
	int     fatigue;         /* 1-10, 0 = not given (a day of wellness
	                          * values only); a check-in holds at least
	                          * one reading */
	int     soreness;        /* 1-10, 0 = not given */
	int     mood;            /* 1-5, 0 = not given */
	int     stress;          /* 1-5, 0 = not given */
	int     rhr;             /* 25-250 bpm, 0 = not given */
	int     hrv_ms;          /* morning rMSSD, 1-300 ms; 0 = not given */
	int64_t mass_g;          /* body mass, 20000-300000 g; 0 = not given */
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

/*
 * A planned run: kept apart from the runs done, and never counted as
 * training. It is done when a run was logged on its day (worked out from
 * the journal, not stored).
 */
struct plan {
	int64_t id;
	int     day;
	int64_t distance_m;      /* as a run's */
	int64_t duration_s;      /* as a run's; 0 = not given */
	int     rpe;             /* 1-10, 0 = not given */
	enum run_type type;
	char   *note;
	char   *created_at;
	char   *updated_at;
};

/* A plan is made for today up to this many days ahead. */
#define PLAN_AHEAD_DAYS 365

/* The range of one numeric field, in stored units. */
struct field_range {
	const char *name;        /* as the user knows it: "distance" */
	int64_t     min, max;    /* inclusive, stored units */
	int         min_open;    /* 1: the minimum itself is refused (> min) */
	const char *allowed;     /* human text: "more than 0 and at most 500 km" */
};

extern const struct field_range RANGE_DISTANCE, RANGE_DURATION, RANGE_RPE,
    RANGE_HR, RANGE_CLIMB, RANGE_MASS, RANGE_SLEEP, RANGE_QUALITY,
    RANGE_VOLUME, RANGE_FATIGUE, RANGE_SORENESS, RANGE_MOOD, RANGE_STRESS,
    RANGE_HRV, RANGE_START_UTC;

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
int plan_validate(const struct plan *p);
/*
 * 1 when plan p is done: one of the n runs (done runs, in any order) is
 * on its day. Worked out, never stored, so it follows the runs as they
 * are edited and deleted.
 */
int plan_done(const struct plan *p, const struct run *runs, size_t n);
int note_validate(const char *note);

/*
 * Plausibility, beyond each field's own range: the checks every way a run
 * comes in (the command line, edit, the forms, imports) applies. A run
 * faster than the men's world record for its distance (interpolated
 * between the records by distance; under 800 m the 800 m pace, over the
 * marathon the marathon pace) is refused, with the pace the duration may
 * have been meant as; so is a loss of body mass over
 * RUN_MASS_LOSS_MAX_PCT of the mass before, unless force. 0, or -1 with
 * err_set() (distances and paces in du).
 */
#define RUN_MASS_LOSS_MAX_PCT 5
int run_plausible(const struct run *r, enum dist_unit du, int force);
/* The world-record pace at a distance, seconds per km. */
double run_record_pace(int64_t metres);

/* A check-in holds at least one reading: 1 when c has none. */
int checkin_empty(const struct checkin *c);

/*
 * A moment in UTC as "YYYY-MM-DDTHH:MM:SSZ" (out holds 32 bytes), and the
 * way back (the Z may be left out; a time at the start of the range of
 * RANGE_START_UTC to its end): 0, or -1 with err_set().
 */
char *entry_utc_format(int64_t t, char *out);
int   entry_utc_parse(const char *s, int64_t *t);

/* The letter that prefixes an entry's id on screen: r, s, d, f, x, p. */
char entry_kind_letter(enum entry_kind k);
/* "run", "sleep", "drink", "check-in", "rest day", "plan". */
const char *entry_kind_name(enum entry_kind k);
/* "r12" -> ENTRY_RUN, 12. -1 with err_set() on anything else. */
int entry_ref_parse(const char *s, enum entry_kind *k, int64_t *id);

/*
 * Descriptors: each kind of entry as data. A field names its SQL column,
 * its CSV column, how it is stored in the kind's struct (offset and type),
 * its unit and its range. The store's column lists, readers and binders,
 * the CSV writers and readers, show, History and the forms loop over these
 * tables; a new field is one row here, one member of the struct, one
 * migration and the manual.
 */
enum field_type {
	FT_ID,          /* int64_t, the row id */
	FT_DAY,         /* int, days since 1970-01-01; stored 'YYYY-MM-DD' */
	FT_INT,         /* int */
	FT_INT64,       /* int64_t */
	FT_BOOL,        /* int, 0 or 1 */
	FT_RUN_TYPE,    /* enum run_type, stored as its name */
	FT_TEXT         /* char *, allocated; NULL = none */
};

/* The unit a number is typed and shown in (units.h formats each). */
enum field_unit {
	FU_NONE,        /* a plain count or scale */
	FU_DISTANCE,    /* metres */
	FU_DURATION,    /* seconds */
	FU_MINUTES,     /* minutes, shown as hours */
	FU_VOLUME,      /* millilitres */
	FU_MASS,        /* grams */
	FU_BPM,         /* beats per minute */
	FU_METRES,      /* metres of climb */
	FU_UTC,         /* seconds since 1970 UTC, shown YYYY-MM-DDTHH:MM:SSZ */
	FU_MS           /* milliseconds (heart rate variability) */
};

enum {
	FIELD_REQUIRED = 1 << 0,   /* NOT NULL, always given */
	FIELD_OPTIONAL = 1 << 1,   /* may be absent: its 'none' value, NULL in SQL */
	FIELD_STAMP    = 1 << 2,   /* created_at / updated_at, set by the store */
	FIELD_ORIGIN   = 1 << 3,   /* source / external_id of imported runs */
	FIELD_LATER    = 1 << 4,   /* added after the first version: a CSV
	                            * file may lack its column */
	FIELD_SHOE     = 1 << 5    /* FT_TEXT naming a row of the shoe table:
	                            * the column holds that row's id */
};

struct entry_field {
	const char  *column;        /* SQL column: "distance_m" */
	const char  *csv;           /* CSV column: "distance_km"; NULL: not in CSV */
	const char  *label;         /* as the user knows it: "distance" */
	enum field_type type;
	enum field_unit unit;
	const struct field_range *range;   /* NULL: no range to check */
	int64_t      none;          /* the value meaning "not given" */
	unsigned     flags;         /* FIELD_* */
	size_t       off;           /* offsetof() into the kind's struct */
};

struct entry_desc {
	enum entry_kind kind;
	char         letter;        /* 'r' */
	const char  *name;          /* "run" */
	const char  *table;         /* "run" */
	size_t       size;          /* sizeof (struct run) */
	const struct entry_field *fields;
	size_t       nfields;
	int          one_per_day;   /* 1: a day holds one; writing replaces it */
};

extern const struct entry_desc entry_descs[ENTRY_KIND_COUNT];

const struct entry_desc *entry_desc(enum entry_kind k);
/* The field whose SQL column is column, or NULL. */
const struct entry_field *entry_field_find(const struct entry_desc *d,
    const char *column);
/* A number field of entry e (FT_ID, FT_DAY, FT_INT, FT_INT64, FT_BOOL,
 * FT_RUN_TYPE) as int64_t, and the way back. */
int64_t entry_get(const void *e, const struct entry_field *f);
void    entry_set(void *e, const struct entry_field *f, int64_t v);
/* The slot of an FT_TEXT field. */
char  **entry_text(void *e, const struct entry_field *f);
const char *entry_text_get(const void *e, const struct entry_field *f);
/* Frees every FT_TEXT field of e and sets it to NULL. */
void    entry_free_fields(const struct entry_desc *d, void *e);
/* Frees an array of n entries of kind k (struct run * for ENTRY_RUN, ...). */
void    entry_list_free(enum entry_kind k, void *v, size_t n);

void run_free(struct run *r);
void sleep_free(struct sleep *s);
void checkin_free(struct checkin *c);
void rest_free(struct rest *r);
void drink_free(struct drink *d);
void plan_free(struct plan *p);

#endif
