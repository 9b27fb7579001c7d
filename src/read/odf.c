/*
 * odf.c - reader for OpenDocument text and spreadsheets (.odt, .ods, and
 * the flat XML .fodt, .fods that LibreOffice also writes): the body of
 * content.xml (unpacked with libzip, parsed with libxml2) written out as
 * HTML for the HTML reader, which finds its layout: a table whose header
 * names its columns (each sheet of a spreadsheet is one), bold terms
 * opening paragraphs, or one heading per term.
 *
 * What is written: a paragraph as <p>, a heading (text:h) as <h1> to <h6>
 * by its outline level; text bold or in a monospace face (by the style of
 * its span, its paragraph or its table cell, each as the style states it
 * or as the style it derives from does: style:parent-style-name) as <b>
 * and <code>, raised text as <sup>; list items as their paragraphs;
 * tables, rows and cells (a repeated cell as often as it repeats, up to
 * a limit, a repeated row once; empty cells at a row's end left out); a bookmark as
 * an anchor, and a link to one (text:a to "#name", text:bookmark-ref,
 * text:reference-ref, a link to a heading "#text|outline") as a link to
 * it, so that the editor's own cross-references are editor links; spaces
 * (text:s), tabs and line breaks. Notes, annotations, tracked changes,
 * indexes and tables of contents, frames and shapes are left out. One
 * paragraph or table row a line: in a spreadsheet an entry's line is its
 * row's number (a sheet after the first goes on from the last row before).
 */
#include "read/read.h"
#include "read/office.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/strmap.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Steps followed along style:parent-style-name (a loop among styles ends there). */
#define MAX_PARENTS 16
/* Elements nested deeper than this are passed over (libxml2 stops at 256 anyway). */
#define MAX_DEPTH 200
/* A cell written at most this many times however often it repeats. */
#define MAX_CELL_REPEAT 256
/* Cells of a row written at most, repeats counted (a sheet has 16,384 columns). */
#define MAX_COLUMNS 1024
/* Spaces of one text:s at most. */
#define MAX_SPACES 256
/* Lines that empty rows take at most, over every table: past them a row
 * has the next line, not its number's (a sheet has 1,048,576 rows). */
#define MAX_BLANK_LINES 4194304

/* What a style says of its text, as it states it: a property on or off. */
enum {
	STYLE_BOLD = 1u,
	STYLE_NOT_BOLD = 2u,
	STYLE_CODE = 4u,
	STYLE_NOT_CODE = 8u,
	STYLE_SUP = 16u,
	STYLE_NOT_SUP = 32u,
};

typedef struct odf_writer {
	gg_i_office_html html;
	gg_i_strmap styles; /* "P:name" (paragraph), "T:name" (text), "C:name" (table cell) -> STYLE_* */
	gg_i_strmap fonts;  /* font face name -> 1 when monospace */
	gg_i_arena keys;    /* the maps' keys */
	uint64_t text_bytes; /* bytes of text written so far: whether a cell holds any */
	size_t blank_rows;   /* empty rows not yet written as lines */
	size_t blank_lines;  /* lines written for empty rows */
} odf_writer;

/* The bits of `bits` stated applied to the text's current ones. */
static uint32_t apply(uint32_t current, uint32_t bits)
{
	for (uint32_t on = STYLE_BOLD; on <= STYLE_SUP; on <<= 2) {
		if (bits & on)
			current = (current | on) & ~(on << 1);
		else if (bits & (on << 1))
			current &= ~on;
	}
	return current;
}

/* The STYLE_* bits of the style of family `family` ('P', 'T', 'C') that n's style-name names. */
static uint32_t style_of(const odf_writer *w, char family, const xmlNode *n)
{
	xmlChar *name = gg_i_office_attr(n, "style-name");
	uint32_t bits = 0;
	char key[256]; /* a style name longer than this is looked up as none */
	if (name && snprintf(key, sizeof(key), "%c:%s", family, (const char *)name) < (int)sizeof(key))
		gg_i_strmap_get(&w->styles, key, &bits);
	xmlFree(name);
	return bits;
}

/* Write text (UTF-8, NUL-terminated) formatted by `bits`. */
static void put_text(odf_writer *w, const char *text, uint32_t bits)
{
	if (!*text)
		return;
	gg_i_office_set_format(&w->html, bits & STYLE_BOLD, bits & STYLE_CODE);
	gg_i_buf_puts(&w->html.out, bits & STYLE_SUP ? "<sup>" : "");
	gg_i_office_put_text(&w->html, text);
	gg_i_buf_puts(&w->html.out, bits & STYLE_SUP ? "</sup>" : "");
	w->text_bytes += strlen(text);
}

