/* neighbors.c - example: build the graph of a glossary and list the links around one term. */
#include <glossgraph.h>

#include <stdio.h>

/* usage: neighbors PATH TERM; exits 1 with a message when anything fails. */
int main(int argc, char **argv)
{
	gg_glossary *glossary = NULL;
	gg_links *links = NULL;
	gg_graph *graph = NULL;
	gg_neighbor_list list = { NULL, 0 };
	gg_link_options options;
	size_t concept, node;
	int status = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: neighbors PATH TERM\n");
		return 2;
	}
	gg_link_options_init(&options);
	if (gg_glossary_new(&glossary) != 0 || gg_glossary_read_path(glossary, argv[1]) != 0 ||
	    gg_glossary_build(glossary, NULL) != 0 || gg_links_new(&links, glossary, &options) != 0 ||
	    gg_graph_new(&graph, links, NULL) != 0 ||
	    gg_glossary_find(&concept, glossary, argv[2]) != 0 ||
	    gg_graph_node_of(&node, graph, concept) != 0 ||
	    gg_query_neighbors(&list, graph, node, GG_DIR_BOTH, 1, 0) != 0) {
		fprintf(stderr, "neighbors: %s\n", gg_error_last());
		goto cleanup;
	}
	printf("%s (glossgraph %s)\n", gg_graph_node(graph, node)->name, gg_version());
	for (size_t i = 0; i < list.count; i++) {
		const gg_neighbor *n = &list.items[i];
		printf("  %s %s\n", n->incoming ? "<-" : "->", gg_graph_node(graph, n->node)->name);
	}
	status = 0;
cleanup:
	gg_neighbor_list_destroy(&list);
	gg_graph_free(graph);
	gg_links_free(links);
	gg_glossary_free(glossary);
	return status;
}
