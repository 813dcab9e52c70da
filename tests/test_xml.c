/*
 * The GPX and TCX readers: the real files in tests/fixtures/gpx and
 * tests/fixtures/tcx against values computed independently
 * (tests/fixtures/gpx/expected.py), the local day in more than one time
 * zone, re-imports, other sports, accidental recordings, the quirks of
 * exporters, and refusals of malformed or hostile files, each naming the
 * place. Run from the top of the tree.
 */
#include "testutil.h"

#include <time.h>

#include "csv.h"
#include "date.h"
#include "entry.h"
#include "import.h"
#include "store.h"
#include "util.h"

#define FIX "tests/fixtures/"
#define CERKNICA FIX "gpx/cerknicko-jezero.gpx"
#define BIKING FIX "gpx/garmin-tpx-road-biking.gpx"
#define TCX_RUN FIX "tcx/garmin-running-lap.tcx"

/* expected.py on cerknicko-jezero.gpx: 4575.0 m, 2608.0 s, climb 208.1 m. */
#define CERKNICA_M       4575
#define CERKNICA_S       2608
#define CERKNICA_CLIMB   208
#define CERKNICA_START   1281018239   /* 2010-08-05T14:23:59Z */
/* The TCX lap: 1609.34399414 m, 608.47 s, 139 bpm; the track (expected.py):
 * device distance 311.8 m, 122.0 s moving, climb 37.0 m, mean HR 73.6. */
#define TCX_LAP_M        1609
#define TCX_LAP_S        608
#define TCX_TRACK_M      312
#define TCX_TRACK_S      122
#define TCX_START        1356557393   /* 2012-12-26T21:29:53Z */

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

/* s with the first occurrence of from replaced by to (freshly allocated). */
static char *
replace(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);
	struct buf b;

	assert_non_null(at);
	buf_init(&b);
	buf_add(&b, s, (size_t)(at - s));
	buf_adds(&b, to);
	buf_adds(&b, at + strlen(from));
	return b.data;
}

static void
set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static struct store *
fresh(void)
{
	struct store *st;

	assert_int_equal(store_open_memory(&st), 0);
	return st;
}

/* Imports the bytes; the report in *r (freed here unless r is given). */
static int
import_bytes(struct store *st, const char *bytes, size_t n, int skip_bad,
    struct csv_import_report *r)
{
	struct csv_import_opts o;
	struct csv_import_report own;
	FILE *f = fmemopen((void *)bytes, n, "rb");
	int rc;

	assert_non_null(f);
	memset(&o, 0, sizeof o);
	o.skip_bad = skip_bad;
	o.label = "test";
	rc = csv_import(st, f, &o, 0, r != NULL ? r : &own);
	if (r == NULL)
		csv_import_report_free(&own);
	fclose(f);
	return rc;
}

static int
import_text(struct store *st, const char *s, struct csv_import_report *r)
{
	return import_bytes(st, s, strlen(s), 0, r);
}

static int
import_path(struct store *st, const char *path, struct csv_import_report *r)
{
	size_t n;
	char *s = slurp(path, &n);
	int rc = import_bytes(st, s, n, 0, r);

	if (rc != 0)
		fprintf(stderr, "%s: %s\n", path, err_get());
	free(s);
	return rc;
}

/* The only run of the journal. */
static struct run
only_run(struct store *st)
{
	struct run *v, out;
	size_t n;

	assert_int_equal(store_runs(st, DATE_MIN, DATE_MAX, &v, &n), 0);
	assert_int_equal(n, 1);
	out = v[0];
	memset(&v[0], 0, sizeof v[0]);
	run_list_free(v, n);
	return out;
}

static void
assert_within(int64_t got, int64_t want, double share, int64_t abs_tol)
{
	double tol = (double)want * share;

	if (tol < (double)abs_tol)
		tol = (double)abs_tol;
	if ((double)llabs(got - want) > tol)
		fail_msg("%lld is not within %.1f of %lld", (long long)got, tol,
		    (long long)want);
}

