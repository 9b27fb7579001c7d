/*
 * glossgraph/store.h - the graph saved in an SQLite database, opened again
 * and queried through glossgraph/query.h as if built from the pages; and
 * full-text search of the definitions.
 *
 * A saved graph holds everything the glossary, its links and its graph
 * hold (README, "Saved graph (SQLite)" has the schema): the objects opened
 * from it give the same answers, byte for byte, as those it was written
 * from.
 */
#ifndef GLOSSGRAPH_STORE_H
#define GLOSSGRAPH_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "graph.h"
#include "query.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The schema version a database records in PRAGMA user_version: 2 since
 * the edges' file, line and snippet are taken from their entry on reading
 * (the view edges_with_evidence) rather than stored, 3 since the kept
 * edges alone are indexed by their ends; this library reads 1 to 3.
 */
#define GG_STORE_SCHEMA_VERSION 3

/** A saved graph opened: its glossary, links and graph, owned together. */
typedef struct gg_store gg_store;

/** What gg_store_write records besides the graph; gg_store_write_options_init gives the defaults. */
typedef struct gg_store_write_options {
	const char *const *inputs; /**< the paths read (pages or folders), recorded with size and time */
	size_t n_inputs;
	const char *settings;      /**< how the graph was made, in words ("--keep-all"); NULL: none */
} gg_store_write_options;

/** Fill `o` with the defaults: no inputs, no settings. */
void gg_store_write_options_init(gg_store_write_options *o);

/**
 * Save graph `gr`, its links and its glossary, in the SQLite database
 * `path`, written to a temporary file beside it and renamed over it when
 * complete: a reader sees the old file or the new one. The graph should be
 * the default one (kept links only); its links may hold the held-back
 * edges too (gg_link_options.drop_held false), and then the database holds
 * them. `o` NULL: the defaults. Time linear in the glossary's size.
 * @return 0; GG_EIO when the file cannot be written (the message says why;
 * nothing is left behind); GG_ENOMEM.
 */
int gg_store_write(const gg_graph *gr, const char *path, const gg_store_write_options *o);

/**
 * A saved graph written in stages, each as soon as what it needs is made,
 * so that a program can write the glossary's part while it links and
 * computes the graph: gg_store_writer_new (the glossary: entries, names,
 * the full-text index), gg_store_writer_put_links (the edges), then
 * gg_store_writer_finish (the graph's measures and communities; the file
 * is renamed into place). gg_store_write does the three at once. One
 * thread at a time may use a writer, not necessarily the same one for
 * every stage.
 */
typedef struct gg_store_writer gg_store_writer;

/**
 * Begin saving glossary `g` in `path`: a temporary file is made beside
 * it, and the glossary's tables are filled. `g`, `o` and what `o` points
 * to must stay unchanged until the writer is freed; a built glossary is
 * read only, so that linking it meanwhile on other threads is safe. `o`
 * NULL: the defaults. Time linear in the glossary's size.
 * @param[out] out the writer, to finish and free; NULL on error
 * @return 0; GG_EIO when the file cannot be written (the message says
 * why; nothing is left behind); GG_ENOMEM.
 */
int gg_store_writer_new(gg_store_writer **out, const gg_glossary *g, const char *path,
			const gg_store_write_options *o);

/**
 * Add the edges of `l` (links of the writer's glossary, held-back edges
 * included when it kept them). `l` must stay unchanged until the writer
 * is freed. Once a stage has failed, this does nothing and returns its
 * code again.
 * @return 0; GG_EINVAL when `l` is not of the writer's glossary or the
 * edges were added already; GG_EIO; GG_ENOMEM.
 */
int gg_store_writer_put_links(gg_store_writer *w, const gg_links *l);

/**
 * Add graph `gr` (made from the links added, or from the glossary's links
 * when none were: they are added first) and complete the file: written
 * whole, synced, renamed over the target. Once a stage has failed, this
 * does nothing and returns its code again.
 * @return 0; GG_EINVAL when `gr` is not of the links or glossary written;
 * GG_EIO (the old file, if any, is left as it was); GG_ENOMEM.
 */
