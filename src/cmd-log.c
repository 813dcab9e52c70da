/*
 * cmd-log: the logging commands, runlog run, sleep, drink, fatigue and
 * rest. Every value is parsed and range-checked before the journal is
 * opened, so a refused value never creates or touches a file. Each option
 * sets one field of the entry (cli_field_parse(), shared with edit).
 *
 * Sleep, the check-in and the rest day are one per day: logging one again
 * changes only the fields given and says which changed; --replace writes
 * the entry anew, as if the day had none.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "units.h"
#include "util.h"

static int
need_args(const char *cmd, const struct optres *res, int n, const char *what)
{
	if (res->npos < n)
		return cli_usage(cmd, "missing %s", what);
	if (res->npos > n)
		return cli_usage(cmd, "unexpected argument '%.40s'", res->pos[n]);
	return 0;
}

/* Each option i with a column cols[i] sets that field of e. */
static int
set_fields(struct cli_ctx *ctx, enum entry_kind k, const struct optres *o,
    const char *const *cols, int nopts, void *e)
{
	int i;

	for (i = 0; i < nopts; i++)
		if (cols[i] != NULL && OPTVAL(o, i) != NULL &&
		    cli_field_parse(ctx, k, cols[i], OPTVAL(o, i), e) != 0)
			return 1;
	return 0;
}

enum { RO_DATE, RO_RPE, RO_TYPE, RO_HR, RO_CLIMB, RO_BEFORE, RO_AFTER,
	RO_FORCE, RO_NOTE, RO_SHOE, RO_COUNT };
static const struct opt run_opts[] = {
	{ "date", 'd', OPT_DATE, NULL }, { "rpe", 'r', OPT_VALUE, NULL },
	{ "type", 't', OPT_RUN_TYPE, NULL }, { "hr", 0, OPT_VALUE, NULL },
	{ "climb", 0, OPT_VALUE, NULL }, { "before", 0, OPT_VALUE, NULL },
	{ "after", 0, OPT_VALUE, NULL }, { "force", 0, OPT_FLAG, NULL },
	{ "note", 'n', OPT_VALUE, NULL }, { "shoe", 0, OPT_VALUE, NULL },
	{ NULL, 0, 0, NULL },
};
static const char *const run_cols[RO_COUNT] = {
	"day", "rpe", "type", "avg_hr", "climb_m", "mass_before_g",
	"mass_after_g", NULL, "note", "shoe_id",
};
static const struct cmd_arg run_args[] = {
	{ "DISTANCE", OPT_VALUE, NULL, 0 }, { "DURATION", OPT_VALUE, NULL, 0 },
	{ NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.opts = run_opts,
	.args = run_args,
	.usage = "DISTANCE DURATION [-d D] [-r N] [-t T] [--hr BPM] "
	    "[--climb M] [--before KG --after KG [--force]] [-n TEXT] "
	    "[--shoe NAME]",
	.summary = "log a run",
	.exec = cmd_run,
};

/* run_plausible(), saying how to keep a mass loss that is real. */
static int
run_plausible_cli(struct cli_ctx *ctx, const struct run *r, int force)
{
	if (run_plausible(r, ctx->cfg.dist_unit, 1) != 0)
		return cli_fail(NULL);
	if (run_plausible(r, ctx->cfg.dist_unit, force) != 0) {
		char msg[512];

		snprintf(msg, sizeof msg, "%s", err_get());
		err_set("%s; give --force to log it as it is", msg);
		return cli_fail(NULL);
	}
	return 0;
}

int
cmd_run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct run r;
	struct optres o;
	struct store *st;
	char d[32], t[32], p[32], rpe[16] = "", day[11];
	int rc;

	if ((rc = cli_parse(ctx, argc, argv, run_opts, &o)) != 0)
		return rc;
	if ((rc = need_args("run", &o, 2, o.npos == 0 ?
	    "DISTANCE and DURATION" : "DURATION")) != 0)
		return rc;
	if ((OPTVAL(&o, RO_BEFORE) == NULL) != (OPTVAL(&o, RO_AFTER) == NULL))
		return cli_usage("run", "--before and --after go together (body "
		    "mass before and after the run)");
	cli_entry_init(ENTRY_RUN, &r);
	r.day = date_today();
	if (cli_field_parse(ctx, ENTRY_RUN, "distance_m", o.pos[0], &r) != 0 ||
	    cli_field_parse(ctx, ENTRY_RUN, "duration_s", o.pos[1], &r) != 0 ||
	    set_fields(ctx, ENTRY_RUN, &o, run_cols, RO_COUNT, &r) != 0 ||
	    run_plausible_cli(ctx, &r, cli_flag(&o, RO_FORCE)) != 0 ||
	    cli_run_shoe(ctx, &r) != 0 ||
	    (st = cli_store_verified(ctx)) == NULL) {
		run_free(&r);
		return 1;
	}
	if (store_add_run(st, &r) != 0) {
		run_free(&r);
		return cli_fail(NULL);
	}
	if (r.rpe)
		snprintf(rpe, sizeof rpe, ", RPE %d", r.rpe);
	outf("Logged run r%" PRId64 " on %s: %s in %s (%s), %s%s.\n", r.id,
	    date_format(r.day, day),
	    units_format_distance(r.distance_m, ctx->cfg.dist_unit, d),
	    units_format_duration(r.duration_s, t),
	    units_format_pace(r.distance_m, r.duration_s, ctx->cfg.dist_unit, p),
	    run_type_name(r.type), rpe);
	if (r.shoe != NULL)
		outf("Shoe: %s.\n", r.shoe);
	cli_run_shoe_note(ctx, st, &r);
	run_free(&r);
	return 0;
}

