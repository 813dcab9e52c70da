/*
 * ui-shoes: each shoe's distance, one row each, with a bar against its
 * limit: the shoes in use first, then the retired ones (dimmed). A shoe
 * past its limit has a full bar in the alert colour and says by how much,
 * for as long as it is in use; one within a tenth of it is a warning.
 * The line under the list tells the selected shoe's story: its runs,
 * first and last use, and what is left. The totals come from the store
 * (store_shoes()), summed from the runs each time the screen is entered.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ui.h"
#include "ui-text.h"
#include "units.h"
#include "util.h"

#define NAME_COLS_MAX 18     /* a longer name is cut with an ellipsis */

struct shoes_state {
	struct store_shoe *v;
	size_t  n, sel, top;
};

static void *
shoes_init(struct ui *ui)
{
	return xcalloc(1, sizeof (struct shoes_state));
}

static void
shoes_free(void *state)
{
	struct shoes_state *ss = state;

	if (ss != NULL)
		free(ss->v);
	free(ss);
}

/* Rows of the list: the body less the header and the two detail lines. */
static int
list_rows(const struct ui *ui)
{
	int n = ui_body_rows(ui) - 3;

	return n < 1 ? 1 : n;
}

static void
shoes_enter(struct ui *ui, void *state)
{
	struct shoes_state *ss = state;

	free(ss->v);
	ss->v = NULL;
	ss->n = 0;
	if (store_shoes(ui->st, &ss->v, &ss->n) != 0)
		ui_message(ui, ROLE_ALERT, "cannot read the shoes: %s", err_get());
	ui_scroll(&ss->sel, &ss->top, ss->n, list_rows(ui));
}

static void
shoes_resize(struct ui *ui, void *state)
{
	struct shoes_state *ss = state;

	ui_scroll(&ss->sel, &ss->top, ss->n, list_rows(ui));
}

static int
past(const struct store_shoe *s)
{
	return s->limit_m > 0 && s->distance_m > s->limit_m;
}

/* The colour of a shoe's bar and words: worn, nearly, fine, retired. */
static enum ui_role
shoe_role(const struct store_shoe *s)
{
	if (s->retired)
		return ROLE_DIM;
	if (past(s))
		return ROLE_ALERT;
	if (s->limit_m > 0 && s->distance_m * 10 >= s->limit_m * 9)
		return ROLE_WARNING;
	return ROLE_GOOD;
}

/* "112%", "87%", "no limit", "retired": what stands after the bar. */
static void
state_text(const struct store_shoe *s, char *out, size_t n)
{
	if (s->retired)
		snprintf(out, n, "retired");
	else if (s->limit_m == 0)
		snprintf(out, n, "no limit");
	else
		snprintf(out, n, "%" PRId64 "%%", s->distance_m * 100 /
		    s->limit_m);
}

/* The column widths for the window's width. */
struct shoe_cols {
	int name, dist, runs, last, bar;
};

static void
layout(const struct shoes_state *ss, int cols, struct shoe_cols *c)
{
	size_t i;

	c->name = 4;
	for (i = 0; i < ss->n; i++)
		if (ui_text_width(ss->v[i].name) > c->name)
			c->name = ui_text_width(ss->v[i].name);
	if (c->name > NAME_COLS_MAX)
		c->name = NAME_COLS_MAX;
	if (cols < 60 && c->name > 12)
		c->name = 12;
	c->dist = 10;
	c->runs = cols >= 60 ? 5 : 0;
	c->last = cols >= 76 ? 12 : 0;
	/* marker, name, gaps, the bar, "  112%" */
	c->bar = cols - (1 + c->name + 1 + c->dist + c->runs + c->last + 2 + 9);
	if (c->bar > 40)
		c->bar = 40;
	if (c->bar < 4)
		c->bar = 4;
}

static void
draw_row(const struct ui *ui, WINDOW *w, int y, const struct store_shoe *s,
    const struct shoe_cols *c, int sel)
{
	char d[32], bar[256], st[32], ds[11];
	enum ui_role role = shoe_role(s);
	int x = 0;

	x += ui_put(w, y, x, 1, sel ? ROLE_SELECTED : ROLE_NORMAL,
	    sel ? ">" : " ");
	ui_put_cut(w, y, x, c->name, s->retired ? ROLE_DIM : sel ?
	    ROLE_SELECTED : ROLE_NORMAL, s->name);
	x += c->name + 1;
	x += ui_putf(w, y, x, c->dist, s->retired ? ROLE_DIM : ROLE_NORMAL,
	    "%*s", c->dist, units_format_distance(s->distance_m,
	    ui->cfg->dist_unit, d));
	if (c->runs > 0)
		x += ui_putf(w, y, x, c->runs, ROLE_DIM, "%*" PRId64, c->runs,
		    s->runs);
	if (c->last > 0)
		x += ui_putf(w, y, x, c->last, ROLE_DIM, "  %-10s", s->runs > 0 ?
		    date_format(s->last_day, ds) : "-");
	x += 2;
	if (s->limit_m > 0 && !s->retired)
		ui_put(w, y, x, c->bar, role, ui_bar((double)s->distance_m /
		    (double)s->limit_m, c->bar, bar, sizeof bar));
	x += c->bar + 1;
	state_text(s, st, sizeof st);
	/* both marks when the default shoe is worn */
	ui_putf(w, y, x, ui->cols - x, role, "%s%s%s", st,
	    s->is_default ? " *" : "", past(s) && !s->retired ? " !" : "");
}

