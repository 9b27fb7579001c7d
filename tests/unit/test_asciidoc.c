/* test_asciidoc.c - the AsciiDoc reader: description lists, anchors and links, inline markup. */
#include "suites.h"
#include "glossgraph.h"

#include <stdlib.h>
#include <string.h>

/* The entry of g named `header`; fails the test (not the run) when there is none. */
static const gg_entry *must_have(const gg_glossary *g, const char *header)
{
	const gg_entry *e = entry_named(g, header);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	return e;
}

static const char vcs_glossary[] =
	"= Version control glossary\n"
	":toc:\n"
	":vcs: version control system\n"
	"// a comment line\n"
	"\n"
	"[[def_blob]]blob object::\n"
	"\tUntyped <<def_object,object>>, e.g. the contents of a file in a {vcs}.\n"
	"\n"
	"[[def_branch]]branch::\n"
	"\tA \"branch\" is a line of development. The most recent\n"
	"\t<<def_commit>> on a branch is its tip; see <<def_nowhere,the tip>>\n"
	"\tand xref:def_object[objects].\n"
	"+\n"
	"A second paragraph, attached. +\n"
	"With a hard break.\n"
	"+\n"
	"----\n"
	"git branch -a\n"
	"----\n"
	"\n"
	"////\n"
	"a block comment: ignored::\n"
	"////\n"
	"\n"
	".An example\n"
	"[[def_commit]]\n"
	"commit::\n"
	"revision::\n"
	"\t*Strong*, _emphasis_, `code`, `+literal+`, #marked#, x^2^ and H~2~O,\n"
	"\thttps://example.org[a link], https://example.org/plain, kbd:[Ctrl+C],\n"
	"\tfootnote:[a note], image:icon.png[an icon], ((index term)), (((hidden))),\n"
	"\t{nbsp}{unknown} and \\*not bold*; std::string is no term.\n"
	"\t* a list item\n"
	"\n"
	"\t* a list item after a blank line\n"
	"\n"
	"A paragraph after a blank line ends the list item.\n"
	"\n"
	"[#def_object]\n"
	"object:: The unit of storage.\n";

