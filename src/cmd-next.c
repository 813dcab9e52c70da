/*
 * cmd-next: runlog next, the safe week ahead. Every number comes from
 * next_compute() (analysis-next.c); this file reads the journal and the
 * plan and words the answers, as text in the user's units or as one JSON
 * object in metres.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "next.h"
#include "series.h"
#include "store.h"
#include "entry.h"
#include "units.h"
#include "util.h"

enum { NO_JSON };
static const struct opt next_opts[] = {
	{ "json", 0, OPT_FLAG, NULL },
	{ NULL, 0, 0, NULL },
};
const struct cmd_entry cmd_next_entry = {
	.name = "next",
	.opts = next_opts,
	.usage = "[--json]",
	.summary = "the most distance and longest run for the next 7 days",
	.exec = cmd_next,
};

int
plan_load_planned(struct store *st, int today, int ndays,
    struct an_planned **plan, size_t *np)
{
	struct plan *v;
	size_t n, i;

	/* Days ahead hold no run yet, so none of these plans is done. */
	if (store_plans(st, today + 1, today + ndays, &v, &n) != 0)
		return -1;
	*plan = n ? xcalloc(n, sizeof **plan) : NULL;
	for (i = 0; i < n; i++)
		(*plan)[i] = (struct an_planned){ v[i].day, v[i].distance_m,
		    v[i].duration_s, v[i].rpe, run_type_name(v[i].type),
		    v[i].id };
	plan_list_free(v, n);
	*np = n;
	return 0;
}

int
next_journal(struct store *st, const struct an_params *p, int today,
    struct next_result *out)
{
	struct series se;
	struct an_planned *plan;
	size_t np;
	int rc;

	/* the week and the days after it that the rules' holds need */
	if (plan_load_planned(st, today, NEXT_DAYS + next_trail_days(p),
	    &plan, &np) != 0)
		return -1;
	if (series_load(st, today, today, p, &se) != 0) {
		free(plan);
		return -1;
	}
	rc = next_compute(&se.s, p, today, plan, np, out);
	series_free(&se);
	free(plan);
	if (rc != 0)
		err_set("out of memory");
	return rc;
}

const char *
next_limit_name(const struct next_answer *a)
{
	switch (a->status) {
	case NEXT_LIMITED:
		return an_flag_name(a->flag.id);
	case NEXT_FIXED:
		return "plan";
	default:
		return "none";
	}
}

static void buf_addf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
buf_addf(struct buf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	buf_adds(b, tmp);
}

