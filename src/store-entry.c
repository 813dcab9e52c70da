/*
 * store-entry: writing and reading the journal's entries, one kind at a
 * time or every kind of a day range at once.
 *
 * Nothing here knows a kind by name: the column lists, the statements,
 * the binder and the reader all walk the kind's descriptor (entry.h), so
 * a new field is a row in entry.c and a migration. The journal is a file
 * people copy and edit by hand, so the reader trusts none of it: every
 * value is checked against its field (type, range, a real date, a known
 * run type, valid UTF-8 of bounded length) and a row holding a bad value
 * is left out and reported once through store_warning(), naming its
 * table and id.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store-int.h"
#include "units.h"
#include "util.h"

/* --- statements built from the descriptors --------------------------- */

enum entry_op {
	OP_RANGE,    /* every field, day BETWEEN ?1 AND ?2, by day then id */
	OP_GET,      /* every field, id = ?1 */
	OP_ADD,      /* every field but the id; stamps default to now */
	OP_UPD,      /* the entry's own fields and updated_at, by id */
	OP_FIND,     /* the id of a day's entry (kinds of one per day) */
	OP_OUTSIDE   /* every field, day missing or outside the years */
};

#define SQL_MAX 1024

/* A FIELD_SHOE field reads as the shoe's name and is written by name. */
/* A shoe_id that names no shoe of the journal (or is not a whole number)
 * reads as an empty blob, which the reader refuses: a row whose shoe is
 * gone is named, never shown as a run without a shoe. */
#define SHOE_NAME_OF "(CASE WHEN %1$s.%2$s IS NULL THEN NULL ELSE " \
	"coalesce((SELECT name FROM shoe WHERE shoe.id = %1$s.%2$s AND " \
	"typeof(%1$s.%2$s) = 'integer'), x'') END)"
#define SHOE_ID_OF   "(SELECT id FROM shoe WHERE name = ?)"

/* Written by a field: not the id, not a stamp, not where it came from. */
static int
field_is_data(const struct entry_field *f)
{
	return f->type != FT_ID && !(f->flags & (FIELD_STAMP | FIELD_ORIGIN));
}

/* Text the user wrote: stored sanitised, at most NOTE_MAX bytes. */
static int
field_is_note(const struct entry_field *f)
{
	return f->type == FT_TEXT && field_is_data(f);
}

