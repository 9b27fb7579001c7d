/*
 * linker.c - gg_links_new: finds every mention of one concept in another's
 * definitions with one automaton pass per definition and counts them;
 * decide.c scores each link and decides which the default graph keeps.
 */
#include "link/links.h"
#include "link/automaton.h"
#include "link/context.h"
#include "link/decide.h"
#include "link/forms.h"
#include "model/view.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/strmap.h"
#include "core/text.h"
#include "core/threads.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_DICTIONARY "/usr/share/dict/words"
/* Below this much text one thread does it all. */
#define THREAD_MIN_BYTES (1u << 20)
/* Matches queued before they are counted (see on_match). */
#define MATCH_QUEUE 32
/* Chunks of concepts per thread: threads that finish early take more. */
#define CHUNKS_PER_THREAD 16

void gg_link_options_init(gg_link_options *o)
{
	memset(o, 0, sizeof(*o));
	o->threshold = -1;
	o->min_weight = 1;
	o->dictionary = DEFAULT_DICTIONARY;
}

/*
 * A run of concepts [from, to) and the edges their entries make, grouped by
 * source, each group sorted by target and kind and merged. Threads take
 * chunks in turn; the chunks' edges, put end to end, are the links.
 */
typedef struct chunk {
	size_t from, to;
	gg_edge *edges;
	size_t n, cap;
	uint64_t bytes;
	size_t at; /* where its edges go in the links' array */
} chunk;

typedef struct linker {
	const gg_glossary *g;
	const gg_link_options *opt;
	gg_i_automaton *automaton;
	gg_i_forms forms;
	chunk *chunks;
	size_t n_chunks;
	atomic_size_t next_chunk; /* the next chunk a thread takes */
	atomic_size_t sources_done; /* concepts scanned, for progress reports */
} linker;

/* A match waiting to be counted: its span, and its ids in worker.ids. */
typedef struct queued_match {
	size_t start, end;
	uint32_t first, n;
} queued_match;

/*
 * One scanning thread. While a source is scanned, a mention edge's `held`
 * is provisional: GG_HELD_IN_CODE while every mention of its target stands
 * in code (a URL, path, identifier or code span), GG_HELD_CASE_CLASH while
 * every one clashes in case, GG_HELD_NONE once one is clean.
 */
typedef struct worker {
	linker *lk;
	chunk *chunk;        /* the chunk being filled */
	uint32_t *stamp;     /* per target: source + 1 that last mentioned it */
	uint32_t *slot;      /* per target: its edge in `pending` */
	/* the source's edges until it is done: its mentions, one per target,
	 * then its structural edges; reused from source to source */
	gg_edge *pending;
	size_t n_pending, cap_pending;
	uint64_t *order;     /* (target, mention) pairs, to put mentions in order */
	size_t cap_order;
	gg_i_thread_error err;
	gg_i_buf view;         /* the text as the matcher sees it (see scan_view) */
	gg_i_strmap targets;   /* header items and link targets looked up: concept + 1, 0 for none */
	/* the definition being scanned */
	uint32_t source, entry;
	const char *text;
	size_t text_len;
	bool has_backtick;   /* whether it can hold a code span at all */
	size_t last_end;
	bool last_cued;
	/* its matches not yet counted, in text order */
	queued_match queue[MATCH_QUEUE];
	size_t n_queued;
	uint32_t *ids;
	size_t n_ids, cap_ids;
} worker;

enum { HAS_CAPITAL = 1, HAS_JOINER = 2, HAS_NON_ASCII = 4 };

/* Eight bytes at once: each byte's low seven bits, and its top bit alone. */
#define LOW7 0x7f7f7f7f7f7f7f7full
#define TOP 0x8080808080808080ull
#define EACH(b) (0x0101010101010101ull * (b))

/* The top bit of each byte of x that is 0. */
static uint64_t zero_bytes(uint64_t x)
{
	return ~(((x & LOW7) + LOW7) | x | LOW7);
}

/* What the bytes s[0, n) of a mention hold: HAS_CAPITAL for a capital of
 * any script, HAS_JOINER for a '-' or '_' (the matcher reads both as ' '),
 * HAS_NON_ASCII for bytes the matcher folds with Unicode's tables. Read
 * eight bytes at a time, the last chunk padded with zeros (which mark
 * nothing). */
