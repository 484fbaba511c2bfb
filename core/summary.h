/* summary.h - the counts on the top line of the screen. */
#ifndef RAPPORT_SUMMARY_H
#define RAPPORT_SUMMARY_H

#include "db/err.h"

struct db;

struct summary {
	long due;          /* people due for contact (the health rules fill these in) */
	long thanks_owed;  /* done meetings without a thank-you */
	long open_actions; /* action items not done */
};

int summary_counts(struct db *db, struct summary *s, struct rp_err *err);

#endif
