/* query.c - questions asked of a graph: neighbours, related terms, paths, ranks, figures. */
#include "graph/graph_i.h"
#include "core/buf.h"
#include "core/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define UNSEEN UINT32_MAX
/* The parts of the relatedness score; see gg_query_related in query.h. */
#define SCORE_LINK_TO 1.0
#define SCORE_LINK_BONUS 0.5
#define SCORE_LINK_FROM 0.6
#define SCORE_SHARED_CAP 0.5
#define SCORE_SHARED_UNIT 0.25
#define SCORE_PROXIMITY 0.4
/* Shared neighbours named in a reason. */
#define REASON_NAMES 3

/* 0 for a node of the graph, GG_EINVAL (message set) otherwise. */
static int check_node(const gg_graph *gr, size_t node)
{
	if (node < gr->n_nodes)
		return 0;
	return gg_i_error_set(GG_EINVAL, "node %zu out of range (%zu nodes)", node, gr->n_nodes);
}

/* ---- neighbours ---- */

struct neighbor_row {
	gg_neighbor n;
	double weight;
	const char *name;
	gg_edge_kind kind;
};

/* Depth, outgoing first, heaviest, name, then ids: a total order. */
static int compare_rows(const void *x, const void *y)
{
	const struct neighbor_row *p = x, *q = y;
	int c;
	if (p->n.depth != q->n.depth)
		return p->n.depth < q->n.depth ? -1 : 1;
	if (p->n.incoming != q->n.incoming)
		return p->n.incoming ? 1 : -1;
	if (p->weight != q->weight)
		return p->weight > q->weight ? -1 : 1;
	if ((c = strcmp(p->name, q->name)) != 0)
		return c;
	if (p->n.node != q->n.node)
		return p->n.node < q->n.node ? -1 : 1;
	if (p->n.via != q->n.via)
		return p->n.via < q->n.via ? -1 : 1;
	return p->n.edge < q->n.edge ? -1 : p->n.edge > q->n.edge;
}

struct walk {
	const gg_graph *gr;
	uint32_t *level;       /* per node: depth first reached, UNSEEN */
	size_t *queue;         /* nodes in the order reached */
	size_t queued;
	struct neighbor_row *rows;
	size_t n_rows, cap_rows;
	double min_weight;
};

/* Record edge `e` from `via` at depth `d` if it reaches `node` first at d. */
static int visit(struct walk *w, size_t via, size_t e, size_t node, uint32_t d, bool incoming)
{
	const gg_edge *edge = w->gr->edges[e];
	if (gg_i_edge_weight(edge) < w->min_weight)
		return 0;
	if (w->level[node] == UNSEEN) {
		w->level[node] = d;
		w->queue[w->queued++] = node;
	} else if (w->level[node] != d) {
		return 0;
	}
	if (GG_ARRAY_PUSH_SLOT(w->rows, w->n_rows, w->cap_rows) != 0)
		return gg_i_error_oom();
	struct neighbor_row *r = &w->rows[w->n_rows++];
	r->n = (gg_neighbor){ node, via, e, d, incoming };
	r->weight = gg_i_edge_weight(edge);
	r->name = w->gr->nodes[node].name;
	r->kind = edge->kind;
	return 0;
}

int gg_query_neighbors(gg_neighbor_list *out, const gg_graph *gr, size_t node,
		       gg_direction dir, uint32_t depth, double min_weight)
{
	struct walk w = { gr, NULL, NULL, 0, NULL, 0, 0, min_weight };
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = check_node(gr, node)) != 0)
		return err;
	if (depth == 0 || !(dir & GG_DIR_BOTH))
		return gg_i_error_set(GG_EINVAL, "neighbours need a depth of 1 or more and a direction");
	w.level = malloc(gr->n_nodes * sizeof(*w.level));
	w.queue = malloc(gr->n_nodes * sizeof(*w.queue));
	if (!w.level || !w.queue) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	for (size_t v = 0; v < gr->n_nodes; v++)
		w.level[v] = UNSEEN;
	w.level[node] = 0;
	w.queue[w.queued++] = node;
	size_t begin = 0;
	for (uint32_t d = 1; d <= depth && begin < w.queued; d++) {
		size_t end = w.queued;
		for (size_t q = begin; q < end && !err; q++) {
			size_t u = w.queue[q];
			for (size_t e = gr->out_start[u]; (dir & GG_DIR_OUT) && e < gr->out_start[u + 1] && !err; e++)
				err = visit(&w, u, e, gr->to[e], d, false);
			for (size_t k = gr->in_start[u]; (dir & GG_DIR_IN) && k < gr->in_start[u + 1] && !err; k++)
				err = visit(&w, u, gr->in_edges[k], gr->from[gr->in_edges[k]], d, true);
		}
		if (err)
			goto cleanup;
		begin = end;
	}
	if (w.n_rows)
		qsort(w.rows, w.n_rows, sizeof(*w.rows), compare_rows);
	out->items = malloc((w.n_rows ? w.n_rows : 1) * sizeof(*out->items));
	if (!out->items) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	for (size_t i = 0; i < w.n_rows; i++)
		out->items[i] = w.rows[i].n;
	out->count = w.n_rows;
