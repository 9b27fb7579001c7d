/* test_output.c - atomic outputs: descriptors written through, modes kept, short temporaries, signals, stale sweeps, the folder lock. */
#include "suites.h"
#include "glossgraph.h"
#include "export/output.h"
#include "export/output_temp.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char folder[64];

/* "folder/name" in a static buffer (one at a time). */
static const char *at(const char *name)
{
	static char path[512];
	snprintf(path, sizeof(path), "%s/%s", folder, name);
	return path;
}

/* Make the test's folder; false when it cannot be made. */
static bool make_folder(void)
{
	snprintf(folder, sizeof(folder), "%s/gg-output-XXXXXX", P_tmpdir);
	return mkdtemp(folder) != NULL;
}

/* Remove every file in the folder, then the folder. */
static void remove_folder(void)
{
	DIR *d = opendir(folder);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			unlink(at(e->d_name));
	if (d)
		closedir(d);
	CU_ASSERT_EQUAL(rmdir(folder), 0);
}

/* How many temporaries (".glossgraph.tmp-*") are in the folder. */
static size_t temporaries(void)
{
	DIR *d = opendir(folder);
	struct dirent *e;
	size_t n = 0;
	while (d && (e = readdir(d)) != NULL)
		n += strncmp(e->d_name, GG_I_TEMP_PREFIX, strlen(GG_I_TEMP_PREFIX)) == 0;
	if (d)
		closedir(d);
	return n;
}

/* Write `text` to `path` through an output; the result of the first step that fails. */
static int write_output(const char *path, const char *text)
{
	gg_i_output o = GG_I_OUTPUT_INIT;
	int err = gg_i_output_open(&o, path);
	if (!err) {
		fputs(text, o.f);
		err = gg_i_output_close(&o);
	}
	if (!err)
		err = gg_i_output_commit(&o);
	gg_i_output_abort(&o);
	return err;
}

/* Whether the file at `path` holds exactly `text`. */
static bool holds(const char *path, const char *text)
{
	char buf[256] = { 0 };
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	return n == strlen(text) && memcmp(buf, text, n) == 0;
}

/* A process id that no process has: a child's, once it has been waited for. */
static pid_t dead_pid(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return pid;
}

/* A descriptor of this process is written through, never replaced. */
static void test_descriptor(void)
{
	int pipe_fds[2];
	char path[64], buf[16] = { 0 };
	CU_ASSERT_EQUAL_FATAL(pipe(pipe_fds), 0);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", pipe_fds[1]);
	CU_ASSERT_EQUAL(write_output(path, "one "), 0);
	snprintf(path, sizeof(path), "/dev/fd/%d", pipe_fds[1]);
	CU_ASSERT_EQUAL(write_output(path, "two"), 0);
	close(pipe_fds[1]);
	CU_ASSERT_EQUAL(read(pipe_fds[0], buf, sizeof(buf) - 1), 7);
	CU_ASSERT_STRING_EQUAL(buf, "one two");
	close(pipe_fds[0]);
	CU_ASSERT_EQUAL(write_output("/proc/self/fd/999", "x"), GG_EIO);
}

/* The old file's mode is kept; a 250-byte name is written, a longer one refused. */
static void test_mode_and_long_name(void)
{
	CU_ASSERT_TRUE_FATAL(make_folder());
	struct stat st;
	CU_ASSERT_EQUAL(write_output(at("m"), "old"), 0);
	CU_ASSERT_EQUAL(chmod(at("m"), 0604), 0);
	CU_ASSERT_EQUAL(write_output(at("m"), "new"), 0);
	CU_ASSERT_TRUE(holds(at("m"), "new"));
	CU_ASSERT_TRUE(stat(at("m"), &st) == 0 && (st.st_mode & 07777) == 0604);

	char name[251];
	memset(name, 'n', 250);
	name[250] = '\0';
	CU_ASSERT_EQUAL(write_output(at(name), "long"), 0);
	CU_ASSERT_TRUE(holds(at(name), "long"));

	/* refused before anything is made: a name past NAME_MAX, a loop of links */
	char too_long[257];
	memset(too_long, 'n', 256);
	too_long[256] = '\0';
	CU_ASSERT_EQUAL(write_output(at(too_long), "x"), GG_EIO);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), strerror(ENAMETOOLONG)));
	CU_ASSERT_EQUAL(symlink("loop-b", at("loop-a")), 0);
	CU_ASSERT_EQUAL(symlink("loop-a", at("loop-b")), 0);
	CU_ASSERT_EQUAL(write_output(at("loop-a"), "x"), GG_EIO);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), strerror(ELOOP)));
	CU_ASSERT_EQUAL(temporaries(), 0);
	remove_folder();
}

/* A fatal signal in the middle of a write removes the temporary; the old file stays. */
static void test_signal(void)
{
	const int signals[] = { SIGINT, SIGTERM, SIGHUP };
	CU_ASSERT_TRUE_FATAL(make_folder());
	CU_ASSERT_EQUAL(write_output(at("out"), "old"), 0);
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
		pid_t pid = fork();
		CU_ASSERT_FATAL(pid >= 0);
		if (pid == 0) {
			signal(signals[i], SIG_DFL);
			gg_i_output o = GG_I_OUTPUT_INIT;
			if (gg_i_output_open(&o, at("out")) != 0)
				_exit(3);
			fputs("half", o.f);
			fflush(o.f);
			raise(signals[i]);
			_exit(4); /* not reached: the signal ends the process */
		}
		int status = 0;
		waitpid(pid, &status, 0);
		CU_ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == signals[i]);
		CU_ASSERT_EQUAL(temporaries(), 0);
		CU_ASSERT_TRUE(holds(at("out"), "old"));
	}
	remove_folder();
}

