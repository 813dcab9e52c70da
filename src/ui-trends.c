/*
 * ui-trends: 12, 26 or 52 weeks of weekly distance as bars, with the
 * average fatigue and sleep and the ACWR at each week's end beside them;
 * weeks holding a warning or an alert are marked. Under the weeks, and on
 * pages of their own when they do not fit, the same weeks as line charts
 * (ui-chart.h): fitness, fatigue and form, resting HR, HRV, sleep, the
 * check-in's fatigue and body mass, with the band a rule judges a value
 * by behind the line. Every number is the analysis's (series.h,
 * fitness.h) or the journal's own; the screen only lays them out.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fitness.h"
#include "series.h"
#include "ui.h"
#include "ui-chart.h"
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

#define TRENDS_DAYS (7 * TRENDS_MAX)

/* The charts, in the order they are shown. */
enum trends_chart_id {
	TC_CTL, TC_ATL, TC_TSB, TC_RHR, TC_HRV, TC_SLEEP, TC_FATIGUE, TC_MASS,
	TC_COUNT
};

static const struct {
	const char  *title;
	int          decimals;
	enum ui_role role;
} chart_desc[TC_COUNT] = {
	[TC_CTL]     = { "Fitness (CTL), load/day", 0, ROLE_GOOD },
	[TC_ATL]     = { "Fatigue (ATL), load/day", 0, ROLE_WARNING },
	[TC_TSB]     = { "Form (TSB)", 0, ROLE_NOTE },
	[TC_RHR]     = { "Resting HR, bpm", 0, ROLE_NOTE },
	[TC_HRV]     = { "HRV, ms rMSSD", 0, ROLE_NOTE },
	[TC_SLEEP]   = { "Sleep, h", 1, ROLE_NOTE },
	[TC_FATIGUE] = { "Check-in fatigue, 1-10", 0, ROLE_NOTE },
	[TC_MASS]    = { "Body mass, kg", 1, ROLE_NOTE },
};

/* One chart's days; NAN where there is no value. */
struct trends_chart {
	double  v[TRENDS_DAYS];
	double  lo[TRENDS_DAYS], hi[TRENDS_DAYS];   /* the band */
	int     band;            /* some day has one */
	char    note[96];        /* the last value and what the band is */
};

/* What the Trends screen shows, private to it. */
struct trends_state {
	int     weeks;           /* 12, 26 or 52 */
	int     end;             /* a day in the last week shown */
	struct trends_week w[TRENDS_MAX];
	int     top;             /* first row shown when scrolled */
	int     first_day;       /* the journal's first entry; DATE_MAX + 1 */
	int     page;            /* 0: the weeks; 1...: charts alone */
	int     style;           /* enum chart_style; -1: the terminal's */
	int     cfirst, cdays;   /* the days charted */
	struct trends_chart c[TC_COUNT];
};

static void *
trends_init(struct ui *ui)
{
	struct trends_state *ts = xcalloc(1, sizeof *ts);

	ts->weeks = 12;
	ts->end = ui->today;
	ts->style = -1;
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
	if (strcmp(what, "page") == 0)
		return ts->page;
	if (strcmp(what, "style") == 0)
		return ts->style;
	return INT64_MIN;
}

static int
list_rows(const struct ui *ui)
{
	int n = ui_body_rows(ui) - 2;

	return n < 1 ? 1 : n;
}

static void
charts_clear(struct trends_state *ts)
{
	int k, i;

	for (k = 0; k < TC_COUNT; k++) {
		struct trends_chart *c = &ts->c[k];

		for (i = 0; i < TRENDS_DAYS; i++)
			c->v[i] = c->lo[i] = c->hi[i] = NAN;
		c->band = 0;
		c->note[0] = '\0';
	}
}

/*
 * The HRV chart's band on one day: the hrv-low rule's baseline, mean less
 * and plus k SD of ln rMSSD, in ms (e to those powers): under the band's
 * low edge is where the rule's rolling mean raises it.
 */