/* Open a link to anchor `target` (without its '#'): plain text around it. */
static void open_link(odf_writer *w, const char *target)
{
	gg_i_office_set_format(&w->html, false, false);
	gg_i_buf_puts(&w->html.out, "<a href=\"#");
	gg_i_office_put_text(&w->html, target);
	gg_i_buf_puts(&w->html.out, "\">");
}

/* Close the link open_link opened. */
static void close_link(odf_writer *w)
{
	gg_i_office_set_format(&w->html, false, false);
	gg_i_buf_puts(&w->html.out, "</a>");
}

/* Whether element n is a drawing's (a frame, a shape, a text box): none of the document's text flow. */
static bool is_drawing(const xmlNode *n)
{
	static const char drawing[] = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
	return n->ns && n->ns->href && strcmp((const char *)n->ns->href, drawing) == 0;
}

/* Whether n is an element of one of the local names names[0, n_names). */
static bool named_one_of(const xmlNode *n, const char *const *names, size_t n_names)
{
	for (size_t i = 0; i < n_names; i++)
		if (gg_i_office_is(n, names[i]))
			return true;
	return false;
}

/* Whether inline element n holds no text of the paragraph: a note, an annotation, a change mark, a drawing. */
static bool left_out_inline(const xmlNode *n)
{
	static const char *const names[] = { "note", "annotation", "annotation-end", "change",
					     "change-start", "change-end", "soft-page-break",
					     "bookmark-end", "reference-mark-end", "ruby-text",
					     "toc-mark", "alphabetical-index-mark", "user-index-mark" };
	return is_drawing(n) || named_one_of(n, names, sizeof(names) / sizeof(*names));
}

/* The content of a paragraph or of an element inside one, its text formatted by `bits`. */
static void write_inline(odf_writer *w, const xmlNode *n, uint32_t bits, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			if (k->content)
				put_text(w, (const char *)k->content, bits);
			continue;
		}
		if (k->type != XML_ELEMENT_NODE || left_out_inline(k))
			continue;
		if (gg_i_office_is(k, "span")) {
			write_inline(w, k, apply(bits, style_of(w, 'T', k)), depth + 1);
		} else if (gg_i_office_is(k, "s")) {
			xmlChar *c = gg_i_office_attr(k, "c");
			long n_spaces = c ? strtol((const char *)c, NULL, 10) : 1;
			xmlFree(c);
			for (long i = 0; i < n_spaces && i < MAX_SPACES; i++)
				gg_i_buf_putc(&w->html.out, ' ');
		} else if (gg_i_office_is(k, "tab")) {
			gg_i_buf_putc(&w->html.out, ' ');
		} else if (gg_i_office_is(k, "line-break")) {
			gg_i_office_set_format(&w->html, false, false);
			gg_i_buf_puts(&w->html.out, "<br>");
		} else if (gg_i_office_is(k, "bookmark") || gg_i_office_is(k, "bookmark-start") ||
			   gg_i_office_is(k, "reference-mark") || gg_i_office_is(k, "reference-mark-start")) {
			xmlChar *name = gg_i_office_attr(k, "name");
			if (name && *name) {
				gg_i_buf_puts(&w->html.out, "<a name=\"");
				gg_i_office_put_text(&w->html, (const char *)name);
				gg_i_buf_puts(&w->html.out, "\"></a>");
			}
			xmlFree(name);
		} else if (gg_i_office_is(k, "a") || gg_i_office_is(k, "bookmark-ref") ||
			   gg_i_office_is(k, "reference-ref")) {
			xmlChar *href = gg_i_office_is(k, "a") ? gg_i_office_attr(k, "href")
							       : gg_i_office_attr(k, "ref-name");
			const char *target = href ? (const char *)href : "";
			if (gg_i_office_is(k, "a"))
				target = target[0] == '#' ? target + 1 : "";
			if (*target)
				open_link(w, target);
			write_inline(w, k, bits, depth + 1);
			if (*target)
				close_link(w);
			xmlFree(href);
		} else {
			/* text:meta, fields (a sequence number, a date, a variable), ruby bases: their text */
			write_inline(w, k, bits, depth + 1);
		}
	}
}

