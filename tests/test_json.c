/*
 * The readers of Garmin's export JSON files and of the wellness CSVs
 * (intervals.icu, Garmin Connect's sleep report): each fixture in
 * tests/fixtures/garmin-json and tests/fixtures/wellness is sniffed as its
 * format and read into a sink that keeps every entry, whose values are
 * checked one by one (the values no journal stores yet, HRV and body
 * mass, included); then the journal's own import, re-imports, and
 * refusals of malformed or hostile input, each naming the place. Run from
 * the top of the tree.
 */
#include "testutil.h"

#include <time.h>

#include "csv.h"
#include "date.h"
#include "entry.h"
#include "import.h"
#include "store.h"
#include "util.h"

#define GJ "tests/fixtures/garmin-json/"
#define WL "tests/fixtures/wellness/"
#define ACTIVITIES GJ "summarizedActivities.json"
#define SLEEP      GJ "sleepData.json"
#define UDS        GJ "UDSFile_2024-05-01_2024-08-09.json"
#define HEALTH     GJ "2024-05-01_2024-08-09_90000001_healthStatusData.json"
#define BIO        GJ "2024-05-01_2024-08-09_90000001_userBioMetrics.json"
#define HYDRATION  GJ "HydrationLogFile_2024-05-01_2024-08-09.json"
#define ICU        WL "wellness.csv"
#define GSLEEP     WL "garmin-sleep.csv"

/* --- a sink that keeps what it is given -------------------------------- */

struct kept {
	enum entry_kind kind;
	long            line;
	struct run      run;
	struct sleep    sleep;
	struct drink    drink;
	struct checkin  ci;
	char            ext[64], note[128], created[32], source[16];
};

struct cap {
	struct import_sink sink;     /* first */
	struct kept        v[64];
	size_t             n;
};

static void
keep_text(char *dst, size_t n, const char *s)
{
	snprintf(dst, n, "%s", s != NULL ? s : "");
}

static int
cap_put(struct import_sink *s, const struct import_item *it)
{
	struct cap *c = (struct cap *)s;
	struct kept *k;

	assert_true(c->n < sizeof c->v / sizeof c->v[0]);
	k = &c->v[c->n++];
	memset(k, 0, sizeof *k);
	k->kind = it->kind;
	k->line = it->line;
	switch (it->kind) {
	case ENTRY_RUN:
		k->run = *(const struct run *)it->entry;
		keep_text(k->ext, sizeof k->ext, k->run.external_id);
		keep_text(k->note, sizeof k->note, k->run.note);
		keep_text(k->source, sizeof k->source, k->run.source);
		break;
	case ENTRY_SLEEP:
		k->sleep = *(const struct sleep *)it->entry;
		break;
	case ENTRY_DRINK:
		k->drink = *(const struct drink *)it->entry;
		keep_text(k->created, sizeof k->created, k->drink.created_at);
		break;
	case ENTRY_CHECKIN:
		k->ci = *(const struct checkin *)it->entry;
		break;
	default:
		fail_msg("an entry of kind %d", it->kind);
	}
	return 0;
}

static int
day_of(const char *ymd)
{
	int d;

	assert_int_equal(date_parse(ymd, &d), 0);
	return d;
}

static void
set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* The format the table of the process (every format, in the tests) picks
 * for the bytes, as import does. */
static enum csv_format
sniffed(const unsigned char *head, size_t len)
{
	struct csv_header h;
	struct import_probe p;
	enum csv_format best = CSV_FMT_AUTO;
	int score = 0, s, hrc;
	size_t i;

	hrc = csv_peek_header(head, len, 1, &h);
	p.head = head;
	p.len = len;
	p.csv = hrc == 1 ? &h : NULL;
	for (i = 0; import_table[i] != NULL; i++)
		if ((s = import_table[i]->sniff(&p)) > score) {
			score = s;
			best = import_table[i]->id;
		}
	csv_header_free(&h);
	return best;
}

/* Reads the bytes with the format they sniff as (which must be want)
 * into c; the reader's return, the report in *r. */
static int
read_bytes(const char *bytes, size_t n, enum csv_format want, int skip_bad,
    struct cap *c, struct csv_import_report *r)
{
	struct csv_import_opts o;
	struct import_ctx ctx;
	struct import_input in;
	size_t head = n < IMPORT_HEAD_MAX ? n : IMPORT_HEAD_MAX;
	FILE *f = NULL;
	int rc;

