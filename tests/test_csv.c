/*
 * The CSV module: the writer's quoting and neutralising, the reader's
 * handling of real files' quirks, and imports of the fixtures in
 * tests/fixtures/ (run from the top of the tree), each checked to the
 * metre, the second and the day. Bad files must leave the journal as it
 * was.
 */
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "testutil.h"

#include "config.h"
#include "csv.h"
#include "date.h"
#include "import.h"
#include "store.h"
#include "util.h"

#define FIX "tests/fixtures/"

/* --- writer ------------------------------------------------------------ */

/* Runs fn against a writer on a memory stream; returns the bytes. */
static char *
written(void (*fn)(struct csv_writer *))
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	struct csv_writer w;

	assert_non_null(f);
	csv_writer_init(&w, f);
	fn(&w);
	assert_int_equal(csv_writer_finish(&w), 0);
	fclose(f);
	return data;
}

static void
write_cells(struct csv_writer *w)
{
	csv_put_value(w, "date");
	csv_put_text(w, "plain");
	csv_put_text(w, "a,b");
	csv_put_text(w, "say \"hi\"");
	csv_put_text(w, "two\nlines");
	csv_put_text(w, "=SUM(A1)");
	csv_put_text(w, "+1");
	csv_put_text(w, "-x");
	csv_put_text(w, "@cmd");
	csv_put_text(w, "\tTab");
	csv_put_text(w, "\rCR");
	csv_put_text(w, "'=already");
	csv_put_text(w, "'quote");
	csv_put_text(w, " edge ");
	csv_put_text(w, NULL);
	csv_put_int(w, -42);
	csv_put_fixed(w, 10001, 3);
	csv_put_fixed(w, 5, 3);
	csv_put_fixed(w, -1500, 3);
	csv_put_empty(w);
	csv_end_row(w);
	csv_put_value(w, "x");
	csv_end_row(w);
}

static void
test_writer_quotes_and_neutralises(void **state)
{
	char *s = written(write_cells);

	(void)state;
	assert_string_equal(s,
	    "date,plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"'=SUM(A1)\","
	    "\"'+1\",\"'-x\",\"'@cmd\",\"'\tTab\",\"'\rCR\",\"''=already\","
	    "'quote,\" edge \",,-42,10.001,0.005,-1.500,\r\nx\r\n");
	free(s);
}

