/* names.c - name keys, abbreviation tests and header-line interpretation. */
#include "model/names.h"
#include "core/error.h"
#include "core/text.h"

#include <stdint.h>
#include <utf8proc.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Names shorter than this are compared by key on the stack (key_equal). */
#define KEY_ROOM 256

/* Bytes of a name or a header, not owned. */
typedef struct span {
	const char *s;
	size_t n;
} span;

/* ---- keys ------------------------------------------------------------ */

static bool all_lower_letters(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return false;
	return true;
}

/*
 * Singular of a lower-case plural word, in place; returns the new length.
 * Only plural endings are touched, so a word and its plural meet:
 * "classes"->"class", "policies"->"policy", "searches"->"search",
 * "fields"->"field". Words in -us, -is, -ss and short or non-alphabetic words
 * ("nas", "3d", "c++") stay as they are. Some pairs stay apart (cache and
 * caches): a key errs on the side of keeping concepts apart.
 */
static size_t stem_word(char *w, size_t n)
{
	if (n <= 3 || !all_lower_letters(w, n) || w[n - 1] != 's')
		return n;
	char before = w[n - 2];
	if (before == 's' || before == 'u' || before == 'i')
		return n;
	if (n > 4 && memcmp(w + n - 3, "ies", 3) == 0) {
		w[n - 3] = 'y';
		return n - 2;
	}
	if (n > 4 && (memcmp(w + n - 4, "sses", 4) == 0 || memcmp(w + n - 4, "ches", 4) == 0 ||
		      memcmp(w + n - 4, "shes", 4) == 0 || memcmp(w + n - 3, "xes", 3) == 0))
		return n - 2;
	return n - 1;
}

static bool is_space_like(char c)
{
	return c == ' ' || c == '\t' || c == '-' || c == '_' || c == '\n' || c == '\r';
}

static bool has_non_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

/* Cut from *s[0, *len) the marks and spaces a key leaves out at its ends. */
static void trim_marks(const char **s, size_t *len)
{
	while (*len && ((*s)[0] == '*' || is_space_like((*s)[0]))) {
		(*s)++;
		(*len)--;
	}
	while (*len && ((*s)[*len - 1] == '*' || (*s)[*len - 1] == '.' || (*s)[*len - 1] == ',' ||
			(*s)[*len - 1] == ';' || (*s)[*len - 1] == ':' ||
			is_space_like((*s)[*len - 1])))
		(*len)--;
}

/*
 * Bit i set when word i (i < 64) of a name trim_marks has already cut is a
 * word of ASCII capitals, two or more ("DNS", "HTTPS"): its final S is a
 * letter, not a plural ending. Words are counted as fold_trimmed counts them.
 */
static uint64_t capital_words(const char *s, size_t len)
{
	uint64_t caps = 0;
	size_t word = 0, i = 0;
	while (i < len && word < 64) {
		while (i < len && is_space_like(s[i]))
			i++;
		if (i >= len)
			break;
		size_t upper = 0;
		bool lower = false;
		for (; i < len && !is_space_like(s[i]); i++) {
			upper += s[i] >= 'A' && s[i] <= 'Z';
			lower |= s[i] >= 'a' && s[i] <= 'z';
		}
		if (upper >= 2 && !lower)
			caps |= (uint64_t)1 << word;
		word++;
	}
	return caps;
}

/* fold_key of a name trim_marks has already cut; `caps` from capital_words
 * of the name as written, before case folding. */
static size_t fold_trimmed(char *dst, const char *s, size_t len, uint64_t caps)
{
	size_t at = 0, i = 0, word = 0;
	while (i < len) {
		while (i < len && is_space_like(s[i]))
			i++;
		if (i >= len)
			break;
		if (at > 0)
			dst[at++] = ' ';
		size_t w = at;
		while (i < len && !is_space_like(s[i]))
			dst[at++] = gg_i_ascii_lower(s[i++]);
		if (word >= 64 || !(caps >> word & 1))
			at = w + stem_word(dst + w, at - w);
		word++;
	}
	dst[at] = '\0';
	return at;
}

/* Write the key of s[0, len), case-folded beyond ASCII already, to dst
 * (room for len + 1 bytes: a key is never longer than its name): trimmed of
 * marks, ASCII lower case, one space between words, plural endings cut
 * except from the words `caps` marks. Returns its length. */
static size_t fold_key(char *dst, const char *s, size_t len, uint64_t caps)
{
	trim_marks(&s, &len);
	return fold_trimmed(dst, s, len, caps);
}

/* capital_words of s[0, len) as a key trims it. */
static uint64_t name_capitals(const char *s, size_t len)
{
	trim_marks(&s, &len);
	return capital_words(s, len);
}

/* Combining marks in a row past which a key inserts U+034F (Unicode's
 * Stream-Safe Text Format), so normalising sorts no run longer than this. */
#define MAX_MARK_RUN 30

/*
 * s[0, len) with U+034F COMBINING GRAPHEME JOINER after every MAX_MARK_RUN
 * combining marks in a row, malloc'd in *out (length in *out_len); *out is
 * NULL when no run is that long. Canonical ordering sorts each run of marks,
 * in time quadratic in its length: bounded runs keep a key linear in its
 * name. Returns false when out of memory.
 */
