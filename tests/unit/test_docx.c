/* test_docx.c - the Word reader: styles, bold runs, bookmarks and links, fields, changes, tables. */
#include "suites.h"
#include "glossgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * tests/data/team.docx (tests/data/make-docx.py writes it): bold terms
 * opening paragraphs, by the run's own bold, a bold character style, a
 * bold paragraph style whose run turns bold off after the term; headings
 * by style; Word's cross-references (a hyperlink to a bookmark, REF and
 * HYPERLINK fields) as editor links; deleted text left out, inserted text
 * kept; a footnote reference left out; a tab a space; a monospace run
 * code; lines numbering paragraphs.
 */
static void test_team_document(void)
{
	gg_glossary *g = read_fixture(FIXTURE("team.docx"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 5);
	const gg_entry *backlog = entry_named(g, "Backlog"), *sprint = entry_named(g, "Sprint"),
		       *owner = entry_named(g, "Product owner"), *master = entry_named(g, "Scrum master");
	CU_ASSERT_PTR_NOT_NULL_FATAL(backlog);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sprint);
	CU_ASSERT_PTR_NOT_NULL_FATAL(owner);
	CU_ASSERT_PTR_NOT_NULL_FATAL(master);
	CU_ASSERT_PTR_NOT_NULL_FATAL(entry_named(g, "Stakeholder"));
	CU_ASSERT_STRING_EQUAL(entry_named(g, "Stakeholder")->definition, "Anyone with an interest in the product.");
	CU_ASSERT_STRING_EQUAL(backlog->definition, "The ordered list of work; the product owner orders it.");
	CU_ASSERT_EQUAL(backlog->line, 3);
	CU_ASSERT_EQUAL_FATAL(backlog->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(backlog->xrefs[0].target, "Product owner");
	CU_ASSERT_EQUAL(strncmp(backlog->definition + backlog->xrefs[0].offset, "product owner", 13), 0);

	CU_ASSERT_STRING_EQUAL(sprint->definition, "A fixed period of work from the backlog. Two weeks long.");
	CU_ASSERT_EQUAL_FATAL(sprint->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(sprint->xrefs[0].target, "Backlog");

	CU_ASSERT_STRING_EQUAL(owner->definition,
			       "Orders the backlog and accepts the work of a sprint; runs `git log`.");
	CU_ASSERT_EQUAL_FATAL(owner->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(owner->xrefs[0].target, "Sprint");
	CU_ASSERT_STRING_EQUAL(master->definition, "Keeps the sprint going, not the backlog");
	gg_glossary_free(g);
}

/*
 * tests/data/odd.docx: the main part found through the package's
 * relationships, no styles.xml, rows inside a content control, moved text
 * (where it went, not where it was), a superscript exponent, a field
 * inside another's code hidden, and a field whose code never ends: the
 * text after it left out, with a warning.
 */
static void test_odd_document(void)
{
	gg_glossary *g = read_fixture(FIXTURE("odd.docx"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	const gg_entry *kilo = entry_named(g, "Kilo"), *mega = entry_named(g, "Mega");
	CU_ASSERT_PTR_NOT_NULL_FATAL(kilo);
	CU_ASSERT_PTR_NOT_NULL_FATAL(mega);
	CU_ASSERT_STRING_EQUAL(kilo->definition, "A factor of 10^3, moved here.");
	CU_ASSERT_STRING_EQUAL(mega->definition, "A factor of a thousand kilo.");
	CU_ASSERT_EQUAL(diagnostics_saying(g, "never ends"), 1);
	gg_glossary_free(g);
}

/*
 * tests/data/headings.docx: one heading per term in a style based on
 * Heading 2, under sections in a style based on Heading 1 (categories); a
 * character style based on a bold one that turns bold off is not bold; a
 * loop of styles based on each other ends, its paragraph plain text.
 */
static void test_based_styles(void)
{
	gg_glossary *g = read_fixture(FIXTURE("headings.docx"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	const gg_entry *router = entry_named(g, "Router"), *sw = entry_named(g, "Switch");
	CU_ASSERT_PTR_NOT_NULL_FATAL(router);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sw);
	CU_ASSERT_STRING_EQUAL(router->definition, "Forwards packets between networks; see the switch.");
	CU_ASSERT_STRING_EQUAL(sw->definition, "Joins the hosts of one network, unlike a router. Looping");
	CU_ASSERT_EQUAL_FATAL(router->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(router->categories[0], "Routing");
	CU_ASSERT_EQUAL_FATAL(sw->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(sw->categories[0], "Switching");
	gg_glossary_free(g);
}

/*
 * A Word document is found by its content too (a ZIP archive); a cut
 * archive, or something that is no ZIP, is skipped with a warning, as a
 * page without entries is: one such file in a folder of pages (Word's own
 * lock file "~$name.docx") does not stop the others.
 */
static void test_content_and_errors(void)
{
	size_t len = 0;
	char *data = slurp(FIXTURE("same/glossary.docx"), &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	gg_glossary *g = read_built("glossary", data, len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 14);
	const gg_entry *vm = entry_named(g, "Virtual machine");
	CU_ASSERT_PTR_NOT_NULL_FATAL(vm);
	CU_ASSERT_EQUAL_FATAL(vm->n_abbrevs, 1);
	CU_ASSERT_STRING_EQUAL(vm->abbrevs[0], "VM");
	CU_ASSERT_EQUAL_FATAL(vm->n_names, 1);
	CU_ASSERT_STRING_EQUAL(vm->names[0], "guest machine");
	CU_ASSERT_EQUAL(vm->line, 4); /* the title, a paragraph, the header row, then its row */
	gg_glossary_free(g);

	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "cut.docx", data, len / 2), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "x.docx", "not a zip", 9), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "not a Word document"), 2);
	gg_glossary_free(g);
	free(data);
}

CU_ErrorCode suite_docx_add(void)
{
	CU_pSuite s = CU_add_suite("Word reader", NULL, NULL);
	if (!s || !CU_add_test(s, "a Word document's terms and links", test_team_document) ||
	    !CU_add_test(s, "found by content; broken archives", test_content_and_errors) ||
	    !CU_add_test(s, "the odd corners of a document", test_odd_document) ||
	    !CU_add_test(s, "styles based on others", test_based_styles))
		return CU_get_error();
	return CUE_SUCCESS;
}
