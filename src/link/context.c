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

/* The punctuation classes the checks below ask about, one bit each: a
 * table look-up per byte where a strchr per byte was. */
enum {
	OPENER = 1,         /* " ' ( [ before a sentence's first word */
	CLOSER = 2,         /* " ' ) ] after a sentence's last word */
	SENTENCE_END = 4,   /* . ! ? : ; */
	TOKEN_LEAD = 8,     /* " ' ( * < : prose around a token, before it */
	TOKEN_TRAIL = 16,   /* " ' ) , . ; : ! ? * > : prose around a token, after it */
	IDENT_BEFORE = 32,  /* _ $ = : glue an identifier before a mention */
	IDENT_AFTER = 64,   /* _ = [ : glue an identifier after a mention */
	/* NUL in the sets that strchr, which finds the terminator, let it in */
	NUL_SETS = SENTENCE_END | TOKEN_LEAD | TOKEN_TRAIL | IDENT_BEFORE | IDENT_AFTER
};

static const unsigned char punct[256] = {
	[0] = NUL_SETS,
	['"'] = OPENER | CLOSER | TOKEN_LEAD | TOKEN_TRAIL,
	['\''] = OPENER | CLOSER | TOKEN_LEAD | TOKEN_TRAIL,
	['('] = OPENER | TOKEN_LEAD,
	['['] = OPENER | IDENT_AFTER,
	[')'] = CLOSER | TOKEN_TRAIL,
	[']'] = CLOSER,
	['.'] = SENTENCE_END | TOKEN_TRAIL,
	['!'] = SENTENCE_END | TOKEN_TRAIL,
	['?'] = SENTENCE_END | TOKEN_TRAIL,
	[':'] = SENTENCE_END | TOKEN_TRAIL,
	[';'] = SENTENCE_END | TOKEN_TRAIL,
	[','] = TOKEN_TRAIL,
	['*'] = TOKEN_LEAD | TOKEN_TRAIL,
	['<'] = TOKEN_LEAD,
	['>'] = TOKEN_TRAIL,
	['_'] = IDENT_BEFORE | IDENT_AFTER,
	['$'] = IDENT_BEFORE,
	['='] = IDENT_BEFORE | IDENT_AFTER,
};

/* Whether byte c is in the punctuation class(es) `set`. */
static bool in(char c, unsigned set)
{
	return punct[(unsigned char)c] & set;
}

/* Length of an opening quote or bracket ending at text[i - 1], or 0. */
static size_t opener_before(const char *text, size_t i)
{
	if (i >= 1 && in(text[i - 1], OPENER))
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
	if (i >= 1 && in(text[i - 1], CLOSER))
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
	return i > 0 && in(text[i - 1], SENTENCE_END);
}

/*
 * What a word before a mention says: a cue; a connecting word; a noun that
 * names where the cue sends the reader ("explanation", "discussion"); a
 * preposition that may follow such a noun ("at", "on", "in"); or nothing.
 */
enum word_role { WORD_OTHER, WORD_CUE, WORD_CONNECTOR, WORD_PLACE, WORD_PLACE_PREPOSITION };

/* Whether the bytes at w are the word `lit` (a constant: the compare is inlined). */
#define IS(lit) (memcmp(w, lit, sizeof(lit) - 1) == 0)

/*
 * The role of s[0, n) (ASCII letters and '.'), case ignored. The cues: see,
 * cf., compare, syn., synonym(s), antonym(s), opposite(s), oppose, similar;
 * the connecting words that may stand between a cue and the mention: the,
 * a, an, also, under, for, of, to, with, as; the places a cue names:
 * entry, entries, article, section, definition, description, discussion,
 * explanation; the prepositions after a place: at, on, in.
 */
