/*
 * csv-runlog: runlog's own per-entry files, as 'runlog export --what runs,
 * sleep, hydration, fatigue, rest or plans' writes them.
 *
 * The columns come from the entry descriptors (entry.h): a file is of the
 * kind whose CSV names its header holds, all and only them, in any order,
 * and each cell is read by its field's type, unit, range and flags. A new
 * field of a kind is read here without a change to this file.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "date.h"
#include "entry.h"
#include "import.h"
#include "units.h"

#define RUNLOG_COLS_MAX 32

struct runlog {
	const struct entry_desc *d;
	/* The file's column of each field of d; -1 for fields not in CSV. */
	int col[RUNLOG_COLS_MAX];
};

/* The export's file of each kind of entry. */
static const enum csv_what kind_what[ENTRY_KIND_COUNT] = {
	[ENTRY_RUN] = CSV_RUNS, [ENTRY_SLEEP] = CSV_SLEEP,
	[ENTRY_DRINK] = CSV_HYDRATION, [ENTRY_CHECKIN] = CSV_FATIGUE,
	[ENTRY_REST] = CSV_REST, [ENTRY_PLAN] = CSV_PLANS,
};

/* The kind whose CSV columns the header has, all and only them (a column
 * added after the first version may be missing); -1. */
static int
header_kind(const struct csv_header *h, int *col)
{
	size_t i, n;
	int k;

	for (k = 0; k < ENTRY_KIND_COUNT; k++) {
		const struct entry_desc *d = entry_desc((enum entry_kind)k);
		if (d->nfields > RUNLOG_COLS_MAX)
			continue;
		for (i = n = 0; i < d->nfields; i++) {
			col[i] = -1;
			if (d->fields[i].csv == NULL)
				continue;
			if ((col[i] = csv_header_find(h, d->fields[i].csv, 1)) >= 0)
				n++;
			else if (!(d->fields[i].flags & FIELD_LATER))
				break;
		}
		if (i == d->nfields && n == h->n)
			return k;
	}
	return -1;
}

/* 1 when h is the days report: all and only its columns. */
static int
is_days_report(const struct csv_header *h)
{
	const char *const *c = csv_columns(CSV_DAYS);
	size_t n;

	for (n = 0; c[n] != NULL; n++)
		if (csv_header_find(h, c[n], 1) < 0)
			return 0;
	return n == h->n;
}

static int
runlog_sniff(const struct import_probe *p)
{
	int col[RUNLOG_COLS_MAX];

	if (p->csv == NULL || p->csv->n == 0 || p->csv->key != NULL ||
	    strcmp(p->csv->name[0], "date") != 0)
		return 0;
	/* Another file starting with "date" is still said to be runlog's,
	 * so that the message says what runlog's files hold. */
	return header_kind(p->csv, col) >= 0 ? 100 : 10;
}

static int
runlog_begin(struct import_ctx *c, const struct csv_header *h, void **state)
{
	struct runlog *o = xcalloc(1, sizeof *o);
	int k;

	*state = o;
	if ((k = header_kind(h, o->col)) >= 0) {
		o->d = entry_desc((enum entry_kind)k);
		c->r->kind = kind_what[k];
		return 0;
	}
	if (is_days_report(h))
		err_set("line 1: this is runlog's days report, which is for "
		    "reading, not importing; export --what runs, sleep, hydration, "
		    "fatigue and rest to move a journal");
	else
		err_set("line 1: not a runlog export (runlog's files start with "
		    "the columns of 'runlog export --what runs|sleep|hydration|"
		    "fatigue|rest')");
	return -1;
}

/* "YYYY-MM-DD" exactly; -1 when not a day. */
static int
cell_day(const char *s, int *day)
{
	int y, m, d, i;

	if (strlen(s) != 10)
		return -1;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (!date_valid_ymd(y, m, d))
		return -1;
	*day = date_from_ymd(y, m, d);
	return 0;
}

/* "YYYY-MM-DD HH:MM:SS" (UTC); -1 when not a time stamp. */
static int
cell_stamp(const char *s)
{
	char d[11];
	int day, k;

	if (strlen(s) != 19 || s[10] != ' ' || s[13] != ':' || s[16] != ':')
		return -1;
	memcpy(d, s, 10);
	d[10] = '\0';
	if (cell_day(d, &day) != 0)
		return -1;
	for (k = 11; k < 19; k++)
		if (k != 13 && k != 16 && (s[k] < '0' || s[k] > '9'))
			return -1;
	if (s[11] > '2' || (s[11] == '2' && s[12] > '3') || s[14] > '5' ||
	    s[17] > '6' || (s[17] == '6' && s[18] != '0'))
		return -1;
	return 0;
}

