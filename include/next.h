/*
 * next: the safe week ahead, as a pure computation. The journal's day
 * series, the flag parameters, today and the planned runs go in; out come
 * the largest distance for the next 7 days and the longest single run that
 * the rules mileage-jump, long-run-spike and acwr would let pass, the same
 * with one more rest day, and the flags each planned day would raise.
 *
 * The answers come from the rules themselves, never from a formula of
 * their own: the analysis pass (analysis.h) runs once over the journal to
 * today, its state is kept, and each candidate week is judged by copying
 * that state and running the pass over the 7 days ahead with the
 * candidate's runs in them, then over the days after them that the rules
 * need to hold a rise (next_trail_days()), run as planned or as the usual
 * pattern: a week whose last days carry its distance is raised only on
 * those days.
 * A bisection on the distance, 100 m at a time, finds the largest
 * candidate that raises no new warning or alert on any of those days.
 *
 * A candidate week spreads its distance over the runner's usual weekly
 * pattern: the share of the distance of the last 8 weeks run on each
 * weekday. Planned runs keep their day and distance; the rest of the
 * distance goes to the days without a plan in proportion to their share.
 * A run of the pattern carries the runner's own load per km of those
 * weeks; a planned run without an RPE is loaded by distance (load_per_km),
 * as a logged run without one is.
 *
 * Flags the journal and the plan raise by themselves (the plan alone,
 * nothing else run in the week; a rise already made, a ratio already
 * above its band, a planned long run) are taken as given, each for its
 * own rule, on its own day, at its own severity (struct next_given): a
 * candidate passes only when every projected flag it raises is one of
 * those, on the same day at the same or a lower severity. The same rule
 * on another day, a warning made an alert, or any other rule refuses it.
 *
 * Planned runs on the days after the week are run as planned there; the
 * other trailing days follow the usual pattern.
 *
 * When the week's longest run is a planned one (the largest planned run
 * is at least as long as any free day's share of the week), the longest
 * single run is that planned day's: how far that run could go with the
 * rest of the plan as it is, judged against what the rest of the plan
 * raises without it (struct next_week, long_planned).
 *
 * No SQLite, no curses, no I/O; next_compute() allocates three arrays for
 * the length of the series and frees them before it returns.
 */
#ifndef RUNLOG_NEXT_H
#define RUNLOG_NEXT_H

#include <stddef.h>
#include <stdint.h>

#include "analysis.h"

#define NEXT_DAYS          7        /* the week ahead: today+1..today+7 */
#define NEXT_PATTERN_WEEKS 8        /* weeks read for the usual pattern */
#define NEXT_STEP_M        100      /* resolution of the answers, metres */
#define NEXT_CAP_WEEK_M    1000000  /* weeks are searched up to 1000 km */
#define NEXT_CAP_RUN_M     500000   /* single runs up to 500 km */
#define NEXT_RPE           5        /* RPE of a pattern run, see next.c */

/* A planned run, on a day after today. */
struct an_planned {
	int         day;          /* days since 1970-01-01 */
	int64_t     distance_m;   /* > 0; 0 = a run of the pattern's length */
	int64_t     duration_s;   /* 0 = not given */
	int         rpe;          /* 1-10; 0 = none: loaded by distance */
	const char *type;         /* "easy", "long" ...; may be NULL */
	int64_t     id;           /* the journal's plan id; 0 none (not
	                             read by the computation) */
};

/* The runner's usual week, from the last NEXT_PATTERN_WEEKS weeks. */
struct next_pattern {
	int     weeks;            /* whole weeks read (fewer in a young
	                             journal; 0: the days since it began) */
	int64_t dist_m[7];        /* distance on each weekday, 0 = Monday */
	double  share[7];         /* of the total; all 0 without a run */
	int64_t usual_week_m;     /* mean weekly distance */
	int64_t usual_long_m;     /* mean of each week's longest run, over
	                             the weeks with a run */
	double  au_per_km;        /* load per km of those runs; 0 none */
};

enum next_status {
	NEXT_LIMITED,   /* a rule limits: value_m is the most that passes */
	NEXT_NO_LIMIT,  /* none does up to the cap: value_m is the usual
	                   level, a suggestion (why: struct next_result) */
	NEXT_FIXED      /* the plan fills every day: value_m is the plan */
};

/* Why no rule limits an answer: bits of next_result.why. */
enum {
	NEXT_WHY_JUMP_OFF   = 1,    /* mileage-jump switched off */
	NEXT_WHY_JUMP_FLOOR = 2,    /* recent level unknown or under floor */
	NEXT_WHY_SPIKE_OFF  = 4,
	NEXT_WHY_SPIKE_NEW  = 8,    /* no long run to compare with yet */
	NEXT_WHY_ACWR_OFF   = 16,
	NEXT_WHY_ACWR_BASE  = 32    /* no ratio yet: too little history */
};

