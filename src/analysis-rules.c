/*
 * analysis-rules: the flag rules, one entry each in an_rules[]. An entry
 * names the rule, the metrics of the pass it reads, the function that
 * decides it from one day's metrics, the function that words its reason,
 * its advice and its keys in the [flags] section of the config file. A new
 * rule is one entry here plus its functions (and its metric step in
 * analysis.c when it needs a new one). The exact rule texts are in the
 * FLAGS section of man/runlog.1; keep the two in step.
 */
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "analysis.h"

static int
bitcount(int v)
{
	int n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

/* Starts the flag of a rule that holds: severity and the days it covers. */
static void
flag_set(struct an_flag *f, enum an_severity sev, int first, int last,
    enum an_quantity q)
{
	f->severity = sev;
	f->first_day = first;
	f->last_day = last;
	f->quantity = q;
}

int
an_progress(const struct an_metrics *m, const struct an_params *p,
    struct an_progress *pr)
{
	double held = (double)m->jump_held_m, level = (double)m->jump_level_m;

	memset(pr, 0, sizeof(*pr));
	pr->held_m = m->jump_held_m;
	pr->level_m = m->jump_level_m;
	if (!m->jump_ready || m->jump_level_m <= 0)
		return 0;
	pr->known = 1;
	pr->pct = (held - level) * 100.0 / level;
	if (level < p->jump_floor_km * 1000.0)
		return 0;
	/* Switched off in the config: no mark anywhere, as no flag. */
	if (p->rules_off & (1u << AN_MILEAGE_JUMP))
		return 0;
	/* compared in products, so that exactly +10% is not over +10% */
	if (held * 100.0 > level * (100.0 + p->jump_alert_pct))
		pr->mark = 2;
	else if (held * 100.0 > level * (100.0 + p->jump_warn_pct))
		pr->mark = 1;
	return pr->mark;
}

/* mileage-jump: the distance held lately over the recent level. */
static int
decide_jump(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *f)
{
	struct an_progress pr;
	int mark = an_progress(m, p, &pr);

	if (mark == 0)
		return 0;
	flag_set(f, mark == 2 ? AN_ALERT : AN_WARNING,
	    m->day - p->jump_days + 1, m->day, AN_Q_PERCENT);
	f->threshold = mark == 2 ? p->jump_alert_pct : p->jump_warn_pct;
	f->value = pr.pct;
	f->a = (double)pr.held_m;
	f->b = (double)pr.level_m;
	return 1;
}

static int
decide_spike(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *f)
{
	if (!m->spike_ready || m->longest_prev_m <= 0 || m->longest_m <= 0 ||
	    (double)m->longest_m * 100.0 <=
	    (double)m->longest_prev_m * p->spike_pct)
		return 0;
	flag_set(f, AN_WARNING, m->day - p->spike_days, m->day, AN_Q_PERCENT);
	f->value = (double)m->longest_m * 100.0 / m->longest_prev_m;
	f->threshold = p->spike_pct;
	f->a = (double)m->longest_m;
	f->b = (double)m->longest_prev_m;
	return 1;
}

static int
decide_acwr(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *f)
{
	int alert;

	if (m->acwr < 0 || m->acwr <= p->acwr_warn ||
	    m->acwr_warn_run < p->acwr_hold_days)
		return 0;
	alert = m->acwr_alert_run >= p->acwr_hold_days;
	flag_set(f, alert ? AN_ALERT : AN_WARNING,
	    m->day - p->acwr_chronic_days + 1, m->day, AN_Q_RATIO);
	f->value = m->acwr;
	f->threshold = alert ? p->acwr_alert : p->acwr_warn;
	f->a = m->acute;
	f->b = m->chronic;
	return 1;
}

/* monotony: only in a week whose load is above the runner's usual. */
static int
decide_monotony(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *f)
{
	if (m->monotony < 0 || m->monotony <= p->monotony_max ||
	    m->mono_usual < 0 ||
	    m->load_win * 100.0 <= m->mono_usual * p->monotony_load_pct)
		return 0;
	flag_set(f, AN_WARNING, m->day - p->monotony_days + 1, m->day,
	    AN_Q_RATIO);
	f->value = m->monotony;
	f->threshold = p->monotony_max;
	f->a = m->mono_mean;
	f->b = m->mono_sd;
	f->c = m->mono_usual;
	return 1;
}

/* A check-in marked ill in the illness_days to the day of m. */
static int
recently_ill(const struct an_metrics *m, const struct an_params *p)
{
	return m->last_ill != INT_MIN &&
	    m->last_ill >= m->day - p->illness_days + 1;
}

/* persistent-fatigue; during an illness it is reported as the illness. */
static int
decide_fatigue(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *f)
{
	int alert;

	if (m->fatigue_hi.len < p->fatigue_warn_days)
		return 0;
	alert = m->fatigue_hi.len >= p->fatigue_alert_days;
	flag_set(f, alert ? AN_ALERT : AN_WARNING, m->fatigue_hi.first,
	    m->fatigue_hi.last, AN_Q_DAYS);
	f->value = m->fatigue_hi.len;
	f->threshold = alert ? p->fatigue_alert_days : p->fatigue_warn_days;
	f->a = p->fatigue_level;
	if (recently_ill(m, p))
		f->bits = AN_OT_ILLNESS;
	return 1;
}

/* The threshold of hrv-low in ln units: baseline mean less k SD. */
static double
hrv_threshold(const struct an_metrics *m, const struct an_params *p)
{
	return m->hrv_base_mean - p->hrv_sd_factor * m->hrv_base_sd;
}

/*
 * hrv-low: the rolling mean of ln rMSSD under the baseline band on
 * hrv_hold_days days in a row (the pass counts them, each day against
 * that day's threshold; a day without a mean or a baseline ends the run).
 */
static int
hrv_low(const struct an_metrics *m, const struct an_params *p)
{
	return m->hrv_low_run >= p->hrv_hold_days;
}

/*
 * hrv-low; the figures are in ms: the geometric means of the readings
 * (e to the mean of ln rMSSD) and the threshold brought back from ln.
 */
static int
decide_hrv(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *f)
{
	if (!hrv_low(m, p))
		return 0;
	flag_set(f, AN_WARNING, m->day - p->hrv_days + 1, m->day, AN_Q_MS);
	f->value = exp(m->hrv_mean7);
	f->threshold = exp(hrv_threshold(m, p));
	f->a = exp(m->hrv_base_mean);
	f->b = m->hrv_n7;
	f->c = m->hrv_base_n;
	return 1;
}

/*
 * overtraining-signs: persistent fatigue plus a companion sign. It is
 * found by ruling out other causes first, so an illness in the last
 * illness_days explains the fatigue and nothing is raised.
 */
static int
decide_overtraining(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *f)
{
	int bits = 0;

	if (m->perf_decline)
		bits |= AN_OT_PERF;
	if (m->soreness_n >= p->soreness_days)
		bits |= AN_OT_SORENESS;
	if (m->mood_n >= p->mood_days)
		bits |= AN_OT_MOOD;
	/* a rule switched off (a watch not trusted for it) gives no sign */
	if (m->rhr_hi.len >= p->rhr_days &&
	    !(p->rules_off & (1u << AN_RESTING_HR)))
		bits |= AN_OT_RHR;
	if (hrv_low(m, p) && !(p->rules_off & (1u << AN_HRV_LOW)))
		bits |= AN_OT_HRV;
	if (m->fatigue_hi.len < p->fatigue_warn_days || bits == 0 ||
	    recently_ill(m, p))
		return 0;
	flag_set(f, AN_ALERT, m->fatigue_hi.first, m->day, AN_Q_SIGNS);
	f->value = bitcount(bits);
	f->threshold = 1;
	f->a = m->fatigue_hi.len;
	f->bits = bits;
	return 1;
}

/* Days the note of a shifted resting-HR baseline holds, the shift's first. */
#define RHR_NOTE_DAYS 7

/* resting-hr: raised readings in a row, else the note of a recent shift. */
static int
decide_rhr(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *f)
{
	if (m->rhr_hi.len >= p->rhr_days) {
		flag_set(f, AN_WARNING, m->rhr_hi.first, m->rhr_hi.last,
		    AN_Q_BPM);
		f->value = m->rhr_last_bpm - m->rhr_last_baseline;
		f->threshold = p->rhr_rise_bpm;
		f->a = m->rhr_last_bpm;
		f->b = m->rhr_hi.len;
		return 1;
	}
	if (m->rhr_shift_day == INT_MIN ||
	    m->day - m->rhr_shift_day >= RHR_NOTE_DAYS)
		return 0;
	flag_set(f, AN_NOTE, m->rhr_shift_first, m->rhr_shift_day, AN_Q_BPM);
	f->value = m->rhr_shift_new - m->rhr_shift_old;
	f->threshold = p->rhr_rise_bpm;
	f->a = m->rhr_shift_new;
	f->b = m->rhr_shift_old;
	return 1;
}

/* sleep-debt: a low mean, else short nights in a row. */
static int
decide_sleep(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *f)
{
	int streak = m->sleep_short.len >= p->short_sleep_nights;

	if (m->sleep_mean_min >= 0 &&
	    m->sleep_mean_min < p->sleep_mean_h * 60.0) {
		flag_set(f, AN_WARNING, m->day - p->sleep_days + 1, m->day,
		    AN_Q_HOURS);
		f->value = m->sleep_mean_min / 60.0;
		f->threshold = p->sleep_mean_h;
		f->a = m->sleep_nights;
		f->b = streak ? m->sleep_short.len : 0;
		return 1;
	}
	if (!streak)
		return 0;
	flag_set(f, AN_WARNING, m->sleep_short.first, m->sleep_short.last,
	    AN_Q_NIGHTS);
	f->value = m->sleep_short.len;
	f->threshold = p->short_sleep_nights;
	f->a = p->short_sleep_h;
	return 1;
}

static int
decide_dehydration(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *f)
{
	if (!m->mass_known || m->mass_loss_pct <= p->dehydration_pct)
		return 0;
	flag_set(f, AN_WARNING, m->day, m->day, AN_Q_PERCENT);
	f->value = m->mass_loss_pct;
	f->threshold = p->dehydration_pct;
	f->a = (double)m->mass_before_g;
	f->b = (double)m->mass_after_g;
	return 1;
}

static int
decide_low_fluid(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *f)
{
	if (m->fluid_low.len < p->low_fluid_days)
		return 0;
	flag_set(f, AN_NOTE, m->fluid_low.first, m->fluid_low.last, AN_Q_DAYS);
	f->value = m->fluid_low.len;
	f->threshold = p->low_fluid_days;
	f->a = (double)p->fluid_target_ml;
	return 1;
}

static int
decide_injury(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *f)
{
	(void)p;
	if (m->injury_signs == 0)
		return 0;
	flag_set(f, AN_ALERT, m->injury_day, m->injury_day, AN_Q_SIGNS);
	f->value = bitcount(m->injury_signs);
	f->threshold = 1;
	f->bits = m->injury_signs;
	return 1;
}

/* One day of the conditions the streak rules count (an_rule.persists). */
static int
persists_fatigue(const struct an_metrics *m, const struct an_params *p)
{
	(void)p;
	return m->fatigue_hi.len > 0;
}

static int
persists_rhr(const struct an_metrics *m, const struct an_params *p)
{
	(void)p;
	return m->rhr_hi.len > 0;
}

/* hrv-low: the rolling mean still under the baseline mean itself. */
static int
persists_hrv(const struct an_metrics *m, const struct an_params *p)
{
	(void)p;
	return m->hrv_mean7 >= 0 && m->hrv_base_mean >= 0 &&
	    m->hrv_mean7 < m->hrv_base_mean;
}

static int
persists_sleep(const struct an_metrics *m, const struct an_params *p)
{
	return m->sleep_short.len > 0 || (m->sleep_mean_min >= 0 &&
	    m->sleep_mean_min < p->sleep_mean_h * 60.0);
}

static int
persists_low_fluid(const struct an_metrics *m, const struct an_params *p)
{
	(void)p;
	return m->fluid_low.len > 0;
}

/* "12.3 km" or "7.6 mi". */
static char *
fmt_dist(double m, enum dist_unit du, char *out, size_t n)
{
	if (du == UNIT_MI)
		snprintf(out, n, "%.1f mi", m / METRES_PER_MILE);
	else
		snprintf(out, n, "%.1f km", m / 1000.0);
	return out;
}

static char *
fmt_vol(double ml, enum vol_unit vu, char *out, size_t n)
{
	if (vu == UNIT_FLOZ)
		snprintf(out, n, "%.0f oz", ml / ML_PER_FLOZ);
	else
		snprintf(out, n, "%.1f l", ml / 1000.0);
	return out;
}

/* Joins the names of the set bits of a sign mask: "pain, swelling". */
static void
sign_list(int bits, char *out, size_t n)
{
	static const struct { int bit; const char *name; } names[] = {
		{ AN_SIGN_PAIN, "sharp pain" },
		{ AN_SIGN_SWELLING, "swelling" },
		{ AN_SIGN_NUMBNESS, "numbness" },
		{ AN_SIGN_NO_WEIGHT, "cannot bear weight" },
		{ AN_OT_PERF, "slower pace at the same effort" },
		{ AN_OT_SORENESS, "lasting soreness" },
		{ AN_OT_MOOD, "low mood" },
		{ AN_OT_ILLNESS, "recent illness" },
		{ AN_OT_RHR, "raised resting HR" },
		{ AN_OT_HRV, "low HRV" },
	};
	size_t k, len = 0;

	out[0] = '\0';
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (!(bits & names[k].bit))
			continue;
		len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s",
		    len ? ", " : "", names[k].name);
		if (len >= n)
			return;
	}
}