cleanup:
	free(w.level);
	free(w.queue);
	free(w.rows);
	return err;
}

void gg_neighbor_list_destroy(gg_neighbor_list *l)
{
	free(l->items);
	memset(l, 0, sizeof(*l));
}

/* ---- related terms ---- */

/* Per candidate node: the evidence gathered for it. */
struct evidence {
	double link_to, link_from; /* summed weights of the direct edges */
	double link_bonus;         /* 0 to 1: specificity or a cue of the best edge to it */
	double shared, cocited;    /* Adamic-Adar sums */
	uint32_t n_shared, n_cocited;
	double proximity;
	double score;
};

/* Adamic-Adar's weight of a common neighbour with `degree` links: rarer counts more. */
static double rarity(uint32_t degree)
{
	return 1.0 / log(1.0 + (double)degree);
}

/* Flags in the mark array of a query. */
enum { LINKED_TO = 1, LINKED_FROM = 2 };

/*
 * Whether neighbour x counts as shared (`side` LINKED_TO: a target, by
 * its in-degree; LINKED_FROM: a citing term, by its out-degree): not past
 * GG_I_RELATED_SHARED_DEGREE links.
 */
static bool shared(const gg_graph *gr, size_t x, int side)
{
	const gg_node *v = &gr->nodes[x];
	return (side == LINKED_TO ? v->in_degree : v->out_degree) <= GG_I_RELATED_SHARED_DEGREE;
}

/*
 * Gather direct links, shared targets (both link to X) and co-citations
 * (Z links to both) of `t` into ev; mark[] gets t's direct neighbours.
 * Distinct neighbours only: runs are sorted, so repeats are adjacent.
 */
static void gather_links(const gg_graph *gr, size_t t, struct evidence *ev, uint8_t *mark)
{
	for (size_t e = gr->out_start[t]; e < gr->out_start[t + 1]; e++) {
		const gg_edge *edge = gr->edges[e];
		struct evidence *x = &ev[gr->to[e]];
		double bonus = edge->kind == GG_EDGE_MENTION || edge->kind == GG_EDGE_EDITOR
			? (edge->specificity + (edge->cued ? 1.0 : 0.0)) / 2 : 0;
		x->link_to += gg_i_edge_weight(edge);
		x->link_bonus = bonus > x->link_bonus ? bonus : x->link_bonus;
		mark[gr->to[e]] |= LINKED_TO;
	}
	for (size_t k = gr->in_start[t]; k < gr->in_start[t + 1]; k++) {
		size_t e = gr->in_edges[k];
		ev[gr->from[e]].link_from += gg_i_edge_weight(gr->edges[e]);
		mark[gr->from[e]] |= LINKED_FROM;
	}
	for (size_t e = gr->out_start[t]; e < gr->out_start[t + 1]; e++) {
		size_t x = gr->to[e];
		if ((e > gr->out_start[t] && gr->to[e - 1] == x) || !shared(gr, x, LINKED_TO))
			continue;
		double r = rarity(gr->nodes[x].in_degree);
		for (size_t k = gr->in_start[x]; k < gr->in_start[x + 1]; k++) {
			size_t u = gr->from[gr->in_edges[k]];
			if (u == t || (k > gr->in_start[x] && gr->from[gr->in_edges[k - 1]] == u))
				continue;
			ev[u].shared += r;
			ev[u].n_shared++;
		}
	}
	for (size_t k = gr->in_start[t]; k < gr->in_start[t + 1]; k++) {
		size_t z = gr->from[gr->in_edges[k]];
		if ((k > gr->in_start[t] && gr->from[gr->in_edges[k - 1]] == z) ||
		    !shared(gr, z, LINKED_FROM))
			continue;
		double r = rarity(gr->nodes[z].out_degree);
		for (size_t e = gr->out_start[z]; e < gr->out_start[z + 1]; e++) {
			size_t v = gr->to[e];
			if (v == t || (e > gr->out_start[z] && gr->to[e - 1] == v))
				continue;
			ev[v].cocited += r;
			ev[v].n_cocited++;
		}
	}
}

