/*
 * glossgraph.h - public API: read glossaries, merge their entries into
 * concepts, link the concepts' definitions, query and export the graph.
 *
 * Conventions: functions return 0 on success and a negative GG_E* code on
 * failure, with a message in gg_error_last(). Output parameters come first
 * (gg_glossary_find(&concept, g, "term")); the exceptions return their
 * result and fill optional extras last (gg_graph_edge, gg_links_threshold,
 * gg_dependency_versions) or write a buffer as snprintf does
 * (gg_edge_snippet). One verb per kind of ownership: opaque objects
 * (gg_glossary, gg_links, gg_graph) are made by *_new and released by
 * *_free, which accept NULL; results written into a caller-owned struct
 * (gg_finding_list, gg_neighbor_list, gg_related_list, gg_path,
 * gg_ranking, gg_neo4j_paths) are released by *_destroy, which frees what
 * the struct points to and zeroes it, so that it accepts a zeroed struct and
 * may be repeated. Option structs are filled by *_options_init and own
 * nothing. Every enumeration ends with GG_<TYPE>_COUNT, the number of its
 * values, for tables indexed by it (gg_direction, a set of flags, excepted).
 * Strings handed out are UTF-8, owned by the object they come from, valid
 * until it is freed.
 */
#ifndef GLOSSGRAPH_H
#define GLOSSGRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The library's version; the Makefile and glossgraph.pc take it from here. */
#define GG_VERSION_MAJOR 0
#define GG_VERSION_MINOR 4
#define GG_VERSION_PATCH 0
#define GG_VERSION "0.4.0"

/** @return the version of the library linked in, e.g. "0.4.0" (static). */
const char *gg_version(void);

/** A library glossgraph uses: the version built against and the one running. */
typedef struct gg_dependency_version {
	const char *name;    /**< "igraph", "libxml2", "graphviz", "utf8proc", "serd" */
	const char *built;   /**< from its headers at build time */
	const char *running; /**< as it reports itself now; NULL when it cannot say */
} gg_dependency_version;

/**
 * The libraries glossgraph is built with, in a static table that lives as
 * long as the process; *count gets its length. Never fails.
 */
const gg_dependency_version *gg_dependency_versions(size_t *count);

/** Error codes. */
enum {
	GG_OK = 0,
	GG_ERROR = -1,     /**< generic failure */
	GG_ENOMEM = -2,    /**< out of memory */
	GG_EIO = -3,       /**< a file could not be read or written */
	GG_EINPUT = -4,    /**< the input is unusable (no entries, bad format) */
	GG_ENOTFOUND = -5, /**< no such term */
	GG_EINVAL = -6,    /**< bad argument */
	GG_ELIMIT = -7     /**< a size limit was reached */
};

/** @return the message of the last error in this thread (never NULL). */
const char *gg_error_last(void);
/** Forget the last error message. */
void gg_error_clear(void);

#include "glossgraph/progress.h"
#include "glossgraph/glossary.h"
#include "glossgraph/links.h"
#include "glossgraph/check.h"
#include "glossgraph/graph.h"
#include "glossgraph/query.h"
#include "glossgraph/export.h"
#include "glossgraph/store.h"

#ifdef __cplusplus
}
#endif

#endif
