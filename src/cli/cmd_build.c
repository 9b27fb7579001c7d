/* cmd_build.c - `glossgraph build`: the graph in every format, written into one folder. */
#include "cli/cli.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
	"glossgraph build [-o DIR] [--formats LIST] [--name STEM] " CLI_SELECTION_USAGE
	" [-i PATH]...";

enum {
	OPT_FORMATS = 256,
	OPT_NAME,
	OPT_BASE_IRI
};

/* What `build` reads from its command line. */
typedef struct build_args {
	const char *dir;
	const char *name;
	cli_selection select; /* --top: the SVG overview; --focus: one more map */
	bool wanted[GG_EXPORT_FORMAT_COUNT];
	bool database;        /* the saved graph, STEM.sqlite */
	const char *base_iri; /* --base-iri, NULL when not given */
} build_args;

/* Mark the formats of a comma-separated LIST ("all" for every one). */
static int parse_formats(build_args *a, const char *list)
{
	char *copy = strdup(list);
	if (!copy) {
		cli_error("out of memory");
		return 1;
	}
	memset(a->wanted, 0, sizeof(a->wanted));
	a->database = false;
	int bad = 0, items = 0;
	for (char *save, *item = strtok_r(copy, ",", &save); item && !bad;
	     item = strtok_r(NULL, ",", &save), items++) {
		gg_export_format f;
		if (strcmp(item, "all") == 0) {
			for (int k = 0; k < GG_EXPORT_FORMAT_COUNT; k++)
				a->wanted[k] = true;
			a->database = true;
		} else if (strcmp(item, "sqlite") == 0) {
			a->database = true;
		} else if (gg_export_format_from_name(&f, item) == 0) {
			a->wanted[f] = true;
		} else {
			bad = cli_usage_error(usage, "%s", gg_error_last());
		}
	}
	free(copy);
	if (!bad && !items)
		bad = cli_usage_error(usage, "--formats takes a list of formats, not '%s'", list);
	return bad;
}

/* Read one of build's own options; non-zero is a usage error (reported). */
static int build_option(int opt, const char *arg, void *payload)
{
	build_args *a = payload;
	switch (opt) {
	case 'o':
		if (!*arg)
			return cli_usage_error(usage, "-o takes a folder");
		a->dir = arg;
		return 0;
	case OPT_FORMATS:
		return parse_formats(a, arg);
	case OPT_BASE_IRI:
		a->base_iri = arg;
		return 0;
	case OPT_NAME:
		if (!*arg || *arg == '.' || strchr(arg, '/'))
			return cli_usage_error(usage, "--name takes a file name without '/' and not "
					       "starting with '.', not '%s'", arg);
		a->name = arg;
		return 0;
	}
	return cli_selection_option(&a->select, usage, opt, arg);
}

/* Make folder `dir` and its parents, like mkdir -p. False (reported) on failure. */
static bool make_dir(const char *dir)
{
	char *path = strdup(dir);
	bool ok = path != NULL;
	struct stat st;

	if (!path)
		cli_error("out of memory");
	for (char *p = path ? path + 1 : NULL; ok; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST) {
			cli_error("cannot make folder '%s': %s", path, strerror(errno));
			ok = false;
		}
		*p = c;
		if (!c)
			break;
	}
	free(path);
	if (ok && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
		cli_error("cannot write into '%s': not a folder", dir);
		ok = false;
	}
	return ok;
}

/* A file name from what the user typed: lower case letters and digits, '-' for the rest. */
static char *slug(const char *term)
{
	size_t n = strlen(term);
	char *s = malloc(n + 1), *p = s;
	if (!s)
		return NULL;
	for (const unsigned char *t = (const unsigned char *)term; *t; t++) {
		bool keep = (*t >= 'a' && *t <= 'z') || (*t >= '0' && *t <= '9') ||
			    (*t >= 'A' && *t <= 'Z') || *t >= 0x80;
		if (keep)
			*p++ = *t >= 'A' && *t <= 'Z' ? (char)(*t - 'A' + 'a') : (char)*t;
		else if (p > s && p[-1] != '-')
			*p++ = '-';
	}
	while (p > s && p[-1] == '-')
		p--;
	if (p == s)
		*p++ = 'x';
	*p = '\0';
	return s;
}

