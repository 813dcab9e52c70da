/*
 * ui-trends: 12, 26 or 52 weeks of weekly distance as bars, with the
 * average fatigue and sleep and the ACWR at each week's end beside them;
 * weeks holding a warning or an alert are marked. One bounded read of the
 * weeks shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ui.h"
#include "ui-data.h"
#include "ui-text.h"
#include "units.h"
#include "util.h"

#define TRENDS_MAX 52

struct trends_week {
	int     start;
	int64_t distance_m;
	double  load;
	double  fatigue;         /* mean of check-ins; < 0 none */
	double  sleep_min;       /* mean of nights; < 0 none */
	double  fluid_ml;        /* mean of days with drinks; < 0 none */
	double  acwr;            /* at the week's end; < 0 unknown */
	int     worst;           /* worst flag severity; -1 none */
	int     before;          /* ends before the journal's first entry */
};

/* What the Trends screen shows, private to it. */
struct trends_state {
	int     weeks;           /* 12, 26 or 52 */
	int     end;             /* a day in the last week shown */
	struct trends_week w[TRENDS_MAX];
	int     top;             /* first row shown when scrolled */
	int     first_day;       /* the journal's first entry; DATE_MAX + 1 */
};

static void *
trends_init(struct ui *ui)
{
	struct trends_state *ts = xcalloc(1, sizeof *ts);

	ts->weeks = 12;
	ts->end = ui->today;
	return ts;
}

static void
trends_free(void *state)
{
	free(state);
}

static int64_t
trends_peek(const void *state, const char *what)
{
	const struct trends_state *ts = state;

	if (strcmp(what, "weeks") == 0)
		return ts->weeks;
	if (strcmp(what, "top") == 0)
		return ts->top;
	return INT64_MIN;
}

static int
list_rows(const struct ui *ui)
{
	int n = ui_body_rows(ui) - 2;

	return n < 1 ? 1 : n;
}

static void
trends_enter(struct ui *ui, void *state)
{
	struct trends_state *ts = state;
	struct ui_daysum *d;
	int last = date_week_start(ts->end, ui->cfg->week_start);
	int first = last - 7 * (ts->weeks - 1), i, k;

	/* Weeks before the journal began are no weeks of 0 km. */
	if (store_day_after(ui->st, DATE_MIN - 1, &ts->first_day) != 0)
		ts->first_day = DATE_MAX + 1;
	d = xcalloc((size_t)ts->weeks * 7, sizeof *d);
	if (ui_days_load(ui, first, last + 6, d) != 0) {
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
		memset(ts->w, 0, sizeof ts->w);
		free(d);
		return;
	}
	for (k = 0; k < ts->weeks; k++) {
		struct trends_week *w = &ts->w[k];
		double fat = 0, sl = 0, fl = 0;
		int nf = 0, ns = 0, nfl = 0;

		memset(w, 0, sizeof *w);
		w->start = first + 7 * k;
		w->before = w->start + 6 < ts->first_day;
		w->worst = -1;
		w->acwr = -1;
		for (i = 0; i < 7; i++) {
			const struct ui_daysum *s = &d[7 * k + i];
			w->distance_m += s->distance_m;
			w->load += s->load;
			if (s->fatigue > 0) { fat += s->fatigue; nf++; }
			if (s->sleep_min >= 0) { sl += (double)s->sleep_min; ns++; }
			if (s->fluid_ml >= 0) { fl += (double)s->fluid_ml; nfl++; }
			if (s->nflags > 0 && s->worst > w->worst)
				w->worst = s->worst;
			if (s->day <= ui->today && s->acwr >= 0)
				w->acwr = s->acwr;
		}
		w->fatigue = nf ? fat / nf : -1;
		w->sleep_min = ns ? sl / ns : -1;
		w->fluid_ml = nfl ? fl / nfl : -1;
	}
	free(d);
	ts->top = ts->weeks > list_rows(ui) ? ts->weeks - list_rows(ui) : 0;
}

