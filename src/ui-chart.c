/*
 * ui-chart: daily numbers as a line chart in a rectangle of a window.
 *
 * The plot is w x h cells. A renderer divides each cell into points
 * across and levels up: braille 2 x 4 dots, blocks 1 x 8 eighths, ASCII
 * 1 x 1. The days are shared out evenly over the points across (a point
 * takes the mean of its days, a gap when none has a value), each point's
 * value is put on the nearest level, and a point is joined to the one
 * before it by a vertical run in its own column, so a line never jumps a
 * gap it should show. The band is marked cell by cell, on the rows
 * between the levels of its low and high edges, with the same mapping
 * as the line, so a value on the band's edge is drawn inside it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ui-chart.h"
#include "ui-text.h"
#include "util.h"

/* Points across and levels up of one cell. */
static const int cell_across[CHART_STYLES] = { 2, 1, 1 };
static const int cell_up[CHART_STYLES] = { 4, 8, 1 };

/* 10^decimals, for rounding the scale outward. */
static double
scale_of(int decimals)
{
	double p = 1;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 3)
		decimals = 3;
	while (decimals-- > 0)
		p *= 10;
	return p;
}

static void
widen(const double *v, size_t n, double *min, double *max, int *any)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++) {
		if (!isfinite(v[i]))
			continue;
		if (!*any || v[i] < *min)
			*min = v[i];
		if (!*any || v[i] > *max)
			*max = v[i];
		*any = 1;
	}
}

int
chart_range(const struct chart_series *s, int decimals, double *min,
    double *max)
{
	double p = scale_of(decimals);
	int any = 0;

	*min = *max = 0;
	widen(s->v, s->n, min, max, &any);
	if (!any)
		return -1;       /* a band alone is no chart */
	widen(s->lo, s->n, min, max, &any);
	widen(s->hi, s->n, min, max, &any);
	*min = floor(*min * p + 1e-9) / p;
	*max = ceil(*max * p - 1e-9) / p;
	if (*max - *min < 0.5 / p) {
		*min -= 1 / p;
		*max += 1 / p;
	}
	return 0;
}

double
chart_point(const double *v, size_t n, size_t p, size_t np)
{
	size_t a, b, i, k = 0;
	double sum = 0;

	if (v == NULL || n == 0 || np == 0 || p >= np)
		return NAN;
	a = p * n / np;
	b = (p + 1) * n / np;
	if (b <= a)
		b = a + 1;
	for (i = a; i < b && i < n; i++)
		if (isfinite(v[i])) {
			sum += v[i];
			k++;
		}
	return k > 0 ? sum / (double)k : NAN;
}

int
chart_level(double v, double min, double max, int levels)
{
	double f;
	long l;

	if (levels <= 1 || !(max > min) || !isfinite(v))
		return 0;
	f = (v - min) / (max - min);
	l = lround(f * (levels - 1));
	if (l < 0)
		l = 0;
	if (l > levels - 1)
		l = levels - 1;
	return (int)l;
}

/* Braille dot bits by point across (0, 1) and dot row from the top. */
static const unsigned char braille_bit[2][4] = {
	{ 0x01, 0x02, 0x04, 0x40 }, { 0x08, 0x10, 0x20, 0x80 },
};

/* Puts level l of point p on the cells (w x h). Returns 1 when new. */
static int
mark(struct chart_cell *cells, int w, int h, enum chart_style style, int p,
    int l)
{
	int up = cell_up[style], across = cell_across[style];
	int row = h - 1 - l / up, col = p / across;
	struct chart_cell *c;
	int was;

	if (row < 0 || row >= h || col < 0 || col >= w)
		return 0;
	c = &cells[row * w + col];
	was = c->dots || c->fill || c->ascii;
	switch (style) {
	case CHART_BRAILLE:
		c->dots |= braille_bit[p % 2][up - 1 - l % up];
		break;
	case CHART_BLOCK:
		break;           /* filled from the bottom by plot_blocks() */
	default:
		if (c->ascii != '*')
			c->ascii = '*';
		break;
	}
	return !was;
}

