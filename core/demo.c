/* demo.c - see demo.h.  Rows go in through prepared statements with bound
 * values, not through rec_set: the values are made here, already valid. */
#include "core/demo.h"

#include <stdio.h>
#include <string.h>

#include "core/bulk.h"
#include "core/clock.h"
#include "core/when.h"
#include "db/db.h"

#define DAY 86400

static const char *const first[] = {
	"Jane", "Tom", "Amélie", "Ama", "Lee", "Sofia", "Mateo", "Aisha", "Jonas", "Ingrid", "Kwame",
	"Zoë", "Björn", "Chiara", "Dmitri", "Fatima", "Hiro", "Noor", "Olusegun", "Priya", "Rafael",
	"Siobhan", "Tanvir", "Yusuf", "芳", "伟", "美咲", "Łukasz", "Şebnem", "Ngozi"};
static const char *const last[] = {
	"Okafor", "Reyes", "Durand", "Mensah", "Park", "García", "Nakamura", "Haddad", "Müller",
	"Lindqvist", "Boateng", "Kowalski", "O'Brien", "Rossi", "Ivanova", "王", "李", "佐藤",
	"Adeyemi", "Sharma", "Costa", "Nguyễn", "Yılmaz", "Papadopoulos", "Fernández"};
static const char *const orgs[] = {
	"St. Mary's Hospital", "City General", "Hôpital Saint-Louis", "Mercy Medical Center",
	"University Hospital", "Royal Infirmary", "Karolinska", "Charité", "Regional Health",
	"Children's Hospital", "Veterans Medical Center", "Community Clinic"};
static const char *const specialties[] = {"Internal medicine", "Hospital medicine",
                                          "Cardiology", "Emergency medicine", "Pediatrics",
                                          "Family medicine", "Oncology", "Psychiatry"};
static const char *const met_via[] = {"own network", "professional organization",
                                      "interest group", "outreach", "residency program"};
static const char *const topics[] = {
	"the job market", "my CV", "interview practice", "networking at the conference",
	"an introduction to the hiring manager", "the hospitalist track", "research options",
	"work-life balance", "negotiating the contract", "letters of recommendation",
	"the fellowship application", "a difficult week on call", "mentoring students"};
static const char *const phrases[] = {
	"We talked about", "Advice:", "Next time we look at", "She suggested", "He offered help with",
	"Agreed to follow up on", "Useful point about", "Worried about", "Good news on",
	"Practised answers on", "Read through", "Made a plan for"};
static const char *const actions[] = {
	"Send the CV", "Write to the programme director", "Rehearse the research answer",
	"Ask for a letter of recommendation", "Apply to three openings", "Book the next call",
	"Read the article she sent", "Update the LinkedIn profile", "Introduce me to a colleague",
	"Review the contract"};

struct rng {
	uint64_t s;
};

static uint64_t next(struct rng *r)
{
	/* xorshift64*: small, fast, and the same everywhere for a seed */
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 2685821657736338717ULL;
}

static long below(struct rng *r, long n) { return n > 0 ? (long)(next(r) % (uint64_t)n) : 0; }
#define PICK(r, a) (a)[below(r, (long)(sizeof(a) / sizeof((a)[0])))]

static void make_uuid(struct rng *r, char out[40])
{
	uint64_t a = next(r), b = next(r);
	snprintf(out, 40, "%08x-%04x-4%03x-%04x-%012llx", (unsigned)(a >> 32),
	         (unsigned)(a >> 16) & 0xffff, (unsigned)a & 0xfff,
	         (unsigned)((b >> 48) & 0x3fff) | 0x8000, (unsigned long long)(b & 0xffffffffffffULL));
}

/* Notes of a few hundred bytes to a few KB, in the users' words. */
static void make_notes(struct rng *r, char *buf, size_t n, int sentences)
{
	size_t used = 0;
	for (int i = 0; i < sentences && used + 200 < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s %s, and %s.", i ? " " : "",
		                         PICK(r, phrases), PICK(r, topics), PICK(r, topics));
}

static int run(struct db *db, const char *sql, struct db_stmt **st, struct rp_err *err)
{
	return db_prepare(db, sql, st, err) == RP_OK ? RP_OK : rp_code(err, RP_EDB);
}

static int step_done(struct db_stmt *st, struct rp_err *err)
{
	int rc = db_step(st, err);
	db_release(st);
	return rc == DB_FAIL ? rp_code(err, RP_EDB) : RP_OK;
}

