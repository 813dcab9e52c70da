/*
 * The command table against what a user reads: each command's usage line
 * names the table's options in the table's order, and the manual's
 * COMMANDS section lists the same commands, in the same order, each with
 * the same options (a short option is also named in the entry's text).
 * Then the output filter and the printing of the journal's warnings.
 */
#include "testutil.h"

#include <ctype.h>

#include "cli.h"
#include "util.h"

#define MAN_PATH  "man/runlog.1"
#define MAN_MAX   64
#define WORDS_MAX 64

static int quiet;   /* the drift test expects failures: no messages */
#define report(...) do { if (!quiet) print_error(__VA_ARGS__); } while (0)

/* One command as the manual's COMMANDS list gives it. */
struct man_cmd {
	char  name[32];
	char *head;    /* the .It line(s): the synopsis of the command */
	char *text;    /* the whole item, head and description */
};

static char *
read_all(const char *path)
{
	struct buf b;
	char chunk[4096];
	size_t n;
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return b.data;
}

/* Copies line without mdoc's escapes: "\-dry-run" is "-dry-run". */
static void
add_line(struct buf *b, const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!(line[i] == '\\' && i + 1 < len && line[i + 1] == '-'))
			buf_addc(b, line[i]);
	buf_addc(b, '\n');
}

/* The items of the first-level list of the COMMANDS section. */
static int
man_commands(struct man_cmd *out, int max)
{
	char *man = read_all(MAN_PATH), *p, *end;
	struct buf head, text;
	int depth = 0, n = -1, in_head = 0;

	p = strstr(man, "\n.Sh COMMANDS\n");
	assert_non_null(p);
	p += strlen("\n.Sh COMMANDS\n");
	buf_init(&head);
	buf_init(&text);
	for (; *p != '\0' && strncmp(p, ".Sh ", 4) != 0; p = end + 1) {
		size_t len;

		end = strchr(p, '\n');
		assert_non_null(end);
		len = (size_t)(end - p);
		if (strncmp(p, ".Bl ", 4) == 0)
			depth++;
		else if (strncmp(p, ".El", 3) == 0)
			depth--;
		if (depth == 1 && strncmp(p, ".It ", 4) == 0) {
			if (n >= 0) {
				out[n].head = head.data;
				out[n].text = text.data;
				buf_init(&head);
				buf_init(&text);
			}
			assert_true(++n < max);
			in_head = strncmp(p, ".It Xo", 6) == 0;
			add_line(&head, p, len);
		} else if (in_head) {
			add_line(&head, p, len);
			in_head = strncmp(p, ".Xc", 3) != 0;
		}
		if (n >= 0)
			add_line(&text, p, len);
	}
	if (n >= 0) {
		out[n].head = head.data;
		out[n].text = text.data;
	}
	for (int i = 0; i <= n; i++) {
		char *cm = strstr(out[i].head, "Cm ");
		assert_non_null(cm);
		sscanf(cm + 3, "%31[a-z-]", out[i].name);
	}
	free(man);
	return n + 1;
}

/*
 * The options named in s, in order: after "Fl " in the manual (mdoc),
 * or as "--name" / "-c" words in a usage line ("-c" for a short one).
 */
static int
options_in(const char *s, int mdoc, char words[][32], int max)
{
	int n = 0;
	const char *p = s;

	while (*p != '\0') {
		const char *w = NULL;

		if (mdoc && strncmp(p, "Fl ", 3) == 0 &&
		    (p == s || p[-1] == ' ' || p[-1] == '\n'))
			w = p + 3;
		else if (!mdoc && *p == '-' && (p == s || p[-1] == ' ' ||
		    p[-1] == '['))
			w = p;
		if (w == NULL) {
			p++;
			continue;
		}
		assert_true(n < max);
		/* mdoc's Fl puts the first '-' itself: "Fl -date" is --date. */
		words[n][0] = '-';
		words[n][1] = '\0';
		sscanf(w, "%30[a-z-]", words[n] + (mdoc ? 1 : 0));
		p = w + strlen(words[n]) - (mdoc ? 1 : 0);
		n++;
	}
	return n;
}

