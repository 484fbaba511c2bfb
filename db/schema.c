/* schema.c - every table rapport keeps.  A step is never edited once it has
 * shipped: change the schema by appending a step.  The CHECKs repeat core's
 * validation so that no other writer (a script with sqlite3) can store
 * something the program cannot read back. */
#include "db/schema.h"


#define ROW_META \
	"created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, deleted_at INTEGER"
#define IS_DATE(col) "CHECK(" col " IS NULL OR date(" col ") IS " col ")"

static const char v1[] =
	"CREATE TABLE person("
	" id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL CHECK(length(trim(name)) > 0),"
	" role TEXT NOT NULL DEFAULT 'mentor' CHECK(role IN ('mentor','mentee','peer')),"
	" stage TEXT NOT NULL DEFAULT 'active'"
	"  CHECK(stage IN ('prospect','contacted','active','paused','alumni')),"
	" title TEXT, specialty TEXT, organization TEXT, email TEXT, phone TEXT, met_via TEXT,"
	" cadence_days INTEGER CHECK(cadence_days IS NULL OR cadence_days BETWEEN 1 AND 3650),"
	" channel TEXT, expectations TEXT, notes TEXT, tags TEXT, " ROW_META ");"
	"CREATE INDEX person_name ON person(name COLLATE NOCASE, id);"

	"CREATE TABLE goal("
	" id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	" title TEXT NOT NULL CHECK(length(trim(title)) > 0), description TEXT, category TEXT,"
	" status TEXT NOT NULL DEFAULT 'open' CHECK(status IN ('open','active','done','dropped')),"
	" target_date TEXT " IS_DATE("target_date") ","
	" progress INTEGER NOT NULL DEFAULT 0 CHECK(progress BETWEEN 0 AND 100),"
	" person_id INTEGER REFERENCES person(id) ON DELETE SET NULL, " ROW_META ");"
	"CREATE INDEX goal_person ON goal(person_id, id);"

	"CREATE TABLE milestone("
	" id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	" goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,"
	" title TEXT NOT NULL CHECK(length(trim(title)) > 0),"
	" due_date TEXT " IS_DATE("due_date") ","
	" done INTEGER NOT NULL DEFAULT 0 CHECK(done IN (0,1)), " ROW_META ");"
	"CREATE INDEX milestone_goal ON milestone(goal_id, id);"

	"CREATE TABLE meeting("
	" id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	" person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
	" start_at INTEGER NOT NULL,"
	" duration_min INTEGER NOT NULL DEFAULT 30 CHECK(duration_min BETWEEN 1 AND 1440),"
	" location TEXT, agenda TEXT, notes TEXT,"
	" status TEXT NOT NULL DEFAULT 'planned'"
	"  CHECK(status IN ('planned','done','cancelled','missed')),"
	" repeat_rule TEXT, " ROW_META ");"
	"CREATE INDEX meeting_start ON meeting(start_at, id);"
	"CREATE INDEX meeting_person ON meeting(person_id, start_at, id);"

	"CREATE TABLE action_item("
	" id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	" meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
	" text TEXT NOT NULL CHECK(length(trim(text)) > 0),"
	" owner TEXT NOT NULL DEFAULT 'me' CHECK(owner IN ('me','them')),"
	" due_date TEXT " IS_DATE("due_date") ","
	" done INTEGER NOT NULL DEFAULT 0 CHECK(done IN (0,1)), " ROW_META ");"
	"CREATE INDEX action_meeting ON action_item(meeting_id, id);"

	"CREATE TABLE gratitude("
	" id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	" person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
	" meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,"
	" helped_with TEXT, body TEXT NOT NULL CHECK(length(trim(body)) > 0),"
	" status TEXT NOT NULL DEFAULT 'draft' CHECK(status IN ('draft','sent')),"
	" sent_date TEXT " IS_DATE("sent_date") ", channel TEXT, " ROW_META ");"
	"CREATE INDEX gratitude_person ON gratitude(person_id, id);"
	"CREATE INDEX gratitude_meeting ON gratitude(meeting_id);"

	"CREATE TABLE checkin("
	" id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	" day TEXT NOT NULL CHECK(date(day) IS day),"
	" mood INTEGER CHECK(mood IS NULL OR mood BETWEEN 1 AND 5),"
	" did TEXT, next_step TEXT, " ROW_META ");"
	/* One live check-in per day; the trash may hold others. */
	"CREATE UNIQUE INDEX checkin_one_per_day ON checkin(day) WHERE deleted_at IS NULL;"
	"CREATE INDEX checkin_day ON checkin(day, id);";

/* Open action items are counted on every screen: a partial index keeps that
 * count proportional to what is open, not to the whole history. */
static const char v2[] =
	"CREATE INDEX action_open ON action_item(due_date)"
	" WHERE done = 0 AND deleted_at IS NULL;";

/* Health: a due person can be snoozed until a day; a goal's progress comes
 * from its milestones unless it was set by hand (goals that already have a
 * progress keep it as hand-set).  Indexes for the Today screen's questions. */
