/*
 * analysis: the warning rules of runlog, as pure functions. A day series
 * (plain arrays, one element per calendar day) goes in; per-day metrics and
 * flags come out. No SQLite, no curses, no I/O, no allocation: callers own
 * every array, so the module is tested from literals.
 *
 * One pass walks the series oldest to newest and keeps running state (EWMA
 * loads, window sums, streaks), so analysing every day of a 50-year journal
 * costs O(days x longest window). A flag for day i is decided from the
 * metrics of day i alone.
 *
 * Missing data is never invented: a day without runs has zero load, but a
 * day without a check-in has no fatigue, soreness, mood, resting HR or HRV,
 * a day without a sleep entry has no sleep and a day without drinks has no fluid
 * value. Such days neither count toward a streak nor break it when they are
 * a single day between two logged days (see "streaks" below).
 */
#ifndef RUNLOG_ANALYSIS_H
#define RUNLOG_ANALYSIS_H

#include <stddef.h>
#include <stdint.h>

#include "units.h"

/* One run, as the rules need it. */
struct an_run {
	int64_t distance_m;     /* > 0 */
	int64_t duration_s;     /* > 0 */
	int     rpe;            /* 1-10 (Borg CR-10), 0 = not given */
	int64_t mass_before_g;  /* body mass before, 0 = not given */
	int64_t mass_after_g;   /* body mass after, 0 = not given */
};

/* The morning check-in. */
struct an_checkin {
	int fatigue;            /* 1-10, 0 = not given (wellness values only) */
	int soreness;           /* 1-10, 0 = not given */
	int mood;               /* 1-5 (5 = best), 0 = not given */
	int stress;             /* 1-5, 0 = not given */
	int rhr_bpm;            /* resting heart rate, 0 = not given */
	int hrv_ms;             /* morning rMSSD, ms; 0 = not given */
	int ill, pain, swelling, numbness, no_weight;   /* 0/1 */
};

/* One calendar day of the journal. */
struct an_day {
	int                  day;        /* days since 1970-01-01 */
	const struct an_run *runs;       /* nruns runs, NULL when none */
	int                  nruns;
	int64_t              sleep_min;  /* night ending this morning, -1 = none */
	int64_t              fluid_ml;   /* sum of drinks, -1 = no drink logged */
	int                  has_checkin;
	struct an_checkin    ck;         /* valid when has_checkin */
	int                  rest;       /* marked as a rest day (informative) */
};

/*
 * A contiguous run of days: days[i].day == days[0].day + i. journal_start
 * is the first day of the whole journal (it may be before days[0] when the
 * series was loaded with a bounded look-back): the warm-up waits count from
 * it, and days before days[0] are treated as empty.
 */
struct an_series {
	const struct an_day *days;
	size_t               ndays;
	int                  journal_start;
};

