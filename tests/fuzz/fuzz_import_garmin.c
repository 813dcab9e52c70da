/* csv_import of files read as garmin's format, strict and with --skip-bad. */
#include "import.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(data, size, CSV_FMT_GARMIN, 0);
	fuzz_import(data, size, CSV_FMT_GARMIN, 1);
	return 0;
}
