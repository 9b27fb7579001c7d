/* test_graph.c - the graph: node choice, edges, measures, communities, layout, igraph errors. */
#include "suites.h"
#include "glossgraph.h"
#include "graph/graph_i.h"
#include "link/links.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Eight terms; "cosmic ray burst", "small quantity" and "deep field" become keyword concepts. */
static const char page[] =
	"alpha, greek\n\n**Alpha** is letter one.\n\n"
	"beta, greek\n\n**Beta** is letter two.\n\n"
	"gamma, cosmic ray burst, greek\n\n**Gamma** is letter three.\n\n"
	"delta, greek\n\n**Delta** is letter four.\n\n"
	"epsilon, cosmic ray burst, small quantity, greek\n\n**Epsilon** is letter five.\n\n"
	"zeta, deep field, greek\n\n**Zeta** is letter six.\n\n"
	"eta, greek\n\n**Eta** is letter seven.\n\n"
	"theta, greek\n\n**Theta** is letter eight.\n";

/* An edge of a test graph, by concept name. */
struct tedge {
	const char *from, *to;
	gg_edge_kind kind;
	uint32_t weight;
	gg_hold_reason held;
};

struct fixture {
	gg_glossary *g;
	gg_links *l;
	gg_graph *gr;
};

static size_t concept(const gg_glossary *g, const char *name)
{
	size_t c = SIZE_MAX;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&c, g, name), 0);
	return c;
}

/* The graph of `page` with the given edges; fails the test when anything fails. */
static void build(struct fixture *f, const struct tedge *edges, size_t n, bool include_held)
{
	gg_edge *e = calloc(n ? n : 1, sizeof(*e));

	memset(f, 0, sizeof(*f));
	CU_ASSERT_FATAL(e != NULL);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&f->g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(f->g, "page.txt", page, sizeof(page) - 1), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(f->g, NULL), 0);
	for (size_t i = 0; i < n; i++) {
		e[i].source = concept(f->g, edges[i].from);
		e[i].target = concept(f->g, edges[i].to);
		e[i].kind = edges[i].kind;
		e[i].weight = edges[i].weight;
		e[i].held = edges[i].held;
		e[i].specificity = 1;
	}
	CU_ASSERT_EQUAL_FATAL(gg_i_links_from_edges(&f->l, f->g, e, n), 0);
	free(e);
	CU_ASSERT_EQUAL_FATAL(gg_graph_new(&f->gr, f->l, &(gg_graph_options){ .include_held = include_held, .threads = 0 }), 0);
	CU_ASSERT_EQUAL(IGRAPH_FINALLY_STACK_SIZE(), 0);
}

static void drop(struct fixture *f)
{
	gg_graph_free(f->gr);
	gg_links_free(f->l);
	gg_glossary_free(f->g);
}

/* Node of a concept name, SIZE_MAX when it is not in the graph. */
static size_t node(const struct fixture *f, const char *name)
{
	size_t v = SIZE_MAX;
	if (gg_graph_node_of(&v, f->gr, concept(f->g, name)) != 0)
		return SIZE_MAX;
	return v;
}

/* The graph's igraph copy, made on demand, for a comparison with igraph's own measures. */
static igraph_t *igraph_of(const gg_graph *gr)
{
	bool ready = false;
	CU_ASSERT_EQUAL_FATAL(gg_i_graph_igraph(&ready, gr), 0);
	CU_ASSERT_FATAL(ready);
	return (igraph_t *)&gr->ig;
}

#define M GG_EDGE_MENTION
#define CAT GG_EDGE_CATEGORY
#define KW GG_EDGE_KEYWORD

