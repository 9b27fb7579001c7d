/* input.c - turns a path (a file, a directory, or "-") into reads by the reader of its format. */
#include "read/read.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/text.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

/*
 * Read the whole of an open file into a malloc'd buffer with one spare byte
 * for a terminating NUL. Returns 0 with *out and *len set, or GG_EIO/GG_ENOMEM.
 */
static int read_fd(int fd, const char *path, char **out, size_t *len)
{
	struct stat st;
	size_t cap = 65536, n = 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 1;
	char *buf = malloc(cap);
	if (!buf)
		return gg_i_error_oom();
	for (;;) {
		if (n + 1 >= cap) {
			/* full: a one-byte probe tells the end of a file of known
			 * size from one still growing, before doubling the buffer */
			char probe;
			ssize_t more = read(fd, &probe, 1);
			if (more == 0)
				break;
			if (more < 0 && errno == EINTR)
				continue;
			if (more < 0) {
				int e = errno;
				free(buf);
				return gg_i_error_set_errno(GG_EIO, e, "cannot read '%s'", path);
			}
			char *bigger = realloc(buf, cap * 2);
			if (!bigger) {
				free(buf);
				return gg_i_error_oom();
			}
			buf = bigger;
			cap *= 2;
			buf[n++] = probe;
			continue;
		}
		ssize_t got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int e = errno;
			free(buf);
			return gg_i_error_set_errno(GG_EIO, e, "cannot read '%s'", path);
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

/* The format a file's extension names, or GG_INPUT_AUTO. */
static gg_i_input_format format_of_extension(const char *path)
{
	static const struct {
		const char *ext;
		gg_i_input_format format;
	} exts[] = {
		{ ".html", GG_INPUT_HTML }, { ".htm", GG_INPUT_HTML }, { ".xhtml", GG_INPUT_HTML },
		{ ".md", GG_INPUT_MARKDOWN }, { ".markdown", GG_INPUT_MARKDOWN },
		{ ".csv", GG_INPUT_CSV }, { ".tsv", GG_INPUT_TSV },
		{ ".json", GG_INPUT_JSON }, { ".yaml", GG_INPUT_YAML }, { ".yml", GG_INPUT_YAML },
		{ ".ttl", GG_INPUT_SKOS }, { ".nt", GG_INPUT_SKOS },
		{ ".rdf", GG_INPUT_SKOS }, { ".jsonld", GG_INPUT_SKOS },
		{ ".rst", GG_INPUT_RST }, { ".rest", GG_INPUT_RST },
		{ ".adoc", GG_INPUT_ASCIIDOC }, { ".asciidoc", GG_INPUT_ASCIIDOC },
		{ ".docx", GG_INPUT_DOCX },
		{ ".odt", GG_INPUT_ODF }, { ".ods", GG_INPUT_ODF }, { ".fodt", GG_INPUT_ODF },
		{ ".fods", GG_INPUT_ODF }, { ".xlsx", GG_INPUT_XLSX },
		{ ".dbk", GG_INPUT_DOCBOOK }, { ".docbook", GG_INPUT_DOCBOOK },
		{ ".texi", GG_INPUT_TEXINFO }, { ".texinfo", GG_INPUT_TEXINFO }, { ".txi", GG_INPUT_TEXINFO },
		{ ".tex", GG_INPUT_LATEX }, { ".ltx", GG_INPUT_LATEX }, { ".latex", GG_INPUT_LATEX },
		{ ".bib", GG_INPUT_LATEX },
	};
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return GG_INPUT_AUTO;
	for (size_t i = 0; i < sizeof(exts) / sizeof(*exts); i++)
		if (gg_i_strcasecmp(dot, exts[i].ext) == 0)
			return exts[i].format;
	return GG_INPUT_AUTO;
}

/* Whether the first line of data[i..len) names a term and a definition column when cut at sep. */
static bool header_row(const char *data, size_t i, size_t len, char sep)
{
	bool term = false, definition = false;
	while (i < len && data[i] != '\n' && data[i] != '\r') {
		size_t start = i;
		while (i < len && data[i] != sep && data[i] != '\n' && data[i] != '\r')
			i++;
		size_t n = i - start;
		const char *s = data + start;
		if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
			s++;
			n -= 2;
		}
		gg_i_field f = gg_i_field_named(s, n);
		term |= f == GG_FIELD_TERM;
		definition |= f == GG_FIELD_DEFINITION;
		if (i < len && data[i] == sep)
			i++;
	}
	return term && definition;
}

/* Whether a line among the first ones opens the Markdown way: a heading, a definition, a bold item. */
static bool looks_like_markdown(const char *data, size_t i, size_t len)
{
	for (int lines = 0; i < len && lines < 40; lines++) {
		const char *s = data + i;
		size_t n = len - i;
		if ((n >= 2 && s[0] == '#' && (s[1] == ' ' || s[1] == '#')) ||
		    (n >= 2 && s[0] == ':' && s[1] == ' ') ||
		    (n >= 4 && (s[0] == '-' || s[0] == '*') && s[1] == ' ' && s[2] == '*' && s[3] == '*'))
			return true;
		while (i < len && data[i] != '\n')
			i++;
		i++;
	}
	return false;
}

/* Whether a line s[0, m) opens with a LaTeX command that only a LaTeX document or glossary has. */
static bool latex_line(const char *s, size_t m)
{
	static const char *const commands[] = {
		"\\documentclass", "\\newglossaryentry{", "\\longnewglossaryentry{", "\\provideglossaryentry{",
		"\\newacronym{", "\\newacronym[", "\\newabbreviation{", "\\DeclareAcronym{",
	};
	for (size_t c = 0; c < sizeof(commands) / sizeof(*commands); c++)
		if (m >= strlen(commands[c]) && memcmp(s, commands[c], strlen(commands[c])) == 0)
			return true;
	return false;
}

/*
 * The markup language a glossary's lines among the first 64 KiB show:
 * reStructuredText for a Sphinx glossary directive (".. glossary::" at the
 * margin), AsciiDoc for a "[glossary]" block or a term with an anchor
 * ("[[id]]term::", as git's glossary writes them: an id without spaces,
 * the term right after it); Texinfo for "\input texinfo" on the first
 * line, or a "@node" and a "@table" line; LaTeX for a line that opens with
 * "\documentclass" or defines a glossary entry or acronym
 * ("\newglossaryentry", "\newacronym", ...); else GG_INPUT_AUTO. Lines in a
 * Markdown code fence do not count.
 */
static gg_i_input_format markup_of_content(const char *data, size_t i, size_t len)
{
	size_t n = len < 65536 ? len : 65536;
	bool fenced = false, node = false, table = false;
	if (n - i >= 14 && memcmp(data + i, "\\input texinfo", 14) == 0)
		return GG_INPUT_TEXINFO;
	while (i < n) {
		size_t e = i;
		while (e < n && data[e] != '\n' && data[e] != '\r')
			e++;
		size_t t = e;
		while (t > i && (data[t - 1] == ' ' || data[t - 1] == '\t'))
			t--;
		const char *s = data + i;
		size_t m = t - i;
		if (m >= 3 && (memcmp(s, "```", 3) == 0 || memcmp(s, "~~~", 3) == 0))
			fenced = !fenced;
		node |= !fenced && m > 6 && memcmp(s, "@node ", 6) == 0;
		table |= !fenced && m > 7 && memcmp(s, "@table ", 7) == 0;
		if (node && table)
			return GG_INPUT_TEXINFO;
		else if (!fenced && s[0] == '\\' && latex_line(s, m))
			return GG_INPUT_LATEX;
		else if (!fenced && m >= 13 && memcmp(s, ".. glossary::", 13) == 0)
			return GG_INPUT_RST;
		else if (!fenced && m == 10 && memcmp(s, "[glossary]", 10) == 0)
			return GG_INPUT_ASCIIDOC;
		else if (!fenced && m >= 7 && s[0] == '[' && s[1] == '[') {
			size_t k = 2;
			while (k < m && s[k] != ']' && s[k] != ' ' && s[k] != ',')
				k++;
			if (k < m && s[k] == ',') /* "[[id, reftext]]" */
				while (k < m && s[k] != ']')
					k++;
			size_t term = k + 2;
			const char *colons = term < m && s[k] == ']' && s[k + 1] == ']' && s[term] != ' '
				? memchr(s + term, ':', m - term) : NULL;
			if (colons && colons + 1 < data + t && colons[1] == ':' &&
			    (colons + 2 == data + t || colons[2] == ' ' || colons[2] == '\t'))
				return GG_INPUT_ASCIIDOC;
		}
		i = e + 1;
	}
	return GG_INPUT_AUTO;
}

/* Whether an XML document opens with rdf:RDF among its first 4 KiB: RDF/XML. */
static bool is_rdf_xml_document(const char *data, size_t len)
{
	if (len < 5 || (strncmp(data, "<?xml", 5) != 0 && strncmp(data, "<rdf:RDF", 8) != 0))
		return false;
	size_t n = len < 4096 ? len : 4096;
	for (size_t i = 0; i + 8 <= n; i++)
		if (data[i] == '<' && strncmp(data + i, "<rdf:RDF", 8) == 0)
			return true;
	return false;
}

/* Whether JSON is SKOS in JSON-LD: "@context", "@graph" or "@id", and the
 * SKOS namespace, among its first 64 KiB (a schema.org glossary is JSON-LD
 * that the JSON reader reads). */
static bool is_skos_json_ld(const char *data, size_t len)
{
	static const char *const keys[] = { "\"@context\"", "\"@graph\"", "\"@id\"" };
	static const char skos[] = "www.w3.org/2004/02/skos/core#";
	size_t n = len < 65536 ? len : 65536;
	bool keyword = false, skos_named = false;
	for (size_t i = 0; i < n && !(keyword && skos_named); i++) {
		for (size_t k = 0; data[i] == '"' && k < sizeof(keys) / sizeof(*keys); k++)
			keyword |= n - i >= strlen(keys[k]) && memcmp(data + i, keys[k], strlen(keys[k])) == 0;
		skos_named |= data[i] == 'w' && n - i >= sizeof(skos) - 1 && memcmp(data + i, skos, sizeof(skos) - 1) == 0;
	}
	return keyword && skos_named;
}

/* Where s[0, n) holds `lit` (NUL-terminated), or NULL. */
static const char *find_in(const char *s, size_t n, const char *lit)
{
	size_t l = strlen(lit);
	for (size_t i = 0; i + l <= n; i++)
		if (s[i] == lit[0] && memcmp(s + i, lit, l) == 0)
			return s + i;
	return NULL;
}

/* Whether XML is a flat OpenDocument file: its root office:document within its first 4 KiB. */
static bool is_flat_odf(const char *data, size_t len)
{
	size_t n = len < 4096 ? len : 4096;
	if (n < 5 || memcmp(data, "<?xml", 5) != 0)
		return false;
	const char *at = find_in(data, n, "<office:document");
	size_t after = at ? (size_t)(at - data) + 16 : n;
	return after < n && (data[after] == ' ' || data[after] == '>' || data[after] == '\n' || data[after] == '\r') &&
	       find_in(data, n, "urn:oasis:names:tc:opendocument:xmlns:office:");
}

/* s[0, n) past the bytes up to and including `end`, or NULL when it has none. */
static const char *past(const char *s, size_t n, const char *end)
{
	const char *at = find_in(s, n, end);
	return at ? at + strlen(end) : NULL;
}

/*
 * Whether XML is DocBook: past its prolog (declaration, comments,
 * processing instructions; within the first 64 KiB), a DOCTYPE that names
 * DocBook, or a root element that is a glossary or a glosslist or is in
 * DocBook 5's namespace. An XHTML, SVG or RSS document is none, whatever
 * its text mentions.
 */
static bool is_docbook(const char *data, size_t len)
{
	const char *p = data, *end = data + (len < 65536 ? len : 65536);
	while (p && p < end) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
			p++;
		size_t n = (size_t)(end - p);
		if (n < 2 || *p != '<')
			return false;
		if (p[1] == '?') {
			p = past(p, n, "?>");
		} else if (n >= 4 && memcmp(p, "<!--", 4) == 0) {
			p = past(p, n, "-->");
		} else if (n >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0) {
			const char *close = memchr(p, '>', n), *subset = memchr(p, '[', n);
			if (!close)
				return false;
			if (find_in(p, (size_t)(close - p), "DocBook"))
				return true;
			p = subset && subset < close ? past(subset, (size_t)(end - subset), "]>") : close + 1;
		} else {
			/* the root element: its name (past a prefix) and its start tag */
			const char *name = p + 1, *tag_end = memchr(p, '>', n);
			size_t k = 0;
			while (name + k < end && (isalnum((unsigned char)name[k]) || name[k] == ':' || name[k] == '-'))
				k++;
			const char *colon = memchr(name, ':', k);
			if (colon) {
				k -= (size_t)(colon + 1 - name);
				name = colon + 1;
			}
			if ((k == 8 && memcmp(name, "glossary", 8) == 0) || (k == 9 && memcmp(name, "glosslist", 9) == 0))
				return true;
			return tag_end && find_in(p, (size_t)(tag_end - p), "http://docbook.org/ns/docbook");
		}
	}
	return false;
}

