/*
 * ui-day: one day of the journal, the screen runlog opens on. Everything
 * about the day is read in enter() with one store_load() of the day and a
 * bounded series for the week; keys add a run, sleep, check-in or drink
 * through a form, add a glass of water in one keystroke, mark a rest day
 * and move between days.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "series.h"
#include "ui.h"
#include "ui-data.h"
#include "ui-form.h"
#include "ui-text.h"
#include "units.h"
#include "util.h"

#define GLASS_ML 250

static const char *const weekday_full[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday",
};

/* What the Day screen shows, private to it. */
struct day_state {
	struct entries e;        /* every entry of the day */
	int64_t fluid_ml;
	int64_t week_m;          /* this week up to the day */
	int64_t prev_week_m;     /* last week, all of it */
	struct an_progress prog; /* mileage progression, as check judges it */
	size_t  sel;             /* selected run, then drink */
	int     nflags;
	struct an_flag flags[AN_FLAGS_MAX];   /* holding on the day */
};

static void *
day_init(struct ui *ui)
{
	return xcalloc(1, sizeof (struct day_state));
}

static void
day_clear(struct day_state *ds)
{
	entries_free(&ds->e);
	memset(&ds->e, 0, sizeof ds->e);
	ds->nflags = 0;
}

static void
day_free(void *state)
{
	if (state != NULL)
		day_clear(state);
	free(state);
}

static int64_t
day_peek(const void *state, const char *what)
{
	const struct day_state *ds = state;

	if (strcmp(what, "fluid_ml") == 0)
		return ds->fluid_ml;
	if (strcmp(what, "nrest") == 0)
		return (int64_t)ds->e.nrests;
	if (strcmp(what, "sel") == 0)
		return (int64_t)ds->sel;
	return INT64_MIN;
}

static int64_t
sum_distance(const struct series *se, int from, int to)
{
	const struct an_metrics *m;
	int64_t sum = 0;
	int d;

	for (d = from; d <= to; d++)
		if ((m = series_metrics(se, d)) != NULL)
			sum += m->distance_m;
	return sum;
}

static void
day_enter(struct ui *ui, void *state)
{
	struct day_state *ds = state;
	struct series se;
	size_t i, sel = ds->sel;
	int ws = date_week_start(ui->day, ui->cfg->week_start);
	int d = ui->day;

	day_clear(ds);
	if (store_load(ui->st, d, d, &ds->e) != 0) {
		memset(&ds->e, 0, sizeof ds->e);
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
		return;
	}
	if (series_load(ui->st, ws - 7, d, &ui->cfg->an, &se) != 0) {
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
		return;
	}
	ds->fluid_ml = 0;
	for (i = 0; i < ds->e.ndrinks; i++)
		ds->fluid_ml += ds->e.drinks[i].volume_ml;
	ds->week_m = sum_distance(&se, ws, d);
	ui_progress_on(ui, &se, d, &ds->prog);
	ds->prev_week_m = sum_distance(&se, ws - 7, ws - 1);
	ds->nflags = series_flags(&se, &ui->cfg->an, d, ds->flags);
	series_free(&se);
	/* The selection runs over the day's runs, then its drinks. */
	i = ds->e.nruns + ds->e.ndrinks;
	ds->sel = i == 0 ? 0 : (sel < i ? sel : i - 1);
}

/* "Undone: run 6.21 mi": the stored label ("10 km") in the user's units. */
static void
undo_said(struct ui *ui, const char *what, const char *label)
{
	char *conv = units_in_text(label, ui->cfg->dist_unit,
	    ui->cfg->vol_unit);

	ui_message(ui, ROLE_GOOD, "%s: %s", what, conv);
	free(conv);
}

int
ui_undo(struct ui *ui)
{
	char label[160];
	int rc = store_undo(ui->st, label, sizeof label);

	if (rc < 0)
		ui_message(ui, ROLE_ALERT, "cannot undo: %s", err_get());
	else if (rc == 1)
		ui_message(ui, ROLE_NORMAL, "Nothing to undo");
	else
		undo_said(ui, "Undone", label);
	return UI_RELOAD | UI_REDRAW;
}

