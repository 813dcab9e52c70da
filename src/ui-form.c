/*
 * ui-form: one entry as a form of fields. Each field shows its unit and
 * its allowed range; what is typed is checked on every key with the same
 * parsers and ranges as the command line (units_parse_*, range_check), and
 * a bad value is shown in place with the range and never saved. The form
 * lives in struct ui, so a resize redraws it with everything still typed.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "date.h"
#include "ui.h"
#include "units.h"
#include "util.h"

#define NUM_MAX 40          /* bytes of a number field */
#define PATH_MAX_LEN 1024   /* bytes of a file name typed */

/* The run types in enum order, as a choice. */
static const char *const run_types[] = {
	"easy", "long", "tempo", "interval", "race", "recovery", "other", NULL,
};

/* What an export writes, in enum csv_what order. */
static const char *csv_kinds[CSV_WHAT_COUNT + 1];

static int
choice_index(const struct form_field *f)
{
	int i;

	for (i = 0; f->choices[i] != NULL; i++)
		if (strcmp(f->choices[i], f->buf) == 0)
			return i;
	return -1;
}

static struct form_field *
add(struct ui_form *fm, const char *label, enum field_kind k,
    const struct field_range *r, const char *unit, int required)
{
	struct form_field *f = &fm->f[fm->n++];

	f->label = label;
	f->kind = k;
	f->range = r;
	f->required = required;
	snprintf(f->unit, sizeof f->unit, "%s", unit);
	return f;
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
set_num(struct form_field *f, int64_t v, int64_t none)
{
	f->orig = v;
	if (v == none)
		return;
	snprintf(f->buf, sizeof f->buf, "%" PRId64, v);
}

static void
set_text(struct form_field *f, const char *s)
{
	snprintf(f->buf, sizeof f->buf, "%s", s != NULL ? s : "");
	text_sanitize(f->buf);
}

static void
set_yesno(struct form_field *f, int v)
{
	snprintf(f->buf, sizeof f->buf, "%s", v ? "yes" : "no");
	f->orig = v;
}

static int
open_run(struct ui *ui, struct ui_form *fm, int64_t id)
{
	const struct config *cfg = ui->cfg;
	struct form_field *f;
	struct run r;

	f = add(fm, "Distance", FK_DISTANCE, &RANGE_DISTANCE,
	    units_distance_name(cfg->dist_unit), 1);
	add(fm, "Duration", FK_DURATION, &RANGE_DURATION, "h:m:s", 1);
	add(fm, "Type", FK_CHOICE, NULL, "", 0)->choices = run_types;
	add(fm, "RPE", FK_INT, &RANGE_RPE, "1-10", 0);
	add(fm, "Average HR", FK_INT, &RANGE_HR, "bpm", 0);
	add(fm, "Climb", FK_INT, &RANGE_CLIMB, "m", 0);
	add(fm, "Mass before", FK_MASS, &RANGE_MASS, "kg", 0);
	add(fm, "Mass after", FK_MASS, &RANGE_MASS, "kg", 0);
	add(fm, "Note", FK_TEXT, NULL, "", 0);
	snprintf(fm->f[2].buf, sizeof fm->f[2].buf, "easy");
	if (id == 0)
		return 0;
	if (store_get_run(ui->st, id, &r) != 0)
		return -1;
	f->orig = r.distance_m;
	fmt_trim(f->buf, sizeof f->buf, cfg->dist_unit == UNIT_MI ?
	    (double)r.distance_m / METRES_PER_MILE : (double)r.distance_m / 1000.0);
	fm->f[1].orig = r.duration_s;
	units_format_duration(r.duration_s, fm->f[1].buf);
	set_text(&fm->f[2], run_type_name(r.type));
	set_num(&fm->f[3], r.rpe, 0);
	set_num(&fm->f[4], r.avg_hr, 0);
	set_num(&fm->f[5], r.climb_m, -1);
	fm->f[6].orig = r.mass_before_g;
	fm->f[7].orig = r.mass_after_g;
	if (r.mass_before_g)
		fmt_trim(fm->f[6].buf, sizeof fm->f[6].buf, r.mass_before_g / 1000.0);
	if (r.mass_after_g)
		fmt_trim(fm->f[7].buf, sizeof fm->f[7].buf, r.mass_after_g / 1000.0);
	set_text(&fm->f[8], r.note);
	fm->day = r.day;
	run_free(&r);
	return 0;
}

static int
open_sleep(struct ui *ui, struct ui_form *fm, int64_t id)
{
	struct sleep s;

	add(fm, "Hours", FK_HOURS, &RANGE_SLEEP, "h or h:mm", 1);
	add(fm, "Quality", FK_INT, &RANGE_QUALITY, "1-5", 0);
	add(fm, "Note", FK_TEXT, NULL, "", 0);
	if (id == 0)
		return 0;
	if (store_get_sleep(ui->st, id, &s) != 0)
		return -1;
	fm->f[0].orig = s.minutes;
	snprintf(fm->f[0].buf, sizeof fm->f[0].buf, "%" PRId64 ":%02" PRId64,
	    s.minutes / 60, s.minutes % 60);
	set_num(&fm->f[1], s.quality, 0);
	set_text(&fm->f[2], s.note);
	fm->day = s.day;
	sleep_free(&s);
	return 0;
}

static int
open_drink(struct ui *ui, struct ui_form *fm, int64_t id)
{
	struct drink d;

	add(fm, "Volume", FK_VOLUME, &RANGE_VOLUME,
	    ui->cfg->vol_unit == UNIT_FLOZ ? "oz, ml, l" : "ml, l, oz", 1);
	add(fm, "Electrolytes", FK_YESNO, NULL, "", 0);
	set_yesno(&fm->f[1], 0);
	if (id == 0)
		return 0;
	if (store_get_drink(ui->st, id, &d) != 0)
		return -1;
	fm->f[0].orig = d.volume_ml;
	snprintf(fm->f[0].buf, sizeof fm->f[0].buf, "%" PRId64 "ml", d.volume_ml);
	set_yesno(&fm->f[1], d.electrolytes);
	fm->day = d.day;
	drink_free(&d);
	return 0;
}

static int
open_checkin(struct ui *ui, struct ui_form *fm, int64_t id)
{
	struct checkin c;
	int i;

	add(fm, "Fatigue", FK_INT, &RANGE_FATIGUE, "1-10", 1);
	add(fm, "Soreness", FK_INT, &RANGE_SORENESS, "1-10", 0);
	add(fm, "Mood", FK_INT, &RANGE_MOOD, "1-5", 0);
	add(fm, "Stress", FK_INT, &RANGE_STRESS, "1-5", 0);
	add(fm, "Resting HR", FK_INT, &RANGE_HR, "bpm", 0);
	add(fm, "Ill today", FK_YESNO, NULL, "", 0);
	add(fm, "Sharp pain", FK_YESNO, NULL, "", 0);
	add(fm, "Swelling", FK_YESNO, NULL, "", 0);
	add(fm, "Numbness", FK_YESNO, NULL, "", 0);
	add(fm, "Can't bear wt", FK_YESNO, NULL, "", 0);
	add(fm, "Note", FK_TEXT, NULL, "", 0);
	for (i = 5; i <= 9; i++)
		set_yesno(&fm->f[i], 0);
	if (id == 0)
		return 0;
	if (store_get_checkin(ui->st, id, &c) != 0)
		return -1;
	set_num(&fm->f[0], c.fatigue, 0);
	set_num(&fm->f[1], c.soreness, 0);
	set_num(&fm->f[2], c.mood, 0);
	set_num(&fm->f[3], c.stress, 0);
	set_num(&fm->f[4], c.rhr, 0);
	set_yesno(&fm->f[5], c.ill);
	set_yesno(&fm->f[6], c.pain);
	set_yesno(&fm->f[7], c.swelling);
	set_yesno(&fm->f[8], c.numbness);
	set_yesno(&fm->f[9], c.no_weight);
	set_text(&fm->f[10], c.note);
	fm->day = c.day;
	checkin_free(&c);
	return 0;
}

/* The file name offered for an export of what, until one is typed. */
static void
export_default(const struct ui *ui, struct ui_form *fm)
{
	char ds[11];
	int i = choice_index(&fm->f[0]);

	snprintf(fm->f[1].buf, sizeof fm->f[1].buf, "runlog-%s-%s.csv",
	    csv_kinds[i >= 0 ? i : CSV_DAYS], date_format(ui->today, ds));
}

static int
open_export(struct ui *ui, struct ui_form *fm)
{
	int i;

	for (i = 0; i < CSV_WHAT_COUNT; i++)
		csv_kinds[i] = csv_what_name((enum csv_what)i);
	csv_kinds[CSV_WHAT_COUNT] = NULL;
	add(fm, "Export", FK_CHOICE, NULL, "", 1)->choices = csv_kinds;
	add(fm, "To file", FK_PATH, NULL, "", 1);
	snprintf(fm->f[0].buf, sizeof fm->f[0].buf, "%s", csv_kinds[CSV_DAYS]);
	export_default(ui, fm);
	return 0;
}

static const char *const kind_word[] = {
	[FORM_RUN] = "run", [FORM_SLEEP] = "sleep", [FORM_DRINK] = "drink",
	[FORM_CHECKIN] = "check-in", [FORM_EXPORT] = "export",
};
static const char kind_letter[] = {
	[FORM_RUN] = 'r', [FORM_SLEEP] = 's', [FORM_DRINK] = 'd',
	[FORM_CHECKIN] = 'f', [FORM_EXPORT] = 'e',
};

int
form_open(struct ui *ui, enum form_kind kind, int day, int64_t id)
{
	struct ui_form *fm = xcalloc(1, sizeof *fm);
	char ds[11];
	int rc = -1, i;

	fm->kind = kind;
	fm->id = id;
	fm->day = day;
	switch (kind) {
	case FORM_RUN:     rc = open_run(ui, fm, id); break;
	case FORM_SLEEP:   rc = open_sleep(ui, fm, id); break;
	case FORM_DRINK:   rc = open_drink(ui, fm, id); break;
	case FORM_CHECKIN: rc = open_checkin(ui, fm, id); break;
	case FORM_EXPORT:  rc = open_export(ui, fm); break;
	}
	if (rc != 0) {
		ui_message(ui, ROLE_ALERT, "cannot open the %s: %s",
		    kind_word[kind], rc < 0 ? err_get() : "it is gone");
		free(fm);
		return -1;
	}
	if (kind == FORM_EXPORT)
		snprintf(fm->title, sizeof fm->title, "Export the whole journal "
		    "as CSV");
	else if (id != 0)
		snprintf(fm->title, sizeof fm->title, "Edit %s %c%" PRId64 " on %s %s",
		    kind_word[kind], kind_letter[kind], id,
		    date_weekday_name(fm->day), date_format(fm->day, ds));
	else
		snprintf(fm->title, sizeof fm->title, "New %s on %s %s",
		    kind_word[kind], date_weekday_name(fm->day),
		    date_format(fm->day, ds));
	for (i = 0; i < fm->n; i++)
		form_check_field(ui, &fm->f[i]);
	free(ui->form);
	ui->form = fm;
	return 0;
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

/* A file an export can write: its directory exists, it is no directory. */
static int
check_path(struct form_field *f)
{
	char path[PATH_MAX_LEN + 256], *slash;
	struct stat sb;

	expand_path(f->buf, path, sizeof path);
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
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

/* The value of f in stored units; 0 / -1 with f->err set. */
static int
field_value(const struct ui *ui, struct form_field *f, int64_t *v)
{
	const char *allowed = f->range != NULL ? f->range->allowed : NULL;
	int rc = 0;

	f->err[0] = '\0';
	if (f->buf[0] == '\0') {
		*v = 0;
		return f->required ? -1 : 0;
	}
	if (!f->dirty && f->orig != 0 && f->kind != FK_TEXT &&
	    f->kind != FK_CHOICE && f->kind != FK_YESNO && f->kind != FK_PATH) {
		*v = f->orig;    /* untouched: keep the stored value exactly */
		return 0;
	}
	switch (f->kind) {
	case FK_DISTANCE:
		rc = units_parse_distance(f->buf, ui->cfg->dist_unit, v);
		break;
	case FK_DURATION:
		rc = units_parse_duration(f->buf, v);
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
	case FK_YESNO:
		*v = strcmp(f->buf, "yes") == 0;
		return 0;
	case FK_TEXT:
		*v = 0;
		if (note_validate(f->buf) != 0) {
			set_err(f, NULL);
			return -1;
		}
		return 0;
	}
	if (rc != 0 || range_check(f->range, *v, f->buf) != 0) {
		set_err(f, allowed);
		return -1;
	}
	return 0;
}

int
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
	if (fm->kind == FORM_RUN && (vals[6] == 0) != (vals[7] == 0) && bad < 0) {
		bad = vals[6] == 0 ? 6 : 7;
		snprintf(fm->f[bad].err, sizeof fm->f[bad].err,
		    "mass before and after go together");
	}
	if (bad >= 0) {
		fm->cur = bad;
		snprintf(fm->err, sizeof fm->err, "Not saved: %s is wrong (%s)",
		    fm->f[bad].label, fm->f[bad].err);
		return -1;
	}
	return 0;
}

static char *
note_of(const struct form_field *f)
{
	return f->buf[0] != '\0' ? xstrdup(f->buf) : NULL;
}

static int
save_run(struct ui *ui, struct ui_form *fm, const int64_t *v, char *what,
    size_t n)
{
	struct run r;
	char a[32], ds[11];
	int rc;

	memset(&r, 0, sizeof r);
	if (fm->id != 0 && store_get_run(ui->st, fm->id, &r) != 0)
		return -1;
	free(r.note);
	r.day = fm->day;
	r.distance_m = v[0];
	r.duration_s = v[1];
	if (run_type_parse(fm->f[2].buf, &r.type) != 0)
		r.type = RUN_EASY;
	r.rpe = (int)v[3];
	r.avg_hr = (int)v[4];
	r.climb_m = fm->f[5].buf[0] != '\0' ? v[5] : -1;
	r.mass_before_g = v[6];
	r.mass_after_g = v[7];
	r.note = note_of(&fm->f[8]);
	rc = fm->id != 0 ? store_update_run(ui->st, &r) : store_add_run(ui->st, &r);
	snprintf(what, n, "run %s on %s",
	    units_format_distance(r.distance_m, ui->cfg->dist_unit, a),
	    date_format(r.day, ds));
	run_free(&r);
	return rc < 0 ? -1 : 0;
}

static int
save_sleep(struct ui *ui, struct ui_form *fm, const int64_t *v, char *what,
    size_t n)
{
	struct sleep s;
	char a[32];
	int rc;

	memset(&s, 0, sizeof s);
	s.id = fm->id;
	s.day = fm->day;
	s.minutes = v[0];
	s.quality = (int)v[1];
	s.note = note_of(&fm->f[2]);
	rc = store_put_sleep(ui->st, &s, NULL);
	snprintf(what, n, "sleep %s", units_format_hours(s.minutes, a));
	sleep_free(&s);
	return rc;
}

static int
save_drink(struct ui *ui, struct ui_form *fm, const int64_t *v, char *what,
    size_t n)
{
	struct drink d;
	char a[32];
	int rc;

	memset(&d, 0, sizeof d);
	d.id = fm->id;
	d.day = fm->day;
	d.volume_ml = v[0];
	d.electrolytes = (int)v[1];
	rc = fm->id != 0 ? store_update_drink(ui->st, &d) :
	    store_add_drink(ui->st, &d);
	snprintf(what, n, "drink %s", units_format_volume(d.volume_ml,
	    ui->cfg->vol_unit, a));
	drink_free(&d);
	return rc;
}

static int
save_checkin(struct ui *ui, struct ui_form *fm, const int64_t *v, char *what,
    size_t n)
{
	struct checkin c;
	int rc;

	memset(&c, 0, sizeof c);
	c.id = fm->id;
	c.day = fm->day;
	c.fatigue = (int)v[0];
	c.soreness = (int)v[1];
	c.mood = (int)v[2];
	c.stress = (int)v[3];
	c.rhr = (int)v[4];
	c.ill = (int)v[5];
	c.pain = (int)v[6];
	c.swelling = (int)v[7];
	c.numbness = (int)v[8];
	c.no_weight = (int)v[9];
	c.note = note_of(&fm->f[10]);
	rc = store_put_checkin(ui->st, &c, NULL);
	snprintf(what, n, "check-in, fatigue %d/10", c.fatigue);
	checkin_free(&c);
	return rc;
}

static int
save_export(struct ui *ui, struct ui_form *fm, const int64_t *v, char *what,
    size_t n)
{
	char path[PATH_MAX_LEN + 256], *abs;
	size_t rows = 0;

	expand_path(fm->f[1].buf, path, sizeof path);
	if (csv_export_file(ui->st, ui->cfg, (enum csv_what)v[0], DATE_MIN,
	    DATE_MAX, path, &rows) != 0)
		return -1;
	abs = realpath(path, NULL);
	snprintf(what, n, "%zu %s to %.150s", rows, csv_what_noun((enum csv_what)v[0], rows),
	    abs != NULL ? abs : path);
	free(abs);
	return 0;
}

static int
form_save(struct ui *ui)
{
	struct ui_form *fm = ui->form;
	int64_t v[FORM_FIELDS];
	char what[240] = "";
	int rc = -1;

	memset(v, 0, sizeof v);
	if (check_all(ui, fm, v) != 0)
		return UI_REDRAW;
	switch (fm->kind) {
	case FORM_RUN:     rc = save_run(ui, fm, v, what, sizeof what); break;
	case FORM_SLEEP:   rc = save_sleep(ui, fm, v, what, sizeof what); break;
	case FORM_DRINK:   rc = save_drink(ui, fm, v, what, sizeof what); break;
	case FORM_CHECKIN: rc = save_checkin(ui, fm, v, what, sizeof what); break;
	case FORM_EXPORT:  rc = save_export(ui, fm, v, what, sizeof what); break;
	}
	if (rc != 0) {
		snprintf(fm->err, sizeof fm->err, "%s: %s", fm->kind == FORM_EXPORT ?
		    "Not written" : "Not saved", err_get());
		return UI_REDRAW;
	}
	ui_message(ui, ROLE_GOOD, "%s %s", fm->kind == FORM_EXPORT ? "Wrote" :
	    "Saved", what);
	free(ui->form);
	ui->form = NULL;
	return UI_RELOAD | UI_REDRAW;
}

/* Steps a choice by step, or to the next one starting with letter. */
static void
cycle_choice(struct form_field *f, int step, int letter)
{
	int n = 0, i, cur = choice_index(f);

	while (f->choices[n] != NULL)
		n++;
	if (cur < 0)
		cur = 0;
	if (letter) {
		for (i = 1; i <= n; i++)
			if (f->choices[(cur + i) % n][0] == letter) {
				cur = (cur + i) % n;
				break;
			}
	} else
		cur = (cur + step + n) % n;
	snprintf(f->buf, sizeof f->buf, "%s", f->choices[cur]);
}

static void
delete_char(struct form_field *f)
{
	size_t n = strlen(f->buf);

	while (n > 0 && ((unsigned char)f->buf[n - 1] & 0xc0) == 0x80)
		n--;
	if (n > 0)
		n--;
	f->buf[n] = '\0';
}

int
form_key(struct ui *ui, int key)
{
	struct ui_form *fm = ui->form;
	struct form_field *f = &fm->f[fm->cur];
	size_t len, cap;

	switch (key) {
	case '\t': case KEY_DOWN:
		fm->cur = (fm->cur + 1) % fm->n;
		return UI_REDRAW;
	case KEY_BTAB: case KEY_UP:
		fm->cur = (fm->cur + fm->n - 1) % fm->n;
		return UI_REDRAW;
	case '\n': case '\r': case KEY_ENTER:
		return form_save(ui);
	case 27:
		goto cancel;
	case KEY_RESIZE:
		return UI_REDRAW;
	}
	if (key == 'q' && f->kind != FK_TEXT && f->kind != FK_PATH)
		goto cancel;
	fm->err[0] = '\0';
	if (f->kind == FK_CHOICE) {
		if (key == ' ' || key == KEY_RIGHT)
			cycle_choice(f, 1, 0);
		else if (key == KEY_LEFT)
			cycle_choice(f, -1, 0);
		else if (key >= 'a' && key <= 'z')
			cycle_choice(f, 0, key);
		else
			return UI_NOTHING;
		f->dirty = 1;
		form_check_field(ui, f);
		/* The offered file name follows the kind until one is typed. */
		if (fm->kind == FORM_EXPORT && !fm->f[1].dirty)
			export_default(ui, fm);
		return UI_REDRAW;
	}
	if (f->kind == FK_YESNO) {
		if (key == 'y' || key == 'Y')
			snprintf(f->buf, sizeof f->buf, "yes");
		else if (key == 'n' || key == 'N')
			snprintf(f->buf, sizeof f->buf, "no");
		else if (key == ' ' || key == KEY_LEFT || key == KEY_RIGHT)
			snprintf(f->buf, sizeof f->buf, "%s",
			    strcmp(f->buf, "yes") == 0 ? "no" : "yes");
		else
			return UI_NOTHING;
		f->dirty = 1;
		return UI_REDRAW;
	}
	len = strlen(f->buf);
	cap = f->kind == FK_TEXT ? NOTE_MAX : f->kind == FK_PATH ? PATH_MAX_LEN :
	    NUM_MAX;
	if (key == KEY_BACKSPACE || key == 127 || key == 8)
		delete_char(f);
	else if (key == ('u' & 0x1f))
		f->buf[0] = '\0';
	else if (key >= 0x20 && key < 0x100 && key != 0x7f) {
		if (len >= cap)
			return UI_NOTHING;
		f->buf[len] = (char)key;
		f->buf[len + 1] = '\0';
	} else
		return UI_NOTHING;
	f->dirty = 1;
	form_check_field(ui, f);
	return UI_REDRAW;
cancel:
	ui_message(ui, ROLE_NORMAL, "Cancelled; nothing saved");
	free(ui->form);
	ui->form = NULL;
	return UI_REDRAW;
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

/* Free text gets the whole line; its hint goes under the fields. */
static int
is_long(const struct form_field *f)
{
	return f->kind == FK_TEXT || f->kind == FK_PATH;
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

/* The tail of buf that fits width columns, for typing at the end. */
static const char *
tail(const char *buf, int width)
{
	const char *p = buf;

	while (ui_text_width(p) > width && *p != '\0') {
		p++;
		while (((unsigned char)*p & 0xc0) == 0x80)
			p++;
	}
	return p;
}

static const char *
hint_of(const struct form_field *f, char *out, size_t n)
{
	switch (f->kind) {
	case FK_CHOICE: {
		size_t i, len;
		snprintf(out, n, "Space:");
		for (i = 0; f->choices[i] != NULL; i++) {
			len = strlen(out);
			snprintf(out + len, n - len, " %s", f->choices[i]);
		}
		break;
	}
	case FK_PATH: {
		char path[PATH_MAX_LEN + 256];
		struct stat sb;
		expand_path(f->buf, path, sizeof path);
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
	default:
		/* Required fields carry a '*'; the rest may stay empty. */
		snprintf(out, n, "%s", f->range != NULL ? f->range->allowed : "");
		break;
	}
	return out;
}

/* prefix and text over two lines of width columns, cut at a space. */
static void
two_lines(WINDOW *w, int y, int width, enum ui_role role, const char *prefix,
    const char *text)
{
	char all[512];
	size_t fit, cut;

	snprintf(all, sizeof all, "%s%s", prefix, text);
	fit = ui_text_fit(all, width);
	cut = fit;
	if (all[fit] != '\0') {
		while (cut > 0 && all[cut] != ' ')
			cut--;
		if (cut == 0)
			cut = fit;
	}
	{
		char first[512];
		memcpy(first, all, cut);
		first[cut] = '\0';
		ui_put(w, y, 1, width, role, first);
	}
	while (all[cut] == ' ')
		cut++;
	ui_put(w, y + 1, 3, width - 2, role, all + cut);
}

void
form_draw(const struct ui *ui, WINDOW *w)
{
	const struct ui_form *fm = ui->form;
	struct form_layout L;
	char hint[160], box[NOTE_MAX + 8];
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

		ui_put(w, row, 0, 1, ROLE_NORMAL, cur ? ">" : " ");
		ui_putf(w, row, L.lx, L.lw, cur ? ROLE_HEADER : ROLE_NORMAL, "%s%s",
		    f->label, f->required ? "*" : "");
		int iw = input_width(ui, &L, f);

		if (f->kind == FK_CHOICE)
			snprintf(box, sizeof box, "< %s >", f->buf);
		else
			snprintf(box, sizeof box, "%s", tail(f->buf, iw));
		ui_put(w, row, L.ix - 1, 1, ROLE_DIM, "[");
		ui_put(w, row, L.ix, iw, f->err[0] ? ROLE_ALERT :
		    (cur ? ROLE_SELECTED : ROLE_NORMAL), box);
		ui_put(w, row, L.ix + iw, 1, ROLE_DIM, "]");
		if (is_long(f))
			continue;
		ui_put(w, row, L.ux, L.uw, ROLE_DIM, f->unit);
		if (L.hx) {
			if (f->err[0])
				ui_putf(w, row, L.hx, ui->cols - L.hx, ROLE_ALERT,
				    "%s %s", u8 ? "\u2717" : "x", f->range != NULL ?
				    f->range->allowed : "see below");
			else if (cur)
				ui_put(w, row, L.hx, ui->cols - L.hx, ROLE_DIM,
				    hint_of(f, hint, sizeof hint));
		}
	}
	{
		const struct form_field *f = &fm->f[fm->cur];
		if (f->err[0] && !L.hx && f->range != NULL) {
			/* Narrow: the range first, so it is never cut off. */
			ui_putf(w, L.below, 1, ui->cols - 1, ROLE_ALERT, "%smust be %s",
			    u8 ? "\u2717 " : "x ", f->range->allowed);
			ui_put(w, L.below + 1, 3, ui->cols - 3, ROLE_ALERT, f->err);
		} else if (f->err[0])
			two_lines(w, L.below, ui->cols - 1, ROLE_ALERT,
			    u8 ? "\u2717 " : "x ", f->err);
		else if (!L.hx || is_long(f))
			two_lines(w, L.below, ui->cols - 1, ROLE_DIM, "",
			    hint_of(f, hint, sizeof hint));
	}
	if (fm->err[0])
		ui_put(w, ui->lines - 3, 0, ui->cols, ROLE_ALERT, fm->err);
	else if (L.first + L.shown < fm->n || L.first > 0)
		ui_putf(w, ui->lines - 3, 0, ui->cols, ROLE_DIM,
		    "field %d of %d; Tab for more", fm->cur + 1, fm->n);
}

void
form_cursor(const struct ui *ui, int *y, int *x)
{
	const struct ui_form *fm = ui->form;
	const struct form_field *f = &fm->f[fm->cur];
	struct form_layout L;
	int w, iw;

	layout(ui, &L);
	*y = field_row(ui, &L, fm->cur);
	if (f->kind == FK_CHOICE || f->kind == FK_YESNO) {
		*x = L.ix;
		return;
	}
	iw = input_width(ui, &L, f);
	w = ui_text_width(tail(f->buf, iw));
	*x = L.ix + (w < iw ? w : iw - 1);
}
