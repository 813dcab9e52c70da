/*
 * ui-text: text measured by display width, not bytes, and drawn clipped to
 * a number of columns in a colour role.
 */
#ifndef RUNLOG_UI_TEXT_H
#define RUNLOG_UI_TEXT_H

#include <stddef.h>
#include <curses.h>

#include "ui-colour.h"
#include "ui-keys.h"

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
/* The same, but text that does not fit ends in an ellipsis (… or ...). */
int  ui_put_cut(WINDOW *w, int y, int x, int width, enum ui_role role,
    const char *s);
/*
 * s cut into at most max lines of width columns, at spaces where it can:
 * line i is the lens[i] bytes from starts[i]. Returns the lines used.
 */
size_t ui_wrap(const char *s, int width, size_t max, size_t *starts,
    size_t *lens);
/* s wrapped over at most maxlines lines from y, x; the lines drawn. */
int  ui_put_wrapped(WINDOW *w, int y, int x, int width, int maxlines,
    enum ui_role role, const char *s);

/*
 * A line being typed (a form's field, a prompt): buf of cap bytes with the
 * cursor at byte *pos. cmd is what the key is bound to (CMD_LEFT, CMD_HOME,
 * CMD_DELETE ...), or CMD_NONE to type key itself. Characters are whole
 * UTF-8 sequences for moving and deleting.
 */
enum { UI_LINE_NONE, UI_LINE_MOVED, UI_LINE_CHANGED };
int  ui_line_edit(char *buf, size_t cap, size_t *pos, enum ui_cmd cmd,
    int key);
/* Where a box of width columns starts showing buf (*first, a byte) so the
 * cursor at pos is inside it; returns the cursor's column in the box. */
int  ui_line_window(const char *buf, size_t pos, int width, size_t *first);
/* A bar of width columns filled to frac (0..1): blocks, or '#' and '.'. */
char *ui_bar(double frac, int width, char *out, size_t n);
/* A copy of database text with control characters removed. */
char *ui_clean(const char *s, char *out, size_t n);

#endif
