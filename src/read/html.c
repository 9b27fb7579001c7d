/*
 * html.c - reader for HTML glossaries, parsed with libxml2's HTML parser:
 * definition lists (<dl><dt>term</dt><dd>definition</dd></dl>, as
 * Wikipedia's glossaries, Sphinx and MkDocs write them), tables of terms,
 * one heading per term, or bold terms opening paragraphs (bold also by
 * the page's styles, as online editors export it).
 */
#include "read/read.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/libxml.h"
#include "core/strmap.h"
#include "core/text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

/* <dt> or <dd> of one group past this many are reported and passed over. */
#define MAX_GROUP 64

typedef struct html_reader {
	gg_glossary *g;
	const char *name;
	const char *file_name; /* name past its last '/', as a link names the page */
	gg_i_strmap anchors; /* id or name of an entry's anchor -> index in terms */
	const char **terms;
	size_t n_terms, cap_terms;
	uint32_t *tag_lines; /* line of each start tag of the entries' names, in page order */
	size_t n_tag_lines;
	bool own_lines;      /* tag_lines match those elements one for one */
	xmlNode *root;       /* the page's root element */
	xmlNode *category;   /* the last category heading read, and its text */
	const char *category_text;
	bool numbered;       /* every category heading has a section number, to leave out */
	gg_i_strmap ids;     /* every id and name on the page, once a link to no entry asks */
	gg_i_arena ids_arena; /* their keys */
	bool ids_read;
} html_reader;

/* Whether n is a `tag` element (tag in lower case); the first byte settles most. */
static bool is_element(const xmlNode *n, const char *tag)
{
	return n->type == XML_ELEMENT_NODE && n->name && (n->name[0] | 0x20) == tag[0] &&
	       xmlStrcasecmp(n->name, (const xmlChar *)tag) == 0;
}

static int heading_level(const xmlNode *n);

static bool is_block(const xmlNode *n)
{
	static const char *const blocks[] = { "p", "div", "br", "li", "ul", "ol", "dd", "dt",
					      "table", "tr", "td", "th", "blockquote", "pre", "section",
					      "article", "header", "footer", "aside", "nav", "main",
					      "figure", "figcaption", "hr" };
	if (heading_level(n))
		return true;
	for (size_t i = 0; i < sizeof(blocks) / sizeof(*blocks); i++)
		if (is_element(n, blocks[i]))
			return true;
	return false;
}

/* Append s to b, white space runs folded to one space. */
static void put_folded(gg_i_buf *b, const char *s)
{
	for (; *s; s++) {
		bool space = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		if (space) {
			if (b->len && b->ptr[b->len - 1] != ' ')
				gg_i_buf_putc(b, ' ');
		} else {
			gg_i_buf_putc(b, *s);
		}
	}
}

/*
 * A permalink marker ("¶" in <a class="headerlink">, as Sphinx and MkDocs
 * put in every <dt>): part of the page's chrome, not of the term.
 */
static bool is_permalink(const xmlNode *n)
{
	if (!is_element(n, "a"))
		return false;
	xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class");
	bool yes = cls && strstr((const char *)cls, "headerlink");
	xmlFree(cls);
	return yes;
}

/*
 * The anchor of a link to this very page ("#id", "glossary.html#id",
 * "./glossary.html#id"), or NULL: a link to another page is no editor's
 * cross-reference, even when its text names an entry.
 */
static const char *own_anchor_of(const html_reader *r, const char *href)
{
	const char *hash = href ? strchr(href, '#') : NULL;
	if (!hash || !hash[1])
		return NULL;
	size_t page = (size_t)(hash - href);
	if (page >= 2 && strncmp(href, "./", 2) == 0) {
		href += 2;
		page -= 2;
	}
	if (page && (page != strlen(r->file_name) || strncmp(href, r->file_name, page) != 0))
		return NULL;
	return hash + 1;
}

/*
 * Whether `anchor` is on no element of the page (*broken), as a link made
 * with a typo or to an id the page's generator left out: its text then
 * names the entry meant, as the AsciiDoc reader takes an unknown anchor.
 * A link to an element that is no entry's (a section) stays no editor
 * link. The page's ids are gathered on the first call. 0 or GG_ENOMEM.
 */
static int broken_anchor(html_reader *r, const char *anchor, bool *broken)
{
	static const char *const attrs[] = { "id", "name" };
	for (xmlNode *n = r->root; n && !r->ids_read; n = gg_i_libxml_next(n, r->root, true)) {
		/* an id on any element, a name on <a> (a form's fields have names too) */
		for (size_t k = 0; k < (is_element(n, "a") ? 2 : 1) && n->type == XML_ELEMENT_NODE; k++) {
			xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[k]);
			if (!v)
				continue;
			char *key = gg_i_arena_strdup(&r->ids_arena, (const char *)v);
			xmlFree(v);
			if (!key || gg_i_strmap_put(&r->ids, key, 0, NULL) < 0)
				return gg_i_error_oom();
		}
	}
	r->ids_read = true;
	uint32_t unused;
	/* "#top" is the top of any page */
	*broken = gg_i_strcasecmp(anchor, "top") != 0 && !gg_i_strmap_get(&r->ids, anchor, &unused);
	return 0;
}

/* Whether s[0, n) has a letter (a byte past ASCII counts as one). */
static bool has_letter(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || isalpha((unsigned char)s[i]))
			return true;
	return false;
}

typedef struct text_out {
	gg_i_buf text;
	gg_xref *xrefs;
	size_t n_xrefs, cap_xrefs;
} text_out;

/* Whether n is an inline element for code: program text, input, output, a variable. */
static bool is_code(const xmlNode *n)
{
	static const char *const code[] = { "code", "tt", "kbd", "samp", "var" };
	for (size_t i = 0; i < sizeof(code) / sizeof(*code); i++)
		if (is_element(n, code[i]))
			return true;
	return false;
}

/* What collect_text makes of links and code. */
enum {
	TEXT_LINKS = 1, /* links to an entry's anchor become xrefs */
	TEXT_CODE = 2,  /* code elements are written between backticks */
};

static int collect_text(html_reader *r, xmlNode *root, text_out *out, unsigned how);

/*
 * Append the text of code element n between backticks, as Markdown writes
 * a code span, so that the linker holds the mentions inside as code; its
 * links (TEXT_LINKS in `how`) keep their place. Nothing for an empty
 * element. 0 or GG_ENOMEM.
 */
static int put_code(html_reader *r, xmlNode *n, text_out *out, unsigned how)
{
	text_out inner = { GG_BUF_INIT, NULL, 0, 0 };
	int err = collect_text(r, n, &inner, how & TEXT_LINKS);
	const char *code = inner.text.ptr ? inner.text.ptr : "";
	size_t len = inner.text.len, lead = 0;
	while (len && code[len - 1] == ' ')
		len--;
	while (lead < len && code[lead] == ' ')
		lead++;
	if (!err && lead < len) {
		gg_i_buf_putc(&out->text, '`');
		size_t at = out->text.len;
		gg_i_buf_put(&out->text, code + lead, len - lead);
		gg_i_buf_putc(&out->text, '`');
		for (size_t k = 0; k < inner.n_xrefs && !err; k++) {
			gg_xref x = inner.xrefs[k];
			if (x.offset < lead || x.offset + x.len > len)
				continue; /* a link of blank text only */
			x.offset = at + x.offset - lead;
			if ((err = GG_ARRAY_PUSH_SLOT(out->xrefs, out->n_xrefs, out->cap_xrefs)) == 0)
				out->xrefs[out->n_xrefs++] = x;
		}
	}
	gg_i_buf_free(&inner.text);
	free(inner.xrefs);
	return err ? err : gg_i_buf_ok(&out->text);
}

static bool is_blank_text(const xmlNode *n);

/* The one element n holds, when all else in it is white space; else NULL. */
static xmlNode *only_element(xmlNode *n)
{
	xmlNode *found = NULL;
	for (xmlNode *k = n->children; k; k = k->next) {
		if (k->type == XML_ELEMENT_NODE && !found)
			found = k;
		else if (!is_blank_text(k) && k->type != XML_COMMENT_NODE)
			return NULL;
	}
	return found;
}

/* Whether n is a link into this page to an anchor that no entry has (a note's, a citation's). */
static bool links_to_note(const html_reader *r, const xmlNode *n)
{
	if (!n || !is_element(n, "a"))
		return false;
	xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
	const char *anchor = own_anchor_of(r, (const char *)href);
	uint32_t t;
	bool yes = anchor && !gg_i_strmap_get(&r->anchors, anchor, &t);
	xmlFree(href);
	return yes;
}

/*
 * Whether n marks a note, part of the page's apparatus rather than of the
 * text: a superscript whose text is in brackets ("[1]", "[citation
 * needed]", as wikis print them), or that holds only a link to a note in
 * the page (<sup><a href="#fn1">1</a></sup>), or such a link holding only a
 * superscript (<a href="#fn1"><sup>1</sup></a>). A superscript of other
 * text ("10<sup>3</sup>") is text.
 */
static bool is_note_marker(const html_reader *r, xmlNode *n)
{
	if (is_element(n, "a")) {
		xmlNode *k = only_element(n);
		return k && is_element(k, "sup") && links_to_note(r, n);
	}
	if (!is_element(n, "sup"))
		return false;
	if (links_to_note(r, only_element(n)))
		return true;
	xmlChar *text = xmlNodeGetContent(n);
	const char *c = text ? (const char *)text : "";
	size_t len = strlen(c);
	while (len && (c[len - 1] == ' ' || c[len - 1] == '\n' || c[len - 1] == '\t' || c[len - 1] == '\r'))
		len--;
	while (len && (*c == ' ' || *c == '\n' || *c == '\t' || *c == '\r')) {
		c++;
		len--;
	}
	bool bracketed = len >= 2 && c[0] == '[' && c[len - 1] == ']';
	xmlFree(text);
	return bracketed;
}

