/* open.c - opening a saved graph: its glossary, links and graph made again in memory from the database's rows. */
#include "store/store_i.h"
#include "core/error.h"
#include "graph/graph_i.h"
#include "link/links.h"
#include "model/model.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct gg_store {
	sqlite3 *db;
	char *path;
	gg_glossary *glossary;
	gg_links *links;
	gg_graph *graph;
	gg_store_input *inputs;
	size_t n_inputs;
};

/* The figures of the meta table a store needs (store_i.h's schema). */
typedef struct meta {
	gg_read_stats stats;
	double threshold, model_threshold, modularity;
	double weight[GG_LINK_FEATURE_COUNT];
	gg_threshold_source threshold_source;
	int64_t calibration_links, links_dropped, bytes_scanned, mentions, nodes, betweenness_sources;
	int64_t concepts, entries, edges_kept, edges_held; /* rows of those tables */
	bool has_scores, has_ordinary;
} meta;

/* The name an enumeration's column held last and its value: rows repeat them. */
typedef struct enum_memo {
	char name[32];
	int value;
} enum_memo;

/* A read in progress: the database, the store's path, the first error, the edges' last kind, rule and reason. */
typedef struct reader {
	sqlite3 *db;
	const char *path;
	int err;
	enum_memo memo[3];
} reader;

void gg_store_open_options_init(gg_store_open_options *o)
{
	o->with_held = false;
	o->graph_with_held = false;
	o->around = NULL;
	o->depth = 1;
	o->without_text = false;
}

/* Keep, as the first error, that the database is damaged (SQLite's reason, or `why`). */
static void damaged(reader *r, const char *why)
{
	if (r->err)
		return;
	if (!why && sqlite3_errcode(r->db) == SQLITE_NOMEM)
		r->err = gg_i_error_oom();
	else
		r->err = gg_i_error_set(GG_EINPUT, "'%s' is a damaged glossgraph database: %s", r->path,
					why ? why : sqlite3_errmsg(r->db));
}

