/*
 * ui: the loop. It owns the terminal (newterm, cbreak, noecho, keypad) and
 * gives it back on every way out: a normal quit, SIGINT or SIGTERM (the
 * handlers only set a flag the loop reads), exit() through an atexit hook,
 * and a crash or abort() through a handler that restores the terminal
 * before the default action. KEY_RESIZE is handled here and only here.
 *
 * A key goes to the overlay on top (help, a question, a form), else it is
 * looked up in the screen's key table and handed to the screen, and what
 * the screen does not take is a global action (tabs, help, back, quit).
 */
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <inttypes.h>

#include "date.h"
#include "entry-text.h"
#include "ui.h"
#include "ui-form.h"
#include "ui-text.h"
#include "util.h"

const struct screen *const ui_screens[UI_SCREENS] = {
	&day_screen, &week_screen, &trends_screen, &flags_screen,
	&history_screen, &plan_screen,
	&calendar_screen,
	&shoes_screen,
};

/* The index of s in ui_screens, which is also its slot in ui->state. */
static int
screen_index(const struct screen *s)
{
	int i;

	for (i = 0; i < UI_SCREENS; i++)
		if (ui_screens[i] == s)
			return i;
	abort();
}

static void *
state_of(const struct ui *ui, const struct screen *s)
{
	return ui->state[screen_index(s)];
}

void
ui_init(struct ui *ui, struct store *st, const struct config *cfg)
{
	int i;

	memset(ui, 0, sizeof *ui);
	ui->st = st;
	ui->cfg = cfg;
	ui->today = date_today();
	ui->day = ui->today;
	ui->lines = 24;
	ui->cols = 80;
	ui->screen = &day_screen;
	ui_text_init();
	for (i = 0; i < UI_SCREENS; i++)
		ui->state[i] = ui_screens[i]->init(ui);
}

void
ui_free(struct ui *ui)
{
	int i;

	for (i = 0; i < UI_SCREENS; i++) {
		ui_screens[i]->free(ui->state[i]);
		ui->state[i] = NULL;
	}
	form_free(ui->form);
	ui->form = NULL;
}

int
ui_body_rows(const struct ui *ui)
{
	int n = ui->lines - 3;    /* tabs, message line, key line */

	return n < 1 ? 1 : n;
}

void
ui_scroll(size_t *sel, size_t *top, size_t n, int rows)
{
	if (rows < 1)
		rows = 1;
	if (n == 0) {
		*sel = *top = 0;
		return;
	}
	if (*sel >= n)
		*sel = n - 1;
	if (*top > *sel)
		*top = *sel;
	if (*sel >= *top + (size_t)rows)
		*top = *sel - (size_t)rows + 1;
}

void
ui_resize(struct ui *ui, int lines, int cols)
{
	int i;

	ui->lines = lines;
	ui->cols = cols;
	/* Lists keep their selection in view at the new height. */
	for (i = 0; i < UI_SCREENS; i++)
		if (ui_screens[i]->resize != NULL)
			ui_screens[i]->resize(ui, ui->state[i]);
}

void
ui_message(struct ui *ui, enum ui_role role, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	text_sanitize(ui->msg);
	ui->msg_role = role;
}

void
ui_store_warnings(struct ui *ui)
{
	char first[200] = "", was[200];
	const char *w;
	enum ui_role role;
	int more = 0;

	while ((w = store_warning(ui->st)) != NULL) {
		if (first[0] == '\0')
			snprintf(first, sizeof first, "%s", w);
		else
			more++;
	}
	if (first[0] == '\0')
		return;
	/* After what the key did, never instead of it. */
	snprintf(was, sizeof was, "%s", ui->msg);
	role = ui->msg_role == ROLE_ALERT && was[0] != '\0' ? ROLE_ALERT :
	    ROLE_WARNING;
	if (more)
		ui_message(ui, role, "%s%s%s (and %d more)", was,
		    was[0] ? "; " : "", first, more);
	else
		ui_message(ui, role, "%s%s%s", was, was[0] ? "; " : "", first);
}

void
ui_switch(struct ui *ui, const struct screen *s)
{
	ui->screen = s;
	ui_reload(ui);
}

