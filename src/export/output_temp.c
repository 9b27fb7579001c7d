/* output_temp.c - the temporary files of atomic outputs: short names, removal on a fatal signal, the sweep of a dead run's leftovers. */
#include "export/output_temp.h"
#include "core/buf.h"
#include "core/error.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
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
 * path being written: the handler skips it) or READY. The handler only
 * reads READY paths and calls unlink, which is async-signal-safe.
 */
enum { SLOT_FREE, SLOT_FILLING, SLOT_READY };
static struct {
	atomic_int state;
	char path[PATH_MAX];
} slots[SIGNAL_SLOTS];

static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP };

/* The signal handler: remove every ready temporary, then die of the signal. */
static void remove_temporaries(int sig)
{
	int saved = errno;
	for (size_t i = 0; i < SIGNAL_SLOTS; i++)
		if (atomic_load(&slots[i].state) == SLOT_READY)
			unlink(slots[i].path);
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
	if (slot >= 0 && slot < SIGNAL_SLOTS)
		atomic_store(&slots[slot].state, SLOT_FREE);
}

/* Whether `name` is exactly PREFIX PID "-" N; sets *pid. */
static bool temp_name_pid(const char *name, pid_t *pid)
{
	size_t prefix = strlen(GG_I_TEMP_PREFIX);
	if (strncmp(name, GG_I_TEMP_PREFIX, prefix) != 0)
		return false;
	const char *p = name + prefix, *digits = p;
	long value = 0;
	while (*p >= '0' && *p <= '9' && p - digits < 10)
		value = value * 10 + (*p++ - '0');
	if (p == digits || *p++ != '-' || value <= 0)
		return false;
	const char *counter = p;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p == counter || *p)
		return false;
	*pid = (pid_t)value;
	return true;
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
		    !S_ISREG(st.st_mode) || now - st.st_mtime < STALE_SECONDS)
			continue;
		if (kill(pid, 0) != 0 && errno == ESRCH)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	if (d)
		closedir(d);
	free(folder);
}

int gg_i_temp_create(const char *dir, size_t dir_len, int *fd, char **name, int *slot)
{
	gg_i_buf path = GG_BUF_INIT;
	sigset_t fatal, old;
	int err = 0;

	*fd = -1;
	*name = NULL;
	*slot = -1;
	install_handler();
	gg_i_temp_sweep(dir, dir_len);

	/* no signal between creating the file and remembering it */
	sigemptyset(&fatal);
	for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++)
		sigaddset(&fatal, fatal_signals[i]);
	pthread_sigmask(SIG_BLOCK, &fatal, &old);
	for (int attempt = 0; attempt < TMP_ATTEMPTS && *fd < 0 && !err; attempt++) {
		gg_i_buf_clear(&path);
		gg_i_buf_printf(&path, "%.*s" GG_I_TEMP_PREFIX "%ld-%u", (int)dir_len, dir,
			      (long)getpid(), atomic_fetch_add(&tmp_counter, 1));
		if (path.oom) {
			err = gg_i_error_oom();
			break;
		}
		*fd = open(path.ptr, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (*fd < 0 && errno != EEXIST)
			err = gg_i_error_set_errno(GG_EIO, errno, "cannot write in '%.*s'",
						 dir_len > 1 ? (int)dir_len - 1 : 1,
						 dir_len ? dir : ".");
	}
	if (!err && *fd < 0)
		err = gg_i_error_set(GG_EIO, "cannot find a free temporary name in '%.*s'",
				   dir_len > 1 ? (int)dir_len - 1 : 1, dir_len ? dir : ".");
	if (!err) {
		*slot = remember(path.ptr);
		*name = gg_i_buf_detach(&path); /* not out of memory: checked above */
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	gg_i_buf_free(&path);
	return err;
}
