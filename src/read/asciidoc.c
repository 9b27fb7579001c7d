/* asciidoc.c - reads AsciiDoc glossaries: description lists ("term:: definition"). */
#include "read/markup.h"
#include "core/error.h"
#include "core/strmap.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

/*
 * What is read. Each item of the file's outermost description lists
 * ("term::", else ":::", "::::", then ";;"; items of the other kinds are
 * text of a definition, "term:" then its text) is an entry: terms on
 * lines one after another (with no text after their "::") name one entry,
 * the first the term, the others aliases. Its definition is the text
 * after "::", the lines that follow up to a blank line, and what a "+"
 * line attaches (a paragraph, a delimited block, a compound block whole),
 * as AsciiDoc reads it; after blank lines, a nested list or lines set in
 * also belong to it. Listing, literal, passthrough and fenced blocks are
 * code between backticks. Section titles ("== Title") name the categories
 * of the entries under them (gg_i_markup_category_level; a single letter
 * none). Comments, attribute entries, block attributes and block titles
 * are left out; titles, attribute entries and block attributes count only
 * where a block starts (inside a paragraph they are its text), and
 * "term::" set in only there.
 *
 * Inline: "<<id>>", "<<id,text>>" and "xref:id[text]" are editor links to
 * the entry whose term carries the anchor id ("[[id]]term::", or "[[id]]"
 * or "[#id]" on the line above), else to the entry their text names; URL,
 * link and other macros give their text; "`code`" and "`+code+`" are code;
 * "*strong*", "_emphasis_", "#mark#", "^sup^", "~sub~" and their doubled
 * forms give their text; "((term))" its term, "(((index)))" nothing;
 * "{name}" the value of an attribute entry ":name: value" or of
 * AsciiDoc's built-in character attributes, else stays as written
 * ("{url}[text]" a link when the value is a URL). Before any of it, the
 * preprocessor's conditionals keep or drop lines and includes are
 * reported (preprocess).
 */

#define NONE SIZE_MAX

/* Section levels told apart ("=" to "======"). */
#define LEVELS 6

typedef enum line_kind {
	LINE_TEXT,
	LINE_BLANK,
	LINE_SKIP,    /* comment, attribute entry, block attribute, block title */
	LINE_ANCHOR,  /* "[[id]]" or "[#id]" alone: the anchor of what follows */
	LINE_TITLE,   /* a section title */
	LINE_TERM,    /* a description list's term, of the kind `delim` */
	LINE_ATTACH,  /* "+": attaches what follows to the list item */
	LINE_FRAME,   /* opens or closes a compound block ("--", "====", "****", "____") */
	LINE_OPEN,    /* the first line of a block read whole (listing, literal, table) */
	LINE_CLOSE,   /* its last line */
	LINE_CODE,    /* inside a listing, literal or passthrough block */
	LINE_INNER    /* inside a table: text */
} line_kind;

/* Compound blocks nest this deep; deeper delimiters are text. */
#define MAX_FRAMES 16

typedef struct ad_line {
	line_kind kind;
	int level;     /* LINE_TITLE: 0 for "=", ...; LINE_FRAME: 1 opens, -1 closes */
	int delim;     /* LINE_TERM: 2, 3 or 4 colons, or 5 for ";;" */
	size_t term;   /* LINE_TERM: where the term starts (past its anchors) */
	size_t term_end;
	size_t text;   /* LINE_TERM: where the text after the delimiter starts */
	size_t anchor, anchor_end; /* LINE_TERM, LINE_ANCHOR: the first anchor's id, or NONE */
} ad_line;

typedef struct ad_entry {
	size_t first_term, n_terms; /* its term lines */
	size_t category;            /* the line of its category's title, or NONE */
	const char *term;           /* its term as read, in the arena (for links to its anchors) */
} ad_entry;

/* An attribute entry's last value, in text positions (value NONE: never given one). */
typedef struct ad_attr {
	size_t value, value_len;
	bool unset; /* ":name!:" came after it: conditions see it unset */
} ad_attr;

/* Attribute names longer than this are not looked up (nor kept). */
#define MAX_ATTR_NAME 128

typedef struct ad_reader {
	gg_i_source *src;
	const char *t;
	gg_i_markup_line *lines;
	ad_line *kinds;
	size_t n_lines;
	ad_entry *entries;
	size_t n_entries, cap_entries;
	ad_attr *attrs;      /* the attribute entries' values */
	size_t n_attrs, cap_attrs;
	gg_i_strmap attr_names; /* attribute name -> its last entry in attrs */
	gg_i_strmap anchors; /* anchor id -> the entry whose term carries it */
	bool *cut;           /* per line: lines the preprocessor took out lie before it */
	size_t expanded;     /* bytes of attribute values expanded so far (gg_i_markup_may_expand) */
	bool expansion_cut;  /* past that budget: the rest left as written */
} ad_reader;

/* A letter, a digit or a byte of a character beyond ASCII. */
static bool is_alnum(char c)
{
	return gg_i_is_word_byte((unsigned char)c);
}

/* What a block's delimiter line opens. */
typedef enum block_type {
	BLOCK_NONE,     /* no delimiter */
	BLOCK_COMPOUND, /* an open, example, sidebar or quote block: its lines read as any */
	BLOCK_CODE,     /* listing, literal, passthrough, fenced: code */
	BLOCK_TABLE,    /* a table: its lines are text */
	BLOCK_COMMENT   /* a comment block: nothing */
} block_type;

/* The block whose delimiter s[a, b) is (trimmed), or BLOCK_NONE. */
static block_type delimiter(const char *s, size_t a, size_t b)
{
	size_t n = b - a;
	if (n == 2 && s[a] == '-' && s[a + 1] == '-')
		return BLOCK_COMPOUND; /* an open block */
	if (n >= 3 && s[a] == '`' && s[a + 1] == '`' && s[a + 2] == '`')
		return BLOCK_CODE;
	if (n >= 4 && (s[a] == '|' || s[a] == ',' || s[a] == ':') && s[a + 1] == '=' && s[a + 2] == '=' &&
	    s[a + 3] == '=')
		return BLOCK_TABLE;
	if (n < 4 || !strchr("-.=*_+/", s[a]))
		return BLOCK_NONE;
	for (size_t i = a; i < b; i++)
		if (s[i] != s[a])
			return BLOCK_NONE;
	return s[a] == '/' ? BLOCK_COMMENT : strchr("-.+", s[a]) ? BLOCK_CODE : BLOCK_COMPOUND;
}

/* Whether line k closes the block that line `open` opened: the same delimiter. */
static bool closes(const ad_reader *r, size_t open, size_t k)
{
	const gg_i_markup_line *o = &r->lines[open], *l = &r->lines[k];
	size_t oa = o->body, ob = o->end, a = l->body, b = l->end;
	gg_i_markup_trim(r->t, &oa, &ob);
	gg_i_markup_trim(r->t, &a, &b);
	if (l->indent || b - a < 2 || r->t[a] != r->t[oa])
		return false;
	if (r->t[oa] == '`') /* a fence closes with three backticks */
		return b - a == 3 && delimiter(r->t, a, b) == BLOCK_CODE;
	return b - a == ob - oa && memcmp(r->t + a, r->t + oa, b - a) == 0;
}

/*
 * Whether line l is a description list's term ("term::" set in only at a
 * block's `start`; the nested kinds, ":::" and the others, anywhere): its
 * kind, the term, its anchor and the text after the delimiter are set in *k.
 */