	if (n > head)
		assert_non_null(f = fmemopen((void *)(bytes + head), n - head,
		    "rb"));
	assert_int_equal(sniffed((const unsigned char *)bytes, head), want);
	memset(&o, 0, sizeof o);
	o.skip_bad = skip_bad;
	memset(r, 0, sizeof *r);
	buf_init(&r->bad_list);
	buf_init(&r->repeat_list);
	memset(c, 0, sizeof *c);
	c->sink.put = cap_put;
	memset(&ctx, 0, sizeof ctx);
	ctx.o = &o;
	ctx.r = r;
	ctx.sink = &c->sink;
	in.head = (const unsigned char *)bytes;
	in.len = head;
	in.pos = 0;
	in.rest = f;
	rc = import_format_get(want)->read(&ctx, &in);
	if (f != NULL)
		fclose(f);
	return rc;
}

static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long len;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	len = ftell(f);
	rewind(f);
	s = malloc((size_t)len + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)len, f), (size_t)len);
	s[len] = '\0';
	fclose(f);
	*n = (size_t)len;
	return s;
}

static void
read_path(const char *path, enum csv_format want, struct cap *c,
    struct csv_import_report *r)
{
	size_t n;
	char *s = slurp(path, &n);

	if (read_bytes(s, n, want, 0, c, r) != 0)
		fail_msg("%s: %s", path, err_get());
	free(s);
}

/* Reads a text that must be refused; the message in err_get(). */
static void
refused(const char *text, enum csv_format want, size_t puts_before)
{
	struct cap c;
	struct csv_import_report r;

	assert_int_equal(read_bytes(text, strlen(text), want, 0, &c, &r), -1);
	assert_int_equal(c.n, puts_before);
	csv_import_report_free(&r);
}

static void
assert_has(const char *s, const char *part)
{
	if (strstr(s, part) == NULL)
		fail_msg("'%s' lacks '%s'", s, part);
}

/* --- the JSON files ------------------------------------------------------ */

static void
test_activities(void **state)
{
	static const char *const zones[] = { "UTC", "Asia/Tokyo",
	    "America/Los_Angeles" };
	struct cap c;
	struct csv_import_report r;
	size_t z;

	(void)state;
	for (z = 0; z < 3; z++) {
		set_tz(zones[z]);
		read_path(ACTIVITIES, CSV_FMT_GARMIN_JSON, &c, &r);
		assert_int_equal(r.rows, 4);
		assert_int_equal(r.other, 1);
		assert_string_equal(r.sport[0].name, "cycling");
		assert_int_equal(r.accidental, 1);
		assert_int_equal(c.n, 2);
		/* 1012345 cm, 3012345 ms, 8700 cm, from 08:30 local on May 1. */
		assert_int_equal(c.v[0].kind, ENTRY_RUN);
		assert_int_equal(c.v[0].run.distance_m, 10123);
		assert_int_equal(c.v[0].run.duration_s, 3012);
		assert_int_equal(c.v[0].run.climb_m, 87);
		assert_int_equal(c.v[0].run.avg_hr, 152);
		assert_int_equal(c.v[0].run.start_utc, 1714545000);
		assert_int_equal(c.v[0].run.day, day_of("2024-05-01"));
		assert_string_equal(c.v[0].ext, "10234567890");
		assert_string_equal(c.v[0].source, "garmin");
		assert_string_equal(c.v[0].note, "Lyon Running");
		/* 02:15 UTC on May 3 is 19:15 on May 2 where it was run. */
		assert_int_equal(c.v[1].run.distance_m, 5210);
		assert_int_equal(c.v[1].run.duration_s, 1861);
		assert_int_equal(c.v[1].run.climb_m, 210);
		assert_int_equal(c.v[1].run.avg_hr, 141);
		assert_int_equal(c.v[1].run.start_utc, 1714702500);
		assert_int_equal(c.v[1].run.day, day_of("2024-05-02"));
		assert_string_equal(c.v[1].ext, "10234600001");
		csv_import_report_free(&r);
	}
	set_tz("UTC");
}

