/*
 * ui-form: one entry as a form of fields. Each form is a table (below) of
 * rows naming the entry descriptor field they edit (entry.h), so the range,
 * the offset into the entry's struct and the "not given" value come from
 * the descriptor, and opening (buffers filled from the struct), checking
 * and saving (the struct filled from the buffers) are loops over the
 * table. What is typed is checked on every key with the same parsers and
 * ranges as the command line (units_parse_*, range_check), and a bad value
 * is shown in place with the range and never saved. The form is an overlay
 * the loop keeps in struct ui, so a resize redraws it with everything
 * still typed.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "date.h"
#include "ui.h"
#include "ui-form.h"
#include "ui-text.h"
#include "units.h"
#include "util.h"

#define NUM_MAX 40          /* bytes of a number field */
#define PATH_MAX_LEN 1024   /* bytes of a file name typed */

enum {
	FF_REQUIRED = 1 << 0,   /* marked '*'; empty is refused */
	FF_PAIR     = 1 << 1,   /* given together with the next row, or neither */
	FF_SHOE     = 1 << 2,   /* FK_TEXT: one of the journal's shoes */
	FF_AHEAD    = 1 << 3    /* a date: today up to PLAN_AHEAD_DAYS ahead */
};

/* One row of a form's table. */
struct form_row {
	const char     *label;
	enum field_kind kind;
	const char     *column;   /* the entry descriptor's field; NULL: none */
	const char     *unit;     /* shown after the box; NULL: the configured one */
	unsigned        flags;    /* FF_* */
	/* FK_CHOICE: the i-th choice, NULL past the last; dflt is offered */
	const char   *(*choice)(int i);
	int             dflt;
	const char     *pair;     /* FF_PAIR: why one alone is refused */
	const char     *scale;    /* a scale: which end is which */
};

struct ui_form;

/* A form: its rows and how its entry is read and written. */
struct form_def {
	const char     *word;     /* "run", in titles and messages */
	enum entry_kind entry;    /* ENTRY_KIND_COUNT: not an entry (export) */
	const struct form_row *rows;
	int             n;
	/* One entry by id into e (the kind's struct); 1 when there is none. */
	int  (*get)(struct store *st, int64_t id, void *e);
	/* Adds e, or updates it when update; 1 when it no longer exists. */
	int  (*put)(struct store *st, void *e, int update);
	/* What was saved, for the message line. */
	void (*what)(const struct ui *ui, const void *e, char *out, size_t n);
	/* Instead of put: the export. */
	int  (*save)(struct ui *ui, struct ui_form *fm, const int64_t *v,
	    char *what, size_t n);
};

struct form_field {
	const struct form_row    *row;
	const struct entry_field *ef;     /* NULL when row->column is */
	const struct field_range *range;  /* from ef; NULL when none */
	int          dirty;               /* typed since the form opened */
	int          shape;               /* err: not read at all (else range) */
	size_t       pos;                 /* the cursor, a byte of buf */
	int          want_dir;            /* FK_PATH: a directory, not a file */
	int64_t      orig;                /* value when editing, for !dirty */
	char         unit[12];            /* "km", "h", "1-10" ... */
	char         buf[NOTE_MAX + 1];
	char         err[160];            /* what is wrong, shown in place */
};

struct ui_form {
	enum form_kind kind;
	const struct form_def *def;
	char        title[64];
	int64_t     id;                   /* editing this entry; 0 = new */
	int         day;
	int         n, cur;
	struct form_field f[FORM_FIELDS];
	char        err[400];             /* why the last save was refused */
	/* body masses whose loss was refused once: saved when saved again */
	int64_t     mass_warned[2];
};

static int form_check_field(const struct ui *ui, struct form_field *f);
static void shoe_default(const struct ui *ui, struct form_field *f);
static int save_export(struct ui *ui, struct ui_form *fm, const int64_t *v,
    char *what, size_t n);

/*
 * The choices: run types from entry.c, export kinds from csv.c and past
 * them "all", every kind and the days report as a directory of files.
 */
static const char *
run_type_choice(int i)
{
	return i >= 0 && i < RUN_TYPE_COUNT ? run_type_name((enum run_type)i) :
	    NULL;
}

static const char *
csv_what_choice(int i)
{
	if (i == CSV_WHAT_COUNT)
		return "all";
	return i >= 0 && i < CSV_WHAT_COUNT ? csv_what_name((enum csv_what)i) :
	    NULL;
}

/* How each kind is read and written, as the store offers it. */
static int
get_run(struct store *st, int64_t id, void *e)
{
	return store_get_run(st, id, e);
}

static int
put_run(struct store *st, void *e, int update)
{
	return update ? store_update_run(st, e) : store_add_run(st, e);
}

static void
what_run(const struct ui *ui, const void *e, char *out, size_t n)
{
	const struct run *r = e;
	char a[32], ds[11];

	snprintf(out, n, "run %s on %s", units_format_distance(r->distance_m,
	    ui->cfg->dist_unit, a), date_format(r->day, ds));
}

/* " on 2026-11-23" when an entry went to another day than the one shown. */
static void
what_day(const struct ui *ui, int day, char *out, size_t n)
{
	size_t len = strlen(out);
	char ds[11];

	if (day != ui->day && len < n)
		snprintf(out + len, n - len, " on %s", date_format(day, ds));
}

static int
get_sleep(struct store *st, int64_t id, void *e)
{
	return store_get_sleep(st, id, e);
}

static int
put_sleep(struct store *st, void *e, int update)
{
	return store_put_sleep(st, e, NULL);
}

static void
what_sleep(const struct ui *ui, const void *e, char *out, size_t n)
{
	char a[32];

	snprintf(out, n, "sleep %s", units_format_hours(
	    ((const struct sleep *)e)->minutes, a));
	what_day(ui, ((const struct sleep *)e)->day, out, n);
}

static int
get_drink(struct store *st, int64_t id, void *e)
{
	return store_get_drink(st, id, e);
}

static int
put_drink(struct store *st, void *e, int update)
{
	return update ? store_update_drink(st, e) : store_add_drink(st, e);
}

static void
what_drink(const struct ui *ui, const void *e, char *out, size_t n)
{
	char a[32];

	snprintf(out, n, "drink %s", units_format_volume(
	    ((const struct drink *)e)->volume_ml, ui->cfg->vol_unit, a));
	what_day(ui, ((const struct drink *)e)->day, out, n);
}

static int
get_checkin(struct store *st, int64_t id, void *e)
{
	return store_get_checkin(st, id, e);
}

static int
put_checkin(struct store *st, void *e, int update)
{
	return store_put_checkin(st, e, NULL);
}

static void
what_checkin(const struct ui *ui, const void *e, char *out, size_t n)
{
	const struct checkin *c = e;

	if (c->fatigue > 0)
		snprintf(out, n, "check-in, fatigue %d/10", c->fatigue);
	else
		snprintf(out, n, "check-in without a fatigue rating");
	what_day(ui, c->day, out, n);
}

