/*
 * store-undo: transactions, undo groups, delete, undo and redo.
 *
 * Every change runs in one transaction that opens an undo group; the
 * schema's triggers record, for each changed row, the table, the operation
 * and the row's values before and after as JSON (schema/003-undo-data.sql).
 * Nothing stored is ever run as SQL: undo reads a group's data, checks all
 * of it (a known table, a known operation, JSON carrying every column) and
 * only then replays it, newest first, through statements built here from
 * the fixed list of undoable tables. Undo records what it changes in a redo
 * group, which redo replays the same way; any new change drops those.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

/* --- transactions and undo groups ------------------------------------ */

/* What a new group is for: an ordinary change, an undo or a redo. */
enum group_mode { GROUP_CHANGE, GROUP_UNDO, GROUP_REDO };

/* Runs one statement of this file that takes up to two integers. */
static int
exec_ints(struct store *st, const char *sql, int64_t a, int64_t b)
{
	sqlite3_stmt *s;
	int rc, n;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "write");
	n = sqlite3_bind_parameter_count(s);
	if (n >= 1)
		sqlite3_bind_int64(s, 1, a);
	if (n >= 2)
		sqlite3_bind_int64(s, 2, b);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : db_fail(st, "write");
}

/*
 * Inside a transaction: a new group labelled label, opened for the
 * triggers. An ordinary change drops what redo could replay and prunes
 * the oldest groups; an undo records what it does into a redo group.
 */
