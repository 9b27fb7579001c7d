/* graph.c - the concept graph: its nodes and edges, the measures computed once, and its accessors. */
#include "graph/graph_i.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/threads.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

	gr->node_of = calloc(n_concepts ? n_concepts : 1, sizeof(*gr->node_of));
	if (!last_source || !sources || !mentioned || !gr->node_of) {
		err = gg_i_error_oom();
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
		gr->node_of[c] = keep ? ++gr->n_nodes : 0;
	}
	/* The measures number nodes in 32 bits (half the memory traffic). */
	if (gr->n_nodes >= UINT32_MAX) {
		err = gg_i_error_set(GG_ELIMIT, "%zu nodes: more than a graph holds (%u)",
				   gr->n_nodes, UINT32_MAX - 1);
		goto cleanup;
	}
	gr->nodes = calloc(gr->n_nodes ? gr->n_nodes : 1, sizeof(*gr->nodes));
	if (!gr->nodes) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	for (size_t c = 0; c < n_concepts; c++) {
		if (gr->node_of[c] == 0)
			continue;
		const gg_concept *k = gg_glossary_concept(gr->glossary, c);
		gg_node *v = &gr->nodes[gr->node_of[c] - 1];
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
int gg_i_graph_collect_edges(gg_graph *gr, bool include_held)
{
	size_t n_links = gg_links_count(gr->links);
	size_t v_alloc = gr->n_nodes + 1;

	for (size_t i = 0; i < n_links; i++) {
		const gg_edge *e = gg_links_edge(gr->links, i);
		if (edge_wanted(e, include_held) && gr->node_of[e->source] && gr->node_of[e->target])
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
		return gg_i_error_oom();

	size_t k = 0;
	for (size_t i = 0; i < n_links; i++) {
		const gg_edge *e = gg_links_edge(gr->links, i);
		if (!edge_wanted(e, include_held) || !gr->node_of[e->source] || !gr->node_of[e->target])
			continue;
		gr->edges[k] = e;
		gr->from[k] = gr->node_of[e->source] - 1;
		gr->to[k] = gr->node_of[e->target] - 1;
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
int gg_i_graph_make_weights(gg_graph *gr)
{
	int err = 0;

	GG_IGRAPH_TRY(igraph_vector_init(&gr->weight, (igraph_integer_t)gr->n_edges));
	gr->has_weight = true;
	for (size_t i = 0; i < gr->n_edges; i++)
		VECTOR(gr->weight)[i] = gg_i_edge_weight(gr->edges[i]);
cleanup:
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

/* The second thread's work: it reads the edge runs, and alone calls igraph meanwhile. */
struct side_task {
	gg_graph *gr;
	struct betweenness *betweenness;
	gg_i_thread_error err;
};

/*
 * Thread body: set betweenness up, PageRank and sizes, then betweenness
 * blocks until none is left; an error is kept with its message.
 */
static void *side_measures(void *arg)
{
	struct side_task *t = arg;
	int err;

	if ((err = gg_i_betweenness_prepare(t->gr, t->betweenness)) == 0 &&
	    (err = gg_i_measure_pagerank(t->gr)) == 0)
		err = gg_i_betweenness_work(t->betweenness, t->gr->n_nodes);
	gg_i_thread_error_keep(&t->err, err);
	return NULL;
}

void gg_graph_options_init(gg_graph_options *o)
{
	o->include_held = false;
	o->threads = 0;
	o->progress = (gg_progress){ 0 };
	o->without_measures = false;
}

int gg_graph_new(gg_graph **out, const gg_links *l, const gg_graph_options *o)
{
	gg_graph_options defaults;
	gg_graph *gr = calloc(1, sizeof(*gr));
	struct adjacency both = { 0 };
	struct betweenness betweenness = { .lock = PTHREAD_MUTEX_INITIALIZER };
	struct side_task side = { .betweenness = &betweenness };
	pthread_t thread;
	uint32_t *hierarchy = NULL;
	int err;

	*out = NULL;
	if (!gr)
		return gg_i_error_oom();
	if (pthread_mutex_init(&gr->ig_lock, NULL) != 0) {
		free(gr);
		return gg_i_error_oom();
	}
	gr->ig_on_demand = true;
	if (!o) {
		gg_graph_options_init(&defaults);
		o = &defaults;
	}
	gg_i_igraph_init();
	gg_i_progress(&o->progress, GG_STAGE_GRAPH, 0);
	betweenness.progress = &o->progress;
	gr->links = l;
	gr->glossary = gg_links_glossary(l);
	if ((err = select_nodes(gr, o->include_held)) != 0 ||
	    (err = gg_i_graph_collect_edges(gr, o->include_held)) != 0 ||
	    (err = gg_i_graph_make_weights(gr)) != 0)
		goto cleanup;
	measure_degrees(gr);
	if (o->without_measures)
		goto done;
	if (!(hierarchy = malloc((gr->n_nodes ? gr->n_nodes : 1) * sizeof(*hierarchy)))) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	gg_i_progress(&o->progress, GG_STAGE_GRAPH, GRAPH_MEASURES_FROM);
	/*
	 * A second thread (or this one first, when one thread is asked for or
	 * none can start) finds PageRank and betweenness, while this one finds
	 * the communities and a big graph's layout, then takes betweenness
	 * blocks too. igraph is not thread-safe: a small graph's layout, which
	 * calls it, waits for the join. Each result is the same either way. The
	 * igraph copy of the graph is made later, if a query needs it
	 * (gg_i_graph_igraph).
	 */
	side.gr = gr;
	bool threaded = gg_i_thread_count(o->threads, 2) > 1 &&
			pthread_create(&thread, NULL, side_measures, &side) == 0;
	if (!threaded)
		side_measures(&side);
	if ((err = gg_i_adjacency_both(gr, &both)) == 0 &&
	    (err = gg_i_find_communities(gr, &both, hierarchy)) == 0 &&
	    (gr->n_nodes <= GG_LAYOUT_FR_MAX_NODES || (err = gg_i_lay_out_map(gr, &both, hierarchy)) == 0))
		err = gg_i_betweenness_work(&betweenness, gr->n_nodes);
	if (threaded)
		pthread_join(thread, NULL);
	if (!err)
		err = gg_i_thread_error_raise(&side.err);
	if (!err && gr->n_nodes <= GG_LAYOUT_FR_MAX_NODES)
		err = gg_i_lay_out_small(gr, &both);
	if (!err) {
		gg_i_betweenness_finish(gr, &betweenness);
		err = gg_i_rank_members(gr);
	}
	if (err)
		goto cleanup;
done:
	gg_i_progress(&o->progress, GG_STAGE_GRAPH, 1);
	*out = gr;
	gr = NULL;
cleanup:
	gg_i_betweenness_free(&betweenness);
	pthread_mutex_destroy(&betweenness.lock);
	free(hierarchy);
	gg_i_adjacency_free(&both);
	gg_graph_free(gr);
	return err;
}

void gg_graph_free(gg_graph *gr)
{
	if (!gr)
		return;
	if (gr->has_ig)
		igraph_destroy(&gr->ig);
	if (gr->ig_on_demand)
		pthread_mutex_destroy(&gr->ig_lock);
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

int gg_graph_node_of(size_t *node, const gg_graph *gr, size_t concept)
{
	if (concept >= gg_glossary_concept_count(gr->glossary))
		return gg_i_error_set(GG_EINVAL, "concept %zu out of range", concept);
	if (gr->node_of[concept] == 0)
		return gg_i_error_set(GG_ENOTFOUND, "'%s' is not in the graph (a header keyword "
				    "only one concept lists, and no definition names)",
				    gg_glossary_concept(gr->glossary, concept)->name);
	*node = gr->node_of[concept] - 1;
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