/*
 * Decimals to show v with, from base up to 4, so that a value just past
 * its threshold never prints the same as the threshold ("+30%" > 30%).
 */
static int
prec(double v, double thr, int base)
{
	char a[64], b[64];
	int d;

	for (d = base; d < 4; d++) {
		snprintf(a, sizeof(a), "%.*f", d, v);
		snprintf(b, sizeof(b), "%.*f", d, thr);
		if (strcmp(a, b) != 0)
			break;
	}
	return d;
}

static void
reason_jump(const struct an_flag *f, enum dist_unit du, enum vol_unit vu,
    char *out, size_t n)
{
	char x[32], y[32];

	(void)vu;
	snprintf(out, n, "%s in the last %d days against a recent level of %s: "
	    "%+.*f%%, over the +%g%% limit", fmt_dist(f->a, du, x, sizeof(x)),
	    f->last_day - f->first_day + 1, fmt_dist(f->b, du, y, sizeof(y)),
	    prec(f->value, f->threshold, 0), f->value, f->threshold);
}

static void
reason_spike(const struct an_flag *f, enum dist_unit du, enum vol_unit vu,
    char *out, size_t n)
{
	char x[32], y[32];

	(void)vu;
	snprintf(out, n, "a %s run is %.*f%% of the longest run of the previous "
	    "%d days (%s), over the %g%% limit",
	    fmt_dist(f->a, du, x, sizeof(x)), prec(f->value, f->threshold, 0),
	    f->value, f->last_day - f->first_day,
	    fmt_dist(f->b, du, y, sizeof(y)), f->threshold);
}