/* Without startTimeLocal the day is the start's in the local zone. */
static void
test_activity_no_local(void **state)
{
	const char *s = "[{\"summarizedActivitiesExport\":[{\"activityId\":7,"
	    "\"activityType\":\"treadmill_running\",\"startTimeGmt\":"
	    "1714702500000,\"duration\":1800000,\"distance\":500000}]}]";
	struct cap c;
	struct csv_import_report r;

	(void)state;
	set_tz("America/Los_Angeles");
	assert_int_equal(read_bytes(s, strlen(s), CSV_FMT_GARMIN_JSON, 0, &c,
	    &r), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.v[0].run.day, day_of("2024-05-02"));
	assert_int_equal(c.v[0].run.climb_m, -1);
	assert_int_equal(c.v[0].run.avg_hr, 0);
	csv_import_report_free(&r);
	set_tz("Asia/Tokyo");
	assert_int_equal(read_bytes(s, strlen(s), CSV_FMT_GARMIN_JSON, 0, &c,
	    &r), 0);
	assert_int_equal(c.v[0].run.day, day_of("2024-05-03"));
	csv_import_report_free(&r);
	set_tz("UTC");
}

static void
test_sleep(void **state)
{
	struct cap c;
	struct csv_import_report r;

	(void)state;
	read_path(SLEEP, CSV_FMT_GARMIN_JSON, &c, &r);
	assert_int_equal(r.rows, 3);
	assert_int_equal(r.kind, CSV_SLEEP);
	assert_int_equal(c.n, 2);
	/* 5400 + 14700 + 5580 s; overall score 83. */
	assert_int_equal(c.v[0].kind, ENTRY_SLEEP);
	assert_int_equal(c.v[0].sleep.day, day_of("2024-05-02"));
	assert_int_equal(c.v[0].sleep.minutes, 428);
	assert_int_equal(c.v[0].sleep.quality, 4);
	/* No stages: the window 22:00 to 05:30; no score. */
	assert_int_equal(c.v[1].sleep.day, day_of("2024-05-03"));
	assert_int_equal(c.v[1].sleep.minutes, 450);
	assert_int_equal(c.v[1].sleep.quality, 0);
	csv_import_report_free(&r);
}

static void
test_wellness_values(void **state)
{
	struct cap c;
	struct csv_import_report r;

	(void)state;
	read_path(UDS, CSV_FMT_GARMIN_JSON, &c, &r);
	assert_int_equal(r.rows, 3);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.v[0].kind, ENTRY_CHECKIN);
	assert_int_equal(c.v[0].ci.day, day_of("2024-05-02"));
	assert_int_equal(c.v[0].ci.rhr, 47);
	assert_int_equal(c.v[0].ci.fatigue, 0);
	assert_int_equal(c.v[1].ci.day, day_of("2024-05-03"));
	assert_int_equal(c.v[1].ci.rhr, 50);
	csv_import_report_free(&r);

	read_path(HEALTH, CSV_FMT_GARMIN_JSON, &c, &r);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.v[0].ci.day, day_of("2024-05-02"));
	assert_int_equal(c.v[0].ci.hrv_ms, 62);
	assert_int_equal(c.v[0].ci.rhr, 0);
	assert_int_equal(c.v[1].ci.day, day_of("2024-05-03"));
	assert_int_equal(c.v[1].ci.hrv_ms, 57);
	csv_import_report_free(&r);

	read_path(BIO, CSV_FMT_GARMIN_JSON, &c, &r);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.v[0].ci.day, day_of("2024-05-02"));
	assert_int_equal(c.v[0].ci.mass_g, 71450);
	assert_int_equal(c.v[1].ci.day, day_of("2024-05-04"));
	assert_int_equal(c.v[1].ci.mass_g, 71080);
	csv_import_report_free(&r);
}

static void
test_hydration(void **state)
{
	struct cap c;
	struct csv_import_report r;

	(void)state;
	read_path(HYDRATION, CSV_FMT_GARMIN_JSON, &c, &r);
	assert_int_equal(r.rows, 5);
	assert_int_equal(r.kind, CSV_HYDRATION);
	/* The sweat-loss estimate and the -250 ml removal are left out. */
	assert_int_equal(c.n, 3);
	assert_int_equal(c.v[0].kind, ENTRY_DRINK);
	assert_int_equal(c.v[0].drink.day, day_of("2024-05-02"));
	assert_int_equal(c.v[0].drink.volume_ml, 500);
	assert_string_equal(c.v[0].created, "2024-05-02 08:15:00");
	assert_int_equal(c.v[1].drink.volume_ml, 500);
	assert_string_equal(c.v[1].created, "2024-05-02 16:45:00");
	assert_int_equal(c.v[2].drink.day, day_of("2024-05-03"));
	assert_int_equal(c.v[2].drink.volume_ml, 750);
	csv_import_report_free(&r);
}

