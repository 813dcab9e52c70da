/* The store against real temporary SQLite files. */
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#include "date.h"
#include "store.h"
#include "util.h"
#include "../src/store-int.h"   /* the handle, for the guard tests */

struct fx {
	char         *dir;
	char         *path;
	struct store *st;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);

	f->dir = test_tmpdir();
	f->path = xasprintf("%s/sub/dir/journal.db", f->dir);
	if (store_open(f->path, &f->st) != 0) {
		fprintf(stderr, "%s\n", err_get());
		return -1;
	}
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
	free(f->path);
	free(f);
	return 0;
}

extern const char *const schema_migrations[];
static int64_t raw_int(const char *path, const char *sql);
static void raw_exec(const char *path, const char *sql);

/*
 * A connection of the test's own to the journal at path, beside the
 * store's: the store's connection refuses what runlog does not run itself
 * (temporary tables, pragma_table_info, ignore_check_constraints), so the
 * tests look at and spoil the file the way another program would.
 */
static sqlite3 *
raw_open(const char *path)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL),
	    SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	return db;
}

static int
day(const char *s)
{
	int d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static struct run
a_run(const char *d, int64_t m, int64_t s)
{
	struct run r;

	memset(&r, 0, sizeof r);
	r.day = day(d);
	r.distance_m = m;
	r.duration_s = s;
	r.climb_m = -1;
	r.type = RUN_EASY;
	return r;
}

static void
test_open_creates_private_file(void **state)
{
	struct fx *f = *state;
	struct stat sb;
	char *dir = xasprintf("%s/sub/dir", f->dir);

	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(store_schema_version(f->st), store_latest_version());
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), 0);
	free(dir);
}

static void
test_runs(void **state)
{
	struct fx *f = *state;
	struct run r = a_run("2026-11-20", 10000, 3150), got, *v;
	size_t n;

	r.rpe = 5;
	r.note = "hills, \"windy\"";
	assert_int_equal(store_add_run(f->st, &r), 0);
	assert_true(r.id > 0);
	assert_int_equal(store_get_run(f->st, r.id, &got), 0);
	assert_int_equal(got.distance_m, 10000);
	assert_int_equal(got.duration_s, 3150);
	assert_int_equal(got.rpe, 5);
	assert_int_equal(got.climb_m, -1);
	assert_string_equal(got.note, "hills, \"windy\"");
	assert_string_equal(got.source, "runlog");
	assert_non_null(got.created_at);
	run_free(&got);

	r.distance_m = 12000;
	r.type = RUN_LONG;
	assert_int_equal(store_update_run(f->st, &r), 0);
	assert_int_equal(store_runs(f->st, day("2026-11-20"), day("2026-11-20"),
	    &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].distance_m, 12000);
	assert_int_equal(v[0].type, RUN_LONG);
	run_list_free(v, n);

	/* Out of the range: nothing. */
	assert_int_equal(store_runs(f->st, day("2026-11-21"), day("2026-11-30"),
	    &v, &n), 0);
	assert_int_equal(n, 0);
	run_list_free(v, n);
}

static void
test_run_refused(void **state)
{
	struct fx *f = *state;
	struct run r = a_run("2026-11-20", 0, 3150);

	assert_int_equal(store_add_run(f->st, &r), -1);
	assert_non_null(strstr(err_get(), "distance"));
	r = a_run("2026-11-20", 500001, 3150);
	assert_int_equal(store_add_run(f->st, &r), -1);
	r = a_run("2026-11-20", 10000, 172801);
	assert_int_equal(store_add_run(f->st, &r), -1);
	assert_non_null(strstr(err_get(), "duration"));
	r = a_run("2026-11-20", 10000, 3000);
	r.rpe = 11;
	assert_int_equal(store_add_run(f->st, &r), -1);
	r.rpe = 0;
	r.mass_before_g = 70000;   /* without after */
	assert_int_equal(store_add_run(f->st, &r), -1);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 0);
}

static void
test_check_constraints(void **state)
{
	struct fx *f = *state;
	static const char *bad[] = {
		"INSERT INTO run (day, distance_m, duration_s) VALUES ('2026-01-01', 0, 10)",
		"INSERT INTO run (day, distance_m, duration_s) VALUES ('2026-01-01', 500001, 10)",
		"INSERT INTO run (day, distance_m, duration_s, rpe) VALUES ('2026-01-01', 1, 10, 0)",
		"INSERT INTO run (day, distance_m, duration_s, type) VALUES ('2026-01-01', 1, 10, 'swim')",
		"INSERT INTO run (day, distance_m, duration_s) VALUES ('yesterday', 1, 10)",
		"INSERT INTO sleep (day, minutes) VALUES ('2026-01-01', 1441)",
		"INSERT INTO sleep (day, minutes, quality) VALUES ('2026-01-01', 400, 6)",
		"INSERT INTO drink (day, volume_ml) VALUES ('2026-01-01', 0)",
		"INSERT INTO drink (day, volume_ml) VALUES ('2026-01-01', 20001)",
		"INSERT INTO checkin (day, fatigue) VALUES ('2026-01-01', 11)",
		"INSERT INTO checkin (day, fatigue, rhr) VALUES ('2026-01-01', 5, 24)",
		"INSERT INTO checkin (day, fatigue, mood) VALUES ('2026-01-01', 5, 6)",
		"INSERT INTO checkin (day, fatigue, pain) VALUES ('2026-01-01', 5, 2)",
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_not_equal(sqlite3_exec(store_db(f->st), bad[i], NULL,
		    NULL, NULL), SQLITE_OK);
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), 0);
}

static void
test_sleep_replaces(void **state)
{
	struct fx *f = *state;
	struct sleep s = { .day = day("2026-11-20"), .minutes = 450, .quality = 4 };
	struct sleep *v;
	size_t n;
	int replaced = -1;
	int64_t first;

	assert_int_equal(store_put_sleep(f->st, &s, &replaced), 0);
	assert_int_equal(replaced, 0);
	first = s.id;
	s.minutes = 390;
	s.quality = 0;
	assert_int_equal(store_put_sleep(f->st, &s, &replaced), 0);
	assert_int_equal(replaced, 1);
	assert_int_equal(s.id, first);
	assert_int_equal(store_sleeps(f->st, DATE_MIN, DATE_MAX, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].minutes, 390);
	assert_int_equal(v[0].quality, 0);
	sleep_list_free(v, n);
	/* Undo brings the first value back. */
	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_int_equal(store_sleeps(f->st, DATE_MIN, DATE_MAX, &v, &n), 0);
	assert_int_equal(v[0].minutes, 450);
	assert_int_equal(v[0].quality, 4);
	sleep_list_free(v, n);
	s.minutes = 1441;
	assert_int_equal(store_put_sleep(f->st, &s, NULL), -1);
	assert_non_null(strstr(err_get(), "sleep"));
}

static void
test_checkin_drink_rest(void **state)
{
	struct fx *f = *state;
	struct checkin c = { .day = day("2026-11-20"), .fatigue = 8, .soreness = 6,
	    .mood = 2, .rhr = 58, .pain = 1, .note = "left calf" };
	struct drink d = { .day = day("2026-11-20"), .volume_ml = 500,
	    .electrolytes = 1 };
	struct rest x = { .day = day("2026-11-21") };
	struct checkin *cv;
	struct drink *dv;
	size_t n;
	int replaced;

	assert_int_equal(store_put_checkin(f->st, &c, &replaced), 0);
	assert_int_equal(replaced, 0);
	c.fatigue = 7;
	assert_int_equal(store_put_checkin(f->st, &c, &replaced), 0);
	assert_int_equal(replaced, 1);
	assert_int_equal(store_checkins(f->st, DATE_MIN, DATE_MAX, &cv, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(cv[0].fatigue, 7);
	assert_int_equal(cv[0].pain, 1);
	assert_int_equal(cv[0].stress, 0);
	assert_string_equal(cv[0].note, "left calf");
	checkin_list_free(cv, n);
	/* No rating is stored as none, never as 0; no reading at all is
	 * refused. */
	c.fatigue = 0;
	assert_int_equal(store_put_checkin(f->st, &c, NULL), 0);
	assert_int_equal(store_checkins(f->st, DATE_MIN, DATE_MAX, &cv, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(cv[0].fatigue, 0);
	assert_int_equal(cv[0].soreness, 6);
	checkin_list_free(cv, n);
	c.soreness = c.mood = c.rhr = 0;
	assert_int_equal(store_put_checkin(f->st, &c, NULL), -1);
	assert_non_null(strstr(err_get(), "at least one of fatigue"));
	c.hrv_ms = 301;
	assert_int_equal(store_put_checkin(f->st, &c, NULL), -1);
	assert_string_equal(err_get(), "HRV 301: must be from 1 to 300 ms");
	c.hrv_ms = 0;
	c.mass_g = 19999;
	assert_int_equal(store_put_checkin(f->st, &c, NULL), -1);
	assert_string_equal(err_get(), "body mass 19999: must be from 20 to 300 kg");

	assert_int_equal(store_add_drink(f->st, &d), 0);
	assert_int_equal(store_add_drink(f->st, &d), 0);
	assert_int_equal(store_drinks(f->st, DATE_MIN, DATE_MAX, &dv, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(dv[1].volume_ml, 500);
	assert_int_equal(dv[1].electrolytes, 1);
	drink_list_free(dv, n);
	d.volume_ml = 0;
	assert_int_equal(store_add_drink(f->st, &d), -1);

	assert_int_equal(store_put_rest(f->st, &x, &replaced), 0);
	assert_int_equal(replaced, 0);
	assert_int_equal(store_put_rest(f->st, &x, &replaced), 0);
	assert_int_equal(replaced, 1);
	assert_int_equal(store_count(f->st, ENTRY_REST), 1);
	{
		int first, last;
		assert_int_equal(store_span(f->st, &first, &last), 0);
		assert_int_equal(first, day("2026-11-20"));
		assert_int_equal(last, day("2026-11-21"));
	}
}

static void
test_delete_and_undo(void **state)
{
	struct fx *f = *state;
	struct run r = a_run("2026-11-20", 10000, 3150), got;
	struct drink d = { .day = day("2026-11-20"), .volume_ml = 250 };
	char label[128];

	r.note = "keep me";
	r.avg_hr = 150;
	r.climb_m = 0;
	assert_int_equal(store_add_run(f->st, &r), 0);
	assert_int_equal(store_add_drink(f->st, &d), 0);
	assert_int_equal(store_delete(f->st, ENTRY_RUN, r.id), 0);
	assert_int_equal(store_get_run(f->st, r.id, &got), 1);
	assert_int_equal(store_delete(f->st, ENTRY_RUN, r.id), 1);
	/* Undo the delete: the same row, every field, the same id. */
	assert_int_equal(store_undo(f->st, label, sizeof label), 0);
	assert_string_equal(label, "delete run r1");
	assert_int_equal(store_get_run(f->st, r.id, &got), 0);
	assert_string_equal(got.note, "keep me");
	assert_int_equal(got.avg_hr, 150);
	assert_int_equal(got.climb_m, 0);
	run_free(&got);
	/* Then the drink, then the run, then nothing. */
	assert_int_equal(store_undo(f->st, label, sizeof label), 0);
	assert_int_equal(store_count(f->st, ENTRY_DRINK), 0);
	assert_int_equal(store_undo(f->st, label, sizeof label), 0);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 0);
	assert_int_equal(store_undo(f->st, label, sizeof label), 1);
}

static void
test_batch_all_or_nothing(void **state)
{
	struct fx *f = *state;
	struct run r;
	int i;

	assert_int_equal(store_begin(f->st, "import"), 0);
	for (i = 1; i <= 50; i++) {
		r = a_run("2026-11-01", 1000 * i, 600);
		r.source = "strava";
		r.external_id = xasprintf("%d", i);
		assert_int_equal(store_add_run(f->st, &r), 0);
		free(r.external_id);
	}
	store_rollback(f->st);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 0);

	assert_int_equal(store_begin(f->st, "import"), 0);
	for (i = 1; i <= 50; i++) {
		r = a_run("2026-11-01", 1000 * i, 600);
		r.source = "strava";
		r.external_id = xasprintf("%d", i);
		assert_int_equal(store_add_run(f->st, &r), 0);
		free(r.external_id);
	}
	assert_int_equal(store_commit(f->st), 0);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 50);
	/* The same external ids again add nothing. */
	r = a_run("2026-11-01", 1000, 600);
	r.source = "strava";
	r.external_id = "7";
	assert_int_equal(store_add_run(f->st, &r), 1);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 50);
	/* The whole import is one undo. */
	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 0);
}

/* A batch that adds and replaces is undone whole: new rows go, old values
 * come back, and rows from before the batch stay. */
static void
test_batch_undo_mixed(void **state)
{
	struct fx *f = *state;
	struct sleep s = { .day = day("2026-11-01"), .minutes = 420 };
	struct drink d = { .day = day("2026-11-01"), .volume_ml = 300 };
	struct sleep *v;
	size_t n;
	int i;

	assert_int_equal(store_put_sleep(f->st, &s, NULL), 0);
	assert_int_equal(store_add_drink(f->st, &d), 0);
	assert_int_equal(store_begin(f->st, "import"), 0);
	s.minutes = 300;
	assert_int_equal(store_put_sleep(f->st, &s, NULL), 0);
	for (i = 0; i < 20; i++)
		assert_int_equal(store_add_drink(f->st, &d), 0);
	s.day = day("2026-11-02");
	assert_int_equal(store_put_sleep(f->st, &s, NULL), 0);
	assert_int_equal(store_commit(f->st), 0);
	assert_int_equal(store_count(f->st, ENTRY_DRINK), 21);
	assert_int_equal(store_count(f->st, ENTRY_SLEEP), 2);

	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_int_equal(store_count(f->st, ENTRY_DRINK), 1);
	assert_int_equal(store_sleeps(f->st, DATE_MIN, DATE_MAX, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].minutes, 420);
	sleep_list_free(v, n);
	/* Then the two single changes before it. */
	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_int_equal(store_count(f->st, ENTRY_DRINK), 0);
	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_int_equal(store_count(f->st, ENTRY_SLEEP), 0);
	assert_int_equal(store_undo(f->st, NULL, 0), 1);
}

/*
 * An import adds its runs with the insert triggers off; once it ends, a
 * single change made through the same handle (its statement prepared
 * while they were off) is recorded for undo again, and undo takes back
 * that change, then the import, then the change before it.
 */
static void
test_import_adding_keeps_undo(void **state)
{
	struct fx *f = *state;
	struct store_import *im;
	struct run r = a_run("2026-11-01", 5000, 1500);
	int i;

	assert_int_equal(store_add_run(f->st, &r), 0);
	assert_int_equal(store_import_begin(f->st, "import", &im), 0);
	assert_int_equal(store_import_adding(im, 1), 0);
	for (i = 0; i < 3; i++) {
		r = a_run("2026-11-02", 6000 + i, 1800);
		assert_int_equal(store_add_run(f->st, &r), 0);
	}
	assert_int_equal(store_import_adding(im, 0), 0);
	assert_int_equal(store_import_end(im, 1), 0);
	r = a_run("2026-11-03", 7000, 2100);
	assert_int_equal(store_add_run(f->st, &r), 0);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 5);

	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 4);
	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 1);
	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 0);
	assert_int_equal(store_undo(f->st, NULL, 0), 1);
}