static void
reason_acwr(const struct an_flag *f, enum dist_unit du, enum vol_unit vu,
    char *out, size_t n)
{
	(void)du;
	(void)vu;
	snprintf(out, n, "acute:chronic load ratio %.*f (acute %.0f, chronic "
	    "%.0f AU a day), over %.2f", prec(f->value, f->threshold, 2),
	    f->value, f->a, f->b, f->threshold);
}

static void
reason_monotony(const struct an_flag *f, enum dist_unit du, enum vol_unit vu,
    char *out, size_t n)
{
	int days = f->last_day - f->first_day + 1;

	(void)du;
	(void)vu;
	snprintf(out, n, "training monotony %.*f over %d days (daily load %.0f "
	    "+/- %.0f AU), over %.2f, in %.0f AU against a usual %.0f",
	    prec(f->value, f->threshold, 2), f->value, days, f->a, f->b,
	    f->threshold, f->a * days, f->c);
}

static void
reason_fatigue(const struct an_flag *f, enum dist_unit du, enum vol_unit vu,
    char *out, size_t n)
{
	(void)du;
	(void)vu;
	snprintf(out, n, "fatigue %.0f/10 or more on %.0f check-in days in a "
	    "row (limit %.0f)%s", f->a, f->value, f->threshold,
	    f->bits & AN_OT_ILLNESS ? ", with an illness logged" : "");
}

