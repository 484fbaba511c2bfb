/* fuzz_common.h - what the libFuzzer targets share: a private folder, a
 * fixed clock, one database opened once. */
#ifndef RAPPORT_FUZZ_COMMON_H
#define RAPPORT_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/store.h"

static char fuzz_dir[256];

static inline const char *fuzz_path(const char *leaf)
{
	static char path[512];
	if (!fuzz_dir[0]) {
		snprintf(fuzz_dir, sizeof fuzz_dir, "/tmp/rapport-fuzz.XXXXXX");
		if (!mkdtemp(fuzz_dir))
			abort();
		setenv("TZ", "Europe/Berlin", 1);
		setenv("RAPPORT_NOW", "2026-11-25 09:00", 1);
		clock_init(NULL);
	}
	snprintf(path, sizeof path, "%s/%s", fuzz_dir, leaf);
	return path;
}

static inline struct db *fuzz_db(void)
{
	static struct db *db;
	struct rp_err err;
	if (!db && store_open(fuzz_path("fuzz.db"), 0, &db, &err) != RP_OK)
		abort();
	return db;
}

/* The input as a C string (NULs end it early, as they would in a file read
 * as text). */
static inline char *fuzz_text(const unsigned char *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static inline const char *fuzz_file(const unsigned char *data, size_t size, const char *leaf)
{
	const char *path = fuzz_path(leaf);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	return path;
}

#endif
