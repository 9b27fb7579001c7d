/* output.c - atomic file output: write a temporary file, sync it, rename it over the target. */
#define _GNU_SOURCE /* fopencookie */
#include "export/output.h"
#include "export/output_temp.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/text.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The descriptor under an output's FILE. Writers (libxml2, cgraph) only see
 * the FILE and its error flag; the sink keeps why the first write failed, so
 * that the message can say "No space left on device" and not guess.
 */
struct gg_i_sink {
	int fd;
	bool owned;      /* closed with the FILE (not standard output) */
	bool write_back; /* a temporary file: its pages sent to disk as they are written */
	int error;       /* errno of the first failure, 0 while none */
	long long written, sent; /* bytes written, and sent to disk (write_back) */
	char buffer[]; /* the FILE's, SINK_BUFFER bytes: freed with the sink, after the FILE */
};

/* The FILE's buffer: writers hand over 64 KB at a time, and stdio's own
 * buffer would pass each on in 8 KB writes (some 4,000 system calls for
 * the 45 MB of a 12,000-entry glossary's GraphML and DOT, about 70 with this). */
#define SINK_BUFFER (1 << 20)

/* A temporary file's pages are sent to disk each time this many more are
 * written (gg_i_temp_write_back): a build's files then reach the disk while
 * it works, rather than all in the syncs at its end. */
#define WRITE_BACK_STEP (8 << 20)

/* Write all of buf or fail; the first failure's errno is kept. */
static ssize_t sink_write(void *cookie, const char *buf, size_t size)
{
	gg_i_sink *s = cookie;
	size_t done = 0;
	while (done < size) {
		ssize_t n = write(s->fd, buf + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (!s->error)
				s->error = n < 0 ? errno : EIO;
			return -1;
		}
		done += (size_t)n;
	}
	s->written += (long long)done;
	if (s->write_back && s->written - s->sent >= WRITE_BACK_STEP) {
		gg_i_temp_write_back(s->fd, s->sent, s->written - s->sent);
		s->sent = s->written;
	}
	return (ssize_t)done;
}

/* Close the descriptor when the sink owns it; a failure counts as a write error. */
static int sink_close(void *cookie)
{
	gg_i_sink *s = cookie;
	if (s->owned && close(s->fd) != 0) {
		if (!s->error)
			s->error = errno;
		return -1;
	}
	return 0;
}

/* A FILE over fd that records its first error in o->sink. */
static int open_sink(gg_i_output *o, int fd, bool owned)
{
	static const cookie_io_functions_t io = { NULL, sink_write, NULL, sink_close };
	o->sink = malloc(sizeof(*o->sink) + SINK_BUFFER);
	if (!o->sink)
		return gg_i_error_oom();
	o->sink->fd = fd;
	o->sink->owned = owned;
	o->sink->write_back = false;
	o->sink->error = 0;
	o->sink->written = o->sink->sent = 0;
	o->f = fopencookie(o->sink, "w", io);
	if (!o->f || setvbuf(o->f, o->sink->buffer, _IOFBF, SINK_BUFFER) != 0) {
		if (o->f)
			fclose(o->f);
		o->f = NULL;
		free(o->sink);
		o->sink = NULL;
		return gg_i_error_oom();
	}
	return 0;
}

/* Free everything and reset o. */
static void release(gg_i_output *o)
{
	gg_i_temp_forget(o->temp_slot);
	free(o->sink);
	free(o->path);
	free(o->tmp);
	*o = (gg_i_output)GG_I_OUTPUT_INIT;
}

/*
 * The descriptor N that `path` names when it is one of this process's own
 * (/dev/fd/N, /proc/self/fd/N, /proc/thread-self/fd/N, /proc/PID/fd/N);
 * -1 for any other path.
 */
static int own_descriptor(const char *path)
{
	char own[64];
	snprintf(own, sizeof(own), "/proc/%ld/fd/", (long)getpid());
	const char *const folders[] = { "/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", own };
	for (size_t i = 0; i < sizeof(folders) / sizeof(folders[0]); i++) {
		size_t n = strlen(folders[i]);
		if (strncmp(path, folders[i], n) != 0)
			continue;
		const char *p = path + n;
		long fd = 0;
		while (*p >= '0' && *p <= '9' && fd <= INT_MAX / 10)
			fd = fd * 10 + (*p++ - '0');
		return p > path + n && !*p && fd <= INT_MAX ? (int)fd : -1;
	}
	return -1;
}

