/* view.h - what link/ reads of a glossary beyond the public API (link/ never sees model.h). */
#ifndef GG_MODEL_VIEW_H
#define GG_MODEL_VIEW_H

#include "glossgraph.h"

#include <stdbool.h>
#include <stddef.h>

/* What an entry's header line names besides the entry itself. */
typedef struct gg_i_entry_items {
	const char *const *keywords; /* header items that are neither name nor category */
	size_t n_keywords;
	const char *category;        /* the trailing header category, or NULL */
} gg_i_entry_items;

/* Whether gg_glossary_build has made g's concepts. */
bool gg_i_glossary_is_built(const gg_glossary *g);

/*
 * The header items of entry i of a built glossary, in *out; the strings
 * belong to the glossary. An index past the entries gives no items.
 */
void gg_i_glossary_entry_items(gg_i_entry_items *out, const gg_glossary *g, size_t i);

#endif
