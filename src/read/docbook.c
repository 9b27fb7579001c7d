/*
 * docbook.c - reader for DocBook glossaries (.dbk, .docbook, or XML that
 * declares DocBook): every <glossary> and <glosslist> of the document
 * (DocBook 4 or 5, any namespace prefix), parsed with libxml2 and written
 * out as HTML for the HTML reader, a definition list per glossary or
 * <glossdiv>, as the DocBook stylesheets make it.
 *
 * What is written: a glossary's title as <h1>, a division's as <h2> (the
 * HTML reader takes divisions for categories when they sort the entries);
 * an entry as <dt id> (an id on its <glossterm> an anchor in it too) with
 * its <glossterm> and, in brackets, its acronyms
 * and abbreviations ("Virtual machine (VM)"), then a <dd> with the paragraphs of
 * its <glossdef>; <glosssee> as "See Term." and <glossseealso> as "See
 * also Term." with a link to the entry its otherterm names (the reader
 * joins a "See" entry to its target, as it does in every format); a link
 * to an entry (glossterm, firstterm, link or xref with a linkend) as a
 * link to its anchor, a link to another element as its text, an <xref>
 * shown as the term or title it points to; program text (code, literal,
 * command, filename, option and their kin, a listing) as <code>;
 * superscripts as <sup>; an entity as the text the document declares for
 * it, or by its name for the HTML parser (DocBook's &mdash; and its kin,
 * whose DTD is not read; external entities never are). Footnotes, index
 * terms and remarks are left out. Divisions in divisions are headings a
 * level down, and entries after the divisions stand in none. Each
 * entry's <dt> stands on the line of its <glossterm> in the file, so that
 * an entry's line is its own.
 */
#include "read/read.h"
#include "read/office.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/libxml.h"
#include "core/strmap.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Elements nested deeper than this are passed over (libxml2 stops at 256 anyway). */
#define MAX_DEPTH 200

typedef struct docbook_writer {
	gg_i_office_html html;
	gg_i_strmap ids;    /* an element's id -> its index in `names` */
	const char **names; /* what a link to each id shows: an entry's term, another element's
			     * title (NULL for an element with neither), in the arena */
	bool *entries;      /* whether each id is an entry's */
	size_t n_names, cap_names, cap_entries;
	gg_i_arena arena;
	long line; /* lines written so far, plus one */
} docbook_writer;

/* Inline elements of program text, written as <code>. */
static const char *const code_elements[] = {
	"code",	    "literal",	   "command",	  "filename",	"option",  "varname",	 "function",
	"userinput", "computeroutput", "envar",   "replaceable", "classname", "methodname", "parameter",
	"type",	    "constant",	   "programlisting", "screen",	"systemitem", "markup",	 "tag",
};

/* Elements whose text is no part of the definition. */
static const char *const left_out[] = { "footnote", "indexterm", "remark", "title", "titleabbrev", "info" };

static bool is_one_of(const xmlNode *n, const char *const *names, size_t count)
{
	for (size_t k = 0; k < count; k++)
		if (gg_i_office_is(n, names[k]))
			return true;
	return false;
}

/* An element's id: DocBook 5's xml:id, or DocBook 4's id. malloc'd by libxml2 (xmlFree), or NULL. */
static xmlChar *id_of(const xmlNode *n)
{
	xmlChar *id = xmlGetNsProp(n, (const xmlChar *)"id", XML_XML_NAMESPACE);
	return id ? id : gg_i_office_attr(n, "id");
}

/*
 * The text an entity reference stands for when the document declares it
 * (its internal subset; external entities are never loaded), or NULL: a
 * name of DocBook's DTD (&mdash;), which is not read, is written for the
 * HTML parser to decode (write_inline).
 */
static const xmlChar *entity_text(const xmlNode *ref)
{
	const xmlEntity *e = (const xmlEntity *)ref->children;
	return e && e->type == XML_ENTITY_DECL && e->etype == XML_INTERNAL_GENERAL_ENTITY ? e->content : NULL;
}

/* The text under n (footnotes and the like left out), spaces folded, appended to b. */
static void plain_text(gg_i_buf *b, const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c && depth < MAX_DEPTH; c = c->next) {
		const xmlChar *content = c->type == XML_ENTITY_REF_NODE ? entity_text(c) : c->content;
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE || c->type == XML_ENTITY_REF_NODE) {
			for (const xmlChar *s = content; s && *s; s++) {
				bool space = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
				if (!space)
					gg_i_buf_putc(b, (char)*s);
				else if (b->len && b->ptr[b->len - 1] != ' ')
					gg_i_buf_putc(b, ' ');
			}
		} else if (c->type == XML_ELEMENT_NODE && !is_one_of(c, left_out, sizeof(left_out) / sizeof(*left_out))) {
			plain_text(b, c, depth + 1);
		}
	}
}

