/* units_parse_hours: never crashes; a result is >= 0. */
#include "fuzz.h"
#include "units.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), out[32];
	int64_t min;

	if (units_parse_hours(s, &min) == 0) {
		FUZZ_CHECK(min >= 0);
		units_format_hours(min, out);
	}
	free(s);
	return 0;
}
