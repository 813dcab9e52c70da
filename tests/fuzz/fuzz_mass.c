/* units_parse_mass, units_parse_int and units_parse_decimal. */
#include "fuzz.h"
#include "units.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), out[32];
	int64_t v;

	if (units_parse_mass(s, &v) == 0) {
		FUZZ_CHECK(v >= 0);
		units_format_mass(v, out);
	}
	units_parse_int(s, &v);
	if (units_parse_decimal(s, 2, &v) == 0)
		FUZZ_CHECK(v >= 0);
	free(s);
	return 0;
}
