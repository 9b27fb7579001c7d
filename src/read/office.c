/* office.c - what the Word, OpenDocument and Excel readers share: the ZIP package, its XML members, the HTML they write. */
#include "read/office.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/libxml.h"
#include "core/text.h"

#include <stdarg.h>

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An archive member past this many bytes unpacked is not read. */
#define MAX_MEMBER_BYTES ((zip_uint64_t)64 << 20)

bool gg_i_office_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

xmlNode *gg_i_office_child(const xmlNode *n, const char *name)
{
	for (xmlNode *k = n ? n->children : NULL; k; k = k->next)
		if (gg_i_office_is(k, name))
			return k;
	return NULL;
}

xmlChar *gg_i_office_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n ? n->properties : NULL; a; a = a->next)
		if (a->name && strcmp((const char *)a->name, name) == 0)
			return xmlNodeGetContent((const xmlNode *)a);
	return NULL;
}

bool gg_i_office_monospace_face(const char *face)
{
	static const char *const names[] = { "courier", "consolas", "menlo", "monaco", "lucida console",
					     "fixedsys" };
	static const char *const words[] = { "mono", "code", "monospace" };
	char lower[64];
	size_t n = 0;
	for (const char *c = face; c && *c && n + 1 < sizeof(lower); c++)
		lower[n++] = gg_i_ascii_lower(*c);
	lower[n] = '\0';
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

void gg_i_office_put_text(gg_i_office_html *h, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			gg_i_buf_puts(&h->out, "&amp;");
			break;
		case '<':
			gg_i_buf_puts(&h->out, "&lt;");
			break;
		case '>':
			gg_i_buf_puts(&h->out, "&gt;");
			break;
		case '"':
			gg_i_buf_puts(&h->out, "&quot;");
			break;
		case '\n':
		case '\r':
		case '\t':
			/* a line break inside a cell or a paragraph's text is a space:
			 * the HTML's lines are the document's rows and paragraphs */
			gg_i_buf_putc(&h->out, ' ');
			break;
		default:
			gg_i_buf_putc(&h->out, *s);
		}
	}
}

void gg_i_office_set_format(gg_i_office_html *h, bool bold, bool code)
{
	if (h->code && (!code || bold != h->bold)) {
		gg_i_buf_puts(&h->out, "</code>");
		h->code = false;
	}
	if (bold != h->bold)
		gg_i_buf_puts(&h->out, bold ? "<b>" : "</b>");
	h->bold = bold;
	if (code && !h->code)
		gg_i_buf_puts(&h->out, "<code>");
	h->code = code;
}

