/* common.c - option handling, loading and output helpers of the subcommands. */
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

const char cli_common_help[] =
	"  -i, --input PATH  a glossary page or a directory of pages, '-' for\n"
	"                    standard input (repeatable; default: data)\n"
	"      --format F    read inputs as F: page, html, markdown, csv, tsv,\n"
	"                    json, yaml, skos, rst, asciidoc, texinfo, latex, docx,\n"
	"                    odt, ods, xlsx, docbook\n"
	"                    (default: by extension and content)\n"
	"      --json        answer in JSON\n"
	"      --tsv         answer as tab-separated values\n"
	"  -v, --verbose     also list notes about the input (duplicates dropped)\n"
	"  -q, --quiet       no summary line on stderr\n"
	"      --min-weight W  hold back links with fewer than W mentions\n"
	"      --keep-all    hold back no link (generic terms included)\n"
	"      --stop-terms FILE  never link to the terms in FILE (one a line)\n"
	"      --link-threshold X  keep mention links scoring X or more (0 to 1)\n"
	"      --link-density sparse|balanced|dense  fewer or more links than the\n"
	"                    model's threshold (default: fitted to the glossary's\n"
	"                    own editor links when it has them, else balanced)\n"
	"      --link-model FILE  feature weights and threshold of the link score\n"
	"  -h, --help        this help\n\n";

const char cli_db_help[] =
	"      --db FILE     answer from the saved graph FILE (glossary.sqlite, as\n"
	"                    build writes it) instead of reading the pages\n";

const char cli_exit_help[] =
	"exit status: 0 done; 1 failed (unreadable input, no such term, a write\n"
	"that failed); 2 bad command line\n";

void cli_common_init(cli_common *c)
{
	memset(c, 0, sizeof(*c));
	gg_link_options_init(&c->link);
}