/* The format the content shows (its first bytes, markup_of_content); a text page when nothing else fits. */
static gg_i_input_format format_of_content(const char *data, size_t len)
{
	size_t i = 0;
	/* a ZIP archive: an OpenDocument file when its first member is its
	 * media type (stored, as the standard has it), else a Word document
	 * (whose reader hands an Excel workbook over) or said not to be one */
	static const char odf_type[] = "application/vnd.oasis.opendocument.";
	if (len >= 30 && memcmp(data, "PK\x03\x04", 4) == 0) {
		/* the first member's name and extra field, then its stored data */
		size_t name = (unsigned char)data[26] | (size_t)(unsigned char)data[27] << 8;
		size_t extra = (unsigned char)data[28] | (size_t)(unsigned char)data[29] << 8;
		size_t at = 30 + name + extra;
		bool odf = name == 8 && len >= at + sizeof(odf_type) - 1 && memcmp(data + 30, "mimetype", 8) == 0 &&
			   memcmp(data + at, odf_type, sizeof(odf_type) - 1) == 0;
		return odf ? GG_INPUT_ODF : GG_INPUT_DOCX;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	size_t first = i; /* the first line, for a header row */
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	if ((len - i >= 14 && strncasecmp(data + i, "<!doctype html", 14) == 0) ||
	    (len - i >= 5 && strncasecmp(data + i, "<html", 5) == 0))
		return GG_INPUT_HTML;
	gg_i_input_format markup = markup_of_content(data, first, len);
	if (markup != GG_INPUT_AUTO) /* before JSON: "[[id]]term::" opens with '[' */
		return markup;
	if (i < len && (data[i] == '[' || data[i] == '{'))
		return GG_INPUT_JSON;
	if (is_flat_odf(data + i, len - i))
		return GG_INPUT_ODF;
	if (is_docbook(data + i, len - i))
		return GG_INPUT_DOCBOOK;
	if ((len - i >= 7 && (strncmp(data + i, "@prefix", 7) == 0 || strncasecmp(data + i, "prefix ", 7) == 0)) ||
	    (len - i >= 5 && (strncmp(data + i, "@base", 5) == 0 || strncasecmp(data + i, "base ", 5) == 0)) ||
	    is_rdf_xml_document(data + i, len - i))
		return GG_INPUT_SKOS;
	if (header_row(data, first, len, '\t'))
		return GG_INPUT_TSV;
	if (header_row(data, first, len, ','))
		return GG_INPUT_CSV;
	if (looks_like_markdown(data, first, len))
		return GG_INPUT_MARKDOWN;
	return GG_INPUT_PAGE;
}

/*
 * Text in UTF-16 with its byte order mark (what Windows editors save as
 * "Unicode", Excel as "Unicode Text"), as UTF-8 in a new malloc'd buffer
 * of *out_len + 1 bytes, the mark dropped; a lone surrogate or an odd last
 * byte becomes U+FFFD. Returns 0 with *out NULL when data has no such
 * mark; GG_ENOMEM.
 */
static int utf16_as_utf8(const char *data, size_t len, char **out, size_t *out_len)
{
	const unsigned char *u = (const unsigned char *)data;
	bool little = len >= 2 && u[0] == 0xFF && u[1] == 0xFE;
	*out = NULL;
	if (!little && !(len >= 2 && u[0] == 0xFE && u[1] == 0xFF))
		return 0;
	char *utf8 = malloc(len / 2 * 3 + 4); /* 3 bytes at most for each 2 */
	if (!utf8)
		return gg_i_error_oom();
	size_t n = 0;
	for (size_t i = 2; i < len; i += 2) {
		utf8proc_int32_t c = 0xFFFD;
		if (i + 1 < len) {
			c = little ? u[i] | u[i + 1] << 8 : u[i] << 8 | u[i + 1];
			size_t j = i + 2;
			unsigned next = j + 1 < len ? (little ? u[j] | u[j + 1] << 8 : u[j] << 8 | u[j + 1]) : 0;
			if (c >= 0xD800 && c < 0xDC00 && next >= 0xDC00 && next < 0xE000) {
				c = 0x10000 + ((c - 0xD800) << 10) + (utf8proc_int32_t)(next - 0xDC00);
				i += 2;
			} else if (c >= 0xD800 && c < 0xE000) {
				c = 0xFFFD;
			}
		}
		n += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)utf8 + n);
	}
	utf8[n] = '\0';
	*out = utf8;
	*out_len = n;
	return 0;
}

