/*
 * store-undo: transactions, undo groups, delete and undo. Every change runs
 * in one transaction that opens an undo group; the schema's triggers record
 * how to put each changed row back, and undo replays the newest group.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store-int.h"
#include "units.h"
#include "util.h"

/* --- transactions and undo groups ------------------------------------ */

static int
group_open(struct store *st, const char *label, int bulk)
{
	sqlite3_stmt *s;

	if (db_exec(st, "BEGIN IMMEDIATE") != 0)
		return -1;
	if ((s = stmt(st, S_GRP_NEW)) == NULL)
		goto fail;
	bind_text(s, 1, label);
	if (step_done(st, s) != 0)
		goto fail;
	st->group = sqlite3_last_insert_rowid(st->db);
	if ((s = stmt(st, S_GRP_OPEN)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, st->group);
	sqlite3_bind_int(s, 2, bulk);
	if (step_done(st, s) != 0)
		goto fail;
	/* Keep the newest UNDO_KEEP groups. */
	if ((s = stmt(st, S_GRP_PRUNE_LOG)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, st->group - UNDO_KEEP);
	if (step_done(st, s) != 0)
		goto fail;
	if ((s = stmt(st, S_GRP_PRUNE)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, st->group - UNDO_KEEP);
	if (step_done(st, s) != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

static int
group_close(struct store *st)
{
	sqlite3_stmt *s;

	if ((s = stmt(st, S_GRP_CLOSE)) == NULL || step_done(st, s) != 0)
		goto fail;
	/* A change that changed nothing leaves nothing to undo. */
	if ((s = stmt(st, S_GRP_EMPTY)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, st->group);
	if (step_done(st, s) != 0 || db_exec(st, "COMMIT") != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* The largest id of a table, 0 when it is empty; -1 on error. */
int64_t
max_id(struct store *st, enum entry_kind k)
{
	char sql[64];
	sqlite3_stmt *s;
	int64_t id = -1;

	snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM %s",
	    kind_tables[k]);
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		db_fail(st, "read");
		return -1;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	else
		db_fail(st, "read");
	sqlite3_finalize(s);
	return id;
}

int
store_begin(struct store *st, const char *label)
{
	int k;

	if (st->batch) {
		err_set("a change is already in progress");
		return -1;
	}
	if (group_open(st, label, 1) != 0)
		return -1;
	for (k = 0; k < ENTRY_KIND_COUNT; k++) {
		if ((st->bulk_max[k] = max_id(st, (enum entry_kind)k)) < 0) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	st->batch = 1;
	return 0;
}

/*
 * A batch's inserts were not recorded row by row: rows get ever larger
 * ids, so one DELETE of the new id range per table undoes them. Replaced
 * and deleted rows were recorded by the triggers as usual.
 */
static int
record_bulk_undo(struct store *st)
{
	sqlite3_stmt *s = NULL;
	int64_t top;
	int k, rc = 0;

	if (sqlite3_prepare_v2(st->db, "INSERT INTO undo_log (grp, sql) "
	    "VALUES (?, ?)", -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "write");
	for (k = 0; k < ENTRY_KIND_COUNT && rc == 0; k++) {
		char *sql;

		if ((top = max_id(st, (enum entry_kind)k)) < 0) {
			rc = -1;
			break;
		}
		if (top <= st->bulk_max[k])
			continue;
		sql = xasprintf("DELETE FROM %s WHERE id > %" PRId64 " AND id <= %"
		    PRId64, kind_tables[k], st->bulk_max[k], top);
		sqlite3_bind_int64(s, 1, st->group);
		sqlite3_bind_text(s, 2, sql, -1, SQLITE_TRANSIENT);
		rc = step_done(st, s);
		free(sql);
	}
	sqlite3_finalize(s);
	return rc;
}

int
store_commit(struct store *st)
{
	st->batch = 0;
	if (record_bulk_undo(st) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return group_close(st);
}

void
store_rollback(struct store *st)
{
	st->batch = 0;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* A single write outside a batch opens and closes its own group. */
int
write_begin(struct store *st, const char *label)
{
	return st->batch ? 0 : group_open(st, label, 0);
}

int
write_end(struct store *st, int rc)
{
	if (st->batch)
		return rc;
	if (rc < 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	return group_close(st) == 0 ? rc : -1;
}

int
store_delete(struct store *st, enum entry_kind k, int64_t id)
{
	char sql[64], label[64];
	sqlite3_stmt *s = NULL;
	int rc = -1;

	if ((unsigned)k >= ENTRY_KIND_COUNT) {
		err_set("unknown kind of entry");
		return -1;
	}
	if (!st->batch)
		snprintf(label, sizeof label, "delete %s %c%" PRId64, entry_kind_name(k),
		    entry_kind_letter(k), id);
	/* The table name comes from the fixed list above, never from input. */
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?", kind_tables[k]);
	if (write_begin(st, label) != 0)
		return -1;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(s, 1, id);
		if (sqlite3_step(s) == SQLITE_DONE)
			rc = sqlite3_changes(st->db) == 0 ? 1 : 0;
		else
			db_fail(st, "delete");
	} else {
		db_fail(st, "delete");
	}
	sqlite3_finalize(s);
	return write_end(st, rc);
}

int
store_undo(struct store *st, char *label, size_t labelsz)
{
	sqlite3_stmt *g = NULL, *l = NULL;
	int64_t grp;
	int rc;

	if (st->batch) {
		err_set("cannot undo while a change is in progress");
		return -1;
	}
	if (db_exec(st, "BEGIN IMMEDIATE") != 0)
		return -1;
	if (sqlite3_prepare_v2(st->db, "SELECT id, label FROM undo_group "
	    "ORDER BY id DESC LIMIT 1", -1, &g, NULL) != SQLITE_OK)
		goto fail;
	rc = sqlite3_step(g);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(g);
		db_exec(st, "ROLLBACK");
		return 1;
	}
	if (rc != SQLITE_ROW)
		goto fail;
	grp = sqlite3_column_int64(g, 0);
	if (label != NULL)
		snprintf(label, labelsz, "%s", sqlite3_column_text(g, 1));
	if (sqlite3_prepare_v2(st->db, "SELECT sql FROM undo_log WHERE grp = ? "
	    "ORDER BY seq DESC", -1, &l, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_int64(l, 1, grp);
	while ((rc = sqlite3_step(l)) == SQLITE_ROW)
		if (db_exec(st, (const char *)sqlite3_column_text(l, 0)) != 0)
			goto fail_quiet;
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(l);
	sqlite3_finalize(g);
	l = g = NULL;
	{
		char sql[96];
		snprintf(sql, sizeof sql, "DELETE FROM undo_log WHERE grp = %" PRId64
		    "; DELETE FROM undo_group WHERE id = %" PRId64, grp, grp);
		if (db_exec(st, sql) != 0 || db_exec(st, "COMMIT") != 0)
			goto fail_quiet;
	}
	return 0;
fail:
	db_fail(st, "undo");
fail_quiet:
	sqlite3_finalize(l);
	sqlite3_finalize(g);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}
