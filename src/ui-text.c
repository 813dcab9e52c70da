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