static void
test_text_restore(void **state)
{
	const char *cases[][2] = {
		{ "'=SUM(A1)", "=SUM(A1)" }, { "'-x", "-x" }, { "''=a", "'=a" },
		{ "'quote", "'quote" }, { "plain", "plain" }, { "'", "'" },
		{ "'\tTab", "\tTab" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[32];
		snprintf(buf, sizeof buf, "%s", cases[i][0]);
		csv_text_restore(buf);
		assert_string_equal(buf, cases[i][1]);
	}
}

/* --- reader ------------------------------------------------------------ */

struct got {
	struct buf text;   /* "line:field|field\n" per record */
	int        stop_after;
	int        n;
};

static int
collect(const struct csv_record *rec, void *arg)
{
	struct got *g = arg;
	size_t i;

	buf_printf(&g->text, "%ld:", rec->line);
	for (i = 0; i < rec->n; i++)
		buf_printf(&g->text, "%s%s", i ? "|" : "", rec->field[i]);
	buf_addc(&g->text, '\n');
	g->n++;
	return g->stop_after && g->n >= g->stop_after ? 1 : 0;
}

/* Reads bytes through csv_read(); the records as text, or NULL on error. */
static char *
read_bytes(const char *bytes, size_t n)
{
	FILE *f = fmemopen((void *)bytes, n, "rb");
	struct got g;
	int rc;

	assert_non_null(f);
	memset(&g, 0, sizeof g);
	buf_init(&g.text);
	buf_adds(&g.text, "");
	rc = csv_read(f, collect, &g);
	fclose(f);
	if (rc != 0) {
		buf_free(&g.text);
		return NULL;
	}
	return g.text.data;
}

static void
test_reader_quirks(void **state)
{
	/* BOM, CRLF, a quoted field with a line break, a blank line, spaces
	 * kept, "" and empty, emoji. */
	static const char in[] = "\xef\xbb\xbf" "a,b,c\r\n"
	    "1,\"two\r\nlines\",3\r\n"
	    "\r\n"
	    " x ,\"\",\n"
	    "\xf0\x9f\x8f\x83,\"q \"\"u\"\" o\",z";
	char *s = read_bytes(in, sizeof in - 1);

	(void)state;
	assert_non_null(s);
	assert_string_equal(s, "1:a|b|c\n2:1|two\r\nlines|3\n5: x ||\n"
	    "6:\xf0\x9f\x8f\x83|q \"u\" o|z\n");
	free(s);
}

static void
test_reader_errors_name_lines(void **state)
{
	static const char quote[] = "a,b\n1,2\n3,\"x\"y\n";
	static const char open[] = "a,b\n1,\"never\nclosed\n";
	static const char nul[] = "a,b\n1,2\n3,\0\n";

	(void)state;
	assert_null(read_bytes(quote, sizeof quote - 1));
	assert_string_equal(err_get(), "line 3: a quote in the wrong place (a "
	    "field must be quoted whole, with inner quotes doubled)");
	assert_null(read_bytes(open, sizeof open - 1));
	assert_string_equal(err_get(), "line 2: a quoted field is never closed");
	assert_null(read_bytes(nul, sizeof nul - 1));
	assert_string_equal(err_get(), "line 3: binary data (a NUL byte); not "
	    "a CSV file");
}

static void
test_reader_bounds(void **state)
{
	size_t n = CSV_FIELD_MAX + 100, i;
	char *big = malloc(n + 10);
	char *s;

	(void)state;
	memcpy(big, "a,b\n1,", 6);
	memset(big + 6, 'x', n);
	s = read_bytes(big, n + 6);
	assert_null(s);
	assert_non_null(strstr(err_get(), "line 2: a field longer than"));
	/* Many tiny fields: the field count bound. */
	for (i = 0; i < n; i++)
		big[i] = ',';
	s = read_bytes(big, n);
	assert_null(s);
	assert_non_null(strstr(err_get(), "line 1: more than 1024 fields"));
	free(big);
}

/* --- values ------------------------------------------------------------ */

static void
test_numbers_and_missing(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(csv_parse_number("10.02", 3, &v), 0);
	assert_int_equal(v, 10020);
	assert_int_equal(csv_parse_number("2432.77001953125", 0, &v), 0);
	assert_int_equal(v, 2433);
	assert_int_equal(csv_parse_number("1,337", 0, &v), 0);
	assert_int_equal(v, 1337);
	assert_int_equal(csv_parse_number("12,345,678.5", 0, &v), 0);
	assert_int_equal(v, 12345679);
	assert_int_equal(csv_parse_number("979.0", 0, &v), 0);
	assert_int_equal(v, 979);
	assert_int_equal(csv_parse_number("1,33", 0, &v), -1);
	assert_int_equal(csv_parse_number("1234,567", 0, &v), -1);
	assert_int_equal(csv_parse_number("10,20", 2, &v), -1);
	assert_int_equal(csv_parse_number("-3", 0, &v), -1);
	assert_int_equal(csv_parse_number("", 0, &v), -1);
	assert_int_equal(csv_parse_number("abc", 0, &v), -1);
	assert_true(csv_is_missing("--"));
	assert_true(csv_is_missing("NaN"));
	assert_true(csv_is_missing("--:--:--"));
	assert_true(csv_is_missing("00:NaN:NaN"));
	assert_true(csv_is_missing(""));
	assert_false(csv_is_missing("0"));
}

static void
test_garmin_durations(void **state)
{
	int64_t s;

	(void)state;
	assert_int_equal(csv_garmin_duration("00:52:30", &s), 0);
	assert_int_equal(s, 3150);
	assert_int_equal(csv_garmin_duration("00:09:25.5", &s), 0);
	assert_int_equal(s, 566);
	assert_int_equal(csv_garmin_duration("02:15:00.4", &s), 0);
	assert_int_equal(s, 8100);
	assert_int_equal(csv_garmin_duration("5:14", &s), 0);
	assert_int_equal(s, 314);
	assert_int_equal(csv_garmin_duration("1:02.35", &s), 0);
	assert_int_equal(s, 62);
	assert_int_equal(csv_garmin_duration("00:NaN:NaN", &s), -1);
	assert_int_equal(csv_garmin_duration("00:61:00", &s), -1);
	assert_int_equal(csv_garmin_duration("90", &s), -1);
}

static int
day(const char *s)
{
	int d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void
set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static void
test_strava_dates_to_local_days(void **state)
{
	int d;

	(void)state;
	set_tz("UTC");
	assert_int_equal(csv_strava_day("Oct 6, 2022, 11:19:20 PM", &d), 0);
	assert_int_equal(d, day("2022-10-06"));
	assert_int_equal(csv_strava_day("Jan 4, 2023, 12:15:00 AM", &d), 0);
	assert_int_equal(d, day("2023-01-04"));
	assert_int_equal(csv_strava_day("Mar 2, 2021, 12:00:00 PM", &d), 0);
	assert_int_equal(d, day("2021-03-02"));
	assert_int_equal(csv_strava_day("2014-09-12 16:54:28", &d), 0);
	assert_int_equal(d, day("2014-09-12"));
	/* 23:19 UTC is the next morning at UTC+13 (Auckland in October). */
	set_tz("NZDT-13");   /* POSIX: UTC+13, no tz database needed */
	assert_int_equal(csv_strava_day("Oct 6, 2022, 11:19:20 PM", &d), 0);
	assert_int_equal(d, day("2022-10-07"));
	/* 00:15 UTC is still the evening before at UTC-5 (New York). */
	set_tz("EST5");
	assert_int_equal(csv_strava_day("Jan 4, 2023, 12:15:00 AM", &d), 0);
	assert_int_equal(d, day("2023-01-03"));
	set_tz("UTC");
	assert_int_equal(csv_strava_day("Oct 32, 2022, 1:00:00 PM", &d), -1);
	assert_int_equal(csv_strava_day("Okt 6, 2022, 1:00:00 PM", &d), -1);
	assert_int_equal(csv_strava_day("20.09.2026, 14:12:12", &d), -1);
	assert_int_equal(csv_strava_day("Oct 6, 2022, 13:00:00 PM", &d), -1);
}

static void
test_header_html_and_occurrence(void **state)
{
	char *fields[] = {
		xstrdup("Distance"), xstrdup(" <span class=\"translation_missing\" "
		"title=\"x\">Distance</span> "), xstrdup("Elapsed Time"),
	};
	struct csv_record rec = { 1, 3, fields };
	struct csv_header h;
	size_t i;

	(void)state;
	csv_header_init(&h, &rec);
	assert_string_equal(h.name[1], "Distance");
	assert_int_equal(csv_header_find(&h, "Distance", 1), 0);
	assert_int_equal(csv_header_find(&h, "distance", 2), 1);
	assert_int_equal(csv_header_find(&h, "Distance", 3), -1);
	assert_int_equal(csv_header_find(&h, "elapsed time", 1), 2);
	csv_header_free(&h);
	for (i = 0; i < 3; i++)
		free(fields[i]);
}

/* --- imports ------------------------------------------------------------ */

struct fx {
	char         *dir;
	struct store *st;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	char *path;

	setenv("RUNLOG_TODAY", "2026-11-25", 1);
	set_tz("UTC");
	f->dir = test_tmpdir();
	path = xasprintf("%s/journal.db", f->dir);
	if (store_open(path, &f->st) != 0) {
		fprintf(stderr, "%s\n", err_get());
		free(path);
		return -1;
	}
	free(path);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	store_close(f->st);
	test_rmdir(f->dir);
	free(f->dir);
	free(f);
	return 0;
}

/* Imports a file; rc of csv_import(), the report in *r (freed by caller). */
static int
import_file(struct store *st, const char *path, const struct csv_import_opts *o,
    int dry, struct csv_import_report *r)
{
	struct csv_import_opts def;
	FILE *f = fopen(path, "rb");
	int rc;

	assert_non_null(f);
	if (o == NULL) {
		memset(&def, 0, sizeof def);
		o = &def;
	}
	rc = csv_import(st, f, o, dry, r);
	fclose(f);
	return rc;
}

static int
import_ok(struct store *st, const char *path, struct csv_import_report *r)
{
	int rc = import_file(st, path, NULL, 0, r);

	if (rc != 0)
		fprintf(stderr, "%s: %s\n", path, err_get());
	assert_int_equal(rc, 0);
	return rc;
}

/* The run with this external id, which must exist. */
static struct run
run_by_ext(struct store *st, const char *source, const char *ext)
{
	struct run *v, out;
	size_t n, i;
	int found = 0;

	assert_int_equal(store_runs(st, DATE_MIN, DATE_MAX, &v, &n), 0);
	memset(&out, 0, sizeof out);
	for (i = 0; i < n; i++) {
		if (v[i].external_id != NULL && strcmp(v[i].external_id, ext) == 0 &&
		    strcmp(v[i].source, source) == 0) {
			out = v[i];
			out.note = v[i].note ? xstrdup(v[i].note) : NULL;
			out.source = out.external_id = NULL;
			out.created_at = out.updated_at = NULL;
			found = 1;
		}
	}
	run_list_free(v, n);
	if (!found)
		fail_msg("no run %s/%s", source, ext);
	return out;
}

static void
test_strava_2025(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct run x;

	import_ok(f->st, FIX "strava-2025.csv", &r);
	assert_int_equal(r.format, CSV_FMT_STRAVA);
	assert_int_equal(r.rows, 6);
	assert_int_equal(r.added, 3);
	assert_int_equal(r.other, 3);
	assert_int_equal(r.nsport, 3);
	csv_import_report_free(&r);

	/* The second Distance in metres, Moving Time, UTC day, RPE, HR. */
	x = run_by_ext(f->st, "strava", "1000000001");
	assert_int_equal(x.day, day("2022-10-06"));
	assert_int_equal(x.distance_m, 10022);
	assert_int_equal(x.duration_s, 2950);
	assert_int_equal(x.rpe, 6);
	assert_int_equal(x.avg_hr, 151);
	assert_int_equal(x.climb_m, 87);
	assert_int_equal(x.type, RUN_LONG);
	/* The quoted line break became a space; the emoji is kept. */
	assert_string_equal(x.note, "Long run, hills: Felt strong \xf0\x9f\x92\xaa "
	    "second half \"negative\" split");
	run_free(&x);

	/* No Moving Time: the first Elapsed Time. */
	x = run_by_ext(f->st, "strava", "1000000002");
	assert_int_equal(x.day, day("2022-09-30"));
	assert_int_equal(x.distance_m, 12340);
	assert_int_equal(x.duration_s, 4000);
	assert_int_equal(x.rpe, 0);
	assert_int_equal(x.type, RUN_OTHER);
	run_free(&x);

	x = run_by_ext(f->st, "strava", "1000000005");
	assert_int_equal(x.day, day("2023-01-04"));
	assert_int_equal(x.distance_m, 5000);
	assert_int_equal(x.duration_s, 1790);
	assert_int_equal(x.type, RUN_RACE);
	assert_string_equal(x.note, "=HYPERLINK(\"x\")");
	run_free(&x);

	/* The same file again adds nothing. */
	import_ok(f->st, FIX "strava-2025.csv", &r);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.already, 3);
	csv_import_report_free(&r);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 3);
}

