/* graph_i.h - the graph object's private layout and the pieces its files share: igraph glue, adjacency arrays, measures, layout (and their unit tests); the exporters use only the public API. */
#ifndef GG_GRAPH_GRAPH_I_H
#define GG_GRAPH_GRAPH_I_H

#include "glossgraph.h"

#include <pthread.h>
#include <stdint.h>

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
	igraph_t ig;              /* directed multigraph, edge i = edges[i] (gg_i_graph_igraph) */
	bool has_ig;
	bool ig_on_demand;        /* ig is made on first need, under ig_lock (a graph made from links) */
	pthread_mutex_t ig_lock;
	igraph_vector_t weight;   /* per edge: the edge's weight, at least 1 */
	bool has_weight;
	gg_node *nodes;
	size_t n_nodes;
	size_t *node_of;          /* per concept: its node + 1, or 0 (zeroed memory: no node) */
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

/* One link of a node as the local push reads it: the node at its other end, with that node's weighted degree. */
typedef struct gg_i_push_link {
	uint32_t node;
	double weight;     /* the edge's weight (gg_i_edge_weight) */
	double node_total; /* that node's out_weight + in_weight */
} gg_i_push_link;

/*
 * Where the local push reads the links: `links` sets *out to node u's links
 * both ways, in gg_i_pagerank's order (its out-edges by edge id, then its
 * in-edges by edge id; no self-link, both ends nodes), valid until the next
 * call, and returns 0 or an error code with its message set.
 */
typedef struct gg_i_push_graph {
	size_t n_nodes;
	int (*links)(void *payload, size_t u, const gg_i_push_link **out, size_t *n);
	void *payload;
} gg_i_push_graph;

/*
 * A node is pushed while its residual is over this share of its weighted
 * degree. The error of each node's estimate is at most this times its
 * weighted degree, and the push reads links of weight at most 1 / (0.15 x
 * this) in all, whatever the graph's size; a hub (thousands of links) is
 * pushed only when much of the walk reaches it.
 */
#define GG_I_PROXIMITY_TOLERANCE 1e-5

/*
 * Personalised PageRank from `source` (weighted degree source_total) over
 * the links of g taken both ways, as gg_i_pagerank's, by local push
 * (Andersen, Chung and Lang): residual rank is pushed from node to node,
 * first in first out, while it is over GG_I_PROXIMITY_TOLERANCE of a node's
 * degree; a node's estimate is what it kept plus the share of its residual
 * it would keep. `estimate` (g->n_nodes zeros) gets the estimates, 0 where
 * the push did not reach; a lower bound of the exact rank. Only the links of
 * the nodes pushed are read: time and memory do not grow with the graph
 * (but for arrays of n_nodes, untouched but where reached). A source without
 * links reaches nothing. Returns 0, GG_ENOMEM or the error of g->links. (proximity.c)
 */
int gg_i_proximity_push(const gg_i_push_graph *g, size_t source, double source_total,
			double *estimate);

/*
 * gg_query_related passes by a shared neighbour with more links than this
 * (a target more terms link to, or a term that links to more): its
 * Adamic-Adar weight is under 0.15, and reading its links would cost time
 * that grows with the glossary.
 */
#define GG_I_RELATED_SHARED_DEGREE 1000

/* The edge's weight for measures: its mentions, at least 1. */
double gg_i_edge_weight(const gg_edge *e);

/*
 * Seed of every random choice (Leiden's node orders; igraph's generator
 * before a small graph's layout): the same input gives the same output.
 */
#define GG_GRAPH_RNG_SEED 42
/* Graphs of up to this many nodes get igraph's Fruchterman-Reingold layout; bigger ones a community map. */
#define GG_LAYOUT_FR_MAX_NODES 300

/*
 * Take the wanted edges (kept ones, or all with include_held; no self-link)
 * whose ends are both nodes (gr->node_of set), in the linker's order, and
 * index them by source and target. O(V + E). Returns 0 or GG_ENOMEM. (graph.c)
 */
int gg_i_graph_collect_edges(gg_graph *gr, bool include_held);
/* Fill gr->weight: per edge, its weight. Returns 0 or igraph's error. (graph.c) */
int gg_i_graph_make_weights(gg_graph *gr);

/*
 * A graph of links `l` whose nodes and measures are known already (a saved
 * graph): `nodes` (n_nodes, malloc'd, their concept, name and measures
 * set) and `node_of` (per concept, node + 1 or 0, malloc'd) are taken over, freed on
 * failure too; `members` (malloc'd, n_nodes) holds each community's nodes
 * in order, community after community, `sizes` their sizes. Makes the
 * edges and weights; with `paths` the igraph graph is made when first
 * needed (gg_i_graph_igraph), without it gg_query_path and gg_query_stats
 * fail (a graph of part of the nodes); computes nothing else. Returns 0,
 * GG_ENOMEM or igraph's error. (restore.c)
 */