static int
trends_key(struct ui *ui, void *state, enum ui_cmd cmd)
{
	struct trends_state *ts = state;
	int rows = list_rows(ui);

	switch (cmd) {
	case CMD_PERIOD:
		ts->weeks = ts->weeks == 12 ? 26 : ts->weeks == 26 ? 52 : 12;
		return UI_RELOAD | UI_REDRAW;
	case CMD_PREV:
		if (ts->end - 7 * ts->weeks >= DATE_MIN)
			ts->end -= 7 * ts->weeks;
		return UI_RELOAD | UI_REDRAW;
	case CMD_NEXT:
		if (date_week_start(ts->end, ui->cfg->week_start) >=
		    date_week_start(ui->today, ui->cfg->week_start)) {
			ui_message(ui, ROLE_NORMAL, "The period already ends this week");
			return UI_REDRAW;
		}
		ts->end += 7 * ts->weeks;
		if (ts->end > ui->today)
			ts->end = ui->today;
		return UI_RELOAD | UI_REDRAW;
	case CMD_TODAY:
		ts->end = ui->today;
		return UI_RELOAD | UI_REDRAW;
	case CMD_UP:
		if (ts->top > 0)
			ts->top--;
		return UI_REDRAW;
	case CMD_DOWN:
		if (ts->top + rows < ts->weeks)
			ts->top++;
		return UI_REDRAW;
	default:
		return -1;
	}
}

/* Widths of the columns a terminal allows. */
struct trends_cols {
	int wide, wider;         /* sleep; load and fluid too */
	int dw, bw;              /* date, bar */
};

static void
trends_layout(const struct ui *ui, struct trends_cols *c)
{
	c->wide = ui->cols >= 60;
	c->wider = ui->cols >= 76;
	c->dw = c->wide ? 10 : 5;
	/* date, distance, bar, (load), fatigue, (sleep, fluid), acwr, mark */
	c->bw = ui->cols - (c->dw + 1) - 7 - (c->wider ? 6 : 0) - 6 -
	    (c->wide ? 6 : 0) - (c->wider ? 6 : 0) - 8 - 3;
	if (c->bw < 3)
		c->bw = 3;
	if (c->bw > 40)
		c->bw = 40;
}

/* The title with the mean, and the column heads. */
static void
draw_heads(const struct ui *ui, const struct trends_state *ts, WINDOW *w,
    const struct trends_cols *c)
{
	const struct config *cfg = ui->cfg;
	int64_t total = 0;
	int k, x, nweeks = 0;
	char a[32], ds[11];

	for (k = 0; k < ts->weeks; k++)
		if (ts->w[k].start <= ui->today &&
		    ts->w[k].start + 6 >= ts->first_day) {
			total += ts->w[k].distance_m;
			nweeks++;
		}
	x = ui_putf(w, 1, 0, ui->cols, ROLE_HEADER, "%d weeks to %s", ts->weeks,
	    date_format(date_week_start(ts->end, cfg->week_start) + 6, ds) +
	    (c->wide ? 0 : 5));
	if (nweeks > 0 && nweeks < ts->weeks && c->wide)
		ui_putf(w, 1, x, ui->cols - x, ROLE_NORMAL,
		    "  mean %s/week over %d logged week%s",
		    units_format_distance(total / nweeks, cfg->dist_unit, a),
		    nweeks, nweeks == 1 ? "" : "s");
	else if (nweeks > 0)
		ui_putf(w, 1, x, ui->cols - x, ROLE_NORMAL, c->wide ?
		    "  mean %s/week" : " %s/wk",
		    units_format_distance(total / nweeks, cfg->dist_unit, a));
	x = ui_putf(w, 2, 0, ui->cols, ROLE_DIM, "%-*s %6s %-*s", c->dw,
	    c->wide ? "week of" : "week", units_distance_name(cfg->dist_unit),
	    c->bw, "");
	if (c->wider)
		x += ui_put(w, 2, x, ui->cols - x, ROLE_DIM, "  load");
	x += ui_put(w, 2, x, ui->cols - x, ROLE_DIM, "   fat");
	if (c->wide)
		x += ui_put(w, 2, x, ui->cols - x, ROLE_DIM, " sleep");
	if (c->wider)
		x += ui_putf(w, 2, x, ui->cols - x, ROLE_DIM, " %5s",
		    cfg->vol_unit == UNIT_FLOZ ? "oz/d" : "l/day");
	ui_put(w, 2, x, ui->cols - x, ROLE_DIM, "  ACWR");
}

