/* test_store.c - the saved graph: written, opened again the same, searched; files refused. */
#include "suites.h"
#include "glossgraph.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char page[] =
	"alpha, greek\n\n**Alpha** is the letter before beta, see gamma.\n\n"
	"beta, greek\n\n**Beta** follows alpha and comes before delta.\n\n"
	"gamma, greek\n\n**Gamma** rays are not a letter; compare delta.\n\n"
	"delta, greek\n\n**Delta** is a river mouth shaped like the letter.\n\n"
	"epsilon, greek\n\n**Epsilon** is a small quantity, smaller than delta.\n";

static char folder[256];
static char db_path[300];
static gg_glossary *glossary;
static gg_links *links;
static gg_graph *graph;

static int suite_init(void)
{
	gg_link_options lo;
	gg_link_options_init(&lo);
	lo.keep_all = true;
	snprintf(folder, sizeof(folder), "%s/gg-store-XXXXXX", P_tmpdir);
	if (!mkdtemp(folder))
		return 1;
	snprintf(db_path, sizeof(db_path), "%s/glossary.sqlite", folder);
	return gg_glossary_new(&glossary) || gg_glossary_read_buffer(glossary, "greek.txt", page, strlen(page)) ||
	       gg_glossary_build(glossary, NULL) || gg_links_new(&links, glossary, &lo) ||
	       gg_graph_new(&graph, links, NULL) || gg_store_write(graph, db_path, NULL);
}

static int suite_clean(void)
{
	char cmd[600];
	gg_graph_free(graph);
	gg_links_free(links);
	gg_glossary_free(glossary);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", folder);
	return system(cmd) != 0;
}

/* Run SQL on the database at `path` (made when missing). */
static void sql(const char *path, const char *text)
{
	sqlite3 *db = NULL;
	CU_ASSERT_EQUAL_FATAL(sqlite3_open(path, &db), SQLITE_OK);
	CU_ASSERT_EQUAL(sqlite3_exec(db, text, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Copy the suite's database to `name` in the folder; its path in `out`. */
static void copy_db(const char *name, char *out, size_t size)
{
	char cmd[700];
	snprintf(out, size, "%s/%s", folder, name);
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", db_path, out);
	CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
}

static void test_round_trip(void)
{
	gg_store *s = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, db_path, NULL), 0);
	const gg_glossary *g = gg_store_glossary(s);
	const gg_graph *gr = gg_store_graph(s);
	CU_ASSERT_EQUAL(gg_glossary_concept_count(g), gg_glossary_concept_count(glossary));
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), gg_glossary_entry_count(glossary));
	CU_ASSERT_EQUAL(gg_graph_node_count(gr), gg_graph_node_count(graph));
	CU_ASSERT_EQUAL(gg_graph_edge_count(gr), gg_graph_edge_count(graph));
	for (size_t c = 0; c < gg_glossary_concept_count(g); c++)
		CU_ASSERT_STRING_EQUAL(gg_glossary_concept(g, c)->name, gg_glossary_concept(glossary, c)->name);
	for (size_t i = 0; i < gg_glossary_entry_count(g); i++)
		CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, i)->definition,
				       gg_glossary_entry(glossary, i)->definition);
	for (size_t v = 0; v < gg_graph_node_count(gr); v++) {
		CU_ASSERT_EQUAL(gg_graph_node(gr, v)->pagerank, gg_graph_node(graph, v)->pagerank);
		CU_ASSERT_EQUAL(gg_graph_node(gr, v)->community, gg_graph_node(graph, v)->community);
		CU_ASSERT_EQUAL(gg_graph_node(gr, v)->x, gg_graph_node(graph, v)->x);
	}
	for (size_t i = 0; i < gg_graph_edge_count(gr); i++) {
		char a[GG_SNIPPET_MAX], b[GG_SNIPPET_MAX];
		const gg_edge *x = gg_graph_edge(gr, i, NULL, NULL), *y = gg_graph_edge(graph, i, NULL, NULL);
		CU_ASSERT_EQUAL(x->weight, y->weight);
		CU_ASSERT_EQUAL(x->score, y->score);
		gg_edge_snippet(gg_store_links(s), x, a, sizeof(a));
		gg_edge_snippet(links, y, b, sizeof(b));
		CU_ASSERT_STRING_EQUAL(a, b);
	}
	size_t c = 0, node = 0;
	CU_ASSERT_EQUAL(gg_glossary_find(&c, g, "Alpha"), 0);
	CU_ASSERT_EQUAL(gg_graph_node_of(&node, gr, c), 0);
	gg_related_list r1 = { 0 }, r2 = { 0 };
	CU_ASSERT_EQUAL(gg_query_related(&r1, gr, node, 10), 0);
	CU_ASSERT_EQUAL(gg_query_related(&r2, graph, node, 10), 0);
	CU_ASSERT_EQUAL_FATAL(r1.count, r2.count);
	for (size_t i = 0; i < r1.count; i++) {
		CU_ASSERT_EQUAL(r1.items[i].node, r2.items[i].node);
		CU_ASSERT_STRING_EQUAL(r1.items[i].reasons, r2.items[i].reasons);
	}
	gg_related_list_destroy(&r1);
	gg_related_list_destroy(&r2);
	gg_store_free(s);
}

