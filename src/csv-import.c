/*
 * csv-import: an import from start to end. The first bytes of the input
 * are read and offered to every format of the table (import.h), in
 * English and then in each language of csv-l10n.c; the most certain one
 * reads the whole input and hands its entries to the journal's sink
 * below, which checks each one and writes it through the store inside one
 * batch. A bad row fails the batch (nothing lands) unless skip_bad lists
 * it and goes on. A dry run does all of it and rolls the batch back.
 *
 * Importing again adds nothing twice:
 *   - a run with an external id is the same run when (source, external id)
 *     match (the journal's unique key); the same id twice in one file is
 *     reported as such, naming both lines, and the second is skipped;
 *   - a run without one, and a drink, are the same entry when an entry that
 *     was in the journal before this import has the same day and the same
 *     created_at stamp (the second it was first logged), so an entry edited
 *     since the export is not brought back as a second one; without a
 *     created_at, the same day and values (store_run_known());
 *   - sleep, check-ins and rest days are one per day: the same values are
 *     already there; different values replace the day's entry unless the
 *     journal's was changed later (updated_at), which is kept;
 *   - a check-in from a watch or a wellness service fills only the empty
 *     fields of the day's check-in: the journal's values are kept, and
 *     each one the file gives otherwise is listed.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "date.h"
#include "entry.h"
#include "import.h"
#include "store.h"
#include "units.h"
#include "util.h"

const char *
csv_format_name(enum csv_format f)
{
	const struct import_format *x = import_format_get(f);

	if (f == CSV_FMT_AUTO)
		return "auto";
	return x != NULL ? x->name : "?";
}

int
csv_format_parse(const char *s, enum csv_format *f)
{
	struct buf names;
	size_t i;

	if (strcmp(s, "auto") == 0) {
		*f = CSV_FMT_AUTO;
		return 0;
	}
	buf_init(&names);
	for (i = 0; import_format_at(i) != NULL; i++) {
		if (strcmp(s, import_format_at(i)->name) == 0) {
			*f = import_format_at(i)->id;
			buf_free(&names);
			return 0;
		}
		buf_printf(&names, "%s%s", import_format_at(i + 1) != NULL ? ", " :
		    " or ", import_format_at(i)->name);
	}
	err_set("--format '%.40s': must be auto%s", s, names.data);
	buf_free(&names);
	return -1;
}

void
csv_import_report_free(struct csv_import_report *r)
{
	buf_free(&r->bad_list);
	buf_free(&r->repeat_list);
	buf_free(&r->implausible_list);
	buf_free(&r->conflict_list);
	buf_free(&r->merge_list);
}

/* --- the ids a file has given, to tell a repeat from the journal's ----- */

struct seen {
	char **key;      /* "source\nexternal id" */
	long  *line;
	size_t cap, n;
};

static size_t
seen_slot(const struct seen *m, const char *k)
{
	uint64_t h = 1469598103934665603u;   /* FNV-1a */
	const char *p;
	size_t i;

	for (p = k; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	for (i = (size_t)h & (m->cap - 1); m->key[i] != NULL &&
	    strcmp(m->key[i], k) != 0; i = (i + 1) & (m->cap - 1))
		;
	return i;
}

/* The line k was first seen on, or 0 after noting it at line. */
static long
seen_add(struct seen *m, const char *k, long line)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap) {
		struct seen g = { NULL, NULL, m->cap ? 2 * m->cap : 256, m->n };
		g.key = xcalloc(g.cap, sizeof *g.key);
		g.line = xcalloc(g.cap, sizeof *g.line);
		for (i = 0; i < m->cap; i++) {
			if (m->key[i] != NULL) {
				size_t j = seen_slot(&g, m->key[i]);
				g.key[j] = m->key[i];
				g.line[j] = m->line[i];
			}
		}
		free(m->key);
		free(m->line);
		*m = g;
	}
	i = seen_slot(m, k);
	if (m->key[i] != NULL)
		return m->line[i];
	m->key[i] = xstrdup(k);
	m->line[i] = line;
	m->n++;
	return 0;
}

