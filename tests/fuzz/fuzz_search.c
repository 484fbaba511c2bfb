/* Search queries: whatever is typed, FTS5 never sees a syntax error. */
#include "fuzz_common.h"

#include "core/search.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = fuzz_text(data, size);
	struct hit *hits;
	int n, total;
	struct rp_err err;
	if (search_run(fuzz_db(), s, K_COUNT, 10, &hits, &n, &total, &err) != RP_OK) {
		fprintf(stderr, "search failed on '%s': %s\n", s, err.msg);
		abort();
	}
	free(hits);
	free(s);
	return 0;
}
