/* texinfo.c - reads Texinfo glossaries: two-column tables ("@table", "@item term"). */
#include "read/markup.h"
#include "model/names.h"
#include "core/error.h"
#include "core/strmap.h"
#include "core/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/*
 * What is read, as `makeinfo --html` shows it. Each item of the file's
 * outermost tables ("@table", "@ftable", "@vtable", not inside a list or
 * another table) is an entry: "@item" gives its term, the "@itemx" lines
 * after it aliases, and the text up to the next "@item", the table's end,
 * a "@node" or a section title its definition (paragraphs, lists and
 * nested tables as text, examples as code). Section titles ("@chapter",
 * "@section", ...) name the categories of the entries under them
 * (gg_i_markup_category_level; a single letter none).
 *
 * Inline: "@ref", "@xref" ("See ...") and "@pxref" ("see ...") are editor
 * links: to the entry an "@anchor{id}" just before or after its "@item"
 * lines names, else, when their node is no anchor or node of the file
 * (a glossary file a manual includes refers to its other nodes), to the
 * entry their text names if one does; to a node or another manual they
 * are text.
 * They show their second argument, else their third, else the node. Code
 * commands ("@code", "@samp", "@var", "@file", ...) are code; "@url"
 * and "@uref" show their text, else the address as code; "@acronym{VM,
 * Virtual machine}" reads "VM (Virtual machine)"; "@value{name}" the
 * value of a "@set" (not of one "@clear"ed; in all at most 16 times the
 * file's size); accents and glyphs ("@'e",
 * "@dots{}") their characters; "``", "''", "--" and "---" typographic
 * quotes and dashes, but not in code. Examples are code, their commands
 * rendered ("@verbatim" as written); "@deffn" and "@quotation" show their
 * heading. "@ifset" and "@ifclear" are read as the "@set" lines before
 * them say; footnotes, index entries, comments, menus, "@ignore", "@tex",
 * "@iftex", "@ifinfo", "@ifnothtml" and macro definitions show nothing.
 * "@include" is not followed (a warning says so).
 */

#define NONE SIZE_MAX

/* Section levels told apart: "@top", "@chapter", "@section", "@subsection", "@subsubsection". */
#define LEVELS 5

/* Blocks open at once; deeper ones are read as text. */
#define MAX_BLOCKS 32

/* Rendering nested commands goes this deep, then reads the rest as text. */
#define MAX_DEPTH 8

/* An anchor's or a node's key that is no entry's. */
#define NOT_ENTRY UINT32_MAX

/* The value of a name "@clear"ed. */
#define CLEARED UINT32_MAX

/* A section title longer than this (in the file) names no category. */
#define MAX_TITLE 800

typedef enum tx_kind {
	TX_TEXT,
	TX_BLANK,
	TX_SKIP,      /* a comment, an index entry, a line command that shows nothing, a line left out */
	TX_ANCHOR,    /* "@anchor{id}" alone on its line */
	TX_TITLE,     /* a section title: `level`, its text from `arg` */
	TX_NODE,      /* "@node Name, ...": ends a definition */
	TX_ITEM,      /* "@item" or "@itemx" (`itemx`) of an outermost table: a term from `arg` */
	TX_LIST_ITEM, /* "@item" of a list or a nested table (`in_table`): its text from `arg` */
	TX_BREAK,     /* a block opened or closed inside a definition */
	TX_TABLE_END, /* the end of an outermost table */
	TX_CODE       /* a line of an example */
} tx_kind;

typedef struct tx_line {
	unsigned char kind;
	unsigned char level; /* TX_TITLE */
	bool itemx;          /* TX_ITEM: "@itemx" */
	bool in_table;       /* TX_LIST_ITEM: of a nested table, or a quotation's heading ("term:") */
	bool raw;            /* TX_CODE: of "@verbatim", as written */
	size_t arg;          /* TX_TITLE, TX_ITEM, TX_LIST_ITEM: where its text starts */
} tx_line;

typedef enum block_kind {
	BLOCK_ENTRIES, /* an outermost table: its items are entries */
	BLOCK_LIST,    /* a list, or a table in a definition */
	BLOCK_TEXT,    /* a quotation, a display, a conditional that is read */
	BLOCK_CODE,    /* an example: code lines */
	BLOCK_SKIP,    /* left out whole */
	BLOCK_NONE     /* no block */
} block_kind;

typedef struct tx_block {
	block_kind kind;
	bool table;        /* BLOCK_LIST: a table ("term:" items) */
	const char *name;  /* the command that opened it, in the text (for its "@end") */
	size_t name_len;
} tx_block;

typedef struct tx_entry {
	size_t first_item; /* its "@item" line */
	size_t last_item;  /* its last "@itemx" line */
	size_t category;   /* the title line naming its category, or NONE */
	const char *term;  /* its term as read, in the arena (for links to its anchors) */
} tx_entry;

typedef struct tx_reader {
	gg_i_source *src;
	const char *t;
	gg_i_markup_line *lines;
	tx_line *kinds;
	size_t n_lines;
	tx_entry *entries;
	size_t n_entries, cap_entries;
	gg_i_strmap ids;    /* folded anchor or node name -> entry, or NOT_ENTRY */
	gg_i_strmap values; /* "@set" name -> index in `sets` */
	struct { size_t at, len; } *sets;
	size_t n_sets, cap_sets;
	size_t *match;      /* render's closing braces (see brace_matches) */
	size_t cap_match;
	int code;           /* > 0 while rendering code: no typographic quotes or dashes */
	size_t expanded;    /* bytes of "@value" expanded so far (gg_i_markup_may_expand) */
	bool values_cut;    /* some were not, past that */
	gg_i_arena keys;    /* name keys of the entries' terms and aliases */
	gg_i_strmap names;  /* key -> 1: what a link by its text can name */
	size_t category;    /* the title line rendered last (NONE: none yet) */
	gg_i_buf category_text;
} tx_reader;

/* Whether c is an ASCII letter (a command's name is made of them). */
static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether s[0, n) is `word`. */
static bool is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && memcmp(s, word, n) == 0;
}

/* Whether s[0, n) is one of the NULL-terminated words. */
static bool one_of(const char *s, size_t n, const char *const *words)
{
	for (; *words; words++)
		if (is(s, n, *words))
			return true;
	return false;
}