static int
get_plan(struct store *st, int64_t id, void *e)
{
	return store_get(st, ENTRY_PLAN, id, e);
}

static int
put_plan(struct store *st, void *e, int update)
{
	return update ? store_update_entry(st, ENTRY_PLAN, e) :
	    store_add_plan(st, e);
}

static void
what_plan(const struct ui *ui, const void *e, char *out, size_t n)
{
	const struct plan *p = e;
	char a[32], ds[11];

	snprintf(out, n, "plan of %s on %s", units_format_distance(
	    p->distance_m, ui->cfg->dist_unit, a), date_format(p->day, ds));
}

/*
 * The forms. A new field of an entry is one row here (label, kind, the
 * descriptor field, unit, flags) beside its row in entry.c.
 */
#define ROW(l, k, col, u, fl) \
	{ .label = l, .kind = k, .column = col, .unit = u, .flags = fl }
#define SCALE(l, col, u, sc) \
	{ .label = l, .kind = FK_INT, .column = col, .unit = u, .scale = sc }
/* The day of the entry: last, so Shift-Tab from the first field is one
 * key away; typed as the command line reads it (date_parse_rel). */
#define DATE_ROW ROW("Date", FK_DATE, "day", "", FF_REQUIRED)

static const struct form_row run_rows[] = {
	ROW("Distance", FK_DISTANCE, "distance_m", NULL, FF_REQUIRED),
	ROW("Duration", FK_DURATION, "duration_s", "h:m:s", FF_REQUIRED),
	{ .label = "Type", .kind = FK_CHOICE, .column = "type", .unit = "",
	    .choice = run_type_choice, .dflt = RUN_EASY },
	SCALE("RPE", "rpe", "1-10", "1 very easy .. 10 all-out"),
	ROW("Average HR", FK_INT, "avg_hr", "bpm", 0),
	ROW("Climb", FK_INT, "climb_m", "m", 0),
	{ .label = "Mass before", .kind = FK_MASS, .column = "mass_before_g",
	    .unit = "kg", .flags = FF_PAIR,
	    .pair = "mass before and after go together" },
	ROW("Mass after", FK_MASS, "mass_after_g", "kg", 0),
	ROW("Note", FK_TEXT, "note", "", 0),
	ROW("Shoe", FK_TEXT, "shoe_id", "", FF_SHOE),
	DATE_ROW,
};

static const struct form_row sleep_rows[] = {
	ROW("Hours", FK_HOURS, "minutes", "h or h:mm", FF_REQUIRED),
	SCALE("Quality", "quality", "1-5", "1 poor .. 5 great"),
	ROW("Note", FK_TEXT, "note", "", 0),
	DATE_ROW,
};

static const struct form_row drink_rows[] = {
	ROW("Volume", FK_VOLUME, "volume_ml", NULL, FF_REQUIRED),
	ROW("Electrolytes", FK_YESNO, "electrolytes", "", 0),
	DATE_ROW,
};

static const struct form_row checkin_rows[] = {
	SCALE("Fatigue", "fatigue", "1-10", "1 fresh .. 10 exhausted"),
	SCALE("Soreness", "soreness", "1-10", "1 none .. 10 very sore"),
	SCALE("Mood", "mood", "1-5", "1 low .. 5 great"),
	SCALE("Stress", "stress", "1-5", "1 calm .. 5 very stressed"),
	ROW("Resting HR", FK_INT, "rhr", "bpm", 0),
	ROW("HRV", FK_INT, "hrv_ms", "ms rMSSD", 0),
	ROW("Body mass", FK_MASS, "mass_g", "kg", 0),
	ROW("Ill today", FK_YESNO, "ill", "", 0),
	ROW("Sharp pain", FK_YESNO, "pain", "", 0),
	ROW("Swelling", FK_YESNO, "swelling", "", 0),
	ROW("Numbness", FK_YESNO, "numbness", "", 0),
	ROW("Can't bear wt", FK_YESNO, "no_weight", "", 0),
	ROW("Note", FK_TEXT, "note", "", 0),
	DATE_ROW,
};

/* A planned run: a run's fields, on a day from today to a year ahead. */
static const struct form_row plan_rows[] = {
	ROW("Distance", FK_DISTANCE, "distance_m", NULL, FF_REQUIRED),
	ROW("Duration", FK_DURATION, "duration_s", "h:m:s", 0),
	{ .label = "Type", .kind = FK_CHOICE, .column = "type", .unit = "",
	    .choice = run_type_choice, .dflt = RUN_EASY },
	SCALE("RPE", "rpe", "1-10", "1 very easy .. 10 all-out"),
	ROW("Note", FK_TEXT, "note", "", 0),
	ROW("Date", FK_DATE, "day", "", FF_REQUIRED | FF_AHEAD),
};

static const struct form_row export_rows[] = {
	{ .label = "Export", .kind = FK_CHOICE, .unit = "", .flags = FF_REQUIRED,
	    .choice = csv_what_choice, .dflt = CSV_DAYS },
	ROW("Write to", FK_PATH, NULL, "", FF_REQUIRED),
};

#define ROWS(a) (a), (int)(sizeof (a) / sizeof (a)[0])

static const struct form_def forms[FORM_KIND_COUNT] = {
	[FORM_RUN] = { "run", ENTRY_RUN, ROWS(run_rows), get_run, put_run,
	    what_run, NULL },
	[FORM_SLEEP] = { "sleep", ENTRY_SLEEP, ROWS(sleep_rows), get_sleep,
	    put_sleep, what_sleep, NULL },
	[FORM_DRINK] = { "drink", ENTRY_DRINK, ROWS(drink_rows), get_drink,
	    put_drink, what_drink, NULL },
	[FORM_CHECKIN] = { "check-in", ENTRY_CHECKIN, ROWS(checkin_rows),
	    get_checkin, put_checkin, what_checkin, NULL },
	[FORM_EXPORT] = { "export", ENTRY_KIND_COUNT, ROWS(export_rows), NULL,
	    NULL, NULL, save_export },
	[FORM_PLAN] = { "plan", ENTRY_PLAN, ROWS(plan_rows), get_plan,
	    put_plan, what_plan, NULL },
};

static int
choice_index(const struct form_field *f)
{
	const char *c;
	int i;

	for (i = 0; (c = f->row->choice(i)) != NULL; i++)
		if (strcmp(c, f->buf) == 0)
			return i;
	return -1;
}

/* The first field of kind k, or NULL. */
static struct form_field *
field_of(struct ui_form *fm, enum field_kind k)
{
	int i;

	for (i = 0; i < fm->n; i++)
		if (fm->f[i].row->kind == k)
			return &fm->f[i];
	return NULL;
}

