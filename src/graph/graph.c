/* graph.c - the concept graph in igraph: nodes, edges and the measures computed once. */
#include "graph/graph_i.h"
#include "core/error.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Seed of igraph's generator before Leiden and the layout: same input, same output. */
#define RNG_SEED 42
#define PAGERANK_DAMPING 0.85
/* Power iteration stops at this L1 change (about 150 rounds), or after PAGERANK_ROUNDS. */
#define PAGERANK_TOLERANCE 1e-10
#define PAGERANK_ROUNDS 1000
/* Exact betweenness while nodes x edges stays under this; sampled sources beyond. */
#define BETWEENNESS_BUDGET 1e7
#define BETWEENNESS_MIN_SOURCES 64
/*
 * Layout iterations: about this many pair interactions in all, within the
 * bounds below. An iteration without the grid costs V(V-1)/2 repulsions
 * plus E attractions; with the grid (above LAYOUT_GRID_MIN_NODES nodes,
 * igraph's own AUTOGRID threshold) it costs about LAYOUT_GRID_COST pair
 * interactions per node and per edge (measured on igraph 0.10: some 40 ns
 * per node or edge with the grid, 5 ns per pair without). 3e7 is about
 * 0.15 s: the seed pages (80 nodes) get the full 500 iterations, 1,000
 * nodes 60, 13k nodes with 40k edges 70.
 */
#define LAYOUT_BUDGET 3e7
#define LAYOUT_GRID_COST 8.0
#define LAYOUT_GRID_MIN_NODES 1000
#define LAYOUT_MIN_ITERATIONS 25
#define LAYOUT_MAX_ITERATIONS 500

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
 * O(concepts + edges). Returns 0 or GG_ENOMEM.
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

