/*
 * ui-term: whether the terminal can show the journal at all, asked of the
 * terminal description before curses takes the screen. A terminal that
 * cannot move the cursor (TERM=dumb, an editor's shell buffer) or one
 * smaller than the screens are laid out for would get a UI that draws
 * nothing usable; the caller prints why and points to the plain commands.
 * Kept apart from ui.c because term.h defines names such as 'lines'.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <curses.h>

#include "ui.h"

/* Last: term.h defines names such as 'lines' that ui.h uses. */
#include <term.h>

int
ui_term_usable(char *why, size_t n)
{
	const char *t = getenv("TERM");
	TERMINAL *was = cur_term;    /* curses may already hold one */
	struct winsize ws;
	char *cup;
	int err = 0, rows = -1, cols = -1;

	if (t == NULL || *t == '\0') {
		snprintf(why, n, "TERM is not set, so the terminal is unknown");
		return -1;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		set_curterm(was);
		snprintf(why, n, "the terminal type '%.40s' is unknown here", t);
		return -1;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		del_curterm(cur_term);
		set_curterm(was);
		snprintf(why, n, "the terminal type '%.40s' cannot move the "
		    "cursor", t);
		return -1;
	}
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) {
		rows = ws.ws_row;
		cols = ws.ws_col;
	} else {
		rows = tigetnum("lines");
		cols = tigetnum("cols");
	}
	del_curterm(cur_term);
	set_curterm(was);
	if (rows > 0 && cols > 0 && (rows < UI_MIN_LINES || cols < UI_MIN_COLS)) {
		snprintf(why, n, "the terminal is %dx%d, smaller than the %dx%d "
		    "the screens need", cols, rows, UI_MIN_COLS, UI_MIN_LINES);
		return -1;
	}
	return 0;
}
