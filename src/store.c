/*
 * store: the journal file.
 *
 * Opening never writes before it knows the file is a runlog journal of a
 * version this program understands: it reads the header and
 * PRAGMA user_version first, and only then switches to WAL and migrates.
 * Migrations (schema/NNN-*.sql, compiled in) run in one BEGIN IMMEDIATE
 * transaction; an older journal is copied aside with the online backup API
 * before it is migrated.
 *
 * Every change is a transaction that also opens an undo group; triggers in
 * the schema record how to put each changed row back (see 001-journal.sql).
 * Statements are prepared once and kept for the life of the handle.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "store.h"
#include "units.h"
#include "util.h"

extern const char *const schema_migrations[];
extern const int schema_migration_count;

/* The migrations in force: the compiled-in ones unless a test sets others. */
static const char *const *migrations = schema_migrations;
static int migration_count = -1;

int
store_latest_version(void)
{
	return migration_count < 0 ? schema_migration_count : migration_count;
}

void
store_set_migrations(const char *const *scripts, int count)
{
	migrations = scripts != NULL ? scripts : schema_migrations;
	migration_count = scripts != NULL ? count : -1;
}

#define UNDO_KEEP 200   /* undo groups kept */

enum stmt_id {
	S_GRP_NEW, S_GRP_OPEN, S_GRP_CLOSE, S_GRP_PRUNE_LOG, S_GRP_PRUNE,
	S_GRP_EMPTY,
	S_RUN_ADD, S_RUN_UPD, S_SLEEP_FIND, S_SLEEP_ADD, S_SLEEP_UPD,
	S_DRINK_ADD, S_DRINK_UPD, S_CHECKIN_FIND, S_CHECKIN_ADD, S_CHECKIN_UPD,
	S_REST_FIND, S_REST_ADD, S_REST_UPD,
	S_RUNS, S_SLEEPS, S_DRINKS, S_CHECKINS, S_RESTS,
	S_RUN_GET, S_SLEEP_GET, S_DRINK_GET, S_CHECKIN_GET,
	S_COUNT
};

#define RUN_COLS "id, day, distance_m, duration_s, rpe, type, avg_hr, climb_m, " \
	"mass_before_g, mass_after_g, note, source, external_id, created_at, updated_at"
#define SLEEP_COLS "id, day, minutes, quality, note, created_at, updated_at"
#define DRINK_COLS "id, day, volume_ml, electrolytes, created_at, updated_at"
#define CHECKIN_COLS "id, day, fatigue, soreness, mood, stress, rhr, ill, pain, " \
	"swelling, numbness, no_weight, note, created_at, updated_at"
#define REST_COLS "id, day, note, created_at, updated_at"
#define NOW "strftime('%Y-%m-%d %H:%M:%S', 'now')"

static const char *const stmt_sql[S_COUNT] = {
	[S_GRP_NEW] = "INSERT INTO undo_group (label) VALUES (?)",
	[S_GRP_OPEN] = "UPDATE undo_state SET grp = ?, bulk = ?",
	[S_GRP_CLOSE] = "UPDATE undo_state SET grp = 0, bulk = 0",
	[S_GRP_PRUNE_LOG] = "DELETE FROM undo_log WHERE grp < ?",
	[S_GRP_PRUNE] = "DELETE FROM undo_group WHERE id < ?",
	[S_GRP_EMPTY] = "DELETE FROM undo_group WHERE id = ?1 AND NOT EXISTS "
	    "(SELECT 1 FROM undo_log WHERE grp = ?1)",
	[S_RUN_ADD] = "INSERT INTO run (day, distance_m, duration_s, rpe, type, "
	    "avg_hr, climb_m, mass_before_g, mass_after_g, note, source, "
	    "external_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, coalesce(?, " NOW "), coalesce(?, " NOW ")) "
	    "ON CONFLICT (source, external_id) DO NOTHING",
	[S_RUN_UPD] = "UPDATE run SET day = ?, distance_m = ?, duration_s = ?, "
	    "rpe = ?, type = ?, avg_hr = ?, climb_m = ?, mass_before_g = ?, "
	    "mass_after_g = ?, note = ?, updated_at = " NOW " WHERE id = ?",
	[S_SLEEP_FIND] = "SELECT id FROM sleep WHERE day = ?",
	[S_SLEEP_ADD] = "INSERT INTO sleep (day, minutes, quality, note, "
	    "created_at, updated_at) VALUES (?, ?, ?, ?, coalesce(?, " NOW "), "
	    "coalesce(?, " NOW "))",
	[S_SLEEP_UPD] = "UPDATE sleep SET minutes = ?, quality = ?, note = ?, "
	    "updated_at = coalesce(?, " NOW ") WHERE id = ?",
	[S_DRINK_ADD] = "INSERT INTO drink (day, volume_ml, electrolytes, "
	    "created_at, updated_at) VALUES (?, ?, ?, coalesce(?, " NOW "), "
	    "coalesce(?, " NOW "))",
	[S_DRINK_UPD] = "UPDATE drink SET day = ?, volume_ml = ?, electrolytes = ?, "
	    "updated_at = " NOW " WHERE id = ?",
	[S_CHECKIN_FIND] = "SELECT id FROM checkin WHERE day = ?",
	[S_CHECKIN_ADD] = "INSERT INTO checkin (day, fatigue, soreness, mood, "
	    "stress, rhr, ill, pain, swelling, numbness, no_weight, note, "
	    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "coalesce(?, " NOW "), coalesce(?, " NOW "))",
	[S_CHECKIN_UPD] = "UPDATE checkin SET fatigue = ?, soreness = ?, mood = ?, "
	    "stress = ?, rhr = ?, ill = ?, pain = ?, swelling = ?, numbness = ?, "
	    "no_weight = ?, note = ?, updated_at = coalesce(?, " NOW ") WHERE id = ?",
	[S_REST_FIND] = "SELECT id FROM rest WHERE day = ?",
	[S_REST_ADD] = "INSERT INTO rest (day, note, created_at, updated_at) "
	    "VALUES (?, ?, coalesce(?, " NOW "), coalesce(?, " NOW "))",
	[S_REST_UPD] = "UPDATE rest SET note = ?, updated_at = coalesce(?, " NOW
	    ") WHERE id = ?",
	[S_RUNS] = "SELECT " RUN_COLS " FROM run WHERE day BETWEEN ? AND ? "
	    "ORDER BY day, id",
	[S_SLEEPS] = "SELECT " SLEEP_COLS " FROM sleep WHERE day BETWEEN ? AND ? "
	    "ORDER BY day, id",
	[S_DRINKS] = "SELECT " DRINK_COLS " FROM drink WHERE day BETWEEN ? AND ? "
	    "ORDER BY day, id",
	[S_CHECKINS] = "SELECT " CHECKIN_COLS " FROM checkin WHERE day BETWEEN ? "
	    "AND ? ORDER BY day, id",
	[S_RESTS] = "SELECT " REST_COLS " FROM rest WHERE day BETWEEN ? AND ? "
	    "ORDER BY day, id",
	[S_RUN_GET] = "SELECT " RUN_COLS " FROM run WHERE id = ?",
	[S_SLEEP_GET] = "SELECT " SLEEP_COLS " FROM sleep WHERE id = ?",
	[S_DRINK_GET] = "SELECT " DRINK_COLS " FROM drink WHERE id = ?",
	[S_CHECKIN_GET] = "SELECT " CHECKIN_COLS " FROM checkin WHERE id = ?",
};

