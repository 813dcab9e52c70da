/*
 * cmd-import: runlog import. Options are checked and the file opened
 * before the journal is, so a typo never creates or touches a journal; a
 * dry run against a journal that does not exist yet uses an empty one in
 * memory instead of creating the file.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "csv.h"
#include "import.h"
#include "util.h"

enum { IO_FORMAT, IO_UNITS, IO_DRY, IO_SKIP };
static const struct opt import_opts[] = {
	{ "format", 0, OPT_CHOICE,
	    "auto|runlog|strava|garmin|gpx|tcx|fit|garmin-json|intervals|garmin-sleep" },
	{ "units", 0, OPT_CHOICE, "km|mi" }, { "dry-run", 'n', OPT_FLAG, NULL },
	{ "skip-bad", 0, OPT_FLAG, NULL }, { NULL, 0, 0, NULL },
};
static const struct cmd_arg import_args[] = {
	{ "PATH", OPT_FILE, NULL, CMD_ARG_MANY }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.opts = import_opts,
	.args = import_args,
	.usage = "[--format auto|runlog|strava|garmin|gpx|tcx|fit|garmin-json|"
	    "intervals|garmin-sleep] [--units km|mi] [--dry-run] [--skip-bad] "
	    "PATH...",
	.summary = "read CSV, GPX, TCX, FIT and Garmin export files, folders and "
	    "archives",
	.exec = cmd_import,
};

static const char *
noun(enum csv_what k, size_t n)
{
	switch (k) {
	case CSV_SLEEP:     return n == 1 ? "sleep entry" : "sleep entries";
	case CSV_HYDRATION: return n == 1 ? "drink" : "drinks";
	case CSV_FATIGUE:   return n == 1 ? "check-in" : "check-ins";
	case CSV_REST:      return n == 1 ? "rest day" : "rest days";
	case CSV_PLANS:     return n == 1 ? "planned run" : "planned runs";
	case CSV_DAYS:      return n == 1 ? "entry" : "entries";
	default:            return n == 1 ? "run" : "runs";
	}
}

static void
report(const char *path, int dry, const struct csv_import_report *r)
{
	const char *k = noun(r->kind, r->added);
	size_t i;

	printf("%s%s: %s%s%s, %zu %s%s.\n", dry ? "Dry run, nothing was written. " :
	    "", path, r->title, r->locale != NULL ? " in " : "",
	    r->locale != NULL ? r->locale->name : "", r->rows,
	    r->rows_noun != NULL ? r->rows_noun : "row", r->rows == 1 ? "" : "s");
	if (r->not_activity[0] != '\0')
		printf("Nothing to import: %s.\n", r->not_activity);
	printf("%s %zu %s", dry ? "Would add" : "Added", r->added, k);
	if (r->replaced)
		printf(", %s %zu", dry ? "would replace" : "replaced", r->replaced);
	if (r->kept)
		printf(", kept %zu newer in the journal", r->kept);
	if (r->already)
		printf(", %zu already in the journal", r->already);
	printf(".\n");
	if (r->filled)
		printf("%s %zu %s in the journal with values %s lacked.\n",
		    dry ? "Would fill in" : "Filled in", r->filled, r->filled == 1 ?
		    "check-in" : "check-ins", r->filled == 1 ? "it" : "they");
	if (r->conflicts)
		printf("Kept %zu %s of the journal that the file gives otherwise:\n"
		    "%s", r->conflicts, r->conflicts == 1 ? "value" : "values",
		    r->conflict_list.data);
	if (r->units_how != NULL)
		printf("Distances read in %s: %s.\n", units_distance_name(r->units),
		    r->units_how);
	if (r->other > 0) {
		printf("Skipped %zu %s%s of other sports (", r->other,
		    r->rows_noun != NULL ? r->rows_noun : "row",
		    r->other == 1 ? "" : "s");
		for (i = 0; i < r->nsport; i++)
			printf("%s%s %zu", i ? ", " : "", r->sport[i].name,
			    r->sport[i].n);
		printf("%s).\n", r->nsport == CSV_SPORTS_MAX ? ", ..." : "");
	}
	if (r->accidental > 0)
		printf("Skipped %zu accidental %s (no distance, under 100 m or "
		    "under a minute).\n", r->accidental, r->accidental == 1 ?
		    "recording" : "recordings");
	if (r->implausible > 0)
		printf("Skipped %zu %s beyond what a runner can do (a ride or a "
		    "drive saved as a run?):\n%s", r->implausible,
		    r->implausible == 1 ? "activity" : "activities",
		    r->implausible_list.data);
	if (r->merged > 0)
		printf("Merged %zu %s with the same run from another source (%s%s).\n",
		    r->merged, r->merged == 1 ? "run" : "runs", r->merge_list.data,
		    r->merged > 20 ? "; ..." : "");
	if (r->repeated > 0)
		printf("Skipped %zu %s%s repeating an activity id of the same "
		    "file (%s).\n", r->repeated, r->rows_noun != NULL ?
		    r->rows_noun : "row", r->repeated == 1 ? "" : "s",
		    r->repeat_list.data);
	if (r->bad > 0) {
		fflush(stdout);
		fprintf(stderr, "runlog: %s: refused %zu bad %s (--skip-bad):\n%s",
		    path, r->bad, r->bad == 1 ? "row" : "rows", r->bad_list.data);
	}
}

/* --- the inputs ---------------------------------------------------------- */

