/*
 * store: the journal file.
 *
 * A journal is a file people copy, share and open with --db, so it is read
 * as untrusted input. Before anything uses it, its path must name a
 * regular file (or nothing), and its header, version and schema are read
 * through a read-only connection: the schema must be exactly the one the
 * compiled migrations give at the journal's version (built once in
 * memory). Read commands keep that read-only connection and never migrate;
 * the UI and the writing commands then check the whole file once
 * (quick_check), open it for writing, copy an older journal aside and
 * migrate it in one BEGIN IMMEDIATE transaction, and only then switch it
 * to WAL. A refused file is never written.
 *
 * Every connection runs with SQLite's defensive mode, no extension
 * loading, an untrusted schema and an authorizer that allows only what
 * runlog's own statements do (no ATTACH, no unknown table or trigger, no
 * pragma runlog does not run, schema changes only while migrating).
 *
 * Every change is a transaction that also opens an undo group; triggers in
 * the schema record how to put each changed row back (see 001-journal.sql).
 * Statements are prepared once and kept for the life of the handle.
 */
#define _GNU_SOURCE     /* F_OFD_SETLK */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define SHA_NI 1
#endif

#include "date.h"
#include "store-int.h"
#include "units.h"
#include "util.h"

extern const char *const schema_migrations[];
extern const int schema_migration_count;

/* The migrations in force: the compiled-in ones unless a test sets others. */
static const char *const *migrations = schema_migrations;
static int migration_count = -1;

/* The objects of sqlite_master: what a journal of one version holds. */
struct schema_obj {
	char *type, *name, *tbl, *sql;   /* sql NULL for automatic indexes */
};
struct schema {
	struct schema_obj *o;            /* ordered by type, then name */
	size_t n;
};

static void schemas_reset(void);
static int migrate(struct store *st, int keep);

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
	schemas_reset();
}

static const char *const stmt_sql[S_COUNT] = {
	[S_GRP_NEW] = "INSERT INTO undo_group (label) VALUES (?)",
	[S_GRP_OPEN] = "UPDATE undo_state SET grp = ?, bulk = ?",
	[S_GRP_CLOSE] = "UPDATE undo_state SET grp = 0, bulk = 0",
	[S_GRP_PRUNE_LOG] = "DELETE FROM undo_log WHERE grp < ?",
	[S_GRP_PRUNE] = "DELETE FROM undo_group WHERE id < ?",
	[S_GRP_EMPTY] = ("DELETE FROM undo_group WHERE id = ?1 AND NOT EXISTS "
	    "(SELECT 1 FROM undo_log WHERE grp = ?1)"),
};


