/* links.c - the links object: a sorted edge table and per-concept counts. */
#include "link/links.h"
#include "core/error.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SNIPPET_CONTEXT 60

/* Edges that merge: the same source, target and kind. */
static int compare_edges(const gg_edge *x, const gg_edge *y)
{
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	if (x->target != y->target)
		return x->target < y->target ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

int gg_i_edge_order(const void *a, const void *b)
{
	const gg_edge *x = a, *y = b;
	int c = compare_edges(x, y);
	if (c)
		return c;
	if (x->entry != y->entry)
		return x->entry < y->entry ? -1 : 1;
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	size_t n = x->surface_len < y->surface_len ? x->surface_len : y->surface_len;
	c = n ? memcmp(x->surface, y->surface, n) : 0;
	if (c)
		return c;
	return x->surface_len == y->surface_len ? 0 : x->surface_len < y->surface_len ? -1 : 1;
}

/* Count the mentions, and per concept the definitions that mention it;
 * l->edges is final. 0 or GG_ENOMEM. */
static int count_mentions(gg_links *l)
{
	size_t concepts = gg_glossary_concept_count(l->glossary);
	l->mentioned_by = calloc(concepts ? concepts : 1, sizeof(*l->mentioned_by));
	if (!l->mentioned_by)
		return gg_i_error_oom();
	for (size_t i = 0; i < l->n_edges; i++) {
		if (l->edges[i].kind == GG_EDGE_MENTION) {
			l->mentioned_by[l->edges[i].target]++;
			l->mentions += l->edges[i].weight;
		}
	}
	return 0;
}

int gg_i_links_adopt(gg_links **out, const gg_glossary *g, gg_edge *edges, size_t n,
		     uint32_t *mentioned_by, size_t dropped)
{
	gg_links *l = calloc(1, sizeof(*l));
	*out = NULL;
	if (!l) {
		free(edges);
		free(mentioned_by);
		return gg_i_error_oom();
	}
	l->glossary = g;
	gg_i_model_builtin(&l->model);
	l->threshold = l->model.threshold;
	l->edges = edges;
	l->n_edges = n;
	l->mentioned_by = mentioned_by;
	l->n_dropped = dropped;
	if (!mentioned_by && count_mentions(l)) {
		gg_links_free(l);
		return GG_ENOMEM;
	}
	*out = l;
	return 0;
}

int gg_i_links_from_edges(gg_links **out, const gg_glossary *g, const gg_edge *edges, size_t n)
{
	size_t concepts = gg_glossary_concept_count(g);
	gg_links *l = calloc(1, sizeof(*l));
	*out = NULL;
	if (!l)
		return gg_i_error_oom();
	l->glossary = g;
	gg_i_model_builtin(&l->model);
	l->threshold = l->model.threshold;
	l->edges = malloc((n ? n : 1) * sizeof(*l->edges));
	if (!l->edges) {
		gg_links_free(l);
		return gg_i_error_oom();
	}
	for (size_t i = 0; i < n; i++) {
		if (edges[i].source >= concepts || edges[i].target >= concepts ||
		    (edges[i].entry && edges[i].entry >= gg_glossary_entry_count(g))) {
			gg_links_free(l);
			return gg_i_error_set(GG_EINVAL, "edge %zu names a concept or entry out of range", i);
		}
		l->edges[i] = edges[i];
	}
	if (n)
		qsort(l->edges, n, sizeof(*l->edges), gg_i_edge_order);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (kept && compare_edges(&l->edges[kept - 1], &l->edges[i]) == 0)
			l->edges[kept - 1].weight += l->edges[i].weight;
		else
			l->edges[kept++] = l->edges[i];
	}
	l->n_edges = kept;
	if (count_mentions(l)) {
		gg_links_free(l);
		return GG_ENOMEM;
	}
	*out = l;
	return 0;
}

/* Move i back to the start of a UTF-8 character. */
static size_t char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* Append the n bytes at text to buf (room `size`) at *at as snprintf would, counting all. */
static void put(char *buf, size_t size, size_t *at, const char *text, size_t n)
{
	if (*at + 1 < size) {
		size_t room = size - 1 - *at;
		memcpy(buf + *at, text, n < room ? n : room);
	}
	*at += n;
}

/* The text around [start, end) of text[0, len) on one line, Markdown '**' dropped. */
static size_t definition_snippet(const char *text, size_t len, size_t start, size_t end,
				 char *buf, size_t size)
{
	size_t from = start > SNIPPET_CONTEXT ? char_start(text, start - SNIPPET_CONTEXT) : 0;
	size_t to = end + SNIPPET_CONTEXT < len ? char_start(text, end + SNIPPET_CONTEXT) : len;
	size_t at = 0;
	if (from > 0)
		put(buf, size, &at, "...", 3);
	for (size_t i = from; i < to;) { /* runs between "**" markers */
		const char *star = memchr(text + i, '*', to - i);
		size_t run = star ? (size_t)(star - (text + i)) : to - i;
		size_t first = at;
		put(buf, size, &at, text + i, run);
		for (size_t k = first; k < at && k + 1 < size; k++)
			if (buf[k] == '\n' || buf[k] == '\r' || buf[k] == '\t')
				buf[k] = ' ';
		i += run;
		if (i < to) {
			bool marker = i + 1 < to && text[i + 1] == '*';
			if (!marker)
				put(buf, size, &at, "*", 1);
			i += marker ? 2 : 1;
		}
	}
	if (to < len)
		put(buf, size, &at, "...", 3);
	return at;
}

