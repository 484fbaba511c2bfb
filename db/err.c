#include "db/err.h"

#include <stdarg.h>
#include <stdio.h>

int rp_fail(struct rp_err *err, enum rp_code code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		err->code = code;
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
	}
	return (int)code;
}

int rp_prefix(struct rp_err *err, enum rp_code code, const char *prefix, const char *suffix)
{
	char old[RP_MSG_MAX];
	if (!err)
		return (int)code;
	snprintf(old, sizeof old, "%s", err->msg);
	return rp_fail(err, code, "%s: %s%s", prefix, old, suffix ? suffix : "");
}