/* A heading's anchor as links to headings name it: "#Term|outline". */
static void heading_anchor(odf_writer *w, const xmlNode *h)
{
	xmlChar *text = xmlNodeGetContent(h);
	if (text && *text) {
		gg_i_buf_puts(&w->html.out, "<a name=\"");
		gg_i_office_put_text(&w->html, (const char *)text);
		gg_i_buf_puts(&w->html.out, "|outline\"></a>");
	}
	xmlFree(text);
}

/* One paragraph or heading, its text formatted by `bits` (a table cell's) and its own style. */
static void write_paragraph(odf_writer *w, const xmlNode *p, uint32_t bits, bool in_cell)
{
	char tag[4] = "p";
	if (gg_i_office_is(p, "h")) {
		xmlChar *level = gg_i_office_attr(p, "outline-level");
		long l = level ? strtol((const char *)level, NULL, 10) : 1;
		xmlFree(level);
		snprintf(tag, sizeof(tag), "h%ld", l < 1 ? 1 : l > 6 ? 6 : l);
	}
	gg_i_buf_printf(&w->html.out, "<%s>", tag);
	if (tag[0] == 'h')
		heading_anchor(w, p);
	write_inline(w, p, apply(bits, style_of(w, 'P', p)), 0);
	gg_i_office_set_format(&w->html, false, false);
	gg_i_buf_printf(&w->html.out, "</%s>%s", tag, in_cell ? " " : "\n");
}

static void write_blocks(odf_writer *w, const xmlNode *n, uint32_t bits, bool in_cell, int depth);

/* Repetitions of a table:number-*-repeated attribute: 1 when not stated, at most `cap`. */
static size_t repeated(const xmlNode *n, const char *attribute, size_t cap)
{
	xmlChar *v = gg_i_office_attr(n, attribute);
	long r = v ? strtol((const char *)v, NULL, 10) : 1;
	xmlFree(v);
	return r < 1 ? 1 : (size_t)r > cap ? cap : (size_t)r;
}

/* The cells of `row`, the first MAX_COLUMNS; the empty ones at its end left out. Whether any holds text. */
static bool write_cells(odf_writer *w, const xmlNode *row, int depth)
{
	size_t after_text = w->html.out.len, columns = 0;
	bool any = false;
	for (const xmlNode *cell = row->children; cell && columns < MAX_COLUMNS; cell = cell->next) {
		if (!gg_i_office_is(cell, "table-cell") && !gg_i_office_is(cell, "covered-table-cell"))
			continue;
		size_t times = repeated(cell, "number-columns-repeated", MAX_CELL_REPEAT);
		if (times > MAX_COLUMNS - columns)
			times = MAX_COLUMNS - columns;
		columns += times;
		uint32_t bits = style_of(w, 'C', cell);
		for (size_t t = 0; t < times; t++) {
			uint64_t before = w->text_bytes;
			gg_i_buf_puts(&w->html.out, "<td>");
			write_blocks(w, cell, bits, true, depth + 1);
			gg_i_buf_puts(&w->html.out, "</td>");
			if (w->text_bytes != before) {
				after_text = w->html.out.len;
				any = true;
			} else if (t == 0) {
				/* an empty cell repeated: once more each, its text being none */
				for (size_t more = 1; more < times; more++)
					gg_i_buf_puts(&w->html.out, "<td></td>");
				break;
			}
		}
	}
	w->html.out.len = after_text;
	return any;
}

/* n line breaks inserted at byte `at` of the HTML (before the row just
 * written there), as many as MAX_BLANK_LINES leaves. */
static void insert_lines(odf_writer *w, size_t at, size_t n)
{
	if (n > MAX_BLANK_LINES - w->blank_lines)
		n = MAX_BLANK_LINES - w->blank_lines;
	gg_i_office_insert_lines(&w->html, at, n);
	w->blank_lines += n;
}

