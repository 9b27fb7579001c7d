/* output.c - atomic file output: write a temporary file, sync it, rename it over the target. */
#define _GNU_SOURCE /* fopencookie */
#include "export/output.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Names tried for a temporary file before giving up. */
#define TMP_ATTEMPTS 100

static atomic_uint tmp_counter;

/*
 * The descriptor under an output's FILE. Writers (libxml2, cgraph) only see
 * the FILE and its error flag; the sink keeps why the first write failed, so
 * that the message can say "No space left on device" and not guess.
 */
struct gg_i_sink {
	int fd;
	bool owned; /* closed with the FILE (not standard output) */
	int error;  /* errno of the first failure, 0 while none */
};

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
	o->sink = malloc(sizeof(*o->sink));
	if (!o->sink)
		return gg_error_oom();
	*o->sink = (gg_i_sink){ fd, owned, 0 };
	o->f = fopencookie(o->sink, "w", io);
	if (!o->f) {
		free(o->sink);
		o->sink = NULL;
		return gg_error_oom();
	}
	return 0;
}

/* Free everything and reset o. */
static void release(gg_i_output *o)
{
	free(o->sink);
	free(o->path);
	free(o->tmp);
	*o = (gg_i_output)GG_I_OUTPUT_INIT;
}

/* The file a path leads to: symbolic links followed, so that the rename
 * replaces their target, not the link. A dangling link is kept as is. */
static char *resolve(const char *path)
{
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		char *real = realpath(path, NULL);
		if (real)
			return real;
	}
	return gg_strndup(path, strlen(path));
}

/* Create the temporary file beside o->path; sets o->tmp and o->f. */
static int open_temporary(gg_i_output *o)
{
	const char *slash = strrchr(o->path, '/');
	size_t dir_len = slash ? (size_t)(slash - o->path) + 1 : 0;
	const char *base = o->path + dir_len;
	gg_buf name = GG_BUF_INIT;
	int fd = -1, err = 0;

	for (int attempt = 0; attempt < TMP_ATTEMPTS && fd < 0 && !err; attempt++) {
		gg_buf_clear(&name);
		gg_buf_printf(&name, "%.*s.%s.tmp-%ld-%u", (int)dir_len, o->path, base,
			      (long)getpid(), atomic_fetch_add(&tmp_counter, 1));
		if (name.oom) {
			err = gg_error_oom();
			break;
		}
		fd = open(name.ptr, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			err = gg_error_set_errno(GG_EIO, errno, "cannot write in '%.*s'",
						 dir_len > 1 ? (int)dir_len - 1 : 1,
						 dir_len ? o->path : ".");
	}
	if (!err && fd < 0)
		err = gg_error_set(GG_EIO, "cannot find a free temporary name beside '%s'", o->path);
	if (!err)
		err = open_sink(o, fd, true);
	if (!err) {
		o->tmp = gg_buf_detach(&name);
		if (!o->tmp)
			err = gg_error_oom();
	}
	if (err && fd >= 0) {
		if (o->f)
			fclose(o->f); /* closes fd */
		else
			close(fd);
		o->f = NULL;
		unlink(name.ptr);
	}
	gg_buf_free(&name);
	return err;
}

int gg_i_output_open(gg_i_output *o, const char *path)
{
	struct stat st;
	int err;

	*o = (gg_i_output)GG_I_OUTPUT_INIT;
	if (strcmp(path, "-") == 0) {
		o->in_place = o->is_stdout = true;
		if (fflush(stdout) != 0)
			return gg_error_set_errno(GG_EIO, errno, "cannot write to standard output");
		if ((err = open_sink(o, STDOUT_FILENO, false)) != 0)
			release(o);
		return err;
	}
	if (!*path)
		return gg_error_set(GG_EIO, "cannot write a file with an empty name");
	o->path = resolve(path);
	if (!o->path)
		return gg_error_oom();
	if (stat(o->path, &st) == 0 && S_ISDIR(st.st_mode)) {
		err = gg_error_set(GG_EIO, "cannot write '%s': it is a folder", path);
	} else if (stat(o->path, &st) == 0 && !S_ISREG(st.st_mode)) {
		o->in_place = true;
		int fd = open(o->path, O_WRONLY | O_TRUNC | O_CLOEXEC);
		err = fd < 0 ? gg_error_set_errno(GG_EIO, errno, "cannot write '%s'", path)
			     : open_sink(o, fd, true);
		if (err && fd >= 0)
			close(fd);
	} else {
		err = open_temporary(o);
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
		? gg_error_set_errno(GG_EIO, err, "cannot write to standard output")
		: gg_error_set_errno(GG_EIO, err, "cannot write '%s'", o->path);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
	return code;
}

int gg_i_output_commit(gg_i_output *o)
{
	if (o->tmp && rename(o->tmp, o->path) != 0)
		return gg_error_set_errno(GG_EIO, errno, "cannot rename '%s' to '%s'",
					  o->tmp, o->path);
	release(o);
	return 0;
}

void gg_i_output_abort(gg_i_output *o)
{
	if (o->f)
		fclose(o->f);
	if (o->tmp)
		unlink(o->tmp);
	release(o);
}
