/* output_temp.c - the temporary files of atomic outputs: short names, removal on a fatal signal, the sweep of a dead run's leftovers, their pages sent to disk early. */
#define _GNU_SOURCE /* sync_file_range */
#include "export/output_temp.h"
#include "core/buf.h"
#include "core/error.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Names tried for a temporary file before giving up. */
#define TMP_ATTEMPTS 100
/* Temporaries open at once that a signal can remove; more are swept later. */
#define SIGNAL_SLOTS 64
/* A dead run's temporary is swept when it is at least this old (seconds). */
#define STALE_SECONDS 5

static atomic_uint tmp_counter;

/*
 * The temporaries a signal removes. A slot is FREE, FILLING (claimed, its
 * path being written: the handler skips it), READY or REMOVING. The rule
 * that keeps a path from changing while the handler reads it: the handler
 * takes a READY slot to REMOVING before reading its path, and nothing ever
 * takes a slot out of REMOVING (the process is dying), so only FREE slots
 * are refilled and forget frees a slot only while it is READY. unlink is
 * async-signal-safe.
 */
enum { SLOT_FREE, SLOT_FILLING, SLOT_READY, SLOT_REMOVING };
static struct {
	atomic_int state;
	char path[PATH_MAX];
} slots[SIGNAL_SLOTS];

static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP };

/* The signal handler: remove every ready temporary, then die of the signal. */
static void remove_temporaries(int sig)
{
	int saved = errno;
	for (size_t i = 0; i < SIGNAL_SLOTS; i++) {
		int expected = SLOT_READY;
		if (atomic_compare_exchange_strong(&slots[i].state, &expected, SLOT_REMOVING))
			unlink(slots[i].path);
	}
	errno = saved;
	raise(sig); /* SA_RESETHAND | SA_NODEFER: the default action, now */
}

/* Set the handler for each fatal signal at its default action (one ignored, or
 * handled by the program, is left alone). */
static void install_handler(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = remove_temporaries;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
		struct sigaction old;
		if (sigaction(fatal_signals[i], NULL, &old) == 0 && !(old.sa_flags & SA_SIGINFO) &&
		    old.sa_handler == SIG_DFL)
			sigaction(fatal_signals[i], &sa, NULL);
	}
}

/* Put `name` in a free slot; its index, or -1 when all are taken or it is too long. */
static int remember(const char *name)
{
	size_t len = strlen(name);
	if (len >= PATH_MAX)
		return -1;
	for (int i = 0; i < SIGNAL_SLOTS; i++) {
		int expected = SLOT_FREE;
		if (atomic_compare_exchange_strong(&slots[i].state, &expected, SLOT_FILLING)) {
			memcpy(slots[i].path, name, len + 1);
			atomic_store(&slots[i].state, SLOT_READY);
			return i;
		}
	}
	return -1;
}

void gg_i_temp_forget(int slot)
{
	int expected = SLOT_READY;
	if (slot >= 0 && slot < SIGNAL_SLOTS) /* a slot being removed stays so: see above */
		atomic_compare_exchange_strong(&slots[slot].state, &expected, SLOT_FREE);
}

/* Whether `name` is exactly PREFIX PID "-" N with 0 < PID <= INT_MAX; sets *pid. */
static bool temp_name_pid(const char *name, pid_t *pid)
{
	size_t prefix = strlen(GG_I_TEMP_PREFIX);
	if (strncmp(name, GG_I_TEMP_PREFIX, prefix) != 0)
		return false;
	const char *p = name + prefix, *digits = p;
	long value = 0;
	while (*p >= '0' && *p <= '9' && p - digits < 10)
		value = value * 10 + (*p++ - '0');
	if (p == digits || *p++ != '-' || value <= 0 || value > INT_MAX)
		return false;
	const char *counter = p;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p == counter || *p)
		return false;
	*pid = (pid_t)value;
	return true;
}

/*
 * Remove the temporary folder `name` in the folder open as `d` when it holds
 * regular files only and no NAME.old is beside it (a swap was under way:
 * what is in it may be the user's). Failures are ignored.
 */
static void sweep_folder(DIR *d, const char *name)
{
	char old[NAME_MAX + 8];
	struct stat st;
	snprintf(old, sizeof(old), "%s.old", name);
	if (fstatat(dirfd(d), old, &st, AT_SYMLINK_NOFOLLOW) == 0 || errno != ENOENT)
		return;
	int fd = openat(dirfd(d), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *sub = fd >= 0 ? fdopendir(fd) : NULL;
	bool only_files = sub != NULL;
	for (struct dirent *e; only_files && (e = readdir(sub)) != NULL;)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)))
			only_files = false;
	if (only_files) {
		rewinddir(sub);
		for (struct dirent *e; (e = readdir(sub)) != NULL;)
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
				unlinkat(fd, e->d_name, 0);
		unlinkat(dirfd(d), name, AT_REMOVEDIR);
	}
	if (sub)
		closedir(sub);
	else if (fd >= 0)
		close(fd);
}