/* The rows of table `t`, a row a line; empty rows are lines only between rows with text. */
static void write_rows(odf_writer *w, const xmlNode *t, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (const xmlNode *row = t->children; row && !gg_i_office_full(&w->html); row = row->next) {
		if (gg_i_office_is(row, "table-row")) {
			size_t start = w->html.out.len;
			size_t times = repeated(row, "number-rows-repeated", MAX_BLANK_LINES);
			gg_i_buf_puts(&w->html.out, "<tr>");
			if (write_cells(w, row, depth + 1)) {
				gg_i_buf_puts(&w->html.out, "</tr>\n");
				insert_lines(w, start, w->blank_rows);
				/* a repeated row with text: once, the others lines of their own */
				w->blank_rows = times - 1;
			} else {
				w->html.out.len = start;
				w->blank_rows += times;
				if (w->blank_rows > MAX_BLANK_LINES)
					w->blank_rows = MAX_BLANK_LINES;
			}
		} else if (gg_i_office_is(row, "table-header-rows") || gg_i_office_is(row, "table-rows") ||
			   gg_i_office_is(row, "table-row-group")) {
			write_rows(w, row, depth + 1);
		}
	}
}

/* Whether block element n is generated or no text of the document: an index, a table of contents, declarations, changes, forms. */
static bool left_out_block(const xmlNode *n)
{
	static const char *const names[] = { "table-of-content", "alphabetical-index", "illustration-index",
					     "table-index", "object-index", "user-index", "bibliography",
					     "tracked-changes", "sequence-decls", "variable-decls",
					     "user-field-decls", "dde-connection-decls", "forms", "annotation",
					     "table-column", "table-columns", "table-header-columns",
					     "table-column-group", "named-expressions", "database-ranges",
					     "calculation-settings", "content-validations", "label-ranges" };
	return is_drawing(n) || named_one_of(n, names, sizeof(names) / sizeof(*names));
}

/* The blocks of the body, a section, a list or a table cell (in_cell): paragraphs, headings, lists, tables. */
static void write_blocks(odf_writer *w, const xmlNode *n, uint32_t bits, bool in_cell, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (const xmlNode *k = n->children; k && !gg_i_office_full(&w->html); k = k->next) {
		if (k->type != XML_ELEMENT_NODE || left_out_block(k))
			continue;
		if (gg_i_office_is(k, "p") || gg_i_office_is(k, "h")) {
			write_paragraph(w, k, bits, in_cell);
		} else if (gg_i_office_is(k, "table") && !in_cell) {
			gg_i_buf_puts(&w->html.out, "<table>"); /* a row a line, as a paragraph */
			write_rows(w, k, depth + 1);
			gg_i_buf_puts(&w->html.out, "</table>");
			w->blank_rows = 0;
		} else {
			/* lists and their items, sections, numbered paragraphs, a
			 * table inside a cell (its cells' text): their blocks */
			write_blocks(w, k, bits, in_cell, depth + 1);
		}
	}
}

/* A style as a document states it, before what it derives from is added. */
typedef struct style_def {
	const char *key, *parent; /* "P:name"; the parent's key, or NULL */
	uint32_t bits;            /* STYLE_* as stated */
} style_def;

typedef struct style_defs {
	style_def *items;
	size_t n, cap;
	gg_i_strmap index; /* key -> its place in items */
} style_defs;

/* "F:name" in the arena, or NULL (out of memory). */
static const char *style_key(odf_writer *w, char family, const char *name)
{
	size_t n = strlen(name);
	char *key = gg_i_arena_alloc(&w->keys, n + 3);
	if (key) {
		key[0] = family;
		key[1] = ':';
		memcpy(key + 2, name, n + 1);
	}
	return key;
}

/* What text properties state: bold, monospace, raised; fonts by their faces' names. */
static uint32_t stated_bits(const odf_writer *w, const xmlNode *props)
{
	uint32_t bits = 0;
	xmlChar *weight = gg_i_office_attr(props, "font-weight");
	if (weight) {
		long numeric = strtol((const char *)weight, NULL, 10);
		bool bold = strcmp((const char *)weight, "bold") == 0 || numeric >= 600;
		bits |= bold ? STYLE_BOLD : STYLE_NOT_BOLD;
	}
	xmlFree(weight);
	xmlChar *font = gg_i_office_attr(props, "font-name");
	xmlChar *family = font ? NULL : gg_i_office_attr(props, "font-family");
	if (font || family) {
		uint32_t fixed = 0;
		bool code = (font && gg_i_strmap_get(&w->fonts, (const char *)font, &fixed) && fixed) ||
			    gg_i_office_monospace_face((const char *)(font ? font : family));
		bits |= code ? STYLE_CODE : STYLE_NOT_CODE;
	}
	xmlFree(font);
	xmlFree(family);
	xmlChar *position = gg_i_office_attr(props, "text-position");
	if (position) {
		const char *p = (const char *)position;
		bool raised = strncmp(p, "super", 5) == 0 || (p[0] >= '1' && p[0] <= '9');
		bits |= raised ? STYLE_SUP : STYLE_NOT_SUP;
	}
	xmlFree(position);
	return bits;
}

