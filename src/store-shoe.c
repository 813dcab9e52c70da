/*
 * store-shoe: the statements on the shoe table and a shoe's totals.
 *
 * The table arrives with the shoes' migration; read commands open older
 * journals without upgrading them, so a journal without the table simply
 * has no shoes. A shoe's distance, runs and first and last use are summed
 * from the runs that name it, never kept, so an edit, a delete or an undo
 * of a run can never leave them wrong. Names are compared without regard
 * to case (the column's collation), so "Pegasus" finds "pegasus".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store-int.h"
#include "util.h"

/* 1 when the journal has the shoe table (an older one read as it is has not). */
static int
shoe_table(struct store *st)
{
	return sqlite3_table_column_metadata(st->db, "main", "shoe", "id", NULL,
	    NULL, NULL, NULL, NULL) == SQLITE_OK;
}

int
store_shoe_name_check(const char *name)
{
	size_t len = name != NULL ? strlen(name) : 0, i;

	if (len == 0) {
		err_set("shoe name: give a name of 1 to %d characters",
		    SHOE_NAME_MAX);
		return -1;
	}
	if (len > SHOE_NAME_MAX || !text_utf8_valid(name)) {
		err_set("shoe name '%.40s%s': must be 1 to %d bytes of text",
		    name, len > SHOE_NAME_MAX ? "..." : "", SHOE_NAME_MAX);
		return -1;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		/* C1 controls are U+0080..U+009F: 0xC2 0x80..0x9F in UTF-8 */
		if (c < 0x20 || c == 0x7f || (c == 0xc2 && i + 1 < len &&
		    (unsigned char)name[i + 1] >= 0x80 &&
		    (unsigned char)name[i + 1] <= 0x9f)) {
			err_set("shoe name: control characters are not allowed");
			return -1;
		}
	}
	if (name[0] == ' ' || name[len - 1] == ' ') {
		err_set("shoe name '%s': no space at the start or the end", name);
		return -1;
	}
	return 0;
}

#define SHOE_SELECT "SELECT s.id, s.name, s.limit_m, s.retired, " \
	"s.is_default, s.day, coalesce(sum(r.distance_m), 0), count(r.id), " \
	"min(r.day), max(r.day) FROM shoe s LEFT JOIN run r ON r.shoe_id = s.id " \
	/* a run the reader refuses (named by every read of runs) counts \
	 * for no shoe, and a hand-made distance cannot overflow the sum */ \
	"AND typeof(r.distance_m) = 'integer' AND r.distance_m BETWEEN 1 AND " \
	"500000 AND typeof(r.day) = 'text' AND length(r.day) = 10 "

/* The same columns without the runs' totals: whether a shoe exists costs
 * one lookup by its unique name, not a sum over its runs. */
#define SHOE_SELECT_BARE "SELECT s.id, s.name, s.limit_m, s.retired, " \
	"s.is_default, s.day, 0, 0, NULL, NULL FROM shoe s "

/* 1 when column i holds 0 or 1, as runlog writes a yes or no. */
static int
yes_no(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_INTEGER &&
	    (sqlite3_column_int64(s, i) == 0 || sqlite3_column_int64(s, i) == 1);
}

/* Why a shoe row is not one runlog writes, or NULL. */
static const char *
shoe_bad(sqlite3_stmt *s)
{
	const char *name = (const char *)sqlite3_column_text(s, 1);
	int64_t lim = sqlite3_column_int64(s, 2);
	const char *day = (const char *)sqlite3_column_text(s, 5);
	int d;

	if (sqlite3_column_type(s, 1) != SQLITE_TEXT || name == NULL ||
	    store_shoe_name_check(name) != 0)
		return "the name is not a shoe's name";
	if (sqlite3_column_type(s, 2) != SQLITE_NULL &&
	    (sqlite3_column_type(s, 2) != SQLITE_INTEGER ||
	    lim < SHOE_LIMIT_MIN || lim > SHOE_LIMIT_MAX))
		return "the limit is not a distance runlog keeps";
	if (sqlite3_column_type(s, 5) != SQLITE_TEXT || day == NULL ||
	    strlen(day) != 10 || date_parse(day, &d) != 0)
		return "the day is not a real date from 1900 to 2099";
	if (!yes_no(s, 3) || !yes_no(s, 4) ||
	    (sqlite3_column_int(s, 3) && sqlite3_column_int(s, 4)))
		return "retired and default are not 0 or 1 (a retired shoe is "
		    "never the default)";
	return NULL;
}

