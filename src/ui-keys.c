/*
 * ui-keys: every key binding of every screen and overlay, one table each.
 * The loop dispatches on these tables, the bottom line shows their hints,
 * '?' lists them and a test compares the manual's KEYS section with them
 * row by row, so the help can never drift from what the keys do. Arrows
 * and vi keys are aliases: rows with the same action and no help text of
 * their own.
 */
#include <stdio.h>
#include <string.h>
#include <curses.h>

#include "ui-keys.h"

#define KEYMAP(var, label, title, tab) \
	const struct ui_keymap var = { label, title, tab, \
	    sizeof tab / sizeof tab[0] }

#define CTRL(c) ((c) & 0x1f)

static const struct ui_key global_keys[] = {
	{ '1', CMD_DAY, NULL, "Day screen" },
	{ '2', CMD_WEEK, NULL, "Week screen" },
	{ '3', CMD_TRENDS, NULL, "Trends screen" },
	{ '4', CMD_FLAGS, NULL, "Flags screen" },
	{ '5', CMD_HISTORY, NULL, "History screen" },
	{ '6', CMD_PLAN, NULL, "Plan screen" },
	{ '7', CMD_CALENDAR, NULL, "Calendar screen" },
	{ '8', CMD_SHOES, NULL, "Shoes screen" },
	{ '?', CMD_HELP, "help", "list the keys of this screen" },
	{ 'q', CMD_BACK, "quit", "back to the Day screen; quit from Day" },
	{ 27, CMD_BACK, NULL, NULL },
};
KEYMAP(ui_keys_global, "every screen", "Every screen", global_keys);

static const struct ui_key day_keys[] = {
	{ 'r', CMD_ADD_RUN, "run", "add a run" },
	{ 'e', CMD_EDIT, "edit", "edit the selected run or drink" },
	{ '\n', CMD_EDIT, NULL, NULL },
	{ 's', CMD_SLEEP, "sleep", "log or edit last night's sleep" },
	{ 'f', CMD_CHECKIN, "check-in", "log or edit the morning check-in" },
	{ 'w', CMD_GLASS, "+glass", "add a glass of water (250 ml)" },
	{ 'd', CMD_DRINK, "drink", "add a drink of any volume" },
	{ 'x', CMD_REST, "rest", "mark the day as a rest day, or unmark it" },
	{ 'D', CMD_DELETE, "delete", "list the day's entries to delete (asks first)" },
	{ KEY_DC, CMD_DELETE, NULL, NULL },
	{ 'u', CMD_UNDO, "undo", "undo the last change" },
	{ CTRL('r'), CMD_REDO, NULL, "redo what was undone" },
	{ 'g', CMD_GOTO, "go to", "go to a typed day: 2026-11-02, -3, fri" },
	{ ':', CMD_GOTO, NULL, NULL },
	{ '[', CMD_PREV, "day-", "previous day" },
	{ KEY_LEFT, CMD_PREV, NULL, NULL },
	{ 'h', CMD_PREV, NULL, NULL },
	{ ']', CMD_NEXT, "day+", "next day" },
	{ KEY_RIGHT, CMD_NEXT, NULL, NULL },
	{ 'l', CMD_NEXT, NULL, NULL },
	{ 't', CMD_TODAY, "today", "jump to today" },
	{ 'j', CMD_DOWN, NULL, "select the next run or drink" },
	{ KEY_DOWN, CMD_DOWN, NULL, NULL },
	{ 'k', CMD_UP, NULL, "select the previous run or drink" },
	{ KEY_UP, CMD_UP, NULL, NULL },
	{ 'E', CMD_EXPORT, NULL, "export the journal as CSV, one kind or all" },
};
KEYMAP(ui_keys_day, "Day", "Day", day_keys);

