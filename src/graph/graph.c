/* graph.c - the concept graph in igraph: nodes, edges and the measures computed once. */
#include "graph/graph_i.h"
#include "core/error.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Seed of every random choice (Leiden's node orders; igraph's generator
 * before a small graph's layout): the same input gives the same output.
 */
#define RNG_SEED 42
#define PAGERANK_DAMPING 0.85
/* Power iteration stops at this L1 change (about 150 rounds), or after PAGERANK_ROUNDS. */
#define PAGERANK_TOLERANCE 1e-10
#define PAGERANK_ROUNDS 1000
/*
 * Betweenness is exact while nodes x edges stays under BETWEENNESS_EXACT;
 * beyond, it is estimated from as many starting nodes as fit
 * BETWEENNESS_BUDGET edge visits, within the bounds: a fixed number on big
 * graphs, so that its cost grows with the graph's size, not its square.
 */
#define BETWEENNESS_EXACT 1e7
#define BETWEENNESS_BUDGET 4e7
#define BETWEENNESS_MIN_SOURCES 32
#define BETWEENNESS_MAX_SOURCES 256
/* Its sources are cut into this many blocks, which either thread can take. */
#define BETWEENNESS_BLOCKS 16
/* Leiden runs twice (the second from the first's partition) up to this many links, once beyond. */
#define LEIDEN_SECOND_ITERATION_LINKS 2e6
/*
 * The layout. A graph of up to LAYOUT_FR_MAX_NODES nodes gets igraph's
 * Fruchterman-Reingold, every pair repelling, for as many iterations (up
 * to LAYOUT_FR_ITERATIONS) as fit LAYOUT_FR_BUDGET pair interactions. A
 * bigger one gets a map of its communities: discs with nodes LAYOUT_SPACING
 * apart, the LAYOUT_GROUPS largest placed by Fruchterman-Reingold on the
 * discs (LAYOUT_GROUP_ROUNDS rounds), smaller ones beside the disc they
 * link to most; nodes without links on a spiral around, its turns
 * LAYOUT_RING_GAP apart.
 */
#define LAYOUT_FR_MAX_NODES 300
#define LAYOUT_FR_BUDGET 5e6
#define LAYOUT_FR_ITERATIONS 500
#define LAYOUT_SPACING 1.0
#define LAYOUT_GROUPS 400
#define LAYOUT_GROUP_ROUNDS 200
#define LAYOUT_RING_GAP 2.0
/* Successive points of a sunflower spiral turn by this angle (radians): an even spread. */
#define GOLDEN_ANGLE 2.399963229728653

static pthread_once_t igraph_once = PTHREAD_ONCE_INIT;
/* True once the failing igraph call's first reason is in the error slot. */
static _Thread_local bool igraph_reported;

/*
 * igraph calls the handler once per level as an error unwinds, innermost
 * (with the real reason) first and with "" above: keep the first, free each
 * level's temporaries. `reason` may die in IGRAPH_FINALLY_FREE, so it is
 * copied before.
 */
static void on_igraph_error(const char *reason, const char *file, int line,
			    igraph_error_t code)
{
	(void)file;
	(void)line;
	if (!igraph_reported) {
		gg_error_set(GG_ERROR, "igraph: %s",
			     reason && *reason ? reason : igraph_strerror(code));
		igraph_reported = true;
	}
	IGRAPH_FINALLY_FREE();
}

/* Route igraph errors to on_igraph_error; drop its warnings (no path found is not news). */
static void install_igraph_handlers(void)
{
	igraph_set_error_handler(on_igraph_error);
	igraph_set_warning_handler(igraph_warning_handler_ignore);
}

void gg_i_igraph_init(void)
{
	pthread_once(&igraph_once, install_igraph_handlers);
}

int gg_i_igraph_error(igraph_error_t code)
{
	if (!igraph_reported)
		gg_error_set(GG_ERROR, "igraph: %s", igraph_strerror(code));
	igraph_reported = false;
	return code == IGRAPH_ENOMEM ? GG_ENOMEM : GG_ERROR;
}

double gg_i_edge_weight(const gg_edge *e)
{
	return e->weight ? (double)e->weight : 1.0;
}

/* Whether a linker edge belongs in the graph (self-links never do). */
static bool edge_wanted(const gg_edge *e, bool include_held)
{
	return e->source != e->target && (include_held || e->held == GG_HELD_NONE);
}

/*
 * Choose the nodes: every term, and the keywords that two concepts or more
 * point at or that a definition mentions. Fills node_of and nodes.
 * O(concepts + edges). Returns 0, GG_ENOMEM, or GG_ELIMIT past 32-bit node ids.
 */
static int select_nodes(gg_graph *gr, bool include_held)
{
	size_t n_concepts = gg_glossary_concept_count(gr->glossary);
	size_t n_links = gg_links_count(gr->links);
	size_t *last_source = malloc((n_concepts ? n_concepts : 1) * sizeof(*last_source));
	uint32_t *sources = calloc(n_concepts ? n_concepts : 1, sizeof(*sources));
	bool *mentioned = calloc(n_concepts ? n_concepts : 1, sizeof(*mentioned));
	int err = 0;

	gr->node_of = malloc((n_concepts ? n_concepts : 1) * sizeof(*gr->node_of));
	if (!last_source || !sources || !mentioned || !gr->node_of) {
		err = gg_error_oom();
		goto cleanup;
	}
	for (size_t c = 0; c < n_concepts; c++)
		last_source[c] = SIZE_MAX;
	/* Edges come sorted by source: a new source for a target shows as a change. */
	for (size_t i = 0; i < n_links; i++) {
		const gg_edge *e = gg_links_edge(gr->links, i);
		if (!edge_wanted(e, include_held))
			continue;
		if (last_source[e->target] != e->source) {
			last_source[e->target] = e->source;
			sources[e->target]++;
		}
		if (e->kind == GG_EDGE_MENTION)
			mentioned[e->target] = true;
	}
	for (size_t c = 0; c < n_concepts; c++) {
		const gg_concept *k = gg_glossary_concept(gr->glossary, c);
		bool keep = k->kind == GG_CONCEPT_TERM || sources[c] >= 2 || mentioned[c];
		gr->node_of[c] = keep ? gr->n_nodes++ : SIZE_MAX;
	}
	/* The measures number nodes in 32 bits (half the memory traffic). */
	if (gr->n_nodes >= UINT32_MAX) {
		err = gg_error_set(GG_ELIMIT, "%zu nodes: more than a graph holds (%u)",
				   gr->n_nodes, UINT32_MAX - 1);
		goto cleanup;
	}
	gr->nodes = calloc(gr->n_nodes ? gr->n_nodes : 1, sizeof(*gr->nodes));
	if (!gr->nodes) {
		err = gg_error_oom();
		goto cleanup;
	}
	for (size_t c = 0; c < n_concepts; c++) {
		if (gr->node_of[c] == SIZE_MAX)
			continue;
		const gg_concept *k = gg_glossary_concept(gr->glossary, c);
		gg_node *v = &gr->nodes[gr->node_of[c]];
		v->concept = c;
		v->name = k->name;
		v->kind = k->kind;
		v->size = 1;
	}
cleanup:
	free(last_source);
	free(sources);
	free(mentioned);
	return err;
}

/*
 * Take the wanted edges whose ends are both nodes, in the linker's order,
 * and index them by source (a run per node) and by target. O(V + E).
 * Returns 0 or GG_ENOMEM.
 */
static int collect_edges(gg_graph *gr, bool include_held)
{
	size_t n_links = gg_links_count(gr->links);
	size_t v_alloc = gr->n_nodes + 1;

	for (size_t i = 0; i < n_links; i++) {
		const gg_edge *e = gg_links_edge(gr->links, i);
		if (edge_wanted(e, include_held) && gr->node_of[e->source] != SIZE_MAX &&
		    gr->node_of[e->target] != SIZE_MAX)
			gr->n_edges++;
	}
	size_t e_alloc = gr->n_edges ? gr->n_edges : 1;
	gr->edges = malloc(e_alloc * sizeof(*gr->edges));
	gr->from = malloc(e_alloc * sizeof(*gr->from));
	gr->to = malloc(e_alloc * sizeof(*gr->to));
	gr->in_edges = malloc(e_alloc * sizeof(*gr->in_edges));
	gr->out_start = calloc(v_alloc, sizeof(*gr->out_start));
	gr->in_start = calloc(v_alloc + 1, sizeof(*gr->in_start));
	if (!gr->edges || !gr->from || !gr->to || !gr->in_edges || !gr->out_start ||
	    !gr->in_start)
		return gg_error_oom();

	size_t k = 0;
	for (size_t i = 0; i < n_links; i++) {
		const gg_edge *e = gg_links_edge(gr->links, i);
		if (!edge_wanted(e, include_held) || gr->node_of[e->source] == SIZE_MAX ||
		    gr->node_of[e->target] == SIZE_MAX)
			continue;
		gr->edges[k] = e;
		gr->from[k] = gr->node_of[e->source];
		gr->to[k] = gr->node_of[e->target];
		gr->out_start[gr->from[k] + 1]++;
		gr->in_start[gr->to[k] + 2]++;
		k++;
	}
	for (size_t v = 0; v < gr->n_nodes; v++) {
		gr->out_start[v + 1] += gr->out_start[v];
		gr->in_start[v + 2] += gr->in_start[v + 1];
	}
	/* Counting sort by target; stable, so each run stays in edge-id order. */
	for (size_t i = 0; i < gr->n_edges; i++)
		gr->in_edges[gr->in_start[gr->to[i] + 1]++] = i;
	return 0;
}