static void
test_strava_local_day(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct run x;

	set_tz("NZDT-13");   /* POSIX: UTC+13, no tz database needed */
	import_ok(f->st, FIX "strava-2025.csv", &r);
	csv_import_report_free(&r);
	x = run_by_ext(f->st, "strava", "1000000001");
	assert_int_equal(x.day, day("2022-10-07"));
	run_free(&x);
	set_tz("UTC");
}

static void
test_strava_2021_html_bom_crlf(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct run x;

	import_ok(f->st, FIX "strava-2021-html.csv", &r);
	assert_int_equal(r.added, 2);
	csv_import_report_free(&r);
	/* Found through the HTML-wrapped second Distance and Moving Time. */
	x = run_by_ext(f->st, "strava", "4000000001");
	assert_int_equal(x.day, day("2021-03-01"));
	assert_int_equal(x.distance_m, 5012);
	assert_int_equal(x.duration_s, 1491);
	assert_int_equal(x.rpe, 4);
	assert_int_equal(x.avg_hr, 0);       /* NaN */
	run_free(&x);
	x = run_by_ext(f->st, "strava", "4000000002");
	assert_int_equal(x.day, day("2021-03-02"));
	assert_int_equal(x.distance_m, 6000);
	assert_int_equal(x.duration_s, 1999);
	run_free(&x);
}

static void
test_strava_old_ten_columns(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct run x;

	import_ok(f->st, FIX "strava-2019-old.csv", &r);
	assert_int_equal(r.added, 2);
	assert_int_equal(r.other, 1);
	csv_import_report_free(&r);
	x = run_by_ext(f->st, "strava", "200000001");
	assert_int_equal(x.day, day("2014-09-12"));
	assert_int_equal(x.distance_m, 8047);
	assert_int_equal(x.duration_s, 2400);
	run_free(&x);
	x = run_by_ext(f->st, "strava", "200000003");
	assert_int_equal(x.distance_m, 5000);
	assert_string_equal(x.note, "Night run, \"quiet\": streets and park");
	run_free(&x);
}

static void
test_garmin_km(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct run x;

	import_ok(f->st, FIX "garmin-km.csv", &r);
	assert_int_equal(r.format, CSV_FMT_GARMIN);
	assert_int_equal(r.added, 3);
	assert_int_equal(r.other, 2);
	assert_int_equal(r.units, UNIT_KM);
	csv_import_report_free(&r);
	x = run_by_ext(f->st, "garmin", "2026-04-23 08:04:14");
	assert_int_equal(x.day, day("2026-04-23"));
	assert_int_equal(x.distance_m, 10020);
	assert_int_equal(x.duration_s, 3150);
	assert_int_equal(x.avg_hr, 148);
	assert_int_equal(x.climb_m, 1204);      /* "1,204" */
	assert_string_equal(x.note, "Lisbon Running");
	run_free(&x);
	/* Tenths of a second, missing HR and ascent ("--"). */
	x = run_by_ext(f->st, "garmin", "2026-04-20 19:30:00");
	assert_int_equal(x.distance_m, 3210);
	assert_int_equal(x.duration_s, 566);
	assert_int_equal(x.avg_hr, 0);
	assert_int_equal(x.climb_m, -1);
	run_free(&x);
	/* A local date close to midnight stays on its own day. */
	x = run_by_ext(f->st, "garmin", "2026-04-19 23:50:00");
	assert_int_equal(x.day, day("2026-04-19"));
	assert_int_equal(x.distance_m, 21100);
	assert_int_equal(x.duration_s, 8100);
	run_free(&x);

	import_ok(f->st, FIX "garmin-km.csv", &r);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.already, 3);
	csv_import_report_free(&r);
}

static void
test_garmin_miles(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct run x;

	import_ok(f->st, FIX "garmin-mi.csv", &r);
	assert_int_equal(r.units, UNIT_MI);
	assert_int_equal(r.added, 2);
	csv_import_report_free(&r);
	x = run_by_ext(f->st, "garmin", "2026-03-02 06:15:00");
	assert_int_equal(x.distance_m, 9994);     /* 6.21 mi */
	assert_int_equal(x.duration_s, 3300);
	assert_int_equal(x.climb_m, 100);         /* 328 ft */
	run_free(&x);
	x = run_by_ext(f->st, "garmin", "2026-03-01 07:00:00");
	assert_int_equal(x.distance_m, 42197);    /* 26.22 mi */
	assert_int_equal(x.climb_m, 305);         /* "1,000" ft */
	run_free(&x);
}

static void
test_garmin_units_option(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct csv_import_opts o;
	struct run x;

	memset(&o, 0, sizeof o);
	o.units_given = 1;
	o.units = UNIT_MI;
	assert_int_equal(import_file(f->st, FIX "garmin-nostride.csv", &o, 0, &r),
	    0);
	assert_int_equal(r.units, UNIT_MI);
	csv_import_report_free(&r);
	x = run_by_ext(f->st, "garmin", "2026-02-01 09:00:00");
	assert_int_equal(x.distance_m, 8047);     /* 5.00 mi */
	run_free(&x);
}

/* A bad file: an error naming where, and every table as it was. */
static void
expect_refused(struct store *st, const char *path, const char *msg)
{
	struct csv_import_report r;
	int64_t before = store_count(st, ENTRY_KIND_COUNT);

	assert_int_equal(import_file(st, path, NULL, 0, &r), -1);
	if (strstr(err_get(), msg) == NULL)
		fail_msg("%s: '%s' lacks '%s'", path, err_get(), msg);
	csv_import_report_free(&r);
	assert_int_equal(store_count(st, ENTRY_KIND_COUNT), before);
}

