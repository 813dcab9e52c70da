/* entry-text: one line of plain text per entry (see entry-text.h). */
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "entry-text.h"

/* Appends "  \"note\"", sanitised, when there is a note. */
static void
add_note(struct buf *out, const char *note)
{
	char *n;

	if (note == NULL || *note == '\0')
		return;
	n = xstrdup(note);
	text_sanitize(n);
	buf_printf(out, "  \"%s\"", n);
	free(n);
}

static void
run_line(const struct run *r, enum dist_unit du, struct buf *out)
{
	char a[32], b[32], c[32];

	buf_printf(out, "run      %s  %s  %s  %s",
	    units_format_distance(r->distance_m, du, a),
	    units_format_duration(r->duration_s, b),
	    units_format_pace(r->distance_m, r->duration_s, du, c),
	    run_type_name(r->type));
	if (r->rpe)
		buf_printf(out, "  RPE %d", r->rpe);
	if (r->avg_hr)
		buf_printf(out, "  HR %d", r->avg_hr);
	if (r->climb_m >= 0)
		buf_printf(out, "  +%" PRId64 " m", r->climb_m);
	if (r->mass_before_g)
		buf_printf(out, "  %s->%s kg", units_format_mass(r->mass_before_g,
		    a), units_format_mass(r->mass_after_g, b));
	if (r->source != NULL && strcmp(r->source, "runlog") != 0) {
		char *s = xstrdup(r->source);

		text_sanitize(s);
		buf_printf(out, "  [%s]", s);
		free(s);
	}
	if (r->start_utc != 0) {
		entry_utc_format(r->start_utc, a);
		buf_printf(out, "  started %.16s UTC", a);
	}
	if (r->shoe != NULL) {
		char *s = xstrdup(r->shoe);

		text_sanitize(s);
		buf_printf(out, "  shoe %s", s);
		free(s);
	}
	add_note(out, r->note);
}

/* "plan     12.00 km  1:05:00  5:25 /km  long  RPE 6": what is known of it. */
static void
plan_line(const struct plan *p, enum dist_unit du, struct buf *out)
{
	char a[32], b[32], c[32];

	buf_printf(out, "plan     %s", units_format_distance(p->distance_m, du,
	    a));
	if (p->duration_s > 0)
		buf_printf(out, "  %s  %s", units_format_duration(p->duration_s, b),
		    units_format_pace(p->distance_m, p->duration_s, du, c));
	buf_printf(out, "  %s", run_type_name(p->type));
	if (p->rpe)
		buf_printf(out, "  RPE %d", p->rpe);
	add_note(out, p->note);
}

static void
checkin_line(const struct checkin *k, struct buf *out)
{
	static const struct {
		size_t off;
		const char *text;
	} marks[] = {
		{ offsetof(struct checkin, ill), "ill" },
		{ offsetof(struct checkin, pain), "sharp pain" },
		{ offsetof(struct checkin, swelling), "swelling" },
		{ offsetof(struct checkin, numbness), "numbness" },
		{ offsetof(struct checkin, no_weight), "cannot bear weight" },
	};
	size_t i;
	char m[32];

	buf_printf(out, "check-in");
	if (k->fatigue)
		buf_printf(out, " fatigue %d/10", k->fatigue);
	if (k->soreness)
		buf_printf(out, "  soreness %d/10", k->soreness);
	if (k->mood)
		buf_printf(out, "  mood %d/5", k->mood);
	if (k->stress)
		buf_printf(out, "  stress %d/5", k->stress);
	if (k->rhr)
		buf_printf(out, "  resting HR %d", k->rhr);
	if (k->hrv_ms)
		buf_printf(out, "  HRV %d ms", k->hrv_ms);
	if (k->mass_g)
		buf_printf(out, "  body mass %s kg", units_format_mass(k->mass_g, m));
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (*(const int *)(const void *)((const char *)k + marks[i].off))
			buf_printf(out, "  %s", marks[i].text);
	add_note(out, k->note);
}

void
entry_text_line(enum entry_kind k, const void *e, enum dist_unit du,
    enum vol_unit vu, struct buf *out)
{
	char a[32];

	switch (k) {
	case ENTRY_RUN:
		run_line(e, du, out);
		break;
	case ENTRY_SLEEP: {
		const struct sleep *s = e;

		buf_printf(out, "sleep    %s", units_format_hours(s->minutes, a));
		if (s->quality)
			buf_printf(out, "  quality %d/5", s->quality);
		add_note(out, s->note);
		break;
	}
	case ENTRY_DRINK: {
		const struct drink *d = e;

		buf_printf(out, "drink    %s%s",
		    units_format_volume(d->volume_ml, vu, a),
		    d->electrolytes ? "  electrolytes" : "");
		break;
	}
	case ENTRY_CHECKIN:
		checkin_line(e, out);
		break;
	case ENTRY_REST:
		buf_adds(out, "rest day");
		add_note(out, ((const struct rest *)e)->note);
		break;
	case ENTRY_PLAN:
		plan_line(e, du, out);
		break;
	case ENTRY_KIND_COUNT:
		break;
	}
}
