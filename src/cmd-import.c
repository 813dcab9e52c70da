/*
 * cmd-import: runlog import. Options are checked and the file opened
 * before the journal is, so a typo never creates or touches a journal; a
 * dry run against a journal that does not exist yet uses an empty one in
 * memory instead of creating the file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "csv.h"
#include "util.h"

enum { IO_FORMAT, IO_UNITS, IO_DRY, IO_SKIP };
static const struct opt import_opts[] = {
	{ "format", 0, OPT_CHOICE,
	    "auto|runlog|strava|garmin|gpx|tcx|fit|garmin-json|intervals|garmin-sleep" },
	{ "units", 0, OPT_CHOICE, "km|mi" }, { "dry-run", 'n', OPT_FLAG, NULL },
	{ "skip-bad", 0, OPT_FLAG, NULL }, { NULL, 0, 0, NULL },
};
static const struct cmd_arg import_args[] = {
	{ "FILE", OPT_FILE, NULL, 0 }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.opts = import_opts,
	.args = import_args,
	.usage = "[--format auto|runlog|strava|garmin|gpx|tcx|fit|garmin-json|"
	    "intervals|garmin-sleep] "
	    "[--units km|mi] [--dry-run] [--skip-bad] FILE",
	.summary = "read runlog, Strava or Garmin CSV, GPX, TCX, FIT, Garmin's "
	    "export JSON or wellness CSV",
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
	if (r->merged)
		printf("%s %zu %s in the journal with values %s lacked.\n",
		    dry ? "Would fill in" : "Filled in", r->merged, r->merged == 1 ?
		    "check-in" : "check-ins", r->merged == 1 ? "it" : "they");
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

int
cmd_import(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct csv_import_opts io;
	struct csv_import_report rep;
	struct store *st = NULL, *mem = NULL;
	const char *path, *u;
	char *shown;
	char *label;
	struct stat sb;
	FILE *f;
	int rc, dry;

	if ((rc = cli_parse(ctx, argc, argv, import_opts, &o)) != 0)
		return rc;
	if (o.npos == 0)
		return cli_usage("import", "missing FILE");
	if (o.npos > 1)
		return cli_usage("import", "unexpected argument '%.40s'", o.pos[1]);
	memset(&io, 0, sizeof io);
	if (OPTVAL(&o, IO_FORMAT) != NULL &&
	    csv_format_parse(OPTVAL(&o, IO_FORMAT), &io.format) != 0)
		return cli_usage("import", "%s", err_get());
	if ((u = OPTVAL(&o, IO_UNITS)) != NULL) {
		if (strcmp(u, "km") == 0)
			io.units = UNIT_KM;
		else if (strcmp(u, "mi") == 0)
			io.units = UNIT_MI;
		else
			return cli_usage("import", "--units '%.40s': must be km or mi",
			    u);
		io.units_given = 1;
	}
	io.default_units = ctx->cfg.dist_unit;
	io.skip_bad = cli_flag(&o, IO_SKIP);
	dry = cli_flag(&o, IO_DRY);
	path = o.pos[0];
	/* The path as messages show it: no control characters. */
	shown = text_printable(path);

	if (strcmp(path, "-") == 0) {
		f = stdin;
	} else if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "runlog: import: %s: %s\n", shown, strerror(errno));
		free(shown);
		return 1;
	}
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fprintf(stderr, "runlog: import: %s: a directory, not a file\n",
		    shown);
		fclose(f);
		free(shown);
		return 1;
	}
	if (dry && access(ctx->db_path, F_OK) != 0) {
		if (store_open_memory(&mem) != 0) {
			fclose(f);
			free(shown);
			return cli_fail("import");
		}
		st = mem;
	} else if ((st = cli_store_verified(ctx)) == NULL) {
		if (f != stdin)
			fclose(f);
		free(shown);
		return 1;
	}
	{
		const char *base = strrchr(path, '/');
		label = xasprintf("import %s", base != NULL ? base + 1 : path);
	}
	io.label = label;
	rc = csv_import(st, f, &io, dry, &rep);
	if (f != stdin)
		fclose(f);
	if (rc != 0) {
		fprintf(stderr, "runlog: import %s: %s; nothing was imported\n",
		    shown, err_get());
		rc = 1;
	} else {
		if (io.units_given && rep.units_how == NULL)
			fprintf(stderr, "runlog: --units was ignored: %s names its "
			    "units\n", shown);
		report(shown, dry, &rep);
	}
	csv_import_report_free(&rep);
	store_close(mem);
	free(label);
	free(shown);
	return rc;
}