/*
 * One file to write: an export (its format, path and what to select) or,
 * when `store` is set, the saved graph written with those options.
 */
typedef struct job {
	const gg_graph *graph;
	gg_export_format format;
	char *path;
	gg_export_options options;
	const gg_store_write_options *store;
	bool failed;
	char message[512]; /* why it failed: the error slot is the writing thread's */
} job;

/* Whether job j needs graphviz, which keeps state of its own. */
static bool job_uses_graphviz(const job *j)
{
	return !j->store && gg_export_uses_graphviz(j->format);
}

/*
 * The jobs and who takes which: the writers are independent and read the
 * graph only, so two threads write two files at once. The jobs that use
 * graphviz all go to the first thread.
 */
typedef struct job_queue {
	job *const *jobs;
	size_t n;
	atomic_size_t next; /* the next job not yet taken */
} job_queue;

/* Write job j; on failure keep the message in it. */
static void run_job(job *j)
{
	j->failed = j->store ? gg_store_write(j->graph, j->path, j->store) != 0
			     : gg_export_file(j->graph, j->format, &j->options, j->path) != 0;
	if (j->failed)
		snprintf(j->message, sizeof(j->message), "%s", gg_error_last());
}

/* A thread's loop: the jobs that do not use graphviz, until none is left. */
static void *take_jobs(void *arg)
{
	job_queue *q = arg;
	size_t i;
	while ((i = atomic_fetch_add(&q->next, 1)) < q->n)
		if (!job_uses_graphviz(q->jobs[i]))
			run_job(q->jobs[i]);
	return NULL;
}

/*
 * Run every job of `jobs`, taken in that order (the longest first keeps
 * both threads busy to the end), on two threads when `threads` allows (0:
 * one per core) and there are two: this one takes the graphviz jobs first,
 * then helps with the rest. Every job is tried; one that fails does not
 * stop the others.
 */
static void run_jobs(job *const *jobs, size_t n, unsigned threads)
{
	job_queue q = { .jobs = jobs, .n = n };
	pthread_t other;
	long cores = threads ? (long)threads : sysconf(_SC_NPROCESSORS_ONLN);

	atomic_init(&q.next, 0);
	bool two = cores > 1 && n > 1 && pthread_create(&other, NULL, take_jobs, &q) == 0;
	for (size_t i = 0; i < n; i++)
		if (job_uses_graphviz(jobs[i]))
			run_job(jobs[i]);
	take_jobs(&q);
	if (two)
		pthread_join(other, NULL);
}

/*
 * The saved graph written on a thread of its own while the graph is made:
 * the glossary's tables while it is linked, the edges while the graph's
 * measures are computed, the rest beside the exports. The loading thread
 * hands each stage over as it is made (or says it stopped); the writing
 * thread waits for it. The job keeps the path, the options and the
 * outcome.
 */
typedef struct database_writer {
	job *job;
	unsigned threads; /* as run_jobs: 0, one per core; one core writes it as a job instead */
	pthread_t thread;
	bool started;
	pthread_mutex_t lock;
	pthread_cond_t handed; /* a stage was handed over, or the loading stopped */
	const gg_glossary *glossary;
	const gg_links *links; /* stage 1 */
	const gg_graph *graph; /* stage 2 */
	int stages;            /* how many of these were handed over */
	bool stopped;
} database_writer;

/* Wait until stage `stage` is handed over (true) or the loading stopped (false). */
static bool wait_for(database_writer *d, int stage)
{
	pthread_mutex_lock(&d->lock);
	while (d->stages < stage && !d->stopped)
		pthread_cond_wait(&d->handed, &d->lock);
	bool made = d->stages >= stage;
	pthread_mutex_unlock(&d->lock);
	return made;
}

/* Hand the links or the graph over (whichever is not NULL), or say the loading stopped (both NULL). */
static void hand_over(database_writer *d, const gg_links *links, const gg_graph *graph)
{
	pthread_mutex_lock(&d->lock);
	if (links)
		d->links = links;
	if (graph)
		d->graph = graph;
	if (links || graph)
		d->stages++;
	else
		d->stopped = true;
	pthread_cond_broadcast(&d->handed);
	pthread_mutex_unlock(&d->lock);
}

