/*
 * cmd-backup: runlog backup FILE, a consistent copy of the journal.
 *
 * The copy is made with SQLite's online backup API, a few pages at a time,
 * so that it works while the UI or another runlog is writing: a step that
 * finds the journal busy is retried, and a copy that another writer keeps
 * restarting falls back to one step inside a single read transaction (in
 * WAL mode a reader never blocks a writer). The copy goes to a temporary
 * file beside FILE (mode 0600 from mkstemp, whatever the umask), is checked
 * with PRAGMA quick_check and synced, and only then renamed over FILE, so
 * FILE is either the old file or a whole new copy, never half of one.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "util.h"

#define BACKUP_PAGES_PER_STEP 64
#define BACKUP_BUSY_SLEEP_MS  20
#define BACKUP_BUSY_MAX_MS    30000   /* give up after this long busy */

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Copies src into dst page by page; 0 or -1 with err_set(). */
static int
copy_pages(sqlite3 *src, sqlite3 *dst)
{
	sqlite3_backup *b;
	long busy_ms = 0;
	int rc, steps = 0, budget;

	b = sqlite3_backup_init(dst, "main", src, "main");
	if (b == NULL) {
		err_set("%s", sqlite3_errmsg(dst));
		return -1;
	}
	budget = -1;
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
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			if (busy_ms >= BACKUP_BUSY_MAX_MS)
				break;
			sleep_ms(BACKUP_BUSY_SLEEP_MS);
			busy_ms += BACKUP_BUSY_SLEEP_MS;
			continue;
		}
		break;
	}
	if (sqlite3_backup_finish(b) != SQLITE_OK || rc != SQLITE_DONE) {
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			err_set("the journal stayed busy for %d s; try again",
			    BACKUP_BUSY_MAX_MS / 1000);
		else
			err_set("%s", sqlite3_errmsg(dst));
		return -1;
	}
	return 0;
}

/* PRAGMA quick_check on the finished copy; 0 when it says ok. */
static int
verify_copy(sqlite3 *dst)
{
	sqlite3_stmt *s;
	int ok = 0;

	if (sqlite3_prepare_v2(dst, "PRAGMA quick_check", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW &&
	    strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0)
		ok = 1;
	sqlite3_finalize(s);
	if (!ok) {
		err_set("the copy failed its integrity check");
		return -1;
	}
	return 0;
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

/* Writes the copy to tmp (an empty file); 0 or -1 with err_set(). */
static int
write_copy(sqlite3 *src, const char *tmp)
{
	sqlite3 *dst = NULL;
	int rc = -1;

	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		err_set("%s", dst ? sqlite3_errmsg(dst) : "out of memory");
		goto out;
	}
	sqlite3_busy_timeout(dst, 1000);
	if (copy_pages(src, dst) != 0 || verify_copy(dst) != 0)
		goto out;
	/* A copy that stands alone: no WAL file needed beside it. */
	if (sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL,
	    NULL) != SQLITE_OK) {
		err_set("%s", sqlite3_errmsg(dst));
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

static const struct opt backup_opts[] = { { NULL, 0, 0 } };

int
cmd_backup(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct store *st;
	struct stat sb;
	char *dir = NULL, *tmp = NULL;
	const char *dest;
	int rc, fd;

	if ((rc = cli_parse(ctx, argc, argv, backup_opts, &o)) != 0)
		return rc;
	if (o.npos != 1)
		return cli_usage("backup", o.npos == 0 ? "missing FILE" :
		    "unexpected argument '%.40s'", o.npos ? o.pos[1] : "");
	dest = o.pos[0];
	if (*dest == '\0')
		return cli_usage("backup", "FILE is empty");
	/* Never create an empty journal just to back it up. */
	if (stat(ctx->db_path, &sb) != 0) {
		fprintf(stderr, "runlog: backup: no journal at %s: %s\n",
		    ctx->db_path, strerror(errno));
		return 1;
	}
	if (cli_not_journal(ctx, "backup", dest) != 0)
		return 1;
	if ((st = cli_store(ctx)) == NULL)
		return 1;
	if (store_verify(st) != 0)
		return cli_fail("backup");

	dir = path_dir(dest);
	tmp = xasprintf("%s/.%s.runlog-backup.XXXXXX", dir, path_base(dest));
	fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "runlog: backup %s: cannot write in %s: %s\n",
		    dest, dir, strerror(errno));
		rc = 1;
		goto out;
	}
	fchmod(fd, 0600);
	close(fd);
	if (write_copy(store_db(st), tmp) != 0) {
		fprintf(stderr, "runlog: backup %s: %s\n", dest, err_get());
		unlink(tmp);
		rc = 1;
		goto out;
	}
	if (fsync_path(tmp, O_RDONLY) != 0 || rename(tmp, dest) != 0) {
		fprintf(stderr, "runlog: backup %s: %s\n", dest, strerror(errno));
		unlink(tmp);
		rc = 1;
		goto out;
	}
	fsync_path(dir, O_RDONLY | O_DIRECTORY);
	{
		int64_t n = store_count(st, ENTRY_KIND_COUNT);
		printf("Backed up %" PRId64 " %s from %s to %s.\n", n,
		    n == 1 ? "entry" : "entries", store_path(st), dest);
	}
	rc = 0;
out:
	free(tmp);
	free(dir);
	return rc;
}