static bool term_line(const ad_reader *r, const gg_i_markup_line *l, bool start, ad_line *k)
{
	const char *s = r->t;
	size_t i = l->body, e = l->end;
	if (e - i < 3 || (s[i] == '/' && s[i + 1] == '/'))
		return false;
	if ((strchr("*-.", s[i]) && gg_i_markup_space(s[i + 1])) || s[i] == '|')
		return false; /* a list item, a table cell */
	k->anchor = k->anchor_end = NONE;
	while (e - i >= 4 && s[i] == '[' && s[i + 1] == '[') { /* "[[id]]" or "[[id, reftext]]" */
		size_t j = i + 2;
		while (j + 1 < e && !(s[j] == ']' && s[j + 1] == ']'))
			j++;
		if (j + 1 >= e)
			break;
		if (k->anchor == NONE) {
			size_t id_end = i + 2;
			while (id_end < j && s[id_end] != ',')
				id_end++;
			k->anchor = i + 2;
			k->anchor_end = id_end;
		}
		i = j + 2;
	}
	for (size_t p = i + 1; p + 1 < e; p++) {
		if ((s[p] != ':' || s[p + 1] != ':') && (s[p] != ';' || s[p + 1] != ';'))
			continue;
		size_t after = p + 2;
		int delim = s[p] == ';' ? 5 : 2;
		while (delim < 4 && after < e && s[after] == ':') {
			after++;
			delim++;
		}
		if (after < e && !gg_i_markup_space(s[after]))
			continue; /* "std::string", "a::b" */
		if (l->indent && !start && delim == 2)
			return false; /* "term::" set in, inside a paragraph: text */
		size_t ta = i, tb = p;
		gg_i_markup_trim(s, &ta, &tb);
		if (ta == tb)
			return false;
		while (after < e && gg_i_markup_space(s[after]))
			after++;
		k->delim = delim;
		k->term = ta;
		k->term_end = tb;
		k->text = after; /* == e: no text after the delimiter */
		return true;
	}
	return false;
}

/*
 * Whether s[a, b) (trimmed) is an attribute entry: ":name: value", or
 * ":name!:" or ":!name:", which unset it (*value NONE). Sets the name's
 * and the value's text positions.
 */
static bool attribute_entry(const char *s, size_t a, size_t b, size_t *name, size_t *name_end,
			    size_t *value, size_t *value_end)
{
	size_t e = a + 1;
	if (b - a < 3 || s[a] != ':')
		return false;
	while (e < b && s[e] != ':' && !gg_i_markup_space(s[e]))
		e++;
	if (e >= b || s[e] != ':' || e == a + 1 || (e + 1 < b && !gg_i_markup_space(s[e + 1])))
		return false;
	*name = a + 1;
	*name_end = e;
	*value = e + 1;
	*value_end = b;
	gg_i_markup_trim(s, value, value_end);
	if (s[*name] == '!' || s[*name_end - 1] == '!') {
		*name += s[*name] == '!';
		*name_end -= s[*name_end - 1] == '!';
		*value = *value_end = NONE;
	}
	return *name < *name_end;
}

/* The key attribute name s[0, n) is looked up by, in key: lower case, as Asciidoctor folds it. False when too long. */
static bool attr_key(const char *s, size_t n, char key[MAX_ATTR_NAME + 1])
{
	if (n > MAX_ATTR_NAME)
		return false;
	for (size_t i = 0; i < n; i++)
		key[i] = gg_i_ascii_lower(s[i]);
	key[n] = '\0';
	return true;
}

/*
 * Keep attribute entry s[name, name_end) = s[value, value_end); value NONE
 * unsets it, for conditions only: a reference shows the last value given
 * anywhere, as rendering comes after the whole file is read. 0 or GG_ENOMEM.
 */
static int add_attr(ad_reader *r, size_t name, size_t name_end, size_t value, size_t value_end)
{
	char key[MAX_ATTR_NAME + 1];
	uint32_t index = (uint32_t)r->n_attrs;
	if (!attr_key(r->t + name, name_end - name, key))
		return 0;
	if (value == NONE && gg_i_strmap_get(&r->attr_names, key, &index)) {
		r->attrs[index].unset = true;
		return 0;
	}
	char *copy = gg_i_arena_strndup(&r->src->g->arena, key, name_end - name);
	if (!copy || GG_ARRAY_PUSH_SLOT(r->attrs, r->n_attrs, r->cap_attrs))
		return gg_i_error_oom();
	r->attrs[r->n_attrs++] = (ad_attr){ value, value == NONE ? 0 : value_end - value, value == NONE };
	int put = gg_i_strmap_put(&r->attr_names, copy, index, NULL);
	if (put < 0)
		return gg_i_error_oom();
	if (put == 0)
		gg_i_strmap_set(&r->attr_names, copy, index);
	return 0;
}

/* The value of an attribute Asciidoctor sets itself when it makes a web page (key folded), or NULL. */
static const char *web_page_attr(const char *key)
{
	static const struct {
		const char *name, *value;
	} set[] = { { "asciidoctor", "" },     { "backend", "html5" },	  { "backend-html5", "" },
		    { "basebackend", "html" }, { "basebackend-html", "" }, { "doctype", "article" },
		    { "doctype-article", "" }, { "filetype", "html" },	  { "filetype-html", "" },
		    { "outfilesuffix", ".html" } };
	for (size_t i = 0; i < sizeof(set) / sizeof(*set); i++)
		if (strcmp(set[i].name, key) == 0)
			return set[i].value;
	return NULL;
}

/*
 * Whether attribute s[a, b) is set by the attribute entries read so far,
 * or is one Asciidoctor sets itself when it makes a web page.
 */
static bool attr_set(const ad_reader *r, const char *s, size_t a, size_t b)
{
	char key[MAX_ATTR_NAME + 1];
	uint32_t entry;
	if (!attr_key(s + a, b - a, key))
		return false;
	if (gg_i_strmap_get(&r->attr_names, key, &entry))
		return !r->attrs[entry].unset;
	return web_page_attr(key) != NULL;
}

/* ---- preprocessor ------------------------------------------------------ */

/* The preprocessor's directives. */
typedef enum directive {
	NOT_DIRECTIVE,
	IF_DEFINED,     /* ifdef::a[], ifdef::a,b[] (any), ifdef::a+b[] (all) */
	IF_NOT_DEFINED, /* ifndef:: the same, negated */
	IF_EVAL,        /* ifeval::[expression] */
	END_IF,         /* endif::[] */
	INCLUDE         /* include::file[] */
} directive;

/*
 * The directive line s[a, b) is (trimmed, not indented), its target
 * s[*target, *target_end) and the text in its brackets s[*text, *text_end);
 * NOT_DIRECTIVE for any other line. A target has no spaces.
 */
static directive directive_of(const char *s, size_t a, size_t b, size_t *target, size_t *target_end,
			      size_t *text, size_t *text_end)
{
	static const struct {
		const char *name;
		directive d;
	} names[] = { { "ifdef::", IF_DEFINED }, { "ifndef::", IF_NOT_DEFINED }, { "ifeval::", IF_EVAL },
		      { "endif::", END_IF }, { "include::", INCLUDE } };
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		size_t n = strlen(names[i].name);
		if (b - a < n + 2 || memcmp(s + a, names[i].name, n) != 0 || s[b - 1] != ']')
			continue;
		size_t open = a + n;
		while (open < b && s[open] != '[' && (names[i].d == INCLUDE || !gg_i_markup_space(s[open])))
			open++;
		if (open >= b || s[open] != '[')
			return NOT_DIRECTIVE;
		*target = a + n;
		*target_end = open;
		*text = open + 1;
		*text_end = b - 1;
		bool needs_target = names[i].d != IF_EVAL && names[i].d != END_IF;
		if ((*target < open) != needs_target && names[i].d != END_IF)
			return NOT_DIRECTIVE;
		return names[i].d;
	}
	return NOT_DIRECTIVE;
}

static const char *attr_value(const ad_reader *r, const char *s, size_t n, size_t *len, size_t *at);

