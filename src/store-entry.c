/*
 * store-entry: writing and reading the journal's entries, one kind at a
 * time or every kind of a day range at once.
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

/* --- writes ---------------------------------------------------------- */

static void
bind_run_fields(sqlite3_stmt *s, const struct run *r)
{
	bind_day(s, 1, r->day);
	sqlite3_bind_int64(s, 2, r->distance_m);
	sqlite3_bind_int64(s, 3, r->duration_s);
	bind_opt(s, 4, r->rpe, 0);
	sqlite3_bind_text(s, 5, run_type_name(r->type), -1, SQLITE_STATIC);
	bind_opt(s, 6, r->avg_hr, 0);
	bind_opt(s, 7, r->climb_m, -1);
	bind_opt(s, 8, r->mass_before_g, 0);
	bind_opt(s, 9, r->mass_after_g, 0);
	bind_note(s, 10, r->note);
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
	sqlite3_stmt *s;
	char label[96] = "";
	int rc = -1;

	if (run_validate(r) != 0)
		return -1;
	if (!st->batch)   /* a batch has its own label */
		run_label(r, "add", label, sizeof label);
	if (write_begin(st, label) != 0)
		return -1;
	if ((s = stmt(st, S_RUN_ADD)) != NULL) {
		bind_run_fields(s, r);
		bind_text(s, 11, r->source ? r->source : "runlog");
		bind_text(s, 12, r->external_id);
		bind_text(s, 13, r->created_at);
		bind_text(s, 14, r->updated_at);
		if (step_done(st, s) == 0) {
			if (sqlite3_changes(st->db) == 0) {
				rc = 1;
			} else {
				r->id = sqlite3_last_insert_rowid(st->db);
				rc = 0;
			}
		}
	}
	return write_end(st, rc);
}

int
store_update_run(struct store *st, const struct run *r)
{
	sqlite3_stmt *s;
	char label[96] = "";
	int rc = -1;

	if (run_validate(r) != 0)
		return -1;
	if (!st->batch)
		run_label(r, "edit", label, sizeof label);
	if (write_begin(st, label) != 0)
		return -1;
	if ((s = stmt(st, S_RUN_UPD)) != NULL) {
		bind_run_fields(s, r);
		sqlite3_bind_int64(s, 11, r->id);
		if (step_done(st, s) == 0)
			rc = sqlite3_changes(st->db) == 0 ? 1 : 0;
	}
	return write_end(st, rc);
}

