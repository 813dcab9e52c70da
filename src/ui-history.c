/*
 * ui-history: every entry, newest first, with edit, delete and undo. The
 * list is a bounded window of whole days: scrolling past either end finds
 * the next day that holds entries (store_day_before/after) and loads a few
 * weeks from there (store_load), and the far end of the window is
 * dropped, so a fifty-year journal is never read at once. Planned runs
 * are listed on their days too; as they lie ahead of every other entry,
 * the newest end of the window reaches a year past today for them, and
 * the list opens on today's entries, the plans above them.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "entry-text.h"
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
	int64_t id;              /* the newest drink of a folded row */
	int     day;
	int     count;           /* drinks folded into the row; 0: one entry */
	char    text[256];       /* entry_text_line(), cut with an ellipsis */
};

/* What the list shows, cycled by f: folded drinks under "all". */
enum hist_filter { HF_ALL, HF_RUN, HF_SLEEP, HF_CHECKIN, HF_DRINK, HF_REST,
	HF_PLAN, HF_COUNT };
static const char *const filter_name[HF_COUNT] = {
	"all", "runs", "sleep", "check-ins", "drinks", "rest days", "plans",
};
static const enum entry_kind filter_kind[HF_COUNT] = {
	ENTRY_KIND_COUNT, ENTRY_RUN, ENTRY_SLEEP, ENTRY_CHECKIN, ENTRY_DRINK,
	ENTRY_REST, ENTRY_PLAN,
};

/* The last day plans are looked for: as far ahead as one can be made. */
static int
plan_top(const struct ui *ui)
{
	return ui->today + PLAN_AHEAD_DAYS > DATE_MAX ? DATE_MAX :
	    ui->today + PLAN_AHEAD_DAYS;
}

/* What the History screen shows, private to it. */
struct hist_state {
	struct hist_row *rows;
	size_t  n, cap;
	int     lo, hi;          /* every entry of days [lo, hi] is in rows */
	int     more_older, more_newer;
	size_t  sel, top;
	int     loaded;
	enum hist_filter filter;
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
	if (strcmp(what, "row.count") == 0 && r != NULL)
		return r->count;
	if (strcmp(what, "top") == 0)
		return (int64_t)hs->top;
	if (strcmp(what, "filter") == 0)
		return hs->filter;
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

static struct hist_row *
row_new(struct hist_row **v, size_t *n, size_t *cap)
{
	struct hist_row *r;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	r = &(*v)[(*n)++];
	memset(r, 0, sizeof *r);
	return r;
}

/* text into r->text, whole characters, an ellipsis when it is cut. */
static void
row_text(struct hist_row *r, const char *text)
{
	const char *ell = ui_text_utf8() ? "\u2026" : "...";
	size_t len = strlen(text), room = sizeof r->text - strlen(ell) - 1;

	if (len < sizeof r->text) {
		memcpy(r->text, text, len + 1);
	} else {
		while (room > 0 && ((unsigned char)text[room] & 0xc0) == 0x80)
			room--;
		memcpy(r->text, text, room);
		strcpy(r->text + room, ell);
	}
	text_sanitize(r->text);
}

/* One entry as `runlog show` prints it. */
static void
row_entry(const struct ui *ui, struct hist_row **v, size_t *n, size_t *cap,
    enum entry_kind k, const void *e, int64_t id, int day)
{
	struct hist_row *r = row_new(v, n, cap);
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "");
	entry_text_line(k, e, ui->cfg->dist_unit, ui->cfg->vol_unit, &b);
	r->kind = k;
	r->id = id;
	r->day = day;
	row_text(r, b.data);
	buf_free(&b);
}

/* The drinks of one day as one row, so the list is not mostly drinks. */
static void
row_drinks(const struct ui *ui, struct hist_row **v, size_t *n, size_t *cap,
    const struct entries *e, int day)
{
	struct hist_row *r;
	int64_t ml = 0, id = 0;
	int count = 0;
	char a[32], t[96];
	size_t k;

	for (k = 0; k < e->ndrinks; k++)
		if (e->drinks[k].day == day) {
			ml += e->drinks[k].volume_ml;
			id = e->drinks[k].id;
			count++;
		}
	if (count == 0)
		return;
	if (count == 1) {
		for (k = e->ndrinks; k-- > 0;)
			if (e->drinks[k].day == day)
				row_entry(ui, v, n, cap, ENTRY_DRINK, &e->drinks[k],
				    e->drinks[k].id, day);
		return;
	}
	r = row_new(v, n, cap);
	r->kind = ENTRY_DRINK;
	r->id = id;
	r->day = day;
	r->count = count;
	snprintf(t, sizeof t, "drinks   %d drinks, %s in all", count,
	    units_format_volume(ml, ui->cfg->vol_unit, a));
	row_text(r, t);
}

