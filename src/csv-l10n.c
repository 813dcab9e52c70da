/*
 * csv-l10n: Strava and Garmin Connect exports from accounts in another
 * language than English.
 *
 * Such files translate the header, the activity types and the way numbers
 * and dates are written, nothing else. One table maps the localised names
 * of the columns the importers read to their English names; a header whose
 * English names make a Strava or Garmin header is read as that language,
 * with csv_header_find() looking columns up by the English name and error
 * messages still naming the file's own column. Columns the importers do
 * not read need no translation. The import tries each language with the
 * sniff of the format it translates (import.h), so this table knows no
 * reader. The languages and names are listed in runlog(1), CSV; keep the
 * two in step.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"

static const char *const strava_de_runs[] = {
	"Lauf", "Trailrun", "Traillauf", "Virtueller Lauf", NULL,
};
static const char *const strava_fr_runs[] = {
	"Course à pied", "Trail", "Course virtuelle", NULL,
};
static const char *const garmin_da_runs[] = {
	"Løb", "Løbebånd", "Trail-løb", "Trailløb", "Baneløb", "Virtuelt løb",
	NULL,
};
static const char *const garmin_de_runs[] = {
	"Laufen", "Laufband", "Trailrun", "Traillauf", "Bahnlauf",
	"Virtuelles Laufen", NULL,
};

static const struct csv_locale locales[] = {
	{ CSV_FMT_STRAVA, "de", "German", ',', strava_de_runs },
	{ CSV_FMT_STRAVA, "fr", "French", ',', strava_fr_runs },
	{ CSV_FMT_GARMIN, "da", "Danish", ',', garmin_da_runs },
	{ CSV_FMT_GARMIN, "de", "German", ',', garmin_de_runs },
};

#define S CSV_FMT_STRAVA
#define G CSV_FMT_GARMIN

/* Localised column name -> the English name the importer looks up. */
static const struct {
	enum csv_format format;
	const char *lang, *local, *english;
} names[] = {
	{ S, "de", "Aktivitäts-ID",                  "Activity ID" },
	{ S, "de", "Aktivitätsdatum",                "Activity Date" },
	{ S, "de", "Aktivitätsname",                 "Activity Name" },
	{ S, "de", "Aktivitätsart",                  "Activity Type" },
	{ S, "de", "Aktivitätsbeschreibung",         "Activity Description" },
	{ S, "de", "Verstrichene Zeit",              "Elapsed Time" },
	{ S, "de", "Bewegungszeit",                  "Moving Time" },
	{ S, "de", "Distanz",                        "Distance" },
	{ S, "de", "Durchschnittliche Herzfrequenz", "Average Heart Rate" },
	{ S, "de", "Höhenzunahme",                   "Elevation Gain" },
	{ S, "de", "Empfundene Anstrengung",         "Perceived Exertion" },
	{ S, "de", "Wettkampf",                      "Competition" },
	{ S, "de", "Langer Lauf",                    "Long Run" },

	{ S, "fr", "ID de l'activité",               "Activity ID" },
	{ S, "fr", "Date de l'activité",             "Activity Date" },
	{ S, "fr", "Nom de l'activité",              "Activity Name" },
	{ S, "fr", "Type d'activité",                "Activity Type" },
	{ S, "fr", "Description de l'activité",      "Activity Description" },
	{ S, "fr", "Temps écoulé",                   "Elapsed Time" },
	{ S, "fr", "Temps de déplacement",           "Moving Time" },
	{ S, "fr", "Distance",                       "Distance" },
	{ S, "fr", "Fréquence cardiaque moyenne",    "Average Heart Rate" },
	{ S, "fr", "Dénivelé positif",               "Elevation Gain" },
	{ S, "fr", "Effort perçu",                   "Perceived Exertion" },
	{ S, "fr", "Compétition",                    "Competition" },
	{ S, "fr", "Sortie longue",                  "Long Run" },

	{ G, "da", "Aktivitetstype",                 "Activity Type" },
	{ G, "da", "Dato",                           "Date" },
	{ G, "da", "Titel",                          "Title" },
	{ G, "da", "Distance",                       "Distance" },
	{ G, "da", "Tid",                            "Time" },
	{ G, "da", "Bevægelsestid",                  "Moving Time" },
	{ G, "da", "Forløbet tid",                   "Elapsed Time" },
	{ G, "da", "Gns. puls",                      "Avg HR" },
	{ G, "da", "Samlet stigning",                "Total Ascent" },
	{ G, "da", "Gns. tempo",                     "Avg Pace" },
	{ G, "da", "Gns. skridtlængde",              "Avg Stride Length" },

	{ G, "de", "Aktivitätstyp",                  "Activity Type" },
	{ G, "de", "Datum",                          "Date" },
	{ G, "de", "Titel",                          "Title" },
	{ G, "de", "Distanz",                        "Distance" },
	{ G, "de", "Zeit",                           "Time" },
	{ G, "de", "Zeit in Bewegung",               "Moving Time" },
	{ G, "de", "Verstrichene Zeit",              "Elapsed Time" },
	{ G, "de", "Ø Herzfrequenz",                 "Avg HR" },
	{ G, "de", "Anstieg gesamt",                 "Total Ascent" },
	{ G, "de", "Ø Pace",                         "Avg Pace" },
	{ G, "de", "Ø Schrittlänge",                 "Avg Stride Length" },
};

#undef S
#undef G

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* The English name of a localised column; a name not in the table is kept,
 * since exports leave some columns untranslated (2020-21 files mark them
 * "translation_missing" and give the English name). */
static const char *
english(const struct csv_locale *l, const char *local)
{
	size_t i;

	for (i = 0; i < NELEM(names); i++)
		if (names[i].format == l->format &&
		    strcmp(names[i].lang, l->lang) == 0 &&
		    strcasecmp(names[i].local, local) == 0)
			return names[i].english;
	return local;
}

const struct csv_locale *
csv_l10n_at(size_t i)
{
	return i < NELEM(locales) ? &locales[i] : NULL;
}

void
csv_l10n_apply(const struct csv_locale *l, struct csv_header *h)
{
	size_t j;

	free(h->key);
	h->key = NULL;
	if (l == NULL || h->n == 0)
		return;
	h->key = xcalloc(h->n, sizeof *h->key);
	for (j = 0; j < h->n; j++)
		h->key[j] = english(l, h->name[j]);
}

int
csv_l10n_is_run(const struct csv_locale *l, const char *type)
{
	size_t i;

	if (l == NULL)
		return 0;
	for (i = 0; l->runs[i] != NULL; i++)
		if (strcasecmp(l->runs[i], type) == 0)
			return 1;
	return 0;
}

const char *
csv_l10n_languages(void)
{
	return "Strava exports in English, German or French and Garmin Connect "
	    "exports in English, Danish or German";
}