/* The id of the day's row in a one-per-day table, 0 when none. */
static int64_t
find_day(struct store *st, enum stmt_id id, int day, int *err)
{
	sqlite3_stmt *s = stmt(st, id);
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

int
store_put_sleep(struct store *st, struct sleep *sl, int *replaced)
{
	sqlite3_stmt *s;
	char label[64] = "", day[11];
	int64_t old;
	int rc = -1, err;

	if (sleep_validate(sl) != 0)
		return -1;
	if (!st->batch)
		snprintf(label, sizeof label, "sleep on %s",
		    date_format(sl->day, day));
	if (write_begin(st, label) != 0)
		return -1;
	old = find_day(st, S_SLEEP_FIND, sl->day, &err);
	if (err)
		return write_end(st, -1);
	if (old != 0 && (s = stmt(st, S_SLEEP_UPD)) != NULL) {
		sqlite3_bind_int64(s, 1, sl->minutes);
		bind_opt(s, 2, sl->quality, 0);
		bind_note(s, 3, sl->note);
		bind_text(s, 4, sl->updated_at);
		sqlite3_bind_int64(s, 5, old);
		if (step_done(st, s) == 0) {
			sl->id = old;
			rc = 0;
		}
	} else if (old == 0 && (s = stmt(st, S_SLEEP_ADD)) != NULL) {
		bind_day(s, 1, sl->day);
		sqlite3_bind_int64(s, 2, sl->minutes);
		bind_opt(s, 3, sl->quality, 0);
		bind_note(s, 4, sl->note);
		bind_text(s, 5, sl->created_at);
		bind_text(s, 6, sl->updated_at);
		if (step_done(st, s) == 0) {
			sl->id = sqlite3_last_insert_rowid(st->db);
			rc = 0;
		}
	}
	if (replaced != NULL)
		*replaced = old != 0;
	return write_end(st, rc);
}

int
store_add_drink(struct store *st, struct drink *d)
{
	sqlite3_stmt *s;
	char label[64] = "", day[11];
	int rc = -1;

	if (drink_validate(d) != 0)
		return -1;
	if (!st->batch)
		snprintf(label, sizeof label, "add drink of %" PRId64 " ml on %s",
		    d->volume_ml, date_format(d->day, day));
	if (write_begin(st, label) != 0)
		return -1;
	if ((s = stmt(st, S_DRINK_ADD)) != NULL) {
		bind_day(s, 1, d->day);
		sqlite3_bind_int64(s, 2, d->volume_ml);
		sqlite3_bind_int(s, 3, d->electrolytes != 0);
		bind_text(s, 4, d->created_at);
		bind_text(s, 5, d->updated_at);
		if (step_done(st, s) == 0) {
			d->id = sqlite3_last_insert_rowid(st->db);
			rc = 0;
		}
	}
	return write_end(st, rc);
}

int
store_update_drink(struct store *st, const struct drink *d)
{
	sqlite3_stmt *s;
	char label[64] = "", day[11];
	int rc = -1;

	if (drink_validate(d) != 0)
		return -1;
	if (!st->batch)
		snprintf(label, sizeof label, "edit drink on %s",
		    date_format(d->day, day));
	if (write_begin(st, label) != 0)
		return -1;
	if ((s = stmt(st, S_DRINK_UPD)) != NULL) {
		bind_day(s, 1, d->day);
		sqlite3_bind_int64(s, 2, d->volume_ml);
		sqlite3_bind_int(s, 3, d->electrolytes != 0);
		sqlite3_bind_int64(s, 4, d->id);
		if (step_done(st, s) == 0)
			rc = sqlite3_changes(st->db) == 0 ? 1 : 0;
	}
	return write_end(st, rc);
}

static void
bind_checkin_fields(sqlite3_stmt *s, int i, const struct checkin *c)
{
	sqlite3_bind_int(s, i, c->fatigue);
	bind_opt(s, i + 1, c->soreness, 0);
	bind_opt(s, i + 2, c->mood, 0);
	bind_opt(s, i + 3, c->stress, 0);
	bind_opt(s, i + 4, c->rhr, 0);
	sqlite3_bind_int(s, i + 5, c->ill != 0);
	sqlite3_bind_int(s, i + 6, c->pain != 0);
	sqlite3_bind_int(s, i + 7, c->swelling != 0);
	sqlite3_bind_int(s, i + 8, c->numbness != 0);
	sqlite3_bind_int(s, i + 9, c->no_weight != 0);
	bind_note(s, i + 10, c->note);
}

int
store_put_checkin(struct store *st, struct checkin *c, int *replaced)
{
	sqlite3_stmt *s;
	char label[64] = "", day[11];
	int64_t old;
	int rc = -1, err;

	if (checkin_validate(c) != 0)
		return -1;
	if (!st->batch)
		snprintf(label, sizeof label, "check-in on %s",
		    date_format(c->day, day));
	if (write_begin(st, label) != 0)
		return -1;
	old = find_day(st, S_CHECKIN_FIND, c->day, &err);
	if (err)
		return write_end(st, -1);
	if (old != 0 && (s = stmt(st, S_CHECKIN_UPD)) != NULL) {
		bind_checkin_fields(s, 1, c);
		bind_text(s, 12, c->updated_at);
		sqlite3_bind_int64(s, 13, old);
		if (step_done(st, s) == 0) {
			c->id = old;
			rc = 0;
		}
	} else if (old == 0 && (s = stmt(st, S_CHECKIN_ADD)) != NULL) {
		bind_day(s, 1, c->day);
		bind_checkin_fields(s, 2, c);
		bind_text(s, 13, c->created_at);
		bind_text(s, 14, c->updated_at);
		if (step_done(st, s) == 0) {
			c->id = sqlite3_last_insert_rowid(st->db);
			rc = 0;
		}
	}
	if (replaced != NULL)
		*replaced = old != 0;
	return write_end(st, rc);
}

int
store_put_rest(struct store *st, struct rest *r, int *replaced)
{
	sqlite3_stmt *s;
	char label[64] = "", day[11];
	int64_t old;
	int rc = -1, err;

	if (note_validate(r->note) != 0)
		return -1;
	if (!st->batch)
		snprintf(label, sizeof label, "rest day on %s",
		    date_format(r->day, day));
	if (write_begin(st, label) != 0)
		return -1;
	old = find_day(st, S_REST_FIND, r->day, &err);
	if (err)
		return write_end(st, -1);
	if (old != 0 && (s = stmt(st, S_REST_UPD)) != NULL) {
		bind_note(s, 1, r->note);
		bind_text(s, 2, r->updated_at);
		sqlite3_bind_int64(s, 3, old);
		if (step_done(st, s) == 0) {
			r->id = old;
			rc = 0;
		}
	} else if (old == 0 && (s = stmt(st, S_REST_ADD)) != NULL) {
		bind_day(s, 1, r->day);
		bind_note(s, 2, r->note);
		bind_text(s, 3, r->created_at);
		bind_text(s, 4, r->updated_at);
		if (step_done(st, s) == 0) {
			r->id = sqlite3_last_insert_rowid(st->db);
			rc = 0;
		}
	}
	if (replaced != NULL)
		*replaced = old != 0;
	return write_end(st, rc);
}

/* --- reads ----------------------------------------------------------- */

static void
read_run(sqlite3_stmt *s, void *out)
{
	struct run *r = out;
	const char *type;

	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->day = col_day(s, 1);
	r->distance_m = sqlite3_column_int64(s, 2);
	r->duration_s = sqlite3_column_int64(s, 3);
	r->rpe = sqlite3_column_int(s, 4);
	type = (const char *)sqlite3_column_text(s, 5);
	if (type == NULL || run_type_parse(type, &r->type) != 0)
		r->type = RUN_OTHER;
	r->avg_hr = sqlite3_column_int(s, 6);
	r->climb_m = sqlite3_column_type(s, 7) == SQLITE_NULL ? -1 :
	    sqlite3_column_int64(s, 7);
	r->mass_before_g = sqlite3_column_int64(s, 8);
	r->mass_after_g = sqlite3_column_int64(s, 9);
	r->note = col_text(s, 10);
	r->source = col_text(s, 11);
	r->external_id = col_text(s, 12);
	r->created_at = col_text(s, 13);
	r->updated_at = col_text(s, 14);
}

static void
read_sleep(sqlite3_stmt *s, void *out)
{
	struct sleep *r = out;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->day = col_day(s, 1);
	r->minutes = sqlite3_column_int64(s, 2);
	r->quality = sqlite3_column_int(s, 3);
	r->note = col_text(s, 4);
	r->created_at = col_text(s, 5);
	r->updated_at = col_text(s, 6);
}

static void
read_drink(sqlite3_stmt *s, void *out)
{
	struct drink *r = out;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->day = col_day(s, 1);
	r->volume_ml = sqlite3_column_int64(s, 2);
	r->electrolytes = sqlite3_column_int(s, 3);
	r->created_at = col_text(s, 4);
	r->updated_at = col_text(s, 5);
}

static void
read_checkin(sqlite3_stmt *s, void *out)
{
	struct checkin *r = out;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->day = col_day(s, 1);
	r->fatigue = sqlite3_column_int(s, 2);
	r->soreness = sqlite3_column_int(s, 3);
	r->mood = sqlite3_column_int(s, 4);
	r->stress = sqlite3_column_int(s, 5);
	r->rhr = sqlite3_column_int(s, 6);
	r->ill = sqlite3_column_int(s, 7);
	r->pain = sqlite3_column_int(s, 8);
	r->swelling = sqlite3_column_int(s, 9);
	r->numbness = sqlite3_column_int(s, 10);
	r->no_weight = sqlite3_column_int(s, 11);
	r->note = col_text(s, 12);
	r->created_at = col_text(s, 13);
	r->updated_at = col_text(s, 14);
}

static void
read_rest(sqlite3_stmt *s, void *out)
{
	struct rest *r = out;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->day = col_day(s, 1);
	r->note = col_text(s, 2);
	r->created_at = col_text(s, 3);
	r->updated_at = col_text(s, 4);
}

typedef void (*row_reader)(sqlite3_stmt *, void *);

/* Runs a day-range query and collects rows of size elsize. */
static int
read_range(struct store *st, enum stmt_id id, int from, int to,
    row_reader rd, size_t elsize, void **out, size_t *n)
{
	sqlite3_stmt *s = stmt(st, id);
	size_t cap = 0, len = 0;
	char *v = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return -1;
	bind_day(s, 1, from);
	bind_day(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * elsize);
		}
		rd(s, v + len * elsize);
		len++;
	}
	sqlite3_reset(s);
	*out = v;
	*n = len;
	if (rc != SQLITE_DONE)
		return db_fail(st, "read");
	return 0;
}