/*
 * Remember every element with an id: for an entry its term, for another
 * element its title (what a link to it shows). 0 or GG_ENOMEM.
 */
static int index_ids(docbook_writer *w, xmlNode *root)
{
	gg_i_buf text = GG_BUF_INIT;
	int err = 0;
	for (xmlNode *n = root; n && !err; n = gg_i_libxml_next(n, root, true)) {
		xmlChar *id = n->type == XML_ELEMENT_NODE ? id_of(n) : NULL;
		if (id) {
			/* an entry's id, or its term's (where DocBook 4 documents often put it) */
			bool term = gg_i_office_is(n, "glossterm") && n->parent && gg_i_office_is(n->parent, "glossentry");
			bool entry = term || gg_i_office_is(n, "glossentry");
			const xmlNode *shown = term ? n : entry ? gg_i_office_child(n, "glossterm") : gg_i_office_child(n, "title");
			if (!entry && !shown && gg_i_office_child(n, "info"))
				shown = gg_i_office_child(gg_i_office_child(n, "info"), "title");
			text.len = 0;
			if (shown)
				plain_text(&text, shown, 0);
			const char *key = gg_i_arena_strdup(&w->arena, (const char *)id);
			const char *name = shown && !gg_i_buf_ok(&text)
						   ? gg_i_arena_strndup(&w->arena, text.ptr ? text.ptr : "", text.len)
						   : NULL;
			int put = key && (!shown || name) ? gg_i_strmap_put(&w->ids, key, (uint32_t)w->n_names, NULL) : -1;
			if (put < 0 || GG_ARRAY_PUSH_SLOT(w->names, w->n_names, w->cap_names) ||
			    GG_ARRAY_PUSH_SLOT(w->entries, w->n_names, w->cap_entries)) {
				err = gg_i_error_oom();
			} else if (put == 1) { /* the first element of an id counts */
				w->names[w->n_names] = name;
				w->entries[w->n_names++] = entry && name;
			}
			xmlFree(id);
		}
	}
	gg_i_buf_free(&text);
	return err;
}

/* What a link to `id` shows, and whether it is an entry's (*entry); NULL when no element has it. */
static const char *shown_for(const docbook_writer *w, const char *id, bool *entry)
{
	uint32_t k;
	*entry = false;
	if (!id || !gg_i_strmap_get(&w->ids, id, &k))
		return NULL;
	*entry = w->entries[k];
	return w->names[k];
}

/* The term of the entry with id `id`, or NULL. */
static const char *term_of(const docbook_writer *w, const char *id)
{
	bool entry;
	const char *shown = shown_for(w, id, &entry);
	return entry ? shown : NULL;
}

static void put(docbook_writer *w, const char *s)
{
	if (!gg_i_office_full(&w->html))
		gg_i_buf_puts(&w->html.out, s);
}

/* An href to anchor `id`, quoted for an attribute. */
static void put_href(docbook_writer *w, const char *id)
{
	put(w, "<a href=\"#");
	gg_i_office_put_text(&w->html, id);
	put(w, "\">");
}

/* Line breaks up to the line of n in the file, so that what follows stands on it. */
static void move_to_line(docbook_writer *w, const xmlNode *n)
{
	long line = xmlGetLineNo(n);
	while (line > w->line && !gg_i_office_full(&w->html)) {
		gg_i_buf_putc(&w->html.out, '\n');
		w->line++;
	}
}