/* Bytes looked at to tell text from other data. */
#define SNIFF_BYTES 4096

/*
 * Why data, read as a page, is no text at all, or NULL when it may be
 * text. Among its first SNIFF_BYTES: NUL at every other byte (UTF-16
 * without its byte order mark), more than 4 NULs (an image, a program,
 * compressed data: a NUL in every 256 bytes) or an eighth of control bytes
 * other than tab, line ends and form feed. A text with a stray control
 * byte, or in Latin-1, is read (its odd bytes replaced and reported).
 */
static const char *not_text(const char *data, size_t len)
{
	size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, odd = 0, nul[2] = { 0, 0 };
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)data[i];
		nul[i % 2] += c == 0;
		odd += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
	}
	size_t half = n / 2, most = nul[0] > nul[1] ? nul[0] : nul[1], least = nul[0] + nul[1] - most;
	if (n >= 16 && most * 10 >= half * 9 && least * 10 < half)
		return "text in UTF-16 without its byte order mark (save it with one, or as UTF-8)";
	if (nul[0] + nul[1] > 4 || odd * 8 > n)
		return "binary data, not text (--format names a format to read it as)";
	return NULL;
}

/* Whether s[v, end) begins with `prefix` in any case. */
static bool starts_nocase(const char *s, size_t v, size_t end, const char *prefix)
{
	size_t n = strlen(prefix);
	return end - v >= n && strncasecmp(s + v, prefix, n) == 0;
}