struct store {
	sqlite3      *db;
	char         *path;
	sqlite3_stmt *stmt[S_COUNT];
	int           batch;      /* inside store_begin() */
	int64_t       group;      /* the open undo group */
	int64_t       bulk_max[ENTRY_KIND_COUNT]; /* max(id) when the batch began */
};

static const char *const kind_tables[ENTRY_KIND_COUNT] = {
	"run", "sleep", "drink", "checkin", "rest"
};

static int
db_fail(struct store *st, const char *what)
{
	int code = sqlite3_errcode(st->db) & 0xff;

	if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		err_set("%s: the journal is damaged (%s); it was left untouched: "
		    "restore a copy made with runlog backup", st->path,
		    sqlite3_errmsg(st->db));
	else
		err_set("%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
	return -1;
}

static int
db_exec(struct store *st, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set("%s: %s", st->path, msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static sqlite3_stmt *
stmt(struct store *st, enum stmt_id id)
{
	sqlite3_stmt *s = st->stmt[id];

	if (s == NULL) {
		if (sqlite3_prepare_v3(st->db, stmt_sql[id], -1,
		    SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
			db_fail(st, "prepare");
			return NULL;
		}
		st->stmt[id] = s;
	} else {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
	}
	return s;
}

static void
bind_day(sqlite3_stmt *s, int i, int day)
{
	char buf[11];

	sqlite3_bind_text(s, i, date_format(day, buf), 10, SQLITE_TRANSIENT);
}

/* Optional integers: 0 (or -1 where 0 is a value) means NULL. */
static void
bind_opt(sqlite3_stmt *s, int i, int64_t v, int64_t none)
{
	if (v == none)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, v);
}

static void
bind_text(sqlite3_stmt *s, int i, const char *t)
{
	if (t == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT);
}

/*
 * Notes are stored sanitized, whoever writes them (command line, forms,
 * importers): tabs and line breaks become spaces and other control
 * characters are dropped, so a note can never carry terminal escapes into
 * a screen, a table or a CSV file.
 */
static void
bind_note(sqlite3_stmt *s, int i, const char *note)
{
	char *clean;

	if (note == NULL) {
		sqlite3_bind_null(s, i);
		return;
	}
	clean = xstrdup(note);
	text_sanitize(clean);
	sqlite3_bind_text(s, i, clean, -1, free);
}

static int
col_day(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	int day = 0;

	if (t != NULL && date_parse(t, &day) != 0)
		day = 0;
	return day;
}

static char *
col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t == NULL ? NULL : xstrdup((const char *)t);
}

/* Runs a statement that returns no rows. */
static int
step_done(struct store *st, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, "write");
	return 0;
}

/* --- opening and migrating ------------------------------------------- */

static int
mkdir_p(const char *path)
{
	char *dir = xstrdup(path), *p;
	int rc = 0;

	p = strrchr(dir, '/');
	if (p == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) == 0) {
				chmod(dir, 0700);   /* whatever the umask */
			} else if (errno != EEXIST) {
				err_set("cannot create directory %s: %s", dir,
				    strerror(errno));
				rc = -1;
				break;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(dir);
	return rc;
}

/*
 * Makes sure path is either absent (created now, empty, 0600) or starts
 * with the SQLite header. Anything else is refused and left alone.
 */
static int
check_file(const char *path)
{
	char head[16];
	struct stat sb;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno != ENOENT) {
			err_set("%s: %s", path, strerror(errno));
			return -1;
		}
		if (mkdir_p(path) != 0)
			return -1;
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST) {
			err_set("cannot create %s: %s", path, strerror(errno));
			return -1;
		}
		if (fd >= 0) {
			fchmod(fd, 0600);   /* whatever the umask */
			close(fd);
		}
		return 0;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		err_set("%s: not a regular file", path);
		return -1;
	}
	n = read(fd, head, sizeof head);
	close(fd);
	if (n == 0)
		return 0;
	if (n != (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0) {
		err_set("%s: not a runlog journal (not an SQLite database); "
		    "it was left untouched", path);
		return -1;
	}
	return 0;
}

