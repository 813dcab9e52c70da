/* cmd-show: runlog show, delete, undo and redo. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "entry-text.h"
#include "units.h"
#include "util.h"

#define SHOW_DEFAULT_DAYS 28

/* The order of a day's entries: the rest day first, then what was done. */
static const enum entry_kind show_order[ENTRY_KIND_COUNT] = {
	ENTRY_REST, ENTRY_RUN, ENTRY_SLEEP, ENTRY_DRINK, ENTRY_CHECKIN,
	ENTRY_PLAN,
};

/* Entry i of kind k in e, and its day. */
static const void *
entry_at(const struct entries *e, enum entry_kind k, size_t i, int *day)
{
	const struct entry_desc *d = entry_desc(k);
	size_t n;
	const char *v = entries_list(e, k, &n);

	if (i >= n)
		return NULL;
	v += i * d->size;
	*day = (int)entry_get(v, entry_field_find(d, "day"));
	return v;
}

/* Prints every entry of day, moving each kind's position past them. */
static void
print_day(struct cli_ctx *ctx, int day, const struct entries *e,
    size_t pos[ENTRY_KIND_COUNT])
{
	const struct config *cfg = &ctx->cfg;
	struct buf line;
	char ds[11];
	const void *v;
	int i, d;

	buf_init(&line);
	outf("%s %s\n", date_format(day, ds), date_weekday_name(day));
	for (i = 0; i < ENTRY_KIND_COUNT; i++) {
		enum entry_kind k = show_order[i];

		while ((v = entry_at(e, k, pos[k], &d)) != NULL && d == day) {
			buf_clear(&line);
			entry_text_line(k, v, cfg->dist_unit, cfg->vol_unit, &line);
			outf("  %c%-5" PRId64 " %s\n", entry_kind_letter(k),
			    entry_get(v, entry_field_find(entry_desc(k), "id")),
			    line.data);
			pos[k]++;
		}
	}
	buf_free(&line);
}

/* The smallest day among the next unprinted entries of each kind. */
static int
next_day(const struct entries *e, const size_t pos[ENTRY_KIND_COUNT])
{
	int k, d, min = DATE_MAX + 1;

	for (k = 0; k < ENTRY_KIND_COUNT; k++)
		if (entry_at(e, (enum entry_kind)k, pos[k], &d) != NULL && d < min)
			min = d;
	return min;
}

/* What the store left out or wants the user to know, on stderr. */
static void
print_warnings(struct store *st)
{
	const char *w;

	while ((w = store_warning(st)) != NULL)
		out_printf(stderr, "runlog: warning: %s\n", w);
}

