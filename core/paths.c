#include "core/paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int xdg_file(const char *var, const char *fallback, const char *leaf, char *buf, size_t n,
                    struct rp_err *err)
{
	const char *base = getenv(var), *home = getenv("HOME");
	int w;
	/* The spec says to ignore a relative XDG value. */
	if (base && base[0] == '/')
		w = snprintf(buf, n, "%s/rapport/%s", base, leaf);
	else if (home && *home)
		w = snprintf(buf, n, "%s/%s/rapport/%s", home, fallback, leaf);
	else
		return rp_fail(err, RP_ENOTFOUND, "neither %s nor HOME is set; use --db and --config",
		               var);
	if (w < 0 || (size_t)w >= n)
		return rp_fail(err, RP_EINVAL, "%s: path too long", var);
	return RP_OK;
}

int paths_default_db(char *buf, size_t n, struct rp_err *err)
{
	return xdg_file("XDG_DATA_HOME", ".local/share", "rapport.db", buf, n, err);
}

int paths_default_config(char *buf, size_t n, struct rp_err *err)
{
	return xdg_file("XDG_CONFIG_HOME", ".config", "config.ini", buf, n, err);
}

int paths_expand(const char *in, char *buf, size_t n, struct rp_err *err)
{
	const char *home = getenv("HOME");
	int w;
	if (in[0] == '~' && (in[1] == '/' || in[1] == '\0')) {
		if (!home || !*home)
			return rp_fail(err, RP_EINVAL, "%s: HOME is not set", in);
		w = snprintf(buf, n, "%s%s", home, in + 1);
	} else {
		w = snprintf(buf, n, "%s", in);
	}
	if (w < 0 || (size_t)w >= n)
		return rp_fail(err, RP_EINVAL, "path too long: %.60s...", in);
	return RP_OK;
}

int paths_make_parent(const char *file, struct rp_err *err)
{
	char dir[4096];
	char *slash;
	if (snprintf(dir, sizeof dir, "%s", file) >= (int)sizeof dir)
		return rp_fail(err, RP_EINVAL, "path too long");
	slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return RP_OK;
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char saved = *p;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST)
				return rp_fail(err, RP_EIO, "%s: cannot create the folder: %s", dir,
				               strerror(errno));
			*p = saved;
			if (!saved)
				break;
		}
	}
	return RP_OK;
}

int paths_temp_file(const char *stem, char *buf, size_t n)
{
	const char *dir = getenv("TMPDIR");
	if (snprintf(buf, n, "%s/rapport-%s.XXXXXX", dir && *dir == '/' ? dir : "/tmp", stem) >=
	    (int)n) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return mkstemp(buf); /* 0600 */
}
