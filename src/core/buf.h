/* buf.h - growable byte buffer with a sticky out-of-memory flag. */
#ifndef GG_CORE_BUF_H
#define GG_CORE_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/*
 * A NUL-terminated byte buffer. Appends never fail loudly: on allocation
 * failure the buffer sets `oom` and ignores further appends, so a caller
 * checks once (gg_i_buf_ok) after a run of appends. Zero-initialise to start
 * (GG_BUF_INIT); release with gg_i_buf_free.
 */
typedef struct gg_i_buf {
	char *ptr;
	size_t len;
	size_t cap;
	bool oom;
} gg_i_buf;

#define GG_BUF_INIT { NULL, 0, 0, false }

/* Make room for `extra` more bytes (plus the NUL). false on OOM. */
bool gg_i_buf_reserve(gg_i_buf *b, size_t extra);
/* gg_i_buf_put when the bytes do not fit yet: grows the buffer first. */
void gg_i_buf_put_grow(gg_i_buf *b, const char *data, size_t len);

/* Append len bytes. Inline while they fit, for writers that append a few
 * bytes at a time (the length of a literal is known once inlined). */
static inline void gg_i_buf_put(gg_i_buf *b, const char *data, size_t len)
{
	if (!b->oom && len && b->len + len < b->cap) {
		memcpy(b->ptr + b->len, data, len);
		b->len += len;
		b->ptr[b->len] = '\0';
	} else {
		gg_i_buf_put_grow(b, data, len);
	}
}

static inline void gg_i_buf_puts(gg_i_buf *b, const char *s)
{
	gg_i_buf_put(b, s, strlen(s));
}

static inline void gg_i_buf_putc(gg_i_buf *b, char c)
{
	gg_i_buf_put(b, &c, 1);
}

void gg_i_buf_printf(gg_i_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Drop the contents, keep the allocation. */
void gg_i_buf_clear(gg_i_buf *b);
/* Hand the string to the caller (who frees it); the buffer is reset. NULL on OOM. */
char *gg_i_buf_detach(gg_i_buf *b);
/* 0 when no append failed, GG_ENOMEM (with the error message set) otherwise. */
int gg_i_buf_ok(const gg_i_buf *b);
void gg_i_buf_free(gg_i_buf *b);

/*
 * Grow a dynamic array `*items` holding `len` elements of `elem` bytes so that
 * it has room for one more. Returns 0, or GG_ENOMEM with *items untouched.
 */
int gg_i_array_grow(void **items, size_t *cap, size_t len, size_t elem);

#define GG_ARRAY_PUSH_SLOT(arr, len, cap) \
	gg_i_array_grow((void **)&(arr), &(cap), (len), sizeof(*(arr)))

/*
 * The same for an array that may grow to hundreds of megabytes and is freed
 * while as big ones live on (the linker's chunks of edges): its pages come
 * from the kernel, not from malloc, so that growing moves no byte (mremap)
 * and gg_i_pages_free hands the pages back at once, where malloc might keep
 * them in its heap for arrays that never come. Its pages are asked for in
 * 2 MB where the kernel gives them on request. Without mremap (not Linux)
 * it is a realloc'd array, copied as it grows and freed whole. An element
 * must be smaller than a page. Free it with gg_i_pages_free(items, cap,
 * elem), never with free. Returns 0, or GG_ENOMEM (GG_EINVAL for an
 * element bigger than a page) with *items untouched.
 */
int gg_i_pages_grow(void **items, size_t *cap, size_t len, size_t elem);
void gg_i_pages_free(void *items, size_t cap, size_t elem);
/*
 * Copy the len elements of a page array to dst and free it, its pages handed
 * back as they are copied, so that the array and its copy are never both
 * whole (with mremap; else the array is freed after the copy).
 */
void gg_i_pages_move(void *dst, void *items, size_t len, size_t cap, size_t elem);
/* Whether page arrays hand their pages back to the kernel (mremap is there). */
extern const bool gg_i_pages_unmapped;

#endif
