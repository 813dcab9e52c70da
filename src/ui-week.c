/*
 * ui-week: one week, a row per day (distance, time, load, sleep, fluid,
 * fatigue, flags), its totals and averages, the rise of the distance over
 * the recent level (as check judges mileage-jump) and a small chart of the
 * daily distance.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "date.h"
#include "ui.h"
#include "ui-data.h"
#include "ui-text.h"
#include "units.h"
#include "util.h"

/* What the Week screen shows, private to it. */
struct week_state {
	int     start;           /* first day shown */
	struct ui_daysum d[7];
	int64_t prev_m;          /* the week before, distance */
	double  prev_load;
	/* the progression on the week's last day, or today in this week */
	struct an_progress prog;
	int     sel;             /* 0-6 */
	int     synced;          /* ui->day when start was last set from it */
	int     valid;
};

static void *
week_init(struct ui *ui)
{
	return xcalloc(1, sizeof (struct week_state));
}

static void
week_free(void *state)
{
	free(state);
}

static int64_t
week_peek(const void *state, const char *what)
{
	const struct week_state *ws = state;

	if (strcmp(what, "start") == 0)
		return ws->start;
	if (strcmp(what, "sel") == 0)
		return ws->sel;
	return INT64_MIN;
}

static void
week_enter(struct ui *ui, void *state)
{
	struct week_state *ws = state;
	struct ui_daysum all[14];
	int i;

	if (!ws->valid || ws->synced != ui->day) {
		ws->start = date_week_start(ui->day, ui->cfg->week_start);
		ws->sel = ui->day - ws->start;
		ws->synced = ui->day;
		ws->valid = 1;
	}
	if (ui_days_load(ui, ws->start - 7, ws->start + 6, all) != 0) {
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
		memset(ws->d, 0, sizeof ws->d);
		return;
	}
	ws->prev_m = 0;
	ws->prev_load = 0;
	for (i = 0; i < 7; i++) {
		ws->prev_m += all[i].distance_m;
		ws->prev_load += all[i].load;
		ws->d[i] = all[7 + i];
	}
	i = ui->today - ws->start;
	ws->prog = ws->d[i < 0 ? 0 : i > 6 ? 6 : i].prog;
}

/* The go-to prompt: the week holding the day, the day selected. */
static int
week_go_to(struct ui *ui, void *state, int d)
{
	struct week_state *ws = state;
	char ds[11];

	if (d > ui->today) {
		ui_message(ui, ROLE_NORMAL, "%s is in the future; the journal "
		    "holds no future days", date_format(d, ds));
		return UI_REDRAW;
	}
	ws->start = date_week_start(d, ui->cfg->week_start);
	ws->sel = d - ws->start;
	return UI_RELOAD | UI_REDRAW;
}

static int
week_key(struct ui *ui, void *state, enum ui_cmd cmd)
{
	struct week_state *ws = state;
	int this_week = date_week_start(ui->today, ui->cfg->week_start);

	switch (cmd) {
	case CMD_PREV:
		if (ws->start - 7 >= DATE_MIN)
			ws->start -= 7;
		return UI_RELOAD | UI_REDRAW;
	case CMD_NEXT:
		if (ws->start >= this_week) {
			ui_message(ui, ROLE_NORMAL, "This is the current week");
			return UI_REDRAW;
		}
		ws->start += 7;
		return UI_RELOAD | UI_REDRAW;
	case CMD_TODAY:
		ws->start = this_week;
		ws->sel = ui->today - this_week;
		return UI_RELOAD | UI_REDRAW;
	case CMD_UP:
		if (ws->sel > 0)
			ws->sel--;
		return UI_REDRAW;
	case CMD_DOWN:
		if (ws->sel < 6)
			ws->sel++;
		return UI_REDRAW;
	case CMD_OPEN:
		if (ws->start + ws->sel > ui->today) {
			ui_message(ui, ROLE_NORMAL, "That day has not come yet");
			return UI_REDRAW;
		}
		ui->day = ws->start + ws->sel;
		ws->synced = ui->day;
		ui_switch(ui, &day_screen);
		return UI_REDRAW;
	default:
		return -1;
	}
}

