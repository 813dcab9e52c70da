/*
 * ui-history: every entry, newest first, with edit, delete and undo. The
 * list is a bounded window of whole days: scrolling past either end finds
 * the next day that holds entries with one indexed query and loads a few
 * weeks from there, and the far end of the window is dropped, so a
 * fifty-year journal is never read at once.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ui.h"
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

/*
 * The newest day before 'before' (newer = 0) or the oldest day after
 * 'after' (newer = 1) that holds any entry; DATE_MIN - 1 when none.
 */
static int
next_day(struct ui *ui, int from, int newer)
{
	static const char *const older_sql =
	    "SELECT max(d) FROM ("
	    " SELECT max(day) AS d FROM run WHERE day < ?1"
	    " UNION ALL SELECT max(day) FROM sleep WHERE day < ?1"
	    " UNION ALL SELECT max(day) FROM drink WHERE day < ?1"
	    " UNION ALL SELECT max(day) FROM checkin WHERE day < ?1"
	    " UNION ALL SELECT max(day) FROM rest WHERE day < ?1)";
	static const char *const newer_sql =
	    "SELECT min(d) FROM ("
	    " SELECT min(day) AS d FROM run WHERE day > ?1"
	    " UNION ALL SELECT min(day) FROM sleep WHERE day > ?1"
	    " UNION ALL SELECT min(day) FROM drink WHERE day > ?1"
	    " UNION ALL SELECT min(day) FROM checkin WHERE day > ?1"
	    " UNION ALL SELECT min(day) FROM rest WHERE day > ?1)";
	sqlite3 *db = store_db(ui->st);
	sqlite3_stmt *s = NULL;
	char ds[16];
	int day = DATE_MIN - 1;

	if (from < DATE_MIN - 1)
		from = DATE_MIN - 1;
	if (from > DATE_MAX + 1)
		from = DATE_MAX + 1;
	if (from < DATE_MIN)
		snprintf(ds, sizeof ds, "0000-00-00");
	else if (from > DATE_MAX)
		snprintf(ds, sizeof ds, "9999-99-99");
	else
		date_format(from, ds);
	if (sqlite3_prepare_v2(db, newer ? newer_sql : older_sql, -1, &s,
	    NULL) != SQLITE_OK)
		return day;
	sqlite3_bind_text(s, 1, ds, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    sqlite3_column_type(s, 0) != SQLITE_NULL) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		if (t == NULL || date_parse(t, &day) != 0)
			day = DATE_MIN - 1;
	}
	sqlite3_finalize(s);
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

