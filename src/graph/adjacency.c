/* adjacency.c - the graph's links as compact arrays, along their direction or both ways. */
#include "graph/graph_i.h"
#include "core/error.h"

#include <stdlib.h>
#include <string.h>

/* Free an adjacency's arrays (not the struct itself); any of them may be NULL. */
void gg_i_adjacency_free(struct adjacency *a)
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
int gg_i_adjacency_out(const gg_graph *gr, struct adjacency *a)
{
	size_t k = 0;

	memset(a, 0, sizeof(*a));
	a->n = gr->n_nodes;
	a->start = malloc((a->n + 1) * sizeof(*a->start));
	a->next = malloc((gr->n_edges ? gr->n_edges : 1) * sizeof(*a->next));
	if (!a->start || !a->next) {
		gg_i_adjacency_free(a);
		return gg_i_error_oom();
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
int gg_i_adjacency_both(const gg_graph *gr, struct adjacency *a)
{
	size_t e_alloc = gr->n_edges ? 2 * gr->n_edges : 1, k = 0;

	memset(a, 0, sizeof(*a));
	a->n = gr->n_nodes;
	a->start = malloc((a->n + 1) * sizeof(*a->start));
	a->next = malloc(e_alloc * sizeof(*a->next));
	a->weight = malloc(e_alloc * sizeof(*a->weight));
	if (!a->start || !a->next || !a->weight) {
		gg_i_adjacency_free(a);
		return gg_i_error_oom();
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