static const struct ui_key week_keys[] = {
	{ '[', CMD_PREV, "week-", "previous week" },
	{ KEY_LEFT, CMD_PREV, NULL, NULL },
	{ 'h', CMD_PREV, NULL, NULL },
	{ ']', CMD_NEXT, "week+", "next week" },
	{ KEY_RIGHT, CMD_NEXT, NULL, NULL },
	{ 'l', CMD_NEXT, NULL, NULL },
	{ 't', CMD_TODAY, "this week", "jump to this week" },
	{ 'g', CMD_GOTO, "go to", "go to the week of a typed day" },
	{ ':', CMD_GOTO, NULL, NULL },
	{ 'j', CMD_DOWN, NULL, "select the next day" },
	{ KEY_DOWN, CMD_DOWN, NULL, NULL },
	{ 'k', CMD_UP, NULL, "select the previous day" },
	{ KEY_UP, CMD_UP, NULL, NULL },
	{ '\n', CMD_OPEN, "open", "open the selected day" },
};
KEYMAP(ui_keys_week, "Week", "Week", week_keys);

static const struct ui_key trends_keys[] = {
	{ 'p', CMD_PERIOD, "12/26/52", "show 12, 26 or 52 weeks" },
	{ 'c', CMD_PGDN, "charts", "next page of charts, when they do not all fit" },
	{ KEY_NPAGE, CMD_PGDN, NULL, NULL },
	{ 'C', CMD_PGUP, NULL, "previous page of charts" },
	{ KEY_PPAGE, CMD_PGUP, NULL, NULL },
	{ 'v', CMD_STYLE, NULL, "draw the charts in braille, blocks or ASCII" },
	{ '[', CMD_PREV, "earlier", "move the period back" },
	{ KEY_LEFT, CMD_PREV, NULL, NULL },
	{ 'h', CMD_PREV, NULL, NULL },
	{ ']', CMD_NEXT, "later", "move the period forward" },
	{ KEY_RIGHT, CMD_NEXT, NULL, NULL },
	{ 'l', CMD_NEXT, NULL, NULL },
	{ 't', CMD_TODAY, NULL, "end the period this week" },
	{ 'j', CMD_DOWN, NULL, "scroll down" },
	{ KEY_DOWN, CMD_DOWN, NULL, NULL },
	{ 'k', CMD_UP, NULL, "scroll up" },
	{ KEY_UP, CMD_UP, NULL, NULL },
};
KEYMAP(ui_keys_trends, "Trends", "Trends", trends_keys);

static const struct ui_key flags_keys[] = {
	{ '\n', CMD_OPEN, "explain", "open the selected flag's explanation and advice" },
	{ 'p', CMD_PERIOD, "period", "look back 4, 12, 26 or 52 weeks" },
	{ 'a', CMD_ACK, "ack", "acknowledge the selected flag until it ends or escalates" },
	{ 'A', CMD_SHOW_ACKED, NULL, "show or hide acknowledged flags" },
	{ 'j', CMD_DOWN, NULL, "next flag" },
	{ KEY_DOWN, CMD_DOWN, NULL, NULL },
	{ 'k', CMD_UP, NULL, "previous flag" },
	{ KEY_UP, CMD_UP, NULL, NULL },
	{ KEY_NPAGE, CMD_PGDN, NULL, "page down" },
	{ CTRL('f'), CMD_PGDN, NULL, NULL },
	{ KEY_PPAGE, CMD_PGUP, NULL, "page up" },
	{ CTRL('b'), CMD_PGUP, NULL, NULL },
};
KEYMAP(ui_keys_flags, "Flags", "Flags", flags_keys);

