/* markup.h - what the readers of reStructuredText, AsciiDoc, Texinfo and LaTeX share: lines, sections, links. */
#ifndef GG_READ_MARKUP_H
#define GG_READ_MARKUP_H

#include "read/read.h"

/* One line of a source's text, in text positions. */
typedef struct gg_i_markup_line {
	size_t body;   /* its first byte that is not a space or tab (== end: blank) */
	size_t end;    /* where it ends, before "\n" or "\r\n" */
	size_t indent; /* columns before body, a tab reaching the next multiple of 8 */
} gg_i_markup_line;

static inline bool gg_i_markup_blank(const gg_i_markup_line *l)
{
	return l->body == l->end;
}

/* How far the end of inline markup is looked for: keeps long paragraphs linear. */
#define GG_MARKUP_INLINE_SPAN 4096

/* A link to a term longer than this is text: a term is a name, not a
 * paragraph, and each link copies its target. */
#define GG_MARKUP_MAX_TARGET 1024

/* White space, line ends included (a paragraph is rendered as one span). */
static inline bool gg_i_markup_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Narrow [*a, *b) of s to leave out white space at both ends. */
static inline void gg_i_markup_trim(const char *s, size_t *a, size_t *b)
{
	while (*a < *b && gg_i_markup_space(s[*a]))
		++*a;
	while (*b > *a && gg_i_markup_space(s[*b - 1]))
		--*b;
}

/*
 * Where to look for the closing mark of inline markup opened before
 * from + 1, and (*limit) how far: up to GG_MARKUP_INLINE_SPAN bytes on in
 * text of n bytes, but not over the stretch a search for the same kind of
 * mark already found empty (*miss: there is none before it; the caller
 * sets it to where a failed search stopped). So a paragraph of openers
 * without closers is read in linear time.
 */
static inline size_t gg_i_markup_search_from(size_t from, size_t n, size_t miss, size_t *limit)
{
	*limit = n - from > GG_MARKUP_INLINE_SPAN ? from + GG_MARKUP_INLINE_SPAN : n;
	return from + 1 > miss ? from + 1 : miss;
}

/*
 * The lines of src into *out (malloc'd, src->n_lines of them; the caller
 * frees it). Returns 0 or GG_ENOMEM.
 */
int gg_i_markup_lines(const gg_i_source *src, gg_i_markup_line **out);

/*
 * The section level (0 the highest) whose titles name the categories of
 * the entries under them, given how many titles each of `levels` levels
 * has: the highest level with titles, or the one below it when the highest
 * has a single title (the document's own); a level of one title (a
 * single "Glossary" section) names none. -1 when no level names any.
 */
int gg_i_markup_category_level(const size_t *titles, int levels);

/*
 * Give rec the category named by the section title s[0, n), unless the
 * title is a single character: the letters "A", "B", ... that part an
 * alphabetical glossary name no category.
 */
void gg_i_markup_category(gg_i_record *rec, const char *s, size_t n);

/*
 * An editor link from definition[from, now) to the term named s[0, n),
 * its white space runs folded to one space and trimmed (a link's target
 * may run over lines). A blank name makes no link. 0 or GG_ENOMEM.
 */
int gg_i_markup_xref(gg_i_record *rec, const char *s, size_t n, size_t from);

/*
 * Where rendered text goes: an entry's definition (rec), or a buffer (a
 * name: code keeps no backticks there).
 */
typedef struct gg_i_markup_sink {
	gg_i_record *rec; /* or NULL */
	gg_i_buf *out;    /* when rec is NULL */
} gg_i_markup_sink;

/*
 * The text that references stand for (AsciiDoc attributes, reST
 * substitutions, Texinfo values) adds up to at most this many times the
 * file's size, and 1 MiB, in the definitions of a file; and a name to at
 * most GG_MARKUP_MAX_NAME_EXPANSION bytes: a few bytes of references
 * cannot make gigabytes.
 */
#define GG_MARKUP_MAX_EXPANSION 16
#define GG_MARKUP_MAX_NAME_EXPANSION 65536

/*
 * Whether len more bytes of text that references stand for may go to sink
 * k: into a definition while the source's budget lasts (*expanded counts
 * the bytes; len is added either way), into a name while it stays short.
 */
