/* test_query.c - the queries: neighbours, related terms, paths, ranks and figures. */
#include "suites.h"
#include "glossgraph.h"
#include "core/error.h"
#include "graph/graph_i.h"
#include "link/links.h"

#include <stdlib.h>
#include <string.h>

/* Eight terms; "cosmic ray burst" and "small quantity" become keyword concepts. */
static const char page[] =
	"alpha, greek\n\n**Alpha** is letter one.\n\n"
	"beta, greek\n\n**Beta** is letter two.\n\n"
	"gamma, cosmic ray burst, greek\n\n**Gamma** is letter three.\n\n"
	"delta, greek\n\n**Delta** is letter four.\n\n"
	"epsilon, cosmic ray burst, small quantity, greek\n\n**Epsilon** is letter five.\n\n"
	"zeta, greek\n\n**Zeta** is letter six.\n\n"
	"eta, greek\n\n**Eta** is letter seven.\n\n"
	"theta, greek\n\n**Theta** is letter eight.\n";

struct tedge {
	const char *from, *to;
	gg_edge_kind kind;
	uint32_t weight;
};

#define M GG_EDGE_MENTION
#define CAT GG_EDGE_CATEGORY
#define KW GG_EDGE_KEYWORD

/*
 * The shape most tests use:
 *   alpha -> beta (3 mentions, and a category edge), alpha -> gamma,
 *   beta -> delta, gamma -> delta, delta -> epsilon, zeta -> alpha,
 *   gamma and epsilon -> "cosmic ray burst" (keyword), eta -> theta.
 */
static const struct tedge shape[] = {
	{ "alpha", "beta", M, 3 },
	{ "alpha", "beta", CAT, 1 },
	{ "alpha", "gamma", M, 1 },
	{ "beta", "delta", M, 1 },
	{ "gamma", "delta", M, 2 },
	{ "delta", "epsilon", M, 1 },
	{ "zeta", "alpha", M, 1 },
	{ "gamma", "cosmic ray burst", KW, 1 },
	{ "epsilon", "cosmic ray burst", KW, 1 },
	{ "eta", "theta", M, 1 },
};

static gg_glossary *glossary;
static gg_links *links;
static gg_graph *graph;

static size_t concept(const char *name)
{
	size_t c = SIZE_MAX;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&c, glossary, name), 0);
	return c;
}

static size_t node(const char *name)
{
	size_t v = SIZE_MAX;
	CU_ASSERT_EQUAL_FATAL(gg_graph_node_of(&v, graph, concept(name)), 0);
	return v;
}

static const char *name_of(size_t v)
{
	return gg_graph_node(graph, v)->name;
}

static int suite_init(void)
{
	gg_edge e[sizeof(shape) / sizeof(*shape)];
	size_t n = sizeof(shape) / sizeof(*shape);

	if (gg_glossary_new(&glossary) || gg_glossary_read_buffer(glossary, "page.txt", page,
								 sizeof(page) - 1) ||
	    gg_glossary_build(glossary, NULL))
		return 1;
	memset(e, 0, sizeof(e));
	for (size_t i = 0; i < n; i++) {
		if (gg_glossary_find(&e[i].source, glossary, shape[i].from) ||
		    gg_glossary_find(&e[i].target, glossary, shape[i].to))
			return 1;
		e[i].kind = shape[i].kind;
		e[i].weight = shape[i].weight;
		e[i].specificity = 0.5;
	}
	return gg_i_links_from_edges(&links, glossary, e, n) || gg_graph_new(&graph, links, NULL);
}

static int suite_clean(void)
{
	gg_graph_free(graph);
	gg_links_free(links);
	gg_glossary_free(glossary);
	return 0;
}

/* The rows of a neighbour list as "depth>name" or "depth<name", space-separated. */
static const char *rows(const gg_neighbor_list *l)
{
	static char s[512];
	size_t len = 0;
	s[0] = '\0';
	for (size_t i = 0; i < l->count && len < sizeof(s) - 64; i++)
		len += (size_t)snprintf(s + len, sizeof(s) - len, "%s%u%c%s", i ? " " : "",
					l->items[i].depth, l->items[i].incoming ? '<' : '>',
					name_of(l->items[i].node));
	return s;
}

