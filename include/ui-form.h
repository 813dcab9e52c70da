/*
 * ui-form: one entry (or the export) as a form of fields. Each form is a
 * table of fields (ui-form.c) naming the entry descriptor field it edits,
 * so opening, checking and saving are loops over the table. The form is
 * an overlay the loop owns; its insides are private to ui-form.c, and
 * what tests need to see comes through the functions below.
 */
#ifndef RUNLOG_UI_FORM_H
#define RUNLOG_UI_FORM_H

#include <stddef.h>
#include <stdint.h>
#include <curses.h>

struct ui;
struct ui_form;

enum form_kind { FORM_RUN, FORM_SLEEP, FORM_DRINK, FORM_CHECKIN, FORM_EXPORT,
	FORM_PLAN, FORM_KIND_COUNT };
enum field_kind {
	FK_DISTANCE, FK_DURATION, FK_HOURS, FK_VOLUME, FK_MASS, FK_INT,
	FK_CHOICE, FK_YESNO, FK_TEXT, FK_PATH, FK_DATE
};

#define FORM_FIELDS 14

/* Opens a form on ui (new when id == 0, else the entry is loaded). */
int  form_open(struct ui *ui, enum form_kind kind, int day, int64_t id);
/* Feeds one key; returns UI_* bits. Closes the form on save or cancel. */
int  form_key(struct ui *ui, int key);
void form_draw(const struct ui *ui, WINDOW *w);
/* Where the terminal cursor goes while the form is open. */
void form_cursor(const struct ui *ui, int *y, int *x);
/* The byte of the cursor in the current field, for tests. */
size_t form_pos(const struct ui_form *fm);
void form_free(struct ui_form *fm);

/* What the form holds, for tests and the loop. */
enum form_kind form_kind(const struct ui_form *fm);
int  form_nfields(const struct ui_form *fm);
int  form_current(const struct ui_form *fm);
/* Why the last save was refused; "" when it was not. */
const char *form_error(const struct ui_form *fm);
/* Field i: what is typed, what is wrong with it ("" when nothing), its kind. */
const char *form_text(const struct ui_form *fm, int i);
const char *form_field_error(const struct ui_form *fm, int i);
enum field_kind form_field_kind(const struct ui_form *fm, int i);
const char *form_field_label(const struct ui_form *fm, int i);
int  form_field_required(const struct ui_form *fm, int i);

#endif
