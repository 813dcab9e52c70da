/*
 * ui-data: what the Week and Trends screens show about each day, read with
 * one bounded query per entry kind over the days shown, so a screen costs
 * the same on a one-year journal as on a fifty-year one.
 */
#include <string.h>

#include "ui.h"
#include "util.h"

int
ui_days_load(struct ui *ui, int from, int to, struct ui_daysum *out)
{
	struct run *runs = NULL;
	struct sleep *sl = NULL;
	struct drink *dr = NULL;
	struct checkin *ck = NULL;
	struct rest *rs = NULL;
	size_t nr = 0, ns = 0, nd = 0, nc = 0, nx = 0, i;
	int d, rc = -1;

	if (to < from)
		return 0;
	for (d = from; d <= to; d++) {
		struct ui_daysum *s = &out[d - from];
		memset(s, 0, sizeof *s);
		s->day = d;
		s->sleep_min = -1;
		s->fluid_ml = -1;
		s->acwr = -1;
		s->load = 0;
		s->worst = -1;
	}
	if (store_runs(ui->st, from, to, &runs, &nr) != 0 ||
	    store_sleeps(ui->st, from, to, &sl, &ns) != 0 ||
	    store_drinks(ui->st, from, to, &dr, &nd) != 0 ||
	    store_checkins(ui->st, from, to, &ck, &nc) != 0 ||
	    store_rests(ui->st, from, to, &rs, &nx) != 0)
		goto out;
	for (i = 0; i < nr; i++) {
		struct ui_daysum *s = &out[runs[i].day - from];
		s->distance_m += runs[i].distance_m;
		s->duration_s += runs[i].duration_s;
		s->nruns++;
		s->load += runs[i].rpe > 0 ?
		    runs[i].rpe * (runs[i].duration_s / 60.0) : 0;
	}
	for (i = 0; i < ns; i++)
		out[sl[i].day - from].sleep_min = sl[i].minutes;
	for (i = 0; i < nd; i++) {
		struct ui_daysum *s = &out[dr[i].day - from];
		s->fluid_ml = (s->fluid_ml < 0 ? 0 : s->fluid_ml) + dr[i].volume_ml;
	}
	for (i = 0; i < nc; i++)
		out[ck[i].day - from].fatigue = ck[i].fatigue;
	for (i = 0; i < nx; i++)
		out[rs[i].day - from].rest = 1;
	rc = 0;
out:
	run_list_free(runs, nr);
	sleep_list_free(sl, ns);
	drink_list_free(dr, nd);
	checkin_list_free(ck, nc);
	rest_list_free(rs, nx);
	return rc;
}

int ui_flags_load(struct ui *ui, int from, int to, struct flag_row **rows,
    size_t *n);
int
ui_flags_load(struct ui *ui, int from, int to, struct flag_row **rows,
    size_t *n)
{
	(void)ui; (void)from; (void)to;
	*rows = NULL;
	*n = 0;
	return 0;
}
