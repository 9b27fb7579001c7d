/* latex.c - reads LaTeX glossaries: the glossaries and acronym packages' entries, description lists. */
#include "read/markup.h"
#include "core/error.h"
#include "core/strmap.h"
#include "core/text.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/*
 * What is read. The entries a file defines with the glossaries package
 * ("\newglossaryentry{key}{name=..., description=...}", its "provide" and
 * "long" forms, "\newacronym[options]{key}{VM}{virtual machine}",
 * glossaries-extra's "\newabbreviation"), the acro package
 * ("\DeclareAcronym{key}{short=..., long=...}") and the acronym package
 * ("\acro{VM}[VM]{virtual machine}"), wherever they stand, and bib2gls's
 * ("@entry{key, name=..., description=...}", "@abbreviation", "@symbol",
 * "@index": glossaries-extra's glossary kept in a .bib file); an acronym's
 * term is its long form, with its short form as abbreviation, kept as a
 * term when it has no description. An entry's "see" and "seealso" keys
 * are editor links; one with an "alias" key names another entry (its
 * name an alias of that one's); its "parent", when that one has no
 * description of its own (a heading), or its "type", when a
 * "\newglossary" gives that glossary a title, names its category; a
 * sub-entry without a name takes its parent's (a homograph's senses).
 *
 * A file that defines none of these is read as a document: the items of
 * its outermost description lists ("\item[Term] text") are entries, under
 * the section titles that sort them (gg_i_markup_category_level).
 *
 * Inline: "\gls{key}" and its family ("\Glspl", "\acrshort", "\acl",
 * "\glslink{key}{text}", ...) are editor links to the entry of that key,
 * showing its name, plural, short or long form as LaTeX would; to a key
 * the file does not define, they link by the key. In a document,
 * "\ref", "\hyperref[label]{text}" and "\hyperlink" to the "\label" or
 * "\hypertarget" of an item are editor links. "\texttt", "\verb",
 * "\lstinline", "\url" and math are code; verbatim and listing
 * environments code blocks. Accents ("\'e", "\c{c}") and letters ("\ss")
 * are characters; "``", "''", "--", "---" and "~" typographic outside
 * code. A macro defined without arguments ("\newcommand{\product}{Acme}")
 * shows its text (at most 16 times the file's size in all). Comments,
 * footnotes, citations, labels and index entries show nothing; another
 * command shows its arguments. "\input" and "\include" are not followed
 * (a warning says so).
 */

#define NONE SIZE_MAX

/* Rendering nested commands and macros goes this deep, then shows the rest as written. */
#define MAX_DEPTH 8

/* Forms of entries that name other entries ("\gls" in a name) are rendered this deep, then show keys. */
#define MAX_REFERENCE_DEPTH 32

/* Section levels told apart: "\part", "\chapter", "\section", "\subsection", "\subsubsection". */
#define LEVELS 5

/* An optional argument is looked for over this many steps (see bracketed). */
#define MAX_OPTION_STEPS 1024

/* A section title longer than this (in the file) names no category. */
#define MAX_TITLE 800

/* A span of the text, [a, b); a == NONE when absent. */
typedef struct span {
	size_t a, b;
} span;

static const span NO_SPAN = { NONE, NONE };

typedef enum lx_kind {
	LX_ENTRY,   /* \newglossaryentry and its kin */
	LX_ACRONYM, /* \newacronym, \newabbreviation, \DeclareAcronym, \acro */
	LX_ITEM     /* an item of a description list */
} lx_kind;

/* The forms of an entry that references show, rendered once each. */
typedef enum lx_form {
	FORM_TERM,   /* its name (an acronym's long form; a nameless sub-entry's parent's term) */
	FORM_TEXT,   /* "text", else the term */
	FORM_PLURAL, /* "plural", else the text with "s" */
	FORM_SHORT,
	FORM_LONG,
	FORM_SYMBOL,
	FORM_DESC,
	FORM_COUNT
} lx_form;

typedef struct lx_entry {
	lx_kind kind;
	size_t at;        /* the command or "\item": the entry's place */
	span key;         /* its key (an item's: none) */
	span name, description, plural, shortf, longf, text, symbol, see, seealso, parent, alias, type;
	size_t category;  /* LX_ITEM: the title naming its category, or NONE */
	uint32_t alias_of;   /* the entry its "alias" names, or UINT32_MAX */
	uint32_t parent_of;  /* the entry its "parent" names, or UINT32_MAX */
	uint32_t first_alias, next_alias; /* the entries that are its aliases, chained */
	uint32_t first_see;  /* its "\glssee" lists (in r->sees), chained */
	bool has_children;
	bool provided;    /* by "\provideglossaryentry": none if its key has an entry already */
	bool bib;         /* a bib2gls entry ("@entry{...}"): its values may be quoted (name = "x") */
	bool term_only;   /* kept without a definition: an acronym, an index term ("@index{key}") */
	bool busy;        /* one of its forms is being rendered (a form naming its own entry) */
	const char *forms[FORM_COUNT]; /* its forms as rendered (in the arena), once asked for whole */
} lx_entry;

typedef struct lx_title {
	size_t at;
	int level;
	span text;
} lx_title;

typedef struct lx_reader {
	gg_i_source *src;
	const char *t;
	size_t n;
	struct brace {
		size_t open, close; /* a '{' and its '}' (NONE: none) */
	} *braces;          /* in the order of their '{' (match_braces) */
	size_t n_braces, cap_braces;
	lx_entry *entries;
	size_t n_entries, cap_entries;
	bool glossary;      /* entries come from definitions, not description lists */
	lx_title *titles;
	size_t n_titles, cap_titles;
	gg_i_strmap keys;   /* an entry's key (or an item's label) -> entry */
	gg_i_strmap types;  /* a glossary's name -> its title's index in type_titles */
	span *type_titles;
	size_t n_types, cap_types;
	gg_i_strmap macros; /* a macro's name -> its index in bodies */
	struct macro {
		span body;
		bool busy; /* being expanded: a macro that names itself shows its name */
	} *bodies;
	size_t n_bodies, cap_bodies;
	gg_i_arena arena;   /* keys and names */
	int code;           /* > 0 while rendering code: no typographic quotes or dashes */
	size_t work;        /* bytes rendered so far, macros' and references' included */
	int references;     /* forms being rendered inside one another (MAX_REFERENCE_DEPTH) */
	bool cut;           /* a rendering was cut short (too deep, past the budget, a form naming itself) */
	bool work_cut;      /* past the budget: macros and references since shown as written */
	struct see_list {
		span key, keys; /* "\glssee[tag]{key}{keys}" */
		uint32_t next;  /* the entry's next one */
	} *sees;
	size_t n_sees, cap_sees;
} lx_reader;

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether s[0, n) is `word`. */
static bool is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && memcmp(s, word, n) == 0;
}

static bool one_of(const char *s, size_t n, const char *const *words)
{
	for (; *words; words++)
		if (is(s, n, *words))
			return true;
	return false;
}

/* Where s[0, n) (n > 0) first occurs in text [from, end), or NONE. */
static size_t find_text(const lx_reader *r, size_t from, size_t end, const char *s, size_t n)
{
	for (size_t i = from; i + n <= end;) {
		const char *c = memchr(r->t + i, s[0], end - n + 1 - i);
		if (!c)
			break;
		i = (size_t)(c - r->t);
		if (memcmp(r->t + i, s, n) == 0)
			return i;
		i++;
	}
	return NONE;
}

/* The end of the comment that starts at i ('%'): its line's end (before "\n", "\r\n" or "\r"). */
static size_t comment_end(const lx_reader *r, size_t i)
{
	while (i < r->n && r->t[i] != '\n' && r->t[i] != '\r')
		i++;
	return i;
}

/* Past the line end at i ("\n", "\r\n" or a lone "\r"; nothing at the text's end). */
static size_t past_line_end(const lx_reader *r, size_t i)
{
	if (i < r->n && r->t[i] == '\n')
		return i + 1;
	if (i < r->n && r->t[i] == '\r')
		i++;
	if (i < r->n && r->t[i] == '\n')
		i++;
	return i;
}

/* The end of the command name that starts at i (after '\'): letters, else one character. */
static size_t name_end(const lx_reader *r, size_t i)
{
	size_t e = i;
	while (e < r->n && is_letter(r->t[e]))
		e++;
	return e > i ? e : i < r->n ? i + 1 : i;
}

/* Environments whose text is written as it is (code), to their "\end{name}". */
static const char *const verbatim_envs[] = {
	"verbatim", "verbatim*", "Verbatim", "BVerbatim", "lstlisting", "minted", "alltt", "comment", "filecontents",
	"filecontents*", NULL
};

/*
 * When s[i] starts "\begin{NAME}" of a verbatim environment: where its
 * text starts (*body) and ends (*body_end, at its "\end{NAME}", or the
 * text's end) and the position after its end; else NONE.
 */
static size_t verbatim_env(const lx_reader *r, size_t i, size_t *body, size_t *body_end)
{
	const char *t = r->t;
	if (r->n - i < 8 || memcmp(t + i, "\\begin{", 7) != 0)
		return NONE;
	size_t a = i + 7, b = a;
	while (b < r->n && b - a < 20 && t[b] != '}' && t[b] != '\n' && t[b] != '\r')
		b++;
	if (b >= r->n || t[b] != '}' || !one_of(t + a, b - a, verbatim_envs))
		return NONE;
	char end[32];
	int len = snprintf(end, sizeof(end), "\\end{%.*s}", (int)(b - a), t + a);
	*body = b + 1;
	/* its options and a listing's language, on its line: "\begin{minted}[linenos]{python}" */
	for (int arg = 0; arg < 2 && *body < r->n && (t[*body] == '[' || (arg && t[*body] == '{')); arg++) {
		char close = t[*body] == '[' ? ']' : '}';
		size_t c = *body + 1;
		while (c < r->n && t[c] != close && t[c] != '\n' && t[c] != '\r')
			c++;
		if (c >= r->n || t[c] != close)
			break;
		*body = c + 1;
	}
	size_t found = len > 0 ? find_text(r, b, r->n, end, (size_t)len) : NONE;
	*body_end = found != NONE ? found : r->n;
	return found != NONE ? found + (size_t)len : r->n;
}

/* When s[i] starts "\verb|text|" (or "\lstinline|text|"): the text's span and the end; else NONE. */
static size_t verb_span(const lx_reader *r, size_t i, size_t *a, size_t *b)
{
	const char *t = r->t;
	size_t e = i + 1;
	if (r->n - e >= 4 && memcmp(t + e, "verb", 4) == 0 && (r->n - e == 4 || !is_letter(t[e + 4])))
		e += 4;
	else if (r->n - e >= 9 && memcmp(t + e, "lstinline", 9) == 0 && (r->n - e == 9 || !is_letter(t[e + 9])))
		e += 9;
	else
		return NONE;
	if (e < r->n && t[e] == '*')
		e++;
	if (e < r->n && t[e] == '[' && t[i + 1] == 'l') { /* "\lstinline[language=C]|int x;|" */
		while (e < r->n && t[e] != ']' && t[e] != '\n' && t[e] != '\r')
			e++;
		e = e < r->n && t[e] == ']' ? e + 1 : r->n;
	}
	if (e >= r->n || is_letter(t[e]) || is_blank(t[e]) || t[e] == '{' || t[e] == '[')
		return NONE;
	char delim = t[e];
	size_t c = e + 1;
	while (c < r->n && t[c] != delim && t[c] != '\n' && t[c] != '\r')
		c++;
	if (c >= r->n || t[c] != delim)
		return NONE;
	*a = e + 1;
	*b = c;
	return c + 1;
}

/*
 * When s[i] starts a command whose argument is a URL ("\url{...}",
 * "\href{...}{text}", "\nolinkurl", "\path"), written as it is ('%' no
 * comment there, as hyperref reads it): the argument's span and the
 * position after it; else NONE.
 */
static size_t url_arg(const lx_reader *r, size_t i, size_t *a, size_t *b)
{
	static const char *const commands[] = { "url", "href", "nolinkurl", "path", NULL };
	const char *t = r->t;
	size_t w = name_end(r, i + 1);
	if (!is_letter(t[i + 1]) || !one_of(t + i + 1, w - i - 1, commands) || w >= r->n || t[w] != '{')
		return NONE;
	size_t depth = 0;
	for (size_t j = w; j < r->n && t[j] != '\n' && t[j] != '\r'; j++) {
		if (t[j] == '\\')
			j++;
		else if (t[j] == '{')
			depth++;
		else if (t[j] == '}' && --depth == 0) {
			*a = w + 1;
			*b = j;
			return j + 1;
		}
	}
	return NONE;
}

/*
 * Every '{' of the text with its '}' (r->braces, in the order of their
 * '{'), past escaped braces, comments and verbatim text (whose braces are
 * none; the braces around a verbatim environment's name are a pair, and
 * those around a URL).
 * 0 or GG_ENOMEM.
 */
static int match_braces(lx_reader *r)
{
	const char *t = r->t;
	size_t open = NONE; /* the innermost open brace's index; the ones around it chained through close */
	for (size_t i = 0; i < r->n; i++) {
		size_t a, b, e;
		struct brace pair = { NONE, NONE }; /* the braces around a verbatim environment's name, a URL */
		if (t[i] == '\\' && (e = verbatim_env(r, i, &a, &b)) != NONE)
			pair = (struct brace){ i + 6, (size_t)((const char *)memchr(t + i + 7, '}', r->n - i - 7) - t) };
		else if (t[i] == '\\' && (e = url_arg(r, i, &a, &b)) != NONE)
			pair = (struct brace){ a - 1, b };
		bool verbatim = pair.open != NONE;
		if (verbatim || t[i] == '{') {
			if (GG_ARRAY_PUSH_SLOT(r->braces, r->n_braces, r->cap_braces))
				return gg_i_error_oom();
			r->braces[r->n_braces] = verbatim ? pair : (struct brace){ i, open };
			if (verbatim)
				i = e - 1;
			else
				open = r->n_braces;
			r->n_braces++;
		} else if (t[i] == '\\' && (e = verb_span(r, i, &a, &b)) != NONE) {
			i = e - 1;
		} else if (t[i] == '\\') {
			i++;
		} else if (t[i] == '%') {
			i = comment_end(r, i);
		} else if (t[i] == '}' && open != NONE) {
			size_t outer = r->braces[open].close;
			r->braces[open].close = i;
			open = outer;
		}
	}
	while (open != NONE) {
		size_t outer = r->braces[open].close;
		r->braces[open].close = NONE;
		open = outer;
	}
	return 0;
}

/* The '}' that closes the '{' at i, or NONE (none closes it, or it is no brace of the text's). */
static size_t closing(const lx_reader *r, size_t i)
{
	size_t lo = 0, hi = r->n_braces;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->braces[mid].open < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->n_braces && r->braces[lo].open == i ? r->braces[lo].close : NONE;
}

/* Past white space and comments from i (TeX's way between a command's arguments). */
static size_t skip_blank(const lx_reader *r, size_t i, size_t end)
{
	while (i < end) {
		if (is_blank(r->t[i]))
			i++;
		else if (r->t[i] == '%')
			i = comment_end(r, i);
		else
			break;
	}
	return i;
}

/* A braced argument at i (after white space): its inside into *arg, and the position after it; else NONE. */
static size_t braced(const lx_reader *r, size_t i, size_t end, span *arg)
{
	i = skip_blank(r, i, end);
	size_t c = i < end && r->t[i] == '{' ? closing(r, i) : NONE;
	if (c == NONE || c >= end)
		return NONE;
	*arg = (span){ i + 1, c };
	return c + 1;
}

/*
 * An optional argument "[...]" at i (after white space), its brackets
 * outside braces and comments; else NONE. It is looked for over
 * MAX_OPTION_STEPS steps, a brace group, a comment or an escape one step:
 * options are short but for their braced values, and a '[' that is no
 * option costs no more than that.
 */
static size_t bracketed(const lx_reader *r, size_t i, size_t end, span *arg)
{
	i = skip_blank(r, i, end);
	if (i >= end || r->t[i] != '[')
		return NONE;
	size_t steps = 0;
	for (size_t j = i + 1, c; j < end && steps < MAX_OPTION_STEPS; j++, steps++) {
		if (r->t[j] == '\\')
			j++;
		else if (r->t[j] == '%')
			j = comment_end(r, j);
		else if (r->t[j] == '{' && (c = closing(r, j)) < end)
			j = c;
		else if (r->t[j] == ']') {
			*arg = (span){ i + 1, j };
			return j + 1;
		}
	}
	return NONE;
}

/* Past a command's modifiers and optional arguments ("*", "+", "[options]") from p. */
static size_t skip_options(const lx_reader *r, size_t p, size_t end)
{
	span opt;
	size_t q;
	while (p < end && (r->t[p] == '*' || r->t[p] == '+'))
		p++;
	while ((q = bracketed(r, p, end, &opt)) != NONE)
		p = q;
	return p;
}

/* The first unescaped '%' (a comment) in [a, b), or NONE; one in a URL is none. */
static size_t comment_at(const lx_reader *r, size_t a, size_t b)
{
	for (size_t i = a, x, y, e; i < b; i++) {
		if (r->t[i] == '\\' && (e = url_arg(r, i, &x, &y)) != NONE)
			i = e - 1;
		else if (r->t[i] == '\\')
			i++;
		else if (r->t[i] == '%')
			return i;
	}
	return NONE;
}

/* A span trimmed of white space and comments, and of one pair of braces around all of it. */
static span unbrace(const lx_reader *r, span s)
{
	s.a = skip_blank(r, s.a, s.b);
	for (;;) { /* a comment ending its last line: "name={x},% old name" */
		gg_i_markup_trim(r->t, &s.a, &s.b);
		size_t line = s.b;
		while (line > s.a && r->t[line - 1] != '\n' && r->t[line - 1] != '\r')
			line--;
		size_t c = comment_at(r, line, s.b);
		if (c == NONE)
			break;
		s.b = c;
	}
	if (s.b - s.a >= 2 && r->t[s.a] == '{' && closing(r, s.a) == s.b - 1) {
		s.a++;
		s.b--;
		gg_i_markup_trim(r->t, &s.a, &s.b);
	}
	return s;
}

/* The next item of the comma-separated list in [*from, end) (braces kept together, comments left out); false past the last. */
static bool next_item(const lx_reader *r, size_t *from, size_t end, span *item)
{
	size_t i = *from;
	if (i >= end)
		return false;
	size_t start = i, c;
	for (; i < end && r->t[i] != ','; i++) {
		if (r->t[i] == '\\')
			i++;
		else if (r->t[i] == '%')
			i = comment_end(r, i);
		else if (r->t[i] == '{' && (c = closing(r, i)) < end)
			i = c;
	}
	*item = unbrace(r, (span){ start, i < end ? i : end });
	*from = i + 1;
	return true;
}

/* The keys an entry's options name, and where each goes. */
static span *field_of(lx_entry *e, const char *key, size_t n)
{
	static const struct {
		const char *key;
		size_t offset;
	} fields[] = {
		{ "name", offsetof(lx_entry, name) }, { "description", offsetof(lx_entry, description) },
		{ "plural", offsetof(lx_entry, plural) }, { "short", offsetof(lx_entry, shortf) },
		{ "long", offsetof(lx_entry, longf) }, { "see", offsetof(lx_entry, see) },
		{ "seealso", offsetof(lx_entry, seealso) }, { "parent", offsetof(lx_entry, parent) },
		{ "alias", offsetof(lx_entry, alias) }, { "type", offsetof(lx_entry, type) },
		{ "text", offsetof(lx_entry, text) }, { "symbol", offsetof(lx_entry, symbol) },
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
		if (is(key, n, fields[i].key))
			return (span *)((char *)e + fields[i].offset);
	return NULL;
}

/* The "key=value" options in s into e's fields (a key given twice: its last value, as LaTeX's). */
static void read_options(const lx_reader *r, span s, lx_entry *e)
{
	span item;
	size_t from = s.a;
	while (next_item(r, &from, s.b, &item)) {
		size_t eq = item.a;
		while (eq < item.b && r->t[eq] != '=')
			eq++;
		span key = unbrace(r, (span){ item.a, eq });
		span *f = field_of(e, r->t + key.a, key.b - key.a);
		if (f && eq < item.b)
			*f = unbrace(r, (span){ eq + 1, item.b });
		if (f && e->bib && f->b - f->a >= 2 && r->t[f->a] == '"' && r->t[f->b - 1] == '"')
			*f = unbrace(r, (span){ f->a + 1, f->b - 1 }); /* BibTeX's "quoted" value */
	}
}

/* A new entry in r, or NULL on ENOMEM. */
static lx_entry *new_entry(lx_reader *r, lx_kind kind, size_t at, span key)
{
	if (GG_ARRAY_PUSH_SLOT(r->entries, r->n_entries, r->cap_entries))
		return NULL;
	lx_entry *e = &r->entries[r->n_entries++];
	*e = (lx_entry){ .kind = kind, .at = at, .key = key, .name = NO_SPAN, .description = NO_SPAN,
			 .plural = NO_SPAN, .shortf = NO_SPAN, .longf = NO_SPAN, .text = NO_SPAN,
			 .symbol = NO_SPAN, .see = NO_SPAN,
			 .seealso = NO_SPAN, .parent = NO_SPAN, .alias = NO_SPAN, .type = NO_SPAN,
			 .category = NONE, .alias_of = UINT32_MAX, .parent_of = UINT32_MAX,
			 .first_alias = UINT32_MAX, .next_alias = UINT32_MAX, .first_see = UINT32_MAX };
	return e;
}

/* Index a key (or label) as naming entry e, unless one of the same text came first. 0 or GG_ENOMEM. */
static int index_key(lx_reader *r, gg_i_strmap *map, span key, uint32_t e)
{
	if (key.a == NONE || key.b == key.a || key.b - key.a > GG_MARKUP_MAX_TARGET)
		return 0;
	char *k = gg_i_arena_strndup(&r->arena, r->t + key.a, key.b - key.a);
	return k && gg_i_strmap_put(map, k, e, NULL) >= 0 ? 0 : gg_i_error_oom();
}

/* Look up the key s (any text, trimmed) in map; false when absent. */
static bool find_key(const lx_reader *r, const gg_i_strmap *map, span s, uint32_t *out)
{
	char buf[GG_MARKUP_MAX_TARGET + 1];
	gg_i_markup_trim(r->t, &s.a, &s.b);
	if (s.b - s.a > GG_MARKUP_MAX_TARGET)
		return false;
	memcpy(buf, r->t + s.a, s.b - s.a);
	buf[s.b - s.a] = '\0';
	return gg_i_strmap_get(map, buf, out);
}

/* Whether s[0, n) holds `word`. */
static bool contains(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);
	for (size_t i = 0; i + w <= n; i++)
		if (memcmp(s + i, word, w) == 0)
			return true;
	return false;
}

/* Whether a definition's key is a macro's parameter ("\newcommand{\term}[2]{\newglossaryentry{#1}...}"). */
static bool parameter(const lx_reader *r, span key)
{
	return memchr(r->t + key.a, '#', key.b - key.a) != NULL;
}

/*
 * The entry that a definition at `at` with `key` and `options` (NO_SPAN:
 * none) makes, added to r; NULL when its key is a macro's parameter (no
 * entry) or on ENOMEM (*err set).
 */
static lx_entry *define(lx_reader *r, lx_kind kind, size_t at, span key, span options, int *err)
{
	if (parameter(r, key))
		return NULL;
	lx_entry *e = new_entry(r, kind, at, unbrace(r, key));
	if (!e)
		*err = gg_i_error_oom();
	else if (options.a != NONE)
		read_options(r, options, e);
	return e;
}

/*
 * A definition command at i (its name s[i + 1, w)): the entry it defines
 * read into r, and the position after it; w when its arguments are
 * missing or do not close; NONE when i is no such command.
 */
static size_t read_definition_command(lx_reader *r, size_t i, size_t w, int *err)
{
	const char *t = r->t, *name = t + i + 1;
	size_t n = w - i - 1, p = w;
	span opt = NO_SPAN, key, a2, a3;
	bool is_long = n > 4 && memcmp(name, "long", 4) == 0;
	if (is_long || is(name, n, "newglossaryentry") || is(name, n, "provideglossaryentry")) {
		if (is_long && !is(name, n, "longnewglossaryentry") && !is(name, n, "longprovideglossaryentry"))
			return NONE;
		if (p < r->n && t[p] == '*')
			p++;
		if ((p = braced(r, p, r->n, &key)) == NONE || (p = braced(r, p, r->n, &a2)) == NONE)
			return w;
		if (is_long && (p = braced(r, p, r->n, &a3)) == NONE)
			return w;
		lx_entry *e = define(r, LX_ENTRY, i, key, a2, err);
		if (e) {
			e->provided = contains(name, n, "provide");
			if (is_long)
				e->description = unbrace(r, a3);
		}
		return p;
	}
	if (is(name, n, "newacronym") || is(name, n, "newabbreviation") || is(name, n, "acro") ||
	    is(name, n, "acrodef") || is(name, n, "newacro")) {
		bool acronym_package = name[0] == 'a' || is(name, n, "newacro");
		span shortf = NO_SPAN, longf;
		size_t q;
		if (!acronym_package && (q = bracketed(r, p, r->n, &opt)) != NONE)
			p = q;
		if ((p = braced(r, p, r->n, &key)) == NONE)
			return w;
		if (acronym_package) { /* "\acro{VM}[VM]{virtual machine}": the key is the short form unless one is given */
			shortf = unbrace(r, key);
			if ((q = bracketed(r, p, r->n, &opt)) != NONE) {
				p = q;
				shortf = unbrace(r, opt);
			}
			opt = NO_SPAN;
		} else if ((p = braced(r, p, r->n, &shortf)) == NONE) {
			return w;
		}
		if ((p = braced(r, p, r->n, &longf)) == NONE)
			return w;
		lx_entry *e = define(r, LX_ACRONYM, i, key, opt, err);
		if (e) {
			e->shortf = unbrace(r, shortf);
			e->longf = unbrace(r, longf);
		}
		return p;
	}
	if (is(name, n, "glsxtrnewsymbol") || is(name, n, "glsxtrnewnumber")) {
		/* "\glsxtrnewsymbol[description=...]{key}{symbol}": the symbol its name */
		size_t q;
		if ((q = bracketed(r, p, r->n, &opt)) != NONE)
			p = q;
		if ((p = braced(r, p, r->n, &key)) == NONE || (p = braced(r, p, r->n, &a2)) == NONE)
			return w;
		lx_entry *e = define(r, LX_ENTRY, i, key, opt, err);
		if (e)
			e->name = unbrace(r, a2);
		return p;
	}
	if (is(name, n, "DeclareAcronym")) { /* acro: "\DeclareAcronym{key}{short = VM, long = virtual machine}" */
		if ((p = braced(r, p, r->n, &key)) == NONE || (p = braced(r, p, r->n, &a2)) == NONE)
			return w;
		define(r, LX_ACRONYM, i, key, a2, err);
		return p;
	}
	return NONE;
}

/*
 * A bib2gls entry at i ("@entry{key, name={...}, description={...}}",
 * "@abbreviation{key, short=..., long=...}", "@symbol", "@index", ...,
 * as glossaries-extra keeps a glossary in a .bib file): read into r, the
 * position after it returned; NONE when i starts no such entry (a
 * bibliography's "@article" is none).
 */
static size_t read_bib_entry(lx_reader *r, size_t i, int *err)
{
	static const char *const entry_types[] = { "entry", "symbol", "number", "index", "dualentry", NULL };
	static const char *const acronym_types[] = { "abbreviation", "acronym", "dualabbreviation", NULL };
	char type[24];
	size_t w = i + 1, n = 0;
	while (w < r->n && is_letter(r->t[w]) && n + 1 < sizeof(type))
		type[n++] = (char)(r->t[w++] | 0x20);
	bool entry = one_of(type, n, entry_types), acronym = one_of(type, n, acronym_types);
	span body;
	size_t p = (entry || acronym) ? braced(r, w, r->n, &body) : NONE;
	if (p == NONE)
		return NONE;
	size_t comma = body.a;
	while (comma < body.b && r->t[comma] != ',')
		comma++;
	span key = unbrace(r, (span){ body.a, comma });
	if (key.a == key.b || parameter(r, key))
		return p;
	lx_entry *e = new_entry(r, acronym ? LX_ACRONYM : LX_ENTRY, i, key);
	if (!e) {
		*err = gg_i_error_oom();
		return p;
	}
	e->bib = true;
	read_options(r, (span){ comma < body.b ? comma + 1 : body.b, body.b }, e);
	if (entry && e->name.a == NONE && e->parent.a == NONE) /* "@index{key}": its key is its name */
		e->name = key;
	e->term_only = acronym || is(type, n, "index");
	return p;
}

/* "\newglossary[log]{name}{in}{out}{Title}" or "\newglossary*{name}{Title}" at p (after the name): the title of glossary name. */
static size_t read_new_glossary(lx_reader *r, size_t p, int *err)
{
	span opt, name, arg, title = NO_SPAN;
	bool starred = p < r->n && r->t[p] == '*';
	size_t q;
	p += starred;
	if (!starred && (q = bracketed(r, p, r->n, &opt)) != NONE)
		p = q;
	if ((p = braced(r, p, r->n, &name)) == NONE)
		return NONE;
	for (int k = 0; k < (starred ? 1 : 3); k++)
		if ((p = braced(r, p, r->n, k == (starred ? 0 : 2) ? &title : &arg)) == NONE)
			return NONE;
	if (GG_ARRAY_PUSH_SLOT(r->type_titles, r->n_types, r->cap_types)) {
		*err = gg_i_error_oom();
		return p;
	}
	r->type_titles[r->n_types] = unbrace(r, title);
	*err = index_key(r, &r->types, unbrace(r, name), (uint32_t)r->n_types);
	r->n_types++;
	return p;
}

/*
 * "\newcommand{\name}{body}" (or "\newcommand\name{body}", "\def\name{body}")
 * at p: a macro without arguments; a later definition replaces it, but
 * not a "\providecommand" (`provide`).
 */
static size_t read_macro(lx_reader *r, size_t p, bool def, bool provide, int *err)
{
	const char *t = r->t;
	span name, body, opt;
	if (!def && p < r->n && t[p] == '*')
		p++;
	size_t q = skip_blank(r, p, r->n);
	if (q < r->n && t[q] == '{') {
		if ((p = braced(r, q, r->n, &name)) == NONE)
			return NONE;
		name = unbrace(r, name);
	} else if (q < r->n && t[q] == '\\') {
		name = (span){ q, name_end(r, q + 1) };
		p = name.b;
	} else {
		return NONE;
	}
	if (name.b - name.a < 2 || t[name.a] != '\\')
		return NONE;
	bool arguments = false;
	if (!def && (q = bracketed(r, p, r->n, &opt)) != NONE) {
		p = q;
		span count = unbrace(r, opt);
		arguments = !(count.b - count.a == 1 && t[count.a] == '0');
		if ((q = bracketed(r, p, r->n, &opt)) != NONE) /* a default for the first argument */
			p = q;
	}
	if (def && skip_blank(r, p, r->n) < r->n && t[skip_blank(r, p, r->n)] == '#')
		return NONE; /* "\def\x#1{...}": arguments */
	if ((p = braced(r, p, r->n, &body)) == NONE)
		return NONE;
	if (arguments || body.b - body.a > GG_MARKUP_INLINE_SPAN)
		return p;
	if (GG_ARRAY_PUSH_SLOT(r->bodies, r->n_bodies, r->cap_bodies)) {
		*err = gg_i_error_oom();
		return p;
	}
	r->bodies[r->n_bodies] = (struct macro){ body, false };
	uint32_t old;
	if (find_key(r, &r->macros, (span){ name.a + 1, name.b }, &old)) {
		if (!provide)
			r->bodies[old].body = body;
	}
	else if (!(*err = index_key(r, &r->macros, (span){ name.a + 1, name.b }, (uint32_t)r->n_bodies)))
		r->n_bodies++;
	return p;
}

/*
 * When the command at i (name [i + 1, w)) brings in another file
 * ("\input{f}", "\input f", "\include", "\subfile", "\loadglsentries[type]{f}",
 * "\import{dir}{f}"): the end of the command, its file in *file; else NONE.
 */
static size_t included_file(lx_reader *r, size_t i, size_t w, span *file)
{
	static const char *const one[] = { "input", "include", "subfile", "loadglsentries", "InputIfFileExists", NULL };
	static const char *const two[] = { "import", "subimport", "includefrom", "inputfrom", NULL };
	const char *name = r->t + i + 1;
	size_t n = w - i - 1, p;
	span dir;
	if (one_of(name, n, one)) {
		if ((p = braced(r, skip_options(r, w, r->n), r->n, file)) != NONE)
			return p;
		if (!is(name, n, "input") || w >= r->n || r->t[w] != ' ')
			return NONE;
		p = w + 1; /* TeX's "\input file.tex" */
		while (p < r->n && !is_blank(r->t[p]) && r->t[p] != '%' && r->t[p] != '\\' && r->t[p] != '}')
			p++;
		*file = (span){ w + 1, p };
		return p > w + 1 ? p : NONE;
	}
	if (one_of(name, n, two) && (p = braced(r, skip_options(r, w, r->n), r->n, &dir)) != NONE &&
	    (p = braced(r, p, r->n, file)) != NONE)
		return p;
	return NONE;
}

/* Section commands by level. */
static int section_level(const char *s, size_t n)
{
	static const char *const levels[LEVELS] = { "part", "chapter", "section", "subsection", "subsubsection" };
	for (int l = 0; l < LEVELS; l++)
		if (is(s, n, levels[l]))
			return l;
	return -1;
}

/* Lists whose items are the entries of a document, or text. */
static const char *const list_envs[] = { "description", "itemize", "enumerate", NULL };

/* Item k's definition ends at i (a '\end' or a title inside its term ends it empty). */
static void end_item(lx_reader *r, size_t k, size_t i)
{
	lx_entry *me = &r->entries[k];
	me->description.b = i > me->description.a ? i : me->description.a;
}

/*
 * The file's entries, titles, glossaries and macros (see What is read),
 * in one walk over its text. Items of outermost description lists are
 * kept as entries whatever the file defines; read_latex drops them when
 * it defines glossary entries. 0 or an error.
 */
static int scan(lx_reader *r, size_t *title_counts)
{
	const char *t = r->t;
	int err = 0, lists = 0; /* lists open; the outermost's items are entries when it is a description */
	bool outer_description = false;
	size_t item = NONE; /* the item being read (its definition's start in description) */
	for (size_t i = 0; i < r->n && !err;) {
		size_t a, b, e;
		if (t[i] == '%') {
			i = comment_end(r, i);
			continue;
		}
		if (t[i] == '@' && (i == 0 || is_blank(t[i - 1])) && (e = read_bib_entry(r, i, &err)) != NONE) {
			i = e;
			continue;
		}
		if (t[i] != '\\') {
			i++;
			continue;
		}
		if ((e = verbatim_env(r, i, &a, &b)) != NONE || (e = verb_span(r, i, &a, &b)) != NONE ||
		    (e = url_arg(r, i, &a, &b)) != NONE) {
			i = e;
			continue;
		}
		size_t w = name_end(r, i + 1);
		const char *name = t + i + 1;
		size_t n = w - i - 1;
		span arg, opt_or_list;
		int level;
		if ((e = read_definition_command(r, i, w, &err)) != NONE) {
			if (e == w) /* its arguments do not close */
				err = gg_i_glossary_warn(r->src->g, r->src->name, gg_i_source_line(r->src, i),
							 "\"\\%.*s\" without its arguments (or with one left open): skipped",
							 (int)n, name);
			i = e;
		} else if (is(name, n, "newglossary") && (e = read_new_glossary(r, w, &err)) != NONE) {
			i = e;
		} else if ((is(name, n, "newcommand") || is(name, n, "renewcommand") || is(name, n, "providecommand") ||
			    is(name, n, "def")) &&
			   (e = read_macro(r, w, name[0] == 'd', name[0] == 'p', &err)) != NONE) {
			i = e;
		} else if (is(name, n, "glssee") && (e = braced(r, skip_options(r, w, r->n), r->n, &arg)) != NONE &&
			   (a = braced(r, e, r->n, &opt_or_list)) != NONE) {
			if (GG_ARRAY_PUSH_SLOT(r->sees, r->n_sees, r->cap_sees)) {
				err = gg_i_error_oom();
				break;
			}
			r->sees[r->n_sees++] = (struct see_list){ unbrace(r, arg), opt_or_list, UINT32_MAX };
			i = a;
		} else if ((is(name, n, "begin") || is(name, n, "end")) && (e = braced(r, w, r->n, &arg)) != NONE) {
			bool list = one_of(t + arg.a, arg.b - arg.a, list_envs);
			if (list && name[0] == 'b') {
				if (lists++ == 0)
					outer_description = t[arg.a] == 'd';
			} else if (list && lists > 0 && --lists == 0) {
				if (item != NONE)
					end_item(r, item, i);
				item = NONE;
			}
			i = e;
		} else if (is(name, n, "item") && lists == 1 && outer_description) {
			if (item != NONE)
				end_item(r, item, i);
			item = NONE;
			lx_entry *me;
			if ((e = bracketed(r, w, r->n, &arg)) != NONE) {
				if (!(me = new_entry(r, LX_ITEM, i, NO_SPAN))) {
					err = gg_i_error_oom();
					break;
				}
				me->name = arg; /* "\item[Cache:]": the term without its colon */
				while (me->name.b > me->name.a && (is_blank(t[me->name.b - 1]) || t[me->name.b - 1] == ':'))
					me->name.b--;
				me->description = (span){ e, r->n };
				me->category = r->n_titles ? r->n_titles - 1 : NONE;
				item = r->n_entries - 1;
			}
			i = e != NONE ? arg.a : w; /* on into the term: its "\label" or "\hypertarget" */
		} else if ((is(name, n, "label") || is(name, n, "hypertarget")) && item != NONE &&
			   (e = braced(r, w, r->n, &arg)) != NONE) {
			/* the label of an item: on its term, or before any text of its definition */
			const lx_entry *me = &r->entries[item];
			if (i < me->name.b || skip_blank(r, me->description.a, i) == i)
				err = index_key(r, &r->keys, unbrace(r, arg), (uint32_t)item);
			i = is(name, n, "label") ? e : w;
		} else if ((level = section_level(name, n)) >= 0) {
			span opt;
			if (item != NONE) /* a title ends a definition */
				end_item(r, item, i);
			item = NONE;
			e = w < r->n && t[w] == '*' ? w + 1 : w;
			if ((a = bracketed(r, e, r->n, &opt)) != NONE)
				e = a;
			if ((e = braced(r, e, r->n, &arg)) != NONE) {
				if (GG_ARRAY_PUSH_SLOT(r->titles, r->n_titles, r->cap_titles)) {
					err = gg_i_error_oom();
					break;
				}
				r->titles[r->n_titles++] = (lx_title){ i, level, arg };
				title_counts[level]++;
			}
			i = e != NONE ? e : w;
		} else if ((e = included_file(r, i, w, &arg)) != NONE) {
			err = gg_i_glossary_warn(r->src->g, r->src->name, gg_i_source_line(r->src, i),
						 "\"%.*s\" is not read: name that file as an input too",
						 (int)(e - i > 200 ? 200 : e - i), t + i);
			i = e;
		} else {
			i = w;
		}
	}
	return err;
}

static int render(lx_reader *r, gg_i_markup_sink *k, size_t a, size_t b, int depth);

/*
 * Whether n more bytes that macros and references stand for may be
 * rendered or shown: those that expand into each other are bounded, in
 * all to GG_MARKUP_MAX_EXPANSION times the file's size and 1 MiB. Past
 * it they show as written (their command, an entry's key); the text of
 * each entry is still read.
 */
static bool within_budget(lx_reader *r, size_t n)
{
	r->work += n;
	if (r->work <= GG_MARKUP_MAX_EXPANSION * r->n + ((size_t)1 << 20))
		return true;
	r->work_cut = r->cut = true;
	return false;
}

/* Render [a, b) into out (as a name: code without backticks). 0 or GG_ENOMEM. */
static int render_to(lx_reader *r, size_t a, size_t b, int depth, gg_i_buf *out)
{
	gg_i_markup_sink sink = { NULL, out };
	gg_i_buf_clear(out);
	int err = render(r, &sink, a, b, depth);
	return err ? err : gg_i_buf_ok(out);
}

/* The span form f of entry me is rendered from (NONE: the form has none of its own). */
static span form_span(const lx_entry *me, lx_form f)
{
	switch (f) {
	case FORM_TERM:
		return me->kind == LX_ACRONYM ? me->longf : me->name;
	case FORM_TEXT:
		return me->text;
	case FORM_PLURAL:
		return me->plural;
	case FORM_SHORT:
		return me->shortf;
	case FORM_LONG:
		return me->longf;
	case FORM_SYMBOL:
		return me->symbol;
	default:
		return me->description;
	}
}

/*
 * Form f of entry e (in the arena, or NULL on ENOMEM): rendered once, on
 * its own (its markup's depth counted from 0), and kept when whole; a form
 * cut short (past MAX_REFERENCE_DEPTH forms inside one another or the
 * budget, naming its own entry: then its key) is returned but not kept. A
 * form the entry lacks falls back: text and plural to the term (plural with
 * "s"), short and long to the term, symbol and description to nothing; a
 * nameless sub-entry's term is its parent's.
 */
static const char *form_of(lx_reader *r, uint32_t e, lx_form f)
{
	lx_entry *me = &r->entries[e];
	if (me->forms[f])
		return me->forms[f];
	span s = form_span(me, f);
	if (s.a == NONE && (f == FORM_DESC || f == FORM_SYMBOL))
		return "";
	if (s.a == NONE && f == FORM_TERM && me->parent_of != UINT32_MAX && !me->busy &&
	    r->references < MAX_REFERENCE_DEPTH) { /* a sense of its parent's term */
		r->references++;
		me->busy = true;
		const char *parent = form_of(r, me->parent_of, FORM_TERM);
		r->entries[e].busy = false;
		r->references--;
		return parent;
	}
	if (s.a == NONE && f != FORM_TERM && f != FORM_DESC) {
		const char *base = form_of(r, e, f == FORM_PLURAL ? FORM_TEXT : FORM_TERM);
		if (!base || f != FORM_PLURAL)
			return base;
		size_t n = strlen(base);
		char *plural = gg_i_arena_alloc(&r->arena, n + 2);
		if (plural) {
			memcpy(plural, base, n);
			memcpy(plural + n, "s", 2);
		}
		return plural;
	}
	/* a form rendered inside another is charged to the budget; an entry's own reading is not */
	bool whole = !me->busy && r->references < MAX_REFERENCE_DEPTH &&
		     (r->references == 0 || s.a == NONE || within_budget(r, s.b - s.a + 1));
	if (!whole || s.a == NONE) {
		r->cut |= !whole;
		s = me->key;
		if (s.a == NONE)
			return "";
		return gg_i_arena_strndup(&r->arena, r->t + s.a, s.b - s.a);
	}
	gg_i_buf text = GG_BUF_INIT;
	bool cut = r->cut;
	r->cut = false;
	me->busy = true;
	r->references++;
	int err = render_to(r, s.a, s.b, 0, &text);
	r->references--;
	me = &r->entries[e];
	me->busy = false;
	const char *kept = err ? NULL : gg_i_arena_strndup(&r->arena, text.ptr ? text.ptr : "", text.len);
	if (!r->cut)
		me->forms[f] = kept;
	r->cut |= cut;
	gg_i_buf_free(&text);
	return kept;
}

static const char *term_of(lx_reader *r, uint32_t e)
{
	return form_of(r, e, FORM_TERM);
}

/* What a reference to an entry shows. */
typedef enum shown {
	SHOW_NAME,   /* an entry's text; an acronym's short form */
	SHOW_SHORT,
	SHOW_LONG,
	SHOW_FULL,   /* "long (short)" */
	SHOW_SYMBOL,
	SHOW_DESC
} shown;

/*
 * Whether "\name" (s[0, n)) is a reference to an entry ("\gls", "\Glspl",
 * "\acrshort", "\acl"...), and what it shows: *plural its plural form,
 * *caps 1 when it capitalises the first letter ("\Gls"), 2 every letter
 * ("\GLS").
 */
static bool ref_command(const char *s, size_t n, shown *what, bool *plural, int *caps)
{
	static const struct {
		const char *name;
		shown what;
		bool plural;
	} refs[] = {
		{ "gls", SHOW_NAME, false }, { "glspl", SHOW_NAME, true }, { "glstext", SHOW_NAME, false },
		{ "glsplural", SHOW_NAME, true }, { "glsname", SHOW_NAME, false }, { "glsfirst", SHOW_NAME, false },
		{ "glsfirstplural", SHOW_NAME, true }, { "glsentryname", SHOW_NAME, false },
		{ "glsentrytext", SHOW_NAME, false }, { "glsentryplural", SHOW_NAME, true },
		{ "glsentryshort", SHOW_SHORT, false }, { "glsentrylong", SHOW_LONG, false },
		{ "glsentryfull", SHOW_FULL, false }, { "glssymbol", SHOW_SYMBOL, false },
		{ "glsentrysymbol", SHOW_SYMBOL, false }, { "glsdesc", SHOW_DESC, false },
		{ "glsentrydesc", SHOW_DESC, false },
		{ "acrshort", SHOW_SHORT, false }, { "acrshortpl", SHOW_SHORT, true }, { "acrlong", SHOW_LONG, false },
		{ "acrlongpl", SHOW_LONG, true }, { "acrfull", SHOW_FULL, false }, { "acrfullpl", SHOW_FULL, true },
		{ "glsxtrshort", SHOW_SHORT, false }, { "glsxtrshortpl", SHOW_SHORT, true },
		{ "glsxtrlong", SHOW_LONG, false }, { "glsxtrlongpl", SHOW_LONG, true },
		{ "glsxtrfull", SHOW_FULL, false }, { "glsxtrfullpl", SHOW_FULL, true },
		{ "ac", SHOW_NAME, false }, { "acp", SHOW_NAME, true }, { "acs", SHOW_SHORT, false },
		{ "acsp", SHOW_SHORT, true }, { "acl", SHOW_LONG, false }, { "aclp", SHOW_LONG, true },
		{ "acf", SHOW_FULL, false }, { "acfp", SHOW_FULL, true }, { "acsu", SHOW_SHORT, false },
		{ "aclu", SHOW_LONG, false }, { "acfi", SHOW_FULL, false }, { "iac", SHOW_NAME, false },
		{ "cgls", SHOW_NAME, false }, { "cglspl", SHOW_NAME, true }, { "pgls", SHOW_NAME, false },
		{ "pglspl", SHOW_NAME, true }, { "glsentryfirst", SHOW_NAME, false },
		{ "glsfmttext", SHOW_NAME, false }, { "glsfmtname", SHOW_NAME, false },
		{ "glsfmtshort", SHOW_SHORT, false }, { "glsfmtlong", SHOW_LONG, false },
		{ "glsfmtfull", SHOW_FULL, false },
	};
	char low[24];
	size_t upper = 0;
	if (n < 2 || n >= sizeof(low))
		return false;
	for (size_t i = 0; i < n; i++) {
		low[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
		upper += s[i] >= 'A' && s[i] <= 'Z';
	}
	*caps = upper >= 2 && s[1] >= 'A' && s[1] <= 'Z' ? 2 : upper ? 1 : 0;
	if (upper && !(s[0] >= 'A' && s[0] <= 'Z'))
		return false; /* capitals only at the start: "\Gls", "\GLS", "\ACRshort" */
	for (size_t i = 0; i < sizeof(refs) / sizeof(*refs); i++) {
		if (is(low, n, refs[i].name)) {
			*what = refs[i].what;
			*plural = refs[i].plural;
			return true;
		}
	}
	return false;
}

/* Capitalise buf as caps says (1: its first letter, 2: every letter; Unicode's capitals). 0 or GG_ENOMEM. */
static int capitalise(gg_i_buf *buf, int caps)
{
	if (!caps || !buf->len)
		return 0;
	gg_i_buf out = GG_BUF_INIT;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)buf->ptr;
	size_t i = 0;
	bool done = false;
	while (i < buf->len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(buf->len - i), &c);
		if (n <= 0) { /* not UTF-8: as it is */
			gg_i_buf_putc(&out, buf->ptr[i++]);
			continue;
		}
		utf8proc_uint8_t enc[4];
		bool letter = utf8proc_category(c) >= UTF8PROC_CATEGORY_LU && utf8proc_category(c) <= UTF8PROC_CATEGORY_LO;
		if (!done && letter)
			c = utf8proc_toupper(c);
		done |= caps == 1 && letter;
		gg_i_buf_put(&out, (const char *)enc, (size_t)utf8proc_encode_char(c, enc));
		i += (size_t)n;
	}
	int err = gg_i_buf_ok(&out);
	if (!err) {
		gg_i_buf_clear(buf);
		gg_i_buf_put(buf, out.ptr ? out.ptr : "", out.len);
		err = gg_i_buf_ok(buf);
	}
	gg_i_buf_free(&out);
	return err;
}

/*
 * What entry e shows for a reference `what` (plural: its plural form) into
 * out. 0 or GG_ENOMEM.
 */
static int shown_text(lx_reader *r, uint32_t e, shown what, bool plural, gg_i_buf *out)
{
	const lx_entry *me = &r->entries[e];
	if (me->kind == LX_ACRONYM && what == SHOW_NAME)
		what = SHOW_SHORT;
	static const lx_form forms[] = { FORM_TEXT, FORM_SHORT, FORM_LONG, FORM_LONG, FORM_SYMBOL, FORM_DESC };
	lx_form f = what == SHOW_NAME && plural ? FORM_PLURAL : forms[what];
	const char *text = form_of(r, e, f);
	gg_i_buf_clear(out);
	if (!text)
		return gg_i_error_oom();
	if (!within_budget(r, strlen(text))) { /* its key instead */
		span key = r->entries[e].key;
		if (key.a != NONE)
			gg_i_buf_put(out, r->t + key.a, key.b - key.a);
		return gg_i_buf_ok(out);
	}
	gg_i_buf_puts(out, text);
	if (plural && f != FORM_PLURAL)
		gg_i_buf_putc(out, 's');
	if (what == SHOW_FULL && r->entries[e].shortf.a != NONE) {
		const char *abbr = form_of(r, e, FORM_SHORT);
		if (!abbr)
			return gg_i_error_oom();
		gg_i_buf_puts(out, " (");
		gg_i_buf_puts(out, abbr);
		gg_i_buf_putc(out, ')');
	}
	return gg_i_buf_ok(out);
}

/*
 * Shown text, in place of the command at [at, last] that stands for it,
 * then (in a definition) an editor link from it to `target` (NULL: none).
 */
static int emit_link(gg_i_markup_sink *k, const gg_i_buf *text, size_t at, size_t last, const char *target,
		     size_t target_len)
{
	size_t from = k->rec ? gg_i_record_mark(k->rec) : 0;
	gg_i_markup_emit_elsewhere(k, text->ptr ? text->ptr : "", text->len, at, last);
	if (!k->rec || !target || !target_len || target_len > GG_MARKUP_MAX_TARGET)
		return 0;
	return gg_i_markup_xref(k->rec, target, target_len, from);
}

/* The target of a link to key s: its entry's term, else the key as written. */
static const char *link_target(lx_reader *r, span s, size_t *len)
{
	uint32_t e;
	span key = unbrace(r, s);
	if (find_key(r, &r->keys, key, &e)) {
		const char *term = term_of(r, e);
		*len = term ? strlen(term) : 0;
		return term;
	}
	*len = key.b - key.a;
	return r->t + key.a;
}

/*
 * A reference "\gls[options]{key}[insert]" whose name is at [i + 1, w):
 * rendered into k, the position after it returned; NONE when it has no key.
 */
static size_t render_ref(lx_reader *r, gg_i_markup_sink *k, size_t i, size_t w, size_t end, shown what,
			 bool plural, int caps, int depth, int *err)
{
	span key, insert;
	size_t p = braced(r, skip_options(r, w, end), end, &key), q;
	if (p == NONE)
		return NONE;
	bool has_insert = (q = bracketed(r, p, end, &insert)) != NONE && r->t[p] == '[';
	uint32_t e;
	gg_i_buf text = GG_BUF_INIT;
	span k_span = unbrace(r, key);
	if (find_key(r, &r->keys, k_span, &e)) {
		*err = shown_text(r, e, what, plural, &text);
	} else {
		gg_i_buf_put(&text, r->t + k_span.a, k_span.b - k_span.a);
		*err = gg_i_buf_ok(&text);
	}
	if (!*err && !(*err = capitalise(&text, caps))) {
		size_t len;
		const char *target = link_target(r, key, &len);
		*err = target ? emit_link(k, &text, i, p - 1, target, len) : gg_i_error_oom();
	}
	gg_i_buf_free(&text);
	if (!*err && has_insert) {
		*err = render(r, k, insert.a, insert.b, depth + 1);
		p = q;
	}
	return p;
}

/*
 * Commands whose first `hide` arguments show nothing (a footnote, a
 * citation, a label, a colour), and whose next `show` ones are text.
 */
static const struct {
	const char *name;
	unsigned char hide, show;
} arg_commands[] = {
	{ "footnote", 1, 0 }, { "footnotetext", 1, 0 }, { "footnotemark", 0, 0 }, { "cite", 1, 0 },
	{ "citep", 1, 0 }, { "citet", 1, 0 }, { "parencite", 1, 0 }, { "textcite", 1, 0 }, { "autocite", 1, 0 },
	{ "nocite", 1, 0 }, { "label", 1, 0 }, { "index", 1, 0 }, { "glsadd", 1, 0 }, { "glsaddall", 0, 0 },
	{ "glssee", 2, 0 }, { "glsunset", 1, 0 }, { "glsreset", 1, 0 }, { "acused", 1, 0 },
	{ "acroextra", 1, 0 }, { "acresetall", 0, 0 }, { "glsunsetall", 0, 0 }, { "vspace", 1, 0 }, { "hspace", 1, 0 }, { "includegraphics", 1, 0 },
	{ "marginpar", 1, 0 }, { "todo", 1, 0 }, { "pageref", 1, 0 }, { "hypersetup", 1, 0 },
	{ "setlength", 2, 0 }, { "addtocounter", 2, 0 }, { "setcounter", 2, 0 }, { "caption", 1, 0 },
	{ "phantom", 1, 0 }, { "color", 1, 0 }, { "usepackage", 1, 0 }, { "documentclass", 1, 0 },
	{ "rule", 2, 0 }, { "input", 1, 0 }, { "include", 1, 0 }, { "subfile", 1, 0 },
	{ "loadglsentries", 1, 0 }, { "textcolor", 1, 1 }, { "colorbox", 1, 1 }, { "fcolorbox", 2, 1 },
	{ "foreignlanguage", 1, 1 }, { "href", 1, 1 }, { "hypertarget", 1, 1 }, { "raisebox", 1, 1 },
	{ "resizebox", 2, 1 }, { "scalebox", 1, 1 }, { "parbox", 1, 1 }, { "makebox", 0, 1 },
};

/* Commands whose argument is program text, shown as code. */
static const char *const code_commands[] = {
	"texttt", "code", "path", "url", "nolinkurl", "file", "filename", "command", "cmd", "option", "env",
	"mintinline", "inlinecode", "keyword", "lstinline", NULL
};

/* Environments whose text is math, shown as code. */
static const char *const math_envs[] = {
	"equation", "equation*", "align", "align*", "gather", "gather*", "multline", "multline*", "math",
	"displaymath", "eqnarray", "eqnarray*", NULL
};

/* What a command without arguments stands for ("\ldots"), or NULL. */
static const char *glyph(const char *s, size_t n)
{
	static const char *const glyphs[][2] = {
		{ "ldots", "\xE2\x80\xA6" }, { "dots", "\xE2\x80\xA6" }, { "textellipsis", "\xE2\x80\xA6" },
		{ "textendash", "\xE2\x80\x93" }, { "textemdash", "\xE2\x80\x94" }, { "textbullet", "\xE2\x80\xA2" },
		{ "S", "\xC2\xA7" }, { "P", "\xC2\xB6" }, { "copyright", "\xC2\xA9" }, { "textcopyright", "\xC2\xA9" },
		{ "textregistered", "\xC2\xAE" }, { "texttrademark", "\xE2\x84\xA2" }, { "pounds", "\xC2\xA3" },
		{ "euro", "\xE2\x82\xAC" }, { "texteuro", "\xE2\x82\xAC" }, { "textdegree", "\xC2\xB0" },
		{ "textbackslash", "\\" }, { "textasciitilde", "~" }, { "textasciicircum", "^" },
		{ "textunderscore", "_" }, { "textbar", "|" }, { "textless", "<" }, { "textgreater", ">" },
		{ "textquotedblleft", "\xE2\x80\x9C" }, { "textquotedblright", "\xE2\x80\x9D" },
		{ "textquoteleft", "\xE2\x80\x98" }, { "textquoteright", "\xE2\x80\x99" },
		{ "guillemotleft", "\xC2\xAB" }, { "guillemotright", "\xC2\xBB" }, { "textquotedbl", "\"" },
		{ "TeX", "TeX" }, { "LaTeX", "LaTeX" }, { "LaTeXe", "LaTeX2e" }, { "BibTeX", "BibTeX" },
		{ "slash", "/" }, { "textperiodcentered", "\xC2\xB7" }, { "dag", "\xE2\x80\xA0" },
		{ "ddag", "\xE2\x80\xA1" }, { "textdagger", "\xE2\x80\xA0" }, { "textexclamdown", "\xC2\xA1" },
		{ "textquestiondown", "\xC2\xBF" }, { "i", "\xC4\xB1" }, { "j", "\xC8\xB7" }, { "ng", "\xC5\x8B" },
		{ "NG", "\xC5\x8A" }, { "glqq", "\xE2\x80\x9E" }, { "grqq", "\xE2\x80\x9C" },
		{ "glq", "\xE2\x80\x9A" }, { "grq", "\xE2\x80\x98" }, { "flqq", "\xC2\xAB" }, { "frqq", "\xC2\xBB" },
		{ "flq", "\xE2\x80\xB9" }, { "frq", "\xE2\x80\xBA" }, { "og", "\xC2\xAB " }, { "fg", " \xC2\xBB" },
		{ "quad", " " }, { "qquad", " " }, { "newline", " " }, { "linebreak", " " },
		{ "par", " " }, { "enspace", " " }, { "space", " " },
	};
	/* math's Greek letters, as a symbol's name writes them ("$\pi$") */
	static const char *const greek[][2] = {
		{ "alpha", "\xCE\xB1" }, { "Alpha", "\xCE\x91" }, { "beta", "\xCE\xB2" }, { "Beta", "\xCE\x92" },
		{ "gamma", "\xCE\xB3" }, { "Gamma", "\xCE\x93" }, { "delta", "\xCE\xB4" }, { "Delta", "\xCE\x94" },
		{ "epsilon", "\xCE\xB5" }, { "Epsilon", "\xCE\x95" }, { "zeta", "\xCE\xB6" }, { "Zeta", "\xCE\x96" },
		{ "eta", "\xCE\xB7" }, { "Eta", "\xCE\x97" }, { "theta", "\xCE\xB8" }, { "Theta", "\xCE\x98" },
		{ "iota", "\xCE\xB9" }, { "Iota", "\xCE\x99" }, { "kappa", "\xCE\xBA" }, { "Kappa", "\xCE\x9A" },
		{ "lambda", "\xCE\xBB" }, { "Lambda", "\xCE\x9B" }, { "mu", "\xCE\xBC" }, { "Mu", "\xCE\x9C" },
		{ "nu", "\xCE\xBD" }, { "Nu", "\xCE\x9D" }, { "xi", "\xCE\xBE" }, { "Xi", "\xCE\x9E" },
		{ "omicron", "\xCE\xBF" }, { "Omicron", "\xCE\x9F" }, { "pi", "\xCF\x80" }, { "Pi", "\xCE\xA0" },
		{ "rho", "\xCF\x81" }, { "Rho", "\xCE\xA1" }, { "varsigma", "\xCF\x82" }, { "sigma", "\xCF\x83" },
		{ "Sigma", "\xCE\xA3" }, { "tau", "\xCF\x84" }, { "Tau", "\xCE\xA4" }, { "upsilon", "\xCF\x85" },
		{ "Upsilon", "\xCE\xA5" }, { "phi", "\xCF\x86" }, { "Phi", "\xCE\xA6" }, { "chi", "\xCF\x87" },
		{ "Chi", "\xCE\xA7" }, { "psi", "\xCF\x88" }, { "Psi", "\xCE\xA8" }, { "omega", "\xCF\x89" },
		{ "Omega", "\xCE\xA9" },
	};
	for (size_t i = 0; i < sizeof(glyphs) / sizeof(*glyphs); i++)
		if (is(s, n, glyphs[i][0]))
			return glyphs[i][1];
	for (size_t i = 0; i < sizeof(greek) / sizeof(*greek); i++)
		if (is(s, n, greek[i][0]))
			return greek[i][1];
	return gg_i_markup_tex_letter(s, n);
}

/* The combining mark of an accent command ("\'", "\c", "\v"...), or 0. */
static int32_t accent_mark(const char *s, size_t n)
{
	static const struct {
		const char *name;
		int32_t mark;
	} accents[] = {
		{ "'", 0x301 }, { "`", 0x300 }, { "^", 0x302 }, { "\"", 0x308 }, { "~", 0x303 }, { "=", 0x304 },
		{ ".", 0x307 }, { "H", 0x30B }, { "v", 0x30C }, { "u", 0x306 }, { "c", 0x327 }, { "k", 0x328 },
		{ "r", 0x30A }, { "d", 0x323 }, { "b", 0x331 }, { "t", 0x361 },
	};
	for (size_t i = 0; i < sizeof(accents) / sizeof(*accents); i++)
		if (is(s, n, accents[i].name))
			return accents[i].mark;
	return 0;
}

/*
 * An accent command at i (its name [i + 1, w)) over the letter after it
 * ("\'e", "\'{e}", "\c c", "\'{\i}"): rendered, the position after it
 * returned; NONE when no letter follows.
 */
static size_t render_accent(lx_reader *r, gg_i_markup_sink *k, size_t i, size_t w, size_t end, int32_t mark,
			    int depth, int *err)
{
	size_t base = w, base_end;
	span arg;
	if (is_letter(r->t[i + 1]))
		base = skip_blank(r, w, end);
	if (base >= end)
		return NONE;
	if (r->t[base] == '{') {
		if ((base_end = braced(r, base, end, &arg)) == NONE)
			return NONE;
	} else if (r->t[base] == '\\') {
		arg = (span){ base, name_end(r, base + 1) };
		base_end = arg.b;
	} else {
		size_t e = base + 1;
		while (e < end && ((unsigned char)r->t[e] & 0xC0) == 0x80)
			e++;
		arg = (span){ base, e };
		base_end = e;
	}
	gg_i_buf letter = GG_BUF_INIT;
	*err = render_to(r, arg.a, arg.b, depth + 1, &letter);
	if (!*err) {
		/* a dotless i or j under an accent is the letter itself: "\'{\i}" is "í" */
		bool dotless_i = letter.len == 2 && memcmp(letter.ptr, "\xC4\xB1", 2) == 0;
		if (dotless_i || (letter.len == 2 && memcmp(letter.ptr, "\xC8\xB7", 2) == 0)) {
			char plain = dotless_i ? 'i' : 'j';
			gg_i_buf_clear(&letter);
			gg_i_buf_putc(&letter, plain);
		}
		gg_i_markup_emit_accented(k, letter.ptr ? letter.ptr : "", letter.len, mark, i, base_end - 1);
	}
	gg_i_buf_free(&letter);
	return base_end;
}

static int render_code(lx_reader *r, gg_i_markup_sink *k, size_t a, size_t b, int depth);
static const char *glyph(const char *s, size_t n);

/*
 * Math [a, b): code in a definition, as written (with a comment in it,
 * rendered); in a name (a symbol's, "$\pi$") its letters rendered, or all
 * of it as written when it has another command.
 */
static int math(lx_reader *r, gg_i_markup_sink *k, size_t a, size_t b, int depth)
{
	if (a >= b)
		return 0;
	if (k->rec && comment_at(r, a, b) == NONE) {
		gg_i_markup_code(k, r->t + a, b - a, a);
		return 0;
	}
	if (k->rec)
		return render_code(r, k, a, b, depth);
	for (size_t i = a; i < b; i++) { /* "$\hat{x}$", "$\le$": as written (else x, and nothing) */
		if (r->t[i] != '\\')
			continue;
		size_t w = name_end(r, i + 1);
		if (is_letter(r->t[i + 1]) ? !glyph(r->t + i + 1, w - i - 1) : !strchr(",;:! ", r->t[i + 1])) {
			gg_i_markup_emit(k, r->t + a, b - a, a);
			return 0;
		}
		i = w - 1;
	}
	r->code++;
	int err = render(r, k, a, b, depth + 1);
	r->code--;
	return err;
}

/* Text [a, b) as code: as written, or rendered when it holds commands or comments, placed within it. */
static int render_code(lx_reader *r, gg_i_markup_sink *k, size_t a, size_t b, int depth)
{
	if (a == b)
		return 0;
	if (!memchr(r->t + a, '\\', b - a) && comment_at(r, a, b) == NONE) {
		gg_i_markup_code(k, r->t + a, b - a, a);
		return 0;
	}
	gg_i_buf code = GG_BUF_INIT;
	r->code++;
	int err = render_to(r, a, b, depth + 1, &code);
	r->code--;
	size_t last = gg_i_markup_last_char(r->t, a, b);
	if (!err && k->rec) {
		gg_i_record_text(k->rec, "`", 1, a);
		gg_i_markup_emit_elsewhere(k, code.ptr ? code.ptr : "", code.len, a, last);
		gg_i_record_text(k->rec, "`", 1, last);
	} else if (!err) {
		gg_i_buf_put(k->out, code.ptr ? code.ptr : "", code.len);
	}
	gg_i_buf_free(&code);
	return err;
}

/*
 * The environment "\begin{name}" whose name is arg, at i (after it: p):
 * rendered into k to its "\end" (math, verbatim) or its arguments
 * skipped (the rest is text); the position after what was read.
 */
static size_t render_begin(lx_reader *r, gg_i_markup_sink *k, size_t i, span arg, size_t p, size_t end)
{
	size_t a, b, e;
	const char *name = r->t + arg.a;
	size_t n = arg.b - arg.a;
	if ((e = verbatim_env(r, i, &a, &b)) != NONE) {
		if (e > end)
			e = b = end;
		gg_i_markup_trim(r->t, &a, &b);
		if (!is(name, n, "comment") && a < b)
			gg_i_markup_code(k, r->t + a, b - a, a);
		return e;
	}
	if (one_of(name, n, math_envs)) {
		char close[32];
		int len = snprintf(close, sizeof(close), "\\end{%.*s}", (int)n, name);
		size_t found = len > 0 ? find_text(r, p, end, close, (size_t)len) : NONE;
		a = p;
		b = found != NONE ? found : end;
		gg_i_markup_trim(r->t, &a, &b);
		if (a < b)
			gg_i_markup_code(k, r->t + a, b - a, a);
		return found != NONE ? found + (size_t)len : end;
	}
	gg_i_markup_emit(k, " ", 1, i);
	span skipped;
	p = skip_options(r, p, end);
	/* the arguments that are no text: a table's columns, a box's width, a listing's language */
	if ((is(name, n, "tabular") || is(name, n, "tabularx") || is(name, n, "minipage") || is(name, n, "longtable") ||
	     is(name, n, "tabular*")) &&
	    (e = braced(r, p, end, &skipped)) != NONE) {
		p = e;
		if ((is(name, n, "tabularx") || is(name, n, "tabular*")) && (e = braced(r, p, end, &skipped)) != NONE)
			p = e;
	}
	return p;
}

/*
 * Command "\name" at i (name [i + 1, w)) rendered into k, in text that
 * ends at `end`; the position after what it took.
 */
static size_t render_command(lx_reader *r, gg_i_markup_sink *k, size_t i, size_t w, size_t end, int depth,
			     int *err)
{
	const char *t = r->t, *name = t + i + 1;
	size_t n = w - i - 1, p, q;
	span arg, arg2;
	shown what;
	bool plural;
	int caps;
	int32_t mark;
	const char *g;
	uint32_t macro;
	if (!is_letter(name[0])) { /* a control symbol */
		char c = name[0];
		if (c == '\\') { /* a line break, with its optional "*" and "[length]" */
			gg_i_markup_emit(k, " ", 1, i);
			return skip_options(r, w, end);
		}
		if (strchr("{}%&$#_", c)) {
			gg_i_markup_emit(k, name, 1, i + 1);
			return w;
		}
		if (strchr(",;: ", c)) {
			gg_i_markup_emit(k, " ", 1, i);
			return w;
		}
		if ((mark = accent_mark(name, 1)) && (p = render_accent(r, k, i, w, end, mark, depth, err)) != NONE)
			return p;
		if (c == '(' || c == '[') { /* math: "\(x\)", "\[x\]" */
			size_t found = find_text(r, w, end, c == '(' ? "\\)" : "\\]", 2);
			size_t a = w, b = found != NONE ? found : end;
			gg_i_markup_trim(t, &a, &b);
			*err = math(r, k, a, b, depth);
			return found != NONE ? found + 2 : end;
		}
		return w; /* "\-", "\/", "\@", "\!": nothing */
	}
	/* after a control word, TeX takes the spaces that follow as part of it */
	size_t after = w;
	while (after < end && (t[after] == ' ' || t[after] == '\t'))
		after++;
	if ((p = verb_span(r, i, &q, &arg.b)) != NONE && p <= end) {
		gg_i_markup_code(k, t + q, arg.b - q, q);
		return p;
	}
	/* the file's own macros first: "\renewcommand{\P}{...}" is no pilcrow */
	if (find_key(r, &r->macros, (span){ i + 1, w }, &macro)) {
		span body = r->bodies[macro].body;
		if (depth >= MAX_DEPTH || r->bodies[macro].busy || !within_budget(r, body.b - body.a + 1)) {
			r->cut = true;
			gg_i_markup_emit(k, t + i, w - i, i);
		} else {
			r->bodies[macro].busy = true;
			*err = render(r, k, body.a, body.b, depth + 1);
			r->bodies[macro].busy = false;
		}
		return after < end && t[after] == '{' && after + 1 < end && t[after + 1] == '}' ? after + 2 : after;
	}
	if (ref_command(name, n, &what, &plural, &caps) &&
	    (p = render_ref(r, k, i, w, end, what, plural, caps, depth, err)) != NONE)
		return p;
	if ((is(name, n, "glslink") || is(name, n, "glsdisp") || is(name, n, "Glslink") || is(name, n, "Glsdisp")) &&
	    (p = braced(r, skip_options(r, w, end), end, &arg)) != NONE && (q = braced(r, p, end, &arg2)) != NONE) {
		size_t from = k->rec ? gg_i_record_mark(k->rec) : 0, len;
		*err = render(r, k, arg2.a, arg2.b, depth + 1);
		const char *target = *err ? NULL : link_target(r, arg, &len);
		if (!*err && k->rec && target && len && len <= GG_MARKUP_MAX_TARGET)
			*err = gg_i_markup_xref(k->rec, target, len, from);
		return q;
	}
	if (is(name, n, "glshyperlink") && (p = braced(r, skip_options(r, w, end), end, &arg)) != NONE) {
		span text; /* "\glshyperlink[the cache]{cache}": its text, else the entry's */
		size_t from = k->rec ? gg_i_record_mark(k->rec) : 0, len;
		if (bracketed(r, w, end, &text) != NONE) {
			*err = render(r, k, text.a, text.b, depth + 1);
		} else {
			const char *term = link_target(r, arg, &len);
			gg_i_markup_emit_elsewhere(k, term ? term : "", term ? len : 0, i, p - 1);
		}
		const char *target = *err ? NULL : link_target(r, arg, &len);
		if (!*err && k->rec && target && len && len <= GG_MARKUP_MAX_TARGET)
			*err = gg_i_markup_xref(k->rec, target, len, from);
		return p;
	}
	if ((is(name, n, "ref") || is(name, n, "eqref") || is(name, n, "autoref") || is(name, n, "nameref") || is(name, n, "cref") ||
	     is(name, n, "Cref")) &&
	    (p = braced(r, skip_options(r, w, end), end, &arg)) != NONE) {
		uint32_t e;
		if (!r->glossary && find_key(r, &r->keys, unbrace(r, arg), &e)) { /* a label of an item: its term */
			const char *term = term_of(r, e);
			gg_i_buf text = GG_BUF_INIT;
			gg_i_buf_puts(&text, term ? term : "");
			*err = term ? emit_link(k, &text, i, p - 1, term, strlen(term)) : gg_i_error_oom();
			gg_i_buf_free(&text);
		}
		return p; /* another shows a number, which the text has not */
	}
	if ((is(name, n, "hyperref") && (p = bracketed(r, w, end, &arg)) != NONE && (q = braced(r, p, end, &arg2)) != NONE) ||
	    (is(name, n, "hyperlink") && (p = braced(r, w, end, &arg)) != NONE && (q = braced(r, p, end, &arg2)) != NONE)) {
		size_t from = k->rec ? gg_i_record_mark(k->rec) : 0;
		uint32_t e;
		*err = render(r, k, arg2.a, arg2.b, depth + 1);
		if (!*err && k->rec && !r->glossary && find_key(r, &r->keys, unbrace(r, arg), &e)) {
			const char *term = term_of(r, e);
			*err = term ? gg_i_markup_xref(k->rec, term, strlen(term), from) : gg_i_error_oom();
		}
		return q;
	}
	if (is(name, n, "begin") && (p = braced(r, w, end, &arg)) != NONE)
		return render_begin(r, k, i, unbrace(r, arg), p, end);
	if (is(name, n, "end") && (p = braced(r, w, end, &arg)) != NONE) {
		gg_i_markup_emit(k, " ", 1, i);
		return p;
	}
	if (is(name, n, "item")) {
		gg_i_markup_emit(k, " ", 1, i);
		if ((p = bracketed(r, w, end, &arg)) != NONE) {
			*err = render(r, k, arg.a, arg.b, depth + 1);
			return p;
		}
		return after;
	}
	if (contains(name, n, "cite") || contains(name, n, "Cite")) { /* "\citeauthor", "\footcite", "\cites"... */
		p = skip_options(r, w, end);
		while ((q = braced(r, p, end, &arg)) != NONE)
			p = skip_options(r, q, end);
		return p > w ? p : after;
	}
	for (size_t c = 0; c < sizeof(arg_commands) / sizeof(*arg_commands); c++) {
		if (!is(name, n, arg_commands[c].name))
			continue;
		p = skip_options(r, w, end);
		for (int h = 0; h < arg_commands[c].hide && (q = braced(r, p, end, &arg)) != NONE; h++)
			p = skip_options(r, q, end);
		for (int s = 0; s < arg_commands[c].show && !*err && (q = braced(r, p, end, &arg)) != NONE; s++) {
			*err = render(r, k, arg.a, arg.b, depth + 1);
			p = q;
		}
		return p > w ? p : after;
	}
	if (one_of(name, n, code_commands)) {
		if (is(name, n, "mintinline") && (p = braced(r, skip_options(r, w, end), end, &arg)) != NONE)
			w = p; /* its language */
		if ((p = braced(r, skip_options(r, w, end), end, &arg)) == NONE)
			return after;
		if (url_arg(r, i, &q, &q) != NONE && arg.a < arg.b) /* a URL as written */
			gg_i_markup_code(k, t + arg.a, arg.b - arg.a, arg.a);
		else
			*err = render_code(r, k, arg.a, arg.b, depth);
		return p;
	}
	if (n == 1 && (mark = accent_mark(name, 1)) && (p = render_accent(r, k, i, w, end, mark, depth, err)) != NONE)
		return p;
	if ((g = glyph(name, n))) {
		gg_i_markup_emit_elsewhere(k, g, strlen(g), i, w - 1);
		return after < end && t[after] == '{' && after + 1 < end && t[after + 1] == '}' ? after + 2 : after;
	}
	if ((is(name, n, "SI") || is(name, n, "qty")) && (p = braced(r, skip_options(r, w, end), end, &arg)) != NONE &&
	    (q = braced(r, p, end, &arg2)) != NONE) { /* siunitx: "\SI{3}{MB}" reads "3 MB" */
		*err = render(r, k, arg.a, arg.b, depth + 1);
		gg_i_markup_emit(k, " ", 1, p);
		*err = *err ? *err : render(r, k, arg2.a, arg2.b, depth + 1);
		return q;
	}
	if (is(name, n, "ensuremath") && (p = braced(r, w, end, &arg)) != NONE) {
		*err = math(r, k, arg.a, arg.b, depth);
		return p;
	}
	if (is(name, n, "textsuperscript") && (p = braced(r, w, end, &arg)) != NONE) {
		if (!memchr(t + arg.a, '\\', arg.b - arg.a))
			gg_i_markup_exponent(k, t + arg.a, arg.b - arg.a); /* "10\textsuperscript{3}" reads "10^3" */
		*err = render(r, k, arg.a, arg.b, depth + 1);
		return p;
	}
	if (is(name, n, "enquote") && (p = braced(r, w, end, &arg)) != NONE) {
		gg_i_markup_emit_elsewhere(k, "\xE2\x80\x9C", 3, i, w);
		*err = render(r, k, arg.a, arg.b, depth + 1);
		gg_i_markup_emit_elsewhere(k, "\xE2\x80\x9D", 3, p - 1, p - 1);
		return p;
	}
	/* another command ("\emph", "\textbf", a macro with arguments...): its arguments' text */
	p = w;
	if (p < end && t[p] == '*')
		p++;
	if (p < end && t[p] == '[' && (q = bracketed(r, p, end, &arg)) != NONE)
		p = q;
	if (p >= end || t[p] != '{')
		return after;
	while (!*err && p < end && t[p] == '{' && (q = braced(r, p, end, &arg)) != NONE) {
		*err = render(r, k, arg.a, arg.b, depth + 1);
		p = q;
	}
	return p;
}

/*
 * Text [a, b) rendered into k: commands as What is read says, comments
 * left out, braces dropped, "``" and "''" as quotes, "--" and "---" as
 * dashes, "~" a space, math as code.
 */
static int render(lx_reader *r, gg_i_markup_sink *k, size_t a, size_t b, int depth)
{
	const char *t = r->t;
	size_t i = a, run = a; /* t[run, i) is plain text not yet emitted */
	int err = 0;
#define FLUSH() do { if (i > run) gg_i_markup_emit(k, t + run, i - run, run); } while (0)
	if (depth > MAX_DEPTH) {
		r->cut = true;
		gg_i_markup_emit(k, t + a, b - a, a);
		return 0;
	}
	size_t math_miss = a; /* where a search for a closing '$' ended empty */
	while (i < b && !err) {
		char c = t[i], next = i + 1 < b ? t[i + 1] : '\0';
		if (c == '\\' && i + 1 < b) {
			FLUSH();
			size_t w = name_end(r, i + 1);
			i = run = render_command(r, k, i, w > b ? b : w, b, depth, &err);
		} else if (c == '%') {
			FLUSH();
			i = past_line_end(r, comment_end(r, i)); /* the line end and the next line's indent go with it */
			while (i < b && (t[i] == ' ' || t[i] == '\t'))
				i++;
			if (i > b)
				i = b;
			run = i;
		} else if (c == '{' || c == '}') {
			FLUSH();
			run = ++i;
		} else if (c == '$') {
			FLUSH();
			bool display = next == '$';
			size_t from = i + 1 + display, limit, j;
			j = gg_i_markup_search_from(from - 1, b, math_miss, &limit);
			for (; j < limit && t[j] != '$'; j++) {
				if (t[j] == '\\')
					j++;
				else if (t[j] == '%')
					j = comment_end(r, j);
			}
			if (j >= limit) {
				math_miss = j;
				gg_i_markup_emit(k, "$", 1, i);
				run = ++i;
				continue;
			}
			size_t x = from, y = j;
			gg_i_markup_trim(t, &x, &y);
			err = math(r, k, x, y, depth);
			i = run = j + 1 + (display && j + 1 < b && t[j + 1] == '$');
		} else if (c == '~' && !r->code) {
			FLUSH();
			gg_i_markup_emit(k, " ", 1, i);
			run = ++i;
		} else if (c == '&' && !r->code) { /* a table's cells */
			FLUSH();
			gg_i_markup_emit(k, " ", 1, i);
			run = ++i;
		} else if (!r->code && ((c == '`' && next == '`') || (c == '\'' && next == '\''))) {
			FLUSH();
			gg_i_markup_emit_elsewhere(k, c == '`' ? "\xE2\x80\x9C" : "\xE2\x80\x9D", 3, i, i + 1);
			i = run = i + 2;
		} else if (!r->code && c == '-' && next == '-') {
			FLUSH();
			bool em = i + 2 < b && t[i + 2] == '-';
			gg_i_markup_emit_elsewhere(k, em ? "\xE2\x80\x94" : "\xE2\x80\x93", 3, i, i + 1 + em);
			i = run = i + 2 + em;
		} else {
			i++;
		}
	}
	if (!err)
		FLUSH();
#undef FLUSH
	return err;
}

/* The entries that the keys of entry e name: its alias's and its parent's. */
static void resolve(lx_reader *r, uint32_t e)
{
	lx_entry *me = &r->entries[e];
	uint32_t other;
	if (me->alias.a != NONE && find_key(r, &r->keys, me->alias, &other) && other != e &&
	    r->entries[other].alias.a == NONE) {
		me->alias_of = other;
		me->next_alias = r->entries[other].first_alias;
		r->entries[other].first_alias = e;
	}
	if (me->parent.a != NONE && find_key(r, &r->keys, me->parent, &other) && other != e) {
		me->parent_of = other;
		r->entries[other].has_children = true;
	}
}

/* Whether entry e has a description of its own (not only "\nopostdesc"). */
static bool described(const lx_reader *r, const lx_entry *me)
{
	span d = me->description;
	if (d.a == NONE)
		return false;
	for (size_t i = d.a; i < d.b; i++) {
		if (is_blank(r->t[i]) || r->t[i] == '{' || r->t[i] == '}')
			continue;
		if (r->t[i] == '\\') {
			size_t w = name_end(r, i + 1);
			if (is(r->t + i + 1, w - i - 1, "nopostdesc") || is(r->t + i + 1, w - i - 1, "glsxtrnopostpunc")) {
				i = w - 1;
				continue;
			}
		}
		return true;
	}
	return false;
}

/* Entry e's names into rec: its term (an acronym's long form), and an acronym's short form as its abbreviation. 0 or GG_ENOMEM. */
static int record_names(lx_reader *r, gg_i_record *rec, uint32_t e)
{
	const char *term = term_of(r, e), *abbrev = "";
	if (term && r->entries[e].kind == LX_ACRONYM && r->entries[e].shortf.a != NONE)
		abbrev = form_of(r, e, FORM_SHORT);
	if (!term || !abbrev)
		return gg_i_error_oom();
	if (*term)
		gg_i_record_name(rec, term, strlen(term));
	if (*abbrev)
		gg_i_record_abbrev(rec, abbrev, strlen(abbrev));
	return 0;
}

/*
 * The editor links of a "see" or "seealso" value ("[see also]{a,b}" or
 * "a,b"): stated relations; or, for an entry with no description of its
 * own (`as_text`), its text, "See A, B.", each name linked, placed at its
 * key in the file.
 */
static int see_links(lx_reader *r, gg_i_record *rec, span s, bool as_text)
{
	span tag, list = s;
	size_t p, n = 0;
	int err = 0;
	if (s.a == NONE)
		return 0;
	if ((p = bracketed(r, s.a, s.b, &tag)) != NONE)
		list = unbrace(r, (span){ p, s.b });
	gg_i_markup_sink sink = { rec, NULL };
	span item;
	size_t from = list.a;
	while (!err && next_item(r, &from, list.b, &item)) {
		size_t len;
		const char *target = item.b > item.a ? link_target(r, item, &len) : NULL;
		if (item.b > item.a && !target) {
			err = gg_i_error_oom();
		} else if (target && len && len <= GG_MARKUP_MAX_TARGET) {
			if (as_text)
				gg_i_markup_emit_elsewhere(&sink, n ? ", " : "See ", n ? 2 : 4, item.a, item.b - 1);
			size_t mark = gg_i_record_mark(rec);
			if (as_text)
				gg_i_markup_emit_elsewhere(&sink, target, len, item.a, item.b - 1);
			err = gg_i_markup_xref(rec, target, len, mark);
			n++;
		}
	}
	if (as_text && n)
		gg_i_markup_emit_elsewhere(&sink, ".", 1, list.b - 1, list.b - 1);
	return err;
}

/* Entry e into the glossary (an alias or a heading is no entry of its own). 0 or an error. */
static int read_entry(lx_reader *r, uint32_t e)
{
	lx_entry *me = &r->entries[e];
	uint32_t owner;
	if (me->alias_of != UINT32_MAX || (me->has_children && !described(r, me)))
		return 0;
	if (me->provided && find_key(r, &r->keys, me->key, &owner) && owner != e)
		return 0; /* "\provideglossaryentry" of a key defined already */
	gg_i_record rec;
	gg_i_buf scratch = GG_BUF_INIT;
	gg_i_markup_sink sink = { &rec, NULL };
	gg_i_record_init(&rec, r->src, me->at);
	rec.keep_undefined = me->kind == LX_ACRONYM || me->term_only; /* an acronym spelt out is a term */
	int err = record_names(r, &rec, e);
	for (uint32_t x = r->entries[e].first_alias; x != UINT32_MAX && !err; x = r->entries[x].next_alias)
		err = record_names(r, &rec, x);
	me = &r->entries[e];
	const char *category = NULL;
	span type = me->type;
	uint32_t title;
	if (!err && me->parent_of != UINT32_MAX && form_span(me, FORM_TERM).a != NONE &&
	    !described(r, &r->entries[me->parent_of]))
		category = term_of(r, me->parent_of);
	else if (!err && me->kind == LX_ITEM && me->category != NONE &&
		 r->titles[me->category].text.b - r->titles[me->category].text.a <= MAX_TITLE &&
		 !(err = render_to(r, r->titles[me->category].text.a, r->titles[me->category].text.b, 0, &scratch)))
		category = scratch.ptr ? scratch.ptr : "";
	else if (!err && type.a != NONE && find_key(r, &r->types, type, &title) && r->type_titles[title].a != NONE &&
		 !(err = render_to(r, r->type_titles[title].a, r->type_titles[title].b, 0, &scratch)))
		category = scratch.ptr ? scratch.ptr : "";
	if (category)
		gg_i_markup_category(&rec, category, strlen(category));
	me = &r->entries[e];
	span d = me->description;
	bool own = d.a != NONE && described(r, me);
	if (!err && own)
		err = render(r, &sink, d.a, d.b, 0);
	me = &r->entries[e];
	span see = me->see, seealso = me->seealso;
	/* "description={}, see={x}": "See x." (an acronym has its long form for a meaning) */
	err = err ? err : see_links(r, &rec, see, !own && !rec.keep_undefined);
	err = err ? err : see_links(r, &rec, seealso, false);
	for (uint32_t j = r->entries[e].first_see; j != UINT32_MAX && !err; j = r->sees[j].next)
		err = see_links(r, &rec, r->sees[j].keys, false);
	err = err ? err : gg_i_record_finish(&rec);
	gg_i_record_free(&rec);
	gg_i_buf_free(&scratch);
	return err;
}

/*
 * The categories of the items: the titles at the level that sorts them
 * (another title above that level ends one). Each item holds the last
 * title before it; titles are in text order. 0 or GG_ENOMEM.
 */
static int item_categories(lx_reader *r, int level)
{
	size_t *named = malloc((r->n_titles ? r->n_titles : 1) * sizeof(*named)); /* the category under each title */
	if (!named)
		return gg_i_error_oom();
	size_t current = NONE;
	for (size_t k = 0; k < r->n_titles; k++) {
		if (r->titles[k].level == level)
			current = k;
		else if (r->titles[k].level < level)
			current = NONE;
		named[k] = current;
	}
	for (size_t e = 0; e < r->n_entries; e++) {
		lx_entry *me = &r->entries[e];
		me->category = level >= 0 && me->category != NONE ? named[me->category] : NONE;
	}
	free(named);
	return 0;
}

int gg_i_read_latex(gg_glossary *g, const char *name, char *data, size_t len)
{
	gg_i_source src;
	lx_reader r;
	size_t titles[LEVELS] = { 0 };
	memset(&r, 0, sizeof(r));
	r.src = &src;
	r.keys = (gg_i_strmap)GG_STRMAP_INIT;
	r.types = (gg_i_strmap)GG_STRMAP_INIT;
	r.macros = (gg_i_strmap)GG_STRMAP_INIT;
	r.arena = (gg_i_arena)GG_ARENA_INIT;
	int err = gg_i_source_open(&src, g, name, data, len);
	if (err)
		goto cleanup;
	r.t = src.text;
	r.n = src.len;
	if ((err = match_braces(&r)) || (err = scan(&r, titles)))
		goto cleanup;
	/* defined entries, when there are any, are the glossary; the items of description lists are not */
	size_t kept = 0;
	for (size_t e = 0; e < r.n_entries; e++)
		if (r.entries[e].kind != LX_ITEM)
			r.entries[kept++] = r.entries[e];
	r.glossary = kept > 0;
	if (r.glossary) {
		r.n_entries = kept;
		gg_i_strmap_free(&r.keys); /* the items' labels */
		r.keys = (gg_i_strmap)GG_STRMAP_INIT;
		for (size_t e = 0; e < r.n_entries && !err; e++)
			err = index_key(&r, &r.keys, r.entries[e].key, (uint32_t)e);
		for (size_t e = 0; e < r.n_entries; e++)
			resolve(&r, (uint32_t)e);
		for (size_t j = r.n_sees; j-- > 0;) { /* chained in the file's order */
			uint32_t e;
			if (find_key(&r, &r.keys, r.sees[j].key, &e)) {
				r.sees[j].next = r.entries[e].first_see;
				r.entries[e].first_see = (uint32_t)j;
			}
		}
	} else {
		err = item_categories(&r, gg_i_markup_category_level(titles, LEVELS));
	}
	for (size_t e = 0; e < r.n_entries && !err; e++)
		err = read_entry(&r, (uint32_t)e);
	if (!err && r.work_cut)
		err = gg_i_glossary_warn(g, name, 0,
					 "macros and references expand past %d times the file's size; the rest left out",
					 GG_MARKUP_MAX_EXPANSION);
	if (!err && !r.n_entries)
		err = gg_i_glossary_warn(g, name, 0, "%s",
					 src.len ? "no entries in this file (no \"\\newglossaryentry\", \"\\newacronym\" or description list)"
						 : "empty file");
cleanup:
	free(r.braces);
	free(r.entries);
	free(r.titles);
	free(r.type_titles);
	free(r.bodies);
	free(r.sees);
	gg_i_strmap_free(&r.keys);
	gg_i_strmap_free(&r.types);
	gg_i_strmap_free(&r.macros);
	gg_i_arena_free(&r.arena);
	gg_i_source_close(&src);
	return err;
}