/* --- one entry a day: sleep, check-in, rest day ----------------------- */

/* How a one-per-day command reads its line. */
struct day_log {
	enum entry_kind     kind;
	const char         *cmd;
	const struct opt   *opts;
	const char *const  *cols;       /* by option index; NULL: no field */
	int                 nopts;
	int                 replace;    /* the index of --replace */
	const char         *arg_col;    /* the positional's column, or NULL */
	const char         *arg_name;   /* "HOURS" */
	int                 arg_optional; /* 1: another value may stand in
	                                   * for the positional (a check-in) */
};

union day_entry {
	struct sleep   s;
	struct checkin c;
	struct rest    x;
};

/* The day's entry of kind k into *e: 0, 1 when the day has none. */
static int
day_entry(struct store *st, enum entry_kind k, int day, union day_entry *e)
{
	const struct entry_desc *d = entry_desc(k);
	void *v;
	size_t n;
	int64_t id;

	if (store_read(st, k, day, day, &v, &n) != 0)
		return -1;
	if (n == 0)
		return 1;
	id = entry_get(v, entry_field_find(d, "id"));
	entry_list_free(k, v, n);
	return store_get(st, k, id, e);
}

static int
day_put(struct store *st, enum entry_kind k, union day_entry *e, int *replaced)
{
	switch (k) {
	case ENTRY_SLEEP:   return store_put_sleep(st, &e->s, replaced);
	case ENTRY_CHECKIN: return store_put_checkin(st, &e->c, replaced);
	default:            return store_put_rest(st, &e->x, replaced);
	}
}

/* The given fields onto e: the positional, then each option. */
static int
day_fields(struct cli_ctx *ctx, const struct day_log *l,
    const struct optres *o, union day_entry *e)
{
	if (l->arg_col != NULL && o->npos > 0 &&
	    cli_field_parse(ctx, l->kind, l->arg_col, o->pos[0], e) != 0)
		return 1;
	return set_fields(ctx, l->kind, o, l->cols, l->nopts, e);
}

/*
 * Logs the day's entry into *e. 0 with *how 0 (new) or 1 (replaced): the
 * caller says so; with *how 2 this has said what changed, or that nothing
 * did. 1 or EXIT_USAGE with the message printed.
 */