/* The same day, its 24 hours folded into 08:00-18:00 (UTC) on the half
 * hour; the order of the instants is kept. */
static int64_t working_hours(int64_t t)
{
	int64_t day = t - t % DAY, in_day = (t % DAY) * 10 / 24;
	return day + (int64_t)8 * 3600 + in_day - in_day % 1800;
}

/* What the filling shares: the random stream (one, in one order, so a
 * seed gives the same data), the sizes and the clock. */
struct demo {
	struct db *db;
	struct rng r;
	int small;
	long people, meetings, goals;
	int64_t now, span;
	struct demo_counts *c;
};

/* The people: mentors mostly, a few mentees and peers. */
static int fill_people(struct demo *dm, struct rp_err *err)
{
	char uuid[40], text[4096], name[200];
	struct db_stmt *st;
	for (long i = 1; i <= dm->people; i++) {
		static const char *const roles[] = {"mentor", "mentor", "mentor", "mentee", "peer"};
		static const char *const stages[] = {"active", "active", "active", "contacted",
		                                     "prospect", "paused", "alumni"};
		make_uuid(&dm->r, uuid);
		snprintf(name, sizeof name, "Dr. %s %s", PICK(&dm->r, first), PICK(&dm->r, last));
		if (run(dm->db,
		        "INSERT INTO person(id, uuid, name, role, stage, title, specialty, organization,"
		        " met_via, cadence_days, expectations, created_at, updated_at)"
		        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
		        &st, err))
			return rp_code(err, RP_EDB);
		db_bind_int(st, 1, i);
		db_bind_text(st, 2, uuid);
		db_bind_text(st, 3, name);
		db_bind_text(st, 4, i == 1 ? "mentor" : PICK(&dm->r, roles));
		db_bind_text(st, 5, i <= 3 ? "active" : PICK(&dm->r, stages));
		db_bind_text(st, 6, below(&dm->r, 2) ? "Attending physician" : "Program director");
		db_bind_text(st, 7, PICK(&dm->r, specialties));
		db_bind_text(st, 8, PICK(&dm->r, orgs));
		db_bind_text(st, 9, PICK(&dm->r, met_via));
		db_bind_int(st, 10, (long[]){14, 21, 30, 30, 60, 90}[below(&dm->r, 6)]);
		snprintf(text, sizeof text, "Meet about %s and %s.", PICK(&dm->r, topics), PICK(&dm->r, topics));
		db_bind_text(st, 11, text);
		db_bind_int(st, 12, dm->now - dm->span - DAY);
		if (step_done(st, err))
			return rp_code(err, RP_EDB);
		dm->c->people++;
	}
	return RP_OK;
}

/* The meetings over the years, with an action item for every third and a
 * thank-you for every fourth. */