/* The selected shoe in words, over two lines from y. */
static void
draw_detail(const struct ui *ui, WINDOW *w, int y, const struct store_shoe *s)
{
	char a[11], b[11], lim[32], left[32], line[256];

	if (s->runs > 0)
		snprintf(line, sizeof line, "%s: %" PRId64 " run%s, %s to %s%s",
		    s->name, s->runs, s->runs == 1 ? "" : "s",
		    date_format(s->first_day, a), date_format(s->last_day, b),
		    s->is_default ? "; the default shoe" : "");
	else
		snprintf(line, sizeof line, "%s: no runs yet%s", s->name,
		    s->is_default ? "; the default shoe" : "");
	ui_put_cut(w, y, 0, ui->cols, ROLE_NORMAL, line);
	if (s->limit_m == 0) {
		ui_put_cut(w, y + 1, 0, ui->cols, ROLE_DIM, s->retired ?
		    "Retired." : "No limit set (runlog shoe add NAME --limit).");
		return;
	}
	units_format_distance(s->limit_m, ui->cfg->dist_unit, lim);
	units_format_distance(past(s) ? s->distance_m - s->limit_m :
	    s->limit_m - s->distance_m, ui->cfg->dist_unit, left);
	if (s->retired)
		snprintf(line, sizeof line, "Retired; its limit was %s.", lim);
	else if (past(s))
		snprintf(line, sizeof line, "Past its limit of %s by %s: time "
		    "for new shoes.", lim, left);
	else
		snprintf(line, sizeof line, "Limit %s: %s left.", lim, left);
	ui_put_cut(w, y + 1, 0, ui->cols, s->retired ? ROLE_DIM :
	    shoe_role(s), line);
}

static void
shoes_draw(const struct ui *ui, const void *state, WINDOW *w)
{
	const struct shoes_state *ss = state;
	struct shoe_cols c;
	int y = 1, rows = list_rows(ui), x = 1;
	size_t i;

	if (ss->n == 0) {
		ui_put_wrapped(w, 2, 1, ui->cols - 2, ui_body_rows(ui) - 1,
		    ROLE_DIM, "No shoes yet. Add one with runlog shoe add NAME "
		    "--limit 700km, and runs logged with --shoe NAME (or the "
		    "default shoe) count against it.");
		return;
	}
	layout(ss, ui->cols, &c);
	ui_put(w, y, x, c.name, ROLE_HEADER, "Shoe");
	x += c.name + 1;
	x += ui_putf(w, y, x, c.dist, ROLE_HEADER, "%*s", c.dist, "Distance");
	if (c.runs > 0)
		x += ui_putf(w, y, x, c.runs, ROLE_HEADER, "%*s", c.runs, "Runs");
	if (c.last > 0)
		x += ui_putf(w, y, x, c.last, ROLE_HEADER, "  %-10s", "Last run");
	ui_put(w, y, x + 2, ui->cols - x - 2, ROLE_HEADER, ui->cols >= 60 ?
	    "Against its limit" : "Limit");
	for (i = ss->top; i < ss->n && (int)(i - ss->top) < rows; i++)
		draw_row(ui, w, y + 1 + (int)(i - ss->top), &ss->v[i], &c,
		    i == ss->sel);
	draw_detail(ui, w, y + 1 + rows, &ss->v[ss->sel]);
}

static int
shoes_key(struct ui *ui, void *state, enum ui_cmd cmd)
{
	struct shoes_state *ss = state;

	switch (cmd) {
	case CMD_DOWN:
		if (ss->sel + 1 < ss->n)
			ss->sel++;
		break;
	case CMD_UP:
		if (ss->sel > 0)
			ss->sel--;
		break;
	default:
		return -1;
	}
	ui_scroll(&ss->sel, &ss->top, ss->n, list_rows(ui));
	return UI_REDRAW;
}

static int64_t
shoes_peek(const void *state, const char *what)
{
	const struct shoes_state *ss = state;

	if (strcmp(what, "n") == 0)
		return (int64_t)ss->n;
	if (strcmp(what, "sel") == 0)
		return (int64_t)ss->sel;
	return INT64_MIN;
}

const struct screen shoes_screen = {
	.name = "Shoes",
	.short_name = "Shoe",
	.keys = &ui_keys_shoes,
	.init = shoes_init,
	.free = shoes_free,
	.enter = shoes_enter,
	.draw = shoes_draw,
	.key = shoes_key,
	.resize = shoes_resize,
	.peek = shoes_peek,
};
