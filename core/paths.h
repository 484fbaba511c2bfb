/* paths.h - where rapport keeps its files (XDG base directories). */
#ifndef RAPPORT_PATHS_H
#define RAPPORT_PATHS_H

#include <stddef.h>

#include "db/err.h"

/* $XDG_DATA_HOME/rapport/rapport.db, default ~/.local/share/rapport/rapport.db */
int paths_default_db(char *buf, size_t n, struct rp_err *err);
/* $XDG_CONFIG_HOME/rapport/config.ini, default ~/.config/rapport/config.ini */
int paths_default_config(char *buf, size_t n, struct rp_err *err);
/* "~/x" -> "$HOME/x"; anything else is copied. */
int paths_expand(const char *in, char *buf, size_t n, struct rp_err *err);
/* Create the folder that will hold `file` (and its parents), mode 0700. */
int paths_make_parent(const char *file, struct rp_err *err);
/* A new private file (0600) in $TMPDIR (or /tmp), named after stem: its
 * descriptor, with its path in buf; -1 with errno when it cannot be made. */
int paths_temp_file(const char *stem, char *buf, size_t n);

#endif