/* The blocks read as they come, as `makeinfo --html` reads them. */
static const char *const text_blocks[] = {
	"quotation", "smallquotation", "display", "smalldisplay", "format", "smallformat", "flushleft",
	"flushright", "cartouche", "indentedblock", "smallindentedblock", "raggedright", "group", "float",
	"ifhtml", "ifnottex", "ifnotinfo", "ifnotplaintext", "ifnotdocbook", "ifnotlatex", "ifnotxml",
	"ifcommanddefined", "ifcommandnotdefined", "deffn", "defun", "defvr", "defvar", "defopt", "deftp",
	"deftypefn", "deftypevr", NULL
};
/* Text blocks whose heading shows ("@quotation Note" reads "Note:"; "@deffn Command name" its words). */
static const char *const headed_blocks[] = { "quotation", "smallquotation", "deffn", "defun", "defvr", "defvar",
					     "defopt", "deftp", "deftypefn", "deftypevr", NULL };
static const char *const code_blocks[] = { "example", "smallexample", "lisp", "smalllisp", "verbatim", NULL };
static const char *const skip_blocks[] = {
	"ignore", "tex", "latex", "iftex", "iflatex", "ifdocbook", "ifxml", "ifinfo", "ifplaintext", "ifnothtml",
	"menu", "detailmenu", "direntry", "macro", "rmacro", "linemacro", "copying", "titlepage",
	"documentdescription", "html", "docbook", "xml", "displaymath", "nodedescriptionblock", NULL
};
static const char *const list_blocks[] = { "itemize", "enumerate", "multitable", NULL };
static const char *const table_blocks[] = { "table", "ftable", "vtable", NULL };
static const char *const title_commands[LEVELS][5] = {
	{ "top", "majorheading", "chapheading", NULL },
	{ "chapter", "unnumbered", "appendix", "heading", NULL },
	{ "section", "unnumberedsec", "appendixsec", "subheading", NULL },
	{ "subsection", "unnumberedsubsec", "appendixsubsec", "subsubheading", NULL },
	{ "subsubsection", "unnumberedsubsubsec", "appendixsubsubsec", NULL },
};

/* The position after the white space that follows s[at] (a command's name), up to end. */
static size_t past_space(const char *s, size_t at, size_t end)
{
	while (at < end && (s[at] == ' ' || s[at] == '\t'))
		at++;
	return at;
}

/* Fold white space runs of s[0, n) to one space, trimmed, into out (a node's or an anchor's key). NULL when out of memory. */
static const char *fold_key(const char *s, size_t n, gg_i_buf *out)
{
	gg_i_buf_clear(out);
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		bool white = gg_i_markup_space(s[i]);
		if (!white && space && out->len)
			gg_i_buf_putc(out, ' ');
		if (!white)
			gg_i_buf_putc(out, s[i]);
		space = white;
	}
	gg_i_buf_putc(out, '\0');
	return gg_i_buf_ok(out) ? NULL : out->ptr;
}

/* Record id s[0, n) as naming entry e (NOT_ENTRY: a node or a stray anchor); an entry's claim wins. 0 or GG_ENOMEM. */
static int index_id(tx_reader *r, const char *s, size_t n, uint32_t e, gg_i_buf *scratch)
{
	const char *key = fold_key(s, n, scratch);
	if (!key)
		return gg_i_error_oom();
	if (!key[0])
		return 0;
	uint32_t old;
	if (gg_i_strmap_get(&r->ids, key, &old)) {
		if (e != NOT_ENTRY && old == NOT_ENTRY)
			gg_i_strmap_set(&r->ids, key, e);
		return 0;
	}
	char *kept = gg_i_arena_strdup(&r->src->g->arena, key);
	return kept && gg_i_strmap_put(&r->ids, kept, e, NULL) >= 0 ? 0 : gg_i_error_oom();
}

/* Whether line k is "@anchor{id}" alone; the id in [*a, *b). */
static bool anchor_line(const tx_reader *r, size_t k, size_t *a, size_t *b)
{
	const gg_i_markup_line *l = &r->lines[k];
	const char *s = r->t;
	if (l->end - l->body < 9 || memcmp(s + l->body, "@anchor{", 8) != 0)
		return false;
	const char *close = memchr(s + l->body + 8, '}', l->end - l->body - 8);
	if (!close)
		return false;
	for (const char *p = close + 1; p < s + l->end; p++)
		if (!gg_i_markup_space(*p))
			return false; /* text after it: an inline anchor */
	*a = l->body + 8;
	*b = (size_t)(close - s);
	return true;
}

/*
 * Remember "@set name value" (`set`) or "@clear name", the name at text
 * position `at` of a line that ends at `end`. 0 or GG_ENOMEM.
 */
static int add_set(tx_reader *r, size_t at, size_t end, bool set)
{
	size_t name_end = at;
	while (name_end < end && !gg_i_markup_space(r->t[name_end]))
		name_end++;
	size_t value = past_space(r->t, name_end, end);
	if (name_end == at)
		return 0;
	char *key = gg_i_arena_strndup(&r->src->g->arena, r->t + at, name_end - at);
	if (!key || (set && GG_ARRAY_PUSH_SLOT(r->sets, r->n_sets, r->cap_sets)))
		return gg_i_error_oom();
	uint32_t index = set ? (uint32_t)r->n_sets : CLEARED, old;
	if (set) {
		r->sets[r->n_sets].at = value;
		r->sets[r->n_sets++].len = end - value;
	}
	if (gg_i_strmap_get(&r->values, key, &old))
		gg_i_strmap_set(&r->values, key, index);
	else if (gg_i_strmap_put(&r->values, key, index, NULL) < 0)
		return gg_i_error_oom();
	return 0;
}

/* Whether the name at text position `at` (up to white space or `end`) is "@set" now. */
static bool is_set(const tx_reader *r, size_t at, size_t end)
{
	size_t name_end = at;
	while (name_end < end && !gg_i_markup_space(r->t[name_end]))
		name_end++;
	char key[128];
	uint32_t v;
	if (name_end == at || name_end - at >= sizeof(key))
		return false;
	memcpy(key, r->t + at, name_end - at);
	key[name_end - at] = '\0';
	return gg_i_strmap_get(&r->values, key, &v) && v != CLEARED;
}

/*
 * Classify every line (r->kinds), counting section titles by level into
 * titles[], and index the file's nodes and anchors as no entry's (an
 * entry claims its own later). 0 or GG_ENOMEM.
 */