/* The index of the option that word ("--date", "-o") names, or -1. */
static int
opt_index(const struct cmd_entry *c, const char *word)
{
	int i;

	for (i = 0; c->opts != NULL && c->opts[i].name != NULL; i++) {
		if (strncmp(word, "--", 2) == 0 &&
		    strcmp(word + 2, c->opts[i].name) == 0)
			return i;
		if (word[0] == '-' && word[1] != '-' && word[2] == '\0' &&
		    word[1] == c->opts[i].short_name)
			return i;
	}
	return -1;
}

static int
opt_count(const struct cmd_entry *c)
{
	int n = 0;

	while (c->opts != NULL && c->opts[n].name != NULL)
		n++;
	return n;
}

/* The words name the command's options, each once, in the table's order. */
static int
same_options(const struct cmd_entry *c, char words[][32], int nw,
    const char *where)
{
	int i, k;

	if (nw != opt_count(c)) {
		report("%s: %s names %d options, the table has %d\n",
		    c->name, where, nw, opt_count(c));
		return 0;
	}
	for (i = 0; i < nw; i++) {
		if ((k = opt_index(c, words[i])) != i) {
			report("%s: %s names %s as option %d; the table's "
			    "option %d is --%s\n", c->name, where, words[i],
			    k + 1, i + 1, c->opts[i].name);
			return 0;
		}
	}
	return 1;
}

static void
test_usage_matches_table(void **state)
{
	char words[WORDS_MAX][32];
	int i, k, n, ok = 1;

	(void)state;
	for (i = 0; cli_commands[i] != NULL; i++) {
		const struct cmd_entry *c = cli_commands[i];

		assert_non_null(c->name);
		assert_non_null(c->usage);
		assert_non_null(c->summary);
		assert_non_null(c->exec);
		assert_ptr_equal(cli_command(c->name), c);
		n = options_in(c->usage, 0, words, WORDS_MAX);
		ok &= same_options(c, words, n, "the usage line");
		for (k = 0; k < opt_count(c); k++) {
			const struct opt *o = &c->opts[k];
			if (o->arg == OPT_CHOICE && (o->choices == NULL ||
			    strstr(c->usage, o->choices) == NULL)) {
				print_error("%s: --%s: the usage line lacks its "
				    "choices\n", c->name, o->name);
				ok = 0;
			}
		}
		for (k = 0; c->args != NULL && c->args[k].name != NULL; k++) {
			const struct cmd_arg *a = &c->args[k];
			const char *want = a->arg == OPT_CHOICE ? a->choices :
			    a->name;
			if (want == NULL || strstr(c->usage, want) == NULL) {
				print_error("%s: the usage line lacks the "
				    "argument %s\n", c->name, a->name);
				ok = 0;
			}
		}
	}
	assert_true(i >= 16);
	assert_true(ok);
}

static void
test_manual_matches_table(void **state)
{
	struct man_cmd man[MAN_MAX];
	char words[WORDS_MAX][32], look[40];
	int nman, i, k, n, ok = 1;

	(void)state;
	nman = man_commands(man, MAN_MAX);
	for (i = 0; cli_commands[i] != NULL || i < nman; i++) {
		const struct cmd_entry *c = cli_commands[i];

		if (c == NULL || i >= nman || strcmp(c->name, man[i].name) != 0) {
			print_error("command %d: the table has '%s', the manual "
			    "'%s'\n", i + 1, c != NULL ? c->name : "(none)",
			    i < nman ? man[i].name : "(none)");
			ok = 0;
			break;
		}
		n = options_in(man[i].head, 1, words, WORDS_MAX);
		ok &= same_options(c, words, n, "the manual's synopsis");
		/* An option with a short name is named both ways. */
		for (k = 0; k < opt_count(c); k++) {
			const struct opt *o = &c->opts[k];

			snprintf(look, sizeof look, "Fl -%s", o->name);
			if (strstr(man[i].text, look) == NULL) {
				print_error("%s: the manual never names --%s\n",
				    c->name, o->name);
				ok = 0;
			}
			if (o->short_name == 0)
				continue;
			snprintf(look, sizeof look, "Fl %c ", o->short_name);
			if (strstr(man[i].text, look) == NULL) {
				snprintf(look, sizeof look, "Fl %c\n",
				    o->short_name);
				if (strstr(man[i].text, look) == NULL) {
					print_error("%s: the manual never names "
					    "-%c\n", c->name, o->short_name);
					ok = 0;
				}
			}
		}
	}
	for (i = 0; i < nman; i++) {
		free(man[i].head);
		free(man[i].text);
	}
	assert_true(nman >= 16);
	assert_true(ok);
}

