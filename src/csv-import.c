/*
 * csv-import: reads a file record by record, recognises its format from
 * the header, and writes every entry through the store inside one batch.
 * A bad row fails the batch (nothing lands) unless skip_bad lists it and
 * goes on. A dry run does all of it and rolls the batch back.
 *
 * This file also reads runlog's own per-entry files. Re-importing any of
 * them adds nothing twice:
 *   - a run with an external id is the same run when (source, external id)
 *     match (the journal's unique key);
 *   - a run without one, and a drink, are the same entry when an entry that
 *     was in the journal before this import has the same day and the same
 *     created_at stamp (the second it was first logged), so an entry edited
 *     since the export is not brought back as a second one; without a
 *     created_at, the same day and values;
 *   - sleep, check-ins and rest days are one per day: the same values are
 *     already there; different values replace the day's entry unless the
 *     journal's was changed later (updated_at), which is kept.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "date.h"
#include "entry.h"
#include "units.h"

static const char *const format_names[] = {
	"auto", "runlog", "strava", "garmin",
};

const char *
csv_format_name(enum csv_format f)
{
	return (unsigned)f <= CSV_FMT_GARMIN ? format_names[f] : "?";
}

int
csv_format_parse(const char *s, enum csv_format *f)
{
	int i;

	for (i = 0; i <= CSV_FMT_GARMIN; i++) {
		if (strcmp(s, format_names[i]) == 0) {
			*f = (enum csv_format)i;
			return 0;
		}
	}
	err_set("--format '%.40s': must be auto, runlog, strava or garmin", s);
	return -1;
}

void
csv_import_report_free(struct csv_import_report *r)
{
	buf_free(&r->bad_list);
}

/* --- shared by the format readers --------------------------------------- */

static void
vbad(long line, const char *col, const char *val, const char *fmt, va_list ap)
{
	char why[512], shown[48];

	vsnprintf(why, sizeof why, fmt, ap);
	if (col == NULL) {
		err_set("line %ld: %s", line, why);
		return;
	}
	snprintf(shown, sizeof shown, "%s", val != NULL ? val : "");
	if (strlen(val != NULL ? val : "") >= sizeof shown)
		memcpy(shown + sizeof shown - 4, "...", 4);
	csv_clean_text(shown, 0, sizeof shown - 1);
	err_set("line %ld, column %s: '%s': %s", line, col, shown, why);
}

int
csv_bad(const struct csv_record *rec, const char *col, const char *val,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vbad(rec->line, col, val, fmt, ap);
	va_end(ap);
	return -1;
}

int
csv_bad_line(long line, const char *col, const char *val, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vbad(line, col, val, fmt, ap);
	va_end(ap);
	return -1;
}

int
csv_row_refused(struct csv_importer *im)
{
	if (!im->o->skip_bad)
		return -1;
	im->r->bad++;
	buf_adds(&im->r->bad_list, err_get());
	buf_addc(&im->r->bad_list, '\n');
	return 0;
}

void
csv_clean_text(char *s, int keep_breaks, size_t max)
{
	unsigned char *r = (unsigned char *)s, *w = (unsigned char *)s;
	size_t n;

	if (s == NULL)
		return;
	if (!keep_breaks) {
		text_sanitize(s);
	} else {
		while (*r != '\0') {
			if ((*r < 0x20 && *r != '\t' && *r != '\n' && *r != '\r') ||
			    *r == 0x7f)
				r++;
			else if (r[0] == 0xc2 && r[1] >= 0x80 && r[1] <= 0x9f)
				r += 2;
			else
				*w++ = *r++;
		}
		*w = '\0';
	}
	n = strlen(s);
	if (n > max) {
		/* Back up to the start of a UTF-8 sequence. */
		while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
			max--;
		s[max] = '\0';
	}
}