static void
seen_free(struct seen *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->key[i]);
	free(m->key);
	free(m->line);
}

/* --- the batch: every file of one import ------------------------------- */

/* A run taken from a file that was read whole, waiting for the end of the
 * batch, where runs of different sources are matched. */
struct pend {
	struct run                r;
	struct csv_import_report *rep;     /* the file it came from */
	long                      line;
	long                      into;    /* merged into pend[into]; -1 */
};

/* Any other entry of the file being read, kept until it is read whole. */
struct item {
	enum entry_kind kind;
	void           *entry;
};

struct import_batch {
	struct import_sink        sink;    /* first: the readers see this */
	struct store             *st;
	struct store_import      *si;
	const struct csv_import_opts *o;
	int                       dry_run;
	int                       today;
	int                       failed;  /* the journal failed */
	/* the file being read */
	struct csv_import_report *r;
	struct seen               ids;     /* its external ids, to tell repeats */
	size_t                    runs0;   /* its first run in runs */
	struct item              *items;
	size_t                    nitems, capitems;
	/* runs of the files read whole so far */
	struct pend              *runs;
	size_t                    nruns, capruns;
	/* the journal's runs before the import, by day (cross-source match) */
	struct run               *old;
	size_t                    nold;
};

/* Checks that hold for every entry: a day in range, not in the future
 * (a plan excepted: it is made for days ahead, and kept once they have
 * passed), and the kind's own ranges. */
static int
check_entry(const struct import_batch *j, const struct import_item *it)
{
	const struct entry_desc *d = entry_desc(it->kind);
	int day = (int)entry_get(it->entry, entry_field_find(d, "day"));
	char s[16];
	int rc = 0;

	if (day < DATE_MIN || day > DATE_MAX)
		return csv_bad_line(it->line, "date", date_format(day, s), "runlog "
		    "keeps days from 1900-01-01 to 2099-12-31");
	if (day > j->today && it->kind != ENTRY_PLAN)
		return csv_bad_line(it->line, "date", date_format(day, s), "is in "
		    "the future; entries are for today or earlier");
	switch (it->kind) {
	case ENTRY_RUN:     rc = run_validate(it->entry); break;
	case ENTRY_SLEEP:   rc = sleep_validate(it->entry); break;
	case ENTRY_DRINK:   rc = drink_validate(it->entry); break;
	case ENTRY_CHECKIN: rc = checkin_validate(it->entry); break;
	case ENTRY_REST:
		rc = note_validate(((const struct rest *)it->entry)->note);
		break;
	case ENTRY_PLAN:    rc = plan_validate(it->entry); break;
	default:
		err_set("an entry of an unknown kind");
		rc = -1;
	}
	return rc != 0 ? csv_bad_here(it->line, NULL, NULL) : 0;
}

/* A copy of entry e of kind k that owns its text. */
static void *
entry_dup(enum entry_kind k, const void *e)
{
	const struct entry_desc *d = entry_desc(k);
	void *c = xmalloc(d->size);
	size_t i;

	memcpy(c, e, d->size);
	for (i = 0; i < d->nfields; i++) {
		char **t;
		if (d->fields[i].type != FT_TEXT)
			continue;
		t = entry_text(c, &d->fields[i]);
		if (*t != NULL)
			*t = xstrdup(*t);
	}
	return c;
}

static void
entry_drop(enum entry_kind k, void *e)
{
	entry_free_fields(entry_desc(k), e);
	free(e);
}

int
import_accidental(const struct run *r)
{
	return r->distance_m < IMPORT_ACCIDENT_M ||
	    r->duration_s < IMPORT_ACCIDENT_S;
}

