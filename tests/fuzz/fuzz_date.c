/*
 * date_parse: never crashes; a day it accepts lies in 1900-2099 and prints
 * back as a string that reads as the same day. Also entry_ref_parse, the
 * other parser of a short typed token.
 */
#include "fuzz.h"
#include "date.h"
#include "store.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), out[11];
	enum entry_kind k;
	int64_t id;
	int day, again;

	if (date_parse(s, &day) == 0) {
		FUZZ_CHECK(day >= DATE_MIN && day <= DATE_MAX);
		date_format(day, out);
		FUZZ_CHECK(date_parse(out, &again) == 0 && again == day);
		FUZZ_CHECK(date_weekday(day) >= 0 && date_weekday(day) <= 6);
	}
	if (entry_ref_parse(s, &k, &id) == 0)
		FUZZ_CHECK(id > 0 && (int)k >= 0 && k < ENTRY_KIND_COUNT);
	free(s);
	return 0;
}
