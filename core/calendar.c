/* calendar.c - see calendar.h. */
#include "core/calendar.h"
#include "core/when.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/clock.h"
#include "core/ical_lib.h"
#include "core/person.h"
#include "core/rec.h"
#include "db/db.h"

#define MAX_ICS (64L << 20) /* bytes read from a calendar file */
#define PRODID "-//rapport//rapport 0.1//EN"

static int field(const struct rec *r, const char *col) { return kind_field_index(r->kind, col); }

/* Render a component and write it (libical folds at 75 octets and
 * escapes); `cut` drops that many bytes from the end (a calendar's END). */
static int put_component(icalcomponent *c, FILE *out, size_t cut)
{
	char *text = ICAL(icalcomponent_as_ical_string_r)(c);
	size_t len;
	int rc;
	if (!text)
		return -1;
	len = strlen(text);
	rc = fwrite(text, 1, len > cut ? len - cut : 0, out) == (len > cut ? len - cut : 0) ? 0 : -1;
	free(text);
	return rc;
}

static icalcomponent *event_of(struct db *db, const struct rec *m)
{
	icaltimezone *utc = ICAL(icaltimezone_get_utc_timezone)();
	icalcomponent *ev = ICAL(icalcomponent_new)(ICAL_VEVENT_COMPONENT);
	int64_t start = rec_int(m, field(m, "start_at"));
	int64_t end = start + 60 * rec_int(m, field(m, "duration_min"));
	char uid[80], who[200], summary[260];
	const char *status = rec_text(m, "status");

	snprintf(uid, sizeof uid, "%s@rapport", m->uuid);
	person_name(db, rec_int(m, field(m, "person_id")), who, sizeof who);
	snprintf(summary, sizeof summary, "Meeting with %s", who);
	ICAL(icalcomponent_add_property)(ev, ICAL(icalproperty_new_uid)(uid));
	ICAL(icalcomponent_add_property)(
		ev, ICAL(icalproperty_new_dtstamp)(
			ICAL(icaltime_from_timet_with_zone)((time_t)clock_now(), 0, utc)));
	ICAL(icalcomponent_add_property)(
		ev, ICAL(icalproperty_new_dtstart)(ICAL(icaltime_from_timet_with_zone)((time_t)start, 0, utc)));
	ICAL(icalcomponent_add_property)(
		ev, ICAL(icalproperty_new_dtend)(ICAL(icaltime_from_timet_with_zone)((time_t)end, 0, utc)));
	ICAL(icalcomponent_add_property)(ev, ICAL(icalproperty_new_summary)(summary));
	if (*rec_text(m, "location"))
		ICAL(icalcomponent_add_property)(ev, ICAL(icalproperty_new_location)(rec_text(m, "location")));
	if (*rec_text(m, "agenda"))
		ICAL(icalcomponent_add_property)(ev, ICAL(icalproperty_new_description)(rec_text(m, "agenda")));
	ICAL(icalcomponent_add_property)(
		ev, ICAL(icalproperty_new_status)(strcmp(status, "cancelled") == 0 ? ICAL_STATUS_CANCELLED
		                                                               : ICAL_STATUS_CONFIRMED));
	return ev;
}

/* libical writes times up to the end of the year 3000 (later ones come out
 * as 00000000T000000): a meeting beyond is said, not written wrong. */
#define ICAL_LAST_SECOND 32535215999LL /* 3000-12-31 23:59:59 UTC */
static int within_ical_years(const struct rec *m, struct rp_err *err)
{
	int64_t start = rec_int(m, field(m, "start_at"));
	int64_t end = start + 60 * rec_int(m, field(m, "duration_min"));
	char when[64];
	if (end <= ICAL_LAST_SECOND)
		return RP_OK;
	fmt_instant(start, when, sizeof when);
	return rp_fail(err, RP_EINVAL,
	               "meeting #%lld (%s) is after the year 3000, which iCalendar as libical writes"
	               " it does not reach; change its date, or export it as JSON",
	               (long long)m->id, when);
}

