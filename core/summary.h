/* summary.h - the counts on the top line of the screen. */
#ifndef RAPPORT_SUMMARY_H
#define RAPPORT_SUMMARY_H

#include "core/config.h"
#include "db/err.h"

struct db;

struct summary {
	long due;          /* people due soon or overdue for contact */
	long thanks_owed;  /* done meetings without a thank-you */
	long open_actions; /* action items not done */
};

int summary_counts(struct db *db, const struct config *cfg, struct summary *s, struct rp_err *err);

#endif
