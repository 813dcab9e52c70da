/*
 * import-wellness: daily wellness CSVs, on the CSV record loop (import.h).
 *
 * intervals.icu's wellness.csv: one row per day, the date in "id" (the
 * API's name) or "date"; any of the columns below may be missing or
 * empty. A row gives a sleep entry when it has sleepSecs, and a check-in
 * when it has any of the others. intervals.icu rates its scales from 1
 * (best, none) to 4 (worst); runlog's scales run the other way for mood
 * and sleep quality, and wider for fatigue and soreness:
 *
 *   column        intervals.icu            runlog
 *   sleepSecs     seconds                  sleep, minutes
 *   sleepQuality  1 great .. 4 poor        quality 5, 4, 3, 2
 *   sleepScore    0-100 (no sleepQuality)  quality as Garmin's score below
 *   fatigue       1 low .. 4 extreme       fatigue 2, 4, 7, 9 (of 10)
 *   soreness      1 low .. 4 extreme       soreness 2, 4, 7, 9 (of 10)
 *   stress        1 low .. 4 extreme       stress 1, 2, 4, 5 (of 5)
 *   mood          1 great .. 4 grumpy      mood 5, 4, 3, 2 (of 5)
 *   restingHR     bpm                      resting HR
 *   hrv           rMSSD, ms                HRV, ms
 *   weight        kg                       body mass, grams
 *
 * Garmin Connect's sleep report (Sleep, Export CSV): one row per night,
 * the date under "Sleep Score 4 Weeks" (2025-11-07, "Jun 26, 2026", or
 * "Nov 7" without a year: the latest such day not after today), "Score"
 * 0-100, "Quality" Excellent/Good/Fair/Poor (5, 4, 3, 2; else from the
 * score: 90 and over 5, 80-89 4, 60-79 3, 40-59 2, under 40 1),
 * "Duration" "7h 55min" and "Resting Heart Rate" (a check-in's resting
 * HR). The HRV column is a seven-day average, not the night's: not read.
 *
 * A check-in without a fatigue rating is handed over with fatigue 0: the
 * journal decides whether a day may hold wellness values without one.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "csv.h"
#include "date.h"
#include "entry.h"
#include "import.h"

/* --- shared ------------------------------------------------------------ */

/* Garmin's sleep score (0-100) on runlog's 1-5 quality. */
static int
score_quality(int64_t score)
{
	return score >= 90 ? 5 : score >= 80 ? 4 : score >= 60 ? 3 :
	    score >= 40 ? 2 : 1;
}

/* The cell of column col, or NULL when the column is absent or the cell
 * empty ("", "--", "NaN"). */
static const char *
cell(const struct csv_record *rec, int col)
{
	if (col < 0 || (size_t)col >= rec->n || csv_is_missing(rec->field[col]))
		return NULL;
	return rec->field[col];
}

/* A number of the cell within [lo, hi], scaled by 10^dec and rounded;
 * 0 when absent, 1 read, -1 after csv_bad(). */
static int
number(const struct csv_record *rec, const struct csv_header *h, int col,
    int dec, int64_t lo, int64_t hi, const char *allowed, int64_t *v)
{
	const char *s = cell(rec, col);

	if (s == NULL)
		return 0;
	if (csv_parse_number(s, dec, v) != 0 || *v < lo || *v > hi)
		return csv_bad(rec, h->name[col], s, "%s", allowed);
	return 1;
}

/* Hands the row's sleep and check-in over; 0, -1 refused, -2 failed. */
static int
put_day(struct import_ctx *c, long line, struct sleep *s, struct checkin *ci,
    int has_checkin)
{
	int rc;

	if (s != NULL && (rc = import_put(c, ENTRY_SLEEP, line, s)) != 0)
		return rc;
	if (has_checkin && (rc = import_put(c, ENTRY_CHECKIN, line, ci)) != 0)
		return rc;
	return 0;
}

/* --- intervals.icu ----------------------------------------------------- */

enum icu_col {
	IC_DATE, IC_SLEEP, IC_QUALITY, IC_SCORE, IC_FATIGUE, IC_SORENESS,
	IC_STRESS, IC_MOOD, IC_RHR, IC_HRV, IC_WEIGHT, IC_COUNT
};

static const char *const icu_names[IC_COUNT] = {
	"id", "sleepSecs", "sleepQuality", "sleepScore", "fatigue", "soreness",
	"stress", "mood", "restingHR", "hrv", "weight"
};

struct icu {
	int col[IC_COUNT];
};

/* The runlog value of each intervals.icu rating 1-4, per scale. */
static const int map_fatigue[5] = { 0, 2, 4, 7, 9 };   /* and soreness */
static const int map_stress[5] = { 0, 1, 2, 4, 5 };
static const int map_mood[5] = { 0, 5, 4, 3, 2 };      /* and quality */

static void
icu_cols(const struct csv_header *h, int *col)
{
	int i;

	for (i = 0; i < IC_COUNT; i++)
		col[i] = csv_header_find(h, icu_names[i], 1);
	if (col[IC_DATE] < 0)
		col[IC_DATE] = csv_header_find(h, "date", 1);
}

