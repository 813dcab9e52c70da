/*
 * ui-calendar: a year of daily distance as a heat map, one column per week
 * and one row per weekday as `runlog calendar` prints it (the same bands
 * from fit_calendar()), with the selected day highlighted; under it, or
 * beside it when the terminal is wide, the totals of each month of the
 * year and of the year against the one before. A narrow terminal shows
 * the half of the year holding the selected day. One bounded read per
 * year shown: the year and the one before it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fitness.h"
#include "series.h"
#include "ui.h"
#include "ui-text.h"
#include "units.h"
#include "util.h"

#define CAL_YEAR_MIN 1900
#define CAL_YEAR_MAX 2099
#define CAL_TABLE_W  35      /* a row of totals: label, km, time, runs, load */
#define CAL_TABLE_H  18      /* head, 12 months, gap, 2 years, the change
                                over 2 lines */

static const char *const month_names[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec",
};

/* Colour strengthens the shades, cool to warm; the shades say it alone. */
static const enum ui_role band_role[FIT_CAL_BANDS] = {
	ROLE_DIM, ROLE_NOTE, ROLE_GOOD, ROLE_WARNING, ROLE_ALERT,
};

/* What the Calendar screen shows, private to it. */
struct cal_state {
	int     sel;             /* the selected day, never after today */
	int     synced;          /* ui->day when sel was last set from it */
	int     valid;
	int     year;            /* the year loaded: sel's once entered */
	int     first_entry;     /* the journal's first day; DATE_MAX + 1 */
	int     loaded;          /* the numbers below are the year's */
	struct fit_cal cal;
	struct fit_total day[366];       /* each day of the year */
	struct fit_total month[12];
	struct fit_total year_t, prev_t; /* the whole year, the one before */
	struct fit_total part, prev_part;/* to the compared day of each */
	int     part_day;        /* the year's last day compared: today or
	                            31 December */
};

/* Where the parts go at the terminal's size. */
struct cal_layout {
	int w0, w1;              /* the week columns shown: [w0, w1) */
	int half;                /* 0 the year, 1 Jan-Jun, 2 Jul-Dec */
	int cw, ch;              /* a day's cell: columns, lines */
	int legend_y;            /* the legend's line under the map; -1 */
	int legend_x;            /* the legend beside the rows; -1 */
	int ty, tx;              /* the totals' top left; ty -1: none */
	int two;                 /* months in two columns of six */
	int bar;                 /* a bar of each month's distance, columns */
	int month_y;             /* only the selected month's line; -1 */
};

static int
year_of(int day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return y;
}

static int
month_of(int day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return m;
}

/* The same day of the month in year y, 29 February becoming the 28th. */
static int
same_day_in(int day, int y)
{
	int yy, m, d;

	date_to_ymd(day, &yy, &m, &d);
	if (!date_valid_ymd(y, m, d))
		d = 28;
	return date_from_ymd(y, m, d);
}

static void *
cal_init(struct ui *ui)
{
	struct cal_state *cs = xcalloc(1, sizeof *cs);

	cs->sel = ui->today;
	return cs;
}

static void
cal_free(void *state)
{
	free(state);
}

static int64_t
cal_peek(const void *state, const char *what)
{
	const struct cal_state *cs = state;

	if (strcmp(what, "sel") == 0)
		return cs->sel;
	if (strcmp(what, "year") == 0)
		return cs->year;
	if (strcmp(what, "year_m") == 0)
		return cs->year_t.distance_m;
	if (strcmp(what, "prev_m") == 0)
		return cs->prev_t.distance_m;
	if (strncmp(what, "month_m", 7) == 0 && what[7] >= '1' &&
	    atoi(what + 7) >= 1 && atoi(what + 7) <= 12)
		return cs->month[atoi(what + 7) - 1].distance_m;
	return INT64_MIN;
}

