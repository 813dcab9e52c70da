/*
 * import-xml: GPX and TCX activity files, read with expat.
 *
 * Both are streamed: expat hands over elements one at a time and the
 * track is summed as it goes (distance, moving time, climb, heart rate),
 * so a file's size never becomes memory. Only expat's own buffers grow,
 * and those are bounded by the limits below: element depth, the text of
 * one element, the number of track points, the file's size. A document type
 * declaration is refused outright, which rules out entity expansion.
 *
 * GPX (one file, one activity; every <trk> of it is part of the run):
 *   - distance: great-circle (haversine, mean Earth radius) between
 *     consecutive points of one <trkseg>; none across segment breaks;
 *   - time: the sum of the gaps between consecutive points of a segment,
 *     leaving out gaps longer than PAUSE_S (a stop, or the watch paused);
 *   - climb: <ele> through a hysteresis of CLIMB_STEP_M (a rise counts
 *     once it is that far above the last low point, so noise does not);
 *   - heart rate: the mean of Garmin's TrackPointExtension <hr>;
 *   - type: <type> of the track; a run when it holds "run" (any case) or
 *     is Strava's code 9, or when there is no <type> at all;
 *   - external id: the first point's time, "2024-05-01T06:30:00Z".
 * TCX (one run per <Activity Sport="Running">, other sports counted):
 *   - distance and time: the sums of the laps' DistanceMeters and
 *     TotalTimeSeconds when every lap has them; else the last track
 *     point's DistanceMeters, else the track as in GPX; the time as in GPX;
 *   - heart rate: the laps' AverageHeartRateBpm weighted by lap time,
 *     else the mean of the track points';
 *   - external id: the activity's <Id>.
 * A run's day is the local day (TZ) of its first timed point (else of the
 * GPX metadata time, the TCX Id or first lap's StartTime). Accidental
 * recordings (under ACCIDENTAL_M metres or ACCIDENTAL_S seconds) are
 * counted in the report and skipped.
 *
 * Nothing outside this file includes expat.h: the formats are reached
 * through their rows of the format table only.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <expat.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csv.h"
#include "date.h"
#include "entry.h"
#include "import.h"
#include "util.h"

#define XML_DEPTH_MAX   64          /* elements inside one another */
#define XML_TEXT_MAX    4096        /* bytes of one element's text read */
#define XML_POINTS_MAX  1000000     /* track points in one file */
#define XML_BYTES_MAX   (128L << 20) /* bytes of one file */
#define XML_CHUNK       65536
#define PAUSE_S         60.0        /* a longer gap is a pause */
#define CLIMB_STEP_M    3.0         /* the climb's hysteresis */
#define EARTH_RADIUS_M  6371008.8   /* mean Earth radius (IUGG) */
#define ACCIDENTAL_M    100
#define ACCIDENTAL_S    60

enum xml_kind { XK_GPX, XK_TCX };

/* The elements read; every other one is E_OTHER. */
enum el {
	E_NONE, E_OTHER, E_GPX, E_METADATA, E_TIME, E_TRK, E_NAME, E_TYPE,
	E_TRKSEG, E_TRKPT, E_ELE, E_HR, E_TCD, E_ACTIVITY, E_ID, E_NOTES, E_LAP,
	E_TOTALTIME, E_DISTANCE, E_AVGHR, E_VALUE, E_TRACK, E_TRACKPOINT,
	E_POSITION, E_LAT, E_LON, E_ALT, E_HRBPM
};

static const struct { const char *name; enum el e; } el_names[] = {
	{ "gpx", E_GPX }, { "metadata", E_METADATA }, { "time", E_TIME },
	{ "trk", E_TRK }, { "name", E_NAME }, { "type", E_TYPE },
	{ "trkseg", E_TRKSEG }, { "trkpt", E_TRKPT }, { "ele", E_ELE },
	{ "hr", E_HR }, { "TrainingCenterDatabase", E_TCD },
	{ "Activity", E_ACTIVITY }, { "Id", E_ID }, { "Notes", E_NOTES },
	{ "Lap", E_LAP }, { "TotalTimeSeconds", E_TOTALTIME },
	{ "DistanceMeters", E_DISTANCE }, { "AverageHeartRateBpm", E_AVGHR },
	{ "Value", E_VALUE }, { "Track", E_TRACK },
	{ "Trackpoint", E_TRACKPOINT }, { "Position", E_POSITION },
	{ "LatitudeDegrees", E_LAT }, { "LongitudeDegrees", E_LON },
	{ "AltitudeMeters", E_ALT }, { "HeartRateBpm", E_HRBPM },
	{ "Time", E_TIME },
};