static int
day_log(struct cli_ctx *ctx, const struct day_log *l, const struct optres *o,
    union day_entry *e, int *how)
{
	const struct entry_desc *d = entry_desc(l->kind);
	union day_entry old;
	struct store *st;
	struct buf b;
	int rc, day, replaced, i, given = 0, partial;

	cli_entry_init(l->kind, e);
	entry_set(e, entry_field_find(d, "day"), date_today());
	if (o->npos > (l->arg_col != NULL))
		return cli_usage(l->cmd, "unexpected argument '%.40s'",
		    o->pos[l->arg_col != NULL]);
	/* Without its positional, a log only changes the day's entry, and
	 * must say what to change. */
	for (i = 0; i < l->nopts; i++)
		given |= l->cols[i] != NULL && strcmp(l->cols[i], "day") != 0 &&
		    OPTVAL(o, i) != NULL;
	if (l->arg_col != NULL && o->npos == 0 && !given)
		return cli_usage(l->cmd, "missing %s", l->arg_name);
	if (day_fields(ctx, l, o, e) != 0)
		return 1;
	/* A check-in may be logged without its rating when another reading
	 * is given; flags or a note alone only change the day's. */
	partial = l->arg_col != NULL && o->npos == 0 && !(l->arg_optional &&
	    l->kind == ENTRY_CHECKIN && !checkin_empty(&e->c));
	if (partial && cli_flag(o, l->replace))
		return cli_usage(l->cmd, "missing %s", l->arg_name);
	day = (int)entry_get(e, entry_field_find(d, "day"));
	st = partial ? cli_store_existing(ctx, 1) : cli_store_verified(ctx);
	if (st == NULL)
		return 1;
	rc = cli_flag(o, l->replace) ? 1 : day_entry(st, l->kind, day, &old);
	if (rc < 0)
		return cli_fail(NULL);
	if (rc == 1 && partial)
		return cli_usage(l->cmd, "missing %s (the day has no %s to "
		    "change)", l->arg_name, d->name);
	*how = 0;
	if (rc == 1) {
		if (day_put(st, l->kind, e, &replaced) != 0)
			return cli_fail(NULL);
		*how = replaced;
		return 0;
	}
	/* The day's entry, with the fields given changed. */
	entry_free_fields(d, e);
	*e = old;
	store_get(st, l->kind, entry_get(&old, entry_field_find(d, "id")), &old);
	*how = 2;
	if (day_fields(ctx, l, o, e) != 0) {
		entry_free_fields(d, &old);
		return 1;
	}
	buf_init(&b);
	rc = 0;
	if (cli_entry_changes(&ctx->cfg, l->kind, &old, e, &b) == 0)
		outf("No change to %c%" PRId64 ": it already holds those "
		    "values.\n", d->letter, entry_get(e, entry_field_find(d, "id")));
	else if (day_put(st, l->kind, e, &replaced) != 0)
		rc = cli_fail(NULL);
	else
		outf("Changed %c%" PRId64 ": %s.\n", d->letter,
		    entry_get(e, entry_field_find(d, "id")), b.data);
	buf_free(&b);
	entry_free_fields(d, &old);
	return rc;
}

