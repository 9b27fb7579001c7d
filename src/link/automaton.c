/* automaton.c - Aho-Corasick over word tokens, with leftmost-longest selection. */
#include "link/automaton.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && defined(__x86_64__)
#define HAVE_SSE2_64 1
#include <emmintrin.h>
#endif

/*
 * Why tokens. A pattern that begins (ends) with a word byte must begin (end)
 * where a word does, and every other byte stands for itself; so the text
 * can be cut into tokens - a maximal run of word bytes, or one non-word
 * byte - and a pattern matches exactly where its own tokens equal a run of
 * text tokens: "neural-tangent kernel" is [neural][ ][tangent][ ][kernel];
 * "(tm)" is [(][tm][)] and may follow any token, so it matches inside
 * "Foo(tm)bar". Tokens are folded like the bytes (case, '-' and '_'). A
 * byte-level automaton over English prose with 15,000 terms steps into a
 * different, mostly uncached state at every byte (about 50 MB/s here, with
 * a 30 MB table); over tokens a word costs one hash probe, and the automaton
 * mostly sits at its root.
 *
 * Tokens: TOK_UNKNOWN (0) stands for every word or byte that occurs in no
 * pattern, 1 + b for the non-word byte b, TOK_WORDS + w for the w-th
 * distinct word of the patterns. Words are found in `dict`, an open-address
 * hash table (linear probing, at most a quarter full). A word under 16
 * bytes is its own key (its folded bytes packed in two integers; word bytes
 * are never 0); a longer one is keyed by its first 8 bytes and a hash of
 * the rest, and compared with its bytes in `words`. Each slot also holds
 * the state the word leads to from the root, and byte_slot does the same
 * for non-word bytes, so at the root a token costs no more than its lookup.
 *
 * The scan reads a word 16 bytes at a time (SSE2; else twice 8 bytes with
 * bit tricks); most words are settled by the first two slots of their
 * probe sequence. Over ASCII (scan_ascii, up to the next byte >= 0x80)
 * each token is read and stepped at once, and at the root, with no
 * candidate waiting, a run of non-word bytes that lead back to the root is
 * skipped in a tight loop (root_skip): most prose bytes cost a table look-up
 * and most words one slot. (Reading words ahead to prefetch their slots
 * was tried: a third more instructions at 15,000 terms, no gain measured
 * at 1,000,000.) A word run with a byte >= 0x80 goes through read_tokens,
 * which cuts a batch of tokens and prefetches their slots; its batch ends
 * with the run.
 *
 * Trie: the patterns' token strings, sorted, are built into a trie level by
 * level, so nodes are numbered in breadth-first order and the children of a
 * node are consecutive, nodes[u].first_child .. nodes[u + 1].first_child - 1,
 * sorted by the token on their edge (their label). Each node has its failure
 * link, its depth in bytes, and `out`: the first group of patterns on its
 * failure chain (itself included), or NONE. The root's transitions are a
 * plain array over all tokens (root_next); other nodes search their
 * children and follow failure links, amortised O(1) per token. A token that
 * no pattern holds leads to the root from anywhere. A state is a node
 * number with S_OUT set when the node's `out` is not NONE. Memory: 20 bytes
 * per trie node (one per pattern token not shared with another pattern's
 * prefix), 24 per dictionary slot, plus the words and the EXACT_CASE forms.
 *
 * Outputs: the patterns ending at one node share their folded text, hence
 * their length: they form a group. A group's `next` continues the failure
 * chain. Its entries (ids, exact_off) are sorted by id, one per id,
 * preferring the case-insensitive pattern when an id has both kinds.
 *
 * Beyond ASCII: a word run with a byte >= 0x80 is cut at the space
 * separators (each a ' ' token) and every other piece is folded whole by
 * gg_i_utf8_fold (full case folding, NFC), in the patterns and in the text
 * alike. The scan finds such runs with one look ahead for the next byte
 * >= 0x80 (find_high), so ASCII words take the fast path unchanged. Folding
 * changes lengths ("\u00df" is 2 bytes, "ss" 2, U+FB01 3 and "fi" 2), so the
 * scan counts positions in the folded text and keeps, for the stretch a
 * match can still reach back over, the steps where the distance between
 * folded and text positions changed; matches are turned back into text
 * positions when checked and reported. EXACT_CASE patterns are compared in
 * NFC without case folding (exact_form).
 *
 * Selection: candidates that pass the case check wait in a small list. The
 * current node's depth bounds where any later candidate can start (end of
 * the token - depth, a byte later at a leaf, whose next state is reached
 * through a shorter suffix); once the best waiting candidate (leftmost,
 * then longest) starts before that bound nothing can beat it, so it is
 * reported, and the candidates that start before its end are dropped. A
 * match that ends at a leaf is thus reported at once, and a lone waiting
 * candidate without a search.
 */

#define NONE UINT32_MAX
/* Bytes of all patterns together; bounds tokens and nodes below 2^31. */
#define MAX_BYTES ((size_t)INT32_MAX - 1)

#define TOK_UNKNOWN 0u
#define TOK_WORDS 257u
#define TOK_LONG 0x80000000u

/* A state is a node number, with S_OUT when the node's `out` is not NONE. */
#define S_OUT 0x80000000u

/* Nodes with more children than this are searched by bisection. */
#define LINEAR_CHILDREN 8

/* Word keys: chunks past the second are mixed in with this multiplier. */
#define KEY_MIX 0x100000001b3ull
#define SLOT_MIX 0x9e3779b97f4a7c15ull

/* Tokens read ahead per round of the scan beyond ASCII. */
#define TOKEN_BATCH 64

/* Scan scratch kept on the stack; larger needs fall back to the heap. */
#define LOCAL_SPANS 32
#define LOCAL_IDS 64
#define LOCAL_STEPS 32

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

/* A word's key: its first 8 folded bytes, then the next 8 or a hash of the rest. */
struct wkey {
	uint64_t lo, hi;
};

/* A dictionary slot: one word of the patterns; all zero when free. */
struct slot {
	struct wkey key;
	uint32_t tok;  /* its token, with TOK_LONG for words of 16 bytes or more */
	uint32_t root; /* the state the word leads to from the root */
};

struct node {
	uint32_t label; /* the token on the edge from its parent */
	uint32_t first_child;
	uint32_t fail;
	uint32_t out;   /* first group on the failure chain, or NONE */
	uint32_t depth; /* bytes of the node's string */
};

/* The patterns that end at one trie node. */
struct group {
	uint32_t depth; /* length of the patterns in bytes */
	uint32_t next;  /* next group on the failure chain, or NONE */
	uint32_t first; /* entries first .. first + n - 1 */
	uint32_t n;
	uint32_t flags; /* GROUP_* */
};

struct gg_i_automaton {
	/* Before compile: the patterns and their bytes as added. */
	struct pattern *pats;
	size_t n_pats, cap_pats;
	unsigned char *bytes;
	size_t bytes_len, bytes_cap;
	size_t n_added;
	bool compiled;

