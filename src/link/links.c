/* links.c - the links object: a sorted edge table and per-concept counts. */
#include "link/links.h"
#include "core/error.h"

#include <stdlib.h>
#include <string.h>

/* Edges that merge: the same source, target and kind. */
static int compare_edges(const void *a, const void *b)
{
	const gg_edge *x = a, *y = b;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	if (x->target != y->target)
		return x->target < y->target ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

/* A total order: among merging edges the earliest evidence comes first. */
static int compare_evidence(const void *a, const void *b)
{
	const gg_edge *x = a, *y = b;
	int c = compare_edges(a, b);
	if (!c)
		c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
	if (!c && x->offset != y->offset)
		c = x->offset < y->offset ? -1 : 1;
	if (!c)
		c = strcmp(x->surface ? x->surface : "", y->surface ? y->surface : "");
	return c;
}

static const char *copy_string(gg_arena *a, const char *s)
{
	return s ? gg_arena_strdup(a, s) : gg_arena_strdup(a, "");
}

/* Build the links; copy the strings unless `adopted` holds them already. */
static int make_links(gg_links **out, const gg_glossary *g, const gg_edge *edges, size_t n,
		      gg_arena *adopted)
{
	size_t concepts = gg_glossary_concept_count(g);
	gg_links *l = calloc(1, sizeof(*l));
	*out = NULL;
	if (!l)
		return gg_error_oom();
	l->glossary = g;
	if (adopted) {
		l->arena = *adopted;
		*adopted = (gg_arena)GG_ARENA_INIT;
	}
	l->edges = malloc((n ? n : 1) * sizeof(*l->edges));
	l->mentioned_by = calloc(concepts ? concepts : 1, sizeof(*l->mentioned_by));
	if (!l->edges || !l->mentioned_by) {
		gg_links_free(l);
		return gg_error_oom();
	}
	for (size_t i = 0; i < n; i++) {
		if (edges[i].source >= concepts || edges[i].target >= concepts) {
			gg_links_free(l);
			return gg_error_set(GG_EINVAL, "edge %zu names a concept out of range", i);
		}
	}
	if (n) {
		memcpy(l->edges, edges, n * sizeof(*edges));
		qsort(l->edges, n, sizeof(*l->edges), compare_evidence);
	}
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		gg_edge *e = &l->edges[i];
		if (kept && compare_edges(&l->edges[kept - 1], e) == 0) {
			l->edges[kept - 1].weight += e->weight;
			continue;
		}
		l->edges[kept] = *e;
		gg_edge *k = &l->edges[kept++];
		if (adopted) {
			if (!k->surface)
				k->surface = "";
			if (!k->snippet)
				k->snippet = "";
			if (!k->file)
				k->file = "";
			continue;
		}
		k->surface = copy_string(&l->arena, e->surface);
		k->snippet = copy_string(&l->arena, e->snippet);
		k->file = copy_string(&l->arena, e->file);
		if (!k->surface || !k->snippet || !k->file) {
			gg_links_free(l);
			return gg_error_oom();
		}
	}
	l->n_edges = kept;
	for (size_t i = 0; i < kept; i++)
		if (l->edges[i].kind == GG_EDGE_MENTION)
			l->mentioned_by[l->edges[i].target]++;
	*out = l;
	return 0;
}

int gg_i_links_from_edges(gg_links **out, const gg_glossary *g, const gg_edge *edges, size_t n)
{
	return make_links(out, g, edges, n, NULL);
}

int gg_i_links_adopt(gg_links **out, const gg_glossary *g, const gg_edge *edges, size_t n,
		     gg_arena *strings)
{
	int err = make_links(out, g, edges, n, strings);
	gg_arena_free(strings);
	return err;
}

const char *gg_edge_kind_name(gg_edge_kind k)
{
	switch (k) {
	case GG_EDGE_MENTION: return "mention";
	case GG_EDGE_EDITOR: return "editor";
	case GG_EDGE_CATEGORY: return "category";
	case GG_EDGE_KEYWORD: return "keyword";
	}
	return "unknown";
}

const char *gg_match_rule_name(gg_match_rule r)
{
	switch (r) {
	case GG_RULE_EXACT: return "exact";
	case GG_RULE_CASE_FOLDED: return "case-folded";
	case GG_RULE_INFLECTED: return "inflected";
	case GG_RULE_ABBREVIATION: return "abbreviation";
	case GG_RULE_ALIAS: return "alias";
	case GG_RULE_HEADER: return "header";
	case GG_RULE_HREF: return "href";
	}
	return "unknown";
}

const char *gg_hold_reason_name(gg_hold_reason h)
{
	switch (h) {
	case GG_HELD_NONE: return "";
	case GG_HELD_GENERIC: return "generic";
	case GG_HELD_CASE_CLASH: return "case-clash";
	case GG_HELD_STOP_TERM: return "stop-term";
	case GG_HELD_MIN_WEIGHT: return "min-weight";
	}
	return "unknown";
}

void gg_links_free(gg_links *l)
{
	if (!l)
		return;
	free(l->edges);
	free(l->mentioned_by);
	gg_arena_free(&l->arena);
	free(l);
}

size_t gg_links_count(const gg_links *l)
{
	return l->n_edges;
}

const gg_edge *gg_links_edge(const gg_links *l, size_t i)
{
	return i < l->n_edges ? &l->edges[i] : NULL;
}

size_t gg_links_mentioned_by(const gg_links *l, size_t c)
{
	return c < gg_glossary_concept_count(l->glossary) ? l->mentioned_by[c] : 0;
}

const gg_glossary *gg_links_glossary(const gg_links *l)
{
	return l->glossary;
}

uint64_t gg_links_bytes_scanned(const gg_links *l)
{
	return l->bytes_scanned;
}
