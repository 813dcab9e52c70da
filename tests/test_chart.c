/*
 * Line charts: the pure mapping of values to braille dots, block eighths
 * and ASCII marks (known series, gaps, constant series, a single point,
 * values outside the band), the date labels, and the Trends screen's
 * chart pages drawn at 80x24, 40x12 and 140x45 and compared with the
 * golden files in tests/golden/ (UPDATE_GOLDEN=1 rewrites them).
 */
#include <math.h>

#include "uitest.h"

#include "date.h"
#include "ui-chart.h"
#include "ui-text.h"

/* Row r of a plot as text. */
static char *
row_text(const struct chart_cell *cells, int w, int r,
    enum chart_style style, char *out, size_t n)
{
	char t[8];
	int k;

	out[0] = '\0';
	for (k = 0; k < w; k++)
		strncat(out, chart_cell_text(&cells[r * w + k], style, t),
		    n - strlen(out) - 1);
	return out;
}

static void
test_braille_known(void **state)
{
	const double v[] = { 0, 1, 2, 3 };
	struct chart_series s = { v, NULL, NULL, 4 };
	struct chart_cell c[2];
	char row[64];

	(void)state;
	/* 2 cells of 2 x 4 dots: four points, one level each higher */
	assert_int_equal(chart_plot(&s, CHART_BRAILLE, 2, 1, 0, 3, c), 2);
	assert_int_equal(c[0].dots, 0x40 | 0x20);   /* dot 7, dot 6 */
	assert_int_equal(c[1].dots, 0x02 | 0x08);   /* dot 2, dot 4 */
	assert_string_equal(row_text(c, 2, 0, CHART_BRAILLE, row, sizeof row),
	    "\u2860\u280a");
	/* a jump of several levels is joined in the later point's column */
	{
		const double j[] = { 0, 3 };
		struct chart_series sj = { j, NULL, NULL, 2 };

		chart_plot(&sj, CHART_BRAILLE, 1, 1, 0, 3, c);
		assert_int_equal(c[0].dots, 0x40 | 0x08 | 0x10 | 0x20);
	}
}

static void
test_gap_stays_empty(void **state)
{
	const double v[] = { 1, NAN, NAN, 1 };
	const double a[] = { 1, 2, NAN, NAN, 3 };
	struct chart_series s = { v, NULL, NULL, 4 }, sa = { a, NULL, NULL, 5 };
	struct chart_cell c[2 * 1], ca[5 * 3];
	double min, max;
	char row[64];
	int r;

	(void)state;
	assert_int_equal(chart_range(&s, 0, &min, &max), 0);
	chart_plot(&s, CHART_BRAILLE, 2, 1, min, max, c);
	assert_int_equal(c[0].dots, 0x02);        /* only the left point */
	assert_int_equal(c[1].dots, 0x10);        /* only the right point */
	/* ASCII: nothing in the gap's columns, no '|' joining across it */
	chart_plot(&sa, CHART_ASCII, 5, 3, 1, 3, ca);
	for (r = 0; r < 3; r++) {
		assert_int_equal(ca[r * 5 + 2].ascii, 0);
		assert_int_equal(ca[r * 5 + 3].ascii, 0);
		assert_true(ca[r * 5 + 4].ascii != '|');
	}
	assert_string_equal(row_text(ca, 5, 0, CHART_ASCII, row, sizeof row),
	    "    *");
	assert_string_equal(row_text(ca, 5, 1, CHART_ASCII, row, sizeof row),
	    " *   ");
	assert_string_equal(row_text(ca, 5, 2, CHART_ASCII, row, sizeof row),
	    "*    ");
	/* a gap is the mean of nothing, not a zero */
	assert_true(isnan(chart_point(a, 5, 2, 5)));
	assert_true(chart_point(a, 5, 0, 2) == 1.5);
}

static void
test_constant_and_single(void **state)
{
	const double k[] = { 5, 5, 5 }, one[] = { 7 }, none[] = { NAN, NAN };
	struct chart_series s = { k, NULL, NULL, 3 };
	struct chart_cell c[6 * 3];
	double min, max;
	char row[64];

	(void)state;
	/* a constant series: a step either side, the line in the middle */
	assert_int_equal(chart_range(&s, 0, &min, &max), 0);
	assert_true(min == 4 && max == 6);
	assert_int_equal(chart_plot(&s, CHART_ASCII, 3, 3, min, max, c), 3);
	assert_string_equal(row_text(c, 3, 1, CHART_ASCII, row, sizeof row),
	    "***");
	/* with decimals the step is a tenth */
	assert_int_equal(chart_range(&s, 1, &min, &max), 0);
	assert_true(fabs(min - 4.9) < 1e-9 && fabs(max - 5.1) < 1e-9);
	/* one value spans the whole width */
	s.v = one;
	s.n = 1;
	assert_int_equal(chart_range(&s, 0, &min, &max), 0);
	assert_true(min == 6 && max == 8);
	assert_true(chart_plot(&s, CHART_BRAILLE, 6, 3, min, max, c) == 6);
	/* a plot over an empty span divides by nothing */
	assert_int_equal(chart_level(3, 2, 2, 12), 0);
	assert_int_equal(chart_level(NAN, 0, 1, 12), 0);
	assert_int_equal(chart_plot(&s, CHART_BLOCK, 6, 3, 7, 7, c), 6);
	/* no value at all: no chart */
	s.v = none;
	s.n = 2;
	assert_int_equal(chart_range(&s, 0, &min, &max), -1);
	s.n = 0;
	assert_int_equal(chart_range(&s, 0, &min, &max), -1);
	assert_true(isnan(chart_point(none, 0, 0, 4)));
}

