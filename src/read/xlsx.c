/*
 * xlsx.c - reader for Excel workbooks (.xlsx): each worksheet (in the
 * order xl/workbook.xml lists them, found through its relationships)
 * written as an HTML table for the HTML reader, whose first row names the
 * columns as a CSV file's header does. A cell's text: its shared string
 * (xl/sharedStrings.xml, rich text runs joined, phonetic guides left out,
 * Excel's "_xHHHH_" escapes decoded), its inline string, a formula's result or a number as written; a cell's
 * column by its reference ("C7"), so that the cells left out keep the
 * others in their columns. An entry's line is its row's number (in a
 * workbook of several sheets, the rows of each sheet after the first go
 * on from the last row of the one before).
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

/* Columns read of a row (a sheet has 16,384): a glossary names a handful. */
#define MAX_COLUMNS 1024
/* Rows of a sheet (Excel's limit): a row past it has no line. */
#define MAX_ROWS 1048576
/* Worksheets read of a workbook. */
#define MAX_SHEETS 256
/* Lines that empty rows take at most, over every sheet: past them a row
 * has the next line written, not its number's. */
#define MAX_LINES 4194304

typedef struct xlsx_writer {
	gg_i_office_html html;
	const char **strings; /* the shared strings, in the arena */
	size_t n_strings, cap_strings;
	gg_i_arena text;
	size_t line;      /* the HTML's line being written, from 1 */
	size_t blank_lines; /* lines written for rows before a row, empty or left out */
	size_t sheet_top; /* the line of the current sheet's row 1 */
} xlsx_writer;

/* The text of n's <t> descendants into out, phonetic guides (rPh) left out; n may be NULL. */
static void collect_text(const xmlNode *n, gg_i_buf *out, int depth)
{
	for (const xmlNode *k = n ? n->children : NULL; k && depth < 64; k = k->next) {
		if (gg_i_office_is(k, "t")) {
			xmlChar *t = xmlNodeGetContent(k);
			if (t)
				gg_i_buf_puts(out, (const char *)t);
			xmlFree(t);
		} else if (k->type == XML_ELEMENT_NODE && !gg_i_office_is(k, "rPh")) {
			collect_text(k, out, depth + 1);
		}
	}
}

