/*
 * csv: the RFC 4180 writer, the record reader on top of libcsv, header
 * lookup by name and occurrence, and the number formats exporters use.
 *
 * The reader feeds libcsv in blocks and rebuilds each record in one
 * buffer. libcsv does not count lines, so the reader does: every record
 * terminator libcsv reports (it is asked to report all of them) and every
 * line feed inside a quoted field moves the count on, which is what a
 * text editor shows. Errors found by libcsv itself are placed by counting
 * the line feeds before the byte where it stopped.
 */
#include <csv.h>      /* libcsv; the project's own header is "csv.h" */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "util.h"

#define WRITE_BLOCK (256 * 1024)
#define READ_BLOCK  (64 * 1024)

/* --- writer ------------------------------------------------------------ */

void
csv_writer_init(struct csv_writer *w, FILE *f)
{
	memset(w, 0, sizeof *w);
	w->f = f;
	w->cap = WRITE_BLOCK + 4096;
	w->buf = xmalloc(w->cap);
}

static void
w_flush(struct csv_writer *w)
{
	if (w->len > 0 && !w->err && fwrite(w->buf, 1, w->len, w->f) != w->len) {
		w->err = errno ? errno : EIO;
	}
	w->len = 0;
}

static void
w_add(struct csv_writer *w, const char *s, size_t n)
{
	if (w->len + n > w->cap) {
		w_flush(w);
		if (n > w->cap) {
			w->cap = n;
			w->buf = xrealloc(w->buf, w->cap);
		}
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
	if (w->len >= WRITE_BLOCK)
		w_flush(w);
}

static void
w_sep(struct csv_writer *w)
{
	if (w->ncols++ > 0)
		w_add(w, ",", 1);
}

int
csv_text_needs_prefix(const char *s)
{
	/* Leading quotes are skipped so that a text that really starts with
	 * "'=" gets one more and the importer's undo is unambiguous. */
	while (*s == '\'')
		s++;
	return *s == '=' || *s == '+' || *s == '-' || *s == '@' ||
	    *s == '\t' || *s == '\r';
}

void
csv_text_restore(char *s)
{
	if (s[0] == '\'' && csv_text_needs_prefix(s))
		memmove(s, s + 1, strlen(s));
}

/* Writes s, quoted when it holds a separator, quote, line break or edge
 * space, with an optional leading '. */
static void
w_field(struct csv_writer *w, const char *s, int prefix)
{
	size_t n = strlen(s);
	int quote = prefix || strpbrk(s, ",\"\r\n") != NULL ||
	    (n > 0 && (s[0] == ' ' || s[n - 1] == ' '));
	const char *p, *q;

	w_sep(w);
	if (!quote) {
		w_add(w, s, n);
		return;
	}
	w_add(w, "\"", 1);
	if (prefix)
		w_add(w, "'", 1);
	for (p = s; (q = strchr(p, '"')) != NULL; p = q + 1) {
		w_add(w, p, (size_t)(q - p) + 1);
		w_add(w, "\"", 1);
	}
	w_add(w, p, strlen(p));
	w_add(w, "\"", 1);
}

void
csv_put_text(struct csv_writer *w, const char *s)
{
	if (s == NULL) {
		csv_put_empty(w);
		return;
	}
	w_field(w, s, csv_text_needs_prefix(s));
}

void
csv_put_value(struct csv_writer *w, const char *s)
{
	w_field(w, s != NULL ? s : "", 0);
}

/* Digits of v into the end of out; returns the start. */
static char *
fmt_u64(uint64_t v, char *end)
{
	*--end = '\0';
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	return end;
}

void
csv_put_int(struct csv_writer *w, int64_t v)
{
	char tmp[24], *p;

	p = fmt_u64(v < 0 ? -(uint64_t)v : (uint64_t)v, tmp + sizeof tmp);
	if (v < 0)
		*--p = '-';
	w_sep(w);
	w_add(w, p, strlen(p));
}

void
csv_put_fixed(struct csv_writer *w, int64_t scaled, int decimals)
{
	char tmp[48], *p;
	uint64_t u = scaled < 0 ? -(uint64_t)scaled : (uint64_t)scaled, div = 1;
	int i;

	for (i = 0; i < decimals; i++)
		div *= 10;
	p = tmp + sizeof tmp;
	*--p = '\0';
	if (decimals > 0) {
		uint64_t frac = u % div;
		for (i = 0; i < decimals; i++) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	{
		char ip[24], *s = fmt_u64(u / div, ip + sizeof ip);
		size_t n = strlen(s);
		p -= n;
		memcpy(p, s, n);
	}
	if (scaled < 0)
		*--p = '-';
	w_sep(w);
	w_add(w, p, strlen(p));
}

void
csv_put_empty(struct csv_writer *w)
{
	w_sep(w);
}

void
csv_end_row(struct csv_writer *w)
{
	w_add(w, "\r\n", 2);
	w->ncols = 0;
}

int
csv_writer_finish(struct csv_writer *w)
{
	int err;

	w_flush(w);
	if (!w->err && fflush(w->f) != 0)
		w->err = errno ? errno : EIO;
	err = w->err;
	free(w->buf);
	w->buf = NULL;
	w->len = w->cap = 0;
	if (err) {
		err_set("cannot write: %s", strerror(err));
		return -1;
	}
	return 0;
}

/* --- reader ------------------------------------------------------------ */

struct reader {
	csv_record_fn fn;
	void   *arg;
	char   *data;           /* the current record's fields, NUL-separated */
	size_t  len, cap;
	size_t *off;            /* start of each field in data */
	size_t  n, offcap;
	char  **ptr;
	size_t  ptrcap;
	long    line;           /* the line the parser is on */
	long    rec_line;       /* the line the current record started on */
	int     after_cr;       /* the last terminator was a CR */
	int     stop;           /* 1 quiet stop, -1 error: ignore the rest */
};

/* libcsv grows a field through this; past the bound it gets no memory. */
static void *
bounded_realloc(void *p, size_t n)
{
	if (n > CSV_FIELD_MAX + 1)
		return NULL;
	return realloc(p, n);
}

static void
on_field(void *s, size_t n, void *arg)
{
	struct reader *r = arg;
	const char *f = s != NULL ? s : "";
	const char *nl;

	if (r->stop)
		return;
	r->after_cr = 0;
	if (r->n == 0)
		r->rec_line = r->line;
	if (r->n >= CSV_FIELDS_MAX) {
		err_set("line %ld: more than %d fields; not a file runlog reads",
		    r->rec_line, CSV_FIELDS_MAX);
		r->stop = -1;
		return;
	}
	if (r->len + n + 1 > CSV_RECORD_MAX) {
		err_set("line %ld: a record longer than %u bytes; not a file "
		    "runlog reads", r->rec_line, CSV_RECORD_MAX);
		r->stop = -1;
		return;
	}
	if (r->len + n + 1 > r->cap) {
		while (r->len + n + 1 > r->cap)
			r->cap = r->cap ? r->cap * 2 : 4096;
		r->data = xrealloc(r->data, r->cap);
	}
	if (r->n == r->offcap) {
		r->offcap = r->offcap ? r->offcap * 2 : 64;
		r->off = xrealloc(r->off, r->offcap * sizeof *r->off);
	}
	r->off[r->n++] = r->len;
	memcpy(r->data + r->len, f, n);
	r->len += n;
	r->data[r->len++] = '\0';
	/* Line breaks inside a quoted field. */
	for (nl = memchr(f, '\n', n); nl != NULL;
	    nl = memchr(nl + 1, '\n', n - (size_t)(nl + 1 - f)))
		r->line++;
}

static void
on_record(int c, void *arg)
{
	struct reader *r = arg;
	struct csv_record rec;
	size_t i;
	int rc;

	if (c == '\n') {
		if (!r->after_cr)
			r->line++;
		r->after_cr = 0;
	} else if (c == '\r') {
		r->line++;
		r->after_cr = 1;
	} else {
		r->after_cr = 0;
	}
	if (r->stop || r->n == 0)
		goto done;
	/* A line holding nothing at all is a blank line, not a record. */
	if (r->n == 1 && r->data[0] == '\0')
		goto done;
	if (r->n > r->ptrcap) {
		r->ptrcap = r->n;
		r->ptr = xrealloc(r->ptr, r->ptrcap * sizeof *r->ptr);
	}
	for (i = 0; i < r->n; i++)
		r->ptr[i] = r->data + r->off[i];
	rec.line = r->rec_line;
	rec.n = r->n;
	rec.field = r->ptr;
	rc = r->fn(&rec, r->arg);
	if (rc != 0)
		r->stop = rc < 0 ? -1 : 1;
done:
	r->n = 0;
	r->len = 0;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static long
count_lf(const char *s, size_t n)
{
	long k = 0;
	const char *p = s, *end = s + n;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

/* Where the reader's bytes come from: head first, then rest. */
struct source {
	const unsigned char *head;
	size_t               len, pos;
	FILE                *rest;     /* NULL: head is all there is */
};

static size_t
source_read(struct source *src, char *buf, size_t n)
{
	size_t k = 0;

	if (src->pos < src->len) {
		k = src->len - src->pos < n ? src->len - src->pos : n;
		memcpy(buf, src->head + src->pos, k);
		src->pos += k;
		return k;
	}
	return src->rest != NULL ? fread(buf, 1, n, src->rest) : 0;
}

/*
 * The reader proper. fini 0 leaves a record that is still open at the end
 * unreported (a header peeked at from the first bytes only).
 */
static int
read_source(struct source *src, int fini, csv_record_fn fn, void *arg)
{
	struct csv_parser p;
	struct reader r;
	char *block = xmalloc(READ_BLOCK);
	long lines_before = 0;   /* line feeds in the blocks already parsed */
	int first = 1, rc = 0;
	size_t n;

	memset(&r, 0, sizeof r);
	r.fn = fn;
	r.arg = arg;
	r.line = r.rec_line = 1;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL |
	    CSV_REPALL_NL) != 0) {
		free(block);
		err_set("out of memory");
		return -1;
	}
	csv_set_space_func(&p, no_space);     /* spaces are data */
	csv_set_realloc_func(&p, bounded_realloc);
	csv_set_blk_size(&p, 4096);

	while ((n = source_read(src, block, READ_BLOCK)) > 0) {
		char *s = block;
		size_t len = n, done;

		if (first) {
			first = 0;
			if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
				s += 3;   /* a byte-order mark */
				len -= 3;
			}
		}
		if (memchr(s, '\0', len) != NULL) {
			size_t at = (size_t)((char *)memchr(s, '\0', len) - s);
			err_set("line %ld: binary data (a NUL byte); not a CSV file",
			    1 + lines_before + count_lf(s, at));
			rc = -1;
			break;
		}
		done = csv_parse(&p, s, len, on_field, on_record, &r);
		if (r.stop)
			break;
		if (done != len) {
			long line = 1 + lines_before + count_lf(s, done);
			if (csv_error(&p) == CSV_EPARSE)
				err_set("line %ld: a quote in the wrong place (a "
				    "field must be quoted whole, with inner quotes "
				    "doubled)", line);
			else
				err_set("line %ld: a field longer than %u bytes; not "
				    "a file runlog reads", line, CSV_FIELD_MAX);
			rc = -1;
			break;
		}
		lines_before += count_lf(s, len);
	}
	if (rc == 0 && !r.stop && src->rest != NULL && ferror(src->rest)) {
		err_set("cannot read: %s", strerror(errno));
		rc = -1;
	}
	if (rc == 0 && !r.stop && fini &&
	    csv_fini(&p, on_field, on_record, &r) != 0) {
		err_set("line %ld: a quoted field is never closed", r.line);
		rc = -1;
	}
	if (rc == 0 && r.stop < 0)
		rc = -1;
	csv_free(&p);
	free(block);
	free(r.data);
	free(r.off);
	free(r.ptr);
	return rc;
}

int
csv_read(FILE *f, csv_record_fn fn, void *arg)
{
	struct source src = { NULL, 0, 0, f };

	return read_source(&src, 1, fn, arg);
}

int
csv_read_after(const void *head, size_t len, FILE *rest, csv_record_fn fn,
    void *arg)
{
	struct source src = { head, len, 0, rest };

	return read_source(&src, 1, fn, arg);
}

static int
take_header(const struct csv_record *rec, void *arg)
{
	csv_header_init(arg, rec);
	return 1;
}

int
csv_peek_header(const void *head, size_t len, int whole,
    struct csv_header *h)
{
	struct source src = { head, len, 0, NULL };

	memset(h, 0, sizeof *h);
	if (read_source(&src, whole, take_header, h) != 0) {
		csv_header_free(h);
		return -1;
	}
	return h->name != NULL;
}

/* --- bad rows ----------------------------------------------------------- */

/* The value as a message shows it: cut, and without control characters. */
static void
shown_value(char *out, size_t size, const char *val)
{
	snprintf(out, size, "%s", val != NULL ? val : "");
	if (strlen(val != NULL ? val : "") >= size)
		memcpy(out + size - 4, "...", 4);
	csv_clean_text(out, 0, size - 1);
}

static void
vbad(long line, const char *col, const char *val, const char *fmt, va_list ap)
{
	char why[512], shown[48];

	vsnprintf(why, sizeof why, fmt, ap);
	if (col == NULL) {
		err_set("line %ld: %s", line, why);
		return;
	}
	shown_value(shown, sizeof shown, val);
	err_set("line %ld, column %s: '%s': %s", line, col, shown, why);
}

int
csv_bad(const struct csv_record *rec, const char *col, const char *val,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vbad(rec->line, col, val, fmt, ap);
	va_end(ap);
	return -1;
}

int
csv_bad_line(long line, const char *col, const char *val, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vbad(line, col, val, fmt, ap);
	va_end(ap);
	return -1;
}

int
csv_bad_here(long line, const char *col, const char *val)
{
	char shown[48];

	if (col == NULL) {
		err_prefix("line %ld", line);
		return -1;
	}
	shown_value(shown, sizeof shown, val);
	err_prefix("line %ld, column %s: '%s'", line, col, shown);
	return -1;
}

void
csv_clean_text(char *s, int keep_breaks, size_t max)
{
	unsigned char *r = (unsigned char *)s, *w = (unsigned char *)s;
	size_t n;

	if (s == NULL)
		return;
	if (!keep_breaks) {
		text_sanitize(s);
	} else {
		while (*r != '\0') {
			if ((*r < 0x20 && *r != '\t' && *r != '\n' && *r != '\r') ||
			    *r == 0x7f)
				r++;
			else if (r[0] == 0xc2 && r[1] >= 0x80 && r[1] <= 0x9f)
				r += 2;
			else
				*w++ = *r++;
		}
		*w = '\0';
	}
	n = strlen(s);
	if (n > max) {
		/* Back up to the start of a UTF-8 sequence. */
		while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
			max--;
		s[max] = '\0';
	}
}

/* --- header and values ------------------------------------------------- */

void
csv_strip_html(char *s)
{
	char *r = s, *w = s, *start;
	int in_tag = 0;

	for (; *r != '\0'; r++) {
		if (*r == '<' && strchr(r, '>') != NULL)
			in_tag = 1;
		else if (in_tag && *r == '>')
			in_tag = 0;
		else if (!in_tag)
			*w++ = *r;
	}
	*w = '\0';
	for (start = s; *start == ' ' || *start == '\t'; start++)
		;
	if (start != s)
		memmove(s, start, strlen(start) + 1);
	for (w = s + strlen(s); w > s && (w[-1] == ' ' || w[-1] == '\t'); w--)
		w[-1] = '\0';
}

void
csv_header_init(struct csv_header *h, const struct csv_record *rec)
{
	size_t i;

	h->n = rec->n;
	h->key = NULL;
	h->name = xcalloc(rec->n, sizeof *h->name);
	for (i = 0; i < rec->n; i++) {
		h->name[i] = xstrdup(rec->field[i]);
		csv_strip_html(h->name[i]);
	}
}

void
csv_header_free(struct csv_header *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->name[i]);
	free(h->name);
	free(h->key);
	h->name = NULL;
	h->key = NULL;
	h->n = 0;
}

