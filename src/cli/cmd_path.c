/* cmd_path.c - `glossgraph path FROM TO`: the shortest chain of cross-references, with evidence. */
#include "cli/cli.h"

#include <stdio.h>

static const char usage[] = "glossgraph path FROM TO [--undirected] [--tsv|--json]";

/* --undirected sets the bool at payload. */
static int path_option(int opt, const char *arg, void *payload)
{
	(void)arg;
	if (opt != 'u')
		return 1;
	*(bool *)payload = true;
	return 0;
}

/* Hop i (0-based) in `format`: a line, a TSV row or an element of "hops". */
static void print_hop(const gg_graph *gr, size_t i, const gg_hop *h, output_format format)
{
	const gg_edge *e = gg_graph_edge(gr, h->edge, NULL, NULL);
	const char *from = gg_graph_node(gr, h->from)->name, *to = gg_graph_node(gr, h->to)->name;
	cli_evidence ev;

	cli_evidence_of(gr, e, &ev);

	switch (format) {
	case FORMAT_TEXT:
		printf("%s %s %s  [%s, %u]  %s\n", cli_safe(from), h->reverse ? "<-" : "->",
		       cli_safe(to), gg_edge_kind_name(e->kind), e->weight, cli_safe(ev.snippet));
		break;
	case FORMAT_TSV:
		printf("%zu\t", i + 1);
		cli_tsv_cell(stdout, from);
		putchar('\t');
		cli_tsv_cell(stdout, to);
		printf("\t%s\t%s\t%u\t", h->reverse ? "reverse" : "forward", gg_edge_kind_name(e->kind),
		       e->weight);
		cli_tsv_cell(stdout, ev.file);
		printf("\t%u\t", ev.line);
		cli_tsv_cell(stdout, ev.snippet);
		putchar('\n');
		break;
	case FORMAT_JSON:
		printf("%s\n    {\"hop\": %zu, \"from\": ", i ? "," : "", i + 1);
		cli_json_string(stdout, from);
		fputs(", \"to\": ", stdout);
		cli_json_string(stdout, to);
		printf(", \"direction\": \"%s\", \"kind\": \"%s\", \"weight\": %u, \"file\": ",
		       h->reverse ? "reverse" : "forward", gg_edge_kind_name(e->kind), e->weight);
		cli_json_string(stdout, ev.file);
		printf(", \"line\": %u, \"snippet\": ", ev.line);
		cli_json_string(stdout, ev.snippet);
		putchar('}');
		break;
	}
}

/* The whole answer in `format`, headers and brackets included. */
static void print_path(const gg_graph *gr, size_t from, size_t to, const gg_path *p,
		       output_format format)
{
	if (format == FORMAT_TSV)
		puts("hop\tfrom\tto\tdirection\tkind\tweight\tfile\tline\tsnippet");
	if (format == FORMAT_JSON) {
		fputs("{\n  \"from\": ", stdout);
		cli_json_string(stdout, gg_graph_node(gr, from)->name);
		fputs(",\n  \"to\": ", stdout);
		cli_json_string(stdout, gg_graph_node(gr, to)->name);
		fputs(",\n  \"hops\": [", stdout);
	}
	for (size_t i = 0; i < p->count; i++)
		print_hop(gr, i, &p->hops[i], format);
	if (format == FORMAT_JSON)
		fputs(p->count ? "\n  ]\n}\n" : "]\n}\n", stdout);
}

/* Resolve a term to its node; false (reported) when it has none. */
static bool term_node(const cli_graph *g, const char *term, size_t *node)
{
	size_t concept;
	if (!cli_resolve_term(g->glossary, term, &concept))
		return false;
	if (gg_graph_node_of(node, g->graph, concept) != 0) {
		cli_error("%s", gg_error_last());
		return false;
	}
	return true;
}

int cmd_path(int argc, char **argv)
{
	static const struct option long_options[] = {
		{ "undirected", no_argument, NULL, 'u' },
		CLI_DB_LONG_OPTION,
		CLI_COMMON_LONG_OPTIONS
	};
	static const cli_spec spec = {
		usage, "Prints the shortest chain of cross-references from FROM to TO (fewest\n"
		"hops), a hop a line: `A -> B  [kind, weight]  evidence`, where a pair has\n"
		"links of several kinds the strongest. Links are followed the way they\n"
		"point, from the definition that names a term to that term; with\n"
		"--undirected either way (`A <- B` marks a hop against the link).\n"
		"When both name the same concept, says so (no hops) and exits 0.\n"
		"Exits 1 when there is no such chain.\n\n"
		"  -u, --undirected  follow links either way\n",
		"u", long_options, path_option, 2, 2
	};
	bool undirected = false;
	cli_common common;
	cli_graph g;
	size_t from, to;
	gg_path path = { NULL, 0 };
	int code;

	cli_common_init(&common);
	int first = cli_parse(argc, argv, &spec, &common, &undirected, &code);
	if (first < 0 ||
	    !cli_load_path(&common, argv[first], argv[first + 1], undirected, &g)) {
		cli_common_free(&common);
		return first < 0 ? code : EXIT_ERROR;
	}
	code = EXIT_ERROR;
	if (!term_node(&g, argv[first], &from) || !term_node(&g, argv[first + 1], &to))
		goto done;
	if (from == to) { /* no hop to make: say so rather than print nothing */
		const char *name = gg_graph_node(g.graph, from)->name;
		if (common.format == FORMAT_TEXT)
			printf("'%s' and '%s' are the same concept: %s\n", cli_safe(argv[first]),
			       cli_safe(argv[first + 1]), cli_safe(name));
		else
			print_path(g.graph, from, to, &path, common.format);
		code = cli_finish_stdout(EXIT_OK);
		goto done;
	}
	int err = gg_query_path(&path, g.graph, from, to, undirected);
	if (err == GG_ENOTFOUND && !undirected) {
		gg_path other;
		bool against = gg_query_path(&other, g.graph, from, to, true) == 0;
		gg_path_destroy(&other);
		if (against)
			cli_error("no chain of cross-references from '%s' to '%s'; there is one "
				  "against the links' direction (--undirected)",
				  gg_graph_node(g.graph, from)->name, gg_graph_node(g.graph, to)->name);
		else
			cli_error("no chain of cross-references from '%s' to '%s', either way",
				  gg_graph_node(g.graph, from)->name, gg_graph_node(g.graph, to)->name);
		goto done;
	}
	if (err) {
		cli_error("%s", gg_error_last());
		goto done;
	}
	print_path(g.graph, from, to, &path, common.format);
	code = cli_finish_stdout(EXIT_OK);
done:
	gg_path_destroy(&path);
	cli_graph_free(&g);
	cli_common_free(&common);
	return code;
}