/*
 * Follow the symbolic links of `path`, one at a time, as open() does: the
 * rename must replace the file a link points to, not the link, and a
 * dangling link leads to the file it names (which is created). Sets *out
 * (malloc'd) to the last path, and *fd to N when a step is a descriptor of
 * this process (/dev/stdout leads to /proc/self/fd/1), else -1. Returns 0,
 * GG_EIO (a loop of links) or GG_ENOMEM.
 */
static int follow_links(const char *path, char **out, int *fd)
{
	char *cur = gg_i_strndup(path, strlen(path));
	char target[PATH_MAX];
	struct stat st;

	*out = NULL;
	*fd = -1;
	for (int hops = 0; cur; hops++) {
		if ((*fd = own_descriptor(cur)) >= 0 || lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			break;
		if (hops == 40) {
			free(cur);
			return gg_i_error_set_errno(GG_EIO, ELOOP, "cannot write '%s'", path);
		}
		ssize_t n = readlink(cur, target, sizeof(target) - 1);
		if (n <= 0)
			break;
		target[n] = '\0';
		const char *slash = strrchr(cur, '/');
		size_t dir_len = target[0] == '/' || !slash ? 0 : (size_t)(slash - cur) + 1;
		gg_i_buf next = GG_BUF_INIT;
		gg_i_buf_printf(&next, "%.*s%s", (int)dir_len, cur, target);
		free(cur);
		cur = next.oom ? NULL : gg_i_buf_detach(&next);
		gg_i_buf_free(&next);
	}
	if (!cur)
		return gg_i_error_oom();
	*out = cur;
	return 0;
}

/* Write through descriptor `fd` of this process (a dup of it), as the shell's >/dev/stdout does. */
static int open_descriptor(gg_i_output *o, int fd, const char *path)
{
	if (fd == STDOUT_FILENO && fflush(stdout) != 0)
		return gg_i_error_set_errno(GG_EIO, errno, "cannot write to standard output");
	int copy = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	if (copy < 0)
		return gg_i_error_set_errno(GG_EIO, errno, "cannot write '%s'", path);
	int err = open_sink(o, copy, true);
	if (err)
		close(copy);
	return err;
}

/* Write in place what is not a regular file: a device, a pipe. */
static int open_special(gg_i_output *o, const char *path)
{
	int fd = open(o->path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return gg_i_error_set_errno(GG_EIO, errno, "cannot write '%s'", path);
	int err = open_sink(o, fd, true);
	if (err)
		close(fd);
	return err;
}

/*
 * Give the new file the owner and group of the old one, `old`, where we
 * may: root may; others may keep a group they are in. Returns whether both
 * are kept; when they are not, the file is ours, as a new file would be.
 */
static bool keep_owner(int fd, const struct stat *old)
{
	if (old->st_uid == geteuid() && old->st_gid == getegid())
		return true;
	if (fchown(fd, old->st_uid, old->st_gid) == 0)
		return true;
	return fchown(fd, (uid_t)-1, old->st_gid) == 0 && old->st_uid == geteuid();
}

/*
 * Create the temporary file beside o->path; sets o->tmp, o->temp_slot and
 * o->f. `old` is the file it replaces (NULL when none): its owner and mode
 * are kept.
 */
static int open_temporary(gg_i_output *o, const struct stat *old)
{
	const char *slash = strrchr(o->path, '/');
	size_t dir_len = slash ? (size_t)(slash - o->path) + 1 : 0;
	int fd;
	int err = gg_i_temp_create(o->path, dir_len, &fd, &o->tmp, &o->temp_slot);

	if (!err && old) {
		(void)keep_owner(fd, old); /* first: a change of owner clears set-id bits */
		if (fchmod(fd, old->st_mode & 07777) != 0)
			err = gg_i_error_set_errno(GG_EIO, errno, "cannot keep the mode of '%s'", o->path);
	}
	if (!err && !(err = open_sink(o, fd, true)))
		o->sink->write_back = true;
	if (err && fd >= 0) {
		close(fd);
		unlink(o->tmp);
	}
	return err;
}

int gg_i_output_open(gg_i_output *o, const char *path)
{
	struct stat st;
	int err, fd;

	*o = (gg_i_output)GG_I_OUTPUT_INIT;
	if (strcmp(path, "-") == 0) {
		o->in_place = o->is_stdout = true;
		if (fflush(stdout) != 0)
			return gg_i_error_set_errno(GG_EIO, errno, "cannot write to standard output");
		if ((err = open_sink(o, STDOUT_FILENO, false)) != 0)
			release(o);
		return err;
	}
	if (!*path)
		return gg_i_error_set(GG_EIO, "cannot write a file with an empty name");
	if ((err = follow_links(path, &o->path, &fd)) != 0)
		return err;
	const char *slash = strrchr(o->path, '/');
	bool exists = stat(o->path, &st) == 0;
	if (fd < 0 && strlen(slash ? slash + 1 : o->path) > NAME_MAX) {
		err = gg_i_error_set_errno(GG_EIO, ENAMETOOLONG, "cannot write '%s'", path);
	} else if (fd >= 0) {
		o->in_place = true;
		err = open_descriptor(o, fd, path);
	} else if (exists && S_ISDIR(st.st_mode)) {
		err = gg_i_error_set(GG_EIO, "cannot write '%s': it is a folder", path);
	} else if (exists && !S_ISREG(st.st_mode)) {
		o->in_place = true;
		err = open_special(o, path);
	} else if (exists && faccessat(AT_FDCWD, o->path, W_OK, AT_EACCESS) != 0) {
		err = gg_i_error_set_errno(GG_EIO, errno, "cannot write '%s'", path);
	} else {
		err = open_temporary(o, exists ? &st : NULL);
	}
	if (err)
		release(o);
	return err;
}

int gg_i_output_close(gg_i_output *o)
{
	int err = 0;

	if (!o->f)
		return 0;
	if (fflush(o->f) != 0 || ferror(o->f))
		err = o->sink->error ? o->sink->error : EIO;
	if (!err && o->tmp && fsync(o->sink->fd) != 0)
		err = errno;
	if (fclose(o->f) != 0 && !err)
		err = o->sink->error ? o->sink->error : EIO;
	o->f = NULL;
	if (!err)
		return 0;
	int code = o->is_stdout
		? gg_i_error_set_errno(GG_EIO, err, "cannot write to standard output")
		: gg_i_error_set_errno(GG_EIO, err, "cannot write '%s'", o->path);
	if (o->tmp)
		unlink(o->tmp);
	gg_i_temp_forget(o->temp_slot);
	o->temp_slot = -1;
	free(o->tmp);
	o->tmp = NULL;
	return code;
}

int gg_i_output_commit(gg_i_output *o)
{
	if (o->tmp && rename(o->tmp, o->path) != 0)
		return gg_i_error_set_errno(GG_EIO, errno, "cannot rename '%s' to '%s'",
					  o->tmp, o->path);
	release(o);
	return 0;
}

int gg_i_output_lock_folder(const char *path, int *lock)
{
	const char *slash = strrchr(path, '/');
	char *folder = slash ? gg_i_strndup(path, slash == path ? 1 : (size_t)(slash - path))
			     : gg_i_strndup(".", 1);
	int err = 0, fd;

	*lock = -1;
	if (!folder)
		return gg_i_error_oom();
	fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		err = gg_i_error_set_errno(GG_EIO, errno, "cannot lock folder '%s'", folder);
	} else {
		int rc;
		while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
			;
		if (rc != 0) {
			err = gg_i_error_set_errno(GG_EIO, errno, "cannot lock folder '%s'", folder);
			close(fd);
		} else {
			*lock = fd;
		}
	}
	free(folder);
	return err;
}

void gg_i_output_unlock_folder(int lock)
{
	if (lock >= 0)
		close(lock); /* releases the flock */
}

void gg_i_output_abort(gg_i_output *o)
{
	if (o->f)
		fclose(o->f);
	if (o->tmp)
		unlink(o->tmp);
	release(o); /* and forgets the temporary */
}
