/*
 * config_load on arbitrary file contents: never crashes or leaks, and a
 * file it accepts leaves every setting within its allowed values. The
 * input goes to one scratch file in $TMPDIR, rewritten for each run.
 */
#include <unistd.h>

#include "fuzz.h"
#include "config.h"

static char path[256];

static void
remove_scratch(void)
{
	unlink(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg;
	FILE *f;

	if (path[0] == '\0') {
		const char *tmp = getenv("TMPDIR");
		int fd;
		snprintf(path, sizeof path, "%s/runlog-fuzz-config.XXXXXX",
		    tmp && *tmp ? tmp : "/tmp");
		if ((fd = mkstemp(path)) < 0)
			abort();
		close(fd);
		atexit(remove_scratch);
	}
	if ((f = fopen(path, "w")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	config_defaults(&cfg);
	if (config_load(path, 1, &cfg) == 0) {
		FUZZ_CHECK(cfg.dist_unit == UNIT_KM || cfg.dist_unit == UNIT_MI);
		FUZZ_CHECK(cfg.vol_unit == UNIT_L || cfg.vol_unit == UNIT_FLOZ);
		FUZZ_CHECK(cfg.week_start >= 0 && cfg.week_start <= 6);
		FUZZ_CHECK(cfg.fluid_target_ml >= 250 &&
		    cfg.fluid_target_ml <= 10000);
	}
	return 0;
}
