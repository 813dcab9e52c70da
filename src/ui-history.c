/*
 * ui-history: every entry, newest first, with edit, delete and undo. The
 * list is a bounded window of whole days: scrolling past either end finds
 * the next day that holds entries (store_day_before/after) and loads a few
 * weeks from there (store_load), and the far end of the window is
 * dropped, so a fifty-year journal is never read at once.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ui.h"
#include "ui-form.h"
#include "ui-text.h"
#include "units.h"
#include "util.h"

#define HIST_CHUNK_DAYS 28      /* days read at a time */
#define HIST_PAGE       64      /* rows wanted per load */
#define HIST_KEEP       512     /* rows kept in the window */


static int
list_rows(const struct ui *ui)
{
	int n = ui_body_rows(ui) - 1;

	return n < 1 ? 1 : n;
}

struct hist_row {
	enum entry_kind kind;
	int64_t id;
	int     day;
	char    text[112];
};

/* What the History screen shows, private to it. */
struct hist_state {
	struct hist_row *rows;
	size_t  n, cap;
	int     lo, hi;          /* every entry of days [lo, hi] is in rows */
	int     more_older, more_newer;
	size_t  sel, top;
	int     loaded;
};

static void *
history_init(struct ui *ui)
{
	return xcalloc(1, sizeof (struct hist_state));
}

static void
history_free(void *state)
{
	struct hist_state *hs = state;

	if (hs != NULL)
		free(hs->rows);
	free(hs);
}

static void
history_resize(struct ui *ui, void *state)
{
	struct hist_state *hs = state;

	ui_scroll(&hs->sel, &hs->top, hs->n, ui_body_rows(ui) - 1);
}

/* For tests: the list's size and the selected row. */
static int64_t
history_peek(const void *state, const char *what)
{
	const struct hist_state *hs = state;
	const struct hist_row *r = hs->n > 0 ? &hs->rows[hs->sel] : NULL;

	if (strcmp(what, "n") == 0)
		return (int64_t)hs->n;
	if (strcmp(what, "sel") == 0)
		return (int64_t)hs->sel;
	if (strcmp(what, "row.kind") == 0 && r != NULL)
		return r->kind;
	if (strcmp(what, "row.day") == 0 && r != NULL)
		return r->day;
	if (strcmp(what, "row.id") == 0 && r != NULL)
		return r->id;
	return INT64_MIN;
}

/*
 * The newest day before 'from' (newer = 0) or the oldest day after it
 * (newer = 1) that holds any entry; DATE_MIN - 1 when none, or on an
 * error, which is left in err_get() and *failed set.
 */
static int
next_day(struct ui *ui, int from, int newer, int *failed)
{
	int day, rc;

	*failed = 0;
	if (from < DATE_MIN - 1)
		from = DATE_MIN - 1;
	if (from > DATE_MAX + 1)
		from = DATE_MAX + 1;
	rc = newer ? store_day_after(ui->st, from, &day) :
	    store_day_before(ui->st, from, &day);
	if (rc < 0)
		*failed = 1;
	if (rc != 0 || day < DATE_MIN || day > DATE_MAX)
		return DATE_MIN - 1;
	return day;
}

static void
row_add(struct hist_row **v, size_t *n, size_t *cap, enum entry_kind k,
    int64_t id, int day, const char *text)
{
	struct hist_row *r;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	r = &(*v)[(*n)++];
	r->kind = k;
	r->id = id;
	r->day = day;
	snprintf(r->text, sizeof r->text, "%s", text);
	text_sanitize(r->text);
}

/* The text of one row of each kind. */
static void
run_text(const struct config *cfg, const struct run *r, char *t, size_t n)
{
	char a[32], b[32], p[32], note[64];

	snprintf(t, n, "run    %s  %s  %s  %s%s%.0d%s%s",
	    units_format_distance(r->distance_m, cfg->dist_unit, a),
	    units_format_duration(r->duration_s, b),
	    units_format_pace(r->distance_m, r->duration_s, cfg->dist_unit, p),
	    run_type_name(r->type), r->rpe ? "  RPE " : "", r->rpe,
	    r->note ? "  " : "", r->note ? ui_clean(r->note, note, sizeof note) :
	    "");
}

static void
sleep_text(const struct sleep *s, char *t, size_t n)
{
	char a[32];

	snprintf(t, n, "sleep  %s%s%.0d%s", units_format_hours(s->minutes, a),
	    s->quality ? "  quality " : "", s->quality, s->quality ? "/5" : "");
}