int calendar_export(struct db *db, FILE *out, int64_t person, int all, struct rp_err *err)
{
	icalcomponent *cal;
	struct db_stmt *st;
	int64_t after = 0;
	int rc = RP_OK;

	if (ical_lib_load(err) != RP_OK)
		return rp_code(err, RP_EIO);
	cal = ICAL(icalcomponent_new)(ICAL_VCALENDAR_COMPONENT);

	ICAL(icalcomponent_add_property)(cal, ICAL(icalproperty_new_version)("2.0"));
	ICAL(icalcomponent_add_property)(cal, ICAL(icalproperty_new_prodid)(PRODID));
	/* the calendar's head without its END line, then the events one by one */
	if (put_component(cal, out, strlen("END:VCALENDAR\r\n")) != 0)
		rc = rp_fail(err, RP_EIO, "cannot write the calendar");
	ICAL(icalcomponent_free)(cal);
	while (rc == RP_OK) {
		int64_t ids[500];
		int n = 0, step;
		if (db_prepare(db,
		               "SELECT id FROM meeting WHERE deleted_at IS NULL AND id > ?1"
		               " AND (?2 = 0 OR person_id = ?2) AND (?3 OR status = 'planned')"
		               " ORDER BY id LIMIT 500",
		               &st, err))
			return rp_code(err, RP_EDB);
		db_bind_int(st, 1, after);
		db_bind_int(st, 2, person);
		db_bind_int(st, 3, all);
		while ((step = db_step(st, err)) == DB_ROW)
			ids[n++] = db_col_int(st, 0);
		db_release(st);
		if (step == DB_FAIL)
			return rp_code(err, RP_EDB);
		for (int i = 0; i < n && rc == RP_OK; i++) {
			struct rec m;
			icalcomponent *ev;
			if (rec_get(db, K_MEETING, ids[i], &m, err) != RP_OK)
				return rp_code(err, RP_EDB);
			if ((rc = within_ical_years(&m, err)) != RP_OK) {
				rec_free(&m);
				break;
			}
			ev = event_of(db, &m);
			if (put_component(ev, out, 0) != 0)
				rc = rp_fail(err, RP_EIO, "cannot write the calendar");
			ICAL(icalcomponent_free)(ev);
			rec_free(&m);
		}
		if (n < 500)
			break;
		after = ids[n - 1];
	}
	if (rc == RP_OK && (fputs("END:VCALENDAR\r\n", out) == EOF || ferror(out)))
		rc = rp_fail(err, RP_EIO, "cannot write the calendar");
	return rc;
}

/* --- import */

/* A stable uuid for an event: ours back from "<uuid>@rapport", else made
 * from the UID (two FNV-1a hashes), so the same event maps to the same row. */
static void uuid_for(const char *uid, char out[40])
{
	uint64_t h1 = 1469598103934665603ULL, h2 = 0x84222325cbf29ce4ULL;
	const char *at = strstr(uid, "@rapport");
	if (at && at - uid == 36) {
		snprintf(out, 40, "%.36s", uid);
		return;
	}
	for (const unsigned char *p = (const unsigned char *)uid; *p; p++) {
		h1 = (h1 ^ *p) * 1099511628211ULL;
		h2 = (h2 ^ *p) * 0x100000001b3ULL + 7;
	}
	snprintf(out, 40, "%08x-%04x-8%03x-%04x-%012llx", (unsigned)(h1 >> 32),
	         (unsigned)(h1 >> 16) & 0xffff, (unsigned)h1 & 0xfff,
	         (unsigned)((h2 >> 48) & 0x3fff) | 0x8000, (unsigned long long)(h2 & 0xffffffffffffULL));
}

static int find_or_add_person(struct db *db, const char *name, int64_t *id,
                              struct import_report *rep, struct rp_err *err);

/* The person an event is with: the first attendee's name, or the summary's
 * "Meeting with NAME", or the summary itself; made when nobody has it. */
static int person_of(struct db *db, icalcomponent *ev, int64_t *id, struct import_report *rep,
                     struct rp_err *err)
{
	icalproperty *att = ICAL(icalcomponent_get_first_property)(ev, ICAL_ATTENDEE_PROPERTY);
	icalparameter *cn = att ? ICAL(icalproperty_get_first_parameter)(att, ICAL_CN_PARAMETER) : NULL;
	const char *summary = ICAL(icalcomponent_get_summary)(ev), *from;
	char *name;
	int rc;

	if (cn && ICAL(icalparameter_get_cn)(cn))
		from = ICAL(icalparameter_get_cn)(cn);
	else if (summary && strncasecmp(summary, "Meeting with ", 13) == 0)
		from = summary + 13;
	else
		from = summary && *summary ? summary : "Someone from a calendar";
	/* whole: a name too long is refused by the person's own rule, as from
	 * JSON or CSV, never cut (a cut could split a character) */
	if (!(name = strdup(from)))
		return rp_fail(err, RP_EIO, "out of memory");
	name[strcspn(name, "\r\n")] = '\0';
	rc = find_or_add_person(db, name, id, rep, err);
	free(name);
	return rc;
}

