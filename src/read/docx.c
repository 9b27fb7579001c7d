/*
 * docx.c - reader for Word documents (.docx): the body of the archive's
 * word/document.xml (unpacked with libzip, parsed with libxml2), written
 * out as HTML for the HTML reader, which finds its layout: a table of
 * terms, bold terms opening paragraphs, or one heading per term.
 *
 * What is written: a paragraph as <p>, or <h1> to <h6> when its style is a
 * heading (styles.xml: the style's outline level, else an id such as
 * "Heading2"); runs bold by their own properties, their character style
 * or their paragraph style as <b>; tables, rows and cells as they are;
 * a bookmark as an anchor (<a name>), and an internal hyperlink or a REF
 * or HYPERLINK \l field to a bookmark as a link to it, so that Word's own
 * cross-references are editor links; tabs as spaces, breaks as <br>.
 * Deleted text of tracked changes, field codes, footnote and comment
 * references are left out. One paragraph a line: the line of an entry in
 * a Word document is its paragraph's (or table row's) number.
 */
#include "read/read.h"
#include "read/office.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/strmap.h"
#include "core/text.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

/* Steps followed along the styles' w:basedOn (a loop among them ends there). */
#define MAX_BASED 16
/* Fields nested deeper than this are read as text of the outermost. */
#define MAX_FIELDS 16
/* Bytes of a field's code kept: enough for "HYPERLINK \l "a-bookmark"". */
#define FIELD_CODE 256
/* Elements nested deeper than this are passed over (libxml2 stops at 256 anyway). */
#define MAX_DEPTH 200

/* What styles.xml says of a style, packed in its map value. */
#define STYLE_BOLD 0x10u
#define STYLE_CODE 0x20u
#define STYLE_LEVEL(v) ((v) & 0x0fu) /* heading level 1-9, 0 for none */

typedef struct docx_writer {
	gg_i_office_html html;
	gg_i_strmap styles; /* style id -> STYLE_* bits */
	gg_i_arena style_ids; /* the map's keys */
	bool paragraph_bold; /* the paragraph's style makes its runs bold */
	struct field {      /* the complex fields open (fldChar begin .. end), innermost last */
		bool in_code;   /* between begin and separate: its code, not shown */
		bool link;      /* it opened an <a> */
		size_t len;
		char code[FIELD_CODE];
	} fields[MAX_FIELDS];
	size_t n_fields;
	size_t fields_past;  /* begins past MAX_FIELDS not yet ended */
	bool field_unclosed; /* the document ended inside a field's code: what followed was hidden */
} docx_writer;

/* Whether n only wraps content: a content control (w:sdt, w:sdtContent) or custom XML. */
static bool is_wrapper(const xmlNode *n)
{
	return gg_i_office_is(n, "sdt") || gg_i_office_is(n, "sdtContent") || gg_i_office_is(n, "customXml");
}

/* Whether an on/off property such as <w:b/> is on: present, and its w:val not 0, false or off. */
static bool switched_on(const xmlNode *prop)
{
	if (!prop)
		return false;
	xmlChar *v = gg_i_office_attr(prop, "val");
	bool on = !v || !(strcmp((const char *)v, "0") == 0 || strcasecmp((const char *)v, "false") == 0 ||
			   strcasecmp((const char *)v, "off") == 0);
	xmlFree(v);
	return on;
}

/*
 * Whether run fonts (w:rFonts) name a monospace face: program text, as
 * <code>. The families by name ("Courier New", "Consolas") and faces
 * with "Mono" or "Code" as a word ("DejaVu Sans Mono", "Fira Code"; not
 * "Monotype Corsiva").
 */
static bool monospace(const xmlNode *fonts)
{
	xmlChar *face = gg_i_office_attr(fonts, "ascii");
	bool yes = gg_i_office_monospace_face((const char *)face);
	xmlFree(face);
	return yes;
}

/* Close what is open: plain text follows. */
static void set_plain(docx_writer *w)
{
	gg_i_office_set_format(&w->html, false, false);
}

/* The STYLE_* bits of the style that element `style_ref` (w:pStyle, w:rStyle) names; 0 for none. */
static uint32_t style_of(const docx_writer *w, const xmlNode *style_ref)
{
	uint32_t bits = 0;
	xmlChar *id = gg_i_office_attr(style_ref, "val");
	if (id)
		gg_i_strmap_get(&w->styles, (const char *)id, &bits);
	xmlFree(id);
	return bits;
}

