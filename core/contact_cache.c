/* contact_cache.c - see contact_cache.h. */
#include "core/contact_cache.h"

#include <stdio.h>

#include "db/db.h"

/* A person's facts from their meetings, each from its partial index
 * (meeting_done_person, meeting_off_person, meeting_planned_person: the
 * same walks as person_last_met and next_planned, in the plans test),
 * stopping at the first hit. */
#define CONTACT_OF(ids)                                                                        \
	"SELECT id, met, off, planned, cadence_days * 86400 + coalesce(met, created_at) AS due"  \
	" FROM"                                                                                   \
	" (SELECT id, cadence_days, created_at,"                                                  \
	"  (SELECT start_at FROM meeting WHERE person_id = p.id AND status = 'done'"            \
	"   AND deleted_at IS NULL ORDER BY start_at DESC LIMIT 1) AS met,"                       \
	"  (SELECT start_at FROM meeting WHERE person_id = p.id"                                 \
	"   AND status IN ('missed', 'cancelled') AND deleted_at IS NULL"                        \
	"   ORDER BY start_at DESC LIMIT 1) AS off,"                                              \
	"  (SELECT start_at FROM meeting WHERE person_id = p.id AND status = 'planned'"         \
	"   AND deleted_at IS NULL ORDER BY start_at DESC LIMIT 1) AS planned"                    \
	"  FROM person AS p" ids ")"
#define CONTACT_KEEP(ids)                                                                      \
	"INSERT OR REPLACE INTO person_contact(person_id, last_met, last_off, last_planned, due_at) " \
	CONTACT_OF(" WHERE p.id IN (" ids ")") "; "

/* Only a change to what the facts are made of moves them (a person's
 * rename writes every meeting of theirs over with itself, for the search
 * index: that is not a change here). */
#define MEETING_MOVED                                                                          \
	" WHEN old.person_id IS NOT new.person_id OR old.status IS NOT new.status"               \
	" OR old.start_at IS NOT new.start_at OR old.deleted_at IS NOT new.deleted_at"

static const struct {
	const char *name, *sql;
} triggers[] = {
	{"contact_meeting_ins", "AFTER INSERT ON meeting BEGIN " CONTACT_KEEP("new.person_id") "END"},
	{"contact_meeting_upd",
	 "AFTER UPDATE OF person_id, status, start_at, deleted_at ON meeting" MEETING_MOVED
	 " BEGIN " CONTACT_KEEP("old.person_id, new.person_id") "END"},
	{"contact_meeting_del", "AFTER DELETE ON meeting BEGIN " CONTACT_KEEP("old.person_id") "END"},
	{"contact_person_ins", "AFTER INSERT ON person BEGIN " CONTACT_KEEP("new.id") "END"},
	{"contact_person_upd",
	 "AFTER UPDATE OF cadence_days, created_at ON person BEGIN " CONTACT_KEEP("new.id") "END"},
	{"contact_person_del",
	 "AFTER DELETE ON person BEGIN DELETE FROM person_contact WHERE person_id = old.id; END"},
};

int contact_cache_trigger(int i, char *name, size_t name_n, char *sql, size_t n)
{
	if (i < 0 || i >= (int)(sizeof triggers / sizeof triggers[0]))
		return 0;
	snprintf(name, name_n, "%s", triggers[i].name);
	return snprintf(sql, n, "CREATE TRIGGER %s %s", triggers[i].name, triggers[i].sql) < (int)n
	           ? 1
	           : -1;
}

static int fill(struct db *db, struct rp_err *err)
{
	if (db_exec(db,
	            "DELETE FROM person_contact;"
	            "INSERT INTO person_contact(person_id, last_met, last_off, last_planned, due_at) "
	            CONTACT_OF(""),
	            err) != RP_OK)
		return rp_code(err, RP_EDB);
	return RP_OK;
}

static const struct db_trigger_set contact_set = {"each person's last contact", "contact\\_%",
                                                  contact_cache_trigger, fill};

int contact_cache_ensure(struct db *db, struct rp_err *err)
{
	return db_triggers_ensure(db, &contact_set, err);
}

int contact_cache_pause(struct db *db, struct rp_err *err)
{
	return db_triggers_pause(db, &contact_set, err);
}

int contact_cache_resume(struct db *db, struct rp_err *err)
{
	return db_triggers_resume(db, &contact_set, err);
}

int contact_cache_check(struct db *db, long *wrong, int *triggers_ok, struct rp_err *err)
{
	int64_t n = 0;
	int rc = db_triggers_current(db, &contact_set, err);
	if (rc < 0)
		return rp_code(err, RP_EDB);
	*triggers_ok = rc;
	/* a person whose row is missing or differs, and a row with no person */
	if (db_one_int(db,
	               "SELECT (SELECT count(*) FROM (" CONTACT_OF("") ") AS f"
	               " LEFT JOIN person_contact AS c ON c.person_id = f.id"
	               " WHERE c.person_id IS NULL OR c.last_met IS NOT f.met OR c.last_off IS NOT f.off"
	               " OR c.last_planned IS NOT f.planned"
	               " OR c.due_at IS NOT f.due)"
	               " + (SELECT count(*) FROM person_contact WHERE person_id NOT IN"
	               " (SELECT id FROM person))",
	               &n, err, 0) == DB_FAIL)
		return rp_code(err, RP_EDB);
	*wrong = (long)n;
	return RP_OK;
}
