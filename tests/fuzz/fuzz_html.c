/* fuzz_html.c - libFuzzer harness for the HTML reader. */
#include "glossgraph.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	gg_glossary *g = NULL;
	if (gg_glossary_new(&g) != 0)
		return 0;
	if (gg_glossary_read_buffer(g, "fuzz.html", (const char *)data, size) == 0 &&
	    gg_glossary_build(g, NULL) == 0) {
		for (size_t i = 0; i < gg_glossary_entry_count(g); i++) {
			const gg_entry *e = gg_glossary_entry(g, i);
			if (strlen(e->definition) != e->definition_len)
				abort();
			for (size_t k = 0; k < e->n_xrefs; k++)
				if (e->xrefs[k].offset + e->xrefs[k].len > e->definition_len)
					abort(); /* an editor link outside its definition */
		}
	}
	gg_glossary_free(g);
	return 0;
}