int
store_runs(struct store *st, int from, int to, struct run **out, size_t *n)
{
	return read_range(st, S_RUNS, from, to, read_run,
	    sizeof **out, (void **)out, n);
}

int
store_sleeps(struct store *st, int from, int to, struct sleep **out, size_t *n)
{
	return read_range(st, S_SLEEPS, from, to, read_sleep,
	    sizeof **out, (void **)out, n);
}

int
store_drinks(struct store *st, int from, int to, struct drink **out, size_t *n)
{
	return read_range(st, S_DRINKS, from, to, read_drink,
	    sizeof **out, (void **)out, n);
}

int
store_checkins(struct store *st, int from, int to, struct checkin **out,
    size_t *n)
{
	return read_range(st, S_CHECKINS, from, to, read_checkin,
	    sizeof **out, (void **)out, n);
}

int
store_rests(struct store *st, int from, int to, struct rest **out, size_t *n)
{
	return read_range(st, S_RESTS, from, to, read_rest,
	    sizeof **out, (void **)out, n);
}

void
run_list_free(struct run *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		run_free(&v[i]);
	free(v);
}

void
sleep_list_free(struct sleep *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sleep_free(&v[i]);
	free(v);
}

void
drink_list_free(struct drink *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		drink_free(&v[i]);
	free(v);
}

