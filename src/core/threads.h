/* threads.h - work spread over the machine's cores. */
#ifndef GG_CORE_THREADS_H
#define GG_CORE_THREADS_H

#include <pthread.h>
#include <stdbool.h>
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

/* One piece of work on a thread of its own, from gg_i_thread_start to gg_i_thread_join. */
typedef struct {
	pthread_t id;
	bool started;
	void *(*fn)(void *);
	void *arg;
} gg_i_thread;

/*
 * Start fn(arg) on a new thread. When none can be started, fn(arg) runs in
 * gg_i_thread_join instead, so the work is done all the same.
 */
void gg_i_thread_start(gg_i_thread *t, void *(*fn)(void *), void *arg);

/*
 * Wait until t's fn(arg) has returned (running it here if it never
 * started). A zeroed t, never started, is nothing to wait for.
 */
void gg_i_thread_join(gg_i_thread *t);

#endif
