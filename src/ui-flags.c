/*
 * ui-flags: every flag episode of the chosen period, newest first, one
 * row each (analysis.h: the days a rule held, gaps under three days
 * included), marked new, ongoing or over as of today; Enter opens what
 * was measured, against which threshold, why it matters and what to do.
 * 'a' acknowledges the selected episode, hiding it until it ends or
 * escalates; 'A' shows or hides the acknowledged ones (dimmed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "series.h"
#include "store-ack.h"
#include "ui.h"
#include "ui-text.h"
#include "util.h"

/* One episode as the screen shows it. */
struct flag_row {
	int     first_day, last_day;
	int     severity;        /* an_severity: the highest it reached */
	int     id;              /* an_flag_id */
	const char *name;        /* "mileage-jump" */
	int     state;           /* ROW_NEW, ROW_ONGOING, ROW_OVER on today */
	int     acked;           /* acknowledged, as of today */
	char    reason[200];     /* of the flag on its last day */
	char    value[48], threshold[48];
	const char *advice;
};
enum { ROW_NEW, ROW_ONGOING, ROW_OVER };
static const char *const state_word[] = { "new", "ongoing", "over" };

/* What the Flags screen shows, private to it. */
struct flags_state {
	int     weeks;           /* period: 4, 12, 26 or 52 weeks to today */
	int     show_acked;      /* list acknowledged episodes too, dimmed */
	struct flag_row *all;    /* every episode of the period */
	size_t  nall;
	struct flag_row *rows;   /* those listed: all, or all but the acked */
	size_t  n, sel, top;
	int     detail;          /* showing rows[sel] in full */
	int     detail_top;      /* first line of it shown */
};

static const char *const sev_word[] = { "note", "warning", "ALERT" };
static const char *const sev_mark[] = { "~", "!", "!!" };

static enum ui_role
sev_role(int sev)
{
	return sev >= 2 ? ROLE_ALERT : sev == 1 ? ROLE_WARNING : ROLE_NOTE;
}

static int
list_rows(const struct ui *ui)
{
	int n = ui_body_rows(ui) - 1;

	return n < 1 ? 1 : n;
}

static void *
flags_init(struct ui *ui)
{
	struct flags_state *fs = xcalloc(1, sizeof *fs);

	fs->weeks = 12;
	return fs;
}

static void
flags_free(void *state)
{
	struct flags_state *fs = state;

	if (fs != NULL) {
		free(fs->rows);
		free(fs->all);
	}
	free(fs);
}

static void
flags_resize(struct ui *ui, void *state)
{
	struct flags_state *fs = state;

	ui_scroll(&fs->sel, &fs->top, fs->n, ui_body_rows(ui) - 1);
}

/* The acknowledgement days of rule id among v[0..n), into days. */
static size_t
ack_days(const struct store_ack *v, size_t n, int id, int *days)
{
	size_t k, nd = 0;

	for (k = 0; k < n; k++)
		if (strcmp(v[k].rule, an_flag_name((enum an_flag_id)id)) == 0)
			days[nd++] = v[k].day;
	return nd;
}

/* One episode as a row, its state and acknowledgement as of today. */
static void
row_fill(const struct ui *ui, struct flag_row *r, const struct an_episode *e,
    const struct store_ack *acks, size_t nacks, int *days)
{
	size_t nd = ack_days(acks, nacks, (int)e->id, days);
	enum an_ep_status st = an_episode_status(e, ui->today);

	memset(r, 0, sizeof *r);
	r->first_day = e->first_day;
	r->last_day = e->last_day;
	r->severity = (int)e->severity;
	r->id = (int)e->id;
	r->name = an_flag_name(e->id);
	r->state = an_episode_over(e, ui->today) ? ROW_OVER :
	    st == AN_EP_NEW || st == AN_EP_ESCALATED ? ROW_NEW : ROW_ONGOING;
	r->acked = an_episode_acked(e, ui->today, days, nd);
	an_flag_reason(&e->flag, ui->cfg->dist_unit, ui->cfg->vol_unit,
	    r->reason, sizeof r->reason);
	text_sanitize(r->reason);
	an_flag_value(&e->flag, r->value, sizeof r->value);
	an_flag_threshold(&e->flag, r->threshold, sizeof r->threshold);
	r->advice = an_flag_advice(&e->flag);
}