/* A long activities file is streamed, record by record. */
static void
test_many_records(void **state)
{
	struct buf b;
	struct cap *c = malloc(sizeof *c);
	struct csv_import_report r;
	int i;

	(void)state;
	assert_non_null(c);
	buf_init(&b);
	buf_adds(&b, "[\n{\"summarizedActivitiesExport\":[\n");
	for (i = 0; i < 20000; i++)
		buf_printf(&b, "%s{\"activityId\":%d,\"activityType\":\"cycling\","
		    "\"startTimeGmt\":1714545000000,\"duration\":3000000,"
		    "\"distance\":1000000,\"splits\":[{\"a\":[1,2,3]}]}\n",
		    i ? "," : "", i);
	buf_adds(&b, "]}]");
	assert_int_equal(read_bytes(b.data, b.len, CSV_FMT_GARMIN_JSON, 0, c,
	    &r), 0);
	assert_int_equal(r.rows, 20000);
	assert_int_equal(r.other, 20000);
	csv_import_report_free(&r);
	buf_free(&b);
	free(c);
}

static void
test_json_refusals(void **state)
{
	struct buf b;
	int i;

	(void)state;
	/* Cut in the middle of the second record. */
	refused("[{\"calendarDate\":\"2024-05-02\",\"restingHeartRate\":47},\n"
	    "{\"calendarDate\":\"2024-05-03\",\"restingHea", CSV_FMT_GARMIN_JSON, 1);
	assert_has(err_get(), "line 2 (byte ");
	assert_has(err_get(), "not well-formed JSON");
	/* Nested too deep. */
	buf_init(&b);
	buf_adds(&b, "[{\"calendarDate\":\"2024-05-02\",\"restingHeartRate\":47,"
	    "\"x\":");
	for (i = 0; i < 40; i++)
		buf_adds(&b, "[");
	refused(b.data, CSV_FMT_GARMIN_JSON, 0);
	assert_has(err_get(), "nested more than 32 deep");
	/* A string longer than any field. */
	buf_clear(&b);
	buf_adds(&b, "[{\"calendarDate\":\"2024-05-02\",\"restingHeartRate\":47,"
	    "\"x\":\"");
	for (i = 0; i < 70000; i++)
		buf_addc(&b, 'a');
	buf_adds(&b, "\"}]");
	refused(b.data, CSV_FMT_GARMIN_JSON, 0);
	assert_has(err_get(), "a string or number longer than 65536 bytes");
	buf_free(&b);
	/* A day that is no date, a time that is no time. */
	refused("[{\"calendarDate\":\"2024-02-30\",\"restingHeartRate\":47}]",
	    CSV_FMT_GARMIN_JSON, 0);
	assert_has(err_get(), "calendarDate '2024-02-30': expected a date");
	refused("[{\"calendarDate\":\"2024-05-02\",\"deepSleepSeconds\":60,"
	    "\"sleepStartTimestampGMT\":\"yesterday\"}]", CSV_FMT_GARMIN_JSON, 0);
	assert_has(err_get(), "sleepStartTimestampGMT 'yesterday'");
	/* A run without an id or a time. */
	refused("[{\"summarizedActivitiesExport\":[{\"activityType\":\"running\","
	    "\"distance\":500000,\"duration\":1800000}]}]", CSV_FMT_GARMIN_JSON, 0);
	assert_has(err_get(), "without startTimeGmt");
	/* Not a list of records. */
	refused("{\"calendarDate\":\"2024-05-02\",\"restingHeartRate\":47}",
	    CSV_FMT_GARMIN_JSON, 0);
	assert_has(err_get(), "not a list of records");
}

/* Some daily summaries name the day's resting HR only this way. */
static void
test_uds_current_day(void **state)
{
	const char *s = "[{\"calendarDate\":\"2024-05-02\","
	    "\"currentDayRestingHeartRate\":49,\"totalSteps\":100}]";
	struct cap c;
	struct csv_import_report r;

	(void)state;
	assert_int_equal(read_bytes(s, strlen(s), CSV_FMT_GARMIN_JSON, 0, &c,
	    &r), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.v[0].ci.rhr, 49);
	csv_import_report_free(&r);
}