/* The writing thread: each stage as it is handed over; a failure is kept in the job. */
static void *write_database(void *arg)
{
	database_writer *d = arg;
	gg_store_writer *w = NULL;
	int err = gg_store_writer_new(&w, d->glossary, d->job->path, d->job->store);

	if (!err && wait_for(d, 1))
		err = gg_store_writer_put_links(w, d->links);
	if (!err && wait_for(d, 2))
		err = gg_store_writer_finish(w, d->graph);
	if (err) {
		d->job->failed = true;
		snprintf(d->job->message, sizeof(d->job->message), "%s", gg_error_last());
	}
	gg_store_writer_free(w); /* abandoned when the loading stopped */
	return NULL;
}

/* cli_load_stages' calls: start the writing thread once the glossary is read, when two cores allow. */
static void database_glossary_read(const gg_glossary *g, void *payload)
{
	database_writer *d = payload;
	long cores = d->threads ? (long)d->threads : sysconf(_SC_NPROCESSORS_ONLN);
	d->glossary = g;
	d->started = cores > 1 && pthread_create(&d->thread, NULL, write_database, d) == 0;
}

static void database_links_made(const gg_links *l, void *payload)
{
	database_writer *d = payload;
	if (d->started)
		hand_over(d, l, NULL);
}

static void database_stopped(void *payload)
{
	database_writer *d = payload;
	if (d->started) {
		hand_over(d, NULL, NULL);
		pthread_join(d->thread, NULL);
		d->started = false;
	}
}

/* "DIR/NAME.EXT" (no dot when ext is ""), malloc'd; NULL when out of memory. */
static char *join_path(const char *dir, const char *name, const char *ext)
{
	size_t n = strlen(dir) + strlen(name) + strlen(ext) + 3;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s%s%s", dir, name, *ext ? "." : "", ext);
	return p;
}

/*
 * Check that no two jobs would write one file (the overview and a --focus
 * map of the same name) and that no file name is too long; the Neo4j
 * job's two files count as two. Returns EXIT_OK, EXIT_USAGE (reported
 * with the usage line) or EXIT_ERROR (out of memory, reported).
 */
static int check_output_names(const job *jobs, size_t n)
{
	char *files[2 * (GG_EXPORT_FORMAT_COUNT + 1)];
	size_t n_files = 0;
	bool clash = false, oom = false;

	for (size_t i = 0; i < n && !oom; i++) {
		if (jobs[i].format != GG_FORMAT_NEO4J)
			oom = !(files[n_files++] = strdup(jobs[i].path));
		else {
			gg_neo4j_paths pair;
			oom = gg_export_neo4j_paths(&pair, jobs[i].path) != 0 ||
			      !(files[n_files++] = strdup(pair.nodes)) ||
			      !(files[n_files++] = strdup(pair.relationships));
			gg_neo4j_paths_destroy(&pair);
		}
	}
	if (oom)
		cli_error("out of memory");
	for (size_t i = 0; i < n_files && !oom && !clash; i++) {
		const char *base = strrchr(files[i], '/') + 1; /* join_path made DIR/NAME */
		if (strlen(base) > NAME_MAX) {
			cli_usage_error(usage, "'%s' would be too long a file name: shorten --name "
					"(or the --focus term)", base);
			clash = true;
		}
		for (size_t j = i + 1; j < n_files && !clash; j++)
			if (strcmp(files[i], files[j]) == 0) {
				cli_usage_error(usage, "two of the outputs would be '%s': give --name "
						"another stem than the --focus term", files[i]);
				clash = true;
			}
	}
	for (size_t i = 0; i < n_files; i++)
		free(files[i]);
	return oom ? EXIT_ERROR : clash ? EXIT_USAGE : EXIT_OK;
}

/*
 * The options that save the graph: the inputs and the link options
 * recorded, `settings` (of `size` bytes) holding the latter's text.
 */
static void database_options(gg_store_write_options *o, const cli_common *c, char *settings,
			     size_t size)
{
	const gg_link_options *l = &c->link;

	gg_store_write_options_init(o);
	o->inputs = cli_inputs(c, &o->n_inputs);
	snprintf(settings, size, "format %s; min-weight %u; keep-all %s; stop-terms %s;"
		 " link-model %s; link-threshold %g; link-density %d",
		 c->input_format ? c->input_format : "auto", (unsigned)l->min_weight,
		 l->keep_all ? "yes" : "no", l->stop_terms ? l->stop_terms : "none",
		 l->model ? l->model : "built-in", l->threshold, (int)l->density);
	o->settings = settings;
}