static void
test_bad_files(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	char *path;
	FILE *out;
	size_t i;

	import_ok(f->st, FIX "garmin-km.csv", &r);   /* something to keep */
	csv_import_report_free(&r);
	expect_refused(f->st, FIX "bad-truncated.csv",
	    "line 2: 6 fields where the header has 10");
	expect_refused(f->st, FIX "bad-header.csv", "line 1: unknown header");
	expect_refused(f->st, FIX "bad-empty.csv", "the file is empty");
	expect_refused(f->st, FIX "bad-type-runs.csv",
	    "line 3, column distance_km: 'ten': expected a number");
	expect_refused(f->st, FIX "bad-quote.csv",
	    "line 2: a quoted field is never closed");

	/* Binary data. */
	path = xasprintf("%s/binary.csv", f->dir);
	out = fopen(path, "wb");
	for (i = 0; i < 4096; i++)
		fputc((int)((i * 7919) & 0xff), out);
	fclose(out);
	expect_refused(f->st, path, "binary data");
	free(path);

	/* A 100 MB line: refused at the field bound, not read into memory. */
	path = xasprintf("%s/huge.csv", f->dir);
	out = fopen(path, "wb");
	fputs("Activity ID,Activity Date,Activity Name,Activity Type,Elapsed "
	    "Time,Distance\n1,\"Oct 6, 2022, 11:19:20 PM\",", out);
	{
		char block[65536];
		memset(block, 'x', sizeof block);
		for (i = 0; i < 100 * 16; i++)
			fwrite(block, 1, sizeof block, out);
	}
	fputs(",Run,100,1.00\n", out);
	fclose(out);
	expect_refused(f->st, path, "line 2: a field longer than 1048576 bytes");
	free(path);
}

static void
test_skip_bad_and_dry_run(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct csv_import_opts o;

	/* A dry run counts and writes nothing. */
	assert_int_equal(import_file(f->st, FIX "strava-2025.csv", NULL, 1, &r), 0);
	assert_int_equal(r.added, 3);
	csv_import_report_free(&r);
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), 0);

	memset(&o, 0, sizeof o);
	o.skip_bad = 1;
	assert_int_equal(import_file(f->st, FIX "bad-type-runs.csv", &o, 0, &r),
	    0);
	assert_int_equal(r.added, 2);
	assert_int_equal(r.bad, 1);
	assert_non_null(strstr(r.bad_list.data, "line 3, column distance_km"));
	csv_import_report_free(&r);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 2);

	/* A wrong --format is refused at the header. */
	memset(&o, 0, sizeof o);
	o.format = CSV_FMT_GARMIN;
	assert_int_equal(import_file(f->st, FIX "strava-2025.csv", &o, 0, &r), -1);
	assert_non_null(strstr(err_get(), "not that of a garmin file"));
	csv_import_report_free(&r);
}

/* Own files: a run without an external id is matched on day + created_at,
 * so an edited run is not brought back, and rows of the same second on an
 * empty journal all land. */
static void
test_own_dedupe(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	char *path = xasprintf("%s/runs.csv", f->dir);
	FILE *out = fopen(path, "wb");
	struct run *v;
	size_t n;

	fputs("date,distance_km,duration_s,rpe_1_10,type,avg_hr_bpm,climb_m,"
	    "mass_before_kg,mass_after_kg,note,source,external_id,created_at,"
	    "updated_at\r\n"
	    "2026-04-01,10.000,3000,,easy,,,,,,runlog,,2026-04-01 07:00:00,"
	    "2026-04-01 07:00:00\r\n"
	    "2026-04-01,10.000,3000,,easy,,,,,,runlog,,2026-04-01 07:00:00,"
	    "2026-04-01 07:00:00\r\n"
	    "2026-04-02,5.000,1500,,easy,,,,,,strava,77,2026-04-02 07:00:00,"
	    "2026-04-02 07:00:00\r\n", out);
	fclose(out);
	import_ok(f->st, path, &r);
	assert_int_equal(r.added, 3);
	csv_import_report_free(&r);
	/* Edit the first run; re-importing the old file adds nothing. */
	assert_int_equal(store_runs(f->st, DATE_MIN, DATE_MAX, &v, &n), 0);
	v[0].distance_m = 12000;
	assert_int_equal(store_update_run(f->st, &v[0]), 0);
	run_list_free(v, n);
	import_ok(f->st, path, &r);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.already, 3);
	csv_import_report_free(&r);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 3);
	free(path);
}


/* --- export -------------------------------------------------------------- */

/* The columns of each file are a contract with every file already written. */
static void
test_export_columns(void **state)
{
	static const char *const want[][18] = {
		{ "date", "start_time_utc", "distance_km", "duration_s",
		    "rpe_1_10", "type",
		    "avg_hr_bpm", "climb_m", "mass_before_kg", "mass_after_kg",
		    "note", "source", "external_id", "created_at", "updated_at",
		    "shoe" },
		{ "date", "sleep_min", "quality_1_5", "note", "created_at",
		    "updated_at" },
		{ "date", "volume_ml", "electrolytes", "created_at", "updated_at" },
		{ "date", "fatigue_1_10", "soreness_1_10", "mood_1_5", "stress_1_5",
		    "resting_hr_bpm", "hrv_ms", "body_mass_kg", "ill", "sharp_pain",
		    "swelling", "numbness",
		    "cannot_bear_weight", "note", "created_at", "updated_at" },
		{ "date", "rest_note", "created_at", "updated_at" },
	};
	int w;

	(void)state;
	for (w = CSV_RUNS; w <= CSV_REST; w++) {
		const char *const *c = csv_columns((enum csv_what)w);
		int i;

		for (i = 0; want[w - CSV_RUNS][i] != NULL; i++) {
			assert_non_null(c[i]);
			assert_string_equal(c[i], want[w - CSV_RUNS][i]);
		}
		assert_null(c[i]);
	}
	assert_string_equal(csv_columns(CSV_DAYS)[0], "date");
	assert_string_equal(csv_columns(CSV_DAYS)[1], "weekday");
}

/* Every field written in its own form by the loop over the descriptor. */
static void
test_export_every_field(void **state)
{
	struct fx *f = *state;
	struct config cfg;
	struct run r;
	struct checkin c;
	char buf[2048];
	FILE *out;
	size_t rows, len;

	config_defaults(&cfg);
	memset(&r, 0, sizeof r);
	r.day = date_from_ymd(2026, 4, 1);
	r.distance_m = 10001;
	r.duration_s = 3000;
	r.rpe = 7;
	r.type = RUN_INTERVAL;
	r.avg_hr = 151;
	r.start_utc = 1775021400;       /* 2026-04-01 05:30 UTC */
	r.climb_m = 0;
	r.mass_before_g = 70250;
	r.mass_after_g = 69001;
	r.note = "=1+1, \"fast\"";
	r.source = "strava";
	r.external_id = "42";
	r.created_at = "2026-04-01 07:00:00";
	r.updated_at = "2026-04-02 08:00:00";
	r.shoe = "=Race, flat";    /* a shoe's name is the user's text too */
	assert_int_equal(store_shoe_add(f->st, r.shoe, 0, 0, r.day), 0);
	assert_int_equal(store_add_run(f->st, &r), 0);
	memset(&c, 0, sizeof c);
	c.day = date_from_ymd(2026, 4, 1);
	c.fatigue = 4;
	c.mood = 5;
	c.pain = 1;
	c.hrv_ms = 58;
	c.mass_g = 70125;
	c.created_at = c.updated_at = "2026-04-01 07:00:00";
	assert_int_equal(store_put_checkin(f->st, &c, NULL), 0);

	out = tmpfile();
	assert_non_null(out);
	assert_int_equal(csv_export(f->st, &cfg, CSV_RUNS, DATE_MIN, DATE_MAX, out,
	    &rows), 0);
	assert_int_equal(rows, 1);
	assert_int_equal(csv_export(f->st, &cfg, CSV_FATIGUE, DATE_MIN, DATE_MAX,
	    out, &rows), 0);
	rewind(out);
	len = fread(buf, 1, sizeof buf - 1, out);
	buf[len] = '\0';
	fclose(out);
	assert_string_equal(buf,
	    "date,start_time_utc,distance_km,duration_s,rpe_1_10,type,avg_hr_bpm,"
	    "climb_m,mass_before_kg,mass_after_kg,note,source,external_id,"
	    "created_at,updated_at,shoe\r\n"
	    "2026-04-01,2026-04-01T05:30:00Z,10.001,3000,7,interval,151,0,70.250,"
	    "69.001,"
	    "\"'=1+1, \"\"fast\"\"\",strava,42,2026-04-01 07:00:00,"
	    "2026-04-02 08:00:00,\"'=Race, flat\"\r\n"
	    "date,fatigue_1_10,soreness_1_10,mood_1_5,stress_1_5,resting_hr_bpm,"
	    "hrv_ms,body_mass_kg,ill,sharp_pain,swelling,numbness,"
	    "cannot_bear_weight,note,created_at,updated_at\r\n"
	    "2026-04-01,4,,5,,,58,70.125,no,yes,no,no,no,,2026-04-01 07:00:00,"
	    "2026-04-01 07:00:00\r\n");
}