static int classify(tx_reader *r, size_t titles[LEVELS])
{
	tx_block stack[MAX_BLOCKS];
	size_t depth = 0, skipped = 0; /* skipped: nested blocks of the same name inside a BLOCK_SKIP */
	size_t beyond = 0;             /* blocks opened past MAX_BLOCKS: their "@end" lines close nothing */
	gg_i_buf key = GG_BUF_INIT;
	int err = 0;
	const char *s = r->t;
	for (size_t k = 0; k < r->n_lines && !err; k++) {
		const gg_i_markup_line *l = &r->lines[k];
		tx_line *c = &r->kinds[k];
		tx_block *top = depth ? &stack[depth - 1] : NULL;
		size_t name = l->body + 1, name_end = name;
		while (name_end < l->end && is_letter(s[name_end]))
			name_end++;
		bool command = l->body < l->end && s[l->body] == '@' && name_end > name;
		const char *cmd = s + name;
		size_t cmd_n = name_end - name, arg = past_space(s, name_end, l->end);
		bool end = command && is(cmd, cmd_n, "end");
		size_t end_n = 0; /* "@end name": its name's length */
		while (end && arg + end_n < l->end && is_letter(s[arg + end_n]))
			end_n++;
		c->kind = TX_TEXT;
		if (top && (top->kind == BLOCK_SKIP || top->kind == BLOCK_CODE)) {
			bool verbatim = is(top->name, top->name_len, "verbatim");
			c->kind = top->kind == BLOCK_SKIP ? TX_SKIP : TX_CODE;
			c->raw = verbatim;
			if (c->kind == TX_CODE && !verbatim && command &&
			    (is(cmd, cmd_n, "group") || is(cmd, cmd_n, "c") || is(cmd, cmd_n, "comment") ||
			     (end && end_n == 5 && memcmp(s + arg, "group", 5) == 0)))
				c->kind = TX_SKIP; /* an example's grouping and comments */
			if (end && end_n == top->name_len && memcmp(s + arg, top->name, end_n) == 0) {
				if (skipped)
					skipped--;
				else
					depth--;
				c->kind = TX_SKIP;
			} else if (top->kind == BLOCK_SKIP && command && cmd_n == top->name_len &&
				   memcmp(cmd, top->name, cmd_n) == 0) {
				skipped++;
			}
			continue;
		}
		if (l->body == l->end) {
			c->kind = TX_BLANK;
			continue;
		}
		if (k == 0 && l->end - l->body >= 6 && memcmp(s + l->body, "\\input", 6) == 0) {
			c->kind = TX_SKIP;
			continue;
		}
		if (!command || (name_end < l->end && s[name_end] == '{' && !is(cmd, cmd_n, "anchor")))
			continue; /* text, or a line that opens with an inline command */
		size_t a, b;
		if (anchor_line(r, k, &a, &b)) {
			c->kind = TX_ANCHOR;
			err = index_id(r, s + a, b - a, NOT_ENTRY, &key);
			continue;
		}
		if (s[name_end] == '{')
			continue;
		if (is(cmd, cmd_n, "c") || is(cmd, cmd_n, "comment")) {
			c->kind = TX_SKIP;
			continue;
		}
		c->kind = TX_SKIP; /* a line command, unless it is one of these */
		int level = -1;
		for (int v = 0; v < LEVELS && level < 0; v++)
			if (one_of(cmd, cmd_n, title_commands[v]))
				level = v;
		const tx_block *inner = NULL; /* the innermost block not read as it comes */
		for (size_t j = depth; j > 0 && !inner; j--)
			if (stack[j - 1].kind != BLOCK_TEXT)
				inner = &stack[j - 1];
		bool in_entries = inner && inner->kind == BLOCK_ENTRIES;
		if (level >= 0) {
			c->kind = TX_TITLE;
			c->level = (unsigned char)level;
			c->arg = arg;
			titles[level]++;
		} else if (is(cmd, cmd_n, "node")) {
			c->kind = TX_NODE;
			size_t comma = arg;
			while (comma < l->end && s[comma] != ',')
				comma++;
			err = index_id(r, s + arg, comma - arg, NOT_ENTRY, &key);
		} else if (is(cmd, cmd_n, "item") || is(cmd, cmd_n, "itemx") || is(cmd, cmd_n, "headitem")) {
			if (in_entries && !is(cmd, cmd_n, "headitem")) {
				c->kind = TX_ITEM;
				c->itemx = cmd_n == 5;
			} else if (inner) {
				c->kind = TX_LIST_ITEM;
				c->in_table = inner->kind == BLOCK_LIST && inner->table;
			}
			c->arg = arg;
		} else if (is(cmd, cmd_n, "tab") || is(cmd, cmd_n, "center") || is(cmd, cmd_n, "exdent")) {
			c->kind = TX_TEXT; /* render leaves the command out */
		} else if (is(cmd, cmd_n, "set") || is(cmd, cmd_n, "clear")) {
			err = add_set(r, arg, l->end, cmd_n == 3);
		} else if (is(cmd, cmd_n, "include")) {
			err = gg_i_glossary_warn(r->src->g, r->src->name, gg_i_source_line(r->src, l->body),
						 "'@include %.*s' is not read: name the included file as an input too",
						 (int)(l->end - arg < 200 ? l->end - arg : 200), s + arg);
		} else if (end && beyond) {
			beyond--;
		} else if (end) {
			size_t j = depth;
			while (j > 0 && !(stack[j - 1].name_len == end_n && memcmp(stack[j - 1].name, s + arg, end_n) == 0))
				j--;
			if (j > 0) {
				c->kind = stack[j - 1].kind == BLOCK_ENTRIES ? TX_TABLE_END
					: stack[j - 1].kind == BLOCK_TEXT ? TX_SKIP : TX_BREAK;
				depth = j - 1;
			}
		} else {
			block_kind kind = one_of(cmd, cmd_n, table_blocks)
				? (!top || top->kind == BLOCK_TEXT ? BLOCK_ENTRIES : BLOCK_LIST)
				: one_of(cmd, cmd_n, list_blocks) ? BLOCK_LIST
				: one_of(cmd, cmd_n, text_blocks) ? BLOCK_TEXT
				: one_of(cmd, cmd_n, code_blocks) ? BLOCK_CODE
				: one_of(cmd, cmd_n, skip_blocks) ? BLOCK_SKIP
				: is(cmd, cmd_n, "ifset") || is(cmd, cmd_n, "ifclear")
				? (is_set(r, arg, l->end) == (cmd_n == 5) ? BLOCK_TEXT : BLOCK_SKIP) : BLOCK_NONE;
			/* an outermost table inside a list or another table's text is a list */
			for (size_t j = 0; j < depth && kind == BLOCK_ENTRIES; j++)
				if (stack[j].kind != BLOCK_TEXT)
					kind = BLOCK_LIST;
			if (kind != BLOCK_NONE && depth == MAX_BLOCKS) {
				beyond++; /* read as text, to its "@end" */
			} else if (kind != BLOCK_NONE) {
				stack[depth++] = (tx_block){ kind, one_of(cmd, cmd_n, table_blocks), cmd, cmd_n };
				c->kind = kind == BLOCK_LIST || kind == BLOCK_CODE ? TX_BREAK : TX_SKIP;
				if (kind == BLOCK_TEXT && arg < l->end && one_of(cmd, cmd_n, headed_blocks)) {
					c->kind = TX_LIST_ITEM; /* its heading shows */
					c->arg = arg;
					c->in_table = cmd[0] != 'd';
				}
			}
		}
	}
	gg_i_buf_free(&key);
	return err;
}

