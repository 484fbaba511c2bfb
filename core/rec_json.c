#include "core/rec_json.h"

json_t *rec_to_json(const struct rec *r)
{
	const struct kind *k = r->kind;
	json_t *o = json_object();
	if (!o)
		return NULL;
	json_object_set_new(o, "id", json_integer(r->id));
	json_object_set_new(o, "uuid", json_string(r->uuid));
	for (int i = 0; i < k->nfields; i++) {
		const struct val *v = &r->v[i];
		json_t *j;
		if (v->null)
			j = json_null();
		else if (v->s)
			j = json_string(v->s);
		else if (k->fields[i].type == F_BOOL)
			j = json_boolean(v->i);
		else
			j = json_integer(v->i);
		json_object_set_new(o, k->fields[i].col, j);
	}
	json_object_set_new(o, "created_at", json_integer(r->created_at));
	json_object_set_new(o, "updated_at", json_integer(r->updated_at));
	json_object_set_new(o, "deleted_at", r->deleted_at ? json_integer(r->deleted_at) : json_null());
	return o;
}