/* Where e's surface starts in the entry's definition: *start; false when it is not in it
 * (compared as addresses: the surface may belong to another string). */
static bool in_definition(const gg_entry *entry, const gg_edge *e, size_t *start)
{
	uintptr_t at = (uintptr_t)e->surface, text = (uintptr_t)entry->definition;
	if (!e->surface || at < text || at - text > entry->definition_len ||
	    entry->definition_len - (at - text) < e->surface_len)
		return false;
	*start = (size_t)(at - text);
	return true;
}

size_t gg_edge_snippet(const gg_links *l, const gg_edge *e, char *buf, size_t size)
{
	const gg_entry *entry = gg_glossary_entry(l->glossary, e->entry);
	size_t n = 0, start;
	if (entry && (e->kind == GG_EDGE_CATEGORY || e->kind == GG_EDGE_KEYWORD)) {
		n = strlen(entry->header);
		size_t at = 0;
		put(buf, size, &at, entry->header, n);
	} else if (entry && in_definition(entry, e, &start)) {
		n = definition_snippet(entry->definition, entry->definition_len, start,
				       start + e->surface_len, buf, size);
	}
	if (size)
		buf[n < size ? n : size - 1] = '\0';
	return n;
}

static const char *const edge_kind_names[GG_EDGE_KIND_COUNT] = {
	[GG_EDGE_MENTION] = "mention",
	[GG_EDGE_EDITOR] = "editor",
	[GG_EDGE_CATEGORY] = "category",
	[GG_EDGE_KEYWORD] = "keyword",
};

const char *gg_edge_kind_name(gg_edge_kind k)
{
	return (unsigned)k < GG_EDGE_KIND_COUNT ? edge_kind_names[k] : "unknown";
}

static const char *const match_rule_names[GG_MATCH_RULE_COUNT] = {
	[GG_RULE_EXACT] = "exact",
	[GG_RULE_CASE_FOLDED] = "case-folded",
	[GG_RULE_INFLECTED] = "inflected",
	[GG_RULE_ABBREVIATION] = "abbreviation",
	[GG_RULE_ALIAS] = "alias",
	[GG_RULE_HEADER] = "header",
	[GG_RULE_HREF] = "href",
};

const char *gg_match_rule_name(gg_match_rule r)
{
	return (unsigned)r < GG_MATCH_RULE_COUNT ? match_rule_names[r] : "unknown";
}

static const char *const hold_reason_names[GG_HOLD_REASON_COUNT] = {
	[GG_HELD_NONE] = "",
	[GG_HELD_LOW_SCORE] = "low-score",
	[GG_HELD_CASE_CLASH] = "case-clash",
	[GG_HELD_STOP_TERM] = "stop-term",
	[GG_HELD_MIN_WEIGHT] = "min-weight",
	[GG_HELD_IN_CODE] = "in-code",
};

const char *gg_hold_reason_name(gg_hold_reason h)
{
	return (unsigned)h < GG_HOLD_REASON_COUNT ? hold_reason_names[h] : "unknown";
}

static const char *const threshold_source_names[GG_THRESHOLD_SOURCE_COUNT] = {
	[GG_THRESHOLD_MODEL] = "model",
	[GG_THRESHOLD_DENSITY] = "density",
	[GG_THRESHOLD_EDITORS] = "editor links",
	[GG_THRESHOLD_USER] = "user",
};

const char *gg_threshold_source_name(gg_threshold_source s)
{
	return (unsigned)s < GG_THRESHOLD_SOURCE_COUNT ? threshold_source_names[s] : "unknown";
}

double gg_links_threshold(const gg_links *l, gg_threshold_source *source)
{
	if (source)
		*source = l->threshold_source;
	return l->threshold;
}

size_t gg_links_calibration_links(const gg_links *l)
{
	return l->calibration_links;
}

double gg_links_feature_weight(const gg_links *l, gg_link_feature f)
{
	return (unsigned)f < GG_LINK_FEATURE_COUNT ? l->model.weight[f] : 0;
}

void gg_links_edge_features(double x[GG_LINK_FEATURE_COUNT], const gg_links *l, const gg_edge *e)
{
	size_t n_terms = gg_glossary_stats(l->glossary)->concepts;
	gg_i_evidence ev = { l->glossary, l->edges, l->n_edges, l->df, l->ordinary, n_terms, NULL,
			     NULL, gg_i_dense(&l->model, l->density), false,
			     log(1.0 + (double)n_terms) };
	gg_i_edge_features(&ev, (size_t)(e - l->edges), x);
}

void gg_links_free(gg_links *l)
{
	if (!l)
		return;
	free(l->edges);
	free(l->mentioned_by);
	free(l->df);
	free(l->ordinary);
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

double gg_links_vocabulary_density(const gg_links *l)
{
	return l->density;
}

uint64_t gg_links_mentions(const gg_links *l)
{
	return l->mentions;
}

size_t gg_links_dropped(const gg_links *l)
{
	return l->n_dropped;
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