/* "10.5" in the user's unit, up to metre precision. */
static void
fmt_trim(char *out, size_t n, double v)
{
	char *p;

	snprintf(out, n, "%.3f", v);
	p = out + strlen(out) - 1;
	while (p > out && *p == '0')
		*p-- = '\0';
	if (*p == '.')
		*p = '\0';
}

static void
set_yesno(struct form_field *f, int v)
{
	snprintf(f->buf, sizeof f->buf, "%s", v ? "yes" : "no");
	f->orig = v;
}

/* The field as a new entry offers it. */
static void
field_blank(const struct ui *ui, struct form_field *f)
{
	const struct form_row *r = f->row;

	if (r->unit != NULL)
		snprintf(f->unit, sizeof f->unit, "%s", r->unit);
	else if (r->kind == FK_DISTANCE)
		snprintf(f->unit, sizeof f->unit, "%s",
		    units_distance_name(ui->cfg->dist_unit));
	else if (r->kind == FK_VOLUME)
		snprintf(f->unit, sizeof f->unit, "%s",
		    ui->cfg->vol_unit == UNIT_FLOZ ? "oz, ml, l" : "ml, l, oz");
	if (r->kind == FK_CHOICE)
		snprintf(f->buf, sizeof f->buf, "%s", r->choice(r->dflt));
	else if (r->kind == FK_YESNO)
		set_yesno(f, 0);
}

/* The field's buffer from entry e, as the user types the value. */
static void
field_fill(const struct ui *ui, struct form_field *f, const void *e)
{
	int64_t v = f->ef->type == FT_TEXT ? 0 : entry_get(e, f->ef);

	f->orig = v;
	switch (f->row->kind) {
	case FK_DISTANCE:
		fmt_trim(f->buf, sizeof f->buf, ui->cfg->dist_unit == UNIT_MI ?
		    (double)v / METRES_PER_MILE : (double)v / 1000.0);
		break;
	case FK_DURATION:
		if (v != f->ef->none)     /* a plan's is optional */
			units_format_duration(v, f->buf);
		break;
	case FK_HOURS:
		snprintf(f->buf, sizeof f->buf, "%" PRId64 ":%02" PRId64, v / 60,
		    v % 60);
		break;
	case FK_VOLUME:
		snprintf(f->buf, sizeof f->buf, "%" PRId64 "ml", v);
		break;
	case FK_MASS:
		if (v != f->ef->none)
			fmt_trim(f->buf, sizeof f->buf, (double)v / 1000.0);
		break;
	case FK_INT:
		if (v != f->ef->none)
			snprintf(f->buf, sizeof f->buf, "%" PRId64, v);
		break;
	case FK_CHOICE:
		snprintf(f->buf, sizeof f->buf, "%s", f->row->choice((int)v) != NULL ?
		    f->row->choice((int)v) : f->row->choice(f->row->dflt));
		f->orig = 0;
		break;
	case FK_YESNO:
		set_yesno(f, v != 0);
		break;
	case FK_TEXT:
		snprintf(f->buf, sizeof f->buf, "%s", entry_text_get(e, f->ef) != NULL ?
		    entry_text_get(e, f->ef) : "");
		text_sanitize(f->buf);
		f->orig = 0;
		break;
	case FK_DATE:
		date_format((int)v, f->buf);
		break;
	case FK_PATH:
		break;
	}
	f->pos = strlen(f->buf);
}

/* The form's fields from its table; -1 on a table naming no field. */
static int
fields_make(const struct ui *ui, struct ui_form *fm)
{
	const struct entry_desc *d = entry_desc(fm->def->entry);
	int i;

	fm->n = fm->def->n;
	for (i = 0; i < fm->n; i++) {
		struct form_field *f = &fm->f[i];
		f->row = &fm->def->rows[i];
		if (f->row->column != NULL) {
			if (d == NULL ||
			    (f->ef = entry_field_find(d, f->row->column)) == NULL) {
				err_set("form %s: no field %s", fm->def->word,
				    f->row->column);
				return -1;
			}
			f->range = f->ef->range;
		}
		field_blank(ui, f);
	}
	return 0;
}

/* Fills every field from the stored entry; 1 when it no longer exists. */
static int
fields_load(struct ui *ui, struct ui_form *fm)
{
	const struct entry_desc *d = entry_desc(fm->def->entry);
	void *e = xcalloc(1, d->size);
	int i, rc;

	if ((rc = fm->def->get(ui->st, fm->id, e)) == 0) {
		for (i = 0; i < fm->n; i++)
			if (fm->f[i].ef != NULL)
				field_fill(ui, &fm->f[i], e);
		fm->day = (int)entry_get(e, entry_field_find(d, "day"));
		entry_free_fields(d, e);
	}
	free(e);
	return rc;
}

/* The file name offered for an export of what, until one is typed. */
static void
export_default(const struct ui *ui, struct ui_form *fm)
{
	struct form_field *what = field_of(fm, FK_CHOICE);
	struct form_field *path = field_of(fm, FK_PATH);
	char ds[11];
	int i = choice_index(what);

	if (i == CSV_WHAT_COUNT)
		snprintf(path->buf, sizeof path->buf, "runlog-%s",
		    date_format(ui->today, ds));
	else
		snprintf(path->buf, sizeof path->buf, "runlog-%s-%s.csv",
		    csv_what_name(i >= 0 ? (enum csv_what)i : CSV_DAYS),
		    date_format(ui->today, ds));
	path->pos = strlen(path->buf);
}

/* The export's path follows its kind: a directory for "all", else a file. */
static void
export_follow(const struct ui *ui, struct ui_form *fm)
{
	struct form_field *path = field_of(fm, FK_PATH);

	path->want_dir = choice_index(field_of(fm, FK_CHOICE)) == CSV_WHAT_COUNT;
	if (!path->dirty)
		export_default(ui, fm);
}

/* "Edit run r5 on Wed 2026-11-25", "New sleep on ...". */
static void
form_title(const struct ui *ui, struct ui_form *fm)
{
	char ds[11];

	if (fm->def->entry == ENTRY_KIND_COUNT)
		snprintf(fm->title, sizeof fm->title, "Export the whole journal "
		    "as CSV");
	else if (fm->id != 0)
		snprintf(fm->title, sizeof fm->title, "Edit %s %c%" PRId64 " on %s %s",
		    fm->def->word, entry_kind_letter(fm->def->entry), fm->id,
		    date_weekday_name(fm->day), date_format(fm->day, ds));
	else
		snprintf(fm->title, sizeof fm->title, "New %s on %s %s",
		    fm->def->word, date_weekday_name(fm->day),
		    date_format(fm->day, ds));
}

/* The message when an entry edited here was deleted by another runlog. */
static void
gone_message(struct ui *ui, const struct form_def *def, int64_t id,
    const char *what)
{
	ui_message(ui, ROLE_WARNING, "%s: the %s %c%" PRId64 " no longer exists "
	    "(it was deleted elsewhere)", what, def->word,
	    entry_kind_letter(def->entry), id);
}