/* The area under the line, in eighths, one point a column. */
static int
plot_blocks(const struct chart_series *s, int w, int h, double min,
    double max, struct chart_cell *cells)
{
	int p, r, touched = 0;

	for (p = 0; p < w; p++) {
		double v = chart_point(s->v, s->n, (size_t)p, (size_t)w);
		int fill;

		if (!isfinite(v))
			continue;
		/* the least value still shows an eighth */
		fill = chart_level(v, min, max, 8 * h) + 1;
		for (r = 0; r < h; r++) {
			int e = fill - 8 * (h - 1 - r);
			struct chart_cell *c = &cells[r * w + p];

			c->fill = (unsigned char)(e < 0 ? 0 : e > 8 ? 8 : e);
			touched += c->fill > 0;
		}
	}
	return touched;
}

/* The band's rows in each column. */
static void
plot_band(const struct chart_series *s, enum chart_style style, int w,
    int h, double min, double max, struct chart_cell *cells)
{
	int up = cell_up[style], levels = up * h, col, r;

	if (s->lo == NULL || s->hi == NULL)
		return;
	for (col = 0; col < w; col++) {
		double lo = chart_point(s->lo, s->n, (size_t)col, (size_t)w);
		double hi = chart_point(s->hi, s->n, (size_t)col, (size_t)w);
		int top, bottom;

		if (!isfinite(lo) || !isfinite(hi) || hi < lo)
			continue;
		bottom = chart_level(lo, min, max, levels) / up;
		top = chart_level(hi, min, max, levels) / up;
		for (r = bottom; r <= top; r++)
			cells[(h - 1 - r) * w + col].band = 1;
	}
}

int
chart_plot(const struct chart_series *s, enum chart_style style, int w,
    int h, double min, double max, struct chart_cell *cells)
{
	int across, levels, np, p, prev = -1, touched = 0, l, k;

	if (w <= 0 || h <= 0)
		return 0;
	if ((unsigned)style >= CHART_STYLES)
		style = CHART_ASCII;
	memset(cells, 0, (size_t)w * (size_t)h * sizeof *cells);
	plot_band(s, style, w, h, min, max, cells);
	if (style == CHART_BLOCK)
		return plot_blocks(s, w, h, min, max, cells);
	across = cell_across[style];
	levels = cell_up[style] * h;
	np = w * across;
	for (p = 0; p < np; p++) {
		double v = chart_point(s->v, s->n, (size_t)p, (size_t)np);

		if (!isfinite(v)) {
			prev = -1;       /* a gap: the line breaks */
			continue;
		}
		l = chart_level(v, min, max, levels);
		touched += mark(cells, w, h, style, p, l);
		if (prev >= 0 && prev != l) {
			int step = prev < l ? 1 : -1;

			for (k = prev + step; k != l; k += step) {
				if (style == CHART_ASCII) {
					struct chart_cell *c =
					    &cells[(h - 1 - k) * w + p];
					if (c->ascii == 0) {
						c->ascii = '|';
						touched++;
					}
				} else
					touched += mark(cells, w, h, style, p,
					    k);
			}
		}
		prev = l;
	}
	return touched;
}

const char *
chart_cell_text(const struct chart_cell *c, enum chart_style style,
    char *out)
{
	static const char *const eighths[] = { "", "\u2581", "\u2582",
	    "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588" };
	const char *shade = style == CHART_ASCII ? "." : "\u2591";

	switch (style) {
	case CHART_BRAILLE:
		if (c->dots == 0)
			break;
		/* U+2800 + dots in UTF-8 */
		out[0] = (char)0xe2;
		out[1] = (char)(0xa0 | (c->dots >> 6));
		out[2] = (char)(0x80 | (c->dots & 0x3f));
		out[3] = '\0';
		return out;
	case CHART_BLOCK:
		if (c->fill == 0)
			break;
		snprintf(out, 8, "%s", eighths[c->fill > 8 ? 8 : c->fill]);
		return out;
	default:
		if (c->ascii == 0)
			break;
		out[0] = c->ascii;
		out[1] = '\0';
		return out;
	}
	snprintf(out, 8, "%s", c->band ? shade : " ");
	return out;
}