/* Make the igraph multigraph and its weight vector. Returns 0 or igraph's error. */
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
	GG_IGRAPH_TRY(igraph_vector_init(&gr->weight, (igraph_integer_t)gr->n_edges));
	gr->has_weight = true;
	for (size_t i = 0; i < gr->n_edges; i++)
		VECTOR(gr->weight)[i] = gg_i_edge_weight(gr->edges[i]);
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
	size_t n = gr->n_nodes;
	double *next = malloc((n ? n : 1) * sizeof(*next));
	const double d = PAGERANK_DAMPING;

	if (!next)
		return gg_error_oom();
	for (size_t v = 0; v < n; v++)
		rank[v] = source == SIZE_MAX ? 1.0 / (double)n : v == source;
	for (int round = 0; round < PAGERANK_ROUNDS; round++) {
		double stuck = 0, change = 0;
		memset(next, 0, n * sizeof(*next));
		for (size_t u = 0; u < n; u++) {
			const gg_node *x = &gr->nodes[u];
			double out = directed ? x->out_weight : x->out_weight + x->in_weight;
			if (rank[u] == 0)
				continue;
			if (out == 0) {
				stuck += rank[u];
				continue;
			}
			double share = d * rank[u] / out;
			for (size_t e = gr->out_start[u]; e < gr->out_start[u + 1]; e++)
				next[gr->to[e]] += share * VECTOR(gr->weight)[e];
			for (size_t k = gr->in_start[u]; !directed && k < gr->in_start[u + 1]; k++)
				next[gr->from[gr->in_edges[k]]] += share * VECTOR(gr->weight)[gr->in_edges[k]];
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
	free(next);
	return 0;
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

struct pair {
	igraph_integer_t a, b;
	double w;
};

/* Order node pairs by first end, then second. */
static int compare_pairs(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return 0;
}

/*
 * A simple graph of the same nodes: one edge per linked pair (per unordered
 * pair unless `directed`), its weight the sum of theirs. `w` may be NULL;
 * otherwise the caller destroys it with `out`. O(E log E).
 * Returns 0, GG_ENOMEM or igraph's error, with nothing to free on error.
 */
static int collapse(const gg_graph *gr, bool directed, igraph_t *out, igraph_vector_t *w)
{
	struct pair *pairs = malloc((gr->n_edges ? gr->n_edges : 1) * sizeof(*pairs));
	igraph_vector_int_t ends;
	bool has_ends = false, has_graph = false;
	size_t n = 0;
	int err = 0;

	if (!pairs)
		return gg_error_oom();
	for (size_t i = 0; i < gr->n_edges; i++) {
		igraph_integer_t a = (igraph_integer_t)gr->from[i], b = (igraph_integer_t)gr->to[i];
		pairs[i].a = directed || a < b ? a : b;
		pairs[i].b = directed || a < b ? b : a;
		pairs[i].w = VECTOR(gr->weight)[i];
	}
	qsort(pairs, gr->n_edges, sizeof(*pairs), compare_pairs);
	for (size_t i = 0; i < gr->n_edges; i++) {
		if (n && compare_pairs(&pairs[n - 1], &pairs[i]) == 0)
			pairs[n - 1].w += pairs[i].w;
		else
			pairs[n++] = pairs[i];
	}
	GG_IGRAPH_TRY(igraph_vector_int_init(&ends, (igraph_integer_t)(2 * n)));
	has_ends = true;
	for (size_t i = 0; i < n; i++) {
		VECTOR(ends)[2 * i] = pairs[i].a;
		VECTOR(ends)[2 * i + 1] = pairs[i].b;
	}
	GG_IGRAPH_TRY(igraph_create(out, &ends, (igraph_integer_t)gr->n_nodes, directed));
	has_graph = true;
	if (w) {
		GG_IGRAPH_TRY(igraph_vector_init(w, (igraph_integer_t)n));
		for (size_t i = 0; i < n; i++)
			VECTOR(*w)[i] = pairs[i].w;
	}
	has_graph = false; /* the caller's now */
cleanup:
	if (has_graph)
		igraph_destroy(out);
	if (has_ends)
		igraph_vector_int_destroy(&ends);
	free(pairs);
	return err;
}

/*
 * Betweenness on hops along edge directions, parallel edges merged. Exact
 * (O(VE)) while V x E <= BETWEENNESS_BUDGET; beyond, Brandes' sums from
 * k evenly spaced sources scaled by V / k, with k = budget / E (at least
 * BETWEENNESS_MIN_SOURCES), which keeps the cost near the budget.
 */
static int measure_betweenness(gg_graph *gr)
{
	igraph_t simple;
	igraph_vector_t score;
	igraph_vector_int_t sources;
	bool has_simple = false, has_score = false, has_sources = false;
	int err = 0;

	if (!gr->n_nodes)
		return 0;
	if ((err = collapse(gr, true, &simple, NULL)) != 0)
		return err;
	has_simple = true;
	double v = (double)gr->n_nodes, e = (double)igraph_ecount(&simple);
	size_t k = gr->n_nodes;
	if (v * e > BETWEENNESS_BUDGET) {
		double want = BETWEENNESS_BUDGET / e;
		want = want < BETWEENNESS_MIN_SOURCES ? BETWEENNESS_MIN_SOURCES : want;
		k = want < v ? (size_t)want : gr->n_nodes;
	}
	GG_IGRAPH_TRY(igraph_vector_init(&score, 0));
	has_score = true;
	if (k == gr->n_nodes) {
		GG_IGRAPH_TRY(igraph_betweenness(&simple, &score, igraph_vss_all(),
						 IGRAPH_DIRECTED, NULL));
	} else {
		GG_IGRAPH_TRY(igraph_vector_int_init(&sources, (igraph_integer_t)k));
		has_sources = true;
		for (size_t i = 0; i < k; i++)
			VECTOR(sources)[i] = (igraph_integer_t)(i * gr->n_nodes / k);
		GG_IGRAPH_TRY(igraph_betweenness_subset(&simple, &score, igraph_vss_all(),
							IGRAPH_DIRECTED,
							igraph_vss_vector(&sources),
							igraph_vss_all(), NULL));
	}
	for (size_t i = 0; i < gr->n_nodes; i++)
		gr->nodes[i].betweenness = VECTOR(score)[i] * v / (double)k;
	gr->betweenness_sources = k;
cleanup:
	if (has_sources)
		igraph_vector_int_destroy(&sources);
	if (has_score)
		igraph_vector_destroy(&score);
	if (has_simple)
		igraph_destroy(&simple);
	return err;
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

/*
 * Number the communities of `membership` (any ids below `count`) largest
 * first, ties by lowest member, and list each one's members by PageRank.
 * Returns 0 or GG_ENOMEM.
 */
static int order_communities(gg_graph *gr, const igraph_vector_int_t *membership, size_t count)
{
	struct community_order *order = calloc(count ? count : 1, sizeof(*order));
	size_t *rename = malloc((count ? count : 1) * sizeof(*rename));
	struct ranked *ranked = malloc((gr->n_nodes ? gr->n_nodes : 1) * sizeof(*ranked));
	int err = 0;

	gr->communities = calloc(count ? count : 1, sizeof(*gr->communities));
	gr->members = malloc((gr->n_nodes ? gr->n_nodes : 1) * sizeof(*gr->members));
	if (!order || !rename || !ranked || !gr->communities || !gr->members) {
		err = gg_error_oom();
		goto cleanup;
	}
	for (size_t c = 0; c < count; c++) {
		order[c].id = c;
		order[c].first = SIZE_MAX;
	}
	for (size_t v = 0; v < gr->n_nodes; v++) {
		struct community_order *o = &order[VECTOR(*membership)[v]];
		if (!o->size++)
			o->first = v;
	}
	qsort(order, count, sizeof(*order), compare_communities);
	/* Leiden numbers densely, but a community left empty is dropped here. */
	while (count && !order[count - 1].size)
		count--;
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
		size_t c = rename[VECTOR(*membership)[v]];
		gr->nodes[v].community = (int)c;
		gr->members[order[c].first++] = v;
	}
	for (size_t v = 0; v < gr->n_nodes; v++) {
		ranked[v].rank = gr->nodes[gr->members[v]].pagerank;
		ranked[v].node = gr->members[v];
	}
	for (size_t c = 0; c < count; c++) {
		size_t at = (size_t)(gr->communities[c].members - gr->members);
		qsort(ranked + at, gr->communities[c].size, sizeof(*ranked), compare_ranked);
	}
	for (size_t v = 0; v < gr->n_nodes; v++)
		gr->members[v] = ranked[v].node;
	gr->n_communities = count;
cleanup:
	free(order);
	free(rename);
	free(ranked);
	return err;
}

/*
 * Communities by Leiden with the modularity objective on the undirected
 * weighted graph `u` (weights `w`): node weights are strengths, resolution
 * 1 / 2m. Without edges every node is its own community.
 */
static int find_communities(gg_graph *gr, const igraph_t *u, const igraph_vector_t *w)
{
	igraph_vector_t strength;
	igraph_vector_int_t membership;
	bool has_strength = false, has_membership = false;
	igraph_integer_t count = (igraph_integer_t)gr->n_nodes;
	int err = 0;

	GG_IGRAPH_TRY(igraph_vector_int_init(&membership, (igraph_integer_t)gr->n_nodes));
	has_membership = true;
	for (size_t v = 0; v < gr->n_nodes; v++)
		VECTOR(membership)[v] = (igraph_integer_t)v;
	double total = igraph_vector_sum(w);
	if (total > 0) {
		GG_IGRAPH_TRY(igraph_vector_init(&strength, 0));
		has_strength = true;
		GG_IGRAPH_TRY(igraph_strength(u, &strength, igraph_vss_all(), IGRAPH_ALL,
					      IGRAPH_LOOPS, w));
		GG_IGRAPH_TRY(igraph_rng_seed(igraph_rng_default(), RNG_SEED));
		GG_IGRAPH_TRY(igraph_community_leiden(u, w, &strength, 1.0 / (2 * total), 0.01,
						      false, -1, &membership, &count, NULL));
		GG_IGRAPH_TRY(igraph_modularity(u, &membership, w, 1, IGRAPH_UNDIRECTED,
						&gr->modularity));
	}
	err = order_communities(gr, &membership, (size_t)count);
cleanup:
	if (has_strength)
		igraph_vector_destroy(&strength);
	if (has_membership)
		igraph_vector_int_destroy(&membership);
	return err;
}

/*
 * How many Fruchterman-Reingold iterations a graph of `v` nodes and `e`
 * (collapsed, undirected) edges gets: LAYOUT_BUDGET over the cost of one
 * iteration, within the bounds. Depends on v and e only, so the same graph
 * gets the same layout.
 */
static igraph_integer_t layout_iterations(size_t v, size_t e, bool grid)
{
	double nodes = (double)v, edges = (double)e;
	double cost = grid ? LAYOUT_GRID_COST * (nodes + edges) : nodes * (nodes - 1) / 2 + edges;
	double iterations = cost > 0 ? LAYOUT_BUDGET / cost : LAYOUT_MAX_ITERATIONS;
	iterations = iterations < LAYOUT_MIN_ITERATIONS ? LAYOUT_MIN_ITERATIONS : iterations;
	iterations = iterations > LAYOUT_MAX_ITERATIONS ? LAYOUT_MAX_ITERATIONS : iterations;
	return (igraph_integer_t)iterations;
}

/*
 * Fruchterman-Reingold on the undirected graph `u`, with igraph's grid
 * above LAYOUT_GRID_MIN_NODES nodes, for layout_iterations rounds: about
 * LAYOUT_BUDGET pair interactions in all (below the grid even 25 rounds
 * fit in it), or 25 rounds of O(V + E) for a graph too big for the budget.
 */
static int lay_out(gg_graph *gr, const igraph_t *u)
{
	igraph_matrix_t xy;
	bool has_xy = false;
	int err = 0;

	if (gr->n_nodes < 2)
		return 0;
	bool grid = gr->n_nodes > LAYOUT_GRID_MIN_NODES;
	igraph_integer_t iterations = layout_iterations(gr->n_nodes, (size_t)igraph_ecount(u), grid);
	GG_IGRAPH_TRY(igraph_matrix_init(&xy, 0, 0));
	has_xy = true;
	GG_IGRAPH_TRY(igraph_rng_seed(igraph_rng_default(), RNG_SEED));
	GG_IGRAPH_TRY(igraph_layout_fruchterman_reingold(u, &xy, false, iterations,
							 sqrt((double)gr->n_nodes) / 10,
							 grid ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_NOGRID,
							 NULL, NULL, NULL, NULL, NULL));
	for (size_t v = 0; v < gr->n_nodes; v++) {
		gr->nodes[v].x = MATRIX(xy, v, 0);
		gr->nodes[v].y = MATRIX(xy, v, 1);
	}
cleanup:
	if (has_xy)
		igraph_matrix_destroy(&xy);
	return err;
}

int gg_graph_new(gg_graph **out, const gg_links *l, bool include_held)
{
	gg_graph *gr = calloc(1, sizeof(*gr));
	igraph_t u;
	igraph_vector_t w;
	bool has_u = false;
	int err;

	*out = NULL;
	if (!gr)
		return gg_error_oom();
	gg_i_igraph_init();
	gr->links = l;
	gr->glossary = gg_links_glossary(l);
	if ((err = select_nodes(gr, include_held)) != 0 ||
	    (err = collect_edges(gr, include_held)) != 0 ||
	    (err = make_igraph(gr)) != 0)
		goto cleanup;
	measure_degrees(gr);
	if ((err = measure_pagerank(gr)) != 0 || (err = measure_betweenness(gr)) != 0 ||
	    (err = collapse(gr, false, &u, &w)) != 0)
		goto cleanup;
	has_u = true;
	if ((err = find_communities(gr, &u, &w)) != 0 || (err = lay_out(gr, &u)) != 0)
		goto cleanup;
	*out = gr;
	gr = NULL;
cleanup:
	if (has_u) {
		igraph_vector_destroy(&w);
		igraph_destroy(&u);
	}
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