/* The sink of the file being read: checks each entry and keeps a copy. */
static int
batch_put(struct import_sink *s, const struct import_item *it)
{
	struct import_batch *b = (struct import_batch *)s;
	const struct run *r = it->entry;
	struct pend *p;

	if (it->kind == ENTRY_RUN && import_accidental(r)) {
		b->r->accidental++;
		return 0;
	}
	if (check_entry(b, it) != 0)
		return -1;
	if (it->kind != ENTRY_RUN) {
		if (b->nitems == b->capitems) {
			b->capitems = b->capitems ? 2 * b->capitems : 64;
			b->items = xrealloc(b->items, b->capitems * sizeof *b->items);
		}
		b->items[b->nitems].kind = it->kind;
		b->items[b->nitems++].entry = entry_dup(it->kind, it->entry);
		return 0;
	}
	if (r->external_id != NULL) {
		char *k = xasprintf("%s\n%s", r->source ? r->source : "runlog",
		    r->external_id);
		long first = seen_add(&b->ids, k, it->line);
		free(k);
		if (first != 0) {
			b->r->repeated++;
			buf_printf(&b->r->repeat_list, "%sline %ld repeats line %ld",
			    b->r->repeated > 1 ? ", " : "", it->line, first);
			return 0;
		}
	}
	if (b->nruns == b->capruns) {
		b->capruns = b->capruns ? 2 * b->capruns : 256;
		b->runs = xrealloc(b->runs, b->capruns * sizeof *b->runs);
	}
	p = &b->runs[b->nruns++];
	{
		struct run *c = entry_dup(ENTRY_RUN, r);
		p->r = *c;
		free(c);
	}
	p->rep = b->r;
	p->line = it->line;
	p->into = -1;
	return 0;
}

int
import_batch_begin(struct store *st, const struct csv_import_opts *o,
    int dry_run, struct import_batch **out)
{
	struct import_batch *b = xcalloc(1, sizeof *b);

	if (store_import_begin(st, o->label ? o->label : "import", &b->si) != 0) {
		free(b);
		return -1;
	}
	b->sink.put = batch_put;
	b->st = st;
	b->o = o;
	b->dry_run = dry_run;
	b->today = date_today();
	*out = b;
	return 0;
}

struct import_sink *
import_file_begin(struct import_batch *b, struct csv_import_report *r)
{
	memset(r, 0, sizeof *r);
	buf_init(&r->bad_list);
	buf_init(&r->repeat_list);
	buf_init(&r->implausible_list);
	buf_init(&r->merge_list);
	r->kind = CSV_RUNS;
	b->r = r;
	b->runs0 = b->nruns;
	b->nitems = 0;
	return &b->sink;
}

static int
put_drink(struct import_batch *j, struct drink *d)
{
	int rc;

	if ((rc = store_drink_known(j->si, d)) < 0)
		return -2;
	if (rc == 1) {
		j->r->already++;
		return 0;
	}
	if (store_add_drink(j->st, d) != 0)
		return -2;
	j->r->added++;
	return 0;
}

/* 1 when two entries of kind d have the same values (stamps, ids and
 * origins aside). */
static int
same_values(const struct entry_desc *d, const void *a, const void *b)
{
	size_t i;

	for (i = 0; i < d->nfields; i++) {
		const struct entry_field *f = &d->fields[i];
		if (f->type == FT_ID || f->type == FT_DAY ||
		    (f->flags & (FIELD_STAMP | FIELD_ORIGIN)))
			continue;
		if (f->type == FT_TEXT) {
			const char *x = entry_text_get(a, f), *y = entry_text_get(b, f);
			if (strcmp(x != NULL ? x : "", y != NULL ? y : "") != 0)
				return 0;
		} else if (entry_get(a, f) != entry_get(b, f)) {
			return 0;
		}
	}
	return 1;
}

/*
 * A planned run: the same plan when the day has one with the same
 * created_at stamp (the second it was first made), or, without a stamp,
 * the same values; so a plan edited since the export is not added twice.
 */