static void test_nodes_chosen(void)
{
	static const struct tedge edges[] = {
		{ "gamma", "cosmic ray burst", KW, 1, GG_HELD_NONE },
		{ "epsilon", "cosmic ray burst", KW, 1, GG_HELD_NONE },
		{ "epsilon", "small quantity", KW, 1, GG_HELD_NONE },
		{ "alpha", "deep field", M, 1, GG_HELD_NONE },
		{ "alpha", "beta", M, 2, GG_HELD_LOW_SCORE },
	};
	struct fixture f;

	build(&f, edges, 5, false);
	CU_ASSERT_EQUAL(gg_graph_node_count(f.gr), 8 + 2);
	CU_ASSERT_NOT_EQUAL(node(&f, "cosmic ray burst"), SIZE_MAX); /* two sources */
	CU_ASSERT_NOT_EQUAL(node(&f, "deep field"), SIZE_MAX);       /* a mention */
	CU_ASSERT_EQUAL(node(&f, "small quantity"), SIZE_MAX);        /* one keyword edge */
	CU_ASSERT_EQUAL(gg_graph_node_of(&(size_t){ 0 }, f.gr, concept(f.g, "small quantity")),
			GG_ENOTFOUND);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "small quantity"));
	CU_ASSERT_EQUAL(gg_graph_node_of(&(size_t){ 0 }, f.gr, 999), GG_EINVAL);
	/* The held edge and the edge to a dropped keyword are left out. */
	CU_ASSERT_EQUAL(gg_graph_edge_count(f.gr), 3);
	const gg_node *a = gg_graph_node(f.gr, node(&f, "alpha"));
	CU_ASSERT_STRING_EQUAL(a->name, "Alpha");
	CU_ASSERT_EQUAL(a->kind, GG_CONCEPT_TERM);
	CU_ASSERT_EQUAL(gg_graph_node(f.gr, node(&f, "deep field"))->kind, GG_CONCEPT_KEYWORD);
	CU_ASSERT_PTR_NULL(gg_graph_node(f.gr, 10));
	CU_ASSERT_PTR_EQUAL(gg_graph_glossary(f.gr), f.g);
	CU_ASSERT_PTR_EQUAL(gg_graph_links(f.gr), f.l);
	drop(&f);

	build(&f, edges, 5, true);
	CU_ASSERT_EQUAL(gg_graph_edge_count(f.gr), 4);
	drop(&f);
}

static void test_edges_and_degrees(void)
{
	static const struct tedge edges[] = {
		{ "alpha", "beta", M, 3, GG_HELD_NONE },
		{ "alpha", "beta", CAT, 1, GG_HELD_NONE },
		{ "alpha", "gamma", M, 1, GG_HELD_NONE },
		{ "delta", "beta", M, 2, GG_HELD_NONE },
	};
	struct fixture f;
	size_t from, to;

	build(&f, edges, 4, false);
	CU_ASSERT_EQUAL(gg_graph_edge_count(f.gr), 4);
	/* Same order as the links: source, target, kind. */
	const gg_edge *e = gg_graph_edge(f.gr, 1, &from, &to);
	CU_ASSERT_PTR_EQUAL(e, gg_links_edge(f.l, 1));
	CU_ASSERT_EQUAL(e->kind, CAT);
	CU_ASSERT_EQUAL(from, node(&f, "alpha"));
	CU_ASSERT_EQUAL(to, node(&f, "beta"));
	CU_ASSERT_PTR_NULL(gg_graph_edge(f.gr, 4, NULL, NULL));

	const gg_node *a = gg_graph_node(f.gr, node(&f, "alpha"));
	const gg_node *b = gg_graph_node(f.gr, node(&f, "beta"));
	CU_ASSERT_EQUAL(a->out_degree, 2); /* beta (twice) and gamma */
	CU_ASSERT_EQUAL(a->in_degree, 0);
	CU_ASSERT_DOUBLE_EQUAL(a->out_weight, 5, 1e-12);
	CU_ASSERT_EQUAL(b->in_degree, 2);
	CU_ASSERT_DOUBLE_EQUAL(b->in_weight, 6, 1e-12);
	drop(&f);
}

static void test_pagerank_and_size(void)
{
	static const struct tedge edges[] = {
		{ "alpha", "eta", M, 1, GG_HELD_NONE },
		{ "beta", "eta", M, 1, GG_HELD_NONE },
		{ "gamma", "eta", M, 1, GG_HELD_NONE },
		{ "delta", "eta", M, 1, GG_HELD_NONE },
		{ "eta", "theta", M, 1, GG_HELD_NONE },
	};
	struct fixture f;
	double sum = 0, best = 0;
	size_t best_node = SIZE_MAX;

	build(&f, edges, 5, false);
	for (size_t v = 0; v < gg_graph_node_count(f.gr); v++) {
		const gg_node *n = gg_graph_node(f.gr, v);
		sum += n->pagerank;
		if (n->pagerank > best) {
			best = n->pagerank;
			best_node = v;
		}
		CU_ASSERT(n->size >= 1 && n->size <= 10);
	}
	CU_ASSERT_DOUBLE_EQUAL(sum, 1, 1e-9);
	/* theta takes all of eta's rank: it ends the chain. */
	CU_ASSERT_EQUAL(best_node, node(&f, "theta"));
	CU_ASSERT_DOUBLE_EQUAL(gg_graph_node(f.gr, best_node)->size, 10, 1e-9);
	CU_ASSERT(gg_graph_node(f.gr, node(&f, "eta"))->pagerank >
		  gg_graph_node(f.gr, node(&f, "alpha"))->pagerank);
	/* Theta and the terms without edges hand their rank to every node, as in igraph. */
	igraph_vector_t expect;
	CU_ASSERT_EQUAL_FATAL(igraph_vector_init(&expect, 0), IGRAPH_SUCCESS);
	CU_ASSERT_EQUAL_FATAL(igraph_pagerank(igraph_of(f.gr), IGRAPH_PAGERANK_ALGO_PRPACK, &expect, NULL,
					      igraph_vss_all(), IGRAPH_DIRECTED, 0.85,
					      &f.gr->weight, NULL), IGRAPH_SUCCESS);
	for (size_t v = 0; v < gg_graph_node_count(f.gr); v++)
		CU_ASSERT_DOUBLE_EQUAL(gg_graph_node(f.gr, v)->pagerank, VECTOR(expect)[v], 1e-9);
	igraph_vector_destroy(&expect);
	drop(&f);
}

