/*
 * ui-flags: every flag of the chosen period, newest first, one row per
 * episode (the days a flag held in a row); Enter opens what was measured,
 * against which threshold, why it matters and what to do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ui.h"
#include "util.h"

int ui_flags_load(struct ui *ui, int from, int to, struct flag_row **rows,
    size_t *n);

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
	int n = ui_body_rows(ui) - 2;

	return n < 1 ? 1 : n;
}

static void
flags_enter(struct ui *ui)
{
	struct flags_state *fs = &ui->fs;

	free(fs->rows);
	fs->rows = NULL;
	fs->n = 0;
	if (ui_flags_load(ui, ui->today - 7 * fs->weeks + 1, ui->today,
	    &fs->rows, &fs->n) != 0)
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
	ui_scroll(&fs->sel, &fs->top, fs->n, list_rows(ui));
	if (fs->n == 0)
		fs->detail = 0;
}

static int
flags_key(struct ui *ui, enum ui_cmd cmd)
{
	struct flags_state *fs = &ui->fs;
	int rows = list_rows(ui);

	if (fs->detail) {
		if (cmd == CMD_BACK || cmd == CMD_OPEN) {
			fs->detail = 0;
			return UI_REDRAW;
		}
		if (cmd == CMD_UP || cmd == CMD_DOWN) {
			fs->detail = 0;   /* back to the list, then move */
		} else
			return -1;
	}
	switch (cmd) {
	case CMD_OPEN:
		if (fs->n > 0)
			fs->detail = 1;
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
days_text(const struct flag_row *r, char *out, size_t n)
{
	char a[11], b[11];

	if (r->first_day == r->last_day)
		snprintf(out, n, "%s", date_format(r->last_day, a));
	else
		snprintf(out, n, "%s to %s", date_format(r->first_day, a),
		    date_format(r->last_day, b));
}

/* Word-wraps text into width columns from row y; returns the next row. */
static int
wrap(const struct ui *ui, WINDOW *w, int y, int x, int width,
    enum ui_role role, const char *text)
{
	const char *p = text;

	while (*p != '\0' && y <= ui->lines - 3) {
		size_t fit = ui_text_fit(p, width), cut = fit;
		char line[512];
		const char *nl = strchr(p, '\n');

		if (nl != NULL && (size_t)(nl - p) <= fit)
			cut = (size_t)(nl - p);
		else if (p[fit] != '\0') {
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = fit;
		}
		if (cut >= sizeof line)
			cut = sizeof line - 1;
		memcpy(line, p, cut);
		line[cut] = '\0';
		ui_put(w, y++, x, width, role, line);
		p += cut;
		while (*p == ' ' || *p == '\n')
			p++;
	}
	return y;
}

static void
draw_detail(const struct ui *ui, WINDOW *w, const struct flag_row *r)
{
	char days[40];
	int y = 1, width = ui->cols - 2;

	days_text(r, days, sizeof days);
	ui_putf(w, y++, 0, ui->cols, sev_role(r->severity), "%s %s  %s",
	    sev_mark[r->severity], sev_word[r->severity], r->name);
	ui_putf(w, y++, 1, width, ROLE_NORMAL, "%s", days);
	y++;
	ui_put(w, y, 1, 10, ROLE_HEADER, "Measured");
	ui_putf(w, y++, 12, ui->cols - 12, ROLE_NORMAL, "%s", r->value);
	ui_put(w, y, 1, 10, ROLE_HEADER, "Threshold");
	ui_putf(w, y++, 12, ui->cols - 12, ROLE_NORMAL, "%s", r->threshold);
	y++;
	y = wrap(ui, w, y, 1, width, ROLE_NORMAL, r->reason);
	y++;
	if (y <= ui->lines - 3)
		ui_put(w, y++, 1, width, ROLE_HEADER, "What to do");
	if (r->advice != NULL)
		wrap(ui, w, y, 1, width, ROLE_NORMAL, r->advice);
}

static void
flags_draw(const struct ui *ui, WINDOW *w)
{
	const struct flags_state *fs = &ui->fs;
	int rows = list_rows(ui), y, x, wide = ui->cols >= 60;
	size_t i, top = fs->top, sel = fs->sel;
	char days[40];

	if (fs->detail && fs->n > 0) {
		draw_detail(ui, w, &fs->rows[fs->sel]);
		return;
	}
	ui_scroll(&sel, &top, fs->n, rows);
	x = ui_putf(w, 1, 0, ui->cols, ROLE_HEADER, "Flags, last %d weeks",
	    fs->weeks);
	ui_putf(w, 1, x, ui->cols - x, ROLE_NORMAL, "  %zu", fs->n);
	if (fs->n == 0) {
		ui_put(w, 3, 1, ui->cols - 1, ROLE_GOOD,
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
			x = 1 + ui_putf(w, y, 1, 24, s ? ROLE_SELECTED : ROLE_NORMAL,
			    "%-24s", days);
		} else
			x = 1 + ui_putf(w, y, 1, 6, s ? ROLE_SELECTED : ROLE_NORMAL,
			    "%-6s", date_format(r->last_day, d) + 5);
		x += ui_putf(w, y, x, ui->cols - x, sev_role(r->severity),
		    "%-2s %-7s ", sev_mark[r->severity], sev_word[r->severity]);
		x += ui_putf(w, y, x, ui->cols - x, ROLE_NORMAL, "%-19s", r->name);
		if (wide)
			ui_put(w, y, x, ui->cols - x, ROLE_DIM, r->reason);
	}
}

const struct screen flags_screen = {
	.name = "Flags",
	.short_name = "Flag",
	.keys = &ui_keys_flags,
	.enter = flags_enter,
	.draw = flags_draw,
	.key = flags_key,
};
