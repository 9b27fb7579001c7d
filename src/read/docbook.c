/*
 * docbook.c - reader for DocBook glossaries (.dbk, .docbook, or XML that
 * declares DocBook): every <glossary> and <glosslist> of the document
 * (DocBook 4 or 5, any namespace prefix), parsed with libxml2 and written
 * out as HTML for the HTML reader, a definition list per glossary or
 * <glossdiv>, as the DocBook stylesheets make it.
 *
 * What is written: a glossary's title as <h1>, a division's as <h2> (the
 * HTML reader takes divisions for categories when they sort the entries);
 * an entry as <dt id> with its <glossterm> and, in brackets, its acronyms
 * and abbreviations ("Virtual machine (VM)"), then a <dd> with the paragraphs of
 * its <glossdef>; <glosssee> as "See Term." and <glossseealso> as "See
 * also Term." with a link to the entry its otherterm names (the reader
 * joins a "See" entry to its target, as it does in every format); a link
 * to an entry (glossterm, firstterm, link or xref with a linkend) as a
 * link to its anchor, an <xref> shown as the term it points to; program
 * text (code, literal, command, filename, option and their kin) as
 * <code>; superscripts as <sup>. Footnotes, index terms and remarks are
 * left out. Each entry's <dt> stands on the line of its <glossterm> in
 * the file, so that an entry's line is its own.
 */
#include "read/read.h"
#include "read/office.h"
#include "core/buf.h"
#include "core/error.h"
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
	gg_i_strmap terms;  /* an entry's id -> its index in `names` */
	const char **names; /* each identified entry's term, in the arena */
	size_t n_names, cap_names;
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

/* The text under n (footnotes and the like left out), spaces folded, appended to b. */
static void plain_text(gg_i_buf *b, const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c && depth < MAX_DEPTH; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			for (const xmlChar *s = c->content; s && *s; s++) {
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

/* Remember the term of every entry with an id, for links that name no text. 0 or GG_ENOMEM. */
static int index_entries(docbook_writer *w, xmlNode *root)
{
	gg_i_buf text = GG_BUF_INIT;
	int err = 0;
	for (xmlNode *n = root; n && !err;) {
		if (n->type == XML_ELEMENT_NODE && gg_i_office_is(n, "glossentry")) {
			xmlChar *id = id_of(n);
			xmlNode *term = gg_i_office_child(n, "glossterm");
			text.len = 0;
			if (term)
				plain_text(&text, term, 0);
			const char *key = id ? gg_i_arena_strdup(&w->arena, (const char *)id) : NULL;
			const char *name = id && term ? gg_i_arena_strndup(&w->arena, text.ptr ? text.ptr : "", text.len)
						      : NULL;
			xmlFree(id);
			if ((err = gg_i_buf_ok(&text)) == 0 && key && name) {
				if (GG_ARRAY_PUSH_SLOT(w->names, w->n_names, w->cap_names) ||
				    gg_i_strmap_put(&w->terms, key, (uint32_t)w->n_names, NULL) < 0)
					err = gg_i_error_oom();
				else
					w->names[w->n_names++] = name;
			} else if (!err && id && (!key || (term && !name))) {
				err = gg_i_error_oom();
			}
		}
		/* pre-order walk of the whole document */
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n && !n->next)
			n = n->parent;
		n = n ? n->next : NULL;
	}
	gg_i_buf_free(&text);
	return err;
}

/* The term of the entry with id `id`, or NULL. */
static const char *term_of(const docbook_writer *w, const char *id)
{
	uint32_t k;
	return id && gg_i_strmap_get(&w->terms, id, &k) ? w->names[k] : NULL;
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

/* The inline content of n, written as HTML (see the top of the file). */
static void write_inline(docbook_writer *w, const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c && !w->html.full; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (!gg_i_office_full(&w->html))
				gg_i_office_put_text(&w->html, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || is_one_of(c, left_out, sizeof(left_out) / sizeof(*left_out)))
			continue;
		if (depth >= MAX_DEPTH) {
			gg_i_office_problem(&w->html, "elements nested more than %d deep", MAX_DEPTH);
			continue;
		}
		xmlChar *linkend = gg_i_office_attr(c, "linkend");
		if (linkend && gg_i_office_is(c, "xref")) {
			const char *term = term_of(w, (const char *)linkend);
			put_href(w, (const char *)linkend);
			gg_i_office_put_text(&w->html, term ? term : (const char *)linkend);
			put(w, "</a>");
		} else if (linkend) {
			put_href(w, (const char *)linkend);
			write_inline(w, c, depth + 1);
			put(w, "</a>");
		} else if (is_one_of(c, code_elements, sizeof(code_elements) / sizeof(*code_elements))) {
			put(w, "<code>");
			write_inline(w, c, depth + 1);
			put(w, "</code>");
		} else if (gg_i_office_is(c, "superscript")) {
			put(w, "<sup>");
			write_inline(w, c, depth + 1);
			put(w, "</sup>");
		} else if (gg_i_office_is(c, "para") || gg_i_office_is(c, "simpara") || gg_i_office_is(c, "listitem")) {
			put(w, " ");
			write_inline(w, c, depth + 1);
			put(w, " ");
		} else {
			write_inline(w, c, depth + 1);
		}
		xmlFree(linkend);
	}
}

/* "See Term." or "See also Term.": a glosssee or glossseealso, linked by its otherterm. */
static void write_see(docbook_writer *w, const xmlNode *see, const char *words)
{
	xmlChar *other = gg_i_office_attr(see, "otherterm");
	const char *term = term_of(w, (const char *)other);
	put(w, "<p>");
	put(w, words);
	put(w, " ");
	if (other) {
		put_href(w, (const char *)other);
		if (term)
			gg_i_office_put_text(&w->html, term);
		else
			write_inline(w, see, 0);
		put(w, "</a>");
	} else {
		write_inline(w, see, 0);
	}
	put(w, ".</p>");
	xmlFree(other);
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
	write_inline(w, term, 0);
	const char *open = " (";
	for (const xmlNode *c = e->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && (gg_i_office_is(c, "acronym") || gg_i_office_is(c, "abbrev"))) {
			put(w, open);
			write_inline(w, c, 0);
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
				if (d->type != XML_ELEMENT_NODE)
					continue;
				if (gg_i_office_is(d, "glossseealso")) {
					write_see(w, d, "See also");
				} else if (!is_one_of(d, left_out, sizeof(left_out) / sizeof(*left_out))) {
					put(w, "<p>");
					write_inline(w, d, 1);
					put(w, "</p>");
				}
			}
		}
	}
	put(w, "</dd>");
}

