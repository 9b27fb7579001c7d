/* pagerank.c - PageRank by power iteration over the edge runs, and the node sizes it gives. */
#include "graph/graph_i.h"
#include "core/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PAGERANK_DAMPING 0.85
/* Power iteration stops at this L1 change (about 150 rounds), or after PAGERANK_ROUNDS. */
#define PAGERANK_TOLERANCE 1e-10
#define PAGERANK_ROUNDS 1000

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
		err = gg_i_error_oom();
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
int gg_i_measure_pagerank(gg_graph *gr)
{
	double *rank = malloc((gr->n_nodes ? gr->n_nodes : 1) * sizeof(*rank));
	int err;

	if (!rank)
		return gg_i_error_oom();
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