/* The texts read, each told by its element and where that is. */
enum leaf {
	L_NONE, L_META_TIME, L_PT_TIME, L_TRK_NAME, L_TRK_TYPE, L_ELE, L_HR,
	L_ID, L_NOTES, L_LAP_TIME, L_LAP_DIST, L_LAP_HR, L_PT_DIST, L_LAT, L_LON
};

struct point {
	int    has_lat, has_lon, has_time, has_ele, has_hr, has_dist;
	double lat, lon;     /* degrees */
	double t;            /* seconds since 1970 UTC */
	double ele, hr, dist;
};

/* The track summed so far. */
struct track {
	int    seg_pos, seg_time, seg_ele; /* a point before, in the segment */
	double lat, lon, t, ele_base;        /* of it (radians; s; m) */
	double dist_m, moving_s, climb_m;
	int    any_ele, have_first;
	double first_t;
	double hr_sum;
	size_t hr_n;
	int    have_dist;                    /* TCX: the device's distance */
	double dev_dist_m;
};

/* One activity: a GPX file, or a TCX <Activity>. */
struct act {
	long         line;            /* where it starts: <trk>, <Activity> */
	int          seen_trk;
	size_t       points;          /* track points of the activity */
	char         type[64];
	int          have_type;
	char        *note;
	char        *id;
	double       meta_t;          /* GPX metadata time, TCX Id */
	int          have_meta_t;
	double       lap_t;           /* TCX: the first lap's StartTime */
	int          have_lap_t;
	int          nlaps, laps_time, laps_dist;
	double       lap_time_s, lap_dist_m, lap_hr_w, lap_hr_s;
	double       cur_time, cur_dist, cur_hr;
	int          cur_has_time, cur_has_dist, cur_has_hr;
	struct track tr;
	struct point pt;
};

struct xml {
	struct import_ctx *c;
	XML_Parser         p;
	enum xml_kind      kind;
	enum el            stack[XML_DEPTH_MAX];
	int                depth;
	int                seen_root;
	int                in_pt;        /* inside a trkpt or Trackpoint */
	enum leaf          leaf;         /* the text being read, L_NONE */
	int                leaf_depth;
	char               text[XML_TEXT_MAX + 1];
	size_t             ntext;
	int                failed;       /* err_set() done, parser stopped */
	unsigned long      line_off;     /* lines skipped before the document */
	unsigned long      col_off;      /* columns skipped on its first line */
	size_t             npoints;
	int                in_act;
	struct act         a;
};

/* --- values ------------------------------------------------------------ */

static int
is_digit(int ch)
{
	return ch >= '0' && ch <= '9';
}

static int
is_space(int ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* A decimal as XML files write it ("35.95", "-79.1", "2.5E+1"); -1. */
static int
num_parse(const char *s, double *v)
{
	const char *p = s;
	double m = 0, f = 0.1;
	int neg = 0, digits = 0, ex = 0, eneg = 0, edigits = 0;

	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	for (; is_digit(*p); p++, digits++)
		m = m * 10 + (*p - '0');
	if (*p == '.')
		for (p++; is_digit(*p); p++, digits++, f /= 10)
			m += (*p - '0') * f;
	if (digits == 0)
		return -1;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			eneg = *p++ == '-';
		for (; is_digit(*p); p++, edigits++)
			if (ex < 10000)
				ex = ex * 10 + (*p - '0');
		if (edigits == 0)
			return -1;
		m *= pow(10, eneg ? -ex : ex);
	}
	if (*p != '\0' || !isfinite(m))
		return -1;
	*v = neg ? -m : m;
	return 0;
}

static int
fixed_digits(const char **p, int n, int *v)
{
	*v = 0;
	while (n-- > 0) {
		if (!is_digit(**p))
			return -1;
		*v = *v * 10 + (*(*p)++ - '0');
	}
	return 0;
}