void
csv_import_other(struct csv_importer *im, const char *type)
{
	struct csv_import_report *r = im->r;
	char name[40];
	size_t i;

	r->other++;
	snprintf(name, sizeof name, "%s", *type != '\0' ? type : "(no type)");
	csv_clean_text(name, 0, sizeof name - 1);
	for (i = 0; i < r->nsport; i++) {
		if (strcmp(r->sport[i].name, name) == 0) {
			r->sport[i].n++;
			return;
		}
	}
	if (r->nsport < CSV_SPORTS_MAX) {
		snprintf(r->sport[r->nsport].name, sizeof r->sport[0].name, "%s",
		    name);
		r->sport[r->nsport++].n = 1;
	}
}

static int
prepare(struct csv_importer *im, const char *sql, sqlite3_stmt **s)
{
	sqlite3 *db = store_db(im->st);

	if (*s != NULL) {
		sqlite3_reset(*s);
		sqlite3_clear_bindings(*s);
		return 0;
	}
	if (sqlite3_prepare_v2(db, sql, -1, s, NULL) != SQLITE_OK) {
		err_set("%s: %s", store_path(im->st), sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

static void
bind_text_or_null(sqlite3_stmt *s, int i, const char *t)
{
	if (t == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, t, -1, SQLITE_STATIC);
}

/* 1 when s finds a row, 0 when not, -1 on error. */
static int
exists(struct csv_importer *im, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	err_set("%s: %s", store_path(im->st), sqlite3_errmsg(store_db(im->st)));
	return -1;
}

/* A run without an external id that was in the journal before. */
static int
run_known(struct csv_importer *im, const struct run *r)
{
	char day[11];

	if (im->max_id[ENTRY_RUN] == 0)
		return 0;   /* the journal had no runs: nothing to match */
	if (prepare(im, "SELECT 1 FROM run WHERE day = ?1 AND id <= ?2 AND "
	    "external_id IS NULL AND source = ?3 AND CASE WHEN ?4 IS NULL "
	    "THEN distance_m = ?5 AND duration_s = ?6 ELSE created_at = ?4 END",
	    &im->dup_run) != 0)
		return -1;
	sqlite3_bind_text(im->dup_run, 1, date_format(r->day, day), 10,
	    SQLITE_STATIC);
	sqlite3_bind_int64(im->dup_run, 2, im->max_id[ENTRY_RUN]);
	bind_text_or_null(im->dup_run, 3, r->source ? r->source : "runlog");
	bind_text_or_null(im->dup_run, 4, r->created_at);
	sqlite3_bind_int64(im->dup_run, 5, r->distance_m);
	sqlite3_bind_int64(im->dup_run, 6, r->duration_s);
	return exists(im, im->dup_run);
}

static int
drink_known(struct csv_importer *im, const struct drink *d)
{
	char day[11];

	if (im->max_id[ENTRY_DRINK] == 0)
		return 0;
	if (prepare(im, "SELECT 1 FROM drink WHERE day = ?1 AND id <= ?2 AND "
	    "CASE WHEN ?3 IS NULL THEN volume_ml = ?4 AND electrolytes = ?5 "
	    "ELSE created_at = ?3 END", &im->dup_drink) != 0)
		return -1;
	sqlite3_bind_text(im->dup_drink, 1, date_format(d->day, day), 10,
	    SQLITE_STATIC);
	sqlite3_bind_int64(im->dup_drink, 2, im->max_id[ENTRY_DRINK]);
	bind_text_or_null(im->dup_drink, 3, d->created_at);
	sqlite3_bind_int64(im->dup_drink, 4, d->volume_ml);
	sqlite3_bind_int(im->dup_drink, 5, d->electrolytes != 0);
	return exists(im, im->dup_drink);
}

static int
future(struct csv_importer *im, long line, int day)
{
	char d[11];

	if (day <= im->today)
		return 0;
	return csv_bad_line(line, "date", date_format(day, d), "is in the "
	    "future; entries are for today or earlier");
}

int
csv_import_run(struct csv_importer *im, long line, struct run *r)
{
	int rc;

	if (future(im, line, r->day) != 0)
		return -1;
	if (run_validate(r) != 0) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", err_get());
		return csv_bad_line(line, NULL, NULL, "%s", msg);
	}
	if (r->external_id == NULL) {
		if ((rc = run_known(im, r)) < 0)
			return -2;
		if (rc == 1) {
			im->r->already++;
			return 0;
		}
	}
	rc = store_add_run(im->st, r);
	if (rc < 0)
		return -2;
	if (rc == 1)
		im->r->already++;
	else
		im->r->added++;
	return 0;
}

/* --- runlog's own files ------------------------------------------------- */

#define OWN_COLS_MAX 32

struct own {
	enum csv_what kind;
	int col[OWN_COLS_MAX];  /* index in the file of each of csv_columns() */
};

/* The cell of the kind's i-th column. */
#define CELL(o, rec, i) ((rec)->field[(o)->col[i]])

static const char *
colname(const struct own *o, int i)
{
	return csv_columns(o->kind)[i];
}

/* "YYYY-MM-DD" at s (exactly ten characters there); -1 when not a day. */
static int
parse_ymd(const char *s, int *day)
{
	int y, m, d, i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (!date_valid_ymd(y, m, d))
		return -1;
	*day = date_from_ymd(y, m, d);
	return 0;
}

static int
own_day(const struct own *o, const struct csv_record *rec, int i, int *day)
{
	const char *s = CELL(o, rec, i);

	if (strlen(s) != 10 || parse_ymd(s, day) != 0)
		return csv_bad(rec, colname(o, i), s, "expected a date, "
		    "YYYY-MM-DD");
	return 0;
}

/* An integer cell checked against a range; empty gives none (optional). */
static int
own_int(const struct own *o, const struct csv_record *rec, int i,
    const struct field_range *rg, int optional, int64_t none, int64_t *v)
{
	const char *s = CELL(o, rec, i);

	if (*s == '\0' && optional) {
		*v = none;
		return 0;
	}
	if (units_parse_int(s, v) != 0)
		return csv_bad(rec, colname(o, i), s, "expected a whole number%s",
		    optional ? " or an empty cell" : "");
	if (rg != NULL && range_check(rg, *v, s) != 0) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s", err_get());
		return csv_bad(rec, colname(o, i), s, "%s", msg);
	}
	return 0;
}

/* A decimal with up to three places, scaled by 1000 (km -> m, kg -> g). */
static int
own_milli(const struct own *o, const struct csv_record *rec, int i,
    const struct field_range *rg, int optional, int64_t *v)
{
	const char *s = CELL(o, rec, i);

	if (*s == '\0' && optional) {
		*v = 0;
		return 0;
	}
	if (units_parse_decimal(s, 3, v) != 0)
		return csv_bad(rec, colname(o, i), s, "expected a number with at "
		    "most three decimals");
	if (range_check(rg, *v, s) != 0) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s", err_get());
		return csv_bad(rec, colname(o, i), s, "%s", msg);
	}
	return 0;
}

