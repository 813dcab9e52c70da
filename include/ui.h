/*
 * ui: the journal in the terminal. One loop (ui.c) owns the terminal and
 * hands each key to a table lookup (ui-keys.c) and then to the current
 * screen's handler; screens are data (struct screen) with enter (load what
 * the screen shows, with bounded date-range reads), draw (read state, paint
 * a window, never write the database) and key (change state, maybe write the
 * journal, return what must happen next; never draw). Forms (ui-form.c)
 * edit one entry with the same parsers and ranges as the command line.
 *
 * Everything but ui_run() works on any WINDOW, so the screen tests render
 * into a curses screen made with newterm() on /dev/null and read it back.
 */
#ifndef RUNLOG_UI_H
#define RUNLOG_UI_H

#include <stddef.h>
#include <stdint.h>
#include <curses.h>

#include "analysis.h"
#include "cli.h"
#include "config.h"
#include "entry.h"
#include "store.h"
#include "util.h"

struct ui;
struct flag_row;

/* What a key handler asks the loop to do next; bits. */
enum ui_react {
	UI_NOTHING = 0,
	UI_REDRAW  = 1,         /* paint again */
	UI_RELOAD  = 2,         /* state moved or the journal changed: enter() */
	UI_QUIT    = 4
};

/* Every action a key can be bound to. */
enum ui_cmd {
	CMD_NONE,
	CMD_QUIT, CMD_BACK, CMD_HELP,
	CMD_DAY, CMD_WEEK, CMD_TRENDS, CMD_FLAGS, CMD_HISTORY,
	CMD_PREV, CMD_NEXT, CMD_TODAY,
	CMD_UP, CMD_DOWN, CMD_PGUP, CMD_PGDN, CMD_TOP, CMD_BOTTOM,
	CMD_OPEN,
	CMD_ADD_RUN, CMD_EDIT, CMD_SLEEP, CMD_CHECKIN, CMD_DRINK, CMD_GLASS,
	CMD_REST, CMD_DELETE, CMD_UNDO, CMD_PERIOD, CMD_EXPORT,
	CMD_COUNT
};

/* One binding: several rows may share an action (arrows and vi keys). */
struct ui_key {
	int          key;       /* a byte or a curses KEY_* code */
	enum ui_cmd  cmd;
	const char  *hint;      /* short word for the bottom line, or NULL */
	const char  *help;      /* for '?' and the manual; NULL on an alias */
};

struct ui_keymap {
	const char          *name;   /* "Day", "form" ... */
	const struct ui_key *keys;
	size_t               n;
};

/* The key tables (ui-keys.c). ui_keys_global applies on every screen. */
extern const struct ui_keymap ui_keys_global, ui_keys_day, ui_keys_week,
    ui_keys_trends, ui_keys_flags, ui_keys_history, ui_keys_form,
    ui_keys_confirm;

/* The action bound to key on km, else on the global map; CMD_NONE. */
enum ui_cmd ui_key_lookup(const struct ui_keymap *km, int key);
/* "Left", "Enter", "Tab", "a" ...: out at least 16 bytes. */
const char *ui_key_name(int key, char *out, size_t n);
/* Every key of km, one line per action: "[ h Left   previous day". */
size_t ui_key_help_lines(const struct ui_keymap *km, char lines[][96],
    size_t max);

/* A screen, as data. */
struct screen {
	const char *name;                    /* on the tab: "Day" */
	const char *short_name;              /* on a narrow tab: "Day" */
	const struct ui_keymap *keys;
	void (*enter)(struct ui *);           /* (re)load what is shown */
	void (*draw)(const struct ui *, WINDOW *);
	int  (*key)(struct ui *, enum ui_cmd);
};

extern const struct screen day_screen, week_screen, trends_screen,
    flags_screen, history_screen;

/* Colour roles (ui-colour.c); a word or symbol always goes with them. */
enum ui_role {
	ROLE_NORMAL, ROLE_ALERT, ROLE_WARNING, ROLE_NOTE, ROLE_GOOD, ROLE_DIM,
	ROLE_HEADER, ROLE_TAB, ROLE_SELECTED, ROLE_COUNT
};
/* Decides colour (off when NO_COLOR is set and not empty, or the terminal
 * has none) and sets up the pairs; call after the screen exists. */
void   ui_colour_init(void);
int    ui_colour_enabled(void);
attr_t ui_attr(enum ui_role role);

