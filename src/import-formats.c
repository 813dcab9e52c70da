/*
 * import-formats: the table of every format runlog imports. A new reader
 * is one more row here (and its enum csv_format value); nothing else in
 * the import names a format.
 */
#include <stddef.h>

#include "import.h"

extern const struct import_format import_runlog, import_strava,
    import_garmin, import_gpx, import_tcx, import_fit, import_garmin_json,
    import_intervals, import_garmin_sleep;

const struct import_format *const import_formats[] = {
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

const struct import_format *
import_format_get(enum csv_format id)
{
	size_t i;

	for (i = 0; import_formats[i] != NULL; i++)
		if (import_formats[i]->id == id)
			return import_formats[i];
	return NULL;
}
