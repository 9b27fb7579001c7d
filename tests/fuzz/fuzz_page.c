/*
 * fuzz_page.c - libFuzzer harness for the text page reader and the concept
 * model: any bytes must read without a crash, and every entry must land in
 * exactly one concept that its own names resolve to.
 */
#include "glossgraph.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	gg_glossary *g = NULL;
	if (gg_glossary_new(&g) != 0)
		return 0;
	if (gg_glossary_read_buffer(g, "fuzz.txt", (const char *)data, size) == 0 &&
	    gg_glossary_build(g, NULL) == 0) {
		size_t members = 0;
		for (size_t c = 0; c < gg_glossary_concept_count(g); c++) {
			const gg_concept *k = gg_glossary_concept(g, c);
			size_t found;
			members += k->n_entries;
			if (k->kind == GG_CONCEPT_TERM && gg_glossary_find(&found, g, k->name) != 0 &&
			    strspn(k->name, " \t*.,;:-_") != strlen(k->name))
				abort(); /* a concept its own name does not find */
		}
		if (members != gg_glossary_entry_count(g))
			abort();
	}
	gg_glossary_free(g);
	return 0;
}