struct inputs {
	char  **given;     /* files named, for runlog-read */
	size_t  ngiven;
	char  **found;     /* files found in folders, for runlog-read */
	size_t  nfound;
};

static void
push(char ***v, size_t *n, const char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file under dir, in name order; hidden names skipped
 * (a watch's and a desktop's own files), symbolic links not followed. */
static void
walk_dir(const char *dir, int depth, struct inputs *in,
    struct import_files *files)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;

	if (d == NULL || depth > 32) {
		struct import_file *f = import_files_add(files, dir);
		f->state = IMPORT_REFUSED;
		f->why = xstrdup(d == NULL ? strerror(errno) : "folders nested too "
		    "deep");
		if (d != NULL)
			closedir(d);
		return;
	}
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			push(&names, &n, e->d_name);
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		char *p = xasprintf("%s/%s", dir, names[i]);
		struct stat sb;
		if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			walk_dir(p, depth + 1, in, files);
		else if (lstat(p, &sb) == 0 && S_ISREG(sb.st_mode))
			push(&in->found, &in->nfound, p);
		free(p);
		free(names[i]);
	}
	free(names);
}

/* A file read here when it is CSV: 1 read (or refused) here, 0 for
 * runlog-read, -2 the journal failed. */
static int
read_here(struct import_batch *b, const struct csv_import_opts *o,
    const char *path, struct import_files *files)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	unsigned char *head;
	const struct csv_locale *loc;
	struct import_file *x;
	size_t len;
	int rc;

	if (f == NULL) {
		x = import_files_add(files, path);
		x->state = IMPORT_REFUSED;
		x->why = xstrdup(strerror(errno));
		return 1;
	}
	if (f != stdin && (o->format == CSV_FMT_AUTO ||
	    import_format_in_table(o->format))) {
		head = xmalloc(IMPORT_HEAD_MAX);
		rc = import_choose(f, o, head, &len, &loc) != NULL;
		free(head);
		if (!rc || fseek(f, 0, SEEK_SET) != 0) {
			fclose(f);
			return 0;
		}
	} else if (f != stdin) {
		fclose(f);
		return 0;
	}
	x = import_files_add(files, path);
	rc = import_file_read(b, f, &x->rep);
	if (f != stdin)
		fclose(f);
	if (rc == -2)
		return -2;
	x->state = rc == 0 ? IMPORT_READ : IMPORT_REFUSED;
	if (rc != 0)
		x->why = xstrdup(err_get());
	return 1;
}

/* --- the summary of many files ----------------------------------------- */

/* Adds r's counts of other sports, by name, to t's. */
static void
add_sports(struct csv_import_report *t, const struct csv_import_report *r)
{
	size_t i, k;

	for (i = 0; i < r->nsport; i++) {
		for (k = 0; k < t->nsport; k++)
			if (strcmp(t->sport[k].name, r->sport[i].name) == 0)
				break;
		if (k == t->nsport && t->nsport == CSV_SPORTS_MAX)
			continue;
		if (k == t->nsport)
			snprintf(t->sport[t->nsport++].name, sizeof t->sport[0].name,
			    "%s", r->sport[i].name);
		t->sport[k].n += r->sport[i].n;
	}
}