static inline bool gg_i_markup_may_expand(const gg_i_markup_sink *k, const gg_i_source *src, size_t *expanded,
					  size_t len)
{
	if (!k->rec)
		return k->out->len + len <= GG_MARKUP_MAX_NAME_EXPANSION;
	*expanded += len;
	return *expanded <= GG_MARKUP_MAX_EXPANSION * src->len + ((size_t)1 << 20);
}

/*
 * The text position of the last character of t[start, end) (end > start):
 * where a mark that stands for the end of a block is placed, inside the
 * file even when that character replaced a bad byte.
 */
size_t gg_i_markup_last_char(const char *t, size_t start, size_t end);

/*
 * A block of code written into a definition line by line, between
 * backticks as the other readers mark code: GG_MARKUP_CODE_INIT, then
 * gg_i_markup_code_line for each line, then gg_i_markup_code_end.
 */
typedef struct gg_i_markup_code_block {
	bool open;   /* a line is in, after the opening backtick */
	size_t last; /* the text position of its last character */
} gg_i_markup_code_block;

#define GG_MARKUP_CODE_INIT { false, 0 }

/* Append line l of text t (not blank) to the block in rec. */
void gg_i_markup_code_line(gg_i_record *rec, gg_i_markup_code_block *b, const char *t,
			   const gg_i_markup_line *l);
/* Close the block with its backtick, if a line is in; ready for another block. */
void gg_i_markup_code_end(gg_i_record *rec, gg_i_markup_code_block *b);

/* Hand s[0, n), from text position `at`, to the sink. */
void gg_i_markup_emit(gg_i_markup_sink *k, const char *s, size_t n, size_t at);

/*
 * Text that stands in for the source's text at `at` but is not there (a
 * glyph, rendered code, a term named by its anchor): a character at a
 * time, each placed at `at` plus its position but no further than
 * at_last, so that evidence offsets stay in the file.
 */
void gg_i_markup_emit_elsewhere(gg_i_markup_sink *k, const char *s, size_t n, size_t at, size_t at_last);

/*
 * Before a superscript s[0, n) is emitted: a caret when it is an exponent
 * (gg_i_is_exponent) right after a letter, digit or ')' of the sink's
 * text, so that "10^3^" (AsciiDoc) or "10\ :sup:`3`" (reST) reads "10^3",
 * as the other readers write it, and not 103.
 */
void gg_i_markup_exponent(gg_i_markup_sink *k, const char *s, size_t n);

/*
 * Code s[0, n) at `at`: in a definition between backticks, as the other
 * readers mark code (the linker finds no term inside); in a name, as it is.
 */
void gg_i_markup_code(gg_i_markup_sink *k, const char *s, size_t n, size_t at);

/*
 * The parts of a Sphinx role's content s[a, b) (reST's ":term:`...`", MyST's
 * "{term}`...`"), as Sphinx splits them: leading '~' and '!' dropped;
 * "text <target>" (the space optional) shows its text and names its
 * target; "<target>" alone shows the target; else the whole is both.
 */
typedef struct gg_i_role_parts {
	size_t text, text_end;     /* what it shows */
	size_t target, target_end; /* what it names (a term role links to it) */
} gg_i_role_parts;

void gg_i_markup_role_parts(const char *s, size_t a, size_t b, gg_i_role_parts *out);

/* Whether role `name` (n bytes) shows code: a domain's ("py:class") or a code role ("code", "file", "kbd"...). */
bool gg_i_markup_code_role(const char *name, size_t n);

/*
 * The letter a TeX name stands for ("ss": "\u00df", "ae", "AE", "oe", "o",
 * "aa", "l", "dh", "th" and their capitals), as both TeX ("\ss") and
 * Texinfo ("@ss{}") write it; NULL for another name.
 */
const char *gg_i_markup_tex_letter(const char *name, size_t n);

/*
 * Base letter s[0, n) with the combining character `mark` (an accent:
 * U+0301 for an acute...), composed (NFC) where Unicode has the letter,
 * emitted as gg_i_markup_emit_elsewhere emits it.
 */
void gg_i_markup_emit_accented(gg_i_markup_sink *k, const char *s, size_t n, int32_t mark, size_t at,
			       size_t at_last);

#endif
