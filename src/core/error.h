/* error.h - the library's error codes and its last-error message slot. */
#ifndef GG_CORE_ERROR_H
#define GG_CORE_ERROR_H

#include "glossgraph.h"

/*
 * Record a formatted message as the last error and return `code`, so that a
 * failing function can end with `return gg_i_error_set(GG_EIO, "...", ...)`.
 * The message replaces the previous one; it is thread-local.
 */
int gg_i_error_set(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Like gg_i_error_set, with strerror(errnum) appended after ": ". */
int gg_i_error_set_errno(int code, int errnum, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Record "out of memory" and return GG_ENOMEM. */
int gg_i_error_oom(void);

/*
 * An error caught on one thread, for the thread that joins it: the
 * message slot is per thread, so the message travels with the code.
 * Zero-initialise: code 0 is no error.
 */
#define GG_ERROR_MESSAGE_MAX 1024

typedef struct gg_i_thread_error {
	int code;
	char message[GG_ERROR_MESSAGE_MAX];
} gg_i_thread_error;

/* On the failing thread: keep `code` (nothing when 0) with this thread's
 * last message. Returns code. */
int gg_i_thread_error_keep(gg_i_thread_error *e, int code);
/* On the joining thread: the code kept, with its message set here (0, and
 * the slot untouched, when none was kept). */
int gg_i_thread_error_raise(const gg_i_thread_error *e);

#endif
