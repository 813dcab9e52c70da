/* The store against real temporary SQLite files. */
#include <sys/stat.h>

#include "testutil.h"

#include "date.h"
#include "store.h"
#include "util.h"

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
	assert_int_equal(store_open(path, &st), 0);
	assert_int_equal(store_add_run(st, &r), 0);
	store_close(st);

	/* A migration that fails changes nothing; the copy made first stays. */
	store_set_migrations(broken, 2);
	assert_int_equal(store_open(path, &st), -1);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM run"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_master "
	    "WHERE name = 'probe'"), 0);
	assert_int_equal(stat(bak, &sb), 0);
	unlink(bak);

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

/* --- every field through the descriptors ------------------------------- */

/* Writes e of kind k through the store's own write for that kind. */
static int
write_kind(struct store *st, enum entry_kind k, void *e)
{
	switch (k) {
	case ENTRY_RUN:     return store_add_run(st, e);
	case ENTRY_SLEEP:   return store_put_sleep(st, e, NULL);
	case ENTRY_DRINK:   return store_add_drink(st, e);
	case ENTRY_CHECKIN: return store_put_checkin(st, e, NULL);
	case ENTRY_REST:    return store_put_rest(st, e, NULL);
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
			if (!given && (fl->flags & FIELD_OPTIONAL))
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
			strcat(cols, d->fields[i].column);
		}
		assert_int_equal(store_entry_sql((enum entry_kind)k, 0, sql,
		    sizeof sql), 0);
		from = strstr(sql, " FROM ");
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
	{ ENTRY_CHECKIN, "checkin", "INSERT INTO checkin (id, day, fatigue) "
	    "VALUES (50, '2026-03-10', NULL)", "checkin f50: fatigue (none): ",
	    "required" },
	{ ENTRY_RUN, "run", "INSERT INTO run (id, day, distance_m, duration_s) "
	    "VALUES (50, '2026-03-10', 5000, NULL)", "run r50: duration (none): ",
	    "required" },
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
		assert_int_equal(store_open(f->path, &f->st), 0);

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
		cmocka_unit_test_setup_teardown(test_every_field_round_trips, setup, teardown),
		cmocka_unit_test(test_statements_follow_descriptors),
		cmocka_unit_test(test_bad_rows_left_out),
		cmocka_unit_test_setup_teardown(test_bad_row_warned_once, setup, teardown),
	};

	umask(022);
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