/* Prepare `sql`; NULL (damaged) on error. */
static sqlite3_stmt *prepare(reader *r, const char *sql)
{
	sqlite3_stmt *s = NULL;
	if (!r->err && sqlite3_prepare_v2(r->db, sql, -1, &s, NULL) != SQLITE_OK) {
		damaged(r, NULL);
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

/* The next row of s: true while there is one; false at the end or on error (damaged). */
static bool next_row(reader *r, sqlite3_stmt *s)
{
	if (r->err || !s)
		return false;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return true;
	if (rc != SQLITE_DONE)
		damaged(r, NULL);
	return false;
}

/* Column i of the current row as a string in the arena (NULL for SQL NULL, or out of memory: kept). */
static const char *column_text(reader *r, gg_i_arena *a, sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return NULL;
	const char *text = (const char *)sqlite3_column_text(s, i);
	char *copy = gg_i_arena_strndup(a, text ? text : "", (size_t)sqlite3_column_bytes(s, i));
	if (!copy && !r->err)
		r->err = gg_i_error_oom();
	return copy;
}

/* One integer of SQL text `sql` (a count), or -1 (damaged) when it gives none. */
static int64_t single_int(reader *r, const char *sql)
{
	sqlite3_stmt *s = prepare(r, sql);
	int64_t v = next_row(r, s) ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_finalize(s);
	if (v < 0)
		damaged(r, "a count is missing");
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
static int memo_value(enum_memo *m, const char *(*name_of)(int), int count, const char *name)
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
static void check_identity(reader *r)
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
}

static void read_meta(reader *r, meta *m)
{
	sqlite3_stmt *s = prepare(r, "SELECT key, value FROM meta");
	char key[64];
	memset(m, 0, sizeof(*m));
	m->threshold_source = GG_THRESHOLD_SOURCE_COUNT;
	while (next_row(r, s)) {
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
		if (strcmp(k, "threshold") == 0)
			m->threshold = x;
		else if (strcmp(k, "model_threshold") == 0)
			m->model_threshold = x;
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
		damaged(r, "the meta table lacks the link threshold or the tables' sizes");
}

/*
 * Read the lists of `sql` (rows: owner, kind, position, text [, offset,
 * len], ordered by owner, kind, position) into the arena: `put` takes each
 * run of one owner and kind. Runs whose owner is `n` or beyond are damage.
 * `only` (0 or more) is bound to the SQL's ?1.
 */
typedef void (*put_list)(void *owners, size_t owner, const char *kind, const char **items,
			 const gg_xref *xrefs, size_t n);

static void read_lists(reader *r, gg_i_arena *a, const char *sql, int64_t only, void *owners,
		       size_t n, bool with_offsets, put_list put)
{
	sqlite3_stmt *s = prepare(r, sql);
	if (s && only >= 0)
		sqlite3_bind_int64(s, 1, only);
	const char **items = NULL;
	gg_xref *xrefs = NULL;
	size_t len = 0, cap = 0;
	int64_t owner = -1;
	char kind[32] = "";

	for (bool more = next_row(r, s);; more = next_row(r, s)) {
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
			damaged(r, "a list names a row that is not there");
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
		items[len] = column_text(r, a, s, 3);
		xrefs[len] = (gg_xref){ items[len], 0, 0 };
		if (with_offsets) {
			xrefs[len].offset = (size_t)sqlite3_column_int64(s, 4);
			xrefs[len].len = (size_t)sqlite3_column_int64(s, 5);
		}
		if (!items[len]) {
			damaged(r, "a list holds an empty item");
			break;
		}
		len++;
	}
	free(items);
	free(xrefs);
	sqlite3_finalize(s);
}

static void put_entry_list(void *owners, size_t i, const char *kind, const char **items,
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

static void put_concept_list(void *owners, size_t i, const char *kind, const char **items,
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

/* The entries, in order, with their lists; each concept's entries after. */
static void read_entries(reader *r, gg_glossary *g, int64_t n)
{
	sqlite3_stmt *s = prepare(r, "SELECT id, concept, file, line, header_offset, offset, header,"
				     " header_is_name, definition FROM entries ORDER BY id");
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
	while (next_row(r, s)) {
		gg_entry *e = &g->entries[i];
		int64_t concept = sqlite3_column_int64(s, 1);
		const char *f = (const char *)sqlite3_column_text(s, 2);
		if (sqlite3_column_int64(s, 0) != (int64_t)i || (int64_t)i >= n || concept < 0 ||
		    (uint64_t)concept >= g->n_concepts || !f) {
			damaged(r, "the entries are not numbered in order");
			break;
		}
		if (!file || strcmp(file, f) != 0) /* one copy per file: entries come in file order */
			file = column_text(r, &g->arena, s, 2);
		e->file = file;
		e->line = (uint32_t)sqlite3_column_int64(s, 3);
		e->header_offset = (uint64_t)sqlite3_column_int64(s, 4);
		e->offset = (uint64_t)sqlite3_column_int64(s, 5);
		e->header = column_text(r, &g->arena, s, 6);
		e->header_is_name = sqlite3_column_int(s, 7) != 0;
		e->definition = column_text(r, &g->arena, s, 8);
		e->definition_len = (size_t)sqlite3_column_bytes(s, 8);
		e->concept = (size_t)concept;
		if (!e->header || !e->definition)
			damaged(r, "an entry lacks its header or definition");
		g->n_entries = ++i;
	}
	if (!r->err && (int64_t)i != n)
		damaged(r, "entries are missing");
	read_lists(r, &g->arena, "SELECT entry, kind, position, text, offset, len FROM entry_items"
		   " ORDER BY entry, kind, position", -1, g->entries, g->n_entries, true, put_entry_list);
	/* each concept's entries, in entry order */
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
cleanup:
	sqlite3_finalize(s);
}

/* The concepts and (with `names`) their other names; per concept, what the links count of it into the arrays given. */
static void read_concepts(reader *r, gg_glossary *g, bool names, uint32_t *mentioned_by,
			  uint32_t *df, bool *ordinary)
{
	sqlite3_stmt *s = prepare(r, "SELECT id, kind, name, mentioned_by, df, ordinary FROM concepts"
				     " ORDER BY id");
	size_t c = 0;
	while (next_row(r, s)) {
		const char *kind = (const char *)sqlite3_column_text(s, 1);
		if (sqlite3_column_int64(s, 0) != (int64_t)c || c >= g->n_concepts || !kind) {
			damaged(r, "the concepts are not numbered in order");
			break;
		}
		gg_concept *k = &g->concepts[c];
		k->kind = strcmp(kind, "keyword") == 0 ? GG_CONCEPT_KEYWORD : GG_CONCEPT_TERM;
		if (!(k->name = column_text(r, &g->arena, s, 2)))
			damaged(r, "a concept has no name");
		mentioned_by[c] = (uint32_t)sqlite3_column_int64(s, 3);
		if (df)
			df[c] = (uint32_t)sqlite3_column_int64(s, 4);
		if (ordinary)
			ordinary[c] = sqlite3_column_int(s, 5) != 0;
		c++;
	}
	sqlite3_finalize(s);
	if (!r->err && c != g->n_concepts)
		damaged(r, "concepts are missing");
	if (names)
		read_lists(r, &g->arena, "SELECT concept, kind, position, name FROM concept_names"
			   " ORDER BY concept, kind, position", -1, g->concepts, g->n_concepts, false,
			   put_concept_list);
}

/* The two lookup maps, from the forms table. */
static void read_forms(reader *r, gg_glossary *g)
{
	sqlite3_stmt *s = prepare(r, "SELECT form, capitals, concept FROM forms");
	while (next_row(r, s)) {
		const char *key = column_text(r, &g->arena, s, 0);
		int64_t c = sqlite3_column_int64(s, 2);
		if (!key || c < 0 || (uint64_t)c >= g->n_concepts) {
			damaged(r, "a form names no concept");
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

static void read_diagnostics(reader *r, gg_glossary *g)
{
	int64_t n = single_int(r, "SELECT count(*) FROM diagnostics");
	sqlite3_stmt *s = prepare(r, "SELECT level, file, line, message FROM diagnostics ORDER BY id");
	if (!r->err && !(g->diags = calloc(n ? (size_t)n : 1, sizeof(*g->diags))))
		r->err = gg_i_error_oom();
	while (!r->err && next_row(r, s) && g->n_diags < (size_t)n) {
		gg_diagnostic *d = &g->diags[g->n_diags++];
		const char *level = (const char *)sqlite3_column_text(s, 0);
		d->level = level && strcmp(level, "note") == 0 ? GG_DIAG_NOTE : GG_DIAG_WARNING;
		d->file = column_text(r, &g->arena, s, 1);
		d->line = (uint32_t)sqlite3_column_int64(s, 2);
		d->message = column_text(r, &g->arena, s, 3);
		if (!d->message)
			damaged(r, "a diagnostic has no message");
	}
	g->cap_diags = g->n_diags;
	sqlite3_finalize(s);
}

/* The glossary: concepts, entries, lookup forms, diagnostics and the read statistics. */
static gg_glossary *read_glossary(reader *r, const meta *m, bool without_text,
				  uint32_t **mentioned_by, uint32_t **df, bool **ordinary)
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
	read_concepts(r, g, !without_text, *mentioned_by, *df, *ordinary);
	if (without_text) { /* entries there, but empty */
		if (!(g->entries = calloc(m->entries ? (size_t)m->entries : 1, sizeof(*g->entries))) ||
		    !(g->maps = calloc(m->entries ? (size_t)m->entries : 1, sizeof(*g->maps))))
			r->err = r->err ? r->err : gg_i_error_oom();
		g->n_entries = g->cap_entries = (size_t)m->entries;
	} else {
		read_entries(r, g, m->entries);
	}
	read_forms(r, g);
	read_diagnostics(r, g);
	g->stats = m->stats;
	g->built = true;
	return g;
}

/* The figures of the links' scoring, as saved. */
static void set_link_figures(gg_links *l, const meta *m)
{
	memcpy(l->model.weight, m->weight, sizeof(m->weight));
	l->model.threshold = m->model_threshold;
	l->threshold = m->threshold;
	l->threshold_source = m->threshold_source;
	l->calibration_links = (size_t)m->calibration_links;
	l->bytes_scanned = (uint64_t)m->bytes_scanned;
	l->mentions = (uint64_t)m->mentions;
}

/* The columns parse_edge reads, in its order; the first twelve without the evidence's text. */
#define EDGE_FIGURES "id, source, target, kind, rule, held, cued, weight, specificity, score," \
	" entry, offset"
#define EDGE_COLUMNS EDGE_FIGURES ", surface, surface_in, surface_at"

/*
 * The edge of the current row of s (EDGE_COLUMNS) into *e, its surface
 * pointing into its entry's definition or header as saved (else a copy in
 * the arena). False (damaged) when it names what is not there.
 */
static bool parse_edge(reader *r, sqlite3_stmt *s, gg_glossary *g, gg_edge *e)
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
		damaged(r, "an edge names a concept, an entry or a kind that is not there");
		return false;
	}
	*e = (gg_edge){ (size_t)source, (size_t)target, (gg_edge_kind)kind, (gg_match_rule)rule,
			(gg_hold_reason)hold, sqlite3_column_int(s, 6) != 0,
			(uint32_t)sqlite3_column_int64(s, 7), sqlite3_column_double(s, 8),
			sqlite3_column_double(s, 9), (size_t)entry, NULL, 0,
			(uint64_t)sqlite3_column_int64(s, 11) };
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
		e->surface = column_text(r, &g->arena, s, 12);
	e->surface_len = (uint32_t)len;
	return !r->err;
}

/*
 * The links: every edge (the held ones only `with_held`), with the figures
 * of their scoring. Takes over df and ordinary (freed on error).
 */
static gg_links *read_links(reader *r, const meta *m, gg_glossary *g, bool with_held,
			    bool without_text, uint32_t *mentioned_by, uint32_t *df, bool *ordinary)
{
	int64_t held = with_held ? 0 : m->edges_held;
	int64_t n = with_held ? m->edges_kept + m->edges_held : m->edges_kept;
	sqlite3_stmt *s = prepare(r, with_held ? "SELECT " EDGE_COLUMNS " FROM edges ORDER BY id"
				 : without_text /* the index edges_kept holds these */
				 ? "SELECT " EDGE_FIGURES " FROM edges WHERE held = '' ORDER BY id"
				 : "SELECT " EDGE_COLUMNS " FROM edges WHERE held = '' ORDER BY id");
	gg_edge *edges = r->err ? NULL : calloc(n ? (size_t)n : 1, sizeof(*edges));
	gg_links *l = NULL;
	size_t i = 0;

	if (!r->err && !edges)
		r->err = gg_i_error_oom();
	while (!r->err && next_row(r, s) && (int64_t)i < n)
		if (parse_edge(r, s, g, &edges[i]))
			i++;
	sqlite3_finalize(s);
	if (!r->err && (int64_t)i != n)
		damaged(r, "edges are missing");
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
	set_link_figures(l, m);
	return l;
}

/* The default graph: its nodes and measures as saved, its communities in their order; igraph's twin `with_igraph`. */
static gg_graph *read_graph(reader *r, const meta *m, const gg_links *l, bool with_igraph)
{
	const gg_glossary *g = gg_links_glossary(l);
	size_t n_nodes = (size_t)m->nodes, n_concepts = gg_glossary_concept_count(g);
	int64_t n_comm = single_int(r, "SELECT count(*) FROM communities");
	gg_node *nodes = calloc(n_nodes ? n_nodes : 1, sizeof(*nodes));
	size_t *node_of = malloc((n_concepts ? n_concepts : 1) * sizeof(*node_of));
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
	for (size_t c = 0; c < n_concepts; c++)
		node_of[c] = SIZE_MAX;
	s = prepare(r, "SELECT id, size FROM communities ORDER BY id");
	for (size_t k = 0; next_row(r, s); k++) {
		if (k >= (size_t)n_comm || sqlite3_column_int64(s, 0) != (int64_t)k) {
			damaged(r, "the communities are not numbered in order");
			break;
		}
		sizes[k] = (size_t)sqlite3_column_int64(s, 1);
		start[k + 1] = start[k] + sizes[k];
	}
	sqlite3_finalize(s);
	if (!r->err && start[n_comm] != n_nodes)
		damaged(r, "the communities do not hold every node");
	s = prepare(r, "SELECT id, node, community, community_rank, pagerank, betweenness, in_degree,"
		       " out_degree, in_weight, out_weight, x, y, size FROM concepts"
		       " WHERE node IS NOT NULL ORDER BY node");
	while (next_row(r, s)) {
		int64_t c = sqlite3_column_int64(s, 0), v = sqlite3_column_int64(s, 1);
		int64_t k = sqlite3_column_int64(s, 2), rank = sqlite3_column_int64(s, 3);
		if (v != (int64_t)seen || seen >= n_nodes || c < 0 || (uint64_t)c >= n_concepts ||
		    k < 0 || k >= n_comm || rank < 0 || (size_t)rank >= sizes[k]) {
			damaged(r, "the nodes are not numbered in order");
			break;
		}
		const gg_concept *concept = gg_glossary_concept(g, (size_t)c);
		nodes[v] = (gg_node){ (size_t)c, concept->name, concept->kind,
				      (uint32_t)sqlite3_column_int64(s, 6),
				      (uint32_t)sqlite3_column_int64(s, 7), sqlite3_column_double(s, 8),
				      sqlite3_column_double(s, 9), sqlite3_column_double(s, 4),
				      sqlite3_column_double(s, 5), (int)k, sqlite3_column_double(s, 10),
				      sqlite3_column_double(s, 11), sqlite3_column_double(s, 12) };
		node_of[c] = (size_t)v;
		members[start[k] + (size_t)rank] = (size_t)v;
		seen++;
	}
	sqlite3_finalize(s);
	if (!r->err && seen != n_nodes)
		damaged(r, "nodes are missing");
	if (r->err)
		goto cleanup;
	r->err = gg_i_graph_restore(&gr, l, nodes, n_nodes, node_of, members, sizes, (size_t)n_comm,
				    m->modularity, (size_t)m->betweenness_sources, with_igraph);
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

/* The inputs recorded, each compared with the file as it is now. */
static void read_inputs(reader *r, gg_store *st)
{
	int64_t n = single_int(r, "SELECT count(*) FROM inputs");
	sqlite3_stmt *s = prepare(r, "SELECT path, size, mtime FROM inputs ORDER BY id");
	if (!r->err && !(st->inputs = calloc(n ? (size_t)n : 1, sizeof(*st->inputs))))
		r->err = gg_i_error_oom();
	while (!r->err && next_row(r, s) && st->n_inputs < (size_t)n) {
		gg_store_input *in = &st->inputs[st->n_inputs];
		const char *path = (const char *)sqlite3_column_text(s, 0);
		struct stat now;
		if (!path || !(in->path = strdup(path))) {
			r->err = path ? gg_i_error_oom() : r->err;
			break;
		}
		st->n_inputs++;
		in->size = sqlite3_column_int64(s, 1);
		in->mtime = sqlite3_column_int64(s, 2);
		in->changed = stat(path, &now) != 0 || (int64_t)now.st_mtime != in->mtime ||
			      (!S_ISDIR(now.st_mode) && (int64_t)now.st_size != in->size);
	}
	sqlite3_finalize(s);
}

/* ---- a term's neighbourhood only (gg_store_open_options.around) ---- */

/* What is loaded around a term: the concepts reached and the edges found, in growable lists. */
typedef struct around {
	uint8_t *seen;        /* per concept: reached */
	size_t *concepts;     /* reached, in the order reached */
	size_t n_concepts, cap_concepts;
	int64_t *edges;       /* ids of the kept edges found, repeats included until sorted */
	size_t n_edges, cap_edges;
} around;

/* Append v to a growable list; false (out of memory, kept in r) when it cannot grow. */
static bool push(reader *r, void **list, size_t *n, size_t *cap, size_t size, const void *v)
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
static void reach(reader *r, around *a, size_t c)
{
	if (!a->seen[c]) {
		a->seen[c] = 1;
		push(r, (void **)&a->concepts, &a->n_concepts, &a->cap_concepts, sizeof(size_t), &c);
	}
}

/*
 * From `focus`, breadth first: every kept edge in or out of a concept up to
 * `depth` - 1 hops away, and the concepts they reach. Two indexed look-ups
 * a concept.
 */
static void walk_around(reader *r, around *a, size_t focus, unsigned depth, size_t n_concepts)
{
	sqlite3_stmt *out = prepare(r, "SELECT id, target FROM edges WHERE source = ?1 AND +held = ''");
	sqlite3_stmt *in = prepare(r, "SELECT id, source FROM edges WHERE target = ?1 AND +held = ''");
	size_t begin = 0;

	reach(r, a, focus);
	for (unsigned d = 1; d <= depth && !r->err; d++) { /* expand the concepts d - 1 hops away */
		size_t end = a->n_concepts;
		for (size_t q = begin; q < end && !r->err; q++) {
			sqlite3_stmt *runs[2] = { out, in };
			for (int k = 0; k < 2 && !r->err; k++) {
				sqlite3_reset(runs[k]);
				sqlite3_bind_int64(runs[k], 1, (int64_t)a->concepts[q]);
				while (next_row(r, runs[k])) {
					int64_t id = sqlite3_column_int64(runs[k], 0);
					int64_t other = sqlite3_column_int64(runs[k], 1);
					if (other < 0 || (uint64_t)other >= n_concepts) {
						damaged(r, "an edge names a concept that is not there");
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
	if (a->n_edges) { /* in the links' order, once each */
		qsort(a->edges, a->n_edges, sizeof(*a->edges), compare_ids);
		size_t kept = 1;
		for (size_t i = 1; i < a->n_edges; i++)
			if (a->edges[i] != a->edges[kept - 1])
				a->edges[kept++] = a->edges[i];
		a->n_edges = kept;
	}
}

/* The entry `id` with its lists (definition included), into g->entries[id]. */
static void load_entry(reader *r, sqlite3_stmt *s, gg_glossary *g, int64_t id)
{
	sqlite3_reset(s);
	sqlite3_bind_int64(s, 1, id);
	if (!next_row(r, s)) {
		damaged(r, "an entry is missing");
		return;
	}
	gg_entry *e = &g->entries[id];
	e->file = column_text(r, &g->arena, s, 0);
	e->line = (uint32_t)sqlite3_column_int64(s, 1);
	e->header_offset = (uint64_t)sqlite3_column_int64(s, 2);
	e->offset = (uint64_t)sqlite3_column_int64(s, 3);
	e->header = column_text(r, &g->arena, s, 4);
	e->header_is_name = sqlite3_column_int(s, 5) != 0;
	e->definition = column_text(r, &g->arena, s, 6);
	e->definition_len = (size_t)sqlite3_column_bytes(s, 6);
	e->concept = (size_t)sqlite3_column_int64(s, 7);
	if (!e->file || !e->header || !e->definition || e->concept >= g->n_concepts)
		damaged(r, "an entry lacks its file, header or definition");
	read_lists(r, &g->arena, "SELECT entry, kind, position, text, offset, len FROM entry_items"
		   " WHERE entry = ?1 ORDER BY kind, position", id, g->entries, g->n_entries, true,
		   put_entry_list);
}

/*
 * The concepts reached, with their names, link counts and nodes' measures;
 * the focus's entries (in order) and the entries holding the evidence of
 * `edges`. Fills nodes and node_of for the concepts reached.
 */
static void load_reached(reader *r, gg_glossary *g, const around *a, size_t focus,
			 uint32_t *mentioned_by, gg_node *nodes, size_t n_nodes, size_t *node_of)
{
	sqlite3_stmt *c = prepare(r, "SELECT kind, name, node, pagerank, betweenness, in_degree,"
				     " out_degree, in_weight, out_weight, community, x, y, size,"
				     " mentioned_by FROM concepts WHERE id = ?1");
	sqlite3_stmt *entry = prepare(r, "SELECT file, line, header_offset, offset, header,"
					 " header_is_name, definition, concept FROM entries WHERE id = ?1");
	sqlite3_stmt *own = prepare(r, "SELECT id FROM entries WHERE concept = ?1 ORDER BY id");
	sqlite3_stmt *evidence = prepare(r, "SELECT entry FROM edges WHERE id = ?1");
	size_t *list = NULL, n_list = 0, cap_list = 0;

	for (size_t i = 0; i < a->n_concepts && !r->err; i++) {
		size_t id = a->concepts[i];
		gg_concept *k = &g->concepts[id];
		sqlite3_reset(c);
		sqlite3_bind_int64(c, 1, (int64_t)id);
		if (!next_row(r, c)) {
			damaged(r, "a concept is missing");
			break;
		}
		const char *kind = (const char *)sqlite3_column_text(c, 0);
		k->kind = kind && strcmp(kind, "keyword") == 0 ? GG_CONCEPT_KEYWORD : GG_CONCEPT_TERM;
		if (!(k->name = column_text(r, &g->arena, c, 1)))
			damaged(r, "a concept has no name");
		mentioned_by[id] = (uint32_t)sqlite3_column_int64(c, 13);
		if (sqlite3_column_type(c, 2) != SQLITE_NULL) {
			int64_t v = sqlite3_column_int64(c, 2);
			if (v < 0 || (uint64_t)v >= n_nodes) {
				damaged(r, "a node is out of range");
				break;
			}
			nodes[v] = (gg_node){ id, k->name, k->kind, (uint32_t)sqlite3_column_int64(c, 5),
					      (uint32_t)sqlite3_column_int64(c, 6),
					      sqlite3_column_double(c, 7), sqlite3_column_double(c, 8),
					      sqlite3_column_double(c, 3), sqlite3_column_double(c, 4),
					      sqlite3_column_int(c, 9), sqlite3_column_double(c, 10),
					      sqlite3_column_double(c, 11), sqlite3_column_double(c, 12) };
			node_of[id] = (size_t)v;
		}
		read_lists(r, &g->arena, "SELECT concept, kind, position, name FROM concept_names"
			   " WHERE concept = ?1 ORDER BY kind, position", (int64_t)id, g->concepts,
			   g->n_concepts, false, put_concept_list);
	}
	/* the focus's own entries, and its list of them */
	sqlite3_bind_int64(own, 1, (int64_t)focus);
	while (next_row(r, own)) {
		size_t id = (size_t)sqlite3_column_int64(own, 0);
		if (id >= g->n_entries) {
			damaged(r, "an entry is out of range");
			break;
		}
		push(r, (void **)&list, &n_list, &cap_list, sizeof(size_t), &id);
	}
	size_t *entries = r->err ? NULL : gg_i_arena_alloc(&g->arena, (n_list ? n_list : 1) * sizeof(size_t));
	if (!r->err && !entries)
		r->err = gg_i_error_oom();
	for (size_t i = 0; i < n_list && !r->err; i++) {
		entries[i] = list[i];
		load_entry(r, entry, g, (int64_t)list[i]);
	}
	if (!r->err) {
		g->concepts[focus].entries = entries;
		g->concepts[focus].n_entries = n_list;
	}
	/* the entries holding the evidence */
	for (size_t i = 0; i < a->n_edges && !r->err; i++) {
		sqlite3_reset(evidence);
		sqlite3_bind_int64(evidence, 1, a->edges[i]);
		if (!next_row(r, evidence)) {
			damaged(r, "an edge is missing");
			break;
		}
		int64_t id = sqlite3_column_int64(evidence, 0);
		if (id < 0 || (uint64_t)id >= g->n_entries) {
			damaged(r, "an edge's entry is out of range");
			break;
		}
		if (!g->entries[id].file) /* not loaded yet */
			load_entry(r, entry, g, id);
	}
	free(list);
	sqlite3_finalize(c);
	sqlite3_finalize(entry);
	sqlite3_finalize(own);
	sqlite3_finalize(evidence);
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
 * Open around `o->around` (gg_store_open_options): the term looked up in
 * the forms table (indexed), then its neighbourhood. *found false, nothing loaded, when the term
 * names no concept.
 */
static void open_around(reader *r, gg_store *st, const meta *m, const gg_store_open_options *o,
			bool *found)
{
	int64_t n_concepts = m->concepts, n_entries = m->entries;
	size_t n_nodes = (size_t)m->nodes, focus = 0;
	around a = { 0 };
	gg_glossary *g = NULL;
	gg_edge *edges = NULL;
	gg_node *nodes = NULL;
	size_t *node_of = NULL;
	uint32_t *mentioned_by = NULL;
	sqlite3_stmt *s = NULL;

	*found = false;
	if (r->err || (r->err = gg_glossary_new(&g)) != 0)
		return;
	st->glossary = g;
	g->concepts = calloc(n_concepts ? (size_t)n_concepts : 1, sizeof(*g->concepts));
	g->entries = calloc(n_entries ? (size_t)n_entries : 1, sizeof(*g->entries));
	g->maps = calloc(n_entries ? (size_t)n_entries : 1, sizeof(*g->maps));
	a.seen = calloc(n_concepts ? (size_t)n_concepts : 1, 1);
	mentioned_by = calloc(n_concepts ? (size_t)n_concepts : 1, sizeof(*mentioned_by));
	nodes = calloc(n_nodes ? n_nodes : 1, sizeof(*nodes));
	node_of = malloc((n_concepts ? (size_t)n_concepts : 1) * sizeof(*node_of));
	if (!g->concepts || !g->entries || !g->maps || !a.seen || !mentioned_by || !nodes || !node_of) {
		r->err = gg_i_error_oom();
		goto cleanup;
	}
	g->n_concepts = (size_t)n_concepts;
	g->n_entries = g->cap_entries = (size_t)n_entries;
	for (size_t c = 0; c < g->n_concepts; c++)
		node_of[c] = SIZE_MAX;
	g->stats = m->stats;
	g->built = true;
	form_source forms = { prepare(r, "SELECT concept FROM forms WHERE form = ?1 AND capitals = ?2"),
			      g, false };
	s = forms.find;
	if (!r->err && gg_i_glossary_find_in(&focus, form_lookup, &forms, o->around) == 0 &&
	    forms.oom)
		r->err = gg_i_error_oom();
	if (r->err || gg_glossary_find(&focus, g, o->around) != 0 || focus >= g->n_concepts)
		goto cleanup; /* not found: the caller opens everything */
	sqlite3_finalize(s);
	s = NULL;
	*found = true;
	walk_around(r, &a, focus, o->depth ? o->depth : 1, g->n_concepts);
	load_reached(r, g, &a, focus, mentioned_by, nodes, n_nodes, node_of);
	read_diagnostics(r, g);
	if (!r->err && !(edges = calloc(a.n_edges ? a.n_edges : 1, sizeof(*edges))))
		r->err = gg_i_error_oom();
	s = prepare(r, "SELECT " EDGE_COLUMNS " FROM edges WHERE id = ?1");
	for (size_t i = 0; i < a.n_edges && !r->err; i++) {
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, a.edges[i]);
		if (next_row(r, s))
			parse_edge(r, s, g, &edges[i]);
		else
			damaged(r, "an edge is missing");
	}
	int64_t held = m->edges_held;
	if (r->err)
		goto cleanup;
	r->err = gg_i_links_adopt(&st->links, g, edges, a.n_edges, mentioned_by,
				  (size_t)(m->links_dropped + held));
	edges = NULL;
	mentioned_by = NULL;
	if (r->err)
		goto cleanup;
	set_link_figures(st->links, m);
	r->err = gg_i_graph_restore(&st->graph, st->links, nodes, n_nodes, node_of, NULL, NULL, 0,
				    m->modularity, (size_t)m->betweenness_sources, false);
	nodes = NULL;
	node_of = NULL;
cleanup:
	sqlite3_finalize(s);
	free(a.seen);
	free(a.concepts);
	free(a.edges);
	free(edges);
	free(nodes);
	free(node_of);
	free(mentioned_by);
	if (!*found || r->err) { /* the caller starts again, or frees */
		gg_links_free(st->links);
		gg_glossary_free(st->glossary);
		st->links = NULL;
		st->glossary = NULL;
	}
}

int gg_store_open(gg_store **out, const char *path, const gg_store_open_options *o)
{
	gg_store_open_options defaults;
	gg_store *st = calloc(1, sizeof(*st));
	reader r = { .path = path, .memo = { { "\x01", -1 }, { "\x01", -1 }, { "\x01", -1 } } };
	uint32_t *mentioned_by = NULL, *df = NULL;
	bool *ordinary = NULL;
	struct stat file;
	meta m;

	*out = NULL;
	if (!o) {
		gg_store_open_options_init(&defaults);
		o = &defaults;
	}
	if (!st || !(st->path = strdup(path))) {
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
	if (!r.err)
		read_meta(&r, &m);
	bool found = false, without_text = o->without_text && !o->with_held && !o->graph_with_held;
	if (!r.err && o->around)
		open_around(&r, st, &m, o, &found);
	if (!r.err && !found)
		st->glossary = read_glossary(&r, &m, without_text, &mentioned_by, &df, &ordinary);
	if (!r.err && !found) {
		st->links = read_links(&r, &m, st->glossary, o->with_held || o->graph_with_held,
				       without_text, mentioned_by, df, ordinary);
		df = NULL; /* the links' now, or freed */
		ordinary = NULL;
	}
	if (!r.err && found) {
		; /* the neighbourhood's graph is made */
	} else if (!r.err && o->graph_with_held) {
		gg_graph_options go;
		gg_graph_options_init(&go);
		go.include_held = true;
		r.err = gg_graph_new(&st->graph, st->links, &go);
	} else if (!r.err) {
		st->graph = read_graph(&r, &m, st->links, !without_text);
	}
	if (!r.err)
		read_inputs(&r, st);
	if (st->db)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
cleanup:
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
	for (size_t i = 0; i < s->n_inputs; i++)
		free((char *)s->inputs[i].path);
	free(s->inputs);
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

int gg_store_search(gg_search_list *out, const gg_store *s, const char *query, size_t max)
{
	return gg_i_store_search(out, s->db, s->path, query, max);
}