int
chart_ticks(int first, size_t n, int tick, int w, int lw, int *col,
    int *day, int max)
{
	static const int weeks[] = { 1, 2, 4, 8, 13, 26, 52 };
	size_t i;
	int step = 0, k = 0, d;

	if (n == 0 || w <= 0 || max <= 0)
		return 0;
	for (i = 0; i < sizeof weeks / sizeof weeks[0]; i++) {
		step = 7 * weeks[i];
		if ((double)step * w / (double)n >= lw + 2)
			break;
	}
	/* the first tick on or after first */
	d = first + ((tick - first) % step + step) % step;
	for (; d < first + (int)n && k < max; d += step) {
		int c = (int)((double)(d - first) * w / (double)n);

		if (c + lw > w)
			break;          /* the label would not fit */
		col[k] = c;
		day[k] = d;
		k++;
	}
	return k;
}

enum chart_style
chart_style_default(void)
{
	const char *t = getenv("TERM");

	if (!ui_text_utf8())
		return CHART_ASCII;
	if (t != NULL && strncmp(t, "linux", 5) == 0)
		return CHART_BLOCK;
	return CHART_BRAILLE;
}

const char *
chart_style_name(enum chart_style style)
{
	switch (style) {
	case CHART_BRAILLE:
		return "braille";
	case CHART_BLOCK:
		return "blocks";
	default:
		return "ASCII";
	}
}

/* The scale: the greatest value on the top row, the least on the bottom. */
static int
draw_scale(WINDOW *win, int y, int x, int h, double min, double max,
    int decimals)
{
	char top[32], bottom[32];
	int lw;

	snprintf(top, sizeof top, "%.*f", decimals, max);
	snprintf(bottom, sizeof bottom, "%.*f", decimals, min);
	lw = (int)strlen(top) > (int)strlen(bottom) ? (int)strlen(top) :
	    (int)strlen(bottom);
	ui_putf(win, y, x, lw, ROLE_DIM, "%*s", lw, top);
	if (h > 1)
		ui_putf(win, y + h - 1, x, lw, ROLE_DIM, "%*s", lw, bottom);
	return lw + 1;
}

static void
draw_dates(WINDOW *win, int y, int x, int w, const struct chart *c)
{
	int col[32], day[32], k, n;
	char ds[11];

	n = chart_ticks(c->first_day, c->s.n, c->tick_day, w, 5, col, day, 32);
	for (k = 0; k < n; k++)
		ui_put(win, y, x + col[k], 5, ROLE_DIM,
		    date_format(day[k], ds) + 5);
}

void
chart_draw(WINDOW *win, int y, int x, int h, int w, const struct chart *c,
    enum chart_style style)
{
	struct chart_cell *cells;
	double min, max;
	int tw, lw, pw, ph = h - 2, r, k;
	char t[8];

	if (h < 3 || w < 8)
		return;
	tw = ui_put(win, y, x, w, ROLE_HEADER, c->title);
	if (c->note != NULL && tw + 2 < w)
		ui_put(win, y, x + tw + 2, w - tw - 2, ROLE_DIM, c->note);
	if (chart_range(&c->s, c->decimals, &min, &max) != 0) {
		ui_put(win, y + 1, x, w, ROLE_DIM,
		    "nothing logged in these weeks");
		return;
	}
	lw = draw_scale(win, y + 1, x, ph, min, max, c->decimals);
	pw = w - lw;
	if (pw < 2)
		return;
	cells = xcalloc((size_t)pw * (size_t)ph, sizeof *cells);
	chart_plot(&c->s, style, pw, ph, min, max, cells);
	for (r = 0; r < ph; r++)
		for (k = 0; k < pw; k++) {
			const struct chart_cell *cl = &cells[r * pw + k];
			int line = cl->dots || cl->fill || cl->ascii;

			if (!line && !cl->band)
				continue;
			ui_put(win, y + 1 + r, x + lw + k, 1, line ? c->role :
			    ROLE_DIM, chart_cell_text(cl, style, t));
		}
	free(cells);
	draw_dates(win, y + h - 1, x + lw, pw, c);
}
