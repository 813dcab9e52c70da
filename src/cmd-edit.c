/*
 * cmd-edit: runlog edit, and the entry fields as the command line types
 * them, shared with the logging commands: one parser per field, checked
 * exactly as on logging, and the list of what an edit changed.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "units.h"
#include "util.h"

void
cli_entry_init(enum entry_kind k, void *e)
{
	const struct entry_desc *d = entry_desc(k);
	size_t i;

	memset(e, 0, d->size);
	for (i = 0; i < d->nfields; i++)
		if (d->fields[i].type != FT_TEXT &&
		    (d->fields[i].flags & FIELD_OPTIONAL))
			entry_set(e, &d->fields[i], d->fields[i].none);
}

/* A whole number for f, in its range. */
static int
parse_count(const struct entry_field *f, const char *s, int64_t *v)
{
	if (units_parse_int(s, v) != 0) {
		err_set("%s '%.40s': not a whole number; must be %s",
		    f->range->name, s, f->range->allowed);
		return -1;
	}
	return 0;
}

/* A number with its unit into stored units; -1 with err_set(). */
static int
parse_number(const struct cli_ctx *ctx, const struct entry_field *f,
    const char *s, int64_t *v)
{
	switch (f->unit) {
	case FU_DISTANCE:
		return units_parse_distance(s, ctx->cfg.dist_unit, v);
	case FU_DURATION:
		return units_parse_duration(s, v);
	case FU_MINUTES:
		return units_parse_hours(s, v);
	case FU_VOLUME:
		return units_parse_volume(s, ctx->cfg.vol_unit, v);
	case FU_MASS:
		return units_parse_mass(s, v);
	case FU_UTC:
		return entry_utc_parse(s, v);
	case FU_NONE:
	case FU_BPM:
	case FU_METRES:
	case FU_MS:
		break;
	}
	return parse_count(f, s, v);
}

static int
parse_bool(const struct entry_field *f, const char *s, int64_t *v)
{
	if (*s == '\0' || strcmp(s, "yes") == 0)
		*v = 1;
	else if (strcmp(s, "no") == 0)
		*v = 0;
	else {
		err_set("%s '%.40s': give yes or no", f->label, s);
		return -1;
	}
	return 0;
}

int
cli_plan_date(const char *s, int *day)
{
	int today = date_today();
	char a[11], b[11];
	char *shown;

	if (s == NULL) {
		*day = today;
		return 0;
	}
	if (date_parse_rel(s, 1, day) != 0)
		return cli_fail(NULL);
	if (*day >= today && *day <= today + PLAN_AHEAD_DAYS)
		return 0;
	shown = text_printable(s);
	out_printf(stderr, "runlog: date %.40s: %s; a plan is for a day from "
	    "today to %d days ahead (%s to %s)\n", shown, *day < today ?
	    "is in the past" : "is too far ahead", PLAN_AHEAD_DAYS,
	    date_format(today, a), date_format(today + PLAN_AHEAD_DAYS, b));
	free(shown);
	return 1;
}

int
cli_field_parse(const struct cli_ctx *ctx, enum entry_kind k,
    const char *column, const char *s, void *e)
{
	const struct entry_desc *d = entry_desc(k);
	const struct entry_field *f = entry_field_find(d, column);
	enum run_type t;
	int64_t v;
	int day;

	if (f == NULL)
		abort();        /* a command table names a column that is not */
	if (f->type == FT_TEXT) {
		char **slot = entry_text(e, f);
		if (*s != '\0' && note_validate(s) != 0)
			return cli_fail(NULL);
		free(*slot);
		*slot = *s != '\0' ? xstrdup(s) : NULL;
		return 0;
	}
	if (f->type == FT_DAY) {
		if ((k == ENTRY_PLAN ? cli_plan_date(s, &day) :
		    cli_date_opt(s, &day)) != 0)
			return 1;
		entry_set(e, f, day);
		return 0;
	}
	if (f->type == FT_RUN_TYPE) {
		if (run_type_parse(s, &t) != 0)
			return cli_fail(NULL);
		entry_set(e, f, t);
		return 0;
	}
	if (f->type == FT_BOOL) {
		if (parse_bool(f, s, &v) != 0)
			return cli_fail(NULL);
		entry_set(e, f, v);
		return 0;
	}
	if (parse_number(ctx, f, s, &v) != 0 ||
	    (f->range != NULL && range_check(f->range, v, s) != 0))
		return cli_fail(NULL);
	entry_set(e, f, v);
	return 0;
}

