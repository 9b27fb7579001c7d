/* select.c - the part of the graph an export writes: the most central nodes, or a focus and its neighbourhood. */
#include "export/view.h"
#include "core/error.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A candidate node and what ranks it. */
typedef struct candidate {
	size_t node;
	unsigned dist; /* hops from the focus; 0 without one */
	double pagerank;
} candidate;

/* Nearer first, then higher PageRank, then lower index: a total order. */
static int by_rank(const void *pa, const void *pb)
{
	const candidate *a = pa, *b = pb;
	if (a->dist != b->dist)
		return a->dist < b->dist ? -1 : 1;
	if (a->pagerank != b->pagerank)
		return a->pagerank > b->pagerank ? -1 : 1;
	return a->node < b->node ? -1 : a->node > b->node;
}

/* Ascending node indices. */
static int by_index(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	return a < b ? -1 : a > b;
}

/*
 * Hops from `start` to every node, edges taken in either direction, up to
 * `depth`; UINT32_MAX for nodes farther away. Breadth-first over an
 * adjacency list built from the edge list: O(V + E).
 */
static int distances(const gg_graph *gr, size_t start, unsigned depth, unsigned *dist)
{
	size_t n = gg_graph_node_count(gr), m = gg_graph_edge_count(gr);
	size_t *first = calloc(n + 1, sizeof(*first));
	size_t *adj = malloc((2 * m + 1) * sizeof(*adj));
	size_t *queue = malloc((n + 1) * sizeof(*queue));
	int err = 0;

	if (!first || !adj || !queue) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	for (size_t i = 0; i < m; i++) {
		size_t a, b;
		gg_graph_edge(gr, i, &a, &b);
		first[a + 1]++;
		first[b + 1]++;
	}
	for (size_t i = 0; i < n; i++)
		first[i + 1] += first[i];
	for (size_t i = 0; i < m; i++) {
		size_t a, b;
		gg_graph_edge(gr, i, &a, &b);
		adj[first[a]++] = b;
		adj[first[b]++] = a;
	}
	for (size_t i = n; i > 0; i--) /* the fill moved each start to the next one's */
		first[i] = first[i - 1];
	first[0] = 0;

	for (size_t i = 0; i < n; i++)
		dist[i] = UINT32_MAX;
	size_t head = 0, tail = 0;
	dist[start] = 0;
	queue[tail++] = start;
	while (head < tail) {
		size_t u = queue[head++];
		if (dist[u] >= depth)
			continue;
		for (size_t k = first[u]; k < first[u + 1]; k++) {
			if (dist[adj[k]] == UINT32_MAX) {
				dist[adj[k]] = dist[u] + 1;
				queue[tail++] = adj[k];
			}
		}
	}
cleanup:
	free(first);
	free(adj);
	free(queue);
	return err;
}

int gg_i_view_init(gg_i_view *v, const gg_graph *gr, const gg_export_options *o)
{
	size_t n = gg_graph_node_count(gr), m = gg_graph_edge_count(gr);
	unsigned *dist = NULL;
	candidate *cand = NULL;
	bool *kept = NULL;
	int err = 0;

	memset(v, 0, sizeof(*v));
	v->graph = gr;
	v->glossary = gg_graph_glossary(gr);
	v->options = o;
	v->scale = 1;
	if (o->has_focus) {
		if (o->focus >= gg_glossary_concept_count(v->glossary))
			return gg_i_error_set(GG_EINVAL, "no concept %zu", o->focus);
		if (gg_graph_node_of(&v->focus_node, gr, o->focus) != 0)
			return gg_i_error_set(GG_ENOTFOUND, "'%s' is not in the graph: it has no links",
					    gg_glossary_concept(v->glossary, o->focus)->name);
		v->has_focus = true;
	}
	cand = malloc((n ? n : 1) * sizeof(*cand));
	kept = calloc(n ? n : 1, sizeof(*kept));
	v->nodes = malloc((n ? n : 1) * sizeof(*v->nodes));
	v->edges = malloc((m ? m : 1) * sizeof(*v->edges));
	dist = v->has_focus ? malloc((n ? n : 1) * sizeof(*dist)) : NULL;
	if (!cand || !kept || !v->nodes || !v->edges || (v->has_focus && !dist)) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	if (v->has_focus && (err = distances(gr, v->focus_node, o->depth, dist)) != 0)
		goto cleanup;

	size_t n_cand = 0;
	for (size_t i = 0; i < n; i++) {
		if (dist && dist[i] == UINT32_MAX)
			continue;
		cand[n_cand].node = i;
		cand[n_cand].dist = dist ? dist[i] : 0;
		cand[n_cand].pagerank = gg_graph_node(gr, i)->pagerank;
		n_cand++;
	}
	if (o->top && n_cand > o->top) {
		qsort(cand, n_cand, sizeof(*cand), by_rank);
		n_cand = o->top;
	}
	for (size_t i = 0; i < n_cand; i++) {
		v->nodes[i] = cand[i].node;
		kept[cand[i].node] = true;
	}
	v->n_nodes = n_cand;
	qsort(v->nodes, v->n_nodes, sizeof(*v->nodes), by_index);
	for (size_t i = 0; i < m; i++) {
		size_t a, b;
		gg_graph_edge(gr, i, &a, &b);
		if (kept[a] && kept[b])
			v->edges[v->n_edges++] = i;
	}
cleanup:
	free(dist);
	free(cand);
	free(kept);
	return err;
}

void gg_i_view_destroy(gg_i_view *v)
{
	free(v->nodes);
	free(v->edges);
	v->nodes = v->edges = NULL;
	v->n_nodes = v->n_edges = 0;
}
