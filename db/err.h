/* err.h - the error every layer returns: a code and a message that names what
 * failed.  Nothing below tui/ prints; callers show err.msg. */
#ifndef RAPPORT_ERR_H
#define RAPPORT_ERR_H

enum rp_code {
	RP_OK = 0,
	RP_EINVAL,      /* bad value from the user: validation, parsing */
	RP_ENOTFOUND,   /* no such row, person, file */
	RP_EAMBIG,      /* a name matches several people */
	RP_ECONSTRAINT, /* the database refused the change (uniqueness, references) */
	RP_ENOTRAPPORT, /* not a rapport database, or damaged */
	RP_ENEWER,      /* written by a newer rapport */
	RP_EREADONLY,   /* opened read-only, or the file cannot be written */
	RP_EFULL,       /* disk or database full */
	RP_EBUSY,       /* locked by another process */
	RP_ECONFLICT,   /* changed by someone else since it was read */
	RP_EIO,         /* file system trouble */
	RP_EEXIST,      /* the file to be made is there already (never overwritten) */
	RP_EDB,         /* any other storage error */
};

#define RP_MSG_MAX 512

struct rp_err {
	enum rp_code code;
	char msg[RP_MSG_MAX];
};

/* Set err (when not NULL) and return code, so callers can `return rp_fail(...)`. */
int rp_fail(struct rp_err *err, enum rp_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Put "prefix: " before the message err holds and `suffix` after it (err
 * may be NULL); returns code. */
int rp_prefix(struct rp_err *err, enum rp_code code, const char *prefix, const char *suffix);
/* The code err holds, or fallback when err is NULL or clear. */
static inline int rp_code(const struct rp_err *err, int fallback)
{
	return err && err->code != RP_OK ? (int)err->code : fallback;
}

#endif
