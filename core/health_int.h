/* health_int.h - what the parts of the health rules (health.c,
 * health_thanks.c) share and nothing else needs. */
#ifndef RAPPORT_HEALTH_INT_H
#define RAPPORT_HEALTH_INT_H

#include <stddef.h>

/* The array v (n used of *cap) with room for one more: v itself, or v
 * grown; NULL when memory ran out (v is then unchanged). */
void *health_room_for_one(void *v, int n, int *cap, size_t size);

#endif