/* The links of a graph's node for the local push, from its edge runs, into a buffer reused. */
struct run_links {
	const gg_graph *gr;
	gg_i_push_link *links;
	size_t cap;
};

/* A gg_i_push_graph's `links` over the edge runs of payload's graph. */
static int links_of_runs(void *payload, size_t u, const gg_i_push_link **out, size_t *n)
{
	struct run_links *r = payload;
	const gg_graph *gr = r->gr;
	size_t k = 0, need = (gr->out_start[u + 1] - gr->out_start[u]) +
			     (gr->in_start[u + 1] - gr->in_start[u]);

	if (need > r->cap) {
		gg_i_push_link *more = realloc(r->links, need * sizeof(*more));
		if (!more)
			return gg_i_error_oom();
		r->links = more;
		r->cap = need;
	}
	for (size_t e = gr->out_start[u]; e < gr->out_start[u + 1]; e++) {
		const gg_node *x = &gr->nodes[gr->to[e]];
		r->links[k++] = (gg_i_push_link){ (uint32_t)gr->to[e], VECTOR(gr->weight)[e],
						  x->out_weight + x->in_weight };
	}
	for (size_t i = gr->in_start[u]; i < gr->in_start[u + 1]; i++) {
		size_t e = gr->in_edges[i];
		const gg_node *x = &gr->nodes[gr->from[e]];
		r->links[k++] = (gg_i_push_link){ (uint32_t)gr->from[e], VECTOR(gr->weight)[e],
						  x->out_weight + x->in_weight };
	}
	*out = r->links;
	*n = k;
	return 0;
}

/*
 * Personalised PageRank from t over the links taken both ways, weighted,
 * by local push (gg_i_proximity_push): near t only, so that a saved graph
 * opened around t (gg_store_open_options.around_related) holds all it
 * reads. Scaled to 1 at the best term. Returns 0 or GG_ENOMEM.
 */
static int gather_proximity(const gg_graph *gr, size_t t, struct evidence *ev)
{
	double *rank = calloc(gr->n_nodes, sizeof(*rank));
	struct run_links runs = { gr, NULL, 0 };
	gg_i_push_graph g = { gr->n_nodes, links_of_runs, &runs };
	int err;

	if (!rank)
		return gg_i_error_oom();
	err = gg_i_proximity_push(&g, t, gr->nodes[t].out_weight + gr->nodes[t].in_weight, rank);
	free(runs.links);
	if (err) {
		free(rank);
		return err;
	}
	double best = 0;
	for (size_t v = 0; v < gr->n_nodes; v++)
		if (v != t && gr->nodes[v].kind == GG_CONCEPT_TERM && rank[v] > best)
			best = rank[v];
	for (size_t v = 0; v < gr->n_nodes && best > 0; v++)
		ev[v].proximity = v == t ? 0 : fmin(1, rank[v] / best);
	free(rank);
	return 0;
}

/* x, or cap when x is larger. */
static double capped(double x, double cap)
{
	return x < cap ? x : cap;
}

/* The relatedness score of a candidate from its evidence (query.h tells the parts). */
static double blend(const struct evidence *x)
{
	double s = 0;
	if (x->link_to > 0)
		s += SCORE_LINK_TO + SCORE_LINK_BONUS * x->link_bonus;
	if (x->link_from > 0)
		s += SCORE_LINK_FROM;
	s += capped(SCORE_SHARED_UNIT * x->shared, SCORE_SHARED_CAP);
	s += capped(SCORE_SHARED_UNIT * x->cocited, SCORE_SHARED_CAP);
	return s + SCORE_PROXIMITY * x->proximity;
}

struct candidate {
	double score;
	const char *name;
	size_t node;
};

/* Highest score first, then name, then node id. */
static int compare_candidates(const void *x, const void *y)
{
	const struct candidate *p = x, *q = y;
	int c;
	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	if ((c = strcmp(p->name, q->name)) != 0)
		return c;
	return p->node < q->node ? -1 : p->node > q->node;
}

