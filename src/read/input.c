/* input.c - turns a path (a page or a directory of pages) into page reads. */
#include "read/read.h"
#include "core/error.h"
#include "core/text.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Read the whole of an open file into a malloc'd buffer with one spare byte
 * for a terminating NUL. Returns 0 with *out and *len set, or GG_EIO/GG_ENOMEM.
 */
static int read_fd(int fd, const char *path, char **out, size_t *len)
{
	struct stat st;
	size_t cap = 65536, n = 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 1;
	char *buf = malloc(cap);
	if (!buf)
		return gg_error_oom();
	for (;;) {
		if (n + 1 >= cap) {
			/* full: a one-byte probe tells the end of a file of known
			 * size from one still growing, before doubling the buffer */
			char probe;
			ssize_t more = read(fd, &probe, 1);
			if (more == 0)
				break;
			if (more < 0 && errno == EINTR)
				continue;
			if (more < 0) {
				int e = errno;
				free(buf);
				return gg_error_set_errno(GG_EIO, e, "cannot read '%s'", path);
			}
			char *bigger = realloc(buf, cap * 2);
			if (!bigger) {
				free(buf);
				return gg_error_oom();
			}
			buf = bigger;
			cap *= 2;
			buf[n++] = probe;
			continue;
		}
		ssize_t got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int e = errno;
			free(buf);
			return gg_error_set_errno(GG_EIO, e, "cannot read '%s'", path);
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

static bool has_html_extension(const char *path)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return false;
	return gg_strcasecmp(dot, ".html") == 0 || gg_strcasecmp(dot, ".htm") == 0 ||
	       gg_strcasecmp(dot, ".xhtml") == 0;
}

static bool looks_like_html(const char *data, size_t len)
{
	size_t i = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	return (len - i >= 14 && strncasecmp(data + i, "<!doctype html", 14) == 0) ||
	       (len - i >= 5 && strncasecmp(data + i, "<html", 5) == 0);
}

/* Read one page whose bytes the caller hands over (malloc'd, len + 1). */
static int read_page(gg_glossary *g, const char *name, char *data, size_t len)
{
	g->stats.pages++;
	if (has_html_extension(name) || looks_like_html(data, len)) {
		int err = gg_i_read_html_page(g, name, data, len);
		free(data);
		return err;
	}
	return gg_i_read_text_page(g, name, data, len);
}

static int read_file(gg_glossary *g, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return gg_error_set_errno(GG_EIO, errno, "cannot open '%s'", path);
	char *data = NULL;
	size_t len = 0;
	int err = read_fd(fd, path, &data, &len);
	close(fd);
	if (err)
		return err;
	const char *name = gg_arena_strdup(&g->arena, path);
	if (!name) {
		free(data);
		return gg_error_oom();
	}
	return read_page(g, name, data, len);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_directory(gg_glossary *g, const char *path)
{
	DIR *dir = opendir(path);
	if (!dir)
		return gg_error_set_errno(GG_EIO, errno, "cannot open directory '%s'", path);
	char **names = NULL;
	size_t n = 0, cap = 0;
	int err = 0;
	struct dirent *d;
	size_t plen = strlen(path);
	bool slash = plen && path[plen - 1] == '/';

	for (;;) {
		errno = 0; /* readdir reports errors only through errno */
		if (!(d = readdir(dir)))
			break;
		if (d->d_name[0] == '.')
			continue;
		size_t len = plen + 1 + strlen(d->d_name) + 1;
		char *full = malloc(len);
		if (!full || (err = GG_ARRAY_PUSH_SLOT(names, n, cap))) {
			free(full);
			err = gg_error_oom();
			goto cleanup;
		}
		snprintf(full, len, "%s%s%s", path, slash ? "" : "/", d->d_name);
		struct stat st;
		if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(full);
			continue;
		}
		names[n++] = full;
	}
	if (errno) {
		err = gg_error_set_errno(GG_EIO, errno, "cannot read directory '%s'", path);
		goto cleanup;
	}
	if (n == 0) {
		err = gg_error_set(GG_EINPUT, "no pages in directory '%s'", path);
		goto cleanup;
	}
	qsort(names, n, sizeof(*names), compare_names);
	for (size_t i = 0; i < n && !err; i++)
		err = read_file(g, names[i]);
cleanup:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(dir);
	return err;
}

int gg_glossary_read_path(gg_glossary *g, const char *path)
{
	struct stat st;
	if (g->built)
		return gg_error_set(GG_EINVAL, "the glossary is already built");
	if (stat(path, &st) != 0)
		return gg_error_set_errno(GG_EIO, errno, "cannot open '%s'", path);
	if (S_ISDIR(st.st_mode))
		return read_directory(g, path);
	return read_file(g, path);
}

int gg_glossary_read_buffer(gg_glossary *g, const char *name, const char *data, size_t len)
{
	if (g->built)
		return gg_error_set(GG_EINVAL, "the glossary is already built");
	const char *stored = gg_arena_strdup(&g->arena, name);
	char *copy = malloc(len + 1);
	if (!stored || !copy) {
		free(copy);
		return gg_error_oom();
	}
	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	return read_page(g, stored, copy, len);
}
