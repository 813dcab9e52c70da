/*
 * ui-data: what the Week, Trends and Flags screens show about each day,
 * from one bounded analysis series.
 */
#ifndef RUNLOG_UI_DATA_H
#define RUNLOG_UI_DATA_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"

struct ui;

/* A day summed up for the Week and Trends screens. */
struct ui_daysum {
	int     day;
	int64_t distance_m, duration_s;
	int     nruns;
	double  load;            /* AU: sRPE, or distance when no RPE */
	int64_t sleep_min;       /* -1 = not logged */
	int64_t fluid_ml;        /* -1 = no drink logged */
	int     fatigue;         /* 0 = no check-in */
	int     rest;            /* marked as a rest day */
	double  acwr;            /* < 0 when not known */
	int     nflags;
	int     worst;           /* worst severity: -1 none, else an_severity */
	char    flagtext[160];   /* names of the day's flags, every one */
	/* mileage progression on the day (an_progress(), the computation
	 * behind check's mileage-jump); known 0 and mark 0 after today */
	struct an_progress prog;
};

/*
 * Sums every day of [from, to] into out[to - from + 1], with the analysis
 * (load, ACWR, flags) from a bounded series; -1 with err_set() on error.
 */
int ui_days_load(struct ui *ui, int from, int to, struct ui_daysum *out);
/*
 * The rise of the distance held over the recent level, as check judges
 * it: "33.00 km in the last 7 days, -6% on the recent level of 35.00 km"
 * and, with a mark, " ! over +10%" or " !! over +30%" (the config's
 * thresholds). UI_PROG_SHORT gives "+12% on the recent level (! over
 * +10%)", UI_PROG_FIGURE the figure and mark alone ("-6%", "+12% !").
 * "" when not known. Returns the mark (0, 1 or 2). For `runlog week` too.
 */
enum { UI_PROG_FULL, UI_PROG_SHORT, UI_PROG_FIGURE };
struct config;
int ui_progress_text(const struct config *cfg, const struct an_progress *pr,
    int style, char *out, size_t n);
/* The progression of one day, from a loaded series; mark 0 when unknown. */
struct series;
int ui_progress_on(const struct ui *ui, const struct series *se, int day,
    struct an_progress *pr);


#endif