/* The kinds of the edges from a to b, as words: "3 mentions, category". */
static void describe_edges(gg_i_buf *b, const gg_graph *gr, size_t a, size_t to)
{
	bool first = true;
	for (size_t e = gr->out_start[a]; e < gr->out_start[a + 1]; e++) {
		if (gr->to[e] != to)
			continue;
		const gg_edge *edge = gr->edges[e];
		gg_i_buf_puts(b, first ? "" : ", ");
		first = false;
		switch (edge->kind) {
		case GG_EDGE_MENTION:
			gg_i_buf_printf(b, "%u mention%s", edge->weight, edge->weight == 1 ? "" : "s");
			break;
		case GG_EDGE_EDITOR:
			gg_i_buf_puts(b, "editor link");
			break;
		case GG_EDGE_CATEGORY:
			gg_i_buf_puts(b, "category");
			break;
		case GG_EDGE_KEYWORD:
			gg_i_buf_puts(b, "header keyword");
			break;
		case GG_EDGE_KIND_COUNT:
			break;
		}
	}
}

/* Names up to REASON_NAMES of `n` common neighbours, rarest first: "X, Y and 2 more". */
static void describe_common(gg_i_buf *b, const gg_graph *gr, struct candidate *common, size_t n)
{
	qsort(common, n, sizeof(*common), compare_candidates);
	for (size_t i = 0; i < n && i < REASON_NAMES; i++)
		gg_i_buf_printf(b, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ",
			      gr->nodes[common[i].node].name);
	if (n > REASON_NAMES)
		gg_i_buf_printf(b, " and %zu more", n - REASON_NAMES);
}

/*
 * Append the reasons for candidate v of query t. `scratch` has room for
 * v's degree in both directions. Errors show in the buffer (gg_i_buf_ok).
 */
static void write_reasons(gg_i_buf *b, const gg_graph *gr, size_t t, size_t v,
			  const struct evidence *x, const uint8_t *mark, struct candidate *scratch)
{
	const char *sep = "";
	size_t n;

	if (x->link_to > 0) {
		gg_i_buf_printf(b, "%s links to it (", gr->nodes[t].name);
		describe_edges(b, gr, t, v);
		gg_i_buf_putc(b, ')');
		sep = "; ";
	}
	if (x->link_from > 0) {
		gg_i_buf_printf(b, "%sit links to %s (", sep, gr->nodes[t].name);
		describe_edges(b, gr, v, t);
		gg_i_buf_putc(b, ')');
		sep = "; ";
	}
	n = 0;
	for (size_t e = gr->out_start[v]; e < gr->out_start[v + 1]; e++) {
		size_t c = gr->to[e];
		if (!(mark[c] & LINKED_TO) || (e > gr->out_start[v] && gr->to[e - 1] == c) ||
		    !shared(gr, c, LINKED_TO))
			continue;
		scratch[n++] = (struct candidate){ rarity(gr->nodes[c].in_degree), gr->nodes[c].name, c };
	}
	if (n) {
		gg_i_buf_printf(b, "%sboth link to ", sep);
		describe_common(b, gr, scratch, n);
		sep = "; ";
	}
	n = 0;
	for (size_t k = gr->in_start[v]; k < gr->in_start[v + 1]; k++) {
		size_t c = gr->from[gr->in_edges[k]];
		if (!(mark[c] & LINKED_FROM) ||
		    (k > gr->in_start[v] && gr->from[gr->in_edges[k - 1]] == c) ||
		    !shared(gr, c, LINKED_FROM))
			continue;
		scratch[n++] = (struct candidate){ rarity(gr->nodes[c].out_degree), gr->nodes[c].name, c };
	}
	if (n) {
		gg_i_buf_printf(b, "%sboth linked from ", sep);
		describe_common(b, gr, scratch, n);
		sep = "; ";
	}
	gg_i_buf_printf(b, "%srandom-walk proximity %.2f", sep, x->proximity);
}