/* Whether n is a superscript exponent (gg_i_is_exponent) of what `out` ends with. */
static bool is_exponent(xmlNode *n, const gg_i_buf *out)
{
	if (!is_element(n, "sup") || !out->len)
		return false;
	xmlChar *text = xmlNodeGetContent(n);
	bool yes = text && gg_i_is_exponent((unsigned char)out->ptr[out->len - 1], (const char *)text,
					   strlen((const char *)text));
	xmlFree(text);
	return yes;
}

/*
 * Append node n to `out` as collect_text reads it: a text node's text, an
 * element's place as a block (a space), a caret before an exponent,
 * nothing of scripts, styles, permalinks and note markers, a link to an
 * entry's anchor, or to an anchor the page lacks (broken_anchor), with its
 * text (TEXT_LINKS in `how`), a code element
 * between backticks (TEXT_CODE). *descend says whether n's children are still to be read.
 * 0 or GG_ENOMEM.
 */
static int put_node(html_reader *r, xmlNode *n, text_out *out, unsigned how, bool *descend)
{
	*descend = true;
	/* what follows a block is apart from it, as what it holds is */
	if (n->prev && out->text.len && out->text.ptr[out->text.len - 1] != ' ' && is_block(n->prev))
		gg_i_buf_putc(&out->text, ' ');
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		put_folded(&out->text, (const char *)n->content);
		return 0;
	}
	if (is_element(n, "script") || is_element(n, "style") || is_permalink(n) ||
	    is_note_marker(r, n)) {
		*descend = false;
		return 0;
	}
	if ((how & TEXT_CODE) && is_code(n)) {
		*descend = false;
		return put_code(r, n, out, how);
	}
	if (is_block(n) && out->text.len && out->text.ptr[out->text.len - 1] != ' ')
		gg_i_buf_putc(&out->text, ' ');
	if (is_exponent(n, &out->text))
		gg_i_buf_putc(&out->text, '^');
	if (!(how & TEXT_LINKS) || !is_element(n, "a"))
		return 0;
	xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
	const char *anchor = own_anchor_of(r, (const char *)href);
	uint32_t t = UINT32_MAX;
	bool broken = false;
	int err = 0;
	if (anchor && !gg_i_strmap_get(&r->anchors, anchor, &t))
		err = broken_anchor(r, anchor, &broken);
	if (!err && (t != UINT32_MAX || broken)) {
		text_out inner = { GG_BUF_INIT, NULL, 0, 0 };
		err = collect_text(r, n, &inner, 0);
		size_t len = inner.text.len;
		const char *label = inner.text.ptr ? inner.text.ptr : "";
		while (len && label[len - 1] == ' ')
			len--;
		while (len && *label == ' ') {
			label++;
			len--;
		}
		size_t at = out->text.len;
		gg_i_buf_put(&out->text, label, len);
		/* AsciiDoc's generators show a reference they have no text for as
		 * "[id]"; a missing note's "[1]" names nothing */
		bool bracketed = broken && len > 2 && label[0] == '[' && label[len - 1] == ']';
		bool named = len && (!broken || has_letter(label + bracketed, len - 2 * bracketed));
		const char *target = !named	? NULL
				     : !broken ? r->terms[t]
						: gg_i_arena_strndup(&r->g->arena, label + bracketed, len - 2 * bracketed);
		if (!err && named && !target)
			err = gg_i_error_oom();
		if (!err && named && (err = GG_ARRAY_PUSH_SLOT(out->xrefs, out->n_xrefs, out->cap_xrefs)) == 0)
			out->xrefs[out->n_xrefs++] = (gg_xref){ target, at, len };
		gg_i_buf_free(&inner.text);
		free(inner.xrefs);
		*descend = false;
	}
	xmlFree(href);
	return err;
}

/*
 * The text of the subtree under `root`, folded to one line; with
 * TEXT_LINKS in `how`, every link to the anchor of an entry of this page
 * (<a href="#id">) becomes an xref to that entry at its place in the text,
 * and one to an anchor the page lacks an xref to the entry its text names;
 * with TEXT_CODE, code elements go between backticks (put_code).
 * Iterative but for code elements and links: nesting depth costs no stack.
 */
static int collect_text(html_reader *r, xmlNode *root, text_out *out, unsigned how)
{
	bool descend;
	for (xmlNode *n = root->children; n; n = gg_i_libxml_next(n, root, descend)) {
		int err = put_node(r, n, out, how, &descend);
		if (err)
			return err;
	}
	return gg_i_buf_ok(&out->text);
}

/* As collect_text, node n itself included. */
static int collect_node(html_reader *r, xmlNode *n, text_out *out, unsigned how)
{
	bool descend;
	int err = put_node(r, n, out, how, &descend);
	if (!err && descend && n->type == XML_ELEMENT_NODE)
		err = collect_text(r, n, out, how);
	return err ? err : gg_i_buf_ok(&out->text);
}

/* Sanitised copy of folded text in the arena. */
static const char *finish_text(gg_i_arena *a, const gg_i_buf *b, size_t *len)
{
	size_t n = b->len;
	const char *s = b->ptr ? b->ptr : "";
	while (n && s[n - 1] == ' ')
		n--;
	size_t lead = 0;
	while (lead < n && s[lead] == ' ')
		lead++;
	gg_i_buf clean = GG_BUF_INIT;
	gg_i_utf8_sanitize(&clean, s + lead, n - lead);
	const char *out = clean.oom ? NULL : gg_i_arena_strndup(a, clean.ptr ? clean.ptr : "", clean.len);
	if (len)
		*len = clean.len;
	gg_i_buf_free(&clean);
	return out;
}

/* Make the id and name of element n anchors of term `index`. */
static int add_anchors(html_reader *r, const xmlNode *n, uint32_t index)
{
	const char *attrs[] = { "id", "name" };
	for (size_t k = 0; k < 2; k++) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[k]);
		if (!v)
			continue;
		char *key = gg_i_arena_strdup(&r->g->arena, (const char *)v);
		xmlFree(v);
		if (!key || gg_i_strmap_put(&r->anchors, key, index, NULL) < 0)
			return gg_i_error_oom();
	}
	return 0;
}

/* Whether n is white space only (a text node) and may stand between tags. */
static bool is_blank_text(const xmlNode *n)
{
	if (n->type != XML_TEXT_NODE)
		return false;
	for (const xmlChar *c = n->content; c && *c; c++)
		if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r')
			return false;
	return true;
}

/* The text of a name element (a <dt>, a cell, a heading), on one line. */
static const char *dt_text(html_reader *r, xmlNode *dt)
{
	text_out t = { GG_BUF_INIT, NULL, 0, 0 };
	const char *s = collect_text(r, dt, &t, 0) ? NULL : finish_text(&r->g->arena, &t.text, NULL);
	gg_i_buf_free(&t.text);
	free(t.xrefs);
	return s;
}

/*
 * Layouts. A page lays its entries out in one of four ways, each looked
 * for on its own: definition lists (<dt>/<dd>); one heading per term, the
 * level with the most headings that have text under them (a lone <h1> is
 * the page's title), a heading above that level naming a category; tables,
 * a row per entry, the term in the first cell and the definition in the
 * cell that has the most text (or as a header row names them); and bold
 * items, a paragraph or list item that opens with <b>Term</b>,
 * <strong>Term</strong> or <dfn>Term</dfn> then ':', a dash or a line
 * break. In each, the section heading nearest above an entry is its
 * category (not the page's lone <h1>; a list, table or bold items take
 * sections only when they sort them: find_each). The first of
 * these that has entries is read, unless a later one names more than
 * twice as many different terms: explicit markup holds against a few
 * sections or a data table in it, and a label that opens one paragraph
 * after another ("<b>Example:</b>") counts once. The Markdown reader knows
 * the same layouts.
 */
typedef enum layout_kind { LAYOUT_LIST, LAYOUT_HEADINGS, LAYOUT_TABLE, LAYOUT_BOLD, LAYOUT_COUNT } layout_kind;

/* One entry as a layout finds it, in nodes of the layout's pool. */
typedef struct html_entry {
	size_t names, n_names; /* the elements holding its names: <dt>s, a cell, a heading, a <b> */
	size_t defs, n_defs;   /* the nodes of its definition, each read whole */
	xmlNode *category;     /* the section heading it stands under, or NULL */
	bool separator;        /* its definition opens with the ':' or dash after a bold term */
	size_t fields, n_fields; /* a table row's cells under other named columns (html_layout.cells) */
} html_entry;

/* A cell of a table row under a column its header names (aliases, abbreviations, category, see also). */
typedef struct html_cell {
	xmlNode *cell;
	gg_i_field field;
} html_cell;

/* A <dl> group with more than MAX_GROUP names or definitions. */
typedef struct html_overflow {
	xmlNode *dl;
	size_t dropped;
} html_overflow;

typedef struct html_layout {
	xmlNode *section;      /* the section heading of the block being read (find_each), or NULL */
	html_entry *entries;
	size_t n_entries, cap_entries;
	xmlNode **nodes;
	size_t n_nodes, cap_nodes;
	html_overflow *overflows;
	size_t n_overflows, cap_overflows;
	html_cell *cells;
	size_t n_cells, cap_cells;
} html_layout;

static void layout_free(html_layout *l)
{
	free(l->entries);
	free(l->nodes);
	free(l->overflows);
	free(l->cells);
	memset(l, 0, sizeof(*l));
}

/* Append node n to l's pool. 0 or GG_ENOMEM. */
static int push_node(html_layout *l, xmlNode *n)
{
	if (GG_ARRAY_PUSH_SLOT(l->nodes, l->n_nodes, l->cap_nodes))
		return GG_ENOMEM;
	l->nodes[l->n_nodes++] = n;
	return 0;
}

/* Add an entry of the names and definition nodes pushed since `names`
 * (the first n_names of them names), standing under section heading
 * `category` (or NULL). 0 or GG_ENOMEM. */
