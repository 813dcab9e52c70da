/* csv_import of files read as strava's format, strict and with --skip-bad. */
#include "import.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(data, size, CSV_FMT_STRAVA, 0);
	fuzz_import(data, size, CSV_FMT_STRAVA, 1);
	return 0;
}
