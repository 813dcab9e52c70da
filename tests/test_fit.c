/*
 * The FIT decoder and reader: the real files of tests/fixtures/fit/ give
 * the values of their README (read by another decoder), and files built
 * here, CRCs and all, cover what no fixture holds: big-endian messages,
 * compressed timestamps, developer and odd-sized fields, device times
 * relative to power-on, two runs in one file, damage in every place.
 */
#include "testutil.h"

#include <time.h>

#include "csv.h"
#include "date.h"
#include "fit.h"
#include "import.h"
#include "util.h"

#define FIXTURES "tests/fixtures/fit/"

/* --- a sink that keeps the runs --------------------------------------- */

#define GOT_MAX 8

struct got {
	struct import_sink sink;
	size_t             n;
	struct run         run[GOT_MAX];
	char               id[GOT_MAX][64];
};

static int
got_put(struct import_sink *s, const struct import_item *it)
{
	struct got *g = (struct got *)s;
	const struct run *r = it->entry;

	assert_int_equal(it->kind, ENTRY_RUN);
	assert_true(g->n < GOT_MAX);
	g->run[g->n] = *r;
	g->run[g->n].note = g->run[g->n].source = NULL;
	g->run[g->n].external_id = NULL;
	assert_string_equal(r->source, "fit");
	snprintf(g->id[g->n], sizeof g->id[0], "%s",
	    r->external_id ? r->external_id : "");
	g->n++;
	return 0;
}

/* Reads the n bytes at p as the FIT format does in an import; rc of the
 * reader, the runs in *g, the counts in *r (freed by the caller). */
static int
read_bytes(const unsigned char *p, size_t n, struct got *g,
    struct csv_import_report *r)
{
	const struct import_format *f = import_format_get(CSV_FMT_FIT);
	struct csv_import_opts o;
	struct import_input in;
	struct import_ctx c;
	struct import_probe probe = { p, n, NULL };

	assert_non_null(f);
	memset(g, 0, sizeof *g);
	memset(r, 0, sizeof *r);
	memset(&o, 0, sizeof o);
	memset(&c, 0, sizeof c);
	buf_init(&r->bad_list);
	buf_init(&r->repeat_list);
	g->sink.put = got_put;
	c.o = &o;
	c.r = r;
	c.sink = &g->sink;
	in.head = p;
	in.len = n;
	in.pos = 0;
	in.rest = NULL;
	if (n >= 12 && memcmp(p + 8, ".FIT", 4) == 0 && (p[0] == 12 || p[0] == 14))
		assert_int_equal(f->sniff(&probe), 100);
	return f->read(&c, &in);
}

