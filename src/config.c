/*
 * config: reads the INI-style config file with libinih. Each key is looked
 * up in one table; an unknown section or key, or a value out of range, is
 * an error that names the file and the line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ini.h>

#include "config.h"
#include "units.h"
#include "util.h"

void
config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->dist_unit = UNIT_KM;
	cfg->vol_unit = UNIT_L;
	cfg->week_start = 0;
	cfg->fluid_target_ml = 2000;
	an_params_defaults(&cfg->an);
	cfg->an.fluid_target_ml = cfg->fluid_target_ml;
}

struct parse_state {
	struct config *cfg;
	const char    *path;
	FILE          *f;
	int            line;     /* lines read so far: the one being handled */
	int            failed;
};

/*
 * Debian's libinih does not pass line numbers to the handler, so the
 * reader counts the lines it hands over.
 */
static char *
read_line(char *str, int num, void *stream)
{
	struct parse_state *ps = stream;
	char *r = fgets(str, num, ps->f);

	if (r != NULL && strchr(r, '\n') != NULL)
		ps->line++;
	else if (r != NULL && feof(ps->f))
		ps->line++;
	return r;
}

static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday",
};

static int
bad(struct parse_state *ps, int line, const char *key, const char *value,
    const char *allowed)
{
	err_set("%s:%d: %s = %.40s: %s", ps->path, line, key, value, allowed);
	ps->failed = 1;
	return 0;
}

/*
 * A threshold is written in decimal: digits with an optional sign and
 * fraction. strtod() would also take "0x10", "1e3", "inf" and "nan", which
 * nobody means as a threshold; "010" is ten.
 */
static int
plain_decimal(const char *s)
{
	int digits = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '-' || *s == '+')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		digits++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits++;
	while (*s == ' ' || *s == '\t')
		s++;
	return digits > 0 && *s == '\0';
}

/* A [flags] value that is not a decimal number: the key's allowed range. */
static int
bad_number(struct parse_state *ps, int line, const char *key,
    const char *value)
{
	size_t i;

	for (i = 0; i < an_param_count; i++) {
		const struct an_param_info *pi = &an_param_table[i];

		if (strcmp(pi->key, key) != 0)
			continue;
		err_set("%s:%d: bad value \"%.40s\" for %s: must be a %s from %g "
		    "to %g", ps->path, line, value, key, pi->is_int ?
		    "whole number" : "decimal number", pi->min, pi->max);
		ps->failed = 1;
		return 0;
	}
	err_set("%s:%d: unknown key \"%.40s\" in [flags]", ps->path, line, key);
	ps->failed = 1;
	return 0;
}

static int
on_entry(void *user, const char *section, const char *key, const char *value)
{
	struct parse_state *ps = user;
	int line = ps->line;
	struct config *cfg = ps->cfg;
	int64_t ml;
	int i;

	if (ps->failed)
		return 0;
	if (*section == '\0' || strcmp(section, "runlog") == 0) {
		if (strcmp(key, "units") == 0) {
			if (strcmp(value, "km") == 0)
				cfg->dist_unit = UNIT_KM;
			else if (strcmp(value, "mi") == 0)
				cfg->dist_unit = UNIT_MI;
			else
				return bad(ps, line, key, value, "must be km or mi");
			return 1;
		}
		if (strcmp(key, "fluid_units") == 0) {
			if (strcmp(value, "l") == 0)
				cfg->vol_unit = UNIT_L;
			else if (strcmp(value, "oz") == 0)
				cfg->vol_unit = UNIT_FLOZ;
			else
				return bad(ps, line, key, value, "must be l or oz");
			return 1;
		}
		if (strcmp(key, "week_start") == 0) {
			for (i = 0; i < 7; i++) {
				if (strcmp(value, weekdays[i]) == 0) {
					cfg->week_start = i;
					return 1;
				}
			}
			return bad(ps, line, key, value,
			    "must be a day of the week (monday ... sunday)");
		}
		if (strcmp(key, "fluid_target") == 0) {
			if (units_parse_volume(value, cfg->vol_unit, &ml) != 0 ||
			    ml < 250 || ml > 10000)
				return bad(ps, line, key, value,
				    "must be a volume from 0.25 to 10 l");
			cfg->fluid_target_ml = ml;
			return 1;
		}
	}
	if (strcmp(section, "flags") == 0) {
		char msg[400];

		if (strcmp(key, "off") == 0) {
			if (an_rules_off_parse(value, &cfg->an.rules_off, msg,
			    sizeof msg) == 0)
				return 1;
			err_set("%s:%d: off: %s", ps->path, line, msg);
			ps->failed = 1;
			return 0;
		}
		if (!plain_decimal(value))
			return bad_number(ps, line, key, value);
		if (an_params_set(&cfg->an, key, value, msg, sizeof msg) != 0) {
			err_set("%s:%d: %s", ps->path, line, msg);
			ps->failed = 1;
			return 0;
		}
		return 1;
	}
	err_set("%s:%d: unknown setting '%.40s' in section [%.40s]", ps->path,
	    line, key, *section ? section : "runlog");
	ps->failed = 1;
	return 0;
}