/* Every episode of from..to, newest first, into fs->all. */
static int
episodes_load(struct ui *ui, struct flags_state *fs, int from, int to)
{
	struct series se;
	struct an_episode *v;
	struct store_ack *acks;
	size_t n, nacks, k;
	int *days;

	if (series_load(ui->st, from, to, &ui->cfg->an, &se) != 0)
		return -1;
	if (store_acks(ui->st, &acks, &nacks) != 0) {
		series_free(&se);
		return -1;
	}
	v = xcalloc(an_episodes_max(se.s.ndays), sizeof *v);
	n = an_episodes_list(se.m, se.s.ndays, &ui->cfg->an, from, v,
	    an_episodes_max(se.s.ndays));
	days = xcalloc(nacks + 1, sizeof *days);
	fs->all = xcalloc(n + 1, sizeof *fs->all);
	for (k = 0; k < n; k++)
		row_fill(ui, &fs->all[k], &v[n - 1 - k], acks, nacks, days);
	fs->nall = n;
	free(days);
	free(v);
	free(acks);
	series_free(&se);
	return 0;
}

/* The rows listed: every episode, or those not acknowledged. */
static void
rows_pick(struct flags_state *fs)
{
	size_t k;

	free(fs->rows);
	fs->rows = xcalloc(fs->nall + 1, sizeof *fs->rows);
	fs->n = 0;
	for (k = 0; k < fs->nall; k++)
		if (fs->show_acked || !fs->all[k].acked)
			fs->rows[fs->n++] = fs->all[k];
}

static void
flags_enter(struct ui *ui, void *state)
{
	struct flags_state *fs = state;

	free(fs->all);
	fs->all = NULL;
	fs->nall = 0;
	if (episodes_load(ui, fs, ui->today - 7 * fs->weeks + 1, ui->today) != 0)
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
	rows_pick(fs);
	ui_scroll(&fs->sel, &fs->top, fs->n, list_rows(ui));
	if (fs->n == 0)
		fs->detail = 0;
}

/* Acknowledges the selected episode, as of today. */
static int
flags_ack(struct ui *ui, struct flags_state *fs)
{
	const struct flag_row *r;

	if (fs->n == 0)
		return UI_REDRAW;
	r = &fs->rows[fs->sel];
	if (r->state == ROW_OVER) {
		ui_message(ui, ROLE_NOTE, "%s is over: nothing to acknowledge",
		    r->name);
		return UI_REDRAW;
	}
	if (r->acked) {
		ui_message(ui, ROLE_NOTE, "%s is already acknowledged", r->name);
		return UI_REDRAW;
	}
	if (store_ack_add(ui->st, r->name, ui->today) < 0) {
		ui_message(ui, ROLE_ALERT, "cannot acknowledge: %s", err_get());
		return UI_REDRAW;
	}
	ui_message(ui, ROLE_GOOD, "%s acknowledged: hidden until it ends or "
	    "escalates (u on the Day screen undoes)", r->name);
	return UI_RELOAD | UI_REDRAW;
}

/* "2026-10-14", "2026-10-14..10-21", or with both years when they differ. */
static void
days_text(const struct flag_row *r, char *out, size_t n)
{
	char a[11], b[11];

	date_format(r->first_day, a);
	date_format(r->last_day, b);
	if (r->first_day == r->last_day)
		snprintf(out, n, "%s", b);
	else if (memcmp(a, b, 4) == 0)
		snprintf(out, n, "%s..%s", a, b + 5);
	else
		snprintf(out, n, "%s..%s", a, b);
}

/* The explanation of one flag as lines of at most width columns. */
struct detail_line {
	enum ui_role role;
	char         text[256];
};

#define DETAIL_MAX 48

