/*
 * ui-keys: every key binding as data, one table per screen and overlay
 * (forms, the help list, questions). The loop dispatches on these tables,
 * the bottom line shows their hints, '?' lists them, and a test compares
 * the manual's KEYS section with them row by row.
 */
#ifndef RUNLOG_UI_KEYS_H
#define RUNLOG_UI_KEYS_H

#include <stddef.h>

/* Every action a key can be bound to. */
enum ui_cmd {
	CMD_NONE,
	CMD_QUIT, CMD_BACK, CMD_HELP,
	CMD_DAY, CMD_WEEK, CMD_TRENDS, CMD_FLAGS, CMD_HISTORY, CMD_PLAN,
	CMD_CALENDAR,
	CMD_SHOES,              /* the screens' keys, in ui_screens[] order */
	CMD_PREV, CMD_NEXT, CMD_TODAY,
	CMD_UP, CMD_DOWN, CMD_PGUP, CMD_PGDN, CMD_TOP, CMD_BOTTOM,
	CMD_OPEN,
	CMD_ADD_RUN, CMD_EDIT, CMD_SLEEP, CMD_CHECKIN, CMD_DRINK, CMD_GLASS,
	CMD_REST, CMD_DELETE, CMD_UNDO, CMD_REDO, CMD_PERIOD, CMD_EXPORT,
	CMD_GOTO, CMD_SEARCH, CMD_SEARCH_NEXT, CMD_SEARCH_PREV, CMD_FILTER,
	CMD_MARK, CMD_ACK, CMD_SHOW_ACKED,
	CMD_STYLE,
	/* editing a line of text */
	CMD_LEFT, CMD_RIGHT, CMD_HOME, CMD_END, CMD_DEL_FWD, CMD_DEL_WORD,
	CMD_DEL_START, CMD_DEL_END,
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
	const char          *title;  /* its subsection in the manual */
	const struct ui_key *keys;
	size_t               n;
};

/* The key tables. ui_keys_global applies on every screen; the form, help
 * and question tables apply alone while their overlay is open. */
extern const struct ui_keymap ui_keys_global, ui_keys_day, ui_keys_week,
    ui_keys_trends, ui_keys_flags, ui_keys_history, ui_keys_plan,
    ui_keys_shoes,
    ui_keys_form,
    ui_keys_prompt, ui_keys_pick, ui_keys_help, ui_keys_confirm;
extern const struct ui_keymap ui_keys_calendar;
/* Every table in the order of the manual's KEYS section, NULL-terminated. */
extern const struct ui_keymap *const ui_keymaps[];

/* The action bound to key on km, else on the global map; CMD_NONE. */
enum ui_cmd ui_key_lookup(const struct ui_keymap *km, int key);
/* The action bound to key on km alone (an overlay); CMD_NONE. */
enum ui_cmd ui_key_find(const struct ui_keymap *km, int key);
/* "Left", "Enter", "Tab", "a" ...: out at least 16 bytes. */
const char *ui_key_name(int key, char *out, size_t n);

/* One line of a key list: the keys of an action and what it does. */
struct ui_key_row {
	char        keys[48];   /* names, space-separated: "[ Left h" */
	const char *help;
};
/* The rows of km, one per action with help text; returns how many. */
size_t ui_key_rows(const struct ui_keymap *km, struct ui_key_row *rows,
    size_t max);
/* The same as lines for '?': "[ Left h       previous day". */
size_t ui_key_help_lines(const struct ui_keymap *km, char lines[][96],
    size_t max);

#endif