/* Around a term: its neighbours as from a full open. */
static void test_around(void)
{
	gg_store_open_options o;
	gg_store *s = NULL;
	gg_store_open_options_init(&o);
	o.around = "beta";
	o.depth = 2;
	CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, db_path, &o), 0);
	size_t c = 0, node = 0;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&c, gg_store_glossary(s), "beta"), 0);
	CU_ASSERT_EQUAL_FATAL(gg_graph_node_of(&node, gg_store_graph(s), c), 0);
	gg_neighbor_list a = { 0 }, b = { 0 };
	CU_ASSERT_EQUAL(gg_query_neighbors(&a, gg_store_graph(s), node, GG_DIR_BOTH, 2, 0), 0);
	CU_ASSERT_EQUAL(gg_query_neighbors(&b, graph, node, GG_DIR_BOTH, 2, 0), 0);
	CU_ASSERT(a.count > 0);
	CU_ASSERT_EQUAL_FATAL(a.count, b.count);
	/* the neighbourhood's nodes and edges are numbered in their own order: compare what they are */
	for (size_t i = 0; i < a.count; i++) {
		CU_ASSERT_STRING_EQUAL(gg_graph_node(gg_store_graph(s), a.items[i].node)->name,
				       gg_graph_node(graph, b.items[i].node)->name);
		const gg_edge *x = gg_graph_edge(gg_store_graph(s), a.items[i].edge, NULL, NULL);
		const gg_edge *y = gg_graph_edge(graph, b.items[i].edge, NULL, NULL);
		CU_ASSERT(x->source == y->source && x->target == y->target && x->weight == y->weight);
	}
	gg_neighbor_list_destroy(&a);
	gg_neighbor_list_destroy(&b);
	gg_store_free(s);
}

/* Around a term that names nothing, or names only: the names to suggest, as a full open
 * suggests them; no links. */
static void test_around_missing(void)
{
	gg_store_open_options o;
	gg_store *s = NULL;
	gg_store_open_options_init(&o);
	for (int way = 0; way < 3; way++) {
		o.around = way < 2 ? "betta" : NULL;
		o.related = way == 1;
		o.names_only = way == 2;
		CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, db_path, &o), 0);
		const gg_glossary *g = gg_store_glossary(s), *full = gg_graph_glossary(graph);
		size_t c = 0, a[4], b[4];
		CU_ASSERT_EQUAL(gg_glossary_find(&c, g, "betta"), GG_ENOTFOUND);
		size_t n = gg_glossary_suggest(a, 4, g, "betta");
		CU_ASSERT(n > 0);
		CU_ASSERT_EQUAL_FATAL(n, gg_glossary_suggest(b, 4, full, "betta"));
		for (size_t i = 0; i < n; i++)
			CU_ASSERT_EQUAL(a[i], b[i]);
		CU_ASSERT_EQUAL(gg_graph_node_count(gg_store_graph(s)), 0);
		CU_ASSERT_EQUAL(gg_graph_edge_count(gg_store_graph(s)), 0);
		for (size_t k = 0; o.names_only && k < gg_glossary_concept_count(full); k++) {
			const gg_concept *x = gg_glossary_concept(g, k), *y = gg_glossary_concept(full, k);
			CU_ASSERT_STRING_EQUAL(x->name, y->name);
			CU_ASSERT_EQUAL_FATAL(x->n_aliases, y->n_aliases);
			CU_ASSERT_EQUAL_FATAL(x->n_entries, y->n_entries);
			for (size_t i = 0; i < x->n_entries; i++)
				CU_ASSERT_EQUAL(x->entries[i], y->entries[i]);
		}
		gg_store_free(s);
	}
}

