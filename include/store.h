/*
 * store: the journal's SQLite file. It opens (creating the directory 0700
 * and the file 0600), migrates with the numbered scripts of schema/, and
 * reads and writes entries. Every change is one transaction and one undo
 * group: either a single call below, or a batch between store_begin() and
 * store_commit() (an import), which lands whole or not at all.
 *
 * All functions return 0 on success and -1 with err_set() on failure,
 * unless they say otherwise. Days are days since 1970-01-01 (date.h).
 */
#ifndef RUNLOG_STORE_H
#define RUNLOG_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "entry.h"

struct store;

/* The journal version this runlog writes: the number of schema/ files. */
int store_latest_version(void);

/*
 * For tests of the upgrade path only: open journals as if the migrations
 * were scripts[0..count-1] (NULL restores the compiled-in schema/ files).
 */
void store_set_migrations(const char *const *scripts, int count);

/*
 * Opens the journal at path for writing, creating it (directory 0700, file
 * 0600) when nothing is there. path must name a regular file (a symbolic
 * link to one is followed) or nothing; ':memory:', 'file:...' URIs, a
 * directory, a named pipe or a dangling link are refused. An existing
 * file is checked through a read-only connection first: an SQLite header,
 * a version this runlog knows, the schema of that version exactly, the
 * whole file (quick_check, once per process) and, for an older journal,
 * every row against the newest checks. A refused file is left
 * byte-identical. An older journal is then copied to PATH.vN.bak and
 * migrated in one transaction. For the UI and the commands that write.
 */
int  store_open(const char *path, struct store **out);
/*
 * Opens the journal read-only, for the commands that only read: the same
 * checks but the whole-file one, no migration (an older journal is read as
 * it is), and nothing written or created, not even a -wal or -shm file, so
 * it works in a read-only directory, on a full disk and for another user.
 * A journal that does not exist yet reads as an empty one (and is not
 * created). Writes through this handle fail.
 */
int  store_open_read(const char *path, struct store **out);
/* An empty journal in memory (an import's dry run, tests). */
int  store_open_memory(struct store **out);
/*
 * An empty journal opened for writing gets its schema in a transaction
 * that the first change commits (store_close() commits it too). After a
 * failed command, store_abandon() rolls it back, so the file stays empty;
 * store_settle() commits it at once, for the UI, which must not keep
 * other writers waiting. Both do nothing for any other journal.
 */
void store_abandon(struct store *st);
void store_settle(struct store *st);
void store_close(struct store *st);
/*
 * Reads the whole file to check its structure (PRAGMA quick_check); -1
 * with a message when it is damaged. store_open() runs it already; backup
 * calls it on its read-only source. It costs time in proportion to the
 * journal's size.
 */
int  store_verify(struct store *st);
/*
 * What went wrong without stopping the work: a row skipped because a stored
 * value is invalid ("sleep s5: day '2026-02-30' is not a date"), a journal
 * that others can read, an upgrade under way. The store never prints; the
 * caller takes each message once, oldest first, until NULL. A message is
 * kept until the next call, and the same message is queued only once.
 */
const char *store_warning(struct store *st);
const char *store_path(const struct store *st);
int  store_schema_version(struct store *st);
/*
 * A number that changes whenever another connection (another runlog)
 * has committed to the journal since the last call: PRAGMA data_version.
 * -1 on error.
 */
int64_t store_data_version(struct store *st);
/*
 * 1 when writing path would overwrite the journal at journal: its own
 * file under any name (a symlink, "dir/../journal.db") or its -wal, -shm
 * or -journal file. For every command that writes a file the user names.
 */
int store_path_is_journal(const char *journal, const char *path);

/* A batch: BEGIN IMMEDIATE plus one undo group labelled label. */
int  store_begin(struct store *st, const char *label);
int  store_commit(struct store *st);
void store_rollback(struct store *st);

/*
 * Writes. Outside a batch each is its own transaction and undo group.
 * Adding a run whose (source, external_id) already exists adds nothing and
 * returns 1. store_put_sleep/checkin/rest replace the day's entry when it
 * has one and set *replaced (may be NULL).
 */
int store_add_run(struct store *st, struct run *r);
int store_update_run(struct store *st, const struct run *r);
int store_put_sleep(struct store *st, struct sleep *s, int *replaced);
int store_add_drink(struct store *st, struct drink *d);
int store_update_drink(struct store *st, const struct drink *d);
int store_put_checkin(struct store *st, struct checkin *c, int *replaced);
int store_put_rest(struct store *st, struct rest *r, int *replaced);
/* A planned run (plan_validate(); how far ahead is the caller's rule). */
int store_add_plan(struct store *st, struct plan *p);
/*
 * Rewrites the entry of kind k whose id e holds with e's fields (an edit),
 * keeping its id and created_at; a one-per-day kind moved onto a day that
 * has one is refused.
 */
int store_update_entry(struct store *st, enum entry_kind k, const void *e);
/* 1 when there was no such entry. */
int store_delete(struct store *st, enum entry_kind k, int64_t id);
/*
 * Deletes the n entries k[i]/id[i] all or nothing, in one transaction and
 * one undo step. 1 when one of them does not exist: *missing (may be NULL)
 * is the index of the first such, and nothing was deleted.
 */