/* Every threshold; an_params_defaults() gives SPEC section 4. */
struct an_params {
	/* mileage-jump */
	int    jump_days;             /* window length, 7 */
	double jump_warn_pct;         /* > +10 % is a warning */
	double jump_alert_pct;        /* > +30 % is an alert */
	double jump_floor_km;         /* recent level under 10 km: no flag */
	int    jump_level_weeks;      /* windows before that set the level, 4 */
	int    jump_hold_days;        /* days a window must hold, 3 */
	/* long-run-spike */
	int    spike_days;            /* look-back for the longest run, 30 */
	double spike_pct;             /* run > 110 % of that longest run */
	int    spike_min_days;        /* first run this long before, 14 */
	/* acwr */
	int    acwr_acute_days;       /* N of the acute EWMA, 7 */
	int    acwr_chronic_days;     /* N of the chronic EWMA, 28 */
	int    acwr_min_days;         /* days from the first run, 28 */
	double acwr_min_chronic;      /* chronic load (AU/day) below: no ratio */
	int    acwr_min_run_days;     /* days with a run in the chronic window */
	double acwr_warn;             /* > 1.3 */
	double acwr_alert;            /* > 1.5 */
	int    acwr_hold_days;        /* consecutive days above a band, 2 */
	double load_per_km;           /* AU per km for a run without RPE, 24 */
	/* monotony */
	int    monotony_days;         /* 7 */
	double monotony_max;          /* > 2.0 */
	int    monotony_base_days;    /* days giving the usual load, 28 */
	double monotony_load_pct;     /* window load > 110 % of the usual */
	/* persistent-fatigue */
	int    fatigue_level;         /* fatigue >= 7 counts */
	int    fatigue_warn_days;     /* 3 */
	int    fatigue_alert_days;    /* 7 */
	/* overtraining-signs */
	int    soreness_level;        /* soreness >= 6 counts */
	int    soreness_days;         /* on >= 3 check-ins in the window */
	int    mood_level;            /* mood <= 2 counts */
	int    mood_days;             /* on >= 3 check-ins in the window */
	int    signs_days;            /* window for soreness and mood, 7 */
	int    illness_days;          /* illness in the last 14 days */
	int    perf_recent_days;      /* recent runs: last 14 days */
	int    perf_base_days;        /* compared with the 28 days before */
	int    perf_min_runs;         /* runs with RPE needed in each, 2 */
	double perf_decline_pct;      /* pace slower by > 5 % */
	/* resting-hr */
	int    rhr_baseline_days;     /* 14 */
	int    rhr_min_readings;      /* readings needed for a baseline, 4 */
	double rhr_rise_bpm;          /* >= baseline + 5 */
	int    rhr_days;              /* on 2 consecutive readings */
	int    rhr_shift_days;        /* a raise this long is the new baseline */
	/* hrv-low: ln rMSSD, Plews 2013 and 2014 */
	int    hrv_days;              /* window of the rolling mean, 7 */
	int    hrv_min_readings;      /* readings needed in it, 3 */
	int    hrv_base_days;         /* baseline: the 60 days before it */
	int    hrv_base_min_readings; /* readings needed in the baseline, 20 */
	double hrv_sd_factor;         /* mean < baseline - 0.5 SD */
	int    hrv_hold_days;         /* consecutive days under it, 3 */
	/* sleep-debt */
	int    sleep_days;            /* window of the mean, 7 */
	double sleep_mean_h;          /* mean < 7 h */
	int    sleep_min_nights;      /* nights logged for a mean, 4 */
	double short_sleep_h;         /* a night < 6 h is short */
	int    short_sleep_nights;    /* 3 short nights in a row */
	/* dehydration */
	double dehydration_pct;       /* body-mass loss over a run > 2 % */
	/* low-fluid */
	int64_t fluid_target_ml;      /* daily target, 2000 (config: fluid_target) */
	int    low_fluid_days;        /* 3 days in a row */
	/* rules switched off ([flags] off = ...): bit 1 << an_flag_id */
	unsigned rules_off;
};

void an_params_defaults(struct an_params *p);

/* One key of the [flags] section of the config file. */
struct an_param_info {
	const char *key;          /* "jump_warn_pct" */
	size_t      offset;       /* into struct an_params */
	int         is_int;       /* int member, else double */
	double      min, max;     /* allowed, inclusive */
	const char *help;         /* what it sets */
};
extern const struct an_param_info an_param_table[];
extern const size_t an_param_count;

/*
 * Sets the parameter called key from text. Returns 0, or -1 with a message
 * in err ("unknown key" / "bad value ...: must be ...").
 */
int an_params_set(struct an_params *p, const char *key, const char *value,
    char *err, size_t errsz);
/* 0 when the values are coherent (alert above warning ...), else -1. */
int an_params_check(const struct an_params *p, char *err, size_t errsz);

/*
 * A streak of days that meet a condition, under the consecutive-days rule:
 * a day without data neither counts nor breaks the streak when it is one
 * day between two days with data; two such days in a row break it. A day
 * with data that misses the condition breaks it. The streak "holds" on day
 * d when its last counted day is d, or d - 1 while d has no data yet.
 */
struct an_streak {
	int len;                  /* counted days; 0 when none holds */
	int first, last;          /* first and last counted day */
};

