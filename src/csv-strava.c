/*
 * csv-strava: Strava's bulk-export activities.csv.
 *
 * Two header families: the old ten columns (id, date, ..., distance in
 * metres) and "Activity ID, Activity Date, ..." with any number of columns
 * (10 to 103 seen). Names repeat, so columns are found by name and
 * occurrence: the second "Distance" is metres as a float (the first is km
 * for runs), the first "Elapsed Time" whole seconds. Header cells of some
 * 2020-21 exports hold HTML; csv_header_init() keeps the text only.
 * "Activity Date" is UTC ("Oct 6, 2022, 11:19:20 PM"); the run's day is
 * the local calendar day of that instant. Only Run, Trail Run and Virtual
 * Run are runs; the external id is the Activity ID.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "csv.h"
#include "date.h"
#include "entry.h"
#include "import.h"

struct strava {
	int old;                     /* the pre-2019 ten-column header */
	int id, date, name, type, desc;
	int elapsed, moving;         /* whole seconds; float seconds */
	int dist_km, dist_m;         /* first Distance (km), second (m) */
	int hr, climb, rpe, race, long_run;
	char dec;                    /* the decimal mark: ',' when localised */
};

/* Activity ID first: certain; the old ten columns: nearly. */
static int
strava_sniff(const struct import_probe *p)
{
	const struct csv_header *h = p->csv;

	if (h == NULL || h->n == 0)
		return 0;
	if (strcasecmp(h->key != NULL ? h->key[0] : h->name[0],
	    "Activity ID") == 0)
		return 100;
	if (h->key == NULL && strcmp(h->name[0], "id") == 0 &&
	    csv_header_find(h, "date", 1) >= 0 &&
	    csv_header_find(h, "type", 1) >= 0 &&
	    csv_header_find(h, "elapsed_time", 1) >= 0 &&
	    csv_header_find(h, "distance", 1) >= 0)
		return 90;
	return 0;
}

static int
need(const struct csv_header *h, const char *name, int *col)
{
	if ((*col = csv_header_find(h, name, 1)) < 0) {
		err_set("line 1: a Strava file without the column '%s'", name);
		return -1;
	}
	return 0;
}

static int
strava_begin(struct import_ctx *c, const struct csv_header *h, void **state)
{
	struct strava *s = xcalloc(1, sizeof *s);

	*state = s;
	s->moving = s->dist_km = s->hr = s->climb = s->rpe = s->race =
	    s->long_run = s->desc = s->name = -1;
	s->dec = c->locale != NULL ? c->locale->decimal : '.';
	if (h->key == NULL && strcmp(h->name[0], "id") == 0) {
		s->old = 1;
		s->id = 0;
		s->name = csv_header_find(h, "name", 1);
		s->desc = csv_header_find(h, "description", 1);
		if (need(h, "date", &s->date) || need(h, "type", &s->type) ||
		    need(h, "elapsed_time", &s->elapsed) ||
		    need(h, "distance", &s->dist_m))
			return -1;
		return 0;
	}
	s->id = 0;
	if (need(h, "Activity Date", &s->date) ||
	    need(h, "Activity Type", &s->type) ||
	    need(h, "Elapsed Time", &s->elapsed) ||
	    need(h, "Distance", &s->dist_km))
		return -1;
	s->name = csv_header_find(h, "Activity Name", 1);
	s->desc = csv_header_find(h, "Activity Description", 1);
	s->moving = csv_header_find(h, "Moving Time", 1);
	s->dist_m = csv_header_find(h, "Distance", 2);
	s->hr = csv_header_find(h, "Average Heart Rate", 1);
	s->climb = csv_header_find(h, "Elevation Gain", 1);
	s->rpe = csv_header_find(h, "Perceived Exertion", 1);
	s->race = csv_header_find(h, "Competition", 1);
	s->long_run = csv_header_find(h, "Long Run", 1);
	return 0;
}

static const char *const months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec",
};

/* Reads 1 to max digits at *p. */
static int
digits(const char **p, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && **p >= '0' && **p <= '9') {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n > 0 ? 0 : -1;
}

