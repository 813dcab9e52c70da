/*
 * fit: the FIT decoder (fit.h).
 *
 * A FIT input is one or more chained files. Each is a header of 12 or 14
 * bytes (its size, protocol and profile versions, the byte length of the
 * records, ".FIT", and in the 14-byte form a CRC of the first 12 bytes,
 * which may be 0), the records, and a CRC of header and records together.
 * Both CRCs are checked before a record is read, so a damaged file is
 * refused whole.
 *
 * A record starts with one header byte:
 *   - bit 7 clear: a normal header; bit 6 set is a definition message,
 *     clear a data message; bit 5 on a definition says developer fields
 *     follow the ordinary ones; bits 0-3 are the local message type;
 *   - bit 7 set: a compressed-timestamp header of a data message, with the
 *     local type in bits 5-6 and the low 5 bits of its time in bits 0-4,
 *     counted forward from the last full timestamp (rolling over every 32 s).
 * A definition binds a local type to a global message number, a byte order
 * (its architecture byte) and fields of (number, size, base type); the
 * data messages of that local type are then the fields' bytes in order.
 * A field whose size is not its base type's (an array, a string, a size
 * that is no multiple) is passed on as not valid, skipped by its size, as
 * is every developer field. Every read is checked against the end of the
 * records of the file it belongs to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit.h"
#include "util.h"

/* --- CRC ------------------------------------------------------------------ */

/* CRC-16 with the reflected polynomial 0xA001, a byte at a time. */
static uint16_t crc_tab[256];
static int      crc_ready;

static void
crc_init(void)
{
	unsigned i, k;

	for (i = 0; i < 256; i++) {
		uint16_t c = (uint16_t)i;
		for (k = 0; k < 8; k++)
			c = (uint16_t)((c & 1) ? (c >> 1) ^ 0xA001 : c >> 1);
		crc_tab[i] = c;
	}
	crc_ready = 1;
}

uint16_t
fit_crc(uint16_t crc, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t i;

	if (!crc_ready)
		crc_init();
	for (i = 0; i < n; i++)
		crc = (uint16_t)((crc >> 8) ^ crc_tab[(crc ^ p[i]) & 0xFF]);
	return crc;
}

/* --- base types ----------------------------------------------------------- */

struct base_type {
	unsigned char size;     /* bytes of one value */
	unsigned char number;   /* 1: read as an integer */
	unsigned char sign;     /* 1: signed */
	uint64_t      invalid;  /* the value meaning "no value" */
};

/* By the low 5 bits of the base type byte. */
static const struct base_type base_types[] = {
	[0x00] = { 1, 1, 0, 0xFF },                    /* enum */
	[0x01] = { 1, 1, 1, 0x7F },                    /* sint8 */
	[0x02] = { 1, 1, 0, 0xFF },                    /* uint8 */
	[0x03] = { 2, 1, 1, 0x7FFF },                  /* sint16 */
	[0x04] = { 2, 1, 0, 0xFFFF },                  /* uint16 */
	[0x05] = { 4, 1, 1, 0x7FFFFFFF },              /* sint32 */
	[0x06] = { 4, 1, 0, 0xFFFFFFFF },              /* uint32 */
	[0x07] = { 1, 0, 0, 0 },                       /* string */
	[0x08] = { 4, 0, 0, 0 },                       /* float32 */
	[0x09] = { 8, 0, 0, 0 },                       /* float64 */
	[0x0A] = { 1, 1, 0, 0 },                       /* uint8z */
	[0x0B] = { 2, 1, 0, 0 },                       /* uint16z */
	[0x0C] = { 4, 1, 0, 0 },                       /* uint32z */
	[0x0D] = { 1, 0, 0, 0 },                       /* byte */
	[0x0E] = { 8, 1, 1, 0x7FFFFFFFFFFFFFFF },      /* sint64 */
	[0x0F] = { 8, 1, 0, 0xFFFFFFFFFFFFFFFF },      /* uint64 */
	[0x10] = { 8, 1, 0, 0 },                       /* uint64z */
};
#define NBASE (sizeof base_types / sizeof base_types[0])