int store_delete_many(struct store *st, const enum entry_kind *k,
    const int64_t *id, size_t n, size_t *missing);
/*
 * Undoes the newest change; 1 when there is nothing to undo. label gets
 * what was undone ("delete run r2"). The stored undo data is checked whole
 * before anything changes: data that does not parse, names an unknown
 * table or operation, or lacks a column is refused with a message ("undo
 * data for group 12 does not parse ...; nothing was undone") and -1.
 */
int store_undo(struct store *st, char *label, size_t labelsz);
/*
 * Redoes the newest undo, the same way; 1 when there is nothing to redo.
 * Any new change drops what could be redone.
 */
int store_redo(struct store *st, char *label, size_t labelsz);

/*
 * A consistent copy of the journal in dest, whole or not at all, with the
 * online backup API while others may write. The journal is checked first
 * (PRAGMA quick_check) and must hold runlog's own tables; the copy goes to
 * a hidden temporary file beside dest (mode 0600), removed on every error
 * and on the signals of cleanup_add(), is checked, synced and renamed over
 * dest. *entries (may be NULL) gets the number of entries copied.
 */
int store_backup(struct store *st, const char *dest, int64_t *entries);

/*
 * Reads. Ranges are inclusive days. Arrays are allocated; free them with
 * entry_list_free() or the matching *_list_free(). Ordered by day, then id.
 *
 * The journal is untrusted input: every stored value is checked against
 * its field's descriptor (entry.h): a real date in date.h's years, a whole
 * number in the field's range, a known run type, valid UTF-8 text of at
 * most NOTE_MAX bytes, every required field given. A row that fails is
 * left out and queued once for store_warning() as
 * "<table> <letter><id>: <field> <value>: <why>", e.g.
 * "sleep s5: date '2026-02-30': not a real date (...)"; the value is cut
 * and made safe to print. Texts read are sanitised (text_sanitize()).
 *
 * store_read() reads kind k into an array of its struct (struct run for
 * ENTRY_RUN, ...); store_get() one entry by id into *out: 1 when there is
 * none, -1 with the message above when its row is refused.
 */
int store_read(struct store *st, enum entry_kind k, int from, int to,
    void **out, size_t *n);
int store_get(struct store *st, enum entry_kind k, int64_t id, void *out);
int store_runs(struct store *st, int from, int to, struct run **out, size_t *n);
/*
 * The runs of [from, to] checked as by store_runs(), without their text
 * fields (as store_load_values()): for totals and loads that need no other
 * kind. Free with run_list_free().
 */
int store_runs_values(struct store *st, int from, int to, struct run **out,
    size_t *n);
int store_sleeps(struct store *st, int from, int to, struct sleep **out, size_t *n);
int store_drinks(struct store *st, int from, int to, struct drink **out, size_t *n);
int store_checkins(struct store *st, int from, int to, struct checkin **out, size_t *n);
int store_rests(struct store *st, int from, int to, struct rest **out, size_t *n);
/*
 * The planned runs of the days [from, to], by day then id; none (and 0)
 * from a journal older than the plan table.
 */
int store_plans(struct store *st, int from, int to, struct plan **out, size_t *n);
void run_list_free(struct run *v, size_t n);
void sleep_list_free(struct sleep *v, size_t n);
void drink_list_free(struct drink *v, size_t n);
void checkin_list_free(struct checkin *v, size_t n);
void rest_list_free(struct rest *v, size_t n);
void plan_list_free(struct plan *v, size_t n);

/*
 * Every entry of every kind on the days [from, to], each list ordered by
 * day, then id: the one call behind show, export, the analysis series,
 * the Day screen and History. Free with entries_free().
 */
struct entries {
	struct run     *runs;     size_t nruns;
	struct sleep   *sleeps;   size_t nsleeps;
	struct drink   *drinks;   size_t ndrinks;
	struct checkin *checkins; size_t ncheckins;
	struct rest    *rests;    size_t nrests;
	struct plan    *plans;    size_t nplans;  /* planned, not done: never
	                                          * training */
};
int  store_load(struct store *st, int from, int to, struct entries *out);
/*
 * The same for the analysis, which reads no text: every value is checked
 * as by store_load() (the same rows left out, the same warnings), but the
 * text fields (notes, sources, stamps) are left NULL rather than copied.
 */
int  store_load_values(struct store *st, int from, int to,
    struct entries *out);
/*
 * Queues a warning (store_warning()) for each row whose day is missing or
 * outside 1900 to 2099, rows no range of days reaches; a read of every
 * day does the same by itself. Cheap: the ends of each day index.
 */
int  store_check_days(struct store *st);
void entries_free(struct entries *e);
/* The list of kind k in e (struct run * for ENTRY_RUN, ...) and its length. */
const void *entries_list(const struct entries *e, enum entry_kind k, size_t *n);

/*
 * For tests: the SQL text of statement op (0 range, 1 get, 2 add, 3
 * update, 4 find by day) of kind k, as built from its descriptor.
 */
