/* rst.c - reads reStructuredText glossaries: Sphinx's glossary directive, else definition lists or tables. */
#include "read/markup.h"
#include "core/error.h"
#include "core/strmap.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/*
 * What is read. Where the file holds Sphinx glossary directives
 * (".. glossary::"; one shown in a literal block, a code block or a
 * comment is none), their content only: each entry is one or more term
 * lines (the first the term, the others aliases) over a definition set in
 * deeper; a term without one is reported. Elsewhere, definition lists: a
 * line at the margin over lines set in deeper; or, when they name more
 * than twice as many terms, the rows of the tables at the margin
 * ("list-table", "csv-table"; table_entries). A term's classifier
 * ("term : classifier") is cut off. Section titles (underlined, or over-
 * and underlined) name the categories of the entries under them
 * (gg_i_markup_category_level; a single letter none).
 *
 * In a definition: paragraphs; literal blocks (after "::"), code
 * directives' content and math as code between backticks; every
 * directive's options, comments, link targets, footnotes and directives
 * that hold no prose (images, index entries, raw output) left out; other
 * directives' text kept (notes, warnings; the text of version and
 * condition directives without their version or condition; "seealso",
 * which reads "See also:" so that the linker takes it as a cue). Inline
 * markup: :term:`text <target>` and :term:`target` are editor links; other
 * roles give their text (code roles as code; :pep:`8` reads "PEP 8", as
 * Sphinx shows it, and :rfc: likewise); ``literal`` is code; emphasis,
 * hyperlink references and escapes give their text; footnote references
 * nothing. A substitution "|name|" gives the text of its definition
 * (".. |name| replace:: text", read as inline markup in turn; "unicode::"
 * its characters; "image::" its ":alt:" text), found anywhere in the file
 * but in literal blocks, code and comments, its name matched as written
 * first, then without regard to case; one not defined so gives its name.
 */

#define NONE SIZE_MAX


/* Section levels told apart; deeper titles are all the deepest. */
#define LEVELS 8

typedef struct rst_entry {
	size_t first_term, n_terms; /* its term lines (a table row: the line its term starts on, 1) */
	size_t def_first, def_end;  /* its definition's lines */
	size_t category;            /* the line of its category's title, or NONE */
	size_t row;                 /* a table row: its index in rows, else NONE */
} rst_entry;

/*
 * A cell of a table, in text positions. A quoted CSV value has its quote
 * (doubled inside, it is one) and escape characters ('\0' for none). A
 * "list-table" cell has its lines [first_line, end_line), the first
 * narrowed to start where the cell does; a CSV value NONE.
 */
typedef struct rst_cell {
	size_t a, b;
	size_t first_line, end_line;
	char quote, escape;
} rst_cell;

/* A row of a "list-table" or "csv-table" directive. */
typedef struct rst_row {
	const gg_i_field *columns;  /* what each cell holds: its table's, once decided (in the glossary's arena) */
	size_t first_cell, n_cells; /* its cells in the reader's cells */
	size_t at;                  /* where it starts */
} rst_row;

/* A substitution definition: ".. |name| replace:: text", "unicode::" or "image::" with ":alt:". */
typedef struct rst_substitution {
	bool unicode;          /* its text is character codes */
	size_t text, text_end; /* the text it gives, in text positions */
} rst_substitution;

/* Substitution names longer than this are not looked up (nor kept). */
#define MAX_SUBSTITUTION_NAME 128
/* Substitutions within substitutions are read this deep. */
#define MAX_SUBSTITUTION_DEPTH 8

typedef struct rst_reader {
	gg_i_source *src;
	const char *t;
	gg_i_markup_line *lines;
	size_t n_lines;
	int *level;         /* per line: 1 + the section level of a title there, else 0 */
	bool *adornment;    /* per line: a title's over- or underline */
	rst_entry *entries;
	size_t n_entries, cap_entries;
	rst_row *rows;       /* the tables' rows (table_entries) */
	size_t n_rows, cap_rows;
	rst_cell *cells;     /* their cells */
	size_t n_cells, cap_cells;
	size_t *table_files; /* where "csv-table" options name a file or URL not read */
	size_t n_table_files, cap_table_files;
	rst_substitution *subs;
	size_t n_subs, cap_subs;
	gg_i_strmap sub_names;  /* substitution name (substitution_key) -> its definition in subs */
	gg_i_strmap sub_folded; /* the same, the names in lower case */
	size_t expanded;       /* bytes of substitutions expanded so far (gg_i_markup_may_expand) */
	bool expansion_cut;    /* past that budget: the rest shown as their names */
} rst_reader;

/* A letter, a digit or a byte of a character beyond ASCII. */
static bool is_alnum(char c)
{
	return gg_i_is_word_byte((unsigned char)c);
}