static void
test_band_and_outside(void **state)
{
	const double v[] = { 0, 5, 10, 5 }, lo[] = { 4, 4, 4, 4 },
	    hi[] = { 6, 6, 6, 6 };
	struct chart_series s = { v, lo, hi, 4 };
	struct chart_cell c[4 * 4];
	double min, max;
	char row[64];

	(void)state;
	assert_int_equal(chart_range(&s, 0, &min, &max), 0);
	assert_true(min == 0 && max == 10);
	chart_plot(&s, CHART_ASCII, 4, 4, min, max, c);
	/* the band is rows 1-2; 10 above it, 0 under it */
	assert_string_equal(row_text(c, 4, 0, CHART_ASCII, row, sizeof row),
	    "  * ");
	assert_string_equal(row_text(c, 4, 1, CHART_ASCII, row, sizeof row),
	    ".*.*");
	assert_string_equal(row_text(c, 4, 2, CHART_ASCII, row, sizeof row),
	    ".|..");
	assert_string_equal(row_text(c, 4, 3, CHART_ASCII, row, sizeof row),
	    "*   ");
	/* the band widens the scale when it lies outside the values */
	{
		const double w[] = { 5, 5, 5, 5 }, h2[] = { 9, 9, 9, 9 };
		struct chart_series sw = { w, lo, h2, 4 };

		assert_int_equal(chart_range(&sw, 0, &min, &max), 0);
		assert_true(min == 4 && max == 9);
	}
	/* braille and blocks shade the band where the line is not */
	chart_plot(&s, CHART_BRAILLE, 2, 2, min, max, c);
	{
		struct chart_cell b = { 0, 0, 0, 1 };
		char t[8];

		assert_string_equal(chart_cell_text(&b, CHART_BRAILLE, t),
		    "\u2591");
		assert_string_equal(chart_cell_text(&b, CHART_ASCII, t), ".");
		b.band = 0;
		assert_string_equal(chart_cell_text(&b, CHART_BLOCK, t), " ");
		b.dots = 0xff;
		assert_string_equal(chart_cell_text(&b, CHART_BRAILLE, t),
		    "\u28ff");
	}
}

static void
test_blocks_known(void **state)
{
	const double v[] = { 0, 5, 10 };
	struct chart_series s = { v, NULL, NULL, 3 };
	struct chart_cell c[3 * 2];
	char row[64];

	(void)state;
	chart_plot(&s, CHART_BLOCK, 3, 2, 0, 10, c);
	assert_string_equal(row_text(c, 3, 0, CHART_BLOCK, row, sizeof row),
	    " \u2581\u2588");
	assert_string_equal(row_text(c, 3, 1, CHART_BLOCK, row, sizeof row),
	    "\u2581\u2588\u2588");
}

static void
test_points_share_days(void **state)
{
	const double v[] = { 1, 3, 5, 7 };

	(void)state;
	assert_true(chart_point(v, 4, 0, 2) == 2);
	assert_true(chart_point(v, 4, 1, 2) == 6);
	/* fewer days than points: a day spans several points */
	assert_true(chart_point(v, 2, 0, 4) == 1);
	assert_true(chart_point(v, 2, 1, 4) == 1);
	assert_true(chart_point(v, 2, 3, 4) == 3);
	assert_true(isnan(chart_point(v, 4, 4, 4)));
}

static void
test_ticks(void **state)
{
	int col[32], day[32], n, first;

	(void)state;
	assert_int_equal(date_parse("2026-09-07", &first), 0);
	/* a column a day: a label every week, the last one still fitting */
	n = chart_ticks(first, 84, first, 84, 5, col, day, 32);
	assert_int_equal(n, 12);
	assert_int_equal(col[1], 7);
	assert_int_equal(day[11], first + 77);
	/* 40 columns for 12 weeks: every 4 weeks */
	n = chart_ticks(first, 84, first, 40, 5, col, day, 32);
	assert_int_equal(n, 3);
	assert_int_equal(day[1] - day[0], 28);
	assert_true(col[1] - col[0] >= 7);
	/* labels fall on the tick day's weekday, even before first */
	n = chart_ticks(first, 84, first - 4, 84, 5, col, day, 32);
	assert_int_equal(day[0], first + 3);
	assert_int_equal(col[0], 3);
	assert_int_equal(chart_ticks(first, 0, first, 40, 5, col, day, 32), 0);
}