int
csv_header_find(const struct csv_header *h, const char *name, int occurrence)
{
	size_t i;
	int seen = 0;

	for (i = 0; i < h->n; i++)
		if (strcasecmp(h->key != NULL ? h->key[i] : h->name[i], name) == 0 &&
		    ++seen == occurrence)
			return (int)i;
	return -1;
}

int
csv_is_missing(const char *s)
{
	static const char *const marks[] = {
		"", "--", "NaN", "--:--:--", "--:--", "00:NaN:NaN", "NaN:NaN",
		"n/a", "N/A", NULL,
	};
	size_t i;

	for (i = 0; marks[i] != NULL; i++)
		if (strcmp(s, marks[i]) == 0)
			return 1;
	return 0;
}

/* The length of a thousands separator at p (other than the decimal mark
 * dec), 0 when there is none. */
static size_t
group_sep(const char *p, char dec)
{
	if (dec == '.')
		return *p == ',';
	if (*p == '.' || *p == ' ')
		return 1;
	if (strncmp(p, "\xc2\xa0", 2) == 0)          /* no-break space */
		return 2;
	if (strncmp(p, "\xe2\x80\xaf", 3) == 0)      /* narrow no-break space */
		return 3;
	return 0;
}

/* The number at s with decimal mark dec; grouping allows thousands
 * separators (one kind per number, groups of three). */
