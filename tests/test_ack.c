/*
 * Acknowledgements through the store and the Flags screen: 'a' records
 * the selected episode's rule and today, hides it, and undo brings it
 * back; 'A' lists acknowledged episodes too.
 */
#include "uitest.h"

#include "date.h"
#include "store-ack.h"

/* Fatigue 8 on the ten days to 2026-11-25: one persistent-fatigue episode. */
static void
fill(struct store *st)
{
	struct checkin c;
	int d, today;

	assert_int_equal(date_parse("2026-11-25", &today), 0);
	for (d = today - 9; d <= today; d++) {
		memset(&c, 0, sizeof c);
		c.day = d;
		c.fatigue = 8;
		assert_int_equal(store_put_checkin(st, &c, NULL), 0);
		checkin_free(&c);
	}
}

static char *
render(struct fx *f)
{
	struct buf b;

	buf_init(&b);
	ui_draw(f->ui, stdscr);
	ui_screen_text(stdscr, f->ui->lines, &b);
	return b.data;
}

static int
press(struct fx *f, int k)
{
	int r = ui_key(f->ui, k);

	if (r & UI_RELOAD)
		ui_reload(f->ui);
	return r;
}

static void
test_flags_ack_key(void **state)
{
	struct fx *f = fx_open(fill);
	struct store_ack *v;
	char label[80], *s;
	size_t n;

	*state = f;
	assert_non_null(f);
	press(f, '4');
	s = render(f);
	assert_non_null(strstr(s, "Flags, last 12 weeks: 1"));
	assert_non_null(strstr(s, "persistent-fatigue"));
	free(s);
	press(f, 'a');
	assert_int_equal(store_acks(f->st, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].rule, "persistent-fatigue");
	assert_int_equal(v[0].day, f->ui->today);
	free(v);
	s = render(f);
	assert_non_null(strstr(s, "Flags, last 12 weeks: 0 (1 acknowledged "
	    "hidden)"));
	assert_non_null(strstr(s, "persistent-fatigue acknowledged"));
	free(s);
	/* A lists it, marked; A again hides it */
	press(f, 'A');
	s = render(f);
	assert_non_null(strstr(s, "ack'd"));
	free(s);
	press(f, 'a');                     /* already: nothing written */
	assert_int_equal(store_acks(f->st, &v, &n), 0);
	assert_int_equal(n, 1);
	free(v);
	press(f, 'A');
	s = render(f);
	assert_null(strstr(s, "ack'd"));
	free(s);
	/* undo takes the acknowledgement back */
	assert_int_equal(store_undo(f->st, label, sizeof label), 0);
	assert_string_equal(label, "ack persistent-fatigue");
	ui_reload(f->ui);
	s = render(f);
	assert_non_null(strstr(s, "Flags, last 12 weeks: 1"));
	free(s);
}

/* Adding twice is one row; removing takes the days of a range. */
static void
test_store_acks(void **state)
{
	struct fx *f = fx_open(NULL);
	struct store_ack *v;
	size_t n;
	int removed;

	*state = f;
	assert_non_null(f);
	assert_int_equal(store_ack_add(f->st, "acwr", 20000), 0);
	assert_int_equal(store_ack_add(f->st, "acwr", 20000), 1);
	assert_int_equal(store_ack_add(f->st, "acwr", 20005), 0);
	assert_int_equal(store_ack_add(f->st, "monotony", 20001), 0);
	assert_int_equal(store_acks(f->st, &v, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].rule, "acwr");
	assert_int_equal(v[1].day, 20005);
	free(v);
	/* the table refuses what is not a rule's name */
	assert_int_equal(store_ack_add(f->st, "ACWR; DROP", 20000), -1);
	assert_int_equal(store_ack_remove(f->st, "acwr", 20001, 20010,
	    &removed), 0);
	assert_int_equal(removed, 1);
	assert_int_equal(store_acks(f->st, &v, &n), 0);
	assert_int_equal(n, 2);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_flags_ack_key, fx_close),
		cmocka_unit_test_teardown(test_store_acks, fx_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
