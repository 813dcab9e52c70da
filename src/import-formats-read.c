/*
 * import-formats-read: every format, as the reader program runlog-read
 * reads them (see import-formats.c for the split). Linked into
 * runlog-read and the tests, never into runlog: when it is linked, the
 * table of the process is this one.
 */
#include <stddef.h>

#include "import.h"

extern const struct import_format import_runlog, import_strava,
    import_garmin, import_gpx, import_tcx, import_fit, import_garmin_json,
    import_intervals, import_garmin_sleep;

const struct import_format *const import_read_formats[] = {
	&import_runlog,
	&import_strava,
	&import_garmin,
	&import_gpx,
	&import_tcx,
	&import_fit,
	&import_garmin_json,
	&import_intervals,
	&import_garmin_sleep,
	NULL,
};

__attribute__((constructor)) static void
use_read_formats(void)
{
	import_table = import_read_formats;
}