static int find_or_add_person(struct db *db, const char *name, int64_t *id,
                              struct import_report *rep, struct rp_err *err)
{
	struct db_stmt *st;
	struct rec p;
	int rc;

	if (db_prepare(db,
	               "SELECT id FROM person WHERE deleted_at IS NULL AND name = ?1 COLLATE NOCASE"
	               " ORDER BY id LIMIT 1",
	               &st, err))
		return rp_code(err, RP_EDB);
	db_bind_text(st, 1, name);
	rc = db_step(st, err);
	*id = rc == DB_ROW ? db_col_int(st, 0) : 0;
	db_release(st);
	if (rc == DB_FAIL)
		return rp_code(err, RP_EDB);
	if (*id)
		return RP_OK;
	rec_init(&p, K_PERSON);
	if (rec_set(db, &p, 0, name, err) != RP_OK || rec_insert(db, &p, err) != RP_OK) {
		rec_free(&p);
		return rp_code(err, RP_EINVAL);
	}
	*id = p.id;
	rep->added++;
	rec_free(&p);
	return RP_OK;
}

/* Is t, in zone, the wall time w (to the minute)? */
static int wall_is(int64_t t, icaltimezone *zone, const struct icaltimetype *w)
{
	struct icaltimetype at = ICAL(icaltime_from_timet_with_zone)((time_t)t, 0, zone);
	return at.year == w->year && at.month == w->month && at.day == w->day &&
	       at.hour == w->hour && at.minute == w->minute;
}

/* Seconds of a wall time read as if it were UTC. */
static int64_t wall_seconds(struct icaltimetype w)
{
	w.zone = NULL;
	w.is_date = 0;
	return (int64_t)ICAL(icaltime_as_timet)(w);
}

/* A wall time in a zone the file defines, by the command line's rule: in
 * the autumn overlap the first of the two; in the spring gap the moment it
 * would be had the clocks not jumped (the offset of the day before), and
 * *moved set. */
static int64_t zone_instant(struct icaltimetype w, icaltimezone *zone, int *moved)
{
	int64_t t = (int64_t)ICAL(icaltime_as_timet_with_zone)(w, zone), before;
	*moved = 0;
	for (int64_t back = 7200; back >= 1800; back -= 1800) /* shifts: 30 min to 2 h */
		if (wall_is(t - back, zone, &w))
			return t - back;
	if (wall_is(t, zone, &w))
		return t;
	before = t - 86400;
	*moved = 1;
	return wall_seconds(w) -
	       (wall_seconds(ICAL(icaltime_from_timet_with_zone)((time_t)before, 0, zone)) - before);
}

/* A zone as people name it: "Europe/Berlin", not libical's
 * "/freeassociation.sourceforge.net/Europe/Berlin". */
static const char *zone_name(icaltimezone *zone)
{
	const char *loc = ICAL(icaltimezone_get_location)(zone), *id = ICAL(icaltimezone_get_tzid)(zone);
	const char *prefix = "/freeassociation.sourceforge.net/";
	if (loc && *loc)
		return loc;
	if (id && strncmp(id, prefix, strlen(prefix)) == 0)
		return id + strlen(prefix);
	return id ? id : "its zone";
}

/* The instant an event starts (or ends): UTC, a zone the file defines, or
 * (floating) local time as the command line reads it.  A time the clocks
 * skip is taken as the moment it would be, and the import says so (when
 * rep is given). */
static int start_instant(struct icaltimetype start, icaltimezone *zone, const char *where,
                         int64_t *t0, struct import_report *rep, struct rp_err *err)
{
	struct when w = {start.year, start.month, start.day, 1, start.hour, start.minute};
	time_t t;
	struct tm tm;
	int moved = 0;
	if (zone && zone == ICAL(icaltimezone_get_utc_timezone)() && !start.is_date) {
		*t0 = (int64_t)ICAL(icaltime_as_timet_with_zone)(start, zone);
		return RP_OK;
	}
	if (start.is_date) { /* a day has no zone: it starts at the user's midnight */
		w.hour = w.minute = 0;
		zone = NULL;
	}
	if (zone) {
		*t0 = zone_instant(start, zone, &moved);
		if (moved) {
			struct icaltimetype at = ICAL(icaltime_from_timet_with_zone)((time_t)*t0, 0, zone);
			tm.tm_hour = at.hour;
			tm.tm_min = at.minute;
		}
	} else {
		if (when_to_instant_or_moved(&w, &t, &moved, err) != RP_OK)
			return rp_prefix(err, RP_EINVAL, where, "; nothing was imported");
		*t0 = (int64_t)t;
		if (moved && local_tm(*t0, &tm) != 0)
			tm.tm_hour = tm.tm_min = 0;
	}
	if (moved && rep) /* said of the start; an end moved with it goes unsaid */
		import_note(rep,
		            "%s: %04d-%02d-%02d %02d:%02d does not exist %s%s (the clocks skip it):"
		            " taken as %02d:%02d, the same moment",
		            where, start.year, start.month, start.day, start.hour, start.minute,
		            zone ? "in " : "here", zone ? zone_name(zone) : "", tm.tm_hour, tm.tm_min);
	return RP_OK;
}