static void
sql_add(char *sql, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
sql_add(char *sql, const char *fmt, ...)
{
	size_t len = strlen(sql);
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(sql + len, SQL_MAX - len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= SQL_MAX - len)
		abort();        /* a descriptor too large for SQL_MAX */
}

/*
 * 1 when field f is one added after the first version that the journal
 * does not have yet: an older journal read as it is, not upgraded.
 */
static int
column_absent(struct store *st, const struct entry_desc *d,
    const struct entry_field *f)
{
	return st != NULL && (f->flags & FIELD_LATER) &&
	    sqlite3_table_column_metadata(st->db, "main", d->table, f->column,
	    NULL, NULL, NULL, NULL, NULL) != SQLITE_OK;
}

int
store_kind_present(struct store *st, enum entry_kind k)
{
	const struct entry_desc *d = entry_desc(k);

	/* the kinds of the first version are always there */
	if (d == NULL || k != ENTRY_PLAN)
		return d != NULL;
	return sqlite3_table_column_metadata(st->db, "main", d->table, "id",
	    NULL, NULL, NULL, NULL, NULL) == SQLITE_OK;
}

/* The columns of every field, in descriptor order: what the reader reads
 * (a column the journal lacks yet reads as none). */
static void
sql_columns(struct store *st, char *sql, const struct entry_desc *d)
{
	size_t i;

	for (i = 0; i < d->nfields; i++) {
		const struct entry_field *f = &d->fields[i];

		sql_add(sql, "%s", i ? ", " : "");
		if (column_absent(st, d, f))
			sql_add(sql, "NULL");
		else if (f->flags & FIELD_SHOE)
			sql_add(sql, SHOE_NAME_OF, d->table, f->column);
		else
			sql_add(sql, "%s", f->column);
	}
}

static void
sql_insert(char *sql, const struct entry_desc *d)
{
	const char *origin = NULL;
	size_t i;
	int n = 0;

	sql_add(sql, "INSERT INTO %s (", d->table);
	for (i = 0; i < d->nfields; i++)
		if (d->fields[i].type != FT_ID)
			sql_add(sql, "%s%s", n++ ? ", " : "", d->fields[i].column);
	sql_add(sql, ") VALUES (");
	for (i = n = 0; i < d->nfields; i++) {
		if (d->fields[i].type == FT_ID)
			continue;
		sql_add(sql, n++ ? ", %s" : "%s", d->fields[i].flags & FIELD_STAMP ?
		    "coalesce(?, " NOW ")" : d->fields[i].flags & FIELD_SHOE ?
		    SHOE_ID_OF : "?");
	}
	sql_add(sql, ")");
	/* An entry imported twice (same source and external id) is kept once. */
	for (i = n = 0; i < d->nfields; i++) {
		if (!(d->fields[i].flags & FIELD_ORIGIN))
			continue;
		sql_add(sql, "%s%s", n++ ? ", " : " ON CONFLICT (",
		    d->fields[i].column);
		origin = d->fields[i].column;
	}
	if (origin != NULL)
		sql_add(sql, ") DO NOTHING");
}

static void
sql_update(char *sql, const struct entry_desc *d)
{
	size_t i;

	sql_add(sql, "UPDATE %s SET ", d->table);
	for (i = 0; i < d->nfields; i++)
		if (field_is_data(&d->fields[i]))
			sql_add(sql, "%s = %s, ", d->fields[i].column,
			    d->fields[i].flags & FIELD_SHOE ? SHOE_ID_OF : "?");
	sql_add(sql, "updated_at = coalesce(?, %s) WHERE id = ?", NOW);
}

/* The text of statement op of kind d. */
static void
entry_sql(struct store *st, const struct entry_desc *d, enum entry_op op,
    char *sql)
{
	sql[0] = '\0';
	switch (op) {
	case OP_RANGE:
	case OP_GET:
		sql_add(sql, "SELECT ");
		sql_columns(st, sql, d);
		sql_add(sql, " FROM %s WHERE %s", d->table, op == OP_GET ?
		    "id = ?1" : "day BETWEEN ?1 AND ?2 ORDER BY day, id");
		break;
	case OP_ADD:
		sql_insert(sql, d);
		break;
	case OP_UPD:
		sql_update(sql, d);
		break;
	case OP_FIND:
		sql_add(sql, "SELECT id FROM %s WHERE day = ?1", d->table);
		break;
	case OP_OUTSIDE:
		/* Numbers sort before any text, blobs after it: with the
		 * index on day, a lookup and two range scans of its ends.
		 * "day IS NULL" would be dropped as always false, the
		 * column being NOT NULL; a NULL stored behind SQLite's back
		 * is still found by comparing with a NULL value. */
		sql_add(sql, "SELECT ");
		sql_columns(st, sql, d);
		sql_add(sql, " FROM %s WHERE day IS (SELECT NULL)"
		    " OR day < '1900-01-01'"
		    " OR day > '2099-12-31'", d->table);
		break;
	}
}

/* Statement op of kind d, prepared once per store, reset and unbound. */
static sqlite3_stmt *
entry_stmt(struct store *st, const struct entry_desc *d, enum entry_op op)
{
	int id = S_ENTRY + (int)d->kind * ENTRY_STMT_OPS + (int)op;
	sqlite3_stmt *s = st->stmt[id];
	char sql[SQL_MAX];

	if (s != NULL) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	entry_sql(st, d, op, sql);
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
	    NULL) != SQLITE_OK) {
		db_fail(st, "prepare");
		return NULL;
	}
	st->stmt[id] = s;
	return s;
}

int
store_entry_sql(enum entry_kind k, int op, char *out, size_t n)
{
	const struct entry_desc *d = entry_desc(k);
	char sql[SQL_MAX];

	if (d == NULL || op < OP_RANGE || op > OP_FIND)
		return -1;
	entry_sql(NULL, d, (enum entry_op)op, sql);
	snprintf(out, n, "%s", sql);
	return 0;
}

/* --- the binder ------------------------------------------------------- */

/* Binds field f of e at parameter i. */
static void
bind_field(sqlite3_stmt *s, int i, const struct entry_field *f, const void *e)
{
	int64_t v;

	switch (f->type) {
	case FT_TEXT:
		if (field_is_note(f) && !(f->flags & FIELD_SHOE))
			bind_note(s, i, entry_text_get(e, f));
		else
			bind_text(s, i, entry_text_get(e, f));
		return;
	case FT_DAY:
		bind_day(s, i, (int)entry_get(e, f));
		return;
	case FT_RUN_TYPE:
		sqlite3_bind_text(s, i, run_type_name((enum run_type)entry_get(e,
		    f)), -1, SQLITE_STATIC);
		return;
	case FT_BOOL:
		sqlite3_bind_int(s, i, entry_get(e, f) != 0);
		return;
	case FT_ID:
	case FT_INT:
	case FT_INT64:
		v = entry_get(e, f);
		if (f->flags & FIELD_OPTIONAL)
			bind_opt(s, i, v, f->none);
		else
			sqlite3_bind_int64(s, i, v);
		return;
	}
}

/*
 * Writes e: a new row (id 0), or the row id with e's own fields. A new
 * row keeps e's stamps when it has them; an update sets updated_at to
 * e's when keep_stamp, else to now. 0, 1 when nothing changed (a run
 * already imported, or no row id), -1 with err_set(). *new_id gets a
 * new row's id.
 */
