/*
 * html.c - reader for HTML glossaries: definition lists (<dl><dt>term</dt>
 * <dd>definition</dd></dl>, as Wikipedia's glossaries, Sphinx and MkDocs
 * write them), parsed with libxml2's HTML parser.
 */
#include "read/read.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
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
	uint32_t *dt_lines;  /* line of each <dt> start tag, in page order */
	size_t n_dt_lines;
	bool own_lines;      /* dt_lines match the <dt> elements one for one */
} html_reader;

static bool is_element(const xmlNode *n, const char *tag)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
	       xmlStrcasecmp(n->name, (const xmlChar *)tag) == 0;
}

static bool is_block(const xmlNode *n)
{
	static const char *const blocks[] = { "p", "div", "br", "li", "ul", "ol", "dd", "dt",
					      "table", "tr", "td", "blockquote", "pre" };
	for (size_t i = 0; i < sizeof(blocks) / sizeof(*blocks); i++)
		if (is_element(n, blocks[i]))
			return true;
	return false;
}

/* The next node of a pre-order walk of the subtree under `root`, or NULL. */
static xmlNode *next_in(xmlNode *n, const xmlNode *root, bool descend)
{
	if (descend && n->children && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
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

/*
 * The text of the subtree under `root`, folded to one line; with
 * TEXT_LINKS in `how`, every link to the anchor of an entry of this page
 * (<a href="#id">) becomes an xref to that entry at its place in the text;
 * with TEXT_CODE, code elements go between backticks (put_code).
 * Iterative but for code elements: nesting depth costs no stack.
 */
static int collect_text(html_reader *r, xmlNode *root, text_out *out, unsigned how)
{
	bool links = how & TEXT_LINKS;
	for (xmlNode *n = root->children; n; ) {
		bool descend = true;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			put_folded(&out->text, (const char *)n->content);
		} else if (is_element(n, "script") || is_element(n, "style") || is_permalink(n)) {
			descend = false;
		} else if ((how & TEXT_CODE) && is_code(n)) {
			int err = put_code(r, n, out, how);
			if (err)
				return err;
			descend = false;
		} else if (is_block(n) && out->text.len && out->text.ptr[out->text.len - 1] != ' ') {
			gg_i_buf_putc(&out->text, ' ');
		}
		uint32_t t;
		if (links && is_element(n, "a")) {
			xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
			const char *anchor = own_anchor_of(r, (const char *)href);
			if (anchor && gg_i_strmap_get(&r->anchors, anchor, &t)) {
				text_out inner = { GG_BUF_INIT, NULL, 0, 0 };
				int err = collect_text(r, n, &inner, 0);
				size_t len = inner.text.len;
				const char *label = inner.text.ptr ? inner.text.ptr : "";
				while (len && label[len - 1] == ' ')
					len--;
				while (len && *label == ' ') {
					label++;
					len--;
				}
				const char *target = r->terms[t];
				size_t at = out->text.len;
				gg_i_buf_put(&out->text, label, len);
				if (!err && len && (err = GG_ARRAY_PUSH_SLOT(out->xrefs, out->n_xrefs, out->cap_xrefs)) == 0)
					out->xrefs[out->n_xrefs++] = (gg_xref){ target, at, len };
				gg_i_buf_free(&inner.text);
				free(inner.xrefs);
				xmlFree(href);
				if (err)
					return err;
				descend = false;
			} else {
				xmlFree(href);
			}
		}
		n = next_in(n, root, descend);
	}
	return gg_i_buf_ok(&out->text);
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

/*
 * Remember the anchors of a <dt>'s entry, for href="#id": every id and name
 * on or inside the <dt>, on empty <a name> set just before it, and on a
 * wrapper (HTML5's <div> around a <dt>/<dd> group) that it opens.
 */
static int index_term(html_reader *r, xmlNode *dt, const char *term)
{
	if (GG_ARRAY_PUSH_SLOT(r->terms, r->n_terms, r->cap_terms))
		return GG_ENOMEM;
	uint32_t index = (uint32_t)r->n_terms;
	int err = 0;
	r->terms[r->n_terms++] = term;
	for (xmlNode *n = dt; n && !err; n = next_in(n, dt, true))
		if (n->type == XML_ELEMENT_NODE)
			err = add_anchors(r, n, index);
	for (xmlNode *n = dt->prev; n && !err && (is_blank_text(n) || is_element(n, "a")); n = n->prev)
		if (is_element(n, "a") && !n->children)
			err = add_anchors(r, n, index);
	xmlNode *wrapper = dt->parent;
	bool opens = wrapper && is_element(wrapper, "div");
	for (xmlNode *n = opens ? wrapper->children : NULL; n && n != dt && opens; n = n->next)
		opens = n->type != XML_ELEMENT_NODE || (is_element(n, "a") && !n->children);
	if (!err && opens)
		err = add_anchors(r, wrapper, index);
	return err;
}

static const char *dt_text(html_reader *r, xmlNode *dt)
{
	text_out t = { GG_BUF_INIT, NULL, 0, 0 };
	const char *s = collect_text(r, dt, &t, 0) ? NULL : finish_text(&r->g->arena, &t.text, NULL);
	gg_i_buf_free(&t.text);
	free(t.xrefs);
	return s;
}

/*
 * First pass: every term of the page, so links can point forward. Each
 * <dt> is numbered in page order (its _private), for dt_line.
 */
static int index_terms(html_reader *r, xmlNode *root)
{
	size_t dts = 0;
	for (xmlNode *n = root; n; n = next_in(n, root, true)) {
		if (!is_element(n, "dt"))
			continue;
		n->_private = (void *)(uintptr_t)++dts;
		const char *term = dt_text(r, n);
		if (!term)
			return gg_i_error_oom();
		int err = index_term(r, n, term);
		if (err)
			return err;
	}
	r->own_lines = dts == r->n_dt_lines;
	return 0;
}

/*
 * The line of a <dt>: counted by this reader (libxml2's HTML parser stops
 * counting at 65,535), or the parser's when the counts do not agree.
 */
static uint32_t dt_line(const html_reader *r, const xmlNode *dt)
{
	uintptr_t k = (uintptr_t)dt->_private;
	if (r->own_lines && k >= 1 && k <= r->n_dt_lines)
		return r->dt_lines[k - 1];
	long line = xmlGetLineNo(dt);
	return line > 0 ? (uint32_t)line : 0;
}

static bool starts_nocase(const char *s, const char *end, const char *prefix)
{
	size_t n = strlen(prefix);
	return (size_t)(end - s) >= n && strncasecmp(s, prefix, n) == 0;
}

/*
 * The line of every <dt> start tag of the page, in order, into r->dt_lines;
 * comments, CDATA sections and the text of <script>, <style> and
 * <textarea> hold no tags. One pass over the page. Returns 0 or GG_ENOMEM.
 */
static int count_dt_lines(html_reader *r, const char *data, size_t len)
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
		if (starts_nocase(p, end, "<dt") && p + 3 < end &&
		    (p[3] == '>' || p[3] == ' ' || p[3] == '\t' || p[3] == '\n' || p[3] == '\r' || p[3] == '/')) {
			if (GG_ARRAY_PUSH_SLOT(r->dt_lines, r->n_dt_lines, cap))
				return GG_ENOMEM;
			r->dt_lines[r->n_dt_lines++] = line;
		}
	}
	return 0;
}

