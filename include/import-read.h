/*
 * import-read: the reader program runlog-read and its protocol.
 *
 * `runlog import` reads CSV itself and hands every other input to
 * runlog-read, which holds the parsers of untrusted device files and
 * archives and their libraries. runlog-read writes one line per record to
 * its standard output; runlog (import-child.c) checks every line and
 * every value again as untrusted input. Fields are separated by a tab;
 * in text, a tab, a line break and a backslash are written \t \n \\.
 *
 *   runlog-read 1            the first line: the protocol's version
 *   F <i> <member>           a file starts: the i-th path (from 0) or a
 *                            member of it (empty for the path itself)
 *   T <format>               its format (--format names)
 *   E <k> <line> <col>=<v>.. an entry: the kind's letter, the line (0:
 *                            none) and fields by SQL column; start_utc too
 *   C <what> <n> [text]      a count: rows, accidental, other (text: the
 *                            sport), bad (text: the message), implausible
 *                            (text: the run and why), noun (text),
 *                            not_activity (text), kind (text: what the
 *                            entries are, as --what names it), title
 *                            (text: one the format's row lists)
 *   K                        the file was read whole
 *   X <message>              the file was refused, and why
 *   P <message>              a member of an archive in no format runlog
 *                            reads: passed over, not refused
 */
#ifndef RUNLOG_IMPORT_READ_H
#define RUNLOG_IMPORT_READ_H

#include <stddef.h>
#include <stdint.h>

#define IMPORT_READ_VERSION   "runlog-read 1"
#define IMPORT_LINE_MAX       (256 * 1024)

/* What an archive may decompress to, for one path given to import. */
struct import_limits {
	uint64_t total, total_max;      /* bytes, all members */
	uint64_t member_max;            /* bytes, one member */
	size_t   members, members_max;
	int      depth_max;             /* archives within archives */
};
#define IMPORT_TOTAL_MAX    (1ull << 30)
#define IMPORT_MEMBER_MAX   (256ull << 20)
#define IMPORT_MEMBERS_MAX  100000
#define IMPORT_DEPTH_MAX    3

/* 1 when the bytes start an archive or a compressed file. */
int import_archive_is(const unsigned char *p, size_t n);
/* A member (name NULL: the one stream of a gzip file); 0 to go on. */
typedef int (*import_member_fn)(const char *name, const unsigned char *b,
    size_t n, void *arg);
/* Calls fn for each regular member; 0, or -1 with err_set(). */
int import_archive_each(const unsigned char *data, size_t len,
    struct import_limits *lim, import_member_fn fn, void *arg);

#endif