/* Fill the weight vector: per edge, its weight. Returns 0 or igraph's error. */
static int make_weights(gg_graph *gr)
{
	int err = 0;

	GG_IGRAPH_TRY(igraph_vector_init(&gr->weight, (igraph_integer_t)gr->n_edges));
	gr->has_weight = true;
	for (size_t i = 0; i < gr->n_edges; i++)
		VECTOR(gr->weight)[i] = gg_i_edge_weight(gr->edges[i]);
cleanup:
	return err;
}

/* Make the igraph multigraph (edge i = edges[i]). Returns 0 or igraph's error. */
static int make_igraph(gg_graph *gr)
{
	igraph_vector_int_t ends;
	bool has_ends = false;
	int err = 0;

	GG_IGRAPH_TRY(igraph_vector_int_init(&ends, (igraph_integer_t)(2 * gr->n_edges)));
	has_ends = true;
	for (size_t i = 0; i < gr->n_edges; i++) {
		VECTOR(ends)[2 * i] = (igraph_integer_t)gr->from[i];
		VECTOR(ends)[2 * i + 1] = (igraph_integer_t)gr->to[i];
	}
	GG_IGRAPH_TRY(igraph_create(&gr->ig, &ends, (igraph_integer_t)gr->n_nodes, IGRAPH_DIRECTED));
	gr->has_ig = true;
cleanup:
	if (has_ends)
		igraph_vector_int_destroy(&ends);
	return err;
}

/* Distinct neighbours and summed weights in and out of every node. O(E). */
static void measure_degrees(gg_graph *gr)
{
	for (size_t i = 0; i < gr->n_edges; i++) {
		gg_node *a = &gr->nodes[gr->from[i]], *b = &gr->nodes[gr->to[i]];
		double w = VECTOR(gr->weight)[i];
		/* Edges are sorted by (from, to): a new pair shows as a change. */
		if (i == 0 || gr->from[i] != gr->from[i - 1] || gr->to[i] != gr->to[i - 1]) {
			a->out_degree++;
			b->in_degree++;
		}
		a->out_weight += w;
		b->in_weight += w;
	}
}

int gg_i_pagerank(const gg_graph *gr, bool directed, size_t source, double *rank)
{
	size_t n = gr->n_nodes, n_entries = directed ? gr->n_edges : 2 * gr->n_edges, k = 0;
	const double d = PAGERANK_DAMPING;
	double *next = malloc((n ? n : 1) * sizeof(*next));
	double *out = malloc((n ? n : 1) * sizeof(*out));
	size_t *start = malloc((n + 1) * sizeof(*start));
	uint32_t *target = malloc((n_entries ? n_entries : 1) * sizeof(*target));
	uint32_t *weight = malloc((n_entries ? n_entries : 1) * sizeof(*weight));
	int err = 0;

	if (!next || !out || !start || !target || !weight) {
		err = gg_error_oom();
		goto cleanup;
	}
	/*
	 * Each node's edges (out, then in unless directed) packed as 32-bit node
	 * and weight (whole mention counts, see gg_i_edge_weight), with the
	 * weight it spreads over them: what the rounds read, in half the memory.
	 */
	for (size_t u = 0; u < n; u++) {
		const gg_node *x = &gr->nodes[u];
		out[u] = directed ? x->out_weight : x->out_weight + x->in_weight;
		start[u] = k;
		for (size_t e = gr->out_start[u]; e < gr->out_start[u + 1]; e++) {
			target[k] = (uint32_t)gr->to[e];
			weight[k++] = (uint32_t)VECTOR(gr->weight)[e];
		}
		for (size_t i = gr->in_start[u]; !directed && i < gr->in_start[u + 1]; i++) {
			target[k] = (uint32_t)gr->from[gr->in_edges[i]];
			weight[k++] = (uint32_t)VECTOR(gr->weight)[gr->in_edges[i]];
		}
	}
	start[n] = k;
	for (size_t v = 0; v < n; v++)
		rank[v] = source == SIZE_MAX ? 1.0 / (double)n : v == source;
	for (int round = 0; round < PAGERANK_ROUNDS; round++) {
		double stuck = 0, change = 0;
		memset(next, 0, n * sizeof(*next));
		for (size_t u = 0; u < n; u++) {
			if (rank[u] == 0)
				continue;
			if (out[u] == 0) {
				stuck += rank[u];
				continue;
			}
			double share = d * rank[u] / out[u];
			for (size_t e = start[u]; e < start[u + 1]; e++)
				next[target[e]] += share * weight[e];
		}
		/* What was not passed on restarts: at the source, or everywhere alike. */
		double restart = 1 - d + d * stuck;
		if (source != SIZE_MAX)
			next[source] += restart;
		for (size_t v = 0; v < n; v++) {
			if (source == SIZE_MAX)
				next[v] += restart / (double)n;
			change += fabs(next[v] - rank[v]);
			rank[v] = next[v];
		}
		if (change < PAGERANK_TOLERANCE)
			break;
	}
cleanup:
	free(next);
	free(out);
	free(start);
	free(target);
	free(weight);
	return err;
}

/* PageRank (weighted, directed) and the display size it gives. Returns 0 or GG_ENOMEM. */
static int measure_pagerank(gg_graph *gr)
{
	double *rank = malloc((gr->n_nodes ? gr->n_nodes : 1) * sizeof(*rank));
	int err;

	if (!rank)
		return gg_error_oom();
	if ((err = gg_i_pagerank(gr, true, SIZE_MAX, rank)) != 0) {
		free(rank);
		return err;
	}
	double lo = INFINITY, hi = -INFINITY;
	for (size_t v = 0; v < gr->n_nodes; v++) {
		gr->nodes[v].pagerank = rank[v];
		lo = rank[v] < lo ? rank[v] : lo;
		hi = rank[v] > hi ? rank[v] : hi;
	}
	/* sqrt spreads the long tail of small ranks over the scale. */
	for (size_t v = 0; v < gr->n_nodes && hi > lo; v++)
		gr->nodes[v].size = 1 + 9 * sqrt((gr->nodes[v].pagerank - lo) / (hi - lo));
	free(rank);
	return 0;
}

/* A graph as arrays: node v's neighbours are next[start[v] .. start[v + 1]). */
struct adjacency {
	size_t n;
	size_t *start;   /* n + 1 */
	uint32_t *next;
	double *weight;  /* per entry; NULL when unweighted */
};

/* Free an adjacency's arrays (not the struct itself); any of them may be NULL. */
static void adjacency_free(struct adjacency *a)
{
	free(a->start);
	free(a->next);
	free(a->weight);
	memset(a, 0, sizeof(*a));
}

/*
 * The links along their direction, parallel edges merged: one entry per
 * linked pair, by target, unweighted. O(V + E). Returns 0 or GG_ENOMEM
 * (with nothing to free).
 */
static int adjacency_out(const gg_graph *gr, struct adjacency *a)
{
	size_t k = 0;

	memset(a, 0, sizeof(*a));
	a->n = gr->n_nodes;
	a->start = malloc((a->n + 1) * sizeof(*a->start));
	a->next = malloc((gr->n_edges ? gr->n_edges : 1) * sizeof(*a->next));
	if (!a->start || !a->next) {
		adjacency_free(a);
		return gg_error_oom();
	}
	for (size_t v = 0; v < a->n; v++) {
		a->start[v] = k;
		/* A run is sorted by target: a parallel edge repeats the last one. */
		for (size_t e = gr->out_start[v]; e < gr->out_start[v + 1]; e++)
			if (k == a->start[v] || a->next[k - 1] != gr->to[e])
				a->next[k++] = (uint32_t)gr->to[e];
	}
	a->start[a->n] = k;
	return 0;
}

/*
 * The links taken both ways, one entry per linked pair and per direction
 * (sorted by neighbour), weighted by the sum of the pair's edges either
 * way. Merges each node's out-run (by target) with its in-run (by source):
 * O(V + E). Returns 0 or GG_ENOMEM (with nothing to free).
 */
