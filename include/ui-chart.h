/*
 * ui-chart: a series of daily numbers drawn as a line chart in a rectangle
 * of a curses window: a title row, the plot with its scale (the highest
 * and lowest value on the left), and a row of dates under it. Days without
 * a value are gaps, never zeros. An optional band (a low and a high value
 * per day, such as a rule's baseline and threshold) is shaded behind the
 * line.
 *
 * Three renderers: Unicode braille (2x4 dots a cell), block elements (the
 * area under the line filled in eighths of a cell) and plain ASCII ('*'
 * joined by '|'). The mapping from values to cells is pure (chart_plot(),
 * no curses), so it is tested from arrays; chart_draw() only turns the
 * cells into text.
 */
#ifndef RUNLOG_UI_CHART_H
#define RUNLOG_UI_CHART_H

#include <stddef.h>
#include <curses.h>

#include "ui-colour.h"

enum chart_style { CHART_BRAILLE, CHART_BLOCK, CHART_ASCII, CHART_STYLES };

/* The numbers of a chart, oldest first; NAN marks a day without one. */
struct chart_series {
	const double *v;         /* n values */
	const double *lo, *hi;   /* the band per day, or NULL; NAN: none */
	size_t        n;
};

/* One cell of the plot, before it becomes text. */
struct chart_cell {
	unsigned char dots;      /* braille: dot bits, U+2800 + dots */
	unsigned char fill;      /* block: eighths filled from the bottom */
	char          ascii;     /* ASCII: '*' or '|', 0 for none */
	unsigned char band;      /* 1: inside the band */
};

/* A chart to draw. */
struct chart {
	const char  *title;      /* "Resting HR, bpm" */
	const char  *note;       /* after the title, dimmed; may be NULL */
	int          decimals;   /* of the scale's labels, 0-3 */
	struct chart_series s;
	int          first_day;  /* the day of v[0] */
	int          tick_day;   /* date labels fall on this day +- k weeks */
	enum ui_role role;       /* of the line */
};

/*
 * The span of the plot: the least and greatest value and band edge,
 * widened to the labels' precision (10^-decimals); a single value or a
 * constant series gets one step either side. -1 when there is no value.
 */
int    chart_range(const struct chart_series *s, int decimals, double *min,
    double *max);
/* The mean of the values of v[0..n) that fall in point p of np; NAN when
 * none does. Points share the days out evenly (a day may span several). */
double chart_point(const double *v, size_t n, size_t p, size_t np);
/* The level of v among levels steps from min (0) to max (levels - 1). */
int    chart_level(double v, double min, double max, int levels);
/*
 * The plot of s over min..max as w x h cells, row 0 the top, into
 * cells[h * w]. Returns the number of cells the line touches.
 */
int    chart_plot(const struct chart_series *s, enum chart_style style,
    int w, int h, double min, double max, struct chart_cell *cells);
/* The text of a cell: a UTF-8 character, or ASCII; out holds 8 bytes. */
const char *chart_cell_text(const struct chart_cell *c,
    enum chart_style style, char *out);
/*
 * Date labels under a plot of w columns showing n days from first: the
 * days tick + k x step, step the least of 1, 2, 4, 8, 13 or 26 weeks
 * that leaves two blanks between labels of lw columns. Columns into col[],
 * days into day[] (at most max); returns how many.
 */
int    chart_ticks(int first, size_t n, int tick, int w, int lw, int *col,
    int *day, int max);

/* Braille where the locale is UTF-8 and the terminal is not the Linux
 * console (whose fonts lack it; block elements there), else ASCII. */
enum chart_style chart_style_default(void);
const char *chart_style_name(enum chart_style style);

/* Draws c into rows y..y+h-1 and columns x..x+w-1 of win (h >= 3). */
void   chart_draw(WINDOW *win, int y, int x, int h, int w,
    const struct chart *c, enum chart_style style);

#endif