/* Whether an entity's name is letters and digits only (one HTML may know). */
static bool plain_name(const xmlChar *name)
{
	if (!name || !*name)
		return false;
	for (const xmlChar *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9')))
			return false;
	return true;
}

/* An entity reference: the text the document declares for it, else its
 * name for the HTML parser, which knows the ISO names DocBook uses. */
static void write_entity(docbook_writer *w, const xmlNode *ref)
{
	const xmlChar *text = entity_text(ref);
	if (text) {
		gg_i_office_put_text(&w->html, (const char *)text);
	} else if (plain_name(ref->name)) {
		put(w, "&");
		put(w, (const char *)ref->name);
		put(w, ";");
	} else {
		gg_i_office_problem(&w->html, "an entity the document does not declare (&%.40s;)", (const char *)ref->name);
	}
}

/*
 * The inline content of n, written as HTML (see the top of the file). A
 * link by linkend to an entry is a link to its anchor; to another element
 * its text (an xref its title); `in_link`: inside such a link already.
 */
static void write_inline(docbook_writer *w, const xmlNode *n, int depth, bool in_link)
{
	for (const xmlNode *c = n->children; c && !w->html.full; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content && !gg_i_office_full(&w->html))
				gg_i_office_put_text(&w->html, (const char *)c->content);
			continue;
		}
		if (c->type == XML_ENTITY_REF_NODE) {
			write_entity(w, c);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || is_one_of(c, left_out, sizeof(left_out) / sizeof(*left_out)))
			continue;
		if (depth >= MAX_DEPTH) {
			gg_i_office_problem(&w->html, "elements nested more than %d deep", MAX_DEPTH);
			continue;
		}
		xmlChar *linkend = gg_i_office_attr(c, "linkend");
		bool entry = false;
		const char *shown = shown_for(w, (const char *)linkend, &entry);
		bool link = linkend && entry && !in_link;
		if (link)
			put_href(w, (const char *)linkend);
		if (gg_i_office_is(c, "xref")) {
			if (shown)
				gg_i_office_put_text(&w->html, shown);
		} else if (is_one_of(c, code_elements, sizeof(code_elements) / sizeof(*code_elements))) {
			put(w, "<code>");
			write_inline(w, c, depth + 1, in_link || link);
			put(w, "</code>");
		} else if (gg_i_office_is(c, "superscript")) {
			put(w, "<sup>");
			write_inline(w, c, depth + 1, in_link || link);
			put(w, "</sup>");
		} else if (gg_i_office_is(c, "para") || gg_i_office_is(c, "simpara") || gg_i_office_is(c, "listitem")) {
			put(w, " ");
			write_inline(w, c, depth + 1, in_link || link);
			put(w, " ");
		} else {
			write_inline(w, c, depth + 1, in_link || link);
		}
		if (link)
			put(w, "</a>");
		xmlFree(linkend);
	}
}

/* "See Term." or "See also Term.": a glosssee or glossseealso, linked by its
 * otherterm (the id itself when no entry has it), else its own text. */
static void write_see(docbook_writer *w, const xmlNode *see, const char *words)
{
	xmlChar *other = gg_i_office_attr(see, "otherterm");
	const char *term = term_of(w, (const char *)other);
	put(w, "<p>");
	put(w, words);
	put(w, " ");
	if (term) {
		put_href(w, (const char *)other);
		gg_i_office_put_text(&w->html, term);
		put(w, "</a>");
	} else if (other) {
		gg_i_office_put_text(&w->html, (const char *)other);
	} else {
		write_inline(w, see, 0, false);
	}
	put(w, ".</p>");
	xmlFree(other);
}

/* A block of a definition as a paragraph: program text (a listing) as code. */
static void write_block(docbook_writer *w, const xmlNode *b)
{
	bool code = is_one_of(b, code_elements, sizeof(code_elements) / sizeof(*code_elements));
	put(w, code ? "<p><code>" : "<p>");
	write_inline(w, b, 1, false);
	put(w, code ? "</code></p>" : "</p>");
}

/* One entry: <dt> (its term and acronyms) on the term's line, then <dd>. */
static void write_entry(docbook_writer *w, const xmlNode *e)
{
	const xmlNode *term = gg_i_office_child(e, "glossterm");
	if (!term)
		return;
	move_to_line(w, term);
	xmlChar *id = id_of(e);
	put(w, "<dt");
	if (id) {
		put(w, " id=\"");
		gg_i_office_put_text(&w->html, (const char *)id);
		put(w, "\"");
	}
	xmlFree(id);
	put(w, ">");
	xmlChar *term_id = id_of(term);
	if (term_id) { /* the term's own id, an anchor of the entry too */
		put(w, "<a id=\"");
		gg_i_office_put_text(&w->html, (const char *)term_id);
		put(w, "\"></a>");
	}
	xmlFree(term_id);
	write_inline(w, term, 0, false);
	const char *open = " (";
	for (const xmlNode *c = e->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && (gg_i_office_is(c, "acronym") || gg_i_office_is(c, "abbrev"))) {
			put(w, open);
			write_inline(w, c, 0, false);
			open = ", ";
		}
	}
	put(w, *open == ',' ? ")</dt><dd>" : "</dt><dd>");
	for (const xmlNode *c = e->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (gg_i_office_is(c, "glosssee")) {
			write_see(w, c, "See");
		} else if (gg_i_office_is(c, "glossdef")) {
			for (const xmlNode *d = c->children; d; d = d->next) {
				if ((d->type == XML_TEXT_NODE || d->type == XML_CDATA_SECTION_NODE) && d->content)
					gg_i_office_put_text(&w->html, (const char *)d->content);
				else if (d->type != XML_ELEMENT_NODE)
					continue;
				else if (gg_i_office_is(d, "glossseealso"))
					write_see(w, d, "See also");
				else if (!is_one_of(d, left_out, sizeof(left_out) / sizeof(*left_out)))
					write_block(w, d);
			}
		}
	}
	put(w, "</dd>");
}