/* The hidden files in dir (a temporary export is ".name.XXXXXX"). */
static int
hidden_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] == '.' && strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* export -o: the file in place, and no temporary file left, either way. */
static void
test_export_file_leaves_nothing(void **state)
{
	struct fx *f = *state;
	struct config cfg;
	char *out = xasprintf("%s/out.csv", f->dir);
	size_t rows;

	config_defaults(&cfg);
	assert_int_equal(csv_export_file(f->st, &cfg, CSV_RUNS, DATE_MIN,
	    DATE_MAX, out, &rows), 0);
	assert_int_equal(access(out, F_OK), 0);
	assert_int_equal(hidden_files(f->dir), 0);
	unlink(out);
	assert_int_equal(csv_export_file(f->st, &cfg, CSV_WHAT_COUNT, DATE_MIN,
	    DATE_MAX, out, &rows), -1);
	assert_int_equal(access(out, F_OK), -1);
	assert_int_equal(hidden_files(f->dir), 0);
	free(out);
}


/*
 * A signal while export -o writes: the file size limit stops the write
 * with SIGXFSZ halfway through; the temporary file goes with the process.
 */
static void
test_export_file_signal_leaves_nothing(void **state)
{
	struct fx *f = *state;
	char *out = xasprintf("%s/out.csv", f->dir);
	char *journal = xstrdup(store_path(f->st));
	int i, status;
	pid_t pid;

	assert_int_equal(store_begin(f->st, "runs"), 0);
	for (i = 0; i < 200; i++) {
		struct run r;

		memset(&r, 0, sizeof r);
		r.day = date_from_ymd(2026, 1, 1) + i;
		r.distance_m = 10000 + i;
		r.duration_s = 3000;
		r.climb_m = -1;
		r.note = "a note long enough to make the file grow quickly";
		assert_int_equal(store_add_run(f->st, &r), 0);
	}
	assert_int_equal(store_commit(f->st), 0);

	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct store *st;
		struct config cfg;
		struct rlimit rl = { 2000, 2000 };
		size_t rows;

		config_defaults(&cfg);
		if (store_open(journal, &st) != 0 ||
		    setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(3);
		csv_export_file(st, &cfg, CSV_RUNS, DATE_MIN, DATE_MAX, out, &rows);
		_exit(4);       /* not reached: the limit stops the write */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGXFSZ);
	assert_int_equal(access(out, F_OK), -1);
	assert_int_equal(hidden_files(f->dir), 0);
	free(journal);
	free(out);
}

/* --- the format table ---------------------------------------------------- */

/* The language lang of format id's exports, which must exist. */
static const struct csv_locale *
locale_of(enum csv_format id, const char *lang)
{
	const struct csv_locale *l;
	size_t k;

	for (k = 0; (l = csv_l10n_at(k)) != NULL; k++)
		if (l->format == id && strcmp(l->lang, lang) == 0)
			return l;
	fail_msg("no language %s", lang);
	return NULL;
}

/* The score of format id for the first bytes of path, its header read in
 * English or, with l, in that language. */
static int
sniff_file(const char *path, enum csv_format id, const struct csv_locale *l)
{
	static unsigned char head[IMPORT_HEAD_MAX];
	const struct import_format *f = import_format_get(id);
	struct import_probe p;
	struct csv_header h;
	FILE *in = fopen(path, "rb");
	size_t len;
	int got, score;

	assert_non_null(in);
	assert_non_null(f);
	len = fread(head, 1, sizeof head, in);
	fclose(in);
	got = csv_peek_header(head, len, len < sizeof head, &h);
	assert_int_equal(got, 1);
	csv_l10n_apply(l, &h);
	p.head = head;
	p.len = len;
	p.csv = got == 1 ? &h : NULL;
	score = f->sniff(&p);
	csv_header_free(&h);
	return score;
}

