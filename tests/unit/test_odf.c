/* test_odf.c - the OpenDocument reader: text and spreadsheets, packed and flat; styles, bookmarks and links, what is left out. */
#include "suites.h"
#include "glossgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * tests/data/team.odt (tests/data/make-odf.py writes it): bold terms
 * opening paragraphs, by an automatic text style, a named text style, a
 * paragraph style bold through its parent whose spans turn bold off after
 * the term; a link to a bookmark and a bookmark reference as editor links;
 * a footnote, a comment, a tracked deletion and a table of contents left
 * out; spaces, a tab, a line break, a superscript; a fixed-pitch face as
 * code; an item of a list; lines numbering paragraphs.
 */
static void test_team_document(void)
{
	gg_glossary *g = read_fixture(FIXTURE("team.odt"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 5);
	const gg_entry *backlog = entry_named(g, "Backlog"), *sprint = entry_named(g, "Sprint"),
		       *owner = entry_named(g, "Product owner"), *velocity = entry_named(g, "Velocity"),
		       *stakeholder = entry_named(g, "Stakeholder");
	CU_ASSERT_PTR_NOT_NULL_FATAL(backlog);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sprint);
	CU_ASSERT_PTR_NOT_NULL_FATAL(owner);
	CU_ASSERT_PTR_NOT_NULL_FATAL(velocity);
	CU_ASSERT_PTR_NOT_NULL_FATAL(stakeholder);
	CU_ASSERT_STRING_EQUAL(backlog->definition, "The ordered list of work; the product owner orders it.");
	CU_ASSERT_EQUAL(backlog->line, 2); /* the title on line 1; the deletion and the contents no lines */
	CU_ASSERT_EQUAL_FATAL(backlog->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(backlog->xrefs[0].target, "Product owner");
	CU_ASSERT_EQUAL(strncmp(backlog->definition + backlog->xrefs[0].offset, "product owner", 13), 0);

	CU_ASSERT_STRING_EQUAL(sprint->definition, "A fixed period of work from the backlog. Two weeks long.");
	CU_ASSERT_EQUAL_FATAL(sprint->n_xrefs, 1);
	CU_ASSERT_STRING_EQUAL(sprint->xrefs[0].target, "Backlog");

	CU_ASSERT_STRING_EQUAL(owner->definition,
			       "Orders the backlog and accepts the work of a sprint; runs `git log`.");
	CU_ASSERT_STRING_EQUAL(velocity->definition, "Work done in a sprint, about 10^2 points. Measured each sprint.");
	CU_ASSERT_STRING_EQUAL(stakeholder->definition, "Anyone with an interest in the product.");
	CU_ASSERT_EQUAL(stakeholder->line, 6);
	gg_glossary_free(g);
}

/*
 * tests/data/headings.fodt, a flat document, found by its extension and
 * by its content: one heading per term under its section's (categories);
 * a link to a heading ("#Screen|outline") an editor link.
 */
static void test_flat_headings(void)
{
	size_t len = 0;
	char *data = slurp(FIXTURE("headings.fodt"), &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	for (int by_content = 0; by_content < 2; by_content++) {
		gg_glossary *g = read_built(by_content ? "glossary" : "glossary.fodt", data, len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(g);
		CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
		const gg_entry *halftone = entry_named(g, "Halftone"), *screen = entry_named(g, "Screen");
		CU_ASSERT_PTR_NOT_NULL_FATAL(halftone);
		CU_ASSERT_PTR_NOT_NULL_FATAL(screen);
		CU_ASSERT_STRING_EQUAL(halftone->definition,
				       "Dots of one ink in a pattern that the eye blends, made through a screen.");
		CU_ASSERT_EQUAL_FATAL(halftone->n_categories, 1);
		CU_ASSERT_STRING_EQUAL(halftone->categories[0], "Printing");
		CU_ASSERT_EQUAL_FATAL(screen->n_categories, 1);
		CU_ASSERT_STRING_EQUAL(screen->categories[0], "Prepress");
		CU_ASSERT_EQUAL_FATAL(halftone->n_xrefs, 1);
		CU_ASSERT_STRING_EQUAL(halftone->xrefs[0].target, "Screen");
		gg_glossary_free(g);
	}
	free(data);
}

/*
 * tests/data/same/glossary.ods: a sheet whose header row names its
 * columns, found by its content; an entry's line is its row's number.
 */
static void test_spreadsheet(void)
{
	size_t len = 0;
	char *data = slurp(FIXTURE("same/glossary.ods"), &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	gg_glossary *g = read_built("glossary", data, len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 14);
	const gg_entry *vm = entry_named(g, "Virtual machine");
	CU_ASSERT_PTR_NOT_NULL_FATAL(vm);
	CU_ASSERT_EQUAL(vm->line, 2);
	CU_ASSERT_EQUAL_FATAL(vm->n_abbrevs, 1);
	CU_ASSERT_STRING_EQUAL(vm->abbrevs[0], "VM");
	CU_ASSERT_EQUAL_FATAL(vm->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(vm->categories[0], "Compute");
	gg_glossary_free(g);
	free(data);
}

#define FLAT_HEAD                                                                                     \
	"<?xml version=\"1.0\"?>\n<office:document "                                                  \
	"xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "                           \
	"xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "                             \
	"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"

/*
 * A cell repeated with its text fills each column it stands for; empty
 * rows between rows are lines, a table in a cell is its text; a row
 * repeated is read once.
 */
static void test_repeated_cells(void)
{
	const char sheet[] = FLAT_HEAD
		"<office:spreadsheet><table:table>"
		"<table:table-row><table:table-cell><text:p>Term</text:p></table:table-cell>"
		"<table:table-cell><text:p>Definition</text:p></table:table-cell>"
		"<table:table-cell><text:p>Category</text:p></table:table-cell></table:table-row>"
		"<table:table-row table:number-rows-repeated=\"3\"><table:table-cell table:number-columns-repeated=\"5\"/>"
		"</table:table-row>"
		"<table:table-row><table:table-cell><text:p>Alpha</text:p></table:table-cell>"
		"<table:table-cell table:number-columns-repeated=\"2\"><text:p>Greek</text:p></table:table-cell>"
		"</table:table-row>"
		"<table:table-row table:number-rows-repeated=\"2\"><table:table-cell><text:p>Beta</text:p></table:table-cell>"
		"<table:table-cell><table:table><table:table-row><table:table-cell><text:p>Second</text:p>"
		"</table:table-cell><table:table-cell><text:p>letter</text:p></table:table-cell></table:table-row>"
		"</table:table></table:table-cell></table:table-row>"
		"</table:table></office:spreadsheet></office:body></office:document>";
	gg_glossary *g = read_built("sheet.fods", sheet, sizeof(sheet) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	const gg_entry *alpha = entry_named(g, "Alpha"), *beta = entry_named(g, "Beta");
	CU_ASSERT_PTR_NOT_NULL_FATAL(alpha);
	CU_ASSERT_PTR_NOT_NULL_FATAL(beta);
	CU_ASSERT_STRING_EQUAL(alpha->definition, "Greek");
	CU_ASSERT_EQUAL_FATAL(alpha->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(alpha->categories[0], "Greek");
	CU_ASSERT_EQUAL(alpha->line, 5); /* the header, three empty rows */
	CU_ASSERT_STRING_EQUAL(beta->definition, "Second letter");
	CU_ASSERT_EQUAL(beta->line, 6);
	gg_glossary_free(g);
}

/*
 * What is no OpenDocument text or spreadsheet is skipped with a warning,
 * as a page without entries is: a cut archive, bytes that are neither
 * ZIP nor XML, an archive without content.xml, a presentation.
 */
static void test_errors(void)
{
	size_t len = 0;
	char *data = slurp(FIXTURE("team.odt"), &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	const char slides[] = FLAT_HEAD "<office:presentation/></office:body></office:document>";
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "cut.odt", data, len / 2), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "x.ods", "not a zip", 9), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "slides.fodt", slides, sizeof(slides) - 1), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "not an OpenDocument text or spreadsheet"), 3);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "its body is a presentation"), 1);
	gg_glossary_free(g);
	free(data);
}

CU_ErrorCode suite_odf_add(void)
{
	CU_pSuite s = CU_add_suite("OpenDocument reader", NULL, NULL);
	if (!s || !CU_add_test(s, "a text document's terms and links", test_team_document) ||
	    !CU_add_test(s, "a flat document of headings", test_flat_headings) ||
	    !CU_add_test(s, "a spreadsheet, found by content", test_spreadsheet) ||
	    !CU_add_test(s, "repeated cells and rows", test_repeated_cells) ||
	    !CU_add_test(s, "what is no such document", test_errors))
		return CU_get_error();
	return CUE_SUCCESS;
}
