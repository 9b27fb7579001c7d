/* automaton.c - Aho-Corasick on folded bytes, dense shallow states, leftmost-longest selection. */
#include "link/automaton.h"
#include "core/buf.h"
#include "core/error.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/*
 * Layout.
 *
 * Symbols: text bytes become byte classes. Each folded byte that occurs in a
 * pattern has a class of its own; bytes in no pattern share CLS_WORD or
 * CLS_GAP (word and non-word bytes); CLS_BOUND is a virtual symbol, the word
 * boundary. The automaton reads the text as if CLS_BOUND stood at its start
 * and after every non-word byte, and each pattern is stored the same way:
 * CLS_BOUND after each non-word byte and, when it starts with a word byte,
 * also in front ("NAS" is [B n a s], "(tm)" is [( B t m ) B]). So a pattern
 * that begins with a word byte can only be found where a word begins, and
 * states for the insides of words ("column" holding "mn") never fire.
 * The boundary after a pattern that ends with a word byte is handled by
 * deferring it: it is reported on the step over the non-word byte that
 * follows it (or at the end of the text), never on a word byte, so
 * "abdomen" does not stop at "ab" for the pattern "AB".
 *
 * Trie: the symbol strings, sorted, are built into a trie level by level, so
 * the nodes are numbered in breadth-first order and the children of a node
 * are consecutive numbers, first_child[u] .. first_child[u + 1] - 1, sorted
 * by the symbol on their edge (label[]). fail[] holds the Aho-Corasick
 * failure links; depth[] counts the real bytes (not CLS_BOUND) of a node's
 * string.
 *
 * Transitions: the first n_dense nodes (the shallow ones, where a scan over
 * prose spends nearly all its time) have a full row of n_classes entries:
 * the complete automaton step, failure links already followed, and for a
 * non-word byte the CLS_BOUND step after it as well, so one load per text
 * byte does all. The CLS_BOUND column holds the plain step on CLS_BOUND.
 * Deeper nodes are "sparse": a step searches their children and follows
 * failure links until it finds a child or reaches a dense node. n_dense is
 * capped by DENSE_BUDGET bytes, so memory stays linear in the pattern bytes
 * (about 17 bytes per trie node beyond the dense rows). An entry of a dense
 * row is encoded: for a dense target its row offset (node * n_classes, so
 * the hot loop needs no multiply), for a sparse one its number with
 * T_SPARSE. T_OUT marks the steps over non-word bytes that have something
 * to report: a pattern ending with a word byte just before the byte (the
 * source node "holds" it, see holds_word_end) or a pattern ending with the
 * byte (the target's failure chain has a group). Steps over word bytes
 * never report.
 *
 * Outputs: the patterns ending at one node share one folded text, hence one
 * length: they form a group.
 * out[u] is the first group on u's failure chain (u included); a group's
 * `next` continues the chain. A group's entries (ids, exact_off) are sorted
 * by id, one per id, preferring the case-insensitive pattern when an id has
 * both kinds.
 *
 * Selection: candidates that pass the boundary and case checks wait in a
 * small list. The current node's depth bounds where any later candidate can
 * start (i - depth); once the best waiting candidate (leftmost, then
 * longest) starts before that bound nothing can beat it, so it is reported,
 * and the candidates that start before its end are dropped.
 */

#define NONE UINT32_MAX
#define MAX_NODES (1u << 30)
#define MAX_PATTERN_LEN (1u << 30)
#define DENSE_BUDGET ((size_t)64 << 20)

/* Classes with a fixed number; folded pattern bytes follow. */
enum {
	CLS_WORD = 0,  /* word bytes in no pattern */
	CLS_GAP = 1,   /* non-word bytes in no pattern */
	CLS_BOUND = 2, /* the virtual word boundary */
	CLS_FIRST = 3
};

/* Bits of an encoded transition target. */
#define T_OUT 0x80000000u
#define T_SPARSE 0x40000000u
#define T_VALUE 0x3fffffffu

/* Nodes with more children than this are searched by bisection. */
#define LINEAR_CHILDREN 8

/* Scan scratch kept on the stack; larger needs fall back to the heap. */
#define LOCAL_SPANS 32
#define LOCAL_IDS 64

enum {
	GROUP_EXACT = 1 /* some entry is EXACT_CASE */
};

/* A pattern as added, before compile. */
struct pattern {
	size_t off; /* its bytes, in a->bytes */
	uint32_t len;
	uint32_t id;
	bool exact;
};

/* The patterns that end at one trie node. */
struct group {
	uint32_t depth; /* length of the patterns in bytes */
	uint32_t next;  /* next group on the failure chain, or NONE */
	uint32_t first; /* entries first .. first + n - 1 */
	uint32_t n;
	uint32_t flags; /* GROUP_* */
};

struct gg_automaton {
	/* Before compile: the patterns and their bytes as added. */
	struct pattern *pats;
	size_t n_pats, cap_pats;
	unsigned char *bytes;
	size_t bytes_len, bytes_cap;
	size_t exact_len;
	size_t n_added;
	bool compiled;

	/* After compile. */
	uint8_t cls[256];
	bool nonword[256];     /* per class: its bytes are followed by CLS_BOUND */
	uint32_t n_classes;
	uint32_t n_nodes;
	uint32_t n_dense;
	uint32_t start;        /* encoded state at the start of a text */
	uint32_t *dense;       /* n_dense rows of n_classes encoded targets */
	uint32_t *first_child; /* n_nodes + 1 */
	uint8_t *label;
	uint32_t *fail;
	uint32_t *depth;
	uint32_t *out;
	struct group *groups;
	uint32_t n_groups;
	uint32_t *ids;         /* per entry */
	uint32_t *exact_off;   /* per entry: offset in `exact`, or NONE */
	uint32_t n_entries;
	/* The EXACT_CASE patterns with '-' and '_' turned to ' ', case kept. */
	unsigned char *exact;
};

/* A pattern's sort key during compile. */
struct key {
	const uint8_t *sym; /* its symbol string */
	uint32_t len;       /* symbols */
	uint32_t id;
	uint32_t exact;     /* offset of its bytes in a->exact, or NONE */
};

/* A trie node waiting to be expanded: keys lo .. hi - 1 pass through it. */
struct range {
	uint32_t lo, hi;
	uint32_t sym_depth;
};

static unsigned char fold_byte(unsigned char b)
{
	if (b >= 'A' && b <= 'Z')
		return (unsigned char)(b + ('a' - 'A'));
	if (b == '-' || b == '_')
		return ' ';
	return b;
}

/* The byte as an EXACT_CASE comparison sees it: separators equal, case kept. */
static unsigned char sep_byte(unsigned char b)
{
	return b == '-' || b == '_' ? ' ' : b;
}

static bool is_word(unsigned char b)
{
	unsigned char l = b | 0x20;

	return b >= 0x80 || (b >= '0' && b <= '9') || (l >= 'a' && l <= 'z');
}

/* malloc for n elements of `size` bytes; not NULL for n == 0 unless out of memory. */
static void *alloc_array(size_t n, size_t size)
{
	if (n > SIZE_MAX / size)
		return NULL;
	return malloc(n ? n * size : 1);
}

int gg_automaton_new(gg_automaton **out)
{
	*out = calloc(1, sizeof(**out));
	return *out ? 0 : gg_error_oom();
}

int gg_automaton_add(gg_automaton *a, const char *pattern, size_t len,
		     uint32_t id, unsigned flags)
{
	bool exact = flags & GG_AUTOMATON_EXACT_CASE;
	int err;

	if (a->compiled)
		return gg_error_set(GG_EINVAL, "automaton: cannot add a pattern after compile");
	if (len == 0)
		return gg_error_set(GG_EINVAL, "automaton: empty pattern");
	if (flags & ~GG_AUTOMATON_EXACT_CASE)
		return gg_error_set(GG_EINVAL, "automaton: unknown flags 0x%x", flags);
	if (len > MAX_PATTERN_LEN)
		return gg_error_set(GG_ELIMIT, "automaton: pattern of %zu bytes is too long", len);
	if (a->n_pats >= UINT32_MAX - 1 ||
	    (exact && len >= (size_t)UINT32_MAX - a->exact_len))
		return gg_error_set(GG_ELIMIT, "automaton: too many patterns");
	if (len > SIZE_MAX - a->bytes_len)
		return gg_error_oom();
	while (a->bytes_cap < a->bytes_len + len)
		if ((err = gg_array_grow((void **)&a->bytes, &a->bytes_cap, a->bytes_cap, 1)) != 0)
			return err;
	if ((err = GG_ARRAY_PUSH_SLOT(a->pats, a->n_pats, a->cap_pats)) != 0)
		return err;

	struct pattern *p = &a->pats[a->n_pats++];

	p->off = a->bytes_len;
	p->len = (uint32_t)len;
	p->id = id;
	p->exact = exact;
	memcpy(a->bytes + a->bytes_len, pattern, len);
	a->bytes_len += len;
	if (exact)
		a->exact_len += len;
	a->n_added++;
	return 0;
}

/* qsort order of keys: symbol string, then id, then case-insensitive first. */
static int key_cmp(const void *x, const void *y)
{
	const struct key *a = x, *b = y;
	uint32_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->sym, b->sym, n);

	if (c)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return (a->exact != NONE) - (b->exact != NONE);
}