/* The first row of a one-column query on db, into out; -1 on error. */
static int
query_text(sqlite3 *db, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(out, n, "%s", sqlite3_column_text(s, 0) ?
		    (const char *)sqlite3_column_text(s, 0) : "");
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

/*
 * Looks at an existing file, reading only, before anything may write to it: a database from a newer runlog, an SQLite database that
 * runlog did not create (version 0 with tables in it), and a damaged one
 * (PRAGMA quick_check) are refused here, so they are never changed, not
 * even by switching the journal mode.
 */
/*
 * PRAGMA quick_check: every page and b-tree of the file is read, so it
 * costs time in proportion to the journal's size (some 50 ms for 50
 * years): done before a migration and by store_verify(), not on every open.
 */
static int
quick_check(sqlite3 *db, const char *path)
{
	char v[256];

	if (query_text(db, "PRAGMA quick_check", v, sizeof v) != 0) {
		err_set("%s: cannot read the journal (%s); it was left untouched",
		    path, sqlite3_errmsg(db));
		return -1;
	}
	if (strcmp(v, "ok") != 0) {
		text_sanitize(v);   /* one line: the report has line breaks */
		err_set("%s: the journal is damaged (%.120s); it was left "
		    "untouched: restore a copy made with runlog backup", path, v);
		return -1;
	}
	return 0;
}

int
store_verify(struct store *st)
{
	return quick_check(st->db, st->path);
}

static int
inspect(const char *path)
{
	sqlite3 *db = NULL;
	char v[256];
	int version, rc = -1;

	/*
	 * Read-write but never created, and only read from: a read-only
	 * connection would leave a -wal and -shm file beside a WAL database
	 * on close, where this one, being the last, removes them.
	 */
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
		goto unreadable;
	sqlite3_busy_timeout(db, 10000);
	if (query_text(db, "PRAGMA user_version", v, sizeof v) != 0)
		goto unreadable;
	version = atoi(v);
	if (version > store_latest_version()) {
		err_set("%s: written by a newer runlog (journal version %d, this "
		    "runlog reads up to %d); it was left untouched", path, version,
		    store_latest_version());
		goto out;
	}
	if (version <= 0) {
		if (query_text(db, "SELECT count(*) FROM sqlite_master", v,
		    sizeof v) != 0)
			goto unreadable;
		if (strcmp(v, "0") != 0) {
			err_set("%s: not a runlog journal (an SQLite database "
			    "with other tables in it); it was left untouched", path);
			goto out;
		}
		rc = 0;
		goto out;
	}
	/* A journal about to be migrated is checked whole first. */
	if (version < store_latest_version() && quick_check(db, path) != 0)
		goto out;
	rc = 0;
	goto out;
unreadable:
	err_set("%s: cannot read the journal (%s); it was left untouched", path,
	    db ? sqlite3_errmsg(db) : "out of memory");
out:
	sqlite3_close(db);
	return rc;
}

/* Warns when others may read the journal: it is health data. */
static void
warn_if_shared(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) == 0 && (sb.st_mode & 077) != 0)
		fprintf(stderr, "runlog: warning: %s can be read by other users "
		    "(mode %03o); 'chmod 600 %s' makes it private\n", path,
		    (unsigned)(sb.st_mode & 0777), path);
}

static int
read_user_version(struct store *st, int *version)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) !=
	    SQLITE_OK)
		return db_fail(st, "cannot read the journal");
	rc = sqlite3_step(s);
	*version = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return db_fail(st, "cannot read the journal");
	return 0;
}

/* Copies the journal aside before migrating it: PATH.vN.bak. */
static int
backup_before_migrate(struct store *st, int version)
{
	char *dest = xasprintf("%s.v%d.bak", st->path, version);
	sqlite3 *out = NULL;
	sqlite3_backup *b;
	int rc = -1, fd;

	fd = open(dest, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
	if (sqlite3_open(dest, &out) == SQLITE_OK &&
	    (b = sqlite3_backup_init(out, "main", st->db, "main")) != NULL) {
		sqlite3_backup_step(b, -1);
		if (sqlite3_backup_finish(b) == SQLITE_OK)
			rc = 0;
	}
	if (rc != 0)
		err_set("cannot write the backup %s before upgrading: %s", dest,
		    out ? sqlite3_errmsg(out) : "out of memory");
	else
		fprintf(stderr, "runlog: upgrading the journal from version %d "
		    "to %d; a copy of the old one is in %s\n", version,
		    store_latest_version(), dest);
	sqlite3_close(out);
	free(dest);
	return rc;
}

static int
migrate(struct store *st)
{
	int version, i;
	char sql[64];

	if (db_exec(st, "BEGIN IMMEDIATE") != 0)
		return -1;
	/* Read again inside the lock: another runlog may have just migrated. */
	if (read_user_version(st, &version) != 0)
		goto fail;
	for (i = version; i < store_latest_version(); i++)
		if (db_exec(st, migrations[i]) != 0)
			goto fail;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    store_latest_version());
	if (db_exec(st, sql) != 0 || db_exec(st, "COMMIT") != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int
store_open(const char *path, struct store **out)
{
	struct store *st;
	int version, memory = strcmp(path, ":memory:") == 0;

	*out = NULL;
	if (!memory && (check_file(path) != 0 || inspect(path) != 0))
		return -1;
	if (!memory)
		warn_if_shared(path);
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	/* One thread uses a handle, so SQLite need not lock each call. */
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
	    NULL) != SQLITE_OK) {
		db_fail(st, "cannot open");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 10000);
	if (read_user_version(st, &version) != 0)
		goto fail;
	if (version > store_latest_version()) {
		err_set("%s: written by a newer runlog (journal version %d, this "
		    "runlog reads up to %d); it was left untouched", path, version,
		    store_latest_version());
		goto fail;
	}
	if (version > 0 && version < store_latest_version() && !memory &&
	    backup_before_migrate(st, version) != 0)
		goto fail;
	/* Sorts and temporary tables stay in memory: nothing of the journal
	 * is written outside its directory. */
	if (db_exec(st, "PRAGMA temp_store = MEMORY") != 0 ||
	    db_exec(st, "PRAGMA journal_mode = WAL") != 0 ||
	    db_exec(st, "PRAGMA synchronous = FULL") != 0 ||
	    db_exec(st, "PRAGMA foreign_keys = ON") != 0)
		goto fail;
	if (version < store_latest_version() && migrate(st) != 0)
		goto fail;
	*out = st;
	return 0;
fail:
	store_close(st);
	return -1;
}

