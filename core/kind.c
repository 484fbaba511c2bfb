/* kind.c - the tables behind kind.h.  Column names match db/schema.c. */
#include "core/kind.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define SHORT 1000L   /* bytes in a one-line field */
#define LONG 200000L  /* bytes in a free-text field */

static const char *const roles[] = {"mentor", "mentee", "peer", NULL};
static const char *const stages[] = {"prospect", "contacted", "active", "paused", "alumni", NULL};
static const char *const goal_states[] = {"open", "active", "done", "dropped", NULL};
static const char *const meeting_states[] = {"planned", "done", "cancelled", "missed", NULL};
static const char *const owners[] = {"me", "them", NULL};
static const char *const note_states[] = {"draft", "sent", NULL};

#define TEXT(c, o, l) {c, o, l, F_TEXT, 0, NULL, 0, SHORT, 0, NULL}
/* searched: its words go into the search index */
#define STEXT(c, o, l) {c, o, l, F_TEXT, FF_SEARCH, NULL, 0, SHORT, 0, NULL}
#define SLONG(c, o, l) {c, o, l, F_LONGTEXT, FF_SEARCH, NULL, 0, LONG, 0, NULL}
#define DATE(c, o, l) {c, o, l, F_DATE, 0, NULL, 0, 0, 0, NULL}
#define BOOL(c, o, l) {c, o, l, F_BOOL, 0, NULL, 0, 1, 0, "0"}

static const struct field person_fields[] = {
	{"name", "name", "Name", F_TEXT, FF_REQUIRED | FF_SEARCH, NULL, 0, 200, 0, NULL},
	{"role", "role", "Role", F_CHOICE, FF_REQUIRED, roles, 0, 0, 0, "mentor"},
	{"stage", "stage", "Stage", F_CHOICE, FF_REQUIRED, stages, 0, 0, 0, "active"},
	STEXT("title", "title", "Title"),
	STEXT("specialty", "specialty", "Specialty"),
	STEXT("organization", "org", "Organization"),
	{"email", "email", "Email", F_TEXT, FF_EMAIL, NULL, 0, 254, 0, NULL},
	TEXT("phone", "phone", "Phone"),
	STEXT("met_via", "met-via", "Met via"),
	{"cadence_days", "cadence", "Cadence (days)", F_INT, 0, NULL, 1, 3650, 0, NULL},
	TEXT("channel", "channel", "Channel"),
	SLONG("expectations", "expectations", "Expectations"),
	SLONG("notes", "notes", "Notes"),
	{"tags", "tag", "Tags", F_TAGS, FF_SEARCH, NULL, 0, SHORT, 0, NULL},
	DATE("snoozed_until", "snooze", "Snoozed until"),
	/* set when the cadence is changed: adherence counts from it */
	{"cadence_since", "cadence-since", "Cadence agreed", F_DATE, FF_HIDDEN | FF_PAST, NULL, 0, 0,
	 0, NULL},
};

static const struct field goal_fields[] = {
	{"title", "title", "Title", F_TEXT, FF_REQUIRED | FF_SEARCH, NULL, 0, SHORT, 0, NULL},
	SLONG("description", "description", "Description"),
	STEXT("category", "category", "Category"),
	{"status", "status", "Status", F_CHOICE, FF_REQUIRED, goal_states, 0, 0, 0, "open"},
	DATE("target_date", "target", "Target date"),
	/* empty: from the milestones (the by-hand flag below says which) */
	{"progress", "progress", "Progress", F_INT, FF_PERCENT, NULL, 0, 100, 0, "0"},
	{"person_id", "person", "Person", F_REF, 0, NULL, 0, 0, K_PERSON, NULL},
	{"progress_manual", "progress-manual", "Set by hand", F_BOOL, FF_HIDDEN, NULL, 0, 1, 0,
	 "0"},
};

static const struct field milestone_fields[] = {
	{"goal_id", "goal", "Goal", F_REF, FF_REQUIRED | FF_PARENT, NULL, 0, 0, K_GOAL, NULL},
	{"title", "title", "Title", F_TEXT, FF_REQUIRED | FF_SEARCH, NULL, 0, SHORT, 0, NULL},
	DATE("due_date", "due", "Due"),
	BOOL("done", "done", "Done"),
};