static int
put_plan(struct import_batch *j, struct plan *p)
{
	const struct entry_desc *d = entry_desc(ENTRY_PLAN);
	struct plan *old;
	size_t n, i;
	int found = 0;

	if (store_plans(j->st, p->day, p->day, &old, &n) != 0)
		return -2;
	for (i = 0; i < n && !found; i++)
		found = p->created_at != NULL ? old[i].created_at != NULL &&
		    strcmp(old[i].created_at, p->created_at) == 0 :
		    same_values(d, &old[i], p);
	plan_list_free(old, n);
	if (found) {
		j->r->already++;
		return 0;
	}
	if (store_add_plan(j->st, p) != 0)
		return -2;
	j->r->added++;
	return 0;
}

/* A value of check-in field f as the summary shows it: "52", "71.5 kg". */
static void
checkin_value_text(const struct entry_field *f, const void *e, char *out,
    size_t n)
{
	int64_t v = entry_get(e, f);
	char m[32];

	if (f->unit == FU_MASS)
		snprintf(out, n, "%s kg", units_format_mass(v, m));
	else if (f->unit == FU_MS)
		snprintf(out, n, "%" PRId64 " ms", v);
	else if (f->type == FT_BOOL)
		snprintf(out, n, "%s", v ? "yes" : "no");
	else
		snprintf(out, n, "%" PRId64, v);
}

/*
 * A check-in from a watch or a wellness service on a day that has one:
 * the file's values fill only the fields the journal's lacks, so a value
 * typed here (or imported before) is never overwritten; every value the
 * file gives otherwise is listed. Several files giving a day's values
 * (resting HR from one, HRV from another) so make one check-in. 1 when
 * merged holds a change to write, 0 when nothing changes.
 */
static int
checkin_fill(struct import_batch *j, const struct entry_desc *d,
    const struct checkin *old, const struct checkin *in,
    struct checkin *merged)
{
	char day[16], a[32], b[32];
	size_t i;
	int changed = 0;

	for (i = 0; i < d->nfields; i++) {
		const struct entry_field *f = &d->fields[i];
		int64_t ov, nv;

		if (f->type == FT_ID || f->type == FT_DAY || f->type == FT_TEXT ||
		    (f->flags & (FIELD_STAMP | FIELD_ORIGIN)))
			continue;
		ov = entry_get(old, f);
		nv = entry_get(in, f);
		if (nv == f->none || nv == ov)
			continue;
		if (ov == f->none) {
			entry_set(merged, f, nv);
			changed = 1;
			continue;
		}
		checkin_value_text(f, in, a, sizeof a);
		checkin_value_text(f, old, b, sizeof b);
		j->r->conflicts++;
		buf_printf(&j->r->conflict_list, "  %s: %s %s in the file, %s in "
		    "the journal: kept %s\n", date_format(old->day, day), f->label,
		    a, b, b);
	}
	if (merged->note == NULL && in->note != NULL) {
		merged->note = xstrdup(in->note);
		changed = 1;
	}
	return changed;
}

/* A device's or a service's check-in: fills the day's one, or adds it. */
static int
put_checkin_fill(struct import_batch *j, struct checkin *e)
{
	const struct entry_desc *d = entry_desc(ENTRY_CHECKIN);
	struct checkin *old = NULL, merged;
	size_t n = 0;
	int rc = 0;

	if (store_checkins(j->st, e->day, e->day, &old, &n) != 0)
		return -2;
	if (n == 0) {
		rc = store_put_checkin(j->st, e, NULL) != 0 ? -2 : 0;
		if (rc == 0)
			j->r->added++;
	} else {
		merged = old[0];
		merged.note = old[0].note != NULL ? xstrdup(old[0].note) : NULL;
		merged.created_at = merged.updated_at = NULL;
		if (!checkin_fill(j, d, &old[0], e, &merged)) {
			j->r->already++;
		} else if (store_put_checkin(j->st, &merged, NULL) != 0) {
			rc = -2;
		} else {
			j->r->filled++;
		}
		free(merged.note);
	}
	entry_list_free(ENTRY_CHECKIN, old, n);
	return rc;
}

