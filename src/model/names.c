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

/* fold_key of a name trim_marks has already cut. */
static size_t fold_trimmed(char *dst, const char *s, size_t len)
{
	size_t at = 0, i = 0;
	while (i < len) {
		while (i < len && is_space_like(s[i]))
			i++;
		if (i >= len)
			break;
		if (at > 0)
			dst[at++] = ' ';
		size_t w = at;
		while (i < len && !is_space_like(s[i]))
			dst[at++] = gg_ascii_lower(s[i++]);
		at = w + stem_word(dst + w, at - w);
	}
	dst[at] = '\0';
	return at;
}

/* Write the key of s[0, len), case-folded beyond ASCII already, to dst
 * (room for len + 1 bytes: a key is never longer than its name): trimmed of
 * marks, ASCII lower case, one space between words, plural endings cut.
 * Returns its length. */
static size_t fold_key(char *dst, const char *s, size_t len)
{
	trim_marks(&s, &len);
	return fold_trimmed(dst, s, len);
}

/* Unicode NFC with full case folding (utf8proc) of s[0, len) when it goes
 * beyond ASCII, so that "caf\u00e9" and "cafe\u0301", or "\u00c9lan" and
 * "\u00e9lan", meet: malloc'd in *folded; NULL (use s as it is) for ASCII
 * or when utf8proc cannot. Returns the length to use. */
static size_t unicode_fold(const char *s, size_t len, char **folded)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = -1;
	*folded = NULL;
	if (has_non_ascii(s, len) && len <= (size_t)PTRDIFF_MAX)
		n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
				 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (n < 0) {
		free(out);
		return len;
	}
	*folded = (char *)out;
	return (size_t)n;
}

void gg_name_key_append(gg_buf *out, const char *s, size_t len)
{
	char *folded;
	len = unicode_fold(s, len, &folded);
	if (gg_buf_reserve(out, len))
		out->len += fold_key(out->ptr + out->len, folded ? folded : s, len);
	free(folded);
}

char *gg_name_key(gg_arena *a, const char *s, size_t len)
{
	char *folded;
	len = unicode_fold(s, len, &folded);
	char *key = gg_arena_alloc(a, len + 1);
	if (key)
		fold_key(key, folded ? folded : s, len);
	free(folded);
	return key;
}

/* ---- abbreviations --------------------------------------------------- */

static bool is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether every word of a[0..alen) is also a word of f[0..flen). */
static bool words_subset(const char *a, size_t alen, const char *f, size_t flen)
{
	size_t i = 0;
	while (i < alen) {
		while (i < alen && a[i] == ' ')
			i++;
		size_t ws = i;
		while (i < alen && a[i] != ' ')
			i++;
		if (i == ws)
			break;
		bool found = false;
		for (size_t j = 0; j < flen && !found;) {
			while (j < flen && f[j] == ' ')
				j++;
			size_t fs = j;
			while (j < flen && f[j] != ' ')
				j++;
			found = j - fs == i - ws &&
				gg_ascii_lower(f[fs]) == gg_ascii_lower(a[ws]) &&
				strncasecmp(f + fs, a + ws, i - ws) == 0;
		}
		if (!found)
			return false;
	}
	return true;
}

bool gg_name_is_abbrev_of(const char *abbr, size_t alen, const char *full, size_t flen)
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
	if (lead == flen || gg_ascii_lower(full[lead]) != gg_ascii_lower(abbr[0]))
		return false; /* "NAS" opens with the N of "Neural ..." */

	/* match right to left, each letter of full used once; the first
	 * letter of abbr must open a word */
	size_t fi = flen; /* full[0, fi) is still unused */
	for (size_t ai = alen; ai > 0; ai--) {
		char c = gg_ascii_lower(abbr[ai - 1]);
		if (!is_alnum(c))
			continue;
		bool first = true;
		for (size_t k = 0; k + 1 < ai && first; k++)
			first = !is_alnum(abbr[k]);
		bool found = false;
		while (fi > 0 && !found) {
			fi--;
			bool word_start = fi == 0 || !is_alnum(full[fi - 1]);
			found = gg_ascii_lower(full[fi]) == c && (!first || word_start);
		}
		if (!found)
			return false;
	}
	return true;
}

/* ---- qualifiers ------------------------------------------------------ */

/*
 * Trailing words that make "X <word>" a facet of X rather than a concept of
 * its own, as glossaries title several entries about one thing. Stemmed.
 */