/*
 * The bookmark that a field's code links to: "REF name ..." or
 * "HYPERLINK \l "name"", into out (NUL-terminated); false for any other
 * field.
 */
static bool field_target(const char *code, char *out, size_t size)
{
	while (*code == ' ')
		code++;
	const char *name = NULL;
	if (strncmp(code, "REF ", 4) == 0) {
		name = code + 4;
	} else if (strncmp(code, "HYPERLINK ", 10) == 0) {
		const char *l = strstr(code, "\\l");
		name = l ? l + 2 : NULL;
	}
	if (!name)
		return false;
	while (*name == ' ' || *name == '"')
		name++;
	size_t n = 0;
	while (name[n] && name[n] != ' ' && name[n] != '"' && name[n] != '\\')
		n++;
	if (!n || n >= size)
		return false;
	memcpy(out, name, n);
	out[n] = '\0';
	return true;
}

/* Whether a field's code is being read: what runs hold is no text. */
static bool in_field_code(const docx_writer *w)
{
	for (size_t k = 0; k < w->n_fields; k++)
		if (w->fields[k].in_code)
			return true;
	return false;
}

/*
 * A complex field's character (w:fldChar): begin (a field opens, its code
 * follows), separate (its code read: a REF or HYPERLINK \l to a bookmark
 * opens a link around its result) or end.
 */
static void field_char(docx_writer *w, const xmlNode *c)
{
	xmlChar *type = gg_i_office_attr(c, "fldCharType");
	const char *t = type ? (const char *)type : "";
	struct field *f = w->n_fields ? &w->fields[w->n_fields - 1] : NULL;
	if (strcmp(t, "begin") == 0) {
		if (w->n_fields < MAX_FIELDS)
			w->fields[w->n_fields++] = (struct field){ .in_code = true };
		else
			w->fields_past++;
	} else if (strcmp(t, "separate") == 0 && f && !w->fields_past && f->in_code) {
		char target[FIELD_CODE];
		f->in_code = false;
		f->code[f->len] = '\0';
		if (!in_field_code(w) && field_target(f->code, target, sizeof(target))) {
			set_plain(w);
			gg_i_buf_puts(&w->html.out, "<a href=\"#");
			gg_i_office_put_text(&w->html, target);
			gg_i_buf_puts(&w->html.out, "\">");
			f->link = true;
		}
	} else if (strcmp(t, "end") == 0) {
		if (w->fields_past) {
			w->fields_past--;
		} else if (f) {
			if (f->link) {
				set_plain(w);
				gg_i_buf_puts(&w->html.out, "</a>");
			}
			w->n_fields--;
		}
	}
	xmlFree(type);
}

/* One run (w:r): its text, bold or not, tabs and breaks. */
static void write_run(docx_writer *w, const xmlNode *r)
{
	const xmlNode *props = gg_i_office_child(r, "rPr");
	const xmlNode *b = gg_i_office_child(props, "b");
	uint32_t style = style_of(w, gg_i_office_child(props, "rStyle"));
	bool bold = b ? switched_on(b) : (style & STYLE_BOLD) || w->paragraph_bold;
	bool code = monospace(gg_i_office_child(props, "rFonts")) || (style & STYLE_CODE);
	xmlChar *align = gg_i_office_attr(gg_i_office_child(props, "vertAlign"), "val");
	bool sup = align && strcmp((const char *)align, "superscript") == 0;
	xmlFree(align);
	for (const xmlNode *k = r->children; k; k = k->next) {
		if (gg_i_office_is(k, "fldChar")) {
			field_char(w, k);
		} else if (gg_i_office_is(k, "instrText")) {
			struct field *f = w->n_fields ? &w->fields[w->n_fields - 1] : NULL;
			xmlChar *instr = f && f->in_code && !w->fields_past ? xmlNodeGetContent(k) : NULL;
			if (instr) { /* the code of the innermost field, as much as FIELD_CODE holds */
				size_t n = strlen((const char *)instr);
				if (n > FIELD_CODE - 1 - f->len)
					n = FIELD_CODE - 1 - f->len;
				memcpy(f->code + f->len, instr, n);
				f->len += n;
			}
			xmlFree(instr);
		} else if (in_field_code(w) || w->fields_past) {
			continue; /* a field's code is no text */
		} else if (gg_i_office_is(k, "t")) {
			xmlChar *text = xmlNodeGetContent(k);
			if (text && *text) {
				gg_i_office_set_format(&w->html, bold, code);
				gg_i_buf_puts(&w->html.out, sup ? "<sup>" : "");
				gg_i_office_put_text(&w->html, (const char *)text);
				gg_i_buf_puts(&w->html.out, sup ? "</sup>" : "");
			}
			xmlFree(text);
		} else if (gg_i_office_is(k, "tab") || gg_i_office_is(k, "ptab")) {
			gg_i_buf_putc(&w->html.out, ' ');
		} else if (gg_i_office_is(k, "br") || gg_i_office_is(k, "cr")) {
			set_plain(w);
			gg_i_buf_puts(&w->html.out, "<br>");
		} else if (gg_i_office_is(k, "noBreakHyphen")) {
			gg_i_buf_putc(&w->html.out, '-');
		}
	}
}

