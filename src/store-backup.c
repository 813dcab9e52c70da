/*
 * store-backup: a consistent copy of the journal, whole or not at all.
 *
 * The journal is checked first (PRAGMA quick_check, and runlog's own tables
 * must be there), so a damaged file or another program's database is never
 * passed off as a backup. The copy is made with SQLite's online backup API,
 * a few pages at a time, so that it works while the UI or another runlog is
 * writing: a step that finds the journal busy is retried, and a copy that
 * another writer keeps restarting falls back to one step inside a single
 * read transaction (in WAL mode a reader never blocks a writer). The copy
 * goes to a hidden temporary file beside the destination (mode 0600 from
 * mkstemp, whatever the umask), registered with cleanup_add() together with
 * the files SQLite may put beside it, so that neither an error, a full disk
 * nor a signal leaves one behind. It is checked, synced, and only then
 * renamed over the destination.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store-int.h"
#include "util.h"

#define BACKUP_PAGES_PER_STEP 64
#define BACKUP_BUSY_SLEEP_MS  20
#define BACKUP_BUSY_MAX_MS    30000   /* give up after this long busy */

/* The files SQLite may create beside the copy while it writes it. */
static const char *const side_files[] = { "", "-journal", "-wal", "-shm" };
#define SIDE_FILES (sizeof side_files / sizeof side_files[0])

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* The reason a write failed, in words the user can act on; dst may be
 * NULL, then rc (an SQLite code, or -1 for errno) says what failed. */
static void
copy_error(sqlite3 *dst, int rc, const char *dir)
{
	int code = (dst != NULL ? sqlite3_errcode(dst) : rc) & 0xff;

	if (code == SQLITE_FULL || (rc == -1 && errno == ENOSPC))
		err_set("the disk is full: no room for the copy in %s", dir);
	else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		err_set("the journal stayed busy for %d s; try again",
		    BACKUP_BUSY_MAX_MS / 1000);
	else if (rc == -1)
		err_set("%s", strerror(errno));
	else
		err_set("%s", dst != NULL ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
}

/* Copies src into dst page by page; 0 or -1 with err_set(). */
static int
copy_pages(sqlite3 *src, sqlite3 *dst, const char *dir)
{
	sqlite3_backup *b;
	long busy_ms = 0;
	int rc, steps = 0, budget = -1;

	if ((b = sqlite3_backup_init(dst, "main", src, "main")) == NULL) {
		copy_error(dst, SQLITE_ERROR, dir);
		return -1;
	}
	for (;;) {
		/* Once another writer has restarted the copy too often, take
		 * the rest in one step, inside one read transaction. */
		int n = budget >= 0 && steps > budget ? -1 : BACKUP_PAGES_PER_STEP;

		rc = sqlite3_backup_step(b, n);
		if (budget < 0 && sqlite3_backup_pagecount(b) > 0)
			budget = 4 * (sqlite3_backup_pagecount(b) /
			    BACKUP_PAGES_PER_STEP + 1) + 16;
		if (rc == SQLITE_DONE)
			break;
		if (rc == SQLITE_OK) {
			steps++;
			continue;
		}
		if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
		    busy_ms < BACKUP_BUSY_MAX_MS) {
			sleep_ms(BACKUP_BUSY_SLEEP_MS);
			busy_ms += BACKUP_BUSY_SLEEP_MS;
			continue;
		}
		break;
	}
	if (sqlite3_backup_finish(b) != SQLITE_OK || rc != SQLITE_DONE) {
		copy_error(rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? NULL : dst,
		    rc, dir);
		return -1;
	}
	return 0;
}

/* PRAGMA quick_check on db; 0 when it says ok. */
static int
quick_ok(sqlite3 *db)
{
	sqlite3_stmt *s;
	int ok = 0;

	if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL &&
	    strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0)
		ok = 1;
	sqlite3_finalize(s);
	return ok ? 0 : -1;
}

