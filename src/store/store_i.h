/* store_i.h - the saved graph's schema and what the files of src/store share. */
#ifndef GG_STORE_STORE_I_H
#define GG_STORE_STORE_I_H

#include "glossgraph.h"
#include "glossgraph/store.h"

#include <sqlite3.h>

/* PRAGMA application_id of a glossgraph database: "GGdb". */
#define GG_I_STORE_APPLICATION_ID 0x47476462

/*
 * The tables (README, "Saved graph (SQLite)"). Rows are numbered as the
 * objects number them: concepts.id is the glossary's concept index,
 * entries.id its entry index, edges.id the links' edge index. Enumerations
 * are stored by their names (gg_edge_kind_name, ...). An index whose keys
 * the rows bring in ascending order is made before them
 * (GG_I_STORE_ORDERED_INDEXES): each row then goes to the end of it, which
 * is cheaper than sorting the whole table for it afterwards. The others
 * come after the rows (GG_I_STORE_INDEXES).
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
	"  specificity REAL, score REAL, entry INTEGER, file TEXT, line INTEGER, offset INTEGER,\n" \
	"  surface TEXT, surface_in TEXT, surface_at INTEGER, snippet TEXT);\n" \
	"CREATE TABLE communities(id INTEGER PRIMARY KEY, size INTEGER NOT NULL, name TEXT NOT NULL);\n" \
	"CREATE TABLE diagnostics(id INTEGER PRIMARY KEY, level TEXT NOT NULL, file TEXT, line INTEGER,\n" \
	"  message TEXT NOT NULL);\n" \
	"CREATE VIRTUAL TABLE definitions USING fts5(definition, content='entries', content_rowid='id');\n"

/*
 * Concept by concept, entry by entry, edge by edge (the links keep an
 * entry's edges together and their sources mostly ascending), edges_kept by
 * id within each `held`.
 */
#define GG_I_STORE_ORDERED_INDEXES \
	"CREATE INDEX concepts_node ON concepts(node);\n" \
	"CREATE INDEX concept_names_concept ON concept_names(concept);\n" \
	"CREATE INDEX entry_items_entry ON entry_items(entry);\n" \
	"CREATE INDEX edges_source ON edges(source);\n" \
	"CREATE INDEX edges_kept ON edges(held, id, source, target, kind, rule, cued, weight,\n" \
	"  specificity, score, entry, offset);\n"

#define GG_I_STORE_INDEXES \
	"CREATE INDEX entries_concept ON entries(concept);\n" \
	"CREATE INDEX forms_form ON forms(form);\n" \
	"CREATE INDEX edges_target ON edges(target);\n" \
	"INSERT INTO definitions(definitions) VALUES('rebuild');\n"

/*
 * Set the last error to "<what> '<path>': <SQLite's message>" with `code`
 * and return it; GG_ENOMEM (as "out of memory") when SQLite ran out.
 */
int gg_i_store_error(sqlite3 *db, int code, const char *what, const char *path);

/*
 * Search the FTS5 table `definitions` of db (entries' definitions, with
 * entries.concept) for `query`: the first `max` concepts by their best
 * bm25. `path` names the database in messages. Returns as gg_store_search.
 */
int gg_i_store_search(gg_search_list *out, sqlite3 *db, const char *path, const char *query,
		      size_t max);

/*
 * Write the tables of GG_I_STORE_SCHEMA that the search needs (entries and
 * definitions) of glossary g into db, which has the schema. Returns 0 or
 * gg_i_store_error's code.
 */
int gg_i_store_put_entries(sqlite3 *db, const char *path, const gg_glossary *g);

#endif