/* Our power iteration gives igraph's PageRank, global and personalised. */
static void test_pagerank_matches_igraph(void)
{
	static const struct tedge edges[] = {
		{ "alpha", "beta", M, 3, GG_HELD_NONE },
		{ "alpha", "beta", CAT, 1, GG_HELD_NONE },
		{ "alpha", "gamma", M, 1, GG_HELD_NONE },
		{ "beta", "gamma", M, 2, GG_HELD_NONE },
		{ "gamma", "alpha", M, 1, GG_HELD_NONE },
		{ "gamma", "delta", M, 4, GG_HELD_NONE },
		{ "epsilon", "delta", M, 1, GG_HELD_NONE },
		{ "zeta", "epsilon", M, 2, GG_HELD_NONE },
		{ "eta", "zeta", M, 1, GG_HELD_NONE },
		{ "theta", "eta", M, 1, GG_HELD_NONE },
		{ "delta", "theta", M, 1, GG_HELD_NONE },
	};
	struct fixture f;
	igraph_vector_t expect;
	double rank[8];

	build(&f, edges, 11, false);
	CU_ASSERT_EQUAL_FATAL(gg_graph_node_count(f.gr), 8);
	CU_ASSERT_EQUAL_FATAL(igraph_vector_init(&expect, 0), IGRAPH_SUCCESS);
	CU_ASSERT_EQUAL_FATAL(igraph_pagerank(igraph_of(f.gr), IGRAPH_PAGERANK_ALGO_PRPACK, &expect, NULL,
					      igraph_vss_all(), IGRAPH_DIRECTED, 0.85,
					      &f.gr->weight, NULL), IGRAPH_SUCCESS);
	for (size_t v = 0; v < 8; v++)
		CU_ASSERT_DOUBLE_EQUAL(gg_graph_node(f.gr, v)->pagerank, VECTOR(expect)[v], 1e-9);
	size_t from = node(&f, "beta");
	CU_ASSERT_EQUAL_FATAL(igraph_personalized_pagerank_vs(igraph_of(f.gr), IGRAPH_PAGERANK_ALGO_PRPACK,
							      &expect, NULL, igraph_vss_all(),
							      IGRAPH_UNDIRECTED, 0.85,
							      igraph_vss_1((igraph_integer_t)from),
							      &f.gr->weight, NULL), IGRAPH_SUCCESS);
	CU_ASSERT_EQUAL_FATAL(gg_i_pagerank(f.gr, false, from, rank), 0);
	for (size_t v = 0; v < 8; v++)
		CU_ASSERT_DOUBLE_EQUAL(rank[v], VECTOR(expect)[v], 1e-9);
	igraph_vector_destroy(&expect);
	drop(&f);
}