/* Check-in signs, as bits. */
enum {
	AN_SIGN_PAIN = 1, AN_SIGN_SWELLING = 2, AN_SIGN_NUMBNESS = 4,
	AN_SIGN_NO_WEIGHT = 8,
	/*
	 * overtraining companions; AN_OT_ILLNESS is not one: it marks a
	 * persistent-fatigue flag whose fatigue came with an illness
	 */
	AN_OT_PERF = 16, AN_OT_SORENESS = 32, AN_OT_MOOD = 64, AN_OT_ILLNESS = 128,
	AN_OT_RHR = 256, AN_OT_HRV = 512
};

/* What is known about one day, after the pass. Doubles are < 0 when unknown. */
struct an_metrics {
	int     day;
	/* the day itself */
	int64_t distance_m, duration_s, longest_m;
	int     nruns;
	double  load;                 /* AU: sRPE, or distance x load_per_km */
	int     fatigue;              /* 0 = no check-in */
	int64_t sleep_min, fluid_ml;  /* -1 = not logged */
	/* mileage-jump */
	int64_t dist_win_m;           /* distance on d-(jump_days-1)..d */
	int64_t dist_prev_m;          /* the jump_days before that */
	int64_t jump_held_m;          /* least of the windows ending d-H+1..d */
	int64_t jump_level_m;         /* recent level: most held at d-W, d-2W.. */
	int     jump_ready;           /* both known (inside the journal) */
	/* long-run-spike */
	int64_t longest_prev_m;       /* longest run on d-spike_days..d-1 */
	int     spike_ready;          /* first run spike_min_days before */
	/* acwr */
	double  acute, chronic;       /* EWMA loads, AU/day, normalised by
	                                 the weight of the days since the
	                                 first run */
	double  acwr;                 /* acute / chronic; < 0 when not computed */
	int     acwr_run_days;        /* days with a run in the chronic window */
	int     acwr_warn_run;        /* consecutive days to d above acwr_warn */
	int     acwr_alert_run;       /* and above acwr_alert */
	/* monotony */
	double  load_win;             /* load over the monotony window */
	double  mono_mean, mono_sd;   /* daily mean and population SD */
	double  monotony;             /* < 0 when not computed */
	double  mono_usual;           /* usual load for the window's days,
	                                 from the days before it; < 0 unknown */
	/* persistent-fatigue and overtraining-signs */
	struct an_streak fatigue_hi;  /* fatigue >= fatigue_level */
	int     soreness_n, mood_n;   /* qualifying check-ins in signs window */
	int     last_ill;             /* last day marked ill, <= d; INT_MIN none */
	double  pace_recent, pace_base;  /* s/km of runs with RPE; < 0 unknown */
	double  rpe_recent, rpe_base;    /* mean RPE of those runs */
	int     runs_recent, runs_base;
	int     perf_decline;         /* the performance-decline sign holds */
	/* resting-hr */
	int     rhr_bpm;              /* 0 = not logged today */
	double  rhr_baseline;         /* mean of d-14..d-1 readings since the
	                                 last shift; < 0 unknown */
	struct an_streak rhr_hi;
	int     rhr_shift_day;        /* last shift of baseline; INT_MIN none */
	int     rhr_shift_first;      /* first raised day of that shift */
	double  rhr_shift_old, rhr_shift_new;   /* baselines before, after */
	/*
	 * hrv-low, in ln(rMSSD in ms): the rolling mean of the readings of
	 * d-(hrv_days-1)..d against the baseline of the hrv_base_days before
	 * that window (d-66..d-7 by default), which excludes the window
	 */
	int     hrv_ms;               /* the day's reading; 0 = none that day */
	double  hrv_mean7;            /* mean ln rMSSD of the window; < 0 when
	                                 fewer than hrv_min_readings */
	int     hrv_n7;               /* readings in the window */
	double  hrv_base_mean, hrv_base_sd;   /* mean and sample SD of the
	                                 baseline's ln rMSSD; hrv_base_mean < 0
	                                 when fewer than hrv_base_min_readings */
	int     hrv_base_n;           /* readings in the baseline */
	int     hrv_low_run;          /* consecutive days to d with the
	                                 rolling mean under the threshold */
	/* sleep-debt */
	double  sleep_mean_min;       /* < 0 when too few nights */
	int     sleep_nights;         /* nights logged in the window */
	struct an_streak sleep_short;
	double  rhr_last_bpm;         /* last counted reading of rhr_hi */
	double  rhr_last_baseline;    /* and the baseline it was compared with */
	/* dehydration: the run of the day with the largest loss */
	int     mass_known;           /* a run of the day has both masses */
	double  mass_loss_pct;        /* (before - after) / before x 100 */
	int64_t mass_before_g, mass_after_g;
	/* low-fluid */
	struct an_streak fluid_low;
	/* injury-signs: the check-in of d, or of d - 1 when d has none */
	int     injury_signs;         /* AN_SIGN_* bits */
	int     injury_day;
};

