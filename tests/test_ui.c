/*
 * The journal UI in process: every screen drawn into a curses screen on
 * /dev/null at 80x24 and 40x12, read back and compared with the golden
 * files in tests/golden/ (UPDATE_GOLDEN=1 rewrites them); keys fed to the
 * handlers; forms refusing bad values; a resize keeping what was typed.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <locale.h>
#include <sys/stat.h>

#include "uitest.h"

#include "cli.h"
#include "config.h"
#include "date.h"
#include "store.h"
#include "ui.h"
#include "ui-form.h"
#include "ui-keys.h"
#include "ui-text.h"
#include "util.h"

/* store_warn(), to queue what a damaged journal would. */
#include "../src/store-int.h"

#define CTRL_U 21
#define CTRL(c) ((c) & 0x1f)
#define ESC 27

static int
day(const char *s)
{
	int d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void
add_run(struct store *st, const char *d, int64_t m, int64_t s, int rpe,
    enum run_type t, const char *note)
{
	struct run r;

	memset(&r, 0, sizeof r);
	r.day = day(d);
	r.distance_m = m;
	r.duration_s = s;
	r.rpe = rpe;
	r.type = t;
	r.climb_m = -1;
	r.note = note != NULL ? xstrdup(note) : NULL;
	assert_int_equal(store_add_run(st, &r), 0);
	run_free(&r);
}

static void
add_sleep(struct store *st, const char *d, int64_t min, int q)
{
	struct sleep s;

	memset(&s, 0, sizeof s);
	s.day = day(d);
	s.minutes = min;
	s.quality = q;
	assert_int_equal(store_put_sleep(st, &s, NULL), 0);
	sleep_free(&s);
}

static void
add_drink(struct store *st, const char *d, int64_t ml)
{
	struct drink k;

	memset(&k, 0, sizeof k);
	k.day = day(d);
	k.volume_ml = ml;
	assert_int_equal(store_add_drink(st, &k), 0);
	drink_free(&k);
}

static void
add_checkin(struct store *st, const char *d, int fatigue, int soreness,
    int pain)
{
	struct checkin c;

	memset(&c, 0, sizeof c);
	c.day = day(d);
	c.fatigue = fatigue;
	c.soreness = soreness;
	c.pain = pain;
	assert_int_equal(store_put_checkin(st, &c, NULL), 0);
	checkin_free(&c);
}

/*
 * Shoes for the runs before today: the long runs in racing shoes now past
 * their limit, the rest in the default shoe, and a retired pair without
 * runs. Today's run names none.
 */
static void
fill_shoes(struct store *st)
{
	struct run *v;
	size_t n, i;

	assert_int_equal(store_shoe_add(st, "Old trainers", 0, 0,
	    day("2026-01-10")), 0);
	assert_int_equal(store_shoe_retire(st, "Old trainers"), 0);
	assert_int_equal(store_shoe_add(st, "Pegasus 40", 700000, 1,
	    day("2026-10-01")), 0);
	assert_int_equal(store_shoe_add(st, "Vaporfly 3", 25000, 0,
	    day("2026-10-01")), 0);
	assert_int_equal(store_runs(st, day("2026-11-01"), day("2026-11-24"),
	    &v, &n), 0);
	for (i = 0; i < n; i++) {
		v[i].shoe = xstrdup(v[i].type == RUN_LONG ? "Vaporfly 3" :
		    "Pegasus 40");
		assert_int_equal(store_update_run(st, &v[i]), 0);
	}
	entry_list_free(ENTRY_RUN, v, n);
}

/* Three weeks of a plausible journal up to Wednesday 2026-11-25. */
static void
fill(struct store *st)
{
	static const char *const days[] = {
		"2026-11-03", "2026-11-05", "2026-11-07", "2026-11-08",
		"2026-11-10", "2026-11-12", "2026-11-14", "2026-11-15",
		"2026-11-17", "2026-11-19", "2026-11-21", "2026-11-22",
	};
	size_t i;
	char d[11];
	int k;

	assert_int_equal(store_begin(st, "fill"), 0);
	for (i = 0; i < sizeof days / sizeof days[0]; i++)
		add_run(st, days[i], 6000 + 500 * (int64_t)i, 1800 + 150 * (int64_t)i,
		    4 + (int)(i % 3), i % 4 == 3 ? RUN_LONG : RUN_EASY, NULL);
	for (k = 0; k < 22; k++) {
		date_format(day("2026-11-03") + k, d);
		add_sleep(st, d, 400 + (k % 5) * 15, 3);
		add_drink(st, d, 1500);
		add_checkin(st, d, 3 + k % 4, 2, 0);
	}
	{
		struct rest r;
		memset(&r, 0, sizeof r);
		r.day = day("2026-11-23");
		assert_int_equal(store_put_rest(st, &r, NULL), 0);
		rest_free(&r);
	}
	assert_int_equal(store_commit(st), 0);
	fill_shoes(st);
	/* Today: a run with a note holding control characters. */
	add_run(st, "2026-11-25", 10000, 3150, 5, RUN_TEMPO,
	    "felt \x1b[31mgood\x07 today");
	add_sleep(st, "2026-11-25", 450, 4);
	add_drink(st, "2026-11-25", 500);
	add_checkin(st, "2026-11-25", 4, 3, 1);   /* an injury sign */
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

static void
resize(struct fx *f, int lines, int cols)
{
	resizeterm(lines, cols);
	ui_resize(f->ui, lines, cols);
}

/* The screen as text, drawn now. The caller frees. */
static char *
render(struct fx *f)
{
	struct buf b;

	buf_init(&b);
	ui_draw(f->ui, stdscr);
	ui_screen_text(stdscr, f->ui->lines, &b);
	return b.data;
}

static void
keys(struct fx *f, const char *s)
{
	int r;

	for (; *s != '\0'; s++) {
		r = ui_key(f->ui, (unsigned char)*s);
		if (r & UI_RELOAD)
			ui_reload(f->ui);
	}
}

static int
key(struct fx *f, int k)
{
	int r = ui_key(f->ui, k);

	if (r & UI_RELOAD)
		ui_reload(f->ui);
	return r;
}

static char *
golden_path(const char *name, int cols, int lines)
{
	const char *src = __FILE__, *slash = strrchr(src, '/');
	int dirlen = slash != NULL ? (int)(slash - src) : 1;

	return xasprintf("%.*s/golden/%s-%dx%d.txt", dirlen,
	    slash != NULL ? src : ".", name, cols, lines);
}

static void
check_golden(const char *name, int cols, int lines, const char *got)
{
	char *path = golden_path(name, cols, lines);
	const char *upd = getenv("UPDATE_GOLDEN");
	FILE *fp;
	struct buf want;
	char chunk[4096];
	size_t n;

	if (upd != NULL && *upd == '1') {
		fp = fopen(path, "w");
		assert_non_null(fp);
		fputs(got, fp);
		fclose(fp);
		free(path);
		return;
	}
	fp = fopen(path, "r");
	if (fp == NULL)
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

static void
test_golden_screens(void **state)
{
	struct fx *f = *state;
	static const int sizes[][2] = { { 80, 24 }, { 40, 12 } };
	size_t s;
	int i;

	for (s = 0; s < 2; s++) {
		resize(f, sizes[s][1], sizes[s][0]);
		for (i = 0; i < UI_SCREENS; i++) {
			char *text, name[32];
			size_t k;

			ui_switch(f->ui, ui_screens[i]);
			text = render(f);
			snprintf(name, sizeof name, "%s", ui_screens[i]->name);
			for (k = 0; name[k]; k++)
				name[k] = (char)(name[k] | 0x20);
			check_golden(name, sizes[s][0], sizes[s][1], text);
			/* Nothing ever goes past the right edge or the bottom. */
			assert_null(strchr(text, '\x1b'));
			free(text);
		}
	}
	/* Trends, at 140x45 as well: it uses the whole of a large terminal. */
	{
		char *text;

		resize(f, 45, 140);
		ui_switch(f->ui, &trends_screen);
		text = render(f);
		check_golden("trends", 140, 45, text);
		free(text);
	}
	resize(f, 24, 80);
}

/*
 * What a command prints when run on the fixture's journal, as text; the
 * caller frees. For checking the screens against the commands.
 */
static char *
run_cmd(struct store *st, int (*cmd)(struct cli_ctx *, int, char **),
    int argc, char **argv)
{
	struct cli_ctx ctx;
	FILE *tmp = tmpfile();
	struct buf b;
	char chunk[4096];
	size_t n;
	int saved;

	assert_non_null(tmp);
	memset(&ctx, 0, sizeof ctx);
	ctx.prog = "runlog";
	ctx.db_path = (char *)"journal.db";
	/* No config file: the defaults, whatever $HOME holds. */
	ctx.config_path = (char *)"/nonexistent/runlog/config";
	ctx.st = st;
	ctx.verified = 1;
	config_defaults(&ctx.cfg);
	fflush(stdout);
	saved = dup(1);
	assert_true(saved >= 0 && dup2(fileno(tmp), 1) >= 0);
	assert_int_equal(cmd(&ctx, argc, argv), 0);
	fflush(stdout);
	assert_true(dup2(saved, 1) >= 0);
	close(saved);
	rewind(tmp);
	buf_init(&b);
	buf_adds(&b, "");
	while ((n = fread(chunk, 1, sizeof chunk, tmp)) > 0)
		buf_add(&b, chunk, n);
	fclose(tmp);
	return b.data;
}

/* The journal of runlog demo: 16 weeks to 2026-11-25 from 2026-08-10. */
static void
fill_demo(struct store *st)
{
	char *argv[] = { (char *)"demo", NULL };

	free(run_cmd(st, cmd_demo, 1, argv));
}

static int
setup_demo(void **state)
{
	struct fx *f = fx_open(fill_demo);

	if (f == NULL)
		return -1;
	ui_text_force_ascii(0);
	*state = f;
	return 0;
}

/*
 * The Calendar screen on the demo journal at the sizes it is laid out
 * for: the year and its months in two columns at 80x24, half a year at
 * 40x12, every month with a bar under larger cells at 140x45.
 */
static void
test_calendar_golden(void **state)
{
	struct fx *f = *state;
	static const int sizes[][2] = { { 80, 24 }, { 40, 12 }, { 140, 45 } };
	size_t s;

	keys(f, "7");
	assert_ptr_equal(f->ui->screen, &calendar_screen);
	for (s = 0; s < 3; s++) {
		char *text;

		resize(f, sizes[s][1], sizes[s][0]);
		text = render(f);
		check_golden("calendar-demo", sizes[s][0], sizes[s][1], text);
		assert_null(strchr(text, '\x1b'));
		free(text);
	}
	resize(f, 24, 80);
}

/*
 * The screen and the commands agree: the heat map's month names and
 * weekday rows at 80x24 are the lines runlog calendar prints, and each
 * month's totals are the row of runlog totals.
 */
static void
test_calendar_agrees(void **state)
{
	struct fx *f = *state;
	char *cal_argv[] = { (char *)"calendar", NULL };
	char *tot_argv[] = { (char *)"totals", NULL };
	char *cli, *screen, *line, *next, *tot;
	int rows = 0, mo;

	keys(f, "7");
	screen = render(f);
	cli = run_cmd(f->st, cmd_calendar, 1, cal_argv);
	for (line = strstr(cli, "\n\n") + 2; *line != '\0' && *line != '\n';
	    line = next + 1) {
		char *want;

		next = strchr(line, '\n');
		assert_non_null(next);
		want = xasprintf("\n%.*s\n", (int)(next - line + 0), line);
		if (strstr(screen, want) == NULL)
			fail_msg("the screen has no line '%.*s'",
			    (int)(next - line), line);
		free(want);
		rows++;
	}
	assert_int_equal(rows, 8);          /* the months and 7 weekdays */
	assert_non_null(strstr(cli, "594.97 km on 76 days"));
	assert_non_null(strstr(screen, "2026   594.97  59:30:08   76"));

	tot = run_cmd(f->st, cmd_totals, 1, tot_argv);
	for (mo = 8; mo <= 11; mo++) {
		char label[32], dist[48];
		int64_t m;

		snprintf(label, sizeof label, "month_m%d", mo);
		m = ui_peek(f->ui, &calendar_screen, label);

		snprintf(label, sizeof label, "2026-%02d ", mo);
		line = strstr(tot, label);
		assert_non_null(line);
		next = strchr(line, '\n');
		snprintf(dist, sizeof dist, " %" PRId64 ".%02" PRId64 " ",
		    (m + 5) / 1000, (m + 5) / 10 % 100);
		if (strstr(line, dist) == NULL || strstr(line, dist) > next)
			fail_msg("totals say '%.40s', the screen %s", line, dist);
	}
	free(tot);
	free(cli);
	free(screen);
}

/*
 * Keys: j and k move a day, h and l a week, [ and ] a year (the same
 * day, today at most), never past today; Enter opens the Day screen on
 * the selected day; the go-to prompt selects a typed day.
 */
static void
test_calendar_keys(void **state)
{
	struct fx *f = *state;
	char *text;

	f->ui->day = day("2026-11-20");
	keys(f, "7");
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "sel"),
	    day("2026-11-20"));
	keys(f, "k");
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "sel"),
	    day("2026-11-19"));
	key(f, KEY_DOWN);
	keys(f, "j");
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "sel"),
	    day("2026-11-21"));
	keys(f, "h");
	key(f, KEY_LEFT);
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "sel"),
	    day("2026-11-07"));
	keys(f, "l");
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "sel"),
	    day("2026-11-14"));
	keys(f, "ll");                           /* 11-28 has not come */
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "sel"),
	    day("2026-11-21"));
	assert_non_null(strstr(f->ui->msg, "2026-11-28 has not come yet"));
	keys(f, "t");
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "sel"),
	    day("2026-11-25"));
	keys(f, "j");
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "sel"),
	    day("2026-11-25"));

	/* A year back: the same day, the year before the journal. */
	keys(f, "k[");
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "sel"),
	    day("2025-11-24"));
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "year"), 2025);
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "year_m"), 0);
	text = render(f);
	assert_non_null(strstr(text, "2025, distance per day"));
	assert_non_null(strstr(text, "Mon 2025-11-24  before the journal"));
	assert_non_null(strstr(text, "\nMon\n"));  /* nothing shaded */
	free(text);
	key(f, KEY_NPAGE);
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "year"), 2026);
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "sel"),
	    day("2026-11-24"));
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "prev_m"), 0);
	keys(f, "]");
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "year"), 2026);
	assert_non_null(strstr(f->ui->msg, "2027 has not come yet"));

	/* j across New Year loads the other year. */
	assert_int_equal(key(f, ':'), UI_REDRAW);
	keys(f, "2025-12-31\n");
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "year"), 2025);
	keys(f, "j");
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "year"), 2026);
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "sel"),
	    day("2026-01-01"));

	/* The narrow screen shows the selected day's half of the year. */
	resize(f, 12, 40);
	text = render(f);
	assert_non_null(strstr(text, "2026 Jan-Jun"));
	assert_non_null(strstr(text, "[7 Cal]"));
	free(text);
	resize(f, 24, 80);

	/* Enter: the Day screen on the selected day. */
	keys(f, ":");
	keys(f, "2026-09-12\n");
	keys(f, "j\n");
	assert_ptr_equal(f->ui->screen, &day_screen);
	assert_int_equal(f->ui->day, day("2026-09-13"));
	text = render(f);
	assert_non_null(strstr(text, "Sunday 2026-09-13"));
	free(text);
	/* Back on the Calendar: the day the Day screen shows, selected. */
	keys(f, "[[7");
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "sel"),
	    day("2026-09-11"));
}

