/* test_html.c - the HTML reader: its four layouts, editors' links and code elements. */
#include "suites.h"
#include "glossgraph.h"
#include "core/buf.h"

#include <string.h>

static void test_definition_lists(void)
{
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_path(g, FIXTURE("glossary.html")), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);

	const gg_entry *alpha = entry_named(g, "Alpha");
	CU_ASSERT_PTR_NOT_NULL_FATAL(alpha);
	CU_ASSERT_STRING_EQUAL(alpha->definition,
			       "The first letter. Compare beta and the gamma ray; not a web link.");
	CU_ASSERT_EQUAL_FATAL(alpha->n_xrefs, 2);
	CU_ASSERT_STRING_EQUAL(alpha->xrefs[0].target, "Beta");
	CU_ASSERT_EQUAL(strncmp(alpha->definition + alpha->xrefs[0].offset, "beta", alpha->xrefs[0].len), 0);
	CU_ASSERT_STRING_EQUAL(alpha->xrefs[1].target, "Gamma ray");
	CU_ASSERT_EQUAL(strncmp(alpha->definition + alpha->xrefs[1].offset, "gamma ray", 9), 0);
	CU_ASSERT_EQUAL(alpha->line, 6);

	/* two <dt> for one <dd>: one entry, one concept, both names */
	const gg_entry *beta = entry_named(g, "Beta");
	CU_ASSERT_PTR_NOT_NULL_FATAL(beta);
	CU_ASSERT_EQUAL(beta->n_names, 1);
	CU_ASSERT_STRING_EQUAL(beta->definition, "The letter after alpha. Also a test.");
	size_t b1, b2;
	CU_ASSERT_EQUAL(gg_glossary_find(&b1, g, "beta"), 0);
	CU_ASSERT_EQUAL(gg_glossary_find(&b2, g, "second letter"), 0);
	CU_ASSERT_EQUAL(b1, b2);

	/* a link to an anchor the page lacks: its text names the entry meant */
	const gg_entry *gamma = entry_named(g, "Gamma ray");
	CU_ASSERT_PTR_NOT_NULL_FATAL(gamma);
	CU_ASSERT_EQUAL_FATAL(gamma->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(gamma->xrefs[0].target, "delta waves");
	CU_ASSERT_STRING_EQUAL(gamma->definition, "Radiation, named like delta waves.");

	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Lonely term"));
	gg_glossary_free(g);
}

static void test_bad_html(void)
{
	const char page[] = "<html><body><dl><dt>Caf\xFF</dt><dd>A stray byte \xFF here.</dd></dl></body></html>";
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "bad.html", page, sizeof(page) - 1), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_build(g, NULL), 0);
	CU_ASSERT_EQUAL(gg_glossary_stats(g)->replaced_bytes, 2);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, "Caf\xEF\xBF\xBD");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition, "A stray byte \xEF\xBF\xBD here.");
	gg_glossary_free(g);

	const char none[] = "<html><body><p>No list here.</p></body></html>";
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "none.html", none, sizeof(none) - 1), 0);
	CU_ASSERT_EQUAL(gg_glossary_diagnostic_count(g), 1);
	CU_ASSERT_EQUAL(gg_glossary_build(g, NULL), GG_EINPUT);
	gg_glossary_free(g);
}

/* Read one HTML page from memory and build it; NULL when that fails. */
static gg_glossary *read_html(const char *name, const char *page, size_t len)
{
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, name, page, len), 0);
	if (gg_glossary_build(g, NULL) != 0) {
		gg_glossary_free(g);
		return NULL;
	}
	return g;
}

/* A term's own heading may name it twice: "Font Family, or just Family"
 * is one name and another, and a link to the heading finds it; "Acme,
 * Inc." and "Read, write, or execute" are one name with commas. */
static void test_names_in_terms(void)
{
	const char page[] = "<html><body><dl><dt id=\"ff\">Font Family, or just Family</dt><dd>Related fonts.</dd>"
			    "<dt>Typeface</dt><dd>A design of a <a href=\"#ff\">font family</a>.</dd>"
			    "<dt>Acme, Inc.</dt><dd>A firm.</dd>"
			    "<dt>Read, write, or execute</dt><dd>The three permissions.</dd></dl></body></html>";
	gg_glossary *g = read_html("names.html", page, sizeof(page) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	size_t whole, other, firm;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&whole, g, "font family"), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&other, g, "family"), 0);
	CU_ASSERT_EQUAL(whole, other);
	CU_ASSERT_STRING_EQUAL(gg_glossary_concept(g, whole)->name, "Font Family");
	CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&firm, g, "acme, inc."), 0);
	CU_ASSERT_STRING_EQUAL(gg_glossary_concept(g, firm)->name, "Acme, Inc.");
	/* an editor's link to the heading finds the concept the heading names */
	const gg_entry *typeface = entry_named(g, "Typeface");
	CU_ASSERT_PTR_NOT_NULL_FATAL(typeface);
	CU_ASSERT_EQUAL_FATAL(typeface->n_xrefs, 1);
	size_t linked;
	CU_ASSERT_EQUAL(gg_glossary_find(&linked, g, typeface->xrefs[0].target), 0);
	CU_ASSERT_EQUAL(linked, whole);
	size_t rights; /* a list's "or" gives no other name */
	CU_ASSERT_EQUAL_FATAL(gg_glossary_find(&rights, g, "read, write, or execute"), 0);
	CU_ASSERT_EQUAL(gg_glossary_concept(g, rights)->n_aliases, 0);
	gg_glossary_free(g);
}

