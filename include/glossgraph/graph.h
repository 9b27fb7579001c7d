/*
 * glossgraph/graph.h - the concept graph in igraph (directed, weighted) and
 * its measures; glossgraph/query.h asks questions of it.
 *
 * A graph is read-only once built: every accessor below may be called from
 * any thread at once. Nodes are numbered 0 .. gg_graph_node_count - 1,
 * edges 0 .. gg_graph_edge_count - 1, communities 0 ..
 * gg_graph_community_count - 1. Pointers handed out stay valid until
 * gg_graph_free (edges and names belong to the links and the glossary,
 * which outlive the graph).
 */
#ifndef GLOSSGRAPH_GRAPH_H
#define GLOSSGRAPH_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "glossary.h"
#include "links.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gg_graph gg_graph;

/** A node of the graph and its measures, computed once. */
typedef struct gg_node {
	size_t concept;       /**< index in the glossary */
	const char *name;
	gg_concept_kind kind;
	uint32_t in_degree, out_degree; /**< distinct concepts linking to it, linked from it */
	double in_weight, out_weight;    /**< summed weights of its edges in and out */
	double pagerank;                 /**< weighted, directed, damping 0.85 */
	double betweenness;              /**< on hops, directed; see gg_graph_betweenness_sources */
	int community;        /**< 0-based, largest community first */
	double x, y;          /**< layout position (see gg_graph_new) */
	double size;          /**< display size from centrality, 1 to 10 */
} gg_node;

/** How to build a graph; gg_graph_options_init gives the defaults. */
typedef struct gg_graph_options {
	bool include_held; /**< take every edge, held ones too (false: the kept ones) */
	unsigned threads;  /**< 0: one per core, at most 2; 1: no thread of its own */
	gg_progress progress; /**< told how the build goes (GG_STAGE_GRAPH); zeroed: not */
	/**
	 * Degrees only: no PageRank, betweenness, communities or layout (those
	 * fields 0, no communities), for what reads none of them:
	 * gg_query_neighbors, gg_query_related and gg_query_path answer as
	 * with them; gg_query_top, gg_query_stats and the exports that
	 * gg_export_reads_measures names need them.
	 */
	bool without_measures;
} gg_graph_options;

/** Fill `o` with the defaults: kept edges only, threads 0, no progress reports, every measure. */
void gg_graph_options_init(gg_graph_options *o);

/**
 * Build the graph of the edges the linker kept (all edges with
 * `include_held`); `o` NULL means the defaults. Keyword nodes take part only when two concepts or more
 * point at them, or a definition mentions them. Computes degrees, PageRank,
 * betweenness, communities (Leiden, modularity) and a layout: igraph's
 * Fruchterman-Reingold up to 300 nodes, beyond a map of the communities
 * (one disc each, sub-communities together inside). Unless `threads` is 1
 * (or 0 on one core), a second thread shares the work. The links, and their
 * glossary, must outlive the graph. The same links give the same graph,
 * layout included (every random choice is seeded; threads do not change the
 * result).
 *
 * igraph is not thread-safe as Debian builds it: build one graph at a time,
 * and do not call igraph from another thread meanwhile. Side effect on the
 * whole process: the first call installs igraph error and warning handlers
 * for good, so that igraph errors come back as GG_ERROR (message in
 * gg_error_last) rather than abort, and igraph warnings are dropped. An
 * application that uses igraph itself gets these handlers too; if it sets
 * its own afterwards, igraph failures inside glossgraph go to those (and
 * igraph's default handler aborts the process).
 * @param[out] out the graph, to release with gg_graph_free; NULL on error
 * @return 0; GG_ENOMEM; GG_ELIMIT past 2^32 - 1 nodes; GG_ERROR when
 * igraph fails (message kept).
 */
int gg_graph_new(gg_graph **out, const gg_links *l, const gg_graph_options *o);
/** Free the graph (not its links or glossary). NULL is allowed. */
void gg_graph_free(gg_graph *gr);

/** @return the number of nodes. */
size_t gg_graph_node_count(const gg_graph *gr);
/** @return node `node` with its measures, or NULL when it is out of range. */
const gg_node *gg_graph_node(const gg_graph *gr, size_t node);
/**
 * The node of a concept (a glossary index).
 * @param[out] node its index; untouched on error
 * @return 0; GG_ENOTFOUND when it is not in the graph (a keyword that did
 * not qualify); GG_EINVAL when the concept is out of range.
 */
int gg_graph_node_of(size_t *node, const gg_graph *gr, size_t concept);

/** @return the number of edges (parallel edges of different kinds count apart). */
size_t gg_graph_edge_count(const gg_graph *gr);
/**
 * Edge i: the linker's edge (owned by the links), in igraph's edge order,
 * which is by source node, then target.
 * @param[out] from, to its end nodes; either may be NULL; untouched when i
 * is out of range
 * @return the edge, or NULL when i is out of range.
 */
const gg_edge *gg_graph_edge(const gg_graph *gr, size_t i, size_t *from, size_t *to);
/** @return the number of communities; every node is in exactly one. */
size_t gg_graph_community_count(const gg_graph *gr);

/** A community of the graph: its nodes, most central first. */
typedef struct gg_community {
	size_t size;
	const size_t *members; /**< node indices by PageRank, highest first */
} gg_community;

/**
 * Community i (the number gg_node::community holds): largest first, ties
 * broken by the lowest node index they hold. NULL when i is out of range.
 */
const gg_community *gg_graph_community(const gg_graph *gr, size_t i);
/** @return the weighted modularity of the communities on the undirected graph (0 without edges). */
double gg_graph_modularity(const gg_graph *gr);

/**
 * How betweenness was found: exact (every node with a link out a source)
 * when nodes x edges is at most 1e7, otherwise estimated from an evenly
 * spaced sample of 32 to 256 sources (as many as 4e7 edge visits allow), scaled up
 * to the whole graph. @return the number of sources used; equal to
 * gg_graph_node_count when exact.
 */
size_t gg_graph_betweenness_sources(const gg_graph *gr);

/** @return the glossary the graph's links were found in (not owned by the graph). */
const gg_glossary *gg_graph_glossary(const gg_graph *gr);
/** @return the links the graph was built from (not owned by the graph). */
const gg_links *gg_graph_links(const gg_graph *gr);

#ifdef __cplusplus
}
#endif

#endif