static const char v3[] =
	"ALTER TABLE person ADD COLUMN snoozed_until TEXT " IS_DATE("snoozed_until") ";"
	"ALTER TABLE goal ADD COLUMN progress_manual INTEGER NOT NULL DEFAULT 0"
	" CHECK(progress_manual IN (0,1));"
	"UPDATE goal SET progress_manual = 1 WHERE progress > 0;"
	"CREATE INDEX person_cadence ON person(id) WHERE cadence_days IS NOT NULL"
	" AND deleted_at IS NULL;"
	"CREATE INDEX goal_target ON goal(target_date) WHERE deleted_at IS NULL;"
	"CREATE INDEX gratitude_meeting_live ON gratitude(meeting_id, status) WHERE deleted_at IS NULL;";

/* Full-text search: one FTS5 table over every free-text field, kept in step
 * by triggers.  Its rowid is id * 8 + the kind's number, so a row is found
 * (and replaced) without a scan; trashed rows leave the index.  (Replaced
 * by step 8: the history stays as it shipped.) */
#define FTS_TRIGGERS(table, k, text) \
	"CREATE TRIGGER " table "_fts_ins AFTER INSERT ON " table " WHEN new.deleted_at IS NULL BEGIN" \
	" INSERT INTO fts(rowid, kind, body) VALUES(new.id * 8 + " k ", " k ", " text "); END;" \
	"CREATE TRIGGER " table "_fts_upd AFTER UPDATE ON " table " BEGIN" \
	" DELETE FROM fts WHERE rowid = old.id * 8 + " k ";" \
	" INSERT INTO fts(rowid, kind, body) SELECT new.id * 8 + " k ", " k ", " text \
	" WHERE new.deleted_at IS NULL; END;" \
	"CREATE TRIGGER " table "_fts_del AFTER DELETE ON " table " BEGIN" \
	" DELETE FROM fts WHERE rowid = old.id * 8 + " k "; END;"
#define FTS_FILL(table, k, text) \
	"INSERT INTO fts(rowid, kind, body) SELECT id * 8 + " k ", " k ", " text " FROM " table \
	" AS new WHERE deleted_at IS NULL;"
#define T(col) "coalesce(new." col ", '')"
#define SP " || ' ' || "
/* m(table, kind number, text) for each kind with free text */
#define FTS_ALL(m) \
	m("person", "0", T("name") SP T("title") SP T("specialty") SP T("organization") \
	                     SP T("met_via") SP T("expectations") SP T("notes") SP T("tags")) \
	m("goal", "1", T("title") SP T("description") SP T("category")) \
	m("milestone", "2", T("title")) \
	m("meeting", "3", T("location") SP T("agenda") SP T("notes")) \
	m("action_item", "4", T("text")) \
	m("gratitude", "5", T("helped_with") SP T("body")) \
	m("checkin", "6", T("did") SP T("next_step"))

static const char v4[] =
	"CREATE VIRTUAL TABLE fts USING fts5(kind UNINDEXED, body,"
	" tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
	FTS_ALL(FTS_TRIGGERS) FTS_ALL(FTS_FILL);

/* "Thanks owed" asks, for each recent meeting, whether a note went to that
 * person since: by person and time, not by walking all their notes. */
static const char v5[] =
	"CREATE INDEX gratitude_person_time ON gratitude(person_id, created_at)"
	" WHERE deleted_at IS NULL;";

/* The start-up questions without reading table pages: the last done
 * meeting of each person, the planned meetings to come, the done meetings
 * of the last weeks and the notes written in them, each answered from a
 * small index alone (status and deleted_at are columns too, or SQLite
 * would still read the rows to check them). */
static const char v6[] =
	"CREATE INDEX meeting_done_person ON meeting(person_id, start_at, status, deleted_at)"
	" WHERE status = 'done' AND deleted_at IS NULL;"
	"CREATE INDEX meeting_done_time ON meeting(start_at, id, person_id, status, deleted_at)"
	" WHERE status = 'done' AND deleted_at IS NULL;"
	"CREATE INDEX meeting_planned ON meeting(start_at, id, person_id, status, deleted_at)"
	" WHERE status = 'planned' AND deleted_at IS NULL;"
	"CREATE INDEX gratitude_time ON gratitude(created_at, person_id, meeting_id, status, deleted_at)"
	" WHERE deleted_at IS NULL;";

/* A check-in may name the goal it moved forward; a goal lists the
 * check-ins that name it, newest first. */
static const char v7[] =
	"ALTER TABLE checkin ADD COLUMN goal_id INTEGER REFERENCES goal(id) ON DELETE SET NULL;"
	"CREATE INDEX checkin_goal ON checkin(goal_id, day, id) WHERE deleted_at IS NULL;";

/* The search index for any number of kinds: a row's entry is numbered by
 * search_key (kind = the row's table) instead of id * 8 + a kind number.
 * The triggers and the filling are core's (core/search_index.c), made from
 * the kind table once the steps have run. */
