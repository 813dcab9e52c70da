/*
 * cmd-log: the logging commands, runlog run, sleep, drink, fatigue and
 * rest. Every value is parsed and range-checked before the journal is
 * opened, so a refused value never creates or touches a file.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "units.h"
#include "util.h"

/* An integer option within a range; 0 stays "not given". */
static int
int_opt(const char *s, const struct field_range *r, int *out)
{
	int64_t v;

	if (s == NULL)
		return 0;
	if (units_parse_int(s, &v) != 0) {
		err_set("%s '%.40s': not a whole number; must be %s", r->name, s,
		    r->allowed);
		return cli_fail(NULL);
	}
	if (range_check(r, v, s) != 0)
		return cli_fail(NULL);
	*out = (int)v;
	return 0;
}

static int
note_opt(const char *s, char **out)
{
	if (s == NULL)
		return 0;
	if (note_validate(s) != 0)
		return cli_fail(NULL);
	*out = (char *)s;
	return 0;
}

static int
need_args(const char *cmd, const struct optres *res, int n, const char *what)
{
	if (res->npos < n)
		return cli_usage(cmd, "missing %s", what);
	if (res->npos > n)
		return cli_usage(cmd, "unexpected argument '%.40s'", res->pos[n]);
	return 0;
}

enum { RO_DATE, RO_RPE, RO_TYPE, RO_HR, RO_CLIMB, RO_BEFORE, RO_AFTER, RO_NOTE };
static const struct opt run_opts[] = {
	{ "date", 0, OPT_DATE, NULL }, { "rpe", 0, OPT_VALUE, NULL },
	{ "type", 0, OPT_RUN_TYPE, NULL }, { "hr", 0, OPT_VALUE, NULL },
	{ "climb", 0, OPT_VALUE, NULL }, { "before", 0, OPT_VALUE, NULL },
	{ "after", 0, OPT_VALUE, NULL }, { "note", 0, OPT_VALUE, NULL },
	{ NULL, 0, 0, NULL },
};
static const struct cmd_arg run_args[] = {
	{ "DISTANCE", OPT_VALUE, NULL, 0 }, { "DURATION", OPT_VALUE, NULL, 0 },
	{ NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.opts = run_opts,
	.args = run_args,
	.usage = "DISTANCE DURATION [--date D] [--rpe N] [--type T] [--hr BPM] "
	    "[--climb M] [--before KG --after KG] [--note TEXT]",
	.summary = "log a run",
	.exec = cmd_run,
};

int
cmd_run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct run r;
	struct optres o;
	struct store *st;
	char d[32], t[32], p[32], rpe[16] = "", day[11];
	int64_t v;
	int rc;

	if ((rc = cli_parse(ctx, argc, argv, run_opts, &o)) != 0)
		return rc;
	if ((rc = need_args("run", &o, 2, o.npos == 0 ?
	    "DISTANCE and DURATION" : "DURATION")) != 0)
		return rc;
	memset(&r, 0, sizeof r);
	r.climb_m = -1;
	r.type = RUN_EASY;
	if (units_parse_distance(o.pos[0], ctx->cfg.dist_unit, &r.distance_m) != 0 ||
	    range_check(&RANGE_DISTANCE, r.distance_m, o.pos[0]) != 0)
		return cli_fail(NULL);
	if (units_parse_duration(o.pos[1], &r.duration_s) != 0 ||
	    range_check(&RANGE_DURATION, r.duration_s, o.pos[1]) != 0)
		return cli_fail(NULL);
	if (cli_date_opt(OPTVAL(&o, RO_DATE), &r.day) != 0 ||
	    int_opt(OPTVAL(&o, RO_RPE), &RANGE_RPE, &r.rpe) != 0 ||
	    int_opt(OPTVAL(&o, RO_HR), &RANGE_HR, &r.avg_hr) != 0 ||
	    note_opt(OPTVAL(&o, RO_NOTE), &r.note) != 0)
		return 1;
	if (OPTVAL(&o, RO_TYPE) != NULL &&
	    run_type_parse(OPTVAL(&o, RO_TYPE), &r.type) != 0)
		return cli_fail(NULL);
	if (OPTVAL(&o, RO_CLIMB) != NULL) {
		const char *s = OPTVAL(&o, RO_CLIMB);
		if (units_parse_int(s, &v) != 0) {
			err_set("climb '%.40s': not a whole number of metres; must "
			    "be %s", s, RANGE_CLIMB.allowed);
			return cli_fail(NULL);
		}
		if (range_check(&RANGE_CLIMB, v, s) != 0)
			return cli_fail(NULL);
		r.climb_m = v;
	}
	if ((OPTVAL(&o, RO_BEFORE) == NULL) != (OPTVAL(&o, RO_AFTER) == NULL))
		return cli_usage("run", "--before and --after go together (body "
		    "mass before and after the run)");
	if (OPTVAL(&o, RO_BEFORE) != NULL) {
		const char *b = OPTVAL(&o, RO_BEFORE), *a = OPTVAL(&o, RO_AFTER);
		if (units_parse_mass(b, &r.mass_before_g) != 0 ||
		    range_check(&RANGE_MASS, r.mass_before_g, b) != 0 ||
		    units_parse_mass(a, &r.mass_after_g) != 0 ||
		    range_check(&RANGE_MASS, r.mass_after_g, a) != 0)
			return cli_fail(NULL);
	}
	if ((st = cli_store_verified(ctx)) == NULL)
		return 1;
	if (store_add_run(st, &r) != 0)
		return cli_fail(NULL);
	if (r.rpe)
		snprintf(rpe, sizeof rpe, ", RPE %d", r.rpe);
	outf("Logged run r%" PRId64 " on %s: %s in %s (%s), %s%s.\n", r.id,
	    date_format(r.day, day),
	    units_format_distance(r.distance_m, ctx->cfg.dist_unit, d),
	    units_format_duration(r.duration_s, t),
	    units_format_pace(r.distance_m, r.duration_s, ctx->cfg.dist_unit, p),
	    run_type_name(r.type), rpe);
	return 0;
}