/* Other JSON is not taken for Garmin's. */
static void
test_json_sniff(void **state)
{
	static const char *const other[] = {
		"[{\"a\":1}]", "{\"calendarDate\":1}", "calendarDate,restingHeartRate\n",
		"[{\"calendarDate\":\"2024-05-02\",\"steps\":100}]",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof other / sizeof other[0]; i++)
		assert_int_not_equal(sniffed((const unsigned char *)other[i],
		    strlen(other[i])), CSV_FMT_GARMIN_JSON);
}

/* --- the wellness CSVs --------------------------------------------------- */

static void
test_intervals(void **state)
{
	struct cap c;
	struct csv_import_report r;

	(void)state;
	read_path(ICU, CSV_FMT_INTERVALS, &c, &r);
	assert_int_equal(r.rows, 3);
	assert_int_equal(c.n, 6);
	/* 2024-05-02: sleepQuality 2, fatigue 3, soreness 2, stress 1, mood 2. */
	assert_int_equal(c.v[0].kind, ENTRY_SLEEP);
	assert_int_equal(c.v[0].line, 2);
	assert_int_equal(c.v[0].sleep.day, day_of("2024-05-02"));
	assert_int_equal(c.v[0].sleep.minutes, 428);
	assert_int_equal(c.v[0].sleep.quality, 4);
	assert_int_equal(c.v[1].kind, ENTRY_CHECKIN);
	assert_int_equal(c.v[1].ci.day, day_of("2024-05-02"));
	assert_int_equal(c.v[1].ci.fatigue, 7);
	assert_int_equal(c.v[1].ci.soreness, 4);
	assert_int_equal(c.v[1].ci.stress, 1);
	assert_int_equal(c.v[1].ci.mood, 4);
	assert_int_equal(c.v[1].ci.rhr, 47);
	assert_int_equal(c.v[1].ci.hrv_ms, 62);
	assert_int_equal(c.v[1].ci.mass_g, 71450);
	/* 2024-05-03: sleepQuality 3, fatigue 2, soreness 1, stress 2, mood 1. */
	assert_int_equal(c.v[2].sleep.minutes, 450);
	assert_int_equal(c.v[2].sleep.quality, 3);
	assert_int_equal(c.v[3].ci.fatigue, 4);
	assert_int_equal(c.v[3].ci.soreness, 2);
	assert_int_equal(c.v[3].ci.stress, 2);
	assert_int_equal(c.v[3].ci.mood, 5);
	assert_int_equal(c.v[3].ci.hrv_ms, 58);
	assert_int_equal(c.v[3].ci.mass_g, 0);
	/* 2024-05-04: sleepScore 74 only; weight without a rating. */
	assert_int_equal(c.v[4].sleep.day, day_of("2024-05-04"));
	assert_int_equal(c.v[4].sleep.minutes, 405);
	assert_int_equal(c.v[4].sleep.quality, 3);
	assert_int_equal(c.v[5].ci.fatigue, 0);
	assert_int_equal(c.v[5].ci.mass_g, 71080);
	assert_int_equal(c.v[5].ci.rhr, 0);
	csv_import_report_free(&r);
}

static void
test_intervals_refusals(void **state)
{
	(void)state;
	refused("id,restingHR,hrv,fatigue\n2024-05-02,47,62,5\n",
	    CSV_FMT_INTERVALS, 0);
	assert_string_equal(err_get(), "line 2, column fatigue: '5': "
	    "intervals.icu rates from 1 to 4");
	refused("date,restingHR,hrv,sleepSecs\n2024-05-02,300,62,1\n",
	    CSV_FMT_INTERVALS, 0);
	assert_has(err_get(), "column restingHR: '300': from 25 to 250 bpm");
	refused("id,restingHR,hrv,weight\n2024-05-02,47,62,1.5\n",
	    CSV_FMT_INTERVALS, 0);
	assert_has(err_get(), "column weight: '1.5': from 20 to 300 kg");
	refused("id,restingHR,hrv,weight\n02/05/2024,47,62,70\n",
	    CSV_FMT_INTERVALS, 0);
	assert_has(err_get(), "line 2, column id: '02/05/2024'");
}