static void test_betweenness_exact(void)
{
	/* alpha -> beta -> gamma, and beta -> delta: beta lies on two shortest paths. */
	static const struct tedge edges[] = {
		{ "alpha", "beta", M, 1, GG_HELD_NONE },
		{ "alpha", "beta", CAT, 1, GG_HELD_NONE },
		{ "beta", "gamma", M, 5, GG_HELD_NONE },
		{ "beta", "delta", M, 1, GG_HELD_NONE },
	};
	struct fixture f;

	build(&f, edges, 4, false);
	CU_ASSERT_EQUAL(gg_graph_betweenness_sources(f.gr), gg_graph_node_count(f.gr));
	/* Parallel edges do not double the paths: exactly 2. */
	CU_ASSERT_DOUBLE_EQUAL(gg_graph_node(f.gr, node(&f, "beta"))->betweenness, 2, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(gg_graph_node(f.gr, node(&f, "alpha"))->betweenness, 0, 1e-9);
	drop(&f);
}

/* Brandes' sums from every node are igraph's betweenness (a graph without parallel links). */
static void test_betweenness_matches_igraph(void)
{
	static const struct tedge edges[] = {
		{ "alpha", "beta", M, 1, GG_HELD_NONE },
		{ "alpha", "gamma", M, 2, GG_HELD_NONE },
		{ "beta", "delta", M, 1, GG_HELD_NONE },
		{ "gamma", "delta", M, 1, GG_HELD_NONE },
		{ "delta", "epsilon", M, 1, GG_HELD_NONE },
		{ "epsilon", "alpha", M, 1, GG_HELD_NONE },
		{ "epsilon", "zeta", M, 1, GG_HELD_NONE },
		{ "zeta", "eta", M, 1, GG_HELD_NONE },
		{ "eta", "epsilon", M, 1, GG_HELD_NONE },
		{ "theta", "beta", M, 1, GG_HELD_NONE },
		{ "gamma", "theta", M, 1, GG_HELD_NONE },
	};
	struct fixture f;
	igraph_vector_t expect;

	build(&f, edges, 11, false);
	CU_ASSERT_EQUAL(gg_graph_betweenness_sources(f.gr), gg_graph_node_count(f.gr));
	CU_ASSERT_EQUAL_FATAL(igraph_vector_init(&expect, 0), IGRAPH_SUCCESS);
	CU_ASSERT_EQUAL_FATAL(igraph_betweenness(igraph_of(f.gr), &expect, igraph_vss_all(), IGRAPH_DIRECTED,
						 NULL), IGRAPH_SUCCESS);
	for (size_t v = 0; v < gg_graph_node_count(f.gr); v++)
		CU_ASSERT_DOUBLE_EQUAL(gg_graph_node(f.gr, v)->betweenness, VECTOR(expect)[v], 1e-9);
	igraph_vector_destroy(&expect);
	drop(&f);
}

static void test_communities(void)
{
	/* Two triangles joined by one light edge, two terms alone. */
	static const struct tedge edges[] = {
		{ "alpha", "beta", M, 3, GG_HELD_NONE },
		{ "beta", "gamma", M, 3, GG_HELD_NONE },
		{ "gamma", "alpha", M, 3, GG_HELD_NONE },
		{ "delta", "epsilon", M, 3, GG_HELD_NONE },
		{ "epsilon", "zeta", M, 3, GG_HELD_NONE },
		{ "zeta", "delta", M, 3, GG_HELD_NONE },
		{ "gamma", "delta", M, 1, GG_HELD_NONE },
	};
	struct fixture f;

	build(&f, edges, 7, false);
	CU_ASSERT_EQUAL(gg_graph_community_count(f.gr), 4);
	const gg_community *c0 = gg_graph_community(f.gr, 0), *c1 = gg_graph_community(f.gr, 1);
	CU_ASSERT_EQUAL(c0->size, 3);
	CU_ASSERT_EQUAL(c1->size, 3);
	CU_ASSERT_EQUAL(gg_graph_community(f.gr, 2)->size, 1);
	CU_ASSERT_PTR_NULL(gg_graph_community(f.gr, 4));
	/* Equal sizes: the one holding the lowest node first. */
	int alpha = gg_graph_node(f.gr, node(&f, "alpha"))->community;
	CU_ASSERT_EQUAL(alpha, 0);
	CU_ASSERT_EQUAL(gg_graph_node(f.gr, node(&f, "beta"))->community, alpha);
	CU_ASSERT_EQUAL(gg_graph_node(f.gr, node(&f, "zeta"))->community, 1);
	CU_ASSERT_EQUAL(gg_graph_node(f.gr, node(&f, "eta"))->community, 2);
	for (size_t i = 0; i < gg_graph_community_count(f.gr); i++) {
		const gg_community *c = gg_graph_community(f.gr, i);
		for (size_t k = 0; k < c->size; k++) {
			CU_ASSERT_EQUAL(gg_graph_node(f.gr, c->members[k])->community, (int)i);
			if (k)
				CU_ASSERT(gg_graph_node(f.gr, c->members[k - 1])->pagerank >=
					  gg_graph_node(f.gr, c->members[k])->pagerank);
		}
	}
	CU_ASSERT(gg_graph_modularity(f.gr) > 0.3);
	drop(&f);
}

static void test_deterministic(void)
{
	static const struct tedge edges[] = {
		{ "alpha", "beta", M, 3, GG_HELD_NONE },
		{ "beta", "gamma", M, 1, GG_HELD_NONE },
		{ "gamma", "alpha", M, 2, GG_HELD_NONE },
		{ "delta", "epsilon", M, 1, GG_HELD_NONE },
		{ "epsilon", "cosmic ray burst", M, 1, GG_HELD_NONE },
		{ "gamma", "delta", M, 1, GG_HELD_NONE },
	};
	struct fixture f, g;
	bool moved = false;

	build(&f, edges, 6, false);
	build(&g, edges, 6, false);
	CU_ASSERT_EQUAL_FATAL(gg_graph_node_count(f.gr), gg_graph_node_count(g.gr));
	for (size_t v = 0; v < gg_graph_node_count(f.gr); v++) {
		const gg_node *a = gg_graph_node(f.gr, v), *b = gg_graph_node(g.gr, v);
		CU_ASSERT_STRING_EQUAL(a->name, b->name);
		CU_ASSERT_EQUAL(a->community, b->community);
		CU_ASSERT(a->x == b->x && a->y == b->y);
		CU_ASSERT(a->pagerank == b->pagerank && a->betweenness == b->betweenness);
		CU_ASSERT(isfinite(a->x) && isfinite(a->y));
		moved |= a->x != 0 || a->y != 0;
	}
	CU_ASSERT(moved);
	drop(&f);
	drop(&g);
}

static void test_no_edges(void)
{
	struct fixture f;

	build(&f, NULL, 0, false);
	CU_ASSERT_EQUAL(gg_graph_node_count(f.gr), 8);
	CU_ASSERT_EQUAL(gg_graph_edge_count(f.gr), 0);
	CU_ASSERT_EQUAL(gg_graph_community_count(f.gr), 8);
	for (size_t i = 0; i < 8; i++) {
		CU_ASSERT_EQUAL(gg_graph_community(f.gr, i)->size, 1);
		CU_ASSERT_EQUAL(gg_graph_community(f.gr, i)->members[0], i);
		CU_ASSERT_DOUBLE_EQUAL(gg_graph_node(f.gr, i)->pagerank, 1.0 / 8, 1e-9);
	}
	CU_ASSERT_DOUBLE_EQUAL(gg_graph_modularity(f.gr), 0, 1e-12);
	drop(&f);
}

/* A directed ring of n terms "t0".."tn-1", too big for exact betweenness. */
static void test_betweenness_sampled(void)
{
	enum { N = 5000 };
	char *text = malloc((size_t)N * 40);
	gg_edge *e = calloc(N, sizeof(*e));
	gg_glossary *g = NULL;
	gg_links *l = NULL;
	gg_graph *gr = NULL, *again = NULL;
	size_t len = 0;

	CU_ASSERT_FATAL(text && e);
	for (int i = 0; i < N; i++)
		len += (size_t)sprintf(text + len, "t%d, ring\n\n**T%d** is on the ring.\n\n", i, i);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "ring.txt", text, len), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_concept_count(g), N);
	for (size_t i = 0; i < N; i++) {
		e[i].source = i;
		e[i].target = (i + 1) % N;
		e[i].weight = 1;
	}
	CU_ASSERT_EQUAL_FATAL(gg_i_links_from_edges(&l, g, e, N), 0);
	CU_ASSERT_EQUAL_FATAL(gg_graph_new(&gr, l, &(gg_graph_options){ .include_held = false, .threads = 2 }), 0);
	CU_ASSERT_EQUAL_FATAL(gg_graph_new(&again, l, &(gg_graph_options){ .include_held = false, .threads = 1 }), 0);
	size_t k = gg_graph_betweenness_sources(gr);
	CU_ASSERT(k >= 32 && k <= 256 && k < N);
	/* On a directed ring every node lies on (n-1)(n-2)/2 shortest paths. */
	double exact = (N - 1.0) * (N - 2.0) / 2, worst = 0;
	for (size_t v = 0; v < N; v++) {
		double off = fabs(gg_graph_node(gr, v)->betweenness - exact) / exact;
		worst = off > worst ? off : worst;
	}
	CU_ASSERT(worst < 0.01);
	/* Two threads share the sources out; the sums are those of one thread alone. */
	for (size_t v = 0; v < N; v++)
		CU_ASSERT(gg_graph_node(gr, v)->betweenness == gg_graph_node(again, v)->betweenness);
	CU_ASSERT_EQUAL(gg_graph_community_count(gr) < N, true);
	gg_graph_free(gr);
	gg_graph_free(again);
	gg_links_free(l);
	gg_glossary_free(g);
	free(e);
	free(text);
}

