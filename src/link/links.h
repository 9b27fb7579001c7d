/* links.h - the links object's private layout, shared by the linker and tests. */
#ifndef GG_LINK_LINKS_H
#define GG_LINK_LINKS_H

#include "glossgraph.h"
#include "link/decide.h"

struct gg_links {
	const gg_glossary *glossary;
	gg_edge *edges;          /* sorted by source, target, kind */
	size_t n_edges;
	uint32_t *mentioned_by;  /* per concept: definitions naming it */
	size_t n_dropped;        /* held edges not stored (drop_held) */
	uint64_t bytes_scanned;
	uint64_t mentions;       /* found, held links' included */
	/* what the scores were made from (NULL in links made from ready edges) */
	uint32_t *df;            /* per concept: definitions naming it cleanly */
	bool *ordinary;          /* per concept: its name is an ordinary word */
	gg_i_link_model model;
	double threshold;
	gg_threshold_source threshold_source;
	size_t calibration_links;
	double density;          /* gg_links_vocabulary_density */
};

/*
 * The order of edges in links: source, target, kind, then the earliest
 * evidence (entry, offset, surface). A qsort comparator.
 */
int gg_i_edge_order(const void *a, const void *b);

/*
 * Make a links object from ready edges, for tests that need a graph of a
 * given shape: copied, sorted and with the edges of one (source, target,
 * kind) merged, their weights summed. The surfaces are not copied: they
 * must outlive the links (gg_edge_snippet finds them in the glossary).
 * Returns 0 or GG_ENOMEM / GG_EINVAL (a concept or entry out of range).
 */
int gg_i_links_from_edges(gg_links **out, const gg_glossary *g, const gg_edge *edges, size_t n);

/*
 * Make a links object that takes over `edges` (malloc'd, n of them, in
 * gg_i_edge_order and merged; their surfaces in the glossary's own text)
 * and `mentioned_by` (malloc'd, per concept; NULL: counted from the edges,
 * with the mentions), with `dropped` held edges left out. Both arrays are the links' on success
 * and freed on failure. Returns 0 or GG_ENOMEM.
 */
int gg_i_links_adopt(gg_links **out, const gg_glossary *g, gg_edge *edges, size_t n,
		     uint32_t *mentioned_by, size_t dropped);

#endif