static int
entry_write(struct store *st, const struct entry_desc *d, const void *e,
    int64_t id, int keep_stamp, int64_t *new_id)
{
	sqlite3_stmt *s = entry_stmt(st, d, id == 0 ? OP_ADD : OP_UPD);
	const struct entry_field *upd = entry_field_find(d, "updated_at");
	size_t i;
	int n = 1;

	if (s == NULL)
		return -1;
	/* A shoe named must exist; an import adds the shoes it names. */
	for (i = 0; i < d->nfields; i++)
		if ((d->fields[i].flags & FIELD_SHOE) &&
		    entry_text_get(e, &d->fields[i]) != NULL &&
		    store_shoe_need(st, entry_text_get(e, &d->fields[i]),
		    st->batch && id == 0) != 0)
			return -1;
	for (i = 0; i < d->nfields; i++)
		if (id == 0 ? d->fields[i].type != FT_ID : field_is_data(&d->fields[i]))
			bind_field(s, n++, &d->fields[i], e);
	if (id != 0) {
		/* updated_at = coalesce(?, now) WHERE id = ? */
		if (keep_stamp && upd != NULL)
			bind_text(s, n, entry_text_get(e, upd));
		sqlite3_bind_int64(s, n + 1, id);
	}
	if (step_done(st, s) != 0)
		return -1;
	if (sqlite3_changes(st->db) == 0)
		return 1;
	if (id == 0)
		*new_id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

/* The id of the day's row in a one-per-day table, 0 when none. */
static int64_t
find_day(struct store *st, const struct entry_desc *d, int day, int *err)
{
	sqlite3_stmt *s = entry_stmt(st, d, OP_FIND);
	int64_t found = 0;
	int rc;

	*err = 0;
	if (s == NULL) {
		*err = 1;
		return 0;
	}
	bind_day(s, 1, day);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		found = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE)
		*err = db_fail(st, "read");
	sqlite3_reset(s);
	return found;
}

/*
 * Puts the day's entry of a one-per-day kind: replaces the day's row when
 * it has one (keeping its id and created_at), else adds one.
 */
static int
entry_put(struct store *st, const struct entry_desc *d, void *e, int *replaced)
{
	int64_t old, id = 0;
	int err, rc;

	old = find_day(st, d, (int)entry_get(e, entry_field_find(d, "day")),
	    &err);
	if (err)
		return -1;
	rc = entry_write(st, d, e, old, 1, &id);
	if (rc == 1) {
		err_set("the %s of that day was changed meanwhile; try again",
		    d->name);
		rc = -1;
	}
	if (rc == 0)
		entry_set(e, entry_field_find(d, "id"), old != 0 ? old : id);
	if (replaced != NULL)
		*replaced = old != 0;
	return rc;
}

/* --- writes, kind by kind --------------------------------------------- */

/*
 * One write: validated by the kind's own rules first (entry.c), then one
 * transaction and undo group labelled label outside a batch.
 */
static int
write_entry(struct store *st, enum entry_kind k, void *e, int64_t id,
    int *replaced, const char *label)
{
	const struct entry_desc *d = entry_desc(k);
	int64_t new_id = 0;
	int rc;

	if (write_begin(st, label) != 0)
		return -1;
	if (d->one_per_day) {
		rc = entry_put(st, d, e, replaced);
	} else {
		rc = entry_write(st, d, e, id, 0, &new_id);
		if (rc == 0 && id == 0)
			entry_set(e, entry_field_find(d, "id"), new_id);
	}
	return write_end(st, rc);
}

/* "what on YYYY-MM-DD"; nothing inside a batch, which has its own label. */
static void
day_label(const struct store *st, char *out, size_t n, const char *what,
    int day)
{
	char ds[11];

	if (st->batch)
		out[0] = '\0';
	else
		snprintf(out, n, "%s on %s", what, date_format(day, ds));
}

static void
run_label(const struct run *r, const char *verb, char *out, size_t n)
{
	char d[32], day[11];

	snprintf(out, n, "%s run %s on %s", verb,
	    units_format_distance(r->distance_m, UNIT_KM, d),
	    date_format(r->day, day));
}

int
store_add_run(struct store *st, struct run *r)
{
	struct run w = *r;
	char label[96] = "";
	int rc;

	if (run_validate(r) != 0)
		return -1;
	if (!st->batch)         /* a batch has its own label */
		run_label(r, "add", label, sizeof label);
	if (w.source == NULL)
		w.source = (char *)"runlog";
	rc = write_entry(st, ENTRY_RUN, &w, 0, NULL, label);
	r->id = w.id;
	return rc;
}

int
store_update_run(struct store *st, const struct run *r)
{
	char label[96] = "";

	if (run_validate(r) != 0)
		return -1;
	if (!st->batch)
		run_label(r, "edit", label, sizeof label);
	return write_entry(st, ENTRY_RUN, (void *)r, r->id, NULL, label);
}

int
store_put_sleep(struct store *st, struct sleep *s, int *replaced)
{
	char label[64];

	if (sleep_validate(s) != 0)
		return -1;
	day_label(st, label, sizeof label, "sleep", s->day);
	return write_entry(st, ENTRY_SLEEP, s, 0, replaced, label);
}