/* The content of a paragraph or of an element inside one (hyperlinks, fields, changes, content controls). */
static void write_inline(docx_writer *w, const xmlNode *n, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (gg_i_office_is(k, "r")) {
			write_run(w, k);
		} else if (gg_i_office_is(k, "hyperlink")) {
			xmlChar *anchor = gg_i_office_attr(k, "anchor");
			if (anchor) {
				set_plain(w);
				gg_i_buf_puts(&w->html.out, "<a href=\"#");
				gg_i_office_put_text(&w->html, (const char *)anchor);
				gg_i_buf_puts(&w->html.out, "\">");
			}
			write_inline(w, k, depth + 1);
			if (anchor) {
				set_plain(w);
				gg_i_buf_puts(&w->html.out, "</a>");
			}
			xmlFree(anchor);
		} else if (gg_i_office_is(k, "bookmarkStart")) {
			xmlChar *name = gg_i_office_attr(k, "name");
			if (name && strcmp((const char *)name, "_GoBack") != 0) {
				gg_i_buf_puts(&w->html.out, "<a name=\"");
				gg_i_office_put_text(&w->html, (const char *)name);
				gg_i_buf_puts(&w->html.out, "\"></a>");
			}
			xmlFree(name);
		} else if (gg_i_office_is(k, "ins") || gg_i_office_is(k, "moveTo") || gg_i_office_is(k, "smartTag") || gg_i_office_is(k, "fldSimple") ||
			   is_wrapper(k) || gg_i_office_is(k, "dir") ||
			   gg_i_office_is(k, "bdo")) {
			write_inline(w, k, depth + 1);
		}
		/* w:del (deleted text), w:moveFrom (text moved away), w:pPr, proofing marks: nothing */
	}
}

/* One paragraph: <hN> for a heading style, else <p>; on a line of its own but in a table's cell. */
static void write_paragraph(docx_writer *w, const xmlNode *p, bool in_cell)
{
	uint32_t style = style_of(w, gg_i_office_child(gg_i_office_child(p, "pPr"), "pStyle"));
	unsigned level = STYLE_LEVEL(style);
	char tag[4] = "p";
	if (level)
		snprintf(tag, sizeof(tag), "h%u", level > 6 ? 6 : level);
	w->paragraph_bold = (style & STYLE_BOLD) != 0;
	gg_i_buf_printf(&w->html.out, "<%s>", tag);
	write_inline(w, p, 0);
	set_plain(w);
	gg_i_buf_printf(&w->html.out, "</%s>%s", tag, in_cell ? "" : "\n");
}

static void write_blocks(docx_writer *w, const xmlNode *n, bool in_cell, int depth);

/* The cells of row `row`, also those inside content controls and custom XML. */
static void write_cells(docx_writer *w, const xmlNode *row, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (const xmlNode *cell = row->children; cell; cell = cell->next) {
		if (gg_i_office_is(cell, "tc")) {
			gg_i_buf_puts(&w->html.out, "<td>");
			write_blocks(w, cell, true, depth + 1);
			gg_i_buf_puts(&w->html.out, "</td>");
		} else if (is_wrapper(cell)) {
			write_cells(w, cell, depth + 1);
		}
	}
}