static int
lit(const char **p, const char *s)
{
	size_t n = strlen(s);

	if (strncmp(*p, s, n) != 0)
		return -1;
	*p += n;
	return 0;
}

/*
 * "Oct 6, 2022, 11:19:20 PM" or "2014-09-12 16:54:28", both UTC, to the
 * local calendar day of that moment.
 */
int
csv_strava_day(const char *s, int *day)
{
	return csv_strava_day_dmy(s, 0, day);
}

/*
 * Also "20.09.2026, 14:12:12" (German) and "20/09/2026 14:12:12" when dmy:
 * the day first, a 24-hour clock, UTC like the English dates.
 */
int
csv_strava_day_dmy(const char *s, int dmy, int *day)
{
	struct tm tm;
	const char *p = s;
	int y, mo = -1, d, h, mi, se, i;
	time_t t;

	if (dmy && s[0] >= '0' && s[0] <= '9' && (s[1] == '.' || s[1] == '/' ||
	    (s[1] != '\0' && (s[2] == '.' || s[2] == '/')))) {
		char sep;
		if (digits(&p, 2, &d) || (*p != '.' && *p != '/'))
			return -1;
		sep = *p++;
		if (digits(&p, 2, &mo) || *p++ != sep || digits(&p, 4, &y))
			return -1;
		if (*p == ',')
			p++;
		if (lit(&p, " ") || digits(&p, 2, &h) || lit(&p, ":") ||
		    digits(&p, 2, &mi) || lit(&p, ":") || digits(&p, 2, &se))
			return -1;
		mo--;
	} else if (s[0] >= '0' && s[0] <= '9') {
		if (digits(&p, 4, &y) || lit(&p, "-") || digits(&p, 2, &mo) ||
		    lit(&p, "-") || digits(&p, 2, &d) ||
		    (*p != ' ' && *p != 'T') || (p++, digits(&p, 2, &h)) ||
		    lit(&p, ":") || digits(&p, 2, &mi) || lit(&p, ":") ||
		    digits(&p, 2, &se))
			return -1;
		if (*p == 'Z')
			p++;
		mo--;
	} else {
		for (i = 0; i < 12; i++)
			if (strncmp(p, months[i], 3) == 0)
				mo = i;
		if (mo < 0)
			return -1;
		p += 3;
		if (lit(&p, " ") || digits(&p, 2, &d) || lit(&p, ", ") ||
		    digits(&p, 4, &y) || lit(&p, ", ") || digits(&p, 2, &h) ||
		    lit(&p, ":") || digits(&p, 2, &mi) || lit(&p, ":") ||
		    digits(&p, 2, &se) || lit(&p, " "))
			return -1;
		if (h < 1 || h > 12)
			return -1;
		if (lit(&p, "AM") == 0)
			h = h == 12 ? 0 : h;
		else if (lit(&p, "PM") == 0)
			h = h == 12 ? 12 : h + 12;
		else
			return -1;
	}
	if (*p != '\0' || mo < 0 || mo > 11 || !date_valid_ymd(y, mo + 1, d) ||
	    h > 23 || mi > 59 || se > 60)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	t = timegm(&tm);
	*day = date_from_time(t);
	/* 1900-01-01 00:00 UTC is still 1899 west of Greenwich. */
	return *day < DATE_MIN || *day > DATE_MAX ? -2 : 0;
}

static int
is_running(const char *type)
{
	return strcasecmp(type, "Run") == 0 ||
	    strcasecmp(type, "Trail Run") == 0 ||
	    strcasecmp(type, "Virtual Run") == 0;
}

static int
truthy(const struct csv_record *rec, int col)
{
	const char *s;

	if (col < 0)
		return 0;
	s = rec->field[col];
	return strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0 ||
	    strcmp(s, "1.0") == 0;
}

