/* units_parse_distance in both units: never crashes; a result is >= 0. */
#include "fuzz.h"
#include "units.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), out[32];
	int64_t m;

	if (units_parse_distance(s, UNIT_KM, &m) == 0) {
		FUZZ_CHECK(m >= 0);
		units_format_distance(m, UNIT_KM, out);
		units_format_distance(m, UNIT_MI, out);
	}
	if (units_parse_distance(s, UNIT_MI, &m) == 0)
		FUZZ_CHECK(m >= 0);
	free(s);
	return 0;
}
