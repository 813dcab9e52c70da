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
#include <errno.h>
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
	if (tx_begin(st) != 0)
		return -1;
	if (group_new(st, label, bulk, GROUP_CHANGE) != 0) {
		tx_rollback(st);
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
	store_committed(st);
	return 0;
fail:
	tx_rollback(st);
	return -1;
}

/* The largest id of a table, 0 when it is empty; -1 on error. */
int64_t
max_id(struct store *st, enum entry_kind k)
{
	char sql[64];
	sqlite3_stmt *s;
	int64_t id = -1;

	if (!store_kind_present(st, k))
		return 0;
	snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM %s",
	    entry_descs[k].table);
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
			tx_rollback(st);
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
		sqlite3_bind_text(s, 2, entry_descs[k].table, -1, SQLITE_STATIC);
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
		tx_rollback(st);
		return -1;
	}
	return group_close(st);
}

void
store_rollback(struct store *st)
{
	st->batch = 0;
	tx_rollback(st);
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
		tx_rollback(st);
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
	    del ? "DELETE" : "SELECT 1", entry_descs[k].table);
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
				tx_rollback(st);
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
#define UNDO_COLS_MAX 32      /* columns of the widest undoable table */

/* The entry tables' columns come from the entry descriptors, so a new
 * field of an entry needs no line here; other tables list theirs. */
static const char *kind_cols[ENTRY_KIND_COUNT][UNDO_COLS_MAX + 1];
static const char *const ack_cols[] = { "id", "rule", "day", "created_at",
	NULL };
static const char *const shoe_cols[] = { "id", "name", "limit_m", "retired",
	"is_default", "day", "created_at", NULL };

static const struct undo_table {
	const char        *name;
	const char *const *cols;
} undo_tables[] = {
	{ "run", kind_cols[ENTRY_RUN] },
	{ "sleep", kind_cols[ENTRY_SLEEP] },
	{ "drink", kind_cols[ENTRY_DRINK] },
	{ "checkin", kind_cols[ENTRY_CHECKIN] },
	{ "rest", kind_cols[ENTRY_REST] },
	{ "plan", kind_cols[ENTRY_PLAN] },
	{ "ack", ack_cols },
	{ "shoe", shoe_cols },
};

__attribute__((constructor)) static void
kind_cols_init(void)
{
	size_t k, i;

	for (k = 0; k < ENTRY_KIND_COUNT; k++) {
		const struct entry_desc *d = &entry_descs[k];
		for (i = 0; i < d->nfields && i < UNDO_COLS_MAX; i++)
			kind_cols[k][i] = d->fields[i].column;
		kind_cols[k][i] = NULL;
	}
}
#define UNDO_TABLES (sizeof undo_tables / sizeof undo_tables[0])

/* The largest row's data accepted, in bytes: a row of runlog's own is a
 * few dozen kilobytes at most, in hex. */
#define UNDO_DATA_MAX 262144

enum undo_op { OP_INSERT, OP_UPDATE, OP_DELETE, OP_COUNT };
static const char *const op_names[OP_COUNT] = { "insert", "update", "delete" };

/* The statements, built on first use: the two that read row data, then
 * per table those that put rows back. */
enum { U_SHAPE, U_FIELDS };
enum { U_INSERT, U_UPDATE, U_DELETE, U_RANGE, U_COUNT };

struct replay {
	struct store *st;
	int           redo;        /* replaying a redo group */
	int64_t       grp;
	sqlite3_stmt *read[2];
	sqlite3_stmt *s[UNDO_TABLES][U_COUNT];
};

/* One stored change, as read from undo_log; the values belong to SQLite. */
struct change {
	int64_t        seq;
	size_t         table;
	enum undo_op   op;
	int64_t        row_id, last_id;   /* last_id 0: one row */
	sqlite3_value *old, *new;
};

