/*
 * glossgraph/query.h - questions asked of a graph: neighbours, related
 * terms, the chain between two terms, central terms and summary figures.
 *
 * Results are written into caller-owned structs: gg_neighbor_list,
 * gg_related_list, gg_path and gg_ranking, each released with its own
 * gg_neighbor_list_destroy, gg_related_list_destroy, gg_path_destroy or
 * gg_ranking_destroy. A query sets its result before anything else, and
 * leaves it empty (zeroed) on error, so the destroy function is safe after
 * any return; it also accepts a zeroed or destroyed struct. Nodes are
 * indices for gg_graph_node, edges indices for gg_graph_edge. Every query
 * is read-only on the graph and deterministic. gg_query_path calls igraph,
 * which is not thread-safe as Debian builds it: run paths from one thread
 * at a time. The first path on a graph made by gg_graph_new also makes its
 * igraph copy, O(V + E) in time and memory, kept until gg_graph_free.
 */
#ifndef GLOSSGRAPH_QUERY_H
#define GLOSSGRAPH_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which way along the cross-references: flags, so no _COUNT. */
typedef enum gg_direction {
	GG_DIR_OUT = 1, /**< the terms a term links to */
	GG_DIR_IN = 2,  /**< the terms that link to it */
	GG_DIR_BOTH = 3
} gg_direction;

/** One edge of the neighbourhood, reaching `node` from `via`. */
typedef struct gg_neighbor {
	size_t node;    /**< the term reached */
	size_t via;     /**< the node one hop nearer the start (the start at depth 1) */
	size_t edge;    /**< the edge between them */
	uint32_t depth; /**< hops from the start */
	bool incoming;  /**< the edge runs node -> via (node links to via) */
} gg_neighbor;

/** The answer of gg_query_neighbors; release with gg_neighbor_list_destroy. */
typedef struct gg_neighbor_list {
	gg_neighbor *items;
	size_t count;
} gg_neighbor_list;

/**
 * The neighbourhood of `node` up to `depth` hops along edges of weight
 * `min_weight` or more, in direction `dir`. A node is listed at the depth it
 * is first reached, once for each edge reaching it from the level before
 * (parallel edges of other kinds included). Sorted by depth, outgoing before
 * incoming, weight (highest first), name, then edge. O(V + E) at most.
 * @param[out] out the list; zeroed on error
 * @return 0; GG_EINVAL for a node out of range, depth 0 or no direction;
 * GG_ENOMEM.
 */
int gg_query_neighbors(gg_neighbor_list *out, const gg_graph *gr, size_t node,
		       gg_direction dir, uint32_t depth, double min_weight);
/** Free the items and zero `l`; it may be used again. */
void gg_neighbor_list_destroy(gg_neighbor_list *l);

/** A term related to the query term, with the evidence for it. */
typedef struct gg_related {
	size_t node;
	double score;        /**< the blend below; higher is more related */
	uint32_t links_to;   /**< weight of the query term's edges to it (0: none) */
	uint32_t links_from; /**< weight of its edges to the query term */
	uint32_t shared;     /**< concepts both link to */
	uint32_t cocited;    /**< concepts linking to both */
	double proximity;    /**< personalised PageRank from the query term, 0 to 1 */
	const char *reasons; /**< the evidence in words, "; "-separated */
} gg_related;

/** The answer of gg_query_related; release with gg_related_list_destroy. */
typedef struct gg_related_list {
	gg_related *items;
	size_t count;
	char *text; /**< backing store of the reasons */
} gg_related_list;

/**
 * Terms ranked by relatedness to `node` (keyword nodes count as shared
 * neighbours but are not listed). The score adds, for each candidate:
 * a direct link from the query term (1, plus up to 0.5 for a specific or
 * "see"-cued mention); a direct link back (0.6); shared link targets and
 * shared citing concepts, each counted as in Adamic-Adar (1 / log of the
 * neighbour's degree) and capped at 0.5, a neighbour with more than 1,000
 * such links (in-links of a target, out-links of a citer) counting for
 * nothing; and personalised PageRank from the query term over the links
 * taken both ways, weighted, scaled to 0.4 for the closest term. Ties go
 * by name. The PageRank is estimated by local push near the query term
 * (each term's estimate short of the exact rank by at most 1e-5 times its
 * weighted degree; terms the walk hardly reaches get 0), so its cost does
 * not grow with the graph. Cost: that push (links of weight about 670,000
 * at most in all), plus O(sum of neighbour degrees), plus O(V) to rank.
 * @param[out] out the list, best first; zeroed on error
 * @param max the most results to return (0: none)
 * @return 0; GG_EINVAL for a node out of range; GG_ENOMEM.
 */