int
db_fail(struct store *st, const char *what)
{
	int code = sqlite3_errcode(st->db) & 0xff;

	if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		err_set("%s: the journal is damaged (%s); it was left untouched: "
		    "restore a copy made with runlog backup", st->path,
		    sqlite3_errmsg(st->db));
	else if (code == SQLITE_AUTH)
		err_set("%s: %s: refused: %s is not something runlog runs on a "
		    "journal", st->path, what, st->denied[0] ? st->denied :
		    "the statement");
	else if (code == SQLITE_FULL || sqlite3_system_errno(st->db) == ENOSPC)
		err_set("%s: %s: the disk is full; nothing was written and the "
		    "journal is as it was", st->path, what);
	else
		err_set("%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
	return -1;
}

int
db_exec(struct store *st, const char *sql)
{
	int code;

	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	code = sqlite3_errcode(st->db) & 0xff;
	if (code == SQLITE_AUTH || code == SQLITE_FULL ||
	    code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		return db_fail(st, "cannot run");
	err_set("%s: %s", st->path, sqlite3_errmsg(st->db));
	return -1;
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

/* --- the journal's name and file ---------------------------------------- */

/* 1 when SQLite would read name as something other than a file's path. */
static int
special_name(const char *path)
{
	return *path == '\0' || strcmp(path, ":memory:") == 0 ||
	    strncasecmp(path, "file:", 5) == 0;
}

static const char *
file_kind(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISFIFO(m))
		return "a named pipe";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	return "not a regular file";
}

/*
 * Looks at the journal's path without opening it (a named pipe would
 * block an open): *real is the file it names, symbolic links resolved,
 * or NULL when nothing is there; *size its size.
 */
static int
journal_path(const char *path, char **real, off_t *size)
{
	struct stat lsb, sb;
	char target[512];
	ssize_t n;

	*real = NULL;
	*size = -1;
	if (special_name(path)) {
		err_set("'%s' is not a journal file name: SQLite would read it "
		    "as a special name; give the path of a file ('./%s' names "
		    "a file called that)", path, path);
		return -1;
	}
	if (lstat(path, &lsb) != 0) {
		if (errno == ENOENT)
			return 0;
		err_set("%s: %s", path, strerror(errno));
		return -1;
	}
	sb = lsb;
	if (S_ISLNK(lsb.st_mode) && stat(path, &sb) != 0) {
		n = readlink(path, target, sizeof target - 1);
		target[n > 0 ? n : 0] = '\0';
		if (errno == ENOENT)
			err_set("%s: a symbolic link to %s, which does not exist",
			    path, target);
		else
			err_set("%s: a symbolic link to %s, which cannot be "
			    "opened (%s)", path, target, strerror(errno));
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		err_set("%s: %s, not a journal; it was left untouched", path,
		    file_kind(sb.st_mode));
		return -1;
	}
	if ((*real = realpath(path, NULL)) == NULL) {
		err_set("%s: %s", path, strerror(errno));
		return -1;
	}
	*size = sb.st_size;
	return 0;
}

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
 * Creates the journal, empty, 0600 whatever the umask; *real its path.
 * 1 when another process created it first: the caller opens that one.
 */
static int
create_file(const char *path, char **real)
{
	int fd;

	if (mkdir_p(path) != 0)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd < 0 && errno == EEXIST)
		return 1;
	if (fd < 0) {
		err_set("cannot create %s: %s", path, strerror(errno));
		return -1;
	}
	fchmod(fd, 0600);
	close(fd);
	if ((*real = realpath(path, NULL)) == NULL) {
		err_set("%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Reads the file's first 100 bytes, never blocking: 0 for an empty file,
 * 1 for an SQLite database in rollback mode, 2 in WAL mode; -1 with a
 * message for anything else.
 */
static int
read_header(const char *path, const char *real)
{
	unsigned char h[100];
	struct stat sb;
	ssize_t n;
	int fd;

	fd = open(real, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		err_set("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		err_set("%s: not a regular file; it was left untouched", path);
		return -1;
	}
	n = read(fd, h, sizeof h);
	close(fd);
	if (n == 0)
		return 0;
	if (n != (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
		err_set("%s: not a runlog journal (not an SQLite database); "
		    "it was left untouched", path);
		return -1;
	}
	if (h[18] != h[19] || h[18] < 1 || h[18] > 2) {
		err_set("%s: the journal is damaged (its header is not one "
		    "SQLite writes); it was left untouched: restore a copy made "
		    "with runlog backup", path);
		return -1;
	}
	return h[18];
}

/* --- the guard: what SQL may run on a journal -------------------------- */

/* Pragmas runlog itself runs; every other one is refused. */
static const char *const allowed_pragmas[] = {
	"user_version", "journal_mode", "synchronous", "foreign_keys",
	"temp_store", "quick_check", "integrity_check", "data_version",
	"cache_size", "trusted_schema", "busy_timeout", "wal_checkpoint",
	"query_only", "wal_autocheckpoint", NULL
};

/* Table-valued functions runlog's own statements read from. */
static const char *const table_functions[] = { "json_each", NULL };

/* Functions that reach outside the database: never, whatever asks. */
static const char *const denied_functions[] = {
	"load_extension", "fts3_tokenizer", "readfile", "writefile", "edit",
	NULL
};

static int
in_list(const char *const *list, const char *s)
{
	for (; s != NULL && *list != NULL; list++)
		if (strcasecmp(*list, s) == 0)
			return 1;
	return 0;
}

/* 1 when the schema holds an object of that type and name. */
static int
schema_has(const struct schema *sc, const char *type, const char *name)
{
	size_t i;

	for (i = 0; sc != NULL && name != NULL && i < sc->n; i++)
		if (strcmp(sc->o[i].type, type) == 0 &&
		    strcasecmp(sc->o[i].name, name) == 0)
			return 1;
	return 0;
}

static int
is_master(const char *t)
{
	return t != NULL && (strcasecmp(t, "sqlite_master") == 0 ||
	    strcasecmp(t, "sqlite_schema") == 0 ||
	    strcasecmp(t, "sqlite_temp_master") == 0 ||
	    strcasecmp(t, "sqlite_temp_schema") == 0);
}

static int
deny(struct store *st, const char *what, const char *name)
{
	snprintf(st->denied, sizeof st->denied, "%s%s%.60s%s", what,
	    name ? " '" : "", name ? name : "", name ? "'" : "");
	return SQLITE_DENY;
}

/* A table runlog's schema has (or any, while migrating). */
static int
table_ok(struct store *st, const char *t)
{
	return st->migrating || schema_has(st->schema, "table", t);
}

/*
 * The authorizer, on every connection to a journal: SQLite asks it about
 * each action while it prepares a statement. Only what runlog's own
 * statements do is allowed: its tables, its triggers, the pragmas it runs,
 * schema changes only inside a migration; never ATTACH or DETACH, a table
 * or trigger runlog does not know, or a function that reaches files.
 */
static int
authorize(void *arg, int action, const char *a, const char *b,
    const char *db, const char *inner)
{
	struct store *st = arg;

	if (db != NULL && strcmp(db, "main") != 0 && strcmp(db, "temp") != 0)
		return deny(st, "a statement on another database", db);
	if (inner != NULL && !st->migrating &&
	    !schema_has(st->schema, "trigger", inner))
		return deny(st, "a statement from the unknown trigger or view",
		    inner);
	switch (action) {
	case SQLITE_SELECT: case SQLITE_TRANSACTION: case SQLITE_SAVEPOINT:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_READ:
		return is_master(a) || table_ok(st, a) ||
		    in_list(table_functions, a) ? SQLITE_OK :
		    deny(st, "reading the table", a);
	case SQLITE_INSERT: case SQLITE_UPDATE:
		/*
		 * A table-valued function (json_each, in undo's statements)
		 * declares its columns with a CREATE TABLE that SQLite
		 * authorizes as an insert into sqlite_master and an update of
		 * it. Nothing is written: a real schema change is refused by
		 * its own action below, and defensive mode keeps sqlite_master
		 * read-only to statements.
		 */
		if (is_master(a) || table_ok(st, a))
			return SQLITE_OK;
		return deny(st, "writing to the table", a);
	case SQLITE_DELETE:
		if (is_master(a) ? st->migrating : table_ok(st, a))
			return SQLITE_OK;
		return deny(st, "writing to the table", a);
	case SQLITE_FUNCTION:
		return in_list(denied_functions, b) ?
		    deny(st, "the function", b) : SQLITE_OK;
	case SQLITE_PRAGMA:
		if (!in_list(allowed_pragmas, a))
			return deny(st, "the pragma", a);
		if (b != NULL && strcasecmp(a, "user_version") == 0 &&
		    !st->migrating)
			return deny(st, "setting the pragma", a);
		return SQLITE_OK;
	case SQLITE_ATTACH:
		return deny(st, "ATTACH", a);
	case SQLITE_DETACH:
		return deny(st, "DETACH", a);
	case SQLITE_CREATE_TABLE: case SQLITE_CREATE_INDEX:
	case SQLITE_CREATE_TRIGGER: case SQLITE_CREATE_VIEW:
	case SQLITE_DROP_TABLE: case SQLITE_DROP_INDEX:
	case SQLITE_DROP_TRIGGER: case SQLITE_DROP_VIEW:
	case SQLITE_ALTER_TABLE:
		return st->migrating ? SQLITE_OK :
		    deny(st, "a schema change outside a migration", a);
	default:
		return st->migrating ? SQLITE_OK :
		    deny(st, "a statement runlog does not run", NULL);
	}
}

/*
 * Every connection to a journal: defensive mode (no writable_schema, no
 * direct writes to SQLite's own tables), no extension loading, an
 * untrusted schema (its triggers and checks may call no function with
 * side effects), and the authorizer above.
 */
static int
guard(struct store *st)
{
	int on;

	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 10000);
	if (sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on) !=
	    SQLITE_OK || on != 1 ||
	    sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0,
	    &on) != SQLITE_OK || on != 0 ||
	    sqlite3_db_config(st->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on) !=
	    SQLITE_OK || on != 0) {
		err_set("%s: cannot set up SQLite's safety options", st->path);
		return -1;
	}
	sqlite3_set_authorizer(st->db, authorize, st);
	return 0;
}

/* --- the schema each version must have ---------------------------------- */

#define SCHEMA_VERSIONS 64   /* versions whose schema is kept, built once */

static struct schema *schemas[SCHEMA_VERSIONS];

static void
schema_free(struct schema *sc)
{
	size_t i;

	if (sc == NULL)
		return;
	for (i = 0; i < sc->n; i++) {
		free(sc->o[i].type);
		free(sc->o[i].name);
		free(sc->o[i].tbl);
		free(sc->o[i].sql);
	}
	free(sc->o);
	free(sc);
}

static void
schemas_reset(void)
{
	int i;

	for (i = 0; i < SCHEMA_VERSIONS; i++) {
		schema_free(schemas[i]);
		schemas[i] = NULL;
	}
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return xstrdup(t != NULL ? (const char *)t : "");
}

/* sqlite_master of db, ordered by type and name; NULL on error. */
static struct schema *
schema_read(sqlite3 *db)
{
	struct schema *sc = xcalloc(1, sizeof *sc);
	size_t cap = 0;
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM "
	    "sqlite_master ORDER BY type, name", -1, &s, NULL) != SQLITE_OK) {
		free(sc);
		return NULL;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (sc->n == cap) {
			cap = cap ? cap * 2 : 64;
			sc->o = xrealloc(sc->o, cap * sizeof *sc->o);
		}
		sc->o[sc->n].type = col_dup(s, 0);
		sc->o[sc->n].name = col_dup(s, 1);
		sc->o[sc->n].tbl = col_dup(s, 2);
		sc->o[sc->n].sql = sqlite3_column_type(s, 3) == SQLITE_NULL ?
		    NULL : col_dup(s, 3);
		sc->n++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		schema_free(sc);
		return NULL;
	}
	return sc;
}

/* A private in-memory database with the migrations up to version. */
static sqlite3 *
memory_at(int version)
{
	sqlite3 *db = NULL;
	int i;

	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	for (i = 0; i < version; i++) {
		if (sqlite3_exec(db, migrations[i], NULL, NULL, NULL) != SQLITE_OK) {
			err_set("migration %d does not apply: %s", i + 1,
			    sqlite3_errmsg(db));
			sqlite3_close(db);
			return NULL;
		}
	}
	return db;
}

/*
 * The schema a journal of the given version has: the compiled migrations
 * applied to an empty database in memory, once per process (about a
 * millisecond).
 */
static const struct schema *
schema_expected(int version)
{
	sqlite3 *db;

	if (version < 0 || version >= SCHEMA_VERSIONS)
		return NULL;
	if (schemas[version] == NULL && (db = memory_at(version)) != NULL) {
		schemas[version] = schema_read(db);
		sqlite3_close(db);
	}
	return schemas[version];
}

static int
obj_cmp(const struct schema_obj *a, const struct schema_obj *b)
{
	int c = strcmp(a->type, b->type);

	return c != 0 ? c : strcmp(a->name, b->name);
}

static int
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/*
 * The fast path: the SHA-256 of each released version's schema (every
 * object's type, name, table and SQL, in order), so that a journal whose
 * schema hashes to its version's digest needs no schema built in memory.
 * Building version 2 costs more than the rest of `runlog check`. A version
 * missing here is still checked, through the slow path; test_store fails
 * until its digest is added, and prints it.
 */
static const char *const schema_digests[] = {
	NULL,   /* version 0: empty */
	"f184f6d66c7a7876c832e73f5edf7e6daafe9a85402fb4554552ea3604207c8d",
	"8c84788eb6f5f505991fe8072577235ca1d940d0a794e7c0c8f5eb1c0033dce1",
	"7c050c285e4801ee28726f888d3e8e4a40c579dd2cc9d48774d5d5e8dbce73d4",
	"e31fe795044348e0342f54d79089fbfbcc7bb0b1e38a5bd4b1a0d2aff1c30cd8",
	"5f836d426fad468fcd162922b7715e979a8d9a5ab935f6c98358323c1c4929cd",
	"70a7db6daabce72f90092bbd3c68b4c2607b8d3a8c8d6fb7557ea4391ec0a4e3",
	/* shoes (schema/007-shoes.sql) */
	"1b83728c598ab84ae7a2011f3510dda9b4b21030c432acd227719b03474deb98",
};

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	size_t n;
};

