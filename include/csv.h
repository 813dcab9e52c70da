/*
 * csv: runlog's CSV export and import.
 *
 * Writing is strict RFC 4180 (header, CRLF, a field quoted only when it
 * must be, UTF-8 without a byte-order mark). Free-text cells that a
 * spreadsheet would run as a formula (they start with = + - @, tab or CR)
 * are neutralised with a leading ' and quoted; runlog's importer removes
 * that prefix again, so its own files round-trip byte for byte.
 *
 * Reading is lenient about the file (byte-order mark, CRLF or LF, quoted
 * line breaks) and strict about the data: libcsv splits records, this
 * module counts physical lines so that every error names one, and bounds
 * fields and records so that a huge line is an error, not an allocation.
 *
 * Import formats: runlog's own per-entry files, Strava's bulk-export
 * activities.csv and Garmin Connect's Activities.csv (csv-runlog.c,
 * csv-strava.c, csv-garmin.c), each a row of the format table (import.h).
 * An import is one store batch: it lands whole or not at all. Functions
 * return 0 on success and -1 with err_set() on failure.
 */
#ifndef RUNLOG_CSV_H
#define RUNLOG_CSV_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "config.h"
#include "store.h"
#include "units.h"
#include "util.h"

/* --- writer ------------------------------------------------------------ */

struct csv_writer {
	FILE   *f;
	char   *buf;       /* output is gathered here and written in blocks */
	size_t  len, cap;
	int     ncols;     /* fields written in the current row */
	int     err;       /* a write failed; errno kept in err_set() */
};

void csv_writer_init(struct csv_writer *w, FILE *f);
/* Free text (notes, names): neutralised when it would start a formula. */
void csv_put_text(struct csv_writer *w, const char *s);
/* A value runlog formats itself (a date, a type): quoted only if needed. */
void csv_put_value(struct csv_writer *w, const char *s);
void csv_put_int(struct csv_writer *w, int64_t v);
/* scaled / 10^decimals with exactly that many decimals: 10000, 3 -> 10.000 */
void csv_put_fixed(struct csv_writer *w, int64_t scaled, int decimals);
void csv_put_empty(struct csv_writer *w);
void csv_end_row(struct csv_writer *w);
/* Writes out what is buffered and frees the buffer; -1 on a write error. */
int  csv_writer_finish(struct csv_writer *w);

/* 1 when a text cell would be neutralised on export. */
int  csv_text_needs_prefix(const char *s);
/* Undoes the export's neutralising prefix, in place. */
void csv_text_restore(char *s);

/* --- reader ------------------------------------------------------------ */

#define CSV_FIELD_MAX   (1u << 20)   /* bytes in one field */
#define CSV_RECORD_MAX  (4u << 20)   /* bytes in one record */
#define CSV_FIELDS_MAX  1024         /* fields in one record */

struct csv_record {
	long    line;      /* physical line the record starts on, from 1 */
	size_t  n;         /* fields */
	char  **field;     /* NUL-terminated, writable until the callback returns */
};

/* Returns 0 to go on, 1 to stop quietly, -1 to stop with err_set(). */
typedef int (*csv_record_fn)(const struct csv_record *rec, void *arg);

/*
 * Reads every record of f and hands it to fn; blank lines are skipped.
 * Errors (binary data, a field or record over the bounds, a quote left
 * open, a stray quote) are -1 with err_set("line N: ...").
 */
int csv_read(FILE *f, csv_record_fn fn, void *arg);
/* The same over the len bytes at head (already read from the file), then
 * the rest of the file. */
int csv_read_after(const void *head, size_t len, FILE *rest, csv_record_fn fn,
    void *arg);

/* --- header lookup and foreign values ----------------------------------- */

struct csv_header {
	size_t  n;
	char  **name;      /* cleaned: HTML tags removed, spaces trimmed */
	/* A localised header: the English name each column is looked up by
	 * (csv-l10n.c); NULL when the file is in English. Messages keep name. */
	const char **key;
};

void csv_header_init(struct csv_header *h, const struct csv_record *rec);
void csv_header_free(struct csv_header *h);
/* Column of the occurrence-th (from 1) column called name (any case; the
 * English name when the header is localised); -1. */
int  csv_header_find(const struct csv_header *h, const char *name,
    int occurrence);
/* Removes HTML tags and surrounding white space, in place. */
void csv_strip_html(char *s);

