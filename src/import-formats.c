/*
 * import-formats: the table of every format runlog imports. A new reader
 * is one more row (and its enum csv_format value); nothing else in the
 * import names a format.
 *
 * The table is in two parts, by the process that reads the format:
 *   - import_formats[] below: the CSV formats, read inside runlog itself
 *     (they need no library beyond libcsv);
 *   - import_read_formats[] (import-formats-read.c): every format, as the
 *     reader program runlog-read holds them, with the device files, the
 *     XML and JSON readers and archives. Their libraries are linked into
 *     that program only, so that other commands never load them and a
 *     crash in a parser of an untrusted file stays in its own process.
 * A format read by runlog-read only also has a name row here (no sniff,
 * no read), so that --format, the report and the messages know it.
 */
#include <stddef.h>
#include <string.h>

#include "import.h"

extern const struct import_format import_runlog, import_strava,
    import_garmin, import_intervals, import_garmin_sleep;

const struct import_format *const import_formats[] = {
	&import_runlog,
	&import_strava,
	&import_garmin,
	&import_intervals,
	&import_garmin_sleep,
	NULL,
};

/* Read by runlog-read: name rows only. */
static const struct import_format name_gpx = {
	.id = CSV_FMT_GPX, .name = "gpx", .title = "a GPX track", .file = "GPX",
};
static const struct import_format name_tcx = {
	.id = CSV_FMT_TCX, .name = "tcx", .title = "a TCX activity file", .file = "TCX",
};
static const struct import_format name_fit = {
	.id = CSV_FMT_FIT, .name = "fit", .title = "a FIT file", .file = "FIT",
};
/* The kinds of file of Garmin's export, as the report names them, in the
 * order of the reader's kinds (import-garmin-json.c). */
const char *const import_garmin_json_titles[] = {
	"Garmin's activity summaries", "Garmin's sleep data",
	"Garmin's daily summaries (resting heart rate)",
	"Garmin's health status (HRV)", "Garmin's body measurements (weight)",
	"Garmin's hydration log", NULL,
};
static const struct import_format name_garmin_json = {
	.id = CSV_FMT_GARMIN_JSON, .name = "garmin-json",
	.title = "a file of Garmin's export", .file = "Garmin export JSON",
	.titles = import_garmin_json_titles,
};
static const struct import_format *const import_names[] = {
	&name_gpx, &name_tcx, &name_fit, &name_garmin_json, NULL,
};

const struct import_format *const *import_table = import_formats;

const struct import_format *
import_format_at(size_t i)
{
	size_t n, k;

	for (n = 0; import_table[n] != NULL; n++)
		if (n == i)
			return import_table[n];
	for (k = 0; import_names[k] != NULL; k++) {
		if (import_format_in_table(import_names[k]->id))
			continue;
		if (n++ == i)
			return import_names[k];
	}
	return NULL;
}

int
import_format_in_table(enum csv_format id)
{
	size_t i;

	for (i = 0; import_table[i] != NULL; i++)
		if (import_table[i]->id == id)
			return 1;
	return 0;
}

const struct import_format *
import_format_get(enum csv_format id)
{
	const struct import_format *f;
	size_t i;

	for (i = 0; (f = import_format_at(i)) != NULL; i++)
		if (f->id == id)
			return f;
	return NULL;
}

const char *
import_title_known(const char *s)
{
	const struct import_format *f;
	size_t i, k;

	for (i = 0; (f = import_format_at(i)) != NULL; i++) {
		if (f->title != NULL && strcmp(f->title, s) == 0)
			return f->title;
		for (k = 0; f->titles != NULL && f->titles[k] != NULL; k++)
			if (strcmp(f->titles[k], s) == 0)
				return f->titles[k];
	}
	return NULL;
}