/* An optional number rounded to a whole unit; *v = none when missing. */
static int
opt_whole(const struct csv_record *rec, const struct csv_header *h, int col,
    const struct field_range *rg, int64_t none, int zero_is_none, char dec,
    int64_t *v)
{
	const char *s;

	*v = none;
	if (col < 0 || csv_is_missing(s = rec->field[col]))
		return 0;
	if (csv_parse_number_dec(s, 0, dec, v) != 0)
		return csv_bad(rec, h->name[col], s, "expected a number");
	if (*v == 0 && zero_is_none) {
		*v = none;
		return 0;
	}
	if (range_check(rg, *v, s) != 0)
		return csv_bad_here(rec->line, h->name[col], s);
	return 0;
}

static char *
make_note(const struct csv_record *rec, int name, int desc)
{
	const char *n = name >= 0 ? rec->field[name] : "";
	const char *d = desc >= 0 ? rec->field[desc] : "";
	char *note;

	if (*n == '\0' && *d == '\0')
		return NULL;
	if (*n != '\0' && *d != '\0')
		note = xasprintf("%s: %s", n, d);
	else
		note = xstrdup(*n != '\0' ? n : d);
	csv_clean_text(note, 0, NOTE_MAX);
	if (*note == '\0') {
		free(note);
		return NULL;
	}
	return note;
}

/* The first Distance (km) of a row, or NULL. */
static const char *
km_col(const struct csv_record *rec, const struct strava *s)
{
	if (s->dist_km < 0 || csv_is_missing(rec->field[s->dist_km]))
		return NULL;
	return rec->field[s->dist_km];
}

/*
 * The second Distance, metres. In a decimal-comma file "5000.125" could be
 * 5000125 m ('.' separating thousands) or a raw float: the reading that
 * agrees with the km column (two decimals, so within 10 m) is taken, and
 * a value that agrees with neither is refused.
 */
static int
metres(const struct strava *s, const char *v, const char *km, int64_t *m)
{
	int64_t k, a;

	if (s->dec != ',')
		return csv_parse_number(v, 0, m);
	if (km == NULL || csv_parse_number_dec(km, 3, ',', &k) != 0)
		return csv_parse_number_dec(v, 0, ',', m);
	if (csv_parse_number_dec(v, 0, ',', &a) == 0 && llabs(a - k) <= 10) {
		*m = a;
		return 0;
	}
	if (strchr(v, ',') == NULL && csv_parse_number(v, 0, &a) == 0 &&
	    llabs(a - k) <= 10) {
		*m = a;
		return 0;
	}
	return -1;
}

/* The day of the Activity Date, within the days runlog keeps. */
static int
activity_day(const struct import_ctx *c, const struct csv_header *h,
    const struct strava *s, const struct csv_record *rec, int *day)
{
	const char *v = rec->field[s->date];
	char d[16];

	switch (csv_strava_day_dmy(v, c->locale != NULL, day)) {
	case 0:
		return 0;
	case -2:
		return csv_bad(rec, h->name[s->date], v, "that is %s in this time "
		    "zone; runlog keeps days from 1900-01-01 to 2099-12-31",
		    date_format(*day, d));
	default:
		return csv_bad(rec, h->name[s->date], v, "expected a date like "
		    "%s or '2022-10-06 23:19:20'", c->locale != NULL ?
		    "'06.10.2022, 23:19:20'" : "'Oct 6, 2022, 11:19:20 PM'");
	}
}

/* Distance: metres (old file, second column) or km (first). */
static int
activity_distance(const struct csv_header *h, const struct strava *s,
    const struct csv_record *rec, int64_t *m)
{
	const char *v;

	if (s->dist_m >= 0 && !csv_is_missing(rec->field[s->dist_m])) {
		v = rec->field[s->dist_m];
		if (metres(s, v, km_col(rec, s), m) != 0)
			return csv_bad(rec, h->name[s->dist_m], v, "expected metres%s",
			    s->dec == ',' ? " matching the distance in km" : "");
		if (*m != 0 && range_check(&RANGE_DISTANCE, *m, NULL) != 0)
			return csv_bad(rec, h->name[s->dist_m], v, "distance %s m: "
			    "must be %s", v, RANGE_DISTANCE.allowed);
		return 0;
	}
	if (s->dist_km < 0)
		return csv_bad(rec, h->name[s->dist_m], rec->field[s->dist_m],
		    "a run without a distance");
	v = rec->field[s->dist_km];
	if (csv_is_missing(v))
		return csv_bad(rec, h->name[s->dist_km], v, "a run without "
		    "a distance");
	if (csv_parse_number_dec(v, 3, s->dec, m) != 0)
		return csv_bad(rec, h->name[s->dist_km], v, "expected km");
	if (*m != 0 && range_check(&RANGE_DISTANCE, *m, NULL) != 0)
		return csv_bad(rec, h->name[s->dist_km], v, "distance %s km: "
		    "must be %s", v, RANGE_DISTANCE.allowed);
	return 0;
}