static const char *
advice_fatigue(const struct an_flag *f)
{
	if (!(f->bits & AN_OT_ILLNESS))
		return NULL;
	return "The fatigue comes with an illness, so let the illness set "
	    "the pace.\nWith a runny nose or sore throat only, an easy short "
	    "run is fine if\nyou feel up to it. With fever, a cough or chest "
	    "symptoms, or aching\nall over, do not run: rest until they have "
	    "gone, then come back\nwith a few short easy runs before hard "
	    "sessions. See a doctor if\nfever lasts or breathing is hard.";
}

static void
reason_overtraining(const struct an_flag *f, enum dist_unit du,
    enum vol_unit vu, char *out, size_t n)
{
	char list[160];

	(void)du;
	(void)vu;
	sign_list(f->bits, list, sizeof(list));
	snprintf(out, n, "fatigue high for %.0f check-in days, with %s", f->a,
	    list);
}

static void
reason_rhr(const struct an_flag *f, enum dist_unit du, enum vol_unit vu,
    char *out, size_t n)
{
	(void)du;
	(void)vu;
	if (f->severity == AN_NOTE)
		snprintf(out, n, "resting HR stayed %.1f bpm over the baseline "
		    "of %.0f bpm for %d days: %.0f bpm is now the baseline",
		    f->value, f->b, f->last_day - f->first_day + 1, f->a);
	else
		snprintf(out, n, "resting HR %.0f bpm, %.1f over the baseline, "
		    "on %.0f readings in a row (limit +%g bpm)", f->a, f->value,
		    f->b, f->threshold);
}

static const char *
advice_rhr(const struct an_flag *f)
{
	if (f->severity != AN_NOTE)
		return NULL;
	return "Your morning pulse has sat at a new level for two weeks or "
	    "more: a new\nwatch or strap, a change of fitness, season or "
	    "medication can all do\nthat. Later readings are compared with "
	    "the new level. If you feel\nunwell, rest anyway and see a doctor "
	    "if it does not settle.";
}