static int
icu_sniff(const struct import_probe *p)
{
	int col[IC_COUNT], i, n = 0;

	if (p->csv == NULL)
		return 0;
	icu_cols(p->csv, col);
	for (i = IC_SLEEP; i < IC_COUNT; i++)
		n += col[i] >= 0;
	/* ctl and atl are intervals.icu's own: fitness and fatigue load. */
	n += csv_header_find(p->csv, "ctl", 1) >= 0;
	n += csv_header_find(p->csv, "atl", 1) >= 0;
	return col[IC_DATE] >= 0 && n >= 3 ? 90 : 0;
}

static int
icu_begin(struct import_ctx *c, const struct csv_header *h, void **state)
{
	struct icu *w = xcalloc(1, sizeof *w);

	*state = w;
	icu_cols(h, w->col);
	c->r->kind = CSV_DAYS;
	c->r->rows_noun = "day";
	if (w->col[IC_DATE] < 0) {
		err_set("line 1: an intervals.icu file without an 'id' or 'date' "
		    "column");
		return -1;
	}
	return 0;
}

/* A 1-4 rating of intervals.icu through map; 0 absent, 1, -1. */
static int
rating(const struct csv_record *rec, const struct csv_header *h, int col,
    const int *map, int *out)
{
	int64_t v;
	int rc = number(rec, h, col, 0, 1, 4, "intervals.icu rates from 1 to "
	    "4", &v);

	if (rc == 1)
		*out = map[v];
	return rc;
}

static int
icu_row(struct import_ctx *c, void *state, const struct csv_header *h,
    const struct csv_record *rec)
{
	struct icu *w = state;
	const int *col = w->col;
	struct sleep s;
	struct checkin ci;
	const char *d = cell(rec, col[IC_DATE]);
	int64_t v;
	int n = 0, rc, have_sleep;

	memset(&s, 0, sizeof s);
	memset(&ci, 0, sizeof ci);
	if (d == NULL || date_parse(d, &s.day) != 0)
		return csv_bad(rec, h->name[col[IC_DATE]], d != NULL ? d : "",
		    "expected a date like 2024-05-01");
	ci.day = s.day;
	if ((have_sleep = number(rec, h, col[IC_SLEEP], 0, 0, 86400,
	    "seconds from 0 to 86400", &v)) < 0)
		return -1;
	s.minutes = have_sleep ? (v + 30) / 60 : 0;
	if ((rc = rating(rec, h, col[IC_QUALITY], map_mood, &s.quality)) < 0)
		return -1;
	if (rc == 0 && (rc = number(rec, h, col[IC_SCORE], 0, 0, 100,
	    "a score from 0 to 100", &v)) != 0) {
		if (rc < 0)
			return -1;
		s.quality = score_quality(v);
	}
	if ((rc = rating(rec, h, col[IC_FATIGUE], map_fatigue, &ci.fatigue)) < 0)
		return -1;
	n += rc;
	if ((rc = rating(rec, h, col[IC_SORENESS], map_fatigue,
	    &ci.soreness)) < 0)
		return -1;
	n += rc;
	if ((rc = rating(rec, h, col[IC_STRESS], map_stress, &ci.stress)) < 0)
		return -1;
	n += rc;
	if ((rc = rating(rec, h, col[IC_MOOD], map_mood, &ci.mood)) < 0)
		return -1;
	n += rc;
	if ((rc = number(rec, h, col[IC_RHR], 0, 25, 250, "from 25 to 250 bpm",
	    &v)) < 0)
		return -1;
	ci.rhr = rc ? (int)v : 0;
	n += rc;
	if ((rc = number(rec, h, col[IC_HRV], 0, 1, 1000, "rMSSD from 1 to "
	    "1000 ms", &v)) < 0)
		return -1;
	ci.hrv_ms = rc ? (int)v : 0;
	n += rc;
	if ((rc = number(rec, h, col[IC_WEIGHT], 3, 20000, 300000,
	    "from 20 to 300 kg", &ci.mass_g)) < 0)
		return -1;
	n += rc;
	return put_day(c, rec->line, have_sleep ? &s : NULL, &ci, n > 0);
}

static int
icu_read(struct import_ctx *c, struct import_input *in)
{
	static const struct csv_rows_ops ops = {
		.begin = icu_begin, .row = icu_row, .free = free,
	};

	return csv_rows(c, in, &ops);
}

const struct import_format import_intervals = {
	.id = CSV_FMT_INTERVALS,
	.name = "intervals",
	.title = "an intervals.icu wellness export",
	.file = "intervals.icu wellness",
	.sniff = icu_sniff,
	.read = icu_read,
};

/* --- Garmin Connect's sleep report ------------------------------------- */

struct gsleep {
	int date, score, quality, duration, rhr;
};

static const char *const months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

/* "2025-11-07", "Jun 26, 2026" or "Nov 7" (the latest such day not after
 * today); -1. */
