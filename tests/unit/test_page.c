/* test_page.c - the text page reader: chrome, entry shapes, line lists, bad bytes. */
#include "suites.h"
#include "glossgraph.h"

#include <stdlib.h>
#include <string.h>

static const char chrome[] =
	"\xE2\x86\x90 Back to Some Chat\n\nSome Glossary\n\n3 technical terms and definitions\n\n"
	"A B C D E F G H I J K L M N O P Q R S T U V W X Y Z All\n"
	"Showing page 1 of 1 (3 entries)\n\n";

/* Read `text` as one page and build; the glossary, or NULL when build fails. */
static gg_glossary *read_text(const char *text, size_t len)
{
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_read_buffer(g, "page.txt", text, len), 0);
	if (gg_glossary_build(g, NULL) != 0) {
		gg_glossary_free(g);
		return NULL;
	}
	return g;
}

static bool has_diagnostic(const gg_glossary *g, uint32_t line, const char *needle)
{
	for (size_t i = 0; i < gg_glossary_diagnostic_count(g); i++) {
		const gg_diagnostic *d = gg_glossary_diagnostic(g, i);
		if ((line == 0 || d->line == line) && strstr(d->message, needle))
			return true;
	}
	return false;
}

static void test_chrome_and_entries(void)
{
	char text[1024];
	snprintf(text, sizeof(text), "%s%s", chrome,
		 "alpha beta, category one\n\n**Alpha Beta** is the first.\n\n"
		 "gamma, category one\n\n**Gamma** follows alpha beta.\n");
	gg_glossary *g = read_text(text, strlen(text));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_EQUAL(gg_glossary_stats(g)->skipped_lines, 0);
	const gg_entry *e = gg_glossary_entry(g, 0);
	CU_ASSERT_STRING_EQUAL(e->header, "alpha beta, category one");
	CU_ASSERT_EQUAL(e->line, 10);
	CU_ASSERT_STRING_EQUAL(e->definition, "**Alpha Beta** is the first.");
	CU_ASSERT_EQUAL(e->offset, strlen(chrome) + strlen("alpha beta, category one\n\n"));
	CU_ASSERT_STRING_EQUAL(gg_glossary_concept(g, 0)->name, "Alpha Beta");
	CU_ASSERT_STRING_EQUAL(gg_glossary_concept(g, 0)->categories[0], "category one");
	gg_glossary_free(g);
}

/* The page line is known by its shape "K of P": a first header that holds
 * two numbers right after the letter bar is an entry. */
static void test_pagination_shape(void)
{
	static const char *const pages[] = {
		"A B C D E F G H I J K L M N O P Q R S T U V W X Y Z All\n"
		"ipv4 to ipv6 migration, networking\n\n**IPv4 to IPv6 migration** moves a network.\n",
		"A B C D E F G H I J K L M N O P Q R S T U V W X Y Z All\n"
		"Showing page 2 of 266 (13,255 entries)\n\n"
		"ipv4 to ipv6 migration, networking\n\n**IPv4 to IPv6 migration** moves a network.\n",
		"A B C D E F G H I J K L M N O P Q R S T U V W X Y Z All\n3/12\n\n"
		"ipv4 to ipv6 migration, networking\n\n**IPv4 to IPv6 migration** moves a network.\n",
	};
	for (size_t i = 0; i < sizeof(pages) / sizeof(*pages); i++) {
		gg_glossary *g = read_text(pages[i], strlen(pages[i]));
		CU_ASSERT_PTR_NOT_NULL_FATAL(g);
		CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 1);
		CU_ASSERT_EQUAL(gg_glossary_stats(g)->skipped_lines, 0);
		CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, "ipv4 to ipv6 migration, networking");
		CU_ASSERT_STRING_EQUAL(gg_glossary_concept(g, 0)->name, "IPv4 to IPv6 migration");
		gg_glossary_free(g);
	}
}

/* CRLF, lone CR and a BOM read exactly as LF does. */
static void test_line_ends(void)
{
	const char *lf = "one, cat\n\n**One** is one.\n\ntwo, cat\n\n**Two** is two.\n";
	const char *crlf = "\xEF\xBB\xBFone, cat\r\n\r\n**One** is one.\r\n\r\ntwo, cat\r\n\r\n**Two** is two.\r\n";
	const char *cr = "one, cat\r\r**One** is one.\r\rtwo, cat\r\r**Two** is two.\r";
	const char *texts[] = { lf, crlf, cr };
	for (size_t t = 0; t < 3; t++) {
		gg_glossary *g = read_text(texts[t], strlen(texts[t]));
		CU_ASSERT_PTR_NOT_NULL_FATAL(g);
		CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
		CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, "one, cat");
		CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 1)->definition, "**Two** is two.");
		CU_ASSERT_EQUAL(gg_glossary_entry(g, 1)->line, 5);
		CU_ASSERT_EQUAL(gg_glossary_diagnostic_count(g), 0);
		gg_glossary_free(g);
	}
}