/*
 * The year against the one before: up to the same day while the year is
 * not over (a run after 25 November 2025 is in 2025's total, not in the
 * comparison), the whole year once it is.
 */
static void
test_calendar_years(void **state)
{
	struct fx *f = *state;
	char *text;

	add_run(f->st, "2025-11-01", 10000, 3000, 4, RUN_EASY, NULL);
	add_run(f->st, "2025-12-01", 5000, 1500, 4, RUN_EASY, NULL);
	keys(f, "7");
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "year_m"), 115000);
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "prev_m"), 15000);
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "month_m11"), 115000);
	assert_int_equal(ui_peek(f->ui, &calendar_screen, "month_m10"), 0);
	text = render(f);
	assert_non_null(strstr(text, "2026 to 11-25: 115.00 km, +1050% on 2025 "
	    "to 11-25 (10.00 km)"));
	assert_non_null(strstr(text, "2025    15.00"));
	assert_non_null(strstr(text, "\nApr      0.00      0:00    0      0"));
	free(text);
	keys(f, "[");
	text = render(f);
	/* Months before the journal's first entry are not months of 0 km. */
	assert_non_null(strstr(text, "\nApr         -"));
	assert_non_null(strstr(text, "Oct         -\n"));
	assert_non_null(strstr(text, " Nov     10.00     50:00    1    200\n"));
	assert_non_null(strstr(text, "2025: 15.00 km; none in 2024 to compare"));
	assert_non_null(strstr(text, "2024        -"));
	free(text);
}

static void
test_note_sanitised(void **state)
{
	struct fx *f = *state;
	char *text = render(f);

	assert_non_null(strstr(text, "felt good today"));
	assert_null(strchr(text, '\x1b'));
	assert_null(strchr(text, '\x07'));
	free(text);
}

static void
test_day_keys(void **state)
{
	struct fx *f = *state;
	int64_t drinks = store_count(f->st, ENTRY_DRINK);
	char *text;

	assert_int_equal(f->ui->day, day("2026-11-25"));
	keys(f, "]");                        /* no future days */
	assert_int_equal(f->ui->day, day("2026-11-25"));
	keys(f, "[[");
	assert_int_equal(f->ui->day, day("2026-11-23"));
	text = render(f);
	assert_non_null(strstr(text, "Monday 2026-11-23"));
	assert_non_null(strstr(text, "rest day"));
	free(text);
	key(f, KEY_RIGHT);
	assert_int_equal(f->ui->day, day("2026-11-24"));
	keys(f, "h");
	assert_int_equal(f->ui->day, day("2026-11-23"));
	keys(f, "t");
	assert_int_equal(f->ui->day, day("2026-11-25"));

	/* One keystroke, one glass; u takes it back. */
	keys(f, "ww");
	assert_int_equal(store_count(f->st, ENTRY_DRINK), drinks + 2);
	assert_int_equal(ui_peek(f->ui, &day_screen, "fluid_ml"), 1000);
	text = render(f);
	assert_non_null(strstr(text, "1.00 l of 2.00 l"));
	free(text);
	keys(f, "u");
	assert_int_equal(store_count(f->st, ENTRY_DRINK), drinks + 1);
	keys(f, "u");
	assert_int_equal(store_count(f->st, ENTRY_DRINK), drinks);

	/* x marks a rest day and unmarks it. */
	keys(f, "x");
	assert_int_equal(ui_peek(f->ui, &day_screen, "nrest"), 1);
	keys(f, "x");
	assert_int_equal(ui_peek(f->ui, &day_screen, "nrest"), 0);

	/* An unbound key says so and changes nothing. */
	keys(f, "Z");
	assert_non_null(strstr(f->ui->msg, "? lists the keys"));

	/* q quits from Day; from another screen it comes back to Day. */
	keys(f, "2");
	assert_ptr_equal(f->ui->screen, &week_screen);
	assert_int_equal(key(f, 'q') & UI_QUIT, 0);
	assert_ptr_equal(f->ui->screen, &day_screen);
	assert_true(key(f, 'q') & UI_QUIT);
}

static void
test_help_from_table(void **state)
{
	struct fx *f = *state;
	char lines[64][96], *text;
	size_t n, i;

	keys(f, "?");
	assert_true(f->ui->help);
	text = render(f);
	n = ui_key_help_lines(&ui_keys_day, lines, 64);
	assert_true(n >= 10);
	/* Every line the table gives fits on the 80x24 help. */
	for (i = 0; i < n; i++) {
		char want[96];
		size_t len;
		memcpy(want, lines[i], sizeof want);
		want[sizeof want - 1] = '\0';
		len = strlen(want);
		while (len > 0 && want[len - 1] == ' ')
			want[--len] = '\0';
		if (strstr(text, want) == NULL)
			fail_msg("help lacks '%s'", want);
	}
	free(text);
	keys(f, " ");          /* scrolls */
	assert_true(f->ui->help);
	keys(f, "x");          /* any other key closes, and does nothing else */
	assert_false(f->ui->help);
	assert_int_equal(ui_peek(f->ui, &day_screen, "nrest"), 0);
	/* At 40x12 the help still opens and scrolls. */
	resize(f, 12, 40);
	keys(f, "?");
	text = render(f);
	assert_non_null(strstr(text, "Keys: Day"));
	free(text);
	keys(f, "q");
	resize(f, 24, 80);
}

static void
type(struct fx *f, const char *s)
{
	for (; *s != '\0'; s++)
		key(f, (unsigned char)*s);
}