/* Terms "t0".."t<n-1>" (concepts 0..n-1 in that order) linked by `edges` (concept ids). */
static void build_terms(gg_glossary **g, gg_links **l, size_t n, const gg_edge *edges,
			size_t n_edges)
{
	char *text = malloc(n * 48 + 1);
	size_t len = 0;

	CU_ASSERT_FATAL(text != NULL);
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(text + len, "t%zu, ring\n\n**T%zu** is a term.\n\n", i, i);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(*g, "terms.txt", text, len), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(*g, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_concept_count(*g), n);
	CU_ASSERT_EQUAL_FATAL(gg_i_links_from_edges(l, *g, edges, n_edges), 0);
	free(text);
}

/*
 * Sixteen cliques of 25 terms, each linked to the next by one link, and ten
 * terms alone: more nodes than the small-graph layout takes, so the layout
 * is the map of communities.
 */
static void test_community_map(void)
{
	enum { GROUPS = 16, SIZE = 25, ALONE = 10, N = GROUPS * SIZE + ALONE };
	size_t n_edges = GROUPS * SIZE * (SIZE - 1) / 2 + GROUPS - 1, k = 0;
	gg_edge *e = calloc(n_edges, sizeof(*e));
	gg_glossary *g = NULL;
	gg_links *l = NULL;
	gg_graph *gr = NULL, *again = NULL;

	CU_ASSERT_FATAL(e != NULL);
	for (size_t group = 0; group < GROUPS; group++) {
		for (size_t i = 0; i < SIZE; i++) {
			for (size_t j = i + 1; j < SIZE; j++) {
				e[k].source = group * SIZE + i;
				e[k].target = group * SIZE + j;
				e[k++].weight = 1;
			}
		}
		if (group + 1 < GROUPS) {
			e[k].source = group * SIZE + SIZE - 1;
			e[k].target = (group + 1) * SIZE;
			e[k++].weight = 1;
		}
	}
	build_terms(&g, &l, N, e, n_edges);
	CU_ASSERT_EQUAL_FATAL(gg_graph_new(&gr, l, &(gg_graph_options){ .include_held = false, .threads = 2 }), 0);
	CU_ASSERT_EQUAL_FATAL(gg_graph_new(&again, l, &(gg_graph_options){ .include_held = false, .threads = 1 }), 0);
	CU_ASSERT_EQUAL(IGRAPH_FINALLY_STACK_SIZE(), 0);
	CU_ASSERT_EQUAL_FATAL(gg_graph_node_count(gr), N);

	/* Each clique is one community, the lone terms one each. */
	CU_ASSERT_EQUAL(gg_graph_community_count(gr), GROUPS + ALONE);
	for (size_t v = 0; v < GROUPS * SIZE; v++) {
		CU_ASSERT_EQUAL(gg_graph_node(gr, v)->community,
				gg_graph_node(gr, v - v % SIZE)->community);
		CU_ASSERT(v % SIZE != 0 || v == 0 ||
			  gg_graph_node(gr, v)->community != gg_graph_node(gr, v - SIZE)->community);
	}
	/* The modularity reported is igraph's for that partition. */
	igraph_vector_int_t membership;
	igraph_real_t q;
	CU_ASSERT_EQUAL_FATAL(igraph_vector_int_init(&membership, N), IGRAPH_SUCCESS);
	for (size_t v = 0; v < N; v++)
		VECTOR(membership)[v] = gg_graph_node(gr, v)->community;
	CU_ASSERT_EQUAL_FATAL(igraph_modularity(igraph_of(gr), &membership, &gr->weight, 1,
						IGRAPH_UNDIRECTED, &q), IGRAPH_SUCCESS);
	CU_ASSERT_DOUBLE_EQUAL(gg_graph_modularity(gr), q, 1e-9);
	CU_ASSERT(q > 0.85);
	igraph_vector_int_destroy(&membership);

	/* The map: communities in discs that do not overlap, lone terms around them. */
	double cx[GROUPS] = { 0 }, cy[GROUPS] = { 0 }, reach[GROUPS] = { 0 }, mx = 0, my = 0;
	for (size_t v = 0; v < GROUPS * SIZE; v++) {
		const gg_node *x = gg_graph_node(gr, v);
		CU_ASSERT(isfinite(x->x) && isfinite(x->y));
		cx[v / SIZE] += x->x / SIZE;
		cy[v / SIZE] += x->y / SIZE;
		mx += x->x / (GROUPS * SIZE);
		my += x->y / (GROUPS * SIZE);
	}
	double linked_reach = 0;
	for (size_t v = 0; v < GROUPS * SIZE; v++) {
		const gg_node *x = gg_graph_node(gr, v);
		double r = hypot(x->x - cx[v / SIZE], x->y - cy[v / SIZE]);
		reach[v / SIZE] = r > reach[v / SIZE] ? r : reach[v / SIZE];
		r = hypot(x->x - mx, x->y - my);
		linked_reach = r > linked_reach ? r : linked_reach;
	}
	for (size_t a = 0; a < GROUPS; a++)
		for (size_t b = a + 1; b < GROUPS; b++)
			CU_ASSERT(hypot(cx[a] - cx[b], cy[a] - cy[b]) > reach[a] + reach[b]);
	for (size_t v = GROUPS * SIZE; v < N; v++) {
		const gg_node *x = gg_graph_node(gr, v);
		CU_ASSERT(hypot(x->x - mx, x->y - my) > linked_reach);
	}
	for (size_t v = 0; v < N; v++) {
		const gg_node *x = gg_graph_node(gr, v), *y = gg_graph_node(again, v);
		CU_ASSERT(x->x == y->x && x->y == y->y && x->community == y->community);
		CU_ASSERT(x->betweenness == y->betweenness && x->pagerank == y->pagerank);
		for (size_t u = v + 1; u < N; u++)
			CU_ASSERT(x->x != gg_graph_node(gr, u)->x || x->y != gg_graph_node(gr, u)->y);
	}
	gg_graph_free(gr);
	gg_graph_free(again);
	gg_links_free(l);
	gg_glossary_free(g);
	free(e);
}

