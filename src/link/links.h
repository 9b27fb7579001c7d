/* links.h - the links object's private layout, shared by the linker and tests. */
#ifndef GG_LINK_LINKS_H
#define GG_LINK_LINKS_H

#include "glossgraph.h"
#include "core/arena.h"

struct gg_links {
	const gg_glossary *glossary;
	gg_arena arena;          /* surfaces, snippets */
	gg_edge *edges;          /* sorted by source, target, kind */
	size_t n_edges;
	uint32_t *mentioned_by;  /* per concept: definitions naming it */
	uint64_t bytes_scanned;
};

/*
 * Make a links object from ready edges (copied, strings too), sorted and
 * with duplicate (source, target, kind) triples merged. For the linker's
 * final step and for tests that need a graph of a given shape.
 * Returns 0 or GG_ENOMEM / GG_EINVAL (a concept index out of range).
 */
int gg_i_links_from_edges(gg_links **out, const gg_glossary *g, const gg_edge *edges, size_t n);

/*
 * The same, taking over the arena that holds the edges' strings instead of
 * copying them (the rest of their strings must be the glossary's own). The
 * arena is emptied, on success and on failure alike.
 */
int gg_i_links_adopt(gg_links **out, const gg_glossary *g, const gg_edge *edges, size_t n,
		     gg_arena *strings);

#endif
