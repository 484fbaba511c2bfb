/* bulk.c - see bulk.h. */
#include "core/bulk.h"

#include <string.h>

#include "core/contact_cache.h"
#include "core/search_index.h"

static const char *const bulk_tables[] = {"meeting", "action_item", "gratitude"};
#define NBULK (sizeof bulk_tables / sizeof bulk_tables[0])

int bulk_begin(struct db *db, struct bulk *b, struct rp_err *err)
{
	memset(b, 0, sizeof *b);
	if (search_index_pause(db, err) != RP_OK || contact_cache_pause(db, err) != RP_OK)
		return rp_code(err, RP_EDB);
	for (size_t i = 0; i < NBULK; i++)
		if (db_indexes_drop(db, bulk_tables[i], &b->idx[i], err) != RP_OK) {
			while (i > 0) /* the caller's rollback brings them back */
				db_indexes_free(&b->idx[--i]);
			return rp_code(err, RP_EDB);
		}
	return RP_OK;
}

int bulk_end(struct db *db, struct bulk *b, int ok, struct rp_err *err)
{
	int rc = ok ? RP_OK : RP_EDB;
	for (size_t i = 0; i < NBULK; i++) {
		if (rc == RP_OK)
			rc = db_indexes_create(db, &b->idx[i], err);
		else
			db_indexes_free(&b->idx[i]);
	}
	if (rc == RP_OK)
		rc = search_index_resume(db, err);
	if (rc == RP_OK) /* after the meetings' indexes, which it reads */
		rc = contact_cache_resume(db, err);
	return ok ? rc : RP_OK;
}