/*
 * Every row of the given tables, each value with its type, as one string:
 * compares a journal before and after, field by field.
 */
static char *
dump_tables(struct store *st, const char *const *tables)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; tables[i] != NULL; i++) {
		char *sql = xasprintf("SELECT * FROM %s ORDER BY rowid", tables[i]);
		sqlite3_stmt *s;
		int c;

		assert_int_equal(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL),
		    SQLITE_OK);
		buf_printf(&b, "[%s]\n", tables[i]);
		while (sqlite3_step(s) == SQLITE_ROW) {
			for (c = 0; c < sqlite3_column_count(s); c++) {
				const unsigned char *t = sqlite3_column_text(s, c);
				buf_printf(&b, "%d:%s|", sqlite3_column_type(s, c),
				    t ? (const char *)t : "");
			}
			buf_addc(&b, '\n');
		}
		sqlite3_finalize(s);
		free(sql);
	}
	return b.data;
}

static const char *const entry_tables[] = { "run", "sleep", "drink",
	"checkin", "rest", NULL };
static const char *const all_tables[] = { "run", "sleep", "drink", "checkin",
	"rest", "undo_group", "undo_log", "undo_state", NULL };

static void
assert_entries(struct store *st, const char *want)
{
	char *got = dump_tables(st, entry_tables);

	assert_string_equal(got, want);
	free(got);
}

/* One entry of every kind with every field given. */
static void
seed_every_field(struct store *st)
{
	struct run r = a_run("2026-11-20", 10000, 3150);
	struct sleep s = { .day = day("2026-11-20"), .minutes = 450, .quality = 4,
	    .note = "woke once" };
	struct drink d = { .day = day("2026-11-20"), .volume_ml = 500,
	    .electrolytes = 1 };
	struct checkin c = { .day = day("2026-11-20"), .fatigue = 8, .soreness = 6,
	    .mood = 2, .stress = 3, .rhr = 58, .ill = 1, .pain = 1, .swelling = 1,
	    .numbness = 1, .no_weight = 1, .note = "left calf" };
	struct rest x = { .day = day("2026-11-21"), .note = "travel" };

	r.rpe = 7;
	r.type = RUN_TEMPO;
	r.avg_hr = 162;
	r.climb_m = 0;
	r.mass_before_g = 70400;
	r.mass_after_g = 69200;
	r.note = "it's \"windy\"";
	r.source = "strava";
	r.external_id = "123";
	assert_int_equal(store_add_run(st, &r), 0);
	assert_int_equal(store_put_sleep(st, &s, NULL), 0);
	assert_int_equal(store_add_drink(st, &d), 0);
	assert_int_equal(store_put_checkin(st, &c, NULL), 0);
	assert_int_equal(store_put_rest(st, &x, NULL), 0);
}

/*
 * The undo data of every journal table carries each of its columns, in
 * the table's order: a column added to a table without its triggers
 * would be lost by undo.
 */
static void
test_undo_data_has_every_column(void **state)
{
	struct fx *f = *state;
	sqlite3_stmt *s;
	size_t i;

	sqlite3 *db;

	seed_every_field(f->st);
	db = raw_open(f->path);
	assert_int_equal(sqlite3_prepare_v2(db,
	    "SELECT (SELECT group_concat(name, ',') FROM pragma_table_info(?1)), "
	    "(SELECT group_concat(key, ',') FROM json_each((SELECT new FROM "
	    "undo_log WHERE tbl = ?1 AND op = 'insert' LIMIT 1)))", -1, &s, NULL),
	    SQLITE_OK);
	for (i = 0; entry_tables[i] != NULL; i++) {
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, entry_tables[i], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_non_null(sqlite3_column_text(s, 0));
		assert_non_null(sqlite3_column_text(s, 1));
		assert_string_equal(sqlite3_column_text(s, 1),
		    sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/*
 * Undo puts back every field of every kind, with its type, after an
 * update, a replace, a delete of all kinds at once and a mixed batch;
 * redo replays each undo, and a new change drops what could be redone.
 */
static void
test_undo_restores_every_field(void **state)
{
	struct fx *f = *state;
	struct run r;
	struct drink d;
	struct sleep s = { .day = day("2026-11-20"), .minutes = 300 };
	struct checkin c = { .day = day("2026-11-20"), .fatigue = 2 };
	enum entry_kind k[] = { ENTRY_RUN, ENTRY_SLEEP, ENTRY_DRINK,
	    ENTRY_CHECKIN, ENTRY_REST };
	int64_t ids[] = { 1, 1, 1, 1, 1 };
	char *seeded, *changed, label[128];
	int i;

	/* The triggers must work in a schema SQLite does not trust. */
	assert_int_equal(sqlite3_exec(store_db(f->st), "PRAGMA trusted_schema "
	    "= OFF", NULL, NULL, NULL), SQLITE_OK);
	seed_every_field(f->st);
	seeded = dump_tables(f->st, entry_tables);

	/* Updates of a run and a drink, replaces of a sleep and a check-in. */
	assert_int_equal(store_get_run(f->st, 1, &r), 0);
	r.distance_m = 21100;
	r.rpe = 0;
	r.avg_hr = 0;
	r.climb_m = -1;
	r.mass_before_g = r.mass_after_g = 0;
	free(r.note);
	r.note = NULL;
	assert_int_equal(store_update_run(f->st, &r), 0);
	run_free(&r);
	assert_int_equal(store_get_drink(f->st, 1, &d), 0);
	d.volume_ml = 250;
	d.electrolytes = 0;
	assert_int_equal(store_update_drink(f->st, &d), 0);
	drink_free(&d);
	assert_int_equal(store_put_sleep(f->st, &s, NULL), 0);
	assert_int_equal(store_put_checkin(f->st, &c, NULL), 0);
	changed = dump_tables(f->st, entry_tables);
	assert_string_not_equal(changed, seeded);
	for (i = 0; i < 4; i++)
		assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_entries(f->st, seeded);
	/* Redo brings the four changes back, undo takes them away again. */
	for (i = 0; i < 4; i++)
		assert_int_equal(store_redo(f->st, NULL, 0), 0);
	assert_int_equal(store_redo(f->st, NULL, 0), 1);
	assert_entries(f->st, changed);
	for (i = 0; i < 4; i++)
		assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_entries(f->st, seeded);
	free(changed);

	/* Every kind deleted in one step, and back in one step. */
	assert_int_equal(store_delete_many(f->st, k, ids, 5, NULL), 0);
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), 0);
	assert_int_equal(store_undo(f->st, label, sizeof label), 0);
	assert_string_equal(label, "delete 5 entries: r1, s1, d1, f1, x1");
	assert_entries(f->st, seeded);

	/* A batch that adds, replaces, edits and deletes, undone whole. */
	assert_int_equal(store_begin(f->st, "import"), 0);
	for (i = 0; i < 30; i++) {
		r = a_run("2026-10-01", 1000 + i, 600);
		assert_int_equal(store_add_run(f->st, &r), 0);
	}
	r.distance_m = 999;   /* a row of the batch, edited in the batch */
	assert_int_equal(store_update_run(f->st, &r), 0);
	assert_int_equal(store_put_sleep(f->st, &s, NULL), 0);
	assert_int_equal(store_put_checkin(f->st, &c, NULL), 0);
	assert_int_equal(store_delete(f->st, ENTRY_REST, 1), 0);
	assert_int_equal(store_delete(f->st, ENTRY_DRINK, 1), 0);
	assert_int_equal(store_commit(f->st), 0);
	changed = dump_tables(f->st, entry_tables);
	assert_int_equal(store_undo(f->st, label, sizeof label), 0);
	assert_string_equal(label, "import");
	assert_entries(f->st, seeded);
	assert_int_equal(store_redo(f->st, NULL, 0), 0);
	assert_entries(f->st, changed);
	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_entries(f->st, seeded);

	/* A new change drops what could be redone. */
	d = (struct drink){ .day = day("2026-11-22"), .volume_ml = 100 };
	assert_int_equal(store_add_drink(f->st, &d), 0);
	assert_int_equal(store_redo(f->st, NULL, 0), 1);
	free(changed);
	free(seeded);
}

/*
 * Deleting several entries where one does not exist deletes none of them
 * and records no undo step; deleting several is one undo step.
 */
static void
test_delete_all_or_nothing(void **state)
{
	struct fx *f = *state;
	struct run r = a_run("2026-11-20", 10000, 3150);
	struct drink d = { .day = day("2026-11-20"), .volume_ml = 250 };
	enum entry_kind k[] = { ENTRY_RUN, ENTRY_DRINK, ENTRY_RUN };
	int64_t ids[] = { 1, 1, 99999 };
	char *before, label[128];
	size_t missing = 0;

	assert_int_equal(store_add_run(f->st, &r), 0);
	assert_int_equal(store_add_drink(f->st, &d), 0);
	before = dump_tables(f->st, all_tables);
	assert_int_equal(store_delete_many(f->st, k, ids, 3, &missing), 1);
	assert_int_equal(missing, 2);
	{
		char *after = dump_tables(f->st, all_tables);
		assert_string_equal(after, before);
		free(after);
	}
	assert_int_equal(store_delete_many(f->st, k, ids, 2, &missing), 0);
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), 0);
	assert_int_equal(store_undo(f->st, label, sizeof label), 0);
	assert_string_equal(label, "delete 2 entries: r1, d1");
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), 2);
	/* The same id twice is one deletion. */
	ids[1] = 1;
	k[1] = ENTRY_RUN;
	assert_int_equal(store_delete_many(f->st, k, ids, 2, NULL), 0);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 0);
	assert_int_equal(store_count(f->st, ENTRY_DRINK), 1);
	free(before);
}

