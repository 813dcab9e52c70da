/* csv_import of GPX and TCX files (the expat readers), each format forced
 * and chosen by the sniffs, strict and with --skip-bad. */
#include "import.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(data, size, CSV_FMT_GPX, 0);
	fuzz_import(data, size, CSV_FMT_TCX, 1);
	fuzz_import(data, size, CSV_FMT_AUTO, 0);
	return 0;
}
