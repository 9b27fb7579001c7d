/*
 * linker.c - gg_links_new: finds every mention of one concept in another's
 * definitions with one automaton pass per definition, then decides which
 * links are specific enough for the default graph (README, "Linking").
 */
#include "link/links.h"
#include "link/automaton.h"
#include "link/context.h"
#include "link/forms.h"
#include "model/model.h"
#include "core/error.h"
#include "core/strmap.h"
#include "core/text.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_DICTIONARY "/usr/share/dict/words"
#define SNIPPET_CONTEXT 60
/* Below this much text one thread does it all. */
#define THREAD_MIN_BYTES (1u << 20)
#define MAX_THREADS 64

void gg_link_options_init(gg_link_options *o)
{
	memset(o, 0, sizeof(*o));
	o->generic_fraction = 0.004;
	o->specific_factor = 4.0;
	o->generic_floor = 5;
	o->min_weight = 1;
	o->dictionary = DEFAULT_DICTIONARY;
}

/* What one source's definitions say of one target. */
typedef struct pair {
	uint32_t source, target;
	uint32_t weight;
	uint32_t entry;      /* entry holding the first mention */
	size_t start, end;   /* the first mention in that definition */
	gg_match_rule rule;
	bool cued;           /* some mention follows a cue */
	bool all_clash;      /* every mention clashes in case */
	bool any_clean;      /* some mention does not */
} pair;

typedef struct linker {
	const gg_glossary *g;
	const gg_link_options *opt;
	gg_automaton *automaton;
	gg_forms forms;
} linker;

typedef struct worker {
	const linker *lk;
	size_t from, to;     /* concepts [from, to) */
	pair *pairs;
	size_t n, cap;
	uint32_t *stamp;     /* per target: source + 1 that last mentioned it */
	uint32_t *slot;      /* per target: its pair in `pairs` */
	uint64_t bytes;
	int err;
	char message[256];   /* the error message, from this thread's slot */
	gg_buf view;         /* the text as the matcher sees it (see scan_view) */
	/* the definition being scanned */
	uint32_t source, entry;
	const char *text;
	size_t last_end;
	bool last_cued;
} worker;

static bool has_upper(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			return true;
	return false;
}

static int record_mention(worker *w, const gg_match *m, uint32_t target, gg_match_rule rule,
			  bool cued)
{
	const linker *lk = w->lk;
	bool clash = has_upper(w->text + m->start, m->end - m->start) &&
		     !lk->forms.has_capital[target] && !gg_i_sentence_start(w->text, m->start);
	if (w->stamp[target] == w->source + 1) {
		pair *p = &w->pairs[w->slot[target]];
		p->weight++;
		p->cued |= cued;
		p->all_clash &= clash;
		p->any_clean |= !clash;
		return 0;
	}
	if (GG_ARRAY_PUSH_SLOT(w->pairs, w->n, w->cap))
		return GG_ENOMEM;
	if (rule == GG_RULE_EXACT) {
		const char *name = gg_glossary_concept(lk->g, target)->name;
		if (strncmp(name, w->text + m->start, m->end - m->start) != 0)
			rule = GG_RULE_CASE_FOLDED;
	}
	w->stamp[target] = w->source + 1;
	w->slot[target] = (uint32_t)w->n;
	w->pairs[w->n++] = (pair){ w->source, target, 1, w->entry, m->start, m->end, rule,
				   cued, clash, !clash };
	return 0;
}

/*
 * A surface that names more concepts than this (an abbreviation many terms
 * share) is ambiguous: it links to none of them. `check` lists collisions.
 */
#define MAX_SHARED_SURFACE 3

static int on_match(const gg_match *m, void *payload)
{
	worker *w = payload;
	const gg_forms *forms = &w->lk->forms;
	bool cued = gg_i_after_cue(w->text, m->start) ||
		    (w->last_cued && gg_i_list_glue(w->text, w->last_end, m->start));
	w->last_end = m->end;
	w->last_cued = cued;
	/* ids come sorted, and each concept's forms have neighbouring ids */
	size_t concepts = 0;
	for (size_t i = 0; i < m->n_ids; i++)
		concepts += i == 0 || forms->items[m->ids[i]].concept != forms->items[m->ids[i - 1]].concept;
	if (concepts > MAX_SHARED_SURFACE)
		return 0;
	for (size_t i = 0; i < m->n_ids; i++) {
		const gg_form *f = &forms->items[m->ids[i]];
		if (i > 0 && forms->items[m->ids[i - 1]].concept == f->concept)
			continue;
		if (f->concept == w->source)
			continue; /* a self mention uses up its text, and adds nothing */
		int err = record_mention(w, m, f->concept, f->rule, cued);
		if (err)
			return err;
	}
	return 0;
}