/* The Trends screen over twelve weeks of every wellness value. */

static void
fill(struct store *st)
{
	int today, d, k;

	assert_int_equal(date_parse("2026-11-25", &today), 0);
	assert_int_equal(store_begin(st, "fill"), 0);
	for (d = today - 90, k = 0; d <= today; d++, k++) {
		struct checkin c;
		struct sleep s;
		struct run r;

		if (k % 7 != 0 && k % 7 != 3) {
			memset(&r, 0, sizeof r);
			r.day = d;
			r.distance_m = 6000 + 1000 * (k % 5) + (k % 7 == 6 ?
			    8000 : 0);
			r.duration_s = r.distance_m * 330 / 1000;
			r.rpe = 4 + k % 3;
			r.type = RUN_EASY;
			r.climb_m = -1;
			assert_int_equal(store_add_run(st, &r), 0);
			run_free(&r);
		}
		if (k % 11 != 5) {
			memset(&s, 0, sizeof s);
			s.day = d;
			s.minutes = 380 + (k * 37) % 110;
			s.quality = 3;
			assert_int_equal(store_put_sleep(st, &s, NULL), 0);
			sleep_free(&s);
		}
		if (k % 9 == 4)
			continue;      /* a morning without a check-in */
		memset(&c, 0, sizeof c);
		c.day = d;
		c.fatigue = 3 + (k * 5) % 6;
		c.rhr = 48 + k % 4 + (k > 80 && k < 86 ? 9 : 0);
		c.hrv_ms = 62 + (k * 13) % 17 - (k > 80 ? 15 : 0);
		c.mass_g = 70500 - 20 * k + (k % 3) * 150;
		assert_int_equal(store_put_checkin(st, &c, NULL), 0);
		checkin_free(&c);
	}
	assert_int_equal(store_commit(st), 0);
}

static int
setup(void **state)
{
	struct fx *f = fx_open(fill);

	if (f == NULL)
		return -1;
	ui_text_force_ascii(0);
	*state = f;
	return 0;
}

static char *
render(struct fx *f)
{
	struct buf b;

	buf_init(&b);
	ui_draw(f->ui, stdscr);
	ui_screen_text(stdscr, f->ui->lines, &b);
	return b.data;
}

static int
press(struct fx *f, int k)
{
	int r = ui_key(f->ui, k);

	if (r & UI_RELOAD)
		ui_reload(f->ui);
	return r;
}

static void
resize(struct fx *f, int lines, int cols)
{
	resizeterm(lines, cols);
	ui_resize(f->ui, lines, cols);
}

static void
check_golden(const char *name, int cols, int lines, const char *got)
{
	const char *src = __FILE__, *slash = strrchr(src, '/');
	char *path = xasprintf("%.*s/golden/%s-%dx%d.txt",
	    slash != NULL ? (int)(slash - src) : 1, slash != NULL ? src : ".",
	    name, cols, lines);
	const char *upd = getenv("UPDATE_GOLDEN");
	struct buf want;
	char chunk[4096];
	size_t n;
	FILE *fp;

	if (upd != NULL && *upd == '1') {
		fp = fopen(path, "w");
		assert_non_null(fp);
		fputs(got, fp);
		fclose(fp);
		free(path);
		return;
	}
	if ((fp = fopen(path, "r")) == NULL)
		fail_msg("missing %s (UPDATE_GOLDEN=1 writes it)", path);
	buf_init(&want);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&want, chunk, n);
	fclose(fp);
	if (strcmp(want.data != NULL ? want.data : "", got) != 0) {
		fprintf(stderr, "--- %s\n%s--- got\n%s", path,
		    want.data != NULL ? want.data : "", got);
		fail_msg("%s differs", path);
	}
	buf_free(&want);
	free(path);
}

/* Renders every page of the Trends screen at a size; how many. */
static int
golden_pages(struct fx *f, const char *name, int cols, int lines)
{
	int n = 0, page;
	char *text, label[64];

	resize(f, lines, cols);
	press(f, '3');
	while (ui_peek(f->ui, &trends_screen, "page") != 0)
		press(f, 'c');
	do {
		page = (int)ui_peek(f->ui, &trends_screen, "page");
		text = render(f);
		snprintf(label, sizeof label, "%s-%d", name, page + 1);
		check_golden(label, cols, lines, text);
		assert_null(strchr(text, '\x1b'));
		free(text);
		n++;
		press(f, 'c');
	} while (ui_peek(f->ui, &trends_screen, "page") != 0 && n < 20);
	return n;
}

