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
#include <string.h>

/* <dt> or <dd> of one group past this many are reported and passed over. */
#define MAX_GROUP 64

typedef struct html_reader {
	gg_glossary *g;
	const char *name;
	gg_strmap anchors; /* element id or name inside a <dt> -> index in terms */
	const char **terms;
	size_t n_terms, cap_terms;
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
static void put_folded(gg_buf *b, const char *s)
{
	for (; *s; s++) {
		bool space = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		if (space) {
			if (b->len && b->ptr[b->len - 1] != ' ')
				gg_buf_putc(b, ' ');
		} else {
			gg_buf_putc(b, *s);
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

static const char *anchor_of(const char *href)
{
	const char *hash = href ? strchr(href, '#') : NULL;
	return hash && hash[1] ? hash + 1 : NULL;
}

typedef struct text_out {
	gg_buf text;
	gg_xref *xrefs;
	size_t n_xrefs, cap_xrefs;
} text_out;

/*
 * The text of the subtree under `root`, folded to one line; with `links`,
 * every <a href="...#anchor"> becomes an xref at its place in the text
 * (the target is the anchored term when the page has it, else the link text).
 * Iterative: nesting depth costs no stack.
 */
static int collect_text(html_reader *r, xmlNode *root, text_out *out, bool links)
{
	for (xmlNode *n = root->children; n; ) {
		bool descend = true;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			put_folded(&out->text, (const char *)n->content);
		} else if (is_element(n, "script") || is_element(n, "style") || is_permalink(n)) {
			descend = false;
		} else if (is_block(n) && out->text.len && out->text.ptr[out->text.len - 1] != ' ') {
			gg_buf_putc(&out->text, ' ');
		}
		if (links && is_element(n, "a")) {
			xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
			const char *anchor = anchor_of((const char *)href);
			if (anchor) {
				text_out inner = { GG_BUF_INIT, NULL, 0, 0 };
				int err = collect_text(r, n, &inner, false);
				size_t len = inner.text.len;
				const char *label = inner.text.ptr ? inner.text.ptr : "";
				while (len && label[len - 1] == ' ')
					len--;
				while (len && *label == ' ') {
					label++;
					len--;
				}
				uint32_t t;
				const char *target = gg_strmap_get(&r->anchors, anchor, &t)
					? r->terms[t] : gg_arena_strndup(&r->g->arena, label, len);
				size_t at = out->text.len;
				gg_buf_put(&out->text, label, len);
				if (!err && len && (err = GG_ARRAY_PUSH_SLOT(out->xrefs, out->n_xrefs, out->cap_xrefs)) == 0)
					out->xrefs[out->n_xrefs++] = (gg_xref){ target, at, len };
				if (!target)
					err = gg_error_oom();
				gg_buf_free(&inner.text);
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
	return gg_buf_ok(&out->text);
}

/* Sanitised copy of folded text in the arena. */
static const char *finish_text(gg_arena *a, const gg_buf *b, size_t *len)
{
	size_t n = b->len;
	const char *s = b->ptr ? b->ptr : "";
	while (n && s[n - 1] == ' ')
		n--;
	size_t lead = 0;
	while (lead < n && s[lead] == ' ')
		lead++;
	gg_buf clean = GG_BUF_INIT;
	gg_utf8_sanitize(&clean, s + lead, n - lead);
	const char *out = clean.oom ? NULL : gg_arena_strndup(a, clean.ptr ? clean.ptr : "", clean.len);
	if (len)
		*len = clean.len;
	gg_buf_free(&clean);
	return out;
}

/* Remember every id (and a name) on or inside a <dt>, for href="#id". */
static int index_term(html_reader *r, xmlNode *dt, const char *term)
{
	if (GG_ARRAY_PUSH_SLOT(r->terms, r->n_terms, r->cap_terms))
		return GG_ENOMEM;
	uint32_t index = (uint32_t)r->n_terms;
	r->terms[r->n_terms++] = term;
	for (xmlNode *n = dt; n; n = next_in(n, dt, true)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *attrs[] = { "id", "name" };
		for (size_t k = 0; k < 2; k++) {
			xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[k]);
			if (!v)
				continue;
			char *key = gg_arena_strdup(&r->g->arena, (const char *)v);
			xmlFree(v);
			if (!key || gg_strmap_put(&r->anchors, key, index, NULL) < 0)
				return gg_error_oom();
		}
	}
	return 0;
}

static const char *dt_text(html_reader *r, xmlNode *dt)
{
	text_out t = { GG_BUF_INIT, NULL, 0, 0 };
	const char *s = collect_text(r, dt, &t, false) ? NULL : finish_text(&r->g->arena, &t.text, NULL);
	gg_buf_free(&t.text);
	free(t.xrefs);
	return s;
}

/* First pass: every term of the page, so links can point forward. */
static int index_terms(html_reader *r, xmlNode *root)
{
	for (xmlNode *n = root; n; n = next_in(n, root, true)) {
		if (!is_element(n, "dt"))
			continue;
		const char *term = dt_text(r, n);
		if (!term)
			return gg_error_oom();
		int err = index_term(r, n, term);
		if (err)
			return err;
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
			gg_buf_putc(&def.text, ' ');
		err = collect_text(r, dds[i], &def, true);
	}
	const char *names[MAX_GROUP];
	size_t n_names = 0;
	for (size_t i = 0; i < n_dts && !err; i++) {
		const char *t = dt_text(r, dts[i]);
		if (!t)
			err = gg_error_oom();
		else if (*t)
			names[n_names++] = t;
	}
	if (err || !n_names)
		goto cleanup;
	e.file = r->name;
	e.line = (uint32_t)xmlGetLineNo(dts[0]);
	e.header = names[0];
	e.header_is_name = true;
	if (n_names > 1) {
		const char **extra = gg_arena_alloc(&r->g->arena, (n_names - 1) * sizeof(*extra));
		if (!extra) {
			err = gg_error_oom();
			goto cleanup;
		}
		memcpy(extra, names + 1, (n_names - 1) * sizeof(*extra));
		e.names = extra;
		e.n_names = n_names - 1;
	}
	e.definition = finish_text(&r->g->arena, &def.text, &e.definition_len);
	if (!e.definition) {
		err = gg_error_oom();
		goto cleanup;
	}
	/* folding and sanitising only trim the front, and replace bytes one for
	 * one or grow them: offsets before the first replacement hold */
	if (def.n_xrefs) {
		gg_xref *xrefs = gg_arena_alloc(&r->g->arena, def.n_xrefs * sizeof(*xrefs));
		if (!xrefs) {
			err = gg_error_oom();
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
	gg_buf_free(&def.text);
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

/* Whether the page declares a character set other than UTF-8. */
static bool declares_other_charset(const char *data, size_t len)
{
	size_t n = len < 4096 ? len : 4096;
	for (size_t i = 0; i + 8 < n; i++) {
		if (strncasecmp(data + i, "charset=", 8) != 0)
			continue;
		const char *v = data + i + 8;
		while (v < data + n && (*v == '"' || *v == '\''))
			v++;
		return (size_t)(data + n - v) >= 5 && strncasecmp(v, "utf-8", 5) != 0 &&
		       strncasecmp(v, "utf8", 4) != 0;
	}
	return false;
}

int gg_i_read_html_page(gg_glossary *g, const char *name, const char *data, size_t len)
{
	html_reader r = { g, name, GG_STRMAP_INIT, NULL, 0, 0 };
	gg_buf clean = GG_BUF_INIT;
	const char *encoding = NULL;
	int err = 0;

	if (len > INT32_MAX)
		return gg_i_glossary_warn(g, name, 0, "page larger than 2 GiB skipped");
	/* Unless the page names its own charset, read it as UTF-8 with bad
	 * bytes replaced, so one stray byte cannot turn it all into Latin-1. */
	if (!declares_other_charset(data, len)) {
		size_t bad = gg_utf8_count_bad(data, len);
		if (bad) {
			gg_utf8_sanitize(&clean, data, len);
			if ((err = gg_buf_ok(&clean)))
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
		err = gg_error_oom();
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
	gg_buf_free(&clean);
	gg_strmap_free(&r.anchors);
	free(r.terms);
	return err;
}
