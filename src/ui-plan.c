/*
 * ui-plan: the week ahead. The two answers of next_compute() (the most
 * distance for the next 7 days and the longest single run that the rules
 * let pass) as usual and with one more rest day, then the 7 days, each
 * with its planned run, its distance in those weeks and the flags it
 * would raise if run as planned, then why the answers are what they are.
 * Every number comes from the pure module; the journal and the plan are
 * read by next_journal() (cmd-next.c), whose plan_load_planned() is the
 * one place planned runs come from; the screen keeps that list too, for
 * the ids of the plans it deletes. A plan is added with the plan form
 * (ui-form.c) on the selected day.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "next.h"
#include "ui.h"
#include "ui-form.h"
#include "ui-text.h"
#include "units.h"
#include "util.h"

struct plan_state {
	struct next_result r;
	int                ok;      /* r holds the answers */
	int                sel;     /* selected day, 0 = tomorrow */
	struct an_planned *plan;    /* the week's plans, with their ids */
	size_t             np;
};

static void *
plan_init(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct plan_state));
}

static void
plan_screen_free(void *state)
{
	struct plan_state *ps = state;

	if (ps != NULL)
		free(ps->plan);
	free(state);
}

static void
plan_enter(struct ui *ui, void *state)
{
	struct plan_state *ps = state;

	free(ps->plan);
	ps->plan = NULL;
	ps->np = 0;
	ps->ok = plan_load_planned(ui->st, ui->today, NEXT_DAYS, &ps->plan,
	    &ps->np) == 0 &&
	    next_journal(ui->st, &ui->cfg->an, ui->today, &ps->r) == 0;
	if (!ps->ok)
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
}

/* d: the selected day's plans, deleted together once confirmed. */
static int
plan_delete(struct ui *ui, struct plan_state *ps)
{
	enum entry_kind kind[NEXT_DAYS * 8];
	int64_t id[NEXT_DAYS * 8];
	int day = ps->r.today + 1 + ps->sel;   /* the week shown */
	char q[128], ds[11];
	size_t i, n = 0;

	for (i = 0; i < ps->np && n < sizeof id / sizeof id[0]; i++)
		if (ps->plan[i].day == day) {
			kind[n] = ENTRY_PLAN;
			id[n++] = ps->plan[i].id;
		}
	if (n == 0) {
		ui_message(ui, ROLE_NORMAL, "No plan on %s %s; a adds one",
		    date_weekday_name(day), date_format(day, ds));
		return UI_REDRAW;
	}
	if (n == 1)
		snprintf(q, sizeof q, "Delete p%" PRId64 " (plan on %s)?", id[0],
		    date_format(day, ds));
	else
		snprintf(q, sizeof q, "Delete the %zu plans of %s?", n,
		    date_format(day, ds));
	ui_confirm_delete_many(ui, n, kind, id, q);
	return UI_REDRAW;
}

static int
plan_key(struct ui *ui, void *state, enum ui_cmd cmd)
{
	struct plan_state *ps = state;

	switch (cmd) {
	case CMD_ADD_RUN:
		form_open(ui, FORM_PLAN, ps->r.today + 1 + ps->sel, 0);
		return UI_REDRAW;
	case CMD_DELETE:
		return plan_delete(ui, ps);
	case CMD_UNDO:
		return ui_undo(ui);
	case CMD_REDO:
		return ui_redo(ui);
	case CMD_DOWN:
		if (ps->sel < NEXT_DAYS - 1)
			ps->sel++;
		return UI_REDRAW;
	case CMD_UP:
		if (ps->sel > 0)
			ps->sel--;
		return UI_REDRAW;
	default:
		return -1;
	}
}

static int64_t
plan_peek(const void *state, const char *what)
{
	const struct plan_state *ps = state;

	if (strcmp(what, "sel") == 0)
		return ps->sel;
	if (!ps->ok)
		return INT64_MIN;
	if (strcmp(what, "max_week_m") == 0)
		return ps->r.usual.week.value_m;
	if (strcmp(what, "max_run_m") == 0)
		return ps->r.usual.run.value_m;
	return INT64_MIN;
}

/* Wide: a header, the answers as a table, the days, the reasons. */
static int
wide(const struct ui *ui)
{
	return ui->lines >= 20 && ui->cols >= 60;
}

/* 1 when a's limit would be raised after the week, on a trailing day. */
static int
limit_after(const struct next_result *r, const struct next_answer *a)
{
	return a->status == NEXT_LIMITED && a->limit_day > r->today + NEXT_DAYS;
}

/*
 * "acwr Sun", "acwr Sun after" (wide) or "acwr": what limits a, for a
 * cell.
 */
