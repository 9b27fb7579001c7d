/* check.c - gg_check: findings about a glossary's links and names. */
#include "link/links.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

typedef struct findings {
	gg_finding *items;
	size_t n, cap;
} findings;

static int add(findings *f, gg_finding item)
{
	if (GG_ARRAY_PUSH_SLOT(f->items, f->n, f->cap))
		return GG_ENOMEM;
	f->items[f->n++] = item;
	return 0;
}


static int by_mentions_desc(const void *a, const void *b)
{
	const gg_finding *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->concept < y->concept ? -1 : x->concept > y->concept;
}

static int over_linked(findings *f, const gg_links *l, const uint32_t *held_in)
{
	size_t n = gg_glossary_concept_count(l->glossary), first = f->n;
	for (size_t c = 0; c < n; c++) {
		if (!held_in[c])
			continue;
		gg_finding item = { .kind = GG_FINDING_OVER_LINKED, .concept = c, .other = SIZE_MAX,
				    .count = l->mentioned_by[c], .held = held_in[c] };
		if (add(f, item))
			return GG_ENOMEM;
	}
	if (f->n > first)
		qsort(f->items + first, f->n - first, sizeof(*f->items), by_mentions_desc);
	return 0;
}

static int lonely(findings *f, const gg_glossary *g, const uint32_t *in, const uint32_t *out)
{
	for (int pass = 0; pass < 2; pass++) {
		for (size_t c = 0; c < gg_glossary_concept_count(g); c++) {
			if (gg_glossary_concept(g, c)->kind != GG_CONCEPT_TERM || in[c])
				continue;
			bool orphan = !out[c];
			if (orphan != (pass == 0))
				continue;
			gg_finding item = { .kind = orphan ? GG_FINDING_ORPHAN : GG_FINDING_UNMENTIONED,
					    .concept = c, .other = SIZE_MAX, .count = out[c] };
			if (add(f, item))
				return GG_ENOMEM;
		}
	}
	return 0;
}

static int collisions(findings *f, const gg_glossary *g)
{
	for (size_t c = 0; c < gg_glossary_concept_count(g); c++) {
		const gg_concept *k = gg_glossary_concept(g, c);
		for (size_t a = 0; a < k->n_abbrevs; a++) {
			size_t owner;
			if (gg_glossary_find(&owner, g, k->abbrevs[a]) != 0) {
				gg_error_clear();
				continue;
			}
			if (owner == c)
				continue;
			gg_finding item = { .kind = GG_FINDING_ABBREV_COLLISION, .concept = c, .other = owner,
					    .abbreviation = k->abbrevs[a] };
			if (add(f, item))
				return GG_ENOMEM;
		}
	}
	return 0;
}

static int by_target(const void *a, const void *b)
{
	const gg_finding *x = a, *y = b;
	int c = strcmp(x->target, y->target);
	return c ? c : (x->entry < y->entry ? -1 : x->entry > y->entry);
}

/*
 * The editors' links that name no entry (a "see also" cell, a :term: role,
 * a {brace} naming a term the glossary lacks), each once per entry: the
 * entries in order, an entry's targets by name.
 */
static int unknown_targets(findings *f, const gg_glossary *g)
{
	for (size_t i = 0; i < gg_glossary_entry_count(g); i++) {
		const gg_entry *e = gg_glossary_entry(g, i);
		size_t first = f->n, owner;
		for (size_t k = 0; k < e->n_xrefs; k++) {
			if (gg_glossary_find(&owner, g, e->xrefs[k].target) == 0)
				continue;
			gg_error_clear();
			gg_finding item = { .kind = GG_FINDING_UNKNOWN_TARGET, .concept = e->concept,
					    .other = SIZE_MAX, .entry = i, .target = e->xrefs[k].target };
			if (add(f, item))
				return GG_ENOMEM;
		}
		if (f->n - first < 2)
			continue;
		qsort(f->items + first, f->n - first, sizeof(*f->items), by_target);
		size_t kept = first + 1;
		for (size_t j = first + 1; j < f->n; j++)
			if (strcmp(f->items[kept - 1].target, f->items[j].target) != 0)
				f->items[kept++] = f->items[j];
		f->n = kept;
	}
	return 0;
}

typedef struct keyed {
	char *key;
	size_t concept;
} keyed;

static int compare_keyed(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->concept < y->concept ? -1 : x->concept > y->concept);
}