static int
day_of(const char *ymd)
{
	int d;

	assert_int_equal(date_parse(ymd, &d), 0);
	return d;
}

static void
test_gpx_fixture(void **state)
{
	struct csv_import_report r;
	struct store *st;
	struct run run;

	(void)state;
	set_tz("UTC");
	st = fresh();
	assert_int_equal(import_path(st, CERKNICA, &r), 0);
	assert_int_equal(r.format, CSV_FMT_GPX);
	assert_int_equal(r.added, 1);
	csv_import_report_free(&r);
	run = only_run(st);
	assert_within(run.distance_m, CERKNICA_M, 0.005, 0);
	assert_within(run.duration_s, CERKNICA_S, 0, 2);
	assert_within(run.climb_m, CERKNICA_CLIMB, 0, 1);
	assert_int_equal(run.day, day_of("2010-08-05"));
	assert_int_equal(run.avg_hr, 0);
	assert_string_equal(run.source, "gpx");
	assert_string_equal(run.external_id, "2010-08-05T14:23:59Z");
	assert_string_equal(run.note, "ACTIVE LOG");
	run_free(&run);

	/* Again: nothing new. */
	assert_int_equal(import_path(st, CERKNICA, &r), 0);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.already, 1);
	csv_import_report_free(&r);
	assert_int_equal(store_count(st, ENTRY_RUN), 1);
	store_close(st);

	/* 14:23 UTC is already the next morning in New Zealand. */
	set_tz("Pacific/Auckland");
	st = fresh();
	assert_int_equal(import_path(st, CERKNICA, NULL), 0);
	run = only_run(st);
	assert_int_equal(run.day, day_of("2010-08-06"));
	run_free(&run);
	store_close(st);
	set_tz("UTC");
}

static void
test_tcx_laps(void **state)
{
	struct csv_import_report r;
	struct store *st;
	struct run run;

	(void)state;
	set_tz("America/New_York");
	st = fresh();
	assert_int_equal(import_path(st, TCX_RUN, &r), 0);
	assert_int_equal(r.format, CSV_FMT_TCX);
	assert_int_equal(r.added, 1);
	csv_import_report_free(&r);
	run = only_run(st);
	assert_within(run.distance_m, TCX_LAP_M, 0.005, 0);
	assert_within(run.duration_s, TCX_LAP_S, 0, 2);
	assert_int_equal(run.avg_hr, 139);
	assert_int_equal(run.climb_m, 37);
	assert_int_equal(run.day, day_of("2012-12-26"));
	assert_string_equal(run.source, "tcx");
	assert_string_equal(run.external_id, "2012-12-26T21:29:53Z");
	assert_string_equal(run.note, "Aerobics");
	run_free(&run);
	assert_int_equal(import_path(st, TCX_RUN, &r), 0);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.already, 1);
	csv_import_report_free(&r);
	store_close(st);

	set_tz("Asia/Tokyo");
	st = fresh();
	assert_int_equal(import_path(st, TCX_RUN, NULL), 0);
	run = only_run(st);
	assert_int_equal(run.day, day_of("2012-12-27"));
	run_free(&run);
	store_close(st);
	set_tz("UTC");
}

/* Without lap totals, the track gives the distance, time and heart rate. */
static void
test_tcx_track_only(void **state)
{
	struct store *st = fresh();
	size_t n;
	char *s = slurp(TCX_RUN, &n), *a, *b, *c;
	struct run run;

	(void)state;
	a = replace(s, "<TotalTimeSeconds>608.47</TotalTimeSeconds>", "");
	b = replace(a, "<DistanceMeters>1609.34399414</DistanceMeters>", "");
	c = replace(b, "<Value>139</Value>", "");
	assert_int_equal(import_text(st, c, NULL), 0);
	run = only_run(st);
	assert_within(run.distance_m, TCX_TRACK_M, 0.005, 0);
	assert_within(run.duration_s, TCX_TRACK_S, 0, 2);
	assert_int_equal(run.avg_hr, 74);
	run_free(&run);
	free(a);
	free(b);
	free(c);
	free(s);
	store_close(st);
}

