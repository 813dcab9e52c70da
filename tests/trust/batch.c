/*
 * batch: one batch write of N runs through store_begin/store_commit, the
 * path an import takes, for the crash-safety test.
 *
 *   batch DB TAG N
 *
 * Adds N runs whose external ids are "TAG-0" ... "TAG-(N-1)" (source
 * "killtest") in one transaction and exits 0 once it has committed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "util.h"

int
main(int argc, char **argv)
{
	struct store *st;
	int i, n;

	if (argc != 4 || (n = atoi(argv[3])) <= 0)
		return 2;
	if (store_open(argv[1], &st) != 0) {
		fprintf(stderr, "batch: %s\n", err_get());
		return 1;
	}
	if (store_begin(st, "import") != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		struct run r;
		char id[64];

		memset(&r, 0, sizeof r);
		r.day = date_from_ymd(2020, 1, 1) + i % 2000;
		r.distance_m = 1000 + i;
		r.duration_s = 600 + i % 1000;
		r.climb_m = -1;
		r.type = RUN_EASY;
		r.source = "killtest";
		snprintf(id, sizeof id, "%s-%d", argv[2], i);
		r.external_id = id;
		if (store_add_run(st, &r) < 0)
			goto fail;
	}
	if (store_commit(st) != 0)
		goto fail;
	store_close(st);
	return 0;
fail:
	fprintf(stderr, "batch: %s\n", err_get());
	store_close(st);
	return 1;
}
