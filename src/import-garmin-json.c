/*
 * import-garmin-json: the JSON files of Garmin's "Export Your Data"
 * archive, read with yajl's callback parser.
 *
 * Each file is a list of records, read as a stream: yajl hands over keys
 * and values one at a time, the values of the record being read are kept
 * in one small struct, and the record goes to the sink when its object
 * closes. A file's size never becomes memory (the activities file can
 * pass 100 MB): depth, the length of one string or number, the number of
 * records and the file's size are bounded below, and anything beyond them
 * is refused with the line and byte offset.
 *
 * Which file it is comes from its content (the keys of its first records),
 * never from its name:
 *   - *_summarizedActivities.json, [{"summarizedActivitiesExport": [...]}]:
 *     a run per activity whose type holds "run" (running, trail_running,
 *     treadmill_running, track_running, virtual_run ...), other types
 *     counted; distance in centimetres, duration (else elapsedDuration) in
 *     milliseconds, elevationGain in centimetres, avgHr; the start is
 *     startTimeGmt (else beginTimestamp), in milliseconds since 1970 UTC,
 *     and the day is that of startTimeLocal (the same clock shifted to the
 *     watch's zone), else the start's day in the local zone (TZ); the
 *     activityId is the external id, the name the note;
 *   - *_sleepData.json: a night per record, on its calendarDate; minutes
 *     asleep from deepSleepSeconds + lightSleepSeconds + remSleepSeconds,
 *     else from the sleep window (sleepEndTimestampGMT minus
 *     sleepStartTimestampGMT); quality from sleepScores' overall score
 *     (0-100: 90 and over 5, 80-89 4, 60-79 3, 40-59 2, under 40 1);
 *     a record with neither stages nor window is skipped;
 *   - UDSFile_*.json: restingHeartRate (else currentDayRestingHeartRate)
 *     per calendarDate (a check-in's resting HR);
 *   - *_healthStatusData.json: the value of the metric of type "HRV" per
 *     calendarDate (a check-in's HRV, ms);
 *   - *_userBioMetrics.json: weight in grams per metaData.calendarDate (a
 *     check-in's body mass); records without a weight are skipped;
 *   - HydrationLogFile_*.json: a drink of valueInML per entry, on its
 *     calendarDate, stamped with persistedTimestampGMT; entries that are
 *     not positive (sweat-loss estimates, removals) are skipped.
 * Check-ins are handed over without a fatigue rating (0): the journal
 * decides whether a day may hold wellness values without one.
 *
 * Nothing outside this file includes yajl's headers: the files are
 * reached through the format table's row only.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yajl/yajl_parse.h>

#include "csv.h"
#include "date.h"
#include "entry.h"
#include "import.h"
#include "util.h"

#define GJ_DEPTH_MAX    32           /* containers inside one another */
#define GJ_KEY_MAX      64           /* bytes of a key kept */
#define GJ_TEXT_MAX     128          /* bytes of a string value kept */
#define GJ_TOKEN_MAX    (64 * 1024)  /* bytes of one string or number */
#define GJ_RECORDS_MAX  2000000      /* records in one file */
#define GJ_BYTES_MAX    (1024L << 20) /* bytes of one file */
#define GJ_CHUNK        65536
#define ACCIDENTAL_M    100
#define ACCIDENTAL_S    60

enum gj_kind {
	GJ_NONE, GJ_ACTIVITIES, GJ_SLEEP, GJ_UDS, GJ_HEALTH, GJ_BIO,
	GJ_HYDRATION
};

/* A number read, or not. */
struct num {
	int    set;
	double v;
};

/* The values of the record being read, as the file gives them. */
struct rec {
	long        line;
	char        date[GJ_TEXT_MAX];      /* calendarDate */
	char        type[GJ_TEXT_MAX];      /* activityType (or its typeKey) */
	char        id[GJ_TEXT_MAX];        /* activityId */
	char        name[GJ_TEXT_MAX];
	struct num  distance_cm, duration_ms, elapsed_ms, avg_hr, elev_cm;
	struct num  start_gmt, start_local, begin;     /* s since 1970 */
	struct num  deep_s, light_s, rem_s, sleep_start, sleep_end, score;
	struct num  rhr, rhr_day, weight_g, ml, persisted;
	struct num  hrv;                    /* the HRV metric's value */
	char        mtype[16];              /* the metric being read */
	struct num  mvalue;
};

