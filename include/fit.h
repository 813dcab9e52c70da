/*
 * fit: a decoder of FIT, the binary format in which sports watches and
 * bike computers record activities, written from the public description
 * of the protocol.
 *
 * Two levels: fit_walk() checks the file (header, CRCs, every record's
 * bounds) and hands each data message to a callback with its fields as
 * numbers; fit_activity_read() keeps what an import needs from it (each
 * chained file's file_id, activity and timestamp_correlation messages, and
 * every session). Neither does I/O; errors are -1 with err_set() naming the
 * byte offset, counted from 0 at the start of the input.
 */
#ifndef RUNLOG_FIT_H
#define RUNLOG_FIT_H

#include <stddef.h>
#include <stdint.h>

/* FIT times count seconds from 1989-12-31 00:00:00 UTC: Unix time - this. */
#define FIT_EPOCH_UNIX 631065600
/* A date_time below this counts seconds since the device was switched on. */
#define FIT_TIME_ABS_MIN 0x10000000u

#define FIT_SESSIONS_MAX 4096   /* sessions in one input */
#define FIT_PARTS_MAX    1024   /* chained files in one input */

/* Global message numbers read here. */
enum {
	FIT_MESG_FILE_ID = 0,
	FIT_MESG_SESSION = 18,
	FIT_MESG_ACTIVITY = 34,
	FIT_MESG_TIMESTAMP_CORRELATION = 162
};

/* file_id.type of an activity; sport of running. */
#define FIT_FILE_ACTIVITY 4
#define FIT_SPORT_RUNNING 1

/* fit_walk() flags. */
enum {
	FIT_NO_CRC = 1 << 0    /* skip both CRC checks (to fuzz the records) */
};

/* One field of a data message. */
struct fit_field {
	unsigned num;          /* field definition number */
	unsigned size;         /* bytes in the message */
	unsigned base;         /* base type byte of the definition */
	int      valid;        /* one number of its base type, not "invalid" */
	uint64_t u;            /* the number when valid; signed types as
	                        * two's complement (read as int64_t) */
};

struct fit_mesg {
	unsigned                global;   /* global message number */
	size_t                  offset;   /* of its record header */
	size_t                  part;     /* chained file, from 0 */
	size_t                  nfields;
	const struct fit_field *field;
};

/* 0 to go on; anything else stops the walk and is returned. */
typedef int (*fit_mesg_fn)(const struct fit_mesg *m, void *arg);

/* The FIT CRC-16 of n bytes, continuing from crc (0 to start). */
uint16_t fit_crc(uint16_t crc, const void *p, size_t n);

/*
 * Checks and decodes the n bytes at p, one chained file after another,
 * calling fn for every data message. 0, fn's non-zero value, or -1 with
 * err_set("byte N: ...") for a damaged or truncated input.
 */
int fit_walk(const unsigned char *p, size_t n, unsigned flags, fit_mesg_fn fn,
    void *arg);

/* 1 with *v when field num of m is valid; else 0. */
int fit_get(const struct fit_mesg *m, unsigned num, uint64_t *v);

/* What one chained file says about itself. -1: not given. */
struct fit_part {
	int      type;          /* file_id.type: 4 activity, 2 settings, ... */
	int64_t  serial;        /* file_id.serial_number */
	int64_t  created;       /* file_id.time_created, FIT time */
	int64_t  act_time;      /* activity.timestamp, FIT time (UTC) */
	int64_t  act_local;     /* activity.local_timestamp, FIT local time */
	int64_t  corr_time;     /* timestamp_correlation.timestamp (UTC) */
	int64_t  corr_system;   /* ... its system_timestamp (device time) */
};

/* One session. -1: not given. */
struct fit_session {
	size_t   offset;        /* of its record header */
	size_t   part;
	int      sport;         /* 1 running, 2 cycling, ... */
	int      sub_sport;
	int64_t  start;         /* start_time, FIT time */
	int64_t  end;           /* timestamp, FIT time */
	int64_t  timer_ms;      /* total_timer_time */
	int64_t  elapsed_ms;    /* total_elapsed_time */
	int64_t  distance_cm;   /* total_distance */
	int      avg_hr;        /* bpm */
	int64_t  ascent_m;      /* total_ascent */
};

struct fit_activity {
	struct fit_part    *part;
	size_t              nparts;
	struct fit_session *session;
	size_t              nsessions;
};

/* Decodes the input into a; 0, or -1 with err_set() (a is then empty). */
int  fit_activity_read(const unsigned char *p, size_t n, unsigned flags,
    struct fit_activity *a);
void fit_activity_free(struct fit_activity *a);

/* When a session started. */
struct fit_when {
	int     have_utc;
	int64_t utc;            /* Unix seconds */
	int     have_local;
	int64_t local;          /* local wall-clock time as if it were UTC */
};

/*
 * Resolves the start of session s: its start_time (else its timestamp less
 * its elapsed time); a relative device time through the file's
 * timestamp_correlation, else through the activity's local_timestamp and
 * timestamp; the local time from the activity's local_timestamp -
 * timestamp offset when that is a plausible time-zone offset. 0, or -1
 * with err_set() when the session has no start that can be placed.
 */
int  fit_session_when(const struct fit_activity *a,
    const struct fit_session *s, struct fit_when *w);

/* "settings", "monitoring", ... for a file_id.type; "cycling", ... for a
 * sport; "sport 77" and the like for numbers not in the tables (buf). */
const char *fit_file_type_name(int type, char *buf, size_t len);
const char *fit_sport_name(int sport, char *buf, size_t len);

#endif
