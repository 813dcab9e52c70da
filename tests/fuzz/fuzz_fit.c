/*
 * The FIT decoder on any bytes: once as they are (CRCs checked, as an
 * import does), once with the CRCs skipped so that the records behind a
 * wrong CRC are read too, and once imported as a dry run after the CRCs
 * of every chained file are made right, so the reader sees what the
 * decoder keeps. Nothing may crash, leak or hang; what is decoded stays
 * inside the input and its bounds.
 */
#include "import.h"
#include "fit.h"

struct seen {
	size_t size, last, n;
};

static int
on_mesg(const struct fit_mesg *m, void *arg)
{
	struct seen *s = arg;

	FUZZ_CHECK(m->offset < s->size);
	FUZZ_CHECK(s->n == 0 || m->offset > s->last);
	FUZZ_CHECK(m->nfields <= 256);
	s->last = m->offset;
	s->n++;
	return 0;
}

static void
decode(const uint8_t *data, size_t size, unsigned flags)
{
	struct seen s = { size, 0, 0 };
	struct fit_activity a;
	struct fit_when w;
	size_t i;

	fit_walk(data, size, flags, on_mesg, &s);
	if (fit_activity_read(data, size, flags, &a) != 0)
		return;
	FUZZ_CHECK(a.nsessions <= FIT_SESSIONS_MAX && a.nparts <= FIT_PARTS_MAX);
	for (i = 0; i < a.nsessions; i++) {
		FUZZ_CHECK(a.session[i].offset < size);
		FUZZ_CHECK(a.session[i].part < a.nparts);
		fit_session_when(&a, &a.session[i], &w);
	}
	fit_activity_free(&a);
}

/* A copy of the input with the CRCs of its chained files made right. */
static uint8_t *
fix_crcs(const uint8_t *data, size_t size)
{
	uint8_t *b = malloc(size ? size : 1);
	size_t pos = 0, hs, len;
	uint16_t crc;

	if (b == NULL)
		abort();
	memcpy(b, data, size);
	while (size - pos >= 14 && (b[pos] == 12 || b[pos] == 14)) {
		hs = b[pos];
		len = (size_t)b[pos + 4] | (size_t)b[pos + 5] << 8 |
		    (size_t)b[pos + 6] << 16 | (size_t)b[pos + 7] << 24;
		if (len > size - pos - hs || size - pos - hs - len < 2)
			break;
		if (hs == 14) {
			crc = fit_crc(0, b + pos, 12);
			b[pos + 12] = (uint8_t)crc;
			b[pos + 13] = (uint8_t)(crc >> 8);
		}
		crc = fit_crc(0, b + pos, hs + len);
		b[pos + hs + len] = (uint8_t)crc;
		b[pos + hs + len + 1] = (uint8_t)(crc >> 8);
		pos += hs + len + 2;
	}
	return b;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *fixed;

	decode(data, size, 0);
	decode(data, size, FIT_NO_CRC);
	fixed = fix_crcs(data, size);
	decode(fixed, size, 0);
	fuzz_import(fixed, size, CSV_FMT_FIT, 0);
	fuzz_import(fixed, size, CSV_FMT_FIT, 1);
	free(fixed);
	return 0;
}
