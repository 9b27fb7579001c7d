/* graph_i.h - the graph object's private layout and igraph glue, shared by graph.c and query.c (and their unit tests); the exporters use only the public API. */
#ifndef GG_GRAPH_GRAPH_I_H
#define GG_GRAPH_GRAPH_I_H

#include "glossgraph.h"

/* igraph 0.10's igraph_error.h tests a macro it never defines; -Wundef stays on elsewhere. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wundef"
#include <igraph.h>
#pragma GCC diagnostic pop

/*
 * Node ids follow concept order (terms, then the keywords that qualify), so
 * the linker's edge order (source, target, kind) is also sorted by node:
 * a node's outgoing edges are the contiguous run out_start[v]..out_start[v+1]
 * of edge ids, and in_edges[in_start[v]..in_start[v+1]) its incoming ones.
 */
struct gg_graph {
	const gg_links *links;
	const gg_glossary *glossary;
	igraph_t ig;              /* directed multigraph, edge i = edges[i] */
	bool has_ig;
	igraph_vector_t weight;   /* per edge: the edge's weight, at least 1 */
	bool has_weight;
	gg_node *nodes;
	size_t n_nodes;
	size_t *node_of;          /* per concept: its node, or SIZE_MAX */
	const gg_edge **edges;    /* points into the links */
	size_t *from, *to;        /* per edge: end nodes */
	size_t n_edges;
	size_t *out_start;        /* n_nodes + 1 */
	size_t *in_start;         /* n_nodes + 1 */
	size_t *in_edges;         /* edge ids by target node, then source */
	gg_community *communities;
	size_t n_communities;
	size_t *members;          /* backing store of the communities' members */
	double modularity;
	size_t betweenness_sources;
};

/*
 * Install, once per process, igraph handlers that turn an igraph error into
 * the library's last error (and free igraph's temporaries) instead of
 * aborting, and that drop igraph's warnings. Thread-safe; called by
 * gg_graph_new, so only code that calls igraph before building a graph
 * needs it.
 */
void gg_i_igraph_init(void);

/*
 * Turn a failed igraph call's code into a GG_E* code: GG_ENOMEM for
 * IGRAPH_ENOMEM, GG_ERROR otherwise. The message is the first reason igraph
 * gave for this failure ("igraph: ..."), or igraph's text for the code.
 */
int gg_i_igraph_error(igraph_error_t code);

/* Evaluate an igraph call; on failure set `err` and jump to `cleanup`. */
#define GG_IGRAPH_TRY(call) \
	do { \
		igraph_error_t gg_ierr_ = (call); \
		if (gg_ierr_ != IGRAPH_SUCCESS) { \
			err = gg_i_igraph_error(gg_ierr_); \
			goto cleanup; \
		} \
	} while (0)

/*
 * PageRank by power iteration over the edge runs, weighted by the edges'
 * weights: each round every node passes PAGERANK_DAMPING (0.85) of its rank
 * along its edges (out-edges when `directed`, both ways otherwise), and the
 * rest, with the rank of nodes that have no such edge, restarts at `source`
 * (personalised) or, when source is SIZE_MAX, at every node alike, as
 * igraph_pagerank defines it. Until the L1 change is below 1e-10 (about 150
 * rounds): O(rounds x (V + E)), and none of igraph's solver set-up, which
 * took ten times longer on 13k nodes. `rank` has room for every node.
 * Returns 0 or GG_ENOMEM.
 */
int gg_i_pagerank(const gg_graph *gr, bool directed, size_t source, double *rank);

/* The edge's weight for measures: its mentions, at least 1. */
double gg_i_edge_weight(const gg_edge *e);

#endif