static char *
limit_cell(const struct next_result *r, const struct next_answer *a, int wd,
    char *out, size_t n)
{
	if (a->status == NEXT_LIMITED)
		snprintf(out, n, "%s%s%s%s", next_limit_name(a),
		    wd ? " " : "", wd ? date_weekday_name(a->limit_day) : "",
		    wd && limit_after(r, a) ? " after" : "");
	else if (a->status == NEXT_FIXED)
		snprintf(out, n, "the plan");
	else
		snprintf(out, n, "no rule: usual");
	return out;
}

/* The answers: the week and the run, as usual and with a rest day. */
static int
draw_answers(const struct ui *ui, const struct plan_state *ps, WINDOW *w,
    int y)
{
	const struct next_result *r = &ps->r;
	enum dist_unit du = ui->cfg->dist_unit;
	char a[32], b[32], la[48], lb[48], rest[16];
	int wd = wide(ui);

	snprintf(rest, sizeof rest, "%s%s", wd ? "rest " : "r.",
	    r->rest.rest_index >= 0 ?
	    date_weekday_name(r->today + 1 + r->rest.rest_index) : "-");
	if (wd)
		ui_putf(w, y++, 0, ui->cols, ROLE_DIM, "%-20s %10s %10s  %s",
		    "", "as usual", rest, "limited by");
	ui_putf(w, y++, 0, ui->cols, ROLE_NORMAL, wd ? "%-20s %10s %10s  %s" :
	    "%-4s%9s %9s %s", wd ? "Most for the 7 days" : "Wk",
	    units_format_distance(r->usual.week.value_m, du, a),
	    units_format_distance(r->rest.week.value_m, du, b),
	    limit_cell(r, &r->usual.week, wd, la, sizeof la));
	ui_putf(w, y++, 0, ui->cols, ROLE_NORMAL, wd ? "%-20s %10s %10s  %s" :
	    "%-4s%9s %9s %s", wd ? "Longest single run" : "Run",
	    units_format_distance(r->usual.run.value_m, du, a),
	    units_format_distance(r->rest.run.value_m, du, b),
	    limit_cell(r, &r->usual.run, wd, lb, sizeof lb));
	return y;
}

/* The flags of a planned day: "long-run-spike !", or "-". */
static void
draw_flags(WINDOW *w, int y, int x, int width, const struct next_day *d)
{
	int f;

	if (d->nplanned == 0 || width <= 0)
		return;
	if (d->nflags == 0) {
		ui_put(w, y, x, width, ROLE_GOOD, "no flag");
		return;
	}
	for (f = 0; f < d->nflags && width > 1; f++) {
		enum ui_role role = d->flags[f].severity == AN_ALERT ?
		    ROLE_ALERT : d->flags[f].severity == AN_WARNING ?
		    ROLE_WARNING : ROLE_NOTE;
		char t[48];
		int used;

		snprintf(t, sizeof t, "%s%s%s", f ? " " : "",
		    an_flag_name(d->flags[f].id),
		    d->flags[f].severity == AN_ALERT ? " !!" :
		    d->flags[f].severity == AN_WARNING ? " !" : "");
		used = ui_put_cut(w, y, x, width, role, t);
		x += used;
		width -= used;
	}
}

/* A day's distance as a number, "-" for none. */
static void
dist_cell(int64_t m, enum dist_unit du, char *out)
{
	if (m > 0)
		units_format_distance_num(m, du, out);
	else
		strcpy(out, "-");
}

static void
draw_days(const struct ui *ui, const struct plan_state *ps, WINDOW *w,
    int y, int rows)
{
	const struct next_result *r = &ps->r;
	enum dist_unit du = ui->cfg->dist_unit;
	int wd = wide(ui), k, x;
	char ds[11], pl[32], us[32], rs[32];

	if (wd) {
		ui_putf(w, y++, 0, ui->cols, ROLE_DIM,
		    "%-15s %10s %10s %10s  %s", "Day", "planned", "most week", "with rest",
		    "if run as planned");
		rows--;
	}
	for (k = 0; k < NEXT_DAYS && k < rows; k++, y++) {
		const struct next_day *d = &r->days[k];
		enum ui_role role = k == ps->sel ? ROLE_SELECTED : ROLE_NORMAL;

		if (d->nplanned > 0)
			units_format_distance_num(d->planned_m, du, pl);
		else
			snprintf(pl, sizeof pl, "-");
		dist_cell(r->usual.day_m[k] + d->planned_m, du, us);
		if (r->rest.rest_index == k)
			snprintf(rs, sizeof rs, "rest");
		else
			dist_cell(r->rest.day_m[k] + d->planned_m, du, rs);
		if (wd)
			x = ui_putf(w, y, 0, ui->cols, role,
			    "%s %s %10s %10s %10s  ", date_weekday_name(d->day),
			    date_format(d->day, ds), pl, us, rs);
		else
			x = ui_putf(w, y, 0, ui->cols, role,
			    "%s %2s %5s %6s %6s ", date_weekday_name(d->day),
			    date_format(d->day, ds) + 8, pl, us, rs);
		draw_flags(w, y, x, ui->cols - x, d);
	}
}

