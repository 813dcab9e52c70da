/*
 * csv-garmin: Garmin Connect's Activities.csv (the web list's export).
 *
 * "Date" is local time, so its first ten characters are the day. The file
 * does not say whether "Distance" is in km or miles: --units says so, or
 * the rows decide once all are read (Garmin writes "Avg Stride Length" in
 * metres or feet; a median pace under 4:30 per unit is km, since in miles
 * it would be faster than 2:48 per km), or else the user's own unit is
 * assumed and the report says so. Times are hh:mm:ss, sometimes with
 * tenths; numbers carry thousands separators; "--", "NaN", "--:--:--" and
 * "00:NaN:NaN" are missing values. There is no activity id, so the start
 * time ("Date") is the external id: Garmin has one activity per start.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "date.h"
#include "entry.h"
#include "import.h"

struct pending {
	long    line;
	struct run r;            /* distance_m and climb_m still in file units */
	int64_t dist_milli;      /* Distance x 1000, in the file's unit */
	int64_t climb;           /* Total Ascent (m or ft), -1 = none */
	char   *dist_raw;        /* for messages */
};

struct garmin {
	int type, date, title, dist, time, moving, elapsed, hr, ascent, pace,
	    stride;
	struct pending *rows;
	size_t n, cap;
	int64_t *strides;        /* Avg Stride Length x 100 of the runs */
	size_t nstrides;
	int64_t *paces;          /* seconds per unit of the runs */
	size_t npaces;
	char dec;                /* the decimal mark: ',' when localised */
};

static int
garmin_sniff(const struct import_probe *p)
{
	const struct csv_header *h = p->csv;

	if (h == NULL)
		return 0;
	return csv_header_find(h, "Activity Type", 1) >= 0 &&
	    csv_header_find(h, "Date", 1) >= 0 &&
	    csv_header_find(h, "Distance", 1) >= 0 &&
	    csv_header_find(h, "Activity ID", 1) < 0 ? 80 : 0;
}

static int
garmin_begin(struct import_ctx *c, const struct csv_header *h, void **state)
{
	struct garmin *g = xcalloc(1, sizeof *g);

	*state = g;
	g->dec = c->locale != NULL ? c->locale->decimal : '.';
	g->type = csv_header_find(h, "Activity Type", 1);
	g->date = csv_header_find(h, "Date", 1);
	g->dist = csv_header_find(h, "Distance", 1);
	g->title = csv_header_find(h, "Title", 1);
	g->time = csv_header_find(h, "Time", 1);
	g->moving = csv_header_find(h, "Moving Time", 1);
	g->elapsed = csv_header_find(h, "Elapsed Time", 1);
	g->hr = csv_header_find(h, "Avg HR", 1);
	g->ascent = csv_header_find(h, "Total Ascent", 1);
	g->pace = csv_header_find(h, "Avg Pace", 1);
	g->stride = csv_header_find(h, "Avg Stride Length", 1);
	if (g->time < 0 && g->moving < 0 && g->elapsed < 0) {
		err_set("line 1: a Garmin file without a 'Time', 'Moving Time' or "
		    "'Elapsed Time' column");
		return -1;
	}
	return 0;
}

static void
garmin_free(void *state)
{
	struct garmin *g = state;
	size_t i;

	for (i = 0; i < g->n; i++) {
		run_free(&g->rows[i].r);
		free(g->rows[i].dist_raw);
	}
	free(g->rows);
	free(g->strides);
	free(g->paces);
	free(g);
}

/* "Running", "Trail Running", "Treadmill Running", "Ultra Run", ... */
static int
is_running(const char *type)
{
	const char *p;

	for (p = type; *p != '\0'; p++) {
		int start = p == type || p[-1] == ' ';
		int end;
		if (!start || strncasecmp(p, "run", 3) != 0)
			continue;
		end = p[3] == '\0' || p[3] == ' ' ||
		    strncasecmp(p + 3, "ning", 4) == 0;
		if (end)
			return 1;
	}
	return 0;
}

/* "01:02:03", "00:09:25.5", "52:30", "1:02.35": seconds, rounded. */
int
csv_garmin_duration(const char *s, int64_t *seconds)
{
	int64_t part[3] = { 0, 0, 0 }, frac = 0;
	int n = 0, fdig = 0, round_up = 0;
	const char *p = s;

	for (;;) {
		int d = 0;
		if (n == 3)
			return -1;
		part[n] = 0;
		while (*p >= '0' && *p <= '9') {
			if (++d > 6)
				return -1;
			part[n] = part[n] * 10 + (*p++ - '0');
		}
		if (d == 0)
			return -1;
		n++;
		if (*p != ':')
			break;
		p++;
	}
	if (*p == '.' || *p == ',') {
		for (p++; *p >= '0' && *p <= '9'; p++, fdig++)
			if (fdig == 0)
				round_up = *p >= '5';
		if (fdig == 0)
			return -1;
	}
	(void)frac;
	if (*p != '\0' || n < 2)
		return -1;
	if (part[n - 1] >= 60 || (n == 3 && part[1] >= 60))
		return -1;
	*seconds = n == 3 ? part[0] * 3600 + part[1] * 60 + part[2] :
	    part[0] * 60 + part[1];
	*seconds += round_up;
	return 0;
}