/* The font faces of office:font-face-decls into w->fonts: which are monospace. 0 or GG_ENOMEM. */
static int read_fonts(odf_writer *w, const xmlNode *decls)
{
	for (const xmlNode *f = decls->children; f; f = f->next) {
		xmlChar *name = gg_i_office_is(f, "font-face") ? gg_i_office_attr(f, "name") : NULL;
		if (!name)
			continue;
		xmlChar *pitch = gg_i_office_attr(f, "font-pitch");
		xmlChar *family = gg_i_office_attr(f, "font-family");
		bool fixed = (pitch && strcmp((const char *)pitch, "fixed") == 0) ||
			     gg_i_office_monospace_face((const char *)(family ? family : name));
		const char *key = gg_i_arena_strdup(&w->keys, (const char *)name);
		int err = !key || gg_i_strmap_put(&w->fonts, key, fixed, NULL) < 0 ? gg_i_error_oom() : 0;
		xmlFree(pitch);
		xmlFree(family);
		xmlFree(name);
		if (err)
			return err;
	}
	return 0;
}

/* The styles of office:styles or office:automatic-styles into defs. 0 or GG_ENOMEM. */
static int read_style_list(odf_writer *w, const xmlNode *list, style_defs *defs)
{
	for (const xmlNode *s = list->children; s; s = s->next) {
		if (!gg_i_office_is(s, "style"))
			continue;
		xmlChar *name = gg_i_office_attr(s, "name");
		xmlChar *family = gg_i_office_attr(s, "family");
		xmlChar *parent = gg_i_office_attr(s, "parent-style-name");
		const char *f = family ? (const char *)family : "";
		char letter = strcmp(f, "paragraph") == 0 ? 'P' : strcmp(f, "text") == 0 ? 'T'
			    : strcmp(f, "table-cell") == 0 ? 'C' : 0;
		int err = 0;
		if (name && letter) {
			style_def d = { style_key(w, letter, (const char *)name),
					parent ? style_key(w, letter, (const char *)parent) : NULL,
					stated_bits(w, gg_i_office_child(s, "text-properties")) };
			if (!d.key || (parent && !d.parent) || GG_ARRAY_PUSH_SLOT(defs->items, defs->n, defs->cap) ||
			    gg_i_strmap_put(&defs->index, d.key, (uint32_t)defs->n, NULL) < 0)
				err = gg_i_error_oom();
			else
				defs->items[defs->n++] = d;
		}
		xmlFree(name);
		xmlFree(family);
		xmlFree(parent);
		if (err)
			return err;
	}
	return 0;
}

/*
 * The fonts and styles a document part's root holds (styles.xml, content.xml,
 * or a flat document); `automatic`: its automatic styles too (styles.xml's
 * are its page headers' and footers', and may reuse the names of the
 * body's). 0 or GG_ENOMEM.
 */
static int read_part_styles(odf_writer *w, const xmlNode *root, bool automatic, style_defs *defs)
{
	int err = 0;
	for (const xmlNode *k = root->children; k && !err; k = k->next)
		if (gg_i_office_is(k, "font-face-decls"))
			err = read_fonts(w, k);
	for (const xmlNode *k = root->children; k && !err; k = k->next)
		if (gg_i_office_is(k, "styles") || (automatic && gg_i_office_is(k, "automatic-styles")))
			err = read_style_list(w, k, defs);
	return err;
}

/* Each style's bits as it states them, else as its parents do (up to MAX_PARENTS steps), into w->styles. 0 or GG_ENOMEM. */
static int resolve_styles(odf_writer *w, const style_defs *defs)
{
	for (size_t k = 0; k < defs->n; k++) {
		uint32_t bits = 0;
		const style_def *d = &defs->items[k];
		for (int step = 0; d && step < MAX_PARENTS; step++) {
			for (uint32_t on = STYLE_BOLD; on <= STYLE_SUP; on <<= 2)
				if (!(bits & (on | on << 1)))
					bits |= d->bits & (on | on << 1);
			uint32_t at;
			d = d->parent && gg_i_strmap_get(&defs->index, d->parent, &at) ? &defs->items[at] : NULL;
		}
		if (gg_i_strmap_put(&w->styles, defs->items[k].key, bits, NULL) < 0)
			return gg_i_error_oom();
	}
	return 0;
}