/* Create `name` in the folder with a modification time `age` seconds ago. */
static void plant(const char *name, time_t age)
{
	int fd = open(at(name), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CU_ASSERT_FATAL(fd >= 0);
	struct timespec times[2] = { { time(NULL) - age, 0 }, { time(NULL) - age, 0 } };
	CU_ASSERT_EQUAL(futimens(fd, times), 0);
	close(fd);
}

/* Only a dead run's exact temporaries, old enough, are swept. */
static void test_sweep(void)
{
	char dead[64], dead_old[64], live[64], young[64], other[64];
	pid_t pid = dead_pid();
	CU_ASSERT_TRUE_FATAL(make_folder());
	snprintf(dead, sizeof(dead), GG_I_TEMP_PREFIX "%ld-0", (long)pid);
	snprintf(dead_old, sizeof(dead_old), GG_I_TEMP_PREFIX "%ld-1.old", (long)pid);
	snprintf(live, sizeof(live), GG_I_TEMP_PREFIX "%ld-2", (long)getppid());
	snprintf(young, sizeof(young), GG_I_TEMP_PREFIX "%ld-3", (long)pid);
	snprintf(other, sizeof(other), ".other.tmp-%ld-4", (long)pid);
	plant(dead, 60);
	plant(dead_old, 60);
	plant(live, 60);
	plant(young, 0);
	plant(other, 60);
	CU_ASSERT_EQUAL(mkdir(at(GG_I_TEMP_PREFIX "1-5"), 0700), 0); /* not a file */

	/* the next output in the folder sweeps it */
	CU_ASSERT_EQUAL(write_output(at("out"), "x"), 0);
	CU_ASSERT_NOT_EQUAL(access(at(dead), F_OK), 0);
	CU_ASSERT_EQUAL(access(at(dead_old), F_OK), 0);
	CU_ASSERT_EQUAL(access(at(live), F_OK), 0);
	CU_ASSERT_EQUAL(access(at(young), F_OK), 0);
	CU_ASSERT_EQUAL(access(at(other), F_OK), 0);
	CU_ASSERT_EQUAL(rmdir(at(GG_I_TEMP_PREFIX "1-5")), 0);
	remove_folder();
}

/* A temporary whose writer holds its lock stays, whatever its PID says. */
static void test_sweep_locked(void)
{
	char locked[64];
	pid_t pid = dead_pid();
	CU_ASSERT_TRUE_FATAL(make_folder());
	snprintf(locked, sizeof(locked), GG_I_TEMP_PREFIX "%ld-0", (long)pid);
	plant(locked, 60);
	int fd = open(at(locked), O_RDONLY | O_CLOEXEC);
	CU_ASSERT_FATAL(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0);
	CU_ASSERT_EQUAL(write_output(at("out"), "x"), 0);
	CU_ASSERT_EQUAL(access(at(locked), F_OK), 0);
	close(fd); /* the writer is gone: the next output sweeps it */
	CU_ASSERT_EQUAL(write_output(at("out"), "y"), 0);
	CU_ASSERT_NOT_EQUAL(access(at(locked), F_OK), 0);
	remove_folder();
}

/* The Neo4j pair is renamed into place only under the folder's lock. */
static void test_lock(void)
{
	static const char page[] = "alpha, cat\n\n**Alpha** names beta.\n\n"
				   "beta, cat\n\n**Beta** names alpha.\n";
	gg_glossary *g = NULL;
	gg_links *links = NULL;
	gg_graph *graph = NULL;
	int lock;

	CU_ASSERT_TRUE_FATAL(make_folder());
	CU_ASSERT_FATAL(gg_glossary_new(&g) == 0 &&
			gg_glossary_read_buffer(g, "page.txt", page, sizeof(page) - 1) == 0 &&
			gg_glossary_build(g, NULL) == 0 && gg_links_new(&links, g, NULL) == 0 &&
			gg_graph_new(&graph, links, NULL) == 0);
	CU_ASSERT_EQUAL_FATAL(gg_i_output_lock_folder(at("pair"), &lock), 0);
	pid_t pid = fork();
	CU_ASSERT_FATAL(pid >= 0);
	if (pid == 0) {
		close(lock); /* a copy of the parent's, which would hold the lock */
		_exit(gg_export_file(graph, GG_FORMAT_NEO4J, NULL, at("pair")) == 0 ? 0 : 1);
	}
	struct timespec pause = { 0, 300 * 1000 * 1000 };
	nanosleep(&pause, NULL);
	CU_ASSERT_NOT_EQUAL(access(at("pair.nodes.csv"), F_OK), 0); /* waiting for the lock */
	gg_i_output_unlock_folder(lock);
	int status = 0;
	waitpid(pid, &status, 0);
	CU_ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CU_ASSERT_EQUAL(access(at("pair.nodes.csv"), F_OK), 0);
	CU_ASSERT_EQUAL(access(at("pair.relationships.csv"), F_OK), 0);
	gg_graph_free(graph);
	gg_links_free(links);
	gg_glossary_free(g);
	remove_folder();
}

CU_ErrorCode suite_output_add(void)
{
	CU_pSuite s = CU_add_suite("outputs", NULL, NULL);
	if (!s || !CU_add_test(s, "descriptors written through", test_descriptor) ||
	    !CU_add_test(s, "mode kept, long names, link loops", test_mode_and_long_name) ||
	    !CU_add_test(s, "signals remove temporaries", test_signal) ||
	    !CU_add_test(s, "stale temporaries swept", test_sweep) ||
	    !CU_add_test(s, "a locked temporary is kept", test_sweep_locked) ||
	    !CU_add_test(s, "the folder lock holds the Neo4j pair", test_lock))
		return CU_get_error();
	return CUE_SUCCESS;
}