/* Sums the days of the loaded series into the year's totals. */
static void
cal_sum(struct cal_state *cs, const struct series *se, int jan1, int ndays,
    int64_t *dist)
{
	int pjan1 = date_from_ymd(cs->year - 1, 1, 1), d, i;
	int prev_part = same_day_in(cs->part_day, cs->year - 1);

	memset(cs->day, 0, sizeof cs->day);
	memset(cs->month, 0, sizeof cs->month);
	memset(&cs->year_t, 0, sizeof cs->year_t);
	memset(&cs->prev_t, 0, sizeof cs->prev_t);
	memset(&cs->part, 0, sizeof cs->part);
	memset(&cs->prev_part, 0, sizeof cs->prev_part);
	for (d = pjan1; d < jan1; d++) {
		const struct an_metrics *m = series_metrics(se, d);

		fit_total_add(&cs->prev_t, m);
		if (d <= prev_part)
			fit_total_add(&cs->prev_part, m);
	}
	for (i = 0; i < ndays; i++) {
		const struct an_metrics *m = series_metrics(se, jan1 + i);

		fit_total_add(&cs->day[i], m);
		fit_total_add(&cs->month[month_of(jan1 + i) - 1], m);
		fit_total_add(&cs->year_t, m);
		if (jan1 + i <= cs->part_day)
			fit_total_add(&cs->part, m);
		dist[i] = cs->day[i].distance_m;
	}
}

static void
cal_enter(struct ui *ui, void *state)
{
	struct cal_state *cs = state;
	struct series se;
	int64_t dist[366];
	int jan1, ndays;

	if (!cs->valid || cs->synced != ui->day) {
		cs->sel = ui->day;
		cs->synced = ui->day;
		cs->valid = 1;
	}
	if (cs->sel > ui->today)
		cs->sel = ui->today;
	cs->year = year_of(cs->sel);
	jan1 = date_from_ymd(cs->year, 1, 1);
	ndays = date_from_ymd(cs->year, 12, 31) - jan1 + 1;
	cs->part_day = jan1 + ndays - 1 < ui->today ? jan1 + ndays - 1 :
	    ui->today;
	cs->loaded = 0;
	/* Days before the journal began are blank, not days of 0 km. */
	if (store_day_after(ui->st, DATE_MIN - 1, &cs->first_entry) != 0)
		cs->first_entry = DATE_MAX + 1;
	if (series_load_runs(ui->st, cs->year > CAL_YEAR_MIN ?
	    date_from_ymd(cs->year - 1, 1, 1) : jan1, jan1 + ndays - 1,
	    &ui->cfg->an, &se) != 0) {
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
		return;
	}
	cal_sum(cs, &se, jan1, ndays, dist);
	series_free(&se);
	fit_calendar(&cs->cal, jan1, ndays, date_week_start(jan1,
	    ui->cfg->week_start), dist, cs->first_entry, ui->today,
	    ui->cfg->dist_unit == UNIT_MI);
	cs->loaded = 1;
}

/* Selects day d: UI_* bits, a reload when the year changes. */
static int
cal_select(struct ui *ui, struct cal_state *cs, int d)
{
	char ds[11];

	if (d > ui->today) {
		ui_message(ui, ROLE_NORMAL, "%s has not come yet",
		    date_format(d, ds));
		return UI_REDRAW;
	}
	if (d < date_from_ymd(CAL_YEAR_MIN, 1, 1)) {
		ui_message(ui, ROLE_NORMAL, "The calendar begins in %d",
		    CAL_YEAR_MIN);
		return UI_REDRAW;
	}
	cs->sel = d;
	if (year_of(d) != cs->year)
		return UI_RELOAD | UI_REDRAW;
	return UI_REDRAW;
}