static void
summary(int dry, const struct import_files *l)
{
	size_t i, j, passed = 0;

	if (dry)
		printf("Dry run, nothing was written.\n");
	for (i = 0; i < l->n; i++) {
		const struct import_file *f = l->v[i];
		struct csv_import_report t;
		size_t files = 0, k;
		int seen = 0;

		if (f->state == IMPORT_PASSED)
			passed++;
		if (f->state != IMPORT_READ || f->rep.title == NULL)
			continue;
		for (j = 0; j < i && !seen; j++)
			seen = l->v[j]->state == IMPORT_READ &&
			    l->v[j]->rep.title == f->rep.title;
		if (seen)
			continue;
		memset(&t, 0, sizeof t);
		for (j = i; j < l->n; j++) {
			const struct csv_import_report *r = &l->v[j]->rep;
			if (l->v[j]->state != IMPORT_READ || r->title != f->rep.title)
				continue;
			files++;
			t.added += r->added; t.already += r->already;
			t.replaced += r->replaced; t.kept += r->kept;
			t.merged += r->merged; t.other += r->other;
			t.filled += r->filled;
			t.accidental += r->accidental; t.repeated += r->repeated;
			t.bad += r->bad; t.implausible += r->implausible;
			t.rows += r->not_activity[0] != '\0';
			t.kind = r->kind;
			add_sports(&t, r);
		}
		printf("%s (%zu %s): %s %zu %s", f->rep.title, files,
		    files == 1 ? "file" : "files", dry ? "would add" : "added",
		    t.added, noun(t.kind, t.added));
		if (t.already)
			printf(", %zu already in the journal", t.already);
		if (t.replaced)
			printf(", %zu replaced", t.replaced);
		if (t.kept)
			printf(", kept %zu newer in the journal", t.kept);
		if (t.merged)
			printf(", merged %zu with the same run from another source",
			    t.merged);
		if (t.accidental)
			printf(", skipped %zu accidental %s", t.accidental,
			    t.accidental == 1 ? "recording" : "recordings");
		if (t.other) {
			printf(", skipped %zu of other sports (", t.other);
			for (k = 0; k < t.nsport; k++)
				printf("%s%s %zu", k ? ", " : "", t.sport[k].name,
				    t.sport[k].n);
			printf("%s)", t.nsport == CSV_SPORTS_MAX ? ", ..." : "");
		}
		if (t.rows)
			printf(", %zu not an activity", t.rows);
		if (t.implausible)
			printf(", skipped %zu beyond what a runner can do",
			    t.implausible);
		if (t.repeated)
			printf(", skipped %zu repeated", t.repeated);
		if (t.bad)
			printf(", refused %zu bad %s (--skip-bad)", t.bad,
			    t.bad == 1 ? "row" : "rows");
		printf(".\n");
		for (k = i; k < l->n; k++)
			if (l->v[k]->state == IMPORT_READ && l->v[k]->rep.title ==
			    f->rep.title && l->v[k]->rep.merged > 0)
				printf("  %s: merged %s.\n", l->v[k]->name,
				    l->v[k]->rep.merge_list.data);
		for (k = i; k < l->n; k++)
			if (l->v[k]->state == IMPORT_READ && l->v[k]->rep.title ==
			    f->rep.title && l->v[k]->rep.implausible > 0)
				printf("  %s: beyond what a runner can do (a ride or "
				    "a drive saved as a run?):\n%s", l->v[k]->name,
				    l->v[k]->rep.implausible_list.data);
	}
	if (passed > 0)
		printf("Passed over %zu %s in no format runlog reads.\n", passed,
		    passed == 1 ? "file" : "files");
}

/* Refused files on stderr; the count. */
static size_t
refusals(const struct import_files *l)
{
	size_t i, n = 0;

	fflush(stdout);
	for (i = 0; i < l->n; i++) {
		const struct import_file *f = l->v[i];
		if (f->state != IMPORT_REFUSED)
			continue;
		n++;
		fprintf(stderr, "runlog: import %s: %s; nothing was imported from "
		    "it\n", f->name, f->why != NULL ? f->why : "refused");
	}
	return n;
}

static int
import_opts_read(struct cli_ctx *ctx, struct optres *o,
    struct csv_import_opts *io)
{
	const char *u;

	memset(io, 0, sizeof *io);
	if (OPTVAL(o, IO_FORMAT) != NULL &&
	    csv_format_parse(OPTVAL(o, IO_FORMAT), &io->format) != 0)
		return cli_usage("import", "%s", err_get());
	if ((u = OPTVAL(o, IO_UNITS)) != NULL) {
		if (strcmp(u, "km") == 0)
			io->units = UNIT_KM;
		else if (strcmp(u, "mi") == 0)
			io->units = UNIT_MI;
		else
			return cli_usage("import", "--units '%.40s': must be km or mi",
			    u);
		io->units_given = 1;
	}
	io->default_units = ctx->cfg.dist_unit;
	io->skip_bad = cli_flag(o, IO_SKIP);
	return 0;
}