/* "glossgraph: " and the formatted message on stderr, escaped as cli_put does. */
static void print_message(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

static void print_message(const char *fmt, va_list ap)
{
	char small[512] = "";
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	char *text = n >= (int)sizeof(small) ? malloc((size_t)n + 1) : NULL;
	if (text)
		vsnprintf(text, (size_t)n + 1, fmt, again);
	va_end(again);
	cli_progress_clear();
	fputs("glossgraph: ", stderr);
	cli_put(stderr, text ? text : small); /* cut to `small` when out of memory */
	free(text);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	print_message(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_note(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	print_message(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	print_message(fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: %s\n", usage);
	return EXIT_USAGE;
}

size_t cli_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), w = lb + 1;
	size_t *d = malloc((la + 1) * w * sizeof(*d)); /* d[i*w+j]: a[0..i) against b[0..j) */
	if (!d)
		return SIZE_MAX;
	for (size_t i = 0; i <= la; i++)
		d[i * w] = i;
	for (size_t j = 0; j <= lb; j++)
		d[j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t best = d[(i - 1) * w + j - 1] + (a[i - 1] != b[j - 1]);
			if (d[(i - 1) * w + j] + 1 < best)
				best = d[(i - 1) * w + j] + 1;
			if (d[i * w + j - 1] + 1 < best)
				best = d[i * w + j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[(i - 2) * w + j - 2] + 1 < best)
				best = d[(i - 2) * w + j - 2] + 1; /* two letters swapped */
			d[i * w + j] = best;
		}
	}
	size_t distance = d[la * w + lb];
	free(d);
	return distance;
}

const char *cli_closest(const char *word, const char *const *names, size_t n)
{
	size_t limit = strlen(word) < 6 ? 1 : strlen(word) / 3, best = SIZE_MAX;
	const char *closest = NULL;
	for (size_t i = 0; i < n; i++) {
		size_t d = cli_edit_distance(word, names[i]);
		if (d <= limit && d < best) {
			best = d;
			closest = names[i];
		}
	}
	return closest;
}

/* The long option `arg` ("--name" or "--name=value") names, as a new string ("" when out of memory). */
static char *long_name(const char *arg)
{
	char *name = strndup(arg + 2, strcspn(arg + 2, "="));
	return name ? name : strdup("");
}

/* Whether `name` (or a long option it abbreviates) has code `code` and takes no value. */
static bool takes_no_value(const cli_spec *spec, const char *name, int code)
{
	for (const struct option *o = spec->long_options; o->name; o++)
		if (o->val == code && o->has_arg == no_argument &&
		    strncmp(o->name, name, strlen(name)) == 0)
			return true;
	return false;
}

/*
 * Report what getopt refused (`opt` is '?' or ':'): an unknown option, with
 * the closest long one; a value missing; a value given to an option that
 * takes none. `arg` is the argument getopt was reading.
 */
static void bad_option(const cli_spec *spec, const char *arg, int opt)
{
	bool is_long = arg[0] == '-' && arg[1] == '-';
	char *name = is_long ? long_name(arg) : NULL;
	if (opt == ':' && is_long) {
		cli_usage_error(spec->usage, "option '--%s' needs a value", name ? name : "");
	} else if (opt == ':') {
		cli_usage_error(spec->usage, "option '-%c' needs a value", optopt);
	} else if (optopt == 0 && name) {
		const char *names[64];
		size_t n = 0;
		for (const struct option *o = spec->long_options; o->name && n < 64; o++)
			names[n++] = o->name;
		const char *near = cli_closest(name, names, n);
		if (near)
			cli_usage_error(spec->usage, "unknown option '--%s'; did you mean '--%s'?",
					name, near);
		else
			cli_usage_error(spec->usage, "unknown option '--%s'", name);
	} else if (name && strchr(arg, '=') && takes_no_value(spec, name, optopt)) {
		cli_usage_error(spec->usage, "option '--%s' takes no value", name);
	} else {
		cli_usage_error(spec->usage, "unknown option '-%c'", optopt);
	}
	free(name);
}

/* Whether the command takes --db. */
static bool takes_db(const cli_spec *spec)
{
	for (const struct option *o = spec->long_options; o->name; o++)
		if (o->val == CLI_OPT_DB)
			return true;
	return false;
}

static bool add_input(cli_common *c, const char *path)
{
	const char **grown = realloc(c->inputs, (c->n_inputs + 1) * sizeof(*grown));
	if (!grown)
		return false;
	c->inputs = grown;
	c->inputs[c->n_inputs++] = path;
	return true;
}

/* Read --link-threshold X (a number in [0, 1]) or --link-density NAME into
 * *o; false, with a usage error reported, for anything else. */
static bool parse_link_choice(const char *usage, int opt, const char *arg, gg_link_options *o)
{
	if (opt == CLI_OPT_LINK_THRESHOLD) {
		char *end;
		errno = 0;
		double x = strtod(arg, &end);
		if (errno || end == arg || *end || !(x >= 0 && x <= 1)) {
			cli_usage_error(usage, "--link-threshold wants a number from 0 to 1, not '%s'", arg);
			return false;
		}
		o->threshold = x;
		return true;
	}
	static const char *const densities[] = { "sparse", "balanced", "dense" };
	static const gg_link_density values[] = { GG_DENSITY_SPARSE, GG_DENSITY_BALANCED,
						  GG_DENSITY_DENSE };
	for (size_t k = 0; k < 3; k++) {
		if (strcmp(arg, densities[k]) == 0) {
			o->density = values[k];
			return true;
		}
	}
	cli_usage_error(usage, "--link-density wants sparse, balanced or dense, not '%s'", arg);
	return false;
}

int cli_parse(int argc, char **argv, const cli_spec *spec, cli_common *c,
	      void *payload, int *exit_code)
{
	char shorts[64];
	int opt;
	snprintf(shorts, sizeof(shorts), ":%s%s", spec->short_options ? spec->short_options : "",
		 CLI_COMMON_SHORT_OPTIONS);
	optind = 1;
	opterr = 0; /* bad_option reports, with a suggestion */
	while ((opt = getopt_long(argc, argv, shorts, spec->long_options, NULL)) != -1) {
		switch (opt) {
		case 'i':
			if (!add_input(c, optarg)) {
				cli_error("out of memory");
				*exit_code = EXIT_ERROR;
				return -1;
			}
			break;
		case 'J':
			c->format = FORMAT_JSON;
			break;
		case 'T':
			c->format = FORMAT_TSV;
			break;
		case 'v':
			c->verbose = true;
			break;
		case 'q':
			c->quiet = true;
			break;
		case CLI_OPT_DB:
			c->db = optarg;
			break;
		case 'W': {
			long w;
			if (!cli_parse_count(spec->usage, "--min-weight", optarg, &w)) {
				*exit_code = EXIT_USAGE;
				return -1;
			}
			c->link.min_weight = (uint32_t)(w > UINT32_MAX ? UINT32_MAX : w);
			c->link_set = true;
			break;
		}
		case 'A':
			c->link_set = true;
			c->link.keep_all = true;
			break;
		case 'S':
			c->link_set = true;
			c->link.stop_terms = optarg;
			break;
		case 'F':
			c->input_format = optarg;
			break;
		case CLI_OPT_LINK_MODEL:
			c->link_set = true;
			c->link.model = optarg;
			break;
		case CLI_OPT_LINK_THRESHOLD:
		case CLI_OPT_LINK_DENSITY:
			c->link_set = true;
			if (!parse_link_choice(spec->usage, opt, optarg, &c->link)) {
				*exit_code = EXIT_USAGE;
				return -1;
			}
			break;
		case 'h':
			printf("usage: %s\n\n%s%s%s%s", spec->usage, spec->help,
			       takes_db(spec) ? cli_db_help : "", cli_common_help, cli_exit_help);
			*exit_code = cli_finish_stdout(EXIT_OK);
			return -1;
		case '?':
		case ':':
			bad_option(spec, argv[optind - 1], opt);
			*exit_code = EXIT_USAGE;
			return -1;
		default:
			if (!spec->option || spec->option(opt, optarg, payload)) {
				*exit_code = EXIT_USAGE;
				return -1;
			}
		}
	}
	if (c->db && (c->n_inputs || c->input_format || c->link_set)) {
		*exit_code = cli_usage_error(spec->usage, "--db answers from the saved graph: -i, "
					     "--format and the link options do not apply to it");
		return -1;
	}
	size_t operands = (size_t)(argc - optind);
	if (operands < spec->min_operands || operands > spec->max_operands) {
		*exit_code = operands < spec->min_operands
			? cli_usage_error(spec->usage, "missing argument")
			: cli_usage_error(spec->usage, "unexpected argument '%s'",
					  argv[optind + (int)spec->max_operands]);
		return -1;
	}
	cli_restart_with_huge_pages(c);
	return optind;
}

bool cli_parse_count(const char *usage, const char *name, const char *arg, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < 0) {
		cli_usage_error(usage, "%s takes a whole number, not '%s'", name, arg);
		return false;
	}
	*out = v;
	return true;
}

bool cli_parse_number(const char *usage, const char *name, const char *arg, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(arg, &end);
	if (errno || end == arg || *end || !(v >= 0)) {
		cli_usage_error(usage, "%s takes a number >= 0, not '%s'", name, arg);
		return false;
	}
	*out = v;
	return true;
}

void cli_common_free(cli_common *c)
{
	free(c->inputs);
	c->inputs = NULL;
	c->n_inputs = 0;
}

static void print_diagnostics(const gg_glossary *g, bool verbose)
{
	size_t n = gg_glossary_diagnostic_count(g);
	for (size_t i = 0; i < n; i++) {
		const gg_diagnostic *d = gg_glossary_diagnostic(g, i);
		if (d->level == GG_DIAG_NOTE && !verbose)
			continue;
		const char *level = d->level == GG_DIAG_NOTE ? "note" : "warning";
		if (d->file && d->line)
			cli_error("%s:%u: %s: %s", d->file, d->line, level, d->message);
		else if (d->file)
			cli_error("%s: %s: %s", d->file, level, d->message);
		else
			cli_error("%s: %s", level, d->message);
	}
}

static void print_summary(const gg_read_stats *s)
{
	fprintf(stderr, "glossgraph: read %zu page%s: %zu entr%s, %zu exact duplicate%s dropped, "
		"%zu concepts, %zu keyword nodes",
		s->pages, s->pages == 1 ? "" : "s", s->entries, s->entries == 1 ? "y" : "ies",
		s->duplicates, s->duplicates == 1 ? "" : "s", s->concepts, s->keywords);
	if (s->skipped_lines)
		fprintf(stderr, "; %zu line%s outside any entry skipped", s->skipped_lines,
			s->skipped_lines == 1 ? "" : "s");
	if (s->replaced_bytes)
		fprintf(stderr, "; %zu bad byte%s replaced by U+FFFD", s->replaced_bytes,
			s->replaced_bytes == 1 ? "" : "s");
	if (s->warnings)
		fprintf(stderr, "; %zu warning%s", s->warnings, s->warnings == 1 ? "" : "s");
	fputc('\n', stderr);
}

const char *const *cli_inputs(const cli_common *c, size_t *n)
{
	static const char *const default_inputs[] = { "data" };
	*n = c->n_inputs ? c->n_inputs : 1;
	return c->n_inputs ? c->inputs : default_inputs;
}

gg_glossary *cli_load_glossary(const cli_common *c)
{
	size_t n;
	const char *const *inputs = cli_inputs(c, &n);
	gg_glossary *g = NULL;
	gg_progress progress = cli_progress_stage();
	gg_build_options build;
	int err = gg_glossary_new(&g);

	gg_build_options_init(&build);
	build.progress = progress;
	if (!err)
		gg_glossary_set_progress(g, &progress);
	for (size_t i = 0; i < n && !err; i++)
		err = gg_glossary_read_input(g, inputs[i], c->input_format);
	if (!err)
		err = gg_glossary_build(g, &build);
	cli_progress_clear();
	if (g)
		print_diagnostics(g, c->verbose);
	if (err) {
		cli_error("%s", gg_error_last());
		gg_glossary_free(g);
		return NULL;
	}
	if (!c->quiet)
		print_summary(gg_glossary_stats(g));
	return g;
}

void cli_link_note(const gg_links *l)
{
	gg_threshold_source source;
	double threshold = gg_links_threshold(l, &source);
	if (source == GG_THRESHOLD_EDITORS)
		fprintf(stderr, "glossgraph: link threshold %.3f, fitted to the glossary's %zu editor links\n",
			threshold, gg_links_calibration_links(l));
}

/* Open --db with the options `o` into out, saying nothing yet; false (message printed) on failure. */
static bool open_store(const cli_common *c, const gg_store_open_options *o, cli_graph *out)
{
	gg_store_open_options notes = *o;
	notes.without_notes = !c->verbose; /* print_diagnostics shows them only then */
	memset(out, 0, sizeof(*out));
	if (gg_store_open(&out->store, c->db, &notes) != 0) {
		cli_error("%s", gg_error_last());
		return false;
	}
	out->glossary = gg_store_glossary(out->store);
	out->links = gg_store_links(out->store);
	out->graph = gg_store_graph(out->store);
	return true;
}

/* What an open of --db tells on stderr: the input's warnings, changed inputs, the summary. */
static void report_store(const cli_common *c, bool link_note, const cli_graph *out)
{
	print_diagnostics(out->glossary, c->verbose);
	for (size_t i = 0; i < gg_store_input_count(out->store); i++) {
		const gg_store_input *in = gg_store_input_at(out->store, i);
		if (in->changed)
			cli_error("warning: '%s' has changed since '%s' was built; answering from '%s'",
				  in->path, c->db, c->db);
	}
	if (!c->quiet) {
		print_summary(gg_glossary_stats(out->glossary));
		if (link_note)
			cli_link_note(out->links);
	}
}

/* cli_open_db with the options `o`. */
static bool open_db(const cli_common *c, const gg_store_open_options *o, bool link_note,
		    cli_graph *out)
{
	if (!open_store(c, o, out))
		return false;
	report_store(c, link_note, out);
	return true;
}

bool cli_open_db(const cli_common *c, bool with_held, bool graph_with_held, bool link_note,
		 cli_graph *out)
{
	gg_store_open_options o;
	gg_store_open_options_init(&o);
	o.with_held = with_held;
	o.graph_with_held = graph_with_held;
	return open_db(c, &o, link_note, out);
}

/* cli_load_graph_with, the graph without measures unless `measures` (gg_graph_options.without_measures). */
static bool load_graph(const cli_common *c, bool held_links, bool held_graph, bool measures,
		       const cli_load_stages *stages, cli_graph *out);

/* From the pages, the graph of a query that reads no measure: neighbors, related, path. */
static bool load_graph_for_query(const cli_common *c, cli_graph *out)
{
	return load_graph(c, false, false, false, NULL, out);
}

bool cli_load_around(const cli_common *c, const char *term, unsigned depth, bool graph,
		     cli_graph *out)
{
	if (!c->db)
		return graph ? load_graph_for_query(c, out) : cli_load_terms(c, out);
	gg_store_open_options o;
	gg_store_open_options_init(&o);
	o.around = term;
	o.depth = depth;
	return open_db(c, &o, graph, out);
}

bool cli_load_related(const cli_common *c, const char *term, cli_graph *out)
{
	if (!c->db)
		return load_graph_for_query(c, out);
	gg_store_open_options o;
	gg_store_open_options_init(&o);
	o.around = term;
	o.related = true;
	return open_db(c, &o, true, out);
}

bool cli_load_path(const cli_common *c, const char *from, const char *to, bool undirected,
		   cli_graph *out)
{
	if (!c->db)
		return load_graph_for_query(c, out);
	gg_store_open_options o;
	gg_store_open_options_init(&o);
	o.around = from;
	o.path_to = to;
	o.undirected = undirected;
	return open_db(c, &o, true, out);
}

/* cli_load_figures, the links left out too with `without_edges`. */
static bool load_without_text(const cli_common *c, bool without_edges, cli_graph *out)
{
	if (!c->db)
		return cli_load_graph(c, false, out);
	gg_store_open_options o;
	gg_store_open_options_init(&o);
	o.without_text = true;
	o.without_edges = without_edges;
	return open_db(c, &o, true, out);
}

bool cli_load_figures(const cli_common *c, cli_graph *out)
{
	return load_without_text(c, false, out);
}

bool cli_load_nodes(const cli_common *c, cli_graph *out)
{
	return load_without_text(c, true, out);
}

bool cli_load_terms(const cli_common *c, cli_graph *out)
{
	if (c->db)
		return cli_open_db(c, false, false, false, out);
	memset(out, 0, sizeof(*out));
	out->glossary = out->own_glossary = cli_load_glossary(c);
	return out->glossary != NULL;
}

/* From the pages the glossary; from --db, without a graph, the concepts' names (`names`) or only the glossary's figures. */
static bool load_without_graph(const cli_common *c, bool names, cli_graph *out)
{
	if (!c->db)
		return cli_load_terms(c, out);
	gg_store_open_options o;
	gg_store_open_options_init(&o);
	o.names_only = names;
	o.figures_only = !names;
	return open_db(c, &o, false, out);
}

bool cli_load_for_search(const cli_common *c, cli_graph *out)
{
	return load_without_graph(c, false, out);
}

bool cli_load_stats(const cli_common *c, cli_graph *out, gg_graph_stats *stats)
{
	if (c->db) {
		gg_store_open_options o;
		gg_store_open_options_init(&o);
		o.figures_only = true;
		if (!open_store(c, &o, out))
			return false;
		int err = gg_store_stats(stats, out->store);
		if (!err) {
			report_store(c, true, out);
			return true;
		}
		cli_graph_free(out);
		if (err != GG_ENOTFOUND) {
			cli_error("%s", gg_error_last());
			return false;
		}
		/* a file written before its figures were: read its graph */
	}
	if (!cli_load_figures(c, out))
		return false;
	if (gg_query_stats(stats, out->graph) != 0) {
		cli_error("%s", gg_error_last());
		cli_graph_free(out);
		return false;
	}
	return true;
}

bool cli_load_names(const cli_common *c, cli_graph *out)
{
	return load_without_graph(c, true, out);
}

bool cli_load_graph(const cli_common *c, bool include_held, cli_graph *out)
{
	return cli_load_graph_with(c, include_held, include_held, true, NULL, out);
}

bool cli_load_graph_with(const cli_common *c, bool held_links, bool held_graph, bool measures,
			 const cli_load_stages *stages, cli_graph *out)
{
	return load_graph(c, held_links, held_graph, measures, stages, out);
}

static bool load_graph(const cli_common *c, bool held_links, bool held_graph, bool measures,
		       const cli_load_stages *stages, cli_graph *out)
{
	static const cli_load_stages none = { NULL, NULL, NULL, NULL };
	if (!stages)
		stages = &none;
	if (c->db) {
		if (!cli_open_db(c, held_links, held_graph, true, out))
			return false;
		if (stages->glossary_read)
			stages->glossary_read(out->glossary, stages->payload);
		if (stages->links_made)
			stages->links_made(out->links, stages->payload);
		return true;
	}
	gg_link_options link = c->link;
	link.drop_held = !held_links; /* a graph without them has no use for them */
	link.progress = cli_progress_stage();
	gg_graph_options graph;
	gg_graph_options_init(&graph);
	graph.include_held = held_graph;
	graph.without_measures = !measures;
	graph.threads = c->link.threads;
	graph.progress = cli_progress_stage();
	memset(out, 0, sizeof(*out));
	if (!(out->glossary = out->own_glossary = cli_load_glossary(c)))
		return false;
	if (stages->glossary_read)
		stages->glossary_read(out->glossary, stages->payload);
	bool linked = gg_links_new(&out->own_links, out->own_glossary, &link) == 0;
	if (linked && stages->links_made)
		stages->links_made(out->own_links, stages->payload);
	if (!linked || gg_graph_new(&out->own_graph, out->own_links, &graph) != 0) {
		cli_error("%s", gg_error_last());
		if (stages->stopped)
			stages->stopped(stages->payload);
		cli_graph_free(out);
		return false;
	}
	cli_progress_clear();
	out->links = out->own_links;
	out->graph = out->own_graph;
	if (!c->quiet)
		cli_link_note(out->links);
	return true;
}

void cli_graph_free(cli_graph *g)
{
	gg_graph_free(g->own_graph);
	gg_links_free(g->own_links);
	gg_glossary_free(g->own_glossary);
	gg_store_free(g->store);
	memset(g, 0, sizeof(*g));
}

bool cli_resolve_term(const gg_glossary *g, const char *term, size_t *out)
{
	if (gg_glossary_find(out, g, term) == 0)
		return true;
	size_t near[8];
	size_t n = gg_glossary_suggest(near, 8, g, term);
	if (!n) {
		cli_error("no term '%s'", term);
		return false;
	}
	cli_error("no term '%s'; did you mean:", term);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "  %s\n", cli_safe(gg_glossary_concept(g, near[i])->name));
	return false;
}