static void test_neighbors(void)
{
	gg_neighbor_list l;

	CU_ASSERT_EQUAL_FATAL(gg_query_neighbors(&l, graph, node("alpha"), GG_DIR_OUT, 1, 0), 0);
	/* Heaviest first; both of alpha's edges to beta are listed. */
	CU_ASSERT_STRING_EQUAL(rows(&l), "1>Beta 1>Beta 1>Gamma");
	CU_ASSERT_EQUAL(gg_graph_edge(graph, l.items[0].edge, NULL, NULL)->kind, M);
	CU_ASSERT_EQUAL(gg_graph_edge(graph, l.items[1].edge, NULL, NULL)->kind, CAT);
	CU_ASSERT_EQUAL(l.items[0].via, node("alpha"));
	gg_neighbor_list_destroy(&l);
	CU_ASSERT_PTR_NULL(l.items);
	gg_neighbor_list_destroy(&l);

	CU_ASSERT_EQUAL_FATAL(gg_query_neighbors(&l, graph, node("alpha"), GG_DIR_IN, 1, 0), 0);
	CU_ASSERT_STRING_EQUAL(rows(&l), "1<Zeta");
	gg_neighbor_list_destroy(&l);

	CU_ASSERT_EQUAL_FATAL(gg_query_neighbors(&l, graph, node("alpha"), GG_DIR_BOTH, 1, 0), 0);
	CU_ASSERT_STRING_EQUAL(rows(&l), "1>Beta 1>Beta 1>Gamma 1<Zeta");
	gg_neighbor_list_destroy(&l);

	/* Depth 2: delta is reached from beta and from gamma, listed for both. */
	CU_ASSERT_EQUAL_FATAL(gg_query_neighbors(&l, graph, node("alpha"), GG_DIR_OUT, 2, 0), 0);
	CU_ASSERT_STRING_EQUAL(rows(&l), "1>Beta 1>Beta 1>Gamma 2>Delta 2>Delta 2>cosmic ray burst");
	CU_ASSERT_EQUAL(l.items[3].via, node("gamma")); /* weight 2 before 1 */
	CU_ASSERT_EQUAL(l.items[4].via, node("beta"));
	gg_neighbor_list_destroy(&l);

	/* Minimum weight: only alpha's three mentions of beta, then beta's light edge is cut. */
	CU_ASSERT_EQUAL_FATAL(gg_query_neighbors(&l, graph, node("alpha"), GG_DIR_OUT, 3, 2), 0);
	CU_ASSERT_STRING_EQUAL(rows(&l), "1>Beta");
	gg_neighbor_list_destroy(&l);

	/* Nothing around theta but eta. */
	CU_ASSERT_EQUAL_FATAL(gg_query_neighbors(&l, graph, node("theta"), GG_DIR_BOTH, 5, 0), 0);
	CU_ASSERT_STRING_EQUAL(rows(&l), "1<Eta");
	gg_neighbor_list_destroy(&l);

	CU_ASSERT_EQUAL(gg_query_neighbors(&l, graph, 999, GG_DIR_OUT, 1, 0), GG_EINVAL);
	CU_ASSERT_PTR_NULL(l.items);
	CU_ASSERT_EQUAL(gg_query_neighbors(&l, graph, 0, GG_DIR_OUT, 0, 0), GG_EINVAL);
}

static void test_path(void)
{
	gg_path p;

	CU_ASSERT_EQUAL_FATAL(gg_query_path(&p, graph, node("zeta"), node("epsilon"), false), 0);
	CU_ASSERT_EQUAL_FATAL(p.count, 4);
	CU_ASSERT_EQUAL(p.hops[0].from, node("zeta"));
	CU_ASSERT_EQUAL(p.hops[0].to, node("alpha"));
	CU_ASSERT_EQUAL(p.hops[3].to, node("epsilon"));
	for (size_t i = 0; i < p.count; i++) {
		size_t from, to;
		gg_graph_edge(graph, p.hops[i].edge, &from, &to);
		CU_ASSERT(from == p.hops[i].from && to == p.hops[i].to && !p.hops[i].reverse);
		if (i + 1 < p.count)
			CU_ASSERT_EQUAL(p.hops[i].to, p.hops[i + 1].from);
	}
	gg_path_destroy(&p);

	/* alpha -> beta: the three mentions, not the category edge. */
	CU_ASSERT_EQUAL_FATAL(gg_query_path(&p, graph, node("alpha"), node("beta"), false), 0);
	CU_ASSERT_EQUAL_FATAL(p.count, 1);
	CU_ASSERT_EQUAL(gg_graph_edge(graph, p.hops[0].edge, NULL, NULL)->weight, 3);
	gg_path_destroy(&p);

	/* Against the links: none directed; undirected, reverse hops. */
	CU_ASSERT_EQUAL(gg_query_path(&p, graph, node("delta"), node("alpha"), false), GG_ENOTFOUND);
	CU_ASSERT_STRING_EQUAL(gg_error_last(),
			       "no chain of cross-references from 'Delta' to 'Alpha'");
	CU_ASSERT_EQUAL(p.count, 0);
	CU_ASSERT_EQUAL_FATAL(gg_query_path(&p, graph, node("delta"), node("alpha"), true), 0);
	CU_ASSERT_EQUAL_FATAL(p.count, 2);
	CU_ASSERT(p.hops[0].reverse && p.hops[1].reverse);
	gg_path_destroy(&p);

	/* Other components. */
	CU_ASSERT_EQUAL(gg_query_path(&p, graph, node("alpha"), node("theta"), true), GG_ENOTFOUND);
	CU_ASSERT_EQUAL(IGRAPH_FINALLY_STACK_SIZE(), 0);

	CU_ASSERT_EQUAL(gg_query_path(&p, graph, node("alpha"), node("alpha"), false), 0);
	CU_ASSERT_EQUAL(p.count, 0);
	gg_path_destroy(&p);
	CU_ASSERT_EQUAL(gg_query_path(&p, graph, 0, 999, false), GG_EINVAL);
}

