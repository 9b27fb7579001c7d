/* cmd_stats.c - `glossgraph stats`: the graph's summary figures. */
#include "cli/cli.h"

#include <stdio.h>

static const char usage[] = "glossgraph stats [--tsv|--json]";

/* One figure: its key (TSV and JSON) and its value, a count or a ratio. */
struct figure {
	const char *key;
	double value;
	bool ratio;
};

/* The figures as "label: value" lines; `sources` tells how betweenness was found. */
static void print_text(const gg_graph_stats *s, size_t sources)
{
	printf("nodes: %zu (%zu terms, %zu header keywords)\n", s->nodes, s->terms, s->keywords);
	printf("edges: %zu (%zu mention, %zu editor, %zu category, %zu keyword)\n", s->edges,
	       s->edges_by_kind[GG_EDGE_MENTION], s->edges_by_kind[GG_EDGE_EDITOR],
	       s->edges_by_kind[GG_EDGE_CATEGORY], s->edges_by_kind[GG_EDGE_KEYWORD]);
	printf("linked pairs: %zu\n", s->linked_pairs);
	printf("links left out: %zu (held back, or to a keyword too few point at)\n",
	       s->links_left_out);
	printf("components: %zu (largest %zu nodes); strongly connected: %zu\n", s->components,
	       s->largest_component, s->strong_components);
	printf("isolated concepts: %zu\n", s->isolated);
	printf("communities: %zu (modularity %.3f)\n", s->communities, s->modularity);
	printf("density: %.6f\n", s->density);
	printf("mean degree: %.2f\n", s->mean_degree);
	if (sources == s->nodes)
		puts("betweenness: exact");
	else
		printf("betweenness: estimated from %zu of %zu nodes\n", sources, s->nodes);
}

int cmd_stats(int argc, char **argv)
{
	static const struct option long_options[] = { CLI_DB_LONG_OPTION, CLI_COMMON_LONG_OPTIONS };
	static const cli_spec spec = {
		usage, "Prints the graph's figures: nodes (terms and header keywords), edges by\n"
		"kind, linked pairs, links the linker held back, components (weak and\n"
		"strong), isolated concepts, communities and their modularity, density\n"
		"(linked pairs over n(n-1)) and mean degree (in plus out).\n\n",
		"", long_options, NULL, 0, 0
	};
	cli_common common;
	cli_graph g;
	gg_graph_stats s;
	int code;

	cli_common_init(&common);
	int first = cli_parse(argc, argv, &spec, &common, NULL, &code);
	if (first < 0 || !cli_load_stats(&common, &g, &s)) {
		cli_common_free(&common);
		return first < 0 ? code : EXIT_ERROR;
	}
	size_t sources = gg_graph_betweenness_sources(g.graph);
	const struct figure figures[] = {
		{ "nodes", (double)s.nodes, false },
		{ "terms", (double)s.terms, false },
		{ "keywords", (double)s.keywords, false },
		{ "edges", (double)s.edges, false },
		{ "mention_edges", (double)s.edges_by_kind[GG_EDGE_MENTION], false },
		{ "editor_edges", (double)s.edges_by_kind[GG_EDGE_EDITOR], false },
		{ "category_edges", (double)s.edges_by_kind[GG_EDGE_CATEGORY], false },
		{ "keyword_edges", (double)s.edges_by_kind[GG_EDGE_KEYWORD], false },
		{ "linked_pairs", (double)s.linked_pairs, false },
		{ "links_left_out", (double)s.links_left_out, false },
		{ "components", (double)s.components, false },
		{ "largest_component", (double)s.largest_component, false },
		{ "strong_components", (double)s.strong_components, false },
		{ "isolated", (double)s.isolated, false },
		{ "communities", (double)s.communities, false },
		{ "modularity", s.modularity, true },
		{ "density", s.density, true },
		{ "mean_degree", s.mean_degree, true },
		{ "betweenness_sources", (double)sources, false },
	};
	size_t n = sizeof(figures) / sizeof(*figures);
	if (common.format == FORMAT_TEXT)
		print_text(&s, sources);
	else if (common.format == FORMAT_TSV)
		puts("figure\tvalue");
	for (size_t i = 0; i < n && common.format != FORMAT_TEXT; i++) {
		const struct figure *f = &figures[i];
		if (common.format == FORMAT_TSV)
			printf(f->ratio ? "%s\t%.6f\n" : "%s\t%.0f\n", f->key, f->value);
		else
			printf(f->ratio ? "%s\"%s\": %.6f" : "%s\"%s\": %.0f", i ? ",\n  " : "{\n  ",
			       f->key, f->value);
	}
	if (common.format == FORMAT_JSON)
		fputs("\n}\n", stdout);
	cli_graph_free(&g);
	cli_common_free(&common);
	return cli_finish_stdout(EXIT_OK);
}