	/* After compile. */
	uint8_t word_fold[256];     /* word byte -> its folded form; 0 for non-word bytes */
	bool root_skip[256];        /* a non-word byte that leads from the root to the root */
	struct slot byte_slot[256]; /* non-word byte -> its token and root state */
	struct slot *dict;          /* 1 << dict_bits slots, then a copy of the first */
	uint32_t dict_bits;         /* the table has 1 << dict_bits slots */
	uint32_t n_words;
	unsigned char *words;       /* folded bytes of each word, back to back */
	uint32_t *word_off;         /* n_words + 1 offsets into `words` */
	uint32_t *root_next;        /* TOK_WORDS + n_words */
	struct node *nodes;         /* n_nodes + 1 (the last holds first_child only) */
	uint32_t n_nodes;
	struct group *groups;
	uint32_t n_groups;
	uint32_t *ids;              /* per entry */
	uint32_t *exact_off;        /* per entry: offset in `exact`, or NONE */
	uint32_t n_entries;
	/* The EXACT_CASE patterns as exact_form makes them, each after its length. */
	unsigned char *exact;
	size_t exact_len;
};

/* A pattern's sort key during compile. */
struct key {
	const uint32_t *sym; /* its token string */
	uint32_t len;        /* tokens */
	uint32_t id;
	uint32_t exact;      /* offset of its bytes in a->exact, or NONE */
};

/* A trie node waiting to be expanded: keys lo .. hi - 1 pass through it. */
struct range {
	uint32_t lo, hi;
	uint32_t sym_depth;
};

/* The byte as matching sees it: A-Z as a-z, '-' and '_' as ' '. */
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

/* Word bytes: ASCII letters and digits, and every byte >= 0x80 (UTF-8). */
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

/* Give back the unused end of a heap block of `bytes` used bytes (kept if realloc fails). */
static void shrink(void **p, size_t bytes)
{
	void *q = realloc(*p, bytes ? bytes : 1);

	if (q)
		*p = q;
}

/* See automaton.h for the public functions' contracts. */
int gg_i_automaton_new(gg_i_automaton **out)
{
	*out = calloc(1, sizeof(**out));
	return *out ? 0 : gg_i_error_oom();
}

/* Copies the bytes as they are; folding and cutting wait for compile. */
int gg_i_automaton_add(gg_i_automaton *a, const char *pattern, size_t len,
		     uint32_t id, unsigned flags)
{
	bool exact = flags & GG_AUTOMATON_EXACT_CASE;
	int err;

	if (a->compiled)
		return gg_i_error_set(GG_EINVAL, "automaton: cannot add a pattern after compile");
	if (len == 0)
		return gg_i_error_set(GG_EINVAL, "automaton: empty pattern");
	if (flags & ~GG_AUTOMATON_EXACT_CASE)
		return gg_i_error_set(GG_EINVAL, "automaton: unknown flags 0x%x", flags);
	if (len > MAX_BYTES - a->bytes_len)
		return gg_i_error_set(GG_ELIMIT, "automaton: patterns over %zu bytes in all", MAX_BYTES);
	while (a->bytes_cap < a->bytes_len + len)
		if ((err = gg_i_array_grow((void **)&a->bytes, &a->bytes_cap, a->bytes_cap, 1)) != 0)
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
	a->n_added++;
	return 0;
}

/*
 * Key of a word from its folded bytes, cut in chunks of 8 (the last one
 * shorter, maybe empty), each packed little-endian: the first chunk, then
 * the second, or for words of 16 bytes or more, the later chunks mixed. A
 * word shorter than 16 bytes is its own key (its bytes are never 0). Must
 * agree with read_word.
 */
static struct wkey word_key(const unsigned char *f, size_t len)
{
	struct wkey k = { 0, 0 };

	for (size_t j = 0;; j += 8) {
		size_t n = len - j < 8 ? len - j : 8;
		uint64_t c = 0;

		for (size_t b = 0; b < n; b++)
			c |= (uint64_t)f[j + b] << (8 * b);
		if (!j)
			k.lo = c;
		else
			k.hi = j == 8 ? c : (k.hi ^ c) * KEY_MIX;
		if (n < 8)
			return k;
	}
}

/* Home slot of a key in a table of 1 << bits slots. */
static size_t slot_of(struct wkey key, uint32_t bits)
{
	return (size_t)(((key.lo ^ key.hi * KEY_MIX) * SLOT_MIX) >> (64 - bits));
}

/*
 * The slot holding the word `f` (folded, len bytes, key `key`), or the free
 * slot where it belongs. Words of 16 bytes or more are compared byte by
 * byte; `fold` maps the bytes of f first (NULL: f is folded already).
 */
static struct slot *find_slot(const gg_i_automaton *a, struct wkey key, size_t len,
			      const unsigned char *f, const uint8_t *fold)
{
	size_t mask = ((size_t)1 << a->dict_bits) - 1;

	for (size_t i = slot_of(key, a->dict_bits);; i = (i + 1) & mask) {
		struct slot *s = &a->dict[i];

		if (!s->tok)
			return s;
		if (s->key.lo != key.lo || s->key.hi != key.hi ||
		    !(s->tok & TOK_LONG) != (len < 16))
			continue;
		if (len < 16)
			return s;

		uint32_t w = (s->tok & ~TOK_LONG) - TOK_WORDS;
		const unsigned char *b = a->words + a->word_off[w];
		size_t k = 0;

		if (a->word_off[w + 1] - a->word_off[w] != len)
			continue;
		while (k < len && (fold ? fold[f[k]] : f[k]) == b[k])
			k++;
		if (k == len)
			return s;
	}
}

/* Double the dictionary. 0, or GG_ENOMEM with the table untouched. */
static int grow_dict(gg_i_automaton *a)
{
	struct slot *old = a->dict;
	size_t n_old = (size_t)1 << a->dict_bits;

	a->dict = calloc(n_old * 2 + 1, sizeof(*a->dict));
	if (!a->dict) {
		a->dict = old;
		return gg_i_error_oom();
	}
	a->dict_bits++;
	for (size_t i = 0; i < n_old; i++) {
		if (!old[i].tok)
			continue;

		size_t mask = ((size_t)1 << a->dict_bits) - 1;
		size_t k = slot_of(old[i].key, a->dict_bits);

		while (a->dict[k].tok)
			k = (k + 1) & mask;
		a->dict[k] = old[i];
	}
	free(old);
	return 0;
}

/*
 * The token of the word whose folded bytes were just appended to a->words
 * at word_off[n_words] (len bytes): an existing word's (the bytes are taken
 * back) or a new one. Sets *tok; 0 or GG_ENOMEM.
 */
static int intern_word(gg_i_automaton *a, size_t len, uint32_t *tok)
{
	const unsigned char *f = a->words + a->word_off[a->n_words];
	struct wkey key = word_key(f, len);
	struct slot *s = find_slot(a, key, len, f, NULL);
	int err;

	if (s->tok) {
		*tok = s->tok & ~TOK_LONG;
		return 0;
	}
	if ((size_t)(a->n_words + 1) * 4 > (size_t)1 << a->dict_bits) {
		if ((err = grow_dict(a)) != 0)
			return err;
		s = find_slot(a, key, len, f, NULL);
	}
	*tok = TOK_WORDS + a->n_words;
	s->key = key;
	s->tok = *tok | (len < 16 ? 0 : TOK_LONG);
	s->root = 0;
	a->n_words++;
	a->word_off[a->n_words] = (uint32_t)(a->word_off[a->n_words - 1] + len);
	return 0;
}

/*
 * Where the piece of the word run t[i, end) that starts at i ends. A word
 * run (ASCII letters and digits, bytes >= 0x80) is cut at the space
 * separators beyond ASCII (U+00A0, U+2007, U+202F ...): a piece is one such
 * separator (*space set) or the text up to the next one.
 */