static unsigned written_marks(const char *s, size_t n)
{
	uint64_t high = 0, capital = 0, joiner = 0;
	for (size_t i = 0; i < n; i += 8) {
		uint64_t x = 0;
		memcpy(&x, s + i, n - i < 8 ? n - i : 8);
		uint64_t low = x & LOW7;
		high |= x;
		/* 'A' <= byte <= 'Z', for bytes below 0x80 */
		capital |= (low + EACH(0x80 - 'A')) & ~(low + EACH(0x80 - 'Z' - 1)) & ~x;
		joiner |= zero_bytes(x ^ EACH('-')) | zero_bytes(x ^ EACH('_'));
	}
	unsigned marks = ((capital & TOP) ? HAS_CAPITAL : 0) | ((joiner & TOP) ? HAS_JOINER : 0) |
			 ((high & TOP) ? HAS_NON_ASCII : 0);
	if ((marks & HAS_NON_ASCII) && gg_i_utf8_has_capital(s, n))
		marks |= HAS_CAPITAL;
	return marks;
}

/* Whether the mention m, matched by the name's form f, is the name exactly
 * as written. A plain form is ASCII without capitals or joiners, and text
 * of ASCII folds onto it only as itself, so a mention without any of the
 * marks is it. */
static bool written_as_name(const worker *w, const gg_i_match *m, const gg_i_form *f,
			    unsigned marks)
{
	const char *written = w->text + m->start;
	size_t n = m->end - m->start;
	if (f->plain)
		return marks == 0;
	return (uint32_t)gg_i_hash_bytes(written, n) == f->hash && /* spares a look at the name */
	       memcmp(gg_glossary_concept(w->lk->g, f->concept)->name, written, n) == 0;
}

/* How a mention's text stands: clean, clashing in case, or in code (worst last). */
static gg_hold_reason mention_state(bool in_code, bool clash)
{
	return in_code ? GG_HELD_IN_CODE : clash ? GG_HELD_CASE_CLASH : GG_HELD_NONE;
}

/* The better of two provisional states: clean over case clash over code. */
static gg_hold_reason better_state(gg_hold_reason a, gg_hold_reason b)
{
	if (a == GG_HELD_NONE || b == GG_HELD_NONE)
		return GG_HELD_NONE;
	return a == GG_HELD_CASE_CLASH || b == GG_HELD_CASE_CLASH ? GG_HELD_CASE_CLASH : a;
}

/* Count a mention of form f's concept in the current definition: a new
 * edge for the first in this source, a heavier one after. 0 or GG_ENOMEM. */
static int record_mention(worker *w, const gg_i_match *m, const gg_i_form *f, bool cued, bool in_code)
{
	uint32_t target = f->concept;
	gg_match_rule rule = f->rule;
	const linker *lk = w->lk;
	unsigned marks = written_marks(w->text + m->start, m->end - m->start);
	bool clash = (marks & HAS_CAPITAL) && !lk->forms.has_capital[target] &&
		     !gg_i_sentence_start(w->text, m->start);
	if (w->stamp[target] == w->source + 1) {
		gg_edge *e = &w->pending[w->slot[target]];
		e->weight++;
		e->cued |= cued;
		e->held = better_state(e->held, mention_state(in_code, clash));
		return 0;
	}
	if (GG_ARRAY_PUSH_SLOT(w->pending, w->n_pending, w->cap_pending))
		return GG_ENOMEM;
	/* the name, matched in other capitals or with '-' for ' '? */
	if (rule == GG_RULE_EXACT && !written_as_name(w, m, f, marks))
		rule = GG_RULE_CASE_FOLDED;
	w->stamp[target] = w->source + 1;
	w->slot[target] = (uint32_t)w->n_pending;
	/* field by field, not a whole edge zeroed first: the offset is set
	 * when the source is done, score and specificity when links are decided */
	gg_edge *e = &w->pending[w->n_pending++];
	e->source = w->source;
	e->target = target;
	e->kind = GG_EDGE_MENTION;
	e->rule = rule;
	e->held = mention_state(in_code, clash);
	e->cued = cued;
	e->weight = 1;
	e->specificity = 0;
	e->score = 0;
	e->entry = w->entry;
	e->surface = w->text + m->start;
	e->surface_len = (uint32_t)(m->end - m->start);
	return 0;
}

/*
 * A surface that names more concepts than this (an abbreviation many terms
 * share) is ambiguous: it links to none of them. `check` lists collisions.
 */
#define MAX_SHARED_SURFACE 3

/*
 * Count one match of the current definition: note a cue, drop surfaces too
 * many concepts share and self mentions, record the rest. 0 or GG_ENOMEM.
 */