static void
test_form_refuses_bad_values(void **state)
{
	struct fx *f = *state;
	int64_t runs = store_count(f->st, ENTRY_RUN);
	struct ui_form *fm;
	char *text;

	keys(f, "r");
	fm = f->ui->form;
	assert_non_null(fm);
	type(f, "12x");
	assert_string_equal(form_text(fm, 0), "12x");
	assert_non_null(strstr(form_field_error(fm, 0), "more than 0 and at most 500 km"));
	text = render(f);
	assert_non_null(strstr(text, "[12x"));
	assert_non_null(strstr(text, "more than 0 and at most 500 km"));
	free(text);
	key(f, '\n');                            /* refused */
	assert_non_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs);
	assert_non_null(strstr(form_error(fm), "Not saved"));

	key(f, KEY_BACKSPACE);
	assert_string_equal(form_text(fm, 0), "12");
	assert_string_equal(form_field_error(fm, 0), "");
	type(f, "000");                          /* 12000 km: out of range */
	assert_non_null(strstr(form_field_error(fm, 0), "at most 500 km"));
	key(f, CTRL_U);
	type(f, "12.5");
	assert_string_equal(form_field_error(fm, 0), "");
	key(f, '\t');
	type(f, "55:xx");
	assert_non_null(strstr(form_field_error(fm, 1), "duration"));
	key(f, '\n');
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs);
	assert_int_equal(form_current(fm), 1);            /* the bad field is current */
	key(f, KEY_BACKSPACE);
	key(f, KEY_BACKSPACE);
	type(f, "00");
	key(f, '\t');
	type(f, "t");                            /* type: first starting with t */
	assert_string_equal(form_text(fm, 2), "tempo");
	key(f, '\t');
	type(f, "11");
	assert_non_null(strstr(form_field_error(fm, 3), "from 1 to 10"));
	/* At 40x12 the range of the bad field is still shown in full. */
	resize(f, 12, 40);
	text = render(f);
	assert_non_null(strstr(text, "a whole number from 1 to 10"));
	assert_non_null(strstr(text, "[11"));
	free(text);
	resize(f, 24, 80);
	key(f, '\n');
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs);
	key(f, KEY_BACKSPACE);
	assert_string_equal(form_field_error(fm, 3), "");
	/* Mass before without after is refused too. */
	key(f, '\t'); key(f, '\t'); key(f, '\t');
	type(f, "70.5");
	key(f, '\n');
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs);
	assert_non_null(strstr(form_error(f->ui->form), "Mass"));
	assert_int_equal(form_current(f->ui->form), 7);
	key(f, KEY_BTAB);
	key(f, CTRL_U);
	key(f, KEY_BTAB);
	key(f, KEY_BTAB);
	key(f, KEY_BTAB);
	assert_int_equal(form_current(f->ui->form), 3);
	key(f, '\n');
	assert_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs + 1);
	{
		struct run *r;
		size_t n;
		assert_int_equal(store_runs(f->st, day("2026-11-25"),
		    day("2026-11-25"), &r, &n), 0);
		assert_int_equal(n, 2);
		assert_int_equal(r[1].distance_m, 12500);
		assert_int_equal(r[1].duration_s, 3300);
		assert_int_equal(r[1].rpe, 1);
		assert_int_equal(r[1].type, RUN_TEMPO);
		assert_int_equal(r[1].mass_before_g, 0);
		run_list_free(r, n);
	}
	assert_non_null(strstr(f->ui->msg, "Saved run 12.50 km"));
}

static void
test_form_escape_and_q(void **state)
{
	struct fx *f = *state;
	int64_t n = store_count(f->st, ENTRY_CHECKIN);
	char *text;

	keys(f, "f");
	assert_non_null(f->ui->form);
	/* The day's check-in is loaded for editing. */
	assert_string_equal(form_text(f->ui->form, 0), "4");
	key(f, CTRL_U);
	type(f, "9");
	key(f, ESC);
	assert_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_CHECKIN), n);
	text = render(f);
	assert_non_null(strstr(text, "fatigue 4/10"));
	free(text);
	/* q is a letter in every field typed into; only Esc cancels. */
	keys(f, "s");
	key(f, KEY_BTAB);
	key(f, KEY_BTAB);                        /* the note */
	type(f, "quiet");
	assert_non_null(f->ui->form);
	assert_string_equal(form_text(f->ui->form, 2), "quiet");
	key(f, KEY_BTAB);
	key(f, KEY_BTAB);                        /* the hours */
	type(f, "q");
	assert_non_null(f->ui->form);
	assert_string_equal(form_text(f->ui->form, 0), "7:30q");
	assert_non_null(strstr(form_field_error(f->ui->form, 0), "hours"));
	key(f, ESC);
	assert_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_SLEEP), 23);
	assert_null(ui_key_find(&ui_keys_form, 'q') != CMD_NONE ? "q" : NULL);
}

static void
test_form_resize_keeps_text(void **state)
{
	struct fx *f = *state;
	struct sleep *s;
	size_t n;
	char *text;

	keys(f, "[");                            /* yesterday: has a sleep */
	keys(f, "s");
	key(f, CTRL_U);
	type(f, "7:3");
	resize(f, 12, 40);
	text = render(f);
	assert_non_null(strstr(text, "[7:3"));
	free(text);
	resize(f, 24, 80);
	text = render(f);
	assert_non_null(strstr(text, "[7:3"));
	free(text);
	type(f, "5\t");
	assert_string_equal(form_text(f->ui->form, 1), "3");   /* loaded */
	key(f, CTRL_U);
	type(f, "4\tslept \xc3\xa9 well");
	key(f, KEY_BACKSPACE);                   /* one character, not a byte */
	key(f, '\n');
	if (f->ui->form != NULL)
		fail_msg("not saved: %s", form_error(f->ui->form));
	assert_int_equal(store_sleeps(f->st, day("2026-11-24"), day("2026-11-24"),
	    &s, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(s[0].minutes, 7 * 60 + 35);
	assert_int_equal(s[0].quality, 4);
	assert_string_equal(s[0].note, "slept \xc3\xa9 wel");
	sleep_list_free(s, n);
}

static void
test_drink_form(void **state)
{
	struct fx *f = *state;
	int64_t n = store_count(f->st, ENTRY_DRINK);

	keys(f, "d");
	type(f, "0");
	assert_non_null(strstr(form_field_error(f->ui->form, 0), "more than 0"));
	key(f, '\n');
	assert_int_equal(store_count(f->st, ENTRY_DRINK), n);
	key(f, CTRL_U);
	type(f, "750ml\ty\n");
	assert_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_DRINK), n + 1);
	assert_int_equal(ui_peek(f->ui, &day_screen, "fluid_ml"), 1250);
	/* Selected on the Day screen (after the run and the first drink)
	 * and edited in place. */
	keys(f, "jj");
	assert_int_equal(ui_peek(f->ui, &day_screen, "sel"), 2);
	keys(f, "j");                            /* no further */
	assert_int_equal(ui_peek(f->ui, &day_screen, "sel"), 2);
	keys(f, "e");
	assert_non_null(f->ui->form);
	assert_int_equal(form_kind(f->ui->form), FORM_DRINK);
	assert_string_equal(form_text(f->ui->form, 0), "750ml");
	assert_string_equal(form_text(f->ui->form, 1), "yes");
	key(f, CTRL_U);
	type(f, "1l\n");
	assert_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_DRINK), n + 1);
	assert_int_equal(ui_peek(f->ui, &day_screen, "fluid_ml"), 1500);
}

static void
test_week_keys(void **state)
{
	struct fx *f = *state;
	char *text;

	keys(f, "2");
	assert_int_equal(ui_peek(f->ui, &week_screen, "start"), day("2026-11-23"));
	assert_int_equal(ui_peek(f->ui, &week_screen, "sel"), 2);
	keys(f, "[");
	assert_int_equal(ui_peek(f->ui, &week_screen, "start"), day("2026-11-16"));
	text = render(f);
	assert_non_null(strstr(text, "Week Mon 2026-11-16 to Sun 2026-11-22"));
	free(text);
	keys(f, "]]");                           /* not past this week */
	assert_int_equal(ui_peek(f->ui, &week_screen, "start"), day("2026-11-23"));
	keys(f, "[k");
	assert_int_equal(ui_peek(f->ui, &week_screen, "sel"), 1);
	key(f, '\n');                            /* opens that day */
	assert_ptr_equal(f->ui->screen, &day_screen);
	assert_int_equal(f->ui->day, day("2026-11-17"));
}

/* The plans of one day, as stored. */
static size_t
plans_on(struct fx *f, const char *d, struct plan *out)
{
	struct plan *v;
	size_t n;

	assert_int_equal(store_plans(f->st, day(d), day(d), &v, &n), 0);
	if (n > 0 && out != NULL) {
		*out = v[0];
		out->note = NULL;
		out->created_at = out->updated_at = NULL;
	}
	plan_list_free(v, n);
	return n;
}

/*
 * Plan: a opens the plan form on the selected day; its date takes days
 * ahead, up to a year, and no day in the past; once saved the screen
 * shows the planned run and the flag it would raise. d deletes the day's
 * plan after asking; u brings it back.
 */
static void
test_plan_add_delete(void **state)
{
	struct fx *f = *state;
	struct ui_form *fm;
	struct plan p;
	char *text;
	int last;

	keys(f, "6jj");                          /* Sat 2026-11-28 */
	assert_int_equal(ui_peek(f->ui, &plan_screen, "sel"), 2);
	keys(f, "d");                            /* nothing planned there */
	assert_false(f->ui->confirm.active);
	assert_non_null(strstr(f->ui->msg, "No plan on Sat 2026-11-28"));
	keys(f, "a");
	fm = f->ui->form;
	assert_non_null(fm);
	assert_int_equal(form_kind(fm), FORM_PLAN);
	last = form_nfields(fm) - 1;
	assert_int_equal(form_field_kind(fm, last), FK_DATE);
	assert_string_equal(form_text(fm, last), "2026-11-28");
	text = render(f);
	assert_non_null(strstr(text, "New plan on Sat 2026-11-28"));
	free(text);
	/* 25 km, 2:30:00, long, RPE 6, a note */
	type(f, "25\t2:30:00\tl\t6\tsteady");
	assert_string_equal(form_text(fm, 2), "long");
	/* The date: not in the past, not more than 365 days ahead. */
	key(f, '\t');
	assert_int_equal(form_current(fm), last);
	key(f, CTRL_U);
	type(f, "2026-11-24");
	assert_string_equal(form_field_error(fm, last), "date 2026-11-24 is "
	    "in the past; a plan is for a day from today to 365 days ahead "
	    "(2026-11-25 to 2027-11-25)");
	key(f, '\n');
	assert_non_null(f->ui->form);
	assert_non_null(strstr(form_error(fm), "Not saved: Date"));
	assert_int_equal(store_count(f->st, ENTRY_PLAN), 0);
	key(f, CTRL_U);
	type(f, "+366");
	assert_non_null(strstr(form_field_error(fm, last), "is too far ahead"));
	key(f, '\n');
	assert_int_equal(store_count(f->st, ENTRY_PLAN), 0);
	key(f, CTRL_U);
	type(f, "+365");
	assert_string_equal(form_field_error(fm, last), "");
	key(f, CTRL_U);
	type(f, "sat\n");                        /* the next Saturday */
	assert_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_PLAN), 1);
	assert_int_equal(plans_on(f, "2026-11-28", &p), 1);
	assert_int_equal(p.distance_m, 25000);
	assert_int_equal(p.duration_s, 9000);
	assert_int_equal(p.type, RUN_LONG);
	assert_int_equal(p.rpe, 6);
	assert_non_null(strstr(f->ui->msg, "Saved plan of 25.00 km on "
	    "2026-11-28"));
	/* The screen shows it and the flag it would raise: the longest run
	 * of the journal is 11.5 km. */
	assert_ptr_equal(f->ui->screen, &plan_screen);
	text = render(f);
	assert_non_null(strstr(text, "Sat 2026-11-28      25.00"));
	assert_non_null(strstr(text, "long-run-spike !"));
	assert_non_null(strstr(text, "Sat long-run-spike: a 25.0 km run"));
	free(text);
	/* d asks; n keeps it; d and y delete it; u undoes that. */
	keys(f, "d");
	assert_true(f->ui->confirm.active);
	assert_non_null(strstr(f->ui->confirm.text, "(plan on 2026-11-28)?"));
	keys(f, "n");
	assert_int_equal(store_count(f->st, ENTRY_PLAN), 1);
	keys(f, "dy");
	assert_int_equal(store_count(f->st, ENTRY_PLAN), 0);
	assert_non_null(strstr(f->ui->msg, "u undoes it"));
	text = render(f);
	assert_null(strstr(text, "25.00"));
	assert_null(strstr(text, "long-run-spike !"));
	free(text);
	keys(f, "u");
	assert_int_equal(plans_on(f, "2026-11-28", NULL), 1);
	text = render(f);
	assert_non_null(strstr(text, "long-run-spike !"));
	free(text);
	/* Escape leaves the form with nothing saved. */
	keys(f, "k");
	keys(f, "a9");
	key(f, ESC);
	assert_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_PLAN), 1);
}

