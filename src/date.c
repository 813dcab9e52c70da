/*
 * date: days since 1970-01-01 in the proleptic Gregorian calendar, using
 * the civil-from-days algorithm (era of 400 years), so no time zone and no
 * mktime() is involved once a day is known.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "util.h"

int
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_ymd(int day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int
days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dim[m - 1];
}

int
date_valid_ymd(int y, int m, int d)
{
	return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days_in_month(y, m);
}

int
date_weekday(int day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (day + 3) % 7;

	return w < 0 ? w + 7 : w;
}

const char *
date_weekday_name(int day)
{
	static const char *names[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

	return names[date_weekday(day)];
}

int
date_week_start(int day, int week_start)
{
	int off = (date_weekday(day) - week_start + 7) % 7;

	return day - off;
}

int
date_from_time(time_t t)
{
	struct tm tm;

	localtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
date_today(void)
{
	const char *fake = getenv("RUNLOG_TODAY");
	int y, m, d;
	char extra;

	if (fake != NULL && sscanf(fake, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3 &&
	    date_valid_ymd(y, m, d))
		return date_from_ymd(y, m, d);
	return date_from_time(time(NULL));
}

int
date_parse(const char *s, int *day)
{
	int y, m, d, i;

	if (strcmp(s, "today") == 0) {
		*day = date_today();
		return 0;
	}
	if (strcmp(s, "yesterday") == 0) {
		*day = date_today() - 1;
		return 0;
	}
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		goto bad;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			goto bad;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (!date_valid_ymd(y, m, d)) {
		err_set("date '%s': no such day (years 1900 to 2099)", s);
		return -1;
	}
	*day = date_from_ymd(y, m, d);
	return 0;
bad:
	err_set("date '%.40s': expected YYYY-MM-DD, 'today' or 'yesterday'", s);
	return -1;
}

char *
date_format(int day, char *out)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = 0;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return out;
}

static const char *const weekday_full[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday",
};

/* 0-6 when s names a weekday ("mon", "Monday", at least three letters). */
static int
weekday_parse(const char *s)
{
	size_t n = strlen(s), i;
	int k;

	if (n < 3 || n > 9)
		return -1;
	for (k = 0; k < 7; k++) {
		for (i = 0; i < n; i++) {
			char c = s[i];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (weekday_full[k][i] != c)
				break;
		}
		if (i == n)
			return k;
	}
	return -1;
}

int
date_parse_rel(const char *s, int ahead, int *day)
{
	int today = date_today(), wd, k;
	int64_t n = 0;
	const char *p;

	if ((wd = weekday_parse(s)) >= 0) {
		k = date_weekday(today);
		if (ahead)
			*day = today + ((wd - k + 6) % 7) + 1;
		else
			*day = today - ((k - wd + 7) % 7);
		return 0;
	}
	if ((s[0] == '-' && !ahead) || (s[0] == '+' && ahead)) {
		for (p = s + 1; *p >= '0' && *p <= '9' && n <= 100000; p++)
			n = n * 10 + (*p - '0');
		if (p == s + 1 || *p != '\0' || n > 100000)
			goto bad;
		n = ahead ? today + n : today - n;
		if (n < DATE_MIN || n > DATE_MAX) {
			err_set("date '%.40s': outside the years 1900 to 2099", s);
			return -1;
		}
		*day = (int)n;
		return 0;
	}
	if (strcmp(s, "tomorrow") == 0 && ahead) {
		*day = today + 1;
		return 0;
	}
	if (date_parse(s, day) == 0)
		return 0;
bad:
	if (ahead)
		err_set("date '%.40s': expected YYYY-MM-DD, 'today', 'tomorrow', "
		    "+N (days ahead) or a weekday name (the next such day)", s);
	else
		err_set("date '%.40s': expected YYYY-MM-DD, 'today', "
		    "'yesterday', -N (days ago) or a weekday name (the most "
		    "recent such day)", s);
	return -1;
}
