/* util: allocation that never returns NULL, growable strings, messages. */
#ifndef RUNLOG_UTIL_H
#define RUNLOG_UTIL_H

#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable, always NUL-terminated byte string. */
struct buf {
	char   *data;
	size_t  len;
	size_t  cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_clear(struct buf *b);

/*
 * The last error message of a library call, for the caller to print.
 * Lower layers never print; they set this and return -1.
 */
void err_set(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *err_get(void);
/*
 * Puts context before the current error: after err_set("no such file"),
 * err_prefix("import %s", path) leaves "import x.csv: no such file".
 */
void err_prefix(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Temporary files that must not outlive the process: removed at exit and
 * on INT, TERM, HUP, QUIT, PIPE, ALRM, USR1, USR2 and XFSZ (the signal is
 * then raised again with its default action). cleanup_remove() forgets a
 * path once it was renamed into place (do_unlink 0) or removed by hand.
 */
int  cleanup_add(const char *path);
void cleanup_remove(const char *path, int do_unlink);

/* The directory part of path ("." when there is none), allocated. */
char *path_dir(const char *path);
/* The part after the last '/'. */
const char *path_base(const char *path);

/*
 * Removes terminal escape sequences whole ("\033[31m", OSC titles) and
 * every other control character (C0, DEL, C1) in place; tabs and line
 * breaks become spaces. Valid UTF-8 text is kept.
 */
void text_sanitize(char *s);
/* 1 when s is valid UTF-8 (no overlong forms, surrogates or > U+10FFFF). */
int  text_utf8_valid(const char *s);
/*
 * A copy of s safe to print on a terminal: each control character (C0,
 * DEL, C1) and each byte that is not part of valid UTF-8 becomes '?', so
 * an echoed value can never move the cursor or change the colours.
 */
char *text_printable(const char *s);

/*
 * Everything runlog prints for a person (messages, reports, echoed values)
 * goes through these: the text passes text_printable()'s filter with line
 * breaks and tabs kept, so no byte from a journal, a file or the command
 * line can move the cursor or change the terminal. Data for files and
 * pipes (CSV) is written with stdio and keeps its bytes. 0 or -1 (EOF).
 */
int out_printf(FILE *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int out_vprintf(FILE *f, const char *fmt, va_list ap);
int out_puts(FILE *f, const char *s);
/* out_printf() on stdout. */
int outf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