static void
shoe_row(sqlite3_stmt *s, struct store_shoe *o)
{
	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(s, 0);
	snprintf(o->name, sizeof o->name, "%s",
	    (const char *)sqlite3_column_text(s, 1));
	o->limit_m = sqlite3_column_int64(s, 2);
	o->retired = sqlite3_column_int(s, 3) != 0;
	o->is_default = sqlite3_column_int(s, 4) != 0;
	o->day = col_day(s, 5);
	o->distance_m = sqlite3_column_int64(s, 6);
	o->runs = sqlite3_column_int64(s, 7);
	if (o->runs > 0) {
		o->first_day = col_day(s, 8);
		o->last_day = col_day(s, 9);
	}
}

/* Runs sql (name bound at 1 when given) into a list of shoes. */
static int
shoe_query(struct store *st, const char *sql, const char *name,
    struct store_shoe **out, size_t *n)
{
	sqlite3_stmt *s = NULL;
	struct store_shoe *v = NULL;
	size_t nv = 0, cap = 0;
	const char *why;
	int rc;

	*out = NULL;
	*n = 0;
	if (!shoe_table(st))
		return 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "read shoes");
	if (name != NULL)
		bind_text(s, 1, name);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		/* The journal is untrusted: a row runlog would not write is
		 * left out and named, as bad entries are. */
		if ((why = shoe_bad(s)) != NULL) {
			store_warn(st, "shoe %lld: %s", (long long)
			    sqlite3_column_int64(s, 0), why);
			continue;
		}
		if (nv == cap) {
			cap = cap ? cap * 2 : 8;
			v = xrealloc(v, cap * sizeof *v);
		}
		shoe_row(s, &v[nv++]);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(v);
		return db_fail(st, "read shoes");
	}
	*out = v;
	*n = nv;
	return 0;
}

int
store_shoes(struct store *st, struct store_shoe **out, size_t *n)
{
	return shoe_query(st, SHOE_SELECT "GROUP BY s.id ORDER BY s.retired, "
	    "s.id", NULL, out, n);
}

int
store_shoe_get(struct store *st, const char *name, struct store_shoe *out)
{
	struct store_shoe *v;
	size_t n;

	if (shoe_query(st, SHOE_SELECT "WHERE s.name = ?1 GROUP BY s.id", name,
	    &v, &n) != 0)
		return -1;
	if (n > 0)
		*out = v[0];
	free(v);
	return n > 0 ? 0 : 1;
}

char *
store_shoe_known(struct store *st)
{
	struct store_shoe *v;
	struct buf b;
	size_t n, i;

	if (store_shoes(st, &v, &n) != 0 || n == 0) {
		free(v);
		return xstrdup("the journal has no shoes yet; add one with "
		    "'runlog shoe add NAME'");
	}
	buf_init(&b);
	buf_adds(&b, "the journal has the shoe");
	buf_adds(&b, n > 1 ? "s " : " ");
	for (i = 0; i < n; i++) {
		char *p = text_printable(v[i].name);

		buf_printf(&b, "%s%s%s", i == 0 ? "" : i + 1 == n ? " and " :
		    ", ", p, v[i].retired ? " (retired)" : "");
		free(p);
	}
	free(v);
	return b.data;
}

