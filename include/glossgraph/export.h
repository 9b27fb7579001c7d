/*
 * glossgraph/export.h - writing the graph out: DOT, GraphML, GEXF 1.3, SVG,
 * edge lists (TSV, CSV), JSON (networkx node-link, graphology, cytoscape.js),
 * Neo4j bulk-import CSVs, SKOS Turtle and a vault of Markdown notes.
 *
 * Every format writes the same nodes and edges with the same attributes:
 *
 *   node  id (n + the graph's node index), label (display name, cut to 80
 *         characters), name (whole), node_kind (term|keyword), aliases and
 *         categories (lists where the format has them, else "; "-delimited),
 *         community, community_name (its most central node's name),
 *         pagerank, betweenness, in_degree, out_degree, x, y, size (radius,
 *         positions scaled so that nodes barely overlap), color, r, g, b
 *         (the community's colour), definition (the concept's first
 *         definition, whole, Markdown removed), summary (its first sentence)
 *   edge  source, target, weight (mentions; in GraphML and GEXF the line
 *         width 1 to 5, the mentions as `mentions`), kind
 *         (mention|editor|category|keyword), rule
 *         (exact|case-folded|inflected|abbreviation|alias|header|href),
 *         evidence ("file:offset: snippet"), surface, specificity, cued, and
 *         held (why the linker held it back) when held edges are exported
 *
 * No attribute is named type, hidden, zIndex or forceLabel, which sigma.js
 * and graphology keep for themselves. Text that XML or the format cannot
 * carry (control characters, invalid UTF-8) is replaced by U+FFFD; numbers
 * are written the same way in every format, independent of the locale, so
 * the same graph gives the same bytes. Table cells a spreadsheet would run
 * as a formula begin with '. Files are written atomically, Neo4j's two
 * files as a pair and a vault as a whole folder (see gg_export_file).
 * Graphviz is not thread-safe: export SVG from one thread at a time (DOT
 * is written without graphviz).
 */
#ifndef GLOSSGRAPH_EXPORT_H
#define GLOSSGRAPH_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum gg_export_format {
	GG_FORMAT_DOT,     /**< graphviz DOT (cgraph) */
	GG_FORMAT_GRAPHML, /**< GraphML, typed keys, for Gephi, networkx, igraph */
	GG_FORMAT_GEXF,    /**< GEXF 1.3 with viz: colour, size, position */
	GG_FORMAT_SVG,     /**< a picture laid out by graphviz */
	GG_FORMAT_TSV,     /**< edge list, tab-separated, header row */
	GG_FORMAT_CSV,     /**< the same edge list as RFC 4180 CSV */
	GG_FORMAT_JSON,    /**< node-link JSON (networkx's node_link_data shape) */
	GG_FORMAT_NEO4J,   /**< two CSVs for neo4j-admin import: nodes, relationships */
	GG_FORMAT_GRAPHOLOGY, /**< graphology's JSON (Gephi Lite, sigma.js) */
	GG_FORMAT_CYTOSCAPE,  /**< cytoscape.js elements JSON */
	GG_FORMAT_SKOS,       /**< a SKOS concept scheme in Turtle (.ttl) */
	GG_FORMAT_VAULT,      /**< a folder of linked Markdown notes (Obsidian, Logseq, Foam) */
	GG_FORMAT_HTML,    /**< an interactive map in one HTML page (sigma.js, offline) */
	GG_EXPORT_FORMAT_COUNT
} gg_export_format;

/** Default start of the SKOS export's IRIs. */
#define GG_EXPORT_BASE_IRI "https://example.org/glossary/"
/** Default number of nodes of an SVG overview. */
#define GG_EXPORT_SVG_TOP 150
/** Default number of nodes of an SVG focus map. */
#define GG_EXPORT_FOCUS_TOP 60
/** What SVG hands to a graphviz layout at most (it can run for hours past this). */
#define GG_EXPORT_MAX_LAYOUT_NODES 1500
#define GG_EXPORT_MAX_LAYOUT_EDGES 6000

/** Which part of the graph to write, and how; gg_export_options_init gives the defaults. */
typedef struct gg_export_options {
	/** Keep the `top` nodes of highest PageRank (ties: lower index); 0 keeps all.
	 *  Around a focus, nearer nodes come first, then higher PageRank. */
	size_t top;
	bool has_focus;     /**< write only the neighbourhood of `focus` */
	size_t focus;       /**< a concept index (of the graph's glossary) */
	unsigned depth;     /**< hops from the focus, either direction (2) */
	bool with_held;     /**< write the held attribute (build the graph with held edges) */
	const char *layout; /**< SVG engine: "sfdp", "neato", "dot", ...; NULL picks
			     *  sfdp for an overview and twopi (radial) around a focus */
	size_t max_layout_nodes; /**< SVG refuses more nodes than this (1,500) */
	size_t max_layout_edges; /**< or more edges than this (6,000) */
	const char *base_iri; /**< SKOS: the IRIs' start; NULL is GG_EXPORT_BASE_IRI */
	gg_progress progress; /**< told how writing goes (GG_STAGE_EXPORT); zeroed: not */
} gg_export_options;

