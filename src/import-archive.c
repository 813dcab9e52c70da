/*
 * import-archive: the members of a zip, tar or gzip file, read in memory
 * through libarchive and never unpacked to disk, within limits on what
 * they decompress to, so that a small hostile file (a zip bomb) costs at
 * most those limits. Linked into runlog-read only.
 */
#include <archive.h>
#include <archive_entry.h>
#include <stdlib.h>
#include <string.h>

#include "import-read.h"
#include "util.h"

int
import_archive_is(const unsigned char *p, size_t n)
{
	if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b)
		return 1;                                   /* gzip */
	if (n >= 4 && p[0] == 'P' && p[1] == 'K' && ((p[2] == 3 && p[3] == 4) ||
	    (p[2] == 5 && p[3] == 6)))
		return 1;                                   /* zip */
	if (n >= 262 && memcmp(p + 257, "ustar", 5) == 0)
		return 1;                                   /* tar */
	if (n >= 3 && memcmp(p, "BZh", 3) == 0)
		return 1;                                   /* bzip2 */
	if (n >= 6 && memcmp(p, "\xfd" "7zXZ", 5) == 0)
		return 1;                                   /* xz */
	return 0;
}

/* Reads the current member whole; -1 with err_set() past a limit. */
static int
member_data(struct archive *a, const char *name, struct import_limits *lim,
    unsigned char **out, size_t *len)
{
	unsigned char *b = NULL;
	size_t n = 0, cap = 0;
	la_ssize_t k;

	for (;;) {
		if (cap - n < 65536) {
			cap = cap ? 2 * cap : 65536;
			b = xrealloc(b, cap);
		}
		k = archive_read_data(a, b + n, cap - n);
		if (k < 0) {
			err_set("%s: %s", name, archive_error_string(a));
			free(b);
			return -1;
		}
		if (k == 0)
			break;
		n += (size_t)k;
		lim->total += (uint64_t)k;
		if (n > lim->member_max) {
			err_set("%s: decompresses to more than %llu MiB, the limit of "
			    "one member", name, (unsigned long long)(lim->member_max >>
			    20));
			free(b);
			return -1;
		}
		if (lim->total > lim->total_max) {
			err_set("%s: the archive decompresses to more than %llu MiB, "
			    "the limit of one import", name,
			    (unsigned long long)(lim->total_max >> 20));
			free(b);
			return -1;
		}
	}
	*out = b;
	*len = n;
	return 0;
}

int
import_archive_each(const unsigned char *data, size_t len,
    struct import_limits *lim, import_member_fn fn, void *arg)
{
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	int rc = 0, r;

	archive_read_support_filter_all(a);
	archive_read_support_format_zip(a);
	archive_read_support_format_tar(a);
	/* a gzip file of one FIT or XML file: one member, the stream */
	archive_read_support_format_raw(a);
	if (archive_read_open_memory(a, data, len) != ARCHIVE_OK) {
		err_set("not an archive runlog reads: %s", archive_error_string(a));
		archive_read_free(a);
		return -1;
	}
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK ||
	    r == ARCHIVE_WARN) {
		const char *name = archive_entry_pathname(e);
		unsigned char *b;
		size_t n;

		if (name == NULL)
			name = "(no name)";
		if (archive_entry_filetype(e) != AE_IFREG &&
		    archive_format(a) != ARCHIVE_FORMAT_RAW)
			continue;
		if (++lim->members > lim->members_max) {
			err_set("more than %zu members, the limit of one import",
			    lim->members_max);
			rc = -1;
			break;
		}
		if (member_data(a, name, lim, &b, &n) != 0) {
			rc = -1;
			break;
		}
		rc = fn(archive_format(a) == ARCHIVE_FORMAT_RAW ? NULL : name, b, n,
		    arg);
		free(b);
		if (rc != 0)
			break;
	}
	if (rc == 0 && r != ARCHIVE_EOF && r != ARCHIVE_OK && r != ARCHIVE_WARN) {
		err_set("a damaged archive: %s", archive_error_string(a));
		rc = -1;
	}
	archive_read_free(a);
	return rc;
}