/* Number the folded bytes that occur in patterns; fill a->cls and a->nonword. */
static void assign_classes(gg_automaton *a)
{
	bool seen[256] = { false };
	uint8_t class_of[256] = { 0 };
	uint32_t n = CLS_FIRST;

	for (size_t k = 0; k < a->bytes_len; k++)
		seen[fold_byte(a->bytes[k])] = true;
	memset(a->nonword, 0, sizeof(a->nonword));
	a->nonword[CLS_GAP] = true;
	for (unsigned b = 0; b < 256; b++) {
		if (!seen[b])
			continue;
		a->nonword[n] = !is_word((unsigned char)b);
		class_of[b] = (uint8_t)n++;
	}
	for (unsigned b = 0; b < 256; b++) {
		unsigned char f = fold_byte((unsigned char)b);

		a->cls[b] = seen[f] ? class_of[f] : is_word(f) ? CLS_WORD : CLS_GAP;
	}
	a->n_classes = n;
}

/*
 * Write each pattern's symbol string to `sym` (room for 2 * bytes + patterns
 * symbols) and its case-kept bytes, for EXACT_CASE ones, to a->exact; fill
 * keys. O(P).
 */
static void make_keys(gg_automaton *a, struct key *keys, uint8_t *sym)
{
	size_t n = 0, e = 0;

	for (size_t k = 0; k < a->n_pats; k++) {
		const struct pattern *p = &a->pats[k];
		const unsigned char *b = a->bytes + p->off;
		size_t first = n;

		if (is_word(b[0]))
			sym[n++] = CLS_BOUND;
		for (uint32_t j = 0; j < p->len; j++) {
			sym[n++] = a->cls[b[j]];
			if (!is_word(b[j]))
				sym[n++] = CLS_BOUND;
		}
		keys[k].sym = sym + first;
		keys[k].len = (uint32_t)(n - first);
		keys[k].id = p->id;
		keys[k].exact = NONE;
		if (p->exact) {
			keys[k].exact = (uint32_t)e;
			for (uint32_t j = 0; j < p->len; j++)
				a->exact[e++] = sep_byte(b[j]);
		}
	}
}