int
store_add_drink(struct store *st, struct drink *d)
{
	char label[64], what[40] = "";

	if (drink_validate(d) != 0)
		return -1;
	if (!st->batch)
		snprintf(what, sizeof what, "add drink of %" PRId64 " ml",
		    d->volume_ml);
	day_label(st, label, sizeof label, what, d->day);
	return write_entry(st, ENTRY_DRINK, d, 0, NULL, label);
}

int
store_update_drink(struct store *st, const struct drink *d)
{
	char label[64];

	if (drink_validate(d) != 0)
		return -1;
	day_label(st, label, sizeof label, "edit drink", d->day);
	return write_entry(st, ENTRY_DRINK, (void *)d, d->id, NULL, label);
}

int
store_put_checkin(struct store *st, struct checkin *c, int *replaced)
{
	char label[64];

	if (checkin_validate(c) != 0)
		return -1;
	day_label(st, label, sizeof label, "check-in", c->day);
	return write_entry(st, ENTRY_CHECKIN, c, 0, replaced, label);
}

int
store_put_rest(struct store *st, struct rest *r, int *replaced)
{
	char label[64];

	if (note_validate(r->note) != 0)
		return -1;
	day_label(st, label, sizeof label, "rest day", r->day);
	return write_entry(st, ENTRY_REST, r, 0, replaced, label);
}

int
store_add_plan(struct store *st, struct plan *p)
{
	char label[96] = "", d[32], day[11];

	if (plan_validate(p) != 0)
		return -1;
	if (!st->batch)
		snprintf(label, sizeof label, "add plan %s on %s",
		    units_format_distance(p->distance_m, UNIT_KM, d),
		    date_format(p->day, day));
	return write_entry(st, ENTRY_PLAN, p, 0, NULL, label);
}

/*
 * Any entry rewritten by its id with e's fields, keeping its id and
 * created_at: the edit of a single entry. A one-per-day kind moved to a
 * day that holds another is refused. One transaction, one undo group.
 */
int
store_update_entry(struct store *st, enum entry_kind k, const void *e)
{
	const struct entry_desc *d = entry_desc(k);
	int64_t id = entry_get(e, entry_field_find(d, "id")), other = 0;
	int day = (int)entry_get(e, entry_field_find(d, "day")), err = 0, rc;
	char label[64], what[40], ds[11];

	if ((k == ENTRY_RUN && run_validate(e) != 0) ||
	    (k == ENTRY_SLEEP && sleep_validate(e) != 0) ||
	    (k == ENTRY_DRINK && drink_validate(e) != 0) ||
	    (k == ENTRY_CHECKIN && checkin_validate(e) != 0) ||
	    (k == ENTRY_REST && note_validate(((const struct rest *)e)->note)) ||
	    (k == ENTRY_PLAN && plan_validate(e) != 0))
		return -1;
	snprintf(what, sizeof what, "edit %s %c%" PRId64, d->name, d->letter, id);
	day_label(st, label, sizeof label, what, day);
	if (write_begin(st, label) != 0)
		return -1;
	if (d->one_per_day)
		other = find_day(st, d, day, &err);
	if (err)
		rc = -1;
	else if (other != 0 && other != id) {
		err_set("date %s: that day already has a %s (%c%" PRId64 "); "
		    "delete or edit that one", date_format(day, ds), d->name,
		    d->letter, other);
		rc = -1;
	} else if ((rc = entry_write(st, d, e, id, 0, NULL)) == 1) {
		err_set("no %s %c%" PRId64 " in the journal", d->name, d->letter,
		    id);
		rc = -1;
	}
	return write_end(st, rc);
}

/* --- the reader: every stored value checked -------------------------- */

#define SHOWN_MAX 40    /* bytes of a stored text quoted in a message */

/* A stored text quoted for a message: cut, and safe on a terminal. */
static void
shown_text(const unsigned char *t, int bytes, char *out, size_t n)
{
	char cut[SHOWN_MAX + 1];
	size_t len = bytes < 0 ? 0 : (size_t)bytes;
	char *p;

	if (len > SHOWN_MAX)
		len = SHOWN_MAX;
	memcpy(cut, t != NULL ? (const char *)t : "", t != NULL ? len : 0);
	cut[t != NULL ? len : 0] = '\0';
	p = text_printable(cut);
	snprintf(out, n, "'%s%s'", p, (size_t)bytes > SHOWN_MAX ? "..." : "");
	free(p);
}

/* A stored value of any type, shown safely: 12, 3.5, 'text', NULL. */
static void
shown_value(sqlite3_stmt *s, int i, char *out, size_t n)
{
	switch (sqlite3_column_type(s, i)) {
	case SQLITE_INTEGER:
		snprintf(out, n, "%lld", (long long)sqlite3_column_int64(s, i));
		break;
	case SQLITE_FLOAT:
		snprintf(out, n, "%.6g", sqlite3_column_double(s, i));
		break;
	case SQLITE_NULL:
		snprintf(out, n, "(none)");
		break;
	case SQLITE_BLOB:
		snprintf(out, n, "(binary data, %d bytes)",
		    sqlite3_column_bytes(s, i));
		break;
	default:
		shown_text(sqlite3_column_text(s, i), sqlite3_column_bytes(s, i),
		    out, n);
	}
}