static void test_bad_bytes(void)
{
	const char text[] = "bad\xFF term, cat\n\n**Bad term** has a NUL \0 here.\n";
	gg_glossary *g = read_text(text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 1);
	CU_ASSERT_EQUAL(gg_glossary_stats(g)->replaced_bytes, 2);
	CU_ASSERT_TRUE(has_diagnostic(g, 1, "replaced by U+FFFD"));
	CU_ASSERT_TRUE(has_diagnostic(g, 3, "replaced by U+FFFD"));
	CU_ASSERT_PTR_NOT_NULL(strstr(gg_glossary_entry(g, 0)->definition, "NUL \xEF\xBF\xBD here"));
	gg_glossary_free(g);
}

/* Positions in a definition map back to the file's bytes exactly. */
static void test_file_offsets(void)
{
	const char text[] = "x, cat\n\n  **X** a\xFF\xC3 b NAS\n  and more NTK\n\ny, cat\n\n**Y** is.\n";
	gg_glossary *g = read_text(text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	const gg_entry *e = gg_glossary_entry(g, 0);
	CU_ASSERT_STRING_EQUAL(e->definition, "**X** a\xEF\xBF\xBD\xEF\xBF\xBD b NAS and more NTK");
	CU_ASSERT_EQUAL(e->offset, (uint64_t)(strstr(text, "**X**") - text));
	const char *words[] = { "NAS", "NTK", "**X**" };
	for (size_t i = 0; i < 3; i++) {
		size_t pos = (size_t)(strstr(e->definition, words[i]) - e->definition);
		uint64_t want = (uint64_t)(strstr(text, words[i]) - text);
		CU_ASSERT_EQUAL(gg_glossary_file_offset(g, 0, pos), want);
	}
	gg_glossary_free(g);
}

static void test_header_without_definition(void)
{
	const char *text = "lonely, cat\n\nnext one, cat\n\n**Next One** is here.\n\nlast, cat\n";
	gg_glossary *g = read_text(text, strlen(text));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 3);
	CU_ASSERT_TRUE(has_diagnostic(g, 1, "has no definition"));
	CU_ASSERT_TRUE(has_diagnostic(g, 7, "has no definition"));
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 1)->definition, "**Next One** is here.");
	gg_glossary_free(g);
}

static void test_no_blank_line_between_entries(void)
{
	const char *text = "one, cat\n\n**One** is one.\ntwo, cat\n\n**Two** is two.\n";
	gg_glossary *g = read_text(text, strlen(text));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition, "**One** is one.");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 1)->header, "two, cat");
	CU_ASSERT_TRUE(has_diagnostic(g, 4, "no blank line"));
	gg_glossary_free(g);
}

/*
 * Definitions set in under their terms (a hanging indent, as RFCs and
 * manuals write glossaries): with or without blank lines between entries,
 * in paragraphs set in as deep; a line alone above the first entry is a
 * title, not a term; a term back at the terms' indent right after another
 * has no definition; a sentence back at the margin goes on with the
 * definition; a title underlined is no entry. Not this layout: a term
 * above a list whose items wrap, or above an introduction and an example
 * set in under it.
 */