/* The same day a year earlier or later (dir -1 or 1), today at most. */
static int
cal_year_step(struct ui *ui, struct cal_state *cs, int dir)
{
	int y = year_of(cs->sel) + dir, d;

	if (y > year_of(ui->today)) {
		ui_message(ui, ROLE_NORMAL, "%d has not come yet", y);
		return UI_REDRAW;
	}
	if (y < CAL_YEAR_MIN)
		return cal_select(ui, cs, DATE_MIN - 1);
	d = same_day_in(cs->sel, y);
	return cal_select(ui, cs, d > ui->today ? ui->today : d);
}

static int
cal_go_to(struct ui *ui, void *state, int d)
{
	return cal_select(ui, state, d);
}

static int
cal_key(struct ui *ui, void *state, enum ui_cmd cmd)
{
	struct cal_state *cs = state;

	switch (cmd) {
	case CMD_UP:
		return cal_select(ui, cs, cs->sel - 1);
	case CMD_DOWN:
		return cal_select(ui, cs, cs->sel + 1);
	case CMD_LEFT:
		return cal_select(ui, cs, cs->sel - 7);
	case CMD_RIGHT:
		return cal_select(ui, cs, cs->sel + 7);
	case CMD_PREV:
		return cal_year_step(ui, cs, -1);
	case CMD_NEXT:
		return cal_year_step(ui, cs, 1);
	case CMD_TODAY:
		return cal_select(ui, cs, ui->today);
	case CMD_OPEN:
		ui->day = cs->sel;
		cs->synced = cs->sel;
		ui_switch(ui, &day_screen);
		return UI_REDRAW;
	default:
		return -1;
	}
}

/* Places the map, the legend and the totals in the terminal. */
static void
cal_layout(const struct ui *ui, const struct cal_state *cs,
    struct cal_layout *L)
{
	const struct fit_cal *c = &cs->cal;
	int body = ui_body_rows(ui), n, mapw, col, row;

	memset(L, 0, sizeof *L);
	L->w1 = c->weeks;
	L->legend_x = L->ty = L->month_y = -1;
	if (ui->cols < 4 + c->weeks) {
		/* The half of the year holding the selected day. */
		fit_cal_cell(c, date_from_ymd(cs->year, 7, 1), &col, &row);
		L->half = month_of(cs->sel) <= 6 ? 1 : 2;
		/* The week of 1 July in both halves when June ends in it. */
		if (L->half == 1)
			L->w1 = col + (row > 0);
		else
			L->w0 = col;
	}
	n = L->w1 - L->w0;
	L->cw = (ui->cols - 4) / (n > 0 ? n : 1);
	L->cw = L->cw < 1 ? 1 : L->cw > 3 ? 3 : L->cw;
	L->ch = 1;
	if (body >= 2 + 14 + 1 + 1 + CAL_TABLE_H) {
		L->ch = 2;
		L->ty = 2 + 14 + 2;
	} else if (body >= 2 + 7 + 1 + 1 + CAL_TABLE_H) {
		L->ty = 2 + 7 + 2;
	} else if (body >= CAL_TABLE_H + 1 &&
	    ui->cols >= 4 + n + 3 + CAL_TABLE_W) {
		L->cw = (ui->cols - 4 - 3 - CAL_TABLE_W) / n;
		L->cw = L->cw > 3 ? 3 : L->cw;
		L->ty = 2;
		L->tx = 4 + n * L->cw + 3;
	} else if (body >= 2 + 7 + 1 + 10 && ui->cols >= 2 * CAL_TABLE_W + 4) {
		L->ty = 2 + 7 + 2;
		L->two = 1;
	}
	mapw = 4 + n * L->cw;
	L->legend_y = 3 + 7 * L->ch;
	if (body < 2 + 7 + 1) {
		L->legend_y = -1;
		if (ui->cols - mapw >= 8)
			L->legend_x = mapw + 2;
	} else if (L->ty < 0 && body >= 2 + 7 + 2) {
		L->month_y = L->legend_y + 1;
	}
	if (L->ty >= 0 && !L->two) {
		int room = ui->cols - (L->tx + CAL_TABLE_W + 2);
		L->bar = room >= 6 ? (room > 50 ? 50 : room) : 0;
	}
}

