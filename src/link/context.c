/* context.c - cue words, list glue and sentence starts around mentions. */
#include "link/context.h"
#include "core/text.h"

#include <string.h>
#include <strings.h>

#define CUE_WINDOW 40

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Length of an opening quote or bracket ending at text[i - 1], or 0. */
static size_t opener_before(const char *text, size_t i)
{
	if (i >= 1 && strchr("\"'([", text[i - 1]) && text[i - 1])
		return 1;
	/* “ (E2 80 9C) and ‘ (E2 80 98) */
	if (i >= 3 && (unsigned char)text[i - 3] == 0xE2 && (unsigned char)text[i - 2] == 0x80 &&
	    ((unsigned char)text[i - 1] == 0x9C || (unsigned char)text[i - 1] == 0x98))
		return 3;
	return 0;
}

/* Length of a closing quote or bracket ending at text[i - 1], or 0. */
static size_t closer_before(const char *text, size_t i)
{
	if (i >= 1 && text[i - 1] && strchr("\"')]", text[i - 1]))
		return 1;
	/* ” (E2 80 9D) and ’ (E2 80 99) */
	if (i >= 3 && (unsigned char)text[i - 3] == 0xE2 && (unsigned char)text[i - 2] == 0x80 &&
	    ((unsigned char)text[i - 1] == 0x9D || (unsigned char)text[i - 1] == 0x99))
		return 3;
	return 0;
}

bool gg_i_sentence_start(const char *text, size_t start)
{
	size_t i = start, k;
	while ((k = opener_before(text, i)))
		i -= k;
	/* Markdown emphasis right before the mention does not hide the start */
	while (i > 0 && text[i - 1] == '*')
		i--;
	if (i == 0)
		return true;
	if (!is_space(text[i - 1]))
		return false;
	while (i > 0 && is_space(text[i - 1]))
		i--;
	while ((k = closer_before(text, i)))
		i -= k;
	while (i > 0 && text[i - 1] == '*')
		i--;
	return i > 0 && strchr(".!?:;", text[i - 1]);
}

/* What a word before a mention says: a cue, a connecting word, or nothing. */
enum word_role { WORD_OTHER, WORD_CUE, WORD_CONNECTOR };

/* Whether the bytes at w are the word `lit` (a constant: the compare is inlined). */
#define IS(lit) (memcmp(w, lit, sizeof(lit) - 1) == 0)

/*
 * The role of s[0, n) (ASCII letters and '.'), case ignored. The cues: see,
 * cf., compare, synonym(s), opposite(s); the connecting words that may
 * stand between a cue and the mention: the, a, an, also, under, entry, for,
 * of, to, with, as.
 */
static enum word_role role_of(const char *s, size_t n)
{
	char w[9];
	if (n == 0 || n > sizeof(w))
		return WORD_OTHER;
	for (size_t i = 0; i < n; i++)
		w[i] = (char)(s[i] | 0x20); /* letters to lower case; '.' stays */
	switch (n) {
	case 1:
		return w[0] == 'a' ? WORD_CONNECTOR : WORD_OTHER;
	case 2:
		return IS("an") || IS("to") || IS("of") || IS("as") ? WORD_CONNECTOR : WORD_OTHER;
	case 3:
		if (IS("see") || IS("cf."))
			return WORD_CUE;
		return IS("the") || IS("for") ? WORD_CONNECTOR : WORD_OTHER;
	case 4:
		return IS("also") || IS("with") ? WORD_CONNECTOR : WORD_OTHER;
	case 5:
		return IS("under") || IS("entry") ? WORD_CONNECTOR : WORD_OTHER;
	case 7:
		return IS("compare") || IS("synonym") ? WORD_CUE : WORD_OTHER;
	case 8:
		return IS("opposite") || IS("synonyms") ? WORD_CUE : WORD_OTHER;
	case 9:
		return IS("opposites") ? WORD_CUE : WORD_OTHER;
	default:
		return WORD_OTHER;
	}
}

#undef IS

bool gg_i_after_cue(const char *text, size_t start)
{
	size_t from = start > CUE_WINDOW ? start - CUE_WINDOW : 0;
	size_t i = start;
	while (i > from && text[i - 1] == '*')
		i--;
	while (i > from && (is_space(text[i - 1]) || text[i - 1] == ':' || text[i - 1] == ','))
		i--;
	/* walk back word by word: connecting words, then a cue, or nothing */
	for (;;) {
		size_t w = i;
		while (w > from && ((text[w - 1] >= 'a' && text[w - 1] <= 'z') ||
				    (text[w - 1] >= 'A' && text[w - 1] <= 'Z') || text[w - 1] == '.'))
			w--;
		if (w == i || (w > 0 && gg_is_word_byte((unsigned char)text[w - 1])))
			return false;
		enum word_role role = role_of(text + w, i - w);
		if (role == WORD_CUE)
			return true;
		if (role != WORD_CONNECTOR || w == 0 || !is_space(text[w - 1]))
			return false;
		i = w;
		while (i > from && is_space(text[i - 1]))
			i--;
	}
}

bool gg_i_list_glue(const char *text, size_t from, size_t to)
{
	size_t i = from;
	while (i < to) {
		char c = text[i];
		if (is_space(c) || c == ',' || c == ';' || c == '*') {
			i++;
		} else if (to - i >= 3 && strncasecmp(text + i, "and", 3) == 0 &&
			   (i + 3 == to || !gg_is_word_byte((unsigned char)text[i + 3]))) {
			i += 3;
		} else if (to - i >= 2 && strncasecmp(text + i, "or", 2) == 0 &&
			   (i + 2 == to || !gg_is_word_byte((unsigned char)text[i + 2]))) {
			i += 2;
		} else {
			return false;
		}
	}
	return true;
}
