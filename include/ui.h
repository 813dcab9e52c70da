/*
 * ui: the journal in the terminal. One loop (ui.c) owns the terminal and
 * hands each key to the overlay on top (help, a question, a form), else to
 * a table lookup (ui-keys.h) and the current screen's handler. Screens are
 * data (struct screen), each with its own state behind a private pointer:
 * init and free make and drop it, enter loads what the screen shows
 * through the store's API (bounded date ranges), draw reads the state and
 * paints a window (never writes), key changes the state and returns what
 * must happen next (never draws). struct ui holds only what every screen
 * shares.
 *
 * Everything but ui_run() works on any WINDOW, so the screen tests render
 * into a curses screen made with newterm() on /dev/null and read it back.
 */
#ifndef RUNLOG_UI_H
#define RUNLOG_UI_H

#include <stddef.h>
#include <stdint.h>
#include <curses.h>

#include "cli.h"
#include "config.h"
#include "entry.h"
#include "store.h"
#include "ui-colour.h"
#include "ui-keys.h"
#include "util.h"

struct ui;
struct ui_form;

/* What a key handler asks the loop to do next; bits. */
enum ui_react {
	UI_NOTHING = 0,
	UI_REDRAW  = 1,         /* paint again */
	UI_RELOAD  = 2,         /* state moved or the journal changed: enter() */
	UI_QUIT    = 4
};

/* A screen, as data. state is what init returned, private to the screen. */
struct screen {
	const char *name;                    /* on the tab: "Day" */
	const char *short_name;              /* on a narrow tab: "Day" */
	const struct ui_keymap *keys;
	void   *(*init)(struct ui *);        /* the state, before any enter */
	void    (*free)(void *state);
	void    (*enter)(struct ui *, void *state);   /* (re)load what is shown */
	void    (*draw)(const struct ui *, const void *state, WINDOW *);
	/* UI_* bits, or -1 when the action is not the screen's */
	int     (*key)(struct ui *, void *state, enum ui_cmd);
	void    (*resize)(struct ui *, void *state);  /* may be NULL */
	/* A number of the state by name, for tests; INT64_MIN when unknown. */
	int64_t (*peek)(const void *state, const char *what);
	/* Shows the typed day (the go-to prompt); UI_* bits. May be NULL. */
	int     (*go_to)(struct ui *, void *state, int day);
	/* Finds the typed text (the search prompt); UI_* bits. May be NULL. */
	int     (*search)(struct ui *, void *state, const char *text);
};

#define UI_SCREENS 8
extern const struct screen day_screen, week_screen, trends_screen,
    flags_screen, history_screen, plan_screen;
extern const struct screen calendar_screen;
extern const struct screen shoes_screen;
/* The screens in tab order, for keys 1-6. */
extern const struct screen *const ui_screens[UI_SCREENS];

#define UI_PICK_MAX 256      /* entries a question or the list holds */

/* A yes/no question over the screen, about deleting entries. */
struct ui_confirm {
	int     active;
	char    text[128];
	size_t  n;
	enum entry_kind kind[UI_PICK_MAX];
	int64_t id[UI_PICK_MAX];
};

/* A line typed on the message line: a day to go to, or a search. */
struct ui_prompt {
	enum ui_cmd what;       /* CMD_GOTO, CMD_SEARCH; CMD_NONE: closed */
	char    buf[128];
	size_t  pos;
};

/* The Day screen's list of the day's entries, to delete or edit. */
struct ui_pick {
	int     active;
	int     day;
	size_t  n, sel;
	enum entry_kind kind[UI_PICK_MAX];
	int64_t id[UI_PICK_MAX];
	unsigned char mark[UI_PICK_MAX];
	char    text[UI_PICK_MAX][160];
};

struct ui {
	struct store        *st;
	const struct config *cfg;
	int                  today;
	int                  day;         /* the day the Day screen shows */
	int                  lines, cols; /* the layout's size */
	const struct screen *screen;
	void                *state[UI_SCREENS];   /* ui_screens[i]'s own */
	char                 msg[200];    /* one line under the screen */
	enum ui_role         msg_role;
	/* The overlays the loop owns, topmost first. */
	int                  help;        /* showing '?', from line help - 1 */
	struct ui_form      *form;        /* open form or NULL */
	struct ui_confirm    confirm;
	struct ui_prompt     prompt;
	struct ui_pick       pick;
	char                 query[128];  /* the last search */
};

/* The smallest terminal the screens are laid out for. */
#define UI_MIN_COLS  40
#define UI_MIN_LINES 12

/* Sets up state (no terminal needed); today from date_today(). */
void ui_init(struct ui *ui, struct store *st, const struct config *cfg);
void ui_free(struct ui *ui);
/* Re-layout after the terminal changed size: the one place for it. */
void ui_resize(struct ui *ui, int lines, int cols);
/* Switches screen and loads it. */
void ui_switch(struct ui *ui, const struct screen *s);
/* Loads the current screen again (the journal or the state changed). */
void ui_reload(struct ui *ui);
/* One key through overlays, the key tables and the screen. UI_* bits. */
int  ui_key(struct ui *ui, int key);
/* Paints everything into w (not refreshed). */
void ui_draw(const struct ui *ui, WINDOW *w);
void ui_message(struct ui *ui, enum ui_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Puts what the store queued (store_warning()) on the message line. */
void ui_store_warnings(struct ui *ui);
/* Asks whether to delete kind/id, with text as the question. */
void ui_confirm_delete(struct ui *ui, enum entry_kind kind, int64_t id,
    const char *text);
/* The same for n entries at once (at most UI_PICK_MAX), deleted together
 * with store_delete_many(): all or none, one undo step. */
void ui_confirm_delete_many(struct ui *ui, size_t n,
    const enum entry_kind *kind, const int64_t *id, const char *text);
/* Opens the list of entries of ui->day (Day screen: D). */
void ui_pick_open(struct ui *ui, const struct entries *e);
/* Rows a list can use under the tabs and over the message and key lines. */
int  ui_body_rows(const struct ui *ui);
/* Keeps *sel inside [0, n) and *top so that sel shows in rows lines. */
void ui_scroll(size_t *sel, size_t *top, size_t n, int rows);
/* A number of screen s's state (struct screen's peek), for tests. */
int64_t ui_peek(const struct ui *ui, const struct screen *s, const char *what);
/* Undoes the journal's newest change and says what it was. UI_* bits. */
int  ui_undo(struct ui *ui);
/* Redoes the newest undo and says what it was. UI_* bits. */
int  ui_redo(struct ui *ui);
/* The form that edits an entry of kind k; FORM_KIND_COUNT when none. */
int  ui_form_of(enum entry_kind k);

/*
 * Whether the terminal on stdout can show the screens: cursor addressing
 * and at least UI_MIN_COLS x UI_MIN_LINES. 0, or -1 with why filled.
 */
int  ui_term_usable(char *why, size_t n);

/*
 * A curses screen of lines x cols writing to /dev/null, for rendering
 * without a terminal (`runlog screen`, the screen tests). It becomes the
 * current screen; -1 with err_set() when no terminal type works.
 */
struct ui_offscreen {
	SCREEN *scr;
	FILE   *out, *in;
};
int  ui_offscreen_open(struct ui_offscreen *o, int lines, int cols);
void ui_offscreen_close(struct ui_offscreen *o);
/* The text of w's first lines rows, trailing blanks cut, '\n' after each. */
void ui_screen_text(WINDOW *w, int lines, struct buf *out);

/* Owns the terminal until the user quits; returns an exit status. */
int ui_run(struct cli_ctx *ctx);

#endif