/* The title: the year or half shown, and the selected day. */
static void
draw_title(const struct ui *ui, const struct cal_state *cs, WINDOW *w,
    const struct cal_layout *L)
{
	const struct fit_total *t = &cs->day[cs->sel - cs->cal.jan1];
	int wide = ui->cols >= 60, x;
	char a[32], ds[11], right[96];

	x = ui_putf(w, 1, 0, ui->cols, ROLE_HEADER, "%d%s", cs->year,
	    L->half == 1 ? " Jan-Jun" : L->half == 2 ? " Jul-Dec" :
	    wide ? ", distance per day" : "");
	date_format(cs->sel, ds);
	if (cs->sel < cs->first_entry)
		snprintf(right, sizeof right, "%.3s %s  before the journal",
		    date_weekday_name(cs->sel), wide ? ds : ds + 5);
	else if (t->runs == 0)
		snprintf(right, sizeof right, "%.3s %s  no run",
		    date_weekday_name(cs->sel), wide ? ds : ds + 5);
	else
		snprintf(right, sizeof right, "%.3s %s  %s%s%d run%s",
		    date_weekday_name(cs->sel), wide ? ds : ds + 5,
		    units_format_distance(t->distance_m, ui->cfg->dist_unit, a),
		    wide ? " in " : " ", t->runs, t->runs == 1 ? "" : "s");
	if (ui_text_width(right) > ui->cols - x - 2)
		right[ui_text_fit(right, ui->cols - x - 2 > 0 ?
		    ui->cols - x - 2 : 0)] = '\0';
	ui_put(w, 1, ui->cols - ui_text_width(right), ui_text_width(right),
	    ROLE_NORMAL, right);
}

/* The month names over the weeks, and the weekday rows of shades. */
static void
draw_map(const struct ui *ui, const struct cal_state *cs, WINDOW *w,
    const struct cal_layout *L)
{
	const struct fit_cal *c = &cs->cal;
	int utf8 = ui_text_utf8(), mo, col, row, k, i, j, x, y;

	for (mo = 1; mo <= 12; mo++) {
		fit_cal_cell(c, date_from_ymd(cs->year, mo, 1), &col, &row);
		if (col >= L->w0 && col < L->w1)
			ui_put(w, 2, 4 + (col - L->w0) * L->cw, 3, ROLE_DIM,
			    month_names[mo - 1]);
	}
	for (row = 0; row < 7; row++) {
		y = 3 + row * L->ch;
		ui_putf(w, y, 0, 4, ROLE_DIM, "%-3.3s",
		    date_weekday_name(c->first + row));
		for (k = L->w0; k < L->w1; k++) {
			int d = c->first + 7 * k + row, band = FIT_CAL_BLANK;
			enum ui_role role;

			if (d >= c->jan1 && d < c->jan1 + c->ndays)
				band = c->band[d - c->jan1];
			role = d == cs->sel ? ROLE_SELECTED : band >= 0 ?
			    band_role[band] : ROLE_NORMAL;
			x = 4 + (k - L->w0) * L->cw;
			for (i = 0; i < L->ch; i++)
				for (j = 0; j < L->cw; j++)
					ui_put(w, y + i, x + j, 1, role,
					    fit_cal_glyph(band, utf8));
		}
	}
}