/* Reads every path into b; -2 when the journal failed. */
static int
read_all(struct import_batch *b, const struct csv_import_opts *io,
    struct optres *o, struct import_files *files)
{
	struct inputs in;
	struct stat sb;
	size_t i, first_found;
	int rc = 0;

	memset(&in, 0, sizeof in);
	for (i = 0; i < (size_t)o->npos && rc != -2; i++) {
		const char *p = o->pos[i];
		if (strcmp(p, "-") != 0 && stat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			walk_dir(p, 0, &in, files);
		else if ((rc = read_here(b, io, p, files)) == 0)
			push(&in.given, &in.ngiven, p);
	}
	first_found = in.ngiven;
	for (i = 0; i < in.nfound && rc != -2; i++)
		if ((rc = read_here(b, io, in.found[i], files)) == 0)
			push(&in.given, &in.ngiven, in.found[i]);
	if (rc != -2 && in.ngiven > 0)
		rc = import_read_files(b, io, in.given, in.ngiven, first_found,
		    files);
	for (i = 0; i < in.ngiven; i++)
		free(in.given[i]);
	for (i = 0; i < in.nfound; i++)
		free(in.found[i]);
	free(in.given);
	free(in.found);
	return rc == -2 ? -2 : 0;
}

int
cmd_import(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct csv_import_opts io;
	struct store *st = NULL, *mem = NULL;
	struct import_batch *b;
	struct import_files files;
	char *label;
	size_t i, refused = 0;
	int rc, dry;

	if ((rc = cli_parse(ctx, argc, argv, import_opts, &o)) != 0)
		return rc;
	if (o.npos == 0)
		return cli_usage("import", "missing PATH");
	if ((rc = import_opts_read(ctx, &o, &io)) != 0)
		return rc;
	dry = cli_flag(&o, IO_DRY);
	for (i = 0; i < (size_t)o.npos; i++)
		if (strcmp(o.pos[i], "-") != 0 && access(o.pos[i], R_OK) != 0) {
			char *shown = text_printable(o.pos[i]);
			fprintf(stderr, "runlog: import: %s: %s\n", shown,
			    strerror(errno));
			free(shown);
			return 1;
		}
	if (dry && access(ctx->db_path, F_OK) != 0) {
		if (store_open_memory(&mem) != 0)
			return cli_fail("import");
		st = mem;
	} else if ((st = cli_store_verified(ctx)) == NULL) {
		return 1;
	}
	{
		const char *base = strrchr(o.pos[0], '/');
		label = xasprintf("import %s%s", base != NULL && base[1] != '\0' ?
		    base + 1 : o.pos[0], o.npos > 1 ? " ..." : "");
	}
	io.label = label;
	memset(&files, 0, sizeof files);
	if (import_batch_begin(st, &io, dry, &b) != 0) {
		rc = cli_fail("import");
		goto out;
	}
	rc = read_all(b, &io, &o, &files);
	for (i = 0; i < files.n; i++)
		if (files.v[i]->state == IMPORT_READ)
			break;
	if (import_batch_end(b, rc == 0 && i < files.n) != 0 || rc == -2) {
		fprintf(stderr, "runlog: import: %s; nothing was imported\n",
		    err_get());
		rc = 1;
		goto out;
	}
	rc = 0;
	if (files.n == 1 && o.npos == 1 && strcmp(files.v[0]->name,
	    o.pos[0]) == 0 && files.v[0]->state == IMPORT_READ) {
		if (io.units_given && files.v[0]->rep.units_how == NULL)
			fprintf(stderr, "runlog: --units was ignored: %s names its "
			    "units\n", files.v[0]->name);
		report(files.v[0]->name, dry, &files.v[0]->rep);
	} else if (files.n == 1 && o.npos == 1 &&
	    files.v[0]->state == IMPORT_REFUSED) {
		/* one file, refused: as before the import read many */
		fprintf(stderr, "runlog: import %s: %s; nothing was imported\n",
		    files.v[0]->name, files.v[0]->why);
		refused = 1;
	} else {
		summary(dry, &files);
		refused = refusals(&files);
	}
	if (refused > 0)
		rc = 1;
out:
	import_files_free(&files);
	store_close(mem);
	free(label);
	return rc;
}
