/* csv_import of the wellness CSVs (intervals.icu, Garmin's sleep report),
 * each forced and chosen by the sniffs, strict and with --skip-bad. */
#include "import.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(data, size, CSV_FMT_INTERVALS, 0);
	fuzz_import(data, size, CSV_FMT_GARMIN_SLEEP, 1);
	fuzz_import(data, size, CSV_FMT_AUTO, 1);
	return 0;
}
