/*
 * csv-export: one file per kind of entry, every field of every entry, in
 * stored units named in the column (distance_km with three decimals is
 * exact to the metre, masses in kg to the gram), plus the days report.
 *
 * Entry ids are not exported: they are the journal's local handles, and a
 * file imported into another journal gets new ones. Everything else is,
 * including source, external id and the UTC created_at/updated_at stamps,
 * so that export, import into an empty journal, export gives the same
 * bytes. Rest days have their own file (--what rest), and so do planned
 * runs (--what plans).
 */
#include <errno.h>
#include <math.h>
#include <signal.h>
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
	"days", "runs", "sleep", "hydration", "fatigue", "rest", "plans",
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
	    "fatigue, rest, plans", s);
	return -1;
}

static const char *const cols_days[] = {
	"date", "weekday", "runs", "distance_km", "duration_s", "load_au",
	"climb_m", "sleep_min", "sleep_quality_1_5", "fluid_ml", "drinks",
	"fatigue_1_10", "soreness_1_10", "mood_1_5", "stress_1_5",
	"resting_hr_bpm", "ill", "sharp_pain", "swelling", "numbness",
	"cannot_bear_weight", "rest_day", "acwr", "monotony", "flags", NULL,
};

/* The kind of entry each per-kind file holds; the days report has none. */
static const int what_kind[CSV_WHAT_COUNT] = {
	[CSV_DAYS] = -1, [CSV_RUNS] = ENTRY_RUN, [CSV_SLEEP] = ENTRY_SLEEP,
	[CSV_HYDRATION] = ENTRY_DRINK, [CSV_FATIGUE] = ENTRY_CHECKIN,
	[CSV_REST] = ENTRY_REST, [CSV_PLANS] = ENTRY_PLAN,
};

#define KIND_COLS_MAX 32