static bool bound_mark_runs(const char *s, size_t len, char **out, size_t *out_len)
{
	gg_i_buf b = GG_BUF_INIT;
	size_t run = 0, copied = 0;
	*out = NULL;
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0) { /* not UTF-8: a mark no more */
			run = 0;
			i++;
			continue;
		}
		i += (size_t)n;
		run = utf8proc_get_property(cp)->combining_class ? run + 1 : 0;
		if (run == MAX_MARK_RUN) {
			gg_i_buf_put(&b, s + copied, i - copied);
			gg_i_buf_puts(&b, "\xCD\x8F");
			copied = i;
			run = 0;
		}
	}
	if (!copied)
		return true;
	gg_i_buf_put(&b, s + copied, len - copied);
	if (b.oom) {
		gg_i_buf_free(&b);
		return false;
	}
	*out_len = b.len;
	*out = gg_i_buf_detach(&b);
	return *out != NULL;
}

/* Unicode NFC with full case folding (utf8proc) of s[0, len) when it goes
 * beyond ASCII, so that "caf\u00e9" and "cafe\u0301", or "\u00c9lan" and
 * "\u00e9lan", meet: malloc'd in *folded; NULL (use s as it is) for ASCII
 * or when utf8proc cannot. Returns the length to use. Linear in len: runs
 * of combining marks are bounded first (bound_mark_runs). */
static size_t unicode_fold(const char *s, size_t len, char **folded)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = -1;
	char *bounded = NULL;
	size_t bounded_len = 0;
	*folded = NULL;
	if (!has_non_ascii(s, len) || len > (size_t)PTRDIFF_MAX / 2 ||
	    !bound_mark_runs(s, len, &bounded, &bounded_len))
		return len;
	if (bounded)
		n = utf8proc_map((const utf8proc_uint8_t *)bounded, (utf8proc_ssize_t)bounded_len, &out,
				 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	else
		n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
				 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	free(bounded);
	if (n < 0) {
		free(out);
		return len;
	}
	*folded = (char *)out;
	return (size_t)n;
}

void gg_i_name_key_append(gg_i_buf *out, const char *s, size_t len)
{
	char *folded;
	uint64_t caps = name_capitals(s, len);
	len = unicode_fold(s, len, &folded);
	if (gg_i_buf_reserve(out, len))
		out->len += fold_key(out->ptr + out->len, folded ? folded : s, len, caps);
	free(folded);
}

char *gg_i_name_key(gg_i_arena *a, const char *s, size_t len)
{
	char *folded;
	uint64_t caps = name_capitals(s, len);
	len = unicode_fold(s, len, &folded);
	char *key = gg_i_arena_alloc(a, len + 1);
	if (key)
		fold_key(key, folded ? folded : s, len, caps);
	free(folded);
	return key;
}

bool gg_i_name_is_capitals(const char *s)
{
	size_t upper = 0;
	for (; *s; s++) {
		if (*s >= 'a' && *s <= 'z')
			return false;
		upper += *s >= 'A' && *s <= 'Z';
	}
	return upper >= 2;
}

bool gg_i_name_has_alnum(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		if (*p < 0x80) {
			if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
				return true;
			p++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
		if (n <= 0)
			return false;
		utf8proc_category_t c = utf8proc_category(cp);
		if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO)
			return true;
		if (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO)
			return true;
		p += n;
	}
	return false;
}

/* ---- abbreviations --------------------------------------------------- */

static bool is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The word of s[0..n) starting at *i (spaces skipped), without the
 * punctuation around it ("Family," is "Family"); *i moves past it. */
static span next_word(const char *s, size_t n, size_t *i)
{
	while (*i < n && s[*i] == ' ')
		(*i)++;
	size_t start = *i;
	while (*i < n && s[*i] != ' ')
		(*i)++;
	size_t end = *i;
	while (start < end && !is_alnum(s[start]))
		start++;
	while (end > start && !is_alnum(s[end - 1]))
		end--;
	return (span){ s + start, end - start };
}

/* Whether every word of a[0..alen) is also a word of f[0..flen), case and
 * the punctuation around words ignored. */
static bool words_subset(const char *a, size_t alen, const char *f, size_t flen)
{
	for (size_t i = 0; i < alen;) {
		span w = next_word(a, alen, &i);
		if (!w.n)
			continue;
		bool found = false;
		for (size_t j = 0; j < flen && !found;) {
			span fw = next_word(f, flen, &j);
			found = fw.n == w.n && strncasecmp(fw.s, w.s, w.n) == 0;
		}
		if (!found)
			return false;
	}
	return true;
}

