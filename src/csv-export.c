/*
 * csv-export: one file per kind of entry, every field of every entry, in
 * stored units named in the column (distance_km with three decimals is
 * exact to the metre, masses in kg to the gram), plus the days report.
 *
 * Entry ids are not exported: they are the journal's local handles, and a
 * file imported into another journal gets new ones. Everything else is,
 * including source, external id and the UTC created_at/updated_at stamps,
 * so that export, import into an empty journal, export gives the same
 * bytes. Rest days have their own file (--what rest).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "date.h"
#include "entry.h"
#include "series.h"
#include "util.h"

static const char *const what_names[CSV_WHAT_COUNT] = {
	"days", "runs", "sleep", "hydration", "fatigue", "rest",
};

const char *
csv_what_name(enum csv_what w)
{
	return (unsigned)w < CSV_WHAT_COUNT ? what_names[w] : "?";
}

int
csv_what_parse(const char *s, enum csv_what *w)
{
	int i;

	for (i = 0; i < CSV_WHAT_COUNT; i++) {
		if (strcmp(s, what_names[i]) == 0) {
			*w = (enum csv_what)i;
			return 0;
		}
	}
	err_set("--what '%.40s': must be one of days, runs, sleep, hydration, "
	    "fatigue, rest", s);
	return -1;
}

static const char *const cols_days[] = {
	"date", "weekday", "runs", "distance_km", "duration_s", "load_au",
	"climb_m", "sleep_min", "sleep_quality_1_5", "fluid_ml", "drinks",
	"fatigue_1_10", "soreness_1_10", "mood_1_5", "stress_1_5",
	"resting_hr_bpm", "ill", "sharp_pain", "swelling", "numbness",
	"cannot_bear_weight", "rest_day", "acwr", "monotony", "flags", NULL,
};
static const char *const cols_runs[] = {
	"date", "distance_km", "duration_s", "rpe_1_10", "type", "avg_hr_bpm",
	"climb_m", "mass_before_kg", "mass_after_kg", "note", "source",
	"external_id", "created_at", "updated_at", NULL,
};
static const char *const cols_sleep[] = {
	"date", "sleep_min", "quality_1_5", "note", "created_at", "updated_at",
	NULL,
};
static const char *const cols_hydration[] = {
	"date", "volume_ml", "electrolytes", "created_at", "updated_at", NULL,
};
static const char *const cols_fatigue[] = {
	"date", "fatigue_1_10", "soreness_1_10", "mood_1_5", "stress_1_5",
	"resting_hr_bpm", "ill", "sharp_pain", "swelling", "numbness",
	"cannot_bear_weight", "note", "created_at", "updated_at", NULL,
};
static const char *const cols_rest[] = {
	"date", "rest_note", "created_at", "updated_at", NULL,
};
static const char *const *const columns[CSV_WHAT_COUNT] = {
	cols_days, cols_runs, cols_sleep, cols_hydration, cols_fatigue,
	cols_rest,
};

const char *const *
csv_columns(enum csv_what w)
{
	return columns[(unsigned)w < CSV_WHAT_COUNT ? w : CSV_DAYS];
}

static void
put_header(struct csv_writer *w, enum csv_what what)
{
	const char *const *c = csv_columns(what);

	for (; *c != NULL; c++)
		csv_put_value(w, *c);
	csv_end_row(w);
}

static void
put_day(struct csv_writer *w, int day)
{
	char d[11];

	csv_put_value(w, date_format(day, d));
}

/* An optional integer: 'none' is written as an empty cell. */
static void
put_opt(struct csv_writer *w, int64_t v, int64_t none)
{
	if (v == none)
		csv_put_empty(w);
	else
		csv_put_int(w, v);
}

static void
put_bool(struct csv_writer *w, int v)
{
	csv_put_value(w, v ? "yes" : "no");
}