/* The unit of a stored number, as it is shown in a message. */
static const char *
unit_suffix(enum field_unit u)
{
	static const char *const sfx[] = {
		[FU_NONE] = "", [FU_DISTANCE] = " m", [FU_DURATION] = " s",
		[FU_MINUTES] = " min", [FU_VOLUME] = " ml", [FU_MASS] = " g",
		[FU_BPM] = " bpm", [FU_METRES] = " m", [FU_UTC] = " s", [FU_MS] = " ms",
	};
	return (unsigned)u < sizeof sfx / sizeof sfx[0] ? sfx[u] : "";
}

/*
 * A stored value shown for a message, a whole number in the unit its
 * range is given in where that is exact: "0.000 km", "2 g" -> "0.002 kg".
 */
static void
shown_number(sqlite3_stmt *s, int i, enum field_unit u, char *out, size_t n)
{
	int64_t v;
	uint64_t a;

	if (sqlite3_column_type(s, i) != SQLITE_INTEGER) {
		shown_value(s, i, out, n);
		return;
	}
	v = sqlite3_column_int64(s, i);
	if (u == FU_DISTANCE || u == FU_MASS) {
		a = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
		snprintf(out, n, "%s%" PRIu64 ".%03u %s", v < 0 ? "-" : "",
		    a / 1000, (unsigned)(a % 1000), u == FU_DISTANCE ? "km" : "kg");
		return;
	}
	snprintf(out, n, "%" PRId64 "%s", v, unit_suffix(u));
}

/* 1 when v is inside f's range (an optional field's none excepted). */
static int
in_range(const struct entry_field *f, int64_t v)
{
	const struct field_range *r = f->range;

	switch (f->type) {
	case FT_ID:
		return v > 0;
	case FT_BOOL:
		return v == 0 || v == 1;
	case FT_INT:
		if (v < INT32_MIN || v > INT32_MAX)
			return 0;
		break;
	default:
		break;
	}
	if (r == NULL)
		return 1;
	return (r->min_open ? v > r->min : v >= r->min) && v <= r->max;
}

static const char *
range_text(const struct entry_field *f)
{
	if (f->type == FT_ID)
		return "a whole number above 0";
	if (f->type == FT_BOOL)
		return "0 or 1";
	return f->range != NULL ? f->range->allowed : "a smaller number";
}

/* A text column: valid UTF-8 without NUL bytes, at most NOTE_MAX bytes. */
static const char *
check_text(sqlite3_value *val, int type, const char **text)
{
	int bytes;

	*text = NULL;
	if (type != SQLITE_TEXT)
		return "not text";
	*text = (const char *)sqlite3_value_text(val);
	bytes = sqlite3_value_bytes(val);
	if (*text == NULL)
		return "could not be read";
	if (bytes > NOTE_MAX)
		return "longer than 4000 bytes";
	if ((size_t)bytes != strlen(*text))
		return "holds a NUL byte";
	if (!text_utf8_valid(*text))
		return "not valid UTF-8 text";
	return NULL;
}

