/* glossary.c - the glossary object: pages, entries, diagnostics, accessors. */
#include "model/model.h"
#include "core/buf.h"
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int gg_glossary_new(gg_glossary **out)
{
	*out = calloc(1, sizeof(**out));
	return *out ? 0 : gg_i_error_oom();
}

void gg_glossary_set_progress(gg_glossary *g, const gg_progress *p)
{
	g->read_progress = p ? *p : (gg_progress){ 0 };
}

void gg_glossary_free(gg_glossary *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n_pages; i++)
		free(g->pages[i]);
	free(g->pages);
	free(g->entries);
	free(g->maps);
	free(g->names);
	free(g->concepts);
	free(g->diags);
	gg_i_strmap_free(&g->lookup);
	gg_i_strmap_free(&g->lookup_caps);
	gg_i_arena_free(&g->arena);
	free(g);
}

int gg_i_glossary_diag(gg_glossary *g, gg_diagnostic_level level, const char *file,
		       uint32_t line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (GG_ARRAY_PUSH_SLOT(g->diags, g->n_diags, g->cap_diags))
		return GG_ENOMEM;
	gg_diagnostic *d = &g->diags[g->n_diags];
	d->level = level;
	d->file = file;
	d->line = line;
	d->message = gg_i_arena_strdup(&g->arena, msg);
	if (!d->message)
		return gg_i_error_oom();
	g->n_diags++;
	if (level == GG_DIAG_WARNING)
		g->stats.warnings++;
	return 0;
}

int gg_i_glossary_add_entry(gg_glossary *g, const gg_entry *e, const gg_i_offset_map *map)
{
	/* both arrays grow to the new capacity before it is recorded */
	size_t cap = g->cap_entries;
	if (gg_i_array_grow((void **)&g->entries, &cap, g->n_entries, sizeof(*g->entries)))
		return GG_ENOMEM;
	if (cap != g->cap_entries) {
		const gg_i_offset_map **maps = realloc(g->maps, cap * sizeof(*maps));
		if (!maps)
			return gg_i_error_oom();
		g->maps = maps;
		g->cap_entries = cap;
	}
	g->maps[g->n_entries] = map;
	g->entries[g->n_entries++] = *e;
	g->stats.entries++;
	return 0;
}

int gg_i_glossary_keep_page(gg_glossary *g, char *page)
{
	if (GG_ARRAY_PUSH_SLOT(g->pages, g->n_pages, g->cap_pages))
		return GG_ENOMEM;
	g->pages[g->n_pages++] = page;
	return 0;
}

const gg_read_stats *gg_glossary_stats(const gg_glossary *g)
{
	return &g->stats;
}

size_t gg_glossary_diagnostic_count(const gg_glossary *g)
{
	return g->n_diags;
}

const gg_diagnostic *gg_glossary_diagnostic(const gg_glossary *g, size_t i)
{
	return i < g->n_diags ? &g->diags[i] : NULL;
}

size_t gg_glossary_entry_count(const gg_glossary *g)
{
	return g->n_entries;
}

const gg_entry *gg_glossary_entry(const gg_glossary *g, size_t i)
{
	return i < g->n_entries ? &g->entries[i] : NULL;
}

uint64_t gg_glossary_file_offset(const gg_glossary *g, size_t entry, size_t pos)
{
	if (entry >= g->n_entries)
		return 0;
	const gg_entry *e = &g->entries[entry];
	const gg_i_offset_map *m = g->maps[entry];
	if (!m || !m->n || pos < m->anchors[0].pos)
		return e->offset + pos;
	size_t lo = 0, hi = m->n; /* last anchor at or before pos */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->anchors[mid].pos <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return m->anchors[lo].offset + (pos - m->anchors[lo].pos);
}

size_t gg_glossary_concept_count(const gg_glossary *g)
{
	return g->n_concepts;
}

const gg_concept *gg_glossary_concept(const gg_glossary *g, size_t i)
{
	return i < g->n_concepts ? &g->concepts[i] : NULL;
}