/*
 * Count the trie nodes, groups and entries that the sorted keys make: each
 * key adds the symbols past its common prefix with the one before. O(P).
 */
static void count_trie(const struct key *keys, size_t m, size_t *nodes,
		       size_t *groups, size_t *entries)
{
	*nodes = 1;
	*groups = *entries = 0;
	for (size_t k = 0; k < m; k++) {
		uint32_t l = 0;

		if (k) {
			uint32_t lim = keys[k - 1].len < keys[k].len ?
				       keys[k - 1].len : keys[k].len;
			while (l < lim && keys[k - 1].sym[l] == keys[k].sym[l])
				l++;
		}
		*nodes += keys[k].len - l;
		if (!k || l != keys[k].len || l != keys[k - 1].len) {
			++*groups;
			++*entries;
		} else if (keys[k].id != keys[k - 1].id) {
			++*entries;
		}
	}
}

/*
 * Make a group of the n keys (one symbol string, sorted by id) that end at
 * node u: one entry per id, the case-insensitive one if any. Returns the
 * group's number.
 */
static uint32_t add_group(gg_automaton *a, const struct key *keys, uint32_t n, uint32_t u)
{
	struct group *g = &a->groups[a->n_groups];

	g->depth = a->depth[u];
	g->next = NONE;
	g->first = a->n_entries;
	g->n = 0;
	g->flags = 0;
	for (uint32_t k = 0; k < n; k++) {
		if (k && keys[k].id == keys[k - 1].id)
			continue;
		a->ids[a->n_entries] = keys[k].id;
		a->exact_off[a->n_entries] = keys[k].exact;
		if (keys[k].exact != NONE)
			g->flags |= GROUP_EXACT;
		a->n_entries++;
		g->n++;
	}
	return a->n_groups++;
}