void
checkin_list_free(struct checkin *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		checkin_free(&v[i]);
	free(v);
}

void
rest_list_free(struct rest *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rest_free(&v[i]);
	free(v);
}

static int
read_one(struct store *st, enum stmt_id id, int64_t key, row_reader rd,
    void *out)
{
	sqlite3_stmt *s = stmt(st, id);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		rd(s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return db_fail(st, "read");
}

int
store_get_run(struct store *st, int64_t id, struct run *r)
{
	return read_one(st, S_RUN_GET, id, read_run, r);
}

int
store_get_sleep(struct store *st, int64_t id, struct sleep *s)
{
	return read_one(st, S_SLEEP_GET, id, read_sleep, s);
}

int
store_get_drink(struct store *st, int64_t id, struct drink *d)
{
	return read_one(st, S_DRINK_GET, id, read_drink, d);
}

int
store_get_checkin(struct store *st, int64_t id, struct checkin *c)
{
	return read_one(st, S_CHECKIN_GET, id, read_checkin, c);
}

int
store_span(struct store *st, int *first, int *last)
{
	/* Each min()/max() is answered from the day index or the unique key. */
	static const char sql[] =
	    "SELECT min(d), max(d) FROM ("
	    " SELECT min(day) AS d FROM run UNION ALL SELECT max(day) FROM run"
	    " UNION ALL SELECT min(day) FROM sleep UNION ALL SELECT max(day) FROM sleep"
	    " UNION ALL SELECT min(day) FROM drink UNION ALL SELECT max(day) FROM drink"
	    " UNION ALL SELECT min(day) FROM checkin UNION ALL SELECT max(day) FROM checkin"
	    " UNION ALL SELECT min(day) FROM rest UNION ALL SELECT max(day) FROM rest)";
	sqlite3_stmt *s;
	int rc, empty = 1;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "read");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
		*first = col_day(s, 0);
		*last = col_day(s, 1);
		empty = 0;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return db_fail(st, "read");
	return empty;
}