/* An activity of lap totals only (typed into a web site, or a treadmill
 * without points), whose Id is no time: the first lap's start gives the
 * day. */
static void
test_tcx_laps_only(void **state)
{
	struct store *st = fresh();
	static const char tcx[] =
	    "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\">"
	    "<Id>treadmill-7</Id><Lap StartTime=\"2024-05-01T23:30:00Z\">"
	    "<TotalTimeSeconds>1500</TotalTimeSeconds>"
	    "<DistanceMeters>5000.4</DistanceMeters></Lap><Lap>"
	    "<TotalTimeSeconds>300</TotalTimeSeconds>"
	    "<DistanceMeters>1000</DistanceMeters></Lap></Activity>"
	    "</Activities></TrainingCenterDatabase>";
	static const char half[] =
	    "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\">"
	    "<Lap><Track><Trackpoint><Time>2024-05-01T06:30:00Z</Time>"
	    "<Position><LatitudeDegrees>45</LatitudeDegrees>"
	    "<LongitudeDegrees>14</LongitudeDegrees></Position></Trackpoint>"
	    "<Trackpoint><Time>2024-05-01T06:30:30Z</Time><Position>"
	    "<LatitudeDegrees>45.001</LatitudeDegrees></Position></Trackpoint>"
	    "<Trackpoint><Time>2024-05-01T06:31:00Z</Time><Position>"
	    "<LatitudeDegrees>45.002</LatitudeDegrees>"
	    "<LongitudeDegrees>14</LongitudeDegrees></Position></Trackpoint>"
	    "</Track></Lap></Activity></Activities></TrainingCenterDatabase>";
	struct run run;

	(void)state;
	set_tz("Europe/Berlin");
	assert_int_equal(import_text(st, tcx, NULL), 0);
	run = only_run(st);
	assert_int_equal(run.distance_m, 6000);
	assert_int_equal(run.duration_s, 1800);
	assert_int_equal(run.day, day_of("2024-05-02"));
	assert_int_equal(run.climb_m, -1);
	assert_int_equal(run.avg_hr, 0);
	assert_string_equal(run.external_id, "treadmill-7");
	run_free(&run);
	store_close(st);
	set_tz("UTC");

	/* A point with half a position is no position. */
	st = fresh();
	assert_int_equal(import_text(st, half, NULL), 0);
	run = only_run(st);
	assert_within(run.distance_m, 222, 0.005, 0);
	assert_int_equal(run.duration_s, 60);
	run_free(&run);
	store_close(st);
}

/* Two activities in one file, one of another sport. */
static void
test_tcx_activities_and_sports(void **state)
{
	struct csv_import_report r;
	struct store *st = fresh();
	size_t n;
	char *s = slurp(TCX_RUN, &n), *act, *two, *bike;
	const char *from = strstr(s, "<Activity ");
	const char *to = strstr(s, "</Activities>");
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_add(&b, from, (size_t)(to - from));
	act = replace(b.data, "<Id>2012-12-26T21:29:53Z</Id>",
	    "<Id>2012-12-27T08:00:00Z</Id>");
	bike = replace(act, "Sport=\"Running\"", "Sport=\"Biking\"");
	buf_clear(&b);
	buf_add(&b, s, (size_t)(to - s));
	buf_adds(&b, act);
	buf_adds(&b, bike);
	buf_adds(&b, to);
	two = b.data;
	assert_int_equal(import_text(st, two, &r), 0);
	assert_int_equal(r.rows, 3);
	assert_int_equal(r.added, 2);
	assert_int_equal(r.other, 1);
	assert_string_equal(r.sport[0].name, "Biking");
	csv_import_report_free(&r);
	assert_int_equal(store_count(st, ENTRY_RUN), 2);
	free(act);
	free(bike);
	free(two);
	free(s);
	store_close(st);
}

