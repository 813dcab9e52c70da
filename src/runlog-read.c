/*
 * runlog-read: the reader program of `runlog import`. It reads device
 * files (FIT, GPX, TCX) and archives (zip, tar, gzip) and writes what it
 * finds as lines of the protocol in import-read.h; it never opens the
 * journal. It runs in its own process so that the libraries of these
 * formats are loaded only here and a parser that fails on a hostile file
 * takes nothing else down.
 *
 *   runlog-read [-f FORMAT] [-u km|mi] [-d km|mi] [-s] [-p N] FILE...
 *
 * -p N: the paths from the N-th (from 0) were found in folders, and one
 * in no format is passed over. -f forces a format, -u gives Garmin's distance unit, -d is the user's
 * unit (the last resort), -s lists bad rows instead of refusing the file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "entry.h"
#include "import-read.h"
#include "import.h"
#include "util.h"

static struct csv_import_opts opts;
static struct import_limits limits;
/* Paths from this index on were found in folders: one in no format is
 * passed over, not refused. */
static size_t first_found = (size_t)-1;
static size_t cur_index;

/* Text with tab, line break and backslash escaped. */
static void
put_text(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\t')
			fputs("\\t", stdout);
		else if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\\')
			fputs("\\\\", stdout);
		else if (*s == '\r')
			fputs("\\r", stdout);
		else
			putchar(*s);
	}
}

static int
emit_put(struct import_sink *s, const struct import_item *it)
{
	const struct entry_desc *d = entry_desc(it->kind);
	size_t i;

	(void)s;
	printf("E\t%c\t%ld", d->letter, it->line);
	for (i = 0; i < d->nfields; i++) {
		const struct entry_field *f = &d->fields[i];
		if (f->type == FT_ID)
			continue;
		if (f->type == FT_TEXT) {
			const char *t = entry_text_get(it->entry, f);
			if (t == NULL)
				continue;
			printf("\t%s=", f->column);
			put_text(t);
		} else if (f->type == FT_RUN_TYPE) {
			printf("\t%s=%s", f->column, run_type_name((enum run_type)
			    entry_get(it->entry, f)));
		} else {
			printf("\t%s=%lld", f->column,
			    (long long)entry_get(it->entry, f));
		}
	}
	if (it->kind == ENTRY_RUN)
		printf("\tstart_utc=%lld",
		    (long long)((const struct run *)it->entry)->start_utc);
	putchar('\n');
	return 0;
}

/* Each line of a list as a count of one: C what 1 text. */
static void
count_lines(const char *what, const char *list)
{
	const char *p, *e;
	char *line;

	for (p = list; p != NULL && *p != '\0'; p = e + 1) {
		if ((e = strchr(p, '\n')) == NULL)
			break;
		while (*p == ' ' && p < e)
			p++;
		line = xasprintf("%.*s", (int)(e - p), p);
		printf("C\t%s\t1\t", what);
		put_text(line);
		putchar('\n');
		free(line);
	}
}

static void
counts(const struct csv_import_report *r, const struct import_format *fmt)
{
	size_t i;

	printf("C\trows\t%zu\n", r->rows);
	if (r->kind != CSV_RUNS)
		printf("C\tkind\t0\t%s\n", csv_what_name(r->kind));
	if (fmt != NULL && r->title != NULL && r->title != fmt->title) {
		printf("C\ttitle\t0\t");
		put_text(r->title);
		putchar('\n');
	}
	if (r->accidental)
		printf("C\taccidental\t%zu\n", r->accidental);
	if (r->rows_noun != NULL)
		printf("C\tnoun\t0\t%s\n", r->rows_noun);
	if (r->not_activity[0] != '\0') {
		printf("C\tnot_activity\t0\t");
		put_text(r->not_activity);
		putchar('\n');
	}
	for (i = 0; i < r->nsport; i++) {
		printf("C\tother\t%zu\t", r->sport[i].n);
		put_text(r->sport[i].name);
		putchar('\n');
	}
	count_lines("bad", r->bad_list.data);
	count_lines("implausible", r->implausible_list.data);
}

/* Reads one file in a format of the table. */
static void
read_unit(const unsigned char *b, size_t n, int depth)
{
	struct import_sink sink = { emit_put };
	struct csv_import_report r;
	const struct import_format *fmt;
	unsigned char *head = xmalloc(IMPORT_HEAD_MAX);
	struct import_input in;
	struct import_ctx c;
	FILE *f = fmemopen((void *)b, n ? n : 1, "rb");
	int rc = -1;

	memset(&r, 0, sizeof r);
	buf_init(&r.bad_list);
	buf_init(&r.repeat_list);
	buf_init(&r.merge_list);
	buf_init(&r.implausible_list);
	r.kind = CSV_RUNS;
	memset(&c, 0, sizeof c);
	if (n == 0 || f == NULL) {
		err_set("the file is empty");
		fmt = NULL;
	} else {
		fmt = import_choose(f, &opts, head, &in.len, &c.locale);
	}
	if (fmt == NULL && (depth > 0 || cur_index >= first_found)) {
		fputs("P\t", stdout);
		put_text(err_get());
		putchar('\n');
		goto out;
	}
	if (fmt != NULL) {
		printf("T\t%s\n", fmt->name);
		c.o = &opts;
		c.r = &r;
		c.sink = &sink;
		in.head = head;
		in.pos = 0;
		in.rest = f;
		rc = fmt->read(&c, &in);
	}
	counts(&r, fmt);
	if (rc == 0) {
		puts("K");
	} else {
		fputs("X\t", stdout);
		put_text(err_get());
		putchar('\n');
	}
out:
	if (f != NULL)
		fclose(f);
	csv_import_report_free(&r);
	free(head);
}