/* Writes the copy to tmp (an empty file); 0 or -1 with err_set(). */
static int
write_copy(sqlite3 *src, const char *tmp, const char *dir)
{
	sqlite3 *dst = NULL;
	int rc = -1, orc;

	orc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL);
	if (orc != SQLITE_OK) {
		copy_error(dst, orc, dir);
		goto out;
	}
	sqlite3_extended_result_codes(dst, 1);
	sqlite3_busy_timeout(dst, 1000);
	if (copy_pages(src, dst, dir) != 0)
		goto out;
	if (quick_ok(dst) != 0) {
		err_set("the copy failed its integrity check");
		goto out;
	}
	/* A copy that stands alone: no WAL file needed beside it. */
	if (sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL,
	    NULL) != SQLITE_OK) {
		copy_error(dst, SQLITE_ERROR, dir);
		goto out;
	}
	rc = 0;
out:
	if (sqlite3_close(dst) != SQLITE_OK && rc == 0) {
		err_set("cannot close the copy");
		rc = -1;
	}
	return rc;
}

static int
fsync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Forgets (and with do_unlink removes) the copy and the files beside it. */
static void
forget_tmp(const char *tmp, int do_unlink)
{
	size_t i;

	for (i = 0; i < SIDE_FILES; i++) {
		char *p = xasprintf("%s%s", tmp, side_files[i]);
		cleanup_remove(p, do_unlink);
		free(p);
	}
}

/*
 * Creates the empty temporary file and registers it and its side files
 * for removal, with the signals that remove them held off in between, so
 * no moment exists when the file is there and nobody would remove it.
 */
static int
make_tmp(char *tmp, const char *dir)
{
	sigset_t all, old;
	size_t i;
	int fd, rc = 0;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	if ((fd = mkstemp(tmp)) < 0) {
		err_set("cannot write in %s: %s", dir, strerror(errno));
		rc = -1;
	}
	for (i = 0; i < SIDE_FILES && rc == 0; i++) {
		char *p = xasprintf("%s%s", tmp, side_files[i]);
		rc = cleanup_add(p);
		free(p);
	}
	if (fd >= 0) {
		fchmod(fd, 0600);   /* whatever the umask */
		close(fd);
		if (rc != 0) {
			forget_tmp(tmp, 1);
			unlink(tmp);
		}
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}

/* Refuses a database that lacks runlog's tables: another program's. */
static int
is_journal(struct store *st)
{
	static const char *const need[] = { "run", "sleep", "drink", "checkin",
	    "rest", "undo_group", "undo_log", "undo_state" };
	sqlite3_stmt *s;
	size_t i;
	int found = 0;

	if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM sqlite_master WHERE "
	    "type = 'table' AND name = ?", -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "read");
	for (i = 0; i < sizeof need / sizeof need[0]; i++) {
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, need[i], -1, SQLITE_STATIC);
		found += sqlite3_step(s) == SQLITE_ROW;
	}
	sqlite3_finalize(s);
	if ((size_t)found != sizeof need / sizeof need[0] ||
	    store_schema_version(st) != store_latest_version()) {
		err_set("%s: not a runlog journal (its tables are not runlog's); "
		    "no copy was made", st->path);
		return -1;
	}
	return 0;
}

int
store_backup(struct store *st, const char *dest, int64_t *entries)
{
	char *dir = path_dir(dest), *tmp;
	int64_t n;
	int rc = -1;

	if (store_verify(st) != 0 || is_journal(st) != 0 ||
	    (n = store_count(st, ENTRY_KIND_COUNT)) < 0) {
		free(dir);
		return -1;
	}
	tmp = xasprintf("%s/.%s.runlog-backup.XXXXXX", dir, path_base(dest));
	if (make_tmp(tmp, dir) != 0)
		goto out;
	if (write_copy(st->db, tmp, dir) != 0)
		goto drop;
	if (fsync_path(tmp, O_RDONLY) != 0) {
		copy_error(NULL, -1, dir);
		goto drop;
	}
	if (rename(tmp, dest) != 0) {
		err_set("cannot put the copy in place: %s", strerror(errno));
		goto drop;
	}
	forget_tmp(tmp, 0);
	fsync_path(dir, O_RDONLY | O_DIRECTORY);
	if (entries != NULL)
		*entries = n;
	rc = 0;
	goto out;
drop:
	forget_tmp(tmp, 1);
out:
	free(tmp);
	free(dir);
	return rc;
}