static const struct ui_key history_keys[] = {
	{ 'e', CMD_EDIT, "edit", "edit the selected entry" },
	{ '\n', CMD_EDIT, NULL, NULL },
	{ 'd', CMD_DELETE, "delete", "delete the selected entry (asks first)" },
	{ KEY_DC, CMD_DELETE, NULL, NULL },
	{ 'u', CMD_UNDO, "undo", "undo the last change" },
	{ CTRL('r'), CMD_REDO, NULL, "redo what was undone" },
	{ '/', CMD_SEARCH, "search", "search notes and values (any case)" },
	{ 'n', CMD_SEARCH_NEXT, NULL, "next (older) match" },
	{ 'N', CMD_SEARCH_PREV, NULL, "previous (newer) match" },
	{ 'f', CMD_FILTER, "filter", "show all, runs, sleep, check-ins, drinks, rest, plans" },
	{ ':', CMD_GOTO, "go to", "go to a typed day" },
	{ 'j', CMD_DOWN, NULL, "next (older) entry" },
	{ KEY_DOWN, CMD_DOWN, NULL, NULL },
	{ 'k', CMD_UP, NULL, "previous (newer) entry" },
	{ KEY_UP, CMD_UP, NULL, NULL },
	{ KEY_NPAGE, CMD_PGDN, NULL, "page down" },
	{ CTRL('f'), CMD_PGDN, NULL, NULL },
	{ KEY_PPAGE, CMD_PGUP, NULL, "page up" },
	{ CTRL('b'), CMD_PGUP, NULL, NULL },
	{ 'g', CMD_TOP, NULL, "newest entry" },
	{ KEY_HOME, CMD_TOP, NULL, NULL },
	{ 'G', CMD_BOTTOM, NULL, "oldest entry" },
	{ KEY_END, CMD_BOTTOM, NULL, NULL },
	{ 'E', CMD_EXPORT, "export", "export the journal as CSV, one kind or all" },
};
KEYMAP(ui_keys_history, "History", "History", history_keys);

static const struct ui_key plan_keys[] = {
	{ 'a', CMD_ADD_RUN, "add", "plan a run on the selected day" },
	{ 'd', CMD_DELETE, "delete", "delete the selected day's plans (asks first)" },
	{ KEY_DC, CMD_DELETE, NULL, NULL },
	{ 'u', CMD_UNDO, "undo", "undo the last change" },
	{ CTRL('r'), CMD_REDO, NULL, "redo what was undone" },
	{ 'j', CMD_DOWN, NULL, "select the next day" },
	{ KEY_DOWN, CMD_DOWN, NULL, NULL },
	{ 'k', CMD_UP, NULL, "select the previous day" },
	{ KEY_UP, CMD_UP, NULL, NULL },
};
KEYMAP(ui_keys_plan, "Plan", "Plan", plan_keys);

/* The selected day moves down a week's column and across the weeks. */
static const struct ui_key calendar_keys[] = {
	{ '\n', CMD_OPEN, "open", "open the selected day" },
	{ 'k', CMD_UP, NULL, "previous day" },
	{ KEY_UP, CMD_UP, NULL, NULL },
	{ 'j', CMD_DOWN, NULL, "next day" },
	{ KEY_DOWN, CMD_DOWN, NULL, NULL },
	{ 'h', CMD_LEFT, "week-", "previous week" },
	{ KEY_LEFT, CMD_LEFT, NULL, NULL },
	{ 'l', CMD_RIGHT, "week+", "next week" },
	{ KEY_RIGHT, CMD_RIGHT, NULL, NULL },
	{ '[', CMD_PREV, "year-", "the same day a year earlier" },
	{ KEY_PPAGE, CMD_PREV, NULL, NULL },
	{ ']', CMD_NEXT, "year+", "the same day a year later (today at most)" },
	{ KEY_NPAGE, CMD_NEXT, NULL, NULL },
	{ 't', CMD_TODAY, "today", "select today" },
	{ 'g', CMD_GOTO, "go to", "select a typed day: 2025-06-01, -30, fri" },
	{ ':', CMD_GOTO, NULL, NULL },
};
KEYMAP(ui_keys_calendar, "Calendar", "Calendar", calendar_keys);

static const struct ui_key shoes_keys[] = {
	{ 'j', CMD_DOWN, NULL, "next shoe" },
	{ KEY_DOWN, CMD_DOWN, NULL, NULL },
	{ 'k', CMD_UP, NULL, "previous shoe" },
	{ KEY_UP, CMD_UP, NULL, NULL },
};
KEYMAP(ui_keys_shoes, "Shoes", "Shoes", shoes_keys);