/* Only links to an entry's anchor in this page are editors' links; anchors
 * sit on the <dt>, inside it, in an <a name> before it, or on a wrapper. */
static void test_editor_links(void)
{
	const char page[] =
		"<html><body><dl>\n"
		"<dt id=\"list\">list</dt><dd>A sequence; see <a href=\"#tuple\">tuple</a>.</dd>\n"
		"<a name=\"tuple\"></a><dt>tuple</dt>"
		"<dd>Not a <a href=\"library/types.html#list\">list</a>, but like "
		"<a href=\"terms.html#list\">a list</a> or <a href=\"./terms.html#dict\">dict</a>.</dd>\n"
		"<div id=\"dict\"><dt>dict</dt><dd>A map, not <a href=\"#nowhere\">set</a>; "
		"<a href=\"other.html#tuple\">tuple</a> elsewhere.</dd></div>\n"
		"</dl></body></html>\n";
	gg_glossary *g = read_html("docs/terms.html", page, sizeof(page) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *list = entry_named(g, "list"), *tuple = entry_named(g, "tuple"),
		       *dict = entry_named(g, "dict");
	CU_ASSERT_PTR_NOT_NULL_FATAL(list);
	CU_ASSERT_PTR_NOT_NULL_FATAL(tuple);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dict);
	CU_ASSERT_EQUAL_FATAL(list->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(list->xrefs[0].target, "tuple");
	CU_ASSERT_EQUAL_FATAL(tuple->n_xrefs, 2);
	CU_ASSERT_STRING_EQUAL(tuple->xrefs[0].target, "list");
	CU_ASSERT_EQUAL(strncmp(tuple->definition + tuple->xrefs[0].offset, "a list", 6), 0);
	CU_ASSERT_STRING_EQUAL(tuple->xrefs[1].target, "dict");
	CU_ASSERT_EQUAL_FATAL(dict->n_xrefs, 1); /* "#nowhere": by its text; another page's: none */
	CU_ASSERT_STRING_EQUAL(dict->xrefs[0].target, "set");
	CU_ASSERT_STRING_EQUAL(dict->definition, "A map, not set; tuple elsewhere.");
	CU_ASSERT_EQUAL(list->line, 2);
	CU_ASSERT_EQUAL(dict->line, 4);
	gg_glossary_free(g);
}

/* Only a declaration sets the encoding: "charset=" in the text does not. */
static void test_charset(void)
{
	const char prose[] = "<html><body><dl><dt>caf\xC3\xA9</dt><dd>Set charset=latin1 in the "
			     "header.</dd></dl></body></html>";
	const char latin1[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
			      "charset=ISO-8859-1\"></head><body><dl><dt>caf\xE9</dt><dd>A shop.</dd></dl>"
			      "</body></html>";
	const char meta[] = "<html><head><meta charset=\"windows-1252\"></head><body><dl><dt>caf\xE9</dt>"
			    "<dd>A shop.</dd></dl></body></html>";
	const char *pages[] = { prose, latin1, meta };
	size_t lens[] = { sizeof(prose) - 1, sizeof(latin1) - 1, sizeof(meta) - 1 };
	for (size_t i = 0; i < 3; i++) {
		gg_glossary *g = read_html("c.html", pages[i], lens[i]);
		CU_ASSERT_PTR_NOT_NULL_FATAL(g);
		CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, "caf\xC3\xA9");
		CU_ASSERT_EQUAL(gg_glossary_stats(g)->replaced_bytes, 0);
		gg_glossary_free(g);
	}
}

/* Entries past line 65,535 have their own line (the parser stops counting). */
static void test_big_line_numbers(void)
{
	gg_i_buf page = GG_BUF_INIT;
	gg_i_buf_puts(&page, "<html><body>\n<!-- <dt>not a term</dt> -->\n<dl>\n");
	for (int i = 0; i < 36000; i++)
		gg_i_buf_printf(&page, "<dt>term %d</dt>\n<dd>Definition %d.</dd>\n", i, i);
	gg_i_buf_puts(&page, "</dl></body></html>\n");
	CU_ASSERT_EQUAL_FATAL(gg_i_buf_ok(&page), 0);
	gg_glossary *g = read_html("big.html", page.ptr, page.len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 36000);
	const gg_entry *last = entry_named(g, "term 35999");
	CU_ASSERT_PTR_NOT_NULL_FATAL(last);
	CU_ASSERT_EQUAL(last->line, 4 + 2 * 35999);
	CU_ASSERT_EQUAL(entry_named(g, "term 10")->line, 24);
	gg_glossary_free(g);
	gg_i_buf_free(&page);
}

/*
 * Code elements of a definition go between backticks, so that the linker
 * holds a mention inside as code; a link inside keeps its place, and a
 * term's own <code> is no code span.
 */
static void test_code_elements(void)
{
	const char page[] =
		"<html><body><dl>\n"
		"<dt id=\"ref\"><code>ref</code></dt><dd>A name for a <code>commit</code> such as <code> refs/heads/main </code>.</dd>\n"
		"<dt id=\"commit\">commit</dt><dd>Run <kbd>git commit</kbd>; <tt>see <a href=\"#ref\">ref</a></tt>"
		"<var></var> <samp>ref</samp>.</dd>\n"
		"<dt id=\"tag\">tag</dt><dd>Names a commit for good.</dd>\n"
		"</dl></body></html>\n";
	gg_glossary *g = read_html("terms.html", page, sizeof(page) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *ref = entry_named(g, "ref"), *commit = entry_named(g, "commit");
	CU_ASSERT_PTR_NOT_NULL_FATAL(ref);
	CU_ASSERT_PTR_NOT_NULL_FATAL(commit);
	CU_ASSERT_STRING_EQUAL(ref->definition, "A name for a `commit` such as `refs/heads/main`.");
	CU_ASSERT_STRING_EQUAL(commit->definition, "Run `git commit`; `see ref` `ref`.");
	CU_ASSERT_EQUAL_FATAL(commit->n_xrefs, 1);
	CU_ASSERT_EQUAL(strncmp(commit->definition + commit->xrefs[0].offset, "ref`", 4), 0);
	CU_ASSERT_EQUAL(commit->xrefs[0].len, 3);
	/* every mention of commit in ref's definition, and of ref in commit's, is code */
	gg_links *l = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_links_new(&l, g, NULL), 0);
	size_t mentions = 0, in_code = 0;
	for (size_t i = 0; i < gg_links_count(l); i++) {
		const gg_edge *e = gg_links_edge(l, i);
		if (e->kind != GG_EDGE_MENTION)
			continue;
		mentions++;
		bool from_tag = strcmp(gg_glossary_concept(g, e->source)->name, "tag") == 0;
		in_code += e->held == GG_HELD_IN_CODE;
		CU_ASSERT_EQUAL(e->held == GG_HELD_IN_CODE, !from_tag);
	}
	CU_ASSERT_EQUAL(mentions, 3);
	CU_ASSERT_EQUAL(in_code, 2);
	gg_links_free(l);
	gg_glossary_free(g);
}

/*
 * Text after a block inside a definition (a wiki's "See also" note, then
 * the numbered senses) stands apart from the block's last word, as the
 * text inside a block does from what comes before it.
 */
static void test_text_after_blocks(void)
{
	const char page[] =
		"<html><body><dl>\n"
		"<dt id=\"array\">array</dt><dd><div class=\"note\">See also: <a href=\"#list\">list</a></div>"
		"1. A run of elements.<p>Fixed</p>size.</dd>\n"
		"<dt id=\"list\">list</dt><dd>Ordered values.</dd>\n"
		"</dl></body></html>\n";
	gg_glossary *g = read_html("wiki.html", page, sizeof(page) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *array = entry_named(g, "array");
	CU_ASSERT_PTR_NOT_NULL_FATAL(array);
	CU_ASSERT_STRING_EQUAL(array->definition, "See also: list 1. A run of elements. Fixed size.");
	CU_ASSERT_EQUAL_FATAL(array->n_xrefs, 1);
	CU_ASSERT_EQUAL(strncmp(array->definition + array->xrefs[0].offset, "list 1", 6), 0);
	gg_glossary_free(g);
}

/*
 * Note markers are the page's apparatus, not definition text: a wiki's
 * bracketed citations, footnote references as Pandoc and Python-Markdown
 * write them. A superscript of plain text, or one linking to an entry, is
 * text; an exponent gets a caret.
 */
static void test_note_markers(void)
{
	const char page[] =
		"<html><body><dl>\n"
		"<dt id=\"kilo\">kilo<sup class=\"reference\"><a href=\"#cite_note-1\">[1]</a></sup></dt>"
		"<dd>A factor of 10<sup>3</sup>.<sup class=\"reference\"><a href=\"#cite_note-2\">"
		"<span>[</span>2<span>]</span></a></sup> Used in SI"
		"<sup><i>[<a href=\"/wiki/Citation_needed\">citation needed</a>]</i></sup>, "
		"see <sup><a href=\"#mega\">mega</a></sup>"
		"<a href=\"#fn1\" class=\"footnote-ref\"><sup>1</sup></a>"
		"<sup id=\"fnref:2\"><a class=\"footnote-ref\" href=\"#fn:2\">2</a></sup>.</dd>\n"
		"<dt id=\"mega\">mega</dt><dd>A factor of 10<sup>6</sup>, or 2<sup>20</sup> (2<sup>n</sup>, "
		"O(n<sup>\xe2\x88\x92" "1</sup>)) since the 19<sup>th</sup> century.</dd>\n"
		"</dl>\n<ol><li id=\"cite_note-1\">A book.</li><li id=\"fn1\">A note.</li></ol>\n"
		"</body></html>\n";
	gg_glossary *g = read_html("units.html", page, sizeof(page) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *kilo = entry_named(g, "kilo");
	CU_ASSERT_PTR_NOT_NULL_FATAL(kilo);
	CU_ASSERT_STRING_EQUAL(kilo->definition, "A factor of 10^3. Used in SI, see mega.");
	CU_ASSERT_EQUAL_FATAL(kilo->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(kilo->xrefs[0].target, "mega");
	/* exponents with a caret; an ordinal's letters are no exponent */
	const gg_entry *mega = entry_named(g, "mega");
	CU_ASSERT_PTR_NOT_NULL_FATAL(mega);
	CU_ASSERT_STRING_EQUAL(mega->definition,
			       "A factor of 10^6, or 2^20 (2^n, O(n^\xe2\x88\x92" "1)) since the 19th century.");
	gg_glossary_free(g);
}

/* The categories of an entry, joined by ',' ("" for none), into buf. */
static const char *categories_of(const gg_entry *e, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < e->n_categories; i++) {
		strncat(buf, i ? "," : "", size - strlen(buf) - 1);
		strncat(buf, e->categories[i], size - strlen(buf) - 1);
	}
	return buf;
}

/*
 * A table of terms: a row per entry, the header row (<th> only) passed
 * over, the definition the column with the most text; an id on the row is
 * the entry's anchor. A table of one row is layout, not a glossary.
 */
static void test_tables(void)
{
	const char page[] =
		"<html><body><table><tr><td>Logo</td><td>Menu</td></tr></table>\n"
		"<table>\n"
		"<tr><th>Term</th><th>Short</th><th>Meaning</th></tr>\n"
		"<tr id=\"bus\"><td>Bus</td><td>B</td><td>Wires shared by <a href=\"#cpu\">the CPU</a> and memory.</td></tr>\n"
		"<tr><td><a name=\"cpu\"></a>Central processing unit</td><td>CPU</td>"
		"<td>Runs programs; see <a href=\"#bus\">bus</a>.</td></tr>\n"
		"<tr><td>Cache</td></tr>\n"
		"</table></body></html>\n";
	gg_glossary *g = read_html("t.html", page, sizeof(page) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	const gg_entry *bus = entry_named(g, "Bus"), *cpu = entry_named(g, "Central processing unit");
	CU_ASSERT_PTR_NOT_NULL_FATAL(bus);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cpu);
	CU_ASSERT_STRING_EQUAL(bus->definition, "Wires shared by the CPU and memory.");
	CU_ASSERT_EQUAL(bus->line, 4);
	CU_ASSERT_EQUAL_FATAL(bus->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(bus->xrefs[0].target, "Central processing unit");
	CU_ASSERT_EQUAL_FATAL(cpu->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(cpu->xrefs[0].target, "Bus");
	CU_ASSERT_PTR_NULL(entry_named(g, "Logo"));
	CU_ASSERT_PTR_NULL(entry_named(g, "Term"));
	gg_glossary_free(g);
}

/*
 * One heading per term, as Sphinx sections and hand-written pages have
 * them: the level with the most headings that have text under them; the
 * lone <h1> is the title, a one-letter heading no category; the section a
 * heading opens holds its anchor; the definition runs to the next heading
 * of its level or above, through nested elements.
 */
static void test_headings(void)
{
	const char page[] =
		"<html><body>\n"
		"<nav><h2>Contents</h2><ul><li>Home</li></ul></nav>\n"
		"<section><h1>Glossary</h1>\n"
		"<section><h2>Networking</h2>\n"
		"<section id=\"routing\"><h3>Routing<a class=\"headerlink\" href=\"#routing\">\xC2\xB6</a></h3>\n"
		"<p>Picking paths for <a href=\"#packet\">packets</a>.</p><ul><li>static</li></ul>\n"
		"</section>\n"
		"<h3 id=\"packet\">Packet</h3><p>A unit of <code>data</code>.</p><h4>Note</h4><p>Small.</p>\n"
		"</section>\n"
		"<section><h2>B</h2><h3>Bridge</h3><div><p>Joins two networks.</p></div></section>\n"
		"</section></body></html>\n";
	gg_glossary *g = read_html("h.html", page, sizeof(page) - 1);
	char cats[128];
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	const gg_entry *routing = entry_named(g, "Routing"), *packet = entry_named(g, "Packet"),
		       *bridge = entry_named(g, "Bridge");
	CU_ASSERT_PTR_NOT_NULL_FATAL(routing);
	CU_ASSERT_PTR_NOT_NULL_FATAL(packet);
	CU_ASSERT_PTR_NOT_NULL_FATAL(bridge);
	CU_ASSERT_STRING_EQUAL(routing->definition, "Picking paths for packets. static");
	CU_ASSERT_EQUAL(routing->line, 5);
	CU_ASSERT_EQUAL_FATAL(routing->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(routing->xrefs[0].target, "Packet");
	CU_ASSERT_STRING_EQUAL(packet->definition, "A unit of `data`. Note Small.");
	CU_ASSERT_STRING_EQUAL(categories_of(routing, cats, sizeof(cats)), "Networking");
	CU_ASSERT_STRING_EQUAL(categories_of(packet, cats, sizeof(cats)), "Networking");
	CU_ASSERT_STRING_EQUAL(categories_of(bridge, cats, sizeof(cats)), "");
	CU_ASSERT_STRING_EQUAL(bridge->definition, "Joins two networks.");
	gg_glossary_free(g);
}

/*
 * Bold items: <b>Term</b> or <strong>Term</strong> opening a paragraph or a
 * list item, then ':' (inside or after the bold), a dash or a line break;
 * the item's id is the anchor. Bold text without one is no term; and a
 * label that opens many paragraphs under headings is one term, so the
 * headings win.
 */
static void test_bold_items(void)
{
	const char page[] =
		"<html><body><h1>Terms</h1><ul>\n"
		"<li><b>Kernel</b>: the core; it runs <a href=\"#sh\">the shell</a>.</li>\n"
		"<li id=\"sh\"><strong>Shell</strong> \xE2\x80\x94 reads commands.</li>\n"
		"<li><b>Daemon:</b> a background process.</li>\n"
		"<li><b>Note</b> that this is no entry.</li>\n"
		"<li><b>Cron</b><br>runs jobs on time.</li>\n"
		"<li><b>API</b> (Application Programming Interface): rules for programs.</li>\n"
		"<li><b>CLI</b> (command line)\xC2\xA0\xE2\x80\x94 a text interface.</li>\n"
		"<li><b>Open</b> (as a door) and more: no entry.</li>\n"
		"</ul></body></html>\n";
	gg_glossary *g = read_html("b.html", page, sizeof(page) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 6);
	/* a parenthetical before the colon or dash is the name's */
	const gg_entry *api = entry_named(g, "API (Application Programming Interface)");
	CU_ASSERT_PTR_NOT_NULL_FATAL(api);
	CU_ASSERT_STRING_EQUAL(api->definition, "rules for programs.");
	CU_ASSERT_STRING_EQUAL(gg_glossary_concept(g, api->concept)->name, "Application Programming Interface");
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "CLI (command line)"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "CLI (command line)")->definition, "a text interface.");
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Cron"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Cron")->definition, "runs jobs on time.");
	const gg_entry *kernel = entry_named(g, "Kernel"), *shell = entry_named(g, "Shell"),
		       *daemon = entry_named(g, "Daemon");
	CU_ASSERT_PTR_NOT_NULL_FATAL(kernel);
	CU_ASSERT_PTR_NOT_NULL_FATAL(shell);
	CU_ASSERT_PTR_NOT_NULL_FATAL(daemon);
	CU_ASSERT_STRING_EQUAL(kernel->definition, "the core; it runs the shell.");
	CU_ASSERT_EQUAL_FATAL(kernel->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(kernel->xrefs[0].target, "Shell");
	CU_ASSERT_EQUAL(strncmp(kernel->definition + kernel->xrefs[0].offset, "the shell", 9), 0);
	CU_ASSERT_STRING_EQUAL(shell->definition, "reads commands.");
	CU_ASSERT_STRING_EQUAL(daemon->definition, "a background process.");
	CU_ASSERT_EQUAL(daemon->line, 4);
	gg_glossary_free(g);

	const char labels[] =
		"<html><body>\n"
		"<h2>Alpha</h2><p>First.</p><p><b>Example:</b> one.</p><p><b>See also:</b> beta.</p>\n"
		"<h2>Beta</h2><p>Second.</p><p><b>Example:</b> two.</p><p><b>See also:</b> alpha.</p>\n"
		"</body></html>\n";
	g = read_html("l.html", labels, sizeof(labels) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Beta"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Beta")->definition, "Second. Example: two. See also: alpha.");
	gg_glossary_free(g);
}

/*
 * A table whose header names more columns than term and definition (as a
 * wiki's or a word processor's glossary table does): synonyms, the
 * abbreviation, the category and "see also" read as CSV reads them.
 */
static void test_table_columns(void)
{
	const char page[] =
		"<html><body><table>\n"
		"<tr><th>Term</th><th>Synonyms</th><th>Abbreviation</th><th>Topic</th><th>See also</th>"
		"<th>Definition</th></tr>\n"
		"<tr><td>Virtual machine</td><td>guest machine; guest</td><td>VM</td><td>Compute</td>"
		"<td>Hypervisor</td><td>An emulated computer.</td></tr>\n"
		"<tr><td>Hypervisor</td><td></td><td></td><td>Compute | Kernel</td><td>Virtual machine, Container</td>"
		"<td>Runs virtual machines.</td></tr>\n"
		"<tr><td>Container</td><td></td><td></td><td></td><td></td><td>A packaged process.</td></tr>\n"
		"</table></body></html>\n";
	gg_glossary *g = read_html("t.html", page, sizeof(page) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	const gg_entry *vm = entry_named(g, "Virtual machine"), *hv = entry_named(g, "Hypervisor");
	CU_ASSERT_PTR_NOT_NULL_FATAL(vm);
	CU_ASSERT_PTR_NOT_NULL_FATAL(hv);
	CU_ASSERT_STRING_EQUAL(vm->definition, "An emulated computer.");
	CU_ASSERT_EQUAL_FATAL(vm->n_names, 2);
	CU_ASSERT_STRING_EQUAL(vm->names[1], "guest");
	CU_ASSERT_EQUAL_FATAL(vm->n_abbrevs, 1);
	CU_ASSERT_STRING_EQUAL(vm->abbrevs[0], "VM");
	CU_ASSERT_EQUAL_FATAL(vm->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(vm->xrefs[0].target, "Hypervisor");
	CU_ASSERT_EQUAL_FATAL(hv->n_categories, 2);
	CU_ASSERT_STRING_EQUAL(hv->categories[1], "Kernel");
	CU_ASSERT_EQUAL_FATAL(hv->n_xrefs, 2); /* a "see also" cell lists its terms with commas too */
	CU_ASSERT_STRING_EQUAL(hv->xrefs[1].target, "Container");
	CU_ASSERT_EQUAL(hv->n_names, 0);
	gg_glossary_free(g);

	/* one row is a glossary under a header naming its columns, not without one */
	const char one[] = "<table><tr><th>Term</th><th>Definition</th></tr>"
			   "<tr><td>Far</td><td>A far cell.</td></tr></table>";
	g = read_html("one.html", one, sizeof(one) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 1);
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Far"));
	gg_glossary_free(g);
	const char layout[] = "<table><tr><td>Home</td><td>About us, our team and our story</td></tr>"
			      "</table><p>Welcome.</p>";
	g = read_html("layout.html", layout, sizeof(layout) - 1);
	CU_ASSERT_PTR_NULL(g); /* no entries: the build says so */
	gg_glossary_free(g);
}

/*
 * Terms bold by the page's styles, as Google Docs exports a document: a
 * class its style sheet makes bold (also inside @media, or "span.c", or
 * with a comment in the selector; the last font-weight of a rule wins;
 * strings, comments, @import's URL and other at-rules' blocks read past),
 * or a style attribute; a no-break space before the dash. A class that is
 * bold nowhere, made normal again, or given a custom property, is no term.
 */
static void test_styled_bold(void)
{
	const char page[] =
		"<html><head><style type=\"text/css\">@import url('https://x.org/css?f=Roboto:wght@400;700');"
		"/* x{font-weight:700} */ .c1{font-weight:400;color:#000}@font-face{font-family:x;src:url(a)}"
		".c3/* a term */{color:#111;font-weight:700}.q{content:'}'}@media print{@page{margin:0}"
		"span.c7,.c8 {font-weight: bold}}.c9{font-weight:700;font-weight:normal}.c10{--font-weight:700}"
		"</style></head><body>"
		"<p class=\"c0 title\"><span class=\"c5\">Team Glossary</span></p>\n"
		"<p><span class=\"c1 c3\">Backlog</span><span class=\"c1\">: The ordered list of work.</span></p>\n"
		"<p><span class=\"c3\">Sprint</span><span class=\"c1\">\xC2\xA0\xE2\x80\x93 A period of work from "
		"the backlog.</span></p>\n"
		"<p><span class=\"c7\">Velocity</span>: Work done in a sprint.</p>\n"
		"<p><span style=\"font-weight: 600\">Burndown</span>: Work left, day by day.</p>\n"
		"<p><span class=\"c9\">Normal</span>: no term.</p><p><span class=\"c1\">Plain</span>: no term.</p>\n"
		"<p><span class=\"c10\">Custom</span>: no term.</p>\n"
		"</body></html>\n";
	gg_glossary *g = read_html("gdocs.html", page, sizeof(page) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);
	const gg_entry *sprint = entry_named(g, "Sprint");
	CU_ASSERT_PTR_NOT_NULL_FATAL(sprint);
	CU_ASSERT_STRING_EQUAL(sprint->definition, "A period of work from the backlog.");
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Backlog"));
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Velocity"));
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Burndown"));
	CU_ASSERT_PTR_NULL(entry_named(g, "Normal"));
	CU_ASSERT_PTR_NULL(entry_named(g, "Custom"));
	gg_glossary_free(g);
}

/*
 * Review cases: a link to the second <dt> of a group is an editor link; a
 * small definition list holds against more sections; a table's header row
 * in bold names its columns, a cell spanning two columns is the definition,
 * and a row without a term goes on with the entry above; a ':' inside the
 * bold or a line break leaves a leading '-' of the definition alone; a
 * nested list of bold items is no part of the item around it; the ':' or
 * dash may stand in an element after the bold, as word processors write
 * it; a page's footer is no part of the last heading's definition.
 */
static void test_layout_choices(void)
{
	const char dl[] =
		"<html><body><h2>Intro</h2><p>a</p><h2>Use</h2><p>b</p><h2>More</h2><p>c</p>\n"
		"<dl><dt id=\"a\">Alpha</dt><dt id=\"b\">Beta</dt><dd>First.</dd>\n"
		"<dt id=\"g\">Gamma</dt><dd>After <a href=\"#b\">beta</a>.</dd></dl></body></html>\n";
	gg_glossary *g = read_html("dl.html", dl, sizeof(dl) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	const gg_entry *gamma = entry_named(g, "Gamma");
	CU_ASSERT_PTR_NOT_NULL_FATAL(gamma);
	CU_ASSERT_EQUAL_FATAL(gamma->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(gamma->xrefs[0].target, "Beta");
	gg_glossary_free(g);

	const char table[] =
		"<html><body><table>\n"
		"<tr><td><b>Term</b></td><td><b>Abbreviation</b></td><td><b>Definition</b></td></tr>\n"
		"<tr><td>Cache</td><td>C</td><td>A fast store.</td></tr>\n"
		"<tr><td>Index</td><td colspan=\"2\">A lookup structure</td></tr>\n"
		"<tr><td> </td><td></td><td>that speeds queries.</td></tr>\n"
		"</table></body></html>\n";
	g = read_html("t.html", table, sizeof(table) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NULL(entry_named(g, "Term"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Index"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Index")->definition, "A lookup structure that speeds queries.");
	gg_glossary_free(g);

	const char bold[] =
		"<html><body><p><b>Offset:</b> -1 means the end.</p><p><b>Flag</b><br>-v is verbose.</p>\n"
		"<p><b>Note</b> - a remark.</p></body></html>\n";
	g = read_html("b.html", bold, sizeof(bold) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Offset")->definition, "-1 means the end.");
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Flag")->definition, "-v is verbose.");
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Note")->definition, "a remark.");
	gg_glossary_free(g);

	/* a nested list of bold items: entries of their own, not the outer
	 * item's text; a nested list of plain points stays in its definition */
	const char nested[] =
		"<html><body><ul><li><b>Cache</b>: a fast store.\n"
		"<ul><li><b>Write-back cache</b>: writes later.</li><li><b>Write-through cache</b>: "
		"writes at once.</li></ul></li>\n"
		"<li><b>Buffer</b>: a region<ul><li>in memory</li><li>or on disk</li></ul></li>\n"
		"</ul></body></html>\n";
	g = read_html("n.html", nested, sizeof(nested) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Cache"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Cache")->definition, "a fast store.");
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Write-back cache"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Write-back cache")->definition, "writes later.");
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Buffer"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Buffer")->definition, "a region in memory or on disk");
	gg_glossary_free(g);

	/* a word processor's page: the ':' or dash in a <span> after the bold;
	 * a '-' that joins a word ("-level") parts nothing */
	const char word[] =
		"<html><body><p class=MsoNormal><b><span>Cache</span></b><span>: A fast store.<o:p></o:p></span></p>\n"
		"<p class=MsoNormal><b><span>Index</span></b><span> \xE2\x80\x93 A lookup.</span></p>\n"
		"<p class=MsoNormal><b><span>Queue</span></b><span><i>: </i>A line.</span></p>\n"
		"<p><b>Warning</b><span>-level</span> messages are shown.</p><p><b>Stack</b> -- a pile.</p></body></html>\n";
	g = read_html("w.html", word, sizeof(word) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);
	CU_ASSERT_PTR_NULL(entry_named(g, "Warning"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Stack"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Stack")->definition, "a pile.");
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Index"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Index")->definition, "A lookup.");
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Queue"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Queue")->definition, "A line.");
	gg_glossary_free(g);

	/* the defining instance of a term, <dfn>, opens an item as bold does */
	const char dfn[] = "<html><body><p><dfn id=\"c\">Cache</dfn>: a fast store.</p>\n"
			   "<p><dfn>Index</dfn> \xE2\x80\x94 a lookup in a <a href=\"#c\">cache</a>.</p></body></html>\n";
	g = read_html("d.html", dfn, sizeof(dfn) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Index"));
	CU_ASSERT_EQUAL(entry_named(g, "Index")->line, 2);
	CU_ASSERT_EQUAL_FATAL(entry_named(g, "Index")->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Index")->xrefs[0].target, "Cache");
	gg_glossary_free(g);

	const char footer[] =
		"<html><body><main><h2>Cache</h2><p>A fast store.</p><h2>Index</h2><p>A lookup.</p></main>\n"
		"<p>Copyright.</p><footer>Contact us.</footer></body></html>\n";
	g = read_html("f.html", footer, sizeof(footer) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Index")->definition, "A lookup.");
	gg_glossary_free(g);
}

/* Headings past line 65,535 have their own line too. */
static void test_big_heading_lines(void)
{
	gg_i_buf page = GG_BUF_INIT;
	gg_i_buf_puts(&page, "<html><body>\n");
	for (int i = 0; i < 36000; i++)
		gg_i_buf_printf(&page, "<h3>term %d</h3>\n<p>Definition %d.</p>\n", i, i);
	gg_i_buf_puts(&page, "</body></html>\n");
	CU_ASSERT_EQUAL_FATAL(gg_i_buf_ok(&page), 0);
	gg_glossary *g = read_html("big.html", page.ptr, page.len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 36000);
	CU_ASSERT_EQUAL(entry_named(g, "term 35999")->line, 2 + 2 * 35999);
	gg_glossary_free(g);
	gg_i_buf_free(&page);
}

/* The category of a list, table or bold item: the section heading above it. */
static void test_section_categories(void)
{
	/* numbered sections (every one), a table's entries under them */
	const char page[] =
		"<html><body><h1>Glossary</h1>\n"
		"<h2>1 Compute</h2><table><tr><td>VM</td><td>A machine.</td></tr>"
		"<tr><td>Pod</td><td>A group of containers.</td></tr></table>\n"
		"<h2>2.3. Storage</h2><table><tr><td>Disk</td><td>Blocks on a device.</td></tr>"
		"<tr><td>Bucket</td><td>Objects under keys.</td></tr></table>\n"
		"</body></html>\n";
	gg_glossary *g = read_html("c.html", page, sizeof(page) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *vm = entry_named(g, "VM"), *disk = entry_named(g, "Disk");
	CU_ASSERT_PTR_NOT_NULL_FATAL(vm);
	CU_ASSERT_PTR_NOT_NULL_FATAL(disk);
	CU_ASSERT_EQUAL_FATAL(vm->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(vm->categories[0], "Compute");
	CU_ASSERT_EQUAL_FATAL(disk->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(disk->categories[0], "Storage");
	gg_glossary_free(g);

	/* a number that not every section has is part of its name */
	const char hours[] = "<html><body><h2>24 Hour Clock</h2><dl><dt>Noon</dt><dd>12:00.</dd></dl>\n"
			     "<h2>Calendar</h2><dl><dt>Leap day</dt><dd>February 29.</dd></dl></body></html>\n";
	g = read_html("h.html", hours, sizeof(hours) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Noon"));
	CU_ASSERT_EQUAL_FATAL(entry_named(g, "Noon")->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Noon")->categories[0], "24 Hour Clock");
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Leap day")->categories[0], "Calendar");
	gg_glossary_free(g);

/* sections that do not sort the entries: an alphabetical list's, one title over all */
	const char *unsorted[] = {
		"<html><body><h1>Site</h1><h2>Symbols</h2><dl><dt>()</dt><dd>Nothing.</dd></dl>"
		"<h2>B</h2><dl><dt>Bus</dt><dd>Wires.</dd></dl><h2>\xC3\x89</h2><dl><dt>\xC3\x89t\xC3\xA9</dt>"
		"<dd>Summer.</dd></dl></body></html>",
		"<html><body><h1>Site</h1><h1>Typography glossary</h1><dl><dt>Kern</dt><dd>Space.</dd>"
		"<dt>Bus</dt><dd>Wires.</dd></dl></body></html>",
	};
	for (size_t k = 0; k < sizeof(unsorted) / sizeof(*unsorted); k++) {
		g = read_html("u.html", unsorted[k], strlen(unsorted[k]));
		CU_ASSERT_PTR_NOT_NULL_FATAL(g);
		CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Bus"));
		CU_ASSERT_EQUAL(entry_named(g, "Bus")->n_categories, 0);
		for (size_t e = 0; e < gg_glossary_entry_count(g); e++)
			CU_ASSERT_EQUAL(gg_glossary_entry(g, e)->n_categories, 0);
		gg_glossary_free(g);
	}

	/* a heading of a no-break space is no letter: the sections still sort the items */
	const char items[] = "<html><body><h1>Terms</h1><h2>&nbsp;</h2><p><b>Gateway:</b> Joins networks.</p>\n"
			     "<h2>Networking</h2>\n"
			     "<p><b>Router:</b> Forwards packets.</p><p><b>Switch:</b> Joins ports.</p>\n"
			     "<p><b>Hub:</b> Repeats frames.</p><h2>Storage</h2>\n"
			     "<p><b>Disk:</b> Keeps blocks.</p><p><b>Tape:</b> Keeps archives.</p>\n"
			     "<p><b>Drive:</b> Holds a disk.</p></body></html>\n";
	g = read_html("i.html", items, sizeof(items) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *router = entry_named(g, "Router");
	CU_ASSERT_PTR_NOT_NULL_FATAL(router);
	CU_ASSERT_EQUAL_FATAL(router->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(router->categories[0], "Networking");
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Tape"));
	CU_ASSERT_EQUAL_FATAL(entry_named(g, "Tape")->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Tape")->categories[0], "Storage");
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Gateway"));
	CU_ASSERT_EQUAL(entry_named(g, "Gateway")->n_categories, 0);
	gg_glossary_free(g);
}

/*
 * Anchors where generators put them: on the list a term opens and on the
 * <div> around it (Asciidoctor's block anchor), at the end of the
 * definition before (Texinfo's @anchor), on a section (no entry's), and
 * missing ("[id]", Asciidoctor's text for a reference it cannot resolve).
 */
static void test_generated_anchors(void)
{
	const char page[] =
		"<html><body>\n"
		"<h2 id=\"_terms\">Terms</h2>\n"
		"<div class=\"dlist\"><dl><dt>Pod</dt><dd><p>Runs a <a href=\"#job\">batch task</a>, "
		"as <a href=\"#sched\">[scheduler]</a> says; see <a href=\"#_terms\">Terms</a> "
		"and <a href=\"#missing\">node</a>.</p></dd></dl></div>\n"
		"<div id=\"job\" class=\"dlist\"><dl><dt>Job</dt><dd><p>A task run once.</p>"
		"<span id=\"node\"></span></dd><dt>Node</dt><dd>A machine.</dd></dl></div>\n"
		"<dl><dt>Scheduler</dt><dd>Places pods on a <a href=\"#node\">node</a>.</dd></dl>\n"
		"</body></html>\n";
	gg_glossary *g = read_html("a.html", page, sizeof(page) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *pod = entry_named(g, "Pod"), *sched = entry_named(g, "Scheduler");
	CU_ASSERT_PTR_NOT_NULL_FATAL(pod);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sched);
	CU_ASSERT_EQUAL_FATAL(pod->n_xrefs, 3);
	CU_ASSERT_STRING_EQUAL(pod->xrefs[0].target, "Job");       /* the <div> the term's list opens */
	CU_ASSERT_STRING_EQUAL(pod->xrefs[1].target, "scheduler"); /* "[scheduler]", no such anchor */
	CU_ASSERT_STRING_EQUAL(pod->xrefs[2].target, "node");      /* "#missing": by its text */
	CU_ASSERT_PTR_NOT_NULL(strstr(pod->definition, "see Terms and node"));
	CU_ASSERT_EQUAL_FATAL(sched->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(sched->xrefs[0].target, "Node"); /* the empty <span id> ending Job's definition */
	gg_glossary_free(g);

	/* what stays no entry's anchor: the page's container around the list's
	 * block, an empty element with text after it; "#top" and a missing
	 * note's "[1]" are no cross-references */
	const char page2[] =
		"<html><body><div id=\"glossary\"><div class=\"dlist\"><dl>\n"
		"<dt>Abacus</dt><dd>Beads on wires. <span id=\"calc\"></span>Counts.</dd>\n"
		"<dt>Slide rule</dt><dd>Not the <a href=\"#glossary\">glossary</a>, nor "
		"<a href=\"#calc\">abacus</a>; <a href=\"#top\">top</a><a href=\"#fn1\">[1]</a>.</dd>\n"
		"</dl></div></div></body></html>\n";
	g = read_html("b.html", page2, sizeof(page2) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *rule = entry_named(g, "Slide rule");
	CU_ASSERT_PTR_NOT_NULL_FATAL(rule);
	CU_ASSERT_EQUAL(rule->n_xrefs, 0);
	gg_glossary_free(g);
}

CU_ErrorCode suite_html_add(void)
{
	CU_pSuite s = CU_add_suite("HTML reader", NULL, NULL);
	if (!s || !CU_add_test(s, "definition lists and links", test_definition_lists) ||
	    !CU_add_test(s, "bad bytes, no list", test_bad_html) ||
	    !CU_add_test(s, "names in a term's heading", test_names_in_terms) ||
	    !CU_add_test(s, "editors' links are links within the page", test_editor_links) ||
	    !CU_add_test(s, "code elements between backticks", test_code_elements) ||
	    !CU_add_test(s, "text after a block stands apart", test_text_after_blocks) ||
	    !CU_add_test(s, "note markers left out, exponents with a caret", test_note_markers) ||
	    !CU_add_test(s, "charset from declarations only", test_charset) ||
	    !CU_add_test(s, "line numbers past 65,535", test_big_line_numbers) ||
	    !CU_add_test(s, "tables of terms", test_tables) ||
	    !CU_add_test(s, "table columns a header names", test_table_columns) ||
	    !CU_add_test(s, "one heading per term", test_headings) ||
	    !CU_add_test(s, "bold items", test_bold_items) ||
	    !CU_add_test(s, "bold by the page's styles", test_styled_bold) ||
	    !CU_add_test(s, "layouts chosen, tables and bold items at their edges", test_layout_choices) ||
	    !CU_add_test(s, "heading lines past 65,535", test_big_heading_lines) ||
	    !CU_add_test(s, "categories from section headings", test_section_categories) ||
	    !CU_add_test(s, "anchors where documentation generators put them", test_generated_anchors))
		return CU_get_error();
	return CUE_SUCCESS;
}
