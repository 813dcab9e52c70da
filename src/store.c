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
#include <stdarg.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "store-int.h"
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

const char *const kind_tables[ENTRY_KIND_COUNT] = {
	"run", "sleep", "drink", "checkin", "rest"
};

int
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

int
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

sqlite3_stmt *
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

void
bind_day(sqlite3_stmt *s, int i, int day)
{
	char buf[11];

	sqlite3_bind_text(s, i, date_format(day, buf), 10, SQLITE_TRANSIENT);
}

/* Optional integers: 0 (or -1 where 0 is a value) means NULL. */
void
bind_opt(sqlite3_stmt *s, int i, int64_t v, int64_t none)
{
	if (v == none)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, v);
}

void
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
void
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

int
col_day(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	int day = 0;

	if (t != NULL && date_parse(t, &day) != 0)
		day = 0;
	return day;
}

char *
col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t == NULL ? NULL : xstrdup((const char *)t);
}

/* Runs a statement that returns no rows. */
int
step_done(struct store *st, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, "write");
	return 0;
}

/* --- warnings for the caller ----------------------------------------- */

#define WARN_MAX 64     /* queued at most; later ones are counted in one */

void
store_warn(struct store *st, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	for (i = 0; i < st->nwarn; i++)
		if (strcmp(st->warn[i], msg) == 0)
			return;
	if (st->nwarn == WARN_MAX)
		return;
	if (st->nwarn == st->warn_cap) {
		st->warn_cap = st->warn_cap ? st->warn_cap * 2 : 8;
		st->warn = xrealloc(st->warn, st->warn_cap * sizeof *st->warn);
	}
	st->warn[st->nwarn++] = xstrdup(msg);
}

const char *
store_warning(struct store *st)
{
	free(st->warn_given);
	st->warn_given = NULL;
	if (st->warn_head == st->nwarn)
		return NULL;
	/* Handed out once; the slot stays so the same message is not queued
	 * again while this handle lives. */
	st->warn_given = xstrdup(st->warn[st->warn_head++]);
	return st->warn_given;
}

static void
warnings_free(struct store *st)
{
	size_t i;

	for (i = 0; i < st->nwarn; i++)
		free(st->warn[i]);
	free(st->warn);
	free(st->warn_given);
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
	warnings_free(st);
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
