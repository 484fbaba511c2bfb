/* termout.h - stdout and stderr, when they are a terminal, pass every byte
 * through the one rule of core/termsafe.h, so that no name or note a
 * command prints (show, today, search, an echoed argument) can send the
 * terminal a control sequence.  Pipes and files get the text as it is. */
#ifndef RAPPORT_TERMOUT_H
#define RAPPORT_TERMOUT_H

/* For commands, not the full-screen UI (ncurses writes its own controls). */
void termout_install(void);

#endif
