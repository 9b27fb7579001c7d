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

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

/* An archive member past this many bytes unpacked is not read (a ZIP bomb's). */
#define MAX_MEMBER_BYTES ((zip_uint64_t)512 << 20)
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
	int field_depth;    /* complex fields open (fldChar begin .. end) */
	bool field_code;    /* between a field's begin and separate: its code, not shown */
	bool field_link[8]; /* per open field: whether it opened an <a> */
	gg_i_buf instr;     /* the code of the field being read */
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

/* Whether run fonts (w:rFonts) name a monospace face: program text, as <code>. */
static bool monospace(const xmlNode *fonts)
{
	static const char *const faces[] = { "courier", "consolas", "menlo", "monaco", "mono", "code",
					     "lucida console", "fixedsys" };
	xmlChar *face = attr_w(fonts, "ascii");
	char lower[64];
	size_t n = 0;
	for (const xmlChar *c = face; c && *c && n + 1 < sizeof(lower); c++)
		lower[n++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
	lower[n] = '\0';
	xmlFree(face);
	bool yes = false;
	for (size_t i = 0; n && !yes && i < sizeof(faces) / sizeof(*faces); i++)
		yes = strstr(lower, faces[i]) != NULL;
	return yes;
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

/* A complex field's character (w:fldChar): begin, separate (the code read: a link may open) or end. */
static void field_char(docx_writer *w, const xmlNode *c)
{
	xmlChar *type = attr_w(c, "fldCharType");
	const char *t = type ? (const char *)type : "";
	if (strcmp(t, "begin") == 0) {
		if (w->field_depth < (int)(sizeof(w->field_link) / sizeof(*w->field_link)))
			w->field_link[w->field_depth] = false;
		w->field_depth++;
		w->field_code = true;
		gg_i_buf_clear(&w->instr);
	} else if (strcmp(t, "separate") == 0 && w->field_depth > 0) {
		char target[256];
		w->field_code = false;
		gg_i_buf_putc(&w->instr, '\0');
		int k = w->field_depth - 1;
		if (k < (int)(sizeof(w->field_link) / sizeof(*w->field_link)) &&
		    field_target(w->instr.ptr ? w->instr.ptr : "", target, sizeof(target))) {
			set_plain(w);
			gg_i_buf_puts(&w->html, "<a href=\"#");
			put_escaped(&w->html, target);
			gg_i_buf_puts(&w->html, "\">");
			w->field_link[k] = true;
		}
	} else if (strcmp(t, "end") == 0 && w->field_depth > 0) {
		int k = --w->field_depth;
		if (k < (int)(sizeof(w->field_link) / sizeof(*w->field_link)) && w->field_link[k]) {
			set_plain(w);
			gg_i_buf_puts(&w->html, "</a>");
		}
		w->field_code = false;
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
	for (const xmlNode *k = r->children; k; k = k->next) {
		if (is_w(k, "fldChar")) {
			field_char(w, k);
		} else if (is_w(k, "instrText")) {
			xmlChar *instr = xmlNodeGetContent(k);
			if (instr && w->field_code)
				gg_i_buf_puts(&w->instr, (const char *)instr);
			xmlFree(instr);
		} else if (w->field_code) {
			continue; /* a field's code is no text */
		} else if (is_w(k, "t")) {
			xmlChar *text = xmlNodeGetContent(k);
			if (text && *text) {
				set_format(w, bold, code);
				put_escaped(&w->html, (const char *)text);
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
		} else if (is_w(k, "ins") || is_w(k, "smartTag") || is_w(k, "fldSimple") || is_w(k, "customXml") ||
			   is_w(k, "sdt") || is_w(k, "sdtContent")) {
			write_inline(w, k, depth + 1);
		}
		/* w:del (deleted text), w:pPr, proofing marks: nothing */
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
			for (const xmlNode *row = k->children; row; row = row->next) {
				if (!is_w(row, "tr"))
					continue;
				gg_i_buf_puts(&w->html, "<tr>");
				for (const xmlNode *cell = row->children; cell; cell = cell->next)
					if (is_w(cell, "tc")) {
						gg_i_buf_puts(&w->html, "<td>");
						write_blocks(w, cell, true, depth + 1);
						gg_i_buf_puts(&w->html, "</td>");
					}
				gg_i_buf_puts(&w->html, "</tr>\n");
			}
			gg_i_buf_puts(&w->html, "</table>");
		} else if (is_w(k, "sdt") || is_w(k, "sdtContent") || is_w(k, "customXml")) {
			write_blocks(w, k, in_cell, depth + 1);
		}
	}
}

/*
 * Member `member` of the archive, whole and NUL-terminated, into out.
 * Returns 0; 1 when the archive has no such member (out left empty);
 * GG_EINPUT (message set, naming `name`) when it cannot be unpacked or is
 * too big; GG_ENOMEM.
 */
static int read_member(zip_t *z, const char *name, const char *member, gg_i_buf *out)
{
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat(z, member, 0, &st) != 0)
		return 1;
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > MAX_MEMBER_BYTES)
		return gg_i_error_set(GG_EINPUT, "%s: %s is over %llu MB unpacked; not read", name, member,
				      (unsigned long long)(MAX_MEMBER_BYTES >> 20));
	zip_file_t *f = zip_fopen(z, member, 0);
	if (!f)
		return gg_i_error_set(GG_EINPUT, "%s: cannot unpack %s: %s", name, member, zip_strerror(z));
	char chunk[65536];
	zip_int64_t got;
	while ((got = zip_fread(f, chunk, sizeof(chunk))) > 0 && out->len + (size_t)got <= MAX_MEMBER_BYTES)
		gg_i_buf_put(out, chunk, (size_t)got);
	int err = got < 0 ? gg_i_error_set(GG_EINPUT, "%s: cannot unpack %s: %s", name, member, zip_file_strerror(f))
		: got > 0 ? gg_i_error_set(GG_EINPUT, "%s: %s is over %llu MB unpacked; not read", name, member,
					  (unsigned long long)(MAX_MEMBER_BYTES >> 20))
			  : 0;
	zip_fclose(f);
	if (!err)
		gg_i_buf_putc(out, '\0');
	return err ? err : gg_i_buf_ok(out);
}

/* An XML member parsed, or NULL (GG_EINPUT set, naming `name`). */
static xmlDocPtr parse_member(const char *name, const char *member, const gg_i_buf *xml, int *err)
{
	xmlDocPtr doc = xmlReadMemory(xml->ptr, (int)(xml->len - 1), member, NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
	if (!doc || !xmlDocGetRootElement(doc)) {
		const xmlError *e = xmlGetLastError();
		size_t n = e && e->message ? strcspn(e->message, "\n") : 0;
		*err = gg_i_error_set(GG_EINPUT, "%s: %s is not well-formed XML%s%.*s", name, member,
				      n ? ": " : "", (int)n, n ? e->message : "");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/*
 * The styles of styles.xml into w->styles: a paragraph style's heading
 * level (its w:outlineLvl, else a style id "Heading1" to "Heading9") and
 * whether a style makes its text bold. Returns 0 or GG_ENOMEM.
 */
static int read_styles(docx_writer *w, const xmlNode *root)
{
	for (const xmlNode *s = root->children; s; s = s->next) {
		xmlChar *id = is_w(s, "style") ? attr_w(s, "styleId") : NULL;
		if (!id)
			continue;
		uint32_t bits = 0;
		xmlChar *outline = attr_w(child_w(child_w(s, "pPr"), "outlineLvl"), "val");
		if (outline && outline[0] >= '0' && outline[0] <= '8' && !outline[1])
			bits |= (uint32_t)(outline[0] - '0' + 1);
		else if (strncasecmp((const char *)id, "heading", 7) == 0 && id[7] >= '1' && id[7] <= '9' && !id[8])
			bits |= (uint32_t)(id[7] - '0');
		if (switched_on(child_w(child_w(s, "rPr"), "b")))
			bits |= STYLE_BOLD;
		if (monospace(child_w(child_w(s, "rPr"), "rFonts")))
			bits |= STYLE_CODE;
		xmlFree(outline);
		char *key = gg_i_arena_strdup(&w->style_ids, (const char *)id);
		xmlFree(id);
		if (!key || gg_i_strmap_put(&w->styles, key, bits, NULL) < 0)
			return gg_i_error_oom();
	}
	return 0;
}

/*
 * The HTML of the archive's document into w->html: its styles first (a
 * document without styles.xml has headings by style id only), then its
 * body. 0, GG_EINPUT (message set) or GG_ENOMEM.
 */
static int write_document(docx_writer *w, zip_t *z, const char *name)
{
	gg_i_buf xml = GG_BUF_INIT;
	int err = read_member(z, name, "word/styles.xml", &xml);
	if (err == 0) {
		xmlDocPtr styles = parse_member(name, "word/styles.xml", &xml, &err);
		if (styles)
			err = read_styles(w, xmlDocGetRootElement(styles));
		xmlFreeDoc(styles);
	} else if (err == 1) {
		err = 0;
	}
	gg_i_buf_clear(&xml);
	if (!err && (err = read_member(z, name, "word/document.xml", &xml)) == 1)
		err = gg_i_error_set(GG_EINPUT, "%s: not a Word document (no word/document.xml in the archive)", name);
	xmlDocPtr doc = err ? NULL : parse_member(name, "word/document.xml", &xml, &err);
	gg_i_buf_free(&xml);
	if (!doc)
		return err;
	const xmlNode *body = child_w(xmlDocGetRootElement(doc), "body");
	/* no line break before the first paragraph: paragraph k is on line k */
	gg_i_buf_puts(&w->html, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
	if (body)
		write_blocks(w, body, false, 0);
	gg_i_buf_puts(&w->html, "</body></html>\n");
	xmlFreeDoc(doc);
	return gg_i_buf_ok(&w->html);
}

int gg_i_read_docx(gg_glossary *g, const char *name, const char *data, size_t len)
{
	docx_writer w = { .html = GG_BUF_INIT, .styles = GG_STRMAP_INIT, .style_ids = GG_ARENA_INIT,
			  .instr = GG_BUF_INIT };
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	int err = 0;
	if (!z) {
		err = gg_i_error_set(GG_EINPUT, "%s: not a Word document (%s)", name, zip_error_strerror(&ze));
		zip_source_free(src);
	} else {
		err = write_document(&w, z, name);
		zip_discard(z);
	}
	zip_error_fini(&ze);
	if (!err)
		err = gg_i_read_html_page(g, name, w.html.ptr, w.html.len);
	gg_i_buf_free(&w.html);
	gg_i_buf_free(&w.instr);
	gg_i_strmap_free(&w.styles);
	gg_i_arena_free(&w.style_ids);
	return err;
}