struct frame {
	int  array;
	char key[GJ_KEY_MAX];   /* its key in the parent object; "" in an array */
};

struct gj {
	struct import_ctx *c;
	yajl_handle        h;
	enum gj_kind       kind;
	struct frame       st[GJ_DEPTH_MAX];
	int                depth;
	char               key[GJ_KEY_MAX];  /* the key of the next value */
	int                rec_depth;        /* depth of the record; 0: none */
	struct rec         r;
	size_t             records;
	int                failed;           /* err_set() done */
	/* Where the parser is, for messages and records' lines. */
	const unsigned char *chunk;
	size_t             chunk_len;
	size_t             chunk_pos;        /* of chunk, lines counted to */
	long               line;
	long               offset;           /* bytes before chunk */
	/* The pre-scan that bounds tokens. */
	int                in_str, esc;
	size_t             tok;
};

/* --- times ------------------------------------------------------------- */

static int
digits(const char **p, int n, int *v)
{
	*v = 0;
	while (n-- > 0) {
		if (**p < '0' || **p > '9')
			return -1;
		*v = *v * 10 + (*(*p)++ - '0');
	}
	return 0;
}

/*
 * "2024-05-01", "2024-05-01T06:30:00.0", "2024-05-01 06:30:00", with an
 * optional Z or +hh:mm (else read as it stands: Garmin's *GMT fields carry
 * no zone). Seconds since 1970 of that clock, or -1.
 */
static int
time_parse(const char *s, double *t)
{
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, se = 0, oh = 0, om = 0, sign = 0;

	if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &mo) ||
	    *p++ != '-' || digits(&p, 2, &d))
		return -1;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi))
			return -1;
		if (*p == ':' && (p++, digits(&p, 2, &se)))
			return -1;
		if (*p == '.')
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
		if (*p == 'Z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			sign = *p++ == '-' ? -1 : 1;
			if (digits(&p, 2, &oh))
				return -1;
			if (*p == ':')
				p++;
			if (digits(&p, 2, &om))
				return -1;
		}
	}
	if (*p != '\0' || y < 1900 || y > 2099 || !date_valid_ymd(y, mo, d) ||
	    h > 23 || mi > 59 || se > 60 || oh > 14 || om > 59)
		return -1;
	*t = (double)date_from_ymd(y, mo, d) * 86400.0 + h * 3600 + mi * 60 +
	    se - sign * (oh * 3600 + om * 60);
	return 0;
}

/* The day of a calendarDate ("2024-05-01", or with a time after it). */
static int
day_of(const char *s, int *day)
{
	double t;

	if (time_parse(s, &t) != 0)
		return -1;
	*day = (int)floor(t / 86400.0);
	return 0;
}

/* --- errors ------------------------------------------------------------ */

/* Counts the lines of the chunk up to where the parser is. */
static void
track(struct gj *g)
{
	size_t to = g->h != NULL ? yajl_get_bytes_consumed(g->h) : 0;

	if (to > g->chunk_len)
		to = g->chunk_len;
	for (; g->chunk_pos < to; g->chunk_pos++)
		if (g->chunk[g->chunk_pos] == '\n')
			g->line++;
}