/* Whether UTF-8 sequence s[0..n) is typographic punctuation or a space. */
static bool is_typographic(const unsigned char *s, size_t n)
{
	if (n >= 2 && s[0] == 0xC2)
		return s[1] == 0xA0 || s[1] == 0xAB || s[1] == 0xBB; /* no-break space, guillemets */
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80)
		return (s[2] >= 0x93 && s[2] <= 0x9F) || /* dashes, curly quotes */
		       s[2] == 0xA6 || s[2] == 0xAF ||   /* ellipsis, narrow no-break space */
		       s[2] == 0xB9 || s[2] == 0xBA;     /* single guillemets */
	return false;
}

/*
 * The text as the matcher sees it: typographic quotes, dashes, ellipses,
 * guillemets and no-break spaces become spaces of the same length, so that
 * "‘cyberpunk’" or "kernel—" stand as words while every position stays the
 * position in the real text. Returns `text` itself when there is none.
 */
static const char *scan_view(gg_buf *view, const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;
	if (!memchr(text, 0xE2, len) && !memchr(text, 0xC2, len))
		return text;
	gg_buf_clear(view);
	gg_buf_put(view, text, len);
	if (view->oom)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (u[i] != 0xE2 && u[i] != 0xC2)
			continue;
		size_t n = u[i] == 0xC2 ? 2 : 3;
		if (is_typographic(u + i, len - i)) {
			memset(view->ptr + i, ' ', n);
			i += n - 1;
		}
	}
	return view->ptr;
}

static void *scan_range(void *arg)
{
	worker *w = arg;
	const gg_glossary *g = w->lk->g;
	for (size_t c = w->from; c < w->to && !w->err; c++) {
		const gg_concept *concept = gg_glossary_concept(g, c);
		w->source = (uint32_t)c;
		for (size_t k = 0; k < concept->n_entries && !w->err; k++) {
			const gg_entry *e = gg_glossary_entry(g, concept->entries[k]);
			w->entry = (uint32_t)concept->entries[k];
			w->text = e->definition;
			w->last_end = 0;
			w->last_cued = false;
			w->bytes += e->definition_len;
			const char *view = scan_view(&w->view, e->definition, e->definition_len);
			w->err = view ? gg_automaton_scan(w->lk->automaton, view, e->definition_len,
							  on_match, w)
				      : gg_error_oom();
		}
	}
	if (w->err) /* the message slot is per thread: carry it home */
		snprintf(w->message, sizeof(w->message), "%s", gg_error_last());
	return NULL;
}

static unsigned thread_count(const gg_link_options *o, uint64_t bytes)
{
	if (bytes < THREAD_MIN_BYTES)
		return 1;
	long cores = o->threads ? (long)o->threads : sysconf(_SC_NPROCESSORS_ONLN);
	if (cores < 1)
		cores = 1;
	return cores > MAX_THREADS ? MAX_THREADS : (unsigned)cores;
}

/*
 * Scan every definition, on several threads when there is enough text, each
 * taking a run of concepts of about equal bytes. The pairs come out ordered
 * by source. Returns 0 or an error; *out is malloc'd.
 */
