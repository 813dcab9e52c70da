/*
 * Hostile values typed into every field of every entry form, through the
 * UI's own key handlers (no terminal: curses on /dev/null). A number field
 * must refuse each of them, keep the form open and write nothing; a note
 * takes any text, but never more than 4000 bytes, never text that is not
 * UTF-8, and never a control character. The export form never writes
 * over the journal.
 */
#include <locale.h>
#include <sys/stat.h>

#include "uitest.h"

#include "config.h"
#include "date.h"
#include "store.h"
#include "ui.h"
#include "ui-form.h"
#include "ui-keys.h"
#include "ui-text.h"
#include "util.h"

#define CTRL_U 21
#define ESC    27

static int
setup(void **state)
{
	struct fx *f = fx_open(NULL);

	if (f == NULL)
		return -1;
	*state = f;
	return 0;
}

static int
key(struct fx *f, int k)
{
	int r = ui_key(f->ui, k);

	if (r & UI_RELOAD)
		ui_reload(f->ui);
	return r;
}

static void
type(struct fx *f, const char *s)
{
	for (; *s != '\0'; s++)
		key(f, (unsigned char)*s);
}

/* Moves the form's cursor to field i with Tab. */
static void
go_field(struct fx *f, int i)
{
	int guard = 0;

	while (form_current(f->ui->form) != i && guard++ < FORM_FIELDS * 2)
		key(f, '\t');
	assert_int_equal(form_current(f->ui->form), i);
}

/* A valid value for each required field, so only the hostile one is bad. */
static void
fill_required(struct fx *f, enum form_kind kind)
{
	static const char *const run[] = { "10km", "50:00" };
	struct ui_form *fm = f->ui->form;
	int i;

	for (i = 0; i < form_nfields(fm); i++) {
		if (!form_field_required(fm, i) || form_field_kind(fm, i) == FK_DATE)
			continue;     /* the date is offered filled in */
		go_field(f, i);
		key(f, CTRL_U);
		switch (kind) {
		case FORM_RUN:     type(f, run[i < 2 ? i : 0]); break;
		case FORM_SLEEP:   type(f, "7"); break;
		case FORM_DRINK:   type(f, "500ml"); break;
		case FORM_CHECKIN: type(f, "5"); break;
		default:           fail_msg("no form kind %d", kind);
		}
	}
}

static const char *const hostile[] = {
	"NaN", "nan", "inf", "-inf", "-5", "+5", "99999999999999999999",
	"1e3", "0x10", "5 5", "'; DROP TABLE run; --", "%s%n%x",
	"\xff\xfe", "caf\xc3", "\xc2\x9b" "31m",
};

static char long_digits[4500];

static void
test_number_fields_refuse_hostile_values(void **state)
{
	static const enum form_kind kinds[] = {
		FORM_RUN, FORM_SLEEP, FORM_DRINK, FORM_CHECKIN,
	};
	struct fx *f = *state;
	int64_t before = store_count(f->st, ENTRY_KIND_COUNT);
	size_t k, v;
	int i, n, tried = 0;

	memset(long_digits, '9', sizeof long_digits - 1);
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		assert_int_equal(form_open(f->ui, kinds[k], date_today(), 0), 0);
		n = form_nfields(f->ui->form);
		key(f, ESC);
		for (i = 0; i < n; i++) {
			for (v = 0; v <= sizeof hostile / sizeof hostile[0]; v++) {
				const char *val = v < sizeof hostile /
				    sizeof hostile[0] ? hostile[v] : long_digits;
				enum field_kind fk;

				assert_int_equal(form_open(f->ui, kinds[k],
				    date_today(), 0), 0);
				fk = form_field_kind(f->ui->form, i);
				if (fk == FK_CHOICE || fk == FK_YESNO || fk == FK_TEXT ||
				    fk == FK_DATE) {
					key(f, ESC);
					break;
				}
				fill_required(f, kinds[k]);
				go_field(f, i);
				key(f, CTRL_U);
				type(f, val);
				key(f, '\n');
				if (f->ui->form == NULL)
					fail_msg("form %d, field %s: '%.20s' was "
					    "saved", kinds[k], form_field_label(f->ui->form,
					    i), val);
				assert_non_null(strstr(form_error(f->ui->form),
				    "Not saved"));
				assert_int_equal(store_count(f->st,
				    ENTRY_KIND_COUNT), before);
				key(f, ESC);
				assert_null(f->ui->form);
				tried++;
			}
		}
	}
	/* 16 values in each of the 17 number fields of the four forms (run 7,
	 * sleep 2, drink 1, check-in 7): a field added later joins by itself,
	 * and then this count must be raised. */
	assert_int_equal(tried, 16 * 17);
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), before);
}