static int count_match(worker *w, const gg_i_match *m)
{
	const gg_i_forms *forms = &w->lk->forms;
	bool cued = (gg_i_after_cue(w->text, m->start) ||
		     (w->last_cued && gg_i_list_glue(w->text, w->last_end, m->start)) ||
		     gg_i_before_qv(w->text, w->text_len, m->end)) &&
		    !gg_i_names_document(w->text, w->text_len, m->end);
	w->last_end = m->end;
	w->last_cued = cued;
	bool in_code = (w->has_backtick && gg_i_in_code_span(w->text, w->text_len, m->start, m->end)) ||
		       gg_i_in_code(w->text, w->text_len, m->start, m->end);
	/* ids come sorted, and each concept's forms have neighbouring ids */
	size_t concepts = 0;
	for (size_t i = 0; i < m->n_ids && concepts <= MAX_SHARED_SURFACE; i++)
		concepts += i == 0 || forms->items[m->ids[i]].concept != forms->items[m->ids[i - 1]].concept;
	if (concepts > MAX_SHARED_SURFACE)
		return 0;
	for (size_t i = 0; i < m->n_ids; i++) {
		const gg_i_form *f = &forms->items[m->ids[i]];
		if (i > 0 && forms->items[m->ids[i - 1]].concept == f->concept)
			continue;
		if (f->concept == w->source)
			continue; /* a self mention uses up its text, and adds nothing */
		if (f->function_words &&
		    (uint32_t)gg_i_hash_bytes(w->text + m->start, m->end - m->start) != f->hash)
			continue; /* "is a" in a sentence, not the name "is-a" */
		int err = record_mention(w, m, f, cued, in_code);
		if (err)
			return err;
	}
	return 0;
}

/*
 * Count the queued matches in order, after asking for the memory each
 * will read: its target's stamp and slot (its forms were asked for when it
 * was queued). 0 or GG_ENOMEM; the queue is empty after.
 */
static int count_queue(worker *w)
{
	const gg_i_forms *forms = &w->lk->forms;
	int err = 0;
	for (size_t k = 0; k < w->n_queued; k++) {
		uint32_t c = forms->items[w->ids[w->queue[k].first]].concept;
		__builtin_prefetch(&w->stamp[c]);
		__builtin_prefetch(&w->slot[c]);
	}
	for (size_t k = 0; k < w->n_queued && !err; k++) {
		const queued_match *q = &w->queue[k];
		gg_i_match m = { q->start, q->end, w->ids + q->first, q->n };
		err = count_match(w, &m);
	}
	w->n_queued = 0;
	w->n_ids = 0;
	return err;
}

/*
 * The matcher's callback: queue the match and ask for its forms. Counting
 * a match reads its forms, then its target's stamp, in tables too big for
 * the cache; fetched one match after the other, each waits on memory, so
 * matches are counted MATCH_QUEUE at a time, their memory asked for first
 * (and at the end of each definition). 0 or GG_ENOMEM.
 */
static int on_match(const gg_i_match *m, void *payload)
{
	worker *w = payload;
	const gg_i_forms *forms = &w->lk->forms;
	while (w->cap_ids < w->n_ids + m->n_ids)
		if (gg_i_array_grow((void **)&w->ids, &w->cap_ids, w->cap_ids, sizeof(*w->ids)))
			return GG_ENOMEM;
	queued_match *q = &w->queue[w->n_queued++];
	q->start = m->start;
	q->end = m->end;
	q->first = (uint32_t)w->n_ids;
	q->n = (uint32_t)m->n_ids;
	for (size_t i = 0; i < m->n_ids; i++) {
		w->ids[w->n_ids++] = m->ids[i];
		__builtin_prefetch(&forms->items[m->ids[i]]);
	}
	return w->n_queued == MATCH_QUEUE ? count_queue(w) : 0;
}

/* Whether UTF-8 sequence s[0..n) is typographic punctuation or a space. */
static bool is_typographic(const unsigned char *s, size_t n)
{
	if (n >= 2 && s[0] == 0xC2)
		return s[1] == 0xAB || s[1] == 0xBB; /* guillemets */
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80)
		return (s[2] >= 0x93 && s[2] <= 0x9F) || /* dashes, curly quotes */
		       s[2] == 0xA6 ||                   /* ellipsis */
		       s[2] == 0xB9 || s[2] == 0xBA;     /* single guillemets */
	return false;
}

/*
 * The text as the matcher sees it: typographic quotes, dashes, ellipses
 * and guillemets become spaces of the same length, so that "‘cyberpunk’"
 * or "kernel—" stand as words while every position stays the position in
 * the real text (no-break spaces the matcher reads as spaces itself).
 * Returns `text` itself when there is none.
 */