/* Sleep, check-ins and rest days: one per day. */
static int
put_daily(struct import_batch *j, enum entry_kind k, void *e)
{
	const struct entry_desc *d = entry_desc(k);
	const struct entry_field *upd = entry_field_find(d, "updated_at");
	int day = (int)entry_get(e, entry_field_find(d, "day"));
	struct entries old;
	const void *prev = NULL;
	int rc;

	memset(&old, 0, sizeof old);
	if (k == ENTRY_SLEEP)
		rc = store_sleeps(j->st, day, day, &old.sleeps, &old.nsleeps);
	else if (k == ENTRY_CHECKIN)
		rc = store_checkins(j->st, day, day, &old.checkins, &old.ncheckins);
	else
		rc = store_rests(j->st, day, day, &old.rests, &old.nrests);
	if (rc != 0)
		return -2;
	prev = old.nsleeps ? (void *)old.sleeps : old.ncheckins ?
	    (void *)old.checkins : old.nrests ? (void *)old.rests : NULL;
	if (prev == NULL) {
		j->r->added++;
	} else if (same_values(d, prev, e)) {
		j->r->already++;
		goto out;
	} else {
		/* The journal's was changed after the file's: keep it. */
		const char *ours = entry_text_get(prev, upd);
		const char *theirs = entry_text_get(e, upd);
		if (ours != NULL && theirs != NULL && strcmp(ours, theirs) > 0) {
			j->r->kept++;
			goto out;
		}
		j->r->replaced++;
	}
	if (k == ENTRY_SLEEP)
		rc = store_put_sleep(j->st, e, NULL);
	else if (k == ENTRY_CHECKIN)
		rc = store_put_checkin(j->st, e, NULL);
	else
		rc = store_put_rest(j->st, e, NULL);
	rc = rc != 0 ? -2 : 0;
out:
	entries_free(&old);
	return rc;
}

int
import_file_end(struct import_batch *b, int ok)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < b->nitems; i++) {
		struct item *it = &b->items[i];
		if (ok && rc == 0 && !b->failed) {
			if (it->kind == ENTRY_DRINK)
				rc = put_drink(b, it->entry);
			else if (it->kind == ENTRY_PLAN)
				rc = put_plan(b, it->entry);
			else if (it->kind == ENTRY_CHECKIN &&
			    b->r->format != CSV_FMT_RUNLOG)
				/* Other sources fill only a check-in's empty
				 * fields; runlog's own files put it back whole. */
				rc = put_checkin_fill(b, it->entry);
			else
				rc = put_daily(b, it->kind, it->entry);
		}
		entry_drop(it->kind, it->entry);
	}
	b->nitems = 0;
	if (!ok) {
		for (i = b->runs0; i < b->nruns; i++)
			run_free(&b->runs[i].r);
		b->nruns = b->runs0;
	}
	seen_free(&b->ids);
	memset(&b->ids, 0, sizeof b->ids);
	if (rc != 0)
		b->failed = 1;
	return b->failed ? -1 : 0;
}

/* --- one run from two sources ------------------------------------------ */

static const char *
origin(const struct run *r)
{
	return r->source != NULL ? r->source : "runlog";
}

/* 1 for a run read from a device file (its measured values win). */
static int
from_device(const struct run *r)
{
	const char *s = origin(r);

	return strcmp(s, "fit") == 0 || strcmp(s, "gpx") == 0 ||
	    strcmp(s, "tcx") == 0;
}

static int
within3(int64_t a, int64_t b)
{
	int64_t m = a > b ? a : b;

	return (a > b ? a - b : b - a) * 100 <= 3 * m;
}

/*
 * The same run from two sources: the same day, different sources,
 * distances within 3%, and starts within 2 minutes when both are known,
 * else durations within 3%.
 */