/* Field f of e as the user reads it, with its unit after a space. */
static void
field_text(const struct config *cfg, const struct entry_field *f,
    const void *e, char *out, size_t n)
{
	int64_t v = 0;
	char t[32];

	if (f->type == FT_TEXT) {
		const char *s = entry_text_get(e, f);
		char *shown = text_printable(s != NULL ? s : "");
		snprintf(out, n, s != NULL ? "\"%.40s%s\"" : "none", shown,
		    strlen(shown) > 40 ? "..." : "");
		free(shown);
		return;
	}
	v = entry_get(e, f);
	if ((f->flags & FIELD_OPTIONAL) && v == f->none) {
		snprintf(out, n, "none");
		return;
	}
	switch (f->type) {
	case FT_DAY:      snprintf(out, n, "%s", date_format((int)v, t)); return;
	case FT_BOOL:     snprintf(out, n, "%s", v ? "yes" : "no"); return;
	case FT_RUN_TYPE: snprintf(out, n, "%s", run_type_name((enum run_type)v));
		return;
	default:          break;
	}
	switch (f->unit) {
	case FU_DISTANCE:
		snprintf(out, n, "%s", units_format_distance(v, cfg->dist_unit, t));
		break;
	case FU_DURATION:
		snprintf(out, n, "%s", units_format_duration(v, t));
		break;
	case FU_MINUTES:
		snprintf(out, n, "%s", units_format_hours(v, t));
		break;
	case FU_VOLUME:
		snprintf(out, n, "%s", units_format_volume(v, cfg->vol_unit, t));
		break;
	case FU_MASS:
		snprintf(out, n, "%s kg", units_format_mass(v, t));
		break;
	case FU_BPM:
		snprintf(out, n, "%" PRId64 " bpm", v);
		break;
	case FU_METRES:
		snprintf(out, n, "%" PRId64 " m", v);
		break;
	case FU_UTC:
		snprintf(out, n, "%s", entry_utc_format(v, t));
		break;
	case FU_MS:
		snprintf(out, n, "%" PRId64 " ms", v);
		break;
	case FU_NONE:
		snprintf(out, n, "%" PRId64, v);
		break;
	}
}

static int
field_same(const struct entry_field *f, const void *a, const void *b)
{
	const char *x, *y;

	if (f->type != FT_TEXT)
		return entry_get(a, f) == entry_get(b, f);
	x = entry_text_get(a, f);
	y = entry_text_get(b, f);
	return x == y || (x != NULL && y != NULL && strcmp(x, y) == 0);
}

int
cli_entry_changes(const struct config *cfg, enum entry_kind k,
    const void *old, const void *new, struct buf *out)
{
	const struct entry_desc *d = entry_desc(k);
	size_t i, la, lb;
	int n = 0;

	for (i = 0; i < d->nfields; i++) {
		const struct entry_field *f = &d->fields[i];
		const char *ua, *ub;
		char a[96], b[96];

		if (f->type == FT_ID || (f->flags & (FIELD_STAMP | FIELD_ORIGIN)) ||
		    field_same(f, old, new))
			continue;
		field_text(cfg, f, old, a, sizeof a);
		field_text(cfg, f, new, b, sizeof b);
		/* "10.00 km" and "10.50 km": the unit once, at the end. */
		ua = strrchr(a, ' ');
		ub = strrchr(b, ' ');
		la = strlen(a);
		lb = strlen(b);
		if (f->type != FT_TEXT && ua != NULL && ub != NULL &&
		    strcmp(ua, ub) == 0 && la > 0 && lb > 0)
			a[ua - a] = '\0';
		buf_printf(out, "%s%s %s -> %s", n++ ? ", " : "", f->label, a, b);
	}
	return n;
}

/* --- runlog edit ------------------------------------------------------ */