static int
parse_number(const char *s, int decimals, char dec, int grouping,
    int64_t *scaled)
{
	int64_t v = 0;
	int idig = 0, fdig = 0, group = -1, round_up = 0;
	const char *p = s, *sep = NULL;
	size_t sl = 0, k;

	/* Whole part, with optional thousands separators in groups of 3. */
	for (;;) {
		if (*p >= '0' && *p <= '9') {
			if (++idig > 12)
				return -1;
			v = v * 10 + (*p - '0');
			if (group >= 0)
				group++;
			p++;
		} else if (grouping && (k = group_sep(p, dec)) > 0 && idig > 0 &&
		    (group < 0 || group == 3) && p[k] >= '0' && p[k] <= '9' &&
		    (sep == NULL || (k == sl && strncmp(p, sep, k) == 0))) {
			if (group < 0 && idig > 3)
				return -1;
			sep = p;
			sl = k;
			group = 0;
			p += k;
		} else {
			break;
		}
	}
	if (idig == 0 || (group >= 0 && group != 3))
		return -1;
	if (*p == dec) {
		p++;
		for (; *p >= '0' && *p <= '9'; p++) {
			if (fdig < decimals) {
				v = v * 10 + (*p - '0');
				fdig++;
			} else if (fdig == decimals) {
				round_up = *p >= '5';
				fdig++;
			}
		}
	}
	if (*p != '\0')
		return -1;
	if (fdig > decimals)
		fdig = decimals;
	for (; fdig < decimals; fdig++)
		v *= 10;
	*scaled = v + round_up;
	return 0;
}

int
csv_parse_number(const char *s, int decimals, int64_t *scaled)
{
	return parse_number(s, decimals, '.', 1, scaled);
}

int
csv_parse_number_dec(const char *s, int decimals, char dec, int64_t *scaled)
{
	if (dec != ',')
		return parse_number(s, decimals, '.', 1, scaled);
	if (parse_number(s, decimals, ',', 1, scaled) == 0)
		return 0;
	/* "2432.77001953125": a raw float, '.' the only possible reading. */
	if (strchr(s, ',') == NULL)
		return parse_number(s, decimals, '.', 0, scaled);
	return -1;
}