static void
json_str(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_addf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			buf_addf(b, "\\u%04x", (unsigned char)*s);
		else
			buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

static void
json_rules(struct buf *b, const char *key, unsigned bits)
{
	int id, n = 0;

	buf_addf(b, ", \"%s\": [", key);
	for (id = 0; id < AN_FLAG_COUNT; id++)
		if (bits & (1u << id)) {
			buf_adds(b, n++ ? ", " : "");
			json_str(b, an_flag_name((enum an_flag_id)id));
		}
	buf_adds(b, "]");
}

/* What keeps each rule from limiting, as words. */
static const struct {
	unsigned    bit;
	const char *words;
} why_words[] = {
	{ NEXT_WHY_JUMP_OFF, "mileage-jump is switched off" },
	{ NEXT_WHY_JUMP_FLOOR, "the recent weekly level is under the "
	    "mileage floor or not known yet" },
	{ NEXT_WHY_SPIKE_OFF, "long-run-spike is switched off" },
	{ NEXT_WHY_SPIKE_NEW, "there is no long run of the last 30 days to "
	    "compare with yet" },
	{ NEXT_WHY_ACWR_OFF, "acwr is switched off" },
	{ NEXT_WHY_ACWR_BASE, "there is no load ratio yet (it needs 4 weeks "
	    "of runs)" },
};
#define NWHY (sizeof why_words / sizeof why_words[0])

char *
next_why_text(unsigned why, char *out, size_t n)
{
	size_t i, len = 0;

	out[0] = '\0';
	for (i = 0; i < NWHY && len < n; i++)
		if (why & why_words[i].bit)
			len += (size_t)snprintf(out + len, n - len, "%s%s",
			    len ? "; " : "", why_words[i].words);
	return out;
}

/* The day an answer's limit would be raised, or null. */
static void
json_limit_date(struct buf *b, const struct next_answer *a)
{
	char ds[11];

	if (a->status == NEXT_LIMITED)
		json_str(b, date_format(a->limit_day, ds));
	else
		buf_adds(b, "null");
}

static void
json_answer(struct buf *b, const char *pre, const struct next_week *v,
    int today)
{
	char ds[11];

	buf_addf(b, ", \"%smax_week_m\": %lld, \"%smax_run_m\": %lld", pre,
	    (long long)v->week.value_m, pre, (long long)v->run.value_m);
	buf_addf(b, ", \"%slimited_by\": ", pre);
	json_str(b, next_limit_name(&v->week));
	buf_addf(b, ", \"%srun_limited_by\": ", pre);
	json_str(b, next_limit_name(&v->run));
	buf_addf(b, ", \"%slimit_date\": ", pre);
	json_limit_date(b, &v->week);
	buf_addf(b, ", \"%srun_limit_date\": ", pre);
	json_limit_date(b, &v->run);
	buf_addf(b, ", \"%slong_run_date\": ", pre);
	if (v->long_index >= 0)
		json_str(b, date_format(today + 1 + v->long_index, ds));
	else
		buf_adds(b, "null");
	buf_addf(b, ", \"%slong_run_planned_m\": %lld", pre,
	    (long long)v->long_plan_m);
}

static void
json_given(struct buf *b, const struct next_result *r)
{
	char ds[11];
	int i;

	buf_adds(b, ", \"given\": [");
	for (i = 0; i < r->ngiven; i++) {
		buf_adds(b, i ? ", {\"rule\": " : "{\"rule\": ");
		json_str(b, an_flag_name(r->given[i].id));
		buf_adds(b, ", \"date\": ");
		json_str(b, date_format(r->given[i].day, ds));
		buf_adds(b, ", \"severity\": ");
		json_str(b, an_severity_name(r->given[i].severity));
		buf_adds(b, "}");
	}
	buf_adds(b, "]");
}

static void
print_json(const struct next_result *r)
{
	struct buf b;
	char ds[11];
	size_t i;
	int k, f;

	buf_init(&b);
	buf_adds(&b, "{\"today\": ");
	json_str(&b, date_format(r->today, ds));
	json_answer(&b, "", &r->usual, r->today);
	json_answer(&b, "rest_", &r->rest, r->today);
	buf_adds(&b, ", \"rest_day\": ");
	if (r->rest.rest_index >= 0)
		json_str(&b, date_format(r->today + 1 + r->rest.rest_index,
		    ds));
	else
		buf_adds(&b, "null");
	buf_addf(&b, ", \"usual_week_m\": %lld, \"usual_long_m\": %lld, "
	    "\"pattern_weeks\": %d, \"planned_m\": %lld",
	    (long long)r->pat.usual_week_m, (long long)r->pat.usual_long_m,
	    r->pat.weeks, (long long)r->planned_m);
	buf_adds(&b, ", \"no_limit_reasons\": [");
	for (i = 0, k = 0; i < NWHY; i++)
		if (r->why & why_words[i].bit) {
			buf_adds(&b, k++ ? ", " : "");
			json_str(&b, why_words[i].words);
		}
	buf_adds(&b, "]");
	json_rules(&b, "already", r->already);
	json_given(&b, r);
	buf_adds(&b, ", \"days\": [");
	for (k = 0; k < NEXT_DAYS; k++) {
		const struct next_day *d = &r->days[k];

		buf_adds(&b, k ? ", {\"date\": " : "{\"date\": ");
		json_str(&b, date_format(d->day, ds));
		buf_addf(&b, ", \"planned_m\": %lld, \"week_m\": %lld, "
		    "\"rest_week_m\": %lld, \"flags\": [",
		    (long long)d->planned_m,
		    (long long)r->usual.day_m[k] + d->planned_m,
		    (long long)r->rest.day_m[k] + d->planned_m);
		for (f = 0; f < d->nflags; f++) {
			buf_adds(&b, f ? ", " : "");
			json_str(&b, an_flag_name(d->flags[f].id));
		}
		buf_adds(&b, "]}");
	}
	buf_adds(&b, "]}\n");
	out_puts(stdout, b.data);
	buf_free(&b);
}

/* "Wed 2026-12-02" into out (at least 16 bytes). */
static char *
day_name(int day, char *out)
{
	char ds[11];

	snprintf(out, 16, "%s %s", date_weekday_name(day),
	    date_format(day, ds));
	return out;
}

/* Why an answer is what it is, indented under it. */
static void
print_limit(const struct cli_ctx *ctx, const struct next_result *r,
    const struct next_answer *a, int64_t usual)
{
	char reason[512], dn[16], dist[32];

	switch (a->status) {
	case NEXT_LIMITED:
		an_flag_reason(&a->flag, ctx->cfg.dist_unit, ctx->cfg.vol_unit,
		    reason, sizeof reason);
		outf("    limited by %s: %s more would raise it on %s%s (%s).\n",
		    an_flag_name(a->flag.id),
		    units_format_distance(NEXT_STEP_M, ctx->cfg.dist_unit,
		    dist), day_name(a->limit_day, dn),
		    a->limit_day > r->today + NEXT_DAYS ? ", after the week, "
		    "if you then carry on as usual" : "", reason);
		break;
	case NEXT_FIXED:
		outf("    the plan fills every day of the week.\n");
		break;
	case NEXT_NO_LIMIT:
		outf("    no rule limits it (%s): stay near the usual %s.\n",
		    next_why_text(r->why, reason, sizeof reason),
		    units_format_distance(usual, ctx->cfg.dist_unit, dist));
		break;
	}
}

static void
print_variant(const struct cli_ctx *ctx, const struct next_result *r,
    const struct next_week *v)
{
	char dist[32], dn[16];

	outf("  Most for the 7 days:  %s\n",
	    units_format_distance(v->week.value_m, ctx->cfg.dist_unit, dist));
	print_limit(ctx, r, &v->week, r->pat.usual_week_m);
	if (r->ngiven > 0 && v->week.status != NEXT_FIXED)
		outf("    That is the most that adds no flag to those taken "
		    "as given above; a week with none of them may be less.\n");
	outf("  Longest single run:   %s", units_format_distance(
	    v->run.value_m, ctx->cfg.dist_unit, dist));
	if (v->long_index >= 0)
		outf(" on %s", day_name(r->today + 1 + v->long_index, dn));
	if (v->long_plan_m > 0) {
		/* the plan holds the long run: the answer is that run's */
		outf(", the day of the planned long run (%s)",
		    units_format_distance(v->long_plan_m, ctx->cfg.dist_unit,
		    dist));
		outf(", the rest of the week at %s\n", units_format_distance(
		    v->base_m - v->long_plan_m, ctx->cfg.dist_unit, dist));
	} else {
		/* the other days: their share of the week, and the plans */
		int64_t rest = r->planned_m;
		int k;

		for (k = 0; k < NEXT_DAYS; k++)
			if (k != v->long_index)
				rest += v->run_day_m[k];
		outf(", the rest of the week at %s\n", units_format_distance(
		    rest, ctx->cfg.dist_unit, dist));
	}
	print_limit(ctx, r, &v->run, r->pat.usual_long_m);
	if (v->long_plan_m > v->run.value_m && v->run.status == NEXT_LIMITED)
		outf("    The %s planned is more than that.\n",
		    units_format_distance(v->long_plan_m, ctx->cfg.dist_unit,
		    dist));
}

static void
print_planned(const struct cli_ctx *ctx, const struct next_result *r)
{
	char dist[32], dn[16];
	int k, f, any = 0;

	for (k = 0; k < NEXT_DAYS; k++) {
		const struct next_day *d = &r->days[k];

		if (d->nplanned == 0)
			continue;
		if (!any++)
			outf("\nPlanned runs, with the flags they would "
			    "raise:\n");
		outf("  %s  %s", day_name(d->day, dn),
		    units_format_distance(d->planned_m, ctx->cfg.dist_unit,
		    dist));
		if (d->nflags == 0)
			outf("  no flag\n");
		for (f = 0; f < d->nflags; f++)
			outf("%s%s %s", f ? ", " : "  ",
			    an_flag_name(d->flags[f].id),
			    an_severity_name(d->flags[f].severity));
		if (d->nflags > 0)
			outf("\n");
	}
	if (!any)
		outf("\nNo runs planned in the next 7 days.\n");
}

/*
 * The flags raised whatever else is run, taken as given: one line per
 * rule and severity over consecutive days.
 */
static void
print_given(const struct next_result *r)
{
	char d1[16], d2[16];
	int i, j, k, last = r->today + NEXT_DAYS;

	if (r->ngiven == 0)
		return;
	outf("Raised whatever else is run (by the days run or the plan), so "
	    "taken as given:\n");
	for (i = 0; i < r->ngiven; i++) {
		const struct next_given *g = &r->given[i], *e = g;
		int after;

		for (j = 0; j < i; j++)
			if (r->given[j].id == g->id &&
			    r->given[j].severity == g->severity &&
			    r->given[j].day == g->day - 1)
				break;
		if (j < i)
			continue;         /* part of a run already printed */
		for (k = i + 1; k < r->ngiven; k++)
			if (r->given[k].id == g->id &&
			    r->given[k].severity == g->severity &&
			    r->given[k].day == e->day + 1)
				e = &r->given[k];
		outf("  %s %s ", an_flag_name(g->id),
		    an_severity_name(g->severity));
		if (e == g)
			outf("on %s", day_name(g->day, d1));
		else
			outf("from %s to %s", day_name(g->day, d1),
			    day_name(e->day, d2));
		after = e->day - (g->day > last ? g->day - 1 : last);
		if (g->day > last)
			outf(" (after the week)");
		else if (after > 0)
			outf(" (%d of those days after the week)", after);
		outf("\n");
	}
	outf("The answers raise none of these on another day or at a "
	    "higher severity, and no other flag.\n");
}

static void
print_text(const struct cli_ctx *ctx, const struct next_result *r)
{
	char dist[32], dl[32], dn[16], dn2[16];

	outf("The week ahead, %s to %s, judged by mileage-jump, "
	    "long-run-spike and acwr.\n", day_name(r->today + 1, dn),
	    day_name(r->today + NEXT_DAYS, dn2));
	if (r->pat.weeks > 0)
		outf("Usual week (last %d week%s): %s, longest run %s.\n",
		    r->pat.weeks, r->pat.weeks == 1 ? "" : "s",
		    units_format_distance(r->pat.usual_week_m,
		    ctx->cfg.dist_unit, dist), units_format_distance(
		    r->pat.usual_long_m, ctx->cfg.dist_unit, dl));
	else
		outf("Usual week: not a whole week in the journal yet (%s "
		    "so far).\n", units_format_distance(r->pat.usual_week_m,
		    ctx->cfg.dist_unit, dist));
	print_given(r);
	outf("\nAs usual:\n");
	print_variant(ctx, r, &r->usual);
	if (r->rest.rest_index >= 0) {
		outf("\nWith one more rest day, on %s:\n",
		    day_name(r->today + 1 + r->rest.rest_index, dn));
		print_variant(ctx, r, &r->rest);
	} else {
		outf("\nWith one more rest day: the usual week has fewer than "
		    "two running days to choose from; as above.\n");
	}
	print_planned(ctx, r);
}

int
cmd_next(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct store *st;
	struct next_result *r;
	int rc;

	if ((rc = cli_parse(ctx, argc, argv, next_opts, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage("next", "unexpected argument '%.40s'",
		    o.pos[0]);
	if ((st = cli_store_existing(ctx, 0)) == NULL)
		return 1;
	r = xcalloc(1, sizeof *r);
	if (next_journal(st, &ctx->cfg.an, date_today(), r) != 0) {
		free(r);
		return cli_fail(NULL);
	}
	if (cli_flag(&o, NO_JSON))
		print_json(r);
	else
		print_text(ctx, r);
	free(r);
	return 0;
}