/* Without text and edges: the nodes rank, and the communities hold, as in a full open. */
static void test_nodes_only(void)
{
	gg_store_open_options o;
	gg_store *s = NULL;
	gg_store_open_options_init(&o);
	o.without_text = true;
	o.without_edges = true;
	CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, db_path, &o), 0);
	const gg_graph *gr = gg_store_graph(s);
	CU_ASSERT_EQUAL(gg_graph_edge_count(gr), 0);
	CU_ASSERT_EQUAL_FATAL(gg_graph_node_count(gr), gg_graph_node_count(graph));
	for (int by = 0; by < 3; by++) {
		gg_ranking a = { 0 }, b = { 0 };
		CU_ASSERT_EQUAL(gg_query_top(&a, gr, (gg_centrality)by, SIZE_MAX, true), 0);
		CU_ASSERT_EQUAL(gg_query_top(&b, graph, (gg_centrality)by, SIZE_MAX, true), 0);
		CU_ASSERT_EQUAL_FATAL(a.count, b.count);
		CU_ASSERT(a.count > 0);
		for (size_t i = 0; i < a.count; i++)
			CU_ASSERT_EQUAL(a.nodes[i], b.nodes[i]);
		gg_ranking_destroy(&a);
		gg_ranking_destroy(&b);
	}
	CU_ASSERT_EQUAL_FATAL(gg_graph_community_count(gr), gg_graph_community_count(graph));
	for (size_t k = 0; k < gg_graph_community_count(gr); k++) {
		const gg_community *x = gg_graph_community(gr, k), *y = gg_graph_community(graph, k);
		CU_ASSERT_EQUAL_FATAL(x->size, y->size);
		for (size_t i = 0; i < x->size; i++)
			CU_ASSERT_EQUAL(x->members[i], y->members[i]);
	}
	gg_store_free(s);
}

/* Without text: the figures as from the graph, its igraph copy made when first asked;
 * around a term (part of the graph) none. */
static void test_figures_without_text(void)
{
	gg_store_open_options o;
	gg_store *s = NULL;
	gg_graph_stats a, b;
	gg_store_open_options_init(&o);
	o.without_text = true;
	CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, db_path, &o), 0);
	CU_ASSERT_EQUAL_FATAL(gg_query_stats(&a, gg_store_graph(s)), 0);
	CU_ASSERT_EQUAL_FATAL(gg_query_stats(&b, graph), 0);
	CU_ASSERT_EQUAL(a.components, b.components);
	CU_ASSERT_EQUAL(a.largest_component, b.largest_component);
	CU_ASSERT_EQUAL(a.strong_components, b.strong_components);
	CU_ASSERT_EQUAL(a.linked_pairs, b.linked_pairs);
	CU_ASSERT_EQUAL(a.isolated, b.isolated);
	CU_ASSERT_EQUAL(a.links_left_out, b.links_left_out);
	CU_ASSERT_EQUAL(a.modularity, b.modularity);
	gg_store_free(s);

	/* the figures as saved, from an open that reads no graph */
	gg_store_open_options_init(&o);
	o.figures_only = true;
	CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, db_path, &o), 0);
	CU_ASSERT_EQUAL(gg_graph_node_count(gg_store_graph(s)), 0);
	CU_ASSERT_EQUAL_FATAL(gg_store_stats(&a, s), 0);
	CU_ASSERT_EQUAL(memcmp(&a, &b, sizeof(a)), 0);
	gg_store_free(s);
	char path[400];
	copy_db("no-figures.sqlite", path, sizeof(path));
	sql(path, "DELETE FROM meta WHERE key LIKE 'graph_%';");
	CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, path, &o), 0);
	CU_ASSERT_EQUAL(gg_store_stats(&a, s), GG_ENOTFOUND);
	gg_store_free(s);
	sql(path, "INSERT INTO meta VALUES('graph_nodes', 5);");
	CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, path, &o), 0);
	CU_ASSERT_EQUAL(gg_store_stats(&a, s), GG_EINPUT);
	CU_ASSERT(strstr(gg_error_last(), "figures are missing") != NULL);
	gg_store_free(s);
	gg_store_open_options_init(&o);
	o.without_text = false;
	o.around = "beta";
	CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, db_path, &o), 0);
	CU_ASSERT_NOT_EQUAL(gg_query_stats(&a, gg_store_graph(s)), 0);
	gg_store_free(s);
}

