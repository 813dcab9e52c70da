/*
 * The foreign-value parsers of the importers: numbers with thousands
 * separators or a decimal comma, Strava dates (day first too), Garmin
 * durations, missing-value markers, the formula prefix, HTML stripping and
 * text cleaning.
 */
#include "fuzz.h"
#include "csv.h"
#include "date.h"
#include "entry.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	int64_t v;
	int day, k;

	for (k = 0; k <= 3; k++) {
		csv_parse_number(s, k, &v);
		if (csv_parse_number_dec(s, k, ',', &v) == 0)
			FUZZ_CHECK(v >= 0);
	}
	if (csv_strava_day(s, &day) == 0)
		FUZZ_CHECK(day >= DATE_MIN - 1 && day <= DATE_MAX + 1);
	if (csv_strava_day_dmy(s, 1, &day) == 0)
		FUZZ_CHECK(day >= DATE_MIN - 1 && day <= DATE_MAX + 1);
	if (csv_garmin_duration(s, &v) == 0)
		FUZZ_CHECK(v >= 0);
	csv_is_missing(s);
	csv_text_needs_prefix(s);
	{
		char *t = xstrdup(s);
		csv_text_restore(t);
		csv_strip_html(t);
		free(t);
		t = xstrdup(s);
		csv_clean_text(t, 1, NOTE_MAX);
		FUZZ_CHECK(strlen(t) <= NOTE_MAX);
		free(t);
		t = xstrdup(s);
		csv_clean_text(t, 0, 40);
		FUZZ_CHECK(strlen(t) <= 40);
		free(t);
	}
	free(s);
	return 0;
}