/*
 * Build the trie breadth first from the m sorted keys: label, depth,
 * first_child, and out[] set to the node's own group (or NONE). `ring` has
 * room for m + 1 ranges: the nodes made but not yet expanded hold disjoint,
 * non-empty key ranges, so at most m of them are alive at once. O(P).
 */
static void build_trie(gg_automaton *a, const struct key *keys, uint32_t m,
		       struct range *ring)
{
	size_t cap = (size_t)m + 1;
	uint32_t next = 1;

	ring[0].lo = 0;
	ring[0].hi = m;
	ring[0].sym_depth = 0;
	a->label[0] = CLS_WORD;
	a->depth[0] = 0;
	for (uint32_t u = 0; u < a->n_nodes; u++) {
		struct range r = ring[u % cap];
		uint32_t d = r.sym_depth;
		uint32_t k = r.lo;

		while (k < r.hi && keys[k].len == d)
			k++;
		a->out[u] = k > r.lo ? add_group(a, keys + r.lo, k - r.lo, u) : NONE;
		a->first_child[u] = next;
		while (k < r.hi) {
			uint8_t c = keys[k].sym[d];
			uint32_t j = k + 1;

			while (j < r.hi && keys[j].sym[d] == c)
				j++;
			a->label[next] = c;
			a->depth[next] = a->depth[u] + (c != CLS_BOUND);
			ring[next % cap].lo = k;
			ring[next % cap].hi = j;
			ring[next % cap].sym_depth = d + 1;
			next++;
			k = j;
		}
	}
	a->first_child[a->n_nodes] = next;
}

/* The child of node s along class c, or NONE. O(log children). */
static uint32_t find_child(const gg_automaton *a, uint32_t s, uint32_t c)
{
	uint32_t lo = a->first_child[s], hi = a->first_child[s + 1];

	if (hi - lo <= LINEAR_CHILDREN) {
		for (; lo < hi; lo++)
			if (a->label[lo] == c)
				return lo;
		return NONE;
	}
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (a->label[mid] < c)
			lo = mid + 1;
		else if (a->label[mid] > c)
			hi = mid;
		else
			return mid;
	}
	return NONE;
}

/* Plain automaton step from node s on symbol c, by failure links alone (compile time). */
static uint32_t step_plain(const gg_automaton *a, uint32_t s, uint32_t c)
{
	for (;;) {
		uint32_t t = find_child(a, s, c);

		if (t != NONE)
			return t;
		if (!s)
			return 0;
		s = a->fail[s];
	}
}