/* A kind's file has a column for each field with a CSV name, in order. */
const char *const *
csv_columns(enum csv_what w)
{
	static const char *cols[ENTRY_KIND_COUNT][KIND_COLS_MAX + 1];
	const struct entry_desc *d;
	size_t i, n = 0;

	if ((unsigned)w >= CSV_WHAT_COUNT || what_kind[w] < 0)
		return cols_days;
	d = entry_desc((enum entry_kind)what_kind[w]);
	if (cols[d->kind][0] == NULL) {
		for (i = 0; i < d->nfields; i++)
			if (d->fields[i].csv != NULL && n < KIND_COLS_MAX)
				cols[d->kind][n++] = d->fields[i].csv;
		cols[d->kind][n] = NULL;
	}
	return cols[d->kind];
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

/*
 * One field of entry e in its CSV form: dates as YYYY-MM-DD, distances
 * and masses in km and kg with three decimals (exact to the metre and the
 * gram), a start time as YYYY-MM-DDTHH:MM:SSZ, flags as yes/no, a
 * field not given as an empty cell, the user's
 * texts guarded against spreadsheet formulas, stamps as they are.
 */
static void
put_field(struct csv_writer *w, const struct entry_field *f, const void *e)
{
	int64_t v;
	char t[32];

	switch (f->type) {
	case FT_TEXT:
		if (f->flags & FIELD_STAMP)
			csv_put_value(w, entry_text_get(e, f));
		else
			csv_put_text(w, entry_text_get(e, f));
		return;
	case FT_DAY:
		put_day(w, (int)entry_get(e, f));
		return;
	case FT_BOOL:
		put_bool(w, entry_get(e, f) != 0);
		return;
	case FT_RUN_TYPE:
		csv_put_value(w, run_type_name((enum run_type)entry_get(e, f)));
		return;
	case FT_ID:
	case FT_INT:
	case FT_INT64:
		break;
	}
	v = entry_get(e, f);
	if ((f->flags & FIELD_OPTIONAL) && v == f->none)
		csv_put_empty(w);
	else if (f->unit == FU_UTC)
		csv_put_value(w, entry_utc_format(v, t));
	else if (f->unit == FU_DISTANCE || f->unit == FU_MASS)
		csv_put_fixed(w, v, 3);
	else
		csv_put_int(w, v);
}

/* Every entry of kind k from..to, one row each, the columns of csv_columns(). */
static int
export_kind(struct store *st, struct csv_writer *w, enum entry_kind k,
    int from, int to, size_t *rows)
{
	const struct entry_desc *d = entry_desc(k);
	void *v;
	size_t n, i, j;

	if (store_read(st, k, from, to, &v, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		const char *e = (const char *)v + i * d->size;

		for (j = 0; j < d->nfields; j++)
			if (d->fields[j].csv != NULL)
				put_field(w, &d->fields[j], e);
		csv_end_row(w);
	}
	*rows = n;
	entry_list_free(k, v, n);
	return 0;
}

/* Every entry of a day range, read once, walked day by day. */
struct day_data {
	struct entries e;
	size_t ir, is, id, ic, ix;      /* the next of each kind */
};

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
	if (store_load(st, from, to, &d.e) != 0) {
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

		for (; d.ir < d.e.nruns && d.e.runs[d.ir].day == day; d.ir++) {
			nruns++;
			dist += d.e.runs[d.ir].distance_m;
			dur += d.e.runs[d.ir].duration_s;
			if (d.e.runs[d.ir].climb_m >= 0) {
				climb += d.e.runs[d.ir].climb_m;
				any_climb = 1;
			}
		}
		for (; d.id < d.e.ndrinks && d.e.drinks[d.id].day == day; d.id++) {
			ndrinks++;
			fluid += d.e.drinks[d.id].volume_ml;
		}
		if (d.is < d.e.nsleeps && d.e.sleeps[d.is].day == day)
			sl = &d.e.sleeps[d.is++];
		if (d.ic < d.e.ncheckins && d.e.checkins[d.ic].day == day)
			c = &d.e.checkins[d.ic++];
		if (d.ix < d.e.nrests && d.e.rests[d.ix].day == day) {
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
			put_opt(w, c->fatigue, 0);
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
	entries_free(&d.e);
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
	if ((unsigned)what >= CSV_WHAT_COUNT)
		err_set("unknown kind of export");
	else if (what == CSV_DAYS)
		rc = csv_export_days(st, cfg, &w, from, to, rows);
	else
		rc = export_kind(st, &w, (enum entry_kind)what_kind[what], from,
		    to, rows);
	if (rc != 0) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", err_get());
		csv_writer_finish(&w);
		err_set("%s", msg);     /* the first error, not the writer's */
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
	case CSV_PLANS:     return n == 1 ? "planned run" : "planned runs";
	default:            return "rows";
	}
}

/*
 * mkstemp() with the new file registered for removal at exit and on a
 * signal, the two steps under blocked signals so that no signal between
 * them leaves the file behind.
 */
static int
temp_create(char *tmpl)
{
	sigset_t all, old;
	int fd;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	fd = mkstemp(tmpl);
	if (fd >= 0 && cleanup_add(tmpl) != 0) {
		unlink(tmpl);
		close(fd);
		fd = -1;
		errno = EMFILE;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return fd;
}

/* Renames tmp over path and forgets it, under blocked signals. */
static int
temp_commit(const char *tmp, const char *path)
{
	sigset_t all, old;
	int rc, e;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	rc = rename(tmp, path);
	e = errno;
	if (rc == 0)
		cleanup_remove(tmp, 0);
	sigprocmask(SIG_SETMASK, &old, NULL);
	errno = e;
	return rc;
}

/*
 * Writes the export to a temporary file beside path (mode 0600: it is
 * health data), synced, then renamed over path: path is never half-written,
 * and the temporary file never outlives the command, whether it fails or
 * is interrupted by a signal.
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
	if ((fd = temp_create(tmp)) < 0) {
		err_set("cannot write in %s: %s", dir, strerror(errno));
		goto out;
	}
	fchmod(fd, 0600);
	if ((f = fdopen(fd, "w")) == NULL) {
		err_set("%s: %s", tmp, strerror(errno));
		close(fd);
		goto fail;
	}
	if (csv_export(st, cfg, what, from, to, f, rows) != 0) {
		err_prefix("%s", path);
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
	if (temp_commit(tmp, path) != 0) {
		err_set("cannot replace %s: %s", path, strerror(errno));
		goto fail;
	}
	rc = 0;
	goto out;
fail:
	if (f != NULL)
		fclose(f);
	unlink(tmp);
	cleanup_remove(tmp, 0);
out:
	free(tmp);
	free(dir);
	return rc;
}

/* The files of an export of everything, in the order its message names. */
static const enum csv_what all_files[] = {
	CSV_RUNS, CSV_SLEEP, CSV_HYDRATION, CSV_FATIGUE, CSV_REST, CSV_PLANS,
	CSV_DAYS,
};
#define NALL (sizeof all_files / sizeof all_files[0])

/* dir exists as a directory, or is made (0700: health data goes in it). */
static int
export_dir(const char *dir)
{
	struct stat sb;

	if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
		return 0;
	if (errno != ENOENT || lstat(dir, &sb) == 0)
		err_set("%s: %s", dir, lstat(dir, &sb) == 0 ? "exists and is "
		    "not a directory; everything is written as a directory of "
		    "files" : strerror(errno));
	else if (mkdir(dir, 0700) != 0)
		err_set("%s: cannot make the directory: %s", dir,
		    strerror(errno));
	else
		return 0;
	return -1;
}

int
csv_export_all(struct store *st, const struct config *cfg, const char *dir,
    int from, int to, size_t rows[CSV_WHAT_COUNT])
{
	char *path;
	size_t i;
	int rc;

	for (i = 0; i < CSV_WHAT_COUNT; i++)
		rows[i] = 0;
	if (*dir == '\0') {
		err_set("no directory given");
		return -1;
	}
	if (export_dir(dir) != 0)
		return -1;
	for (i = 0, rc = 0; i < NALL && rc == 0; i++) {
		path = xasprintf("%s/%s.csv", dir, csv_what_name(all_files[i]));
		rc = csv_export_file(st, cfg, all_files[i], from, to, path,
		    &rows[all_files[i]]);
		free(path);
	}
	return rc;
}

char *
csv_export_all_said(const size_t rows[CSV_WHAT_COUNT])
{
	struct buf msg;
	size_t i, n;

	buf_init(&msg);
	for (i = 0; i < NALL; i++) {
		n = rows[all_files[i]];
		buf_printf(&msg, "%s%zu %s", i == 0 ? "" : i == NALL - 1 ?
		    " and " : ", ", n, csv_what_noun(all_files[i], n));
	}
	return msg.data;
}
