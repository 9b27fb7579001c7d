/* resolve.c - from a user's query to a concept, and "did you mean" lists. */
#include "model/model.h"
#include "model/names.h"
#include "core/error.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

static bool lookup_span(const gg_glossary *g, const char *s, size_t n, size_t *out)
{
	gg_buf key = GG_BUF_INIT;
	uint32_t c;
	gg_name_key_append(&key, s, n);
	bool found = !key.oom && key.len && gg_strmap_get(&g->lookup, key.ptr, &c);
	gg_buf_free(&key);
	if (found)
		*out = c;
	return found;
}

int gg_glossary_find(const gg_glossary *g, const char *query, size_t *out)
{
	if (!g->built)
		return gg_error_set(GG_EINVAL, "the glossary is not built");
	size_t n = strlen(query);
	if (lookup_span(g, query, n, out))
		return 0;
	/* "neural radiance fields (nerf)": the name, else the abbreviation */
	const char *open = strchr(query, '(');
	const char *close = open ? strchr(open, ')') : NULL;
	if (open && close && (lookup_span(g, query, (size_t)(open - query), out) ||
			      lookup_span(g, open + 1, (size_t)(close - open - 1), out)))
		return 0;
	return gg_error_set(GG_ENOTFOUND, "no term '%s'", query);
}

typedef struct candidate {
	size_t concept;
	size_t score; /* lower is better */
} candidate;

static int compare_candidates(const void *a, const void *b)
{
	const candidate *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	return x->concept < y->concept ? -1 : x->concept > y->concept;
}

/* Whether every word of `words` (a key) is a word of `key`. */
static bool contains_words(const char *key, const char *words)
{
	for (const char *w = words; *w;) {
		size_t wl = strcspn(w, " ");
		bool found = false;
		for (const char *k = key; *k && !found;) {
			size_t kl = strcspn(k, " ");
			found = kl == wl && memcmp(k, w, wl) == 0;
			k += kl + (k[kl] == ' ');
		}
		if (!found)
			return false;
		w += wl + (w[wl] == ' ');
	}
	return true;
}

/*
 * Score of a concept name against the query key: names holding every query
 * word come first (fewer extra words better), then near spellings by edit
 * distance (from 1000 up). SIZE_MAX when it is no match.
 */
static size_t score_name(const char *query_key, const char *name)
{
	gg_buf key = GG_BUF_INIT;
	gg_name_key_append(&key, name, strlen(name));
	size_t score = SIZE_MAX;
	if (!key.oom && key.len) {
		size_t ql = strlen(query_key);
		if (contains_words(key.ptr, query_key)) {
			score = key.len - ql;
		} else {
			size_t cap = ql / 4 + 2;
			size_t d = gg_edit_distance(query_key, key.ptr, cap);
			if (d < cap)
				score = 1000 + d;
		}
	}
	gg_buf_free(&key);
	return score;
}

size_t gg_glossary_suggest(const gg_glossary *g, const char *query, size_t *out, size_t max)
{
	gg_buf qkey = GG_BUF_INIT;
	gg_name_key_append(&qkey, query, strlen(query));
	if (qkey.oom || !qkey.len || !max) {
		gg_buf_free(&qkey);
		return 0;
	}
	candidate *cands = NULL;
	size_t n = 0, cap = 0;
	for (size_t c = 0; c < g->n_concepts; c++) {
		const gg_concept *concept = &g->concepts[c];
		size_t best = score_name(qkey.ptr, concept->name);
		for (size_t k = 0; k < concept->n_aliases; k++) {
			size_t s = score_name(qkey.ptr, concept->aliases[k]);
			if (s < best)
				best = s;
		}
		if (best == SIZE_MAX)
			continue;
		if (concept->kind == GG_CONCEPT_KEYWORD)
			best += 500; /* terms before keywords */
		if (GG_ARRAY_PUSH_SLOT(cands, n, cap))
			break;
		cands[n++] = (candidate){ c, best };
	}
	if (n)
		qsort(cands, n, sizeof(*cands), compare_candidates);
	size_t count = n < max ? n : max;
	for (size_t i = 0; i < count; i++)
		out[i] = cands[i].concept;
	free(cands);
	gg_buf_free(&qkey);
	return count;
}
