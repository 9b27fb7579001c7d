/*
 * glossgraph/glossary.h - reading glossary pages and the concept model.
 *
 * A glossary holds the entries read from pages (text pages in the seed shape,
 * or HTML definition lists) and, once built, the concepts they merge into.
 */
#ifndef GLOSSGRAPH_GLOSSARY_H
#define GLOSSGRAPH_GLOSSARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "progress.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gg_glossary gg_glossary;

/**
 * An editor's explicit cross-reference: a link inside a definition (HTML,
 * Markdown, a reStructuredText :term: role, an AsciiDoc <<id>>), or a relation the format states (SKOS related/broader/narrower,
 * a "related" column), which has no link text (len 0).
 */
typedef struct gg_xref {
	const char *target; /**< the linked entry's anchor or name, as written */
	size_t offset;      /**< byte offset of the link text in the definition */
	size_t len;         /**< length of the link text */
} gg_xref;

/** One entry as read: a header line and its definition. */
typedef struct gg_entry {
	const char *file;       /**< path of the page it came from */
	uint32_t line;          /**< line of its header (1-based) */
	uint64_t header_offset; /**< byte offset of the header in the file */
	uint64_t offset;        /**< byte offset of the definition in the file (0 for HTML) */
	const char *header;     /**< the header line (or HTML term) as read */
	bool header_is_name;    /**< the header is one name (HTML <dt>), not a list */
	const char **names;     /**< further names of the entry (more <dt>s of one <dd>) */
	size_t n_names;
	const char *definition; /**< NUL-terminated, valid UTF-8 */
	size_t definition_len;
	const gg_xref *xrefs;   /**< editor links (HTML anchors, Markdown, :term:, <<id>>, SKOS) */
	size_t n_xrefs;
	const char **abbrevs;   /**< abbreviations a structured format names */
	size_t n_abbrevs;
	const char **categories; /**< categories a structured format names */
	size_t n_categories;
	size_t concept;         /**< index of its concept, once built */
} gg_entry;

typedef enum gg_concept_kind {
	GG_CONCEPT_TERM,    /**< a glossary term: one or more entries */
	GG_CONCEPT_KEYWORD, /**< a header keyword that names no term */
	GG_CONCEPT_KIND_COUNT
} gg_concept_kind;

/** One node of the graph: a concept and every name it goes by. */
typedef struct gg_concept {
	gg_concept_kind kind;
	const char *name;               /**< display name */
	const char **aliases;           /**< other full names */
	size_t n_aliases;
	const char **abbrevs;           /**< abbreviations, as written (NTK) */
	size_t n_abbrevs;
	const char **categories;        /**< header categories */
	size_t n_categories;
	const char **keywords;          /**< other header keywords */
	size_t n_keywords;
	const size_t *entries;          /**< indices of its entries */
	size_t n_entries;
} gg_concept;

/** What reading and merging did, for the summary line. */
typedef struct gg_read_stats {
	size_t pages;          /**< files read */
	size_t entries;        /**< entries read, duplicates included */
	size_t duplicates;     /**< exact duplicate entries dropped */
	size_t concepts;       /**< concepts of kind GG_CONCEPT_TERM */
	size_t keywords;       /**< concepts of kind GG_CONCEPT_KEYWORD */
	size_t chrome_lines;   /**< page chrome lines recognised and passed over */
	size_t skipped_lines;  /**< lines that belonged to no entry */
	size_t replaced_bytes; /**< bad bytes replaced by U+FFFD */
	size_t warnings;       /**< diagnostics recorded */
} gg_read_stats;

typedef enum gg_diagnostic_level {
	GG_DIAG_WARNING, /**< something in the input was wrong or lost */
	GG_DIAG_NOTE,    /**< worth knowing, nothing lost (a duplicate dropped) */
	GG_DIAGNOSTIC_LEVEL_COUNT
} gg_diagnostic_level;

/** A message about the input, with where it applies. */
typedef struct gg_diagnostic {
	gg_diagnostic_level level;
	const char *file;  /**< NULL when it is about the whole glossary */
	uint32_t line;     /**< 0 when it is about the whole file */
	const char *message;
} gg_diagnostic;

/** Make an empty glossary in *out. @return 0 or GG_ENOMEM (*out NULL). */
int gg_glossary_new(gg_glossary **out);
/** Release the glossary and everything it handed out; NULL is allowed. */
void gg_glossary_free(gg_glossary *g);

/**
 * Read a page, or every page in a directory (regular files not starting with
 * '.', sorted by name, not recursive). The format is recognised by the
 * extension (.html/.htm/.xhtml, .md/.markdown, .csv, .tsv, .json, .yaml/.yml, .ttl,
 * .nt, .rdf, .jsonld, .rst/.rest, .adoc/.asciidoc, .docx, .odt/.ods/.fodt/.fods,
 * .xlsx, .dbk/.docbook, .texi/.texinfo/.txi), else by the content (its first bytes: a ZIP
 * archive is an OpenDocument file when its media type says so, else a Word
 * document or an Excel workbook by its main part; XML whose root is
 * office:document a flat OpenDocument file; XML that declares DocBook; a Sphinx
 * glossary directive, AsciiDoc's anchored terms or Texinfo's "\input texinfo"
 * or "@node" and "@table" lines among its first 64 KiB);
 * anything else is a text page (README, "Input formats").
 * @return 0; GG_EIO when the path cannot be read; GG_EINPUT for a directory
 * without pages; GG_EINVAL once built; GG_ENOMEM. Problems inside a page
 * are diagnostics, not errors. Pages read before an error stay read.
 */