int
ui_redo(struct ui *ui)
{
	char label[160];
	int rc = store_redo(ui->st, label, sizeof label);

	if (rc < 0)
		ui_message(ui, ROLE_ALERT, "cannot redo: %s", err_get());
	else if (rc == 1)
		ui_message(ui, ROLE_NORMAL, "Nothing to redo");
	else
		undo_said(ui, "Redone", label);
	return UI_RELOAD | UI_REDRAW;
}

int
ui_form_of(enum entry_kind k)
{
	switch (k) {
	case ENTRY_RUN:     return FORM_RUN;
	case ENTRY_SLEEP:   return FORM_SLEEP;
	case ENTRY_DRINK:   return FORM_DRINK;
	case ENTRY_CHECKIN: return FORM_CHECKIN;
	default:            return FORM_KIND_COUNT;
	}
}

static int
add_glass(struct ui *ui, const struct day_state *ds)
{
	struct drink dk;
	char v[32], sum[32], t[32];

	memset(&dk, 0, sizeof dk);
	dk.day = ui->day;
	dk.volume_ml = GLASS_ML;
	if (store_add_drink(ui->st, &dk) != 0) {
		ui_message(ui, ROLE_ALERT, "not saved: %s", err_get());
		return UI_REDRAW;
	}
	drink_free(&dk);
	ui_message(ui, ROLE_GOOD, "Added a glass of water (%s): %s of %s",
	    units_format_volume(GLASS_ML, ui->cfg->vol_unit, v),
	    units_format_volume(ds->fluid_ml + GLASS_ML, ui->cfg->vol_unit, sum),
	    units_format_volume(ui->cfg->fluid_target_ml, ui->cfg->vol_unit, t));
	return UI_RELOAD | UI_REDRAW;
}

static int
toggle_rest(struct ui *ui, const struct day_state *ds)
{
	struct rest r;
	int rc;

	if (ds->e.nrests > 0) {
		rc = store_delete(ui->st, ENTRY_REST, ds->e.rests[0].id);
		if (rc < 0)
			ui_message(ui, ROLE_ALERT, "not changed: %s", err_get());
		else
			ui_message(ui, ROLE_GOOD, "No longer a rest day; u undoes it");
		return UI_RELOAD | UI_REDRAW;
	}
	memset(&r, 0, sizeof r);
	r.day = ui->day;
	if (store_put_rest(ui->st, &r, NULL) != 0) {
		ui_message(ui, ROLE_ALERT, "not saved: %s", err_get());
		return UI_REDRAW;
	}
	rest_free(&r);
	ui_message(ui, ROLE_GOOD, "Marked as a rest day");
	return UI_RELOAD | UI_REDRAW;
}

/* Opens a form; when the entry was deleted elsewhere, the day reloads. */
static int
open_form(struct ui *ui, enum form_kind kind, int64_t id)
{
	return form_open(ui, kind, ui->day, id) == 1 ? UI_RELOAD | UI_REDRAW :
	    UI_REDRAW;
}

static int
day_key(struct ui *ui, void *state, enum ui_cmd cmd)
{
	struct day_state *ds = state;

	switch (cmd) {
	case CMD_PREV:
		if (ui->day > DATE_MIN)
			ui->day--;
		return UI_RELOAD | UI_REDRAW;
	case CMD_NEXT:
		if (ui->day >= ui->today) {
			ui_message(ui, ROLE_NORMAL, "That is today; the journal "
			    "holds no future days");
			return UI_REDRAW;
		}
		ui->day++;
		return UI_RELOAD | UI_REDRAW;
	case CMD_TODAY:
		ui->day = ui->today;
		return UI_RELOAD | UI_REDRAW;
	case CMD_UP:
		if (ds->sel > 0)
			ds->sel--;
		return UI_REDRAW;
	case CMD_DOWN:
		if (ds->sel + 1 < ds->e.nruns + ds->e.ndrinks)
			ds->sel++;
		return UI_REDRAW;
	case CMD_ADD_RUN:
		return open_form(ui, FORM_RUN, 0);
	case CMD_EDIT:
		if (ds->sel < ds->e.nruns)
			return open_form(ui, FORM_RUN, ds->e.runs[ds->sel].id);
		if (ds->sel - ds->e.nruns < ds->e.ndrinks)
			return open_form(ui, FORM_DRINK,
			    ds->e.drinks[ds->sel - ds->e.nruns].id);
		ui_message(ui, ROLE_NORMAL, "Nothing on this day to edit; "
		    "r adds a run, d a drink, D lists every entry");
		return UI_REDRAW;
	case CMD_SLEEP:
		return open_form(ui, FORM_SLEEP,
		    ds->e.nsleeps > 0 ? ds->e.sleeps[0].id : 0);
	case CMD_CHECKIN:
		return open_form(ui, FORM_CHECKIN,
		    ds->e.ncheckins > 0 ? ds->e.checkins[0].id : 0);
	case CMD_DRINK:
		return open_form(ui, FORM_DRINK, 0);
	case CMD_GLASS:
		return add_glass(ui, ds);
	case CMD_REST:
		return toggle_rest(ui, ds);
	case CMD_UNDO:
		return ui_undo(ui);
	case CMD_REDO:
		return ui_redo(ui);
	case CMD_DELETE:
		ui_pick_open(ui, &ds->e);
		return UI_REDRAW;
	case CMD_EXPORT:
		return open_form(ui, FORM_EXPORT, 0);
	default:
		return -1;
	}
}

