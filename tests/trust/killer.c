/*
 * killer: runs a command over and over and kills it with SIGKILL at a
 * random moment, for the crash-safety test.
 *
 *   killer -k KILLS -n MAX -d MAX_US -p PCT -s SEED -b BASE -o OKLOG --
 *       CMD ARG...
 *
 * Iteration i runs CMD with every "%d" in its arguments replaced by
 * BASE + i (BASE is 0 unless given), and sends SIGKILL after a uniformly
 * random delay in [0, MAX_US] microseconds (the child cannot be reaped
 * before the kill, so its pid cannot have been reused). With -p, only PCT
 * percent of the runs, chosen at random, get the signal at all and the
 * others run to the end, so that some writes always finish however slow
 * the machine is. It stops after KILLS children died of the signal or MAX
 * runs. An exit with status 0 appends the number it substituted to OKLOG:
 * a write that reported success. Prints "runs R killed K ok O failed F"
 * and exits 1 when a child that was not killed failed, since nothing else
 * should make it fail.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char *
subst(const char *arg, int i)
{
	const char *p = strstr(arg, "%d");
	char *out;
	size_t n;

	if (p == NULL)
		return strdup(arg);
	n = strlen(arg) + 16;
	if ((out = malloc(n)) == NULL)
		exit(2);
	snprintf(out, n, "%.*s%d%s", (int)(p - arg), arg, i, p + 2);
	return out;
}

int
main(int argc, char **argv)
{
	long kills = 100, max = 1000, max_us = 10000, seed = 1, base = 0, pct = 100;
	long runs = 0, killed = 0, ok = 0, failed = 0;
	const char *oklog = "/dev/null";
	FILE *log;
	int c, i;

	while ((c = getopt(argc, argv, "k:n:d:p:s:b:o:")) != -1) {
		switch (c) {
		case 'k': kills = atol(optarg); break;
		case 'n': max = atol(optarg); break;
		case 'd': max_us = atol(optarg); break;
		case 's': seed = atol(optarg); break;
		case 'b': base = atol(optarg); break;
		case 'p': pct = atol(optarg); break;
		case 'o': oklog = optarg; break;
		default: return 2;
		}
	}
	if (optind >= argc || max_us <= 0)
		return 2;
	srand48(seed);
	if ((log = fopen(oklog, "a")) == NULL) {
		perror(oklog);
		return 2;
	}
	setvbuf(log, NULL, _IOLBF, 0);
	for (i = 0; i < max && killed < kills; i++) {
		char **av = calloc((size_t)(argc - optind + 1), sizeof *av);
		long us = (long)(drand48() * (double)max_us);
		int spare = drand48() * 100.0 >= (double)pct;
		struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
		int j, status;
		pid_t pid;

		if (av == NULL)
			return 2;
		for (j = optind; j < argc; j++)
			av[j - optind] = subst(argv[j], (int)(base + i));
		pid = fork();
		if (pid < 0) {
			perror("fork");
			return 2;
		}
		if (pid == 0) {
			/* The child's messages would mix with the counts. */
			int null = open("/dev/null", O_WRONLY);
			if (null >= 0)
				dup2(null, STDOUT_FILENO);
			execv(av[0], av);
			perror(av[0]);
			_exit(127);
		}
		if (!spare) {
			nanosleep(&ts, NULL);
			kill(pid, SIGKILL);
		}
		if (waitpid(pid, &status, 0) != pid)
			return 2;
		runs++;
		if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
			killed++;
		} else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			ok++;
			fprintf(log, "%ld\n", base + i);
		} else {
			failed++;
			fprintf(stderr, "killer: run %d (%s ...) failed with status "
			    "0x%x without being killed\n", (int)(base + i), av[1] ? av[1] : "",
			    status);
		}
		for (j = 0; av[j] != NULL; j++)
			free(av[j]);
		free(av);
	}
	fclose(log);
	printf("runs %ld killed %ld ok %ld failed %ld\n", runs, killed, ok, failed);
	return failed ? 1 : 0;
}