static int adjacency_both(const gg_graph *gr, struct adjacency *a)
{
	size_t e_alloc = gr->n_edges ? 2 * gr->n_edges : 1, k = 0;

	memset(a, 0, sizeof(*a));
	a->n = gr->n_nodes;
	a->start = malloc((a->n + 1) * sizeof(*a->start));
	a->next = malloc(e_alloc * sizeof(*a->next));
	a->weight = malloc(e_alloc * sizeof(*a->weight));
	if (!a->start || !a->next || !a->weight) {
		adjacency_free(a);
		return gg_error_oom();
	}
	for (size_t v = 0; v < a->n; v++) {
		size_t out = gr->out_start[v], in = gr->in_start[v];
		a->start[v] = k;
		while (out < gr->out_start[v + 1] || in < gr->in_start[v + 1]) {
			size_t e;
			uint32_t u;
			if (in == gr->in_start[v + 1] ||
			    (out < gr->out_start[v + 1] && gr->to[out] <= gr->from[gr->in_edges[in]])) {
				e = out++;
				u = (uint32_t)gr->to[e];
			} else {
				e = gr->in_edges[in++];
				u = (uint32_t)gr->from[e];
			}
			if (k > a->start[v] && a->next[k - 1] == u) {
				a->weight[k - 1] += VECTOR(gr->weight)[e];
			} else {
				a->next[k] = u;
				a->weight[k++] = VECTOR(gr->weight)[e];
			}
		}
	}
	a->start[a->n] = k;
	return 0;
}

/* The next number of a seeded generator (splitmix64): the same seed, the same numbers. */
static uint64_t next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Put 0 .. n - 1 into `order` in a random order (Fisher-Yates). */
static void shuffle(uint32_t *order, size_t n, uint64_t *rng)
{
	for (size_t i = 0; i < n; i++)
		order[i] = (uint32_t)i;
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(next_random(rng) % i);
		uint32_t t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
}

/* Brandes' per-node state, together so that a visit costs one cache line. */
struct brandes_node {
	uint32_t hops;   /* from the source; UINT32_MAX when not reached */
	double paths;    /* shortest paths from the source */
	double share;    /* (1 + dependency) / paths: what the node hands its predecessors */
};

/*
 * Add to `score` every node's dependency on the shortest paths (hops) from
 * `source` along `out` (Brandes' accumulation). `state` must have hops
 * UINT32_MAX and paths 0 at every node, and is left so; `queue` has a slot
 * per node. O(nodes and links reached).
 */
static void add_dependencies(const struct adjacency *out, uint32_t source,
			     struct brandes_node *state, uint32_t *queue, double *score)
{
	size_t head = 0, reached = 0;

	queue[reached++] = source;
	state[source].hops = 0;
	state[source].paths = 1;
	while (head < reached) {
		uint32_t u = queue[head++];
		uint32_t next_hops = state[u].hops + 1;
		double paths = state[u].paths;
		for (size_t k = out->start[u]; k < out->start[u + 1]; k++) {
			struct brandes_node *x = &state[out->next[k]];
			if (x->hops == UINT32_MAX) {
				x->hops = next_hops;
				queue[reached++] = out->next[k];
			}
			if (x->hops == next_hops)
				x->paths += paths;
		}
	}
	/* Farthest first: a node's successors are done when it is reached. */
	for (size_t i = reached; i-- > 0;) {
		uint32_t u = queue[i];
		uint32_t next_hops = state[u].hops + 1;
		double sum = 0;
		for (size_t k = out->start[u]; k < out->start[u + 1]; k++)
			if (state[out->next[k]].hops == next_hops)
				sum += state[out->next[k]].share;
		double dependency = state[u].paths * sum;
		state[u].share = (1 + dependency) / state[u].paths;
		if (u != source)
			score[u] += dependency;
	}
	for (size_t i = 0; i < reached; i++) {
		state[queue[i]].hops = UINT32_MAX;
		state[queue[i]].paths = 0;
	}
}

/*
 * Betweenness on hops along edge directions, parallel edges merged, by
 * Brandes' algorithm from every node that links out (the others start no
 * path) while nodes x edges <= BETWEENNESS_EXACT: exact. Beyond, from k of
 * them, evenly spaced (see BETWEENNESS_BUDGET), the sums scaled by their
 * share: O(k (V + E)). Both threads may work on it: the k sources are cut
 * into blocks, each summed on its own in source order and the blocks added
 * in order at the end, so that the result does not depend on which thread
 * took which block.
 */
struct betweenness {
	struct adjacency out;      /* the links along their direction */
	uint32_t *sources;         /* the nodes that link out */
	size_t n_sources, k;       /* k of the sources are taken, evenly spaced */
	size_t n_blocks;
	double *block_score;       /* n_blocks x nodes: each block's sums */
	pthread_mutex_t lock;      /* guards the two below */
	bool ready;                /* set up: blocks can be taken */
	size_t next_block;
};

/* Free what betweenness_prepare made (not the lock). */
static void betweenness_free(struct betweenness *b)
{
	adjacency_free(&b->out);
	free(b->sources);
	free(b->block_score);
}

/*
 * Set the work up: the adjacency, the sources, how many are taken, zeroed
 * block sums; then let threads take blocks. O(V + E). Returns 0 or
 * GG_ENOMEM (betweenness_free cleans up either way).
 */
static int betweenness_prepare(const gg_graph *gr, struct betweenness *b)
{
	size_t n = gr->n_nodes;
	int err;

	if ((err = adjacency_out(gr, &b->out)) != 0)
		return err;
	if (!(b->sources = malloc((n ? n : 1) * sizeof(*b->sources))))
		return gg_error_oom();
	for (size_t v = 0; v < n; v++)
		if (b->out.start[v + 1] > b->out.start[v])
			b->sources[b->n_sources++] = (uint32_t)v;
	double links = (double)b->out.start[n];
	b->k = b->n_sources;
	if ((double)n * links > BETWEENNESS_EXACT)
		b->k = (size_t)fmin((double)b->n_sources,
				    fmax(BETWEENNESS_MIN_SOURCES,
					 fmin(BETWEENNESS_MAX_SOURCES, BETWEENNESS_BUDGET / links)));
	b->n_blocks = b->k < BETWEENNESS_BLOCKS ? b->k : BETWEENNESS_BLOCKS;
	if (!(b->block_score = calloc(b->n_blocks * n + 1, sizeof(*b->block_score))))
		return gg_error_oom();
	pthread_mutex_lock(&b->lock);
	b->ready = true;
	pthread_mutex_unlock(&b->lock);
	return 0;
}

/*
 * Take blocks of sources until none is left (none when the work is not
 * set up yet), adding each block's dependencies to its sums. Any thread
 * may call it, several at once. Returns 0 or GG_ENOMEM.
 */
static int betweenness_work(struct betweenness *b, size_t n)
{
	struct brandes_node *state = malloc((n ? n : 1) * sizeof(*state));
	uint32_t *queue = malloc((n ? n : 1) * sizeof(*queue));
	int err = 0;

	if (!state || !queue) {
		err = gg_error_oom();
		goto cleanup;
	}
	for (size_t v = 0; v < n; v++) {
		state[v].hops = UINT32_MAX;
		state[v].paths = 0;
	}
	for (;;) {
		pthread_mutex_lock(&b->lock);
		size_t block = b->ready && b->next_block < b->n_blocks ? b->next_block++ : SIZE_MAX;
		pthread_mutex_unlock(&b->lock);
		if (block == SIZE_MAX)
			break;
		for (size_t i = block * b->k / b->n_blocks; i < (block + 1) * b->k / b->n_blocks; i++)
			add_dependencies(&b->out, b->sources[i * b->n_sources / b->k], state, queue,
					 b->block_score + block * n);
	}
cleanup:
	free(state);
	free(queue);
	return err;
}

/* Every node's betweenness: the blocks' sums added in order, scaled; and how many sources. */
static void betweenness_finish(gg_graph *gr, const struct betweenness *b)
{
	size_t n = gr->n_nodes;
	double scale = b->k ? (double)b->n_sources / (double)b->k : 1;

	for (size_t v = 0; v < n; v++) {
		double sum = 0;
		for (size_t block = 0; block < b->n_blocks; block++)
			sum += b->block_score[block * n + v];
		gr->nodes[v].betweenness = sum * scale;
	}
	gr->betweenness_sources = b->k == b->n_sources ? n : b->k;
}

/*
 * Leiden (Traag, Waltman & van Eck, 2019) with the modularity objective,
 * resolution 1: the state of one level of its hierarchy. Arrays by node or
 * by cluster have a slot per node of the first level; a level's cluster
 * ids are below its node count.
 */
