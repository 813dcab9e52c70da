/*
 * The fixture of the in-process screen tests: a journal in a temporary
 * directory, a curses screen on /dev/null, and the UI on its Day screen,
 * with today, the time zone and the terminal pinned.
 */
#ifndef RUNLOG_UITEST_H
#define RUNLOG_UITEST_H

#include <locale.h>

#include "testutil.h"

#include "config.h"
#include "store.h"
#include "ui.h"
#include "util.h"

struct fx {
	char               *dir;
	char               *path;
	struct store       *st;
	struct config       cfg;
	struct ui_offscreen off;
	struct ui          *ui;
};

/* Opens the fixture; fill (may be NULL) puts entries in the journal first. */
static inline struct fx *
fx_open(void (*fill)(struct store *))
{
	struct fx *f = calloc(1, sizeof *f);

	setenv("RUNLOG_TODAY", "2026-11-25", 1);
	setenv("TZ", "UTC", 1);
	setenv("TERM", "xterm-256color", 1);
	unsetenv("NO_COLOR");
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	f->dir = test_tmpdir();
	f->path = xasprintf("%s/journal.db", f->dir);
	if (store_open(f->path, &f->st) != 0)
		goto fail;
	if (fill != NULL)
		fill(f->st);
	config_defaults(&f->cfg);
	if (ui_offscreen_open(&f->off, 24, 80) != 0)
		goto fail;
	f->ui = xcalloc(1, sizeof *f->ui);
	ui_init(f->ui, f->st, &f->cfg);
	ui_resize(f->ui, 24, 80);
	ui_switch(f->ui, &day_screen);
	return f;
fail:
	fprintf(stderr, "%s\n", err_get());
	return NULL;
}

static inline int
fx_close(void **state)
{
	struct fx *f = *state;

	ui_free(f->ui);
	free(f->ui);
	ui_offscreen_close(&f->off);
	store_close(f->st);
	test_rmdir(f->dir);
	free(f->dir);
	free(f->path);
	free(f);
	return 0;
}

#endif