int gg_i_graph_restore(gg_graph **out, const gg_links *l, gg_node *nodes, size_t n_nodes,
		       size_t *node_of, size_t *members, const size_t *sizes, size_t n_communities,
		       double modularity, size_t betweenness_sources, bool paths);

/* Make gr->ig, the igraph multigraph of the edges (edge i = edges[i]). Returns 0 or igraph's error. (igraph.c) */
int gg_i_make_igraph(gg_graph *gr);

/*
 * Have gr->ig ready: only shortest paths and components read it, so a
 * graph made from links makes it on the first such query, not with the
 * measures (a build that writes files never holds it). Thread-safe: queries
 * on other threads wait while it is made. *ready is false when gr cannot
 * have one (a saved graph opened without its text): the caller says why.
 * Returns 0 or igraph's error. (igraph.c)
 */
int gg_i_graph_igraph(bool *ready, const gg_graph *gr);

/* A graph as arrays: node v's neighbours are next[start[v] .. start[v + 1]). (adjacency.c) */
struct adjacency {
	size_t n;
	size_t *start;   /* n + 1 */
	uint32_t *next;
	double *weight;  /* per entry; NULL when unweighted */
};

/* Free an adjacency's arrays (not the struct itself); any of them may be NULL. */
void gg_i_adjacency_free(struct adjacency *a);
/* The links along their direction, parallel edges merged, unweighted. O(V + E). Returns 0 or GG_ENOMEM. */
int gg_i_adjacency_out(const gg_graph *gr, struct adjacency *a);
/* The links both ways, one entry per pair and direction, weighted by the pair's edges. O(V + E). Returns 0 or GG_ENOMEM. */
int gg_i_adjacency_both(const gg_graph *gr, struct adjacency *a);

/* Every node's PageRank (weighted, directed) and the display size it gives. Returns 0 or GG_ENOMEM. (pagerank.c) */
int gg_i_measure_pagerank(gg_graph *gr);

/*
 * Betweenness on hops along edge directions, parallel edges merged, by
 * Brandes' algorithm, exact on small graphs and from evenly spaced sources
 * on big ones; both threads may take blocks of sources (betweenness.c).
 * Initialise `lock` with PTHREAD_MUTEX_INITIALIZER and the rest with zeros.
 */
struct betweenness {
	struct adjacency out;      /* the links along their direction */
	uint32_t *sources;         /* the nodes that link out */
	size_t n_sources, k;       /* k of the sources are taken, evenly spaced */
	size_t n_blocks;
	double *block_score;       /* n_blocks x nodes: each block's sums */
	const gg_progress *progress; /* told as blocks are taken */
	pthread_mutex_t lock;      /* guards the two below */
	bool ready;                /* set up: blocks can be taken */
	size_t next_block;
};

/* The share of the graph stage done when the measures start: betweenness, the longest, reports the rest. */
#define GRAPH_MEASURES_FROM 0.1

/* Set the work up; then threads may take blocks. Returns 0 or GG_ENOMEM (gg_i_betweenness_free cleans up either way). */
int gg_i_betweenness_prepare(const gg_graph *gr, struct betweenness *b);
/* Take blocks of sources until none is left (none before prepare). Any thread, several at once. Returns 0 or GG_ENOMEM. */
int gg_i_betweenness_work(struct betweenness *b, size_t n);
/* Set every node's betweenness from the blocks' sums, and how many sources were taken. */
void gg_i_betweenness_finish(gg_graph *gr, const struct betweenness *b);
/* Free what gg_i_betweenness_prepare made (not the lock). */
void gg_i_betweenness_free(struct betweenness *b);

/*
 * Communities by Leiden on the links both ways (`both`), numbered largest
 * first, with the modularity; `hierarchy` (a slot per node) gets the nodes
 * in the order of Leiden's hierarchy. Returns 0 or GG_ENOMEM. (communities.c)
 */
int gg_i_find_communities(gg_graph *gr, const struct adjacency *both, uint32_t *hierarchy);
/* Order each community's members by PageRank, highest first. Returns 0 or GG_ENOMEM. */
int gg_i_rank_members(gg_graph *gr);

/* A small graph's layout (igraph's Fruchterman-Reingold on `g`, both ways). Returns 0 or igraph's error. (layout.c) */
int gg_i_lay_out_small(gg_graph *gr, const struct adjacency *g);
/* A big graph's layout, a map of its communities in `hierarchy` order. Returns 0 or GG_ENOMEM. */
int gg_i_lay_out_map(gg_graph *gr, const struct adjacency *g, const uint32_t *hierarchy);

#endif