static void
add_plan(struct store *st, const char *d, int64_t m)
{
	struct plan p;

	memset(&p, 0, sizeof p);
	p.day = day(d);
	p.distance_m = m;
	p.type = RUN_EASY;
	assert_int_equal(store_add_plan(st, &p), 0);
}

/*
 * History lists plans on their days, those ahead above today's entries,
 * and opens on today; f shows plans alone; e edits a plan in the plan
 * form, d deletes it.
 */
static void
test_history_plans(void **state)
{
	struct fx *f = *state;
	struct plan p;
	char *text;
	int i;

	add_plan(f->st, "2026-11-20", 6000);     /* a past one */
	add_plan(f->st, "2026-11-28", 10000);
	add_plan(f->st, "2026-12-20", 20000);
	keys(f, "5");
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.day"),
	    day("2026-11-25"));
	assert_int_equal(ui_peek(f->ui, &history_screen, "sel"), 2);
	text = render(f);
	assert_non_null(strstr(text, "2026-12-20 Sun p3      plan     20.00 km"));
	assert_non_null(strstr(text, "2026-11-28 Sat p2      plan     10.00 km"));
	free(text);
	keys(f, "k");
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.kind"), ENTRY_PLAN);
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.id"), 2);
	keys(f, "g");                            /* the newest: the last plan */
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.id"), 3);
	/* f to plans alone: all, runs, sleep, check-ins, drinks, rest,
	 * plans; the newest of today or before is selected. */
	for (i = 0; i < 6; i++)
		keys(f, "f");
	assert_non_null(strstr(f->ui->msg, "Showing plans"));
	assert_int_equal(ui_peek(f->ui, &history_screen, "n"), 3);
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.day"),
	    day("2026-11-20"));
	/* A past plan keeps its day when edited. */
	keys(f, "e");
	assert_non_null(f->ui->form);
	assert_int_equal(form_kind(f->ui->form), FORM_PLAN);
	key(f, CTRL_U);
	type(f, "7\n");
	if (f->ui->form != NULL)
		fail_msg("plan not saved: %s", form_error(f->ui->form));
	assert_int_equal(plans_on(f, "2026-11-20", &p), 1);
	assert_int_equal(p.distance_m, 7000);
	keys(f, "dy");
	assert_int_equal(plans_on(f, "2026-11-20", NULL), 0);
	assert_int_equal(ui_peek(f->ui, &history_screen, "n"), 2);
	keys(f, "u");
	assert_int_equal(plans_on(f, "2026-11-20", NULL), 1);
}

/* Plan: 6 opens it on the answers of next; j and k select a day. */
static void
test_plan_select(void **state)
{
	struct fx *f = *state;
	char *text;

	keys(f, "6");
	assert_ptr_equal(f->ui->screen, &plan_screen);
	assert_true(ui_peek(f->ui, &plan_screen, "max_week_m") > 0);
	assert_int_equal(ui_peek(f->ui, &plan_screen, "sel"), 0);
	keys(f, "jjj");
	assert_int_equal(ui_peek(f->ui, &plan_screen, "sel"), 3);
	keys(f, "jjjjjj");                       /* stops on the 7th day */
	assert_int_equal(ui_peek(f->ui, &plan_screen, "sel"), 6);
	keys(f, "kkkkkkkk");
	assert_int_equal(ui_peek(f->ui, &plan_screen, "sel"), 0);
	text = render(f);
	assert_non_null(strstr(text, "Most for the 7 days"));
	assert_non_null(strstr(text, "Thu 2026-11-26"));
	free(text);
	keys(f, "q");
	assert_ptr_equal(f->ui->screen, &day_screen);
}

static void
test_trends_period(void **state)
{
	struct fx *f = *state;
	char *text;

	keys(f, "3");
	assert_int_equal(ui_peek(f->ui, &trends_screen, "weeks"), 12);
	keys(f, "p");
	assert_int_equal(ui_peek(f->ui, &trends_screen, "weeks"), 26);
	text = render(f);
	assert_non_null(strstr(text, "26 weeks to 2026-11-29"));
	assert_non_null(strstr(text, "8-26 of 26"));
	free(text);
	keys(f, "k");
	assert_int_equal(ui_peek(f->ui, &trends_screen, "top"), 6);
	keys(f, "p");
	assert_int_equal(ui_peek(f->ui, &trends_screen, "weeks"), 52);
	keys(f, "p");
	assert_int_equal(ui_peek(f->ui, &trends_screen, "weeks"), 12);
	keys(f, "[");
	text = render(f);
	assert_non_null(strstr(text, "12 weeks to 2026-09-06"));
	free(text);
	keys(f, "t");
	text = render(f);
	assert_non_null(strstr(text, "12 weeks to 2026-11-29"));
	free(text);
}

static void
test_history_delete_undo(void **state)
{
	struct fx *f = *state;
	int64_t all = store_count(f->st, ENTRY_KIND_COUNT);
	char *text;

	keys(f, "5");
	assert_true(ui_peek(f->ui, &history_screen, "n") > 0);
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.kind"), ENTRY_RUN);
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.day"), day("2026-11-25"));
	keys(f, "d");
	assert_true(f->ui->confirm.active);
	text = render(f);
	assert_non_null(strstr(text, "Delete r13"));
	free(text);
	keys(f, "n");
	assert_false(f->ui->confirm.active);
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), all);
	keys(f, "jd");
	keys(f, "y");
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), all - 1);
	assert_int_equal(store_count(f->st, ENTRY_SLEEP), 22);
	keys(f, "u");
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), all);
	assert_int_equal(store_count(f->st, ENTRY_SLEEP), 23);
	/* Edit opens the entry's own form. */
	keys(f, "g");
	keys(f, "e");
	assert_non_null(f->ui->form);
	assert_int_equal(form_kind(f->ui->form), FORM_RUN);
	assert_string_equal(form_text(f->ui->form, 0), "10");
	assert_string_equal(form_text(f->ui->form, 1), "52:30");
	key(f, ESC);
}

/* A long journal: the History window stays bounded while paging. */
static void
test_history_bounded(void **state)
{
	struct fx *f = *state;
	size_t most = 0, i;
	int d, first = day("2014-01-01");
	char ds[11];

	assert_int_equal(store_begin(f->st, "many"), 0);
	for (d = first; d < day("2026-11-01"); d++) {
		date_format(d, ds);
		add_drink(f->st, ds, 300);
		add_drink(f->st, ds, 400);
	}
	assert_int_equal(store_commit(f->st), 0);
	keys(f, "5");
	for (i = 0; i < 400; i++) {
		key(f, KEY_NPAGE);
		if ((size_t)ui_peek(f->ui, &history_screen, "n") > most)
			most = (size_t)ui_peek(f->ui, &history_screen, "n");
	}
	assert_true(most < 1000);
	assert_true(ui_peek(f->ui, &history_screen, "row.day") < day("2026-01-01"));
	keys(f, "G");
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.day"), first);
	for (i = 0; i < 50; i++)
		key(f, KEY_PPAGE);
	assert_true(ui_peek(f->ui, &history_screen, "n") < 1000);
	assert_true(ui_peek(f->ui, &history_screen, "row.day") > first);
	keys(f, "g");
	assert_int_equal(ui_peek(f->ui, &history_screen, "sel"), 0);
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.day"), day("2026-11-25"));
	/* Stepping one by one over a chunk boundary loses no entry. */
	{
		int64_t prev = -1;
		size_t seen = 0;
		for (i = 0; i < 300; i++) {
			int64_t rd = ui_peek(f->ui, &history_screen, "row.day");
			assert_true(prev < 0 || rd <= prev);
			prev = rd;
			seen++;
			key(f, 'j');
		}
		assert_int_equal(seen, 300);
	}
}

static void
test_colour_and_text(void **state)
{
	struct fx *f = *state;
	char bar[64];

	(void)f;
	setenv("NO_COLOR", "1", 1);
	ui_colour_init();
	assert_false(ui_colour_enabled());
	assert_int_equal(ui_attr(ROLE_ALERT) & A_COLOR, 0);
	assert_true(ui_attr(ROLE_ALERT) & A_BOLD);
	setenv("NO_COLOR", "", 1);          /* set but empty: colour stays */
	ui_colour_init();
	assert_int_equal(ui_colour_enabled(), has_colors() ? 1 : 0);
	unsetenv("NO_COLOR");

	{
		char out[8];
		/* A cut never leaves half a character; control bytes go. */
		assert_string_equal(ui_clean("ab\xc3\xa9\xc3\xa9xyz", out, 6),
		    "ab\xc3\xa9");
		assert_string_equal(ui_clean("abcd\xc3\xa9z", out, 6), "abcd");
		assert_string_equal(ui_clean("a\x1b[1mb", out, 8), "ab");
		assert_string_equal(ui_clean(NULL, out, 8), "");
	}
	assert_int_equal(ui_text_width("abc"), 3);
	assert_int_equal(ui_text_width("h\xc3\xa9llo"), 5);
	assert_int_equal(ui_text_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);
	assert_int_equal(ui_text_fit("\xe6\x97\xa5\xe6\x9c\xac", 3), 3);
	ui_text_force_ascii(1);
	assert_string_equal(ui_bar(0.5, 8, bar, sizeof bar), "####....");
	ui_text_force_ascii(0);
	assert_int_equal(ui_text_width(ui_bar(0.5, 8, bar, sizeof bar)), 8);
}