int gg_store_writer_finish(gg_store_writer *w, const gg_graph *gr);

/**
 * Release the writer; a write not finished is abandoned and its temporary
 * file removed. NULL is allowed.
 */
void gg_store_writer_free(gg_store_writer *w);

/** How to open a saved graph; gg_store_open_options_init gives the defaults. */
typedef struct gg_store_open_options {
	bool with_held;       /**< the links keep the held-back edges (false: counted as dropped, as drop_held) */
	bool graph_with_held; /**< the graph takes them too, its measures computed anew (implies with_held) */
	/**
	 * A TERM (as gg_glossary_find reads it): load only what answers about
	 * it, in time that grows with its neighbourhood, not the glossary. Its
	 * concept with its entries, and the kept links of the terms up to
	 * `depth` - 1 hops from it with the concepts they reach and the entries
	 * holding their evidence, are as in a full open, concepts and entries
	 * numbered as there: gg_query_neighbors from its node up to `depth`
	 * hops, and its concept and entries, answer the same. Every other
	 * concept and entry is there but empty (its strings NULL); the graph
	 * holds only the nodes reached, numbered in the same order as in a full
	 * open (gg_graph_node_of gives them), and has no communities, no paths
	 * and no components: nothing else may be asked. A TERM that names
	 * nothing gives every concept's names (for gg_glossary_suggest), no
	 * links and a graph without nodes. NULL: everything (the default).
	 */
	const char *around;
	unsigned depth;       /**< hops around `around` (1 or more) */
	/**
	 * Leave the text out: the entries are there but empty (NULL strings, no
	 * concept lists them), the concepts have no aliases, abbreviations,
	 * categories or keywords, and the edges no surface. Its nodes, edges,
	 * measures, communities and every name are as in a full open: for
	 * gg_query_related, gg_query_top, gg_query_stats, the communities and
	 * paths (without their evidence), at a fraction of the reading.
	 * Ignored with the held-back edges.
	 */
	bool without_text;
	/**
	 * With `around`: load instead what gg_query_related of the term reads,
	 * without the text (as without_text; `depth` unused): the kept links of
	 * the term and of its neighbours, and those of the terms its local push
	 * reaches (query.h), with the concepts at their ends, names and
	 * measures. gg_query_related from its node answers as from a full open,
	 * in time that grows with what the push reaches, not the glossary;
	 * nothing else may be asked. A TERM that names nothing opens as with
	 * `around` alone.
	 */
	bool related;
	/**
	 * With `around` (FROM): load instead what gg_query_path from FROM to
	 * this TERM reads: a shortest chain of kept links between them (the
	 * one a full open gives), found by a search from both ends in time
	 * that grows with the terms within half its length, not the glossary.
	 * Its concepts with their names and measures, and the kept links
	 * between each two next to each other with their evidence, are as in
	 * a full open: gg_query_path from FROM's node to TO's answers the
	 * same the links' way, and either way where that way has no chain
	 * (`undirected`: either way);
	 * nothing else may be asked. When either term names nothing: every
	 * concept's names and no links (as `around` with a term that names
	 * nothing), the term that names one a node.
	 */
	const char *path_to;
	bool undirected; /**< with path_to: the chain either way only */
	/**
	 * Leave the notes out of the glossary's diagnostics (the warnings stay):
	 * a big glossary's notes are many, and a reader that shows none need
	 * not read them.
	 */
	bool without_notes;
	/**
	 * Without `around`: only every concept's name, kind, other names and
	 * entries, with the glossary's figures and warnings; the entries are
	 * there but empty (their strings NULL), there are no links and the
	 * graph has no nodes. Enough to list the terms and for
	 * gg_glossary_suggest, at a fraction of a full open; nothing else may
	 * be asked.
	 */
	bool names_only;
	/**
	 * Only the glossary's figures and warnings: every concept and entry
	 * is there but empty (its strings NULL), there are no links and the
	 * graph has no nodes. Enough for gg_store_search, whose hits carry
	 * their names, and gg_store_stats, in time that does not grow with the
	 * glossary; nothing else may be asked.
	 */
	bool figures_only;
	/**
	 * With without_text: no links either. The graph's nodes keep their
	 * measures and communities (gg_query_top and the communities answer as
	 * from a full open); the graph has no edges, no paths and no figures
	 * (gg_query_path and gg_query_stats fail): nothing else may be asked.
	 */
	bool without_edges;
} gg_store_open_options;