/* Text by display width (ui-text.c). */
void ui_text_init(void);                 /* reads the locale's codeset */
int  ui_text_utf8(void);                 /* bars and marks may use UTF-8 */
void ui_text_force_ascii(int ascii);     /* for tests */
int  ui_text_width(const char *s);
/* Bytes of s that fit in width columns. */
size_t ui_text_fit(const char *s, int width);
/* Draws s at y, x, clipped to width columns, in role. Returns columns used. */
int  ui_put(WINDOW *w, int y, int x, int width, enum ui_role role,
    const char *s);
int  ui_putf(WINDOW *w, int y, int x, int width, enum ui_role role,
    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* A bar of width columns filled to frac (0..1): blocks, or '#' and '.'. */
char *ui_bar(double frac, int width, char *out, size_t n);
/* A copy of database text with control characters removed. */
char *ui_clean(const char *s, char *out, size_t n);

/* A day summed up for the Week and Trends screens. */
struct ui_daysum {
	int     day;
	int64_t distance_m, duration_s;
	int     nruns;
	double  load;            /* AU: sRPE, or distance when no RPE */
	int64_t sleep_min;       /* -1 = not logged */
	int64_t fluid_ml;        /* -1 = no drink logged */
	int     fatigue;         /* 0 = no check-in */
	int     rest;            /* marked as a rest day */
	double  acwr;            /* < 0 when not known */
	int     nflags;
	int     worst;           /* worst severity: -1 none, else an_severity */
	char    flagtext[48];    /* names of the day's flags, short */
};

/*
 * Sums every day of [from, to] into out[to - from + 1], with the analysis
 * (load, ACWR, flags) from a bounded series; -1 with err_set() on error.
 */
int ui_days_load(struct ui *ui, int from, int to, struct ui_daysum *out);
/* Every flag of [from, to] as episodes, newest first; -1 on error. */
int ui_flags_load(struct ui *ui, int from, int to, struct flag_row **rows,
    size_t *n);

/* Forms (ui-form.c). */
enum form_kind { FORM_RUN, FORM_SLEEP, FORM_DRINK, FORM_CHECKIN, FORM_EXPORT };
enum field_kind {
	FK_DISTANCE, FK_DURATION, FK_HOURS, FK_VOLUME, FK_MASS, FK_INT,
	FK_CHOICE, FK_YESNO, FK_TEXT, FK_PATH
};

#define FORM_FIELDS 14

struct form_field {
	const char  *label;
	enum field_kind kind;
	const struct field_range *range;  /* FK_INT, FK_DISTANCE ... */
	const char *const *choices;       /* FK_CHOICE: NULL-terminated */
	int          required;
	int          dirty;               /* typed since the form opened */
	int64_t      orig;                /* value when editing, for !dirty */
	char         unit[12];            /* "km", "h", "1-10" ... */
	char         buf[NOTE_MAX + 1];
	char         err[160];            /* what is wrong, shown in place */
};

struct ui_form {
	enum form_kind kind;
	char        title[64];
	int64_t     id;                   /* editing this entry; 0 = new */
	int         day;
	int         n, cur;
	struct form_field f[FORM_FIELDS];
	char        err[200];             /* why the last save was refused */
};

/* Opens a form on ui (new when id == 0, else the entry is loaded). */
int  form_open(struct ui *ui, enum form_kind kind, int day, int64_t id);
/* Feeds one key; returns UI_* bits. Closes the form on save or cancel. */
int  form_key(struct ui *ui, int key);
void form_draw(const struct ui *ui, WINDOW *w);
/* Where the terminal cursor goes while the form is open. */
void form_cursor(const struct ui *ui, int *y, int *x);
/* Re-checks one field as typed; 0 when it is acceptable. */
int  form_check_field(const struct ui *ui, struct form_field *f);

/* Per-screen state. */
struct day_state {
	struct run     *runs;    size_t nruns;
	struct sleep   *sleep;   size_t nsleep;
	struct drink   *drinks;  size_t ndrinks;
	struct checkin *ck;      size_t nck;
	struct rest    *rest;    size_t nrest;
	int64_t fluid_ml;
	int64_t week_m;          /* this week up to the day */
	int64_t prev_same_m;     /* last week up to the same weekday */
	int64_t prev_week_m;     /* last week, all of it */
	size_t  sel;             /* selected run */
	int     nflags;
	struct an_flag flags[AN_FLAGS_MAX];   /* holding on the day */
};

struct week_state {
	int     start;           /* first day shown */
	struct ui_daysum d[7];
	int64_t prev_m;          /* the week before, distance */
	double  prev_load;
	int     sel;             /* 0-6 */
	int     synced;          /* ui->day when start was last set from it */
	int     valid;
};

#define TRENDS_MAX 52

struct trends_week {
	int     start;
	int64_t distance_m;
	double  load;
	double  fatigue;         /* mean of check-ins; < 0 none */
	double  sleep_min;       /* mean of nights; < 0 none */
	double  fluid_ml;        /* mean of days with drinks; < 0 none */
	double  acwr;            /* at the week's end; < 0 unknown */
	int     worst;           /* worst flag severity; -1 none */
};

struct trends_state {
	int     weeks;           /* 12, 26 or 52 */
	int     end;             /* a day in the last week shown */
	struct trends_week w[TRENDS_MAX];
	int     top;             /* first row shown when scrolled */
};

struct flag_row {
	int     first_day, last_day;
	int     severity;        /* an_severity */
	int     id;              /* an_flag_id */
	const char *name;        /* "mileage-jump" */
	char    reason[200];
	char    value[48], threshold[48];
	const char *advice;
};

struct flags_state {
	int     weeks;           /* period: 4, 12, 26 or 52 weeks to today */
	struct flag_row *rows;
	size_t  n, sel, top;
	int     detail;          /* showing rows[sel] in full */
	int     detail_top;      /* first line of it shown */
};

struct hist_row {
	enum entry_kind kind;
	int64_t id;
	int     day;
	char    text[112];
};

struct hist_state {
	struct hist_row *rows;
	size_t  n, cap;
	int     lo, hi;          /* every entry of days [lo, hi] is in rows */
	int     more_older, more_newer;
	size_t  sel, top;
	int     loaded;
};

/* A yes/no question over the screen. */
struct ui_confirm {
	int     active;
	char    text[128];
	enum entry_kind kind;
	int64_t id;
};

struct ui {
	struct store        *st;
	const struct config *cfg;
	const char          *db_path;
	int                  today;
	int                  day;         /* the day the Day screen shows */
	int                  lines, cols; /* the layout's size */
	const struct screen *screen;
	struct ui_form      *form;        /* open form or NULL */
	struct ui_confirm    confirm;
	int                  help;        /* showing '?' */
	char                 msg[200];    /* one line under the screen */
	enum ui_role         msg_role;
	struct day_state     ds;
	struct week_state    ws;
	struct trends_state  ts;
	struct flags_state   fs;
	struct hist_state    hs;
};

/* The screens in tab order, for keys 1-5. */
extern const struct screen *const ui_screens[5];

/* Sets up state (no terminal needed); today from date_today(). */
void ui_init(struct ui *ui, struct store *st, const struct config *cfg,
    const char *db_path);
void ui_free(struct ui *ui);
/* Re-layout after the terminal changed size: the one place for it. */
void ui_resize(struct ui *ui, int lines, int cols);
/* Switches screen and loads it. */
void ui_switch(struct ui *ui, const struct screen *s);
/* One key through overlays, the key tables and the screen. UI_* bits. */
int  ui_key(struct ui *ui, int key);
/* Paints everything into w (not refreshed). */
void ui_draw(const struct ui *ui, WINDOW *w);
void ui_message(struct ui *ui, enum ui_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Rows a list can use under the tabs and over the message and key lines. */
int  ui_body_rows(const struct ui *ui);
/* Keeps *sel inside [0, n) and *top so that sel shows in rows lines. */
void ui_scroll(size_t *sel, size_t *top, size_t n, int rows);

/*
 * A curses screen of lines x cols writing to /dev/null, for rendering
 * without a terminal (`runlog screen`, the screen tests). It becomes the
 * current screen; NULL with err_set() when no terminal type works.
 */
struct ui_offscreen {
	SCREEN *scr;
	FILE   *out, *in;
};
int  ui_offscreen_open(struct ui_offscreen *o, int lines, int cols);
void ui_offscreen_close(struct ui_offscreen *o);
/* The text of w's first lines rows, trailing blanks cut, '\n' after each. */
void ui_screen_text(WINDOW *w, int lines, struct buf *out);

/* Shared inside the ui module. */
void ui_day_state_free(struct day_state *d);
/* Undoes the journal's newest change and says what it was. UI_* bits. */
int  ui_undo(struct ui *ui);

/* Owns the terminal until the user quits; returns an exit status. */
int ui_run(struct cli_ctx *ctx);

#endif
