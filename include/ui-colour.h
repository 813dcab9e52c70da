/*
 * ui-colour: colour roles mapped to curses pairs in one place, with a
 * monochrome fallback. A word or symbol always goes with a colour.
 */
#ifndef RUNLOG_UI_COLOUR_H
#define RUNLOG_UI_COLOUR_H

#include <curses.h>

enum ui_role {
	ROLE_NORMAL, ROLE_ALERT, ROLE_WARNING, ROLE_NOTE, ROLE_GOOD, ROLE_DIM,
	ROLE_HEADER, ROLE_TAB, ROLE_SELECTED, ROLE_COUNT
};

/* Decides colour (off when NO_COLOR is set and not empty, or the terminal
 * has none) and sets up the pairs; call after the screen exists. */
void   ui_colour_init(void);
int    ui_colour_enabled(void);
attr_t ui_attr(enum ui_role role);

#endif
