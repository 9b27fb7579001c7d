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

/* An archive member past this many bytes unpacked is not read: a document
 * of a glossary is a few MB, and a ZIP bomb's member would fill memory. */
#define MAX_MEMBER_BYTES ((zip_uint64_t)64 << 20)
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
	gg_i_buf html;
	gg_i_strmap styles; /* style id -> STYLE_* bits */
	gg_i_arena style_ids; /* the map's keys */
	bool bold;          /* a <b> is open */
	bool code;          /* a <code> is open (inside the <b> when both are) */
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

/* Whether n is an element of local name `name` (any namespace: documents vary in prefixes). */
static bool is_w(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

/* The first child element of n named `name`, or NULL. */
static xmlNode *child_w(const xmlNode *n, const char *name)
{
	for (xmlNode *k = n ? n->children : NULL; k; k = k->next)
		if (is_w(k, name))
			return k;
	return NULL;
}

/* The value of n's attribute of local name `name` (w:val, w:name ...), malloc'd by libxml2, or NULL. */
static xmlChar *attr_w(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n ? n->properties : NULL; a; a = a->next)
		if (a->name && strcmp((const char *)a->name, name) == 0)
			return xmlNodeGetContent((const xmlNode *)a);
	return NULL;
}

/* Whether n only wraps content: a content control (w:sdt, w:sdtContent) or custom XML. */
static bool is_wrapper(const xmlNode *n)
{
	return is_w(n, "sdt") || is_w(n, "sdtContent") || is_w(n, "customXml");
}

/* Whether an on/off property such as <w:b/> is on: present, and its w:val not 0, false or off. */
static bool switched_on(const xmlNode *prop)
{
	if (!prop)
		return false;
	xmlChar *v = attr_w(prop, "val");
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
	static const char *const names[] = { "courier", "consolas", "menlo", "monaco", "lucida console",
					     "fixedsys" };
	static const char *const words[] = { "mono", "code", "monospace" };
	xmlChar *face = attr_w(fonts, "ascii");
	char lower[64];
	size_t n = 0;
	for (const xmlChar *c = face; c && *c && n + 1 < sizeof(lower); c++)
		lower[n++] = gg_i_ascii_lower((char)*c);
	lower[n] = '\0';
	xmlFree(face);
	for (size_t i = 0; n && i < sizeof(names) / sizeof(*names); i++)
		if (strstr(lower, names[i]))
			return true;
	for (const char *word = lower; n && *word;) {
		size_t len = strcspn(word, " -_");
		for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
			if (len == strlen(words[i]) && memcmp(word, words[i], len) == 0)
				return true;
		word += len + (word[len] != '\0');
	}
	return false;
}

/* Append s to the HTML with &, <, > and " escaped. */
static void put_escaped(gg_i_buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			gg_i_buf_puts(out, "&amp;");
			break;
		case '<':
			gg_i_buf_puts(out, "&lt;");
			break;
		case '>':
			gg_i_buf_puts(out, "&gt;");
			break;
		case '"':
			gg_i_buf_puts(out, "&quot;");
			break;
		default:
			gg_i_buf_putc(out, *s);
		}
	}
}

/* Open or close <b> and <code> so that the text that follows is bold and code or not. */
static void set_format(docx_writer *w, bool bold, bool code)
{
	if (w->code && (!code || bold != w->bold)) {
		gg_i_buf_puts(&w->html, "</code>");
		w->code = false;
	}
	if (bold != w->bold)
		gg_i_buf_puts(&w->html, bold ? "<b>" : "</b>");
	w->bold = bold;
	if (code && !w->code)
		gg_i_buf_puts(&w->html, "<code>");
	w->code = code;
}

/* Close what is open: plain text follows. */
static void set_plain(docx_writer *w)
{
	set_format(w, false, false);
}

/* The STYLE_* bits of the style that element `style_ref` (w:pStyle, w:rStyle) names; 0 for none. */
static uint32_t style_of(const docx_writer *w, const xmlNode *style_ref)
{
	uint32_t bits = 0;
	xmlChar *id = attr_w(style_ref, "val");
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
	xmlChar *type = attr_w(c, "fldCharType");
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
			gg_i_buf_puts(&w->html, "<a href=\"#");
			put_escaped(&w->html, target);
			gg_i_buf_puts(&w->html, "\">");
			f->link = true;
		}
	} else if (strcmp(t, "end") == 0) {
		if (w->fields_past) {
			w->fields_past--;
		} else if (f) {
			if (f->link) {
				set_plain(w);
				gg_i_buf_puts(&w->html, "</a>");
			}
			w->n_fields--;
		}
	}
	xmlFree(type);
}