/* Sets "line N (byte B): ..." and makes the callback stop the parser. */
static int fail(struct gj *g, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail(struct gj *g, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	if (g->failed)
		return 0;
	track(g);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_set("line %ld (byte %ld): %s", g->line,
	    g->offset + (long)g->chunk_pos, msg);
	g->failed = 1;
	return 0;
}

/* --- handing records over ---------------------------------------------- */

/* The sink's answer: 1 go on, 0 stop (refused without --skip-bad, or the
 * journal failed). */
static int
put(struct gj *g, enum entry_kind k, void *e)
{
	int rc = import_put(g->c, k, g->r.line, e);

	if (rc == -1) {
		/* Exports are one line: the record says which one it was. */
		err_prefix("record %zu (%s)", g->records, g->r.date[0] != '\0' ?
		    g->r.date : g->r.id);
		rc = import_refused(g->c);
	}
	if (rc != 0) {
		g->failed = 1;
		return 0;
	}
	return 1;
}

/* A record's calendarDate as a day; 0 after fail() when it has none. */
static int
rec_day(struct gj *g, int *day)
{
	if (g->r.date[0] == '\0')
		return fail(g, "a record without a calendarDate: its day is "
		    "unknown");
	if (day_of(g->r.date, day) != 0)
		return fail(g, "calendarDate '%.40s': expected a date like "
		    "2024-05-01", g->r.date);
	return 1;
}

/* 1 when s holds "run" in any case. */
static int
has_run(const char *s)
{
	char low[GJ_TEXT_MAX];
	size_t i;

	for (i = 0; s[i] != '\0' && i < sizeof low - 1; i++)
		low[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') :
		    s[i];
	low[i] = '\0';
	return strstr(low, "run") != NULL;
}

static int
end_activity(struct gj *g)
{
	struct rec *a = &g->r;
	struct run r;
	double start, secs, dist;
	char note[GJ_TEXT_MAX];

	g->c->r->rows++;
	if (!has_run(a->type)) {
		import_other(g->c, a->type);
		return 1;
	}
	start = a->start_gmt.set ? a->start_gmt.v : a->begin.v;
	if (!a->start_gmt.set && !a->begin.set && !a->start_local.set)
		return fail(g, "an activity without startTimeGmt, beginTimestamp "
		    "or startTimeLocal: its day is unknown");
	if (!a->distance_cm.set || (!a->duration_ms.set && !a->elapsed_ms.set))
		return fail(g, "an activity without a distance or a duration");
	dist = a->distance_cm.v / 100.0;
	secs = (a->duration_ms.set ? a->duration_ms.v : a->elapsed_ms.v) / 1000.0;
	if (!(dist >= ACCIDENTAL_M) || !(secs >= ACCIDENTAL_S)) {
		g->c->r->accidental++;
		return 1;
	}
	memset(&r, 0, sizeof r);
	if (a->start_gmt.set || a->begin.set)
		r.start_utc = (int64_t)floor(start);
	r.day = a->start_local.set ? (int)floor(a->start_local.v / 86400.0) :
	    date_from_time((time_t)r.start_utc);
	r.distance_m = llround(fmin(dist, 1e9));
	r.duration_s = llround(fmin(secs, 1e9));
	r.type = RUN_OTHER;
	r.avg_hr = a->avg_hr.set && a->avg_hr.v >= 25 && a->avg_hr.v <= 250 ?
	    (int)lround(a->avg_hr.v) : 0;
	r.climb_m = a->elev_cm.set && a->elev_cm.v >= 0 &&
	    a->elev_cm.v <= 2e6 ? llround(a->elev_cm.v / 100.0) : -1;
	snprintf(note, sizeof note, "%s", a->name);
	csv_clean_text(note, 0, sizeof note - 1);
	r.note = note[0] != '\0' ? note : NULL;
	r.source = (char *)"garmin";
	r.external_id = a->id[0] != '\0' ? a->id : NULL;
	if (r.external_id == NULL)
		return fail(g, "an activity without an activityId");
	return put(g, ENTRY_RUN, &r);
}

/* Garmin's sleep score (0-100) on runlog's 1-5 (see the top). */
static int
sleep_quality(double score)
{
	return score >= 90 ? 5 : score >= 80 ? 4 : score >= 60 ? 3 :
	    score >= 40 ? 2 : 1;
}

static int
end_sleep(struct gj *g)
{
	struct rec *n = &g->r;
	struct sleep s;
	double secs = -1;

	g->c->r->rows++;
	if (n->deep_s.set || n->light_s.set || n->rem_s.set)
		secs = (n->deep_s.set ? n->deep_s.v : 0) +
		    (n->light_s.set ? n->light_s.v : 0) +
		    (n->rem_s.set ? n->rem_s.v : 0);
	else if (n->sleep_start.set && n->sleep_end.set)
		secs = n->sleep_end.v - n->sleep_start.v;
	if (!(secs > 0))
		return 1;        /* no sleep recorded that night */
	memset(&s, 0, sizeof s);
	if (!rec_day(g, &s.day))
		return 0;
	s.minutes = llround(fmin(secs, 1e9) / 60.0);
	s.quality = n->score.set && n->score.v >= 0 && n->score.v <= 100 ?
	    sleep_quality(n->score.v) : 0;
	return put(g, ENTRY_SLEEP, &s);
}

/* A check-in holding one wellness value (fatigue 0: not rated). */
static int
end_checkin(struct gj *g)
{
	struct rec *v = &g->r;
	struct checkin ci;

	g->c->r->rows++;
	memset(&ci, 0, sizeof ci);
	if (!v->rhr.set)
		v->rhr = v->rhr_day;
	if (g->kind == GJ_UDS && v->rhr.set && v->rhr.v > 0)
		ci.rhr = (int)lround(fmin(v->rhr.v, 1e6));
	else if (g->kind == GJ_HEALTH && v->hrv.set && v->hrv.v > 0)
		ci.hrv_ms = (int)lround(fmin(v->hrv.v, 1e6));
	else if (g->kind == GJ_BIO && v->weight_g.set && v->weight_g.v > 0)
		ci.mass_g = llround(fmin(v->weight_g.v, 1e9));
	else
		return 1;        /* nothing of ours that day */
	if (!rec_day(g, &ci.day))
		return 0;
	return put(g, ENTRY_CHECKIN, &ci);
}

static int
end_drink(struct gj *g)
{
	struct rec *v = &g->r;
	struct drink d;
	char stamp[32];
	time_t t;
	struct tm tm;

	g->c->r->rows++;
	if (!v->ml.set || !(v->ml.v >= 0.5))
		return 1;        /* a sweat-loss estimate or a removal */
	memset(&d, 0, sizeof d);
	if (!rec_day(g, &d.day))
		return 0;
	d.volume_ml = llround(fmin(v->ml.v, 1e9));
	if (v->persisted.set && v->persisted.v >= 0 && v->persisted.v < 4.2e9) {
		t = (time_t)v->persisted.v;
		gmtime_r(&t, &tm);
		strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
		d.created_at = stamp;
	}
	return put(g, ENTRY_DRINK, &d);
}

static int
end_record(struct gj *g)
{
	if (++g->records > GJ_RECORDS_MAX)
		return fail(g, "more than %d records", GJ_RECORDS_MAX);
	switch (g->kind) {
	case GJ_ACTIVITIES: return end_activity(g);
	case GJ_SLEEP:      return end_sleep(g);
	case GJ_HYDRATION:  return end_drink(g);
	default:            return end_checkin(g);
	}
}

/* --- values ------------------------------------------------------------ */

/* The record's path of the value about to be read: "distance",
 * "sleepScores.overallScore", "metrics.value". */
static void
path_of(const struct gj *g, char *out, size_t n)
{
	size_t len = 0;
	int i;

	out[0] = '\0';
	for (i = g->rec_depth; i < g->depth; i++)
		if (g->st[i].key[0] != '\0')
			len += (size_t)snprintf(out + len, len < n ? n - len : 0,
			    "%s%s", len ? "." : "", g->st[i].key);
	if (!g->st[g->depth - 1].array && len < n)
		snprintf(out + len, n - len, "%s%s", len ? "." : "", g->key);
}

/* A time field: milliseconds since 1970 as a number, or an ISO string. */
static int
set_time(struct gj *g, struct num *dst, const char *s, int is_num, double v,
    const char *what)
{
	if (is_num) {
		v /= 1000.0;
	} else if (time_parse(s, &v) != 0) {
		return fail(g, "%s '%.40s': expected a time like "
		    "2024-05-01T06:30:00.0", what, s);
	}
	if (!isfinite(v) || v < -2.3e9 || v > 4.2e9)
		return fail(g, "%s: a time out of range", what);
	dst->set = 1;
	dst->v = v;
	return 1;
}

static const struct {
	enum gj_kind kind;
	const char  *path;
	size_t       off;
} num_fields[] = {
	{ GJ_ACTIVITIES, "distance", offsetof(struct rec, distance_cm) },
	{ GJ_ACTIVITIES, "duration", offsetof(struct rec, duration_ms) },
	{ GJ_ACTIVITIES, "elapsedDuration", offsetof(struct rec, elapsed_ms) },
	{ GJ_ACTIVITIES, "avgHr", offsetof(struct rec, avg_hr) },
	{ GJ_ACTIVITIES, "elevationGain", offsetof(struct rec, elev_cm) },
	{ GJ_SLEEP, "deepSleepSeconds", offsetof(struct rec, deep_s) },
	{ GJ_SLEEP, "lightSleepSeconds", offsetof(struct rec, light_s) },
	{ GJ_SLEEP, "remSleepSeconds", offsetof(struct rec, rem_s) },
	{ GJ_SLEEP, "sleepScores.overallScore", offsetof(struct rec, score) },
	{ GJ_SLEEP, "sleepScores.overall.value", offsetof(struct rec, score) },
	{ GJ_UDS, "restingHeartRate", offsetof(struct rec, rhr) },
	{ GJ_UDS, "currentDayRestingHeartRate", offsetof(struct rec, rhr_day) },
	{ GJ_HEALTH, "metrics.value", offsetof(struct rec, mvalue) },
	{ GJ_BIO, "weight", offsetof(struct rec, weight_g) },
	{ GJ_HYDRATION, "valueInML", offsetof(struct rec, ml) },
};

static const struct {
	enum gj_kind kind;
	const char  *path;
	size_t       off;
} time_fields[] = {
	{ GJ_ACTIVITIES, "startTimeGmt", offsetof(struct rec, start_gmt) },
	{ GJ_ACTIVITIES, "beginTimestamp", offsetof(struct rec, begin) },
	{ GJ_ACTIVITIES, "startTimeLocal", offsetof(struct rec, start_local) },
	{ GJ_SLEEP, "sleepStartTimestampGMT", offsetof(struct rec, sleep_start) },
	{ GJ_SLEEP, "sleepEndTimestampGMT", offsetof(struct rec, sleep_end) },
	{ GJ_HYDRATION, "persistedTimestampGMT", offsetof(struct rec, persisted) },
};

static const struct {
	const char *path;
	size_t      off;
} text_fields[] = {
	{ "calendarDate", offsetof(struct rec, date) },
	{ "metaData.calendarDate", offsetof(struct rec, date) },
	{ "activityType", offsetof(struct rec, type) },
	{ "activityType.typeKey", offsetof(struct rec, type) },
	{ "activityId", offsetof(struct rec, id) },
	{ "name", offsetof(struct rec, name) },
	{ "metrics.type", offsetof(struct rec, mtype) },
};

/* One scalar of the record: s is its text (a number's digits too). */
static int
on_value(struct gj *g, const char *s, int is_num)
{
	char path[2 * GJ_KEY_MAX];
	char *end;
	double v = 0;
	size_t i;

	if (g->rec_depth == 0 || g->depth < g->rec_depth)
		return 1;
	path_of(g, path, sizeof path);
	if (is_num) {
		errno = 0;
		v = strtod(s, &end);
		if (*end != '\0' || !isfinite(v))
			return fail(g, "%s '%.40s': not a number", path, s);
	}
	for (i = 0; i < sizeof time_fields / sizeof time_fields[0]; i++)
		if (time_fields[i].kind == g->kind &&
		    strcmp(time_fields[i].path, path) == 0)
			return set_time(g, (struct num *)((char *)&g->r +
			    time_fields[i].off), s, is_num, v, path);
	for (i = 0; i < sizeof num_fields / sizeof num_fields[0]; i++) {
		if (num_fields[i].kind != g->kind ||
		    strcmp(num_fields[i].path, path) != 0 || !is_num)
			continue;
		((struct num *)((char *)&g->r + num_fields[i].off))->set = 1;
		((struct num *)((char *)&g->r + num_fields[i].off))->v = v;
		return 1;
	}
	for (i = 0; i < sizeof text_fields / sizeof text_fields[0]; i++)
		if (strcmp(text_fields[i].path, path) == 0) {
			size_t cap = text_fields[i].off ==
			    offsetof(struct rec, mtype) ? sizeof g->r.mtype :
			    GJ_TEXT_MAX;
			snprintf((char *)&g->r + text_fields[i].off, cap, "%s", s);
			return 1;
		}
	return 1;
}

/* --- yajl's callbacks -------------------------------------------------- */

static int
cb_scalar(void *ud, const char *s, size_t len, int is_num)
{
	struct gj *g = ud;
	char buf[GJ_TEXT_MAX];

	if (g->failed)
		return 0;
	if (g->rec_depth == 0)
		return 1;
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return on_value(g, buf, is_num) && !g->failed;
}

static int
cb_null(void *ud)
{
	return !((struct gj *)ud)->failed;
}

static int
cb_bool(void *ud, int b)
{
	(void)b;
	return !((struct gj *)ud)->failed;
}

static int
cb_number(void *ud, const char *s, size_t len)
{
	return cb_scalar(ud, s, len, 1);
}

static int
cb_string(void *ud, const unsigned char *s, size_t len)
{
	return cb_scalar(ud, (const char *)s, len, 0);
}

static int
cb_key(void *ud, const unsigned char *s, size_t len)
{
	struct gj *g = ud;

	if (len >= sizeof g->key)
		len = sizeof g->key - 1;
	memcpy(g->key, s, len);
	g->key[len] = '\0';
	/* The outer object of the activities file holds the list. */
	if (g->rec_depth == g->depth && strcmp(g->key,
	    "summarizedActivitiesExport") == 0)
		g->rec_depth = 0;
	return !g->failed;
}

/* Opens a container; a record is an object straight inside the top list
 * or inside the list of summarizedActivitiesExport. */
static int
open_container(struct gj *g, int array)
{
	struct frame *f;
	int parent_array = g->depth > 0 && g->st[g->depth - 1].array;

	if (g->failed)
		return 0;
	if (g->depth >= GJ_DEPTH_MAX)
		return fail(g, "containers nested more than %d deep",
		    GJ_DEPTH_MAX);
	if (g->depth == 0 && !array && g->kind != GJ_ACTIVITIES)
		return fail(g, "the file is one object, not a list of records");
	f = &g->st[g->depth];
	f->array = array;
	snprintf(f->key, sizeof f->key, "%s", g->depth > 0 && !parent_array ?
	    g->key : "");
	g->depth++;
	if (!array && g->rec_depth == 0 && parent_array && (g->depth == 2 ||
	    strcmp(g->st[g->depth - 2].key, "summarizedActivitiesExport") == 0)) {
		memset(&g->r, 0, sizeof g->r);
		track(g);
		g->r.line = g->line;
		g->rec_depth = g->depth;
	} else if (!array && g->rec_depth > 0 && g->kind == GJ_HEALTH &&
	    g->depth == g->rec_depth + 2 &&
	    strcmp(g->st[g->depth - 2].key, "metrics") == 0) {
		g->r.mtype[0] = '\0';
		g->r.mvalue.set = 0;
	}
	return 1;
}

static int
cb_start_map(void *ud)
{
	return open_container(ud, 0);
}

static int
cb_start_array(void *ud)
{
	return open_container(ud, 1);
}

static int
close_container(struct gj *g)
{
	int rc = 1;

	if (g->failed || g->depth == 0)
		return 0;
	if (g->rec_depth > 0 && g->depth == g->rec_depth) {
		rc = end_record(g);
		g->rec_depth = 0;
	} else if (g->rec_depth > 0 && g->kind == GJ_HEALTH &&
	    g->depth == g->rec_depth + 2 && !g->st[g->depth - 1].array &&
	    strcmp(g->st[g->depth - 2].key, "metrics") == 0 &&
	    strcmp(g->r.mtype, "HRV") == 0 && g->r.mvalue.set) {
		g->r.hrv = g->r.mvalue;
	}
	g->depth--;
	return rc && !g->failed;
}

static int
cb_end(void *ud)
{
	return close_container(ud);
}

static const yajl_callbacks callbacks = {
	.yajl_null = cb_null,
	.yajl_boolean = cb_bool,
	.yajl_number = cb_number,
	.yajl_string = cb_string,
	.yajl_start_map = cb_start_map,
	.yajl_map_key = cb_key,
	.yajl_end_map = cb_end,
	.yajl_start_array = cb_start_array,
	.yajl_end_array = cb_end,
};

/* --- reading ----------------------------------------------------------- */

/*
 * Bounds the length of every string and number before yajl buffers it:
 * -1 after err_set() when one is longer than GJ_TOKEN_MAX bytes.
 */
static int
prescan(struct gj *g, const unsigned char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char ch = b[i];
		if (g->in_str) {
			if (g->esc)
				g->esc = 0;
			else if (ch == '\\')
				g->esc = 1;
			else if (ch == '"')
				g->in_str = 0;
		} else if (ch == '"') {
			g->in_str = 1;
			g->tok = 0;
		}
		if (g->in_str || !(ch == ' ' || ch == '\t' || ch == '\n' ||
		    ch == '\r' || ch == ',' || ch == ':' || ch == '[' ||
		    ch == ']' || ch == '{' || ch == '}')) {
			if (++g->tok > GJ_TOKEN_MAX) {
				long line = g->line;
				size_t k;
				for (k = 0; k < i; k++)
					line += b[k] == '\n';
				err_set("line %ld (byte %ld): a string or number "
				    "longer than %d bytes", line,
				    g->offset + (long)i, GJ_TOKEN_MAX);
				return -1;
			}
		} else {
			g->tok = 0;
		}
	}
	return 0;
}

/* Says where yajl stopped and why (unless a callback said so). */
static void
parse_error(struct gj *g, const unsigned char *b, size_t n)
{
	unsigned char *msg;
	char one[200];
	size_t nl;

	if (g->failed)
		return;
	track(g);
	msg = yajl_get_error(g->h, 0, b, n);
	snprintf(one, sizeof one, "%s", msg != NULL ? (char *)msg : "?");
	yajl_free_error(g->h, msg);
	nl = strcspn(one, "\n");
	one[nl] = '\0';
	csv_clean_text(one, 0, sizeof one - 1);
	err_set("line %ld (byte %ld): not well-formed JSON: %s", g->line,
	    g->offset + (long)g->chunk_pos, one);
}

static int
gj_parse(struct gj *g, struct import_input *in)
{
	unsigned char *buf = xmalloc(GJ_CHUNK);
	int rc = -1, first = 1;
	size_t n, k;

	for (;;) {
		n = import_input_read(in, buf, GJ_CHUNK);
		if (n == 0 && in->rest != NULL && ferror(in->rest)) {
			err_set("cannot read: %s", strerror(errno));
			break;
		}
		if (n == 0) {
			g->chunk = buf;
			g->chunk_len = g->chunk_pos = 0;
			if (yajl_complete_parse(g->h) != yajl_status_ok) {
				parse_error(g, buf, 0);
				break;
			}
			rc = 0;
			break;
		}
		if (g->offset + (long)n > GJ_BYTES_MAX) {
			err_set("over %ld MiB: larger than any export file",
			    GJ_BYTES_MAX >> 20);
			break;
		}
		/* A UTF-8 byte-order mark before the document. */
		k = first && n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB &&
		    buf[2] == 0xBF ? 3 : 0;
		first = 0;
		g->offset += (long)k;
		if (prescan(g, buf + k, n - k) != 0)
			break;
		g->chunk = buf + k;
		g->chunk_len = n - k;
		g->chunk_pos = 0;
		if (yajl_parse(g->h, buf + k, n - k) != yajl_status_ok) {
			parse_error(g, buf + k, n - k);
			break;
		}
		/* The lines the callbacks have not counted yet. */
		for (; g->chunk_pos < n - k; g->chunk_pos++)
			if (g->chunk[g->chunk_pos] == '\n')
				g->line++;
		g->offset += (long)(n - k);
	}
	free(buf);
	return rc;
}

/* --- which file it is --------------------------------------------------- */

static int
has_key(const unsigned char *b, size_t n, const char *key)
{
	char q[64];
	size_t ql = (size_t)snprintf(q, sizeof q, "\"%s\"", key), i;

	for (i = 0; i + ql <= n; i++)
		if (b[i] == '"' && memcmp(b + i, q, ql) == 0)
			return 1;
	return 0;
}

/* The kind of file the first bytes are, by their keys; GJ_NONE. */
static enum gj_kind
kind_of(const unsigned char *b, size_t n)
{
	size_t i = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;

	while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' ||
	    b[i] == '\r'))
		i++;
	if (i >= n || (b[i] != '[' && b[i] != '{'))
		return GJ_NONE;
	if (has_key(b, n, "summarizedActivitiesExport"))
		return GJ_ACTIVITIES;
	if (!has_key(b, n, "calendarDate"))
		return GJ_NONE;
	if (has_key(b, n, "sleepStartTimestampGMT") ||
	    has_key(b, n, "deepSleepSeconds"))
		return GJ_SLEEP;
	if (has_key(b, n, "valueInML"))
		return GJ_HYDRATION;
	if (has_key(b, n, "metrics") && has_key(b, n, "type"))
		return GJ_HEALTH;
	if (has_key(b, n, "metaData") && has_key(b, n, "weight"))
		return GJ_BIO;
	if (has_key(b, n, "restingHeartRate") ||
	    has_key(b, n, "currentDayRestingHeartRate"))
		return GJ_UDS;
	return GJ_NONE;
}

