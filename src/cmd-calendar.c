/*
 * cmd-calendar: runlog calendar, a year of daily distance as a heat map.
 * One column per week (the configured first day on top), one row per
 * weekday, a month's name above the week holding its first day; each day
 * is a shade by its distance band, in Unicode block elements when the
 * locale's character set is UTF-8 and in ASCII otherwise. Days before the
 * journal's first entry and after today are blank. The bands and shades
 * are fit_calendar()'s, which the Calendar screen draws too. The widest
 * year (54 weeks) takes 4 + 54 columns, inside 80.
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
	char line[FIT_CAL_WEEKS + 8];
	int mo, col;

	memset(line, ' ', sizeof line);
	for (mo = 1; mo <= 12; mo++) {
		col = 4 + (date_from_ymd(y, mo, 1) - ws0) / 7;
		memcpy(line + col, month_names[mo - 1], 3);
	}
	line[4 + FIT_CAL_WEEKS + 3] = '\0';
	while (line[strlen(line) - 1] == ' ')
		line[strlen(line) - 1] = '\0';
	outf("%s\n", line);
}

static void
print_legend(const struct config *cfg, int utf8)
{
	const int *n = fit_cal_nominal(cfg->dist_unit == UNIT_MI);
	const char *u = units_distance_name(cfg->dist_unit);

	outf("\n%s none  %s under %d  %s %d-%d  %s %d-%d  %s %d %s or more\n",
	    fit_cal_glyph(0, utf8), fit_cal_glyph(1, utf8), n[0],
	    fit_cal_glyph(2, utf8), n[0], n[1], fit_cal_glyph(3, utf8), n[1],
	    n[2], fit_cal_glyph(4, utf8), n[2], u);
}

/* The weekday rows of c, blanks at a row's end left out. */
static void
print_rows(const struct fit_cal *c, int utf8)
{
	char line[8 + 4 * FIT_CAL_WEEKS];
	int row, k, i;
	size_t len;

	for (row = 0; row < 7; row++) {
		len = (size_t)snprintf(line, sizeof line, "%-3.3s ",
		    date_weekday_name(c->first + row));
		for (k = 0; k < c->weeks; k++) {
			i = c->first + 7 * k + row - c->jan1;
			len += (size_t)snprintf(line + len, sizeof line - len, "%s",
			    fit_cal_glyph(i >= 0 && i < c->ndays ? c->band[i] :
			    FIT_CAL_BLANK, utf8));
		}
		while (len > 0 && line[len - 1] == ' ')
			line[--len] = '\0';
		outf("%s\n", line);
	}
}

int
cmd_calendar(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct config *cfg = &ctx->cfg;
	int utf8 = locale_utf8();
	struct optres o;
	struct store *st;
	struct series se;
	struct fit_cal c;
	int64_t year, dist[366];
	int y, mo, dd, jan1, ndays, today, i, rc, first, last;
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
	ndays = date_from_ymd((int)year, 12, 31) - jan1 + 1;
	if (series_load_runs(st, jan1, jan1 + ndays - 1, &cfg->an, &se) != 0)
		return cli_fail(NULL);
	for (i = 0; i < ndays; i++) {
		const struct an_metrics *m = series_metrics(&se, jan1 + i);

		dist[i] = m != NULL ? m->distance_m : 0;
	}
	series_free(&se);
	fit_calendar(&c, jan1, ndays, date_week_start(jan1, cfg->week_start),
	    dist, first, today, cfg->dist_unit == UNIT_MI);
	outf("%d, distance per day\n\n", (int)year);
	print_months(c.first, (int)year);
	print_rows(&c, utf8);
	print_legend(cfg, utf8);
	outf("%s on %d day%s\n",
	    units_format_distance(c.total_m, cfg->dist_unit, a), c.days_run,
	    c.days_run == 1 ? "" : "s");
	return 0;
}
