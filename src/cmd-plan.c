/*
 * cmd-plan: runlog plan, the planned runs. With a distance it adds one
 * for a day from today up to PLAN_AHEAD_DAYS ahead; without, it lists the
 * plans from today on, and those of the past week with whether each was
 * done.
 *
 * A plan is done when its day holds a run that was logged: that is worked
 * out from the journal each time (plan_done()), never stored, so deleting
 * or moving the run reopens the plan. Plans are kept apart from runs and
 * count as training nowhere.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "entry-text.h"
#include "units.h"
#include "util.h"

/* Days before today whose plans the list shows, done or not. */
#define PLAN_PAST_DAYS 7

enum { PO_DATE, PO_TYPE, PO_RPE, PO_NOTE, PO_COUNT };
static const struct opt plan_opts[] = {
	{ "date", 'd', OPT_DATE, NULL }, { "type", 't', OPT_RUN_TYPE, NULL },
	{ "rpe", 'r', OPT_VALUE, NULL }, { "note", 'n', OPT_VALUE, NULL },
	{ NULL, 0, 0, NULL },
};
static const char *const plan_cols[PO_COUNT] = {
	"day", "type", "rpe", "note",
};
static const struct cmd_arg plan_args[] = {
	{ "DISTANCE", OPT_VALUE, NULL, CMD_ARG_OPTIONAL },
	{ "DURATION", OPT_VALUE, NULL, CMD_ARG_OPTIONAL },
	{ NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_plan_entry = {
	.name = "plan",
	.opts = plan_opts,
	.args = plan_args,
	.usage = "[DISTANCE [DURATION] [-d D] [-t T] [-r N] [-n TEXT]]",
	.summary = "plan a run ahead, or list the plans",
	.exec = cmd_plan,
};

/* A plan's line without the kind's name it begins with. */
static const char *
plan_text(const struct buf *line)
{
	const char *p = line->data + strlen(entry_kind_name(ENTRY_PLAN));

	while (*p == ' ')
		p++;
	return p;
}

/* The distance and the duration typed, checked like a run's pace. */
static int
plan_plausible(struct cli_ctx *ctx, const struct plan *p)
{
	struct run r;

	memset(&r, 0, sizeof r);
	r.distance_m = p->distance_m;
	r.duration_s = p->duration_s;
	if (run_plausible(&r, ctx->cfg.dist_unit, 1) != 0)
		return cli_fail(NULL);
	return 0;
}

static int
plan_add(struct cli_ctx *ctx, const struct optres *o)
{
	struct plan p;
	struct store *st;
	struct buf line;
	char day[11];
	int i;

	if (o->npos > 2)
		return cli_usage("plan", "unexpected argument '%.40s'", o->pos[2]);
	cli_entry_init(ENTRY_PLAN, &p);
	p.day = date_today();
	if (cli_field_parse(ctx, ENTRY_PLAN, "distance_m", o->pos[0], &p) != 0 ||
	    (o->npos > 1 && cli_field_parse(ctx, ENTRY_PLAN, "duration_s",
	    o->pos[1], &p) != 0))
		goto fail;
	for (i = 0; i < PO_COUNT; i++)
		if (OPTVAL(o, i) != NULL &&
		    cli_field_parse(ctx, ENTRY_PLAN, plan_cols[i], OPTVAL(o, i),
		    &p) != 0)
			goto fail;
	if (plan_plausible(ctx, &p) != 0 ||
	    (st = cli_store_verified(ctx)) == NULL)
		goto fail;
	if (store_add_plan(st, &p) != 0) {
		plan_free(&p);
		return cli_fail(NULL);
	}
	buf_init(&line);
	entry_text_line(ENTRY_PLAN, &p, ctx->cfg.dist_unit, ctx->cfg.vol_unit,
	    &line);
	outf("Planned p%" PRId64 " for %s %s: %s\n", p.id,
	    date_weekday_name(p.day), date_format(p.day, day),
	    plan_text(&line));
	buf_free(&line);
	plan_free(&p);
	return 0;
fail:
	plan_free(&p);
	return 1;
}

/* One plan of the list, with what became of it when its day has come. */
static void
plan_print(struct cli_ctx *ctx, const struct plan *p,
    const struct entries *e, int today, struct buf *line)
{
	char day[11];

	buf_clear(line);
	entry_text_line(ENTRY_PLAN, p, ctx->cfg.dist_unit, ctx->cfg.vol_unit,
	    line);
	outf("  p%-5" PRId64 " %s %s  %s", p->id, date_weekday_name(p->day),
	    date_format(p->day, day), plan_text(line));
	if (plan_done(p, e->runs, e->nruns))
		outf("  [done]\n");
	else if (p->day < today)
		outf("  [not done]\n");
	else
		outf("\n");
}

static int
plan_list(struct cli_ctx *ctx)
{
	int today = date_today(), upcoming = 0, past = 0;
	struct entries e;
	struct store *st;
	struct buf line;
	char a[11];
	size_t i;

	if ((st = cli_store_existing(ctx, 0)) == NULL)
		return 1;
	if (store_load(st, today - PLAN_PAST_DAYS, today + PLAN_AHEAD_DAYS,
	    &e) != 0)
		return cli_fail(NULL);
	buf_init(&line);
	for (i = 0; i < e.nplans; i++)
		past += e.plans[i].day < today;
	if (past > 0) {
		outf("The past %d days:\n", PLAN_PAST_DAYS);
		for (i = 0; i < e.nplans && e.plans[i].day < today; i++)
			plan_print(ctx, &e.plans[i], &e, today, &line);
	}
	for (i = 0; i < e.nplans; i++) {
		if (e.plans[i].day < today)
			continue;
		if (upcoming++ == 0)
			outf("Planned from today, %s:\n", date_format(today, a));
		plan_print(ctx, &e.plans[i], &e, today, &line);
	}
	if (upcoming == 0)
		outf("No runs planned from today, %s; add one with 'runlog plan "
		    "DISTANCE --date D'.\n", date_format(today, a));
	buf_free(&line);
	entries_free(&e);
	return 0;
}

int
cmd_plan(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	int rc, i;

	if ((rc = cli_parse(ctx, argc, argv, plan_opts, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return plan_add(ctx, &o);
	for (i = 0; i < PO_COUNT; i++)
		if (OPTVAL(&o, i) != NULL)
			return cli_usage("plan", "missing DISTANCE: --%s describes "
			    "a plan to add", plan_opts[i].name);
	return plan_list(ctx);
}