int
form_open(struct ui *ui, enum form_kind kind, int day, int64_t id)
{
	struct ui_form *fm = xcalloc(1, sizeof *fm);
	int rc = 0, i;

	fm->kind = kind;
	fm->def = &forms[kind];
	fm->id = id;
	fm->day = day;
	if (fields_make(ui, fm) != 0)
		rc = -1;
	else if (id != 0)
		rc = fields_load(ui, fm);
	else if (fm->def->entry == ENTRY_KIND_COUNT)
		export_follow(ui, fm);
	if (rc != 0) {
		if (rc == 1)
			gone_message(ui, fm->def, id, "Not opened");
		else
			ui_message(ui, ROLE_ALERT, "cannot open the %s: %s",
			    fm->def->word, err_get());
		free(fm);
		return rc;
	}
	form_title(ui, fm);
	for (i = 0; i < fm->n; i++) {
		struct form_field *f = &fm->f[i];
		if (f->row->kind == FK_DATE && id == 0) {
			date_format(fm->day, f->buf);
			f->orig = fm->day;
		}
		if ((f->row->flags & FF_SHOE) && id == 0)
			shoe_default(ui, f);
		f->pos = strlen(f->buf);
		form_check_field(ui, f);
	}
	form_free(ui->form);
	ui->form = fm;
	return 0;
}

void
form_free(struct ui_form *fm)
{
	free(fm);
}

enum form_kind form_kind(const struct ui_form *fm) { return fm->kind; }
int form_nfields(const struct ui_form *fm) { return fm->n; }
int form_current(const struct ui_form *fm) { return fm->cur; }
const char *form_error(const struct ui_form *fm) { return fm->err; }

const char *
form_text(const struct ui_form *fm, int i)
{
	return i >= 0 && i < fm->n ? fm->f[i].buf : NULL;
}

const char *
form_field_error(const struct ui_form *fm, int i)
{
	return i >= 0 && i < fm->n ? fm->f[i].err : NULL;
}

enum field_kind
form_field_kind(const struct ui_form *fm, int i)
{
	return fm->f[i].row->kind;
}

const char *
form_field_label(const struct ui_form *fm, int i)
{
	return fm->f[i].row->label;
}

int
form_field_required(const struct ui_form *fm, int i)
{
	return (fm->f[i].row->flags & FF_REQUIRED) != 0;
}

/* err_get() with the allowed range added when the message lacks it. */
static void
set_err(struct form_field *f, const char *allowed)
{
	const char *e = err_get();

	if (allowed != NULL && strstr(e, allowed) == NULL)
		snprintf(f->err, sizeof f->err, "%s; must be %s", e, allowed);
	else
		snprintf(f->err, sizeof f->err, "%s", e);
}

/* "~/x" with $HOME; out at least PATH_MAX_LEN + 256 bytes. */
static void
expand_path(const char *in, char *out, size_t n)
{
	const char *home = getenv("HOME");

	if (in[0] == '~' && (in[1] == '/' || in[1] == '\0') && home != NULL)
		snprintf(out, n, "%s%s", home, in + 1);
	else
		snprintf(out, n, "%s", in);
}

/*
 * A file an export can write: its directory exists, it is no directory.
 * For an export of everything, a directory, or a new one in a directory
 * that exists.
 */
static int
check_path(struct form_field *f)
{
	char path[PATH_MAX_LEN + 256], *slash;
	struct stat sb;

	expand_path(f->buf, path, sizeof path);
	if (f->want_dir && stat(path, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
		snprintf(f->err, sizeof f->err, "%.60s is a file; \"all\" "
		    "writes a directory of files", f->buf);
		return -1;
	}
	if (f->want_dir && (slash = strrchr(path, '/')) != NULL &&
	    slash[1] == '\0' && slash != path)
		*slash = '\0';           /* "out/" is the directory out */
	if (!f->want_dir && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		snprintf(f->err, sizeof f->err, "%.60s is a directory; add a file "
		    "name", f->buf);
		return -1;
	}
	if ((slash = strrchr(path, '/')) != NULL) {
		if (slash == path)
			slash[1] = '\0';
		else
			*slash = '\0';
		if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
			snprintf(f->err, sizeof f->err, "no directory %.60s", path);
			return -1;
		}
	}
	return 0;
}

/*
 * A duration that does not read: "52" may be minutes or seconds, "52.30"
 * a slip for 52:30; name the shapes that work instead of the range.
 */
static void
duration_shape(struct form_field *f)
{
	const char *p = f->buf;

	while ((*p >= '0' && *p <= '9') || *p == '.')
		p++;
	snprintf(f->err, sizeof f->err, "duration '%.40s': %sexpected 52:30, "
	    "1:05:00 or 45m", f->buf, *p == '\0' ? "a number needs a unit; " :
	    "");
	f->shape = 1;
}

/*
 * The shoe typed: a shoe of the journal, named whole or by the start of
 * its name (any case) when that start is no other shoe's. Its name as the
 * journal spells it into out; -1 with f->err naming the shoes there are.
 */
static int
shoe_match(const struct ui *ui, struct form_field *f, char *out, size_t n)
{
	struct store_shoe *v;
	size_t nv, i, len = strlen(f->buf), hit = 0, hits = 0;
	char *known;

	if (store_shoes(ui->st, &v, &nv) != 0) {
		set_err(f, NULL);
		return -1;
	}
	for (i = 0; i < nv; i++) {
		if (strcasecmp(v[i].name, f->buf) == 0) {
			hit = i;
			hits = 1;
			break;
		}
		if (strncasecmp(v[i].name, f->buf, len) == 0 && hits++ == 0)
			hit = i;
	}
	if (hits == 1)
		snprintf(out, n, "%s", v[hit].name);
	free(v);
	if (hits == 1)
		return 0;
	if (hits > 1) {
		snprintf(f->err, sizeof f->err, "shoe '%.40s': more than one "
		    "shoe starts so; type more of its name", f->buf);
		return -1;
	}
	known = store_shoe_known(ui->st);
	snprintf(f->err, sizeof f->err, "shoe '%.40s': no such shoe; %s",
	    f->buf, known);
	free(known);
	return -1;
}

/* A new run wears the default shoe, as on the command line. */
static void
shoe_default(const struct ui *ui, struct form_field *f)
{
	struct store_shoe *v;
	size_t nv, i;

	if (store_shoes(ui->st, &v, &nv) != 0)
		return;
	for (i = 0; i < nv; i++)
		if (v[i].is_default)
			snprintf(f->buf, sizeof f->buf, "%s", v[i].name);
	free(v);
}

/*
 * A day typed as the command line reads it; never in the future, but for
 * a plan (FF_AHEAD): from today to PLAN_AHEAD_DAYS ahead, as runlog plan
 * takes it, or the day a plan being edited already has.
 */