int
import_same_run(const struct run *a, const struct run *b)
{
	if (a->day != b->day || strcmp(origin(a), origin(b)) == 0 ||
	    !within3(a->distance_m, b->distance_m))
		return 0;
	if (a->start_utc > 0 && b->start_utc > 0)
		return llabs(a->start_utc - b->start_utc) <= IMPORT_SAME_START_S;
	return within3(a->duration_s, b->duration_s);
}

/* dst keeps its values and takes what it lacks from src. */
static void
merge_into(struct run *dst, const struct run *src)
{
	if (dst->note == NULL && src->note != NULL)
		dst->note = xstrdup(src->note);
	if (dst->rpe == 0)
		dst->rpe = src->rpe;
	if (dst->avg_hr == 0)
		dst->avg_hr = src->avg_hr;
	if (dst->climb_m < 0)
		dst->climb_m = src->climb_m;
	if (dst->type == RUN_OTHER)
		dst->type = src->type;
	if (dst->start_utc == 0)
		dst->start_utc = src->start_utc;
}

static const struct pend *pend_base;

static int
by_day(const void *x, const void *y)
{
	const struct pend *a = pend_base + *(const size_t *)x;
	const struct pend *b = pend_base + *(const size_t *)y;

	if (a->r.day != b->r.day)
		return a->r.day < b->r.day ? -1 : 1;
	return *(const size_t *)x < *(const size_t *)y ? -1 : 1;
}

static void
note_merge(struct csv_import_report *rep, const char *what)
{
	rep->merged++;
	if (rep->merged <= 20)
		buf_printf(&rep->merge_list, "%s%s", rep->merged > 1 ? "; " : "",
		    what);
}

/* Matches the runs of the batch with one another, in day order. */
static void
match_runs(struct import_batch *b)
{
	size_t *ix = xcalloc(b->nruns + 1, sizeof *ix), i, j, g;
	char d[16];

	for (i = 0; i < b->nruns; i++)
		ix[i] = i;
	pend_base = b->runs;
	qsort(ix, b->nruns, sizeof *ix, by_day);
	for (g = 0; g < b->nruns; g = i) {
		for (i = g; i < b->nruns && b->runs[ix[i]].r.day ==
		    b->runs[ix[g]].r.day; i++) {
			struct pend *y = &b->runs[ix[i]];
			for (j = g; j < i; j++) {
				struct pend *x = &b->runs[ix[j]], t;
				char *what;
				if (x->into >= 0 || !import_same_run(&x->r, &y->r))
					continue;
				if (from_device(&y->r) && !from_device(&x->r)) {
					/* the file's measured values win */
					t = *x; *x = *y; *y = t;
					x->into = -1;
				}
				merge_into(&x->r, &y->r);
				y->into = (long)ix[j];
				what = y->line > 0 ? xasprintf("line %ld, the %s run of %s, "
				    "is the %s run", y->line, origin(&y->r),
				    date_format(y->r.day, d), origin(&x->r)) :
				    xasprintf("the %s run of %s is the %s run",
				    origin(&y->r), date_format(y->r.day, d), origin(&x->r));
				note_merge(y->rep, what);
				free(what);
				break;
			}
		}
	}
	free(ix);
}

/* 1 when the journal held, before the import, the same run from another
 * source (the same day, distance and duration within 3%). */
static int
journal_has(struct import_batch *b, const struct run *r)
{
	size_t lo = 0, hi = b->nold, i;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (b->old[mid].day < r->day)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < b->nold && b->old[i].day == r->day; i++) {
		struct run o = b->old[i];
		o.start_utc = 0;    /* not kept in the journal yet */
		if (import_same_run(&o, r))
			return 1;
	}
	return 0;
}