/* Rank the term candidates of t by their evidence; the best `max` go to out. */
static int rank_related(gg_related_list *out, const gg_graph *gr, size_t t, size_t max,
			const struct evidence *ev, const uint8_t *mark)
{
	struct candidate *c = malloc(gr->n_nodes * sizeof(*c));
	struct candidate *scratch = NULL;
	size_t *offsets = NULL;
	gg_i_buf text = GG_BUF_INIT;
	size_t n = 0;
	int err = 0;

	if (!c)
		return gg_i_error_oom();
	for (size_t v = 0; v < gr->n_nodes; v++)
		if (v != t && gr->nodes[v].kind == GG_CONCEPT_TERM && ev[v].score > 0)
			c[n++] = (struct candidate){ ev[v].score, gr->nodes[v].name, v };
	qsort(c, n, sizeof(*c), compare_candidates);
	n = n < max ? n : max;
	size_t most = 0;
	for (size_t i = 0; i < n; i++) {
		size_t v = c[i].node, d = (gr->out_start[v + 1] - gr->out_start[v]) +
					  (gr->in_start[v + 1] - gr->in_start[v]);
		most = d > most ? d : most;
	}
	out->items = calloc(n ? n : 1, sizeof(*out->items));
	offsets = malloc((n ? n : 1) * sizeof(*offsets));
	scratch = malloc((most ? most : 1) * sizeof(*scratch));
	if (!out->items || !offsets || !scratch) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	for (size_t i = 0; i < n; i++) {
		size_t v = c[i].node;
		const struct evidence *x = &ev[v];
		out->items[i] = (gg_related){
			v, x->score, (uint32_t)x->link_to, (uint32_t)x->link_from,
			x->n_shared, x->n_cocited, x->proximity, NULL
		};
		offsets[i] = text.len;
		write_reasons(&text, gr, t, v, x, mark, scratch);
		gg_i_buf_putc(&text, '\0');
	}
	if ((err = gg_i_buf_ok(&text)) != 0)
		goto cleanup;
	out->text = gg_i_buf_detach(&text);
	for (size_t i = 0; i < n && out->text; i++)
		out->items[i].reasons = out->text + offsets[i];
	out->count = n;
cleanup:
	gg_i_buf_free(&text);
	free(c);
	free(scratch);
	free(offsets);
	return err;
}

int gg_query_related(gg_related_list *out, const gg_graph *gr, size_t node, size_t max)
{
	struct evidence *ev = NULL;
	uint8_t *mark = NULL;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = check_node(gr, node)) != 0)
		return err;
	ev = calloc(gr->n_nodes, sizeof(*ev));
	mark = calloc(gr->n_nodes, sizeof(*mark));
	if (!ev || !mark) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	gather_links(gr, node, ev, mark);
	if ((err = gather_proximity(gr, node, ev)) != 0)
		goto cleanup;
	for (size_t v = 0; v < gr->n_nodes; v++)
		ev[v].score = blend(&ev[v]);
	err = rank_related(out, gr, node, max, ev, mark);
cleanup:
	if (err)
		gg_related_list_destroy(out);
	free(ev);
	free(mark);
	return err;
}

void gg_related_list_destroy(gg_related_list *l)
{
	free(l->items);
	free(l->text);
	memset(l, 0, sizeof(*l));
}

/* ---- paths ---- */

/* The heaviest edge a -> b (the first of equal weight: mentions sort first), or SIZE_MAX. */
static size_t best_edge(const gg_graph *gr, size_t a, size_t b)
{
	size_t best = SIZE_MAX;
	for (size_t e = gr->out_start[a]; e < gr->out_start[a + 1]; e++)
		if (gr->to[e] == b && (best == SIZE_MAX ||
				       gg_i_edge_weight(gr->edges[e]) > gg_i_edge_weight(gr->edges[best])))
			best = e;
	return best;
}