/* The checks above can fail: a drifted table is caught. */
static void
test_drift_is_caught(void **state)
{
	static const struct opt opts[] = {
		{ "date", 0, OPT_DATE, NULL }, { "verbose", 'v', OPT_FLAG, NULL },
		{ NULL, 0, 0, NULL },
	};
	const struct cmd_entry c = { .name = "x", .opts = opts, .usage = "" };
	char words[WORDS_MAX][32];
	int n;

	(void)state;
	quiet = 1;
	n = options_in("[--date D] [--verbose]", 0, words, WORDS_MAX);
	assert_true(same_options(&c, words, n, "usage"));
	n = options_in("[-v] [--date D]", 0, words, WORDS_MAX);
	assert_false(same_options(&c, words, n, "usage"));
	n = options_in("[--date D]", 0, words, WORDS_MAX);
	assert_false(same_options(&c, words, n, "usage"));
	n = options_in(".Op Fl -date Ar day\n.Op Fl v\n", 1, words, WORDS_MAX);
	assert_true(same_options(&c, words, n, "manual"));
	quiet = 0;
}

/* The store's own queue (src/store-int.h), to give it something to say. */
void store_warn(struct store *st, const char *fmt, ...);

static char *
slurp(FILE *f)
{
	struct buf b;
	char chunk[512];
	size_t n;

	buf_init(&b);
	buf_adds(&b, "");
	rewind(f);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	return b.data;
}

/* Every byte meant for a terminal passes one filter; lines stay lines. */
static void
test_output_is_sanitised(void **state)
{
	FILE *f = tmpfile();
	char *got;

	(void)state;
	assert_non_null(f);
	assert_int_equal(out_printf(f, "a%sb\tc\n", "\033[31m"), 0);
	assert_int_equal(out_puts(f, "d\177\302\233e caf\303\251 \377\n"), 0);
	got = slurp(f);
	assert_string_equal(got, "a?[31mb\tc\nd??e caf\303\251 ?\n");
	free(got);
	fclose(f);
}

/* cli_warnings() prints each queued warning once, sanitised, on stderr. */
static void
test_warnings_printed(void **state)
{
	struct cli_ctx ctx;
	char *dir = test_tmpdir(), *path, *got;
	FILE *f = tmpfile();
	int saved;

	(void)state;
	memset(&ctx, 0, sizeof ctx);
	path = xasprintf("%s/j.db", dir);
	assert_int_equal(store_open(path, &ctx.st), 0);
	store_warn(ctx.st, "the journal %s is shared\033]0;title\007", "j.db");
	store_warn(ctx.st, "second");
	assert_non_null(f);
	fflush(stderr);
	saved = dup(2);
	assert_true(saved >= 0);
	assert_true(dup2(fileno(f), 2) >= 0);
	cli_warnings(&ctx);
	cli_warnings(&ctx);   /* the queue is empty now */
	fflush(stderr);
	assert_true(dup2(saved, 2) >= 0);
	close(saved);
	got = slurp(f);
	assert_string_equal(got, "runlog: warning: the journal j.db is shared?]0;"
	    "title?\nrunlog: warning: second\n");
	free(got);
	fclose(f);
	store_close(ctx.st);
	test_rmdir(dir);
	free(path);
	free(dir);
}