static const char *scan_view(gg_i_buf *view, const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;
	const unsigned char *end = u + len;
	const unsigned char *e2 = memchr(u, 0xE2, len), *c2 = memchr(u, 0xC2, len);
	if (!e2 && !c2)
		return text;
	gg_i_buf_clear(view);
	gg_i_buf_put(view, text, len);
	if (view->oom)
		return NULL;
	/* visit the lead bytes in order, each found by memchr */
	while (e2 || c2) {
		const unsigned char *p = !c2 || (e2 && e2 < c2) ? e2 : c2;
		size_t n = *p == 0xC2 ? 2 : 3;
		if (is_typographic(p, (size_t)(end - p)))
			memset(view->ptr + (p - u), ' ', n);
		else
			n = 1;
		const unsigned char *next = p + n;
		if (e2 && e2 < next)
			e2 = memchr(next, 0xE2, (size_t)(end - next));
		if (c2 && c2 < next)
			c2 = memchr(next, 0xC2, (size_t)(end - next));
	}
	return view->ptr;
}

/* Append an edge of the glossary's own structure (header item, editor
 * link) of entry `i` to `target` to the worker's pending edges: weight 1,
 * fully specific. 0 or GG_ENOMEM. */
static int push_structural_edge(worker *w, const gg_glossary *g, size_t i, size_t target,
				gg_edge_kind kind, gg_match_rule rule, const char *surface,
				size_t surface_len, uint64_t offset)
{
	if (GG_ARRAY_PUSH_SLOT(w->pending, w->n_pending, w->cap_pending))
		return GG_ENOMEM;
	w->pending[w->n_pending++] = (gg_edge){
		.source = gg_glossary_entry(g, i)->concept, .target = target, .kind = kind, .rule = rule,
		.held = GG_HELD_NONE, .weight = 1, .specificity = 1, .entry = i,
		.surface = surface, .surface_len = (uint32_t)surface_len, .offset = offset,
	};
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
 * The concept `name` (a header item, an editor link's target) names, in
 * *target: 1 when there is one, 0 when not, GG_ENOMEM when the cache
 * cannot grow. Names repeat from entry to entry, so each is looked up once
 * per thread, in `cache` (keys borrowed from the glossary).
 */
static int find_target(const gg_glossary *g, gg_i_strmap *cache, const char *name, size_t *target)
{
	uint32_t known;
	if (gg_i_strmap_get(cache, name, &known)) {
		*target = known ? known - 1 : 0;
		return known != 0;
	}
	bool found = gg_glossary_find(target, g, name) == 0;
	if (!found)
		gg_error_clear();
	if (gg_i_strmap_put(cache, name, found ? (uint32_t)*target + 1 : 0, NULL) < 0)
		return gg_i_error_oom();
	return found;
}

/*
 * The edges entry i's own structure makes: its header's category and
 * keywords that name another concept (evidence: the header line, at the
 * item), and its editor links (HTML), kept as edges of their own kind.
 */
static int add_structural_edges(worker *w, size_t i)
{
	const gg_glossary *g = w->lk->g;
	const gg_entry *e = gg_glossary_entry(g, i);
	gg_i_entry_items items;
	gg_i_glossary_entry_items(&items, g, i);
	size_t count = items.n_keywords + (items.category ? 1 : 0);
	size_t target;
	int err = 0;
	for (size_t k = 0; k < count && !err; k++) {
		bool is_category = k == items.n_keywords;
		const char *item = is_category ? items.category : items.keywords[k];
		int found = find_target(g, &w->targets, item, &target);
		if (found < 0)
			return found;
		if (found && target != e->concept)
			err = push_structural_edge(w, g, i, target,
						   is_category ? GG_EDGE_CATEGORY : GG_EDGE_KEYWORD,
						   GG_RULE_HEADER, item, strlen(item),
						   e->header_offset + item_offset(e->header, item));
	}
	for (size_t k = 0; k < e->n_xrefs && !err; k++) {
		const gg_xref *x = &e->xrefs[k];
		int found = find_target(g, &w->targets, x->target, &target);
		if (found < 0)
			return found;
		if (found && target != e->concept)
			err = push_structural_edge(w, g, i, target, GG_EDGE_EDITOR, GG_RULE_HREF,
						   e->definition + x->offset, x->len,
						   gg_glossary_file_offset(g, i, x->offset));
	}
	return err;
}

/* qsort order of 64-bit keys. */
static int compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Sort keys[0, n) in ascending order: by insertion when short, else qsort. */
static void sort_u64(uint64_t *keys, size_t n)
{
	if (n > 32) {
		qsort(keys, n, sizeof(*keys), compare_u64);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		uint64_t v = keys[i];
		size_t j = i;
		for (; j > 0 && keys[j - 1] > v; j--)
			keys[j] = keys[j - 1];
		keys[j] = v;
	}
}

/* Sort edges[0, n) in gg_i_edge_order by insertion (a source has few of a kind). */
static void sort_edges(gg_edge *edges, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		gg_edge e = edges[i];
		size_t j = i;
		for (; j > 0 && gg_i_edge_order(&edges[j - 1], &e) > 0; j--)
			edges[j] = edges[j - 1];
		edges[j] = e;
	}
}

/* Append e to out[0, *n), merged into the last edge when it has the same
 * target and kind (the first keeps its evidence, the weights are summed). */
static void append_merged(gg_edge *out, size_t *n, const gg_edge *e)
{
	if (*n && out[*n - 1].target == e->target && out[*n - 1].kind == e->kind)
		out[*n - 1].weight += e->weight;
	else
		out[(*n)++] = *e;
}

/*
 * Move the source's pending edges to the end of its chunk in links order
 * (target, kind, then the earliest evidence first), those of one target and
 * kind merged. The first n_mentions pending edges are mentions, one per
 * target, so ordering them is ordering their targets: a sort of 8-byte
 * keys, not of edges. The few structural edges after them are sorted as
 * edges, and the two runs merged as they are copied. The chunk grows once
 * per source. 0 or GG_ENOMEM.
 */
static int flush_source(worker *w, size_t n_mentions)
{
	chunk *ch = w->chunk;
	size_t n = w->n_pending;
	if (n == 0)
		return 0; /* a source without edges: pending may be NULL */
	while (w->cap_order < n_mentions)
		if (gg_i_array_grow((void **)&w->order, &w->cap_order, w->cap_order, sizeof(*w->order)))
			return GG_ENOMEM;
	while (ch->cap < ch->n + n)
		if (gg_i_pages_grow((void **)&ch->edges, &ch->cap, ch->cap, sizeof(*ch->edges)))
			return GG_ENOMEM;
	for (size_t i = 0; i < n_mentions; i++)
		w->order[i] = (uint64_t)w->pending[i].target << 32 | i;
	sort_u64(w->order, n_mentions);
	gg_edge *structural = w->pending + n_mentions;
	size_t n_structural = n - n_mentions;
	sort_edges(structural, n_structural);
	gg_edge *out = ch->edges + ch->n;
	size_t kept = 0, s = 0;
	for (size_t i = 0; i < n_mentions; i++) {
		const gg_edge *m = &w->pending[(uint32_t)w->order[i]];
		while (s < n_structural && gg_i_edge_order(&structural[s], m) < 0)
			append_merged(out, &kept, &structural[s++]);
		append_merged(out, &kept, m);
	}
	while (s < n_structural)
		append_merged(out, &kept, &structural[s++]);
	ch->n += kept;
	w->n_pending = 0;
	return 0;
}

/* Scan the definitions of concept c, add its structural edges, and leave
 * its group of edges ordered at the end of the chunk. 0 or an error. */
static int link_source(worker *w, size_t c)
{
	const gg_glossary *g = w->lk->g;
	chunk *ch = w->chunk;
	const gg_concept *concept = gg_glossary_concept(g, c);
	int err = 0;

	w->source = (uint32_t)c;
	w->n_pending = 0;
	for (size_t k = 0; k < concept->n_entries && !err; k++) {
		const gg_entry *e = gg_glossary_entry(g, concept->entries[k]);
		w->entry = (uint32_t)concept->entries[k];
		w->text = e->definition;
		w->text_len = e->definition_len;
		w->has_backtick = memchr(e->definition, '`', e->definition_len) != NULL;
		w->last_end = 0;
		w->last_cued = false;
		ch->bytes += e->definition_len;
		const char *view = scan_view(&w->view, e->definition, e->definition_len);
		err = view ? gg_i_automaton_scan(w->lk->automaton, view, e->definition_len, on_match, w)
			   : gg_i_error_oom();
		if (!err)
			err = count_queue(w);
	}
	size_t n_mentions = w->n_pending;
	for (size_t i = 0; i < n_mentions; i++) {
		gg_edge *e = &w->pending[i];
		e->offset = gg_glossary_file_offset(g, e->entry,
			(size_t)(e->surface - gg_glossary_entry(g, e->entry)->definition));
	}
	for (size_t k = 0; k < concept->n_entries && !err; k++)
		err = add_structural_edges(w, concept->entries[k]);
	return err ? err : flush_source(w, n_mentions);
}

/* The share of linking done when scanning starts and ends (what the 1M benchmark shows). */
#define LINK_SCAN_FROM 0.15
#define LINK_SCAN_TO 0.8

/* A thread's loop: take chunks until none is left or one fails. */
static void *scan_chunks(void *arg)
{
	worker *w = arg;
	linker *lk = w->lk;
	size_t i;
	int err = 0;
	while (!err && (i = atomic_fetch_add(&lk->next_chunk, 1)) < lk->n_chunks) {
		w->chunk = &lk->chunks[i];
		for (size_t c = w->chunk->from; c < w->chunk->to && !err; c++) {
			err = link_source(w, c);
			size_t done = atomic_fetch_add(&lk->sources_done, 1) + 1;
			gg_i_progress_step(&lk->opt->progress, GG_STAGE_LINK, done,
					   gg_glossary_concept_count(lk->g), LINK_SCAN_FROM, LINK_SCAN_TO);
		}
	}
	gg_i_thread_error_keep(&w->err, err);
	return NULL;
}

/* Threads to link `bytes` of definitions with: one below THREAD_MIN_BYTES,
 * else o->threads or one per core. */
static unsigned thread_count(const gg_link_options *o, uint64_t bytes)
{
	return bytes < THREAD_MIN_BYTES ? 1 : gg_i_thread_count(o->threads, GG_MAX_THREADS);
}

/* Bytes of all the glossary's definitions. */
static uint64_t definition_bytes(const gg_glossary *g)
{
	uint64_t total = 0;
	for (size_t i = 0; i < gg_glossary_entry_count(g); i++)
		total += gg_glossary_entry(g, i)->definition_len;
	return total;
}

/*
 * Cut the concepts into chunks of about equal text, several per thread so
 * that threads finishing early take more. 0 or GG_ENOMEM.
 */
static int make_chunks(linker *lk, unsigned threads)
{
	const gg_glossary *g = lk->g;
	size_t n_concepts = gg_glossary_concept_count(g);
	uint64_t total = definition_bytes(g);
	size_t wanted = threads == 1 ? 1 : (size_t)threads * CHUNKS_PER_THREAD;
	uint64_t share = total / wanted + 1, acc = 0;
	lk->chunks = calloc(wanted, sizeof(*lk->chunks));
	if (!lk->chunks)
		return gg_i_error_oom();
	size_t c = 0;
	for (size_t k = 0; k < wanted && c < n_concepts; k++) {
		chunk *ch = &lk->chunks[lk->n_chunks++];
		ch->from = c;
		while (c < n_concepts && (acc < share * (k + 1) || k + 1 == wanted)) {
			const gg_concept *concept = gg_glossary_concept(g, c);
			for (size_t e = 0; e < concept->n_entries; e++)
				acc += gg_glossary_entry(g, concept->entries[e])->definition_len;
			c++;
		}
		ch->to = c;
	}
	atomic_init(&lk->next_chunk, 0);
	atomic_init(&lk->sources_done, 0);
	return 0;
}

/* Chunks to copy into `all`: those from `first` on, `step` apart. */
typedef struct gathering {
	chunk *chunks;
	size_t n_chunks, first, step;
	gg_edge *all;
} gathering;

/* A thread's share of the gathering: move its chunks into place. */
static void *gather_chunks(void *arg)
{
	const gathering *gt = arg;
	for (size_t k = gt->first; k < gt->n_chunks; k += gt->step) {
		chunk *ch = &gt->chunks[k];
		gg_i_pages_move(gt->all + ch->at, ch->edges, ch->n, ch->cap, sizeof(*ch->edges));
		ch->edges = NULL;
	}
	return NULL;
}

/*
 * Find every edge: scan each definition (on several threads when there is
 * enough text), and put the chunks' edges end to end in *out, ordered by
 * source, target and kind, with provisional `held` (see worker). The
 * chunks are copied into it on as many threads as scanned them.
 * Returns 0 or an error; *out is malloc'd.
 */
static int scan_all(linker *lk, unsigned threads, gg_edge **out, size_t *n_out,
		    uint64_t *bytes_out)
{
	size_t n_concepts = gg_glossary_concept_count(lk->g);
	worker *workers = calloc(threads, sizeof(*workers));
	int err = workers ? make_chunks(lk, threads) : gg_i_error_oom();

	for (unsigned t = 0; t < threads && !err; t++) {
		workers[t].lk = lk;
		workers[t].stamp = calloc(n_concepts ? n_concepts : 1, sizeof(*workers[t].stamp));
		workers[t].slot = malloc((n_concepts ? n_concepts : 1) * sizeof(*workers[t].slot));
		if (!workers[t].stamp || !workers[t].slot)
			err = gg_i_error_oom();
	}
	if (!err)
		gg_i_run_threads(threads, scan_chunks, workers, sizeof(*workers));
	for (unsigned t = 0; workers && t < threads; t++) {
		if (!err)
			err = gg_i_thread_error_raise(&workers[t].err);
		gg_i_buf_free(&workers[t].view);
		gg_i_strmap_free(&workers[t].targets);
		free(workers[t].stamp);
		free(workers[t].ids);
		free(workers[t].slot);
		free(workers[t].pending);
		free(workers[t].order);
	}
	free(workers);
	/* end to end in one array, each chunk's pages handed back once copied:
	 * at most one chunk per thread is held twice at once */
	size_t n = 0;
	*bytes_out = 0;
	for (size_t k = 0; k < lk->n_chunks; k++) {
		lk->chunks[k].at = n;
		n += lk->chunks[k].n;
		*bytes_out += lk->chunks[k].bytes;
	}
	gg_edge *all = NULL;
	if (!err && lk->n_chunks) {
		all = malloc((n ? n : 1) * sizeof(*all));
		if (!all)
			err = gg_i_error_oom();
	}
	if (all) {
		gathering gt[GG_MAX_THREADS];
		for (unsigned t = 0; t < threads; t++)
			gt[t] = (gathering){ lk->chunks, lk->n_chunks, t, threads, all };
		gg_i_run_threads(threads, gather_chunks, gt, sizeof(*gt));
	}
	for (size_t k = 0; k < lk->n_chunks; k++) { /* on failure: what is left */
		gg_i_pages_free(lk->chunks[k].edges, lk->chunks[k].cap, sizeof(*lk->chunks[k].edges));
		lk->chunks[k].edges = NULL;
	}
	*out = all;
	*n_out = all ? n : 0;
	return err;
}

/* ---- deciding what the default graph keeps --------------------------- */

/* Whether a name is one word: no space or hyphen in it. */
static bool one_word(const char *name)
{
	return name[0] && !strpbrk(name, " -");
}

/*
 * Mark the concepts whose name is one ordinary word of the language:
 * in_dictionary[c] when the dictionary (a word a line) lists the name in
 * lower case. A word it lists only with capitals (Unix, IBM) is a proper
 * noun or an acronym, not an ordinary word. The dictionary is read once,
 * streaming, looking up only the glossary's one-word names. A missing
 * default dictionary leaves every word ordinary; a missing named one is an
 * error.
 */
static int mark_dictionary_words(const gg_glossary *g, const char *path, bool *in_dictionary)
{
	size_t n = gg_glossary_concept_count(g);
	gg_i_strmap words = GG_STRMAP_INIT;
	char **lower = calloc(n ? n : 1, sizeof(*lower));
	int err = 0;
	if (!lower)
		return gg_i_error_oom();
	for (size_t c = 0; c < n && !err; c++) {
		const char *name = gg_glossary_concept(g, c)->name;
		if (!one_word(name))
			continue;
		if (!(lower[c] = strdup(name))) {
			err = gg_i_error_oom();
			break;
		}
		for (char *p = lower[c]; *p; p++)
			*p = gg_i_ascii_lower(*p);
		if (gg_i_strmap_put(&words, lower[c], 0, NULL) < 0)
			err = GG_ENOMEM;
	}
	FILE *f = err ? NULL : fopen(path, "r");
	if (!err && !f) {
		bool missing_default = strcmp(path, DEFAULT_DICTIONARY) == 0;
		if (!missing_default)
			err = gg_i_error_set_errno(GG_EIO, errno, "cannot open dictionary '%s'", path);
		for (size_t c = 0; c < n; c++)
			in_dictionary[c] = lower[c] != NULL;
	}
	if (f) {
		char line[256];
		while (fgets(line, sizeof(line), f)) {
			line[strcspn(line, "\r\n")] = '\0';
			bool lower_case = !strstr(line, "'s");
			for (char *p = line; *p && lower_case; p++)
				lower_case = !(*p >= 'A' && *p <= 'Z');
			if (lower_case)
				gg_i_strmap_set(&words, line, 1);
		}
		if (ferror(f))
			err = gg_i_error_set(GG_EIO, "cannot read dictionary '%s'", path);
		fclose(f);
		for (size_t c = 0; c < n; c++) {
			uint32_t v;
			in_dictionary[c] = lower[c] && gg_i_strmap_get(&words, lower[c], &v) && v;
		}
	}
	gg_i_strmap_free(&words);
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
		return gg_i_error_set_errno(GG_EIO, errno, "cannot open '%s'", path);
	char line[1024];
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		size_t n = strlen(line);
		const char *t = gg_i_trim(line, &n);
		if (!n || t[0] == '#')
			continue;
		char term[1024];
		memcpy(term, t, n);
		term[n] = '\0';
		size_t c;
		if (gg_glossary_find(&c, g, term) == 0)
			stop[c] = true;
		else
			gg_error_clear(); /* a stop term this glossary lacks is no error */
	}
	int err = ferror(f) ? gg_i_error_set(GG_EIO, "cannot read '%s'", path) : 0;
	fclose(f);
	return err;
}

