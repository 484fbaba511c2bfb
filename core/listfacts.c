/* listfacts.c - see listfacts.h.  The rules stay where they live (health.c,
 * person.c); this module only asks them about a page's rows at once. */
#include "core/listfacts.h"

#include <stdlib.h>
#include <string.h>

#include "core/person.h"

static int load_dues(struct db *db, const struct config *cfg, const struct rec *rows,
                     const int64_t *ids, int n, struct row_facts *out, struct rp_err *err)
{
	struct due *dues = calloc((size_t)n, sizeof *dues);
	int rc;
	if (!dues)
		return rp_fail(err, RP_EIO, "out of memory");
	rc = health_due_each(db, cfg, ids, n, dues, err);
	for (int i = 0; rc == RP_OK && i < n; i++)
		out[i].due = dues[i];
	/* in the trash her meetings are too: when we last met, among them */
	for (int i = 0; rc == RP_OK && i < n; i++)
		if (rows[i].deleted_at)
			out[i].due.last_met = person_last_met_trashed(db, ids[i], rows[i].deleted_at);
	free(dues);
	return rc;
}

static int load_names(struct db *db, const int64_t *ids, int n, struct row_facts *out,
                      struct rp_err *err)
{
	const size_t size = sizeof out[0].who;
	char *names = malloc((size_t)n * size);
	int rc;
	if (!names)
		return rp_fail(err, RP_EIO, "out of memory");
	rc = person_names_each(db, ids, n, names, size, err);
	for (int i = 0; rc == RP_OK && i < n; i++)
		memcpy(out[i].who, names + (size_t)i * size, size);
	free(names);
	return rc;
}

int listfacts_load(struct db *db, const struct config *cfg, const struct rec *rows, int n,
                   struct row_facts *out, struct rp_err *err)
{
	const struct kind *k;
	int64_t *ids;
	int ref, rc = RP_OK;
	if (n <= 0)
		return RP_OK;
	memset(out, 0, (size_t)n * sizeof *out);
	k = rows[0].kind;
	ref = kind_ref_field(k, K_PERSON);
	if (!(ids = calloc((size_t)n, sizeof *ids)))
		return rp_fail(err, RP_EIO, "out of memory");
	for (int i = 0; i < n; i++)
		ids[i] = k->id == K_PERSON ? rows[i].id : ref >= 0 ? rec_int(&rows[i], ref) : 0;
	if (k->id == K_PERSON)
		rc = load_dues(db, cfg, rows, ids, n, out, err);
	else if (ref >= 0)
		rc = load_names(db, ids, n, out, err);
	for (int i = 0; rc == RP_OK && k->id == K_GOAL && i < n; i++)
		out[i].progress = health_goal_progress(&rows[i]);
	free(ids);
	if (rc != RP_OK)
		memset(out, 0, (size_t)n * sizeof *out);
	return rc;
}
