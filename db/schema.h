/* schema.h - rapport's schema, as a list of forward migrations. */
#ifndef RAPPORT_SCHEMA_H
#define RAPPORT_SCHEMA_H

#include "db/db.h"

extern const struct db_migration schema_steps[];
extern const int schema_nsteps;

#endif
