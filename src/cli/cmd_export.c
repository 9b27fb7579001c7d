/* cmd_export.c - `glossgraph export FORMAT`: the graph, or part of it, in one format. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
	"glossgraph export FORMAT [-o FILE|-] " CLI_SELECTION_USAGE " "
	"[-i PATH]...";

/* Option codes past the characters, for long options only. */
enum {
	OPT_LAYOUT = 256,
	OPT_BASE_IRI
};

/* What `export` reads from its command line. */
typedef struct export_args {
	const char *output;
	cli_selection select;
	const char *layout;
	const char *base_iri;
} export_args;

/* Read one of export's own options; non-zero is a usage error (reported). */
static int export_option(int opt, const char *arg, void *payload)
{
	export_args *a = payload;
	switch (opt) {
	case 'o':
		a->output = arg;
		return 0;
	case OPT_LAYOUT:
		a->layout = arg;
		return 0;
	case OPT_BASE_IRI:
		a->base_iri = arg;
		return 0;
	}
	return cli_selection_option(&a->select, usage, opt, arg);
}

/* Whether two stat results are the same file. */
static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether writing `path` would replace an input, or put a file into a folder read as input. */
static bool output_is_input(const cli_common *c, const char *path)
{
	size_t n;
	const char *const *inputs = cli_inputs(c, &n);
	struct stat out, folder;
	bool have_out = stat(path, &out) == 0;

	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	bool have_folder = dir && stat(dir, &folder) == 0;
	free(dir);

	for (size_t i = 0; i < n; i++) {
		struct stat in;
		if (stat(inputs[i], &in) != 0)
			continue;
		if (have_out && same_file(&out, &in))
			return true;
		if (S_ISDIR(in.st_mode) && have_folder && same_file(&folder, &in))
			return true;
	}
	/* the word lists the linker reads are inputs too */
	const char *const lists[] = { c->link.stop_terms, c->link.dictionary };
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		struct stat in;
		if (have_out && lists[i] && stat(lists[i], &in) == 0 && same_file(&out, &in))
			return true;
	}
	return false;
}

/* Refuse (reported) a path that output_is_input. */
static bool refuse_path(const cli_common *c, const char *path)
{
	if (strcmp(path, "-") == 0 || !output_is_input(c, path))
		return false;
	cli_error("will not write '%s': it is an input, or in an input folder", path);
	return true;
}

/* Refuse (reported) a Neo4j stem whose files would replace an input. */
static bool refuse_neo4j(const cli_common *c, const char *stem)
{
	gg_neo4j_paths pair;
	if (gg_export_neo4j_paths(&pair, stem) != 0) {
		cli_error("%s", gg_error_last());
		return true;
	}
	bool refused = refuse_path(c, pair.nodes) || refuse_path(c, pair.relationships);
	gg_neo4j_paths_destroy(&pair);
	return refused;
}

bool cli_refuse_output(const cli_common *c, gg_export_format format, const char *path)
{
	return format == GG_FORMAT_NEO4J ? refuse_neo4j(c, path) : refuse_path(c, path);
}

void cli_report_written(gg_export_format format, const char *path)
{
	gg_neo4j_paths pair;
	if (format != GG_FORMAT_NEO4J) {
		cli_note("wrote %s", path);
	} else if (gg_export_neo4j_paths(&pair, path) == 0) {
		cli_note("wrote %s and %s", pair.nodes, pair.relationships);
		gg_neo4j_paths_destroy(&pair);
	}
}