/* Encoded transition target for node t, with T_OUT if `out` (see the layout notes). */
static uint32_t encode(const gg_automaton *a, uint32_t t, bool out)
{
	uint32_t e = t < a->n_dense ? t * a->n_classes : (t | T_SPARSE);

	return out ? e | T_OUT : e;
}

/*
 * Whether node s ends patterns that end with a word byte: they match if the
 * next text byte is a non-word byte or the text ends there.
 */
static bool holds_word_end(const gg_automaton *a, uint32_t s)
{
	return a->label[s] != CLS_BOUND && a->out[s] != NONE;
}

/* The node of an encoded state. */
static uint32_t node_of(const gg_automaton *a, uint32_t v)
{
	return v & T_SPARSE ? v & T_VALUE : (v & T_VALUE) / a->n_classes;
}

/* Encoded step from node s on CLS_BOUND; T_OUT if the target ends patterns. */
static uint32_t step_bound(const gg_automaton *a, uint32_t s)
{
	for (;;) {
		if (s < a->n_dense)
			return a->dense[(size_t)s * a->n_classes + CLS_BOUND];

		uint32_t t = find_child(a, s, CLS_BOUND);

		if (t != NONE)
			return encode(a, t, a->out[t] != NONE);
		s = a->fail[s];
	}
}

/*
 * Encoded step from sparse node s0 on the class c of a text byte, as a dense
 * row entry would be. A node on s0's failure chain that holds word ends
 * passes them on to s0, so its entries' T_OUT stays right for s0.
 */
static uint32_t step_sparse(const gg_automaton *a, uint32_t s0, uint32_t c)
{
	uint32_t out = a->nonword[c] && holds_word_end(a, s0) ? T_OUT : 0;

	for (uint32_t s = s0;;) {
		uint32_t t = find_child(a, s, c);

		if (t != NONE)
			return a->nonword[c] ? step_bound(a, t) | out : encode(a, t, false);
		s = a->fail[s];
		if (s < a->n_dense)
			return a->dense[(size_t)s * a->n_classes + c] | out;
	}
}

/*
 * In breadth-first order: complete each node's output chain, set its
 * children's failure links, and fill its dense row (if it has one) with
 * plain node numbers. Failure links point to shallower nodes, which come
 * earlier, so everything read is done. Then encode the dense rows.
 * O(P log K + n_dense K).
 */
static void link_trie(gg_automaton *a)
{
	size_t k_cls = a->n_classes;

	a->fail[0] = 0;
	for (uint32_t u = 0; u < a->n_nodes; u++) {
		uint32_t f = a->fail[u];
		uint32_t inherited = u ? a->out[f] : NONE;

		if (a->out[u] != NONE)
			a->groups[a->out[u]].next = inherited;
		else
			a->out[u] = inherited;
		for (uint32_t v = a->first_child[u]; v < a->first_child[u + 1]; v++)
			a->fail[v] = u ? step_plain(a, f, a->label[v]) : 0;
		if (u >= a->n_dense)
			continue;

		uint32_t *row = a->dense + (size_t)u * k_cls;

		if (u) {
			memcpy(row, a->dense + (size_t)f * k_cls, k_cls * sizeof(*row));
		} else {
			uint32_t bound = step_plain(a, 0, CLS_BOUND);

			for (size_t c = 0; c < k_cls; c++)
				row[c] = a->nonword[c] ? bound : 0;
		}
		for (uint32_t v = a->first_child[u]; v < a->first_child[u + 1]; v++)
			row[a->label[v]] = a->nonword[a->label[v]] ?
					   step_plain(a, v, CLS_BOUND) : v;
	}
	for (uint32_t u = 0; u < a->n_dense; u++) {
		uint32_t *row = a->dense + (size_t)u * k_cls;
		bool word_end = holds_word_end(a, u);

		for (size_t c = 0; c < k_cls; c++) {
			bool out = (a->nonword[c] && (word_end || a->out[row[c]] != NONE)) ||
				   (c == CLS_BOUND && a->out[row[c]] != NONE);

			row[c] = encode(a, row[c], out);
		}
	}
	a->start = a->dense[CLS_GAP];
}

