/* runlog: picks the journal UI or a plain command, and nothing else. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"
#include "util.h"
#include "ui.h"

static void
ctx_free(struct cli_ctx *ctx)
{
	store_close(ctx->st);
	free(ctx->db_path);
	free(ctx->config_path);
}

int
main(int argc, char **argv)
{
	struct cli_ctx ctx;
	int i, rc;

	/* Text, its width and its encoding follow the user (LC_CTYPE), and
	 * so do the system's error messages (LC_MESSAGES); nothing else
	 * reads the locale, so the other categories are not loaded. Numbers
	 * stay in the "C" locale, read and written with a '.' whatever the
	 * language: strtod() reads the config's [flags], and a decimal comma
	 * would also break CSV. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	memset(&ctx, 0, sizeof ctx);
	ctx.prog = "runlog";
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_help(stdout);
			return cli_output_done(0);
		}
		if (strcmp(argv[i], "--version") == 0) {
			outf("runlog %s\n", RUNLOG_VERSION);
			return cli_output_done(0);
		}
		if (strcmp(argv[i], "--db") == 0 || strcmp(argv[i], "--config") == 0) {
			i++;
			continue;
		}
		if (strncmp(argv[i], "--db=", 5) == 0 ||
		    strncmp(argv[i], "--config=", 9) == 0)
			continue;
		break;
	}
	if (i < argc && argv[i][0] == '-') {
		char *a = text_printable(argv[i]);
		out_printf(stderr, "runlog: unknown option '%.40s'\n", a);
		free(a);
		cli_help(stderr);
		return 2;
	}
	if (i < argc) {
		/* Global options before the command are handed to it. */
		char **av = calloc((size_t)argc + 1, sizeof *av);
		int n = 0, j;
		if (av == NULL)
			return 1;
		av[n++] = argv[i];
		for (j = 1; j < i; j++)
			av[n++] = argv[j];
		for (j = i + 1; j < argc; j++)
			av[n++] = argv[j];
		rc = cli_dispatch(&ctx, n, av);
		if (rc < 0) {
			char *a = text_printable(argv[i]);
			out_printf(stderr, "runlog: unknown command '%.40s'; "
			    "'runlog --help' lists them\n", a);
			free(a);
			rc = 2;
		}
		free(av);
		if (rc != 0)
			store_abandon(ctx.st);
		ctx_free(&ctx);
		return cli_output_done(rc);
	}
	/* No command: the journal, with the global options read first. */
	{
		struct optres o;
		char *av0 = argv[0];

		argv[0] = "";
		rc = cli_parse(&ctx, argc, argv, NULL, &o);
		argv[0] = av0;
		if (rc == 0)
			rc = ui_run(&ctx);
		cli_warnings(&ctx);
	}
	if (rc != 0)
		store_abandon(ctx.st);
	ctx_free(&ctx);
	return rc;
}