int gg_query_related(gg_related_list *out, const gg_graph *gr, size_t node, size_t max);
/** Free the items and their reasons, and zero `l`. */
void gg_related_list_destroy(gg_related_list *l);

/** One hop of a path. */
typedef struct gg_hop {
	size_t from, to; /**< nodes, in the order walked */
	size_t edge;     /**< the strongest edge between them */
	bool reverse;    /**< the edge runs to -> from (undirected search only) */
} gg_hop;

/** The answer of gg_query_path; release with gg_path_destroy. */
typedef struct gg_path {
	gg_hop *hops;
	size_t count;
} gg_path;

/**
 * The shortest chain of cross-references (fewest hops) from `from` to
 * `to`, following edge directions unless `undirected`. Where a pair has
 * parallel edges the hop names the heaviest (a mention before a header edge
 * at equal weight). A path from a node to itself has no hops. O(V + E).
 * @param[out] out the hops, from `from` to `to`; zeroed on error
 * @return 0; GG_ENOTFOUND when `to` cannot be reached (the message names
 * both terms); GG_EINVAL for a node out of range; GG_ENOMEM; GG_ERROR when
 * igraph fails (message kept).
 */
int gg_query_path(gg_path *out, const gg_graph *gr, size_t from, size_t to, bool undirected);
/** Free the hops and zero `p`. */
void gg_path_destroy(gg_path *p);

/** What `top` ranks by. */
typedef enum gg_centrality {
	GG_BY_PAGERANK,
	GG_BY_IN_DEGREE,   /**< distinct concepts linking in, then in-weight */
	GG_BY_BETWEENNESS,
	GG_CENTRALITY_COUNT
} gg_centrality;

/** The answer of gg_query_top; release with gg_ranking_destroy. */
typedef struct gg_ranking {
	size_t *nodes;
	size_t count;
} gg_ranking;

/**
 * The `max` most central nodes by `by`, ties broken by PageRank then name;
 * keyword nodes only when `with_keywords`. O(V log V).
 * @param[out] out the nodes, most central first; zeroed on error
 * @param max the most nodes to return (0: none)
 * @return 0; GG_EINVAL for a `by` out of range; GG_ENOMEM.
 */
int gg_query_top(gg_ranking *out, const gg_graph *gr, gg_centrality by, size_t max,
		 bool with_keywords);
/** Free the nodes and zero `r`. */
void gg_ranking_destroy(gg_ranking *r);

/** Summary figures of a graph. */
typedef struct gg_graph_stats {
	size_t nodes, terms, keywords;
	size_t edges;
	size_t edges_by_kind[GG_EDGE_KIND_COUNT]; /**< indexed by gg_edge_kind */
	size_t links_left_out;     /**< linker edges not in the graph (held, or an end not a node) */
	size_t linked_pairs;       /**< ordered node pairs with an edge */
	size_t components;         /**< weakly connected, isolated nodes included */
	size_t largest_component;  /**< nodes in the largest of them */
	size_t strong_components;  /**< strongly connected */
	size_t isolated;           /**< nodes without any edge */
	size_t communities;
	double modularity;
	double density;            /**< linked_pairs / (nodes (nodes - 1)) */
	double mean_degree;        /**< mean in- plus out-degree: 2 linked_pairs / nodes */
} gg_graph_stats;

/**
 * Fill `out` with the figures of `gr`. O(V + E). Nothing to release.
 * @param[out] out the figures; on error the component counts are not valid
 * @return 0; GG_ENOMEM; GG_EINVAL for a part of a saved graph
 * (gg_store_open_options; gg_store_stats gives a saved graph's figures).
 */
int gg_query_stats(gg_graph_stats *out, const gg_graph *gr);

#ifdef __cplusplus
}
#endif

#endif
