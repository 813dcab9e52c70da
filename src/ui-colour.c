/*
 * ui-colour: colour roles mapped to curses pairs in one place. Colour only
 * strengthens what a word or symbol already says (the severity name, "!",
 * the brackets of the current tab), so the monochrome attributes below are
 * a complete fallback. NO_COLOR set and not empty turns colour off.
 */
#include <stdlib.h>

#include "ui-colour.h"

struct role_style {
	short  fg;
	attr_t colour_attr;      /* with colour */
	attr_t mono_attr;        /* without */
};

static const struct role_style styles[ROLE_COUNT] = {
	[ROLE_NORMAL]   = { -1,            A_NORMAL, A_NORMAL },
	[ROLE_ALERT]    = { COLOR_RED,     A_BOLD,   A_BOLD | A_UNDERLINE },
	[ROLE_WARNING]  = { COLOR_YELLOW,  A_BOLD,   A_BOLD },
	[ROLE_NOTE]     = { COLOR_CYAN,    A_NORMAL, A_NORMAL },
	[ROLE_GOOD]     = { COLOR_GREEN,   A_NORMAL, A_NORMAL },
	[ROLE_DIM]      = { -1,            A_DIM,    A_DIM },
	[ROLE_HEADER]   = { COLOR_CYAN,    A_BOLD,   A_BOLD },
	[ROLE_TAB]      = { -1,            A_REVERSE | A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_SELECTED] = { -1,            A_REVERSE, A_REVERSE },
};

static int enabled;

void
ui_colour_init(void)
{
	const char *nc = getenv("NO_COLOR");
	int r;

	enabled = 0;
	if (nc != NULL && *nc != '\0')
		return;
	if (!has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	for (r = 1; r < ROLE_COUNT; r++)
		if (styles[r].fg >= 0)
			init_pair((short)r, styles[r].fg, -1);
	enabled = 1;
}

int
ui_colour_enabled(void)
{
	return enabled;
}

attr_t
ui_attr(enum ui_role role)
{
	if ((unsigned)role >= ROLE_COUNT)
		role = ROLE_NORMAL;
	if (!enabled)
		return styles[role].mono_attr;
	if (styles[role].fg >= 0)
		return styles[role].colour_attr | COLOR_PAIR((int)role);
	return styles[role].colour_attr;
}