static size_t piece_end(const unsigned char *t, size_t i, size_t end, bool *space)
{
	gg_i_char_kind kind;
	size_t n;

	*space = false;
	if (t[i] >= 0x80) {
		n = gg_i_utf8_char(t + i, end - i, &kind);
		if (kind == GG_CHAR_SPACE) {
			*space = true;
			return i + n;
		}
		i += n;
	}
	while (i < end) {
		if (t[i] < 0x80) {
			i++;
			continue;
		}
		n = gg_i_utf8_char(t + i, end - i, &kind);
		if (kind == GG_CHAR_SPACE)
			break;
		i += n;
	}
	return i;
}

/* Whether t[i, end) holds a byte >= 0x80. */
static bool has_high(const unsigned char *t, size_t i, size_t end)
{
	while (i < end && t[i] < 0x80)
		i++;
	return i < end;
}

/*
 * Append to `out` s[0, n) as an EXACT_CASE comparison sees it: NFC, case
 * kept, '-', '_' and every space separator as ' '. 0 or GG_ENOMEM.
 */
static int exact_form(gg_i_buf *out, gg_i_buf *scratch, const unsigned char *s, size_t n)
{
	size_t i = 0, from = 0;
	int err;

	while (i < n) {
		gg_i_char_kind kind = GG_CHAR_OTHER;
		size_t k = s[i] < 0x80 ? 1 : gg_i_utf8_char(s + i, n - i, &kind);

		if (kind == GG_CHAR_SPACE || s[i] == '-' || s[i] == '_' || s[i] == ' ') {
			if ((err = gg_i_utf8_fold(out, scratch, (const char *)s + from, i - from, 0)) != 0)
				return err;
			gg_i_buf_putc(out, ' ');
			from = i + k;
		}
		i += k;
	}
	if ((err = gg_i_utf8_fold(out, scratch, (const char *)s + from, n - from, 0)) != 0)
		return err;
	return gg_i_buf_ok(out);
}

/* Tokens in all the patterns together. O(P). */
static size_t count_tokens(const gg_i_automaton *a)
{
	size_t n = 0;

	for (size_t k = 0; k < a->n_pats; k++) {
		const unsigned char *b = a->bytes + a->pats[k].off;
		uint32_t len = a->pats[k].len;

		for (uint32_t j = 0; j < len; n++) {
			uint32_t e = j;
			bool space;

			while (e < len && is_word(b[e]))
				e++;
			if (e == j) {
				j++;
			} else if (!has_high(b, j, e)) {
				j = e;
			} else {
				j = (uint32_t)piece_end(b, j, e, &space);
				n += j < e;
			}
		}
	}
	return n;
}

/*
 * The token of the folded word f[0, len): copied to the end of a->words
 * (grown as needed; *cap is its size) and interned. Sets *tok; 0 or
 * GG_ENOMEM.
 */
static int add_word(gg_i_automaton *a, size_t *cap, const unsigned char *f, size_t len,
		    uint32_t *tok)
{
	size_t at = a->word_off[a->n_words];

	if (len > MAX_BYTES - at)
		return gg_i_error_set(GG_ELIMIT, "automaton: patterns over %zu bytes in all once folded",
				    MAX_BYTES);
	if (at + len > *cap) {
		size_t want = (at + len) * 2;
		unsigned char *p = realloc(a->words, want);

		if (!p)
			return gg_i_error_oom();
		a->words = p;
		*cap = want;
	}
	memcpy(a->words + at, f, len);
	return intern_word(a, len, tok);
}

/*
 * Cut every pattern into tokens: fill `keys` (token strings in `sym`, which
 * has room for count_tokens), the dictionary and `words` (*words_cap bytes,
 * grown as needed), byte_slot, word_fold, and a->exact. A word run of
 * ASCII is folded byte by byte; one with other bytes is cut into pieces
 * (piece_end), each space separator a ' ' token and each other piece one
 * word, folded whole by gg_i_utf8_fold, as the scan folds the text.
 * 0 or GG_ENOMEM. O(P).
 */
static int tokenize(gg_i_automaton *a, struct key *keys, uint32_t *sym, size_t *words_cap)
{
	bool seen[256] = { false };
	gg_i_buf fold = GG_BUF_INIT, scratch = GG_BUF_INIT, exact = GG_BUF_INIT;
	size_t n = 0;
	int err = 0;

	for (size_t k = 0; k < a->n_pats && !err; k++) {
		const struct pattern *p = &a->pats[k];
		const unsigned char *b = a->bytes + p->off;
		size_t first = n, depth = 0; /* folded bytes, bounded as node depths are */

		for (uint32_t j = 0; j < p->len && !err;) {
			uint32_t e = j;
			bool space;

			while (e < p->len && is_word(b[e]))
				e++;
			if (e == j) {
				unsigned char f = fold_byte(b[j++]);

				seen[f] = true;
				sym[n++] = 1u + f;
				depth++;
				continue;
			}
			if (!has_high(b, j, e)) {
				fold.len = 0;
				for (; j < e; j++)
					gg_i_buf_putc(&fold, (char)fold_byte(b[j]));
				depth += fold.len;
				if (!(err = gg_i_buf_ok(&fold)))
					err = add_word(a, words_cap, (const unsigned char *)fold.ptr,
						       fold.len, &sym[n++]);
				continue;
			}
			while (j < e && !err) {
				uint32_t pe = (uint32_t)piece_end(b, j, e, &space);

				if (space) {
					seen[' '] = true;
					sym[n++] = 1u + ' ';
					depth++;
				} else {
					fold.len = 0;
					err = gg_i_utf8_fold(&fold, &scratch, (const char *)b + j, pe - j,
							   GG_FOLD_CASE);
					depth += fold.len;
					if (!err)
						err = add_word(a, words_cap, (const unsigned char *)fold.ptr,
							       fold.len, &sym[n++]);
				}
				j = pe;
			}
		}
		if (!err && depth > MAX_BYTES)
			err = gg_i_error_set(GG_ELIMIT, "automaton: a pattern over %zu bytes once folded",
					   MAX_BYTES);
		keys[k].sym = sym + first;
		keys[k].len = (uint32_t)(n - first);
		keys[k].id = p->id;
		keys[k].exact = NONE;
		if (p->exact && !err) {
			size_t at = exact.len;
			uint32_t elen;

			if (at > NONE - 1)
				err = gg_i_error_set(GG_ELIMIT, "automaton: exact patterns too long");
			keys[k].exact = (uint32_t)at;
			gg_i_buf_put(&exact, "\0\0\0\0", 4);
			if (!err)
				err = exact_form(&exact, &scratch, b, p->len);
			if (!err) {
				elen = (uint32_t)(exact.len - at - 4);
				memcpy(exact.ptr + at, &elen, 4);
			}
		}
	}
	gg_i_buf_free(&fold);
	gg_i_buf_free(&scratch);
	if (err) {
		gg_i_buf_free(&exact);
		return err;
	}
	a->exact_len = exact.len;
	a->exact = (unsigned char *)(exact.ptr ? exact.ptr : calloc(1, 1));
	if (!a->exact)
		return gg_i_error_oom();
	for (unsigned b = 0; b < 256; b++) {
		unsigned char f = fold_byte((unsigned char)b);

		a->word_fold[b] = is_word(f) ? f : 0;
		a->byte_slot[b].tok = !is_word(f) && seen[f] ? 1u + f : TOK_UNKNOWN;
	}
	return 0;
}