bool gg_i_name_is_abbrev_of(const char *abbr, size_t alen, const char *full, size_t flen)
{
	size_t letters = 0;
	for (size_t i = 0; i < alen; i++)
		letters += is_alnum(abbr[i]);
	if (alen > 12 || letters < 2 || flen <= alen || !is_alnum(abbr[0]))
		return false;
	if (!memchr(full, ' ', flen) || words_subset(abbr, alen, full, flen))
		return false;
	size_t lead = 0;
	while (lead < flen && !is_alnum(full[lead]))
		lead++;
	if (lead == flen || gg_i_ascii_lower(full[lead]) != gg_i_ascii_lower(abbr[0]))
		return false; /* "NAS" opens with the N of "Neural ..." */

	/* match right to left, each letter of full used once; the first
	 * letter of abbr must open a word */
	size_t fi = flen; /* full[0, fi) is still unused */
	for (size_t ai = alen; ai > 0; ai--) {
		char c = gg_i_ascii_lower(abbr[ai - 1]);
		if (!is_alnum(c))
			continue;
		bool first = true;
		for (size_t k = 0; k + 1 < ai && first; k++)
			first = !is_alnum(abbr[k]);
		bool found = false;
		while (fi > 0 && !found) {
			fi--;
			bool word_start = fi == 0 || !is_alnum(full[fi - 1]);
			found = gg_i_ascii_lower(full[fi]) == c && (!first || word_start);
		}
		if (!found)
			return false;
	}
	return true;
}

/* ---- qualifiers ------------------------------------------------------ */

/*
 * Trailing words that make "X <word>" a facet of X rather than a concept of
 * its own, as glossaries title several entries about one thing. Stemmed. A
 * head noun ("object type", "data model") names a concept of its own: only
 * these words, the ones README.md lists, make a facet.
 */
static const char *const qualifier_words[] = {
	"method", "technique", "strategy", "approach", "algorithm", "advanced",
	"basic", "fundamental", "overview", "introduction", "explained",
	"tutorial", "guide",
};

/* Prepositions that start an application context: "X for edge". */
static const char *const context_words[] = { "for", "in", "on" };

static size_t count_words(const char *s, size_t n)
{
	size_t words = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			words++;
	return words;
}

size_t gg_i_name_qualified_base(const char *key)
{
	size_t len = strlen(key);
	const char *last = strrchr(key, ' ');
	if (!last)
		return 0;
	for (size_t i = 0; i < sizeof(qualifier_words) / sizeof(*qualifier_words); i++)
		if (strcmp(last + 1, qualifier_words[i]) == 0)
			return (size_t)(last - key);
	/* "X for Y": X of two words or more, Y of one to three */
	for (const char *p = strchr(key, ' '); p; p = strchr(p + 1, ' ')) {
		for (size_t i = 0; i < sizeof(context_words) / sizeof(*context_words); i++) {
			size_t wl = strlen(context_words[i]);
			if (strncmp(p + 1, context_words[i], wl) != 0 || p[1 + wl] != ' ')
				continue;
			size_t base = (size_t)(p - key);
			size_t tail = count_words(p + 2 + wl, len - base - 2 - wl);
			if (count_words(key, base) >= 2 && tail >= 1 && tail <= 3)
				return base;
		}
	}
	return 0;
}

/* ---- header lines and bold openings ---------------------------------- */

static span trim_span(const char *s, size_t n)
{
	s = gg_i_trim(s, &n);
	return (span){ s, n };
}

static bool has_space(span x)
{
	return memchr(x.s, ' ', x.n) != NULL;
}

/*
 * Split "Name (ABBR)" or "ABBR (Full Name)" in x into a name and an
 * abbreviation (abbr.n == 0 when there is none). Any other parenthesis is
 * part of the name: "hackers (the movie)" is not "hacker".
 */
static void split_parenthesis(span x, span *name, span *abbr)
{
	*name = x;
	abbr->s = NULL;
	abbr->n = 0;
	const char *open = memchr(x.s, '(', x.n);
	const char *close = open ? memchr(open, ')', x.n - (size_t)(open - x.s)) : NULL;
	if (!open || !close || open == x.s)
		return;
	span inside = trim_span(open + 1, (size_t)(close - open - 1));
	span before = trim_span(x.s, (size_t)(open - x.s));
	span after = trim_span(close + 1, x.n - (size_t)(close + 1 - x.s));
	if (inside.n == 0)
		return;
	if (gg_i_name_is_abbrev_of(inside.s, inside.n, before.s, before.n)) {
		*abbr = inside;
		*name = after.n ? x : before;
	} else if (after.n == 0 && gg_i_name_is_abbrev_of(before.s, before.n, inside.s, inside.n)) {
		*abbr = before;
		*name = inside;
	}
}

/* The bold text opening a definition, cut at a subtitle dash or colon. */
static bool bold_opening(const char *def, span *bold, span *paren_after)
{
	while (*def == ' ' || *def == '\t')
		def++;
	paren_after->n = 0;
	if (strncmp(def, "**", 2) != 0)
		return false;
	const char *start = def + 2, *end = strstr(start, "**");
	if (!end || end == start || end - start > 200)
		return false;
	size_t n = (size_t)(end - start);
	static const char *const cuts[] = { " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", ": " };
	for (size_t i = 0; i < sizeof(cuts) / sizeof(*cuts); i++) {
		const char *c = strstr(start, cuts[i]);
		if (c && c < start + n)
			n = (size_t)(c - start);
	}
	*bold = trim_span(start, n);
	const char *p = end + 2;
	while (*p == ' ')
		p++;
	if (*p == '(') {
		const char *close = strchr(p, ')');
		if (close && close - p < 120)
			*paren_after = trim_span(p + 1, (size_t)(close - p - 1));
	}
	return bold->n > 0;
}