void gg_i_office_insert_lines(gg_i_office_html *h, size_t at, size_t n)
{
	gg_i_buf *b = &h->out;
	if (!n || at > b->len || !gg_i_buf_reserve(b, n))
		return;
	memmove(b->ptr + at + n, b->ptr + at, b->len - at);
	memset(b->ptr + at, '\n', n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

int gg_i_office_open(const char *data, size_t len, zip_t **z, char *why, size_t size)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	*z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	if (!*z) {
		snprintf(why, size, "%s", zip_error_strerror(&ze));
		zip_source_free(src);
	}
	zip_error_fini(&ze);
	return *z ? 0 : 1;
}

int gg_i_office_read_member(zip_t *z, const char *member, gg_i_buf *out, char *why, size_t size)
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

xmlDocPtr gg_i_office_parse(const char *member, const char *xml, size_t len, char *why, size_t size)
{
	/* the parser's own messages (an encoding it cannot convert) silenced,
	 * the thread's handlers put back after */
	gg_i_libxml_quiet quiet;
	gg_i_libxml_silence(&quiet);
	xmlResetLastError();
	xmlDocPtr doc = len <= (size_t)2147483647
				? xmlReadMemory(xml, (int)len, member, NULL,
						XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
							XML_PARSE_COMPACT | XML_PARSE_BIG_LINES)
				: NULL;
	gg_i_libxml_restore(&quiet);
	if (!doc || !xmlDocGetRootElement(doc)) {
		const xmlError *e = xmlGetLastError();
		int n = e && e->message ? (int)strcspn(e->message, "\n") : 0;
		snprintf(why, size, "%s is not well-formed XML%s%.*s", member, n ? ": " : "", n, n ? e->message : "");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/*
 * base + target into out (at most size bytes), the "." and ".." steps
 * taken; a target starting with '/' from the package's root. false when
 * it does not fit or steps out of the package.
 */
static bool resolve_path(const char *base, const char *target, char *out, size_t size)
{
	char joined[1024];
	int n = snprintf(joined, sizeof(joined), "%s%s", *target == '/' ? "" : base, target);
	if (n < 0 || (size_t)n >= sizeof(joined))
		return false;
	size_t len = 0;
	for (char *step = joined, *end; *step; step = end + (*end != '\0')) {
		end = step + strcspn(step, "/");
		size_t k = (size_t)(end - step);
		if (k == 0 || (k == 1 && step[0] == '.'))
			continue;
		if (k == 2 && step[0] == '.' && step[1] == '.') {
			if (!len)
				return false;
			while (len && out[len - 1] != '/')
				len--;
			len -= len > 0; /* the '/' before the step taken back */
			continue;
		}
		if (len + (len > 0) + k + 1 > size)
			return false;
		if (len)
			out[len++] = '/';
		memcpy(out + len, step, k);
		len += k;
	}
	out[len] = '\0';
	return len > 0;
}

int gg_i_office_relationships(zip_t *z, const char *rels, const char *base, gg_i_arena *a,
			      gg_i_office_relation **out, size_t *n, char *why, size_t size)
{
	gg_i_buf xml = GG_BUF_INIT;
	*out = NULL;
	*n = 0;
	int err = gg_i_office_read_member(z, rels, &xml, why, size);
	xmlDocPtr doc = err == 0 ? gg_i_office_parse(rels, xml.ptr, xml.len - 1, why, size) : NULL;
	gg_i_buf_free(&xml);
	if (err == 1)
		return 0; /* no relationships */
	if (err)
		return err;
	if (!doc)
		return 2;
	size_t cap = 0;
	for (const xmlNode *r = xmlDocGetRootElement(doc)->children; r && !err; r = r->next) {
		if (!gg_i_office_is(r, "Relationship"))
			continue;
		xmlChar *id = gg_i_office_attr(r, "Id"), *type = gg_i_office_attr(r, "Type");
		xmlChar *target = gg_i_office_attr(r, "Target");
		char path[512];
		if (id && type && target && resolve_path(base, (const char *)target, path, sizeof(path))) {
			gg_i_office_relation rel = { gg_i_arena_strdup(a, (const char *)id),
						     gg_i_arena_strdup(a, (const char *)type),
						     gg_i_arena_strdup(a, path) };
			if (!rel.id || !rel.type || !rel.target || GG_ARRAY_PUSH_SLOT(*out, *n, cap))
				err = gg_i_error_oom();
			else
				(*out)[(*n)++] = rel;
		}
		xmlFree(id);
		xmlFree(type);
		xmlFree(target);
	}
	xmlFreeDoc(doc);
	if (err) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return err;
}

bool gg_i_office_type_is(const gg_i_office_relation *r, const char *type_end)
{
	size_t n = strlen(r->type), k = strlen(type_end);
	return n >= k && strcmp(r->type + n - k, type_end) == 0;
}

int gg_i_office_main_part(zip_t *z, const char *fallback, char *main, size_t size)
{
	gg_i_arena a = GG_ARENA_INIT;
	gg_i_office_relation *rels;
	size_t n;
	char why[256];
	int err = gg_i_office_relationships(z, "_rels/.rels", "", &a, &rels, &n, why, sizeof(why));
	snprintf(main, size, "%s", fallback);
	for (size_t i = 0; !err && i < n; i++)
		if (gg_i_office_type_is(&rels[i], "/officeDocument") && strlen(rels[i].target) < size) {
			snprintf(main, size, "%s", rels[i].target);
			break;
		}
	free(rels);
	gg_i_arena_free(&a);
	return err < 0 ? err : 0; /* damaged relationships: the usual place */
}

bool gg_i_office_is_workbook(const char *main)
{
	size_t n = strlen(main);
	return n >= 12 && strcmp(main + n - 12, "workbook.xml") == 0;
}

void gg_i_office_problem(gg_i_office_html *h, const char *fmt, ...)
{
	if (!h->problems++) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(h->problem, sizeof(h->problem), fmt, ap);
		va_end(ap);
	}
}

bool gg_i_office_full(gg_i_office_html *h)
{
	if (!h->full && h->out.len > GG_I_OFFICE_MAX_HTML) {
		h->full = true;
		gg_i_office_problem(h, "the text past its first %zu MB", GG_I_OFFICE_MAX_HTML >> 20);
	}
	return h->full;
}

int gg_i_office_warn_problems(gg_glossary *g, const char *name, const gg_i_office_html *h)
{
	if (!h->problems)
		return 0;
	if (h->problems == 1)
		return gg_i_glossary_warn(g, name, 0, "%s left out", h->problem);
	return gg_i_glossary_warn(g, name, 0, "%s left out, and %zu part%s more", h->problem, h->problems - 1,
				  h->problems == 2 ? "" : "s");
}
