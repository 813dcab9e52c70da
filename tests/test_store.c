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
	c.fatigue = 0;
	assert_int_equal(store_put_checkin(f->st, &c, NULL), -1);
	assert_non_null(strstr(err_get(), "fatigue"));

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

extern const char *const schema_migrations[];

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
 * The upgrade path, with a second migration made up for the test: the old
 * journal is copied aside first (PATH.v1.bak, 0600), then migrated in one
 * transaction; a failing migration leaves the journal as it was; and the
 * upgraded journal is refused by the runlog that only knows version 1.
 */
static void
test_upgrade_from_older_version(void **state)
{
	char *dir = test_tmpdir(), *path = xasprintf("%s/j.db", dir);
	char *bak = xasprintf("%s.v1.bak", path);
	const char *const v2[] = { schema_migrations[0],
	    "CREATE TABLE probe (x INTEGER); INSERT INTO probe VALUES (42);", NULL };
	const char *const broken[] = { schema_migrations[0],
	    "CREATE TABLE probe (x INTEGER); CREATE TABLE run (x);", NULL };
	struct run r = a_run("2026-11-20", 10000, 3150);
	struct store *st;
	struct stat sb;

	(void)state;
	store_set_migrations(schema_migrations, 1);   /* a version 1 journal */
	assert_int_equal(store_open(path, &st), 0);
	assert_int_equal(store_add_run(st, &r), 0);
	store_close(st);

	/* A migration that fails changes nothing: it is tried in memory
	 * first, so not even the copy is written. */
	store_set_migrations(broken, 2);
	assert_int_equal(store_open(path, &st), -1);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM run"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_master "
	    "WHERE name = 'probe'"), 0);
	assert_int_equal(stat(bak, &sb), -1);

	store_set_migrations(v2, 2);
	assert_int_equal(store_open(path, &st), 0);
	assert_int_equal(store_schema_version(st), 2);
	assert_int_equal(store_count(st, ENTRY_RUN), 1);
	store_close(st);
	assert_int_equal(raw_int(path, "SELECT x FROM probe"), 42);
	/* The copy is the journal as it was before. */
	assert_int_equal(stat(bak, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(raw_int(bak, "PRAGMA user_version"), 1);
	assert_int_equal(raw_int(bak, "SELECT count(*) FROM run"), 1);
	assert_int_equal(raw_int(bak, "SELECT count(*) FROM sqlite_master "
	    "WHERE name = 'probe'"), 0);

	/* Opened again at version 2: nothing to copy. */
	unlink(bak);
	assert_int_equal(store_open(path, &st), 0);
	store_close(st);
	assert_int_equal(stat(bak, &sb), -1);

	/* The older runlog refuses the upgraded journal. */
	store_set_migrations(schema_migrations, 1);
	assert_int_equal(store_open(path, &st), -1);
	assert_non_null(strstr(err_get(), "newer runlog"));
	store_set_migrations(NULL, 0);

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

static void
raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
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
	    "DELETE FROM run; INSERT INTO undo_log (grp, sql) VALUES (1, "
	    "'ATTACH ''victim.db'' AS v; DELETE FROM v.t'); END");
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
	raw_exec(p, "DROP TRIGGER run_del; CREATE TRIGGER run_del BEFORE DELETE "
	    "ON run BEGIN SELECT 1; END");
	refused_untouched(dir, p, "trigger run_del differs");
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_creates_private_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_runs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_run_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_constraints, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sleep_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_checkin_drink_rest, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_and_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_batch_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_batch_undo_mixed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reopen_keeps_data, setup, teardown),
		cmocka_unit_test(test_newer_version_refused),
		cmocka_unit_test(test_not_a_database_refused),
		cmocka_unit_test(test_upgrade_from_older_version),
		cmocka_unit_test(test_entry_refs),
		cmocka_unit_test_setup_teardown(test_guard_refuses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_guard_refuses_unknown_trigger, setup, teardown),
		cmocka_unit_test(test_schema_extra_or_different),
		cmocka_unit_test(test_foreign_database),
		cmocka_unit_test(test_special_names),
		cmocka_unit_test(test_not_regular_files),
		cmocka_unit_test(test_symlink_followed),
		cmocka_unit_test(test_read_only_open),
		cmocka_unit_test(test_store_never_prints),
		cmocka_unit_test(test_schema_digests),
	};

	umask(022);
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