struct leiden {
	struct adjacency level;    /* this level's graph: the first one is borrowed */
	bool owns_level;
	const struct adjacency *first;
	double total;              /* all node weights: twice the links' weight */
	double *node_weight;       /* per node: strengths of the nodes it stands for */
	uint32_t *cluster;         /* per node: its cluster */
	double *cluster_weight;    /* per cluster: its nodes' weights */
	uint32_t *cluster_size;    /* per cluster: its nodes */
	uint32_t *empty;           /* clusters without nodes, a stack */
	size_t n_empty;
	uint32_t *refined;         /* per node: its cluster within its cluster */
	double *refined_weight;    /* per refined cluster */
	double *refined_outside;   /* per refined cluster: weight to the rest of its cluster */
	bool *alone;               /* per node: alone in its refined cluster */
	double *link;              /* per cluster: weight from the node at hand; 0 elsewhere */
	uint32_t *touched;         /* the clusters whose link is set */
	uint32_t *order;           /* nodes in random order; then a ring queue */
	bool *queued;
	uint32_t *relabel;         /* per cluster: its number on the next level */
	uint32_t *member_start;    /* per next-level node: where its nodes start in members */
	uint32_t *members;
	uint32_t *top;             /* per first-level node: the node standing for it here */
	uint32_t *hierarchy;       /* first-level nodes, those under one node of a level together */
	uint32_t *scratch;
	uint64_t rng;
};

/* Free Leiden's arrays and any level it built. */
static void leiden_free(struct leiden *s)
{
	if (s->owns_level)
		adjacency_free(&s->level);
	free(s->node_weight);
	free(s->cluster);
	free(s->cluster_weight);
	free(s->cluster_size);
	free(s->empty);
	free(s->refined);
	free(s->refined_weight);
	free(s->refined_outside);
	free(s->alone);
	free(s->link);
	free(s->touched);
	free(s->order);
	free(s->queued);
	free(s->relabel);
	free(s->member_start);
	free(s->members);
	free(s->top);
	free(s->hierarchy);
	free(s->scratch);
}

/*
 * Set Leiden up on `g` (weighted, both ways; positive weights), every node
 * alone. `g` must outlive `s`. Returns 0 or GG_ENOMEM; leiden_free either way.
 */
static int leiden_init(struct leiden *s, const struct adjacency *g)
{
	size_t n = g->n ? g->n : 1;

	memset(s, 0, sizeof(*s));
	s->first = g;
	s->rng = RNG_SEED;
	s->node_weight = malloc(n * sizeof(*s->node_weight));
	s->cluster = malloc(n * sizeof(*s->cluster));
	s->cluster_weight = malloc(n * sizeof(*s->cluster_weight));
	s->cluster_size = malloc(n * sizeof(*s->cluster_size));
	s->empty = malloc(n * sizeof(*s->empty));
	s->refined = malloc(n * sizeof(*s->refined));
	s->refined_weight = malloc(n * sizeof(*s->refined_weight));
	s->refined_outside = malloc(n * sizeof(*s->refined_outside));
	s->alone = malloc(n * sizeof(*s->alone));
	s->link = calloc(n, sizeof(*s->link));
	s->touched = malloc(n * sizeof(*s->touched));
	s->order = malloc(n * sizeof(*s->order));
	s->queued = malloc(n * sizeof(*s->queued));
	s->relabel = malloc(n * sizeof(*s->relabel));
	s->member_start = malloc((n + 1) * sizeof(*s->member_start));
	s->members = malloc(n * sizeof(*s->members));
	s->top = malloc(n * sizeof(*s->top));
	s->hierarchy = malloc(n * sizeof(*s->hierarchy));
	s->scratch = malloc(n * sizeof(*s->scratch));
	if (!s->node_weight || !s->cluster || !s->cluster_weight || !s->cluster_size ||
	    !s->empty || !s->refined || !s->refined_weight || !s->refined_outside ||
	    !s->alone || !s->link || !s->touched || !s->order || !s->queued ||
	    !s->relabel || !s->member_start || !s->members || !s->top || !s->hierarchy ||
	    !s->scratch)
		return gg_error_oom();
	for (size_t v = 0; v < g->n; v++)
		s->cluster[v] = (uint32_t)v;
	return 0;
}

/*
 * Sum the weights from node v to each cluster of `label` (its neighbours'
 * labels) into link, listing them in touched; with `inside`, only
 * neighbours in v's own cluster count. Returns how many were touched.
 */
static size_t leiden_gather(struct leiden *s, uint32_t v, const uint32_t *label, bool inside)
{
	const uint32_t *next = s->level.next, *cluster = s->cluster;
	const double *weight = s->level.weight;
	double *link = s->link;
	uint32_t *touched = s->touched, own = cluster[v];
	size_t n_touched = 0, end = s->level.start[v + 1];

	for (size_t k = s->level.start[v]; k < end; k++) {
		uint32_t u = next[k];
		if (inside && cluster[u] != own)
			continue;
		/* Weights are positive: a cluster not yet touched has link 0. */
		uint32_t c = label[u];
		if (link[c] == 0)
			touched[n_touched++] = c;
		link[c] += weight[k];
	}
	return n_touched;
}

/* Reset the links leiden_gather set. */
static void leiden_clear(struct leiden *s, size_t n_touched)
{
	for (size_t i = 0; i < n_touched; i++)
		s->link[s->touched[i]] = 0;
}

/* Weights, sizes and the empty-cluster stack of the partition in `cluster`. */
static void leiden_count(struct leiden *s)
{
	size_t n = s->level.n;

	for (size_t c = 0; c < n; c++) {
		s->cluster_weight[c] = 0;
		s->cluster_size[c] = 0;
	}
	for (size_t v = 0; v < n; v++) {
		s->cluster_weight[s->cluster[v]] += s->node_weight[v];
		s->cluster_size[s->cluster[v]]++;
	}
	s->n_empty = 0;
	for (size_t c = n; c-- > 0;)
		if (!s->cluster_size[c])
			s->empty[s->n_empty++] = (uint32_t)c;
}

/*
 * Leiden's fast local moving: take nodes from a queue (all of them, in
 * random order, at first) and move each to the neighbouring cluster, or an
 * empty one, that raises modularity most; the neighbours a move leaves in
 * other clusters go back in the queue. Ends when the queue is empty.
 */
static void leiden_move(struct leiden *s)
{
	const struct adjacency *g = &s->level;
	size_t n = g->n, head = 0, count = n;

	shuffle(s->order, n, &s->rng);
	for (size_t v = 0; v < n; v++)
		s->queued[v] = true;
	while (count) {
		uint32_t v = s->order[head];
		head = head + 1 == n ? 0 : head + 1;
		count--;
		s->queued[v] = false;
		uint32_t from = s->cluster[v], best = from;
		double kv = s->node_weight[v];
		s->cluster_weight[from] -= kv;
		if (--s->cluster_size[from] == 0)
			s->cluster_weight[from] = 0;
		size_t n_touched = leiden_gather(s, v, s->cluster, false);
		double best_gain = s->link[from] - kv * s->cluster_weight[from] / s->total;
		for (size_t i = 0; i < n_touched; i++) {
			uint32_t c = s->touched[i];
			double gain = s->link[c] - kv * s->cluster_weight[c] / s->total;
			if (gain > best_gain) {
				best = c;
				best_gain = gain;
			}
		}
		leiden_clear(s, n_touched);
		/* Alone beats a cluster that costs modularity; `from` has others then. */
		if (best_gain < 0 && s->cluster_size[from] > 0 && s->n_empty)
			best = s->empty[--s->n_empty];
		if (best != from && s->cluster_size[from] == 0)
			s->empty[s->n_empty++] = from;
		s->cluster[v] = best;
		s->cluster_weight[best] += kv;
		s->cluster_size[best]++;
		if (best == from)
			continue;
		for (size_t k = g->start[v]; k < g->start[v + 1]; k++) {
			uint32_t u = g->next[k];
			if (!s->queued[u] && s->cluster[u] != best) {
				s->order[(head + count) % n] = u;
				s->queued[u] = true;
				count++;
			}
		}
	}
}

/*
 * Leiden's refinement: within each cluster, nodes still alone (in random
 * order) join the refined cluster of that cluster that raises modularity
 * most, when both are well connected to the rest of the cluster. Refined
 * clusters are thus connected subsets of one cluster each.
 */