/*
 * Remove the temporary file `name` in the folder open as `d` unless a
 * writer still holds its lock: a PID that this process cannot see (another
 * PID namespace, another host on a shared folder) may be a live run's.
 * Failures are ignored.
 */
static void sweep_file(DIR *d, const char *name)
{
	int fd = openat(dirfd(d), name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		unlinkat(dirfd(d), name, 0);
	close(fd);
}

void gg_i_temp_sweep(const char *dir, size_t dir_len)
{
	char *folder = dir_len ? strndup(dir, dir_len) : strdup(".");
	DIR *d = folder ? opendir(folder) : NULL;
	struct dirent *e;
	time_t now = time(NULL);

	while (d && (e = readdir(d)) != NULL) {
		pid_t pid;
		struct stat st;
		if (!temp_name_pid(e->d_name, &pid) || pid == getpid())
			continue;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) || now - st.st_mtime < STALE_SECONDS)
			continue;
		if (kill(pid, 0) == 0 || errno != ESRCH)
			continue;
		if (S_ISDIR(st.st_mode))
			sweep_folder(d, e->d_name);
		else
			sweep_file(d, e->d_name);
	}
	if (d)
		closedir(d);
	free(folder);
}

int gg_i_temp_create(const char *dir, size_t dir_len, int *fd, char **name, int *slot)
{
	gg_i_buf path = GG_BUF_INIT;
	int err = 0;

	*fd = -1;
	*name = NULL;
	*slot = -1;
	install_handler();
	gg_i_temp_sweep(dir, dir_len);

	/*
	 * The name is remembered before the file exists, so a signal on any
	 * thread finds every temporary on disk (at worst it unlinks a name
	 * that O_EXCL found taken: a leftover of a gone run with our PID).
	 */
	for (int attempt = 0; attempt < TMP_ATTEMPTS && *fd < 0 && !err; attempt++) {
		gg_i_buf_clear(&path);
		gg_i_buf_printf(&path, "%.*s" GG_I_TEMP_PREFIX "%ld-%u", (int)dir_len, dir,
			      (long)getpid(), atomic_fetch_add(&tmp_counter, 1));
		if (path.oom) {
			err = gg_i_error_oom();
			break;
		}
		*slot = remember(path.ptr);
		*fd = open(path.ptr, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (*fd >= 0)
			(void)flock(*fd, LOCK_EX | LOCK_NB); /* in use while open: the sweep leaves it */
		if (*fd < 0) {
			int e = errno;
			gg_i_temp_forget(*slot);
			*slot = -1;
			if (e != EEXIST)
				err = gg_i_error_set_errno(GG_EIO, e, "cannot write in '%.*s'",
							 dir_len > 1 ? (int)dir_len - 1 : 1,
							 dir_len ? dir : ".");
		}
	}
	if (!err && *fd < 0)
		err = gg_i_error_set(GG_EIO, "cannot find a free temporary name in '%.*s'",
				   dir_len > 1 ? (int)dir_len - 1 : 1, dir_len ? dir : ".");
	if (!err)
		*name = gg_i_buf_detach(&path); /* not out of memory: checked above */
	gg_i_buf_free(&path);
	return err;
}

void gg_i_temp_write_back(int fd, long long from, long long len)
{
#ifdef SYNC_FILE_RANGE_WRITE
	(void)sync_file_range(fd, (off_t)from, (off_t)len, SYNC_FILE_RANGE_WRITE);
#else
	(void)fd, (void)from, (void)len;
#endif
}

int gg_i_temp_create_folder(const char *dir, size_t dir_len, char **name)
{
	gg_i_buf path = GG_BUF_INIT;
	int err = 0;

	*name = NULL;
	gg_i_temp_sweep(dir, dir_len);
	for (int attempt = 0; attempt < TMP_ATTEMPTS && !*name && !err; attempt++) {
		gg_i_buf_clear(&path);
		gg_i_buf_printf(&path, "%.*s" GG_I_TEMP_PREFIX "%ld-%u", (int)dir_len, dir,
			      (long)getpid(), atomic_fetch_add(&tmp_counter, 1));
		if (path.oom)
			err = gg_i_error_oom();
		else if (mkdir(path.ptr, 0700) == 0)
			*name = gg_i_buf_detach(&path);
		else if (errno != EEXIST)
			err = gg_i_error_set_errno(GG_EIO, errno, "cannot write in '%.*s'",
						 dir_len > 1 ? (int)dir_len - 1 : 1, dir_len ? dir : ".");
	}
	if (!err && !*name)
		err = gg_i_error_set(GG_EIO, "cannot find a free temporary name in '%.*s'",
				   dir_len > 1 ? (int)dir_len - 1 : 1, dir_len ? dir : ".");
	gg_i_buf_free(&path);
	return err;
}