static int push_entry(html_layout *l, size_t names, size_t n_names, xmlNode *category)
{
	if (GG_ARRAY_PUSH_SLOT(l->entries, l->n_entries, l->cap_entries))
		return GG_ENOMEM;
	l->entries[l->n_entries++] = (html_entry){ names, n_names, names + n_names,
						   l->n_nodes - names - n_names, category, false, 0, 0 };
	return 0;
}

/* The level of a heading element (<h1> .. <h6>), or 0. */
static int heading_level(const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || !n->name || (n->name[0] | 0x20) != 'h' ||
	    n->name[1] < '1' || n->name[1] > '6' || n->name[2])
		return 0;
	return n->name[1] - '0';
}

/*
 * The elements that hold the entries' names, by the start tags that open
 * them: <dt>, cells, bold, and each level of heading. Each is numbered in
 * page order within its class (in its _private), so that the lines this
 * reader counts for the start tags (count_tag_lines) can stand for the
 * parser's.
 */
enum { NAME_DT, NAME_CELL, NAME_BOLD, NAME_H1, NAME_CLASSES = NAME_H1 + 6 };

static const char *const name_tags[NAME_CLASSES][4] = {
	[NAME_DT] = { "dt" }, [NAME_CELL] = { "td", "th" }, [NAME_BOLD] = { "b", "strong", "dfn" },
	[NAME_H1] = { "h1" }, [NAME_H1 + 1] = { "h2" }, [NAME_H1 + 2] = { "h3" },
	[NAME_H1 + 3] = { "h4" }, [NAME_H1 + 4] = { "h5" }, [NAME_H1 + 5] = { "h6" },
};

/* The name class of element n, or -1. */
static int name_class(const xmlNode *n)
{
	int level = heading_level(n);
	if (level)
		return NAME_H1 + level - 1;
	for (int c = 0; c < NAME_H1; c++)
		for (int k = 0; k < 3 && name_tags[c][k]; k++)
			if (is_element(n, name_tags[c][k]))
				return c;
	return -1;
}

/*
 * The elements each layout starts from, found in one walk of the page:
 * the <dl>s not inside another, the <table>s, the headings (each element
 * above one marked, in `extra`, with the least level of the headings it
 * holds: libxml2 leaves `extra` to its XPath and XSLT code, which this
 * reader does not use), the <p> and <li> elements, and every <dt>; with
 * each list, table and item, the number of headings before it. The
 * elements of each name class are numbered on the way.
 */
typedef struct html_block {
	xmlNode *node;
	size_t headings_before; /* the last of them is its section's heading */
} html_block;

/* What a heading is to the entries under it (classify_heading). */
typedef enum { HEADING_UNREAD, HEADING_SECTION, HEADING_LETTER, HEADING_OTHER } heading_kind;

typedef struct html_survey {
	html_block *lists, *tables, *items;
	xmlNode **headings, **dts;
	unsigned char *kinds; /* each heading's heading_kind, read when first asked */
	size_t n_lists, n_tables, n_headings, n_items, n_dts;
	size_t cap_lists, cap_tables, cap_headings, cap_items, cap_dts;
	size_t titles; /* <h1> headings */
	size_t named[NAME_CLASSES]; /* elements of each name class */
} html_survey;

static void survey_free(html_survey *s)
{
	free(s->lists);
	free(s->tables);
	free(s->headings);
	free(s->kinds);
	free(s->items);
	free(s->dts);
}

/* Append n to one of the survey's arrays. 0 or GG_ENOMEM. */
static int survey_push(xmlNode ***nodes, size_t *n, size_t *cap, xmlNode *node)
{
	if (GG_ARRAY_PUSH_SLOT(*nodes, *n, *cap))
		return GG_ENOMEM;
	(*nodes)[(*n)++] = node;
	return 0;
}

/* Append block n, after the survey's headings so far, to one of its arrays. 0 or GG_ENOMEM. */
static int survey_push_block(const html_survey *s, html_block **blocks, size_t *n, size_t *cap, xmlNode *node)
{
	if (GG_ARRAY_PUSH_SLOT(*blocks, *n, *cap))
		return GG_ENOMEM;
	(*blocks)[(*n)++] = (html_block){ node, s->n_headings };
	return 0;
}

/* Whether an element above n is a `tag`. */
static bool inside(const xmlNode *n, const char *tag)
{
	for (n = n->parent; n; n = n->parent)
		if (is_element(n, tag))
			return true;
	return false;
}

/* Fill s from the page under root, in one walk. 0 or GG_ENOMEM. */
static int survey_page(html_survey *s, xmlNode *root)
{
	int err = 0;
	for (xmlNode *n = root; n && !err; n = gg_i_libxml_next(n, root, true)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		int level = heading_level(n), c = name_class(n);
		if (c >= 0)
			n->_private = (void *)(uintptr_t)++s->named[c];
		if (c == NAME_DT)
			err = survey_push(&s->dts, &s->n_dts, &s->cap_dts, n);
		if (level) {
			s->titles += level == 1;
			err = survey_push(&s->headings, &s->n_headings, &s->cap_headings, n);
			/* above a mark as low as this one, every mark is too */
			for (xmlNode *p = n->parent;
			     p && p->type == XML_ELEMENT_NODE && (!p->extra || p->extra > level); p = p->parent)
				p->extra = (unsigned short)level;
		} else if (is_element(n, "dl") && !inside(n, "dl")) {
			err = survey_push_block(s, &s->lists, &s->n_lists, &s->cap_lists, n);
		} else if (is_element(n, "table")) {
			err = survey_push_block(s, &s->tables, &s->n_tables, &s->cap_tables, n);
		} else if (is_element(n, "p") || is_element(n, "li")) {
			err = survey_push_block(s, &s->items, &s->n_items, &s->cap_items, n);
		}
	}
	if (!err && !(s->kinds = calloc(s->n_headings ? s->n_headings : 1, 1)))
		err = GG_ENOMEM;
	return err;
}

/* The <dt>/<dd> groups of one <dl> (also inside HTML5's <div> wrappers):
 * an entry's names, then its definitions, in the pool. */
static int find_list(html_layout *l, xmlNode *dl)
{
	size_t group = l->n_nodes, n_dts = 0, n_dds = 0, dropped = 0;
	int err = 0;
	for (xmlNode *n = dl->children; n && !err; ) {
		bool descend = is_element(n, "div");
		if (is_element(n, "dt")) {
			if (n_dds) {
				err = push_entry(l, group, n_dts, l->section);
				group = l->n_nodes;
				n_dts = n_dds = 0;
			}
			if (n_dts == MAX_GROUP)
				dropped++;
			else if (!err && !(err = push_node(l, n)))
				n_dts++;
		} else if (is_element(n, "dd") && n_dts) {
			if (n_dds == MAX_GROUP)
				dropped++;
			else if (!(err = push_node(l, n)))
				n_dds++;
		}
		n = gg_i_libxml_next(n, dl, descend);
	}
	if (!err && n_dts)
		err = push_entry(l, group, n_dts, l->section);
	if (!err && dropped) {
		if (GG_ARRAY_PUSH_SLOT(l->overflows, l->n_overflows, l->cap_overflows))
			return GG_ENOMEM;
		l->overflows[l->n_overflows++] = (html_overflow){ dl, dropped };
	}
	return err;
}

/* Whether the text under n is white space only (or none). */
static bool blank_element(xmlNode *n)
{
	for (xmlNode *k = n; k; k = gg_i_libxml_next(k, n, true))
		if (k->type == XML_TEXT_NODE && !is_blank_text(k))
			return false;
	return true;
}

/* Bytes of text under n (blank text included): how much a cell holds. */
static size_t text_bytes(xmlNode *n)
{
	size_t bytes = 0;
	for (xmlNode *k = n; k; k = gg_i_libxml_next(k, n, true))
		if (k->type == XML_TEXT_NODE && k->content)
			bytes += strlen((const char *)k->content);
	return bytes;
}

/* The cells (<td>, <th>) of row tr, up to MAX_GROUP; returns how many. */
static size_t row_cells(xmlNode *tr, xmlNode **cells, bool *all_th)
{
	size_t n = 0;
	*all_th = true;
	for (xmlNode *c = tr->children; c && n < MAX_GROUP; c = c->next)
		if (is_element(c, "td") || is_element(c, "th")) {
			*all_th = *all_th && is_element(c, "th");
			cells[n++] = c;
		}
	return n;
}

/* The rows of table t, not those of tables inside it. */
static xmlNode *next_row(xmlNode *n, xmlNode *t)
{
	bool descend = n == t || !(is_element(n, "table") || is_element(n, "tr"));
	for (n = gg_i_libxml_next(n, t, descend); n; n = gg_i_libxml_next(n, t, !is_element(n, "table")))
		if (is_element(n, "tr"))
			return n;
	return NULL;
}

/* A term is short: a cell of more text is no term, and its table no glossary. */
#define MAX_TERM_CELL 200

/* What the text of cell c names as a column header (gg_i_field_named). */
static gg_i_field header_field(xmlNode *c)
{
	xmlChar *text = xmlNodeGetContent(c);
	gg_i_field f = text ? gg_i_field_named((const char *)text, strlen((const char *)text)) : GG_FIELD_NONE;
	xmlFree(text);
	return f;
}

/*
 * Whether row cells[0, n) is a header: all <th>, or two cells or more that
 * name columns as CSV's header does, the term's or the definition's among
 * them ("Term | Meaning"; a row "Name | A word for a thing" is an entry).
 * The term and definition columns it names are set in *term and
 * *definition (left as they are when it names none), what each column
 * names in fields[0, n).
 */