/* The go-to prompt: that day, never a future one. */
static int
day_go_to(struct ui *ui, void *state, int d)
{
	char ds[11];

	if (d > ui->today) {
		ui_message(ui, ROLE_NORMAL, "%s is in the future; the journal "
		    "holds no future days", date_format(d, ds));
		return UI_REDRAW;
	}
	ui->day = d;
	return UI_RELOAD | UI_REDRAW;
}

/* Lines of the Day screen, written top to bottom while there is room. */
struct lines {
	const struct day_state *ds;
	WINDOW *w;
	int y, last, cols;
};

static int
room(const struct lines *l)
{
	return l->y <= l->last;
}

static void
label(struct lines *l, const char *text)
{
	ui_put(l->w, l->y, 0, 10, ROLE_HEADER, text);
}

static void
draw_runs(const struct ui *ui, struct lines *l)
{
	const struct day_state *ds = l->ds;
	char a[32], b[32], c[32], note[600];
	size_t i;

	if (ds->e.nruns == 0 && room(l)) {
		label(l, "Runs");
		ui_put(l->w, l->y++, 10, l->cols - 10, ROLE_DIM,
		    ds->e.nrests ? "none: rest day" : "none yet (r adds one)");
		return;
	}
	for (i = 0; i < ds->e.nruns && room(l); i++) {
		const struct run *r = &ds->e.runs[i];
		int x = 10;
		if (i == 0)
			label(l, ds->e.nruns == 1 ? "Run" : "Runs");
		if (ds->e.nruns + ds->e.ndrinks > 1)
			ui_put(l->w, l->y, 8, 2, ROLE_NORMAL,
			    i == ds->sel ? ">" : " ");
		x += ui_putf(l->w, l->y, x, l->cols - x,
		    i == ds->sel && ds->e.nruns + ds->e.ndrinks > 1 ? ROLE_SELECTED :
		    ROLE_NORMAL,
		    "%s  %s  %s",
		    units_format_distance(r->distance_m, ui->cfg->dist_unit, a),
		    units_format_duration(r->duration_s, b),
		    units_format_pace(r->distance_m, r->duration_s,
		    ui->cfg->dist_unit, c));
		if (r->rpe)
			x += ui_putf(l->w, l->y, x, l->cols - x, ROLE_NORMAL,
			    "  RPE %d", r->rpe);
		x += ui_putf(l->w, l->y, x, l->cols - x, ROLE_NORMAL, "  %s",
		    run_type_name(r->type));
		if (r->avg_hr)
			x += ui_putf(l->w, l->y, x, l->cols - x, ROLE_NORMAL,
			    "  HR %d", r->avg_hr);
		if (r->note != NULL && *r->note != '\0' && l->cols - x > 2)
			x += 2 + ui_put_cut(l->w, l->y, x + 2, l->cols - x - 2,
			    ROLE_DIM, ui_clean(r->note, note, sizeof note));
		l->y++;
	}
}

