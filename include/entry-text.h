/*
 * entry-text: an entry as one line of plain text, the way `runlog show`
 * prints it: the kind, its numbers in the user's units, what was given of
 * the optional fields, and the note in quotes. Every text taken from the
 * entry is sanitised, so the line is safe on a terminal. Any screen that
 * lists entries (History) can use the same line.
 */
#ifndef RUNLOG_ENTRY_TEXT_H
#define RUNLOG_ENTRY_TEXT_H

#include "entry.h"
#include "units.h"
#include "util.h"

/*
 * Appends entry e of kind k (a struct run * for ENTRY_RUN, ...) to out,
 * without its id and without a line break:
 * "run      10.00 km  52:30  5:15 /km  easy  RPE 5".
 */
void entry_text_line(enum entry_kind k, const void *e, enum dist_unit du,
    enum vol_unit vu, struct buf *out);

#endif
