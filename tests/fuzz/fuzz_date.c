/* The date parser: anything typed must parse or be refused, never crash. */
#include "fuzz_common.h"

#include "core/when.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = fuzz_text(data, size), day[DATE_LEN];
	struct when w;
	int64_t t;
	fuzz_path("x");
	if (when_parse(s, clock_now(), &w, NULL) == RP_OK && (w.month < 1 || w.month > 12 ||
	                                                      w.day < 1 || w.day > 31))
		abort(); /* a parsed date must be a real one */
	date_parse(s, clock_now(), day, NULL);
	instant_parse(s, clock_now(), &t, NULL);
	free(s);
	return 0;
}