static void
test_export(void **state)
{
	struct fx *f = *state;
	char *path = xasprintf("%s/out/runs.csv", f->dir), *want, line[256];
	FILE *fp;
	int n = 0;

	keys(f, "E");
	assert_non_null(f->ui->form);
	assert_int_equal(form_kind(f->ui->form), FORM_EXPORT);
	assert_string_equal(form_text(f->ui->form, 1), "runlog-days-2026-11-25.csv");
	keys(f, "r");                        /* runs; the offered name follows */
	assert_string_equal(form_text(f->ui->form, 0), "runs");
	assert_string_equal(form_text(f->ui->form, 1), "runlog-runs-2026-11-25.csv");
	key(f, '\t');
	key(f, CTRL_U);
	type(f, path);                       /* its directory does not exist */
	assert_non_null(strstr(form_field_error(f->ui->form, 1), "no directory"));
	key(f, '\n');
	assert_non_null(f->ui->form);
	want = xasprintf("%s/out", f->dir);
	assert_int_equal(mkdir(want, 0700), 0);
	free(want);
	key(f, KEY_BACKSPACE);               /* checked again as typed */
	type(f, "v");
	assert_string_equal(form_field_error(f->ui->form, 1), "");
	key(f, '\n');
	assert_null(f->ui->form);
	want = xasprintf("Wrote 13 runs to %s", path);
	assert_string_equal(f->ui->msg, want);
	free(want);
	fp = fopen(path, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof line, fp) != NULL)
		n++;
	fclose(fp);
	assert_int_equal(n, 14);             /* the header and 13 runs */
	free(path);
}

/* "all" writes runlog export --all's directory: every kind, one file each. */
static void
test_export_all(void **state)
{
	static const char *const files[] = {
		"runs", "sleep", "hydration", "fatigue", "rest", "days",
	};
	struct fx *f = *state;
	char *dir = xasprintf("%s/every", f->dir), *p, *want;
	struct stat sb;
	size_t i;

	keys(f, "E");
	keys(f, "a");                        /* all; the offered name follows */
	assert_string_equal(form_text(f->ui->form, 0), "all");
	assert_string_equal(form_text(f->ui->form, 1), "runlog-2026-11-25");
	key(f, '\t');
	key(f, CTRL_U);
	p = xasprintf("%s/runs.csv", f->dir);  /* a file is refused */
	fclose(fopen(p, "w"));
	type(f, p);
	free(p);
	assert_non_null(strstr(form_field_error(f->ui->form, 1), "is a file"));
	key(f, '\n');
	assert_non_null(f->ui->form);
	key(f, CTRL_U);
	type(f, dir);
	assert_string_equal(form_field_error(f->ui->form, 1), "");
	key(f, '\n');
	assert_null(f->ui->form);
	want = xasprintf("Wrote 7 files to %s/: 13 runs, ", dir);
	assert_non_null(strstr(f->ui->msg, want));
	free(want);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		p = xasprintf("%s/%s.csv", dir, files[i]);
		assert_int_equal(stat(p, &sb), 0);
		assert_int_equal(sb.st_mode & 0777, 0600);
		assert_true(sb.st_size > 0);
		free(p);
	}
	/* Choosing a single kind again offers a file, not a directory. */
	keys(f, "E");
	keys(f, "a");
	keys(f, "r");
	assert_string_equal(form_text(f->ui->form, 1), "runlog-runs-2026-11-25.csv");
	key(f, ESC);
	free(dir);
}

/* Undo and redo say what they did in the units configured, not km and ml. */
static void
test_undo_units(void **state)
{
	struct fx *f = *state;
	struct run r;
	struct drink dk;

	f->cfg.dist_unit = UNIT_MI;
	f->cfg.vol_unit = UNIT_FLOZ;
	memset(&r, 0, sizeof r);
	r.day = f->ui->today;
	r.distance_m = 10000;
	r.duration_s = 3000;
	assert_int_equal(store_add_run(f->st, &r), 0);
	run_free(&r);
	keys(f, "u");
	assert_non_null(strstr(f->ui->msg, "Undone: add run 6.21 mi on "));
	assert_null(strstr(f->ui->msg, "km"));
	key(f, CTRL('r'));
	assert_non_null(strstr(f->ui->msg, "Redone: add run 6.21 mi on "));
	memset(&dk, 0, sizeof dk);
	dk.day = f->ui->today;
	dk.volume_ml = 500;
	assert_int_equal(store_add_drink(f->st, &dk), 0);
	drink_free(&dk);
	keys(f, "u");
	assert_non_null(strstr(f->ui->msg, "Undone: add drink of 16.9 oz on "));
	assert_null(strstr(f->ui->msg, "ml"));
	key(f, CTRL('r'));
	assert_non_null(strstr(f->ui->msg, "Redone: add drink of 16.9 oz on "));
}

/* An entry saved to another day than the one shown says which day. */
static void
test_saved_other_day(void **state)
{
	struct fx *f = *state;

	keys(f, "d");
	type(f, "300ml");
	while (strcmp(form_field_label(f->ui->form,
	    form_current(f->ui->form)), "Date") != 0)
		key(f, '\t');
	key(f, CTRL_U);
	type(f, "mon");                      /* today is Wed 2026-11-25 */
	key(f, '\n');
	assert_null(f->ui->form);
	assert_string_equal(f->ui->msg, "Saved drink 0.30 l on 2026-11-23");
	keys(f, "d");
	type(f, "300ml");
	key(f, '\n');
	assert_string_equal(f->ui->msg, "Saved drink 0.30 l");
}

/* One row of the manual's key lists: ".It Ic a , Ic Left" and its text. */
struct man_row {
	char keys[64];
	char help[128];
};

/* "Ic \\&[ , Ic Left , Ic h" as "[ Left h". */
static void
man_keys(const char *it, char *out, size_t n)
{
	char buf[256], *tok, *save = NULL;

	snprintf(buf, sizeof buf, "%s", it);
	out[0] = '\0';
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		if (strncmp(tok, "Ic ", 3) == 0)
			tok += 3;
		if (strncmp(tok, "\\&", 2) == 0)
			tok += 2;
		tok[strcspn(tok, " ")] = '\0';
		if (out[0] != '\0')
			strncat(out, " ", n - strlen(out) - 1);
		strncat(out, tok, n - strlen(out) - 1);
	}
}

/* The rows of the list under ".Ss title" in text; -1 when there is none. */
static int
man_rows(const char *text, const char *title, struct man_row *rows, int max)
{
	char head[64], *sec, *end, *line, *save = NULL;
	int n = -1;

	snprintf(head, sizeof head, "\n.Ss %s\n", title);
	if ((sec = strstr(text, head)) == NULL)
		return -1;
	sec = xstrdup(sec + strlen(head));
	if ((end = strstr(sec, "\n.El")) != NULL)
		*end = '\0';
	for (line = strtok_r(sec, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, ".Bl ", 4) == 0)
			n = 0;
		else if (n >= 0 && n < max && strncmp(line, ".It ", 4) == 0) {
			man_keys(line + 4, rows[n].keys, sizeof rows[n].keys);
			rows[n++].help[0] = '\0';
		} else if (n > 0 && rows[n - 1].help[0] == '\0')
			snprintf(rows[n - 1].help, sizeof rows[n - 1].help, "%s",
			    line);
	}
	free(sec);
	return n;
}

/*
 * The manual's KEYS section, row by row against the key tables: each
 * table has its subsection, and each action its row with the same keys in
 * the same order and the same text. The first difference fails.
 */
static void
test_manual_keys(void **state)
{
	const char *src = __FILE__, *slash = strrchr(src, '/');
	char *path, *keys, *end, chunk[4096];
	struct buf man;
	size_t i, k, n;
	FILE *fp;

	(void)state;
	path = xasprintf("%.*s/../man/runlog.1",
	    slash != NULL ? (int)(slash - src) : 1, slash != NULL ? src : ".");
	fp = fopen(path, "r");
	assert_non_null(fp);
	buf_init(&man);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&man, chunk, n);
	fclose(fp);
	keys = strstr(man.data, "\n.Sh KEYS\n");
	assert_non_null(keys);
	end = strstr(keys + 1, "\n.Sh ");
	assert_non_null(end);
	*end = '\0';
	for (i = 0; ui_keymaps[i] != NULL; i++) {
		const struct ui_keymap *km = ui_keymaps[i];
		struct ui_key_row want[64];
		struct man_row got[64];
		size_t nwant = ui_key_rows(km, want, 64);
		int ngot = man_rows(keys, km->title, got, 64);

		if (ngot < 0)
			fail_msg("KEYS has no subsection '%s'", km->title);
		for (k = 0; k < nwant || k < (size_t)ngot; k++) {
			if (k >= nwant)
				fail_msg("KEYS, %s, row %zu: '%s' is in no table",
				    km->title, k + 1, got[k].keys);
			if (k >= (size_t)ngot)
				fail_msg("KEYS, %s, row %zu: '%s' (%s) is missing",
				    km->title, k + 1, want[k].keys, want[k].help);
			if (strcmp(got[k].keys, want[k].keys) != 0 ||
			    strcmp(got[k].help, want[k].help) != 0)
				fail_msg("KEYS, %s, row %zu: the manual has '%s' "
				    "'%s', the table '%s' '%s'", km->title, k + 1,
				    got[k].keys, got[k].help, want[k].keys,
				    want[k].help);
		}
	}
	buf_free(&man);
	free(path);
}

/* Entries with every field given, and with only what is required. */
static void
fill_every_field(struct store *st)
{
	struct run r;
	struct sleep sl;
	struct drink dk;
	struct checkin c;

	memset(&r, 0, sizeof r);
	r.day = day("2026-11-20");
	r.distance_m = 12345;
	r.duration_s = 3725;
	r.rpe = 7;
	r.type = RUN_INTERVAL;
	r.avg_hr = 151;
	r.climb_m = 230;
	r.mass_before_g = 70500;
	r.mass_after_g = 69800;
	r.note = xstrdup("hills, then home");
	assert_int_equal(store_add_run(st, &r), 0);
	run_free(&r);
	memset(&r, 0, sizeof r);
	r.day = day("2026-11-21");
	r.distance_m = 5000;
	r.duration_s = 1500;
	r.type = RUN_RECOVERY;
	r.climb_m = -1;
	assert_int_equal(store_add_run(st, &r), 0);
	run_free(&r);
	memset(&sl, 0, sizeof sl);
	sl.day = day("2026-11-20");
	sl.minutes = 455;
	sl.quality = 4;
	sl.note = xstrdup("woke at 3");
	assert_int_equal(store_put_sleep(st, &sl, NULL), 0);
	sleep_free(&sl);
	memset(&sl, 0, sizeof sl);
	sl.day = day("2026-11-21");
	sl.minutes = 0;
	assert_int_equal(store_put_sleep(st, &sl, NULL), 0);
	sleep_free(&sl);
	memset(&dk, 0, sizeof dk);
	dk.day = day("2026-11-20");
	dk.volume_ml = 750;
	dk.electrolytes = 1;
	assert_int_equal(store_add_drink(st, &dk), 0);
	drink_free(&dk);
	memset(&c, 0, sizeof c);
	c.day = day("2026-11-20");
	c.fatigue = 6;
	c.soreness = 4;
	c.mood = 3;
	c.stress = 2;
	c.rhr = 52;
	c.ill = c.pain = c.swelling = c.numbness = c.no_weight = 1;
	c.note = xstrdup("left calf");
	assert_int_equal(store_put_checkin(st, &c, NULL), 0);
	checkin_free(&c);
	memset(&c, 0, sizeof c);
	c.day = day("2026-11-21");
	c.fatigue = 3;
	assert_int_equal(store_put_checkin(st, &c, NULL), 0);
	checkin_free(&c);
}

