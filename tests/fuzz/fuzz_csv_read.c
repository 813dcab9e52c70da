/*
 * csv_read over arbitrary bytes: never crashes, leaks or hangs; every
 * record it hands over stays within the documented bounds and its fields
 * are NUL-terminated strings of the promised length.
 */
#include "fuzz.h"
#include "csv.h"

static int
on_record(const struct csv_record *rec, void *arg)
{
	size_t i, total = 0;
	long *last = arg;

	FUZZ_CHECK(rec->n <= CSV_FIELDS_MAX);
	FUZZ_CHECK(rec->line >= 1 && rec->line >= *last);
	*last = rec->line;
	for (i = 0; i < rec->n; i++) {
		size_t n = strlen(rec->field[i]);
		FUZZ_CHECK(n <= CSV_FIELD_MAX);
		total += n;
	}
	FUZZ_CHECK(total <= CSV_RECORD_MAX);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fmemopen((void *)data, size, "r");
	long last = 0;

	if (size == 0 || f == NULL) {
		if (f)
			fclose(f);
		return 0;
	}
	csv_read(f, on_record, &last);
	fclose(f);
	return 0;
}