/* qsort order of keys: token string, then id, then case-insensitive first. */
static int key_cmp(const void *x, const void *y)
{
	const struct key *a = x, *b = y;
	uint32_t n = a->len < b->len ? a->len : b->len;

	for (uint32_t k = 0; k < n; k++)
		if (a->sym[k] != b->sym[k])
			return a->sym[k] < b->sym[k] ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return (a->exact != NONE) - (b->exact != NONE);
}

/*
 * Count the trie nodes, groups and entries that the sorted keys make: each
 * key adds the tokens past its common prefix with the one before. O(P).
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

/* Bytes of token `tok` (not TOK_UNKNOWN). */
static uint32_t token_len(const gg_i_automaton *a, uint32_t tok)
{
	if (tok < TOK_WORDS)
		return 1;
	return a->word_off[tok - TOK_WORDS + 1] - a->word_off[tok - TOK_WORDS];
}

/*
 * Make a group of the n keys (one token string, sorted by id) that end at
 * node u: one entry per id, the case-insensitive one if any. Returns the
 * group's number.
 */
static uint32_t add_group(gg_i_automaton *a, const struct key *keys, uint32_t n, uint32_t u)
{
	struct group *g = &a->groups[a->n_groups];

	g->depth = a->nodes[u].depth;
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
 * first_child, and out set to the node's own group (or NONE). `ring` has
 * room for m + 1 ranges: the nodes made but not yet expanded hold disjoint,
 * non-empty key ranges, so at most m of them are alive at once. O(P).
 */
static void build_trie(gg_i_automaton *a, const struct key *keys, uint32_t m,
		       struct range *ring)
{
	size_t cap = (size_t)m + 1;
	uint32_t next = 1;

	ring[0].lo = 0;
	ring[0].hi = m;
	ring[0].sym_depth = 0;
	a->nodes[0].label = TOK_UNKNOWN;
	a->nodes[0].depth = 0;
	for (uint32_t u = 0; u < a->n_nodes; u++) {
		struct range r = ring[u % cap];
		uint32_t d = r.sym_depth;
		uint32_t k = r.lo;

		while (k < r.hi && keys[k].len == d)
			k++;
		a->nodes[u].out = k > r.lo ? add_group(a, keys + r.lo, k - r.lo, u) : NONE;
		a->nodes[u].first_child = next;
		while (k < r.hi) {
			uint32_t tok = keys[k].sym[d];
			uint32_t j = k + 1;

			while (j < r.hi && keys[j].sym[d] == tok)
				j++;
			a->nodes[next].label = tok;
			a->nodes[next].depth = a->nodes[u].depth + token_len(a, tok);
			ring[next % cap].lo = k;
			ring[next % cap].hi = j;
			ring[next % cap].sym_depth = d + 1;
			next++;
			k = j;
		}
	}
	a->nodes[a->n_nodes].first_child = next;
}

/* The child of node s along token tok, or NONE. O(log children). */
static uint32_t find_child(const gg_i_automaton *a, uint32_t s, uint32_t tok)
{
	uint32_t lo = a->nodes[s].first_child, hi = a->nodes[s + 1].first_child;

	if (hi - lo <= LINEAR_CHILDREN) {
		for (; lo < hi; lo++)
			if (a->nodes[lo].label == tok)
				return lo;
		return NONE;
	}
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (a->nodes[mid].label < tok)
			lo = mid + 1;
		else if (a->nodes[mid].label > tok)
			hi = mid;
		else
			return mid;
	}
	return NONE;
}

/* The state of a node: its number, with S_OUT if patterns end there. */
static uint32_t state_of(const gg_i_automaton *a, uint32_t node)
{
	return a->nodes[node].out != NONE ? node | S_OUT : node;
}

/*
 * The state after token tok (not TOK_UNKNOWN) from node s, given `root`,
 * the state tok leads to from the root (root_next[tok], which the scan
 * has at hand in the token's slot). Amortised O(1) per token: each failure
 * link followed shortens the current match.
 */
static uint32_t step(const gg_i_automaton *a, uint32_t s, uint32_t tok, uint32_t root)
{
	for (;;) {
		if (!s)
			return root;

		uint32_t t = find_child(a, s, tok);

		if (t != NONE)
			return state_of(a, t);
		s = a->nodes[s].fail;
	}
}

/*
 * In breadth-first order: fill root_next from the root's children, complete
 * each node's output chain and set its children's failure links. Failure
 * links point to shallower nodes, which come earlier, so everything read is
 * done (a child of the root has no chain beyond itself, so its state is
 * final from the start). Then copy the root's steps into the dictionary
 * and byte_slot, and note the bytes the root skips. O(P log children).
 */
static void link_trie(gg_i_automaton *a)
{
	struct node *nodes = a->nodes;

	memset(a->root_next, 0, ((size_t)TOK_WORDS + a->n_words) * sizeof(*a->root_next));
	for (uint32_t v = nodes[0].first_child; v < nodes[1].first_child; v++)
		a->root_next[a->nodes[v].label] = state_of(a, v);
	nodes[0].fail = 0;
	for (uint32_t u = 0; u < a->n_nodes; u++) {
		uint32_t f = nodes[u].fail;
		uint32_t inherited = u ? nodes[f].out : NONE;

		if (nodes[u].out != NONE)
			a->groups[nodes[u].out].next = inherited;
		else
			nodes[u].out = inherited;
		for (uint32_t v = nodes[u].first_child; v < nodes[u + 1].first_child; v++)
			nodes[v].fail = u ? step(a, f, nodes[v].label, a->root_next[nodes[v].label]) & ~S_OUT : 0;
	}
	for (size_t k = 0; k < (size_t)1 << a->dict_bits; k++)
		a->dict[k].root = a->root_next[a->dict[k].tok & ~TOK_LONG];
	a->dict[(size_t)1 << a->dict_bits] = a->dict[0];
	for (unsigned b = 0; b < 256; b++) {
		a->byte_slot[b].root = a->root_next[a->byte_slot[b].tok];
		a->root_skip[b] = !a->word_fold[b] && !a->byte_slot[b].root;
	}
}

/* Free what compile builds, leaving the pointers NULL. */
static void free_tables(gg_i_automaton *a)
{
	free(a->dict);
	free(a->words);
	free(a->word_off);
	free(a->root_next);
	free(a->nodes);
	free(a->groups);
	free(a->ids);
	free(a->exact_off);
	free(a->exact);
	a->exact_len = 0;
	a->dict = NULL;
	a->words = a->exact = NULL;
	a->word_off = a->root_next = a->ids = a->exact_off = NULL;
	a->nodes = NULL;
	a->groups = NULL;
	a->n_words = 0;
}

/*
 * Tokenize, sort, count, then build the trie and its links; every table is
 * allocated at its final size before building. On error free_tables undoes
 * the partial work and the patterns stay.
 */