static void test_igraph_errors(void)
{
	igraph_vector_int_t ends;
	igraph_t ig;
	igraph_vector_t rank, weights;

	gg_i_igraph_init();
	/* An odd number of end points: igraph's own check, no abort. */
	CU_ASSERT_EQUAL_FATAL(igraph_vector_int_init(&ends, 3), IGRAPH_SUCCESS);
	igraph_error_t r = igraph_create(&ig, &ends, 3, IGRAPH_DIRECTED);
	CU_ASSERT_NOT_EQUAL(r, IGRAPH_SUCCESS);
	CU_ASSERT_EQUAL(gg_i_igraph_error(r), GG_ERROR);
	CU_ASSERT_EQUAL(strncmp(gg_error_last(), "igraph: ", 8), 0);
	CU_ASSERT(strlen(gg_error_last()) > 8);
	CU_ASSERT_EQUAL(IGRAPH_FINALLY_STACK_SIZE(), 0);
	igraph_vector_int_destroy(&ends);

	/* An error deep inside a measure: the innermost reason is kept, fresh. */
	gg_error_clear();
	CU_ASSERT_EQUAL_FATAL(igraph_ring(&ig, 4, IGRAPH_DIRECTED, false, true), IGRAPH_SUCCESS);
	CU_ASSERT_EQUAL_FATAL(igraph_vector_init(&rank, 0), IGRAPH_SUCCESS);
	CU_ASSERT_EQUAL_FATAL(igraph_vector_init(&weights, 2), IGRAPH_SUCCESS);
	r = igraph_betweenness(&ig, &rank, igraph_vss_all(), IGRAPH_DIRECTED, &weights);
	CU_ASSERT_NOT_EQUAL(r, IGRAPH_SUCCESS);
	CU_ASSERT_EQUAL(gg_i_igraph_error(r), GG_ERROR);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "Weight vector length"));
	CU_ASSERT_EQUAL(IGRAPH_FINALLY_STACK_SIZE(), 0);
	/* A failure the handler never saw still gets igraph's text for its code. */
	CU_ASSERT_EQUAL(gg_i_igraph_error(IGRAPH_ENOMEM), GG_ENOMEM);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "igraph: "));
	igraph_vector_destroy(&weights);
	igraph_vector_destroy(&rank);
	igraph_destroy(&ig);
}

