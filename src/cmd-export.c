/*
 * cmd-export: runlog export. The CSV goes to stdout, or with -o to a
 * temporary file beside FILE (mode 0600: it is health data) that is
 * renamed over FILE once it is complete, so FILE is never half-written.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "csv.h"
#include "date.h"
#include "util.h"

enum { EO_WHAT, EO_FROM, EO_TO, EO_OUT };
static const struct opt export_opts[] = {
	{ "what", 0, 1 }, { "from", 0, 1 }, { "to", 0, 1 }, { "output", 'o', 1 },
	{ NULL, 0, 0 },
};

static const char *
what_noun(enum csv_what w, size_t n)
{
	switch (w) {
	case CSV_DAYS:      return n == 1 ? "day" : "days";
	case CSV_RUNS:      return n == 1 ? "run" : "runs";
	case CSV_SLEEP:     return n == 1 ? "sleep entry" : "sleep entries";
	case CSV_HYDRATION: return n == 1 ? "drink" : "drinks";
	case CSV_FATIGUE:   return n == 1 ? "check-in" : "check-ins";
	case CSV_REST:      return n == 1 ? "rest day" : "rest days";
	default:            return "rows";
	}
}

/* Writes the export to path through a temporary file and rename(). */
static int
export_to_file(struct cli_ctx *ctx, struct store *st, enum csv_what what,
    int from, int to, const char *path, size_t *rows)
{
	char *dir, *slash, *tmp;
	const char *base;
	FILE *f = NULL;
	int fd, rc = -1;

	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash == NULL) {
		free(dir);
		dir = xstrdup(".");
		base = path;
	} else {
		base = path + (slash - dir) + 1;
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	if (*base == '\0') {
		err_set("%s: a directory; give a file name", path);
		free(dir);
		return -1;
	}
	tmp = xasprintf("%s/.%s.XXXXXX", dir, base);
	if ((fd = mkstemp(tmp)) < 0) {
		err_set("cannot write in %s: %s", dir, strerror(errno));
		goto out;
	}
	fchmod(fd, 0600);
	if ((f = fdopen(fd, "w")) == NULL) {
		err_set("%s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (csv_export(st, &ctx->cfg, what, from, to, f, rows) != 0) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s", err_get());
		err_set("%s: %s", path, msg);
		goto fail;
	}
	if (fsync(fileno(f)) != 0) {
		err_set("%s: %s", path, strerror(errno));
		goto fail;
	}
	if (fclose(f) != 0) {
		f = NULL;
		err_set("%s: %s", path, strerror(errno));
		goto fail;
	}
	f = NULL;
	if (rename(tmp, path) != 0) {
		err_set("cannot replace %s: %s", path, strerror(errno));
		goto fail;
	}
	rc = 0;
	goto out;
fail:
	if (f != NULL)
		fclose(f);
	unlink(tmp);
out:
	free(tmp);
	free(dir);
	return rc;
}

int
cmd_export(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct store *st;
	enum csv_what what = CSV_DAYS;
	int from = DATE_MIN, to = DATE_MAX, rc;
	const char *out;
	size_t rows = 0;

	if ((rc = cli_parse(ctx, argc, argv, export_opts, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage("export", "unexpected argument '%.40s'", o.pos[0]);
	if (OPTVAL(&o, EO_WHAT) != NULL &&
	    csv_what_parse(OPTVAL(&o, EO_WHAT), &what) != 0)
		return cli_usage("export", "%s", err_get());
	if (OPTVAL(&o, EO_FROM) != NULL && date_parse(OPTVAL(&o, EO_FROM), &from))
		return cli_usage("export", "--from: %s", err_get());
	if (OPTVAL(&o, EO_TO) != NULL && date_parse(OPTVAL(&o, EO_TO), &to))
		return cli_usage("export", "--to: %s", err_get());
	if (from > to)
		return cli_usage("export", "--from is after --to");
	out = OPTVAL(&o, EO_OUT);
	if (out != NULL && (*out == '\0' || strcmp(out, "-") == 0))
		out = NULL;
	if ((st = cli_store(ctx)) == NULL)
		return 1;
	if (out == NULL) {
		if (csv_export(st, &ctx->cfg, what, from, to, stdout, &rows) != 0)
			return cli_fail("export");
		return 0;
	}
	if (export_to_file(ctx, st, what, from, to, out, &rows) != 0)
		return cli_fail("export");
	printf("Wrote %zu %s to %s.\n", rows, what_noun(what, rows), out);
	return 0;
}
