/* export.c - example: write the graph of a glossary in one format to standard output. */
#include <glossgraph.h>

#include <stdio.h>

/* usage: export PATH FORMAT; exits 1 with a message when anything fails. */
int main(int argc, char **argv)
{
	gg_glossary *glossary = NULL;
	gg_links *links = NULL;
	gg_graph *graph = NULL;
	gg_link_options options;
	gg_export_format format;
	int status = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: export PATH FORMAT\n");
		return 2;
	}
	gg_link_options_init(&options);
	if (gg_export_format_from_name(&format, argv[2]) != 0 ||
	    gg_glossary_new(&glossary) != 0 || gg_glossary_read_path(glossary, argv[1]) != 0 ||
	    gg_glossary_build(glossary, NULL) != 0 || gg_links_new(&links, glossary, &options) != 0 ||
	    gg_graph_new(&graph, links, NULL) != 0 || gg_export_write(graph, format, NULL, stdout) != 0) {
		fprintf(stderr, "export: %s\n", gg_error_last());
		goto cleanup;
	}
	if (fflush(stdout) != 0) {
		perror("export: standard output");
		goto cleanup;
	}
	status = 0;
cleanup:
	gg_graph_free(graph);
	gg_links_free(links);
	gg_glossary_free(glossary);
	return status;
}
