/*
 * import: the table of formats runlog imports and the sink every reader
 * hands its entries to.
 *
 * A format is one row of import_formats[] (import-formats.c): a name for
 * --format, a sniff function that looks at the first bytes of the input
 * (and, when they are text, at the first record read as a CSV header) and
 * says how sure it is, and a reader that turns the whole input into
 * entries. Readers never write to the journal and never call each other:
 * each entry, of any kind, goes to import_put() and so to the sink behind
 * it (the journal's sink in csv-import.c checks, dedupes and writes; a
 * sink in a helper process could send the entries down a pipe instead).
 * Localised exports are rows of the language table (csv-l10n.c), tried
 * with the sniff of the format they translate.
 *
 * The modules depend one way only: csv-import.c (the import) ->
 * import-formats.c (the table) -> each reader -> import.c (what readers
 * share), csv-l10n.c, csv.c.
 */
#ifndef RUNLOG_IMPORT_H
#define RUNLOG_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "csv.h"
#include "entry.h"

/* Bytes read before the format is chosen; a CSV header must fit. */
#define IMPORT_HEAD_MAX (64 * 1024)

/* What a sniff function sees. */
struct import_probe {
	const unsigned char     *head;  /* the first bytes, as in the file */
	size_t                   len;   /* at most IMPORT_HEAD_MAX */
	/* The first record as a CSV header (with its English key when it is
	 * tried as a localised export); NULL when the bytes are not CSV. */
	const struct csv_header *csv;
};

/* The input a reader reads: the sniffed bytes, then the rest of the file. */
struct import_input {
	const unsigned char *head;
	size_t               len;
	size_t               pos;    /* of head, already read */
	FILE                *rest;
};

/* Reads up to n bytes of the input, head first, for readers of binary
 * formats; 0 at the end (ferror(in->rest) tells an error from the end). */
size_t import_input_read(struct import_input *in, void *buf, size_t n);

/* One entry as a reader found it. */
struct import_item {
	enum entry_kind kind;
	long            line;    /* where it is in the file; 0: no one place */
	void           *entry;   /* a struct run, sleep, drink, checkin or rest */
};

/*
 * Where the entries go. put returns 0 when the entry was taken (added,
 * found already there, replacing or kept out by a newer one), -1 with
 * err_set() when it is refused, -2 when the journal itself failed.
 */
struct import_sink {
	int (*put)(struct import_sink *s, const struct import_item *it);
};

/* What a reader works with. */
struct import_ctx {
	const struct csv_import_opts *o;
	struct csv_import_report     *r;       /* counts the reader adds to */
	const struct csv_locale      *locale;  /* the sniffed language, or NULL */
	struct import_sink           *sink;
	int                           fatal;   /* the journal failed: stop */
};

struct import_format {
	enum csv_format id;
	const char *name;       /* --format NAME */
	const char *title;      /* in the report: "a Strava export" */
	const char *file;       /* in the unknown-file message */
	/* The titles its reader gives one kind of file instead of title
	 * (NULL-terminated; NULL: none), which runlog accepts from
	 * runlog-read in the report. */
	const char *const *titles;
	/* 0: not this format; 1 to 100: the more certain the higher. */
	int (*sniff)(const struct import_probe *p);
	/* Reads the whole input; 0, or -1 with err_set(). */
	int (*read)(struct import_ctx *c, struct import_input *in);
};

/* The formats read inside runlog (CSV), in the order ties are settled;
 * NULL-terminated. */
extern const struct import_format *const import_formats[];
/* Every format, as runlog-read reads them (import-formats-read.c). */
extern const struct import_format *const import_read_formats[];
/* The rows this process reads: import_formats, or import_read_formats in
 * a program linked with the readers of device files and archives. */
extern const struct import_format *const *import_table;
/* The i-th format runlog knows by name (the table's, then those only
 * runlog-read reads, which have no sniff and no read here); NULL past
 * the last. */
const struct import_format *import_format_at(size_t i);
/* 1 when this process reads id itself. */
int import_format_in_table(enum csv_format id);
/* The row of id, or NULL. */
const struct import_format *import_format_get(enum csv_format id);
/* The titles of the kinds of Garmin's export files; NULL-terminated. */
extern const char *const import_garmin_json_titles[];
/* The title (or one of the titles) of a format runlog knows equal to s,
 * as the table holds it; NULL when none is. */
const char *import_title_known(const char *s);

/*
 * Hands one entry to the sink: 0 taken, -1 refused (err_set(), with the
 * line), -2 the journal failed (c->fatal is set; stop reading).
 */
int  import_put(struct import_ctx *c, enum entry_kind kind, long line,
    void *entry);