static unsigned char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b;
	long len;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	len = ftell(f);
	rewind(f);
	b = malloc((size_t)len + 1);
	assert_non_null(b);
	assert_int_equal(fread(b, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return b;
}

static int
read_fixture(const char *name, struct got *g, struct csv_import_report *r)
{
	char path[256];
	unsigned char *b;
	size_t n;
	int rc;

	snprintf(path, sizeof path, FIXTURES "%s", name);
	b = slurp(path, &n);
	rc = read_bytes(b, n, g, r);
	free(b);
	return rc;
}

static int64_t
utc(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	return (int64_t)timegm(&tm);
}

static void
use_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* --- the real files ----------------------------------------------------- */

struct want {
	const char *file;
	int64_t     start;            /* UTC */
	const char *day;
	int64_t     dist_m, time_s;
	int         hr;
	int64_t     climb;
	size_t      other;
};

static void
check_run(const struct want *w, const struct run *r)
{
	char d[16];
	int64_t diff = r->distance_m - w->dist_m;

	/* Distance within 0.5 % and, rounded, to the metre; time within 2 s. */
	assert_true(diff * 200 <= w->dist_m && -diff * 200 <= w->dist_m);
	assert_int_equal(r->distance_m, w->dist_m);
	assert_true(r->duration_s - w->time_s <= 2 && w->time_s - r->duration_s
	    <= 2);
	assert_int_equal(r->start_utc, w->start);
	assert_string_equal(date_format(r->day, d), w->day);
	assert_int_equal(r->avg_hr, w->hr);
	assert_int_equal(r->climb_m, w->climb);
	assert_int_equal(r->type, RUN_OTHER);
}

static void
test_fixture_runs(void **state)
{
	static const struct want wants[] = {
		/* 9008.22 m, 2832 s, offset +2 h, no HR, 64 m up. */
		{ "activity-small-fenix2-run.fit", 0, "2015-08-15", 9008, 2832, 0,
		    64, 0 },
		/* Developer fields; no local offset: the machine's zone (UTC). */
		{ "developer-types-sample.fit", 0, "2017-01-17", 6754, 3424, 0, -1,
		    0 },
		/* The triathlon's running leg; the other four legs skipped. */
		{ "sample_mulitple_header.fit", 0, "2018-05-27", 9806, 2851, 176, 2,
		    4 },
	};
	const int64_t starts[] = {
		utc(2015, 8, 15, 14, 45, 8), utc(2017, 1, 17, 17, 6, 47),
		utc(2018, 5, 27, 9, 23, 41),
	};
	struct csv_import_report r;
	struct got g;
	size_t i;

	(void)state;
	use_tz("UTC");
	for (i = 0; i < sizeof wants / sizeof *wants; i++) {
		struct want w = wants[i];
		w.start = starts[i];
		assert_int_equal(read_fixture(w.file, &g, &r), 0);
		assert_int_equal(g.n, 1);
		check_run(&w, &g.run[0]);
		assert_int_equal(r.other, w.other);
		assert_int_equal(r.accidental, 0);
		assert_string_equal(r.not_activity, "");
		csv_import_report_free(&r);
	}
	/* The external id: the device's serial number and the file's time. */
	assert_int_equal(read_fixture(wants[0].file, &g, &r), 0);
	assert_string_equal(g.id[0], "fit:3882015183:808587161");
	csv_import_report_free(&r);
}

static void
test_fixture_triathlon(void **state)
{
	struct csv_import_report r;
	struct got g;
	size_t i, n = 0;

	(void)state;
	assert_int_equal(read_fixture("sample_mulitple_header.fit", &g, &r), 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(r.rows, 5);
	assert_int_equal(r.other, 4);
	for (i = 0; i < r.nsport; i++) {
		n += r.sport[i].n;
		if (strcmp(r.sport[i].name, "transition") == 0)
			assert_int_equal(r.sport[i].n, 2);
		else
			assert_true(strcmp(r.sport[i].name, "swimming") == 0 ||
			    strcmp(r.sport[i].name, "cycling") == 0);
	}
	assert_int_equal(n, 4);
	csv_import_report_free(&r);
}

/* The local day comes from the file's offset, not the machine's zone,
 * when the file gives one; from the machine's zone when it does not. */
static void
test_fixture_local_day(void **state)
{
	struct csv_import_report r;
	struct got g;
	char d[16];

	(void)state;
	/* 09:23 UTC is 23:23 the day before in Honolulu; the watch said +2 h. */
	use_tz("HST10");
	assert_int_equal(read_fixture("sample_mulitple_header.fit", &g, &r), 0);
	assert_string_equal(date_format(g.run[0].day, d), "2018-05-27");
	csv_import_report_free(&r);
	/* 17:06 UTC is 02:06 the next day in Tokyo; the file has no offset. */
	use_tz("JST-9");
	assert_int_equal(read_fixture("developer-types-sample.fit", &g, &r), 0);
	assert_string_equal(date_format(g.run[0].day, d), "2017-01-18");
	assert_int_equal(g.run[0].start_utc, utc(2017, 1, 17, 17, 6, 47));
	csv_import_report_free(&r);
	use_tz("UTC");
}

static void
test_fixture_skipped(void **state)
{
	struct csv_import_report r;
	struct got g;

	(void)state;
	/* A bike ride: another sport. */
	assert_int_equal(read_fixture("garmin-edge-500-activity.fit", &g, &r), 0);
	assert_int_equal(g.n, 0);
	assert_int_equal(r.other, 1);
	assert_string_equal(r.sport[0].name, "cycling");
	csv_import_report_free(&r);
	/* 14 s and 6 m; 57 s and 158 m: accidental recordings. */
	assert_int_equal(read_fixture("Activity.fit", &g, &r), 0);
	assert_int_equal(g.n, 0);
	assert_int_equal(r.accidental, 1);
	csv_import_report_free(&r);
	assert_int_equal(read_fixture("garmin-fenix-5-run.fit", &g, &r), 0);
	assert_int_equal(g.n, 0);
	assert_int_equal(r.accidental, 1);
	assert_int_equal(r.other, 0);
	csv_import_report_free(&r);
	/* Not activities: reported, not refused. */
	assert_int_equal(read_fixture("MonitoringFile.fit", &g, &r), 0);
	assert_int_equal(g.n, 0);
	assert_string_equal(r.not_activity, "a monitoring file, not an activity");
	csv_import_report_free(&r);
	assert_int_equal(read_fixture("Settings.fit", &g, &r), 0);
	assert_int_equal(g.n, 0);
	assert_string_equal(r.not_activity, "a settings file, not an activity");
	csv_import_report_free(&r);
}

static void
test_fixture_refused(void **state)
{
	struct csv_import_report r;
	struct got g;

	(void)state;
	/* A settings file chained after the activity, its signature damaged. */
	assert_int_equal(read_fixture("activity-settings-corruptheader.fit", &g,
	    &r), -1);
	assert_non_null(strstr(err_get(), "byte 779: no \".FIT\" signature"));
	assert_int_equal(g.n, 0);
	csv_import_report_free(&r);
	/* A header that promises more than the file holds. */
	assert_int_equal(read_fixture("activity-unexpected-eof.fit", &g, &r), -1);
	assert_non_null(strstr(err_get(), "byte 768: the file ends early"));
	assert_non_null(strstr(err_get(), "757 bytes of records"));
	csv_import_report_free(&r);
}

/* A file chained to itself gives its run once, the repeat named. */
static void
test_fixture_twice(void **state)
{
	struct csv_import_report r;
	struct got g;
	unsigned char *b, *two;
	size_t n;

	(void)state;
	b = slurp(FIXTURES "activity-small-fenix2-run.fit", &n);
	two = malloc(2 * n);
	assert_non_null(two);
	memcpy(two, b, n);
	memcpy(two + n, b, n);
	assert_int_equal(read_bytes(two, 2 * n, &g, &r), 0);
	assert_int_equal(g.n, 1);
	assert_int_equal(r.rows, 2);
	assert_int_equal(r.repeated, 1);
	assert_string_equal(r.repeat_list.data, "the session at byte 243523 "
	    "repeats the one at byte 121684");
	csv_import_report_free(&r);
	free(two);
	free(b);
}

/* Every prefix of a real file is refused, and every byte changed (CRC
 * checks off, so the records themselves are read) is survived. */
static void
test_fixture_damage(void **state)
{
	struct fit_activity a;
	unsigned char *b;
	size_t n, i;

	(void)state;
	b = slurp(FIXTURES "Activity.fit", &n);
	for (i = 0; i < n; i++) {
		assert_int_equal(fit_activity_read(b, i, 0, &a), -1);
		assert_non_null(strstr(err_get(), "byte "));
	}
	assert_int_equal(fit_activity_read(b, n, 0, &a), 0);
	fit_activity_free(&a);
	for (i = 0; i < n; i++) {
		unsigned char old = b[i];
		int k;
		for (k = 0; k < 3; k++) {
			b[i] = (unsigned char)(k == 0 ? old ^ 0xFF : k == 1 ? 0 : old + 1);
			if (b[i] == old)
				continue;
			if (fit_activity_read(b, n, FIT_NO_CRC, &a) == 0)
				fit_activity_free(&a);
			/* With the CRC checked, any change is refused. */
			assert_int_equal(fit_activity_read(b, n, 0, &a), -1);
		}
		b[i] = old;
	}
	free(b);
}

/* --- files built here ----------------------------------------------------- */

struct fb {
	unsigned char b[2048];
	size_t        n;
	int           big;     /* the architecture of the next definitions */
	int           hcrc;    /* the header CRC to write; -1: the right one */
};

static void
fb_u8(struct fb *f, unsigned v)
{
	assert_true(f->n < sizeof f->b);
	f->b[f->n++] = (unsigned char)v;
}

static void
fb_num(struct fb *f, uint64_t v, unsigned size)
{
	unsigned k;

	for (k = 0; k < size; k++)
		fb_u8(f, (unsigned)(v >> (8 * (f->big ? size - 1 - k : k))));
}

static void
fb_start(struct fb *f, unsigned hs)
{
	memset(f, 0, sizeof *f);
	f->hcrc = -1;
	fb_u8(f, hs);
	fb_u8(f, 0x20);
	fb_u8(f, 0x14);
	fb_u8(f, 0x08);
	f->n += 4;
	memcpy(f->b + f->n, ".FIT", 4);
	f->n += 4;
	if (hs == 14)
		f->n += 2;
}

/* A definition: local type, global number, then n (num, size, base)
 * triples; ndev developer fields of dev_size bytes each after them. */
static void
fb_def(struct fb *f, unsigned local, unsigned global, unsigned ndev,
    unsigned dev_size, unsigned n, const unsigned char (*fields)[3])
{
	unsigned i;

	fb_u8(f, 0x40 | (ndev ? 0x20 : 0) | local);
	fb_u8(f, 0);
	fb_u8(f, (unsigned)f->big);
	fb_num(f, global, 2);
	fb_u8(f, n);
	for (i = 0; i < n; i++) {
		fb_u8(f, fields[i][0]);
		fb_u8(f, fields[i][1]);
		fb_u8(f, fields[i][2]);
	}
	if (ndev) {
		fb_u8(f, ndev);
		for (i = 0; i < ndev; i++) {
			fb_u8(f, i);
			fb_u8(f, dev_size);
			fb_u8(f, 0);
		}
	}
}

/* Sets the data size and both CRCs of the file that starts at byte at. */
static void
fb_finish_at(struct fb *f, size_t at)
{
	size_t hs = f->b[at], data = f->n - at - hs;
	uint16_t crc;
	unsigned k;

	for (k = 0; k < 4; k++)
		f->b[at + 4 + k] = (unsigned char)(data >> (8 * k));
	if (hs == 14) {
		crc = f->hcrc >= 0 ? (uint16_t)f->hcrc : fit_crc(0, f->b + at, 12);
		f->b[at + 12] = (unsigned char)crc;
		f->b[at + 13] = (unsigned char)(crc >> 8);
	}
	crc = fit_crc(0, f->b + at, f->n - at);
	fb_u8(f, crc & 0xFF);
	fb_u8(f, crc >> 8);
}

static void
fb_finish(struct fb *f)
{
	fb_finish_at(f, 0);
}

#define T0 1100000000u   /* a FIT time: 2024-11-08 11:33:20 UTC */
#define T0_UNIX ((int64_t)T0 + FIT_EPOCH_UNIX)

static const unsigned char file_id_fields[][3] = {
	{ 0, 1, 0x00 },      /* type, enum */
	{ 3, 4, 0x8C },      /* serial_number, uint32z */
	{ 4, 4, 0x86 },      /* time_created, uint32 */
};

static void
fb_file_id(struct fb *f, unsigned type, uint32_t serial, uint32_t created)
{
	fb_def(f, 0, FIT_MESG_FILE_ID, 0, 0, 3, file_id_fields);
	fb_u8(f, 0);
	fb_u8(f, type);
	fb_num(f, serial, 4);
	fb_num(f, created, 4);
}

static const unsigned char activity_fields[][3] = {
	{ 253, 4, 0x86 },    /* timestamp */
	{ 5, 4, 0x86 },      /* local_timestamp */
};

static void
fb_activity(struct fb *f, uint32_t time, uint32_t local)
{
	fb_def(f, 2, FIT_MESG_ACTIVITY, 0, 0, 2, activity_fields);
	fb_u8(f, 2);
	fb_num(f, time, 4);
	fb_num(f, local, 4);
}

/* A session with a developer field of 3 bytes, a 3-byte uint16 field and
 * an array of two uint16 among its fields, all to be skipped. */
static const unsigned char session_fields[][3] = {
	{ 253, 4, 0x86 },    /* timestamp */
	{ 2, 4, 0x86 },      /* start_time */
	{ 200, 3, 0x84 },    /* a size that is no multiple of its type */
	{ 5, 1, 0x00 },      /* sport */
	{ 6, 1, 0x00 },      /* sub_sport */
	{ 7, 4, 0x86 },      /* total_elapsed_time, ms */
	{ 8, 4, 0x86 },      /* total_timer_time, ms */
	{ 201, 4, 0x84 },    /* an array of two uint16 */
	{ 9, 4, 0x86 },      /* total_distance, cm */
	{ 16, 1, 0x02 },     /* avg_heart_rate */
	{ 22, 2, 0x84 },     /* total_ascent */
};

static void
fb_session(struct fb *f, uint32_t start, unsigned sport, uint32_t secs,
    uint32_t metres, unsigned hr)
{
	fb_def(f, 1, FIT_MESG_SESSION, 1, 3, 11, session_fields);
	fb_u8(f, 1);
	fb_num(f, start + secs + 30, 4);
	fb_num(f, start, 4);
	fb_num(f, 0xABCDEF, 3);
	fb_u8(f, sport);
	fb_u8(f, 7);
	fb_num(f, (uint64_t)secs * 1000 + 30000, 4);
	fb_num(f, (uint64_t)secs * 1000 + 400, 4);
	fb_num(f, 0x00010002, 4);
	fb_num(f, (uint64_t)metres * 100 + 49, 4);
	fb_u8(f, hr);
	fb_num(f, 123, 2);
	fb_num(f, 0x112233, 3);     /* the developer field */
}

static void
test_built_big_endian(void **state)
{
	struct csv_import_report r;
	struct got g;
	struct fb f;
	char d[16];
	int big;

	(void)state;
	use_tz("UTC");
	for (big = 0; big <= 1; big++) {
		fb_start(&f, 14);
		f.big = big;
		fb_file_id(&f, FIT_FILE_ACTIVITY, 1234567, T0 - 60);
		fb_session(&f, T0, FIT_SPORT_RUNNING, 3000, 10000, 150);
		/* -5 h: 11:33 UTC is 06:33 the same day. */
		fb_activity(&f, T0 + 3100, T0 + 3100 - 5 * 3600);
		fb_finish(&f);
		assert_int_equal(read_bytes(f.b, f.n, &g, &r), 0);
		assert_int_equal(g.n, 1);
		assert_int_equal(g.run[0].distance_m, 10000);
		assert_int_equal(g.run[0].duration_s, 3000);
		assert_int_equal(g.run[0].avg_hr, 150);
		assert_int_equal(g.run[0].climb_m, 123);
		assert_int_equal(g.run[0].start_utc, T0_UNIX);
		assert_string_equal(date_format(g.run[0].day, d), "2024-11-08");
		assert_string_equal(g.id[0], "fit:1234567:1099999940");
		csv_import_report_free(&r);
	}
}

/* Compressed headers: the time counts on from the last full timestamp
 * by its low 5 bits and rolls over every 32 s. */
static int
on_times(const struct fit_mesg *m, void *arg)
{
	uint64_t *t = arg, v;

	if (m->global == 20 && fit_get(m, 253, &v))
		t[t[0]++ + 1] = v;
	return 0;
}

static void
test_built_compressed_timestamps(void **state)
{
	static const unsigned char record_full[][3] = {
		{ 253, 4, 0x86 }, { 3, 1, 0x02 },
	};
	static const unsigned char record_short[][3] = { { 3, 1, 0x02 } };
	static const unsigned char session_short[][3] = {
		{ 5, 1, 0x00 }, { 7, 4, 0x86 }, { 9, 4, 0x86 },
	};
	const uint32_t base = T0 + 30;   /* low 5 bits: 30 */
	const unsigned offs[] = { 31, 31, 2, 30, 1 };
	const uint32_t want[] = { base, base + 1, base + 1, base + 4, base + 32,
		base + 35 };
	uint64_t times[16] = { 0 };
	struct csv_import_report r;
	struct got g;
	struct fb f;
	size_t i;

	(void)state;
	fb_start(&f, 12);
	fb_file_id(&f, FIT_FILE_ACTIVITY, 99, T0);
	fb_def(&f, 0, 20, 0, 0, 2, record_full);
	fb_u8(&f, 0);
	fb_num(&f, base, 4);
	fb_u8(&f, 140);
	fb_def(&f, 3, 20, 0, 0, 1, record_short);
	for (i = 0; i < sizeof offs / sizeof *offs; i++) {
		fb_u8(&f, 0x80 | 3 << 5 | offs[i]);
		fb_u8(&f, 141);
	}
	/* A session whose only time is its compressed header: its end. */
	fb_def(&f, 1, FIT_MESG_SESSION, 0, 0, 3, session_short);
	fb_u8(&f, 0x80 | 1 << 5 | 8);    /* base + 35 -> + 42 */
	fb_u8(&f, FIT_SPORT_RUNNING);
	fb_num(&f, 1200 * 1000, 4);
	fb_num(&f, 400000, 4);
	fb_finish(&f);

	assert_int_equal(fit_walk(f.b, f.n, 0, on_times, times), 0);
	assert_int_equal(times[0], 6);
	for (i = 0; i < 6; i++)
		assert_int_equal(times[i + 1], want[i]);
	use_tz("UTC");
	assert_int_equal(read_bytes(f.b, f.n, &g, &r), 0);
	assert_int_equal(g.n, 1);
	/* No timer: the elapsed time; the start is the end less it. */
	assert_int_equal(g.run[0].duration_s, 1200);
	assert_int_equal(g.run[0].distance_m, 4000);
	assert_int_equal(g.run[0].start_utc, T0_UNIX + 30 + 42 - 1200);
	assert_int_equal(g.run[0].climb_m, -1);
	assert_int_equal(g.run[0].avg_hr, 0);
	csv_import_report_free(&r);
}

/* Device times below 0x10000000 count from power-on. */
static void
test_built_relative_times(void **state)
{
	static const unsigned char corr_fields[][3] = {
		{ 253, 4, 0x86 }, { 1, 4, 0x86 },
	};
	struct csv_import_report r;
	struct got g;
	struct fb f;
	char d[16];

	(void)state;
	use_tz("UTC");
	/* Through the activity: its timestamp is device time, its local
	 * timestamp a wall clock (23:00 local on 2024-11-07). */
	fb_start(&f, 14);
	fb_file_id(&f, FIT_FILE_ACTIVITY, 5, T0);
	fb_session(&f, 1000, FIT_SPORT_RUNNING, 1800, 5000, 0);
	fb_activity(&f, 1000 + 1900, T0 - 45200 + 1900);
	fb_finish(&f);
	assert_int_equal(read_bytes(f.b, f.n, &g, &r), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(date_format(g.run[0].day, d), "2024-11-07");
	assert_int_equal(g.run[0].start_utc, T0_UNIX - 45200);
	csv_import_report_free(&r);
	/* Through a timestamp_correlation: device time 500 is T0. */
	fb_start(&f, 14);
	fb_file_id(&f, FIT_FILE_ACTIVITY, 5, T0);
	fb_def(&f, 3, FIT_MESG_TIMESTAMP_CORRELATION, 0, 0, 2, corr_fields);
	fb_u8(&f, 3);
	fb_num(&f, T0, 4);
	fb_num(&f, 500, 4);
	fb_session(&f, 1000, FIT_SPORT_RUNNING, 1800, 5000, 0);
	fb_finish(&f);
	assert_int_equal(read_bytes(f.b, f.n, &g, &r), 0);
	assert_int_equal(g.run[0].start_utc, T0_UNIX + 500);
	csv_import_report_free(&r);
	/* Nothing to place it: refused, naming the session. */
	fb_start(&f, 14);
	fb_file_id(&f, FIT_FILE_ACTIVITY, 5, T0);
	fb_session(&f, 1000, FIT_SPORT_RUNNING, 1800, 5000, 0);
	fb_finish(&f);
	assert_int_equal(read_bytes(f.b, f.n, &g, &r), -1);
	assert_non_null(strstr(err_get(), "switched on"));
	assert_non_null(strstr(err_get(), "byte "));
	csv_import_report_free(&r);
}

/* A duathlon chained to a settings file: two runs, two ids; then damage. */
static void
test_built_two_runs_chained(void **state)
{
	struct csv_import_report r;
	struct got g;
	struct fb f;
	size_t second;

	(void)state;
	fb_start(&f, 14);
	fb_file_id(&f, FIT_FILE_ACTIVITY, 77, T0);
	fb_session(&f, T0, FIT_SPORT_RUNNING, 1500, 5000, 160);
	fb_session(&f, T0 + 1600, 2, 3600, 40000, 150);
	fb_session(&f, T0 + 5300, FIT_SPORT_RUNNING, 1400, 4500, 170);
	fb_finish(&f);
	second = f.n;
	memcpy(f.b + f.n, f.b, 14);
	f.n += 14;
	fb_file_id(&f, 2, 77, 0);
	fb_finish_at(&f, second);
	assert_int_equal(read_bytes(f.b, f.n, &g, &r), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.id[0], "fit:77:1100000000");
	assert_string_equal(g.id[1], "fit:77:1100000000:2");
	assert_int_equal(g.run[1].distance_m, 4500);
	assert_int_equal(r.other, 1);
	assert_string_equal(r.not_activity, "");
	csv_import_report_free(&r);

	/* The second file's CRC wrong: the whole input is refused. */
	f.b[f.n - 1] ^= 1;
	assert_int_equal(read_bytes(f.b, f.n, &g, &r), -1);
	assert_non_null(strstr(err_get(), "CRC"));
	assert_int_equal(g.n, 0);
	csv_import_report_free(&r);
	f.b[f.n - 1] ^= 1;
	/* A header CRC of 0 is allowed; a wrong one names byte 12. */
	fb_start(&f, 14);
	f.hcrc = 0;
	fb_file_id(&f, FIT_FILE_ACTIVITY, 77, T0);
	fb_session(&f, T0, FIT_SPORT_RUNNING, 1500, 5000, 160);
	fb_finish(&f);
	assert_int_equal(read_bytes(f.b, f.n, &g, &r), 0);
	assert_int_equal(g.n, 1);
	csv_import_report_free(&r);
	f.n = 0;
	fb_start(&f, 14);
	f.hcrc = 0x1234;
	fb_file_id(&f, FIT_FILE_ACTIVITY, 77, T0);
	fb_finish(&f);
	assert_int_equal(read_bytes(f.b, f.n, &g, &r), -1);
	assert_non_null(strstr(err_get(), "byte 12: the file header's CRC is "
	    "1234"));
	csv_import_report_free(&r);
	/* Garbage after the last file. */
	f.hcrc = -1;
	f.n -= 2;
	fb_finish(&f);
	assert_int_equal(read_bytes(f.b, f.n, &g, &r), 0);
	csv_import_report_free(&r);
	memset(f.b + f.n, 0, 5);
	assert_int_equal(read_bytes(f.b, f.n + 5, &g, &r), -1);
	csv_import_report_free(&r);
}

/* Records that lie about their sizes are refused with their byte. */
static void
test_built_bad_records(void **state)
{
	static const unsigned char one[][3] = { { 0, 1, 0x00 } };
	struct fit_activity a;
	struct fb f;

	(void)state;
	/* A data message of a local type never defined. */
	fb_start(&f, 14);
	fb_u8(&f, 0x05);
	fb_u8(&f, 0);
	fb_finish(&f);
	assert_int_equal(fit_activity_read(f.b, f.n, 0, &a), -1);
	assert_string_equal(err_get(), "byte 14: a data message of local type "
	    "5, which no definition message has defined");
	/* An architecture of 2. */
	fb_start(&f, 14);
	fb_def(&f, 0, 0, 0, 0, 1, one);
	f.b[16] = 2;
	fb_finish(&f);
	assert_int_equal(fit_activity_read(f.b, f.n, 0, &a), -1);
	assert_non_null(strstr(err_get(), "byte 16: architecture 2"));
	/* A definition promising more fields than the records hold. */
	fb_start(&f, 14);
	fb_def(&f, 0, 0, 0, 0, 1, one);
	f.b[19] = 40;
	fb_finish(&f);
	assert_int_equal(fit_activity_read(f.b, f.n, 0, &a), -1);
	assert_non_null(strstr(err_get(), "byte 14: the definition message is "
	    "cut short"));
	/* A data message running past the end. */
	fb_start(&f, 14);
	fb_def(&f, 0, 0, 1, 200, 1, one);
	fb_u8(&f, 0);
	fb_u8(&f, 4);
	fb_finish(&f);
	assert_int_equal(fit_activity_read(f.b, f.n, 0, &a), -1);
	assert_non_null(strstr(err_get(), "the data message needs 201 bytes"));
	/* An empty input; a header size of 13. */
	assert_int_equal(fit_activity_read(f.b, 0, 0, &a), -1);
	f.b[0] = 13;
	assert_int_equal(fit_activity_read(f.b, f.n, FIT_NO_CRC, &a), -1);
	assert_non_null(strstr(err_get(), "byte 0: a FIT file header of 13"));
}

static void
test_names(void **state)
{
	char b[24];

	(void)state;
	assert_string_equal(fit_sport_name(1, b, sizeof b), "running");
	assert_string_equal(fit_sport_name(5, b, sizeof b), "swimming");
	assert_string_equal(fit_sport_name(200, b, sizeof b), "sport 200");
	assert_string_equal(fit_file_type_name(2, b, sizeof b), "settings");
	assert_string_equal(fit_file_type_name(8, b, sizeof b), "type 8");
	/* The CRC of the check string "123456789" (CRC-16/ARC). */
	assert_int_equal(fit_crc(0, "123456789", 9), 0xBB3D);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_runs),
		cmocka_unit_test(test_fixture_triathlon),
		cmocka_unit_test(test_fixture_local_day),
		cmocka_unit_test(test_fixture_skipped),
		cmocka_unit_test(test_fixture_refused),
		cmocka_unit_test(test_fixture_twice),
		cmocka_unit_test(test_fixture_damage),
		cmocka_unit_test(test_built_big_endian),
		cmocka_unit_test(test_built_compressed_timestamps),
		cmocka_unit_test(test_built_relative_times),
		cmocka_unit_test(test_built_two_runs_chained),
		cmocka_unit_test(test_built_bad_records),
		cmocka_unit_test(test_names),
	};

	setenv("RUNLOG_TODAY", "2026-11-25", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