static void test_hanging_indent(void)
{
	const char *text = "Glossary of Terms\n\n   Access control\n      Protection of resources;\n"
			   "      a process.\n\n   Authentication\n      Verifying an identity.\n";
	gg_glossary *g = read_text(text, strlen(text));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, "Access control");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition, "Protection of resources; a process.");
	CU_ASSERT_EQUAL(gg_glossary_entry(g, 0)->line, 3);
	CU_ASSERT_TRUE(has_diagnostic(g, 1, "a line alone before an entry"));
	gg_glossary_free(g);

	text = "Term A\n\tDef of A,\n\tgoing on.\nTerm B\nTerm C\n    Def of C.\n";
	g = read_text(text, strlen(text));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 3);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition, "Def of A, going on.");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 1)->header, "Term B");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 1)->definition, "");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 2)->definition, "Def of C.");
	CU_ASSERT_EQUAL(gg_glossary_entry(g, 2)->line, 5);
	CU_ASSERT_EQUAL(gg_glossary_entry(g, 2)->offset, (uint64_t)(strstr(text, "Def of C") - text));
	gg_glossary_free(g);

	text = "   API\n      Def of api,\nand a sentence back at the margin that is no term at all.\n\n"
	       "      Second paragraph.\n\n   SDK\n      Def of sdk.\n";
	g = read_text(text, strlen(text));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition,
			       "Def of api, and a sentence back at the margin that is no term at all. Second paragraph.");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 1)->header, "SDK");
	gg_glossary_free(g);

	/* a title underlined ("====") is no entry */
	text = "Glossary\n========\n\nCache\n    A fast store.\nBuffer\n    A region.\n";
	g = read_text(text, strlen(text));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, "Cache");
	CU_ASSERT_TRUE(has_diagnostic(g, 1, "a title, underlined"));
	gg_glossary_free(g);

	text = "Cache\n    A fast store.\n\n    It is small.\nBuffer\n    A region.\n";
	g = read_text(text, strlen(text));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->definition, "A fast store. It is small.");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 1)->header, "Buffer");
	gg_glossary_free(g);

	const char *not_hanging[] = {
		"API\n\n- An interface, the contract\n  between two programs.\n- Also an endpoint.\n\nSDK\n\nA kit.\n",
		"grep\n\nSearch files for a pattern, for example:\n    grep -r foo .\n\nsed\n\nA stream editor.\n",
	};
	for (size_t i = 0; i < 2; i++) {
		g = read_text(not_hanging[i], strlen(not_hanging[i]));
		CU_ASSERT_PTR_NOT_NULL_FATAL(g);
		CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 2);
		CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 0)->header, i ? "grep" : "API");
		gg_glossary_free(g);
	}
}

static void test_empty_and_entryless(void)
{
	gg_glossary *g = NULL;
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "empty.txt", "", 0), 0);
	CU_ASSERT_TRUE(has_diagnostic(g, 0, "empty page"));
	CU_ASSERT_EQUAL(gg_glossary_build(g, NULL), GG_EINPUT);
	gg_glossary_free(g);

	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "ws.txt", " \n\t\n\n", 5), 0);
	CU_ASSERT_EQUAL(gg_glossary_build(g, NULL), GG_EINPUT);
	gg_glossary_free(g);
}

static void test_long_line(void)
{
	size_t n = 5u << 20;
	char *text = malloc(n + 64);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	strcpy(text, "long one, cat\n\n**Long One** ");
	size_t at = strlen(text);
	memset(text + at, 'x', n);
	strcpy(text + at + n, ".\n");
	gg_glossary *g = read_text(text, strlen(text));
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 1);
	CU_ASSERT_EQUAL(gg_glossary_entry(g, 0)->definition_len, strlen("**Long One** ") + n + 1);
	gg_glossary_free(g);

	/* a huge line where a header should be is reported, not taken as a term */
	memset(text, 'y', n);
	text[n] = '\0';
	CU_ASSERT_EQUAL_FATAL(gg_glossary_new(&g), 0);
	CU_ASSERT_EQUAL(gg_glossary_read_buffer(g, "huge.txt", text, n), 0);
	CU_ASSERT_TRUE(has_diagnostic(g, 1, "too long for a header"));
	CU_ASSERT_EQUAL(gg_glossary_stats(g)->skipped_lines, 1);
	CU_ASSERT_EQUAL(gg_glossary_build(g, NULL), GG_EINPUT);
	gg_glossary_free(g);
	free(text);
}

/*
 * One entry a line: "Term: definition", a tab, or a dash between spaces; a
 * line that is no entry continues the definition above; a title before the
 * first entry is reported and skipped. Offsets still lead into the file.
 */