/* Room for an ifeval operand with its references replaced; a longer one is cut. */
#define MAX_OPERAND 256

/*
 * The ifeval operand s[a, b) into out (MAX_OPERAND bytes, NUL-ended): its
 * quotes taken off (*quoted), attribute references replaced by their
 * values so far (or a web page's, web_page_attr).
 */
static void eval_operand(const ad_reader *r, const char *s, size_t a, size_t b, char *out, bool *quoted)
{
	size_t n = 0;
	gg_i_markup_trim(s, &a, &b);
	*quoted = b - a >= 2 && (s[a] == '"' || s[a] == '\'') && s[b - 1] == s[a];
	if (*quoted) {
		a++;
		b--;
	}
	for (size_t i = a; i < b && n + 1 < MAX_OPERAND; i++) {
		size_t j = i + 1, len = 0, at;
		char key[MAX_ATTR_NAME + 1];
		const char *v = NULL;
		while (s[i] == '{' && j < b && s[j] != '}' && j - i <= MAX_ATTR_NAME)
			j++;
		if (s[i] == '{' && j < b && s[j] == '}' && attr_key(s + i + 1, j - i - 1, key) &&
		    !(v = attr_value(r, s + i + 1, j - i - 1, &len, &at)) && (v = web_page_attr(key)))
			len = strlen(v);
		if (!v) {
			out[n++] = s[i];
			continue;
		}
		len = len < MAX_OPERAND - 1 - n ? len : MAX_OPERAND - 1 - n;
		memcpy(out + n, v, len);
		n += len;
		i = j;
	}
	out[n] = '\0';
}

/* Whether s is a decimal number ("-12", "3.5"), its value in *x. */
static bool eval_number(const char *s, double *x)
{
	double sign = *s == '-' ? -1 : 1, scale = 1;
	bool digits = false, point = false;
	*x = 0;
	for (s += *s == '-'; *s; s++) {
		if (*s == '.' && !point) {
			point = true;
		} else if (*s >= '0' && *s <= '9') {
			digits = true;
			scale = point ? scale / 10 : scale;
			*x = point ? *x + (*s - '0') * scale : *x * 10 + (*s - '0');
		} else {
			return false;
		}
	}
	*x *= sign;
	return digits;
}

/*
 * Whether "ifeval::[expression]" s[a, b) holds: two operands compared by
 * ==, !=, <, <=, > or >=, as numbers when both are numbers written
 * without quotes, else as text. One that cannot be read holds (its lines
 * are kept).
 */
static bool eval_holds(const ad_reader *r, const char *s, size_t a, size_t b)
{
	static const char *const ops[] = { "==", "!=", "<=", ">=", "<", ">" };
	size_t op = NONE, op_len = 0;
	char quote = 0, left[MAX_OPERAND], right[MAX_OPERAND];
	for (size_t i = a; i < b && op == NONE; i++) {
		if (quote || s[i] == '"' || s[i] == '\'') {
			quote = !quote ? s[i] : s[i] == quote ? 0 : quote;
			continue;
		}
		for (size_t k = 0; k < sizeof(ops) / sizeof(*ops) && op == NONE; k++)
			if (b - i >= strlen(ops[k]) && memcmp(s + i, ops[k], strlen(ops[k])) == 0) {
				op = i;
				op_len = strlen(ops[k]);
			}
	}
	if (op == NONE)
		return true;
	bool left_quoted, right_quoted;
	double x, y;
	eval_operand(r, s, a, op, left, &left_quoted);
	eval_operand(r, s, op + op_len, b, right, &right_quoted);
	bool numbers = !left_quoted && !right_quoted && eval_number(left, &x) && eval_number(right, &y);
	int c = numbers ? (x > y) - (x < y) : strcmp(left, right);
	switch (s[op]) {
	case '=':
		return c == 0;
	case '!':
		return c != 0;
	case '<':
		return op_len == 2 ? c <= 0 : c < 0;
	default:
		return op_len == 2 ? c >= 0 : c > 0;
	}
}

/*
 * Whether the lines under if-directive d of target s[a, b) are read: for
 * "ifdef", whether the attribute is set, or any of "a,b", or all of "a+b"
 * (split at the first of the two), and the opposite for "ifndef"; for
 * "ifeval", whether its expression (then s[a, b)) holds (eval_holds).
 */
static bool condition_holds(const ad_reader *r, directive d, const char *s, size_t a, size_t b)
{
	if (d == IF_EVAL)
		return eval_holds(r, s, a, b);
	size_t split = a;
	while (split < b && s[split] != ',' && s[split] != '+')
		split++;
	char delim = split < b ? s[split] : ',';
	bool any = false, all = true;
	for (size_t i = a; i <= b; i++) {
		size_t j = i;
		while (j < b && s[j] != delim)
			j++;
		bool set = attr_set(r, s, i, j);
		any |= set;
		all &= set;
		i = j;
	}
	bool holds = delim == '+' ? all : any;
	return d == IF_DEFINED ? holds : !holds;
}

/* An open conditional: its directive's line (text position) and target. */
typedef struct conditional {
	size_t at, target, target_end;
} conditional;

/* AsciiDoc's preprocessor as it goes down the lines. */
typedef struct preprocessor {
	conditional *open;    /* the conditionals open, innermost last */
	size_t n_open, cap_open;
	size_t dropping_from; /* 1 + the index in `open` of the one that drops lines, or 0 */
} preprocessor;

/* Whether include target s[a, b) is an AsciiDoc file (a piece of the glossary, not code shown). */
static bool asciidoc_target(const char *s, size_t a, size_t b)
{
	static const char *const suffixes[] = { ".adoc", ".asciidoc", ".asc", ".ad", NULL };
	for (const char *const *x = suffixes; *x; x++) {
		size_t n = strlen(*x);
		if (b - a > n && memcmp(s + b - n, *x, n) == 0)
			return true;
	}
	return false;
}

/*
 * Line *l (trimmed s[a, b), outside a comment block) to the preprocessor:
 * at the margin, "ifdef::", "ifndef::" and "ifeval::" open a conditional
 * whose lines are dropped unless it holds (condition_holds), "endif::"
 * closes the innermost one (unless it names another), "include::" is not
 * followed (a warning says so, with its line). Returns whether the line is
 * taken out: a directive, or dropped. "ifdef::name[text]" that holds
 * narrows *l to its text (*narrowed) and stays. *err: 0 or an error.
 */
static bool preprocess_line(ad_reader *r, preprocessor *p, gg_i_markup_line *l, size_t a, size_t b,
			    bool *narrowed, int *err)
{
	const char *s = r->t;
	size_t target = a, target_end = a, text = a, text_end = a;
	directive d = l->indent ? NOT_DIRECTIVE : directive_of(s, a, b, &target, &target_end, &text, &text_end);
	bool dropping = p->dropping_from != 0;
	*narrowed = false;
	if (d == IF_DEFINED || d == IF_NOT_DEFINED || d == IF_EVAL) {
		bool holds = !dropping && (d == IF_EVAL ? condition_holds(r, d, s, text, text_end)
							 : condition_holds(r, d, s, target, target_end));
		if (d != IF_EVAL && text < text_end) { /* the one-line form */
			if (holds) {
				l->body = text;
				l->end = text_end;
				*narrowed = true;
			}
			return !holds;
		}
		if (GG_ARRAY_PUSH_SLOT(p->open, p->n_open, p->cap_open)) {
			*err = gg_i_error_oom();
			return true;
		}
		p->open[p->n_open++] = (conditional){ a, target, target_end };
		if (!holds && !dropping)
			p->dropping_from = p->n_open;
	} else if (d == END_IF) {
		const conditional *in = p->n_open ? &p->open[p->n_open - 1] : NULL;
		bool names_it = in && (target == target_end || (target_end - target == in->target_end - in->target &&
							      memcmp(s + target, s + in->target, target_end - target) == 0));
		if (names_it) {
			if (p->dropping_from == p->n_open)
				p->dropping_from = 0;
			p->n_open--;
		} else {
			*err = gg_i_glossary_warn(r->src->g, r->src->name, gg_i_source_line(r->src, a),
						  "'%.*s' closes no conditional open; passed over",
						  (int)(b - a < 200 ? b - a : 200), s + a);
		}
	} else if (d == INCLUDE && !dropping) {
		*err = gg_i_glossary_warn(r->src->g, r->src->name, gg_i_source_line(r->src, a), "'%.*s' is not read%s",
					  (int)(b - a < 200 ? b - a : 200), s + a,
					  asciidoc_target(s, target, target_end) ? ": name the included file as an input too" : "");
	}
	return d != NOT_DIRECTIVE || dropping;
}