/* The rows of one day, each kind newest first, as the filter says. */
static void
day_rows(const struct ui *ui, enum hist_filter hf, const struct entries *e,
    int day, struct hist_row **out, size_t *n, size_t *cap)
{
	enum entry_kind want = filter_kind[hf];
	size_t k;

#define ROWS_OF(arr, cnt, kind) \
	if (want == ENTRY_KIND_COUNT || want == kind) \
		for (k = e->cnt; k-- > 0;) \
			if (e->arr[k].day == day) \
				row_entry(ui, out, n, cap, kind, &e->arr[k], \
				    e->arr[k].id, day);
	ROWS_OF(plans, nplans, ENTRY_PLAN)
	ROWS_OF(runs, nruns, ENTRY_RUN)
	ROWS_OF(sleeps, nsleeps, ENTRY_SLEEP)
	if (want == ENTRY_KIND_COUNT)
		row_drinks(ui, out, n, cap, e, day);
	else
		ROWS_OF(drinks, ndrinks, ENTRY_DRINK)
	ROWS_OF(checkins, ncheckins, ENTRY_CHECKIN)
	ROWS_OF(rests, nrests, ENTRY_REST)
#undef ROWS_OF
}

/* Rows of days [from, to], newest day first; -1 on a read error. */
static int
load_days(struct ui *ui, const struct hist_state *hs, int from, int to,
    struct hist_row **out, size_t *n)
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
		day_rows(ui, hs->filter, &e, day, out, n, &cap);
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
		int d = next_day(ui, hs->lo, 0, &failed), to;

		if (failed)
			return -1;
		/* From the newest end: today at least, for a journal of
		 * plans alone, and up to the last day a plan may have. */
		if (d < DATE_MIN && hs->lo > DATE_MAX)
			d = ui->today;
		if (d < DATE_MIN) {
			hs->more_older = 0;
			break;
		}
		to = hs->lo > DATE_MAX && plan_top(ui) > d ? plan_top(ui) : d;
		int from = d - HIST_CHUNK_DAYS + 1 < DATE_MIN ? DATE_MIN :
		    d - HIST_CHUNK_DAYS + 1;

		if (load_days(ui, hs, from, to, &v, &n) != 0)
			return -1;
		if (hs->n + n > hs->cap) {
			hs->cap = hs->n + n + 64;
			hs->rows = xrealloc(hs->rows, hs->cap * sizeof *hs->rows);
		}
		if (n > 0)      /* a filter may leave a chunk empty */
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
		if (d < DATE_MIN && hs->hi < plan_top(ui))
			d = hs->hi + 1;      /* past every entry: the plans */
		if (d < DATE_MIN) {
			hs->more_newer = 0;
			break;
		}
		int to = d + HIST_CHUNK_DAYS - 1 > DATE_MAX ? DATE_MAX :
		    d + HIST_CHUNK_DAYS - 1;

		if (to < plan_top(ui) && next_day(ui, to, 1, &failed) < DATE_MIN)
			to = plan_top(ui);
		if (failed)
			return -1;

		if (load_days(ui, hs, d, to, &v, &n) != 0)
			return -1;
		if (hs->n + n > hs->cap) {
			hs->cap = hs->n + n + 64;
			hs->rows = xrealloc(hs->rows, hs->cap * sizeof *hs->rows);
		}
		if (n > 0) {
			memmove(hs->rows + n, hs->rows,
			    hs->n * sizeof *hs->rows);
			memcpy(hs->rows, v, n * sizeof *v);
		}
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