static void free_tables(gg_automaton *a)
{
	free(a->dense);
	free(a->first_child);
	free(a->label);
	free(a->fail);
	free(a->depth);
	free(a->out);
	free(a->groups);
	free(a->ids);
	free(a->exact_off);
	free(a->exact);
	a->dense = a->first_child = a->fail = a->depth = a->out = NULL;
	a->ids = a->exact_off = NULL;
	a->label = a->exact = NULL;
	a->groups = NULL;
}

int gg_automaton_compile(gg_automaton *a)
{
	struct key *keys = NULL;
	struct range *ring = NULL;
	uint8_t *sym = NULL;
	size_t m = a->n_pats, nodes, groups, entries;
	int err = 0;

	if (a->compiled)
		return gg_error_set(GG_EINVAL, "automaton: already compiled");

	keys = alloc_array(m, sizeof(*keys));
	ring = alloc_array(m + 1, sizeof(*ring));
	sym = a->bytes_len < SIZE_MAX / 4 ? alloc_array(2 * a->bytes_len + m, 1) : NULL;
	a->exact = alloc_array(a->exact_len, 1);
	if (!keys || !ring || !sym || !a->exact) {
		err = gg_error_oom();
		goto cleanup;
	}
	assign_classes(a);
	make_keys(a, keys, sym);
	qsort(keys, m, sizeof(*keys), key_cmp);
	count_trie(keys, m, &nodes, &groups, &entries);
	if (nodes > MAX_NODES) {
		err = gg_error_set(GG_ELIMIT, "automaton: patterns make %zu trie nodes, over %u",
				   nodes, MAX_NODES);
		goto cleanup;
	}

	a->n_nodes = (uint32_t)nodes;
	a->n_dense = (uint32_t)(DENSE_BUDGET / (a->n_classes * sizeof(uint32_t)));
	if (a->n_dense > a->n_nodes)
		a->n_dense = a->n_nodes;
	a->n_groups = a->n_entries = 0;
	a->dense = alloc_array((size_t)a->n_dense * a->n_classes, sizeof(*a->dense));
	a->first_child = alloc_array(nodes + 1, sizeof(*a->first_child));
	a->label = alloc_array(nodes, sizeof(*a->label));
	a->fail = alloc_array(nodes, sizeof(*a->fail));
	a->depth = alloc_array(nodes, sizeof(*a->depth));
	a->out = alloc_array(nodes, sizeof(*a->out));
	a->groups = alloc_array(groups, sizeof(*a->groups));
	a->ids = alloc_array(entries, sizeof(*a->ids));
	a->exact_off = alloc_array(entries, sizeof(*a->exact_off));
	if (!a->dense || !a->first_child || !a->label || !a->fail || !a->depth ||
	    !a->out || !a->groups || !a->ids || !a->exact_off) {
		err = gg_error_oom();
		goto cleanup;
	}

	build_trie(a, keys, (uint32_t)m, ring);
	link_trie(a);

	free(a->pats);
	free(a->bytes);
	a->pats = NULL;
	a->bytes = NULL;
	a->n_pats = a->cap_pats = a->bytes_len = a->bytes_cap = 0;
	a->compiled = true;
cleanup:
	if (err)
		free_tables(a);
	free(keys);
	free(ring);
	free(sym);
	return err;
}

/* A candidate match waiting for selection. */
struct span {
	size_t start;
	size_t end;
	uint32_t group;
};

