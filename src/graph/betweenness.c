/* betweenness.c - Brandes' betweenness on hops, exact or from evenly spaced sources, on two threads. */
#include "graph/graph_i.h"
#include "core/progress.h"
#include "core/error.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>

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

/* Free what gg_i_betweenness_prepare made (not the lock). */
void gg_i_betweenness_free(struct betweenness *b)
{
	gg_i_adjacency_free(&b->out);
	free(b->sources);
	free(b->block_score);
}

/*
 * Set the work up: the adjacency, the sources, how many are taken, zeroed
 * block sums; then let threads take blocks. O(V + E). Returns 0 or
 * GG_ENOMEM (gg_i_betweenness_free cleans up either way).
 */
int gg_i_betweenness_prepare(const gg_graph *gr, struct betweenness *b)
{
	size_t n = gr->n_nodes;
	int err;

	if ((err = gg_i_adjacency_out(gr, &b->out)) != 0)
		return err;
	if (!(b->sources = malloc((n ? n : 1) * sizeof(*b->sources))))
		return gg_i_error_oom();
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
		return gg_i_error_oom();
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
int gg_i_betweenness_work(struct betweenness *b, size_t n)
{
	struct brandes_node *state = malloc((n ? n : 1) * sizeof(*state));
	uint32_t *queue = malloc((n ? n : 1) * sizeof(*queue));
	int err = 0;

	if (!state || !queue) {
		err = gg_i_error_oom();
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
		gg_i_progress(b->progress, GG_STAGE_GRAPH,
			      GRAPH_MEASURES_FROM + (1 - GRAPH_MEASURES_FROM) * (double)block /
			      (double)b->n_blocks);
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
void gg_i_betweenness_finish(gg_graph *gr, const struct betweenness *b)
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