int gg_glossary_read_path(gg_glossary *g, const char *path);

/**
 * gg_glossary_read_path with the reader named by `format`: "page", "html",
 * "markdown", "csv", "tsv", "json", "yaml", "skos" (Turtle, N-Triples, RDF/XML or
 * JSON-LD), "rst" (reStructuredText), "asciidoc", "texinfo", "docx" (Word),
 * "odt" or "ods" (OpenDocument text or spreadsheet, packed or flat), "xlsx"
 * (Excel), "docbook";
 * NULL or "auto" picks
 * it by each file's extension, then its content. The path "-" is standard
 * input, named "<stdin>" in diagnostics and evidence.
 * @return as gg_glossary_read_path; GG_EINVAL for an unknown format;
 * GG_EINPUT for a file a structured reader cannot read (no term column,
 * JSON or Turtle syntax), with nothing of that file kept.
 */
int gg_glossary_read_input(gg_glossary *g, const char *path, const char *format);

/**
 * Report how reading goes (GG_STAGE_READ: the share of a directory's pages
 * read) to `p`'s function from now on; NULL or a zeroed struct stops the
 * reports. The function is called on the reading thread.
 */
void gg_glossary_set_progress(gg_glossary *g, const gg_progress *p);

/**
 * Read one page from memory (copied); `name` is its file name in
 * diagnostics and evidence, and tells the format by its extension.
 * @return 0; GG_EINVAL once built; GG_EINPUT as gg_glossary_read_input;
 * GG_ENOMEM.
 */
int gg_glossary_read_buffer(gg_glossary *g, const char *name,
			    const char *data, size_t len);

/** How to build a glossary; gg_build_options_init gives the defaults. */
typedef struct gg_build_options {
	unsigned threads; /**< 0: one per core, at most 2; 1: no thread of its own */
	gg_progress progress; /**< told how the build goes (GG_STAGE_MODEL); zeroed: not */
} gg_build_options;

/** Fill `o` with the defaults: threads 0, no progress reports. */
void gg_build_options_init(gg_build_options *o);

/**
 * Merge the entries read into concepts (`o` NULL: the defaults). Call once,
 * after reading: entries are put in order of file name and place, exact
 * duplicates dropped, then merged (README, "Concepts"). O(n log n) for n
 * entries. From 4096 entries on, a second thread reads half the headers
 * unless `threads` is 1 (or 0 on one core); the concepts are the same
 * either way.
 * @return 0; GG_EINPUT when no entry was read (more may be read, then
 * build again); GG_EINVAL when built already or after a failed build;
 * GG_ELIMIT past 2^32 - 1 entries; GG_ENOMEM. After any other failure than
 * GG_EINPUT the glossary can only be freed.
 */
int gg_glossary_build(gg_glossary *g, const gg_build_options *o);

/** Counts of what reading and building did; valid while g lives. */
const gg_read_stats *gg_glossary_stats(const gg_glossary *g);
/** Diagnostics recorded so far, in the order they arose. */
size_t gg_glossary_diagnostic_count(const gg_glossary *g);
/** Diagnostic i, or NULL when i is out of range. */
const gg_diagnostic *gg_glossary_diagnostic(const gg_glossary *g, size_t i);

/** Entries (duplicates dropped once built). */
size_t gg_glossary_entry_count(const gg_glossary *g);
/** Entry i, or NULL when i is out of range. */
const gg_entry *gg_glossary_entry(const gg_glossary *g, size_t i);

/**
 * Byte offset in its file of byte `pos` of entry i's definition, exact also
 * when the reader replaced bad bytes or joined lines. For HTML pages and
 * Word documents the offset counts within the definition's text. `entry` must be below
 * gg_glossary_entry_count (0 is returned otherwise).
 */
uint64_t gg_glossary_file_offset(const gg_glossary *g, size_t entry, size_t pos);
/** Concepts of both kinds, once built; terms first, then keywords. */
size_t gg_glossary_concept_count(const gg_glossary *g);
/** Concept i, or NULL when i is out of range. */
const gg_concept *gg_glossary_concept(const gg_glossary *g, size_t i);

/**
 * Resolve a user's query to a concept by name, alias, abbreviation or
 * keyword; case, hyphens and plurals do not matter.
 * @return 0 with *out set, or GG_ENOTFOUND.
 */
int gg_glossary_find(size_t *out, const gg_glossary *g, const char *query);

/**
 * The concepts whose names are closest to `query` (sharing its words, or a
 * small edit distance), terms before keywords, best first, in out[0..max).
 * O(concepts). @return how many were written (<= max); 0 also when out of
 * memory.
 */
size_t gg_glossary_suggest(size_t *out, size_t max,
			   const gg_glossary *g, const char *query);

#ifdef __cplusplus
}
#endif

#endif