#define FTS_DROP(table, k, text) \
	"DROP TRIGGER IF EXISTS " table "_fts_ins; DROP TRIGGER IF EXISTS " table "_fts_upd;" \
	" DROP TRIGGER IF EXISTS " table "_fts_del;"
static const char v8[] = FTS_ALL(FTS_DROP) "DROP TABLE fts;"
	"CREATE TABLE search_key(id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
	" row_id INTEGER NOT NULL, UNIQUE(kind, row_id));"
	"CREATE VIRTUAL TABLE fts USING fts5(body,"
	" tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');";

/* A goal's progress is kept on its row, so that every face reads one
 * number: the triggers keep a goal that follows its milestones (progress
 * not set by hand) at 100 * done / milestones (0 with none, 100 once the
 * goal is done), in the transaction of the change that moves it.  Goals
 * whose 0 was stored as "by hand" only because a form sent it follow
 * their milestones again. */
#define PROGRESS_NOW                                                                           \
	" progress = CASE WHEN status = 'done' THEN 100 ELSE coalesce((SELECT"                   \
	" 100 * sum(m.done) / count(*) FROM milestone AS m WHERE m.goal_id = goal.id"             \
	" AND m.deleted_at IS NULL), 0) END"
#define PROGRESS_OF(ids)                                                                       \
	" UPDATE goal SET" PROGRESS_NOW " WHERE id IN (" ids ") AND progress_manual = 0; END;"
static const char v9[] =
	"UPDATE goal SET progress_manual = 0 WHERE progress_manual = 1 AND progress = 0;"
	"CREATE TRIGGER goal_progress_milestone_ins AFTER INSERT ON milestone BEGIN"
	PROGRESS_OF("new.goal_id")
	"CREATE TRIGGER goal_progress_milestone_upd AFTER UPDATE OF goal_id, done, deleted_at"
	" ON milestone BEGIN" PROGRESS_OF("old.goal_id, new.goal_id")
	"CREATE TRIGGER goal_progress_milestone_del AFTER DELETE ON milestone BEGIN"
	PROGRESS_OF("old.goal_id")
	"CREATE TRIGGER goal_progress_ins AFTER INSERT ON goal BEGIN" PROGRESS_OF("new.id")
	"CREATE TRIGGER goal_progress_rule AFTER UPDATE OF status, progress_manual ON goal BEGIN"
	PROGRESS_OF("new.id")
	"UPDATE goal SET" PROGRESS_NOW " WHERE progress_manual = 0;"
	/* the day a person's cadence was last agreed (set or changed), from
	 * which adherence counts; and a person's missed or cancelled meetings,
	 * which ask for another */
	"ALTER TABLE person ADD COLUMN cadence_since TEXT " IS_DATE("cadence_since") ";"
	"CREATE INDEX meeting_off_person ON meeting(person_id, start_at, status, deleted_at)"
	" WHERE status IN ('missed', 'cancelled') AND deleted_at IS NULL;"
	/* what the people pane is called: the first and the last role */
	"CREATE INDEX person_role ON person(role) WHERE deleted_at IS NULL;";

/* Each person's last contact on a row of its own, so that who is due is
 * read from an index rather than by visiting every person: the start of
 * the last meeting held, of the last one missed or cancelled and of the
 * last one planned, and when contact is due (last held, or added, plus
 * the cadence).  The triggers
 * that keep it and its filling are core's (core/contact_cache.c), made
 * once the steps have run. */
static const char v10[] =
	"CREATE TABLE person_contact(person_id INTEGER PRIMARY KEY,"
	" last_met INTEGER, last_off INTEGER, last_planned INTEGER, due_at INTEGER);"
	"CREATE INDEX person_contact_due ON person_contact(due_at);"
	"CREATE INDEX person_contact_off ON person_contact(person_id)"
	" WHERE last_off > coalesce(last_met, 0);"
	/* and for each of them, the next planned meeting, from the index alone */
	"CREATE INDEX meeting_planned_person ON meeting(person_id, start_at)"
	" WHERE status = 'planned' AND deleted_at IS NULL;";

/* Today's questions from their indexes alone, not from a row of the table
 * each: the open action items with their owner (how many are mine), the
 * goals by target with their status (which are still open), and the notes
 * of the window's meetings with when they were written. */
static const char v11[] =
	"DROP INDEX action_open;"
	"CREATE INDEX action_open ON action_item(due_date, owner)"
	" WHERE done = 0 AND deleted_at IS NULL;"
	"DROP INDEX goal_target;"
	"CREATE INDEX goal_target ON goal(target_date, status) WHERE deleted_at IS NULL;"
	"DROP INDEX gratitude_meeting_live;"
	"CREATE INDEX gratitude_meeting_live ON gratitude(meeting_id, status, created_at)"
	" WHERE deleted_at IS NULL;";

const struct db_migration schema_steps[] = {
	{1, v1},
	{2, v2},
	{3, v3},
	{4, v4},
	{5, v5},
	{6, v6},
	{7, v7},
	{8, v8},
	{9, v9},
	{10, v10},
	{11, v11},
};
const int schema_nsteps = (int)(sizeof schema_steps / sizeof schema_steps[0]);