static void
test_trends_chart_pages(void **state)
{
	struct fx *f = *state;
	char *text;

	/* 140x45: the weeks and every chart on one page */
	assert_int_equal(golden_pages(f, "trends-charts", 140, 45), 1);
	text = render(f);
	assert_non_null(strstr(text, "Fitness (CTL)"));
	assert_non_null(strstr(text, "Body mass, kg  68.7 on 11-25"));
	assert_non_null(strstr(text, "Resting HR, bpm  50 on 11-25, band "
	    "baseline to +5"));
	free(text);
	press(f, 'c');
	assert_non_null(strstr(f->ui->msg, "Every chart is on this page"));
	/* 80x24: a chart under the weeks, then two a page */
	assert_int_equal(golden_pages(f, "trends-charts", 80, 24), 5);
	/* 40x12: the weeks, then one chart a page */
	assert_int_equal(golden_pages(f, "trends-charts", 40, 12), 9);
	/* C goes back, from the first page to the last */
	press(f, 'C');
	assert_int_equal(ui_peek(f->ui, &trends_screen, "page"), 8);
	text = render(f);
	assert_non_null(strstr(text, "page 9/9"));
	assert_non_null(strstr(text, "Body mass"));
	free(text);
	/* a larger terminal keeps the page in range */
	resize(f, 45, 140);
	text = render(f);
	assert_non_null(strstr(text, "Body mass"));
	free(text);
	resize(f, 24, 80);
	text = render(f);
	assert_non_null(strstr(text, "page 5/5"));
	free(text);
	press(f, 'c');               /* from the last page of five */
	assert_int_equal(ui_peek(f->ui, &trends_screen, "page"), 0);
}

/* Whether s holds a braille character, U+2800 to U+28FF. */
static int
has_braille(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)s[0] == 0xe2 &&
		    (unsigned char)s[1] >= 0xa0 && (unsigned char)s[1] <= 0xa3)
			return 1;
	return 0;
}

static void
test_trends_chart_styles(void **state)
{
	struct fx *f = *state;
	char *text;

	press(f, '3');
	press(f, 'c');
	assert_int_equal(ui_peek(f->ui, &trends_screen, "style"), -1);
	text = render(f);
	assert_true(has_braille(text));
	free(text);
	press(f, 'v');
	assert_int_equal(ui_peek(f->ui, &trends_screen, "style"), CHART_BLOCK);
	assert_non_null(strstr(f->ui->msg, "Charts in blocks"));
	text = render(f);
	check_golden("trends-charts-blocks", 80, 24, text);
	free(text);
	press(f, 'v');
	assert_int_equal(ui_peek(f->ui, &trends_screen, "style"), CHART_ASCII);
	press(f, 'v');
	assert_int_equal(ui_peek(f->ui, &trends_screen, "style"),
	    CHART_BRAILLE);
	/* a locale that is not UTF-8 gets ASCII, whatever was chosen */
	ui_text_force_ascii(1);
	press(f, 'v');
	assert_int_equal(ui_peek(f->ui, &trends_screen, "style"), CHART_ASCII);
	assert_non_null(strstr(f->ui->msg, "not UTF-8"));
	text = render(f);
	check_golden("trends-charts-ascii", 80, 24, text);
	assert_false(has_braille(text));
	assert_null(strstr(text, "\xe2"));
	free(text);
	ui_text_force_ascii(0);
}

/* A rule switched off has no band; a period before the journal, no line. */
static void
test_trends_chart_bands(void **state)
{
	struct fx *f = *state;
	char *text;

	f->cfg.an.rules_off = 1u << AN_RESTING_HR;
	resize(f, 45, 140);
	press(f, '3');
	text = render(f);
	assert_non_null(strstr(text, "Resting HR, bpm  50 on 11-25\n"));
	assert_null(strstr(text, "baseline to"));
	assert_non_null(strstr(text, "band 6 to 7 h"));
	free(text);
	press(f, '[');
	press(f, '[');
	text = render(f);
	assert_non_null(strstr(text, "nothing logged in these weeks"));
	free(text);
	resize(f, 24, 80);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_braille_known),
		cmocka_unit_test(test_gap_stays_empty),
		cmocka_unit_test(test_constant_and_single),
		cmocka_unit_test(test_band_and_outside),
		cmocka_unit_test(test_blocks_known),
		cmocka_unit_test(test_points_share_days),
		cmocka_unit_test(test_ticks),
		cmocka_unit_test_setup_teardown(test_trends_chart_pages, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_trends_chart_styles, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_trends_chart_bands, setup,
		    fx_close),
	};

	return cmocka_run_group_tests_name("chart", tests, NULL, NULL);
}