/* Two-word term names, made of these: up to 48 x 48 of them. */
static const char *const first_words[] = {
	"amber", "basalt", "cobalt", "dorsal", "ember", "fathom", "garnet", "harbor", "indigo",
	"jasper", "kelvin", "lumen", "marble", "nectar", "onyx", "pewter", "quartz", "russet",
	"sable", "tundra", "umber", "vellum", "walnut", "xenon", "yarrow", "zephyr", "argent",
	"bramble", "cinder", "dune", "fennel", "glacier", "hazel", "iris", "juniper", "kestrel",
	"lichen", "meadow", "nimbus", "orchid", "pollen", "quill", "raven", "sorrel", "thistle",
	"willow", "yucca", "zinnia",
};
static const char *const second_words[] = {
	"lattice", "kernel", "manifold", "tensor", "encoder", "sampler", "gradient", "operator",
	"filter", "buffer", "scheduler", "estimator", "vector", "matrix", "spectrum", "cascade",
	"beacon", "cipher", "circuit", "compass", "conduit", "crystal", "dynamo", "engine",
	"furnace", "gasket", "girder", "hinge", "ingot", "lever", "magnet", "nozzle", "piston",
	"pulley", "rivet", "rotor", "sensor", "shutter", "sprocket", "stator", "switch", "throttle",
	"turbine", "valve", "winch", "anvil", "bellows", "chisel",
};

/*
 * A glossary of `n` two-word terms, each mentioning "hub term" and three
 * others picked by a fixed sequence (some of them often): the hub has more
 * links than a shared neighbour may have (GG_I_RELATED_SHARED_DEGREE).
 */
static char *many_terms(size_t n)
{
	size_t cap = n * 200 + 200, len = 0;
	char *text = malloc(cap);
	uint32_t seed = 12345;
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	len += (size_t)snprintf(text + len, cap - len, "hub term, core\n\n**Hub term** is here.\n\n");
	for (size_t i = 0; i < n; i++) {
		size_t other[3];
		for (int k = 0; k < 3; k++) {
			seed = seed * 1103515245u + 12345u;
			/* a square makes some terms mentioned often, most rarely */
			size_t pick = (size_t)((seed >> 8) % 1000);
			other[k] = pick * pick / 1000 * n / 1000;
		}
		len += (size_t)snprintf(text + len, cap - len,
					"%s %s, core\n\n**%s %s** uses hub term with %s %s, %s %s and %s %s.\n\n",
					first_words[i / 48], second_words[i % 48], first_words[i / 48],
					second_words[i % 48], first_words[other[0] / 48],
					second_words[other[0] % 48], first_words[other[1] / 48],
					second_words[other[1] % 48], first_words[other[2] / 48],
					second_words[other[2] % 48]);
	}
	return text;
}

/* many_terms(1500) read, linked, its graph, and the graph saved in `path`. */
typedef struct many_graph {
	char *text;
	gg_glossary *g;
	gg_links *l;
	gg_graph *gr;
	char path[400];
} many_graph;