static void
test_gpx_types(void **state)
{
	struct csv_import_report r;
	struct store *st = fresh();
	size_t n;
	char *s = slurp(CERKNICA, &n), *t;
	static const char *const runs[] = { "9", "running", "Trail Run",
		"TRAIL_RUNNING" };
	size_t i;

	(void)state;
	assert_int_equal(import_path(st, BIKING, &r), 0);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.other, 1);
	assert_string_equal(r.sport[0].name, "road_biking");
	csv_import_report_free(&r);
	/* As a run it would be a one-second recording (its points jump
	 * hundreds of kilometres, then pause): accidental. */
	t = slurp(BIKING, &n);
	{
		char *u = replace(t, "road_biking", "running");
		assert_int_equal(import_text(st, u, &r), 0);
		assert_int_equal(r.added, 0);
		assert_int_equal(r.accidental, 1);
		csv_import_report_free(&r);
		free(u);
	}
	free(t);
	for (i = 0; i < sizeof runs / sizeof runs[0]; i++) {
		char *ty = xasprintf("<name>ACTIVE LOG</name><type>%s</type>",
		    runs[i]);
		struct store *one = fresh();
		t = replace(s, "<name>ACTIVE LOG</name>", ty);
		assert_int_equal(import_text(one, t, &r), 0);
		assert_int_equal(r.added, 1);
		csv_import_report_free(&r);
		store_close(one);
		free(t);
		free(ty);
	}
	t = replace(s, "<name>ACTIVE LOG</name>",
	    "<name>ACTIVE LOG</name><type>hiking</type>");
	assert_int_equal(import_text(st, t, &r), 0);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.other, 1);
	csv_import_report_free(&r);
	free(t);
	free(s);
	store_close(st);
}

/* Strava writes white space before "<?xml"; some tools a byte-order mark. */
static void
test_leading_space_and_bom(void **state)
{
	size_t n;
	char *s = slurp(CERKNICA, &n), *t, *bad;
	struct store *st = fresh();
	struct run run;

	(void)state;
	t = xasprintf("\xEF\xBB\xBF\n\n   %s", s);
	assert_int_equal(import_text(st, t, NULL), 0);
	run = only_run(st);
	assert_within(run.distance_m, CERKNICA_M, 0.005, 0);
	run_free(&run);
	/* An error's line and column are those of the file, spaces and all. */
	bad = xasprintf("\n\n   <?xml version=\"1.0\"?>\n<gpx><trk></gpx>\n");
	assert_int_equal(import_text(st, bad, NULL), -1);
	assert_non_null(strstr(err_get(), "line 4, column 13"));
	assert_non_null(strstr(err_get(), "mismatched tag"));
	free(bad);
	bad = xasprintf("  <?xml version=\"1.0\"?><gpx><trk></gpx>\n");
	assert_int_equal(import_text(st, bad, NULL), -1);
	assert_non_null(strstr(err_get(), "line 1, column 36"));
	free(bad);
	free(t);
	free(s);
	store_close(st);
}

static void
test_sniff(void **state)
{
	const struct import_format *gpx = import_format_get(CSV_FMT_GPX);
	const struct import_format *tcx = import_format_get(CSV_FMT_TCX);
	static const struct { const char *s; int g, t; } cases[] = {
		{ "<gpx version=\"1.1\">", 100, 0 },
		{ "\xEF\xBB\xBF \n<?xml version=\"1.0\"?>\n<!-- a > b -->\n"
		  "<gpx>", 100, 0 },
		{ "<?xml version='1.0'?><TrainingCenterDatabase xmlns=\"x\">",
		  0, 100 },
		{ "<tc2:TrainingCenterDatabase>", 0, 100 },
		{ "<gpxfoo>", 0, 0 },
		{ "<kml><gpx>", 0, 0 },
		{ "Activity ID,Activity Date\n", 0, 0 },
		{ "<!-- never closed", 0, 0 },
		{ "<!DOCTYPE gpx [<!ENTITY a \"<b>\">]>\n<gpx>", 100, 0 },
		{ "", 0, 0 },
	};
	struct import_probe p;
	size_t i;

	(void)state;
	assert_non_null(gpx);
	assert_non_null(tcx);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&p, 0, sizeof p);
		p.head = (const unsigned char *)cases[i].s;
		p.len = strlen(cases[i].s);
		assert_int_equal(gpx->sniff(&p), cases[i].g);
		assert_int_equal(tcx->sniff(&p), cases[i].t);
	}
}