static bool header_row(xmlNode *const *cells, size_t n, bool all_th, size_t *term, size_t *definition,
		       gg_i_field *fields)
{
	size_t named = 0, t = SIZE_MAX, d = SIZE_MAX;
	for (size_t k = 0; k < n; k++) {
		fields[k] = header_field(cells[k]);
		named += fields[k] != GG_FIELD_NONE;
		if (fields[k] == GG_FIELD_TERM && t == SIZE_MAX)
			t = k;
		if (fields[k] == GG_FIELD_DEFINITION && d == SIZE_MAX)
			d = k;
	}
	if (!all_th && (named < 2 || (t == SIZE_MAX && d == SIZE_MAX)))
		return false;
	if (t != SIZE_MAX)
		*term = t;
	if (d != SIZE_MAX)
		*definition = d;
	return true;
}

/*
 * The entries of table t: each row of two cells or more but header rows;
 * the term in the first column and the definition in the column past it
 * with the most text, unless a header row names them; a row with fewer
 * cells takes its last as the definition, and a row with an empty term
 * cell goes on with the entry above. Cells under a column the header names
 * as aliases, abbreviations, category or see also are read as CSV's are. A table that makes fewer than two
 * entries (one, under a header row naming the definition's column), or
 * has a term cell over MAX_TERM_CELL bytes, is taken for layout, not a
 * glossary. 0 or GG_ENOMEM.
 */
static int find_table(html_layout *l, xmlNode *t)
{
	size_t text[MAX_GROUP] = { 0 }, rows = 0, term = 0, definition = SIZE_MAX, n_named = 0;
	xmlNode *cells[MAX_GROUP], *header = NULL;
	gg_i_field named[MAX_GROUP];
	bool all_th;
	for (xmlNode *tr = next_row(t, t); tr; tr = next_row(tr, t)) {
		size_t n = row_cells(tr, cells, &all_th);
		if (n < 2)
			continue;
		if (!rows && !header && header_row(cells, n, all_th, &term, &definition, named)) {
			header = tr;
			n_named = n;
			continue;
		}
		if (all_th)
			continue;
		if (term < n && text_bytes(cells[term]) > MAX_TERM_CELL)
			return 0;
		rows++;
		for (size_t k = 0; k < n; k++)
			text[k] += text_bytes(cells[k]);
	}
	if (rows == 0 || (rows == 1 && (!header || definition == SIZE_MAX)))
		return 0; /* one row makes a glossary only under a header naming its columns */
	if (definition == SIZE_MAX) /* the fullest column but the term's */
		for (size_t k = 0; k < MAX_GROUP; k++)
			if (k != term && (definition == SIZE_MAX || text[k] > text[definition]))
				definition = k;
	size_t first = l->n_entries;
	int err = 0;
	for (xmlNode *tr = next_row(t, t); tr && !err; tr = next_row(tr, t)) {
		size_t n = row_cells(tr, cells, &all_th), names = l->n_nodes;
		size_t d = definition < n ? definition : n - 1;
		if (n < 2 || all_th || tr == header || term >= n || d == term)
			continue;
		if (blank_element(cells[term])) {
			/* no term: the row goes on with the entry above */
			if (l->n_entries > first && !(err = push_node(l, cells[d])))
				l->entries[l->n_entries - 1].n_defs++;
			continue;
		}
		if (!(err = push_node(l, cells[term])))
			err = push_node(l, cells[d]);
		err = err ? err : push_entry(l, names, 1, l->section);
		size_t fields = l->n_cells;
		for (size_t k = 0; k < n && k < n_named && !err; k++) {
			bool other = named[k] == GG_FIELD_ALIASES || named[k] == GG_FIELD_ABBREV ||
				     named[k] == GG_FIELD_CATEGORY || named[k] == GG_FIELD_RELATED;
			if (!other || k == term || k == d || blank_element(cells[k]))
				continue;
			if ((err = GG_ARRAY_PUSH_SLOT(l->cells, l->n_cells, l->cap_cells)) == 0)
				l->cells[l->n_cells++] = (html_cell){ cells[k], named[k] };
		}
		if (!err) {
			l->entries[l->n_entries - 1].fields = fields;
			l->entries[l->n_entries - 1].n_fields = l->n_cells - fields;
		}
	}
	return err;
}

/*
 * The nodes after heading h up to the next heading of `level` or above (or
 * the end of `root`: the page, or the <main> or <article> around h), each
 * whole: an element that holds such a heading is gone into rather than
 * taken, and <footer>, <nav> and <aside> are passed over. Pushed to l's
 * pool when l is not NULL; returns whether any holds text but white space
 * outside tables.
 */
static bool after_heading(xmlNode *h, xmlNode *root, int level, html_layout *l, int *err)
{
	bool text = false;
	for (xmlNode *n = gg_i_libxml_next(h, root, false); n && !*err; ) {
		int at = heading_level(n);
		if (at && at <= level)
			break;
		if (n->type == XML_ELEMENT_NODE && n->extra && n->extra <= level) {
			n = gg_i_libxml_next(n, root, true);
			continue;
		}
		if (is_element(n, "footer") || is_element(n, "nav") || is_element(n, "aside")) {
			n = gg_i_libxml_next(n, root, false); /* the page's furniture, no definition's text */
			continue;
		}
		/* a table's text does not count: a section heading over a table of
		 * terms is no term */
		if (!text && !is_element(n, "script") && !is_element(n, "style"))
			for (xmlNode *k = n; k && !text; k = gg_i_libxml_next(k, n, !is_element(k, "table")))
				text = k->type == XML_TEXT_NODE && !is_blank_text(k);
		if (!l && text)
			break; /* the answer is known; nothing to collect */
		if (l)
			*err = push_node(l, n);
		n = gg_i_libxml_next(n, root, false);
	}
	return text;
}

/* Where the text under heading h can reach: the <main> or <article> around it, else root. */
static xmlNode *scope_of(xmlNode *h, xmlNode *root)
{
	for (xmlNode *p = h->parent; p && p != root; p = p->parent)
		if (is_element(p, "main") || is_element(p, "article"))
			return p;
	return root;
}

/*
 * s past the number a generator gives its section ("1 Compute", "2.3.
 * Storage", "A.1 Terms", as Texinfo, Sphinx and DocBook number them); s
 * itself when it has none or is nothing else. Left out only when every
 * section has one ("24 Hour Clock" alone keeps its number).
 */