/* A refused entry or row: listed with --skip-bad (0), else -1. */
int  import_refused(struct import_ctx *c);
/* Counts an activity of another sport, by its type. */
void import_other(struct import_ctx *c, const char *type);

/*
 * An import of many files (import_batch_*, csv-import.c): one store
 * batch, so one transaction and one undo step. Each file's entries are
 * checked as they come (import_file_begin() gives the sink) and kept apart
 * until import_file_end() says whether the file was read whole: a file
 * that fails leaves nothing, the others go in. Runs are written at
 * import_batch_end(), after runs of different sources that are one run
 * were matched (import_same_run()): the file's measured values win, the
 * other fills what it lacks (note, effort, heart rate, climb, type).
 * A run recorded by accident (IMPORT_ACCIDENT_*) is counted, never kept.
 */
#define IMPORT_ACCIDENT_M    100    /* metres: shorter is an accident */
#define IMPORT_ACCIDENT_S    60     /* seconds: the same */
#define IMPORT_SAME_START_S  120    /* starts this close: the same run */

struct import_batch;
int  import_batch_begin(struct store *st, const struct csv_import_opts *o,
    int dry_run, struct import_batch **out);
/* Starts a file: r is reset and must live until import_batch_end(). */
struct import_sink *import_file_begin(struct import_batch *b,
    struct csv_import_report *r);
/* ok: the file was read whole and its entries go in; else they are
 * dropped. -1 when the journal failed (the batch can only be ended). */
int  import_file_end(struct import_batch *b, int ok);
/* Reads f with a format of import_table: begin, read, end. 0, -1 the file
 * was refused (err_set()), -2 the journal failed. */
int  import_file_read(struct import_batch *b, FILE *f,
    struct csv_import_report *r);
/* Writes the runs and ends the batch: committed when commit and not a dry
 * run. 0, or -1 with err_set(). */
int  import_batch_end(struct import_batch *b, int commit);
/* 1 when r was recorded by accident (no distance, too short). */
int  import_accidental(const struct run *r);
/* 1 when a and b are one run from two sources: the same day, different
 * sources, distance within 3%, starts within IMPORT_SAME_START_S when both
 * are known, else durations within 3%. */
int  import_same_run(const struct run *a, const struct run *b);
/* The first bytes of f (IMPORT_HEAD_MAX at most into head, *len) and the
 * format of import_table they are; NULL with err_set(). */
const struct import_format *import_choose(FILE *f,
    const struct csv_import_opts *o, unsigned char *head, size_t *len,
    const struct csv_locale **locale);

/* What became of each file of an import (a path, or a member of an
 * archive, "export.zip:activities/1.fit.gz"). */
enum import_state { IMPORT_READ, IMPORT_REFUSED, IMPORT_PASSED };
struct import_file {
	char                    *name;    /* printable */
	enum import_state        state;
	char                    *why;     /* refused or passed over: why */
	struct csv_import_report rep;
};
struct import_files {
	struct import_file **v;
	size_t               n;
};
struct import_file *import_files_add(struct import_files *l, const char *name);
void import_files_free(struct import_files *l);
/* runlog-read: $RUNLOG_READ, else beside the running binary (the build
 * tree), else in ../libexec/runlog/ from it, else in RUNLOG_LIBEXECDIR.
 * Allocated. */
char *import_reader_path(void);
/* Reads paths through runlog-read into b (import-child.c): each file or
 * member is one entry of out, read whole, refused or (a member of an
 * archive, or a path from first_found on, found in a folder, in no format
 * runlog reads) passed over. 0, or -2 when the journal failed. */
int  import_read_files(struct import_batch *b, const struct csv_import_opts *o,
    char *const *paths, size_t n, size_t first_found,
    struct import_files *out);

/*
 * The record loop of the CSV formats: the first record is the header
 * (with the sniffed language applied), every other one a data row.
 */
struct csv_rows_ops {
	/* The header: the format's state in *state; 0, or -1 with err_set(). */
	int  (*begin)(struct import_ctx *c, const struct csv_header *h,
	    void **state);
	/* A data row: 0 done, -1 a bad row (err_set()), -2 the journal failed. */
	int  (*row)(struct import_ctx *c, void *state, const struct csv_header *h,
	    const struct csv_record *rec);
	/* After the last row (Garmin decides its units there); may be NULL. */
	int  (*finish)(struct import_ctx *c, void *state,
	    const struct csv_header *h);
	void (*free)(void *state);
};
int csv_rows(struct import_ctx *c, struct import_input *in,
    const struct csv_rows_ops *ops);

#endif