/* Parse, refuse an output that is an input, load the graph, select and write. */
int cmd_export(int argc, char **argv)
{
	static const struct option long_options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "layout", required_argument, NULL, OPT_LAYOUT },
		{ "base-iri", required_argument, NULL, OPT_BASE_IRI },
		CLI_SELECTION_LONG_OPTIONS,
		CLI_DB_LONG_OPTION,
		CLI_COMMON_LONG_OPTIONS
	};
	static const cli_spec spec = {
		usage,
		"Writes the graph in one format to FILE, or to standard output (-o -,\n"
		"the default). FORMAT is one of:\n"
		"  dot      graphviz DOT: ids n0, n1, ..., the term as label\n"
		"  graphml  GraphML with typed, named keys (Gephi, networkx, igraph)\n"
		"  gexf     GEXF 1.3 with colours, sizes and positions (Gephi, sigma.js)\n"
		"  svg      a picture: the --top most central terms (150), or the map\n"
		"           around --focus (60 terms); at most 1,500 terms and 6,000\n"
		"           links go to graphviz's layout\n"
		"  tsv, csv the edge list: source, target, weight, kind, rule, evidence\n"
		"           (file:offset: snippet), evidence_file, evidence_line,\n"
		"           evidence_offset, surface, snippet, specificity, cued\n"
		"  json     node-link JSON (networkx.node_link_graph)\n"
		"  graphology, cytoscape  the JSON of graphology (Gephi Lite, sigma.js)\n"
		"           or of cytoscape.js\n"
		"  skos     a SKOS concept scheme in Turtle\n"
		"  vault    -o FOLDER: a Markdown note per term, linked by [[wikilinks]]\n"
		"           (Obsidian, Logseq, Foam)\n"
		"  neo4j    FILE.nodes.csv and FILE.relationships.csv for neo4j-admin import\n"
		"  html     an interactive map in one page that works offline: search,\n"
		"           filters, each term's definition and links (sigma.js)\n"
		"A file is written whole or not at all: an old one stays as it was when\n"
		"writing fails; neo4j's two files are replaced together or not at all.\n\n"
		"  -o, --output FILE   where to write (- for standard output)\n"
		"      --top N         keep the N terms of highest PageRank (0: all)\n"
		"      --focus TERM    keep TERM and the terms around it\n"
		CLI_SELECTION_HELP
		"      --layout NAME   svg: sfdp, neato, dot, fdp, twopi or circo\n"
		"      --base-iri IRI  skos: the start of every IRI\n"
		"                      (default " GG_EXPORT_BASE_IRI ")\n",
		"o:", long_options, export_option, 1, 1
	};
	export_args args = { "-", CLI_SELECTION_INIT, NULL, NULL };
	cli_common common;
	cli_graph cg;
	gg_export_format format;
	int code;

	int first = cli_begin(argc, argv, &spec, &args, &common, &code);
	if (first < 0)
		return code;
	if (gg_export_format_from_name(&format, argv[first]) != 0) {
		code = cli_usage_error(usage, "%s", gg_error_last());
		cli_common_free(&common);
		return code;
	}
	if ((format == GG_FORMAT_NEO4J || format == GG_FORMAT_VAULT) && strcmp(args.output, "-") == 0) {
		code = cli_usage_error(usage, format == GG_FORMAT_NEO4J
				       ? "neo4j writes two files: give -o a path stem"
				       : "vault writes a folder of notes: give -o a folder");
		cli_common_free(&common);
		return code;
	}
	if (cli_refuse_output(&common, format, args.output)) {
		cli_common_free(&common);
		return EXIT_ERROR;
	}
	cli_progress_exports(1);
	/* an edge table reads no measure (a focus selects by hops; --top ranks
	 * by PageRank): none are computed */
	bool measures = gg_export_reads_measures(format) || args.select.top >= 0;
	if (!cli_load_graph_with(&common, args.select.all, args.select.all, measures, NULL, &cg)) {
		cli_common_free(&common);
		return EXIT_ERROR;
	}

	const cli_selection *sel = &args.select;
	gg_export_options o;
	cli_selection_options(sel, sel->focus != NULL, &o);
	o.layout = args.layout;
	o.base_iri = args.base_iri;
	o.progress = cli_progress_job(0);
	code = EXIT_OK;
	if (sel->focus && !cli_resolve_term(cg.glossary, sel->focus, &o.focus))
		code = EXIT_ERROR;
	if (sel->top >= 0)
		o.top = (size_t)sel->top;
	else if (format == GG_FORMAT_SVG)
		o.top = sel->focus ? GG_EXPORT_FOCUS_TOP : GG_EXPORT_SVG_TOP;
	if (code == EXIT_OK && gg_export_file(cg.graph, format, &o, args.output) != 0) {
		cli_error("%s", gg_error_last());
		code = EXIT_ERROR;
	}
	cli_progress_clear();
	if (code == EXIT_OK && strcmp(args.output, "-") != 0 && !common.quiet)
		cli_report_written(format, args.output);
	cli_graph_free(&cg);
	cli_common_free(&common);
	return code;
}