/*
 * The closing brace of each opening one in s[0, n) into r->match (NONE
 * for one left open; "@{" and "@}" are no braces), so that render finds
 * each command's end at once. 0 or GG_ENOMEM.
 */
static int brace_matches(tx_reader *r, const char *s, size_t n)
{
	if (n > r->cap_match) {
		size_t *m = realloc(r->match, n * sizeof(*m));
		if (!m)
			return gg_i_error_oom();
		r->match = m;
		r->cap_match = n;
	}
	size_t open = NONE; /* the innermost open brace; the ones around it are chained through match[] */
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '@') {
			i++;
		} else if (s[i] == '{') {
			r->match[i] = open;
			open = i;
		} else if (s[i] == '}' && open != NONE) {
			size_t outer = r->match[open];
			r->match[open] = i;
			open = outer;
		}
	}
	while (open != NONE) {
		size_t outer = r->match[open];
		r->match[open] = NONE;
		open = outer;
	}
	return 0;
}

/* What a glyph command with empty braces ("@dots{}", "@ss{}") stands for, or NULL. */
static const char *glyph(const char *s, size_t n)
{
	static const char *const glyphs[][2] = {
		{ "dots", "\xE2\x80\xA6" }, { "enddots", "..." }, { "bullet", "\xE2\x80\xA2" },
		{ "minus", "\xE2\x88\x92" }, { "result", "\xE2\x87\x92" }, { "expansion", "\xE2\x86\xA6" },
		{ "print", "-|" }, { "equiv", "\xE2\x89\xA1" }, { "error", "error\xE2\x86\x92" },
		{ "point", "\xE2\x88\x97" }, { "arrow", "\xE2\x86\x92" }, { "TeX", "TeX" }, { "LaTeX", "LaTeX" },
		{ "tie", " " }, { "comma", "," }, { "atchar", "@" }, { "lbracechar", "{" }, { "rbracechar", "}" },
		{ "backslashchar", "\\" }, { "hashchar", "#" }, { "copyright", "\xC2\xA9" },
		{ "registeredsymbol", "\xC2\xAE" }, { "pounds", "\xC2\xA3" }, { "euro", "\xE2\x82\xAC" },
		{ "textdegree", "\xC2\xB0" }, { "geq", "\xE2\x89\xA5" }, { "leq", "\xE2\x89\xA4" },
		{ "exclamdown", "\xC2\xA1" }, { "questiondown", "\xC2\xBF" }, { "ordf", "\xC2\xAA" },
		{ "ordm", "\xC2\xBA" },
		{ "quotedblleft", "\xE2\x80\x9C" }, { "quotedblright", "\xE2\x80\x9D" },
		{ "quoteleft", "\xE2\x80\x98" }, { "quoteright", "\xE2\x80\x99" }, { "guillemetleft", "\xC2\xAB" },
		{ "guillemetright", "\xC2\xBB" }, { "today", "" }, { "thischapter", "" }, { "thissection", "" },
		{ "click", "\xE2\x86\x92" }, { "sub", "" }, { "sup", "" },
	};
	for (size_t i = 0; i < sizeof(glyphs) / sizeof(*glyphs); i++)
		if (is(s, n, glyphs[i][0]))
			return glyphs[i][1];
	return gg_i_markup_tex_letter(s, n);
}

/* The combining mark of an accent command ("'", "H", "v"...), or 0. */
static utf8proc_int32_t accent_mark(const char *s, size_t n)
{
	static const struct {
		const char *name;
		utf8proc_int32_t mark;
	} accents[] = {
		{ "'", 0x301 }, { "`", 0x300 }, { "^", 0x302 }, { "\"", 0x308 }, { "~", 0x303 }, { ",", 0x327 },
		{ "=", 0x304 }, { "H", 0x30B }, { "v", 0x30C }, { "u", 0x306 }, { "dotaccent", 0x307 },
		{ "ringaccent", 0x30A }, { "ogonek", 0x328 }, { "udotaccent", 0x323 }, { "ubaraccent", 0x331 },
		{ "tieaccent", 0x361 },
	};
	for (size_t i = 0; i < sizeof(accents) / sizeof(*accents); i++)
		if (is(s, n, accents[i].name))
			return accents[i].mark;
	return 0;
}

/* The argument list of a command s[a, b) cut at its top-level commas into arg[]/arg_end[]; how many (at most max). */
static size_t split_args(const tx_reader *r, const char *s, size_t a, size_t b, size_t *arg, size_t *arg_end, size_t max)
{
	size_t n = 0, start = a;
	for (size_t i = a; i < b && n + 1 < max; i++) {
		if (s[i] == '@')
			i++;
		else if (s[i] == '{' && r->match[i] != NONE && r->match[i] < b)
			i = r->match[i];
		else if (s[i] == ',') {
			arg[n] = start;
			arg_end[n++] = i;
			start = i + 1;
		}
	}
	arg[n] = start;
	arg_end[n++] = b;
	for (size_t i = 0; i < n; i++)
		gg_i_markup_trim(s, &arg[i], &arg_end[i]);
	return n;
}