/* One run (w:r): its text, bold or not, tabs and breaks. */
static void write_run(docx_writer *w, const xmlNode *r)
{
	const xmlNode *props = child_w(r, "rPr");
	const xmlNode *b = child_w(props, "b");
	uint32_t style = style_of(w, child_w(props, "rStyle"));
	bool bold = b ? switched_on(b) : (style & STYLE_BOLD) || w->paragraph_bold;
	bool code = monospace(child_w(props, "rFonts")) || (style & STYLE_CODE);
	xmlChar *align = attr_w(child_w(props, "vertAlign"), "val");
	bool sup = align && strcmp((const char *)align, "superscript") == 0;
	xmlFree(align);
	for (const xmlNode *k = r->children; k; k = k->next) {
		if (is_w(k, "fldChar")) {
			field_char(w, k);
		} else if (is_w(k, "instrText")) {
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
		} else if (is_w(k, "t")) {
			xmlChar *text = xmlNodeGetContent(k);
			if (text && *text) {
				set_format(w, bold, code);
				gg_i_buf_puts(&w->html, sup ? "<sup>" : "");
				put_escaped(&w->html, (const char *)text);
				gg_i_buf_puts(&w->html, sup ? "</sup>" : "");
			}
			xmlFree(text);
		} else if (is_w(k, "tab") || is_w(k, "ptab")) {
			gg_i_buf_putc(&w->html, ' ');
		} else if (is_w(k, "br") || is_w(k, "cr")) {
			set_plain(w);
			gg_i_buf_puts(&w->html, "<br>");
		} else if (is_w(k, "noBreakHyphen")) {
			gg_i_buf_putc(&w->html, '-');
		}
	}
}

/* The content of a paragraph or of an element inside one (hyperlinks, fields, changes, content controls). */
static void write_inline(docx_writer *w, const xmlNode *n, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (is_w(k, "r")) {
			write_run(w, k);
		} else if (is_w(k, "hyperlink")) {
			xmlChar *anchor = attr_w(k, "anchor");
			if (anchor) {
				set_plain(w);
				gg_i_buf_puts(&w->html, "<a href=\"#");
				put_escaped(&w->html, (const char *)anchor);
				gg_i_buf_puts(&w->html, "\">");
			}
			write_inline(w, k, depth + 1);
			if (anchor) {
				set_plain(w);
				gg_i_buf_puts(&w->html, "</a>");
			}
			xmlFree(anchor);
		} else if (is_w(k, "bookmarkStart")) {
			xmlChar *name = attr_w(k, "name");
			if (name && strcmp((const char *)name, "_GoBack") != 0) {
				gg_i_buf_puts(&w->html, "<a name=\"");
				put_escaped(&w->html, (const char *)name);
				gg_i_buf_puts(&w->html, "\"></a>");
			}
			xmlFree(name);
		} else if (is_w(k, "ins") || is_w(k, "moveTo") || is_w(k, "smartTag") || is_w(k, "fldSimple") ||
			   is_wrapper(k) || is_w(k, "dir") ||
			   is_w(k, "bdo")) {
			write_inline(w, k, depth + 1);
		}
		/* w:del (deleted text), w:moveFrom (text moved away), w:pPr, proofing marks: nothing */
	}
}

/* One paragraph: <hN> for a heading style, else <p>; on a line of its own but in a table's cell. */
static void write_paragraph(docx_writer *w, const xmlNode *p, bool in_cell)
{
	uint32_t style = style_of(w, child_w(child_w(p, "pPr"), "pStyle"));
	unsigned level = STYLE_LEVEL(style);
	char tag[4] = "p";
	if (level)
		snprintf(tag, sizeof(tag), "h%u", level > 6 ? 6 : level);
	w->paragraph_bold = (style & STYLE_BOLD) != 0;
	gg_i_buf_printf(&w->html, "<%s>", tag);
	write_inline(w, p, 0);
	set_plain(w);
	gg_i_buf_printf(&w->html, "</%s>%s", tag, in_cell ? "" : "\n");
}