/* The igraph copy is made by the first query that needs it, once, and gives its answers. */
static void test_igraph_on_demand(void)
{
	static const struct tedge edges[] = {
		{ "alpha", "beta", M, 1, GG_HELD_NONE },
		{ "beta", "gamma", M, 1, GG_HELD_NONE },
	};
	struct fixture f;
	gg_path path;
	gg_graph_stats stats;

	build(&f, edges, 2, false);
	CU_ASSERT_FALSE(f.gr->has_ig);
	CU_ASSERT_EQUAL_FATAL(gg_query_path(&path, f.gr, node(&f, "alpha"), node(&f, "gamma"), false), 0);
	CU_ASSERT_EQUAL(path.count, 2);
	CU_ASSERT_TRUE(f.gr->has_ig);
	gg_path_destroy(&path);
	CU_ASSERT_EQUAL_FATAL(gg_query_stats(&stats, f.gr), 0);
	CU_ASSERT_TRUE(f.gr->has_ig);
	CU_ASSERT_EQUAL(IGRAPH_FINALLY_STACK_SIZE(), 0);
	drop(&f);
}

/* What a progress function was told, in order. */
struct told {
	gg_stage stage[256];
	double done[256];
	size_t n;
};

static void remember(gg_stage stage, double done, void *payload)
{
	struct told *t = payload;
	if (t->n < sizeof(t->done) / sizeof(t->done[0])) {
		t->stage[t->n] = stage;
		t->done[t->n++] = done;
	}
}