/* The title of n (its <title>, or DocBook 5's <info><title>) as a heading of `level`. */
static void write_title(docbook_writer *w, const xmlNode *n, const char *level)
{
	const xmlNode *title = gg_i_office_child(n, "title");
	if (!title && gg_i_office_child(n, "info"))
		title = gg_i_office_child(gg_i_office_child(n, "info"), "title");
	if (!title)
		return;
	put(w, "<h");
	put(w, level);
	put(w, ">");
	write_inline(w, title, 0);
	put(w, "</h");
	put(w, level);
	put(w, ">");
}

/* The entries of a glossary, a division or a list, as one definition list. */
static void write_entries(docbook_writer *w, const xmlNode *parent)
{
	bool open = false;
	for (const xmlNode *c = parent->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !gg_i_office_is(c, "glossentry"))
			continue;
		if (!open)
			put(w, "<dl>");
		open = true;
		write_entry(w, c);
	}
	if (open)
		put(w, "</dl>");
}

/* Every glossary and glosslist under root, in document order. */
static void write_glossaries(docbook_writer *w, xmlNode *root, size_t *found)
{
	for (xmlNode *n = root; n && !w->html.full;) {
		bool inside = false;
		if (n->type == XML_ELEMENT_NODE && (gg_i_office_is(n, "glossary") || gg_i_office_is(n, "glosslist"))) {
			++*found;
			write_title(w, n, "1");
			write_entries(w, n);
			for (const xmlNode *d = n->children; d; d = d->next) {
				if (d->type == XML_ELEMENT_NODE && gg_i_office_is(d, "glossdiv")) {
					write_title(w, d, "2");
					write_entries(w, d);
				}
			}
		} else if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			inside = true;
		}
		if (inside)
			continue;
		while (n && n != root && !n->next)
			n = n->parent;
		n = n && n != root ? n->next : NULL;
	}
}

int gg_i_read_docbook(gg_glossary *g, const char *name, const char *data, size_t len)
{
	docbook_writer w = { .html = { .out = GG_BUF_INIT }, .terms = GG_STRMAP_INIT, .arena = GG_ARENA_INIT,
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
	if (!(err = index_entries(&w, root)))
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
	gg_i_strmap_free(&w.terms);
	free(w.names);
	gg_i_arena_free(&w.arena);
	return err;
}
