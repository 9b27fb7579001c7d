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
	gg_finding_list found = { NULL, 0 };
	if (gg_glossary_new(&g) != 0)
		return 0;
	if (gg_glossary_read_buffer(g, "fuzz.txt", (const char *)data, size) != 0 ||
	    gg_glossary_build(g, NULL) != 0)
		goto done;
	gg_link_options o;
	gg_link_options_init(&o);
	o.threads = 1;
	o.dictionary = "/dev/null"; /* no word list: the harness runs thousands of times */
	if (gg_links_new(&l, g, &o) != 0)
		abort();
	for (size_t i = 0; i < gg_links_count(l); i++) {
		const gg_edge *e = gg_links_edge(l, i);
		char snippet[GG_SNIPPET_MAX];
		if (e->source == e->target || !e->surface || !e->weight ||
		    e->entry >= gg_glossary_entry_count(g))
			abort();
		if (e->kind == GG_EDGE_MENTION &&
		    (!e->surface_len || e->offset > size ||
		     gg_edge_snippet(l, e, snippet, sizeof(snippet)) >= sizeof(snippet)))
			abort();
		const gg_edge *before = i ? gg_links_edge(l, i - 1) : NULL;
		if (before && (before->source > e->source ||
			       (before->source == e->source && before->target > e->target)))
			abort();
	}
	if (gg_check(&found, l) != 0)
		abort();
	gg_finding_list_destroy(&found);
done:
	gg_links_free(l);
	gg_glossary_free(g);
	return 0;
}