static void write_blocks(docx_writer *w, const xmlNode *n, bool in_cell, int depth);

/* The cells of row `row`, also those inside content controls and custom XML. */
static void write_cells(docx_writer *w, const xmlNode *row, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	for (const xmlNode *cell = row->children; cell; cell = cell->next) {
		if (is_w(cell, "tc")) {
			gg_i_buf_puts(&w->html, "<td>");
			write_blocks(w, cell, true, depth + 1);
			gg_i_buf_puts(&w->html, "</td>");
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
		if (is_w(row, "tr")) {
			gg_i_buf_puts(&w->html, "<tr>");
			write_cells(w, row, depth + 1);
			gg_i_buf_puts(&w->html, "</tr>\n");
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
		if (is_w(k, "p")) {
			write_paragraph(w, k, in_cell);
		} else if (is_w(k, "tbl")) {
			gg_i_buf_puts(&w->html, "<table>"); /* a row a line, as a paragraph */
			write_rows(w, k, depth + 1);
			gg_i_buf_puts(&w->html, "</table>");
		} else if (is_wrapper(k)) {
			write_blocks(w, k, in_cell, depth + 1);
		}
	}
}

/*
 * Member `member` of the archive, whole and NUL-terminated, into out.
 * Returns 0; 1 when the archive has no such member (out left empty); 2
 * (why in `why`) when it cannot be unpacked or is too big; GG_ENOMEM.
 */
static int read_member(zip_t *z, const char *member, gg_i_buf *out, char *why, size_t size)
{
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat(z, member, 0, &st) != 0)
		return 1;
	bool fits = (st.valid & ZIP_STAT_SIZE) && st.size <= MAX_MEMBER_BYTES;
	zip_file_t *f = fits ? zip_fopen(z, member, 0) : NULL;
	if (fits && !f) {
		snprintf(why, size, "cannot unpack %s: %s", member, zip_strerror(z));
		return 2;
	}
	char chunk[65536];
	zip_int64_t got = 1; /* too big by its directory entry, or read past the cap: over it */
	while (f && (got = zip_fread(f, chunk, sizeof(chunk))) > 0 && out->len + (size_t)got <= MAX_MEMBER_BYTES)
		gg_i_buf_put(out, chunk, (size_t)got);
	if (got < 0)
		snprintf(why, size, "cannot unpack %s: %s", member, zip_file_strerror(f));
	else if (got > 0)
		snprintf(why, size, "%s is over %llu MB unpacked", member, (unsigned long long)(MAX_MEMBER_BYTES >> 20));
	int err = got != 0 ? 2 : 0;
	if (f)
		zip_fclose(f);
	if (!err)
		gg_i_buf_putc(out, '\0');
	return err ? err : gg_i_buf_ok(out);
}

/* An XML member parsed, or NULL (why in `why`). */
static xmlDocPtr parse_member(const char *member, const gg_i_buf *xml, char *why, size_t size)
{
	xmlResetLastError();
	xmlDocPtr doc = xmlReadMemory(xml->ptr, (int)(xml->len - 1), member, NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
	if (!doc || !xmlDocGetRootElement(doc)) {
		const xmlError *e = xmlGetLastError();
		int n = e && e->message ? (int)strcspn(e->message, "\n") : 0;
		snprintf(why, size, "%s is not well-formed XML%s%.*s", member, n ? ": " : "", n, n ? e->message : "");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
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
		xmlChar *id = is_w(s, "style") ? attr_w(s, "styleId") : NULL;
		if (!id)
			continue;
		const xmlNode *run = child_w(s, "rPr");
		xmlChar *outline = attr_w(child_w(child_w(s, "pPr"), "outlineLvl"), "val");
		xmlChar *based = attr_w(child_w(s, "basedOn"), "val");
		bool has_base = based != NULL;
		style_def d = { gg_i_arena_strdup(&w->style_ids, (const char *)id),
				based ? gg_i_arena_strdup(&w->style_ids, (const char *)based) : NULL, 0,
				stated(child_w(run, "b")),
				child_w(run, "rFonts") ? monospace(child_w(run, "rFonts")) : -1 };
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
 * The archive's main document, as its package relationships name it
 * (_rels/.rels, the officeDocument one), into main; "word/document.xml"
 * when they name none. 0 or GG_ENOMEM.
 */
static int main_part(zip_t *z, char *main, size_t size)
{
	gg_i_buf xml = GG_BUF_INIT;
	char why[256];
	snprintf(main, size, "word/document.xml");
	int err = read_member(z, "_rels/.rels", &xml, why, sizeof(why));
	xmlDocPtr rels = err == 0 ? parse_member("_rels/.rels", &xml, why, sizeof(why)) : NULL;
	gg_i_buf_free(&xml);
	for (const xmlNode *r = rels ? xmlDocGetRootElement(rels)->children : NULL; r; r = r->next) {
		xmlChar *type = is_w(r, "Relationship") ? attr_w(r, "Type") : NULL;
		size_t n = type ? strlen((const char *)type) : 0;
		if (n >= 15 && strcmp((const char *)type + n - 15, "/officeDocument") == 0) {
			xmlChar *target = attr_w(r, "Target");
			const char *t = target ? (const char *)target : "";
			while (*t == '/')
				t++;
			if (*t && strlen(t) < size)
				snprintf(main, size, "%s", t);
			xmlFree(target);
		}
		xmlFree(type);
	}
	xmlFreeDoc(rels);
	return err < 0 ? err : 0;
}

/*
 * The HTML of the archive's document into w->html: its styles first (a
 * document whose styles.xml is missing or broken has headings by style
 * id only), then its body. 0; 1 when it is no Word document (why in
 * `why`); GG_ENOMEM.
 */
static int write_document(docx_writer *w, zip_t *z, char *why, size_t size)
{
	gg_i_buf xml = GG_BUF_INIT;
	char main[256], ignored[256];
	int err = main_part(z, main, sizeof(main));
	int got = err ? err : read_member(z, "word/styles.xml", &xml, ignored, sizeof(ignored));
	if (got == 0) {
		xmlDocPtr styles = parse_member("word/styles.xml", &xml, ignored, sizeof(ignored));
		if (styles)
			err = read_styles(w, xmlDocGetRootElement(styles));
		xmlFreeDoc(styles);
	} else if (got < 0) {
		err = got;
	}
	gg_i_buf_clear(&xml);
	got = err ? err : read_member(z, main, &xml, why, size);
	if (got == 1)
		snprintf(why, size, "no %s in the archive", main);
	xmlDocPtr doc = got == 0 ? parse_member(main, &xml, why, size) : NULL;
	gg_i_buf_free(&xml);
	if (got < 0)
		return got;
	if (!doc)
		return 1;
	const xmlNode *body = child_w(xmlDocGetRootElement(doc), "body");
	/* no line break before the first paragraph: paragraph k is on line k */
	gg_i_buf_puts(&w->html, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
	if (body)
		write_blocks(w, body, false, 0);
	w->field_unclosed = in_field_code(w) || w->fields_past;
	while (w->n_fields) /* a field that never ends: its link closed here */
		if (w->fields[--w->n_fields].link)
			gg_i_buf_puts(&w->html, "</a>");
	gg_i_buf_puts(&w->html, "</body></html>\n");
	xmlFreeDoc(doc);
	return gg_i_buf_ok(&w->html);
}

int gg_i_read_docx(gg_glossary *g, const char *name, const char *data, size_t len)
{
	docx_writer w = { .html = GG_BUF_INIT, .styles = GG_STRMAP_INIT, .style_ids = GG_ARENA_INIT };
	char why[512] = "";
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	int err = 0;
	if (!z) {
		snprintf(why, sizeof(why), "%s", zip_error_strerror(&ze));
		err = 1;
		zip_source_free(src);
	} else {
		err = write_document(&w, z, why, sizeof(why));
		zip_discard(z);
	}
	zip_error_fini(&ze);
	/* a file that is no Word document is skipped, as a page without entries is */
	if (err == 1)
		err = gg_i_glossary_warn(g, name, 0, "not a Word document (%s); skipped", why);
	else if (!err && w.field_unclosed)
		err = gg_i_glossary_warn(g, name, 0, "a field's code never ends; the text after it was left out");
	if (!err && w.html.len)
		err = gg_i_read_html_page(g, name, w.html.ptr, w.html.len);
	gg_i_buf_free(&w.html);
	gg_i_strmap_free(&w.styles);
	gg_i_arena_free(&w.style_ids);
	return err;
}