int gg_query_path(gg_path *out, const gg_graph *gr, size_t from, size_t to, bool undirected)
{
	igraph_vector_int_t vertices;
	bool has_vertices = false, ready;
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = check_node(gr, from)) != 0 || (err = check_node(gr, to)) != 0)
		return err;
	if (from == to)
		return 0;
	if ((err = gg_i_graph_igraph(&ready, gr)) != 0)
		return err;
	if (!ready)
		return gg_i_error_set(GG_EINVAL, "a graph opened without its text has no paths: open it whole");
	GG_IGRAPH_TRY(igraph_vector_int_init(&vertices, 0));
	has_vertices = true;
	GG_IGRAPH_TRY(igraph_get_shortest_path(&gr->ig, &vertices, NULL, (igraph_integer_t)from,
					       (igraph_integer_t)to,
					       undirected ? IGRAPH_ALL : IGRAPH_OUT));
	size_t n = (size_t)igraph_vector_int_size(&vertices);
	if (n < 2) {
		err = gg_i_error_set(GG_ENOTFOUND, "no chain of cross-references %s '%s' %s '%s'",
				   undirected ? "between" : "from", gr->nodes[from].name,
				   undirected ? "and" : "to", gr->nodes[to].name);
		goto cleanup;
	}
	out->hops = malloc((n - 1) * sizeof(*out->hops));
	if (!out->hops) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	for (size_t i = 0; i + 1 < n; i++) {
		size_t a = (size_t)VECTOR(vertices)[i], b = (size_t)VECTOR(vertices)[i + 1];
		size_t e = best_edge(gr, a, b);
		bool reverse = e == SIZE_MAX;
		out->hops[i] = (gg_hop){ a, b, reverse ? best_edge(gr, b, a) : e, reverse };
	}
	out->count = n - 1;
cleanup:
	if (has_vertices)
		igraph_vector_int_destroy(&vertices);
	return err;
}

void gg_path_destroy(gg_path *p)
{
	free(p->hops);
	memset(p, 0, sizeof(*p));
}

/* ---- central terms ---- */

struct ranked_node {
	double key[3];
	const char *name;
	size_t node;
};

/* Keys highest first, in order, then name, then node id. */
static int compare_ranked_nodes(const void *x, const void *y)
{
	const struct ranked_node *p = x, *q = y;
	for (size_t i = 0; i < 3; i++)
		if (p->key[i] != q->key[i])
			return p->key[i] > q->key[i] ? -1 : 1;
	int c = strcmp(p->name, q->name);
	return c ? c : p->node < q->node ? -1 : p->node > q->node;
}

int gg_query_top(gg_ranking *out, const gg_graph *gr, gg_centrality by, size_t max,
		 bool with_keywords)
{
	memset(out, 0, sizeof(*out));
	if ((unsigned)by >= GG_CENTRALITY_COUNT)
		return gg_i_error_set(GG_EINVAL, "no such centrality: %d", (int)by);
	struct ranked_node *r = malloc((gr->n_nodes ? gr->n_nodes : 1) * sizeof(*r));
	size_t n = 0;
	if (!r)
		return gg_i_error_oom();
	for (size_t v = 0; v < gr->n_nodes; v++) {
		const gg_node *x = &gr->nodes[v];
		if (x->kind != GG_CONCEPT_TERM && !with_keywords)
			continue;
		struct ranked_node *k = &r[n++];
		k->name = x->name;
		k->node = v;
		switch (by) {
		case GG_BY_IN_DEGREE:
			k->key[0] = x->in_degree;
			k->key[1] = x->in_weight;
			break;
		case GG_BY_BETWEENNESS:
			k->key[0] = x->betweenness;
			k->key[1] = x->pagerank;
			break;
		case GG_BY_PAGERANK:
		case GG_CENTRALITY_COUNT: /* refused above */
			k->key[0] = x->pagerank;
			k->key[1] = x->in_degree;
			break;
		}
		k->key[2] = x->pagerank;
	}
	qsort(r, n, sizeof(*r), compare_ranked_nodes);
	n = n < max ? n : max;
	out->nodes = malloc((n ? n : 1) * sizeof(*out->nodes));
	if (!out->nodes) {
		free(r);
		return gg_i_error_oom();
	}
	for (size_t i = 0; i < n; i++)
		out->nodes[i] = r[i].node;
	out->count = n;
	free(r);
	return 0;
}

void gg_ranking_destroy(gg_ranking *r)
{
	free(r->nodes);
	memset(r, 0, sizeof(*r));
}

/* ---- figures ---- */

/* The root of v's set, halving the path on the way. */
static size_t find_root(size_t *parent, size_t v)
{
	while (parent[v] != v) {
		parent[v] = parent[parent[v]];
		v = parent[v];
	}
	return v;
}

