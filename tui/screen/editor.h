/* editor.h - long text in the user's own editor ($VISUAL, $EDITOR, vi). */
#ifndef RAPPORT_EDITOR_H
#define RAPPORT_EDITOR_H

#include <stddef.h>

/* Edit text in a private temporary file; on success *out is the new text
 * (malloc'd, one trailing newline removed).  The editor runs from an argv,
 * never through a shell: "$EDITOR" may hold arguments ("code -w"), split at
 * spaces.  Curses must be suspended by the caller. Returns 0 or -1 with why. */
int editor_run(const char *text, char **out, char *why, size_t n);

#endif
