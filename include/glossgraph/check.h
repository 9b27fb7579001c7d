/*
 * glossgraph/check.h - what looks wrong in a glossary and its links:
 * over-linked terms, orphans, concepts nobody mentions, abbreviation
 * collisions, likely duplicate concepts, editors' links to no entry.
 */
#ifndef GLOSSGRAPH_CHECK_H
#define GLOSSGRAPH_CHECK_H

#include <stddef.h>

#include "links.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum gg_finding_kind {
	GG_FINDING_OVER_LINKED,     /**< links to it held back by a low score */
	GG_FINDING_ORPHAN,          /**< no kept link in or out */
	GG_FINDING_UNMENTIONED,     /**< links out, but no kept link in */
	GG_FINDING_ABBREV_COLLISION,/**< its abbreviation also names `other` */
	GG_FINDING_NEAR_DUPLICATE,  /**< its name nearly equals `other`'s */
	GG_FINDING_UNKNOWN_TARGET,  /**< an editor's link of its definition names no entry */
	GG_FINDING_KIND_COUNT
} gg_finding_kind;

typedef struct gg_finding {
	gg_finding_kind kind;
	size_t concept;
	size_t other;    /**< the other concept, or SIZE_MAX */
	size_t count;    /**< over-linked: definitions naming it; near duplicate: edit distance */
	size_t held;     /**< over-linked: links to it held back */
	const char *abbreviation; /**< collision: the abbreviation */
	size_t entry;    /**< unknown target: the entry whose definition holds the link */
	const char *target; /**< unknown target: the name the link gives */
} gg_finding;

/** The answer of gg_check; release with gg_finding_list_destroy. */
typedef struct gg_finding_list {
	gg_finding *items;
	size_t count;
} gg_finding_list;

/**
 * Examine the links (and their glossary). O(E + n log n) for E edges and
 * n concepts.
 * @param[out] out the findings, grouped by kind in the order above, most
 * important first within a kind; zeroed on error
 * @return 0 or GG_ENOMEM.
 */
int gg_check(gg_finding_list *out, const gg_links *l);
/** Free the items and zero `list`; it also accepts a zeroed or destroyed list. */
void gg_finding_list_destroy(gg_finding_list *list);

#ifdef __cplusplus
}
#endif

#endif