/* Lower-case letters and digits of s, reversed when asked. Malloc'd. */
static char *squeeze(const char *s, bool reverse)
{
	size_t len = strlen(s), n = 0;
	char *out = malloc(len + 1);
	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		char c = gg_i_ascii_lower(s[reverse ? len - 1 - i : i]);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[n++] = c;
	}
	out[n] = '\0';
	return out;
}

static int compare_pairs(const void *a, const void *b)
{
	const gg_finding *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? -1 : 1;
	if (x->concept != y->concept)
		return x->concept < y->concept ? -1 : 1;
	return x->other < y->other ? -1 : x->other > y->other;
}

#define NEIGHBOURS 3
#define MIN_NAME 8

/*
 * Concept names that nearly agree (letters and digits only, edit distance
 * 1 or 2, names of 8 letters or more), compared only with their nearest
 * neighbours in sorted order, forwards and reversed: O(n log n).
 */
static int near_duplicates(findings *f, const gg_glossary *g)
{
	size_t total = gg_glossary_concept_count(g), n = 0, first = f->n;
	keyed *keys = calloc(total ? total : 1, sizeof(*keys));
	int err = 0;
	if (!keys)
		return gg_i_error_oom();
	for (int pass = 0; pass < 2 && !err; pass++) {
		n = 0;
		for (size_t c = 0; c < total && !err; c++) {
			if (gg_glossary_concept(g, c)->kind != GG_CONCEPT_TERM)
				continue;
			keys[n].concept = c;
			if (!(keys[n++].key = squeeze(gg_glossary_concept(g, c)->name, pass == 1)))
				err = gg_i_error_oom();
		}
		if (!err)
			qsort(keys, n, sizeof(*keys), compare_keyed);
		for (size_t i = 0; i + 1 < n && !err; i++) {
			for (size_t j = i + 1; j < n && j <= i + NEIGHBOURS && !err; j++) {
				if (strlen(keys[i].key) < MIN_NAME || strlen(keys[j].key) < MIN_NAME)
					continue;
				size_t d = gg_i_edit_distance(keys[i].key, keys[j].key, 3);
				if (d == 0 || d > 2)
					continue;
				size_t a = keys[i].concept, b = keys[j].concept;
				gg_finding item = { .kind = GG_FINDING_NEAR_DUPLICATE, .concept = a < b ? a : b,
						    .other = a < b ? b : a, .count = d };
				err = add(f, item);
			}
		}
		for (size_t i = 0; i < n; i++)
			free(keys[i].key);
	}
	free(keys);
	if (err)
		return err;
	/* both passes may find one pair: sort and keep each once */
	if (f->n == first)
		return 0;
	qsort(f->items + first, f->n - first, sizeof(*f->items), compare_pairs);
	size_t kept = first;
	for (size_t i = first; i < f->n; i++)
		if (kept == first || compare_pairs(&f->items[kept - 1], &f->items[i]) != 0)
			f->items[kept++] = f->items[i];
	f->n = kept;
	return 0;
}

int gg_check(gg_finding_list *out, const gg_links *l)
{
	const gg_glossary *g = l->glossary;
	size_t concepts = gg_glossary_concept_count(g);
	uint32_t *held_in = calloc(concepts ? concepts : 1, sizeof(*held_in));
	uint32_t *in = calloc(concepts ? concepts : 1, sizeof(*in));
	uint32_t *outd = calloc(concepts ? concepts : 1, sizeof(*outd));
	findings f = { NULL, 0, 0 };
	int err = 0;

	out->items = NULL;
	out->count = 0;
	if (!held_in || !in || !outd) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	for (size_t i = 0; i < l->n_edges; i++) {
		const gg_edge *e = &l->edges[i];
		if (e->held == GG_HELD_LOW_SCORE)
			held_in[e->target]++;
		if (e->held == GG_HELD_NONE) {
			in[e->target]++;
			outd[e->source]++;
		}
	}
	if ((err = over_linked(&f, l, held_in)) || (err = lonely(&f, g, in, outd)) ||
	    (err = collisions(&f, g)) || (err = near_duplicates(&f, g)) || (err = unknown_targets(&f, g)))
		goto cleanup;
	out->items = f.items;
	out->count = f.n;
	f.items = NULL;
cleanup:
	free(f.items);
	free(held_in);
	free(in);
	free(outd);
	return err;
}

void gg_finding_list_destroy(gg_finding_list *list)
{
	free(list->items);
	list->items = NULL;
	list->count = 0;
}