struct next_answer {
	enum next_status status;
	int64_t          value_m;
	/* NEXT_LIMITED: the first flag raised NEXT_STEP_M over value_m, and
	   its day: in the week or, up to next_trail_days() after it, on a
	   day run as the usual pattern */
	int              limit_day;
	struct an_flag   flag;
};

/* One variant of the week: as usual, or with one more rest day. */
struct next_week {
	struct next_answer week;      /* the largest 7-day distance */
	struct next_answer run;       /* the longest single run */
	int64_t  day_m[NEXT_DAYS];    /* each day's distance in that week */
	int      long_index;          /* day (0 = tomorrow) of the long run;
	                                 -1 when no day is free of a plan */
	int64_t  long_plan_m;         /* > 0: the long run is the planned
	                                 run of that length on long_index,
	                                 and run is how far it could go */
	int      rest_index;          /* the variant's extra rest day; -1 */
	int64_t  base_m;              /* the week the long run is tried in,
	                                 the plan and that run included */
	int64_t  run_day_m[NEXT_DAYS];   /* that week's unplanned distance
	                                    with the longest run (0 on a
	                                    planned long run's day) */
};

/* A flag raised whatever else is run, taken as given on its day. */
struct next_given {
	int              day;
	enum an_flag_id  id;
	enum an_severity severity;
};
#define NEXT_TRAIL_MAX 27         /* next_trail_days() at most */
#define NEXT_GIVEN_MAX ((NEXT_DAYS + NEXT_TRAIL_MAX) * 3)

/* A day of the week ahead. */
struct next_day {
	int            day;
	int64_t        planned_m;     /* planned distance, 0 none */
	int            nplanned;      /* planned runs */
	int            nflags;        /* flags projected if run as planned */
	struct an_flag flags[AN_FLAGS_MAX];
};

struct next_result {
	int                 today;
	struct next_pattern pat;
	struct next_week    usual;     /* the pattern as it is */
	struct next_week    rest;      /* with one more rest day: the free
	                                  running day of least share rests
	                                  and the others share its part;
	                                  equal to usual when there are
	                                  fewer than two such days */
	int64_t             planned_m; /* planned distance in the week */
	unsigned            why;       /* NEXT_WHY_* */
	unsigned            already;   /* 1 << rule id of each given[] */
	int                 ngiven;    /* flags taken as given, by day */
	struct next_given   given[NEXT_GIVEN_MAX];
	struct next_day     days[NEXT_DAYS];
};

/* The usual pattern of the days of s up to today. */
void next_pattern(const struct an_series *s, const struct an_params *p,
    int today, struct next_pattern *pat);

/*
 * The week ahead of today (the last day of s that counts; days of s after
 * it are left out, days missing up to it are empty) with the np planned
 * runs of plan (those of the week ahead and of the next_trail_days()
 * after it count; the others are left out), into *out.
 * 0, or -1 when memory runs out or s starts after today.
 */
int  next_compute(const struct an_series *s, const struct an_params *p,
    int today, const struct an_planned *plan, size_t np,
    struct next_result *out);

/* 1 when rule id is one of those the answers project. */
int  next_rule_projected(enum an_flag_id id);
/*
 * The days after the week ahead that a candidate week is also judged on:
 * the most any projected rule holds a condition past the day it starts,
 * jump_hold_days - 1 or acwr_hold_days - 1.
 */
int  next_trail_days(const struct an_params *p);

/*
 * The journal side (cmd-next.c), for the command and the Plan screen.
 * plan_load_planned() is the one place planned runs are read from the
 * journal: the planned runs of the ndays after today into a new array
 * *plan (free it; NULL when none) and their count. next_journal() loads
 * the series to today with its look-back, the plan, and computes. Each
 * returns 0, or -1 with err_set().
 */
struct store;
int  plan_load_planned(struct store *st, int today, int ndays,
    struct an_planned **plan, size_t *np);
int  next_journal(struct store *st, const struct an_params *p, int today,
    struct next_result *out);
/* What limits an answer: the rule's name, "none" or "plan". */
const char *next_limit_name(const struct next_answer *a);
/*
 * Why no rule limits, in words: writes the sentences of the NEXT_WHY_*
 * bits of why, joined by "; ", into out (n bytes).
 */
char *next_why_text(unsigned why, char *out, size_t n);

#endif