static int fill_meetings(struct demo *dm, struct rp_err *err)
{
	char uuid[40], text[4096], name[200], day[DATE_LEN];
	struct db_stmt *st;
	for (long i = 1; i <= dm->meetings; i++) {
		/* person 1: about 1% of all dm->meetings; the rest spread out */
		long who = below(&dm->r, 100) == 0 ? 1 : 1 + below(&dm->r, dm->people);
		long nfuture = dm->small ? 4 : dm->meetings / 200, k = i - (dm->meetings - nfuture);
		int future = k > 0;
		/* the past spread over the years, the planned ones over the weeks to
		 * come (a week for the dm->small demo), all in working hours */
		int64_t start = future ? dm->now + DAY + (int64_t)(dm->small ? 7 : 60) * DAY * k / (nfuture + 1)
		                       : dm->now - dm->span + dm->span * i / (dm->meetings + 1);
		start = working_hours(start);
		make_uuid(&dm->r, uuid);
		make_notes(&dm->r, text, sizeof text, 2 + (int)below(&dm->r, dm->small ? 3 : 12));
		if (run(dm->db,
		        "INSERT INTO meeting(id, uuid, person_id, start_at, duration_min, location,"
		        " agenda, notes, status, created_at, updated_at)"
		        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
		        &st, err))
			return rp_code(err, RP_EDB);
		db_bind_int(st, 1, i);
		db_bind_text(st, 2, uuid);
		db_bind_int(st, 3, who);
		db_bind_int(st, 4, start);
		db_bind_int(st, 5, (long[]){30, 30, 45, 60}[below(&dm->r, 4)]);
		db_bind_text(st, 6, below(&dm->r, 3) ? "Video call" : PICK(&dm->r, orgs));
		{
			long t1 = below(&dm->r, (long)(sizeof topics / sizeof topics[0])), t2 = (t1 + 1 + below(&dm->r, 5)) %
			          (long)(sizeof topics / sizeof topics[0]);
			snprintf(name, sizeof name, "%s; %s", topics[t1], topics[t2]);
		}
		name[0] = (char)(name[0] - 'a' + 'A');
		db_bind_text(st, 7, name);
		db_bind_text(st, 8, future ? NULL : text);
		db_bind_text(st, 9, future ? "planned" : below(&dm->r, 20) ? "done" : "cancelled");
		db_bind_int(st, 10, start);
		if (step_done(st, err))
			return rp_code(err, RP_EDB);
		dm->c->meetings++;
		if (below(&dm->r, 3) == 0) { /* an action item for every third meeting */
			make_uuid(&dm->r, uuid);
			date_of_instant(start + (1 + below(&dm->r, 14)) * DAY, day);
			if (run(dm->db,
			        "INSERT INTO action_item(uuid, meeting_id, text, owner, due_date, done,"
			        " created_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
			        &st, err))
				return rp_code(err, RP_EDB);
			db_bind_text(st, 1, uuid);
			db_bind_int(st, 2, i);
			db_bind_text(st, 3, PICK(&dm->r, actions));
			db_bind_text(st, 4, below(&dm->r, 3) ? "me" : "them");
			db_bind_text(st, 5, day);
			db_bind_int(st, 6, start < dm->now - 30L * DAY || below(&dm->r, 2));
			db_bind_int(st, 7, start);
			if (step_done(st, err))
				return rp_code(err, RP_EDB);
			dm->c->actions++;
		}
		if (!future && below(&dm->r, 4) == 0) { /* a thank-you for every fourth */
			make_uuid(&dm->r, uuid);
			date_of_instant(start + DAY, day);
			snprintf(text, sizeof text, "Thank you for your time and the advice on %s.",
			         PICK(&dm->r, topics));
			if (run(dm->db,
			        "INSERT INTO gratitude(uuid, person_id, meeting_id, helped_with, body, status,"
			        " sent_date, channel, created_at, updated_at)"
			        " VALUES(?1, ?2, ?3, ?4, ?5, 'sent', ?6, 'email', ?7, ?7)",
			        &st, err))
				return rp_code(err, RP_EDB);
			db_bind_text(st, 1, uuid);
			db_bind_int(st, 2, who);
			db_bind_int(st, 3, i);
			db_bind_text(st, 4, PICK(&dm->r, topics));
			db_bind_text(st, 5, text);
			db_bind_text(st, 6, day);
			db_bind_int(st, 7, start + DAY);
			if (step_done(st, err))
				return rp_code(err, RP_EDB);
			dm->c->thanks++;
		}
	}
	return RP_OK;
}

/* Goals, three milestones each. */
static int fill_goals(struct demo *dm, struct rp_err *err)
{
	char uuid[40], day[DATE_LEN];
	struct db_stmt *st;
	for (long g = 1; g <= dm->goals; g++) {
		static const char *const titles[] = {"Land a hospitalist job", "Polish the CV",
		                                     "Practise interview answers", "Publish the case report",
		                                     "Find a research mentor", "Pass the boards"};
		make_uuid(&dm->r, uuid);
		date_of_instant(dm->now + (below(&dm->r, 200) - 20) * DAY, day);
		if (run(dm->db,
		        "INSERT INTO goal(id, uuid, title, category, status, target_date, progress,"
		        " person_id, created_at, updated_at)"
		        " VALUES(?1, ?2, ?3, 'job search', ?4, ?5, 0, ?6, ?7, ?7)",
		        &st, err))
			return rp_code(err, RP_EDB);
		db_bind_int(st, 1, g);
		db_bind_text(st, 2, uuid);
		db_bind_text(st, 3, dm->small ? titles[g - 1] : PICK(&dm->r, titles));
		db_bind_text(st, 4, below(&dm->r, 5) ? "active" : "done");
		db_bind_text(st, 5, day);
		db_bind_int(st, 6, 1 + below(&dm->r, dm->people));
		db_bind_int(st, 7, dm->now - below(&dm->r, 300) * DAY);
		if (step_done(st, err))
			return rp_code(err, RP_EDB);
		dm->c->goals++;
		for (int m = 0; m < 3; m++) {
			static const char *const steps[] = {"Draft", "Review with a mentor", "Send"};
			make_uuid(&dm->r, uuid);
			if (run(dm->db,
			        "INSERT INTO milestone(uuid, goal_id, title, done, created_at, updated_at)"
			        " VALUES(?1, ?2, ?3, ?4, ?5, ?5)",
			        &st, err))
				return rp_code(err, RP_EDB);
			db_bind_text(st, 1, uuid);
			db_bind_int(st, 2, g);
			db_bind_text(st, 3, steps[m]);
			db_bind_int(st, 4, below(&dm->r, 2));
			db_bind_int(st, 5, dm->now);
			if (step_done(st, err))
				return rp_code(err, RP_EDB);
			dm->c->milestones++;
		}
	}
	return RP_OK;
}