/* When an event starts (t0) and how long it lasts (the end by DTEND, or
 * DTSTART + DURATION, in its own zone; 30 minutes without one). */
static int event_times(icalcomponent *ev, const char *where, struct import_report *rep,
                       int64_t *t0, long *minutes, struct rp_err *err)
{
	struct icaltimetype start = ICAL(icalcomponent_get_dtstart)(ev);
	struct icaltimetype end = ICAL(icalcomponent_get_dtend)(ev);
	icaltimezone *zone;
	*minutes = 30;
	if (ICAL(icaltime_is_null_time)(start))
		return rp_fail(err, RP_EINVAL, "%s: an event without a start (DTSTART); nothing was imported",
		               where);
	/* checked on the date itself: a conversion of one out of range gives -1,
	 * which would pass for a second before 1970 */
	if (start.year < 1900 || start.year > 9999)
		return rp_fail(err, RP_EINVAL,
		               "%s: starts in the year %d; times are kept between 1900 and 9999;"
		               " nothing was imported",
		               where, start.year);
	/* a floating time is local time; a TZID or Z says otherwise */
	zone = start.zone ? (icaltimezone *)start.zone
	                  : ICAL(icaltime_is_utc)(start) ? ICAL(icaltimezone_get_utc_timezone)() : NULL;
	if (start_instant(start, zone, where, t0, rep, err) != RP_OK)
		return rp_code(err, RP_EINVAL);
	/* the end by the same rule as the start: a floating end is local too */
	if (!ICAL(icaltime_is_null_time)(end)) {
		icaltimezone *end_zone = end.zone ? (icaltimezone *)end.zone
		                         : ICAL(icaltime_is_utc)(end) ? ICAL(icaltimezone_get_utc_timezone)()
		                                                : NULL;
		int64_t t1 = *t0;
		if (start_instant(end, end_zone, where, &t1, NULL, err) == RP_OK && t1 > *t0)
			*minutes = (long)((t1 - *t0) / 60);
	}
	if (*minutes < 1 || *minutes > 1440)
		*minutes = *minutes < 1 ? 1 : 1440;
	return RP_OK;
}

/* The meeting an event becomes: with person, at t0, for minutes, where
 * and what it says; cancelled when it was. */
static int event_meeting(struct db *db, icalcomponent *ev, int64_t person, int64_t t0,
                         long minutes, struct rec *m, struct rp_err *err)
{
	const char *loc = ICAL(icalcomponent_get_location)(ev);
	const char *desc = ICAL(icalcomponent_get_description)(ev);
	int rc;
	rec_init(m, K_MEETING);
	rc = rec_set_int(m, field(m, "person_id"), person, err);
	if (rc == RP_OK)
		rc = rec_set_int(m, field(m, "start_at"), t0, err);
	if (rc == RP_OK)
		rc = rec_set_int(m, field(m, "duration_min"), minutes, err);
	if (rc == RP_OK && loc && *loc)
		rc = rec_set(db, m, field(m, "location"), loc, err);
	if (rc == RP_OK && desc && *desc)
		rc = rec_set(db, m, field(m, "agenda"), desc, err);
	/* a status left empty is the kind's own (done once its time has come) */
	if (rc == RP_OK && ICAL(icalcomponent_get_status)(ev) == ICAL_STATUS_CANCELLED)
		rc = rec_set(db, m, field(m, "status"), "cancelled", err);
	return rc;
}

/* The meeting imported before with this uuid (the event's UID), or 0. */
static int64_t meeting_by_uuid(struct db *db, const char *uuid)
{
	struct db_stmt *st;
	int64_t id = 0;
	if (db_prepare(db, "SELECT id FROM meeting WHERE uuid = ?1", &st, NULL) == RP_OK) {
		db_bind_text(st, 1, uuid);
		if (db_step(st, NULL) == DB_ROW)
			id = db_col_int(st, 0);
		db_release(st);
	}
	return id;
}