static void
reason_hrv(const struct an_flag *f, enum dist_unit du, enum vol_unit vu,
    char *out, size_t n)
{
	int pr = prec(f->value, f->threshold, 1);

	(void)du;
	(void)vu;
	snprintf(out, n, "%d-day HRV %.*f ms (%.0f readings), under %.*f ms, "
	    "the low edge of a baseline of %.1f ms (%.0f readings)",
	    f->last_day - f->first_day + 1, pr, f->value, f->b, pr,
	    f->threshold, f->a, f->c);
}

static void
reason_sleep(const struct an_flag *f, enum dist_unit du, enum vol_unit vu,
    char *out, size_t n)
{
	int days = f->last_day - f->first_day + 1;
	int pr = prec(f->value, f->threshold, 1);

	(void)du;
	(void)vu;
	if (f->quantity == AN_Q_HOURS && f->b > 0)
		snprintf(out, n, "mean sleep %.*f h over %.0f nights logged in "
		    "%d days (under %g h); %.0f short nights in a row", pr,
		    f->value, f->a, days, f->threshold, f->b);
	else if (f->quantity == AN_Q_HOURS)
		snprintf(out, n, "mean sleep %.*f h over %.0f nights logged in "
		    "%d days (under %g h)", pr, f->value, f->a, days,
		    f->threshold);
	else
		snprintf(out, n, "%.0f nights in a row under %g h of sleep "
		    "(limit %.0f)", f->value, f->a, f->threshold);
}

static void
reason_dehydration(const struct an_flag *f, enum dist_unit du,
    enum vol_unit vu, char *out, size_t n)
{
	(void)du;
	(void)vu;
	snprintf(out, n, "%.1f kg lost over a run: %.*f%% of body mass, over "
	    "%g%%", (f->a - f->b) / 1000.0, prec(f->value, f->threshold, 1),
	    f->value, f->threshold);
}

static void
reason_low_fluid(const struct an_flag *f, enum dist_unit du, enum vol_unit vu,
    char *out, size_t n)
{
	char x[32];

	(void)du;
	snprintf(out, n, "drinks logged stayed under the %s target on %.0f days "
	    "in a row (limit %.0f)", fmt_vol(f->a, vu, x, sizeof(x)), f->value,
	    f->threshold);
}

static void
reason_injury(const struct an_flag *f, enum dist_unit du, enum vol_unit vu,
    char *out, size_t n)
{
	char list[160];

	(void)du;
	(void)vu;
	sign_list(f->bits, list, sizeof(list));
	snprintf(out, n, "check-in reports %s", list);
}

/* A mean of sleep is a floor ("< 7 h"); a streak of short nights is not. */
static const char *
cmp_sleep(const struct an_flag *f)
{
	return f->quantity == AN_Q_HOURS ? "< " : ">= ";
}

