/* store_i.h - the saved graph's schema and what the files of src/store share. */
#ifndef GG_STORE_STORE_I_H
#define GG_STORE_STORE_I_H

#include "glossgraph.h"
#include "glossgraph/store.h"

#include "core/arena.h"
#include "link/links.h"
#include "model/model.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

/* PRAGMA application_id of a glossgraph database: "GGdb". */
#define GG_I_STORE_APPLICATION_ID 0x47476462

/* Whether byte I (from 0) of the BLOB d is inside a UTF-8 character, not its start. */
#define GG_I_STORE_INSIDE(i) "substr(d, " i " + 1, 1) BETWEEN x'80' AND x'BF'"

/*
 * The view edges_with_evidence: the edges with the columns of schema 1's
 * table, the evidence's file, line and snippet, taken from the entry when
 * read rather than stored with every edge. The snippet is gg_edge_snippet's:
 * the inner query takes the definition's bytes (d) and the surface's
 * [a, z); the middle one cuts 60 bytes each side of it, moved back to a
 * character's start (valid UTF-8: at most three bytes back), as links.c
 * does.
 */
#define GG_I_STORE_EVIDENCE_VIEW \
	"CREATE VIEW edges_with_evidence AS SELECT id, source, target, kind, rule, held, cued,\n" \
	"  weight, specificity, score, entry, file, line, offset, surface, surface_in, surface_at,\n" \
	"  CASE WHEN kind IN ('category', 'keyword') THEN coalesce(header, '')\n" \
	"    WHEN surface_in IS NOT 'definition' OR d IS NULL THEN ''\n" \
	"    ELSE CASE WHEN cut_from > 0 THEN '...' ELSE '' END\n" \
	"      || replace(replace(replace(replace(CAST(substr(d, cut_from + 1, cut_to - cut_from) AS TEXT),\n" \
	"           '**', ''), char(9), ' '), char(10), ' '), char(13), ' ')\n" \
	"      || CASE WHEN cut_to < length(d) THEN '...' ELSE '' END END AS snippet\n" \
	"FROM (SELECT *,\n" \
	"  CASE WHEN a <= 60 THEN 0 WHEN NOT " GG_I_STORE_INSIDE("a - 60") " THEN a - 60\n" \
	"    WHEN NOT " GG_I_STORE_INSIDE("a - 61") " THEN a - 61\n" \
	"    WHEN NOT " GG_I_STORE_INSIDE("a - 62") " THEN a - 62 ELSE max(a - 63, 0) END AS cut_from,\n" \
	"  CASE WHEN z + 60 >= length(d) THEN length(d) WHEN NOT " GG_I_STORE_INSIDE("z + 60") " THEN z + 60\n" \
	"    WHEN NOT " GG_I_STORE_INSIDE("z + 59") " THEN z + 59\n" \
	"    WHEN NOT " GG_I_STORE_INSIDE("z + 58") " THEN z + 58 ELSE z + 57 END AS cut_to\n" \
	"  FROM (SELECT e.*, n.file, n.line, n.header, CAST(n.definition AS BLOB) AS d,\n" \
	"    e.surface_at AS a, e.surface_at + length(CAST(e.surface AS BLOB)) AS z\n" \
	"    FROM edges e LEFT JOIN entries n ON n.id = e.entry));\n"

/*
 * The tables (README, "Saved graph (SQLite)"). Rows are numbered as the
 * objects number them: concepts.id is the glossary's concept index,
 * entries.id its entry index, edges.id the links' edge index. Enumerations
 * are stored by their names (gg_edge_kind_name, ...). An index whose keys
 * the rows bring in ascending order is made before them
 * (GG_I_STORE_ORDERED_INDEXES): each row then goes to the end of it, which
 * is cheaper than sorting the whole table for it afterwards. The others
 * come after the rows (GG_I_STORE_GLOSSARY_INDEXES, GG_I_STORE_EDGE_INDEXES).
 */