/** Fill `o` with the defaults: held-back edges left out, everything loaded (with its text). */
void gg_store_open_options_init(gg_store_open_options *o);

/**
 * Open the saved graph in `path` (read only) and make its glossary, links
 * and graph in memory, without reading the pages again. `o` NULL: the
 * defaults.
 * @param[out] out the store, to release with gg_store_free; NULL on error
 * @return 0; GG_EIO when the file cannot be opened; GG_EINPUT when it is
 * not a glossgraph database, has a newer schema than this library reads,
 * or is damaged (the message says which); GG_ENOMEM; GG_ERROR when igraph
 * fails.
 */
int gg_store_open(gg_store **out, const char *path, const gg_store_open_options *o);
/** Release the store with its glossary, links and graph; NULL is allowed. */
void gg_store_free(gg_store *s);

/** @return the glossary of the store (owned by it). */
const gg_glossary *gg_store_glossary(const gg_store *s);
/** @return the links of the store (owned by it). */
const gg_links *gg_store_links(const gg_store *s);
/** @return the graph of the store (owned by it). */
const gg_graph *gg_store_graph(const gg_store *s);

/** A file the saved graph was built from, as recorded and as it is now. */
typedef struct gg_store_input {
	const char *path;
	int64_t size;  /**< bytes when saved */
	int64_t mtime; /**< modification time when saved, seconds since 1970 */
	bool changed;  /**< its size or time differs now, or it is gone */
} gg_store_input;

/** @return how many inputs the store records. */
size_t gg_store_input_count(const gg_store *s);
/** @return input i, or NULL when i is out of range. */
const gg_store_input *gg_store_input_at(const gg_store *s, size_t i);

/** One term whose definitions match a search. */
typedef struct gg_search_hit {
	size_t concept;      /**< the term */
	double score;        /**< bm25 relevance, higher is better */
	const char *snippet; /**< its best-matching definition around the match, "[" "]" around matched words */
	const char *name;    /**< the term's name */
} gg_search_hit;

/** The answer of a search; release with gg_search_list_destroy. */
typedef struct gg_search_list {
	gg_search_hit *items;
	size_t count;
	char *text; /**< backing store of the snippets and names */
} gg_search_list;

/**
 * The terms whose definitions match `query` (SQLite FTS5 syntax: words,
 * "a phrase", AND, OR, NOT, prefix*), best first by bm25 over the
 * definitions, a term listed once, for its best definition. The index is
 * the saved one. Ties go by term order. A query without '"' that FTS5
 * cannot read ("C++", "I/O") is searched as its words, each quoted.
 * @param[out] out the hits; zeroed on error
 * @param max the most hits (0: none)
 * @return 0; GG_EINVAL for a query FTS5 cannot read (its message kept);
 * GG_ENOMEM; GG_EINPUT for a damaged database.
 */
int gg_store_search(gg_search_list *out, const gg_store *s, const char *query, size_t max);

/**
 * gg_store_search over a glossary read from pages: the same index made in
 * memory first (time linear in the definitions' size), so the answer is
 * the one its saved graph gives.
 */
int gg_glossary_search(gg_search_list *out, const gg_glossary *g, const char *query, size_t max);

/** Free the hits and zero `l`; it also accepts a zeroed or destroyed list. */
void gg_search_list_destroy(gg_search_list *l);

/**
 * The figures gg_query_stats gives on the whole saved graph, as written
 * with it: read without the graph, whatever the options it was opened with.
 * @param[out] out the figures; zeroed on error
 * @return 0; GG_ENOTFOUND when the file holds none (written by a
 * glossgraph before schema 3: gg_query_stats on the graph opened whole
 * answers); GG_EINPUT when it is damaged.
 */
int gg_store_stats(gg_graph_stats *out, const gg_store *s);

#ifdef __cplusplus
}
#endif

#endif
