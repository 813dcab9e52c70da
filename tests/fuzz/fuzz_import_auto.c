/* csv_import of files whose format the table's sniffs choose, strict and
 * with --skip-bad: the path every import without --format takes. */
#include "import.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(data, size, CSV_FMT_AUTO, 0);
	fuzz_import(data, size, CSV_FMT_AUTO, 1);
	return 0;
}