static int
own_bool(const struct own *o, const struct csv_record *rec, int i, int *v)
{
	const char *s = CELL(o, rec, i);

	if (strcasecmp(s, "yes") == 0 || strcasecmp(s, "true") == 0 ||
	    strcmp(s, "1") == 0)
		*v = 1;
	else if (strcasecmp(s, "no") == 0 || strcasecmp(s, "false") == 0 ||
	    strcmp(s, "0") == 0 || *s == '\0')
		*v = 0;
	else
		return csv_bad(rec, colname(o, i), s, "expected yes or no");
	return 0;
}

/* "YYYY-MM-DD HH:MM:SS" (UTC), or empty for now. */
static int
own_stamp(const struct own *o, const struct csv_record *rec, int i, char **out)
{
	const char *s = CELL(o, rec, i);
	int day, k;

	*out = NULL;
	if (*s == '\0')
		return 0;
	if (strlen(s) != 19 || s[10] != ' ' || s[13] != ':' || s[16] != ':' ||
	    parse_ymd(s, &day) != 0)
		goto bad;
	for (k = 11; k < 19; k++)
		if (k != 13 && k != 16 && (s[k] < '0' || s[k] > '9'))
			goto bad;
	if (s[11] > '2' || (s[11] == '2' && s[12] > '3') || s[14] > '5' ||
	    s[17] > '6' || (s[17] == '6' && s[18] != '0'))
		goto bad;
	*out = xstrdup(s);
	return 0;
bad:
	return csv_bad(rec, colname(o, i), s, "expected a time stamp "
	    "YYYY-MM-DD HH:MM:SS (UTC) or an empty cell");
}