static int
gs_date(const char *s, int *day)
{
	int m, d, y = 0, n = 0, ty, tm, td, i;
	char mon[4];

	if (date_parse(s, day) == 0)
		return 0;
	if (sscanf(s, "%3s %d, %d%n", mon, &d, &y, &n) == 3 && s[n] == '\0') {
		/* a year given */
	} else if (sscanf(s, "%3s %d%n", mon, &d, &n) == 2 && s[n] == '\0') {
		y = 0;
	} else {
		return -1;
	}
	for (m = 0, i = 0; i < 12; i++)
		if (strcasecmp(mon, months[i]) == 0)
			m = i + 1;
	if (m == 0)
		return -1;
	if (y == 0) {
		date_to_ymd(date_today(), &ty, &tm, &td);
		y = m > tm || (m == tm && d > td) ? ty - 1 : ty;
	}
	if (y < 1900 || y > 2099 || !date_valid_ymd(y, m, d))
		return -1;
	*day = date_from_ymd(y, m, d);
	return 0;
}

/* "7h 55min", "8h", "45min"; minutes or -1. */
static int64_t
gs_duration(const char *s)
{
	int64_t h = 0, m = 0;
	int n = 0;

	if (sscanf(s, "%" SCNd64 "h %" SCNd64 "min%n", &h, &m, &n) == 2 &&
	    s[n] == '\0')
		return h >= 0 && h <= 24 && m >= 0 && m < 60 ? h * 60 + m : -1;
	n = 0;
	if (sscanf(s, "%" SCNd64 "h%n", &h, &n) == 1 && s[n] == '\0')
		return h >= 0 && h <= 24 ? h * 60 : -1;
	n = 0;
	if (sscanf(s, "%" SCNd64 "min%n", &m, &n) == 1 && s[n] == '\0')
		return m >= 0 && m <= 1440 ? m : -1;
	return -1;
}

static int
gs_sniff(const struct import_probe *p)
{
	const struct csv_header *h = p->csv;

	if (h == NULL || csv_header_find(h, "Duration", 1) < 0)
		return 0;
	if (csv_header_find(h, "Sleep Score 4 Weeks", 1) >= 0)
		return 100;
	return csv_header_find(h, "Date", 1) >= 0 &&
	    csv_header_find(h, "Bedtime", 1) >= 0 &&
	    csv_header_find(h, "Wake Time", 1) >= 0 ? 70 : 0;
}

static int
gs_begin(struct import_ctx *c, const struct csv_header *h, void **state)
{
	struct gsleep *g = xcalloc(1, sizeof *g);

	*state = g;
	g->date = csv_header_find(h, "Sleep Score 4 Weeks", 1);
	if (g->date < 0)
		g->date = csv_header_find(h, "Date", 1);
	g->score = csv_header_find(h, "Score", 1);
	g->quality = csv_header_find(h, "Quality", 1);
	g->duration = csv_header_find(h, "Duration", 1);
	g->rhr = csv_header_find(h, "Resting Heart Rate", 1);
	c->r->kind = CSV_SLEEP;
	c->r->rows_noun = "night";
	return 0;
}

static int
gs_row(struct import_ctx *c, void *state, const struct csv_header *h,
    const struct csv_record *rec)
{
	static const char *const qual[] = { "Poor", "Fair", "Good", "Excellent" };
	struct gsleep *g = state;
	struct sleep s;
	struct checkin ci;
	const char *d = cell(rec, g->date), *t = cell(rec, g->duration);
	const char *q = cell(rec, g->quality);
	int64_t v;
	int rc, i;

	memset(&s, 0, sizeof s);
	memset(&ci, 0, sizeof ci);
	if (d == NULL || gs_date(d, &s.day) != 0)
		return csv_bad(rec, h->name[g->date], d != NULL ? d : "",
		    "expected a date like 2025-11-07 or Jun 26, 2026");
	ci.day = s.day;
	if (t == NULL)
		return 0;       /* no sleep recorded that night */
	if ((s.minutes = gs_duration(t)) < 0)
		return csv_bad(rec, h->name[g->duration], t, "expected a "
		    "duration like 7h 55min, at most 24 hours");
	for (i = 0; q != NULL && i < 4; i++)
		if (strcasecmp(q, qual[i]) == 0)
			s.quality = i + 2;
	if (s.quality == 0 && (rc = number(rec, h, g->score, 0, 0, 100,
	    "a score from 0 to 100", &v)) != 0) {
		if (rc < 0)
			return -1;
		s.quality = score_quality(v);
	}
	if ((rc = number(rec, h, g->rhr, 0, 25, 250, "from 25 to 250 bpm",
	    &v)) < 0)
		return -1;
	ci.rhr = rc ? (int)v : 0;
	return put_day(c, rec->line, &s, &ci, rc == 1);
}

static int
gs_read(struct import_ctx *c, struct import_input *in)
{
	static const struct csv_rows_ops ops = {
		.begin = gs_begin, .row = gs_row, .free = free,
	};

	return csv_rows(c, in, &ops);
}

const struct import_format import_garmin_sleep = {
	.id = CSV_FMT_GARMIN_SLEEP,
	.name = "garmin-sleep",
	.title = "a Garmin Connect sleep report",
	.file = "Garmin sleep report",
	.sniff = gs_sniff,
	.read = gs_read,
};