static const uint32_t sha_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

/*
 * One 64-byte block. The eight working variables live in registers and
 * are renamed each round rather than moved (the journal's schema, some
 * 30 KB, is hashed on every open).
 */
#ifdef SHA_NI
/*
 * The same block with the processor's SHA extensions, where it has them:
 * the state as ABEF and CDGH, four rounds of message schedule and two
 * double rounds per group (Intel's SHA extensions reference, 2013).
 */
__attribute__((target("sha,sse4.1,ssse3")))
static void
sha_block_ni(struct sha256 *c, const unsigned char *p)
{
	const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL,
	    0x0405060700010203ULL);
	__m128i s0, s1, t, m[4], w, k, abef, cdgh;
	int g;

	t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&c->h[0]), 0xB1);
	s1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&c->h[4]), 0x1B);
	s0 = _mm_alignr_epi8(t, s1, 8);         /* ABEF */
	s1 = _mm_blend_epi16(s1, t, 0xF0);      /* CDGH */
	abef = s0;
	cdgh = s1;
	for (g = 0; g < 16; g++) {
		if (g < 4) {
			w = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)
			    (p + 16 * g)), mask);
			m[g] = w;
		} else {
			w = _mm_add_epi32(_mm_sha256msg1_epu32(m[0], m[1]),
			    _mm_alignr_epi8(m[3], m[2], 4));
			w = _mm_sha256msg2_epu32(w, m[3]);
			m[0] = m[1];
			m[1] = m[2];
			m[2] = m[3];
			m[3] = w;
		}
		k = _mm_add_epi32(w, _mm_loadu_si128((const __m128i *)
		    &sha_k[4 * g]));
		s1 = _mm_sha256rnds2_epu32(s1, s0, k);
		s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(k, 0x0E));
	}
	s0 = _mm_add_epi32(s0, abef);
	s1 = _mm_add_epi32(s1, cdgh);
	t = _mm_shuffle_epi32(s0, 0x1B);        /* FEBA */
	s1 = _mm_shuffle_epi32(s1, 0xB1);       /* DCHG */
	_mm_storeu_si128((__m128i *)&c->h[0], _mm_blend_epi16(t, s1, 0xF0));
	_mm_storeu_si128((__m128i *)&c->h[4], _mm_alignr_epi8(s1, t, 8));
}