/* Every option of every kind; each applies to the kinds in its mask. */
enum {
	EO_DATE, EO_NOTE, EO_DISTANCE, EO_DURATION, EO_RPE, EO_TYPE, EO_HR,
	EO_CLIMB, EO_BEFORE, EO_AFTER, EO_START, EO_SHOE, EO_HOURS, EO_QUALITY,
	EO_VOLUME, EO_ELECTROLYTES, EO_FATIGUE, EO_SORENESS, EO_MOOD, EO_STRESS,
	EO_RHR, EO_HRV, EO_MASS, EO_ILL, EO_PAIN, EO_SWELLING, EO_NUMBNESS,
	EO_NOWEIGHT, EO_COUNT
};
static const struct opt edit_opts[] = {
	{ "date", 'd', OPT_DATE, NULL }, { "note", 'n', OPT_VALUE, NULL },
	{ "distance", 0, OPT_VALUE, NULL }, { "duration", 0, OPT_VALUE, NULL },
	{ "rpe", 'r', OPT_VALUE, NULL }, { "type", 't', OPT_RUN_TYPE, NULL },
	{ "hr", 0, OPT_VALUE, NULL }, { "climb", 0, OPT_VALUE, NULL },
	{ "before", 0, OPT_VALUE, NULL }, { "after", 0, OPT_VALUE, NULL },
	{ "start", 0, OPT_VALUE, NULL }, { "shoe", 0, OPT_VALUE, NULL },
	{ "hours", 0, OPT_VALUE, NULL }, { "quality", 'q', OPT_VALUE, NULL },
	{ "volume", 0, OPT_VALUE, NULL }, { "electrolytes", 'e', OPT_FLAG, NULL },
	{ "fatigue", 0, OPT_VALUE, NULL }, { "soreness", 0, OPT_VALUE, NULL },
	{ "mood", 0, OPT_VALUE, NULL }, { "stress", 0, OPT_VALUE, NULL },
	{ "rhr", 0, OPT_VALUE, NULL }, { "hrv", 0, OPT_VALUE, NULL },
	{ "mass", 0, OPT_VALUE, NULL }, { "ill", 0, OPT_FLAG, NULL },
	{ "pain", 0, OPT_FLAG, NULL }, { "swelling", 0, OPT_FLAG, NULL },
	{ "numbness", 0, OPT_FLAG, NULL }, { "no-weight", 0, OPT_FLAG, NULL },
	{ NULL, 0, 0, NULL },
};
#define K(k) (1u << (k))
#define K_ALL (K(ENTRY_RUN) | K(ENTRY_SLEEP) | K(ENTRY_DRINK) | \
    K(ENTRY_CHECKIN) | K(ENTRY_REST) | K(ENTRY_PLAN))
