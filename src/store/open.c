/* open.c - opening a saved graph: its glossary, links and graph made again in memory from the database's rows. */
#include "store/store_i.h"
#include "core/error.h"
#include "core/threads.h"
#include "graph/graph_i.h"
#include "link/links.h"
#include "model/model.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* From this many inputs on, a second thread compares them with their files,
 * taking INPUT_CHUNK of them at a time (the files of a folder together). */
#define INPUT_THREADS_FROM 1000
#define INPUT_CHUNK 256

const gg_i_store_figure gg_i_store_figures[] = {
	{ "graph_nodes", offsetof(gg_graph_stats, nodes), false },
	{ "graph_terms", offsetof(gg_graph_stats, terms), false },
	{ "graph_keywords", offsetof(gg_graph_stats, keywords), false },
	{ "graph_edges", offsetof(gg_graph_stats, edges), false },
	{ "graph_mention_edges", offsetof(gg_graph_stats, edges_by_kind[GG_EDGE_MENTION]), false },
	{ "graph_editor_edges", offsetof(gg_graph_stats, edges_by_kind[GG_EDGE_EDITOR]), false },
	{ "graph_category_edges", offsetof(gg_graph_stats, edges_by_kind[GG_EDGE_CATEGORY]), false },
	{ "graph_keyword_edges", offsetof(gg_graph_stats, edges_by_kind[GG_EDGE_KEYWORD]), false },
	{ "graph_links_left_out", offsetof(gg_graph_stats, links_left_out), false },
	{ "graph_linked_pairs", offsetof(gg_graph_stats, linked_pairs), false },
	{ "graph_components", offsetof(gg_graph_stats, components), false },
	{ "graph_largest_component", offsetof(gg_graph_stats, largest_component), false },
	{ "graph_strong_components", offsetof(gg_graph_stats, strong_components), false },
	{ "graph_isolated", offsetof(gg_graph_stats, isolated), false },
	{ "graph_communities", offsetof(gg_graph_stats, communities), false },
	{ "graph_modularity", offsetof(gg_graph_stats, modularity), true },
	{ "graph_density", offsetof(gg_graph_stats, density), true },
	{ "graph_mean_degree", offsetof(gg_graph_stats, mean_degree), true },
};
const size_t gg_i_store_figure_count = sizeof(gg_i_store_figures) / sizeof(*gg_i_store_figures);

void gg_store_open_options_init(gg_store_open_options *o)
{
	o->with_held = false;
	o->graph_with_held = false;
	o->around = NULL;
	o->depth = 1;
	o->without_text = false;
	o->related = false;
	o->path_to = NULL;
	o->undirected = false;
	o->without_notes = false;
	o->names_only = false;
	o->figures_only = false;
	o->without_edges = false;
}

/* Keep, as the first error, that the database is damaged (SQLite's reason, or `why`). */
void gg_i_store_damaged(gg_i_store_reader *r, const char *why)
{
	if (r->err)
		return;
	if (!why && sqlite3_errcode(r->db) == SQLITE_NOMEM)
		r->err = gg_i_error_oom();
	else
		r->err = gg_i_error_set(GG_EINPUT, "'%s' is a damaged glossgraph database: %s", r->path,
					why ? why : sqlite3_errmsg(r->db));
}

sqlite3_stmt *gg_i_store_prepare_kept(gg_i_store_reader *r, const char *columns, bool by_target,
				      bool both_ends, bool ordered)
{
	const char *end = by_target ? "target" : "source", *other = by_target ? "source" : "target";
	bool indexed = r->version >= 3;
	char text[512];
	if ((size_t)snprintf(text, sizeof(text), "SELECT %s FROM edges%s%s WHERE %s = ?1%s%s%s AND %s%s",
			     columns, indexed ? " INDEXED BY edges_" : "", indexed ? end : "", end,
			     both_ends ? " AND " : "", both_ends ? other : "", both_ends ? " = ?2" : "",
			     indexed ? "held = ''" : "+held = ''", ordered ? " ORDER BY id" : "") >=
	    sizeof(text)) {
		gg_i_store_damaged(r, "a look-up of kept edges is too long");
		return NULL;
	}
	return gg_i_store_prepare(r, text);
}