/*
 * The update steps of the pass, one per group of metrics, in the order
 * they run. A rule names the steps it reads (struct an_rule, metrics).
 */
enum an_metric {
	AN_M_DAY, AN_M_JUMP, AN_M_SPIKE, AN_M_ACWR, AN_M_MONOTONY,
	AN_M_FATIGUE, AN_M_SIGNS, AN_M_PERF, AN_M_RHR, AN_M_HRV, AN_M_SLEEP,
	AN_M_MASS, AN_M_FLUID, AN_M_INJURY, AN_M_COUNT
};
#define AN_NEEDS(metric) (1u << (metric))

/* The incremental pass. Initialise, then call an_pass_next() per day. */
struct an_pass {
	const struct an_series *s;
	const struct an_params *p;
	size_t  i;                    /* index of the next day */
	double  acute, chronic;       /* raw EWMAs, before normalising */
	int     ran, first_run;       /* a run seen, and the day of the first */
	int     run_days;             /* days with a run in the chronic window */
	int     acwr_warn_run, acwr_alert_run;   /* days above each band */
	double  la, lc;               /* EWMA lambdas */
	int64_t dist_win, dist_prev;
	int     sleep_n;
	int64_t sleep_sum;
	int     sore_n, mood_n;
	int     rhr_from;             /* baseline readings from this day */
	int64_t rhr_raised_sum;       /* readings of the current raised run */
	int     rhr_raised_n;
	int     rhr_shift_day, rhr_shift_first;
	double  rhr_shift_old, rhr_shift_new;
	int     last_ill;
	int64_t rp_dist, rp_dur, rp_rpe, rp_n;       /* recent perf window */
	int64_t bp_dist, bp_dur, bp_rpe, bp_n;       /* base perf window */
	struct an_streak fat, rhr, slp, flu;         /* raw, before "holds" */
	double  rhr_streak_base;      /* baseline of the current raised run */
	double  rhr_last_bpm, rhr_last_baseline;
	/* hrv-low: sums of ln rMSSD in fixed point, so they stay exact */
	int64_t hrv_sum7, hrv_base_sum, hrv_base_sq;
	int     hrv_n7, hrv_base_n;
	int     hrv_low_run;
};

void an_pass_init(struct an_pass *ps, const struct an_series *s,
    const struct an_params *p);
/* Metrics of the next day into *m; 0 when the series is done, else 1. */
int  an_pass_next(struct an_pass *ps, struct an_metrics *m);
/* Metrics of every day of s into m[0..s->ndays). */
void an_metrics_all(const struct an_series *s, const struct an_params *p,
    struct an_metrics *m);
/* The daily load of one run and of a day, in AU. */
double an_run_load(const struct an_run *r, const struct an_params *p);

enum an_flag_id {
	AN_MILEAGE_JUMP, AN_LONG_RUN_SPIKE, AN_ACWR, AN_MONOTONY,
	AN_PERSISTENT_FATIGUE, AN_OVERTRAINING, AN_RESTING_HR, AN_HRV_LOW,
	AN_SLEEP_DEBT, AN_DEHYDRATION, AN_LOW_FLUID, AN_INJURY_SIGNS,
	AN_FLAG_COUNT
};
enum an_severity { AN_NOTE, AN_WARNING, AN_ALERT };

/* What kind of number a flag measured, for formatting in user units. */
enum an_quantity {
	AN_Q_PERCENT, AN_Q_RATIO, AN_Q_DAYS, AN_Q_NIGHTS, AN_Q_HOURS, AN_Q_BPM,
	AN_Q_SIGNS, AN_Q_MS
};