/* 1 when the processor has the SHA extensions (CPUID 7, EBX bit 29). */
static int
sha_ni_present(void)
{
	static int known = -1;
	unsigned a, b, cx, d;

	if (known < 0)
		known = __get_cpuid_count(7, 0, &a, &b, &cx, &d) &&
		    (b & (1u << 29)) != 0 && __get_cpuid(1, &a, &b, &cx, &d) &&
		    (cx & (1u << 19)) != 0;   /* and SSE4.1 */
	return known;
}
#endif

static void
sha_block_c(struct sha256 *c, const unsigned char *p);

static void
sha_block(struct sha256 *c, const unsigned char *p)
{
#ifdef SHA_NI
	if (sha_ni_present()) {
		sha_block_ni(c, p);
		return;
	}
#endif
	sha_block_c(c, p);
}

static void
sha_block_c(struct sha256 *c, const unsigned char *p)
{
	uint32_t w[64], a, b, cc, d, e, f, g, h, t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (i = 16; i < 64; i++)
		w[i] = w[i - 16] + (ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^
		    (w[i - 15] >> 3)) + w[i - 7] + (ROR(w[i - 2], 17) ^
		    ROR(w[i - 2], 19) ^ (w[i - 2] >> 10));
	a = c->h[0]; b = c->h[1]; cc = c->h[2]; d = c->h[3];
	e = c->h[4]; f = c->h[5]; g = c->h[6]; h = c->h[7];
	for (i = 0; i < 64; i++) {
		t1 = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +
		    ((e & f) ^ (~e & g)) + sha_k[i] + w[i];
		t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) +
		    ((a & b) ^ (a & cc) ^ (b & cc));
		h = g; g = f; f = e; e = d + t1;
		d = cc; cc = b; b = a; a = t1 + t2;
	}
	c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d;
	c->h[4] += e; c->h[5] += f; c->h[6] += g; c->h[7] += h;
}

static void
sha_init(struct sha256 *c)
{
	static const uint32_t h0[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372,
	    0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };

	memset(c, 0, sizeof *c);
	memcpy(c->h, h0, sizeof h0);
}

static void
sha_add(struct sha256 *c, const void *data, size_t n)
{
	const unsigned char *p = data;

	c->len += n;
	/* Whole blocks straight from the data, without the copy. */
	if (c->n == 0)
		for (; n >= 64; p += 64, n -= 64)
			sha_block(c, p);
	while (n > 0) {
		size_t k = 64 - c->n < n ? 64 - c->n : n;

		memcpy(c->buf + c->n, p, k);
		c->n += k;
		p += k;
		n -= k;
		if (c->n == 64) {
			sha_block(c, c->buf);
			c->n = 0;
		}
	}
}

