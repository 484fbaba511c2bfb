/* The JSON importer: any file imports or is refused whole. */
#include "fuzz_common.h"

#include "core/interchange.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct import_report rep;
	import_json(fuzz_db(), fuzz_file(data, size, "in.json"), &rep, NULL);
	return 0;
}