struct an_flag {
	enum an_flag_id  id;
	enum an_severity severity;
	int              first_day, last_day;  /* days covered, inclusive */
	enum an_quantity quantity;
	double           value;      /* measured */
	double           threshold;  /* the limit it passed */
	double           a, b, c;    /* rule-specific numbers, see an_flag_reason */
	int              bits;       /* AN_SIGN_* / AN_OT_* */
};

#define AN_FLAGS_MAX AN_FLAG_COUNT   /* at most one flag per id and day */

/*
 * One flag rule: everything about it in one place. decide() reads the
 * metrics of one day and, when the rule holds, fills the severity, days,
 * quantity and numbers of *f (its id is set) and returns 1; else 0.
 * reason() words the flag with its numbers. The threshold prints as
 * cmp (or cmp_of(f) when set) and the limit, with a '+' when signed_value
 * or plus_threshold; signed_value also prints the value with its sign.
 */
struct an_rule {
	enum an_flag_id   id;
	const char       *name;          /* "mileage-jump" */
	unsigned          metrics;       /* AN_NEEDS() of the steps it reads */
	int             (*decide)(const struct an_metrics *m,
	                    const struct an_params *p, struct an_flag *f);
	void            (*reason)(const struct an_flag *f, enum dist_unit du,
	                    enum vol_unit vu, char *out, size_t n);
	const char       *cmp;           /* "> " or ">= " */
	const char     *(*cmp_of)(const struct an_flag *f);   /* or NULL */
	int               signed_value, plus_threshold;
	const char       *advice;        /* at most 72 columns a line */
	const char       *advice_alert;  /* at alert, when different; NULL */
	/* advice that depends on the flag itself; NULL to use the above */
	const char     *(*advice_of)(const struct an_flag *f);
	const char *const *keys;         /* its [flags] keys, NULL-terminated */
	/*
	 * The weaker condition that keeps an episode of the rule going on a
	 * day it is not raised (hysteresis): for a rule raised after days in
	 * a row, one such day. NULL when only the rule itself does.
	 */
	int             (*persists)(const struct an_metrics *m,
	                    const struct an_params *p);
};
/* Every rule, indexed by (and in the order of) enum an_flag_id. */
extern const struct an_rule an_rules[AN_FLAG_COUNT];
const struct an_rule *an_rule(enum an_flag_id id);   /* NULL when unknown */

/*
 * The flags that hold on the day of m, alerts first, then warnings, then
 * notes (each in enum order): writes at most cap into out (the most severe
 * ones) and returns how many. an_flags() is an_flags_n() with
 * AN_FLAGS_MAX, the size that holds every rule.
 */
int an_flags_n(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *out, int cap);
int an_flags(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *out);
/*
 * The flags of one day of a series (index i): runs the pass up to i.
 * For many days use an_metrics_all() and an_flags() instead.
 */
int an_flags_on(const struct an_series *s, const struct an_params *p,
    size_t i, struct an_flag *out, struct an_metrics *m_out);

/*
 * Mileage progression on the day of m: the distance held over the last
 * jump_days (the least of the windows ending on the last jump_hold_days
 * days) against the recent level (the most held at the end of each of
 * the jump_level_weeks windows before). This is the one computation
 * behind the mileage-jump flag; screens and reports that mark a rise in
 * distance use it so that they agree with check. Returns the mark: 0
 * none, 1 over jump_warn_pct (a warning, "!"), 2 over jump_alert_pct (an
 * alert, "!!"); never a mark while the level is under jump_floor_km.
 */
struct an_progress {
	int     known;          /* held and level known, level > 0 */
	int64_t held_m;         /* -1 when unknown */
	int64_t level_m;        /* -1 when unknown */
	double  pct;            /* (held - level) / level x 100, when known */
	int     mark;           /* as returned */
};
int an_progress(const struct an_metrics *m, const struct an_params *p,
    struct an_progress *pr);

const char *an_flag_name(enum an_flag_id id);        /* "mileage-jump" */
/* The rule called name ("mileage-jump"); -1 when there is none. */
int an_flag_find(const char *name);
/*
 * Switches off the rules named in list, separated by commas and blanks
 * ("monotony, low-fluid"), by setting their bits in *off. Returns 0, or
 * -1 with a message naming the unknown rule and listing the known ones.
 */