static int
setup_every_field(void **state)
{
	struct fx *f = fx_open(fill_every_field);

	if (f == NULL)
		return -1;
	*state = f;
	return 0;
}

/* One entry by kind and id into e, a struct of that kind. */
static int
get_entry(struct store *st, enum entry_kind k, int64_t id, void *e)
{
	switch (k) {
	case ENTRY_RUN:     return store_get_run(st, id, e);
	case ENTRY_SLEEP:   return store_get_sleep(st, id, e);
	case ENTRY_DRINK:   return store_get_drink(st, id, e);
	case ENTRY_CHECKIN: return store_get_checkin(st, id, e);
	default:            fail_msg("no entry kind %d", k);
	}
	return -1;
}

/*
 * Every field of every form round-trips: an entry opened in its form and
 * saved untouched reads back identical, field by field as its descriptor
 * lists them (the change times aside), with every field given and with
 * only the required ones.
 */
static void
test_forms_round_trip(void **state)
{
	static const struct {
		enum form_kind form;
		enum entry_kind kind;
		int64_t id;
	} cases[] = {
		{ FORM_RUN, ENTRY_RUN, 1 }, { FORM_RUN, ENTRY_RUN, 2 },
		{ FORM_SLEEP, ENTRY_SLEEP, 1 }, { FORM_SLEEP, ENTRY_SLEEP, 2 },
		{ FORM_DRINK, ENTRY_DRINK, 1 },
		{ FORM_CHECKIN, ENTRY_CHECKIN, 1 },
		{ FORM_CHECKIN, ENTRY_CHECKIN, 2 },
	};
	struct fx *f = *state;
	int64_t all = store_count(f->st, ENTRY_KIND_COUNT);
	size_t c, k, compared = 0;

	for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const struct entry_desc *d = entry_desc(cases[c].kind);
		void *before = xcalloc(1, d->size), *after = xcalloc(1, d->size);

		assert_int_equal(get_entry(f->st, cases[c].kind, cases[c].id,
		    before), 0);
		assert_int_equal(form_open(f->ui, cases[c].form,
		    (int)entry_get(before, entry_field_find(d, "day")),
		    cases[c].id), 0);
		key(f, '\n');
		if (f->ui->form != NULL)
			fail_msg("%s %" PRId64 " not saved: %s", d->name, cases[c].id,
			    form_error(f->ui->form));
		assert_non_null(strstr(f->ui->msg, "Saved"));
		assert_int_equal(get_entry(f->st, cases[c].kind, cases[c].id,
		    after), 0);
		for (k = 0; k < d->nfields; k++) {
			const struct entry_field *ef = &d->fields[k];
			if (ef->flags & FIELD_STAMP)
				continue;
			if (ef->type == FT_TEXT) {
				const char *b = entry_text_get(before, ef);
				const char *a = entry_text_get(after, ef);
				if ((a == NULL) != (b == NULL) ||
				    (a != NULL && strcmp(a, b) != 0))
					fail_msg("%s %" PRId64 ": %s was '%s', now '%s'",
					    d->name, cases[c].id, ef->column,
					    b ? b : "(none)", a ? a : "(none)");
			} else if (entry_get(before, ef) != entry_get(after, ef))
				fail_msg("%s %" PRId64 ": %s was %" PRId64 ", now %"
				    PRId64, d->name, cases[c].id, ef->column,
				    entry_get(before, ef), entry_get(after, ef));
			compared++;
		}
		entry_free_fields(d, before);
		entry_free_fields(d, after);
		free(before);
		free(after);
	}
	/* Nothing added: each save replaced its own entry. */
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), all);
	/* run 15 fields, sleep 5, drink 4, check-in 15 (stamps aside) */
	assert_int_equal(compared, 2 * 15 + 2 * 5 + 4 + 2 * 15);
}

/* A form typed into puts each value where its row says, and only there. */
static void
test_form_rows_reach_their_fields(void **state)
{
	struct fx *f = *state;
	struct checkin c;

	assert_int_equal(form_open(f->ui, FORM_CHECKIN, day("2026-11-21"), 2), 0);
	/* Fatigue, soreness, mood, stress, resting HR, HRV, body mass, ill,
	 * pain ... note */
	key(f, CTRL_U); type(f, "8\t");
	type(f, "9\t2\t5\t48\t");
	key(f, CTRL_U); type(f, "61\t");
	key(f, CTRL_U); type(f, "70.5\t");
	type(f, "y\tn\ty\tn\ty\t");
	type(f, "sore");
	key(f, '\n');
	assert_null(f->ui->form);
	assert_int_equal(store_get_checkin(f->st, 2, &c), 0);
	assert_int_equal(c.fatigue, 8);
	assert_int_equal(c.soreness, 9);
	assert_int_equal(c.mood, 2);
	assert_int_equal(c.stress, 5);
	assert_int_equal(c.rhr, 48);
	assert_int_equal(c.hrv_ms, 61);
	assert_int_equal(c.mass_g, 70500);
	assert_int_equal(c.ill, 1);
	assert_int_equal(c.pain, 0);
	assert_int_equal(c.swelling, 1);
	assert_int_equal(c.numbness, 0);
	assert_int_equal(c.no_weight, 1);
	assert_string_equal(c.note, "sore");
	checkin_free(&c);
}

/*
 * The run form's shoe: a new run offers the default shoe; a name that is
 * no shoe's is wrong, naming the shoes; the start of a name is taken when
 * only one shoe starts so, and saved under the shoe's whole name.
 */
static void
test_form_shoe(void **state)
{
	struct fx *f = *state;
	struct run *v;
	size_t n;
	int i;

	assert_int_equal(store_shoe_add(f->st, "Vapor old", 0, 0,
	    day("2026-11-01")), 0);
	assert_int_equal(form_open(f->ui, FORM_RUN, day("2026-11-24"), 0), 0);
	for (i = 0; i < form_nfields(f->ui->form) &&
	    strcmp(form_field_label(f->ui->form, i), "Shoe") != 0; i++)
		;
	assert_true(i < form_nfields(f->ui->form));
	assert_string_equal(form_text(f->ui->form, i), "Pegasus 40");
	type(f, "5km\t25:00\t");
	while (form_current(f->ui->form) != i)
		key(f, '\t');
	key(f, CTRL_U);
	type(f, "Clifton");
	assert_non_null(strstr(form_field_error(f->ui->form, i),
	    "shoe 'Clifton': no such shoe"));
	assert_non_null(strstr(form_field_error(f->ui->form, i), "Vaporfly 3"));
	key(f, '\n');
	assert_non_null(f->ui->form);          /* refused, nothing saved */
	key(f, CTRL_U);
	type(f, "vapor");
	assert_non_null(strstr(form_field_error(f->ui->form, i),
	    "more than one shoe starts so"));
	type(f, "f");
	assert_string_equal(form_field_error(f->ui->form, i), "");
	key(f, '\n');
	assert_null(f->ui->form);
	assert_int_equal(store_runs(f->st, day("2026-11-24"), day("2026-11-24"),
	    &v, &n), 0);
	assert_int_equal(n, 1);
	assert_non_null(v[0].shoe);
	assert_string_equal(v[0].shoe, "Vaporfly 3");
	entry_list_free(ENTRY_RUN, v, n);
	/* Past its limit already: this run says nothing of it. */
	assert_null(strstr(f->ui->msg, "past its limit"));
	/* A run that takes the default shoe past its limit says so. */
	assert_int_equal(store_shoe_add(f->st, "Near", 10000, 1,
	    day("2026-11-01")), 0);
	assert_int_equal(form_open(f->ui, FORM_RUN, day("2026-11-24"), 0), 0);
	assert_string_equal(form_text(f->ui->form, i), "Near");
	type(f, "12km\t1:00:00\n");
	assert_null(f->ui->form);
	assert_non_null(strstr(f->ui->msg, "Saved run 12.00 km on 2026-11-24; "
	    "Near is now past its limit of 10.00 km"));
}

/*
 * An entry deleted by another runlog while its form is open: the save says
 * it no longer exists and adds nothing back, and opening it says the same.
 */
static void
test_form_entry_deleted_elsewhere(void **state)
{
	struct fx *f = *state;
	struct store *other;
	int64_t runs = store_count(f->st, ENTRY_RUN);
	int64_t sleeps = store_count(f->st, ENTRY_SLEEP);

	assert_int_equal(store_open(f->path, &other), 0);
	assert_int_equal(form_open(f->ui, FORM_RUN, day("2026-11-20"), 1), 0);
	assert_int_equal(store_delete(other, ENTRY_RUN, 1), 0);
	key(f, '\n');
	assert_null(f->ui->form);
	assert_non_null(strstr(f->ui->msg, "run r1 no longer exists"));
	assert_non_null(strstr(f->ui->msg, "deleted elsewhere"));
	assert_null(strstr(f->ui->msg, "unknown error"));
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs - 1);
	/* Sleep is saved by day: it must not come back as a new entry. */
	assert_int_equal(form_open(f->ui, FORM_SLEEP, day("2026-11-20"), 1), 0);
	assert_int_equal(store_delete(other, ENTRY_SLEEP, 1), 0);
	key(f, '\n');
	assert_null(f->ui->form);
	assert_non_null(strstr(f->ui->msg, "sleep s1 no longer exists"));
	assert_int_equal(store_count(f->st, ENTRY_SLEEP), sleeps - 1);
	/* Opening an entry that is gone. */
	assert_int_equal(form_open(f->ui, FORM_DRINK, day("2026-11-20"), 99), 1);
	assert_null(f->ui->form);
	assert_non_null(strstr(f->ui->msg, "drink d99 no longer exists"));
	store_close(other);
}