static int
put_run(struct import_batch *b, struct pend *p)
{
	struct run *r = &p->r;
	char d[16];
	int rc;

	b->r = p->rep;
	if (r->external_id != NULL && journal_has(b, r)) {
		char *what = p->line > 0 ? xasprintf("line %ld, the %s run of %s, "
		    "is one the journal holds from another source", p->line,
		    origin(r), date_format(r->day, d)) : xasprintf("the %s run of "
		    "%s is one the journal holds from another source", origin(r),
		    date_format(r->day, d));
		note_merge(p->rep, what);
		free(what);
		return 0;
	}
	if (r->external_id == NULL) {
		if ((rc = store_run_known(b->si, r)) < 0)
			return -2;
		if (rc == 1) {
			p->rep->already++;
			return 0;
		}
	}
	if ((rc = store_add_run(b->st, r)) < 0)
		return -2;
	if (rc == 1)
		p->rep->already++;
	else
		p->rep->added++;
	return 0;
}

static int
flush_runs(struct import_batch *b)
{
	const char *prev = NULL;
	size_t i;

	match_runs(b);
	for (i = 0; i < b->nruns; i++)
		if (b->runs[i].into < 0 && b->runs[i].r.external_id != NULL)
			break;
	if (i < b->nruns && store_runs(b->st, DATE_MIN, DATE_MAX, &b->old,
	    &b->nold) != 0)
		return -1;
	/* Their new shoes first, while the triggers record them for undo
	 * (a name once, as long as the runs name it in a row). */
	for (i = 0; i < b->nruns; i++) {
		const char *shoe = b->runs[i].r.shoe;

		if (b->runs[i].into >= 0 || shoe == NULL || (prev != NULL &&
		    strcmp(prev, shoe) == 0))
			continue;
		if (store_import_shoe(b->si, shoe) != 0)
			return -1;
		prev = shoe;
	}
	/* Only new runs are written here: no trigger has anything to do. */
	if (store_import_adding(b->si, 1) != 0)
		return -1;
	for (i = 0; i < b->nruns; i++)
		if (b->runs[i].into < 0 && put_run(b, &b->runs[i]) != 0)
			break;
	if (store_import_adding(b->si, 0) != 0 || i < b->nruns)
		return -1;
	return 0;
}

int
import_batch_end(struct import_batch *b, int commit)
{
	size_t i;
	int rc = b->failed ? -1 : 0;

	if (rc == 0 && flush_runs(b) != 0)
		rc = -1;
	if (store_import_end(b->si, rc == 0 && commit && !b->dry_run) != 0)
		rc = -1;
	for (i = 0; i < b->nruns; i++)
		run_free(&b->runs[i].r);
	free(b->runs);
	if (b->old != NULL)
		entry_list_free(ENTRY_RUN, b->old, b->nold);
	free(b->items);
	seen_free(&b->ids);
	free(b);
	return rc;
}
/* --- choosing the format ------------------------------------------------- */

/* The most certain format for the probe, in English, else in one of the
 * languages; *locale says which. NULL when none. */
static const struct import_format *
sniff(struct import_probe *p, struct csv_header *h,
    const struct csv_locale **locale)
{
	const struct import_format *best = NULL;
	const struct csv_locale *l;
	int score = 0, s;
	size_t i, k;

	*locale = NULL;
	for (i = 0; import_table[i] != NULL; i++)
		if ((s = import_table[i]->sniff(p)) > score) {
			score = s;
			best = import_table[i];
		}
	if (best != NULL || p->csv == NULL)
		return best;
	for (k = 0; (l = csv_l10n_at(k)) != NULL; k++) {
		const struct import_format *f = import_format_get(l->format);
		csv_l10n_apply(l, h);
		if (f != NULL && f->sniff != NULL && f->sniff(p) > 0) {
			*locale = l;
			break;
		}
	}
	csv_l10n_apply(NULL, h);
	return *locale != NULL ? import_format_get((*locale)->format) : NULL;
}

