#include "tui/screen/editor.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tui/fdio.h"

#define MAX_ARGS 16
#define MAX_TEXT (4L << 20)

static const char *editor_command(void)
{
	const char *e = getenv("VISUAL");
	if (!e || !*e)
		e = getenv("EDITOR");
	return e && *e ? e : "vi";
}

static char *read_all(const char *path, char *why, size_t n)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0;
	if (!f) {
		snprintf(why, n, "cannot read the edited text: %s", strerror(errno));
		return NULL;
	}
	for (;;) {
		if (len + 4096 + 1 > cap) {
			char *p;
			cap = cap ? cap * 2 : 8192;
			if ((long)cap > MAX_TEXT * 2 || !(p = realloc(buf, cap))) {
				snprintf(why, n, "the edited text is too large");
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = p;
		}
		size_t got = fread(buf + len, 1, 4096, f);
		len += got;
		if (got < 4096)
			break;
	}
	fclose(f);
	buf[len] = '\0';
	if (len && buf[len - 1] == '\n')
		buf[--len] = '\0';
	return buf;
}

int editor_run(const char *text, char **out, char *why, size_t n)
{
	char dir[4096], file[4200], cmd[1024], *argv[MAX_ARGS + 2], *save = NULL;
	const char *tmp = getenv("TMPDIR");
	int fd, argc = 0, status = 0, rc = -1;
	pid_t pid;

	*out = NULL;
	snprintf(dir, sizeof dir, "%s/rapport.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) { /* a folder only we can enter (0700) */
		snprintf(why, n, "cannot make a temporary folder: %s", strerror(errno));
		return -1;
	}
	snprintf(file, sizeof file, "%s/note.txt", dir);
	fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0600);
	/* with a final newline, as a text file has (an editor that appends
	 * would join its line to the last one); it is taken off on reading */
	if (fd < 0 || fd_write_all(fd, text, strlen(text)) != 0 ||
	    (*text && text[strlen(text) - 1] != '\n' && fd_write_all(fd, "\n", 1) != 0) ||
	    close(fd) != 0) {
		snprintf(why, n, "cannot write the temporary file: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		goto done;
	}
	snprintf(cmd, sizeof cmd, "%s", editor_command());
	for (char *t = strtok_r(cmd, " \t", &save); t && argc < MAX_ARGS; t = strtok_r(NULL, " \t", &save))
		argv[argc++] = t;
	argv[argc++] = file;
	argv[argc] = NULL;

	pid = fork();
	if (pid < 0) {
		snprintf(why, n, "cannot start the editor: %s", strerror(errno));
		goto done;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "rapport: cannot run the editor '%s': %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(why, n, "the editor '%s' failed (status %d); the text is unchanged", argv[0],
		         WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		goto done;
	}
	*out = read_all(file, why, n);
	rc = *out ? 0 : -1;
done:
	unlink(file);
	rmdir(dir);
	return rc;
}