/*
 * The date of every entry form refuses what is no day, or a day in the
 * future, and writes nothing; -N and weekday names are days.
 */
static void
test_date_fields_refuse_hostile_values(void **state)
{
	static const enum form_kind kinds[] = {
		FORM_RUN, FORM_SLEEP, FORM_DRINK, FORM_CHECKIN,
	};
	static const char *const bad[] = {
		"", "+5", "tomorrow", "2026-11-26", "2026-02-30", "2100-01-01",
		"1899-12-31", "-99999999999", "- 3", "'; DROP TABLE run; --",
		"%s%n", "\xff\xfe", "2026-11-25x", "fri day",
	};
	struct fx *f = *state;
	int64_t before = store_count(f->st, ENTRY_KIND_COUNT);
	size_t k, v;
	int i, date_field, tried = 0;

	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		for (v = 0; v < sizeof bad / sizeof bad[0]; v++) {
			assert_int_equal(form_open(f->ui, kinds[k], date_today(), 0),
			    0);
			date_field = -1;
			for (i = 0; i < form_nfields(f->ui->form); i++)
				if (form_field_kind(f->ui->form, i) == FK_DATE)
					date_field = i;
			assert_true(date_field >= 0);
			fill_required(f, kinds[k]);
			go_field(f, date_field);
			key(f, CTRL_U);
			type(f, bad[v]);
			key(f, '\n');
			if (f->ui->form == NULL)
				fail_msg("form %d: date '%s' was saved", kinds[k],
				    bad[v]);
			assert_non_null(strstr(form_error(f->ui->form),
			    "Not saved: Date is wrong"));
			key(f, ESC);
			tried++;
		}
	}
	assert_int_equal(tried, 4 * 14);
	assert_int_equal(store_count(f->st, ENTRY_KIND_COUNT), before);
	/* Three days ago, typed over the offered day: saved on that day. */
	assert_int_equal(form_open(f->ui, FORM_DRINK, date_today(), 0), 0);
	fill_required(f, FORM_DRINK);
	key(f, KEY_BTAB);
	type(f, "-3\n");
	assert_null(f->ui->form);
	{
		struct drink *d;
		size_t n;
		assert_int_equal(store_drinks(f->st, date_today() - 3,
		    date_today() - 3, &d, &n), 0);
		assert_int_equal(n, 1);
		drink_list_free(d, n);
	}
}

/* The note of the newest run, or NULL. The caller frees. */
static char *
newest_run_note(struct fx *f)
{
	struct run *r;
	size_t n;
	char *note = NULL;

	assert_int_equal(store_runs(f->st, DATE_MIN, DATE_MAX, &r, &n), 0);
	if (n > 0 && r[n - 1].note != NULL)
		note = xstrdup(r[n - 1].note);
	run_list_free(r, n);
	return note;
}