static int
hrv_band(const struct an_metrics *m, const struct an_params *p, double *lo,
    double *hi)
{
	*lo = *hi = NAN;
	if ((p->rules_off & (1u << AN_HRV_LOW)) || m->hrv_base_mean < 0)
		return 0;
	*lo = exp(m->hrv_base_mean - p->hrv_sd_factor * m->hrv_base_sd);
	*hi = exp(m->hrv_base_mean + p->hrv_sd_factor * m->hrv_base_sd);
	return 1;
}

/* The bands of day k from its metrics; a rule switched off has none. */
static void
charts_bands(struct trends_state *ts, const struct an_metrics *m,
    const struct an_params *p, size_t k)
{
	struct trends_chart *c;

	if (!(p->rules_off & (1u << AN_RESTING_HR)) && m->rhr_baseline >= 0) {
		c = &ts->c[TC_RHR];
		c->lo[k] = m->rhr_baseline;
		c->hi[k] = m->rhr_baseline + p->rhr_rise_bpm;
		c->band = 1;
	}
	if (!(p->rules_off & (1u << AN_SLEEP_DEBT))) {
		c = &ts->c[TC_SLEEP];
		c->lo[k] = p->short_sleep_h;
		c->hi[k] = p->sleep_mean_h;
		c->band = 1;
	}
	if (!(p->rules_off & (1u << AN_PERSISTENT_FATIGUE))) {
		c = &ts->c[TC_FATIGUE];
		c->lo[k] = p->fatigue_level;
		c->hi[k] = 10;
		c->band = 1;
	}
	c = &ts->c[TC_HRV];
	if (hrv_band(m, p, &c->lo[k], &c->hi[k]))
		c->band = 1;
}

/* Each chart's last value, and what its band means. */
static void
charts_notes(struct trends_state *ts, const struct an_params *p)
{
	char band[64], ds[11];
	int k, i;

	for (k = 0; k < TC_COUNT; k++) {
		struct trends_chart *c = &ts->c[k];

		band[0] = '\0';
		if (c->band && k == TC_RHR)
			snprintf(band, sizeof band, ", band baseline to +%.0f",
			    p->rhr_rise_bpm);
		else if (c->band && k == TC_SLEEP)
			snprintf(band, sizeof band, ", band %g to %g h",
			    p->short_sleep_h, p->sleep_mean_h);
		else if (c->band && k == TC_FATIGUE)
			snprintf(band, sizeof band, ", band %d and over",
			    p->fatigue_level);
		else if (c->band && k == TC_HRV)
			snprintf(band, sizeof band, ", band baseline %g SD",
			    p->hrv_sd_factor);
		for (i = ts->cdays - 1; i >= 0 && !isfinite(c->v[i]); i--)
			;
		if (i >= 0)
			snprintf(c->note, sizeof c->note, "%.*f on %s%s",
			    chart_desc[k].decimals, c->v[i],
			    date_format(ts->cfirst + i, ds) + 5, band);
		else
			snprintf(c->note, sizeof c->note, "%s", band[0] ?
			    band + 2 : "");
	}
}

