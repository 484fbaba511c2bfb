/* listfacts.h - what a list row shows beside its own fields: when a person
 * was last met and whether contact is due, a goal's progress, the name of
 * the person a row is about.  Read for a whole page at once (a query per
 * fact, not per row), when the page loads, so that drawing never queries. */
#ifndef RAPPORT_LISTFACTS_H
#define RAPPORT_LISTFACTS_H

#include "core/config.h"
#include "core/health.h"
#include "core/rec.h"

struct row_facts {
	struct due due; /* a person: contact due, last met */
	int progress;   /* a goal: percent, by the goal rule */
	char who[120];  /* a row about a person: their name */
};

/* out[i] for rows[i] (all of one kind); all zero where a fact does not
 * apply.  On failure out is zeroed too. */
int listfacts_load(struct db *db, const struct config *cfg, const struct rec *rows, int n,
                   struct row_facts *out, struct rp_err *err);

#endif
