/*
 * bench_match.c - time the matcher alone: the linker's patterns (every
 * name, alias, abbreviation and inflection, as src/link/forms.c adds them)
 * over every definition, with a callback that only counts. Built and run by
 * scripts/bench.sh against the library's internal headers:
 *
 *   cc -O2 -Iinclude -Isrc scripts/bench_match.c build/release/libglossgraph.a \
 *      $(pkg-config --libs ...) -lpthread -lm
 *   bench_match [--repeat N] [--text PATH] PATH...
 *
 * The patterns are the forms of the glossary read from PATH...; the text
 * scanned is the definitions of that glossary, or of the glossary at
 * --text (so that a large pattern set can be timed on a fixed text).
 * Tab-separated lines on stdout, as bench_link writes them:
 *
 *   stage compile WALL_S CPU_S PEAK_KB
 *   stage match WALL_S CPU_S PEAK_KB      the fastest of N scans (one thread),
 *                                         by wall and by CPU time each
 *   stage memchr WALL_S ...               memchr for a byte absent from the
 *                                         text, over the same definitions
 *   stage byteloop WALL_S ...             a byte-at-a-time table loop over them
 *   info  KEY VALUE                       patterns, automaton_bytes, text_bytes,
 *                                         matches, match_sum, match_mb_s and
 *                                         match_cpu_mb_s
 *
 * match_sum is a checksum of every match's span and ids, so that two
 * builds of the library can be shown to find the same matches.
 */
#include "glossgraph.h"
#include "link/automaton.h"
#include "link/forms.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* This thread's CPU time: on a busy machine it leaves out the time others ran. */
static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long peak_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static int fail(const char *what, int err)
{
	fprintf(stderr, "bench_match: %s: %s (%d)\n", what, gg_error_last(), err);
	return 1;
}

/* What the counting callback keeps: how many matches, and their checksum. */
typedef struct tally {
	uint64_t n, sum;
} tally;

static int count(const gg_i_match *m, void *payload)
{
	tally *t = payload;
	uint64_t h = m->start * 0x9e3779b97f4a7c15ull ^ m->end;
	for (size_t k = 0; k < m->n_ids; k++)
		h = (h ^ m->ids[k]) * 0x100000001b3ull;
	t->n++;
	t->sum += h;
	return 0;
}

/* Read and model the glossary at the n paths into *out. 0 or an error. */
static int load(gg_glossary **out, const char *const *paths, size_t n)
{
	int err = gg_glossary_new(out);
	for (size_t i = 0; i < n && !err; i++)
		err = gg_glossary_read_path(*out, paths[i]);
	if (!err)
		err = gg_glossary_build(*out, NULL);
	return err;
}

int main(int argc, char **argv)
{
	const char *inputs[64], *text_path = NULL;
	size_t n_inputs = 0;
	unsigned repeat = 3;
	int err;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
			repeat = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--text") == 0 && i + 1 < argc)
			text_path = argv[++i];
		else if (argv[i][0] == '-' || n_inputs == sizeof(inputs) / sizeof(*inputs))
			return fputs("usage: bench_match [--repeat N] [--text PATH] PATH...\n", stderr), 2;
		else
			inputs[n_inputs++] = argv[i];
	}
	if (!n_inputs || !repeat)
		return fputs("usage: bench_match [--repeat N] [--text PATH] PATH...\n", stderr), 2;

	gg_glossary *g = NULL, *tg = NULL;
	if ((err = load(&g, inputs, n_inputs)))
		return fail("glossary", err);
	if (text_path && (err = load(&tg, &text_path, 1)))
		return fail(text_path, err);
	const gg_glossary *text = tg ? tg : g;

	gg_i_automaton *a = NULL;
	gg_i_forms forms;
	double w0 = now(), c0 = cpu_now();
	if ((err = gg_i_automaton_new(&a)) || (err = gg_i_forms_build(g, a, &forms)) ||
	    (err = gg_i_automaton_compile(a)))
		return fail("compile", err);
	printf("stage\tcompile\t%.6f\t%.6f\t%ld\n", now() - w0, cpu_now() - c0, peak_kb());
	printf("info\tpatterns\t%zu\ninfo\tautomaton_bytes\t%zu\n", gg_i_automaton_count(a),
	       gg_i_automaton_memory(a));

	size_t n_entries = gg_glossary_entry_count(text);
	uint64_t bytes = 0;
	for (size_t i = 0; i < n_entries; i++)
		bytes += gg_glossary_entry(text, i)->definition_len;

	double best = 0, best_cpu = 0;
	tally t = { 0, 0 };
	for (unsigned r = 0; r < repeat; r++) {
		t = (tally){ 0, 0 };
		w0 = now(), c0 = cpu_now();
		for (size_t i = 0; i < n_entries; i++) {
			const gg_entry *e = gg_glossary_entry(text, i);
			if ((err = gg_i_automaton_scan(a, e->definition, e->definition_len, count, &t)))
				return fail("scan", err);
		}
		double wall = now() - w0, cpu = cpu_now() - c0;
		if (r == 0 || wall < best)
			best = wall;
		if (r == 0 || cpu < best_cpu)
			best_cpu = cpu;
	}
	printf("stage\tmatch\t%.6f\t%.6f\t%ld\n", best, best_cpu, peak_kb());

	/* the bounds: memchr for an absent byte, and a byte-at-a-time loop */
	unsigned char cls[256];
	for (unsigned b = 0; b < 256; b++)
		cls[b] = (unsigned char)((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
	const char *volatile found = NULL;
	volatile uint64_t sink = 0;
	double best_memchr = 0, best_loop = 0;
	for (unsigned r = 0; r < repeat; r++) {
		w0 = now();
		for (size_t i = 0; i < n_entries; i++) {
			const gg_entry *e = gg_glossary_entry(text, i);
			found = memchr(e->definition, 0x01, e->definition_len);
		}
		double wall = now() - w0;
		if (r == 0 || wall < best_memchr)
			best_memchr = wall;
		w0 = now();
		uint64_t words = 0;
		for (size_t i = 0; i < n_entries; i++) {
			const gg_entry *e = gg_glossary_entry(text, i);
			const unsigned char *p = (const unsigned char *)e->definition;
			unsigned prev = 0;
			for (size_t k = 0; k < e->definition_len; k++) {
				unsigned c = cls[p[k]];
				words += c & ~prev;
				prev = c;
			}
		}
		sink = words;
		wall = now() - w0;
		if (r == 0 || wall < best_loop)
			best_loop = wall;
	}
	(void)found, (void)sink;
	printf("stage\tmemchr\t%.6f\t%.6f\t%ld\n", best_memchr, best_memchr, peak_kb());
	printf("stage\tbyteloop\t%.6f\t%.6f\t%ld\n", best_loop, best_loop, peak_kb());
	printf("info\ttext_bytes\t%llu\ninfo\tmatches\t%llu\ninfo\tmatch_sum\t%016llx\n",
	       (unsigned long long)bytes, (unsigned long long)t.n, (unsigned long long)t.sum);
	printf("info\tmatch_mb_s\t%.1f\ninfo\tmatch_cpu_mb_s\t%.1f\n", (double)bytes / best / 1e6,
	       (double)bytes / best_cpu / 1e6);
	gg_i_automaton_free(a);
	gg_i_forms_free(&forms);
	gg_glossary_free(tg);
	gg_glossary_free(g);
	return 0;
}