static int render(tx_reader *r, gg_i_markup_sink *k, const char *s, size_t a, size_t b, size_t at, int depth);

/* Render s[a, b) into a buffer (as a name), into out. 0 or GG_ENOMEM. */
static int render_to(tx_reader *r, const char *s, size_t a, size_t b, size_t at, int depth, gg_i_buf *out)
{
	gg_i_markup_sink sink = { NULL, out };
	gg_i_buf_clear(out);
	int err = render(r, &sink, s, a, b, at, depth);
	return err ? err : gg_i_buf_ok(out);
}

/*
 * A cross reference "@ref{node, name, title, file, manual}" (its braces'
 * inside s[a, b)), shown after `prefix` ("See ", "see ", ""): see What is
 * read.
 */
static int render_ref(tx_reader *r, gg_i_markup_sink *k, const char *s, size_t a, size_t b, size_t at,
		      const char *prefix, int depth)
{
	size_t arg[5], arg_end[5];
	size_t n = split_args(r, s, a, b, arg, arg_end, 5);
	size_t shown = n > 1 && arg_end[1] > arg[1] ? 1 : n > 2 && arg_end[2] > arg[2] ? 2 : 0;
	bool external = (n > 3 && arg_end[3] > arg[3]) || (n > 4 && arg_end[4] > arg[4]);
	gg_i_markup_emit_elsewhere(k, prefix, strlen(prefix), at + a, at + b);
	size_t from = k->rec ? gg_i_record_mark(k->rec) : 0;
	int err = render(r, k, s, arg[shown], arg_end[shown], at, depth + 1);
	if (err || !k->rec || external)
		return err;
	gg_i_buf key = GG_BUF_INIT;
	const char *id = fold_key(s + arg[0], arg_end[0] - arg[0], &key);
	uint32_t e = NOT_ENTRY;
	if (!id) {
		err = gg_i_error_oom();
	} else if (!gg_i_strmap_get(&r->ids, id, &e)) { /* no anchor or node: the entry the text names */
		size_t len = k->rec->definition.len - from;
		bool short_enough = len && len <= GG_MARKUP_MAX_TARGET;
		char *name = short_enough ? gg_i_name_key(&r->keys, k->rec->definition.ptr + from, len) : NULL;
		uint32_t one;
		if (short_enough && !name)
			err = gg_i_error_oom();
		else if (name && gg_i_strmap_get(&r->names, name, &one))
			err = gg_i_markup_xref(k->rec, k->rec->definition.ptr + from, len, from);
	} else if (e != NOT_ENTRY && strlen(r->entries[e].term) <= GG_MARKUP_MAX_TARGET) {
		err = gg_i_markup_xref(k->rec, r->entries[e].term, strlen(r->entries[e].term), from);
	}
	gg_i_buf_free(&key);
	return err;
}

/*
 * s[a, b) as code: as it is, or rendered first when it holds commands
 * ("@code{@var{file}.c}"), without typographic quotes and dashes, placed
 * within s[a, b) in the file.
 */
static int render_code(tx_reader *r, gg_i_markup_sink *k, const char *s, size_t a, size_t b, size_t at, int depth)
{
	if (!memchr(s + a, '@', b - a)) {
		gg_i_markup_code(k, s + a, b - a, at + a);
		return 0;
	}
	gg_i_buf code = GG_BUF_INIT;
	r->code++;
	int err = render_to(r, s, a, b, at, depth + 1, &code);
	r->code--;
	size_t last = at + gg_i_markup_last_char(s, a, b);
	if (!err && k->rec) {
		gg_i_record_text(k->rec, "`", 1, at + a);
		gg_i_markup_emit_elsewhere(k, code.ptr ? code.ptr : "", code.len, at + a, last);
		gg_i_record_text(k->rec, "`", 1, last);
	} else if (!err) {
		gg_i_buf_put(k->out, code.ptr ? code.ptr : "", code.len);
	}
	gg_i_buf_free(&code);
	return err;
}

/* Commands whose argument is program text, shown as code. */
static const char *const code_commands[] = {
	"code", "samp", "command", "env", "file", "option", "kbd", "key", "var", "t", "indicateurl", NULL
};
/* Commands whose argument shows nothing. */
static const char *const hidden_commands[] = {
	"footnote", "anchor", "image", "cindex", "findex", "kindex", "pindex", "tindex", "vindex", "inlineraw",
	"inlinefmt", "inlinefmtifelse", "inlineifset", "inlineifclear", "errormsg", "sortas", "seeentry",
	"seealso", "caption", "shortcaption", "hyphenation", NULL
};

/*
 * Command `name` with its braces' inside s[a, b) (after "@name{", closed
 * at s[b]) rendered into k. at: the text position of s[0].
 */