/* Whether text[i] stands inside an XML declaration or a <meta> tag: the
 * last '<' before it opens "<?xml" or "<meta", with no '>' after it. */
static bool in_declaring_tag(const char *text, size_t i)
{
	size_t k = i;
	while (k > 0 && text[k - 1] != '<' && text[k - 1] != '>')
		k--;
	return k > 0 && text[k - 1] == '<' &&
	       (starts_nocase(text, k, i, "?xml") || starts_nocase(text, k, i, "meta"));
}

/*
 * In text just turned from UTF-16 into UTF-8, make the encoding of an XML
 * declaration or the charset of an HTML <meta> tag among its first 4 KiB
 * that names UTF-16 (or UCS-2) name UTF-8 instead, or libxml2 would refuse
 * the file or read it as UTF-16 again: the value becomes "UTF-8", its
 * closing quote moved up and spaces after it, so that no byte moves. The
 * same words in the text are left alone.
 */
static void relabel_utf8(char *text, size_t len)
{
	size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES;
	for (size_t i = 0; i < n; i++) {
		size_t key = starts_nocase(text, i, n, "encoding") ? 8 : starts_nocase(text, i, n, "charset") ? 7 : 0;
		if (!key || !in_declaring_tag(text, i))
			continue;
		size_t v = i + key;
		while (v < n && (text[v] == ' ' || text[v] == '='))
			v++;
		char quote = v < n && (text[v] == '"' || text[v] == '\'') ? text[v++] : 0;
		size_t end = v;
		while (end < n && (isalnum((unsigned char)text[end]) || text[end] == '-' || text[end] == '_'))
			end++;
		if (!starts_nocase(text, v, end, "utf-16") && !starts_nocase(text, v, end, "utf16") &&
		    !starts_nocase(text, v, end, "ucs-2"))
			continue;
		memcpy(text + v, "UTF-8", 5);
		size_t k = v + 5;
		if (quote && end < n && text[end] == quote) {
			text[k++] = quote;
			end++;
		}
		memset(text + k, ' ', end - k);
		i = end;
	}
}