static void
sha_hex(struct sha256 *c, char hex[65])
{
	uint64_t bits = c->len * 8;
	unsigned char pad = 0x80, len[8];
	int i;

	sha_add(c, &pad, 1);
	pad = 0;
	while (c->n != 56)
		sha_add(c, &pad, 1);
	for (i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha_add(c, len, 8);
	for (i = 0; i < 8; i++)
		snprintf(hex + 8 * i, 9, "%08x", (unsigned)c->h[i]);
}

/* The digest of a schema: each object's fields, NUL-separated. */
static void
schema_digest(const struct schema *sc, char hex[65])
{
	struct sha256 c;
	size_t i;

	sha_init(&c);
	for (i = 0; i < sc->n; i++) {
		sha_add(&c, sc->o[i].type, strlen(sc->o[i].type) + 1);
		sha_add(&c, sc->o[i].name, strlen(sc->o[i].name) + 1);
		sha_add(&c, sc->o[i].tbl, strlen(sc->o[i].tbl) + 1);
		if (sc->o[i].sql != NULL)
			sha_add(&c, sc->o[i].sql, strlen(sc->o[i].sql) + 1);
		else
			sha_add(&c, "\1", 2);   /* NULL, unlike any text */
	}
	sha_hex(&c, hex);
}

/* 1 when have is the compiled schema of version by its digest. */
static int
schema_known(const struct schema *have, int version)
{
	char hex[65];

	if (migrations != schema_migrations || version < 1 ||
	    version >= (int)(sizeof schema_digests / sizeof schema_digests[0]) ||
	    schema_digests[version] == NULL)
		return 0;
	schema_digest(have, hex);
	return strcmp(hex, schema_digests[version]) == 0;
}

int
store_schema_digests(char *msg, size_t n)
{
	const int count = (int)(sizeof schema_digests / sizeof schema_digests[0]);
	const struct schema *sc;
	char hex[65];
	int v;

	for (v = 1; v <= schema_migration_count; v++) {
		if ((sc = schema_expected(v)) == NULL) {
			snprintf(msg, n, "version %d does not build", v);
			return -1;
		}
		schema_digest(sc, hex);
		if (v >= count || schema_digests[v] == NULL ||
		    strcmp(hex, schema_digests[v]) != 0) {
			snprintf(msg, n, "schema_digests[%d] in src/store.c "
			    "must be \"%s\"", v, hex);
			return -1;
		}
	}
	return 0;
}

/* The schema the authorizer allows: the handle keeps it. */
static void
schema_keep(struct store *st, struct schema *sc)
{
	schema_free(st->schema_own);
	st->schema_own = sc;
	st->schema = sc;
}

/*
 * Compares the journal's schema with runlog's at version, exactly: every
 * table, column, index, trigger and view, as SQL text. -1 with a message
 * naming the first difference.
 */
static int
schema_compare(struct store *st, const struct schema *have,
    const struct schema *want, int version)
{
	size_t i = 0, j = 0, ours = 0;
	int c;

	for (i = 0; i < have->n; i++)
		if (strcmp(have->o[i].type, "table") == 0 &&
		    schema_has(want, "table", have->o[i].name))
			ours++;
	if (ours == 0 && have->n > 0) {
		err_set("%s: not a runlog journal (an SQLite database with other "
		    "tables in it); it was left untouched", st->path);
		return -1;
	}
	for (i = 0; i < have->n || j < want->n; ) {
		c = i == have->n ? 1 : j == want->n ? -1 :
		    obj_cmp(&have->o[i], &want->o[j]);
		if (c < 0) {
			err_set("%s: the journal has an extra %s '%.60s' that "
			    "runlog did not create; it was left untouched",
			    st->path, have->o[i].type, have->o[i].name);
			return -1;
		}
		if (c > 0) {
			err_set("%s: the journal lacks the %s '%s' of runlog's "
			    "version %d; it was left untouched", st->path,
			    want->o[j].type, want->o[j].name, version);
			return -1;
		}
		if (strcmp(have->o[i].tbl, want->o[j].tbl) != 0 ||
		    !same_text(have->o[i].sql, want->o[j].sql)) {
			err_set("%s: %s %s differs from runlog's version %d; "
			    "it was left untouched", st->path, want->o[j].type,
			    want->o[j].name, version);
			return -1;
		}
		i++;
		j++;
	}
	return 0;
}

/* --- checks that only read --------------------------------------------- */

/* The first row of a one-column query, into out; -1 on error. */
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
 * PRAGMA quick_check: every page and b-tree of the file is read, so it
 * costs time in proportion to the journal's size (some 50 ms for 50
 * years): before a journal is first written or migrated in a process, and
 * by store_verify(), not on every read.
 */
static int
quick_check(struct store *st)
{
	char v[256];

	if (query_text(st->db, "PRAGMA quick_check", v, sizeof v) != 0)
		return db_fail(st, "cannot read the journal");
	if (strcmp(v, "ok") != 0) {
		text_sanitize(v);   /* one line: the report has line breaks */
		err_set("%s: the journal is damaged (%.120s); it was left "
		    "untouched: restore a copy made with runlog backup",
		    st->path, v);
		return -1;
	}
	return 0;
}

int
store_verify(struct store *st)
{
	return quick_check(st);
}

/* The file last checked whole in this process: checked once. */
static dev_t checked_dev;
static ino_t checked_ino;
static int checked;

static int
quick_check_once(struct store *st, const char *real)
{
	struct stat sb;

	if (stat(real, &sb) == 0 && checked && sb.st_dev == checked_dev &&
	    sb.st_ino == checked_ino)
		return 0;
	if (quick_check(st) != 0)
		return -1;
	if (stat(real, &sb) == 0) {
		checked = 1;
		checked_dev = sb.st_dev;
		checked_ino = sb.st_ino;
	}
	return 0;
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

/*
 * The journal's version, refused unless this runlog knows it and the
 * schema is exactly the one of that version. *version is 0 for an empty
 * database (a new journal).
 */
static int
check_version_schema(struct store *st, int *version)
{
	const struct schema *want;
	struct schema *have;

	if (read_user_version(st, version) != 0)
		return -1;
	if (*version > store_latest_version()) {
		err_set("%s: written by a newer runlog (journal version %d, this "
		    "runlog reads up to %d); it was left untouched", st->path,
		    *version, store_latest_version());
		return -1;
	}
	if (*version < 0) {
		err_set("%s: not a runlog journal (version %d); it was left "
		    "untouched", st->path, *version);
		return -1;
	}
	if ((have = schema_read(st->db)) == NULL)
		return db_fail(st, "cannot read the journal's schema");
	if (!schema_known(have, *version)) {
		if ((want = schema_expected(*version)) == NULL) {
			err_set("%s: cannot build the schema of version %d: %s",
			    st->path, *version, err_get());
			schema_free(have);
			return -1;
		}
		if (schema_compare(st, have, want, *version) != 0) {
			schema_free(have);
			return -1;
		}
	}
	schema_keep(st, have);
	return 0;
}

/* The path as an SQLite URI, every byte outside a safe set escaped. */
static char *
uri_of(const char *real, const char *params)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(real), i;
	char *u = xmalloc(5 + 3 * n + strlen(params) + 1), *w = u;

	memcpy(w, "file:", 5);
	w += 5;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)real[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("/-._~", c) != NULL) {
			*w++ = (char)c;
		} else {
			*w++ = '%';
			*w++ = hex[c >> 4];
			*w++ = hex[c & 15];
		}
	}
	strcpy(w, params);
	return u;
}