static void
test_note_field(void **state)
{
	struct fx *f = *state;
	int64_t runs = store_count(f->st, ENTRY_RUN);
	char *note, big[5000];
	int note_field = -1, i;

	assert_int_equal(form_open(f->ui, FORM_RUN, date_today(), 0), 0);
	for (i = 0; i < form_nfields(f->ui->form); i++)
		if (form_field_kind(f->ui->form, i) == FK_TEXT &&
		    strcmp(form_field_label(f->ui->form, i), "Note") == 0)
			note_field = i;
	assert_true(note_field >= 0);

	/* The shoe, the other text field: a shoe's name or nothing saved. */
	fill_required(f, FORM_RUN);
	go_field(f, note_field + 1);
	assert_string_equal(form_field_label(f->ui->form, note_field + 1),
	    "Shoe");
	type(f, "'; DROP TABLE shoe; --");
	key(f, '\n');
	assert_non_null(f->ui->form);
	assert_non_null(strstr(form_field_error(f->ui->form, note_field + 1),
	    "no such shoe"));
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs);
	key(f, ESC);
	assert_int_equal(form_open(f->ui, FORM_RUN, date_today(), 0), 0);

	/* SQL is text: saved as typed. */
	fill_required(f, FORM_RUN);
	go_field(f, note_field);
	type(f, "'; DROP TABLE run; --");
	key(f, '\n');
	assert_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_RUN), ++runs);
	note = newest_run_note(f);
	assert_string_equal(note, "'; DROP TABLE run; --");
	free(note);

	/* Bytes that are not UTF-8: refused, nothing written. */
	assert_int_equal(form_open(f->ui, FORM_RUN, date_today(), 0), 0);
	fill_required(f, FORM_RUN);
	go_field(f, note_field);
	type(f, "caf\xe9 \xff");
	key(f, '\n');
	assert_non_null(f->ui->form);
	assert_int_equal(store_count(f->st, ENTRY_RUN), runs);
	key(f, ESC);

	/* 4999 bytes typed: at most 4000 kept, whole UTF-8 characters. */
	memset(big, 0, sizeof big);
	for (i = 0; i + 2 < (int)sizeof big - 1; i += 2)
		memcpy(big + i, "\xc3\xa9", 2);     /* é */
	assert_int_equal(form_open(f->ui, FORM_RUN, date_today(), 0), 0);
	fill_required(f, FORM_RUN);
	go_field(f, note_field);
	type(f, big);
	key(f, '\n');
	if (f->ui->form == NULL) {
		assert_int_equal(store_count(f->st, ENTRY_RUN), ++runs);
		note = newest_run_note(f);
		assert_true(strlen(note) <= NOTE_MAX);
		assert_true(text_utf8_valid(note));
		free(note);
	} else {
		assert_int_equal(store_count(f->st, ENTRY_RUN), runs);
		key(f, ESC);
	}
	assert_null(f->ui->form);
}

/* The export form refuses the journal itself under several names. */
static void
test_export_form_spares_the_journal(void **state)
{
	struct fx *f = *state;
	char *names[4], before[64], after[64];
	struct stat sb;
	size_t i;
	int path_field = -1;

	/* Something in the journal, so that a lost journal would show. */
	assert_int_equal(form_open(f->ui, FORM_DRINK, date_today(), 0), 0);
	fill_required(f, FORM_DRINK);
	key(f, '\n');
	assert_null(f->ui->form);
	assert_int_equal(stat(f->path, &sb), 0);
	snprintf(before, sizeof before, "%lld", (long long)sb.st_ino);

	names[0] = xstrdup(f->path);
	names[1] = xasprintf("%s/./journal.db", f->dir);
	names[2] = xasprintf("%s-wal", f->path);
	names[3] = xasprintf("%s/link.db", f->dir);
	assert_int_equal(symlink(f->path, names[3]), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(form_open(f->ui, FORM_EXPORT, date_today(), 0), 0);
		for (path_field = 0; path_field < form_nfields(f->ui->form); path_field++)
			if (form_field_kind(f->ui->form, path_field) == FK_PATH)
				break;
		assert_true(path_field < form_nfields(f->ui->form));
		go_field(f, path_field);
		key(f, CTRL_U);
		type(f, names[i]);
		key(f, '\n');
		if (f->ui->form == NULL)
			fail_msg("the export form wrote over %s", names[i]);
		key(f, ESC);
		free(names[i]);
	}
	/* Still the same file, still a journal with its drink. */
	assert_int_equal(lstat(f->path, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	snprintf(after, sizeof after, "%lld", (long long)sb.st_ino);
	assert_string_equal(before, after);
	assert_int_equal(store_count(f->st, ENTRY_DRINK), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_number_fields_refuse_hostile_values, setup, fx_close),
		cmocka_unit_test_setup_teardown(
		    test_date_fields_refuse_hostile_values, setup, fx_close),
		cmocka_unit_test_setup_teardown(test_note_field, setup,
		    fx_close),
		cmocka_unit_test_setup_teardown(
		    test_export_form_spares_the_journal, setup, fx_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