/* The title of n (its <title>, or DocBook 5's <info><title>) as a heading
 * of `level`; an empty one when n (NULL allowed) has none, so that the section before
 * does not go on over n's entries. */
static void write_title(docbook_writer *w, const xmlNode *n, int level)
{
	const xmlNode *title = gg_i_office_child(n, "title");
	if (!title && gg_i_office_child(n, "info"))
		title = gg_i_office_child(gg_i_office_child(n, "info"), "title");
	char tag[4] = { 'h', (char)('0' + (level < 1 ? 1 : level > 6 ? 6 : level)), '>', '\0' };
	put(w, "<");
	put(w, tag);
	if (title)
		write_inline(w, title, 0, false);
	put(w, "</");
	put(w, tag);
}

/*
 * The entries of a glossary, a division or a list, in order: entries in
 * a definition list, a division (nested ones too, a level down, up to h6)
 * with its title, a glosslist among the blocks.
 */
static void write_entries(docbook_writer *w, const xmlNode *parent, int level)
{
	bool open = false, divided = false;
	for (const xmlNode *c = parent->children; c && !w->html.full; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		bool entry = gg_i_office_is(c, "glossentry");
		bool division = gg_i_office_is(c, "glossdiv") || gg_i_office_is(c, "glosslist");
		if (open && !entry) {
			put(w, "</dl>");
			open = false;
		}
		if (entry) {
			if (!open && divided) /* an entry after the divisions is in none of them */
				write_title(w, NULL, level + 1);
			if (!open)
				put(w, "<dl>");
			open = true;
			write_entry(w, c);
		} else if (division && level < 6) {
			if (gg_i_office_is(c, "glossdiv"))
				write_title(w, c, level + 1);
			write_entries(w, c, level + 1);
			divided = true;
		} else if (division) {
			gg_i_office_problem(&w->html, "divisions nested more than 5 deep");
		}
	}
	if (open)
		put(w, "</dl>");
}

/* Every glossary and glosslist under root, in document order. */
static void write_glossaries(docbook_writer *w, xmlNode *root, size_t *found)
{
	for (xmlNode *n = root; n && !w->html.full;) {
		bool glossary = n->type == XML_ELEMENT_NODE &&
				(gg_i_office_is(n, "glossary") || gg_i_office_is(n, "glosslist"));
		if (glossary) {
			++*found;
			write_title(w, n, 1);
			write_entries(w, n, 1);
		}
		n = gg_i_libxml_next(n, root, !glossary);
	}
}

int gg_i_read_docbook(gg_glossary *g, const char *name, const char *data, size_t len)
{
	docbook_writer w = { .html = { .out = GG_BUF_INIT }, .ids = GG_STRMAP_INIT, .arena = GG_ARENA_INIT,
			     .line = 1 };
	char why[512] = "";
	size_t found = 0;
	int err = 0;
	xmlDocPtr doc = gg_i_office_parse(name, data, len, why, sizeof(why));
	if (!doc) {
		err = gg_i_glossary_warn(g, name, 0, "not a DocBook document (%s); skipped", why);
		goto cleanup;
	}
	xmlNode *root = xmlDocGetRootElement(doc);
	gg_i_buf_puts(&w.html.out, "<html><body>");
	if (!(err = index_ids(&w, root)))
		write_glossaries(&w, root, &found);
	if (!err)
		gg_i_buf_puts(&w.html.out, "</body></html>\n");
	if (!err)
		err = gg_i_buf_ok(&w.html.out);
	xmlFreeDoc(doc);
	if (!err && !found)
		err = gg_i_glossary_warn(g, name, 0, "no <glossary> or <glosslist> in this DocBook document");
	else if (!err)
		err = gg_i_office_warn_problems(g, name, &w.html);
	if (!err && found)
		err = gg_i_read_html_page(g, name, w.html.out.ptr, w.html.out.len);
cleanup:
	gg_i_buf_free(&w.html.out);
	gg_i_strmap_free(&w.ids);
	free(w.names);
	free(w.entries);
	gg_i_arena_free(&w.arena);
	return err;
}