static void
drink_text(const struct config *cfg, const struct drink *d, char *t,
    size_t n)
{
	char a[32];

	snprintf(t, n, "drink  %s%s",
	    units_format_volume(d->volume_ml, cfg->vol_unit, a),
	    d->electrolytes ? "  electrolytes" : "");
}

static void
checkin_text(const struct checkin *c, char *t, size_t n)
{
	snprintf(t, n, "check  fatigue %d/10%s%.0d%s%s", c->fatigue,
	    c->soreness ? "  sore " : "", c->soreness, c->soreness ? "/10" : "",
	    c->pain || c->swelling || c->numbness || c->no_weight ?
	    "  injury signs" : "");
}

/* The rows of one day, each kind newest first as before. */
static void
day_rows(const struct config *cfg, const struct entries *e, int day,
    struct hist_row **out, size_t *n, size_t *cap)
{
	char t[112];
	size_t k;

	for (k = e->nruns; k-- > 0;)
		if (e->runs[k].day == day) {
			run_text(cfg, &e->runs[k], t, sizeof t);
			row_add(out, n, cap, ENTRY_RUN, e->runs[k].id, day, t);
		}
	for (k = e->nsleeps; k-- > 0;)
		if (e->sleeps[k].day == day) {
			sleep_text(&e->sleeps[k], t, sizeof t);
			row_add(out, n, cap, ENTRY_SLEEP, e->sleeps[k].id, day, t);
		}
	for (k = e->ndrinks; k-- > 0;)
		if (e->drinks[k].day == day) {
			drink_text(cfg, &e->drinks[k], t, sizeof t);
			row_add(out, n, cap, ENTRY_DRINK, e->drinks[k].id, day, t);
		}
	for (k = e->ncheckins; k-- > 0;)
		if (e->checkins[k].day == day) {
			checkin_text(&e->checkins[k], t, sizeof t);
			row_add(out, n, cap, ENTRY_CHECKIN, e->checkins[k].id, day, t);
		}
	for (k = e->nrests; k-- > 0;)
		if (e->rests[k].day == day)
			row_add(out, n, cap, ENTRY_REST, e->rests[k].id, day,
			    "rest   rest day");
}

/* Rows of days [from, to], newest day first; -1 on a read error. */
static int
load_days(struct ui *ui, int from, int to, struct hist_row **out, size_t *n)
{
	struct entries e;
	size_t cap = 0;
	int day;

	*out = NULL;
	*n = 0;
	if (store_load(ui->st, from, to, &e) != 0)
		return -1;
	/* Each list is oldest first; walk them backwards by day. */
	for (day = to; day >= from; day--)
		day_rows(ui->cfg, &e, day, out, n, &cap);
	entries_free(&e);
	return 0;
}

/* Appends older days until a page more is loaded or there are none. */
static int
extend_older(struct ui *ui, struct hist_state *hs)
{
	size_t added = 0, drop;
	int failed;

	while (added < HIST_PAGE) {
		struct hist_row *v;
		size_t n;
		int d = next_day(ui, hs->lo, 0, &failed);

		if (failed)
			return -1;
		if (d < DATE_MIN) {
			hs->more_older = 0;
			break;
		}
		int from = d - HIST_CHUNK_DAYS + 1 < DATE_MIN ? DATE_MIN :
		    d - HIST_CHUNK_DAYS + 1;

		if (load_days(ui, from, d, &v, &n) != 0)
			return -1;
		if (hs->n + n > hs->cap) {
			hs->cap = hs->n + n + 64;
			hs->rows = xrealloc(hs->rows, hs->cap * sizeof *hs->rows);
		}
		memcpy(hs->rows + hs->n, v, n * sizeof *v);
		hs->n += n;
		added += n;
		hs->lo = from;
		free(v);
		hs->more_older = 1;
	}
	/* Keep the window bounded: drop whole days at the newest end. */
	if (hs->n > HIST_KEEP && hs->sel > HIST_PAGE) {
		drop = hs->n - HIST_KEEP;
		if (drop > hs->sel - HIST_PAGE / 2)
			drop = hs->sel - HIST_PAGE / 2;
		while (drop < hs->n && drop > 0 &&
		    hs->rows[drop].day == hs->rows[drop - 1].day)
			drop++;
		if (drop > 0 && drop < hs->n) {
			hs->hi = hs->rows[drop].day;
			memmove(hs->rows, hs->rows + drop,
			    (hs->n - drop) * sizeof *hs->rows);
			hs->n -= drop;
			hs->sel -= drop;
			hs->top = hs->top > drop ? hs->top - drop : 0;
			hs->more_newer = 1;
		}
	}
	return 0;
}

