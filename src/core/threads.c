/* threads.c - work spread over the machine's cores. */
#include "core/threads.h"

#include <unistd.h>

unsigned gg_i_thread_count(unsigned wanted, unsigned max)
{
	long n = wanted ? (long)wanted : sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	return n > (long)max ? max : (unsigned)n;
}

void gg_i_run_threads(unsigned n, void *(*fn)(void *), void *args, size_t size)
{
	pthread_t ids[GG_MAX_THREADS];
	unsigned started = 1;
	if (n > GG_MAX_THREADS)
		n = GG_MAX_THREADS;
	for (; started < n; started++)
		if (pthread_create(&ids[started], NULL, fn, (char *)args + started * size) != 0)
			break;
	if (n)
		fn(args);
	for (unsigned t = started; t < n; t++)
		fn((char *)args + t * size);
	for (unsigned t = 1; t < started; t++)
		pthread_join(ids[t], NULL);
}

void gg_i_thread_start(gg_i_thread *t, void *(*fn)(void *), void *arg)
{
	t->fn = fn;
	t->arg = arg;
	t->started = pthread_create(&t->id, NULL, fn, arg) == 0;
}

void gg_i_thread_join(gg_i_thread *t)
{
	if (t->started)
		pthread_join(t->id, NULL);
	else if (t->fn)
		t->fn(t->arg);
	t->started = false;
	t->fn = NULL;
}