/* Empty, "--", "NaN", "--:--:--", "00:NaN:NaN" and friends. */
int csv_is_missing(const char *s);
/*
 * A plain decimal as exporters write it: "10.02", "2432.77001953125",
 * "1,337" (thousands separators), scaled by 10^decimals and rounded half
 * up. -1 on anything else.
 */
int csv_parse_number(const char *s, int decimals, int64_t *scaled);
/*
 * The same for a file whose decimal mark is dec ('.' or ','). With ',',
 * "10,20" is 10.20 and '.', a space, U+00A0 or U+202F separate thousands
 * in groups of three ("1.025" is 1025); a value without a comma whose '.'
 * cannot be a thousands separator ("2432.77") is read with '.' as the
 * decimal mark, as exporters write raw floats.
 */
int csv_parse_number_dec(const char *s, int decimals, char dec,
    int64_t *scaled);

/* --- export ------------------------------------------------------------ */

enum csv_what {
	CSV_DAYS, CSV_RUNS, CSV_SLEEP, CSV_HYDRATION, CSV_FATIGUE, CSV_REST,
	CSV_PLANS, CSV_WHAT_COUNT
};

const char *csv_what_name(enum csv_what w);
int csv_what_parse(const char *s, enum csv_what *w);
/* The column names of each kind's file, in order, NULL-terminated. */
const char *const *csv_columns(enum csv_what w);

/*
 * Writes the rows of one kind between from and to (inclusive days) to f,
 * header first; *rows gets the number of data rows.
 */
int csv_export(struct store *st, const struct config *cfg, enum csv_what what,
    int from, int to, FILE *f, size_t *rows);
/*
 * The same into the file path, through a temporary file beside it that is
 * renamed into place once complete (mode 0600).
 */
int csv_export_file(struct store *st, const struct config *cfg,
    enum csv_what what, int from, int to, const char *path, size_t *rows);
/* "run"/"runs", "sleep entry"/"sleep entries", ... for n rows of a kind. */
const char *csv_what_noun(enum csv_what w, size_t n);
/*
 * Every kind's file and the days report as DIR/runs.csv, DIR/sleep.csv,
 * ... DIR/days.csv, each through csv_export_file(); DIR is made (0700)
 * when missing. rows[] gets each file's rows, indexed by enum csv_what.
 * Stops at the first file that fails (err_get() says which).
 */
int csv_export_all(struct store *st, const struct config *cfg,
    const char *dir, int from, int to, size_t rows[CSV_WHAT_COUNT]);
/* "13 runs, 2 sleep entries, ... and 20 days": what csv_export_all()
 * wrote, allocated. */
char *csv_export_all_said(const size_t rows[CSV_WHAT_COUNT]);
/* The days report's rows (csv_export() writes the header). */
int csv_export_days(struct store *st, const struct config *cfg,
    struct csv_writer *w, int from, int to, size_t *rows);

/* --- import ------------------------------------------------------------ */

/* The formats of the table in import-formats.c; CSV_FMT_AUTO: sniffed. */
enum csv_format {
	CSV_FMT_AUTO, CSV_FMT_RUNLOG, CSV_FMT_STRAVA, CSV_FMT_GARMIN,
	CSV_FMT_GPX, CSV_FMT_TCX, CSV_FMT_FIT, CSV_FMT_GARMIN_JSON,
	CSV_FMT_INTERVALS, CSV_FMT_GARMIN_SLEEP
};

/* The --format name of f ("auto" for CSV_FMT_AUTO), "?" when unknown. */
const char *csv_format_name(enum csv_format f);
int csv_format_parse(const char *s, enum csv_format *f);

struct csv_import_opts {
	enum csv_format format;     /* CSV_FMT_AUTO: from the header */
	int             units_given;
	enum dist_unit  units;      /* Garmin distances, when units_given */
	enum dist_unit  default_units; /* the user's unit, the last resort */
	int             skip_bad;   /* import the good rows, list the bad */
	const char     *label;      /* for the undo list: "import FILE" */
};

#define CSV_SPORTS_MAX 8

struct csv_locale;