/* Duration: moving time when there is one, else elapsed time. */
static int
activity_duration(const struct csv_header *h, const struct strava *s,
    const struct csv_record *rec, int64_t *secs)
{
	int64_t x = 0;
	int col = s->elapsed;

	if (s->moving >= 0 && !csv_is_missing(rec->field[s->moving]) &&
	    csv_parse_number_dec(rec->field[s->moving], 0, s->dec, &x) == 0 &&
	    x > 0) {
		*secs = x;
		col = s->moving;
	} else if (csv_is_missing(rec->field[s->elapsed]) ||
	    csv_parse_number_dec(rec->field[s->elapsed], 0, s->dec, secs) != 0) {
		return csv_bad(rec, h->name[s->elapsed], rec->field[s->elapsed],
		    "expected seconds");
	}
	/* 0: an accidental recording, which the import counts and skips */
	if (*secs != 0 && range_check(&RANGE_DURATION, *secs, NULL) != 0)
		return csv_bad_here(rec->line, h->name[col], rec->field[col]);
	return 0;
}

static int
strava_row(struct import_ctx *c, void *state, const struct csv_header *h,
    const struct csv_record *rec)
{
	const struct strava *s = state;
	const char *type = rec->field[s->type];
	struct run r;
	int64_t x;
	int rc = -1;

	if (!is_running(type) && !csv_l10n_is_run(c->locale, type)) {
		import_other(c, type);
		return 0;
	}
	memset(&r, 0, sizeof r);
	r.type = RUN_OTHER;
	if (truthy(rec, s->race))
		r.type = RUN_RACE;
	else if (truthy(rec, s->long_run))
		r.type = RUN_LONG;
	if (rec->field[s->id][0] == '\0')
		return csv_bad(rec, h->name[s->id], "", "a run without an id");
	if (activity_day(c, h, s, rec, &r.day) != 0 ||
	    activity_distance(h, s, rec, &r.distance_m) != 0 ||
	    activity_duration(h, s, rec, &r.duration_s) != 0)
		return -1;
	if (opt_whole(rec, h, s->rpe, &RANGE_RPE, 0, 1, s->dec, &x) != 0)
		return -1;
	r.rpe = (int)x;
	if (opt_whole(rec, h, s->hr, &RANGE_HR, 0, 1, s->dec, &x) != 0)
		return -1;
	r.avg_hr = (int)x;
	if (opt_whole(rec, h, s->climb, &RANGE_CLIMB, -1, 0, s->dec,
	    &r.climb_m) != 0)
		return -1;

	r.note = make_note(rec, s->name, s->desc);
	r.source = xstrdup("strava");
	r.external_id = xstrdup(rec->field[s->id]);
	csv_clean_text(r.external_id, 0, 200);
	rc = import_put(c, ENTRY_RUN, rec->line, &r);
	run_free(&r);
	return rc;
}

static const struct csv_rows_ops strava_ops = {
	.begin = strava_begin,
	.row = strava_row,
	.free = free,
};

static int
strava_read(struct import_ctx *c, struct import_input *in)
{
	return csv_rows(c, in, &strava_ops);
}

const struct import_format import_strava = {
	.id = CSV_FMT_STRAVA,
	.name = "strava",
	.title = "a Strava export",
	.file = "Strava (activities.csv)",
	.sniff = strava_sniff,
	.read = strava_read,
};