int store_entry_sql(enum entry_kind k, int op, char *out, size_t n);

/*
 * The newest day before day (store_day_before) or the oldest day after it
 * (store_day_after) that holds an entry of any kind, for paging through
 * History; 1 when there is none, -1 on error.
 */
int store_day_before(struct store *st, int day, int *out);
int store_day_after(struct store *st, int day, int *out);

/* One entry by id; 1 when there is none. */
int store_get_run(struct store *st, int64_t id, struct run *r);
int store_get_sleep(struct store *st, int64_t id, struct sleep *s);
int store_get_drink(struct store *st, int64_t id, struct drink *d);
int store_get_checkin(struct store *st, int64_t id, struct checkin *c);

/* The first and last day holding any entry; 1 when the journal is empty. */
int store_span(struct store *st, int *first, int *last);
/* Rows of one kind, or of all kinds with ENTRY_KIND_COUNT. */
int64_t store_count(struct store *st, enum entry_kind k);

/*
 * Imports (store-import.c): one batch, as store_begin(), with a page cache
 * that holds a lifetime's import, and the questions the importer asks
 * about what the journal held before the batch began. Each question costs
 * a hash lookup; a day's earlier rows are read once, through the day index.
 */
struct store_import;
int store_import_begin(struct store *st, const char *label,
    struct store_import **out);
/*
 * 1 when the journal held, before the import, a run without an external id
 * on r's day from r's source ("runlog" when NULL) with r's created_at, or,
 * when r has none, with r's distance and duration; 0 when not; -1 on error.
 */
int store_run_known(struct store_import *im, const struct run *r);
/* The same for a drink: its day and created_at, or volume and electrolytes. */
int store_drink_known(struct store_import *im, const struct drink *d);
/*
 * Between store_import_adding(im, 1) and (im, 0) the batch only adds new
 * rows (the importer's runs): statements are prepared without the insert
 * triggers, which record nothing inside a batch anyway (its undo is one
 * range per table), so each insert is one row and its indexes. Any other
 * write must come after store_import_adding(im, 0); store_import_end()
 * turns the triggers back on in any case. -1 outside a batch.
 */
int store_import_adding(struct store_import *im, int on);
/*
 * The shoe a run being imported names, created (no limit) when the
 * journal has no shoe of that name, with its undo: call it before
 * store_import_adding(im, 1), which leaves no trigger to record it.
 */
int store_import_shoe(struct store_import *im, const char *name);
/* Commits (commit 1) or rolls back (0) the batch and frees im. */
int store_import_end(struct store_import *im, int commit);

/*
 * Shoes (store-shoe.c). A run names its shoe by name (struct run's shoe);
 * the journal keeps the shoe's id. A name is 1 to SHOE_NAME_MAX bytes of
 * printable UTF-8 with no space at either end, and names are unique
 * whatever their case. At most one shoe is the default, the one a run
 * logged without a shoe is given; a retired shoe is never the default.
 * Adding, retiring and choosing the default are changes undo takes back.
 * A journal older than the shoes has none.
 */
#define SHOE_NAME_MAX  40
#define SHOE_LIMIT_MIN 1000        /* metres */
#define SHOE_LIMIT_MAX 10000000

struct store_shoe {
	int64_t id;
	char    name[SHOE_NAME_MAX + 1];
	int64_t limit_m;          /* 0 = no limit */
	int     retired;          /* 0/1 */
	int     is_default;       /* 0/1 */
	int     day;              /* the day it was added */
	int64_t distance_m;       /* every run that names it */
	int64_t runs;
	int     first_day, last_day; /* of those runs; both 0 when runs == 0 */
};

/* 0 when name may name a shoe; else -1 with err_set() saying why. */
int store_shoe_name_check(const char *name);
/*
 * Every shoe with its runs' totals into *out (allocated, free() it): the
 * shoes in use first, then the retired ones, each group in the order
 * they were added. 0, or -1 with err_set().
 */
int store_shoes(struct store *st, struct store_shoe **out, size_t *n);
/* The shoe called name (any case) into *out; 1 when there is none. */
int store_shoe_get(struct store *st, const char *name, struct store_shoe *out);
/*
 * Adds the shoe name on day, with limit_m (0: none), made the default
 * when make_default (the former default stops being it). 1 when a shoe
 * of that name exists (nothing written).
 */
int store_shoe_add(struct store *st, const char *name, int64_t limit_m,
    int make_default, int day);
/*
 * Retires the shoe name (it stops being the default); 1 when there is
 * no such shoe, 2 when it was retired already (nothing written).
 */
int store_shoe_retire(struct store *st, const char *name);
/*
 * Makes the shoe name the default; 1 when there is no such shoe, 2 when
 * it is the default already; a retired shoe is refused (-1 with err_set()).
 */
int store_shoe_default(struct store *st, const char *name);
/*
 * "the journal has the shoes A, B" or "the journal has no shoes yet",
 * for a message about a name that is none of them. Allocated.
 */
char *store_shoe_known(struct store *st);

#endif
