/* demo.h - a database to try rapport on, or to measure it with: realistic,
 * reproducible (a seed), and fast at a million meetings (one transaction,
 * the search index filled once at the end). */
#ifndef RAPPORT_DEMO_H
#define RAPPORT_DEMO_H

#include <stdint.h>

#include "db/err.h"

struct db;

struct demo_size {
	long people;   /* 0: the small friendly demo */
	long meetings;
	uint64_t seed;
};

struct demo_counts {
	long people, goals, milestones, meetings, actions, thanks, checkins;
};

/* Fill an empty database.  Person #1 has about 1% of the meetings (the
 * long timeline of a mentor of many years). */
int demo_fill(struct db *db, const struct demo_size *size, struct demo_counts *made,
              struct rp_err *err);

#endif