static void leiden_refine(struct leiden *s)
{
	const struct adjacency *g = &s->level;
	size_t n = g->n;

	for (size_t v = 0; v < n; v++) {
		double outside = 0;
		for (size_t k = g->start[v]; k < g->start[v + 1]; k++)
			if (s->cluster[g->next[k]] == s->cluster[v])
				outside += g->weight[k];
		s->refined[v] = (uint32_t)v;
		s->refined_weight[v] = s->node_weight[v];
		s->refined_outside[v] = outside;
		s->alone[v] = true;
	}
	shuffle(s->order, n, &s->rng);
	for (size_t i = 0; i < n; i++) {
		uint32_t v = s->order[i], best = v;
		if (!s->alone[v])
			continue;
		double kv = s->node_weight[v], kc = s->cluster_weight[s->cluster[v]];
		if (s->refined_outside[v] < kv * (kc - kv) / s->total)
			continue;
		size_t n_touched = leiden_gather(s, v, s->refined, true);
		double best_gain = 0;
		for (size_t t = 0; t < n_touched; t++) {
			uint32_t r = s->touched[t];
			double kr = s->refined_weight[r];
			if (s->refined_outside[r] < kr * (kc - kr) / s->total)
				continue;
			double gain = s->link[r] - kv * kr / s->total;
			if (gain > best_gain) {
				best = r;
				best_gain = gain;
			}
		}
		if (best != v) {
			s->refined_outside[best] += s->refined_outside[v] - 2 * s->link[best];
			s->refined_weight[best] += kv;
			s->refined[v] = best;
			s->alone[v] = false;
			s->alone[best] = false;
		}
		leiden_clear(s, n_touched);
	}
}

/*
 * Make the next level: a node per refined cluster (per cluster when the
 * refinement merged nothing), linked by the summed weights between them,
 * its cluster the one its nodes were in. Returns 0 or GG_ENOMEM.
 */
static int leiden_aggregate(struct leiden *s)
{
	const struct adjacency *g = &s->level;
	size_t n = g->n, n_next = 0, k = 0;
	struct adjacency next = { 0 };
	bool merged = false;

	for (size_t v = 0; v < n && !merged; v++)
		merged = s->refined[v] != v;
	const uint32_t *group = merged ? s->refined : s->cluster;
	for (size_t c = 0; c < n; c++)
		s->relabel[c] = UINT32_MAX;
	for (size_t v = 0; v < n; v++)
		if (s->relabel[group[v]] == UINT32_MAX)
			s->relabel[group[v]] = (uint32_t)n_next++;
	/* The first level's nodes follow; the nodes of each new node, by counting sort. */
	for (size_t x = 0; x < s->first->n; x++)
		s->top[x] = s->relabel[group[s->top[x]]];
	memset(s->member_start, 0, (n_next + 1) * sizeof(*s->member_start));
	for (size_t v = 0; v < n; v++)
		s->member_start[s->relabel[group[v]] + 1]++;
	for (size_t c = 0; c < n_next; c++)
		s->member_start[c + 1] += s->member_start[c];
	for (size_t v = 0; v < n; v++)
		s->members[s->member_start[s->relabel[group[v]]]++] = (uint32_t)v;
	for (size_t c = n_next; c > 0; c--)
		s->member_start[c] = s->member_start[c - 1];
	s->member_start[0] = 0;

	next.n = n_next;
	next.start = malloc((n_next + 1) * sizeof(*next.start));
	next.next = malloc((g->start[n] ? g->start[n] : 1) * sizeof(*next.next));
	next.weight = malloc((g->start[n] ? g->start[n] : 1) * sizeof(*next.weight));
	if (!next.start || !next.next || !next.weight) {
		adjacency_free(&next);
		return gg_error_oom();
	}
	for (size_t c = 0; c < n_next; c++) {
		size_t n_touched = 0;
		double weight = 0;
		next.start[c] = k;
		for (size_t m = s->member_start[c]; m < s->member_start[c + 1]; m++) {
			uint32_t v = s->members[m];
			weight += s->node_weight[v];
			for (size_t e = g->start[v]; e < g->start[v + 1]; e++) {
				uint32_t t = s->relabel[group[g->next[e]]];
				if (t == c)
					continue;
				if (s->link[t] == 0)
					s->touched[n_touched++] = t;
				s->link[t] += g->weight[e];
			}
		}
		for (size_t i = 0; i < n_touched; i++) {
			next.next[k] = s->touched[i];
			next.weight[k++] = s->link[s->touched[i]];
		}
		leiden_clear(s, n_touched);
		s->refined_weight[c] = weight;
	}
	next.start[n_next] = k;
	/* The new nodes keep their nodes' clusters, renumbered in order of appearance. */
	for (size_t c = 0; c < n; c++)
		s->relabel[c] = UINT32_MAX;
	size_t n_clusters = 0;
	for (size_t c = 0; c < n_next; c++) {
		uint32_t was = s->cluster[s->members[s->member_start[c]]];
		if (s->relabel[was] == UINT32_MAX)
			s->relabel[was] = (uint32_t)n_clusters++;
		s->scratch[c] = s->relabel[was];
	}
	for (size_t c = 0; c < n_next; c++) {
		s->cluster[c] = s->scratch[c];
		s->node_weight[c] = s->refined_weight[c];
	}
	if (s->owns_level)
		adjacency_free(&s->level);
	s->level = next;
	s->owns_level = true;
	return 0;
}

/*
 * Stable counting sort of the first-level nodes in `hierarchy` by the node
 * standing for them on the level just made. Done after every level, it
 * leaves the nodes ordered as a walk of the hierarchy: those under one
 * node of any level together, smallest groups innermost.
 */
static void leiden_sort_hierarchy(struct leiden *s)
{
	size_t n = s->first->n, n_level = s->level.n;
	uint32_t *count = s->member_start;

	memset(count, 0, (n_level + 1) * sizeof(*count));
	for (size_t i = 0; i < n; i++)
		count[s->top[s->hierarchy[i]] + 1]++;
	for (size_t c = 0; c < n_level; c++)
		count[c + 1] += count[c];
	for (size_t i = 0; i < n; i++)
		s->scratch[count[s->top[s->hierarchy[i]]]++] = s->hierarchy[i];
	memcpy(s->hierarchy, s->scratch, n * sizeof(*s->hierarchy));
}

/*
 * One Leiden iteration from the partition in `cluster` (first level):
 * move, refine, aggregate until moving leaves every node alone; then
 * `cluster` holds the first level's new partition and `hierarchy` the
 * order of its hierarchy. Returns 0 or GG_ENOMEM.
 */
static int leiden_iterate(struct leiden *s)
{
	const struct adjacency *g = s->first;
	int err;

	s->level = *g;
	s->owns_level = false;
	s->total = 0;
	for (size_t v = 0; v < g->n; v++) {
		double strength = 0;
		for (size_t k = g->start[v]; k < g->start[v + 1]; k++)
			strength += g->weight[k];
		s->node_weight[v] = strength;
		s->total += strength;
		s->top[v] = (uint32_t)v;
		s->hierarchy[v] = (uint32_t)v;
	}
	for (;;) {
		leiden_count(s);
		leiden_move(s);
		if (s->n_empty == 0)
			break;
		leiden_refine(s);
		if ((err = leiden_aggregate(s)) != 0)
			return err;
		leiden_sort_hierarchy(s);
	}
	for (size_t x = 0; x < g->n; x++)
		s->refined[x] = s->cluster[s->top[x]];
	memcpy(s->cluster, s->refined, g->n * sizeof(*s->cluster));
	if (s->owns_level)
		adjacency_free(&s->level);
	s->owns_level = false;
	return 0;
}

/* Modularity (resolution 1) of `membership` on the weighted links `g`; `scratch` has n slots. */
static double modularity(const struct adjacency *g, const uint32_t *membership, double *scratch)
{
	double inside = 0, total = 0, expected = 0;

	memset(scratch, 0, g->n * sizeof(*scratch));
	for (size_t v = 0; v < g->n; v++) {
		for (size_t k = g->start[v]; k < g->start[v + 1]; k++) {
			total += g->weight[k];
			scratch[membership[v]] += g->weight[k];
			if (membership[g->next[k]] == membership[v])
				inside += g->weight[k];
		}
	}
	if (total == 0)
		return 0;
	for (size_t c = 0; c < g->n; c++)
		expected += (scratch[c] / total) * (scratch[c] / total);
	return inside / total - expected;
}

struct community_order {
	size_t id, size, first;
};

/* Largest community first; at equal size, the one whose lowest node comes first. */
static int compare_communities(const void *x, const void *y)
{
	const struct community_order *p = x, *q = y;
	if (p->size != q->size)
		return p->size > q->size ? -1 : 1;
	return p->first < q->first ? -1 : p->first > q->first;
}

/*
 * Number the communities of `membership` (ids below `count`, none empty)
 * largest first, ties by lowest member; set each node's community and list
 * each community's members in node order. Returns 0 or GG_ENOMEM.
 */
