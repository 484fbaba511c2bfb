/* The date parser: anything typed must parse or be refused, never crash. */
#include "fuzz_common.h"

#include "core/when.h"

/* The length of a month by the Gregorian calendar, written here from the
 * rule itself (not the parser's table): 30 days hath September... */
static int month_days(long year, int month)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : len[month - 1];
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = fuzz_text(data, size), day[DATE_LEN];
	struct when w;
	int64_t t;
	fuzz_path("x");
	/* in every direction a day without its year is read (ahead, back, the
	 * nearest) */
	for (int d = WHEN_AHEAD; d <= WHEN_NEAREST; d++) {
		enum when_dir dir = (enum when_dir)d;
		/* a parsed date must be a real one: its day exists in its month */
		if (when_parse(s, clock_now(), dir, &w, NULL) == RP_OK &&
		    (w.month < 1 || w.month > 12 || w.day < 1 || w.day > month_days(w.year, w.month)))
			abort();
		/* and what date_parse gives back is a date that date_is_valid takes */
		if (date_parse(s, clock_now(), dir, day, NULL) == RP_OK && !date_is_valid(day))
			abort();
		instant_parse(s, clock_now(), dir, &t, NULL);
	}
	free(s);
	return 0;
}
