/* forms.c - names, aliases, abbreviations and their inflections as patterns. */
#include "link/forms.h"
#include "core/strmap.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/* Letters and capitals are told apart in every script: "\u03a3\u0399\u0393\u039c\u0391"
 * is an abbreviation as "SIGMA" is; marks and digits are neither. */
bool gg_i_form_exact_case(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t letters = 0, capitals = 0;
	bool word_start = true;
	for (size_t i = 0; i < n;) {
		gg_i_char_kind kind;
		unsigned char c = u[i];
		i += gg_i_utf8_char(u + i, n - i, &kind);
		if (kind == GG_CHAR_LETTER || kind == GG_CHAR_CAPITAL) {
			letters++;
			if (kind == GG_CHAR_CAPITAL) {
				capitals++;
				if (!word_start)
					return true;
			}
			word_start = false;
		} else if (kind == GG_CHAR_SPACE || c == '-' || c == '_') {
			word_start = true;
		}
	}
	return letters == 1 && capitals == 1;
}

/* Whether s[0, n) holds a letter of any script. */
static bool has_letter(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		gg_i_char_kind kind;
		i += gg_i_utf8_char(u + i, n - i, &kind);
		if (kind == GG_CHAR_LETTER || kind == GG_CHAR_CAPITAL)
			return true;
	}
	return false;
}

/*
 * English function words: articles, pronouns, auxiliaries, prepositions and
 * conjunctions, the closed classes of the language, sorted. A name made of
 * them alone ("is-a", "has-a", "The") reads as prose wherever the text
 * does not write it as the name is written.
 */
static const char *const function_words[] = {
	"a", "about", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
	"being", "both", "but", "by", "can", "could", "did", "do", "does", "each", "either",
	"for", "from", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i", "if",
	"in", "into", "is", "it", "its", "may", "me", "might", "must", "my", "neither", "no",
	"nor", "not", "of", "off", "on", "onto", "or", "our", "out", "over", "per", "shall",
	"she", "should", "so", "some", "than", "that", "the", "their", "them", "then", "there",
	"these", "they", "this", "those", "to", "under", "up", "us", "via", "was", "we", "were",
	"what", "when", "where", "which", "who", "whom", "whose", "why", "will", "with",
	"would", "you", "your",
};
#define FUNCTION_WORD_MAX 7 /* bytes of the longest */

static int compare_word(const void *key, const void *item)
{
	return strcmp(key, *(const char *const *)item);
}

/* Whether every word of s[0, n) (cut at spaces, '-' and '_') is a function word, in any case. */
static bool function_words_only(const char *s, size_t n)
{
	size_t words = 0;
	for (size_t i = 0; i < n;) {
		char word[FUNCTION_WORD_MAX + 1];
		size_t len = 0;
		while (i < n && (s[i] == ' ' || s[i] == '-' || s[i] == '_'))
			i++;
		for (; i < n && s[i] != ' ' && s[i] != '-' && s[i] != '_'; i++) {
			if (len == FUNCTION_WORD_MAX || !(is_lower(s[i]) || is_upper(s[i])))
				return false;
			word[len++] = gg_i_ascii_lower(s[i]);
		}
		if (!len)
			break;
		word[len] = '\0';
		if (!bsearch(word, function_words, sizeof(function_words) / sizeof(function_words[0]),
			     sizeof(function_words[0]), compare_word))
			return false;
		words++;
	}
	return words > 0;
}

/* Add s[0, n) to the matcher as a form of `concept` matched by `rule`,
 * with its capitals as written when exact_case. 0 or an automaton error. */
