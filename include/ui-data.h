/*
 * ui-data: what the Week, Trends and Flags screens show about each day,
 * from one bounded analysis series.
 */
#ifndef RUNLOG_UI_DATA_H
#define RUNLOG_UI_DATA_H

#include <stddef.h>
#include <stdint.h>

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
	char    flagtext[48];    /* names of the day's flags, short */
};

/* One flag episode: the days in a row a flag held at one severity. */
struct flag_row {
	int     first_day, last_day;
	int     severity;        /* an_severity */
	int     id;              /* an_flag_id */
	const char *name;        /* "mileage-jump" */
	char    reason[200];
	char    value[48], threshold[48];
	const char *advice;
};

/*
 * Sums every day of [from, to] into out[to - from + 1], with the analysis
 * (load, ACWR, flags) from a bounded series; -1 with err_set() on error.
 */
int ui_days_load(struct ui *ui, int from, int to, struct ui_daysum *out);
/* Every flag of [from, to] as episodes, newest first; -1 on error. */
int ui_flags_load(struct ui *ui, int from, int to, struct flag_row **rows,
    size_t *n);

#endif