static int
date_value(const struct ui *ui, struct form_field *f, int64_t *v)
{
	int ahead = (f->row->flags & FF_AHEAD) != 0;
	char ds[11], a[11], b[11];
	int d;

	if (date_parse_rel(f->buf, ahead, &d) != 0) {
		snprintf(f->err, sizeof f->err, "%s", err_get());
		f->shape = 1;
		return -1;
	}
	if (ahead && (d < ui->today || d > ui->today + PLAN_AHEAD_DAYS) &&
	    d != f->orig) {
		snprintf(f->err, sizeof f->err, "date %s %s; a plan is for a "
		    "day from today to %d days ahead (%s to %s)",
		    date_format(d, ds), d < ui->today ? "is in the past" :
		    "is too far ahead", PLAN_AHEAD_DAYS,
		    date_format(ui->today, a),
		    date_format(ui->today + PLAN_AHEAD_DAYS, b));
		return -1;
	}
	if (!ahead && d > ui->today) {
		snprintf(f->err, sizeof f->err, "date %s is in the future; an "
		    "entry is dated today or earlier", date_format(d, ds));
		return -1;
	}
	*v = d;
	return 0;
}

/* The value of f in stored units; 0 / -1 with f->err set. */
static int
field_value(const struct ui *ui, struct form_field *f, int64_t *v)
{
	const char *allowed = f->range != NULL ? f->range->allowed : NULL;
	int rc = 0;

	f->err[0] = '\0';
	f->shape = 0;
	if (f->buf[0] == '\0') {
		*v = 0;
		return (f->row->flags & FF_REQUIRED) ? -1 : 0;
	}
	if (f->row->kind == FK_DATE)
		return date_value(ui, f, v);
	if (!f->dirty && f->orig != 0 && f->row->kind != FK_TEXT &&
	    f->row->kind != FK_CHOICE && f->row->kind != FK_YESNO && f->row->kind != FK_PATH) {
		*v = f->orig;    /* untouched: keep the stored value exactly */
		return 0;
	}
	switch (f->row->kind) {
	case FK_DISTANCE:
		rc = units_parse_distance(f->buf, ui->cfg->dist_unit, v);
		break;
	case FK_DURATION:
		if ((rc = units_parse_duration(f->buf, v)) != 0) {
			duration_shape(f);
			return -1;
		}
		break;
	case FK_HOURS:
		rc = units_parse_hours(f->buf, v);
		break;
	case FK_VOLUME:
		rc = units_parse_volume(f->buf, ui->cfg->vol_unit, v);
		break;
	case FK_MASS:
		rc = units_parse_mass(f->buf, v);
		break;
	case FK_INT:
		if (units_parse_int(f->buf, v) != 0) {
			snprintf(f->err, sizeof f->err, "%s '%.40s': not a whole "
			    "number; must be %s", f->range->name, f->buf, allowed);
			f->shape = 1;
			return -1;
		}
		break;
	case FK_CHOICE:
		if ((*v = choice_index(f)) < 0) {
			snprintf(f->err, sizeof f->err, "'%.40s': not one of the "
			    "choices", f->buf);
			return -1;
		}
		return 0;
	case FK_PATH:
		*v = 0;
		return check_path(f);
	case FK_DATE:
		return -1;     /* read above */
	case FK_YESNO:
		*v = strcmp(f->buf, "yes") == 0;
		return 0;
	case FK_TEXT:
		*v = 0;
		if (f->row->flags & FF_SHOE) {
			char name[SHOE_NAME_MAX + 1];

			return shoe_match(ui, f, name, sizeof name);
		}
		if (note_validate(f->buf) != 0) {
			set_err(f, NULL);
			return -1;
		}
		return 0;
	}
	if (rc != 0) {
		/* Not read at all: say the forms it takes, then the range. */
		set_err(f, allowed);
		f->shape = 1;
		return -1;
	}
	if (range_check(f->range, *v, f->buf) != 0) {
		set_err(f, allowed);
		return -1;
	}
	return 0;
}

static int
form_check_field(const struct ui *ui, struct form_field *f)
{
	int64_t v;

	return field_value(ui, f, &v);
}

/* Every field checked; the first bad one becomes current. 0 when good. */
static int
check_all(struct ui *ui, struct ui_form *fm, int64_t *vals)
{
	int i, bad = -1;

	for (i = 0; i < fm->n; i++) {
		struct form_field *f = &fm->f[i];
		if (field_value(ui, f, &vals[i]) != 0) {
			if (f->err[0] == '\0')
				snprintf(f->err, sizeof f->err, "needed: %s",
				    f->range != NULL ? f->range->allowed : "a value");
			if (bad < 0)
				bad = i;
		}
	}
	for (i = 0; i + 1 < fm->n && bad < 0; i++) {
		if (!(fm->f[i].row->flags & FF_PAIR) ||
		    (vals[i] == 0) == (vals[i + 1] == 0))
			continue;
		bad = vals[i] == 0 ? i : i + 1;
		snprintf(fm->f[bad].err, sizeof fm->f[bad].err, "%s",
		    fm->f[i].row->pair);
	}
	if (bad >= 0) {
		fm->cur = bad;
		snprintf(fm->err, sizeof fm->err, "Not saved: %s is wrong (%s)",
		    fm->f[bad].row->label, fm->f[bad].err);
		return -1;
	}
	return 0;
}

/* The value v of field f into entry e, where its descriptor says. */
static void
field_store(const struct form_field *f, int64_t v, void *e)
{
	char **t;

	switch (f->row->kind) {
	case FK_TEXT:
		t = entry_text(e, f->ef);
		free(*t);
		*t = f->buf[0] != '\0' ? xstrdup(f->buf) : NULL;
		break;
	case FK_CHOICE:
	case FK_YESNO:
		entry_set(e, f->ef, v);
		break;
	case FK_PATH:
		break;
	default:
		/* An empty optional number is "not given". */
		entry_set(e, f->ef, f->buf[0] != '\0' ? v : f->ef->none);
		break;
	}
}

/*
 * Writes e. Sleep and the check-in are kept one a day and written by day,
 * so one moved to another day is deleted and written there, in one step
 * that one undo takes back.
 */
static int
put_moved(struct ui *ui, struct ui_form *fm, void *e)
{
	const struct entry_desc *d = entry_desc(fm->def->entry);
	int day = (int)entry_get(e, entry_field_find(d, "day")), rc;

	if (fm->id == 0 || day == fm->day || (fm->def->entry != ENTRY_SLEEP &&
	    fm->def->entry != ENTRY_CHECKIN))
		return fm->def->put(ui->st, e, fm->id != 0);
	if (store_begin(ui->st, "move") != 0)
		return -1;
	if ((rc = store_delete(ui->st, fm->def->entry, fm->id)) == 0) {
		entry_set(e, entry_field_find(d, "id"), 0);
		rc = fm->def->put(ui->st, e, 0);
	}
	if (rc != 0) {
		store_rollback(ui->st);
		return rc;
	}
	return store_commit(ui->st);
}

