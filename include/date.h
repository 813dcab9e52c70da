/*
 * date: calendar days as integers (days since 1970-01-01, proleptic
 * Gregorian), so that date arithmetic is plain integer arithmetic and a day
 * never depends on the time zone once it has been read.
 */
#ifndef RUNLOG_DATE_H
#define RUNLOG_DATE_H

#include <time.h>

#define DATE_MIN (-25567)   /* 1900-01-01 */
#define DATE_MAX 47481      /* 2099-12-31 */

int  date_from_ymd(int y, int m, int d);
void date_to_ymd(int day, int *y, int *m, int *d);
int  date_valid_ymd(int y, int m, int d);
/* 0 = Monday ... 6 = Sunday. */
int  date_weekday(int day);
/* The local calendar day of a time_t. */
int  date_from_time(time_t t);
/* Today in local time; $RUNLOG_TODAY (YYYY-MM-DD) overrides, for tests. */
int  date_today(void);
/* "YYYY-MM-DD", "today" or "yesterday"; -1 with err_set() on error. */
int  date_parse(const char *s, int *day);
/*
 * A date as a person types it: everything date_parse() reads, plus, looking
 * back (ahead 0), "-N" for N days ago and a weekday name ("mon", "Friday")
 * for the most recent such day, today included; looking forward (ahead 1,
 * for plans), "tomorrow", "+N" for N days ahead and a weekday name for the
 * next such day after today. -1 with err_set() on error.
 */
int  date_parse_rel(const char *s, int ahead, int *day);
/* Writes "YYYY-MM-DD" into out (at least 11 bytes). */
char *date_format(int day, char *out);
/* Start of the week holding day; week_start 0 = Monday ... 6 = Sunday. */
int  date_week_start(int day, int week_start);
/* "Mon", "Tue", ... */
const char *date_weekday_name(int day);

#endif
