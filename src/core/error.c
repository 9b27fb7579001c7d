/* error.c - thread-local last-error message, in the style of errno + strerror. */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local char last_message[GG_ERROR_MESSAGE_MAX];

__attribute__((format(printf, 1, 0)))
static void set_message(const char *fmt, va_list ap, int errnum)
{
	int n = vsnprintf(last_message, sizeof(last_message), fmt, ap);
	if (n < 0)
		last_message[0] = '\0';
	else if (errnum && (size_t)n < sizeof(last_message))
		snprintf(last_message + n, sizeof(last_message) - (size_t)n,
			 ": %s", strerror(errnum));
}

int gg_i_error_set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(fmt, ap, 0);
	va_end(ap);
	return code;
}

int gg_i_error_set_errno(int code, int errnum, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(fmt, ap, errnum);
	va_end(ap);
	return code;
}

int gg_i_error_oom(void)
{
	return gg_i_error_set(GG_ENOMEM, "out of memory");
}

const char *gg_error_last(void)
{
	return last_message[0] ? last_message : "no error";
}

void gg_error_clear(void)
{
	last_message[0] = '\0';
}

int gg_i_thread_error_keep(gg_i_thread_error *e, int code)
{
	if (code) {
		e->code = code;
		snprintf(e->message, sizeof(e->message), "%s", gg_error_last());
	}
	return code;
}

int gg_i_thread_error_raise(const gg_i_thread_error *e)
{
	return e->code ? gg_i_error_set(e->code, "%s", e->message) : 0;
}
