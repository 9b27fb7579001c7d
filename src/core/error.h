/* error.h - the library's error codes and its last-error message slot. */
#ifndef GG_CORE_ERROR_H
#define GG_CORE_ERROR_H

#include "glossgraph.h"

/*
 * Record a formatted message as the last error and return `code`, so that a
 * failing function can end with `return gg_error_set(GG_EIO, "...", ...)`.
 * The message replaces the previous one; it is thread-local.
 */
int gg_error_set(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Like gg_error_set, with strerror(errnum) appended after ": ". */
int gg_error_set_errno(int code, int errnum, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Record "out of memory" and return GG_ENOMEM. */
int gg_error_oom(void);

#endif