static enum word_role role_of(const char *s, size_t n)
{
	char w[12];
	if (n == 0 || n > sizeof(w))
		return WORD_OTHER;
	for (size_t i = 0; i < n; i++)
		w[i] = (char)(s[i] | 0x20); /* letters to lower case; '.' stays */
	switch (n) {
	case 1:
		return w[0] == 'a' ? WORD_CONNECTOR : WORD_OTHER;
	case 2:
		if (IS("at") || IS("on") || IS("in"))
			return WORD_PLACE_PREPOSITION;
		return IS("an") || IS("to") || IS("of") || IS("as") ? WORD_CONNECTOR : WORD_OTHER;
	case 3:
		if (IS("see") || IS("cf."))
			return WORD_CUE;
		return IS("the") || IS("for") ? WORD_CONNECTOR : WORD_OTHER;
	case 4:
		if (IS("syn."))
			return WORD_CUE;
		return IS("also") || IS("with") ? WORD_CONNECTOR : WORD_OTHER;
	case 5:
		return IS("under") ? WORD_CONNECTOR : IS("entry") ? WORD_PLACE : WORD_OTHER;
	case 6:
		return IS("oppose") ? WORD_CUE : WORD_OTHER;
	case 7:
		if (IS("article") || IS("section") || IS("entries"))
			return WORD_PLACE;
		return IS("compare") || IS("synonym") || IS("similar") || IS("antonym") ? WORD_CUE
										    : WORD_OTHER;
	case 8:
		return IS("opposite") || IS("synonyms") || IS("antonyms") ? WORD_CUE : WORD_OTHER;
	case 9:
		return IS("opposites") ? WORD_CUE : WORD_OTHER;
	case 10:
		return IS("definition") || IS("discussion") ? WORD_PLACE : WORD_OTHER;
	case 11:
		return IS("description") || IS("explanation") ? WORD_PLACE : WORD_OTHER;
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
	/* walk back word by word: connecting words and places (a preposition
	 * only right after a place: "see the explanation at"), then a cue */
	bool needs_place = false;
	for (;;) {
		size_t w = i;
		while (w > from && ((text[w - 1] >= 'a' && text[w - 1] <= 'z') ||
				    (text[w - 1] >= 'A' && text[w - 1] <= 'Z') || text[w - 1] == '.'))
			w--;
		if (w == i || (w > 0 && gg_i_is_word_byte((unsigned char)text[w - 1])))
			return false;
		enum word_role role = role_of(text + w, i - w);
		if (role == WORD_CUE)
			return !needs_place;
		if (role == WORD_PLACE)
			needs_place = false;
		else if (role == WORD_PLACE_PREPOSITION && !needs_place)
			needs_place = true;
		else if (role != WORD_CONNECTOR || needs_place)
			return false;
		if (w == 0 || !is_space(text[w - 1]))
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
			   (i + 3 == to || !gg_i_is_word_byte((unsigned char)text[i + 3]))) {
			i += 3;
		} else if (to - i >= 2 && strncasecmp(text + i, "or", 2) == 0 &&
			   (i + 2 == to || !gg_i_is_word_byte((unsigned char)text[i + 2]))) {
			i += 2;
		} else {
			return false;
		}
	}
	return true;
}

/* The bytes after text[end], white space and closing marks skipped. */
static size_t skip_after(const char *text, size_t len, size_t end)
{
	while (end < len && (is_space(text[end]) || text[end] == '*' || text[end] == ')'))
		end++;
	return end;
}

bool gg_i_before_qv(const char *text, size_t len, size_t end)
{
	size_t i = end;
	while (i < len && (is_space(text[i]) || text[i] == '*' || text[i] == '(' || text[i] == ','))
		i++;
	if (i == len || (text[i] | 0x20) != 'q')
		return false;
	if (len - i >= 4 && strncasecmp(text + i, "q.v.", 4) == 0)
		return true;
	return len - i >= 2 && strncasecmp(text + i, "qv", 2) == 0 &&
	       (i + 2 == len || !gg_i_is_word_byte((unsigned char)text[i + 2]));
}

bool gg_i_names_document(const char *text, size_t len, size_t end)
{
	static const char *const words[] = { "manual", "chapter", "section", "page",
					     "documentation", "guide" };
	size_t i = skip_after(text, len, end);
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		size_t n = strlen(words[k]);
		if (len - i >= n && strncasecmp(text + i, words[k], n) == 0 &&
		    (i + n == len || !gg_i_is_word_byte((unsigned char)text[i + n])))
			return true;
	}
	return false;
}

static bool is_word(char c)
{
	return gg_i_is_word_byte((unsigned char)c);
}

/* Whether text[from, to) is one of the little words of prose compounds
 * (state-of-the-art, end-to-end), which no command name is made of. */