#ifndef F_OFD_SETLK
#define F_OFD_SETLK F_SETLK
#endif
#define SHARED_FIRST (0x40000000 + 2)   /* SQLite's shared-lock bytes */
#define SHARED_SIZE  510

/*
 * Holds a read lock where SQLite keeps its shared lock: a writer that
 * finishes while this read is under way then leaves its changes in the
 * -wal file rather than copying them into the file being read.
 */
static int
hold_read_lock(struct store *st, const char *real)
{
	struct flock fl;
	int tries;

	st->lock_fd = open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (st->lock_fd < 0)
		return -1;
	for (tries = 0; tries < 500; tries++) {
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_RDLCK;
		fl.l_whence = SEEK_SET;
		fl.l_start = SHARED_FIRST;
		fl.l_len = SHARED_SIZE;
		if (fcntl(st->lock_fd, F_OFD_SETLK, &fl) == 0)
			return 0;
		if (errno != EAGAIN && errno != EACCES && errno != EINTR)
			break;
		usleep(20000);
	}
	close(st->lock_fd);
	st->lock_fd = -1;
	return -1;
}

/*
 * A read-only connection that creates no file and writes nothing:
 * - a WAL journal with no -wal file beside it (closed cleanly, the usual
 *   case) is read as immutable, holding SQLite's shared lock meanwhile,
 *   so no -wal or -shm file is made, even in a read-only directory;
 * - one with a -wal file is read through it, and a -shm file is never
 *   created except by the journal's owner (another user's -shm would
 *   keep the owner from writing);
 * - a rollback journal (a backup, an older copy) is read as it is.
 */
static int
open_read_only(struct store *st, const char *real, int mode)
{
	char *wal = xasprintf("%s-wal", real), *uri;
	const char *params = "?mode=ro";
	struct stat sb;
	int rc;

	if (mode == 2 && lstat(wal, &sb) != 0 && errno == ENOENT &&
	    hold_read_lock(st, real) == 0) {
		if (lstat(wal, &sb) != 0 && errno == ENOENT)
			params = "?mode=ro&immutable=1";
		else {
			close(st->lock_fd);
			st->lock_fd = -1;
		}
	}
	if (mode == 2 && st->lock_fd < 0 && (stat(real, &sb) != 0 ||
	    sb.st_uid != geteuid()))
		params = "?mode=ro&readonly_shm=1";
	free(wal);
	uri = uri_of(real, params);
	rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		err_set("%s: cannot read the journal (%s); it was left untouched",
		    st->path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
		return -1;
	}
	if (guard(st) != 0)
		return -1;
	/* Sorts and temporary tables stay in memory: nothing of the journal
	 * is written anywhere. */
	return db_exec(st, "PRAGMA temp_store = MEMORY");
}

/* --- upgrading ---------------------------------------------------------- */

/*
 * "INSERT INTO t ("c1", "c2") VALUES (?, ?)" for the columns of src, whose
 * names come from a schema already checked to be runlog's; NULL if odd.
 */
static char *
insert_like(const char *t, sqlite3_stmt *src)
{
	int n = sqlite3_column_count(src), i;
	size_t len = strlen(t) + 32;
	char *sql, *w;

	for (i = 0; i < n; i++) {
		const char *c = sqlite3_column_name(src, i);

		if (c == NULL || strchr(c, '"') != NULL)
			return NULL;
		len += strlen(c) + 8;
	}
	sql = xmalloc(len);
	w = sql + sprintf(sql, "INSERT INTO %s (", t);
	for (i = 0; i < n; i++)
		w += sprintf(w, "%s\"%s\"", i ? ", " : "",
		    sqlite3_column_name(src, i));
	w += sprintf(w, ") VALUES (");
	for (i = 0; i < n; i++)
		w += sprintf(w, "%s?", i ? ", " : "");
	strcpy(w, ")");
	return sql;
}

/*
 * Tries every row of one entry table, read from the journal, against the
 * newest schema (in memory): -1 naming the table and id of the first row
 * its checks refuse.
 */
