/*
 * fuzz_link.c - libFuzzer harness for the linker: a page of entries whose
 * names and definitions come from the input; every edge must join two
 * different concepts, carry evidence, and point inside its source text.
 */
#include "glossgraph.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	gg_glossary *g = NULL;
	gg_links *l = NULL;
	gg_finding *found = NULL;
	size_t n_found;
	if (gg_glossary_new(&g) != 0)
		return 0;
	if (gg_glossary_read_buffer(g, "fuzz.txt", (const char *)data, size) != 0 ||
	    gg_glossary_build(g) != 0)
		goto done;
	gg_link_options o;
	gg_link_options_init(&o);
	o.threads = 1;
	o.dictionary = "/dev/null"; /* no word list: the harness runs thousands of times */
	if (gg_links_new(&l, g, &o) != 0)
		abort();
	for (size_t i = 0; i < gg_links_count(l); i++) {
		const gg_edge *e = gg_links_edge(l, i);
		if (e->source == e->target || !e->surface || !e->snippet || !e->file || !e->weight)
			abort();
		if (e->kind == GG_EDGE_MENTION && (!e->surface[0] || e->offset > size))
			abort();
	}
	if (gg_check(l, &found, &n_found) != 0)
		abort();
	free(found);
done:
	gg_links_free(l);
	gg_glossary_free(g);
	return 0;
}