/* Under 100 m or under a minute: counted, skipped, never fatal. */
static void
test_accidental(void **state)
{
	struct csv_import_report r;
	struct store *st = fresh();
	static const char gpx[] =
	    "<gpx><trk><type>running</type><trkseg>"
	    "<trkpt lat=\"45.0\" lon=\"14.0\"><time>2024-05-01T06:30:00Z</time>"
	    "</trkpt><trkpt lat=\"45.0004\" lon=\"14.0\">"
	    "<time>2024-05-01T06:30:30Z</time></trkpt></trkseg></trk></gpx>";
	size_t n;
	char *s = slurp(TCX_RUN, &n), *t;

	(void)state;
	assert_int_equal(import_text(st, gpx, &r), 0);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.accidental, 1);
	csv_import_report_free(&r);
	t = replace(s, "<DistanceMeters>1609.34399414</DistanceMeters>",
	    "<DistanceMeters>0.0</DistanceMeters>");
	assert_int_equal(import_text(st, t, &r), 0);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.accidental, 1);
	csv_import_report_free(&r);
	assert_int_equal(store_count(st, ENTRY_RUN), 0);
	free(t);
	free(s);
	store_close(st);
}

/* The heart rate of Garmin's extension, pauses left out of the time. */
static void
test_gpx_hr_and_pause(void **state)
{
	struct store *st = fresh();
	static const char gpx[] =
	    "<?xml version=\"1.0\"?>\n<gpx xmlns:gpxtpx=\"x\"><trk><trkseg>\n"
	    "<trkpt lat=\"45.0\" lon=\"14.0\"><time>2024-05-01T06:30:00Z</time>"
	    "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>100</gpxtpx:hr>"
	    "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
	    "<trkpt lat=\"45.001\" lon=\"14.0\">"
	    "<time>2024-05-01T06:31:00Z</time>"
	    "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>110</gpxtpx:hr>"
	    "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
	    /* A five-minute stop, then on. */
	    "<trkpt lat=\"45.002\" lon=\"14.0\">"
	    "<time>2024-05-01T06:36:00Z</time>"
	    "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr>"
	    "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
	    "</trkseg><trkseg>\n"
	    /* A new segment far away: no distance, no time across. */
	    "<trkpt lat=\"46.0\" lon=\"14.0\"><time>2024-05-01T07:00:00Z</time>"
	    "</trkpt><trkpt lat=\"46.001\" lon=\"14.0\">"
	    "<time>2024-05-01T07:00:30.5Z</time></trkpt>\n"
	    "</trkseg></trk></gpx>\n";
	struct run run;

	(void)state;
	assert_int_equal(import_text(st, gpx, NULL), 0);
	run = only_run(st);
	/* 3 x 0.001 degrees of latitude: 3 x 111.195 m. */
	assert_within(run.distance_m, 334, 0.005, 0);
	assert_within(run.duration_s, 90, 0, 1);
	assert_int_equal(run.avg_hr, 110);
	assert_int_equal(run.climb_m, -1);
	run_free(&run);
	store_close(st);
}

/* A sink that keeps the runs a reader hands over. */
struct capture {
	struct import_sink sink;
	struct run         runs[4];
	long               line[4];
	size_t             n;
};

static int
capture_put(struct import_sink *s, const struct import_item *it)
{
	struct capture *c = (struct capture *)s;
	struct run *r = it->entry;

	assert_int_equal(it->kind, ENTRY_RUN);
	assert_true(c->n < 4);
	c->line[c->n] = it->line;
	c->runs[c->n] = *r;
	c->runs[c->n].note = c->runs[c->n].source = NULL;
	c->runs[c->n++].external_id = NULL;
	return 0;
}