/* Free text: the export's neutralising prefix undone, controls removed. */
static int
own_text(const struct own *o, const struct csv_record *rec, int i, char **out)
{
	char *s = CELL(o, rec, i);

	*out = NULL;
	if (*s == '\0')
		return 0;
	csv_text_restore(s);
	csv_clean_text(s, 1, (size_t)-1);
	if (strlen(s) > NOTE_MAX)
		return csv_bad(rec, colname(o, i), s, "%zu bytes, at most %d "
		    "allowed", strlen(s), NOTE_MAX);
	*out = xstrdup(s);
	return 0;
}

/* Identity of optional text for comparisons: NULL and "" are alike. */
static int
same_text(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/*
 * What to do with a day's entry when the journal has one: 0 nothing (the
 * same), 1 replace, 2 keep the journal's (changed after the file's).
 */
static int
day_decision(int same, const char *ours, const char *theirs)
{
	if (same)
		return 0;
	if (ours != NULL && theirs != NULL && strcmp(ours, theirs) > 0)
		return 2;
	return 1;
}

static int
count_put(struct csv_importer *im, int had, int decision)
{
	if (!had)
		im->r->added++;
	else if (decision == 0)
		im->r->already++;
	else if (decision == 2)
		im->r->kept++;
	else
		im->r->replaced++;
	return 0;
}

static int
own_run(struct csv_importer *im, struct own *o, const struct csv_record *rec)
{
	struct run r;
	int64_t v;
	int rc = -1;

	memset(&r, 0, sizeof r);
	if (own_day(o, rec, 0, &r.day) || own_milli(o, rec, 1, &RANGE_DISTANCE,
	    0, &r.distance_m) || own_int(o, rec, 2, &RANGE_DURATION, 0, 0,
	    &r.duration_s) || own_int(o, rec, 3, &RANGE_RPE, 1, 0, &v))
		goto out;
	r.rpe = (int)v;
	if (run_type_parse(CELL(o, rec, 4), &r.type) != 0) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s", err_get());
		csv_bad(rec, colname(o, 4), CELL(o, rec, 4), "%s", msg);
		goto out;
	}
	if (own_int(o, rec, 5, &RANGE_HR, 1, 0, &v))
		goto out;
	r.avg_hr = (int)v;
	if (own_int(o, rec, 6, &RANGE_CLIMB, 1, -1, &r.climb_m) ||
	    own_milli(o, rec, 7, &RANGE_MASS, 1, &r.mass_before_g) ||
	    own_milli(o, rec, 8, &RANGE_MASS, 1, &r.mass_after_g) ||
	    own_text(o, rec, 9, &r.note) || own_text(o, rec, 10, &r.source) ||
	    own_text(o, rec, 11, &r.external_id) ||
	    own_stamp(o, rec, 12, &r.created_at) ||
	    own_stamp(o, rec, 13, &r.updated_at))
		goto out;
	if (r.source == NULL)
		r.source = xstrdup("runlog");
	rc = csv_import_run(im, rec->line, &r);
out:
	run_free(&r);
	return rc;
}

static int
own_sleep(struct csv_importer *im, struct own *o, const struct csv_record *rec)
{
	struct sleep s, *old = NULL;
	size_t n = 0;
	int64_t v;
	int rc = -1, dec = 1;

	memset(&s, 0, sizeof s);
	if (own_day(o, rec, 0, &s.day) ||
	    own_int(o, rec, 1, &RANGE_SLEEP, 0, 0, &s.minutes) ||
	    own_int(o, rec, 2, &RANGE_QUALITY, 1, 0, &v))
		goto out;
	s.quality = (int)v;
	if (own_text(o, rec, 3, &s.note) || own_stamp(o, rec, 4, &s.created_at) ||
	    own_stamp(o, rec, 5, &s.updated_at) || future(im, rec->line, s.day))
		goto out;
	if (store_sleeps(im->st, s.day, s.day, &old, &n) != 0) {
		rc = -2;
		goto out;
	}
	if (n > 0)
		dec = day_decision(old->minutes == s.minutes &&
		    old->quality == s.quality && same_text(old->note, s.note),
		    old->updated_at, s.updated_at);
	if (dec == 1 && store_put_sleep(im->st, &s, NULL) != 0) {
		rc = -2;
		goto out;
	}
	rc = count_put(im, n > 0, dec);
out:
	sleep_list_free(old, n);
	sleep_free(&s);
	return rc;
}

