/* units_parse_volume in litres and fluid ounces: never crashes; >= 0. */
#include "fuzz.h"
#include "units.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), out[32];
	int64_t ml;

	if (units_parse_volume(s, UNIT_L, &ml) == 0) {
		FUZZ_CHECK(ml >= 0);
		units_format_volume(ml, UNIT_L, out);
		units_format_volume(ml, UNIT_FLOZ, out);
	}
	if (units_parse_volume(s, UNIT_FLOZ, &ml) == 0)
		FUZZ_CHECK(ml >= 0);
	free(s);
	return 0;
}