/* Make m, saved in the suite's folder as `file`; a failure fails the test. */
static void many_graph_make(many_graph *m, const char *file)
{
	memset(m, 0, sizeof(*m));
	m->text = many_terms(1500);
	snprintf(m->path, sizeof(m->path), "%s/%s", folder, file);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&m->g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(m->g, "many.txt", m->text, strlen(m->text)), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(m->g, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(gg_links_new(&m->l, m->g, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(gg_graph_new(&m->gr, m->l, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(gg_store_write(m->gr, m->path, NULL), 0);
}

static void many_graph_free(many_graph *m)
{
	gg_graph_free(m->gr);
	gg_links_free(m->l);
	gg_glossary_free(m->g);
	free(m->text);
}

/* Related terms from a store opened for one term (its related reading) answer as from the graph. */
static void test_related_around(void)
{
	many_graph m;
	many_graph_make(&m, "many.sqlite");
	const char *path = m.path;
	const gg_glossary *g = m.g;
	const gg_graph *gr = m.gr;
	size_t hub = 0, hub_node = 0;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&hub, g, "hub term"), 0);
	CU_ASSERT_EQUAL_FATAL(gg_graph_node_of(&hub_node, gr, hub), 0);
	CU_ASSERT(gg_graph_node(gr, hub_node)->in_degree > 1000); /* the hub is passed by */

	const char *terms[] = { "amber lattice", "basalt kernel", "hub term", "glacier estimator",
				"cobalt manifold" };
	for (size_t t = 0; t < sizeof(terms) / sizeof(terms[0]); t++) {
		gg_store_open_options o;
		gg_store *s = NULL;
		gg_store_open_options_init(&o);
		o.around = terms[t];
		o.related = true;
		CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, path, &o), 0);
		size_t c = 0, c2 = 0, node = 0, node2 = 0;
		CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&c, g, terms[t]), 0);
		CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&c2, gg_store_glossary(s), terms[t]), 0);
		CU_ASSERT_EQUAL(c, c2);
		CU_ASSERT_EQUAL_FATAL(gg_graph_node_of(&node, gr, c), 0);
		CU_ASSERT_EQUAL_FATAL(gg_graph_node_of(&node2, gg_store_graph(s), c2), 0);
		gg_related_list a = { 0 }, b = { 0 };
		CU_ASSERT_EQUAL(gg_query_related(&a, gg_store_graph(s), node2, 1000), 0);
		CU_ASSERT_EQUAL(gg_query_related(&b, gr, node, 1000), 0);
		CU_ASSERT(b.count > 3);
		CU_ASSERT_EQUAL_FATAL(a.count, b.count);
		for (size_t i = 0; i < a.count; i++) {
			CU_ASSERT_STRING_EQUAL(gg_graph_node(gg_store_graph(s), a.items[i].node)->name,
					       gg_graph_node(gr, b.items[i].node)->name);
			CU_ASSERT_EQUAL(a.items[i].score, b.items[i].score);
			CU_ASSERT_EQUAL(a.items[i].proximity, b.items[i].proximity);
			CU_ASSERT_STRING_EQUAL(a.items[i].reasons, b.items[i].reasons);
		}
		gg_related_list_destroy(&a);
		gg_related_list_destroy(&b);
		gg_store_free(s);
	}
	many_graph_free(&m);
}

/* Whether paths p (in graph a) and q (in graph b) walk the same nodes by the same edges. */
static bool same_path(const gg_graph *a, const gg_path *p, const gg_graph *b, const gg_path *q)
{
	if (p->count != q->count)
		return false;
	for (size_t i = 0; i < p->count; i++) {
		const gg_hop *x = &p->hops[i], *y = &q->hops[i];
		size_t f, t;
		const gg_edge *e = gg_graph_edge(a, x->edge, &f, &t), *d = gg_graph_edge(b, y->edge, &f, &t);
		if (strcmp(gg_graph_node(a, x->from)->name, gg_graph_node(b, y->from)->name) ||
		    strcmp(gg_graph_node(a, x->to)->name, gg_graph_node(b, y->to)->name) ||
		    x->reverse != y->reverse || !e || !d || e->source != d->source ||
		    e->target != d->target || e->kind != d->kind || e->weight != d->weight ||
		    e->entry != d->entry || e->offset != d->offset)
			return false;
	}
	return true;
}

/*
 * Paths from a store opened for one pair of terms are the whole graph's,
 * the links' way or either way: among many chains of equal length (the
 * hub ties every pair two hops apart either way) the same one, and where
 * there is none the links' way, the one either way.
 */
static void test_path_around(void)
{
	many_graph m;
	size_t n = 1500, found = 0, missing = 0, longest = 0;
	uint32_t seed = 7;
	many_graph_make(&m, "paths.sqlite");
	const char *path = m.path;
	const gg_glossary *g = m.g;
	const gg_graph *gr = m.gr;
	for (int pair = 0; pair < 60; pair++) {
		char from[64], to[64];
		size_t ends[2];
		for (int k = 0; k < 2; k++) {
			seed = seed * 1103515245u + 12345u;
			ends[k] = (seed >> 8) % n;
		}
		snprintf(from, sizeof(from), "%s %s", first_words[ends[0] / 48], second_words[ends[0] % 48]);
		snprintf(to, sizeof(to), "%s %s", first_words[ends[1] / 48], second_words[ends[1] % 48]);
		for (int undirected = 0; undirected < 2; undirected++) {
			gg_store_open_options o;
			gg_store *s = NULL;
			gg_store_open_options_init(&o);
			o.around = from;
			o.path_to = to;
			o.undirected = undirected;
			CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, path, &o), 0);
			size_t c[2], nodes[2][2];
			for (int k = 0; k < 2; k++) {
				CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&c[k], g, k ? to : from), 0);
				CU_ASSERT_EQUAL_FATAL(gg_graph_node_of(&nodes[0][k], gr, c[k]), 0);
				CU_ASSERT_EQUAL_FATAL(gg_graph_node_of(&nodes[1][k], gg_store_graph(s), c[k]), 0);
			}
			/* the links' way (unless undirected), then, where there is no chain, either way */
			int err = GG_ENOTFOUND;
			for (int way = undirected; way < 2 && err == GG_ENOTFOUND; way++) {
				gg_path p = { NULL, 0 }, q = { NULL, 0 };
				err = gg_query_path(&p, gr, nodes[0][0], nodes[0][1], way);
				CU_ASSERT_EQUAL(gg_query_path(&q, gg_store_graph(s), nodes[1][0], nodes[1][1], way), err);
				CU_ASSERT(same_path(gr, &p, gg_store_graph(s), &q));
				found += p.count > 0;
				missing += err == GG_ENOTFOUND;
				longest = p.count > longest ? p.count : longest;
				gg_path_destroy(&p);
				gg_path_destroy(&q);
			}
			gg_store_free(s);
		}
	}
	CU_ASSERT(found > 60);  /* most pairs have a chain */
	CU_ASSERT(missing > 0); /* and some none the links' way */
	CU_ASSERT(longest >= 4);
	many_graph_free(&m);
}