static int
table_fits(struct store *st, sqlite3 *mem, enum entry_kind k)
{
	const char *t = entry_descs[k].table;
	char *sql = xasprintf("SELECT * FROM %s ORDER BY id", t), *ins = NULL;
	sqlite3_stmt *src = NULL, *dst = NULL;
	int n, i, rc = -1, step;

	if (sqlite3_prepare_v2(st->db, sql, -1, &src, NULL) != SQLITE_OK) {
		db_fail(st, "cannot read the journal");
		goto out;
	}
	n = sqlite3_column_count(src);
	if ((ins = insert_like(t, src)) == NULL ||
	    sqlite3_prepare_v2(mem, ins, -1, &dst, NULL) != SQLITE_OK) {
		err_set("%s: cannot upgrade the journal: %s", st->path,
		    sqlite3_errmsg(mem));
		goto out;
	}
	while ((step = sqlite3_step(src)) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			sqlite3_bind_value(dst, i + 1, sqlite3_column_value(src, i));
		if (sqlite3_step(dst) != SQLITE_DONE) {
			err_set("%s: cannot upgrade the journal to version %d: "
			    "%s %c%lld does not meet its rules (%s); correct or "
			    "remove that row, or restore a backup; the journal was "
			    "left untouched", st->path, store_latest_version(), t,
			    entry_kind_letter(k),
			    (long long)sqlite3_column_int64(src, 0),
			    sqlite3_errmsg(mem));
			goto out;
		}
		sqlite3_reset(dst);
	}
	if (step != SQLITE_DONE) {
		db_fail(st, "cannot read the journal");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(src);
	sqlite3_finalize(dst);
	free(sql);
	free(ins);
	return rc;
}

/*
 * Before an upgrade, while the journal is still open read-only: every
 * entry must fit the newest schema's checks, so that a row they refuse is
 * named and nothing is copied or written.
 */
static int
rows_fit(struct store *st)
{
	sqlite3 *mem = memory_at(store_latest_version());
	int k, rc = 0;

	if (mem == NULL) {
		err_set("%s: cannot build the newest schema: %s", st->path,
		    err_get());
		return -1;
	}
	sqlite3_exec(mem, "BEGIN", NULL, NULL, NULL);
	for (k = 0; k < ENTRY_KIND_COUNT && rc == 0; k++)
		if (schema_has(st->schema, "table", entry_descs[k].table))
			rc = table_fits(st, mem, (enum entry_kind)k);
	sqlite3_close(mem);
	return rc;
}

/* Copies the journal aside before migrating it: PATH.vN.bak. */
static int
backup_before_migrate(struct store *st, int version)
{
	char *dest = xasprintf("%s.v%d.bak", st->path, version);
	sqlite3 *out = NULL;
	sqlite3_backup *b;
	int rc = -1, fd;

	fd = open(dest, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd >= 0) {
		fchmod(fd, 0600);
		close(fd);
	}
	if (fd >= 0 && sqlite3_open_v2(dest, &out, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK &&
	    (b = sqlite3_backup_init(out, "main", st->db, "main")) != NULL) {
		sqlite3_backup_step(b, -1);
		if (sqlite3_backup_finish(b) == SQLITE_OK)
			rc = 0;
	}
	if (rc != 0)
		err_set("cannot write the copy %s before upgrading the journal: "
		    "%s; the journal was left untouched", dest, fd < 0 ?
		    strerror(errno) : out ? sqlite3_errmsg(out) : "out of memory");
	else
		store_warn(st, "upgrading the journal from version %d to %d; a "
		    "copy of the old one is in %s", version,
		    store_latest_version(), dest);
	sqlite3_close(out);
	free(dest);
	return rc;
}

/*
 * Applies the migrations after the journal's version, in one transaction;
 * with keep, that transaction is left open (an empty file's first schema,
 * committed with the first change: see store_abandon()).
 */
static int
migrate(struct store *st, int keep)
{
	int version, i;
	char sql[64];

	if (db_exec(st, "BEGIN IMMEDIATE") != 0)
		return -1;
	st->migrating = 1;
	/* Read again inside the lock: another runlog may have just migrated. */
	if (read_user_version(st, &version) != 0)
		goto fail;
	for (i = version; i < store_latest_version(); i++)
		if (db_exec(st, migrations[i]) != 0)
			goto fail;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    store_latest_version());
	if (db_exec(st, sql) != 0 || (!keep && db_exec(st, "COMMIT") != 0))
		goto fail;
	st->migrating = 0;
	st->init_open = keep;
	schema_keep(st, schema_read(st->db));
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->migrating = 0;
	return -1;
}


/* --- opening ------------------------------------------------------------ */

static struct store *
store_new(const char *path)
{
	static int configured;
	struct store *st;

	/*
	 * Before SQLite starts, once: no count of its memory (nothing reads
	 * it), which otherwise takes a global mutex on every allocation.
	 * Refused harmlessly when SQLite has already started.
	 */
	if (!configured) {
		configured = 1;
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	}
	st = xcalloc(1, sizeof *st);

	st->path = xstrdup(path);
	st->lock_fd = -1;
	return st;
}

/* Warns when others may read the journal: it is health data. */
static void
warn_if_shared(struct store *st, const char *real)
{
	struct stat sb;

	if (stat(real, &sb) == 0 && (sb.st_mode & 077) != 0)
		store_warn(st, "warning: %s can be read by other users (mode "
		    "%03o); 'chmod 600 %s' makes it private", st->path,
		    (unsigned)(sb.st_mode & 0777), st->path);
}

/*
 * An empty journal of the current version in memory: what a read of a
 * journal that does not exist yet (or is an empty file) sees.
 */
static int
open_empty(struct store *st)
{
	if (sqlite3_open_v2(":memory:", &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		return db_fail(st, "cannot open");
	return guard(st) != 0 || migrate(st, 0) != 0 ? -1 : 0;
}

int
store_open_read(const char *path, struct store **out)
{
	struct store *st;
	char *real = NULL;
	off_t size;
	int mode, version;

	*out = NULL;
	if (journal_path(path, &real, &size) != 0)
		return -1;
	st = store_new(path);
	if (real == NULL || size == 0) {
		free(real);
		if (open_empty(st) != 0) {
			store_close(st);
			return -1;
		}
		*out = st;
		return 0;
	}
	if ((mode = read_header(path, real)) < 0)
		goto fail;
	if (mode == 0) {
		if (open_empty(st) != 0)
			goto fail;
	} else if (open_read_only(st, real, mode) != 0 ||
	    check_version_schema(st, &version) != 0) {
		goto fail;
	} else if (version == 0) {
		/* An SQLite file with nothing in it yet: a new journal. */
		sqlite3_close(st->db);
		st->db = NULL;
		if (open_empty(st) != 0)
			goto fail;
	}
	warn_if_shared(st, real);
	free(real);
	*out = st;
	return 0;
fail:
	free(real);
	store_close(st);
	return -1;
}

int
store_open_memory(struct store **out)
{
	struct store *st = store_new(":memory:");

	if (open_empty(st) != 0) {
		store_close(st);
		*out = NULL;
		return -1;
	}
	*out = st;
	return 0;
}

/*
 * Looks at an existing journal through a read-only connection before
 * anything may write to it: version, schema, the whole file (once per
 * process) and, before an upgrade, every row. Nothing is written to a
 * file refused here, not even a switch of its journal mode.
 */
static int
inspect(struct store *st, const char *real, int mode)
{
	int version, rc = -1;

	if (open_read_only(st, real, mode) != 0 ||
	    check_version_schema(st, &version) != 0)
		goto out;
	if (version > 0 && quick_check_once(st, real) != 0)
		goto out;
	if (version > 0 && version < store_latest_version() &&
	    rows_fit(st) != 0)
		goto out;
	rc = 0;
out:
	sqlite3_close(st->db);
	st->db = NULL;
	if (st->lock_fd >= 0)
		close(st->lock_fd);
	st->lock_fd = -1;
	return rc;
}

/*
 * A journal in a directory that cannot be written (or on a read-only
 * mount) can be read but not written: SQLite needs its -wal file beside
 * it. Said plainly, before SQLite's "readonly database".
 */
static int
check_writable(struct store *st, const char *real)
{
	char *dir = path_dir(real);
	const char *what = NULL;

	if (access(real, W_OK) != 0)
		what = st->path;
	else if (access(dir, W_OK | X_OK) != 0)
		what = dir;
	if (what != NULL)
		err_set("%s: cannot write to the journal (%s: %s); the commands "
		    "that only read it still work", st->path, what,
		    strerror(errno));
	free(dir);
	return what != NULL ? -1 : 0;
}

/*
 * Changes reach the file itself only when the last connection closes,
 * which waits for no reader holding the shared lock: a read that began
 * while there was no -wal file (read as immutable) never sees the file
 * change under it, even during a long import.
 */
static int
wal_switch(struct store *st)
{
	st->wal_pending = 0;
	return db_exec(st, "PRAGMA journal_mode = WAL") != 0 ||
	    db_exec(st, "PRAGMA wal_autocheckpoint = 0") != 0 ? -1 : 0;
}

int
store_init_open(struct store *st)
{
	if (st->init_open && (st->db == NULL || sqlite3_get_autocommit(st->db)))
		st->init_open = 0;
	return st->init_open;
}

int
tx_begin(struct store *st)
{
	/* Inside an empty file's first transaction a change is a savepoint:
	 * one that fails is rolled back to it, the schema stays. */
	return db_exec(st, store_init_open(st) ? "SAVEPOINT change" :
	    "BEGIN IMMEDIATE");
}

void
tx_rollback(struct store *st)
{
	if (store_init_open(st))
		sqlite3_exec(st->db, "ROLLBACK TO change; RELEASE change", NULL,
		    NULL, NULL);
	else
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

void
store_abandon(struct store *st)
{
	if (st != NULL && st->init_open) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		st->init_open = 0;
	}
}

void
store_settle(struct store *st)
{
	if (st != NULL && store_init_open(st) && sqlite3_exec(st->db, "COMMIT",
	    NULL, NULL, NULL) == SQLITE_OK)
		store_committed(st);
}

void
store_committed(struct store *st)
{
	/* The change is in: a switch that fails (a reader holds the file)
	 * is tried again by the next command, and fails nothing now. */
	if (st->wal_pending && sqlite3_exec(st->db, "PRAGMA journal_mode = WAL",
	    NULL, NULL, NULL) == SQLITE_OK)
		sqlite3_exec(st->db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL,
		    NULL);
	st->wal_pending = 0;
	st->init_open = 0;
}

/* The connection that writes, once inspect() has passed. */
static int
open_write(struct store *st, const char *real)
{
	char jm[16];
	int version;

	if (check_writable(st, real) != 0)
		return -1;
	if (sqlite3_open_v2(real, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		return db_fail(st, "cannot open the journal for writing");
	if (guard(st) != 0 || check_version_schema(st, &version) != 0)
		return -1;
	if (version > 0 && version < store_latest_version() &&
	    backup_before_migrate(st, version) != 0)
		return -1;
	/* Sorts and temporary tables stay in memory: nothing of the journal
	 * is written outside its directory. */
	if (db_exec(st, "PRAGMA temp_store = MEMORY") != 0 ||
	    db_exec(st, "PRAGMA synchronous = FULL") != 0 ||
	    db_exec(st, "PRAGMA foreign_keys = ON") != 0)
		return -1;
	/* Migrated before the switch to WAL: a refused upgrade is rolled back
	 * and leaves a rollback-mode file exactly as it was. */
	if (version < store_latest_version()) {
		/* An empty file: its schema commits with the first change,
		 * so a command that fails leaves it empty. */
		if (migrate(st, version == 0) != 0)
			return -1;
		if (version == 0) {
			st->wal_pending = 1;
			return 0;
		}
		return wal_switch(st);
	}
	/* A file in rollback mode stays in it until a change has committed:
	 * a command that fails, even on damage quick_check did not see,
	 * then leaves it byte for byte as it was. */
	if (query_text(st->db, "PRAGMA journal_mode", jm, sizeof jm) != 0)
		return db_fail(st, "cannot open the journal for writing");
	if (strcmp(jm, "wal") != 0) {
		st->wal_pending = 1;
		return 0;
	}
	return wal_switch(st);
}

int
store_open(const char *path, struct store **out)
{
	struct store *st;
	char *real = NULL;
	off_t size;
	int mode = 0;

	*out = NULL;
	if (journal_path(path, &real, &size) != 0)
		return -1;
	st = store_new(path);
	if (real == NULL) {
		int rc = create_file(path, &real);

		if (rc < 0)
			goto fail;
		/* Lost the race to create it: open the other process's. */
		if (rc == 1 && journal_path(path, &real, &size) != 0)
			goto fail;
		if (rc == 1 && real == NULL) {
			err_set("%s: created and removed by another process "
			    "meanwhile; try again", path);
			goto fail;
		}
	}
	if (size >= 0 && (mode = read_header(path, real)) < 0) {
		goto fail;
	}
	if (mode > 0 && inspect(st, real, mode) != 0)
		goto fail;
	if (open_write(st, real) != 0)
		goto fail;
	warn_if_shared(st, real);
	free(real);
	*out = st;
	return 0;
fail:
	free(real);
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
	if (store_init_open(st) && sqlite3_exec(st->db, "COMMIT", NULL, NULL,
	    NULL) == SQLITE_OK)
		store_committed(st);
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	if (st->lock_fd >= 0)
		close(st->lock_fd);
	schema_free(st->schema_own);
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
