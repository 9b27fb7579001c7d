/*
 * glossgraph/graph.h - the concept graph in igraph (directed, weighted), its
 * measures, and the queries people ask of it.
 */
#ifndef GLOSSGRAPH_GRAPH_H
#define GLOSSGRAPH_GRAPH_H

typedef struct gg_graph gg_graph;

/** A node of the graph and its measures, computed once. */
typedef struct gg_node {
	size_t concept;       /**< index in the glossary */
	const char *name;
	gg_concept_kind kind;
	uint32_t in_degree, out_degree;
	double in_weight, out_weight;
	double pagerank;
	double betweenness;
	int community;        /**< 0-based, largest community first */
	double x, y;          /**< layout position */
	double size;          /**< display size from centrality, 1 to 10 */
} gg_node;

/**
 * Build the graph of the edges the linker kept (all edges with
 * `include_held`). Keyword nodes take part only when two concepts or more
 * point at them, or a definition mentions them. Computes degrees, PageRank,
 * betweenness, communities (Leiden) and a layout. The links must outlive it.
 * @return 0; GG_ENOMEM; GG_ERROR when igraph fails (message kept).
 */
int gg_graph_new(gg_graph **out, const gg_links *l, bool include_held);
void gg_graph_free(gg_graph *gr);

size_t gg_graph_node_count(const gg_graph *gr);
const gg_node *gg_graph_node(const gg_graph *gr, size_t node);
/** Node of a concept; GG_ENOTFOUND when it is not in the graph. */
int gg_graph_node_of(const gg_graph *gr, size_t concept, size_t *node);

size_t gg_graph_edge_count(const gg_graph *gr);
/** Edge i (same order as igraph's edge ids) and its end nodes. */
const gg_edge *gg_graph_edge(const gg_graph *gr, size_t i, size_t *from, size_t *to);
size_t gg_graph_community_count(const gg_graph *gr);

const gg_glossary *gg_graph_glossary(const gg_graph *gr);
const gg_links *gg_graph_links(const gg_graph *gr);

#endif