/* The fatigue, sleep and fluid columns of one week from x; the new x. */
static int
draw_means(const struct ui *ui, const struct trends_week *tw, WINDOW *w,
    const struct trends_cols *c, int y, int x)
{
	char a[32], b[32];

	if (tw->fatigue >= 0)
		snprintf(a, sizeof a, "%.1f%s", tw->fatigue,
		    tw->fatigue >= 7 ? "!" : " ");
	else
		snprintf(a, sizeof a, "- ");
	x += ui_putf(w, y, x, ui->cols - x, tw->fatigue >= 7 ? ROLE_WARNING :
	    ROLE_NORMAL, " %5s", a);
	if (c->wide) {
		if (tw->sleep_min >= 0)
			units_format_hours((int64_t)(tw->sleep_min + 0.5), b);
		else
			snprintf(b, sizeof b, "-");
		x += ui_putf(w, y, x, ui->cols - x, ROLE_NORMAL, " %5s", b);
	}
	if (c->wider) {
		if (tw->fluid_ml < 0)
			snprintf(b, sizeof b, "-");
		else if (ui->cfg->vol_unit == UNIT_FLOZ)
			snprintf(b, sizeof b, "%.0f", tw->fluid_ml / ML_PER_FLOZ);
		else
			snprintf(b, sizeof b, "%.2f", tw->fluid_ml / 1000.0);
		x += ui_putf(w, y, x, ui->cols - x, ROLE_NORMAL, " %5s", b);
	}
	return x;
}

static void
draw_week_row(const struct ui *ui, const struct trends_week *tw, WINDOW *w,
    const struct trends_cols *c, int64_t maxd, int y)
{
	const struct config *cfg = ui->cfg;
	int future = tw->start > ui->today, x;
	char a[32], bar[1024], ds[11];

	date_format(tw->start, ds);
	/* Before the journal began: nothing was logged, not 0 km run. */
	x = ui_putf(w, y, 0, ui->cols, future || tw->before ? ROLE_DIM :
	    ROLE_NORMAL, "%-*s %6s ", c->dw, c->wide ? ds : ds + 5,
	    tw->before ? "-" : units_format_distance_num(tw->distance_m,
	    cfg->dist_unit, a));
	x += ui_put(w, y, x, c->bw, ROLE_GOOD, ui_bar(maxd > 0 ?
	    (double)tw->distance_m / (double)maxd : 0, c->bw, bar, sizeof bar));
	if (c->wider)
		x += ui_putf(w, y, x, ui->cols - x, ROLE_NORMAL, " %5.0f",
		    tw->load);
	x = draw_means(ui, tw, w, c, y, x);
	/* The ratio as a figure only: whether it raised anything is the
	 * week's mark, from the acwr rule itself (which wants the ratio to
	 * hold over its band), so the screen and check always agree. */
	if (tw->acwr >= 0)
		snprintf(a, sizeof a, "%.2f  ", tw->acwr);
	else
		snprintf(a, sizeof a, "-  ");
	x += ui_putf(w, y, x, ui->cols - x, ROLE_NORMAL, " %7s", a);
	if (tw->worst >= 1)
		ui_put(w, y, x + 1, ui->cols - x - 1, tw->worst >= 2 ?
		    ROLE_ALERT : ROLE_WARNING, tw->worst >= 2 ? "!!" : "!");
}

static void
trends_draw(const struct ui *ui, const void *state, WINDOW *w)
{
	const struct trends_state *ts = state;
	int rows = list_rows(ui), top = ts->top, k, y;
	struct trends_cols c;
	int64_t maxd = 0;

	for (k = 0; k < ts->weeks; k++)
		if (ts->w[k].distance_m > maxd)
			maxd = ts->w[k].distance_m;
	trends_layout(ui, &c);
	draw_heads(ui, ts, w, &c);
	if (top + rows > ts->weeks)
		top = ts->weeks > rows ? ts->weeks - rows : 0;
	for (k = top, y = 3; k < ts->weeks && y < 3 + rows; k++, y++)
		draw_week_row(ui, &ts->w[k], w, &c, maxd, y);
	if (ts->weeks > rows) {
		char pos[32];
		int pw = snprintf(pos, sizeof pos, " %d-%d of %d", top + 1,
		    top + rows < ts->weeks ? top + rows : ts->weeks, ts->weeks);
		ui_put(w, 1, ui->cols - pw > 0 ? ui->cols - pw : 0, pw, ROLE_DIM,
		    pos);
	}
}

const struct screen trends_screen = {
	.name = "Trends",
	.short_name = "Trend",
	.keys = &ui_keys_trends,
	.init = trends_init,
	.free = trends_free,
	.enter = trends_enter,
	.draw = trends_draw,
	.key = trends_key,
	.peek = trends_peek,
};