static bool is_compound_glue(const char *text, size_t from, size_t to)
{
	static const char *const glue[] = { "a", "an", "and", "by", "for", "in", "of",
					     "on", "or", "the", "to" };
	for (size_t k = 0; k < sizeof(glue) / sizeof(glue[0]); k++)
		if (to - from == strlen(glue[k]) && strncasecmp(text + from, glue[k], to - from) == 0)
			return true;
	return false;
}

/* Whether the token text[from, to) (no white space) reads as a command
 * name of three or more hyphenated parts, none of them prose glue. */
static bool hyphenated_name(const char *text, size_t from, size_t to)
{
	size_t parts = 1, part = from;
	for (size_t i = from; i <= to; i++) {
		if (i < to && text[i] != '-')
			continue;
		if (is_compound_glue(text, part, i))
			return false;
		parts += i < to;
		part = i + 1;
	}
	return parts >= 3;
}

/* How far the token around a mention is read each side of it: a token of
 * many mentions (80 KB of "b[b[b[...") is not read again for each. */
#define TOKEN_REACH 1024

bool gg_i_in_code(const char *text, size_t len, size_t start, size_t end)
{
	/* the token around the mention, without the punctuation of prose */
	size_t from = start, to = end;
	while (from > 0 && start - from < TOKEN_REACH && !is_space(text[from - 1]))
		from--;
	while (to < len && to - end < TOKEN_REACH && !is_space(text[to]))
		to++;
	while (from < start && in(text[from], TOKEN_LEAD))
		from++;
	while (to > end && in(text[to - 1], TOKEN_TRAIL))
		to--;
	if (from == start && to == end)
		return false;
	bool one_token = true; /* a mention of several words is no part of an address or path */
	for (size_t i = start; i < end; i++)
		one_token &= !is_space(text[i]);
	size_t slashes = 0;
	bool at = false, dotted_after_at = false;
	for (size_t i = from; i < to; i++) {
		slashes += text[i] == '/' || text[i] == '\\';
		dotted_after_at |= at && text[i] == '.';
		at |= text[i] == '@';
		if (one_token && text[i] == ':' && i + 2 < to && text[i + 1] == '/' && text[i + 2] == '/')
			return true; /* a URL */
		if (text[i] == '`')
			return true;
	}
	if (one_token && (dotted_after_at || slashes >= 2 || text[from] == '/' || text[from] == '~' ||
			  (to - from > 4 && strncasecmp(text + from, "www.", 4) == 0)))
		return true; /* an address or a path */
	char before = start > from ? text[start - 1] : ' ', after = end < to ? text[end] : ' ';
	char before2 = start > from + 1 ? text[start - 2] : ' ', after2 = end + 1 < to ? text[end + 1] : ' ';
	if (in(before, IDENT_BEFORE) || in(after, IDENT_AFTER) || (before == '[' && is_word(before2)))
		return true; /* an identifier, a variable, key=value, mapping[key] */
	if ((before == '.' && is_word(before2)) || (after == '.' && is_word(after2)))
		return true; /* a dotted name: os.path */
	if ((before == ':' && before2 == ':') || (after == ':' && after2 == ':') ||
	    (before == '>' && before2 == '-') || (after == '(' && after2 == ')'))
		return true; /* std::string, p->next, call() */
	return (before == '-' || after == '-') && hyphenated_name(text, from, to);
}

/* How far a code span may reach each side of a mention inside it. */
#define CODE_SPAN_MAX 80

/* The closing backtick is looked for first, with memchr: most mentions have
 * none after them, and then the walk back is spared. */
bool gg_i_in_code_span(const char *text, size_t len, size_t start, size_t end)
{
	size_t reach = len - end < CODE_SPAN_MAX + 1 ? len - end : CODE_SPAN_MAX + 1;
	const char *tick = memchr(text + end, '`', reach);
	if (!tick)
		return false;
	size_t close = (size_t)(tick - text);
	if (close + 1 < len && is_word(text[close + 1]))
		return false;
	size_t open = start;
	while (open > 0 && start - open < CODE_SPAN_MAX && text[open - 1] != '`')
		open--;
	return open > 0 && text[open - 1] == '`' && !(open >= 2 && is_word(text[open - 2]));
}