#define GG_I_STORE_SCHEMA \
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;\n" \
	"CREATE TABLE inputs(id INTEGER PRIMARY KEY, path TEXT NOT NULL, size INTEGER, mtime INTEGER);\n" \
	"CREATE TABLE concepts(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,\n" \
	"  node INTEGER, community INTEGER, community_rank INTEGER, pagerank REAL, betweenness REAL,\n" \
	"  in_degree INTEGER, out_degree INTEGER, in_weight REAL, out_weight REAL, x REAL, y REAL,\n" \
	"  size REAL, mentioned_by INTEGER, df INTEGER, ordinary INTEGER);\n" \
	"CREATE TABLE concept_names(concept INTEGER NOT NULL, kind TEXT NOT NULL, position INTEGER NOT NULL,\n" \
	"  name TEXT NOT NULL);\n" \
	"CREATE TABLE entries(id INTEGER PRIMARY KEY, concept INTEGER NOT NULL, file TEXT NOT NULL,\n" \
	"  line INTEGER, header_offset INTEGER, offset INTEGER, header TEXT NOT NULL,\n" \
	"  header_is_name INTEGER, definition TEXT NOT NULL);\n" \
	"CREATE TABLE entry_items(entry INTEGER NOT NULL, kind TEXT NOT NULL, position INTEGER NOT NULL,\n" \
	"  text TEXT NOT NULL, offset INTEGER, len INTEGER);\n" \
	"CREATE TABLE forms(form TEXT NOT NULL, capitals INTEGER NOT NULL, concept INTEGER NOT NULL);\n" \
	"CREATE TABLE edges(id INTEGER PRIMARY KEY, source INTEGER NOT NULL, target INTEGER NOT NULL,\n" \
	"  kind TEXT NOT NULL, rule TEXT NOT NULL, held TEXT NOT NULL, cued INTEGER, weight INTEGER,\n" \
	"  specificity REAL, score REAL, entry INTEGER, offset INTEGER, surface TEXT, surface_in TEXT,\n" \
	"  surface_at INTEGER);\n" \
	"CREATE TABLE communities(id INTEGER PRIMARY KEY, size INTEGER NOT NULL, name TEXT NOT NULL);\n" \
	"CREATE TABLE diagnostics(id INTEGER PRIMARY KEY, level TEXT NOT NULL, file TEXT, line INTEGER,\n" \
	"  message TEXT NOT NULL);\n" \
	"CREATE VIRTUAL TABLE definitions USING fts5(definition, content='entries', content_rowid='id');\n" \
	GG_I_STORE_EVIDENCE_VIEW

/*
 * Concept by concept, entry by entry, edge by edge (the links keep an
 * entry's edges together and their sources mostly ascending). The indexes
 * by source and by target (GG_I_STORE_EDGE_INDEXES) hold the kept edges
 * alone and cover the look-ups of a concept's kept edges: a generic word
 * has few kept links and can have a third of the glossary's held ones.
 * Their `held` column, '' throughout, lets SQLite take them for a look-up
 * of `held = ''` alone. The kept edges read in order (WHERE held = ''
 * ORDER BY id) are read with the table: an index covering that reading
 * (files of schema 2 and 3 written before have one, edges_kept) made it
 * no faster at 100,000 entries, and cost the build a fifth of the
 * database's writing time and the file 13% of its size.
 */
#define GG_I_STORE_ORDERED_INDEXES \
	"CREATE INDEX concepts_node ON concepts(node);\n" \
	"CREATE INDEX concept_names_concept ON concept_names(concept);\n" \
	"CREATE INDEX entry_items_entry ON entry_items(entry);\n" \
	"CREATE INDEX edges_source ON edges(source, target, held) WHERE held = '';\n"

/* The glossary's, once its rows are in (then the full-text index), and the edges'. */
#define GG_I_STORE_GLOSSARY_INDEXES \
	"CREATE INDEX entries_concept ON entries(concept);\n" \
	"CREATE INDEX forms_form ON forms(form);\n"

#define GG_I_STORE_EDGE_INDEXES \
	"CREATE INDEX edges_target ON edges(target, source, held) WHERE held = '';\n"

/* The graph's figures saved in meta (gg_i_store_figures), as read. */
typedef struct gg_i_saved_figures {
	gg_graph_stats figures; /* those found; the others 0 */
	size_t found;           /* how many were there */
	bool below_zero;        /* a count among them was negative: damage */
} gg_i_saved_figures;

/* An opened saved graph: the connection, and the objects made from it, owned together. */
struct gg_store {
	sqlite3 *db;
	char *path;
	gg_glossary *glossary;
	gg_links *links;
	gg_graph *graph;
	gg_store_input *inputs;
	size_t n_inputs;
	gg_i_arena input_paths; /* the inputs' paths */
	gg_i_saved_figures saved; /* the graph's figures in meta, for gg_store_stats */
};

/* The figures of the meta table a store needs (GG_I_STORE_SCHEMA). */
typedef struct gg_i_store_meta {
	gg_read_stats stats;
	double threshold, model_threshold, modularity;
	double density, density_pivot; /* the glossary's vocabulary density, the model's pivot */
	double weight[GG_LINK_FEATURE_COUNT];
	gg_threshold_source threshold_source;
	int64_t calibration_links, links_dropped, bytes_scanned, mentions, nodes, betweenness_sources;
	int64_t concepts, entries, edges_kept, edges_held; /* rows of those tables */
	bool has_scores, has_ordinary;
	gg_i_saved_figures saved;
} gg_i_store_meta;