static int
own_drink(struct csv_importer *im, struct own *o, const struct csv_record *rec)
{
	struct drink d;
	int rc = -1;

	memset(&d, 0, sizeof d);
	if (own_day(o, rec, 0, &d.day) ||
	    own_int(o, rec, 1, &RANGE_VOLUME, 0, 0, &d.volume_ml) ||
	    own_bool(o, rec, 2, &d.electrolytes) ||
	    own_stamp(o, rec, 3, &d.created_at) ||
	    own_stamp(o, rec, 4, &d.updated_at) || future(im, rec->line, d.day))
		goto out;
	if ((rc = drink_known(im, &d)) < 0) {
		rc = -2;
		goto out;
	}
	if (rc == 1) {
		im->r->already++;
		rc = 0;
		goto out;
	}
	if (store_add_drink(im->st, &d) != 0) {
		rc = -2;
		goto out;
	}
	im->r->added++;
out:
	drink_free(&d);
	return rc;
}

static int
own_checkin(struct csv_importer *im, struct own *o,
    const struct csv_record *rec)
{
	struct checkin c, *old = NULL;
	size_t n = 0;
	int64_t f, so, mo, stv, rhr;
	int rc = -1, dec = 1;

	memset(&c, 0, sizeof c);
	if (own_day(o, rec, 0, &c.day) ||
	    own_int(o, rec, 1, &RANGE_FATIGUE, 0, 0, &f) ||
	    own_int(o, rec, 2, &RANGE_SORENESS, 1, 0, &so) ||
	    own_int(o, rec, 3, &RANGE_MOOD, 1, 0, &mo) ||
	    own_int(o, rec, 4, &RANGE_STRESS, 1, 0, &stv) ||
	    own_int(o, rec, 5, &RANGE_HR, 1, 0, &rhr) ||
	    own_bool(o, rec, 6, &c.ill) || own_bool(o, rec, 7, &c.pain) ||
	    own_bool(o, rec, 8, &c.swelling) || own_bool(o, rec, 9, &c.numbness) ||
	    own_bool(o, rec, 10, &c.no_weight) || own_text(o, rec, 11, &c.note) ||
	    own_stamp(o, rec, 12, &c.created_at) ||
	    own_stamp(o, rec, 13, &c.updated_at) || future(im, rec->line, c.day))
		goto out;
	c.fatigue = (int)f;
	c.soreness = (int)so;
	c.mood = (int)mo;
	c.stress = (int)stv;
	c.rhr = (int)rhr;
	if (store_checkins(im->st, c.day, c.day, &old, &n) != 0) {
		rc = -2;
		goto out;
	}
	if (n > 0)
		dec = day_decision(old->fatigue == c.fatigue &&
		    old->soreness == c.soreness && old->mood == c.mood &&
		    old->stress == c.stress && old->rhr == c.rhr &&
		    old->ill == c.ill && old->pain == c.pain &&
		    old->swelling == c.swelling && old->numbness == c.numbness &&
		    old->no_weight == c.no_weight && same_text(old->note, c.note),
		    old->updated_at, c.updated_at);
	if (dec == 1 && store_put_checkin(im->st, &c, NULL) != 0) {
		rc = -2;
		goto out;
	}
	rc = count_put(im, n > 0, dec);
out:
	checkin_list_free(old, n);
	checkin_free(&c);
	return rc;
}

