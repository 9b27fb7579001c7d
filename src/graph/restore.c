/* restore.c - a graph whose nodes and measures were saved: its edges made again, nothing measured. */
#include "graph/graph_i.h"
#include "core/error.h"

#include <stdlib.h>

int gg_i_graph_restore(gg_graph **out, const gg_links *l, gg_node *nodes, size_t n_nodes,
		       size_t *node_of, size_t *members, const size_t *sizes, size_t n_communities,
		       double modularity, size_t betweenness_sources, bool paths)
{
	gg_graph *gr = calloc(1, sizeof(*gr));
	int err = 0;

	*out = NULL;
	if (!gr || (paths && pthread_mutex_init(&gr->ig_lock, NULL) != 0)) {
		free(gr);
		free(nodes);
		free(node_of);
		free(members);
		return gg_i_error_oom();
	}
	gr->ig_on_demand = paths; /* a whole graph's igraph copy, made by the first path or figures */
	gg_i_igraph_init();
	gr->links = l;
	gr->glossary = gg_links_glossary(l);
	gr->nodes = nodes;
	gr->n_nodes = n_nodes;
	gr->node_of = node_of;
	gr->members = members;
	gr->modularity = modularity;
	gr->betweenness_sources = betweenness_sources;
	gr->communities = calloc(n_communities ? n_communities : 1, sizeof(*gr->communities));
	if (!gr->communities) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	gr->n_communities = n_communities;
	for (size_t k = 0, at = 0; k < n_communities; at += sizes[k], k++) {
		gr->communities[k].size = sizes[k];
		gr->communities[k].members = members + at;
	}
	if ((err = gg_i_graph_collect_edges(gr, false)) != 0 ||
	    (err = gg_i_graph_make_weights(gr)) != 0)
		goto cleanup;
	*out = gr;
	gr = NULL;
cleanup:
	gg_graph_free(gr);
	return err;
}