static void test_line_list(void)
{
	const char text[] =
		"Networking terms\n"
		"\n"
		"Router: Forwards packets between networks; see switch.\n"
		"Switch - Joins hosts of one network,\n"
		"  wrapped onto a second line.\n"
		"Hub\tRepeats every frame \xE2\x80\x94 a dumb switch.\n"
		"Domain Name System (DNS) \xE2\x80\x94 Turns names into addresses. Note: the next line is one.\n"
		"Uptime: 10:30 hours.\n";
	gg_glossary *g = read_text(text, sizeof(text) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 5);
	CU_ASSERT_TRUE(has_diagnostic(g, 1, "1 line skipped: before the first entry"));
	CU_ASSERT_EQUAL(gg_glossary_stats(g)->skipped_lines, 1);
	const gg_entry *router = gg_glossary_entry(g, 0), *sw = gg_glossary_entry(g, 1),
		       *hub = gg_glossary_entry(g, 2), *dns = gg_glossary_entry(g, 3);
	CU_ASSERT_STRING_EQUAL(router->header, "Router");
	CU_ASSERT_EQUAL(router->line, 3);
	CU_ASSERT_STRING_EQUAL(router->definition, "Forwards packets between networks; see switch.");
	CU_ASSERT_EQUAL(router->offset, (uint64_t)(strstr(text, "Forwards") - text));
	CU_ASSERT_STRING_EQUAL(sw->header, "Switch");
	CU_ASSERT_STRING_EQUAL(sw->definition, "Joins hosts of one network, wrapped onto a second line.");
	size_t at = (size_t)(strstr(sw->definition, "wrapped") - sw->definition);
	CU_ASSERT_EQUAL(gg_glossary_file_offset(g, 1, at), (uint64_t)(strstr(text, "wrapped") - text));
	CU_ASSERT_STRING_EQUAL(hub->header, "Hub");
	CU_ASSERT_STRING_EQUAL(hub->definition, "Repeats every frame \xE2\x80\x94 a dumb switch.");
	CU_ASSERT_STRING_EQUAL(dns->header, "Domain Name System (DNS)");
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 4)->header, "Uptime");
	size_t found;
	CU_ASSERT_EQUAL(gg_glossary_find(&found, g, "DNS"), 0);
	gg_glossary_free(g);

	/* sections: a title names the category of the entries after it (a letter
	 * does not); list markers are no part of a term; a paragraph after a
	 * blank line goes on with the definition; a bad byte in a term keeps the
	 * definition's offset */
	const char sections[] =
		"Storage\n\n- Disk: keeps data.\n- Tape: keeps data\n\n  longer.\n\nB\n\n"
		"Bus: shared wires.\nBIOS: starts the machine.\nBoot: what BIOS does.\n"
		"Caf\xFF: a place.\n";
	g = read_text(sections, sizeof(sections) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL_FATAL(gg_glossary_entry_count(g), 6);
	const gg_entry *disk = gg_glossary_entry(g, 0), *tape = gg_glossary_entry(g, 1), *bus = gg_glossary_entry(g, 2);
	CU_ASSERT_STRING_EQUAL(disk->header, "Disk");
	CU_ASSERT_EQUAL_FATAL(disk->n_categories, 1);
	CU_ASSERT_STRING_EQUAL(disk->categories[0], "Storage");
	CU_ASSERT_STRING_EQUAL(tape->definition, "keeps data longer.");
	CU_ASSERT_EQUAL(bus->n_categories, 0);
	CU_ASSERT_EQUAL(gg_glossary_stats(g)->skipped_lines, 0);
	const gg_entry *cafe = gg_glossary_entry(g, 5);
	CU_ASSERT_STRING_EQUAL(cafe->header, "Caf\xEF\xBF\xBD");
	CU_ASSERT_EQUAL(cafe->offset, (uint64_t)(strstr(sections, "a place") - sections));
	gg_glossary_free(g);

	/* a glossary page whose headers hold ": " is no line list */
	const char page[] = "c: the language, programming\n\n**C: the language** is old.\n\n"
			    "go: the language, programming\n\n**Go: the language** is newer.\n";
	g = read_text(page, sizeof(page) - 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(gg_glossary_entry_count(g), 2);
	CU_ASSERT_STRING_EQUAL(gg_glossary_entry(g, 1)->definition, "**Go: the language** is newer.");
	gg_glossary_free(g);
}


CU_ErrorCode suite_page_add(void)
{
	CU_pSuite s = CU_add_suite("text page reader", NULL, NULL);
	if (!s || !CU_add_test(s, "chrome and entries", test_chrome_and_entries) ||
	    !CU_add_test(s, "page line by its shape", test_pagination_shape) ||
	    !CU_add_test(s, "CRLF, CR and BOM", test_line_ends) ||
	    !CU_add_test(s, "invalid UTF-8 and NUL", test_bad_bytes) ||
	    !CU_add_test(s, "file offsets of definition bytes", test_file_offsets) ||
	    !CU_add_test(s, "header without definition", test_header_without_definition) ||
	    !CU_add_test(s, "no blank line between entries", test_no_blank_line_between_entries) ||
	    !CU_add_test(s, "definitions set in under their terms", test_hanging_indent) ||
	    !CU_add_test(s, "empty and entryless pages", test_empty_and_entryless) ||
	    !CU_add_test(s, "5 MB line", test_long_line) ||
	    !CU_add_test(s, "one entry a line", test_line_list))
		return CU_get_error();
	return CUE_SUCCESS;
}
