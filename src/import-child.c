/*
 * import-child: runs runlog-read over the inputs that are not CSV and
 * reads its lines (protocol in import-read.h) into the import's batch.
 * Every line is checked: a line runlog does not understand, a value out
 * of its type, a crash or a hang (RUNLOG_READ_TIMEOUT seconds, 60 by
 * default, for one file) refuses the file being read and never touches
 * the journal; the reader is started again for the files after it.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "entry.h"
#include "import-read.h"
#include "import.h"
#include "util.h"

struct import_file *
import_files_add(struct import_files *l, const char *name)
{
	struct import_file *f = xcalloc(1, sizeof *f);

	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = f;
	f->name = text_printable(name);
	return f;
}

void
import_files_free(struct import_files *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i]->name);
		free(l->v[i]->why);
		csv_import_report_free(&l->v[i]->rep);
		free(l->v[i]);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

char *
import_reader_path(void)
{
	const char *env = getenv("RUNLOG_READ");
	char self[PATH_MAX], *slash, *p;
	ssize_t n;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	/* beside runlog in the build tree */
	if ((n = readlink("/proc/self/exe", self, sizeof self - 1)) > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			p = xasprintf("%s/runlog-read", self);
			if (access(p, X_OK) == 0)
				return p;
			free(p);
			/* bin/runlog beside libexec/runlog/, wherever installed */
			p = xasprintf("%s/../libexec/runlog/runlog-read", self);
			if (access(p, X_OK) == 0)
				return p;
			free(p);
		}
	}
	return xasprintf("%s/runlog-read", RUNLOG_LIBEXECDIR);
}

/* --- reading the lines ----------------------------------------------- */

struct child {
	pid_t  pid;
	int    fd;
	char  *buf;
	size_t len, cap;
	int    timeout_ms;
	struct timespec since;   /* the current file's start */
};

static long
elapsed_ms(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000 + (now.tv_nsec - t->tv_nsec) /
	    1000000;
}

/* The next line, NUL-terminated in *line: 1, 0 at the end, -1 with
 * err_set() (too long, a hang). */
static int
next_line(struct child *c, char **line, size_t *consumed)
{
	char *nl;
	ssize_t k;

	if (*consumed > 0) {
		memmove(c->buf, c->buf + *consumed, c->len - *consumed);
		c->len -= *consumed;
		*consumed = 0;
	}
	for (;;) {
		struct pollfd p = { c->fd, POLLIN, 0 };
		long left;

		if (c->len > 0 && (nl = memchr(c->buf, '\n', c->len)) != NULL) {
			*nl = '\0';
			*line = c->buf;
			*consumed = (size_t)(nl - c->buf) + 1;
			return 1;
		}
		if (c->len >= IMPORT_LINE_MAX) {
			err_set("the reader sent a line longer than %d bytes",
			    IMPORT_LINE_MAX);
			return -1;
		}
		if (c->cap - c->len < 65536)
			c->buf = xrealloc(c->buf, c->cap = c->cap + 65536);
		left = c->timeout_ms - elapsed_ms(&c->since);
		if (left <= 0 || poll(&p, 1, (int)left) == 0) {
			err_set("the reader took more than %d s over it; stopped",
			    c->timeout_ms / 1000);
			return -1;
		}
		k = read(c->fd, c->buf + c->len, c->cap - c->len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return c->len > 0 ? (err_set("the reader's last line was cut "
			    "short"), -1) : 0;
		c->len += (size_t)k;
	}
}

static int
start(struct child *c, const char *prog, char **argv)
{
	int p[2];

	if (pipe(p) != 0) {
		err_set("cannot start %s: %s", prog, strerror(errno));
		return -1;
	}
	fflush(NULL);
	if ((c->pid = fork()) < 0) {
		err_set("cannot start %s: %s", prog, strerror(errno));
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (c->pid == 0) {
		close(p[0]);
		if (dup2(p[1], STDOUT_FILENO) < 0)
			_exit(127);
		close(p[1]);
		execv(prog, argv);
		fprintf(stderr, "runlog: import: cannot run the file reader %s: %s "
		    "(it is installed with runlog; RUNLOG_READ names another)\n",
		    prog, strerror(errno));
		_exit(127);
	}
	close(p[1]);
	c->fd = p[0];
	c->len = 0;
	clock_gettime(CLOCK_MONOTONIC, &c->since);
	return 0;
}

/* Stops the reader; why it ended, as a phrase, or NULL when it exited 0. */
static const char *
stop(struct child *c, int kill_it, char *why, size_t n)
{
	int st;

	if (kill_it)
		kill(c->pid, SIGKILL);
	close(c->fd);
	while (waitpid(c->pid, &st, 0) < 0 && errno == EINTR)
		;
	if (WIFSIGNALED(st) && !kill_it) {
		snprintf(why, n, "the file reader crashed (signal %d)",
		    WTERMSIG(st));
		return why;
	}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 127) {
		snprintf(why, n, "the file reader could not be run");
		return why;
	}
	if (WIFEXITED(st) && WEXITSTATUS(st) != 0) {
		snprintf(why, n, "the file reader failed (exit %d)",
		    WEXITSTATUS(st));
		return why;
	}
	return NULL;
}

/* --- checking a line ------------------------------------------------- */

/* Splits s at tabs into at most max fields; the count. */
static size_t
split(char *s, char **f, size_t max)
{
	size_t n = 0;

	f[n++] = s;
	while (n < max && (s = strchr(s, '\t')) != NULL) {
		*s++ = '\0';
		f[n++] = s;
	}
	return n;
}

/* Undoes the escapes, in place; -1 on a control character or a bad one. */
static int
unescape(char *s)
{
	char *o = s;

	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return -1;
		if (*s != '\\') {
			*o++ = *s;
			continue;
		}
		switch (*++s) {
		case 't':  *o++ = '\t'; break;
		case 'n':  *o++ = '\n'; break;
		case 'r':  *o++ = '\r'; break;
		case '\\': *o++ = '\\'; break;
		default:   return -1;
		}
	}
	*o = '\0';
	return 0;
}