static int
own_rest(struct csv_importer *im, struct own *o, const struct csv_record *rec)
{
	struct rest x, *old = NULL;
	size_t n = 0;
	int rc = -1, dec = 1;

	memset(&x, 0, sizeof x);
	if (own_day(o, rec, 0, &x.day) || own_text(o, rec, 1, &x.note) ||
	    own_stamp(o, rec, 2, &x.created_at) ||
	    own_stamp(o, rec, 3, &x.updated_at) || future(im, rec->line, x.day))
		goto out;
	if (store_rests(im->st, x.day, x.day, &old, &n) != 0) {
		rc = -2;
		goto out;
	}
	if (n > 0)
		dec = day_decision(same_text(old->note, x.note), old->updated_at,
		    x.updated_at);
	if (dec == 1 && store_put_rest(im->st, &x, NULL) != 0) {
		rc = -2;
		goto out;
	}
	rc = count_put(im, n > 0, dec);
out:
	rest_list_free(old, n);
	rest_free(&x);
	return rc;
}

static int
own_row(struct csv_importer *im, const struct csv_record *rec)
{
	struct own *o = im->fmt;

	switch (o->kind) {
	case CSV_RUNS:      return own_run(im, o, rec);
	case CSV_SLEEP:     return own_sleep(im, o, rec);
	case CSV_HYDRATION: return own_drink(im, o, rec);
	case CSV_FATIGUE:   return own_checkin(im, o, rec);
	case CSV_REST:      return own_rest(im, o, rec);
	default:            return csv_bad(rec, NULL, NULL, "cannot import");
	}
}

static void
own_cleanup(struct csv_importer *im)
{
	free(im->fmt);
	im->fmt = NULL;
}

/* The kind whose columns the header has, all and only them; -1. */
static int
own_kind(const struct csv_header *h, int *col)
{
	int k, i, n;

	for (k = 0; k < CSV_WHAT_COUNT; k++) {
		const char *const *c = csv_columns((enum csv_what)k);
		for (n = 0; c[n] != NULL; n++)
			;
		if ((size_t)n != h->n || n > OWN_COLS_MAX)
			continue;
		for (i = 0; i < n; i++)
			if ((col[i] = csv_header_find(h, c[i], 1)) < 0)
				break;
		if (i == n)
			return k;
	}
	return -1;
}

static int
own_begin(struct csv_importer *im)
{
	struct own o;
	int k = own_kind(&im->hdr, o.col);

	if (k < 0) {
		err_set("line 1: not a runlog export (runlog's files start with "
		    "the columns of 'runlog export --what runs|sleep|hydration|"
		    "fatigue|rest')");
		return -1;
	}
	if (k == CSV_DAYS) {
		err_set("line 1: this is runlog's days report, which is for "
		    "reading, not importing; export --what runs, sleep, hydration, "
		    "fatigue and rest to move a journal");
		return -1;
	}
	o.kind = (enum csv_what)k;
	im->r->kind = o.kind;
	im->fmt = xmalloc(sizeof o);
	memcpy(im->fmt, &o, sizeof o);
	im->row = own_row;
	im->cleanup = own_cleanup;
	return 0;
}

/* --- the import --------------------------------------------------------- */

struct session {
	struct csv_importer im;
	int have_header;
	int begun;        /* the store batch is open */
	int fatal;        /* a store error: stop whatever skip_bad says */
};

/* English headers first; a localised one sets h->key and *locale. */
static enum csv_format
detect(struct csv_header *h, const struct csv_locale **locale)
{
	*locale = NULL;
	if (csv_strava_detect(h))
		return CSV_FMT_STRAVA;
	if (csv_garmin_detect(h))
		return CSV_FMT_GARMIN;
	if (h->n > 0 && strcmp(h->name[0], "date") == 0)
		return CSV_FMT_RUNLOG;
	if ((*locale = csv_l10n_detect(h)) != NULL)
		return (*locale)->format;
	return CSV_FMT_AUTO;
}