static int render_command(tx_reader *r, gg_i_markup_sink *k, const char *name, size_t name_n, const char *s,
			  size_t a, size_t b, size_t at, int depth)
{
	size_t arg[3], arg_end[3], command_at = at + a - name_n - 2;
	const char *g = a == b ? glyph(name, name_n) : NULL;
	utf8proc_int32_t mark = accent_mark(name, name_n);
	int err = 0;
	if (g) {
		gg_i_markup_emit_elsewhere(k, g, strlen(g), command_at, at + b);
	} else if (mark) {
		gg_i_buf base = GG_BUF_INIT;
		err = render_to(r, s, a, b, at, depth + 1, &base);
		if (!err)
			gg_i_markup_emit_accented(k, base.ptr ? base.ptr : "", base.len, mark, command_at, at + b);
		gg_i_buf_free(&base);
	} else if (is(name, name_n, "ref") || is(name, name_n, "xref") || is(name, name_n, "pxref") ||
		   is(name, name_n, "inforef")) {
		const char *prefix = name[0] == 'x' ? "See " : name[0] == 'p' ? "see " : "";
		if (name[0] == 'i') { /* "@inforef{node, name, file}": always another manual */
			size_t n = split_args(r, s, a, b, arg, arg_end, 3);
			size_t shown = n > 1 && arg_end[1] > arg[1] ? 1 : 0;
			gg_i_markup_emit_elsewhere(k, "see ", 4, command_at, at + b);
			err = render(r, k, s, arg[shown], arg_end[shown], at, depth + 1);
		} else {
			err = render_ref(r, k, s, a, b, at, prefix, depth);
		}
	} else if (is(name, name_n, "url") || is(name, name_n, "uref") || is(name, name_n, "email")) {
		size_t n = split_args(r, s, a, b, arg, arg_end, 3);
		size_t shown = n > 2 && arg_end[2] > arg[2] ? 2 : n > 1 && arg_end[1] > arg[1] ? 1 : 0;
		if (shown)
			err = render(r, k, s, arg[shown], arg_end[shown], at, depth + 1);
		else
			err = render_code(r, k, s, arg[0], arg_end[0], at, depth);
	} else if (is(name, name_n, "acronym") || is(name, name_n, "abbr")) {
		size_t n = split_args(r, s, a, b, arg, arg_end, 2);
		err = render(r, k, s, arg[0], arg_end[0], at, depth + 1);
		if (!err && n > 1 && arg_end[1] > arg[1]) {
			gg_i_markup_emit_elsewhere(k, " (", 2, at + arg[1] - 1, at + b);
			err = render(r, k, s, arg[1], arg_end[1], at, depth + 1);
			gg_i_markup_emit_elsewhere(k, ")", 1, at + b, at + b);
		}
	} else if (is(name, name_n, "value")) {
		gg_i_buf key = GG_BUF_INIT;
		const char *v = fold_key(s + a, b - a, &key);
		uint32_t set;
		if (!v)
			err = gg_i_error_oom();
		else if (!gg_i_strmap_get(&r->values, v, &set) || set == CLEARED)
			; /* no value: nothing, as makeinfo warns */
		else if (!gg_i_markup_may_expand(k, r->src, &r->expanded, r->sets[set].len))
			r->values_cut = true;
		else
			gg_i_markup_emit(k, r->t + r->sets[set].at, r->sets[set].len, r->sets[set].at);
		gg_i_buf_free(&key);
	} else if (is(name, name_n, "verb")) { /* "@verb{|text|}": the text between the two delimiters */
		if (b - a >= 2 && s[a] == s[b - 1])
			gg_i_markup_code(k, s + a + 1, b - a - 2, at + a + 1);
	} else if (is(name, name_n, "U")) { /* "@U{00e9}" */
		char buf[8];
		long cp = 0;
		for (size_t i = a; i < b && i < a + 6 && cp >= 0; i++)
			cp = s[i] >= '0' && s[i] <= '9' ? cp * 16 + (s[i] - '0')
			   : (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f' ? cp * 16 + ((s[i] | 0x20) - 'a' + 10) : -1;
		if (cp > 0 && cp <= 0x10FFFF && utf8proc_codepoint_valid((utf8proc_int32_t)cp))
			gg_i_markup_emit_elsewhere(k, buf, (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)buf),
				       command_at, at + b);
	} else if (one_of(name, name_n, code_commands)) {
		err = render_code(r, k, s, a, b, at, depth);
	} else if (!one_of(name, name_n, hidden_commands)) { /* "@emph", "@strong", "@dfn", "@w", a macro... */
		if (is(name, name_n, "sup") && !memchr(s + a, '@', b - a))
			gg_i_markup_exponent(k, s + a, b - a); /* "10@sup{3}" reads "10^3" */
		err = render(r, k, s, a, b, at, depth + 1);
	}
	return err;
}

/*
 * Text s[a, b) (r->match set for s) rendered into k: commands as What is
 * read says, "``" and "''" as quotes, "--" and "---" as dashes. at: the
 * text position of s[0].
 */
static int render(tx_reader *r, gg_i_markup_sink *k, const char *s, size_t a, size_t b, size_t at, int depth)
{
	size_t i = a, run = a; /* s[run, i) is plain text not yet emitted */
	int err = 0;
#define FLUSH() do { if (i > run) gg_i_markup_emit(k, s + run, i - run, at + run); } while (0)
	if (depth > MAX_DEPTH) {
		gg_i_markup_emit(k, s + a, b - a, at + a);
		return 0;
	}
	while (i < b && !err) {
		char c = s[i], next = i + 1 < b ? s[i + 1] : '\0';
		if (c == '@' && next) {
			FLUSH();
			size_t w = i + 1;
			while (w < b && is_letter(s[w]))
				w++;
			if (w == i + 1 && strchr("@{}.?!", next)) { /* an escaped character, a sentence's end */
				gg_i_markup_emit(k, s + i + 1, 1, at + i + 1);
				i = run = i + 2;
			} else if (w == i + 1 && strchr("'`^\"~,=", next)) { /* an accent: "@'e", "@'{e}" */
				size_t base = i + 2, base_end = base;
				if (base < b && s[base] == '{' && r->match[base] != NONE && r->match[base] < b) {
					base_end = r->match[base];
					base++;
				} else {
					while (base_end < b && base_end - base < 4 &&
					       (base_end == base || ((unsigned char)s[base_end] & 0xC0) == 0x80))
						base_end++;
				}
				gg_i_buf letter = GG_BUF_INIT;
				err = render_to(r, s, base, base_end, at, depth + 1, &letter);
				if (!err)
					gg_i_markup_emit_accented(k, letter.ptr ? letter.ptr : "", letter.len, accent_mark(s + i + 1, 1),
						      at + i, at + base_end - 1);
				gg_i_buf_free(&letter);
				i = run = base_end + (base_end < b && s[base_end] == '}' && base > i + 2);
			} else if (w == i + 1) { /* "@*" a line break, "@ " a space, "@:", "@-", "@/" nothing */
				if (next == '*' || gg_i_markup_space(next))
					gg_i_markup_emit(k, " ", 1, at + i);
				i = run = i + 2;
			} else if ((is(s + i + 1, w - i - 1, "c") || is(s + i + 1, w - i - 1, "comment")) &&
				   (w == b || gg_i_markup_space(s[w]))) {
				while (w < b && s[w] != '\n' && s[w] != '\r') /* a comment to the line's end */
					w++;
				i = run = w;
			} else if (w < b && s[w] == '{' && r->match[w] != NONE && r->match[w] < b) {
				err = render_command(r, k, s + i + 1, w - i - 1, s, w + 1, r->match[w], at, depth);
				i = run = r->match[w] + 1;
			} else { /* a command without its braces ("@tab", "@noindent"): nothing */
				if (is(s + i + 1, w - i - 1, "tab"))
					gg_i_markup_emit(k, " ", 1, at + i);
				i = run = w + (w < b && s[w] == '{');
			}
		} else if (!r->code && ((c == '`' && next == '`') || (c == '\'' && next == '\''))) {
			FLUSH();
			gg_i_markup_emit_elsewhere(k, c == '`' ? "\xE2\x80\x9C" : "\xE2\x80\x9D", 3, at + i, at + i + 1);
			i = run = i + 2;
		} else if (!r->code && c == '-' && next == '-') {
			bool em = i + 2 < b && s[i + 2] == '-';
			FLUSH();
			gg_i_markup_emit_elsewhere(k, em ? "\xE2\x80\x94" : "\xE2\x80\x93", 3, at + i, at + i + 1 + em);
			i = run = i + 2 + em;
		} else {
			i++;
		}
	}
	FLUSH();
#undef FLUSH
	return err;
}

