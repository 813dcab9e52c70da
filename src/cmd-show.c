/* cmd-show: runlog show, delete and undo. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "units.h"
#include "util.h"

#define SHOW_DEFAULT_DAYS 28

struct day_entries {
	struct run     *runs;     size_t nruns;
	struct sleep   *sleeps;   size_t nsleeps;
	struct drink   *drinks;   size_t ndrinks;
	struct checkin *checkins; size_t ncheckins;
	struct rest    *rests;    size_t nrests;
};

static void
print_note(const char *note)
{
	char *n;

	if (note == NULL || *note == '\0')
		return;
	n = xstrdup(note);
	text_sanitize(n);
	printf("  \"%s\"", n);
	free(n);
}

static void
print_day(struct cli_ctx *ctx, int day, struct day_entries *e, size_t *ir,
    size_t *is, size_t *id, size_t *ic, size_t *ix)
{
	char a[32], b[32], c[32], ds[11];
	const struct config *cfg = &ctx->cfg;

	printf("%s %s\n", date_format(day, ds), date_weekday_name(day));
	for (; *ix < e->nrests && e->rests[*ix].day == day; (*ix)++) {
		printf("  x%-5" PRId64 " rest day", e->rests[*ix].id);
		print_note(e->rests[*ix].note);
		putchar('\n');
	}
	for (; *ir < e->nruns && e->runs[*ir].day == day; (*ir)++) {
		const struct run *r = &e->runs[*ir];
		printf("  r%-5" PRId64 " run      %s  %s  %s  %s", r->id,
		    units_format_distance(r->distance_m, cfg->dist_unit, a),
		    units_format_duration(r->duration_s, b),
		    units_format_pace(r->distance_m, r->duration_s, cfg->dist_unit, c),
		    run_type_name(r->type));
		if (r->rpe)
			printf("  RPE %d", r->rpe);
		if (r->avg_hr)
			printf("  HR %d", r->avg_hr);
		if (r->climb_m >= 0)
			printf("  +%" PRId64 " m", r->climb_m);
		if (r->mass_before_g)
			printf("  %s->%s kg", units_format_mass(r->mass_before_g, a),
			    units_format_mass(r->mass_after_g, b));
		if (r->source != NULL && strcmp(r->source, "runlog") != 0)
			printf("  [%s]", r->source);
		print_note(r->note);
		putchar('\n');
	}
	for (; *is < e->nsleeps && e->sleeps[*is].day == day; (*is)++) {
		const struct sleep *s = &e->sleeps[*is];
		printf("  s%-5" PRId64 " sleep    %s", s->id,
		    units_format_hours(s->minutes, a));
		if (s->quality)
			printf("  quality %d/5", s->quality);
		print_note(s->note);
		putchar('\n');
	}
	for (; *id < e->ndrinks && e->drinks[*id].day == day; (*id)++) {
		const struct drink *d = &e->drinks[*id];
		printf("  d%-5" PRId64 " drink    %s%s\n", d->id,
		    units_format_volume(d->volume_ml, cfg->vol_unit, a),
		    d->electrolytes ? "  electrolytes" : "");
	}
	for (; *ic < e->ncheckins && e->checkins[*ic].day == day; (*ic)++) {
		const struct checkin *k = &e->checkins[*ic];
		printf("  f%-5" PRId64 " check-in fatigue %d/10", k->id, k->fatigue);
		if (k->soreness)
			printf("  soreness %d/10", k->soreness);
		if (k->mood)
			printf("  mood %d/5", k->mood);
		if (k->stress)
			printf("  stress %d/5", k->stress);
		if (k->rhr)
			printf("  resting HR %d", k->rhr);
		if (k->ill)
			fputs("  ill", stdout);
		if (k->pain)
			fputs("  sharp pain", stdout);
		if (k->swelling)
			fputs("  swelling", stdout);
		if (k->numbness)
			fputs("  numbness", stdout);
		if (k->no_weight)
			fputs("  cannot bear weight", stdout);
		print_note(k->note);
		putchar('\n');
	}
}

/* The smallest day among the next unprinted entries of each kind. */
static int
next_day(const struct day_entries *e, size_t ir, size_t is, size_t id,
    size_t ic, size_t ix)
{
	int d = DATE_MAX + 1;

	if (ir < e->nruns && e->runs[ir].day < d) d = e->runs[ir].day;
	if (is < e->nsleeps && e->sleeps[is].day < d) d = e->sleeps[is].day;
	if (id < e->ndrinks && e->drinks[id].day < d) d = e->drinks[id].day;
	if (ic < e->ncheckins && e->checkins[ic].day < d) d = e->checkins[ic].day;
	if (ix < e->nrests && e->rests[ix].day < d) d = e->rests[ix].day;
	return d;
}