/* Whether a line after one of kind `prev` starts a block (a title, a block attribute...). */
static bool starts_block(line_kind prev)
{
	return prev != LINE_TEXT && prev != LINE_TERM && prev != LINE_CODE && prev != LINE_INNER;
}

/*
 * Sort every line into its kind; `top` gets the outermost kind of list
 * item there is ("::", else ":::", "::::", then ";;"), 0 for none. Titles, attribute entries, block attributes and block titles are
 * read only where a block starts (after a blank line, a title, another
 * such line): inside a paragraph they are its text. The preprocessor
 * (preprocess_line) sees each line first, but in comment blocks: the
 * lines it takes out leave r->lines, the others close up, and r->cut
 * marks a line that lines taken out (or a directive's own text) come
 * before, so that no paragraph runs across them. 0 or an error.
 */
static int classify(ad_reader *r, int *top)
{
	const char *s = r->t;
	size_t whole = NONE; /* the open block read whole: its first line */
	block_type whole_type = BLOCK_NONE;
	size_t frames[MAX_FRAMES], n_frames = 0; /* the open compound blocks' first lines */
	size_t kept = 0;
	preprocessor pre = { NULL, 0, 0, 0 };
	bool gap = false; /* lines were taken out since the last one kept */
	int err = 0;
	*top = 0;
	for (size_t from = 0; from < r->n_lines && !err; from++) {
		gg_i_markup_line line = r->lines[from];
		size_t a = line.body, b = line.end, n, attr, attr_end, value, value_end;
		bool narrowed = false;
		gg_i_markup_trim(s, &a, &b);
		if (!(whole != NONE && whole_type == BLOCK_COMMENT) &&
		    preprocess_line(r, &pre, &line, a, b, &narrowed, &err)) {
			gap = true;
			continue;
		}
		if (narrowed) {
			a = line.body;
			b = line.end;
		}
		/* line `from` is line k from now on: the lines kept close up */
		size_t k = kept++;
		r->lines[k] = line;
		r->cut[k] = gap || narrowed;
		gap = narrowed; /* the text of "ifdef::name[text]" is a line alone */
		const gg_i_markup_line *l = &r->lines[k];
		ad_line *c = &r->kinds[k];
		n = b - a;
		*c = (ad_line){ LINE_TEXT, 0, 0, 0, 0, 0, NONE, NONE };
		if (whole != NONE) {
			bool comment = whole_type == BLOCK_COMMENT;
			if (closes(r, whole, k)) {
				c->kind = comment ? LINE_SKIP : LINE_CLOSE;
				whole = NONE;
			} else {
				c->kind = comment ? LINE_SKIP : whole_type == BLOCK_CODE ? LINE_CODE : LINE_INNER;
			}
			continue;
		}
		bool start = k == 0 || starts_block(r->kinds[k - 1].kind);
		block_type type = n && !l->indent ? delimiter(s, a, b) : BLOCK_NONE;
		if (!n) {
			c->kind = LINE_BLANK;
		} else if (type == BLOCK_COMPOUND && n_frames && closes(r, frames[n_frames - 1], k)) {
			c->kind = LINE_FRAME;
			c->level = -1;
			n_frames--;
		} else if (type == BLOCK_COMPOUND && n_frames < MAX_FRAMES) {
			c->kind = LINE_FRAME;
			c->level = 1;
			frames[n_frames++] = k;
		} else if (type != BLOCK_NONE && type != BLOCK_COMPOUND) {
			c->kind = type == BLOCK_COMMENT ? LINE_SKIP : LINE_OPEN;
			whole = k;
			whole_type = type;
		} else if (n >= 2 && s[a] == '/' && s[a + 1] == '/' && !l->indent) {
			c->kind = LINE_SKIP;
		} else if (n == 1 && s[a] == '+') {
			c->kind = LINE_ATTACH;
		} else if (!start || l->indent || term_line(r, l, start, c)) {
			/* text, or a term (below) */
		} else if (s[a] == '=') {
			size_t eq = a;
			while (eq < b && s[eq] == '=')
				eq++;
			if (eq - a <= LEVELS && eq < b && s[eq] == ' ') {
				c->kind = LINE_TITLE;
				c->level = (int)(eq - a) - 1;
			}
		} else if (attribute_entry(s, a, b, &attr, &attr_end, &value, &value_end)) {
			c->kind = LINE_SKIP;
			if ((err = add_attr(r, attr, attr_end, value, value_end)))
				break;
		} else if (s[a] == '[' && s[b - 1] == ']') {
			c->kind = LINE_SKIP;
			size_t id = NONE, id_end = NONE;
			if (n >= 5 && s[a + 1] == '[' && s[b - 2] == ']') {
				id = a + 2;
				for (id_end = id; id_end < b - 2 && s[id_end] != ',';)
					id_end++;
			} else if (n >= 3 && s[a + 1] == '#') {
				id = a + 2;
				for (id_end = id; id_end < b - 1 && s[id_end] != '.' && s[id_end] != '%' && s[id_end] != ',';)
					id_end++;
			}
			if (id != NONE && id_end > id) {
				c->kind = LINE_ANCHOR;
				c->anchor = id;
				c->anchor_end = id_end;
			}
		} else if (n >= 2 && s[a] == '.' && !gg_i_markup_space(s[a + 1]) && s[a + 1] != '.') {
			c->kind = LINE_SKIP; /* a block title */
		}
		if (c->kind == LINE_TEXT && term_line(r, l, start, c)) {
			c->kind = LINE_TERM;
			if (!*top || c->delim < *top)
				*top = c->delim;
		}
	}
	r->n_lines = kept;
	for (size_t i = 0; i < pre.n_open && !err; i++)
		err = gg_i_glossary_warn(r->src->g, r->src->name, gg_i_source_line(r->src, pre.open[i].at),
					 "this conditional has no \"endif::\" (its lines run to the end of the file)");
	free(pre.open);
	return err;
}

/* Append e to the entries. 0 or GG_ENOMEM. */
static int push_entry(ad_reader *r, ad_entry e)
{
	if (GG_ARRAY_PUSH_SLOT(r->entries, r->n_entries, r->cap_entries))
		return gg_i_error_oom();
	r->entries[r->n_entries++] = e;
	return 0;
}

/* Whether line k is a term of the list whose entries are read. */
static bool top_term(const ad_reader *r, size_t k, int top)
{
	return r->kinds[k].kind == LINE_TERM && r->kinds[k].delim == top;
}

/* Whether the text of line k opens a list item (nested in a definition). */
static bool list_item(const ad_reader *r, size_t k)
{
	const char *s = r->t + r->lines[k].body;
	size_t n = r->lines[k].end - r->lines[k].body, i = 0;
	while (i < n && (s[i] == '*' || s[i] == '-' || s[i] == '.'))
		i++;
	if (!i)
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++, i += i < n && s[i] == '.';
	return (i && i < n && gg_i_markup_space(s[i])) || r->kinds[k].kind == LINE_TERM;
}