/* Render paragraph or line s[a, b) of the whole text into k, its braces matched first. */
static int render_span(tx_reader *r, gg_i_markup_sink *k, size_t a, size_t b)
{
	if (a >= b)
		return 0;
	int err = brace_matches(r, r->t + a, b - a);
	return err ? err : render(r, k, r->t + a, 0, b - a, a, 0);
}

/* Text r->t[a, b) rendered as a name into out; NULL when out of memory. */
static const char *name_text(tx_reader *r, size_t a, size_t b, gg_i_buf *out)
{
	gg_i_markup_sink sink = { NULL, out };
	gg_i_buf_clear(out);
	gg_i_markup_trim(r->t, &a, &b);
	int err = render_span(r, &sink, a, b);
	return err || gg_i_buf_ok(out) ? NULL : out->ptr ? out->ptr : "";
}

/*
 * Line l of an example into rec's code block b: as written when `raw`
 * ("@verbatim") or free of commands, else rendered without typographic
 * quotes and dashes ("@var{file}.c" reads "file.c"). 0 or GG_ENOMEM.
 */
static int code_line(tx_reader *r, gg_i_record *rec, gg_i_markup_code_block *b, const gg_i_markup_line *l, bool raw)
{
	if (raw || !memchr(r->t + l->body, '@', l->end - l->body)) {
		gg_i_markup_code_line(rec, b, r->t, l);
		return 0;
	}
	gg_i_buf text = GG_BUF_INIT;
	gg_i_markup_sink k = { rec, NULL };
	size_t last = gg_i_markup_last_char(r->t, l->body, l->end);
	int err = brace_matches(r, r->t + l->body, l->end - l->body);
	r->code++;
	err = err ? err : render_to(r, r->t + l->body, 0, l->end - l->body, l->body, 0, &text);
	r->code--;
	if (!err) {
		gg_i_record_text(rec, "\n", 1, SIZE_MAX);
		if (!b->open) /* a backtick stands for the block's start */
			gg_i_record_text(rec, "`", 1, l->body);
		gg_i_markup_emit_elsewhere(&k, text.ptr ? text.ptr : "", text.len, l->body, last);
		b->open = true;
		b->last = last;
	}
	gg_i_buf_free(&text);
	return err;
}

/*
 * The definition after the item lines that end at `last`: its lines up
 * to the next entry, the table's end, a node or a title, into rec
 * (paragraphs on lines of their own, examples as code). 0 or an error.
 */
static int read_definition(tx_reader *r, size_t last, gg_i_record *rec)
{
	gg_i_markup_sink k = { rec, NULL };
	size_t para = NONE, para_end = NONE;
	gg_i_markup_code_block block = GG_MARKUP_CODE_INIT;
	int err = 0;
#define FLUSH_PARA() do { \
		if (para != NONE && !err) { \
			gg_i_record_text(rec, "\n", 1, SIZE_MAX); \
			err = render_span(r, &k, para, para_end); \
		} \
		para = para_end = NONE; \
	} while (0)
	for (size_t at = last + 1; at < r->n_lines && !err; at++) {
		const tx_line *c = &r->kinds[at];
		const gg_i_markup_line *l = &r->lines[at];
		if (c->kind == TX_CODE) {
			FLUSH_PARA();
			if (!gg_i_markup_blank(l))
				err = code_line(r, rec, &block, l, c->raw);
			continue;
		}
		gg_i_markup_code_end(rec, &block);
		if (c->kind == TX_TEXT) {
			if (para == NONE)
				para = l->body;
			para_end = l->end;
			continue;
		}
		FLUSH_PARA();
		if ((c->kind == TX_ITEM && !c->itemx) || c->kind == TX_TABLE_END || c->kind == TX_NODE ||
		    c->kind == TX_TITLE)
			break;
		if (c->kind == TX_LIST_ITEM || (c->kind == TX_ITEM && c->itemx)) {
			gg_i_record_text(rec, "\n", 1, SIZE_MAX);
			size_t a = c->arg, b = l->end;
			gg_i_markup_trim(r->t, &a, &b);
			if (!(err = render_span(r, &k, a, b)) && c->in_table && a < b)
				gg_i_record_text(rec, ":", 1, gg_i_markup_last_char(r->t, a, b));
		}
	}
	FLUSH_PARA();
#undef FLUSH_PARA
	gg_i_markup_code_end(rec, &block);
	return err;
}

/* The last line of the item group that starts at line k: its "@itemx" lines, past index entries and comments. */
static size_t last_item(const tx_reader *r, size_t k)
{
	size_t last = k;
	for (size_t j = k + 1; j < r->n_lines; j++) {
		const tx_line *c = &r->kinds[j];
		if (c->kind == TX_ITEM && c->itemx)
			last = j;
		else if (c->kind != TX_SKIP && c->kind != TX_ANCHOR)
			break;
	}
	return last;
}

/* Index the anchors on lines [a, b) as naming entry e. 0 or GG_ENOMEM. */
static int claim_anchors(tx_reader *r, size_t a, size_t b, uint32_t e, gg_i_buf *scratch)
{
	int err = 0;
	for (size_t j = a; j < b && !err; j++) {
		size_t x, y;
		if (r->kinds[j].kind == TX_ANCHOR && anchor_line(r, j, &x, &y))
			err = index_id(r, r->t + x, y - x, e, scratch);
	}
	return err;
}

