/* rec_json.h - a row as a JSON object (jansson): every column by its name. */
#ifndef RAPPORT_REC_JSON_H
#define RAPPORT_REC_JSON_H

#include <jansson.h>

#include "core/rec.h"

/* A new reference; NULL only when out of memory. */
json_t *rec_to_json(const struct rec *r);

#endif
