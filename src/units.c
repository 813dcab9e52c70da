/*
 * units: exact parsing of the values a runner types. Numbers are read as
 * decimal digits into scaled integers (never through a double), so that
 * "10.001km" is 10001 metres and survives every round trip.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "units.h"
#include "util.h"

#define INT_DIGITS_MAX 9
#define FRAC_DIGITS_MAX 6

/*
 * Reads an unsigned decimal at *sp: value = *num / 10^*scale. Advances *sp.
 * -1 when there is no digit, or too many. With comma, a decimal comma
 * ("10,5") is read as a point, except before exactly three digits: "1,500"
 * may mean a thousand and a half or one and a half, and is refused.
 */
static int
read_number(const char **sp, int64_t *num, int *scale, int comma)
{
	const char *s = *sp;
	int64_t v = 0;
	int idig = 0, fdig = 0;

	while (isdigit((unsigned char)*s)) {
		if (++idig > INT_DIGITS_MAX)
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	if (comma && *s == ',' && idig > 0 && isdigit((unsigned char)s[1])) {
		size_t n = strspn(s + 1, "0123456789");
		if (n == 3)
			return -1;
		if (s[1 + n] != '.' && s[1 + n] != ',')
			s = s[1 + n] == '\0' || !isdigit((unsigned char)s[1 + n]) ?
			    s : s;
	}
	if ((*s == '.' || (comma && *s == ',' && idig > 0)) &&
	    isdigit((unsigned char)s[1])) {
		s++;
		while (isdigit((unsigned char)*s)) {
			if (++fdig > FRAC_DIGITS_MAX)
				return -1;
			v = v * 10 + (*s++ - '0');
		}
	} else if (*s == '.' && idig > 0) {
		s++; /* "10." */
	}
	if (idig + fdig == 0)
		return -1;
	*num = v;
	*scale = fdig;
	*sp = s;
	return 0;
}

/* 1 when s holds "1,500": a comma between a digit and exactly three. */
static int
ambiguous_comma(const char *s)
{
	const char *c;

	for (c = strchr(s, ','); c != NULL; c = strchr(c + 1, ','))
		if (c > s && isdigit((unsigned char)c[-1]) &&
		    strspn(c + 1, "0123456789") == 3)
			return 1;
	return 0;
}

/* The message for a typed number that could not be read. */
static void
typed_error(const char *what, const char *s, const char *expected)
{
	if (ambiguous_comma(s))
		err_set("%s '%.40s': a comma before three digits could be a "
		    "decimal comma or a thousands separator; write it without "
		    "(1500) or with a point (1.5)", what, s);
	else
		err_set("%s '%.40s': %s", what, s, expected);
}

static int
read_decimal(const char **sp, int64_t *num, int *scale)
{
	return read_number(sp, num, scale, 0);
}

/* A number as a person types it: "10.5" or "10,5". */
static int
read_typed(const char **sp, int64_t *num, int *scale)
{
	return read_number(sp, num, scale, 1);
}

static int64_t
pow10i(int n)
{
	int64_t p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

/* num / 10^scale * mul / div, rounded half away from zero. */
static int64_t
scale_round(int64_t num, int scale, int64_t mul, int64_t div)
{
	__int128 n = (__int128)num * mul;
	__int128 d = (__int128)pow10i(scale) * div;

	return (int64_t)((n + d / 2) / d);
}

static const char *
skip_space(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

int
units_parse_int(const char *s, int64_t *v)
{
	int64_t n = 0;
	int neg = 0, digits = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	while (isdigit((unsigned char)*s)) {
		if (++digits > 15)
			return -1;
		n = n * 10 + (*s++ - '0');
	}
	if (digits == 0 || *s != '\0')
		return -1;
	*v = neg ? -n : n;
	return 0;
}

int
units_parse_decimal(const char *s, int decimals, int64_t *scaled)
{
	int64_t num;
	int scale;
	const char *p = s;

	if (read_decimal(&p, &num, &scale) != 0 || *p != '\0' || scale > decimals)
		return -1;
	*scaled = num * pow10i(decimals - scale);
	return 0;
}

int
units_parse_distance(const char *s, enum dist_unit unit, int64_t *metres)
{
	const char *p = s;
	int64_t num;
	int scale;

	if (read_typed(&p, &num, &scale) != 0)
		goto bad;
	p = skip_space(p);
	if (strcmp(p, "M") == 0) {
		/* a capital M is metres to some and miles to others */
		err_set("distance '%.40s': M could mean metres or miles; write "
		    "m for metres or mi for miles (accepted units: km, k, mi, "
		    "m)", s);
		return -1;
	}
	if (*p == '\0')
		p = unit == UNIT_MI ? "mi" : "km";
	if (strcasecmp(p, "km") == 0 || strcasecmp(p, "k") == 0)
		*metres = scale_round(num, scale, 1000, 1);
	else if (strcasecmp(p, "mi") == 0 || strcasecmp(p, "mile") == 0 ||
	    strcasecmp(p, "miles") == 0)
		*metres = scale_round(num, scale, 1609344, 1000);
	else if (strcasecmp(p, "m") == 0)
		*metres = scale_round(num, scale, 1, 1);
	else
		goto bad;
	return 0;
bad:
	typed_error("distance", s, "expected a number with km, k, mi or m "
	    "(10km, 6.2mi, 800m)");
	return -1;
}

/* "1:02:03", "52:30", "25.5" as the last part: seconds. */
static int
parse_clock(const char *s, int64_t *seconds)
{
	int64_t part[3];
	int n = 0, scale = 0, i;
	int64_t frac_num = 0;
	const char *p = s;

	for (;;) {
		if (n == 3)
			return -1;
		if (!isdigit((unsigned char)*p))
			return -1;
		if (read_decimal(&p, &frac_num, &scale) != 0)
			return -1;
		part[n++] = frac_num;
		if (*p == ':') {
			if (scale != 0)
				return -1; /* only the last part may have decimals */
			p++;
			continue;
		}
		if (*p != '\0')
			return -1;
		break;
	}
	if (n < 2)
		return -1;
	/* Every part after the first is below 60. */
	for (i = 1; i < n; i++) {
		int64_t whole = i == n - 1 ? part[i] / pow10i(scale) : part[i];
		if (whole >= 60)
			return -1;
	}
	{
		int64_t total = 0;
		for (i = 0; i < n - 1; i++)
			total = total * 60 + part[i];
		total *= 60;
		*seconds = total + scale_round(part[n - 1], scale, 1, 1);
	}
	return 0;
}

int
units_parse_duration(const char *s, int64_t *seconds)
{
	const char *p = s;
	int64_t total = 0, num;
	int scale, any = 0;
	char last = 0;

	if (strchr(s, ':') != NULL) {
		if (parse_clock(s, seconds) == 0)
			return 0;
		goto bad;
	}
	/* "1h05m", "45m", "90s", "1h", "1h5", "1.5h" */
	while (*p != '\0') {
		int64_t mul;

		if (read_decimal(&p, &num, &scale) != 0)
			goto bad;
		switch (*p) {
		case 'h': case 'H': mul = 3600; break;
		case 'm': case 'M': mul = 60; break;
		case 's': case 'S': mul = 1; break;
		case '\0':
			/* "1h05": a bare number after hours is minutes. */
			if (last != 'h')
				goto bad;
			mul = 60;
			p--;
			break;
		default:
			goto bad;
		}
		if ((last == 'h' && mul == 3600) || (last == 'm' && mul >= 60) ||
		    last == 's')
			goto bad;
		last = mul == 3600 ? 'h' : mul == 60 ? 'm' : 's';
		total += scale_round(num, scale, mul, 1);
		if (total > 100000000)
			goto bad;
		p++;
		any = 1;
	}
	if (!any)
		goto bad;
	*seconds = total;
	return 0;
bad:
	err_set("duration '%.40s': expected mm:ss, h:mm:ss or units such as "
	    "45m, 90s, 1h05m", s);
	return -1;
}

int
units_parse_volume(const char *s, enum vol_unit unit, int64_t *ml)
{
	const char *p = s;
	int64_t num;
	int scale;

	if (read_typed(&p, &num, &scale) != 0)
		goto bad;
	p = skip_space(p);
	if (*p == '\0') {
		/* a bare number is in the runner's unit, whatever its size */
		if (unit == UNIT_L && num > 20 * pow10i(scale)) {
			err_set("volume '%.40s': a bare number is in litres, and "
			    "a drink is at most 20 l; for millilitres write "
			    "%.40sml", s, s);
			return -1;
		}
		p = unit == UNIT_FLOZ ? "oz" : "l";
	}
	if (strcasecmp(p, "ml") == 0)
		*ml = scale_round(num, scale, 1, 1);
	else if (strcasecmp(p, "l") == 0)
		*ml = scale_round(num, scale, 1000, 1);
	else if (strcasecmp(p, "cl") == 0)
		*ml = scale_round(num, scale, 10, 1);
	else if (strcasecmp(p, "oz") == 0 || strcasecmp(p, "floz") == 0)
		*ml = scale_round(num, scale, 295735295625LL, 10000000000LL);
	else
		goto bad;
	return 0;
bad:
	typed_error("volume", s, "expected a number with ml, l or oz "
	    "(500ml, 1.5l, 16oz)");
	return -1;
}

int
units_parse_mass(const char *s, int64_t *grams)
{
	const char *p = s;
	int64_t num;
	int scale;

	if (read_typed(&p, &num, &scale) != 0)
		goto bad;
	p = skip_space(p);
	if (*p != '\0' && strcasecmp(p, "kg") != 0)
		goto bad;
	*grams = scale_round(num, scale, 1000, 1);
	return 0;
bad:
	typed_error("mass", s, "expected kilograms (70, 70.4, 70.4kg)");
	return -1;
}

int
units_parse_hours(const char *s, int64_t *minutes)
{
	const char *p = s;
	int64_t num, secs;
	int scale;

	if (strchr(s, ':') != NULL || strchr(s, 'h') != NULL ||
	    strchr(s, 'm') != NULL) {
		/* "7:30" is hours and minutes here, not minutes and seconds. */
		if (strchr(s, ':') != NULL) {
			char tmp[64];
			if (strlen(s) > 40)
				goto bad;
			snprintf(tmp, sizeof tmp, "%s:00", s);
			if (parse_clock(tmp, &secs) != 0)
				goto bad;
		} else if (units_parse_duration(s, &secs) != 0) {
			goto bad;
		}
		*minutes = (secs + 30) / 60;
		return 0;
	}
	if (read_typed(&p, &num, &scale) != 0 || *p != '\0')
		goto bad;
	*minutes = scale_round(num, scale, 60, 1);
	return 0;
bad:
	typed_error("hours", s, "expected hours (7.5, 7:30 or 7h30m)");
	return -1;
}

const char *
units_distance_name(enum dist_unit unit)
{
	return unit == UNIT_MI ? "mi" : "km";
}

char *
units_format_distance_num(int64_t metres, enum dist_unit unit, char *out)
{
	/* Hundredths of the unit, rounded. */
	int64_t h = unit == UNIT_MI ? (metres * 100000 + 804672) / 1609344
				    : (metres + 5) / 10;

	snprintf(out, 32, "%" PRId64 ".%02" PRId64, h / 100, h % 100);
	return out;
}

char *
units_format_distance(int64_t metres, enum dist_unit unit, char *out)
{
	size_t n;

	units_format_distance_num(metres, unit, out);
	n = strlen(out);
	snprintf(out + n, 32 - n, " %s", units_distance_name(unit));
	return out;
}

char *
units_format_duration(int64_t s, char *out)
{
	if (s >= 3600)
		snprintf(out, 32, "%" PRId64 ":%02" PRId64 ":%02" PRId64,
		    s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(out, 32, "%" PRId64 ":%02" PRId64, s / 60, s % 60);
	return out;
}

char *
units_format_pace(int64_t metres, int64_t seconds, enum dist_unit unit,
    char *out)
{
	int64_t per;

	if (metres <= 0) {
		snprintf(out, 32, "-");
		return out;
	}
	/* Seconds per unit, rounded. */
	if (unit == UNIT_MI)
		per = (seconds * 1609344 + metres * 500) / (metres * 1000);
	else
		per = (seconds * 1000 + metres / 2) / metres;
	snprintf(out, 32, "%" PRId64 ":%02" PRId64 " /%s", per / 60, per % 60,
	    units_distance_name(unit));
	return out;
}

char *
units_format_volume(int64_t ml, enum vol_unit unit, char *out)
{
	if (unit == UNIT_FLOZ) {
		/* In 128 bits: ml * 10^11 overflows 64 bits above 92 l,
		 * which a week's or a year's total reaches. */
		int64_t tenths = (int64_t)(((__int128)ml * 100000000000LL +
		    147867647812LL) / 295735295625LL);
		snprintf(out, 32, "%" PRId64 ".%" PRId64 " oz", tenths / 10,
		    tenths % 10);
	} else {
		int64_t cl = (ml + 5) / 10;
		snprintf(out, 32, "%" PRId64 ".%02" PRId64 " l", cl / 100, cl % 100);
	}
	return out;
}

char *
units_format_hours(int64_t minutes, char *out)
{
	snprintf(out, 32, "%" PRId64 "h%02" PRId64, minutes / 60, minutes % 60);
	return out;
}

char *
units_format_mass(int64_t grams, char *out)
{
	int64_t t = (grams + 50) / 100;

	snprintf(out, 32, "%" PRId64 ".%" PRId64, t / 10, t % 10);
	return out;
}

/* The number ending just before p (at most 20 bytes back), or NULL. */
static const char *
number_before(const char *start, const char *p)
{
	const char *q = p;

	while (q > start && p - q < 20 &&
	    (isdigit((unsigned char)q[-1]) || q[-1] == '.'))
		q--;
	if (q == p || (q > start && q[-1] != ' '))
		return NULL;
	return q;
}

char *
units_in_text(const char *text, enum dist_unit du, enum vol_unit vu)
{
	struct buf b;
	const char *p = text, *u, *num;

	buf_init(&b);
	buf_adds(&b, "");
	while ((u = strchr(p, ' ')) != NULL) {
		int km = strncmp(u, " km", 3) == 0, ml = strncmp(u, " ml", 3) == 0;
		char word[32], conv[32];
		int64_t v;

		if (!(km || ml) || (u[3] != '\0' && u[3] != ' ' && u[3] != ',') ||
		    (num = number_before(text, u)) == NULL || num < p ||
		    (km ? du != UNIT_MI : vu != UNIT_FLOZ)) {
			buf_add(&b, p, (size_t)(u + 1 - p));
			p = u + 1;
			continue;
		}
		snprintf(word, sizeof word, "%.*s%s", (int)(u - num), num,
		    km ? "km" : "ml");
		if (km ? units_parse_distance(word, UNIT_KM, &v) != 0 :
		    units_parse_volume(word, UNIT_L, &v) != 0) {
			buf_add(&b, p, (size_t)(u + 1 - p));
			p = u + 1;
			continue;
		}
		buf_add(&b, p, (size_t)(num - p));
		buf_adds(&b, km ? units_format_distance(v, du, conv) :
		    units_format_volume(v, vu, conv));
		p = u + 3;
	}
	buf_adds(&b, p);
	return b.data;
}