static int add_entry(html_reader *r, xmlNode **dts, size_t n_dts, xmlNode **dds, size_t n_dds)
{
	gg_entry e = { 0 };
	text_out def = { GG_BUF_INIT, NULL, 0, 0 };
	int err = 0;
	for (size_t i = 0; i < n_dds && !err; i++) {
		if (def.text.len)
			gg_i_buf_putc(&def.text, ' ');
		err = collect_text(r, dds[i], &def, TEXT_LINKS | TEXT_CODE);
	}
	const char *names[MAX_GROUP];
	size_t n_names = 0;
	for (size_t i = 0; i < n_dts && !err; i++) {
		const char *t = dt_text(r, dts[i]);
		if (!t)
			err = gg_i_error_oom();
		else if (*t)
			names[n_names++] = t;
	}
	if (err || !n_names)
		goto cleanup;
	e.file = r->name;
	e.line = dt_line(r, dts[0]);
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
	e.definition = finish_text(&r->g->arena, &def.text, &e.definition_len);
	if (!e.definition) {
		err = gg_i_error_oom();
		goto cleanup;
	}
	/* folding and sanitising only trim the front, and replace bytes one for
	 * one or grow them: offsets before the first replacement hold */
	if (def.n_xrefs) {
		gg_xref *xrefs = gg_i_arena_alloc(&r->g->arena, def.n_xrefs * sizeof(*xrefs));
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

/* The <dt>/<dd> groups of one <dl> (also inside HTML5's <div> wrappers). */
static int read_list(html_reader *r, xmlNode *dl)
{
	xmlNode *dts[MAX_GROUP], *dds[MAX_GROUP];
	size_t n_dts = 0, n_dds = 0, dropped = 0;
	int err = 0;
	for (xmlNode *n = dl->children; n && !err; ) {
		bool descend = is_element(n, "div");
		if (is_element(n, "dt")) {
			if (n_dds) {
				err = add_entry(r, dts, n_dts, dds, n_dds);
				n_dts = n_dds = 0;
			}
			if (n_dts < MAX_GROUP)
				dts[n_dts++] = n;
			else
				dropped++;
		} else if (is_element(n, "dd") && n_dts) {
			if (n_dds < MAX_GROUP)
				dds[n_dds++] = n;
			else
				dropped++;
		}
		n = next_in(n, dl, descend);
	}
	if (!err && n_dts)
		err = add_entry(r, dts, n_dts, dds, n_dds);
	if (!err && dropped)
		err = gg_i_glossary_warn(r->g, r->name, (uint32_t)xmlGetLineNo(dl),
					 "%zu <dt>/<dd> past %d in one group passed over", dropped, MAX_GROUP);
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
	html_reader r = { g, name, slash ? slash + 1 : name, GG_STRMAP_INIT, NULL, 0, 0, NULL, 0, false };
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
	if ((err = count_dt_lines(&r, data, len)))
		goto cleanup;
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
	xmlNode *root = xmlDocGetRootElement(doc);
	size_t before = g->n_entries;
	err = index_terms(&r, root);
	for (xmlNode *n = root; n && !err; ) {
		bool list = is_element(n, "dl");
		if (list)
			err = read_list(&r, n);
		n = next_in(n, root, !list);
	}
	if (!err && g->n_entries == before)
		err = gg_i_glossary_warn(g, name, 0, "no definition list (<dl><dt>...<dd>) in this page");
	xmlFreeDoc(doc);
cleanup:
	gg_i_buf_free(&clean);
	gg_i_strmap_free(&r.anchors);
	free(r.terms);
	free(r.dt_lines);
	return err;
}
