/* termout.h - stdout and stderr, when they are a terminal, pass every byte
 * through the one rule of core/termsafe.h, so that no name or note a
 * command prints (show, today, search, an echoed argument) can send the
 * terminal a control sequence.  Pipes and files get the text as it is. */
#ifndef RAPPORT_TERMOUT_H
#define RAPPORT_TERMOUT_H

void termout_install(void);
/* Back to the plain streams, before the full-screen UI starts (ncurses
 * writes its own controls); what the filters still held is written out. */
void termout_remove(void);

#endif