/* Moving and deleting inside a line of text, in forms and prompts. */
#define EDIT_KEYS \
	{ KEY_HOME, CMD_HOME, NULL, "cursor to the start" }, \
	{ CTRL('a'), CMD_HOME, NULL, NULL }, \
	{ KEY_END, CMD_END, NULL, "cursor to the end" }, \
	{ CTRL('e'), CMD_END, NULL, NULL }, \
	{ KEY_BACKSPACE, CMD_DELETE, NULL, "delete the character before the cursor" }, \
	{ 127, CMD_DELETE, NULL, NULL }, \
	{ CTRL('h'), CMD_DELETE, NULL, NULL }, \
	{ KEY_DC, CMD_DEL_FWD, NULL, "delete the character under the cursor" }, \
	{ CTRL('d'), CMD_DEL_FWD, NULL, NULL }, \
	{ CTRL('w'), CMD_DEL_WORD, NULL, "delete the word before the cursor" }, \
	{ CTRL('u'), CMD_DEL_START, NULL, "delete from the start to the cursor" }, \
	{ CTRL('k'), CMD_DEL_END, NULL, "delete from the cursor to the end" }

/*
 * A form: keys that are not bound here are typed into the current field
 * (a letter picks the choice starting with it, y and n answer a yes/no);
 * in a field typed into, every printable key is typed, q and Space too.
 */
static const struct ui_key form_keys[] = {
	{ '\n', CMD_OPEN, "save", "save (refused while a field is wrong)" },
	{ 27, CMD_BACK, "cancel", "cancel; nothing is saved" },
	{ '\t', CMD_DOWN, "next", "next field" },
	{ KEY_DOWN, CMD_DOWN, NULL, NULL },
	{ KEY_BTAB, CMD_UP, "prev", "previous field (from the first: the date)" },
	{ KEY_UP, CMD_UP, NULL, NULL },
	{ ' ', CMD_NEXT, NULL, "next choice (type, yes/no)" },
	{ KEY_LEFT, CMD_LEFT, NULL, "cursor left; in a choice, the previous one" },
	{ KEY_RIGHT, CMD_RIGHT, NULL, "cursor right; in a choice, the next one" },
	EDIT_KEYS,
};
KEYMAP(ui_keys_form, "form", "Forms", form_keys);

/* A one-line prompt on the message line: a day to go to, a search. */
static const struct ui_key prompt_keys[] = {
	{ '\n', CMD_OPEN, "go", "go (the day, the first match)" },
	{ 27, CMD_BACK, "cancel", "cancel" },
	{ KEY_LEFT, CMD_LEFT, NULL, "cursor left" },
	{ KEY_RIGHT, CMD_RIGHT, NULL, "cursor right" },
	EDIT_KEYS,
};
KEYMAP(ui_keys_prompt, "prompt", "Prompts", prompt_keys);

/* The Day screen's list of the day's entries, to delete or edit. */
static const struct ui_key pick_keys[] = {
	{ 'j', CMD_DOWN, NULL, "next entry" },
	{ KEY_DOWN, CMD_DOWN, NULL, NULL },
	{ 'k', CMD_UP, NULL, "previous entry" },
	{ KEY_UP, CMD_UP, NULL, NULL },
	{ ' ', CMD_MARK, "mark", "mark or unmark the entry" },
	{ 'D', CMD_DELETE, "delete", "delete the marked or selected entries (asks)" },
	{ KEY_DC, CMD_DELETE, NULL, NULL },
	{ 'd', CMD_DELETE, NULL, NULL },
	{ '\n', CMD_EDIT, "edit", "edit the selected entry" },
	{ 'e', CMD_EDIT, NULL, NULL },
	{ 27, CMD_BACK, "close", "close the list" },
	{ 'q', CMD_BACK, NULL, NULL },
};
KEYMAP(ui_keys_pick, "entries", "The day's entries", pick_keys);

/* The '?' list; any key not bound here closes it. */
static const struct ui_key help_keys[] = {
	{ 'j', CMD_DOWN, NULL, "scroll down; any other key closes the list" },
	{ KEY_DOWN, CMD_DOWN, NULL, NULL },
	{ ' ', CMD_DOWN, NULL, NULL },
	{ KEY_NPAGE, CMD_DOWN, NULL, NULL },
	{ 'k', CMD_UP, NULL, "scroll up" },
	{ KEY_UP, CMD_UP, NULL, NULL },
	{ KEY_PPAGE, CMD_UP, NULL, NULL },
};
KEYMAP(ui_keys_help, "help", "The key list", help_keys);