void cli_evidence_of(const gg_graph *gr, const gg_edge *e, cli_evidence *out)
{
	const gg_entry *entry = gg_glossary_entry(gg_graph_glossary(gr), e->entry);
	out->file = entry ? entry->file : "";
	out->line = entry ? entry->line : 0;
	size_t n = gg_edge_snippet(gg_graph_links(gr), e, out->snippet, sizeof(out->snippet));
	if (n >= sizeof(out->snippet)) { /* cut at a character, and say so */
		size_t at = sizeof(out->snippet) - 4;
		while (at > 0 && ((unsigned char)out->snippet[at] & 0xC0) == 0x80)
			at--;
		memcpy(out->snippet + at, "...", 4);
	}
}

/*
 * The escape for the character at p (NUL-terminated), in `style`: returns
 * the length of the character and fills esc with what to print for it ("" to
 * print it as it is). esc holds at least 8 bytes.
 */
typedef enum escape_style { ESCAPE_TEXT, ESCAPE_TSV, ESCAPE_JSON } escape_style;

static size_t escape_char(const unsigned char *p, escape_style style, char *esc)
{
	esc[0] = '\0';
	if (*p < 0x80) {
		if (style == ESCAPE_JSON && (*p == '"' || *p == '\\'))
			snprintf(esc, 8, "\\%c", *p);
		else if (style == ESCAPE_TSV && (*p == '\t' || *p == '\n' || *p == '\r'))
			snprintf(esc, 8, " ");
		else if (*p == '\t' || *p == '\n' || *p == '\r')
			snprintf(esc, 8, "\\%c", *p == '\t' ? 't' : *p == '\n' ? 'n' : 'r');
		else if (*p < 0x20 || *p == 0x7f)
			snprintf(esc, 8, style == ESCAPE_JSON ? "\\u%04x" : "\\x%02x", *p);
		return 1;
	}
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate(p, 4, &cp);
	if (n < 1) { /* a byte that is not UTF-8 */
		if (style == ESCAPE_JSON)
			snprintf(esc, 8, "\xef\xbf\xbd"); /* U+FFFD */
		else
			snprintf(esc, 8, "\\x%02x", *p);
		return 1;
	}
	if (cp < 0xa0) /* C1 controls: ESC [ to some terminals */
		snprintf(esc, 8, "\\u%04x", (unsigned)cp);
	return (size_t)n;
}