static void
field_read(struct fit_field *f, const unsigned char *v, int big)
{
	unsigned t = f->base & 0x1F, k;
	const struct base_type *b;
	uint64_t u = 0;

	f->valid = 0;
	f->u = 0;
	if (t >= NBASE)
		return;
	b = &base_types[t];
	if (!b->number || f->size != b->size)
		return;
	for (k = 0; k < f->size; k++)
		u = big ? (u << 8) | v[k] : u | (uint64_t)v[k] << (8 * k);
	if (u == b->invalid)
		return;
	if (b->sign && f->size < 8 && (u >> (8 * f->size - 1)) & 1)
		u |= ~(uint64_t)0 << (8 * f->size);
	f->u = u;
	f->valid = 1;
}

/* --- the walk ------------------------------------------------------------- */

struct fit_def {
	int            defined;
	int            big;            /* architecture 1: big-endian */
	unsigned       global;
	unsigned       nfields;
	size_t         size;           /* bytes of a data message */
	unsigned char  num[255], len[255], base[255];
};

struct walker {
	const unsigned char *p;
	size_t               end;      /* of the current file's records */
	size_t               part;
	int                  have_time;
	uint32_t             last_time; /* the last full timestamp */
	fit_mesg_fn          fn;
	void                *arg;
	struct fit_def       def[16];
	struct fit_field     field[256];
};

static unsigned
get16(const unsigned char *p, int big)
{
	return big ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
}

