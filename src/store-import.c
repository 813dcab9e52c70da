/*
 * store-import: the journal side of an import. An import is one batch
 * (store_begin()) with a page cache large enough that nothing spills to
 * the log before the commit, and it must recognise the runs and drinks the
 * journal held before it began.
 *
 * Recognising them is linear in the file's size: the first time a day is
 * asked about, that day's earlier runs (or drinks) are read once through
 * the day index and every way of matching them goes into one hash set;
 * each later question about the same day is a hash lookup. A run is
 * matched on its day, its source and either its created_at stamp or,
 * without one, its distance and duration; a drink on its day and either
 * its created_at or its volume and electrolytes. Only rows with ids up to
 * the largest one before the import count, so rows the import itself adds
 * never match.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store-int.h"
#include "util.h"

/* A set of byte strings, open addressing, grown at half full. */
struct keyset {
	char   **slot;
	size_t   cap, n;
};

struct store_import {
	struct store *st;
	int64_t       max[ENTRY_KIND_COUNT];  /* ids that existed before */
	sqlite3_stmt *runs, *drinks;          /* a day's earlier rows */
	struct keyset keys;
};

static uint64_t
key_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;   /* FNV-1a */

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return h;
}

static size_t
key_slot(const struct keyset *k, const char *s)
{
	size_t i = (size_t)key_hash(s) & (k->cap - 1);

	while (k->slot[i] != NULL && strcmp(k->slot[i], s) != 0)
		i = (i + 1) & (k->cap - 1);
	return i;
}

static int
key_has(const struct keyset *k, const char *s)
{
	return k->cap > 0 && k->slot[key_slot(k, s)] != NULL;
}

/* Adds s (taking it over); a string already there is freed. */
static void
key_add(struct keyset *k, char *s)
{
	size_t i;

	if (2 * (k->n + 1) > k->cap) {
		struct keyset g = { NULL, k->cap ? 2 * k->cap : 256, 0 };
		g.slot = xcalloc(g.cap, sizeof *g.slot);
		for (i = 0; i < k->cap; i++)
			if (k->slot[i] != NULL)
				g.slot[key_slot(&g, k->slot[i])] = k->slot[i];
		g.n = k->n;
		free(k->slot);
		*k = g;
	}
	i = key_slot(k, s);
	if (k->slot[i] != NULL) {
		free(s);
		return;
	}
	k->slot[i] = s;
	k->n++;
}

static void
key_free(struct keyset *k)
{
	size_t i;

	for (i = 0; i < k->cap; i++)
		free(k->slot[i]);
	free(k->slot);
	memset(k, 0, sizeof *k);
}

/* Text in a key: its length first, so no text can imitate another key. */
static char *
run_key_stamp(int day, const char *source, const char *created)
{
	return xasprintf("r%d:c%zu:%s%zu:%s", day, strlen(source), source,
	    strlen(created), created);
}

static char *
run_key_values(int day, const char *source, int64_t dist, int64_t dur)
{
	return xasprintf("r%d:v%zu:%s%" PRId64 ":%" PRId64, day, strlen(source),
	    source, dist, dur);
}

static char *
drink_key_stamp(int day, const char *created)
{
	return xasprintf("d%d:c%zu:%s", day, strlen(created), created);
}

static char *
drink_key_values(int day, int64_t volume, int electrolytes)
{
	return xasprintf("d%d:v%" PRId64 ":%d", day, volume, electrolytes != 0);
}

int
store_import_begin(struct store *st, const char *label,
    struct store_import **out)
{
	struct store_import *im;
	int k;