/* Read one file whose bytes the caller hands over (malloc'd, len + 1). */
static int read_page(gg_glossary *g, const char *name, char *data, size_t len, gg_i_input_format format)
{
	bool chosen = format != GG_INPUT_AUTO;
	if (format != GG_INPUT_DOCX && format != GG_INPUT_XLSX && format != GG_INPUT_ODF) {
		char *utf8;
		size_t utf8_len;
		int err = utf16_as_utf8(data, len, &utf8, &utf8_len);
		if (err) {
			free(data);
			return err;
		}
		if (utf8) { /* read on as the UTF-8 text */
			free(data);
			data = utf8;
			len = utf8_len;
			relabel_utf8(data, len);
		}
	}
	if (format == GG_INPUT_AUTO)
		format = format_of_extension(name);
	if (format == GG_INPUT_AUTO) {
		format = format_of_content(data, len);
		const char *why = format == GG_INPUT_PAGE ? not_text(data, len) : NULL;
		if (why) {
			free(data);
			return gg_i_glossary_warn(g, name, 0, "not read: %s", why);
		}
	}
	if (!chosen && format == GG_INPUT_JSON && is_skos_json_ld(data, len))
		format = GG_INPUT_SKOS; /* SKOS published as JSON-LD */
	g->stats.pages++;
	switch (format) {
	case GG_INPUT_HTML: {
		int err = gg_i_read_html_page(g, name, data, len);
		free(data);
		return err;
	}
	case GG_INPUT_DOCX: {
		int err = gg_i_read_docx(g, name, data, len);
		free(data);
		return err;
	}
	case GG_INPUT_XLSX: {
		int err = gg_i_read_xlsx(g, name, data, len);
		free(data);
		return err;
	}
	case GG_INPUT_ODF: {
		int err = gg_i_read_odf(g, name, data, len);
		free(data);
		return err;
	}
	case GG_INPUT_DOCBOOK: {
		int err = gg_i_read_docbook(g, name, data, len);
		free(data);
		return err;
	}
	case GG_INPUT_MARKDOWN:
		return gg_i_read_markdown(g, name, data, len);
	case GG_INPUT_CSV:
		return gg_i_read_csv(g, name, data, len, ',');
	case GG_INPUT_TSV:
		return gg_i_read_csv(g, name, data, len, '\t');
	case GG_INPUT_JSON:
		return gg_i_read_json(g, name, data, len);
	case GG_INPUT_SKOS:
		return gg_i_read_skos(g, name, data, len);
	case GG_INPUT_RST:
		return gg_i_read_rst(g, name, data, len);
	case GG_INPUT_ASCIIDOC:
		return gg_i_read_asciidoc(g, name, data, len);
	case GG_INPUT_TEXINFO:
		return gg_i_read_texinfo(g, name, data, len);
	case GG_INPUT_YAML:
		return gg_i_read_yaml(g, name, data, len);
	case GG_INPUT_LATEX:
		return gg_i_read_latex(g, name, data, len);
	case GG_INPUT_AUTO:
	case GG_INPUT_PAGE:
		break;
	}
	return gg_i_read_text_page(g, name, data, len);
}

