/* resolve.c - from a user's query to a concept, and "did you mean" lists. */
#include "model/model.h"
#include "model/names.h"
#include "core/error.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

char *gg_i_glossary_lookup_key(gg_i_arena *a, const char *name)
{
	char *key = gg_i_name_key(a, name, strlen(name));
	if (!key || gg_i_name_has_alnum(key))
		return key;
	size_t n = strlen(name);
	const char *s = gg_i_trim(name, &n);
	return gg_i_arena_strndup(a, s, n);
}

bool gg_i_glossary_lookup(const gg_glossary *g, const char *key, bool caps_first, uint32_t *out)
{
	const gg_i_strmap *first = caps_first ? &g->lookup_caps : &g->lookup;
	const gg_i_strmap *second = caps_first ? &g->lookup : &g->lookup_caps;
	return gg_i_strmap_get(first, key, out) || gg_i_strmap_get(second, key, out);
}

/*
 * The lookup key of s[0, n) in *key, as gg_i_glossary_lookup_key makes it;
 * `capitals`: read as if written in capitals (no plural endings cut).
 * Returns false when out of memory.
 */
static bool query_key(gg_i_buf *key, const char *s, size_t n, bool capitals)
{
	char *name = gg_i_strndup(s, n);
	if (!name)
		return false;
	for (char *p = name; capitals && *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	key->len = 0;
	gg_i_name_key_append(key, name, n);
	if (!key->oom && !gg_i_name_has_alnum(key->len ? key->ptr : "")) {
		size_t raw_len = n;
		const char *raw = gg_i_trim(s, &raw_len);
		key->len = 0;
		gg_i_buf_put(key, raw, raw_len);
	}
	free(name);
	return !key->oom && key->ptr;
}

/* The glossary's own maps as a gg_i_form_lookup: `payload` is the glossary. */
static bool map_lookup(void *payload, const char *key, bool capitals, uint32_t *out)
{
	const gg_glossary *g = payload;
	return gg_i_strmap_get(capitals ? &g->lookup_caps : &g->lookup, key, out);
}

/*
 * Look s[0, n) up, the exact case first: "HEAD" finds the concept named in
 * capitals, "head" the other, either finds the one there is; "https" finds
 * HTTPS before taking its S for a plural.
 */
static bool lookup_span(gg_i_form_lookup get, void *payload, const char *s, size_t n, size_t *out)
{
	gg_i_buf key = GG_BUF_INIT;
	char *name = gg_i_strndup(s, n);
	uint32_t c;
	bool found = false;
	if (name && gg_i_name_is_capitals(name)) {
		found = query_key(&key, s, n, false) && key.len &&
			(get(payload, key.ptr, true, &c) || get(payload, key.ptr, false, &c));
	} else if (name && query_key(&key, s, n, false) && key.len) {
		found = get(payload, key.ptr, false, &c);
		if (!found && query_key(&key, s, n, true) && key.len)
			found = get(payload, key.ptr, true, &c);
		if (!found && query_key(&key, s, n, false) && key.len)
			found = get(payload, key.ptr, true, &c);
	}
	gg_i_buf_free(&key);
	free(name);
	if (found)
		*out = c;
	return found;
}

int gg_i_glossary_find_in(size_t *out, gg_i_form_lookup get, void *payload, const char *query)
{
	size_t n = strlen(query);
	if (lookup_span(get, payload, query, n, out))
		return 0;
	/* "neural radiance fields (nerf)": the name, else the abbreviation */
	const char *open = strchr(query, '(');
	const char *close = open ? strchr(open, ')') : NULL;
	if (open && close && (lookup_span(get, payload, query, (size_t)(open - query), out) ||
			      lookup_span(get, payload, open + 1, (size_t)(close - open - 1), out)))
		return 0;
	/* a term's whole heading, as an editor's link to it gives it, read as
	 * names.c reads it: "Font Family, or just Family" is "Font Family",
	 * "Neural radiance field NeRF" is "Neural radiance field" */
	const char *comma = strchr(query, ',');
	if (comma && comma > query && lookup_span(get, payload, query, (size_t)(comma - query), out))
		return 0;
	const char *space = strrchr(query, ' ');
	if (space && space > query && strchr(query, ' ') < space &&
	    gg_i_name_is_abbrev_of(space + 1, strlen(space + 1), query, (size_t)(space - query)) &&
	    lookup_span(get, payload, query, (size_t)(space - query), out))
		return 0;
	return gg_i_error_set(GG_ENOTFOUND, "no term '%s'", query);
}

int gg_glossary_find(size_t *out, const gg_glossary *g, const char *query)
{
	if (!g->built)
		return gg_i_error_set(GG_EINVAL, "the glossary is not built");
	return gg_i_glossary_find_in(out, map_lookup, (void *)g, query);
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
	gg_i_buf key = GG_BUF_INIT;
	gg_i_name_key_append(&key, name, strlen(name));
	size_t score = SIZE_MAX;
	if (!key.oom && key.len) {
		size_t ql = strlen(query_key);
		if (contains_words(key.ptr, query_key)) {
			score = key.len - ql;
		} else {
			size_t cap = ql / 4 + 2;
			size_t d = gg_i_edit_distance(query_key, key.ptr, cap);
			if (d < cap)
				score = 1000 + d;
		}
	}
	gg_i_buf_free(&key);
	return score;
}

size_t gg_glossary_suggest(size_t *out, size_t max, const gg_glossary *g, const char *query)
{
	gg_i_buf qkey = GG_BUF_INIT;
	gg_i_name_key_append(&qkey, query, strlen(query));
	if (qkey.oom || !qkey.len || !max) {
		gg_i_buf_free(&qkey);
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
	gg_i_buf_free(&qkey);
	return count;
}