static const char *past_section_number(const char *s)
{
	size_t i = 0;
	if (s[0] >= 'A' && s[0] <= 'Z' && s[1] == '.' && s[2] >= '0' && s[2] <= '9')
		i = 2; /* an appendix's section */
	size_t digits = 0; /* of the number's first part: a year is no section's */
	while (s[i + digits] >= '0' && s[i + digits] <= '9')
		digits++;
	if (digits == 0 || digits > 3)
		return s;
	while ((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9'))
		i++;
	if (s[i] == '.')
		i++;
	if (s[i] != ' ')
		return s;
	while (s[i] == ' ')
		i++;
	return s[i] ? s + i : s;
}

/*
 * The category heading h's text (its section number left out when every
 * category heading has one, r->numbered), read once for the entries under
 * it. NULL when out of memory.
 */
static const char *category_text(html_reader *r, xmlNode *h)
{
	if (h != r->category) {
		const char *t = dt_text(r, h);
		if (!t)
			return NULL;
		r->category = h;
		r->category_text = r->numbered ? past_section_number(t) : t;
	}
	return r->category_text;
}

/* Whether every category of layout l's entries has a section number ("2.1 Storage"). */
static bool numbered_sections(html_reader *r, const html_layout *l)
{
	xmlNode *last = NULL;
	bool any = false;
	for (size_t e = 0; e < l->n_entries; e++) {
		xmlNode *h = l->entries[e].category;
		if (!h || h == last)
			continue;
		const char *t = dt_text(r, h);
		if (!t || past_section_number(t) == t)
			return false;
		last = h;
		any = true;
	}
	return any;
}

/* Longest section heading taken for a category, in bytes. */
#define MAX_CATEGORY 200

/*
 * What the survey's heading k is to the entries under it, its text read
 * once whichever layout asks: a section that names their category (not
 * the page's lone <h1>, not a paragraph's worth), one letter ("A", "É": a
 * section of an alphabetical list), or neither (also when out of memory).
 */
static heading_kind classify_heading(html_reader *r, const html_survey *s, size_t k)
{
	if (s->kinds[k] == HEADING_UNREAD) {
		xmlNode *h = s->headings[k];
		const char *t = dt_text(r, h);
		size_t n = t ? strlen(t) : 0;
		gg_i_char_kind kind = GG_CHAR_OTHER;
		if (n <= MAX_CATEGORY && gg_i_utf8_chars(t, n) > 1 && !(heading_level(h) == 1 && s->titles == 1))
			s->kinds[k] = HEADING_SECTION;
		else if (n && gg_i_utf8_char((const unsigned char *)t, n, &kind) == n &&
			 (kind == GG_CHAR_LETTER || kind == GG_CHAR_CAPITAL))
			s->kinds[k] = HEADING_LETTER;
		else
			s->kinds[k] = HEADING_OTHER;
	}
	return (heading_kind)s->kinds[k];
}

/*
 * Run `find` on each of blocks[0, n) into l, its entries under the section
 * heading above the block (see Layouts). Sections are categories only when
 * they sort the entries: two of them at least, and no letter among them
 * (an alphabetical list's "Symbols" is none; nor is a page's title, all
 * entries under it). 0 or the first error.
 */
static int find_each(html_reader *r, html_layout *l, const html_survey *s, const html_block *blocks, size_t n,
		     int (*find)(html_layout *, xmlNode *))
{
	int err = 0;
	size_t seen = 0, first = l->n_entries;
	xmlNode *first_section = NULL;
	bool sorted = false, letters = false, letter = false;
	for (size_t k = 0; k < n && !err; k++) {
		size_t h = blocks[k].headings_before;
		if (h != seen) {
			heading_kind kind = classify_heading(r, s, h - 1);
			l->section = kind == HEADING_SECTION ? s->headings[h - 1] : NULL;
			letter = kind == HEADING_LETTER;
			seen = h;
		}
		size_t before = l->n_entries;
		err = find(l, blocks[k].node);
		if (l->n_entries > before && h) {
			letters = letters || letter;
			if (l->section && !first_section)
				first_section = l->section;
			sorted = sorted || (l->section && l->section != first_section);
		}
	}
	for (size_t e = first; e < l->n_entries && (letters || !sorted); e++)
		l->entries[e].category = NULL;
	l->section = NULL;
	return err;
}

/* One heading per term (see Layouts) into l, from the survey's headings. 0 or GG_ENOMEM. */
static int find_headings(html_reader *r, html_layout *l, const html_survey *s, xmlNode *root)
{
	size_t with_text[7] = { 0 };
	int level = 0, err = 0;
	for (size_t k = 0; k < s->n_headings; k++) {
		xmlNode *h = s->headings[k];
		int v = heading_level(h);
		if (!(v == 1 && s->titles == 1) && after_heading(h, scope_of(h, root), 6, NULL, &err))
			with_text[v]++;
	}
	for (int v = 1; v <= 6; v++)
		if (with_text[v] > (level ? with_text[level] : 0))
			level = v;
	xmlNode *category = NULL;
	for (size_t k = 0; k < s->n_headings && level && !err; k++) {
		xmlNode *h = s->headings[k];
		int v = heading_level(h);
		if (v > level)
			continue;
		if (v < level) {
			category = classify_heading(r, s, k) == HEADING_SECTION ? h : NULL;
			continue;
		}
		size_t names = l->n_nodes;
		if (!(err = push_node(l, h)))
			after_heading(h, scope_of(h, root), level, l, &err);
		err = err ? err : push_entry(l, names, 1, category);
	}
	return err;
}

/* Bytes of the ':', dash ("-", "--", "---"), en or em dash at s (s[0, n) readable), or 0. */
static size_t separator_len(const char *s, size_t n)
{
	size_t dashes = 0;
	while (dashes < 3 && dashes < n && s[dashes] == '-')
		dashes++;
	return n >= 1 && s[0] == ':' ? 1 : dashes ? dashes : gg_i_dash_len(s, n);
}

/* Bytes of the white space at s (s[0, n) readable): 1 for a space, tab or
 * line break, 2 for a no-break space (as editors put one after a term); 0. */
static size_t space_len(const char *s, size_t n)
{
	if (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		return 1;
	return n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0 ? 2 : 0;
}

/* Bytes of the spaces (space_len) at s[0, n). */
static size_t spaces_len(const char *s, size_t n)
{
	size_t i = 0;
	for (size_t k; (k = space_len(s + i, n - i)) != 0;)
		i += k;
	return i;
}

/*
 * Whether text s begins, past spaces (space_len) and a parenthetical of
 * the term's name ("<b>API</b> (Application Programming Interface): ..."),
 * with ':', an en or an em dash, or dashes before a space
 * ("<b>Warning</b>-level" is one word).
 */
static bool opens_with_separator(const char *s)
{
	size_t len = strlen(s), i = spaces_len(s, len), paren = gg_i_name_paren_end(s, i, len);
	if (paren > i)
		i = paren + spaces_len(s + paren, len - paren);
	size_t n = separator_len(s + i, len - i);
	return n && !(s[i] == '-' && s[i + n] && !strchr(" \t\n\r", s[i + n]));
}

/* Whether the text of n ends, before spaces, with ':'. */
static bool ends_with_colon(xmlNode *n)
{
	const xmlNode *last = NULL;
	for (xmlNode *k = n; k; k = gg_i_libxml_next(k, n, true))
		if (k->type == XML_TEXT_NODE && !is_blank_text(k))
			last = k;
	if (!last)
		return false;
	size_t len = strlen((const char *)last->content);
	while (len && strchr(" \t\r\n", last->content[len - 1]))
		len--;
	return len && last->content[len - 1] == ':';
}

/* The first text after element n inside `item`, past blank text, in the
 * elements that follow too (<span>: text</span>, as word processors write
 * it); NULL when there is none before a line break. */
static const xmlNode *text_after(xmlNode *n, const xmlNode *item)
{
	for (xmlNode *k = n->next ? n->next : gg_i_libxml_next(n, item, false); k && !is_element(k, "br");
	     k = gg_i_libxml_next(k, item, true))
		if (k->type == XML_TEXT_NODE && k->content && !is_blank_text(k))
			return k;
	return NULL;
}

/*
 * The <b>, <strong> or <dfn> that opens `item` (a <p> or <li>) as a bold term:
 * the term, then ':', a dash or a line break. NULL when item is no bold
 * item. *separator: whether a ':' or dash opens the text after it (rather
 * than ending the term).
 */
static xmlNode *bold_term(xmlNode *item, bool *separator)
{
	xmlNode *b = item->children;
	while (b && (is_blank_text(b) || (is_element(b, "a") && !b->children)))
		b = b->next;
	if (!b || name_class(b) != NAME_BOLD)
		return NULL;
	xmlNode *after = b->next;
	while (after && is_blank_text(after))
		after = after->next;
	const xmlNode *text = text_after(b, item);
	bool opens = text && opens_with_separator((const char *)text->content);
	bool colon = ends_with_colon(b);
	*separator = opens && !colon;
	return colon || (after && is_element(after, "br")) || opens ? b : NULL;
}

/* Whether a bold item (bold_term) stands inside n: an entry of its own,
 * whose text is no part of the definition around it. */
static bool holds_bold_item(xmlNode *n)
{
	bool separator;
	for (xmlNode *k = n; k; k = gg_i_libxml_next(k, n, true))
		if ((is_element(k, "p") || is_element(k, "li")) && bold_term(k, &separator))
			return true;
	return false;
}

/* A <p> or <li> that opens with a bold term: the term, then the nodes
 * after it as its definition, but for lists or paragraphs that hold bold
 * items of their own (a nested list of terms). */
static int find_bold_item(html_layout *l, xmlNode *item)
{
	bool separator;
	xmlNode *b = bold_term(item, &separator);
	if (!b)
		return 0;
	size_t names = l->n_nodes;
	int err = push_node(l, b);
	for (xmlNode *n = b->next; n && !err; n = n->next)
		if (n->type != XML_ELEMENT_NODE || !holds_bold_item(n))
			err = push_node(l, n);
	if (!err && !(err = push_entry(l, names, 1, l->section)))
		l->entries[l->n_entries - 1].separator = separator;
	return err;
}

/* Wrappers a term's anchors are looked for on, one inside the other. */
#define MAX_WRAPPERS 3
/* Nodes before a term looked at for empty anchors. */
#define MAX_ANCHORS_BEFORE 16

/*
 * The node before n in document order inside `scope` (scope itself never),
 * an element entered from its last child: the elements met so are empty.
 * NULL at the start of scope.
 */
static xmlNode *prev_in(xmlNode *n, const xmlNode *scope)
{
	while (!n->prev) {
		n = n->parent;
		if (!n || n == scope)
			return NULL;
	}
	n = n->prev;
	while (n->type == XML_ELEMENT_NODE && n->last)
		n = n->last;
	return n;
}

/* Whether n is the first element of its parent, but for empty <a> before it (text may stand before it). */
static bool opens_parent(const xmlNode *n)
{
	for (const xmlNode *c = n->prev; c; c = c->prev)
		if (c->type == XML_ELEMENT_NODE && !(is_element(c, "a") && !c->children))
			return false;
	return true;
}

/* Whether n is the only element of its parent. */
static bool sole_element(const xmlNode *n)
{
	if (!opens_parent(n))
		return false;
	for (const xmlNode *c = n->next; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return false;
	return true;
}

/*
 * The element around n that n opens (see opens_parent), when it wraps an
 * entry: around a term (depth 0), a <div>, a <section>, a table row, a
 * paragraph, a list item, or the <dl> of a <dt>; further out only what
 * wraps a list: the <dl> around an HTML5 <div> group, and a <div> that
 * holds the <dl> and nothing else (Asciidoctor's block with its anchor).
 * NULL otherwise.
 */
static xmlNode *opened_wrapper(xmlNode *n, int depth)
{
	static const char *const around_term[] = { "div", "section", "tr", "p", "li" };
	xmlNode *wrapper = n->parent;
	if (!wrapper || wrapper->type != XML_ELEMENT_NODE || !opens_parent(n))
		return NULL;
	bool is = false;
	if (depth == 0) {
		for (size_t k = 0; k < sizeof(around_term) / sizeof(*around_term); k++)
			is = is || is_element(wrapper, around_term[k]);
		is = is || (is_element(wrapper, "dl") && is_element(n, "dt"));
	} else {
		is = (is_element(n, "div") && is_element(wrapper, "dl")) ||
		     (is_element(n, "dl") && is_element(wrapper, "div") && sole_element(n));
	}
	return is ? wrapper : NULL;
}

/*
 * Remember the anchors of an entry, for href="#id": every id and name on
 * or inside the element of its first name, on the empty elements just
 * before it (an <a name>; Texinfo's <span id> at the end of the
 * definition before), and on the elements it opens, up to MAX_WRAPPERS (HTML5's
 * <div> around a <dt>/<dd> group, the <section> of a heading, the row of a
 * cell, the paragraph of a bold term; the list a term opens and the <div>
 * around that list, where Asciidoctor puts the anchor set before a term).
 */
static int index_term(html_reader *r, xmlNode *term_node, const char *term)
{
	if (GG_ARRAY_PUSH_SLOT(r->terms, r->n_terms, r->cap_terms))
		return GG_ENOMEM;
	uint32_t index = (uint32_t)r->n_terms;
	int err = 0;
	r->terms[r->n_terms++] = term;
	for (xmlNode *n = term_node; n && !err; n = gg_i_libxml_next(n, term_node, true))
		if (n->type == XML_ELEMENT_NODE)
			err = add_anchors(r, n, index);
	xmlNode *scope = term_node->parent;
	int steps = 0;
	for (xmlNode *n = prev_in(term_node, scope); n && !err && steps < MAX_ANCHORS_BEFORE; n = prev_in(n, scope)) {
		if (n->type == XML_TEXT_NODE && !is_blank_text(n))
			break;
		if (n->type == XML_ELEMENT_NODE)
			err = add_anchors(r, n, index);
		steps++;
	}
	xmlNode *inner = term_node;
	for (int depth = 0; depth < MAX_WRAPPERS && !err; depth++) {
		xmlNode *wrapper = opened_wrapper(inner, depth);
		if (!wrapper)
			break;
		err = add_anchors(r, wrapper, index);
		inner = wrapper;
	}
	return err;
}

/* The text of a name element: a bold term's closing ':' is no part of it. */
static const char *name_text(html_reader *r, xmlNode *n)
{
	const char *s = dt_text(r, n);
	size_t len = s ? strlen(s) : 0;
	if (len && s[len - 1] == ':' && name_class(n) == NAME_BOLD) {
		while (len > 1 && (s[len - 2] == ' ' || s[len - 2] == ':'))
			len--;
		s = gg_i_arena_strndup(&r->g->arena, s, len - 1);
	}
	return s;
}

/*
 * Index the names of the layout and their anchors, so that links can
 * point forward: for definition lists every <dt> of the page (one in a
 * list inside a definition too), else every name of an entry.
 */
static int index_terms(html_reader *r, const html_layout *l, const html_survey *s, bool lists)
{
	for (size_t e = 0; e < (lists ? s->n_dts : l->n_entries); e++) {
		const html_entry *he = lists ? NULL : &l->entries[e];
		for (size_t k = 0; k < (lists ? 1 : he->n_names); k++) {
			xmlNode *n = lists ? s->dts[e] : l->nodes[he->names + k];
			const char *term = name_text(r, n);
			if (!term)
				return gg_i_error_oom();
			int err = index_term(r, n, term);
			if (err)
				return err;
		}
	}
	return 0;
}

/*
 * The line of a name element: counted by this reader (libxml2's HTML parser
 * stops counting at 65,535), or the parser's when the counts do not agree.
 */
static uint32_t tag_line(const html_reader *r, const xmlNode *n)
{
	uintptr_t k = (uintptr_t)n->_private;
	if (r->own_lines && k >= 1 && k <= r->n_tag_lines)
		return r->tag_lines[k - 1];
	long line = xmlGetLineNo(n);
	return line > 0 ? (uint32_t)line : 0;
}

static bool starts_nocase(const char *s, const char *end, const char *prefix)
{
	size_t n = strlen(prefix);
	return (size_t)(end - s) >= n && strncasecmp(s, prefix, n) == 0;
}

/*
 * The line of every start tag of `tags` in the page, in order, into
 * r->tag_lines; comments, CDATA sections and the text of <script>, <style>
 * and <textarea> hold no tags. One pass over the page. 0 or GG_ENOMEM.
 */
static int count_tag_lines(html_reader *r, const char *data, size_t len, const char *const *tags)
{
	static const char *const raw[][2] = { { "<!--", "-->" }, { "<![CDATA[", "]]>" },
					      { "<script", "</script" }, { "<style", "</style" },
					      { "<textarea", "</textarea" } };
	size_t cap = 0;
	uint32_t line = 1;
	const char *end = data + len;
	for (const char *p = data; p < end; p++) {
		if (*p == '\n') {
			line++;
			continue;
		}
		if (*p != '<')
			continue;
		const char *close = NULL;
		for (size_t k = 0; k < sizeof(raw) / sizeof(*raw) && !close; k++)
			if (starts_nocase(p, end, raw[k][0]))
				close = raw[k][1];
		if (close) { /* skip to the end of the raw text, counting its lines */
			const char *q = p + 1;
			while (q < end && !starts_nocase(q, end, close))
				line += *q++ == '\n';
			p = q < end ? q : end - 1;
			continue;
		}
		for (const char *const *t = tags; *t; t++) {
			size_t n = strlen(*t);
			if (!starts_nocase(p + 1, end, *t) || p + 1 + n >= end || !p[1 + n] ||
			    !strchr(" \t\n\r/>", p[1 + n]))
				continue;
			if (GG_ARRAY_PUSH_SLOT(r->tag_lines, r->n_tag_lines, cap))
				return GG_ENOMEM;
			r->tag_lines[r->n_tag_lines++] = line;
			break;
		}
	}
	return 0;
}

/*
 * Overwrite with spaces the ':' or dash that opens a bold item's
 * definition, the spaces before it (no-break ones too) and a parenthetical
 * of the term's name there (opens_with_separator), whose text goes into
 * *paren (arena; NULL when there is none). 0 or GG_ENOMEM.
 */
static int drop_separator(gg_i_arena *a, gg_i_buf *b, const char **paren)
{
	size_t i = spaces_len(b->ptr, b->len), close = gg_i_name_paren_end(b->ptr, i, b->len);
	*paren = NULL;
	if (close > i) {
		if (!(*paren = gg_i_arena_strndup(a, b->ptr + i, close - i)))
			return gg_i_error_oom();
		i = close + spaces_len(b->ptr + close, b->len - close);
	}
	memset(b->ptr, ' ', i);
	memset(b->ptr + i, ' ', separator_len(b->ptr + i, b->len - i));
	return 0;
}

/* A list of strings an entry is given, kept in the arena once complete. */
typedef struct str_list {
	const char *items[MAX_GROUP];
	size_t n;
} str_list;

/* Add the items of text (cut at ';' and '|', as CSV's cells are, and
 * with `commas` at ',' too: a "see also" cell of a page's table lists its
 * terms so; each trimmed, empty ones dropped) to list, up to MAX_GROUP.
 * 0 or GG_ENOMEM. */
static int add_items(gg_i_arena *a, const char *text, bool commas, str_list *list)
{
	for (const char *start = text;;) {
		size_t n = strcspn(start, commas ? ";|," : ";|");
		size_t len = n;
		const char *item = gg_i_trim(start, &len);
		if (len && list->n < MAX_GROUP) {
			if (!(list->items[list->n] = gg_i_arena_strndup(a, item, len)))
				return gg_i_error_oom();
			list->n++;
		}
		if (!start[n])
			return 0;
		start += n + 1;
	}
}

/* list's items as an array in the arena (*out NULL for none). 0 or GG_ENOMEM. */
static int keep_list(gg_i_arena *a, const str_list *list, const char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!list->n)
		return 0;
	const char **items = gg_i_arena_alloc(a, list->n * sizeof(*items));
	if (!items)
		return gg_i_error_oom();
	memcpy(items, list->items, list->n * sizeof(*items));
	*out = items;
	*n = list->n;
	return 0;
}

/* Add entry `he` of layout l: its names, its definition (the nodes read
 * in order, with their links to entries), its category, and what the
 * cells of a table row under other named columns hold. 0 or an error. */
static int add_entry(html_reader *r, const html_layout *l, const html_entry *he)
{
	gg_entry e = { 0 };
	text_out def = { GG_BUF_INIT, NULL, 0, 0 };
	int err = 0;
	for (size_t i = 0; i < he->n_defs && !err; i++)
		err = collect_node(r, l->nodes[he->defs + i], &def, TEXT_LINKS | TEXT_CODE);
	const char *paren = NULL;
	if (!err && he->separator && def.text.len)
		err = drop_separator(&r->g->arena, &def.text, &paren);
	const char *names[MAX_GROUP];
	size_t n_names = 0;
	for (size_t i = 0; i < he->n_names && !err; i++) {
		const char *t = name_text(r, l->nodes[he->names + i]);
		if (t && i == 0 && paren && *t) { /* "API" and "(Application ...)": one name */
			size_t a = strlen(t), b = strlen(paren);
			char *both = gg_i_arena_alloc(&r->g->arena, a + 1 + b + 1);
			if (both)
				snprintf(both, a + b + 2, "%s %s", t, paren);
			t = both;
		}
		if (!t)
			err = gg_i_error_oom();
		else if (*t)
			names[n_names++] = t;
	}
	const char *category = he->category && !err ? category_text(r, he->category) : NULL;
	if (!err && he->category && !category)
		err = gg_i_error_oom();
	str_list abbrevs = { .n = 0 }, categories = { .n = 0 }, related = { .n = 0 }, aliases = { .n = 0 };
	if (category && *category) {
		categories.items[0] = category;
		categories.n = 1;
	}
	for (size_t i = 0; i < he->n_fields && !err; i++) {
		const html_cell *c = &l->cells[he->fields + i];
		const char *text = dt_text(r, c->cell);
		str_list *list = c->field == GG_FIELD_ALIASES ? &aliases : c->field == GG_FIELD_ABBREV ? &abbrevs
				 : c->field == GG_FIELD_CATEGORY ? &categories : &related;
		err = text ? add_items(&r->g->arena, text, c->field == GG_FIELD_RELATED, list) : gg_i_error_oom();
	}
	for (size_t i = 0; i < aliases.n && n_names < MAX_GROUP; i++)
		names[n_names++] = aliases.items[i];
	size_t blank = def.text.len;
	while (blank && def.text.ptr[blank - 1] == ' ')
		blank--;
	if (!err && !n_names && blank)
		err = gg_i_glossary_warn(r->g, r->name, tag_line(r, l->nodes[he->names]),
					 "an entry without a term skipped");
	if (err || !n_names)
		goto cleanup;
	e.file = r->name;
	e.line = tag_line(r, l->nodes[he->names]);
	e.header = names[0];
	e.header_is_name = true;
	if (n_names > 1) {
		const char **extra = gg_i_arena_alloc(&r->g->arena, (n_names - 1) * sizeof(*extra));
		if (!extra) {
			err = gg_i_error_oom();
			goto cleanup;
		}
		memcpy(extra, names + 1, (n_names - 1) * sizeof(*extra));
		e.names = extra;
		e.n_names = n_names - 1;
	}
	if ((err = keep_list(&r->g->arena, &categories, &e.categories, &e.n_categories)) ||
	    (err = keep_list(&r->g->arena, &abbrevs, &e.abbrevs, &e.n_abbrevs)))
		goto cleanup;
	e.definition = finish_text(&r->g->arena, &def.text, &e.definition_len);
	if (!e.definition) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	/* folding and sanitising only trim the front, and replace bytes one for
	 * one or grow them: offsets before the first replacement hold */
	if (def.n_xrefs || related.n) {
		gg_xref *xrefs = gg_i_arena_alloc(&r->g->arena, (def.n_xrefs + related.n) * sizeof(*xrefs));
		if (!xrefs) {
			err = gg_i_error_oom();
			goto cleanup;
		}
		size_t lead = 0;
		while (lead < def.text.len && def.text.ptr[lead] == ' ')
			lead++;
		size_t kept = 0;
		for (size_t i = 0; i < def.n_xrefs; i++) {
			gg_xref x = def.xrefs[i];
			if (x.offset < lead || x.offset - lead + x.len > e.definition_len)
				continue;
			x.offset -= lead;
			xrefs[kept++] = x;
		}
		for (size_t i = 0; i < related.n; i++) /* a "see also" cell's: no place in the text */
			xrefs[kept++] = (gg_xref){ related.items[i], 0, 0 };
		e.xrefs = xrefs;
		e.n_xrefs = kept;
	}
	if (!e.definition_len)
		err = gg_i_glossary_warn(r->g, r->name, e.line,
					 "'%.80s' has no definition; kept as a term without one", e.header);
	if (!err)
		err = gg_i_glossary_add_entry(r->g, &e, NULL);
cleanup:
	gg_i_buf_free(&def.text);
	free(def.xrefs);
	return err;
}

/*
 * How many different terms layout l names: its entries' first names with
 * ASCII case, white space and a closing ':' set aside, compared by hash. A
 * label that opens paragraph after paragraph ("<b>Example:</b>") is one.
 * Returns the count, or SIZE_MAX when out of memory.
 */
static size_t distinct_names(const html_layout *l)
{
	gg_i_name_count count = GG_NAME_COUNT_INIT;
	for (size_t e = 0; e < l->n_entries; e++) {
		xmlChar *text = xmlNodeGetContent(l->nodes[l->entries[e].names]);
		if (text)
			gg_i_name_count_add(&count, (const char *)text, strlen((const char *)text));
		xmlFree(text);
	}
	return gg_i_name_count_finish(&count);
}

/* ---- bold by style: word processors' and online editors' pages ---- */

/* Past the CSS comment or string at s (a comment opener or a quote there), or s when there is none. */
static const char *css_token_end(const char *s)
{
	if (s[0] == '/' && s[1] == '*') {
		const char *end = strstr(s + 2, "*/");
		return end ? end + 2 : s + strlen(s);
	}
	if (*s == '"' || *s == '\'') {
		const char *c = s + 1;
		while (*c && *c != *s)
			c += c[0] == '\\' && c[1] ? 2 : 1;
		return *c ? c + 1 : c;
	}
	return s;
}

/* Past white space and comments at s. */
static const char *css_skip(const char *s)
{
	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
			s++;
		const char *past = s[0] == '/' && s[1] == '*' ? css_token_end(s) : s;
		if (past == s)
			return s;
		s = past;
	}
}

/* The '{' or ';' that ends the prelude at s (a selector, an at-rule), outside
 * strings, comments and parentheses ("url(x;y)"); or the string's end. */
static const char *css_prelude_end(const char *s)
{
	int parens = 0;
	while (*s) {
		const char *past = css_token_end(s);
		if (past != s) {
			s = past;
			continue;
		}
		if (*s == '(')
			parens++;
		else if (*s == ')' && parens)
			parens--;
		else if (!parens && (*s == '{' || *s == ';'))
			return s;
		s++;
	}
	return s;
}

/* Past the block that opens at s ('{' there), nested blocks, strings and comments inside. */
static const char *css_block_end(const char *s)
{
	int depth = 0;
	while (*s) {
		const char *past = css_token_end(s);
		if (past != s) {
			s = past;
			continue;
		}
		if (*s == '{')
			depth++;
		else if (*s == '}' && --depth == 0)
			return s + 1;
		s++;
	}
	return s;
}

/*
 * Whether the declarations d[0, n) (CSS, "a:b;c:d") make text bold: a
 * font-weight of bold, bolder or 600 to 900 ("font-weight:700", as Google
 * Docs writes it), the last such declaration winning, as in CSS.
 */
static bool declares_bold(const char *d, size_t n)
{
	bool bold = false;
	for (size_t i = 0; i + 11 <= n; i++) {
		if (strncasecmp(d + i, "font-weight", 11) != 0 ||
		    (i && !strchr(" \t\r\n;{", d[i - 1]))) /* not "--font-weight", a property of its own */
			continue;
		size_t j = i + 11;
		while (j < n && (d[j] == ' ' || d[j] == '\t'))
			j++;
		if (j >= n || d[j] != ':')
			continue;
		for (j++; j < n && (d[j] == ' ' || d[j] == '\t');)
			j++;
		size_t v = j;
		while (j < n && isalnum((unsigned char)d[j]))
			j++;
		bool name = (j - v == 4 && strncasecmp(d + v, "bold", 4) == 0) ||
			    (j - v == 6 && strncasecmp(d + v, "bolder", 6) == 0);
		bool weight = j - v == 3 && d[v] >= '6' && d[v] <= '9' && d[v + 1] == '0' && d[v + 2] == '0';
		bold = name || weight;
		i = j;
	}
	return bold;
}

/* The at-rules whose blocks hold rules (read as the others), not declarations. */
static bool nesting_at_rule(const char *s)
{
	static const char *const names[] = { "@media", "@supports", "@document", "@layer", "@container" };
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strncasecmp(s, names[i], strlen(names[i])) == 0 && !isalnum((unsigned char)s[strlen(names[i])]))
			return true;
	return false;
}

/*
 * Add to `classes` (keys in `keys`) each class that a rule of the style
 * sheet `css` makes bold by itself (".c3 { font-weight: 700 }", or
 * "span.c3"; a comment in the selector aside). Rules inside @media and
 * the like count as the others; other at-rules are passed over whole. One
 * pass over the text. 0 or GG_ENOMEM.
 */
static int bold_classes(const char *css, gg_i_strmap *classes, gg_i_arena *keys)
{
	const char *s = css;
	for (;;) {
		s = css_skip(s);
		while (*s == '}' || *s == ';')
			s = css_skip(s + 1);
		if (!*s)
			return 0;
		const char *open = css_prelude_end(s);
		if (!*open)
			return 0;
		if (*open == ';' || (*s == '@' && nesting_at_rule(s))) {
			s = open + 1; /* "@import ...;", or the rules of an @media block next */
			continue;
		}
		const char *close = css_block_end(open);
		if (*s != '@' && close > open + 1 && declares_bold(open + 1, (size_t)(close - open - 2))) {
			for (const char *sel = s; sel < open;) {
				const char *end = sel;
				while (end < open && *end != ',')
					end = css_token_end(end) != end ? css_token_end(end) : end + 1;
				char name[128];
				size_t n = 0;
				bool dot = false, plain = true;
				for (const char *c = sel; c < end && plain;) { /* the selector without comments or spaces */
					const char *past = css_token_end(c);
					if (past != c || isspace((unsigned char)*c)) {
						c = past != c ? past : c + 1;
						continue;
					}
					if (*c == '.' && !dot)
						dot = true;
					else if (!dot && isalpha((unsigned char)*c))
						; /* an element name before ".c3" */
					else if (dot && (isalnum((unsigned char)*c) || *c == '-' || *c == '_') && n + 1 < sizeof(name))
						name[n++] = *c;
					else
						plain = false;
					c++;
				}
				name[n] = '\0';
				if (plain && dot && n) {
					char *key = gg_i_arena_strdup(keys, name);
					if (!key || gg_i_strmap_put(classes, key, 1, NULL) < 0)
						return gg_i_error_oom();
				}
				sel = end + (end < open);
			}
		}
		s = close;
	}
}

/* Whether the class attribute value `cls` names one of `classes` (bold_classes). */
static bool has_bold_class(const char *cls, const gg_i_strmap *classes)
{
	char name[128];
	uint32_t v;
	for (const char *c = cls; *c;) {
		while (*c && isspace((unsigned char)*c))
			c++;
		size_t n = 0;
		while (c[n] && !isspace((unsigned char)c[n]))
			n++;
		if (n && n < sizeof(name)) {
			memcpy(name, c, n);
			name[n] = '\0';
			if (gg_i_strmap_get(classes, name, &v))
				return true;
		}
		c += n;
	}
	return false;
}

/* Whether the page's bytes name a font weight at all (any case): without one no span is styled bold. */
static bool names_font_weight(const char *data, size_t len)
{
	/* each '-' that can be the one of "font-weight", its 4 bytes before and 6 after in data */
	for (size_t i = 4; i + 7 <= len; i++) {
		const char *dash = memchr(data + i, '-', len - 6 - i);
		if (!dash)
			return false;
		i = (size_t)(dash - data);
		if (strncasecmp(dash - 4, "font-weight", 11) == 0)
			return true;
	}
	return false;
}

/*
 * Read the <span>s that the page styles bold as <b>: by a class its style
 * sheets make bold (a Google Docs page writes its terms <span class="c3">
 * with ".c3{font-weight:700}"), or by their own style attribute
 * ("font-weight: bold", as pages copied from word processors have it).
 * The element is renamed in the tree, so that every layout sees a bold
 * term. One walk of the tree, none when the page's bytes (data, len) name
 * no font weight. 0 or GG_ENOMEM.
 */
static int mark_styled_bold(xmlNode *root, const char *data, size_t len)
{
	if (!names_font_weight(data, len))
		return 0;
	gg_i_strmap classes = GG_STRMAP_INIT;
	gg_i_arena keys = GG_ARENA_INIT;
	xmlNode **spans = NULL; /* those with a class or a style, weighed once the style sheets are read */
	size_t n_spans = 0, cap_spans = 0;
	int err = 0;
	for (xmlNode *n = root; n && !err; n = gg_i_libxml_next(n, root, true)) {
		if (is_element(n, "style")) {
			xmlChar *css = xmlNodeGetContent(n);
			if (css)
				err = bold_classes((const char *)css, &classes, &keys);
			xmlFree(css);
		} else if (is_element(n, "span") && (xmlHasProp(n, (const xmlChar *)"class") ||
						     xmlHasProp(n, (const xmlChar *)"style"))) {
			if ((err = GG_ARRAY_PUSH_SLOT(spans, n_spans, cap_spans)) == 0)
				spans[n_spans++] = n;
		}
	}
	for (size_t i = 0; i < n_spans && !err; i++) {
		xmlChar *cls = classes.len ? xmlGetProp(spans[i], (const xmlChar *)"class") : NULL;
		xmlChar *style = xmlGetProp(spans[i], (const xmlChar *)"style");
		if ((cls && has_bold_class((const char *)cls, &classes)) ||
		    (style && declares_bold((const char *)style, strlen((const char *)style))))
			xmlNodeSetName(spans[i], (const xmlChar *)"b");
		xmlFree(cls);
		xmlFree(style);
	}
	free(spans);
	gg_i_strmap_free(&classes);
	gg_i_arena_free(&keys);
	return err;
}

/*
 * Find the entries of every layout in the page under root, keep the layout
 * that names the most different terms, and add them. 0 or an error; no entry at all is
 * said in a warning.
 */
static int read_layouts(html_reader *r, xmlNode *root, const char *data, size_t len)
{
	html_layout found[LAYOUT_COUNT] = { { 0 } };
	html_survey survey = { 0 };
	int err = survey_page(&survey, root);
	err = err ? err : find_each(r, &found[LAYOUT_LIST], &survey, survey.lists, survey.n_lists, find_list);
	err = err ? err : find_each(r, &found[LAYOUT_TABLE], &survey, survey.tables, survey.n_tables, find_table);
	err = err ? err : find_headings(r, &found[LAYOUT_HEADINGS], &survey, root);
	err = err ? err : find_each(r, &found[LAYOUT_BOLD], &survey, survey.items, survey.n_items, find_bold_item);
	/* the first layout with entries, unless a later one names more than
	 * twice as many terms; terms are counted only where that can change
	 * the choice */
	layout_kind best = LAYOUT_COUNT;
	size_t best_terms = 0, with_entries = 0;
	for (int k = 0; k < LAYOUT_COUNT; k++)
		if (found[k].n_entries && with_entries++ == 0)
			best = (layout_kind)k;
	if (!err && with_entries > 1 && (best_terms = distinct_names(&found[best])) == SIZE_MAX)
		err = gg_i_error_oom();
	for (int k = (int)best + 1; k < LAYOUT_COUNT && with_entries > 1 && !err; k++) {
		if (found[k].n_entries <= 2 * best_terms)
			continue;
		size_t terms = distinct_names(&found[k]);
		if (terms == SIZE_MAX) {
			err = gg_i_error_oom();
		} else if (terms > 2 * best_terms) {
			best = (layout_kind)k;
			best_terms = terms;
		}
	}
	if (best == LAYOUT_COUNT)
		best = LAYOUT_LIST;
	const html_layout *l = &found[best];
	if (!err && !l->n_entries)
		err = gg_i_glossary_warn(r->g, r->name, 0, "no glossary entries in this page (no definition list, "
							  "table of terms, headings with text or bold items)");
	if (!err && l->n_entries) {
		int c = name_class(l->nodes[l->entries[0].names]);
		err = count_tag_lines(r, data, len, name_tags[c]);
		r->own_lines = survey.named[c] == r->n_tag_lines;
		err = err ? err : index_terms(r, l, &survey, best == LAYOUT_LIST);
	}
	survey_free(&survey);
	r->numbered = !err && numbered_sections(r, l);
	for (size_t e = 0; e < l->n_entries && !err; e++)
		err = add_entry(r, l, &l->entries[e]);
	for (size_t k = 0; k < l->n_overflows && !err; k++)
		err = gg_i_glossary_warn(r->g, r->name, (uint32_t)xmlGetLineNo(l->overflows[k].dl),
					 "%zu <dt>/<dd> past %d in one group passed over", l->overflows[k].dropped, MAX_GROUP);
	for (int k = 0; k < LAYOUT_COUNT; k++)
		layout_free(&found[k]);
	return err;
}

/* Whether the encoding name at v (up to end) is UTF-8. */
static bool is_utf8_name(const char *v, const char *end)
{
	while (v < end && (*v == '"' || *v == '\'' || *v == ' '))
		v++;
	return starts_nocase(v, end, "utf-8") || starts_nocase(v, end, "utf8");
}

/* In the tag s[0, end), the value after "charset" followed by '=' (in a
 * charset attribute or a content="text/html; charset=..."), or NULL. */
static const char *charset_in_tag(const char *s, const char *end)
{
	for (const char *p = s; p + 7 < end; p++) {
		if (!starts_nocase(p, end, "charset"))
			continue;
		const char *v = p + 7;
		while (v < end && *v == ' ')
			v++;
		if (v < end && *v == '=')
			return v + 1;
	}
	return NULL;
}

/*
 * Whether the page declares a character set other than UTF-8: a UTF-16
 * byte order mark, an XML declaration's encoding, or a <meta charset> /
 * <meta http-equiv content="...; charset=..."> among its first 4 KiB.
 * The word "charset=" in the page's text declares nothing.
 */
static bool declares_other_charset(const char *data, size_t len)
{
	const char *end = data + (len < 4096 ? len : 4096);
	if (len >= 2 && ((unsigned char)data[0] == 0xFE || (unsigned char)data[0] == 0xFF) &&
	    (unsigned char)data[1] == ((unsigned char)data[0] ^ 0x01))
		return true; /* FE FF or FF FE */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		return false;
	if (starts_nocase(data, end, "<?xml")) {
		const char *close = memchr(data, '>', (size_t)(end - data));
		for (const char *p = data; close && p + 8 < close; p++)
			if (starts_nocase(p, close, "encoding")) {
				const char *v = p + 8;
				while (v < close && (*v == ' ' || *v == '='))
					v++;
				return !is_utf8_name(v, close);
			}
	}
	for (const char *p = data; p < end; p++) {
		if (*p != '<')
			continue;
		if (starts_nocase(p, end, "<!--")) {
			const char *q = p + 4;
			while (q < end && !starts_nocase(q, end, "-->"))
				q++;
			p = q;
			continue;
		}
		if (!starts_nocase(p, end, "<meta") || p + 5 >= end ||
		    (p[5] != ' ' && p[5] != '\t' && p[5] != '\n' && p[5] != '\r'))
			continue;
		const char *close = memchr(p, '>', (size_t)(end - p));
		const char *v = charset_in_tag(p, close ? close : end);
		if (v)
			return !is_utf8_name(v, close ? close : end);
	}
	return false;
}

int gg_i_read_html_page(gg_glossary *g, const char *name, const char *data, size_t len)
{
	const char *slash = strrchr(name, '/');
	html_reader r = { .g = g, .name = name, .file_name = slash ? slash + 1 : name,
			  .anchors = GG_STRMAP_INIT, .ids = GG_STRMAP_INIT, .ids_arena = GG_ARENA_INIT };
	gg_i_buf clean = GG_BUF_INIT;
	const char *encoding = NULL;
	int err = 0;

	if (len > INT32_MAX)
		return gg_i_glossary_warn(g, name, 0, "page larger than 2 GiB skipped");
	/* Unless the page names its own charset, read it as UTF-8 with bad
	 * bytes replaced, so one stray byte cannot turn it all into Latin-1. */
	if (!declares_other_charset(data, len)) {
		size_t bad = gg_i_utf8_count_bad(data, len);
		if (bad) {
			gg_i_utf8_sanitize(&clean, data, len);
			if ((err = gg_i_buf_ok(&clean)))
				goto cleanup;
			data = clean.ptr;
			len = clean.len;
			g->stats.replaced_bytes += bad;
			if ((err = gg_i_glossary_warn(g, name, 0, "%zu invalid UTF-8 or control byte%s replaced by U+FFFD",
						      bad, bad == 1 ? "" : "s")))
				goto cleanup;
		}
		encoding = "UTF-8";
	}
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (!ctxt) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	htmlDocPtr doc = htmlCtxtReadMemory(ctxt, data, (int)len, name, encoding,
					    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
					    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
	/* Recoverable errors are the HTML parser's daily bread; a fatal one
	 * (nesting deeper than its limit, say) means it stopped reading. */
	const xmlError *fatal = xmlCtxtGetLastError(ctxt);
	if (fatal && fatal->level == XML_ERR_FATAL) {
		size_t n = fatal->message ? strcspn(fatal->message, "\n") : 0;
		err = gg_i_glossary_warn(g, name, fatal->line > 0 ? (uint32_t)fatal->line : 0,
					 "the HTML parser stopped (%.*s); the rest of the page was not read",
					 (int)n, fatal->message ? fatal->message : "");
	}
	htmlFreeParserCtxt(ctxt);
	if (!err && (!doc || !xmlDocGetRootElement(doc)))
		err = gg_i_glossary_warn(g, name, 0, "no HTML document could be read");
	if (err || !doc || !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		goto cleanup;
	}
	r.root = xmlDocGetRootElement(doc);
	err = mark_styled_bold(r.root, data, len);
	if (!err)
		err = read_layouts(&r, xmlDocGetRootElement(doc), data, len);
	xmlFreeDoc(doc);
cleanup:
	gg_i_buf_free(&clean);
	gg_i_strmap_free(&r.anchors);
	gg_i_strmap_free(&r.ids);
	gg_i_arena_free(&r.ids_arena);
	free(r.terms);
	free(r.tag_lines);
	return err;
}