/*
 * Plan every file (paths, selections), refuse any that would replace an
 * input, make the folder, load the graph once, then write each file; a
 * file that fails is reported and the others are still written.
 */
int cmd_build(int argc, char **argv)
{
	static const struct option long_options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "formats", required_argument, NULL, OPT_FORMATS },
		{ "name", required_argument, NULL, OPT_NAME },
		{ "base-iri", required_argument, NULL, OPT_BASE_IRI },
		CLI_SELECTION_LONG_OPTIONS,
		CLI_COMMON_LONG_OPTIONS
	};
	static const cli_spec spec = {
		usage,
		"Builds the graph and writes it into DIR (default graphs, made if\n"
		"missing) in every format, or those of LIST: STEM.dot, .graphml, .gexf,\n"
		".svg (the --top most central terms), .tsv, .csv, .json,\n"
		".graphology.json, .cytoscape.json, .ttl (SKOS), .html (the interactive\n"
		"map), .nodes.csv + .relationships.csv for Neo4j, and .sqlite (the saved\n"
		"graph that --db answers from). With --focus TERM it also\n"
		"draws the map around TERM into DIR/term.svg (e.g. graphs/nas.svg).\n"
		"Each file is written whole or not at all, the two Neo4j files together.\n\n"
		"  -o, --output DIR    where to write (default graphs)\n"
		"      --formats LIST  comma-separated: dot, graphml, gexf, svg, tsv, csv,\n"
		"                      json, graphology, cytoscape, neo4j, skos, html,\n"
		"                      vault, sqlite, or all (the default: all but vault)\n"
		"      --name STEM     file names (default glossary)\n"
		"      --base-iri IRI  the start of the SKOS IRIs\n"
		"      --top N         terms in the SVG overview (default 150)\n"
		"      --focus TERM    also draw the map around TERM\n"
		CLI_SELECTION_HELP,
		"o:", long_options, build_option, 0, 0
	};
	build_args args = { "graphs", "glossary", CLI_SELECTION_INIT, { false }, true, NULL };
	gg_graph *all_graph = NULL;
	const cli_selection *sel = &args.select;
	job jobs[GG_EXPORT_FORMAT_COUNT + 1] = { 0 }, database = { 0 };
	job *order[GG_EXPORT_FORMAT_COUNT + 2];
	gg_store_write_options store;
	char settings[512];
	size_t n_jobs = 0, n_order = 0;
	cli_common common;
	cli_graph cg = { 0 };
	database_writer writer = { .job = &database, .lock = PTHREAD_MUTEX_INITIALIZER,
				   .handed = PTHREAD_COND_INITIALIZER };
	const cli_load_stages stages = { database_glossary_read, database_links_made, database_stopped,
					 &writer };
	int code;

	for (int k = 0; k < GG_EXPORT_FORMAT_COUNT; k++)
		args.wanted[k] = k != GG_FORMAT_VAULT; /* a folder of its own: when asked */
	if (cli_begin(argc, argv, &spec, &args, &common, &code) < 0)
		return code;
	writer.threads = common.link.threads;

	code = EXIT_OK;
	for (int k = 0; k < GG_EXPORT_FORMAT_COUNT && code == EXIT_OK; k++) {
		if (!args.wanted[k])
			continue;
		job *j = &jobs[n_jobs++];
		j->format = (gg_export_format)k;
		j->path = join_path(args.dir, args.name,
				    gg_export_format_extension(j->format));
		cli_selection_options(sel, false, &j->options);
		j->options.base_iri = args.base_iri;
		if (k == GG_FORMAT_SVG)
			j->options.top = sel->top >= 0 ? (size_t)sel->top : GG_EXPORT_SVG_TOP;
		if (!j->path) {
			cli_error("out of memory");
			code = EXIT_ERROR;
		}
	}
	if (code == EXIT_OK && sel->focus) {
		job *j = &jobs[n_jobs++];
		char *name = slug(sel->focus);
		j->format = GG_FORMAT_SVG;
		j->path = name ? join_path(args.dir, name, "svg") : NULL;
		free(name);
		cli_selection_options(sel, true, &j->options);
		j->options.top = GG_EXPORT_FOCUS_TOP;
		if (!j->path) {
			cli_error("out of memory");
			code = EXIT_ERROR;
		}
	}
	if (code == EXIT_OK && args.database &&
	    !(database.path = join_path(args.dir, args.name, "sqlite"))) {
		cli_error("out of memory");
		code = EXIT_ERROR;
	}
	if (code == EXIT_OK)
		code = check_output_names(jobs, n_jobs);
	for (size_t i = 0; i < n_jobs && code == EXIT_OK; i++)
		if (cli_refuse_output(&common, jobs[i].format, jobs[i].path))
			code = EXIT_ERROR;
	/* the database is one file, refused as any one-file format is */
	if (code == EXIT_OK && database.path &&
	    cli_refuse_output(&common, GG_FORMAT_JSON, database.path))
		code = EXIT_ERROR;
	for (size_t i = 0; i < n_jobs; i++)
		jobs[i].options.progress = cli_progress_job(i);
	cli_progress_exports(n_jobs);
	if (database.path) {
		database_options(&store, &common, settings, sizeof(settings));
		database.store = &store;
	}
	/* measures only where an output reads them: the database, and every
	 * format but the edge tables (--top and --focus select for SVG only) */
	bool exports_measures = false;
	for (size_t i = 0; i < n_jobs; i++)
		exports_measures |= gg_export_reads_measures(jobs[i].format);
	/* the database keeps the held links and the default graph's measures; --all
	 * exports then take a graph of their own, held links included */
	if (code == EXIT_OK && (!make_dir(args.dir) ||
				!cli_load_graph_with(&common, sel->all || database.path,
						     sel->all && !database.path,
						     exports_measures || database.path,
						     database.path ? &stages : NULL, &cg)))
		code = EXIT_ERROR;
	if (code == EXIT_OK && sel->all && database.path) {
		gg_graph_options go;
		gg_graph_options_init(&go);
		go.include_held = true;
		go.without_measures = !exports_measures;
		go.threads = common.link.threads;
		if (gg_graph_new(&all_graph, cg.links, &go) != 0) {
			cli_error("%s", gg_error_last());
			code = EXIT_ERROR;
		}
	}
	if (code == EXIT_OK && sel->focus) {
		if (!cli_resolve_term(cg.glossary, sel->focus, &jobs[n_jobs - 1].options.focus))
			code = EXIT_ERROR;
	}
	if (code == EXIT_OK) {
		/* the database's last stage runs beside the exports; on one core it is
		 * written whole as the first job, the longest */
		if (writer.started) {
			hand_over(&writer, NULL, cg.graph);
		} else if (database.path) {
			database.graph = cg.graph;
			order[n_order++] = &database;
		}
		for (size_t i = 0; i < n_jobs; i++) {
			jobs[i].graph = all_graph ? all_graph : cg.graph;
			order[n_order++] = &jobs[i];
		}
		run_jobs(order, n_order, common.link.threads);
		if (writer.started) {
			pthread_join(writer.thread, NULL);
			writer.started = false;
		}
		cli_progress_clear();
		for (size_t i = 0; i < n_jobs; i++) { /* reported in job order, the database last */
			if (jobs[i].failed) {
				cli_error("%s", jobs[i].message);
				code = EXIT_ERROR;
			} else if (!common.quiet) {
				cli_report_written(jobs[i].format, jobs[i].path);
			}
		}
		if (database.failed) {
			cli_error("%s", database.message);
			code = EXIT_ERROR;
		} else if (database.path && !common.quiet) {
			cli_note("wrote %s", database.path);
		}
	}
	database_stopped(&writer); /* when a step after the loading failed */
	pthread_cond_destroy(&writer.handed);
	pthread_mutex_destroy(&writer.lock);
	free(database.path);
	gg_graph_free(all_graph);
	for (size_t i = 0; i < n_jobs; i++)
		free(jobs[i].path);
	cli_graph_free(&cg);
	cli_common_free(&common);
	return code;
}