static const struct field meeting_fields[] = {
	{"person_id", "with", "With", F_REF, FF_REQUIRED | FF_PARENT, NULL, 0, 0, K_PERSON, NULL},
	{"start_at", "at", "When", F_INSTANT, FF_REQUIRED | FF_NEAREST, NULL, 0, 0, 0, NULL},
	{"duration_min", "duration", "Minutes", F_INT, FF_REQUIRED, NULL, 1, 1440, 0, "30"},
	STEXT("location", "where", "Where"),
	SLONG("agenda", "agenda", "Agenda"),
	SLONG("notes", "notes", "Notes"),
	/* No default: planned or done from the time (the kind's auto_col). */
	{"status", "status", "Status", F_CHOICE, FF_REQUIRED, meeting_states, 0, 0, 0, NULL},
	TEXT("repeat_rule", "repeat", "Repeats"),
};

static const struct field action_fields[] = {
	{"meeting_id", "meeting", "Meeting", F_REF, FF_REQUIRED | FF_PARENT, NULL, 0, 0, K_MEETING,
	 NULL},
	{"text", "text", "Action", F_TEXT, FF_REQUIRED | FF_SEARCH, NULL, 0, SHORT, 0, NULL},
	{"owner", "owner", "Owner", F_CHOICE, FF_REQUIRED, owners, 0, 0, 0, "me"},
	DATE("due_date", "due", "Due"),
	BOOL("done", "done", "Done"),
};

static const struct field gratitude_fields[] = {
	{"person_id", "to", "To", F_REF, FF_REQUIRED | FF_PARENT, NULL, 0, 0, K_PERSON, NULL},
	{"meeting_id", "meeting", "For meeting", F_REF, 0, NULL, 0, 0, K_MEETING, NULL},
	STEXT("helped_with", "for", "Helped with"),
	{"body", "body", "Note", F_LONGTEXT, FF_REQUIRED | FF_SEARCH, NULL, 0, LONG, 0, NULL},
	{"status", "status", "Status", F_CHOICE, FF_REQUIRED, note_states, 0, 0, 0, "draft"},
	{"sent_date", "sent", "Sent on", F_DATE, FF_PAST, NULL, 0, 0, 0, NULL},
	TEXT("channel", "channel", "Sent via"),
};

static const struct field checkin_fields[] = {
	{"day", "day", "Day", F_DATE, FF_REQUIRED | FF_PAST, NULL, 0, 0, 0, NULL},
	{"mood", "mood", "Mood", F_INT, 0, NULL, 1, 5, 0, NULL},
	SLONG("did", "did", "What I did"),
	SLONG("next_step", "next", "Next step"),
	{"goal_id", "goal", "Goal", F_REF, 0, NULL, 0, 0, K_GOAL, NULL},
};

/* The columns of `rapport list`, after the id; a reference to a person
 * shows their name, to anything else its #id. */
static const struct list_column person_list[] = {
	{"NAME", 24, LS_FIELD, "name", NULL},
	{"ROLE", 6, LS_FIELD, "role", NULL},
	{"STAGE", 9, LS_FIELD, "stage", NULL},
	{"EVERY", 5, LS_FIELD, "cadence_days", "d"},
	{"LAST MET", 11, LS_LAST_MET, NULL, NULL},
	{"ORGANIZATION", 0, LS_FIELD, "organization", NULL},
};
static const struct list_column goal_list[] = {
	{"TITLE", 32, LS_FIELD, "title", NULL},
	{"STATUS", 7, LS_FIELD, "status", NULL},
	{"DONE", 4, LS_PROGRESS, NULL, NULL},
	{"TARGET", 11, LS_FIELD, "target_date", NULL},
	{"PERSON", 0, LS_FIELD, "person_id", NULL},
};
static const struct list_column milestone_list[] = {
	{"GOAL", 5, LS_FIELD, "goal_id", NULL},
	{"DONE", 4, LS_FIELD, "done", NULL},
	{"DUE", 11, LS_FIELD, "due_date", NULL},
	{"TITLE", 0, LS_FIELD, "title", NULL},
};
static const struct list_column meeting_list[] = {
	{"WHEN", 21, LS_FIELD, "start_at", NULL},
	{"WITH", 20, LS_FIELD, "person_id", NULL},
	{"STATUS", 9, LS_STATE, "status", NULL},
	{"AGENDA", 0, LS_FIELD, "agenda", NULL},
};
static const struct list_column action_list[] = {
	{"MEETING", 7, LS_FIELD, "meeting_id", NULL},
	{"OWNER", 5, LS_FIELD, "owner", NULL},
	{"DONE", 4, LS_FIELD, "done", NULL},
	{"DUE", 11, LS_FIELD, "due_date", NULL},
	{"ACTION", 0, LS_FIELD, "text", NULL},
};
static const struct list_column gratitude_list[] = {
	{"WRITTEN", 11, LS_WRITTEN, NULL, NULL},
	{"TO", 20, LS_FIELD, "person_id", NULL},
	{"STATUS", 6, LS_FIELD, "status", NULL},
	{"NOTE", 0, LS_FIELD, "body", NULL},
};
static const struct list_column checkin_list[] = {
	{"DAY", 11, LS_FIELD, "day", NULL},
	{"MOOD", 4, LS_FIELD, "mood", NULL},
	{"DID", 32, LS_FIELD, "did", NULL},
	{"NEXT", 0, LS_FIELD, "next_step", NULL},
};

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

