/* Parsers and formatters of core: dates, distances, durations, volumes. */
#include "testutil.h"

#include "date.h"
#include "units.h"
#include "util.h"

static void
test_date_roundtrip(void **state)
{
	char buf[11];
	int day, y, m, d;

	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(date_weekday(date_from_ymd(2026, 11, 25)), 2); /* Wed */
	assert_string_equal(date_weekday_name(date_from_ymd(2024, 2, 29)), "Thu");
	/* Every day of two centuries survives a round trip. */
	for (day = DATE_MIN; day <= DATE_MAX; day++) {
		date_to_ymd(day, &y, &m, &d);
		assert_true(date_valid_ymd(y, m, d));
		assert_int_equal(date_from_ymd(y, m, d), day);
	}
	assert_int_equal(date_parse("2024-02-29", &day), 0);
	assert_string_equal(date_format(day, buf), "2024-02-29");
	assert_int_equal(date_parse("1900-01-01", &day), 0);
	assert_int_equal(day, DATE_MIN);
}

static void
test_date_relative(void **state)
{
	int day;

	(void)state;
	setenv("RUNLOG_TODAY", "2026-03-01", 1);
	assert_int_equal(date_parse("today", &day), 0);
	assert_int_equal(day, date_from_ymd(2026, 3, 1));
	assert_int_equal(date_parse("yesterday", &day), 0);
	assert_int_equal(day, date_from_ymd(2026, 2, 28));
	unsetenv("RUNLOG_TODAY");
	/* Week starts: Monday (0) and Sunday (6). */
	day = date_from_ymd(2026, 11, 25);
	assert_int_equal(date_week_start(day, 0), date_from_ymd(2026, 11, 23));
	assert_int_equal(date_week_start(day, 6), date_from_ymd(2026, 11, 22));
}

/* Dates as a person types them, back for entries and ahead for plans. */
static void
test_date_typed(void **state)
{
	static const struct { const char *s; int ahead; const char *want; } ok[] = {
		/* 2026-11-27 is a Friday. */
		{ "-1", 0, "2026-11-26" }, { "-3", 0, "2026-11-24" },
		{ "-0", 0, "2026-11-27" }, { "fri", 0, "2026-11-27" },
		{ "Friday", 0, "2026-11-27" }, { "thu", 0, "2026-11-26" },
		{ "sat", 0, "2026-11-21" }, { "MON", 0, "2026-11-23" },
		{ "yesterday", 0, "2026-11-26" }, { "2026-01-02", 0, "2026-01-02" },
		{ "+1", 1, "2026-11-28" }, { "fri", 1, "2026-12-04" },
		{ "sat", 1, "2026-11-28" }, { "tomorrow", 1, "2026-11-28" },
		{ "+365", 1, "2027-11-27" },
	};
	static const struct { const char *s; int ahead; } bad[] = {
		{ "+1", 0 }, { "-1", 1 }, { "-", 0 }, { "-1x", 0 }, { "fr", 0 },
		{ "fridays", 0 }, { "-999999", 0 }, { "-46500", 0 },
		{ "tomorrow", 0 }, { "", 0 }, { "- 1", 0 }, { "--1", 0 },
	};
	char buf[11];
	size_t i;
	int day;

	(void)state;
	setenv("RUNLOG_TODAY", "2026-11-27", 1);
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		assert_int_equal(date_parse_rel(ok[i].s, ok[i].ahead, &day), 0);
		assert_string_equal(date_format(day, buf), ok[i].want);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(date_parse_rel(bad[i].s, bad[i].ahead, &day), -1);
		assert_non_null(strstr(err_get(), "date '"));
	}
	unsetenv("RUNLOG_TODAY");
}

static void
test_date_invalid(void **state)
{
	static const char *bad[] = {
		"", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
		"26-04-01", "2026/04/01", "2026-4-1", "2026-04-01x", "tomorrow",
		"1899-12-31", "2100-01-01", "TODAY", " 2026-04-01", "２０２６-04-01",
	};
	size_t i;
	int day = 123;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(date_parse(bad[i], &day), -1);
		assert_non_null(strstr(err_get(), "date"));
	}
	assert_int_equal(day, 123);
}

