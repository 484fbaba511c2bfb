/* uuid.h - random (version 4) UUIDs: the stable identity of a row across
 * export, import and merge. */
#ifndef RAPPORT_UUID_H
#define RAPPORT_UUID_H

#define UUID_LEN 37 /* 36 characters + NUL */

int uuid_new(char out[UUID_LEN]);

#endif
