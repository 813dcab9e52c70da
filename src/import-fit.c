/*
 * import-fit: FIT files, as watches write them (the .fit files in
 * GARMIN/Activity), read with the decoder in fit.c.
 *
 * The whole file is read into memory (FIT files are small; a bound keeps
 * a huge one from being an allocation) and decoded at once, so a damaged
 * or truncated file is refused before any of it lands. Each session of an
 * activity file is one activity: a running session is a run, any other
 * sport is counted by name and skipped, and a recording too short to be a
 * run (no distance, under 100 m or under a minute) is counted and skipped.
 * A file of another kind (settings, monitoring, a workout) holds no
 * activity and is reported as such, not refused.
 *
 * A run is its session's totals: distance, timer time (elapsed time when
 * there is no timer), average heart rate and ascent. Its day is the local
 * day of its start, by the offset between the activity's local_timestamp
 * and timestamp when the file gives one, else by the machine's time zone.
 * Its external id is "fit:SERIAL:CREATED" from the file_id (the device's
 * serial number and the file's creation time, in FIT seconds), with
 * ":N" after it for the N-th running session of a file from the second
 * on, so a duathlon's two runs stay two.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "fit.h"
#include "import.h"
#include "util.h"

#define FIT_INPUT_MAX (64u << 20)    /* bytes of one FIT file */

/* Shorter than this is an accidental recording, not a run. */
#define ACCIDENT_DISTANCE_M 100
#define ACCIDENT_DURATION_MS 60000

static int
fit_sniff(const struct import_probe *p)
{
	if (p->len >= 12 && (p->head[0] == 12 || p->head[0] == 14) &&
	    memcmp(p->head + 8, ".FIT", 4) == 0)
		return 100;
	return 0;
}

/* The whole input in *buf (freed by the caller); 0, or -1 with err_set(). */
static int
read_all(struct import_input *in, unsigned char **buf, size_t *len)
{
	size_t cap = in->len + 64 * 1024, n = 0, k;
	unsigned char *b = xmalloc(cap);

	for (;;) {
		if (n == cap) {
			if (cap >= FIT_INPUT_MAX) {
				free(b);
				err_set("the file is over %u MiB, more than "
				    "a FIT file of one activity holds",
				    FIT_INPUT_MAX >> 20);
				return -1;
			}
			cap = cap * 2 > FIT_INPUT_MAX ? FIT_INPUT_MAX : cap * 2;
			b = xrealloc(b, cap);
		}
		if ((k = import_input_read(in, b + n, cap - n)) == 0)
			break;
		n += k;
	}
	if (in->rest != NULL && ferror(in->rest)) {
		free(b);
		err_set("cannot read: %s", strerror(errno));
		return -1;
	}
	*buf = b;
	*len = n;
	return 0;
}

/* The local day and UTC start of s; -1 with err_set(). */
static int
place(const struct fit_activity *a, const struct fit_session *s,
    struct run *r)
{
	struct fit_when w;
	int64_t days;

	if (fit_session_when(a, s, &w) != 0)
		return -1;
	if (!w.have_utc) {
		/* Only local wall-clock time: the machine's zone gives UTC. */
		time_t t = (time_t)w.local;
		struct tm tm;
		gmtime_r(&t, &tm);
		tm.tm_isdst = -1;
		w.utc = (int64_t)mktime(&tm);
	}
	r->start_utc = w.utc;
	if (w.have_local) {
		days = w.local / 86400 - (w.local % 86400 < 0);
		r->day = (int)days;
	} else {
		r->day = date_from_time((time_t)w.utc);
	}
	return 0;
}

/* Fills r from session s; 1 when it is an accidental recording. */
static int
session_run(const struct fit_activity *a, const struct fit_session *s,
    unsigned nth, struct run *r)
{
	const struct fit_part *p = s->part < a->nparts ? &a->part[s->part] :
	    NULL;
	int64_t ms = s->timer_ms > 0 ? s->timer_ms : s->elapsed_ms;

	memset(r, 0, sizeof *r);
	r->type = RUN_OTHER;
	r->climb_m = s->ascent_m;
	r->avg_hr = s->avg_hr > 0 ? s->avg_hr : 0;
	r->distance_m = s->distance_cm > 0 ? (s->distance_cm + 50) / 100 : 0;
	r->duration_s = ms > 0 ? (ms + 500) / 1000 : 0;
	if (s->distance_cm < ACCIDENT_DISTANCE_M * 100 ||
	    ms < ACCIDENT_DURATION_MS)
		return 1;
	r->source = xstrdup("fit");
	if (p != NULL && p->created >= 0)
		r->external_id = nth > 1 ?
		    xasprintf("fit:%" PRId64 ":%" PRId64 ":%u", p->serial >= 0 ?
		    p->serial : 0, p->created, nth) :
		    xasprintf("fit:%" PRId64 ":%" PRId64, p->serial >= 0 ?
		    p->serial : 0, p->created);
	return 0;
}

