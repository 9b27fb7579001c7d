/* path.c - the shortest chain between two concepts of a saved graph, found by a search from both ends over indexed look-ups. */
#include "store/store_i.h"
#include "core/error.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * gg_query_path asks igraph for a shortest path: a breadth-first search
 * from FROM that takes each node's neighbours by ascending node number
 * and keeps, for each node, the first that reached it. Of all shortest
 * chains that is the least when chains are compared node number by node
 * number from FROM on (each node's chain is its first finder's, which is
 * the least finder's chain, plus itself). A search from FROM alone would
 * read most of a big graph before it reaches a term five hops away; a
 * search from both ends meets halfway, reading the square root of that.
 * Its two halves give every node on a shortest chain, and the least chain
 * is then chosen hop by hop from FROM: the least-numbered next node that
 * is still on a shortest chain.
 */

enum { FORWARD = 0, BACKWARD = 1 };

/* An edge met by one side's search: `near` reached `far` one hop further from that side's end. */
typedef struct hop_pair {
	uint32_t near, far;
} hop_pair;

/* One side's search: distances from its end, the nodes by level, the pairs met. */
typedef struct side {
	uint32_t *dist;     /* per concept: hops from this side's end + 1, 0 unreached */
	uint32_t *order;    /* the concepts reached, level after level */
	size_t n_order, level_start, level; /* level: the deepest level reached */
	hop_pair *pairs;    /* in the order met: deeper levels later */
	size_t n_pairs, cap_pairs;
	uint64_t cost, next_cost; /* the links of the deepest level, and of the one being reached */
	sqlite3_stmt *ends[2]; /* the concepts a concept's kept edges lead to: [0] and, undirected, [1] */
	int degree_columns[2]; /* the columns of `degree` those counts are in (-1: none) */
} side;

/* A search in progress. */
typedef struct path_search {
	gg_i_store_reader *r;
	size_t n_concepts;
	side s[2];
	sqlite3_stmt *degree; /* a concept's kept links out and in, and its node */
	uint32_t *node;       /* per concept read by `degree`: its node + 1; 0 none, or not read */
} path_search;

static bool add_pair(path_search *p, side *s, uint32_t near, uint32_t far)
{
	if (s->n_pairs == s->cap_pairs) {
		size_t grown = s->cap_pairs ? 2 * s->cap_pairs : 256;
		hop_pair *more = realloc(s->pairs, grown * sizeof(*more));
		if (!more) {
			p->r->err = gg_i_error_oom();
			return false;
		}
		s->pairs = more;
		s->cap_pairs = grown;
	}
	s->pairs[s->n_pairs++] = (hop_pair){ near, far };
	return true;
}

/*
 * Whether concept c is a node of the graph, and into *links how many kept
 * links side s reads to grow from it. A kept link to a keyword that is no
 * node (one concept names it) is no edge of the graph. False on error too.
 */
static bool node_links(path_search *p, const side *s, uint32_t c, uint64_t *links)
{
	*links = 0;
	sqlite3_reset(p->degree);
	sqlite3_bind_int64(p->degree, 1, c);
	if (!gg_i_store_next_row(p->r, p->degree) || sqlite3_column_type(p->degree, 2) == SQLITE_NULL)
		return false;
	p->node[c] = (uint32_t)sqlite3_column_int64(p->degree, 2) + 1;
	for (int k = 0; k < 2; k++)
		if (s->degree_columns[k] >= 0)
			*links += (uint64_t)sqlite3_column_int64(p->degree, s->degree_columns[k]);
	return true;
}

/* Reach v from c on side s (unless v is no node), keeping the pair when v is one level deeper. */
static bool reach(path_search *p, side *s, uint32_t c, uint32_t v)
{
	if (!s->dist[v]) {
		uint64_t links;
		if (!node_links(p, s, v, &links))
			return !p->r->err;
		s->dist[v] = s->dist[c] + 1;
		s->order[s->n_order++] = v;
		s->next_cost += links;
	}
	return s->dist[v] != s->dist[c] + 1 || add_pair(p, s, c, v);
}

/*
 * Reach every concept `c`'s kept edges lead to on side s (its statements);
 * an edge of a concept to itself is no hop, a concept out of range damage.
 */
static void grow_from(path_search *p, side *s, uint32_t c)
{
	for (int k = 0; k < 2 && s->ends[k] && !p->r->err; k++) {
		sqlite3_stmt *q = s->ends[k];
		sqlite3_reset(q);
		sqlite3_bind_int64(q, 1, c);
		while (gg_i_store_next_row(p->r, q)) {
			int64_t v = sqlite3_column_int64(q, 0);
			if (v < 0 || (uint64_t)v >= p->n_concepts) {
				gg_i_store_damaged(p->r, "an edge names a concept that is not there");
				return;
			}
			if ((uint32_t)v != c && !reach(p, s, c, (uint32_t)v))
				return;
		}
	}
}

/*
 * Grow side s by one level (reading its deepest level's links); returns
 * the length of the shortest chain through a node the other side reached
 * (UINT32_MAX: none met).
 */
static uint32_t grow(path_search *p, side *s, const side *other)
{
	size_t begin = s->level_start, end = s->n_order;
	uint32_t best = UINT32_MAX;
	for (size_t i = begin; i < end && !p->r->err; i++)
		grow_from(p, s, s->order[i]);
	s->level_start = end;
	s->level++;
	s->cost = s->next_cost;
	s->next_cost = 0;
	for (size_t i = end; i < s->n_order; i++) {
		uint32_t v = s->order[i];
		if (other->dist[v] && s->dist[v] + other->dist[v] - 2 < best)
			best = s->dist[v] + other->dist[v] - 2;
	}
	return best;
}

/* The position on a shortest chain of length d of a concept marked on one, from the forward side. */
static uint32_t position(const path_search *p, uint32_t v, uint32_t d, uint32_t meet)
{
	uint32_t f = p->s[FORWARD].dist[v];
	return f && f - 1 <= meet ? f - 1 : d - (p->s[BACKWARD].dist[v] - 1);
}

/*
 * Of the concepts one hop on from chain[i] = `at` on a shortest chain (d
 * hops, met at `meet`), the one of the least node number (UINT32_MAX: none).
 * Before the meeting level the pairs of the forward side hold the hop, after
 * it the other side's.
 */
static uint32_t next_on_chain(const path_search *p, const uint8_t *on, size_t at, uint32_t i,
			      uint32_t d, uint32_t meet)
{
	const side *s = &p->s[i < meet ? FORWARD : BACKWARD];
	uint32_t best = UINT32_MAX, best_node = UINT32_MAX;
	for (size_t k = 0; k < s->n_pairs; k++) {
		hop_pair h = s->pairs[k];
		uint32_t here = i < meet ? h.near : h.far, next = i < meet ? h.far : h.near;
		if (here != at || !on[next] || position(p, next, d, meet) != i + 1)
			continue;
		if (p->node[next] - 1 < best_node) { /* every concept reached is a node */
			best_node = p->node[next] - 1;
			best = next;
		}
	}
	return best;
}

/*
 * Mark every concept on a shortest chain of length d (the sides met at
 * forward level `meet`, whose nodes the other side reached at d - meet),
 * then choose the chain hop by hop into chain[0..d].
 */
static void choose_chain(path_search *p, size_t from, uint32_t d, uint32_t meet, size_t *chain)
{
	const side *f = &p->s[FORWARD], *b = &p->s[BACKWARD];
	uint8_t *on = calloc(p->n_concepts ? p->n_concepts : 1, 1);
	if (!on) {
		p->r->err = gg_i_error_oom();
		return;
	}
	for (size_t i = 0; i < f->n_order; i++) {
		uint32_t v = f->order[i];
		on[v] = f->dist[v] == meet + 1 && b->dist[v] == d - meet + 1;
	}
	/* back from the meeting level to FROM: deeper pairs come later */
	for (size_t i = f->n_pairs; i-- > 0;) {
		hop_pair h = f->pairs[i];
		if (on[h.far] && f->dist[h.far] <= meet + 1)
			on[h.near] = 1;
	}
	/* on from the meeting level to TO, along the other side's pairs */
	for (size_t i = b->n_pairs; i-- > 0;) {
		hop_pair h = b->pairs[i];
		if (on[h.far] && b->dist[h.far] && b->dist[h.far] <= d - meet + 1)
			on[h.near] = 1;
	}
	chain[0] = from;
	for (uint32_t i = 0; i < d && !p->r->err; i++) {
		uint32_t next = next_on_chain(p, on, chain[i], i, d, meet);
		if (next == UINT32_MAX)
			gg_i_store_damaged(p->r, "a chain of links breaks off");
		chain[i + 1] = next;
	}
	free(on);
}

/* Prepare side s's statements: the edges out of a concept (`out`) and, undirected, into it too. */
static void prepare_side(path_search *p, side *s, bool out, bool undirected)
{
	s->ends[0] = gg_i_store_prepare_kept(p->r, out ? "target" : "source", !out, false, false);
	s->ends[1] = undirected ? gg_i_store_prepare_kept(p->r, out ? "source" : "target", out, false,
							 false)
				: NULL;
	s->degree_columns[0] = out ? 0 : 1; /* `degree` reads out_degree, in_degree */
	s->degree_columns[1] = undirected ? (out ? 1 : 0) : -1;
	s->dist = calloc(p->n_concepts ? p->n_concepts : 1, sizeof(*s->dist));
	s->order = malloc((p->n_concepts ? p->n_concepts : 1) * sizeof(*s->order));
	if (!p->r->err && (!s->dist || !s->order))
		p->r->err = gg_i_error_oom();
}

static void free_side(side *s)
{
	sqlite3_finalize(s->ends[0]);
	sqlite3_finalize(s->ends[1]);
	free(s->dist);
	free(s->order);
	free(s->pairs);
}

int gg_i_store_walk_path(gg_i_store_reader *r, size_t n_concepts, size_t from, size_t to,
			 bool undirected, size_t **chain, size_t *n_chain)
{
	path_search p = { r, n_concepts, { { 0 }, { 0 } }, NULL, NULL };
	uint32_t d = UINT32_MAX, meet = 0;

	*chain = NULL;
	*n_chain = 0;
	if (r->err || from >= n_concepts || to >= n_concepts || n_concepts > UINT32_MAX - 2)
		return r->err ? r->err : (r->err = gg_i_error_set(GG_EINVAL, "no such concept"));
	prepare_side(&p, &p.s[FORWARD], true, undirected);
	prepare_side(&p, &p.s[BACKWARD], false, undirected);
	p.node = calloc(n_concepts ? n_concepts : 1, sizeof(*p.node));
	if (!r->err && !p.node)
		r->err = gg_i_error_oom();
	p.degree = gg_i_store_prepare(r, "SELECT out_degree, in_degree, node FROM concepts"
				      " WHERE id = ?1");
	if (r->err)
		goto cleanup;
	for (int k = 0; k < 2; k++) {
		side *s = &p.s[k];
		uint32_t end = (uint32_t)(k == FORWARD ? from : to);
		s->dist[end] = 1;
		s->order[s->n_order++] = end;
		node_links(&p, s, end, &s->cost);
	}
	if (from == to)
		d = 0;
	/* grow the side with fewer links to read until they meet or one runs out of nodes */
	while (d == UINT32_MAX && !r->err) {
		side *f = &p.s[FORWARD], *b = &p.s[BACKWARD];
		if (f->n_order == f->level_start || b->n_order == b->level_start)
			break;
		d = f->cost <= b->cost ? grow(&p, f, b) : grow(&p, b, f);
	}
	if (r->err || d == UINT32_MAX)
		goto cleanup;
	/* the forward side reached every node at `meet` hops, the other every one at d - meet */
	meet = (uint32_t)p.s[FORWARD].level < d ? (uint32_t)p.s[FORWARD].level : d;
	if (!(*chain = malloc(((size_t)d + 1) * sizeof(**chain)))) {
		r->err = gg_i_error_oom();
		goto cleanup;
	}
	choose_chain(&p, from, d, meet, *chain);
	if (r->err) {
		free(*chain);
		*chain = NULL;
	} else {
		*n_chain = (size_t)d + 1;
	}
cleanup:
	free_side(&p.s[FORWARD]);
	free_side(&p.s[BACKWARD]);
	free(p.node);
	sqlite3_finalize(p.degree);
	return r->err;
}