/* 'YYYY-MM-DD' naming a real day of date.h's years, else -1. */
static int
check_day(const char *t, int *day)
{
	int i, y, m, d;

	if (strlen(t) != 10 || t[4] != '-' || t[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (t[i] < '0' || t[i] > '9'))
			return -1;
	/* date_parse()'s reading of the digits just checked, without its
	 * atoi(): every row of a read passes here. */
	y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 +
	    (t[3] - '0');
	m = (t[5] - '0') * 10 + (t[6] - '0');
	d = (t[8] - '0') * 10 + (t[9] - '0');
	if (!date_valid_ymd(y, m, d))
		return -1;
	*day = date_from_ymd(y, m, d);
	return *day >= DATE_MIN && *day <= DATE_MAX ? 0 : -1;
}

/*
 * Reads column i into field f of e. NULL on success, else why the value
 * is refused (the value itself is shown by the caller).
 */
static const char *
read_field(sqlite3_stmt *s, int i, const struct entry_field *f, void *e,
    int texts, char *why, size_t whysz)
{
	/* The column's value once, read through the cheaper value calls
	 * (the connection is used by this thread only). */
	sqlite3_value *val = sqlite3_column_value(s, i);
	const char *t;
	const char *bad;
	int64_t v;
	int day, k, type = sqlite3_value_type(val);

	if (type == SQLITE_NULL) {
		if (f->flags & FIELD_REQUIRED)
			return "missing: the field is required";
		if (f->type != FT_TEXT)
			entry_set(e, f, f->none);
		return NULL;
	}
	if ((f->flags & FIELD_SHOE) && type != SQLITE_TEXT)
		return "names no shoe of this journal";
	switch (f->type) {
	case FT_TEXT:
		if ((bad = check_text(val, type, &t)) != NULL)
			return bad;
		if (!texts)     /* checked all the same, not kept */
			return NULL;
		*entry_text(e, f) = xstrdup(t);
		text_sanitize(*entry_text(e, f));
		return NULL;
	case FT_DAY:
		if ((bad = check_text(val, type, &t)) != NULL)
			return bad;
		if (check_day(t, &day) != 0)
			return "not a real date (YYYY-MM-DD, years 1900 to 2099)";
		entry_set(e, f, day);
		return NULL;
	case FT_RUN_TYPE:
		if ((bad = check_text(val, type, &t)) != NULL)
			return bad;
		for (k = 0; k < RUN_TYPE_COUNT; k++)
			if (strcmp(t, run_type_name((enum run_type)k)) == 0)
				break;
		if (k == RUN_TYPE_COUNT)
			return "not a known run type (easy, long, tempo, interval, "
			    "race, recovery, other)";
		entry_set(e, f, k);
		return NULL;
	default:
		break;
	}
	if (type != SQLITE_INTEGER)
		return "not a whole number";
	v = sqlite3_value_int64(val);
	if (!in_range(f, v)) {
		snprintf(why, whysz, "must be %s", range_text(f));
		return why;
	}
	entry_set(e, f, v);
	return NULL;
}

/*
 * Fills e (a struct of kind d) from the current row of s, which holds
 * every field of d in descriptor order; without texts, text fields are
 * checked as well but left NULL. 0, or -1 with msg naming the table, the
 * id, the field, the value and why it is refused; e is then left with
 * nothing allocated.
 */
static int
read_entry(sqlite3_stmt *s, const struct entry_desc *d, void *e, int texts,
    char *msg, size_t n)
{
	char why[160], val[SHOWN_MAX + 32];
	const char *bad = NULL;
	size_t i;

	memset(e, 0, d->size);
	for (i = 0; i < d->nfields && bad == NULL; i++)
		bad = read_field(s, (int)i, &d->fields[i], e, texts, why,
		    sizeof why);
	if (bad == NULL)
		return 0;
	i--;
	/* a shoe's column holds the shoe's name, or a mark when it has none */
	if (d->fields[i].flags & FIELD_SHOE)
		snprintf(val, sizeof val, "(its %s)", d->fields[i].column);
	else
		shown_number(s, (int)i, d->fields[i].unit, val, sizeof val);
	snprintf(msg, n, "%s %c%lld: %s %s: %s", d->table, d->letter,
	    (long long)sqlite3_column_int64(s, 0), d->fields[i].label, val, bad);
	entry_free_fields(d, e);
	return -1;
}

/*
 * A read of every supported day also names the rows whose day no range
 * reaches: missing, not text, or outside the years 1900 to 2099. Such a
 * row never loads, but it is not passed over in silence either.
 */
static int
warn_outside(struct store *st, const struct entry_desc *d)
{
	sqlite3_stmt *s = entry_stmt(st, d, OP_OUTSIDE);
	char msg[512];
	void *e;
	int rc;

	if (s == NULL)
		return -1;
	e = xmalloc(d->size);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (read_entry(s, d, e, 1, msg, sizeof msg) == 0) {
			entry_free_fields(d, e);    /* not reached: day refused */
			continue;
		}
		store_warn(st, "%s", msg);
	}
	sqlite3_reset(s);
	free(e);
	return rc == SQLITE_DONE ? 0 : db_fail(st, "read");
}

static int
read_range(struct store *st, enum entry_kind k, int from, int to, int texts,
    void **out, size_t *n)
{
	const struct entry_desc *d = entry_desc(k);
	sqlite3_stmt *s;
	size_t cap = 0, len = 0;
	char *v = NULL, msg[512];
	int rc;

	*out = NULL;
	*n = 0;
	if (d != NULL && !store_kind_present(st, k))
		return 0;       /* a journal older than the kind: none */
	if (d == NULL || (s = entry_stmt(st, d, OP_RANGE)) == NULL)
		return -1;
	bind_day(s, 1, from < DATE_MIN ? DATE_MIN : from);
	bind_day(s, 2, to > DATE_MAX ? DATE_MAX : to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * d->size);
		}
		if (read_entry(s, d, v + len * d->size, texts, msg,
		    sizeof msg) == 0)
			len++;
		else
			store_warn(st, "%s", msg);
	}
	sqlite3_reset(s);
	*out = v;
	*n = len;
	if (rc != SQLITE_DONE)
		return db_fail(st, "read");
	if (from <= DATE_MIN && to >= DATE_MAX)
		return warn_outside(st, d);
	return 0;
}

int
store_read(struct store *st, enum entry_kind k, int from, int to, void **out,
    size_t *n)
{
	return read_range(st, k, from, to, 1, out, n);
}