static void
test_format_table_sniffs(void **state)
{
	static const struct {
		const char *file;
		enum csv_format id;
		const char *lang;
	} yes[] = {
		{ FIX "strava-2025.csv", CSV_FMT_STRAVA, NULL },
		{ FIX "strava-2019-old.csv", CSV_FMT_STRAVA, NULL },
		{ FIX "strava-2021-html.csv", CSV_FMT_STRAVA, NULL },
		{ FIX "garmin-km.csv", CSV_FMT_GARMIN, NULL },
		{ FIX "garmin-mi.csv", CSV_FMT_GARMIN, NULL },
		{ FIX "strava-de.csv", CSV_FMT_STRAVA, "de" },
		{ FIX "strava-fr.csv", CSV_FMT_STRAVA, "fr" },
		{ FIX "garmin-da.csv", CSV_FMT_GARMIN, "da" },
		{ FIX "garmin-de.csv", CSV_FMT_GARMIN, "de" },
		{ FIX "bad-type-runs.csv", CSV_FMT_RUNLOG, NULL },
		{ FIX "wellness/wellness.csv", CSV_FMT_INTERVALS, NULL },
		{ FIX "wellness/garmin-sleep.csv", CSV_FMT_GARMIN_SLEEP, NULL },
	};
	static const enum csv_format all[] = {
		CSV_FMT_RUNLOG, CSV_FMT_STRAVA, CSV_FMT_GARMIN, CSV_FMT_GPX,
		CSV_FMT_TCX, CSV_FMT_FIT, CSV_FMT_GARMIN_JSON, CSV_FMT_INTERVALS,
		CSV_FMT_GARMIN_SLEEP,
	};
	const size_t nall = sizeof all / sizeof all[0];
	size_t i, k, n;

	(void)state;
	for (n = 0; import_table[n] != NULL; n++)
		assert_non_null(import_table[n]->sniff);
	assert_int_equal(n, nall);
	/* Each file is claimed by its own format and by no other. */
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		for (k = 0; k < nall; k++) {
			int s = sniff_file(yes[i].file, all[k], yes[i].lang == NULL ?
			    NULL : locale_of(yes[i].id, yes[i].lang));
			if (all[k] == yes[i].id && s <= 0)
				fail_msg("%s: not recognised as %s", yes[i].file,
				    csv_format_name(all[k]));
			if (all[k] != yes[i].id && s > 0)
				fail_msg("%s: taken for %s", yes[i].file,
				    csv_format_name(all[k]));
		}
	}
	/* A localised file is nobody's in English. */
	for (k = 0; k < nall; k++) {
		assert_int_equal(sniff_file(FIX "strava-de.csv", all[k], NULL), 0);
		assert_int_equal(sniff_file(FIX "bad-header.csv", all[k], NULL), 0);
	}
	/* Bytes that are no CSV at all reach the sniffs without a header. */
	{
		struct import_probe p = { (const unsigned char *)"\x0e\x10\x98",
		    3, NULL };
		for (n = 0; import_formats[n] != NULL; n++)
			assert_int_equal(import_formats[n]->sniff(&p), 0);
	}
	/* A binary reader gets the sniffed bytes, then the rest, in order. */
	{
		char rest_bytes[] = "67890", got[16];
		FILE *rest = fmemopen(rest_bytes, 5, "r");
		struct import_input in = { (const unsigned char *)"12345", 5, 0,
		    rest };
		size_t got_n = 0, m;
		while ((m = import_input_read(&in, got + got_n, 3)) > 0)
			got_n += m;
		assert_int_equal(got_n, 10);
		assert_memory_equal(got, "1234567890", 10);
		fclose(rest);
	}
	assert_string_equal(csv_format_name(CSV_FMT_GARMIN), "garmin");
	{
		enum csv_format f;
		assert_int_equal(csv_format_parse("strava", &f), 0);
		assert_int_equal(f, CSV_FMT_STRAVA);
		assert_int_equal(csv_format_parse("fit", &f), 0);
		assert_int_equal(f, CSV_FMT_FIT);
		assert_int_equal(csv_format_parse("xls", &f), -1);
		assert_string_equal(err_get(), "--format 'xls': must be auto, "
		    "runlog, strava, garmin, gpx, tcx, fit, garmin-json, intervals "
		    "or garmin-sleep");
	}
}

/* Writes text to dir/name; the path, allocated. */
static char *
write_file(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *out = fopen(path, "wb");

	assert_non_null(out);
	fputs(text, out);
	fclose(out);
	return path;
}

/* 1900-01-01 00:00 UTC is 1899-12-31 in New York: refused, naming the line
 * and the value, and nothing lands; five hours later it is 1900-01-01. */
static void
test_strava_before_1900(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	char *path;
	int d;

	set_tz("America/New_York");
	assert_int_equal(csv_strava_day("Jan 1, 1900, 12:00:00 AM", &d), -2);
	assert_int_equal(d, DATE_MIN - 1);
	assert_int_equal(csv_strava_day("Jan 1, 1900, 5:00:00 AM", &d), 0);
	assert_int_equal(d, DATE_MIN);
	set_tz("NZDT-13");   /* the other end: already 2100 at UTC+13 */
	assert_int_equal(csv_strava_day("Dec 31, 2099, 10:59:59 AM", &d), 0);
	assert_int_equal(d, DATE_MAX);
	assert_int_equal(csv_strava_day("Dec 31, 2099, 11:00:00 PM", &d), -2);
	assert_int_equal(d, DATE_MAX + 1);
	set_tz("America/New_York");
	path = write_file(f->dir, "old.csv", "Activity ID,Activity Date,"
	    "Activity Name,Activity Type,Elapsed Time,Distance\n"
	    "1,\"Jan 1, 1900, 5:00:00 AM\",a,Run,3000,10.0\n"
	    "2,\"Jan 1, 1900, 12:00:00 AM\",b,Run,3000,10.0\n");
	expect_refused(f->st, path, "line 3, column Activity Date: 'Jan 1, "
	    "1900, 12:00:00 AM': that is 1899-12-31 in this time zone; runlog "
	    "keeps days from 1900-01-01 to 2099-12-31");
	assert_int_equal(store_count(f->st, ENTRY_RUN), 0);
	/* With --skip-bad the first lands on the first day runlog keeps. */
	{
		struct csv_import_opts o;
		memset(&o, 0, sizeof o);
		o.skip_bad = 1;
		assert_int_equal(import_file(f->st, path, &o, 0, &r), 0);
		assert_int_equal(r.added, 1);
		assert_int_equal(r.bad, 1);
		csv_import_report_free(&r);
	}
	{
		struct run x = run_by_ext(f->st, "strava", "1");
		assert_int_equal(x.day, DATE_MIN);
		run_free(&x);
	}
	set_tz("UTC");
	free(path);
}

/* The same activity id twice in one file is a repeat, naming both lines,
 * not a run already in the journal. */
static void
test_strava_repeated_id(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	char *path;

	path = write_file(f->dir, "dup.csv", "Activity ID,Activity Date,"
	    "Activity Name,Activity Type,Elapsed Time,Distance\n"
	    "7,\"Oct 6, 2022, 11:19:20 AM\",a,Run,3000,10.0\n"
	    "8,\"Oct 7, 2022, 11:19:20 AM\",b,Run,3000,10.0\n"
	    "7,\"Oct 6, 2022, 11:19:20 AM\",a,Run,3000,10.0\n");
	import_ok(f->st, path, &r);
	assert_int_equal(r.added, 2);
	assert_int_equal(r.already, 0);
	assert_int_equal(r.repeated, 1);
	assert_string_equal(r.repeat_list.data, "line 4 repeats line 2");
	csv_import_report_free(&r);
	/* Again: both are in the journal now, and the repeat is still one. */
	import_ok(f->st, path, &r);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.already, 2);
	assert_int_equal(r.repeated, 1);
	csv_import_report_free(&r);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 2);
	free(path);
}

/* A byte-order mark alone, or blank lines only, is an empty file; bytes
 * that no format claims are named as such. */
static void
test_empty_and_unknown(void **state)
{
	struct fx *f = *state;
	char *path;

	path = write_file(f->dir, "bom.csv", "\xef\xbb\xbf");
	expect_refused(f->st, path, "the file is empty: no header, no rows");
	free(path);
	path = write_file(f->dir, "blank.csv", "\r\n\n\r\n");
	expect_refused(f->st, path, "the file is empty: no header, no rows");
	free(path);
	path = write_file(f->dir, "other.csv", "when,what\n2026-01-01,x\n");
	expect_refused(f->st, path, "line 1: unknown header (first column "
	    "'when'): not a runlog, Strava (activities.csv), Garmin Connect "
	    "(Activities.csv), GPX, TCX, FIT (.fit), Garmin export JSON, "
	    "intervals.icu wellness or Garmin sleep report export");
	free(path);
}

/* Runs and drinks without created_at are matched on their values, only
 * against what the journal held before; identical rows of one file all
 * land in an empty journal. */