/* The name an enumeration's column held last and its value: rows repeat them. */
typedef struct gg_i_store_memo {
	char name[32];
	int value;
} gg_i_store_memo;

/* A read in progress: the database, the store's path, the first error, the edges' last enumerations. */
typedef struct gg_i_store_reader {
	sqlite3 *db;
	const char *path;
	int err;
	int64_t version; /* the schema's */
	gg_i_store_memo memo[3];
} gg_i_store_reader;

/*
 * The readers below keep the first error in r->err and do nothing once it
 * is set; "damaged" is GG_EINPUT, "'<path>' is a damaged glossgraph
 * database: <why>". (open.c)
 */

/* Keep, as the first error, that the database is damaged (SQLite's reason, or `why`). */
void gg_i_store_damaged(gg_i_store_reader *r, const char *why);
/* Prepare `sql`; NULL (damaged) on error. The caller finalizes it. */
sqlite3_stmt *gg_i_store_prepare(gg_i_store_reader *r, const char *sql);
/*
 * Prepare the look-up of the kept edges by an end: `columns` of those whose
 * source (`by_target` false) or target is ?1, and with `both_ends` whose
 * other end is ?2, ordered by id when `ordered`; through the index of that
 * end, written for the file's: from schema 3 on the index holds the kept
 * edges alone and is named (SQLite's planner would rather scan the table,
 * or the index edges_kept of earlier files, whole), before it held every
 * edge. NULL (damaged) on error.
 */
sqlite3_stmt *gg_i_store_prepare_kept(gg_i_store_reader *r, const char *columns, bool by_target,
				      bool both_ends, bool ordered);
/* The next row of s: true while there is one; false at the end or on error (damaged). */
bool gg_i_store_next_row(gg_i_store_reader *r, sqlite3_stmt *s);
/* Column i of the current row as a string in the arena (NULL for SQL NULL, or out of memory). */
const char *gg_i_store_column_text(gg_i_store_reader *r, gg_i_arena *a, sqlite3_stmt *s, int i);

/* The entry columns gg_i_store_entry_text reads, in its order. */
#define GG_I_STORE_ENTRY_TEXT "line, header_offset, offset, header, header_is_name, definition"
/*
 * Fill e's line, offsets, header and definition from the row of s whose
 * columns GG_I_STORE_ENTRY_TEXT starts at `first`; strings in the arena.
 * The caller sets file and concept. A missing header or definition marks
 * the database damaged.
 */
void gg_i_store_entry_text(gg_i_store_reader *r, gg_i_arena *a, sqlite3_stmt *s, int first,
			   gg_entry *e);

/* Takes one run of a list (gg_i_store_read_lists) for its owner owners[owner]. */
typedef void (*gg_i_store_put_list)(void *owners, size_t owner, const char *kind,
				    const char **items, const gg_xref *xrefs, size_t n);
/*
 * Read the lists of `sql` (rows: owner, kind, position, text [, offset,
 * len]) into the arena: `put` takes each run of one owner and kind. Runs
 * whose owner is `n` or beyond are damage. `only` (0 or more) is bound to
 * the SQL's ?1. The rows are read in their tables' own order (ORDER BY
 * rowid, which asks SQLite for no sort, also through the index of a
 * list's owner): the writer adds them owner by owner, each list whole and
 * in order (write.c).
 */
void gg_i_store_read_lists(gg_i_store_reader *r, gg_i_arena *a, const char *sql, int64_t only,
			   void *owners, size_t n, bool with_offsets, gg_i_store_put_list put);
/* The same with the statement `s` prepared once for many owners (reset and bound here, not finalized). */
void gg_i_store_read_lists_with(gg_i_store_reader *r, gg_i_arena *a, sqlite3_stmt *s, int64_t only,
				void *owners, size_t n, bool with_offsets, gg_i_store_put_list put);
/* A gg_i_store_put_list for entries (gg_entry[]): names, abbreviations, categories, xrefs. */
void gg_i_store_put_entry_list(void *owners, size_t i, const char *kind, const char **items,
			       const gg_xref *xrefs, size_t n);
/* A gg_i_store_put_list for concepts (gg_concept[]): aliases, abbreviations, categories... */
void gg_i_store_put_concept_list(void *owners, size_t i, const char *kind, const char **items,
				 const gg_xref *xrefs, size_t n);
/* The diagnostics table, in order, into g (its stats set): the notes too only with `notes`. */
void gg_i_store_read_diagnostics(gg_i_store_reader *r, gg_glossary *g, bool notes);
/* The figures of the links' scoring, as saved, into l. */
void gg_i_store_set_link_figures(gg_links *l, const gg_i_store_meta *m);

