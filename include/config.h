/*
 * config: the INI-style config file ($XDG_CONFIG_HOME/runlog/config or
 * --config), read with libinih. Display units, the week's first day, the
 * daily fluid target, and (section [flags]) every analysis threshold.
 * An unknown key or a bad value is an error that names the line.
 */
#ifndef RUNLOG_CONFIG_H
#define RUNLOG_CONFIG_H

#include <stdint.h>

#include "analysis.h"
#include "units.h"

struct config {
	enum dist_unit dist_unit;       /* units = km | mi */
	enum vol_unit  vol_unit;        /* fluid_units = l | oz */
	int            week_start;      /* 0 = Monday ... 6 = Sunday */
	int64_t        fluid_target_ml; /* daily target, default 2000 */
	struct an_params an;            /* [flags]: every analysis threshold;
	                                   an.fluid_target_ml follows
	                                   fluid_target_ml */
};

void config_defaults(struct config *cfg);
/*
 * Reads path into cfg (which holds the defaults first). A missing file is
 * fine unless must_exist; -1 with err_set() naming the line otherwise.
 */
int config_load(const char *path, int must_exist, struct config *cfg);

#endif