/* Rows of days [from, to], newest day first; -1 on a read error. */
static int
load_days(struct ui *ui, int from, int to, struct hist_row **out, size_t *n)
{
	const struct config *cfg = ui->cfg;
	struct run *r = NULL; struct sleep *s = NULL; struct drink *d = NULL;
	struct checkin *c = NULL; struct rest *x = NULL;
	size_t nr = 0, ns = 0, nd = 0, nc = 0, nx = 0, cap = 0;
	char t[112], a[32], b[32], p[32], note[64];
	int day, rc = -1;

	*out = NULL;
	*n = 0;
	if (store_runs(ui->st, from, to, &r, &nr) != 0 ||
	    store_sleeps(ui->st, from, to, &s, &ns) != 0 ||
	    store_drinks(ui->st, from, to, &d, &nd) != 0 ||
	    store_checkins(ui->st, from, to, &c, &nc) != 0 ||
	    store_rests(ui->st, from, to, &x, &nx) != 0)
		goto out;
	/* Each list is oldest first; walk them backwards by day. */
	for (day = to; day >= from; day--) {
		size_t k;
		for (k = nr; k-- > 0;) {
			if (r[k].day != day)
				continue;
			snprintf(t, sizeof t, "run    %s  %s  %s  %s%s%.0d%s%s",
			    units_format_distance(r[k].distance_m, cfg->dist_unit, a),
			    units_format_duration(r[k].duration_s, b),
			    units_format_pace(r[k].distance_m, r[k].duration_s,
			    cfg->dist_unit, p), run_type_name(r[k].type),
			    r[k].rpe ? "  RPE " : "", r[k].rpe,
			    r[k].note ? "  " : "",
			    r[k].note ? ui_clean(r[k].note, note, sizeof note) : "");
			row_add(out, n, &cap, ENTRY_RUN, r[k].id, day, t);
		}
		for (k = ns; k-- > 0;) {
			if (s[k].day != day)
				continue;
			snprintf(t, sizeof t, "sleep  %s%s%.0d%s",
			    units_format_hours(s[k].minutes, a),
			    s[k].quality ? "  quality " : "", s[k].quality,
			    s[k].quality ? "/5" : "");
			row_add(out, n, &cap, ENTRY_SLEEP, s[k].id, day, t);
		}
		for (k = nd; k-- > 0;) {
			if (d[k].day != day)
				continue;
			snprintf(t, sizeof t, "drink  %s%s",
			    units_format_volume(d[k].volume_ml, cfg->vol_unit, a),
			    d[k].electrolytes ? "  electrolytes" : "");
			row_add(out, n, &cap, ENTRY_DRINK, d[k].id, day, t);
		}
		for (k = nc; k-- > 0;) {
			if (c[k].day != day)
				continue;
			snprintf(t, sizeof t, "check  fatigue %d/10%s%.0d%s%s", c[k].fatigue,
			    c[k].soreness ? "  sore " : "", c[k].soreness,
			    c[k].soreness ? "/10" : "",
			    c[k].pain || c[k].swelling || c[k].numbness ||
			    c[k].no_weight ? "  injury signs" : "");
			row_add(out, n, &cap, ENTRY_CHECKIN, c[k].id, day, t);
		}
		for (k = nx; k-- > 0;) {
			if (x[k].day != day)
				continue;
			row_add(out, n, &cap, ENTRY_REST, x[k].id, day, "rest   rest day");
		}
	}
	rc = 0;
out:
	run_list_free(r, nr);
	sleep_list_free(s, ns);
	drink_list_free(d, nd);
	checkin_list_free(c, nc);
	rest_list_free(x, nx);
	if (rc != 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

/* Appends older days until a page more is loaded or there are none. */
static int
extend_older(struct ui *ui)
{
	struct hist_state *hs = &ui->hs;
	size_t added = 0, drop;

	while (added < HIST_PAGE) {
		struct hist_row *v;
		size_t n;
		int d = next_day(ui, hs->lo, 0);

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
extend_newer(struct ui *ui)
{
	struct hist_state *hs = &ui->hs;
	size_t added = 0, keep;

	while (added < HIST_PAGE) {
		struct hist_row *v;
		size_t n;
		int d = next_day(ui, hs->hi, 1);

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
history_reset(struct ui *ui)
{
	struct hist_state *hs = &ui->hs;

	hs->n = 0;
	hs->sel = hs->top = 0;
	hs->lo = hs->hi = DATE_MAX + 1;
	hs->more_newer = 0;
	hs->more_older = 1;
	hs->loaded = 1;
	if (extend_older(ui) != 0)
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
}

/* After a change: read the window's days again, keep the selection. */
static void
history_enter(struct ui *ui)
{
	struct hist_state *hs = &ui->hs;
	struct hist_row *v;
	size_t n;

	if (!hs->loaded || hs->n == 0) {
		history_reset(ui);
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
		history_reset(ui);
		return;
	}
	ui_scroll(&hs->sel, &hs->top, hs->n, list_rows(ui));
}

static void
hist_move(struct ui *ui, long delta)
{
	struct hist_state *hs = &ui->hs;
	int rows = list_rows(ui);

	if (delta > 0) {
		if (hs->sel + (size_t)delta >= hs->n && hs->more_older)
			extend_older(ui);
		hs->sel = hs->sel + (size_t)delta < hs->n ? hs->sel + (size_t)delta :
		    (hs->n ? hs->n - 1 : 0);
	} else if (delta < 0) {
		if ((size_t)-delta > hs->sel && hs->more_newer)
			extend_newer(ui);
		hs->sel = (size_t)-delta > hs->sel ? 0 : hs->sel - (size_t)-delta;
	}
	ui_scroll(&hs->sel, &hs->top, hs->n, rows);
}

static int
history_key(struct ui *ui, enum ui_cmd cmd)
{
	struct hist_state *hs = &ui->hs;
	int rows = list_rows(ui);
	const struct hist_row *r;
	char ds[11];

	switch (cmd) {
	case CMD_DOWN:  hist_move(ui, 1); return UI_REDRAW;
	case CMD_UP:    hist_move(ui, -1); return UI_REDRAW;
	case CMD_PGDN:  hist_move(ui, rows); return UI_REDRAW;
	case CMD_PGUP:  hist_move(ui, -rows); return UI_REDRAW;
	case CMD_TOP:
		history_reset(ui);
		return UI_REDRAW;
	case CMD_BOTTOM:
		hs->n = 0;
		hs->sel = hs->top = 0;
		hs->lo = hs->hi = DATE_MIN - 1;
		hs->more_older = 0;
		extend_newer(ui);
		hs->sel = hs->n ? hs->n - 1 : 0;
		ui_scroll(&hs->sel, &hs->top, hs->n, rows);
		return UI_REDRAW;
	case CMD_EDIT:
		if (hs->n == 0)
			return UI_REDRAW;
		r = &hs->rows[hs->sel];
		switch (r->kind) {
		case ENTRY_RUN: form_open(ui, FORM_RUN, r->day, r->id); break;
		case ENTRY_SLEEP: form_open(ui, FORM_SLEEP, r->day, r->id); break;
		case ENTRY_DRINK: form_open(ui, FORM_DRINK, r->day, r->id); break;
		case ENTRY_CHECKIN: form_open(ui, FORM_CHECKIN, r->day, r->id); break;
		default:
			ui_message(ui, ROLE_NORMAL, "A rest day has nothing to edit; "
			    "d deletes it");
		}
		return UI_REDRAW;
	case CMD_DELETE:
		if (hs->n == 0)
			return UI_REDRAW;
		r = &hs->rows[hs->sel];
		ui->confirm.active = 1;
		ui->confirm.kind = r->kind;
		ui->confirm.id = r->id;
		snprintf(ui->confirm.text, sizeof ui->confirm.text,
		    "Delete %c%" PRId64 " (%s on %s)?", entry_kind_letter(r->kind),
		    r->id, entry_kind_name(r->kind), date_format(r->day, ds));
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
history_draw(const struct ui *ui, WINDOW *w)
{
	const struct hist_state *hs = &ui->hs;
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
	.enter = history_enter,
	.draw = history_draw,
	.key = history_key,
};