/* Checks r as the journal would, naming the session's place; 0 or -1. */
static int
check_run(const struct fit_session *s, const struct run *r)
{
	char d[16];

	if (r->day < DATE_MIN || r->day > DATE_MAX)
		err_set("starts on %s: runlog keeps days from 1900-01-01 to "
		    "2099-12-31", date_format(r->day, d));
	else if (r->day > date_today())
		err_set("starts on %s, in the future; entries are for today or "
		    "earlier", date_format(r->day, d));
	else if (run_validate(r) == 0)
		return 0;
	err_prefix("byte %zu: the running session", s->offset);
	return -1;
}

/* What reading one file keeps from session to session. */
struct reading {
	struct import_ctx         *c;
	const struct fit_activity *a;
	size_t                     part;    /* of the last session */
	unsigned                   nth;     /* running sessions in it */
	char                     **id;      /* external ids given so far */
	size_t                    *at;      /* the byte of each one's session */
	size_t                     nid;
};

/* 1 when the run's id was given before (a chained file repeated): it is
 * counted as a repeat; else 0 after noting it. */
static int
repeated(struct reading *g, const struct fit_session *s, const char *id)
{
	struct csv_import_report *r = g->c->r;
	size_t i;

	for (i = 0; i < g->nid; i++) {
		if (strcmp(g->id[i], id) == 0) {
			r->repeated++;
			buf_printf(&r->repeat_list, "%sthe session at byte %zu "
			    "repeats the one at byte %zu", r->repeated > 1 ?
			    ", " : "", s->offset, g->at[i]);
			return 1;
		}
	}
	g->id = xrealloc(g->id, (g->nid + 1) * sizeof *g->id);
	g->at = xrealloc(g->at, (g->nid + 1) * sizeof *g->at);
	g->id[g->nid] = xstrdup(id);
	g->at[g->nid++] = s->offset;
	return 0;
}

/* One session of an activity file; 0, or -1 to stop (err_set()). */
static int
session(struct reading *g, const struct fit_session *s)
{
	struct import_ctx *c = g->c;
	char name[24];
	struct run r;
	int rc = 0;

	c->r->rows++;
	if (s->sport != FIT_SPORT_RUNNING) {
		import_other(c, fit_sport_name(s->sport, name, sizeof name));
		return 0;
	}
	if (s->part != g->part)
		g->nth = 0;
	g->part = s->part;
	if (session_run(g->a, s, ++g->nth, &r) == 1) {
		c->r->accidental++;
		return 0;
	}
	if (place(g->a, s, &r) != 0 || check_run(s, &r) != 0) {
		rc = -1;
	} else if (r.external_id == NULL || !repeated(g, s, r.external_id)) {
		rc = import_put(c, ENTRY_RUN, 0, &r);
		if (rc == -1)
			err_prefix("byte %zu: the running session", s->offset);
	}
	run_free(&r);
	if (rc == -2)
		return -1;
	return rc < 0 ? import_refused(c) : 0;
}

/* 1 when part p of a holds an activity (a file without file_id counts
 * when it has sessions). */
static int
is_activity(const struct fit_activity *a, size_t p)
{
	return a->part[p].type == FIT_FILE_ACTIVITY || a->part[p].type < 0;
}

/* Says in the report why a file gives no session to read. */
static void
no_activity(struct import_ctx *c, const struct fit_activity *a)
{
	size_t i;
	char t[24];

	for (i = 0; i < a->nparts; i++)
		if (is_activity(a, i))
			break;
	if (i == a->nparts)
		snprintf(c->r->not_activity, sizeof c->r->not_activity,
		    "a %s file, not an activity", fit_file_type_name(a->nparts ?
		    a->part[0].type : -1, t, sizeof t));
	else if (a->nsessions == 0)
		snprintf(c->r->not_activity, sizeof c->r->not_activity,
		    "an activity file without a session");
}

static int
fit_read(struct import_ctx *c, struct import_input *in)
{
	struct fit_activity a;
	struct reading g;
	unsigned char *buf;
	size_t len, i;
	int rc = 0;

	c->r->rows_noun = "session";
	if (read_all(in, &buf, &len) != 0)
		return -1;
	rc = fit_activity_read(buf, len, 0, &a);
	free(buf);
	if (rc != 0)
		return -1;
	no_activity(c, &a);
	memset(&g, 0, sizeof g);
	g.c = c;
	g.a = &a;
	g.part = (size_t)-1;
	for (i = 0; i < a.nsessions && rc == 0 && !c->fatal; i++) {
		const struct fit_session *s = &a.session[i];
		if (s->part >= a.nparts || is_activity(&a, s->part))
			rc = session(&g, s);
	}
	for (i = 0; i < g.nid; i++)
		free(g.id[i]);
	free(g.id);
	free(g.at);
	fit_activity_free(&a);
	return rc != 0 || c->fatal ? -1 : 0;
}

const struct import_format import_fit = {
	.id = CSV_FMT_FIT,
	.name = "fit",
	.title = "a FIT file",
	.file = "FIT (.fit)",
	.sniff = fit_sniff,
	.read = fit_read,
};