static uint32_t
get32le(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* A definition message at byte at; *next gets the byte after it. */
static int
read_definition(struct walker *w, size_t at, size_t *next)
{
	const unsigned char *p = w->p;
	struct fit_def *d = &w->def[p[at] & 0x0F];
	size_t q = at + 1, i, n, ndev;

	if (w->end - q < 5)
		goto short_def;
	if (p[q + 1] > 1) {
		err_set("byte %zu: architecture %u in a definition message: "
		    "must be 0 (little-endian) or 1 (big-endian)", q + 1,
		    p[q + 1]);
		return -1;
	}
	d->defined = 0;
	d->big = p[q + 1];
	d->global = get16(p + q + 2, d->big);
	n = p[q + 4];
	q += 5;
	if (w->end - q < 3 * n)
		goto short_def;
	d->size = 0;
	for (i = 0; i < n; i++, q += 3) {
		d->num[i] = p[q];
		d->len[i] = p[q + 1];
		d->base[i] = p[q + 2];
		d->size += p[q + 1];
	}
	d->nfields = (unsigned)n;
	if (p[at] & 0x20) {
		/* Developer fields: only their sizes matter here. */
		if (w->end - q < 1)
			goto short_def;
		ndev = p[q++];
		if (w->end - q < 3 * ndev)
			goto short_def;
		for (i = 0; i < ndev; i++, q += 3)
			d->size += p[q + 1];
	}
	d->defined = 1;
	*next = q;
	return 0;
short_def:
	err_set("byte %zu: the definition message is cut short by the end of "
	    "the records at byte %zu", at, w->end);
	return -1;
}

/* A data message at byte at, its time given by a compressed header when
 * compressed is set; *next gets the byte after it. */
static int
read_data(struct walker *w, size_t at, unsigned local, int compressed,
    uint32_t time, size_t *next)
{
	const struct fit_def *d = &w->def[local];
	struct fit_mesg m;
	size_t q = at + 1, i, nf = 0;
	int have_time = 0;

	if (!d->defined) {
		err_set("byte %zu: a data message of local type %u, which no "
		    "definition message has defined", at, local);
		return -1;
	}
	if (d->size > w->end - q) {
		err_set("byte %zu: the data message needs %zu bytes and the "
		    "records end at byte %zu", at, d->size, w->end);
		return -1;
	}
	for (i = 0; i < d->nfields; i++) {
		struct fit_field *f = &w->field[nf++];
		f->num = d->num[i];
		f->size = d->len[i];
		f->base = d->base[i];
		field_read(f, w->p + q, d->big);
		q += f->size;
		if (f->num == 253 && f->valid && f->size == 4) {
			w->last_time = (uint32_t)f->u;
			w->have_time = have_time = 1;
		}
	}
	if (compressed && !have_time) {
		struct fit_field *f = &w->field[nf++];
		f->num = 253;
		f->size = 4;
		f->base = 0x86;
		f->valid = 1;
		f->u = time;
	}
	*next = at + 1 + d->size;   /* developer fields skipped by their size */
	m.global = d->global;
	m.offset = at;
	m.part = w->part;
	m.nfields = nf;
	m.field = w->field;
	return w->fn(&m, w->arg);
}

/* The records of one file, from byte q to w->end. */
static int
read_records(struct walker *w, size_t q)
{
	int rc;

	while (q < w->end) {
		unsigned h = w->p[q];
		size_t next = q;

		if (h & 0x80) {
			/* Compressed timestamp: the offset counts on from the
			 * last full time, rolling over every 32 seconds. */
			uint32_t off = h & 0x1F, t = w->last_time;
			t += (off - (t & 0x1F)) & 0x1F;
			w->last_time = t;
			rc = read_data(w, q, (h >> 5) & 3, 1, t, &next);
		} else if (h & 0x40) {
			rc = read_definition(w, q, &next);
		} else {
			rc = read_data(w, q, h & 0x0F, 0, 0, &next);
		}
		if (rc != 0)
			return rc;
		q = next;
	}
	return 0;
}

/* Checks the header and CRCs of the file at byte pos; *end gets the end
 * of its records (where its CRC is). */
static int
check_file(const unsigned char *p, size_t n, size_t pos, unsigned flags,
    size_t *end)
{
	size_t hs, data;
	unsigned want, got;

	if (n - pos < 12) {
		err_set("byte %zu: %zu bytes where a FIT file header needs 12",
		    pos, n - pos);
		return -1;
	}
	hs = p[pos];
	if (hs != 12 && hs != 14) {
		err_set("byte %zu: a FIT file header of %zu bytes: must be 12 "
		    "or 14 (a damaged header, or not a FIT file)", pos, hs);
		return -1;
	}
	if (memcmp(p + pos + 8, ".FIT", 4) != 0) {
		err_set("byte %zu: no \".FIT\" signature in the file header (a "
		    "damaged header, or not a FIT file)", pos + 8);
		return -1;
	}
	if (n - pos < hs) {
		err_set("byte %zu: the file ends inside its header", n);
		return -1;
	}
	if (hs == 14 && !(flags & FIT_NO_CRC) && (want = get16(p + pos + 12, 0))
	    != 0 && want != (got = fit_crc(0, p + pos, 12))) {
		err_set("byte %zu: the file header's CRC is %04X where its "
		    "bytes give %04X: a damaged header", pos + 12, want, got);
		return -1;
	}
	data = get32le(p + pos + 4);
	if (data > n - pos - hs || n - pos - hs - data < 2) {
		err_set("byte %zu: the file ends early: the header at byte "
		    "%zu promises %zu bytes of records and a CRC, which would "
		    "end at byte %zu", n, pos, data, pos + hs + data + 2);
		return -1;
	}
	*end = pos + hs + data;
	if (!(flags & FIT_NO_CRC) && (want = get16(p + *end, 0)) !=
	    (got = fit_crc(0, p + pos, hs + data))) {
		err_set("byte %zu: the file's CRC is %04X where its bytes give "
		    "%04X: a damaged file", *end, want, got);
		return -1;
	}
	return 0;
}

int
fit_walk(const unsigned char *p, size_t n, unsigned flags, fit_mesg_fn fn,
    void *arg)
{
	struct walker *w;
	size_t pos = 0, end;
	int rc = 0;

	if (n == 0) {
		err_set("byte 0: the file is empty");
		return -1;
	}
	w = xmalloc(sizeof *w);
	w->p = p;
	w->fn = fn;
	w->arg = arg;
	for (w->part = 0; pos < n && rc == 0; w->part++) {
		if ((rc = check_file(p, n, pos, flags, &end)) != 0)
			break;
		/* Definitions and times do not carry over to a chained file. */
		memset(w->def, 0, sizeof w->def);
		w->have_time = 0;
		w->last_time = 0;
		w->end = end;
		rc = read_records(w, pos + p[pos]);
		pos = end + 2;
	}
	free(w);
	return rc;
}

int
fit_get(const struct fit_mesg *m, unsigned num, uint64_t *v)
{
	size_t i;

	for (i = 0; i < m->nfields; i++) {
		if (m->field[i].num == num && m->field[i].valid) {
			*v = m->field[i].u;
			return 1;
		}
	}
	return 0;
}

/* --- what an import keeps ------------------------------------------------- */

/* Field num of m as a number, or dflt when it is not there. Every field
 * kept here is at most 32 bits unsigned in the protocol; a larger or
 * negative value (a field defined with another type) is not there, which
 * also keeps the sums made of them far from overflowing. */
static int64_t
get_or(const struct fit_mesg *m, unsigned num, int64_t dflt)
{
	uint64_t v;

	return fit_get(m, num, &v) && v <= UINT32_MAX ? (int64_t)v : dflt;
}

/* The same for the fields of one byte: an enum, a heart rate; -1. */
static int
get_byte(const struct fit_mesg *m, unsigned num)
{
	uint64_t v;

	return fit_get(m, num, &v) && v <= 0xFF ? (int)v : -1;
}

static struct fit_part *
part_of(struct fit_activity *a, const struct fit_mesg *m)
{
	if (m->part >= FIT_PARTS_MAX) {
		err_set("byte %zu: more than %d chained files in one",
		    m->offset, FIT_PARTS_MAX);
		return NULL;
	}
	if (m->part >= a->nparts) {
		size_t i;
		a->part = xrealloc(a->part, (m->part + 1) * sizeof *a->part);
		for (i = a->nparts; i <= m->part; i++) {
			struct fit_part *pt = &a->part[i];
			pt->type = -1;
			pt->serial = pt->created = -1;
			pt->act_time = pt->act_local = -1;
			pt->corr_time = pt->corr_system = -1;
		}
		a->nparts = m->part + 1;
	}
	return &a->part[m->part];
}

static int
add_session(struct fit_activity *a, const struct fit_mesg *m)
{
	struct fit_session *s;

	if (a->nsessions == FIT_SESSIONS_MAX) {
		err_set("byte %zu: more than %d sessions in one file",
		    m->offset, FIT_SESSIONS_MAX);
		return -1;
	}
	if ((a->nsessions & (a->nsessions - 1)) == 0)
		a->session = xrealloc(a->session, (a->nsessions ?
		    2 * a->nsessions : 1) * sizeof *a->session);
	s = &a->session[a->nsessions++];
	s->offset = m->offset;
	s->part = m->part;
	s->end = get_or(m, 253, -1);
	s->start = get_or(m, 2, -1);
	s->sport = get_byte(m, 5);
	s->sub_sport = get_byte(m, 6);
	s->elapsed_ms = get_or(m, 7, -1);
	s->timer_ms = get_or(m, 8, -1);
	s->distance_cm = get_or(m, 9, -1);
	s->avg_hr = get_byte(m, 16);
	s->ascent_m = get_or(m, 22, -1);
	return 0;
}

static int
on_mesg(const struct fit_mesg *m, void *arg)
{
	struct fit_activity *a = arg;
	struct fit_part *pt;

	if (m->global != FIT_MESG_FILE_ID && m->global != FIT_MESG_SESSION &&
	    m->global != FIT_MESG_ACTIVITY &&
	    m->global != FIT_MESG_TIMESTAMP_CORRELATION)
		return 0;
	if ((pt = part_of(a, m)) == NULL)
		return -1;
	switch (m->global) {
	case FIT_MESG_FILE_ID:
		if (pt->type == -1) {
			pt->type = get_byte(m, 0);
			pt->serial = get_or(m, 3, -1);
			pt->created = get_or(m, 4, -1);
		}
		break;
	case FIT_MESG_ACTIVITY:
		pt->act_time = get_or(m, 253, -1);
		pt->act_local = get_or(m, 5, -1);
		break;
	case FIT_MESG_TIMESTAMP_CORRELATION:
		pt->corr_time = get_or(m, 253, -1);
		pt->corr_system = get_or(m, 1, -1);
		break;
	default:
		return add_session(a, m);
	}
	return 0;
}

int
fit_activity_read(const unsigned char *p, size_t n, unsigned flags,
    struct fit_activity *a)
{
	memset(a, 0, sizeof *a);
	if (fit_walk(p, n, flags, on_mesg, a) != 0) {
		fit_activity_free(a);
		return -1;
	}
	return 0;
}

void
fit_activity_free(struct fit_activity *a)
{
	free(a->part);
	free(a->session);
	memset(a, 0, sizeof *a);
}

/* --- times ---------------------------------------------------------------- */

#define ABS(t) ((t) >= (int64_t)FIT_TIME_ABS_MIN)
#define OFFSET_MAX (18 * 3600)   /* time zones span -12:00 to +14:00 */

/* The part of s, else any part, whose test holds; NULL. */
static const struct fit_part *
find_part(const struct fit_activity *a, const struct fit_session *s,
    int (*ok)(const struct fit_part *))
{
	size_t i;

	if (s->part < a->nparts && ok(&a->part[s->part]))
		return &a->part[s->part];
	for (i = 0; i < a->nparts; i++)
		if (ok(&a->part[i]))
			return &a->part[i];
	return NULL;
}

/* Both activity times absolute, a plausible offset between them. */
static int
has_offset(const struct fit_part *p)
{
	int64_t off = p->act_local - p->act_time;

	return ABS(p->act_time) && ABS(p->act_local) && off <= OFFSET_MAX &&
	    off >= -OFFSET_MAX;
}

static int
has_correlation(const struct fit_part *p)
{
	return ABS(p->corr_time) && p->corr_system >= 0 &&
	    !ABS(p->corr_system);
}

/* A relative activity timestamp beside an absolute local one. */
static int
has_relative_local(const struct fit_part *p)
{
	return p->act_time >= 0 && !ABS(p->act_time) && ABS(p->act_local);
}

int
fit_session_when(const struct fit_activity *a, const struct fit_session *s,
    struct fit_when *w)
{
	const struct fit_part *p;
	int64_t t = s->start;

	memset(w, 0, sizeof *w);
	if (t < 0 && s->end >= 0 && (s->elapsed_ms >= 0 || s->timer_ms >= 0))
		t = s->end - (s->elapsed_ms >= 0 ? s->elapsed_ms :
		    s->timer_ms) / 1000;
	if (t < 0) {
		err_set("byte %zu: the session has no start time", s->offset);
		return -1;
	}
	if (!ABS(t)) {
		if ((p = find_part(a, s, has_correlation)) != NULL) {
			t += p->corr_time - p->corr_system;
		} else if ((p = find_part(a, s, has_relative_local)) != NULL) {
			w->have_local = 1;
			w->local = t + (p->act_local - p->act_time) +
			    FIT_EPOCH_UNIX;
			return 0;
		} else {
			err_set("byte %zu: the session's start is a time since "
			    "the device was switched on, and the file has "
			    "nothing to turn it into a date", s->offset);
			return -1;
		}
	}
	w->have_utc = 1;
	w->utc = t + FIT_EPOCH_UNIX;
	if ((p = find_part(a, s, has_offset)) != NULL) {
		w->have_local = 1;
		w->local = w->utc + p->act_local - p->act_time;
	}
	return 0;
}

/* --- names ---------------------------------------------------------------- */

static const char *const file_types[] = {
	[1] = "device", [2] = "settings", [3] = "sport settings",
	[4] = "activity", [5] = "workout", [6] = "course", [7] = "schedules",
	[9] = "weight", [10] = "totals", [11] = "goals",
	[14] = "blood pressure", [15] = "monitoring", [20] = "activity summary",
	[28] = "daily monitoring", [32] = "monitoring", [34] = "segment",
	[35] = "segment list", [40] = "display configuration",
};

static const char *const sports[] = {
	"generic", "running", "cycling", "transition", "fitness equipment",
	"swimming", "basketball", "soccer", "tennis", "american football",
	"training", "walking", "cross-country skiing", "alpine skiing",
	"snowboarding", "rowing", "mountaineering", "hiking", "multisport",
	"paddling", "flying", "e-biking", "motorcycling", "boating", "driving",
	"golf", "hang gliding", "horseback riding", "hunting", "fishing",
	"inline skating", "rock climbing", "sailing", "ice skating",
	"sky diving", "snowshoeing", "snowmobiling", "stand-up paddleboarding",
	"surfing", "wakeboarding", "water skiing", "kayaking", "rafting",
	"windsurfing", "kitesurfing", "tactical", "jumpmaster", "boxing",
	"floor climbing",
};

const char *
fit_file_type_name(int type, char *buf, size_t len)
{
	const size_t n = sizeof file_types / sizeof *file_types;

	if (type >= 0 && (size_t)type < n && file_types[type] != NULL)
		return file_types[type];
	if (type < 0)
		return "unknown";
	snprintf(buf, len, "type %d", type);
	return buf;
}

const char *
fit_sport_name(int sport, char *buf, size_t len)
{
	if (sport >= 0 && (size_t)sport < sizeof sports / sizeof *sports)
		return sports[sport];
	if (sport < 0)
		return "no sport";
	snprintf(buf, len, "sport %d", sport);
	return buf;
}