static void
draw_sleep(const struct ui *ui, struct lines *l)
{
	const struct day_state *ds = l->ds;
	char a[32], note[600];
	int x = 10;

	if (!room(l))
		return;
	label(l, "Sleep");
	if (ds->e.nsleeps == 0) {
		ui_put(l->w, l->y++, 10, l->cols - 10, ROLE_DIM,
		    "not logged (s logs it)");
		return;
	}
	x += ui_put(l->w, l->y, x, l->cols - x, ds->e.sleeps[0].minutes < 360 ?
	    ROLE_WARNING : ROLE_NORMAL,
	    units_format_hours(ds->e.sleeps[0].minutes, a));
	if (ds->e.sleeps[0].minutes < 360)
		x += ui_put(l->w, l->y, x, l->cols - x, ROLE_WARNING, " (short)");
	if (ds->e.sleeps[0].quality)
		x += ui_putf(l->w, l->y, x, l->cols - x, ROLE_NORMAL,
		    "  quality %d/5", ds->e.sleeps[0].quality);
	if (ds->e.sleeps[0].note != NULL && *ds->e.sleeps[0].note != '\0' &&
	    l->cols - x > 2)
		ui_put_cut(l->w, l->y, x + 2, l->cols - x - 2, ROLE_DIM,
		    ui_clean(ds->e.sleeps[0].note, note, sizeof note));
	l->y++;
}

static void
draw_fluid(const struct ui *ui, struct lines *l)
{
	const struct day_state *ds = l->ds;
	int64_t target = ui->cfg->fluid_target_ml;
	char bar[128], a[32], b[32];
	int bw = l->cols >= 70 ? 20 : 10, x = 10, met;
	double frac = target > 0 ? (double)ds->fluid_ml / (double)target : 1;

	if (!room(l))
		return;
	label(l, "Fluid");
	met = ds->fluid_ml >= target;
	x += ui_put(l->w, l->y, x, l->cols - x, met ? ROLE_GOOD : ROLE_NORMAL,
	    ui_bar(frac, bw, bar, sizeof bar));
	x += ui_putf(l->w, l->y, x, l->cols - x, ROLE_NORMAL, " %s of %s",
	    units_format_volume(ds->fluid_ml, ui->cfg->vol_unit, a),
	    units_format_volume(target, ui->cfg->vol_unit, b));
	if (met)
		x += ui_put(l->w, l->y, x, l->cols - x, ROLE_GOOD, "  target met");
	else
		x += ui_putf(l->w, l->y, x, l->cols - x, ROLE_NORMAL, "  %d%%",
		    (int)(frac * 100 + 0.5));
	/* The drinks in one count; the selected one, when a drink is,
	 * on a line of its own so that it can be edited. */
	if (ds->e.ndrinks > 0)
		x += ui_putf(l->w, l->y, x, l->cols - x, ROLE_DIM, "  %zu %s",
		    ds->e.ndrinks, ds->e.ndrinks == 1 ? "drink" : "drinks");
	l->y++;
	if (ds->sel >= ds->e.nruns && ds->sel - ds->e.nruns < ds->e.ndrinks &&
	    ds->e.nruns + ds->e.ndrinks > 1 && room(l)) {
		const struct drink *dk = &ds->e.drinks[ds->sel - ds->e.nruns];
		ui_put(l->w, l->y, 8, 2, ROLE_NORMAL, ">");
		ui_putf(l->w, l->y, 10, l->cols - 10, ROLE_SELECTED,
		    "drink %zu of %zu: %s%s", ds->sel - ds->e.nruns + 1,
		    ds->e.ndrinks, units_format_volume(dk->volume_ml,
		    ui->cfg->vol_unit, a), dk->electrolytes ? " +salts" : "");
		l->y++;
	}
}

/*
 * One reading of the check-in line at column x, when it fits whole: the
 * column after it, or -1 when it does not fit (nothing more is drawn).
 */
static int
checkin_item(struct lines *l, int x, char *buf, size_t n, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	if (ui_text_width(buf) > l->cols - x)
		return -1;
	return x + ui_put(l->w, l->y, x, l->cols - x, ROLE_NORMAL, buf);
}