int gg_i_automaton_compile(gg_i_automaton *a)
{
	struct key *keys = NULL;
	struct range *ring = NULL;
	uint32_t *sym = NULL;
	size_t m = a->n_pats, nodes, groups, entries, words_cap = a->bytes_len;
	int err = 0;

	if (a->compiled)
		return gg_i_error_set(GG_EINVAL, "automaton: already compiled");

	keys = alloc_array(m, sizeof(*keys));
	ring = alloc_array(m + 1, sizeof(*ring));
	sym = alloc_array(count_tokens(a), sizeof(*sym));
	a->words = alloc_array(a->bytes_len, 1);
	a->word_off = alloc_array(a->bytes_len + 1, sizeof(*a->word_off));
	a->dict_bits = 4;
	a->dict = calloc(((size_t)1 << a->dict_bits) + 1, sizeof(*a->dict));
	if (!keys || !ring || !sym || !a->words || !a->word_off || !a->dict) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	a->n_words = 0;
	a->word_off[0] = 0;
	if ((err = tokenize(a, keys, sym, &words_cap)) != 0)
		goto cleanup;
	shrink((void **)&a->words, a->word_off[a->n_words]);
	shrink((void **)&a->word_off, ((size_t)a->n_words + 1) * sizeof(*a->word_off));
	qsort(keys, m, sizeof(*keys), key_cmp);
	count_trie(keys, m, &nodes, &groups, &entries);

	a->n_nodes = (uint32_t)nodes;
	a->n_groups = a->n_entries = 0;
	a->root_next = alloc_array((size_t)TOK_WORDS + a->n_words, sizeof(*a->root_next));
	a->nodes = alloc_array(nodes + 1, sizeof(*a->nodes));
	a->groups = alloc_array(groups, sizeof(*a->groups));
	a->ids = alloc_array(entries, sizeof(*a->ids));
	a->exact_off = alloc_array(entries, sizeof(*a->exact_off));
	if (!a->root_next || !a->nodes || !a->groups || !a->ids ||
	    !a->exact_off) {
		err = gg_i_error_oom();
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

/* Eight bytes as a little-endian number, whatever the machine's order. */
static inline uint64_t load_le64(const unsigned char *p)
{
	uint64_t x;

	memcpy(&x, p, sizeof(x));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);
#endif
	return x;
}

#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull
#define LOW7 0x7f7f7f7f7f7f7f7full

/* High bit of each byte of x7 (all < 0x80) that is >= c (1 <= c <= 0x80). */
static uint64_t bytes_ge(uint64_t x7, unsigned c)
{
	return (x7 + (0x80 - c) * ONES) & HIGH;
}

/*
 * The word bytes at the start of the eight text bytes x, folded and packed
 * as word_key packs them (the rest cleared); *n gets how many.
 */
static inline uint64_t word_chunk(uint64_t x, unsigned *n)
{
	uint64_t x7 = x & LOW7, l7 = (x | 0x20 * ONES) & LOW7;
	uint64_t word = (x & HIGH) | (bytes_ge(x7, '0') & ~bytes_ge(x7, '9' + 1)) |
			(bytes_ge(l7, 'a') & ~bytes_ge(l7, 'z' + 1));
	uint64_t upper = bytes_ge(x7, 'A') & ~bytes_ge(x7, 'Z' + 1) & ~x;
	uint64_t stop = ~word & HIGH;

	*n = stop ? (unsigned)__builtin_ctzll(stop) / 8 : 8;
	return (x | upper >> 2) & (((stop & -stop) >> 7) - 1);
}

/*
 * The next chunk of the word at t[j] (see word_key); *n gets its length.
 * Near the end of the text (under 8 bytes left), byte by byte.
 */
static inline uint64_t read_chunk(const uint8_t *fold, const unsigned char *t, size_t j,
				  size_t len, unsigned *n)
{
	uint64_t c = 0;

	if (len - j >= 8)
		return word_chunk(load_le64(t + j), n);
	for (*n = 0; j + *n < len && fold[t[j + *n]]; ++*n)
		c |= (uint64_t)fold[t[j + *n]] << (8 * *n);
	return c;
}

#ifdef HAVE_SSE2_64
/* Bytes of x within lo .. hi (unsigned), as 0xff each. */
static inline __m128i bytes_within(__m128i x, unsigned char lo, unsigned char hi)
{
	__m128i biased = _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - lo)));

	return _mm_cmplt_epi8(biased, _mm_set1_epi8((char)(0x80 + hi - lo + 1)));
}

/*
 * The word at t[0] when t has 16 bytes there: *n gets its length if under
 * 16 (else 16), *key the folded bytes as word_key packs them. No branch.
 */
static inline void word16(const unsigned char *t, unsigned *n, struct wkey *key)
{
	/* 16 bytes of 0xff, then 16 of 0: the first n bytes kept from 16 - n on */
	static const unsigned char first_n[32] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	};
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)t);
	__m128i case_bit = _mm_set1_epi8(0x20);
	__m128i letter = bytes_within(_mm_or_si128(x, case_bit), 'a', 'z');
	__m128i word = _mm_or_si128(_mm_cmplt_epi8(x, _mm_setzero_si128()),
				    _mm_or_si128(bytes_within(x, '0', '9'), letter));
	unsigned stop = ~(unsigned)_mm_movemask_epi8(word) & 0xffff;
	__m128i keep, folded;

	*n = stop ? (unsigned)__builtin_ctz(stop) : 16;
	keep = _mm_loadu_si128((const __m128i *)(const void *)(first_n + 16 - *n));
	/* a letter with its case bit set is lower case: A-Z become a-z */
	folded = _mm_or_si128(x, _mm_and_si128(letter, case_bit));
	folded = _mm_and_si128(folded, keep);
	key->lo = (uint64_t)_mm_cvtsi128_si64(folded);
	key->hi = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(folded, folded));
}
#else
/* The same, eight bytes at a time. */
static inline void word16(const unsigned char *t, unsigned *n, struct wkey *key)
{
	unsigned n1;
	uint64_t hi = word_chunk(load_le64(t + 8), &n1);

	key->lo = word_chunk(load_le64(t), n);
	key->hi = *n == 8 ? hi : 0;
	*n += *n == 8 ? n1 : 0;
}
#endif

/*
 * Read the word that starts at t[i] (a word byte) and return where it ends;
 * *key gets its key, as word_key makes it from the folded bytes. Words of
 * up to 15 bytes are read whole, without a branch on their length.
 */
static inline __attribute__((always_inline)) size_t
read_word(const uint8_t *fold, const unsigned char *t, size_t i, size_t len, struct wkey *key)
{
	unsigned n;

	if (len - i >= 16) {
		word16(t + i, &n, key);
		i += n;
		if (n < 16)
			return i;
		n = 8;
	} else {
		key->lo = read_chunk(fold, t, i, len, &n);
		key->hi = 0;
		i += n;
		if (n == 8) {
			key->hi = read_chunk(fold, t, i, len, &n);
			i += n;
		}
	}
	while (n == 8) {
		key->hi = (key->hi ^ read_chunk(fold, t, i, len, &n)) * KEY_MIX;
		i += n;
	}
	return i;
}

/*
 * A token read ahead of the automaton: its folded bytes (len of them at
 * `at` in the text, or in the scan's fold buffer when len has FOLDED set),
 * the folded position of its end, its key (zero for a non-word byte) and
 * the slot to look at first (byte_slot for a non-word byte).
 */
struct token {
	struct wkey key;
	const struct slot *slot;
	size_t at;
	size_t len;
	size_t end;
};

/* In a token's len: its bytes are in the fold buffer. Such a word fails
 * holds_short (len >= 16), so token_slot looks it up with find_slot. */
#define FOLDED ((size_t)1 << (sizeof(size_t) * 8 - 1))

/* Where folded positions and text positions meet: from `folded` on, each
 * token boundary is `text` plus the same distance. */
struct step {
	size_t folded;
	size_t text;
};