enum { SO_DATE, SO_QUALITY, SO_NOTE };
static const struct opt sleep_opts[] = {
	{ "date", 0, OPT_DATE, NULL }, { "quality", 0, OPT_VALUE, NULL },
	{ "note", 0, OPT_VALUE, NULL }, { NULL, 0, 0, NULL },
};
static const struct cmd_arg sleep_args[] = {
	{ "HOURS", OPT_VALUE, NULL, 0 }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_sleep_entry = {
	.name = "sleep",
	.opts = sleep_opts,
	.args = sleep_args,
	.usage = "HOURS [--date D] [--quality N] [--note TEXT]",
	.summary = "log last night's sleep (replaces the day's)",
	.exec = cmd_sleep,
};

int
cmd_sleep(struct cli_ctx *ctx, int argc, char **argv)
{
	struct sleep s;
	struct optres o;
	struct store *st;
	char h[32], day[11];
	int rc, replaced;

	if ((rc = cli_parse(ctx, argc, argv, sleep_opts, &o)) != 0)
		return rc;
	if ((rc = need_args("sleep", &o, 1, "HOURS")) != 0)
		return rc;
	memset(&s, 0, sizeof s);
	if (units_parse_hours(o.pos[0], &s.minutes) != 0 ||
	    range_check(&RANGE_SLEEP, s.minutes, o.pos[0]) != 0)
		return cli_fail(NULL);
	if (cli_date_opt(OPTVAL(&o, SO_DATE), &s.day) != 0 ||
	    int_opt(OPTVAL(&o, SO_QUALITY), &RANGE_QUALITY, &s.quality) != 0 ||
	    note_opt(OPTVAL(&o, SO_NOTE), &s.note) != 0)
		return 1;
	if ((st = cli_store_verified(ctx)) == NULL)
		return 1;
	if (store_put_sleep(st, &s, &replaced) != 0)
		return cli_fail(NULL);
	outf("%s sleep s%" PRId64 " for the night before %s: %s.\n",
	    replaced ? "Replaced the" : "Logged", s.id, date_format(s.day, day),
	    units_format_hours(s.minutes, h));
	return 0;
}

enum { DO_DATE, DO_ELECTROLYTES };
static const struct opt drink_opts[] = {
	{ "date", 0, OPT_DATE, NULL }, { "electrolytes", 0, OPT_FLAG, NULL },
	{ NULL, 0, 0, NULL },
};
static const struct cmd_arg drink_args[] = {
	{ "VOLUME", OPT_VALUE, NULL, 0 }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_drink_entry = {
	.name = "drink",
	.opts = drink_opts,
	.args = drink_args,
	.usage = "VOLUME [--date D] [--electrolytes]",
	.summary = "log a drink",
	.exec = cmd_drink,
};

int
cmd_drink(struct cli_ctx *ctx, int argc, char **argv)
{
	struct drink d;
	struct optres o;
	struct store *st;
	char v[32], day[11];
	int rc;

	if ((rc = cli_parse(ctx, argc, argv, drink_opts, &o)) != 0)
		return rc;
	if ((rc = need_args("drink", &o, 1, "VOLUME")) != 0)
		return rc;
	memset(&d, 0, sizeof d);
	if (units_parse_volume(o.pos[0], ctx->cfg.vol_unit, &d.volume_ml) != 0 ||
	    range_check(&RANGE_VOLUME, d.volume_ml, o.pos[0]) != 0)
		return cli_fail(NULL);
	if (cli_date_opt(OPTVAL(&o, DO_DATE), &d.day) != 0)
		return 1;
	d.electrolytes = OPTVAL(&o, DO_ELECTROLYTES) != NULL;
	if ((st = cli_store_verified(ctx)) == NULL)
		return 1;
	if (store_add_drink(st, &d) != 0)
		return cli_fail(NULL);
	outf("Logged drink d%" PRId64 " on %s: %s%s.\n", d.id,
	    date_format(d.day, day), units_format_volume(d.volume_ml,
	    ctx->cfg.vol_unit, v), d.electrolytes ? " with electrolytes" : "");
	return 0;
}

enum { FO_DATE, FO_SORENESS, FO_MOOD, FO_STRESS, FO_RHR, FO_ILL, FO_PAIN,
	FO_SWELLING, FO_NUMBNESS, FO_NOWEIGHT, FO_NOTE };
static const struct opt fatigue_opts[] = {
	{ "date", 0, OPT_DATE, NULL }, { "soreness", 0, OPT_VALUE, NULL },
	{ "mood", 0, OPT_VALUE, NULL }, { "stress", 0, OPT_VALUE, NULL },
	{ "rhr", 0, OPT_VALUE, NULL }, { "ill", 0, OPT_FLAG, NULL },
	{ "pain", 0, OPT_FLAG, NULL }, { "swelling", 0, OPT_FLAG, NULL },
	{ "numbness", 0, OPT_FLAG, NULL }, { "no-weight", 0, OPT_FLAG, NULL },
	{ "note", 0, OPT_VALUE, NULL }, { NULL, 0, 0, NULL },
};
static const struct cmd_arg fatigue_args[] = {
	{ "LEVEL", OPT_VALUE, NULL, 0 }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_fatigue_entry = {
	.name = "fatigue",
	.opts = fatigue_opts,
	.args = fatigue_args,
	.usage = "LEVEL [--date D] [--soreness N] [--mood N] [--stress N] "
	    "[--rhr BPM] [--ill] [--pain] [--swelling] [--numbness] "
	    "[--no-weight] [--note TEXT]",
	.summary = "log the morning check-in (replaces the day's)",
	.exec = cmd_fatigue,
};

int
cmd_fatigue(struct cli_ctx *ctx, int argc, char **argv)
{
	struct checkin c;
	struct optres o;
	struct store *st;
	char day[11];
	int rc, replaced;

	if ((rc = cli_parse(ctx, argc, argv, fatigue_opts, &o)) != 0)
		return rc;
	if ((rc = need_args("fatigue", &o, 1, "LEVEL")) != 0)
		return rc;
	memset(&c, 0, sizeof c);
	if (int_opt(o.pos[0], &RANGE_FATIGUE, &c.fatigue) != 0 ||
	    cli_date_opt(OPTVAL(&o, FO_DATE), &c.day) != 0 ||
	    int_opt(OPTVAL(&o, FO_SORENESS), &RANGE_SORENESS, &c.soreness) != 0 ||
	    int_opt(OPTVAL(&o, FO_MOOD), &RANGE_MOOD, &c.mood) != 0 ||
	    int_opt(OPTVAL(&o, FO_STRESS), &RANGE_STRESS, &c.stress) != 0 ||
	    int_opt(OPTVAL(&o, FO_RHR), &RANGE_HR, &c.rhr) != 0 ||
	    note_opt(OPTVAL(&o, FO_NOTE), &c.note) != 0)
		return 1;
	c.ill = OPTVAL(&o, FO_ILL) != NULL;
	c.pain = OPTVAL(&o, FO_PAIN) != NULL;
	c.swelling = OPTVAL(&o, FO_SWELLING) != NULL;
	c.numbness = OPTVAL(&o, FO_NUMBNESS) != NULL;
	c.no_weight = OPTVAL(&o, FO_NOWEIGHT) != NULL;
	if ((st = cli_store_verified(ctx)) == NULL)
		return 1;
	if (store_put_checkin(st, &c, &replaced) != 0)
		return cli_fail(NULL);
	outf("%s check-in f%" PRId64 " for %s: fatigue %d/10.\n",
	    replaced ? "Replaced the" : "Logged", c.id, date_format(c.day, day),
	    c.fatigue);
	if (c.pain || c.swelling || c.numbness || c.no_weight)
		out_puts(stdout, "Signs of injury: stop running and have it seen by "
		    "a professional. 'runlog check' explains.\n");
	return 0;
}

enum { XO_DATE, XO_NOTE };
static const struct opt rest_opts[] = {
	{ "date", 0, OPT_DATE, NULL }, { "note", 0, OPT_VALUE, NULL },
	{ NULL, 0, 0, NULL },
};
const struct cmd_entry cmd_rest_entry = {
	.name = "rest",
	.opts = rest_opts,
	.usage = "[--date D] [--note TEXT]",
	.summary = "mark a rest day",
	.exec = cmd_rest,
};

int
cmd_rest(struct cli_ctx *ctx, int argc, char **argv)
{
	struct rest r;
	struct optres o;
	struct store *st;
	char day[11];
	int rc, replaced;

	if ((rc = cli_parse(ctx, argc, argv, rest_opts, &o)) != 0)
		return rc;
	if ((rc = need_args("rest", &o, 0, "")) != 0)
		return rc;
	memset(&r, 0, sizeof r);
	if (cli_date_opt(OPTVAL(&o, XO_DATE), &r.day) != 0 ||
	    note_opt(OPTVAL(&o, XO_NOTE), &r.note) != 0)
		return 1;
	if ((st = cli_store_verified(ctx)) == NULL)
		return 1;
	if (store_put_rest(st, &r, &replaced) != 0)
		return cli_fail(NULL);
	outf("%s %s as a rest day (x%" PRId64 ").\n",
	    replaced ? "Already marked:" : "Marked", date_format(r.day, day), r.id);
	return 0;
}