/* ---- inline markup ---------------------------------------------------- */

/* Rendering nested formatting goes this deep, then reads the rest as text. */
#define MAX_DEPTH 8

/* The value of attribute s[0, n): an attribute entry's (*at its text position), a built-in's, or NULL. */
static const char *attr_value(const ad_reader *r, const char *s, size_t n, size_t *len, size_t *at)
{
	static const struct {
		const char *name, *value;
	} builtin[] = {
		{ "nbsp", " " }, { "sp", " " }, { "empty", "" }, { "zwsp", "" }, { "amp", "&" }, { "lt", "<" },
		{ "gt", ">" }, { "startsb", "[" }, { "endsb", "]" }, { "vbar", "|" }, { "caret", "^" },
		{ "asterisk", "*" }, { "tilde", "~" }, { "apos", "'" }, { "backslash", "\\" },
		{ "backtick", "`" }, { "two-colons", "::" }, { "two-semicolons", ";;" }, { "plus", "+" },
		{ "cpp", "C++" }, { "pp", "++" }, { "deg", "\xc2\xb0" }, { "quot", "\"" },
	};
	char key[MAX_ATTR_NAME + 1];
	uint32_t entry;
	if (attr_key(s, n, key) && gg_i_strmap_get(&r->attr_names, key, &entry) && r->attrs[entry].value != NONE) {
		*len = r->attrs[entry].value_len;
		*at = r->attrs[entry].value;
		return r->t + r->attrs[entry].value;
	}
	for (size_t i = 0; i < sizeof(builtin) / sizeof(*builtin); i++)
		if (strlen(builtin[i].name) == n && memcmp(builtin[i].name, s, n) == 0) {
			*len = strlen(builtin[i].value);
			*at = SIZE_MAX;
			return builtin[i].value;
		}
	return NULL;
}

/* The closing marks render looks for: '>' ']' ')' '`' '+' '*' '_' '#', once or twice. */
#define MARKS ">])`+*_#"
#define MARK_KINDS (2 * (sizeof(MARKS) - 1))

/*
 * The start of a closing `c` (or `c` `c` when `twice`) for formatting
 * opened before s[from], or 0; looked for as gg_i_markup_search_from
 * says, miss[] holding where each kind of mark is known absent before.
 */
static size_t closing_mark(const char *s, size_t from, size_t n, char c, bool twice, size_t *miss)
{
	size_t *m = &miss[2 * (size_t)(strchr(MARKS, c) - MARKS) + twice], limit;
	size_t j = gg_i_markup_search_from(from, n, *m, &limit);
	for (; j < limit; j++) {
		if (s[j] != c || gg_i_markup_space(s[j - 1]))
			continue;
		if (twice) {
			if (j + 1 < n && s[j + 1] == c)
				return j;
		} else if (j + 1 >= n || (!is_alnum(s[j + 1]) && s[j + 1] != c)) {
			return j;
		}
	}
	*m = j;
	return 0;
}

static int render(ad_reader *r, gg_i_markup_sink *k, const char *s, size_t n, size_t at, int depth);

/* A link to the entry of anchor id[0, id_n) or, when no term carries it, to text [from, now). */
static int link_anchor(ad_reader *r, gg_i_markup_sink *k, const char *id, size_t id_n, size_t from)
{
	if (!k->rec)
		return 0;
	char *key = gg_i_strndup(id, id_n);
	uint32_t t;
	int err = 0;
	if (!key)
		return gg_i_error_oom();
	if (gg_i_strmap_get(&r->anchors, key, &t)) {
		if (strlen(r->entries[t].term) <= GG_MARKUP_MAX_TARGET)
			err = gg_i_markup_xref(k->rec, r->entries[t].term, strlen(r->entries[t].term), from);
	}
	else if (k->rec->definition.len > from)
		err = gg_i_markup_xref(k->rec, k->rec->definition.ptr + from, k->rec->definition.len - from, from);
	free(key);
	return err;
}

/*
 * A cross reference to anchor s[id, id_end) shown as s[text, text_end)
 * (empty: the term the anchor names, else the id), at text position `at`
 * of s. Its span in the text ends at s[last].
 */
static int render_xref(ad_reader *r, gg_i_markup_sink *k, const char *s, size_t id, size_t id_end,
		       size_t text, size_t text_end, size_t at, size_t last, int depth)
{
	gg_i_markup_trim(s, &id, &id_end);
	gg_i_markup_trim(s, &text, &text_end);
	const char *hash = memchr(s + id, '#', id_end - id); /* "file.adoc#id" */
	if (hash)
		id = (size_t)(hash - s) + 1;
	size_t from = k->rec ? gg_i_record_mark(k->rec) : 0;
	int err = 0;
	uint32_t t;
	char *key = NULL;
	if (text < text_end) {
		err = render(r, k, s + text, text_end - text, at + text, depth + 1);
	} else if (id < id_end && !(key = gg_i_strndup(s + id, id_end - id))) {
		return gg_i_error_oom();
	} else if (key && gg_i_strmap_get(&r->anchors, key, &t)) {
		const char *term = r->entries[t].term;
		gg_i_markup_emit_elsewhere(k, term, strlen(term), at + id, at + last);
	} else {
		gg_i_markup_emit(k, s + id, id_end - id, at + id);
	}
	free(key);
	return err ? err : link_anchor(r, k, s + id, id_end - id, from);
}

/* The macros whose target and text stand for themselves, and what is shown of them. */
typedef enum macro_show {
	SHOW_TEXT,      /* the text in brackets, else the target (links) */
	SHOW_BRACKETS,  /* the text in brackets (kbd:[...], footnote:[...]) */
	SHOW_BOTH,      /* the target, then the text (menu:File[Save]) */
	SHOW_CODE,      /* the text as code (stem:[...]) */
	SHOW_NOTHING    /* image:, anchor:, indexterm: */
} macro_show;

/* The macro named s[0, n), or false; *scheme: a URL's ("https://..."), *xref: xref:. */
static bool macro_named(const char *s, size_t n, macro_show *show, bool *scheme, bool *xref)
{
	static const struct {
		const char *name;
		macro_show show;
		bool scheme;
	} macros[] = {
		{ "xref", SHOW_TEXT, false }, { "link", SHOW_TEXT, false }, { "mailto", SHOW_TEXT, false },
		{ "http", SHOW_TEXT, true }, { "https", SHOW_TEXT, true }, { "ftp", SHOW_TEXT, true },
		{ "irc", SHOW_TEXT, true }, { "kbd", SHOW_BRACKETS, false }, { "btn", SHOW_BRACKETS, false },
		{ "pass", SHOW_BRACKETS, false }, { "footnote", SHOW_BRACKETS, false },
		{ "indexterm2", SHOW_BRACKETS, false }, { "menu", SHOW_BOTH, false },
		{ "stem", SHOW_CODE, false }, { "latexmath", SHOW_CODE, false },
		{ "asciimath", SHOW_CODE, false }, { "image", SHOW_NOTHING, false },
		{ "icon", SHOW_NOTHING, false }, { "anchor", SHOW_NOTHING, false },
		{ "indexterm", SHOW_NOTHING, false },
	};
	for (size_t i = 0; i < sizeof(macros) / sizeof(*macros); i++)
		if (strlen(macros[i].name) == n && memcmp(macros[i].name, s, n) == 0) {
			*show = macros[i].show;
			*scheme = macros[i].scheme;
			*xref = i == 0;
			return true;
		}
	return false;
}

