/*
 * cmd-shoe: runlog shoe, the runner's shoes. `shoe add` adds one (with a
 * limit, the distance after which it is worn, and as the default), `shoe`
 * or `shoe list` lists each with its distance, runs, first and last use
 * and how it stands against its limit, `shoe retire` and `shoe default`
 * change one. Also the shoe of `runlog run`: the one given or the default,
 * and the one-line note when that run takes a shoe past its limit.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "date.h"
#include "units.h"
#include "util.h"

enum { HO_LIMIT, HO_DEFAULT };
static const struct opt shoe_opts[] = {
	{ "limit", 0, OPT_VALUE, NULL }, { "default", 0, OPT_FLAG, NULL },
	{ NULL, 0, 0, NULL },
};
static const struct cmd_arg shoe_args[] = {
	{ "ACTION", OPT_CHOICE, "list|add|retire|default", CMD_ARG_OPTIONAL },
	{ "NAME", OPT_VALUE, NULL, CMD_ARG_OPTIONAL },
	{ NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_shoe_entry = {
	.name = "shoe",
	.opts = shoe_opts,
	.args = shoe_args,
	.usage = "[list|add|retire|default] [NAME] [--limit DISTANCE] "
	    "[--default]",
	.summary = "list shoes; add, retire or choose the default one",
	.exec = cmd_shoe,
};

/* Columns a name takes on a terminal, counting code points. */
static int
name_cols(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* "87% of 700 km", "past 700 km by 12.0 km", or "" without a limit. */
static void
limit_text(const struct config *cfg, const struct store_shoe *s, char *out,
    size_t n)
{
	char lim[32], by[32];

	out[0] = '\0';
	if (s->limit_m == 0)
		return;
	units_format_distance(s->limit_m, cfg->dist_unit, lim);
	if (s->distance_m > s->limit_m)
		snprintf(out, n, "past %s by %s", lim, units_format_distance(
		    s->distance_m - s->limit_m, cfg->dist_unit, by));
	else
		snprintf(out, n, "%d%% of %s", (int)(s->distance_m * 100 /
		    s->limit_m), lim);
}

static int
shoe_list(struct cli_ctx *ctx)
{
	struct store *st;
	struct store_shoe *v;
	size_t n, i;
	int w = 4;

	if ((st = cli_store(ctx)) == NULL)
		return 1;
	if (store_shoes(st, &v, &n) != 0)
		return cli_fail(NULL);
	if (n == 0) {
		outf("No shoes yet; add one with 'runlog shoe add NAME "
		    "[--limit 700km]'.\n");
		return 0;
	}
	for (i = 0; i < n; i++)
		if (name_cols(v[i].name) > w)
			w = name_cols(v[i].name);
	outf("%-*s  %11s  %4s  %-10s  %-10s  %s\n", w, "Shoe", "Distance",
	    "Runs", "First", "Last", "Limit");
	for (i = 0; i < n; i++) {
		char d[32], a[11] = "-", b[11] = "-", lim[80];
		const struct store_shoe *s = &v[i];

		if (s->runs > 0) {
			date_format(s->first_day, a);
			date_format(s->last_day, b);
		}
		limit_text(&ctx->cfg, s, lim, sizeof lim);
		outf("%s%*s  %11s  %4" PRId64 "  %-10s  %-10s  %s%s%s%s\n",
		    s->name, w - name_cols(s->name), "",
		    units_format_distance(s->distance_m, ctx->cfg.dist_unit, d),
		    s->runs, a, b, lim[0] ? lim : "none",
		    s->is_default ? "  (default)" : "",
		    s->retired ? "  (retired)" : "",
		    s->limit_m && s->distance_m > s->limit_m && !s->retired ?
		    "  worn: time for new shoes" : "");
	}
	free(v);
	return 0;
}

static int
shoe_add(struct cli_ctx *ctx, const struct optres *o, const char *name)
{
	struct store *st;
	int64_t limit = 0;
	char lim[32];
	int rc;

	if (store_shoe_name_check(name) != 0)
		return cli_fail(NULL);
	if (OPTVAL(o, HO_LIMIT) != NULL &&
	    (units_parse_distance(OPTVAL(o, HO_LIMIT), ctx->cfg.dist_unit,
	    &limit) != 0 || limit < SHOE_LIMIT_MIN || limit > SHOE_LIMIT_MAX)) {
		char *p = text_printable(OPTVAL(o, HO_LIMIT));

		err_set("--limit '%.40s': a distance of at least 1 km and at most "
		    "10000 km (as 700km or 450mi)", p);
		free(p);
		return cli_fail(NULL);
	}
	if ((st = cli_store_verified(ctx)) == NULL)
		return 1;
	rc = store_shoe_add(st, name, limit, cli_flag(o, HO_DEFAULT),
	    date_today());
	if (rc < 0)
		return cli_fail(NULL);
	if (rc == 1) {
		err_set("shoe '%s': the journal has a shoe of that name already",
		    name);
		return cli_fail(NULL);
	}
	outf("Added shoe %s%s%s.\n", name, limit ? ", limit " : "",
	    limit ? units_format_distance(limit, ctx->cfg.dist_unit, lim) : "");
	if (cli_flag(o, HO_DEFAULT))
		outf("Runs logged without --shoe now wear %s.\n", name);
	return 0;
}

/* retire (which 0) or default (1): the message for each outcome. */
static int
shoe_change(struct cli_ctx *ctx, int which, const char *name)
{
	struct store *st;
	struct store_shoe sh;
	char *known;
	int rc;

	if ((st = cli_store_existing(ctx, 1)) == NULL)
		return 1;
	rc = which ? store_shoe_default(st, name) : store_shoe_retire(st, name);
	if (rc < 0)
		return cli_fail(NULL);
	if (rc == 1) {
		known = store_shoe_known(st);
		err_set("shoe '%.40s': no such shoe; %s", name, known);
		free(known);
		return cli_fail(NULL);
	}
	if (store_shoe_get(st, name, &sh) != 0)
		return cli_fail(NULL);
	if (which)
		outf(rc == 2 ? "%s is the default shoe already.\n" :
		    "%s is now the default shoe: runs logged without --shoe "
		    "wear it.\n", sh.name);
	else
		outf(rc == 2 ? "%s was retired already.\n" : "Retired %s.\n",
		    sh.name);
	return 0;
}

int
cmd_shoe(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	const char *act;
	int rc;

	if ((rc = cli_parse(ctx, argc, argv, shoe_opts, &o)) != 0)
		return rc;
	act = o.npos > 0 ? o.pos[0] : "list";
	if (strcmp(act, "list") == 0) {
		if (o.npos > 1 || OPTVAL(&o, HO_LIMIT) || cli_flag(&o, HO_DEFAULT))
			return cli_usage("shoe", "list takes nothing else");
		return shoe_list(ctx);
	}
	if (strcmp(act, "add") != 0 && strcmp(act, "retire") != 0 &&
	    strcmp(act, "default") != 0)
		return cli_usage("shoe", "'%.40s': give list, add, retire or "
		    "default", act);
	if (o.npos != 2)
		return cli_usage("shoe", o.npos < 2 ? "%s which shoe? give its "
		    "name (quote a name with spaces)" : "%s one shoe at a time; "
		    "quote a name with spaces", act);
	if (strcmp(act, "add") == 0)
		return shoe_add(ctx, &o, o.pos[1]);
	if (OPTVAL(&o, HO_LIMIT) || cli_flag(&o, HO_DEFAULT))
		return cli_usage("shoe", "--limit and --default go with add");
	return shoe_change(ctx, strcmp(act, "default") == 0, o.pos[1]);
}

/* --- the shoe of runlog run -------------------------------------------- */

int
cli_run_shoe(struct cli_ctx *ctx, struct run *r)
{
	struct store_shoe *v, sh;
	struct store *st;
	struct stat sb;
	size_t n, i;
	char *known;
	int rc;

	/* A journal that is not there has no shoes: refused before it is made. */
	if (stat(ctx->db_path, &sb) != 0 && errno == ENOENT) {
		if (r->shoe == NULL)
			return 0;
		err_set("--shoe '%.40s': no such shoe; the journal has no shoes "
		    "yet; add one with 'runlog shoe add NAME'", r->shoe);
		return cli_fail(NULL);
	}
	if ((st = cli_store_verified(ctx)) == NULL)
		return 1;
	if (r->shoe == NULL) {
		if (store_shoes(st, &v, &n) != 0)
			return cli_fail(NULL);
		for (i = 0; i < n && !v[i].is_default; i++)
			;
		if (i < n)
			r->shoe = xstrdup(v[i].name);
		free(v);
		return 0;
	}
	if ((rc = store_shoe_get(st, r->shoe, &sh)) < 0)
		return cli_fail(NULL);
	if (rc == 1) {
		char *p = text_printable(r->shoe);

		known = store_shoe_known(st);
		err_set("--shoe '%.40s': no such shoe; %s", p, known);
		free(known);
		free(p);
		return cli_fail(NULL);
	}
	free(r->shoe);
	r->shoe = xstrdup(sh.name);      /* as the journal spells it */
	return 0;
}

void
cli_run_shoe_note(const struct cli_ctx *ctx, struct store *st,
    const struct run *r)
{
	struct store_shoe sh;
	int64_t before;
	char d[32], lim[32];

	if (r->shoe == NULL || store_shoe_get(st, r->shoe, &sh) != 0 ||
	    sh.limit_m == 0)
		return;
	before = sh.distance_m - r->distance_m;
	/* said once, by the run that crosses the limit */
	if (before > sh.limit_m || sh.distance_m <= sh.limit_m)
		return;
	outf("Note: %s has now run %s, past its limit of %s; time for new "
	    "shoes.\n", sh.name, units_format_distance(sh.distance_m,
	    ctx->cfg.dist_unit, d), units_format_distance(sh.limit_m,
	    ctx->cfg.dist_unit, lim));
}
