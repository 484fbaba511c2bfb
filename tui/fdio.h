/* fdio.h - writing a whole buffer to a file descriptor. */
#ifndef RAPPORT_FDIO_H
#define RAPPORT_FDIO_H

#include <stddef.h>

/* Write all n bytes of p to fd, through short writes and EINTR; 0, or -1
 * with errno set. */
int fd_write_all(int fd, const char *p, size_t n);

#endif