/* The reader alone, as a helper process would run it: the UTC start and
 * the line each run starts on go to the sink. */
static void
test_reader_to_sink(void **state)
{
	const struct import_format *f = import_format_get(CSV_FMT_TCX);
	struct csv_import_opts o;
	struct csv_import_report r;
	struct capture cap;
	struct import_ctx c;
	struct import_input in;
	size_t n;
	char *s = slurp(TCX_RUN, &n);

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&r, 0, sizeof r);
	memset(&cap, 0, sizeof cap);
	memset(&c, 0, sizeof c);
	cap.sink.put = capture_put;
	c.o = &o;
	c.r = &r;
	c.sink = &cap.sink;
	in.head = (const unsigned char *)s;
	in.len = n;
	in.pos = 0;
	in.rest = NULL;
	assert_int_equal(f->read(&c, &in), 0);
	assert_int_equal(cap.n, 1);
	assert_int_equal(cap.runs[0].start_utc, TCX_START);
	assert_int_equal(cap.line[0], 4);
	assert_int_equal(r.rows, 1);
	free(s);
}

/* Each refusal names the place; nothing is written. */
static void
test_refusals(void **state)
{
	struct store *st = fresh();
	size_t n, i;
	char *s = slurp(CERKNICA, &n), *t;
	static const struct { const char *text, *want; } bad[] = {
		{ "<gpx><trk><trkseg><trkpt lat=\"x\" lon=\"1\"/></trkseg>"
		  "</trk></gpx>", "line 1: trkpt lat 'x'" },
		{ "<gpx>\n<trk><trkseg><trkpt lat=\"1\" lon=\"1\">\n"
		  "<time>yesterday</time></trkpt></trkseg></trk></gpx>",
		  "line 3: time 'yesterday'" },
		{ "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"1\"><ele>high</ele>"
		  "</trkpt></trkseg></trk></gpx>", "elevation 'high'" },
		{ "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"1\"/>"
		  "<trkpt lat=\"1.1\" lon=\"1\"/></trkseg></trk></gpx>",
		  "without a time" },
		{ "<?xml version=\"1.0\"?>\n"
		  "<!DOCTYPE gpx [<!ENTITY a \"aaaa\">]>\n<gpx>&a;</gpx>",
		  "line 2: a document type declaration" },
		{ "<gpx><trk>", "line 1, column 11: not well-formed XML" },
		{ "<gpx>\n<metadata><time>2024-05-01T06:30:00Z</time>"
		  "</metadata>\n<rte><rtept lat=\"1\" lon=\"1\"/></rte>\n"
		  "</gpx>",
		  "line 4: a GPX file without track points" },
		{ "<gpx>\n<trk>\x01</trk></gpx>", "line 2, column 6: not "
		  "well-formed XML: not well-formed (invalid token)" },
	};

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(import_text(st, bad[i].text, NULL), -1);
		if (strstr(err_get(), bad[i].want) == NULL)
			fail_msg("case %zu: '%s' lacks '%s'", i, err_get(),
			    bad[i].want);
	}
	/* A file cut short in the middle of a point. */
	t = xstrdup(s);
	t[n / 2] = '\0';
	assert_int_equal(import_text(st, t, NULL), -1);
	assert_non_null(strstr(err_get(), "not well-formed XML"));
	free(t);
	/* A run the journal refuses: the message names the track's line. */
	t = replace(s, "<time>2010-08-05T14:23:59Z",
	    "<time>2030-08-05T14:23:59Z");
	assert_int_equal(import_text(st, t, NULL), -1);
	assert_non_null(strstr(err_get(), "line 58"));
	assert_non_null(strstr(err_get(), "2030-08-05"));
	assert_non_null(strstr(err_get(), "future"));
	free(t);
	assert_int_equal(store_count(st, ENTRY_RUN), 0);
	free(s);
	store_close(st);
}