enum { WO_FROM, WO_TO, WO_ALL };
static const struct opt show_opts[] = {
	{ "from", 'f', OPT_DATE, NULL }, { "to", 0, OPT_DATE, NULL },
	{ "all", 'a', OPT_FLAG, NULL }, { NULL, 0, 0, NULL },
};
const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.opts = show_opts,
	.usage = "[-f D] [--to D] [-a]",
	.summary = "list entries with their ids",
	.exec = cmd_show,
};
static const struct cmd_arg delete_args[] = {
	{ "ID", OPT_ID, NULL, CMD_ARG_MANY }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_delete_entry = {
	.name = "delete",
	.args = delete_args,
	.usage = "ID...",
	.summary = "delete entries by id (r12, s3, ...)",
	.exec = cmd_delete,
};
const struct cmd_entry cmd_undo_entry = {
	.name = "undo",
	.usage = "",
	.summary = "undo the last change",
	.exec = cmd_undo,
};
const struct cmd_entry cmd_redo_entry = {
	.name = "redo",
	.usage = "",
	.summary = "redo the last change undone",
	.exec = cmd_redo,
};

int
cmd_show(struct cli_ctx *ctx, int argc, char **argv)
{
	struct entries e;
	struct optres o;
	struct store *st;
	size_t pos[ENTRY_KIND_COUNT] = { 0 };
	int from, to, rc, day, any = 0;

	if ((rc = cli_parse(ctx, argc, argv, show_opts, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage("show", "unexpected argument '%.40s'", o.pos[0]);
	to = date_today();
	if (OPTVAL(&o, WO_TO) != NULL &&
	    cli_report_date(OPTVAL(&o, WO_TO), &to) != 0)
		return 1;
	from = to - SHOW_DEFAULT_DAYS + 1;
	if (OPTVAL(&o, WO_FROM) != NULL &&
	    cli_report_date(OPTVAL(&o, WO_FROM), &from) != 0)
		return 1;
	if (cli_flag(&o, WO_ALL)) {
		from = DATE_MIN;
		to = DATE_MAX;
	}
	if (from > to) {
		out_puts(stderr, "runlog: --from is after --to\n");
		return 1;
	}
	if ((st = cli_store_existing(ctx, 0)) == NULL)
		return 1;
	if (store_load(st, from, to, &e) != 0)
		return cli_fail(NULL);
	while ((day = next_day(&e, pos)) <= DATE_MAX) {
		print_day(ctx, day, &e, pos);
		any = 1;
	}
	if (!any) {
		char a[11], b[11];
		if (cli_flag(&o, WO_ALL))
			outf("The journal is empty.\n");
		else
			outf("No entries from %s to %s.\n", date_format(from, a),
			    date_format(to, b));
	}
	print_warnings(st);
	entries_free(&e);
	return rc;
}

/* "run 10.00 km  52:30 ..." of entry k/id, for the delete message. */
static char *
describe(struct cli_ctx *ctx, struct store *st, enum entry_kind k, int64_t id)
{
	union { struct run r; struct sleep s; struct drink d;
		struct checkin c; struct rest x; } e;
	struct buf line;
	char ds[11], *out;
	const char *p;

	if (store_get(st, k, id, &e) != 0)
		return NULL;
	buf_init(&line);
	entry_text_line(k, &e, ctx->cfg.dist_unit, ctx->cfg.vol_unit, &line);
	/* The line begins with the kind's name, which the message has. */
	p = line.data + strlen(entry_kind_name(k));
	while (*p == ' ')
		p++;
	out = xasprintf("%s%s%s", date_format((int)entry_get(&e,
	    entry_field_find(entry_desc(k), "day")), ds), *p ? ", " : "", p);
	buf_free(&line);
	entry_free_fields(entry_desc(k), &e);
	return out;
}

int
cmd_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct store *st;
	enum entry_kind k[POS_MAX];
	int64_t ids[POS_MAX];
	char *what[POS_MAX] = { NULL };
	size_t n = 0, missing = 0, j;
	int i, rc;

	if ((rc = cli_parse(ctx, argc, argv, NULL, &o)) != 0)
		return rc;
	if (o.npos == 0)
		return cli_usage("delete", "missing ID");
	/* Every id is parsed, and an id given twice counted once, before
	 * the journal is opened. */
	for (i = 0; i < o.npos; i++) {
		if (entry_ref_parse(o.pos[i], &k[n], &ids[n]) != 0)
			return cli_fail(NULL);
		for (j = 0; j < n && (k[j] != k[n] || ids[j] != ids[n]); j++)
			;
		if (j == n)
			n++;
	}
	if ((st = cli_store_existing(ctx, 1)) == NULL)
		return 1;
	for (j = 0; j < n; j++)
		what[j] = describe(ctx, st, k[j], ids[j]);
	rc = store_delete_many(st, k, ids, n, &missing);
	if (rc < 0)
		rc = cli_fail(NULL);
	else if (rc == 1)
		out_printf(stderr, "runlog: no %s %c%" PRId64 " in the journal; "
		    "nothing was deleted\n", entry_kind_name(k[missing]),
		    entry_kind_letter(k[missing]), ids[missing]);
	for (j = 0; j < n && rc == 0; j++) {
		char *shown = text_printable(what[j] != NULL ? what[j] : "");
		outf("Deleted %s %c%" PRId64 " (%s).%s\n", entry_kind_name(k[j]),
		    entry_kind_letter(k[j]), ids[j], shown, n == 1 ?
		    " 'runlog undo' brings it back." : "");
		free(shown);
	}
	if (rc == 0 && n > 1)
		outf("One 'runlog undo' brings all %zu back.\n", n);
	for (j = 0; j < n; j++)
		free(what[j]);
	return rc;
}

/* Undoes (redo 0) or redoes (redo 1) the newest change. */
static int
replay(struct cli_ctx *ctx, int argc, char **argv, int redo)
{
	const char *cmd = redo ? "redo" : "undo";
	struct optres o;
	struct store *st;
	char label[256], *shown;
	int rc;

	if ((rc = cli_parse(ctx, argc, argv, NULL, &o)) != 0)
		return rc;
	if (o.npos > 0)
		return cli_usage(cmd, "unexpected argument '%.40s'", o.pos[0]);
	if ((st = cli_store_existing(ctx, 1)) == NULL)
		return 1;
	rc = redo ? store_redo(st, label, sizeof label) :
	    store_undo(st, label, sizeof label);
	if (rc < 0)
		return cli_fail(NULL);
	if (rc == 1) {
		outf("Nothing to %s.\n", cmd);
		return 0;
	}
	/* The label is stored in the journal: printed as plain text only,
	 * its distances and volumes in the user's units. */
	shown = cli_label_units(&ctx->cfg, label);
	outf("%s: %s.%s\n", redo ? "Redone" : "Undone", shown, redo ? "" :
	    " 'runlog redo' does it again.");
	free(shown);
	return 0;
}

int
cmd_undo(struct cli_ctx *ctx, int argc, char **argv)
{
	return replay(ctx, argc, argv, 0);
}

int
cmd_redo(struct cli_ctx *ctx, int argc, char **argv)
{
	return replay(ctx, argc, argv, 1);
}