static void test_top(void)
{
	gg_ranking r;

	CU_ASSERT_EQUAL_FATAL(gg_query_top(&r, graph, GG_BY_IN_DEGREE, 2, false), 0);
	CU_ASSERT_EQUAL_FATAL(r.count, 2);
	/* delta: two concepts link in; then alpha, beta, gamma... by in-weight (beta's 4). */
	CU_ASSERT_STRING_EQUAL(name_of(r.nodes[0]), "Delta");
	CU_ASSERT_STRING_EQUAL(name_of(r.nodes[1]), "Beta");
	gg_ranking_destroy(&r);

	CU_ASSERT_EQUAL_FATAL(gg_query_top(&r, graph, GG_BY_IN_DEGREE, 100, true), 0);
	CU_ASSERT_EQUAL(r.count, gg_graph_node_count(graph));
	/* cosmic ray burst ties delta on two concepts linking in, not on weight. */
	CU_ASSERT_STRING_EQUAL(name_of(r.nodes[0]), "Delta");
	CU_ASSERT_STRING_EQUAL(name_of(r.nodes[1]), "cosmic ray burst");
	gg_ranking_destroy(&r);

	CU_ASSERT_EQUAL_FATAL(gg_query_top(&r, graph, GG_BY_PAGERANK, 100, false), 0);
	CU_ASSERT_EQUAL(r.count, 8);
	for (size_t i = 1; i < r.count; i++)
		CU_ASSERT(gg_graph_node(graph, r.nodes[i - 1])->pagerank >=
			  gg_graph_node(graph, r.nodes[i])->pagerank);
	gg_ranking_destroy(&r);

	/*
	 * Five shortest ways each pass alpha (out of zeta) and delta (to epsilon,
	 * and beta's to the keyword); the tie goes to delta's higher PageRank.
	 */
	CU_ASSERT_EQUAL_FATAL(gg_query_top(&r, graph, GG_BY_BETWEENNESS, 2, false), 0);
	CU_ASSERT_STRING_EQUAL(name_of(r.nodes[0]), "Delta");
	CU_ASSERT_STRING_EQUAL(name_of(r.nodes[1]), "Alpha");
	CU_ASSERT_DOUBLE_EQUAL(gg_graph_node(graph, r.nodes[0])->betweenness, 5, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(gg_graph_node(graph, r.nodes[1])->betweenness, 5, 1e-9);
	gg_ranking_destroy(&r);

	CU_ASSERT_EQUAL(gg_query_top(&r, graph, GG_CENTRALITY_COUNT, 2, false), GG_EINVAL);
	CU_ASSERT_EQUAL(r.count, 0);
}

static void test_related(void)
{
	gg_related_list l;

	CU_ASSERT_EQUAL_FATAL(gg_query_related(&l, graph, node("gamma"), 10), 0);
	CU_ASSERT_EQUAL(IGRAPH_FINALLY_STACK_SIZE(), 0);
	CU_ASSERT_FATAL(l.count >= 4);
	/* gamma links to delta (2 mentions) and is linked from alpha. */
	CU_ASSERT_STRING_EQUAL(name_of(l.items[0].node), "Delta");
	CU_ASSERT_EQUAL(l.items[0].links_to, 2);
	CU_ASSERT_EQUAL(strncmp(l.items[0].reasons, "Gamma links to it (2 mentions); random-walk", 43), 0);
	CU_ASSERT_STRING_EQUAL(name_of(l.items[1].node), "Alpha");
	CU_ASSERT_EQUAL(l.items[1].links_from, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(l.items[1].reasons, "it links to Gamma (1 mention)"));
	/* beta: both link to delta, both linked from alpha; epsilon shares the keyword. */
	bool beta = false, epsilon = false;
	for (size_t i = 0; i < l.count; i++) {
		const gg_related *r = &l.items[i];
		CU_ASSERT_EQUAL(gg_graph_node(graph, r->node)->kind, GG_CONCEPT_TERM);
		CU_ASSERT_NOT_EQUAL(r->node, node("gamma"));
		if (i)
			CU_ASSERT(l.items[i - 1].score >= r->score);
		if (r->node == node("beta")) {
			beta = true;
			CU_ASSERT_EQUAL(r->shared, 1);
			CU_ASSERT_EQUAL(r->cocited, 1);
			CU_ASSERT_PTR_NOT_NULL(strstr(r->reasons, "both link to Delta"));
			CU_ASSERT_PTR_NOT_NULL(strstr(r->reasons, "both linked from Alpha"));
		}
		if (r->node == node("epsilon")) {
			epsilon = true;
			CU_ASSERT_PTR_NOT_NULL(strstr(r->reasons, "both link to cosmic ray burst"));
		}
	}
	CU_ASSERT(beta && epsilon);
	gg_related_list_destroy(&l);
	CU_ASSERT_PTR_NULL(l.text);

	CU_ASSERT_EQUAL_FATAL(gg_query_related(&l, graph, node("gamma"), 1), 0);
	CU_ASSERT_EQUAL(l.count, 1);
	gg_related_list_destroy(&l);

	/* theta's only relation is eta. */
	CU_ASSERT_EQUAL_FATAL(gg_query_related(&l, graph, node("theta"), 10), 0);
	CU_ASSERT_EQUAL_FATAL(l.count, 1);
	CU_ASSERT_STRING_EQUAL(name_of(l.items[0].node), "Eta");
	gg_related_list_destroy(&l);

	CU_ASSERT_EQUAL(gg_query_related(&l, graph, 999, 10), GG_EINVAL);
}

/* A push graph over `graph` whose links fail from the second node pushed on: the error comes back. */
static int failing_links(void *payload, size_t u, const gg_i_push_link **out, size_t *n)
{
	size_t *calls = payload;
	static const gg_i_push_link one = { 0, 1, 1 };
	(void)u;
	if ((*calls)++ > 0)
		return gg_i_error_oom();
	*out = &one;
	*n = 1;
	return 0;
}

/* The local push against the exact personalised PageRank: a lower bound, within its tolerance. */
static void test_proximity_push(void)
{
	size_t n = gg_graph_node_count(graph);
	double *exact = malloc(n * sizeof(*exact)), *push = calloc(n, sizeof(*push));
	CU_ASSERT_FATAL(exact && push);

	for (size_t t = 0; t < n; t++) {
		const gg_node *x = gg_graph_node(graph, t);
		double total = x->out_weight + x->in_weight;
		CU_ASSERT_EQUAL_FATAL(gg_i_pagerank(graph, false, t, exact), 0);
		gg_related_list l;
		CU_ASSERT_EQUAL_FATAL(gg_query_related(&l, graph, t, n), 0);
		double best = 0;
		for (size_t v = 0; v < n; v++)
			if (v != t && gg_graph_node(graph, v)->kind == GG_CONCEPT_TERM && exact[v] > best)
				best = exact[v];
		for (size_t i = 0; i < l.count; i++) {
			size_t v = l.items[i].node;
			const gg_node *y = gg_graph_node(graph, v);
			double tolerance = GG_I_PROXIMITY_TOLERANCE * (y->out_weight + y->in_weight);
			/* scaled to the best term: compare within the tolerance, scaled alike */
			CU_ASSERT(l.items[i].proximity <= exact[v] / best + 1e-9 + tolerance / best);
			CU_ASSERT(l.items[i].proximity >= exact[v] / best - 2 * tolerance / best - 1e-9);
		}
		if (total == 0) /* no link: nothing related */
			CU_ASSERT_EQUAL(l.count, 0);
		gg_related_list_destroy(&l);
	}
	size_t calls = 0;
	gg_i_push_graph failing = { n, failing_links, &calls };
	CU_ASSERT_EQUAL(gg_i_proximity_push(&failing, 0, 1, push), GG_ENOMEM);
	CU_ASSERT_EQUAL(gg_i_proximity_push(&failing, 0, 0, push), 0); /* no link: no call */
	CU_ASSERT_EQUAL(gg_i_proximity_push(&failing, n, 1, push), 0); /* out of range */
	free(exact);
	free(push);
}

/*
 * A graph built without measures answers neighbours, related terms and
 * paths from every node as the whole one does, and holds no measure.
 */
static void test_without_measures(void)
{
	gg_graph_options o;
	gg_graph *bare = NULL;
	gg_graph_options_init(&o);
	o.without_measures = true;
	CU_ASSERT_EQUAL_FATAL(gg_graph_new(&bare, links, &o), 0);
	size_t n = gg_graph_node_count(graph);
	CU_ASSERT_EQUAL_FATAL(gg_graph_node_count(bare), n);
	CU_ASSERT_EQUAL(gg_graph_community_count(bare), 0);
	for (size_t v = 0; v < n; v++) {
		const gg_node *a = gg_graph_node(graph, v), *b = gg_graph_node(bare, v);
		CU_ASSERT_STRING_EQUAL(a->name, b->name);
		CU_ASSERT_EQUAL(a->in_degree, b->in_degree);
		CU_ASSERT_EQUAL(b->pagerank, 0);
		gg_neighbor_list p = { 0 }, q = { 0 };
		CU_ASSERT_EQUAL(gg_query_neighbors(&p, graph, v, GG_DIR_BOTH, 3, 0), 0);
		CU_ASSERT_EQUAL(gg_query_neighbors(&q, bare, v, GG_DIR_BOTH, 3, 0), 0);
		CU_ASSERT_EQUAL_FATAL(p.count, q.count);
		for (size_t i = 0; i < p.count; i++)
			CU_ASSERT(p.items[i].node == q.items[i].node && p.items[i].edge == q.items[i].edge &&
				  p.items[i].depth == q.items[i].depth);
		gg_neighbor_list_destroy(&p);
		gg_neighbor_list_destroy(&q);
		gg_related_list r = { 0 }, t = { 0 };
		CU_ASSERT_EQUAL(gg_query_related(&r, graph, v, 100), 0);
		CU_ASSERT_EQUAL(gg_query_related(&t, bare, v, 100), 0);
		CU_ASSERT_EQUAL_FATAL(r.count, t.count);
		for (size_t i = 0; i < r.count; i++) {
			CU_ASSERT(r.items[i].node == t.items[i].node && r.items[i].score == t.items[i].score);
			CU_ASSERT_STRING_EQUAL(r.items[i].reasons, t.items[i].reasons);
		}
		gg_related_list_destroy(&r);
		gg_related_list_destroy(&t);
		for (size_t w = 0; w < n; w++) {
			for (int undirected = 0; undirected < 2; undirected++) {
				gg_path x = { NULL, 0 }, y = { NULL, 0 };
				CU_ASSERT_EQUAL(gg_query_path(&x, graph, v, w, undirected),
						gg_query_path(&y, bare, v, w, undirected));
				CU_ASSERT_EQUAL_FATAL(x.count, y.count);
				for (size_t i = 0; i < x.count; i++)
					CU_ASSERT(x.hops[i].to == y.hops[i].to && x.hops[i].edge == y.hops[i].edge);
				gg_path_destroy(&x);
				gg_path_destroy(&y);
			}
		}
	}
	gg_graph_free(bare);
}

/*
 * Components counted by gg_query_stats are igraph's, weak and strong, on
 * random multigraphs of 300 terms: sparse (many components) to dense (a
 * few big cycles).
 */
static void test_components_as_igraph(void)
{
	enum { TERMS = 300 };
	char *text = malloc(TERMS * 40);
	size_t len = 0;
	uint32_t seed = 99;
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	for (int i = 0; i < TERMS; i++)
		len += (size_t)snprintf(text + len, TERMS * 40 - len, "t%d, x\n\n**T%d** is.\n\n", i, i);
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "t.txt", text, len), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	for (size_t m = 100; m <= 1200; m += 220) {
		gg_edge *e = calloc(m, sizeof(*e));
		CU_ASSERT_PTR_NOT_NULL_FATAL(e);
		for (size_t i = 0; i < m; i++) {
			char name[16];
			for (int k = 0; k < 2; k++) {
				seed = seed * 1103515245u + 12345u;
				snprintf(name, sizeof(name), "t%u", (seed >> 8) % TERMS);
				CU_ASSERT_EQUAL_FATAL(gg_glossary_find(k ? &e[i].target : &e[i].source, g, name), 0);
			}
			e[i].kind = GG_EDGE_MENTION;
			e[i].weight = 1;
		}
		gg_links *l = NULL;
		gg_graph *gr = NULL;
		gg_graph_stats st;
		bool ready = false;
		CU_ASSERT_EQUAL_FATAL(gg_i_links_from_edges(&l, g, e, m), 0);
		CU_ASSERT_EQUAL_FATAL(gg_graph_new(&gr, l, NULL), 0);
		CU_ASSERT_EQUAL_FATAL(gg_query_stats(&st, gr), 0);
		CU_ASSERT_EQUAL_FATAL(gg_i_graph_igraph(&ready, gr), 0);
		CU_ASSERT_FATAL(ready);
		igraph_vector_int_t sizes;
		igraph_integer_t weak = 0, strong = 0;
		igraph_vector_int_init(&sizes, 0);
		igraph_connected_components(&gr->ig, NULL, &sizes, &weak, IGRAPH_WEAK);
		CU_ASSERT_EQUAL(st.components, (size_t)weak);
		CU_ASSERT_EQUAL(st.largest_component, (size_t)igraph_vector_int_max(&sizes));
		igraph_connected_components(&gr->ig, NULL, &sizes, &strong, IGRAPH_STRONG);
		CU_ASSERT_EQUAL(st.strong_components, (size_t)strong);
		CU_ASSERT(st.strong_components > st.components || m < 300); /* cycles and chains both */
		igraph_vector_int_destroy(&sizes);
		gg_graph_free(gr);
		gg_links_free(l);
		free(e);
	}
	gg_glossary_free(g);
	free(text);
}