static void
draw_checkin(const struct ui *ui, struct lines *l)
{
	const struct day_state *ds = l->ds;
	const struct checkin *k;
	char note[600], mass[32], item[64];
	int x = 10;

	if (!room(l))
		return;
	label(l, "Check-in");
	if (ds->e.ncheckins == 0) {
		ui_put(l->w, l->y++, 10, l->cols - 10, ROLE_DIM,
		    "not logged (f logs it)");
		return;
	}
	k = &ds->e.checkins[0];
	if (k->fatigue > 0)
		x += ui_putf(l->w, l->y, x, l->cols - x, k->fatigue >= 7 ?
		    ROLE_WARNING : ROLE_NORMAL, "fatigue %d/10%s", k->fatigue,
		    k->fatigue >= 7 ? " (high)" : "");
	else
		x += ui_putf(l->w, l->y, x, l->cols - x, ROLE_DIM, "no rating");
	/* The readings that fit whole, in this order; one cut in half
	 * would read as another value (68.6 for 68.6 kg). */
	item[0] = '\0';
	if (k->soreness)
		x = checkin_item(l, x, item, sizeof item, "  sore %d/10",
		    k->soreness);
	if (k->mood && x >= 0)
		x = checkin_item(l, x, item, sizeof item, "  mood %d/5", k->mood);
	if (k->stress && x >= 0)
		x = checkin_item(l, x, item, sizeof item, "  stress %d/5",
		    k->stress);
	if (k->rhr && x >= 0)
		x = checkin_item(l, x, item, sizeof item, "  RHR %d", k->rhr);
	if (k->hrv_ms && x >= 0)
		x = checkin_item(l, x, item, sizeof item, "  HRV %d ms",
		    k->hrv_ms);
	if (k->mass_g && x >= 0)
		x = checkin_item(l, x, item, sizeof item, "  %s kg",
		    units_format_mass(k->mass_g, mass));
	if (x < 0)
		x = l->cols;
	if (k->note != NULL && *k->note != '\0' && l->cols - x > 2)
		ui_put_cut(l->w, l->y, x + 2, l->cols - x - 2, ROLE_DIM,
		    ui_clean(k->note, note, sizeof note));
	l->y++;
	/* Illness and injury signs get a line of their own: never cut off. */
	if ((k->ill || k->pain || k->swelling || k->numbness || k->no_weight) &&
	    room(l)) {
		x = 10;
		if (k->ill)
			x += ui_put(l->w, l->y, x, l->cols - x, ROLE_WARNING, "ill  ");
		if (k->pain)
			x += ui_put(l->w, l->y, x, l->cols - x, ROLE_ALERT,
			    "sharp pain  ");
		if (k->swelling)
			x += ui_put(l->w, l->y, x, l->cols - x, ROLE_ALERT,
			    "swelling  ");
		if (k->numbness)
			x += ui_put(l->w, l->y, x, l->cols - x, ROLE_ALERT,
			    "numbness  ");
		if (k->no_weight)
			ui_put(l->w, l->y, x, l->cols - x, ROLE_ALERT,
			    "cannot bear weight");
		l->y++;
	}
}

static void
draw_week(const struct ui *ui, struct lines *l)
{
	const struct day_state *ds = l->ds;
	char a[32], b[32];
	int x = 10;

	if (!room(l))
		return;
	label(l, "Week");
	x += ui_putf(l->w, l->y, x, l->cols - x, ROLE_NORMAL, "%s so far",
	    units_format_distance(ds->week_m, ui->cfg->dist_unit, a));
	/* the rise over the recent level: what check's mileage-jump judges;
	 * on its own line when there is room for the whole sentence */
	if (ds->prog.known && l->cols < 80) {
		char p[64];
		int mark = ui_progress_text(ui->cfg, &ds->prog, UI_PROG_FIGURE, p,
		    sizeof p);

		ui_putf(l->w, l->y++, x, l->cols - x, mark == 2 ? ROLE_ALERT :
		    mark == 1 ? ROLE_WARNING : ROLE_NORMAL, "  %s", p);
		return;
	}
	if (ds->prev_week_m > 0)
		ui_putf(l->w, l->y, x, l->cols - x, ROLE_DIM,
		    "  (last week %s)", units_format_distance(ds->prev_week_m,
		    ui->cfg->dist_unit, b));
	l->y++;
	if (ds->prog.known && room(l)) {
		char p[160];
		int mark = ui_progress_text(ui->cfg, &ds->prog, UI_PROG_FULL, p,
		    sizeof p);

		ui_put(l->w, l->y++, 10, l->cols - 10, mark == 2 ? ROLE_ALERT :
		    mark == 1 ? ROLE_WARNING : ROLE_NORMAL, p);
	}
}

