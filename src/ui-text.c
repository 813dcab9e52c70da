/*
 * ui-text: measuring and drawing text by display width, not bytes. Text is
 * UTF-8 when the locale says so; otherwise bars fall back to ASCII. Every
 * string from the database goes through ui_clean() before it is drawn.
 */
#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui-text.h"
#include "util.h"

static int utf8;

void
ui_text_init(void)
{
	const char *cs = nl_langinfo(CODESET);

	utf8 = cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int
ui_text_utf8(void)
{
	return utf8;
}

void
ui_text_force_ascii(int ascii)
{
	if (ascii)
		utf8 = 0;
	else
		ui_text_init();
}

/* Width and length of the character at s; an invalid byte is one column. */
static int
char_step(const char *s, size_t *len)
{
	mbstate_t ps;
	wchar_t wc;
	size_t r;
	int w;

	if ((unsigned char)*s < 0x80) {
		*len = 1;
		return 1;
	}
	memset(&ps, 0, sizeof ps);
	r = mbrtowc(&wc, s, MB_CUR_MAX, &ps);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		*len = 1;
		return 1;
	}
	*len = r;
	w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

int
ui_text_width(const char *s)
{
	size_t len;
	int w = 0;

	while (*s != '\0') {
		w += char_step(s, &len);
		s += len;
	}
	return w;
}

size_t
ui_text_fit(const char *s, int width)
{
	const char *p = s;
	size_t len;
	int w;

	while (*p != '\0') {
		w = char_step(p, &len);
		if (w > width)
			break;
		width -= w;
		p += len;
	}
	return (size_t)(p - s);
}

int
ui_put(WINDOW *w, int y, int x, int width, enum ui_role role, const char *s)
{
	int maxy, maxx;
	size_t n;

	getmaxyx(w, maxy, maxx);
	if (y < 0 || y >= maxy || x < 0 || x >= maxx || width <= 0)
		return 0;
	if (width > maxx - x)
		width = maxx - x;
	n = ui_text_fit(s, width);
	wattrset(w, ui_attr(role));
	mvwaddnstr(w, y, x, s, (int)n);
	wattrset(w, A_NORMAL);
	{
		char tmp[2048];
		size_t m = n < sizeof tmp - 1 ? n : sizeof tmp - 1;
		memcpy(tmp, s, m);
		tmp[m] = '\0';
		return ui_text_width(tmp);
	}
}

int
ui_putf(WINDOW *w, int y, int x, int width, enum ui_role role,
    const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	return ui_put(w, y, x, width, role, line);
}

char *
ui_bar(double frac, int width, char *out, size_t n)
{
	static const char *eighths[] = { "", "\u258f", "\u258e", "\u258d",
	    "\u258c", "\u258b", "\u258a", "\u2589" };
	struct buf b;
	int i, full, part;

	if (frac < 0)
		frac = 0;
	if (frac > 1)
		frac = 1;
	if (width < 0)
		width = 0;
	buf_init(&b);
	if (utf8) {
		int units = (int)(frac * width * 8 + 0.5);
		full = units / 8;
		part = units % 8;
		for (i = 0; i < full; i++)
			buf_adds(&b, "\u2588");
		if (part > 0 && full < width) {
			buf_adds(&b, eighths[part]);
			full++;
		}
		for (i = full; i < width; i++)
			buf_adds(&b, "\u00b7");
	} else {
		full = (int)(frac * width + 0.5);
		for (i = 0; i < width; i++)
			buf_addc(&b, i < full ? '#' : '.');
	}
	snprintf(out, n, "%s", b.data != NULL ? b.data : "");
	buf_free(&b);
	return out;
}

char *
ui_clean(const char *s, char *out, size_t n)
{
	if (n == 0)
		return out;
	if (s == NULL)
		s = "";
	snprintf(out, n, "%s", s);
	/* When the text was cut, do not leave half a UTF-8 character. */
	if (strlen(s) >= n) {
		size_t end = strlen(out), lead = end, need;
		unsigned char c;

		while (lead > 0 && ((unsigned char)out[lead - 1] & 0xc0) == 0x80)
			lead--;
		if (lead > 0 && (c = (unsigned char)out[lead - 1]) >= 0xc0) {
			need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
			if (end - (lead - 1) < need)
				out[lead - 1] = '\0';
		}
	}
	text_sanitize(out);
	return out;
}

int
ui_put_cut(WINDOW *w, int y, int x, int width, enum ui_role role,
    const char *s)
{
	const char *ell = ui_text_utf8() ? "\u2026" : "...";
	int ew = ui_text_width(ell), used;
	size_t fit;
	char *tmp;

	if (width <= 0 || ui_text_width(s) <= width)
		return ui_put(w, y, x, width, role, s);
	if (width <= ew)
		return ui_put(w, y, x, width, role, ell);
	fit = ui_text_fit(s, width - ew);
	tmp = xmalloc(fit + strlen(ell) + 1);
	memcpy(tmp, s, fit);
	strcpy(tmp + fit, ell);
	used = ui_put(w, y, x, width, role, tmp);
	free(tmp);
	return used;
}

size_t
ui_wrap(const char *s, int width, size_t max, size_t *starts,
    size_t *lens)
{
	size_t n = 0, off = 0;

	if (width < 1)
		width = 1;
	while (s[off] != '\0' && n < max) {
		size_t fit = ui_text_fit(s + off, width), cut = fit;

		if (s[off + fit] != '\0') {
			while (cut > 0 && s[off + cut] != ' ')
				cut--;
			if (cut == 0)
				cut = fit > 0 ? fit : 1;
		}
		starts[n] = off;
		lens[n++] = cut;
		off += cut;
		while (s[off] == ' ')
			off++;
	}
	return n;
}

int
ui_put_wrapped(WINDOW *w, int y, int x, int width, int maxlines,
    enum ui_role role, const char *s)
{
	size_t starts[16], lens[16], n, i;
	char line[1024];

	if (maxlines > 16)
		maxlines = 16;
	if (maxlines < 1)
		return 0;
	n = ui_wrap(s, width, (size_t)maxlines, starts, lens);
	for (i = 0; i < n; i++) {
		size_t m = lens[i] < sizeof line - 1 ? lens[i] : sizeof line - 1;

		memcpy(line, s + starts[i], m);
		line[m] = '\0';
		/* The last line holds the rest, cut with an ellipsis. */
		if (i + 1 == n && s[starts[i] + lens[i]] != '\0')
			ui_put_cut(w, y + (int)i, x, width, role, s + starts[i]);
		else
			ui_put(w, y + (int)i, x, width, role, line);
	}
	return (int)n;
}

/* The start of the character before byte pos of s. */
static size_t
char_before(const char *s, size_t pos)
{
	while (pos > 0) {
		pos--;
		if (((unsigned char)s[pos] & 0xc0) != 0x80)
			break;
	}
	return pos;
}

/* The byte after the character at pos. */
static size_t
char_after(const char *s, size_t pos)
{
	if (s[pos] == '\0')
		return pos;
	pos++;
	while (((unsigned char)s[pos] & 0xc0) == 0x80)
		pos++;
	return pos;
}

/* Removes bytes [from, to) of s. */
static void
cut_range(char *s, size_t from, size_t to)
{
	memmove(s + from, s + to, strlen(s + to) + 1);
}

int
ui_line_edit(char *buf, size_t cap, size_t *pos, enum ui_cmd cmd, int key)
{
	size_t len = strlen(buf), p = *pos > len ? len : *pos, q;

	switch (cmd) {
	case CMD_LEFT:
		*pos = char_before(buf, p);
		return UI_LINE_MOVED;
	case CMD_RIGHT:
		*pos = char_after(buf, p);
		return UI_LINE_MOVED;
	case CMD_HOME:
		*pos = 0;
		return UI_LINE_MOVED;
	case CMD_END:
		*pos = len;
		return UI_LINE_MOVED;
	case CMD_DELETE:                 /* Backspace */
		if (p == 0)
			return UI_LINE_MOVED;
		q = char_before(buf, p);
		cut_range(buf, q, p);
		*pos = q;
		return UI_LINE_CHANGED;
	case CMD_DEL_FWD:
		cut_range(buf, p, char_after(buf, p));
		*pos = p;
		return UI_LINE_CHANGED;
	case CMD_DEL_WORD:
		q = p;
		while (q > 0 && buf[q - 1] == ' ')
			q--;
		while (q > 0 && buf[q - 1] != ' ')
			q--;
		cut_range(buf, q, p);
		*pos = q;
		return UI_LINE_CHANGED;
	case CMD_DEL_START:
		cut_range(buf, 0, p);
		*pos = 0;
		return UI_LINE_CHANGED;
	case CMD_DEL_END:
		buf[p] = '\0';
		*pos = p;
		return UI_LINE_CHANGED;
	case CMD_NONE:
		if (key < 0x20 || key >= 0x100 || key == 0x7f)
			return UI_LINE_NONE;
		if (len + 1 >= cap) {
			*pos = p;
			return UI_LINE_MOVED;    /* full: nothing more fits */
		}
		memmove(buf + p + 1, buf + p, len - p + 1);
		buf[p] = (char)key;
		*pos = p + 1;
		return UI_LINE_CHANGED;
	default:
		return UI_LINE_NONE;
	}
}

int
ui_line_window(const char *buf, size_t pos, int width, size_t *first)
{
	size_t start = 0;
	char tmp[4096];
	size_t n = pos < sizeof tmp - 1 ? pos : sizeof tmp - 1;

	if (width < 2)
		width = 2;
	memcpy(tmp, buf, n);
	tmp[n] = '\0';
	/* Scroll so that the cursor stays inside the box. */
	while (ui_text_width(tmp + start) > width - 1 && tmp[start] != '\0')
		start = char_after(tmp, start);
	*first = start;
	return ui_text_width(tmp + start);
}