static int read_file(gg_glossary *g, const char *path, gg_i_input_format format)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return gg_i_error_set_errno(GG_EIO, errno, "cannot open '%s'", path);
	char *data = NULL;
	size_t len = 0;
	int err = read_fd(fd, path, &data, &len);
	close(fd);
	if (err)
		return err;
	const char *name = gg_i_arena_strdup(&g->arena, path);
	if (!name) {
		free(data);
		return gg_i_error_oom();
	}
	return read_page(g, name, data, len, format);
}

/* Standard input, read whole, named "<stdin>". */
static int read_stdin(gg_glossary *g, gg_i_input_format format)
{
	static const char name[] = "<stdin>";
	char *data = NULL;
	size_t len = 0;
	int err = read_fd(STDIN_FILENO, "standard input", &data, &len);
	if (err)
		return err;
	return read_page(g, name, data, len, format);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_directory(gg_glossary *g, const char *path, gg_i_input_format format)
{
	DIR *dir = opendir(path);
	if (!dir)
		return gg_i_error_set_errno(GG_EIO, errno, "cannot open directory '%s'", path);
	char **names = NULL;
	size_t n = 0, cap = 0;
	int err = 0;
	struct dirent *d;
	size_t plen = strlen(path);
	bool slash = plen && path[plen - 1] == '/';

	for (;;) {
		errno = 0; /* readdir reports errors only through errno */
		if (!(d = readdir(dir)))
			break;
		if (d->d_name[0] == '.')
			continue;
		size_t len = plen + 1 + strlen(d->d_name) + 1;
		char *full = malloc(len);
		if (!full || (err = GG_ARRAY_PUSH_SLOT(names, n, cap))) {
			free(full);
			err = gg_i_error_oom();
			goto cleanup;
		}
		snprintf(full, len, "%s%s%s", path, slash ? "" : "/", d->d_name);
		names[n++] = full;
	}
	if (errno) {
		err = gg_i_error_set_errno(GG_EIO, errno, "cannot read directory '%s'", path);
		goto cleanup;
	}
	if (n)
		qsort(names, n, sizeof(*names), compare_names);
	size_t files = 0;
	for (size_t i = 0; i < n; i++) { /* what is no file is told, not read: a folder may be another glossary */
		struct stat st;
		bool found = stat(names[i], &st) == 0;
		if (found && S_ISREG(st.st_mode)) {
			names[files++] = names[i];
			continue;
		}
		const char *why = !found ? (errno == ENOENT ? "a link to nothing" : strerror(errno))
				  : S_ISDIR(st.st_mode) ? "a folder (name it as an input to read it)"
							: "not a file";
		const char *kept = gg_i_arena_strdup(&g->arena, names[i]);
		err = kept ? gg_i_glossary_warn(g, kept, 0, "not read: %s", why) : gg_i_error_oom();
		free(names[i]);
		if (err) {
			for (size_t k = i + 1; k < n; k++)
				free(names[k]);
			n = files;
			goto cleanup;
		}
	}
	n = files;
	if (n == 0) {
		err = gg_i_error_set(GG_EINPUT, "no pages in directory '%s'", path);
		goto cleanup;
	}
	for (size_t i = 0; i < n && !err; i++) {
		/* a page a report: pages are read by the thousand a second at most */
		gg_i_progress(&g->read_progress, GG_STAGE_READ, (double)i / (double)n);
		err = read_file(g, names[i], format);
	}
	if (!err)
		gg_i_progress(&g->read_progress, GG_STAGE_READ, 1);
cleanup:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(dir);
	return err;
}

/* The format named `s`; false when there is no such format. */
static bool format_named(const char *s, gg_i_input_format *out)
{
	static const char *const names[] = { "auto", "page", "html", "markdown", "csv", "tsv", "json", "yaml", "skos",
					     "rst", "asciidoc", "docx", "odt", "ods", "xlsx", "docbook", "texinfo",
					     "latex" };
	static const gg_i_input_format formats[] = { GG_INPUT_AUTO, GG_INPUT_PAGE, GG_INPUT_HTML, GG_INPUT_MARKDOWN,
					       GG_INPUT_CSV, GG_INPUT_TSV, GG_INPUT_JSON, GG_INPUT_YAML, GG_INPUT_SKOS,
					       GG_INPUT_RST, GG_INPUT_ASCIIDOC, GG_INPUT_DOCX, GG_INPUT_ODF,
					       GG_INPUT_ODF, GG_INPUT_XLSX, GG_INPUT_DOCBOOK, GG_INPUT_TEXINFO,
					       GG_INPUT_LATEX };
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!s || strcmp(s, names[i]) == 0) {
			*out = s ? formats[i] : GG_INPUT_AUTO;
			return true;
		}
	return false;
}

