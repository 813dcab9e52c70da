/*
 * cmd-calendar: runlog calendar, a year of daily distance as a heat map.
 * One column per week (the configured first day on top), one row per
 * weekday, a month's name above the week holding its first day; each day
 * is a shade by its distance band (fit_band()), in Unicode block elements
 * when the locale's character set is UTF-8 and in ASCII otherwise. Days
 * before the journal's first entry and after today are blank. The
 * widest year (54 weeks) takes 4 + 54 columns, inside 80.
 */
#include <langinfo.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "fitness.h"
#include "series.h"
#include "units.h"
#include "util.h"

#define CAL_WEEKS_MAX 54
#define CAL_BANDS     5   /* none and four distance bands */

static const struct cmd_arg calendar_args[] = {
	{ "YEAR", OPT_VALUE, NULL, CMD_ARG_OPTIONAL }, { NULL, 0, NULL, 0 },
};
const struct cmd_entry cmd_calendar_entry = {
	.name = "calendar",
	.args = calendar_args,
	.usage = "[YEAR]",
	.summary = "a year of daily distance as a heat map",
	.exec = cmd_calendar,
};

/* The rising edges of the bands, metres: 5, 10, 20 km or 3, 6, 12 mi. */
static const int64_t edges_km[] = { 5000, 10000, 20000 };
static const int64_t edges_mi[] = { 4828, 9656, 19312 };
static const int nominal_km[] = { 5, 10, 20 }, nominal_mi[] = { 3, 6, 12 };
static const char *const shade_utf8[CAL_BANDS] = {
	"\u00b7", "\u2591", "\u2592", "\u2593", "\u2588",
};
static const char *const shade_ascii[CAL_BANDS] = { ".", ":", "+", "*", "#" };
static const char *const month_names[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec",
};

static int
locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
}

/* The row of month names over the week columns from ws0. */
static void
print_months(int ws0, int y)
{
	char line[CAL_WEEKS_MAX + 8];
	int mo, col;

	memset(line, ' ', sizeof line);
	for (mo = 1; mo <= 12; mo++) {
		col = 4 + (date_from_ymd(y, mo, 1) - ws0) / 7;
		memcpy(line + col, month_names[mo - 1], 3);
	}
	line[4 + CAL_WEEKS_MAX + 3] = '\0';
	while (line[strlen(line) - 1] == ' ')
		line[strlen(line) - 1] = '\0';
	outf("%s\n", line);
}

static void
print_legend(const struct config *cfg, const char *const *shade)
{
	const int *n = cfg->dist_unit == UNIT_MI ? nominal_mi : nominal_km;
	const char *u = units_distance_name(cfg->dist_unit);

	outf("\n%s none  %s under %d  %s %d-%d  %s %d-%d  %s %d %s or more\n",
	    shade[0], shade[1], n[0], shade[2], n[0], n[1], shade[3], n[1],
	    n[2], shade[4], n[2], u);
}

int
cmd_calendar(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct config *cfg = &ctx->cfg;
	const char *const *shade = locale_utf8() ? shade_utf8 : shade_ascii;
	const int64_t *e = cfg->dist_unit == UNIT_MI ? edges_mi : edges_km;
	struct optres o;
	struct store *st;
	struct series se;
	int64_t year, total = 0;
	int y, mo, dd, jan1, dec31, ws0, today, row, d, rc, days = 0;
	int first, last;
	char a[32];

	if ((rc = cli_parse(ctx, argc, argv, NULL, &o)) != 0)
		return rc;
	if (o.npos > 1)
		return cli_usage("calendar", "unexpected argument '%.40s'",
		    o.pos[1]);
	today = date_today();
	date_to_ymd(today, &y, &mo, &dd);
	year = y;
	if (o.npos == 1 && (units_parse_int(o.pos[0], &year) != 0 ||
	    year < 1900 || year > 2099))
		return cli_usage("calendar", "year '%.40s': must be a whole "
		    "number from 1900 to 2099", o.pos[0]);
	if ((st = cli_store_existing(ctx, 0)) == NULL)
		return 1;
	/* Days before the journal's first entry are blank, not "none". */
	if ((rc = store_span(st, &first, &last)) < 0)
		return cli_fail(NULL);
	if (rc == 1)
		first = today + 1;
	jan1 = date_from_ymd((int)year, 1, 1);
	dec31 = date_from_ymd((int)year, 12, 31);
	if (series_load(st, jan1, dec31, &cfg->an, &se) != 0)
		return cli_fail(NULL);
	ws0 = date_week_start(jan1, cfg->week_start);
	outf("%d, distance per day\n\n", (int)year);
	print_months(ws0, (int)year);
	for (row = 0; row < 7; row++) {
		outf("%-3.3s ", date_weekday_name(ws0 + row));
		for (d = ws0 + row; d <= dec31 && d <= today; d += 7) {
			const struct an_metrics *m = series_metrics(&se, d);

			if (d < jan1 || d < first || m == NULL) {
				outf(" ");
				continue;
			}
			outf("%s", shade[fit_band(m->distance_m, e, 3)]);
			total += m->distance_m;
			days += m->distance_m > 0;
		}
		outf("\n");
	}
	print_legend(cfg, shade);
	outf("%s on %d day%s\n",
	    units_format_distance(total, cfg->dist_unit, a), days,
	    days == 1 ? "" : "s");
	series_free(&se);
	return 0;
}