/*
 * Undo data that is not what runlog writes, one kind of damage at a time,
 * in the oldest change of a three-change group: undo refuses with a clear
 * message and every table, undo data included, stays as it was.
 */
static void
test_undo_refuses_bad_data(void **state)
{
	struct fx *f = *state;
	static const char *const spoil[] = {
		"UPDATE undo_log SET old = 'not json {' WHERE seq = ?1",
		"UPDATE undo_log SET old = '[1, 2, 3]' WHERE seq = ?1",
		"UPDATE undo_log SET old = '\"text\"' WHERE seq = ?1",
		"UPDATE undo_log SET old = x'7b7d' WHERE seq = ?1",
		"UPDATE undo_log SET old = NULL WHERE seq = ?1",
		"UPDATE undo_log SET old = 'ATTACH ''/tmp/runlog-v.db'' AS v; "
		    "DELETE FROM v.t' WHERE seq = ?1",
		"UPDATE undo_log SET tbl = 'nosuch' WHERE seq = ?1",
		"UPDATE undo_log SET tbl = 'run; DROP TABLE sleep' WHERE seq = ?1",
		"UPDATE undo_log SET tbl = 'sqlite_master' WHERE seq = ?1",
		"UPDATE undo_log SET tbl = 'undo_group' WHERE seq = ?1",
		"UPDATE undo_log SET tbl = 'RUN' WHERE seq = ?1",
		"UPDATE undo_log SET op = 'drop' WHERE seq = ?1",
		"UPDATE undo_log SET op = 'DELETE' WHERE seq = ?1",
		"UPDATE undo_log SET op = 'delete; ATTACH ''/tmp/x'' AS p' WHERE seq = ?1",
		"UPDATE undo_log SET row_id = 'abc' WHERE seq = ?1",
		"UPDATE undo_log SET row_id = -1 WHERE seq = ?1",
		"UPDATE undo_log SET row_id = 2 WHERE seq = ?1",
		"UPDATE undo_log SET last_id = 5 WHERE seq = ?1",
		"UPDATE undo_log SET new = old WHERE seq = ?1",
		"UPDATE undo_log SET old = json_remove(old, '$.note') WHERE seq = ?1",
		"UPDATE undo_log SET old = json_remove(old, '$.id') WHERE seq = ?1",
		"UPDATE undo_log SET old = json_set(old, '$.id', 1) WHERE seq = ?1",
		"UPDATE undo_log SET old = json_set(old, '$.id', '1') WHERE seq = ?1",
		"UPDATE undo_log SET old = json_set(old, '$.id', 'i' || hex(99)) "
		    "WHERE seq = ?1",
		"UPDATE undo_log SET old = json_set(old, '$.id', 'i' || hex('1x')) "
		    "WHERE seq = ?1",
		"UPDATE undo_log SET old = json_set(old, '$.id', 'i' || "
		    "hex('99999999999999999999')) WHERE seq = ?1",
		"UPDATE undo_log SET old = json_set(old, '$.distance_m', 'i12x') "
		    "WHERE seq = ?1",
		"UPDATE undo_log SET old = json_set(old, '$.day', 't3') WHERE seq = ?1",
		"UPDATE undo_log SET old = json_set(old, '$.note', 'q00') WHERE seq = ?1",
		"UPDATE undo_log SET old = json_set(old, '$.note', 'n00') WHERE seq = ?1",
		"UPDATE undo_log SET old = json_set(old, '$.note', json('[\"t00\"]')) "
		    "WHERE seq = ?1",
		"UPDATE undo_log SET old = json_set(old, '$.extra', 'n') WHERE seq = ?1",
		"UPDATE undo_log SET old = replace(old, '\"note\"', '\"id\"') "
		    "WHERE seq = ?1",
		"UPDATE undo_log SET old = json_set(old, '$.note', 't' || "
		    "hex(printf('%.200000c', 'x'))) WHERE seq = ?1",
		"UPDATE undo_log SET old = old || printf('%.5000000c', ' ') WHERE seq = ?1",
	};
	enum entry_kind k[] = { ENTRY_RUN, ENTRY_DRINK, ENTRY_REST };
	int64_t ids[] = { 1, 1, 1 };
	sqlite3 *db = raw_open(f->path);
	sqlite3_stmt *s;
	char *before, *after;
	int64_t oldest;
	size_t i;

	seed_every_field(f->st);
	assert_int_equal(store_delete_many(f->st, k, ids, 3, NULL), 0);
	oldest = raw_int(f->path, "SELECT min(seq) FROM undo_log WHERE grp = "
	    "(SELECT max(id) FROM undo_group)");
	assert_true(oldest > 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM undo_log WHERE "
	    "grp = (SELECT max(id) FROM undo_group)"), 3);
	assert_int_equal(sqlite3_exec(db, "CREATE TEMP TABLE good AS SELECT * "
	    "FROM undo_log", NULL, NULL, NULL), SQLITE_OK);
	for (i = 0; i < sizeof spoil / sizeof spoil[0]; i++) {
		/* The schema's own CHECK on op is bypassed, as a hand-made
		 * file could be. */
		assert_int_equal(sqlite3_exec(db, "PRAGMA ignore_check_constraints "
		    "= ON", NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(db, spoil[i], -1, &s, NULL),
		    SQLITE_OK);
		sqlite3_bind_int64(s, 1, oldest);
		assert_int_equal(sqlite3_step(s), SQLITE_DONE);
		assert_int_equal(sqlite3_changes(db), 1);
		sqlite3_finalize(s);
		assert_int_equal(sqlite3_exec(db, "PRAGMA ignore_check_constraints "
		    "= OFF", NULL, NULL, NULL), SQLITE_OK);
		before = dump_tables(f->st, all_tables);
		assert_int_equal(store_undo(f->st, NULL, 0), -1);
		if (strstr(err_get(), "does not parse; nothing was undone") == NULL)
			fail_msg("case %zu: %s", i, err_get());
		after = dump_tables(f->st, all_tables);
		assert_string_equal(after, before);
		free(before);
		free(after);
		/* The good data back for the next case. */
		assert_int_equal(sqlite3_exec(db, "DELETE FROM undo_log; INSERT "
		    "INTO undo_log SELECT * FROM temp.good", NULL, NULL, NULL),
		    SQLITE_OK);
	}
	/* Data that parses but does not fit the journal: refused the same. */
	assert_int_equal(sqlite3_prepare_v2(db, "UPDATE undo_log SET op = "
	    "'insert', new = json_set(old, '$.id', 'i' || hex(7)), old = NULL, "
	    "row_id = 7 "
	    "WHERE seq = ?", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_int64(s, 1, oldest);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	before = dump_tables(f->st, all_tables);
	assert_int_equal(store_undo(f->st, NULL, 0), -1);
	assert_non_null(strstr(err_get(), "does not match the journal"));
	assert_non_null(strstr(err_get(), "nothing was undone"));
	after = dump_tables(f->st, all_tables);
	assert_string_equal(after, before);
	free(before);
	free(after);
	/* And the good data is undone whole. */
	assert_int_equal(sqlite3_exec(db, "DELETE FROM undo_log; INSERT "
	    "INTO undo_log SELECT * FROM temp.good; DROP TABLE temp.good", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), 5);
}

/*
 * A journal of the first version whose undo history holds crafted SQL:
 * the upgrade drops that history, so undo finds nothing and runs nothing.
 */
static void
test_upgrade_drops_sql_undo(void **state)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/j.db", dir);
	char *victim = xasprintf("%s/victim.db", dir);
	char *made = xasprintf("%s/made.db", dir), *sql;
	struct store *st;
	sqlite3 *db;
	struct stat sb;

	(void)state;
	assert_int_equal(sqlite3_open(victim, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t "
	    "VALUES (1)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	store_set_migrations(schema_migrations, 1);
	assert_int_equal(store_open(path, &st), 0);
	store_close(st);
	store_set_migrations(NULL, 0);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sql = xasprintf("INSERT INTO undo_group (id, label) VALUES (1, 'x'); "
	    "INSERT INTO undo_log (grp, sql) VALUES (1, 'ATTACH ''%s'' AS v; "
	    "DELETE FROM v.t; ATTACH ''%s'' AS p; CREATE TABLE p.t(x)')",
	    victim, made);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
	sqlite3_close(db);

	assert_int_equal(store_open(path, &st), 0);
	assert_int_equal(store_undo(st, NULL, 0), 1);
	store_close(st);
	assert_int_equal(raw_int(victim, "SELECT count(*) FROM t"), 1);
	assert_int_equal(stat(made, &sb), -1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM undo_log"), 0);
	test_rmdir(dir);
	free(dir);
	free(path);
	free(victim);
	free(made);
}

static char *
slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *b;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	*n = (size_t)ftell(fp);
	rewind(fp);
	b = malloc(*n + 1);
	assert_int_equal(fread(b, 1, *n, fp), *n);
	b[*n] = '\0';
	fclose(fp);
	return b;
}

static void
test_newer_version_refused(void **state)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/j.db", dir);
	struct store *st;
	sqlite3 *db;
	char *before, *after;
	size_t nb, na;

	(void)state;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x); PRAGMA user_version = 99",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	before = slurp(path, &nb);
	assert_int_equal(store_open(path, &st), -1);
	assert_non_null(strstr(err_get(), "newer runlog"));
	after = slurp(path, &na);
	assert_int_equal(nb, na);
	assert_memory_equal(before, after, nb);
	free(before);
	free(after);
	test_rmdir(dir);
	free(dir);
	free(path);
}

static void
test_not_a_database_refused(void **state)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/notes.txt", dir);
	struct store *st;
	FILE *fp = fopen(path, "w");
	char *after;
	size_t n;

	(void)state;
	fputs("my precious notes, not a database at all\n", fp);
	fclose(fp);
	assert_int_equal(store_open(path, &st), -1);
	assert_non_null(strstr(err_get(), "not a runlog journal"));
	after = slurp(path, &n);
	assert_string_equal(after, "my precious notes, not a database at all\n");
	free(after);
	test_rmdir(dir);
	free(dir);
	free(path);
}