static int scan_all(const linker *lk, pair **out, size_t *n_out, uint64_t *bytes_out)
{
	const gg_glossary *g = lk->g;
	size_t n_concepts = gg_glossary_concept_count(g);
	uint64_t total = 0;
	for (size_t i = 0; i < gg_glossary_entry_count(g); i++)
		total += gg_glossary_entry(g, i)->definition_len;
	unsigned threads = thread_count(lk->opt, total);
	worker workers[MAX_THREADS];
	pthread_t ids[MAX_THREADS];
	int err = 0;

	memset(workers, 0, sizeof(workers));
	uint64_t share = total / threads + 1, acc = 0;
	size_t c = 0;
	for (unsigned t = 0; t < threads; t++) {
		worker *w = &workers[t];
		w->lk = lk;
		w->from = c;
		while (c < n_concepts && (acc < share * (t + 1) || t + 1 == threads)) {
			const gg_concept *concept = gg_glossary_concept(g, c);
			for (size_t k = 0; k < concept->n_entries; k++)
				acc += gg_glossary_entry(g, concept->entries[k])->definition_len;
			c++;
		}
		w->to = c;
		w->stamp = calloc(n_concepts ? n_concepts : 1, sizeof(*w->stamp));
		w->slot = malloc((n_concepts ? n_concepts : 1) * sizeof(*w->slot));
		if (!w->stamp || !w->slot)
			err = gg_error_oom();
	}
	unsigned started = 0;
	if (!err && threads == 1) {
		scan_range(&workers[0]);
	} else if (!err) {
		for (; started < threads; started++)
			if (pthread_create(&ids[started], NULL, scan_range, &workers[started]) != 0)
				break;
		/* the ranges no thread could take are scanned here */
		for (unsigned t = started; t < threads; t++)
			scan_range(&workers[t]);
		for (unsigned t = 0; t < started; t++)
			pthread_join(ids[t], NULL);
	}

	size_t n = 0;
	*bytes_out = 0;
	for (unsigned t = 0; t < threads; t++) {
		n += workers[t].n;
		*bytes_out += workers[t].bytes;
		if (!err && workers[t].err)
			err = gg_error_set(workers[t].err, "%s", workers[t].message);
	}
	pair *all = err ? NULL : malloc((n ? n : 1) * sizeof(*all));
	if (!err && !all)
		err = gg_error_oom();
	for (unsigned t = 0, at = 0; t < threads; t++) {
		if (all && workers[t].n)
			memcpy(all + at, workers[t].pairs, workers[t].n * sizeof(*all));
		at += (unsigned)workers[t].n;
		free(workers[t].pairs);
		gg_buf_free(&workers[t].view);
		free(workers[t].stamp);
		free(workers[t].slot);
	}
	*out = all;
	*n_out = n;
	return err;
}

/* ---- deciding what the default graph keeps --------------------------- */

static size_t word_count(const char *s)
{
	size_t n = 0;
	for (size_t i = 0; s[i]; i++)
		if (s[i] != ' ' && s[i] != '-' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '-'))
			n++;
	return n;
}

/*
 * Mark the concepts whose name is one ordinary English word (found in the
 * dictionary, a word a line): in_dictionary[c]. The dictionary is read once,
 * streaming, looking up only the glossary's one-word names. A missing
 * default dictionary leaves every word ordinary; a missing named one is an
 * error.
 */
static int mark_dictionary_words(const gg_glossary *g, const char *path, bool *in_dictionary)
{
	size_t n = gg_glossary_concept_count(g);
	gg_strmap words = GG_STRMAP_INIT;
	char **lower = calloc(n ? n : 1, sizeof(*lower));
	int err = 0;
	if (!lower)
		return gg_error_oom();
	for (size_t c = 0; c < n && !err; c++) {
		const char *name = gg_glossary_concept(g, c)->name;
		if (word_count(name) != 1)
			continue;
		if (!(lower[c] = strdup(name))) {
			err = gg_error_oom();
			break;
		}
		for (char *p = lower[c]; *p; p++)
			*p = gg_ascii_lower(*p);
		if (gg_strmap_put(&words, lower[c], 0, NULL) < 0)
			err = GG_ENOMEM;
	}
	FILE *f = err ? NULL : fopen(path, "r");
	if (!err && !f) {
		bool missing_default = strcmp(path, DEFAULT_DICTIONARY) == 0;
		if (!missing_default)
			err = gg_error_set_errno(GG_EIO, errno, "cannot open dictionary '%s'", path);
		for (size_t c = 0; c < n; c++)
			in_dictionary[c] = lower[c] != NULL;
	}
	if (f) {
		char line[256];
		while (fgets(line, sizeof(line), f)) {
			line[strcspn(line, "\r\n")] = '\0';
			if (strstr(line, "'s"))
				continue;
			for (char *p = line; *p; p++)
				*p = gg_ascii_lower(*p);
			gg_strmap_set(&words, line, 1);
		}
		if (ferror(f))
			err = gg_error_set(GG_EIO, "cannot read dictionary '%s'", path);
		fclose(f);
		for (size_t c = 0; c < n; c++) {
			uint32_t v;
			in_dictionary[c] = lower[c] && gg_strmap_get(&words, lower[c], &v) && v;
		}
	}
	gg_strmap_free(&words);
	for (size_t c = 0; c < n; c++)
		free(lower[c]);
	free(lower);
	return err;
}