static const char *const sev_mark[] = { "~", "!", "!!" };

static enum ui_role
sev_role(enum an_severity s)
{
	return s == AN_ALERT ? ROLE_ALERT : s == AN_WARNING ? ROLE_WARNING :
	    ROLE_NOTE;
}

/* The day's flags; one summary line when there is no room for each. */
static void
draw_flags(const struct ui *ui, struct lines *l)
{
	const struct day_state *ds = l->ds;
	char reason[320];
	int i, x;

	if (!room(l))
		return;
	label(l, "Flags");
	if (ds->nflags == 0) {
		ui_put(l->w, l->y++, 10, l->cols - 10, ROLE_GOOD,
		    "none on this day");
		return;
	}
	if (l->last - l->y + 1 < ds->nflags) {
		x = 10;
		for (i = 0; i < ds->nflags; i++)
			x += ui_putf(l->w, l->y, x, l->cols - x,
			    sev_role(ds->flags[i].severity), "%s%s %s", i ? "  " : "",
			    sev_mark[ds->flags[i].severity],
			    an_flag_name(ds->flags[i].id));
		l->y++;
		return;
	}
	for (i = 0; i < ds->nflags && room(l); i++) {
		const struct an_flag *f = &ds->flags[i];
		const char *p;
		int spare = l->last - l->y + 1 - (ds->nflags - i);

		x = 10 + ui_putf(l->w, l->y, 10, l->cols - 10, sev_role(f->severity),
		    "%-2s %-7s %-18s ", sev_mark[f->severity],
		    an_severity_name(f->severity), an_flag_name(f->id));
		an_flag_reason(f, ui->cfg->dist_unit, ui->cfg->vol_unit, reason,
		    sizeof reason);
		text_sanitize(reason);
		/* The reason, wrapped under the flag while rows are spare. */
		for (p = reason; *p != '\0' && room(l); l->y++, x = 13) {
			size_t fit = ui_text_fit(p, l->cols - x), cut = fit;
			char part[320];
			if (p[fit] != '\0' && spare > 0) {
				while (cut > 0 && p[cut] != ' ')
					cut--;
				if (cut == 0)
					cut = fit;
			}
			memcpy(part, p, cut);
			part[cut] = '\0';
			ui_put(l->w, l->y, x, l->cols - x, ROLE_NORMAL, part);
			p += cut;
			while (*p == ' ')
				p++;
			if (spare-- <= 0)
				p += strlen(p);
		}
		if (*reason == '\0')
			l->y++;
	}
}

static void
day_draw(const struct ui *ui, const void *state, WINDOW *w)
{
	const struct day_state *ds = state;
	struct lines l = { ds, w, 1, ui->lines - 3, ui->cols };
	int compact = ui->lines < 20;
	char date[11];
	int x;

	x = ui_putf(w, l.y, 0, ui->cols, ROLE_HEADER, "%s %s",
	    weekday_full[date_weekday(ui->day)], date_format(ui->day, date));
	if (ui->day == ui->today)
		x += ui_put(w, l.y, x, ui->cols - x, ROLE_NORMAL, "  today");
	else if (ui->day == ui->today - 1)
		x += ui_put(w, l.y, x, ui->cols - x, ROLE_NORMAL, "  yesterday");
	if (ds->e.nrests > 0)
		ui_put(w, l.y, x, ui->cols - x, ROLE_GOOD, "  rest day");
	l.y += compact ? 1 : 2;
	draw_runs(ui, &l);
	draw_sleep(ui, &l);
	draw_fluid(ui, &l);
	draw_checkin(ui, &l);
	if (!compact)
		l.y++;
	draw_week(ui, &l);
	if (!compact)
		l.y++;
	draw_flags(ui, &l);
}

const struct screen day_screen = {
	.name = "Day",
	.short_name = "Day",
	.keys = &ui_keys_day,
	.init = day_init,
	.free = day_free,
	.enter = day_enter,
	.draw = day_draw,
	.key = day_key,
	.peek = day_peek,
	.go_to = day_go_to,
};