/*
 * The plausibility of a run, as the command line judges it: a pace faster
 * than any human is refused; a loss of body mass over the limit is
 * refused once, and saved when the same masses are saved again.
 */
static int
run_checked(struct ui *ui, struct ui_form *fm, const struct run *r)
{
	char msg[300];

	if (run_plausible(r, ui->cfg->dist_unit, 1) != 0)
		return -1;
	if (run_plausible(r, ui->cfg->dist_unit, 0) == 0 ||
	    (fm->mass_warned[0] == r->mass_before_g &&
	    fm->mass_warned[1] == r->mass_after_g))
		return 0;
	fm->mass_warned[0] = r->mass_before_g;
	fm->mass_warned[1] = r->mass_after_g;
	snprintf(msg, sizeof msg, "%s", err_get());
	err_set("%s; save again to keep it", msg);
	return -1;
}

/*
 * After a new run: "; Pegasus 40 is now past its limit of 700.00 km"
 * appended when this run took its shoe past the limit, as runlog run says
 * it, once.
 */
static void
shoe_passed(const struct ui *ui, const struct run *r, char *what, size_t n)
{
	struct store_shoe sh;
	size_t len = strlen(what);
	char lim[32];

	if (r->shoe == NULL || store_shoe_get(ui->st, r->shoe, &sh) != 0 ||
	    sh.limit_m == 0 || sh.distance_m <= sh.limit_m ||
	    sh.distance_m - r->distance_m > sh.limit_m || len >= n)
		return;
	snprintf(what + len, n - len, "; %s is now past its limit of %s",
	    sh.name, units_format_distance(sh.limit_m, ui->cfg->dist_unit, lim));
}

/* The shoe's name whole, as the journal spells it, into e. */
static void
shoe_complete(const struct ui *ui, struct form_field *f, void *e)
{
	char name[SHOE_NAME_MAX + 1], **t = entry_text(e, f->ef);

	if (shoe_match(ui, f, name, sizeof name) != 0)
		return;         /* the store refuses it with its own message */
	free(*t);
	*t = xstrdup(name);
}

/*
 * The entry from the form: the stored one when editing (so what the form
 * does not show is kept), then every field. 0 when saved, 1 when the entry
 * no longer exists, -1 with err_set().
 */
static int
save_entry(struct ui *ui, struct ui_form *fm, const int64_t *v, char *what,
    size_t n)
{
	const struct form_def *def = fm->def;
	const struct entry_desc *d = entry_desc(def->entry);
	void *e = xcalloc(1, d->size);
	size_t k;
	int i, rc = 0;

	if (fm->id != 0 && (rc = def->get(ui->st, fm->id, e)) == 0) {
		/* The store sets the times of a change itself. */
		for (k = 0; k < d->nfields; k++)
			if (d->fields[k].flags & FIELD_STAMP) {
				char **t = entry_text(e, &d->fields[k]);
				free(*t);
				*t = NULL;
			}
	}
	if (rc == 0) {
		entry_set(e, entry_field_find(d, "id"), fm->id);
		entry_set(e, entry_field_find(d, "day"), fm->day);
		for (i = 0; i < fm->n; i++)
			if (fm->f[i].ef != NULL)
				field_store(&fm->f[i], v[i], e);
		for (i = 0; i < fm->n; i++)
			if ((fm->f[i].row->flags & FF_SHOE) && fm->f[i].buf[0])
				shoe_complete(ui, &fm->f[i], e);
		if (def->entry == ENTRY_RUN && run_checked(ui, fm, e) != 0)
			rc = -1;
		else
			rc = put_moved(ui, fm, e);
		def->what(ui, e, what, n);
		if (rc == 0 && def->entry == ENTRY_RUN && fm->id == 0)
			shoe_passed(ui, e, what, n);
	}
	entry_free_fields(d, e);
	free(e);
	return rc < 0 ? -1 : rc;
}

static int
save_export(struct ui *ui, struct ui_form *fm, const int64_t *v, char *what,
    size_t n)
{
	char path[PATH_MAX_LEN + 256], *abs, *said;
	enum csv_what w = (enum csv_what)v[field_of(fm, FK_CHOICE) - fm->f];
	size_t rows = 0, all[CSV_WHAT_COUNT];

	expand_path(field_of(fm, FK_PATH)->buf, path, sizeof path);
	if ((int)w == CSV_WHAT_COUNT) {
		/* The same files as runlog export --all -o DIR. */
		if (csv_export_all(ui->st, ui->cfg, path, DATE_MIN, DATE_MAX,
		    all) != 0)
			return -1;
		abs = realpath(path, NULL);
		said = csv_export_all_said(all);
		snprintf(what, n, "%d files to %.100s/: %s", CSV_WHAT_COUNT,
		    abs != NULL ? abs : path, said);
		free(said);
		free(abs);
		return 0;
	}
	if (csv_export_file(ui->st, ui->cfg, w, DATE_MIN, DATE_MAX, path,
	    &rows) != 0)
		return -1;
	abs = realpath(path, NULL);
	snprintf(what, n, "%zu %s to %.150s", rows, csv_what_noun(w, rows),
	    abs != NULL ? abs : path);
	free(abs);
	return 0;
}

static void
form_close(struct ui *ui)
{
	form_free(ui->form);
	ui->form = NULL;
}

static int
form_save(struct ui *ui)
{
	struct ui_form *fm = ui->form;
	int64_t v[FORM_FIELDS];
	char what[240] = "";
	int rc;

	memset(v, 0, sizeof v);
	if (check_all(ui, fm, v) != 0)
		return UI_REDRAW;
	rc = fm->def->save != NULL ? fm->def->save(ui, fm, v, what, sizeof what) :
	    save_entry(ui, fm, v, what, sizeof what);
	if (rc == 1) {
		/* Deleted by another runlog while the form was open. */
		gone_message(ui, fm->def, fm->id, "Not saved");
		form_close(ui);
		return UI_RELOAD | UI_REDRAW;
	}
	if (rc != 0) {
		snprintf(fm->err, sizeof fm->err, "%s: %s", fm->def->save != NULL ?
		    "Not written" : "Not saved", err_get());
		return UI_REDRAW;
	}
	ui_message(ui, ROLE_GOOD, "%s %s", fm->def->save != NULL ? "Wrote" :
	    "Saved", what);
	form_close(ui);
	return UI_RELOAD | UI_REDRAW;
}