/* One value of a row, decoded from its stored form. */
struct field {
	int            type;      /* SQLITE_INTEGER, _FLOAT, _TEXT, _BLOB, _NULL */
	int64_t        i;
	double         r;
	unsigned char *bytes;     /* text or blob, allocated */
	int            n;
	int            seen;
};

/* Every column of a row, in the table's order. */
struct row {
	struct field f[UNDO_COLS_MAX];
	size_t       ncols;
};

static size_t
table_ncols(size_t table)
{
	size_t n = 0;

	while (undo_tables[table].cols[n] != NULL)
		n++;
	return n;
}

static void
build_sql(struct buf *b, size_t table, int which)
{
	const struct undo_table *t = &undo_tables[table];
	size_t i, n = table_ncols(table);

	switch (which) {
	case U_INSERT:
		buf_printf(b, "INSERT INTO %s (", t->name);
		for (i = 0; i < n; i++)
			buf_printf(b, "%s%s", i ? ", " : "", t->cols[i]);
		buf_adds(b, ") VALUES (");
		for (i = 0; i < n; i++)
			buf_printf(b, "%s?%zu", i ? ", " : "", i + 1);
		buf_adds(b, ")");
		break;
	case U_UPDATE:
		buf_printf(b, "UPDATE %s SET ", t->name);
		for (i = 0; i < n; i++)
			buf_printf(b, "%s%s = ?%zu", i ? ", " : "", t->cols[i], i + 1);
		buf_printf(b, " WHERE id = ?%zu", n + 1);
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
prepared(struct replay *r, sqlite3_stmt **s, const char *sql)
{
	if (*s != NULL) {
		sqlite3_reset(*s);
		sqlite3_clear_bindings(*s);
		return *s;
	}
	if (sqlite3_prepare_v2(r->st->db, sql, -1, s, NULL) != SQLITE_OK) {
		db_fail(r->st, r->redo ? "redo" : "undo");
		*s = NULL;
	}
	return *s;
}

static sqlite3_stmt *
replay_stmt(struct replay *r, size_t table, int which)
{
	sqlite3_stmt *s;
	struct buf b;

	if (r->s[table][which] != NULL)
		return prepared(r, &r->s[table][which], NULL);
	buf_init(&b);
	build_sql(&b, table, which);
	s = prepared(r, &r->s[table][which], b.data);
	buf_free(&b);
	return s;
}

static void
replay_free(struct replay *r)
{
	size_t t;
	int i;

	for (i = 0; i < 2; i++)
		sqlite3_finalize(r->read[i]);
	for (t = 0; t < UNDO_TABLES; t++)
		for (i = 0; i < U_COUNT; i++)
			sqlite3_finalize(r->s[t][i]);
}

static void
row_free(struct row *row)
{
	size_t i;

	for (i = 0; i < UNDO_COLS_MAX; i++)
		free(row->f[i].bytes);
	memset(row, 0, sizeof *row);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * Decodes one stored value: a type letter and the hex of the value's
 * bytes ("i3432" is 42); 0, or -1 when it is not one.
 */
static int
field_decode(const char *s, struct field *f)
{
	size_t len = strlen(s), i;
	char *end;

	if (len % 2 != 1)
		return -1;
	f->n = (int)(len / 2);
	f->bytes = xmalloc((size_t)f->n + 1);
	for (i = 0; i < (size_t)f->n; i++) {
		int hi = hexval(s[1 + 2 * i]), lo = hexval(s[2 + 2 * i]);
		if (hi < 0 || lo < 0)
			return -1;
		f->bytes[i] = (unsigned char)(hi << 4 | lo);
	}
	f->bytes[f->n] = '\0';
	switch (s[0]) {
	case 'n':
		f->type = SQLITE_NULL;
		return f->n == 0 ? 0 : -1;
	case 't':
		f->type = SQLITE_TEXT;
		return memchr(f->bytes, '\0', (size_t)f->n) == NULL ? 0 : -1;
	case 'b':
		f->type = SQLITE_BLOB;
		return 0;
	case 'i':
		f->type = SQLITE_INTEGER;
		errno = 0;
		f->i = strtoll((char *)f->bytes, &end, 10);
		return f->n > 0 && *end == '\0' && errno == 0 &&
		    (f->bytes[0] == '-' || (f->bytes[0] >= '0' &&
		    f->bytes[0] <= '9')) ? 0 : -1;
	case 'r':
		f->type = SQLITE_FLOAT;
		f->r = strtod((char *)f->bytes, &end);
		return f->n > 0 && *end == '\0' ? 0 : -1;
	default:
		return -1;
	}
}

/*
 * Decodes a row's stored values into row: a JSON object holding each of
 * the table's columns once and nothing else. 0; 1 when v is not that;
 * -1 on error.
 */
static int
row_decode(struct replay *r, size_t table, sqlite3_value *v, struct row *row)
{
	sqlite3_stmt *s;
	size_t i, seen = 0;
	int rc;

	memset(row, 0, sizeof *row);
	if ((row->ncols = table_ncols(table)) > UNDO_COLS_MAX) {
		err_set("undo: table %s has too many columns",
		    undo_tables[table].name);
		return -1;
	}
	/* The shape first: the JSON functions fail on text that is not JSON. */
	s = prepared(r, &r->read[U_SHAPE], "SELECT CASE WHEN typeof(?1) = "
	    "'text' AND length(CAST(?1 AS BLOB)) <= ?2 AND json_valid(?1) "
	    "THEN json_type(?1) = 'object' ELSE 0 END");
	if (s == NULL)
		return -1;
	sqlite3_bind_value(s, 1, v);
	sqlite3_bind_int(s, 2, UNDO_DATA_MAX);
	if (sqlite3_step(s) != SQLITE_ROW)
		return db_fail(r->st, "undo");
	if (sqlite3_column_int(s, 0) != 1)
		return 1;
	if ((s = prepared(r, &r->read[U_FIELDS], "SELECT key, type, atom FROM "
	    "json_each(?1)")) == NULL)
		return -1;
	sqlite3_bind_value(s, 1, v);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(s, 0);
		const char *type = (const char *)sqlite3_column_text(s, 1);
		const char *atom = (const char *)sqlite3_column_text(s, 2);

		for (i = 0; i < row->ncols && key != NULL &&
		    strcmp(key, undo_tables[table].cols[i]) != 0; i++)
			;
		if (i == row->ncols || row->f[i].seen || type == NULL ||
		    atom == NULL || strcmp(type, "text") != 0 ||
		    field_decode(atom, &row->f[i]) != 0)
			return 1;
		row->f[i].seen = 1;
		seen++;
	}
	if (rc != SQLITE_DONE)
		return db_fail(r->st, "undo");
	/* Every column, and an id that is a positive integer. */
	return seen == row->ncols && row->f[0].type == SQLITE_INTEGER &&
	    row->f[0].i > 0 ? 0 : 1;
}

static void
row_bind(sqlite3_stmt *s, const struct row *row)
{
	size_t i;

	for (i = 0; i < row->ncols; i++) {
		const struct field *f = &row->f[i];
		int k = (int)i + 1;

		switch (f->type) {
		case SQLITE_INTEGER:
			sqlite3_bind_int64(s, k, f->i);
			break;
		case SQLITE_FLOAT:
			sqlite3_bind_double(s, k, f->r);
			break;
		case SQLITE_TEXT:
			sqlite3_bind_text(s, k, (const char *)f->bytes, f->n,
			    SQLITE_TRANSIENT);
			break;
		case SQLITE_BLOB:
			sqlite3_bind_blob(s, k, f->bytes, f->n, SQLITE_TRANSIENT);
			break;
		default:
			sqlite3_bind_null(s, k);
			break;
		}
	}
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

/*
 * Decodes the values c needs into old and new, checking that it carries
 * no others: NULL when all is well, else why not (*err set on an error
 * that is not the data's).
 */
static const char *
change_rows(struct replay *r, const struct change *c, struct row *old,
    struct row *new, int *err)
{
	int need_old = c->op != OP_INSERT;
	int need_new = c->op != OP_DELETE && c->last_id == 0;
	int rc;

	*err = 0;
	memset(old, 0, sizeof *old);
	memset(new, 0, sizeof *new);
	if (sqlite3_value_type(c->old) != SQLITE_NULL && !need_old)
		return "values before an insert, which has none";
	if (sqlite3_value_type(c->new) != SQLITE_NULL && !need_new)
		return "values after a change that leaves none";
	if (need_old && ((rc = row_decode(r, c->table, c->old, old)) != 0 ||
	    old->f[0].i != c->row_id)) {
		*err = rc < 0;
		return "the values before it are missing or incomplete";
	}
	if (need_new && ((rc = row_decode(r, c->table, c->new, new)) != 0 ||
	    (c->op == OP_INSERT && new->f[0].i != c->row_id))) {
		*err = rc < 0;
		return "the values after it are missing or incomplete";
	}
	return NULL;
}

/* Puts back one change; 0, 1 when the journal does not match it, -1. */
static int
change_apply(struct replay *r, const struct change *c, const struct row *old,
    const struct row *new)
{
	sqlite3_stmt *s;
	int which = c->op == OP_DELETE ? U_INSERT : c->op == OP_UPDATE ?
	    U_UPDATE : c->last_id ? U_RANGE : U_DELETE;

	if ((s = replay_stmt(r, c->table, which)) == NULL)
		return -1;
	if (which == U_INSERT || which == U_UPDATE)
		row_bind(s, old);
	if (which == U_UPDATE)
		sqlite3_bind_int64(s, (int)old->ncols + 1, new->f[0].i);
	if (which == U_DELETE || which == U_RANGE)
		sqlite3_bind_int64(s, 1, c->row_id);
	if (which == U_RANGE)
		sqlite3_bind_int64(s, 2, c->last_id);
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
			struct row old, new;

			memset(&old, 0, sizeof old);
			memset(&new, 0, sizeof new);
			if ((why = change_read(q, &c)) == NULL)
				why = change_rows(r, &c, &old, &new, &err);
			if (why != NULL)
				rc = -1;
			else if (pass == 1)
				rc = change_apply(r, &c, &old, &new);
			row_free(&old);
			row_free(&new);
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
	if (tx_begin(st) != 0)
		return -1;
	memset(&r, 0, sizeof r);
	r.st = st;
	r.redo = redo;
	/* A group whose redo flag is neither 0 nor 1 is damaged: if it is
	 * newer than the group to replay, which comes first is unknown. */
	if (sqlite3_prepare_v2(st->db, "SELECT id, label, typeof(label) = "
	    "'text' AND redo IN (0, 1) FROM undo_group WHERE redo = ?1 OR "
	    "(redo IS NOT 0 AND redo IS NOT 1) ORDER BY id DESC LIMIT 1", -1,
	    &g, NULL) != SQLITE_OK)
		goto fail_db;
	sqlite3_bind_int(g, 1, redo);
	if ((rc = sqlite3_step(g)) == SQLITE_DONE) {
		sqlite3_finalize(g);
		tx_rollback(st);
		return 1;
	}
	if (rc != SQLITE_ROW)
		goto fail_db;
	r.grp = sqlite3_column_int64(g, 0);
	if (sqlite3_column_int(g, 2) != 1) {
		err_set("%s: undo group %" PRId64 " is damaged (its label or "
		    "redo mark); nothing was %s", st->path, r.grp,
		    redo ? "redone" : "undone");
		goto fail;
	}
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
	tx_rollback(st);
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