/* The check-in values the analysis does not read: HRV and body mass. */
static int
charts_checkins(struct ui *ui, struct trends_state *ts, int last)
{
	struct checkin *ck = NULL;
	size_t n = 0, i;

	if (store_checkins(ui->st, ts->cfirst, last, &ck, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		long k = (long)ck[i].day - ts->cfirst;

		if (k < 0 || k >= ts->cdays || ck[i].day > ui->today)
			continue;
		if (ck[i].hrv_ms > 0)
			ts->c[TC_HRV].v[k] = ck[i].hrv_ms;
		if (ck[i].mass_g > 0)
			ts->c[TC_MASS].v[k] = (double)ck[i].mass_g / 1000.0;
	}
	checkin_list_free(ck, n);
	return 0;
}

/*
 * The charts of first..last (at most TRENDS_DAYS days): fitness, fatigue
 * and form from the loads of the series (a year before first included,
 * so the smoothing has settled), the wellness values and their bands
 * from its metrics. 0, or -1 with err_set().
 */
static int
charts_load(struct ui *ui, struct trends_state *ts, int first, int last)
{
	const struct an_params *p = &ui->cfg->an;
	struct series se;
	struct fit_day *fd;
	double *load;
	size_t i, nd;
	int d;

	charts_clear(ts);
	ts->cfirst = first;
	ts->cdays = last - first + 1 < TRENDS_DAYS ? last - first + 1 :
	    TRENDS_DAYS;
	last = first + ts->cdays - 1;
	if (series_load(ui->st, first, last, p, &se) != 0)
		return -1;
	nd = se.s.ndays;
	load = xcalloc(nd, sizeof *load);
	fd = xcalloc(nd, sizeof *fd);
	for (i = 0; i < nd; i++)
		load[i] = se.m[i].load;
	fit_chart(load, nd, fd);
	for (d = first; d <= last && d <= ui->today; d++) {
		const struct an_metrics *m = series_metrics(&se, d);
		size_t k = (size_t)(d - first), j;

		if (m == NULL || d < ts->first_day)
			continue;
		j = (size_t)(d - se.s.days[0].day);
		ts->c[TC_CTL].v[k] = fd[j].ctl;
		ts->c[TC_ATL].v[k] = fd[j].atl;
		ts->c[TC_TSB].v[k] = fd[j].tsb;
		if (m->rhr_bpm > 0)
			ts->c[TC_RHR].v[k] = m->rhr_bpm;
		if (m->sleep_min >= 0)
			ts->c[TC_SLEEP].v[k] = (double)m->sleep_min / 60.0;
		if (m->fatigue > 0)
			ts->c[TC_FATIGUE].v[k] = m->fatigue;
		charts_bands(ts, m, p, k);
	}
	free(load);
	free(fd);
	series_free(&se);
	if (charts_checkins(ui, ts, last) != 0)
		return -1;
	charts_notes(ts, p);
	return 0;
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
		charts_clear(ts);
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
	if (charts_load(ui, ts, first, last + 6) != 0) {
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
		charts_clear(ts);
	}
}

/*
 * Pages: the weeks come first, with as many charts under them as the
 * rows left allow; the other charts follow on pages of their own, under
 * a title row. Charts stand one above another, two side by side from
 * TRENDS_TWO_COLS columns, a blank row between them.
 */
#define CHART_MIN_H     6    /* title, 4 rows of plot, dates */
#define CHART_PAGE_H    9    /* the least on a page of charts alone */
#define CHART_MAX_H     16
#define TRENDS_TWO_COLS 120
#define TRENDS_PAGES    (TC_COUNT + 1)

struct trends_page {
	int table;               /* the weeks come first on it */
	int y, rows;             /* where its charts go */
	int first, n;            /* charts first..first+n-1 */
	int ncol, h;             /* charts across, each h rows high */
};

/* Lays out up to left charts of at least min rows in rows; how many fit. */
static int
page_fit(int rows, int min, int ncol, int left, struct trends_page *pg)
{
	int down = (rows + 1) / (min + 1), n, high;

	if (down < 1 && rows >= 3)
		down = 1;        /* a small terminal: one chart, smaller */
	if (down < 1 || left < 1)
		return pg->n = 0;
	n = down * ncol < left ? down * ncol : left;
	high = (n + ncol - 1) / ncol;
	pg->ncol = ncol;
	pg->h = rows < CHART_MIN_H ? rows : (rows + 1) / high - 1;
	if (pg->h > CHART_MAX_H)
		pg->h = CHART_MAX_H;
	return pg->n = n;
}

/* The pages at the terminal's size, into pg; how many. */
static int
trends_pages(const struct ui *ui, const struct trends_state *ts,
    struct trends_page *pg)
{
	int body = ui_body_rows(ui), need = 2 + ts->weeks, done = 0, np = 1;
	int ncol = ui->cols >= TRENDS_TWO_COLS ? 2 : 1;

	memset(pg, 0, TRENDS_PAGES * sizeof *pg);
	pg[0].table = 1;
	pg[0].y = 1 + need + 1;
	pg[0].rows = body - need - 1;
	if (pg[0].rows >= CHART_MIN_H)
		done = page_fit(pg[0].rows, CHART_MIN_H, ncol, TC_COUNT,
		    &pg[0]);
	while (done < TC_COUNT && np < TRENDS_PAGES) {
		struct trends_page *q = &pg[np];

		q->y = 2;
		q->rows = body - 1;
		q->first = done;
		if (page_fit(q->rows, CHART_PAGE_H, ncol, TC_COUNT - done,
		    q) == 0)
			break;
		done += q->n;
		np++;
	}
	return np;
}

static int
trends_npages(const struct ui *ui, const struct trends_state *ts)
{
	struct trends_page pg[TRENDS_PAGES];

	return trends_pages(ui, ts, pg);
}

static int
trends_key(struct ui *ui, void *state, enum ui_cmd cmd)
{
	struct trends_state *ts = state;
	int rows = list_rows(ui), np;

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
	case CMD_PGDN:
	case CMD_PGUP:
		np = trends_npages(ui, ts);
		if (np < 2) {
			ui_message(ui, ROLE_NORMAL,
			    "Every chart is on this page");
			return UI_REDRAW;
		}
		if (ts->page >= np)
			ts->page = np - 1;   /* the terminal grew */
		ts->page = (ts->page + (cmd == CMD_PGDN ? 1 : np - 1)) % np;
		return UI_REDRAW;
	case CMD_STYLE:
		if (!ui_text_utf8()) {
			ts->style = CHART_ASCII;
			ui_message(ui, ROLE_NORMAL,
			    "Charts in ASCII: the locale is not UTF-8");
			return UI_REDRAW;
		}
		ts->style = ((ts->style < 0 ? (int)chart_style_default() :
		    ts->style) + 1) % CHART_STYLES;
		ui_message(ui, ROLE_NORMAL, "Charts in %s",
		    chart_style_name((enum chart_style)ts->style));
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

/* The charts of a page. */
static void
draw_charts(const struct ui *ui, const struct trends_state *ts, WINDOW *w,
    const struct trends_page *pg)
{
	enum chart_style style = ts->style < 0 ? chart_style_default() :
	    (enum chart_style)ts->style;
	int cw, i;

	if (pg->n == 0)
		return;
	cw = ui->cols / pg->ncol;
	for (i = 0; i < pg->n; i++) {
		int id = pg->first + i, col = i % pg->ncol, row = i / pg->ncol;
		const struct trends_chart *tc = &ts->c[id];
		struct chart c;

		memset(&c, 0, sizeof c);
		c.title = chart_desc[id].title;
		c.note = tc->note;
		c.decimals = chart_desc[id].decimals;
		c.role = chart_desc[id].role;
		c.s.v = tc->v;
		c.s.lo = tc->band ? tc->lo : NULL;
		c.s.hi = tc->band ? tc->hi : NULL;
		c.s.n = (size_t)ts->cdays;
		c.first_day = ts->cfirst;
		c.tick_day = ts->cfirst;
		chart_draw(w, pg->y + row * (pg->h + 1), col * cw, pg->h,
		    cw - (col + 1 < pg->ncol ? 2 : 0), &c, style);
	}
}

/* The weeks, as rows. */
static void
draw_weeks(const struct ui *ui, const struct trends_state *ts, WINDOW *w)
{
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

static void
trends_draw(const struct ui *ui, const void *state, WINDOW *w)
{
	const struct trends_state *ts = state;
	struct trends_page pg[TRENDS_PAGES];
	int np = trends_pages(ui, ts, pg);
	int page = ts->page < np ? ts->page : np - 1;

	if (page == 0)
		draw_weeks(ui, ts, w);
	else {
		char pos[32], ds[11];
		int pw = snprintf(pos, sizeof pos, " page %d/%d", page + 1, np);
		int wide = ui->cols >= 60;

		ui_putf(w, 1, 0, ui->cols, ROLE_HEADER, "%d weeks to %s",
		    ts->weeks, date_format(date_week_start(ts->end,
		    ui->cfg->week_start) + 6, ds) + (wide ? 0 : 5));
		ui_put(w, 1, ui->cols - pw > 0 ? ui->cols - pw : 0, pw,
		    ROLE_DIM, pos);
	}
	draw_charts(ui, ts, w, &pg[page]);
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
