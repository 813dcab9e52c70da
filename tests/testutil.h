/* Shared helpers for the cmocka tests. */
#ifndef RUNLOG_TESTUTIL_H
#define RUNLOG_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

/* A fresh temporary directory; the caller frees the path. */
static inline char *
test_tmpdir(void)
{
	char tmpl[] = "/tmp/runlog-test-XXXXXX";
	char *d = mkdtemp(tmpl);

	assert_non_null(d);
	return strdup(d);
}

/* Removes a test directory and everything in it. */
static inline void
test_rmdir(const char *dir)
{
	char cmd[512];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

#endif
