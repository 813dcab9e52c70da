/*
 * The [flags] section of the config file: every analysis threshold can be
 * set, and an unknown key or a bad value is an error naming the line.
 */
#include "testutil.h"

#include "config.h"
#include "util.h"

static char *dir;

static int
setup(void **state)
{
	(void)state;
	dir = test_tmpdir();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	test_rmdir(dir);
	free(dir);
	return 0;
}

/* Writes text to a config file and loads it over the defaults. */
static int
load(const char *text, struct config *cfg)
{
	char path[600];
	FILE *f;

	snprintf(path, sizeof path, "%s/config", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	config_defaults(cfg);
	return config_load(path, 1, cfg);
}

static void
test_defaults_match_analysis(void **state)
{
	struct config cfg;
	struct an_params p;

	(void)state;
	config_defaults(&cfg);
	an_params_defaults(&p);
	assert_memory_equal(&cfg.an, &p, sizeof p);
}

static void
test_every_key(void **state)
{
	struct config cfg;
	struct buf b;
	size_t i;

	(void)state;
	/* Each key set to its maximum, one per line. */
	buf_init(&b);
	buf_adds(&b, "units = km\n\n[flags]\n");
	for (i = 0; i < an_param_count; i++)
		buf_printf(&b, "%s = %g\n", an_param_table[i].key,
		    an_param_table[i].max);
	assert_int_equal(load(b.data, &cfg), 0);
	for (i = 0; i < an_param_count; i++) {
		const struct an_param_info *pi = &an_param_table[i];
		const char *at = (const char *)&cfg.an + pi->offset;
		double v = pi->is_int ? *(const int *)(const void *)at :
		    *(const double *)(const void *)at;
		assert_true(v == pi->max);
	}
	buf_free(&b);
}

static void
test_values(void **state)
{
	struct config cfg;

	(void)state;
	assert_int_equal(load("fluid_target = 2.5l\n[flags]\n"
	    "jump_warn_pct = 15\njump_alert_pct = 40\n"
	    "fatigue_level = 8\nacwr_warn = 1.25\n", &cfg), 0);
	assert_true(cfg.an.jump_warn_pct == 15);
	assert_true(cfg.an.jump_alert_pct == 40);
	assert_int_equal(cfg.an.fatigue_level, 8);
	assert_true(cfg.an.acwr_warn == 1.25);
	assert_true(cfg.an.acwr_alert == 1.5);
	/* the low-fluid target is the one fluid target */
	assert_int_equal(cfg.fluid_target_ml, 2500);
	assert_int_equal(cfg.an.fluid_target_ml, 2500);
}

static void
test_errors_name_the_line(void **state)
{
	struct config cfg;

	(void)state;
	assert_int_equal(load("[flags]\njump_warn_pct = 15\n"
	    "jump_warning = 20\n", &cfg), -1);
	assert_non_null(strstr(err_get(), "config:3: "));
	assert_non_null(strstr(err_get(), "unknown key \"jump_warning\""));

	assert_int_equal(load("# thresholds\n[flags]\nfatigue_level = 7.5\n",
	    &cfg), -1);
	assert_non_null(strstr(err_get(), "config:3: "));
	assert_non_null(strstr(err_get(), "whole number from 1 to 10"));

	assert_int_equal(load("[flags]\n\nacwr_warn = high\n", &cfg), -1);
	assert_non_null(strstr(err_get(), "config:3: "));
	assert_non_null(strstr(err_get(), "bad value \"high\" for acwr_warn"));

	assert_int_equal(load("[flags]\nsleep_mean_h = -1\n", &cfg), -1);
	assert_non_null(strstr(err_get(), "config:2: "));

	assert_int_equal(load("[flags]\nmonotony_max = 2,5\n", &cfg), -1);
	assert_non_null(strstr(err_get(), "config:2: "));

	/* values that contradict each other */
	assert_int_equal(load("[flags]\nacwr_warn = 1.6\n", &cfg), -1);
	assert_non_null(strstr(err_get(), "acwr_alert (1.5) is below "
	    "acwr_warn (1.6)"));
}

/* Each [flags] key belongs to a rule, and each rule's keys are real keys. */
static void
test_rule_keys(void **state)
{
	size_t i, k;
	int r;

	(void)state;
	for (i = 0; i < an_param_count; i++) {
		int owners = 0;

		for (r = 0; r < AN_FLAG_COUNT; r++)
			for (k = 0; an_rules[r].keys[k] != NULL; k++)
				if (strcmp(an_rules[r].keys[k],
				    an_param_table[i].key) == 0)
					owners++;
		if (owners == 0)
			fail_msg("key %s belongs to no rule", an_param_table[i].key);
	}
	for (r = 0; r < AN_FLAG_COUNT; r++) {
		for (k = 0; an_rules[r].keys[k] != NULL; k++) {
			const char *key = an_rules[r].keys[k];
			int found = 0;

			for (i = 0; i < an_param_count; i++)
				found += strcmp(an_param_table[i].key, key) == 0;
			if (found != 1)
				fail_msg("%s names unknown key %s", an_rules[r].name,
				    key);
			/* the rule's own help names it */
			for (i = 0; i < an_param_count; i++)
				if (strcmp(an_param_table[i].key, key) == 0 &&
				    strcmp(key, "load_per_km") != 0)
					assert_non_null(strstr(
					    an_param_table[i].help,
					    an_rules[r].name));
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_match_analysis),
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_errors_name_the_line),
		cmocka_unit_test(test_rule_keys),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