	*out = NULL;
	/* The connection ends with the command, so the cache goes with it. */
	if (db_exec(st, "PRAGMA cache_size = -65536") != 0)
		return -1;
	if (store_begin(st, label) != 0)
		return -1;
	im = xcalloc(1, sizeof *im);
	im->st = st;
	for (k = 0; k < ENTRY_KIND_COUNT; k++) {
		if ((im->max[k] = max_id(st, (enum entry_kind)k)) < 0) {
			store_rollback(st);
			free(im);
			return -1;
		}
	}
	/* "+external_id" keeps the planner on the day index: the unique
	 * (source, external_id) index would scan every run without one. */
	if (sqlite3_prepare_v2(st->db, "SELECT source, distance_m, duration_s, "
	    "created_at FROM run WHERE day = ?1 AND id <= ?2 "
	    "AND +external_id IS NULL", -1, &im->runs, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(st->db, "SELECT volume_ml, electrolytes, "
	    "created_at FROM drink WHERE day = ?1 AND "
	    "id <= ?2", -1, &im->drinks, NULL) != SQLITE_OK) {
		db_fail(st, "read");
		store_import_end(im, 0);
		return -1;
	}
	*out = im;
	return 0;
}

/* Reads the earlier runs of day into the key set, once per day. */
static int
load_runs(struct store_import *im, int day)
{
	sqlite3_stmt *s = im->runs;
	char *mark = xasprintf("r%d", day);
	int rc;

	if (key_has(&im->keys, mark)) {
		free(mark);
		return 0;
	}
	key_add(&im->keys, mark);
	sqlite3_reset(s);
	bind_day(s, 1, day);
	sqlite3_bind_int64(s, 2, im->max[ENTRY_RUN]);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *src = (const char *)sqlite3_column_text(s, 0);
		const char *cr = (const char *)sqlite3_column_text(s, 3);
		src = src != NULL ? src : "";
		key_add(&im->keys, run_key_values(day, src,
		    sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2)));
		if (cr != NULL)
			key_add(&im->keys, run_key_stamp(day, src, cr));
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : db_fail(im->st, "read");
}

static int
load_drinks(struct store_import *im, int day)
{
	sqlite3_stmt *s = im->drinks;
	char *mark = xasprintf("d%d", day);
	int rc;

	if (key_has(&im->keys, mark)) {
		free(mark);
		return 0;
	}
	key_add(&im->keys, mark);
	sqlite3_reset(s);
	bind_day(s, 1, day);
	sqlite3_bind_int64(s, 2, im->max[ENTRY_DRINK]);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *cr = (const char *)sqlite3_column_text(s, 2);
		key_add(&im->keys, drink_key_values(day, sqlite3_column_int64(s, 0),
		    sqlite3_column_int(s, 1)));
		if (cr != NULL)
			key_add(&im->keys, drink_key_stamp(day, cr));
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : db_fail(im->st, "read");
}

static int
known(struct store_import *im, char *key)
{
	int found = key_has(&im->keys, key);

	free(key);
	return found;
}

int
store_run_known(struct store_import *im, const struct run *r)
{
	const char *src = r->source != NULL ? r->source : "runlog";

	if (im->max[ENTRY_RUN] == 0)
		return 0;   /* the journal had no runs: nothing to match */
	if (load_runs(im, r->day) != 0)
		return -1;
	if (r->created_at != NULL)
		return known(im, run_key_stamp(r->day, src, r->created_at));
	return known(im, run_key_values(r->day, src, r->distance_m,
	    r->duration_s));
}

int
store_drink_known(struct store_import *im, const struct drink *d)
{
	if (im->max[ENTRY_DRINK] == 0)
		return 0;
	if (load_drinks(im, d->day) != 0)
		return -1;
	if (d->created_at != NULL)
		return known(im, drink_key_stamp(d->day, d->created_at));
	return known(im, drink_key_values(d->day, d->volume_ml,
	    d->electrolytes));
}

/*
 * The triggers of the schema are all undo's. An insert trigger records
 * only when the undo group is not a batch's (WHEN ... bulk = 0), yet
 * SQLite still runs its program for every row to find that out (a frame
 * of some 150 registers allocated and cleared, and a statement journal
 * because a trigger may abort): more than half the cost of an insert.
 * Turning triggers off for the connection expires every prepared
 * statement, so each is prepared again, with or without them, at its
 * next step; nothing prepared while they are off outlives the switch.
 */
int
store_import_adding(struct store_import *im, int on)
{
	int now;

	if (!im->st->batch) {
		err_set("adding rows without their triggers outside an import");
		return -1;
	}
	if (sqlite3_db_config(im->st->db, SQLITE_DBCONFIG_ENABLE_TRIGGER,
	    on ? 0 : 1, &now) != SQLITE_OK || now != !on) {
		err_set("%s: cannot switch the insert triggers", im->st->path);
		return -1;
	}
	return 0;
}

int
store_import_shoe(struct store_import *im, const char *name)
{
	if (name == NULL || *name == '\0')
		return 0;
	return store_shoe_need(im->st, name, 1);
}

int
store_import_end(struct store_import *im, int commit)
{
	int rc = 0, on;

	if (im == NULL)
		return 0;
	sqlite3_db_config(im->st->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, &on);
	sqlite3_finalize(im->runs);
	sqlite3_finalize(im->drinks);
	key_free(&im->keys);
	if (commit)
		rc = store_commit(im->st);
	else
		store_rollback(im->st);
	free(im);
	return rc;
}