int
store_get(struct store *st, enum entry_kind k, int64_t id, void *out)
{
	const struct entry_desc *d = entry_desc(k);
	sqlite3_stmt *s;
	char msg[512];
	int rc;

	if (d != NULL && !store_kind_present(st, k))
		return 1;
	if (d == NULL || (s = entry_stmt(st, d, OP_GET)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (read_entry(s, d, out, 1, msg, sizeof msg) != 0) {
			sqlite3_reset(s);
			err_set("%s", msg);
			return -1;
		}
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		rc = 1;
	} else {
		rc = db_fail(st, "read");
	}
	sqlite3_reset(s);
	return rc;
}

int
store_runs(struct store *st, int from, int to, struct run **out, size_t *n)
{
	return store_read(st, ENTRY_RUN, from, to, (void **)out, n);
}

int
store_runs_values(struct store *st, int from, int to, struct run **out,
    size_t *n)
{
	return read_range(st, ENTRY_RUN, from, to, 0, (void **)out, n);
}

int
store_sleeps(struct store *st, int from, int to, struct sleep **out, size_t *n)
{
	return store_read(st, ENTRY_SLEEP, from, to, (void **)out, n);
}

int
store_drinks(struct store *st, int from, int to, struct drink **out, size_t *n)
{
	return store_read(st, ENTRY_DRINK, from, to, (void **)out, n);
}

int
store_checkins(struct store *st, int from, int to, struct checkin **out,
    size_t *n)
{
	return store_read(st, ENTRY_CHECKIN, from, to, (void **)out, n);
}

int
store_rests(struct store *st, int from, int to, struct rest **out, size_t *n)
{
	return store_read(st, ENTRY_REST, from, to, (void **)out, n);
}

int
store_plans(struct store *st, int from, int to, struct plan **out, size_t *n)
{
	return store_read(st, ENTRY_PLAN, from, to, (void **)out, n);
}

void
plan_list_free(struct plan *v, size_t n)
{
	entry_list_free(ENTRY_PLAN, v, n);
}

void
run_list_free(struct run *v, size_t n)
{
	entry_list_free(ENTRY_RUN, v, n);
}

void
sleep_list_free(struct sleep *v, size_t n)
{
	entry_list_free(ENTRY_SLEEP, v, n);
}

void
drink_list_free(struct drink *v, size_t n)
{
	entry_list_free(ENTRY_DRINK, v, n);
}

void
checkin_list_free(struct checkin *v, size_t n)
{
	entry_list_free(ENTRY_CHECKIN, v, n);
}

void
rest_list_free(struct rest *v, size_t n)
{
	entry_list_free(ENTRY_REST, v, n);
}

int
store_get_run(struct store *st, int64_t id, struct run *r)
{
	return store_get(st, ENTRY_RUN, id, r);
}

int
store_get_sleep(struct store *st, int64_t id, struct sleep *s)
{
	return store_get(st, ENTRY_SLEEP, id, s);
}

int
store_get_drink(struct store *st, int64_t id, struct drink *d)
{
	return store_get(st, ENTRY_DRINK, id, d);
}

int
store_get_checkin(struct store *st, int64_t id, struct checkin *c)
{
	return store_get(st, ENTRY_CHECKIN, id, c);
}


int64_t
store_count(struct store *st, enum entry_kind k)
{
	char sql[64];
	sqlite3_stmt *s;
	int64_t n = 0, one;
	int i;

	for (i = 0; i < ENTRY_KIND_COUNT; i++) {
		if ((k != ENTRY_KIND_COUNT && i != (int)k) ||
		    !store_kind_present(st, (enum entry_kind)i))
			continue;
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s",
		    entry_descs[i].table);
		if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
			db_fail(st, "read");
			return -1;
		}
		one = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) :
		    -1;
		sqlite3_finalize(s);
		if (one < 0)
			return -1;
		n += one;
	}
	return n;
}

/* --- every kind at once ----------------------------------------------- */

/* Where each kind's list and count live in struct entries. */
static const struct {
	size_t list, count;
} entries_slot[ENTRY_KIND_COUNT] = {
	[ENTRY_RUN] = { offsetof(struct entries, runs),
	    offsetof(struct entries, nruns) },
	[ENTRY_SLEEP] = { offsetof(struct entries, sleeps),
	    offsetof(struct entries, nsleeps) },
	[ENTRY_DRINK] = { offsetof(struct entries, drinks),
	    offsetof(struct entries, ndrinks) },
	[ENTRY_CHECKIN] = { offsetof(struct entries, checkins),
	    offsetof(struct entries, ncheckins) },
	[ENTRY_REST] = { offsetof(struct entries, rests),
	    offsetof(struct entries, nrests) },
	[ENTRY_PLAN] = { offsetof(struct entries, plans),
	    offsetof(struct entries, nplans) },
};

static void **
slot_list(struct entries *e, enum entry_kind k)
{
	return (void **)(void *)((char *)e + entries_slot[k].list);
}

static size_t *
slot_count(struct entries *e, enum entry_kind k)
{
	return (size_t *)(void *)((char *)e + entries_slot[k].count);
}