static int64_t
max_id(struct store *st, const char *table)
{
	char sql[64];
	sqlite3_stmt *s;
	int64_t v = -1;

	snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM %s", table);
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static int
on_header(struct session *ss, const struct csv_record *rec)
{
	struct csv_importer *im = &ss->im;
	enum csv_format f;
	static const char *const tables[ENTRY_KIND_COUNT] = {
		"run", "sleep", "drink", "checkin", "rest",
	};
	int rc, k;

	csv_header_init(&im->hdr, rec);
	f = detect(&im->hdr, &im->r->locale);
	if (im->o->format != CSV_FMT_AUTO && f != im->o->format) {
		err_set("line 1: the header is not that of a %s file%s%s%s",
		    csv_format_name(im->o->format), f != CSV_FMT_AUTO ?
		    "; it looks like a " : "",
		    f != CSV_FMT_AUTO ? csv_format_name(f) : "",
		    f != CSV_FMT_AUTO ? " file" : "");
		return -1;
	}
	im->r->format = f;
	switch (f) {
	case CSV_FMT_STRAVA: rc = csv_strava_begin(im); break;
	case CSV_FMT_GARMIN: rc = csv_garmin_begin(im); break;
	case CSV_FMT_RUNLOG: rc = own_begin(im); break;
	default: {
		char first[48];
		snprintf(first, sizeof first, "%s", im->hdr.n ? im->hdr.name[0] : "");
		csv_clean_text(first, 0, sizeof first - 1);
		err_set("line 1: unknown header (first column '%s'): not a runlog, "
		    "Strava (activities.csv) or Garmin Connect (Activities.csv) "
		    "export; runlog reads %s (for another language, switch the "
		    "account to English and export again)", first,
		    csv_l10n_languages());
		return -1;
	}
	}
	if (rc != 0)
		return -1;
	/* A page cache that holds a lifetime's import, so that nothing spills
	 * to the log before the commit; the connection ends with the command. */
	sqlite3_exec(store_db(im->st), "PRAGMA cache_size = -65536", NULL, NULL,
	    NULL);
	if (store_begin(im->st, im->o->label ? im->o->label : "import") != 0)
		return -1;
	ss->begun = 1;
	for (k = 0; k < ENTRY_KIND_COUNT; k++)
		if ((im->max_id[k] = max_id(im->st, tables[k])) < 0) {
			err_set("%s: cannot read the journal", store_path(im->st));
			return -1;
		}
	ss->have_header = 1;
	return 0;
}

static int
on_record(const struct csv_record *rec, void *arg)
{
	struct session *ss = arg;
	struct csv_importer *im = &ss->im;
	int rc;

	if (!ss->have_header)
		return on_header(ss, rec);
	im->r->rows++;
	if (rec->n != im->hdr.n) {
		csv_bad(rec, NULL, NULL, "%zu fields where the header has %zu",
		    rec->n, im->hdr.n);
		return csv_row_refused(im);
	}
	rc = im->row(im, rec);
	if (rc == -2) {
		ss->fatal = 1;    /* the journal itself failed */
		return -1;
	}
	if (rc < 0)
		return csv_row_refused(im);
	return 0;
}

int
csv_import(struct store *st, FILE *f, const struct csv_import_opts *o,
    int dry_run, struct csv_import_report *r)
{
	struct session ss;
	int rc;

	memset(r, 0, sizeof *r);
	buf_init(&r->bad_list);
	memset(&ss, 0, sizeof ss);
	ss.im.st = st;
	ss.im.o = o;
	ss.im.r = r;
	ss.im.today = date_today();
	rc = csv_read(f, on_record, &ss);
	if (rc == 0 && !ss.have_header) {
		err_set("the file is empty: no header, no rows");
		rc = -1;
	}
	if (rc == 0 && ss.im.finish != NULL && ss.im.finish(&ss.im) != 0)
		rc = -1;
	sqlite3_finalize(ss.im.dup_run);
	sqlite3_finalize(ss.im.dup_drink);
	if (ss.begun) {
		if (rc != 0 || dry_run) {
			store_rollback(st);
		} else if (store_commit(st) != 0) {
			rc = -1;
		}
	}
	if (ss.im.cleanup != NULL)
		ss.im.cleanup(&ss.im);
	csv_header_free(&ss.im.hdr);
	return rc;
}