static void
test_reimport_by_values(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	char *runs, *drinks;

	runs = write_file(f->dir, "runs.csv", "date,distance_km,duration_s,"
	    "rpe_1_10,type,avg_hr_bpm,climb_m,mass_before_kg,mass_after_kg,note,"
	    "source,external_id,created_at,updated_at\n"
	    "2026-04-01,10.000,3000,,easy,,,,,,,,,\n"
	    "2026-04-01,10.000,3000,,easy,,,,,,,,,\n"
	    "2026-04-01,10.000,3001,,easy,,,,,,,,,\n"
	    "2026-04-02,10.000,3000,,easy,,,,,,other,,,\n");
	drinks = write_file(f->dir, "drinks.csv", "date,volume_ml,electrolytes,"
	    "created_at,updated_at\n"
	    "2026-04-01,500,yes,,\n"
	    "2026-04-01,500,no,,\n"
	    "2026-04-01,500,no,2026-04-01 08:00:00,\n");
	import_ok(f->st, runs, &r);
	assert_int_equal(r.added, 4);
	csv_import_report_free(&r);
	import_ok(f->st, drinks, &r);
	assert_int_equal(r.added, 3);
	csv_import_report_free(&r);
	import_ok(f->st, runs, &r);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.already, 4);
	csv_import_report_free(&r);
	import_ok(f->st, drinks, &r);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.already, 3);
	csv_import_report_free(&r);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 4);
	assert_int_equal(store_count(f->st, ENTRY_DRINK), 3);
	free(runs);
	free(drinks);
}

/* --- localised exports --------------------------------------------------- */

static void
test_numbers_per_locale(void **state)
{
	int64_t v;

	(void)state;
	/* English: ',' separates thousands, as before. */
	assert_int_equal(csv_parse_number("1,025", 0, &v), 0);
	assert_int_equal(v, 1025);
	assert_int_equal(csv_parse_number_dec("1,025", 0, '.', &v), 0);
	assert_int_equal(v, 1025);
	assert_int_equal(csv_parse_number("10,20", 3, &v), -1);
	/* Decimal comma: "10,20" km is 10200 m, "1.025" is 1025. */
	assert_int_equal(csv_parse_number_dec("10,20", 3, ',', &v), 0);
	assert_int_equal(v, 10200);
	assert_int_equal(csv_parse_number_dec("1,025", 0, ',', &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(csv_parse_number_dec("1.025", 0, ',', &v), 0);
	assert_int_equal(v, 1025);
	assert_int_equal(csv_parse_number_dec("1.234.567,5", 0, ',', &v), 0);
	assert_int_equal(v, 1234568);
	assert_int_equal(csv_parse_number_dec("4\xe2\x80\xaf" "200", 0, ',', &v),
	    0);
	assert_int_equal(v, 4200);
	assert_int_equal(csv_parse_number_dec("4\xc2\xa0" "200,5", 1, ',', &v), 0);
	assert_int_equal(v, 42005);
	assert_int_equal(csv_parse_number_dec("4 200", 0, ',', &v), 0);
	assert_int_equal(v, 4200);
	/* A raw float with '.' can only be a decimal point. */
	assert_int_equal(csv_parse_number_dec("2432.77001953125", 0, ',', &v), 0);
	assert_int_equal(v, 2433);
	/* Mixed or broken groups are refused. */
	assert_int_equal(csv_parse_number_dec("1.025 000", 0, ',', &v), -1);
	assert_int_equal(csv_parse_number_dec("1.02,5", 0, ',', &v), -1);
	assert_int_equal(csv_parse_number_dec("10,2x", 3, ',', &v), -1);
	assert_int_equal(csv_parse_number_dec(",5", 3, ',', &v), -1);
	assert_int_equal(csv_parse_number_dec("1,2,3", 3, ',', &v), -1);
}

static void
test_strava_dates_day_first(void **state)
{
	int d;

	(void)state;
	set_tz("UTC");
	assert_int_equal(csv_strava_day_dmy("20.09.2026, 14:12:12", 1, &d), 0);
	assert_int_equal(d, day("2026-09-20"));
	assert_int_equal(csv_strava_day_dmy("5/10/2026 07:15:00", 1, &d), 0);
	assert_int_equal(d, day("2026-10-05"));
	assert_int_equal(csv_strava_day_dmy("2014-09-12 16:54:28", 1, &d), 0);
	assert_int_equal(d, day("2014-09-12"));
	/* UTC, like the English dates: 23:30 UTC is the next day at UTC+13. */
	set_tz("NZDT-13");
	assert_int_equal(csv_strava_day_dmy("21.09.2026, 23:30:00", 1, &d), 0);
	assert_int_equal(d, day("2026-09-22"));
	set_tz("UTC");
	assert_int_equal(csv_strava_day_dmy("20.09.2026, 14:12:12", 0, &d), -1);
	assert_int_equal(csv_strava_day_dmy("31.09.2026, 14:12:12", 1, &d), -1);
	assert_int_equal(csv_strava_day_dmy("20.13.2026, 14:12:12", 1, &d), -1);
	assert_int_equal(csv_strava_day_dmy("20.09/2026, 14:12:12", 1, &d), -1);
	assert_int_equal(csv_strava_day_dmy("20.09.2026, 2:12:12 PM", 1, &d), -1);
	assert_int_equal(csv_strava_day_dmy("20.09.2026, 25:12:12", 1, &d), -1);
	/* One digit and the end: nothing read past it (ASan). */
	{
		char *one = xstrdup("1");
		assert_int_equal(csv_strava_day_dmy(one, 1, &d), -1);
		free(one);
	}
}

static void
test_strava_german(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct run x;

	import_ok(f->st, FIX "strava-de.csv", &r);
	assert_int_equal(r.format, CSV_FMT_STRAVA);
	assert_non_null(r.locale);
	assert_string_equal(r.locale->lang, "de");
	assert_int_equal(r.rows, 5);
	assert_int_equal(r.added, 3);
	assert_int_equal(r.other, 2);      /* Schwimmen, Radfahrt */
	csv_import_report_free(&r);

	/* Decimal commas everywhere, the German date, Langer Lauf. */
	x = run_by_ext(f->st, "strava", "2000000001");
	assert_int_equal(x.day, day("2026-09-20"));
	assert_int_equal(x.distance_m, 10200);
	assert_int_equal(x.duration_s, 3600);
	assert_int_equal(x.climb_m, 87);
	assert_int_equal(x.avg_hr, 151);
	assert_int_equal(x.rpe, 6);
	assert_int_equal(x.type, RUN_LONG);
	assert_string_equal(x.note, "Langer Lauf, H\xc3\xbcgel: Gut gelaufen "
	    "zweite H\xc3\xa4lfte schneller");
	run_free(&x);

	/* "5.432" s (thousands), no moving time, a raw float in metres. */
	x = run_by_ext(f->st, "strava", "2000000002");
	assert_int_equal(x.day, day("2026-09-21"));
	assert_int_equal(x.distance_m, 12341);
	assert_int_equal(x.duration_s, 5432);
	assert_int_equal(x.climb_m, 310);
	assert_int_equal(x.type, RUN_OTHER);
	run_free(&x);

	/* "5000.125" m is 5000 m, not 5000125: the km column says which. */
	x = run_by_ext(f->st, "strava", "2000000004");
	assert_int_equal(x.day, day("2026-09-23"));
	assert_int_equal(x.distance_m, 5000);
	assert_int_equal(x.duration_s, 1750);
	assert_int_equal(x.type, RUN_RACE);
	run_free(&x);

	import_ok(f->st, FIX "strava-de.csv", &r);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.already, 3);
	csv_import_report_free(&r);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 3);
}

