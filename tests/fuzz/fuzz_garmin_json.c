/* csv_import of Garmin's export JSON files (the yajl reader), forced and
 * chosen by the sniffs, strict and with --skip-bad. */
#include "import.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(data, size, CSV_FMT_GARMIN_JSON, 0);
	fuzz_import(data, size, CSV_FMT_GARMIN_JSON, 1);
	fuzz_import(data, size, CSV_FMT_AUTO, 0);
	return 0;
}