/* The marks per concept that deciding needs: which names are dictionary
 * words, which are stop terms. Made while the matcher is built and run. */
typedef struct marks {
	const gg_glossary *g;
	const gg_link_options *opt;
	bool *ordinary;
	bool *stop;          /* NULL without a stop-term file */
	gg_i_thread_error err;
} marks;

/* Read the word list and the stop terms into m; a thread's body. */
static void *make_marks(void *arg)
{
	marks *m = arg;
	int err = mark_dictionary_words(m->g, m->opt->dictionary ? m->opt->dictionary
								 : DEFAULT_DICTIONARY, m->ordinary);
	if (!err && m->stop)
		err = mark_stop_terms(m->g, m->opt->stop_terms, m->stop);
	gg_i_thread_error_keep(&m->err, err);
	return NULL;
}

/*
 * Build the matcher and scan every definition into *edges (see scan_all).
 * The matcher is freed once the scan is over, before the edges are scored:
 * its tables and every edge are not held at once.
 */
static int find_edges(linker *lk, unsigned threads, gg_edge **edges, size_t *n_edges,
		      uint64_t *bytes)
{
	int err;
	if ((err = gg_i_automaton_new(&lk->automaton)) ||
	    (err = gg_i_forms_build(lk->g, lk->automaton, &lk->forms)) ||
	    (err = gg_i_automaton_compile(lk->automaton)))
		return err;
	err = scan_all(lk, threads, edges, n_edges, bytes);
	gg_i_forms_free(&lk->forms);
	gg_i_automaton_free(lk->automaton);
	lk->automaton = NULL;
	return err;
}