static void
test_strava_french(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct run x;

	import_ok(f->st, FIX "strava-fr.csv", &r);
	assert_int_equal(r.format, CSV_FMT_STRAVA);
	assert_string_equal(r.locale->lang, "fr");
	assert_int_equal(r.added, 2);
	assert_int_equal(r.other, 1);
	assert_string_equal(r.sport[0].name, "V\xc3\xa9lo");
	csv_import_report_free(&r);

	x = run_by_ext(f->st, "strava", "3000000001");
	assert_int_equal(x.day, day("2026-10-05"));
	assert_int_equal(x.distance_m, 8450);
	assert_int_equal(x.duration_s, 2650);
	assert_int_equal(x.climb_m, 42);
	assert_int_equal(x.avg_hr, 148);
	assert_int_equal(x.rpe, 0);
	run_free(&x);

	/* Narrow no-break space between thousands; km only. */
	x = run_by_ext(f->st, "strava", "3000000003");
	assert_int_equal(x.day, day("2026-10-07"));
	assert_int_equal(x.distance_m, 9870);
	assert_int_equal(x.duration_s, 4200);
	assert_int_equal(x.rpe, 7);
	run_free(&x);

	import_ok(f->st, FIX "strava-fr.csv", &r);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.already, 2);
	csv_import_report_free(&r);
}

static void
test_garmin_danish(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct run x;

	import_ok(f->st, FIX "garmin-da.csv", &r);
	assert_int_equal(r.format, CSV_FMT_GARMIN);
	assert_string_equal(r.locale->lang, "da");
	assert_int_equal(r.added, 3);
	assert_int_equal(r.other, 1);     /* Cykling */
	assert_int_equal(r.units, UNIT_KM);
	csv_import_report_free(&r);

	x = run_by_ext(f->st, "garmin", "2026-05-03 07:10:00");
	assert_int_equal(x.day, day("2026-05-03"));
	assert_int_equal(x.distance_m, 10200);    /* "10,20" */
	assert_int_equal(x.duration_s, 3060);
	assert_int_equal(x.avg_hr, 149);
	assert_int_equal(x.climb_m, 1204);        /* "1.204" */
	assert_string_equal(x.note, "Morgenl\xc3\xb8" "b");
	run_free(&x);
	/* "00:25:00,5": a decimal comma in the tenths, rounded up. */
	x = run_by_ext(f->st, "garmin", "2026-05-04 18:00:00");
	assert_int_equal(x.distance_m, 5000);
	assert_int_equal(x.duration_s, 1501);
	assert_int_equal(x.climb_m, -1);
	run_free(&x);
	x = run_by_ext(f->st, "garmin", "2026-05-06 09:00:00");
	assert_int_equal(x.distance_m, 14750);
	assert_int_equal(x.duration_s, 5400);
	assert_int_equal(x.climb_m, 310);
	run_free(&x);

	import_ok(f->st, FIX "garmin-da.csv", &r);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.already, 3);
	csv_import_report_free(&r);
}

static void
test_garmin_german(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct run x;

	import_ok(f->st, FIX "garmin-de.csv", &r);
	assert_string_equal(r.locale->lang, "de");
	assert_int_equal(r.format, CSV_FMT_GARMIN);
	assert_int_equal(r.added, 3);
	assert_int_equal(r.other, 1);
	assert_int_equal(r.units, UNIT_KM);
	csv_import_report_free(&r);
	x = run_by_ext(f->st, "garmin", "2026-06-01 06:30:00");
	assert_int_equal(x.distance_m, 12500);
	assert_int_equal(x.duration_s, 3750);
	assert_int_equal(x.climb_m, 120);
	run_free(&x);
	/* A day-first date. */
	x = run_by_ext(f->st, "garmin", "02.06.2026 19:00:00");
	assert_int_equal(x.day, day("2026-06-02"));
	assert_int_equal(x.distance_m, 8000);
	assert_int_equal(x.duration_s, 2400);
	run_free(&x);
	x = run_by_ext(f->st, "garmin", "2026-06-03 08:00:00");
	assert_int_equal(x.distance_m, 15300);
	assert_int_equal(x.duration_s, 6300);
	assert_int_equal(x.climb_m, 1050);        /* "1.050" */
	run_free(&x);
}

/* The English files keep ',' as the thousands separator. */
static void
test_english_thousands_unchanged(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;
	struct run x;

	import_ok(f->st, FIX "garmin-km.csv", &r);
	assert_null(r.locale);
	csv_import_report_free(&r);
	x = run_by_ext(f->st, "garmin", "2026-04-23 08:04:14");
	assert_int_equal(x.distance_m, 10020);
	assert_int_equal(x.climb_m, 1204);        /* "1,204" */
	run_free(&x);
	import_ok(f->st, FIX "strava-2025.csv", &r);
	assert_null(r.locale);
	csv_import_report_free(&r);
}

static void
test_localised_bad_value(void **state)
{
	struct fx *f = *state;
	struct csv_import_report r;

	import_ok(f->st, FIX "garmin-km.csv", &r);   /* something to keep */
	csv_import_report_free(&r);
	expect_refused(f->st, FIX "bad-garmin-de.csv",
	    "line 3, column Distanz: '10,2x': expected a number");
	/* A header in another language is still refused, naming what is read. */
	expect_refused(f->st, FIX "bad-header.csv",
	    "Strava exports in English, German or French");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_writer_quotes_and_neutralises),
		cmocka_unit_test(test_text_restore),
		cmocka_unit_test(test_reader_quirks),
		cmocka_unit_test(test_reader_errors_name_lines),
		cmocka_unit_test(test_reader_bounds),
		cmocka_unit_test(test_numbers_and_missing),
		cmocka_unit_test(test_garmin_durations),
		cmocka_unit_test(test_strava_dates_to_local_days),
		cmocka_unit_test(test_header_html_and_occurrence),
		cmocka_unit_test_setup_teardown(test_strava_2025, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strava_local_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strava_2021_html_bom_crlf, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_strava_old_ten_columns, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_garmin_km, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garmin_miles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garmin_units_option, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_bad_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_skip_bad_and_dry_run, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_own_dedupe, setup, teardown),
		cmocka_unit_test(test_export_columns),
		cmocka_unit_test_setup_teardown(test_export_every_field, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_file_leaves_nothing, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_export_file_signal_leaves_nothing,
		    setup, teardown),
		cmocka_unit_test(test_format_table_sniffs),
		cmocka_unit_test_setup_teardown(test_strava_before_1900, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_strava_repeated_id, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_reimport_by_values, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_empty_and_unknown, setup,
		    teardown),
		cmocka_unit_test(test_numbers_per_locale),
		cmocka_unit_test(test_strava_dates_day_first),
		cmocka_unit_test_setup_teardown(test_strava_german, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strava_french, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garmin_danish, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garmin_german, setup, teardown),
		cmocka_unit_test_setup_teardown(test_english_thousands_unchanged,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_localised_bad_value, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
