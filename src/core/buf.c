/* buf.c - growable byte buffer, dynamic arrays, and big arrays in pages of their own. */
#define _GNU_SOURCE /* mremap */
#include "core/buf.h"
#include "core/error.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

bool gg_i_buf_reserve(gg_i_buf *b, size_t extra)
{
	if (b->oom)
		return false;
	if (extra > SIZE_MAX / 2 - b->len) {
		b->oom = true;
		return false;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->ptr, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->ptr = p;
	b->cap = cap;
	return true;
}

void gg_i_buf_put_grow(gg_i_buf *b, const char *data, size_t len)
{
	if (!gg_i_buf_reserve(b, len))
		return;
	if (len)
		memcpy(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
}

void gg_i_buf_printf(gg_i_buf *b, const char *fmt, ...)
{
	va_list ap;
	char small[256];

	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if ((size_t)n < sizeof(small)) {
		gg_i_buf_put(b, small, (size_t)n);
		return;
	}
	if (!gg_i_buf_reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void gg_i_buf_clear(gg_i_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

char *gg_i_buf_detach(gg_i_buf *b)
{
	char *p = b->oom ? NULL : b->ptr;
	if (!p && !b->oom)
		p = calloc(1, 1);
	if (b->oom)
		free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->oom = false;
	return p;
}

int gg_i_buf_ok(const gg_i_buf *b)
{
	return b->oom ? gg_i_error_oom() : 0;
}

void gg_i_buf_free(gg_i_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->oom = false;
}

int gg_i_array_grow(void **items, size_t *cap, size_t len, size_t elem)
{
	if (len < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : 8;
	if (ncap > SIZE_MAX / elem)
		return gg_i_error_oom();
	void *p = realloc(*items, ncap * elem);
	if (!p)
		return gg_i_error_oom();
	*items = p;
	*cap = ncap;
	return 0;
}

/* A page array's first block: a few pages. */
#define PAGES_FIRST ((size_t)64 * 1024)

/* The bytes mapped for a page array of cap elements (each smaller than a
 * page): whole pages. */
static size_t mapped_bytes(size_t cap, size_t elem)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	return (cap * elem + page - 1) / page * page;
}

#ifdef MREMAP_MAYMOVE
const bool gg_i_pages_unmapped = true;
#else
const bool gg_i_pages_unmapped = false;
#endif

int gg_i_pages_grow(void **items, size_t *cap, size_t len, size_t elem)
{
	if (len < *cap)
		return 0;
	if (elem > (size_t)sysconf(_SC_PAGESIZE)) /* mapped_bytes would undercount */
		return gg_i_error_set(GG_EINVAL, "a page array's element is bigger than a page");
	size_t old_bytes = mapped_bytes(*cap, elem);
	size_t bytes = old_bytes ? old_bytes * 2 : PAGES_FIRST;
	if (bytes / 2 < old_bytes || bytes / elem <= *cap)
		return gg_i_error_oom();
#ifdef MREMAP_MAYMOVE
	void *p = *items ? mremap(*items, old_bytes, bytes, MREMAP_MAYMOVE)
			 : mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return gg_i_error_oom();
	madvise(p, bytes, MADV_HUGEPAGE);
#else
	void *p = realloc(*items, bytes);
	if (!p)
		return gg_i_error_oom();
#endif
	*items = p;
	*cap = bytes / elem;
	return 0;
}

/* Hand back the pages of [p, p + bytes), the tail of a page array, p on a page. */
static void release_pages(void *p, size_t bytes)
{
#ifdef MREMAP_MAYMOVE
	munmap(p, bytes);
#else
	(void)bytes;
	free(p);
#endif
}

void gg_i_pages_free(void *items, size_t cap, size_t elem)
{
	if (items)
		release_pages(items, mapped_bytes(cap, elem));
}

/* How much of a page array is copied before its pages are handed back: a
 * multiple of any page size. */
#define PAGES_MOVE_STEP ((size_t)4 * 1024 * 1024)

void gg_i_pages_move(void *dst, void *items, size_t len, size_t cap, size_t elem)
{
	if (!items)
		return;
	size_t bytes = len * elem, done = 0;
#ifdef MREMAP_MAYMOVE
	for (; bytes - done >= PAGES_MOVE_STEP; done += PAGES_MOVE_STEP) {
		memcpy((char *)dst + done, (char *)items + done, PAGES_MOVE_STEP);
		munmap((char *)items + done, PAGES_MOVE_STEP);
	}
#endif
	memcpy((char *)dst + done, (char *)items + done, bytes - done);
	release_pages((char *)items + done, mapped_bytes(cap, elem) - done);
}