/* A number in the user's fluid unit without the unit: "1.50" / "50". */
static char *
fluid_num(const struct ui *ui, int64_t ml, char *out, size_t n)
{
	if (ui->cfg->vol_unit == UNIT_FLOZ)
		snprintf(out, n, "%.0f", (double)ml / ML_PER_FLOZ);
	else
		snprintf(out, n, "%.2f", (double)ml / 1000.0);
	return out;
}

static enum ui_role
sev_role(int worst)
{
	return worst >= 2 ? ROLE_ALERT : worst == 1 ? ROLE_WARNING :
	    worst == 0 ? ROLE_NOTE : ROLE_NORMAL;
}

/* The columns a width allows. */
struct cols {
	int time, load, fluid;
};

static void
pick_cols(int width, struct cols *c)
{
	c->time = width >= 56;
	c->fluid = width >= 64;
	c->load = width >= 72;
}

static int
put_row(const struct ui *ui, WINDOW *w, int y, const struct cols *c,
    enum ui_role role, const char *day, const char *dist, const char *time,
    const char *load, const char *sleep, const char *fluid, const char *fat)
{
	int x = 0;

	x += ui_putf(w, y, x, ui->cols - x, role, "%-9s%7s", day, dist);
	if (c->time)
		x += ui_putf(w, y, x, ui->cols - x, role, " %8s", time);
	if (c->load)
		x += ui_putf(w, y, x, ui->cols - x, role, " %5s", load);
	x += ui_putf(w, y, x, ui->cols - x, role, " %6s", sleep);
	if (c->fluid)
		x += ui_putf(w, y, x, ui->cols - x, role, " %6s", fluid);
	x += ui_putf(w, y, x, ui->cols - x, role, " %4s", fat);
	return x;
}

/* The week's sums and means, for the title, the totals and the chart. */
struct week_sums {
	int64_t dist, dur, fluid, maxd;
	double  load, sleep, fat;
	int     nsleep, nfluid, nfat, nruns;
};

static void
week_sum(const struct week_state *ws, struct week_sums *t)
{
	int i;

	memset(t, 0, sizeof *t);
	for (i = 0; i < 7; i++) {
		const struct ui_daysum *s = &ws->d[i];
		t->dist += s->distance_m;
		t->dur += s->duration_s;
		t->load += s->load;
		t->nruns += s->nruns;
		if (s->distance_m > t->maxd)
			t->maxd = s->distance_m;
		if (s->sleep_min >= 0) { t->sleep += (double)s->sleep_min; t->nsleep++; }
		if (s->fluid_ml >= 0) { t->fluid += s->fluid_ml; t->nfluid++; }
		if (s->fatigue > 0) { t->fat += s->fatigue; t->nfat++; }
	}
}

/* Title: the dates, and in a small terminal the total too. */
static void
draw_title(const struct ui *ui, const struct week_state *ws, WINDOW *w,
    const struct week_sums *t, int compact)
{
	char a[32], ds1[11], ds2[11];
	int x, y = 1;

	date_format(ws->start, ds1);
	date_format(ws->start + 6, ds2);
	if (ui->cols >= 60)
		x = ui_putf(w, y, 0, ui->cols, ROLE_HEADER, "Week %s %s to %s %s",
		    date_weekday_name(ws->start), ds1,
		    date_weekday_name(ws->start + 6), ds2);
	else
		x = ui_putf(w, y, 0, ui->cols, ROLE_HEADER, "Week of %s",
		    ds1 + 5);
	if (compact)
		x += ui_putf(w, y, x, ui->cols - x, ROLE_NORMAL, "  %s",
		    units_format_distance(t->dist, ui->cfg->dist_unit, a));
	if (ws->prog.known) {
		char p[64];
		int mark = ui_progress_text(ui->cfg, &ws->prog, compact ?
		    UI_PROG_FIGURE : UI_PROG_SHORT, p, sizeof p);

		x += ui_putf(w, y, x, ui->cols - x, mark == 2 ? ROLE_ALERT :
		    mark == 1 ? ROLE_WARNING : ROLE_NORMAL, compact ? " %s" :
		    "  %s", p);
	}
}

