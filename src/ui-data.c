/*
 * ui-data: what the Week, Trends and Flags screens show about each day.
 * Everything comes from one series (series.h): the days shown plus the
 * analysis's bounded look-back, so a screen costs the same on a one-year
 * journal as on a fifty-year one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "series.h"
#include "ui.h"
#include "ui-data.h"
#include "units.h"
#include "util.h"

int
ui_days_load(struct ui *ui, int from, int to, struct ui_daysum *out)
{
	struct series se;
	struct an_flag f[AN_FLAGS_MAX];
	int d, i, n;

	if (to < from)
		return 0;
	for (d = from; d <= to; d++) {
		struct ui_daysum *s = &out[d - from];
		memset(s, 0, sizeof *s);
		s->day = d;
		s->sleep_min = -1;
		s->fluid_ml = -1;
		s->acwr = -1;
		s->worst = -1;
	}
	if (series_load(ui->st, from, to, &ui->cfg->an, &se) != 0)
		return -1;
	for (d = from; d <= to; d++) {
		struct ui_daysum *s = &out[d - from];
		const struct an_metrics *m = series_metrics(&se, d);
		const struct an_day *day = series_day(&se, d);

		if (m == NULL)
			continue;
		s->distance_m = m->distance_m;
		s->duration_s = m->duration_s;
		s->nruns = m->nruns;
		s->load = m->load;
		s->sleep_min = m->sleep_min;
		s->fluid_ml = m->fluid_ml;
		s->fatigue = m->fatigue;
		s->acwr = m->acwr;
		s->rest = day != NULL && day->rest;
		if (d > ui->today)
			continue;        /* nothing holds on a day still to come */
		an_progress(m, &ui->cfg->an, &s->prog);
		n = an_flags(m, &ui->cfg->an, f);
		s->nflags = n;
		for (i = 0; i < n; i++) {
			size_t len = strlen(s->flagtext);
			if ((int)f[i].severity > s->worst)
				s->worst = (int)f[i].severity;
			snprintf(s->flagtext + len, sizeof s->flagtext - len, "%s%s",
			    i ? " " : "", an_flag_name(f[i].id));
		}
	}
	series_free(&se);
	return 0;
}

int
ui_progress_text(const struct config *cfg, const struct an_progress *pr,
    int style, char *out, size_t n)
{
	const struct an_params *p = &cfg->an;
	char held[32], level[32], mark[32] = "", pct[32];
	int d;

	out[0] = '\0';
	if (!pr->known)
		return 0;
	if (pr->mark > 0)
		snprintf(mark, sizeof mark, " %s over %+.0f%%", pr->mark == 2 ?
		    "!!" : "!", pr->mark == 2 ? p->jump_alert_pct :
		    p->jump_warn_pct);
	/* as check words it: more digits where whole ones would read as
	 * the threshold itself */
	for (d = 0; d < 3; d++) {
		char a[32], b[32], c[32];

		snprintf(a, sizeof a, "%.*f", d, pr->pct);
		snprintf(b, sizeof b, "%.*f", d, p->jump_warn_pct);
		snprintf(c, sizeof c, "%.*f", d, p->jump_alert_pct);
		if (strcmp(a, b) != 0 && strcmp(a, c) != 0)
			break;
	}
	snprintf(pct, sizeof pct, "%+.*f%%", d, pr->pct);
	if (style == UI_PROG_FIGURE)
		snprintf(out, n, "%s%s", pct, pr->mark == 2 ? " !!" :
		    pr->mark == 1 ? " !" : "");
	else if (style == UI_PROG_SHORT)
		snprintf(out, n, "%s on the recent level%s%s%s", pct,
		    pr->mark ? " (" : "", mark + (pr->mark ? 1 : 0),
		    pr->mark ? ")" : "");
	else
		snprintf(out, n, "%s in the last %d days, %s on the recent "
		    "level of %s%s", units_format_distance(pr->held_m,
		    cfg->dist_unit, held), p->jump_days, pct,
		    units_format_distance(pr->level_m, cfg->dist_unit,
		    level), mark);
	return pr->mark;
}

int
ui_progress_on(const struct ui *ui, const struct series *se, int day,
    struct an_progress *pr)
{
	const struct an_metrics *m = series_metrics(se, day);

	memset(pr, 0, sizeof *pr);
	if (m == NULL || day > ui->today)
		return 0;
	return an_progress(m, &ui->cfg->an, pr);
}
