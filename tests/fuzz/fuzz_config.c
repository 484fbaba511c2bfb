/* The config reader on top of iniparser: any file, defaults at worst. */
#include "fuzz_common.h"

#include "core/config.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct config cfg;
	struct config_report rep;
	const char *path = fuzz_file(data, size, "config.ini");
	if (config_load(path, 1, &cfg, &rep, NULL) != RP_OK)
		abort(); /* the file exists: problems are reported, not errors */
	if (cfg.default_duration < 1 || cfg.default_duration > 1440)
		abort();
	return 0;
}