/* Concepts named in the stop-term file: stop[c]. */
static int mark_stop_terms(const gg_glossary *g, const char *path, bool *stop)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return gg_error_set_errno(GG_EIO, errno, "cannot open '%s'", path);
	char line[1024];
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		size_t n = strlen(line);
		const char *t = gg_trim(line, &n);
		if (!n || t[0] == '#')
			continue;
		char term[1024];
		memcpy(term, t, n);
		term[n] = '\0';
		size_t c;
		if (gg_glossary_find(g, term, &c) == 0)
			stop[c] = true;
		else
			gg_error_clear(); /* a stop term this glossary lacks is no error */
	}
	int err = ferror(f) ? gg_error_set(GG_EIO, "cannot read '%s'", path) : 0;
	fclose(f);
	return err;
}

/* Set of (source, target) pairs, for "does the target name the source back". */
typedef struct pair_set {
	uint64_t *keys; /* (source + 1) << 32 | target; 0 is empty */
	size_t cap;
} pair_set;

static uint64_t pair_key(uint32_t s, uint32_t t)
{
	return ((uint64_t)s + 1) << 32 | t;
}

static size_t pair_hash(uint64_t k, size_t cap)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k & (cap - 1);
}

static int pair_set_build(pair_set *set, const pair *pairs, size_t n)
{
	set->cap = 16;
	while (set->cap < n * 2)
		set->cap *= 2;
	if (!(set->keys = calloc(set->cap, sizeof(*set->keys))))
		return gg_error_oom();
	for (size_t i = 0; i < n; i++) {
		if (!pairs[i].any_clean)
			continue;
		uint64_t k = pair_key(pairs[i].source, pairs[i].target);
		size_t s = pair_hash(k, set->cap);
		while (set->keys[s] && set->keys[s] != k)
			s = (s + 1) & (set->cap - 1);
		set->keys[s] = k;
	}
	return 0;
}

static bool pair_set_has(const pair_set *set, uint32_t s, uint32_t t)
{
	uint64_t k = pair_key(s, t);
	for (size_t i = pair_hash(k, set->cap); set->keys[i]; i = (i + 1) & (set->cap - 1))
		if (set->keys[i] == k)
			return true;
	return false;
}

/*
 * The rule (README, "Linking"): a link is held back when every mention of
 * the target is capitalised in the text but never in the glossary (a title
 * word, not the term); otherwise it is kept when a cue introduces it, when
 * the target's definitions name the source back, or when no more than
 * f x N definitions name the target (K x f x N for a specific term: more
 * than one word, or not an ordinary English word), or no more than the
 * floor: in a small glossary a handful of mentions makes nothing generic.
 */
static gg_hold_reason decide(const gg_link_options *o, const pair *p, const uint32_t *df,
			     const bool *ordinary, const bool *stop, const pair_set *clean,
			     size_t n_terms)
{
	if (stop && stop[p->target])
		return GG_HELD_STOP_TERM;
	if (p->all_clash)
		return GG_HELD_CASE_CLASH;
	double limit = o->generic_fraction * (double)n_terms *
		       (ordinary[p->target] ? 1.0 : o->specific_factor);
	if (limit < o->generic_floor)
		limit = o->generic_floor;
	if (!p->cued && !pair_set_has(clean, p->target, p->source) && df[p->target] > limit)
		return GG_HELD_GENERIC;
	if (p->weight < o->min_weight)
		return GG_HELD_MIN_WEIGHT;
	return GG_HELD_NONE;
}

/* ---- evidence --------------------------------------------------------- */

/* Move i back (or forward) to the start of a UTF-8 character. */
static size_t char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* The text around [start, end) on one line, Markdown '**' dropped. */
static const char *make_snippet(gg_arena *a, const char *text, size_t len, size_t start, size_t end)
{
	size_t from = start > SNIPPET_CONTEXT ? char_start(text, start - SNIPPET_CONTEXT) : 0;
	size_t to = end + SNIPPET_CONTEXT < len ? char_start(text, end + SNIPPET_CONTEXT) : len;
	gg_buf b = GG_BUF_INIT;
	if (!gg_buf_reserve(&b, to - from + 6))
		return NULL;
	if (from > 0)
		gg_buf_puts(&b, "...");
	for (size_t i = from; i < to;) { /* runs between "**" markers */
		const char *star = memchr(text + i, '*', to - i);
		size_t run = star ? (size_t)(star - (text + i)) : to - i;
		gg_buf_put(&b, text + i, run);
		i += run;
		if (i < to) {
			bool marker = i + 1 < to && text[i + 1] == '*';
			if (!marker)
				gg_buf_putc(&b, '*');
			i += marker ? 2 : 1;
		}
	}
	for (size_t i = 0; i < b.len; i++)
		if (b.ptr[i] == '\n' || b.ptr[i] == '\r' || b.ptr[i] == '\t')
			b.ptr[i] = ' ';
	if (to < len)
		gg_buf_puts(&b, "...");
	const char *out = b.oom ? NULL : gg_arena_strndup(a, b.ptr ? b.ptr : "", b.len);
	gg_buf_free(&b);
	return out;
}

