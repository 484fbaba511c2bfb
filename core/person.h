/* person.h - finding people by what a user types, and facts about them that
 * lists show. */
#ifndef RAPPORT_PERSON_H
#define RAPPORT_PERSON_H

#include <stddef.h>
#include <stdint.h>

#include "db/err.h"

struct rec;

struct db;

/* An id, or a part of a name (case-insensitive).  A name that matches several
 * people is an error listing them, unless one matches exactly. Only people
 * outside the trash are found. */
int person_resolve(struct db *db, const char *text, int64_t *id, struct rp_err *err);
/* The person's name ("" when unknown). */
void person_name(struct db *db, int64_t id, char *buf, size_t n);
/* The names of n people in one query (a page of a list): the one of ids[i]
 * at names + i * size ("" when unknown). */
int person_names_each(struct db *db, const int64_t *ids, int n, char *names, size_t size,
                      struct rp_err *err);
/* Start of the last done meeting, or 0 when none. */
int64_t person_last_met(struct db *db, int64_t id);
/* The same for a person in the trash (put there at trashed_at): among the
 * meetings that went with her, which are no contact while she is there. */
int64_t person_last_met_trashed(struct db *db, int64_t id, int64_t trashed_at);

/* What the live people of the file are called together, for a pane's
 * title: "Mentors" when every one is a mentor, "Mentees", "Peers", and
 * "People" when they are mixed or there is nobody yet. */
const char *person_group_title(struct db *db);
/* The role they all share ("mentee"), or NULL when mixed or nobody. */
const char *person_group_role(struct db *db);
/* A new person (r, just initialised) in a file of one role starts in it:
 * a person added among mentees is a mentee, on every face. */
void person_start(struct db *db, struct rec *r);

#endif