/* Where a link's text s[text, close) ends: at a comma that starts attributes, before a "^" (a new window). */
static size_t link_text_end(const char *s, size_t text, size_t close)
{
	const char *comma = memchr(s + text, ',', close - text);
	size_t end = close;
	if (comma && s[text] != '"' && memchr(comma, '=', (size_t)(s + close - comma)))
		end = (size_t)(comma - s);
	if (text < end && s[end - 1] == '^')
		end--;
	return end;
}

/*
 * The macro whose name starts s[i, n) ("name:"): sets *show, *scheme,
 * *xref (macro_named) and *target, where its target starts (a URL's
 * scheme is part of it). Returns where its name's ':' is, or 0 for none
 * ("http:" without "//" neither).
 */
static size_t macro_at(const char *s, size_t i, size_t n, macro_show *show, bool *scheme, bool *xref,
		       size_t *target)
{
	size_t w = i;
	while (w < n && ((s[w] >= 'a' && s[w] <= 'z') || (s[w] >= '0' && s[w] <= '9')))
		w++;
	if (w == i || w >= n || s[w] != ':' || !macro_named(s + i, w - i, show, scheme, xref) ||
	    (*scheme && (w + 2 >= n || s[w + 1] != '/' || s[w + 2] != '/')))
		return 0;
	*target = *scheme ? i : w + 1;
	return w;
}

/*
 * An attribute reference whose value v[0, len) (at text position value_at)
 * is a link's target ("https://...", "link:..."), followed at s[after] by
 * the rest of the target, if any ("/issues"), and "[text]": the link's
 * text, else its target, to the sink. Returns where it ends, or 0 when it
 * is no link.
 */
static size_t render_attr_link(ad_reader *r, gg_i_markup_sink *k, const char *v, size_t len, size_t value_at,
			       const char *s, size_t after, size_t n, size_t at, int depth, int *err)
{
	size_t target, open = after;
	size_t limit = n - after > GG_MARKUP_INLINE_SPAN ? after + GG_MARKUP_INLINE_SPAN : n;
	macro_show show;
	bool scheme, xref;
	if (!macro_at(v, 0, len, &show, &scheme, &xref, &target) || show != SHOW_TEXT || xref)
		return 0;
	while (open < limit && s[open] != '[' && !gg_i_markup_space(s[open]))
		open++;
	size_t close = open + 1;
	while (close < limit && s[close] != ']')
		close++;
	if (open >= limit || s[open] != '[' || close >= limit)
		return 0;
	size_t text = open + 1, text_end = link_text_end(s, text, close);
	if (text == text_end) { /* no text: the target shows */
		gg_i_markup_emit(k, v + target, len - target, value_at == SIZE_MAX ? SIZE_MAX : value_at + target);
		gg_i_markup_emit(k, s + after, open - after, at + after);
	} else {
		*err = render(r, k, s + text, text_end - text, at + text, depth + 1);
	}
	return close + 1;
}

/*
 * A macro at s[i] ("name:target[text]"); returns where it ends, or 0 when
 * there is none (a bare URL is no macro: it stays text).
 */
static size_t render_macro(ad_reader *r, gg_i_markup_sink *k, const char *s, size_t i, size_t n,
			   size_t at, int depth, int *err)
{
	macro_show show;
	bool scheme, xref;
	size_t target, w = macro_at(s, i, n, &show, &scheme, &xref, &target);
	if (!w)
		return 0;
	size_t open = w + 1;
	size_t limit = n - i > GG_MARKUP_INLINE_SPAN ? i + GG_MARKUP_INLINE_SPAN : n;
	while (open < limit && s[open] != '[' && !gg_i_markup_space(s[open]))
		open++;
	if (open >= limit || s[open] != '[')
		return 0;
	size_t close = open + 1;
	while (close < limit && s[close] != ']')
		close++;
	if (close >= limit)
		return 0;
	size_t text = open + 1, text_end = close;
	if (show == SHOW_TEXT && !xref)
		text_end = link_text_end(s, text, close);
	if (xref) {
		*err = render_xref(r, k, s, target, open, text, text_end, at, close, depth);
	} else if (show == SHOW_TEXT || show == SHOW_BRACKETS || show == SHOW_BOTH) {
		if (show == SHOW_BOTH || (show == SHOW_TEXT && text == text_end)) {
			gg_i_markup_emit(k, s + target, open - target, at + target);
			gg_i_markup_emit(k, " ", 1, SIZE_MAX);
		}
		if (show == SHOW_BRACKETS && s[i] == 'f') /* a footnote's text after a space */
			gg_i_markup_emit(k, " ", 1, SIZE_MAX);
		*err = render(r, k, s + text, text_end - text, at + text, depth + 1);
	} else if (show == SHOW_CODE) {
		gg_i_markup_code(k, s + text, text_end - text, at + text);
	}
	return close + 1;
}

/*
 * Render s[0, n) (text position `at`) to the sink, inline markup read as
 * the file comment says. Returns 0 or GG_ENOMEM.
 */
static int render(ad_reader *r, gg_i_markup_sink *k, const char *s, size_t n, size_t at, int depth)
{
	size_t i = 0, run = 0; /* s[run, i) is plain text not yet emitted */
	size_t miss[MARK_KINDS] = { 0 }; /* per closing mark (closing_mark) */
	int err = 0;
#define FLUSH() do { if (i > run) gg_i_markup_emit(k, s + run, i - run, at + run); } while (0)
	if (depth > MAX_DEPTH) {
		gg_i_markup_emit(k, s, n, at);
		return 0;
	}
	while (i < n && !err) {
		char c = s[i], next = i + 1 < n ? s[i + 1] : '\0';
		size_t e;
		bool after_word = i > 0 && is_alnum(s[i - 1]);
		if (c == '\\' && next && strchr("*_`#^~<[{(+\\", next)) {
			FLUSH();
			run = i + 1;
			i += 2;
		} else if (c == '<' && next == '<' && (e = closing_mark(s, i + 1, n, '>', true, miss)) > i + 2) {
			const char *comma = memchr(s + i + 2, ',', e - i - 2);
			size_t id_end = comma ? (size_t)(comma - s) : e;
			FLUSH();
			err = render_xref(r, k, s, i + 2, id_end, comma ? id_end + 1 : e, e, at, e + 1, depth);
			i = run = e + 2;
		} else if (c == '[' && next == '[' && (e = closing_mark(s, i + 1, n, ']', true, miss)) > i + 2) {
			FLUSH(); /* an inline anchor */
			i = run = e + 2;
			while (i < n && s[i] == ']')
				i = run = i + 1;
		} else if (c == '(' && next == '(' && (e = closing_mark(s, i + 1, n, ')', true, miss)) > i + 2) {
			FLUSH();
			if (s[i + 2] != '(') /* "((term))" shows its term; "(((a, b)))" nothing */
				err = render(r, k, s + i + 2, e - i - 2, at + i + 2, depth + 1);
			i = run = e + 2 + (s[i + 2] == '(' && e + 2 < n && s[e + 2] == ')');
		} else if (c == '{') {
			size_t j = i + 1, len = 0, value_at = 0;
			while (j < n && (is_alnum(s[j]) || s[j] == '-' || s[j] == '_'))
				j++;
			const char *v = j < n && s[j] == '}' && j > i + 1 ? attr_value(r, s + i + 1, j - i - 1, &len, &value_at) : NULL;
			if (v && !gg_i_markup_may_expand(k, r->src, &r->expanded, len)) {
				r->expansion_cut = true;
				v = NULL; /* left as written */
			}
			if (v) {
				FLUSH();
				size_t end = j + 1 < n && !gg_i_markup_space(s[j + 1])
						     ? render_attr_link(r, k, v, len, value_at, s, j + 1, n, at, depth, &err) : 0;
				if (!end)
					gg_i_markup_emit(k, v, len, value_at == SIZE_MAX ? at + i : value_at);
				i = run = end ? end : j + 1;
			} else {
				i++;
			}
		} else if (c == '+' && i && s[i - 1] == ' ' && (i + 1 == n || next == '\n' || next == '\r')) {
			FLUSH(); /* a hard line break */
			i = run = i + 1;
		} else if (c == '`' && ((next == '`' && (e = closing_mark(s, i + 1, n, '`', true, miss)) > i + 2) ||
					(!after_word && next && !gg_i_markup_space(next) && (e = closing_mark(s, i, n, '`', false, miss)) > i + 1))) {
			size_t len = next == '`' && e + 1 < n && s[e + 1] == '`' ? 2 : 1, a = i + len, b = e;
			if (b - a >= 2 && s[a] == '+' && s[b - 1] == '+') { /* `+literal+` */
				a++;
				b--;
			}
			FLUSH();
			gg_i_markup_code(k, s + a, b - a, at + a);
			i = run = e + len;
		} else if (c == '+' && !after_word && next && !gg_i_markup_space(next) && (e = closing_mark(s, i, n, '+', false, miss)) > i + 1) {
			FLUSH(); /* +passthrough+ */
			gg_i_markup_emit(k, s + i + 1, e - i - 1, at + i + 1);
			i = run = e + 1;
		} else if (c && strchr("*_#", c) && next == c && (e = closing_mark(s, i + 1, n, c, true, miss)) > i + 2) {
			FLUSH();
			err = render(r, k, s + i + 2, e - i - 2, at + i + 2, depth + 1);
			i = run = e + 2;
		} else if (c && strchr("*_#", c) && !after_word && next && !gg_i_markup_space(next) &&
			   (e = closing_mark(s, i, n, c, false, miss)) > i + 1) {
			FLUSH();
			err = render(r, k, s + i + 1, e - i - 1, at + i + 1, depth + 1);
			i = run = e + 1;
		} else if ((c == '^' || c == '~') && next && !gg_i_markup_space(next)) {
			size_t j = i + 1;
			while (j < n && j - i < 64 && s[j] != c && !gg_i_markup_space(s[j]))
				j++;
			if (j < n && s[j] == c && j > i + 1) {
				FLUSH();
				if (c == '^')
					gg_i_markup_exponent(k, s + i + 1, j - i - 1);
				gg_i_markup_emit(k, s + i + 1, j - i - 1, at + i + 1);
				i = run = j + 1;
			} else {
				i++;
			}
		} else if (c >= 'a' && c <= 'z' && !after_word) {
			size_t w = i, end = 0;
			while (w < n && ((s[w] >= 'a' && s[w] <= 'z') || (s[w] >= '0' && s[w] <= '9')))
				w++;
			if (w < n && s[w] == ':') {
				FLUSH();
				run = i;
				end = render_macro(r, k, s, i, n, at, depth, &err);
			}
			i = end ? end : w;
			run = end ? end : run;
		} else {
			i++;
		}
	}
	FLUSH();
#undef FLUSH
	return err;
}