static const struct kind kinds[K_COUNT] = {
	[K_PERSON] = {.id = K_PERSON, .name = "person", .plural = "people", .alias = "mentor",
	              .table = "person", .title_field = 0, .fields = person_fields,
	              .nfields = N(person_fields),
	              .list = person_list, .nlist = N(person_list),
	              .order_field = 0, .positional = {"name"}},
	[K_GOAL] = {.id = K_GOAL, .name = "goal", .plural = "goals", .table = "goal",
	            .title_field = 0, .fields = goal_fields, .nfields = N(goal_fields),
	            .list = goal_list, .nlist = N(goal_list),
	            .order_field = -1, .done_col = "status", .done_yes = "done", .done_no = "open",
	            .positional = {"title"}},
	[K_MILESTONE] = {.id = K_MILESTONE, .name = "milestone", .plural = "milestones",
	                 .table = "milestone", .title_field = 1, .fields = milestone_fields,
	                 .nfields = N(milestone_fields),
	                 .list = milestone_list, .nlist = N(milestone_list),
	                 .order_field = -1, .done_col = "done",
	                 .done_yes = "yes", .done_no = "no", .shown_in_parent = 1,
	                 .children_heading = "Milestones", .children_key = "milestones",
	                 .positional = {"goal", "title"}},
	[K_MEETING] = {.id = K_MEETING, .name = "meeting", .plural = "meetings", .table = "meeting",
	               .title_field = 4, .fields = meeting_fields, .nfields = N(meeting_fields),
	               .list = meeting_list, .nlist = N(meeting_list),
	               .order_field = 1, .order_desc = 1, .done_col = "status", .done_yes = "done",
	               .done_no = "planned", .auto_col = "status", .auto_from = "start_at",
	               .auto_past = "done", .auto_future = "planned"},
	[K_ACTION] = {.id = K_ACTION, .name = "action", .plural = "actions", .alias = "action_item",
	              .noun = "action item", .nouns = "action items",
	              .table = "action_item", .title_field = 1, .fields = action_fields,
	              .nfields = N(action_fields),
	              .list = action_list, .nlist = N(action_list),
	              .order_field = -1, .done_col = "done",
	              .done_yes = "yes", .done_no = "no", .shown_in_parent = 1,
	              .children_heading = "Action items", .children_key = "action_items",
	              .positional = {"meeting", "text"}},
	[K_GRATITUDE] = {.id = K_GRATITUDE, .name = "thanks", .plural = "thanks", .alias = "gratitude",
	                 .noun = "thank-you note", .nouns = "thank-you notes",
	                 .table = "gratitude", .title_field = 3, .fields = gratitude_fields,
	                 .nfields = N(gratitude_fields),
	                 .list = gratitude_list, .nlist = N(gratitude_list),
	                 .order_field = -1, .order_desc = 1, .done_col = "status",
	                 .done_yes = "sent", .done_no = "draft",
	                 .positional = {"body"}},
	[K_CHECKIN] = {.id = K_CHECKIN, .name = "checkin", .plural = "checkins", .table = "checkin",
	               .noun = "check-in", .nouns = "check-ins",
	               .title_field = 0, .fields = checkin_fields, .nfields = N(checkin_fields),
	               .list = checkin_list, .nlist = N(checkin_list),
	               .order_field = 0, .order_desc = 1},
};

enum when_dir kind_when_dir(const struct field *f)
{
	return f->flags & FF_PAST ? WHEN_BACK : f->flags & FF_NEAREST ? WHEN_NEAREST : WHEN_AHEAD;
}

int kind_type_is_text(enum field_type t)
{
	return t == F_TEXT || t == F_LONGTEXT || t == F_CHOICE || t == F_DATE || t == F_TAGS;
}

