/* huge_pages.c - the command started again, once, with glibc's malloc asking the kernel for 2 MB pages. */
#include "cli/cli.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Why: a build touches hundreds of megabytes once (the pages read, the
 * links, the graph, the files written), and where the kernel gives
 * transparent huge pages only to memory that asks for them ("madvise", the
 * default of Debian's and Ubuntu's kernels), every 4 KB of it costs a page
 * fault: a fifth of the CPU time of a 100,000-entry build on a virtual
 * machine. glibc's malloc asks for 2 MB pages when its tunable
 * glibc.malloc.hugetlb is 1, and reads its tunables only when a process
 * starts: hence the restart, decided once the arguments are read
 * (100,000 entries: build 0.82x the wall time; 1,000,000 entries: stats
 * 0.67x, the same peak memory).
 */
#define TUNABLE "glibc.malloc.hugetlb"
/* Inputs from this many bytes on restart: on the seed pages (320 KB) the
 * restart cost a query more than the pages gave back (36 -> 47 ms), from a
 * 5 MB glossary on a build gains (0.71x the wall time). */
#define HUGE_PAGES_FROM (2 << 20)
/* Folders deeper than this below an input are not counted. */
#define MAX_DEPTH 16

static char **command_argv; /* main's, for the restart */

void cli_huge_pages_remember(char **argv)
{
	command_argv = argv;
}

/* Whether the kernel gives transparent huge pages to the memory that asks for them only. */
static bool huge_pages_on_request(void)
{
	char mode[128];
	int fd = open("/sys/kernel/mm/transparent_hugepage/enabled", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, mode, sizeof(mode) - 1);
	close(fd);
	if (n <= 0)
		return false;
	mode[n] = '\0';
	return strstr(mode, "[madvise]") != NULL;
}

/* Take the sizes of the regular files in the folder open as `dir` and
 * below it from *left, until it is 0 or less; closes dir. */
static void count_folder(int dir, int depth, long long *left)
{
	DIR *d = fdopendir(dir);
	if (!d) {
		close(dir);
		return;
	}
	struct dirent *e;
	while (*left > 0 && (e = readdir(d)) != NULL) {
		struct stat st;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    fstatat(dirfd(d), e->d_name, &st, 0) != 0)
			continue;
		if (S_ISREG(st.st_mode)) {
			*left -= st.st_size;
		} else if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH) {
			int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			if (sub >= 0)
				count_folder(sub, depth + 1, left);
		}
	}
	closedir(d);
}

/* Whether the inputs the command reads (data/ when none is given) hold
 * HUGE_PAGES_FROM bytes; never with standard input, read once. */
static bool big_inputs(const cli_common *c)
{
	size_t n;
	const char *const *inputs = cli_inputs(c, &n);
	long long left = HUGE_PAGES_FROM;
	for (size_t i = 0; i < n; i++)
		if (strcmp(inputs[i], "-") == 0)
			return false;
	for (size_t i = 0; i < n && left > 0; i++) {
		struct stat st;
		if (stat(inputs[i], &st) != 0)
			continue;
		if (S_ISREG(st.st_mode)) {
			left -= st.st_size;
		} else if (S_ISDIR(st.st_mode)) {
			int dir = open(inputs[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			if (dir >= 0)
				count_folder(dir, 0, &left);
		}
	}
	return left <= 0;
}

void cli_restart_with_huge_pages(const cli_common *c)
{
#ifdef __GLIBC__
	const bool glibc = true;
#else
	const bool glibc = false; /* another libc has no such tunable */
#endif
	const char *set = getenv("GLIBC_TUNABLES");
	if (!glibc || !command_argv || c->db || (set && strstr(set, TUNABLE)) ||
	    !huge_pages_on_request() || !big_inputs(c))
		return; /* chosen already (=0 keeps 4 KB pages), or of no use */
	char *before = set ? strdup(set) : NULL;
	size_t len = before ? strlen(before) : 0;
	char *value = malloc(len + sizeof(":" TUNABLE "=1"));
	if ((set && !before) || !value) {
		free(before);
		free(value);
		return;
	}
	snprintf(value, len + sizeof(":" TUNABLE "=1"), "%s%s" TUNABLE "=1", len ? before : "",
		 len ? ":" : "");
	if (setenv("GLIBC_TUNABLES", value, 1) == 0)
		execv("/proc/self/exe", command_argv);
	/* not restarted (no /proc): go on with 4 KB pages, the environment as it was */
	if (before)
		setenv("GLIBC_TUNABLES", before, 1);
	else
		unsetenv("GLIBC_TUNABLES");
	free(before);
	free(value);
}
