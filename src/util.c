/* util: allocation wrappers, growable strings and the error message slot. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static void
oom(void)
{
	fputs("runlog: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

char *
xasprintf(const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	int n;

	buf_init(&b);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	b.data = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.data, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.data;
}

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

static void
buf_grow(struct buf *b, size_t extra)
{
	size_t want = b->len + extra + 1;

	if (want <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < want)
		b->cap *= 2;
	b->data = xrealloc(b->data, b->cap);
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

static char errmsg[1024];

void
err_set(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(errmsg, sizeof errmsg, fmt, ap);
	va_end(ap);
}

void
err_prefix(const char *fmt, ...)
{
	char ctx[512], old[sizeof errmsg];
	size_t n, m;
	va_list ap;

	memcpy(old, errmsg, sizeof old);
	va_start(ap, fmt);
	vsnprintf(ctx, sizeof ctx, fmt, ap);
	va_end(ap);
	/* The context whole, then as much of the old message as fits. */
	n = strlen(ctx);
	memcpy(errmsg, ctx, n);
	memcpy(errmsg + n, ": ", 2);
	n += 2;
	m = strnlen(old, sizeof old - 1);
	if (m > sizeof errmsg - 1 - n)
		m = sizeof errmsg - 1 - n;
	memcpy(errmsg + n, old, m);
	errmsg[n + m] = '\0';
}

const char *
err_get(void)
{
	return errmsg[0] != '\0' ? errmsg : "unknown error";
}

/*
 * Skips a terminal escape sequence starting at r (after ESC, or after the
 * C1 CSI byte when csi is set) and returns the first byte after it.
 */
static const unsigned char *
skip_escape(const unsigned char *r, int csi)
{
	if (!csi) {
		if (*r == '[') {
			csi = 1;
			r++;
		} else if (*r == ']' || *r == 'P' || *r == '_' || *r == '^') {
			/* OSC, DCS, APC, PM: up to BEL or ESC \ */
			for (r++; *r != '\0' && *r != 0x07; r++)
				if (r[0] == 0x1b && r[1] == '\\')
					return r + 2;
			return *r == 0x07 ? r + 1 : r;
		} else {
			/* ESC, intermediate bytes ("(" of "ESC ( B"), a final byte */
			while (*r >= 0x20 && *r <= 0x2f)
				r++;
			return *r >= 0x30 && *r < 0x7f ? r + 1 : r;
		}
	}
	/* CSI: parameter and intermediate bytes, then one final byte. */
	while (*r >= 0x20 && *r <= 0x3f)
		r++;
	return *r >= 0x40 && *r <= 0x7e ? r + 1 : r;
}