static int number_communities(gg_graph *gr, const uint32_t *membership, size_t count)
{
	struct community_order *order = calloc(count ? count : 1, sizeof(*order));
	size_t *rename = malloc((count ? count : 1) * sizeof(*rename));
	int err = 0;

	gr->communities = calloc(count ? count : 1, sizeof(*gr->communities));
	gr->members = malloc((gr->n_nodes ? gr->n_nodes : 1) * sizeof(*gr->members));
	if (!order || !rename || !gr->communities || !gr->members) {
		err = gg_error_oom();
		goto cleanup;
	}
	for (size_t c = 0; c < count; c++) {
		order[c].id = c;
		order[c].first = SIZE_MAX;
	}
	for (size_t v = 0; v < gr->n_nodes; v++) {
		struct community_order *o = &order[membership[v]];
		if (!o->size++)
			o->first = v;
	}
	qsort(order, count, sizeof(*order), compare_communities);
	size_t offset = 0;
	for (size_t c = 0; c < count; c++) {
		rename[order[c].id] = c;
		gr->communities[c].size = order[c].size;
		gr->communities[c].members = gr->members + offset;
		offset += order[c].size;
	}
	/* order[c] is community c now: its `first` becomes a fill cursor. */
	for (size_t c = 0; c < count; c++)
		order[c].first = (size_t)(gr->communities[c].members - gr->members);
	for (size_t v = 0; v < gr->n_nodes; v++) {
		size_t c = rename[membership[v]];
		gr->nodes[v].community = (int)c;
		gr->members[order[c].first++] = v;
	}
	gr->n_communities = count;
cleanup:
	free(order);
	free(rename);
	return err;
}

struct ranked {
	double rank;
	size_t node;
};

/* Highest rank first, then lowest node id. */
static int compare_ranked(const void *x, const void *y)
{
	const struct ranked *p = x, *q = y;
	if (p->rank != q->rank)
		return p->rank > q->rank ? -1 : 1;
	return p->node < q->node ? -1 : p->node > q->node;
}

/* Order each community's members by PageRank, highest first. Returns 0 or GG_ENOMEM. */
static int rank_members(gg_graph *gr)
{
	struct ranked *ranked = malloc((gr->n_nodes ? gr->n_nodes : 1) * sizeof(*ranked));

	if (!ranked)
		return gg_error_oom();
	for (size_t v = 0; v < gr->n_nodes; v++) {
		ranked[v].rank = gr->nodes[gr->members[v]].pagerank;
		ranked[v].node = gr->members[v];
	}
	for (size_t c = 0; c < gr->n_communities; c++) {
		size_t at = (size_t)(gr->communities[c].members - gr->members);
		qsort(ranked + at, gr->communities[c].size, sizeof(*ranked), compare_ranked);
	}
	for (size_t v = 0; v < gr->n_nodes; v++)
		gr->members[v] = ranked[v].node;
	free(ranked);
	return 0;
}

/*
 * Communities by Leiden with the modularity objective on the links taken
 * both ways, weighted (`both`): two iterations up to
 * LEIDEN_SECOND_ITERATION_LINKS links, one beyond. Numbers them with
 * number_communities and sets the modularity. Without links every node is
 * its own community. `hierarchy` (a slot per node) gets the nodes in the
 * order of the last iteration's hierarchy (see leiden_sort_hierarchy).
 * O(V + E) a pass. Returns 0 or GG_ENOMEM.
 */
static int find_communities(gg_graph *gr, const struct adjacency *both, uint32_t *hierarchy)
{
	struct leiden s;
	size_t n = gr->n_nodes, count = 0;
	int err;

	if ((err = leiden_init(&s, both)) != 0)
		goto cleanup;
	if (both->start[n] > 0) {
		int iterations = (double)both->start[n] / 2 <= LEIDEN_SECOND_ITERATION_LINKS ? 2 : 1;
		for (int i = 0; i < iterations; i++)
			if ((err = leiden_iterate(&s)) != 0)
				goto cleanup;
		gr->modularity = modularity(both, s.cluster, s.cluster_weight);
		memcpy(hierarchy, s.hierarchy, n * sizeof(*hierarchy));
	} else {
		for (size_t v = 0; v < n; v++)
			hierarchy[v] = (uint32_t)v;
	}
	/* Dense ids, in order of first member. */
	for (size_t v = 0; v < n; v++)
		s.relabel[v] = UINT32_MAX;
	for (size_t v = 0; v < n; v++) {
		if (s.relabel[s.cluster[v]] == UINT32_MAX)
			s.relabel[s.cluster[v]] = (uint32_t)count++;
		s.order[v] = s.relabel[s.cluster[v]];
	}
	err = number_communities(gr, s.order, count);
cleanup:
	leiden_free(&s);
	return err;
}

/* A link between two groups of place_groups, and its weight. */
struct group_link {
	uint32_t a, b;
	double weight;
};

/*
 * Fruchterman-Reingold on `n` discs (`radius`) linked by `links`: every
 * pair repels as if its ideal distance were the discs' radii plus 1, links
 * attract in proportion to their weight (the heaviest as a link of that
 * ideal length), and every pair a little (1 / n of that), so that unlinked
 * discs stay near. Starts from a sunflower, the first disc in the centre;
 * LAYOUT_GROUP_ROUNDS cooling rounds, then rounds that push overlapping
 * discs apart. O(n^2) a round. `dx` and `dy` are scratch of n.
 */
static void place_groups(size_t n, const double *radius, const struct group_link *links,
			 size_t n_links, double *x, double *y, double *dx, double *dy)
{
	double area = 0, heaviest = 0;

	for (size_t i = 0; i < n; i++) {
		double distance = i ? sqrt(area / M_PI) + radius[i] : 0;
		x[i] = distance * cos((double)i * GOLDEN_ANGLE);
		y[i] = distance * sin((double)i * GOLDEN_ANGLE);
		area += M_PI * (radius[i] + 1) * (radius[i] + 1);
	}
	for (size_t i = 0; i < n_links; i++)
		heaviest = fmax(heaviest, links[i].weight);
	double start = sqrt(area / M_PI) / 4;
	for (int round = 0; round < LAYOUT_GROUP_ROUNDS; round++) {
		double temperature = start * (LAYOUT_GROUP_ROUNDS - round) / LAYOUT_GROUP_ROUNDS;
		for (size_t i = 0; i < n; i++)
			dx[i] = dy[i] = 0;
		for (size_t a = 0; a < n; a++) {
			for (size_t b = a + 1; b < n; b++) {
				double ex = x[a] - x[b], ey = y[a] - y[b], d2 = ex * ex + ey * ey;
				double ideal = radius[a] + radius[b] + 1;
				if (d2 == 0)
					continue;
				double force = ideal * ideal / d2 - sqrt(d2) / (ideal * (double)n);
				dx[a] += ex * force;
				dy[a] += ey * force;
				dx[b] -= ex * force;
				dy[b] -= ey * force;
			}
		}
		for (size_t i = 0; i < n_links; i++) {
			uint32_t a = links[i].a, b = links[i].b;
			double ex = x[a] - x[b], ey = y[a] - y[b];
			double force = sqrt(ex * ex + ey * ey) / (radius[a] + radius[b] + 1) *
				       links[i].weight / heaviest;
			dx[a] -= ex * force;
			dy[a] -= ey * force;
			dx[b] += ex * force;
			dy[b] += ey * force;
		}
		for (size_t i = 0; i < n; i++) {
			double length = sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
			double scale = length > temperature ? temperature / length : 1;
			x[i] += dx[i] * scale;
			y[i] += dy[i] * scale;
		}
	}
	/* Overlaps: each pair closer than its radii plus 1 moves apart, half the gap each. */
	for (int round = 0; round < LAYOUT_GROUP_ROUNDS; round++) {
		bool overlap = false;
		for (size_t a = 0; a < n; a++) {
			for (size_t b = a + 1; b < n; b++) {
				double ex = x[a] - x[b], ey = y[a] - y[b], d = sqrt(ex * ex + ey * ey);
				double gap = radius[a] + radius[b] + 1 - d;
				if (gap <= 0 || d == 0)
					continue;
				overlap = true;
				x[a] += ex / d * gap / 2;
				y[a] += ey / d * gap / 2;
				x[b] -= ex / d * gap / 2;
				y[b] -= ey / d * gap / 2;
			}
		}
		if (!overlap)
			break;
	}
}

/* Cell d of the Hilbert curve that fills a side x side square (side a power of 2). */
static void hilbert_cell(uint64_t side, uint64_t d, uint64_t *x, uint64_t *y)
{
	*x = *y = 0;
	for (uint64_t s = 1; s < side; s *= 2, d /= 4) {
		uint64_t rx = 1 & (d / 2), ry = 1 & (d ^ rx);
		if (ry == 0) {
			if (rx == 1) {
				*x = s - 1 - *x;
				*y = s - 1 - *y;
			}
			uint64_t t = *x;
			*x = *y;
			*y = t;
		}
		*x += s * rx;
		*y += s * ry;
	}
}

