/* ical_lib.c - see ical_lib.h. */
#include "core/ical_lib.h"

#include <dlfcn.h>
#include <string.h>

/* the library's file name, from the build (the Makefile reads it off the
 * installed libical.so), as a string */
#ifndef ICAL_SONAME
#define ICAL_SONAME libical.so.3
#endif
#define ICAL_QUOTE(x) #x
#define ICAL_STRING(x) ICAL_QUOTE(x)
#define ICAL_FILE ICAL_STRING(ICAL_SONAME)

struct ical_lib ical_lib;

int ical_lib_load(struct rp_err *err)
{
	static void *handle; /* kept open for the life of the program */
	void *h, *fn;
	if (handle)
		return RP_OK;
	if (!(h = dlopen(ICAL_FILE, RTLD_NOW | RTLD_LOCAL)))
		return rp_fail(err, RP_EIO,
		               "calendars need libical (%s), which cannot be loaded: %s"
		               " (on Debian: apt-get install libical3)",
		               ICAL_FILE, dlerror());
	/* POSIX lets a dlsym result be a function pointer; memcpy says so in C */
#define ICAL_FIND(name)                                                                        \
	if (!(fn = dlsym(h, #name))) {                                                            \
		dlclose(h);                                                                           \
		return rp_fail(err, RP_EIO, "%s has no %s: a libical too old for rapport",         \
		               ICAL_FILE, #name);                                                    \
	}                                                                                         \
	memcpy(&ical_lib.name, &fn, sizeof fn);
	ICAL_FUNCTIONS(ICAL_FIND)
#undef ICAL_FIND
	handle = h;
	return RP_OK;
}