/* Write s to f with escape_char's escapes in `style`. */
static void put_escaped(FILE *f, const char *s, escape_style style)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		char esc[8];
		size_t n = escape_char(p, style, esc);
		if (esc[0])
			fputs(esc, f);
		else
			fwrite(p, 1, n, f);
		p += n;
	}
}

void cli_put(FILE *f, const char *s)
{
	put_escaped(f, s, ESCAPE_TEXT);
}

void cli_tsv_cell(FILE *f, const char *s)
{
	put_escaped(f, s, ESCAPE_TSV);
}

void cli_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	put_escaped(f, s, ESCAPE_JSON);
	fputc('"', f);
}

/* The rotating buffers of cli_safe; they stay allocated until the process ends. */
#define SAFE_SLOTS 8
static char *safe_slot[SAFE_SLOTS];
static size_t safe_cap[SAFE_SLOTS];
static size_t safe_next;

const char *cli_safe(const char *s)
{
	size_t escaped = 0;
	bool any = false;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		char esc[8];
		size_t n = escape_char(p, ESCAPE_TEXT, esc);
		escaped += esc[0] ? strlen(esc) : n;
		any = any || esc[0];
		p += n;
	}
	if (!any)
		return s; /* nothing to escape */
	size_t slot = safe_next++ % SAFE_SLOTS;
	if (safe_cap[slot] < escaped + 1) {
		char *grown = realloc(safe_slot[slot], escaped + 1);
		if (!grown)
			return "(out of memory)";
		safe_slot[slot] = grown;
		safe_cap[slot] = escaped + 1;
	}
	char *out = safe_slot[slot];
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		char esc[8];
		size_t n = escape_char(p, ESCAPE_TEXT, esc);
		size_t len = esc[0] ? strlen(esc) : n;
		memcpy(out, esc[0] ? esc : (const char *)p, len);
		out += len;
		p += n;
	}
	*out = '\0';
	return safe_slot[slot];
}

int cli_finish_stdout(int code)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write to standard output: %s", strerror(errno));
		return EXIT_ERROR;
	}
	return code;
}