static int import_event(struct db *db, icalcomponent *ev, const char *where,
                        struct import_report *rep, struct rp_err *err)
{
	const char *uid = ICAL(icalcomponent_get_uid)(ev);
	struct rec m;
	char uuid[40];
	int64_t t0 = 0, person = 0;
	long minutes;
	int rc;

	if ((rc = event_times(ev, where, rep, &t0, &minutes, err)) != RP_OK)
		return rc;
	uuid_for(uid && *uid ? uid : where, uuid);
	if ((rc = person_of(db, ev, &person, rep, err)) != RP_OK)
		return rp_prefix(err, (enum rp_code)rc, where, "; nothing was imported");
	if (event_meeting(db, ev, person, t0, minutes, &m, err) != RP_OK) {
		rec_free(&m);
		return rp_prefix(err, RP_EINVAL, where, "; nothing was imported");
	}
	if (meeting_by_uuid(db, uuid)) { /* known already (the same UID): left as it is */
		rep->unchanged++;
		rec_free(&m);
		return RP_OK;
	}
	snprintf(m.uuid, sizeof m.uuid, "%s", uuid);
	m.created_at = m.updated_at = clock_now();
	rc = rec_fill_auto(&m, err);
	if (rc == RP_OK)
		rc = rec_write_raw(db, &m, 0, err);
	rec_free(&m);
	if (rc != RP_OK)
		return rp_code(err, RP_EDB);
	rep->added++;
	return RP_OK;
}

int calendar_import_text(struct db *db, const char *text, const char *name,
                         struct import_report *rep, struct rp_err *err)
{
	icalcomponent *cal, *ev;
	int rc = RP_OK, n = 0;
	memset(rep, 0, sizeof *rep);
	if (ical_lib_load(err) != RP_OK)
		return rp_code(err, RP_EIO);
	cal = ICAL(icalparser_parse_string)(text);
	if (!cal)
		return rp_fail(err, RP_EINVAL, "%s: not an iCalendar file", name);
	/* a file may hold one calendar, or a bare event */
	if (ICAL(icalcomponent_isa)(cal) != ICAL_VCALENDAR_COMPONENT &&
	    ICAL(icalcomponent_isa)(cal) != ICAL_VEVENT_COMPONENT) {
		ICAL(icalcomponent_free)(cal);
		return rp_fail(err, RP_EINVAL, "%s: no calendar (BEGIN:VCALENDAR) in it", name);
	}
	if (db_begin(db, err) != RP_OK) {
		ICAL(icalcomponent_free)(cal);
		return rp_code(err, RP_EDB);
	}
	ev = ICAL(icalcomponent_isa)(cal) == ICAL_VEVENT_COMPONENT
	         ? cal
	         : ICAL(icalcomponent_get_first_component)(cal, ICAL_VEVENT_COMPONENT);
	for (; ev && rc == RP_OK;
	     ev = ev == cal ? NULL
	                    : ICAL(icalcomponent_get_next_component)(cal, ICAL_VEVENT_COMPONENT)) {
		char where[300];
		snprintf(where, sizeof where, "%s: event %d", name, ++n);
		rc = import_event(db, ev, where, rep, err);
	}
	ICAL(icalcomponent_free)(cal);
	if (rc == RP_OK && n == 0)
		rc = rp_fail(err, RP_EINVAL, "%s: no events (VEVENT) in it", name);
	if (rc != RP_OK) {
		db_rollback(db);
		memset(rep, 0, sizeof *rep);
		return rc;
	}
	return db_commit(db, err);
}

int calendar_import(struct db *db, const char *path, struct import_report *rep,
                    struct rp_err *err)
{
	FILE *f = fopen(path, "rb");
	char *text;
	long len;
	int rc;
	if (!f)
		return rp_fail(err, RP_ENOTFOUND, "%s: cannot read it", path);
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || len > MAX_ICS ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return rp_fail(err, RP_EINVAL, "%s: too large for a calendar (at most %ld MB)", path,
		               MAX_ICS >> 20);
	}
	text = malloc((size_t)len + 1);
	if (!text || fread(text, 1, (size_t)len, f) != (size_t)len) {
		free(text);
		fclose(f);
		return rp_fail(err, RP_EIO, "%s: cannot read it", path);
	}
	fclose(f);
	text[len] = '\0';
	rc = calendar_import_text(db, text, path, rep, err);
	free(text);
	return rc;
}