void
text_sanitize(char *s)
{
	const unsigned char *r = (const unsigned char *)s;
	unsigned char *w = (unsigned char *)s;

	if (s == NULL)
		return;
	/* Printable ASCII stays where it is: most text is only that. */
	while (*r >= 0x20 && *r < 0x7f)
		r++;
	w = (unsigned char *)s + (r - (const unsigned char *)s);
	while (*r != '\0') {
		if (*r == 0x1b) {
			r = skip_escape(r + 1, 0);   /* a whole escape sequence */
		} else if (r[0] == 0xc2 && r[1] == 0x9b) {
			r = skip_escape(r + 2, 1);   /* C1 CSI, UTF-8 encoded */
		} else if (*r < 0x20 || *r == 0x7f) {
			/* Tabs and line breaks become spaces; the rest goes. */
			if (*r == '\t' || *r == '\n' || *r == '\r')
				*w++ = ' ';
			r++;
		} else if (r[0] == 0xc2 && r[1] >= 0x80 && r[1] <= 0x9f) {
			r += 2; /* another C1 control, UTF-8 encoded */
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

/* The length of the valid UTF-8 sequence at s, or 0 when it is not one. */
static size_t
utf8_len(const unsigned char *s)
{
	unsigned c = s[0];
	size_t n, i;
	unsigned cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

int
text_utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	while (*p != '\0') {
		if (*p < 0x80) {        /* ASCII, the common case */
			p++;
			continue;
		}
		if ((n = utf8_len(p)) == 0)
			return 0;
		p += n;
	}
	return 1;
}

/*
 * The one filter of terminal text: each control character (C0, DEL, C1)
 * and each byte that is not part of valid UTF-8 becomes '?'. keep_lines
 * keeps line breaks and tabs, for whole reports.
 */
static char *
printable(const char *s, int keep_lines)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = xmalloc(strlen(s) + 1), *w = out;
	size_t n;

	while (*p != '\0') {
		n = utf8_len(p);
		if (keep_lines && (*p == '\n' || *p == '\t')) {
			*w++ = (char)*p++;
		} else if (n == 0 || *p < 0x20 || *p == 0x7f ||
		    (n == 2 && p[0] == 0xc2 && p[1] <= 0x9f)) {
			*w++ = '?';
			p += n ? n : 1;
		} else {
			memcpy(w, p, n);
			w += n;
			p += n;
		}
	}
	*w = '\0';
	return out;
}

char *
text_printable(const char *s)
{
	return printable(s, 0);
}

int
out_puts(FILE *f, const char *s)
{
	char *t = printable(s, 1);
	int rc = fputs(t, f);

	free(t);
	return rc < 0 ? -1 : 0;
}

int
out_vprintf(FILE *f, const char *fmt, va_list ap)
{
	va_list aq;
	char small[256], *big = NULL;
	int n, rc;

	va_copy(aq, ap);
	n = vsnprintf(small, sizeof small, fmt, aq);
	va_end(aq);
	if (n < 0)
		return -1;
	if ((size_t)n >= sizeof small) {
		big = xmalloc((size_t)n + 1);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
	}
	rc = out_puts(f, big != NULL ? big : small);
	free(big);
	return rc;
}

int
outf(const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = out_vprintf(stdout, fmt, ap);
	va_end(ap);
	return rc;
}

int
out_printf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = out_vprintf(f, fmt, ap);
	va_end(ap);
	return rc;
}

char *
path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xasprintf("%.*s", (int)(slash - path), path);
}

const char *
path_base(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* --- temporary files removed on every exit path ------------------------ */

#define CLEANUP_MAX 8

/* Written before the signal handler may run; read by it. */
static char *volatile cleanup_paths[CLEANUP_MAX];
static int cleanup_installed;

static void
cleanup_run(void)
{
	int i;

	for (i = 0; i < CLEANUP_MAX; i++) {
		char *p = cleanup_paths[i];
		if (p != NULL)
			unlink(p);
	}
}

static void
cleanup_signal(int sig)
{
	cleanup_run();
	signal(sig, SIG_DFL);
	raise(sig);
}

int
cleanup_add(const char *path)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE,
	    SIGALRM, SIGUSR1, SIGUSR2, SIGXFSZ };
	size_t k;
	int i;

	if (!cleanup_installed) {
		struct sigaction sa;

		memset(&sa, 0, sizeof sa);
		sa.sa_handler = cleanup_signal;
		sigemptyset(&sa.sa_mask);
		for (k = 0; k < sizeof sigs / sizeof sigs[0]; k++) {
			struct sigaction old;
			/* Leave alone what the caller already handles or ignores. */
			if (sigaction(sigs[k], NULL, &old) == 0 &&
			    old.sa_handler == SIG_DFL)
				sigaction(sigs[k], &sa, NULL);
		}
		atexit(cleanup_run);
		cleanup_installed = 1;
	}
	for (i = 0; i < CLEANUP_MAX; i++) {
		if (cleanup_paths[i] == NULL) {
			cleanup_paths[i] = xstrdup(path);
			return 0;
		}
	}
	err_set("too many temporary files at once");
	return -1;
}

void
cleanup_remove(const char *path, int do_unlink)
{
	int i;

	for (i = 0; i < CLEANUP_MAX; i++) {
		char *p = cleanup_paths[i];
		if (p != NULL && strcmp(p, path) == 0) {
			cleanup_paths[i] = NULL;
			if (do_unlink)
				unlink(p);
			free(p);
			return;
		}
	}
}