/*
 * The day of "2026-04-23 08:04:14" (local time), or with dmy also of the
 * day-first "23.04.2026 08:04:14" that localised accounts may write.
 */
static int
local_day(const char *v, int dmy, int *day)
{
	char d[11];

	if (strlen(v) < 10 || (v[10] != '\0' && v[10] != ' ' && v[10] != 'T' &&
	    v[10] != ','))
		return -1;
	if (dmy && v[2] == '.' && v[5] == '.') {
		memcpy(d, v + 6, 4);       /* DD.MM.YYYY -> YYYY-MM-DD */
		d[4] = '-';
		memcpy(d + 5, v + 3, 2);
		d[7] = '-';
		memcpy(d + 8, v, 2);
	} else {
		if (v[10] == ',')
			return -1;
		memcpy(d, v, 10);
	}
	d[10] = '\0';
	return date_parse(d, day);
}

static int
garmin_row(struct import_ctx *c, void *state, const struct csv_header *h,
    const struct csv_record *rec)
{
	struct garmin *g = state;
	const char *type = rec->field[g->type], *v;
	struct pending p;
	int col, cols[3], i;
	int64_t x;

	if (!is_running(type) && !csv_l10n_is_run(c->locale, type)) {
		import_other(c, type);
		return 0;
	}
	memset(&p, 0, sizeof p);
	p.line = rec->line;
	p.climb = -1;
	p.r.type = RUN_OTHER;
	p.r.climb_m = -1;

	v = rec->field[g->date];
	if (local_day(v, c->locale != NULL, &p.r.day) != 0)
		return csv_bad(rec, h->name[g->date], v, "expected a date and "
		    "time, YYYY-MM-DD HH:MM:SS%s", c->locale != NULL ?
		    " or DD.MM.YYYY HH:MM:SS" : "");

	v = rec->field[g->dist];
	if (csv_is_missing(v))
		return csv_bad(rec, h->name[g->dist], v, "a run without a distance");
	if (csv_parse_number_dec(v, 3, g->dec, &p.dist_milli) != 0)
		return csv_bad(rec, h->name[g->dist], v, "expected a number (km or "
		    "miles)");

	/* Time, else Moving Time, else Elapsed Time. */
	cols[0] = g->time;
	cols[1] = g->moving;
	cols[2] = g->elapsed;
	col = -1;
	for (i = 0; i < 3; i++)
		if (cols[i] >= 0 && !csv_is_missing(rec->field[cols[i]])) {
			col = cols[i];
			break;
		}
	if (col < 0) {
		col = g->time >= 0 ? g->time : g->moving >= 0 ? g->moving :
		    g->elapsed;
		return csv_bad(rec, h->name[col], rec->field[col], "a run without "
		    "a time");
	}
	v = rec->field[col];
	if (csv_garmin_duration(v, &p.r.duration_s) != 0)
		return csv_bad(rec, h->name[col], v, "expected hh:mm:ss");
	/* 0: an accidental recording, which the import counts and skips */
	if (p.r.duration_s != 0 &&
	    range_check(&RANGE_DURATION, p.r.duration_s, v) != 0)
		return csv_bad_here(rec->line, h->name[col], v);

	if (g->hr >= 0 && !csv_is_missing(v = rec->field[g->hr])) {
		if (csv_parse_number_dec(v, 0, g->dec, &x) != 0)
			return csv_bad(rec, h->name[g->hr], v, "expected bpm");
		if (x != 0 && range_check(&RANGE_HR, x, v) != 0)
			return csv_bad_here(rec->line, h->name[g->hr], v);
		p.r.avg_hr = (int)x;
	}
	if (g->ascent >= 0 && !csv_is_missing(v = rec->field[g->ascent])) {
		if (csv_parse_number_dec(v, 0, g->dec, &p.climb) != 0)
			return csv_bad(rec, h->name[g->ascent], v, "expected a "
			    "number (m or ft)");
	}
	if (g->stride >= 0 && !csv_is_missing(v = rec->field[g->stride]) &&
	    csv_parse_number_dec(v, 2, g->dec, &x) == 0 && x > 0) {
		g->strides = xrealloc(g->strides, (g->nstrides + 1) *
		    sizeof *g->strides);
		g->strides[g->nstrides++] = x;
	}
	if (g->pace >= 0 && !csv_is_missing(v = rec->field[g->pace]) &&
	    csv_garmin_duration(v, &x) == 0 && x > 0) {
		g->paces = xrealloc(g->paces, (g->npaces + 1) * sizeof *g->paces);
		g->paces[g->npaces++] = x;
	} else if (p.dist_milli > 0) {
		g->paces = xrealloc(g->paces, (g->npaces + 1) * sizeof *g->paces);
		g->paces[g->npaces++] = p.r.duration_s * 1000 / p.dist_milli;
	}

	if (g->title >= 0 && rec->field[g->title][0] != '\0') {
		p.r.note = xstrdup(rec->field[g->title]);
		csv_clean_text(p.r.note, 0, NOTE_MAX);
	}
	p.r.source = xstrdup("garmin");
	p.r.external_id = xstrdup(rec->field[g->date]);
	csv_clean_text(p.r.external_id, 0, 200);
	p.dist_raw = xstrdup(rec->field[g->dist]);
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->rows = xrealloc(g->rows, g->cap * sizeof *g->rows);
	}
	g->rows[g->n++] = p;
	return 0;
}

