/* The iCalendar importer (libical underneath). */
#include "fuzz_common.h"

#include "core/calendar.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct import_report rep;
	char *s = fuzz_text(data, size);
	calendar_import_text(fuzz_db(), s, "in.ics", &rep, NULL);
	free(s);
	return 0;
}