static int
number(const char *s, int64_t lo, int64_t hi, int64_t *v)
{
	char *end;
	long long x;

	if (*s != '-' && (*s < '0' || *s > '9'))
		return -1;
	errno = 0;
	x = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || x < lo || x > hi)
		return -1;
	*v = x;
	return 0;
}

static int
stamp_ok(const char *s)
{
	static const char pat[] = "dddd-dd-dd dd:dd:dd";
	size_t i;

	for (i = 0; pat[i] != '\0'; i++)
		if (pat[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != pat[i])
			return 0;
	return s[i] == '\0';
}

/* One field "column=value" into e; -1 with err_set(). */
static int
entry_field_read(const struct entry_desc *d, void *e, char *kv)
{
	char *eq = strchr(kv, '=');
	const struct entry_field *f;
	enum run_type t;
	int64_t v;

	if (eq == NULL)
		return err_set("a field without a value"), -1;
	*eq++ = '\0';
	if (d->kind == ENTRY_RUN && strcmp(kv, "start_utc") == 0) {
		if (number(eq, 0, INT64_C(4102444800), &v) != 0)
			return err_set("start_utc '%.20s' out of range", eq), -1;
		((struct run *)e)->start_utc = v;
		return 0;
	}
	if ((f = entry_field_find(d, kv)) == NULL || f->type == FT_ID)
		return err_set("an unknown field '%.40s'", kv), -1;
	switch (f->type) {
	case FT_TEXT:
		if (unescape(eq) != 0 || ((f->flags & FIELD_STAMP) &&
		    !stamp_ok(eq)) || strlen(eq) > 65536)
			return err_set("%s: a malformed text", f->column), -1;
		free(*entry_text(e, f));
		*entry_text(e, f) = xstrdup(eq);
		return 0;
	case FT_RUN_TYPE:
		if (run_type_parse(eq, &t) != 0)
			return err_set("%s: '%.20s' is no run type", f->column, eq), -1;
		entry_set(e, f, t);
		return 0;
	case FT_DAY:
		if (number(eq, DATE_MIN, DATE_MAX, &v) != 0)
			return err_set("%s: '%.20s' out of range", f->column, eq), -1;
		break;
	case FT_BOOL:
		if (number(eq, 0, 1, &v) != 0)
			return err_set("%s: '%.20s' is not 0 or 1", f->column, eq), -1;
		break;
	case FT_INT:
		if (number(eq, INT_MIN, INT_MAX, &v) != 0)
			return err_set("%s: '%.20s' out of range", f->column, eq), -1;
		break;
	default:
		if (number(eq, INT64_MIN, INT64_MAX, &v) != 0)
			return err_set("%s: '%.20s' is not a number", f->column, eq), -1;
	}
	entry_set(e, f, v);
	return 0;
}

/* An E line into an entry put into the batch's sink; -1 with err_set()
 * (the line is malformed, or the entry refused). */
static int
entry_line(struct import_sink *sink, char **fv, size_t n,
    const struct csv_import_opts *o, struct csv_import_report *r)
{
	const struct entry_desc *d = NULL;
	struct import_item it;
	int64_t line;
	size_t i;
	int rc = 0, k;

	for (k = 0; k < ENTRY_KIND_COUNT; k++)
		if (strlen(fv[1]) == 1 && entry_descs[k].letter == fv[1][0])
			d = &entry_descs[k];
	if (d == NULL || number(fv[2], 0, LONG_MAX, &line) != 0)
		return err_set("the reader sent a malformed entry"), -1;
	it.kind = d->kind;
	it.line = (long)line;
	it.entry = xcalloc(1, d->size);
	for (i = 0; i < d->nfields; i++)
		if (d->fields[i].type != FT_TEXT)
			entry_set(it.entry, &d->fields[i], d->fields[i].none);
	for (i = 3; i < n && rc == 0; i++)
		rc = entry_field_read(d, it.entry, fv[i]);
	if (rc != 0) {
		char *m = xasprintf("the reader sent a malformed entry: %s",
		    err_get());
		err_set("%s", m);
		free(m);
	} else if ((rc = sink->put(sink, &it)) == -1 && o->skip_bad) {
		r->bad++;
		buf_printf(&r->bad_list, "%s\n", err_get());
		rc = 0;
	}
	entry_free_fields(d, it.entry);
	free(it.entry);
	return rc;
}

/* A C line into the report; -1 when malformed. */
static int
count_line(char **fv, size_t n, struct csv_import_report *r)
{
	static const char *const nouns[] = { "session", "track", "activity",
	    "lap", "record", "night", "day", NULL };
	const char *title;
	int64_t v;
	size_t i;

	if (n < 3 || number(fv[2], 0, INT64_C(1) << 40, &v) != 0 ||
	    (n == 4 && unescape(fv[3]) != 0))
		return -1;
	if (strcmp(fv[1], "rows") == 0) {
		r->rows += (size_t)v;
	} else if (strcmp(fv[1], "accidental") == 0) {
		r->accidental += (size_t)v;
	} else if (strcmp(fv[1], "noun") == 0 && n == 4) {
		for (i = 0; nouns[i] != NULL; i++)
			if (strcmp(fv[3], nouns[i]) == 0)
				r->rows_noun = nouns[i];
	} else if (strcmp(fv[1], "kind") == 0 && n == 4) {
		if (csv_what_parse(fv[3], &r->kind) != 0)
			return -1;
	} else if (strcmp(fv[1], "title") == 0 && n == 4) {
		if ((title = import_title_known(fv[3])) == NULL)
			return -1;
		r->title = title;
	} else if (strcmp(fv[1], "implausible") == 0 && n == 4) {
		csv_clean_text(fv[3], 0, 1000);
		r->implausible++;
		buf_printf(&r->implausible_list, "  %s\n", fv[3]);
	} else if (strcmp(fv[1], "not_activity") == 0 && n == 4) {
		snprintf(r->not_activity, sizeof r->not_activity, "%s", fv[3]);
		csv_clean_text(r->not_activity, 0, sizeof r->not_activity - 1);
	} else if (strcmp(fv[1], "other") == 0 && n == 4) {
		csv_clean_text(fv[3], 0, 39);
		r->other += (size_t)v;
		for (i = 0; i < r->nsport; i++)
			if (strcmp(r->sport[i].name, fv[3]) == 0)
				break;
		if (i == r->nsport && r->nsport < CSV_SPORTS_MAX)
			snprintf(r->sport[r->nsport++].name, sizeof r->sport[0].name,
			    "%s", fv[3]);
		if (i < r->nsport)
			r->sport[i].n += (size_t)v;
	} else if (strcmp(fv[1], "bad") == 0 && n == 4) {
		csv_clean_text(fv[3], 0, 1000);
		r->bad++;
		buf_printf(&r->bad_list, "%s\n", fv[3]);
	} else {
		return -1;
	}
	return 0;
}

struct reading {
	struct import_batch          *b;
	const struct csv_import_opts *o;
	char *const                  *paths;
	size_t                        n;
	struct import_files          *out;
	struct import_file           *cur;    /* the file being read, or NULL */
	struct import_sink           *sink;
	long                          index;  /* the path being read; -1 */
	int                           failed; /* cur was refused by runlog */
	size_t                        first_found;  /* of paths, from folders */
};

static void
refuse(struct import_file *f, const char *why)
{
	f->state = IMPORT_REFUSED;
	free(f->why);
	f->why = xstrdup(why);
}

/* Ends the current file: ok, refused (why) or passed over; -2 when the
 * journal failed. */
static int
end_file(struct reading *g, int tag, const char *why)
{
	struct import_file *f = g->cur;
	int ok = tag == 'K' && !g->failed;

	g->cur = NULL;
	if (import_file_end(g->b, ok) != 0)
		return -2;
	if (tag == 'P')
		f->state = IMPORT_PASSED;
	else if (!ok && !g->failed)
		refuse(f, why);
	else if (ok)
		f->state = IMPORT_READ;
	if (tag == 'P') {
		free(f->why);
		f->why = xstrdup(why);
	}
	return 0;
}

/* One line; 0, -1 with err_set() (the reader misbehaved), -2. */
static int
one_line(struct reading *g, struct child *c, char *line)
{
	char *fv[64];
	size_t n = split(line, fv, 64);
	int64_t v;

	if (strcmp(fv[0], "F") == 0 && n == 3 && g->cur == NULL) {
		char *name;
		if (number(fv[1], g->index < 0 ? 0 : g->index, (int64_t)g->n - 1,
		    &v) != 0 || unescape(fv[2]) != 0)
			return err_set("the reader named no file it was given"), -1;
		if (v != g->index)
			clock_gettime(CLOCK_MONOTONIC, &c->since);
		g->index = (long)v;
		name = *fv[2] != '\0' ? xasprintf("%s:%s", g->paths[v], fv[2]) :
		    xstrdup(g->paths[v]);
		g->cur = import_files_add(g->out, name);
		free(name);
		g->sink = import_file_begin(g->b, &g->cur->rep);
		g->failed = 0;
		return 0;
	}
	if (g->cur == NULL)
		return err_set("the reader sent a line outside a file"), -1;
	if (strcmp(fv[0], "T") == 0 && n == 2) {
		const struct import_format *f;
		size_t i;
		for (i = 0; (f = import_format_at(i)) != NULL; i++)
			if (strcmp(f->name, fv[1]) == 0)
				break;
		if (f == NULL)
			return err_set("the reader named an unknown format"), -1;
		g->cur->rep.format = f->id;
		g->cur->rep.title = f->title;
		return 0;
	}
	if (strcmp(fv[0], "E") == 0 && n >= 3) {
		int rc;
		if (g->failed)
			return 0;
		if ((rc = entry_line(g->sink, fv, n, g->o, &g->cur->rep)) == -2)
			return -2;
		if (rc != 0) {
			g->failed = 1;
			refuse(g->cur, err_get());
		}
		return 0;
	}
	if (strcmp(fv[0], "C") == 0)
		return count_line(fv, n, &g->cur->rep) != 0 ? (err_set("the reader "
		    "sent a malformed count"), -1) : 0;
	if (strcmp(fv[0], "K") == 0 && n == 1)
		return end_file(g, 'K', NULL);
	if ((strcmp(fv[0], "X") == 0 || strcmp(fv[0], "P") == 0) && n == 2) {
		if (unescape(fv[1]) != 0)
			return err_set("the reader sent a malformed message"), -1;
		csv_clean_text(fv[1], 0, 1000);
		return end_file(g, fv[0][0], fv[1]);
	}
	return err_set("the reader sent a line runlog does not understand"), -1;
}

static char **
reader_argv(const char *prog, const struct csv_import_opts *o,
    char *const *paths, size_t n, char *found)
{
	char **av = xcalloc(n + 12, sizeof *av);
	size_t k = 0, i;

	av[k++] = (char *)prog;
	if (o->format != CSV_FMT_AUTO) {
		av[k++] = "-f";
		av[k++] = (char *)csv_format_name(o->format);
	}
	if (o->units_given) {
		av[k++] = "-u";
		av[k++] = o->units == UNIT_MI ? "mi" : "km";
	}
	av[k++] = "-d";
	av[k++] = o->default_units == UNIT_MI ? "mi" : "km";
	if (o->skip_bad)
		av[k++] = "-s";
	av[k++] = "-p";
	av[k++] = found;
	av[k++] = "--";
	for (i = 0; i < n; i++)
		av[k++] = paths[i];
	return av;
}

/* Runs the reader over paths[from..]; sets *next to the first path it did
 * not finish. 0, or -2 when the journal failed. */
static int
run_reader(struct reading *g, const char *prog, size_t from, size_t *next)
{
	struct child c;
	char **av, *line = NULL, why[96], found[32];
	const char *died;
	size_t used = 0, count = g->n - from > 512 ? 512 : g->n - from;
	int rc = 0, got;
	struct reading sub = *g;

	memset(&c, 0, sizeof c);
	c.timeout_ms = 60000;
	if (getenv("RUNLOG_READ_TIMEOUT") != NULL &&
	    atoi(getenv("RUNLOG_READ_TIMEOUT")) > 0)
		c.timeout_ms = atoi(getenv("RUNLOG_READ_TIMEOUT")) * 1000;
	sub.paths = g->paths + from;
	sub.n = count;
	sub.index = -1;
	sub.cur = NULL;
	snprintf(found, sizeof found, "%zu", g->first_found > from ?
	    g->first_found - from : 0);
	av = reader_argv(prog, g->o, sub.paths, count, found);
	if (start(&c, prog, av) != 0) {
		free(av);
		*next = from + 1;
		refuse(import_files_add(g->out, g->paths[from]), err_get());
		return 0;
	}
	free(av);
	got = next_line(&c, &line, &used);
	if (got == 1 && strcmp(line, IMPORT_READ_VERSION) != 0) {
		err_set("the file reader %s speaks another version", prog);
		got = -1;
	}
	while (got == 1 && (got = next_line(&c, &line, &used)) == 1)
		if ((rc = one_line(&sub, &c, line)) != 0)
			break;
	died = stop(&c, rc != 0 || got < 0, why, sizeof why);
	if (rc == -2) {
		free(c.buf);
		return -2;
	}
	if (rc == 0 && got == 0 && died == NULL && sub.cur == NULL &&
	    sub.index == (long)count - 1) {
		*next = from + count;
	} else {
		char *m = xstrdup(died != NULL ? died : rc != 0 || got < 0 ?
		    err_get() : "the file reader stopped before reading it");
		if (sub.cur == NULL && sub.index + 1 >= (long)count) {
			free(m);
			free(c.buf);
			*next = from + count;
			return 0;
		}
		if (sub.cur == NULL) {
			/* it stopped between files: the next one */
			sub.index++;
			sub.cur = import_files_add(g->out, g->paths[from +
			    (size_t)sub.index]);
			sub.sink = import_file_begin(g->b, &sub.cur->rep);
			sub.failed = 0;
		}
		sub.failed = 0;
		if (end_file(&sub, 'X', m) != 0)
			rc = -2;
		free(m);
		*next = from + (size_t)sub.index + 1;
	}
	free(c.buf);
	return rc == -2 ? -2 : 0;
}

int
import_read_files(struct import_batch *b, const struct csv_import_opts *o,
    char *const *paths, size_t n, size_t first_found,
    struct import_files *out)
{
	struct reading g;
	char *prog = import_reader_path();
	size_t next = 0;
	int rc = 0;

	memset(&g, 0, sizeof g);
	g.b = b;
	g.o = o;
	g.paths = paths;
	g.n = n;
	g.out = out;
	g.first_found = first_found;
	if (n > 0 && access(prog, X_OK) != 0) {
		char *why = xasprintf("the file reader %s is missing (%s): runlog "
		    "reads CSV itself and every other file through it; install "
		    "runlog again, or set RUNLOG_READ to its path", prog,
		    strerror(errno));
		for (; next < n; next++) {
			struct import_file *f = import_files_add(out, paths[next]);
			import_file_begin(b, &f->rep);
			import_file_end(b, 0);
			refuse(f, why);
		}
		free(why);
	}
	while (rc == 0 && next < n)
		rc = run_reader(&g, prog, next, &next);
	free(prog);
	return rc;
}