#define KEYS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* One entry per rule, in enum an_flag_id order (the order of the output). */
const struct an_rule an_rules[AN_FLAG_COUNT] = {
	[AN_MILEAGE_JUMP] = {
		.id = AN_MILEAGE_JUMP,
		.name = "mileage-jump",
		.metrics = AN_NEEDS(AN_M_DAY) | AN_NEEDS(AN_M_JUMP),
		.decide = decide_jump,
		.reason = reason_jump,
		.cmp = "> ",
		.signed_value = 1,
		.advice = "Weekly distance grew faster than tissues usually "
		    "adapt: muscle\nrecovers in days but tendon and bone need "
		    "weeks. Hold this volume\nfor a week or two before adding "
		    "more, and keep easy runs easy.",
		.advice_alert = "Weekly distance grew by about a third or more, "
		    "the kind of jump\nlinked with overuse injuries: bone and "
		    "tendon remodel over weeks,\nnot days. Drop back toward "
		    "last week's distance, add an easy or\nrest day, then "
		    "build again in small steps.",
		.keys = KEYS("jump_days", "jump_warn_pct", "jump_alert_pct",
		    "jump_floor_km", "jump_level_weeks", "jump_hold_days"),
	},
	[AN_LONG_RUN_SPIKE] = {
		.id = AN_LONG_RUN_SPIKE,
		.name = "long-run-spike",
		.metrics = AN_NEEDS(AN_M_DAY) | AN_NEEDS(AN_M_SPIKE),
		.decide = decide_spike,
		.reason = reason_spike,
		.cmp = "> ",
		.advice = "This run went well beyond anything in the last month. "
		    "A long effort\nempties glycogen and adds thousands of "
		    "extra landings. Refuel with\ncarbohydrate and protein, "
		    "keep the next days easy, and lengthen\nthe long run a "
		    "little at a time.",
		.keys = KEYS("spike_days", "spike_pct", "spike_min_days"),
	},
	[AN_ACWR] = {
		.id = AN_ACWR,
		.name = "acwr",
		.metrics = AN_NEEDS(AN_M_DAY) | AN_NEEDS(AN_M_ACWR),
		.decide = decide_acwr,
		.reason = reason_acwr,
		.cmp = "> ",
		.advice = "Recent load is running ahead of the past month's "
		    "base, so fatigue\nis outpacing fitness. Make the next "
		    "sessions shorter or easier.\nThe ratio is a rough guide, "
		    "not a verdict.",
		.advice_alert = "Recent load is far above what the past month "
		    "prepared you for:\nfatigue builds faster than fitness. "
		    "Plan several lighter days now.\nThe ratio is a rough "
		    "guide, but this gap is large.",
		.keys = KEYS("acwr_acute_days", "acwr_chronic_days",
		    "acwr_min_days", "acwr_min_chronic", "acwr_min_run_days",
		    "acwr_warn", "acwr_alert", "acwr_hold_days", "load_per_km"),
	},
	[AN_MONOTONY] = {
		.id = AN_MONOTONY,
		.name = "monotony",
		.metrics = AN_NEEDS(AN_M_DAY) | AN_NEEDS(AN_M_MONOTONY),
		.decide = decide_monotony,
		.reason = reason_monotony,
		.cmp = "> ",
		.advice = "Every day carried a similar load, leaving no easy day "
		    "for muscle\nrepair and glycogen to catch up. Alternate: a "
		    "truly easy day or a\nrest day between the harder ones.",
		.keys = KEYS("monotony_days", "monotony_max",
		    "monotony_base_days", "monotony_load_pct", "load_per_km"),
	},
	[AN_PERSISTENT_FATIGUE] = {
		.id = AN_PERSISTENT_FATIGUE,
		.name = "persistent-fatigue",
		.metrics = AN_NEEDS(AN_M_FATIGUE),
		.decide = decide_fatigue,
		.reason = reason_fatigue,
		.advice_of = advice_fatigue,
		.cmp = ">= ",
		.advice = "Fatigue has stayed high for several mornings, so "
		    "recovery is not\nkeeping pace: glycogen, damaged muscle "
		    "fibres and the nervous\nsystem all need time. Sleep more, "
		    "eat carbohydrate and protein,\nand swap hard runs for "
		    "rest or a gentle walk.",
		.advice_alert = "Fatigue has stayed high for a week or more: "
		    "that is beyond normal\ntiredness. Stop hard training and "
		    "see a doctor or sports-medicine\nprofessional; "
		    "overtraining, anaemia or a thyroid problem can\nall feel "
		    "like this.",
		.persists = persists_fatigue,
		.keys = KEYS("fatigue_level", "fatigue_warn_days",
		    "fatigue_alert_days", "illness_days"),
	},
	[AN_OVERTRAINING] = {
		.id = AN_OVERTRAINING,
		.name = "overtraining-signs",
		.metrics = AN_NEEDS(AN_M_FATIGUE) | AN_NEEDS(AN_M_SIGNS) |
		    AN_NEEDS(AN_M_PERF) | AN_NEEDS(AN_M_RHR) |
		    AN_NEEDS(AN_M_HRV),
		.decide = decide_overtraining,
		.reason = reason_overtraining,
		.cmp = ">= ",
		.advice = "Lasting fatigue together with other warning signs is "
		    "how\noverreaching turns into overtraining: hormones, "
		    "immunity and mood\nstop bouncing back. Stop hard training "
		    "and see a doctor or\nsports-medicine professional before "
		    "building up again.",
		.keys = KEYS("soreness_level", "soreness_days", "mood_level",
		    "mood_days", "signs_days", "illness_days",
		    "perf_recent_days", "perf_base_days", "perf_min_runs",
		    "perf_decline_pct"),
	},
	[AN_RESTING_HR] = {
		.id = AN_RESTING_HR,
		.name = "resting-hr",
		.metrics = AN_NEEDS(AN_M_RHR),
		.decide = decide_rhr,
		.reason = reason_rhr,
		.advice_of = advice_rhr,
		.cmp = ">= ",
		.plus_threshold = 1,
		.advice = "A morning pulse above your usual often means the body "
		    "is still\nunder strain: unfinished recovery, short sleep, "
		    "too little fluid or\nan infection starting. Make today "
		    "easy or a rest day.",
		.persists = persists_rhr,
		.keys = KEYS("rhr_baseline_days", "rhr_min_readings",
		    "rhr_rise_bpm", "rhr_days", "rhr_shift_days"),
	},
	[AN_HRV_LOW] = {
		.id = AN_HRV_LOW,
		.name = "hrv-low",
		.metrics = AN_NEEDS(AN_M_HRV),
		.decide = decide_hrv,
		.reason = reason_hrv,
		.cmp = "< ",
		.advice = "Your heart rate variability has stayed under its usual "
		    "range for a\nweek: the nervous system has not finished "
		    "recovering, whether from\ntraining, short sleep, stress or "
		    "an infection on its way. Keep the\nnext days easy or rest, "
		    "and build again once the readings are back\nin their "
		    "usual range.",
		.persists = persists_hrv,
		.keys = KEYS("hrv_days", "hrv_min_readings", "hrv_base_days",
		    "hrv_base_min_readings", "hrv_sd_factor", "hrv_hold_days"),
	},
	[AN_SLEEP_DEBT] = {
		.id = AN_SLEEP_DEBT,
		.name = "sleep-debt",
		.metrics = AN_NEEDS(AN_M_SLEEP),
		.decide = decide_sleep,
		.reason = reason_sleep,
		.cmp = ">= ",
		.cmp_of = cmp_sleep,
		.advice = "Sleep is when much of the repair happens: muscle is "
		    "rebuilt and\nthe nervous system resets. Short nights add "
		    "up as fatigue and\ninjury risk. Aim for 7 to 9 hours; go to "
		    "bed earlier rather than\ntraining more.",
		.persists = persists_sleep,
		.keys = KEYS("sleep_days", "sleep_mean_h", "sleep_min_nights",
		    "short_sleep_h", "short_sleep_nights"),
	},
	[AN_DEHYDRATION] = {
		.id = AN_DEHYDRATION,
		.name = "dehydration",
		.metrics = AN_NEEDS(AN_M_MASS),
		.decide = decide_dehydration,
		.reason = reason_dehydration,
		.cmp = "> ",
		.advice = "That much sweat loss shrinks blood volume, so the "
		    "heart works harder\nand cooling suffers; lost sodium and "
		    "potassium can bring cramps.\nOver the next hours drink "
		    "about one and a half times the mass lost,\nwith "
		    "electrolytes, and carry fluid on long or hot runs.",
		.keys = KEYS("dehydration_pct"),
	},
	[AN_LOW_FLUID] = {
		.id = AN_LOW_FLUID,
		.name = "low-fluid",
		.metrics = AN_NEEDS(AN_M_FLUID),
		.decide = decide_low_fluid,
		.reason = reason_low_fluid,
		.cmp = ">= ",
		.advice = "Logged drinks keep falling short of your target. Too "
		    "little fluid\nlowers blood volume and makes every run "
		    "feel harder. Keep water\nwithin reach, drink with meals "
		    "and after runs. (Only what you log\ncounts here.)",
		.persists = persists_low_fluid,
		.keys = KEYS("low_fluid_days"),
	},
	[AN_INJURY_SIGNS] = {
		.id = AN_INJURY_SIGNS,
		.name = "injury-signs",
		.metrics = AN_NEEDS(AN_M_INJURY),
		.decide = decide_injury,
		.reason = reason_injury,
		.cmp = ">= ",
		.advice = "Sharp pain, swelling, numbness or not being able to "
		    "bear weight are\nnot ordinary soreness: they can mean a "
		    "tear, a stress fracture or a\nnerve problem. Stop running "
		    "and see a doctor or physiotherapist\nbefore you run "
		    "again.",
		.keys = KEYS(NULL),
	},
};