/* ---- entries and definitions ------------------------------------------ */

/* The line before k that is not a block attribute, block title, comment or anchor; NONE at the start. */
static size_t previous_block_line(const ad_reader *r, size_t k)
{
	while (k-- > 0)
		if (r->kinds[k].kind != LINE_SKIP && r->kinds[k].kind != LINE_ANCHOR)
			return k;
	return NONE;
}

/* The first line from k on that is neither blank nor a block attribute, title, comment or anchor. */
static size_t next_block_line(const ad_reader *r, size_t k)
{
	while (k < r->n_lines && (r->kinds[k].kind == LINE_BLANK || r->kinds[k].kind == LINE_SKIP ||
				  r->kinds[k].kind == LINE_ANCHOR))
		k++;
	return k;
}

/*
 * Walk the definition whose last term line is `last`: the text after its
 * delimiter, the lines of its paragraph, what "+" attaches (a paragraph, a
 * block, a compound block whole), and after blank lines a nested list or
 * lines set in (or anything, while it has no text yet). Renders it into
 * rec (NULL: only measures) and returns the line after it.
 */
static size_t walk_definition(ad_reader *r, size_t last, int top, gg_i_record *rec, int *err)
{
	gg_i_markup_sink k = { rec, NULL };
	const char *s = r->t;
	size_t para = r->kinds[last].text, para_end = r->lines[last].end, at = last + 1;
	size_t depth = 0; /* compound blocks entered */
	bool text = false;
	gg_i_markup_trim(s, &para, &para_end);
#define FLUSH_PARA() do { \
		if (rec && para < para_end && !*err) { \
			gg_i_record_text(rec, "\n", 1, SIZE_MAX); \
			*err = render(r, &k, s + para, para_end - para, para, 0); \
		} \
		text |= para < para_end; \
		para = para_end = NONE; \
	} while (0)
	if (para == para_end)
		para = para_end = NONE;
	while (at < r->n_lines && !*err) {
		const ad_line *c = &r->kinds[at];
		const gg_i_markup_line *l = &r->lines[at];
		if (c->kind == LINE_TEXT) {
			if (r->cut[at])
				FLUSH_PARA(); /* the lines between were taken out */
			if (para == NONE)
				para = l->body;
			para_end = l->end;
			at++;
			continue;
		}
		bool had_text = text || para != NONE;
		FLUSH_PARA();
		size_t before = previous_block_line(r, at);
		bool attached = !had_text || (before != NONE && r->kinds[before].kind == LINE_ATTACH);
		if (!depth && (c->kind == LINE_TITLE || (c->kind == LINE_TERM && c->delim == top)))
			break;
		if (c->kind == LINE_BLANK || c->kind == LINE_ANCHOR || c->kind == LINE_SKIP) {
			size_t j = next_block_line(r, at);
			const ad_line *next = j < r->n_lines ? &r->kinds[j] : NULL;
			bool nested = next && (next->kind == LINE_TERM ||
					       (next->kind == LINE_TEXT && (r->lines[j].indent || list_item(r, j))));
			bool blank = c->kind == LINE_BLANK;
			if (!next || (!depth && blank && (had_text ? !nested : next->kind == LINE_TITLE ||
								     next->kind == LINE_ATTACH)) ||
			    (!depth && next->kind == LINE_TERM && next->delim == top))
				break;
			at = blank ? j : at + 1;
			continue;
		}
		if (c->kind == LINE_FRAME) {
			if (c->level < 0 && !depth)
				break; /* the end of a block the whole list is in */
			if (c->level > 0 && !depth && !attached)
				break;
			depth = c->level > 0 ? depth + 1 : depth - 1;
			text = true;
			at++;
			continue;
		}
		if (c->kind == LINE_TERM) { /* an item of a nested list: "term:", then its text */
			if (rec) {
				gg_i_record_text(rec, "\n", 1, SIZE_MAX);
				*err = render(r, &k, s + c->term, c->term_end - c->term, c->term, 0);
				gg_i_record_text(rec, ":", 1, c->term_end);
			}
			text = true;
			para = c->text;
			para_end = l->end;
			gg_i_markup_trim(s, &para, &para_end);
			if (para == para_end)
				para = para_end = NONE;
			at++;
			continue;
		}
		if (c->kind == LINE_OPEN) {
			if (!depth && !attached)
				break;
			bool code = at + 1 < r->n_lines && r->kinds[at + 1].kind == LINE_CODE;
			size_t first = ++at;
			gg_i_markup_code_block block = GG_MARKUP_CODE_INIT;
			for (; at < r->n_lines && (r->kinds[at].kind == LINE_CODE || r->kinds[at].kind == LINE_INNER); at++) {
				const gg_i_markup_line *b = &r->lines[at];
				if (!rec || gg_i_markup_blank(b))
					continue;
				if (code) {
					gg_i_markup_code_line(rec, &block, s, b);
				} else {
					gg_i_record_text(rec, "\n", 1, SIZE_MAX);
					*err = render(r, &k, s + b->body, b->end - b->body, b->body, 0);
				}
			}
			if (rec)
				gg_i_markup_code_end(rec, &block);
			text |= at > first;
			if (at < r->n_lines && r->kinds[at].kind == LINE_CLOSE)
				at++;
			continue;
		}
		at++; /* "+", a title inside a block, a stray end of block: nothing of their own */
	}
	FLUSH_PARA();