typedef struct edge_list {
	gg_edge *items;
	size_t n, cap;
	gg_arena strings;
} edge_list;

static int add_mention_edge(edge_list *out, const gg_glossary *g, const pair *p,
			    gg_hold_reason held, double specificity)
{
	const gg_entry *e = gg_glossary_entry(g, p->entry);
	if (GG_ARRAY_PUSH_SLOT(out->items, out->n, out->cap))
		return GG_ENOMEM;
	gg_edge *edge = &out->items[out->n++];
	memset(edge, 0, sizeof(*edge));
	edge->source = p->source;
	edge->target = p->target;
	edge->kind = GG_EDGE_MENTION;
	edge->rule = p->rule;
	edge->weight = p->weight;
	edge->specificity = specificity;
	edge->cued = p->cued;
	edge->held = held;
	edge->surface = gg_arena_strndup(&out->strings, e->definition + p->start, p->end - p->start);
	edge->file = e->file;
	edge->line = e->line;
	edge->offset = gg_glossary_file_offset(g, p->entry, p->start);
	edge->snippet = make_snippet(&out->strings, e->definition, e->definition_len, p->start, p->end);
	return edge->surface && edge->snippet ? 0 : gg_error_oom();
}

/*
 * Append an edge of the glossary's own structure (header, editor link) from
 * entry `e`'s concept to `target`: weight 1, fully specific, held back only
 * by a stop term. The strings must outlive the edge list.
 */
static int push_structural_edge(edge_list *out, const gg_entry *e, size_t target, gg_edge_kind kind,
				gg_match_rule rule, const char *surface, uint64_t offset,
				const char *snippet, const bool *stop)
{
	if (!surface || !snippet)
		return gg_error_oom();
	if (GG_ARRAY_PUSH_SLOT(out->items, out->n, out->cap))
		return GG_ENOMEM;
	gg_edge *edge = &out->items[out->n++];
	memset(edge, 0, sizeof(*edge));
	edge->source = e->concept;
	edge->target = target;
	edge->kind = kind;
	edge->rule = rule;
	edge->weight = 1;
	edge->specificity = 1;
	edge->held = stop && stop[target] ? GG_HELD_STOP_TERM : GG_HELD_NONE;
	edge->surface = surface;
	edge->file = e->file;
	edge->line = e->line;
	edge->offset = offset;
	edge->snippet = snippet;
	return 0;
}

/* Where `item` stands in `header` as a whole comma-separated item. */
static size_t item_offset(const char *header, const char *item)
{
	size_t n = strlen(item);
	for (const char *p = header; (p = strstr(p, item)); p++) {
		const char *before = p;
		while (before > header && before[-1] == ' ')
			before--;
		const char *after = p + n;
		while (*after == ' ')
			after++;
		if ((before == header || before[-1] == ',') && (*after == ',' || !*after))
			return (size_t)(p - header);
	}
	return 0;
}

/*
 * Header edges: each entry's category and keywords that name another
 * concept. Evidence is the header line, at the item.
 */
static int add_header_edges(edge_list *out, const gg_glossary *g, const bool *stop)
{
	for (size_t i = 0; i < g->n_entries; i++) {
		const gg_entry *e = &g->entries[i];
		const gg_entry_names *n = &g->names[i];
		size_t count = n->n_keywords + (n->category ? 1 : 0);
		for (size_t k = 0; k < count; k++) {
			bool is_category = k == n->n_keywords;
			const char *item = is_category ? n->category : n->keywords[k];
			size_t target;
			if (gg_glossary_find(g, item, &target) != 0) {
				gg_error_clear();
				continue;
			}
			if (target == e->concept)
				continue;
			int err = push_structural_edge(out, e, target,
						       is_category ? GG_EDGE_CATEGORY : GG_EDGE_KEYWORD,
						       GG_RULE_HEADER, item,
						       e->header_offset + item_offset(e->header, item),
						       e->header, stop);
			if (err)
				return err;
		}
	}
	return 0;
}