/* Prepare `sql`; NULL (damaged) on error. */
sqlite3_stmt *gg_i_store_prepare(gg_i_store_reader *r, const char *sql)
{
	sqlite3_stmt *s = NULL;
	if (!r->err && sqlite3_prepare_v2(r->db, sql, -1, &s, NULL) != SQLITE_OK) {
		gg_i_store_damaged(r, NULL);
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

/* The next row of s: true while there is one; false at the end or on error (damaged). */
bool gg_i_store_next_row(gg_i_store_reader *r, sqlite3_stmt *s)
{
	if (r->err || !s)
		return false;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return true;
	if (rc != SQLITE_DONE)
		gg_i_store_damaged(r, NULL);
	return false;
}

/* Column i of the current row as a string in the arena (NULL for SQL NULL, or out of memory). */
const char *gg_i_store_column_text(gg_i_store_reader *r, gg_i_arena *a, sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return NULL;
	const char *text = (const char *)sqlite3_column_text(s, i);
	char *copy = gg_i_arena_strndup(a, text ? text : "", (size_t)sqlite3_column_bytes(s, i));
	if (!copy && !r->err)
		r->err = gg_i_error_oom();
	return copy;
}

void gg_i_store_entry_text(gg_i_store_reader *r, gg_i_arena *a, sqlite3_stmt *s, int first,
			   gg_entry *e)
{
	e->line = (uint32_t)sqlite3_column_int64(s, first);
	e->header_offset = (uint64_t)sqlite3_column_int64(s, first + 1);
	e->offset = (uint64_t)sqlite3_column_int64(s, first + 2);
	e->header = gg_i_store_column_text(r, a, s, first + 3);
	e->header_is_name = sqlite3_column_int(s, first + 4) != 0;
	e->definition = gg_i_store_column_text(r, a, s, first + 5);
	e->definition_len = (size_t)sqlite3_column_bytes(s, first + 5);
	if (!e->header || !e->definition)
		gg_i_store_damaged(r, "an entry lacks its header or definition");
}

/* One integer of SQL text `sql` (a count), or -1 (damaged) when it gives none. */
static int64_t single_int(gg_i_store_reader *r, const char *sql)
{
	sqlite3_stmt *s = gg_i_store_prepare(r, sql);
	int64_t v = gg_i_store_next_row(r, s) ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_finalize(s);
	if (v < 0)
		gg_i_store_damaged(r, "a count is missing");
	return v;
}

/* The value of an enumeration from its name as `name_of` spells it; -1 when none has it. */
static int enum_value(const char *(*name_of)(int), int count, const char *name)
{
	for (int k = 0; k < count && name; k++)
		if (strcmp(name_of(k), name) == 0)
			return k;
	return -1;
}

/* enum_value through a memo of the last name read: one comparison for a name repeated. */
static int memo_value(gg_i_store_memo *m, const char *(*name_of)(int), int count, const char *name)
{
	if (name && m->name[0] != '\x01' && strcmp(m->name, name) == 0)
		return m->value;
	m->value = enum_value(name_of, count, name);
	if (name && strlen(name) < sizeof(m->name))
		memcpy(m->name, name, strlen(name) + 1);
	else
		m->name[0] = '\x01'; /* remembers nothing */
	return m->value;
}

static const char *kind_name(int k)
{
	return gg_edge_kind_name((gg_edge_kind)k);
}

static const char *rule_name(int k)
{
	return gg_match_rule_name((gg_match_rule)k);
}

static const char *held_name(int k)
{
	return gg_hold_reason_name((gg_hold_reason)k);
}

static const char *source_name(int k)
{
	return gg_threshold_source_name((gg_threshold_source)k);
}

/* Recognise a glossgraph database of a schema this library reads. */
static void check_identity(gg_i_store_reader *r)
{
	int64_t app = single_int(r, "PRAGMA application_id");
	if (r->err && sqlite3_errcode(r->db) != SQLITE_NOTADB)
		return; /* damaged, or out of memory */
	if (r->err || app != GG_I_STORE_APPLICATION_ID) {
		r->err = gg_i_error_set(GG_EINPUT, "'%s' is not a glossgraph database", r->path);
		return;
	}
	int64_t version = single_int(r, "PRAGMA user_version");
	if (!r->err && version > GG_STORE_SCHEMA_VERSION)
		r->err = gg_i_error_set(GG_EINPUT, "'%s' has schema version %lld, newer than this "
					"glossgraph reads (%d): build it again, or use a newer glossgraph",
					r->path, (long long)version, GG_STORE_SCHEMA_VERSION);
	else if (!r->err && version < 1)
		r->err = gg_i_error_set(GG_EINPUT, "'%s' is not a glossgraph database", r->path);
	r->version = version;
}

/* The graph's figure `key` (one of gg_i_store_figures, else ignored), column 1 of row s, into m. */
static void read_figure(gg_i_store_meta *m, const char *key, sqlite3_stmt *s)
{
	for (size_t i = 0; i < gg_i_store_figure_count; i++) {
		const gg_i_store_figure *f = &gg_i_store_figures[i];
		if (strcmp(key, f->key) != 0)
			continue;
		char *at = (char *)&m->saved.figures + f->offset;
		m->saved.found++;
		if (f->real)
			*(double *)at = sqlite3_column_double(s, 1);
		else if (sqlite3_column_int64(s, 1) < 0)
			m->saved.below_zero = true;
		else
			*(size_t *)at = (size_t)sqlite3_column_int64(s, 1);
		return;
	}
}

static void read_meta(gg_i_store_reader *r, gg_i_store_meta *m)
{
	sqlite3_stmt *s = gg_i_store_prepare(r, "SELECT key, value FROM meta");
	char key[64];
	memset(m, 0, sizeof(*m));
	m->threshold_source = GG_THRESHOLD_SOURCE_COUNT;
	while (gg_i_store_next_row(r, s)) {
		const char *k = (const char *)sqlite3_column_text(s, 0);
		int64_t i = sqlite3_column_int64(s, 1);
		double x = sqlite3_column_double(s, 1);
		struct { const char *name; size_t *slot; } counts[] = {
			{ "pages", &m->stats.pages }, { "entries_read", &m->stats.entries },
			{ "duplicates", &m->stats.duplicates }, { "terms", &m->stats.concepts },
			{ "keywords", &m->stats.keywords }, { "chrome_lines", &m->stats.chrome_lines },
			{ "skipped_lines", &m->stats.skipped_lines },
			{ "replaced_bytes", &m->stats.replaced_bytes }, { "warnings", &m->stats.warnings },
		};
		for (size_t c = 0; k && c < sizeof(counts) / sizeof(counts[0]); c++)
			if (strcmp(k, counts[c].name) == 0)
				*counts[c].slot = (size_t)i;
		for (int f = 0; k && f < GG_LINK_FEATURE_COUNT; f++) {
			snprintf(key, sizeof(key), "weight_%s", gg_link_feature_name((gg_link_feature)f));
			if (strcmp(k, key) == 0)
				m->weight[f] = x;
		}
		if (!k)
			continue;
		if (strncmp(k, "graph_", 6) == 0)
			read_figure(m, k, s);
		else if (strcmp(k, "threshold") == 0)
			m->threshold = x;
		else if (strcmp(k, "model_threshold") == 0)
			m->model_threshold = x;
		else if (strcmp(k, "vocabulary_density") == 0)
			m->density = x;
		else if (strcmp(k, "density_pivot") == 0)
			m->density_pivot = x;
		else if (strcmp(k, "modularity") == 0)
			m->modularity = x;
		else if (strcmp(k, "threshold_source") == 0)
			m->threshold_source = (gg_threshold_source)enum_value(
				source_name, GG_THRESHOLD_SOURCE_COUNT, (const char *)sqlite3_column_text(s, 1));
		else if (strcmp(k, "calibration_links") == 0)
			m->calibration_links = i;
		else if (strcmp(k, "links_dropped") == 0)
			m->links_dropped = i;
		else if (strcmp(k, "bytes_scanned") == 0)
			m->bytes_scanned = i;
		else if (strcmp(k, "mentions") == 0)
			m->mentions = i;
		else if (strcmp(k, "nodes") == 0)
			m->nodes = i;
		else if (strcmp(k, "concepts") == 0)
			m->concepts = i;
		else if (strcmp(k, "entries") == 0)
			m->entries = i;
		else if (strcmp(k, "edges_kept") == 0)
			m->edges_kept = i;
		else if (strcmp(k, "edges_held") == 0)
			m->edges_held = i;
		else if (strcmp(k, "betweenness_sources") == 0)
			m->betweenness_sources = i;
		else if (strcmp(k, "has_scores") == 0)
			m->has_scores = i != 0;
		else if (strcmp(k, "has_ordinary") == 0)
			m->has_ordinary = i != 0;
	}
	sqlite3_finalize(s);
	m->concepts = m->concepts > 0 ? m->concepts : -1; /* missing: damage */
	if ((unsigned)m->threshold_source >= GG_THRESHOLD_SOURCE_COUNT || m->nodes < 0 ||
	    m->concepts < 0 || m->entries < 0 || m->edges_kept < 0 || m->edges_held < 0)
		gg_i_store_damaged(r, "the meta table lacks the link threshold or the tables' sizes");
}

void gg_i_store_read_lists(gg_i_store_reader *r, gg_i_arena *a, const char *sql, int64_t only,
			   void *owners, size_t n, bool with_offsets, gg_i_store_put_list put)
{
	sqlite3_stmt *s = gg_i_store_prepare(r, sql);
	gg_i_store_read_lists_with(r, a, s, only, owners, n, with_offsets, put);
	sqlite3_finalize(s);
}

void gg_i_store_read_lists_with(gg_i_store_reader *r, gg_i_arena *a, sqlite3_stmt *s, int64_t only,
				void *owners, size_t n, bool with_offsets, gg_i_store_put_list put)
{
	if (s) {
		sqlite3_reset(s);
		if (only >= 0)
			sqlite3_bind_int64(s, 1, only);
	}
	const char **items = NULL;
	gg_xref *xrefs = NULL;
	size_t len = 0, cap = 0;
	int64_t owner = -1;
	char kind[32] = "";

	for (bool more = gg_i_store_next_row(r, s);; more = gg_i_store_next_row(r, s)) {
		int64_t o = more ? sqlite3_column_int64(s, 0) : -1;
		const char *k = more ? (const char *)sqlite3_column_text(s, 1) : "";
		if (len && (!more || o != owner || strcmp(k ? k : "", kind) != 0)) {
			const char **copy = gg_i_arena_alloc(a, len * sizeof(*copy));
			gg_xref *xcopy = with_offsets ? gg_i_arena_alloc(a, len * sizeof(*xcopy)) : NULL;
			if (!copy || (with_offsets && !xcopy)) {
				r->err = r->err ? r->err : gg_i_error_oom();
				break;
			}
			memcpy(copy, items, len * sizeof(*copy));
			if (xcopy)
				memcpy(xcopy, xrefs, len * sizeof(*xcopy));
			put(owners, (size_t)owner, kind, copy, xcopy, len);
			len = 0;
		}
		if (!more || r->err)
			break;
		if (o < 0 || (uint64_t)o >= n || !k || strlen(k) >= sizeof(kind)) {
			gg_i_store_damaged(r, "a list names a row that is not there");
			break;
		}
		if (len == cap) {
			size_t grown = cap ? 2 * cap : 16;
			const char **more_items = realloc(items, grown * sizeof(*items));
			gg_xref *more_xrefs = more_items ? realloc(xrefs, grown * sizeof(*xrefs)) : NULL;
			if (more_items)
				items = more_items;
			if (more_xrefs)
				xrefs = more_xrefs;
			if (!more_items || !more_xrefs) {
				r->err = gg_i_error_oom();
				break;
			}
			cap = grown;
		}
		owner = o;
		snprintf(kind, sizeof(kind), "%s", k);
		items[len] = gg_i_store_column_text(r, a, s, 3);
		xrefs[len] = (gg_xref){ items[len], 0, 0 };
		if (with_offsets) {
			xrefs[len].offset = (size_t)sqlite3_column_int64(s, 4);
			xrefs[len].len = (size_t)sqlite3_column_int64(s, 5);
		}
		if (!items[len]) {
			gg_i_store_damaged(r, "a list holds an empty item");
			break;
		}
		len++;
	}
	free(items);
	free(xrefs);
}

void gg_i_store_put_entry_list(void *owners, size_t i, const char *kind, const char **items,
			   const gg_xref *xrefs, size_t n)
{
	gg_entry *e = &((gg_entry *)owners)[i];
	if (strcmp(kind, "name") == 0) {
		e->names = items;
		e->n_names = n;
	} else if (strcmp(kind, "abbreviation") == 0) {
		e->abbrevs = items;
		e->n_abbrevs = n;
	} else if (strcmp(kind, "category") == 0) {
		e->categories = items;
		e->n_categories = n;
	} else if (strcmp(kind, "xref") == 0) {
		e->xrefs = xrefs;
		e->n_xrefs = n;
	}
}

void gg_i_store_put_concept_list(void *owners, size_t i, const char *kind, const char **items,
			     const gg_xref *xrefs, size_t n)
{
	gg_concept *c = &((gg_concept *)owners)[i];
	(void)xrefs;
	if (strcmp(kind, "alias") == 0) {
		c->aliases = items;
		c->n_aliases = n;
	} else if (strcmp(kind, "abbreviation") == 0) {
		c->abbrevs = items;
		c->n_abbrevs = n;
	} else if (strcmp(kind, "category") == 0) {
		c->categories = items;
		c->n_categories = n;
	} else if (strcmp(kind, "keyword") == 0) {
		c->keywords = items;
		c->n_keywords = n;
	}
}

/* Each concept's entries, in entry order, from the entries' concepts (into the arena). */
static void list_entries(gg_i_store_reader *r, gg_glossary *g)
{
	size_t *count = calloc(g->n_concepts + 1, sizeof(*count));
	if (!r->err && !count)
		r->err = gg_i_error_oom();
	for (size_t k = 0; !r->err && k < g->n_entries; k++)
		count[g->entries[k].concept]++;
	for (size_t c = 0; !r->err && c < g->n_concepts; c++) {
		size_t *list = gg_i_arena_alloc(&g->arena, (count[c] ? count[c] : 1) * sizeof(*list));
		if (!list) {
			r->err = gg_i_error_oom();
			break;
		}
		g->concepts[c].entries = list;
		g->concepts[c].n_entries = 0;
	}
	for (size_t k = 0; !r->err && k < g->n_entries; k++) {
		gg_concept *c = &g->concepts[g->entries[k].concept];
		((size_t *)c->entries)[c->n_entries++] = k;
	}
	free(count);
}

/* The entries, in order, with their lists; each concept's entries after. */
static void read_entries(gg_i_store_reader *r, gg_glossary *g, int64_t n)
{
	sqlite3_stmt *s = gg_i_store_prepare(r, "SELECT id, concept, file, " GG_I_STORE_ENTRY_TEXT
						" FROM entries ORDER BY id");
	const char *file = NULL;
	size_t i = 0;

	if (r->err)
		goto cleanup;
	g->entries = calloc(n ? (size_t)n : 1, sizeof(*g->entries));
	g->maps = calloc(n ? (size_t)n : 1, sizeof(*g->maps));
	g->cap_entries = (size_t)n;
	if (!g->entries || !g->maps) {
		r->err = gg_i_error_oom();
		goto cleanup;
	}
	while (gg_i_store_next_row(r, s)) {
		gg_entry *e = &g->entries[i];
		int64_t concept = sqlite3_column_int64(s, 1);
		const char *f = (const char *)sqlite3_column_text(s, 2);
		if (sqlite3_column_int64(s, 0) != (int64_t)i || (int64_t)i >= n || concept < 0 ||
		    (uint64_t)concept >= g->n_concepts || !f) {
			gg_i_store_damaged(r, "the entries are not numbered in order");
			break;
		}
		if (!file || strcmp(file, f) != 0) /* one copy per file: entries come in file order */
			file = gg_i_store_column_text(r, &g->arena, s, 2);
		e->file = file;
		e->concept = (size_t)concept;
		gg_i_store_entry_text(r, &g->arena, s, 3, e);
		g->n_entries = ++i;
	}
	if (!r->err && (int64_t)i != n)
		gg_i_store_damaged(r, "entries are missing");
	gg_i_store_read_lists(r, &g->arena, "SELECT entry, kind, position, text, offset, len"
					    " FROM entry_items ORDER BY rowid", -1, g->entries,
			      g->n_entries, true, gg_i_store_put_entry_list);
	list_entries(r, g);
cleanup:
	sqlite3_finalize(s);
}

void gg_i_store_read_entry_concepts(gg_i_store_reader *r, gg_glossary *g)
{
	/* from the index alone: the table holds the definitions */
	sqlite3_stmt *s = gg_i_store_prepare(r, "SELECT id, concept FROM entries"
						" INDEXED BY entries_concept ORDER BY concept, id");
	size_t i = 0;
	while (gg_i_store_next_row(r, s)) {
		int64_t id = sqlite3_column_int64(s, 0), concept = sqlite3_column_int64(s, 1);
		if (id < 0 || (uint64_t)id >= g->n_entries || concept < 0 ||
		    (uint64_t)concept >= g->n_concepts) {
			gg_i_store_damaged(r, "an entry is out of range");
			break;
		}
		g->entries[id].concept = (size_t)concept;
		i++;
	}
	sqlite3_finalize(s);
	if (!r->err && i != g->n_entries)
		gg_i_store_damaged(r, "entries are missing");
	list_entries(r, g);
}

void gg_i_store_read_concepts(gg_i_store_reader *r, gg_glossary *g, bool names,
			      uint32_t *mentioned_by, uint32_t *df, bool *ordinary)
{
	sqlite3_stmt *s = gg_i_store_prepare(r, "SELECT id, kind, name, mentioned_by, df, ordinary"
						" FROM concepts ORDER BY id");
	size_t c = 0;
	while (gg_i_store_next_row(r, s)) {
		const char *kind = (const char *)sqlite3_column_text(s, 1);
		if (sqlite3_column_int64(s, 0) != (int64_t)c || c >= g->n_concepts || !kind) {
			gg_i_store_damaged(r, "the concepts are not numbered in order");
			break;
		}
		gg_concept *k = &g->concepts[c];
		k->kind = strcmp(kind, "keyword") == 0 ? GG_CONCEPT_KEYWORD : GG_CONCEPT_TERM;
		if (!(k->name = gg_i_store_column_text(r, &g->arena, s, 2)))
			gg_i_store_damaged(r, "a concept has no name");
		mentioned_by[c] = (uint32_t)sqlite3_column_int64(s, 3);
		if (df)
			df[c] = (uint32_t)sqlite3_column_int64(s, 4);
		if (ordinary)
			ordinary[c] = sqlite3_column_int(s, 5) != 0;
		c++;
	}
	sqlite3_finalize(s);
	if (!r->err && c != g->n_concepts)
		gg_i_store_damaged(r, "concepts are missing");
	if (names)
		gg_i_store_read_lists(r, &g->arena, "SELECT concept, kind, position, name FROM concept_names"
						    " ORDER BY rowid", -1, g->concepts, g->n_concepts, false,
				      gg_i_store_put_concept_list);
}

/* The two lookup maps, from the forms table. */
static void read_forms(gg_i_store_reader *r, gg_glossary *g)
{
	sqlite3_stmt *s = gg_i_store_prepare(r, "SELECT form, capitals, concept FROM forms");
	while (gg_i_store_next_row(r, s)) {
		const char *key = gg_i_store_column_text(r, &g->arena, s, 0);
		int64_t c = sqlite3_column_int64(s, 2);
		if (!key || c < 0 || (uint64_t)c >= g->n_concepts) {
			gg_i_store_damaged(r, "a form names no concept");
			break;
		}
		gg_i_strmap *m = sqlite3_column_int(s, 1) ? &g->lookup_caps : &g->lookup;
		if (gg_i_strmap_put(m, key, (uint32_t)c, NULL) < 0) {
			r->err = gg_i_error_oom();
			break;
		}
	}
	sqlite3_finalize(s);
}

void gg_i_store_read_diagnostics(gg_i_store_reader *r, gg_glossary *g, bool notes)
{
	if (!notes && g->stats.warnings == 0)
		return; /* nothing to read: the table holds notes only */
	int64_t n = single_int(r, notes ? "SELECT count(*) FROM diagnostics"
			       : "SELECT count(*) FROM diagnostics WHERE level <> 'note'");
	sqlite3_stmt *s = gg_i_store_prepare(r, notes ? "SELECT level, file, line, message"
					     " FROM diagnostics ORDER BY id"
					     : "SELECT level, file, line, message FROM diagnostics"
					     " WHERE level <> 'note' ORDER BY id");
	if (!r->err && !(g->diags = calloc(n ? (size_t)n : 1, sizeof(*g->diags))))
		r->err = gg_i_error_oom();
	while (!r->err && gg_i_store_next_row(r, s) && g->n_diags < (size_t)n) {
		gg_diagnostic *d = &g->diags[g->n_diags++];
		const char *level = (const char *)sqlite3_column_text(s, 0);
		d->level = level && strcmp(level, "note") == 0 ? GG_DIAG_NOTE : GG_DIAG_WARNING;
		d->file = gg_i_store_column_text(r, &g->arena, s, 1);
		d->line = (uint32_t)sqlite3_column_int64(s, 2);
		d->message = gg_i_store_column_text(r, &g->arena, s, 3);
		if (!d->message)
			gg_i_store_damaged(r, "a diagnostic has no message");
	}
	g->cap_diags = g->n_diags;
	sqlite3_finalize(s);
}

/* The glossary: concepts, entries, lookup forms, diagnostics and the read statistics. */
static gg_glossary *read_glossary(gg_i_store_reader *r, const gg_i_store_meta *m,
				  bool without_text, bool notes, uint32_t **mentioned_by, uint32_t **df,
				  bool **ordinary)
{
	gg_glossary *g = NULL;
	int64_t n = m->concepts;
	if ((r->err = gg_glossary_new(&g)) != 0)
		return NULL;
	size_t alloc = n ? (size_t)n : 1;
	g->concepts = calloc(alloc, sizeof(*g->concepts));
	*mentioned_by = calloc(alloc, sizeof(**mentioned_by));
	*df = m->has_scores ? calloc(alloc, sizeof(**df)) : NULL;
	*ordinary = m->has_ordinary ? calloc(alloc, sizeof(**ordinary)) : NULL;
	if (!g->concepts || !*mentioned_by || (m->has_scores && !*df) ||
	    (m->has_ordinary && !*ordinary)) {
		r->err = gg_i_error_oom();
		return g;
	}
	g->n_concepts = (size_t)n;
	gg_i_store_read_concepts(r, g, !without_text, *mentioned_by, *df, *ordinary);
	if (without_text) { /* entries there, but empty */
		if (!(g->entries = calloc(m->entries ? (size_t)m->entries : 1, sizeof(*g->entries))) ||
		    !(g->maps = calloc(m->entries ? (size_t)m->entries : 1, sizeof(*g->maps))))
			r->err = r->err ? r->err : gg_i_error_oom();
		g->n_entries = g->cap_entries = (size_t)m->entries;
	} else {
		read_entries(r, g, m->entries);
	}
	read_forms(r, g);
	g->stats = m->stats;
	gg_i_store_read_diagnostics(r, g, notes);
	g->built = true;
	return g;
}

/* The figures of the links' scoring, as saved. */
void gg_i_store_set_link_figures(gg_links *l, const gg_i_store_meta *m)
{
	memcpy(l->model.weight, m->weight, sizeof(m->weight));
	l->model.threshold = m->model_threshold;
	l->model.density_pivot = m->density_pivot;
	l->density = m->density;
	l->threshold = m->threshold;
	l->threshold_source = m->threshold_source;
	l->calibration_links = (size_t)m->calibration_links;
	l->bytes_scanned = (uint64_t)m->bytes_scanned;
	l->mentions = (uint64_t)m->mentions;
}

/*
 * The edge of the current row of s (GG_I_STORE_EDGE_COLUMNS) into *e, its surface
 * pointing into its entry's definition or header as saved (else a copy in
 * the arena). False (damaged) when it names what is not there.
 */
bool gg_i_store_parse_edge(gg_i_store_reader *r, sqlite3_stmt *s, gg_glossary *g, gg_edge *e)
{
	int64_t source = sqlite3_column_int64(s, 1), target = sqlite3_column_int64(s, 2);
	int64_t entry = sqlite3_column_int64(s, 10);
	int kind = memo_value(&r->memo[0], kind_name, GG_EDGE_KIND_COUNT,
			      (const char *)sqlite3_column_text(s, 3));
	int rule = memo_value(&r->memo[1], rule_name, GG_MATCH_RULE_COUNT,
			      (const char *)sqlite3_column_text(s, 4));
	int hold = memo_value(&r->memo[2], held_name, GG_HOLD_REASON_COUNT,
			      (const char *)sqlite3_column_text(s, 5));
	if (source < 0 || (uint64_t)source >= g->n_concepts || target < 0 ||
	    (uint64_t)target >= g->n_concepts || entry < 0 || (uint64_t)entry >= g->n_entries ||
	    kind < 0 || rule < 0 || hold < 0) {
		gg_i_store_damaged(r, "an edge names a concept, an entry or a kind that is not there");
		return false;
	}
	*e = (gg_edge){ .source = (size_t)source, .target = (size_t)target,
			.kind = (gg_edge_kind)kind, .rule = (gg_match_rule)rule,
			.held = (gg_hold_reason)hold, .cued = sqlite3_column_int(s, 6) != 0,
			.weight = (uint32_t)sqlite3_column_int64(s, 7),
			.specificity = sqlite3_column_double(s, 8), .score = sqlite3_column_double(s, 9),
			.entry = (size_t)entry, .offset = (uint64_t)sqlite3_column_int64(s, 11) };
	const gg_entry *en = &g->entries[entry];
	if (sqlite3_column_count(s) <= 12 || !en->definition)
		return !r->err; /* no evidence asked for: no surface */
	const char *place = (const char *)sqlite3_column_text(s, 13);
	size_t at = (size_t)sqlite3_column_int64(s, 14);
	size_t len = (size_t)sqlite3_column_bytes(s, 12);
	if (place && strcmp(place, "definition") == 0 && at <= en->definition_len &&
	    len <= en->definition_len - at)
		e->surface = en->definition + at;
	else if (place && strcmp(place, "header") == 0 && at + len <= strlen(en->header))
		e->surface = en->header + at;
	else if (sqlite3_column_type(s, 12) != SQLITE_NULL)
		e->surface = gg_i_store_column_text(r, &g->arena, s, 12);
	e->surface_len = (uint32_t)len;
	return !r->err;
}

/*
 * The links: every edge (the held ones only `with_held`), with the figures
 * of their scoring. Takes over df and ordinary (freed on error).
 */
static gg_links *read_links(gg_i_store_reader *r, const gg_i_store_meta *m, gg_glossary *g,
			    bool with_held, bool without_text, bool without_edges, uint32_t *mentioned_by,
			    uint32_t *df, bool *ordinary)
{
	int64_t held = with_held ? 0 : m->edges_held;
	int64_t n = without_edges ? 0 : with_held ? m->edges_kept + m->edges_held : m->edges_kept;
	sqlite3_stmt *s = without_edges ? NULL : gg_i_store_prepare(
		r, with_held ? "SELECT " GG_I_STORE_EDGE_COLUMNS " FROM edges ORDER BY id"
		: without_text
		? "SELECT " GG_I_STORE_EDGE_FIGURES " FROM edges WHERE held = '' ORDER BY id"
		: "SELECT " GG_I_STORE_EDGE_COLUMNS " FROM edges WHERE held = '' ORDER BY id");
	gg_edge *edges = r->err ? NULL : calloc(n ? (size_t)n : 1, sizeof(*edges));
	gg_links *l = NULL;
	size_t i = 0;

	if (!r->err && !edges)
		r->err = gg_i_error_oom();
	while (!r->err && gg_i_store_next_row(r, s) && (int64_t)i < n)
		if (gg_i_store_parse_edge(r, s, g, &edges[i]))
			i++;
	sqlite3_finalize(s);
	if (!r->err && (int64_t)i != n)
		gg_i_store_damaged(r, "edges are missing");
	uint32_t *counts = r->err ? NULL : malloc((g->n_concepts ? g->n_concepts : 1) * sizeof(*counts));
	if (!r->err && !counts)
		r->err = gg_i_error_oom();
	if (r->err) {
		free(edges);
		free(df);
		free(ordinary);
		return NULL;
	}
	memcpy(counts, mentioned_by, g->n_concepts * sizeof(*counts));
	if ((r->err = gg_i_links_adopt(&l, g, edges, (size_t)n, counts,
				       (size_t)(m->links_dropped + held))) != 0) {
		free(df);
		free(ordinary);
		return NULL;
	}
	l->df = df;
	l->ordinary = ordinary;
	gg_i_store_set_link_figures(l, m);
	return l;
}

/*
 * The default graph: its nodes and measures as saved, its communities in
 * their order; paths and figures asked of it with `paths` (every link read).
 */
static gg_graph *read_graph(gg_i_store_reader *r, const gg_i_store_meta *m, const gg_links *l,
			    bool paths)
{
	const gg_glossary *g = gg_links_glossary(l);
	size_t n_nodes = (size_t)m->nodes, n_concepts = gg_glossary_concept_count(g);
	int64_t n_comm = single_int(r, "SELECT count(*) FROM communities");
	gg_node *nodes = calloc(n_nodes ? n_nodes : 1, sizeof(*nodes));
	size_t *node_of = calloc(n_concepts ? n_concepts : 1, sizeof(*node_of));
	size_t *members = malloc((n_nodes ? n_nodes : 1) * sizeof(*members));
	size_t *sizes = calloc(n_comm > 0 ? (size_t)n_comm : 1, sizeof(*sizes));
	size_t *start = calloc(n_comm > 0 ? (size_t)n_comm + 1 : 1, sizeof(*start));
	sqlite3_stmt *s = NULL;
	gg_graph *gr = NULL;
	size_t seen = 0;

	if (!r->err && (!nodes || !node_of || !members || !sizes || !start))
		r->err = gg_i_error_oom();
	if (r->err)
		goto cleanup;
	s = gg_i_store_prepare(r, "SELECT id, size FROM communities ORDER BY id");
	for (size_t k = 0; gg_i_store_next_row(r, s); k++) {
		if (k >= (size_t)n_comm || sqlite3_column_int64(s, 0) != (int64_t)k) {
			gg_i_store_damaged(r, "the communities are not numbered in order");
			break;
		}
		sizes[k] = (size_t)sqlite3_column_int64(s, 1);
		start[k + 1] = start[k] + sizes[k];
	}
	sqlite3_finalize(s);
	if (!r->err && start[n_comm] != n_nodes)
		gg_i_store_damaged(r, "the communities do not hold every node");
	s = gg_i_store_prepare(r, "SELECT id, node, community, community_rank, pagerank, betweenness,"
				  " in_degree, out_degree, in_weight, out_weight, x, y, size FROM concepts"
				  " WHERE node IS NOT NULL ORDER BY node");
	while (gg_i_store_next_row(r, s)) {
		int64_t c = sqlite3_column_int64(s, 0), v = sqlite3_column_int64(s, 1);
		int64_t k = sqlite3_column_int64(s, 2), rank = sqlite3_column_int64(s, 3);
		if (v != (int64_t)seen || seen >= n_nodes || c < 0 || (uint64_t)c >= n_concepts ||
		    k < 0 || k >= n_comm || rank < 0 || (size_t)rank >= sizes[k]) {
			gg_i_store_damaged(r, "the nodes are not numbered in order");
			break;
		}
		const gg_concept *concept = gg_glossary_concept(g, (size_t)c);
		nodes[v] = (gg_node){ (size_t)c, concept->name, concept->kind,
				      (uint32_t)sqlite3_column_int64(s, 6),
				      (uint32_t)sqlite3_column_int64(s, 7), sqlite3_column_double(s, 8),
				      sqlite3_column_double(s, 9), sqlite3_column_double(s, 4),
				      sqlite3_column_double(s, 5), (int)k, sqlite3_column_double(s, 10),
				      sqlite3_column_double(s, 11), sqlite3_column_double(s, 12) };
		node_of[c] = (size_t)v + 1;
		members[start[k] + (size_t)rank] = (size_t)v;
		seen++;
	}
	sqlite3_finalize(s);
	if (!r->err && seen != n_nodes)
		gg_i_store_damaged(r, "nodes are missing");
	if (r->err)
		goto cleanup;
	r->err = gg_i_graph_restore(&gr, l, nodes, n_nodes, node_of, members, sizes, (size_t)n_comm,
				    m->modularity, (size_t)m->betweenness_sources, paths);
	nodes = NULL;
	node_of = NULL;
	members = NULL;
cleanup:
	free(nodes);
	free(node_of);
	free(members);
	free(sizes);
	free(start);
	return gr;
}

/*
 * The inputs to compare with their files, shared by the threads that do
 * it: each takes the next INPUT_CHUNK inputs (`next`) until none are left.
 * This thread reads the inputs' rows while the other already compares
 * those read: `ready` (under `lock`, `more` signalled as it grows) says
 * how many are, `reading` whether more may come. A relative path starts
 * from build_dir (the folder the database was built in; "" for the
 * current one).
 */
struct input_check {
	gg_store_input *inputs;
	size_t n; /* rows counted; fewer are compared if fewer are read */
	atomic_size_t next;
	pthread_mutex_t lock;
	pthread_cond_t more;
	size_t ready;
	bool reading;
	char *build_dir;
	gg_i_thread second; /* the other thread; zeroed when there is none */
};

/*
 * Whether the file `name` in the folder open as `dir` (AT_FDCWD: the
 * current one; ignored when name is absolute) differs from what `in`
 * recorded, or is gone (also when dir is -1 and name relative).
 */
static bool input_changed(const gg_store_input *in, int dir, const char *name)
{
	struct stat now;
	int rc = fstatat(dir, name, &now, 0);
	return rc != 0 || (int64_t)now.st_mtime != in->mtime ||
	       (!S_ISDIR(now.st_mode) && (int64_t)now.st_size != in->size);
}

/* The end of the chunk [first, end) that is read, once it is (waiting while rows come). */
static size_t wait_for_rows(struct input_check *c, size_t end)
{
	pthread_mutex_lock(&c->lock);
	while (c->reading && c->ready < end)
		pthread_cond_wait(&c->more, &c->lock);
	if (c->ready < end)
		end = c->ready;
	pthread_mutex_unlock(&c->lock);
	return end;
}

/* Say that the first `ready` inputs are read, and whether more may come. */
static void publish_rows(struct input_check *c, size_t ready, bool reading)
{
	pthread_mutex_lock(&c->lock);
	c->ready = ready;
	c->reading = reading;
	pthread_cond_broadcast(&c->more);
	pthread_mutex_unlock(&c->lock);
}

/*
 * Thread body: set `changed` of the inputs of an input_check, a chunk at a
 * time. A file is looked up by its name in its folder, opened once for the
 * files of the folder that come one after another (a directory's pages
 * do): a stat of the whole path would walk each of its parts again. A
 * folder input, a file in no folder, or one whose folder cannot be opened
 * is looked up by its whole path. Relative paths start from build_dir
 * (gone when it cannot be opened), or from the current folder.
 */
static void *check_inputs(void *arg)
{
	struct input_check *c = arg;
	char folder[PATH_MAX];
	const char *open_path = NULL; /* the input whose folder `dir` is */
	size_t open_len = 0;
	int dir = -1;
	int top = c->build_dir[0] ? open(c->build_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : AT_FDCWD;
	size_t first;
	while ((first = atomic_fetch_add(&c->next, INPUT_CHUNK)) < c->n) {
		size_t end = wait_for_rows(c, c->n - first < INPUT_CHUNK ? c->n : first + INPUT_CHUNK);
		for (size_t i = first; i < end; i++) {
			gg_store_input *in = &c->inputs[i];
			const char *slash = strrchr(in->path, '/');
			if (!slash || !slash[1]) {
				in->changed = input_changed(in, top, in->path);
				continue;
			}
			size_t len = (size_t)(slash - in->path);
			if (!open_path || len != open_len || memcmp(open_path, in->path, len) != 0) {
				if (dir >= 0)
					close(dir);
				size_t cut = len ? len : 1; /* "/" for a file at the root */
				dir = -1;
				if (cut < sizeof(folder)) {
					memcpy(folder, in->path, cut);
					folder[cut] = '\0';
					dir = openat(top, folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
				}
				open_path = in->path;
				open_len = len;
			}
			in->changed = dir >= 0 ? input_changed(in, dir, slash + 1) : input_changed(in, top, in->path);
		}
	}
	if (dir >= 0)
		close(dir);
	if (top >= 0)
		close(top);
	return NULL;
}

/* The folder the database was built in (meta build_dir), "" when not
 * recorded (schema 1) or on error; the caller frees it. NULL on ENOMEM. */
static char *read_build_dir(gg_i_store_reader *r)
{
	sqlite3_stmt *s = gg_i_store_prepare(r, "SELECT value FROM meta WHERE key = 'build_dir'");
	const char *dir = NULL;
	if (!r->err && gg_i_store_next_row(r, s))
		dir = (const char *)sqlite3_column_text(s, 0);
	char *copy = strdup(dir ? dir : "");
	sqlite3_finalize(s);
	return copy;
}

/*
 * The inputs recorded, into st, compared with the files as they are now (a
 * stat each): from INPUT_THREADS_FROM inputs on (a big glossary has
 * thousands of pages), on a thread of its own that starts on the first
 * rows while the others are read and goes on while the graph is read;
 * finish_inputs completes it. On error c is left so that finish_inputs has
 * nothing to do.
 */
static void start_inputs(gg_i_store_reader *r, gg_store *st, struct input_check *c)
{
	int64_t n = single_int(r, "SELECT count(*) FROM inputs");
	char *build_dir = r->err ? NULL : read_build_dir(r);
	if (!r->err && (!build_dir || !(st->inputs = calloc(n ? (size_t)n : 1, sizeof(*st->inputs)))))
		r->err = gg_i_error_oom();
	if (r->err) {
		free(build_dir);
		return;
	}
	c->inputs = st->inputs;
	c->n = (size_t)n;
	c->build_dir = build_dir;
	c->reading = true;
	if (c->n >= INPUT_THREADS_FROM && gg_i_thread_count(0, 2) == 2)
		gg_i_thread_start(&c->second, check_inputs, c);
	sqlite3_stmt *s = gg_i_store_prepare(r, "SELECT path, size, mtime FROM inputs ORDER BY id");
	while (!r->err && st->n_inputs < c->n && gg_i_store_next_row(r, s)) {
		gg_store_input *in = &st->inputs[st->n_inputs];
		const char *path = (const char *)sqlite3_column_text(s, 0);
		if (!path) {
			gg_i_store_damaged(r, "an input's path is missing");
			break;
		}
		if (!(in->path = gg_i_arena_strndup(&st->input_paths, path,
						    (size_t)sqlite3_column_bytes(s, 0)))) {
			r->err = gg_i_error_oom();
			break;
		}
		in->size = sqlite3_column_int64(s, 1);
		in->mtime = sqlite3_column_int64(s, 2);
		if (++st->n_inputs % INPUT_CHUNK == 0)
			publish_rows(c, st->n_inputs, true);
	}
	sqlite3_finalize(s);
	publish_rows(c, st->n_inputs, false);
}

/*
 * The comparison started by start_inputs done: this thread takes the
 * inputs left (none when `abandon`, after an error), then waits for the
 * other. Frees what c holds.
 */
static void finish_inputs(struct input_check *c, bool abandon)
{
	if (abandon)
		atomic_store(&c->next, c->n);
	else if (c->build_dir)
		check_inputs(c);
	gg_i_thread_join(&c->second);
	free(c->build_dir);
	c->build_dir = NULL;
}

int gg_store_open(gg_store **out, const char *path, const gg_store_open_options *o)
{
	gg_store_open_options defaults;
	gg_store *st = calloc(1, sizeof(*st));
	gg_i_store_reader r = { .path = path, .memo = { { "\x01", -1 }, { "\x01", -1 }, { "\x01", -1 } } };
	uint32_t *mentioned_by = NULL, *df = NULL;
	bool *ordinary = NULL;
	struct stat file;
	gg_i_store_meta m;
	struct input_check check = { .inputs = NULL };

	*out = NULL;
	atomic_init(&check.next, 0);
	if (!o) {
		gg_store_open_options_init(&defaults);
		o = &defaults;
	}
	if (!st || !(st->path = strdup(path))) {
		free(st);
		return gg_i_error_oom();
	}
	if (pthread_mutex_init(&check.lock, NULL) != 0) {
		free(st->path);
		free(st);
		return gg_i_error_oom();
	}
	if (pthread_cond_init(&check.more, NULL) != 0) {
		pthread_mutex_destroy(&check.lock);
		free(st->path);
		free(st);
		return gg_i_error_oom();
	}
	if (stat(path, &file) != 0 || !S_ISREG(file.st_mode)) {
		r.err = stat(path, &file) != 0
			? gg_i_error_set_errno(GG_EIO, errno, "cannot open '%s'", path)
			: gg_i_error_set(GG_EIO, "cannot open '%s': not a regular file", path);
		goto cleanup;
	}
	/* one thread uses the connection: no locking of SQLite's own */
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		r.err = gg_i_store_error(st->db, GG_EIO, "cannot open", path);
		goto cleanup;
	}
	r.db = st->db;
	/* one read transaction: the file is locked and checked once, not per statement */
	sqlite3_exec(st->db, "PRAGMA mmap_size = 1073741824; BEGIN", NULL, NULL, NULL);
	check_identity(&r);
	if (!r.err) {
		read_meta(&r, &m);
		st->saved = m.saved;
	}
	if (!r.err)
		start_inputs(&r, st, &check);
	bool without_text = o->without_text && !o->with_held && !o->graph_with_held;
	if (!r.err && (o->around || o->names_only || o->figures_only)) {
		gg_i_store_open_around(&r, st, &m, o);
	} else if (!r.err) {
		st->glossary = read_glossary(&r, &m, without_text, !o->without_notes, &mentioned_by,
					     &df, &ordinary);
		if (!r.err) {
			st->links = read_links(&r, &m, st->glossary, o->with_held || o->graph_with_held,
					       without_text, without_text && o->without_edges, mentioned_by,
					       df, ordinary);
			df = NULL; /* the links' now, or freed */
			ordinary = NULL;
		}
		if (!r.err && o->graph_with_held) {
			gg_graph_options go;
			gg_graph_options_init(&go);
			go.include_held = true;
			r.err = gg_graph_new(&st->graph, st->links, &go);
		} else if (!r.err) {
			st->graph = read_graph(&r, &m, st->links, !(without_text && o->without_edges));
		}
	}
	finish_inputs(&check, r.err != 0);
	if (st->db)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
cleanup:
	pthread_mutex_destroy(&check.lock);
	pthread_cond_destroy(&check.more);
	free(mentioned_by);
	free(df);
	free(ordinary);
	if (r.err) {
		gg_store_free(st);
		return r.err;
	}
	*out = st;
	return 0;
}

void gg_store_free(gg_store *s)
{
	if (!s)
		return;
	gg_graph_free(s->graph);
	gg_links_free(s->links);
	gg_glossary_free(s->glossary);
	free(s->inputs);
	gg_i_arena_free(&s->input_paths);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

const gg_glossary *gg_store_glossary(const gg_store *s)
{
	return s->glossary;
}

const gg_links *gg_store_links(const gg_store *s)
{
	return s->links;
}

const gg_graph *gg_store_graph(const gg_store *s)
{
	return s->graph;
}

size_t gg_store_input_count(const gg_store *s)
{
	return s->n_inputs;
}

const gg_store_input *gg_store_input_at(const gg_store *s, size_t i)
{
	return i < s->n_inputs ? &s->inputs[i] : NULL;
}

int gg_store_stats(gg_graph_stats *out, const gg_store *s)
{
	gg_i_store_reader r = { s->db, s->path, 0, 0, { { "", 0 } } };

	*out = s->saved.figures;
	if (!s->saved.found)
		r.err = gg_i_error_set(GG_ENOTFOUND, "'%s' holds no figures of its graph: open it whole",
				       s->path);
	else if (s->saved.below_zero)
		gg_i_store_damaged(&r, "a figure of the graph is below 0");
	else if (s->saved.found < gg_i_store_figure_count)
		gg_i_store_damaged(&r, "some of the graph's figures are missing");
	if (r.err)
		memset(out, 0, sizeof(*out));
	return r.err;
}

int gg_store_search(gg_search_list *out, const gg_store *s, const char *query, size_t max)
{
	return gg_i_store_search(out, s->db, s->path, NULL, query, max);
}