int an_rules_off_parse(const char *list, unsigned *off, char *err,
    size_t errsz);
const char *an_severity_name(enum an_severity sev);  /* "warning" */
/* The one-line reason with its numbers, distances in du. */
char *an_flag_reason(const struct an_flag *f, enum dist_unit du,
    enum vol_unit vu, char *out, size_t n);
/* "measured 36% > threshold 30%" style pair: value and limit with units. */
char *an_flag_value(const struct an_flag *f, char *out, size_t n);
char *an_flag_threshold(const struct an_flag *f, char *out, size_t n);
/* The advice: a few lines of at most 72 columns, '\n' separated. */
const char *an_flag_advice(const struct an_flag *f);

/*
 * Episodes. A rule that holds on consecutive days is one episode, from its
 * first day to its last day. It ends only once AN_EPISODE_GAP_DAYS days in
 * a row have passed without it; a return before that continues it, so a
 * value hovering at a threshold is one episode, not a string of them.
 * For a rule raised only after several days in a row (low-fluid, sleep,
 * fatigue, resting HR) a single day of its condition (a day under the
 * fluid target) also counts as a day with it (an_rule.persists): such a
 * rule is raised at three days but cleared only by days without any.
 * hrv-low persists while the rolling mean stays under the baseline mean.
 * Whether a flag is new on a day is worked out from the flags of the days
 * before alone: it is new on its episode's first day, and on the day it
 * first reaches a higher severity than before in the episode (a warning
 * turning into an alert). Nothing is stored for that.
 */
#define AN_EPISODE_GAP_DAYS 3

struct an_episode {
	enum an_flag_id  id;
	int              open;        /* an episode has been seen */
	int              first_day;   /* first day the rule held */
	int              last_day;    /* last day it held */
	int              cond_day;    /* last day it held or persisted */
	int              level_day;   /* first day at severity: first_day, or
	                                 the day it escalated */
	enum an_severity severity;    /* highest severity in the episode */
	struct an_flag   flag;        /* the flag of last_day */
};

/* What a flag is on a day, in its episode. */
enum an_ep_status { AN_EP_NONE, AN_EP_NEW, AN_EP_ESCALATED, AN_EP_ONGOING };

/*
 * Feeds the rule's flag of day (f NULL when it does not hold; days in
 * order, oldest first) into e, which starts zeroed. When f holds after
 * the gap, the old episode is over and a new one starts. Returns the
 * flag's status on day (AN_EP_NONE when f is NULL).
 */
enum an_ep_status an_episode_feed(struct an_episode *e, int day,
    const struct an_flag *f);
/* Records that the rule's condition persisted on day (see above). */
void an_episode_persist(struct an_episode *e, int day);
/* The status on day of an episode fed up to day: held on day or not. */
enum an_ep_status an_episode_status(const struct an_episode *e, int day);
/* 1 when e has ended by day: AN_EPISODE_GAP_DAYS days without it. */
int an_episode_over(const struct an_episode *e, int day);
/*
 * 1 when one of the n acknowledgement days acks[] hides e on day: an
 * acknowledgement is a day inside the episode, on or after the day it
 * reached its present severity (an escalation after it shows the episode
 * again), and on or before day.
 */
int an_episode_acked(const struct an_episode *e, int day, const int *acks,
    size_t n);
/*
 * The episode of every rule as it stands on the day of m[n - 1], from the
 * metrics of consecutive days m[0..n): e[id] (open 0 when none was seen).
 */
void an_episodes_at(const struct an_metrics *m, size_t n,
    const struct an_params *p, struct an_episode e[AN_FLAG_COUNT]);
/*
 * Every episode of m[0..n) that held on a day >= from, by last day then
 * rule, oldest first: writes at most cap into out and returns how many
 * there are. an_episodes_max(n) is enough for any series of n days.
 */
size_t an_episodes_list(const struct an_metrics *m, size_t n,
    const struct an_params *p, int from, struct an_episode *out, size_t cap);
#define an_episodes_max(n) \
	(((n) / (AN_EPISODE_GAP_DAYS + 1) + 1) * (size_t)AN_FLAG_COUNT)

#endif
