/*
 * fitness: fitness, fatigue and form, records and race-time estimates, as
 * pure functions. Arrays of numbers go in, numbers come out: no SQLite, no
 * curses, no I/O, no allocation. The daily loads it reads are the
 * analysis module's (struct an_metrics, load).
 *
 * Fitness, fatigue and form follow Banister's impulse-response model
 * (Banister et al. 1975; Banister 1991) in the shape of a performance
 * management chart, with the constants most training software uses:
 * fitness (CTL) and fatigue (ATL) are the daily load smoothed
 * exponentially with time constants of 42 and 7 days,
 *
 *     CTL_d = CTL_{d-1} + (load_d - CTL_{d-1}) x (1 - e^(-1/42))
 *     ATL_d = ATL_{d-1} + (load_d - ATL_{d-1}) x (1 - e^(-1/7))
 *
 * both starting from zero the day before the series' first day, and form
 * is the balance of the day before: TSB_d = CTL_{d-1} - ATL_{d-1}.
 */
#ifndef RUNLOG_FITNESS_H
#define RUNLOG_FITNESS_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"

#define FIT_CTL_DAYS     42   /* time constant of fitness, days */
#define FIT_ATL_DAYS     7    /* time constant of fatigue, days */
#define FIT_FRESH_MAX    60   /* days of rest looked at for form >= 0 */
#define FIT_RIEGEL_EXP   1.06 /* Riegel's fatigue exponent */
#define FIT_RECORD_OVER  0.03 /* a record run may be this much longer */

/* One day of the chart. */
struct fit_day {
	double ctl;   /* fitness after the day's load, AU/day */
	double atl;   /* fatigue after the day's load, AU/day */
	double tsb;   /* form on the day: ctl - atl of the day before */
};

/*
 * The days a chart starts before the first day it shows: a day this far
 * back weighs e^(-730/42) < 3e-8 in fitness (and far less in fatigue), so
 * a chart started here, from zero, equals the one started on the
 * journal's first day to well under display precision.
 */
#define FIT_LOOKBACK_DAYS 730

/* The smoothing factor 1 - e^(-1/tau) of a time constant tau in days. */
double fit_factor(int tau_days);
/*
 * The chart of n days of load (AU, oldest first, load[0] the first day
 * of the journal) into out[0..n).
 */
void   fit_chart(const double *load, size_t n, struct fit_day *out);
/*
 * After a day that ended at fitness ctl and fatigue atl, followed by days
 * of rest (zero load): how many days later form is >= 0 first, 1 for the
 * next day; -1 when not within max days.
 */
int    fit_days_to_fresh(double ctl, double atl, int max);

/* A whole run, as the records read it. */
struct fit_effort {
	int64_t distance_m;   /* > 0 */
	int64_t duration_s;   /* > 0 */
};

/*
 * The index of the fastest of the n efforts whose distance is target_m up
 * to FIT_RECORD_OVER over it, times taken as they are (never scaled to
 * target_m); the earlier on a tie; -1 when none qualifies.
 */
long   fit_record(const struct fit_effort *e, size_t n, int64_t target_m);
/* Riegel's estimate, seconds over d2_m from t1_s over d1_m. */
double fit_riegel(double t1_s, double d1_m, double d2_m);
/*
 * The index of the effort that gives the fastest Riegel estimate (the
 * least t / d^1.06): the best performance among them; -1 when n is 0.
 */
long   fit_best_effort(const struct fit_effort *e, size_t n);

/*
 * The band of a day's distance: 0 for none (0 m), then 1 + the number of
 * the nedges rising edges (metres) at or under it.
 */
int    fit_band(int64_t metres, const int64_t *edges, int nedges);

/*
 * The calendar: a year of daily distance as a heat map, one column per
 * week and one row per weekday, each day a band of fit_band() over the
 * rising edges of 5, 10 and 20 km (3, 6 and 12 mi with miles). The
 * command and the screen both draw what fit_calendar() gives.
 */
#define FIT_CAL_BANDS  5     /* none and four distance bands */
#define FIT_CAL_EDGES  3
#define FIT_CAL_WEEKS  54    /* columns of the widest year */
#define FIT_CAL_BLANK  (-1)  /* before the journal or after today */

/* The FIT_CAL_EDGES rising edges, metres, and the same in the unit. */
const int64_t *fit_cal_edges(int miles);
const int     *fit_cal_nominal(int miles);
/* One column showing a band: Unicode shades, or ASCII; " " for blank. */
const char    *fit_cal_glyph(int band, int utf8);

struct fit_cal {
	int     jan1, ndays;         /* 1 January's day number; 365 or 366 */
	int     first;               /* the top left cell: the week start on
	                                or before jan1 */
	int     weeks;               /* columns */
	signed char band[366];       /* of day jan1 + i: a band or blank */
	int64_t total_m;             /* over the days not blank */
	int     days_run;            /* of them with a distance */
};
/*
 * The heat map of the ndays days from jan1 whose distances (metres) are
 * dist_m[0..ndays), with weeks starting on first's weekday (first <=
 * jan1 < first + 7). Days outside from..to (day numbers: the journal's
 * first entry, today) are blank.
 */
void   fit_calendar(struct fit_cal *c, int jan1, int ndays, int first,
    const int64_t *dist_m, int from, int to, int miles);
/* The column and row of day d in c; -1 when d is not of its year. */
int    fit_cal_cell(const struct fit_cal *c, int d, int *col, int *row);

/* What a span of days adds up to: the totals of months and years. */
struct fit_total {
	int64_t distance_m, duration_s;
	double  load;                /* AU, the rules' load */
	int     runs;
	int     days_run;            /* days with a distance */
};
/* Adds one day's metrics (NULL: a day outside the journal, nothing). */
void   fit_total_add(struct fit_total *t, const struct an_metrics *m);
/*
 * The change of distance from before to now, percent: 0, or -1 when
 * before holds no distance (no change can be given).
 */
int    fit_change_pct(const struct fit_total *now,
    const struct fit_total *before, double *pct);

#endif