/*
 * "2024-05-01T06:30:00Z", with optional fractions of a second and a
 * "+02:00" offset instead of Z (no zone at all is read as UTC); years
 * 1900 to 2099. Seconds since 1970 UTC, or -1.
 */
static int
time_parse(const char *s, double *t)
{
	const char *p = s;
	int y, mo, d, h, mi, se, oh = 0, om = 0, sign = 0;
	double frac = 0, f = 0.1;

	if (fixed_digits(&p, 4, &y) || *p++ != '-' ||
	    fixed_digits(&p, 2, &mo) || *p++ != '-' ||
	    fixed_digits(&p, 2, &d) || (*p != 'T' && *p != ' ') ||
	    (p++, fixed_digits(&p, 2, &h)) || *p++ != ':' ||
	    fixed_digits(&p, 2, &mi) || *p++ != ':' || fixed_digits(&p, 2, &se))
		return -1;
	if (*p == '.' || *p == ',')
		for (p++; is_digit(*p); p++, f /= 10)
			frac += (*p - '0') * f;
	if (*p == 'Z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		sign = *p++ == '-' ? -1 : 1;
		if (fixed_digits(&p, 2, &oh))
			return -1;
		if (*p == ':')
			p++;
		if (fixed_digits(&p, 2, &om) || oh > 14 || om > 59)
			return -1;
	}
	if (*p != '\0' || y < 1900 || y > 2099 || !date_valid_ymd(y, mo, d) ||
	    h > 23 || mi > 59 || se > 60)
		return -1;
	*t = (double)date_from_ymd(y, mo, d) * 86400.0 + h * 3600 + mi * 60 +
	    se + frac - sign * (oh * 3600 + om * 60);
	return 0;
}

static double
rad(double deg)
{
	return deg * (M_PI / 180.0);
}

/* Great-circle distance in metres between two points in radians. */
static double
haversine(double lat1, double lon1, double lat2, double lon2)
{
	double a = sin((lat2 - lat1) / 2), b = sin((lon2 - lon1) / 2);
	double h = a * a + cos(lat1) * cos(lat2) * b * b;

	return 2 * EARTH_RADIUS_M * asin(sqrt(h < 1 ? h : 1));
}

/* --- the track --------------------------------------------------------- */

/* A segment break: nothing is summed across it. */
static void
track_break(struct track *tr)
{
	tr->seg_pos = tr->seg_time = tr->seg_ele = 0;
}

static void
track_point(struct track *tr, const struct point *pt)
{
	if (pt->has_lat && pt->has_lon) {
		double la = rad(pt->lat), lo = rad(pt->lon);
		if (tr->seg_pos)
			tr->dist_m += haversine(tr->lat, tr->lon, la, lo);
		tr->lat = la;
		tr->lon = lo;
		tr->seg_pos = 1;
	}
	if (pt->has_time) {
		if (!tr->have_first) {
			tr->first_t = pt->t;
			tr->have_first = 1;
		}
		if (tr->seg_time && pt->t > tr->t && pt->t - tr->t <= PAUSE_S)
			tr->moving_s += pt->t - tr->t;
		if (!tr->seg_time || pt->t > tr->t)
			tr->t = pt->t;
		tr->seg_time = 1;
	}
	if (pt->has_ele) {
		tr->any_ele = 1;
		if (!tr->seg_ele) {
			tr->ele_base = pt->ele;
			tr->seg_ele = 1;
		} else if (pt->ele - tr->ele_base >= CLIMB_STEP_M) {
			tr->climb_m += pt->ele - tr->ele_base;
			tr->ele_base = pt->ele;
		} else if (tr->ele_base - pt->ele >= CLIMB_STEP_M) {
			tr->ele_base = pt->ele;
		}
	}
	if (pt->has_hr && pt->hr > 0) {
		tr->hr_sum += pt->hr;
		tr->hr_n++;
	}
	if (pt->has_dist && (!tr->have_dist || pt->dist > tr->dev_dist_m)) {
		tr->dev_dist_m = pt->dist;
		tr->have_dist = 1;
	}
}

/* --- errors and the activity ------------------------------------------- */

static unsigned long
cur_line(const struct xml *x)
{
	return (unsigned long)XML_GetCurrentLineNumber(x->p) + x->line_off;
}