/* The columns gg_i_store_parse_edge reads, in its order; the first twelve without the evidence's text. */
#define GG_I_STORE_EDGE_FIGURES "id, source, target, kind, rule, held, cued, weight, specificity," \
	" score, entry, offset"
#define GG_I_STORE_EDGE_COLUMNS GG_I_STORE_EDGE_FIGURES ", surface, surface_in, surface_at"
/*
 * The edge of the current row of s (GG_I_STORE_EDGE_FIGURES, or _COLUMNS)
 * into *e, its surface (with _COLUMNS) pointing into its entry's
 * definition or header as saved (else a copy in the arena). False
 * (damaged) when it names what is not there.
 */
bool gg_i_store_parse_edge(gg_i_store_reader *r, sqlite3_stmt *s, gg_glossary *g, gg_edge *e);

/*
 * The concepts (kind, name) in g->concepts (n_concepts of them, allocated)
 * and, with `names`, their other names; per concept, what the links count
 * of it into the arrays given (df and ordinary may be NULL). (open.c)
 */
void gg_i_store_read_concepts(gg_i_store_reader *r, gg_glossary *g, bool names,
			      uint32_t *mentioned_by, uint32_t *df, bool *ordinary);

/*
 * The concept of each of g's entries (allocated, n_entries of them, left
 * empty otherwise) and each concept's list of its entries. (open.c)
 */
void gg_i_store_read_entry_concepts(gg_i_store_reader *r, gg_glossary *g);

/*
 * Open around o->around (gg_store_open_options): the term looked up in the
 * forms table (indexed), then its neighbourhood into st's glossary, links
 * and graph. Without a term (o->names_only), or when the term names no
 * concept: every concept's names, no links and a graph without nodes
 * (names to search with or to suggest). On error st's glossary and links
 * are freed and NULL. (around.c)
 */
void gg_i_store_open_around(gg_i_store_reader *r, gg_store *st, const gg_i_store_meta *m,
			    const gg_store_open_options *o);

/*
 * The shortest chain of kept links from concept `from` to `to` (undirected:
 * either way), the one gg_query_path gives on the whole graph: *chain
 * (malloc'd) gets its *n_chain concepts, `from` first; none (0, NULL) when
 * there is no chain. Returns r->err. (path.c)
 */
int gg_i_store_walk_path(gg_i_store_reader *r, size_t n_concepts, size_t from, size_t to,
			 bool undirected, size_t **chain, size_t *n_chain);

/*
 * Set the last error to "<what> '<path>': <SQLite's message>" with `code`
 * and return it; GG_ENOMEM (as "out of memory") when SQLite ran out.
 */
int gg_i_store_error(sqlite3 *db, int code, const char *what, const char *path);

/* One of the graph's figures (gg_graph_stats) kept in the meta table under `key`. */
typedef struct gg_i_store_figure {
	const char *key;
	size_t offset; /* in gg_graph_stats: a size_t, or with `real` a double */
	bool real;
} gg_i_store_figure;

/* Every figure of gg_graph_stats, saved by the writer and read with the rest of meta. (open.c) */
extern const gg_i_store_figure gg_i_store_figures[];
extern const size_t gg_i_store_figure_count;

/*
 * Search the FTS5 table `definitions` of db (entries' definitions, with
 * entries.concept) for `query`: the first `max` concepts by their best
 * bm25, named from `names` (NULL: from db's concepts table). `path` names
 * the database in messages. Returns as gg_store_search.
 */
int gg_i_store_search(gg_search_list *out, sqlite3 *db, const char *path, const gg_glossary *names,
		      const char *query, size_t max);

/*
 * Write the tables of GG_I_STORE_SCHEMA that the search needs (entries and
 * definitions) of glossary g into db, which has the schema. Returns 0 or
 * gg_i_store_error's code.
 */
int gg_i_store_put_entries(sqlite3 *db, const char *path, const gg_glossary *g);

/*
 * Make the full-text index (definitions) of the entries in db. Returns
 * SQLite's code; the caller reports it.
 */
int gg_i_store_index_definitions(sqlite3 *db);

/*
 * Make the table GG_I_STORE_EDGE_ROWS known to db: every edge of l, in
 * order, as a row with the columns of `edges` (edge_rows.c). l is read, not
 * copied: it must outlive the statements that read the table. Returns
 * SQLite's code.
 */
#define GG_I_STORE_EDGE_ROWS "gg_edge_rows"
int gg_i_store_edge_rows(sqlite3 *db, const gg_links *l);

#endif