/* The body's text or spreadsheet written as HTML. 0; 1 when the document has neither (why in `why`). */
static int write_body(odf_writer *w, const xmlNode *root, char *why, size_t size)
{
	const xmlNode *body = gg_i_office_child(root, "body");
	const xmlNode *content = gg_i_office_child(body, "text");
	if (!content)
		content = gg_i_office_child(body, "spreadsheet");
	if (!content) {
		const xmlNode *other = NULL;
		for (other = body ? body->children : NULL; other && other->type != XML_ELEMENT_NODE;)
			other = other->next;
		snprintf(why, size, "%s%s", other ? "its body is a " : "it has no body",
			 other ? (const char *)other->name : "");
		return 1;
	}
	/* no line break before the first paragraph: paragraph k is on line k */
	gg_i_buf_puts(&w->html.out, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
	write_blocks(w, content, 0, false, 0);
	gg_i_buf_puts(&w->html.out, "</body></html>\n");
	return 0;
}

/*
 * The HTML of a packed document (styles.xml, then content.xml) or of a
 * flat one into w. 0; 1 when it is no OpenDocument text or spreadsheet
 * (why in `why`); GG_ENOMEM.
 */
static int write_document(odf_writer *w, const char *data, size_t len, char *why, size_t size)
{
	bool packed = len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
	zip_t *z = NULL;
	if (packed && gg_i_office_open(data, len, &z, why, size))
		return 1;
	style_defs defs = { .index = GG_STRMAP_INIT };
	gg_i_buf xml = GG_BUF_INIT;
	char ignored[256];
	int err = 0;
	if (packed && (err = gg_i_office_read_member(z, "styles.xml", &xml, ignored, sizeof(ignored))) == 0) {
		xmlDocPtr styles = gg_i_office_parse("styles.xml", xml.ptr, xml.len - 1, ignored, sizeof(ignored));
		if (styles)
			err = read_part_styles(w, xmlDocGetRootElement(styles), false, &defs);
		xmlFreeDoc(styles);
		if (!styles)
			err = 2;
	}
	if (err == 2) /* broken styles: their text read plain */
		gg_i_office_problem(&w->html, "the named styles (%s)", ignored);
	err = err < 0 ? err : 0; /* no styles.xml: none */
	gg_i_buf_clear(&xml);
	int got = err ? err : packed ? gg_i_office_read_member(z, "content.xml", &xml, why, size) : 0;
	if (got == 1)
		snprintf(why, size, "no content.xml in the archive");
	xmlDocPtr doc = got != 0 ? NULL : packed ? gg_i_office_parse("content.xml", xml.ptr, xml.len - 1, why, size)
						 : gg_i_office_parse("document", data, len, why, size);
	gg_i_buf_free(&xml);
	if (z)
		zip_discard(z);
	err = got < 0 ? got : got > 0 || !doc ? 1 : 0;
	const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!err)
		err = read_part_styles(w, root, true, &defs);
	if (!err)
		err = resolve_styles(w, &defs);
	if (!err)
		err = write_body(w, root, why, size);
	xmlFreeDoc(doc);
	gg_i_strmap_free(&defs.index);
	free(defs.items);
	return err ? err : gg_i_buf_ok(&w->html.out);
}

int gg_i_read_odf(gg_glossary *g, const char *name, const char *data, size_t len)
{
	odf_writer w = { .html = { .out = GG_BUF_INIT }, .styles = GG_STRMAP_INIT,
			 .fonts = GG_STRMAP_INIT, .keys = GG_ARENA_INIT };
	char why[512] = "";
	int err = write_document(&w, data, len, why, sizeof(why));
	/* a file that is no such document is skipped, as a page without entries is */
	if (err == 1)
		err = gg_i_glossary_warn(g, name, 0, "not an OpenDocument text or spreadsheet (%s); skipped", why);
	else if (!err)
		err = gg_i_office_warn_problems(g, name, &w.html);
	if (!err && w.html.out.len)
		err = gg_i_read_html_page(g, name, w.html.out.ptr, w.html.out.len);
	gg_i_buf_free(&w.html.out);
	gg_i_strmap_free(&w.styles);
	gg_i_strmap_free(&w.fonts);
	gg_i_arena_free(&w.keys);
	return err;
}