static void test_search(void)
{
	gg_store_open_options o;
	gg_store_open_options_init(&o);
	for (int way = 0; way < 3; way++) { /* a full open, names only, for a search only */
		gg_store *s = NULL;
		gg_search_list a = { 0 }, b = { 0 };
		o.names_only = way == 1;
		o.figures_only = way == 2;
		CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, db_path, &o), 0);
		CU_ASSERT_EQUAL(gg_store_search(&a, s, "letter", 10), 0);
		CU_ASSERT_EQUAL(gg_glossary_search(&b, glossary, "letter", 10), 0);
		CU_ASSERT(a.count >= 3);
		CU_ASSERT_EQUAL_FATAL(a.count, b.count);
		for (size_t i = 0; i < a.count; i++) {
			CU_ASSERT_EQUAL(a.items[i].concept, b.items[i].concept);
			CU_ASSERT_STRING_EQUAL(a.items[i].snippet, b.items[i].snippet);
			CU_ASSERT(strstr(a.items[i].snippet, "[letter]") != NULL);
			CU_ASSERT_STRING_EQUAL(a.items[i].name, b.items[i].name);
			CU_ASSERT_STRING_EQUAL(b.items[i].name,
					       gg_glossary_concept(glossary, b.items[i].concept)->name);
			if (way < 2)
				CU_ASSERT_STRING_EQUAL(gg_glossary_concept(gg_store_glossary(s),
									   a.items[i].concept)->name,
						       a.items[i].name);
		}
		gg_search_list_destroy(&a);
		CU_ASSERT_EQUAL(gg_store_search(&a, s, "\"unclosed", 10), GG_EINVAL);
		CU_ASSERT_EQUAL(a.count, 0);
		CU_ASSERT_PTR_NOT_NULL(strstr(gg_error_last(), "'\"unclosed'"));
		gg_search_list_destroy(&a);
		/* what FTS5 cannot read, without quotes of its own: its words quoted */
		CU_ASSERT_EQUAL(gg_store_search(&a, s, "letter+ letter:", 10), 0);
		CU_ASSERT_EQUAL(a.count, b.count);
		CU_ASSERT(a.count && strstr(a.items[0].snippet, "[letter]") != NULL);
		gg_search_list_destroy(&a);
		gg_search_list_destroy(&b);
		gg_store_free(s);
	}
}

/* Every refusal leaves *out NULL and says why. */
static void expect_refused(const char *path, int code, const char *words)
{
	gg_store *s = (gg_store *)1;
	CU_ASSERT_EQUAL(gg_store_open(&s, path, NULL), code);
	CU_ASSERT_PTR_NULL(s);
	CU_ASSERT(strstr(gg_error_last(), words) != NULL);
}

