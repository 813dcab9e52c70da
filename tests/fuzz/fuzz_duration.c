/*
 * units_parse_duration: never crashes; a result is >= 0, and a duration
 * printed as h:mm:ss reads back as the same number of seconds.
 */
#include "fuzz.h"
#include "units.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), out[32];
	int64_t secs, again;

	if (units_parse_duration(s, &secs) == 0) {
		FUZZ_CHECK(secs >= 0);
		if (secs > 0 && secs <= 172800) {
			units_format_duration(secs, out);
			FUZZ_CHECK(units_parse_duration(out, &again) == 0);
			FUZZ_CHECK(again == secs);
		}
	}
	free(s);
	return 0;
}
