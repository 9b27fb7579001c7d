/*
 * bench_link.c - time each stage of a glossgraph build through the public
 * API: reading, the concept model, linking, the graph and its measures, and
 * each export. Built and run by scripts/bench.sh:
 *
 *   cc -O2 -Iinclude scripts/bench_link.c build/release/libglossgraph.a \
 *      $(pkg-config --libs igraph libxml-2.0 libcgraph libgvc) -lpthread -lm
 *   bench_link [options] PATH...
 *
 * One line per stage on stdout, tab-separated:
 *
 *   stage NAME WALL_S CPU_S PEAK_KB   peak resident memory during the stage
 *   info  KEY VALUE                   counts: entries, concepts, bytes, ...
 *
 * The peak of each stage is measured by resetting the kernel's high-water
 * mark before it (/proc/self/clear_refs, "5") and reading VmHWM after it;
 * where that is not allowed, the process's peak so far (getrusage).
 * Built with -DBENCH_HAVE_GRAPH when the library has gg_graph_new, and
 * -DBENCH_HAVE_EXPORT when it has gg_export_file.
 *
 *   bench_link --time FILE -- COMMAND [ARG]...
 *
 * runs COMMAND (standard streams inherited) and writes "WALL_S PEAK_KB" to
 * FILE: its wall time and the peak resident memory of it and the processes
 * it waited for. Exits with COMMAND's status (128 + signal when killed).
 */
#include "glossgraph.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_THREAD_RUNS 8

