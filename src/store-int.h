/*
 * store-int: what the store's own files (store.c, store-entry.c,
 * store-undo.c) share and no other module may see: the handle, the
 * prepared statements and the small SQLite helpers.
 */
#ifndef RUNLOG_STORE_INT_H
#define RUNLOG_STORE_INT_H

#include <stdint.h>
#include <sqlite3.h>

#include "store.h"

#define ENTRY_STMT_OPS 6   /* range, get, add, update, find, outside */

enum stmt_id {
	S_GRP_NEW, S_GRP_OPEN, S_GRP_CLOSE, S_GRP_PRUNE_LOG, S_GRP_PRUNE,
	S_GRP_EMPTY,
	/* The entry statements store-entry.c builds from the descriptors:
	 * ENTRY_STMT_OPS per kind, from S_ENTRY on. */
	S_ENTRY,
	S_COUNT = S_ENTRY + ENTRY_KIND_COUNT * ENTRY_STMT_OPS
};

#define RUN_COLS "id, day, distance_m, duration_s, rpe, type, avg_hr, climb_m, " \
	"mass_before_g, mass_after_g, note, source, external_id, created_at, updated_at"
#define SLEEP_COLS "id, day, minutes, quality, note, created_at, updated_at"
#define DRINK_COLS "id, day, volume_ml, electrolytes, created_at, updated_at"
#define CHECKIN_COLS "id, day, fatigue, soreness, mood, stress, rhr, ill, pain, " \
	"swelling, numbness, no_weight, note, created_at, updated_at"
#define REST_COLS "id, day, note, created_at, updated_at"
#define NOW "strftime('%Y-%m-%d %H:%M:%S', 'now')"

struct schema;

struct store {
	sqlite3      *db;
	char         *path;
	sqlite3_stmt *stmt[S_COUNT];
	int           batch;      /* inside store_begin() */
	int64_t       group;      /* the open undo group */
	int64_t       bulk_max[ENTRY_KIND_COUNT]; /* max(id) when the batch began */
	char        **warn;       /* store_warning() queue, allocated */
	size_t        nwarn, warn_head, warn_cap;
	char         *warn_given; /* the message last handed out */
	const struct schema *schema; /* runlog's schema at the journal's version */
	struct schema *schema_own; /* the same, when the handle owns it */
	int           migrating;  /* the authorizer allows schema changes */
	int           wal_pending; /* rollback mode until a change commits */
	int           init_open;  /* an empty file's schema, not committed */
	int           lock_fd;    /* a read lock held while read immutable; -1 */
	char          denied[128]; /* what the authorizer refused last */
};


#define UNDO_KEEP 200   /* undo groups kept */

/* Queues a message for store_warning(); the store itself never prints. */
void store_warn(struct store *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * For tests: 0 when the compiled digest of every schema version matches
 * the schema its migrations build; else -1 and msg says what to write.
 */
int  store_schema_digests(char *msg, size_t n);

/*
 * After a commit: a journal opened in rollback mode is switched to WAL
 * once a change of it has succeeded, never before, so a command that
 * fails leaves such a file byte for byte as it was.
 */
void store_committed(struct store *st);
/* 1 while an empty file's first schema waits for the first change. */
int  store_init_open(struct store *st);
/* A change's transaction (a savepoint in an empty file's first one). */
int  tx_begin(struct store *st);
void tx_rollback(struct store *st);

/* -1 with err_set() naming what failed and SQLite's message. */
int  db_fail(struct store *st, const char *what);
int  db_exec(struct store *st, const char *sql);
/* The prepared statement id, reset and unbound; NULL on error. */
sqlite3_stmt *stmt(struct store *st, enum stmt_id id);
void bind_day(sqlite3_stmt *s, int i, int day);
/* Optional integers: none (0, or -1 where 0 is a value) binds NULL. */
void bind_opt(sqlite3_stmt *s, int i, int64_t v, int64_t none);
void bind_text(sqlite3_stmt *s, int i, const char *t);
void bind_note(sqlite3_stmt *s, int i, const char *note);
int  col_day(sqlite3_stmt *s, int i);
char *col_text(sqlite3_stmt *s, int i);
int  step_done(struct store *st, sqlite3_stmt *s);

/* 1 when the journal has kind k's table (plans arrive with version 6). */
int  store_kind_present(struct store *st, enum entry_kind k);
/* The largest id of kind k's table; 0 when empty, -1 on error. */
int64_t max_id(struct store *st, enum entry_kind k);
/* One write outside a batch: its own transaction and undo group. */
int  write_begin(struct store *st, const char *label);
int  write_end(struct store *st, int rc);

/*
 * Before a write naming the shoe name: 0 when the journal has it; when it
 * has not, the shoe is added (create: a batch, an import) or the write is
 * refused naming the shoes there are (-1 with err_set()). store-shoe.c.
 */
int  store_shoe_need(struct store *st, const char *name, int create);

/* The raw handle: for the store's own files and for tests that must
 * spoil a journal behind the store's back. No other module has it. */
sqlite3 *store_db(struct store *st);

#endif
