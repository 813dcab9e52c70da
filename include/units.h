/*
 * units: parsing and formatting of distances, durations, volumes, masses
 * and paces. Everything is stored as integers in SI units (metres, seconds,
 * millilitres, grams) and converted for display in the user's units.
 */
#ifndef RUNLOG_UNITS_H
#define RUNLOG_UNITS_H

#include <stdint.h>

enum dist_unit { UNIT_KM, UNIT_MI };
enum vol_unit  { UNIT_L, UNIT_FLOZ };

#define METRES_PER_MILE 1609.344
#define ML_PER_FLOZ     29.5735295625   /* US fluid ounce */

/* All return 0 on success, -1 with err_set() naming the problem. */
/*
 * "10", "10km", "10k", "6.2mi", "800m"; a bare number is in unit. A
 * capital "M" (metres or miles?) is refused.
 */
int units_parse_distance(const char *s, enum dist_unit unit, int64_t *metres);
/* "52:30", "1:02:03", "45m", "90s", "1h05m", "1h", "3600" (seconds). */
int units_parse_duration(const char *s, int64_t *seconds);
/*
 * "500ml", "1.5l", "16oz"; a bare number is in unit, whatever its size
 * ("0.5" is half a litre, "500" is refused in litres: over 20 l).
 */
int units_parse_volume(const char *s, enum vol_unit unit, int64_t *ml);
/* "70", "70.4", "70.4kg": kilograms to grams. */
int units_parse_mass(const char *s, int64_t *grams);
/* "7.5", "7h30m", "7:30": hours to minutes. */
int units_parse_hours(const char *s, int64_t *minutes);
/* A plain integer; -1 on anything else (sign, junk, overflow). */
int units_parse_int(const char *s, int64_t *v);
/* A decimal with at most 'decimals' places, scaled by 10^decimals. */
int units_parse_decimal(const char *s, int decimals, int64_t *scaled);

/* "10.00 km", "6.21 mi": out at least 32 bytes. */
char *units_format_distance(int64_t metres, enum dist_unit unit, char *out);
/* The number alone, "10.00". */
char *units_format_distance_num(int64_t metres, enum dist_unit unit, char *out);
const char *units_distance_name(enum dist_unit unit);
/* "52:30" or "1:02:03". */
char *units_format_duration(int64_t seconds, char *out);
/* "5:15 /km"; "-" when distance is 0. */
char *units_format_pace(int64_t metres, int64_t seconds, enum dist_unit unit,
    char *out);
/* "1.50 l", "50.7 oz". */
char *units_format_volume(int64_t ml, enum vol_unit unit, char *out);
/*
 * text with each "<number> km" and "<number> ml" in it rewritten in du and
 * vu ("add run 10.00 km" -> "add run 6.21 mi"), for texts stored in km and
 * ml such as the labels of undo. Allocated; not made printable.
 */
char *units_in_text(const char *text, enum dist_unit du, enum vol_unit vu);
/* "7h30" */
char *units_format_hours(int64_t minutes, char *out);
/* "70.4" */
char *units_format_mass(int64_t grams, char *out);

#endif