enum { SO_DATE, SO_QUALITY, SO_NOTE, SO_REPLACE, SO_COUNT };
static const struct opt sleep_opts[] = {
	{ "date", 'd', OPT_DATE, NULL }, { "quality", 'q', OPT_VALUE, NULL },
	{ "note", 'n', OPT_VALUE, NULL }, { "replace", 0, OPT_FLAG, NULL },
	{ NULL, 0, 0, NULL },
};
static const char *const sleep_cols[SO_COUNT] = {
	"day", "quality", "note", NULL,
};
static const struct cmd_arg sleep_args[] = {
	{ "HOURS", OPT_VALUE, NULL, 0 }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_sleep_entry = {
	.name = "sleep",
	.opts = sleep_opts,
	.args = sleep_args,
	.usage = "HOURS [-d D] [-q N] [-n TEXT] [--replace]",
	.summary = "log last night's sleep (again: changes what is given)",
	.exec = cmd_sleep,
};

int
cmd_sleep(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct day_log l = {
		ENTRY_SLEEP, "sleep", sleep_opts, sleep_cols, SO_COUNT,
		SO_REPLACE, "minutes", "HOURS", 0,
	};
	union day_entry e;
	struct optres o;
	char h[32], day[11];
	int rc, how = 0;

	if ((rc = cli_parse(ctx, argc, argv, sleep_opts, &o)) != 0)
		return rc;
	if ((rc = day_log(ctx, &l, &o, &e, &how)) == 0 && how < 2)
		outf("%s sleep s%" PRId64 " for the night before %s: %s.\n",
		    how ? "Replaced the" : "Logged", e.s.id,
		    date_format(e.s.day, day), units_format_hours(e.s.minutes, h));
	sleep_free(&e.s);
	return rc;
}

enum { DO_DATE, DO_ELECTROLYTES, DO_COUNT };
static const struct opt drink_opts[] = {
	{ "date", 'd', OPT_DATE, NULL }, { "electrolytes", 'e', OPT_FLAG, NULL },
	{ NULL, 0, 0, NULL },
};
static const char *const drink_cols[DO_COUNT] = { "day", "electrolytes" };
static const struct cmd_arg drink_args[] = {
	{ "VOLUME", OPT_VALUE, NULL, 0 }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_drink_entry = {
	.name = "drink",
	.opts = drink_opts,
	.args = drink_args,
	.usage = "VOLUME [-d D] [-e]",
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
	cli_entry_init(ENTRY_DRINK, &d);
	d.day = date_today();
	if (cli_field_parse(ctx, ENTRY_DRINK, "volume_ml", o.pos[0], &d) != 0 ||
	    set_fields(ctx, ENTRY_DRINK, &o, drink_cols, DO_COUNT, &d) != 0)
		return 1;
	if ((st = cli_store_verified(ctx)) == NULL)
		return 1;
	if (store_add_drink(st, &d) != 0)
		return cli_fail(NULL);
	outf("Logged drink d%" PRId64 " on %s: %s%s.\n", d.id,
	    date_format(d.day, day), units_format_volume(d.volume_ml,
	    ctx->cfg.vol_unit, v), d.electrolytes ? " with electrolytes" : "");
	return 0;
}

enum { FO_DATE, FO_SORENESS, FO_MOOD, FO_STRESS, FO_RHR, FO_HRV, FO_MASS,
	FO_ILL, FO_PAIN, FO_SWELLING, FO_NUMBNESS, FO_NOWEIGHT, FO_NOTE,
	FO_REPLACE, FO_COUNT };
static const struct opt fatigue_opts[] = {
	{ "date", 'd', OPT_DATE, NULL }, { "soreness", 's', OPT_VALUE, NULL },
	{ "mood", 'm', OPT_VALUE, NULL }, { "stress", 0, OPT_VALUE, NULL },
	{ "rhr", 0, OPT_VALUE, NULL }, { "hrv", 0, OPT_VALUE, NULL },
	{ "mass", 0, OPT_VALUE, NULL }, { "ill", 0, OPT_FLAG, NULL },
	{ "pain", 0, OPT_FLAG, NULL }, { "swelling", 0, OPT_FLAG, NULL },
	{ "numbness", 0, OPT_FLAG, NULL }, { "no-weight", 0, OPT_FLAG, NULL },
	{ "note", 'n', OPT_VALUE, NULL }, { "replace", 0, OPT_FLAG, NULL },
	{ NULL, 0, 0, NULL },
};
static const char *const fatigue_cols[FO_COUNT] = {
	"day", "soreness", "mood", "stress", "rhr", "hrv_ms", "mass_g", "ill",
	"pain", "swelling", "numbness", "no_weight", "note", NULL,
};
static const struct cmd_arg fatigue_args[] = {
	{ "LEVEL", OPT_VALUE, NULL, CMD_ARG_OPTIONAL }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_fatigue_entry = {
	.name = "fatigue",
	.opts = fatigue_opts,
	.args = fatigue_args,
	.usage = "[LEVEL] [-d D] [-s N] [-m N] [--stress N] "
	    "[--rhr BPM] [--hrv MS] [--mass KG] [--ill] [--pain] [--swelling] "
	    "[--numbness] [--no-weight] [-n TEXT] [--replace]",
	.summary = "log the morning check-in (again: changes what is given)",
	.exec = cmd_fatigue,
};

/* The wellness readings of a check-in without a rating: ": HRV 62 ms". */
static const char *
readings(const struct checkin *c, char *out, size_t n)
{
	char m[32];
	size_t len = 0;

	out[0] = '\0';
	if (c->rhr)
		len += (size_t)snprintf(out + len, n - len, ": resting HR %d",
		    c->rhr);
	if (c->hrv_ms && len < n)
		len += (size_t)snprintf(out + len, n - len, "%sHRV %d ms",
		    len ? ", " : ": ", c->hrv_ms);
	if (c->mass_g && len < n)
		snprintf(out + len, n - len, "%sbody mass %s kg", len ? ", " : ": ",
		    units_format_mass(c->mass_g, m));
	return out;
}

int
cmd_fatigue(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct day_log l = {
		ENTRY_CHECKIN, "fatigue", fatigue_opts, fatigue_cols, FO_COUNT,
		FO_REPLACE, "fatigue", "LEVEL or another value", 1,
	};
	union day_entry e;
	struct optres o;
	char day[11], m[96];
	int rc, how = 0;

	if ((rc = cli_parse(ctx, argc, argv, fatigue_opts, &o)) != 0)
		return rc;
	if ((rc = day_log(ctx, &l, &o, &e, &how)) == 0) {
		if (how < 2 && e.c.fatigue > 0)
			outf("%s check-in f%" PRId64 " for %s: fatigue %d/10.\n",
			    how ? "Replaced the" : "Logged", e.c.id,
			    date_format(e.c.day, day), e.c.fatigue);
		else if (how < 2)
			outf("%s check-in f%" PRId64 " for %s without a fatigue "
			    "rating%s.\n", how ? "Replaced the" : "Logged", e.c.id,
			    date_format(e.c.day, day), readings(&e.c, m, sizeof m));
		if (e.c.pain || e.c.swelling || e.c.numbness || e.c.no_weight)
			out_puts(stdout, "Signs of injury: stop running and have "
			    "it seen by a professional. 'runlog check' "
			    "explains.\n");
	}
	checkin_free(&e.c);
	return rc;
}

enum { XO_DATE, XO_NOTE, XO_REPLACE, XO_COUNT };
static const struct opt rest_opts[] = {
	{ "date", 'd', OPT_DATE, NULL }, { "note", 'n', OPT_VALUE, NULL },
	{ "replace", 0, OPT_FLAG, NULL }, { NULL, 0, 0, NULL },
};
static const char *const rest_cols[XO_COUNT] = { "day", "note", NULL };
const struct cmd_entry cmd_rest_entry = {
	.name = "rest",
	.opts = rest_opts,
	.usage = "[-d D] [-n TEXT] [--replace]",
	.summary = "mark a rest day",
	.exec = cmd_rest,
};

int
cmd_rest(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct day_log l = {
		ENTRY_REST, "rest", rest_opts, rest_cols, XO_COUNT, XO_REPLACE,
		NULL, NULL, 0,
	};
	union day_entry e;
	struct optres o;
	char day[11];
	int rc, how = 0;

	if ((rc = cli_parse(ctx, argc, argv, rest_opts, &o)) != 0)
		return rc;
	if ((rc = day_log(ctx, &l, &o, &e, &how)) == 0 && how < 2)
		outf("%s %s as a rest day (x%" PRId64 ").\n",
		    how ? "Already marked:" : "Marked",
		    date_format(e.x.day, day), e.x.id);
	rest_free(&e.x);
	return rc;
}