/* Steps a choice by step, or to the next one starting with letter. */
static void
cycle_choice(struct form_field *f, int step, int letter)
{
	int n = 0, i, cur = choice_index(f);

	while (f->row->choice(n) != NULL)
		n++;
	if (cur < 0)
		cur = 0;
	if (letter) {
		for (i = 1; i <= n; i++)
			if (f->row->choice((cur + i) % n)[0] == letter) {
				cur = (cur + i) % n;
				break;
			}
	} else
		cur = (cur + step + n) % n;
	snprintf(f->buf, sizeof f->buf, "%s", f->row->choice(cur));
}

/* Free text gets the whole line; its hint goes under the fields. */
static int
is_long(const struct form_field *f)
{
	return f->row->kind == FK_TEXT || f->row->kind == FK_PATH;
}

static int
printable(int key)
{
	return key >= 0x20 && key < 0x100 && key != 0x7f;
}

/* A choice or yes/no field: the action or the letter typed. */
static int
choose(struct ui *ui, struct ui_form *fm, struct form_field *f,
    enum ui_cmd cmd, int key)
{
	if (cmd == CMD_RIGHT)
		cmd = CMD_NEXT;
	else if (cmd == CMD_LEFT)
		cmd = CMD_PREV;
	if (f->row->kind == FK_YESNO) {
		if (cmd == CMD_NEXT || cmd == CMD_PREV)
			snprintf(f->buf, sizeof f->buf, "%s",
			    strcmp(f->buf, "yes") == 0 ? "no" : "yes");
		else if (cmd == CMD_NONE && (key == 'y' || key == 'Y'))
			snprintf(f->buf, sizeof f->buf, "yes");
		else if (cmd == CMD_NONE && (key == 'n' || key == 'N'))
			snprintf(f->buf, sizeof f->buf, "no");
		else
			return UI_NOTHING;
		f->dirty = 1;
		return UI_REDRAW;
	}
	if (cmd == CMD_NEXT || cmd == CMD_PREV)
		cycle_choice(f, cmd == CMD_NEXT ? 1 : -1, 0);
	else if (cmd == CMD_NONE && key >= 'a' && key <= 'z')
		cycle_choice(f, 0, key);
	else
		return UI_NOTHING;
	f->dirty = 1;
	form_check_field(ui, f);
	/* The offered file name follows the kind until one is typed. */
	if (fm->def->entry == ENTRY_KIND_COUNT) {
		export_follow(ui, fm);
		form_check_field(ui, field_of(fm, FK_PATH));
	}
	return UI_REDRAW;
}

/* A field typed into: the action, or the key as a character. */
static int
edit_text(struct ui *ui, struct form_field *f, enum ui_cmd cmd, int key)
{
	size_t cap;
	int r;

	cap = f->row->kind == FK_TEXT ? NOTE_MAX : f->row->kind == FK_PATH ?
	    PATH_MAX_LEN : NUM_MAX;
	/* The offered date is replaced by what is typed over it. */
	if (f->row->kind == FK_DATE && !f->dirty && cmd == CMD_NONE &&
	    printable(key)) {
		f->buf[0] = '\0';
		f->pos = 0;
	}
	r = ui_line_edit(f->buf, cap + 1, &f->pos, cmd, key);
	if (r == UI_LINE_NONE)
		return UI_NOTHING;
	if (r == UI_LINE_CHANGED) {
		f->dirty = 1;
		form_check_field(ui, f);
	} else if (f->row->kind == FK_DATE)
		f->dirty = 1;        /* moved in it: typing edits, not replaces */
	return UI_REDRAW;
}

int
form_key(struct ui *ui, int key)
{
	struct ui_form *fm = ui->form;
	struct form_field *f = &fm->f[fm->cur];
	int typing = f->row->kind != FK_CHOICE && f->row->kind != FK_YESNO;
	enum ui_cmd cmd;

	if (key == KEY_RESIZE)
		return UI_REDRAW;
	cmd = ui_key_find(&ui_keys_form, key);
	/* What is typed into a field is text: every printable key, q and
	 * Space too; only Esc cancels. */
	if (typing && printable(key))
		cmd = CMD_NONE;
	switch (cmd) {
	case CMD_DOWN:
		fm->cur = (fm->cur + 1) % fm->n;
		return UI_REDRAW;
	case CMD_UP:
		fm->cur = (fm->cur + fm->n - 1) % fm->n;
		return UI_REDRAW;
	case CMD_OPEN:
		return form_save(ui);
	case CMD_BACK:
		ui_message(ui, ROLE_NORMAL, "Cancelled; nothing saved");
		form_close(ui);
		return UI_REDRAW;
	default:
		break;
	}
	fm->err[0] = '\0';
	return typing ? edit_text(ui, f, cmd, key) : choose(ui, fm, f, cmd, key);
}

/* Where things go: shared by drawing and the cursor. */
struct form_layout {
	int top;         /* row of the title */
	int first;       /* first field shown */
	int shown;       /* fields shown */
	int lx, lw;      /* label column */
	int ix, iw;      /* input box (inside the brackets) */
	int ux, uw;      /* unit */
	int hx;          /* hint or error on the field's line; 0 = below */
	int below;       /* row for the current field's hint when hx == 0 */
};

static void
layout(const struct ui *ui, struct form_layout *L)
{
	const struct ui_form *fm = ui->form;
	int rows = ui->lines - 3, wide = ui->cols >= 64, room;

	L->top = 1;
	L->lx = 1;
	L->lw = wide ? 14 : 11;
	L->ix = L->lx + L->lw + 1;
	L->iw = wide ? 16 : ui->cols - L->ix - 9;
	if (L->iw < 4)
		L->iw = 4;
	L->ux = L->ix + L->iw + 2;
	L->uw = wide ? 10 : ui->cols - L->ux;
	L->hx = wide ? L->ux + L->uw : 0;
	/* title, blank (when tall), fields, two lines for the current
	 * field's problem or hint, the form's own message line */
	room = rows - 1 - (rows >= 16 ? 1 : 0) - 2 - 1;
	if (room < 1)
		room = 1;
	L->shown = fm->n < room ? fm->n : room;
	L->first = 0;
	if (fm->cur >= L->shown)
		L->first = fm->cur - L->shown + 1;
	L->below = L->top + 1 + (rows >= 16 ? 1 : 0) + L->shown;
}


static int
input_width(const struct ui *ui, const struct form_layout *L,
    const struct form_field *f)
{
	int w = ui->cols - L->ix - 2;

	return is_long(f) && w > L->iw ? w : L->iw;
}

static int
field_row(const struct ui *ui, const struct form_layout *L, int i)
{
	return L->top + 1 + (ui->lines - 3 >= 16 ? 1 : 0) + (i - L->first);
}