typedef struct string_list {
	const char **items;
	size_t n, cap;
} string_list;

static int list_add(gg_i_arena *a, string_list *l, span x)
{
	if (x.n == 0)
		return 0;
	if (GG_ARRAY_PUSH_SLOT(l->items, l->n, l->cap))
		return GG_ENOMEM;
	const char *copy = gg_i_arena_strndup(a, x.s, x.n);
	if (!copy)
		return gg_i_error_oom();
	l->items[l->n++] = copy;
	return 0;
}

/* Move a heap list into the arena so the entry owns no heap memory. */
static const char **list_to_arena(gg_i_arena *a, string_list *l, size_t *n)
{
	*n = l->n;
	const char **out = NULL;
	if (l->n && (out = gg_i_arena_alloc(a, l->n * sizeof(*out))))
		memcpy(out, l->items, l->n * sizeof(*out));
	free(l->items);
	l->items = NULL;
	return (l->n && !out) ? NULL : out;
}

/* Whether a and b have the same key; names of ASCII under KEY_ROOM bytes,
 * most of them, are compared on the stack. */
static bool key_equal(span a, span b)
{
	char ka[KEY_ROOM], kb[KEY_ROOM];
	if (a.n < KEY_ROOM && b.n < KEY_ROOM && !has_non_ascii(a.s, a.n) &&
	    !has_non_ascii(b.s, b.n)) {
		/* a key begins with its name's first kept byte, in lower case:
		 * most names compared differ there already */
		span ta = a, tb = b;
		trim_marks(&ta.s, &ta.n);
		trim_marks(&tb.s, &tb.n);
		if (!ta.n || !tb.n)
			return ta.n == tb.n;
		if (gg_i_ascii_lower(ta.s[0]) != gg_i_ascii_lower(tb.s[0]))
			return false;
		size_t na = fold_trimmed(ka, ta.s, ta.n, capital_words(ta.s, ta.n));
		size_t nb = fold_trimmed(kb, tb.s, tb.n, capital_words(tb.s, tb.n));
		return na == nb && memcmp(ka, kb, na) == 0;
	}
	gg_i_buf ba = GG_BUF_INIT, bb = GG_BUF_INIT;
	gg_i_name_key_append(&ba, a.s, a.n);
	gg_i_name_key_append(&bb, b.s, b.n);
	bool eq = !ba.oom && !bb.oom && ba.len == bb.len &&
		  (ba.len == 0 || memcmp(ba.ptr, bb.ptr, ba.len) == 0);
	gg_i_buf_free(&ba);
	gg_i_buf_free(&bb);
	return eq;
}

/* Whether the keys of items[0..n), joined, are key(whole) or a word-prefix of it. */
static bool items_word_prefix(const span *items, size_t n, span whole)
{
	gg_i_buf kp = GG_BUF_INIT, kw = GG_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			gg_i_buf_putc(&kp, ' ');
		gg_i_name_key_append(&kp, items[i].s, items[i].n);
	}
	gg_i_name_key_append(&kw, whole.s, whole.n);
	bool yes = !kp.oom && !kw.oom && kp.len > 0 && kp.len <= kw.len &&
		   memcmp(kp.ptr, kw.ptr, kp.len) == 0 &&
		   (kp.len == kw.len || kw.ptr[kp.len] == ' ');
	gg_i_buf_free(&kp);
	gg_i_buf_free(&kw);
	return yes;
}

/* ---- aliases, qualifiers and redirects in a name ---------------------- */

static bool starts_with_nocase(const char *s, size_t n, const char *prefix)
{
	size_t pl = strlen(prefix);
	return n >= pl && strncasecmp(s, prefix, pl) == 0;
}

/* Words that open a parenthesis giving another name: "(also widgetish)". */
static const char *const alias_openers[] = { "also ", "or ", "a.k.a. ", "aka ", "plural " };

/* x without the quotes around it ('X', "X", curly quotes). */
static span trim_quotes(span x)
{
	static const char *const quotes[] = { "'", "\"", "\xE2\x80\x98", "\xE2\x80\x99",
					      "\xE2\x80\x9C", "\xE2\x80\x9D" };
	for (bool cut = true; cut && x.n;) {
		cut = false;
		for (size_t k = 0; k < sizeof(quotes) / sizeof(*quotes); k++) {
			size_t ql = strlen(quotes[k]);
			if (x.n >= ql && memcmp(x.s, quotes[k], ql) == 0) {
				x = trim_span(x.s + ql, x.n - ql);
				cut = true;
			} else if (x.n >= ql && memcmp(x.s + x.n - ql, quotes[k], ql) == 0) {
				x = trim_span(x.s, x.n - ql);
				cut = true;
			}
		}
	}
	return x;
}