const struct an_rule *
an_rule(enum an_flag_id id)
{
	return (unsigned)id < AN_FLAG_COUNT ? &an_rules[id] : NULL;
}

/* Flags collected into an array that never grows past its capacity. */
struct flag_buf {
	struct an_flag *v;
	int             n, cap;
};

static int
flag_buf_add(struct flag_buf *b, const struct an_flag *f)
{
	if (b->n >= b->cap)
		return -1;
	b->v[b->n++] = *f;
	return 0;
}

int
an_flags_n(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *out, int cap)
{
	struct an_flag all[AN_FLAG_COUNT], f, tmp;
	struct flag_buf held = { all, 0, (int)(sizeof(all) / sizeof(all[0])) };
	struct flag_buf res = { out, 0, cap };
	int i, j;

	for (i = 0; i < AN_FLAG_COUNT; i++) {
		if (p->rules_off & (1u << i))
			continue;
		memset(&f, 0, sizeof(f));
		f.id = an_rules[i].id;
		if (an_rules[i].decide(m, p, &f))
			flag_buf_add(&held, &f);
	}
	/* Alerts first, stable within a severity. */
	for (i = 1; i < held.n; i++) {
		tmp = all[i];
		for (j = i; j > 0 && all[j - 1].severity < tmp.severity; j--)
			all[j] = all[j - 1];
		all[j] = tmp;
	}
	for (i = 0; i < held.n && flag_buf_add(&res, &all[i]) == 0; i++)
		;
	return res.n;
}

int
an_flags(const struct an_metrics *m, const struct an_params *p,
    struct an_flag *out)
{
	return an_flags_n(m, p, out, AN_FLAGS_MAX);
}

int
an_flags_on(const struct an_series *s, const struct an_params *p, size_t i,
    struct an_flag *out, struct an_metrics *m_out)
{
	struct an_pass ps;
	struct an_metrics m;