struct walk {
	size_t      index;
	const char *prefix;    /* the member's path within the archives */
	int         depth;
};

static void walk(const unsigned char *b, size_t n, struct walk *w);

static int
on_member(const char *name, const unsigned char *b, size_t n, void *arg)
{
	struct walk *up = arg, w = *up;
	char *path = name == NULL ? xstrdup(up->prefix) : *up->prefix != '\0' ?
	    xasprintf("%s/%s", up->prefix, name) : xstrdup(name);

	w.prefix = path;
	w.depth = up->depth + 1;
	walk(b, n, &w);
	free(path);
	fflush(stdout);
	return ferror(stdout) ? -1 : 0;
}

static void
walk(const unsigned char *b, size_t n, struct walk *w)
{
	if (!import_archive_is(b, n)) {
		printf("F\t%zu\t", w->index);
		put_text(w->prefix);
		putchar('\n');
		read_unit(b, n, w->depth);
		return;
	}
	if (w->depth >= limits.depth_max) {
		printf("F\t%zu\t", w->index);
		put_text(w->prefix);
		printf("\nX\tarchives nested more than %d deep\n", limits.depth_max);
		return;
	}
	if (import_archive_each(b, n, &limits, on_member, w) != 0) {
		printf("F\t%zu\t", w->index);
		put_text(w->prefix);
		fputs("\nX\t", stdout);
		put_text(err_get());
		putchar('\n');
	}
}

/* The whole file, at most the limit of one member. */
static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b = NULL;
	size_t n = 0, cap = 0, k;

	if (f == NULL) {
		err_set("%s", strerror(errno));
		return NULL;
	}
	do {
		if (cap - n < 65536)
			b = xrealloc(b, cap = cap ? 2 * cap : 65536);
		k = fread(b + n, 1, cap - n, f);
		n += k;
	} while (k > 0 && n <= limits.member_max);
	if (ferror(f) || n > limits.member_max) {
		err_set(ferror(f) ? "cannot read: %s" : "larger than %s MiB",
		    ferror(f) ? strerror(errno) : "256");
		fclose(f);
		free(b);
		return NULL;
	}
	fclose(f);
	*len = n;
	return b;
}

static uint64_t
env_limit(const char *name, uint64_t def)
{
	const char *v = getenv(name);
	char *end;
	unsigned long long x;

	if (v == NULL || *v == '\0')
		return def;
	x = strtoull(v, &end, 10);
	return *end == '\0' && x > 0 ? (uint64_t)x : def;
}

static int
unit_arg(const char *s, enum dist_unit *u)
{
	if (strcmp(s, "km") == 0)
		*u = UNIT_KM;
	else if (strcmp(s, "mi") == 0)
		*u = UNIT_MI;
	else
		return -1;
	return 0;
}

int
main(int argc, char **argv)
{
	int ch;
	size_t i;

	opts.default_units = UNIT_KM;
	while ((ch = getopt(argc, argv, "f:u:d:sp:")) != -1) {
		switch (ch) {
		case 'f':
			if (csv_format_parse(optarg, &opts.format) != 0)
				goto usage;
			break;
		case 'u':
			if (unit_arg(optarg, &opts.units) != 0)
				goto usage;
			opts.units_given = 1;
			break;
		case 'd':
			if (unit_arg(optarg, &opts.default_units) != 0)
				goto usage;
			break;
		case 's':
			opts.skip_bad = 1;
			break;
		case 'p':
			first_found = (size_t)strtoul(optarg, NULL, 10);
			break;
		default:
			goto usage;
		}
	}
	/* Smaller limits for tests; never larger than the built-in ones. */
	limits.total_max = env_limit("RUNLOG_READ_TOTAL_MAX", IMPORT_TOTAL_MAX);
	limits.member_max = env_limit("RUNLOG_READ_MEMBER_MAX", IMPORT_MEMBER_MAX);
	if (limits.total_max > IMPORT_TOTAL_MAX)
		limits.total_max = IMPORT_TOTAL_MAX;
	if (limits.member_max > IMPORT_MEMBER_MAX)
		limits.member_max = IMPORT_MEMBER_MAX;
	limits.members_max = IMPORT_MEMBERS_MAX;
	limits.depth_max = IMPORT_DEPTH_MAX;
	puts(IMPORT_READ_VERSION);
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		struct walk w = { i - (size_t)optind, "", 0 };
		unsigned char *b;
		size_t n;

		cur_index = w.index;
		limits.total = 0;
		limits.members = 0;
		if ((b = slurp(argv[i], &n)) == NULL) {
			printf("F\t%zu\t\nX\t", w.index);
			put_text(err_get());
			putchar('\n');
		} else {
			walk(b, n, &w);
			free(b);
		}
		if (fflush(stdout) != 0)
			return 1;
	}
	return fflush(stdout) != 0 || ferror(stdout) ? 1 : 0;
usage:
	fprintf(stderr, "usage: runlog-read [-f FORMAT] [-u km|mi] [-d km|mi] "
	    "[-s] FILE...\n");
	return 2;
}