enum { WO_FROM, WO_TO, WO_ALL };
static const struct opt show_opts[] = {
	{ "from", 0, 1 }, { "to", 0, 1 }, { "all", 0, 0 }, { NULL, 0, 0 },
};

int
cmd_show(struct cli_ctx *ctx, int argc, char **argv)
{
	struct day_entries e;
	struct optres o;
	struct store *st;
	size_t ir = 0, is = 0, id = 0, ic = 0, ix = 0;
	int from, to, rc, day, any = 0;

	if ((rc = cli_parse(ctx, argc, argv, show_opts, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage("show", "unexpected argument '%.40s'", o.pos[0]);
	to = date_today();
	if (OPTVAL(&o, WO_TO) != NULL && date_parse(OPTVAL(&o, WO_TO), &to) != 0)
		return cli_fail(NULL);
	from = to - SHOW_DEFAULT_DAYS + 1;
	if (OPTVAL(&o, WO_FROM) != NULL &&
	    date_parse(OPTVAL(&o, WO_FROM), &from) != 0)
		return cli_fail(NULL);
	if (OPTVAL(&o, WO_ALL) != NULL) {
		from = DATE_MIN;
		to = DATE_MAX;
	}
	if (from > to) {
		fputs("runlog: --from is after --to\n", stderr);
		return 1;
	}
	if ((st = cli_store(ctx)) == NULL)
		return 1;
	memset(&e, 0, sizeof e);
	if (store_runs(st, from, to, &e.runs, &e.nruns) != 0 ||
	    store_sleeps(st, from, to, &e.sleeps, &e.nsleeps) != 0 ||
	    store_drinks(st, from, to, &e.drinks, &e.ndrinks) != 0 ||
	    store_checkins(st, from, to, &e.checkins, &e.ncheckins) != 0 ||
	    store_rests(st, from, to, &e.rests, &e.nrests) != 0) {
		rc = cli_fail(NULL);
		goto out;
	}
	while ((day = next_day(&e, ir, is, id, ic, ix)) <= DATE_MAX) {
		print_day(ctx, day, &e, &ir, &is, &id, &ic, &ix);
		any = 1;
	}
	if (!any) {
		char a[11], b[11];
		if (OPTVAL(&o, WO_ALL) != NULL)
			puts("The journal is empty.");
		else
			printf("No entries from %s to %s.\n", date_format(from, a),
			    date_format(to, b));
	}
out:
	run_list_free(e.runs, e.nruns);
	sleep_list_free(e.sleeps, e.nsleeps);
	drink_list_free(e.drinks, e.ndrinks);
	checkin_list_free(e.checkins, e.ncheckins);
	rest_list_free(e.rests, e.nrests);
	return rc;
}

int
cmd_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct store *st;
	enum entry_kind k[POS_MAX];
	int64_t ids[POS_MAX];
	int i, rc;

	if ((rc = cli_parse(ctx, argc, argv, NULL, &o)) != 0)
		return rc;
	if (o.npos == 0)
		return cli_usage("delete", "missing ID");
	for (i = 0; i < o.npos; i++)
		if (entry_ref_parse(o.pos[i], &k[i], &ids[i]) != 0)
			return cli_fail(NULL);
	if ((st = cli_store_verified(ctx)) == NULL)
		return 1;
	for (i = 0; i < o.npos; i++) {
		rc = store_delete(st, k[i], ids[i]);
		if (rc < 0)
			return cli_fail(NULL);
		if (rc == 1) {
			fprintf(stderr, "runlog: no %s %s in the journal\n",
			    entry_kind_name(k[i]), o.pos[i]);
			return 1;
		}
		printf("Deleted %s %s. 'runlog undo' brings it back.\n",
		    entry_kind_name(k[i]), o.pos[i]);
	}
	return 0;
}

int
cmd_undo(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct store *st;
	char label[256];
	int rc;

	if ((rc = cli_parse(ctx, argc, argv, NULL, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage("undo", "unexpected argument '%.40s'", o.pos[0]);
	if ((st = cli_store_verified(ctx)) == NULL)
		return 1;
	rc = store_undo(st, label, sizeof label);
	if (rc < 0)
		return cli_fail(NULL);
	if (rc == 1) {
		puts("Nothing to undo.");
		return 0;
	}
	printf("Undone: %s.\n", label);
	return 0;
}