static const char *
hint_of(const struct form_field *f, char *out, size_t n)
{
	switch (f->row->kind) {
	case FK_CHOICE: {
		size_t i, len;
		snprintf(out, n, "Space or a first letter:");
		for (i = 0; f->row->choice((int)i) != NULL; i++) {
			len = strlen(out);
			snprintf(out + len, n - len, " %s", f->row->choice((int)i));
		}
		break;
	}
	case FK_PATH: {
		char path[PATH_MAX_LEN + 256];
		struct stat sb;
		expand_path(f->buf, path, sizeof path);
		if (f->want_dir)
			snprintf(out, n, "%s", stat(path, &sb) == 0 ?
			    "a directory: Enter replaces its runlog files" :
			    "a new directory, one file for each kind in it");
		else
			snprintf(out, n, "%s", stat(path, &sb) == 0 ?
			    "the file exists: Enter replaces it" :
			    "a new file; ~/ is your home directory");
		break;
	}
	case FK_YESNO:
		snprintf(out, n, "y or n");
		break;
	case FK_TEXT:
		snprintf(out, n, "optional, up to %d bytes", NOTE_MAX);
		break;
	case FK_DATE:
		snprintf(out, n, "today, yesterday, -3, fri or 2026-11-02");
		break;
	default:
		if (f->row->scale != NULL) {
			snprintf(out, n, "%s", f->row->scale);
			break;
		}
		/* Required fields carry a '*'; the rest may stay empty. */
		snprintf(out, n, "%s", f->range != NULL ? f->range->allowed : "");
		break;
	}
	return out;
}

/* The hint of a field goes under the fields, not beside it. */
static int
hint_below(const struct form_layout *L, const struct form_field *f)
{
	return !L->hx || is_long(f) || f->row->kind == FK_CHOICE;
}

/* The field's text in its box: scrolled to the cursor when current. */
static void
draw_box_text(WINDOW *w, int row, int x, int iw, enum ui_role role,
    const struct form_field *f, int cur)
{
	size_t first = 0;

	if (f->row->kind == FK_CHOICE) {
		ui_putf(w, row, x, iw, role, "< %s >", f->buf);
		return;
	}
	if (cur) {
		ui_line_window(f->buf, f->pos, iw, &first);
		ui_put(w, row, x, iw, role, f->buf + first);
	} else
		ui_put_cut(w, row, x, iw, role, f->buf);
}

/* Beside the field: what is wrong, its scale, or its hint. */
static void
draw_beside(const struct ui *ui, WINDOW *w, const struct form_layout *L,
    int row, const struct form_field *f, int cur)
{
	char hint[160];
	int u8 = ui_text_utf8(), x = L->hx, width = ui->cols - L->hx;

	if (f->err[0]) {
		x += ui_put(w, row, x, width, ROLE_ALERT, u8 ? "\u2717 " : "x ");
		ui_put_cut(w, row, x, ui->cols - x, ROLE_ALERT, f->shape ||
		    f->range == NULL ? f->err : f->range->allowed);
	} else if (f->row->scale != NULL)
		ui_put_cut(w, row, x, width, ROLE_DIM, f->row->scale);
	else if (cur && !hint_below(L, f))
		ui_put_cut(w, row, x, width, ROLE_DIM,
		    hint_of(f, hint, sizeof hint));
}

void
form_draw(const struct ui *ui, WINDOW *w)
{
	const struct ui_form *fm = ui->form;
	struct form_layout L;
	char hint[200];
	int i, y, u8 = ui_text_utf8();

	layout(ui, &L);
	for (y = 1; y <= ui->lines - 3; y++) {
		wmove(w, y, 0);
		wclrtoeol(w);
	}
	ui_put(w, L.top, 0, ui->cols, ROLE_HEADER, fm->title);
	for (i = L.first; i < L.first + L.shown; i++) {
		const struct form_field *f = &fm->f[i];
		int row = field_row(ui, &L, i), cur = i == fm->cur;
		int iw = input_width(ui, &L, f);

		ui_put(w, row, 0, 1, ROLE_NORMAL, cur ? ">" : " ");
		ui_putf(w, row, L.lx, L.lw, cur ? ROLE_HEADER : ROLE_NORMAL, "%s%s",
		    f->row->label, (f->row->flags & FF_REQUIRED) ? "*" : "");
		ui_put(w, row, L.ix - 1, 1, ROLE_DIM, "[");
		draw_box_text(w, row, L.ix, iw, f->err[0] ? ROLE_ALERT :
		    (cur ? ROLE_SELECTED : ROLE_NORMAL), f, cur);
		ui_put(w, row, L.ix + iw, 1, ROLE_DIM, "]");
		if (is_long(f))
			continue;
		ui_put(w, row, L.ux, L.uw, ROLE_DIM, f->unit);
		if (L.hx)
			draw_beside(ui, w, &L, row, f, cur);
	}
	{
		const struct form_field *f = &fm->f[fm->cur];
		char line[400];

		if (f->err[0] && !L.hx && f->range != NULL && !f->shape) {
			/* Narrow: the range first, so it is never cut off. */
			snprintf(line, sizeof line, "%smust be %s. %s",
			    u8 ? "\u2717 " : "x ", f->range->allowed, f->err);
			ui_put_wrapped(w, L.below, 1, ui->cols - 1, 3, ROLE_ALERT,
			    line);
		} else if (f->err[0]) {
			snprintf(line, sizeof line, "%s%s", u8 ? "\u2717 " : "x ",
			    f->err);
			ui_put_wrapped(w, L.below, 1, ui->cols - 1, 3, ROLE_ALERT,
			    line);
		} else if (hint_below(&L, f))
			ui_put_wrapped(w, L.below, 1, ui->cols - 1, 2, ROLE_DIM,
			    hint_of(f, hint, sizeof hint));
	}
	if (fm->err[0]) {
		/* Why the save was refused, whole: wrapped up from the bottom. */
		size_t st[6], ln[6];
		int n = (int)ui_wrap(fm->err, ui->cols, 6, st, ln);

		for (y = ui->lines - 2 - n; y <= ui->lines - 3; y++) {
			wmove(w, y, 0);
			wclrtoeol(w);
		}
		ui_put_wrapped(w, ui->lines - 2 - n, 0, ui->cols, n, ROLE_ALERT,
		    fm->err);
	} else if (L.first + L.shown < fm->n || L.first > 0)
		ui_putf(w, ui->lines - 3, 0, ui->cols, ROLE_DIM,
		    "field %d of %d; Tab for more", fm->cur + 1, fm->n);
}

void
form_cursor(const struct ui *ui, int *y, int *x)
{
	const struct ui_form *fm = ui->form;
	const struct form_field *f = &fm->f[fm->cur];
	struct form_layout L;
	size_t first;

	layout(ui, &L);
	*y = field_row(ui, &L, fm->cur);
	if (f->row->kind == FK_CHOICE || f->row->kind == FK_YESNO) {
		*x = L.ix;
		return;
	}
	*x = L.ix + ui_line_window(f->buf, f->pos, input_width(ui, &L, f),
	    &first);
}

/* The cursor's byte in the current field, for tests. */
size_t
form_pos(const struct ui_form *fm)
{
	return fm->f[fm->cur].pos;
}