static int add_form(gg_i_automaton *a, gg_i_forms *f, const char *s, size_t n, uint32_t concept,
		    gg_match_rule rule, bool exact_case)
{
	if (GG_ARRAY_PUSH_SLOT(f->items, f->n, f->cap))
		return GG_ENOMEM;
	int err = gg_i_automaton_add(a, s, n, (uint32_t)f->n, exact_case ? GG_AUTOMATON_EXACT_CASE : 0);
	if (err)
		return err;
	bool capital = gg_i_utf8_has_capital(s, n), special = false;
	for (size_t i = 0; i < n; i++)
		special |= s[i] == '-' || s[i] == '_' || (unsigned char)s[i] >= 0x80;
	f->items[f->n++] = (gg_i_form){ concept, rule, (uint32_t)gg_i_hash_bytes(s, n), exact_case,
				      !capital && !special, function_words_only(s, n) };
	f->has_capital[concept] |= capital;
	return 0;
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/*
 * Append to `out` the other number of s[0..n): the plural of the last word
 * (+s; +es after s, x, z, ch, sh; consonant+y -> ies), or, for a word
 * already ending in s, its singular. An all-capital word is an abbreviation:
 * its plural takes a lower-case s ("LSTM" -> "LSTMs", "URLs" -> "URL"), and
 * its own final S is part of it, never a plural ending ("DNS" is not "DN"s,
 * "HTTPS" not "HTTP"s). Leaves `out` empty when no inflection applies: a
 * last word under 3 letters, or one beyond ASCII (English endings only).
 */
static void inflect(gg_i_buf *out, const char *s, size_t n)
{
	size_t w = n;
	while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '-')
		w--;
	const char *word = s + w;
	size_t wl = n - w;
	bool all_caps = true, letters = true;
	for (size_t i = 0; i < wl; i++) {
		all_caps &= !is_lower(word[i]);
		letters &= is_upper(word[i]) || is_lower(word[i]);
	}
	gg_i_buf_clear(out);
	if (wl < 3 || !letters)
		return;
	char last = word[wl - 1], before = word[wl - 2];
	if (all_caps) { /* "LSTM" -> "LSTMs"; "DNS" stays */
		if (last != 'S') {
			gg_i_buf_put(out, s, n);
			gg_i_buf_putc(out, 's');
		}
		return;
	}
	if (ends_with(word, wl, "ies") && wl > 4) {
		gg_i_buf_put(out, s, n - 3);
		gg_i_buf_putc(out, 'y');
	} else if (last == 's' && before != 's' && before != 'u' && before != 'i') {
		gg_i_buf_put(out, s, n - 1);
	} else if (last == 's' || last == 'x' || last == 'z' ||
		   ends_with(word, wl, "ch") || ends_with(word, wl, "sh")) {
		gg_i_buf_put(out, s, n);
		gg_i_buf_puts(out, "es");
	} else if (last == 'y' && !strchr("aeiou", before)) {
		gg_i_buf_put(out, s, n - 1);
		gg_i_buf_puts(out, "ies");
	} else {
		gg_i_buf_put(out, s, n);
		gg_i_buf_putc(out, 's');
	}
}

/*
 * Longer names are prose, not terms: a 20,000-word <dt> would make every
 * scan wait on it (the matcher's pending candidates grow with term length).
 */
#define MAX_FORM_BYTES 256

/* Add name s as a form of `concept` (unless it cannot stand as one: empty,
 * too long, no letter, a dangling hyphen), and its other number as well.
 * `tmp` is scratch. 0 or an error. */
static int add_with_inflection(gg_i_automaton *a, gg_i_forms *f, gg_i_buf *tmp,
			       const char *s, uint32_t concept, gg_match_rule rule)
{
	size_t n = strlen(s);
	if (!n || n > MAX_FORM_BYTES || !has_letter(s, n) || s[0] == '-' || s[n - 1] == '-')
		return 0;
	bool exact = rule == GG_RULE_ABBREVIATION || gg_i_form_exact_case(s, n);
	int err = add_form(a, f, s, n, concept, rule, exact);
	if (err)
		return err;
	inflect(tmp, s, n);
	if ((err = gg_i_buf_ok(tmp)))
		return err;
	if (tmp->len)
		err = add_form(a, f, tmp->ptr, tmp->len, concept,
			       rule == GG_RULE_ABBREVIATION ? rule : GG_RULE_INFLECTED, exact);
	return err;
}

int gg_i_forms_build(const gg_glossary *g, gg_i_automaton *a, gg_i_forms *out)
{
	size_t n = gg_glossary_concept_count(g);
	gg_i_buf tmp = GG_BUF_INIT;
	int err = 0;
	memset(out, 0, sizeof(*out));
	if (!(out->has_capital = calloc(n ? n : 1, sizeof(bool))))
		return gg_i_error_oom();
	for (uint32_t c = 0; c < n && !err; c++) {
		const gg_concept *concept = gg_glossary_concept(g, c);
		err = add_with_inflection(a, out, &tmp, concept->name, c, GG_RULE_EXACT);
		for (size_t k = 0; k < concept->n_aliases && !err; k++)
			err = add_with_inflection(a, out, &tmp, concept->aliases[k], c, GG_RULE_ALIAS);
		for (size_t k = 0; k < concept->n_abbrevs && !err; k++)
			err = add_with_inflection(a, out, &tmp, concept->abbrevs[k], c,
						  GG_RULE_ABBREVIATION);
	}
	gg_i_buf_free(&tmp);
	return err;
}

void gg_i_forms_free(gg_i_forms *f)
{
	free(f->items);
	free(f->has_capital);
	memset(f, 0, sizeof(*f));
}
