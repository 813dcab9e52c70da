/*
 * cmd-screen: runlog screen NAME prints one screen of the journal UI as
 * plain text, drawn exactly as the UI draws it but without a terminal: for
 * scripts, for a quick look over ssh, and for measuring what a screen
 * costs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "ui.h"
#include "util.h"

enum { SO_DATE, SO_SIZE };
static const struct opt screen_opts[] = {
	{ "date", 0, OPT_DATE, NULL }, { "size", 0, OPT_VALUE, NULL },
	{ NULL, 0, 0, NULL },
};
static const struct cmd_arg screen_args[] = {
	{ "NAME", OPT_CHOICE, "day|week|trends|flags|history|plan|calendar|shoes", 0 },
	{ NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_screen_entry = {
	.name = "screen",
	.opts = screen_opts,
	.args = screen_args,
	.usage = "day|week|trends|flags|history|plan|calendar|shoes [--date D] [--size COLSxLINES]",
	.summary = "print one screen of the journal as text",
	.exec = cmd_screen,
};

int
cmd_screen(struct cli_ctx *ctx, int argc, char **argv)
{
	struct ui_offscreen off;
	struct optres o;
	struct store *st;
	struct ui *ui;
	struct buf text;
	int rc, i, cols = 80, lines = 24, day;
	const struct screen *s = NULL;
	char extra;

	if ((rc = cli_parse(ctx, argc, argv, screen_opts, &o)) != 0)
		return rc;
	if (o.npos != 1)
		return cli_usage("screen", "name one screen: day, week, trends, "
		    "flags, history, plan, calendar or shoes");
	for (i = 0; i < UI_SCREENS; i++)
		if (strcasecmp(o.pos[0], ui_screens[i]->name) == 0)
			s = ui_screens[i];
	if (s == NULL)
		return cli_usage("screen", "no screen '%.40s': day, week, trends, "
		    "flags, history, plan, calendar or shoes", o.pos[0]);
	if (OPTVAL(&o, SO_SIZE) != NULL &&
	    (sscanf(OPTVAL(&o, SO_SIZE), "%dx%d%c", &cols, &lines, &extra) != 2 ||
	    cols < 20 || cols > 500 || lines < 5 || lines > 200))
		return cli_usage("screen", "--size COLSxLINES, from 20x5 to "
		    "500x200");
	if (cli_date_opt(OPTVAL(&o, SO_DATE), &day) != 0)
		return 1;
	if ((st = cli_store_existing(ctx, 0)) == NULL)
		return 1;
	if (ui_offscreen_open(&off, lines, cols) != 0)
		return cli_fail("screen");
	ui = xcalloc(1, sizeof *ui);
	ui_init(ui, st, &ctx->cfg);
	ui->day = day;
	ui_resize(ui, lines, cols);
	ui_switch(ui, s);
	ui_draw(ui, stdscr);
	buf_init(&text);
	ui_screen_text(stdscr, lines, &text);
	ui_offscreen_close(&off);
	ui_free(ui);
	free(ui);
	out_puts(stdout, text.data != NULL ? text.data : "");
	buf_free(&text);
	return 0;
}