static int
garmin_json_sniff(const struct import_probe *p)
{
	return kind_of(p->head, p->len) != GJ_NONE ? 100 : 0;
}

/* Each kind's title is import_garmin_json_titles[kind - 1]
 * (import-formats.c, which runlog holds to check runlog-read's report). */
static const struct {
	const char   *noun;      /* what a record is */
	enum csv_what what;      /* what is added */
} kinds[] = {
	[GJ_ACTIVITIES] = { "record", CSV_RUNS },
	[GJ_SLEEP] = { "night", CSV_SLEEP },
	[GJ_UDS] = { "day", CSV_FATIGUE },
	[GJ_HEALTH] = { "day", CSV_FATIGUE },
	[GJ_BIO] = { "record", CSV_FATIGUE },
	[GJ_HYDRATION] = { "record", CSV_HYDRATION },
};

static int
garmin_json_read(struct import_ctx *c, struct import_input *in)
{
	struct gj *g = xcalloc(1, sizeof *g);
	int rc;

	g->c = c;
	g->line = 1;
	g->kind = kind_of(in->head, in->len);
	if (g->kind == GJ_NONE) {
		err_set("not a file of Garmin's export runlog reads (activities, "
		    "sleep, daily summaries, health status, body measurements "
		    "or hydration)");
		free(g);
		return -1;
	}
	c->r->title = import_garmin_json_titles[g->kind - 1];
	c->r->rows_noun = kinds[g->kind].noun;
	c->r->kind = kinds[g->kind].what;
	if ((g->h = yajl_alloc(&callbacks, NULL, g)) == NULL) {
		err_set("out of memory");
		free(g);
		return -1;
	}
	rc = gj_parse(g, in);
	yajl_free(g->h);
	free(g);
	return rc;
}

const struct import_format import_garmin_json = {
	.id = CSV_FMT_GARMIN_JSON,
	.name = "garmin-json",
	.title = "a file of Garmin's export",
	.file = "Garmin export JSON",
	.titles = import_garmin_json_titles,
	.sniff = garmin_json_sniff,
	.read = garmin_json_read,
};