/* Why: the selected day's projected flags, then what limits each answer. */
static void
draw_reasons(const struct ui *ui, const struct plan_state *ps, WINDOW *w,
    int y, int last)
{
	const struct next_result *r = &ps->r;
	const struct next_day *d = &r->days[ps->sel];
	const struct next_answer *ans[2] = { &r->usual.week, &r->usual.run };
	static const char *const what[2] = { "Week", "Run" };
	char reason[512], line[768], dn[11], dist[32], lbl[96];
	int f, i;

	for (f = 0; f < d->nflags && y <= last; f++) {
		an_flag_reason(&d->flags[f], ui->cfg->dist_unit,
		    ui->cfg->vol_unit, reason, sizeof reason);
		snprintf(line, sizeof line, "%s %s: %s",
		    date_weekday_name(d->day), an_flag_name(d->flags[f].id),
		    reason);
		y += ui_put_wrapped(w, y, 0, ui->cols, last - y + 1,
		    ROLE_WARNING, line);
	}
	for (i = 0; i < 2 && y <= last; i++) {
		snprintf(lbl, sizeof lbl, "%s", what[i]);
		if (i == 1 && r->usual.long_plan_m > 0) {
			int ld = r->today + 1 + r->usual.long_index;

			/* the answer is about the planned long run */
			snprintf(lbl, sizeof lbl, "Run (the planned %s of %s "
			    "%s)", units_format_distance(r->usual.long_plan_m,
			    ui->cfg->dist_unit, dist), date_weekday_name(ld),
			    date_format(ld, dn) + 5);
		}
		if (ans[i]->status == NEXT_LIMITED) {
			an_flag_reason(&ans[i]->flag, ui->cfg->dist_unit,
			    ui->cfg->vol_unit, reason, sizeof reason);
			snprintf(line, sizeof line, "%s: %s more raises %s "
			    "on %s %s%s: %s", lbl, units_format_distance(
			    NEXT_STEP_M, ui->cfg->dist_unit, dist),
			    an_flag_name(ans[i]->flag.id),
			    date_weekday_name(ans[i]->limit_day),
			    date_format(ans[i]->limit_day, dn) + 5,
			    limit_after(r, ans[i]) ? ", after the week if you "
			    "then carry on as usual" : "", reason);
		} else if (ans[i]->status == NEXT_NO_LIMIT) {
			snprintf(line, sizeof line, "%s: no rule limits it "
			    "(%s); stay near the usual %s.", lbl,
			    next_why_text(r->why, reason, sizeof reason),
			    units_format_distance(i == 0 ? r->pat.usual_week_m :
			    r->pat.usual_long_m, ui->cfg->dist_unit, dist));
		} else {
			snprintf(line, sizeof line, "%s: the plan fills every "
			    "day.", lbl);
		}
		y += ui_put_wrapped(w, y, 0, ui->cols, last - y + 1,
		    ROLE_DIM, line);
	}
	if (r->ngiven > 0 && y <= last)
		ui_put_wrapped(w, y, 0, ui->cols, last - y + 1, ROLE_DIM,
		    "Flags raised whatever is run are taken as given: the "
		    "answers add none.");
}

static void
plan_draw(const struct ui *ui, const void *state, WINDOW *w)
{
	const struct plan_state *ps = state;
	const struct next_result *r = &ps->r;
	int y = 1, last = ui_body_rows(ui);
	char ds[11], a[32], b[32];

	if (!ps->ok) {
		ui_put(w, 1, 0, ui->cols, ROLE_DIM, "The week ahead cannot be "
		    "worked out.");
		return;
	}
	if (wide(ui)) {
		ui_putf(w, y++, 0, ui->cols, ROLE_HEADER, "The week ahead from "
		    "%s %s  usual %s a week, long run %s",
		    date_weekday_name(r->today + 1),
		    date_format(r->today + 1, ds),
		    units_format_distance(r->pat.usual_week_m,
		    ui->cfg->dist_unit, a),
		    units_format_distance(r->pat.usual_long_m,
		    ui->cfg->dist_unit, b));
		y++;
	}
	y = draw_answers(ui, ps, w, y);
	if (wide(ui))
		y++;
	draw_days(ui, ps, w, y, last - y + 1);
	y += NEXT_DAYS + (wide(ui) ? 2 : 0);
	if (y <= last)
		draw_reasons(ui, ps, w, y, last);
}

const struct screen plan_screen = {
	.name = "Plan",
	.short_name = "Plan",
	.keys = &ui_keys_plan,
	.init = plan_init,
	.free = plan_screen_free,
	.enter = plan_enter,
	.draw = plan_draw,
	.key = plan_key,
	.peek = plan_peek,
};