/* The rows of table `t`, a row a line, also those inside content controls and custom XML. */
static void write_rows(docx_writer *w, const xmlNode *t, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (const xmlNode *row = t->children; row; row = row->next) {
		if (gg_i_office_is(row, "tr")) {
			gg_i_buf_puts(&w->html.out, "<tr>");
			write_cells(w, row, depth + 1);
			gg_i_buf_puts(&w->html.out, "</tr>\n");
		} else if (is_wrapper(row)) {
			write_rows(w, row, depth + 1);
		}
	}
}

/* The blocks of the body, a table cell (in_cell) or a content control: paragraphs and tables. */
static void write_blocks(docx_writer *w, const xmlNode *n, bool in_cell, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (gg_i_office_is(k, "p")) {
			write_paragraph(w, k, in_cell);
		} else if (gg_i_office_is(k, "tbl")) {
			gg_i_buf_puts(&w->html.out, "<table>"); /* a row a line, as a paragraph */
			write_rows(w, k, depth + 1);
			gg_i_buf_puts(&w->html.out, "</table>");
		} else if (is_wrapper(k)) {
			write_blocks(w, k, in_cell, depth + 1);
		}
	}
}

/* A style as styles.xml states it, before what it is based on is added. */
typedef struct style_def {
	const char *id, *based_on;
	int level;      /* heading level 1-9; 0: none stated */
	int bold, code; /* 1 or 0 as stated; -1: not stated */
} style_def;

/* What an on/off property such as <w:b/> states: 1 on, 0 off, -1 nothing (prop NULL). */
static int stated(const xmlNode *prop)
{
	return !prop ? -1 : switched_on(prop) ? 1 : 0;
}

/*
 * The styles of styles.xml into w->styles: a paragraph style's heading
 * level (its w:outlineLvl, else a style id "Heading1" to "Heading9") and
 * whether a style makes its text bold or code, each as the style states
 * it, else as the style it is based on (w:basedOn, followed up to
 * MAX_BASED steps) does. Returns 0 or GG_ENOMEM.
 */
static int read_styles(docx_writer *w, const xmlNode *root)
{
	style_def *defs = NULL;
	size_t n = 0, cap = 0;
	gg_i_strmap index = GG_STRMAP_INIT; /* id -> its place in defs */
	int err = 0;
	for (const xmlNode *s = root->children; s && !err; s = s->next) {
		xmlChar *id = gg_i_office_is(s, "style") ? gg_i_office_attr(s, "styleId") : NULL;
		if (!id)
			continue;
		const xmlNode *run = gg_i_office_child(s, "rPr");
		xmlChar *outline = gg_i_office_attr(gg_i_office_child(gg_i_office_child(s, "pPr"), "outlineLvl"), "val");
		xmlChar *based = gg_i_office_attr(gg_i_office_child(s, "basedOn"), "val");
		bool has_base = based != NULL;
		style_def d = { gg_i_arena_strdup(&w->style_ids, (const char *)id),
				based ? gg_i_arena_strdup(&w->style_ids, (const char *)based) : NULL, 0,
				stated(gg_i_office_child(run, "b")),
				gg_i_office_child(run, "rFonts") ? monospace(gg_i_office_child(run, "rFonts")) : -1 };
		if (outline && outline[0] >= '0' && outline[0] <= '8' && !outline[1])
			d.level = outline[0] - '0' + 1;
		else if (strncasecmp((const char *)id, "heading", 7) == 0 && id[7] >= '1' && id[7] <= '9' && !id[8])
			d.level = id[7] - '0';
		xmlFree(outline);
		xmlFree(based);
		xmlFree(id);
		if (!d.id || (has_base && !d.based_on) ||
		    GG_ARRAY_PUSH_SLOT(defs, n, cap) || gg_i_strmap_put(&index, d.id, (uint32_t)n, NULL) < 0)
			err = gg_i_error_oom();
		else
			defs[n++] = d;
	}
	for (size_t k = 0; k < n && !err; k++) {
		int level = 0, bold = -1, code = -1;
		const style_def *d = &defs[k];
		for (int step = 0; d && step < MAX_BASED && (!level || bold < 0 || code < 0); step++) {
			level = level ? level : d->level;
			bold = bold >= 0 ? bold : d->bold;
			code = code >= 0 ? code : d->code;
			uint32_t at;
			d = d->based_on && gg_i_strmap_get(&index, d->based_on, &at) ? &defs[at] : NULL;
		}
		uint32_t bits = (uint32_t)level | (bold == 1 ? STYLE_BOLD : 0) | (code == 1 ? STYLE_CODE : 0);
		if (gg_i_strmap_put(&w->styles, defs[k].id, bits, NULL) < 0)
			err = gg_i_error_oom();
	}
	gg_i_strmap_free(&index);
	free(defs);
	return err;
}