static void
test_reopen_keeps_data(void **state)
{
	struct fx *f = *state;
	struct run r = a_run("2026-11-20", 10001, 3150);

	assert_int_equal(store_add_run(f->st, &r), 0);
	store_close(f->st);
	assert_int_equal(store_open(f->path, &f->st), 0);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 1);
	assert_int_equal(store_schema_version(f->st), store_latest_version());
}

static int64_t
raw_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int64_t v = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/*
 * The upgrade path, with one more migration made up for the test: the old
 * journal is copied aside first (PATH.vN.bak, 0600), then migrated in one
 * transaction; a failing migration leaves the journal as it was; and the
 * upgraded journal is refused by the runlog that knows one version less.
 */
static void
test_upgrade_from_older_version(void **state)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/j.db", dir);
	int old = store_latest_version(), i;
	char *bak = xasprintf("%s.v%d.bak", path, old);
	const char *next[32], *broken[32];
	struct run r = a_run("2026-11-20", 10000, 3150);
	struct store *st;
	struct stat sb;

	(void)state;
	assert_true(old + 1 < 32);
	for (i = 0; i < old; i++)
		next[i] = broken[i] = schema_migrations[i];
	next[old] = "CREATE TABLE probe (x INTEGER); INSERT INTO probe VALUES (42);";
	broken[old] = "CREATE TABLE probe (x INTEGER); CREATE TABLE run (x);";
	assert_int_equal(store_open(path, &st), 0);
	assert_int_equal(store_add_run(st, &r), 0);
	store_close(st);

	/* A migration that fails changes nothing: it is tried in memory
	 * first, so not even the copy is written. */
	store_set_migrations(broken, old + 1);
	assert_int_equal(store_open(path, &st), -1);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), old);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM run"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_master "
	    "WHERE name = 'probe'"), 0);
	assert_int_equal(stat(bak, &sb), -1);

	store_set_migrations(next, old + 1);
	assert_int_equal(store_open(path, &st), 0);
	assert_int_equal(store_schema_version(st), old + 1);
	assert_int_equal(store_count(st, ENTRY_RUN), 1);
	store_close(st);
	assert_int_equal(raw_int(path, "SELECT x FROM probe"), 42);
	/* The copy is the journal as it was before. */
	assert_int_equal(stat(bak, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(raw_int(bak, "PRAGMA user_version"), old);
	assert_int_equal(raw_int(bak, "SELECT count(*) FROM run"), 1);
	assert_int_equal(raw_int(bak, "SELECT count(*) FROM sqlite_master "
	    "WHERE name = 'probe'"), 0);

	/* Opened again at the new version: nothing to copy. */
	unlink(bak);
	assert_int_equal(store_open(path, &st), 0);
	store_close(st);
	assert_int_equal(stat(bak, &sb), -1);

	/* The older runlog refuses the upgraded journal. */
	store_set_migrations(NULL, 0);
	assert_int_equal(store_open(path, &st), -1);
	assert_non_null(strstr(err_get(), "newer runlog"));

	test_rmdir(dir);
	free(dir);
	free(path);
	free(bak);
}

static void
test_entry_refs(void **state)
{
	enum entry_kind k;
	int64_t id;

	(void)state;
	assert_int_equal(entry_ref_parse("r12", &k, &id), 0);
	assert_int_equal(k, ENTRY_RUN);
	assert_int_equal(id, 12);
	assert_int_equal(entry_ref_parse("x2", &k, &id), 0);
	assert_int_equal(k, ENTRY_REST);
	assert_int_equal(entry_ref_parse("12", &k, &id), -1);
	assert_int_equal(entry_ref_parse("r0", &k, &id), -1);
	assert_int_equal(entry_ref_parse("r-1", &k, &id), -1);
	assert_int_equal(entry_ref_parse("q5", &k, &id), -1);
}

/* --- a journal as untrusted input ------------------------------------ */

/* A journal at dir/name with one run, closed; the path, allocated. */
static char *
journal_with_run(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct run r = a_run("2026-11-20", 10000, 3150);
	struct store *st;

	assert_int_equal(store_open(path, &st), 0);
	assert_int_equal(store_add_run(st, &r), 0);
	store_close(st);
	return path;
}


/* --- every field through the descriptors ------------------------------- */

/* Writes e of kind k through the store's own write for that kind. */
static int
write_kind(struct store *st, enum entry_kind k, void *e)
{
	const struct run *r = e;

	/* the shoe a run names must exist: fill_entry() names one */
	if (k == ENTRY_RUN && r->shoe != NULL &&
	    store_shoe_add(st, r->shoe, 0, 0, r->day) < 0)
		return -1;
	switch (k) {
	case ENTRY_RUN:     return store_add_run(st, e);
	case ENTRY_SLEEP:   return store_put_sleep(st, e, NULL);
	case ENTRY_DRINK:   return store_add_drink(st, e);
	case ENTRY_CHECKIN: return store_put_checkin(st, e, NULL);
	case ENTRY_REST:    return store_put_rest(st, e, NULL);
	case ENTRY_PLAN:    return store_add_plan(st, e);
	default:            return -1;
	}
}

/*
 * An entry of kind d with every field given and none at its default: the
 * top of each range, the last run type, a text naming its column.
 * given 0: every optional field at its 'none' value instead.
 */
static void
fill_entry(const struct entry_desc *d, void *e, int dayv, int given,
    char texts[][64])
{
	size_t i;

	memset(e, 0, d->size);
	for (i = 0; i < d->nfields; i++) {
		const struct entry_field *fl = &d->fields[i];

		switch (fl->type) {
		case FT_ID:
			break;
		case FT_DAY:
			entry_set(e, fl, dayv);
			break;
		case FT_BOOL:
			entry_set(e, fl, 1);
			break;
		case FT_RUN_TYPE:
			entry_set(e, fl, RUN_TYPE_COUNT - 2);
			break;
		case FT_INT:
		case FT_INT64:
			/* a check-in holds one reading: its body mass here */
			if (!given && (fl->flags & FIELD_OPTIONAL) &&
			    strcmp(fl->column, "mass_g") != 0)
				entry_set(e, fl, fl->none);
			else
				entry_set(e, fl, fl->range->max);
			break;
		case FT_TEXT:
			if (fl->flags & FIELD_STAMP)
				snprintf(texts[i], 64, "2026-01-0%d 03:04:05", given + 1);
			else if (!given && (fl->flags & FIELD_OPTIONAL))
				break;
			else
				snprintf(texts[i], 64, "%s of %s", fl->column, d->table);
			*entry_text(e, fl) = texts[i];
			break;
		}
	}
}

/* Every descriptor field of got equals the one of want (ids aside). */
static void
assert_same_entry(const struct entry_desc *d, const void *want,
    const void *got)
{
	size_t i;

	for (i = 0; i < d->nfields; i++) {
		const struct entry_field *fl = &d->fields[i];

		if (fl->type == FT_ID)
			continue;
		if (fl->type != FT_TEXT) {
			if (entry_get(want, fl) != entry_get(got, fl))
				fail_msg("%s.%s: wrote %lld, read %lld", d->table,
				    fl->column, (long long)entry_get(want, fl),
				    (long long)entry_get(got, fl));
		} else if (entry_text_get(want, fl) == NULL) {
			if (entry_text_get(got, fl) != NULL &&
			    !(fl->flags & FIELD_ORIGIN))
				fail_msg("%s.%s: wrote none, read '%s'", d->table,
				    fl->column, entry_text_get(got, fl));
		} else {
			assert_non_null(entry_text_get(got, fl));
			assert_string_equal(entry_text_get(want, fl),
			    entry_text_get(got, fl));
		}
	}
}

static void
test_every_field_round_trips(void **state)
{
	struct fx *f = *state;
	int k, given;

	for (given = 1; given >= 0; given--) {
		for (k = 0; k < ENTRY_KIND_COUNT; k++) {
			const struct entry_desc *d = entry_desc((enum entry_kind)k);
			char texts[32][64], want[512], got[512];
			int dv = day("2026-05-01") + given * 10 + k;
			const struct entry_field *idf = entry_field_find(d, "id");
			void *v;
			size_t n;

			assert_true(d->size <= sizeof want);
			assert_true(d->nfields <= 32);
			fill_entry(d, want, dv, given, texts);
			assert_int_equal(write_kind(f->st, (enum entry_kind)k, want), 0);
			assert_true(entry_get(want, idf) > 0);

			assert_int_equal(store_read(f->st, (enum entry_kind)k, dv, dv,
			    &v, &n), 0);
			assert_int_equal(n, 1);
			assert_int_equal(entry_get(v, idf), entry_get(want, idf));
			assert_same_entry(d, want, v);
			entry_list_free((enum entry_kind)k, v, n);

			assert_int_equal(store_get(f->st, (enum entry_kind)k,
			    entry_get(want, idf), got), 0);
			assert_same_entry(d, want, got);
			entry_free_fields(d, got);
		}
	}
	assert_null(store_warning(f->st));
}

/*
 * Plans are a kind of their own: store_load() gives them apart from the
 * runs (e.plans), store_plans() reads a day range, store_count() counts
 * them with every kind, plan_done() follows the runs of the day, and a
 * delete and its undo treat them as any entry.
 */
static void
test_plans_kept_apart(void **state)
{
	struct fx *f = *state;
	struct plan p = { .day = day("2026-03-02"), .distance_m = 12000,
	    .type = RUN_LONG, .rpe = 6 }, q = { .day = day("2026-03-04"),
	    .distance_m = 8000, .duration_s = 2700 }, bad = q, *pv;
	struct run r = a_run("2026-03-02", 10000, 3150);
	struct entries e;
	size_t n;
	int first, last;

	assert_int_equal(store_add_plan(f->st, &p), 0);
	assert_int_equal(store_add_plan(f->st, &q), 0);
	assert_int_equal(p.id, 1);
	assert_int_equal(q.id, 2);
	bad.distance_m = 0;
	assert_int_equal(store_add_plan(f->st, &bad), -1);
	assert_non_null(strstr(err_get(), "distance"));
	bad = q;
	bad.rpe = 11;
	assert_int_equal(store_add_plan(f->st, &bad), -1);
	assert_int_equal(store_count(f->st, ENTRY_PLAN), 2);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 0);
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), 2);

	/* the plans of a range: what a look at the week ahead reads */
	assert_int_equal(store_plans(f->st, day("2026-03-01"), day("2026-03-03"),
	    &pv, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(pv[0].id, 1);
	assert_int_equal(pv[0].distance_m, 12000);
	assert_int_equal(pv[0].duration_s, 0);
	assert_int_equal(pv[0].rpe, 6);
	assert_int_equal(pv[0].type, RUN_LONG);
	assert_false(plan_done(&pv[0], NULL, 0));
	plan_list_free(pv, n);

	assert_int_equal(store_add_run(f->st, &r), 0);
	assert_int_equal(store_load(f->st, day("2026-03-01"), day("2026-03-07"),
	    &e), 0);
	assert_int_equal(e.nruns, 1);
	assert_int_equal(e.nplans, 2);
	assert_int_equal(e.plans[1].duration_s, 2700);
	assert_true(plan_done(&e.plans[0], e.runs, e.nruns));
	assert_false(plan_done(&e.plans[1], e.runs, e.nruns));
	entries_free(&e);

	/* the journal's span is that of its done days, not of its plans */
	assert_int_equal(store_span(f->st, &first, &last), 0);
	assert_int_equal(first, day("2026-03-02"));
	assert_int_equal(last, day("2026-03-02"));

	assert_int_equal(store_delete(f->st, ENTRY_PLAN, 2), 0);
	assert_int_equal(store_count(f->st, ENTRY_PLAN), 1);
	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_int_equal(store_plans(f->st, DATE_MIN, DATE_MAX, &pv, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(pv[1].id, 2);
	assert_int_equal(pv[1].duration_s, 2700);
	plan_list_free(pv, n);
}

/*
 * A journal older than the plan table, opened to read and not upgraded,
 * has no plans, and every read of every kind still works.
 */
static void
test_plans_of_an_older_journal(void **state)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/old.db", dir);
	struct plan *pv = NULL, one;
	struct store *st;
	struct entries e;
	size_t n = 9;
	int w;

	(void)state;
	for (w = 0; w < store_latest_version(); w++)
		if (strstr(schema_migrations[w], "CREATE TABLE plan") != NULL)
			break;
	assert_true(w > 0 && w < store_latest_version());
	store_set_migrations(schema_migrations, w);
	assert_int_equal(store_open(path, &st), 0);
	store_close(st);
	raw_exec(path, "INSERT INTO run (id, day, distance_m, duration_s) "
	    "VALUES (1, '2026-03-01', 10000, 3000);");
	store_set_migrations(NULL, 0);

	assert_int_equal(store_open_read(path, &st), 0);
	assert_int_equal(store_schema_version(st), w);
	assert_int_equal(store_plans(st, DATE_MIN, DATE_MAX, &pv, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_count(st, ENTRY_KIND_COUNT), 1);
	assert_int_equal(store_load(st, DATE_MIN, DATE_MAX, &e), 0);
	assert_int_equal(e.nruns, 1);
	assert_int_equal(e.nplans, 0);
	entries_free(&e);
	assert_int_equal(store_get(st, ENTRY_PLAN, 1, &one), 1);
	store_close(st);
	free(path);
	test_rmdir(dir);
	free(dir);
}

/*
 * The wellness migration upgrades a journal of the version before it for
 * real: every row of every kind is kept with its values, the copy of the
 * journal as it was is kept, a check-in may then lack a rating and hold
 * HRV and body mass, and undo puts back the new columns.
 */
static void
test_upgrade_to_wellness(void **state)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/j.db", dir), *bak;
	const char *msg;
	struct checkin *cv, c = { .day = day("2026-03-03"), .hrv_ms = 64,
	    .mass_g = 70250 };
	struct run *rv;
	struct store *st;
	struct stat sb;
	size_t n;
	int w;

	(void)state;
	/* the migration that adds the HRV column, and the version before it */
	for (w = 0; w < store_latest_version(); w++)
		if (strstr(schema_migrations[w], "hrv_ms INTEGER") != NULL)
			break;
	assert_true(w > 0 && w < store_latest_version());
	store_set_migrations(schema_migrations, w);
	assert_int_equal(store_open(path, &st), 0);
	store_close(st);
	raw_exec(path,
	    "INSERT INTO run (id, day, distance_m, duration_s, rpe, avg_hr, note) "
	    "VALUES (7, '2026-03-01', 10000, 3000, 5, 150, 'tempo, windy');"
	    "INSERT INTO sleep (id, day, minutes, quality) VALUES (3, '2026-03-02', 420, 4);"
	    "INSERT INTO drink (id, day, volume_ml, electrolytes) VALUES (4, '2026-03-02', 500, 1);"
	    "INSERT INTO checkin (id, day, fatigue, soreness, rhr, pain, note) "
	    "VALUES (5, '2026-03-02', 6, 3, 50, 1, 'calf');"
	    "INSERT INTO rest (id, day, note) VALUES (2, '2026-03-04', 'off');");
	store_set_migrations(NULL, 0);

	assert_int_equal(store_open(path, &st), 0);
	assert_int_equal(store_schema_version(st), store_latest_version());
	bak = xasprintf("%s.v%d.bak", path, w);
	assert_int_equal(stat(bak, &sb), 0);
	assert_int_equal(raw_int(bak, "PRAGMA user_version"), w);
	assert_int_equal(raw_int(bak, "SELECT count(*) FROM checkin"), 1);
	assert_int_equal(store_runs(st, DATE_MIN, DATE_MAX, &rv, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(rv[0].id, 7);
	assert_int_equal(rv[0].distance_m, 10000);
	assert_int_equal(rv[0].avg_hr, 150);
	assert_int_equal(rv[0].start_utc, 0);
	assert_string_equal(rv[0].note, "tempo, windy");
	run_list_free(rv, n);
	assert_int_equal(store_checkins(st, DATE_MIN, DATE_MAX, &cv, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(cv[0].id, 5);
	assert_int_equal(cv[0].fatigue, 6);
	assert_int_equal(cv[0].soreness, 3);
	assert_int_equal(cv[0].rhr, 50);
	assert_int_equal(cv[0].pain, 1);
	assert_int_equal(cv[0].hrv_ms, 0);
	assert_string_equal(cv[0].note, "calf");
	checkin_list_free(cv, n);
	assert_int_equal(store_count(st, ENTRY_SLEEP), 1);
	assert_int_equal(store_count(st, ENTRY_DRINK), 1);
	assert_int_equal(store_count(st, ENTRY_REST), 1);
	while ((msg = store_warning(st)) != NULL)
		assert_non_null(strstr(msg, bak));

	/* A day of wellness values only, then the day's check-in changed and
	 * deleted: each undo puts back exactly what was. */
	assert_int_equal(store_put_checkin(st, &c, NULL), 0);
	assert_int_equal(raw_int(path, "SELECT fatigue IS NULL FROM checkin "
	    "WHERE day = '2026-03-03'"), 1);
	c.day = day("2026-03-02");
	c.fatigue = 4;
	assert_int_equal(store_put_checkin(st, &c, NULL), 0);
	assert_int_equal(raw_int(path, "SELECT hrv_ms FROM checkin WHERE id = 5"),
	    64);
	assert_int_equal(store_undo(st, NULL, 0), 0);
	assert_int_equal(raw_int(path, "SELECT hrv_ms IS NULL AND fatigue = 6 "
	    "AND rhr = 50 AND note = 'calf' FROM checkin WHERE id = 5"), 1);
	assert_int_equal(store_undo(st, NULL, 0), 0);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM checkin"), 1);
	raw_exec(path, "UPDATE run SET start_utc = 1772341200 WHERE id = 7");
	assert_int_equal(store_delete(st, ENTRY_RUN, 7), 0);
	assert_int_equal(store_undo(st, NULL, 0), 0);
	assert_int_equal(raw_int(path, "SELECT start_utc FROM run WHERE id = 7"),
	    1772341200);
	store_close(st);

	test_rmdir(dir);
	free(dir);
	free(path);
	free(bak);
}

/* The statements are built from the descriptors: every column, in order. */
static void
test_statements_follow_descriptors(void **state)
{
	int k;

	(void)state;
	for (k = 0; k < ENTRY_KIND_COUNT; k++) {
		const struct entry_desc *d = entry_desc((enum entry_kind)k);
		char sql[1024], cols[1024] = "SELECT ", *from;
		size_t i;

		for (i = 0; i < d->nfields; i++) {
			strcat(cols, i ? ", " : "");
			/* a shoe reads as its name, looked up by the id; an
			 * id that names no shoe, as an empty blob */
			if (d->fields[i].flags & FIELD_SHOE)
				snprintf(cols + strlen(cols), sizeof cols -
				    strlen(cols), "(CASE WHEN %1$s.%2$s IS NULL "
				    "THEN NULL ELSE coalesce((SELECT name FROM "
				    "shoe WHERE shoe.id = %1$s.%2$s AND "
				    "typeof(%1$s.%2$s) = 'integer'), x'') END)",
				    d->table, d->fields[i].column);
			else
				strcat(cols, d->fields[i].column);
		}
		assert_int_equal(store_entry_sql((enum entry_kind)k, 0, sql,
		    sizeof sql), 0);
		from = strstr(sql, " FROM run WHERE") != NULL ?
		    strstr(sql, " FROM run WHERE") : strstr(sql, " FROM ");
		assert_non_null(from);
		*from = '\0';
		assert_string_equal(sql, cols);
		assert_int_equal(store_entry_sql((enum entry_kind)k, 2, sql,
		    sizeof sql), 0);
		for (i = 0; i < d->nfields; i++)
			if (d->fields[i].type != FT_ID)
				assert_non_null(strstr(sql, d->fields[i].column));
	}
	assert_int_equal(store_entry_sql(ENTRY_KIND_COUNT, 0, (char[8]){ 0 }, 8),
	    -1);
}

/* --- a journal edited by hand ------------------------------------------ */

/*
 * Runs sql on the journal at path through a connection of its own, with
 * the CHECK constraints off, as someone editing the file would.
 */
static void
raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, "PRAGMA ignore_check_constraints = ON;", NULL, NULL,
	    &msg) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, &msg) !=
	    SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(db);
}

/*
 * Inserts a NULL into a NOT NULL column: the table's schema text is
 * edited for the insert and put back, so the file keeps the journal's
 * exact schema with a value no runlog ever wrote.
 */
static void
raw_insert_null(const char *path, const char *table, const char *insert)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	char *orig, *sql;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sql = xasprintf("SELECT sql FROM sqlite_schema WHERE name = '%s'", table);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	orig = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	free(sql);
	sql = xasprintf("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET "
	    "sql = replace(sql, 'NOT NULL', '') WHERE name = '%s';", table);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
	sqlite3_close(db);

	raw_exec(path, insert);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA writable_schema = ON", NULL,
	    NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "UPDATE sqlite_schema SET sql = ? "
	    "WHERE name = ?", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, orig, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, table, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	sqlite3_close(db);
	free(orig);
}

/* One good entry of every kind on 2026-03-0N, N the kind's number + 1. */
static void
add_good_entries(struct store *st)
{
	int k;

	for (k = 0; k < ENTRY_KIND_COUNT; k++) {
		const struct entry_desc *d = entry_desc((enum entry_kind)k);
		char texts[32][64], e[512];

		fill_entry(d, e, day("2026-03-01") + k, 1, texts);
		assert_int_equal(write_kind(st, (enum entry_kind)k, e), 0);
	}
}

struct bad_row {
	enum entry_kind kind;
	const char *null_table;  /* a NULL in a NOT NULL column of this table */
	const char *sql;         /* inserts the row with id 50 */
	const char *expect;      /* what the warning begins with */
	const char *why;         /* and what it says further on */
};

static const struct bad_row bad_rows[] = {
	{ ENTRY_SLEEP, NULL, "INSERT INTO sleep (id, day, minutes) VALUES "
	    "(50, '2026-02-30', 420)", "sleep s50: date '2026-02-30': ",
	    "not a real date" },
	{ ENTRY_RUN, NULL, "INSERT INTO run (id, day, distance_m, duration_s) "
	    "VALUES (50, '2026-03-10', 0, 600)", "run r50: distance 0.000 km: ",
	    "must be more than 0 and at most 500 km" },
	{ ENTRY_DRINK, NULL, "INSERT INTO drink (id, day, volume_ml) VALUES "
	    "(50, '2026-03-10', 'a lot')", "drink d50: volume 'a lot': ",
	    "not a whole number" },
	{ ENTRY_RUN, NULL, "INSERT INTO run (id, day, distance_m, duration_s) "
	    "VALUES (50, '2026-03-10', 5000, 1800.5)",
	    "run r50: duration 1800.5: ", "not a whole number" },
	{ ENTRY_CHECKIN, NULL, "INSERT INTO checkin (id, day, fatigue, rhr) "
	    "VALUES (50, '2026-03-10', 5, 9223372036854775807)",
	    "checkin f50: resting HR 9223372036854775807 bpm: ",
	    "must be from 25 to 250 bpm" },
	{ ENTRY_SLEEP, NULL, "INSERT INTO sleep (id, day, minutes, quality) "
	    "VALUES (50, '2026-03-10', 400, -4294967295)",
	    "sleep s50: quality -4294967295: ", "must be a whole number from 1 to 5" },
	{ ENTRY_RUN, NULL, "INSERT INTO run (id, day, distance_m, duration_s, "
	    "type) VALUES (50, '2026-03-10', 5000, 1800, 'jog')",
	    "run r50: type 'jog': ", "not a known run type" },
	{ ENTRY_SLEEP, NULL, "INSERT INTO sleep (id, day, minutes, note) VALUES "
	    "(50, '2026-03-10', 400, CAST(X'6F6BC328' AS TEXT))",
	    "sleep s50: note 'ok?(': ", "not valid UTF-8 text" },
	{ ENTRY_REST, NULL, "INSERT INTO rest (id, day, note) VALUES (50, "
	    "'2026-03-10', replace(hex(zeroblob(2500)), '0', 'n'))",
	    "rest x50: note 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...': ",
	    "longer than 4000 bytes" },
	{ ENTRY_RUN, NULL, "INSERT INTO run (id, day, distance_m, duration_s, "
	    "mass_before_g, mass_after_g) VALUES (50, '2026-03-10', 5000, 1800, "
	    "-9223372036854775808, 70000)", "run r50: mass before "
	    "-9223372036854775.808 kg: ", "must be from 20 to 300 kg" },
	{ ENTRY_DRINK, NULL, "INSERT INTO drink (id, day, volume_ml, "
	    "electrolytes) VALUES (50, '2026-03-10', 500, 2)",
	    "drink d50: electrolytes 2: ", "must be 0 or 1" },
	{ ENTRY_CHECKIN, "checkin", "INSERT INTO checkin (id, day, fatigue, ill) "
	    "VALUES (50, '2026-03-10', 5, NULL)", "checkin f50: ill (none): ",
	    "required" },
	{ ENTRY_CHECKIN, NULL, "INSERT INTO checkin (id, day, hrv_ms) VALUES "
	    "(50, '2026-03-10', 301)", "checkin f50: HRV 301 ms: ",
	    "must be from 1 to 300 ms" },
	{ ENTRY_RUN, NULL, "INSERT INTO run (id, day, distance_m, duration_s, "
	    "start_utc) VALUES (50, '2026-03-10', 5000, 1800, 4102444800)",
	    "run r50: start time 4102444800 s: ",
	    "must be a time from 1900-01-01 to 2099-12-31, UTC" },
	{ ENTRY_RUN, "run", "INSERT INTO run (id, day, distance_m, duration_s) "
	    "VALUES (50, '2026-03-10', 5000, NULL)", "run r50: duration (none): ",
	    "required" },
	{ ENTRY_PLAN, NULL, "INSERT INTO plan (id, day, distance_m, duration_s) "
	    "VALUES (50, '2026-03-10', 5000, 0)", "plan p50: duration 0 s: ",
	    "must be more than 0 and at most 48 hours" },
	{ ENTRY_PLAN, "plan", "INSERT INTO plan (id, day, distance_m) VALUES "
	    "(50, '2026-03-10', NULL)", "plan p50: distance (none): ", "required" },
	/* Escapes in a stored value never reach the message. */
	{ ENTRY_RUN, NULL, "INSERT INTO run (id, day, distance_m, duration_s, "
	    "type) VALUES (50, '2026-03-10', 5000, 1800, "
	    "CAST(X'1B5B324A6A6F67' AS TEXT))", "run r50: type '?[2Jjog': ",
	    "not a known run type" },
	{ ENTRY_DRINK, NULL, "INSERT INTO drink (id, day, volume_ml) VALUES "
	    "(50, '2026-3-10', 500)", "drink d50: date '2026-3-10': ",
	    "not a real date" },
	{ ENTRY_DRINK, NULL, "INSERT INTO drink (id, day, volume_ml) VALUES "
	    "(50, '2026-13-01', 500)", "drink d50: date '2026-13-01': ",
	    "not a real date" },
	{ ENTRY_DRINK, NULL, "INSERT INTO drink (id, day, volume_ml) VALUES "
	    "(50, '2026-03-1x', 500)", "drink d50: date '2026-03-1x': ",
	    "not a real date" },
	{ ENTRY_SLEEP, NULL, "INSERT INTO sleep (id, day, minutes, note) VALUES "
	    "(50, '2026-03-10', 400, X'00FF')",
	    "sleep s50: note (binary data, 2 bytes): ", "not text" },
};

static void
test_bad_rows_left_out(void **state)
{
	size_t c;

	(void)state;
	for (c = 0; c < sizeof bad_rows / sizeof bad_rows[0]; c++) {
		const struct bad_row *b = &bad_rows[c];
		struct fx *f;
		struct entries e;
		const char *w, *found = NULL;
		char got[512];
		int k;

		assert_int_equal(setup((void **)&f), 0);
		add_good_entries(f->st);
		store_close(f->st);
		if (b->null_table != NULL)
			raw_insert_null(f->path, b->null_table, b->sql);
		else
			raw_exec(f->path, b->sql);
		/* Read as the commands that only read do: a writer first
		 * checks the file whole, and SQLite's check names a NULL in a
		 * NOT NULL column as damage. */
		if (store_open_read(f->path, &f->st) != 0)
			fail_msg("case %zu: %s", c, err_get());

		assert_int_equal(store_load(f->st, DATE_MIN, DATE_MAX, &e), 0);
		for (k = 0; k < ENTRY_KIND_COUNT; k++) {
			size_t n;

			entries_list(&e, (enum entry_kind)k, &n);
			if (n != 1)
				fail_msg("case %zu (%s): %zu entries of kind %d, not 1",
				    c, b->expect, n, k);
		}
		entries_free(&e);
		while ((w = store_warning(f->st)) != NULL) {
			assert_null(strchr(w, '\033'));
			if (found == NULL && strncmp(w, b->expect,
			    strlen(b->expect)) == 0 && strstr(w, b->why) != NULL)
				found = w;
		}
		if (found == NULL)
			fail_msg("case %zu: no warning '%s...%s'", c, b->expect,
			    b->why);

		/* Reading it by id is refused with the same message. */
		assert_int_equal(store_get(f->st, b->kind, 50, got), -1);
		assert_true(strncmp(err_get(), b->expect, strlen(b->expect)) == 0);
		teardown((void **)&f);
	}
}

/* A bad row is named once, however often it is read. */
static void
test_bad_row_warned_once(void **state)
{
	struct fx *f = *state;
	struct sleep *v;
	size_t n;
	int i, warnings = 0;

	store_close(f->st);
	raw_exec(f->path, "INSERT INTO sleep (id, day, minutes) VALUES "
	    "(5, '2026-02-30', 420); INSERT INTO sleep (id, day, minutes) "
	    "VALUES (6, '2026-02-27', 430); INSERT INTO drink (id, day, "
	    "volume_ml) VALUES (7, 'today', 500)");
	assert_int_equal(store_open(f->path, &f->st), 0);
	for (i = 0; i < 3; i++) {
		assert_int_equal(store_sleeps(f->st, DATE_MIN, DATE_MAX, &v, &n), 0);
		assert_int_equal(n, 1);
		assert_int_equal(v[0].id, 6);
		sleep_list_free(v, n);
	}
	while (store_warning(f->st) != NULL)
		warnings++;
	assert_int_equal(warnings, 1);
	/* A word the command line takes for a date is no stored date. */
	{
		struct drink dk;

		assert_int_equal(store_get_drink(f->st, 7, &dk), -1);
		assert_non_null(strstr(err_get(), "drink d7: date 'today': "));
	}
	/* The span and History's paging step over the day that is no date. */
	{
		int first, last, d;

		assert_int_equal(store_span(f->st, &first, &last), 0);
		assert_int_equal(first, day("2026-02-27"));
		assert_int_equal(last, day("2026-02-27"));
		assert_int_equal(store_day_after(f->st, day("2026-02-27"), &d), 1);
		assert_int_equal(store_day_before(f->st, day("2026-03-05"), &d), 0);
		assert_int_equal(d, day("2026-02-27"));
	}
}

static int
exists(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);
	struct stat sb;
	int e = lstat(p, &sb) == 0;

	free(p);
	return e;
}

/*
 * Both opens refuse path with a message holding want, and the file is
 * byte-identical afterwards with nothing beside it.
 */
static void
refused_untouched(const char *dir, const char *path, const char *want)
{
	size_t nb, na;
	char *before = slurp(path, &nb), *after, *wal = xasprintf("%s-wal", path);
	struct store *st = NULL;
	struct stat sb;
	int i;

	for (i = 0; i < 2; i++) {
		assert_int_equal(i ? store_open_read(path, &st) :
		    store_open(path, &st), -1);
		assert_null(st);
		if (strstr(err_get(), want) == NULL)
			fail_msg("'%s' lacks '%s'", err_get(), want);
		after = slurp(path, &na);
		assert_int_equal(nb, na);
		assert_memory_equal(before, after, nb);
		free(after);
		assert_int_equal(stat(wal, &sb), -1);
	}
	(void)dir;
	free(before);
	free(wal);
}

/* The authorizer: no ATTACH, no pragma or function runlog does not use,
 * no schema change outside a migration, on a handle open for writing. */
static void
test_guard_refuses(void **state)
{
	struct fx *f = *state;
	static const char *const bad[] = {
		"ATTACH 'other.db' AS o", "PRAGMA writable_schema = ON",
		"SELECT load_extension('x')", "CREATE TABLE t (x)",
		"CREATE TEMP TABLE t (x)", "DROP TABLE run",
		"CREATE TRIGGER t AFTER INSERT ON run BEGIN DELETE FROM sleep; END",
		"PRAGMA user_version = 9", "VACUUM INTO 'copy.db'",
		"PRAGMA table_info(run)", "DETACH DATABASE temp",
	};
	char *cwd = getcwd(NULL, 0);
	size_t i;

	/* A new journal's schema waits for its first change: committed
	 * here, so that VACUUM meets the guard, not the open transaction. */
	store_settle(f->st);
	assert_int_equal(chdir(f->dir), 0);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = sqlite3_exec(f->st->db, bad[i], NULL, NULL, NULL);

		if (rc != SQLITE_AUTH && (rc == SQLITE_OK || strstr(sqlite3_errmsg(
		    f->st->db), "not authorized") == NULL)) {
			assert_int_equal(chdir(cwd), 0);
			fail_msg("not refused by the guard: %s (%s)", bad[i],
			    sqlite3_errmsg(f->st->db));
		}
	}
	assert_false(exists(f->dir, "other.db"));
	assert_false(exists(f->dir, "copy.db"));
	assert_int_equal(store_schema_version(f->st), store_latest_version());
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
}