static int
wrap(struct detail_line *out, int n, int width, enum ui_role role,
    const char *text)
{
	const char *p = text;

	while (*p != '\0' && n < DETAIL_MAX) {
		size_t fit = ui_text_fit(p, width), cut = fit;
		const char *nl = strchr(p, '\n');

		if (nl != NULL && (size_t)(nl - p) <= fit)
			cut = (size_t)(nl - p);
		else if (p[fit] != '\0') {
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = fit;
		}
		if (cut >= sizeof out[n].text)
			cut = sizeof out[n].text - 1;
		out[n].role = role;
		memcpy(out[n].text, p, cut);
		out[n].text[cut] = '\0';
		n++;
		p += cut;
		while (*p == ' ' || *p == '\n')
			p++;
	}
	return n;
}

static int
detail_lines(const struct flag_row *r, int width, struct detail_line *out)
{
	char days[40];
	int n = 0;

	days_text(r, days, sizeof days);
	out[n].role = sev_role(r->severity);
	snprintf(out[n++].text, sizeof out[0].text, "%s %s  %s",
	    sev_mark[r->severity], sev_word[r->severity], r->name);
	out[n].role = ROLE_NORMAL;
	snprintf(out[n++].text, sizeof out[0].text, "%s %s: %s%s",
	    r->first_day == r->last_day ? "held on" : "held", days,
	    state_word[r->state], r->acked ? ", acknowledged" : "");
	out[n].role = ROLE_NORMAL;
	snprintf(out[n++].text, sizeof out[0].text, "Measured   %s", r->value);
	out[n].role = ROLE_NORMAL;
	snprintf(out[n++].text, sizeof out[0].text, "Threshold  %s",
	    r->threshold);
	out[n].role = ROLE_NORMAL;
	out[n++].text[0] = '\0';
	n = wrap(out, n, width, ROLE_NORMAL, r->reason);
	if (n < DETAIL_MAX) {
		out[n].role = ROLE_NORMAL;
		out[n++].text[0] = '\0';
	}
	if (n < DETAIL_MAX) {
		out[n].role = ROLE_HEADER;
		snprintf(out[n++].text, sizeof out[0].text, "What to do");
	}
	if (r->advice != NULL) {
		/* The advice is wrapped at 72 columns; rewrap it when narrower. */
		char adv[1024], *p;
		snprintf(adv, sizeof adv, "%s", r->advice);
		if (width < 72)
			for (p = adv; (p = strchr(p, '\n')) != NULL; p++)
				*p = ' ';
		n = wrap(out, n, width, ROLE_NORMAL, adv);
	}
	return n;
}

static void
draw_detail(const struct ui *ui, const struct flags_state *fs, WINDOW *w)
{
	const struct flag_row *r = &fs->rows[fs->sel];
	struct detail_line lines[DETAIL_MAX];
	int n = detail_lines(r, ui->cols - 2, lines), rows = ui_body_rows(ui);
	int top = fs->detail_top, i;

	if (top > n - rows)
		top = n - rows;
	if (top < 0)
		top = 0;
	for (i = 0; i < rows && top + i < n; i++)
		ui_put(w, 1 + i, i == 0 && top == 0 ? 0 : 1, ui->cols - 1,
		    lines[top + i].role, lines[top + i].text);
	if (n > rows)
		ui_putf(w, ui->lines - 3, ui->cols - 12, 12, ROLE_DIM, "%11s",
		    top + rows < n ? "j for more" : "");
}

