/* helpers.c - what the readers' suites share: finding an entry, reading a buffer or a file into a built glossary, a file's bytes, diagnostics. */
#include "suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const gg_entry *entry_named(const gg_glossary *g, const char *header)
{
	for (size_t i = 0; i < gg_glossary_entry_count(g); i++)
		if (strcmp(gg_glossary_entry(g, i)->header, header) == 0)
			return gg_glossary_entry(g, i);
	return NULL;
}

gg_glossary *read_built(const char *name, const char *text, size_t len)
{
	gg_glossary *g = NULL;
	if (gg_glossary_new(&g) || gg_glossary_read_buffer(g, name, text, len) || gg_glossary_build(g, NULL)) {
		gg_glossary_free(g);
		return NULL;
	}
	return g;
}

gg_glossary *read_fixture(const char *path)
{
	gg_glossary *g = NULL;
	if (gg_glossary_new(&g) || gg_glossary_read_path(g, path) || gg_glossary_build(g, NULL)) {
		gg_glossary_free(g);
		return NULL;
	}
	return g;
}

char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = f ? malloc(1 << 16) : NULL;
	*len = data ? fread(data, 1, 1 << 16, f) : 0;
	if (f)
		fclose(f);
	return data;
}

size_t diagnostics_saying(const gg_glossary *g, const char *words)
{
	size_t n = 0;
	for (size_t i = 0; gg_glossary_diagnostic(g, i); i++)
		n += strstr(gg_glossary_diagnostic(g, i)->message, words) != NULL;
	return n;
}