/*
 * Spread nodes[0 .. n) evenly over a disc of radius LAYOUT_SPACING x
 * sqrt(n) around (cx, cy), in order along a Hilbert curve bent into the
 * disc (Shirley and Chiu's concentric map): nodes near in the order end
 * near in the disc, a run of them in a compact patch. Sets x and y.
 */
static void fill_disc(const uint32_t *nodes, size_t n, double cx, double cy, double *x, double *y)
{
	uint64_t side = 1;
	double radius = LAYOUT_SPACING * sqrt((double)n);

	while (side * side < n)
		side *= 2;
	for (size_t j = 0; j < n; j++) {
		uint64_t hx = 0, hy = 0;
		if (side > 1)
			hilbert_cell(side, (uint64_t)(((double)j + 0.5) * (double)(side * side) / (double)n),
				     &hx, &hy);
		/* Cell centres in (-1, 1), never 0 once side > 1: the square to the disc. */
		double a = 2 * ((double)hx + 0.5) / (double)side - 1;
		double b = 2 * ((double)hy + 0.5) / (double)side - 1;
		double r = fabs(a) > fabs(b) ? a : b;
		double angle = side == 1 ? 0 :
			       fabs(a) > fabs(b) ? M_PI / 4 * b / a : M_PI / 2 - M_PI / 4 * a / b;
		x[nodes[j]] = cx + radius * r * cos(angle);
		y[nodes[j]] = cy + radius * r * sin(angle);
	}
}

/*
 * Put nodes[0 .. n) LAYOUT_SPACING apart along a spiral around the origin,
 * out from radius r > 0, its turns LAYOUT_RING_GAP apart. Sets x and y.
 */
static void spiral(const uint32_t *nodes, size_t n, double r, double *x, double *y)
{
	double angle = 0;

	for (size_t j = 0; j < n; j++) {
		double radius = r + LAYOUT_RING_GAP * angle / (2 * M_PI);
		x[nodes[j]] = radius * cos(angle);
		y[nodes[j]] = radius * sin(angle);
		angle += LAYOUT_SPACING / radius;
	}
}

/*
 * The layout of a small graph: igraph's Fruchterman-Reingold, every pair
 * repelling, on the links taken both ways (`g`), from a random start
 * (igraph's generator seeded), as many iterations (up to
 * LAYOUT_FR_ITERATIONS) as fit LAYOUT_FR_BUDGET pair interactions; a
 * lone node stays at the origin. Returns 0 or igraph's error.
 */
static int lay_out_small(gg_graph *gr, const struct adjacency *g)
{
	igraph_vector_int_t ends;
	igraph_t u;
	igraph_matrix_t xy;
	bool has_ends = false, has_u = false, has_xy = false;
	size_t n = gr->n_nodes, n_links = 0;
	int err = 0;

	if (n < 2)
		return 0;
	for (size_t v = 0; v < n; v++)
		for (size_t k = g->start[v]; k < g->start[v + 1]; k++)
			n_links += g->next[k] > v;
	GG_IGRAPH_TRY(igraph_vector_int_init(&ends, (igraph_integer_t)(2 * n_links)));
	has_ends = true;
	for (size_t v = 0, i = 0; v < n; v++) {
		for (size_t k = g->start[v]; k < g->start[v + 1]; k++) {
			if (g->next[k] < v)
				continue;
			VECTOR(ends)[i++] = (igraph_integer_t)v;
			VECTOR(ends)[i++] = (igraph_integer_t)g->next[k];
		}
	}
	GG_IGRAPH_TRY(igraph_create(&u, &ends, (igraph_integer_t)n, IGRAPH_UNDIRECTED));
	has_u = true;
	double pairs = (double)n * (double)(n - 1) / 2 + (double)n_links;
	double iterations = fmin(LAYOUT_FR_BUDGET / pairs, LAYOUT_FR_ITERATIONS);
	GG_IGRAPH_TRY(igraph_matrix_init(&xy, 0, 0));
	has_xy = true;
	GG_IGRAPH_TRY(igraph_rng_seed(igraph_rng_default(), RNG_SEED));
	GG_IGRAPH_TRY(igraph_layout_fruchterman_reingold(&u, &xy, false, (igraph_integer_t)iterations,
							 sqrt((double)n) / 10, IGRAPH_LAYOUT_NOGRID,
							 NULL, NULL, NULL, NULL, NULL));
	for (size_t v = 0; v < n; v++) {
		gr->nodes[v].x = MATRIX(xy, v, 0);
		gr->nodes[v].y = MATRIX(xy, v, 1);
	}
cleanup:
	if (has_xy)
		igraph_matrix_destroy(&xy);
	if (has_u)
		igraph_destroy(&u);
	if (has_ends)
		igraph_vector_int_destroy(&ends);
	return err;
}

/*
 * The layout of a big graph, a map of its communities (see LAYOUT_*):
 * each community is a disc, placed by place_groups (past LAYOUT_GROUPS,
 * beside the group it links to most) and filled by fill_disc in the order
 * of the hierarchy Leiden found (`hierarchy`, a slot per node);
 * communities with no group to stand by, then nodes without links, go on
 * a spiral around the rest. Needs the communities numbered, `g` the links
 * both ways. O(V + E + LAYOUT_GROUPS^2 rounds). Returns 0 or GG_ENOMEM.
 */
static int lay_out_map(gg_graph *gr, const struct adjacency *g, const uint32_t *hierarchy)
{
	size_t n = gr->n_nodes, n_communities = gr->n_communities;
	size_t n_groups = 0, n_links = 0, n_outer = 0, n_satellites = 0;
	int err = 0;

	size_t group_alloc = n_communities < LAYOUT_GROUPS ? n_communities : LAYOUT_GROUPS;
	size_t link_alloc = g->start[n] / 2 < group_alloc * group_alloc / 2 ?
			    g->start[n] / 2 : group_alloc * group_alloc / 2;
	double *x = malloc(n * sizeof(*x)), *y = malloc(n * sizeof(*y));
	uint32_t *placed = malloc(n * sizeof(*placed)), *outer = malloc(n * sizeof(*outer));
	size_t *linked = calloc(n_communities, sizeof(*linked));
	size_t *end = calloc(n_communities + 1, sizeof(*end));
	size_t *group_of = malloc(n_communities * sizeof(*group_of));
	double *radius = malloc((group_alloc + 1) * sizeof(*radius));
	double *gx = malloc((group_alloc + 1) * sizeof(*gx));
	double *gy = malloc((group_alloc + 1) * sizeof(*gy));
	double *gdx = malloc((group_alloc + 1) * sizeof(*gdx));
	double *gdy = malloc((group_alloc + 1) * sizeof(*gdy));
	double *link = calloc(group_alloc + 1, sizeof(*link));
	uint32_t *touched = malloc((group_alloc + 1) * sizeof(*touched));
	struct group_link *links = malloc((link_alloc + 1) * sizeof(*links));
	if (!x || !y || !placed || !outer || !linked || !end || !group_of || !radius || !gx ||
	    !gy || !gdx || !gdy || !link || !touched || !links) {
		err = gg_error_oom();
		goto cleanup;
	}
	for (size_t v = 0; v < n; v++)
		if (g->start[v + 1] > g->start[v])
			linked[gr->nodes[v].community]++;
	/* The linked nodes by community, each community's in the hierarchy's order. */
	for (size_t c = 0; c < n_communities; c++)
		end[c + 1] = end[c] + linked[c];
	for (size_t i = 0; i < n; i++) {
		uint32_t v = hierarchy[i];
		if (g->start[v + 1] > g->start[v])
			placed[end[gr->nodes[v].community]++] = v;
	}
	for (size_t c = 0; c < n_communities; c++) {
		group_of[c] = SIZE_MAX;
		if (linked[c] && n_groups < LAYOUT_GROUPS) {
			group_of[c] = n_groups;
			radius[n_groups++] = LAYOUT_SPACING * sqrt((double)linked[c]);
		}
	}
	/* The groups' links: summed weights between their nodes. */
	for (size_t c = 0; c < n_communities; c++) {
		size_t a = group_of[c], n_touched = 0;
		if (a == SIZE_MAX)
			continue;
		for (size_t i = end[c] - linked[c]; i < end[c]; i++) {
			for (size_t k = g->start[placed[i]]; k < g->start[placed[i] + 1]; k++) {
				size_t b = group_of[gr->nodes[g->next[k]].community];
				if (b == SIZE_MAX || b <= a)
					continue;
				if (link[b] == 0)
					touched[n_touched++] = (uint32_t)b;
				link[b] += g->weight[k];
			}
		}
		for (size_t t = 0; t < n_touched; t++) {
			links[n_links].a = (uint32_t)a;
			links[n_links].b = touched[t];
			links[n_links++].weight = link[touched[t]];
			link[touched[t]] = 0;
		}
	}
	place_groups(n_groups, radius, links, n_links, gx, gy, gdx, gdy);
	/* Each community fills its group's disc, or a disc beside the group it links to most. */
	double reach = 0;
	for (size_t c = 0; c < n_communities; c++) {
		size_t k = linked[c], best = group_of[c], n_touched = 0;
		const uint32_t *nodes = placed + end[c] - k;
		double cx, cy;
		if (!k)
			continue;
		if (best != SIZE_MAX) {
			cx = gx[best];
			cy = gy[best];
		} else {
			for (size_t j = 0; j < k; j++) {
				for (size_t e = g->start[nodes[j]]; e < g->start[nodes[j] + 1]; e++) {
					size_t b = group_of[gr->nodes[g->next[e]].community];
					if (b == SIZE_MAX)
						continue;
					if (link[b] == 0)
						touched[n_touched++] = (uint32_t)b;
					link[b] += g->weight[e];
				}
			}
			for (size_t t = 0; t < n_touched; t++)
				if (best == SIZE_MAX || link[touched[t]] > link[best])
					best = touched[t];
			for (size_t t = 0; t < n_touched; t++)
				link[touched[t]] = 0;
			if (best == SIZE_MAX) {
				memcpy(outer + n_outer, nodes, k * sizeof(*nodes));
				n_outer += k;
				continue;
			}
			double distance = radius[best] + LAYOUT_SPACING * sqrt((double)k) + 1;
			double angle = (double)n_satellites++ * GOLDEN_ANGLE;
			cx = gx[best] + distance * cos(angle);
			cy = gy[best] + distance * sin(angle);
		}
		fill_disc(nodes, k, cx, cy, x, y);
		reach = fmax(reach, hypot(cx, cy) + LAYOUT_SPACING * sqrt((double)k));
	}
	spiral(outer, n_outer, reach + LAYOUT_RING_GAP, x, y);
	/* Centre the linked nodes; those without links spiral around them. */
	size_t n_linked = end[n_communities];
	double mx = 0, my = 0;
	for (size_t i = 0; i < n_linked; i++) {
		mx += x[placed[i]] / (double)n_linked;
		my += y[placed[i]] / (double)n_linked;
	}
	reach = 0;
	for (size_t i = 0; i < n_linked; i++) {
		x[placed[i]] -= mx;
		y[placed[i]] -= my;
		reach = fmax(reach, hypot(x[placed[i]], y[placed[i]]));
	}
	n_outer = 0;
	for (size_t v = 0; v < n; v++)
		if (g->start[v + 1] == g->start[v])
			outer[n_outer++] = (uint32_t)v;
	spiral(outer, n_outer, reach + LAYOUT_RING_GAP, x, y);
	for (size_t v = 0; v < n; v++) {
		gr->nodes[v].x = x[v];
		gr->nodes[v].y = y[v];
	}
cleanup:
	free(x);
	free(y);
	free(placed);
	free(outer);
	free(linked);
	free(end);
	free(group_of);
	free(radius);
	free(gx);
	free(gy);
	free(gdx);
	free(gdy);
	free(link);
	free(touched);
	free(links);
	return err;
}