/* A candidate match waiting for selection, in folded positions. */
struct span {
	size_t start;
	size_t end;
	uint32_t group;
};

/* Per-call scan state; lives on the scanning thread's stack. */
struct scan {
	const gg_i_automaton *a;
	const unsigned char *text;
	size_t len;
	size_t cursor;      /* end of the last match reported */
	struct span *spans; /* waiting candidates, in order of end */
	size_t n_spans, cap_spans;
	size_t first_start; /* the least start of the waiting candidates (SIZE_MAX: none) */
	uint32_t *ids;      /* ids of a reported match that needed case checks */
	size_t cap_ids;
	gg_i_match_cb cb;
	void *payload;
	/* Folding beyond ASCII. */
	size_t shift;       /* folded minus text position after the last token read (mod 2^N) */
	size_t next_high;   /* the first byte >= 0x80 at or after the reading point, or len */
	size_t run_end;     /* end of the word run being cut into pieces, or 0 */
	struct step *steps; /* where the distance changed, in order; the first may lie before floor */
	size_t n_steps, cap_steps;
	size_t floor;       /* no folded position below this is asked about any more */
	gg_i_buf fold;        /* folded words of the current batch */
	gg_i_buf scratch;     /* gg_i_utf8_fold's code points */
	gg_i_buf exact;       /* a span as exact_form makes it */
	struct span local_spans[LOCAL_SPANS];
	uint32_t local_ids[LOCAL_IDS];
	struct step local_steps[LOCAL_STEPS];
};

/* The first byte >= 0x80 in t[i, len), or len. */
static size_t find_high(const unsigned char *t, size_t i, size_t len)
{
#ifdef HAVE_SSE2_64
	for (; len - i >= 16; i += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(t + i)));

		if (m)
			return i + (unsigned)__builtin_ctz(m);
	}
#else
	for (; len - i >= 8; i += 8) {
		uint64_t m = load_le64(t + i) & HIGH;

		if (m)
			return i + (unsigned)__builtin_ctzll(m) / 8;
	}
#endif
	while (i < len && t[i] < 0x80)
		i++;
	return i;
}

/*
 * Note that text position `text` is folded position `folded`, when the
 * distance between them changed there. Steps no later question needs
 * (before floor, but the last of those) are dropped first. 0 or GG_ENOMEM.
 */
static int push_step(struct scan *st, size_t folded, size_t text)
{
	if (st->n_steps == st->cap_steps) {
		size_t keep = 0;

		while (keep + 1 < st->n_steps && st->steps[keep + 1].folded <= st->floor)
			keep++;
		memmove(st->steps, st->steps + keep, (st->n_steps - keep) * sizeof(*st->steps));
		st->n_steps -= keep;
	}
	if (st->n_steps == st->cap_steps) {
		size_t cap = st->cap_steps * 2;
		struct step *p;

		if (cap > SIZE_MAX / sizeof(*p))
			return gg_i_error_oom();
		if (st->steps == st->local_steps) {
			p = malloc(cap * sizeof(*p));
			if (p)
				memcpy(p, st->steps, st->n_steps * sizeof(*p));
		} else {
			p = realloc(st->steps, cap * sizeof(*p));
		}
		if (!p)
			return gg_i_error_oom();
		st->steps = p;
		st->cap_steps = cap;
	}
	st->steps[st->n_steps].folded = folded;
	st->steps[st->n_steps].text = text;
	st->n_steps++;
	return 0;
}

/* text_pos past the first step: a bisection of the steps. */
static size_t text_pos_stepped(const struct scan *st, size_t f)
{
	size_t lo = 0, hi = st->n_steps;

	while (hi - lo > 1) { /* steps[lo].folded <= f < steps[hi].folded */
		size_t mid = lo + (hi - lo) / 2;

		if (st->steps[mid].folded <= f)
			lo = mid;
		else
			hi = mid;
	}
	return st->steps[lo].text + (f - st->steps[lo].folded);
}

/* The text position of the token boundary at folded position f (f >= floor):
 * f itself until folding changed a length, as over most text. */
static inline size_t text_pos(const struct scan *st, size_t f)
{
	return st->n_steps && st->steps[0].folded <= f ? text_pos_stepped(st, f) : f;
}

/*
 * Read into *out the next piece of the word run that holds a byte >= 0x80
 * (st->run_end set): a space separator, read as the byte ' ', or the text
 * up to the next one, folded into st->fold. *j advances past it. 0 or
 * GG_ENOMEM.
 */
static int read_piece(struct scan *st, size_t *j, struct token *out)
{
	const gg_i_automaton *a = st->a;
	const unsigned char *t = st->text;
	size_t i = *j, at = st->fold.len, flen = 1;
	bool space;
	size_t e = piece_end(t, i, st->run_end, &space);
	int err;

	if (space) {
		out->key.lo = out->key.hi = 0;
		out->slot = &a->byte_slot[' '];
		out->at = 0;
		out->len = 1;
	} else {
		if ((err = gg_i_utf8_fold(&st->fold, &st->scratch, (const char *)t + i, e - i,
					GG_FOLD_CASE)) != 0)
			return err;
		flen = st->fold.len - at;
		out->key = word_key((const unsigned char *)st->fold.ptr + at, flen);
		out->slot = &a->dict[slot_of(out->key, a->dict_bits)];
		out->at = at;
		out->len = flen | FOLDED;
	}
	st->shift += flen - (e - i);
	out->end = e + st->shift;
	if (flen != e - i && (err = push_step(st, out->end, e)) != 0)
		return err;
	if (e == st->run_end) {
		st->run_end = 0;
		st->next_high = find_high(t, e, st->len);
	}
	*j = e;
	return 0;
}

/*
 * Read up to TOKEN_BATCH tokens from the text at *i into `out` and advance
 * *i; return how many, or GG_ENOMEM. A word of ASCII is read and folded
 * here; a word run with other bytes is cut and folded by read_piece, and
 * the batch ends with the run (the ASCII after it is scan_ascii's). The
 * words' dictionary slots are only prefetched here, so that the probes of
 * a whole batch are under way at once.
 */
static ptrdiff_t read_tokens(struct scan *st, size_t *i, struct token *out)
{
	const gg_i_automaton *a = st->a;
	const unsigned char *t = st->text;
	size_t n = 0, j = *i, len = st->len;

	st->fold.len = 0;
	while (n < TOKEN_BATCH && j < len) {
		if (st->run_end) {
			int err = read_piece(st, &j, &out[n]);

			if (err)
				return err;
			n++;
			if (!st->run_end)
				break; /* the run is read: scan_ascii takes over */
			continue;
		}
		out[n].at = j;
		if (a->word_fold[t[j]]) {
			size_t e = read_word(a->word_fold, t, j, len, &out[n].key);

			if (e > st->next_high) {
				st->run_end = e;
				continue;
			}
			out[n].slot = &a->dict[slot_of(out[n].key, a->dict_bits)];
			__builtin_prefetch(out[n].slot);
			out[n].len = e - j;
			j = e;
		} else {
			out[n].key.lo = out[n].key.hi = 0;
			out[n].slot = &a->byte_slot[t[j++]];
			out[n].len = 1;
		}
		out[n].end = j + st->shift;
		n++;
	}
	*i = j;
	return (ptrdiff_t)n;
}