static void
test_distance(void **state)
{
	static const struct { const char *in; enum dist_unit u; int64_t m; } ok[] = {
		{ "10", UNIT_KM, 10000 }, { "10km", UNIT_KM, 10000 },
		{ "10k", UNIT_KM, 10000 }, { "10K", UNIT_KM, 10000 },
		{ "10.001km", UNIT_KM, 10001 }, { "0.001", UNIT_KM, 1 },
		{ "6.2mi", UNIT_KM, 9978 }, { "1mi", UNIT_KM, 1609 },
		{ "26.2", UNIT_MI, 42165 }, { "800m", UNIT_KM, 800 },
		{ "10 km", UNIT_KM, 10000 }, { "500", UNIT_KM, 500000 },
		{ "42.195km", UNIT_KM, 42195 }, { "5.", UNIT_KM, 5000 },
		{ ".5", UNIT_KM, 500 },
	};
	static const char *bad[] = {
		"", "km", "-5km", "10kmh", "10 miles per hour", "1e3", "10,5",
		"abc", "10km ", "1234567890km", "1.1234567km", "NaN", "inf",
		"10..5", "+10",
	};
	int64_t m;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		assert_int_equal(units_parse_distance(ok[i].in, ok[i].u, &m), 0);
		assert_int_equal(m, ok[i].m);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(units_parse_distance(bad[i], UNIT_KM, &m), -1);
		assert_non_null(strstr(err_get(), "distance"));
	}
}

static void
test_duration(void **state)
{
	static const struct { const char *in; int64_t s; } ok[] = {
		{ "52:30", 3150 }, { "1:02:03", 3723 }, { "45m", 2700 },
		{ "90s", 90 }, { "1h05m", 3900 }, { "1h", 3600 }, { "1h5", 3900 },
		{ "1h05m30s", 3930 }, { "1.5h", 5400 }, { "0:59", 59 },
		{ "48:00:00", 172800 }, { "00:09:25.5", 566 }, { "25:00.4", 1500 },
		{ "120:00", 7200 },
	};
	static const char *bad[] = {
		"", "52", "52:60", "1:60:00", "1:02:03:04", ":30", "30:", "5m5h",
		"1h1h", "-5m", "abc", "1x", "52:3a", "NaN", "1:5.5:00", "m",
	};
	int64_t s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		assert_int_equal(units_parse_duration(ok[i].in, &s), 0);
		assert_int_equal(s, ok[i].s);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(units_parse_duration(bad[i], &s), -1);
		assert_non_null(strstr(err_get(), "duration"));
	}
}

static void
test_volume_mass_hours(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(units_parse_volume("500ml", UNIT_L, &v), 0);
	assert_int_equal(v, 500);
	assert_int_equal(units_parse_volume("1.5l", UNIT_L, &v), 0);
	assert_int_equal(v, 1500);
	assert_int_equal(units_parse_volume("16oz", UNIT_L, &v), 0);
	assert_int_equal(v, 473);
	assert_int_equal(units_parse_volume("500", UNIT_L, &v), 0);
	assert_int_equal(v, 500);
	assert_int_equal(units_parse_volume("2", UNIT_L, &v), 0);
	assert_int_equal(v, 2000);
	assert_int_equal(units_parse_volume("8", UNIT_FLOZ, &v), 0);
	assert_int_equal(v, 237);
	assert_int_equal(units_parse_volume("5 gallons", UNIT_L, &v), -1);
	assert_non_null(strstr(err_get(), "volume"));
	assert_int_equal(units_parse_volume("-1l", UNIT_L, &v), -1);

	assert_int_equal(units_parse_mass("70.4", &v), 0);
	assert_int_equal(v, 70400);
	assert_int_equal(units_parse_mass("70.4kg", &v), 0);
	assert_int_equal(v, 70400);
	assert_int_equal(units_parse_mass("70lb", &v), -1);

	assert_int_equal(units_parse_hours("7.5", &v), 0);
	assert_int_equal(v, 450);
	assert_int_equal(units_parse_hours("7:30", &v), 0);
	assert_int_equal(v, 450);
	assert_int_equal(units_parse_hours("7h30m", &v), 0);
	assert_int_equal(v, 450);
	assert_int_equal(units_parse_hours("7h30", &v), 0);
	assert_int_equal(v, 450);
	assert_int_equal(units_parse_hours("seven", &v), -1);
	assert_non_null(strstr(err_get(), "hours"));
}

