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

/* Whether text[from, i) ends with `word` standing as a whole word. */
static bool ends_with_word(const char *text, size_t from, size_t i, const char *word)
{
	size_t n = strlen(word);
	if (i - from < n || strncasecmp(text + i - n, word, n) != 0)
		return false;
	return i - n == 0 || !gg_is_word_byte((unsigned char)text[i - n - 1]);
}

bool gg_i_after_cue(const char *text, size_t start)
{
	static const char *const connectors[] = {
		"the", "a", "an", "also", "under", "entry", "for", "of", "to", "with", "as",
	};
	static const char *const cues[] = {
		"see", "cf.", "compare", "synonym", "synonyms", "opposite", "opposites",
	};
	size_t from = start > CUE_WINDOW ? start - CUE_WINDOW : 0;
	size_t i = start;
	while (i > from && text[i - 1] == '*')
		i--;
	while (i > from && (is_space(text[i - 1]) || text[i - 1] == ':' || text[i - 1] == ','))
		i--;
	for (bool stripped = true; stripped;) {
		stripped = false;
		for (size_t k = 0; k < sizeof(cues) / sizeof(*cues); k++)
			if (ends_with_word(text, from, i, cues[k]))
				return true;
		for (size_t k = 0; k < sizeof(connectors) / sizeof(*connectors); k++) {
			size_t n = strlen(connectors[k]);
			if (!ends_with_word(text, from, i, connectors[k]) || i - n == 0 ||
			    !is_space(text[i - n - 1]))
				continue;
			i -= n;
			while (i > from && is_space(text[i - 1]))
				i--;
			stripped = true;
			break;
		}
	}
	return false;
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