static void
draw_legend(const struct ui *ui, WINDOW *w, const struct cal_layout *L)
{
	const int *n = fit_cal_nominal(ui->cfg->dist_unit == UNIT_MI);
	const char *u = units_distance_name(ui->cfg->dist_unit);
	int utf8 = ui_text_utf8(), b, x;
	char label[FIT_CAL_BANDS][32];

	if (L->legend_x >= 0) {
		snprintf(label[0], 32, "none");
		snprintf(label[1], 32, "<%d", n[0]);
		for (b = 2; b < FIT_CAL_BANDS; b++)
			snprintf(label[b], 32, "%d+", n[b - 2]);
		ui_put(w, 3, L->legend_x, ui->cols - L->legend_x, ROLE_DIM, u);
		for (b = 0; b < FIT_CAL_BANDS; b++) {
			x = L->legend_x + ui_put(w, 4 + b, L->legend_x, 1,
			    band_role[b], fit_cal_glyph(b, utf8));
			ui_putf(w, 4 + b, x, ui->cols - x, ROLE_NORMAL, " %s",
			    label[b]);
		}
		return;
	}
	if (L->legend_y < 0)
		return;
	snprintf(label[0], 32, " none  ");
	snprintf(label[1], 32, " under %d  ", n[0]);
	snprintf(label[2], 32, " %d-%d  ", n[0], n[1]);
	snprintf(label[3], 32, " %d-%d  ", n[1], n[2]);
	snprintf(label[4], 32, " %d %s or more", n[2], u);
	for (b = 0, x = 0; b < FIT_CAL_BANDS && x < ui->cols; b++) {
		x += ui_put(w, L->legend_y, x, ui->cols - x, band_role[b],
		    fit_cal_glyph(b, utf8));
		x += ui_put(w, L->legend_y, x, ui->cols - x, ROLE_NORMAL,
		    label[b]);
	}
}

/* One row of totals at y, x: "Jan  123.45  12:34:56  12   1234". */
static void
draw_total(const struct ui *ui, WINDOW *w, int y, int x, enum ui_role lr,
    const char *label, const struct fit_total *t, int known)
{
	char a[32], b[32];
	int lw;

	lw = ui_putf(w, y, x, 5, lr, "%s", label);
	ui_put(w, y, x + lw, 5 - lw, ROLE_NORMAL, "     ");
	if (!known) {
		ui_putf(w, y, x + 5, CAL_TABLE_W - 5, ROLE_DIM, "%8s", "-");
		return;
	}
	ui_putf(w, y, x + 5, CAL_TABLE_W - 5, ROLE_NORMAL, "%8s%10s%5d%7.0f",
	    units_format_distance_num(t->distance_m, ui->cfg->dist_unit, a),
	    units_format_duration(t->duration_s, b), t->runs, t->load);
}

/* The year against the one before, to the same day in a year not over. */
static void
draw_change(const struct ui *ui, const struct cal_state *cs, WINDOW *w,
    int y, int x)
{
	const struct fit_total *now = &cs->part, *then = &cs->prev_part;
	int whole = cs->part_day == date_from_ymd(cs->year, 12, 31);
	char a[32], b[32], ds[11], to[16], text[160];
	double p;

	date_format(cs->part_day, ds);
	snprintf(to, sizeof to, "%s%s", whole ? "" : " to ", whole ? "" : ds + 5);
	units_format_distance(now->distance_m, ui->cfg->dist_unit, a);
	units_format_distance(then->distance_m, ui->cfg->dist_unit, b);
	if (fit_change_pct(now, then, &p) == 0)
		snprintf(text, sizeof text, "%d%s: %s, %+.0f%% on %d%s (%s)",
		    cs->year, to, a, p, cs->year - 1, to, b);
	else
		snprintf(text, sizeof text, "%d%s: %s; none in %d to compare",
		    cs->year, to, a, cs->year - 1);
	ui_put_wrapped(w, y, x, ui->cols - x, 2, ROLE_NORMAL, text);
}