static int hwm_resettable = -1;
static long overall_peak_kb;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_now(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

static void reset_peak(void)
{
	if (hwm_resettable == 0)
		return;
	FILE *f = fopen("/proc/self/clear_refs", "w");
	hwm_resettable = f && fputs("5", f) >= 0;
	if (f && fclose(f) != 0)
		hwm_resettable = 0;
}

/* Peak resident memory in kB since the last reset_peak (or ever). */
static long peak_kb(void)
{
	long kb = -1;
	if (hwm_resettable == 1) {
		char line[256];
		FILE *f = fopen("/proc/self/status", "r");
		while (f && fgets(line, sizeof(line), f))
			if (strncmp(line, "VmHWM:", 6) == 0)
				kb = strtol(line + 6, NULL, 10);
		if (f)
			fclose(f);
	}
	if (kb < 0) {
		struct rusage ru;
		getrusage(RUSAGE_SELF, &ru);
		kb = ru.ru_maxrss;
	}
	if (kb > overall_peak_kb)
		overall_peak_kb = kb;
	return kb;
}

typedef struct timer {
	double wall, cpu;
} timer;

static timer start(void)
{
	reset_peak();
	timer t = { now(), cpu_now() };
	return t;
}

static void report(const char *name, timer t)
{
	double wall = now() - t.wall, cpu = cpu_now() - t.cpu;
	printf("stage\t%s\t%.6f\t%.6f\t%ld\n", name, wall, cpu, peak_kb());
	fflush(stdout);
}

static int fail(const char *what, int err)
{
	fprintf(stderr, "bench_link: %s: %s (%d)\n", what, gg_error_last(), err);
	return 1;
}

/* --time FILE -- COMMAND...: a small /usr/bin/time with a finer clock. */
static int time_command(const char *report_path, char **cmd)
{
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("bench_link: fork");
		return 127;
	}
	if (pid == 0) {
		execvp(cmd[0], cmd);
		fprintf(stderr, "bench_link: %s: %s\n", cmd[0], strerror(errno));
		_exit(127);
	}
	int status = 0;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("bench_link: wait4");
			return 127;
		}
	double wall = now() - t0;
	FILE *f = fopen(report_path, "w");
	if (!f || fprintf(f, "%.6f %ld\n", wall, ru.ru_maxrss) < 0 || fclose(f) != 0) {
		fprintf(stderr, "bench_link: %s: %s\n", report_path, strerror(errno));
		return 127;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void usage(FILE *f)
{
	fputs("usage: bench_link [options] PATH...\n"
	      "       bench_link --time FILE -- COMMAND [ARG]...\n"
	      "  --threads LIST  link with each thread count in turn (\"1,2\"; 0: one per core)\n"
	      "  --repeat N      link N times per thread count, report the fastest (1)\n"
	      "  --out DIR       write the exports into DIR (none without it)\n"
	      "  --formats LIST  exports to write (\"dot,graphml\"; default: every format)\n"
	      "  --svg-top N     nodes of the SVG overview (150)\n"
	      "  --no-graph      stop after linking\n"
	      "  --all-edges     keep the held-back edges too (as check and export --all do;\n"
	      "                  by default they are dropped, as build does)\n"
	      "  --terms FILE    write every name, alias and abbreviation, one a line\n"
	      "  --text FILE     write every definition, one a line\n", f);
}

/* Every name, alias and abbreviation of every concept: the peers' term list. */
static int write_terms(const gg_glossary *g, const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	for (size_t i = 0; i < gg_glossary_concept_count(g); i++) {
		const gg_concept *c = gg_glossary_concept(g, i);
		fprintf(f, "%s\n", c->name);
		for (size_t k = 0; k < c->n_aliases; k++)
			fprintf(f, "%s\n", c->aliases[k]);
		for (size_t k = 0; k < c->n_abbrevs; k++)
			fprintf(f, "%s\n", c->abbrevs[k]);
	}
	return fclose(f) == 0 ? 0 : -1;
}

/* The definitions of the concepts' entries, one a line, as the linker sees them. */
static int write_text(const gg_glossary *g, const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	for (size_t i = 0; i < gg_glossary_concept_count(g); i++) {
		const gg_concept *c = gg_glossary_concept(g, i);
		for (size_t k = 0; k < c->n_entries; k++) {
			const gg_entry *e = gg_glossary_entry(g, c->entries[k]);
			for (size_t j = 0; j < e->definition_len; j++)
				putc(e->definition[j] == '\n' ? ' ' : e->definition[j], f);
			putc('\n', f);
		}
	}
	return fclose(f) == 0 ? 0 : -1;
}

static size_t parse_list(const char *s, unsigned *out, size_t max)
{
	size_t n = 0;
	while (*s && n < max) {
		char *end;
		unsigned long v = strtoul(s, &end, 10);
		if (end == s)
			return 0;
		out[n++] = (unsigned)v;
		s = *end == ',' ? end + 1 : end;
		if (*end && *end != ',')
			return 0;
	}
	return n;
}

int main(int argc, char **argv)
{
	unsigned threads[MAX_THREAD_RUNS] = { 0 };
	size_t n_threads = 1;
	unsigned repeat = 1;
	size_t svg_top = 150;
	const char *out_dir = NULL, *formats = NULL, *terms = NULL, *text = NULL;
	bool graph = true, all_edges = false;
	const char *inputs[64];
	size_t n_inputs = 0;
	int err;

	if (argc >= 5 && strcmp(argv[1], "--time") == 0 && strcmp(argv[3], "--") == 0)
		return time_command(argv[2], argv + 4);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--no-graph") == 0) {
			graph = false;
		} else if (strcmp(a, "--all-edges") == 0) {
			all_edges = true;
		} else if (a[0] == '-' && a[1] == '-' && v) {
			i++;
			if (strcmp(a, "--threads") == 0) {
				if (!(n_threads = parse_list(v, threads, MAX_THREAD_RUNS)))
					return usage(stderr), 2;
			} else if (strcmp(a, "--repeat") == 0) {
				repeat = (unsigned)strtoul(v, NULL, 10);
			} else if (strcmp(a, "--svg-top") == 0) {
				svg_top = strtoul(v, NULL, 10);
			} else if (strcmp(a, "--out") == 0) {
				out_dir = v;
			} else if (strcmp(a, "--formats") == 0) {
				formats = v;
			} else if (strcmp(a, "--terms") == 0) {
				terms = v;
			} else if (strcmp(a, "--text") == 0) {
				text = v;
			} else {
				return usage(stderr), 2;
			}
		} else if (a[0] == '-') {
			return usage(stderr), 2;
		} else if (n_inputs < sizeof(inputs) / sizeof(*inputs)) {
			inputs[n_inputs++] = a;
		}
	}
	if (!n_inputs || !repeat)
		return usage(stderr), 2;

	gg_glossary *g = NULL;
	timer t = start();
	if ((err = gg_glossary_new(&g)))
		return fail("new", err);
	for (size_t i = 0; i < n_inputs; i++)
		if ((err = gg_glossary_read_path(g, inputs[i])))
			return fail(inputs[i], err);
	report("read", t);

	t = start();
	if ((err = gg_glossary_build(g, NULL)))
		return fail("build", err);
	report("model", t);

	const gg_read_stats *st = gg_glossary_stats(g);
	uint64_t def_bytes = 0;
	for (size_t i = 0; i < gg_glossary_entry_count(g); i++)
		def_bytes += gg_glossary_entry(g, i)->definition_len;
	printf("info\tpages\t%zu\ninfo\tentries\t%zu\ninfo\tduplicates\t%zu\n"
	       "info\tconcepts\t%zu\ninfo\tkeywords\t%zu\ninfo\tdefinition_bytes\t%llu\n",
	       st->pages, st->entries, st->duplicates, st->concepts, st->keywords,
	       (unsigned long long)def_bytes);
	if (terms && write_terms(g, terms) != 0)
		return fprintf(stderr, "bench_link: %s: %s\n", terms, strerror(errno)), 1;
	if (text && write_text(g, text) != 0)
		return fprintf(stderr, "bench_link: %s: %s\n", text, strerror(errno)), 1;

	gg_links *l = NULL;
	for (size_t k = 0; k < n_threads; k++) {
		gg_link_options o;
		gg_link_options_init(&o);
		o.threads = threads[k];
		o.drop_held = !all_edges; /* as `glossgraph build` links */
		double best_wall = 0, best_cpu = 0;
		long peak = 0;
		for (unsigned r = 0; r < repeat; r++) {
			gg_links_free(l);
			l = NULL;
			t = start();
			if ((err = gg_links_new(&l, g, &o)))
				return fail("link", err);
			double wall = now() - t.wall, cpu = cpu_now() - t.cpu;
			long kb = peak_kb();
			if (r == 0 || wall < best_wall)
				best_wall = wall, best_cpu = cpu;
			if (kb > peak)
				peak = kb;
		}
		printf("stage\tlink:%u\t%.6f\t%.6f\t%ld\n", threads[k], best_wall, best_cpu, peak);
	}
	size_t kept = 0;
	for (size_t i = 0; i < gg_links_count(l); i++)
		kept += gg_links_edge(l, i)->held == GG_HELD_NONE;
	printf("info\tbytes_scanned\t%llu\ninfo\tedges\t%zu\ninfo\tedges_kept\t%zu\n"
	       "info\tmentions\t%llu\n",
	       (unsigned long long)gg_links_bytes_scanned(l),
	       gg_links_count(l) + gg_links_dropped(l), kept,
	       (unsigned long long)gg_links_mentions(l));
	fflush(stdout);