static void test_stats(void)
{
	gg_graph_stats s;

	CU_ASSERT_EQUAL_FATAL(gg_query_stats(&s, graph), 0);
	CU_ASSERT_EQUAL(s.nodes, 9);
	CU_ASSERT_EQUAL(s.terms, 8);
	CU_ASSERT_EQUAL(s.keywords, 1);
	CU_ASSERT_EQUAL(s.edges, 10);
	CU_ASSERT_EQUAL(s.edges_by_kind[GG_EDGE_MENTION], 7);
	CU_ASSERT_EQUAL(s.edges_by_kind[GG_EDGE_CATEGORY], 1);
	CU_ASSERT_EQUAL(s.edges_by_kind[GG_EDGE_KEYWORD], 2);
	CU_ASSERT_EQUAL(s.edges_by_kind[GG_EDGE_EDITOR], 0);
	CU_ASSERT_EQUAL(s.links_left_out, 0);
	CU_ASSERT_EQUAL(s.linked_pairs, 9);
	CU_ASSERT_EQUAL(s.components, 2);
	CU_ASSERT_EQUAL(s.largest_component, 7);
	CU_ASSERT_EQUAL(s.strong_components, 9);
	CU_ASSERT_EQUAL(s.isolated, 0);
	CU_ASSERT_DOUBLE_EQUAL(s.density, 9.0 / (9 * 8), 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(s.mean_degree, 2.0, 1e-12);
	CU_ASSERT_EQUAL(s.communities, gg_graph_community_count(graph));
}

CU_ErrorCode suite_query_add(void)
{
	CU_pSuite s = CU_add_suite("query", suite_init, suite_clean);

	if (!s ||
	    !CU_add_test(s, "neighbours by direction, depth, weight", test_neighbors) ||
	    !CU_add_test(s, "shortest chain and its evidence", test_path) ||
	    !CU_add_test(s, "central terms", test_top) ||
	    !CU_add_test(s, "related terms and their reasons", test_related) ||
	    !CU_add_test(s, "proximity by local push, against the exact rank", test_proximity_push) ||
	    !CU_add_test(s, "without measures: the same neighbours, related terms, paths", test_without_measures) ||
	    !CU_add_test(s, "components as igraph counts them", test_components_as_igraph) ||
	    !CU_add_test(s, "summary figures", test_stats))
		return CU_get_error();
	return CUE_SUCCESS;
}