/* The second thread's work: it reads the edge runs, and alone calls igraph meanwhile. */
struct side_task {
	gg_graph *gr;
	struct betweenness *betweenness;
	gg_thread_error err;
};

/*
 * Thread body: set betweenness up, make the igraph graph, PageRank and
 * sizes, then betweenness blocks until none is left; an error is kept with
 * its message.
 */
static void *side_measures(void *arg)
{
	struct side_task *t = arg;
	int err;

	if ((err = betweenness_prepare(t->gr, t->betweenness)) == 0 &&
	    (err = make_igraph(t->gr)) == 0 && (err = measure_pagerank(t->gr)) == 0)
		err = betweenness_work(t->betweenness, t->gr->n_nodes);
	gg_thread_error_keep(&t->err, err);
	return NULL;
}

int gg_graph_new(gg_graph **out, const gg_links *l, bool include_held)
{
	gg_graph *gr = calloc(1, sizeof(*gr));
	struct adjacency both = { 0 };
	struct betweenness betweenness = { .lock = PTHREAD_MUTEX_INITIALIZER };
	struct side_task side = { .betweenness = &betweenness };
	pthread_t thread;
	uint32_t *hierarchy = NULL;
	int err;

	*out = NULL;
	if (!gr)
		return gg_error_oom();
	gg_i_igraph_init();
	gr->links = l;
	gr->glossary = gg_links_glossary(l);
	if ((err = select_nodes(gr, include_held)) != 0 ||
	    (err = collect_edges(gr, include_held)) != 0 || (err = make_weights(gr)) != 0)
		goto cleanup;
	if (!(hierarchy = malloc((gr->n_nodes ? gr->n_nodes : 1) * sizeof(*hierarchy)))) {
		err = gg_error_oom();
		goto cleanup;
	}
	measure_degrees(gr);
	/*
	 * A second thread (or this one first, when none can start) makes the
	 * igraph graph and finds PageRank and betweenness, while this one finds
	 * the communities and a big graph's layout, then takes betweenness
	 * blocks too. igraph is not thread-safe: the other thread alone calls it
	 * until the join, and a small graph's layout, which calls it, waits for
	 * the join. Each result is the same either way.
	 */
	side.gr = gr;
	bool threaded = pthread_create(&thread, NULL, side_measures, &side) == 0;
	if (!threaded)
		side_measures(&side);
	if ((err = adjacency_both(gr, &both)) == 0 &&
	    (err = find_communities(gr, &both, hierarchy)) == 0 &&
	    (gr->n_nodes <= LAYOUT_FR_MAX_NODES || (err = lay_out_map(gr, &both, hierarchy)) == 0))
		err = betweenness_work(&betweenness, gr->n_nodes);
	if (threaded)
		pthread_join(thread, NULL);
	if (!err)
		err = gg_thread_error_raise(&side.err);
	if (!err && gr->n_nodes <= LAYOUT_FR_MAX_NODES)
		err = lay_out_small(gr, &both);
	if (!err) {
		betweenness_finish(gr, &betweenness);
		err = rank_members(gr);
	}
	if (err)
		goto cleanup;
	*out = gr;
	gr = NULL;
cleanup:
	betweenness_free(&betweenness);
	pthread_mutex_destroy(&betweenness.lock);
	free(hierarchy);
	adjacency_free(&both);
	gg_graph_free(gr);
	return err;
}

void gg_graph_free(gg_graph *gr)
{
	if (!gr)
		return;
	if (gr->has_ig)
		igraph_destroy(&gr->ig);
	if (gr->has_weight)
		igraph_vector_destroy(&gr->weight);
	free(gr->nodes);
	free(gr->node_of);
	free(gr->edges);
	free(gr->from);
	free(gr->to);
	free(gr->out_start);
	free(gr->in_start);
	free(gr->in_edges);
	free(gr->communities);
	free(gr->members);
	free(gr);
}

size_t gg_graph_node_count(const gg_graph *gr)
{
	return gr->n_nodes;
}

const gg_node *gg_graph_node(const gg_graph *gr, size_t node)
{
	return node < gr->n_nodes ? &gr->nodes[node] : NULL;
}

int gg_graph_node_of(const gg_graph *gr, size_t concept, size_t *node)
{
	if (concept >= gg_glossary_concept_count(gr->glossary))
		return gg_error_set(GG_EINVAL, "concept %zu out of range", concept);
	if (gr->node_of[concept] == SIZE_MAX)
		return gg_error_set(GG_ENOTFOUND, "'%s' is not in the graph (a header keyword "
				    "only one concept lists, and no definition names)",
				    gg_glossary_concept(gr->glossary, concept)->name);
	*node = gr->node_of[concept];
	return 0;
}

size_t gg_graph_edge_count(const gg_graph *gr)
{
	return gr->n_edges;
}

const gg_edge *gg_graph_edge(const gg_graph *gr, size_t i, size_t *from, size_t *to)
{
	if (i >= gr->n_edges)
		return NULL;
	if (from)
		*from = gr->from[i];
	if (to)
		*to = gr->to[i];
	return gr->edges[i];
}

size_t gg_graph_community_count(const gg_graph *gr)
{
	return gr->n_communities;
}

const gg_community *gg_graph_community(const gg_graph *gr, size_t i)
{
	return i < gr->n_communities ? &gr->communities[i] : NULL;
}

double gg_graph_modularity(const gg_graph *gr)
{
	return gr->modularity;
}

size_t gg_graph_betweenness_sources(const gg_graph *gr)
{
	return gr->betweenness_sources;
}

const gg_glossary *gg_graph_glossary(const gg_graph *gr)
{
	return gr->glossary;
}

const gg_links *gg_graph_links(const gg_graph *gr)
{
	return gr->links;
}