void
ui_reload(struct ui *ui)
{
	ui->screen->enter(ui, state_of(ui, ui->screen));
	ui_store_warnings(ui);
}

int64_t
ui_peek(const struct ui *ui, const struct screen *s, const char *what)
{
	return s->peek != NULL ? s->peek(state_of(ui, s), what) : INT64_MIN;
}

void
ui_confirm_delete_many(struct ui *ui, size_t n, const enum entry_kind *kind,
    const int64_t *id, const char *text)
{
	size_t i;

	if (n > UI_PICK_MAX)
		n = UI_PICK_MAX;
	ui->confirm.active = 1;
	ui->confirm.n = n;
	for (i = 0; i < n; i++) {
		ui->confirm.kind[i] = kind[i];
		ui->confirm.id[i] = id[i];
	}
	snprintf(ui->confirm.text, sizeof ui->confirm.text, "%s", text);
	text_sanitize(ui->confirm.text);
}

void
ui_confirm_delete(struct ui *ui, enum entry_kind kind, int64_t id,
    const char *text)
{
	ui_confirm_delete_many(ui, 1, &kind, &id, text);
}

static int
confirm_key(struct ui *ui, int key)
{
	struct ui_confirm *c = &ui->confirm;
	size_t missing = 0;
	int rc;

	switch (ui_key_find(&ui_keys_confirm, key)) {
	case CMD_OPEN:
		c->active = 0;
		rc = store_delete_many(ui->st, c->kind, c->id, c->n, &missing);
		if (rc < 0)
			ui_message(ui, ROLE_ALERT, "not deleted: %s", err_get());
		else if (rc == 1)
			ui_message(ui, ROLE_WARNING, "%c%" PRId64 " is already gone; "
			    "nothing was deleted", entry_kind_letter(c->kind[missing]),
			    c->id[missing]);
		else if (c->n == 1)
			ui_message(ui, ROLE_GOOD, "Deleted %c%" PRId64 "; u undoes it",
			    entry_kind_letter(c->kind[0]), c->id[0]);
		else
			ui_message(ui, ROLE_GOOD, "Deleted %zu entries; u undoes it",
			    c->n);
		return UI_RELOAD | UI_REDRAW;
	case CMD_BACK:
		c->active = 0;
		ui_message(ui, ROLE_NORMAL, "Kept it");
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}

void
ui_pick_open(struct ui *ui, const struct entries *e)
{
	struct ui_pick *p = &ui->pick;
	struct buf b;
	size_t i;

	memset(p, 0, sizeof *p);
	p->day = ui->day;
#define PICK(arr, cnt, k) \
	for (i = 0; i < e->cnt && p->n < UI_PICK_MAX; i++) { \
		buf_init(&b); \
		buf_adds(&b, ""); \
		entry_text_line(k, &e->arr[i], ui->cfg->dist_unit, \
		    ui->cfg->vol_unit, &b); \
		p->kind[p->n] = k; \
		p->id[p->n] = e->arr[i].id; \
		snprintf(p->text[p->n], sizeof p->text[0], "%c%-5" PRId64 " %s", \
		    entry_kind_letter(k), e->arr[i].id, b.data); \
		text_sanitize(p->text[p->n++]); \
		buf_free(&b); \
	}
	PICK(runs, nruns, ENTRY_RUN)
	PICK(sleeps, nsleeps, ENTRY_SLEEP)
	PICK(checkins, ncheckins, ENTRY_CHECKIN)
	PICK(drinks, ndrinks, ENTRY_DRINK)
	PICK(rests, nrests, ENTRY_REST)
#undef PICK
	if (p->n == 0) {
		ui_message(ui, ROLE_NORMAL, "Nothing logged on this day");
		return;
	}
	p->active = 1;
}

/* Delete asks first: the marked entries, else the selected one. */
static int
pick_delete(struct ui *ui)
{
	struct ui_pick *p = &ui->pick;
	enum entry_kind kind[UI_PICK_MAX];
	int64_t id[UI_PICK_MAX];
	char q[128], ds[11];
	size_t i, n = 0;

	for (i = 0; i < p->n; i++)
		if (p->mark[i]) {
			kind[n] = p->kind[i];
			id[n++] = p->id[i];
		}
	if (n == 0) {
		kind[0] = p->kind[p->sel];
		id[0] = p->id[p->sel];
		n = 1;
	}
	if (n == 1)
		snprintf(q, sizeof q, "Delete %c%" PRId64 " (%s on %s)?",
		    entry_kind_letter(kind[0]), id[0], entry_kind_name(kind[0]),
		    date_format(p->day, ds));
	else
		snprintf(q, sizeof q, "Delete %zu entries of %s?", n,
		    date_format(p->day, ds));
	p->active = 0;
	ui_confirm_delete_many(ui, n, kind, id, q);
	return UI_REDRAW;
}

static int
pick_key(struct ui *ui, int key)
{
	struct ui_pick *p = &ui->pick;
	int fk;

	switch (ui_key_find(&ui_keys_pick, key)) {
	case CMD_DOWN:
		if (p->sel + 1 < p->n)
			p->sel++;
		return UI_REDRAW;
	case CMD_UP:
		if (p->sel > 0)
			p->sel--;
		return UI_REDRAW;
	case CMD_MARK:
		p->mark[p->sel] = !p->mark[p->sel];
		if (p->sel + 1 < p->n)
			p->sel++;
		return UI_REDRAW;
	case CMD_DELETE:
		return pick_delete(ui);
	case CMD_EDIT:
		if ((fk = ui_form_of(p->kind[p->sel])) == FORM_KIND_COUNT) {
			ui_message(ui, ROLE_NORMAL, "A rest day has nothing to edit; "
			    "D deletes it");
			return UI_REDRAW;
		}
		p->active = 0;
		return form_open(ui, (enum form_kind)fk, p->day, p->id[p->sel]) == 1 ?
		    UI_RELOAD | UI_REDRAW : UI_REDRAW;
	case CMD_BACK:
		p->active = 0;
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}

/* Opens the prompt for what (CMD_GOTO, CMD_SEARCH). */
static int
prompt_open(struct ui *ui, enum ui_cmd what)
{
	ui->prompt.what = what;
	ui->prompt.buf[0] = '\0';
	ui->prompt.pos = 0;
	return UI_REDRAW;
}

static const char *
prompt_label(enum ui_cmd what)
{
	return what == CMD_GOTO ? "Go to day (2026-11-02, -3, fri): " :
	    "Search (Enter alone: the last one again): ";
}

static int
prompt_key(struct ui *ui, int key)
{
	struct ui_prompt *pr = &ui->prompt;
	enum ui_cmd cmd = ui_key_find(&ui_keys_prompt, key), what = pr->what;
	int day;

	if (key >= 0x20 && key < 0x100 && key != 0x7f)
		cmd = CMD_NONE;
	switch (cmd) {
	case CMD_BACK:
		pr->what = CMD_NONE;
		return UI_REDRAW;
	case CMD_OPEN:
		pr->what = CMD_NONE;
		/* An empty search is the last one again. */
		if (pr->buf[0] == '\0' && (what != CMD_SEARCH ||
		    ui->query[0] == '\0'))
			return UI_REDRAW;
		if (what == CMD_SEARCH) {
			if (pr->buf[0] != '\0')
				snprintf(ui->query, sizeof ui->query, "%s", pr->buf);
			return ui->screen->search(ui, state_of(ui, ui->screen),
			    ui->query);
		}
		if (date_parse_rel(pr->buf, 0, &day) != 0) {
			ui_message(ui, ROLE_ALERT, "%s", err_get());
			return UI_REDRAW;
		}
		return ui->screen->go_to(ui, state_of(ui, ui->screen), day);
	default:
		ui_line_edit(pr->buf, sizeof pr->buf, &pr->pos, cmd, key);
		return UI_REDRAW;
	}
}

static int
help_key(struct ui *ui, int key)
{
	switch (ui_key_find(&ui_keys_help, key)) {
	case CMD_DOWN:
		ui->help++;
		return UI_REDRAW;
	case CMD_UP:
		if (ui->help > 1)
			ui->help--;
		return UI_REDRAW;
	default:
		ui->help = 0;
		return UI_REDRAW;
	}
}

/* A key for the screen, then for every screen. */
static int
screen_key(struct ui *ui, int key)
{
	enum ui_cmd cmd;
	char name[16];
	int r;

	ui->msg[0] = '\0';
	cmd = ui_key_lookup(ui->screen->keys, key);
	if (cmd == CMD_NONE) {
		ui_message(ui, ROLE_DIM, "%s does nothing here; ? lists the keys",
		    ui_key_name(key, name, sizeof name));
		return UI_REDRAW;
	}
	if ((r = ui->screen->key(ui, state_of(ui, ui->screen), cmd)) >= 0)
		return r;
	switch (cmd) {
	case CMD_GOTO:
		if (ui->screen->go_to == NULL)
			return UI_NOTHING;
		return prompt_open(ui, CMD_GOTO);
	case CMD_SEARCH:
		if (ui->screen->search == NULL)
			return UI_NOTHING;
		return prompt_open(ui, CMD_SEARCH);
	case CMD_HELP:
		ui->help = 1;
		return UI_REDRAW;
	case CMD_DAY: case CMD_WEEK: case CMD_TRENDS: case CMD_FLAGS:
	case CMD_HISTORY: case CMD_PLAN:
	case CMD_CALENDAR:
	case CMD_SHOES:
		ui_switch(ui, ui_screens[cmd - CMD_DAY]);
		return UI_REDRAW;
	case CMD_BACK:
	case CMD_QUIT:
		if (ui->screen == &day_screen)
			return UI_QUIT;
		ui_switch(ui, &day_screen);
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}

int
ui_key(struct ui *ui, int key)
{
	int r;

	if (ui->help)
		r = help_key(ui, key);
	else if (ui->form != NULL)
		r = form_key(ui, key);
	else if (ui->confirm.active)
		r = confirm_key(ui, key);
	else if (ui->prompt.what != CMD_NONE)
		r = prompt_key(ui, key);
	else if (ui->pick.active)
		r = pick_key(ui, key);
	else
		r = screen_key(ui, key);
	ui_store_warnings(ui);
	return r;
}

/*
 * The tabs: full names when they fit, else short ones, else numbers only
 * but the current screen's ("[6 Shoe]").
 */
static void
draw_tabs(const struct ui *ui, WINDOW *w)
{
	int i, x = 0, full, bare, width = 0;

	for (i = 0; i < UI_SCREENS; i++)
		width += 4 + ui_text_width(ui_screens[i]->name) + 1;
	full = width <= ui->cols;
	/* When the short names do not all fit either, the other tabs show
	 * their number alone, so that every screen's key stays in sight. */
	for (i = 0; !full && i < UI_SCREENS; i++)
		x += 4 + ui_text_width(ui_screens[i]->short_name);
	bare = !full && x > ui->cols;
	x = 0;
	for (i = 0; i < UI_SCREENS; i++) {
		const struct screen *s = ui_screens[i];
		const char *name = full ? s->name : s->short_name;
		int cur = s == ui->screen;

		x += ui_putf(w, 0, x, ui->cols - x, cur ? ROLE_TAB : ROLE_NORMAL,
		    cur ? "[%d %s]" : bare ? " %d " : " %d %s ", i + 1, name);
		if (full)
			x += ui_put(w, 0, x, ui->cols - x, ROLE_NORMAL, " ");
	}
	if (full && ui->cols - x > 8)
		ui_put(w, 0, ui->cols - 6, 6, ROLE_DIM, "runlog");
}

static const struct ui_keymap *
active_keys(const struct ui *ui)
{
	if (ui->form != NULL)
		return &ui_keys_form;
	if (ui->confirm.active)
		return &ui_keys_confirm;
	if (ui->prompt.what != CMD_NONE)
		return &ui_keys_prompt;
	if (ui->pick.active)
		return &ui_keys_pick;
	return ui->screen->keys;
}

/* The prompt on the message line; *cx (may be NULL) gets the cursor. */
static void
draw_prompt(const struct ui *ui, WINDOW *w, int *cx)
{
	const char *label = prompt_label(ui->prompt.what);
	int x, col;
	size_t first;

	x = w != NULL ? ui_put(w, ui->lines - 2, 0, ui->cols, ROLE_HEADER, label) :
	    ui_text_width(label);
	if (x > ui->cols - 4)
		x = ui->cols - 4;
	col = ui_line_window(ui->prompt.buf, ui->prompt.pos, ui->cols - x,
	    &first);
	if (w != NULL)
		ui_put(w, ui->lines - 2, x, ui->cols - x, ROLE_NORMAL,
		    ui->prompt.buf + first);
	if (cx != NULL)
		*cx = x + col;
}

/* A long message (a refusal and its reason) is wrapped upwards over the
 * screen's last lines, never cut. */
static void
draw_message(const struct ui *ui, WINDOW *w)
{
	size_t st[4], ln[4];
	int n = (int)ui_wrap(ui->msg, ui->cols, 4, st, ln), y;

	if (n > ui->lines - 3)
		n = ui->lines - 3 > 1 ? ui->lines - 3 : 1;
	for (y = ui->lines - 1 - n; n > 1 && y < ui->lines - 1; y++) {
		wmove(w, y, 0);
		wclrtoeol(w);
	}
	ui_put_wrapped(w, ui->lines - 1 - n, 0, ui->cols, n, ui->msg_role,
	    ui->msg);
}

static void
draw_bottom(const struct ui *ui, WINDOW *w)
{
	const struct ui_keymap *km = active_keys(ui);
	struct buf b;
	char right[40], name[16];
	int rw, y = ui->lines - 1;
	size_t i;

	if (ui->prompt.what != CMD_NONE)
		draw_prompt(ui, w, NULL);
	else if (ui->msg[0] != '\0')
		draw_message(ui, w);
	if (ui->form != NULL || ui->confirm.active || ui->prompt.what != CMD_NONE ||
	    ui->pick.active)
		right[0] = '\0';
	else
		snprintf(right, sizeof right, "? help  q %s",
		    ui->screen == &day_screen ? "quit" : "back");
	rw = ui_text_width(right);
	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < km->n; i++) {
		if (km->keys[i].hint == NULL)
			continue;
		if (b.len > 0)
			buf_adds(&b, "  ");
		buf_printf(&b, "%s %s", ui_key_name(km->keys[i].key, name,
		    sizeof name), km->keys[i].hint);
	}
	if (rw + 2 > ui->cols)
		rw = 0;
	/* Whole hints only: cut at the last gap that fits. */
	{
		int room = ui->cols - (rw ? rw + 2 : 0);
		size_t fit = ui_text_fit(b.data, room);
		if (fit < b.len) {
			while (fit > 0 && !(b.data[fit - 1] == ' ' &&
			    b.data[fit] == ' ') && !(b.data[fit] == ' ' &&
			    fit + 1 < b.len && b.data[fit + 1] == ' '))
				fit--;
			b.data[fit] = '\0';
			while (fit > 0 && b.data[fit - 1] == ' ')
				b.data[--fit] = '\0';
		}
		ui_put(w, y, 0, room, ROLE_DIM, b.data);
	}
	if (rw)
		ui_put(w, y, ui->cols - rw, rw, ROLE_DIM, right);
	buf_free(&b);
}

/* A framed box over the screen; returns the inner top row. */
static void
draw_box(WINDOW *w, int y, int x, int h, int wd)
{
	int i;

	for (i = 0; i < h; i++) {
		mvwhline(w, y + i, x, ' ', wd);
	}
	wattrset(w, A_NORMAL);
	mvwaddch(w, y, x, ACS_ULCORNER);
	mvwhline(w, y, x + 1, ACS_HLINE, wd - 2);
	mvwaddch(w, y, x + wd - 1, ACS_URCORNER);
	for (i = 1; i < h - 1; i++) {
		mvwaddch(w, y + i, x, ACS_VLINE);
		mvwaddch(w, y + i, x + wd - 1, ACS_VLINE);
	}
	mvwaddch(w, y + h - 1, x, ACS_LLCORNER);
	mvwhline(w, y + h - 1, x + 1, ACS_HLINE, wd - 2);
	mvwaddch(w, y + h - 1, x + wd - 1, ACS_LRCORNER);
}

static void
draw_help(const struct ui *ui, WINDOW *w)
{
	char lines[64][96];
	size_t n, g, i, first;
	int h, wd, rows, y;

	n = ui_key_help_lines(ui->screen->keys, lines, 40);
	g = ui_key_help_lines(&ui_keys_global, lines + n + 1, 20);
	snprintf(lines[n], 96, "%s", "");
	n += g + 1;
	wd = ui->cols < 74 ? ui->cols : 74;
	h = ui->lines - 2;      /* never over the key line */
	if (h > (int)n + 3)
		h = (int)n + 3;
	rows = h - 3;
	if (rows < 1)
		return;
	first = (size_t)(ui->help - 1);
	if (first + (size_t)rows > n)
		first = n > (size_t)rows ? n - (size_t)rows : 0;
	y = 1;
	draw_box(w, y, 0, h, wd);
	ui_putf(w, y, 2, wd - 4, ROLE_HEADER, " Keys: %s ", ui->screen->name);
	for (i = 0; i < (size_t)rows && first + i < n; i++)
		ui_put(w, y + 1 + (int)i, 2, wd - 4, ROLE_NORMAL, lines[first + i]);
	ui_put(w, y + h - 2, 2, wd - 4, ROLE_DIM,
	    n > (size_t)rows ? "j/k scroll, any other key closes" :
	    "any key closes");
}

/* The day's entries over the Day screen, marked ones with a '*'. */
static void
draw_pick(const struct ui *ui, WINDOW *w)
{
	const struct ui_pick *p = &ui->pick;
	int h = (int)p->n + 3, rows, y = 2, i;
	size_t top = 0, sel = p->sel;
	char ds[11];

	if (h > ui->lines - 4)
		h = ui->lines - 4;
	rows = h - 2;
	if (rows < 1)
		return;
	ui_scroll(&sel, &top, p->n, rows - 1);
	draw_box(w, y, 0, h, ui->cols);
	ui_putf(w, y, 2, ui->cols - 4, ROLE_HEADER, " Entries of %s %s ",
	    date_weekday_name(p->day), date_format(p->day, ds));
	for (i = 0; i < rows - 1 && top + (size_t)i < p->n; i++) {
		size_t k = top + (size_t)i;
		enum ui_role role = k == p->sel ? ROLE_SELECTED : ROLE_NORMAL;
		int x = 2;

		x += ui_put(w, y + 1 + i, x, 2, ROLE_NORMAL, k == p->sel ? ">" :
		    " ");
		x += ui_put(w, y + 1 + i, x, 2, ROLE_WARNING, p->mark[k] ? "*" :
		    " ");
		ui_put_cut(w, y + 1 + i, x, ui->cols - x - 1, role, p->text[k]);
	}
	ui_put(w, y + h - 2, 2, ui->cols - 4, ROLE_DIM,
	    "Space marks, D deletes, Enter edits, Esc closes");
}

static void
draw_confirm(const struct ui *ui, WINDOW *w)
{
	int wd = ui->cols < 60 ? ui->cols : 60, y = ui->lines / 2 - 2;

	draw_box(w, y, (ui->cols - wd) / 2, 4, wd);
	ui_put(w, y + 1, (ui->cols - wd) / 2 + 2, wd - 4, ROLE_WARNING,
	    ui->confirm.text);
	ui_put(w, y + 2, (ui->cols - wd) / 2 + 2, wd - 4, ROLE_NORMAL,
	    "y delete, n keep");
}

void
ui_draw(const struct ui *ui, WINDOW *w)
{
	werase(w);
	draw_tabs(ui, w);
	ui->screen->draw(ui, state_of(ui, ui->screen), w);
	if (ui->form != NULL)
		form_draw(ui, w);
	if (ui->pick.active)
		draw_pick(ui, w);
	if (ui->confirm.active)
		draw_confirm(ui, w);
	if (ui->help)
		draw_help(ui, w);
	draw_bottom(ui, w);
}

int
ui_offscreen_open(struct ui_offscreen *o, int lines, int cols)
{
	static const char *const types[] = { NULL, "xterm-256color", "xterm",
	    "vt100", "dumb" };
	size_t i;

	memset(o, 0, sizeof o[0]);
	if ((o->out = fopen("/dev/null", "w")) == NULL ||
	    (o->in = fopen("/dev/null", "r")) == NULL) {
		err_set("/dev/null: cannot open");
		ui_offscreen_close(o);
		return -1;
	}
	for (i = 0; i < sizeof types / sizeof types[0] && o->scr == NULL; i++) {
		const char *t = types[i] != NULL ? types[i] : getenv("TERM");
		if (t != NULL && *t != '\0')
			o->scr = newterm(t, o->out, o->in);
	}
	if (o->scr == NULL) {
		err_set("no usable terminal description (TERM)");
		ui_offscreen_close(o);
		return -1;
	}
	set_term(o->scr);
	resizeterm(lines, cols);
	ui_colour_init();
	return 0;
}

void
ui_offscreen_close(struct ui_offscreen *o)
{
	if (o->scr != NULL) {
		endwin();
		delscreen(o->scr);
	}
	if (o->out != NULL)
		fclose(o->out);
	if (o->in != NULL)
		fclose(o->in);
	memset(o, 0, sizeof o[0]);
}

void
ui_screen_text(WINDOW *w, int lines, struct buf *out)
{
	char line[2048];
	int y, maxx = getmaxx(w);
	size_t n;

	for (y = 0; y < lines; y++) {
		line[0] = '\0';
		if (mvwinnstr(w, y, 0, line, (int)sizeof line - 1) == ERR)
			line[0] = '\0';
		(void)maxx;
		n = strlen(line);
		while (n > 0 && line[n - 1] == ' ')
			n--;
		buf_add(out, line, n);
		buf_addc(out, '\n');
	}
}

/* The terminal, restored on every way out. */
static int term_up;
static volatile sig_atomic_t got_signal;

static void
term_restore(void)
{
	if (term_up && !isendwin())
		endwin();
}

static void
on_stop_signal(int sig)
{
	got_signal = sig;
}

static void
on_crash(int sig)
{
	term_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * Every catchable signal whose default action ends the process. The
 * handler only sets a flag: the read wakes up (no SA_RESTART), the loop
 * ends and the terminal is given back (alternate screen left, cursor
 * shown, raw mode off) before runlog exits with 128 + the signal. Ctrl-\
 * too: cbreak() leaves it a signal. A crash restores the terminal in the
 * handler and then takes the default action.
 */
static const int stop_signals[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
	SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
};
static const int crash_signals[] = {
	SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGSYS, SIGTRAP,
};

static void
install_signals(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop_signal;
	sa.sa_flags = 0;           /* no SA_RESTART: wake the read up */
	for (i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
		sigaction(stop_signals[i], &sa, NULL);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
		sigaction(crash_signals[i], &sa, NULL);
}

/* Takes the terminal: curses on stdout, keys one by one, no echo. */
static SCREEN *
term_open(void)
{
	static int registered;
	SCREEN *scr;

	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		const char *t = getenv("TERM");
		fprintf(stderr, "runlog: cannot use the terminal type '%.40s'\n",
		    t != NULL ? t : "");
		return NULL;
	}
	set_term(scr);
	term_up = 1;
	if (!registered) {
		atexit(term_restore);
		registered = 1;
	}
	install_signals();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	wtimeout(stdscr, 1000);
	ui_colour_init();
	return scr;
}

static void
paint(struct ui *ui)
{
	ui_draw(ui, stdscr);
	if (ui->form != NULL && !ui->help) {
		int cy, cx;
		form_cursor(ui, &cy, &cx);
		wmove(stdscr, cy, cx);
		curs_set(1);
	} else if (ui->prompt.what != CMD_NONE && !ui->help) {
		int cx;
		draw_prompt(ui, NULL, &cx);
		wmove(stdscr, ui->lines - 2, cx);
		curs_set(1);
	} else
		curs_set(0);
	wrefresh(stdscr);
}

/* Keys until quit or a signal; returns the exit status. */
static int
loop(struct ui *ui)
{
	int ch, r, redraw = 1;
	int64_t seen = store_data_version(ui->st);

	for (;;) {
		if (got_signal)
			return 128 + got_signal;
		if (redraw) {
			paint(ui);
			redraw = 0;
		}
		ch = wgetch(stdscr);
		if (ch == ERR) {
			/* Once a second: another runlog (a cron job, the
			 * command line) changed the journal, so read it again. */
			int64_t v = store_data_version(ui->st);
			if (v >= 0 && v != seen) {
				seen = v;
				ui_reload(ui);
				redraw = 1;
			}
			continue;
		}
		if (ch == KEY_RESIZE) {
			ui_resize(ui, LINES, COLS);
			redraw = 1;
			continue;
		}
		/* The day may have turned while the journal was open. */
		ui->today = date_today();
		r = ui_key(ui, ch);
		if (r & UI_QUIT)
			return 0;
		if (r & UI_RELOAD)
			ui_reload(ui);
		if (r & (UI_REDRAW | UI_RELOAD))
			redraw = 1;
	}
}

/*
 * The journal for the first frame: an existing one is opened as a command
 * that reads opens it (its version and schema checked, every value checked
 * as it is read), so the first frame does not wait for the whole file to
 * be checked; *deferred is then 1 and open_to_write() must follow before
 * any key is handled. A journal that does not exist yet, or that a read
 * cannot open (an older version), is opened for writing at once, checked
 * whole first, as before.
 */
/* At most this long after the first frame before the whole file is
 * checked, unless a key comes first. */
#define UI_VERIFY_DELAY_MS 100

static struct store *
open_first(struct cli_ctx *ctx, int *deferred)
{
	struct store *st;

	*deferred = 0;
	if (ctx->st == NULL && ctx->db_path != NULL &&
	    access(ctx->db_path, F_OK) == 0 &&
	    store_open_read(ctx->db_path, &st) == 0) {
		if (store_schema_version(st) != store_latest_version()) {
			store_close(st);
			return cli_store_verified(ctx);
		}
		ctx->st = st;
		ctx->verified = 0;
		*deferred = 1;
		return st;
	}
	return cli_store_verified(ctx);
}

/*
 * After the first frame, before the first key: the read-only connection
 * is closed and the journal opened for writing as every writing command
 * opens it, the whole file checked first. 0, or -1 with err_set() (a
 * damaged journal): the UI then ends before anything can be written, with
 * the message a writing command gives.
 */
static int
open_to_write(struct ui *ui, struct cli_ctx *ctx)
{
	struct pollfd in = { .fd = STDIN_FILENO, .events = POLLIN };
	struct store *st;

	paint(ui);
	/* Let the terminal show the frame before the check takes the
	 * processor; a key typed meanwhile waits for it. */
	(void)poll(&in, 1, UI_VERIFY_DELAY_MS);
	store_close(ctx->st);
	ctx->st = NULL;
	ui->st = NULL;
	if (store_open(ctx->db_path, &st) != 0)
		return -1;
	ctx->st = st;
	ctx->verified = 1;
	store_settle(st);
	ui->st = st;
	/* Another runlog may have written since the frame was read, and
	 * the write open's own warnings are shown by a reload. */
	ui_reload(ui);
	return 0;
}

int
ui_run(struct cli_ctx *ctx)
{
	struct store *st;
	struct ui *ui;
	SCREEN *scr;
	char why[160];
	int status, deferred;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("runlog: the journal needs a terminal; 'runlog --help' "
		    "lists the plain commands\n", stderr);
		return 1;
	}
	if (ui_term_usable(why, sizeof why) != 0) {
		fprintf(stderr, "runlog: %s, so the journal cannot be shown "
		    "here.\nThe plain commands work on any terminal: 'runlog show' "
		    "for a day, 'runlog week' for a week, 'runlog --help' for the "
		    "rest.\n", why);
		return 1;
	}
	if ((st = open_first(ctx, &deferred)) == NULL)
		return 1;
	if ((scr = term_open()) == NULL)
		return 1;
	store_settle(st);
	ui = xcalloc(1, sizeof *ui);
	ui_init(ui, st, &ctx->cfg);
	ui_resize(ui, LINES, COLS);
	ui_switch(ui, &day_screen);
	status = deferred ? open_to_write(ui, ctx) : 0;
	if (status == 0)
		status = loop(ui);
	term_restore();
	term_up = 0;
	delscreen(scr);
	ui_free(ui);
	free(ui);
	if (status < 0) {
		cli_fail(NULL);
		status = 1;
	}
	return status;
}
