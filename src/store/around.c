/* around.c - a saved graph opened around one term: its neighbourhood found by indexed look-ups, the rest left empty. */
#include "store/store_i.h"
#include "core/buf.h"
#include "core/error.h"
#include "graph/graph_i.h"
#include "link/links.h"
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

/* What is loaded around a term: the concepts reached and the edges found, in growable lists. */
typedef struct around {
	uint8_t *seen;        /* per concept: reached */
	size_t *concepts;     /* reached, in the order reached */
	size_t n_concepts, cap_concepts;
	int64_t *edges;       /* ids of the kept edges found, repeats included until sorted */
	size_t n_edges, cap_edges;
} around;

/* Append v to a growable list; false (out of memory, kept in r) when it cannot grow. */
static bool push(gg_i_store_reader *r, void **list, size_t *n, size_t *cap, size_t size,
		 const void *v)
{
	if (*n == *cap) {
		size_t grown = *cap ? 2 * *cap : 64;
		void *more = realloc(*list, grown * size);
		if (!more) {
			r->err = gg_i_error_oom();
			return false;
		}
		*list = more;
		*cap = grown;
	}
	memcpy((char *)*list + *n * size, v, size);
	(*n)++;
	return true;
}

static int compare_ids(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* Mark concept c reached, listing it the first time. */
static void reach(gg_i_store_reader *r, around *a, size_t c)
{
	if (!a->seen[c]) {
		a->seen[c] = 1;
		push(r, (void **)&a->concepts, &a->n_concepts, &a->cap_concepts, sizeof(size_t), &c);
	}
}

/* The edges found in the links' order, once each. */
static void sort_edges(around *a)
{
	if (!a->n_edges)
		return;
	qsort(a->edges, a->n_edges, sizeof(*a->edges), compare_ids);
	size_t kept = 1;
	for (size_t i = 1; i < a->n_edges; i++)
		if (a->edges[i] != a->edges[kept - 1])
			a->edges[kept++] = a->edges[i];
	a->n_edges = kept;
}

/*
 * From `focus`, breadth first: every kept edge in or out of a concept up to
 * `depth` - 1 hops away, and the concepts they reach. Two indexed look-ups
 * a concept.
 */
static void walk_around(gg_i_store_reader *r, around *a, size_t focus, unsigned depth,
			size_t n_concepts)
{
	sqlite3_stmt *out = gg_i_store_prepare_kept(r, "id, target", false, false, false);
	sqlite3_stmt *in = gg_i_store_prepare_kept(r, "id, source", true, false, false);
	size_t begin = 0;

	reach(r, a, focus);
	for (unsigned d = 1; d <= depth && !r->err; d++) { /* expand the concepts d - 1 hops away */
		size_t end = a->n_concepts;
		for (size_t q = begin; q < end && !r->err; q++) {
			sqlite3_stmt *runs[2] = { out, in };
			for (int k = 0; k < 2 && !r->err; k++) {
				sqlite3_reset(runs[k]);
				sqlite3_bind_int64(runs[k], 1, (int64_t)a->concepts[q]);
				while (gg_i_store_next_row(r, runs[k])) {
					int64_t id = sqlite3_column_int64(runs[k], 0);
					int64_t other = sqlite3_column_int64(runs[k], 1);
					if (other < 0 || (uint64_t)other >= n_concepts) {
						gg_i_store_damaged(r, "an edge names a concept that is not there");
						break;
					}
					push(r, (void **)&a->edges, &a->n_edges, &a->cap_edges,
					     sizeof(int64_t), &id);
					reach(r, a, (size_t)other);
				}
			}
		}
		begin = end;
	}
	sqlite3_finalize(out);
	sqlite3_finalize(in);
	sort_edges(a);
}

/* The statements of an entry's lists and of a concept's (bound to its id). */
#define ENTRY_LISTS "SELECT entry, kind, position, text, offset, len FROM entry_items" \
	" WHERE entry = ?1 ORDER BY rowid"
#define CONCEPT_LISTS "SELECT concept, kind, position, name FROM concept_names" \
	" WHERE concept = ?1 ORDER BY rowid"

/* The entry `id` (s: its row) with its lists (items: ENTRY_LISTS), into g->entries[id]. */
static void load_entry(gg_i_store_reader *r, sqlite3_stmt *s, sqlite3_stmt *items, gg_glossary *g,
		       int64_t id)
{
	sqlite3_reset(s);
	sqlite3_bind_int64(s, 1, id);
	if (!gg_i_store_next_row(r, s)) {
		gg_i_store_damaged(r, "an entry is missing");
		return;
	}
	gg_entry *e = &g->entries[id];
	e->file = gg_i_store_column_text(r, &g->arena, s, 0);
	e->concept = (size_t)sqlite3_column_int64(s, 1);
	if (!e->file || e->concept >= g->n_concepts)
		gg_i_store_damaged(r, "an entry lacks its file or concept");
	gg_i_store_entry_text(r, &g->arena, s, 2, e);
	gg_i_store_read_lists_with(r, &g->arena, items, id, g->entries, g->n_entries, true,
				   gg_i_store_put_entry_list);
}

/* The concept statement load_concept reads (bound to the concept's id). */
#define CONCEPT_ROW "SELECT kind, name, node, pagerank, betweenness, in_degree, out_degree," \
	" in_weight, out_weight, community, x, y, size, mentioned_by FROM concepts WHERE id = ?1"

/*
 * Concept `id` from s (CONCEPT_ROW): its kind, name and link count, and, if
 * it is a node, the node's measures into nodes and node_of (its number + 1).
 */
static void load_concept(gg_i_store_reader *r, sqlite3_stmt *s, gg_glossary *g, size_t id,
			 uint32_t *mentioned_by, gg_node *nodes, size_t n_nodes, size_t *node_of)
{
	gg_concept *k = &g->concepts[id];
	sqlite3_reset(s);
	sqlite3_bind_int64(s, 1, (int64_t)id);
	if (!gg_i_store_next_row(r, s)) {
		gg_i_store_damaged(r, "a concept is missing");
		return;
	}
	const char *kind = (const char *)sqlite3_column_text(s, 0);
	k->kind = kind && strcmp(kind, "keyword") == 0 ? GG_CONCEPT_KEYWORD : GG_CONCEPT_TERM;
	if (!(k->name = gg_i_store_column_text(r, &g->arena, s, 1)))
		gg_i_store_damaged(r, "a concept has no name");
	mentioned_by[id] = (uint32_t)sqlite3_column_int64(s, 13);
	if (sqlite3_column_type(s, 2) == SQLITE_NULL)
		return;
	int64_t v = sqlite3_column_int64(s, 2);
	if (v < 0 || (uint64_t)v >= n_nodes) {
		gg_i_store_damaged(r, "a node is out of range");
		return;
	}
	nodes[v] = (gg_node){ id, k->name, k->kind, (uint32_t)sqlite3_column_int64(s, 5),
			      (uint32_t)sqlite3_column_int64(s, 6), sqlite3_column_double(s, 7),
			      sqlite3_column_double(s, 8), sqlite3_column_double(s, 3),
			      sqlite3_column_double(s, 4), sqlite3_column_int(s, 9),
			      sqlite3_column_double(s, 10), sqlite3_column_double(s, 11),
			      sqlite3_column_double(s, 12) };
	node_of[id] = (size_t)v + 1;
}

/*
 * The concepts reached, with their names, link counts and nodes' measures;
 * the focus's entries (in order) and the entries holding the evidence of
 * `edges`. Fills nodes and node_of for the concepts reached.
 */
static void load_reached(gg_i_store_reader *r, gg_glossary *g, const around *a, size_t focus,
			 uint32_t *mentioned_by, gg_node *nodes, size_t n_nodes, size_t *node_of)
{
	sqlite3_stmt *c = gg_i_store_prepare(r, CONCEPT_ROW);
	sqlite3_stmt *entry = gg_i_store_prepare(r, "SELECT file, concept, " GG_I_STORE_ENTRY_TEXT
						    " FROM entries WHERE id = ?1");
	sqlite3_stmt *own = gg_i_store_prepare(r, "SELECT id FROM entries WHERE concept = ?1"
						  " ORDER BY id");
	sqlite3_stmt *evidence = gg_i_store_prepare(r, "SELECT entry FROM edges WHERE id = ?1");
	sqlite3_stmt *entry_lists = gg_i_store_prepare(r, ENTRY_LISTS);
	sqlite3_stmt *concept_lists = gg_i_store_prepare(r, CONCEPT_LISTS);
	size_t *list = NULL, n_list = 0, cap_list = 0;

	for (size_t i = 0; i < a->n_concepts && !r->err; i++) {
		size_t id = a->concepts[i];
		load_concept(r, c, g, id, mentioned_by, nodes, n_nodes, node_of);
		gg_i_store_read_lists_with(r, &g->arena, concept_lists, (int64_t)id, g->concepts,
					   g->n_concepts, false, gg_i_store_put_concept_list);
	}
	/* the focus's own entries, and its list of them */
	sqlite3_bind_int64(own, 1, (int64_t)focus);
	while (gg_i_store_next_row(r, own)) {
		size_t id = (size_t)sqlite3_column_int64(own, 0);
		if (id >= g->n_entries) {
			gg_i_store_damaged(r, "an entry is out of range");
			break;
		}
		push(r, (void **)&list, &n_list, &cap_list, sizeof(size_t), &id);
	}
	size_t *entries = r->err ? NULL
				 : gg_i_arena_alloc(&g->arena, (n_list ? n_list : 1) * sizeof(size_t));
	if (!r->err && !entries)
		r->err = gg_i_error_oom();
	for (size_t i = 0; i < n_list && !r->err; i++) {
		entries[i] = list[i];
		load_entry(r, entry, entry_lists, g, (int64_t)list[i]);
	}
	if (!r->err) {
		g->concepts[focus].entries = entries;
		g->concepts[focus].n_entries = n_list;
	}
	/* the entries holding the evidence */
	for (size_t i = 0; i < a->n_edges && !r->err; i++) {
		sqlite3_reset(evidence);
		sqlite3_bind_int64(evidence, 1, a->edges[i]);
		if (!gg_i_store_next_row(r, evidence)) {
			gg_i_store_damaged(r, "an edge is missing");
			break;
		}
		int64_t id = sqlite3_column_int64(evidence, 0);
		if (id < 0 || (uint64_t)id >= g->n_entries) {
			gg_i_store_damaged(r, "an edge's entry is out of range");
			break;
		}
		if (!g->entries[id].file) /* not loaded yet */
			load_entry(r, entry, entry_lists, g, id);
	}
	free(list);
	sqlite3_finalize(c);
	sqlite3_finalize(entry);
	sqlite3_finalize(own);
	sqlite3_finalize(evidence);
	sqlite3_finalize(entry_lists);
	sqlite3_finalize(concept_lists);
}

/* ---- what gg_query_related of a term reads (gg_store_open_options.related) ---- */

/* Where a concept's kept edges out and in are in related_walk.edges, once read. */
typedef struct edge_span {
	size_t start[2];
	uint32_t n[2];
	bool read[2];
} edge_span;

enum { OUT = 0, IN = 1 };

/* An edge read, with its id (the links' order). */
typedef struct edge_read {
	int64_t id;
	gg_edge edge;
} edge_read;

/*
 * A term's related-terms reading in progress: the concepts loaded as they
 * are reached (names and nodes' measures, no text), each concept's edges
 * read once, and the links the local push asks for.
 */
typedef struct related_walk {
	gg_i_store_reader *r;
	gg_glossary *g;
	sqlite3_stmt *concept, *out, *in; /* CONCEPT_ROW; a concept's kept edges out, in */
	uint8_t *seen;                    /* per concept: loaded */
	size_t *loaded;                   /* the concepts loaded, in that order */
	size_t n_loaded, cap_loaded;
	uint32_t *mentioned_by;
	gg_node *nodes;
	size_t n_nodes;
	size_t *node_of;
	edge_span *span;                  /* per concept */
	edge_read *edges;                 /* repeats included until sorted */
	size_t n_edges, cap_edges;
	gg_i_push_link *links;            /* the push's buffer */
	size_t cap_links;
} related_walk;

/* Concept c with its node's measures, once. */
static void load_once(related_walk *w, size_t c)
{
	if (w->seen[c])
		return;
	w->seen[c] = 1;
	push(w->r, (void **)&w->loaded, &w->n_loaded, &w->cap_loaded, sizeof(size_t), &c);
	load_concept(w->r, w->concept, w->g, c, w->mentioned_by, w->nodes, w->n_nodes, w->node_of);
}

/*
 * Concept c's kept edges out (`dir` OUT) or in, by id (as the graph's edge
 * runs), once; the concepts at their other ends loaded.
 */
static void read_edges(related_walk *w, size_t c, int dir)
{
	edge_span *span = &w->span[c];
	sqlite3_stmt *s = dir == OUT ? w->out : w->in;
	if (span->read[dir] || w->r->err)
		return;
	span->read[dir] = true;
	span->start[dir] = w->n_edges;
	sqlite3_reset(s);
	sqlite3_bind_int64(s, 1, (int64_t)c);
	while (gg_i_store_next_row(w->r, s)) {
		if (GG_ARRAY_PUSH_SLOT(w->edges, w->n_edges, w->cap_edges) != 0) {
			w->r->err = gg_i_error_oom();
			break;
		}
		edge_read *e = &w->edges[w->n_edges];
		e->id = sqlite3_column_int64(s, 0);
		if (!gg_i_store_parse_edge(w->r, s, w->g, &e->edge))
			break;
		w->n_edges++;
		load_once(w, dir == OUT ? e->edge.target : e->edge.source);
	}
	span->n[dir] = (uint32_t)(w->n_edges - span->start[dir]);
}

/*
 * A gg_i_push_graph's `links` over the database: node u's edges read (once)
 * and given as the graph's edge runs give them: no self-link, both ends
 * nodes.
 */
static int links_of_store(void *payload, size_t u, const gg_i_push_link **out, size_t *n)
{
	related_walk *w = payload;
	size_t c = w->nodes[u].concept, k = 0;

	read_edges(w, c, OUT);
	read_edges(w, c, IN);
	const edge_span *span = &w->span[c];
	size_t need = (size_t)span->n[OUT] + span->n[IN];
	if (!w->r->err && need > w->cap_links) {
		gg_i_push_link *more = realloc(w->links, need * sizeof(*more));
		if (!more)
			w->r->err = gg_i_error_oom();
		else {
			w->links = more;
			w->cap_links = need;
		}
	}
	if (w->r->err)
		return w->r->err;
	for (size_t i = 0; i < need; i++) {
		bool out_edge = i < span->n[OUT];
		const gg_edge *e = &w->edges[out_edge ? span->start[OUT] + i
					     : span->start[IN] + (i - span->n[OUT])].edge;
		size_t other = out_edge ? e->target : e->source;
		if (e->source == e->target || !w->node_of[other])
			continue;
		const gg_node *x = &w->nodes[w->node_of[other] - 1];
		w->links[k++] = (gg_i_push_link){ (uint32_t)(w->node_of[other] - 1), gg_i_edge_weight(e),
						  x->out_weight + x->in_weight };
	}
	*out = w->links;
	*n = k;
	return 0;
}

static int compare_edge_ids(const void *a, const void *b)
{
	const edge_read *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

/*
 * The edges of the focus's neighbours that gg_query_related reads for
 * shared neighbours: the edges into a term the focus links to, out of a
 * term linking to it, unless it has more than GG_I_RELATED_SHARED_DEGREE
 * such links (query.c passes those by).
 */
static void read_shared(related_walk *w, size_t focus)
{
	for (int dir = OUT; dir <= IN && !w->r->err; dir++) {
		const edge_span *span = &w->span[focus];
		for (size_t i = 0; i < span->n[dir] && !w->r->err; i++) {
			const gg_edge *e = &w->edges[span->start[dir] + i].edge;
			size_t other = dir == OUT ? e->target : e->source;
			if (!w->node_of[other])
				continue;
			const gg_node *x = &w->nodes[w->node_of[other] - 1];
			if ((dir == OUT ? x->in_degree : x->out_degree) <= GG_I_RELATED_SHARED_DEGREE)
				read_edges(w, other, dir == OUT ? IN : OUT);
		}
	}
}

/*
 * What gg_query_related of `focus` reads: the focus's edges and its
 * neighbours' (direct links, shared targets, shared citers and their
 * reasons), and the edges of every node its local push reaches, read as
 * the push asks for them (gg_i_proximity_push, the same push the query
 * makes again in memory). Sets *edges (by id, once each; malloc'd) and
 * *n_edges.
 */
static void walk_related(related_walk *w, size_t focus, gg_edge **edges, size_t *n_edges)
{
	load_once(w, focus);
	read_edges(w, focus, OUT);
	read_edges(w, focus, IN);
	read_shared(w, focus);
	size_t node = w->node_of[focus] - 1; /* SIZE_MAX: not a node */
	double *estimate = NULL;
	if (!w->r->err && node != SIZE_MAX) {
		gg_i_push_graph push = { w->n_nodes, links_of_store, w };
		const gg_node *x = &w->nodes[node];
		if (!(estimate = calloc(w->n_nodes ? w->n_nodes : 1, sizeof(*estimate))))
			w->r->err = gg_i_error_oom();
		else if (gg_i_proximity_push(&push, node, x->out_weight + x->in_weight, estimate) != 0)
			w->r->err = w->r->err ? w->r->err : gg_i_error_oom();
		free(estimate);
	}
	if (w->r->err)
		return;
	if (w->n_edges) /* in the links' order, once each */
		qsort(w->edges, w->n_edges, sizeof(*w->edges), compare_edge_ids);
	*edges = malloc((w->n_edges ? w->n_edges : 1) * sizeof(**edges));
	if (!*edges) {
		w->r->err = gg_i_error_oom();
		return;
	}
	size_t kept = 0;
	for (size_t i = 0; i < w->n_edges; i++)
		if (i == 0 || w->edges[i].id != w->edges[i - 1].id)
			(*edges)[kept++] = w->edges[i].edge;
	*n_edges = kept;
}

static int compare_sizes(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/*
 * Number the nodes of the `n` concepts loaded 0 to k - 1 in the order of
 * their numbers in the whole graph, so that the graph made of them orders
 * its nodes (and breaks ties) as the whole one does, with arrays the size
 * of what was loaded: *out gets their k nodes (malloc'd) from `nodes`
 * (indexed by the whole graph's numbers), node_of is renumbered (+ 1). Returns
 * k; 0 with *out NULL on error (out of memory, kept in r).
 */
static size_t number_nodes(gg_i_store_reader *r, const size_t *concepts, size_t n,
			   const gg_node *nodes, size_t *node_of, gg_node **out)
{
	size_t *ids = malloc((n ? n : 1) * sizeof(*ids)), k = 0;
	*out = NULL;
	if (!ids) {
		r->err = gg_i_error_oom();
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		if (node_of[concepts[i]])
			ids[k++] = node_of[concepts[i]] - 1;
	qsort(ids, k, sizeof(*ids), compare_sizes);
	if (!(*out = malloc((k ? k : 1) * sizeof(**out)))) {
		r->err = gg_i_error_oom();
		free(ids);
		return 0;
	}
	for (size_t v = 0; v < k; v++)
		(*out)[v] = nodes[ids[v]];
	for (size_t i = 0; i < n; i++) {
		size_t *v = &node_of[concepts[i]], id = *v - 1;
		if (*v)
			*v = (size_t)((const size_t *)bsearch(&id, ids, k, sizeof(*ids), compare_sizes) -
				      ids) + 1;
	}
	free(ids);
	return k;
}

/* The forms table looked up one form at a time; what is found joins the glossary's maps. */
typedef struct form_source {
	sqlite3_stmt *find; /* SELECT concept FROM forms WHERE form = ?1 AND capitals = ?2 */
	gg_glossary *g;
	bool oom;
} form_source;

/*
 * form_source as a gg_i_form_lookup: a form found is also put in the
 * glossary's map, so that gg_glossary_find, asking the same keys in the
 * same order, finds the same concept.
 */
static bool form_lookup(void *payload, const char *key, bool capitals, uint32_t *out)
{
	form_source *f = payload;
	sqlite3_reset(f->find);
	sqlite3_bind_text(f->find, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int(f->find, 2, capitals);
	if (sqlite3_step(f->find) != SQLITE_ROW)
		return false;
	*out = (uint32_t)sqlite3_column_int64(f->find, 0);
	char *copy = gg_i_arena_strdup(&f->g->arena, key);
	gg_i_strmap *m = capitals ? &f->g->lookup_caps : &f->g->lookup;
	f->oom = f->oom || !copy || gg_i_strmap_put(m, copy, *out, NULL) < 0;
	return true;
}

/*
 * The kept edges from x to y, or when there is none from y to x (the hop
 * gg_query_path takes against the links), into a's list (s: the look-up
 * of the edges from ?1 to ?2).
 */
static void edges_between(gg_i_store_reader *r, sqlite3_stmt *s, around *a, size_t x, size_t y)
{
	size_t before = a->n_edges;
	for (int k = 0; k < 2 && a->n_edges == before && !r->err; k++) {
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, (int64_t)(k ? y : x));
		sqlite3_bind_int64(s, 2, (int64_t)(k ? x : y));
		while (gg_i_store_next_row(r, s)) {
			int64_t id = sqlite3_column_int64(s, 0);
			push(r, (void **)&a->edges, &a->n_edges, &a->cap_edges, sizeof(int64_t), &id);
		}
	}
}

/*
 * The shortest chain from `from` to `to` (o->undirected: either way; else
 * the links' way, and when there is none, either way, so that both of
 * gg_query_path's answers are there), its concepts into a and the kept
 * edges of each hop (edges_between), in the links' order. No chain: the
 * two ends alone.
 */
static void walk_path(gg_i_store_reader *r, around *a, size_t from, size_t to, bool undirected,
		      size_t n_concepts)
{
	size_t *chain = NULL, n = 0;
	gg_i_store_walk_path(r, n_concepts, from, to, undirected, &chain, &n);
	if (!n && !undirected)
		gg_i_store_walk_path(r, n_concepts, from, to, true, &chain, &n);
	reach(r, a, from);
	reach(r, a, to);
	sqlite3_stmt *s = gg_i_store_prepare_kept(r, "id", false, true, false);
	for (size_t i = 0; i < n && !r->err; i++) {
		reach(r, a, chain[i]);
		if (i)
			edges_between(r, s, a, chain[i - 1], chain[i]);
	}
	sqlite3_finalize(s);
	free(chain);
	sort_edges(a);
}

/*
 * The concepts and edges found (a, around `focus`) read into g (see
 * load_reached), the edges into *edges (calloc'd, *n_edges of them).
 */
static void load_found(gg_i_store_reader *r, gg_glossary *g, const around *a, size_t focus,
		       uint32_t *mentioned_by, gg_node *nodes, size_t n_nodes, size_t *node_of,
		       gg_edge **edges, size_t *n_edges)
{
	load_reached(r, g, a, focus, mentioned_by, nodes, n_nodes, node_of);
	if (!r->err && !(*edges = calloc(a->n_edges ? a->n_edges : 1, sizeof(**edges))))
		r->err = gg_i_error_oom();
	sqlite3_stmt *s = gg_i_store_prepare(r, "SELECT " GG_I_STORE_EDGE_COLUMNS " FROM edges"
						" WHERE id = ?1");
	for (size_t i = 0; i < a->n_edges && !r->err; i++) {
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, a->edges[i]);
		if (gg_i_store_next_row(r, s))
			gg_i_store_parse_edge(r, s, g, &(*edges)[i]);
		else
			gg_i_store_damaged(r, "an edge is missing");
	}
	sqlite3_finalize(s);
	*n_edges = r->err ? 0 : a->n_edges;
}

/* Look `term` up in the forms table into *concept; false when it names nothing (or on error, kept in r). */
static bool find_term(gg_i_store_reader *r, gg_glossary *g, const char *term, size_t *concept)
{
	form_source forms = { gg_i_store_prepare(r, "SELECT concept FROM forms"
						    " WHERE form = ?1 AND capitals = ?2"), g, false };
	if (!r->err && gg_i_glossary_find_in(concept, form_lookup, &forms, term) == 0 && forms.oom)
		r->err = gg_i_error_oom();
	sqlite3_finalize(forms.find);
	return !r->err && gg_glossary_find(concept, g, term) == 0 && *concept < g->n_concepts;
}

/*
 * Open around `o->around` (gg_store_open_options): the term looked up in
 * the forms table (indexed), then its neighbourhood, or with o->path_to
 * the shortest chain to that term; without a term (names_only), or when
 * a term names no concept, every concept's names and no links (the terms
 * named are nodes); figures_only: not even the names.
 */
void gg_i_store_open_around(gg_i_store_reader *r, gg_store *st, const gg_i_store_meta *m,
			    const gg_store_open_options *o)
{
	int64_t n_concepts = m->concepts, n_entries = m->entries;
	size_t n_nodes = (size_t)m->nodes, focus = 0, target = 0, n_edges = 0;
	around a = { 0 };
	gg_glossary *g = NULL;
	gg_edge *edges = NULL;
	gg_node *nodes = NULL;
	size_t *node_of = NULL;
	uint32_t *mentioned_by = NULL;

	if (r->err || (r->err = gg_glossary_new(&g)) != 0)
		return;
	st->glossary = g;
	g->concepts = calloc(n_concepts ? (size_t)n_concepts : 1, sizeof(*g->concepts));
	g->entries = calloc(n_entries ? (size_t)n_entries : 1, sizeof(*g->entries));
	g->maps = calloc(n_entries ? (size_t)n_entries : 1, sizeof(*g->maps));
	a.seen = calloc(n_concepts ? (size_t)n_concepts : 1, 1);
	mentioned_by = calloc(n_concepts ? (size_t)n_concepts : 1, sizeof(*mentioned_by));
	nodes = calloc(n_nodes ? n_nodes : 1, sizeof(*nodes));
	node_of = calloc(n_concepts ? (size_t)n_concepts : 1, sizeof(*node_of));
	if (!g->concepts || !g->entries || !g->maps || !a.seen || !mentioned_by || !nodes || !node_of) {
		r->err = gg_i_error_oom();
		goto cleanup;
	}
	g->n_concepts = (size_t)n_concepts;
	g->n_entries = g->cap_entries = (size_t)n_entries;
	g->stats = m->stats;
	g->built = true;
	bool named = o->around && find_term(r, g, o->around, &focus);
	bool named_to = o->path_to && find_term(r, g, o->path_to, &target);
	if (r->err)
		goto cleanup;
	if (!named || (o->path_to && !named_to)) {
		/* names only, or a term that names nothing (the names to suggest
		 * instead): read at a fraction of a full open; a term that names
		 * something is a node, as it is in a full open. For a search, not
		 * even the names. */
		if (!o->figures_only)
			gg_i_store_read_concepts(r, g, true, mentioned_by, NULL, NULL);
		if (o->names_only)
			gg_i_store_read_entry_concepts(r, g);
		sqlite3_stmt *s = gg_i_store_prepare(r, CONCEPT_ROW);
		size_t ends[2] = { focus, target };
		for (int k = 0; k < 2 && !r->err; k++)
			if (k ? named_to : named) {
				reach(r, &a, ends[k]);
				load_concept(r, s, g, ends[k], mentioned_by, nodes, n_nodes, node_of);
			}
		sqlite3_finalize(s);
	} else if (o->path_to) {
		walk_path(r, &a, focus, target, o->undirected, g->n_concepts);
		load_found(r, g, &a, focus, mentioned_by, nodes, n_nodes, node_of, &edges, &n_edges);
	} else if (o->related) {
		related_walk w = { r, g, gg_i_store_prepare(r, CONCEPT_ROW),
				   gg_i_store_prepare_kept(r, GG_I_STORE_EDGE_FIGURES, false, false, true),
				   gg_i_store_prepare_kept(r, GG_I_STORE_EDGE_FIGURES, true, false, true),
				   a.seen, NULL, 0, 0, mentioned_by, nodes, n_nodes, node_of,
				   calloc(g->n_concepts ? g->n_concepts : 1, sizeof(edge_span)),
				   NULL, 0, 0, NULL, 0 };
		if (!r->err && !w.span)
			r->err = gg_i_error_oom();
		if (!r->err)
			walk_related(&w, focus, &edges, &n_edges);
		sqlite3_finalize(w.concept);
		sqlite3_finalize(w.out);
		sqlite3_finalize(w.in);
		free(w.span);
		free(w.edges);
		free(w.links);
		a.concepts = w.loaded; /* numbered below with the others' */
		a.n_concepts = w.n_loaded;
	} else {
		walk_around(r, &a, focus, o->depth ? o->depth : 1, g->n_concepts);
		load_found(r, g, &a, focus, mentioned_by, nodes, n_nodes, node_of, &edges, &n_edges);
	}
	gg_i_store_read_diagnostics(r, g, !o->without_notes);
	int64_t held = m->edges_held;
	if (r->err)
		goto cleanup;
	r->err = gg_i_links_adopt(&st->links, g, edges, n_edges, mentioned_by,
				  (size_t)(m->links_dropped + held));
	edges = NULL;
	mentioned_by = NULL;
	if (r->err)
		goto cleanup;
	gg_i_store_set_link_figures(st->links, m);
	gg_node *numbered = NULL;
	size_t k = number_nodes(r, a.concepts, a.n_concepts, nodes, node_of, &numbered);
	if (r->err)
		goto cleanup;
	r->err = gg_i_graph_restore(&st->graph, st->links, numbered, k, node_of, NULL, NULL, 0,
				    m->modularity, (size_t)m->betweenness_sources, o->path_to != NULL);
	node_of = NULL;
cleanup:
	free(a.seen);
	free(a.concepts);
	free(a.edges);
	free(edges);
	free(nodes);
	free(node_of);
	free(mentioned_by);
	if (r->err) { /* the caller frees the rest */
		gg_links_free(st->links);
		gg_glossary_free(st->glossary);
		st->links = NULL;
		st->glossary = NULL;
	}
}