/* Whether slot s holds the word of key `key` and length len, under 16 bytes. */
static inline unsigned holds_short(const struct slot *s, struct wkey key, size_t len)
{
	return (s->key.lo == key.lo) & (s->key.hi == key.hi) & (len < 16) &
	       !(s->tok & TOK_LONG);
}

/*
 * The slot of token b, free if no pattern has the word. The first two slots
 * of its probe sequence settle most words under 16 bytes (the one after the
 * last slot is the copy of the first), find_slot the rest. A non-word byte
 * is always settled by its own slot in byte_slot (key zero, like b's).
 */
static inline const struct slot *token_slot(const struct scan *st, const struct token *b)
{
	const gg_i_automaton *a = st->a;
	const struct slot *s = b->slot;
	size_t len = b->len;

	if ((s->tok == TOK_UNKNOWN) | holds_short(s, b->key, len))
		return s;
	if ((len < 16) & ((s[1].tok == TOK_UNKNOWN) | holds_short(s + 1, b->key, len)))
		return s + 1;
	if (len & FOLDED)
		return find_slot(a, b->key, len & ~FOLDED,
				 (const unsigned char *)st->fold.ptr + b->at, NULL);
	return find_slot(a, b->key, len, st->text + b->at, a->word_fold);
}

/*
 * Case check of group g at the text of folded span [start, end): write to
 * `out` the ids of the entries that match and return how many; with `out`
 * NULL, stop at the first (a count of 0 or 1 says whether any does). An
 * entry matches when the text, as exact_form makes it, equals its exact
 * form; text of ASCII is compared as it stands. Returns GG_ENOMEM (< 0)
 * when the text cannot be folded. O(entries * length).
 */
static ptrdiff_t filter_ids(struct scan *st, const struct group *g, size_t start, size_t end,
			    uint32_t *out)
{
	const gg_i_automaton *a = st->a;
	size_t from = text_pos(st, start), to = text_pos(st, end);
	const unsigned char *t = st->text + from, *form = NULL;
	size_t n = 0, form_len = 0;

	for (uint32_t e = g->first; e < g->first + g->n && (out || !n); e++) {
		uint32_t off = a->exact_off[e];

		if (off != NONE) {
			const unsigned char *p = a->exact + off + 4;
			uint32_t plen, k = 0;

			memcpy(&plen, a->exact + off, 4);
			if (!form) {
				form = t;
				form_len = to - from;
				if (has_high(t, 0, form_len)) {
					int err;

					st->exact.len = 0;
					if ((err = exact_form(&st->exact, &st->scratch, t, form_len)) != 0)
						return err;
					form = (const unsigned char *)st->exact.ptr;
					form_len = st->exact.len;
				}
			}
			if (form_len != plen)
				continue;
			if (form == t)
				while (k < plen && sep_byte(t[k]) == p[k])
					k++;
			else
				while (k < plen && form[k] == p[k])
					k++;
			if (k < plen)
				continue;
		}
		if (out)
			out[n] = a->ids[e];
		n++;
	}
	return (ptrdiff_t)n;
}

/* Queue a candidate. 0, or GG_ENOMEM. */
static int push_span(struct scan *st, size_t start, size_t end, uint32_t group)
{
	if (st->n_spans == st->cap_spans) {
		size_t cap = st->cap_spans * 2;
		struct span *p;

		if (cap > SIZE_MAX / sizeof(*p))
			return gg_i_error_oom();
		if (st->spans == st->local_spans) {
			p = malloc(cap * sizeof(*p));
			if (p)
				memcpy(p, st->spans, st->n_spans * sizeof(*p));
		} else {
			p = realloc(st->spans, cap * sizeof(*p));
		}
		if (!p)
			return gg_i_error_oom();
		st->spans = p;
		st->cap_spans = cap;
	}
	st->spans[st->n_spans].start = start;
	st->spans[st->n_spans].end = end;
	st->spans[st->n_spans].group = group;
	st->n_spans++;
	if (start < st->first_start)
		st->first_start = start;
	return 0;
}

/*
 * Queue every group on node's output chain (all end at `end`) that starts
 * at or after the cursor and passes its case check.
 */
static int collect(struct scan *st, uint32_t node, size_t end)
{
	const gg_i_automaton *a = st->a;

	for (uint32_t g = a->nodes[node].out; g != NONE; g = a->groups[g].next) {
		const struct group *gr = &a->groups[g];
		size_t start = end - gr->depth;
		int err;

		if (start < st->cursor)
			continue;
		if (gr->flags & GROUP_EXACT) {
			ptrdiff_t ok = filter_ids(st, gr, start, end, NULL);

			if (ok < 0)
				return (int)ok;
			if (!ok)
				continue;
		}
		if ((err = push_span(st, start, end, g)) != 0)
			return err;
	}
	return 0;
}

/* Report span s to the callback, in text positions. A group of one entry
 * passed its case check when it was queued (collect), so only larger
 * groups of EXACT_CASE entries are checked again, for the ids that match.
 * Its return, or GG_ENOMEM. */
static int report(struct scan *st, const struct span *s)
{
	const gg_i_automaton *a = st->a;
	const struct group *g = &a->groups[s->group];
	gg_i_match m;

	m.start = text_pos(st, s->start);
	m.end = text_pos(st, s->end);
	if ((g->flags & GROUP_EXACT) && g->n > 1) {
		ptrdiff_t n;

		if (g->n > st->cap_ids) {
			uint32_t *p = malloc(g->n * sizeof(*p));

			if (!p)
				return gg_i_error_oom();
			if (st->ids != st->local_ids)
				free(st->ids);
			st->ids = p;
			st->cap_ids = g->n;
		}
		if ((n = filter_ids(st, g, s->start, s->end, st->ids)) < 0)
			return (int)n;
		m.ids = st->ids;
		m.n_ids = (size_t)n;
	} else {
		m.ids = a->ids + g->first;
		m.n_ids = g->n;
	}
	return st->cb(&m, st->payload);
}

/*
 * Report, in order, the waiting candidates that nothing can beat any more:
 * those starting before `horizon`, the earliest start any later candidate
 * can have. O(waiting) per report; one waiting candidate is settled
 * without the search for the best and the pass that drops the overlapped.
 */
static int report_ready(struct scan *st, size_t horizon)
{
	if (st->n_spans == 1) { /* the common case: no choice to make */
		struct span win = st->spans[0];

		if (win.start >= horizon)
			return 0;
		st->n_spans = 0;
		st->first_start = SIZE_MAX;
		st->cursor = win.end;
		return report(st, &win);
	}
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
		st->first_start = SIZE_MAX;
		for (size_t k = 0; k < st->n_spans; k++)
			if (st->spans[k].start >= st->cursor) {
				if (st->spans[k].start < st->first_start)
					st->first_start = st->spans[k].start;
				st->spans[kept++] = st->spans[k];
			}
		st->n_spans = kept;
	}
	return 0;
}

/*
 * Whether, at state v after a token ending at `end`, found has work: v has
 * outputs, or a waiting candidate starts before where any later one can
 * (the node's depth back from `end`). Most tokens after a match leave the
 * candidate waiting; this keeps them from calling found for nothing.
 */
static inline bool has_work(const struct scan *st, uint32_t v, size_t end)
{
	return (v & S_OUT) ||
	       (st->n_spans && st->first_start < end - st->a->nodes[v & ~S_OUT].depth);
}

/*
 * At node s after a token ending at `end`: queue its matches, report what
 * is settled. Kept out of line: the scan loop comes here rarely.
 */