/* Each stage of a build reports 0 first and 1 last, never going back, stages in order. */
static void test_progress(void)
{
	struct told t = { .n = 0 };
	gg_progress p = { remember, &t };
	gg_glossary *g = NULL;
	gg_links *l = NULL;
	gg_graph *gr = NULL;
	gg_build_options bo;
	gg_link_options lo;
	gg_graph_options go;
	gg_export_options eo;

	gg_build_options_init(&bo);
	gg_link_options_init(&lo);
	gg_graph_options_init(&go);
	gg_export_options_init(&eo);
	CU_ASSERT_PTR_NULL(bo.progress.fn);
	CU_ASSERT_PTR_NULL(eo.progress.fn);
	bo.progress = lo.progress = go.progress = eo.progress = p;
	lo.threads = go.threads = 1; /* two threads' reports may cross */
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "page.txt", page, sizeof(page) - 1), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, &bo), 0);
	CU_ASSERT_EQUAL_FATAL(gg_links_new(&l, g, &lo), 0);
	CU_ASSERT_EQUAL_FATAL(gg_graph_new(&gr, l, &go), 0);
	FILE *sink = fopen("/dev/null", "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(sink);
	CU_ASSERT_EQUAL(gg_export_write(gr, GG_FORMAT_GRAPHML, &eo, sink), 0);
	fclose(sink);

	gg_stage expected[] = { GG_STAGE_MODEL, GG_STAGE_LINK, GG_STAGE_GRAPH, GG_STAGE_EXPORT };
	size_t i = 0;
	for (size_t k = 0; k < sizeof(expected) / sizeof(expected[0]); k++) {
		CU_ASSERT_FATAL(i < t.n);
		CU_ASSERT_EQUAL(t.stage[i], expected[k]);
		CU_ASSERT_EQUAL(t.done[i], 0);
		double last = 0;
		for (; i < t.n && t.stage[i] == expected[k]; i++) {
			CU_ASSERT(t.done[i] >= last && t.done[i] <= 1);
			last = t.done[i];
		}
		CU_ASSERT_EQUAL(last, 1);
	}
	CU_ASSERT_EQUAL(i, t.n);
	CU_ASSERT_STRING_EQUAL(gg_stage_name(GG_STAGE_LINK), "linking");
	CU_ASSERT_STRING_EQUAL(gg_stage_name(GG_STAGE_COUNT), "unknown");
	gg_graph_free(gr);
	gg_links_free(l);
	gg_glossary_free(g);
}

CU_ErrorCode suite_graph_add(void)
{
	CU_pSuite s = CU_add_suite("graph", NULL, NULL);

	if (!s ||
	    !CU_add_test(s, "nodes: terms and shared keywords", test_nodes_chosen) ||
	    !CU_add_test(s, "edges in link order, degrees", test_edges_and_degrees) ||
	    !CU_add_test(s, "pagerank and display size", test_pagerank_and_size) ||
	    !CU_add_test(s, "pagerank as igraph's", test_pagerank_matches_igraph) ||
	    !CU_add_test(s, "exact betweenness", test_betweenness_exact) ||
	    !CU_add_test(s, "betweenness as igraph's", test_betweenness_matches_igraph) ||
	    !CU_add_test(s, "communities ordered", test_communities) ||
	    !CU_add_test(s, "same input, same measures", test_deterministic) ||
	    !CU_add_test(s, "a graph without edges", test_no_edges) ||
	    !CU_add_test(s, "sampled betweenness on a big ring", test_betweenness_sampled) ||
	    !CU_add_test(s, "planted communities, their map", test_community_map) ||
	    !CU_add_test(s, "igraph errors become ours", test_igraph_errors) ||
	    !CU_add_test(s, "the igraph copy made when a query needs it", test_igraph_on_demand) ||
	    !CU_add_test(s, "progress reports, stage by stage", test_progress))
		return CU_get_error();
	return CUE_SUCCESS;
}