/** Fill `o` with the defaults: whole graph, depth 2, layout caps as above. */
void gg_export_options_init(gg_export_options *o);

/**
 * The format named `name` (dot, graphml, gexf, svg, tsv, csv, json, neo4j, html),
 * case-insensitive.
 * @param[out] out the format; untouched on error
 * @return 0, or GG_EINVAL (the message lists the names).
 */
int gg_export_format_from_name(gg_export_format *out, const char *name);
/**
 * Whether format f is written through graphviz (SVG; DOT is written
 * without it, quoted as graphviz quotes). Graphviz keeps
 * state of its own for the whole process: write such formats one at a
 * time; the others may be written on several threads at once.
 */
bool gg_export_uses_graphviz(gg_export_format f);

/**
 * Whether the writer of format f reads the nodes' measures (PageRank,
 * betweenness, communities, layout): every format but the edge tables,
 * TSV and CSV. A selection of the top nodes (gg_export_options.top) ranks
 * them by PageRank in any format. Where neither reads them, a graph built
 * with gg_graph_options.without_measures writes the same bytes, sooner.
 */
bool gg_export_reads_measures(gg_export_format f);

/**
 * @return the format's name; "unknown" for a value out of range. A static string.
 */
const char *gg_export_format_name(gg_export_format f);

/**
 * @return the extension of the format's file (no dot): its name, but
 * "graphology.json", "cytoscape.json", "ttl" for skos, and "" for neo4j (two files). A
 * static string.
 */
const char *gg_export_format_extension(gg_export_format f);

/** The two files of a Neo4j export; release with gg_neo4j_paths_destroy. */
typedef struct gg_neo4j_paths {
	char *nodes;         /**< STEM.nodes.csv */
	char *relationships; /**< STEM.relationships.csv */
} gg_neo4j_paths;

/**
 * The two files a neo4j export to `stem` writes: STEM.nodes.csv and
 * STEM.relationships.csv, a trailing ".csv" dropped from the stem.
 * @param[out] out the paths; zeroed on error
 * @return 0 or GG_ENOMEM.
 */
int gg_export_neo4j_paths(gg_neo4j_paths *out, const char *stem);
/** Free both paths and zero `p`; it also accepts a zeroed or destroyed struct. */
void gg_neo4j_paths_destroy(gg_neo4j_paths *p);

/**
 * Write the selected part of the graph to `out` (not closed; the caller
 * checks its own flush). `o` NULL means the defaults of
 * gg_export_options_init. Neo4j needs two files: use gg_export_file.
 * @return 0; GG_EINVAL (bad option, neo4j); GG_ENOTFOUND (the focus is not
 * in the graph); GG_ELIMIT (SVG past the layout caps: the message points to
 * --top and --focus); GG_ERROR (libxml2 or graphviz failed, message kept);
 * GG_ENOMEM. After an error part of the output may have been written.
 */
int gg_export_write(const gg_graph *gr, gg_export_format f,
		    const gg_export_options *o, FILE *out);

/**
 * Write to `path` atomically: into a new temporary file in the same folder,
 * flushed and synced, then renamed over `path` (over the target of a
 * symbolic link). `o` NULL means the defaults. On any failure the
 * temporary file is removed and an old `path` is left as it was. "-" writes
 * to standard output (flushed); a path that exists and is not a regular file
 * (/dev/null, /dev/full, a pipe) is written in place, so not atomically.
 *
 * For vault, `path` is a folder: the notes are written into a new
 * temporary folder beside it, which then takes its place; the notes of an
 * old vault (or an empty folder) are replaced, what else it holds
 * (.obsidian, the user's own notes) carried over, and any other folder or
 * file is refused (GG_EIO).
 *
 * For neo4j, `path` is a stem: STEM.nodes.csv and STEM.relationships.csv (a
 * trailing ".csv" is dropped from the stem); "-" is GG_EINVAL. Both files
 * are written to temporaries first; then the old nodes file is kept under a
 * second name (a hard link beside it), the nodes and then the relationships
 * are renamed into place, and if the second rename fails the old nodes file
 * is put back (or the new one removed when there was none). So both files
 * change or neither does: when the file system cannot make that link,
 * nothing changes (GG_EIO); only when putting the old nodes file back fails
 * too do the new nodes stay beside the old relationships, and the message
 * says so. For an instant between the two renames a reader can see the new
 * nodes with the old relationships.
 * @return as gg_export_write, and GG_EIO (message names the file and why).
 */
int gg_export_file(const gg_graph *gr, gg_export_format f,
		   const gg_export_options *o, const char *path);

#ifdef __cplusplus
}
#endif

#endif