__attribute__((noinline))
static int found(struct scan *st, uint32_t s, size_t end)
{
	const struct node *node = &st->a->nodes[s];
	int err = node->out != NONE ? collect(st, s, end) : 0;
	/* A later candidate starts within the node's string; past a leaf, whose
	 * next state comes through a failure link to a shorter suffix, at
	 * least a byte later: a match that ends at a leaf is settled at once. */
	size_t horizon = end - node->depth + (node[0].first_child == node[1].first_child);

	if (!err && st->n_spans && st->first_start < horizon)
		err = report_ready(st, horizon);
	return err;
}

/*
 * The slot of the ASCII word t[j, j + len) of key `key`, free if no
 * pattern has the word: token_slot for a word read in place.
 */
static inline const struct slot *word_slot(const gg_i_automaton *a, const unsigned char *t,
					   size_t j, size_t len, struct wkey key)
{
	const struct slot *s = &a->dict[slot_of(key, a->dict_bits)];

	if ((s->tok == TOK_UNKNOWN) | holds_short(s, key, len))
		return s;
	if ((len < 16) & ((s[1].tok == TOK_UNKNOWN) | holds_short(s + 1, key, len)))
		return s + 1;
	return find_slot(a, key, len, t + j, a->word_fold);
}

/*
 * Run the automaton from state *v over the text at *i up to the first byte
 * >= 0x80 (st->next_high), one token at a time as it is read: the stretch
 * of ASCII where no folding changes a length, so a token's folded end is
 * its text end plus st->shift. A word that runs into that byte is left
 * for read_tokens (*i stays at its start). At the root with no candidate
 * waiting, the non-word bytes that lead back to the root are skipped
 * without a step. Sets *v, *i and *last_end (the folded end of the last
 * token); returns 0 or found's error.
 */
static int scan_ascii(struct scan *st, size_t *i, uint32_t *v, size_t *last_end)
{
	const gg_i_automaton *a = st->a;
	const unsigned char *t = st->text;
	size_t j = *i, stop = st->next_high, len = st->len, done = *i;
	uint32_t state = *v;
	int err = 0;

	while (j < stop) {
		const struct slot *w;
		unsigned char b = t[j];

		if (a->word_fold[b]) {
			struct wkey key;
			size_t e = read_word(a->word_fold, t, j, len, &key);

			if (e > stop)
				break;
			w = word_slot(a, t, j, e - j, key);
			j = e;
		} else {
			if (!state && !st->n_spans && a->root_skip[b]) {
				while (++j < stop && a->root_skip[t[j]])
					;
				done = j;
				continue;
			}
			w = &a->byte_slot[b];
			j++;
		}
		done = j;

		uint32_t node = state & ~S_OUT, tok = w->tok & ~TOK_LONG;

		state = ((node != 0) & (tok != TOK_UNKNOWN)) ? step(a, node, tok, w->root) : w->root;
		if (has_work(st, state, j + st->shift) &&
		    (err = found(st, state & ~S_OUT, j + st->shift)) != 0)
			break;
	}
	*i = done;
	*v = state;
	*last_end = done + st->shift;
	return err;
}

/*
 * Stretches of ASCII go through scan_ascii; a word run beyond ASCII is read
 * in a round of up to TOKEN_BATCH tokens: first their bounds, keys and
 * slots, then the automaton runs over them. Either way a word costs one
 * dictionary probe; a token that no pattern holds, or any token at the
 * root, costs nothing more; anything else is one amortised step. Matches are collected where a token ends at a node with
 * outputs. Positions are folded positions throughout (equal to the text's
 * until a folded word changes length), turned back into text positions
 * when a match is checked or reported.
 */
int gg_i_automaton_scan(const gg_i_automaton *a, const char *text, size_t len,
		      gg_i_match_cb cb, void *payload)
{
	const unsigned char *t = (const unsigned char *)text;
	struct token batch[TOKEN_BATCH];
	struct scan st;
	uint32_t v = 0;
	size_t i = 0, last_end = 0;
	int err = 0;

	if (!a->compiled)
		return gg_i_error_set(GG_EINVAL, "automaton: scan before compile");
	if (!cb)
		return gg_i_error_set(GG_EINVAL, "automaton: no match callback");
	st.a = a;
	st.text = t;
	st.len = len;
	st.cursor = 0;
	st.spans = st.local_spans;
	st.n_spans = 0;
	st.first_start = SIZE_MAX;
	st.cap_spans = LOCAL_SPANS;
	st.ids = st.local_ids;
	st.cap_ids = LOCAL_IDS;
	st.cb = cb;
	st.payload = payload;
	st.shift = 0;
	st.next_high = find_high(t, 0, len);
	st.run_end = 0;
	st.steps = st.local_steps;
	st.n_steps = 0;
	st.cap_steps = LOCAL_STEPS;
	st.floor = 0;
	st.fold = st.scratch = st.exact = (gg_i_buf)GG_BUF_INIT;

	while (i < len && !err) {
		if (!st.run_end && i < st.next_high) {
			err = scan_ascii(&st, &i, &v, &last_end);
			if (err || i >= len)
				break;
		}
		/* every later candidate starts within the current node's string */
		st.floor = last_end - a->nodes[v & ~S_OUT].depth;

		ptrdiff_t n = read_tokens(&st, &i, batch);

		if (n < 0) {
			err = (int)n;
			break;
		}
		for (ptrdiff_t k = 0; k < n; k++) {
			const struct slot *w = token_slot(&st, &batch[k]);
			uint32_t node = v & ~S_OUT, tok = w->tok & ~TOK_LONG;

			v = ((node != 0) & (tok != TOK_UNKNOWN)) ? step(a, node, tok, w->root) : w->root;
			if (has_work(&st, v, batch[k].end) &&
			    (err = found(&st, v & ~S_OUT, batch[k].end)) != 0)
				break;
		}
		if (n)
			last_end = batch[n - 1].end;
	}
	if (!err)
		err = report_ready(&st, SIZE_MAX);
	if (st.spans != st.local_spans)
		free(st.spans);
	if (st.ids != st.local_ids)
		free(st.ids);
	if (st.steps != st.local_steps)
		free(st.steps);
	gg_i_buf_free(&st.fold);
	gg_i_buf_free(&st.scratch);
	gg_i_buf_free(&st.exact);
	return err;
}

size_t gg_i_automaton_count(const gg_i_automaton *a)
{
	return a->n_added;
}

size_t gg_i_automaton_memory(const gg_i_automaton *a)
{
	size_t n = sizeof(*a) + a->cap_pats * sizeof(*a->pats) + a->bytes_cap;

	if (a->compiled)
		n += (((size_t)1 << a->dict_bits) + 1) * sizeof(*a->dict) +
		     a->word_off[a->n_words] +
		     ((size_t)a->n_words + 1) * sizeof(*a->word_off) +
		     ((size_t)TOK_WORDS + a->n_words) * sizeof(*a->root_next) +
		     ((size_t)a->n_nodes + 1) * sizeof(*a->nodes) +
		     (size_t)a->n_groups * sizeof(*a->groups) +
		     (size_t)a->n_entries * (sizeof(*a->ids) + sizeof(*a->exact_off)) +
		     a->exact_len;
	return n;
}

void gg_i_automaton_free(gg_i_automaton *a)
{
	if (!a)
		return;
	free_tables(a);
	free(a->pats);
	free(a->bytes);
	free(a);
}