/* How many weakly connected components (edges either way), and the largest one's size: union-find. */
static int weak_components(const gg_graph *gr, size_t *count, size_t *largest)
{
	size_t n = gr->n_nodes;
	size_t *parent = malloc((n ? n : 1) * sizeof(*parent));
	size_t *size = calloc(n ? n : 1, sizeof(*size));
	if (!parent || !size) {
		free(parent);
		free(size);
		return gg_i_error_oom();
	}
	for (size_t v = 0; v < n; v++)
		parent[v] = v;
	for (size_t e = 0; e < gr->n_edges; e++) {
		size_t a = find_root(parent, gr->from[e]), b = find_root(parent, gr->to[e]);
		if (a != b)
			parent[a > b ? a : b] = a < b ? a : b;
	}
	*count = *largest = 0;
	for (size_t v = 0; v < n; v++) {
		size_t r = find_root(parent, v);
		*count += r == v;
		if (++size[r] > *largest)
			*largest = size[r];
	}
	free(parent);
	free(size);
	return 0;
}

/*
 * How many strongly connected components: Tarjan's algorithm with an
 * explicit stack of (node, next outgoing edge), so that a long chain does
 * not exhaust the call stack.
 */
static int strong_components(const gg_graph *gr, size_t *count)
{
	size_t n = gr->n_nodes, next_index = 1, depth = 0, top = 0;
	size_t *index = calloc(n ? n : 1, sizeof(*index)); /* 0: not visited */
	size_t *low = malloc((n ? n : 1) * sizeof(*low));
	size_t *stack = malloc((n ? n : 1) * sizeof(*stack));
	size_t *frame = malloc((n ? n : 1) * sizeof(*frame)); /* the nodes being walked */
	size_t *edge = malloc((n ? n : 1) * sizeof(*edge));   /* per frame: its next edge */
	uint8_t *on_stack = calloc(n ? n : 1, 1);
	int err = 0;

	*count = 0;
	if (!index || !low || !stack || !frame || !edge || !on_stack) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	for (size_t root = 0; root < n; root++) {
		if (index[root])
			continue;
		index[root] = low[root] = next_index++;
		stack[top++] = root;
		on_stack[root] = 1;
		frame[0] = root;
		edge[0] = gr->out_start[root];
		depth = 1;
		while (depth) {
			size_t v = frame[depth - 1];
			if (edge[depth - 1] < gr->out_start[v + 1]) {
				size_t w = gr->to[edge[depth - 1]++];
				if (!index[w]) {
					index[w] = low[w] = next_index++;
					stack[top++] = w;
					on_stack[w] = 1;
					frame[depth] = w;
					edge[depth++] = gr->out_start[w];
				} else if (on_stack[w] && index[w] < low[v]) {
					low[v] = index[w];
				}
				continue;
			}
			if (low[v] == index[v]) { /* v roots a component: take it off the stack */
				size_t w;
				do {
					w = stack[--top];
					on_stack[w] = 0;
				} while (w != v);
				(*count)++;
			}
			if (--depth && low[v] < low[frame[depth - 1]])
				low[frame[depth - 1]] = low[v];
		}
	}
cleanup:
	free(index);
	free(low);
	free(stack);
	free(frame);
	free(edge);
	free(on_stack);
	return err;
}

int gg_query_stats(gg_graph_stats *out, const gg_graph *gr)
{
	int err;

	memset(out, 0, sizeof(*out));
	if (!gr->ig_on_demand && !gr->has_ig) /* a part of a saved graph (gg_store_open_options) */
		return gg_i_error_set(GG_EINVAL, "a graph opened in part has no figures: open it whole");
	out->nodes = gr->n_nodes;
	for (size_t v = 0; v < gr->n_nodes; v++) {
		const gg_node *x = &gr->nodes[v];
		if (x->kind == GG_CONCEPT_TERM)
			out->terms++;
		else
			out->keywords++;
		if (!x->in_degree && !x->out_degree)
			out->isolated++;
		out->linked_pairs += x->out_degree;
	}
	out->edges = gr->n_edges;
	for (size_t i = 0; i < gr->n_edges; i++)
		out->edges_by_kind[gr->edges[i]->kind]++;
	out->links_left_out = gg_links_count(gr->links) + gg_links_dropped(gr->links) - gr->n_edges;
	out->communities = gr->n_communities;
	out->modularity = gr->modularity;
	if (gr->n_nodes > 1)
		out->density = (double)out->linked_pairs /
			       ((double)gr->n_nodes * (double)(gr->n_nodes - 1));
	if (gr->n_nodes)
		out->mean_degree = 2.0 * (double)out->linked_pairs / (double)gr->n_nodes;
	if ((err = weak_components(gr, &out->components, &out->largest_component)) != 0 ||
	    (err = strong_components(gr, &out->strong_components)) != 0)
		return err;
	return 0;
}