static void test_refused(void)
{
	char path[400];
	snprintf(path, sizeof(path), "%s/text.sqlite", folder);
	FILE *f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs("alpha, greek\n\n**Alpha** is not a database.\n", f);
	fclose(f);
	expect_refused(path, GG_EINPUT, "is not a glossgraph database");

	snprintf(path, sizeof(path), "%s/other.sqlite", folder);
	sql(path, "CREATE TABLE t(a);");
	expect_refused(path, GG_EINPUT, "is not a glossgraph database");

	copy_db("newer.sqlite", path, sizeof(path));
	sql(path, "PRAGMA user_version = 4;");
	expect_refused(path, GG_EINPUT, "has schema version 4, newer than");

	copy_db("damaged.sqlite", path, sizeof(path));
	sql(path, "DELETE FROM edges WHERE id = 0;");
	expect_refused(path, GG_EINPUT, "is a damaged glossgraph database");

	copy_db("truncated.sqlite", path, sizeof(path));
	struct stat st;
	CU_ASSERT_EQUAL_FATAL(stat(path, &st), 0);
	CU_ASSERT_EQUAL_FATAL(truncate(path, st.st_size / 2), 0);
	expect_refused(path, GG_EINPUT, "is a damaged glossgraph database");

	snprintf(path, sizeof(path), "%s/missing.sqlite", folder);
	expect_refused(path, GG_EIO, "cannot open");

	/* a search for a chain that meets a link to a concept that is not there */
	copy_db("dangling.sqlite", path, sizeof(path));
	sql(path, "UPDATE edges SET target = 1000 WHERE held = '';");
	gg_store_open_options o;
	gg_store *s = (gg_store *)1;
	gg_store_open_options_init(&o);
	o.around = "alpha";
	o.path_to = "epsilon";
	CU_ASSERT_EQUAL(gg_store_open(&s, path, &o), GG_EINPUT);
	CU_ASSERT_PTR_NULL(s);
	CU_ASSERT(strstr(gg_error_last(), "an edge names a concept that is not there") != NULL);
}

/*
 * Definitions whose snippets are cut inside characters of two, three and
 * four bytes, with tabs and Markdown markers in them.
 */
static const char utf8_page[] =
	"mu, greek\n\n**Mu** \xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 "
	"\xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9 "
	"sees nu\tand **xi** \xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac "
	"\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac "
	"\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac*.\n\n"
	"nu, greek\n\n**Nu** \xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e"
	"\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e"
	"\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e"
	"\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e, then mu, \xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e"
	"\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e"
	"\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e"
	"\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e\xf0\x9d\x84\x9e.\n\n"
	"xi, greek\n\n**Xi** is short; see mu.\n";

/*
 * Every edge of the database at `path` has in edges_with_evidence the
 * file and line of its entry and the snippet gg_edge_snippet makes, as in `l`.
 */