void
store_close(struct store *st)
{
	int i;

	if (st == NULL)
		return;
	if (st->batch)
		store_rollback(st);
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

sqlite3 *
store_db(struct store *st)
{
	return st->db;
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
store_schema_version(struct store *st)
{
	int v;

	return read_user_version(st, &v) == 0 ? v : -1;
}

int64_t
store_data_version(struct store *st)
{
	sqlite3_stmt *s;
	int64_t v = -1;

	if (sqlite3_prepare_v2(st->db, "PRAGMA data_version", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* --- the journal's own files ------------------------------------------ */

/*
 * The absolute form of path, with its directory resolved (the file itself
 * need not exist); NULL when the directory does not exist. Allocated.
 */
static char *
canon(const char *path)
{
	char *dir = path_dir(path), *real = realpath(dir, NULL), *out = NULL;
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	if (real != NULL)
		out = xasprintf("%s/%s", strcmp(real, "/") == 0 ? "" : real, base);
	free(real);
	free(dir);
	return out;
}

/* 1 when a and b name the same existing file. */
static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
store_path_is_journal(const char *journal, const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char *cj = canon(journal), *cp = canon(path);
	size_t i;
	int same = 0;

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0] && !same; i++) {
		char *j = xasprintf("%s%s", journal, suffixes[i]);
		char *c = cj ? xasprintf("%s%s", cj, suffixes[i]) : NULL;

		same = same_file(j, path) || strcmp(j, path) == 0 ||
		    (c != NULL && cp != NULL && strcmp(c, cp) == 0);
		free(j);
		free(c);
	}
	free(cj);
	free(cp);
	return same;
}

/* --- transactions and undo groups ------------------------------------ */

static int
group_open(struct store *st, const char *label, int bulk)
{
	sqlite3_stmt *s;

	if (db_exec(st, "BEGIN IMMEDIATE") != 0)
		return -1;
	if ((s = stmt(st, S_GRP_NEW)) == NULL)
		goto fail;
	bind_text(s, 1, label);
	if (step_done(st, s) != 0)
		goto fail;
	st->group = sqlite3_last_insert_rowid(st->db);
	if ((s = stmt(st, S_GRP_OPEN)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, st->group);
	sqlite3_bind_int(s, 2, bulk);
	if (step_done(st, s) != 0)
		goto fail;
	/* Keep the newest UNDO_KEEP groups. */
	if ((s = stmt(st, S_GRP_PRUNE_LOG)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, st->group - UNDO_KEEP);
	if (step_done(st, s) != 0)
		goto fail;
	if ((s = stmt(st, S_GRP_PRUNE)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, st->group - UNDO_KEEP);
	if (step_done(st, s) != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

static int
group_close(struct store *st)
{
	sqlite3_stmt *s;

	if ((s = stmt(st, S_GRP_CLOSE)) == NULL || step_done(st, s) != 0)
		goto fail;
	/* A change that changed nothing leaves nothing to undo. */
	if ((s = stmt(st, S_GRP_EMPTY)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, st->group);
	if (step_done(st, s) != 0 || db_exec(st, "COMMIT") != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* The largest id of a table, 0 when it is empty; -1 on error. */
static int64_t
max_id(struct store *st, enum entry_kind k)
{
	char sql[64];
	sqlite3_stmt *s;
	int64_t id = -1;

	snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM %s",
	    kind_tables[k]);
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		db_fail(st, "read");
		return -1;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	else
		db_fail(st, "read");
	sqlite3_finalize(s);
	return id;
}

int
store_begin(struct store *st, const char *label)
{
	int k;

	if (st->batch) {
		err_set("a change is already in progress");
		return -1;
	}
	if (group_open(st, label, 1) != 0)
		return -1;
	for (k = 0; k < ENTRY_KIND_COUNT; k++) {
		if ((st->bulk_max[k] = max_id(st, (enum entry_kind)k)) < 0) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	st->batch = 1;
	return 0;
}

/*
 * A batch's inserts were not recorded row by row: rows get ever larger
 * ids, so one DELETE of the new id range per table undoes them. Replaced
 * and deleted rows were recorded by the triggers as usual.
 */
static int
record_bulk_undo(struct store *st)
{
	sqlite3_stmt *s = NULL;
	int64_t top;
	int k, rc = 0;

	if (sqlite3_prepare_v2(st->db, "INSERT INTO undo_log (grp, sql) "
	    "VALUES (?, ?)", -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "write");
	for (k = 0; k < ENTRY_KIND_COUNT && rc == 0; k++) {
		char *sql;

		if ((top = max_id(st, (enum entry_kind)k)) < 0) {
			rc = -1;
			break;
		}
		if (top <= st->bulk_max[k])
			continue;
		sql = xasprintf("DELETE FROM %s WHERE id > %" PRId64 " AND id <= %"
		    PRId64, kind_tables[k], st->bulk_max[k], top);
		sqlite3_bind_int64(s, 1, st->group);
		sqlite3_bind_text(s, 2, sql, -1, SQLITE_TRANSIENT);
		rc = step_done(st, s);
		free(sql);
	}
	sqlite3_finalize(s);
	return rc;
}

int
store_commit(struct store *st)
{
	st->batch = 0;
	if (record_bulk_undo(st) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return group_close(st);
}

void
store_rollback(struct store *st)
{
	st->batch = 0;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* A single write outside a batch opens and closes its own group. */
static int
write_begin(struct store *st, const char *label)
{
	return st->batch ? 0 : group_open(st, label, 0);
}

static int
write_end(struct store *st, int rc)
{
	if (st->batch)
		return rc;
	if (rc < 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	return group_close(st) == 0 ? rc : -1;
}

/* --- writes ---------------------------------------------------------- */

static void
bind_run_fields(sqlite3_stmt *s, const struct run *r)
{
	bind_day(s, 1, r->day);
	sqlite3_bind_int64(s, 2, r->distance_m);
	sqlite3_bind_int64(s, 3, r->duration_s);
	bind_opt(s, 4, r->rpe, 0);
	sqlite3_bind_text(s, 5, run_type_name(r->type), -1, SQLITE_STATIC);
	bind_opt(s, 6, r->avg_hr, 0);
	bind_opt(s, 7, r->climb_m, -1);
	bind_opt(s, 8, r->mass_before_g, 0);
	bind_opt(s, 9, r->mass_after_g, 0);
	bind_note(s, 10, r->note);
}

static void
run_label(const struct run *r, const char *verb, char *out, size_t n)
{
	char d[32], day[11];

	snprintf(out, n, "%s run %s on %s", verb,
	    units_format_distance(r->distance_m, UNIT_KM, d),
	    date_format(r->day, day));
}

int
store_add_run(struct store *st, struct run *r)
{
	sqlite3_stmt *s;
	char label[96] = "";
	int rc = -1;

	if (run_validate(r) != 0)
		return -1;
	if (!st->batch)   /* a batch has its own label */
		run_label(r, "add", label, sizeof label);
	if (write_begin(st, label) != 0)
		return -1;
	if ((s = stmt(st, S_RUN_ADD)) != NULL) {
		bind_run_fields(s, r);
		bind_text(s, 11, r->source ? r->source : "runlog");
		bind_text(s, 12, r->external_id);
		bind_text(s, 13, r->created_at);
		bind_text(s, 14, r->updated_at);
		if (step_done(st, s) == 0) {
			if (sqlite3_changes(st->db) == 0) {
				rc = 1;
			} else {
				r->id = sqlite3_last_insert_rowid(st->db);
				rc = 0;
			}
		}
	}
	return write_end(st, rc);
}

int
store_update_run(struct store *st, const struct run *r)
{
	sqlite3_stmt *s;
	char label[96] = "";
	int rc = -1;

	if (run_validate(r) != 0)
		return -1;
	if (!st->batch)
		run_label(r, "edit", label, sizeof label);
	if (write_begin(st, label) != 0)
		return -1;
	if ((s = stmt(st, S_RUN_UPD)) != NULL) {
		bind_run_fields(s, r);
		sqlite3_bind_int64(s, 11, r->id);
		if (step_done(st, s) == 0)
			rc = sqlite3_changes(st->db) == 0 ? 1 : 0;
	}
	return write_end(st, rc);
}

/* The id of the day's row in a one-per-day table, 0 when none. */
static int64_t
find_day(struct store *st, enum stmt_id id, int day, int *err)
{
	sqlite3_stmt *s = stmt(st, id);
	int64_t found = 0;
	int rc;

	*err = 0;
	if (s == NULL) {
		*err = 1;
		return 0;
	}
	bind_day(s, 1, day);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		found = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE)
		*err = db_fail(st, "read");
	sqlite3_reset(s);
	return found;
}

int
store_put_sleep(struct store *st, struct sleep *sl, int *replaced)
{
	sqlite3_stmt *s;
	char label[64] = "", day[11];
	int64_t old;
	int rc = -1, err;

	if (sleep_validate(sl) != 0)
		return -1;
	if (!st->batch)
		snprintf(label, sizeof label, "sleep on %s",
		    date_format(sl->day, day));
	if (write_begin(st, label) != 0)
		return -1;
	old = find_day(st, S_SLEEP_FIND, sl->day, &err);
	if (err)
		return write_end(st, -1);
	if (old != 0 && (s = stmt(st, S_SLEEP_UPD)) != NULL) {
		sqlite3_bind_int64(s, 1, sl->minutes);
		bind_opt(s, 2, sl->quality, 0);
		bind_note(s, 3, sl->note);
		bind_text(s, 4, sl->updated_at);
		sqlite3_bind_int64(s, 5, old);
		if (step_done(st, s) == 0) {
			sl->id = old;
			rc = 0;
		}
	} else if (old == 0 && (s = stmt(st, S_SLEEP_ADD)) != NULL) {
		bind_day(s, 1, sl->day);
		sqlite3_bind_int64(s, 2, sl->minutes);
		bind_opt(s, 3, sl->quality, 0);
		bind_note(s, 4, sl->note);
		bind_text(s, 5, sl->created_at);
		bind_text(s, 6, sl->updated_at);
		if (step_done(st, s) == 0) {
			sl->id = sqlite3_last_insert_rowid(st->db);
			rc = 0;
		}
	}
	if (replaced != NULL)
		*replaced = old != 0;
	return write_end(st, rc);
}

int
store_add_drink(struct store *st, struct drink *d)
{
	sqlite3_stmt *s;
	char label[64] = "", day[11];
	int rc = -1;

	if (drink_validate(d) != 0)
		return -1;
	if (!st->batch)
		snprintf(label, sizeof label, "add drink of %" PRId64 " ml on %s",
		    d->volume_ml, date_format(d->day, day));
	if (write_begin(st, label) != 0)
		return -1;
	if ((s = stmt(st, S_DRINK_ADD)) != NULL) {
		bind_day(s, 1, d->day);
		sqlite3_bind_int64(s, 2, d->volume_ml);
		sqlite3_bind_int(s, 3, d->electrolytes != 0);
		bind_text(s, 4, d->created_at);
		bind_text(s, 5, d->updated_at);
		if (step_done(st, s) == 0) {
			d->id = sqlite3_last_insert_rowid(st->db);
			rc = 0;
		}
	}
	return write_end(st, rc);
}

int
store_update_drink(struct store *st, const struct drink *d)
{
	sqlite3_stmt *s;
	char label[64] = "", day[11];
	int rc = -1;

	if (drink_validate(d) != 0)
		return -1;
	if (!st->batch)
		snprintf(label, sizeof label, "edit drink on %s",
		    date_format(d->day, day));
	if (write_begin(st, label) != 0)
		return -1;
	if ((s = stmt(st, S_DRINK_UPD)) != NULL) {
		bind_day(s, 1, d->day);
		sqlite3_bind_int64(s, 2, d->volume_ml);
		sqlite3_bind_int(s, 3, d->electrolytes != 0);
		sqlite3_bind_int64(s, 4, d->id);
		if (step_done(st, s) == 0)
			rc = sqlite3_changes(st->db) == 0 ? 1 : 0;
	}
	return write_end(st, rc);
}

static void
bind_checkin_fields(sqlite3_stmt *s, int i, const struct checkin *c)
{
	sqlite3_bind_int(s, i, c->fatigue);
	bind_opt(s, i + 1, c->soreness, 0);
	bind_opt(s, i + 2, c->mood, 0);
	bind_opt(s, i + 3, c->stress, 0);
	bind_opt(s, i + 4, c->rhr, 0);
	sqlite3_bind_int(s, i + 5, c->ill != 0);
	sqlite3_bind_int(s, i + 6, c->pain != 0);
	sqlite3_bind_int(s, i + 7, c->swelling != 0);
	sqlite3_bind_int(s, i + 8, c->numbness != 0);
	sqlite3_bind_int(s, i + 9, c->no_weight != 0);
	bind_note(s, i + 10, c->note);
}

int
store_put_checkin(struct store *st, struct checkin *c, int *replaced)
{
	sqlite3_stmt *s;
	char label[64] = "", day[11];
	int64_t old;
	int rc = -1, err;

	if (checkin_validate(c) != 0)
		return -1;
	if (!st->batch)
		snprintf(label, sizeof label, "check-in on %s",
		    date_format(c->day, day));
	if (write_begin(st, label) != 0)
		return -1;
	old = find_day(st, S_CHECKIN_FIND, c->day, &err);
	if (err)
		return write_end(st, -1);
	if (old != 0 && (s = stmt(st, S_CHECKIN_UPD)) != NULL) {
		bind_checkin_fields(s, 1, c);
		bind_text(s, 12, c->updated_at);
		sqlite3_bind_int64(s, 13, old);
		if (step_done(st, s) == 0) {
			c->id = old;
			rc = 0;
		}
	} else if (old == 0 && (s = stmt(st, S_CHECKIN_ADD)) != NULL) {
		bind_day(s, 1, c->day);
		bind_checkin_fields(s, 2, c);
		bind_text(s, 13, c->created_at);
		bind_text(s, 14, c->updated_at);
		if (step_done(st, s) == 0) {
			c->id = sqlite3_last_insert_rowid(st->db);
			rc = 0;
		}
	}
	if (replaced != NULL)
		*replaced = old != 0;
	return write_end(st, rc);
}

int
store_put_rest(struct store *st, struct rest *r, int *replaced)
{
	sqlite3_stmt *s;
	char label[64] = "", day[11];
	int64_t old;
	int rc = -1, err;

	if (note_validate(r->note) != 0)
		return -1;
	if (!st->batch)
		snprintf(label, sizeof label, "rest day on %s",
		    date_format(r->day, day));
	if (write_begin(st, label) != 0)
		return -1;
	old = find_day(st, S_REST_FIND, r->day, &err);
	if (err)
		return write_end(st, -1);
	if (old != 0 && (s = stmt(st, S_REST_UPD)) != NULL) {
		bind_note(s, 1, r->note);
		bind_text(s, 2, r->updated_at);
		sqlite3_bind_int64(s, 3, old);
		if (step_done(st, s) == 0) {
			r->id = old;
			rc = 0;
		}
	} else if (old == 0 && (s = stmt(st, S_REST_ADD)) != NULL) {
		bind_day(s, 1, r->day);
		bind_note(s, 2, r->note);
		bind_text(s, 3, r->created_at);
		bind_text(s, 4, r->updated_at);
		if (step_done(st, s) == 0) {
			r->id = sqlite3_last_insert_rowid(st->db);
			rc = 0;
		}
	}
	if (replaced != NULL)
		*replaced = old != 0;
	return write_end(st, rc);
}

int
store_delete(struct store *st, enum entry_kind k, int64_t id)
{
	char sql[64], label[64];
	sqlite3_stmt *s = NULL;
	int rc = -1;

	if ((unsigned)k >= ENTRY_KIND_COUNT) {
		err_set("unknown kind of entry");
		return -1;
	}
	if (!st->batch)
		snprintf(label, sizeof label, "delete %s %c%" PRId64, entry_kind_name(k),
		    entry_kind_letter(k), id);
	/* The table name comes from the fixed list above, never from input. */
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?", kind_tables[k]);
	if (write_begin(st, label) != 0)
		return -1;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(s, 1, id);
		if (sqlite3_step(s) == SQLITE_DONE)
			rc = sqlite3_changes(st->db) == 0 ? 1 : 0;
		else
			db_fail(st, "delete");
	} else {
		db_fail(st, "delete");
	}
	sqlite3_finalize(s);
	return write_end(st, rc);
}

int
store_undo(struct store *st, char *label, size_t labelsz)
{
	sqlite3_stmt *g = NULL, *l = NULL;
	int64_t grp;
	int rc;

	if (st->batch) {
		err_set("cannot undo while a change is in progress");
		return -1;
	}
	if (db_exec(st, "BEGIN IMMEDIATE") != 0)
		return -1;
	if (sqlite3_prepare_v2(st->db, "SELECT id, label FROM undo_group "
	    "ORDER BY id DESC LIMIT 1", -1, &g, NULL) != SQLITE_OK)
		goto fail;
	rc = sqlite3_step(g);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(g);
		db_exec(st, "ROLLBACK");
		return 1;
	}
	if (rc != SQLITE_ROW)
		goto fail;
	grp = sqlite3_column_int64(g, 0);
	if (label != NULL)
		snprintf(label, labelsz, "%s", sqlite3_column_text(g, 1));
	if (sqlite3_prepare_v2(st->db, "SELECT sql FROM undo_log WHERE grp = ? "
	    "ORDER BY seq DESC", -1, &l, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_int64(l, 1, grp);
	while ((rc = sqlite3_step(l)) == SQLITE_ROW)
		if (db_exec(st, (const char *)sqlite3_column_text(l, 0)) != 0)
			goto fail_quiet;
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(l);
	sqlite3_finalize(g);
	l = g = NULL;
	{
		char sql[96];
		snprintf(sql, sizeof sql, "DELETE FROM undo_log WHERE grp = %" PRId64
		    "; DELETE FROM undo_group WHERE id = %" PRId64, grp, grp);
		if (db_exec(st, sql) != 0 || db_exec(st, "COMMIT") != 0)
			goto fail_quiet;
	}
	return 0;
fail:
	db_fail(st, "undo");
fail_quiet:
	sqlite3_finalize(l);
	sqlite3_finalize(g);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* --- reads ----------------------------------------------------------- */

static void
read_run(sqlite3_stmt *s, void *out)
{
	struct run *r = out;
	const char *type;

	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->day = col_day(s, 1);
	r->distance_m = sqlite3_column_int64(s, 2);
	r->duration_s = sqlite3_column_int64(s, 3);
	r->rpe = sqlite3_column_int(s, 4);
	type = (const char *)sqlite3_column_text(s, 5);
	if (type == NULL || run_type_parse(type, &r->type) != 0)
		r->type = RUN_OTHER;
	r->avg_hr = sqlite3_column_int(s, 6);
	r->climb_m = sqlite3_column_type(s, 7) == SQLITE_NULL ? -1 :
	    sqlite3_column_int64(s, 7);
	r->mass_before_g = sqlite3_column_int64(s, 8);
	r->mass_after_g = sqlite3_column_int64(s, 9);
	r->note = col_text(s, 10);
	r->source = col_text(s, 11);
	r->external_id = col_text(s, 12);
	r->created_at = col_text(s, 13);
	r->updated_at = col_text(s, 14);
}

static void
read_sleep(sqlite3_stmt *s, void *out)
{
	struct sleep *r = out;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->day = col_day(s, 1);
	r->minutes = sqlite3_column_int64(s, 2);
	r->quality = sqlite3_column_int(s, 3);
	r->note = col_text(s, 4);
	r->created_at = col_text(s, 5);
	r->updated_at = col_text(s, 6);
}

static void
read_drink(sqlite3_stmt *s, void *out)
{
	struct drink *r = out;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->day = col_day(s, 1);
	r->volume_ml = sqlite3_column_int64(s, 2);
	r->electrolytes = sqlite3_column_int(s, 3);
	r->created_at = col_text(s, 4);
	r->updated_at = col_text(s, 5);
}

static void
read_checkin(sqlite3_stmt *s, void *out)
{
	struct checkin *r = out;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->day = col_day(s, 1);
	r->fatigue = sqlite3_column_int(s, 2);
	r->soreness = sqlite3_column_int(s, 3);
	r->mood = sqlite3_column_int(s, 4);
	r->stress = sqlite3_column_int(s, 5);
	r->rhr = sqlite3_column_int(s, 6);
	r->ill = sqlite3_column_int(s, 7);
	r->pain = sqlite3_column_int(s, 8);
	r->swelling = sqlite3_column_int(s, 9);
	r->numbness = sqlite3_column_int(s, 10);
	r->no_weight = sqlite3_column_int(s, 11);
	r->note = col_text(s, 12);
	r->created_at = col_text(s, 13);
	r->updated_at = col_text(s, 14);
}

static void
read_rest(sqlite3_stmt *s, void *out)
{
	struct rest *r = out;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->day = col_day(s, 1);
	r->note = col_text(s, 2);
	r->created_at = col_text(s, 3);
	r->updated_at = col_text(s, 4);
}

typedef void (*row_reader)(sqlite3_stmt *, void *);

/* Runs a day-range query and collects rows of size elsize. */
static int
read_range(struct store *st, enum stmt_id id, int from, int to,
    row_reader rd, size_t elsize, void **out, size_t *n)
{
	sqlite3_stmt *s = stmt(st, id);
	size_t cap = 0, len = 0;
	char *v = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	bind_day(s, 1, from);
	bind_day(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * elsize);
		}
		rd(s, v + len * elsize);
		len++;
	}
	sqlite3_reset(s);
	*out = v;
	*n = len;
	if (rc != SQLITE_DONE)
		return db_fail(st, "read");
	return 0;
}

int
store_runs(struct store *st, int from, int to, struct run **out, size_t *n)
{
	return read_range(st, S_RUNS, from, to, read_run,
	    sizeof **out, (void **)out, n);
}

int
store_sleeps(struct store *st, int from, int to, struct sleep **out, size_t *n)
{
	return read_range(st, S_SLEEPS, from, to, read_sleep,
	    sizeof **out, (void **)out, n);
}

int
store_drinks(struct store *st, int from, int to, struct drink **out, size_t *n)
{
	return read_range(st, S_DRINKS, from, to, read_drink,
	    sizeof **out, (void **)out, n);
}

int
store_checkins(struct store *st, int from, int to, struct checkin **out,
    size_t *n)
{
	return read_range(st, S_CHECKINS, from, to, read_checkin,
	    sizeof **out, (void **)out, n);
}

int
store_rests(struct store *st, int from, int to, struct rest **out, size_t *n)
{
	return read_range(st, S_RESTS, from, to, read_rest,
	    sizeof **out, (void **)out, n);
}

void
run_list_free(struct run *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		run_free(&v[i]);
	free(v);
}

void
sleep_list_free(struct sleep *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sleep_free(&v[i]);
	free(v);
}

void
drink_list_free(struct drink *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		drink_free(&v[i]);
	free(v);
}

void
checkin_list_free(struct checkin *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		checkin_free(&v[i]);
	free(v);
}

void
rest_list_free(struct rest *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rest_free(&v[i]);
	free(v);
}

static int
read_one(struct store *st, enum stmt_id id, int64_t key, row_reader rd,
    void *out)
{
	sqlite3_stmt *s = stmt(st, id);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		rd(s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return db_fail(st, "read");
}

int
store_get_run(struct store *st, int64_t id, struct run *r)
{
	return read_one(st, S_RUN_GET, id, read_run, r);
}

int
store_get_sleep(struct store *st, int64_t id, struct sleep *s)
{
	return read_one(st, S_SLEEP_GET, id, read_sleep, s);
}

int
store_get_drink(struct store *st, int64_t id, struct drink *d)
{
	return read_one(st, S_DRINK_GET, id, read_drink, d);
}

int
store_get_checkin(struct store *st, int64_t id, struct checkin *c)
{
	return read_one(st, S_CHECKIN_GET, id, read_checkin, c);
}

int
store_span(struct store *st, int *first, int *last)
{
	/* Each min()/max() is answered from the day index or the unique key. */
	static const char sql[] =
	    "SELECT min(d), max(d) FROM ("
	    " SELECT min(day) AS d FROM run UNION ALL SELECT max(day) FROM run"
	    " UNION ALL SELECT min(day) FROM sleep UNION ALL SELECT max(day) FROM sleep"
	    " UNION ALL SELECT min(day) FROM drink UNION ALL SELECT max(day) FROM drink"
	    " UNION ALL SELECT min(day) FROM checkin UNION ALL SELECT max(day) FROM checkin"
	    " UNION ALL SELECT min(day) FROM rest UNION ALL SELECT max(day) FROM rest)";
	sqlite3_stmt *s;
	int rc, empty = 1;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "read");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
		*first = col_day(s, 0);
		*last = col_day(s, 1);
		empty = 0;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return db_fail(st, "read");
	return empty;
}

int64_t
store_count(struct store *st, enum entry_kind k)
{
	char sql[160];
	sqlite3_stmt *s;
	int64_t n = -1;

	if (k == ENTRY_KIND_COUNT)
		snprintf(sql, sizeof sql, "SELECT (SELECT count(*) FROM run) + "
		    "(SELECT count(*) FROM sleep) + (SELECT count(*) FROM drink) + "
		    "(SELECT count(*) FROM checkin) + (SELECT count(*) FROM rest)");
	else
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", kind_tables[k]);
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		db_fail(st, "read");
		return -1;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* --- every kind at once ----------------------------------------------- */

int
store_load(struct store *st, int from, int to, struct entries *out)
{
	memset(out, 0, sizeof *out);
	if (store_runs(st, from, to, &out->runs, &out->nruns) != 0 ||
	    store_sleeps(st, from, to, &out->sleeps, &out->nsleeps) != 0 ||
	    store_drinks(st, from, to, &out->drinks, &out->ndrinks) != 0 ||
	    store_checkins(st, from, to, &out->checkins, &out->ncheckins) != 0 ||
	    store_rests(st, from, to, &out->rests, &out->nrests) != 0) {
		entries_free(out);
		return -1;
	}
	return 0;
}

void
entries_free(struct entries *e)
{
	run_list_free(e->runs, e->nruns);
	sleep_list_free(e->sleeps, e->nsleeps);
	drink_list_free(e->drinks, e->ndrinks);
	checkin_list_free(e->checkins, e->ncheckins);
	rest_list_free(e->rests, e->nrests);
	memset(e, 0, sizeof *e);
}

/* The nearest day holding an entry, before (newer = 0) or after day. */
static int
day_beside(struct store *st, int day, int newer, int *out)
{
	static const char *const older_sql =
	    "SELECT max(d) FROM ("
	    " SELECT max(day) AS d FROM run WHERE day < ?1"
	    " UNION ALL SELECT max(day) FROM sleep WHERE day < ?1"
	    " UNION ALL SELECT max(day) FROM drink WHERE day < ?1"
	    " UNION ALL SELECT max(day) FROM checkin WHERE day < ?1"
	    " UNION ALL SELECT max(day) FROM rest WHERE day < ?1)";
	static const char *const newer_sql =
	    "SELECT min(d) FROM ("
	    " SELECT min(day) AS d FROM run WHERE day > ?1"
	    " UNION ALL SELECT min(day) FROM sleep WHERE day > ?1"
	    " UNION ALL SELECT min(day) FROM drink WHERE day > ?1"
	    " UNION ALL SELECT min(day) FROM checkin WHERE day > ?1"
	    " UNION ALL SELECT min(day) FROM rest WHERE day > ?1)";
	sqlite3_stmt *s = NULL;
	char ds[16];
	int rc = 1;

	if (day < DATE_MIN)
		snprintf(ds, sizeof ds, "0000-00-00");
	else if (day > DATE_MAX)
		snprintf(ds, sizeof ds, "9999-99-99");
	else
		date_format(day, ds);
	if (sqlite3_prepare_v2(st->db, newer ? newer_sql : older_sql, -1, &s,
	    NULL) != SQLITE_OK)
		return db_fail(st, "read");
	sqlite3_bind_text(s, 1, ds, -1, SQLITE_TRANSIENT);
	switch (sqlite3_step(s)) {
	case SQLITE_ROW:
		if (sqlite3_column_type(s, 0) != SQLITE_NULL) {
			const char *t = (const char *)sqlite3_column_text(s, 0);
			rc = t != NULL && date_parse(t, out) == 0 ? 0 : 1;
		}
		break;
	case SQLITE_DONE:
		break;
	default:
		rc = db_fail(st, "read");
	}
	sqlite3_finalize(s);
	return rc;
}

int
store_day_before(struct store *st, int day, int *out)
{
	return day_beside(st, day, 0, out);
}

int
store_day_after(struct store *st, int day, int *out)
{
	return day_beside(st, day, 1, out);
}