/* Plans lie ahead: selects the newest entry of today or before. */
static void
select_today(struct ui *ui, struct hist_state *hs)
{
	while (hs->sel + 1 < hs->n && hs->rows[hs->sel].day > ui->today)
		hs->sel++;
	ui_scroll(&hs->sel, &hs->top, hs->n, list_rows(ui));
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
		select_today(ui, hs);
		return;
	}
	if (load_days(ui, hs, hs->lo, hs->hi < DATE_MAX ? hs->hi : DATE_MAX, &v,
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

/* 1 when q is in s, any case (ASCII letters). */
static int
has_text(const char *s, const char *q)
{
	size_t i, n = strlen(q);

	for (; *s != '\0'; s++) {
		for (i = 0; i < n && s[i] != '\0'; i++) {
			char a = s[i], b = q[i];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (i == n)
			return 1;
	}
	return n == 0;
}

/* The row as shown: its day, its id and its text. */
static int
row_matches(const struct hist_row *r, const char *q)
{
	char ds[11], id[24];

	snprintf(id, sizeof id, "%c%" PRId64, entry_kind_letter(r->kind), r->id);
	return has_text(r->text, q) || has_text(date_format(r->day, ds), q) ||
	    strcasecmp(id, q) == 0;
}

/*
 * The window from the newest day on or before day: the go-to prompt, and
 * a search that found nothing going back to where it started.
 */
static void
window_at(struct ui *ui, struct hist_state *hs, int day)
{
	hs->n = 0;
	hs->sel = hs->top = 0;
	hs->lo = day + 1;
	hs->hi = day;
	hs->more_newer = 1;
	hs->more_older = 1;
	hs->loaded = 1;
	if (extend_older(ui, hs) != 0)
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
}

static int
history_go_to(struct ui *ui, void *state, int day)
{
	struct hist_state *hs = state;
	char ds[11];

	window_at(ui, hs, day);
	if (hs->n == 0) {
		history_reset(ui, hs);
		ui_message(ui, ROLE_NORMAL, "Nothing %s on or before %s",
		    hs->filter == HF_ALL ? "logged" : filter_name[hs->filter],
		    date_format(day, ds));
	}
	ui_scroll(&hs->sel, &hs->top, hs->n, list_rows(ui));
	return UI_REDRAW;
}

/*
 * The next row matching ui->query, older (dir 1) or newer (dir -1) than
 * the selected one, loading further days as needed; when there is none,
 * the selection stays where it was.
 */
static int
find(struct ui *ui, struct hist_state *hs, int dir)
{
	struct hist_row was;
	size_t i;

	if (ui->query[0] == '\0') {
		ui_message(ui, ROLE_NORMAL, "Nothing to search for; / asks");
		return UI_REDRAW;
	}
	if (hs->n == 0)
		return UI_REDRAW;
	was = hs->rows[hs->sel];
	i = hs->sel;
	for (;;) {
		if (dir > 0 && i + 1 < hs->n)
			i++;
		else if (dir < 0 && i > 0)
			i--;
		else {
			hs->sel = i;
			if (dir > 0 ? !hs->more_older || extend_older(ui, hs) != 0 :
			    !hs->more_newer || extend_newer(ui, hs) < 0)
				break;
			i = hs->sel;
			if (dir > 0 ? i + 1 >= hs->n : i == 0)
				break;
			continue;
		}
		if (row_matches(&hs->rows[i], ui->query)) {
			hs->sel = i;
			ui_scroll(&hs->sel, &hs->top, hs->n, list_rows(ui));
			ui_message(ui, ROLE_NORMAL, "'%s': n next, N previous",
			    ui->query);
			return UI_REDRAW;
		}
	}
	/* None: back to the row the search started from. */
	window_at(ui, hs, was.day);
	for (i = 0; i < hs->n; i++)
		if (hs->rows[i].kind == was.kind && hs->rows[i].id == was.id)
			hs->sel = i;
	ui_scroll(&hs->sel, &hs->top, hs->n, list_rows(ui));
	ui_message(ui, ROLE_NORMAL, "No %s entry matches '%s'",
	    dir > 0 ? "older" : "newer", ui->query);
	return UI_REDRAW;
}

static int
history_search(struct ui *ui, void *state, const char *text)
{
	struct hist_state *hs = state;

	/* The selected row itself counts first, then older ones, then
	 * from the newest entry down. */
	if (hs->n > 0 && row_matches(&hs->rows[hs->sel], text)) {
		ui_message(ui, ROLE_NORMAL, "'%s': n next, N previous", text);
		return UI_REDRAW;
	}
	find(ui, hs, 1);
	if (hs->n > 0 && !row_matches(&hs->rows[hs->sel], text)) {
		history_reset(ui, hs);
		if (hs->n > 0 && !row_matches(&hs->rows[0], text))
			find(ui, hs, 1);
		if (hs->n > 0 && !row_matches(&hs->rows[hs->sel], text))
			ui_message(ui, ROLE_NORMAL, "Nothing matches '%s'", text);
		else
			ui_message(ui, ROLE_NORMAL, "'%s': n next, N previous "
			    "(from the newest)", text);
	}
	return UI_REDRAW;
}

/* A folded row: every drink of its day, read again. */
static int
delete_drinks(struct ui *ui, const struct hist_row *r)
{
	enum entry_kind kind[UI_PICK_MAX];
	int64_t id[UI_PICK_MAX];
	struct entries e;
	char q[128], ds[11];
	size_t i, n = 0;

	if (store_load(ui->st, r->day, r->day, &e) != 0) {
		ui_message(ui, ROLE_ALERT, "cannot read the journal: %s",
		    err_get());
		return UI_REDRAW;
	}
	for (i = 0; i < e.ndrinks && n < UI_PICK_MAX; i++) {
		kind[n] = ENTRY_DRINK;
		id[n++] = e.drinks[i].id;
	}
	entries_free(&e);
	snprintf(q, sizeof q, "Delete the %zu drinks of %s?", n,
	    date_format(r->day, ds));
	ui_confirm_delete_many(ui, n, kind, id, q);
	return UI_REDRAW;
}

static int
history_key(struct ui *ui, void *state, enum ui_cmd cmd)
{
	struct hist_state *hs = state;
	int rows = list_rows(ui), fk;
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
		/* The last page full, never one row alone at the top. */
		hs->sel = hs->n ? hs->n - 1 : 0;
		hs->top = hs->sel + 1 > (size_t)rows ? hs->sel + 1 - (size_t)rows : 0;
		return UI_REDRAW;
	case CMD_FILTER:
		hs->filter = (hs->filter + 1) % HF_COUNT;
		history_reset(ui, hs);
		select_today(ui, hs);
		ui_message(ui, ROLE_NORMAL, "Showing %s%s", filter_name[hs->filter],
		    hs->filter == HF_ALL ? " (a day's drinks on one line)" : "");
		return UI_REDRAW;
	case CMD_SEARCH_NEXT:
		return find(ui, hs, 1);
	case CMD_SEARCH_PREV:
		return find(ui, hs, -1);
	case CMD_EDIT:
		if (hs->n == 0)
			return UI_REDRAW;
		r = &hs->rows[hs->sel];
		if (r->count > 1)
			ui_message(ui, ROLE_NORMAL, "%d drinks on this line; f shows "
			    "drinks one by one", r->count);
		else if (r->kind == ENTRY_PLAN) {
			if (form_open(ui, FORM_PLAN, r->day, r->id) == 1)
				return UI_RELOAD | UI_REDRAW;
		} else if ((fk = ui_form_of(r->kind)) == FORM_KIND_COUNT)
			ui_message(ui, ROLE_NORMAL, "A rest day has nothing to edit; "
			    "d deletes it");
		else if (form_open(ui, (enum form_kind)fk, r->day, r->id) == 1)
			return UI_RELOAD | UI_REDRAW;   /* deleted elsewhere */
		return UI_REDRAW;
	case CMD_DELETE:
		if (hs->n == 0)
			return UI_REDRAW;
		r = &hs->rows[hs->sel];
		if (r->count > 1)
			return delete_drinks(ui, r);
		snprintf(q, sizeof q, "Delete %c%" PRId64 " (%s on %s)?",
		    entry_kind_letter(r->kind), r->id, entry_kind_name(r->kind),
		    date_format(r->day, ds));
		ui_confirm_delete(ui, r->kind, r->id, q);
		return UI_REDRAW;
	case CMD_UNDO:
		return ui_undo(ui);
	case CMD_REDO:
		return ui_redo(ui);
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
	int x;

	ui_scroll(&sel, &top, hs->n, rows);
	if (hs->n == 0) {
		if (hs->filter != HF_ALL)
			ui_putf(w, 1, 0, ui->cols, ROLE_DIM, "No %s in the journal; "
			    "f shows more.", filter_name[hs->filter]);
		else
			ui_put(w, 1, 0, ui->cols, ROLE_DIM,
			    "The journal is empty. Press 1 and log a day.");
		return;
	}
	ui_putf(w, 1, 0, ui->cols, ROLE_DIM, wide ?
	    "%-14s %-7s %s" : "%-5s %-6s %s", "day", "id", "entry");
	if (hs->filter != HF_ALL) {
		char tag[32];
		int tw;
		snprintf(tag, sizeof tag, "[%s]", filter_name[hs->filter]);
		tw = ui_text_width(tag);
		if (tw < ui->cols - 20)
			ui_put(w, 1, ui->cols - tw, tw, ROLE_HEADER, tag);
	}
	for (i = top, y = 2; i < hs->n && y < 2 + rows; i++, y++) {
		const struct hist_row *r = &hs->rows[i];
		int first = i == top || hs->rows[i - 1].day != r->day;
		enum ui_role role = i == sel ? ROLE_SELECTED : ROLE_NORMAL;

		date_format(r->day, ds);
		snprintf(id, sizeof id, "%c%" PRId64, entry_kind_letter(r->kind),
		    r->id);
		if (r->count > 1)
			snprintf(id, sizeof id, "d (%d)", r->count);
		x = ui_putf(w, y, 0, ui->cols, role, wide ? "%s%-14s %-7s " :
		    "%s%-5s %-6s ", i == sel ? ">" : " ", first ? (wide ? ds :
		    ds + 5) : "", id);
		ui_put_cut(w, y, x, ui->cols - x, role, r->text);
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
	.go_to = history_go_to,
	.search = history_search,
};
