/* The CSV importer of people. */
#include "fuzz_common.h"

#include "core/csvio.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct import_report rep;
	char unknown[256], *s = fuzz_text(data, size);
	csv_import_people(fuzz_db(), "in.csv", s, &rep, unknown, sizeof unknown, NULL);
	free(s);
	return 0;
}
