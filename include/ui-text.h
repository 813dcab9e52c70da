/*
 * ui-text: text measured by display width, not bytes, and drawn clipped to
 * a number of columns in a colour role.
 */
#ifndef RUNLOG_UI_TEXT_H
#define RUNLOG_UI_TEXT_H

#include <stddef.h>
#include <curses.h>

#include "ui-colour.h"

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

#endif