int64_t
store_count(struct store *st, enum entry_kind k)
{
	char sql[160];
	sqlite3_stmt *s;
	int64_t n = -1;

	if (k == ENTRY_KIND_COUNT)
		snprintf(sql, sizeof sql, "SELECT (SELECT count(*) FROM run) + "
		    "(SELECT count(*) FROM sleep) + (SELECT count(*) FROM drink) + "
		    "(SELECT count(*) FROM checkin) + (SELECT count(*) FROM rest)");
	else
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", kind_tables[k]);
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		db_fail(st, "read");
		return -1;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* --- every kind at once ----------------------------------------------- */

int
store_load(struct store *st, int from, int to, struct entries *out)
{
	memset(out, 0, sizeof *out);
	if (store_runs(st, from, to, &out->runs, &out->nruns) != 0 ||
	    store_sleeps(st, from, to, &out->sleeps, &out->nsleeps) != 0 ||
	    store_drinks(st, from, to, &out->drinks, &out->ndrinks) != 0 ||
	    store_checkins(st, from, to, &out->checkins, &out->ncheckins) != 0 ||
	    store_rests(st, from, to, &out->rests, &out->nrests) != 0) {
		entries_free(out);
		return -1;
	}
	return 0;
}

void
entries_free(struct entries *e)
{
	run_list_free(e->runs, e->nruns);
	sleep_list_free(e->sleeps, e->nsleeps);
	drink_list_free(e->drinks, e->ndrinks);
	checkin_list_free(e->checkins, e->ncheckins);
	rest_list_free(e->rests, e->nrests);
	memset(e, 0, sizeof *e);
}

/* The nearest day holding an entry, before (newer = 0) or after day. */
static int
day_beside(struct store *st, int day, int newer, int *out)
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
	char ds[16];
	int rc = 1;

	if (day < DATE_MIN)
		snprintf(ds, sizeof ds, "0000-00-00");
	else if (day > DATE_MAX)
		snprintf(ds, sizeof ds, "9999-99-99");
	else
		date_format(day, ds);
	if (sqlite3_prepare_v2(st->db, newer ? newer_sql : older_sql, -1, &s,
	    NULL) != SQLITE_OK)
		return db_fail(st, "read");
	sqlite3_bind_text(s, 1, ds, -1, SQLITE_TRANSIENT);
	switch (sqlite3_step(s)) {
	case SQLITE_ROW:
		if (sqlite3_column_type(s, 0) != SQLITE_NULL) {
			const char *t = (const char *)sqlite3_column_text(s, 0);
			rc = t != NULL && date_parse(t, out) == 0 ? 0 : 1;
		}
		break;
	case SQLITE_DONE:
		break;
	default:
		rc = db_fail(st, "read");
	}
	sqlite3_finalize(s);
	return rc;
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