/*
 * Add each name of "X", "X, Y" or "X or Y" in x to `aliases`. Returns 0 or
 * GG_ENOMEM.
 */
static int add_alias_names(gg_i_arena *a, string_list *aliases, span x)
{
	while (x.n) {
		size_t cut = x.n, skip = 0;
		for (size_t i = 0; i < x.n; i++) {
			if (x.s[i] == ',') {
				cut = i;
				skip = 1;
				break;
			}
			if (starts_with_nocase(x.s + i, x.n - i, " or ")) {
				cut = i;
				skip = 4;
				break;
			}
		}
		span name = trim_quotes(trim_span(x.s, cut));
		int err = list_add(a, aliases, name);
		if (err)
			return err;
		x = trim_span(x.s + cut + skip, x.n - cut - (cut < x.n ? skip : 0));
	}
	return 0;
}

/* "a b c" from three spans, one space between those not empty, in the
 * arena, in *out. Returns 0 or GG_ENOMEM. */
static int join_spans(gg_i_arena *a, span p, span q, span r, span *out)
{
	char *s = gg_i_arena_alloc(a, p.n + q.n + r.n + 3);
	size_t n = 0;
	if (!s)
		return gg_i_error_oom();
	span parts[3] = { trim_span(p.s ? p.s : "", p.n), q, r };
	for (size_t k = 0; k < 3; k++) {
		if (!parts[k].n)
			continue;
		if (n)
			s[n++] = ' ';
		memcpy(s + n, parts[k].s, parts[k].n);
		n += parts[k].n;
	}
	s[n] = '\0';
	*out = (span){ s, n };
	return 0;
}

/*
 * Cut a parenthesis that gives another name ("(also X)", "(or X)",
 * "(a.k.a. X)", "(aka X)", "(plural X)") out of the name *x, adding X to
 * `aliases`; *x becomes the text around it (copied to the arena when the
 * parenthesis stood inside). Returns 0 or GG_ENOMEM.
 */
static int take_alias_parenthesis(gg_i_arena *a, span *x, string_list *aliases)
{
	const char *close = x->s; /* the first ')' after `open`: found once, in one pass */
	for (const char *open = memchr(x->s, '(', x->n); open;
	     open = memchr(open + 1, '(', x->n - (size_t)(open + 1 - x->s))) {
		if (close <= open)
			close = memchr(open, ')', x->n - (size_t)(open - x->s));
		if (!close)
			return 0;
		span inside = trim_span(open + 1, (size_t)(close - open - 1));
		size_t k = 0;
		while (k < sizeof(alias_openers) / sizeof(*alias_openers) &&
		       !starts_with_nocase(inside.s, inside.n, alias_openers[k]))
			k++;
		if (k == sizeof(alias_openers) / sizeof(*alias_openers))
			continue;
		span before = trim_span(x->s, (size_t)(open - x->s));
		span after = trim_span(close + 1, x->n - (size_t)(close + 1 - x->s));
		if (!before.n)
			return 0;
		size_t ol = strlen(alias_openers[k]);
		span other = trim_span(inside.s + ol, inside.n - ol);
		if (!after.n) {
			*x = before;
			return add_alias_names(a, aliases, other);
		}
		/* "shift left (or right) logical": the other word stands for the
		 * word before the parenthesis; the name reads without it */
		size_t stem = before.n;
		while (stem && before.s[stem - 1] != ' ')
			stem--;
		span joined = { NULL, 0 }, alias = { NULL, 0 };
		int err = join_spans(a, (span){ before.s, stem }, trim_quotes(other), after, &alias);
		if (!err)
			err = join_spans(a, before, (span){ NULL, 0 }, after, &joined);
		if (!err)
			err = list_add(a, aliases, alias);
		if (!err)
			*x = joined;
		return err;
	}
	return 0;
}

/*
 * "Handler (callback)": the name before a closing parenthesis that
 * qualifies it ("Handler"), or an empty span when x has no such ending.
 */
static span qualifier_base(span x)
{
	if (x.n < 4 || x.s[x.n - 1] != ')')
		return (span){ NULL, 0 };
	const char *open = NULL;
	for (size_t i = x.n - 1; i > 0 && !open; i--)
		if (x.s[i - 1] == '(')
			open = x.s + i - 1;
	if (!open || memchr(open + 1, '(', (size_t)(x.s + x.n - open - 1)))
		return (span){ NULL, 0 };
	return trim_span(x.s, (size_t)(open - x.s));
}

/* Openings of a text that only sends the reader to another entry. */
static const char *const redirect_openers[] = {
	"see: ", "see ", "same as ", "\xE2\x86\x92 ", "-> ", "\xE2\x87\x92 ", "=> ",
};

/* Longest target name a redirect may give. */
#define MAX_REDIRECT 120

/*
 * Whether t opens with an article and a noun that names a place to read
 * on ("the explanation at Tuple", "the section on records", "an entry
 * for X"): it describes where to look, not an entry the text stands for.
 * The nouns are those of the linker's cues (link/context.c).
 */