#undef FLUSH_PARA
	while (at > last + 1 && (r->kinds[at - 1].kind == LINE_BLANK || r->kinds[at - 1].kind == LINE_ATTACH ||
				 r->kinds[at - 1].kind == LINE_SKIP || r->kinds[at - 1].kind == LINE_ANCHOR))
		at--;
	return at;
}

/* Text s[a, b) rendered as a name into out; NULL when out of memory. */
static const char *name_text(ad_reader *r, size_t a, size_t b, gg_i_buf *out)
{
	gg_i_markup_sink sink = { NULL, out };
	gg_i_buf_clear(out);
	int err = render(r, &sink, r->t + a, b - a, a, 0);
	return err || gg_i_buf_ok(out) ? NULL : out->ptr ? out->ptr : "";
}

/* A term line's term rendered as a name into out; NULL when out of memory. */
static const char *term_text(ad_reader *r, size_t k, gg_i_buf *out)
{
	return name_text(r, r->kinds[k].term, r->kinds[k].term_end, out);
}

/* A section title's text as a name into out; NULL when out of memory. */
static const char *title_text(ad_reader *r, size_t k, gg_i_buf *out)
{
	const gg_i_markup_line *l = &r->lines[k];
	size_t a = l->body, b = l->end;
	while (a < b && r->t[a] == '=')
		a++;
	gg_i_markup_trim(r->t, &a, &b);
	if (b > a && r->t[b - 1] == '=') { /* "== Title ==" */
		size_t e = b;
		while (e > a && r->t[e - 1] == '=')
			e--;
		if (e > a && gg_i_markup_space(r->t[e - 1]))
			b = e;
		gg_i_markup_trim(r->t, &a, &b);
	}
	return name_text(r, a, b, out);
}

/* Index the anchor id t[a, b) as carried by entry e. 0 or GG_ENOMEM. */
static int index_anchor(ad_reader *r, size_t a, size_t b, uint32_t e)
{
	gg_i_markup_trim(r->t, &a, &b);
	if (a == b)
		return 0;
	char *key = gg_i_arena_strndup(&r->src->g->arena, r->t + a, b - a);
	if (!key || gg_i_strmap_put(&r->anchors, key, e, NULL) < 0)
		return gg_i_error_oom();
	return 0;
}

/* The entries of the list of kind `top`, their categories, and the anchors their terms carry. */
static int find_entries(ad_reader *r, int top)
{
	size_t titles[LEVELS] = { 0 };
	for (size_t k = 0; k < r->n_lines; k++)
		if (r->kinds[k].kind == LINE_TITLE)
			titles[r->kinds[k].level]++;
	int level = gg_i_markup_category_level(titles, LEVELS);
	size_t category = NONE, anchor = NONE;
	gg_i_buf name = GG_BUF_INIT;
	int err = 0;
	for (size_t k = 0; k < r->n_lines && !err;) {
		const ad_line *c = &r->kinds[k];
		if (c->kind == LINE_TITLE && c->level == level)
			category = k;
		else if (c->kind == LINE_TITLE && c->level < level)
			category = NONE;
		if (c->kind == LINE_ANCHOR)
			anchor = k;
		else if (c->kind != LINE_SKIP && !top_term(r, k, top))
			anchor = NONE; /* an anchor line belongs to what comes right after it */
		if (!top_term(r, k, top)) {
			k++;
			continue;
		}
		size_t n = 1;
		while (k + n < r->n_lines && top_term(r, k + n, top) &&
		       r->kinds[k + n - 1].text >= r->lines[k + n - 1].end)
			n++; /* terms without text stacked over one definition */
		size_t end = walk_definition(r, k + n - 1, top, NULL, &err);
		const char *term = term_text(r, k, &name);
		const char *kept = term ? gg_i_arena_strndup(&r->src->g->arena, term, name.len) : NULL;
		uint32_t e = (uint32_t)r->n_entries;
		if (!err && !kept)
			err = gg_i_error_oom();
		if (!err)
			err = push_entry(r, (ad_entry){ k, n, category, kept });
		if (!err && anchor != NONE)
			err = index_anchor(r, r->kinds[anchor].anchor, r->kinds[anchor].anchor_end, e);
		for (size_t j = k; j < k + n && !err; j++)
			if (r->kinds[j].anchor != NONE)
				err = index_anchor(r, r->kinds[j].anchor, r->kinds[j].anchor_end, e);
		anchor = NONE;
		k = end > k + n ? end : k + n;
	}
	gg_i_buf_free(&name);
	return err;
}

/* Entry me, whose list is of kind `top`, into the glossary. 0 or an error. */
static int read_entry(ad_reader *r, const ad_entry *me, int top)
{
	gg_i_record rec;
	gg_i_buf name = GG_BUF_INIT;
	int err = 0;
	gg_i_record_init(&rec, r->src, r->lines[me->first_term].body);
	for (size_t k = me->first_term; k < me->first_term + me->n_terms && !err; k++) {
		const char *s = term_text(r, k, &name);
		if (s)
			gg_i_record_name(&rec, s, name.len);
		else
			err = gg_i_error_oom();
	}
	if (!err && me->category != NONE) {
		const char *s = title_text(r, me->category, &name);
		if (s)
			gg_i_markup_category(&rec, s, name.len);
		else
			err = gg_i_error_oom();
	}
	if (!err)
		walk_definition(r, me->first_term + me->n_terms - 1, top, &rec, &err);
	if (!err)
		err = gg_i_record_finish(&rec);
	gg_i_record_free(&rec);
	gg_i_buf_free(&name);
	return err;
}

int gg_i_read_asciidoc(gg_glossary *g, const char *name, char *data, size_t len)
{
	gg_i_source src;
	ad_reader r;
	int top = 0;
	memset(&r, 0, sizeof(r));
	r.src = &src;
	r.anchors = (gg_i_strmap)GG_STRMAP_INIT;
	r.attr_names = (gg_i_strmap)GG_STRMAP_INIT;
	int err = gg_i_source_open(&src, g, name, data, len);
	if (err || (err = gg_i_markup_lines(&src, &r.lines)))
		goto cleanup;
	r.t = src.text;
	r.n_lines = src.n_lines;
	r.kinds = calloc(r.n_lines ? r.n_lines : 1, sizeof(*r.kinds));
	r.cut = calloc(r.n_lines ? r.n_lines : 1, sizeof(*r.cut));
	if (!r.kinds || !r.cut) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	if ((err = classify(&r, &top)) || (top && (err = find_entries(&r, top))))
		goto cleanup;
	for (size_t e = 0; e < r.n_entries && !err; e++)
		err = read_entry(&r, &r.entries[e], top);
	if (!err && r.expansion_cut)
		err = gg_i_glossary_warn(g, name, 0, "attribute references expanded past %d times the file's size; "
					 "the rest left as written", GG_MARKUP_MAX_EXPANSION);
	if (!err && !r.n_entries)
		err = gg_i_glossary_warn(g, name, 0, "%s", src.len ? "no entries in this file (no description list: \"term:: definition\")"
								: "empty file");
cleanup:
	free(r.lines);
	free(r.kinds);
	free(r.cut);
	free(r.entries);
	free(r.attrs);
	gg_i_strmap_free(&r.attr_names);
	gg_i_strmap_free(&r.anchors);
	gg_i_source_close(&src);
	return err;
}