int gg_links_new(gg_links **out, const gg_glossary *g, const gg_link_options *o)
{
	gg_link_options defaults;
	linker lk = { .g = g, .opt = o };
	gg_i_link_model model;
	gg_i_decision d = { 0 };
	gg_edge *edges = NULL;
	size_t n_edges = 0, n_concepts = gg_glossary_concept_count(g);
	uint64_t bytes = 0;
	marks m = { 0 };
	pthread_t marker;
	bool marking = false;
	int err;

	*out = NULL;
	if (!gg_i_glossary_is_built(g))
		return gg_i_error_set(GG_EINVAL, "the glossary is not built");
	if (!o) {
		gg_link_options_init(&defaults);
		lk.opt = &defaults;
	}
	if (lk.opt->model && (err = gg_i_model_read(&model, lk.opt->model)))
		return err;
	if (!lk.opt->model)
		gg_i_model_builtin(&model);
	gg_i_progress(&lk.opt->progress, GG_STAGE_LINK, 0);
	unsigned threads = thread_count(lk.opt, definition_bytes(g));
	m = (marks){ .g = g, .opt = lk.opt };
	m.ordinary = calloc(n_concepts ? n_concepts : 1, sizeof(*m.ordinary));
	if (lk.opt->stop_terms)
		m.stop = calloc(n_concepts ? n_concepts : 1, sizeof(*m.stop));
	if (!m.ordinary || (lk.opt->stop_terms && !m.stop)) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	/* the word list is read on a thread of its own while the matcher is built */
	marking = threads > 1 && pthread_create(&marker, NULL, make_marks, &m) == 0;
	if (!marking)
		make_marks(&m);
	err = find_edges(&lk, threads, &edges, &n_edges, &bytes);
	if (marking)
		pthread_join(marker, NULL);
	if (!err)
		err = gg_i_thread_error_raise(&m.err);
	gg_i_progress(&lk.opt->progress, GG_STAGE_LINK, LINK_SCAN_TO);
	if (err || (err = gg_i_decide_all(g, lk.opt, &model, threads, &edges, &n_edges, bytes,
					  m.ordinary, m.stop, &d)))
		goto cleanup;
	err = gg_i_links_adopt(out, g, edges, n_edges, d.mentioned_by, d.dropped);
	edges = NULL;
	d.mentioned_by = NULL;
	if (!err) {
		gg_links *l = *out;
		l->bytes_scanned = bytes;
		l->mentions = d.mentions;
		l->df = d.df;
		l->ordinary = m.ordinary;
		l->model = model;
		l->threshold = d.threshold;
		l->threshold_source = d.source;
		l->calibration_links = d.calibration_links;
		l->density = d.density;
		d.df = NULL;
		m.ordinary = NULL;
		gg_i_progress(&lk.opt->progress, GG_STAGE_LINK, 1);
	}
cleanup:
	free(edges);
	free(d.mentioned_by);
	free(d.df);
	free(m.ordinary);
	free(m.stop);
	free(lk.chunks);
	gg_i_forms_free(&lk.forms);
	gg_i_automaton_free(lk.automaton);
	return err;
}