/* Depth, text and points are bounded. */
static void
test_limits(void **state)
{
	struct store *st = fresh();
	struct buf b;
	size_t i;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "<gpx>");
	for (i = 0; i < 70; i++)
		buf_adds(&b, "<extensions>");
	assert_int_equal(import_text(st, b.data, NULL), -1);
	assert_non_null(strstr(err_get(), "nested more than 64 deep"));

	buf_clear(&b);
	buf_adds(&b, "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"1\"><ele>");
	for (i = 0; i < 5000; i++)
		buf_addc(&b, '1');
	buf_adds(&b, "</ele></trkpt></trkseg></trk></gpx>");
	assert_int_equal(import_text(st, b.data, NULL), -1);
	assert_non_null(strstr(err_get(), "longer than 4096 bytes"));

	buf_clear(&b);
	buf_adds(&b, "<gpx><trk><trkseg>");
	for (i = 0; i <= 1000000; i++)
		buf_adds(&b, "<trkpt/>");
	buf_adds(&b, "</trkseg></trk></gpx>");
	assert_int_equal(import_text(st, b.data, NULL), -1);
	assert_non_null(strstr(err_get(), "more than 1000000 track points"));
	buf_free(&b);
	assert_int_equal(store_count(st, ENTRY_RUN), 0);
	store_close(st);
}

/* A bad activity among good ones: listed with skip_bad, the rest lands. */
static void
test_skip_bad(void **state)
{
	struct csv_import_report r;
	struct store *st = fresh();
	size_t n;
	char *s = slurp(TCX_RUN, &n), *bad, *both;
	const char *from = strstr(s, "<Activity ");
	const char *to = strstr(s, "</Activities>");
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_add(&b, from, (size_t)(to - from));
	/* 600 km in ten minutes: over the journal's range. */
	bad = replace(b.data, "<DistanceMeters>1609.34399414</DistanceMeters>",
	    "<DistanceMeters>600000</DistanceMeters>");
	buf_clear(&b);
	buf_add(&b, s, (size_t)(to - s));
	buf_adds(&b, bad);
	buf_adds(&b, to);
	both = replace(b.data, "<Id>2012-12-26T21:29:53Z</Id>\n      <Notes>"
	    "Aerobics</Notes>\n      <Lap StartTime=\"2012-12-26T21:29:53Z\">\n"
	    "        <TotalTimeSeconds>608.47</TotalTimeSeconds>\n"
	    "        <DistanceMeters>600000",
	    "<Id>2012-12-28T07:00:00Z</Id>\n      <Notes>"
	    "Aerobics</Notes>\n      <Lap StartTime=\"2012-12-26T21:29:53Z\">\n"
	    "        <TotalTimeSeconds>608.47</TotalTimeSeconds>\n"
	    "        <DistanceMeters>600000");
	assert_int_equal(import_bytes(st, both, strlen(both), 0, NULL), -1);
	assert_int_equal(store_count(st, ENTRY_RUN), 0);
	assert_int_equal(import_bytes(st, both, strlen(both), 1, &r), 0);
	assert_int_equal(r.added, 1);
	assert_int_equal(r.bad, 1);
	assert_non_null(strstr(r.bad_list.data, "distance"));
	csv_import_report_free(&r);
	buf_free(&b);
	free(bad);
	free(both);
	free(s);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gpx_fixture),
		cmocka_unit_test(test_tcx_laps),
		cmocka_unit_test(test_tcx_track_only),
		cmocka_unit_test(test_tcx_laps_only),
		cmocka_unit_test(test_tcx_activities_and_sports),
		cmocka_unit_test(test_gpx_types),
		cmocka_unit_test(test_leading_space_and_bom),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_accidental),
		cmocka_unit_test(test_gpx_hr_and_pause),
		cmocka_unit_test(test_reader_to_sink),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_skip_bad),
	};

	setenv("RUNLOG_TODAY", "2026-06-15", 1);
	set_tz("UTC");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