/* One row per day from line y; returns the line after the last. */
static int
draw_days(const struct ui *ui, const struct week_state *ws, WINDOW *w,
    const struct cols *cl, int y)
{
	const struct config *cfg = ui->cfg;
	char a[32], b[32], c[32], d[32], e[32], f[32], g[32];
	int i, x;

	for (i = 0; i < 7 && y <= ui->lines - 3; i++, y++) {
		const struct ui_daysum *s = &ws->d[i];
		int sel = i == ws->sel, future = s->day > ui->today;
		enum ui_role role = sel ? ROLE_SELECTED : future ? ROLE_DIM :
		    ROLE_NORMAL;
		char day[16];
		int yy, mm, dd;

		date_to_ymd(s->day, &yy, &mm, &dd);
		snprintf(day, sizeof day, "%s%s %02d", sel ? ">" : " ",
		    date_weekday_name(s->day), dd);
		snprintf(a, sizeof a, "%s", s->distance_m ?
		    units_format_distance_num(s->distance_m, cfg->dist_unit, b) : "-");
		snprintf(c, sizeof c, "%s", s->duration_s ?
		    units_format_duration(s->duration_s, b) : "-");
		if (s->load > 0)
			snprintf(d, sizeof d, "%.0f", s->load);
		else
			snprintf(d, sizeof d, "-");
		snprintf(e, sizeof e, "%s", s->sleep_min >= 0 ?
		    units_format_hours(s->sleep_min, b) : "-");
		if (s->fluid_ml >= 0)
			fluid_num(ui, s->fluid_ml, f, sizeof f);
		else
			snprintf(f, sizeof f, "-");
		if (s->fatigue > 0)
			snprintf(g, sizeof g, "%d", s->fatigue);
		else
			snprintf(g, sizeof g, "-");
		x = put_row(ui, w, y, cl, role, day, a, c, d, e, f, g);
		if (s->nflags > 0)
			ui_putf(w, y, x + 1, ui->cols - x - 1, sev_role(s->worst),
			    "%s %s", s->worst >= 2 ? "!!" : s->worst == 1 ? "!" : "~",
			    s->flagtext);
		else if (s->rest)
			ui_put(w, y, x + 1, ui->cols - x - 1, ROLE_DIM, "rest");
	}
	return y;
}

/*
 * Totals, averages, last week, and the rise of the distance held over the
 * recent level; the next line.
 */