/* Whether line k is all one punctuation character, `least` or more of them. */
static bool adornment_line(const rst_reader *r, size_t k, size_t least)
{
	static const char marks[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
	const gg_i_markup_line *l = &r->lines[k];
	char c = r->t[l->body];
	size_t n = l->end;
	while (n > l->body && gg_i_markup_space(r->t[n - 1]))
		n--;
	if (l->indent || n - l->body < least || !strchr(marks, c) || !c)
		return false;
	for (size_t i = l->body; i < n; i++)
		if (r->t[i] != c)
			return false;
	return true;
}

/*
 * Find the section titles: levels in the order their styles (character,
 * with or without an overline) first appear, as reStructuredText numbers
 * them. A title needs a blank line (or the file's start) before it.
 */
static void find_titles(rst_reader *r)
{
	char style_char[LEVELS];
	bool style_over[LEVELS];
	int n_styles = 0;
	for (size_t k = 0; k < r->n_lines; k++) {
		const gg_i_markup_line *l = &r->lines[k];
		if (gg_i_markup_blank(l) || (k && !gg_i_markup_blank(&r->lines[k - 1]) && !r->adornment[k - 1]))
			continue;
		bool over = adornment_line(r, k, 3) && k + 2 < r->n_lines &&
			    !gg_i_markup_blank(&r->lines[k + 1]) && adornment_line(r, k + 2, 3) &&
			    r->t[r->lines[k + 2].body] == r->t[l->body];
		size_t text = over ? k + 1 : k;
		/* an underline as long as a short title, else 3 marks or more */
		size_t title = l->end - l->body;
		if (!over && (l->indent || k + 1 >= r->n_lines || !adornment_line(r, k + 1, title < 3 ? title : 3)))
			continue;
		char c = r->t[r->lines[text + 1].body];
		int level = 0;
		while (level < n_styles && (style_char[level] != c || style_over[level] != over))
			level++;
		if (level == n_styles && n_styles < LEVELS) {
			style_char[n_styles] = c;
			style_over[n_styles++] = over;
		}
		r->level[text] = 1 + (level < LEVELS ? level : LEVELS - 1);
		if (over)
			r->adornment[k] = true;
		r->adornment[text + 1] = true;
		k = text + 1;
	}
}

/* Whether line k opens explicit markup: ".." then a space or the line's end. */
static bool explicit_markup(const rst_reader *r, size_t k)
{
	const gg_i_markup_line *l = &r->lines[k];
	return l->end - l->body >= 2 && r->t[l->body] == '.' && r->t[l->body + 1] == '.' &&
	       (l->end - l->body == 2 || gg_i_markup_space(r->t[l->body + 2]));
}

/*
 * The directive's name at line k (".. name:: arguments") into *name and
 * *name_len, and where its arguments start; false when the line is no
 * directive (a comment, a link target, a footnote).
 */
static bool directive(const rst_reader *r, size_t k, const char **name, size_t *name_len, size_t *args)
{
	const gg_i_markup_line *l = &r->lines[k];
	if (!explicit_markup(r, k))
		return false;
	size_t i = l->body + 2;
	while (i < l->end && gg_i_markup_space(r->t[i]))
		i++;
	size_t start = i;
	while (i < l->end && (is_alnum(r->t[i]) || strchr("-_+.:", r->t[i])) &&
	       !(r->t[i] == ':' && i + 1 < l->end && r->t[i + 1] == ':'))
		i++;
	if (i == start || i + 1 >= l->end || r->t[i] != ':' || r->t[i + 1] != ':')
		return false;
	*name = r->t + start;
	*name_len = i - start;
	*args = i + 2;
	return true;
}

/* How a directive's arguments and content are read. */
typedef enum block_kind {
	BLOCK_TEXT,    /* both are text (note, warning, admonition, topic) */
	BLOCK_CONTENT, /* its content is text, its arguments a condition (only, ifconfig) */
	BLOCK_VERSION, /* a version, then text (versionadded:: 3.8 Text.) */
	BLOCK_SEE,     /* "See also:", then its text */
	BLOCK_CODE,    /* its content is code, its arguments a language or a file */
	BLOCK_MATH,    /* both are code */
	BLOCK_SKIP     /* nothing of it (images, index entries, raw output, includes) */
} block_kind;

/* How the directive named name[0, n) is read; BLOCK_TEXT for one not known. */
static block_kind directive_kind(const char *name, size_t n)
{
	static const struct {
		const char *name;
		block_kind kind;
	} kinds[] = {
		{ "only", BLOCK_CONTENT }, { "ifconfig", BLOCK_CONTENT }, { "versionadded", BLOCK_VERSION },
		{ "versionchanged", BLOCK_VERSION }, { "deprecated", BLOCK_VERSION },
		{ "seealso", BLOCK_SEE }, { "code-block", BLOCK_CODE }, { "code", BLOCK_CODE },
		{ "sourcecode", BLOCK_CODE }, { "productionlist", BLOCK_CODE }, { "doctest", BLOCK_CODE },
		{ "testcode", BLOCK_CODE }, { "testoutput", BLOCK_CODE }, { "parsed-literal", BLOCK_CODE },
		{ "math", BLOCK_MATH }, { "image", BLOCK_SKIP }, { "figure", BLOCK_SKIP },
		{ "include", BLOCK_SKIP }, { "literalinclude", BLOCK_SKIP }, { "raw", BLOCK_SKIP },
		{ "index", BLOCK_SKIP }, { "toctree", BLOCK_SKIP }, { "highlight", BLOCK_SKIP },
		{ "contents", BLOCK_SKIP }, { "meta", BLOCK_SKIP }, { "sectionauthor", BLOCK_SKIP },
		{ "codeauthor", BLOCK_SKIP }, { "tabularcolumns", BLOCK_SKIP }, { "glossary", BLOCK_SKIP },
		{ "plot", BLOCK_SKIP }, { "graphviz", BLOCK_SKIP }, { "digraph", BLOCK_SKIP },
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		if (strlen(kinds[i].name) == n && memcmp(kinds[i].name, name, n) == 0)
			return kinds[i].kind;
	return BLOCK_TEXT;
}

/* Whether line k can be a term: no title, list item, field, option or explicit markup. */
static bool term_line(const rst_reader *r, size_t k)
{
	const gg_i_markup_line *l = &r->lines[k];
	const char *s = r->t + l->body;
	size_t n = l->end - l->body;
	if (!n || r->level[k] || r->adornment[k] || explicit_markup(r, k))
		return false;
	if (n >= 2 && s[0] && strchr("-*+|", s[0]) && gg_i_markup_space(s[1]))
		return false; /* a bullet, or a line block */
	size_t d = 0;
	while (d < n && s[d] >= '0' && s[d] <= '9')
		d++;
	size_t mark = d ? d : 1; /* after "1" or "#" */
	if ((d || s[0] == '#') && mark + 1 < n && (s[mark] == '.' || s[mark] == ')') && gg_i_markup_space(s[mark + 1]))
		return false; /* "1. item" or "#. item" */
	if (s[0] == ':' && n > 2 && memchr(s + 1, ':', n - 1))
		return false; /* a field: ":name: value" */
	return true;
}

/* Append e to the entries. 0 or GG_ENOMEM. */
static int push_entry(rst_reader *r, rst_entry e)
{
	if (GG_ARRAY_PUSH_SLOT(r->entries, r->n_entries, r->cap_entries))
		return gg_i_error_oom();
	r->entries[r->n_entries++] = e;
	return 0;
}

/* ---- substitutions ---------------------------------------------------- */

/*
 * The key of substitution name s[a, b) into key (MAX_SUBSTITUTION_NAME + 1
 * bytes): each run of spaces one space, and with `fold` ASCII letters in
 * lower case. False when the name is empty or too long.
 */
static bool substitution_key(const char *s, size_t a, size_t b, bool fold, char *key)
{
	size_t n = 0;
	gg_i_markup_trim(s, &a, &b);
	for (size_t i = a; i < b; i++) {
		char c = s[i];
		if (gg_i_markup_space(c) && n && key[n - 1] == ' ')
			continue;
		if (n == MAX_SUBSTITUTION_NAME)
			return false;
		key[n++] = gg_i_markup_space(c) ? ' ' : fold ? gg_i_ascii_lower(c) : c;
	}
	key[n] = '\0';
	return n > 0;
}

/* Map key to definition `index` in m (a later definition replaces an earlier). 0 or GG_ENOMEM. */
static int name_substitution(rst_reader *r, gg_i_strmap *m, const char *key, uint32_t index)
{
	uint32_t before;
	if (gg_i_strmap_get(m, key, &before)) {
		gg_i_strmap_set(m, key, index);
		return 0;
	}
	char *copy = gg_i_arena_strndup(&r->src->g->arena, key, strlen(key));
	return copy && gg_i_strmap_put(m, copy, index, NULL) >= 0 ? 0 : gg_i_error_oom();
}

/*
 * Whether what is set in under line k is none of the text: a comment's, a
 * literal block's (after a line ending in "::"), code's, math's or that of
 * a directive that holds no prose.
 */
static bool hides_set_in(const rst_reader *r, size_t k)
{
	const gg_i_markup_line *l = &r->lines[k];
	const char *name;
	size_t n, args, e = l->end;
	if (directive(r, k, &name, &n, &args)) {
		block_kind kind = directive_kind(name, n);
		return kind == BLOCK_CODE || kind == BLOCK_MATH || kind == BLOCK_SKIP;
	}
	while (e > l->body && gg_i_markup_space(r->t[e - 1]))
		e--;
	return explicit_markup(r, k) || (e - l->body >= 2 && r->t[e - 1] == ':' && r->t[e - 2] == ':');
}

/*
 * The substitution defined at line k, if any, into *sub: the text of
 * "replace::" (over the lines set in under it, up to a blank line), the
 * codes of "unicode::", the ":alt:" text of "image::" (without one, none).
 * Sets s[*name, *name_end) to its name and *last to its last line.
 */
static bool substitution_at(const rst_reader *r, size_t k, rst_substitution *sub, size_t *name,
			    size_t *name_end, size_t *last)
{
	const char *s = r->t;
	const gg_i_markup_line *l = &r->lines[k];
	size_t i = l->body + 2, bar, kind, kind_end;
	if (!explicit_markup(r, k))
		return false;
	while (i < l->end && gg_i_markup_space(s[i]))
		i++;
	if (i >= l->end || s[i] != '|')
		return false;
	for (bar = i + 1; bar < l->end && s[bar] != '|';)
		bar++;
	for (kind = bar + 1; kind < l->end && gg_i_markup_space(s[kind]);)
		kind++;
	for (kind_end = kind; kind_end < l->end && (is_alnum(s[kind_end]) || s[kind_end] == '-');)
		kind_end++;
	if (kind_end + 1 >= l->end || kind == bar + 1 || s[kind_end] != ':' || s[kind_end + 1] != ':')
		return false;
	size_t n = kind_end - kind;
	*name = i + 1;
	*name_end = bar;
	for (*last = k; *last + 1 < r->n_lines && !gg_i_markup_blank(&r->lines[*last + 1]) &&
			r->lines[*last + 1].indent > l->indent;)
		++*last;
	*sub = (rst_substitution){ n == 7 && memcmp(s + kind, "unicode", 7) == 0, kind_end + 2, l->end };
	if (n == 7 && memcmp(s + kind, "replace", 7) == 0) {
		sub->text_end = r->lines[*last].end;
	} else if (n == 5 && memcmp(s + kind, "image", 5) == 0) {
		sub->text = sub->text_end = NONE;
		for (size_t j = k + 1; j <= *last; j++) {
			const gg_i_markup_line *o = &r->lines[j];
			if (o->end - o->body > 5 && memcmp(s + o->body, ":alt:", 5) == 0) {
				sub->text = o->body + 5;
				sub->text_end = o->end;
			}
		}
		if (sub->text == NONE)
			return false;
	} else if (!sub->unicode) {
		return false;
	}
	gg_i_markup_trim(s, &sub->text, &sub->text_end);
	return true;
}

/*
 * Keep the file's substitution definitions (substitution_at), but those in
 * literal blocks, code and comments (hides_set_in). 0 or GG_ENOMEM.
 */
static int find_substitutions(rst_reader *r)
{
	size_t skip = NONE; /* lines set in deeper than this are hidden */
	for (size_t k = 0; k < r->n_lines; k++) {
		const gg_i_markup_line *l = &r->lines[k];
		rst_substitution sub;
		size_t name, name_end, last;
		char key[MAX_SUBSTITUTION_NAME + 1];
		int err = 0;
		if (gg_i_markup_blank(l) || (skip != NONE && l->indent > skip))
			continue;
		skip = NONE;
		if (!substitution_at(r, k, &sub, &name, &name_end, &last)) {
			if (hides_set_in(r, k))
				skip = l->indent;
			continue;
		}
		uint32_t index = (uint32_t)r->n_subs;
		if (GG_ARRAY_PUSH_SLOT(r->subs, r->n_subs, r->cap_subs))
			return gg_i_error_oom();
		r->subs[r->n_subs++] = sub;
		if (substitution_key(r->t, name, name_end, false, key) &&
		    (err = name_substitution(r, &r->sub_names, key, index)))
			return err;
		if (substitution_key(r->t, name, name_end, true, key) &&
		    (err = name_substitution(r, &r->sub_folded, key, index)))
			return err;
		k = last;
	}
	return 0;
}

/*
 * The characters a "unicode::" substitution's codes s[a, b) name, to the
 * sink at text positions at .. at_last: "U+2122", "U2122", "u2122",
 * "0x2122", "x2122", "\\x2122", "\\u2122", "&#x2122;" or decimal "8482", as
 * docutils reads them; any other word as written; ".." starts a comment.
 */
static void emit_unicode(gg_i_markup_sink *k, const char *s, size_t a, size_t b, size_t at, size_t at_last)
{
	while (a < b) {
		size_t w, p, e;
		while (a < b && gg_i_markup_space(s[a]))
			a++;
		for (w = a; w < b && !gg_i_markup_space(s[w]);)
			w++;
		if (w - a == 2 && s[a] == '.' && s[a + 1] == '.')
			break;
		bool entity = w - a > 4 && s[a] == '&' && s[a + 1] == '#' && (s[a + 2] == 'x' || s[a + 2] == 'X') &&
			      s[w - 1] == ';';
		p = entity ? a + 3 : a;
		e = entity ? w - 1 : w;
		int base = entity ? 16 : 10;
		if (!entity) {
			if (p < e && s[p] == '\\' && e - p > 1 && strchr("xXuU", s[p + 1]))
				p++; /* "\\x", "\\u" */
			if (e - p > 2 && ((s[p] == '0' && (s[p + 1] == 'x' || s[p + 1] == 'X')) ||
					  ((s[p] == 'U' || s[p] == 'u') && s[p + 1] == '+'))) {
				p += 2;
				base = 16;
			} else if (e - p > 1 && strchr("xXuU", s[p])) {
				p++;
				base = 16;
			}
		}
		uint32_t cp = 0;
		size_t d = p;
		for (; d < e && cp <= 0x10FFFF; d++) {
			int v = s[d] >= '0' && s[d] <= '9' ? s[d] - '0'
				: base == 16 && s[d] >= 'a' && s[d] <= 'f' ? s[d] - 'a' + 10
				: base == 16 && s[d] >= 'A' && s[d] <= 'F' ? s[d] - 'A' + 10 : -1;
			if (v < 0)
				break;
			cp = cp * (uint32_t)base + (uint32_t)v;
		}
		char utf8[4];
		if (d == e && d > p && cp > 0 && cp <= 0x10FFFF && utf8proc_codepoint_valid((utf8proc_int32_t)cp))
			gg_i_markup_emit_elsewhere(k, utf8, (size_t)utf8proc_encode_char((utf8proc_int32_t)cp,
										 (utf8proc_uint8_t *)utf8), at, at_last);
		else if (w > a)
			gg_i_markup_emit_elsewhere(k, s + a, w - a, at, at_last); /* a word as written */
		a = w;
	}
}

/*
 * The entries of lines [from, to) whose terms stand at column `base`:
 * each a term line (several one after another when `stacked`, as in a
 * glossary directive) after a blank line, a title or a definition, then
 * lines set in deeper, blank ones among them.
 */
static int find_entries(rst_reader *r, size_t from, size_t to, size_t base, bool stacked)
{
	for (size_t k = from; k < to;) {
		const gg_i_markup_line *l = &r->lines[k];
		const gg_i_markup_line *prev = k > from ? &r->lines[k - 1] : NULL;
		if (gg_i_markup_blank(l) || l->indent != base || !term_line(r, k) ||
		    (prev && !gg_i_markup_blank(prev) && prev->indent <= base && !r->adornment[k - 1])) {
			k++; /* no term, or a paragraph's later line */
			continue;
		}
		size_t n = 1;
		while (stacked && k + n < to && !gg_i_markup_blank(&r->lines[k + n]) &&
		       r->lines[k + n].indent == base && term_line(r, k + n))
			n++;
		size_t d = k + n;
		if (d >= to || gg_i_markup_blank(&r->lines[d]) || r->lines[d].indent <= base) {
			/* in a glossary a term without a definition (reported as one
			 * when read); elsewhere a paragraph */
			int err = stacked ? push_entry(r, (rst_entry){ k, n, d, d, NONE, NONE }) : 0;
			if (err)
				return err;
			k = d;
			continue;
		}
		size_t end = d, last = d;
		while (end < to && (gg_i_markup_blank(&r->lines[end]) || r->lines[end].indent > base)) {
			if (!gg_i_markup_blank(&r->lines[end]))
				last = end;
			end++;
		}
		int err = push_entry(r, (rst_entry){ k, n, d, last + 1, NONE, NONE });
		if (err)
			return err;
		k = last + 1;
	}
	return 0;
}

/* ---- tables ----------------------------------------------------------- */

/* Whether s[a, b) is the directive option ":name: value"; *value: where its value starts. */
static bool option_named(const char *s, size_t a, size_t b, const char *name, size_t *value)
{
	size_t n = strlen(name);
	if (b - a < n + 2 || s[a] != ':' || memcmp(s + a + 1, name, n) != 0 || s[a + 1 + n] != ':')
		return false;
	*value = a + n + 2;
	return true;
}

/* The number s[a, b) starts with (spaces first), or 0. */
static size_t option_number(const char *s, size_t a, size_t b)
{
	size_t n = 0;
	while (a < b && s[a] == ' ')
		a++;
	for (; a < b && s[a] >= '0' && s[a] <= '9' && n < NONE / 10 - 10; a++)
		n = n * 10 + (size_t)(s[a] - '0');
	return n;
}

/* The one character option value s[a, b) names ("tab", "space", or the character), or `none`. */
static char option_char(const char *s, size_t a, size_t b, char none)
{
	gg_i_markup_trim(s, &a, &b);
	if (b - a == 3 && memcmp(s + a, "tab", 3) == 0)
		return '\t';
	if (b - a == 5 && memcmp(s + a, "space", 5) == 0)
		return ' ';
	return b - a == 1 ? s[a] : none;
}

/* How a "csv-table" writes its values (":delim:", ":quote:", ":escape:"). */
typedef struct csv_dialect {
	char delim, quote, escape; /* escape '\0': none */
} csv_dialect;

/* Append a cell to r->cells (and to row). 0 or GG_ENOMEM. */
static int push_cell(rst_reader *r, rst_row *row, rst_cell c)
{
	if (row->n_cells >= GG_TABLE_MAX_COLUMNS)
		return 0; /* passed over */
	if (GG_ARRAY_PUSH_SLOT(r->cells, r->n_cells, r->cap_cells))
		return gg_i_error_oom();
	r->cells[r->n_cells++] = c;
	row->n_cells++;
	return 0;
}

/*
 * The CSV record at s[*i, end) as a row's cells, as docutils reads a
 * "csv-table": values split at the delimiter, the spaces after it skipped,
 * quoted values with the quote doubled (or escaped) inside and line ends
 * within; the record ends at a line end outside quotes. *i gets past it.
 * 0 or GG_ENOMEM.
 */
static int csv_record(rst_reader *r, size_t *i, size_t end, csv_dialect d, rst_row *row)
{
	const char *s = r->t;
	size_t j = *i;
	int err = 0;
	row->first_cell = r->n_cells;
	row->n_cells = 0;
	row->at = j;
	for (;;) {
		rst_cell cell;
		while (j < end && s[j] == ' ')
			j++;
		if (j < end && s[j] == d.quote) {
			cell = (rst_cell){ ++j, 0, NONE, NONE, d.quote, d.escape };
			while (j < end && !(s[j] == d.quote && (j + 1 >= end || s[j + 1] != d.quote)))
				j += (s[j] == d.quote || (d.escape && s[j] == d.escape)) && j + 1 < end ? 2 : 1;
			cell.b = j < end ? j : end;
			while (j < end && s[j] != d.delim && s[j] != '\n') /* past the closing quote */
				j++;
		} else {
			cell = (rst_cell){ j, 0, NONE, NONE, '\0', '\0' };
			while (j < end && s[j] != d.delim && s[j] != '\n')
				j++;
			cell.b = j;
			gg_i_markup_trim(s, &cell.a, &cell.b);
		}
		if ((err = push_cell(r, row, cell)) || j >= end || s[j] == '\n')
			break;
		j++; /* the delimiter */
	}
	*i = j < end ? j + 1 : end;
	return err;
}

/* Where the text of the bullet item at s[at, e) starts ("* text", "- text", "+ text"), or NONE. */
static size_t bullet_at(const char *s, size_t at, size_t e)
{
	if (at >= e || !s[at] || !strchr("*-+", s[at]) || (at + 1 < e && !gg_i_markup_space(s[at + 1])))
		return NONE;
	for (at++; at < e && gg_i_markup_space(s[at]);)
		at++;
	return at;
}

/*
 * The rows of a "list-table" in lines [from, end): items of a bullet list,
 * each a list of cells ("* - term" then "  - definition"); a cell runs on
 * over the lines set in deeper than its bullet. Its first line is narrowed
 * to the cell (r->lines), so that render_definition reads each cell as a
 * definition. Appended to r->rows. 0 or GG_ENOMEM.
 */
static int list_table_rows(rst_reader *r, size_t from, size_t end)
{
	const char *s = r->t;
	size_t row_indent = NONE, cell_indent = NONE;
	rst_row *row = NULL;
	rst_cell *cell = NULL; /* the cell that lines set in deeper run on, or NULL (one passed over) */
	int err = 0;
	for (size_t j = from; j < end && !err; j++) {
		gg_i_markup_line *l = &r->lines[j];
		size_t text = gg_i_markup_blank(l) ? NONE : bullet_at(s, l->body, l->end);
		if (gg_i_markup_blank(l))
			continue;
		if (text != NONE && (row_indent == NONE || l->indent == row_indent)) {
			if (GG_ARRAY_PUSH_SLOT(r->rows, r->n_rows, r->cap_rows))
				return gg_i_error_oom();
			row = &r->rows[r->n_rows++];
			*row = (rst_row){ NULL, r->n_cells, 0, l->body };
			row_indent = l->indent;
			cell_indent = NONE;
			cell = NULL;
			size_t inner = text; /* "* - term": the cell's bullet */
			if ((text = bullet_at(s, inner, l->end)) == NONE)
				continue; /* "*" alone: its cells below */
			cell_indent = l->indent + (inner - l->body);
		} else if (!row || l->indent <= row_indent) {
			continue;
		} else if (text == NONE || (cell_indent != NONE && l->indent > cell_indent)) {
			if (cell && cell_indent != NONE && l->indent > cell_indent) {
				cell->b = l->end; /* the cell runs on */
				cell->end_line = j + 1;
			}
			continue;
		} else {
			cell_indent = l->indent;
		}
		size_t before = row->n_cells;
		err = push_cell(r, row, (rst_cell){ text, l->end, j, j + 1, '\0', '\0' });
		cell = row->n_cells > before ? &r->cells[r->n_cells - 1] : NULL;
		l->indent += text - l->body; /* the cell's first line, as its lines set in read */
		l->body = text;
	}
	return err;
}

/* The rendered text of cell c into out (a name); NULL when out of memory. */
static const char *cell_text(rst_reader *r, const rst_cell *c, gg_i_buf *out);

/* The last of a table's header rows [from, to) that names a field, else the first (or NULL). */
static const rst_row *naming_row(rst_reader *r, size_t from, size_t to, gg_i_buf *text, int *err)
{
	for (size_t i = to; i-- > from && !*err;) {
		const rst_row *h = &r->rows[i];
		for (size_t c = 0; c < h->n_cells; c++) {
			const char *name = cell_text(r, &r->cells[h->first_cell + c], text);
			if (!name)
				*err = gg_i_error_oom();
			else if (gg_i_field_named(name, strlen(name)) != GG_FIELD_NONE)
				return h;
		}
	}
	return from < to ? &r->rows[from] : NULL;
}

/*
 * The rows of the "list-table" or "csv-table" directive at line k, whose
 * content runs to line `end`, as entries: the header rows' cells
 * (":header-rows:", the last that names a field; or a "csv-table"'s
 * ":header:") name the columns as in CSV, else the first column is the
 * term and the one with the most text the definition (gg_i_table_columns).
 * A table of one column is none; a "csv-table" of a ":file:" or ":url:"
 * is noted in r->table_files, not read. 0 or an error.
 */
static int table_entries(rst_reader *r, size_t k, size_t end, bool csv)
{
	const char *s = r->t;
	size_t first = k + 1, header_rows = 0, value, header_from = NONE, header_to = NONE;
	size_t rows_from = r->n_rows, letters[GG_TABLE_MAX_COLUMNS] = { 0 }, n_columns = 0;
	csv_dialect dialect = { ',', '"', '\0' };
	rst_row header = { NULL, 0, 0, 0 };
	gg_i_buf text = GG_BUF_INIT;
	int err = 0;
	/* the title's lines, then the options (a value may run on over lines set in deeper) */
	while (first < end && !gg_i_markup_blank(&r->lines[first]) && s[r->lines[first].body] != ':')
		first++;
	while (first < end && !gg_i_markup_blank(&r->lines[first]) && s[r->lines[first].body] == ':') {
		const gg_i_markup_line *l = &r->lines[first];
		size_t last = first + 1;
		while (last < end && !gg_i_markup_blank(&r->lines[last]) && r->lines[last].indent > l->indent)
			last++;
		size_t value_end = r->lines[last - 1].end;
		if (option_named(s, l->body, l->end, "header-rows", &value)) {
			header_rows = option_number(s, value, l->end);
		} else if (csv && option_named(s, l->body, l->end, "header", &value)) {
			header_from = value;
			header_to = value_end; /* read once the dialect is known */
		} else if (csv && option_named(s, l->body, l->end, "delim", &value)) {
			dialect.delim = option_char(s, value, l->end, ',');
		} else if (csv && option_named(s, l->body, l->end, "quote", &value)) {
			dialect.quote = option_char(s, value, l->end, '"');
		} else if (csv && option_named(s, l->body, l->end, "escape", &value)) {
			dialect.escape = option_char(s, value, l->end, '\0');
		} else if (csv && (option_named(s, l->body, l->end, "file", &value) ||
				   option_named(s, l->body, l->end, "url", &value))) {
			if (GG_ARRAY_PUSH_SLOT(r->table_files, r->n_table_files, r->cap_table_files))
				return gg_i_error_oom();
			r->table_files[r->n_table_files++] = value;
			return 0;
		}
		first = last;
	}
	if (header_from != NONE)
		err = csv_record(r, &header_from, header_to, dialect, &header);
	for (size_t j = first; csv && j < end && !err; j++) {
		if (gg_i_markup_blank(&r->lines[j]))
			continue;
		size_t at = r->lines[j].body;
		if (GG_ARRAY_PUSH_SLOT(r->rows, r->n_rows, r->cap_rows)) {
			err = gg_i_error_oom();
			break;
		}
		r->rows[r->n_rows] = (rst_row){ NULL, r->n_cells, 0, at };
		err = csv_record(r, &at, r->lines[end - 1].end, dialect, &r->rows[r->n_rows++]);
		while (j + 1 < end && r->lines[j + 1].body < at) /* lines a quoted value ran over */
			j++;
	}
	if (!csv && !err)
		err = list_table_rows(r, first, end);
	size_t body = rows_from + (header_rows < r->n_rows - rows_from ? header_rows : r->n_rows - rows_from);
	const rst_row *names = header.n_cells ? &header : err ? NULL : naming_row(r, rows_from, body, &text, &err);
	for (size_t i = body; i < r->n_rows; i++) {
		const rst_row *row = &r->rows[i];
		n_columns = row->n_cells > n_columns ? row->n_cells : n_columns;
		for (size_t c = 0; c < row->n_cells; c++)
			letters[c] += r->cells[row->first_cell + c].b - r->cells[row->first_cell + c].a;
	}
	gg_i_field *columns = NULL;
	if (!err && n_columns >= 2 && !(columns = gg_i_arena_alloc(&r->src->g->arena, n_columns * sizeof(*columns))))
		err = gg_i_error_oom();
	for (size_t c = 0; columns && c < n_columns && !err; c++) {
		const char *name = names && c < names->n_cells ? cell_text(r, &r->cells[names->first_cell + c], &text) : "";
		if (!name)
			err = gg_i_error_oom();
		else
			columns[c] = gg_i_field_named(name, strlen(name));
	}
	if (columns && !err)
		gg_i_table_columns(columns, n_columns, letters);
	for (size_t i = body; columns && i < r->n_rows && !err; i++) {
		rst_row *row = &r->rows[i];
		size_t term = 0;
		if (!row->n_cells)
			continue; /* "*" with no cells */
		while (term < row->n_cells && columns[term] != GG_FIELD_TERM)
			term++;
		row->columns = columns;
		size_t at = term < row->n_cells ? r->cells[row->first_cell + term].a : row->at;
		err = push_entry(r, (rst_entry){ gg_i_source_line(r->src, at) - 1, 1, NONE, NONE, NONE, i });
	}
	gg_i_buf_free(&text);
	return err;
}

/*
 * Whether the rows of the tables, the entries from rows_from on, name more
 * than twice as many terms (rows whose term cell is not empty) as the
 * definition lists' entries, n_lists.
 */
static bool tables_win(const rst_reader *r, size_t rows_from, size_t rows_to, size_t n_lists)
{
	size_t named = 0;
	for (size_t e = rows_from; e < rows_to; e++) {
		const rst_row *row = &r->rows[r->entries[e].row];
		for (size_t c = 0; c < row->n_cells; c++) {
			const rst_cell *cell = &r->cells[row->first_cell + c];
			if (row->columns[c] == GG_FIELD_TERM) {
				named += cell->b > cell->a;
				break;
			}
		}
	}
	return named > 2 * n_lists;
}

/*
 * The glossary directives' entries, or where there is none the file's
 * definition lists, or the rows of its tables ("list-table", "csv-table")
 * when they name more than twice as many. A directive shown in a literal block, a code block or
 * a comment is none.
 */
static int find_all_entries(rst_reader *r)
{
	bool glossary = false;
	size_t skip = NONE; /* lines set in deeper than this are code or a comment */
	int err = 0;
	for (size_t k = 0; k < r->n_lines && !err; k++) {
		const gg_i_markup_line *l = &r->lines[k];
		const char *name;
		size_t n, args;
		if (gg_i_markup_blank(l) || (skip != NONE && l->indent > skip))
			continue;
		skip = NONE;
		bool is_directive = directive(r, k, &name, &n, &args);
		bool csv = is_directive && n == 9 && memcmp(name, "csv-table", 9) == 0;
		if (!l->indent && (csv || (is_directive && n == 10 && memcmp(name, "list-table", 10) == 0))) {
			/* a table at the margin (one inside a definition is its text) */
			size_t end = k + 1;
			while (end < r->n_lines && (gg_i_markup_blank(&r->lines[end]) || r->lines[end].indent > l->indent))
				end++;
			err = table_entries(r, k, end, csv);
			k = end - 1;
			continue;
		}
		if (!is_directive || n != 8 || memcmp(name, "glossary", 8) != 0) {
			if (hides_set_in(r, k))
				skip = l->indent;
			continue;
		}
		glossary = true;
		size_t indent = l->indent, end = k + 1, first = NONE;
		bool options = true; /* ":sorted:" lines right under the directive */
		while (end < r->n_lines && (gg_i_markup_blank(&r->lines[end]) || r->lines[end].indent > indent)) {
			const gg_i_markup_line *c = &r->lines[end];
			options &= !gg_i_markup_blank(c) && r->t[c->body] == ':';
			if (!options && first == NONE && !gg_i_markup_blank(c))
				first = end;
			end++;
		}
		if (first != NONE)
			err = find_entries(r, first, end, r->lines[first].indent, true);
		k = end - 1;
	}
	size_t kept = 0, rows = 0;
	if (!err && glossary) { /* its entries alone */
		for (size_t e = 0; e < r->n_entries; e++)
			if (r->entries[e].row == NONE)
				r->entries[kept++] = r->entries[e];
		r->n_entries = kept;
	} else if (!err) { /* the tables' rows when they name more than twice as many as the lists */
		rows = r->n_entries;
		err = find_entries(r, 0, r->n_lines, 0, false);
		if (err || tables_win(r, 0, rows, r->n_entries - rows))
			r->n_entries = rows;
		else if (rows)
			memmove(r->entries, r->entries + rows, (r->n_entries -= rows) * sizeof(*r->entries));
		for (size_t i = 0; i < r->n_table_files && !err; i++) {
			size_t a = r->table_files[i], b = a;
			while (r->t[b] && r->t[b] != '\n' && r->t[b] != '\r')
				b++;
			gg_i_markup_trim(r->t, &a, &b);
			err = gg_i_glossary_warn(r->src->g, r->src->name, gg_i_source_line(r->src, a),
						 "the table of '%.*s' is not read: name the file as an input too",
						 (int)(b - a < 200 ? b - a : 200), r->t + a);
		}
	}
	return err;
}

/* Give each entry the title of its category, if any. */
static void assign_categories(rst_reader *r)
{
	size_t titles[LEVELS] = { 0 };
	for (size_t k = 0; k < r->n_lines; k++)
		if (r->level[k])
			titles[r->level[k] - 1]++;
	int level = gg_i_markup_category_level(titles, LEVELS);
	size_t category = NONE, e = 0;
	for (size_t k = 0; k < r->n_lines && level >= 0; k++) {
		for (; e < r->n_entries && r->entries[e].first_term == k; e++)
			r->entries[e].category = category;
		if (r->level[k] == level + 1)
			category = k;
		else if (r->level[k] && r->level[k] <= level)
			category = NONE;
	}
}

/* ---- inline markup ---------------------------------------------------- */

/* Whether inline markup may start at s[i]: after a space, an opening mark or the start. */
static bool may_open(const char *s, size_t i, size_t n)
{
	return (i == 0 || strchr(" \t\n\r'\"([{<-/:", s[i - 1])) && i + 1 < n && !gg_i_markup_space(s[i + 1]);
}

/* Whether inline markup may end before s[e]: the end, a space or a closing mark. */
static bool may_close(const char *s, size_t e, size_t n)
{
	return e >= n || strchr(" \t\n\r'\")]}>-/:.,;!?\\", s[e]);
}

/*
 * Where the end-string `end` (len bytes) closing markup whose text starts
 * at s[from] stands, or 0: not after a space or a backslash, followed by
 * what may close. *miss as gg_i_markup_search_from says.
 */
static size_t find_end(const char *s, size_t from, size_t n, const char *end, size_t len, size_t *miss)
{
	size_t limit, j = gg_i_markup_search_from(from, n, *miss, &limit);
	for (; j + len <= limit; j++)
		if (memcmp(s + j, end, len) == 0 && !gg_i_markup_space(s[j - 1]) && s[j - 1] != '\\' &&
		    may_close(s, j + len, n))
			return j;
	*miss = j;
	return 0;
}

/*
 * The closing '`' of interpreted text or a reference opened at s[i], or 0;
 * *after gets where the markup ends: past "_" or "__" (a reference) or a
 * role written after (":role:", its name at *role, *role_len bytes; else
 * *role_len is 0), which what may close must follow. *miss as
 * gg_i_markup_search_from says.
 */
static size_t find_backquote(const char *s, size_t i, size_t n, size_t *after, size_t *role,
			     size_t *role_len, size_t *miss)
{
	size_t limit, j = gg_i_markup_search_from(i, n, *miss, &limit);
	for (; j < limit; j++) {
		if (s[j] != '`' || gg_i_markup_space(s[j - 1]) || s[j - 1] == '\\')
			continue;
		size_t a = j + 1, r = 0, rl = 0;
		while (a < n && s[a] == '_' && a - j <= 2)
			a++;
		if (a == j + 1 && a < n && s[a] == ':') {
			size_t q = a + 1;
			while (q < n && q - a < 64 && (is_alnum(s[q]) || strchr("-_+.", s[q])))
				q++;
			if (q < n && s[q] == ':' && q > a + 1) {
				r = a + 1;
				rl = q - r;
				a = q + 1;
			}
		}
		if (!may_close(s, a, n))
			continue;
		*after = a;
		*role = r;
		*role_len = rl;
		return j;
	}
	*miss = j;
	return 0;
}

/* The closing '|' of a substitution reference opened at s[i], or 0; *after:
 * past it and a "_" or "__". *miss as gg_i_markup_search_from says. */
static size_t find_bar(const char *s, size_t i, size_t n, size_t *after, size_t *miss)
{
	size_t limit, j = gg_i_markup_search_from(i, n, *miss, &limit);
	for (; j < limit; j++) {
		if (s[j] != '|' || gg_i_markup_space(s[j - 1]))
			continue;
		size_t a = j + 1;
		while (a < n && s[a] == '_' && a - j <= 2)
			a++;
		if (may_close(s, a, n)) {
			*after = a;
			return j;
		}
	}
	*miss = j;
	return 0;
}

/*
 * Interpreted text s[a, b) of role `role` (may be empty: the default
 * role) to the sink: its parts as gg_i_markup_role_parts splits them; a
 * term role links its text to its target; a code role gives code; an
 * exponent (:sup:) a caret first (gg_i_markup_exponent).
 */
static int render_role(gg_i_markup_sink *k, const char *role, size_t role_len, const char *s,
		       size_t a, size_t b, size_t at)
{
	gg_i_role_parts p;
	gg_i_markup_role_parts(s, a, b, &p);
	if (role_len && gg_i_markup_code_role(role, role_len)) {
		gg_i_markup_code(k, s + p.text, p.text_end - p.text, at + p.text);
		return 0;
	}
	if ((role_len == 3 && memcmp(role, "sup", 3) == 0) ||
	    (role_len == 11 && memcmp(role, "superscript", 11) == 0))
		gg_i_markup_exponent(k, s + p.text, p.text_end - p.text);
	size_t from = k->rec ? gg_i_record_mark(k->rec) : 0;
	if (role_len == 3 && (memcmp(role, "pep", 3) == 0 || memcmp(role, "rfc", 3) == 0) &&
	    p.target == p.text) /* :pep:`8` reads "PEP 8" */
		gg_i_markup_emit(k, role[0] == 'p' ? "PEP " : "RFC ", 4, at + (size_t)(role - s));
	gg_i_markup_emit(k, s + p.text, p.text_end - p.text, at + p.text);
	if (!k->rec || role_len != 4 || memcmp(role, "term", 4) != 0)
		return 0;
	return gg_i_markup_xref(k->rec, s + p.target, p.target_end - p.target, from);
}

static int render(rst_reader *r, gg_i_markup_sink *k, const char *s, size_t n, size_t at, int depth);

/*
 * The substitution s[bar, end] ("|name|", text position at + bar) to the
 * sink: what its definition gives (its name as written first, then in
 * lower case), else its name. 0 or GG_ENOMEM.
 */
static int render_substitution(rst_reader *r, gg_i_markup_sink *k, const char *s, size_t bar,
			       size_t end, size_t at, int depth)
{
	char key[MAX_SUBSTITUTION_NAME + 1];
	uint32_t index;
	const rst_substitution *sub = NULL;
	if (depth < MAX_SUBSTITUTION_DEPTH &&
	    ((substitution_key(s, bar + 1, end, false, key) && gg_i_strmap_get(&r->sub_names, key, &index)) ||
	     (substitution_key(s, bar + 1, end, true, key) && gg_i_strmap_get(&r->sub_folded, key, &index)))) {
		sub = &r->subs[index];
		if (!gg_i_markup_may_expand(k, r->src, &r->expanded, sub->text_end - sub->text)) {
			r->expansion_cut = true;
			sub = NULL; /* its name shows */
		}
	}
	if (!sub)
		gg_i_markup_emit(k, s + bar + 1, end - bar - 1, at + bar + 1);
	else if (sub->unicode)
		emit_unicode(k, r->t, sub->text, sub->text_end, at + bar, at + end);
	else
		return render(r, k, r->t + sub->text, sub->text_end - sub->text, sub->text, depth + 1);
	return 0;
}

/*
 * Render s[0, n) (text position `at`) to the sink, inline markup read as
 * the file comment says; depth: substitutions entered. Returns 0 or GG_ENOMEM.
 */
static int render(rst_reader *r, gg_i_markup_sink *k, const char *s, size_t n, size_t at, int depth)
{
	size_t i = 0, run = 0; /* s[run, i) is plain text not yet emitted */
	/* per kind of closing mark, where a search found none before (gg_i_markup_search_from) */
	enum { LITERAL, ROLE, BACKQUOTE, STRONG, EMPHASIS, BAR, FOOTNOTE, TARGET, KINDS };
	size_t miss[KINDS] = { 0 };
	int err = 0;
#define FLUSH() do { if (i > run) gg_i_markup_emit(k, s + run, i - run, at + run); } while (0)
	while (i < n && !err) {
		char c = s[i];
		size_t e, after, role, role_len;
		if (c == '\\') {
			FLUSH();
			run = i + 1 < n && !gg_i_markup_space(s[i + 1]) ? i + 1 : i + 2; /* "\ " is nothing */
			i += 2;
			if (run > n)
				run = n;
			if (i > n)
				i = n;
			continue;
		}
		if (!may_open(s, i, n)) {
			if (c == '_' && i && is_alnum(s[i - 1])) { /* a reference "name_" or "name__" */
				size_t u = i, w = i;
				while (u < n && s[u] == '_' && u - i < 2)
					u++;
				while (may_close(s, u, n) && w > 0 && is_alnum(s[w - 1]))
					w--;
				if (may_close(s, u, n) && (w == 0 || s[w - 1] != '_')) {
					FLUSH();
					i = run = u;
					continue;
				}
			}
			i++;
			continue;
		}
		if (c == '`' && i + 1 < n && s[i + 1] == '`' && (e = find_end(s, i + 2, n, "``", 2, &miss[LITERAL])) > i + 2) {
			FLUSH();
			gg_i_markup_code(k, s + i + 2, e - i - 2, at + i + 2);
			i = run = e + 2;
		} else if (c == ':' && i + 2 < n) { /* :role:`text` */
			size_t j = i + 1;
			while (j < n && j - i < 64 && (is_alnum(s[j]) || strchr("-_+.:", s[j])) &&
			       !(s[j] == ':' && j + 1 < n && s[j + 1] == '`'))
				j++;
			if (j > i + 1 && j + 1 < n && s[j] == ':' && s[j + 1] == '`' &&
			    (e = find_end(s, j + 1, n, "`", 1, &miss[ROLE])) > j + 2) {
				FLUSH();
				err = render_role(k, s + i + 1, j - i - 1, s, j + 2, e, at);
				i = run = e + 1;
			} else {
				i++;
			}
		} else if (c == '`' && (e = find_backquote(s, i, n, &after, &role, &role_len, &miss[BACKQUOTE])) > i + 1) {
			/* `text`, `text`_, `text <url>`__, `text`:role: */
			FLUSH();
			err = render_role(k, s + role, role_len, s, i + 1, e, at);
			i = run = after;
		} else if (c == '*') {
			size_t len = i + 1 < n && s[i + 1] == '*' ? 2 : 1;
			if (len == 2 && (i + 2 >= n || gg_i_markup_space(s[i + 2]))) {
				i += 2;
				continue;
			}
			if ((e = find_end(s, i + len, n, len == 2 ? "**" : "*", len, &miss[len == 2 ? STRONG : EMPHASIS])) > i + len) {
				FLUSH();
				gg_i_markup_emit(k, s + i + len, e - i - len, at + i + len);
				i = run = e + len;
			} else {
				i += len;
			}
		} else if (c == '|' && (e = find_bar(s, i, n, &after, &miss[BAR])) > i + 1) { /* a substitution */
			FLUSH();
			err = render_substitution(r, k, s, i, e, at, depth);
			i = run = after;
		} else if (c == '[' && (e = find_end(s, i, n, "]_", 2, &miss[FOOTNOTE])) > i + 1 && !memchr(s + i, ' ', e - i)) {
			FLUSH(); /* a footnote or citation reference: nothing, nor the space
				  * reST asks for before it when punctuation follows ("SI [1]_.") */
			if (k->rec && e + 2 < n && !gg_i_markup_space(s[e + 2]) && !is_alnum(s[e + 2]))
				k->rec->pending_space = false;
			i = run = e + 2;
		} else if (c == '_' && s[i + 1] == '`' && (e = find_end(s, i + 1, n, "`", 1, &miss[TARGET])) > i + 2) {
			FLUSH(); /* an inline target */
			gg_i_markup_emit(k, s + i + 2, e - i - 2, at + i + 2);
			i = run = e + 1;
		} else {
			i++;
		}
	}
	FLUSH();
#undef FLUSH
	return err;
}

/* ---- definitions ------------------------------------------------------ */

/* A paragraph's lines [first, last] rendered; a closing "::" reads ":" (" ::" nothing). */
static int render_paragraph(rst_reader *r, gg_i_markup_sink *k, size_t first, size_t last, bool *literal)
{
	size_t a = r->lines[first].body, b = r->lines[last].end;
	while (b > a && gg_i_markup_space(r->t[b - 1]))
		b--;
	*literal = b - a >= 2 && r->t[b - 1] == ':' && r->t[b - 2] == ':';
	size_t keep = *literal ? b - 1 : b;
	if (*literal && (b - a == 2 || gg_i_markup_space(r->t[b - 3])))
		keep = b - 2;
	gg_i_record_text(k->rec, "\n", 1, SIZE_MAX); /* a space, but first in the definition */
	return render(r, k, r->t + a, keep - a, a, 0);
}

/*
 * The definition of entry `me` into rec: paragraphs as text, literal
 * blocks and code directives as code, explicit markup as the file comment
 * says.
 */
static int render_definition(rst_reader *r, const rst_entry *me, gg_i_record *rec)
{
	gg_i_markup_sink k = { rec, NULL };
	size_t para = NONE, para_last = 0;
	size_t skip = NONE;      /* lines set in deeper than this are left out */
	size_t code = NONE;      /* lines set in deeper than this are code */
	size_t options = NONE;   /* a directive's ":option:" lines, deeper than this, before a blank one */
	gg_i_markup_code_block block = GG_MARKUP_CODE_INIT;
	int err = 0;
	for (size_t i = me->def_first; i <= me->def_end && !err; i++) {
		const gg_i_markup_line *l = i < me->def_end ? &r->lines[i] : NULL;
		bool blank = l && gg_i_markup_blank(l);
		if (l && skip != NONE && (blank || l->indent > skip))
			continue;
		skip = NONE;
		if (l && options != NONE && !blank && l->indent > options && r->t[l->body] == ':')
			continue;
		options = NONE;
		if (l && code != NONE && (blank || l->indent > code)) {
			if (!blank)
				gg_i_markup_code_line(rec, &block, r->t, l);
			continue;
		}
		gg_i_markup_code_end(rec, &block);
		code = NONE;
		bool markup = l && explicit_markup(r, i);
		if (para != NONE && (!l || blank || markup || l->indent != r->lines[para].indent)) {
			bool literal;
			err = render_paragraph(r, &k, para, para_last, &literal);
			if (literal)
				code = r->lines[para].indent;
			para = NONE;
		}
		if (!l || blank || err)
			continue;
		if (!markup) {
			if (para == NONE)
				para = i;
			para_last = i;
			continue;
		}
		const char *name;
		size_t n, args;
		block_kind kind = directive(r, i, &name, &n, &args) ? directive_kind(name, n) : BLOCK_SKIP;
		options = l->indent;
		if (kind == BLOCK_SKIP) {
			skip = l->indent;
			continue;
		}
		if (kind == BLOCK_CODE || kind == BLOCK_MATH)
			code = l->indent;
		gg_i_record_text(rec, "\n", 1, SIZE_MAX);
		if (kind == BLOCK_SEE) /* in place of ".. seealso::" */
			gg_i_record_text(rec, "See also: ", 10, l->body);
		while (args < l->end && gg_i_markup_space(r->t[args]))
			args++;
		if (kind == BLOCK_VERSION) /* the version, then its text */
			while (args < l->end && !gg_i_markup_space(r->t[args]))
				args++;
		if (kind == BLOCK_MATH && args < l->end)
			gg_i_markup_code(&k, r->t + args, l->end - args, args);
		else if (kind != BLOCK_CODE && kind != BLOCK_CONTENT)
			err = render(r, &k, r->t + args, l->end - args, args, 0);
	}
	return err;
}

/* Line k rendered as a name into out, its classifier (" : ...") cut off. NULL when out of memory. */
static const char *name_text(rst_reader *r, size_t k, gg_i_buf *out)
{
	const gg_i_markup_line *l = &r->lines[k];
	gg_i_markup_sink sink = { NULL, out };
	gg_i_buf_clear(out);
	size_t end = gg_i_term_end(r->t, l->body, l->end);
	render(r, &sink, r->t + l->body, end - l->body, l->body, 0);
	return gg_i_buf_ok(out) ? NULL : out->ptr ? out->ptr : "";
}

/*
 * Cell c to the sink: its text rendered, in a quoted CSV value a doubled
 * quote as one and an escaped character as itself, each stretch between
 * them at its own place. 0 or GG_ENOMEM.
 */
static int render_cell(rst_reader *r, gg_i_markup_sink *k, const rst_cell *c)
{
	const char *s = r->t;
	size_t from = c->a;
	int err = 0;
	for (size_t i = c->a; c->quote && i + 1 < c->b && !err; i++)
		if ((s[i] == c->quote && s[i + 1] == c->quote) || (c->escape && s[i] == c->escape)) {
			err = render(r, k, s + from, i - from, from, 0);
			from = i + 1; /* the second quote, or the escaped character, is text */
			i++;
		}
	return err ? err : render(r, k, s + from, c->b - from, from, 0);
}

static const char *cell_text(rst_reader *r, const rst_cell *c, gg_i_buf *out)
{
	gg_i_markup_sink sink = { NULL, out };
	gg_i_buf_clear(out);
	if (render_cell(r, &sink, c))
		return NULL;
	return gg_i_buf_ok(out) ? NULL : out->ptr ? out->ptr : "";
}

static int render_definition(rst_reader *r, const rst_entry *me, gg_i_record *rec);

/*
 * Table row `row` into rec: its term first, then each cell as its column
 * says (gg_i_record_field); the definition read as a definition is (a
 * "list-table" cell's lines through render_definition). 0 or an error.
 */
static int read_row(rst_reader *r, const rst_row *row, gg_i_record *rec, gg_i_buf *name)
{
	gg_i_markup_sink k = { rec, NULL };
	int err = 0;
	for (int pass = 0; pass < 2 && !err; pass++)
		for (size_t c = 0; c < row->n_cells && !err; c++) {
			const rst_cell *cell = &r->cells[row->first_cell + c];
			gg_i_field f = row->columns[c];
			if (f == GG_FIELD_NONE || (pass == 0) != (f == GG_FIELD_TERM))
				continue;
			if (f == GG_FIELD_DEFINITION && cell->first_line != NONE) {
				rst_entry lines = { cell->first_line, 0, cell->first_line, cell->end_line, NONE, NONE };
				err = render_definition(r, &lines, rec);
			} else if (f == GG_FIELD_DEFINITION) {
				gg_i_record_text(rec, "\n", 1, SIZE_MAX);
				err = render_cell(r, &k, cell);
			} else {
				const char *s = cell_text(r, cell, name);
				err = s ? gg_i_record_field(rec, f, s, name->len, cell->a) : gg_i_error_oom();
			}
		}
	return err;
}

/* Entry me into the glossary (reported and skipped without a definition). 0 or an error. */
static int read_entry(rst_reader *r, const rst_entry *me)
{
	gg_i_record rec;
	gg_i_buf name = GG_BUF_INIT;
	int err = 0;
	gg_i_record_init(&rec, r->src, r->lines[me->first_term].body);
	for (size_t k = me->first_term; me->row == NONE && k < me->first_term + me->n_terms; k++) {
		const char *s = name_text(r, k, &name);
		if (!s) {
			err = gg_i_error_oom();
			goto cleanup;
		}
		gg_i_record_name(&rec, s, name.len);
	}
	if (me->category != NONE) {
		const char *s = name_text(r, me->category, &name);
		if (!s) {
			err = gg_i_error_oom();
			goto cleanup;
		}
		gg_i_markup_category(&rec, s, name.len);
	}
	err = me->row == NONE ? render_definition(r, me, &rec) : read_row(r, &r->rows[me->row], &rec, &name);
	if (!err)
		err = gg_i_record_finish(&rec);
cleanup:
	gg_i_record_free(&rec);
	gg_i_buf_free(&name);
	return err;
}

int gg_i_read_rst(gg_glossary *g, const char *name, char *data, size_t len)
{
	gg_i_source src;
	rst_reader r;
	memset(&r, 0, sizeof(r));
	r.src = &src;
	r.sub_names = (gg_i_strmap)GG_STRMAP_INIT;
	r.sub_folded = (gg_i_strmap)GG_STRMAP_INIT;
	int err = gg_i_source_open(&src, g, name, data, len);
	if (err || (err = gg_i_markup_lines(&src, &r.lines)))
		goto cleanup;
	r.t = src.text;
	r.n_lines = src.n_lines;
	r.level = calloc(r.n_lines ? r.n_lines : 1, sizeof(*r.level));
	r.adornment = calloc(r.n_lines ? r.n_lines : 1, sizeof(*r.adornment));
	if (!r.level || !r.adornment) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	find_titles(&r);
	if ((err = find_substitutions(&r)) || (err = find_all_entries(&r)))
		goto cleanup;
	assign_categories(&r);
	for (size_t e = 0; e < r.n_entries && !err; e++)
		err = read_entry(&r, &r.entries[e]);
	if (!err && r.expansion_cut)
		err = gg_i_glossary_warn(g, name, 0, "substitutions expanded past %d times the file's size; "
					 "the rest show their names", GG_MARKUP_MAX_EXPANSION);
	if (!err && !r.n_entries)
		err = gg_i_glossary_warn(g, name, 0, "%s", src.len ? "no entries in this file (no glossary directive with entries, definition list or table)"
								: "empty file");
cleanup:
	free(r.lines);
	free(r.level);
	free(r.adornment);
	free(r.entries);
	free(r.rows);
	free(r.cells);
	free(r.table_files);
	free(r.subs);
	gg_i_strmap_free(&r.sub_names);
	gg_i_strmap_free(&r.sub_folded);
	gg_i_source_close(&src);
	return err;
}