/* Prepends newer days; returns rows added, -1 on error. */
static long
extend_newer(struct ui *ui, struct hist_state *hs)
{
	size_t added = 0, keep;
	int failed;

	while (added < HIST_PAGE) {
		struct hist_row *v;
		size_t n;
		int d = next_day(ui, hs->hi, 1, &failed);

		if (failed)
			return -1;
		if (d < DATE_MIN) {
			hs->more_newer = 0;
			break;
		}
		int to = d + HIST_CHUNK_DAYS - 1 > DATE_MAX ? DATE_MAX :
		    d + HIST_CHUNK_DAYS - 1;

		if (load_days(ui, d, to, &v, &n) != 0)
			return -1;
		if (hs->n + n > hs->cap) {
			hs->cap = hs->n + n + 64;
			hs->rows = xrealloc(hs->rows, hs->cap * sizeof *hs->rows);
		}
		memmove(hs->rows + n, hs->rows, hs->n * sizeof *hs->rows);
		memcpy(hs->rows, v, n * sizeof *v);
		hs->n += n;
		hs->sel += n;
		hs->top += n;
		added += n;
		hs->hi = to;
		free(v);
		hs->more_newer = 1;
	}
	/* Drop whole days at the oldest end. */
	if (hs->n > HIST_KEEP) {
		keep = HIST_KEEP;
		if (keep < hs->sel + HIST_PAGE)
			keep = hs->sel + HIST_PAGE;
		while (keep < hs->n && hs->rows[keep].day == hs->rows[keep - 1].day)
			keep++;
		if (keep < hs->n) {
			hs->lo = hs->rows[keep - 1].day;
			hs->n = keep;
			hs->more_older = 1;
		}
	}
	return (long)added;
}

static void
history_reset(struct ui *ui, struct hist_state *hs)
{
	hs->n = 0;
	hs->sel = hs->top = 0;
	hs->lo = hs->hi = DATE_MAX + 1;
	hs->more_newer = 0;
	hs->more_older = 1;
	hs->loaded = 1;
	if (extend_older(ui, hs) != 0)
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
}

/* After a change: read the window's days again, keep the selection. */
static void
history_enter(struct ui *ui, void *state)
{
	struct hist_state *hs = state;
	struct hist_row *v;
	size_t n;

	if (!hs->loaded || hs->n == 0) {
		history_reset(ui, hs);
		return;
	}
	if (load_days(ui, hs->lo, hs->hi < DATE_MAX ? hs->hi : DATE_MAX, &v,
	    &n) != 0) {
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
		return;
	}
	free(hs->rows);
	hs->rows = v;
	hs->n = hs->cap = n;
	if (hs->n == 0) {
		history_reset(ui, hs);
		return;
	}
	ui_scroll(&hs->sel, &hs->top, hs->n, list_rows(ui));
}

static void
hist_move(struct ui *ui, struct hist_state *hs, long delta)
{
	int rows = list_rows(ui);

	if (delta > 0) {
		if (hs->sel + (size_t)delta >= hs->n && hs->more_older)
			extend_older(ui, hs);
		hs->sel = hs->sel + (size_t)delta < hs->n ? hs->sel + (size_t)delta :
		    (hs->n ? hs->n - 1 : 0);
	} else if (delta < 0) {
		if ((size_t)-delta > hs->sel && hs->more_newer)
			extend_newer(ui, hs);
		hs->sel = (size_t)-delta > hs->sel ? 0 : hs->sel - (size_t)-delta;
	}
	ui_scroll(&hs->sel, &hs->top, hs->n, rows);
}

/* The form that edits an entry of kind k. */
static const enum form_kind form_of[ENTRY_KIND_COUNT] = {
	[ENTRY_RUN] = FORM_RUN, [ENTRY_SLEEP] = FORM_SLEEP,
	[ENTRY_DRINK] = FORM_DRINK, [ENTRY_CHECKIN] = FORM_CHECKIN,
	[ENTRY_REST] = FORM_KIND_COUNT,
};