static void expect_view_snippets(const char *path, const gg_links *l)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	size_t rows = 0;
	CU_ASSERT_EQUAL_FATAL(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	CU_ASSERT_EQUAL_FATAL(sqlite3_prepare_v2(db, "SELECT id, snippet, file, line FROM edges_with_evidence"
						 " ORDER BY id", -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		char want[GG_SNIPPET_MAX * 2];
		size_t id = (size_t)sqlite3_column_int64(s, 0);
		CU_ASSERT_FATAL(id < gg_links_count(l));
		const gg_edge *e = gg_links_edge(l, id);
		const gg_entry *entry = gg_glossary_entry(gg_links_glossary(l), e->entry);
		gg_edge_snippet(l, e, want, sizeof(want));
		CU_ASSERT_STRING_EQUAL((const char *)sqlite3_column_text(s, 1), want);
		CU_ASSERT_PTR_NOT_NULL_FATAL(entry);
		CU_ASSERT_STRING_EQUAL((const char *)sqlite3_column_text(s, 2), entry->file);
		CU_ASSERT_EQUAL(sqlite3_column_int64(s, 3), entry->line);
		rows++;
	}
	CU_ASSERT_EQUAL(rows, gg_links_count(l));
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* The snippets made on reading are those the links make, also cut inside characters. */
static void test_snippet_view(void)
{
	gg_glossary *g = NULL;
	gg_links *l = NULL;
	gg_graph *gr = NULL;
	gg_link_options lo;
	char path[400];

	expect_view_snippets(db_path, links);
	gg_link_options_init(&lo);
	lo.keep_all = true;
	snprintf(path, sizeof(path), "%s/utf8.sqlite", folder);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "utf8.txt", utf8_page, strlen(utf8_page)), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(gg_links_new(&l, g, &lo), 0);
	CU_ASSERT_EQUAL_FATAL(gg_graph_new(&gr, l, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(gg_store_write(gr, path, NULL), 0);
	CU_ASSERT(gg_links_count(l) >= 3);
	expect_view_snippets(path, l);
	gg_graph_free(gr);
	gg_links_free(l);
	gg_glossary_free(g);
}

/* Written in stages (the glossary, the links, the graph), the database answers as one written at once. */
static void test_staged_write(void)
{
	gg_store_writer *w = NULL;
	gg_store *s = NULL;
	char path[400], tmp_files[600];

	snprintf(path, sizeof(path), "%s/staged.sqlite", folder);
	CU_ASSERT_EQUAL_FATAL(gg_store_writer_new(&w, glossary, path, NULL), 0);
	CU_ASSERT_NOT_EQUAL(access(path, F_OK), 0); /* nothing there before it is finished */
	CU_ASSERT_EQUAL(gg_store_writer_put_links(w, links), 0);
	CU_ASSERT_EQUAL(gg_store_writer_put_links(w, links), GG_EINVAL);
	CU_ASSERT_EQUAL(gg_store_writer_finish(w, graph), 0);
	gg_store_writer_free(w);
	CU_ASSERT_EQUAL_FATAL(gg_store_open(&s, path, NULL), 0);
	CU_ASSERT_EQUAL(gg_graph_edge_count(gg_store_graph(s)), gg_graph_edge_count(graph));
	CU_ASSERT_EQUAL(gg_graph_node(gg_store_graph(s), 0)->pagerank, gg_graph_node(graph, 0)->pagerank);
	gg_store_free(s);
	expect_view_snippets(path, links);

	/* abandoned: no file, no temporary left */
	snprintf(path, sizeof(path), "%s/abandoned.sqlite", folder);
	CU_ASSERT_EQUAL_FATAL(gg_store_writer_new(&w, glossary, path, NULL), 0);
	gg_store_writer_free(w);
	CU_ASSERT_NOT_EQUAL(access(path, F_OK), 0);
	snprintf(tmp_files, sizeof(tmp_files), "ls -A '%s' | grep -q '^\\.glossgraph\\.tmp'", folder);
	CU_ASSERT_NOT_EQUAL(system(tmp_files), 0);
	gg_store_writer_free(NULL);
}

static void test_write_fails(void)
{
	char path[400];
	CU_ASSERT_EQUAL(gg_store_write(graph, "-", NULL), GG_EIO);
	snprintf(path, sizeof(path), "%s/no/such/folder/g.sqlite", folder);
	CU_ASSERT_EQUAL(gg_store_write(graph, path, NULL), GG_EIO);
	CU_ASSERT(strstr(gg_error_last(), "no/such/folder") != NULL);
	CU_ASSERT_EQUAL(gg_store_write(graph, folder, NULL), GG_EIO); /* a folder */
	snprintf(path, sizeof(path), "%s/ro", folder);
	CU_ASSERT_EQUAL_FATAL(mkdir(path, 0555), 0);
	if (access(path, W_OK) != 0) { /* root writes anywhere */
		snprintf(path, sizeof(path), "%s/ro/g.sqlite", folder);
		CU_ASSERT_EQUAL(gg_store_write(graph, path, NULL), GG_EIO);
		CU_ASSERT_NOT_EQUAL(access(path, F_OK), 0);
	}
}

CU_ErrorCode suite_store_add(void)
{
	CU_pSuite s = CU_add_suite("store", suite_init, suite_clean);

	if (!s ||
	    !CU_add_test(s, "written and opened again, the same graph", test_round_trip) ||
	    !CU_add_test(s, "opened around a term: its neighbours", test_around) ||
	    !CU_add_test(s, "names only, or around a term that names nothing: names to suggest", test_around_missing) ||
	    !CU_add_test(s, "without text and edges: the same top terms and communities", test_nodes_only) ||
	    !CU_add_test(s, "without text: the same figures; around a term, none", test_figures_without_text) ||
	    !CU_add_test(s, "opened for a term's related terms: the same answer", test_related_around) ||
	    !CU_add_test(s, "opened for a path: the same chain, either way too", test_path_around) ||
	    !CU_add_test(s, "full-text search, saved and in memory", test_search) ||
	    !CU_add_test(s, "snippets made on reading, as the links make them", test_snippet_view) ||
	    !CU_add_test(s, "written in stages, as at once", test_staged_write) ||
	    !CU_add_test(s, "not a database, newer, damaged, truncated, missing, a dangling link", test_refused) ||
	    !CU_add_test(s, "a write that cannot be done fails", test_write_fails))
		return CU_get_error();
	return CUE_SUCCESS;
}
