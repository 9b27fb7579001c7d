/* communities.c - communities by Leiden (modularity), numbered largest first, members by PageRank. */
#include "graph/graph_i.h"
#include "core/error.h"

#include <stdlib.h>
#include <string.h>

/* Leiden runs twice (the second from the first's partition) up to this many links, once beyond. */
#define LEIDEN_SECOND_ITERATION_LINKS 2e6

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
		gg_i_adjacency_free(&s->level);
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
	s->rng = GG_GRAPH_RNG_SEED;
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
		return gg_i_error_oom();
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
		gg_i_adjacency_free(&next);
		return gg_i_error_oom();
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
		gg_i_adjacency_free(&s->level);
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
		gg_i_adjacency_free(&s->level);
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
		err = gg_i_error_oom();
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
int gg_i_rank_members(gg_graph *gr)
{
	struct ranked *ranked = malloc((gr->n_nodes ? gr->n_nodes : 1) * sizeof(*ranked));

	if (!ranked)
		return gg_i_error_oom();
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
int gg_i_find_communities(gg_graph *gr, const struct adjacency *both, uint32_t *hierarchy)
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
