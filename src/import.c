/*
 * import: what every format reader shares: handing entries to the sink,
 * filing refused rows, counting other sports, and the record loop of the
 * CSV formats. It knows no format and no journal.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "import.h"
#include "units.h"
#include "util.h"

/*
 * 1 when a run is beyond what a human can do (run_plausible()), listed in
 * the report: a car ride saved as a run is skipped, never the import.
 */
static int
implausible(struct import_ctx *c, long line, const struct run *r)
{
	struct csv_import_report *rep = c->r;
	char where[48] = "", d[32], t[32], p[32], day[11];

	/* a day or a value the journal cannot hold is the sink's to refuse */
	if (r->day < DATE_MIN || r->day > date_today() || run_validate(r) != 0 ||
	    run_plausible(r, c->o->default_units, 0) == 0)
		return 0;
	if (line > 0)
		snprintf(where, sizeof where, "line %ld, ", line);
	rep->implausible++;
	if (run_plausible(r, c->o->default_units, 1) != 0)
		buf_printf(&rep->implausible_list, "  %s%s: %s in %s is %s, "
		    "faster than any human\n", where, date_format(r->day, day),
		    units_format_distance(r->distance_m, c->o->default_units, d),
		    units_format_duration(r->duration_s, t),
		    units_format_pace(r->distance_m, r->duration_s,
		    c->o->default_units, p));
	else
		buf_printf(&rep->implausible_list, "  %s%s: %s\n", where,
		    date_format(r->day, day), err_get());
	return 1;
}

int
import_put(struct import_ctx *c, enum entry_kind kind, long line, void *entry)
{
	struct import_item it = { kind, line, entry };
	int rc;

	if (kind == ENTRY_RUN && implausible(c, line, entry))
		return 0;
	rc = c->sink->put(c->sink, &it);

	if (rc == -2)
		c->fatal = 1;
	return rc;
}

int
import_refused(struct import_ctx *c)
{
	if (c->fatal || !c->o->skip_bad)
		return -1;
	c->r->bad++;
	buf_adds(&c->r->bad_list, err_get());
	buf_addc(&c->r->bad_list, '\n');
	return 0;
}

void
import_other(struct import_ctx *c, const char *type)
{
	struct csv_import_report *r = c->r;
	char name[40];
	size_t i;

	r->other++;
	snprintf(name, sizeof name, "%s", *type != '\0' ? type : "(no type)");
	csv_clean_text(name, 0, sizeof name - 1);
	for (i = 0; i < r->nsport; i++) {
		if (strcmp(r->sport[i].name, name) == 0) {
			r->sport[i].n++;
			return;
		}
	}
	if (r->nsport < CSV_SPORTS_MAX) {
		snprintf(r->sport[r->nsport].name, sizeof r->sport[0].name, "%s",
		    name);
		r->sport[r->nsport++].n = 1;
	}
}

size_t
import_input_read(struct import_input *in, void *buf, size_t n)
{
	size_t k;

	if (in->pos < in->len) {
		k = in->len - in->pos < n ? in->len - in->pos : n;
		memcpy(buf, in->head + in->pos, k);
		in->pos += k;
		return k;
	}
	return in->rest != NULL ? fread(buf, 1, n, in->rest) : 0;
}

/* --- the record loop of CSV formats ------------------------------------ */

struct rows {
	struct import_ctx         *c;
	const struct csv_rows_ops *ops;
	struct csv_header          h;
	int                        have_header;
	void                      *state;
};

static int
on_record(const struct csv_record *rec, void *arg)
{
	struct rows *w = arg;
	int rc;

	if (!w->have_header) {
		csv_header_init(&w->h, rec);
		csv_l10n_apply(w->c->locale, &w->h);
		w->have_header = 1;
		return w->ops->begin(w->c, &w->h, &w->state) != 0 ? -1 : 0;
	}
	w->c->r->rows++;
	if (rec->n != w->h.n) {
		csv_bad(rec, NULL, NULL, "%zu fields where the header has %zu",
		    rec->n, w->h.n);
		return import_refused(w->c);
	}
	rc = w->ops->row(w->c, w->state, &w->h, rec);
	if (rc == -2) {
		w->c->fatal = 1;
		return -1;
	}
	return rc < 0 ? import_refused(w->c) : 0;
}

int
csv_rows(struct import_ctx *c, struct import_input *in,
    const struct csv_rows_ops *ops)
{
	struct rows w;
	int rc;

	memset(&w, 0, sizeof w);
	w.c = c;
	w.ops = ops;
	rc = csv_read_after(in->head + in->pos, in->len - in->pos, in->rest,
	    on_record, &w);
	if (rc == 0 && !w.have_header) {
		err_set("the file is empty: no header, no rows");
		rc = -1;
	}
	if (rc == 0 && ops->finish != NULL && ops->finish(c, w.state, &w.h) != 0)
		rc = -1;
	if (w.state != NULL && ops->free != NULL)
		ops->free(w.state);
	csv_header_free(&w.h);
	return rc;
}