#ifdef BENCH_HAVE_GRAPH
	if (graph) {
		gg_graph *gr = NULL;
		t = start();
		if ((err = gg_graph_new(&gr, l, NULL)))
			return fail("graph", err);
		report("graph", t);
		printf("info\tgraph_nodes\t%zu\ninfo\tgraph_edges\t%zu\ninfo\tcommunities\t%zu\n",
		       gg_graph_node_count(gr), gg_graph_edge_count(gr),
		       gg_graph_community_count(gr));
#ifdef BENCH_HAVE_EXPORT
		for (int f = 0; out_dir && f < GG_EXPORT_FORMAT_COUNT; f++) {
			const char *name = gg_export_format_name((gg_export_format)f);
			if (formats) {
				size_t len = strlen(name);
				const char *p = formats;
				bool wanted = false;
				while (p && *p && !wanted) {
					wanted = strncmp(p, name, len) == 0 && (p[len] == ',' || !p[len]);
					p = strchr(p, ',');
					p = p ? p + 1 : NULL;
				}
				if (!wanted)
					continue;
			}
			gg_export_options eo;
			gg_export_options_init(&eo);
			if (f == GG_FORMAT_SVG)
				eo.top = svg_top;
			char path[4096], stage[64];
			snprintf(path, sizeof(path), "%s/graph%s%s", out_dir,
				 f == GG_FORMAT_NEO4J ? "" : ".", f == GG_FORMAT_NEO4J ? "" : name);
			snprintf(stage, sizeof(stage), "export:%s", name);
			t = start();
			if ((err = gg_export_file(gr, (gg_export_format)f, &eo, path)))
				return fail(stage, err);
			report(stage, t);
		}
#else
		(void)out_dir, (void)formats, (void)svg_top;
#endif
		gg_graph_free(gr);
	}
#else
	(void)graph, (void)out_dir, (void)formats, (void)svg_top;
#endif
	printf("info\tpeak_kb\t%ld\n", overall_peak_kb);
	gg_links_free(l);
	gg_glossary_free(g);
	return 0;
}
