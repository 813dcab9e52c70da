/*
 * timeit: runs two commands in turn, RUNS times each (A, B, A, B ...),
 * their output to /dev/null, and prints the median wall time and the
 * median processor time (user + system, from wait4()) of each, in
 * microseconds: "WALL-A WALL-B CPU-A CPU-B". No shell stands between
 * the timer and the command, so a command of a few milliseconds is timed
 * without a shell's start-up. "%N" in an argument becomes the run's
 * number, for commands that must write a new file each time.
 *
 *   timeit RUNS A-ARGV... -- B-ARGV...
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long
us_of(const struct timeval *t)
{
	return t->tv_sec * 1000000L + t->tv_usec;
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

/* argv with "%N" replaced by run: a new array of new strings. */
static char **
with_run(char **argv, int n, int run)
{
	char **out = calloc((size_t)n + 1, sizeof *out);
	int i;

	for (i = 0; out != NULL && i < n; i++) {
		const char *p = strstr(argv[i], "%N");
		size_t len = strlen(argv[i]) + 16;

		if ((out[i] = malloc(len)) == NULL)
			exit(1);
		if (p == NULL)
			snprintf(out[i], len, "%s", argv[i]);
		else
			snprintf(out[i], len, "%.*s%d%s", (int)(p - argv[i]),
			    argv[i], run, p + 2);
	}
	return out;
}

/* Runs argv once: *wall and *cpu in microseconds; -1 when it fails. */
static int
run_once(char **argv, long *wall, long *cpu)
{
	struct timespec t0, t1;
	struct rusage ru;
	int st, fd;
	pid_t pid;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &st, 0, &ru) != pid)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*wall = (t1.tv_sec - t0.tv_sec) * 1000000L +
	    (t1.tv_nsec - t0.tv_nsec) / 1000;
	*cpu = us_of(&ru.ru_utime) + us_of(&ru.ru_stime);
	return WIFEXITED(st) && WEXITSTATUS(st) != 127 ? 0 : -1;
}

int
main(int argc, char **argv)
{
	long *w[2], *c[2];
	char **cmd[2];
	int n[2], runs, i, k, sep;

	if (argc < 5 || (runs = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: timeit RUNS A-ARGV... -- B-ARGV...\n");
		return 2;
	}
	for (sep = 2; sep < argc && strcmp(argv[sep], "--") != 0; sep++)
		;
	if (sep == 2 || sep >= argc - 1) {
		fprintf(stderr, "timeit: two commands, split by --\n");
		return 2;
	}
	cmd[0] = argv + 2;
	n[0] = sep - 2;
	cmd[1] = argv + sep + 1;
	n[1] = argc - sep - 1;
	for (k = 0; k < 2; k++) {
		w[k] = calloc((size_t)runs, sizeof *w[k]);
		c[k] = calloc((size_t)runs, sizeof *c[k]);
		if (w[k] == NULL || c[k] == NULL)
			return 1;
	}
	for (i = 0; i < runs; i++) {
		for (k = 0; k < 2; k++) {
			char **a = with_run(cmd[k], n[k], i);

			if (a == NULL || run_once(a, &w[k][i], &c[k][i]) != 0) {
				fprintf(stderr, "timeit: %s failed\n", cmd[k][0]);
				return 1;
			}
			for (int j = 0; j < n[k]; j++)
				free(a[j]);
			free(a);
		}
	}
	for (k = 0; k < 2; k++) {
		qsort(w[k], (size_t)runs, sizeof(long), cmp_long);
		qsort(c[k], (size_t)runs, sizeof(long), cmp_long);
	}
	printf("%ld %ld %ld %ld\n", w[0][runs / 2], w[1][runs / 2],
	    c[0][runs / 2], c[1][runs / 2]);
	return 0;
}