static int
history_key(struct ui *ui, void *state, enum ui_cmd cmd)
{
	struct hist_state *hs = state;
	int rows = list_rows(ui);
	const struct hist_row *r;
	char ds[11], q[128];

	switch (cmd) {
	case CMD_DOWN:  hist_move(ui, hs, 1); return UI_REDRAW;
	case CMD_UP:    hist_move(ui, hs, -1); return UI_REDRAW;
	case CMD_PGDN:  hist_move(ui, hs, rows); return UI_REDRAW;
	case CMD_PGUP:  hist_move(ui, hs, -rows); return UI_REDRAW;
	case CMD_TOP:
		history_reset(ui, hs);
		return UI_REDRAW;
	case CMD_BOTTOM:
		hs->n = 0;
		hs->sel = hs->top = 0;
		hs->lo = hs->hi = DATE_MIN - 1;
		hs->more_older = 0;
		extend_newer(ui, hs);
		hs->sel = hs->n ? hs->n - 1 : 0;
		ui_scroll(&hs->sel, &hs->top, hs->n, rows);
		return UI_REDRAW;
	case CMD_EDIT:
		if (hs->n == 0)
			return UI_REDRAW;
		r = &hs->rows[hs->sel];
		if (form_of[r->kind] == FORM_KIND_COUNT)
			ui_message(ui, ROLE_NORMAL, "A rest day has nothing to edit; "
			    "d deletes it");
		else if (form_open(ui, form_of[r->kind], r->day, r->id) == 1)
			return UI_RELOAD | UI_REDRAW;   /* deleted elsewhere */
		return UI_REDRAW;
	case CMD_DELETE:
		if (hs->n == 0)
			return UI_REDRAW;
		r = &hs->rows[hs->sel];
		snprintf(q, sizeof q, "Delete %c%" PRId64 " (%s on %s)?",
		    entry_kind_letter(r->kind), r->id, entry_kind_name(r->kind),
		    date_format(r->day, ds));
		ui_confirm_delete(ui, r->kind, r->id, q);
		return UI_REDRAW;
	case CMD_UNDO:
		return ui_undo(ui);
	case CMD_EXPORT:
		form_open(ui, FORM_EXPORT, ui->day, 0);
		return UI_REDRAW;
	default:
		return -1;
	}
}

static void
history_draw(const struct ui *ui, const void *state, WINDOW *w)
{
	const struct hist_state *hs = state;
	int rows = list_rows(ui), y, wide = ui->cols >= 60;
	size_t i, top = hs->top, sel = hs->sel;
	char ds[11], id[24];

	ui_scroll(&sel, &top, hs->n, rows);
	if (hs->n == 0) {
		ui_put(w, 1, 0, ui->cols, ROLE_DIM,
		    "The journal is empty. Press 1 and log a day.");
		return;
	}
	ui_putf(w, 1, 0, ui->cols, ROLE_DIM, wide ?
	    "%-14s %-7s %s" : "%-5s %-6s %s", "day", "id", "entry");
	for (i = top, y = 2; i < hs->n && y < 2 + rows; i++, y++) {
		const struct hist_row *r = &hs->rows[i];
		int first = i == top || hs->rows[i - 1].day != r->day;
		enum ui_role role = i == sel ? ROLE_SELECTED : ROLE_NORMAL;

		date_format(r->day, ds);
		snprintf(id, sizeof id, "%c%" PRId64, entry_kind_letter(r->kind),
		    r->id);
		if (wide)
			ui_putf(w, y, 0, ui->cols, role, "%s%-14s %-7s %s",
			    i == sel ? ">" : " ", first ? ds : "", id, r->text);
		else
			ui_putf(w, y, 0, ui->cols, role, "%s%-5s %-6s %s",
			    i == sel ? ">" : " ", first ? ds + 5 : "", id, r->text);
		if (wide && first) {
			/* weekday after the date */
			ui_put(w, y, 12, 3, role, date_weekday_name(r->day));
		}
	}
}

const struct screen history_screen = {
	.name = "History",
	.short_name = "Hist",
	.keys = &ui_keys_history,
	.init = history_init,
	.free = history_free,
	.enter = history_enter,
	.draw = history_draw,
	.key = history_key,
	.resize = history_resize,
	.peek = history_peek,
};
