/*
 * concepts.c - gg_glossary_build: drops exact duplicates, reads every header,
 * merges entries that name one concept, and assembles the concept table.
 * The rules are described in README.md, "Concepts".
 */
#include "model/model.h"
#include "model/names.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/text.h"
#include "core/threads.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- canonical order ------------------------------------------------- */

typedef struct position {
	const char *file;
	uint64_t offset;
	uint32_t line;
	size_t index; /* read order, the last word: HTML has no offsets */
} position;

static int compare_positions(const void *a, const void *b)
{
	const position *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Put the entries in order of file name, then place in the file, so that
 * everything after (which duplicate is kept, concept order, evidence) is
 * the same whatever order the pages were read in. O(n log n).
 */
static int sort_entries(gg_glossary *g)
{
	size_t n = g->n_entries;
	position *order = malloc(n * sizeof(*order));
	gg_entry *entries = malloc(n * sizeof(*entries));
	const gg_i_offset_map **maps = malloc(n * sizeof(*maps));
	if (!order || !entries || !maps) {
		free(order);
		free(entries);
		free(maps);
		return gg_i_error_oom();
	}
	for (size_t i = 0; i < n; i++)
		order[i] = (position){ g->entries[i].file, g->entries[i].header_offset,
				       g->entries[i].line, i };
	qsort(order, n, sizeof(*order), compare_positions);
	for (size_t i = 0; i < n; i++) {
		entries[i] = g->entries[order[i].index];
		maps[i] = g->maps[order[i].index];
	}
	free(g->entries);
	free(g->maps);
	g->entries = entries;
	g->maps = maps;
	g->cap_entries = n;
	free(order);
	return 0;
}

/* ---- exact duplicates ------------------------------------------------ */

static uint64_t entry_hash(const gg_entry *e)
{
	return gg_i_hash_bytes(e->header, strlen(e->header)) * 31 ^
	       gg_i_hash_bytes(e->definition, e->definition_len);
}

static bool same_entry(const gg_entry *a, const gg_entry *b)
{
	return a->definition_len == b->definition_len && strcmp(a->header, b->header) == 0 &&
	       memcmp(a->definition, b->definition, a->definition_len) == 0;
}

/* Remove entries equal byte for byte to an earlier one; each is noted. */
static int drop_duplicates(gg_glossary *g)
{
	size_t cap = 16;
	while (cap < g->n_entries * 2)
		cap *= 2;
	uint32_t *slots = calloc(cap, sizeof(*slots)); /* entry index + 1 */
	if (!slots)
		return gg_i_error_oom();
	size_t kept = 0;
	int err = 0;
	for (size_t i = 0; i < g->n_entries && !err; i++) {
		gg_entry *e = &g->entries[i];
		size_t s = (size_t)entry_hash(e) & (cap - 1);
		while (slots[s] && !same_entry(&g->entries[slots[s] - 1], e))
			s = (s + 1) & (cap - 1);
		if (slots[s]) {
			const gg_entry *first = &g->entries[slots[s] - 1];
			g->stats.duplicates++;
			err = gg_i_glossary_diag(g, GG_DIAG_NOTE, e->file, e->line,
						 "exact duplicate of %s:%u, counted once",
						 first->file, first->line);
			continue;
		}
		g->maps[kept] = g->maps[i];
		g->entries[kept] = *e;
		slots[s] = (uint32_t)kept + 1;
		kept++;
	}
	free(slots);
	g->n_entries = kept;
	return err;
}

/* ---- union-find over entries ----------------------------------------- */

static uint32_t find_root(uint32_t *parent, uint32_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

/* Join two groups; the root is the earlier entry, so order stays stable. */
static void join(uint32_t *parent, uint32_t a, uint32_t b)
{
	a = find_root(parent, a);
	b = find_root(parent, b);
	if (a < b)
		parent[b] = a;
	else if (b < a)
		parent[a] = b;
}

typedef struct build_state {
	gg_glossary *g;
	uint32_t *parent;
	const char **term_keys; /* per entry */
	const char **bold_keys; /* per entry, or NULL */
	gg_i_strmap names;        /* name key -> entry */
	gg_i_strmap caps_names;   /* the same for names in capitals ("HEAD") */
	gg_i_strmap spelt;        /* lower-cased spelling -> entry, other names */
	gg_i_strmap caps_spelt;   /* the same for names in capitals */
} build_state;

/* Entries from which a second thread pays for itself when reading headers. */
#define PARSE_THREAD_MIN_ENTRIES 4096

/* One thread's share of parse_all: entries [from, to), its strings in its own arena. */
typedef struct parse_share {
	build_state *st;
	size_t from, to;
	gg_i_arena arena;
	gg_i_thread_error err;
} parse_share;

/* Read the header and bold opening of the share's entries, and key their names. */
static void *parse_range(void *arg)
{
	parse_share *p = arg;
	gg_glossary *g = p->st->g;
	int err = 0;
	for (size_t i = p->from; i < p->to && !err; i++) {
		gg_i_entry_names *n = &g->names[i];
		if ((err = gg_i_names_parse(&p->arena, &g->entries[i], n)))
			break;
		p->st->term_keys[i] = gg_i_name_key(&p->arena, n->term, strlen(n->term));
		if (!p->st->term_keys[i] ||
		    (n->bold && !(p->st->bold_keys[i] = gg_i_name_key(&p->arena, n->bold, strlen(n->bold)))))
			err = gg_i_error_oom();
	}
	gg_i_thread_error_keep(&p->err, err);
	return NULL;
}

/*
 * Parse every entry's names (gg_i_names_parse) and key its term and bold
 * name: on two threads, each half of the entries, when `wanted` allows
 * (0: one per core) and there are entries enough. Returns 0 or GG_ENOMEM; what was made is the glossary's
 * either way.
 */
static int parse_all(build_state *st, unsigned wanted)
{
	gg_glossary *g = st->g;
	unsigned threads = g->n_entries >= PARSE_THREAD_MIN_ENTRIES ? gg_i_thread_count(wanted, 2) : 1;
	size_t half = threads == 2 ? g->n_entries / 2 : g->n_entries;
	parse_share *shares = calloc(2, sizeof(*shares));
	if (!shares)
		return gg_i_error_oom();
	shares[0] = (parse_share){ .st = st, .from = 0, .to = half };
	shares[1] = (parse_share){ .st = st, .from = half, .to = g->n_entries };
	gg_i_run_threads(threads, parse_range, shares, sizeof(*shares));
	int err = 0;
	for (unsigned k = 0; k < threads; k++) {
		gg_i_arena_adopt(&g->arena, &shares[k].arena);
		if (!err)
			err = gg_i_thread_error_raise(&shares[k].err);
	}
	free(shares);
	return err;
}

/*
 * Append `s` to the list (*items, *n) in the glossary's arena: a new array
 * of n + 1 (the old one stays in the arena), for the rare lists that grow
 * after they are made. Returns 0 or GG_ENOMEM (the list unchanged).
 */
static int append_string(gg_glossary *g, const char ***items, size_t *n, const char *s)
{
	const char **grown = gg_i_arena_alloc(&g->arena, (*n + 1) * sizeof(*grown));
	if (!grown)
		return gg_i_error_oom();
	if (*n)
		memcpy(grown, *items, *n * sizeof(*grown));
	grown[(*n)++] = s;
	*items = grown;
	return 0;
}

/* Append `item` to the entry's keywords (arena). Returns 0 or GG_ENOMEM. */
static int add_keyword(gg_glossary *g, gg_i_entry_names *n, const char *item)
{
	return append_string(g, &n->keywords, &n->n_keywords, item);
}

/*
 * A header item read as an abbreviation of its entry ("NETWORKING") that is
 * a category elsewhere in the glossary is no name of the entry: it would
 * make the entry the target of that whole category. It becomes the entry's
 * category when it is the trailing item, one more keyword otherwise, unless
 * the entry's own parenthesis or bold opening gives the same abbreviation.
 */
static int drop_category_abbrevs(gg_glossary *g, gg_i_entry_names *n, const gg_i_strmap *categories)
{
	size_t kept = n->first_item_abbrev;
	for (size_t k = n->first_item_abbrev; k < n->n_abbrevs; k++) {
		const char *a = n->abbrevs[k];
		const char *key = gg_i_name_key(&g->arena, a, strlen(a));
		uint32_t unused;
		if (!key)
			return gg_i_error_oom();
		bool category = gg_i_strmap_get(categories, key, &unused);
		for (size_t j = 0; j < n->first_item_abbrev && category; j++)
			category = gg_i_strcasecmp(n->abbrevs[j], a) != 0;
		if (!category) {
			n->abbrevs[kept++] = a;
			continue;
		}
		int err = 0;
		if (n->last_item || k + 1 < n->n_abbrevs)
			err = add_keyword(g, n, a);
		else
			n->category = a;
		if (err)
			return err;
	}
	n->n_abbrevs = kept;
	return 0;
}

/*
 * Decide each entry's trailing header item: a category when the header's
 * shape says so, or when that item is a category elsewhere in the glossary;
 * otherwise it is one more keyword. Header abbreviations that are
 * categories elsewhere are categories or keywords (drop_category_abbrevs).
 */
static int decide_categories(gg_glossary *g)
{
	gg_i_strmap categories = GG_STRMAP_INIT;
	int err = 0;
	const char **keys = calloc(g->n_entries ? g->n_entries : 1, sizeof(*keys));
	if (!keys)
		return gg_i_error_oom();
	for (size_t i = 0; i < g->n_entries && !err; i++) {
		const char *last = g->names[i].last_item;
		if (!last)
			continue;
		if (!(keys[i] = gg_i_name_key(&g->arena, last, strlen(last))))
			err = gg_i_error_oom();
		else if (g->names[i].category_shaped && gg_i_strmap_put(&categories, keys[i], 1, NULL) < 0)
			err = GG_ENOMEM;
	}
	for (size_t i = 0; i < g->n_entries && !err; i++) {
		gg_i_entry_names *n = &g->names[i];
		uint32_t unused;
		if (n->n_abbrevs > n->first_item_abbrev && (err = drop_category_abbrevs(g, n, &categories)))
			break;
		if (!n->last_item)
			continue;
		if (n->category_shaped || gg_i_strmap_get(&categories, keys[i], &unused)) {
			n->category = n->last_item;
			continue;
		}
		err = add_keyword(g, n, n->last_item);
	}
	free(keys);
	gg_i_strmap_free(&categories);
	return err;
}

/*
 * Join `entry` to the entries that first had this name key. A name in
 * capitals and one that only differs from it in case ("HEAD", "head") stay
 * apart (join_case_variants decides); "URLs" and "URL" meet. A key
 * without a letter or digit ("...") joins nothing. Returns 0 or GG_ENOMEM.
 */
static int join_by_key(build_state *st, const char *key, const char *spelling, uint32_t entry)
{
	uint32_t other;
	if (!gg_i_name_has_alnum(key))
		return 0;
	bool caps = gg_i_name_is_capitals(spelling);
	size_t n = strlen(spelling);
	const char *trimmed = gg_i_trim(spelling, &n);
	char *lower = gg_i_arena_strndup(&st->g->arena, trimmed, n);
	if (!lower)
		return gg_i_error_oom();
	for (char *p = lower; *p; p++)
		*p = gg_i_ascii_lower(*p);
	if (gg_i_strmap_put(caps ? &st->caps_spelt : &st->spelt, lower, entry, NULL) < 0)
		return GG_ENOMEM;
	int r = gg_i_strmap_put(caps ? &st->caps_names : &st->names, key, entry, &other);
	if (r < 0)
		return r;
	if (r == 0)
		join(st->parent, entry, other);
	/* the other case's names, unless this one is spelt as one of them */
	if (!gg_i_strmap_get(caps ? &st->spelt : &st->caps_spelt, lower, &other) &&
	    gg_i_strmap_get(caps ? &st->names : &st->caps_names, key, &other))
		join(st->parent, entry, other);
	return 0;
}

/* Entries whose name is another's plus a qualifier join that other. */
static int join_qualified(build_state *st, const char *key, uint32_t entry)
{
	size_t base = gg_i_name_qualified_base(key);
	if (!base)
		return 0;
	char *base_key = gg_i_strndup(key, base);
	if (!base_key)
		return gg_i_error_oom();
	uint32_t other;
	if (gg_i_strmap_get(&st->names, base_key, &other) || gg_i_strmap_get(&st->caps_names, base_key, &other))
		join(st->parent, entry, other);
	free(base_key);
	return 0;
}

/* Whether two entries have the same definition, byte for byte. */
static bool same_definition(const gg_entry *a, const gg_entry *b)
{
	return a->definition_len == b->definition_len &&
	       memcmp(a->definition, b->definition, a->definition_len) == 0;
}

/*
 * "HEAD" and "head" are one concept only when they are one entry spelt
 * twice: the entry in capitals joins the other when their definitions are
 * the same; two definitions make two concepts.
 */
static void join_case_variants(build_state *st)
{
	gg_glossary *g = st->g;
	for (uint32_t i = 0; i < g->n_entries; i++) {
		const char *keys[2] = { st->term_keys[i], st->bold_keys[i] };
		const char *spellings[2] = { g->names[i].term, g->names[i].bold };
		for (size_t k = 0; k < 2; k++) {
			uint32_t other;
			if (keys[k] && gg_i_name_is_capitals(spellings[k]) &&
			    gg_i_strmap_get(&st->names, keys[k], &other) &&
			    same_definition(&g->entries[i], &g->entries[other]))
				join(st->parent, i, other);
		}
	}
}

/* The entry `name` names by name or abbreviation, in *out; whether one does. */
static bool find_entry(const build_state *st, const gg_i_strmap *abbrevs, const char *name, uint32_t *out)
{
	char *key = gg_i_name_key(&st->g->arena, name, strlen(name));
	bool caps = gg_i_name_is_capitals(name);
	return key && (gg_i_strmap_get(caps ? &st->caps_names : &st->names, key, out) ||
		       gg_i_strmap_get(caps ? &st->names : &st->caps_names, key, out) ||
		       gg_i_strmap_get(abbrevs, key, out));
}

/*
 * Whether `target` lists several names ("little-endian and big-endian",
 * "either switches or modifiers", "a, b, and c") one of which names an
 * entry: a pointer to several entries, not a redirect to one.
 */
static bool names_several(const build_state *st, const gg_i_strmap *abbrevs, const char *target)
{
	static const char *const joints[] = { ", and ", ", or ", ", ", " and ", " or " };
	char part[128];
	const char *p = strncmp(target, "either ", 7) == 0 ? target + 7 : target;
	size_t parts = 0;
	bool names_one = false;
	while (*p) {
		size_t n = strlen(p), skip = 0;
		for (size_t k = 0; k < sizeof(joints) / sizeof(*joints); k++) {
			const char *j = strstr(p, joints[k]);
			if (j && (size_t)(j - p) < n) {
				n = (size_t)(j - p);
				skip = strlen(joints[k]);
			}
		}
		uint32_t unused;
		snprintf(part, sizeof(part), "%.*s", (int)n, p);
		names_one |= find_entry(st, abbrevs, part, &unused);
		parts++;
		p += n + skip;
	}
	return parts >= 2 && names_one;
}

/*
 * The target of the editor link whose text is the redirect's target
 * ("See <a href="#num-arg">Glossary: Numeric Argument</a>."): where the
 * shown words are a section's, the link says which entry they send the
 * reader to. NULL when no link of e shows exactly `target`.
 */
static const char *redirect_link(const gg_entry *e, const char *target)
{
	size_t n = strlen(target);
	for (size_t k = 0; k < e->n_xrefs; k++) {
		const gg_xref *x = &e->xrefs[k];
		if (x->len == n && x->offset + n <= e->definition_len && memcmp(e->definition + x->offset, target, n) == 0)
			return x->target;
	}
	return NULL;
}

/*
 * An entry whose whole definition sends the reader to another entry
 * ("Record: see Tuple", "See Tuple.") joins the one it names, by name or
 * abbreviation, else the one an editor link showing that name points to;
 * its names become that concept's aliases. One that points to several
 * entries is kept as it is; a target that names no entry is reported and
 * the entry kept as one of its own.
 */
static int join_redirects(build_state *st)
{
	gg_glossary *g = st->g;
	gg_i_strmap abbrevs = GG_STRMAP_INIT; /* abbreviation key -> first entry */
	int err = 0;
	for (uint32_t i = 0; i < g->n_entries && !err; i++) {
		for (size_t k = 0; k < g->names[i].n_abbrevs && !err; k++) {
			const char *a = g->names[i].abbrevs[k];
			const char *key = gg_i_name_key(&g->arena, a, strlen(a));
			err = !key ? gg_i_error_oom() : gg_i_strmap_put(&abbrevs, key, i, NULL) < 0 ? GG_ENOMEM : 0;
		}
	}
	for (uint32_t i = 0; i < g->n_entries && !err; i++) {
		gg_i_entry_names *n = &g->names[i];
		if (!n->redirect)
			continue;
		uint32_t target;
		const char *link = NULL;
		bool found = find_entry(st, &abbrevs, n->redirect, &target) ||
			     ((link = redirect_link(&g->entries[i], n->redirect)) && find_entry(st, &abbrevs, link, &target));
		if (found && find_root(st->parent, target) != find_root(st->parent, i)) {
			join(st->parent, i, target);
			n->redirected = true;
		} else if (!found && !names_several(st, &abbrevs, n->redirect)) {
			const gg_entry *e = &g->entries[i];
			err = gg_i_glossary_warn(g, e->file, e->line,
						 "'%.80s' sends the reader to '%.80s', which names no entry; kept as an entry",
						 n->term, n->redirect);
		}
	}
	gg_i_strmap_free(&abbrevs);
	return err;
}

/*
 * An entry named only by an abbreviation ("nerf", "neural ode") joins the
 * group that spells that abbreviation out, when exactly one group does.
 */
static int join_abbreviations(build_state *st)
{
	gg_glossary *g = st->g;
	gg_i_strmap owner = GG_STRMAP_INIT; /* abbrev key -> root, or UINT32_MAX */
	int err = 0;
	for (uint32_t i = 0; i < g->n_entries && !err; i++) {
		for (size_t k = 0; k < g->names[i].n_abbrevs && !err; k++) {
			const char *a = g->names[i].abbrevs[k];
			const char *key = gg_i_name_key(&g->arena, a, strlen(a));
			uint32_t root = find_root(st->parent, i), existing;
			if (!key) {
				err = gg_i_error_oom();
				break;
			}
			int r = gg_i_strmap_put(&owner, key, root, &existing);
			if (r < 0)
				err = r;
			else if (r == 0 && existing != root)
				gg_i_strmap_set(&owner, key, UINT32_MAX); /* several groups: ambiguous */
		}
	}
	for (uint32_t i = 0; i < g->n_entries && !err; i++) {
		const char *keys[2] = { st->term_keys[i], st->bold_keys[i] };
		for (size_t k = 0; k < 2; k++) {
			uint32_t root;
			if (keys[k] && gg_i_strmap_get(&owner, keys[k], &root) && root != UINT32_MAX)
				join(st->parent, i, root);
		}
	}
	gg_i_strmap_free(&owner);
	return err;
}

/* Join by key each of the names in names[0, n) of entry i. */
static int join_names(build_state *st, const char *const *names, size_t n, uint32_t i)
{
	int err = 0;
	for (size_t k = 0; k < n && !err; k++) {
		const char *key = gg_i_name_key(&st->g->arena, names[k], strlen(names[k]));
		err = key ? join_by_key(st, key, names[k], i) : gg_i_error_oom();
	}
	return err;
}

static int merge_entries(build_state *st)
{
	gg_glossary *g = st->g;
	int err = 0;
	for (uint32_t i = 0; i < g->n_entries && !err; i++) {
		const gg_entry *e = &g->entries[i];
		const gg_i_entry_names *n = &g->names[i];
		err = join_by_key(st, st->term_keys[i], n->term, i);
		if (!err && st->bold_keys[i])
			err = join_by_key(st, st->bold_keys[i], n->bold, i);
		if (!err)
			err = join_names(st, e->names, e->n_names, i);
		if (!err)
			err = join_names(st, n->aliases, n->n_aliases, i);
	}
	join_case_variants(st);
	for (uint32_t i = 0; i < g->n_entries && !err; i++) {
		err = join_qualified(st, st->term_keys[i], i);
		if (!err && st->bold_keys[i])
			err = join_qualified(st, st->bold_keys[i], i);
	}
	if (!err)
		err = join_abbreviations(st);
	return err ? err : join_redirects(st);
}

/* ---- assembling concepts --------------------------------------------- */

typedef struct named {
	const char *key;
	const char *spelling;
	bool counted; /* counts towards the display name */
} named;

static int compare_named(const void *a, const void *b)
{
	const named *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : strcmp(x->spelling, y->spelling);
}

static size_t count_upper(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s >= 'A' && *s <= 'Z';
	return n;
}

typedef struct name_set {
	named *items;
	size_t n, cap;
} name_set;

/* Add a spelling and its key to the set; a key without a letter or digit
 * names nothing and is left out. `counted`: it counts towards the display
 * name. Returns 0 or GG_ENOMEM. */
static int name_set_add(gg_glossary *g, name_set *set, const char *spelling, bool counted)
{
	const char *key = gg_i_name_key(&g->arena, spelling, strlen(spelling));
	if (!key)
		return gg_i_error_oom();
	if (!gg_i_name_has_alnum(key))
		return 0;
	if (GG_ARRAY_PUSH_SLOT(set->items, set->n, set->cap))
		return GG_ENOMEM;
	set->items[set->n++] = (named){ key, spelling, counted };
	return 0;
}

/* Whether the collapsed (sorted, one per key) set holds `key`. O(log n). */
static bool name_set_has(const name_set *set, const char *key)
{
	size_t lo = 0, hi = set->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(set->items[mid].key, key);
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/*
 * Sort the set and collapse it to one spelling per key (the one with the
 * most capitals: a bold "Neural Radiance Fields" over a header's lower
 * case). counts[i] gets how often key i occurred counted. Returns the new
 * length.
 */
static size_t collapse(name_set *set, size_t *counts)
{
	if (set->n)
		qsort(set->items, set->n, sizeof(*set->items), compare_named);
	size_t out = 0;
	for (size_t i = 0; i < set->n;) {
		size_t j = i, best = i, counted = 0;
		while (j < set->n && strcmp(set->items[j].key, set->items[i].key) == 0) {
			if (count_upper(set->items[j].spelling) > count_upper(set->items[best].spelling))
				best = j;
			counted += set->items[j].counted;
			j++;
		}
		if (counts)
			counts[out] = counted;
		set->items[out++] = set->items[best];
		i = j;
	}
	set->n = out;
	return out;
}

/* The spellings of the set but its item skip_index and the keys of the
 * collapsed set `exclude`, in the arena; NULL when out of memory. */
static const char **spellings_to_arena(gg_glossary *g, const name_set *set, size_t skip_index,
				       const name_set *exclude, size_t *n_out)
{
	const char **out = gg_i_arena_alloc(&g->arena, (set->n ? set->n : 1) * sizeof(*out));
	size_t n = 0;
	if (!out)
		return NULL;
	for (size_t i = 0; i < set->n; i++) {
		bool excluded = i == skip_index || (exclude && name_set_has(exclude, set->items[i].key));
		if (!excluded)
			out[n++] = set->items[i].spelling;
	}
	*n_out = n;
	return out;
}

/* Entries of a concept whose definitions cased_abbreviation reads: a
 * concept of many entries and many abbreviations costs no more than this. */
#define CASING_ENTRIES 16

/*
 * An abbreviation known only in lower case ("ntk" in a header) takes the
 * capitals its own definitions (the concept's first CASING_ENTRIES) write
 * it with, or else upper case.
 */
static const char *cased_abbreviation(gg_glossary *g, const gg_concept *c, const char *abbr)
{
	if (count_upper(abbr))
		return abbr;
	size_t n = strlen(abbr);
	for (size_t k = 0; k < c->n_entries && k < CASING_ENTRIES; k++) {
		const gg_entry *e = &g->entries[c->entries[k]];
		for (const char *p = e->definition; *p; p++) {
			if (gg_i_ascii_lower(*p) != abbr[0] || strncasecmp(p, abbr, n) != 0)
				continue;
			bool left = p == e->definition || !gg_i_is_word_byte((unsigned char)p[-1]);
			bool right = !gg_i_is_word_byte((unsigned char)p[n]);
			if (left && right && memcmp(p, abbr, n) != 0)
				return gg_i_arena_strndup(&g->arena, p, n);
		}
	}
	char *upper = gg_i_arena_strndup(&g->arena, abbr, n);
	for (char *p = upper; p && *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return upper;
}

static int assemble_concept(gg_glossary *g, gg_concept *c)
{
	name_set names = { 0 }, abbrevs = { 0 }, cats = { 0 }, kws = { 0 };
	size_t *counts = NULL;
	int err = 0;

	for (size_t k = 0; k < c->n_entries && !err; k++) {
		const gg_i_entry_names *n = &g->names[c->entries[k]];
		const gg_entry *e = &g->entries[c->entries[k]];
		bool counted = !n->redirected; /* a redirect's names are aliases */
		if (!gg_i_name_has_alnum(n->term))
			err = gg_i_glossary_warn(g, e->file, e->line,
						 "'%.80s' has no letter or digit: the name only of an entry with no other", n->term);
		if (!err)
			err = name_set_add(g, &names, n->term, counted);
		if (!err && n->bold)
			err = name_set_add(g, &names, n->bold, counted);
		/* of several names an entry gives (<dt>s, aliases, altLabels), the
		 * first leads: the others do not count towards the display name */
		for (size_t a = 0; a < e->n_names && !err; a++)
			err = name_set_add(g, &names, e->names[a], false);
		for (size_t a = 0; a < n->n_aliases && !err; a++)
			err = name_set_add(g, &names, n->aliases[a], false);
		for (size_t a = 0; a < n->n_abbrevs && !err; a++)
			err = name_set_add(g, &abbrevs, n->abbrevs[a], true);
		if (!err && n->category)
			err = name_set_add(g, &cats, n->category, true);
		for (size_t a = 1; a < e->n_categories && !err; a++)
			err = name_set_add(g, &cats, e->categories[a], true);
		for (size_t a = 0; a < n->n_keywords && !err; a++)
			err = name_set_add(g, &kws, n->keywords[a], true);
	}
	if (err)
		goto cleanup;
	if (!names.n) { /* a name of punctuation only: keep it as written */
		const char *h = g->names[c->entries[0]].term;
		if (GG_ARRAY_PUSH_SLOT(names.items, names.n, names.cap)) {
			err = GG_ENOMEM;
			goto cleanup;
		}
		names.items[names.n++] = (named){ h, h, true };
	}
	if (!(counts = malloc(names.n * sizeof(*counts)))) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	collapse(&names, counts);
	collapse(&abbrevs, NULL);
	/* the display name: a spelled-out name before an abbreviation ("operating
	 * system", not "OS"), then the most frequent, then the shortest */
	size_t best = 0;
	bool best_abbrev = name_set_has(&abbrevs, names.items[0].key);
	for (size_t i = 1; i < names.n; i++) {
		size_t lb = strlen(names.items[best].key), li = strlen(names.items[i].key);
		bool abbrev = name_set_has(&abbrevs, names.items[i].key);
		if (abbrev != best_abbrev) {
			if (!abbrev) {
				best = i;
				best_abbrev = false;
			}
			continue;
		}
		if (counts[i] > counts[best] || (counts[i] == counts[best] && li < lb))
			best = i;
	}
	c->name = names.items[best].spelling;
	collapse(&cats, NULL);
	collapse(&kws, NULL);
	c->aliases = spellings_to_arena(g, &names, best, NULL, &c->n_aliases);
	c->abbrevs = spellings_to_arena(g, &abbrevs, SIZE_MAX, NULL, &c->n_abbrevs);
	c->categories = spellings_to_arena(g, &cats, SIZE_MAX, NULL, &c->n_categories);
	name_set taken = names;
	c->keywords = spellings_to_arena(g, &kws, SIZE_MAX, &taken, &c->n_keywords);
	if (!c->aliases || !c->abbrevs || !c->categories || !c->keywords) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	for (size_t i = 0; i < c->n_abbrevs; i++)
		if (!(c->abbrevs[i] = cased_abbreviation(g, c, c->abbrevs[i])))
			err = gg_i_error_oom();
cleanup:
	free(counts);
	free(names.items);
	free(abbrevs.items);
	free(cats.items);
	free(kws.items);
	return err;
}

static int assemble_concepts(gg_glossary *g, uint32_t *parent)
{
	uint32_t *concept_of_root = malloc(g->n_entries * sizeof(*concept_of_root));
	size_t *members = malloc(g->n_entries * sizeof(*members));
	size_t *start = NULL;
	int err = 0;
	if (!concept_of_root || !members) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	size_t n = 0;
	for (uint32_t i = 0; i < g->n_entries; i++) {
		uint32_t r = find_root(parent, i);
		if (r == i)
			concept_of_root[i] = (uint32_t)n++;
		g->entries[i].concept = concept_of_root[r];
	}
	g->concepts = calloc(n, sizeof(*g->concepts));
	start = calloc(n + 1, sizeof(*start));
	if (!g->concepts || !start) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	g->n_concepts = n;
	/* counting sort of entries by concept keeps each concept's entries in order */
	for (size_t i = 0; i < g->n_entries; i++)
		start[g->entries[i].concept + 1]++;
	for (size_t c = 0; c < n; c++)
		start[c + 1] += start[c];
	for (size_t i = 0; i < g->n_entries; i++)
		members[start[g->entries[i].concept]++] = i;
	for (size_t c = 0, from = 0; c < n && !err; c++) {
		gg_concept *concept = &g->concepts[c];
		size_t *list = gg_i_arena_alloc(&g->arena, (start[c] - from) * sizeof(*list));
		if (!list) {
			err = gg_i_error_oom();
			break;
		}
		memcpy(list, members + from, (start[c] - from) * sizeof(*list));
		concept->kind = GG_CONCEPT_TERM;
		concept->entries = list;
		concept->n_entries = start[c] - from;
		from = start[c];
		err = assemble_concept(g, concept);
	}
	g->stats.concepts = n;
cleanup:
	free(concept_of_root);
	free(members);
	free(start);
	return err;
}

/* ---- lookup and keyword nodes ---------------------------------------- */

/*
 * Make `spelling` find `concept` (gg_i_glossary_lookup_key), unless an
 * earlier one has its key; names in capitals go to their own map, so that
 * "HEAD" and "head" can find two concepts. Returns 0 or GG_ENOMEM.
 */
static int index_name(gg_glossary *g, const char *spelling, uint32_t concept,
		      bool report_collision)
{
	const char *key = gg_i_glossary_lookup_key(&g->arena, spelling);
	uint32_t owner;
	if (!key)
		return gg_i_error_oom();
	if (!key[0])
		return 0;
	bool caps = gg_i_name_is_capitals(spelling);
	int r = gg_i_strmap_put(caps ? &g->lookup_caps : &g->lookup, key, concept, &owner);
	if (r < 0)
		return r;
	if (r > 0 && caps && !gg_i_strmap_get(&g->lookup, key, &owner))
		owner = concept;
	if (owner != concept && report_collision)
		return gg_i_glossary_diag(g, GG_DIAG_NOTE, NULL, 0,
					  "abbreviation '%s' of '%s' also names '%s'", spelling,
					  g->concepts[concept].name, g->concepts[owner].name);
	return 0;
}

/* Append `name` to the concept's aliases (arena). Returns 0 or GG_ENOMEM. */
static int add_alias(gg_glossary *g, gg_concept *c, const char *name)
{
	return append_string(g, &c->aliases, &c->n_aliases, name);
}

/*
 * "Handler (callback)" is also "handler": the bare name before a
 * qualifying parenthesis becomes an alias of its concept, unless another
 * concept has that name already or several concepts qualify it.
 */
static int add_bare_names(gg_glossary *g)
{
	gg_i_strmap bare = GG_STRMAP_INIT; /* key -> concept, UINT32_MAX: several */
	const char **keys = calloc(g->n_entries ? g->n_entries : 1, sizeof(*keys)); /* per entry, made once */
	int err = keys ? 0 : gg_i_error_oom();
	for (size_t i = 0; i < g->n_entries && !err; i++) {
		const char *name = g->names[i].bare;
		uint32_t c = (uint32_t)g->entries[i].concept, owner;
		if (!name)
			continue;
		const char *key = gg_i_glossary_lookup_key(&g->arena, name);
		if (!key) {
			err = gg_i_error_oom();
			break;
		}
		if (!key[0] || gg_i_glossary_lookup(g, key, false, &owner))
			continue;
		keys[i] = key;
		int r = gg_i_strmap_put(&bare, key, c, &owner);
		if (r < 0)
			err = r;
		else if (r == 0 && owner != c)
			gg_i_strmap_set(&bare, key, UINT32_MAX);
	}
	for (size_t i = 0; i < g->n_entries && !err; i++) {
		uint32_t c = (uint32_t)g->entries[i].concept, owner;
		const char *key = keys[i];
		if (key && gg_i_strmap_get(&bare, key, &owner) && owner == c) {
			gg_i_strmap_set(&bare, key, UINT32_MAX); /* once */
			err = add_alias(g, &g->concepts[c], g->names[i].bare);
			if (!err)
				err = gg_i_strmap_put(&g->lookup, key, c, NULL) < 0 ? GG_ENOMEM : 0;
		}
	}
	free(keys);
	gg_i_strmap_free(&bare);
	return err;
}

static size_t word_count(const char *s)
{
	size_t n = 0;
	for (size_t i = 0; s[i]; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			n++;
	return n;
}

/*
 * Header keywords of two words or more that name no concept become keyword
 * nodes ("lottery ticket hypothesis"), one per distinct key.
 */
static int add_keyword_nodes(gg_glossary *g)
{
	size_t terms = g->n_concepts, cap = g->n_concepts;
	for (size_t c = 0; c < terms; c++) {
		for (size_t k = 0; k < g->concepts[c].n_keywords; k++) {
			const char *kw = g->concepts[c].keywords[k];
			const char *key = gg_i_name_key(&g->arena, kw, strlen(kw));
			uint32_t owner;
			if (!key)
				return gg_i_error_oom();
			if (word_count(key) < 2 || gg_i_glossary_lookup(g, key, false, &owner))
				continue;
			if (gg_i_array_grow((void **)&g->concepts, &cap, g->n_concepts, sizeof(*g->concepts)))
				return GG_ENOMEM;
			gg_concept *node = &g->concepts[g->n_concepts];
			memset(node, 0, sizeof(*node));
			node->kind = GG_CONCEPT_KEYWORD;
			node->name = kw;
			if (gg_i_strmap_put(&g->lookup, key, (uint32_t)g->n_concepts, NULL) < 0)
				return GG_ENOMEM;
			g->n_concepts++;
			g->stats.keywords++;
		}
	}
	return 0;
}

static int build_lookup(gg_glossary *g)
{
	int err = 0;
	for (uint32_t c = 0; c < g->n_concepts && !err; c++)
		err = index_name(g, g->concepts[c].name, c, false);
	for (uint32_t c = 0; c < g->n_concepts && !err; c++)
		for (size_t k = 0; k < g->concepts[c].n_aliases && !err; k++)
			err = index_name(g, g->concepts[c].aliases[k], c, false);
	for (uint32_t c = 0; c < g->n_concepts && !err; c++)
		for (size_t k = 0; k < g->concepts[c].n_abbrevs && !err; k++)
			err = index_name(g, g->concepts[c].abbrevs[k], c, true);
	if (!err)
		err = add_bare_names(g);
	return err ? err : add_keyword_nodes(g);
}

void gg_build_options_init(gg_build_options *o)
{
	o->threads = 0;
	o->progress = (gg_progress){ 0 };
}

int gg_glossary_build(gg_glossary *g, const gg_build_options *o)
{
	if (g->built || g->failed)
		return gg_i_error_set(GG_EINVAL, g->built ? "the glossary is already built"
						       : "the glossary failed to build; free it");
	if (g->n_entries == 0)
		return gg_i_error_set(GG_EINPUT, "no glossary entries found in the input");
	if (g->stats.entries > UINT32_MAX - 1)
		return gg_i_error_set(GG_ELIMIT, "more than %u entries", UINT32_MAX - 1);

	build_state st = { g, NULL, NULL, NULL, GG_STRMAP_INIT, GG_STRMAP_INIT,
			   GG_STRMAP_INIT, GG_STRMAP_INIT };
	const gg_progress *progress = o ? &o->progress : NULL;
	gg_i_progress(progress, GG_STAGE_MODEL, 0);
	int err = sort_entries(g);
	if (!err)
		err = drop_duplicates(g);
	if (err)
		goto cleanup; /* duplicates may be dropped in part: the glossary is failed */
	g->names = calloc(g->n_entries, sizeof(*g->names));
	st.parent = malloc(g->n_entries * sizeof(*st.parent));
	st.term_keys = calloc(g->n_entries, sizeof(*st.term_keys));
	st.bold_keys = calloc(g->n_entries, sizeof(*st.bold_keys));
	if (!g->names || !st.parent || !st.term_keys || !st.bold_keys) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	for (uint32_t i = 0; i < g->n_entries; i++)
		st.parent[i] = i;
	/* reported between the steps, at the share of the time each took at 1M entries */
	gg_i_progress(progress, GG_STAGE_MODEL, 0.1);
	if ((err = parse_all(&st, o ? o->threads : 0)) || (err = decide_categories(g)))
		goto cleanup;
	gg_i_progress(progress, GG_STAGE_MODEL, 0.5);
	if ((err = merge_entries(&st)))
		goto cleanup;
	gg_i_progress(progress, GG_STAGE_MODEL, 0.7);
	if ((err = assemble_concepts(g, st.parent)))
		goto cleanup;
	gg_i_progress(progress, GG_STAGE_MODEL, 0.85);
	if ((err = build_lookup(g)))
		goto cleanup;
	gg_i_progress(progress, GG_STAGE_MODEL, 1);
	g->built = true;
cleanup:
	g->failed = err != 0;
	free(st.parent);
	free(st.term_keys);
	free(st.bold_keys);
	gg_i_strmap_free(&st.names);
	gg_i_strmap_free(&st.caps_names);
	gg_i_strmap_free(&st.spelt);
	gg_i_strmap_free(&st.caps_spelt);
	return err;
}
