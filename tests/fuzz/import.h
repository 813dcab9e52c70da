/*
 * The import fuzz targets (a format forced, or chosen by the format table's
 * sniffs with CSV_FMT_AUTO): one journal in memory, opened once; each input
 * is imported as a dry run (rolled back), so every input starts from the
 * same empty journal. An import must never crash, leak or hang, and when
 * it fails nothing of it may stay behind.
 */
#include "fuzz.h"
#include "csv.h"

static struct store *fuzz_st;

static int
fuzz_import(const uint8_t *data, size_t size, enum csv_format fmt, int skip)
{
	struct csv_import_opts o;
	struct csv_import_report r;
	FILE *f;

	if (fuzz_st == NULL) {
		setenv("RUNLOG_TODAY", "2026-06-15", 1);
		if (store_open_memory(&fuzz_st) != 0)
			abort();
	}
	if (size == 0 || (f = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	memset(&o, 0, sizeof o);
	memset(&r, 0, sizeof r);
	o.format = fmt;
	o.default_units = UNIT_KM;
	o.skip_bad = skip;
	o.label = "fuzz";
	csv_import(fuzz_st, f, &o, 1, &r);
	csv_import_report_free(&r);
	fclose(f);
	FUZZ_CHECK(store_count(fuzz_st, ENTRY_KIND_COUNT) == 0);
	return 0;
}