/* What the store queues reaches the message line, cleaned, none lost. */
static void
test_store_warnings_shown(void **state)
{
	struct fx *f = *state;

	store_warn(f->st, "sleep s5: day '2026-02-30' is not a \x1b[31mdate");
	ui_reload(f->ui);
	assert_non_null(strstr(f->ui->msg, "sleep s5: day '2026-02-30' is not a"));
	assert_null(strchr(f->ui->msg, '\x1b'));
	assert_int_equal(f->ui->msg_role, ROLE_WARNING);
	store_warn(f->st, "run r7: distance 0 m is out of range");
	store_warn(f->st, "drink d2: volume 90000 ml is out of range");
	keys(f, "2");
	assert_non_null(strstr(f->ui->msg, "run r7"));
	assert_non_null(strstr(f->ui->msg, "(and 1 more)"));
	assert_null(store_warning(f->st));
}


/* The cursor moves and deletes inside a field, and is drawn where it is. */
static void
test_form_cursor_editing(void **state)
{
	struct fx *f = *state;
	struct ui_form *fm;
	int y, x, y0, x0;
	char *text;

	keys(f, "r");
	fm = f->ui->form;
	type(f, "1025");
	form_cursor(f->ui, &y0, &x0);
	key(f, KEY_LEFT);
	key(f, KEY_LEFT);
	form_cursor(f->ui, &y, &x);
	assert_int_equal(y, y0);
	assert_int_equal(x, x0 - 2);
	type(f, ".");
	assert_string_equal(form_text(fm, 0), "10.25");
	assert_int_equal(form_pos(fm), 3);
	key(f, KEY_HOME);
	assert_int_equal(form_pos(fm), 0);
	key(f, KEY_DC);
	assert_string_equal(form_text(fm, 0), "0.25");
	key(f, CTRL('e'));
	assert_int_equal(form_pos(fm), 4);
	key(f, CTRL('a'));
	type(f, "1");
	assert_string_equal(form_text(fm, 0), "10.25");
	key(f, KEY_END);
	key(f, KEY_LEFT);
	key(f, CTRL('u'));                       /* up to the cursor */
	assert_string_equal(form_text(fm, 0), "5");
	key(f, KEY_END);
	key(f, CTRL('k'));
	assert_string_equal(form_text(fm, 0), "5");
	key(f, KEY_HOME);
	key(f, CTRL('k'));                       /* from the cursor */
	assert_string_equal(form_text(fm, 0), "");
	type(f, "12");
	text = render(f);
	assert_non_null(strstr(text, "[12"));
	free(text);
	/* In a note: Ctrl-W takes the word before the cursor. */
	key(f, KEY_BTAB);                        /* the date */
	key(f, KEY_BTAB);                        /* the shoe */
	key(f, KEY_BTAB);                        /* the note */
	assert_int_equal(form_field_kind(fm, form_current(fm)), FK_TEXT);
	type(f, "easy quick run");
	key(f, CTRL('w'));
	assert_string_equal(form_text(fm, form_current(fm)), "easy quick ");
	key(f, CTRL('w'));
	assert_string_equal(form_text(fm, form_current(fm)), "easy ");
	/* UTF-8: Left and Backspace take whole characters. */
	type(f, "caf\xc3\xa9!");
	key(f, KEY_LEFT);
	key(f, KEY_BACKSPACE);
	assert_string_equal(form_text(fm, form_current(fm)), "easy caf!");
	form_cursor(f->ui, &y, &x);
	assert_int_equal(x, 16 + 8);             /* after "easy caf" */
	key(f, ESC);
	assert_null(f->ui->form);
}

/* Which end of each scale is good; every run type in the hint. */
static void
test_form_scales_and_choices(void **state)
{
	struct fx *f = *state;
	char *text;

	keys(f, "f");
	text = render(f);
	assert_non_null(strstr(text, "1 fresh .. 10 exhausted"));
	assert_non_null(strstr(text, "1 low .. 5 great"));
	assert_non_null(strstr(text, "1 none .. 10 very sore"));
	free(text);
	key(f, ESC);
	keys(f, "r");
	key(f, '\t');
	key(f, '\t');                            /* the type */
	assert_int_equal(form_field_kind(f->ui->form, 2), FK_CHOICE);
	text = render(f);
	assert_non_null(strstr(text, "recovery"));
	assert_non_null(strstr(text, "other"));
	free(text);
	resize(f, 12, 40);
	text = render(f);
	assert_non_null(strstr(text, "recovery"));
	assert_non_null(strstr(text, "other"));
	free(text);
	resize(f, 24, 80);
	key(f, ESC);
}

/* A duration without its unit says the forms it takes; the reason a save
 * is refused is never cut. */
static void
test_form_duration_and_reason(void **state)
{
	struct fx *f = *state;
	const char *err, *tail;
	char *text;

	keys(f, "r");
	type(f, "10\t52");
	err = form_field_error(f->ui->form, 1);
	assert_non_null(strstr(err, "expected 52:30, 1:05:00 or 45m"));
	assert_null(strstr(err, "48 hours"));
	text = render(f);
	assert_non_null(strstr(text, "expected 52:30, 1:05:00 or 45m"));
	assert_null(strstr(text, "at most 48 hours"));
	free(text);
	key(f, '\n');
	err = form_error(f->ui->form);
	assert_true(strlen(err) > 80);
	tail = strrchr(err, ' ');
	text = render(f);
	assert_non_null(strstr(text, "Not saved: Duration is wrong"));
	assert_non_null(strstr(text, tail + 1));
	free(text);
	resize(f, 12, 40);
	text = render(f);
	assert_non_null(strstr(text, tail + 1));
	free(text);
	resize(f, 24, 80);
	/* 52.30 is a slip for 52:30: the same forms, nothing about units. */
	key(f, CTRL('u'));
	type(f, "52.30");
	assert_non_null(strstr(form_field_error(f->ui->form, 1), "52:30"));
	key(f, ESC);
}

/*
 * The run form judges a run as the command line does: a pace typed as a
 * duration is refused with the pace it was likely meant as, the exact
 * world-record time is kept, and a loss of body mass over 5% is refused
 * once and saved when saved again.
 */
static void
test_form_plausibility(void **state)
{
	struct fx *f = *state;
	int64_t runs = store_count(f->st, ENTRY_RUN);
	const char *err;

	keys(f, "r");
	type(f, "10\t5:15");
	key(f, '\n');
	assert_non_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs);
	err = form_error(f->ui->form);
	assert_non_null(strstr(err, "10.00 km in 5:15 is 0:32 /km, faster than "
	    "any human; did you mean a pace of 5:15 /km (52:30)?"));
	/* one second faster than the record: refused; the record itself: kept */
	key(f, CTRL('u'));
	type(f, "26:10");
	key(f, '\n');
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs);
	assert_non_null(strstr(form_error(f->ui->form), "26:11 here"));
	key(f, CTRL('u'));
	type(f, "52:30");
	/* 70 kg to 66.4 kg is 5.1%: refused once, then kept */
	key(f, '\t'); key(f, '\t'); key(f, '\t'); key(f, '\t'); key(f, '\t');
	assert_int_equal(form_current(f->ui->form), 6);
	type(f, "70\t66.4");
	key(f, '\n');
	assert_non_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs);
	err = form_error(f->ui->form);
	assert_non_null(strstr(err, "loss of 5.1%"));
	assert_non_null(strstr(err, "more than 5%"));
	assert_non_null(strstr(err, "save again"));
	key(f, '\n');
	assert_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs + 1);
	/* exactly 5% is no loss to question */
	keys(f, "r");
	type(f, "10\t52:30\t\t\t\t\t70\t66.5");
	key(f, '\n');
	assert_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs + 2);
}

/* The date field: offered filled in, replaced by what is typed. */
static void
test_form_date_field(void **state)
{
	struct fx *f = *state;
	struct ui_form *fm;
	struct run *r;
	struct sleep *sl;
	size_t n;
	int last;

	keys(f, "r");
	fm = f->ui->form;
	last = form_nfields(fm) - 1;
	assert_int_equal(form_field_kind(fm, last), FK_DATE);
	assert_string_equal(form_text(fm, last), "2026-11-25");
	type(f, "8\t45:00");
	key(f, KEY_DOWN);
	key(f, KEY_UP);
	key(f, KEY_BTAB);
	key(f, KEY_BTAB);                        /* from the first: the date */
	assert_int_equal(form_current(fm), last);
	type(f, "tomorrow");
	assert_non_null(strstr(form_field_error(fm, last), "expected"));
	key(f, CTRL('u'));
	type(f, "2026-11-26");
	assert_non_null(strstr(form_field_error(fm, last), "in the future"));
	key(f, '\n');
	assert_non_null(f->ui->form);
	key(f, CTRL('u'));
	type(f, "2026-11-2");
	key(f, KEY_LEFT);                        /* moved: typing edits */
	type(f, "1");
	assert_string_equal(form_text(fm, last), "2026-11-12");
	key(f, CTRL('u'));
	key(f, CTRL('k'));
	type(f, "mon\n");
	assert_null(f->ui->form);
	assert_int_equal(store_runs(f->st, day("2026-11-23"), day("2026-11-23"),
	    &r, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].distance_m, 8000);
	run_list_free(r, n);
	assert_non_null(strstr(f->ui->msg, "on 2026-11-23"));
	/* Today's sleep moved to yesterday: one sleep there, none today. */
	keys(f, "s");
	key(f, KEY_BTAB);
	type(f, "yesterday\n");
	assert_null(f->ui->form);
	assert_int_equal(store_sleeps(f->st, day("2026-11-25"), day("2026-11-25"),
	    &sl, &n), 0);
	assert_int_equal(n, 0);
	sleep_list_free(sl, n);
	assert_int_equal(store_sleeps(f->st, day("2026-11-24"), day("2026-11-24"),
	    &sl, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(sl[0].minutes, 450);
	sleep_list_free(sl, n);
	keys(f, "u");                            /* one step back */
	assert_int_equal(store_sleeps(f->st, day("2026-11-25"), day("2026-11-25"),
	    &sl, &n), 0);
	assert_int_equal(n, 1);
	sleep_list_free(sl, n);
}

/* g or : asks for a day on Day and Week, : on History. */
static void
test_go_to_day(void **state)
{
	struct fx *f = *state;
	char *text;

	keys(f, "g");
	assert_int_equal(f->ui->prompt.what, CMD_GOTO);
	text = render(f);
	assert_non_null(strstr(text, "Go to day"));
	free(text);
	type(f, "-3\n");
	assert_int_equal(f->ui->prompt.what, CMD_NONE);
	assert_int_equal(f->ui->day, day("2026-11-22"));
	keys(f, ":fri\n");
	assert_int_equal(f->ui->day, day("2026-11-20"));
	keys(f, "g2026-11-30\n");                /* the future: refused */
	assert_int_equal(f->ui->day, day("2026-11-20"));
	assert_non_null(strstr(f->ui->msg, "in the future"));
	keys(f, "gsoon\n");
	assert_int_equal(f->ui->day, day("2026-11-20"));
	assert_non_null(strstr(f->ui->msg, "expected"));
	keys(f, "gyesterdax");                   /* edited in place */
	key(f, KEY_BACKSPACE);
	type(f, "y");
	key(f, ESC);                             /* cancelled */
	assert_int_equal(f->ui->day, day("2026-11-20"));
	keys(f, "2g2026-11-04\n");
	assert_int_equal(ui_peek(f->ui, &week_screen, "start"), day("2026-11-02"));
	assert_int_equal(ui_peek(f->ui, &week_screen, "sel"), 2);
	keys(f, "5:2026-11-10\n");
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.day"),
	    day("2026-11-10"));
	assert_int_equal(ui_peek(f->ui, &history_screen, "sel"), 0);
	keys(f, ":1999-01-01\n");                /* nothing that old */
	assert_non_null(strstr(f->ui->msg, "Nothing logged on or before"));
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.day"),
	    day("2026-11-25"));
}

