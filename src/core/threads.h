/* threads.h - work spread over the machine's cores. */
#ifndef GG_CORE_THREADS_H
#define GG_CORE_THREADS_H

#include <stddef.h>

/* Threads to use: `wanted`, or one per core when 0; at least 1, at most `max`. */
unsigned gg_i_thread_count(unsigned wanted, unsigned max);

/*
 * Run fn(args + i * size) for i in [0, n), n at most GG_MAX_THREADS: on
 * n - 1 new threads and this one. Work no thread could be started for is
 * done here, after this thread's own, so it is done all the same. Returns
 * when all of it is.
 */
#define GG_MAX_THREADS 64
void gg_i_run_threads(unsigned n, void *(*fn)(void *), void *args, size_t size);

#endif
