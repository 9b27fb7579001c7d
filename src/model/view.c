/* view.c - the glossary as link/ sees it (view.h), read from its private layout. */
#include "model/view.h"
#include "model/model.h"

bool gg_i_glossary_is_built(const gg_glossary *g)
{
	return g->built;
}

void gg_i_glossary_entry_items(gg_i_entry_items *out, const gg_glossary *g, size_t i)
{
	if (!g->built || i >= g->n_entries) {
		*out = (gg_i_entry_items){ NULL, 0, NULL };
		return;
	}
	const gg_i_entry_names *n = &g->names[i];
	*out = (gg_i_entry_items){ n->keywords, n->n_keywords, n->category };
}