/* A context goes in front of the message; a long one is cut, not lost. */
static void
test_err_prefix(void **state)
{
	char big[2000];
	const char *e;

	(void)state;
	err_set("cannot read");
	err_prefix("%s", "journal.db");
	assert_string_equal(err_get(), "journal.db: cannot read");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	err_set("%s", big);
	err_prefix("ctx %d", 7);
	e = err_get();
	assert_int_equal(strncmp(e, "ctx 7: xxx", 10), 0);
	assert_int_equal(strlen(e), 1023);
}

static void
test_format(void **state)
{
	char b[32];

	(void)state;
	assert_string_equal(units_format_distance(10000, UNIT_KM, b), "10.00 km");
	assert_string_equal(units_format_distance(10005, UNIT_KM, b), "10.01 km");
	assert_string_equal(units_format_distance(9978, UNIT_MI, b), "6.20 mi");
	assert_string_equal(units_format_duration(3150, b), "52:30");
	assert_string_equal(units_format_duration(3723, b), "1:02:03");
	assert_string_equal(units_format_pace(10000, 3150, UNIT_KM, b), "5:15 /km");
	assert_string_equal(units_format_pace(1609, 480, UNIT_MI, b), "8:00 /mi");
	assert_string_equal(units_format_pace(0, 480, UNIT_KM, b), "-");
	assert_string_equal(units_format_volume(1500, UNIT_L, b), "1.50 l");
	assert_string_equal(units_format_volume(473, UNIT_FLOZ, b), "16.0 oz");
	assert_string_equal(units_format_hours(450, b), "7h30");
	assert_string_equal(units_format_mass(70400, b), "70.4");
}

static void
test_ints(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(units_parse_int("42", &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(units_parse_int("-3", &v), 0);
	assert_int_equal(v, -3);
	assert_int_equal(units_parse_int("99999999999999999999", &v), -1);
	assert_int_equal(units_parse_int("4 2", &v), -1);
	assert_int_equal(units_parse_int("", &v), -1);
	assert_int_equal(units_parse_int("7.0", &v), -1);
	assert_int_equal(units_parse_decimal("1.25", 3, &v), 0);
	assert_int_equal(v, 1250);
	assert_int_equal(units_parse_decimal("1.2345", 3, &v), -1);
}

static void
test_sanitize(void **state)
{
	char s[] = "ok\x1b[31mred\x07\tend\xc2\x9bx caf\xc3\xa9";
	char osc[] = "a\x1b]0;title\x07" "b\x1b]2;t\x1b\\c\x1b(Bd\x1b[";

	(void)state;
	text_sanitize(s);
	assert_string_equal(s, "okred end caf\xc3\xa9");
	/* Window titles, charset switches and a sequence cut short. */
	text_sanitize(osc);
	assert_string_equal(osc, "abcd");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_roundtrip),
		cmocka_unit_test(test_date_relative),
		cmocka_unit_test(test_date_typed),
		cmocka_unit_test(test_date_invalid),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_duration),
		cmocka_unit_test(test_volume_mass_hours),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_err_prefix),
		cmocka_unit_test(test_ints),
		cmocka_unit_test(test_sanitize),
	};

	return cmocka_run_group_tests_name("units", tests, NULL, NULL);
}