static int
export_runs(struct store *st, struct csv_writer *w, int from, int to,
    size_t *rows)
{
	struct run *v;
	size_t n, i;

	if (store_runs(st, from, to, &v, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		const struct run *r = &v[i];
		put_day(w, r->day);
		csv_put_fixed(w, r->distance_m, 3);
		csv_put_int(w, r->duration_s);
		put_opt(w, r->rpe, 0);
		csv_put_value(w, run_type_name(r->type));
		put_opt(w, r->avg_hr, 0);
		put_opt(w, r->climb_m, -1);
		if (r->mass_before_g != 0)
			csv_put_fixed(w, r->mass_before_g, 3);
		else
			csv_put_empty(w);
		if (r->mass_after_g != 0)
			csv_put_fixed(w, r->mass_after_g, 3);
		else
			csv_put_empty(w);
		csv_put_text(w, r->note);
		csv_put_text(w, r->source);
		csv_put_text(w, r->external_id);
		csv_put_value(w, r->created_at);
		csv_put_value(w, r->updated_at);
		csv_end_row(w);
	}
	*rows = n;
	run_list_free(v, n);
	return 0;
}

static int
export_sleep(struct store *st, struct csv_writer *w, int from, int to,
    size_t *rows)
{
	struct sleep *v;
	size_t n, i;

	if (store_sleeps(st, from, to, &v, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		put_day(w, v[i].day);
		csv_put_int(w, v[i].minutes);
		put_opt(w, v[i].quality, 0);
		csv_put_text(w, v[i].note);
		csv_put_value(w, v[i].created_at);
		csv_put_value(w, v[i].updated_at);
		csv_end_row(w);
	}
	*rows = n;
	sleep_list_free(v, n);
	return 0;
}

static int
export_drinks(struct store *st, struct csv_writer *w, int from, int to,
    size_t *rows)
{
	struct drink *v;
	size_t n, i;

	if (store_drinks(st, from, to, &v, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		put_day(w, v[i].day);
		csv_put_int(w, v[i].volume_ml);
		put_bool(w, v[i].electrolytes);
		csv_put_value(w, v[i].created_at);
		csv_put_value(w, v[i].updated_at);
		csv_end_row(w);
	}
	*rows = n;
	drink_list_free(v, n);
	return 0;
}

static int
export_checkins(struct store *st, struct csv_writer *w, int from, int to,
    size_t *rows)
{
	struct checkin *v;
	size_t n, i;

	if (store_checkins(st, from, to, &v, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		const struct checkin *c = &v[i];
		put_day(w, c->day);
		csv_put_int(w, c->fatigue);
		put_opt(w, c->soreness, 0);
		put_opt(w, c->mood, 0);
		put_opt(w, c->stress, 0);
		put_opt(w, c->rhr, 0);
		put_bool(w, c->ill);
		put_bool(w, c->pain);
		put_bool(w, c->swelling);
		put_bool(w, c->numbness);
		put_bool(w, c->no_weight);
		csv_put_text(w, c->note);
		csv_put_value(w, c->created_at);
		csv_put_value(w, c->updated_at);
		csv_end_row(w);
	}
	*rows = n;
	checkin_list_free(v, n);
	return 0;
}

static int
export_rests(struct store *st, struct csv_writer *w, int from, int to,
    size_t *rows)
{
	struct rest *v;
	size_t n, i;

	if (store_rests(st, from, to, &v, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		put_day(w, v[i].day);
		csv_put_text(w, v[i].note);
		csv_put_value(w, v[i].created_at);
		csv_put_value(w, v[i].updated_at);
		csv_end_row(w);
	}
	*rows = n;
	rest_list_free(v, n);
	return 0;
}

/* Every entry of a day range, read once, walked day by day. */
struct day_data {
	struct run     *runs;     size_t nruns,     ir;
	struct sleep   *sleeps;   size_t nsleeps,   is;
	struct drink   *drinks;   size_t ndrinks,   id;
	struct checkin *checkins; size_t ncheckins, ic;
	struct rest    *rests;    size_t nrests,    ix;
};

static void
day_data_free(struct day_data *d)
{
	run_list_free(d->runs, d->nruns);
	sleep_list_free(d->sleeps, d->nsleeps);
	drink_list_free(d->drinks, d->ndrinks);
	checkin_list_free(d->checkins, d->ncheckins);
	rest_list_free(d->rests, d->nrests);
}

/* A computed number with the given decimals; empty when below 0 (unknown). */
static void
put_real(struct csv_writer *w, double v, int decimals)
{
	double scale = decimals == 1 ? 10 : 100;

	if (v < 0)
		csv_put_empty(w);
	else
		csv_put_fixed(w, (int64_t)llround(v * scale), decimals);
}

/* The ids of the flags that hold on the day, space separated. */
static void
put_flags(struct csv_writer *w, const struct series *se,
    const struct an_params *p, int day)
{
	struct an_flag f[AN_FLAGS_MAX];
	struct buf b;
	int i, n = series_flags(se, p, day, f);

	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, an_flag_name(f[i].id));
	}
	csv_put_value(w, b.data);
	buf_free(&b);
}

/*
 * The days report: every day from the first entry to the last (within
 * from..to) with the day's totals, what the analysis computes for it (load,
 * ACWR, monotony) and the ids of the flags that hold on it, with cfg's
 * thresholds. A day without a check-in has empty check-in cells, not 0.
 */
int
csv_export_days(struct store *st, const struct config *cfg,
    struct csv_writer *w, int from, int to, size_t *rows)
{
	struct day_data d;
	struct series se;
	int first, last, day, rc;

	*rows = 0;
	if ((rc = store_span(st, &first, &last)) < 0)
		return -1;
	if (rc == 1)
		return 0;       /* an empty journal: the header alone */
	if (from < first)
		from = first;
	if (to > last)
		to = last;
	if (from > to)
		return 0;
	if (series_load(st, from, to, &cfg->an, &se) != 0)
		return -1;
	memset(&d, 0, sizeof d);
	if (store_runs(st, from, to, &d.runs, &d.nruns) != 0 ||
	    store_sleeps(st, from, to, &d.sleeps, &d.nsleeps) != 0 ||
	    store_drinks(st, from, to, &d.drinks, &d.ndrinks) != 0 ||
	    store_checkins(st, from, to, &d.checkins, &d.ncheckins) != 0 ||
	    store_rests(st, from, to, &d.rests, &d.nrests) != 0) {
		day_data_free(&d);
		series_free(&se);
		return -1;
	}
	for (day = from; day <= to; day++) {
		int64_t dist = 0, dur = 0, climb = 0, fluid = 0;
		int nruns = 0, ndrinks = 0, any_climb = 0;
		const struct sleep *sl = NULL;
		const struct checkin *c = NULL;
		const struct an_metrics *m = series_metrics(&se, day);
		int rest = 0;

		for (; d.ir < d.nruns && d.runs[d.ir].day == day; d.ir++) {
			nruns++;
			dist += d.runs[d.ir].distance_m;
			dur += d.runs[d.ir].duration_s;
			if (d.runs[d.ir].climb_m >= 0) {
				climb += d.runs[d.ir].climb_m;
				any_climb = 1;
			}
		}
		for (; d.id < d.ndrinks && d.drinks[d.id].day == day; d.id++) {
			ndrinks++;
			fluid += d.drinks[d.id].volume_ml;
		}
		if (d.is < d.nsleeps && d.sleeps[d.is].day == day)
			sl = &d.sleeps[d.is++];
		if (d.ic < d.ncheckins && d.checkins[d.ic].day == day)
			c = &d.checkins[d.ic++];
		if (d.ix < d.nrests && d.rests[d.ix].day == day) {
			rest = 1;
			d.ix++;
		}
		put_day(w, day);
		csv_put_value(w, date_weekday_name(day));
		csv_put_int(w, nruns);
		csv_put_fixed(w, dist, 3);
		csv_put_int(w, dur);
		put_real(w, m != NULL ? m->load : -1, 1);
		if (any_climb)
			csv_put_int(w, climb);
		else
			csv_put_empty(w);
		if (sl != NULL) {
			csv_put_int(w, sl->minutes);
			put_opt(w, sl->quality, 0);
		} else {
			csv_put_empty(w);
			csv_put_empty(w);
		}
		if (ndrinks > 0)
			csv_put_int(w, fluid);
		else
			csv_put_empty(w);
		csv_put_int(w, ndrinks);
		if (c != NULL) {
			csv_put_int(w, c->fatigue);
			put_opt(w, c->soreness, 0);
			put_opt(w, c->mood, 0);
			put_opt(w, c->stress, 0);
			put_opt(w, c->rhr, 0);
			put_bool(w, c->ill);
			put_bool(w, c->pain);
			put_bool(w, c->swelling);
			put_bool(w, c->numbness);
			put_bool(w, c->no_weight);
		} else {
			int k;
			for (k = 0; k < 10; k++)
				csv_put_empty(w);
		}
		put_bool(w, rest);
		put_real(w, m != NULL ? m->acwr : -1, 2);
		put_real(w, m != NULL ? m->monotony : -1, 2);
		put_flags(w, &se, &cfg->an, day);
		csv_end_row(w);
		(*rows)++;
	}
	day_data_free(&d);
	series_free(&se);
	return 0;
}

int
csv_export(struct store *st, const struct config *cfg, enum csv_what what,
    int from, int to, FILE *f, size_t *rows)
{
	struct csv_writer w;
	int rc = -1;

	*rows = 0;
	csv_writer_init(&w, f);
	put_header(&w, what);
	switch (what) {
	case CSV_RUNS:      rc = export_runs(st, &w, from, to, rows); break;
	case CSV_SLEEP:     rc = export_sleep(st, &w, from, to, rows); break;
	case CSV_HYDRATION: rc = export_drinks(st, &w, from, to, rows); break;
	case CSV_FATIGUE:   rc = export_checkins(st, &w, from, to, rows); break;
	case CSV_REST:      rc = export_rests(st, &w, from, to, rows); break;
	case CSV_DAYS:      rc = csv_export_days(st, cfg, &w, from, to, rows); break;
	default:            err_set("unknown kind of export"); break;
	}
	if (rc != 0) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", err_get());
		csv_writer_finish(&w);
		err_set("%s", msg);
		return -1;
	}
	return csv_writer_finish(&w);
}

const char *
csv_what_noun(enum csv_what w, size_t n)
{
	switch (w) {
	case CSV_DAYS:      return n == 1 ? "day" : "days";
	case CSV_RUNS:      return n == 1 ? "run" : "runs";
	case CSV_SLEEP:     return n == 1 ? "sleep entry" : "sleep entries";
	case CSV_HYDRATION: return n == 1 ? "drink" : "drinks";
	case CSV_FATIGUE:   return n == 1 ? "check-in" : "check-ins";
	case CSV_REST:      return n == 1 ? "rest day" : "rest days";
	default:            return "rows";
	}
}

/*
 * Writes the export to a temporary file beside path (mode 0600: it is
 * health data), synced, then renamed over path: path is never half-written.
 */
int
csv_export_file(struct store *st, const struct config *cfg,
    enum csv_what what, int from, int to, const char *path, size_t *rows)
{
	char *dir, *tmp;
	const char *base;
	FILE *f = NULL;
	int fd, rc = -1;

	/* The rename below would put the CSV in place of the journal. */
	if (store_path_is_journal(store_path(st), path)) {
		err_set("%s: that is the journal itself; give another file name",
		    path);
		return -1;
	}
	base = path_base(path);
	if (*base == '\0') {
		err_set("%s: a directory; give a file name", path);
		return -1;
	}
	dir = path_dir(path);
	tmp = xasprintf("%s/.%s.XXXXXX", dir, base);
	if ((fd = mkstemp(tmp)) < 0) {
		err_set("cannot write in %s: %s", dir, strerror(errno));
		goto out;
	}
	fchmod(fd, 0600);
	if ((f = fdopen(fd, "w")) == NULL) {
		err_set("%s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (csv_export(st, cfg, what, from, to, f, rows) != 0) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", err_get());
		err_set("%s: %s", path, msg);
		goto fail;
	}
	if (fsync(fileno(f)) != 0) {
		err_set("%s: %s", path, strerror(errno));
		goto fail;
	}
	if (fclose(f) != 0) {
		f = NULL;
		err_set("%s: %s", path, strerror(errno));
		goto fail;
	}
	f = NULL;
	if (rename(tmp, path) != 0) {
		err_set("cannot replace %s: %s", path, strerror(errno));
		goto fail;
	}
	rc = 0;
	goto out;
fail:
	if (f != NULL)
		fclose(f);
	unlink(tmp);
out:
	free(tmp);
	free(dir);
	return rc;
}