/* D lists the day's entries; marked ones go in one step; Ctrl-R redoes. */
static void
test_day_delete_and_redo(void **state)
{
	struct fx *f = *state;
	int64_t runs = store_count(f->st, ENTRY_RUN);
	int64_t sleeps = store_count(f->st, ENTRY_SLEEP);
	int64_t drinks = store_count(f->st, ENTRY_DRINK);
	char *text;

	keys(f, "d");                            /* d stays a drink here */
	assert_non_null(f->ui->form);
	key(f, ESC);
	keys(f, "D");
	assert_true(f->ui->pick.active);
	assert_int_equal(f->ui->pick.n, 4);
	text = render(f);
	assert_non_null(strstr(text, "Entries of Wed 2026-11-25"));
	assert_non_null(strstr(text, "r13    run      10.00 km"));
	free(text);
	keys(f, "  ");                           /* the run and the sleep */
	keys(f, "D");
	assert_false(f->ui->pick.active);
	assert_true(f->ui->confirm.active);
	text = render(f);
	assert_non_null(strstr(text, "Delete 2 entries of 2026-11-25?"));
	free(text);
	keys(f, "y");
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs - 1);
	assert_int_equal(store_count(f->st, ENTRY_SLEEP), sleeps - 1);
	assert_non_null(strstr(f->ui->msg, "Deleted 2 entries"));
	keys(f, "u");
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs);
	assert_int_equal(store_count(f->st, ENTRY_SLEEP), sleeps);
	key(f, CTRL('r'));
	assert_non_null(strstr(f->ui->msg, "Redone"));
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs - 1);
	assert_int_equal(store_count(f->st, ENTRY_SLEEP), sleeps - 1);
	key(f, CTRL('r'));
	assert_non_null(strstr(f->ui->msg, "Nothing to redo"));
	/* One entry, with Delete on the list; n keeps it. */
	key(f, KEY_DC);
	assert_true(f->ui->pick.active);
	keys(f, "j");                            /* check-in, then drink */
	key(f, KEY_DC);
	keys(f, "n");
	assert_int_equal(store_count(f->st, ENTRY_DRINK), drinks);
	keys(f, "DjjDy");
	assert_int_equal(store_count(f->st, ENTRY_DRINK), drinks - 1);
	keys(f, "Dq");
	assert_false(f->ui->pick.active);
	/* Enter on the list edits. */
	keys(f, "D\n");
	assert_non_null(f->ui->form);
	assert_int_equal(form_kind(f->ui->form), FORM_CHECKIN);
	key(f, ESC);
}

/* The Fluid row: the total and the number of drinks, not each glass. */
static void
test_fluid_row_folded(void **state)
{
	struct fx *f = *state;
	char *text;

	keys(f, "www");
	text = render(f);
	assert_non_null(strstr(text, "1.25 l of 2.00 l  63%  4 drinks"));
	assert_null(strstr(text, "0.25 l  0.25 l"));
	free(text);
	keys(f, "jj");                           /* the second drink */
	text = render(f);
	assert_non_null(strstr(text, "> drink 2 of 4: 0.25 l"));
	free(text);
}

/* History: / n N, the filter, folded drinks, G on a short list. */
static void
test_history_search_filter(void **state)
{
	struct fx *f = *state;
	int64_t first, drinks;
	char *text;

	add_drink(f->st, "2026-11-25", 250);
	drinks = store_count(f->st, ENTRY_DRINK);
	keys(f, "5");
	/* Two drinks on the 25th share a line. */
	keys(f, "jj");
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.kind"), ENTRY_DRINK);
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.count"), 2);
	text = render(f);
	assert_non_null(strstr(text, "drinks   2 drinks, 0.75 l in all"));
	free(text);
	keys(f, "dy");
	assert_int_equal(store_count(f->st, ENTRY_DRINK), drinks - 2);
	keys(f, "u");
	assert_int_equal(store_count(f->st, ENTRY_DRINK), drinks);
	keys(f, "g");
	/* The rows are `runlog show`'s lines. */
	text = render(f);
	assert_non_null(strstr(text, "r13     run      10.00 km  52:30  5:15 /km  "
	    "tempo  RPE 5"));
	free(text);
	/* Search, any case; n and N. */
	keys(f, "/LONG\n");
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.kind"), ENTRY_RUN);
	first = ui_peek(f->ui, &history_screen, "row.day");
	assert_int_equal(first, day("2026-11-22"));
	keys(f, "n");
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.day"),
	    day("2026-11-15"));
	keys(f, "n");
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.day"),
	    day("2026-11-08"));
	keys(f, "n");                            /* none older: stays */
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.day"),
	    day("2026-11-08"));
	assert_non_null(strstr(f->ui->msg, "No older entry matches 'LONG'"));
	keys(f, "N");
	if (ui_peek(f->ui, &history_screen, "row.day") != day("2026-11-15")) {
		char *t = render(f);
		fail_msg("N: %s\n%s", f->ui->msg, t);
	}
	keys(f, "/\n");                          /* the last search again */
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.day"),
	    day("2026-11-15"));
	keys(f, "/good\n");                      /* a note; from the top */
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.day"),
	    day("2026-11-25"));
	/* The filter by kind. */
	keys(f, "f");
	assert_int_equal(ui_peek(f->ui, &history_screen, "n"), 13);
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.kind"), ENTRY_RUN);
	text = render(f);
	assert_non_null(strstr(text, "[runs]"));
	free(text);
	keys(f, "fff");                          /* drinks: one by one */
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.kind"),
	    ENTRY_DRINK);
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.count"), 0);
	keys(f, "f");
	assert_int_equal(ui_peek(f->ui, &history_screen, "n"), 1);
	assert_int_equal(ui_peek(f->ui, &history_screen, "row.kind"), ENTRY_REST);
	/* G on a short list: the whole list shows from the top. */
	keys(f, "G");
	assert_int_equal(ui_peek(f->ui, &history_screen, "top"), 0);
	text = render(f);
	assert_non_null(strstr(text, "x1      rest day"));
	free(text);
	keys(f, "ff");                           /* plans, then all */
	assert_int_equal(ui_peek(f->ui, &history_screen, "filter"), 0);
	/* G on a long one: the last page is full. */
	keys(f, "G");
	assert_int_equal(ui_peek(f->ui, &history_screen, "top") + 20 - 1,
	    ui_peek(f->ui, &history_screen, "sel"));
	text = render(f);
	assert_null(strstr(text, "\n\n\n"));
	free(text);
}

/* The help never covers the key line; long notes end in an ellipsis. */
static void
test_help_and_ellipsis(void **state)
{
	struct fx *f = *state;
	char *text, *last;

	keys(f, "?");
	text = render(f);
	last = strrchr(text, '\n');
	*last = '\0';
	last = strrchr(text, '\n');
	assert_non_null(strstr(last, "r run  e edit"));
	free(text);
	keys(f, "x");
	add_run(f->st, "2026-11-24", 5000, 1500, 3, RUN_RECOVERY,
	    "a very long note about the legs, the weather, the shoes and the "
	    "route along the river and back over the hill");
	keys(f, "[");
	text = render(f);
	assert_non_null(strstr(text, "recovery  a very long note"));
	assert_non_null(strstr(text, "\xe2\x80\xa6\n"));
	free(text);
	keys(f, "5");
	ui_text_force_ascii(1);
	text = render(f);
	assert_non_null(strstr(text, "...\n"));
	free(text);
	ui_text_force_ascii(0);
}

/* A long message is wrapped over lines, whole, above the key line. */
static void
test_long_message_whole(void **state)
{
	struct fx *f = *state;
	char *text;

	ui_message(f->ui, ROLE_ALERT, "not saved: the journal refused the "
	    "change because another program holds a lock on it for longer "
	    "than five seconds; try again when it is done");
	text = render(f);
	assert_non_null(strstr(text, "try again when it is done\n"));
	assert_non_null(strstr(text, "not saved: the journal refused"));
	assert_non_null(strstr(text, "\nr run  e edit"));
	free(text);
	resize(f, 12, 40);
	text = render(f);
	assert_non_null(strstr(text, "when it is done\n"));
	free(text);
	resize(f, 24, 80);
}

/* A terminal that cannot move the cursor is refused before curses. */
static void
test_term_usable(void **state)
{
	char why[160];

	(void)state;
	setenv("TERM", "dumb", 1);
	assert_int_equal(ui_term_usable(why, sizeof why), -1);
	assert_non_null(strstr(why, "'dumb' cannot move the cursor"));
	unsetenv("TERM");
	assert_int_equal(ui_term_usable(why, sizeof why), -1);
	setenv("TERM", "xterm-256color", 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_golden_screens, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_note_sanitised, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_form_plausibility, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_day_keys, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_help_from_table, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_form_refuses_bad_values, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_form_escape_and_q, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_form_resize_keeps_text, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_drink_form, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_week_keys, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_trends_period, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_plan_select, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_plan_add_delete, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_history_plans, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_history_delete_undo, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_history_bounded, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_colour_and_text, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_export, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_export_all, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_undo_units, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_saved_other_day, setup, fx_close),
		cmocka_unit_test(test_manual_keys),
		cmocka_unit_test_setup_teardown(test_forms_round_trip,
		    setup_every_field, fx_close),
		cmocka_unit_test_setup_teardown(test_form_rows_reach_their_fields,
		    setup_every_field, fx_close),
		cmocka_unit_test_setup_teardown(test_form_entry_deleted_elsewhere,
		    setup_every_field, fx_close),
		cmocka_unit_test_setup_teardown(test_form_shoe, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_store_warnings_shown, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_form_cursor_editing, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_form_scales_and_choices, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_form_duration_and_reason,
		    setup, fx_close),
		cmocka_unit_test_setup_teardown(test_form_date_field, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_go_to_day, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_day_delete_and_redo, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_fluid_row_folded, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_history_search_filter, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_help_and_ellipsis, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_long_message_whole, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_term_usable, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_calendar_golden, setup_demo,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_calendar_agrees, setup_demo,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_calendar_keys, setup_demo,
		    fx_close),
		cmocka_unit_test_setup_teardown(test_calendar_years, setup,
		    fx_close),
	};

	return cmocka_run_group_tests_name("ui", tests, NULL, NULL);
}
