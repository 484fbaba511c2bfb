/* ical_lib.h - libical, loaded the first time a calendar is read or
 * written.  Debian's libical brings ICU and the C++ runtime with it, which
 * took half of the start of every command (4 of 8 ms for `--version`) that
 * never reads a calendar.  Calls go through ICAL(name); a function of
 * libical's that rapport begins to use is one more line in the list. */
#ifndef RAPPORT_ICAL_LIB_H
#define RAPPORT_ICAL_LIB_H

#include <libical/ical.h>

#include "db/err.h"

#define ICAL_FUNCTIONS(X)                                                                      \
	X(icalcomponent_add_property)                                                             \
	X(icalcomponent_as_ical_string_r)                                                         \
	X(icalcomponent_free)                                                                     \
	X(icalcomponent_get_description)                                                          \
	X(icalcomponent_get_dtend)                                                                \
	X(icalcomponent_get_dtstart)                                                              \
	X(icalcomponent_get_first_component)                                                      \
	X(icalcomponent_get_first_property)                                                       \
	X(icalcomponent_get_location)                                                             \
	X(icalcomponent_get_next_component)                                                       \
	X(icalcomponent_get_status)                                                               \
	X(icalcomponent_get_summary)                                                              \
	X(icalcomponent_get_uid)                                                                  \
	X(icalcomponent_isa)                                                                      \
	X(icalcomponent_new)                                                                      \
	X(icalparameter_get_cn)                                                                   \
	X(icalparser_parse_string)                                                                \
	X(icalproperty_get_first_parameter)                                                       \
	X(icalproperty_new_description)                                                           \
	X(icalproperty_new_dtend)                                                                 \
	X(icalproperty_new_dtstamp)                                                               \
	X(icalproperty_new_dtstart)                                                               \
	X(icalproperty_new_location)                                                              \
	X(icalproperty_new_prodid)                                                                \
	X(icalproperty_new_status)                                                                \
	X(icalproperty_new_summary)                                                               \
	X(icalproperty_new_uid)                                                                   \
	X(icalproperty_new_version)                                                               \
	X(icaltime_as_timet)                                                                      \
	X(icaltime_as_timet_with_zone)                                                            \
	X(icaltime_from_timet_with_zone)                                                          \
	X(icaltime_is_null_time)                                                                  \
	X(icaltime_is_utc)                                                                        \
	X(icaltimezone_get_location)                                                              \
	X(icaltimezone_get_tzid)                                                                  \
	X(icaltimezone_get_utc_timezone)

/* each function's pointer, of the type libical's header gives it */
struct ical_lib {
#define ICAL_POINTER(name) __typeof__(&name) name;
	ICAL_FUNCTIONS(ICAL_POINTER)
#undef ICAL_POINTER
};

extern struct ical_lib ical_lib;

#define ICAL(name) (ical_lib.name)

/* Load libical once (a no-op after that); RP_EIO and what the loader said
 * when it cannot be found, before anything is read or written. */
int ical_lib_load(struct rp_err *err);

#endif