static bool describes_place(span t)
{
	static const char *const articles[] = { "the ", "a ", "an " };
	static const char *const places[] = { "entry", "entries", "article", "section", "definition",
					      "description", "discussion", "explanation" };
	for (size_t k = 0; k < sizeof(articles) / sizeof(*articles); k++) {
		size_t n = strlen(articles[k]);
		if (t.n <= n || !starts_with_nocase(t.s, t.n, articles[k]))
			continue;
		for (size_t p = 0; p < sizeof(places) / sizeof(*places); p++) {
			size_t m = strlen(places[p]);
			if (starts_with_nocase(t.s + n, t.n - n, places[p]) && (t.n == n + m || t.s[n + m] == ' '))
				return true;
		}
		return false;
	}
	return false;
}

/*
 * The target of s[0, n) when all of it sends the reader elsewhere ("See
 * Tuple.", "same as tuple", "→ Tuple", "see Node.js"): one name, no
 * sentence after it (a dot before a space ends one, a dot in a word is
 * the name's), no "see also" (a pointer to related entries, not a
 * redirect) and no place described ("see the explanation at Tuple"). An
 * empty span otherwise.
 */
static span redirect_target(const char *s, size_t n)
{
	span none = { NULL, 0 };
	span t = trim_span(s, n);
	if (starts_with_nocase(t.s, t.n, "see also"))
		return none;
	for (size_t k = 0; k < sizeof(redirect_openers) / sizeof(*redirect_openers); k++) {
		size_t ol = strlen(redirect_openers[k]);
		if (!starts_with_nocase(t.s, t.n, redirect_openers[k]))
			continue;
		span target = trim_span(t.s + ol, t.n - ol);
		while (target.n && (target.s[target.n - 1] == '.' || target.s[target.n - 1] == ' '))
			target.n--;
		bool one_name = target.n && target.n <= MAX_REDIRECT && !describes_place(target);
		for (size_t i = 0; i < target.n && one_name; i++) /* "Node.js" is one name, "Tuple. It" two */
			one_name = !(target.s[i] == '.' && target.s[i + 1] == ' ') && target.s[i] != ';' &&
				   target.s[i] != ':' && target.s[i] != '\n';
		return one_name ? target : none;
	}
	return none;
}

/* The redirect target of a whole definition, past its bold opening. */
static span definition_redirect(const char *def)
{
	size_t n = strlen(def);
	if (n > MAX_REDIRECT + 300)
		return (span){ NULL, 0 };
	span d = trim_span(def, n);
	if (d.n > 4 && strncmp(d.s, "**", 2) == 0) {
		const char *end = strstr(d.s + 2, "**");
		if (end) {
			d = trim_span(end + 2, d.n - (size_t)(end + 2 - d.s));
			while (d.n && (*d.s == ':' || *d.s == '-' || *d.s == ' '))
				d = trim_span(d.s + 1, d.n - 1);
			if (starts_with_nocase(d.s, d.n, "\xE2\x80\x94") || starts_with_nocase(d.s, d.n, "\xE2\x80\x93"))
				d = trim_span(d.s + 3, d.n - 3);
		}
	}
	return redirect_target(d.s, d.n);
}

/* Separators between a header's name and its "see X". */
static const char *const see_separators[] = { ":", ",", " -", " \xE2\x80\x94", " \xE2\x80\x93" };

/*
 * "Record: see Tuple", "WAL — see Write-ahead log": when the header h
 * redirects, its target (the name before the separator in *name); an empty
 * span otherwise.
 */
static span header_redirect(span h, span *name)
{
	span none = { NULL, 0 };
	/* the target is at most MAX_REDIRECT bytes: only the header's end is read */
	size_t from = h.n > MAX_REDIRECT + 8 ? h.n - MAX_REDIRECT - 8 : 1;
	for (size_t i = from; i + 4 < h.n; i++) {
		if (h.s[i - 1] != ' ' || !starts_with_nocase(h.s + i, h.n - i, "see"))
			continue;
		span before = trim_span(h.s, i);
		for (size_t k = 0; k < sizeof(see_separators) / sizeof(*see_separators); k++) {
			size_t sl = strlen(see_separators[k]);
			const char *sep = see_separators[k][0] == ' ' ? see_separators[k] + 1 : see_separators[k];
			size_t tl = sl - (see_separators[k][0] == ' ');
			if (before.n <= tl || memcmp(before.s + before.n - tl, sep, tl) != 0)
				continue;
			span target = redirect_target(h.s + i, h.n - i);
			*name = trim_span(before.s, before.n - tl);
			if (target.n && name->n)
				return target;
		}
	}
	return none;
}

/* ---- header items ----------------------------------------------------- */

#define MAX_ITEMS 64

/* The end of the header item starting at p: the next comma outside
 * parentheses ("widget (also gadget, gizmo), tools"), or the end. */
static const char *item_end(const char *p)
{
	int depth = 0;
	for (const char *q = p; *q; q++) {
		if (*q == '(')
			depth++;
		else if (*q == ')' && depth > 0)
			depth--;
		else if (*q == ',' && depth == 0)
			return q;
	}
	if (depth == 0)
		return p + strlen(p);
	const char *comma = strchr(p, ','); /* an unclosed parenthesis */
	return comma ? comma : p + strlen(p);
}