/* Per-call scan state; lives on the scanning thread's stack. */
struct scan {
	const gg_automaton *a;
	const unsigned char *text;
	size_t len;
	size_t cursor;      /* end of the last match reported */
	struct span *spans; /* waiting candidates, in order of end */
	size_t n_spans, cap_spans;
	uint32_t *ids;      /* ids of a reported match that needed case checks */
	size_t cap_ids;
	gg_match_cb cb;
	void *payload;
	struct span local_spans[LOCAL_SPANS];
	uint32_t local_ids[LOCAL_IDS];
};

/*
 * Case check of group g at text t: write to `out` (unless NULL) the ids of
 * the entries that match and return how many. O(entries * depth).
 */
static size_t filter_ids(const gg_automaton *a, const struct group *g,
			 const unsigned char *t, uint32_t *out)
{
	size_t n = 0;

	for (uint32_t e = g->first; e < g->first + g->n; e++) {
		uint32_t off = a->exact_off[e];

		if (off != NONE) {
			const unsigned char *p = a->exact + off;
			uint32_t k = 0;

			while (k < g->depth && sep_byte(t[k]) == p[k])
				k++;
			if (k < g->depth)
				continue;
		}
		if (out)
			out[n] = a->ids[e];
		n++;
	}
	return n;
}

/* Queue a candidate. 0, or GG_ENOMEM. */
static int push_span(struct scan *st, size_t start, size_t end, uint32_t group)
{
	if (st->n_spans == st->cap_spans) {
		size_t cap = st->cap_spans * 2;
		struct span *p;

		if (cap > SIZE_MAX / sizeof(*p))
			return gg_error_oom();
		if (st->spans == st->local_spans) {
			p = malloc(cap * sizeof(*p));
			if (p)
				memcpy(p, st->spans, st->n_spans * sizeof(*p));
		} else {
			p = realloc(st->spans, cap * sizeof(*p));
		}
		if (!p)
			return gg_error_oom();
		st->spans = p;
		st->cap_spans = cap;
	}
	st->spans[st->n_spans].start = start;
	st->spans[st->n_spans].end = end;
	st->spans[st->n_spans].group = group;
	st->n_spans++;
	return 0;
}

/*
 * Queue every group on node's output chain that ends at `end`, starts at or
 * after the cursor and passes its case check. (The word boundaries are the
 * automaton's business.)
 */
static int collect(struct scan *st, uint32_t node, size_t end)
{
	const gg_automaton *a = st->a;

	for (uint32_t g = a->out[node]; g != NONE; g = a->groups[g].next) {
		const struct group *gr = &a->groups[g];
		size_t start = end - gr->depth;
		int err;

		if (start < st->cursor)
			continue;
		if ((gr->flags & GROUP_EXACT) && !filter_ids(a, gr, st->text + start, NULL))
			continue;
		if ((err = push_span(st, start, end, g)) != 0)
			return err;
	}
	return 0;
}

/* Report span s to the callback. Its return, or GG_ENOMEM. */
static int report(struct scan *st, const struct span *s)
{
	const gg_automaton *a = st->a;
	const struct group *g = &a->groups[s->group];
	gg_match m;

	m.start = s->start;
	m.end = s->end;
	if (g->flags & GROUP_EXACT) {
		if (g->n > st->cap_ids) {
			uint32_t *p = malloc(g->n * sizeof(*p));

			if (!p)
				return gg_error_oom();
			if (st->ids != st->local_ids)
				free(st->ids);
			st->ids = p;
			st->cap_ids = g->n;
		}
		m.ids = st->ids;
		m.n_ids = filter_ids(a, g, st->text + s->start, st->ids);
	} else {
		m.ids = a->ids + g->first;
		m.n_ids = g->n;
	}
	return st->cb(&m, st->payload);
}

/*
 * Report, in order, the waiting candidates that nothing can beat any more:
 * those starting before `horizon`, the earliest start any later candidate
 * can have. O(waiting) per report.
 */