int gg_glossary_read_input(gg_glossary *g, const char *path, const char *format)
{
	struct stat st;
	gg_i_input_format f;
	if (g->built)
		return gg_i_error_set(GG_EINVAL, "the glossary is already built");
	if (!format_named(format, &f))
		return gg_i_error_set(GG_EINVAL, "no input format '%s' (page, html, markdown, csv, tsv, json, yaml, skos, rst, asciidoc, texinfo, latex, docx, odt, ods, xlsx, docbook)", format);
	if (strcmp(path, "-") == 0)
		return read_stdin(g, f);
	if (stat(path, &st) != 0)
		return gg_i_error_set_errno(GG_EIO, errno, "cannot open '%s'", path);
	if (S_ISDIR(st.st_mode))
		return read_directory(g, path, f);
	return read_file(g, path, f);
}

int gg_glossary_read_path(gg_glossary *g, const char *path)
{
	return gg_glossary_read_input(g, path, NULL);
}

int gg_glossary_read_buffer(gg_glossary *g, const char *name, const char *data, size_t len)
{
	if (g->built)
		return gg_i_error_set(GG_EINVAL, "the glossary is already built");
	const char *stored = gg_i_arena_strdup(&g->arena, name);
	char *copy = malloc(len + 1);
	if (!stored || !copy) {
		free(copy);
		return gg_i_error_oom();
	}
	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	return read_page(g, stored, copy, len, GG_INPUT_AUTO);
}