/* Index item line k's name as one a link by its text can name. 0 or GG_ENOMEM. */
static int index_name(tx_reader *r, size_t k, gg_i_buf *scratch)
{
	const char *name = name_text(r, r->kinds[k].arg, r->lines[k].end, scratch);
	if (!name)
		return gg_i_error_oom();
	if (scratch->len > GG_MARKUP_MAX_TARGET)
		return 0;
	/* "Virtual machine (VM)": the whole, the name before the parenthesis and the abbreviation in it */
	size_t len = scratch->len, open = len;
	while (open > 0 && name[open - 1] != '(')
		open--;
	bool abbreviated = len > 3 && name[len - 1] == ')' && open > 1 && name[open - 2] == ' ';
	const char *parts[3] = { name, name, name + open };
	size_t lens[3] = { len, abbreviated ? open - 2 : 0, abbreviated ? len - open - 1 : 0 };
	for (int p = 0; p < 3; p++) {
		if (!lens[p])
			continue;
		char *key = gg_i_name_key(&r->keys, parts[p], lens[p]);
		if (!key || gg_i_strmap_put(&r->names, key, 1, NULL) < 0)
			return gg_i_error_oom();
	}
	return 0;
}

/* The entries, their categories (titles at `level`), and the anchors just before or after their item lines. */
static int find_entries(tx_reader *r, int level)
{
	size_t category = NONE;
	gg_i_buf name = GG_BUF_INIT, scratch = GG_BUF_INIT;
	int err = 0;
	for (size_t k = 0; k < r->n_lines && !err; k++) {
		const tx_line *c = &r->kinds[k];
		if (c->kind == TX_TITLE && c->level == level)
			category = k;
		else if (c->kind == TX_TITLE && c->level < level)
			category = NONE;
		if (c->kind != TX_ITEM || c->itemx)
			continue;
		size_t last = last_item(r, k), first = k;
		while (first > 0 && (r->kinds[first - 1].kind == TX_ANCHOR || r->kinds[first - 1].kind == TX_SKIP))
			first--;
		size_t after = last + 1; /* anchors right after the item lines, before the text */
		while (after < r->n_lines && (r->kinds[after].kind == TX_ANCHOR || r->kinds[after].kind == TX_SKIP))
			after++;
		const char *term = name_text(r, c->arg, r->lines[k].end, &name);
		const char *kept = term ? gg_i_arena_strndup(&r->src->g->arena, term, name.len) : NULL;
		uint32_t e = (uint32_t)r->n_entries;
		if (!kept || GG_ARRAY_PUSH_SLOT(r->entries, r->n_entries, r->cap_entries)) {
			err = gg_i_error_oom();
			break;
		}
		r->entries[r->n_entries++] = (tx_entry){ k, last, category, kept };
		err = claim_anchors(r, first, after, e, &scratch);
		for (size_t j = k; j <= last && !err; j++) /* the names a link by its text can take */
			if (r->kinds[j].kind == TX_ITEM)
				err = index_name(r, j, &name);
		k = last;
	}
	gg_i_buf_free(&name);
	gg_i_buf_free(&scratch);
	return err;
}

/* Entry me into the glossary. 0 or an error. */
static int read_entry(tx_reader *r, const tx_entry *me)
{
	gg_i_record rec;
	gg_i_buf name = GG_BUF_INIT;
	int err = 0;
	gg_i_record_init(&rec, r->src, r->lines[me->first_item].body);
	for (size_t k = me->first_item; k <= me->last_item && !err; k++) {
		if (r->kinds[k].kind != TX_ITEM)
			continue;
		const char *s = name_text(r, r->kinds[k].arg, r->lines[k].end, &name);
		if (s)
			gg_i_record_name(&rec, s, name.len);
		else
			err = gg_i_error_oom();
	}
	if (!err && me->category != NONE && r->lines[me->category].end - r->kinds[me->category].arg <= MAX_TITLE) {
		if (me->category != r->category) { /* a title read once for the entries under it */
			r->category = me->category;
			if (!name_text(r, r->kinds[me->category].arg, r->lines[me->category].end, &r->category_text))
				err = gg_i_error_oom();
		}
		if (!err)
			gg_i_markup_category(&rec, r->category_text.ptr ? r->category_text.ptr : "", r->category_text.len);
	}
	err = err ? err : read_definition(r, me->last_item, &rec);
	err = err ? err : gg_i_record_finish(&rec);
	gg_i_record_free(&rec);
	gg_i_buf_free(&name);
	return err;
}

int gg_i_read_texinfo(gg_glossary *g, const char *name, char *data, size_t len)
{
	gg_i_source src;
	tx_reader r;
	size_t titles[LEVELS] = { 0 };
	memset(&r, 0, sizeof(r));
	r.src = &src;
	r.ids = (gg_i_strmap)GG_STRMAP_INIT;
	r.values = (gg_i_strmap)GG_STRMAP_INIT;
	r.names = (gg_i_strmap)GG_STRMAP_INIT;
	r.keys = (gg_i_arena)GG_ARENA_INIT;
	r.category_text = (gg_i_buf)GG_BUF_INIT;
	r.category = NONE;
	int err = gg_i_source_open(&src, g, name, data, len);
	if (err || (err = gg_i_markup_lines(&src, &r.lines)))
		goto cleanup;
	r.t = src.text;
	r.n_lines = src.n_lines;
	if (!(r.kinds = calloc(r.n_lines ? r.n_lines : 1, sizeof(*r.kinds)))) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	if ((err = classify(&r, titles)) || (err = find_entries(&r, gg_i_markup_category_level(titles, LEVELS))))
		goto cleanup;
	for (size_t e = 0; e < r.n_entries && !err; e++)
		err = read_entry(&r, &r.entries[e]);
	if (!err && r.values_cut)
		err = gg_i_glossary_warn(g, name, 0, "\"@value\" expanded past %d times the file's size; the rest left out",
					 GG_MARKUP_MAX_EXPANSION);
	if (!err && !r.n_entries)
		err = gg_i_glossary_warn(g, name, 0, "%s", src.len ? "no entries in this file (no two-column table: \"@table\" with \"@item term\")"
								: "empty file");
cleanup:
	free(r.lines);
	free(r.kinds);
	free(r.entries);
	free(r.sets);
	free(r.match);
	gg_i_strmap_free(&r.ids);
	gg_i_strmap_free(&r.values);
	gg_i_strmap_free(&r.names);
	gg_i_arena_free(&r.keys);
	gg_i_buf_free(&r.category_text);
	gg_i_source_close(&src);
	return err;
}