/* Check-ins. */
static int fill_checkins(struct demo *dm, struct rp_err *err)
{
	char uuid[40], day[DATE_LEN];
	struct db_stmt *st;
	/* a check-in most days, the last years (or the last weeks); every other
	 * one names a goal (from the day, not the random stream, so the rest of
	 * the data stays what it was) */
	for (long d = dm->small ? 60 : (dm->meetings < 3650 ? dm->meetings : 3650); d >= 1; d--) {
		if (below(&dm->r, 7) == 0)
			continue;
		make_uuid(&dm->r, uuid);
		date_of_instant(dm->now - d * DAY, day);
		if (run(dm->db,
		        "INSERT INTO checkin(uuid, day, mood, did, next_step, goal_id, created_at,"
		        " updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
		        &st, err))
			return rp_code(err, RP_EDB);
		db_bind_text(st, 1, uuid);
		db_bind_text(st, 2, day);
		db_bind_int(st, 3, 1 + below(&dm->r, 5));
		db_bind_text(st, 4, PICK(&dm->r, actions));
		db_bind_text(st, 5, PICK(&dm->r, actions));
		if (d % 2 == 0)
			db_bind_int(st, 6, 1 + d / 2 % dm->goals);
		else
			db_bind_null(st, 6);
		db_bind_int(st, 7, dm->now - d * DAY);
		if (step_done(st, err))
			return rp_code(err, RP_EDB);
		dm->c->checkins++;
	}
	return RP_OK;
}

static int fill(struct db *db, const struct demo_size *size, struct demo_counts *c,
                struct rp_err *err)
{
	struct demo dm = {.db = db, .r = {size->seed ? size->seed : 0x5eed}, .c = c};
	dm.small = size->people == 0 && size->meetings == 0;
	dm.people = dm.small ? 6 : size->people > 0 ? size->people : size->meetings / 500 + 5;
	dm.meetings = dm.small ? 24 : size->meetings;
	dm.goals = dm.small ? 3 : dm.people * 2;
	dm.now = clock_now();
	dm.span = dm.small ? 200L * DAY : 10L * 365 * DAY;
	if (fill_people(&dm, err) != RP_OK || fill_meetings(&dm, err) != RP_OK ||
	    fill_goals(&dm, err) != RP_OK || fill_checkins(&dm, err) != RP_OK)
		return rp_code(err, RP_EDB);
	return RP_OK;
}

int demo_fill(struct db *db, const struct demo_size *size, struct demo_counts *made,
              struct rp_err *err)
{
	struct bulk bulk;
	int64_t empty = 0;
	int rc;
	memset(made, 0, sizeof *made);
	if (db_one_int(db, "SELECT NOT EXISTS(SELECT 1 FROM person) AND NOT EXISTS(SELECT 1 FROM meeting)",
	               &empty, err, 0) == DB_FAIL)
		return rp_code(err, RP_EDB);
	if (!empty)
		return rp_fail(err, RP_EINVAL, "%s: not empty; the demo goes into a new database file",
		               db_path(db));
	if (db_begin(db, err) != RP_OK)
		return rp_code(err, RP_EDB);
	/* rows first, then the search index and the big tables' indexes in
	 * one pass each */
	rc = bulk_begin(db, &bulk, err);
	if (rc == RP_OK)
		rc = fill(db, size, made, err);
	if (bulk_end(db, &bulk, rc == RP_OK, err) != RP_OK)
		rc = rp_code(err, RP_EDB);
	if (rc != RP_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}