/* Words that open another name of the term after a comma in its header:
 * "Font family, or just family", "Widget, also called gadget". */
static const char *const name_openers[] = { "also known as ", "also called ", "or simply ",
					    "or just ", "a.k.a. ", "aka ", "or " };

/* The length of the name opener x starts with, or 0 (nothing after it: 0). */
static size_t name_opener(span x)
{
	for (size_t k = 0; k < sizeof(name_openers) / sizeof(*name_openers); k++) {
		size_t n = strlen(name_openers[k]);
		if (x.n > n && starts_with_nocase(x.s, x.n, name_openers[k]))
			return n;
	}
	return 0;
}

/* Whether x is one word of letters with a capital first and lower case after. */
static bool capitalised_word(span x)
{
	if (x.n < 2 || x.s[0] < 'A' || x.s[0] > 'Z')
		return false;
	for (size_t i = 1; i < x.n; i++)
		if (x.s[i] < 'a' || x.s[i] > 'z')
			return false;
	return true;
}

/*
 * Whether header item i continues the name before it across a comma:
 * "Acme, Inc." (one short word ending in a period, no category does) or,
 * in a header of two items, "Smith, John" (two capitalised words).
 */
static bool continues_name(const span *items, size_t n_items, size_t i)
{
	span x = items[i];
	if (x.n >= 3 && x.n <= 6 && x.s[x.n - 1] == '.') {
		bool letters = true;
		for (size_t k = 0; k + 1 < x.n && letters; k++)
			letters = (x.s[k] >= 'a' && x.s[k] <= 'z') || (x.s[k] >= 'A' && x.s[k] <= 'Z');
		if (letters)
			return true;
	}
	return n_items == 2 && i == 1 && capitalised_word(items[0]) && capitalised_word(x);
}

