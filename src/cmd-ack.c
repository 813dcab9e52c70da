/*
 * cmd-ack: runlog ack, acknowledging a flag's episode so that check, its
 * exit status and the Flags screen stop raising it until it ends or
 * escalates. The journal keeps the rule and a day inside the episode
 * (store-ack.h); undo takes an acknowledgement back like any change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "store-ack.h"
#include "util.h"

enum { AO_DATE, AO_LIST, AO_REMOVE };
static const struct opt ack_opts[] = {
	{ "date", 0, OPT_DATE, NULL }, { "list", 0, OPT_FLAG, NULL },
	{ "remove", 0, OPT_FLAG, NULL }, { NULL, 0, 0, NULL },
};
static const struct cmd_arg ack_args[] = {
	{ "RULE", OPT_VALUE, NULL, CMD_ARG_OPTIONAL },
	{ NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_ack_entry = {
	.name = "ack",
	.opts = ack_opts,
	.args = ack_args,
	.usage = "[RULE] [--date D] [--list] [--remove]",
	.summary = "acknowledge a flag until it ends or escalates",
	.exec = cmd_ack,
};

/* Every acknowledgement, oldest day first within each rule. */
static int
ack_list(struct cli_ctx *ctx)
{
	struct store *st;
	struct store_ack *v;
	size_t n, i;
	char d[11];

	if ((st = cli_store(ctx)) == NULL)
		return 1;
	if (store_acks(st, &v, &n) != 0)
		return cli_fail(NULL);
	if (n == 0)
		outf("No acknowledgements.\n");
	for (i = 0; i < n; i++)
		outf("%-19s %s  (made %s UTC)\n", v[i].rule,
		    date_format(v[i].day, d), v[i].at);
	free(v);
	return 0;
}

/* Withdraws the acknowledgements that hide rule's episode on day. */
static int
ack_remove(struct store *st, const struct cli_flag *r,
    int day)
{
	const char *name = an_flag_name(r->f.id);
	char a[11], b[11];
	int removed;

	if (!r->e.open || an_episode_over(&r->e, day)) {
		err_set("%s has no episode on %s: nothing to withdraw", name,
		    date_format(day, a));
		return cli_fail(NULL);
	}
	if (store_ack_remove(st, name, r->e.first_day, day, &removed) != 0)
		return cli_fail(NULL);
	date_format(r->e.first_day, a);
	if (removed == 0)
		outf("%s since %s was not acknowledged.\n", name, a);
	else
		outf("Withdrew %d acknowledgement%s of %s since %s, to %s.\n",
		    removed, removed == 1 ? "" : "s", name, a,
		    date_format(day, b));
	return 0;
}

int
cmd_ack(struct cli_ctx *ctx, int argc, char **argv)
{
	struct optres o;
	struct store *st;
	struct cli_flag cf[AN_FLAGS_MAX], rules[AN_FLAG_COUNT];
	const struct cli_flag *r;
	char a[11];
	int day, id, rc;

	if ((rc = cli_parse(ctx, argc, argv, ack_opts, &o)) != 0)
		return rc;
	if (cli_flag(&o, AO_LIST)) {
		if (o.npos > 0 || cli_flag(&o, AO_REMOVE) ||
		    OPTVAL(&o, AO_DATE) != NULL)
			return cli_usage("ack", "--list takes nothing else");
		return ack_list(ctx);
	}
	if (o.npos != 1)
		return cli_usage("ack", o.npos ? "one rule at a time" :
		    "which rule? (see runlog check)");
	if ((id = an_flag_find(o.pos[0])) < 0) {
		char msg[400];
		unsigned off = 0;

		an_rules_off_parse(o.pos[0], &off, msg, sizeof msg);
		return cli_usage("ack", "%s", msg);
	}
	if (cli_report_date(OPTVAL(&o, AO_DATE), &day) != 0)
		return 1;
	if ((st = cli_store_verified(ctx)) == NULL)
		return 1;
	if (cli_day_flags(ctx, st, day, cf, rules) < 0)
		return cli_fail(NULL);
	r = &rules[id];
	if (cli_flag(&o, AO_REMOVE))
		return ack_remove(st, r, day);
	if (!r->e.open || an_episode_over(&r->e, day)) {
		err_set("%s does not hold on %s: nothing to acknowledge",
		    o.pos[0], date_format(day, a));
		return cli_fail(NULL);
	}
	date_format(r->e.first_day, a);
	if (r->acked) {
		outf("%s since %s is already acknowledged.\n", o.pos[0], a);
		return 0;
	}
	if (store_ack_add(st, o.pos[0], day) < 0)
		return cli_fail(NULL);
	outf("Acknowledged %s since %s (%s): hidden until it ends or becomes "
	    "more severe.\n", o.pos[0], a, an_severity_name(r->e.severity));
	return 0;
}