/* Runs one write statement: ?1 text, ?2 and ?3 integers, ?4 a day. */
static int
shoe_exec(struct store *st, const char *sql, const char *name, int64_t a,
    int64_t b, int day)
{
	sqlite3_stmt *s;
	int rc, np;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "write");
	np = sqlite3_bind_parameter_count(s);
	bind_text(s, 1, name);
	if (np >= 2)
		bind_opt(s, 2, a, 0);
	if (np >= 3)
		sqlite3_bind_int64(s, 3, b);
	if (np >= 4)
		bind_day(s, 4, day);
	rc = step_done(st, s);
	sqlite3_finalize(s);
	return rc;
}

/* Inside a write: adds the shoe (no checks of existence). */
static int
shoe_insert(struct store *st, const char *name, int64_t limit_m,
    int make_default, int day)
{
	if (make_default && shoe_exec(st, "UPDATE shoe SET is_default = 0 "
	    "WHERE is_default = 1 AND ?1 IS NOT NULL", name, 0, 0, 0) != 0)
		return -1;
	return shoe_exec(st, "INSERT INTO shoe (name, limit_m, is_default, day) "
	    "VALUES (?1, ?2, ?3, ?4)", name, limit_m, make_default != 0, day);
}

int
store_shoe_need(struct store *st, const char *name, int create)
{
	struct store_shoe *v;
	char *known, *p;
	size_t n;

	/* every run written that names a shoe asks: keep it a lookup */
	if (shoe_query(st, SHOE_SELECT_BARE "WHERE s.name = ?1", name, &v,
	    &n) != 0)
		return -1;
	free(v);
	if (n > 0)
		return 0;
	if (create)
		return store_shoe_name_check(name) != 0 ? -1 :
		    shoe_insert(st, name, 0, 0, date_today());
	known = store_shoe_known(st);
	p = text_printable(name);
	err_set("shoe '%.40s': no such shoe; %s", p, known);
	free(p);
	free(known);
	return -1;
}

int
store_shoe_add(struct store *st, const char *name, int64_t limit_m,
    int make_default, int day)
{
	struct store_shoe sh;
	char label[64];
	int rc;

	if (store_shoe_name_check(name) != 0)
		return -1;
	if (limit_m != 0 && (limit_m < SHOE_LIMIT_MIN ||
	    limit_m > SHOE_LIMIT_MAX)) {
		err_set("shoe limit: must be at least 1 km and at most 10000 km");
		return -1;
	}
	snprintf(label, sizeof label, "add shoe %s", name);
	if (write_begin(st, label) != 0)
		return -1;
	if ((rc = store_shoe_get(st, name, &sh)) == 0)
		rc = 1;
	else if (rc == 1)
		rc = shoe_insert(st, name, limit_m, make_default, day);
	return write_end(st, rc);
}

int
store_shoe_retire(struct store *st, const char *name)
{
	struct store_shoe sh;
	char label[64];
	int rc;

	snprintf(label, sizeof label, "retire shoe %s", name);
	if (write_begin(st, label) != 0)
		return -1;
	if ((rc = store_shoe_get(st, name, &sh)) == 0 && sh.retired)
		rc = 2;
	else if (rc == 0)
		rc = shoe_exec(st, "UPDATE shoe SET retired = 1, is_default = 0 "
		    "WHERE name = ?1", name, 0, 0, 0);
	return write_end(st, rc);
}

int
store_shoe_default(struct store *st, const char *name)
{
	struct store_shoe sh;
	char label[64];
	int rc;

	snprintf(label, sizeof label, "default shoe %s", name);
	if (write_begin(st, label) != 0)
		return -1;
	if ((rc = store_shoe_get(st, name, &sh)) == 0 && sh.retired) {
		err_set("shoe '%s' is retired; a retired shoe cannot be the "
		    "default", sh.name);
		rc = -1;
	} else if (rc == 0 && sh.is_default) {
		rc = 2;
	} else if (rc == 0 && (shoe_exec(st, "UPDATE shoe SET is_default = 0 "
	    "WHERE is_default = 1 AND ?1 IS NOT NULL", name, 0, 0, 0) != 0 ||
	    shoe_exec(st, "UPDATE shoe SET is_default = 1 WHERE name = ?1",
	    name, 0, 0, 0) != 0)) {
		rc = -1;
	}
	return write_end(st, rc);
}