static int
cell_bool(const char *s, int64_t *v)
{
	if (strcasecmp(s, "yes") == 0 || strcasecmp(s, "true") == 0 ||
	    strcmp(s, "1") == 0)
		*v = 1;
	else if (strcasecmp(s, "no") == 0 || strcasecmp(s, "false") == 0 ||
	    strcmp(s, "0") == 0 || *s == '\0')
		*v = 0;
	else
		return -1;
	return 0;
}

/* A number cell: metres and grams are written as km and kg with up to
 * three decimals, everything else as a whole number. */
static int
cell_number(const struct entry_field *f, const char *s, long line,
    int64_t *v)
{
	int optional = (f->flags & FIELD_OPTIONAL) != 0;

	if (*s == '\0' && optional) {
		*v = f->none;
		return 0;
	}
	if (f->unit == FU_UTC) {
		if (entry_utc_parse(s, v) != 0)
			return csv_bad_here(line, f->csv, s);
		return 0;
	}
	if (f->unit == FU_DISTANCE || f->unit == FU_MASS) {
		if (units_parse_decimal(s, 3, v) != 0)
			return csv_bad_line(line, f->csv, s, "expected a number with "
			    "at most three decimals");
	} else if (units_parse_int(s, v) != 0) {
		return csv_bad_line(line, f->csv, s, "expected a whole number%s",
		    optional ? " or an empty cell" : "");
	}
	if (f->range != NULL && range_check(f->range, *v, s) != 0)
		return csv_bad_here(line, f->csv, s);
	return 0;
}

/* A text cell: the export's neutralising prefix undone, controls removed;
 * a stamp must be one. */
static int
cell_text(const struct entry_field *f, char *s, long line, char **out)
{
	*out = NULL;
	if (*s == '\0') {
		/* An imported run without a source is one of runlog's own. */
		if ((f->flags & FIELD_ORIGIN) && !(f->flags & FIELD_OPTIONAL))
			*out = xstrdup("runlog");
		return 0;
	}
	if (f->flags & FIELD_STAMP) {
		if (cell_stamp(s) != 0)
			return csv_bad_line(line, f->csv, s, "expected a time stamp "
			    "YYYY-MM-DD HH:MM:SS (UTC) or an empty cell");
		*out = xstrdup(s);
		return 0;
	}
	csv_text_restore(s);
	csv_clean_text(s, 1, (size_t)-1);
	if (strlen(s) > NOTE_MAX)
		return csv_bad_line(line, f->csv, s, "%zu bytes, at most %d "
		    "allowed", strlen(s), NOTE_MAX);
	*out = xstrdup(s);
	return 0;
}

/* Reads one cell into field f of entry e. */
static int
cell(const struct entry_field *f, char *s, long line, void *e)
{
	int64_t v = 0;
	int day;
	enum run_type t;

	switch (f->type) {
	case FT_DAY:
		if (cell_day(s, &day) != 0)
			return csv_bad_line(line, f->csv, s, "expected a date, "
			    "YYYY-MM-DD");
		v = day;
		break;
	case FT_INT:
	case FT_INT64:
		if (cell_number(f, s, line, &v) != 0)
			return -1;
		break;
	case FT_BOOL:
		if (cell_bool(s, &v) != 0)
			return csv_bad_line(line, f->csv, s, "expected yes or no");
		break;
	case FT_RUN_TYPE:
		if (run_type_parse(s, &t) != 0)
			return csv_bad_here(line, f->csv, s);
		v = t;
		break;
	case FT_TEXT:
		return cell_text(f, s, line, entry_text(e, f));
	case FT_ID:
		return 0;
	}
	entry_set(e, f, v);
	return 0;
}

static int
runlog_row(struct import_ctx *c, void *state, const struct csv_header *h,
    const struct csv_record *rec)
{
	const struct runlog *o = state;
	void *e = xcalloc(1, o->d->size);
	size_t i;
	int rc = -1;

	(void)h;
	for (i = 0; i < o->d->nfields; i++)
		if (o->col[i] >= 0 && cell(&o->d->fields[i], rec->field[o->col[i]],
		    rec->line, e) != 0)
			goto out;
	rc = import_put(c, o->d->kind, rec->line, e);
out:
	entry_free_fields(o->d, e);
	free(e);
	return rc;
}

static const struct csv_rows_ops runlog_ops = {
	.begin = runlog_begin,
	.row = runlog_row,
	.free = free,
};

static int
runlog_read(struct import_ctx *c, struct import_input *in)
{
	return csv_rows(c, in, &runlog_ops);
}

const struct import_format import_runlog = {
	.id = CSV_FMT_RUNLOG,
	.name = "runlog",
	.title = "a runlog export",
	.file = "runlog",
	.sniff = runlog_sniff,
	.read = runlog_read,
};
