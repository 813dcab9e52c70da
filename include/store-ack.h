/*
 * store-ack: acknowledgements of flag episodes, kept in the journal's ack
 * table (schema version 4). An acknowledgement is a rule's name and a day
 * inside the episode it hides; the analysis decides which episode that is
 * (an_episode_acked()), so days logged later never bring it back. Adding
 * and removing them are changes like any other: runlog undo puts them
 * back.
 */
#ifndef RUNLOG_STORE_ACK_H
#define RUNLOG_STORE_ACK_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* The journal version that has the ack table. */
#define STORE_ACK_VERSION 4

struct store_ack {
	int64_t id;
	char    rule[41];      /* "mileage-jump" */
	int     day;           /* a day inside the episode */
	char    at[20];        /* when it was made, UTC "YYYY-MM-DD HH:MM:SS" */
};

/*
 * Every acknowledgement, by rule, day and id, into *out (allocated, free()
 * it) and *n. A journal older than STORE_ACK_VERSION has none. 0, or -1
 * with err_set().
 */
int store_acks(struct store *st, struct store_ack **out, size_t *n);
/*
 * Records rule (a rule's name) on day, in its own undo group "ack RULE".
 * 1 when that rule already has an acknowledgement on that day (nothing is
 * written), 0 when recorded, -1 with err_set().
 */
int store_ack_add(struct store *st, const char *rule, int day);
/*
 * Removes the acknowledgements of rule on days from..to, in one undo
 * group; *removed says how many. 0, or -1 with err_set().
 */
int store_ack_remove(struct store *st, const char *rule, int from, int to,
    int *removed);

#endif