static int
cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static int64_t
median(int64_t *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp64);
	return v[n / 2];
}

static void
decide_units(struct import_ctx *c, struct garmin *g)
{
	struct csv_import_report *r = c->r;

	if (c->o->units_given) {
		r->units = c->o->units;
		r->units_how = "as --units says";
	} else if (g->nstrides > 0) {
		/* Strides run 0.5-2 m, which is 1.6-6.6 ft. */
		r->units = median(g->strides, g->nstrides) > 200 ? UNIT_MI : UNIT_KM;
		r->units_how = r->units == UNIT_MI ? "stride lengths are in feet" :
		    "stride lengths are in metres";
	} else if (g->npaces > 0 && median(g->paces, g->npaces) < 270) {
		r->units = UNIT_KM;
		r->units_how = "the paces are only possible per km";
	} else {
		r->units = c->o->default_units;
		r->units_how = "the file does not say; your runlog unit was "
		    "assumed (give --units km or --units mi if that is wrong)";
	}
}

static int
garmin_finish(struct import_ctx *c, void *state, const struct csv_header *h)
{
	struct garmin *g = state;
	size_t i;
	int rc;

	decide_units(c, g);
	for (i = 0; i < g->n; i++) {
		struct pending *p = &g->rows[i];
		const char *dcol = h->name[g->dist];

		if (c->r->units == UNIT_MI) {
			/* miles x 1000 -> metres: x 1609.344 / 1000, rounded */
			p->r.distance_m = (p->dist_milli * 1609344 + 500000) / 1000000;
			if (p->climb >= 0)
				p->r.climb_m = (p->climb * 3048 + 5000) / 10000;
		} else {
			p->r.distance_m = p->dist_milli;
			p->r.climb_m = p->climb;
		}
		if (p->r.distance_m != 0 &&
		    range_check(&RANGE_DISTANCE, p->r.distance_m, NULL) != 0) {
			csv_bad_line(p->line, dcol, p->dist_raw, "distance %s %s: "
			    "must be %s", p->dist_raw, units_distance_name(
			    c->r->units), RANGE_DISTANCE.allowed);
			rc = -1;
		} else if (p->r.climb_m > RANGE_CLIMB.max) {
			char cv[24];
			snprintf(cv, sizeof cv, "%" PRId64, p->climb);
			csv_bad_line(p->line, h->name[g->ascent], cv,
			    "climb: must be %s", RANGE_CLIMB.allowed);
			rc = -1;
		} else {
			rc = import_put(c, ENTRY_RUN, p->line, &p->r);
		}
		if (rc == -2)
			return -1;
		if (rc < 0 && import_refused(c) != 0)
			return -1;
	}
	return 0;
}

static const struct csv_rows_ops garmin_ops = {
	.begin = garmin_begin,
	.row = garmin_row,
	.finish = garmin_finish,
	.free = garmin_free,
};

static int
garmin_read(struct import_ctx *c, struct import_input *in)
{
	return csv_rows(c, in, &garmin_ops);
}

const struct import_format import_garmin = {
	.id = CSV_FMT_GARMIN,
	.name = "garmin",
	.title = "a Garmin Connect export",
	.file = "Garmin Connect (Activities.csv)",
	.sniff = garmin_sniff,
	.read = garmin_read,
};
