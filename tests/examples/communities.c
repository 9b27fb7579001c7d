/* communities.c - example: walk the communities of a glossary's graph, most central members first. */
#include <glossgraph.h>

#include <stdio.h>

/* usage: communities PATH; exits 1 with a message when anything fails. */
int main(int argc, char **argv)
{
	gg_glossary *glossary = NULL;
	gg_links *links = NULL;
	gg_graph *graph = NULL;
	gg_link_options options;
	int status = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: communities PATH\n");
		return 2;
	}
	gg_link_options_init(&options);
	if (gg_glossary_new(&glossary) != 0 || gg_glossary_read_path(glossary, argv[1]) != 0 ||
	    gg_glossary_build(glossary, NULL) != 0 || gg_links_new(&links, glossary, &options) != 0 ||
	    gg_graph_new(&graph, links, NULL) != 0) {
		fprintf(stderr, "communities: %s\n", gg_error_last());
		goto cleanup;
	}
	for (size_t i = 0; i < gg_graph_community_count(graph); i++) {
		const gg_community *c = gg_graph_community(graph, i);
		printf("%zu (%zu):", i + 1, c->size);
		for (size_t k = 0; k < c->size; k++)
			printf("%s %s", k ? ";" : "", gg_graph_node(graph, c->members[k])->name);
		putchar('\n');
	}
	status = 0;
cleanup:
	gg_graph_free(graph);
	gg_links_free(links);
	gg_glossary_free(glossary);
	return status;
}