/*
 * Short options: no two options of a command share one, and a letter means
 * the same long option in every command that has it (-d is always --date).
 */
static void
test_short_options_agree(void **state)
{
	const char *meaning[128] = { NULL };
	int i, k, j, ok = 1;

	(void)state;
	for (i = 0; cli_commands[i] != NULL; i++) {
		const struct cmd_entry *c = cli_commands[i];

		for (k = 0; c->opts != NULL && c->opts[k].name != NULL; k++) {
			int ch = (unsigned char)c->opts[k].short_name;

			if (ch == 0)
				continue;
			assert_true(ch < 128 && ch != 'h');
			for (j = 0; j < k; j++)
				if (c->opts[j].short_name == ch) {
					print_error("%s: -%c is both --%s and --%s\n",
					    c->name, ch, c->opts[j].name,
					    c->opts[k].name);
					ok = 0;
				}
			/* import's -n is --dry-run, as in make -n. */
			if (strcmp(c->name, "import") == 0)
				continue;
			if (meaning[ch] != NULL &&
			    strcmp(meaning[ch], c->opts[k].name) != 0) {
				print_error("%s: -%c is --%s, elsewhere --%s\n",
				    c->name, ch, c->opts[k].name, meaning[ch]);
				ok = 0;
			}
			meaning[ch] = c->opts[k].name;
		}
	}
	assert_true(ok);
	assert_string_equal(meaning['d'], "date");
	assert_string_equal(meaning['n'], "note");
	assert_string_equal(meaning['o'], "output");
	assert_string_equal(meaning['w'], "weeks");
}

/* A mistyped command gets the nearest one, and a far-off word none. */
static void
test_nearest_command(void **state)
{
	(void)state;
	assert_string_equal(cli_nearest_command("runs"), "run");
	assert_string_equal(cli_nearest_command("trend"), "trends");
	assert_string_equal(cli_nearest_command("exprot"), "export");
	assert_string_equal(cli_nearest_command("undoo"), "undo");
	assert_string_equal(cli_nearest_command("rdo"), "redo");
	assert_null(cli_nearest_command("swim"));
	assert_null(cli_nearest_command("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
}

/* Stored undo labels are shown in the user's units. */
static void
test_label_units(void **state)
{
	struct config cfg;
	char *s;

	(void)state;
	config_defaults(&cfg);
	s = cli_label_units(&cfg, "add run 10.00 km on 2026-11-25");
	assert_string_equal(s, "add run 10.00 km on 2026-11-25");
	free(s);
	cfg.dist_unit = UNIT_MI;
	cfg.vol_unit = UNIT_FLOZ;
	s = cli_label_units(&cfg, "add run 10.00 km on 2026-11-25");
	assert_string_equal(s, "add run 6.21 mi on 2026-11-25");
	free(s);
	s = cli_label_units(&cfg, "add drink of 500 ml on 2026-11-25");
	assert_string_equal(s, "add drink of 16.9 oz on 2026-11-25");
	free(s);
	/* Only a number and its unit: words and ids stay as they are. */
	s = cli_label_units(&cfg, "import 3 km.csv: kmh ml x1 km");
	assert_string_equal(s, "import 3 km.csv: kmh ml x1 km");
	free(s);
	s = cli_label_units(&cfg, "edit 5 km, \033[2J");
	assert_string_equal(s, "edit 3.11 mi, ?[2J");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_usage_matches_table),
		cmocka_unit_test(test_manual_matches_table),
		cmocka_unit_test(test_drift_is_caught),
		cmocka_unit_test(test_output_is_sanitised),
		cmocka_unit_test(test_warnings_printed),
		cmocka_unit_test(test_short_options_agree),
		cmocka_unit_test(test_nearest_command),
		cmocka_unit_test(test_label_units),
	};

	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