static const char *
file_kind(mode_t m)
{
	if (S_ISDIR(m))  return "a directory";
	if (S_ISFIFO(m)) return "a FIFO";
	if (S_ISSOCK(m)) return "a socket";
	if (S_ISCHR(m))  return "a character device";
	if (S_ISBLK(m))  return "a block device";
	return "not a regular file";
}

/*
 * Opens the config for reading only when it is a regular file (through a
 * symlink too). O_NONBLOCK keeps a FIFO from blocking the open; fstat()
 * then refuses it, a directory or a device, naming what it is. NULL with
 * err_set(), and errno ENOENT when there is no file at all.
 */
static FILE *
open_regular(const char *path)
{
	struct stat sb;
	FILE *f = NULL;
	int fd, e = 0;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		e = errno;
		err_set("config %s: %s", path, strerror(e));
		errno = e;
		return NULL;
	}
	if (fstat(fd, &sb) != 0)
		err_set("config %s: %s", path, strerror(errno));
	else if (!S_ISREG(sb.st_mode))
		err_set("config %s: is %s; the config must be a regular file",
		    path, file_kind(sb.st_mode));
	else if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0 ||
	    (f = fdopen(fd, "r")) == NULL)
		err_set("config %s: %s", path, strerror(errno));
	if (f == NULL) {
		close(fd);
		errno = EINVAL;
	}
	return f;
}

int
config_load(const char *path, int must_exist, struct config *cfg)
{
	struct parse_state ps = { cfg, path, NULL, 0, 0 };
	char msg[200];
	FILE *f;
	int rc;

	if ((f = open_regular(path)) == NULL)
		return errno == ENOENT && !must_exist ? 0 : -1;
	/* A NUL byte would end a line early and hide the rest of it from
	 * the parser: such a file is not text, and is refused whole. */
	{
		int c, line = 1;
		while ((c = getc(f)) != EOF && c != '\0')
			line += c == '\n';
		if (c == '\0') {
			fclose(f);
			err_set("%s:%d: a NUL byte: not a text file", path, line);
			return -1;
		}
		rewind(f);
	}
	ps.f = f;
	rc = ini_parse_stream(read_line, &ps, on_entry, &ps);
	fclose(f);
	if (ps.failed)
		return -1;
	if (rc != 0) {
		err_set("%s:%d: not a valid line (expected key = value or "
		    "[section])", path, rc);
		return -1;
	}
	cfg->an.fluid_target_ml = cfg->fluid_target_ml;
	if (an_params_check(&cfg->an, msg, sizeof msg) != 0) {
		err_set("%s: [flags]: %s", path, msg);
		return -1;
	}
	return 0;
}