struct csv_import_report {
	enum csv_format format;     /* what the file was */
	const char     *title;      /* its format as a phrase: "a Strava export" */
	enum csv_what   kind;       /* runlog files: which entries */
	size_t rows;                /* data rows read */
	const char *rows_noun;      /* what a row is ("session"); NULL: "row" */
	size_t added;               /* new entries */
	size_t already;             /* already in the journal: nothing done */
	size_t replaced;            /* a day's sleep/check-in/rest replaced */
	size_t kept;                /* the journal's newer one kept */
	size_t filled;              /* check-ins given values they lacked */
	size_t conflicts;           /* values the journal kept over the file's */
	struct buf conflict_list;   /* one line each: "2026-05-01: resting HR
	                               52 in the file, 50 in the journal: kept 50" */
	size_t other;               /* rows of other sports skipped */
	size_t accidental;          /* recordings too short to be runs, skipped */
	char   not_activity[64];    /* a device file without an activity, why:
	                               "a settings file, not an activity"; "" */
	struct { char name[40]; size_t n; } sport[CSV_SPORTS_MAX];
	size_t nsport;
	size_t merged;              /* one run with another source's: kept once */
	struct buf merge_list;      /* what was merged, "; "-separated */
	size_t repeated;            /* rows repeating an earlier row's id */
	struct buf repeat_list;     /* "line 5 repeats line 3", comma-separated */
	size_t implausible;         /* runs beyond a human, skipped */
	struct buf implausible_list; /* one indented line each */
	size_t bad;                 /* rows refused (with skip_bad) */
	const struct csv_locale *locale; /* a localised export; NULL: English */
	struct buf bad_list;        /* one line per refused row */
	enum dist_unit units;       /* Garmin: the unit the distances were in */
	const char *units_how;      /* Garmin: how that was decided; NULL when
	                               the file names its units */
};

void csv_import_report_free(struct csv_import_report *r);

/*
 * Imports f into st in one batch. With o->skip_bad, bad rows are listed in
 * the report and the rest lands; otherwise the first bad row fails the
 * whole import with err_set("line N, column C: 'value': why").
 * With dry_run the batch is rolled back after the report is made.
 */
int csv_import(struct store *st, FILE *f, const struct csv_import_opts *o,
    int dry_run, struct csv_import_report *r);

/* --- localised exports (csv-l10n.c) ------------------------------------ */

struct csv_locale {
	enum csv_format     format;   /* the exporter whose header this is */
	const char         *lang;     /* "de", "fr", "da" */
	const char         *name;     /* "German" */
	char                decimal;  /* the decimal mark: ',' */
	/* Running activity types besides the English ones, NULL-terminated. */
	const char *const  *runs;
};

/* The i-th language of the table (from 0); NULL past the last. */
const struct csv_locale *csv_l10n_at(size_t i);
/* Points h->key at the English names of h's columns in language l (a name
 * the table lacks is kept); l NULL removes them. */
void csv_l10n_apply(const struct csv_locale *l, struct csv_header *h);
/* 1 when type is one of the locale's running activity types. */
int csv_l10n_is_run(const struct csv_locale *l, const char *type);
/* The exports and languages read, as a phrase for messages. */
const char *csv_l10n_languages(void);

/* --- for the CSV format readers ---------------------------------------- */

/*
 * The first record of the len bytes at head, as a header: 1 when there is
 * one, 0 when the bytes hold none (or, unless whole says they are the whole
 * file, only the start of one), -1 with err_set() when they are not CSV.
 */
int csv_peek_header(const void *head, size_t len, int whole,
    struct csv_header *h);
/* Sets "line N, column C: 'value': why" and returns -1. */
int csv_bad(const struct csv_record *rec, const char *col, const char *val,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The same for a line outside the record callback (Garmin's deferred rows). */
int csv_bad_line(long line, const char *col, const char *val,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Puts "line N, column C: 'value'" (or "line N" when col is NULL) before
 * the current error; returns -1. */
int csv_bad_here(long line, const char *col, const char *val);
/* Imported text: control characters removed; keep_breaks keeps tab, CR
 * and LF (runlog's own notes); cut to max bytes on a UTF-8 boundary. */
void csv_clean_text(char *s, int keep_breaks, size_t max);

/*
 * Strava's "Oct 6, 2022, 11:19:20 PM" (or ISO) UTC -> local day; -1 when
 * it is no such time, -2 when its local day is outside DATE_MIN..DATE_MAX
 * (*day is set all the same, for the message).
 */
int csv_strava_day(const char *s, int *day);
/* The same, also reading the day-first "20.09.2026, 14:12:12" and
 * "20/09/2026 14:12:12" of localised exports when dmy is set. */
int csv_strava_day_dmy(const char *s, int dmy, int *day);
/* Garmin's "hh:mm:ss[.s]" or "m:ss[.hh]" (or ",s") -> seconds, rounded; -1. */
int csv_garmin_duration(const char *s, int64_t *seconds);

#endif