static const char *const qualifier_words[] = {
	"method", "technique", "strategy", "approach", "algorithm", "advanced",
	"basic", "fundamental", "overview", "introduction", "explained",
	"concept", "principle", "type", "variant", "tutorial", "guide",
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

size_t gg_name_qualified_base(const char *key)
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

typedef struct span {
	const char *s;
	size_t n;
} span;

static span trim_span(const char *s, size_t n)
{
	s = gg_trim(s, &n);
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
	if (gg_name_is_abbrev_of(inside.s, inside.n, before.s, before.n)) {
		*abbr = inside;
		*name = after.n ? x : before;
	} else if (after.n == 0 && gg_name_is_abbrev_of(before.s, before.n, inside.s, inside.n)) {
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

static int list_add(gg_arena *a, string_list *l, span x)
{
	if (x.n == 0)
		return 0;
	if (GG_ARRAY_PUSH_SLOT(l->items, l->n, l->cap))
		return GG_ENOMEM;
	const char *copy = gg_arena_strndup(a, x.s, x.n);
	if (!copy)
		return gg_error_oom();
	l->items[l->n++] = copy;
	return 0;
}

/* Move a heap list into the arena so the entry owns no heap memory. */
static const char **list_to_arena(gg_arena *a, string_list *l, size_t *n)
{
	*n = l->n;
	const char **out = NULL;
	if (l->n && (out = gg_arena_alloc(a, l->n * sizeof(*out))))
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
		if (gg_ascii_lower(ta.s[0]) != gg_ascii_lower(tb.s[0]))
			return false;
		size_t na = fold_trimmed(ka, ta.s, ta.n), nb = fold_trimmed(kb, tb.s, tb.n);
		return na == nb && memcmp(ka, kb, na) == 0;
	}
	gg_buf ba = GG_BUF_INIT, bb = GG_BUF_INIT;
	gg_name_key_append(&ba, a.s, a.n);
	gg_name_key_append(&bb, b.s, b.n);
	bool eq = !ba.oom && !bb.oom && ba.len == bb.len &&
		  (ba.len == 0 || memcmp(ba.ptr, bb.ptr, ba.len) == 0);
	gg_buf_free(&ba);
	gg_buf_free(&bb);
	return eq;
}

/* Whether the keys of items[0..n), joined, are key(whole) or a word-prefix of it. */
static bool items_word_prefix(const span *items, size_t n, span whole)
{
	gg_buf kp = GG_BUF_INIT, kw = GG_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			gg_buf_putc(&kp, ' ');
		gg_name_key_append(&kp, items[i].s, items[i].n);
	}
	gg_name_key_append(&kw, whole.s, whole.n);
	bool yes = !kp.oom && !kw.oom && kp.len > 0 && kp.len <= kw.len &&
		   memcmp(kp.ptr, kw.ptr, kp.len) == 0 &&
		   (kp.len == kw.len || kw.ptr[kp.len] == ' ');
	gg_buf_free(&kp);
	gg_buf_free(&kw);
	return yes;
}

#define MAX_ITEMS 64

int gg_names_parse(gg_arena *a, const gg_entry *e, gg_entry_names *out)
{
	const char *header = e->header, *definition = e->definition;
	memset(out, 0, sizeof(*out));
	span items[MAX_ITEMS];
	size_t n_items = 0;
	if (e->header_is_name)
		items[n_items++] = trim_span(header, strlen(header));
	for (const char *p = header; !e->header_is_name && n_items < MAX_ITEMS;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		span item = trim_span(p, n);
		if (item.n)
			items[n_items++] = item;
		if (!comma)
			break;
		p = comma + 1;
	}

	span bold = { NULL, 0 }, after = { NULL, 0 }, bold_name = { NULL, 0 }, bold_abbr = { NULL, 0 };
	if (bold_opening(definition, &bold, &after)) {
		if (after.n && gg_name_is_abbrev_of(bold.s, bold.n, after.s, after.n)) {
			bold_name = after;
			bold_abbr = bold;
		} else if (after.n && gg_name_is_abbrev_of(after.s, after.n, bold.s, bold.n)) {
			bold_name = bold;
			bold_abbr = after;
		} else {
			split_parenthesis(bold, &bold_name, &bold_abbr);
		}
	}

	/* "utah teapot, the" whose bold says the same: one name with a comma */
	if (n_items > 1 && bold.n && key_equal(trim_span(header, strlen(header)), bold)) {
		items[0] = trim_span(header, strlen(header));
		n_items = 1;
	}

	string_list abbrevs = { 0 }, keywords = { 0 };
	span term = n_items ? items[0] : (span){ header, 0 };
	size_t used = n_items ? 1 : 0;
	int err = 0;

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
		if (has_space(rest) && gg_name_is_abbrev_of(last.s, last.n, rest.s, rest.n)) {
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

	/* the display spelling: the bold one when it names the same thing */
	span display = term_name;
	if (bold_name.n && key_equal(bold_name, term_name))
		display = bold_name;

	bool abbrev_middle = n_items == 3 && used == 1 &&
			     gg_name_is_abbrev_of(items[1].s, items[1].n, term_name.s, term_name.n);
	bool paren_shape = n_items == 4 && used == 1 && term_abbr.n &&
			   key_equal(items[1], term_name) && key_equal(items[2], term_abbr);
	bool two_items = n_items == 2 && used == 1 &&
			 !gg_name_is_abbrev_of(items[1].s, items[1].n, term_name.s, term_name.n) &&
			 !words_subset(items[1].s, items[1].n, term_name.s, term_name.n);
	out->category_shaped = abbrev_middle || paren_shape || two_items;
	for (size_t i = used; i < n_items; i++) {
		span it = items[i];
		if (key_equal(it, term_name) || (bold_name.n && key_equal(it, bold_name)))
			continue;
		if (gg_name_is_abbrev_of(it.s, it.n, term_name.s, term_name.n)) {
			err = list_add(a, &abbrevs, it);
		} else if (i == n_items - 1) {
			/* the category candidate, decided by the caller */
			if (!(out->last_item = gg_arena_strndup(a, it.s, it.n)))
				err = gg_error_oom();
		} else {
			err = list_add(a, &keywords, it);
		}
		if (err)
			goto cleanup;
	}

	out->term = gg_arena_strndup(a, display.s, display.n);
	if (bold_name.n && !(out->bold = gg_arena_strndup(a, bold_name.s, bold_name.n)))
		err = gg_error_oom();
	if (!out->term)
		err = gg_error_oom();
	out->abbrevs = list_to_arena(a, &abbrevs, &out->n_abbrevs);
	out->keywords = list_to_arena(a, &keywords, &out->n_keywords);
	if ((out->n_abbrevs && !out->abbrevs) || (out->n_keywords && !out->keywords))
		err = gg_error_oom();
	return err;

cleanup:
	free(abbrevs.items);
	free(keywords.items);
	return err;
}
