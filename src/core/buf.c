/* buf.c - growable byte buffer and dynamic-array growth. */
#include "core/buf.h"
#include "core/error.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