static int report_ready(struct scan *st, size_t horizon)
{
	while (st->n_spans) {
		size_t best = 0, kept = 0;

		for (size_t k = 1; k < st->n_spans; k++) {
			const struct span *s = &st->spans[k], *b = &st->spans[best];

			if (s->start < b->start || (s->start == b->start && s->end > b->end))
				best = k;
		}
		if (st->spans[best].start >= horizon)
			return 0;

		struct span win = st->spans[best];
		int err = report(st, &win);

		if (err)
			return err;
		st->cursor = win.end;
		for (size_t k = 0; k < st->n_spans; k++)
			if (st->spans[k].start >= st->cursor)
				st->spans[kept++] = st->spans[k];
		st->n_spans = kept;
	}
	return 0;
}

/*
 * The hot loop runs while the state is a dense node with nothing to report
 * or wait for: one table load per byte. Anything else (an output, a sparse
 * node, waiting candidates) takes the careful step below it.
 */
int gg_automaton_scan(const gg_automaton *a, const char *text, size_t len,
		      gg_match_cb cb, void *payload)
{
	const unsigned char *t = (const unsigned char *)text;
	const uint32_t *dense = a->dense;
	const uint8_t *cls = a->cls;
	struct scan st;
	uint32_t v = a->start;
	size_t i = 0;
	int err = 0;

	if (!a->compiled)
		return gg_error_set(GG_EINVAL, "automaton: scan before compile");
	if (!cb)
		return gg_error_set(GG_EINVAL, "automaton: no match callback");
	st.a = a;
	st.text = t;
	st.len = len;
	st.cursor = 0;
	st.spans = st.local_spans;
	st.n_spans = 0;
	st.cap_spans = LOCAL_SPANS;
	st.ids = st.local_ids;
	st.cap_ids = LOCAL_IDS;
	st.cb = cb;
	st.payload = payload;

	while (i < len) {
		if (!(v & (T_OUT | T_SPARSE)) && !st.n_spans) {
			while (i < len) {
				uint32_t w = dense[v + cls[t[i]]];

				if (w & (T_OUT | T_SPARSE))
					break;
				v = w;
				i++;
			}
			if (i == len)
				break;
		}

		uint32_t prev = v, c = cls[t[i++]];

		v = prev & T_SPARSE ? step_sparse(a, prev & T_VALUE, c) :
				      dense[(prev & T_VALUE) + c];
		if (!(v & T_OUT) && !st.n_spans)
			continue;

		uint32_t node = node_of(a, v);

		if (v & T_OUT) {
			uint32_t from = node_of(a, prev);

			if (holds_word_end(a, from) && (err = collect(&st, from, i - 1)) != 0)
				break;
			if ((err = collect(&st, node, i)) != 0)
				break;
		}
		if (st.n_spans && (err = report_ready(&st, i - a->depth[node])) != 0)
			break;
	}
	if (!err && holds_word_end(a, node_of(a, v)))
		err = collect(&st, node_of(a, v), len);
	if (!err)
		err = report_ready(&st, SIZE_MAX);
	if (st.spans != st.local_spans)
		free(st.spans);
	if (st.ids != st.local_ids)
		free(st.ids);
	return err;
}

size_t gg_automaton_count(const gg_automaton *a)
{
	return a->n_added;
}

size_t gg_automaton_memory(const gg_automaton *a)
{
	size_t n = sizeof(*a) + a->cap_pats * sizeof(*a->pats) + a->bytes_cap;

	if (a->compiled)
		n += (size_t)a->n_dense * a->n_classes * sizeof(*a->dense) +
		     ((size_t)a->n_nodes + 1) * sizeof(*a->first_child) +
		     (size_t)a->n_nodes * (sizeof(*a->label) + sizeof(*a->fail) +
					   sizeof(*a->depth) + sizeof(*a->out)) +
		     (size_t)a->n_groups * sizeof(*a->groups) +
		     (size_t)a->n_entries * (sizeof(*a->ids) + sizeof(*a->exact_off)) +
		     a->exact_len;
	return n;
}

void gg_automaton_free(gg_automaton *a)
{
	if (!a)
		return;
	free_tables(a);
	free(a->pats);
	free(a->bytes);
	free(a);
}