/*
 * The HTML of the archive's main document (part `main`) into w->html:
 * its styles first (a document whose styles.xml is missing or broken has
 * headings by style id only), then its body. 0; 1 when it is no Word
 * document (why in `why`); GG_ENOMEM.
 */
static int write_document(docx_writer *w, zip_t *z, const char *main, char *why, size_t size)
{
	gg_i_buf xml = GG_BUF_INIT;
	char ignored[256];
	int err = 0;
	int got = gg_i_office_read_member(z, "word/styles.xml", &xml, ignored, sizeof(ignored));
	if (got == 0) {
		xmlDocPtr styles = gg_i_office_parse("word/styles.xml", xml.ptr, xml.len - 1, ignored, sizeof(ignored));
		if (styles)
			err = read_styles(w, xmlDocGetRootElement(styles));
		xmlFreeDoc(styles);
	} else if (got < 0) {
		err = got;
	}
	gg_i_buf_clear(&xml);
	got = err ? err : gg_i_office_read_member(z, main, &xml, why, size);
	if (got == 1)
		snprintf(why, size, "no %s in the archive", main);
	xmlDocPtr doc = got == 0 ? gg_i_office_parse(main, xml.ptr, xml.len - 1, why, size) : NULL;
	gg_i_buf_free(&xml);
	if (got < 0)
		return got;
	if (!doc)
		return 1;
	const xmlNode *body = gg_i_office_child(xmlDocGetRootElement(doc), "body");
	/* no line break before the first paragraph: paragraph k is on line k */
	gg_i_buf_puts(&w->html.out, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
	if (body)
		write_blocks(w, body, false, 0);
	w->field_unclosed = in_field_code(w) || w->fields_past;
	while (w->n_fields) /* a field that never ends: its link closed here */
		if (w->fields[--w->n_fields].link)
			gg_i_buf_puts(&w->html.out, "</a>");
	gg_i_buf_puts(&w->html.out, "</body></html>\n");
	xmlFreeDoc(doc);
	return gg_i_buf_ok(&w->html.out);
}

int gg_i_read_docx(gg_glossary *g, const char *name, const char *data, size_t len)
{
	docx_writer w = { .html = { .out = GG_BUF_INIT }, .styles = GG_STRMAP_INIT,
			  .style_ids = GG_ARENA_INIT };
	char why[512] = "";
	zip_t *z = NULL;
	char main[256];
	int err = gg_i_office_open(data, len, &z, why, sizeof(why));
	if (!err)
		err = gg_i_office_main_part(z, "word/document.xml", main, sizeof(main));
	bool workbook = !err && gg_i_office_is_workbook(main);
	if (!err && !workbook)
		err = write_document(&w, z, main, why, sizeof(why));
	if (z)
		zip_discard(z);
	if (workbook) /* an Excel workbook named or found as a Word document */
		err = gg_i_read_xlsx(g, name, data, len);
	/* a file that is no Word document is skipped, as a page without entries is */
	if (err == 1)
		err = gg_i_glossary_warn(g, name, 0, "not a Word document (%s); skipped", why);
	else if (!err && w.field_unclosed)
		err = gg_i_glossary_warn(g, name, 0, "a field's code never ends; the text after it was left out");
	if (!err && w.html.out.len)
		err = gg_i_read_html_page(g, name, w.html.out.ptr, w.html.out.len);
	gg_i_buf_free(&w.html.out);
	gg_i_strmap_free(&w.styles);
	gg_i_arena_free(&w.style_ids);
	return err;
}