/* The value of hex digit c, or -1. */
static int hex_value(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/*
 * Excel's escapes in b's text decoded in place: "_xHHHH_" is the character
 * U+HHHH (a carriage return "_x000D_", a control character), "_x005F_"
 * an underscore that would otherwise open one.
 */
static void decode_escapes(gg_i_buf *b)
{
	size_t out = 0;
	for (size_t i = 0; i < b->len;) {
		int d[4] = { -1, -1, -1, -1 };
		bool escape = b->len - i >= 7 && b->ptr[i] == '_' && b->ptr[i + 1] == 'x' && b->ptr[i + 6] == '_';
		for (int k = 0; escape && k < 4; k++)
			escape = (d[k] = hex_value(b->ptr[i + 2 + k])) >= 0;
		if (!escape) {
			b->ptr[out++] = b->ptr[i++];
			continue;
		}
		unsigned cp = (unsigned)(d[0] << 12 | d[1] << 8 | d[2] << 4 | d[3]);
		if (cp < 0x80) {
			b->ptr[out++] = cp >= 0x20 || cp == '\t' ? (char)cp : ' '; /* a control character: a space */
		} else if (cp < 0x800) {
			b->ptr[out++] = (char)(0xC0 | cp >> 6);
			b->ptr[out++] = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0xD800 || cp > 0xDFFF) {
			b->ptr[out++] = (char)(0xE0 | cp >> 12);
			b->ptr[out++] = (char)(0x80 | (cp >> 6 & 0x3F));
			b->ptr[out++] = (char)(0x80 | (cp & 0x3F));
		}
		i += 7;
	}
	b->len = out;
	if (b->ptr)
		b->ptr[out] = '\0';
}

/* The shared strings of member `member` into w; damaged ones noted as a problem (their cells empty). 0 or GG_ENOMEM. */
static int read_shared_strings(xlsx_writer *w, zip_t *z, const char *member)
{
	gg_i_buf xml = GG_BUF_INIT, s = GG_BUF_INIT;
	char why[256];
	int err = gg_i_office_read_member(z, member, &xml, why, sizeof(why));
	xmlDocPtr doc = err == 0 ? gg_i_office_parse(member, xml.ptr, xml.len - 1, why, sizeof(why)) : NULL;
	gg_i_buf_free(&xml);
	if (err == 1)
		snprintf(why, sizeof(why), "no %s in the archive", member);
	if (err >= 0 && !doc)
		gg_i_office_problem(&w->html, "the shared strings (%s)", why);
	err = err < 0 ? err : 0;
	for (const xmlNode *si = doc ? xmlDocGetRootElement(doc)->children : NULL; si && !err; si = si->next) {
		if (!gg_i_office_is(si, "si"))
			continue;
		gg_i_buf_clear(&s);
		collect_text(si, &s, 0);
		decode_escapes(&s);
		const char *copy = gg_i_buf_ok(&s) ? NULL : gg_i_arena_strndup(&w->text, s.ptr ? s.ptr : "", s.len);
		if (!copy || GG_ARRAY_PUSH_SLOT(w->strings, w->n_strings, w->cap_strings))
			err = gg_i_error_oom();
		else
			w->strings[w->n_strings++] = copy;
	}
	gg_i_buf_free(&s);
	xmlFreeDoc(doc);
	return err;
}

/* A cell reference's column (A = 0) and row (from 1); false when it is none. */
static bool cell_place(const char *ref, size_t *column, size_t *row)
{
	size_t c = 0, r = 0, i = 0;
	for (; ref[i] >= 'A' && ref[i] <= 'Z' && c <= MAX_COLUMNS; i++)
		c = c * 26 + (size_t)(ref[i] - 'A' + 1);
	if (i == 0 || c > MAX_COLUMNS)
		return false;
	size_t digits = i;
	for (; ref[i] >= '0' && ref[i] <= '9' && r <= MAX_ROWS; i++)
		r = r * 10 + (size_t)(ref[i] - '0');
	if (i == digits || ref[i] || r < 1 || r > MAX_ROWS)
		return false;
	*column = c - 1;
	*row = r;
	return true;
}

/* The text of cell c into out: a shared string, an inline string, a value as written. */
static void cell_text(const xlsx_writer *w, const xmlNode *c, gg_i_buf *out)
{
	xmlChar *type = gg_i_office_attr(c, "t");
	const char *t = type ? (const char *)type : "n";
	if (strcmp(t, "inlineStr") == 0) {
		collect_text(gg_i_office_child(c, "is"), out, 0);
		decode_escapes(out);
	} else {
		xmlChar *v = xmlNodeGetContent(gg_i_office_child(c, "v"));
		const char *value = v ? (const char *)v : "";
		char *end = NULL;
		unsigned long k = strtoul(value, &end, 10);
		if (strcmp(t, "s") == 0)
			gg_i_buf_puts(out, *value && !*end && k < w->n_strings ? w->strings[k] : "");
		else if (strcmp(t, "b") == 0)
			gg_i_buf_puts(out, strcmp(value, "1") == 0 ? "TRUE" : *value ? "FALSE" : "");
		else
			gg_i_buf_puts(out, value);
		xmlFree(v);
	}
	xmlFree(type);
}

/*
 * One row, number `row` of its sheet, on the line of that number (the
 * rows before it, empty or left out, lines too, up to MAX_LINES): its
 * cells in their columns, empty ones at its end left out; a row without
 * text not at all.
 */
static void write_row(xlsx_writer *w, const xmlNode *r, size_t row)
{
	size_t start = w->html.out.len, line = w->sheet_top + row - 1;
	gg_i_buf_puts(&w->html.out, "<tr>");
	gg_i_buf text = GG_BUF_INIT;
	size_t after_text = 0, column = 0;
	for (const xmlNode *c = r->children; c; c = c->next) {
		if (!gg_i_office_is(c, "c"))
			continue;
		xmlChar *ref = gg_i_office_attr(c, "r");
		size_t at = column, ref_row;
		bool placed = !ref || cell_place((const char *)ref, &at, &ref_row);
		xmlFree(ref);
		if (!placed || at < column || at >= MAX_COLUMNS)
			continue; /* a reference out of order or past the columns read */
		for (; column < at; column++)
			gg_i_buf_puts(&w->html.out, "<td></td>");
		gg_i_buf_clear(&text);
		cell_text(w, c, &text);
		bool has_text = text.len > 0;
		gg_i_buf_puts(&w->html.out, "<td>");
		if (has_text) {
			gg_i_buf_putc(&text, '\0');
			gg_i_office_put_text(&w->html, text.ptr ? text.ptr : "");
		}
		gg_i_buf_puts(&w->html.out, "</td>");
		if (has_text)
			after_text = w->html.out.len;
		column++;
	}
	gg_i_buf_free(&text);
	if (!after_text) {
		w->html.out.len = start;
		return;
	}
	w->html.out.len = after_text;
	gg_i_buf_puts(&w->html.out, "</tr>\n");
	/* the lines of the rows before it, known now that it is written */
	size_t blank = line > w->line ? line - w->line : 0;
	if (blank > MAX_LINES - w->blank_lines)
		blank = MAX_LINES - w->blank_lines;
	gg_i_office_insert_lines(&w->html, start, blank);
	w->blank_lines += blank;
	w->line = (line > w->line ? line : w->line) + 1;
}

/* One worksheet's rows as a table; rows out of order or past MAX_ROWS left out. */
static void write_sheet(xlsx_writer *w, const xmlNode *root)
{
	const xmlNode *data = gg_i_office_child(root, "sheetData");
	size_t row = 0;
	w->sheet_top = w->line;
	gg_i_buf_puts(&w->html.out, "<table>");
	for (const xmlNode *r = data ? data->children : NULL; r; r = r->next) {
		if (!gg_i_office_is(r, "row"))
			continue;
		xmlChar *number = gg_i_office_attr(r, "r");
		char *end = NULL;
		unsigned long n = number ? strtoul((const char *)number, &end, 10) : row + 1;
		bool valid = !number || (*number && !*end);
		xmlFree(number);
		if (!valid || n <= row || n > MAX_ROWS)
			continue;
		if (gg_i_office_full(&w->html))
			break;
		row = n;
		write_row(w, r, row);
	}
	gg_i_buf_puts(&w->html.out, "</table>");
}

/*
 * Worksheet `member` (the sheet named `name`) as a table into w; one that
 * cannot be read noted as a problem. 0 or GG_ENOMEM.
 */
static int write_sheet_member(xlsx_writer *w, zip_t *z, const char *member, const char *name)
{
	gg_i_buf xml = GG_BUF_INIT;
	char why[256];
	int got = gg_i_office_read_member(z, member, &xml, why, sizeof(why));
	if (got == 1)
		snprintf(why, sizeof(why), "no %s in the archive", member);
	xmlDocPtr sheet = got == 0 ? gg_i_office_parse(member, xml.ptr, xml.len - 1, why, sizeof(why)) : NULL;
	gg_i_buf_free(&xml);
	if (got < 0)
		return got;
	if (sheet && gg_i_office_is(xmlDocGetRootElement(sheet), "worksheet"))
		write_sheet(w, xmlDocGetRootElement(sheet));
	else
		gg_i_office_problem(&w->html, "sheet '%s' (%s)", name, sheet ? "not a worksheet" : why);
	xmlFreeDoc(sheet);
	return 0;
}

/*
 * The workbook's sheets (workbook.xml at `workbook`, its relationships
 * beside it, read once) as HTML into w: the worksheets each once, in the
 * workbook's order, the first MAX_SHEETS sheets; chart sheets and other
 * sheets pass silently. 0; 1 when the workbook cannot be read (why in
 * `why`); GG_ENOMEM.
 */
static int write_workbook(xlsx_writer *w, zip_t *z, const char *workbook, char *why, size_t size)
{
	char base[256], rels_part[600];
	const char *slash = strrchr(workbook, '/');
	size_t dir = slash ? (size_t)(slash - workbook) + 1 : 0;
	if (dir >= sizeof(base)) {
		snprintf(why, size, "a path too long in the archive");
		return 1;
	}
	memcpy(base, workbook, dir);
	base[dir] = '\0';
	snprintf(rels_part, sizeof(rels_part), "%s_rels/%s.rels", base, workbook + dir);
	gg_i_arena names = GG_ARENA_INIT;
	gg_i_strmap by_id = GG_STRMAP_INIT, read = GG_STRMAP_INIT;
	gg_i_office_relation *rels = NULL;
	size_t n_rels = 0;
	int err = gg_i_office_relationships(z, rels_part, base, &names, &rels, &n_rels, why, size);
	if (err == 2)
		err = 1; /* no sheet can be found */
	for (size_t i = 0; !err && i < n_rels; i++)
		if (gg_i_strmap_put(&by_id, rels[i].id, (uint32_t)i, NULL) < 0)
			err = gg_i_error_oom();
	for (size_t i = 0; !err && i < n_rels; i++)
		if (gg_i_office_type_is(&rels[i], "/sharedStrings")) {
			err = read_shared_strings(w, z, rels[i].target);
			break;
		}
	gg_i_buf xml = GG_BUF_INIT;
	int got = err ? err : gg_i_office_read_member(z, workbook, &xml, why, size);
	if (got == 1)
		snprintf(why, size, "no %s in the archive", workbook);
	xmlDocPtr book = got == 0 ? gg_i_office_parse(workbook, xml.ptr, xml.len - 1, why, size) : NULL;
	gg_i_buf_free(&xml);
	err = got < 0 ? got : got > 0 || !book ? 1 : 0;
	if (!err)
		gg_i_buf_puts(&w->html.out, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
	const xmlNode *sheets = book ? gg_i_office_child(xmlDocGetRootElement(book), "sheets") : NULL;
	size_t n_sheets = 0;
	for (const xmlNode *s = sheets ? sheets->children : NULL; s && !err && n_sheets < MAX_SHEETS; s = s->next) {
		if (!gg_i_office_is(s, "sheet"))
			continue;
		n_sheets++;
		xmlChar *id = gg_i_office_attr(s, "id"), *name = gg_i_office_attr(s, "name");
		uint32_t at;
		const gg_i_office_relation *r = id && gg_i_strmap_get(&by_id, (const char *)id, &at) ? &rels[at] : NULL;
		/* a worksheet once, however often the workbook lists it */
		if (r && gg_i_office_type_is(r, "/worksheet") && !gg_i_strmap_get(&read, r->target, &at)) {
			err = gg_i_strmap_put(&read, r->target, 1, NULL) < 0 ? gg_i_error_oom() : 0;
			if (!err)
				err = write_sheet_member(w, z, r->target, name ? (const char *)name : "");
		}
		xmlFree(id);
		xmlFree(name);
	}
	if (!err)
		gg_i_buf_puts(&w->html.out, "</body></html>\n");
	xmlFreeDoc(book);
	free(rels);
	gg_i_strmap_free(&by_id);
	gg_i_strmap_free(&read);
	gg_i_arena_free(&names);
	return err ? err : gg_i_buf_ok(&w->html.out);
}

int gg_i_read_xlsx(gg_glossary *g, const char *name, const char *data, size_t len)
{
	xlsx_writer w = { .html = { .out = GG_BUF_INIT }, .text = GG_ARENA_INIT, .line = 1 };
	char why[512] = "", workbook[256];
	zip_t *z = NULL;
	int err = gg_i_office_open(data, len, &z, why, sizeof(why));
	if (!err)
		err = gg_i_office_main_part(z, "xl/workbook.xml", workbook, sizeof(workbook));
	if (!err)
		err = write_workbook(&w, z, workbook, why, sizeof(why));
	if (z)
		zip_discard(z);
	/* a file that is no workbook is skipped, as a page without entries is */
	if (err == 1)
		err = gg_i_glossary_warn(g, name, 0, "not an Excel workbook (%s); skipped", why);
	else if (!err)
		err = gg_i_office_warn_problems(g, name, &w.html);
	if (!err && w.html.out.len)
		err = gg_i_read_html_page(g, name, w.html.out.ptr, w.html.out.len);
	gg_i_buf_free(&w.html.out);
	free(w.strings);
	gg_i_arena_free(&w.text);
	return err;
}