int gg_i_names_parse(gg_i_arena *a, const gg_entry *e, gg_i_entry_names *out)
{
	const char *definition = e->definition;
	memset(out, 0, sizeof(*out));
	span header = trim_span(e->header, strlen(e->header));
	span redirect = { NULL, 0 }, redirect_name;
	if ((redirect = header_redirect(header, &redirect_name)).n)
		header = redirect_name;
	else
		redirect = definition_redirect(definition);

	span items[MAX_ITEMS];
	size_t n_items = 0;
	if (e->header_is_name) {
		items[n_items++] = header;
		/* "Font Family, or just Family": the name, then another name after
		 * its first comma ("Read, write, or execute" is one name) */
		const char *c = memchr(header.s, ',', header.n);
		span before = c ? trim_span(header.s, (size_t)(c - header.s)) : header;
		span rest = c ? trim_span(c + 1, header.n - (size_t)(c + 1 - header.s)) : before;
		if (c && before.n && name_opener(rest)) {
			items[0] = before;
			items[n_items++] = rest;
		}
	}
	for (const char *p = header.s, *end = header.s + header.n;
	     !e->header_is_name && n_items < MAX_ITEMS && p < end;) {
		const char *stop = item_end(p);
		if (stop > end)
			stop = end;
		span item = trim_span(p, (size_t)(stop - p));
		if (item.n)
			items[n_items++] = item;
		p = stop + 1;
	}
	/* "Acme, Inc.", "Smith, John": items that continue the name before */
	for (size_t i = 1; i < n_items;) {
		if (!continues_name(items, n_items, i)) {
			i++;
			continue;
		}
		items[i - 1].n = (size_t)(items[i].s + items[i].n - items[i - 1].s);
		memmove(items + i, items + i + 1, (n_items - i - 1) * sizeof(*items));
		n_items--;
	}

	string_list abbrevs = { 0 }, keywords = { 0 }, aliases = { 0 };
	int err = 0;
	/* other names right after the first item: "or just X", "also called X"
	 * (an opener further on is a list's: "read, write, or execute") */
	for (size_t opener; n_items > 1 && (opener = name_opener(items[1]));) {
		span other = trim_span(items[1].s + opener, items[1].n - opener);
		if ((err = add_alias_names(a, &aliases, other)))
			goto cleanup;
		memmove(items + 1, items + 2, (n_items - 2) * sizeof(*items));
		n_items--;
	}
	span bold = { NULL, 0 }, after = { NULL, 0 }, bold_name = { NULL, 0 }, bold_abbr = { NULL, 0 };
	if (bold_opening(definition, &bold, &after)) {
		if ((err = take_alias_parenthesis(a, &bold, &aliases)))
			goto cleanup;
		if (after.n && gg_i_name_is_abbrev_of(bold.s, bold.n, after.s, after.n)) {
			bold_name = after;
			bold_abbr = bold;
		} else if (after.n && gg_i_name_is_abbrev_of(after.s, after.n, bold.s, bold.n)) {
			bold_name = bold;
			bold_abbr = after;
		} else {
			split_parenthesis(bold, &bold_name, &bold_abbr);
		}
	}

	/* "utah teapot, the" whose bold says the same: one name with a comma */
	if (n_items > 1 && bold.n && key_equal(header, bold)) {
		items[0] = header;
		n_items = 1;
	}

	span term = n_items ? items[0] : (span){ header.s, 0 };
	size_t used = n_items ? 1 : 0;

	/* split words: "neural,architecture,search,NAS,automated" */
	if (n_items >= 2 && !has_space(items[0]) && bold_name.n) {
		size_t k = 0;
		for (size_t i = 0; i < n_items && !has_space(items[i]); i++) {
			if (!items_word_prefix(items, i + 1, bold_name))
				break;
			k = i + 1;
		}
		if (k >= 1 && (k >= 2 || !key_equal(items[0], bold_name))) {
			term = bold_name;
			used = k;
		}
	}

	if ((err = take_alias_parenthesis(a, &term, &aliases)))
		goto cleanup;
	span term_name, term_abbr;
	split_parenthesis(term, &term_name, &term_abbr);
	if ((err = list_add(a, &abbrevs, term_abbr)))
		goto cleanup;
	/* trailing abbreviation: "neural radiance field nerf" */
	const char *sp = NULL;
	for (size_t i = term_name.n; i > 0 && !sp; i--)
		if (term_name.s[i - 1] == ' ')
			sp = term_name.s + i - 1;
	if (sp) {
		span last = { sp + 1, term_name.n - (size_t)(sp + 1 - term_name.s) };
		span rest = trim_span(term_name.s, (size_t)(sp - term_name.s));
		if (has_space(rest) && gg_i_name_is_abbrev_of(last.s, last.n, rest.s, rest.n)) {
			if ((err = list_add(a, &abbrevs, last)))
				goto cleanup;
			term_name = rest;
		}
	}
	if ((err = list_add(a, &abbrevs, bold_abbr)))
		goto cleanup;
	for (size_t i = 0; i < e->n_abbrevs && !err; i++)
		err = list_add(a, &abbrevs, trim_span(e->abbrevs[i], strlen(e->abbrevs[i])));
	if (err)
		goto cleanup;
	if (e->n_categories) /* a structured format names its categories */
		out->category = e->categories[0];

	/* the display spelling: the bold one when it names the same thing (a
	 * header in lower case takes the bold's capitals: "https", "HTTPS") */
	span display = term_name;
	if (bold_name.n && (key_equal(bold_name, term_name) ||
			    (bold_name.n == term_name.n && strncasecmp(bold_name.s, term_name.s, term_name.n) == 0)))
		display = bold_name;
	span bare = term_abbr.n ? (span){ NULL, 0 } : qualifier_base(display);

	bool abbrev_middle = n_items == 3 && used == 1 &&
			     gg_i_name_is_abbrev_of(items[1].s, items[1].n, term_name.s, term_name.n);
	bool paren_shape = n_items == 4 && used == 1 && term_abbr.n &&
			   key_equal(items[1], term_name) && key_equal(items[2], term_abbr);
	bool two_items = n_items == 2 && used == 1 &&
			 !gg_i_name_is_abbrev_of(items[1].s, items[1].n, term_name.s, term_name.n) &&
			 !words_subset(items[1].s, items[1].n, term_name.s, term_name.n);
	out->category_shaped = abbrev_middle || paren_shape || two_items;
	out->first_item_abbrev = abbrevs.n;
	for (size_t i = used; i < n_items; i++) {
		span it = items[i];
		if (key_equal(it, term_name) || (bold_name.n && key_equal(it, bold_name)))
			continue;
		if (gg_i_name_is_abbrev_of(it.s, it.n, term_name.s, term_name.n)) {
			err = list_add(a, &abbrevs, it);
		} else if (i == n_items - 1) {
			/* the category candidate, decided by the caller */
			if (!(out->last_item = gg_i_arena_strndup(a, it.s, it.n)))
				err = gg_i_error_oom();
		} else {
			err = list_add(a, &keywords, it);
		}
		if (err)
			goto cleanup;
	}

	out->term = gg_i_arena_strndup(a, display.s, display.n);
	if (bold_name.n && !(out->bold = gg_i_arena_strndup(a, bold_name.s, bold_name.n)))
		err = gg_i_error_oom();
	if (bare.n && !(out->bare = gg_i_arena_strndup(a, bare.s, bare.n)))
		err = gg_i_error_oom();
	if (redirect.n && !(out->redirect = gg_i_arena_strndup(a, redirect.s, redirect.n)))
		err = gg_i_error_oom();
	if (!out->term)
		err = gg_i_error_oom();
	out->abbrevs = list_to_arena(a, &abbrevs, &out->n_abbrevs);
	out->keywords = list_to_arena(a, &keywords, &out->n_keywords);
	out->aliases = list_to_arena(a, &aliases, &out->n_aliases);
	if ((out->n_abbrevs && !out->abbrevs) || (out->n_keywords && !out->keywords) ||
	    (out->n_aliases && !out->aliases))
		err = gg_i_error_oom();
	return err;

cleanup:
	free(abbrevs.items);
	free(keywords.items);
	free(aliases.items);
	return err;
}