static const struct ui_key confirm_keys[] = {
	{ 'y', CMD_OPEN, "yes", "yes, do it" },
	{ 'n', CMD_BACK, "no", "no, keep it" },
	{ 27, CMD_BACK, NULL, NULL },
	{ 'q', CMD_BACK, NULL, NULL },
};
KEYMAP(ui_keys_confirm, "question", "Questions", confirm_keys);

const struct ui_keymap *const ui_keymaps[] = {
	&ui_keys_global, &ui_keys_day, &ui_keys_week, &ui_keys_trends,
	&ui_keys_flags, &ui_keys_history, &ui_keys_plan,
	&ui_keys_calendar, &ui_keys_shoes,
	&ui_keys_form, &ui_keys_prompt,
	&ui_keys_pick, &ui_keys_help, &ui_keys_confirm, NULL,
};

static enum ui_cmd
find(const struct ui_keymap *km, int key)
{
	size_t i;

	for (i = 0; km != NULL && i < km->n; i++)
		if (km->keys[i].key == key)
			return km->keys[i].cmd;
	return CMD_NONE;
}

enum ui_cmd
ui_key_find(const struct ui_keymap *km, int key)
{
	if (key == '\r' || key == KEY_ENTER)
		key = '\n';
	return find(km, key);
}

enum ui_cmd
ui_key_lookup(const struct ui_keymap *km, int key)
{
	enum ui_cmd c;

	if (key == '\r' || key == KEY_ENTER)
		key = '\n';
	if ((c = find(km, key)) != CMD_NONE)
		return c;
	return find(&ui_keys_global, key);
}

const char *
ui_key_name(int key, char *out, size_t n)
{
	static const struct { int key; const char *name; } names[] = {
		{ KEY_LEFT, "Left" }, { KEY_RIGHT, "Right" }, { KEY_UP, "Up" },
		{ KEY_DOWN, "Down" }, { KEY_NPAGE, "PgDn" }, { KEY_PPAGE, "PgUp" },
		{ KEY_HOME, "Home" }, { KEY_END, "End" }, { KEY_DC, "Delete" },
		{ KEY_BTAB, "Shift-Tab" }, { KEY_BACKSPACE, "Backspace" },
		{ '\n', "Enter" }, { '\t', "Tab" }, { 27, "Esc" }, { ' ', "Space" },
		{ 127, "Backspace" },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key) {
			snprintf(out, n, "%s", names[i].name);
			return out;
		}
	if (key >= 1 && key < 27)
		snprintf(out, n, "Ctrl-%c", 'A' + key - 1);
	else if (key > 32 && key < 127)
		snprintf(out, n, "%c", key);
	else
		snprintf(out, n, "key %d", key);
	return out;
}

/* 1 when the space-separated list holds word. */
static int
has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p = list;

	while ((p = strstr(p, word)) != NULL) {
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

size_t
ui_key_rows(const struct ui_keymap *km, struct ui_key_row *rows, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < km->n && n < max; i++) {
		char *keys = rows[n].keys, name[16];
		size_t cap = sizeof rows[n].keys;

		if (km->keys[i].help == NULL)
			continue;
		keys[0] = '\0';
		for (j = 0; j < km->n; j++) {
			if (km->keys[j].cmd != km->keys[i].cmd)
				continue;
			if (j != i && km->keys[j].help != NULL)
				continue;   /* another binding with its own line */
			ui_key_name(km->keys[j].key, name, sizeof name);
			if (has_word(keys, name))
				continue;   /* two codes of one key: Backspace */
			if (keys[0] != '\0')
				strncat(keys, " ", cap - strlen(keys) - 1);
			strncat(keys, name, cap - strlen(keys) - 1);
		}
		rows[n++].help = km->keys[i].help;
	}
	return n;
}

size_t
ui_key_help_lines(const struct ui_keymap *km, char lines[][96], size_t max)
{
	struct ui_key_row rows[64];
	size_t i, n = ui_key_rows(km, rows, max < 64 ? max : 64);

	for (i = 0; i < n; i++)
		snprintf(lines[i], 96, "%-14.47s %.47s", rows[i].keys, rows[i].help);
	return n;
}