static int
flags_key(struct ui *ui, void *state, enum ui_cmd cmd)
{
	struct flags_state *fs = state;
	int rows = list_rows(ui);

	if (fs->detail) {
		if (cmd == CMD_BACK || cmd == CMD_OPEN) {
			fs->detail = 0;
			return UI_REDRAW;
		}
		if (cmd == CMD_DOWN || cmd == CMD_UP) {
			struct detail_line lines[DETAIL_MAX];
			int n = detail_lines(&fs->rows[fs->sel], ui->cols - 2, lines);
			int most = n - ui_body_rows(ui);
			fs->detail_top += cmd == CMD_DOWN ? 1 : -1;
			if (fs->detail_top > most)
				fs->detail_top = most;
			if (fs->detail_top < 0)
				fs->detail_top = 0;
			return UI_REDRAW;
		}
		return -1;
	}
	switch (cmd) {
	case CMD_OPEN:
		if (fs->n > 0)
			fs->detail = 1;
		fs->detail_top = 0;
		return UI_REDRAW;
	case CMD_ACK:
		return flags_ack(ui, fs);
	case CMD_SHOW_ACKED:
		fs->show_acked = !fs->show_acked;
		rows_pick(fs);
		ui_scroll(&fs->sel, &fs->top, fs->n, rows);
		return UI_REDRAW;
	case CMD_PERIOD:
		fs->weeks = fs->weeks == 4 ? 12 : fs->weeks == 12 ? 26 :
		    fs->weeks == 26 ? 52 : 4;
		fs->sel = fs->top = 0;
		return UI_RELOAD | UI_REDRAW;
	case CMD_DOWN:
		if (fs->sel + 1 < fs->n)
			fs->sel++;
		break;
	case CMD_UP:
		if (fs->sel > 0)
			fs->sel--;
		break;
	case CMD_PGDN:
		fs->sel += (size_t)rows;
		break;
	case CMD_PGUP:
		fs->sel = fs->sel > (size_t)rows ? fs->sel - (size_t)rows : 0;
		break;
	default:
		return -1;
	}
	ui_scroll(&fs->sel, &fs->top, fs->n, rows);
	return UI_REDRAW;
}

static void
flags_draw(const struct ui *ui, const void *state, WINDOW *w)
{
	const struct flags_state *fs = state;
	int rows = list_rows(ui), y, x, wide = ui->cols >= 60;
	size_t i, top = fs->top, sel = fs->sel;
	char days[40];

	if (fs->detail && fs->n > 0) {
		draw_detail(ui, fs, w);
		return;
	}
	ui_scroll(&sel, &top, fs->n, rows);
	x = ui_putf(w, 1, 0, ui->cols, ROLE_HEADER, "Flags, last %d weeks",
	    fs->weeks);
	x += ui_putf(w, 1, x, ui->cols - x, ROLE_NORMAL, ": %zu", fs->n);
	if (fs->nall > fs->n)
		ui_putf(w, 1, x, ui->cols - x, ROLE_DIM, " (%zu acknowledged "
		    "hidden)", fs->nall - fs->n);
	if (fs->n == 0) {
		ui_put(w, 3, 1, ui->cols - 1, ROLE_GOOD, fs->nall > 0 ?
		    "Nothing unacknowledged in this period." :
		    "Nothing flagged in this period.");
		return;
	}
	for (i = top, y = 2; i < fs->n && y < 2 + rows; i++, y++) {
		const struct flag_row *r = &fs->rows[i];
		int s = i == sel;
		char d[11];

		ui_put(w, y, 0, 1, ROLE_NORMAL, s ? ">" : " ");
		if (wide) {
			days_text(r, days, sizeof days);
			x = 1 + ui_putf(w, y, 1, 17, s ? ROLE_SELECTED : ROLE_NORMAL,
			    "%-17s", days);
			x += ui_put(w, y, x, 1, ROLE_NORMAL, " ");
		} else
			x = 1 + ui_putf(w, y, 1, 6, s ? ROLE_SELECTED : ROLE_NORMAL,
			    "%-6s", date_format(r->last_day, d) + 5);
		x += ui_putf(w, y, x, ui->cols - x, r->acked ? ROLE_DIM :
		    sev_role(r->severity), "%-2s %-7s ", sev_mark[r->severity],
		    sev_word[r->severity]);
		x += ui_putf(w, y, x, ui->cols - x, r->acked ? ROLE_DIM :
		    ROLE_NORMAL, "%-19s", r->name);
		x += ui_putf(w, y, x, ui->cols - x, r->acked ? ROLE_DIM :
		    r->state == ROW_NEW ? ROLE_NORMAL : ROLE_DIM, "%-8s",
		    r->acked ? "ack'd" : state_word[r->state]);
		if (wide)
			ui_put(w, y, x, ui->cols - x, ROLE_DIM, r->reason);
	}
}

const struct screen flags_screen = {
	.name = "Flags",
	.short_name = "Flag",
	.keys = &ui_keys_flags,
	.init = flags_init,
	.free = flags_free,
	.enter = flags_enter,
	.draw = flags_draw,
	.key = flags_key,
	.resize = flags_resize,
};