/* The months of the year and the year's totals. */
static void
draw_totals(const struct ui *ui, const struct cal_state *cs, WINDOW *w,
    const struct cal_layout *L)
{
	int64_t maxm = 0;
	int mo, y, x, sm = month_of(cs->sel), first, last;
	char yl[16], bar[512];

	for (mo = 0; mo < 12; mo++)
		if (cs->month[mo].distance_m > maxm)
			maxm = cs->month[mo].distance_m;
	for (x = L->tx; x <= (L->two ? L->tx + CAL_TABLE_W + 4 : L->tx);
	    x += CAL_TABLE_W + 4)
		ui_putf(w, L->ty, x, CAL_TABLE_W, ROLE_DIM, "%-5s%8s%10s%5s%7s",
		    "", units_distance_name(ui->cfg->dist_unit), "time", "runs",
		    "load");
	for (mo = 0; mo < 12; mo++) {
		first = date_from_ymd(cs->year, mo + 1, 1);
		last = mo < 11 ? date_from_ymd(cs->year, mo + 2, 1) - 1 :
		    date_from_ymd(cs->year, 12, 31);
		y = L->ty + 1 + (L->two ? mo % 6 : mo);
		x = L->tx + (L->two && mo >= 6 ? CAL_TABLE_W + 4 : 0);
		draw_total(ui, w, y, x, mo + 1 == sm ? ROLE_SELECTED : ROLE_NORMAL,
		    month_names[mo], &cs->month[mo], last >= cs->first_entry &&
		    first <= ui->today);
		if (L->bar > 0 && maxm > 0 && last >= cs->first_entry &&
		    first <= ui->today)
			ui_put(w, y, x + CAL_TABLE_W + 2, L->bar, ROLE_GOOD,
			    ui_bar((double)cs->month[mo].distance_m / (double)maxm,
			    L->bar, bar, sizeof bar));
	}
	/* A year wholly before the journal is no year of 0 km. */
	first = date_from_ymd(cs->year, 1, 1);
	y = L->ty + 1 + (L->two ? 6 : 12) + !L->two;
	snprintf(yl, sizeof yl, "%d", cs->year);
	draw_total(ui, w, y, L->tx, ROLE_HEADER, yl, &cs->year_t,
	    date_from_ymd(cs->year, 12, 31) >= cs->first_entry);
	snprintf(yl, sizeof yl, "%d", cs->year - 1);
	if (L->two)
		draw_total(ui, w, y, L->tx + CAL_TABLE_W + 4, ROLE_NORMAL, yl,
		    &cs->prev_t, first - 1 >= cs->first_entry);
	else
		draw_total(ui, w, ++y, L->tx, ROLE_NORMAL, yl, &cs->prev_t,
		    first - 1 >= cs->first_entry);
	draw_change(ui, cs, w, y + 1, L->tx);
}

/* On a small terminal: the selected month's totals alone. */
static void
draw_month_line(const struct ui *ui, const struct cal_state *cs, WINDOW *w,
    int y)
{
	const struct fit_total *t = &cs->month[month_of(cs->sel) - 1];
	char a[32], b[32];

	ui_putf(w, y, 0, ui->cols, ROLE_NORMAL, "%s: %s, %s, %d run%s",
	    month_names[month_of(cs->sel) - 1],
	    units_format_distance(t->distance_m, ui->cfg->dist_unit, a),
	    units_format_duration(t->duration_s, b), t->runs,
	    t->runs == 1 ? "" : "s");
}

static void
cal_draw(const struct ui *ui, const void *state, WINDOW *w)
{
	const struct cal_state *cs = state;
	struct cal_layout L;

	if (!cs->loaded || cs->sel < cs->cal.jan1 ||
	    cs->sel >= cs->cal.jan1 + cs->cal.ndays)
		return;
	cal_layout(ui, cs, &L);
	draw_title(ui, cs, w, &L);
	draw_map(ui, cs, w, &L);
	draw_legend(ui, w, &L);
	if (L.ty >= 0)
		draw_totals(ui, cs, w, &L);
	else if (L.month_y >= 0)
		draw_month_line(ui, cs, w, L.month_y);
}

const struct screen calendar_screen = {
	.name = "Calendar",
	.short_name = "Cal",
	.keys = &ui_keys_calendar,
	.init = cal_init,
	.free = cal_free,
	.enter = cal_enter,
	.draw = cal_draw,
	.key = cal_key,
	.peek = cal_peek,
	.go_to = cal_go_to,
};