static void test_description_lists(void)
{
	gg_glossary *g = read_built("vcs.adoc", vcs_glossary, sizeof(vcs_glossary) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	/* the comment block's "term::" is none */
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 4);

	/* an anchored link shows its text and links the entry of its anchor;
	 * an attribute entry stands for its value */
	const gg_entry *blob = entry_named(g, "blob object");
	CU_ASSERT_PTR_NOT_NULL_FATAL(blob);
	CU_ASSERT_EQUAL(blob->line, 6);
	CU_ASSERT_STRING_EQUAL(blob->definition,
			       "Untyped object, e.g. the contents of a file in a version control system.");
	CU_ASSERT_EQUAL_FATAL(blob->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(blob->xrefs[0].target, "object");

	/* <<id>> alone shows the term its anchor names; an unknown anchor links
	 * its text; "+" attaches a paragraph and a listing (as code) */
	const gg_entry *branch = entry_named(g, "branch");
	CU_ASSERT_PTR_NOT_NULL_FATAL(branch);
	CU_ASSERT_STRING_EQUAL(branch->definition,
			       "A \"branch\" is a line of development. The most recent commit on a branch is its "
			       "tip; see the tip and objects. A second paragraph, attached. With a hard break. "
			       "`git branch -a`");
	CU_ASSERT_EQUAL_FATAL(branch->n_xrefs, 3);
	CU_ASSERT_STRING_EQUAL(branch->xrefs[0].target, "commit");
	CU_ASSERT_EQUAL(strncmp(branch->definition + branch->xrefs[0].offset, "commit", branch->xrefs[0].len), 0);
	CU_ASSERT_STRING_EQUAL(branch->xrefs[1].target, "the tip");
	CU_ASSERT_STRING_EQUAL(branch->xrefs[2].target, "object");
	/* a term shown for its anchor is placed inside the "<<def_commit>>" it stands for */
	size_t i = (size_t)(branch - gg_glossary_entry(g, 0));
	size_t at = (size_t)(strstr(vcs_glossary, "<<def_commit>>") - vcs_glossary);
	size_t off = gg_glossary_file_offset(g, i, branch->xrefs[0].offset + 5);
	CU_ASSERT(off >= at && off < at + 14);

	/* an anchor line over the term, a block title, stacked terms; inline
	 * markup as text (an exponent after a caret), code as code, macros as
	 * their text, index terms */
	const gg_entry *commit = entry_named(g, "commit");
	CU_ASSERT_PTR_NOT_NULL_FATAL(commit);
	CU_ASSERT_EQUAL_FATAL(commit->n_names, 1);
	CU_ASSERT_STRING_EQUAL(commit->names[0], "revision");
	CU_ASSERT_STRING_EQUAL(commit->definition,
			       "Strong, emphasis, `code`, `literal`, marked, x^2 and H2O, a link, "
			       "https://example.org/plain, Ctrl+C, a note, , index term, , {unknown} and "
			       "*not bold*; std::string is no term. * a list item * a list item after a blank line");

	/* the text after "::", the anchor from "[#id]" */
	const gg_entry *object = entry_named(g, "object");
	CU_ASSERT_PTR_NOT_NULL_FATAL(object);
	CU_ASSERT_STRING_EQUAL(object->definition, "The unit of storage.");
	size_t c;
	CU_ASSERT_EQUAL(gg_glossary_find(&c, g, "revision"), 0);
	gg_glossary_free(g);
}

static void test_sections_and_lists(void)
{
	static const char text[] =
		"= Networking\n"
		"\n"
		"== Routing\n"
		"\n"
		"BGP:: The protocol between autonomous systems.\n"
		"OSPF::\n"
		"\n"
		"  A link-state protocol; unlike BGP it stays inside one system.\n"
		"\n"
		"== Naming\n"
		"\n"
		"DNS::\n"
		"Turns names into addresses.\n"
		"  record::: one of its entries, nested\n";
	gg_glossary *g = read_built("net.adoc", text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 3);
	/* a definition may start after blank lines; the document's title is no
	 * category, its sections are */
	const gg_entry *ospf = entry_named(g, "OSPF");
	CU_ASSERT_PTR_NOT_NULL_FATAL(ospf);
	CU_ASSERT_STRING_EQUAL(ospf->definition, "A link-state protocol; unlike BGP it stays inside one system.");
	CU_ASSERT_EQUAL_FATAL(ospf->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(ospf->categories[0], "Routing");
	const gg_entry *dns = entry_named(g, "DNS");
	CU_ASSERT_PTR_NOT_NULL_FATAL(dns);
	CU_ASSERT_EQUAL_FATAL(dns->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(dns->categories[0], "Naming");
	CU_ASSERT_STRING_EQUAL(dns->definition, "Turns names into addresses. record: one of its entries, nested");
	gg_glossary_free(g);
}

static void test_found_by_content(void)
{
	/* git's glossary is a .txt file whose terms carry anchors */
	static const char text[] = "[[def_ref]]ref::\n\tA name that points at an <<def_object,object>>.\n\n"
				   "[[def_object]]object::\n\tThe unit of storage.\n";
	gg_glossary *g = read_built("glossary-content.txt", text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 2);
	const gg_entry *ref = entry_named(g, "ref");
	CU_ASSERT_PTR_NOT_NULL_FATAL(ref);
	CU_ASSERT_EQUAL_FATAL(ref->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(ref->xrefs[0].target, "object");
	gg_glossary_free(g);

	static const char none[] = "= Title\n\nJust a paragraph with a::b in it.\n";
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "n.adoc", none, sizeof(none) - 1), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_diagnostic_count(g), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_glossary_diagnostic(g, 0)->message, "no description list"));
	gg_glossary_free(g);
}

static void test_blocks_and_paragraphs(void)
{
	static const char text[] =
		"== Build ==\n"
		"\n"
		"compile::\n"
		"Turn source into binaries.\n"
		"+\n"
		"[source,shell]\n"
		".An example\n"
		"----\n"
		"$ make all\n"
		"----\n"
		"\n"
		"empty-term::\n"
		"\n"
		"[source,c]\n"
		"----\n"
		"int main(void);\n"
		"----\n"
		"\n"
		"open block::\n"
		"+\n"
		"--\n"
		"Some text.\n"
		"\n"
		"----\n"
		"code\n"
		"----\n"
		"--\n"
		"\n"
		"== Paragraphs ==\n"
		"\n"
		"[[api]]API:: See link:api.html[the docs]\n"
		"\n"
		"dotfile:: A file such as the\n"
		".gitignore file, where x\n"
		"= y + z, written :like-this: value\n"
		"[--verbose] in the synopsis.\n"
		"\n"
		"color:: \n"
		"colour::\n"
		"  The hue, see <<api>>.\n"
		"\n"
		"  RAM:: Main memory.\n";
	gg_glossary *g = read_built("b.adoc", text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 7);
	/* "+" attaches a block with its attributes and title over it; a
	 * definition may be a block alone; an open block's lines, its listing as code */
	CU_ASSERT_STRING_EQUAL(must_have(g, "compile")->definition, "Turn source into binaries. `$ make all`");
	CU_ASSERT_STRING_EQUAL(must_have(g, "empty-term")->definition, "`int main(void);`");
	CU_ASSERT_STRING_EQUAL(must_have(g, "open block")->definition, "Some text. `code`");
	/* titles written "== Title ==" */
	CU_ASSERT_EQUAL_FATAL(must_have(g, "compile")->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(must_have(g, "compile")->categories[0], "Build");
	/* an anchored term whose text ends in ']' */
	CU_ASSERT_STRING_EQUAL(must_have(g, "API")->definition, "See the docs");
	/* inside a paragraph, lines that would open a block elsewhere are its text */
	CU_ASSERT_STRING_EQUAL(must_have(g, "dotfile")->definition,
			       "A file such as the .gitignore file, where x = y + z, written :like-this: value "
			       "[--verbose] in the synopsis.");
	CU_ASSERT_EQUAL_FATAL(must_have(g, "dotfile")->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(must_have(g, "dotfile")->categories[0], "Paragraphs");
	/* a space after "::" still stacks the terms; an item set in after a blank line */
	const gg_entry *color = entry_named(g, "color");
	CU_ASSERT_PTR_NOT_NULL_FATAL(color);
	CU_ASSERT_EQUAL_FATAL(color->n_names, 1);
	CU_ASSERT_STRING_EQUAL(color->names[0], "colour");
	CU_ASSERT_EQUAL_FATAL(color->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(color->xrefs[0].target, "API");
	CU_ASSERT_STRING_EQUAL(must_have(g, "RAM")->definition, "Main memory.");
	gg_glossary_free(g);

	/* Markdown that shows such lines is no AsciiDoc or reStructuredText */
	static const char note[] = "## Notes\n\n[[Project Alpha]] status:: active\n\n```rst\n.. glossary::\n```\n\n"
				   "Sphinx\n: A documentation tool.\n";
	g = read_built("notes", note, sizeof(note) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_PTR_NOT_NULL(entry_named(g, "Sphinx"));
	gg_glossary_free(g);
}

/*
 * The preprocessor: conditionals by the attribute entries above them (any
 * of "a,b", all of "a+b", unset by ":a!:"), nested ones inside a dropped
 * region, the one-line form, "ifeval" comparisons of numbers and text (one
 * not understood keeps its lines), an include warned of with its line;
 * lines taken out join no paragraph across them. An attribute whose
 * value is a URL makes a link macro with the text after it.
 */
static void test_preprocessor(void)
{
	static const char text[] =
		"= Cloud glossary\n"
		":cloud:\n"
		":edge:\n"
		":edge!:\n"
		":url-docs: https://example.com/docs\n"
		":level: 3\n"
		"\n"
		"////\n"
		":edge:\n"
		"////\n"
		"\n"
		"[glossary]\n"
		"Bucket::\n"
		"  A container.\n"
		"ifdef::cloud[]\n"
		"  Cloud text.\n"
		"endif::[]\n"
		"ifdef::edge[]\n"
		"  Edge text.\n"
		"ifdef::cloud[]\n"
		"  Nested, dropped.\n"
		"endif::cloud[]\n"
		"  Still dropped.\n"
		"endif::edge[]\n"
		"ifndef::cloud[]\n"
		"  Local text.\n"
		"endif::[]\n"
		"ifdef::cloud[One line.]\n"
		"  Next line.\n"
		"ifdef::edge[Not this.]\n"
		"ifdef::cloud+edge[]\n"
		"  Both.\n"
		"endif::[]\n"
		"ifdef::cloud,edge[]\n"
		"  Either.\n"
		"endif::[]\n"
		"ifndef::cloud,edge[]\n"
		"  Neither.\n"
		"endif::[]\n"
		"ifeval::[{level} >= 2]\n"
		"  Evaluated.\n"
		"endif::[]\n"
		"ifeval::[{level} < 2.5]\n"
		"  Not this.\n"
		"endif::[]\n"
		"ifeval::[\"{backend}\" == \"pdf\"]\n"
		"  Printed.\n"
		"endif::[]\n"
		"ifeval::['{backend}' != 'pdf']\n"
		"  Online.\n"
		"endif::[]\n"
		"ifeval::[what]\n"
		"  Unread.\n"
		"endif::[]\n"
		"  See {url-docs}[the docs], {url-docs}[] and {url-docs}.\n"
		"\n"
		"include::more.adoc[leveloffset=+1]\n"
		"\n"
		"ifdef::edge[]\n"
		"Edge only::\n"
		"  Dropped.\n"
		"endif::[]\n"
		"\n"
		"Object::\n"
		"  A file.\n";
	gg_glossary *g = read_built("cloud.adoc", text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_PTR_NULL(entry_named(g, "Edge only"));
	CU_ASSERT_STRING_EQUAL(must_have(g, "Bucket")->definition,
			       "A container. Cloud text. One line. Next line. Either. Evaluated. Online. Unread. See the docs, "
			       "https://example.com/docs and https://example.com/docs.");
	const gg_entry *object = must_have(g, "Object");
	CU_ASSERT_STRING_EQUAL(object->definition, "A file.");
	CU_ASSERT_EQUAL(object->line, 64);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "'include::more.adoc[leveloffset=+1]' is not read"), 1);
	size_t n = gg_glossary_diagnostic_count(g);
	for (size_t i = 0; i < n; i++)
		if (strstr(gg_glossary_diagnostic(g, i)->message, "include::"))
			CU_ASSERT_EQUAL(gg_glossary_diagnostic(g, i)->line, 57);
	gg_glossary_free(g);

	/* attribute entries where classify finds them (after a comment line or a
	 * block title, not in a listing), names in any case, the last value
	 * given shown even where unset, a one-line attribute entry; Asciidoctor's
	 * own attributes; no directive in a comment block; an endif that names
	 * another conditional passed over; one left open warned of; a URL
	 * attribute with more of the target after it */
	static const char more[] =
		"// Attributes\n"
		":Product: Acme\n"
		":url-repo: https://example.com/acme\n"
		"ifndef::edition[:edition: Community]\n"
		"\n"
		".Settings\n"
		":region: north\n"
		"\n"
		"[source]\n"
		"----\n"
		":product: Example Inc.\n"
		"\n"
		"ifdef::asciidoctor[]\n"
		"include::example.py[tags=bucket]\n"
		"endif::[]\n"
		"----\n"
		"\n"
		"////\n"
		"ifdef::draft[]\n"
		"include::draft.adoc[]\n"
		"////\n"
		"\n"
		"[glossary]\n"
		"Bucket::\n"
		"  A container in {product} {edition} ({region}), see {url-repo}/issues[the tracker] or {url-repo}/wiki[].\n"
		"ifdef::backend-html5,pdf[]\n"
		"  On the web.\n"
		"endif::backend-html5,pdf[]\n"
		"ifdef::Cloud+product[]\n"
		"  Not this.\n"
		"endif::other[]\n"
		"endif::[]\n"
		"  Next.\n"
		"\n"
		":product!:\n"
		"ifdef::product[]\n"
		"Unset::\n"
		"  Dropped.\n"
		"endif::[]\n"
		"\n"
		"Object::\n"
		"  A file in {product}.\n"
		"ifdef::product[]\n";
	g = read_built("rev.adoc", more, sizeof(more) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_STRING_EQUAL(must_have(g, "Bucket")->definition,
			       "A container in Acme Community (north), see the tracker or https://example.com/acme/wiki. "
			       "On the web. Next.");
	CU_ASSERT_STRING_EQUAL(must_have(g, "Object")->definition, "A file in Acme.");
	CU_ASSERT_EQUAL(diagnostics_saying(g, "'include::example.py[tags=bucket]' is not read"), 1);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "name the included file"), 0);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "'endif::other[]' closes no conditional open"), 1);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "this conditional has no \"endif::\""), 1);
	gg_glossary_free(g);

	/* a one-line conditional's text right after a paragraph's line: its directive is no text */
	static const char inline_if[] = ":x:\n\nBucket::\nA container\nifdef::x[for *objects*.]\nMore text.\n";
	g = read_built("inline.adoc", inline_if, sizeof(inline_if) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_STRING_EQUAL(must_have(g, "Bucket")->definition, "A container for objects. More text.");
	gg_glossary_free(g);

	/* attribute references that would expand past the file's size many times over are cut */
	static const char head[] = ":a: ";
	size_t value = 4096, refs = 20000, len = 0;
	char *big = malloc(sizeof(head) + value + 32 + refs * 4);
	CU_ASSERT_PTR_NOT_NULL_FATAL(big);
	memcpy(big, head, sizeof(head) - 1);
	len = sizeof(head) - 1;
	memset(big + len, 'x', value);
	len += value;
	memcpy(big + len, "\n\nTerm::\n", 9);
	len += 9;
	for (size_t i = 0; i < refs; i++, len += 4)
		memcpy(big + len, "{a} ", 4);
	g = read_built("big.adoc", big, len);
	free(big);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *term = must_have(g, "Term");
	CU_ASSERT(strlen(term->definition) < 16 * len + (1u << 20) + 4 * refs);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "attribute references expanded past 16 times"), 1);
	gg_glossary_free(g);
}

CU_ErrorCode suite_asciidoc_add(void)
{
	CU_pSuite s = CU_add_suite("AsciiDoc reader", NULL, NULL);
	if (!s || !CU_add_test(s, "description lists, anchors, inline markup", test_description_lists) ||
	    !CU_add_test(s, "sections and nested lists", test_sections_and_lists) ||
	    !CU_add_test(s, "attached blocks, paragraphs, stacked terms", test_blocks_and_paragraphs) ||
	    !CU_add_test(s, "found by content; no entries", test_found_by_content) ||
	    !CU_add_test(s, "preprocessor conditionals, includes, attribute links", test_preprocessor))
		return CU_get_error();
	return CUE_SUCCESS;
}
