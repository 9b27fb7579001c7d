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

/* Whether s[0..n) is one of the NULL-ended `words`, ignoring case. */
static bool one_of(const char *s, size_t n, const char *const *words)
{
	for (; *words; words++)
		if (strlen(*words) == n && strncasecmp(s, *words, n) == 0)
			return true;
	return false;
}

bool gg_i_after_cue(const char *text, size_t start)
{
	static const char *const cues[] = {
		"see", "cf.", "compare", "synonym", "synonyms", "opposite", "opposites", NULL,
	};
	static const char *const connectors[] = {
		"the", "a", "an", "also", "under", "entry", "for", "of", "to", "with", "as", NULL,
	};
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
		size_t n = i - w;
		if (n == 0 || n > 9 || (w > 0 && gg_is_word_byte((unsigned char)text[w - 1])))
			return false;
		if (one_of(text + w, n, cues))
			return true;
		if (!one_of(text + w, n, connectors) || w == 0 || !is_space(text[w - 1]))
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
