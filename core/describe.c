/* describe.c - see describe.h. */
#include "core/describe.h"

#include <stdio.h>
#include <string.h>

#include "core/person.h"

/* "#3 Dr. Jane Okafor", "#12 Thu 03 Dec 2026 09:00, Dr. Tom Reyes", "#4 Land a job" */
void describe_rec(struct db *db, const struct rec *r, char *buf, size_t n)
{
	char what[200];
	if (r->kind->id == K_MEETING) {
		char who[120];
		size_t used;
		rec_format(r, kind_field_index(r->kind, "start_at"), what, sizeof what);
		person_name(db, rec_int(r, kind_field_index(r->kind, "person_id")), who, sizeof who);
		used = strlen(what);
		snprintf(what + used, sizeof what - used, ", %s", who);
	} else {
		snprintf(what, sizeof what, "%s", rec_str(r, r->kind->title_field) ? rec_str(r, r->kind->title_field) : "");
	}
	what[strcspn(what, "\n")] = '\0';
	snprintf(buf, n, "#%lld %s", (long long)r->id, what);
}

void describe_id(struct db *db, enum kind_id kind, int64_t id, char *buf, size_t n)
{
	struct rec r;
	if (rec_get(db, kind, id, &r, NULL) != RP_OK) {
		snprintf(buf, n, "#%lld ", (long long)id);
		return;
	}
	describe_rec(db, &r, buf, n);
	rec_free(&r);
}