static void
test_garmin_sleep(void **state)
{
	struct cap c;
	struct csv_import_report r;

	(void)state;
	setenv("RUNLOG_TODAY", "2026-11-25", 1);
	read_path(GSLEEP, CSV_FMT_GARMIN_SLEEP, &c, &r);
	assert_int_equal(r.rows, 4);
	assert_int_equal(c.n, 6);
	assert_int_equal(c.v[0].sleep.day, day_of("2025-11-07"));
	assert_int_equal(c.v[0].sleep.minutes, 475);
	assert_int_equal(c.v[0].sleep.quality, 4);
	assert_int_equal(c.v[1].kind, ENTRY_CHECKIN);
	assert_int_equal(c.v[1].ci.day, day_of("2025-11-07"));
	assert_int_equal(c.v[1].ci.rhr, 53);
	assert_int_equal(c.v[2].sleep.day, day_of("2025-11-06"));
	assert_int_equal(c.v[2].sleep.minutes, 400);
	assert_int_equal(c.v[2].sleep.quality, 3);
	assert_int_equal(c.v[3].ci.rhr, 55);
	/* Nov 5 has no duration: skipped. */
	assert_int_equal(c.v[4].sleep.day, day_of("2025-11-04"));
	assert_int_equal(c.v[4].sleep.minutes, 482);
	assert_int_equal(c.v[4].sleep.quality, 5);
	csv_import_report_free(&r);

	/* A date without a year: the latest such day not after today. */
	{
		const char *s = "Sleep Score 4 Weeks,Score,Quality,Duration\n"
		    "Nov 24,85,,7h 0min\nDec 24,55,,6h\n";
		assert_int_equal(read_bytes(s, strlen(s), CSV_FMT_GARMIN_SLEEP, 0,
		    &c, &r), 0);
		assert_int_equal(c.n, 2);
		assert_int_equal(c.v[0].sleep.day, day_of("2026-11-24"));
		assert_int_equal(c.v[0].sleep.quality, 4);
		assert_int_equal(c.v[1].sleep.day, day_of("2025-12-24"));
		assert_int_equal(c.v[1].sleep.minutes, 360);
		assert_int_equal(c.v[1].sleep.quality, 2);
		csv_import_report_free(&r);
	}
	refused("Sleep Score 4 Weeks,Score,Quality,Duration\n"
	    "2025-11-07,88,Good,25h 0min\n", CSV_FMT_GARMIN_SLEEP, 0);
	assert_has(err_get(), "line 2, column Duration: '25h 0min'");
}

/* --- through the journal ------------------------------------------------- */

static int
import_file(struct store *st, const char *path, int skip_bad,
    struct csv_import_report *r)
{
	struct csv_import_opts o;
	FILE *f = fopen(path, "rb");
	int rc;

	assert_non_null(f);
	memset(&o, 0, sizeof o);
	o.skip_bad = skip_bad;
	o.label = "test";
	rc = csv_import(st, f, &o, 0, r);
	fclose(f);
	return rc;
}

static void
test_journal(void **state)
{
	static const char *const files[] = { ACTIVITIES, SLEEP, HYDRATION };
	static const size_t added[] = { 2, 2, 3 };
	struct csv_import_report r;
	struct store *st;
	size_t i;

	(void)state;
	setenv("RUNLOG_TODAY", "2026-11-25", 1);
	assert_int_equal(store_open_memory(&st), 0);
	for (i = 0; i < 3; i++) {
		assert_int_equal(import_file(st, files[i], 0, &r), 0);
		assert_int_equal(r.format, CSV_FMT_GARMIN_JSON);
		assert_int_equal(r.added, added[i]);
		csv_import_report_free(&r);
	}
	assert_int_equal(store_count(st, ENTRY_RUN), 2);
	assert_int_equal(store_count(st, ENTRY_SLEEP), 2);
	assert_int_equal(store_count(st, ENTRY_DRINK), 3);
	for (i = 0; i < 3; i++) {
		assert_int_equal(import_file(st, files[i], 0, &r), 0);
		assert_int_equal(r.added, 0);
		assert_int_equal(r.already, added[i]);
		csv_import_report_free(&r);
	}
	assert_int_equal(store_count(st, ENTRY_RUN), 2);
	assert_int_equal(store_count(st, ENTRY_DRINK), 3);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_activities),
		cmocka_unit_test(test_activity_no_local),
		cmocka_unit_test(test_sleep),
		cmocka_unit_test(test_wellness_values),
		cmocka_unit_test(test_hydration),
		cmocka_unit_test(test_many_records),
		cmocka_unit_test(test_json_refusals),
		cmocka_unit_test(test_json_sniff),
		cmocka_unit_test(test_uds_current_day),
		cmocka_unit_test(test_intervals),
		cmocka_unit_test(test_intervals_refusals),
		cmocka_unit_test(test_garmin_sleep),
		cmocka_unit_test(test_journal),
	};

	set_tz("UTC");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