const struct kind *kind_get(enum kind_id id)
{
	return id < K_COUNT ? &kinds[id] : NULL;
}

const struct kind *kind_by_name(const char *name)
{
	for (int i = 0; i < K_COUNT; i++) {
		const struct kind *k = &kinds[i];
		if (strcasecmp(name, k->name) == 0 || strcasecmp(name, k->plural) == 0 ||
		    (k->alias && strcasecmp(name, k->alias) == 0))
			return k;
	}
	if (strcasecmp(name, "mentors") == 0 || strcasecmp(name, "notes") == 0 ||
	    strcasecmp(name, "note") == 0)
		return &kinds[name[0] == 'm' || name[0] == 'M' ? K_PERSON : K_GRATITUDE];
	return NULL;
}

const struct kind *kind_by_table(const char *table)
{
	for (int i = 0; i < K_COUNT; i++)
		if (strcmp(table, kinds[i].table) == 0)
			return &kinds[i];
	return NULL;
}

int kind_field_index(const struct kind *k, const char *name)
{
	for (int i = 0; i < k->nfields; i++)
		if (strcmp(name, k->fields[i].opt) == 0 || strcmp(name, k->fields[i].col) == 0)
			return i;
	return -1;
}

int kind_parent_field(const struct kind *k)
{
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].flags & FF_PARENT)
			return i;
	return -1;
}

int kind_ref_field(const struct kind *k, enum kind_id ref)
{
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].type == F_REF && k->fields[i].ref == ref)
			return i;
	return -1;
}

void kind_choices_text(const struct field *f, char *buf, unsigned long n)
{
	size_t used = 0;
	int count = 0;
	buf[0] = '\0';
	if (!f->choices)
		return;
	while (f->choices[count])
		count++;
	for (int i = 0; i < count && used < n; i++) {
		const char *sep = i == 0 ? "" : i == count - 1 ? " or " : ", ";
		int w = snprintf(buf + used, n - used, "%s%s", sep, f->choices[i]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

const struct kind *kind_parent(const struct kind *k)
{
	int f = kind_parent_field(k);
	return f >= 0 ? kind_get(k->fields[f].ref) : NULL;
}

const struct kind *kind_first_child(const struct kind *parent)
{
	for (int i = 0; i < K_COUNT; i++)
		if (kind_parent(kind_get((enum kind_id)i)) == parent)
			return kind_get((enum kind_id)i);
	return NULL;
}

static int refs_placed(const struct kind *k, const int *placed)
{
	for (int f = 0; f < k->nfields; f++)
		if (k->fields[f].type == F_REF && k->fields[f].ref != k->id && !placed[k->fields[f].ref])
			return 0;
	return 1;
}

void kind_order(enum kind_id out[K_COUNT])
{
	int placed[K_COUNT] = {0}, n = 0;
	while (n < K_COUNT) {
		int before = n;
		/* in table order, each kind whose references are all placed */
		for (int i = 0; i < K_COUNT; i++)
			if (!placed[i] && refs_placed(&kinds[i], placed)) {
				placed[i] = 1;
				out[n++] = (enum kind_id)i;
			}
		if (n == before) /* a circle of references: the rest in table order */
			for (int i = 0; i < K_COUNT; i++)
				if (!placed[i]) {
					placed[i] = 1;
					out[n++] = (enum kind_id)i;
				}
	}
}

int kind_is_auto(const struct kind *k, int field)
{
	return k->auto_col && field >= 0 && strcmp(k->fields[field].col, k->auto_col) == 0;
}

void kind_list_text(int (*which)(const struct kind *), int plural, const char *last,
                    char *buf, size_t n)
{
	const struct kind *picked[K_COUNT];
	int count = 0;
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < K_COUNT; i++)
		if (which(&kinds[i]))
			picked[count++] = &kinds[i];
	for (int i = 0; i < count && used < n; i++) {
		const char *sep = i == 0 ? "" : i == count - 1 ? last : ", ";
		int w = snprintf(buf + used, n - used, "%s%s", sep,
		                 plural ? picked[i]->plural : picked[i]->name);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

int kind_can_be_done(const struct kind *k) { return k->done_col != NULL; }

int kind_option_repeats(const char *opt)
{
	for (int k = 0; k < K_COUNT; k++) {
		const struct kind *kind = kind_get((enum kind_id)k);
		for (int i = 0; i < kind->nfields; i++)
			if (kind->fields[i].type == F_TAGS && strcmp(kind->fields[i].opt, opt) == 0)
				return 1;
	}
	return 0;
}