/* Says why no format (or not the one asked for) fits; -1. */
static int
no_format(const struct csv_import_opts *o, const struct import_format *f,
    const struct csv_header *h)
{
	struct buf list;
	char first[48];
	size_t i;

	if (f != NULL) {
		err_set("line 1: the header is not that of a %s file; it looks like "
		    "a %s file", csv_format_name(o->format), f->name);
		return -1;
	}
	if (o->format != CSV_FMT_AUTO) {
		err_set("line 1: the header is not that of a %s file",
		    csv_format_name(o->format));
		return -1;
	}
	buf_init(&list);
	for (i = 0; import_format_at(i) != NULL; i++)
		buf_printf(&list, "%s%s", i == 0 ? "" : import_format_at(i + 1) !=
		    NULL ? ", " : " or ", import_format_at(i)->file);
	snprintf(first, sizeof first, "%s", h->n ? h->name[0] : "");
	csv_clean_text(first, 0, sizeof first - 1);
	err_set("line 1: unknown header (first column '%s'): not a %s export; "
	    "runlog reads %s (for another language, switch the account to "
	    "English and export again)", first, list.data, csv_l10n_languages());
	buf_free(&list);
	return -1;
}

/* Reads the first bytes and picks the format; -1 with err_set(). */
static const struct import_format *
choose(FILE *f, const struct csv_import_opts *o, unsigned char *head,
    size_t *len, const struct csv_locale **locale)
{
	struct csv_header h;
	struct import_probe p;
	const struct import_format *fmt;
	int hrc;

	*len = fread(head, 1, IMPORT_HEAD_MAX, f);
	if (ferror(f)) {
		err_set("cannot read: %s", strerror(errno));
		return NULL;
	}
	hrc = csv_peek_header(head, *len, *len < IMPORT_HEAD_MAX, &h);
	p.head = head;
	p.len = *len;
	p.csv = hrc == 1 ? &h : NULL;
	fmt = sniff(&p, &h, locale);
	if (fmt == NULL && hrc < 0) {
		/* csv_peek_header() said why the bytes are not CSV. */
	} else if (fmt == NULL && hrc == 0 && *len < IMPORT_HEAD_MAX) {
		err_set("the file is empty: no header, no rows");
	} else if (fmt == NULL && hrc == 0) {
		err_set("line 1: the first line is longer than %d bytes; not a "
		    "file runlog reads", IMPORT_HEAD_MAX);
	} else if (fmt == NULL || (o->format != CSV_FMT_AUTO &&
	    fmt->id != o->format)) {
		no_format(o, fmt, &h);
		fmt = NULL;
	}
	csv_header_free(&h);
	return fmt;
}

const struct import_format *
import_choose(FILE *f, const struct csv_import_opts *o, unsigned char *head,
    size_t *len, const struct csv_locale **locale)
{
	return choose(f, o, head, len, locale);
}

int
import_file_read(struct import_batch *b, FILE *f,
    struct csv_import_report *r)
{
	unsigned char *head = xmalloc(IMPORT_HEAD_MAX);
	const struct import_format *fmt;
	struct import_input in;
	struct import_ctx c;
	int rc = -1;

	memset(&c, 0, sizeof c);
	c.sink = import_file_begin(b, r);
	if ((fmt = choose(f, b->o, head, &in.len, &c.locale)) != NULL) {
		r->format = fmt->id;
		r->title = fmt->title;
		r->locale = c.locale;
		c.o = b->o;
		c.r = r;
		in.head = head;
		in.pos = 0;
		in.rest = f;
		rc = fmt->read(&c, &in);
	}
	if (import_file_end(b, rc == 0) != 0)
		rc = -2;
	free(head);
	return rc;
}

int
csv_import(struct store *st, FILE *f, const struct csv_import_opts *o,
    int dry_run, struct csv_import_report *r)
{
	struct import_batch *b;
	int rc;

	memset(r, 0, sizeof *r);
	buf_init(&r->bad_list);
	buf_init(&r->repeat_list);
	buf_init(&r->implausible_list);
	buf_init(&r->conflict_list);
	buf_init(&r->merge_list);
	if (import_batch_begin(st, o, dry_run, &b) != 0)
		return -1;
	rc = import_file_read(b, f, r) != 0 ? -1 : 0;
	if (import_batch_end(b, rc == 0) != 0)
		rc = -1;
	return rc;
}