static int
group_new(struct store *st, const char *label, int bulk, enum group_mode mode)
{
	sqlite3_stmt *s;

	if (mode == GROUP_CHANGE && (exec_ints(st, "DELETE FROM undo_log WHERE "
	    "grp IN (SELECT id FROM undo_group WHERE redo = 1)", 0, 0) != 0 ||
	    exec_ints(st, "DELETE FROM undo_group WHERE redo = 1", 0, 0) != 0))
		return -1;
	if ((s = stmt(st, S_GRP_NEW)) == NULL)
		return -1;
	bind_text(s, 1, label);
	if (step_done(st, s) != 0)
		return -1;
	st->group = sqlite3_last_insert_rowid(st->db);
	if (mode == GROUP_UNDO && exec_ints(st, "UPDATE undo_group SET redo = 1 "
	    "WHERE id = ?", st->group, 0) != 0)
		return -1;
	if ((s = stmt(st, S_GRP_OPEN)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, st->group);
	sqlite3_bind_int(s, 2, bulk);
	if (step_done(st, s) != 0)
		return -1;
	if (mode != GROUP_CHANGE)
		return 0;
	/* Keep the newest UNDO_KEEP groups. */
	if ((s = stmt(st, S_GRP_PRUNE_LOG)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, st->group - UNDO_KEEP);
	if (step_done(st, s) != 0 || (s = stmt(st, S_GRP_PRUNE)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, st->group - UNDO_KEEP);
	return step_done(st, s);
}

static int
group_open(struct store *st, const char *label, int bulk)
{
	if (db_exec(st, "BEGIN IMMEDIATE") != 0)
		return -1;
	if (group_new(st, label, bulk, GROUP_CHANGE) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
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
 * ids, so one 'insert' of the new id range per table undoes them (undo
 * removes the range after every other change of the group is put back).
 * Replaced and deleted rows were recorded by the triggers as usual.
 */
static int
record_bulk_undo(struct store *st)
{
	sqlite3_stmt *s = NULL;
	int64_t top;
	int k, rc = 0;

	if (sqlite3_prepare_v2(st->db, "INSERT INTO undo_log (grp, tbl, op, "
	    "row_id, last_id) VALUES (?, ?, 'insert', ?, ?)", -1, &s, NULL) !=
	    SQLITE_OK)
		return db_fail(st, "write");
	for (k = 0; k < ENTRY_KIND_COUNT && rc == 0; k++) {
		if ((top = max_id(st, (enum entry_kind)k)) < 0) {
			rc = -1;
			break;
		}
		if (top <= st->bulk_max[k])
			continue;
		sqlite3_bind_int64(s, 1, st->group);
		sqlite3_bind_text(s, 2, kind_tables[k], -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, st->bulk_max[k] + 1);
		sqlite3_bind_int64(s, 4, top);
		rc = step_done(st, s);
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

/* --- delete ------------------------------------------------------------ */

/* "delete run r2" or "delete 3 entries: r2, d1, s4", cut to fit. */
static char *
delete_label(const enum entry_kind *k, const int64_t *id, size_t n)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	if (n == 1) {
		buf_printf(&b, "delete %s %c%" PRId64, entry_kind_name(k[0]),
		    entry_kind_letter(k[0]), id[0]);
		return b.data;
	}
	buf_printf(&b, "delete %zu entries:", n);
	for (i = 0; i < n; i++) {
		if (b.len > 80) {
			buf_printf(&b, " and %zu more", n - i);
			break;
		}
		buf_printf(&b, "%s %c%" PRId64, i ? "," : "",
		    entry_kind_letter(k[i]), id[i]);
	}
	return b.data;
}

/* 1 when the entry exists (SELECT) or was deleted (DELETE), 0 when
 * there is none, -1 on error. */
static int
entry_by_id(struct store *st, int del, enum entry_kind k, int64_t id)
{
	char sql[80];
	sqlite3_stmt *s;
	int rc;

	/* The table name comes from the fixed list, never from input. */
	snprintf(sql, sizeof sql, "%s FROM %s WHERE id = ?",
	    del ? "DELETE" : "SELECT 1", kind_tables[k]);
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "delete");
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(st, "delete");
	if (del)
		return sqlite3_changes(st->db) > 0;
	return rc == SQLITE_ROW;
}

int
store_delete_many(struct store *st, const enum entry_kind *k,
    const int64_t *id, size_t n, size_t *missing)
{
	char *label;
	size_t i;
	int rc = 0, found;

	for (i = 0; i < n; i++) {
		if ((unsigned)k[i] >= ENTRY_KIND_COUNT) {
			err_set("unknown kind of entry");
			return -1;
		}
	}
	label = delete_label(k, id, n);
	rc = write_begin(st, label);
	free(label);
	if (rc != 0)
		return -1;
	/* Every id is looked up, inside the transaction, before any goes. */
	for (i = 0; i < n; i++) {
		if ((found = entry_by_id(st, 0, k[i], id[i])) < 0)
			return write_end(st, -1);
		if (found == 0) {
			if (missing != NULL)
				*missing = i;
			if (!st->batch)
				sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return 1;
		}
	}
	/* An id given twice is deleted once: the second finds nothing. */
	for (i = 0; i < n && rc == 0; i++)
		rc = entry_by_id(st, 1, k[i], id[i]) < 0 ? -1 : 0;
	return write_end(st, rc);
}

int
store_delete(struct store *st, enum entry_kind k, int64_t id)
{
	return store_delete_many(st, &k, &id, 1, NULL);
}

/* --- undo and redo ------------------------------------------------------ */

/*
 * The tables undo and redo may touch, each with every column, id first.
 * The names here, never those stored in the journal, go into statements.
 */
static const char *const run_cols[] = { "id", "day", "distance_m",
	"duration_s", "rpe", "type", "avg_hr", "climb_m", "mass_before_g",
	"mass_after_g", "note", "source", "external_id", "created_at",
	"updated_at", NULL };
static const char *const sleep_cols[] = { "id", "day", "minutes", "quality",
	"note", "created_at", "updated_at", NULL };
static const char *const drink_cols[] = { "id", "day", "volume_ml",
	"electrolytes", "created_at", "updated_at", NULL };
static const char *const checkin_cols[] = { "id", "day", "fatigue",
	"soreness", "mood", "stress", "rhr", "ill", "pain", "swelling",
	"numbness", "no_weight", "note", "created_at", "updated_at", NULL };
static const char *const rest_cols[] = { "id", "day", "note", "created_at",
	"updated_at", NULL };

static const struct undo_table {
	const char        *name;
	const char *const *cols;
} undo_tables[] = {
	{ "run", run_cols },
	{ "sleep", sleep_cols },
	{ "drink", drink_cols },
	{ "checkin", checkin_cols },
	{ "rest", rest_cols },
};
#define UNDO_TABLES (sizeof undo_tables / sizeof undo_tables[0])

/* The largest row's data accepted, in bytes: a row of runlog's own is a
 * few kilobytes at most. */
#define UNDO_DATA_MAX 65536

enum undo_op { OP_INSERT, OP_UPDATE, OP_DELETE, OP_COUNT };
static const char *const op_names[OP_COUNT] = { "insert", "update", "delete" };

/* The statements of one table, built on first use. */
enum { U_CHECK, U_INSERT, U_UPDATE, U_DELETE, U_RANGE, U_COUNT };

struct replay {
	struct store *st;
	int           redo;        /* replaying a redo group */
	int64_t       grp;
	sqlite3_stmt *s[UNDO_TABLES][U_COUNT];
};

/* One stored change, as read from undo_log; the texts belong to SQLite. */
struct change {
	int64_t        seq;
	size_t         table;
	enum undo_op   op;
	int64_t        row_id, last_id;   /* last_id 0: one row */
	sqlite3_value *old, *new;
};

static void
build_sql(struct buf *b, const struct undo_table *t, int which)
{
	size_t i;

	switch (which) {
	case U_CHECK:
		/* CASE first: json_type() fails on text that is not JSON. */
		buf_printf(b, "SELECT CASE WHEN typeof(?1) = 'text' AND "
		    "length(?1) <= %d AND json_valid(?1) THEN coalesce("
		    "json_type(?1) = 'object' AND json_type(?1, '$.id') = "
		    "'integer'", UNDO_DATA_MAX);
		for (i = 1; t->cols[i] != NULL; i++)
			buf_printf(b, " AND json_type(?1, '$.%s') IS NOT NULL",
			    t->cols[i]);
		buf_adds(b, ", 0) ELSE 0 END, CASE WHEN json_valid(?1) THEN "
		    "json_extract(?1, '$.id') END");
		break;
	case U_INSERT:
		buf_printf(b, "INSERT INTO %s (", t->name);
		for (i = 0; t->cols[i] != NULL; i++)
			buf_printf(b, "%s%s", i ? ", " : "", t->cols[i]);
		buf_adds(b, ") VALUES (");
		for (i = 0; t->cols[i] != NULL; i++)
			buf_printf(b, "%sjson_extract(?1, '$.%s')", i ? ", " : "",
			    t->cols[i]);
		buf_adds(b, ")");
		break;
	case U_UPDATE:
		buf_printf(b, "UPDATE %s SET ", t->name);
		for (i = 0; t->cols[i] != NULL; i++)
			buf_printf(b, "%s%s = json_extract(?1, '$.%s')",
			    i ? ", " : "", t->cols[i], t->cols[i]);
		buf_adds(b, " WHERE id = json_extract(?2, '$.id')");
		break;
	case U_DELETE:
		buf_printf(b, "DELETE FROM %s WHERE id = ?1", t->name);
		break;
	default:
		buf_printf(b, "DELETE FROM %s WHERE id BETWEEN ?1 AND ?2", t->name);
		break;
	}
}

static sqlite3_stmt *
replay_stmt(struct replay *r, size_t table, int which)
{
	sqlite3_stmt **s = &r->s[table][which];
	struct buf b;

	if (*s != NULL) {
		sqlite3_reset(*s);
		sqlite3_clear_bindings(*s);
		return *s;
	}
	buf_init(&b);
	build_sql(&b, &undo_tables[table], which);
	if (sqlite3_prepare_v2(r->st->db, b.data, -1, s, NULL) != SQLITE_OK) {
		db_fail(r->st, "undo");
		*s = NULL;
	}
	buf_free(&b);
	return *s;
}

static void
replay_free(struct replay *r)
{
	size_t t;
	int i;

	for (t = 0; t < UNDO_TABLES; t++)
		for (i = 0; i < U_COUNT; i++)
			sqlite3_finalize(r->s[t][i]);
}

/*
 * 0 when v is a JSON object of the table's every column whose id is id
 * (any id when id is 0); 1 when it is not; -1 on error.
 */
static int
data_ok(struct replay *r, size_t table, sqlite3_value *v, int64_t id)
{
	sqlite3_stmt *s = replay_stmt(r, table, U_CHECK);
	int rc, good;

	if (s == NULL)
		return -1;
	sqlite3_bind_value(s, 1, v);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW)
		return db_fail(r->st, "undo");
	good = sqlite3_column_int(s, 0) == 1 &&
	    sqlite3_column_type(s, 1) == SQLITE_INTEGER &&
	    (id == 0 || sqlite3_column_int64(s, 1) == id);
	sqlite3_reset(s);
	return good ? 0 : 1;
}

/* Reads one undo_log row into c; NULL when it is valid, else why not. */
static const char *
change_read(sqlite3_stmt *q, struct change *c)
{
	const char *tbl = (const char *)sqlite3_column_text(q, 1);
	const char *op = (const char *)sqlite3_column_text(q, 2);
	size_t i;

	memset(c, 0, sizeof *c);
	c->seq = sqlite3_column_int64(q, 0);
	c->table = UNDO_TABLES;
	for (i = 0; tbl != NULL && i < UNDO_TABLES; i++)
		if (sqlite3_column_type(q, 1) == SQLITE_TEXT &&
		    strcmp(tbl, undo_tables[i].name) == 0)
			c->table = i;
	if (c->table == UNDO_TABLES)
		return "a table undo may not change";
	c->op = OP_COUNT;
	for (i = 0; op != NULL && i < OP_COUNT; i++)
		if (sqlite3_column_type(q, 2) == SQLITE_TEXT &&
		    strcmp(op, op_names[i]) == 0)
			c->op = (enum undo_op)i;
	if (c->op == OP_COUNT)
		return "an unknown operation";
	if (sqlite3_column_type(q, 3) != SQLITE_INTEGER ||
	    (c->row_id = sqlite3_column_int64(q, 3)) <= 0)
		return "the row id is not a positive integer";
	if (sqlite3_column_type(q, 4) != SQLITE_NULL) {
		if (sqlite3_column_type(q, 4) != SQLITE_INTEGER ||
		    c->op != OP_INSERT ||
		    (c->last_id = sqlite3_column_int64(q, 4)) < c->row_id)
			return "an id range that is not one";
	}
	c->old = sqlite3_column_value(q, 5);
	c->new = sqlite3_column_value(q, 6);
	return NULL;
}

/* Checks the row values c needs, and that it carries no others. */
static const char *
change_check(struct replay *r, const struct change *c, int *err)
{
	int need_old = c->op != OP_INSERT;
	int need_new = c->op != OP_DELETE && c->last_id == 0;
	int rc;

	*err = 0;
	if (sqlite3_value_type(c->old) != SQLITE_NULL && !need_old)
		return "values before an insert, which has none";
	if (sqlite3_value_type(c->new) != SQLITE_NULL && !need_new)
		return "values after a change that leaves none";
	if (need_old && (rc = data_ok(r, c->table, c->old, c->row_id)) != 0) {
		*err = rc < 0;
		return "the values before it are missing or incomplete";
	}
	if (need_new && (rc = data_ok(r, c->table, c->new,
	    c->op == OP_INSERT ? c->row_id : 0)) != 0) {
		*err = rc < 0;
		return "the values after it are missing or incomplete";
	}
	return NULL;
}

/* Puts back one change; 0, 1 when the journal does not match it, -1. */
static int
change_apply(struct replay *r, const struct change *c)
{
	sqlite3_stmt *s;
	int which = c->op == OP_DELETE ? U_INSERT : c->op == OP_UPDATE ?
	    U_UPDATE : c->last_id ? U_RANGE : U_DELETE;

	if ((s = replay_stmt(r, c->table, which)) == NULL)
		return -1;
	switch (which) {
	case U_INSERT:
		sqlite3_bind_value(s, 1, c->old);
		break;
	case U_UPDATE:
		sqlite3_bind_value(s, 1, c->old);
		sqlite3_bind_value(s, 2, c->new);
		break;
	case U_RANGE:
		sqlite3_bind_int64(s, 2, c->last_id);
		/* fall through */
	default:
		sqlite3_bind_int64(s, 1, c->row_id);
		break;
	}
	if (sqlite3_step(s) != SQLITE_DONE) {
		err_set("%s: %s data for group %" PRId64 " does not fit the "
		    "journal (%s); nothing was %s", r->st->path, r->redo ? "redo" :
		    "undo", r->grp, sqlite3_errmsg(r->st->db), r->redo ? "redone" :
		    "undone");
		sqlite3_reset(s);
		return 1;
	}
	sqlite3_reset(s);
	/* One row changed back, or the journal is not what the data says. */
	if (which != U_RANGE && sqlite3_changes(r->st->db) != 1) {
		err_set("%s: %s data for group %" PRId64 " does not match the "
		    "journal (%s %" PRId64 " is not as recorded); nothing was %s",
		    r->st->path, r->redo ? "redo" : "undo", r->grp,
		    undo_tables[c->table].name, c->row_id, r->redo ? "redone" :
		    "undone");
		return 1;
	}
	return 0;
}

/*
 * Reads the group twice, newest first, with a batch's id ranges last:
 * once to check every change, once to put each back. Nothing is changed
 * unless every change checks.
 */
static int
replay_group(struct replay *r)
{
	sqlite3_stmt *q;
	struct change c;
	const char *why = NULL;
	int pass, step = SQLITE_DONE, rc = 0, err = 0;

	if (sqlite3_prepare_v2(r->st->db, "SELECT seq, tbl, op, row_id, "
	    "last_id, old, new FROM undo_log WHERE grp = ? ORDER BY "
	    "last_id IS NULL DESC, seq DESC", -1, &q, NULL) != SQLITE_OK)
		return db_fail(r->st, "undo");
	for (pass = 0; pass < 2 && rc == 0; pass++) {
		sqlite3_reset(q);
		sqlite3_bind_int64(q, 1, r->grp);
		while (rc == 0 && (step = sqlite3_step(q)) == SQLITE_ROW) {
			why = change_read(q, &c);
			if (why == NULL && pass == 0)
				why = change_check(r, &c, &err);
			if (why != NULL)
				rc = -1;
			else if (pass == 1)
				rc = change_apply(r, &c);
		}
		if (rc == 0 && step != SQLITE_DONE)
			rc = db_fail(r->st, "undo");
	}
	if (why != NULL && !err)
		err_set("%s: %s data for group %" PRId64 " does not parse; "
		    "nothing was %s (change %" PRId64 ": %s)", r->st->path,
		    r->redo ? "redo" : "undo", r->grp, r->redo ? "redone" :
		    "undone", c.seq, why);
	sqlite3_finalize(q);
	return rc == 0 ? 0 : -1;
}

/* Undoes (redo 0) or redoes (redo 1) the newest group of its kind. */
static int
replay_newest(struct store *st, int redo, char *label, size_t labelsz)
{
	struct replay r;
	sqlite3_stmt *g = NULL;
	char *text = NULL;
	int rc;

	if (st->batch) {
		err_set("cannot %s while a change is in progress",
		    redo ? "redo" : "undo");
		return -1;
	}
	if (db_exec(st, "BEGIN IMMEDIATE") != 0)
		return -1;
	memset(&r, 0, sizeof r);
	r.st = st;
	r.redo = redo;
	if (sqlite3_prepare_v2(st->db, "SELECT id, label FROM undo_group "
	    "WHERE redo = ? ORDER BY id DESC LIMIT 1", -1, &g, NULL) != SQLITE_OK)
		goto fail_db;
	sqlite3_bind_int(g, 1, redo);
	if ((rc = sqlite3_step(g)) == SQLITE_DONE) {
		sqlite3_finalize(g);
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return 1;
	}
	if (rc != SQLITE_ROW)
		goto fail_db;
	r.grp = sqlite3_column_int64(g, 0);
	text = col_text(g, 1);
	sqlite3_finalize(g);
	g = NULL;
	/* What this changes is recorded in turn, for redo (or undo again). */
	if (group_new(st, text ? text : "", 0, redo ? GROUP_REDO : GROUP_UNDO) !=
	    0 || replay_group(&r) != 0 ||
	    exec_ints(st, "DELETE FROM undo_log WHERE grp = ?", r.grp, 0) != 0 ||
	    exec_ints(st, "DELETE FROM undo_group WHERE id = ?", r.grp, 0) != 0)
		goto fail;
	replay_free(&r);
	if (group_close(st) != 0) {
		free(text);
		return -1;
	}
	if (label != NULL && labelsz > 0) {
		snprintf(label, labelsz, "%s", text ? text : "");
		text_sanitize(label);
	}
	free(text);
	return 0;
fail_db:
	db_fail(st, redo ? "redo" : "undo");
fail:
	sqlite3_finalize(g);
	replay_free(&r);
	free(text);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int
store_undo(struct store *st, char *label, size_t labelsz)
{
	return replay_newest(st, 0, label, labelsz);
}

int
store_redo(struct store *st, char *label, size_t labelsz)
{
	return replay_newest(st, 1, label, labelsz);
}
