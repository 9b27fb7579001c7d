/* test_xlsx.c - the Excel reader: sheets as tables, shared and inline strings, rows' numbers as lines. */
#include "suites.h"
#include "glossgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * tests/data/book.xlsx (tests/data/make-xlsx.py writes it): the workbook
 * at another path, found through the package's relationships; a shared
 * string of rich text runs, its phonetic guide left out; an inline
 * string, a number and a boolean under a column no reader names; rows
 * after a gap on the lines of their numbers, a row out of order left out;
 * a sheet the relationships do not name skipped, the next one's rows
 * going on after the first's; a formula's result; Excel's escapes; a
 * sheet that is no well-formed XML left out with a warning.
 */
static void test_book(void)
{
	gg_glossary *g = read_fixture(FIXTURE("book.xlsx"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 4);
	const gg_entry *kanji = entry_named(g, "Kanji"), *kana = entry_named(g, "Kana"),
		       *romaji = entry_named(g, "Romaji"), *furigana = entry_named(g, "Furigana");
	CU_ASSERT_PTR_NOT_NULL_FATAL(kanji);
	CU_ASSERT_PTR_NOT_NULL_FATAL(kana);
	CU_ASSERT_PTR_NOT_NULL_FATAL(romaji);
	CU_ASSERT_PTR_NOT_NULL_FATAL(furigana);
	CU_ASSERT_PTR_NULL(entry_named(g, "Out of order"));
	CU_ASSERT_STRING_EQUAL(kanji->definition, "Characters borrowed from Chinese");
	CU_ASSERT_EQUAL(kanji->line, 2);
	CU_ASSERT_STRING_EQUAL(kana->definition, "");
	CU_ASSERT_EQUAL(kana->line, 5);
	CU_ASSERT_STRING_EQUAL(romaji->definition, "Latin letters");
	CU_ASSERT_EQUAL(romaji->line, 8); /* row 3 of a sheet whose row 1 is on line 6 */
	CU_ASSERT_EQUAL(furigana->line, 9);
	CU_ASSERT_STRING_EQUAL(furigana->definition, "Kana beside kanji, as in _x0041_");
	CU_ASSERT_EQUAL(diagnostics_saying(g, "sheet 'Broken' (book/worksheets/sheet4.xml is not well-formed XML"), 1);
	gg_glossary_free(g);
}

/*
 * tests/data/same/glossary.xlsx is found by its content, and as a Word
 * document by its name (the Word reader hands a workbook over); what is
 * no workbook is skipped with a warning.
 */
static void test_content_and_errors(void)
{
	size_t len = 0;
	char *data = slurp(FIXTURE("same/glossary.xlsx"), &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	const char *names[] = { "glossary", "glossary.docx" };
	for (size_t k = 0; k < 2; k++) {
		gg_glossary *g = read_built(names[k], data, len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(g);
		CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 14);
		const gg_entry *vm = entry_named(g, "Virtual machine");
		CU_ASSERT_PTR_NOT_NULL_FATAL(vm);
		CU_ASSERT_EQUAL(vm->line, 2);
		CU_ASSERT_EQUAL_FATAL(vm->n_names, 1);
		CU_ASSERT_STRING_EQUAL(vm->names[0], "guest machine");
		gg_glossary_free(g);
	}
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "cut.xlsx", data, len / 2), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "x.xlsx", "not a zip", 9), 0);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 0);
	CU_ASSERT_EQUAL(diagnostics_saying(g, "not an Excel workbook"), 2);
	gg_glossary_free(g);
	free(data);
}

CU_ErrorCode suite_xlsx_add(void)
{
	CU_pSuite s = CU_add_suite("Excel reader", NULL, NULL);
	if (!s || !CU_add_test(s, "a workbook's sheets", test_book) ||
	    !CU_add_test(s, "found by content and name; what is no workbook", test_content_and_errors))
		return CU_get_error();
	return CUE_SUCCESS;
}