static int
draw_totals(const struct ui *ui, const struct week_state *ws, WINDOW *w,
    const struct cols *cl, const struct week_sums *t, int y)
{
	const struct config *cfg = ui->cfg;
	char a[32], b[32], c[32], d[32], e[32], f[32], g[32];
	int x;

	snprintf(a, sizeof a, "%s", units_format_distance_num(t->dist,
	    cfg->dist_unit, b));
	snprintf(c, sizeof c, "%s", units_format_duration(t->dur, b));
	snprintf(d, sizeof d, "%.0f", t->load);
	put_row(ui, w, y++, cl, ROLE_HEADER, " Total", a, c, d, "", "", "");
	if (y <= ui->lines - 3) {
		if (t->nsleep)
			units_format_hours((int64_t)(t->sleep / t->nsleep + 0.5), e);
		else
			snprintf(e, sizeof e, "-");
		if (t->nfluid)
			fluid_num(ui, (int64_t)(t->fluid / t->nfluid + 0.5), f,
			    sizeof f);
		else
			snprintf(f, sizeof f, "-");
		if (t->nfat)
			snprintf(g, sizeof g, "%.1f", t->fat / t->nfat);
		else
			snprintf(g, sizeof g, "-");
		put_row(ui, w, y++, cl, ROLE_HEADER, " Average", "", "", "", e, f,
		    g);
	}
	if (y <= ui->lines - 3) {
		x = ui_putf(w, y, 0, ui->cols, ROLE_NORMAL,
		    " %d run%s;  last week %s", t->nruns, t->nruns == 1 ? "" : "s",
		    units_format_distance(ws->prev_m, cfg->dist_unit, a));
		if (ws->prev_load > 0)
			x += ui_putf(w, y, x, ui->cols - x, ROLE_NORMAL,
			    ", load %+.0f%%",
			    100.0 * (t->load - ws->prev_load) / ws->prev_load);
		if (ws->prog.known)
			ui_putf(w, y, x, ui->cols - x, ROLE_NORMAL,
			    ";  recent level %s", units_format_distance(
			    ws->prog.level_m, cfg->dist_unit, a));
		y++;
	}
	return y;
}

/* The chart of daily distance, when there is room for all seven days. */
static void
draw_chart(const struct ui *ui, const struct week_state *ws, WINDOW *w,
    int64_t maxd, int y)
{
	char a[32];
	int i;

	if (ui->lines - 3 - y < 7)
		return;
	y++;
	for (i = 0; i < 7; i++, y++) {
		const struct ui_daysum *s = &ws->d[i];
		int bw = ui->cols - 20;
		char bar[512];
		if (bw > 50)
			bw = 50;
		ui_putf(w, y, 1, 4, ROLE_DIM, "%s", date_weekday_name(s->day));
		ui_put(w, y, 5, bw, ROLE_GOOD, ui_bar(maxd > 0 ?
		    (double)s->distance_m / (double)maxd : 0, bw, bar, sizeof bar));
		if (s->distance_m > 0)
			ui_putf(w, y, 6 + bw, ui->cols - 6 - bw, ROLE_NORMAL, "%s",
			    units_format_distance_num(s->distance_m,
			    ui->cfg->dist_unit, a));
	}
}

static void
week_draw(const struct ui *ui, const void *state, WINDOW *w)
{
	const struct week_state *ws = state;
	const struct config *cfg = ui->cfg;
	int compact = ui->lines < 20, y = 1;
	struct week_sums t;
	struct cols cl;
	char a[32];

	pick_cols(ui->cols, &cl);
	week_sum(ws, &t);
	draw_title(ui, ws, w, &t, compact);
	y += compact ? 1 : 2;
	snprintf(a, sizeof a, "%s", units_distance_name(cfg->dist_unit));
	put_row(ui, w, y++, &cl, ROLE_DIM, "Day", a, "time", "load", "sleep",
	    cfg->vol_unit == UNIT_FLOZ ? "oz" : "l", "fat");
	if (ui->cols - 1 > 0) {
		int fx = 9 + 7 + (cl.time ? 9 : 0) + (cl.load ? 6 : 0) + 7 +
		    (cl.fluid ? 7 : 0) + 5;
		ui_put(w, y - 1, fx + 1, ui->cols - fx - 1, ROLE_DIM, "flags");
	}
	y = draw_days(ui, ws, w, &cl, y);
	if (compact || y > ui->lines - 3)
		return;
	y = draw_totals(ui, ws, w, &cl, &t, y);
	draw_chart(ui, ws, w, t.maxd, y);
}

const struct screen week_screen = {
	.name = "Week",
	.short_name = "Week",
	.keys = &ui_keys_week,
	.init = week_init,
	.free = week_free,
	.enter = week_enter,
	.draw = week_draw,
	.key = week_key,
	.peek = week_peek,
	.go_to = week_go_to,
};
