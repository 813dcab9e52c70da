/*
 * The whole read path on a journal file nobody vouches for: the input is
 * written to a temporary file and opened as a read command opens a
 * journal, verified, every kind of entry loaded over the journal's span,
 * and the analysis series built over its last weeks with every rule run
 * on every day and every flag formatted. A damaged or hostile file may be
 * refused, never crash, leak or hang. The seeds (corpus/journal/) are
 * small valid journals; libFuzzer mutates their bytes.
 */
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include "fuzz.h"
#include "analysis.h"
#include "series.h"
#include "store.h"

/*
 * A read command opens the journal read-only (store_open_read) where the
 * store offers that; before it did, with store_open. Weak, so that this
 * target builds and runs against either.
 */
int store_open_read(const char *path, struct store **out);
#pragma weak store_open_read

/* Days analysed, back from the journal's last day: the span of a damaged
 * file may be thousands of years. */
#define FUZZ_DAYS 120

static char fuzz_dir[64], fuzz_path[96];

/* Removes every file of the scratch directory: the journal, its -wal,
 * -shm or -journal, and any copy an upgrade kept. */
static void
fuzz_cleanup(void)
{
	char p[sizeof fuzz_dir + 260];
	struct dirent *de;
	DIR *d;

	if ((d = opendir(fuzz_dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", fuzz_dir, de->d_name);
		unlink(p);
	}
	closedir(d);
}

static void
fuzz_rmdir(void)
{
	fuzz_cleanup();
	rmdir(fuzz_dir);
}

static void
fuzz_analyse(struct store *st, int first, int last)
{
	struct an_params p;
	struct series se;
	struct an_flag f[AN_FLAGS_MAX];
	char buf[256];
	int from, d, n, i;

	an_params_defaults(&p);
	from = last - FUZZ_DAYS < first ? first : last - FUZZ_DAYS;
	if (from > last || series_load(st, from, last, &p, &se) != 0)
		return;
	for (d = from; d <= last; d++) {
		FUZZ_CHECK(series_day(&se, d) != NULL);
		n = series_flags(&se, &p, d, f);
		FUZZ_CHECK(n >= 0 && n <= AN_FLAGS_MAX);
		for (i = 0; i < n; i++) {
			an_flag_reason(&f[i], UNIT_KM, UNIT_L, buf, sizeof buf);
			an_flag_value(&f[i], buf, sizeof buf);
			an_flag_threshold(&f[i], buf, sizeof buf);
			FUZZ_CHECK(an_flag_advice(&f[i]) != NULL);
		}
	}
	series_free(&se);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store *st;
	struct entries e;
	int fd, first, last;

	if (fuzz_dir[0] == '\0') {
		setenv("RUNLOG_TODAY", "2026-11-25", 1);
		setenv("TZ", "UTC", 1);
		snprintf(fuzz_dir, sizeof fuzz_dir, "%s/runlog-fuzz-XXXXXX",
		    getenv("TMPDIR") != NULL && strlen(getenv("TMPDIR")) < 32 ?
		    getenv("TMPDIR") : "/tmp");
		if (mkdtemp(fuzz_dir) == NULL)
			abort();
		snprintf(fuzz_path, sizeof fuzz_path, "%s/journal.db", fuzz_dir);
		atexit(fuzz_rmdir);
	}
	fuzz_cleanup();
	/* 0600, as runlog keeps a journal: no warning about its mode. */
	if ((fd = open(fuzz_path, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0)
		abort();
	if (size > 0 && write(fd, data, size) != (ssize_t)size)
		abort();
	if (close(fd) != 0)
		abort();

	if ((store_open_read != NULL ? store_open_read(fuzz_path, &st) :
	    store_open(fuzz_path, &st)) == 0) {
		store_verify(st);
		if (store_span(st, &first, &last) == 0) {
			if (store_load(st, first, last, &e) == 0)
				entries_free(&e);
			fuzz_analyse(st, first, last);
		}
		while (store_warning(st) != NULL)
			;
		store_close(st);
	}
	fuzz_cleanup();
	return 0;
}
