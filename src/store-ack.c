/*
 * store-ack: the statements on the ack table. The table arrives with
 * schema version 4; read commands open older journals without upgrading
 * them, so a journal below that version simply has no acknowledgements.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store-ack.h"
#include "store-int.h"
#include "util.h"

/* Why an ack row is not one runlog writes, or NULL. */
static const char *
ack_bad(sqlite3_stmt *s)
{
	const unsigned char *rule = sqlite3_column_text(s, 1);
	const char *day = (const char *)sqlite3_column_text(s, 2);
	size_t i;
	int d;

	if (sqlite3_column_type(s, 1) != SQLITE_TEXT || rule == NULL ||
	    rule[0] == '\0' || strlen((const char *)rule) > 40)
		return "the rule is not a rule's name";
	for (i = 0; rule[i] != '\0'; i++)
		if ((rule[i] < 'a' || rule[i] > 'z') && rule[i] != '-')
			return "the rule is not a rule's name";
	if (sqlite3_column_type(s, 2) != SQLITE_TEXT || day == NULL ||
	    strlen(day) != 10 || date_parse(day, &d) != 0)
		return "the day is not a real date from 1900 to 2099";
	return NULL;
}

int
store_acks(struct store *st, struct store_ack **out, size_t *n)
{
	sqlite3_stmt *s = NULL;
	struct store_ack *v = NULL;
	size_t nv = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (store_schema_version(st) < STORE_ACK_VERSION)
		return 0;
	if (sqlite3_prepare_v2(st->db, "SELECT id, rule, day, created_at FROM "
	    "ack ORDER BY rule, day, id", -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, "read acknowledgements");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *rule = sqlite3_column_text(s, 1);
		const unsigned char *at = sqlite3_column_text(s, 3);
		const char *why = ack_bad(s);

		/* The journal is untrusted: a row that is not one runlog
		 * writes is left out and named, as bad entries are. */
		if (why != NULL) {
			store_warn(st, "ack %lld: %s", (long long)
			    sqlite3_column_int64(s, 0), why);
			continue;
		}

		if (nv == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof *v);
		}
		memset(&v[nv], 0, sizeof v[nv]);
		v[nv].id = sqlite3_column_int64(s, 0);
		snprintf(v[nv].rule, sizeof v[nv].rule, "%s",
		    rule ? (const char *)rule : "");
		v[nv].day = col_day(s, 2);
		snprintf(v[nv].at, sizeof v[nv].at, "%s",
		    at ? (const char *)at : "");
		nv++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(v);
		return db_fail(st, "read acknowledgements");
	}
	*out = v;
	*n = nv;
	return 0;
}

int
store_ack_add(struct store *st, const char *rule, int day)
{
	sqlite3_stmt *s = NULL;
	char label[64];
	int rc;

	snprintf(label, sizeof label, "ack %.40s", rule);
	if (write_begin(st, label) != 0)
		return -1;
	if (sqlite3_prepare_v2(st->db, "INSERT INTO ack (rule, day) SELECT ?1, "
	    "?2 WHERE NOT EXISTS (SELECT 1 FROM ack WHERE rule = ?1 AND "
	    "day = ?2)", -1, &s, NULL) != SQLITE_OK)
		return write_end(st, db_fail(st, "write"));
	bind_text(s, 1, rule);
	bind_day(s, 2, day);
	rc = step_done(st, s);
	if (rc == 0 && sqlite3_changes(st->db) == 0)
		rc = 1;
	sqlite3_finalize(s);
	return write_end(st, rc);
}

int
store_ack_remove(struct store *st, const char *rule, int from, int to,
    int *removed)
{
	sqlite3_stmt *s = NULL;
	char label[64];
	int rc;

	*removed = 0;
	snprintf(label, sizeof label, "remove ack %.40s", rule);
	if (write_begin(st, label) != 0)
		return -1;
	if (sqlite3_prepare_v2(st->db, "DELETE FROM ack WHERE rule = ? AND "
	    "day BETWEEN ? AND ?", -1, &s, NULL) != SQLITE_OK)
		return write_end(st, db_fail(st, "write"));
	bind_text(s, 1, rule);
	bind_day(s, 2, from);
	bind_day(s, 3, to);
	rc = step_done(st, s);
	if (rc == 0)
		*removed = sqlite3_changes(st->db);
	sqlite3_finalize(s);
	return write_end(st, rc);
}