/* Sets "line N: ..." and stops the parser. */
static void fail(struct xml *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
fail(struct xml *x, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (x->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_set("line %lu: %s", cur_line(x), msg);
	x->failed = 1;
	XML_StopParser(x->p, XML_FALSE);
}

/* Stops the parser after the sink refused (err_set() done there). */
static void
stop(struct xml *x)
{
	x->failed = 1;
	XML_StopParser(x->p, XML_FALSE);
}

static void
act_begin(struct xml *x)
{
	free(x->a.note);
	free(x->a.id);
	memset(&x->a, 0, sizeof x->a);
	x->a.line = (long)cur_line(x);
	x->in_act = 1;
}

static void
act_free(struct xml *x)
{
	free(x->a.note);
	free(x->a.id);
	x->a.note = x->a.id = NULL;
	x->in_act = 0;
}

/* 1 when s holds "run" in any case ("Trail Running", "RUN"). */
static int
has_run(const char *s)
{
	char low[64];
	size_t i;

	for (i = 0; s[i] != '\0' && i < sizeof low - 1; i++)
		low[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') :
		    s[i];
	low[i] = '\0';
	return strstr(low, "run") != NULL;
}

/* 1 when the activity is a run. */
static int
act_is_run(const struct xml *x)
{
	const char *t = x->a.type;

	if (x->kind == XK_TCX)
		return strcmp(t, "Running") == 0;
	return !x->a.have_type || *t == '\0' || strcmp(t, "9") == 0 ||
	    has_run(t);
}

/* The distance and time of the activity, by the rules at the top. */
static void
act_totals(const struct xml *x, double *dist, double *secs, double *hr)
{
	const struct act *a = &x->a;
	const struct track *tr = &a->tr;

	*dist = tr->have_dist ? tr->dev_dist_m : tr->dist_m;
	if (a->nlaps > 0 && a->laps_dist == a->nlaps)
		*dist = a->lap_dist_m;
	*secs = tr->moving_s;
	if (a->nlaps > 0 && a->laps_time == a->nlaps)
		*secs = a->lap_time_s;
	*hr = tr->hr_n > 0 ? tr->hr_sum / (double)tr->hr_n : 0;
	if (a->lap_hr_s > 0)
		*hr = a->lap_hr_w / a->lap_hr_s;
}

/* Hands the activity to the sink: a run, another sport, or an accident. */
static void
act_end(struct xml *x)
{
	struct act *a = &x->a;
	struct import_ctx *c = x->c;
	struct run r;
	double dist, secs, hr, start;
	char iso[32];
	time_t t;
	struct tm tm;
	int rc;

	c->r->rows++;
	if (!act_is_run(x)) {
		import_other(c, a->type);
		return;
	}
	if (x->kind == XK_GPX && a->points == 0) {
		fail(x, "a GPX file without track points (only a route or "
		    "waypoints): no run to import");
		return;
	}
	start = a->tr.have_first ? a->tr.first_t : a->have_meta_t ? a->meta_t :
	    a->lap_t;
	if (!a->tr.have_first && !a->have_meta_t && !a->have_lap_t) {
		fail(x, "an activity without a time: its day is unknown");
		return;
	}
	act_totals(x, &dist, &secs, &hr);
	if (llround(dist) < ACCIDENTAL_M || llround(secs) < ACCIDENTAL_S) {
		c->r->accidental++;
		return;
	}
	memset(&r, 0, sizeof r);
	t = (time_t)floor(start);
	r.start_utc = (int64_t)t;
	r.day = date_from_time(t);
	r.distance_m = llround(dist);
	r.duration_s = llround(secs);
	r.type = RUN_OTHER;
	r.avg_hr = hr >= 25 && hr <= 250 ? (int)lround(hr) : 0;
	r.climb_m = a->tr.any_ele && a->tr.climb_m <= 20000 ?
	    llround(a->tr.climb_m) : -1;
	r.note = a->note;
	r.source = (char *)(x->kind == XK_GPX ? "gpx" : "tcx");
	gmtime_r(&t, &tm);
	strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
	r.external_id = a->id != NULL && *a->id != '\0' ? a->id : iso;
	rc = import_put(c, ENTRY_RUN, a->line, &r);
	if (rc == -1)
		rc = import_refused(c);
	if (rc != 0)
		stop(x);
}

/* --- elements ---------------------------------------------------------- */

static enum el
el_of(const char *name)
{
	const char *colon = strrchr(name, ':');
	size_t i;

	if (colon != NULL)
		name = colon + 1;
	for (i = 0; i < sizeof el_names / sizeof el_names[0]; i++)
		if (strcmp(el_names[i].name, name) == 0)
			return el_names[i].e;
	return E_OTHER;
}

/* The element n levels up from the innermost (0: the innermost). */
static enum el
up(const struct xml *x, int n)
{
	return x->depth - 1 - n >= 0 ? x->stack[x->depth - 1 - n] : E_NONE;
}

static const char *
attr(const XML_Char **atts, const char *name)
{
	size_t i;

	for (i = 0; atts[i] != NULL; i += 2) {
		const char *colon = strrchr(atts[i], ':');
		if (strcmp(colon != NULL ? colon + 1 : atts[i], name) == 0)
			return atts[i + 1];
	}
	return NULL;
}

/* A trkpt's lat and lon attributes. */
static void
gpx_point(struct xml *x, const XML_Char **atts)
{
	const char *la = attr(atts, "lat"), *lo = attr(atts, "lon");
	struct point *pt = &x->a.pt;

	if (la == NULL || lo == NULL)
		return;
	if (num_parse(la, &pt->lat) || pt->lat < -90 || pt->lat > 90) {
		fail(x, "trkpt lat '%.40s': expected degrees from -90 "
		    "to 90", la);
		return;
	}
	if (num_parse(lo, &pt->lon) || pt->lon < -180 || pt->lon > 180) {
		fail(x, "trkpt lon '%.40s': expected degrees from -180 "
		    "to 180", lo);
		return;
	}
	pt->has_lat = pt->has_lon = 1;
}

/* Which text of a GPX element is read, by where it is. */
static enum leaf
gpx_leaf(const struct xml *x, enum el e)
{
	enum el parent = up(x, 1);

	switch (e) {
	case E_TIME: return parent == E_METADATA ? L_META_TIME :
	    parent == E_TRKPT ? L_PT_TIME : L_NONE;
	case E_NAME: return parent == E_TRK ? L_TRK_NAME : L_NONE;
	case E_TYPE: return parent == E_TRK ? L_TRK_TYPE : L_NONE;
	case E_ELE:  return parent == E_TRKPT ? L_ELE : L_NONE;
	case E_HR:   return x->in_pt ? L_HR : L_NONE;
	default:     return L_NONE;
	}
}

static enum leaf
tcx_leaf(const struct xml *x, enum el e)
{
	enum el parent = up(x, 1), grand = up(x, 2);

	switch (e) {
	case E_ID:        return parent == E_ACTIVITY ? L_ID : L_NONE;
	case E_NOTES:     return parent == E_ACTIVITY ? L_NOTES : L_NONE;
	case E_TOTALTIME: return parent == E_LAP ? L_LAP_TIME : L_NONE;
	case E_DISTANCE:  return parent == E_LAP ? L_LAP_DIST :
	    parent == E_TRACKPOINT ? L_PT_DIST : L_NONE;
	case E_VALUE:
		return parent == E_AVGHR && grand == E_LAP ? L_LAP_HR :
		    parent == E_HRBPM && grand == E_TRACKPOINT ? L_HR : L_NONE;
	case E_TIME:      return parent == E_TRACKPOINT ? L_PT_TIME : L_NONE;
	case E_LAT:       return parent == E_POSITION ? L_LAT : L_NONE;
	case E_LON:       return parent == E_POSITION ? L_LON : L_NONE;
	case E_ALT:       return parent == E_TRACKPOINT ? L_ELE : L_NONE;
	default:          return L_NONE;
	}
}

/* What an element's start means, besides its text. */
static void
start_el(struct xml *x, enum el e, const XML_Char **atts)
{
	const char *s;

	switch (e) {
	case E_TRK: case E_TRKSEG: case E_TRACK:
		track_break(&x->a.tr);
		if (e == E_TRK && !x->a.seen_trk && x->in_act) {
			x->a.seen_trk = 1;
			x->a.line = (long)cur_line(x);
		}
		break;
	case E_ACTIVITY:
		if (x->kind != XK_TCX)
			break;
		act_begin(x);
		s = attr(atts, "Sport");
		snprintf(x->a.type, sizeof x->a.type, "%s", s != NULL ? s : "");
		x->a.have_type = s != NULL;
		break;
	case E_LAP:
		if (!x->in_act)
			break;
		/* The first lap's start, for an activity without an Id time. */
		if ((s = attr(atts, "StartTime")) != NULL && !x->a.have_lap_t &&
		    time_parse(s, &x->a.lap_t) == 0)
			x->a.have_lap_t = 1;
		x->a.nlaps++;
		x->a.cur_has_time = x->a.cur_has_dist = x->a.cur_has_hr = 0;
		break;
	case E_TRKPT: case E_TRACKPOINT:
		if ((e == E_TRKPT) != (x->kind == XK_GPX) || !x->in_act)
			break;
		if (++x->npoints > XML_POINTS_MAX) {
			fail(x, "more than %d track points", XML_POINTS_MAX);
			return;
		}
		memset(&x->a.pt, 0, sizeof x->a.pt);
		x->a.points++;
		x->in_pt = 1;
		if (e == E_TRKPT)
			gpx_point(x, atts);
		break;
	default:
		break;
	}
}

static void
end_el(struct xml *x, enum el e)
{
	struct act *a = &x->a;

	if (!x->in_act)
		return;
	if ((e == E_TRKPT || e == E_TRACKPOINT) && x->in_pt) {
		x->in_pt = 0;
		track_point(&a->tr, &a->pt);
	} else if (e == E_LAP) {
		if (a->cur_has_time) {
			a->laps_time++;
			a->lap_time_s += a->cur_time;
		}
		if (a->cur_has_dist) {
			a->laps_dist++;
			a->lap_dist_m += a->cur_dist;
		}
		if (a->cur_has_hr && a->cur_has_time) {
			a->lap_hr_w += a->cur_hr * a->cur_time;
			a->lap_hr_s += a->cur_time;
		}
	} else if ((e == E_ACTIVITY && x->kind == XK_TCX) ||
	    (e == E_GPX && x->kind == XK_GPX)) {
		act_end(x);
		act_free(x);
	}
}

/* A number of the leaf's text within [lo, hi]; -1 after fail(). */
static int
leaf_num(struct xml *x, const char *what, const char *s, double lo,
    double hi, double *v)
{
	if (num_parse(s, v) != 0 || *v < lo || *v > hi) {
		fail(x, "%s '%.40s': expected a number from %g to %g", what, s,
		    lo, hi);
		return -1;
	}
	return 0;
}

/* The text of a leaf, white space trimmed. */
static void
leaf_text(struct xml *x, enum leaf l, const char *s)
{
	struct act *a = &x->a;
	struct point *pt = &a->pt;
	double t;

	switch (l) {
	case L_META_TIME: case L_PT_TIME: case L_ID:
		if (l == L_ID) {
			free(a->id);
			a->id = xstrdup(s);
			csv_clean_text(a->id, 0, 200);
		}
		if (time_parse(s, &t) != 0) {
			if (l != L_ID)
				fail(x, "time '%.40s': expected a time like "
				    "2024-05-01T06:30:00Z", s);
			return;
		}
		if (l == L_PT_TIME) {
			pt->t = t;
			pt->has_time = 1;
		} else if (!a->have_meta_t) {
			a->meta_t = t;
			a->have_meta_t = 1;
		}
		return;
	case L_TRK_NAME: case L_NOTES:
		if (a->note == NULL && *s != '\0') {
			a->note = xstrdup(s);
			csv_clean_text(a->note, 0, NOTE_MAX);
		}
		return;
	case L_TRK_TYPE:
		if (!a->have_type) {
			snprintf(a->type, sizeof a->type, "%.*s",
			    (int)sizeof a->type - 1, s);
			a->have_type = 1;
		}
		return;
	case L_ELE:
		pt->has_ele = leaf_num(x, "elevation", s, -1000, 10000,
		    &pt->ele) == 0;
		return;
	case L_HR:
		pt->has_hr = leaf_num(x, "heart rate", s, 0, 300, &pt->hr) == 0;
		return;
	case L_PT_DIST:
		pt->has_dist = leaf_num(x, "DistanceMeters", s, 0, 1e7,
		    &pt->dist) == 0;
		return;
	case L_LAT:
		pt->has_lat = leaf_num(x, "latitude", s, -90, 90,
		    &pt->lat) == 0;
		return;
	case L_LON:
		pt->has_lon = leaf_num(x, "longitude", s, -180, 180,
		    &pt->lon) == 0;
		return;
	case L_LAP_TIME:
		a->cur_has_time = leaf_num(x, "TotalTimeSeconds", s, 0, 1e7,
		    &a->cur_time) == 0;
		return;
	case L_LAP_DIST:
		a->cur_has_dist = leaf_num(x, "DistanceMeters", s, 0, 1e7,
		    &a->cur_dist) == 0;
		return;
	case L_LAP_HR:
		a->cur_has_hr = leaf_num(x, "AverageHeartRateBpm", s, 0, 300,
		    &a->cur_hr) == 0;
		return;
	default:
		return;
	}
}

/* --- expat's callbacks ------------------------------------------------- */

static void XMLCALL
on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xml *x = ud;
	enum el e = el_of(name);

	if (x->failed)
		return;
	if (!x->seen_root) {
		enum el want = x->kind == XK_GPX ? E_GPX : E_TCD;
		x->seen_root = 1;
		if (e != want) {
			fail(x, "the document is <%.40s>, not <%s>", name,
			    x->kind == XK_GPX ? "gpx" :
			    "TrainingCenterDatabase");
			return;
		}
		if (x->kind == XK_GPX)
			act_begin(x);
	}
	if (x->depth >= XML_DEPTH_MAX) {
		fail(x, "elements nested more than %d deep",
		    XML_DEPTH_MAX);
		return;
	}
	x->stack[x->depth++] = e;
	x->leaf = x->kind == XK_GPX ? gpx_leaf(x, e) : tcx_leaf(x, e);
	if (!x->in_act && x->leaf != L_NONE)
		x->leaf = L_NONE;
	x->leaf_depth = x->depth;
	x->ntext = 0;
	start_el(x, e, atts);
}

static void XMLCALL
on_end(void *ud, const XML_Char *name)
{
	struct xml *x = ud;
	char *s;
	size_t n;

	(void)name;
	if (x->failed || x->depth == 0)
		return;
	if (x->leaf != L_NONE && x->leaf_depth == x->depth) {
		x->text[x->ntext] = '\0';
		for (s = x->text; is_space(*s); s++)
			;
		for (n = strlen(s); n > 0 && is_space(s[n - 1]); n--)
			s[n - 1] = '\0';
		leaf_text(x, x->leaf, s);
	}
	x->leaf = L_NONE;
	if (!x->failed)
		end_el(x, x->stack[x->depth - 1]);
	x->depth--;
}

static void XMLCALL
on_text(void *ud, const XML_Char *s, int len)
{
	struct xml *x = ud;

	if (x->failed || x->leaf == L_NONE || x->leaf_depth != x->depth)
		return;
	if ((size_t)len > XML_TEXT_MAX - x->ntext) {
		fail(x, "the text of an element is longer than %d bytes",
		    XML_TEXT_MAX);
		return;
	}
	memcpy(x->text + x->ntext, s, (size_t)len);
	x->ntext += (size_t)len;
}

static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal_subset)
{
	(void)name; (void)sysid; (void)pubid; (void)has_internal_subset;
	fail(ud, "a document type declaration (<!DOCTYPE) is not accepted in "
	    "an activity file");
}

/* --- reading ----------------------------------------------------------- */

/*
 * Skips a UTF-8 byte-order mark and the white space some exporters (Strava)
 * write before "<?xml", which expat would refuse; counts what it skips so
 * that expat's lines and columns still name the file's.
 */
static size_t
skip_lead(struct xml *x, const unsigned char *b, size_t n, int first)
{
	size_t i = 0;

	if (first && n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		i = 3;
	for (; i < n && is_space(b[i]); i++) {
		if (b[i] == '\n') {
			x->line_off++;
			x->col_off = 0;
		} else {
			x->col_off++;
		}
	}
	return i;
}

/* Says where expat stopped and why. */
static void
parse_error(struct xml *x)
{
	unsigned long line = (unsigned long)XML_GetCurrentLineNumber(x->p);
	unsigned long col = (unsigned long)XML_GetCurrentColumnNumber(x->p) + 1;

	if (x->failed)
		return;
	if (line == 1)
		col += x->col_off;
	err_set("line %lu, column %lu: not well-formed XML: %s",
	    line + x->line_off, col,
	    XML_ErrorString(XML_GetErrorCode(x->p)));
}

static int
xml_read(struct import_ctx *c, struct import_input *in, enum xml_kind kind)
{
	struct xml *x = xcalloc(1, sizeof *x);
	unsigned char *buf = xmalloc(XML_CHUNK);
	int lead = 1, first = 1, rc = -1;
	size_t n, k;
	long total = 0;

	x->c = c;
	x->kind = kind;
	if ((x->p = XML_ParserCreate(NULL)) == NULL) {
		err_set("out of memory");
		goto out;
	}
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, on_start, on_end);
	XML_SetCharacterDataHandler(x->p, on_text);
	XML_SetStartDoctypeDeclHandler(x->p, on_doctype);
	for (;;) {
		n = import_input_read(in, buf, XML_CHUNK);
		if (n == 0 && in->rest != NULL && ferror(in->rest)) {
			err_set("cannot read: %s", strerror(errno));
			goto out;
		}
		if ((total += (long)n) > XML_BYTES_MAX) {
			err_set("over %ld MiB: larger than any activity file",
			    XML_BYTES_MAX >> 20);
			goto out;
		}
		k = lead ? skip_lead(x, buf, n, first) : 0;
		first = 0;
		if (k < n)
			lead = 0;
		if (XML_Parse(x->p, (const char *)buf + k, (int)(n - k),
		    n == 0) == XML_STATUS_ERROR) {
			parse_error(x);
			goto out;
		}
		if (n == 0)
			break;
	}
	rc = 0;
out:
	if (x->p != NULL)
		XML_ParserFree(x->p);
	act_free(x);
	free(buf);
	free(x);
	return rc;
}

/* --- the format rows --------------------------------------------------- */

/* 1 when the first element of the bytes is called want (any prefix). */
static int
root_is(const struct import_probe *p, const char *want)
{
	const unsigned char *s = p->head, *end = p->head + p->len, *name;
	size_t wl = strlen(want);

	if (p->len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		s += 3;
	for (;;) {
		while (s < end && is_space(*s))
			s++;
		if (end - s < 2 || *s != '<')
			return 0;
		if (s[1] == '?' || s[1] == '!') {
			const char *close = end - s >= 4 &&
			    memcmp(s, "<!--", 4) == 0 ? "-->" : ">";
			const unsigned char *q;
			size_t cl;
			/* A DOCTYPE's internal subset holds '>' of its own. */
			for (q = s; *close == '>' && q < end && *q != '>'; q++)
				if (*q == '[')
					close = "]";
			cl = strlen(close);
			for (s += 2; end - s >= (ptrdiff_t)cl &&
			    memcmp(s, close, cl) != 0; s++)
				;
			if (end - s < (ptrdiff_t)cl)
				return 0;
			s += cl;
			if (*close == ']') {
				while (s < end && is_space(*s))
					s++;
				if (s >= end || *s++ != '>')
					return 0;
			}
			continue;
		}
		for (name = ++s; s < end && !is_space(*s) && *s != '>' &&
		    *s != '/'; s++)
			if (*s == ':')
				name = s + 1;
		return (size_t)(s - name) == wl && memcmp(name, want, wl) == 0;
	}
}

static int
gpx_sniff(const struct import_probe *p)
{
	return root_is(p, "gpx") ? 100 : 0;
}

static int
tcx_sniff(const struct import_probe *p)
{
	return root_is(p, "TrainingCenterDatabase") ? 100 : 0;
}

static int
gpx_read(struct import_ctx *c, struct import_input *in)
{
	return xml_read(c, in, XK_GPX);
}

static int
tcx_read(struct import_ctx *c, struct import_input *in)
{
	return xml_read(c, in, XK_TCX);
}

const struct import_format import_gpx = {
	.id = CSV_FMT_GPX,
	.name = "gpx",
	.title = "a GPX track",
	.file = "GPX",
	.sniff = gpx_sniff,
	.read = gpx_read,
};

const struct import_format import_tcx = {
	.id = CSV_FMT_TCX,
	.name = "tcx",
	.title = "a TCX activity file",
	.file = "TCX",
	.sniff = tcx_sniff,
	.read = tcx_read,
};