/*
 * The guard lets json_each declare its columns (an insert into and update
 * of sqlite_master, as SQLite authorizes it); a statement that writes to
 * sqlite_master itself still fails, and the schema stays as it was.
 */
static void
test_guard_keeps_schema_read_only(void **state)
{
	struct fx *f = *state;
	static const char *const bad[] = {
		"INSERT INTO sqlite_master VALUES ('table', 't', 't', 0, "
		    "'CREATE TABLE t (x)')",
		"UPDATE sqlite_master SET sql = 'CREATE TABLE rest (x)' "
		    "WHERE name = 'rest'",
		"DELETE FROM sqlite_master WHERE name = 'run_day'",
		"UPDATE sqlite_schema SET name = 'x' WHERE name = 'run'",
	};
	sqlite3_stmt *s;
	int64_t objects = raw_int(f->path, "SELECT count(*) FROM sqlite_master");
	size_t i;
	int on;

	/* Even with writable_schema set past the authorizer: defensive
	 * mode keeps sqlite_master read-only. */
	assert_int_equal(sqlite3_db_config(f->st->db,
	    SQLITE_DBCONFIG_WRITABLE_SCHEMA, 1, &on), SQLITE_OK);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (sqlite3_exec(f->st->db, bad[i], NULL, NULL, NULL) == SQLITE_OK)
			fail_msg("sqlite_master written: %s", bad[i]);
	assert_int_equal(sqlite3_db_config(f->st->db,
	    SQLITE_DBCONFIG_WRITABLE_SCHEMA, 0, &on), SQLITE_OK);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM sqlite_master"),
	    objects);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM sqlite_master "
	    "WHERE sql = 'CREATE TABLE rest (x)' OR name = 'x'"), 0);
	/* While json_each is read. */
	assert_int_equal(sqlite3_prepare_v2(f->st->db, "SELECT count(*) FROM "
	    "json_each('[1,2,3]')", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 3);
	sqlite3_finalize(s);
	assert_int_not_equal(sqlite3_exec(f->st->db, "SELECT * FROM json_tree('[1]')",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(store_verify(f->st), 0);
}

/*
 * A trigger slipped in after the journal was checked (by another program,
 * while it is open) cannot run: the guard refuses statements from a
 * trigger runlog does not know, and the write fails whole.
 */
static void
test_guard_refuses_unknown_trigger(void **state)
{
	struct fx *f = *state;
	struct run r = a_run("2026-11-20", 10000, 3150);
	struct drink d;

	assert_int_equal(store_add_run(f->st, &r), 0);
	raw_exec(f->path, "CREATE TRIGGER sneak AFTER INSERT ON drink BEGIN "
	    "DELETE FROM run; END");
	memset(&d, 0, sizeof d);
	d.day = day("2026-11-20");
	d.volume_ml = 500;
	assert_int_equal(store_add_drink(f->st, &d), -1);
	assert_non_null(strstr(err_get(), "sneak"));
	assert_int_equal(store_count(f->st, ENTRY_RUN), 1);
	assert_int_equal(store_count(f->st, ENTRY_DRINK), 0);
}

/* Crafted objects in the file: refused by name before any use. */
static void
test_schema_extra_or_different(void **state)
{
	char *dir = test_tmpdir(), *p;
	char *other = xasprintf("%s/victim.db", dir);

	(void)state;
	raw_exec(other, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
	p = journal_with_run(dir, "trig.db");
	raw_exec(p, "CREATE TRIGGER evil AFTER INSERT ON drink BEGIN "
	    "DELETE FROM run; INSERT INTO undo_log (grp, tbl, op, row_id, old) "
	    "VALUES (1, 'run', 'delete', 1, 'ATTACH ''victim.db'' AS v; "
	    "DELETE FROM v.t'); END");
	refused_untouched(dir, p, "extra trigger 'evil'");
	free(p);
	p = journal_with_run(dir, "view.db");
	raw_exec(p, "CREATE VIEW v AS SELECT * FROM run");
	refused_untouched(dir, p, "extra view 'v'");
	free(p);
	p = journal_with_run(dir, "col.db");
	raw_exec(p, "ALTER TABLE rest ADD COLUMN x");
	refused_untouched(dir, p, "table rest differs from runlog's version");
	free(p);
	p = journal_with_run(dir, "idx.db");
	raw_exec(p, "DROP INDEX run_day");
	refused_untouched(dir, p, "lacks the index 'run_day'");
	free(p);
	p = journal_with_run(dir, "trig2.db");
	raw_exec(p, "DROP TRIGGER run_undo_del; CREATE TRIGGER run_undo_del "
	    "BEFORE DELETE ON run BEGIN SELECT 1; END");
	refused_untouched(dir, p, "trigger run_undo_del differs");
	free(p);
	assert_int_equal(raw_int(other, "SELECT count(*) FROM t"), 1);
	test_rmdir(dir);
	free(dir);
	free(other);
}

/* Another program's database, even one at user_version 1. */
static void
test_foreign_database(void **state)
{
	char *dir = test_tmpdir(), *p = xasprintf("%s/other.db", dir);

	(void)state;
	raw_exec(p, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts "
	    "VALUES ('x'); PRAGMA user_version = 1");
	refused_untouched(dir, p, "not a runlog journal");
	raw_exec(p, "PRAGMA journal_mode = WAL");
	refused_untouched(dir, p, "not a runlog journal");
	test_rmdir(dir);
	free(dir);
	free(p);
}

/* SQLite's special names and URIs are no journal; nothing is created. */
static void
test_special_names(void **state)
{
	static const char *const names[] = {
		":memory:", "file:u.db?mode=memory", "FILE:u.db", "file:u.db", "",
	};
	char *dir = test_tmpdir(), *cwd = getcwd(NULL, 0);
	struct store *st;
	size_t i;

	(void)state;
	assert_int_equal(chdir(dir), 0);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		assert_int_equal(store_open(names[i], &st), -1);
		assert_non_null(strstr(err_get(), "not a journal file name"));
		assert_int_equal(store_open_read(names[i], &st), -1);
	}
	assert_false(exists(dir, "file:u.db?mode=memory"));
	assert_false(exists(dir, "u.db"));
	/* The way to such a name: a path that is not a URI. */
	assert_int_equal(store_open("./file:u.db", &st), 0);
	store_close(st);
	assert_true(exists(dir, "file:u.db"));
	assert_int_equal(chdir(cwd), 0);
	test_rmdir(dir);
	free(dir);
	free(cwd);
}

static void
on_alarm(int sig)
{
	(void)sig;
	fail_msg("opening a named pipe hung");
}

/* A pipe, a directory, a dangling link: named, never opened. */
static void
test_not_regular_files(void **state)
{
	char *dir = test_tmpdir(), *fifo = xasprintf("%s/fifo.db", dir);
	char *link = xasprintf("%s/link.db", dir), *sub = xasprintf("%s/d", dir);
	struct store *st;

	(void)state;
	assert_int_equal(mkfifo(fifo, 0600), 0);
	signal(SIGALRM, on_alarm);
	alarm(10);
	assert_int_equal(store_open(fifo, &st), -1);
	assert_non_null(strstr(err_get(), "a named pipe"));
	assert_int_equal(store_open_read(fifo, &st), -1);
	alarm(0);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(store_open_read(sub, &st), -1);
	assert_non_null(strstr(err_get(), "a directory"));
	assert_int_equal(symlink("nowhere.db", link), 0);
	assert_int_equal(store_open(link, &st), -1);
	assert_non_null(strstr(err_get(), "a symbolic link to nowhere.db, which "
	    "does not exist"));
	assert_false(exists(dir, "nowhere.db"));
	unlink(link);
	assert_int_equal(symlink("link.db", link), 0);   /* a loop */
	assert_int_equal(store_open_read(link, &st), -1);
	assert_non_null(strstr(err_get(), "a symbolic link to link.db, which "
	    "cannot be opened"));
	test_rmdir(dir);
	free(dir);
	free(fifo);
	free(link);
	free(sub);
}

/* A link to a journal is followed; its -wal goes beside the real file. */
static void
test_symlink_followed(void **state)
{
	char *dir = test_tmpdir(), *real = journal_with_run(dir, "real.db");
	char *link = xasprintf("%s/link.db", dir);
	struct run r = a_run("2026-11-21", 5000, 1500);
	struct store *st;

	(void)state;
	assert_int_equal(symlink("real.db", link), 0);
	assert_int_equal(store_open(link, &st), 0);
	assert_int_equal(store_add_run(st, &r), 0);
	assert_true(exists(dir, "real.db-wal"));
	assert_false(exists(dir, "link.db-wal"));
	store_close(st);
	assert_int_equal(raw_int(real, "SELECT count(*) FROM run"), 2);
	test_rmdir(dir);
	free(dir);
	free(real);
	free(link);
}

/*
 * Read-only opens write nothing and create nothing: a WAL journal closed
 * cleanly, a rollback-mode copy (a backup) stays one, a journal that does
 * not exist is not created; writes through the handle fail.
 */
static void
test_read_only_open(void **state)
{
	char *dir = test_tmpdir(), *p = journal_with_run(dir, "j.db");
	char *none = xasprintf("%s/none/j.db", dir), *before, *after;
	struct drink d;
	struct store *st;
	size_t nb, na;

	(void)state;
	before = slurp(p, &nb);
	assert_int_equal(store_open_read(p, &st), 0);
	assert_int_equal(store_count(st, ENTRY_RUN), 1);
	assert_false(exists(dir, "j.db-wal"));
	assert_false(exists(dir, "j.db-shm"));
	memset(&d, 0, sizeof d);
	d.day = day("2026-11-20");
	d.volume_ml = 500;
	assert_int_equal(store_add_drink(st, &d), -1);
	store_close(st);
	after = slurp(p, &na);
	assert_int_equal(nb, na);
	assert_memory_equal(before, after, nb);
	free(after);
	free(before);

	raw_exec(p, "PRAGMA journal_mode = DELETE");
	before = slurp(p, &nb);
	assert_int_equal(before[18], 1);
	assert_int_equal(store_open_read(p, &st), 0);
	assert_int_equal(store_count(st, ENTRY_RUN), 1);
	store_close(st);
	after = slurp(p, &na);
	assert_memory_equal(before, after, nb);
	free(after);
	free(before);

	assert_int_equal(store_open_read(none, &st), 0);
	assert_int_equal(store_count(st, ENTRY_KIND_COUNT), 0);
	store_close(st);
	assert_false(exists(dir, "none"));

	/* An SQLite file with nothing in it reads as an empty journal. */
	free(p);
	p = xasprintf("%s/empty.db", dir);
	raw_exec(p, "CREATE TABLE x (y); DROP TABLE x");
	before = slurp(p, &nb);
	assert_int_equal(store_open_read(p, &st), 0);
	assert_int_equal(store_count(st, ENTRY_KIND_COUNT), 0);
	store_close(st);
	after = slurp(p, &na);
	assert_int_equal(nb, na);
	assert_memory_equal(before, after, nb);
	free(after);
	free(before);
	test_rmdir(dir);
	free(dir);
	free(p);
	free(none);
}

/* The store never prints: a shared journal is a queued warning. */
static void
test_store_never_prints(void **state)
{
	char *dir = test_tmpdir(), *p = journal_with_run(dir, "j.db");
	char *errf = xasprintf("%s/stderr", dir);
	struct store *st;
	const char *w;
	int fd, saved;
	struct stat sb;

	(void)state;
	assert_int_equal(chmod(p, 0644), 0);
	fflush(stderr);
	saved = dup(2);
	fd = open(errf, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 2);
	close(fd);
	assert_int_equal(store_open(p, &st), 0);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	w = store_warning(st);
	assert_non_null(w);
	assert_non_null(strstr(w, "can be read by other users (mode 644)"));
	assert_null(store_warning(st));
	store_close(st);
	assert_int_equal(stat(errf, &sb), 0);
	assert_int_equal(sb.st_size, 0);
	test_rmdir(dir);
	free(dir);
	free(p);
	free(errf);
}

/* The compiled digests are those of the schemas the migrations build. */
static void
test_schema_digests(void **state)
{
	char msg[256];

	(void)state;
	if (store_schema_digests(msg, sizeof msg) != 0)
		fail_msg("%s", msg);
}

/* A run of km on d wearing shoe (NULL: none); the store's answer. */
static int
shoe_run(struct store *st, const char *d, int64_t m, const char *shoe)
{
	struct run r;

	memset(&r, 0, sizeof r);
	r.day = day(d);
	r.distance_m = m;
	r.duration_s = m * 3 / 10;
	r.type = RUN_EASY;
	r.climb_m = -1;
	r.shoe = (char *)shoe;
	return store_add_run(st, &r);
}

/*
 * Shoes: names unique in any case and checked, one default, retiring
 * takes the default away, totals summed from the runs that name a shoe,
 * a run naming no shoe of the journal refused with nothing written, an
 * import's batch adding the shoes it names, and undo of each change.
 */
static void
test_shoes(void **state)
{
	struct fx *f = *state;
	struct store_shoe *v, sh;
	struct run *runs;
	size_t n;

	assert_int_equal(store_shoes(f->st, &v, &n), 0);
	assert_int_equal(n, 0);
	free(v);
	assert_int_equal(store_shoe_add(f->st, "Pegasus", 700000, 1,
	    day("2026-10-01")), 0);
	assert_int_equal(store_shoe_add(f->st, "pegASUS", 0, 0,
	    day("2026-10-01")), 1);
	assert_int_equal(store_shoe_add(f->st, "", 0, 0, day("2026-10-01")), -1);
	assert_non_null(strstr(err_get(), "shoe name"));
	assert_int_equal(store_shoe_add(f->st, "x\ty", 0, 0, day("2026-10-01")),
	    -1);
	assert_int_equal(store_shoe_add(f->st, "Flat", 999, 0,
	    day("2026-10-01")), -1);
	assert_non_null(strstr(err_get(), "at least 1 km and at most 10000 km"));
	assert_int_equal(store_shoe_add(f->st, "Flat", 10000001, 0,
	    day("2026-10-01")), -1);
	assert_int_equal(store_shoe_add(f->st, "Flat", 1000, 1,
	    day("2026-10-02")), 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM shoe WHERE "
	    "is_default = 1"), 1);
	assert_int_equal(store_shoe_default(f->st, "PEGASUS"), 0);
	assert_int_equal(store_shoe_default(f->st, "Pegasus"), 2);
	assert_int_equal(store_shoe_default(f->st, "Clifton"), 1);

	/* Totals; an unknown shoe is refused and writes nothing. */
	assert_int_equal(shoe_run(f->st, "2026-11-02", 10000, "pegasus"), 0);
	assert_int_equal(shoe_run(f->st, "2026-11-05", 12000, "Pegasus"), 0);
	assert_int_equal(shoe_run(f->st, "2026-11-04", 5000, "Flat"), 0);
	assert_int_equal(shoe_run(f->st, "2026-11-06", 5000, NULL), 0);
	assert_int_equal(shoe_run(f->st, "2026-11-07", 5000, "Clifton"), -1);
	assert_non_null(strstr(err_get(), "shoe 'Clifton': no such shoe; the "
	    "journal has the shoes Pegasus and Flat"));
	assert_int_equal(store_count(f->st, ENTRY_RUN), 4);
	assert_int_equal(store_shoe_get(f->st, "PEGASUS", &sh), 0);
	assert_string_equal(sh.name, "Pegasus");
	assert_int_equal(sh.distance_m, 22000);
	assert_int_equal(sh.runs, 2);
	assert_int_equal(sh.first_day, day("2026-11-02"));
	assert_int_equal(sh.last_day, day("2026-11-05"));
	assert_int_equal(sh.limit_m, 700000);
	assert_int_equal(sh.is_default, 1);
	assert_int_equal(store_shoe_get(f->st, "Clifton", &sh), 1);
	/* A run reads back with its shoe's name. */
	assert_int_equal(store_runs(f->st, day("2026-11-02"), day("2026-11-02"),
	    &runs, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(runs[0].shoe, "Pegasus");
	entry_list_free(ENTRY_RUN, runs, n);

	/* Retiring takes the default away; a retired shoe is no default. */
	assert_int_equal(store_shoe_retire(f->st, "Pegasus"), 0);
	assert_int_equal(store_shoe_retire(f->st, "Pegasus"), 2);
	assert_int_equal(store_shoe_retire(f->st, "Clifton"), 1);
	assert_int_equal(store_shoe_default(f->st, "Pegasus"), -1);
	assert_non_null(strstr(err_get(), "retired"));
	assert_int_equal(store_shoes(f->st, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].name, "Flat");       /* in use first */
	assert_int_equal(v[1].retired, 1);
	assert_int_equal(v[1].is_default, 0);
	free(v);
	/* Undo: the retirement, then the default goes back to Flat. */
	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_int_equal(raw_int(f->path, "SELECT retired * 10 + is_default "
	    "FROM shoe WHERE name = 'Pegasus'"), 1);

	/* A batch (an import) adds the shoe it names; undo takes both back. */
	assert_int_equal(store_begin(f->st, "import"), 0);
	assert_int_equal(shoe_run(f->st, "2026-11-08", 8000, "Clifton"), 0);
	assert_int_equal(store_commit(f->st), 0);
	assert_int_equal(store_shoe_get(f->st, "clifton", &sh), 0);
	assert_int_equal(sh.runs, 1);
	assert_int_equal(sh.limit_m, 0);
	assert_int_equal(store_undo(f->st, NULL, 0), 0);
	assert_int_equal(store_shoe_get(f->st, "Clifton", &sh), 1);
	assert_int_equal(store_count(f->st, ENTRY_RUN), 4);
	assert_int_equal(store_redo(f->st, NULL, 0), 0);
	assert_int_equal(store_shoe_get(f->st, "Clifton", &sh), 0);
	assert_int_equal(sh.runs, 1);
}

/* A shoe row spoiled behind runlog's back is left out and named. */
static void
test_shoe_bad_row(void **state)
{
	struct fx *f = *state;
	struct store_shoe *v;
	const char *w;
	size_t n;
	int seen = 0;

	assert_int_equal(store_shoe_add(f->st, "Good", 0, 0, day("2026-10-01")),
	    0);
	assert_int_equal(store_shoe_add(f->st, "Bad", 0, 0, day("2026-10-01")),
	    0);
	raw_exec(f->path, "UPDATE shoe SET limit_m = 5 WHERE name = 'Bad'");
	assert_int_equal(store_shoes(f->st, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].name, "Good");
	free(v);
	while ((w = store_warning(f->st)) != NULL)
		seen |= strstr(w, "shoe 2: the limit") != NULL;
	assert_true(seen);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_creates_private_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_runs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shoes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shoe_bad_row, setup, teardown),
		cmocka_unit_test_setup_teardown(test_run_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_constraints, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sleep_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_checkin_drink_rest, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_and_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_batch_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_batch_undo_mixed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_data_has_every_column, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_restores_every_field, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_refuses_bad_data, setup, teardown),
		cmocka_unit_test(test_upgrade_drops_sql_undo),
		cmocka_unit_test_setup_teardown(test_reopen_keeps_data, setup, teardown),
		cmocka_unit_test(test_newer_version_refused),
		cmocka_unit_test(test_not_a_database_refused),
		cmocka_unit_test(test_upgrade_from_older_version),
		cmocka_unit_test(test_entry_refs),
		cmocka_unit_test_setup_teardown(test_every_field_round_trips, setup, teardown),
		cmocka_unit_test(test_statements_follow_descriptors),
		cmocka_unit_test(test_bad_rows_left_out),
		cmocka_unit_test_setup_teardown(test_bad_row_warned_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_guard_refuses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_guard_keeps_schema_read_only,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_guard_refuses_unknown_trigger, setup, teardown),
		cmocka_unit_test(test_schema_extra_or_different),
		cmocka_unit_test(test_foreign_database),
		cmocka_unit_test(test_special_names),
		cmocka_unit_test(test_not_regular_files),
		cmocka_unit_test(test_symlink_followed),
		cmocka_unit_test(test_read_only_open),
		cmocka_unit_test(test_store_never_prints),
		cmocka_unit_test(test_schema_digests),
		cmocka_unit_test(test_upgrade_to_wellness),
		cmocka_unit_test_setup_teardown(test_plans_kept_apart, setup,
		    teardown),
		cmocka_unit_test(test_plans_of_an_older_journal),
		cmocka_unit_test_setup_teardown(test_import_adding_keeps_undo, setup,
		    teardown),
	};

	umask(022);
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