/* Editor links read from HTML: kept as edges of their own kind. */
static int add_editor_edges(edge_list *out, const gg_glossary *g, const bool *stop)
{
	for (size_t i = 0; i < g->n_entries; i++) {
		const gg_entry *e = &g->entries[i];
		for (size_t k = 0; k < e->n_xrefs; k++) {
			const gg_xref *x = &e->xrefs[k];
			size_t target;
			if (gg_glossary_find(g, x->target, &target) != 0) {
				gg_error_clear();
				continue;
			}
			if (target == e->concept)
				continue;
			const char *surface = gg_arena_strndup(&out->strings, e->definition + x->offset, x->len);
			const char *snippet = make_snippet(&out->strings, e->definition, e->definition_len,
							   x->offset, x->offset + x->len);
			int err = push_structural_edge(out, e, target, GG_EDGE_EDITOR, GG_RULE_HREF, surface,
						       gg_glossary_file_offset(g, i, x->offset), snippet, stop);
			if (err)
				return err;
		}
	}
	return 0;
}

static int decide_all(const linker *lk, const pair *pairs, size_t n, edge_list *out)
{
	const gg_glossary *g = lk->g;
	const gg_link_options *o = lk->opt;
	size_t n_concepts = gg_glossary_concept_count(g);
	uint32_t *df = calloc(n_concepts ? n_concepts : 1, sizeof(*df));
	bool *ordinary = calloc(n_concepts ? n_concepts : 1, sizeof(*ordinary));
	bool *stop = o->stop_terms ? calloc(n_concepts ? n_concepts : 1, sizeof(*stop)) : NULL;
	pair_set clean = { NULL, 0 };
	int err = 0;

	if (!df || !ordinary || (o->stop_terms && !stop)) {
		err = gg_error_oom();
		goto cleanup;
	}
	if ((err = mark_dictionary_words(g, o->dictionary ? o->dictionary : DEFAULT_DICTIONARY,
					 ordinary)) ||
	    (stop && (err = mark_stop_terms(g, o->stop_terms, stop))) ||
	    (err = pair_set_build(&clean, pairs, n)))
		goto cleanup;
	for (size_t i = 0; i < n; i++)
		if (pairs[i].any_clean)
			df[pairs[i].target]++;
	size_t n_terms = gg_glossary_stats(g)->concepts;
	double log_n = log(1.0 + (double)n_terms);
	for (size_t i = 0; i < n && !err; i++) {
		gg_hold_reason held = o->keep_all ? GG_HELD_NONE
			: decide(o, &pairs[i], df, ordinary, stop, &clean, n_terms);
		double specificity = 1.0 - log(1.0 + df[pairs[i].target]) / (log_n > 0 ? log_n : 1);
		err = add_mention_edge(out, g, &pairs[i], held, specificity < 0 ? 0 : specificity);
	}
	if (!err)
		err = add_header_edges(out, g, o->keep_all ? NULL : stop);
	if (!err)
		err = add_editor_edges(out, g, o->keep_all ? NULL : stop);
cleanup:
	free(df);
	free(ordinary);
	free(stop);
	free(clean.keys);
	return err;
}

int gg_links_new(gg_links **out, const gg_glossary *g, const gg_link_options *o)
{
	gg_link_options defaults;
	linker lk = { g, o, NULL, { 0 } };
	pair *pairs = NULL;
	size_t n_pairs = 0;
	uint64_t bytes = 0;
	edge_list edges = { NULL, 0, 0, GG_ARENA_INIT };
	int err;

	*out = NULL;
	if (!g->built)
		return gg_error_set(GG_EINVAL, "the glossary is not built");
	if (!o) {
		gg_link_options_init(&defaults);
		lk.opt = &defaults;
	}
	if ((err = gg_automaton_new(&lk.automaton)) ||
	    (err = gg_i_forms_build(g, lk.automaton, &lk.forms)) ||
	    (err = gg_automaton_compile(lk.automaton)) ||
	    (err = scan_all(&lk, &pairs, &n_pairs, &bytes)) ||
	    (err = decide_all(&lk, pairs, n_pairs, &edges)))
		goto cleanup;
	if ((err = gg_i_links_adopt(out, g, edges.items, edges.n, &edges.strings)) == 0)
		(*out)->bytes_scanned = bytes;
cleanup:
	free(pairs);
	free(edges.items);
	gg_arena_free(&edges.strings);
	gg_i_forms_free(&lk.forms);
	gg_automaton_free(lk.automaton);
	return err;
}