	if (i >= s->ndays)
		return 0;
	an_pass_init(&ps, s, p);
	while (ps.i <= i)
		an_pass_next(&ps, &m);
	if (m_out != NULL)
		*m_out = m;
	return an_flags(&m, p, out);
}

const char *
an_flag_name(enum an_flag_id id)
{
	return (unsigned)id < AN_FLAG_COUNT ? an_rules[id].name : "?";
}

int
an_flag_find(const char *name)
{
	int i;

	for (i = 0; i < AN_FLAG_COUNT; i++)
		if (strcmp(an_rules[i].name, name) == 0)
			return i;
	return -1;
}

int
an_rules_off_parse(const char *list, unsigned *off, char *err, size_t errsz)
{
	char name[40];
	size_t len, k, used;
	int id;

	for (;;) {
		list += strspn(list, ", \t");
		if (*list == '\0')
			return 0;
		len = strcspn(list, ", \t");
		snprintf(name, sizeof(name), "%.*s", (int)len, list);
		id = len < sizeof(name) ? an_flag_find(name) : -1;
		if (id < 0) {
			used = (size_t)snprintf(err, errsz, "unknown rule \"%s\": "
			    "the rules are", name);
			for (k = 0; k < AN_FLAG_COUNT && used < errsz; k++)
				used += (size_t)snprintf(err + used, errsz - used,
				    "%s %s", k ? "," : "", an_rules[k].name);
			return -1;
		}
		*off |= 1u << id;
		list += len;
	}
}

const char *
an_severity_name(enum an_severity sev)
{
	switch (sev) {
	case AN_NOTE:
		return "note";
	case AN_WARNING:
		return "warning";
	case AN_ALERT:
		return "alert";
	}
	return "?";
}

char *
an_flag_reason(const struct an_flag *f, enum dist_unit du, enum vol_unit vu,
    char *out, size_t n)
{
	const struct an_rule *r = an_rule(f->id);

	if (r == NULL)
		snprintf(out, n, "?");
	else
		r->reason(f, du, vu, out, n);
	return out;
}

static const char *
quantity_unit(enum an_quantity q)
{
	switch (q) {
	case AN_Q_PERCENT:
		return "%";
	case AN_Q_RATIO:
		return "";
	case AN_Q_DAYS:
		return " days";
	case AN_Q_NIGHTS:
		return " nights";
	case AN_Q_HOURS:
		return " h";
	case AN_Q_BPM:
		return " bpm";
	case AN_Q_SIGNS:
		return " signs";
	case AN_Q_MS:
		return " ms";
	}
	return "";
}

char *
an_flag_value(const struct an_flag *f, char *out, size_t n)
{
	const struct an_rule *r = an_rule(f->id);

	if (f->quantity == AN_Q_RATIO)
		snprintf(out, n, "%.*f", prec(f->value, f->threshold, 2),
		    f->value);
	else if (f->quantity == AN_Q_PERCENT && r != NULL && r->signed_value)
		snprintf(out, n, "%+.*f%%", prec(f->value, f->threshold, 0),
		    f->value);
	else if (f->quantity == AN_Q_PERCENT || f->quantity == AN_Q_HOURS ||
	    f->quantity == AN_Q_BPM || f->quantity == AN_Q_MS)
		snprintf(out, n, "%.*f%s", prec(f->value, f->threshold, 1),
		    f->value, quantity_unit(f->quantity));
	else
		snprintf(out, n, "%.0f%s", f->value, quantity_unit(f->quantity));
	return out;
}

char *
an_flag_threshold(const struct an_flag *f, char *out, size_t n)
{
	const struct an_rule *r = an_rule(f->id);
	const char *cmp = "> ";
	int plus = 0;

	if (r != NULL) {
		cmp = r->cmp_of != NULL ? r->cmp_of(f) : r->cmp;
		plus = r->signed_value || r->plus_threshold;
	}
	if (f->quantity == AN_Q_RATIO)
		snprintf(out, n, "%s%.2f", cmp, f->threshold);
	else if (f->quantity == AN_Q_MS)
		snprintf(out, n, "%s%.*f ms", cmp,
		    prec(f->value, f->threshold, 1), f->threshold);
	else
		snprintf(out, n, "%s%s%g%s", cmp, plus ? "+" : "", f->threshold,
		    quantity_unit(f->quantity));
	return out;
}

const char *
an_flag_advice(const struct an_flag *f)
{
	const struct an_rule *r = an_rule(f->id);

	if (r == NULL)
		return "";
	if (r->advice_of != NULL && r->advice_of(f) != NULL)
		return r->advice_of(f);
	if (f->severity == AN_ALERT && r->advice_alert != NULL)
		return r->advice_alert;
	return r->advice;
}