const void *
entries_list(const struct entries *e, enum entry_kind k, size_t *n)
{
	if ((unsigned)k >= ENTRY_KIND_COUNT) {
		*n = 0;
		return NULL;
	}
	*n = *slot_count((struct entries *)e, k);
	return *slot_list((struct entries *)e, k);
}

static int
load_all(struct store *st, int from, int to, int texts, struct entries *out)
{
	int k;

	memset(out, 0, sizeof *out);
	for (k = 0; k < ENTRY_KIND_COUNT; k++) {
		if (read_range(st, (enum entry_kind)k, from, to, texts,
		    slot_list(out, (enum entry_kind)k),
		    slot_count(out, (enum entry_kind)k)) != 0) {
			entries_free(out);
			return -1;
		}
	}
	return 0;
}

int
store_load(struct store *st, int from, int to, struct entries *out)
{
	return load_all(st, from, to, 1, out);
}

int
store_load_values(struct store *st, int from, int to, struct entries *out)
{
	return load_all(st, from, to, 0, out);
}

int
store_check_days(struct store *st)
{
	int k;

	for (k = 0; k < ENTRY_KIND_COUNT; k++)
		if (store_kind_present(st, (enum entry_kind)k) &&
		    warn_outside(st, entry_desc((enum entry_kind)k)) != 0)
			return -1;
	return 0;
}

void
entries_free(struct entries *e)
{
	int k;

	for (k = 0; k < ENTRY_KIND_COUNT; k++)
		entry_list_free((enum entry_kind)k, *slot_list(e, (enum entry_kind)k),
		    *slot_count(e, (enum entry_kind)k));
	memset(e, 0, sizeof *e);
}

/*
 * The nearest valid day holding an entry, after (newer) or before the
 * stored text key. Days that are not real dates are stepped over, so one
 * bad row neither ends History's paging nor stretches the journal's span.
 */
#define DAY_STEPS_MAX 10000     /* bad days stepped over at most */

static int
nearest_day(struct store *st, const char *key, int newer, int *out)
{
	static const char *const older_sql =
	    "SELECT max(d) FROM ("
	    " SELECT max(day) AS d FROM run WHERE day < ?1"
	    " UNION ALL SELECT max(day) FROM sleep WHERE day < ?1"
	    " UNION ALL SELECT max(day) FROM drink WHERE day < ?1"
	    " UNION ALL SELECT max(day) FROM checkin WHERE day < ?1"
	    " UNION ALL SELECT max(day) FROM rest WHERE day < ?1)";
	static const char *const newer_sql =
	    "SELECT min(d) FROM ("
	    " SELECT min(day) AS d FROM run WHERE day > ?1"
	    " UNION ALL SELECT min(day) FROM sleep WHERE day > ?1"
	    " UNION ALL SELECT min(day) FROM drink WHERE day > ?1"
	    " UNION ALL SELECT min(day) FROM checkin WHERE day > ?1"
	    " UNION ALL SELECT min(day) FROM rest WHERE day > ?1)";
	sqlite3_stmt *s = NULL;
	char *at = xstrdup(key);
	int rc = 1, steps;

	if (sqlite3_prepare_v2(st->db, newer ? newer_sql : older_sql, -1, &s,
	    NULL) != SQLITE_OK) {
		free(at);
		return db_fail(st, "read");
	}
	for (steps = 0; steps < DAY_STEPS_MAX; steps++) {
		const char *t;
		int step;

		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, at, -1, SQLITE_TRANSIENT);
		step = sqlite3_step(s);
		if (step != SQLITE_ROW) {
			rc = step == SQLITE_DONE ? 1 : db_fail(st, "read");
			break;
		}
		if (sqlite3_column_type(s, 0) != SQLITE_TEXT)
			break;          /* none: rc stays 1 */
		t = (const char *)sqlite3_column_text(s, 0);
		if (t == NULL)
			break;
		if (check_day(t, out) == 0) {
			rc = 0;
			break;
		}
		free(at);
		at = xstrdup(t);
	}
	sqlite3_finalize(s);
	free(at);
	return rc;
}

int
store_span(struct store *st, int *first, int *last)
{
	int rc = nearest_day(st, "", 1, first);

	return rc != 0 ? rc : nearest_day(st, "\xff", 0, last);
}

/* The nearest day holding an entry, before (newer = 0) or after day. */
static int
day_beside(struct store *st, int day, int newer, int *out)
{
	char ds[16];

	if (day < DATE_MIN)
		snprintf(ds, sizeof ds, "0000-00-00");
	else if (day > DATE_MAX)
		snprintf(ds, sizeof ds, "9999-99-99");
	else
		date_format(day, ds);
	return nearest_day(st, ds, newer, out);
}

int
store_day_before(struct store *st, int day, int *out)
{
	return day_beside(st, day, 0, out);
}

int
store_day_after(struct store *st, int day, int *out)
{
	return day_beside(st, day, 1, out);
}