#define K_RUNS (K(ENTRY_RUN) | K(ENTRY_PLAN))
/* The column each option sets, and the kinds that have it. */
static const struct {
	const char *column;
	unsigned    kinds;
} edit_cols[EO_COUNT] = {
	[EO_DATE] = { "day", K_ALL },
	[EO_NOTE] = { "note", K_ALL & ~K(ENTRY_DRINK) },
	[EO_DISTANCE] = { "distance_m", K_RUNS },
	[EO_DURATION] = { "duration_s", K_RUNS },
	[EO_RPE] = { "rpe", K_RUNS },
	[EO_TYPE] = { "type", K_RUNS },
	[EO_HR] = { "avg_hr", K(ENTRY_RUN) },
	[EO_CLIMB] = { "climb_m", K(ENTRY_RUN) },
	[EO_BEFORE] = { "mass_before_g", K(ENTRY_RUN) },
	[EO_AFTER] = { "mass_after_g", K(ENTRY_RUN) },
	[EO_HOURS] = { "minutes", K(ENTRY_SLEEP) },
	[EO_QUALITY] = { "quality", K(ENTRY_SLEEP) },
	[EO_VOLUME] = { "volume_ml", K(ENTRY_DRINK) },
	[EO_ELECTROLYTES] = { "electrolytes", K(ENTRY_DRINK) },
	[EO_FATIGUE] = { "fatigue", K(ENTRY_CHECKIN) },
	[EO_SORENESS] = { "soreness", K(ENTRY_CHECKIN) },
	[EO_MOOD] = { "mood", K(ENTRY_CHECKIN) },
	[EO_STRESS] = { "stress", K(ENTRY_CHECKIN) },
	[EO_RHR] = { "rhr", K(ENTRY_CHECKIN) },
	[EO_ILL] = { "ill", K(ENTRY_CHECKIN) },
	[EO_PAIN] = { "pain", K(ENTRY_CHECKIN) },
	[EO_SWELLING] = { "swelling", K(ENTRY_CHECKIN) },
	[EO_NUMBNESS] = { "numbness", K(ENTRY_CHECKIN) },
	[EO_NOWEIGHT] = { "no_weight", K(ENTRY_CHECKIN) },
	[EO_START] = { "start_utc", K(ENTRY_RUN) },
	[EO_HRV] = { "hrv_ms", K(ENTRY_CHECKIN) },
	[EO_MASS] = { "mass_g", K(ENTRY_CHECKIN) },
	[EO_SHOE] = { "shoe_id", K(ENTRY_RUN) },
};
static const struct cmd_arg edit_args[] = {
	{ "ID", OPT_ID, NULL, 0 }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_edit_entry = {
	.name = "edit",
	.opts = edit_opts,
	.args = edit_args,
	.usage = "ID [--date D] [--note TEXT] and the options of the entry's "
	    "kind: run and plan --distance --duration --rpe --type; run --hr "
	    "--climb --before --after --start --shoe; sleep --hours --quality; drink "
	    "--volume --electrolytes; check-in --fatigue --soreness --mood "
	    "--stress --rhr --hrv --mass --ill --pain --swelling --numbness "
	    "--no-weight",
	.summary = "change the fields given of one entry (r12, s3 ...)",
	.exec = cmd_edit,
};

/* Reads entry k/id into e; 1 with the message printed when it fails. */
static int
edit_read(struct store *st, enum entry_kind k, int64_t id, void *e)
{
	int rc = store_get(st, k, id, e);

	if (rc < 0)
		return cli_fail(NULL);
	if (rc == 1) {
		out_printf(stderr, "runlog: no %s %c%" PRId64 " in the journal\n",
		    entry_kind_name(k), entry_kind_letter(k), id);
		return 1;
	}
	return 0;
}

/* Every option given applies to kind k, and each parses into e. */
static int
edit_apply(struct cli_ctx *ctx, const struct optres *o, enum entry_kind k,
    const char *ref, void *e)
{
	int i;

	for (i = 0; i < EO_COUNT; i++) {
		if (OPTVAL(o, i) == NULL)
			continue;
		if (!(edit_cols[i].kinds & K(k)))
			return cli_usage("edit", "--%s does not apply to %s, a %s",
			    edit_opts[i].name, ref, entry_kind_name(k));
		if (cli_field_parse(ctx, k, edit_cols[i].column, OPTVAL(o, i), e))
			return 1;
	}
	return 0;
}

int
cmd_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	union { struct run r; struct sleep s; struct drink d;
		struct checkin c; struct rest x; struct plan p; } old, new;
	struct optres o;
	struct store *st;
	enum entry_kind k;
	int64_t id;
	struct buf b;
	int rc, i, any = 0;

	if ((rc = cli_parse(ctx, argc, argv, edit_opts, &o)) != 0)
		return rc;
	if (o.npos == 0)
		return cli_usage("edit", "missing ID");
	if (o.npos > 1)
		return cli_usage("edit", "unexpected argument '%.40s'", o.pos[1]);
	if (entry_ref_parse(o.pos[0], &k, &id) != 0)
		return cli_fail(NULL);
	for (i = 0; i < EO_COUNT; i++)
		any |= OPTVAL(&o, i) != NULL;
	if (!any)
		return cli_usage("edit", "nothing to change: give the fields to "
		    "change, such as --date D or --note TEXT");
	/* Refused values are refused before the journal is read. */
	cli_entry_init(k, &new);
	if ((rc = edit_apply(ctx, &o, k, o.pos[0], &new)) != 0) {
		entry_free_fields(entry_desc(k), &new);
		return rc;
	}
	entry_free_fields(entry_desc(k), &new);
	if ((st = cli_store_existing(ctx, 1)) == NULL ||
	    edit_read(st, k, id, &old) != 0)
		return 1;
	edit_read(st, k, id, &new);
	if ((rc = edit_apply(ctx, &o, k, o.pos[0], &new)) != 0)
		goto out;
	/* the plausibility of a run, when what it judges has changed */
	if (k == ENTRY_RUN && (new.r.distance_m != old.r.distance_m ||
	    new.r.duration_s != old.r.duration_s ||
	    new.r.mass_before_g != old.r.mass_before_g ||
	    new.r.mass_after_g != old.r.mass_after_g) &&
	    run_plausible(&new.r, ctx->cfg.dist_unit,
	    new.r.mass_before_g == old.r.mass_before_g &&
	    new.r.mass_after_g == old.r.mass_after_g) != 0) {
		rc = cli_fail(NULL);
		goto out;
	}
	buf_init(&b);
	if (cli_entry_changes(&ctx->cfg, k, &old, &new, &b) == 0)
		outf("No change to %c%" PRId64 ": it already holds those "
		    "values.\n", entry_kind_letter(k), id);
	else if (store_update_entry(st, k, &new) != 0)
		rc = cli_fail(NULL);
	else
		outf("Changed %c%" PRId64 ": %s.\n", entry_kind_letter(k), id,
		    b.data);
	buf_free(&b);
out:
	entry_free_fields(entry_desc(k), &old);
	entry_free_fields(entry_desc(k), &new);
	return rc;
}
